"""`build.py check` on each kind of broken input prints `path:line: message` and exits 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers_check import check


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if re.match(r"^[\w./-]+:\d+: ", line)]


def test_mini_course_passes(mini_copy: Path) -> None:
    result = check(mini_copy)
    assert result.returncode == 0, result.stderr
    assert "2 modules (3 quiz questions), 1 scenarios, 4 tracks" in result.stdout


def test_track_typo_in_module_names_file_line_and_suggestion(mini_copy: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "tracks: [sygeplejerske]", "tracks: [sygeplejersker]")
    result = check(mini_copy)
    assert result.returncode == 1
    assert ("modules/02-rollemodul.md:5: tracks: 'sygeplejersker' is not a track "
            "(did you mean 'sygeplejerske'?)") in problems_of(result)
    assert "Traceback" not in result.stderr


def test_yaml_syntax_error_reports_parser_line(mini_copy: Path) -> None:
    edit(mini_copy / "scenarios/01-test-scenarie.yml", "setting: Et venteværelse.", "setting: [Et venteværelse.")
    result = check(mini_copy)
    assert result.returncode == 1
    assert any(p.startswith("scenarios/01-test-scenarie.yml:") and "YAML syntax error" in p
               for p in problems_of(result)), result.stderr
    assert "Traceback" not in result.stderr


def test_front_matter_syntax_error_line_is_file_line(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "minutes: 10", "minutes: [10")
    problems = problems_of(check(mini_copy))
    lines = [p for p in problems if p.startswith("modules/01-grundmodul.md:")]
    assert lines and "YAML syntax error" in lines[0]
    assert int(lines[0].split(":")[1]) in (6, 7, 8)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("minutes: 10\n", "", "modules/01-grundmodul.md:2: missing required field 'minutes'"),
        ("minutes: 10", "minutes: ti", "modules/01-grundmodul.md:6: minutes: Input should be a valid integer"),
        ("summary: Et kort", "sumary: Et kort",
         "modules/01-grundmodul.md:4: unknown key 'sumary' (did you mean 'summary'?)"),
    ],
)
def test_module_front_matter_fields(mini_copy: Path, old: str, new: str, expected: str) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", old, new)
    result = check(mini_copy)
    assert result.returncode == 1
    assert any(p.startswith(expected) for p in problems_of(result)), result.stderr


def test_duplicate_module_id(mini_copy: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "id: rollemodul", "id: grundmodul")
    problems = problems_of(check(mini_copy))
    expected = "modules/02-rollemodul.md:2: duplicate module id 'grundmodul' (also in modules/01-grundmodul.md)"
    assert expected in problems, problems


def test_track_naming_unknown_item(mini_copy: Path) -> None:
    edit(mini_copy / "tracks/laerer.yml", "[grundmodul, test-scenarie]", "[grundmodul, test-scenarie, ukendt]")
    problems = problems_of(check(mini_copy))
    assert "tracks/laerer.yml:6: items: 'ukendt' is not a module or scenario" in problems


def test_prerequisite_cycle(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "level: 1\n", "level: 1\nprerequisites: [rollemodul]\n")
    problems = problems_of(check(mini_copy))
    assert any("prerequisites form a cycle" in p for p in problems), problems


def test_scenario_next_pointing_nowhere_and_unreachable_step(mini_copy: Path) -> None:
    edit(mini_copy / "scenarios/01-test-scenarie.yml", "next: alene", "next: alone")
    problems = problems_of(check(mini_copy))
    assert "scenarios/01-test-scenarie.yml:17: next: 'alone' is not a step" in problems, problems
    assert any("step 'alene' cannot be reached from start" in p for p in problems)


def test_scenario_step_without_way_to_an_ending(mini_copy: Path) -> None:
    path = mini_copy / "scenarios/01-test-scenarie.yml"
    edit(path, "ending: godt", "next: alene")
    edit(path, "ending: middel", "next: alene")
    problems = problems_of(check(mini_copy))
    assert any("no ending can be reached from step 'alene'" in p for p in problems), problems
    assert any("ending 'godt' is never reached" in p for p in problems)


def test_scenario_must_be_marked_invented(mini_copy: Path) -> None:
    edit(mini_copy / "scenarios/01-test-scenarie.yml", "invented_for_training: true", "invented_for_training: false")
    problems = problems_of(check(mini_copy))
    assert any(p.startswith("scenarios/01-test-scenarie.yml:7: invented_for_training") for p in problems), problems


def test_quiz_without_correct_answer(mini_copy: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "- [x] Med personens egne ord", "- [ ] Med personens egne ord")
    problems = problems_of(check(mini_copy))
    assert any(p.startswith("modules/02-rollemodul.md:24: quiz question has no correct answer") for p in problems), \
        problems


def test_unclosed_quiz(mini_copy: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "</quiz>", "")
    problems = problems_of(check(mini_copy))
    assert any("quiz is not closed" in p for p in problems), problems


def test_internal_link_to_missing_module(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "(modul:rollemodul)", "(modul:rollemodull)")
    problems = problems_of(check(mini_copy))
    assert ("modules/01-grundmodul.md:19: link 'modul:rollemodull' points to no modul "
            "(did you mean 'rollemodul'?)") in problems, problems


def test_non_utf8_file(mini_copy: Path) -> None:
    path = mini_copy / "modules/01-grundmodul.md"
    path.write_bytes(path.read_text("utf-8").encode("latin-1"))
    problems = problems_of(check(mini_copy))
    assert any(p.startswith("modules/01-grundmodul.md:") and "not valid UTF-8" in p for p in problems), problems


def test_raw_html_in_module_is_refused(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "Underretningspligten er personlig.",
         'Underretningspligten er personlig. <script>alert(1)</script>')
    problems = problems_of(check(mini_copy))
    assert any("raw HTML <script> is not allowed" in p for p in problems), problems


def test_all_problems_are_reported_together(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "(modul:rollemodul)", "(modul:findes-ikke)")
    edit(mini_copy / "tracks/politi.yml", "pass_mark: 80", "pass_mark: 180")
    result = check(mini_copy)
    files = {p.split(":")[0] for p in problems_of(result)}
    assert {"modules/01-grundmodul.md", "tracks/politi.yml"} <= files
    assert "problems found; nothing was built" in result.stderr


def test_plain_relative_link_and_web_image_are_refused(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "Underretningspligten er personlig.",
         "Underretningspligten er personlig. Se [her](andet-modul.md) og ![logo](https://cdn.example/logo.png).")
    problems = problems_of(check(mini_copy))
    assert any(p.startswith("modules/01-grundmodul.md:18: link 'andet-modul.md' is not a course link")
               for p in problems), problems
    assert any(p.startswith("modules/01-grundmodul.md:18: image 'https://cdn.example/logo.png'")
               for p in problems), problems


def test_web_links_and_course_links_are_accepted(mini_copy: Path) -> None:
    edit(mini_copy / "modules/01-grundmodul.md", "Underretningspligten er personlig.",
         "Underretningspligten er personlig. Læs [loven](https://www.retsinformation.dk/) og [mere](#underretning).")
    assert check(mini_copy).returncode == 0


def test_web_image_in_scenario_feedback_is_refused(mini_copy: Path) -> None:
    edit(mini_copy / "scenarios/01-test-scenarie.yml", "feedback: Det kan øge faren.",
         "feedback: 'Det kan øge faren. ![x](https://cdn.example/x.png)'")
    problems = problems_of(check(mini_copy))
    assert any(p.startswith("scenarios/01-test-scenarie.yml:24: image 'https://cdn.example/x.png'")
               for p in problems), problems
