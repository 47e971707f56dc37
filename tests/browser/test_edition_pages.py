"""A local edition's pages in a real browser, on a phone and a laptop: no axe violations, the slot box,
the contacts and the header logo as a reader sees them, and no request to another host."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.learner import axe_violations, open_page

PAGES = ("saadan-goer-vi.html", "hjaelp.html", "moduler/grundmodul.html", "lokal-side.html")


@pytest.mark.parametrize("size", [(390, 844), (1366, 768)], ids=["phone", "desktop"])
def test_edition_pages_have_no_axe_violations(lille_site: Path, offline_page, size: tuple[int, int]) -> None:
    page, log = offline_page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    found = {}
    for path in PAGES:
        open_page(page, lille_site, path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, found
    assert log.blocked == []


def test_the_slot_box_and_the_contacts_are_visible_as_text(lille_site: Path, offline_page) -> None:
    page, _ = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, lille_site, "moduler/grundmodul.html")
    box = page.locator('.opspor-lokal[data-slot="underretning"]')
    assert box.is_visible()
    assert box.locator(".opspor-callout__title").inner_text() == "Sådan gør vi i Lilleby Kommune"
    open_page(page, lille_site, "hjaelp.html")
    call = page.get_by_role("link", name="12 34 56 78").first
    assert call.get_attribute("href") == "tel:+4512345678" and call.is_visible()


def test_the_header_shows_the_logo_on_a_laptop(lille_site: Path, offline_page) -> None:
    page, _ = offline_page
    page.set_viewport_size({"width": 1366, "height": 768})
    open_page(page, lille_site, "index.html")
    logo = page.locator('header img[src$="udgave-logo.svg"]')
    assert logo.is_visible()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", logo.element_handle())
