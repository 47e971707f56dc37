"""Author text for places that take HTML directly (the scenario player's JSON, the content note).

Raw HTML from authors is escaped first, so YAML text can never become live markup, and the
markup policy's guard strips any event handler or unsafe URL Markdown could still produce.
"""

from __future__ import annotations

import json
from typing import Any

import markdown
from markupsafe import escape

from course.markup_policy import AUTHOR_EXTENSIONS, GuardExtension
from course.site.layout import Present, rewrite_links


def shell_text(text: str) -> str:
    """Plain author text for the shell's own HTML (nav, header, <title>): HTML-escaped.

    A shell may print page and nav titles as HTML, so every shell is given escaped ones.
    """
    return str(escape(text))


def script_json(data: Any) -> str:
    """JSON that is safe inside an HTML <script> element and as JavaScript source.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so ``</script>`` and ``<!--`` cannot appear;
    U+2028/U+2029 are escaped for older JavaScript parsers.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


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
