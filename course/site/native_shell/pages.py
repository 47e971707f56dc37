"""The docs tree's Markdown pages as HTML bodies, with Python-Markdown and every shell's extensions.

The extension list is :mod:`course.site.page_markdown`'s, the one the mkdocs shell gets too, so both
shells make the same HTML of the same Markdown: the same heading ids, callouts and
quizzes. One parser is reused for every page (``reset``), which is most of why this shell is fast. A
tree step does what MkDocs does to links (``x.md`` becomes ``x.html``; a docs-root ``/x.md``, which
is how the page extensions write a course link, becomes relative to the page, as MkDocs'
``absolute_links: relative_to_docs`` does) and records every link, so :mod:`link_check` can judge
them on the parser's own tree.
"""

from __future__ import annotations

import importlib
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from course.process_start import cores, worker_context
from course.site.page_markdown import page_extensions

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass
class RenderedPage:
    doc: str  # docs path, e.g. moduler/x.md
    url: str  # site path, e.g. moduler/x.html
    title: str  # HTML-escaped already (the docs tree's contract with a shell)
    body: str
    toc: list[dict[str, Any]]
    links: list[str] = field(default_factory=list)  # relative hrefs in the Markdown, as written (.html)


def html_path(doc: str) -> str:
    return doc[: -len(".md")] + ".html"


def is_relative(href: str) -> bool:
    return bool(href) and not _SCHEME.match(href) and not href.startswith("//")


class _Links(Treeprocessor):
    """``x.md#a`` -> ``x.html#a`` (as MkDocs does), a docs-root ``/x.md`` made relative to the
    page ``doc``, and note every relative link for the checker."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[str] = []
        self.doc = ""

    def run(self, root: Element) -> None:
        for element in root.iter("a"):
            href = element.get("href")
            if href is None or not is_relative(href):
                continue
            path, hash_, fragment = href.partition("#")
            if path.startswith("/"):
                path = posixpath.relpath(path.lstrip("/"), posixpath.dirname(self.doc) or ".")
                href = path + hash_ + fragment
                element.set("href", href)
            if path.endswith(".md"):
                href = html_path(path) + hash_ + fragment
                element.set("href", href)
            self.found.append(href)


class _LinkExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.processor = _Links(md)
        md.treeprocessors.register(self.processor, "opspor_native_links", 1)


def extension_list(strings: dict[str, str], slots: dict[str, Any] | None = None) -> tuple[list[Any], dict[str, Any]]:
    """Every shell's page extensions (course.site.page_markdown); ``slots``: the edition's name and
    filled slots, and the build's ``items`` (modules and scenarios) for course links."""
    slots = slots or {}
    return page_extensions(strings, slots.get("edition", ""), slots.get("filled", ()), slots.get("items"))


class PageRenderer:
    """One Python-Markdown parser for every page of a build."""

    def __init__(self, strings: dict[str, str], slots: dict[str, Any] | None = None) -> None:
        names, configs = extension_list(strings, slots)
        self.links = _LinkExtension()
        self.md = markdown.Markdown(extensions=[*names, self.links], extension_configs=configs,
                                    output_format="html")

    def render(self, doc: str, text: str) -> RenderedPage:
        title = ""
        match = _FRONT_MATTER.match(text)
        if match:
            meta = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
            title = str(meta.get("title", ""))
            text = text[match.end():]
        self.md.reset()
        self.links.processor.found = []
        self.links.processor.doc = doc
        body = self.md.convert(text)
        toc = getattr(self.md, "toc_tokens", [])
        return RenderedPage(doc, html_path(doc), title, body, toc, list(self.links.processor.found))


def docs_pages(docs_dir: Path) -> list[str]:
    """Every Markdown page of the docs tree, as posix paths, in a stable order."""
    return sorted(posixpath.join(*p.relative_to(docs_dir).parts) for p in docs_dir.rglob("*.md"))


PARALLEL_FROM = 200  # pages: below this, starting worker processes costs more than it saves
MAX_WORKERS = 4


def _render_chunk(task: tuple[dict[str, str], dict[str, Any], Path, list[str]]) -> list[RenderedPage]:
    strings, slots, docs_dir, docs = task
    renderer = PageRenderer(strings, slots)
    return [renderer.render(doc, (docs_dir / doc).read_text("utf-8")) for doc in docs]


def render_all(strings: dict[str, str], docs_dir: Path,
               slots: dict[str, Any] | None = None) -> list[RenderedPage]:
    """Every page of the docs tree, in :func:`docs_pages` order.

    Markdown is most of a build's time and each page is independent, so a large course is
    rendered by one worker process per core (forked when that is safe, see :mod:`course.process_start`).
    """
    docs = docs_pages(docs_dir)
    workers = min(cores(), MAX_WORKERS)
    if len(docs) < PARALLEL_FROM or workers < 2:
        return _render_chunk((strings, slots or {}, docs_dir, docs))
    tasks = [(strings, slots or {}, docs_dir, docs[i::workers]) for i in range(workers)]
    # A spawned worker imports course.loading before anything else, in the order the build itself does:
    # the loading <-> validation import cycle (issue 14) broke when course.site was imported first.
    with ProcessPoolExecutor(workers, mp_context=worker_context(),
                             initializer=importlib.import_module, initargs=("course.loading",)) as pool:
        rendered = {page.doc: page for part in pool.map(_render_chunk, tasks) for page in part}
    return [rendered[doc] for doc in docs]
