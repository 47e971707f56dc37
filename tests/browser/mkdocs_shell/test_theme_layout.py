"""The theme's frame around the course (mkdocs shell): search, the menu drawer, the sticky header
and its "back to top" button stay in reach and never cover "Luk siden" or a jump target, on a
phone, a desktop and in an LMS-sized frame (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import NEUTRAL_SITE, allow_neutral_site, manifest, open_page
from tests.browser.test_layout import DESKTOP, FRAME, PHONE, context_page, course_frame, covering, frame_harness


def test_in_an_lms_sized_frame_search_is_reachable(mkdocs_default_site: Path, browser: Any, tmp_path: Path) -> None:
    context, page, errors = context_page(browser, {"width": 1000, "height": 1000})
    page.goto(frame_harness(tmp_path, mkdocs_default_site / "index.html").as_uri())
    frame = course_frame(page)
    assert frame.evaluate("innerWidth") == FRAME["width"]
    assert_search_reachable(frame)
    context.close()
    assert errors == []


def assert_search_reachable(where: Any) -> None:
    where.locator("label.md-header__button[for=__search]").click()
    field = where.locator(".md-search__input")
    field.wait_for(state="visible")
    where.wait_for_function("""() => { const b = document.querySelector('.md-search__input').getBoundingClientRect();
        const top = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
        return top && top.classList.contains('md-search__input'); }""")
    assert covering(where, field), "the search field is covered"
    close = where.locator(".md-search__form label.md-search__icon[for=__search]")
    assert covering(where, close), "the search's close button is covered"
    close.click()
    where.wait_for_function("() => !document.getElementById('__search').checked")


def test_phone_search_is_reachable_and_closable(mkdocs_mini_site: Path, browser: Any) -> None:
    context, page, errors = context_page(browser, PHONE)
    open_page(page, mkdocs_mini_site, "moduler/grundmodul.html")
    assert_search_reachable(page)
    context.close()
    assert errors == []


@pytest.mark.parametrize("viewport", [PHONE, FRAME], ids=["390", "740"])
def test_open_menu_never_covers_the_quick_exit(mkdocs_mini_site: Path, browser: Any, viewport: dict) -> None:
    context, page, errors = context_page(browser, viewport)
    allow_neutral_site(context)
    open_page(page, mkdocs_mini_site, "moduler/grundmodul.html")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    page.wait_for_function("""() => { const s = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
        return s.left >= 0; }""")  # the drawer has slid in
    exit_link = page.locator(".opspor-quick-exit")
    assert covering(page, exit_link), "the open menu covers Luk siden"
    exit_link.click()
    page.wait_for_url(NEUTRAL_SITE)
    context.close()
    assert errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_jump_targets_and_back_to_top_are_clear_of_the_header(mkdocs_default_site: Path, browser: Any,
                                                              viewport: dict) -> None:
    context, page, errors = context_page(browser, viewport)
    course = manifest(mkdocs_default_site)
    module = course["modules"][next(iter(course["modules"]))]["url"]
    open_page(page, mkdocs_default_site, "ordliste.html")
    term = page.locator(".md-content h2[id]").nth(5).get_attribute("id")
    hidden = []
    for path in (f"ordliste.html#{term}", f"{module}#kilder", "index.html#vaelg-dit-spor"):
        open_page(page, mkdocs_default_site, path)
        page.wait_for_function(
            "() => document.getElementById(location.hash.slice(1)).getBoundingClientRect().top < innerHeight")
        header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        target_top = page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top")
        if target_top < header_bottom:
            hidden.append((path, target_top, header_bottom))
    assert hidden == [], f"targets under the header (path, target top, header bottom): {hidden}"
    # "Tilbage til start" shows when scrolling back up; it must sit below the header
    open_page(page, mkdocs_default_site, module)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => scrollY > 2000")
    page.mouse.wheel(0, -400)
    top_button = page.locator(".md-top")
    top_button.wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert top_button.bounding_box()["y"] >= header_bottom
    assert covering(page, top_button)
    context.close()
    assert errors == []


