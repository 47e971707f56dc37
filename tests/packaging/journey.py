"""A learner's way through a track in the real course pages (quizzes and scenario player)."""

from __future__ import annotations

import json
from typing import Any

from course.model import RATING_ORDER as RANK
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


def walk_scenario(frame: Any, *, well: bool = True) -> None:
    """Play the scenario open in ``frame`` to an ending: the best-rated option at each step, or
    (``well=False``) the worst. The options are shown shuffled, so they are picked by rating."""
    player = frame.locator("#opspor-player")
    data = json.loads(frame.locator("#opspor-scenario-data").text_content())
    step_id = data["start"]
    for _ in range(50):
        if player.locator(".opspor-ending-text").count():
            return
        options = data["steps"][step_id]["options"]
        rank = sorted(range(len(options)), key=lambda i: (RANK[options[i]["rating"]], -i), reverse=well)
        index = rank[0]
        form = player.locator(".opspor-player-form:not(.opspor-player-form--answered)")
        form.locator(f"input[value='{index}']").check()
        form.locator("button[type=submit]").click()
        player.locator(".opspor-next button").click()
        step_id = options[index]["next"]
    raise AssertionError("the scenario did not reach an ending in 50 steps")


def complete_track(session: Any, course: Course, track_id: str, *, correctly: bool = True,
                   scenarios_well: bool = True) -> None:
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
            walk_scenario(frame, well=scenarios_well)
        # Back to the track page by its link in the site navigation.
        session.course_frame().evaluate(
            f"setTimeout(() => document.querySelector('a[href$=\"spor/{track_id}.html\"]').click(), 0)")
    frame.locator(f'.opspor-page[data-kind="track"][data-id="{track_id}"]').wait_for(state="attached")
