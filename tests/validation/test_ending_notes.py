"""Path-dependent ending notes: `check` validates what they refer to, at the note's own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers_check import check
from tests.validation.test_check_messages import edit, problems_of

SCENARIO = "scenarios/01-test-scenarie.yml"
ENDING = """    title: Ida får hjælp
    rating: god
    text: Ida ringer til 1888.
"""


def add_note(root: Path, note: str) -> None:
    edit(root / SCENARIO, ENDING, ENDING + "    notes:\n" + note)


def line_of(root: Path, text: str) -> int:
    return next(n for n, line in enumerate((root / SCENARIO).read_text("utf-8").splitlines(), 1) if text in line)


def test_a_note_on_an_option_of_the_path_passes(mini_copy: Path) -> None:
    add_note(mini_copy, "      - if_chosen: [start.1]\n        text: Du talte med Ida alene.\n")
    result = check(mini_copy)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("      - if_chosen: [alen.1]\n        text: X.\n", "if_chosen: 'alen.1': 'alen' is not a step"),
        ("      - unless_chosen: [alene.3]\n        text: X.\n",
         "unless_chosen: 'alene.3': step 'alene' has 2 options (numbered from 1)"),
        # start.2 ends the scenario at 'lukket': it is never on the way to 'godt'
        ("      - if_chosen: [start.2]\n        text: X.\n",
         "if_chosen: 'start.2' is never chosen on a path to ending 'godt'"),
        ("      - text: X.\n", "a note needs 'if_chosen' or 'unless_chosen'"),
    ],
)
def test_a_bad_note_is_reported_at_its_line(mini_copy: Path, note: str, message: str) -> None:
    add_note(mini_copy, note)
    result = check(mini_copy)
    assert result.returncode == 1
    first_line = note.splitlines()[0].strip("- ").strip()
    expected_line = line_of(mini_copy, first_line)
    found = [p for p in problems_of(result) if message in p]
    assert found, result.stderr
    assert found[0].startswith(f"{SCENARIO}:{expected_line}: "), found
    assert "Traceback" not in result.stderr


def test_a_note_reference_that_is_not_step_dot_number_is_a_format_error(mini_copy: Path) -> None:
    add_note(mini_copy, "      - if_chosen: [start-1]\n        text: X.\n")
    result = check(mini_copy)
    assert result.returncode == 1
    line = line_of(mini_copy, "if_chosen: [start-1]")
    assert any(p.startswith(f"{SCENARIO}:{line}: ") and "if_chosen" in p for p in problems_of(result)), result.stderr


def test_a_scenario_nobody_can_pass_is_reported(mini_copy: Path) -> None:
    path = mini_copy / SCENARIO
    text = path.read_text("utf-8")
    for rating in ("god", "acceptabel"):  # the two passing endings become unhelpful ones
        text = text.replace(f"rating: {rating}\n    text: Ida", "rating: uhensigtsmaessig\n    text: Ida")
    path.write_text(text, "utf-8")
    result = check(mini_copy)
    assert result.returncode == 1
    assert any("no ending rated 'god' or 'acceptabel' can be reached" in p for p in problems_of(result)), result.stderr
