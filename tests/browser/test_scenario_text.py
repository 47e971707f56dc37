"""Without JavaScript, and in print, a scenario page still shows the whole scenario as text."""

from __future__ import annotations

from pathlib import Path

from tests.browser.learner import open_page
from tests.conftest import NetworkLog, offline_context

STEP_TEXT = "Ida sidder med sin partner."
LAST_OPTION_FEEDBACK = "Bedre end intet."


def test_without_javascript_the_whole_scenario_is_readable(browser, mini_site: Path) -> None:
    context = offline_context(browser, NetworkLog(), java_script_enabled=False)
    page = context.new_page()
    page.goto((mini_site / "scenarier" / "test-scenarie.html").as_uri())
    text = page.locator(".opspor-scenario-text")
    assert text.is_visible()
    for words in (STEP_TEXT, "Du giver hende en folder.", "Ida tager folderen med."):
        assert words in text.inner_text()
    text.locator("summary", has_text="Acceptabel").click()  # feedback folds open without script
    assert LAST_OPTION_FEEDBACK in text.inner_text()
    assert page.locator(".opspor-quick-exit").is_visible()
    context.close()


def test_on_screen_the_player_replaces_the_text_and_print_shows_the_text(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "scenarier/test-scenarie.html")
    assert page.locator("#opspor-player fieldset").is_visible()
    assert not page.locator(".opspor-scenario-text").is_visible()
    page.get_by_role("button", name="Vis hele scenariet som tekst").click()
    assert page.locator(".opspor-scenario-text").is_visible()
    page.get_by_role("button", name="Skjul teksten").click()

    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".opspor-scenario-text").is_visible()
    assert not page.locator("#opspor-player").is_visible()
    assert not page.locator(".opspor-quick-exit").is_visible()
    assert LAST_OPTION_FEEDBACK in page.locator(".opspor-scenario-text").inner_text(), "feedback unfolded for print"
