"""Where progress lives: reload, browser restart, export/import, erase, private mode, bad records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.learner import (
    answer_module,
    manifest,
    open_page,
    our_keys,
    stored,
    walk_to_ending_by_keyboard,
)
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, NetworkLog, offline_context

MODULE = "grundmodul"
TRACK = "laerer"  # grundmodul + test-scenarie


def track_summary(page, site: Path, track_id: str = TRACK) -> str:
    open_page(page, site, f"spor/{track_id}.html")
    return page.locator(".opspor-track-progress").inner_text()


def test_progress_survives_a_reload(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    answer_module(page, mini_site, MODULE)
    page.reload()
    page.wait_for_function("!!window.OpsporStore")
    assert "Modulet er bestået" in page.locator(".opspor-module-status").inner_text()
    assert "1 af 2 gennemført" in track_summary(page, mini_site)


def test_progress_survives_a_browser_restart_with_the_same_profile(browser, mini_site: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    for run in range(2):
        context = browser.browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context.route("**/*", lambda route, request: route.continue_()
                      if request.url.startswith(("file:", "data:", "blob:", "about:")) else route.abort())
        page = context.new_page()
        if run == 0:
            answer_module(page, mini_site, MODULE)
            open_page(page, mini_site, "scenarier/test-scenarie.html")
            walk_to_ending_by_keyboard(page)
        else:
            assert "2 af 2 gennemført" in track_summary(page, mini_site)
            open_page(page, mini_site, "scenarier/test-scenarie.html")
            assert "Slutning:" in page.locator("#opspor-player").inner_text()
        context.close()


def test_export_then_import_into_a_fresh_profile_restores_progress(browser, mini_site: Path, tmp_path: Path) -> None:
    first = offline_context(browser, NetworkLog(), accept_downloads=True)
    page = first.new_page()
    answer_module(page, mini_site, MODULE)
    open_page(page, mini_site, "scenarier/test-scenarie.html")
    walk_to_ending_by_keyboard(page)
    open_page(page, mini_site, "mit-forloeb.html")
    with page.expect_download() as info:
        page.get_by_role("button", name="Gem forløb som fil").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    assert exported.name.endswith(".json")
    first.close()

    fresh = offline_context(browser, NetworkLog())
    page = fresh.new_page()
    assert "0 af 2 gennemført" in track_summary(page, mini_site)
    open_page(page, mini_site, "mit-forloeb.html")
    page.locator("#opspor-import-file").set_input_files(str(exported))
    page.get_by_text("Forløbet fra filen er hentet.").wait_for()
    assert "2 af 2 gennemført" in track_summary(page, mini_site)

    # A file that is not an Opspor export changes nothing and says so.
    bad = tmp_path / "noget-andet.json"
    bad.write_text(json.dumps({"hello": "world"}))
    open_page(page, mini_site, "mit-forloeb.html")
    page.locator("#opspor-import-file").set_input_files(str(bad))
    page.get_by_text("Filen kunne ikke læses").wait_for()
    assert "2 af 2 gennemført" in track_summary(page, mini_site)
    fresh.close()


def test_erase_my_data_empties_storage_including_the_old_quiz_plugin_keys(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    answer_module(page, mini_site, MODULE)
    # what the retired quiz plugin left under the page URL in browsers that used an older version of the site
    page.evaluate("url => localStorage.setItem('quiz_progress_' + url, '{}')", f"/moduler/{MODULE}.html")
    assert f"local:quiz_progress_/moduler/{MODULE}.html" in our_keys(page, mini_site)
    open_page(page, mini_site, "mit-forloeb.html")
    page.get_by_role("button", name="Slet mine data").click()
    page.get_by_role("button", name="Ja, slet alt").click()
    page.get_by_text("Alle dine data er slettet.").wait_for()
    assert our_keys(page, mini_site) == []
    cards = page.locator(".opspor-track-card").all_inner_texts()
    assert cards and all(re.search(r"(^|\s)0 af \d+ gennemført", card) for card in cards), cards
    open_page(page, mini_site, f"moduler/{MODULE}.html")
    assert page.locator(".opspor-quiz-feedback:visible, .opspor-quiz-mark:visible").count() == 0, \
        "the quiz answers are gone too"
    assert page.locator(".opspor-quiz input:checked").count() == 0


PRIVATE_LABEL = "Gem ikke mit forløb på denne enhed (privat tilstand i alle faner)"


def test_private_mode_covers_every_tab_and_leaves_no_progress_on_the_device(mini_site: Path, offline_page) -> None:
    """Decided (issue 13): private mode covers the whole browser, every tab, not just one. The open
    tabs share the progress; the device keeps only the choice (the flag), never the progress."""
    page, _ = offline_page
    key = manifest(mini_site)["storage_key"]
    open_page(page, mini_site, "mit-forloeb.html")
    page.get_by_label(PRIVATE_LABEL).check()
    answer_module(page, mini_site, MODULE)
    assert page.locator(".opspor-private-badge").is_visible()

    # A second tab of the same browser (a link opened in a new tab, or the course typed again)
    # is private too and shows the same progress; what it does reaches the first tab.
    other = page.context.new_page()
    open_page(other, mini_site, f"spor/{TRACK}.html")
    other.locator(".opspor-track-progress").filter(has_text="1 af 2 gennemført").wait_for()
    assert other.locator(".opspor-private-badge").is_visible()
    open_page(other, mini_site, "scenarier/test-scenarie.html")
    walk_to_ending_by_keyboard(other)
    open_page(page, mini_site, f"spor/{TRACK}.html")
    page.locator(".opspor-track-progress").filter(has_text="2 af 2 gennemført").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Luk siden", "quick exit still first"
    for tab in (page, other):
        assert [k for k in our_keys(tab, mini_site) if k.startswith("local:")] == [f"local:{key}:private"]
        assert stored(tab, key) is None, "no progress on the device"

    # When every tab is closed, the progress is gone; the next visit is private again, and empty.
    context = page.context
    other.close()
    page.close()
    third = context.new_page()
    assert "0 af 2 gennemført" in track_summary(third, mini_site)
    assert third.locator(".opspor-private-badge").is_visible()
    assert [k for k in our_keys(third, mini_site) if k.startswith("local:")] == [f"local:{key}:private"]

    # Switched off in one tab, every open tab saves on the device again.
    fourth = context.new_page()
    open_page(fourth, mini_site, f"spor/{TRACK}.html")
    open_page(third, mini_site, "mit-forloeb.html")
    third.get_by_label(PRIVATE_LABEL).uncheck()
    third.get_by_text("Privat tilstand er slået fra.").wait_for()
    fourth.wait_for_function("() => window.OpsporStore.mode() === 'local'")
    assert fourth.evaluate("window.OpsporStore.mode()") == "local"
    assert [k for k in our_keys(fourth, mini_site) if k.endswith(":private")] == []


BAD_RECORDS = {
    "not-json": "{this is not json",
    "foreign-course": json.dumps({"v": 1, "c": "opspor:another-course", "m": {}, "s": {}, "k": {}}),
    "newer-version": json.dumps({"v": 99, "c": "opspor:testkursus", "m": {}, "s": {}, "k": {}}),
    "wrong-shape": json.dumps({"v": 1, "c": "opspor:testkursus", "m": {"grundmodul": "lots"}, "s": [], "k": {}}),
    "a-list": "[1, 2, 3]",
}


def plant(page, site: Path, raw: str) -> str:
    key = manifest(site)["storage_key"]
    open_page(page, site, "index.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, raw])
    return key


@pytest.mark.parametrize("kind", sorted(BAD_RECORDS))
def test_a_bad_stored_record_is_set_aside_and_the_learner_is_told(mini_site: Path, offline_page, kind: str) -> None:
    page, _ = offline_page  # the fixture fails the test on any JavaScript error
    raw = BAD_RECORDS[kind]
    key = plant(page, mini_site, raw)
    open_page(page, mini_site, "spor/laerer.html")
    notice = page.get_by_role("status").filter(has_text="Dit gemte forløb kunne ikke læses")
    notice.wait_for()
    assert "Der er gemt en kopi af det i denne browser" in notice.inner_text()
    assert "0 af 2 gennemført" in page.locator(".opspor-track-progress").inner_text()
    assert page.evaluate("k => localStorage.getItem(k)", key + ":backup") == raw
    assert stored(page, key)["v"] == 1


def test_a_corrupt_record_breaks_no_page_and_the_notice_stays_until_acknowledged(mini_site: Path, offline_page) -> None:
    page, _ = offline_page  # the fixture fails the test on any JavaScript error
    plant(page, mini_site, BAD_RECORDS["not-json"])
    for path in ("index.html", "spor/laerer.html", "moduler/grundmodul.html", "scenarier/test-scenarie.html",
                 "mit-forloeb.html", "bevis.html", "hjaelp.html"):
        open_page(page, mini_site, path)
        page.locator(".opspor-set-aside button").wait_for()  # told on every page until acknowledged
        assert page.locator(".opspor-quick-exit").is_visible()
    page.locator(".opspor-set-aside button").click()
    open_page(page, mini_site, "scenarier/test-scenarie.html")
    assert page.locator(".opspor-set-aside").count() == 0
    walk_to_ending_by_keyboard(page)
    assert "1 af 2 gennemført" in track_summary(page, mini_site)


def test_a_record_from_before_versioning_is_migrated_not_set_aside(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    key = plant(page, mini_site, json.dumps({"m": {"grundmodul": [100, 2]}, "s": {}, "k": {}, "n": 1}))
    assert "1 af 2 gennemført" in track_summary(page, mini_site)
    assert page.locator(".opspor-set-aside").count() == 0
    record = stored(page, key)
    assert record["v"] == 1 and record["c"] == key and record["m"]["grundmodul"] == [100, 2]
