"""Scanning authored Markdown: quiz blocks, links, anchors and everything the markup policy refuses.

Quiz blocks are found from markdown-it-py's tokens (which know fenced, ``~~~`` and indented code
and inline code spans, with line numbers); links, images, attributes and raw HTML are judged on the
renderer's own element tree (:mod:`course.markup_policy`). No regular expression guesses at
Markdown syntax here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from mkdocs_quiz.qti.extractor import _parse_quiz_content

from course.markup_policy import Audit, audit
from course.model import Answer, Link, Question

LINK_SCHEMES = ("modul", "scenarie", "ordliste", "side")
QUIZ_OPEN = "<quiz>"
QUIZ_CLOSE = "</quiz>"

_CODE_FINDER = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class QuizBlock:
    """One ``<quiz>`` ... ``</quiz>`` block: its opening line and the text between the tags."""

    line: int
    content: str


@dataclass(frozen=True)
class BodyScan:
    """What ``check`` needs from one Markdown body."""

    quizzes: list[QuizBlock]
    problems: list[tuple[int, str]]
    links: tuple[Link, ...]
    anchors: tuple[str, ...]


def _code_lines(lines: list[str]) -> set[int]:
    """0-based lines inside fenced (``` or ~~~) and indented code blocks."""
    code: set[int] = set()
    for token in _CODE_FINDER.parse("\n".join(lines)):
        if token.type in ("fence", "code_block") and token.map:
            code.update(range(*token.map))
    return code


def find_quiz_blocks(body: str, first_line: int) -> tuple[list[QuizBlock], list[tuple[int, str]], str]:
    """Quiz blocks of ``body``, problems with them, and the body with the tag lines blanked.

    A tag counts only on a line of its own outside code; a ``<quiz>`` in code is just text. The
    returned body keeps every line where it was, so later problems keep their line numbers.
    """
    lines = body.split("\n")
    code = _code_lines(lines)
    blocks: list[QuizBlock] = []
    problems: list[tuple[int, str]] = []
    open_at: int | None = None
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        if index in code or len(raw) - len(raw.lstrip(" ")) > 3 or stripped not in (QUIZ_OPEN, QUIZ_CLOSE):
            continue
        lines[index] = ""
        if stripped == QUIZ_OPEN:
            if open_at is not None:
                problems.append((first_line + open_at, "quiz is not closed: add '</quiz>'"))
            open_at = index
        elif open_at is None:
            problems.append((first_line + index, "'</quiz>' without an opening '<quiz>'"))
        else:
            blocks.append(QuizBlock(first_line + open_at, "\n".join(lines[open_at + 1 : index])))
            open_at = None
    if open_at is not None:
        problems.append((first_line + open_at, "quiz is not closed: add '</quiz>'"))
    blanked = "\n".join(lines)
    for token in _CODE_FINDER.parse(blanked):
        if token.type == "inline" and token.map:
            for child_line, text in _text_lines(token):
                if QUIZ_OPEN in text or QUIZ_CLOSE in text:
                    problems.append((first_line + child_line,
                                     "write '<quiz>' and '</quiz>' each on a line of its own"))
    return blocks, problems, blanked


def _text_lines(token) -> list[tuple[int, str]]:
    """(0-based line, text) of an inline token's plain text, leaving out code spans."""
    line = token.map[0]
    found = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "text":
            found.append((line, child.content))
    return found


def parse_quiz(block: QuizBlock) -> tuple[Question | None, list[tuple[int, str]]]:
    parsed = _parse_quiz_content(block.content)
    if parsed is None:
        return None, [(block.line, "quiz has no question or no answers ('- [x] ...' lines)")]
    question = Question(
        text=parsed.question,
        answers=tuple(Answer(a.text, a.is_correct, a.feedback) for a in parsed.answers),
        explanation=parsed.content,
        line=block.line,
        blanks=tuple(b.correct_answer for b in parsed.blanks),
    )
    problems = []
    if not question.blanks and not any(a.correct for a in question.answers):
        problems.append((block.line, "quiz question has no correct answer (mark one with '- [x]')"))
    if not question.blanks and len(question.answers) < 2:
        problems.append((block.line, "quiz question needs at least two answers"))
    return question, problems


def _links(result: Audit) -> tuple[Link, ...]:
    return tuple(Link(k.scheme, k.target, k.line, k.anchor) for k in result.links)


def scan_body(body: str, first_line: int) -> BodyScan:
    """A module or page body: quizzes, raw HTML, links, attributes, and its heading anchors."""
    blocks, problems, blanked = find_quiz_blocks(body, first_line)
    result = audit(blanked, first_line)
    problems += [(f.line, f.message) for f in result.findings]
    return BodyScan(blocks, problems, _links(result), tuple(result.anchors))


def scan_text(text: str, first_line: int, *, escaped: bool = True) -> tuple[list[tuple[int, str]], tuple[Link, ...]]:
    """A Markdown field from YAML or front matter (a title, a step text, a definition...).

    ``escaped``: the templates turn ``<`` into ``&lt;`` before rendering, so raw HTML is shown as
    text there; links and attribute lists still work, so they are checked.
    """
    result = audit(text, first_line, allow_raw_html=escaped)
    return [(f.line, f.message) for f in result.findings], _links(result)


def scan_quizzes(body: str, first_line: int) -> tuple[list[Question], list[tuple[int, str]]]:
    """Return the questions and ``(line, message)`` problems of every ``<quiz>`` block."""
    blocks, problems, _ = find_quiz_blocks(body, first_line)
    questions = []
    for block in blocks:
        question, found = parse_quiz(block)
        problems += found
        if question is not None:
            questions.append(question)
    return questions, problems
