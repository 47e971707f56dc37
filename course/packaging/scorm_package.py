"""One track as one SCORM package (a SCO): launch page + adapter + the built site + manifest.

Zip layout (manifest at the root, as the standard requires)::

    imsmanifest.xml   the ADL schema files (*.xsd)
    index.html        launch page: owns the LMS session, shows the course in a frame
    opspor-lms.js     the LMS adapter (window.OpsporLMS for the runtime in the frame)
    kursus/...        the track's own site; the frame starts at kursus/spor/<track>.html

The site is built from the track's share of the course (:mod:`course.packaging.track_view`):
its modules and scenarios, the shared pages, navigation and search of that track only. Files a
learner's browser never asks for stay out: source maps, the sitemap and the server's not-found
page (the shell leaves out what its own search never loads). Each package is checked (schemas
and semantics) before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course import urls
from course.editions.credit import package_title
from course.errors import OpsporError
from course.i18n import ui_strings
from course.model import Course
from course.packaging.adl_schemas import SCORM_VERSIONS, schema_files
from course.packaging.archive import Entry, folder_entries, write_zip
from course.packaging.manifest_check import schema_problems, semantic_problems
from course.packaging.scorm_manifest import METADATA_FILE, ManifestInput, render_manifest, render_metadata
from course.packaging.site_snapshot import SERVER_ONLY
from course.site.csp import CONTENT_SECURITY_POLICY
from course.templating import environment

ASSETS = Path(__file__).parent / "assets"
LAUNCH_PAGE = "index.html"
ADAPTER = "opspor-lms.js"
LAUNCH_STYLES = "opspor-launch.css"
SITE_FOLDER = "kursus"


class PackageError(OpsporError):
    """The package would not be accepted by an LMS; nothing was written."""


@dataclass(frozen=True)
class PackageResult:
    path: Path
    size: int
    files: int


def package_name(track_id: str, version: str, course_version: str = "", edition_id: str | None = None) -> str:
    """E.g. ``opspor-politi-1.0-scorm12.zip``; a local edition's id comes first: ``opspor-vejle-politi-...``."""
    edition = f"-{course_version}" if course_version else ""
    local = f"-{edition_id}" if edition_id else ""
    return f"opspor{local}-{track_id}{edition}-scorm{version.replace('.', '')}.zip"


def needed_in_package(path: str) -> bool:
    """Whether a built site file belongs in a package (``path`` relative to the site root)."""
    return not (path in SERVER_ONLY or path.endswith(".map") or path.startswith("sitemap.xml"))


def render_launch_page(course: Course, track_id: str, version: str) -> str:
    strings = ui_strings(course.meta.language)
    templates = environment(ASSETS, autoescape=True, trim_blocks=False, lstrip_blocks=False)
    track = course.tracks[track_id]
    return templates.get_template("launch.html.j2").render(
        language=course.meta.language,
        title=package_title(course, track.title),
        strings=strings,
        adapter=ADAPTER,
        styles=LAUNCH_STYLES,
        csp=CONTENT_SECURITY_POLICY,
        launch={
            "trackId": track_id,
            "version": version,
            "root": f"{SITE_FOLDER}/",
            "start": urls.html_of(urls.track_doc(track_id)),
        },
        noscript_link=f"{SITE_FOLDER}/{urls.html_of(urls.track_doc(track_id))}",
    )


def write_scorm_package(
    course: Course, track_id: str, version: str, site_dir: Path, project_root: Path, target: Path
) -> PackageResult:
    """Pack the built site ``site_dir`` as the SCO of ``track_id``; write ``target`` atomically."""
    if version not in SCORM_VERSIONS:
        raise PackageError(f"unknown SCORM version {version!r}; choose {' or '.join(SCORM_VERSIONS)}")
    if track_id not in course.tracks:
        raise PackageError(f"unknown track {track_id!r}; choose one of {', '.join(sorted(course.tracks))}")
    start = site_dir / urls.html_of(urls.track_doc(track_id))
    if not start.exists():
        raise PackageError(f"the built site has no page {start.relative_to(site_dir)}")
    content = [
        Entry(LAUNCH_PAGE, data=render_launch_page(course, track_id, version).encode("utf-8")),
        Entry(ADAPTER, source=ASSETS / ADAPTER),
        Entry(LAUNCH_STYLES, source=ASSETS / LAUNCH_STYLES),
        *[e for e in folder_entries(site_dir, f"{SITE_FOLDER}/")
          if needed_in_package(e.name[len(SITE_FOLDER) + 1:])],
    ]
    schemas = [Entry(path.name, source=path) for path in schema_files(project_root, version)]
    manifest = render_manifest(
        ManifestInput(course, track_id, version, LAUNCH_PAGE, sorted(e.name for e in content))
    ).encode("utf-8")
    names = {e.name for e in content + schemas} | {METADATA_FILE}
    problems = schema_problems(manifest, {e.name: e.source.read_bytes() for e in schemas}, version)  # type: ignore[union-attr]
    problems += semantic_problems(manifest, names, version)
    if problems:
        raise PackageError("the SCORM manifest is not valid:\n" + "\n".join(problems))
    metadata = Entry(METADATA_FILE, data=render_metadata(course, track_id, version).encode("utf-8"))
    entries = [Entry("imsmanifest.xml", data=manifest), metadata, *schemas, *content]
    size = write_zip(entries, target)
    return PackageResult(target, size, len(entries))
