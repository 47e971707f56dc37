"""A course with script payloads in every author field builds, and nothing of it runs in Chromium.

The fixture ``tests/fixtures/hostile`` is the mini course with, appended to every authored string
(titles, summaries, objectives, sources, glossary, tracks, course.yml, every scenario field), a
set of payloads that each set ``window.__pwned`` if they ever run: a ``<script>``, an ``<img>``
with ``onerror``, an attribute break-out with ``onload``/``onmouseover``, ``</script><!--`` and an
``<iframe srcdoc>``. Module and page bodies carry them inside code, the only place raw HTML may go.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from course.loading import load_course
from tests.conftest import FIXTURES, NetworkLog, build_into, offline_context
from tests.shell_parts import shell_parts

HOSTILE = FIXTURES / "hostile"
PAYLOAD_MARK = "window.__pwned"


@pytest.fixture(scope="module")
def hostile_site(shell: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile course through each shell (``shell``: tests/browser/conftest.py)."""
    return build_into(load_course(HOSTILE), tmp_path_factory.mktemp(f"hostile-{shell}") / "site", shell)


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_fixture_carries_payloads_in_every_kind_of_file() -> None:
    for name in ("course.yml", "glossary.yml", "scenarios/01-test-scenarie.yml", "tracks/laerer.yml",
                 "modules/01-grundmodul.md", "pages/om.md"):
        assert (HOSTILE / name).read_text("utf-8").count(PAYLOAD_MARK) >= 4, name


def test_no_live_handler_or_script_url_in_any_built_page(hostile_site: Path) -> None:
    """Parsed as a browser would: no on* attribute on any element, no javascript: URL, no author <script>."""
    found = []
    for page in pages_of(hostile_site):
        tree = lxml_html.fromstring(page.read_bytes())
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.lower().startswith("on") and element.tag != "form":
                    found.append((page.name, element.tag, name))
                if name in ("href", "src", "srcdoc") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                    found.append((page.name, element.tag, name, value[:40]))
            is_data = element.tag == "script" and element.get("type") == "application/json"
            if element.tag in ("script", "iframe", "svg", "img") and not is_data and PAYLOAD_MARK in (
                (element.text or "") + str(dict(element.attrib))
            ):
                found.append((page.name, element.tag, "payload element"))
    assert not found, found


def test_titles_are_shown_as_typed_not_as_markup(hostile_site: Path, browser: object) -> None:
    """Escaped exactly once: the learner sees the author's characters, never entities or markup."""
    log = NetworkLog()
    context = offline_context(browser, log)
    page = context.new_page()
    page.goto((hostile_site / "moduler/grundmodul.html").as_uri())
    course = load_course(HOSTILE)
    title = course.modules["grundmodul"].meta.title
    assert title.startswith("Grundmodul om underretning <script>window.__pwned=")
    assert " ".join(page.locator("article h1").inner_text().split()) == " ".join(title.split())
    assert page.title() == f"{title} - {course.meta.title}"
    nav_text = " ".join(" ".join(page.locator("nav").all_inner_texts()).split())  # the shell's menus
    assert " ".join(course.tracks["laerer"].title.split()) in nav_text
    context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_nothing_runs_on_any_page(hostile_site: Path, browser: object, width: int) -> None:
    """Every page opened, hovered, focused and played through: no dialog, no payload, no CSP report."""
    log = NetworkLog()
    context = offline_context(browser, log, viewport={"width": width, "height": 844})
    page = context.new_page()
    dialogs: list[str] = []
    violations: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script("""
        document.addEventListener('securitypolicyviolation', function (e) {
          (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI);
        });""")
    opened = 0
    for html_file in pages_of(hostile_site):
        page.goto(html_file.as_uri())
        page.wait_for_load_state("load")
        # hover and focus every link and heading: would fire onmouseover/onfocus payloads
        page.evaluate("""() => document.querySelectorAll('article *, nav a, header *').forEach(n => {
            ['mouseover', 'mouseenter', 'focus'].forEach(type => n.dispatchEvent(new Event(type)));
        })""")
        if page.locator("#opspor-player .opspor-option input").count():
            page.locator("#opspor-player .opspor-option input").first.check()
            page.locator("#opspor-player button[type=submit]").first.click()
        pwned = page.evaluate("window.__pwned")
        violations += [f"{html_file.name}: {v}" for v in page.evaluate("window.__csp || []")]
        assert pwned is None, f"{html_file.relative_to(hostile_site)} ran a payload: {pwned}"
        opened += 1
    context.close()
    assert opened == len(pages_of(hostile_site)) >= 15
    assert not dialogs, dialogs
    assert not violations, violations
    assert not errors, errors
    assert not log.blocked, log.blocked


def test_search_results_show_hostile_titles_as_text(hostile_site: Path, browser: object) -> None:
    """A shell's search may render titles from its index as HTML: they must arrive escaped once."""
    context = offline_context(browser, NetworkLog())
    page = context.new_page()
    page.goto((hostile_site / "index.html").as_uri())
    first = shell_parts(hostile_site).search_hit(page, "Testscenarie", "Testscenarie")
    title = load_course(HOSTILE).scenarios["test-scenarie"].title
    assert " ".join(title.split()) in " ".join(first.inner_text().split())
    assert page.evaluate("window.__pwned") is None
    context.close()
