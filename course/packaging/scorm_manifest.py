"""``imsmanifest.xml`` for one track as one SCO, SCORM 1.2 or 2004 4th edition.

The mastery score comes from the track's pass mark: 1.2 ``adlcp:masteryscore``,
2004 the primary objective's ``minNormalizedMeasure``. No sequencing rules beyond
that: most LMSs ignore them, and one SCO needs none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from course.model import Course

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class ManifestInput:
    """What the manifest says about one track's package."""

    course: Course
    track_id: str
    version: str  # "1.2" or "2004"
    launch: str  # package path of the launch page
    files: list[str]  # every file in the package except the manifest, "/"-separated


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # titles are authored text
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_manifest(data: ManifestInput) -> str:
    track = data.course.tracks[data.track_id]
    prefix = f"opspor-{track.id}"
    template = _environment().get_template(f"imsmanifest-{data.version}.xml.j2")
    return template.render(
        ids={
            "manifest": f"{prefix}-scorm-{data.version.replace('.', '')}",
            "organization": f"{prefix}-org",
            "item": f"{prefix}-item",
            "resource": f"{prefix}-sco",
            "objective": f"{prefix}-passed",
        },
        version_label="1.0",
        course_title=data.course.meta.title,
        item_title=f"{data.course.meta.title}: {track.title}",
        pass_mark=track.pass_mark,
        min_normalized_measure=f"{track.pass_mark / 100:.2f}",
        launch=quote(data.launch),
        files=[quote(f) for f in data.files],
    )
