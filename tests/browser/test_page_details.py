"""Small things a learner runs into (issue 13, "small fixes"): the certificate needs a name, the
not-found page keeps the quick exit first and passes axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import axe_violations, complete_mini_laerer, open_page


def test_certificate_cannot_be_printed_without_a_name(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    complete_mini_laerer(page, mini_site)
    open_page(page, mini_site, "bevis.html#laerer")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button = page.get_by_role("button", name="Udskriv kursusbevis")
    reason = page.locator("#opspor-cert-name-missing")
    assert button.get_attribute("aria-disabled") == "true"
    assert reason.is_visible() and "Skriv dit navn" in reason.inner_text()
    assert button.evaluate("b => b.getAttribute('aria-describedby')") == "opspor-cert-name-missing"
    button.focus()  # it stays in reach (aria-disabled), and says why nothing happens
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 0
    assert page.evaluate("document.activeElement.id") == "opspor-cert-name"
    # the browser's own print command, before a name: paper says why instead of an unnamed sheet
    page.emulate_media(media="print")
    assert not page.locator(".opspor-certificate-sheet").is_visible()
    assert page.locator(".opspor-cert-print-refusal").is_visible()
    page.emulate_media(media="screen")
    page.locator("#opspor-cert-name").fill("Test Testesen")
    assert button.get_attribute("aria-disabled") == "false"
    assert not reason.is_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert page.locator(".opspor-certificate-sheet").is_visible()
    assert "Test Testesen" in page.locator(".opspor-sheet-name").inner_text()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 768}],
                         ids=["390", "1366"])
def test_not_found_page_has_the_quick_exit_first_and_passes_axe(served_site: str, browser: Any, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    response = page.goto(served_site + "moduler/findes-ikke.html")
    assert response.status == 404
    page.wait_for_function("document.readyState === 'complete' && !!window.OpsporStore")
    assert page.locator("h1").inner_text() == "Siden findes ikke"
    assert page.get_by_role("link", name="Få hjælp").count() >= 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('opspor-quick-exit')")
    assert axe_violations(page) == []
    width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width <= inner
    context.close()
