"""The native shell in Chromium from file://: phone and desktop, search, quick exit, quiz, scenario, axe."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.learner import (
    answer_quiz,
    axe_violations,
    manifest,
    open_page,
    walk_to_ending_by_keyboard,
)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


def open_search(page, query: str) -> None:
    page.get_by_role("button", name="Søg").click()
    box = page.get_by_label("Søg i kurset")
    box.fill(query)
    page.locator("#on-search-status").filter(has_text="resultat").wait_for()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x768"])
def test_every_page_opens_offline_with_no_requests_elsewhere_and_no_sideways_scroll(
        native_default_site: Path, offline_page, viewport: dict[str, int]) -> None:
    page, network = offline_page
    page.set_viewport_size(viewport)
    pages = sorted(native_default_site.rglob("*.html"))
    assert len(pages) > 40
    wide = []
    for html in pages:
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
            wide.append(html.relative_to(native_default_site).as_posix())
    assert network.blocked == [], f"requests to other hosts: {network.blocked}"
    assert wide == [], f"wider than the screen: {wide}"


def test_danish_search_finds_a_stemmed_word_and_opens_the_page(native_default_site: Path, offline_page) -> None:
    page, network = offline_page
    open_page(page, native_default_site, "index.html")
    assert not page.evaluate("!!window.lunr || !!window.OPSPOR_SEARCH"), "search loaded before it was opened"
    open_search(page, "voldens")
    results = page.locator("#on-search-results li")
    texts = [results.nth(i).inner_text().lower() for i in range(min(results.count(), 30))]
    assert texts, "no results"
    # Stemming: "voldens" finds sections that say "vold"/"volden" without ever saying "voldens".
    assert any("vold" in t and "voldens" not in t for t in texts), texts[:5]
    first = results.first.locator("a")
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url("**/" + href.split("#")[0].lstrip("./") + "*")
    assert network.blocked == []


def test_search_of_a_word_no_page_has_says_so(native_mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, native_mini_site, "hjaelp.html")
    page.get_by_role("button", name="Søg").click()
    page.get_by_label("Søg i kurset").fill("xylofonorkester")
    page.locator("#on-search-status").filter(has_text="Ingen resultater").wait_for()
    assert page.locator("#on-search-results li").count() == 0


def test_phone_menu_opens_from_its_button_and_shows_the_current_page(native_mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    page.set_viewport_size(PHONE)
    open_page(page, native_mini_site, "mit-forloeb.html")  # a course-wide page: in the shell's own menu
    nav = page.locator("#on-nav")
    assert not nav.is_visible()
    menu = page.get_by_role("button", name="Menu")
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true" and nav.is_visible()
    current = nav.locator("[aria-current=page]")
    assert current.inner_text() == "Mit forløb"
    # the runtime's hook lists the tracks to choose from (no track chosen yet)
    assert nav.locator("[data-opspor-track-nav]").get_by_role("link", name="Spor for laerer").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    menu.click()
    assert not nav.is_visible()


def test_desktop_shows_menu_and_table_of_contents_without_a_menu_button(native_mini_site: Path,
                                                                         offline_page) -> None:
    page, _ = offline_page
    page.set_viewport_size(DESKTOP)
    open_page(page, native_mini_site, "moduler/grundmodul.html")
    assert page.locator("#on-nav").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    toc = page.get_by_role("navigation", name="På denne side")
    assert toc.is_visible()
    link = toc.get_by_role("link").first
    target = link.get_attribute("href")
    assert page.locator(target).count() == 1


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x768"])
def test_controls_are_at_least_24px_and_focus_is_visible(native_mini_site: Path, offline_page,
                                                        viewport: dict[str, int]) -> None:
    page, _ = offline_page
    page.set_viewport_size(viewport)
    open_page(page, native_mini_site, "moduler/grundmodul.html")
    if viewport is PHONE:
        page.get_by_role("button", name="Menu").click()
    small = page.evaluate("""() => [...document.querySelectorAll(
          '.opspor-safety-bar a, .on-header a, .on-header button, .on-nav a, .on-toc a, .on-pager a')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24).map(([t, r]) => `${t}: ${r.width}x${r.height}`)""")
    assert small == []
    open_page(page, native_mini_site, "moduler/grundmodul.html")  # focus starts at the top again
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Luk siden"
    for _ in range(3):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        assert style[1] != "none" and style[2] != "0px", style


def test_content_note_lands_under_the_heading_of_the_content_region(native_mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, native_mini_site, "moduler/rollemodul.html")
    note = page.locator("[data-opspor-content] > h1 + .opspor-first-visit-note")
    assert note.is_visible()
    note.get_by_role("button", name="Forstået").click()
    assert page.evaluate("document.activeElement.tagName") == "H1"


def test_quiz_and_scenario_player_work_and_axe_finds_nothing(native_default_site: Path, offline_page) -> None:
    page, _ = offline_page
    course = manifest(native_default_site)
    track = course["tracks"][0]
    module_id = next(i["id"] for i in track["items"] if i["kind"] == "module")
    scenario_id = next(i["id"] for i in track["items"] if i["kind"] == "scenario")
    found: dict[str, list] = {}

    def check(label: str) -> None:
        violations = axe_violations(page)
        if violations:
            found[label] = violations

    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        size = f"{viewport['width']}px"
        open_page(page, native_default_site, "index.html")
        check(f"front page {size}")
        open_page(page, native_default_site, course["modules"][module_id]["url"])
        check(f"module {size}")
        if viewport is PHONE:
            page.get_by_role("button", name="Menu").click()
            check("phone menu open")
        open_search(page, "underretning")
        check(f"search results {size}")
    questions = page.locator(".opspor-quiz").count()
    assert questions > 0
    for number in range(questions):
        answer_quiz(page, number, correct=True)
    page.locator(".opspor-quiz-summary").filter(has_text="100 %").wait_for()
    check("module, quiz answered")
    open_page(page, native_default_site, course["scenarios"][scenario_id]["url"])
    check("scenario, start")
    walk_to_ending_by_keyboard(page)
    assert page.locator("#opspor-player .opspor-debrief").is_visible()
    check("scenario, ending")
    # (404.html links from the site's top folder, as a web server serves it: it is checked served, with axe,
    # in tests/browser/test_page_details.py for both shells)
    for path in ("mit-forloeb.html", track["url"], "ordliste.html"):
        open_page(page, native_default_site, path)
        check(path)
    assert found == {}, "\n".join(f"{label}: {v}" for label, v in found.items())
