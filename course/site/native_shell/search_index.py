"""The native shell's search index: one JavaScript file that assigns a global.

A JSON file cannot be fetched from ``file://``, but a classic ``<script>`` can be loaded from
there, so the index is ``window.OPSPOR_SEARCH = {...}``. It holds the text of every page,
section by section (split at headings with an id); the browser builds the lunr index with the
course language's stemmer (lunr-languages) when search is first opened.
"""

from __future__ import annotations

import html
import re
from typing import Any

from course.site.native_shell.pages import RenderedPage
from course.script_json import script_json

_SPLIT = re.compile(r"<h([23])[^>]*\sid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
_DROP = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|div|h[1-6]|br|td|th|tr|table|section|details|summary|blockquote"
                    r"|fieldset|legend|label|dt|dd)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", _BLOCK.sub(" ", fragment)))).strip()


def sections(page: RenderedPage) -> list[dict[str, str]]:
    """The page's sections: url with anchor, section title, page title, plain text."""
    body = _DROP.sub(" ", page.body)
    page_title = html.unescape(page.title)
    found: list[dict[str, str]] = []
    heads = list(_SPLIT.finditer(body))
    starts = [(0, "", page_title, False)] + [
        (m.end(), m.group(2), _text(m.group(3)), "data-search-exclude" in m.group(0)) for m in heads]
    ends = [m.start() for m in heads] + [len(body)]
    for (start, anchor, title, excluded), end in zip(starts, ends, strict=True):
        if excluded:  # e.g. a scenario's steps and endings with their ratings: found, they would give it away
            continue
        text = _text(body[start:end])
        if not text and anchor:
            continue
        found.append({"u": page.url + (f"#{anchor}" if anchor else ""), "t": title or page_title,
                      "p": page_title, "x": text})
    return found


def search_script(pages: list[RenderedPage], language: str) -> str:
    data: dict[str, Any] = {"lang": language, "docs": [s for page in pages for s in sections(page)]}
    return f"window.OPSPOR_SEARCH = {script_json(data)};\n"
