"""Scanning authored Markdown: quiz blocks, links, anchors and everything the markup policy refuses.

Quiz blocks are found from markdown-it-py's tokens (which know fenced, ``~~~`` and indented code
and inline code spans, with line numbers); links, images, attributes and raw HTML are judged on the
renderer's own element tree (:mod:`course.markup_policy`). No regular expression guesses at
Markdown syntax here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from course.loading.quiz_syntax import QUIZ_CLOSE, QUIZ_OPEN, parse_quiz_content, quiz_blocks, quiz_problems
from course.loading.slot_syntax import slot_spans
from course.markup_policy import Audit, audit
from course.model import Link, Question, SlotUse

LINK_SCHEMES = ("modul", "scenarie", "ordliste", "side")

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
    slots: tuple[SlotUse, ...] = ()
    phone_links: tuple[str, ...] = ()  # the number of every tel: link, as the parser read it


def find_quiz_blocks(body: str, first_line: int) -> tuple[list[QuizBlock], list[tuple[int, str]], str]:
    """Quiz blocks of ``body``, problems with them, and the body with the tag lines blanked.

    A tag counts only on a line of its own outside code; a ``<quiz>`` in code is just text. The
    returned body keeps every line where it was, so later problems keep their line numbers.
    """
    lines = body.split("\n")
    spans, tag_problems = quiz_blocks(lines)  # the very finder the site's quiz renderer uses
    problems = [(first_line + index, message) for index, message in tag_problems]
    blocks = [QuizBlock(first_line + span.open_index, span.content) for span in spans]
    for span in spans:
        lines[span.open_index] = lines[span.close_index] = ""
    for index, _ in tag_problems:
        if lines[index].strip() in (QUIZ_OPEN, QUIZ_CLOSE):
            lines[index] = ""
    blanked = "\n".join(lines)
    if not _may_hold_inline_tag(blanked):
        return blocks, problems, blanked
    for token in _CODE_FINDER.parse(blanked):
        if token.type == "inline" and token.map:
            for child_line, text in _text_lines(token):
                if QUIZ_OPEN in text or QUIZ_CLOSE in text:
                    problems.append((first_line + child_line,
                                     "write '<quiz>' and '</quiz>' each on a line of its own"))
    return blocks, problems, blanked


# Where markdown-it's text can hold characters the source does not spell out: a backslash escape,
# an entity, or a percent-escape that an autolink's text decodes (``%3C`` is ``<``).
_UNSPELLED = ("\\", "&", "%3c", "%3C")


def _may_hold_inline_tag(blanked: str) -> bool:
    """Whether any inline text of ``blanked`` can read ``<quiz>`` or ``</quiz>``.

    Text in markdown-it's tokens is the source's own characters, in order and within a line, except
    for escapes, entities and an autolink's decoded percent-escapes. So without a tag spelled out and
    without those, no text can hold one, and the body need not be parsed (most bodies: the tag lines
    are blanked already).
    """
    return QUIZ_OPEN in blanked or QUIZ_CLOSE in blanked or any(mark in blanked for mark in _UNSPELLED)


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
    """One block with Opspor's own parser (:mod:`course.loading.quiz_syntax`), as the site renders it."""
    parsed = parse_quiz_content(block.content)
    problems = [(block.line, message) for message in quiz_problems(parsed, block.content)]
    if parsed is None or problems:
        return None, problems
    question = Question(
        text=parsed.question,
        answers=parsed.answers,
        explanation=parsed.explanation,
        line=block.line,
    )
    return question, []


def _links(result: Audit) -> tuple[Link, ...]:
    return tuple(Link(k.scheme, k.target, k.line, k.anchor) for k in result.links)


def scan_body(body: str, first_line: int) -> BodyScan:
    """A module or page body: quizzes, raw HTML, links, attributes, and its heading anchors."""
    blocks, problems, blanked = find_quiz_blocks(body, first_line)
    spans, slot_problems = slot_spans(body.split("\n"))
    problems += [(first_line + index, message) for index, message in slot_problems]
    slots = tuple(SlotUse(s.name, first_line + s.open_index, s.default) for s in spans)
    result = audit(blanked, first_line)
    problems += [(f.line, f.message) for f in result.findings]
    return BodyScan(blocks, problems, _links(result), tuple(result.anchors), slots, tuple(result.phone_links))


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
