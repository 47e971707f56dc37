"""Text units: the pieces of course text inside which a claim and its ledger phrase must meet.

A unit is one Markdown paragraph (also inside a list item, quote or callout), heading,
table row or quiz line, found with markdown-it's block parser, or one YAML string value.
Each unit keeps the file lines of its characters, so a claim is reported on its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from course.diagnostics import relative
from course.model import Course, TextPlace

# YAML values that are ids, settings or citations of a source, not statements to the learner.
_NOT_TEXT_KEYS = {"id", "tracks", "next", "ending", "start", "rating", "url", "prerequisites", "items",
                  "language", "licence"}
_CITATION_KEYS = {"sources", "source"}
# The quiz plugin's block markers; the questions and answers between them are plain Markdown.
_QUIZ_MARKER = re.compile(r"^[ \t]*</?quiz>[ \t]*$", re.MULTILINE)
# Markdown inline syntax inside YAML strings, blanked (same length) so phrases match the words.
_YAML_MARKUP = re.compile(r"\]\([^)\s]*\)|[\[*_`]")

_PARSER = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class TextUnit:
    path: str  # relative to the course root
    text: str
    place: TextPlace

    def line_at(self, offset: int) -> int:
        return self.place.line_at(offset)


def course_units(course: Course) -> Iterator[TextUnit]:
    """Every text unit a learner reads: module and page bodies, and the YAML strings."""
    for path, body, first_line in body_sources(course):
        yield from markdown_units(path, body, first_line)
    yield from yaml_units(course)


def body_sources(course: Course) -> list[tuple[str, str, int]]:
    """``(path, body, first line)`` of every module and page, in :func:`course_units` order."""
    return [(relative(item.path, course.root), item.body, item.body_line)
            for item in (*course.modules.values(), *course.pages.values())]


def yaml_units(course: Course) -> Iterator[TextUnit]:
    """The units of the YAML strings a learner reads (after the bodies in :func:`course_units`)."""
    for text in course.yaml_texts:
        if _is_learner_text(text.key):
            masked = _YAML_MARKUP.sub(lambda m: " " * len(m.group(0)), text.text)
            yield TextUnit(text.path, masked, text.place)


def _is_learner_text(key: tuple[str | int, ...]) -> bool:
    if any(part in _CITATION_KEYS for part in key):
        return False
    return not (key and key[-1] in _NOT_TEXT_KEYS)


def markdown_units(path: str, body: str, first_line: int) -> Iterator[TextUnit]:
    """The units of a Markdown body whose first line is file line ``first_line``."""
    masked = _QUIZ_MARKER.sub("", body)
    yield from _block_units(path, _PARSER.parse(masked), first_line)


def _block_units(path: str, tokens: list[Token], first_line: int) -> Iterator[TextUnit]:
    row: list[Token] | None = None  # the cells of the table row being read; a row is one unit
    row_line = first_line
    for token in tokens:
        line = first_line + token.map[0] if token.map else first_line
        if token.type == "tr_open":
            row, row_line = [], line
        elif token.type == "inline" and row is not None:
            row.append(token)
        elif token.type == "tr_close" and row is not None:
            text = " | ".join(_inline_text(cell) for cell in row)
            yield TextUnit(path, text, TextPlace(((0, row_line),)))
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            yield TextUnit(path, text, _line_starts(text, line))
        elif token.type == "code_block":
            # An indented block after a blank line is a callout's body (course.callouts), so Markdown.
            yield from _block_units(path, _PARSER.parse(token.content), line)


def _inline_text(token: Token) -> str:
    """What the reader sees of an inline run: text, code, link text; a line break stays a line break."""
    parts = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "text_special", "code_inline", "html_inline", "image"):
            parts.append(child.content)
    return "".join(parts)


def _line_starts(text: str, first_line: int) -> TextPlace:
    starts = [(0, first_line)]
    starts += [(match.end(), first_line + number) for number, match in enumerate(re.finditer("\n", text), 1)]
    return TextPlace(tuple(starts))
