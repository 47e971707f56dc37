"""The offline zip: unzip into a fresh folder, open from file:// with the network blocked."""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

import pytest

from course.packaging.offline_bundle import MAX_PATH_IN_ZIP, BundleResult
from tests.shell_parts import shell_parts
from tests.site.test_offline_urls import remote_fetches

# href/src/url() values that would break after unzipping: absolute paths and file URLs.
ABSOLUTE_LINK = re.compile(r"""(?:href|src|action)\s*=\s*["'](/(?!/)|file:)""", re.I)


@pytest.fixture(scope="module")
def unzipped(offline_zip: BundleResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fresh-folder")
    with zipfile.ZipFile(offline_zip.path) as archive:
        archive.extractall(target)
    return target


def test_one_top_folder_short_paths_no_links_that_break_after_unzipping(offline_zip: BundleResult) -> None:
    with zipfile.ZipFile(offline_zip.path) as archive:
        infos = archive.infolist()
    tops = {i.filename.split("/", 1)[0] for i in infos}
    assert tops == {"testkursus"}
    for info in infos:
        assert not stat.S_ISLNK(info.external_attr >> 16), f"symbolic link: {info.filename}"
        assert not info.filename.startswith("/") and ".." not in info.filename.split("/")
        assert len(info.filename) <= MAX_PATH_IN_ZIP
    names = {i.filename for i in infos}
    assert {"testkursus/index.html", "testkursus/Start kurset.html"} <= names
    assert offline_zip.longest_path == max(len(n) for n in names)


def test_no_absolute_links_and_nothing_fetched_from_another_host(unzipped: Path) -> None:
    site = unzipped / "testkursus"
    absolute = [f"{p.relative_to(site)}: {m.group(0)}" for p in site.rglob("*.html")
                for m in ABSOLUTE_LINK.finditer(p.read_text("utf-8"))]
    assert absolute == []
    assert remote_fetches(site) == []


def test_start_page_opens_every_page_search_and_quiz_work_offline(unzipped: Path, offline_page) -> None:
    page, network = offline_page
    site = unzipped / "testkursus"
    page.goto((site / "Start kurset.html").as_uri())
    page.wait_for_url("**/testkursus/index.html")
    assert page.locator("html").get_attribute("lang") == "da"

    pages = sorted(p for p in site.rglob("*.html") if p.name != "Start kurset.html")
    for html in pages:
        response = page.goto(html.as_uri())
        assert response is not None and response.ok
        assert page.locator("[data-opspor-content]").count(), html
    assert len(pages) >= 12

    page.goto((site / "index.html").as_uri())
    shell_parts(site).search_hit(page, "tavshedspligt", "Grundmodul om underretning").click()
    page.wait_for_url("**/moduler/grundmodul.html*")

    quiz = page.locator(".opspor-quiz").first
    quiz.get_by_label("Du selv").check()
    quiz.get_by_role("button", name="Svar").click()
    quiz.get_by_text("Rigtigt, pligten er personlig.").locator("visible=true").first.wait_for()
    assert network.blocked == [], f"requests to other hosts: {network.blocked}"
