"""Checks of ``workshops/*.yml`` against the course: track, scenarios, modules, agenda and test.

A workshop is printed on paper and run by a trainer with a clock, so the agenda's
minutes must add up to the workshop's length, each scenario it names must be one
of the track's, and the track's question bank must hold enough questions for the
pre/post test.
"""

from __future__ import annotations

from pathlib import Path

from course.diagnostics import Problem, did_you_mean
from course.model import Course, Module, SourceLines, Track, Workshop, applies_to


def track_questions(track: Track, modules: dict[str, Module]) -> int:
    return sum(len(modules[i].questions) for i in track.items if i in modules)


def check_workshops(course: Course) -> list[Problem]:
    """Every problem of the course's workshops, at the workshop file's ``path:line``."""
    modules, scenarios, tracks = course.modules, course.scenarios, course.tracks
    problems: list[Problem] = []
    for workshop in course.workshops.values():
        def report(where: tuple, message: str, lc: SourceLines = workshop.source) -> None:
            problems.append(Problem(lc.path, lc.line_of(where), message))

        if Path(workshop.source.path).stem != workshop.id:
            report(("id",), f"file name must be workshops/{workshop.id}.yml")
        track = tracks.get(workshop.track)
        if track is None:
            report(("track",), f"track: '{workshop.track}' is not a track{did_you_mean(workshop.track, tracks)}")
        _check_items(report, "scenarios", workshop.scenarios, scenarios, track,
                     lambda i: scenarios[i].tracks)
        _check_items(report, "modules", workshop.modules, modules, track, lambda i: modules[i].meta.tracks)
        _check_agenda(report, workshop)
        if track is not None:
            available = track_questions(track, modules)
            if available < workshop.test_questions:
                report(("test_questions",), f"test_questions: {workshop.test_questions}, but the modules of "
                                            f"track '{track.id}' have only {available} quiz questions")
    return problems


def _check_items(report, key: str, items: list[str], known: dict, track: Track | None, tracks_of) -> None:
    seen: set[str] = set()
    kind = key[:-1]
    for index, item in enumerate(items):
        where = (key, index)
        if item in seen:
            report(where, f"{key}: '{item}' is listed twice")
        seen.add(item)
        if item not in known:
            report(where, f"{key}: '{item}' is not a {kind}{did_you_mean(item, known)}")
        elif track is not None and not applies_to(tracks_of(item), track.id):
            report(where, f"{key}: {kind} '{item}' is not in track '{track.id}'")


def _check_agenda(report, workshop: Workshop) -> None:
    total = sum(item.minutes for item in workshop.agenda)
    if total != workshop.minutes:
        report(("agenda",), f"agenda: the parts add up to {total} minutes, but the workshop is "
                            f"{workshop.minutes} minutes (minutes: {workshop.minutes})")
    played: set[str] = set()
    for index, item in enumerate(workshop.agenda):
        where = ("agenda", index)
        if item.part == "scenario":
            if item.scenario is None:
                report(where, "agenda: a 'scenario' part needs 'scenario: <id>'")
            elif item.scenario not in workshop.scenarios:
                report((*where, "scenario"), f"agenda: scenario '{item.scenario}' is not in this workshop's "
                                             f"scenarios{did_you_mean(item.scenario, workshop.scenarios)}")
            else:
                played.add(item.scenario)
        elif item.scenario is not None:
            report((*where, "scenario"), f"agenda: 'scenario' belongs to a 'scenario' part, not '{item.part}'")
        if item.part == "module":
            if item.module is None:
                report(where, "agenda: a 'module' part needs 'module: <id>'")
            elif item.module not in workshop.modules:
                report((*where, "module"), f"agenda: module '{item.module}' is not in this workshop's "
                                           f"modules{did_you_mean(item.module, workshop.modules)}")
        elif item.module is not None:
            report((*where, "module"), f"agenda: 'module' belongs to a 'module' part, not '{item.part}'")
    for index, scenario_id in enumerate(workshop.scenarios):
        if scenario_id not in played:
            report(("scenarios", index), f"scenarios: '{scenario_id}' has no 'scenario' part in the agenda")
