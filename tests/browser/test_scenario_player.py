"""The scenario player as a learner meets it: focus after each choice, endings kept back until
reached, shuffled options, passing only at a good or acceptable ending, path-dependent endings,
a debrief that reads on a phone, and a text version that numbers its options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.learner import manifest, open_page, scenario_data, stored
from tests.conftest import NetworkLog, offline_context

SCENARIO = "maja-paa-skadestuen"  # 8 steps, 3 options at most steps, endings of every rating
PAGE = f"scenarier/{SCENARIO}.html"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# ankomst.1, alene.3: a good first choice, then a promise that cannot be kept -> "loefte-brudt"
BAD_AFTER_A_GOOD_START = [0, 2]
ALL_BEST = [0, 0, 0, 0, 0, 0]  # ankomst, alene, fortaeller, sikkerhed, boernene, dokumentation -> god
VIA_JONAS = [1, 0, 0, 0, 0, 0, 0]  # asks in front of Jonas first, then the best way -> god


def new_learner(browser: Any, site: Path, viewport: dict[str, int] = DESKTOP, r: str | None = None) -> tuple[Any, Any]:
    """A fresh browser profile; with ``r``, its record starts with that learner id (the shuffle seed)."""
    context = offline_context(browser, NetworkLog(), viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    if r is not None:
        open_page(page, site, "index.html")
        key = manifest(site)["storage_key"]
        record = {"v": 1, "c": key, "m": {}, "s": {}, "k": {}, "n": 1, "b": 0, "u": 0, "r": r}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(record)])
    return context, page


def shown_order(page: Any) -> list[int]:
    """The authored indexes of the options of the open step, in the order they are shown."""
    page.locator("#opspor-player .opspor-player-form").wait_for()
    return [int(v) for v in page.locator("#opspor-player .opspor-player-form input[type=radio]").evaluate_all(
        "inputs => inputs.map(i => i.value)")]


def choose(page: Any, index: int) -> None:
    """Pick authored option ``index`` by its label, submit, and press the focused "Fortsæt" with Enter."""
    data = scenario_data(page)
    heading = page.locator("#opspor-player .opspor-step-heading").inner_text()
    number = int(heading.split()[1])
    step_id = list(data["steps"])[number - 1]
    text = data["steps"][step_id]["options"][index]["text"]
    page.locator("#opspor-player .opspor-option label", has_text=text[:60]).click()
    page.locator("#opspor-player button[type=submit]").click()
    page.wait_for_function("document.activeElement && document.activeElement.closest('.opspor-next')")
    page.keyboard.press("Enter")


def play(page: Any, choices: list[int]) -> None:
    for index in choices:
        choose(page, index)


def focused_heading(page: Any) -> dict[str, Any]:
    """Where the focused element is, and whether anything (the shell's sticky header, the bar) lies over it."""
    return page.evaluate("""() => {
        const a = document.activeElement, r = a.getBoundingClientRect();
        const on = (y) => { const t = document.elementFromPoint(r.left + Math.min(8, r.width / 2), y);
                            return !!t && (t === a || a.contains(t)); };
        return {heading: a.matches('.opspor-step-heading'), text: a.textContent, top: r.top, bottom: r.bottom,
                uncovered: on(r.top + 1) && on(r.bottom - 1), height: innerHeight};
    }""")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x768"])
def test_after_each_choice_the_new_steps_heading_is_focused_and_in_view(browser, viewport, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, viewport)
    open_page(page, default_site, PAGE)
    seen = []
    for index in VIA_JONAS:
        choose(page, index)
        where = focused_heading(page)
        seen.append(where["text"])
        assert where["heading"], f"focus is on {where['text']!r}, not the new heading"
        assert where["top"] >= 0 and where["uncovered"], f"{where['text']} is under the sticky header: {where}"
        assert where["bottom"] <= where["height"], f"{where['text']} is below the viewport: {where}"
    assert seen[0] == "Trin 2 af 8" and seen[-1].startswith("Slutning:")
    assert not page.errors
    context.close()


def ending_titles(page: Any) -> list[str]:
    return [e["title"] for e in scenario_data(page)["endings"].values()]


def test_no_ending_title_is_in_the_accessibility_tree_before_an_ending_is_reached(browser, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, PHONE)
    open_page(page, default_site, PAGE)
    titles = ending_titles(page)
    for moment in ("at the start", "mid-way"):
        tree = page.locator("body").aria_snapshot()
        leaked = [t for t in titles if t in tree]
        assert leaked == [], f"{moment}: {leaked} in the accessibility tree"
        menus = page.locator("nav").all_inner_texts()  # the navigation and the table of contents
        assert not any(t in " ".join(menus) for t in titles), "the table of contents lists endings"
        if moment == "at the start":
            play(page, [0, 0])
    # The label of the text version says what it reveals.
    toggle = page.get_by_role("button", name="Vis hele scenariet som tekst (viser også alle slutninger)")
    assert toggle.is_visible()
    play(page, [1])  # fortaeller.2 -> "Maja lukkede af"
    tree = page.locator("body").aria_snapshot()
    assert "Maja lukkede af" in tree, "the reached ending is shown"
    others = [t for t in titles if t not in ("Maja lukkede af",) and t not in best_path_titles(page)]
    assert [t for t in others if t in tree] == []
    toggle.click()
    assert all(t in page.locator("body").aria_snapshot() for t in titles), "the text version shows every ending"
    context.close()


def best_path_titles(page: Any) -> list[str]:
    """The ending the debrief's best path names (it is shown after any ending)."""
    return [page.locator(".opspor-best-path li").last.inner_text().split("→")[-1].split("(")[0].strip()]


def test_two_learners_see_different_orders_and_a_reload_keeps_the_order(browser, default_site: Path) -> None:
    # Fixed learner ids make the test deterministic; a different id must give a different shuffle.
    orders = {}
    for r in ("laerera1", "laererb2"):
        context, page = new_learner(browser, default_site, DESKTOP, r=r)
        open_page(page, default_site, PAGE)
        seq = []
        for index in ALL_BEST:
            seq.append(shown_order(page))
            choose(page, index)
        orders[r] = seq
        context.close()
    assert orders["laerera1"] != orders["laererb2"], "two learners saw the same order at every step"
    assert any(o != sorted(o) for o in orders["laerera1"]), "the options are shown in authored order"

    # A learner with a new, random id: the order survives a reload, mid-way through an attempt.
    context, page = new_learner(browser, default_site, DESKTOP)
    open_page(page, default_site, PAGE)
    first = shown_order(page)
    record = stored(page, manifest(default_site)["storage_key"])
    assert record and record.get("r"), "the learner id is saved before the first step is drawn"
    page.reload()
    page.wait_for_function("!!window.OpsporStore")
    assert shown_order(page) == first, "a reload changed the order of step 1"
    choose(page, 0)
    second = shown_order(page)
    page.reload()
    page.wait_for_function("!!window.OpsporStore")
    assert page.locator("#opspor-player .opspor-step-heading").inner_text() == "Trin 3 af 8"
    assert shown_order(page) == second, "a reload changed the order of step 3"
    context.close()


def test_a_new_attempt_draws_a_new_order_and_print_keeps_the_authored_order(browser, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, DESKTOP, r="laerera1")
    open_page(page, default_site, PAGE)
    attempts = []
    for _ in range(4):
        attempts.append(shown_order(page))
        choose(page, 2)  # ankomst.3 -> an ending at once
        page.get_by_role("button", name="Start forfra").click()
    assert len({tuple(o) for o in attempts}) > 1, f"four attempts, one order: {attempts}"

    page.emulate_media(media="print")
    data = scenario_data(page)
    authored = [o["text"] for o in data["steps"][data["start"]]["options"]]
    printed = page.locator(".opspor-scenario-text ol.opspor-text-options").first.locator(":scope > li > p:first-child")
    assert page.locator(".opspor-scenario-text").is_visible()
    assert [" ".join(t.split()) for t in printed.all_inner_texts()] == [" ".join(t.split()) for t in authored]
    context.close()


def status_cell(page: Any, site: Path, track_url: str) -> str:
    open_page(page, site, track_url)
    return page.locator(f'.opspor-status[data-item="{SCENARIO}"]').inner_text()


def test_an_unhelpful_ending_does_not_pass_and_a_retry_from_the_wrong_turn_to_a_good_one_does(
    browser, default_site: Path
) -> None:
    site = default_site
    context, page = new_learner(browser, site, PHONE)
    course = manifest(site)
    track = next(t for t in course["tracks"] if any(i["id"] == SCENARIO for i in t["items"]))
    open_page(page, site, PAGE)
    play(page, BAD_AFTER_A_GOOD_START)
    player = page.locator("#opspor-player")
    assert "Slutning: Et løfte, du ikke kunne holde" in player.inner_text()
    assert "Scenariet er ikke bestået" in player.inner_text()
    # the debrief is there, as a list, before the ways to try again matter
    assert player.locator(".opspor-debrief > li").count() == 2
    retry = page.get_by_role("button", name="Prøv igen fra trin 3, hvor det gik galt")
    assert retry.is_visible() and page.get_by_role("button", name="Start forfra").is_visible()
    assert status_cell(page, site, track["url"]) == "Ikke bestået (uhensigtsmæssig slutning)"

    open_page(page, site, PAGE)
    page.get_by_role("button", name="Prøv igen fra trin 3, hvor det gik galt").click()
    where = focused_heading(page)
    assert where["heading"] and where["text"] == "Trin 3 af 8", where
    assert "Trin 1:" in player.locator(".opspor-player-path").inner_text(), "the choice before the wrong turn stays"
    play(page, ALL_BEST[1:])
    assert "Slutning: Maja fik hjælp – og børnene blev set" in player.inner_text()
    assert "Scenariet er bestået." in player.inner_text()
    assert status_cell(page, site, track["url"]) == "Bestået (God praksis)"
    entry = stored(page, course["storage_key"])["s"][SCENARIO]
    assert entry[1] == "maja-fik-hjaelp" and entry[2] == 1, entry

    # A worse replay never takes the pass away: the best ending is kept.
    open_page(page, site, PAGE)
    page.get_by_role("button", name="Start forfra").click()
    play(page, [2])
    assert "Du har tidligere nået »Maja fik hjælp – og børnene blev set« (God praksis)" in player.inner_text()
    assert status_cell(page, site, track["url"]) == "Bestået (God praksis)"
    assert not page.errors
    context.close()


def test_ending_text_follows_the_path(browser, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, DESKTOP)
    open_page(page, default_site, PAGE)
    play(page, VIA_JONAS)
    ending = page.locator("#opspor-player").inner_text()
    assert "Du spurgte først, mens Jonas stod ved siden af." in ending
    assert "Jonas hørte aldrig spørgsmålet" not in ending
    assert "Hun blev spurgt alene" not in ending
    page.get_by_role("button", name="Start forfra").click()
    play(page, ALL_BEST)
    ending = page.locator("#opspor-player").inner_text()
    assert "Jonas hørte aldrig spørgsmålet" in ending
    assert "Du spurgte først, mens Jonas stod ved siden af." not in ending
    context.close()


def test_the_debrief_is_a_list_without_horizontal_overflow_on_a_phone(browser, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, PHONE)
    open_page(page, default_site, PAGE)
    play(page, VIA_JONAS)
    assert page.locator("#opspor-player table").count() == 0
    items = page.locator("#opspor-player .opspor-debrief > li")
    assert items.count() == len(VIA_JONAS)
    widths = page.evaluate("""() => ({page: document.scrollingElement.scrollWidth, view: innerWidth,
        right: Math.max(...[...document.querySelectorAll('.opspor-debrief > li')]
                 .map(li => li.getBoundingClientRect().right))})""")
    assert widths["page"] <= widths["view"], f"the page scrolls sideways: {widths}"
    assert widths["right"] <= widths["view"], f"a debrief item is cut off: {widths}"
    first = items.first.inner_text()
    assert first.startswith("Trin 1:") and "Vurdering: Uhensigtsmæssig" in first and "tidspunktet er forkert" in first
    context.close()


def test_the_text_version_numbers_options_1_2_3_and_does_not_indent_later_steps(browser, default_site: Path) -> None:
    context, page = new_learner(browser, default_site, DESKTOP)
    open_page(page, default_site, PAGE)
    page.get_by_role("button", name="Vis hele scenariet som tekst (viser også alle slutninger)").click()
    data = scenario_data(page)
    lists = page.locator(".opspor-scenario-text ol.opspor-text-options")
    assert lists.count() == len(data["steps"])
    markers = lists.evaluate_all("""ols => ols.map(ol => [getComputedStyle(ol).listStyleType, ol.start,
        ol.querySelectorAll(':scope > li').length, !!ol.closest('li')])""")
    for (style, start, count, nested), step in zip(markers, data["steps"].values(), strict=True):
        assert (style, start, nested) == ("decimal", 1, False)
        assert count == len(step["options"])
    lefts = page.locator(".opspor-scenario-text h3[id^='trin-']").evaluate_all(
        "hs => hs.map(h => [h.textContent, h.getBoundingClientRect().left, !!h.closest('li')])")
    assert {left for _, left, _ in lefts} == {lefts[0][1]}, f"step headings are indented: {lefts}"
    assert not any(in_list for _, _, in_list in lefts)
    # every path-dependent note is in the text version, with its condition in the text's own numbers
    notes = page.locator(".opspor-scenario-text .opspor-ending-note").all_inner_texts()
    via_jonas = [n for n in notes if n.startswith("Hvis du valgte trin 1, valg 2:")]
    assert any("Du spurgte først, mens Jonas" in n for n in via_jonas), notes
    assert len(notes) == sum(len(e["notes"]) for e in data["endings"].values())
    context.close()
