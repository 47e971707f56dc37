"""Author text for places that take HTML directly (the scenario player's JSON).

Raw HTML from authors is escaped first, so YAML text can never become live markup.
"""

from __future__ import annotations

import markdown

from course.site.layout import Present, rewrite_links


def escape_markdown_html(text: str) -> str:
    """Neutralise raw HTML in author text while keeping Markdown working."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def author_html(text: str, from_doc: str, present: Present | None = None) -> str:
    """Render one author Markdown snippet to safe HTML with course links resolved."""
    source = rewrite_links(escape_markdown_html(text), from_doc, to_html=True, present=present)
    return markdown.markdown(source, extensions=["sane_lists"], output_format="html")
