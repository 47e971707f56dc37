"""Author Markdown to HTML for paper.

Raw HTML from authors is escaped (it can never become live markup or load a
file), quiz blocks are removed (the questions are printed from the model), and
course links (``modul:``, ``scenarie:``, ...) become plain text: paper cannot
follow them. External links stay, followed by their address as clean text (decoded,
not percent-encoded: a reader types it from paper). Straight double quotes in the
text become the language's own (»…« in Danish).
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import markdown
from markupsafe import Markup, escape

from course.markup_policy import GuardExtension

EXTENSIONS = ["admonition", "tables", "attr_list", "sane_lists", "pymdownx.details", GuardExtension()]
_QUIZ = re.compile(r"^[ \t]*<quiz>.*?^[ \t]*</quiz>[ \t]*\n?", re.DOTALL | re.MULTILINE)
_COURSE_LINK = re.compile(r"\[([^\]]*)\]\((?:modul|scenarie|ordliste|side):[^)]*\)")
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)">(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_TAG = re.compile(r"</?(p|li|h[1-6]|td|th|div|blockquote|ol|ul|table|tr)\b")
QUOTES = {"da": ("»", "«"), "en": ("\u201c", "\u201d")}


_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _decoded_letters(match: re.Match[str]) -> str:
    """A run of escapes that spells non-ASCII text decodes; ``%20``, ``%2F`` and the like stay,
    because a space or slash typed in their place would be a different address."""
    try:
        decoded = unquote(match.group(), errors="strict")
    except UnicodeDecodeError:
        return match.group()
    if all(ord(ch) > 127 and ch.isprintable() and not ch.isspace() for ch in decoded):
        return decoded
    return match.group()


def url_text(url: str) -> str:
    """An address as a reader would type it: ``%C3%A6`` printed as ``æ``, what browsers show too."""
    return _PERCENT_RUN.sub(_decoded_letters, str(url))


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


def _show_address(match: re.Match[str]) -> str:
    href, label = match.group(1), match.group(2)
    address = escape(url_text(html.unescape(href)))
    if html.unescape(label).strip() in (html.unescape(href), url_text(html.unescape(href))):
        return f'<a href="{href}" class="url">{address}</a>'
    return f'<a href="{href}">{label}</a> <span class="url">({address})</span>'


def strip_quizzes(text: str) -> str:
    return _QUIZ.sub("", text)


def _prepare(text: str) -> str:
    escaped = strip_quizzes(text).replace("&", "&amp;").replace("<", "&lt;")
    return _COURSE_LINK.sub(r"\1", escaped)


def print_markdown(text: str, shift_headings: int = 0) -> Markup:
    """Block Markdown to safe HTML; ``shift_headings`` moves ``##`` down to fit the printed outline."""
    rendered = markdown.markdown(_prepare(str(text)), extensions=EXTENSIONS, output_format="html")
    rendered = _EXTERNAL_LINK.sub(_show_address, rendered)
    if shift_headings:
        rendered = re.sub(r"<(/?)h([1-6])([ >])",
                          lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}{m.group(3)}",
                          rendered)
    return Markup(rendered)


def inline_markdown(text: str) -> Markup:
    """One line of author Markdown (an option, a goal) without the wrapping paragraph."""
    rendered = str(print_markdown(text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)
