"""A fresh build of the whole site in a temporary folder, for packages to copy from.

Packages never reuse ``site/`` from an earlier ``build``: it may be stale or from
another course. One build serves every package made by the same command.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from course.model import Course, ShellName
from course.scratch import scratch_folder
from course.site import build_site

# Pages that only make sense on a web server: every shell's 404 page is served at whatever address
# was asked for, so its links are written for the site's top folder, not relative to the page; on
# disk and inside an LMS nobody ever sees it.
SERVER_ONLY = frozenset({"404.html"})


@contextmanager
def built_site(course: Course, project_root: Path, with_materials: bool = False,
               shell: ShellName | None = None) -> Iterator[Path]:
    """The course's site (with its own shell, or ``shell``) in a scratch folder.

    ``with_materials``: print every PDF (packs and workshop kits) into the site's ``Materialer``
    folder, listed on "Om kurset"; the offline copy carries them, an LMS package does not."""
    with scratch_folder("opspor-package-site-") as tmp:
        site = tmp / "site"
        materials = None
        if with_materials:
            from course.i18n import ui_strings
            from course.packaging.materials import print_materials

            materials = print_materials(course, tmp / "pdf", ui_strings(course.meta.language))
        build_site(course, project_root, site, materials, shell=shell)
        yield site
