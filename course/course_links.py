"""Course links (``modul:``, ``scenarie:``, ``ordliste:``, ``side:``) on the parsed Markdown tree.

Authors link to the course's own pages by id: ``[text](modul:id#anchor)``. Where such a link
becomes an address depends on the output (a relative ``.html`` path on the site, nothing on
paper), but which links there are is the parser's business, not a pattern's: a ``[x](modul:y)``
in a code span or block is text to the parser, and a reference link or a link with a title is a
link all the same. So the rewriting works on the element tree Python-Markdown built, after its
inline patterns ran, and only ever sees real ``<a>`` elements.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from course.markup_policy import COURSE_SCHEMES, url_scheme

# (scheme, id, anchor or None) -> the link's new href, or None to keep only the link's text
Resolve = Callable[[str, str, str | None], str | None]


def course_link(href: str) -> tuple[str, str, str | None] | None:
    """``modul:id#anchor`` as (scheme, id, anchor); None for any other address."""
    scheme = url_scheme(href)
    if scheme not in COURSE_SCHEMES:
        return None
    target, _, anchor = href.split(":", 1)[1].partition("#")
    return scheme, target, anchor or None


def rewrite_course_links(root: Element, resolve: Resolve) -> None:
    """Give every course link in the tree the href ``resolve`` names, or unwrap it to its text."""
    for parent in list(root.iter()):
        for index in range(len(parent) - 1, -1, -1):  # from the end: unwrapping shifts what follows
            element = parent[index]
            if element.tag != "a":
                continue
            link = course_link(element.get("href", ""))
            if link is None:
                continue
            href = resolve(*link)
            if href is None:
                unwrap(parent, index)
            else:
                element.set("href", href)


def unwrap(parent: Element, index: int) -> None:
    """Replace ``parent[index]`` by its content (text, children, tail), as if it had never been an element."""
    element = parent[index]
    children = list(element)
    _append_text(parent, index, element.text or "")
    del parent[index]
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    _append_text(parent, index + len(children), element.tail or "")


def _append_text(parent: Element, index: int, text: str) -> None:
    """Add ``text`` where it would sit just before ``parent[index]`` (after its previous sibling)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
