"""Scanning authored Markdown for quizzes and internal links.

Quizzes are parsed with Opspor's own parser (:mod:`course.loading.quiz_syntax`), the one the
site's quiz renderer (:mod:`course.quiz`) uses too, so what we validate, count and print is
exactly what learners see.
"""

from __future__ import annotations

import re

from course.loading.quiz_syntax import code_lines, parse_quiz_content, quiz_blocks, quiz_problems
from course.model import Answer, Link, Question

LINK_SCHEMES = ("modul", "scenarie", "ordliste", "side")
LINK_RE = re.compile(r"\]\((" + "|".join(LINK_SCHEMES) + r"):([^)\s#]*)(#[^)\s]*)?\)")
ANY_LINK_RE = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
REFERENCE_DEF_RE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
WEB_LINK_RE = re.compile(r"^(https?://|mailto:|tel:)", re.IGNORECASE)
RAW_HTML_RE = re.compile(r"<(?!/?quiz>)(/?[a-zA-Z][a-zA-Z0-9-]*)[\s>/]")


def mask_code_blocks(body: str) -> tuple[str, None]:
    """``body`` with every line of fenced or indented code blanked (line numbers stay right)."""
    lines = body.split("\n")
    code = code_lines(lines)
    return "\n".join("" if i in code else line for i, line in enumerate(lines)), None


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
    spans, tag_problems = quiz_blocks(body.split("\n"))
    problems = [(first_line + index, message) for index, message in tag_problems]
    questions: list[Question] = []
    for span in spans:
        line = first_line + span.open_index
        parsed = parse_quiz_content(span.content)
        found = quiz_problems(parsed, span.content)
        problems += [(line, message) for message in found]
        if parsed is None or found:
            continue
        questions.append(Question(
            text=parsed.question,
            answers=tuple(Answer(a.text, a.correct, a.feedback) for a in parsed.answers),
            explanation=parsed.explanation,
            line=line,
        ))
    return questions, sorted(problems)
