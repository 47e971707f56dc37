"""One track's share of the course: what a track's SCORM package is built from.

A package for the police holds the police track's modules and scenarios, the shared pages
(front page, help, about, glossary, progress, certificate, verify), and a navigation and search
index of that track only. It is the same validated model with everything else left out, so the
site build needs no special case; links to modules of other tracks keep only their text
(:mod:`course.course_links`, given the build's modules and scenarios).
"""

from __future__ import annotations

from dataclasses import replace

from course.model import Course


def track_course(course: Course, track_id: str) -> Course:
    """``course`` reduced to the track ``track_id`` (which must exist)."""
    track = course.tracks[track_id]
    items = set(track.items)
    return replace(
        course,
        modules={k: m for k, m in course.modules.items() if k in items},
        scenarios={k: s for k, s in course.scenarios.items() if k in items},
        tracks={track_id: track},
    )
