"""Putting a local edition's text into the slots of a module body.

The edition's Markdown replaces a slot's national default and keeps the directive line, so the
result is an ordinary module body: links, the markup guard and print handle it as they handle
national text. Raw HTML in the edition's text is escaped here (``&`` and ``<``), so it is shown as
written and can never become markup; ``check --edition`` reports it with the file's line too.
"""

from __future__ import annotations

from collections.abc import Mapping

from course.loading.slot_syntax import INDENT, slot_spans
from course.markup_policy import escape_markdown_html


def fill_slots(body: str, fills: Mapping[str, str], suffix: str = "", *, escape: bool = True) -> str:
    """``body`` with every slot named in ``fills`` holding that text instead of its default.

    ``suffix`` is Opspor's own Markdown (a link to the edition's page), added after each filled
    text as it is, unescaped. ``escape`` False is for print, which escapes the whole body itself.
    """
    if not fills:
        return body
    lines = body.split("\n")
    spans, _ = slot_spans(lines)
    out: list[str] = []
    position = 0
    for span in spans:
        if span.name not in fills:
            continue
        text = (escape_markdown_html(fills[span.name]) if escape else fills[span.name]).strip("\n")
        text += f"\n\n{suffix}" if suffix else ""
        out += lines[position : span.open_index + 1]
        out += [f"{INDENT}{line}" if line.strip() else "" for line in text.split("\n")]
        position = span.end_index
    return "\n".join(out + lines[position:])
