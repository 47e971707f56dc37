"""The progress record an LMS keeps in suspend_data fits SCORM 1.2's 4096 characters.

Measured with the real runtime on the default course, in the worst case a package allows:
the learner finishes every module and scenario of the whole course (the package holds the
whole site), each scenario by its longest path.
"""

from __future__ import annotations

from pathlib import Path

from course.model import Course, Scenario

SCORM12_SUSPEND_LIMIT = 4096


def longest_path(scenario: Scenario) -> str:
    """The longest choice string ("0102...") from start to an ending, one digit per choice."""

    def walk(step_id: str, seen: frozenset[str]) -> str:
        best = ""
        for index, option in enumerate(scenario.steps[step_id].options):
            if option.next and option.next not in seen:
                rest = walk(option.next, seen | {option.next})
                best = max(best, str(index) + rest, key=len)
            elif option.ending:
                best = max(best, str(index), key=len)
        return best

    return walk(scenario.start, frozenset({scenario.start}))


def test_whole_course_record_fits_scorm12_suspend_data(default_course: Course, default_site: Path,
                                                       offline_page) -> None:
    page, _ = offline_page
    track = next(iter(default_course.tracks))
    page.goto((default_site / "spor" / f"{track}.html").as_uri())
    page.wait_for_function("window.Opspor && window.Opspor.progress && window.OpsporStore")
    modules = [[m.id, len(m.questions)] for m in default_course.modules.values()]
    scenarios = [[s.id, longest_path(s), max(s.endings, key=len)] for s in default_course.scenarios.values()]
    record = page.evaluate(
        """([modules, scenarios]) => {
             Opspor.progress.update(r => {
               modules.forEach(([id, n]) => { r.m[id] = [100, n]; });
               scenarios.forEach(([id, path, ending]) => { r.s[id] = [path, ending]; });
             });
             return OpsporStore.serialize();
           }""",
        [modules, scenarios],
    )
    assert '"k"' in record and all(t in record for t in default_course.tracks), "every track marked complete"
    print(f"suspend_data for the whole default course: {len(record)} characters")
    assert len(record) <= SCORM12_SUSPEND_LIMIT
