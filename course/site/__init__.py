"""Site generation: course model -> docs tree + manifest + runtime assets -> HTML shell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from course.i18n import ui_strings
from course.model import Course, ShellName
from course.scratch import scratch_folder
from course import urls
from course.site.docs_tree import DocsTreeWriter
from course.site.manifest import build_manifest, manifest_script
from course.site.materials import MATERIALS_DIR, Materials
from course.site.minify import minifying
from course.site.runtime import PAGE_SCRIPTS, RUNTIME_SCRIPTS
from course.site.shell_input import ShellError, ShellInput
from course.site.shells import render_shell
from course.site.text_render import shell_text
from course.errors import OpsporError

ASSETS = Path(__file__).parent / "assets"
VENDOR_FILES: dict[str, str] = {
    # site path -> path inside node_modules (pinned in package.json / package-lock.json), loaded
    # first in every page's <head> (none at the moment; a shell vendors its own files itself)
}
PAGE_VENDOR_FILES = {
    # loaded only by the page that needs them (not on every page like VENDOR_FILES);
    # the verify page's Ed25519 fallback is bundled by `make setup` (esbuild) from pinned packages
    "assets/vendor/noble-ed25519/ed25519-verify.js": ".opspor/ed25519-verify.js",
}

# The esbuild that `make setup` installs (pinned in package.json): it minifies the runtime's copies.
ESBUILD = {"esbuild": ".bin/esbuild"}

__all__ = ["PAGE_SCRIPTS", "RUNTIME_SCRIPTS", "SetupError", "ShellError", "build_site", "render_shell",
           "write_docs"]


class SetupError(OpsporError):
    """A vendored browser file is missing: the set-up step (npm ci) has not run."""


def vendor_sources(project_root: Path, files: dict[str, str] = VENDOR_FILES) -> dict[str, Path]:
    found = {}
    for site_path, package_path in files.items():
        source = project_root / "node_modules" / package_path
        if not source.exists():
            raise SetupError(f"missing {source}; run 'make setup' (npm ci) first")
        found[site_path] = source
    return found


def write_docs(course: Course, project_root: Path, docs: Path, site_dir: Path,
               materials: Materials | None = None) -> ShellInput:
    """Write the generated docs tree, manifest and assets into ``docs``; return what the shell needs.

    Kept apart from :func:`build_site` so the benchmark can hand the very same input to one shell alone.
    """
    strings = ui_strings(course.meta.language)
    vendored = vendor_sources(project_root)
    docs.mkdir(parents=True, exist_ok=True)
    asset_dir = docs / urls.ASSET_DIR
    shutil.copytree(ASSETS, asset_dir)
    manifest = build_manifest(course, strings)
    (asset_dir / "course-manifest.js").write_text(manifest_script(manifest), encoding="utf-8")
    (asset_dir / "course-manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    for site_path, source in (vendored | vendor_sources(project_root, PAGE_VENDOR_FILES)).items():
        target = docs / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    edition = course.edition
    logo = None
    if edition is not None and edition.logo is not None:
        logo = f"{urls.ASSET_DIR}/udgave-logo{edition.logo.suffix}"
        (docs / logo).write_bytes(edition.logo.data)  # shown only as <img>: script in an SVG never runs
    # the runtime's files are minified while the pages are written (esbuild is a program of its own)
    with minifying(asset_dir, vendor_sources(project_root, ESBUILD)["esbuild"]):
        writer = DocsTreeWriter(course, strings, docs, materials)
        nav = writer.write_all()
        if materials is not None:  # the PDFs are files of the site; "Om kurset" links to them
            shutil.copytree(materials.folder, docs / MATERIALS_DIR)
    return ShellInput(
        docs_dir=docs,
        site_dir=site_dir,
        nav=nav,
        site_name=shell_text(f"{course.meta.title} – {edition.name}" if edition else course.meta.title),
        language=course.meta.language,
        strings=strings,
        styles=[f"{urls.ASSET_DIR}/opspor.css"],
        scripts=[f"{urls.ASSET_DIR}/{name}" for name in RUNTIME_SCRIPTS],
        head_scripts=list(vendored),
        edition_name=edition.name if edition else "",
        filled_slots=tuple(edition.fills) if edition else (),
        logo=logo,
        notice=strings["edition_example_notice"] if edition and edition.example else None,
        site_url=course.meta.site_url,
        origins=writer.origins,
        items={"modul": tuple(course.modules), "scenarie": tuple(course.scenarios)},
    )


def build_site(course: Course, project_root: Path, site_dir: Path, materials: Materials | None = None,
               shell: ShellName | None = None) -> int:
    """Build the whole site into ``site_dir`` (which must not exist yet). Returns page count.

    ``materials``: printed PDFs to carry in a ``Materialer`` folder (the offline copy), listed on "Om kurset".
    ``shell`` overrides the course's own choice (``shell:`` in course.yml; :mod:`course.site.shells`).
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside site_dir (in the claimed staging folder when building for an output), so a
    # killed build leaves nothing in the temp dir; claimed, so the next run removes it.
    with scratch_folder(".opspor-docs-", site_dir.parent) as work:
        shell_input = write_docs(course, project_root, work / "docs", site_dir, materials)
        render_shell(shell or course.meta.shell, project_root, shell_input, work)
    return sum(1 for _ in site_dir.rglob("*.html"))
