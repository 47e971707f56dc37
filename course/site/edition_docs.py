"""The parts of the docs tree a local edition adds: its page, its contacts on "Få hjælp", its slots.

Kept beside :mod:`course.site.docs_tree` so a build without an edition never reaches this code,
and its output stays what it was. Every edition string is author text: it goes through the same
``md`` filter as national text (raw HTML escaped; course links are resolved by the shell) or, for
names put inside our own Markdown (a link text, a heading), through :func:`markdown_literal`.
"""

from __future__ import annotations

import re

from course.editions.loading import LOCAL_PAGE_ID
from course.editions.model import Edition
from course.markup_policy import escape_markdown_html
from course.editions.phones import is_placeholder, tel_href
from course.model import Module
from course import urls
from course.slots.fill import fill_slots

LOCAL_PAGE_DOC = urls.page_doc(LOCAL_PAGE_ID)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def markdown_literal(text: str) -> str:
    """``text`` shown exactly as written inside Markdown: HTML and Markdown syntax escaped."""
    escaped = escape_markdown_html(text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(escaped.split()))


def phone_markdown(number: str | None, strings: dict[str, str]) -> str:
    """A checked phone number as a ``tel:`` link; a placeholder as text that says it cannot be dialled."""
    if not number:
        return "–"
    shown = markdown_literal(number)
    if is_placeholder(number):
        return f"{shown} {strings['edition_placeholder_phone']}"
    return f"[{shown}]({tel_href(number)})"


def local_page_title(edition: Edition, strings: dict[str, str]) -> str:
    return strings["edition_page_title"].format(name=edition.name)


def filled_body(module: Module, edition: Edition, strings: dict[str, str]) -> str:
    """The module body with the edition's text in its slots, each ending with a link to the local page."""
    more = strings["slot_edition_more"].format(name=markdown_literal(edition.name), link=f"side:{LOCAL_PAGE_ID}")
    return fill_slots(module.body, edition.fills, suffix=more)


def help_body(body: str, contacts_markdown: str) -> str:
    """The national help page with the local contacts above the national lines (its first ``##``)."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return "\n".join([*lines[:first], contacts_markdown.rstrip("\n"), "", *lines[first:]])
