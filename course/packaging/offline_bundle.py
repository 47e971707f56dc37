"""The whole site as one zip to copy: unzip anywhere, double-click the start page.

Everything sits in one top-level folder so unzipping never scatters files. Besides the
site's own ``index.html`` there is a start page with a name people recognise, which
forwards to it. Paths stay short (Windows' 260-character limit includes the folder the
zip is unpacked into), there are no symbolic links, and every link in the site is
relative already (the shell builds with ``use_directory_urls: false`` for ``file://``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.errors import OpsporError
from course.i18n import ui_strings
from course.model import Course
from course.packaging.archive import Entry, folder_entries, write_zip
from course.packaging.site_snapshot import SERVER_ONLY
from course.site.csp import CONTENT_SECURITY_POLICY
from course.site.manifest import storage_key
from course.templating import environment

TEMPLATES = Path(__file__).parent / "templates"
# Leaves about 100 characters for the folder it is unpacked into, e.g.
# C:\Users\<name>\Downloads\<zip name>\ on Windows, within its 260-character limit.
MAX_PATH_IN_ZIP = 150


class BundleError(OpsporError):
    """The bundle would not open everywhere; nothing was written."""


@dataclass(frozen=True)
class BundleResult:
    path: Path
    size: int
    files: int
    longest_path: int
    start_page: str


def bundle_folder(course: Course) -> str:
    """The top-level folder name: the course's storage slug, e.g. ``opspor`` (``opspor-<id>`` for a
    local edition, so two editions unzipped side by side do not mix)."""
    slug = storage_key(course).split(":", 1)[1]
    return f"{slug}-{course.edition.id}" if course.edition is not None else slug


def write_offline_bundle(course: Course, site_dir: Path, target: Path) -> BundleResult:
    strings = ui_strings(course.meta.language)
    top = bundle_folder(course)
    start_name = f"{top}/{strings['offline_start_file']}.html"
    templates = environment(TEMPLATES, autoescape=True, trim_blocks=False, lstrip_blocks=False)
    start_page = templates.get_template("offline-start.html.j2").render(
        language=course.meta.language, start_text=strings["offline_start_link"],
        title=f"{course.meta.title} – {course.edition.name}" if course.edition else course.meta.title,
        csp=CONTENT_SECURITY_POLICY,
    )
    entries = [
        *folder_entries(site_dir, f"{top}/", skip=SERVER_ONLY),
        Entry(start_name, data=start_page.encode("utf-8")),
    ]
    longest = max(len(e.name) for e in entries)
    if longest > MAX_PATH_IN_ZIP:
        worst = max(entries, key=lambda e: len(e.name)).name
        raise BundleError(f"path too long for Windows after unzipping ({longest} characters): {worst}")
    size = write_zip(entries, target)
    return BundleResult(target, size, len(entries), longest, start_name)
