"""Author Markdown to HTML for paper.

Raw HTML from authors is escaped (it can never become live markup or load a
file), quiz blocks are removed (the questions are printed from the model), and
course links (``modul:``, ``scenarie:``, ...) become plain text: paper cannot
follow them. External links stay, and the print CSS shows their address.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
from markupsafe import Markup

from course.markup_policy import GuardExtension
from course.slots.extension import SlotExtension

EXTENSIONS = ["admonition", "tables", "attr_list", "sane_lists", "pymdownx.details", GuardExtension()]
_QUIZ = re.compile(r"^[ \t]*<quiz>.*?^[ \t]*</quiz>[ \t]*\n?", re.DOTALL | re.MULTILINE)
_COURSE_LINK = re.compile(r"\[([^\]]*)\]\((?:modul|scenarie|ordliste|side):[^)]*\)")


def strip_quizzes(text: str) -> str:
    return _QUIZ.sub("", text)


def _prepare(text: str) -> str:
    escaped = strip_quizzes(text).replace("&", "&amp;").replace("<", "&lt;")
    return _COURSE_LINK.sub(r"\1", escaped)


def print_markdown(text: str, shift_headings: int = 0, slots: dict[str, Any] | None = None) -> Markup:
    """Block Markdown to safe HTML; ``shift_headings`` moves ``##`` down to fit the printed outline.

    ``slots``: :class:`course.slots.SlotExtension` settings (strings, edition, filled) for a module
    body; local slots are then printed as marked boxes, as on the site.
    """
    extensions = EXTENSIONS if slots is None else [SlotExtension(**slots), *EXTENSIONS]
    html = markdown.markdown(_prepare(str(text)), extensions=extensions, output_format="html")
    if shift_headings:
        html = re.sub(r"<(/?)h([1-6])([ >])",
                      lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}{m.group(3)}", html)
    return Markup(html)


def inline_markdown(text: str) -> Markup:
    """One line of author Markdown (an option, a goal) without the wrapping paragraph."""
    html = str(print_markdown(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
