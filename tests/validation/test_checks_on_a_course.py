"""The cross-file checks take a Course: positions come from the model, not from the YAML parser."""

from __future__ import annotations

import dataclasses

from course.model import Course, Track
from course.validation import check_course
from course.validation.workshops import check_workshops


def test_a_changed_course_is_checked_at_the_lines_the_loader_recorded(mini_course: Course) -> None:
    track = mini_course.tracks["laerer"]
    broken = track.model_copy(update={"items": [*track.items, "ukendt"]})  # keeps its source lines
    course = dataclasses.replace(mini_course, tracks={**mini_course.tracks, "laerer": broken})
    assert [str(p) for p in check_course(course)] == [
        "tracks/laerer.yml:6: items: 'ukendt' is not a module or scenario"]


def test_the_loaded_course_passes_and_a_workshop_is_checked_from_its_own_file(mini_course: Course) -> None:
    assert check_course(mini_course) == [] and check_workshops(mini_course) == []
    workshop = next(iter(mini_course.workshops.values()))
    moved = workshop.model_copy(update={"minutes": workshop.minutes + 15})
    problems = check_workshops(dataclasses.replace(mini_course, workshops={workshop.id: moved}))
    assert [p.path for p in problems] == [f"workshops/{workshop.id}.yml"]
    assert problems[0].line == workshop.source.line_of(("agenda",)) > 1


def test_a_track_built_in_code_has_no_file_but_still_a_place() -> None:
    track = Track(id="politi", title="Politi", audience="Betjente", items=["a"])
    assert (track.source.path, track.source.line_of(("items", 0))) == ("<politi>", 1)
