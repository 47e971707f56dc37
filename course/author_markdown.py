"""Author Markdown to safe HTML: the one renderer for the site, print and the QTI banks.

Authors write Markdown in YAML and module files (question text, feedback, scenario steps,
glossary definitions, the content note, module bodies for print). Wherever that text becomes
HTML outside the shell's own page rendering, it goes through :func:`author_html`, with one
configuration:

- raw HTML is escaped first (:func:`course.markup_policy.escape_markdown_html`), so author text can never become live
  markup, wherever it is read;
- the shell's extensions (``course.markup_policy.AUTHOR_EXTENSIONS``; ``md_in_html`` is left out:
  with ``<`` escaped it has nothing to act on), so a table or a callout prints and imports
  as it shows on the site;
- the markup policy's guard last, which drops event handlers and unsafe URLs (``javascript:``,
  ``http:``, ``//host``) that Markdown could still produce, in every output.

What really differs between outputs is an explicit option, not a renderer of its own:

- ``from_doc``: on the site, course links (``modul:``, ``scenarie:``, ``ordliste:``, ``side:``)
  become relative paths from that page (``present`` says which modules and scenarios are in this
  build). Without it (paper, an LMS) they keep only their text: those pages are not there;
- ``show_addresses``: paper cannot be clicked, so an external link is followed by its address as
  a reader would type it (:func:`url_text`);
- ``inline``: one line (an answer, a goal) without the wrapping paragraph;
- ``shift_headings``: print moves ``##`` down to fit the printed outline;
- ``slots``: a module body's local slots, printed as marked boxes as on the site.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import unquote

import markdown
from markupsafe import escape

from course.markup_policy import AUTHOR_EXTENSIONS, GuardExtension, escape_markdown_html
from course.slots.extension import SlotExtension
from course.urls import Present, rewrite_links

EXTENSIONS = tuple(e for e in AUTHOR_EXTENSIONS if e != "md_in_html")
_COURSE_LINK = re.compile(r"\[([^\]]*)\]\((?:modul|scenarie|ordliste|side):[^)]*\)")
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)">(.*?)</a>', re.DOTALL)
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def course_links_as_text(markdown_text: str) -> str:
    """``[text](modul:id)`` as just ``text``: for outputs where the course's pages are not."""
    return _COURSE_LINK.sub(r"\1", markdown_text)


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


def _show_address(match: re.Match[str]) -> str:
    href, label = match.group(1), match.group(2)
    address = escape(url_text(html.unescape(href)))
    if html.unescape(label).strip() in (html.unescape(href), url_text(html.unescape(href))):
        return f'<a href="{href}" class="url">{address}</a>'
    return f'<a href="{href}">{label}</a> <span class="url">({address})</span>'


def _without_paragraph(rendered: str) -> str:
    """The text of a single paragraph; anything else (a list, two paragraphs) as it is."""
    inner = rendered[3:-4]
    if rendered.startswith("<p>") and rendered.endswith("</p>") and "<p" not in inner and "</p>" not in inner:
        return inner
    return rendered


def author_html(text: str, *, from_doc: str | None = None, present: Present | None = None, inline: bool = False,
                show_addresses: bool = False, shift_headings: int = 0, slots: dict[str, Any] | None = None) -> str:
    """One piece of author Markdown as safe HTML; the options are described in the module docstring."""
    source = escape_markdown_html(str(text))
    if from_doc is None:
        source = course_links_as_text(source)
    else:
        source = rewrite_links(source, from_doc, to_html=True, present=present)
    extensions: list[Any] = [*EXTENSIONS, GuardExtension()]
    if slots is not None:
        extensions.insert(0, SlotExtension(**slots))
    rendered = markdown.markdown(source, extensions=extensions, output_format="html")
    if show_addresses:
        rendered = _EXTERNAL_LINK.sub(_show_address, rendered)
    if shift_headings:
        rendered = re.sub(r"<(/?)h([1-6])([ >])",
                          lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}{m.group(3)}",
                          rendered)
    return _without_paragraph(rendered.strip()) if inline else rendered
