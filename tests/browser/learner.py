"""What a learner does in the browser, as reusable steps for the learner-experience tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
NEUTRAL_SITE = "https://www.dr.dk/"
LEGACY_QUIZ_PREFIX = "quiz_progress_"  # what the retired quiz plugin wrote per page URL


def open_page(page: Any, site: Path, path: str) -> None:
    path, _, fragment = path.partition("#")
    page.goto((site / path).as_uri() + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("document.readyState === 'complete' && !!window.OpsporStore")


def manifest(site: Path) -> dict[str, Any]:
    return json.loads((site / "assets" / "opspor" / "course-manifest.json").read_text("utf-8"))


def stored(page: Any, key: str) -> dict[str, Any] | None:
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(raw) if raw else None


def our_keys(page: Any, site: Path) -> list[str]:
    """Every localStorage and sessionStorage key the course (or the old quiz plugin) wrote."""
    key = manifest(site)["storage_key"]
    return page.evaluate(
        """([key, prefix]) => [localStorage, sessionStorage].flatMap((s, n) => Object.keys(s)
              .filter(k => k.startsWith(key) || k.startsWith(prefix)).map(k => (n ? 'session:' : 'local:') + k))""",
        [key, LEGACY_QUIZ_PREFIX],
    )


def answer_quiz(page: Any, number: int, correct: bool) -> None:
    """Answer question ``number`` (0-based) of a module page right or wrong and submit it.

    An answered question is first reset with its own "try again" button, as a learner would.
    """
    quiz = page.locator(f"#quiz-{number + 1}")
    # The runtime shuffles the answers when it starts; ticking before that would be undone.
    page.locator(f"#quiz-{number + 1}.opspor-quiz--active").wait_for()
    retry = quiz.locator(".opspor-quiz-retry")
    if retry.is_visible():
        retry.click()
    inputs = quiz.locator("input")
    wrong_done = False
    for i in range(inputs.count()):
        box = inputs.nth(i)
        is_right = box.get_attribute("data-correct") == "true"
        wanted = is_right if correct else (not is_right and not wrong_done)
        if wanted:
            wrong_done = wrong_done or not is_right
            quiz.locator(f"label[for='{box.get_attribute('id')}']").click()
    quiz.locator("button[type=submit]").click()
    quiz.locator(".opspor-quiz-retry").wait_for(state="visible")


def answer_module(page: Any, site: Path, module_id: str, wrong: int = 0) -> None:
    """Open a module and answer all its questions, the first ``wrong`` of them wrongly."""
    open_page(page, site, manifest(site)["modules"][module_id]["url"])
    for number in range(page.locator(".opspor-quiz").count()):
        answer_quiz(page, number, correct=number >= wrong)


def tab_to(page: Any, selector: str, limit: int = 250) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def shown_position(page: Any, option: int) -> int:
    """Where authored option ``option`` is shown in the player now (the options are shuffled)."""
    return page.evaluate(
        """o => [...document.querySelectorAll('#opspor-player .opspor-player-form:not(.opspor-player-form--answered)'
              + ' input[type=radio]')].findIndex(i => i.value === String(o))""", option)


def choose_by_keyboard(page: Any, option: int) -> None:
    """In the scenario player: pick authored option ``option`` with the arrow keys and submit it."""
    tab_to(page, "#opspor-player input[type=radio]")
    page.keyboard.press("Space")  # checks the focused (first shown) option
    position = shown_position(page, option)
    assert position >= 0, f"option {option} is not shown"
    for _ in range(position):
        page.keyboard.press("ArrowDown")
    tab_to(page, "#opspor-player button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.closest('.opspor-next')")
    page.keyboard.press("Enter")  # "Fortsæt" / "Se, hvordan det ender"


def scenario_data(page: Any) -> dict[str, Any]:
    return json.loads(page.locator("#opspor-scenario-data").text_content())


def walk_to_ending_by_keyboard(page: Any, choose: str = "best") -> list[int]:
    """Walk the open scenario to an ending with the keyboard; returns the option numbers chosen.

    ``choose`` is "best" (the compiler's best path) or "last" (always the last authored option).
    """
    data = scenario_data(page)
    best = {b["step"]: b["option"] for b in data["best_path"]}
    step = data["start"]
    chosen = []
    while True:
        options = data["steps"][step]["options"]
        index = best.get(step, 0) if choose == "best" else len(options) - 1
        chosen.append(index)
        choose_by_keyboard(page, index)
        option = options[index]
        if option["ending"]:
            page.locator("#opspor-player .opspor-debrief").wait_for()
            return chosen
        step = option["next"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now.

    With reduced motion, the shell's fades finish at once, so axe sees what a reader sees
    rather than a half-faded frame of an animation.
    """
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_timeout(50)
    if not page.evaluate("!!window.axe"):
        # through DevTools, not as a <script> element: the pages' CSP rightly refuses inline script
        page.evaluate(AXE.read_text("utf-8") + "\n;undefined")
    return page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
              .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')
                 + ' :: ' + n.failureSummary)}))"""
    )


def allow_neutral_site(context: Any) -> None:
    """Answer the quick exit's neutral site with a local stand-in page (no network)."""
    context.route(NEUTRAL_SITE + "**", lambda route, request: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Neutral</title><p>Nyheder</p>"))


def complete_mini_laerer(page: Any, site: Path) -> None:
    """Complete the mini course's laerer track (its module answered right, its scenario to an ending)."""
    answer_module(page, site, "grundmodul")
    open_page(page, site, "scenarier/test-scenarie.html")
    walk_to_ending_by_keyboard(page)
