"""``imsmanifest.xml`` for one track as one SCO, SCORM 1.2 or 2004 4th edition.

The organization is titled "<course> – <track>" ("<course> – <track> – <edition>" for a local
edition); a LOM file beside the manifest
(``adlcp:location``) carries the description, language, course version and typical learning time.
There is no mastery score (1.2 ``adlcp:masteryscore``, 2004 ``minNormalizedMeasure``):
with one, an LMS may recompute the status from the score alone (Moodle's default
"mastery score overrides status" turned a learner whose scenario ended ``uhensigtsmaessig``
from failed to passed on exit, measured in Moodle 4.3), but the score is the lowest module
score and Opspor's pass rule also asks for a good-enough scenario ending. So the SCO's own
status is the verdict (:mod:`course.packaging.manifest_check` refuses a mastery score).
No sequencing rules either: most LMSs ignore them, and one SCO needs none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment

from course.editions.credit import package_title
from course.model import Course
from course.templating import environment

TEMPLATES = Path(__file__).parent / "templates"
METADATA_FILE = "opspor-metadata.xml"


@dataclass(frozen=True)
class ManifestInput:
    """What the manifest says about one track's package."""

    course: Course
    track_id: str
    version: str  # "1.2" or "2004"
    launch: str  # package path of the launch page
    files: list[str]  # every file in the package except the manifest, "/"-separated


def _environment() -> Environment:
    # XML with authored titles: escaped
    return environment(TEMPLATES, autoescape=True, trim_blocks=False, lstrip_blocks=False)


def organization_title(course: Course, track_id: str) -> str:
    """What an LMS lists the package as, e.g. "Opspor – Politi" (course and track title)."""
    return package_title(course, course.tracks[track_id].title)


def track_description(course: Course, track_id: str) -> str:
    track = course.tracks[track_id]
    parts = [course.meta.subtitle, track.description or track.audience]
    return ". ".join(p.strip().rstrip(".") for p in parts if p.strip()) + "."


def learning_time(minutes: int) -> str:
    """ISO 8601 duration, as both LOM bindings write it: PT4H30M."""
    hours, rest = divmod(minutes, 60)
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


def package_meta(course: Course, track_id: str) -> dict[str, str]:
    return {
        "title": organization_title(course, track_id),
        "language": course.meta.language,
        "version": course.meta.version,
        "description": track_description(course, track_id),
        "learning_time": learning_time(course.track_minutes(track_id)),
    }


def render_metadata(course: Course, track_id: str, version: str) -> str:
    """The LOM file the manifest points to: title, description, language, version, learning time."""
    template = _environment().get_template(f"metadata-{version}.xml.j2")
    return template.render(meta=package_meta(course, track_id))


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
        },
        organization_title=organization_title(data.course, data.track_id),
        item_title=package_title(data.course, track.title),
        meta=package_meta(data.course, data.track_id),
        metadata_file=METADATA_FILE,
        launch=quote(data.launch),
        files=[quote(f) for f in data.files],
    )
