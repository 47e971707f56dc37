"""Hostile or broken learner data never destroys the learner's record (issue 10, section 5), in the browser.

Unreadable records are kept as a backup and the learner is told; hostile imports are refused and change
nothing; "Slet mine data" and private mode work whatever other keys the browser holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import answer_module, axe_violations, manifest, open_page, stored
from tests.conftest import NetworkLog, offline_context

SIZES = {"390x844": {"width": 390, "height": 844}, "1366x768": {"width": 1366, "height": 768}}
SHOTS = Path("/work/shots/records")
MODULE = "grundmodul"
TRACK = "laerer"  # grundmodul + test-scenarie
NOTICE_TITLE = "Dit gemte forløb kunne ikke læses"

# Keys another site on the same origin (every file:// page shares one) may have left; none is ours.
ODD_KEYS = [
    "%E0%A4%A", "%", "opspor%zz", "%zz%", "__proto__", "constructor", "toString",
    "quiz_progress_%E0%A4%A", "quiz_progress_%", "quiz_progress_/andet-site%zz/side.html",
    "opspor:another-course", "opspor:another-course:backup",
]


@pytest.fixture(params=sorted(SIZES))
def sized_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[tuple[Any, str]]:
    """An offline page at a phone and a desktop size; page errors fail the test."""
    context = offline_context(browser, NetworkLog(), viewport=SIZES[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, request.param
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def key_of(site: Path) -> str:
    return manifest(site)["storage_key"]


ITEMS = """name => { const s = window[name], items = [];
  for (let i = 0; i < s.length; i++) items.push([s.key(i), s.getItem(s.key(i))]);
  return items; }"""  # by key(i): Object.keys(localStorage) hides a key named "__proto__"


def local_items(page: Any) -> dict[str, str]:
    return dict(page.evaluate(ITEMS, "localStorage"))


def session_items(page: Any) -> dict[str, str]:
    return dict(page.evaluate(ITEMS, "sessionStorage"))


def notice(page: Any) -> Any:
    box = page.get_by_role("status").filter(has_text=NOTICE_TITLE)
    box.get_by_role("button", name="OK").wait_for()
    return box


def in_view(page: Any, locator: Any) -> None:
    """The element is on screen, not wider than the viewport, and its button is a 24x24 target."""
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (box, width)
    button = locator.get_by_role("button").bounding_box()
    assert button["width"] >= 24 and button["height"] >= 24, button


def plant(page: Any, site: Path, items: dict[str, str]) -> None:
    open_page(page, site, "hjaelp.html")
    # as pairs: a JS object made from a dict would turn a "__proto__" key into its prototype
    page.evaluate("items => items.forEach(([k, v]) => localStorage.setItem(k, v))", list(items.items()))


# --- an unreadable record -------------------------------------------------------------------------


def test_a_cut_off_record_is_kept_and_the_learner_told_accessibly(mini_site: Path, sized_page) -> None:
    page, size = sized_page
    key = key_of(mini_site)
    answer_module(page, mini_site, MODULE)
    whole = page.evaluate("k => localStorage.getItem(k)", key)
    cut = whole[: len(whole) // 2]  # what a full disk or a killed tab can leave
    plant(page, mini_site, {key: cut})

    open_page(page, mini_site, f"spor/{TRACK}.html")
    told = notice(page)
    assert "Der er gemt en kopi af det i denne browser" in told.inner_text()
    in_view(page, told)
    assert told.evaluate("n => n.getAttribute('role')") == "status"
    page.screenshot(path=str(SHOTS / f"set-aside-{size}.png"), full_page=False)
    assert axe_violations(page) == []
    assert page.evaluate("k => localStorage.getItem(k)", key + ":backup") == cut, "the cut record is kept"
    assert stored(page, key)["m"] == {}, "a fresh record starts"

    # Told again on the next page until acknowledged; then never again; the backup stays.
    open_page(page, mini_site, "mit-forloeb.html")
    notice(page).get_by_role("button", name="OK").click()
    assert page.locator(".opspor-set-aside").count() == 0
    open_page(page, mini_site, f"moduler/{MODULE}.html")
    assert page.locator(".opspor-set-aside").count() == 0
    assert page.evaluate("k => localStorage.getItem(k)", key + ":backup") == cut


def test_a_second_bad_record_gets_its_own_backup(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    key = key_of(mini_site)
    plant(page, mini_site, {key: "{first", key + ":backup": "{older"})
    open_page(page, mini_site, "index.html")
    notice(page)
    items = local_items(page)
    assert items[key + ":backup"] == "{older" and items[key + ":backup:2"] == "{first"


def test_when_no_copy_can_be_kept_the_record_is_left_untouched_and_the_learner_told(
    mini_site: Path, offline_page
) -> None:
    page, _ = offline_page
    key = key_of(mini_site)
    backups = {key + ":backup": "{0"} | {f"{key}:backup:{n}": "{" + str(n) for n in range(2, 10)}
    plant(page, mini_site, {key: "{the tenth", **backups})
    answer_module(page, mini_site, MODULE)
    assert "kunne ikke gemme en kopi" in notice(page).inner_text()
    assert "Modulet er bestået" in page.locator(".opspor-module-status").inner_text(), "works for the page"
    items = local_items(page)
    assert items[key] == "{the tenth", "never overwritten without a copy"
    assert {k: items[k] for k in backups} == backups

    # "Slet mine data" is the way out: everything of ours goes, and progress is saved again.
    open_page(page, mini_site, "mit-forloeb.html")
    assert "Dit forløb gemmes ikke lige nu" in page.locator(".opspor-mode").inner_text()
    page.get_by_role("button", name="Slet mine data").click()
    page.get_by_role("button", name="Ja, slet alt").click()
    page.get_by_text("Alle dine data er slettet.").wait_for()
    assert [k for k in local_items(page) if k.startswith(key)] == []
    answer_module(page, mini_site, MODULE)
    assert stored(page, key)["m"][MODULE] == [100, 2]
    assert page.locator(".opspor-set-aside").count() == 0


# --- imports --------------------------------------------------------------------------------------


def hostile_export(key: str, record_json: str) -> str:
    return '{"format": "opspor-progress", "course": "x", "exported": "2026-12-01", "record": ' + record_json + "}"


HOSTILE_IMPORTS = {
    "constructor": ('{"v":1,"c":"KEY","m":{"constructor":[100,2],"toString":[100,2]},"s":{},"k":{}}',
                    "som dette kursus ikke har (constructor, toString)"),
    "scenario-and-track": ('{"v":1,"c":"KEY","m":{},"s":{"hasOwnProperty":["0",""]},"k":{"__proto__":"2026-01-01"}}',
                           "som dette kursus ikke har (hasOwnProperty, __proto__)"),
    "1e999": ('{"v":1,"c":"KEY","m":{"grundmodul":[1e999,2]},"s":{},"k":{}}', "et helt tal fra 0 til 100"),
    "101": ('{"v":1,"c":"KEY","m":{"grundmodul":[101,2]},"s":{},"k":{}}', "et helt tal fra 0 til 100"),
    "another-course": ('{"v":1,"c":"opspor:andet","m":{},"s":{},"k":{}}', "et forløb fra et andet kursus"),
    "newer": ('{"v":7,"c":"KEY","m":{},"s":{},"k":{}}', "en nyere udgave af kurset"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_IMPORTS))
def test_a_hostile_import_is_refused_and_the_learners_own_record_survives(
    mini_site: Path, offline_page, tmp_path: Path, kind: str
) -> None:
    page, _ = offline_page
    key = key_of(mini_site)
    answer_module(page, mini_site, MODULE)
    before = stored(page, key)
    record_json, message = HOSTILE_IMPORTS[kind]
    hostile = tmp_path / "forloeb.json"
    hostile.write_text(hostile_export(key, record_json.replace("KEY", key)), encoding="utf-8")

    open_page(page, mini_site, "mit-forloeb.html")
    page.locator("#opspor-import-file").set_input_files(str(hostile))
    said = page.get_by_role("status").filter(has_text="Filen blev ikke hentet")
    said.wait_for()
    assert message in said.inner_text()
    assert "Dit eget forløb er uændret." in said.inner_text()
    assert stored(page, key) == before

    # The next pages read the learner's record as it was: no notice, the module still passed.
    open_page(page, mini_site, f"spor/{TRACK}.html")
    assert "1 af 2 gennemført" in page.locator(".opspor-track-progress").inner_text()
    open_page(page, mini_site, f"moduler/{MODULE}.html")
    assert "Modulet er bestået" in page.locator(".opspor-module-status").inner_text()
    assert page.locator(".opspor-set-aside").count() == 0
    assert stored(page, key) == before
    assert page.evaluate("k => localStorage.getItem(k + ':backup')", key) is None


# --- erase and private mode with odd keys ------------------------------------------------------


def test_erase_survives_any_key_and_removes_only_ours(mini_site: Path, sized_page) -> None:
    page, _ = sized_page
    key = key_of(mini_site)
    odd = {name: "x" for name in ODD_KEYS}
    legacy = f"quiz_progress_/site%zz/moduler/{MODULE}.html"  # the old plugin's key, not valid encoding
    plant(page, mini_site, {**odd, legacy: "{}", key + ":backup": "{old"})
    page.evaluate("names => names.forEach(k => sessionStorage.setItem(k, 'x'))", list(odd))
    answer_module(page, mini_site, MODULE)

    open_page(page, mini_site, "mit-forloeb.html")
    page.get_by_role("button", name="Slet mine data").click()
    page.get_by_role("button", name="Ja, slet alt").click()
    page.get_by_text("Alle dine data er slettet.").wait_for()
    assert local_items(page) == odd, "ours gone, everybody else's left alone"
    assert session_items(page) == odd
    page.reload()
    page.wait_for_function("!!window.OpsporStore")
    assert "0 af" in page.locator(".opspor-track-card").first.inner_text()


def test_private_mode_survives_any_key_and_leaves_nothing_of_ours(mini_site: Path, sized_page) -> None:
    page, _ = sized_page
    key = key_of(mini_site)
    odd = {name: "x" for name in ODD_KEYS}
    legacy = f"quiz_progress_/moduler/{MODULE}.html"
    plant(page, mini_site, {**odd, legacy: "{}", key + ":backup": "{old"})
    answer_module(page, mini_site, MODULE)

    open_page(page, mini_site, "mit-forloeb.html")
    page.get_by_label("Gem ikke mit forløb på denne enhed (privat tilstand i alle faner)").check()
    page.get_by_text("Privat tilstand er slået til.").wait_for()
    assert local_items(page) == {**odd, key + ":private": "1"}, "nothing of ours on the device but the choice"
    private = session_items(page)
    assert json.loads(private[key])["m"][MODULE] == [100, 2] and private[key + ":backup"] == "{old"
    open_page(page, mini_site, f"spor/{TRACK}.html")
    assert "1 af 2 gennemført" in page.locator(".opspor-track-progress").inner_text(), "works in the tab"
    assert page.locator(".opspor-private-badge").is_visible()

    open_page(page, mini_site, "mit-forloeb.html")
    page.get_by_label("Gem ikke mit forløb på denne enhed (privat tilstand i alle faner)").uncheck()
    page.get_by_text("Privat tilstand er slået fra.").wait_for()
    items = local_items(page)
    assert json.loads(items[key])["m"][MODULE] == [100, 2] and items[key + ":backup"] == "{old"
    assert {k: v for k, v in items.items() if k in odd} == odd


def test_the_kept_copy_can_be_saved_as_a_file_and_erased(browser: Any, mini_site: Path, tmp_path: Path) -> None:
    context = offline_context(browser, NetworkLog(), accept_downloads=True)
    page = context.new_page()
    key = key_of(mini_site)
    open_page(page, mini_site, "mit-forloeb.html")
    copies = page.locator(".opspor-backups")
    assert copies.is_hidden(), "nothing to offer while there is no copy"
    plant(page, mini_site, {key: '{"v":1,"c":"' + key + '","m":{"grund'})

    open_page(page, mini_site, "mit-forloeb.html")
    notice(page).get_by_role("button", name="OK").click()
    assert "kopi af et tidligere forløb" in copies.inner_text()
    with page.expect_download() as info:
        copies.get_by_role("button", name="Gem kopien som fil").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    data = json.loads(saved.read_text("utf-8"))
    assert data["format"] == "opspor-backup" and data["copies"] == ['{"v":1,"c":"' + key + '","m":{"grund']
    page.get_by_text("Kopien er gemt som en fil").wait_for()

    page.get_by_role("button", name="Slet mine data").click()
    page.get_by_role("button", name="Ja, slet alt").click()
    page.get_by_text("Alle dine data er slettet.").wait_for()
    assert copies.is_hidden()
    assert [k for k in local_items(page) if k.startswith(key)] == []
    context.close()


def test_a_page_script_cannot_save_a_record_the_next_page_could_not_read(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    key = key_of(mini_site)
    answer_module(page, mini_site, MODULE)
    before = stored(page, key)
    errors = page.evaluate("""() => [
        r => { r.m.grundmodul = [NaN, 2]; },       // what a merge with a "constructor" id once made
        r => { r.k.laerer = "i går"; },
        r => { r.spor = "laerer"; },               // a field opspor-record.js does not declare
      ].map(fn => { try { OpsporStore.change(fn); return ""; } catch (e) { return e.message; } })""")
    assert "field m" in errors[0] and "field k" in errors[1] and "add it to FIELDS" in errors[2], errors
    assert stored(page, key) == before, "nothing of it was saved"
    assert page.evaluate("OpsporStore.get().m.grundmodul") == [100, 2], "and the page's record is undone"
