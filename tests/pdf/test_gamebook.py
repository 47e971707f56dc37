"""The scenario PDFs of the default course, read back as a participant and a facilitator would.

The participant handout must play as a gamebook (every option routes to the right
step or ending, endings on their own pages) and no step may be split across pages,
in the handout or in the facilitator guide. Rendered from the real scenarios: that
is where the long steps are.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from course.model import Course, Scenario
from course.pdf.packs import PackPrinter, scenario_view
from course.pdf.renderer import PrintRenderer
from course.pdf.workers import map_in_workers

ROUTE = re.compile(r"(?:Gå til trin (\d+)|Slut) ")


def words(text: str) -> str:
    """Only the words, so Markdown, list bullets, quote marks and line breaks do not matter.

    WeasyPrint's own hyphens (U+2010 at a line end) are undone; an authored ``-`` is a word break
    either way. A Markdown link keeps its text: paper prints course links as text.
    """
    text = re.sub(r"\]\([^)]*\)", "]", text.replace("\u2010\n", "").replace("\u00ad", ""))
    return " ".join(re.findall(r"\w+", text))


@functools.cache
def raw_page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text as pypdf extracts it: read once per PDF (extraction is most of this file's time)."""
    return tuple(page.extract_text() for page in PdfReader(path).pages)


def page_texts(path: Path) -> list[str]:
    return [words(text) + " " for text in raw_page_texts(path)]


@pytest.fixture(scope="module")
def scenario_pdfs(default_course: Course, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("scenario-pdfs")
    jobs = [(sid, kind) for sid in default_course.scenarios for kind in ("handout", "guide")]

    def work(renderer: PrintRenderer, job: tuple[str, str]) -> Path:
        sid, kind = job
        printer = PackPrinter(renderer, default_course)
        target = out / f"{sid}-{kind}.pdf"
        printer.write(printer.scenario_html(default_course.scenarios[sid], kind), target)
        return target

    paths = map_in_workers(work, jobs, language="da")
    return dict(zip(jobs, paths, strict=True))


def step_numbers_as_printed(pages: list[str], scenario: Scenario) -> dict[str, int]:
    """Which ``Trin N`` heading each step's text is printed under (found by its text, not by our numbering)."""
    text = " ".join(pages)
    headings = [(m.start(), int(m.group(1))) for m in re.finditer(r"Trin (\d+) ", text)]
    found = {}
    for step_id, step in scenario.steps.items():
        at = text.find(words(step.text))
        assert at >= 0, f"{scenario.id}: the text of step {step_id} is not in the handout"
        found[step_id] = max((pos, number) for pos, number in headings if pos < at)[1]
    return found


def test_every_option_in_every_participant_handout_routes_to_its_step_or_ending(
        default_course: Course, scenario_pdfs: dict[tuple[str, str], Path]) -> None:
    routed = 0
    for scenario in default_course.scenarios.values():
        pages = page_texts(scenario_pdfs[(scenario.id, "handout")])
        endings_start = next(i for i, page in enumerate(pages) if "UDLEVERES EFTER SPILLET" in page.upper())
        play, endings = " ".join(pages[:endings_start]), " ".join(pages[endings_start:])
        printed = step_numbers_as_printed(pages[:endings_start], scenario)
        assert printed[scenario.start] == 1
        assert sorted(printed.values()) == list(range(1, len(scenario.steps) + 1))
        for step_id, step in scenario.steps.items():
            for option in step.options:
                at = play.find(words(option.text))
                assert at >= 0, f"{scenario.id}/{step_id}: option not printed: {option.text[:40]}"
                route = ROUTE.match(play, at + len(words(option.text)) + 1)
                assert route is not None, \
                    f"{scenario.id}/{step_id}: no route right after {option.text[:40]!r}"
                if option.next:
                    assert route.group(1) == str(printed[option.next]), f"{scenario.id}/{step_id}: wrong step"
                else:
                    title = words(scenario.endings[option.ending or ""].title)
                    assert play[route.end():].startswith(title), f"{scenario.id}/{step_id}: wrong ending"
                routed += 1
        for ending in scenario.endings.values():
            assert f"Slut {words(ending.title)}" in endings
            assert words(ending.text) in endings
            assert words(ending.text) not in play  # the endings are handed out afterwards
    assert routed == sum(len(s.options) for sc in default_course.scenarios.values() for s in sc.steps.values())


@pytest.mark.parametrize("kind", ["handout", "guide"])
def test_no_step_is_split_across_pages(default_course: Course, scenario_pdfs: dict[tuple[str, str], Path],
                                       kind: str) -> None:
    for scenario in default_course.scenarios.values():
        pages = page_texts(scenario_pdfs[(scenario.id, kind)])
        for step_id, step in scenario.steps.items():
            parts = [words(step.text)] + [words(o.text) for o in step.options]
            if kind == "guide":
                parts += [words(o.feedback) for o in step.options]
            holding = [i for i, page in enumerate(pages) if all(part in page for part in parts)]
            assert holding, f"{kind} of {scenario.id}: step {step_id} is split across pages"


def test_the_facilitator_guide_has_a_one_page_map_of_every_path(default_course: Course,
                                                                scenario_pdfs: dict[tuple[str, str], Path]) -> None:
    for scenario in default_course.scenarios.values():
        pages = page_texts(scenario_pdfs[(scenario.id, "guide")])
        maps = [page for page in pages if "Kort over scenariets veje" in page]
        assert len(maps) == 1, scenario.id
        for ending in scenario.endings.values():  # every ending is a box on the map page
            assert all(word in maps[0] for word in words(ending.title).split()), \
                f"{scenario.id}: {ending.title} not on the map"
        assert all(f"Trin {n}" in maps[0] for n in range(1, len(scenario.steps) + 1))


def test_labels_and_addresses_are_not_hyphenated_and_quotes_are_danish(
        default_course: Course, scenario_pdfs: dict[tuple[str, str], Path]) -> None:
    for scenario in default_course.scenarios.values():
        raw = "\n".join(raw_page_texts(scenario_pdfs[(scenario.id, "guide")]))
        assert "Situa-" not in raw and "Per-\nson" not in raw and "Uhensigts-\n" not in raw
        for source in scenario.sources:
            if source.url:
                printed = re.sub(r"\s+", "", raw)
                assert "%C3" not in printed
                assert source.url.replace("%C3%A6", "æ").replace("%C3%B8", "ø") in printed, source.url
        assert '"' not in raw, f"{scenario.id}: straight quotes in the guide"


def test_the_map_falls_back_to_a_table_of_every_path_without_graphviz(
        default_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    import course.pdf.path_map as path_map

    monkeypatch.setattr(path_map.shutil, "which", lambda name: None)
    renderer = PrintRenderer("da")
    scenario = default_course.scenarios["udrykning-til-lejlighed"]
    view = scenario_view(default_course, scenario, renderer.strings, with_map=True)
    assert view.path_map is None
    assert {p.ending.title for p in view.paths} == {e.title for e in scenario.endings.values()}
    assert all(choices.choices[0][0] == 1 for choices in view.paths)  # every path starts at Trin 1
    html = PackPrinter(renderer, default_course).scenario_html(scenario, "guide")
    assert "Alle veje gennem scenariet" in html


def test_hostile_ending_titles_reach_dot_as_text(default_course: Course) -> None:
    from course.pdf.path_map import dot_string, fit_svg

    assert dot_string('a" -> b [label="x') == '"a\\" -> b [label=\\"x"'
    assert dot_string("\\N \\G") == '"\\\\N \\\\G"'
    assert fit_svg('<svg width="10pt" height="10pt"><image href="file:///etc/passwd"/></svg>') is None
    assert fit_svg('<svg width="10pt" height="10pt"><script>alert(1)</script></svg>') is None


def test_ending_notes_print_with_their_condition_in_printed_step_numbers() -> None:
    from types import SimpleNamespace

    from course.i18n import ui_strings
    from course.pdf.packs import note_views

    note = SimpleNamespace
    ending = SimpleNamespace(notes=[note(if_chosen=["alene.2"], unless_chosen=[], text="A"),
                                    note(if_chosen=[], unless_chosen=["start.1", "alene.3"], text="B"),
                                    note(if_chosen=["start.2"], unless_chosen=["alene.1"], text="C")])
    views = note_views(ending, {"start": 1, "alene": 4}, ui_strings("da"))  # type: ignore[arg-type]
    assert [(v.condition, v.text) for v in views] == [
        ("Hvis I valgte trin 4, mulighed 2", "A"),
        ("Hvis I ikke valgte trin 1, mulighed 1 eller trin 4, mulighed 3", "B"),
        ("Hvis I valgte trin 1, mulighed 2, men ikke trin 4, mulighed 1", "C")]


def test_every_path_dependent_ending_note_is_on_the_endings_pages(
        default_course: Course, scenario_pdfs: dict[tuple[str, str], Path]) -> None:
    notes = [(s, n) for s in default_course.scenarios.values() for e in s.endings.values()
             for n in getattr(e, "notes", ())]
    if not notes:
        pytest.skip("the course has no path-dependent ending notes")
    for scenario, note in notes:
        pages = page_texts(scenario_pdfs[(scenario.id, "handout")])
        start = next(i for i, page in enumerate(pages) if "UDLEVERES EFTER SPILLET" in page.upper())
        assert words(note.text) in " ".join(pages[start:]), (scenario.id, note.text[:40])
        assert words(note.text) in " ".join(page_texts(scenario_pdfs[(scenario.id, "guide")]))


def test_every_option_starts_on_the_line_of_its_number(default_course: Course,
                                                       scenario_pdfs: dict[tuple[str, str], Path]) -> None:
    """WeasyPrint once set a whole option below its number ("2." alone on a line) when a route followed."""
    for scenario in default_course.scenarios.values():
        raw = "\n".join(raw_page_texts(scenario_pdfs[(scenario.id, "handout")]))
        lines = raw.splitlines()
        for step in scenario.steps.values():
            for number, option in enumerate(step.options, 1):
                start = r"\W+".join(re.escape(w) for w in words(option.text).split()[:3])
                assert any(re.search(rf"(^|\s){number}\. \W*{start}", line) for line in lines), \
                    f"{scenario.id}: option {number} ({option.text[:30]!r}) does not start beside its number"
