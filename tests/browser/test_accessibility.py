"""axe-core (WCAG 2.0/2.1 A and AA) finds no violations on any page type, in every state."""

from __future__ import annotations

from pathlib import Path

from tests.browser.learner import (
    answer_module,
    answer_quiz,
    axe_violations,
    choose_by_keyboard,
    manifest,
    open_page,
    walk_to_ending_by_keyboard,
)


def check(page, label: str, found: dict[str, list]) -> None:
    violations = axe_violations(page)
    if violations:
        found[label] = violations


def test_axe_reports_no_violations_on_any_page_type_or_state(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    found: dict[str, list] = {}

    # A module page first: it also carries the first-visit content note.
    open_page(page, mini_site, "moduler/grundmodul.html")
    assert page.locator(".opspor-first-visit-note").is_visible()
    check(page, "module page with quiz, before answering (and the content note)", found)
    answer_quiz(page, 0, correct=True)
    answer_quiz(page, 1, correct=False)
    check(page, "module page with quiz, after answering", found)

    open_page(page, mini_site, "index.html")
    check(page, "front page", found)
    open_page(page, mini_site, "spor/sygeplejerske.html")
    check(page, "track page", found)

    open_page(page, mini_site, "scenarier/test-scenarie.html")
    check(page, "scenario page at the start", found)
    choose_by_keyboard(page, 0)
    check(page, "scenario page mid-way", found)
    page.locator("#opspor-player input[type=radio]").first.check()
    page.locator("#opspor-player button[type=submit]").click()
    check(page, "scenario page mid-way, feedback shown", found)
    page.locator(".opspor-next button").click()
    page.locator("#opspor-player .opspor-debrief").wait_for()
    check(page, "scenario page at an ending", found)

    answer_module(page, mini_site, "grundmodul")
    answer_module(page, mini_site, "rollemodul")
    open_page(page, mini_site, "mit-forloeb.html")
    check(page, "Mit forløb", found)
    open_page(page, mini_site, "bevis.html#laerer")
    page.locator("#opspor-cert-name").fill("Test Testesen")
    assert page.locator(".opspor-certificate-sheet").is_visible()
    check(page, "certificate page", found)
    open_page(page, mini_site, "hjaelp.html")
    check(page, "help page", found)

    assert found == {}, "\n".join(f"{label}: {v}" for label, v in found.items())


def test_scenario_player_restart_by_keyboard_returns_to_the_first_step(mini_site: Path, offline_page) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "scenarier/test-scenarie.html")
    walk_to_ending_by_keyboard(page)
    restart = page.get_by_role("button", name="Start forfra")
    restart.focus()
    page.keyboard.press("Enter")
    heading = page.locator("#opspor-player h3.opspor-step-heading")
    assert heading.inner_text() == "Trin 1 af 2"
    assert page.evaluate("document.activeElement.classList.contains('opspor-step-heading')")
    assert page.locator("#opspor-player input[type=radio]").count() == 2


def test_axe_reports_no_violations_on_the_default_course(default_site: Path, offline_page) -> None:
    """Authored content lands in these pages too; one page of each kind, quiz answered, scenario ended."""
    page, _ = offline_page
    course = manifest(default_site)
    track = course["tracks"][0]
    module_id = next(i["id"] for i in track["items"] if i["kind"] == "module")
    scenario_id = next(i["id"] for i in track["items"] if i["kind"] == "scenario")
    found: dict[str, list] = {}
    for path in ("index.html", track["url"], "mit-forloeb.html", "bevis.html", "hjaelp.html", "ordliste.html"):
        open_page(page, default_site, path)
        check(page, path, found)
    open_page(page, default_site, course["modules"][module_id]["url"])
    for number in range(page.locator(".opspor-quiz").count()):
        answer_quiz(page, number, correct=number % 2 == 0)
    check(page, "module, answered", found)
    open_page(page, default_site, course["scenarios"][scenario_id]["url"])
    check(page, "scenario, start", found)
    walk_to_ending_by_keyboard(page, choose="last")
    check(page, "scenario, ending", found)
    assert found == {}, "\n".join(f"{label}: {v}" for label, v in found.items())
