"""Quick exit ("Luk siden") and the one-time content note."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.learner import NEUTRAL_SITE, allow_neutral_site, open_page


def browse_a_few_pages(page, site: Path) -> None:
    """Arrive at the course, then move around by clicking links as a learner would."""
    page.goto("about:blank")
    open_page(page, site, "index.html")
    page.locator("article a", has_text="Spor for laerer").click()
    page.wait_for_url("**/spor/laerer.html")
    page.locator("article a", has_text="Grundmodul om underretning").first.click()
    page.wait_for_url("**/moduler/grundmodul.html")
    page.wait_for_function("!!window.OpsporStore")


@pytest.mark.parametrize("how", ["button", "escape-twice"])
def test_quick_exit_leaves_for_a_neutral_site_and_back_does_not_return(mini_site: Path, offline_page,
                                                                        how: str) -> None:
    page, _ = offline_page
    allow_neutral_site(page.context)
    browse_a_few_pages(page, mini_site)
    if how == "button":
        page.get_by_role("link", name="Luk siden").click()
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    page.wait_for_load_state()
    assert not page.url.startswith("file:"), f"Back returned to the course: {page.url}"


def test_quick_exit_is_first_in_keyboard_order_and_visible_when_scrolled(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "scenarier/test-scenarie.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Luk siden"
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    box = page.locator(".opspor-quick-exit").bounding_box()
    assert box is not None and 0 <= box["y"] < 60, f"not on screen after scrolling: {box}"


def test_one_escape_alone_does_not_leave(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "hjaelp.html")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1700)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith("file:")


def test_content_note_shows_once_on_the_first_page_visited_with_a_help_link(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "moduler/rollemodul.html")
    note = page.locator(".opspor-first-visit-note")
    assert note.is_visible()
    assert "Kurset handler om vold." in note.inner_text()
    help_link = note.get_by_role("link", name="Har du selv brug for hjælp? Se »Få hjælp«.")
    assert help_link.get_attribute("href").endswith("hjaelp.html")
    note.get_by_role("link", name="Få hjælp").first.click()
    page.wait_for_url("**/hjaelp.html")
    page.wait_for_function("!!window.OpsporStore")
    assert page.locator(".opspor-first-visit-note").count() == 0
    assert "Ring 112" in page.locator("article").inner_text()
    for path in ("index.html", "spor/politi.html", "ordliste.html"):
        open_page(page, mini_site, path)
        assert page.locator(".opspor-first-visit-note").count() == 0
        assert page.locator(".opspor-help-link").get_attribute("href").endswith("hjaelp.html")
