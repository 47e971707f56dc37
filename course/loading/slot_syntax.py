"""Opspor's own parser of local slots (FORMAT.md, "Lokale pladser"), shared by ``check`` and the renderers.

A module marks a place where the national text says "follow your local guideline" with a
directive the compiler parses::

    !!! lokal "underretning"
        National default text, shown when no local edition fills the slot.

The directive line stands on its own (indented at most three spaces) outside code; the default
text is every following line indented four spaces (blank lines included), as in a callout (course/callouts.py).
What ``check`` validates is exactly what :mod:`course.slots` renders: both call
:func:`slot_spans`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.loading.quiz_syntax import margin_code_lines

SLOT_DIRECTIVE = re.compile(r'^ {0,3}!!!\s+lokal\s+"(?P<name>[^"]*)"\s*$')
ANY_SLOT_DIRECTIVE = re.compile(r"^ {0,3}!!!\s+lokal\b")
SLOT_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INDENT = "    "


@dataclass(frozen=True)
class SlotSpan:
    """One slot: its name, the 0-based index of its directive line, the index after its last
    default line, and the default text (dedented, as Markdown)."""

    name: str
    open_index: int
    end_index: int
    default: str


def slot_spans(lines: list[str]) -> tuple[list[SlotSpan], list[tuple[int, str]]]:
    """Every slot in ``lines``, and ``(0-based line, message)`` for directives that are not right."""
    if not any(ANY_SLOT_DIRECTIVE.match(line) for line in lines):
        return [], []  # most pages: no need to find their code (a Markdown parse) to know there is no slot
    code = margin_code_lines(lines)  # a directive is indented at most three spaces
    spans: list[SlotSpan] = []
    problems: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        if index in code or not ANY_SLOT_DIRECTIVE.match(raw):
            index += 1
            continue
        match = SLOT_DIRECTIVE.match(raw)
        if match is None:
            problems.append((index, 'write a local slot as !!! lokal "name", the name in double quotes'))
            index += 1
            continue
        name = match.group("name")
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(INDENT)):
            end += 1
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1  # trailing blank lines belong to the text after the slot
        default = "\n".join(line[len(INDENT):] for line in lines[index + 1 : end])
        if not SLOT_NAME.match(name):
            problems.append((index, f"slot name '{name}' is not a slug (a-z, 0-9 and '-')"))
        elif not default.strip():
            problems.append((index, f"slot '{name}' has no national default text: indent it four spaces "
                                    "under the !!! lokal line"))
        else:
            spans.append(SlotSpan(name, index, end, default))
        index = end
    return spans, problems
