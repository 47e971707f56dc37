"""Author Markdown for paper: the shared renderer with print's options, plus print typography.

The HTML comes from :mod:`course.author_markdown` (raw HTML escaped, the markup policy's guard),
with print's options: course links (``modul:``, ``scenarie:``, ...) become plain text, since paper
cannot follow them, and external links are followed by their address as clean text (decoded, not
percent-encoded: a reader types it from paper). Quiz blocks are removed first (the questions are
printed from the model). Straight double quotes in the text become the language's own (»…« in
Danish).
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from course.author_markdown import author_html

_QUIZ = re.compile(r"^[ \t]*<quiz>.*?^[ \t]*</quiz>[ \t]*\n?", re.DOTALL | re.MULTILINE)
_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_TAG = re.compile(r"</?(p|li|h[1-6]|td|th|div|blockquote|ol|ul|table|tr)\b")
QUOTES = {"da": ("»", "«"), "en": ("\u201c", "\u201d")}


def typographic_quotes(text: str, language: str = "da") -> Markup:
    """Straight ``"`` in the text (not in tags or attributes) as opening and closing quotes.

    They alternate opening/closing within one block (paragraph, list item, cell), so an
    odd one left open in a paragraph does not flip every quote after it.
    """
    opening, closing = QUOTES.get(language, QUOTES["da"])
    parts = _TAG.split(str(text))
    is_open = False
    for index, part in enumerate(parts):
        if part.startswith("<"):
            if _BLOCK_TAG.match(part):
                is_open = False
            continue
        if '"' in part or "&quot;" in part or "&#34;" in part:
            chars = []
            for piece in re.split(r'("|&quot;|&#34;)', part):
                if piece in ('"', "&quot;", "&#34;"):
                    chars.append(closing if is_open else opening)
                    is_open = not is_open
                else:
                    chars.append(piece)
            parts[index] = "".join(chars)
    return Markup("".join(parts))


def strip_quizzes(text: str) -> str:
    return _QUIZ.sub("", text)


def print_markdown(text: str, shift_headings: int = 0, slots: dict[str, Any] | None = None) -> Markup:
    """Block Markdown to safe HTML; ``shift_headings`` moves ``##`` down to fit the printed outline.

    ``slots``: :class:`course.slots.SlotExtension` settings (strings, edition, filled) for a module
    body; local slots are then printed as marked boxes, as on the site.
    """
    return Markup(author_html(strip_quizzes(str(text)), show_addresses=True, shift_headings=shift_headings,
                              slots=slots))


def inline_markdown(text: str) -> Markup:
    """One line of author Markdown (an option, a goal) without the wrapping paragraph."""
    return Markup(author_html(strip_quizzes(str(text)), show_addresses=True, inline=True))
