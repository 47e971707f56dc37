"""Strict link and anchor checking for the native shell, reported at the author's ``path:line``.

Every relative link in a page's Markdown must reach a page or file of the site, and its
``#fragment`` an ``id`` on the target page (as MkDocs' strict mode with anchor validation does).
A broken link is traced back through the docs tree's :class:`PageOrigin` to the source line: the
model's own links of a module or page (scheme, target, anchor, line), or the YAML string of a
scenario, track or glossary that holds it. Nothing here reads a source file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote

from course import urls
from course.site.native_shell.pages import RenderedPage
from course.site.shell_input import PageOrigin

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def page_ids(html: str) -> set[str]:
    return set(_ID.findall(html))


def _as_course_link(target_doc: str) -> tuple[str, str] | None:
    """A docs path as the author wrote it: ``moduler/x.md`` -> ("modul", "x")."""
    for prefix, scheme in (("moduler/", "modul"), ("scenarier/", "scenarie")):
        if target_doc.startswith(prefix) and target_doc.count("/") == 1:
            return scheme, target_doc[len(prefix):-len(".md")]
    if target_doc == urls.GLOSSARY_DOC:
        return "ordliste", ""
    if "/" not in target_doc:
        return "side", "index" if target_doc == "index.md" else target_doc[:-len(".md")]
    return None


def source_line(origin: PageOrigin | None, doc: str, target_doc: str, fragment: str) -> tuple[str, int]:
    """Where the author wrote the link from ``doc`` to ``target_doc#fragment``."""
    if origin is None:
        return doc, 1
    same_page = target_doc == doc
    course_link = None if same_page else _as_course_link(target_doc)
    for link in origin.links:
        if same_page and link.scheme == "" and (link.anchor or link.target) == fragment:
            return origin.path, link.line
        if course_link and link.scheme == course_link[0]:
            target = link.target if course_link[0] != "ordliste" else ""
            anchor = link.anchor if course_link[0] != "ordliste" else link.target
            if target == course_link[1] and (anchor or "") == fragment:
                return origin.path, link.line
    needles = [f"#{fragment}"] if fragment else []
    if course_link:
        needles.insert(0, f"{course_link[0]}:{course_link[1] or fragment}")
    for text in origin.texts:
        for needle in needles:
            offset = text.text.find(needle)
            if offset >= 0:
                return origin.path, text.place.line_at(offset)
    return origin.path, origin.line


def broken_links(pages: Iterable[RenderedPage], files: set[str], origins: dict[str, PageOrigin]) -> list[str]:
    """``path:line: message`` for every link that leads nowhere (``files``: every site path)."""
    pages = list(pages)
    ids = {page.url: page_ids(page.body) for page in pages}
    problems: list[str] = []
    for page in pages:
        base = posixpath.dirname(page.url)
        for href in page.links:
            path, _, fragment = href.partition("#")
            path, fragment = unquote(path), unquote(fragment)
            target = posixpath.normpath(posixpath.join(base, path)) if path else page.url
            if target.startswith("../") or target == "..":
                message = f"link '{href}' leaves the site"
            elif target not in files and target.rstrip("/") + "/index.html" not in files:
                message = f"link '{href}' points to a page that does not exist"
            elif fragment and target in ids and fragment not in ids[target]:
                message = f"link '{href}': no anchor #{fragment} on {target}"
            else:
                continue
            target_doc = target[: -len(".html")] + ".md" if target.endswith(".html") else target
            path_, line = source_line(origins.get(page.doc), page.doc, target_doc, fragment)
            problems.append(f"{path_}:{line}: {message} (in the generated page {page.doc})")
    return problems
