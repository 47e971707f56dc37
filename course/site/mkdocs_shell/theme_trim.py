"""Drop the theme's styles for components this course never renders, so each page loads less.

mkdocs-material ships one stylesheet for every feature it has (blog posts, code highlighting,
content tabs, Mermaid diagrams, annotations, cookie consent, version picker, tags, ...); Opspor
pages use a fraction of them (features and Markdown extensions in mkdocs.yml; the runtime's own
markup is styled by opspor.css). A rule is dropped only when every one of its selectors names a
component in UNUSED; anything else is kept as it was. Only this shell knows these class names.
"""

from __future__ import annotations

import re
from pathlib import Path

# Selector fragments of theme components no Opspor page contains (tests/site/test_page_weight.py
# checks that none of these classes appears in a built page or in our runtime).
UNUSED = (
    r"\.md-post", r"\.md-consent", r"\.md-version", r"\.md-tags?\b", r"\.md-social", r"\.md-source",
    r"\.md-tabs", r"\.md-code__", r"\.md-annotation", r"\.md-author", r"\.md-profile",
    r"\.md-status", r"\.md-draft", r"\.md-typeset \.tabbed-", r"\.tabbed-",
    r"\.mermaid", r"\.highlight", r"\.highlighttable", r"\.linenos", r"\.md-typeset \.grid", r"\.md-typeset \.keys",
    r"\.task-list", r"\.critic", r"\.md-typeset \.emojione", r"\.twemoji", r"\.arithmatex", r"\.md-typeset \.footnote",
    r"\.md-clipboard", r"\.md-select", r"\.md-banner--warning", r"\.md-typeset \.md-button--primary:focus-within",
    r"\.md-typeset \.inline", r"\.giscus", r"\[id=__comments\]", r"\.md-typeset kbd", r"\.md-typeset abbr",
    r"\.md-typeset \.caret",
    # callouts (`!!!`, `???`): course.callouts gives them Opspor's classes, opspor.css styles them; the
    # theme's rules for its admonitions and for every details/summary in the content would only fight ours
    r"\.md-typeset \.admonition", r"\.admonition-title", r"\.md-typeset details", r"\.md-typeset summary",
    r"\.md-typeset \.[a-z]+>summary",
    # the palette: mkdocs.yml sets primary and accent to custom (opspor.css) and the light scheme only
    r"\[data-md-color-(primary|accent)=(?!custom\])", r"\[data-md-color-scheme=slate\]",
)
_UNUSED = re.compile("|".join(UNUSED))


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; a statement such as ``@charset ...;`` has body None."""
    out: list[tuple[str, str | None]] = []
    i, n, start = 0, len(css), 0
    while i < n:
        ch = css[i]
        if ch in "\"'":
            end = css.index(ch, i + 1)
            while css[end - 1] == "\\":
                end = css.index(ch, end + 1)
            i = end + 1
            continue
        if css.startswith("/*", i):
            i = css.index("*/", i + 2) + 2
            continue
        if ch == ";" and start <= i:
            out.append((css[start : i + 1], None))
            start = i = i + 1
            continue
        if ch == "{":
            depth, j = 1, i + 1
            while depth:
                c = css[j]
                if c in "\"'":
                    end = css.index(c, j + 1)
                    while css[end - 1] == "\\":
                        end = css.index(c, end + 1)
                    j = end + 1
                    continue
                depth += (c == "{") - (c == "}")
                j += 1
            out.append((css[start:i], css[i + 1 : j - 1]))
            start = i = j
            continue
        i += 1
    return out


def _selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in prelude:
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def trim(css: str) -> str:
    kept = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None:
            kept.append(head)
        elif head.startswith(("@media", "@supports", "@layer")):
            inner = trim(body)
            if inner:
                kept.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            kept.append(f"{head}{{{body}}}")
        else:
            selectors = [s for s in _selectors(head) if not _UNUSED.search(s)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def trim_theme_styles(site_dir: Path) -> None:
    for sheet in (site_dir / "assets" / "stylesheets").glob("*.min.css"):
        sheet.write_text(trim(sheet.read_text("utf-8")), encoding="utf-8")
