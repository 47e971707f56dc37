"""The record rules (opspor-record.js) ship wherever the runtime does, and load before the store.

The store refuses to start without window.OpsporRecord, so a page or package that lacks the file, or
loads it after opspor-store.js, would keep no progress at all.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from course.packaging.offline_bundle import BundleResult
from course.packaging.scorm_package import SITE_FOLDER
from tests.packaging.conftest import VERSIONS

SCRIPT = re.compile(r'<script[^>]+src="([^"]*assets/opspor/opspor-(?:record|store)\.js)"')


def runtime_order(html: str) -> list[str]:
    return [Path(src).name for src in SCRIPT.findall(html)]


def check_archive(archive: zipfile.ZipFile, prefix: str) -> int:
    names = set(archive.namelist())
    assert f"{prefix}assets/opspor/opspor-record.js" in names
    pages = [n for n in names if n.startswith(prefix) and n.endswith(".html") and "/assets/" not in n
             and "opspor-output" not in n]
    checked = 0
    for name in pages:
        html = archive.read(name).decode("utf-8")
        if "opspor-store.js" not in html:
            continue  # the SCORM launch page and the offline start page carry no course runtime
        assert runtime_order(html) == ["opspor-record.js", "opspor-store.js"], name
        checked += 1
    return checked


def test_every_page_of_the_site_loads_the_record_rules_before_the_store(mini_site: Path) -> None:
    pages = [p for p in mini_site.rglob("*.html") if "assets" not in p.parts]
    with_runtime = [p for p in pages if "opspor-store.js" in p.read_text("utf-8")]
    assert len(with_runtime) >= 10
    for page in with_runtime:
        assert runtime_order(page.read_text("utf-8")) == ["opspor-record.js", "opspor-store.js"], page
    assert (mini_site / "assets" / "opspor" / "opspor-record.js").is_file()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_scorm_package_ships_and_lists_the_record_rules(version: str, scorm_zips: dict[str, Path]) -> None:
    with zipfile.ZipFile(scorm_zips[version]) as archive:
        assert check_archive(archive, f"{SITE_FOLDER}/") >= 5
        listed = archive.read("imsmanifest.xml").decode("utf-8")
        assert f'href="{SITE_FOLDER}/assets/opspor/opspor-record.js"' in listed


def test_the_offline_bundle_ships_the_record_rules(offline_zip: BundleResult) -> None:
    with zipfile.ZipFile(offline_zip.path) as archive:
        top = archive.namelist()[0].split("/")[0] + "/"
        assert check_archive(archive, top) >= 10
