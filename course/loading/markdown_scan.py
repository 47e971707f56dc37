"""Scanning authored Markdown for quizzes and internal links.

Quizzes are parsed with the quiz plugin's own parser so that what we validate,
count and print is exactly what the plugin renders.
"""

from __future__ import annotations

import re

from mkdocs_quiz.parsing import mask_code_blocks
from mkdocs_quiz.qti.extractor import _parse_quiz_content

from course.model import Answer, Link, Question

LINK_SCHEMES = ("modul", "scenarie", "ordliste", "side")
LINK_RE = re.compile(r"\]\((" + "|".join(LINK_SCHEMES) + r"):([^)\s#]*)(#[^)\s]*)?\)")
QUIZ_OPEN_RE = re.compile(r"<quiz>")
QUIZ_CLOSE_RE = re.compile(r"</quiz>")
ANY_LINK_RE = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
REFERENCE_DEF_RE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
WEB_LINK_RE = re.compile(r"^(https?://|mailto:|tel:)", re.IGNORECASE)
RAW_HTML_RE = re.compile(r"<(?!/?quiz>)(/?[a-zA-Z][a-zA-Z0-9-]*)[\s>/]")


def line_at(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def scan_links(body: str, first_line: int) -> tuple[Link, ...]:
    masked, _ = mask_code_blocks(body)
    return tuple(
        Link(m.group(1), m.group(2), line_at(masked, m.start(), first_line))
        for m in LINK_RE.finditer(masked)
    )


def scan_foreign_links(body: str, first_line: int) -> list[tuple[int, str]]:
    """Links the compiler cannot check or that would load something from another host.

    Course pages link to each other through the ``modul:``/``scenarie:``/``ordliste:``/``side:``
    schemes (so ids are checked and paths are placed right); web links are fine for
    navigation, but an image from the web would be fetched, and the site must work offline.
    """
    masked, _ = mask_code_blocks(body)
    masked = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group(0)), masked)
    problems = []
    targets = [(m.start(), m.group(1) == "!", m.group(2)) for m in ANY_LINK_RE.finditer(masked)]
    targets += [(m.start(), False, m.group(1)) for m in REFERENCE_DEF_RE.finditer(masked)]
    for offset, is_image, target in targets:
        line = line_at(masked, offset, first_line)
        scheme = target.split(":", 1)[0]
        if is_image:
            problems.append((line, f"image '{target}': images are not supported; the site must work offline"))
        elif scheme in LINK_SCHEMES or target.startswith("#") or WEB_LINK_RE.match(target):
            continue
        else:
            problems.append((line, f"link '{target}' is not a course link; use modul:ID, scenarie:ID, "
                                   "ordliste:ID, side:ID or a full https:// address"))
    return problems


def scan_raw_html(body: str, first_line: int) -> list[tuple[int, str]]:
    """Raw HTML tags outside quizzes: not allowed, so author text is never live HTML."""
    masked, _ = mask_code_blocks(body)
    masked = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group(0)), masked)
    return [(line_at(masked, m.start(), first_line), m.group(1)) for m in RAW_HTML_RE.finditer(masked)]


def scan_quizzes(body: str, first_line: int) -> tuple[list[Question], list[tuple[int, str]]]:
    """Return the questions and ``(line, message)`` problems of every ``<quiz>`` block."""
    masked, _ = mask_code_blocks(body)
    questions: list[Question] = []
    problems: list[tuple[int, str]] = []
    opens = [m.start() for m in QUIZ_OPEN_RE.finditer(masked)]
    closes = [m.start() for m in QUIZ_CLOSE_RE.finditer(masked)]
    position = 0
    for start in opens:
        if start < position:
            continue
        line = line_at(masked, start, first_line)
        end = next((c for c in closes if c > start), None)
        following = next((o for o in opens if o > start), None)
        if end is None or (following is not None and following < end):
            problems.append((line, "quiz is not closed: add '</quiz>'"))
            continue
        position = end
        parsed = _parse_quiz_content(masked[start + len("<quiz>") : end])
        if parsed is None:
            problems.append((line, "quiz has no question or no answers ('- [x] ...' lines)"))
            continue
        question = Question(
            text=parsed.question,
            answers=tuple(Answer(a.text, a.is_correct, a.feedback) for a in parsed.answers),
            explanation=parsed.content,
            line=line,
            blanks=tuple(b.correct_answer for b in parsed.blanks),
        )
        if not question.blanks and not any(a.correct for a in question.answers):
            problems.append((line, "quiz question has no correct answer (mark one with '- [x]')"))
        if not question.blanks and len(question.answers) < 2:
            problems.append((line, "quiz question needs at least two answers"))
        questions.append(question)
    for stray in closes:
        if not any(o < stray for o in opens):
            problems.append((line_at(masked, stray, first_line), "'</quiz>' without an opening '<quiz>'"))
    return questions, problems
