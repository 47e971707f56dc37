"""Finding the way (issue 13): the learner's own track in the record and the navigation, ticks,
"Modul N af M", "Næste i dit spor" and the glossary in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import answer_quiz, axe_violations, manifest, open_page, stored, tab_to
from tests.shell_parts import shell_parts

TRACK = "sygeplejerske"  # mini course: grundmodul, rollemodul, test-scenarie
TRACK_TITLE = "Spor for sygeplejerske"


def nav(page: Any) -> Any:
    return page.locator("[data-opspor-track-nav]")


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}],
                         ids=["1366", "390"])
def test_track_is_chosen_kept_and_shown_with_ticks_and_next_in_track(
        mini_site: Path, offline_page, viewport: dict) -> None:
    page, _ = offline_page
    page.set_viewport_size(viewport)
    key = manifest(mini_site)["storage_key"]
    open_page(page, mini_site, "moduler/grundmodul.html")
    assert "Vælg dit spor" in nav(page).inner_text(), "no track chosen yet: the navigation offers the tracks"
    assert page.locator(".opspor-track-position").is_hidden()

    # Chosen from the front page's cards, all four within the first screen
    open_page(page, mini_site, "index.html")
    cards = page.locator(".opspor-home-track")
    assert cards.count() == 4
    assert all(cards.nth(i).bounding_box()["y"] + cards.nth(i).bounding_box()["height"] <= viewport["height"]
               for i in range(4)), "every track card is on the first screen"
    cards.filter(has_text=TRACK_TITLE).get_by_role("link").click()
    page.wait_for_url(f"**/spor/{TRACK}.html")
    page.wait_for_function("() => !!window.OpsporStore")
    assert stored(page, key)["t"] == TRACK
    assert "Det er dit spor" in page.locator(".opspor-track-choice").inner_text()
    items = page.locator(".opspor-track-items > li")
    assert [items.nth(i).get_attribute("data-item") for i in range(items.count())] == \
        ["grundmodul", "rollemodul", "test-scenarie"], "the track page lists the items in track order"

    open_page(page, mini_site, "moduler/grundmodul.html")
    assert page.locator(".opspor-track-position").inner_text().startswith("Modul 1 af 3")
    links = nav(page).locator("ol a")
    assert links.count() == 3
    assert links.nth(0).get_attribute("aria-current") == "page"
    assert "(Ikke startet)" in links.nth(0).inner_text()
    assert page.locator(".opspor-next-in-track").inner_text() == ""
    for number in range(page.locator(".opspor-quiz").count()):
        answer_quiz(page, number, correct=True)
    next_link = page.locator(".opspor-next-in-track a")
    next_link.wait_for()
    assert "Næste i dit spor" in next_link.inner_text() and "Modul 2 af 3" in next_link.inner_text()
    assert "(Bestået)" in links.nth(0).inner_text() and "\u2713" in links.nth(0).inner_text()
    summary = page.locator(".opspor-quiz-summary")
    assert next_link.bounding_box()["y"] > summary.bounding_box()["y"], "next to the result, not above the quiz"
    if viewport["width"] < 1000:  # on a phone the track list is in the menu
        shell_parts(mini_site).open_menu(page)
        nav(page).locator("ol").wait_for(state="visible")
    found = axe_violations(page)
    assert found == [], found
    if viewport["width"] < 1000:  # close the menu again
        shell_parts(mini_site).close_menu(page, viewport)
    next_link.click()
    page.wait_for_url("**/moduler/rollemodul.html")
    page.wait_for_function("() => !!window.OpsporStore")
    assert page.locator(".opspor-track-position").inner_text().startswith("Modul 2 af 3")

    # The switcher changes the track; the record keeps it
    switch = page.get_by_label("Skift spor")
    if viewport["width"] < 1000:
        shell_parts(mini_site).open_menu(page)
    switch.select_option("laerer")
    nav(page).locator("ol a").nth(1).wait_for()
    assert nav(page).locator("ol a").count() == 2
    assert stored(page, key)["t"] == "laerer"
    open_page(page, mini_site, "moduler/rollemodul.html")
    assert page.locator(".opspor-track-position").is_hidden(), "not in the learner's track: no position"


def test_glossary_term_opens_in_place_by_keyboard_and_the_glossary_leads_back(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "moduler/grundmodul.html")
    term = page.locator("button.opspor-term", has_text="tavshedspligt")
    assert term.get_attribute("aria-expanded") == "false"
    panel = page.locator(f"#{term.get_attribute('aria-controls')}")
    assert panel.is_hidden()
    tab_to(page, "button.opspor-term")
    page.keyboard.press("Enter")
    assert term.get_attribute("aria-expanded") == "true"
    assert panel.is_visible() and "Tavshedspligt" in panel.inner_text()
    found = axe_violations(page)
    assert found == [], found
    page.keyboard.press("Escape")
    assert term.get_attribute("aria-expanded") == "false" and panel.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('opspor-term')"), "focus back on the term"
    page.keyboard.press("Space")
    assert panel.is_visible()
    tab_to(page, ".opspor-term-panel a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ordliste.html?fra=module%3Agrundmodul#tavshedspligt")
    page.wait_for_function("() => !!window.OpsporStore")
    back = page.get_by_role("link", name="Tilbage til »Grundmodul om underretning«")
    assert back.is_visible()
    assert "Tilbage-knap" in page.locator(".opspor-way-back").inner_text(), "the history trade-off is explained"
    found = axe_violations(page)
    assert found == [], found
    back.click()
    page.wait_for_url("**/moduler/grundmodul.html")
