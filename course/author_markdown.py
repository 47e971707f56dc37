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

Links and headings are changed on the element tree the parser built (:class:`_OutputTree`), not
by patterns on the source or the HTML: only what the parser made a link or a heading is touched,
so a ``[x](modul:y)`` shown in a code span or block stays as written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from course import urls
from course.course_links import rewrite_course_links
from course.markup_policy import AUTHOR_EXTENSIONS, GuardExtension, escape_markdown_html, rendered_url_is_safe
from course.slots.extension import SlotExtension
from course.urls import Present

EXTENSIONS = tuple(e for e in AUTHOR_EXTENSIONS if e != "md_in_html")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_HEADING = re.compile(r"^h[1-6]$")
# After inline patterns (20), attr_list (8) and unescape (0), so labels and hrefs are final; before
# the guard (-1000), which then judges the rewritten hrefs (a `modul:` href left would be dropped).
OUTPUT_TREE_PRIORITY = -10


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


@dataclass(frozen=True)
class _Options:
    from_doc: str | None
    present: Present | None
    show_addresses: bool
    shift_headings: int


class _OutputTree(Treeprocessor):
    """The output's options applied to the parsed tree: course links, addresses, heading levels."""

    def __init__(self, md: markdown.Markdown, options: _Options):
        super().__init__(md)
        self.options = options

    def run(self, root: Element) -> None:
        rewrite_course_links(root, self.course_href)
        for parent in list(root.iter()):
            for index in range(len(parent) - 1, -1, -1):  # from the end: an address is inserted after its link
                element = parent[index]
                if self.options.show_addresses and element.tag == "a":
                    self.show_address(parent, index)
                elif self.options.shift_headings and _HEADING.match(str(element.tag)):
                    element.tag = f"h{min(6, int(element.tag[1]) + self.options.shift_headings)}"

    def course_href(self, scheme: str, target: str, anchor: str | None) -> str | None:
        """The built page's path from ``from_doc``; None (text only) off the site or for an item not built."""
        options = self.options
        if options.from_doc is None:
            return None
        if scheme in ("modul", "scenarie") and options.present is not None and not options.present(scheme, target):
            return None
        path, _, fragment = urls.scheme_target(scheme, target).partition("#")
        rel = urls.relative(urls.html_of(path), urls.html_of(options.from_doc))
        fragment = anchor or fragment
        return f"{rel}#{fragment}" if fragment else rel

    def show_address(self, parent: Element, index: int) -> None:
        """A web link followed by its address; a link whose text is its address shows it once."""
        link = parent[index]
        href = link.get("href", "")
        if not href.startswith(("http://", "https://")) or not rendered_url_is_safe(href):
            return  # the guard drops what is not safe: no address to show
        address = url_text(html.unescape(href))
        label = None if len(link) else html.unescape(self.unstashed(link.text or "")).strip()
        if label in (html.unescape(href), address):
            link.set("class", "url")
            link.text = address
            return
        shown = Element("span", {"class": "url"})
        shown.text = f"({address})"
        shown.tail, link.tail = link.tail, " "
        parent.insert(index + 1, shown)

    def unstashed(self, text: str) -> str:
        """Text with the parser's placeholders (an entity such as ``&amp;`` is stashed) put back."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        return HTML_PLACEHOLDER_RE.sub(lambda m: str(blocks[int(m.group(1))]), text)


class _OutputExtension(Extension):
    def __init__(self, options: _Options):
        super().__init__()
        self.options = options

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_OutputTree(md, self.options), "opspor_output", OUTPUT_TREE_PRIORITY)


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
    output = _OutputExtension(_Options(from_doc, present, show_addresses, shift_headings))
    extensions: list[Any] = [*EXTENSIONS, output, GuardExtension()]
    if slots is not None:
        extensions.insert(0, SlotExtension(**slots))
    rendered = markdown.markdown(source, extensions=extensions, output_format="html")
    return _without_paragraph(rendered.strip()) if inline else rendered
