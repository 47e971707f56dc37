"""A learner's way through a track in the real course pages (quizzes and scenario player)."""

from __future__ import annotations

from typing import Any

from course.model import Course, Module


def answer_module(frame: Any, module: Module, *, correctly: bool) -> None:
    """Answer every quiz question of the module page open in ``frame``."""
    quizzes = frame.locator(".opspor-quiz")
    # The runtime shuffles the answers when it starts; ticking before that would be undone.
    frame.locator(".opspor-quiz.opspor-quiz--active").first.wait_for()
    assert quizzes.count() == len(module.questions)
    for index, question in enumerate(module.questions):
        quiz = quizzes.nth(index)
        if correctly:
            picks = [a.text for a in question.answers if a.correct]
        else:
            picks = [next(a.text for a in question.answers if not a.correct)]
        for text in picks:
            quiz.get_by_label(text, exact=True).check()
        quiz.get_by_role("button", name="Svar").click()
        quiz.locator(".opspor-quiz-retry").wait_for(state="visible")


def walk_scenario(frame: Any) -> None:
    """Play the scenario open in ``frame`` to an ending, taking the first option at each step."""
    player = frame.locator("#opspor-player")
    for _ in range(50):
        if player.locator(".opspor-ending-text").count():
            return
        form = player.locator(".opspor-player-form:not(.opspor-player-form--answered)")
        form.locator("input[type=radio]").first.check()
        form.locator("button[type=submit]").click()
        player.locator(".opspor-next button").click()
    raise AssertionError("the scenario did not reach an ending in 50 steps")


def complete_track(session: Any, course: Course, track_id: str, *, correctly: bool = True) -> None:
    """From the track page in the package, open each item by its link, do it, and go back to the track."""
    frame = session.course()
    track = course.tracks[track_id]
    for item_id in track.items:
        title = course.modules[item_id].meta.title if item_id in course.modules else course.scenarios[item_id].title
        frame.locator(f'.opspor-page[data-kind="track"][data-id="{track_id}"]').wait_for(state="attached")
        frame.locator("article a", has_text=title).first.click()
        frame.locator(f'.opspor-page[data-id="{item_id}"]').wait_for(state="attached")
        if item_id in course.modules:
            answer_module(frame, course.modules[item_id], correctly=correctly)
        else:
            walk_scenario(frame)
        # Back to the track page by its link in the site navigation.
        session.course_frame().evaluate(
            f"setTimeout(() => document.querySelector('a[href$=\"spor/{track_id}.html\"]').click(), 0)")
    frame.locator(f'.opspor-page[data-kind="track"][data-id="{track_id}"]').wait_for(state="attached")
