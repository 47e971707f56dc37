"""The hostile course (script payloads in every author field) through the native shell: shown as typed, never run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from course.loading import load_course
from tests.browser.test_hostile_content import HOSTILE, PAYLOAD_MARK
from tests.conftest import NetworkLog, build_into, offline_context


@pytest.fixture(scope="module")
def hostile_native(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(load_course(HOSTILE), tmp_path_factory.mktemp("hostile-native") / "site", "native")


def test_no_handler_script_url_or_payload_element_in_any_page(hostile_native: Path) -> None:
    found = []
    for page in sorted(hostile_native.rglob("*.html")):
        for element in lxml_html.fromstring(page.read_bytes()).iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    found.append((page.name, element.tag, name))
                if name in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                    found.append((page.name, element.tag, name, value[:40]))
            is_data = element.tag == "script" and element.get("type") == "application/json"
            if element.tag in ("script", "iframe", "svg", "img") and not is_data and PAYLOAD_MARK in (
                    (element.text or "") + str(dict(element.attrib))):
                found.append((page.name, element.tag, "payload element"))
    assert not found, found


def test_titles_nav_and_search_show_the_authors_characters_and_nothing_runs(hostile_native: Path,
                                                                           browser: object) -> None:
    log = NetworkLog()
    context = offline_context(browser, log, viewport={"width": 390, "height": 844})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    course = load_course(HOSTILE)
    for html_file in sorted(hostile_native.rglob("*.html")):
        page.goto(html_file.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("""() => document.querySelectorAll('article *, .on-nav a, .on-header *, .on-toc a')
            .forEach(n => ['mouseover', 'mouseenter', 'focus'].forEach(t => n.dispatchEvent(new Event(t))))""")
        assert page.evaluate("window.__pwned") is None, html_file.name

    page.goto((hostile_native / "moduler/grundmodul.html").as_uri())
    title = course.modules["grundmodul"].meta.title
    assert title.startswith("Grundmodul om underretning <script>window.__pwned=")
    assert " ".join(page.locator("article h1").inner_text().split()) == " ".join(title.split())
    assert page.title() == f"{title} - {course.meta.title}"
    page.get_by_role("button", name="Menu").click()
    assert " ".join(course.tracks["laerer"].title.split()) in " ".join(page.locator("#on-nav").inner_text().split())

    page.get_by_role("button", name="Søg").click()
    page.get_by_label("Søg i kurset").fill("Testscenarie")
    result = page.locator("#on-search-results li").first
    result.wait_for()
    scenario = course.scenarios["test-scenarie"].title
    assert " ".join(scenario.split()) in " ".join(result.inner_text().split())
    assert page.evaluate("window.__pwned") is None
    assert not dialogs and not log.blocked
    context.close()
