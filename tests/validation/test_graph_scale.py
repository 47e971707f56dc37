"""Graph checks are linear and need no recursion (issue 10, section 3).

A 10,000-step scenario chain used to take over 60 s (a fixed point over every step
per pass) and a 1,200-module prerequisite chain hit Python's recursion limit. The
limits below are generous for a loaded machine but far below what quadratic or
recursive checks need.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from course.diagnostics import CourseError
from course.loading import load_course
from course.model import Option, Scenario, Step
from course.validation.checks import _prerequisite_cycles
from course.validation.scenario_graph import check_scenario_graph

LIMIT = 2.0  # seconds


def chain_scenario(steps: int) -> Scenario:
    """start -> s1 -> ... -> s(n-1) -> ending, each step with one option."""
    ids = ["start", *(f"s{i}" for i in range(1, steps))]
    built = {}
    for index, step_id in enumerate(ids):
        last = index == len(ids) - 1
        option = Option(text="Videre", rating="god", feedback="Godt.",
                        **({"ending": "slut"} if last else {"next": ids[index + 1]}))
        built[step_id] = Step(text=f"Trin {index}", options=[option])
    return Scenario.model_validate({
        "id": "lang", "title": "Lang", "summary": "Lang kæde.", "tracks": ["alle"], "level": 1, "minutes": 10,
        "invented_for_training": True, "content_note": "Test.", "setting": "Test.", "persona": "Test.",
        "start": "start", "steps": built, "endings": {"slut": {"title": "Slut", "rating": "god", "text": "Slut."}},
        "facilitator": {"goals": ["x"], "timing": [{"minutes": 5, "activity": "x"}], "debrief": ["x"]},
        "sources": [{"title": "Kilde", "publisher": "Opspor", "year": 2024}],
    })


def test_a_10000_step_chain_checks_in_linear_time() -> None:
    scenario = chain_scenario(10_000)
    reported: list[str] = []
    started = time.perf_counter()
    check_scenario_graph(scenario, lambda where, message: reported.append(message))
    elapsed = time.perf_counter() - started
    assert reported == []
    assert elapsed < LIMIT, f"{elapsed:.2f} s"


def test_a_10000_step_chain_with_a_dead_end_is_reported() -> None:
    scenario = chain_scenario(10_000)
    steps = dict(scenario.steps)
    last = steps["s9999"]
    steps["s9999"] = Step(text=last.text, options=[Option(text="Rundt", rating="god", feedback="x", next="s9998")])
    broken = scenario.model_copy(update={"steps": steps})
    reported: list[str] = []
    started = time.perf_counter()
    check_scenario_graph(broken, lambda where, message: reported.append(message))
    assert time.perf_counter() - started < LIMIT
    assert "ending 'slut' is never reached" in reported
    assert sum("no ending can be reached" in m for m in reported) == 10_000


def write_module(root: Path, number: int, prerequisites: list[str]) -> None:
    (root / "modules" / f"m{number:05d}.md").write_text(
        f"---\nid: m{number}\ntitle: Modul {number}\nsummary: Et modul.\ntracks: [alle]\nminutes: 5\nlevel: 1\n"
        f"objectives: [Et mål]\nprerequisites: [{', '.join(prerequisites)}]\n"
        "sources:\n  - {title: Kilde, publisher: Opspor, year: 2024}\n---\n\n## Afsnit\n\nTekst.\n", "utf-8")


@pytest.fixture
def long_chain(mini_copy: Path) -> Path:
    """The mini course with 1,200 more modules, each the prerequisite of the next."""
    for number in range(1200):
        write_module(mini_copy, number, [f"m{number - 1}"] if number else [])
    items = ", ".join(["grundmodul", *(f"m{n}" for n in range(1200)), "test-scenarie"])
    for track in ("laerer", "politi", "socialraadgiver", "sygeplejerske"):
        path = mini_copy / "tracks" / f"{track}.yml"
        text = path.read_text("utf-8")
        start = text.index("items: [") + len("items: [")
        path.write_text(text[:start] + text[start:].replace("grundmodul", items.replace(", test-scenarie", ""), 1),
                        "utf-8")
    return mini_copy


def test_a_1200_module_prerequisite_chain_needs_no_recursion(long_chain: Path) -> None:
    course = load_course(long_chain)  # recursed past Python's limit before
    assert len(course.modules) == 1202
    started = time.perf_counter()
    assert _prerequisite_cycles(list(course.modules.values())) == []
    assert time.perf_counter() - started < LIMIT


def test_a_1200_module_prerequisite_cycle_is_found_quickly(long_chain: Path) -> None:
    write_module(long_chain, 0, ["m1199"])
    with pytest.raises(CourseError) as caught:
        load_course(long_chain)
    assert [str(p) for p in caught.value.problems if "cycle" in str(p)] == [
        "modules/m00000.md:9: prerequisites form a cycle through 'm0'"]


def test_cycle_search_is_linear_on_a_long_chain() -> None:
    class Meta:
        def __init__(self, prerequisites: list[str]):
            self.prerequisites = prerequisites

    class Node:
        def __init__(self, module_id: str, prerequisites: list[str]):
            self.id, self.meta = module_id, Meta(prerequisites)

    modules = [Node(f"m{n}", [f"m{n - 1}"] if n else ["m9999"]) for n in range(10_000)]
    started = time.perf_counter()
    assert _prerequisite_cycles(modules) == ["m0"]  # type: ignore[arg-type]
    assert time.perf_counter() - started < LIMIT
