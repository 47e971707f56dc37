"""Course links (``modul:``, ``scenarie:``, ``ordliste:``, ``side:``) on the parsed Markdown tree.

Authors link to the course's own pages by id: ``[text](modul:id#anchor)``. Where such a link
becomes an address depends on the output (a relative ``.html`` path on the site, nothing on
paper), but which links there are is the parser's business, not a pattern's: a ``[x](modul:y)``
in a code span or block is text to the parser, and a reference link or a link with a title is a
link all the same. So the rewriting works on the element tree Python-Markdown built, after its
inline patterns ran, and only ever sees real ``<a>`` elements: in :func:`course.author_markdown.author_html`
(relative ``.html`` paths, or text) and, for the docs tree's pages, in every shell's page extensions
(:class:`CourseLinkExtension`, docs-root paths that the shell makes relative to the page).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from course import urls
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


class _DocsRootLinks(Treeprocessor):
    """``modul:id#a`` -> ``/moduler/id.md#a``: the target's path from the docs tree's root.

    A page's Markdown does not know where it will be served from; each shell makes these paths
    relative to the page, and checks that they lead somewhere, as it does every link to a ``.md``.
    """

    def __init__(self, md: Markdown, items: Mapping[str, Sequence[str]]):
        super().__init__(md)
        self.items = {scheme: set(ids) for scheme, ids in items.items()}

    def run(self, root: Element) -> None:
        rewrite_course_links(root, self.docs_root_href)

    def docs_root_href(self, scheme: str, target: str, anchor: str | None) -> str | None:
        if scheme in self.items and target not in self.items[scheme]:
            return None  # not in this build (a track's package): its text only
        path, _, fragment = urls.scheme_target(scheme, target).partition("#")
        fragment = anchor or fragment
        return f"/{path}#{fragment}" if fragment else f"/{path}"


class CourseLinkExtension(Extension):
    """Python-Markdown extension ``course.course_links``: course links as docs-root paths.

    Config ``items``: the modules and scenarios in this build, by scheme (``{"modul": [...],
    "scenarie": [...]}``); a link to any other keeps just its text. A scheme not named there
    (and every scheme, by default) is not limited: the shell's link check judges those links.
    """

    def __init__(self, **kwargs: Any):
        # not None by default: Python-Markdown reads an option whose default is None as a boolean
        self.config = {"items": [{}, "the ids in this build by scheme (modul, scenarie); {}: not limited"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # after inline patterns (20) and attr_list (8); before the shells' own link steps (each
        # registers one at priority 0 or 1, which makes .md paths relative) and the markup guard (-1000)
        md.treeprocessors.register(_DocsRootLinks(md, self.getConfig("items")), "opspor_course_links", 3)


def makeExtension(**kwargs: Any) -> CourseLinkExtension:
    return CourseLinkExtension(**kwargs)
