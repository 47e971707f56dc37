"""One track as one SCORM package (a SCO): launch page + adapter + the built site + manifest.

Zip layout (manifest at the root, as the standard requires)::

    imsmanifest.xml   the ADL schema files (*.xsd)
    index.html        launch page: owns the LMS session, shows the course in a frame
    opspor-lms.js     the LMS adapter (window.OpsporLMS for the runtime in the frame)
    kursus/...        the whole built site; the frame starts at kursus/spor/<track>.html

The whole site goes in (one build serves every track and the offline zip); the SCO reports
only its own track. Each package is checked (schemas and semantics) before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from course.i18n import ui_strings
from course.model import Course
from course.packaging.adl_schemas import SCORM_VERSIONS, schema_files
from course.packaging.archive import Entry, folder_entries, write_zip
from course.packaging.manifest_check import schema_problems, semantic_problems
from course.packaging.scorm_manifest import ManifestInput, render_manifest
from course.packaging.site_snapshot import SERVER_ONLY
from course.site import layout
from course.site.csp import CONTENT_SECURITY_POLICY

ASSETS = Path(__file__).parent / "assets"
LAUNCH_PAGE = "index.html"
ADAPTER = "opspor-lms.js"
LAUNCH_STYLES = "opspor-launch.css"
SITE_FOLDER = "kursus"


class PackageError(Exception):
    """The package would not be accepted by an LMS; nothing was written."""


@dataclass(frozen=True)
class PackageResult:
    path: Path
    size: int
    files: int


def package_name(track_id: str, version: str) -> str:
    return f"opspor-{track_id}-scorm{version.replace('.', '')}.zip"


def render_launch_page(course: Course, track_id: str, version: str) -> str:
    strings = ui_strings(course.meta.language)
    environment = Environment(
        loader=FileSystemLoader(ASSETS), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
    )
    track = course.tracks[track_id]
    return environment.get_template("launch.html.j2").render(
        language=course.meta.language,
        title=f"{course.meta.title}: {track.title}",
        strings=strings,
        adapter=ADAPTER,
        styles=LAUNCH_STYLES,
        csp=CONTENT_SECURITY_POLICY,
        launch={
            "trackId": track_id,
            "version": version,
            "root": f"{SITE_FOLDER}/",
            "start": layout.html_of(layout.track_doc(track_id)),
        },
    )


def write_scorm_package(
    course: Course, track_id: str, version: str, site_dir: Path, project_root: Path, target: Path
) -> PackageResult:
    """Pack the built site ``site_dir`` as the SCO of ``track_id``; write ``target`` atomically."""
    if version not in SCORM_VERSIONS:
        raise PackageError(f"unknown SCORM version {version!r}; choose {' or '.join(SCORM_VERSIONS)}")
    if track_id not in course.tracks:
        raise PackageError(f"unknown track {track_id!r}; choose one of {', '.join(sorted(course.tracks))}")
    start = site_dir / layout.html_of(layout.track_doc(track_id))
    if not start.exists():
        raise PackageError(f"the built site has no page {start.relative_to(site_dir)}")
    content = [
        Entry(LAUNCH_PAGE, data=render_launch_page(course, track_id, version).encode("utf-8")),
        Entry(ADAPTER, source=ASSETS / ADAPTER),
        Entry(LAUNCH_STYLES, source=ASSETS / LAUNCH_STYLES),
        *folder_entries(site_dir, f"{SITE_FOLDER}/", skip=SERVER_ONLY),
    ]
    schemas = [Entry(path.name, source=path) for path in schema_files(project_root, version)]
    manifest = render_manifest(
        ManifestInput(course, track_id, version, LAUNCH_PAGE, sorted(e.name for e in content))
    ).encode("utf-8")
    names = {e.name for e in content + schemas}
    problems = schema_problems(manifest, {e.name: e.source.read_bytes() for e in schemas}, version)  # type: ignore[union-attr]
    problems += semantic_problems(manifest, names, version)
    if problems:
        raise PackageError("the SCORM manifest is not valid:\n" + "\n".join(problems))
    entries = [Entry("imsmanifest.xml", data=manifest), *schemas, *content]
    size = write_zip(entries, target)
    return PackageResult(target, size, len(entries))
