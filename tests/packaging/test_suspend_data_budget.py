"""The progress record an LMS keeps in suspend_data fits SCORM 1.2's 4096 characters.

Measured with the real runtime on the default course, in the worst case: the learner finishes
every module and scenario, each scenario by its longest path to its longest-named passing ending after
999,999 attempts, and the record keeps every chosen
answer and an attempt count per question (opspor-quiz.js). A track's package holds only its track;
the whole course is measured too, as an upper bound.
"""

from __future__ import annotations

from pathlib import Path

from course.model import PASSING_RATINGS, Course, Scenario

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


def worst_record(page, course: Course, items: set[str]) -> str:
    modules = [[m.id, len(m.questions)] for m in course.modules.values() if m.id in items]
    # the longest id of a passing ending (only those complete a track), and a six-digit attempt count
    scenarios = [[s.id, longest_path(s), max((e for e, ending in s.endings.items() if ending.rating in PASSING_RATINGS),
                                             key=len)]
                 for s in course.scenarios.values() if s.id in items]
    return page.evaluate(
        """([modules, scenarios]) => {
             OpsporStore.eraseAll();
             Opspor.progress.update(r => {
               r.r = "zzzzzzzz";  // as long as opspor-quiz.js makes it
               r.q = {};
               modules.forEach(([id, n]) => {
                 r.m[id] = [100, n];
                 r.q[id] = ["_".repeat(n), "_".repeat(n)];  // every answer chosen, many attempts
               });
               scenarios.forEach(([id, path, ending]) => { r.s[id] = [path, ending, 999999]; });
             });
             return OpsporStore.serialize();
           }""",
        [modules, scenarios],
    )


def test_whole_course_record_fits_scorm12_suspend_data(default_course: Course, default_site: Path,
                                                       offline_page) -> None:
    page, _ = offline_page
    track = next(iter(default_course.tracks))
    page.goto((default_site / "spor" / f"{track}.html").as_uri())
    page.wait_for_function("window.Opspor && window.Opspor.progress && window.OpsporStore")
    sizes = {}
    for track_id, track_model in default_course.tracks.items():
        sizes[track_id] = len(worst_record(page, default_course, set(track_model.items)))
    everything = set(default_course.modules) | set(default_course.scenarios)
    record = worst_record(page, default_course, everything)
    assert '"k"' in record and all(t in record for t in default_course.tracks), "every track marked complete"
    print(f"suspend_data worst case per track: {sizes}; whole default course: {len(record)} characters")
    assert max(sizes.values()) <= SCORM12_SUSPEND_LIMIT // 2, "a full track stays well under the limit"
    assert len(record) <= SCORM12_SUSPEND_LIMIT
