"""The quiz component as learners meet it: shuffled per learner and attempt, accessible, keyboard only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from course.model import Course
from tests.browser.learner import answer_quiz, axe_violations, manifest, open_page, stored, tab_to
from tests.conftest import offline_context

MODULE = "hvad-er-vold"  # a default-course module with 8 questions of 3-5 answers
WIDTHS = [(390, 844), (1366, 768)]


def answer_orders(page) -> list[list[int]]:
    """The authored index of each answer, in the order the page shows them, per question."""
    return page.evaluate("""() => [...document.querySelectorAll('.opspor-quiz')].map(q =>
        [...q.querySelectorAll('.opspor-quiz-answer')].map(a => Number(a.dataset.answer)))""")


def learner(browser, log, **kwargs):
    context = offline_context(browser, log, **kwargs)
    return context, context.new_page()


def test_answer_order_differs_between_learners_and_attempts_and_stays_on_reload(
    browser, default_site: Path, default_course: Course, tmp_path: Path
) -> None:
    from tests.conftest import NetworkLog

    log = NetworkLog()
    path = manifest(default_site)["modules"][MODULE]["url"]
    questions = default_course.modules[MODULE].questions
    authored = [list(range(len(q.answers))) for q in questions]

    context_a, a = learner(browser, log)
    open_page(a, default_site, path)
    first = answer_orders(a)
    assert sorted(map(sorted, first)) == sorted(authored), "every answer is there once"
    assert first != authored, "the site does not show the authored order"
    a.reload()
    a.wait_for_function("!!window.OpsporStore")
    assert answer_orders(a) == first, "the same learner sees the same order after a reload"

    context_b, b = learner(browser, log)
    open_page(b, default_site, path)
    assert answer_orders(b) != first, "another learner sees another order"

    for number in range(len(questions)):
        answer_quiz(a, number, correct=number != 0)
    a.get_by_role("button", name="Prøv hele quizzen igen").click()
    second_attempt = answer_orders(a)
    assert second_attempt != first, "a new attempt shuffles again"
    record = stored(a, manifest(default_site)["storage_key"])
    assert record["m"][MODULE][0] == 88, "the best score (7 of 8) is kept after starting again"
    assert set(record["q"][MODULE][0]) == {"."} and set(record["q"][MODULE][1]) == {"1"}
    context_a.close()
    context_b.close()
    assert log.blocked == []

    # The printed handout keeps the authored order (and its key).
    from course.pdf.handouts import HandoutPrinter
    from course.pdf.packs import STYLESHEETS
    from course.pdf.renderer import PrintRenderer

    renderer = PrintRenderer("da")
    target = tmp_path / "handout.pdf"
    renderer.write(HandoutPrinter(renderer, default_course).html(default_course.modules[MODULE]), STYLESHEETS, target)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(target)).pages))
    for question in questions:
        start = text.find(" ".join(question.text.split())[:40])
        positions = [text.find(" ".join(answer.text.split())[:40], start) for answer in question.answers]
        assert start >= 0 and -1 not in positions and positions == sorted(positions), question.text


def quiz_states(page, site: Path) -> Iterator[str]:
    """Walk the mini module's quiz through its states; yield a label at each (for axe)."""
    open_page(page, site, "moduler/grundmodul.html")
    page.get_by_role("button", name="Forstået").click()
    yield "unanswered"
    answer_quiz(page, 0, correct=False)
    yield "wrong"
    answer_quiz(page, 0, correct=True)
    yield "right"
    answer_quiz(page, 1, correct=False)
    yield "summary, not passed"
    answer_quiz(page, 1, correct=True)
    yield "summary, passed"


@pytest.mark.parametrize("size", WIDTHS, ids=["390x844", "1366x768"])
def test_axe_finds_nothing_in_any_quiz_state_and_targets_are_big_enough(browser, mini_site: Path, size) -> None:
    from tests.conftest import NetworkLog

    context, page = learner(browser, NetworkLog(), viewport={"width": size[0], "height": size[1]})
    found = {}
    for state in quiz_states(page, mini_site):
        violations = axe_violations(page)
        if violations:
            found[state] = violations
        small = page.evaluate("""() => [...document.querySelectorAll(
              '.opspor-quiz input, .opspor-quiz button, .opspor-quiz-summary a, .opspor-quiz-summary button')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24).map(([n]) => n)""")
        assert small == [], f"{state}: targets under 24 x 24 px: {small}"
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0], f"{state}: sideways scroll"
    context.close()
    assert found == {}, found


def test_summary_says_score_pass_mark_verdict_and_links_to_questions_to_retry(offline_page, mini_site: Path) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "moduler/grundmodul.html")
    summary = page.locator(".opspor-quiz-summary")
    assert "0 af 2" in summary.inner_text()
    answer_quiz(page, 0, correct=True)
    answer_quiz(page, 1, correct=False)
    text = summary.inner_text()
    assert "1 af 2 rigtige: 50 %" in text and "Beståelseskrav: 80 %" in text and "Ikke bestået endnu" in text
    links = summary.get_by_role("link")
    assert links.count() == 1 and links.first.get_attribute("href") == "#quiz-2"
    # Retry just that question from the summary's link.
    links.first.click()
    page.locator("#quiz-2 .opspor-quiz-retry").click()
    assert page.locator("#quiz-2 input:checked").count() == 0
    answer_quiz(page, 1, correct=True)
    text = summary.inner_text()
    assert "2 af 2 rigtige: 100 %" in text and "Bestået." in text and summary.get_by_role("link").count() == 0
    # Right and wrong are told in words, not colour alone.
    assert page.locator("#quiz-1 .opspor-quiz-mark:visible").all_inner_texts() == ["Dit valg: rigtigt"]


def test_a_quiz_by_keyboard_only(offline_page, mini_site: Path) -> None:
    page, _ = offline_page
    open_page(page, mini_site, "moduler/grundmodul.html")
    page.get_by_role("button", name="Forstået").click()
    tab_to(page, "#quiz-1 input")
    first_label = page.evaluate("document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
    page.keyboard.press("Space")
    tab_to(page, "#quiz-1 .opspor-quiz-submit")
    page.keyboard.press("Enter")
    result = page.locator("#quiz-1 .opspor-quiz-result")
    result.wait_for(state="visible")
    assert result.get_attribute("aria-live") == "polite"
    expected = "Rigtigt." if first_label == "Du selv" else "Forkert."
    assert result.inner_text().startswith(expected)
    assert page.evaluate("document.activeElement.classList.contains('opspor-quiz-retry')"), "focus stays in the quiz"
    page.keyboard.press("Enter")  # try again
    assert page.evaluate("document.activeElement.matches('#quiz-1 input')")
    assert page.locator("#quiz-1 input:checked").count() == 0
    # Multiple choice: Space ticks, Tab moves on.
    tab_to(page, "#quiz-2 input")
    ticked = 0
    for _ in range(3):
        if page.evaluate("document.activeElement.dataset.correct === 'true'"):
            page.keyboard.press("Space")
            ticked += 1
        page.keyboard.press("Tab")
    assert ticked == 2
    page.keyboard.press("Enter")  # focus is on the submit button after the three boxes
    page.locator("#quiz-2 .opspor-quiz-result", has_text="Rigtigt.").wait_for()


def test_without_javascript_the_questions_are_readable_and_nothing_is_revealed(browser, mini_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((mini_site / "moduler/grundmodul.html").as_uri())
    quiz = page.locator("#quiz-1")
    assert quiz.get_by_text("Hvem har underretningspligt?").is_visible()
    assert quiz.get_by_text("Kun din leder").is_visible()
    assert not quiz.get_by_text("Rigtigt, pligten er personlig.").is_visible()
    assert not quiz.get_by_role("button").first.is_visible(), "no button that cannot work"
    context.close()
