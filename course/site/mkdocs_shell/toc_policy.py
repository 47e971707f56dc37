"""MkDocs hook: headings marked ``.opspor-no-toc`` stay out of the page's table of contents.

A scenario page's text version names every ending with its rating. The player hides that text
until the learner asks for it, and the table of contents (the right-hand column, and the
phone's navigation drawer) must not give the endings away before they are reached either.
The headings keep their ids, so the text version's own links still work.
"""

from __future__ import annotations

import re
from typing import Any

_MARKED = re.compile(r"<h[1-6]\b[^>]*>", re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]+)"')
_NO_TOC = re.compile(r'\bclass="[^"]*\bopspor-no-toc\b')


def _prune(items: list[Any], hidden: set[str]) -> list[Any]:
    kept = []
    for item in items:
        if item.id in hidden:
            continue  # its children are under it in the text version too
        item.children = _prune(item.children, hidden)
        kept.append(item)
    return kept


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    hidden = set()
    for tag in _MARKED.findall(html):
        found = _ID.search(tag)
        if found and _NO_TOC.search(tag):
            hidden.add(found.group(1))
    if hidden and page.toc is not None:
        page.toc.items = _prune(list(page.toc.items), hidden)
    return html
