"""Plain author text for the shell's own HTML: nav labels, page titles, the site name.

Author Markdown that becomes HTML (the scenario player's JSON, the glossary disclosure, the
content note) is rendered by :mod:`course.author_markdown`, the renderer print and QTI share.
"""

from __future__ import annotations

from markupsafe import escape


def shell_text(text: str) -> str:
    """Plain author text for the shell's own HTML (nav, header, <title>): HTML-escaped.

    A shell may print page and nav titles as HTML, so every shell is given escaped ones.
    """
    return str(escape(text))
