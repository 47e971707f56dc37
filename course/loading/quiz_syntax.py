"""Opspor's own parser of the ``<quiz>`` syntax (FORMAT.md), shared by ``check`` and the renderer.

The syntax is the one authors already write (from the quiz plugin we retired): the question is the text
before the first ``- [x]`` / ``- [ ]`` line, each answer may be followed by ``> ...`` feedback lines,
and anything after the answers is the explanation. Parsing it ourselves means the quiz
model is ours, not a private function of a plugin, and that what ``check`` validates is exactly
what :mod:`course.quiz` renders: both call :func:`parse_quiz_content` and :func:`quiz_blocks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from course.model import Answer

QUIZ_OPEN = "<quiz>"
QUIZ_CLOSE = "</quiz>"
ANSWER_LINE = re.compile(r"^[-*]\s*\[([xX ]?)\]\s*(.*)$")
FEEDBACK_LINE = re.compile(r"^\s*>\s?(.*)$")
FILL_IN = re.compile(r"\[\[[^\]]+\]\]")
MAX_ANSWERS = 6  # the learner record packs each chosen set into one base-64 digit

# Only block structure matters for finding code, so the (costly) inline pass is off.
_CODE_FINDER = MarkdownIt("commonmark", {"html": False}).disable("inline")


@dataclass(frozen=True)
class ParsedQuiz:
    question: str
    answers: tuple[Answer, ...]
    explanation: str | None


@dataclass(frozen=True)
class QuizSpan:
    """One block: 0-based line indexes of its ``<quiz>`` and ``</quiz>`` lines, and its content."""

    open_index: int
    close_index: int
    content: str


def code_lines(lines: list[str]) -> set[int]:
    """0-based lines inside fenced (``` or ~~~) and indented code: a ``<quiz>`` there is text."""
    code: set[int] = set()
    for token in _CODE_FINDER.parse("\n".join(lines)):
        if token.type in ("fence", "code_block") and token.map:
            code.update(range(*token.map))
    return code


def margin_code_lines(lines: list[str]) -> set[int]:
    """:func:`code_lines`, for a caller that only asks about lines indented at most three spaces.

    Such a line can only be code inside a fence (indented code needs four columns, and a tab
    counts as four), so without a fence marker or a tab the answer is "none" with no parse.
    """
    if not any("```" in line or "~~~" in line or "\t" in line for line in lines):
        return set()
    return code_lines(lines)


def quiz_blocks(lines: list[str]) -> tuple[list[QuizSpan], list[tuple[int, str]]]:
    """Every closed quiz block, and ``(0-based line, message)`` for tags that do not pair up.

    A tag counts only on a line of its own (indented at most three spaces) outside code.
    """
    if not any(QUIZ_OPEN in line or QUIZ_CLOSE in line for line in lines):
        return [], []  # most of a course's pages: no need to find their code
    code = margin_code_lines(lines)  # a tag counts only indented at most three spaces
    spans: list[QuizSpan] = []
    problems: list[tuple[int, str]] = []
    open_at: int | None = None
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        if index in code or len(raw) - len(raw.lstrip(" ")) > 3 or stripped not in (QUIZ_OPEN, QUIZ_CLOSE):
            continue
        if stripped == QUIZ_OPEN:
            if open_at is not None:
                problems.append((open_at, "quiz is not closed: add '</quiz>'"))
            open_at = index
        elif open_at is None:
            problems.append((index, "'</quiz>' without an opening '<quiz>'"))
        else:
            spans.append(QuizSpan(open_at, index, "\n".join(lines[open_at + 1 : index])))
            open_at = None
    if open_at is not None:
        problems.append((open_at, "quiz is not closed: add '</quiz>'"))
    return spans, problems


def _trimmed(content: str) -> list[str]:
    lines = content.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def parse_quiz_content(content: str) -> ParsedQuiz | None:
    """The quiz between the tags, or None when it has no question text or no answer lines."""
    lines = _trimmed(content)
    first = next((i for i, line in enumerate(lines) if ANSWER_LINE.match(line.strip())), None)
    if first is None:
        return None
    question = "\n".join(lines[:first]).strip()
    if not question:
        return None
    answers: list[Answer] = []
    rest = len(lines)
    index = first
    while index < len(lines):
        match = ANSWER_LINE.match(lines[index].strip())
        if match:
            index += 1
            feedback: list[str] = []
            while index < len(lines) and (fb := FEEDBACK_LINE.match(lines[index])):
                feedback.append(fb.group(1))
                index += 1
            answers.append(Answer(match.group(2).strip(), match.group(1).lower() == "x",
                                        "\n".join(feedback).rstrip() or None))
            rest = index
        elif lines[index].strip():
            rest = index
            break
        else:
            index += 1
            rest = index
    explanation = "\n".join(lines[rest:]).strip() or None
    return ParsedQuiz(question, tuple(answers), explanation)


def quiz_problems(parsed: ParsedQuiz | None, content: str) -> list[str]:
    """What ``check`` refuses in one quiz (the renderer would show it wrongly or not at all)."""
    if FILL_IN.search(content):
        return ["fill-in answers ('[[...]]') are not supported; write '- [x]' / '- [ ]' answers"]
    if parsed is None:
        return ["quiz has no question or no answers ('- [x] ...' lines)"]
    problems = []
    if not any(a.correct for a in parsed.answers):
        problems.append("quiz question has no correct answer (mark one with '- [x]')")
    if len(parsed.answers) < 2:
        problems.append("quiz question needs at least two answers")
    if len(parsed.answers) > MAX_ANSWERS:
        problems.append(f"quiz question has {len(parsed.answers)} answers; at most {MAX_ANSWERS} are allowed")
    return problems
