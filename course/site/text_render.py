"""Author text for places that take HTML directly (the scenario player's JSON, the content note).

Raw HTML from authors is escaped first, so YAML text can never become live markup, and the
markup policy's guard strips any event handler or unsafe URL Markdown could still produce.
"""

from __future__ import annotations

import markdown
from markupsafe import escape

from course.markup_policy import AUTHOR_EXTENSIONS, GuardExtension
from course.urls import Present, rewrite_links


def shell_text(text: str) -> str:
    """Plain author text for the shell's own HTML (nav, header, <title>): HTML-escaped.

    mkdocs-material prints page and nav titles unescaped, so it must be given escaped ones.
    """
    return str(escape(text))


def escape_markdown_html(text: str) -> str:
    """Neutralise raw HTML in author text while keeping Markdown working.

    Not markupsafe's escape: that also turns ``>`` and quotes into entities, which would break
    Markdown block quotes and link titles. ``&`` and ``<`` are all HTML needs to stay text; what
    Markdown itself makes of the text is then judged by the markup policy (``check``) and guarded
    on render.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def author_html(text: str, from_doc: str, present: Present | None = None) -> str:
    """Render one author Markdown snippet to safe HTML with course links resolved."""
    source = rewrite_links(escape_markdown_html(text), from_doc, to_html=True, present=present)
    extensions = [e for e in AUTHOR_EXTENSIONS if e != "md_in_html"]
    return markdown.markdown(source, extensions=[*extensions, GuardExtension()], output_format="html")
