"""``workshops/<id>.yml``: every mistake a trainer can make is one ``path:line: message`` from ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.loading import load_course
from course.model import Course
from tests.conftest import PROJECT
from tests.helpers_check import check

GOOD = (Path(__file__).resolve().parent.parent / "fixtures" / "mini" / "workshops" / "politi-kort.yml").read_text()


def write_workshop(course: Path, text: str, name: str = "politi-kort.yml") -> Path:
    path = course / "workshops" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_mini_workshop_loads_with_its_hours(mini_course: Course) -> None:
    workshop = mini_course.workshops["politi-kort"]
    assert workshop.track == "politi" and workshop.hours == 1.5
    assert sum(item.minutes for item in workshop.agenda) == workshop.minutes
    assert workshop.date is not None and workshop.date.isoformat() == "2027-01-15"


def test_every_track_ships_a_three_hour_example_workshop(default_course: Course) -> None:
    by_track = {w.track: w for w in default_course.workshops.values()}
    assert set(by_track) == set(default_course.tracks)
    for track_id, workshop in by_track.items():
        assert workshop.id == f"{track_id}-3t"
        assert workshop.minutes == 180 and workshop.hours == 3
        assert sum(item.minutes for item in workshop.agenda) == 180
        assert [i.part for i in workshop.agenda if i.part in ("intro", "scenario", "break", "evaluation")][:4] \
            == ["intro", "scenario", "break", "scenario"]
        for scenario_id in workshop.scenarios:  # each scenario gets at least its own plan's minutes
            plan = sum(t.minutes for t in default_course.scenarios[scenario_id].facilitator.timing)
            played = sum(i.minutes for i in workshop.agenda if i.scenario == scenario_id)
            assert played >= plan, (workshop.id, scenario_id)
    assert (PROJECT / "workshops" / "politi-3t.yml").is_file()


@pytest.mark.parametrize(("change", "line", "message"), [
    (("minutes: 90", "minutes: 120"), 7, "agenda: the parts add up to 90 minutes, but the workshop is 120 minutes"),
    (("track: politi", "track: politti"), 3, "track: 'politti' is not a track (did you mean 'politi'?)"),
    (("scenarios: [test-scenarie]", "scenarios: [test-scenarie, nope]"), 5, "scenarios: 'nope' is not a scenario"),
    (("modules: [grundmodul]", "modules: [grundmodul, rollemodul]"), 6,
     "modules: module 'rollemodul' is not in track 'politi'"),
    (("scenario: test-scenarie, minutes: 45", "scenario: andet, minutes: 45"), 11,
     "agenda: scenario 'andet' is not in this workshop's scenarios"),
    (("{part: debrief, minutes: 5}", "{part: debrief, minutes: 5, scenario: test-scenarie}"), 12,
     "agenda: 'scenario' belongs to a 'scenario' part, not 'debrief'"),
    (("test_questions: 2", "test_questions: 9"), 18,
     "test_questions: 9, but the modules of track 'politi' have only 2 quiz questions"),
    (("place: Testbyen", "place: Testbyen\nsted: Et andet sted"), 17, "unknown key 'sted'"),
    (("date: 2027-01-15", "date: 2027-02-30"), 15, "'2027-02-30' is not a real date"),
    (("{part: evaluation, minutes: 5}", "{part: evalution, minutes: 5}"), 14, "agenda.6.part:"),
])
def test_workshop_mistakes_are_reported_at_their_line(mini_copy: Path, change: tuple[str, str], line: int,
                                                      message: str) -> None:
    assert change[0] in GOOD
    write_workshop(mini_copy, GOOD.replace(*change))
    result = check(mini_copy)
    assert result.returncode == 1
    assert f"workshops/politi-kort.yml:{line}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_file_name_must_match_the_id(mini_copy: Path) -> None:
    (mini_copy / "workshops" / "politi-kort.yml").rename(mini_copy / "workshops" / "andet-navn.yml")
    result = check(mini_copy)
    assert result.returncode == 1
    assert "workshops/andet-navn.yml:1: file name must be workshops/politi-kort.yml" in result.stderr


def test_a_scenario_without_an_agenda_part_and_a_hostile_file(mini_copy: Path) -> None:
    write_workshop(mini_copy, GOOD.replace("  - {part: scenario, scenario: test-scenarie, minutes: 45}\n",
                                           "  - {part: intro, minutes: 45}\n"))
    write_workshop(mini_copy, "a: &a [*a]\n", "ond.yml")
    result = check(mini_copy)
    assert result.returncode == 1
    assert "workshops/politi-kort.yml:5: scenarios: 'test-scenarie' has no 'scenario' part in the agenda" \
        in result.stderr
    assert "workshops/ond.yml:1:" in result.stderr and "Traceback" not in result.stderr


def test_a_course_without_workshops_loads(mini_copy: Path) -> None:
    for path in (mini_copy / "workshops").iterdir():
        path.unlink()
    (mini_copy / "workshops").rmdir()
    assert load_course(mini_copy).workshops == {}
