"""Phone, desktop and LMS-frame layout: nothing scrolls sideways, targets are 24 x 24 px (issue 13:
phone and narrow frames). The shell's own frame (header, menu, search) around "Luk siden" is tested
in each shell's own test folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import (
    complete_mini_laerer,
    manifest,
    open_page,
    walk_to_ending_by_keyboard,
)
from tests.conftest import NetworkLog, offline_context

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 768}
FRAME = {"width": 740, "height": 900}  # Moodle's SCORM player shows the course in a frame about this wide

OVERFLOW = "[document.documentElement.scrollWidth, window.innerWidth]"


def page_kinds(site: Path) -> dict[str, str]:
    """One page of every kind in a built site."""
    course = manifest(site)
    track = course["tracks"][0]
    module_id = next(i["id"] for i in track["items"] if i["kind"] == "module")
    scenario_id = next(i["id"] for i in track["items"] if i["kind"] == "scenario")
    return {
        "front page": "index.html", "module": course["modules"][module_id]["url"],
        "scenario": course["scenarios"][scenario_id]["url"], "track": track["url"],
        "Mit forløb": "mit-forloeb.html", "certificate": "bevis.html", "glossary": "ordliste.html",
        "help": "hjaelp.html", "about": "om.html", "verify": "bekraeft.html",
    }


def context_page(browser: Any, viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    context = offline_context(browser, NetworkLog(), viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE, DESKTOP], ids=["390", "320", "1366"])
def test_no_page_kind_scrolls_sideways(default_site: Path, mini_site: Path, browser: Any, viewport: dict) -> None:
    context, page, errors = context_page(browser, viewport)
    wide: dict[str, list[int]] = {}
    for kind, path in page_kinds(default_site).items():
        open_page(page, default_site, path)
        width, inner = page.evaluate(OVERFLOW)
        if width > inner:
            wide[kind] = [width, inner]
    # the states that used to spill: a scenario's debrief table and a filled-in certificate
    course = manifest(default_site)
    scenario = next(i["id"] for i in course["tracks"][0]["items"] if i["kind"] == "scenario")
    open_page(page, default_site, course["scenarios"][scenario]["url"])
    walk_to_ending_by_keyboard(page, choose="last")
    width, inner = page.evaluate(OVERFLOW)
    if width > inner:
        wide["scenario debrief"] = [width, inner]
    complete_mini_laerer(page, mini_site)
    open_page(page, mini_site, "bevis.html#laerer")
    page.locator("#opspor-cert-name").fill("Marie-Louise Kristiansen-Østergaard")
    page.locator(".opspor-certificate-sheet").wait_for()
    width, inner = page.evaluate(OVERFLOW)
    if width > inner:
        wide["certificate preview"] = [width, inner]
    sheet = page.locator(".opspor-certificate-sheet").bounding_box()
    assert sheet["x"] >= 0 and sheet["x"] + sheet["width"] <= viewport["width"], "the sheet is cut off"
    context.close()
    assert wide == {}, f"pages wider than the screen (scrollWidth, innerWidth): {wide}"
    assert errors == []


def frame_harness(tmp_path: Path, target: Path) -> Path:
    """A page that shows ``target`` in a 740 x 900 frame, as an LMS's SCORM player does."""
    harness = tmp_path / "frame.html"
    harness.write_text(
        '<!doctype html><html lang="da"><title>LMS</title><body style="margin:0">'
        f'<iframe title="Kursus" src="{target.as_uri()}" style="width:{FRAME["width"]}px;'
        f'height:{FRAME["height"]}px;border:0"></iframe></body></html>', encoding="utf-8")
    return harness


def course_frame(page: Any) -> Any:
    frame = page.frames[1]
    frame.wait_for_function("() => document.readyState === 'complete' && !!window.OpsporStore")
    return frame


def test_in_an_lms_sized_frame_nothing_scrolls_sideways(default_site: Path, browser: Any, tmp_path: Path) -> None:
    context, page, errors = context_page(browser, {"width": 1000, "height": 1000})
    wide = {}
    for kind, path in page_kinds(default_site).items():
        page.goto(frame_harness(tmp_path, default_site / path).as_uri())
        frame = course_frame(page)
        width, inner = frame.evaluate(OVERFLOW)
        assert inner == FRAME["width"]
        if width > inner:
            wide[kind] = [width, inner]
    assert wide == {}, f"pages wider than the frame: {wide}"
    context.close()
    assert errors == []


def covering(where: Any, locator: Any) -> bool:
    """Is the element the topmost thing at its own centre (nothing lies over it)?"""
    return locator.evaluate("""el => { const b = el.getBoundingClientRect();
        const top = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
        return b.width > 0 && !!top && (top === el || el.contains(top)); }""")


def test_controls_are_at_least_24_px(mini_site: Path, browser: Any) -> None:
    context, page, errors = context_page(browser, PHONE)
    small = []
    for path in ("mit-forloeb.html", "scenarier/test-scenarie.html", "moduler/grundmodul.html", "bevis.html"):
        open_page(page, mini_site, path)
        # ours: the content and the quick-exit bar (each shell's tests check its own frame)
        small += page.evaluate("""path => [...document.querySelectorAll(
              '[data-opspor-content] :is(button, input:not([type=hidden]), select, textarea), .opspor-safety-bar a')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([, b]) => b.width < 24 || b.height < 24)
            .map(([el, b]) => `${path}: ${el.outerHTML.slice(0, 80)} ${b.width}x${b.height}`)""",
                               path)
    context.close()
    assert small == []
    assert errors == []


def test_help_lines_are_tel_links(default_site: Path) -> None:
    html = (default_site / "hjaelp.html").read_text("utf-8")
    for number in ("112", "1888", "116006", "116111", "114"):
        assert f'href="tel:{number}"' in html, number
    assert 'href="tel:+4525177374"' in html
