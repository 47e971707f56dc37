"""Callouts: the boxes authors write as ``!!! kind "Title"``, and folded ones as ``??? kind "Title"``.

Authors write them as they always have (the syntax of Python-Markdown's ``admonition`` and of
``pymdownx.details``; FORMAT.md), and the parsing stays those libraries' own: the processors here
subclass theirs and change only what the page gets, so no stylesheet, script or template has to
know a library's or a theme's class names (issue 14). Rendered:

- ``!!! tip "I praksis"`` -> ``<div class="opspor-callout opspor-callout--tip">`` with the title as
  ``<p class="opspor-callout__title">``; ``!!! tip ""`` has no title, ``!!! tip`` is titled "Tip"
  (upstream's rule: the kind, capitalised: English, so ``check`` asks for a title; the extension
  records such callouts in :attr:`CalloutExtension.untitled`);
- ``??? note "Feedback"`` -> ``<details class="opspor-callout opspor-callout--note">`` with
  ``<summary class="opspor-callout__title">``; ``???+`` starts open.

The kinds (:data:`KINDS`) are the ones the course and the runtime use: ``note`` (the plain
callout), ``abstract`` (a module's "about" box), ``tip``, ``example``, ``warning`` (content notes,
"akut fare") and ``failure`` (the runtime's notice that progress was set aside). An unknown
kind renders as a ``note`` (keeping its word as the default title), so the set of classes stays
closed and the one stylesheet (course/site/assets/opspor.css) styles every callout a page can
hold; the extension also records the word (:attr:`CalloutExtension.unknown_kinds`), and
``check`` refuses it with its line (:func:`course.markup_policy.audit`): ``!!! warnig`` would
otherwise quietly lose its warning colour. Words after the kind (``!!! tip inline end``) are dropped: they
named one theme's layouts.

A title is Markdown (emphasis, links, which ``check`` audits like any other), but never HTML:
its ``<`` is written as ``&lt;``, so a title shows what was typed even where the text reached
the parser unescaped. Author text in the docs tree and in print is escaped already
(:func:`course.markup_policy.escape_markdown_html`); an ``&lt;`` there stays as it is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsProcessor

CALLOUT_CLASS = "opspor-callout"
TITLE_CLASS = "opspor-callout__title"
KINDS = ("note", "abstract", "tip", "example", "warning", "failure")
DEFAULT_KIND = "note"
# Python-Markdown's own block processors for the two syntaxes sit at 105; ours take their place.
PRIORITY = 105


def kind_of(words: str | None) -> str:
    """The callout kind for the words after ``!!!`` or ``???`` (the first word; unknown -> note)."""
    first = (words or "").split(" ", 1)[0].lower()
    return first if first in KINDS else DEFAULT_KIND


def callout_classes(words: str | None) -> str:
    """The ``class`` of a callout written with ``words`` after its marker."""
    return f"{CALLOUT_CLASS} {CALLOUT_CLASS}--{kind_of(words)}"


def plain_title(title: str) -> str:
    """A title as Markdown that can make no HTML: ``<`` as an entity, everything else as typed."""
    return title.replace("<", "&lt;")


class CalloutProcessor(AdmonitionProcessor):
    """``!!! kind "Title"`` as a ``div.opspor-callout``: upstream's parser, our classes and titles.

    Upstream writes ``class="{CLASSNAME} {words}"``; :meth:`get_class_and_title` hands it the kind's
    modifier class in place of the words, so the div gets exactly :func:`callout_classes`.
    (Upstream also finds a callout's continued body by ``CLASSNAME`` in the last div's class, which
    is why the slot boxes of :mod:`course.slots` carry ``opspor-callout`` too: as before.)
    """

    CLASSNAME = CALLOUT_CLASS
    CLASSNAME_TITLE = TITLE_CLASS

    def __init__(self, parser: Any, extension: CalloutExtension):
        super().__init__(parser)
        self.extension = extension

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        words, title = super().get_class_and_title(match)
        self.extension.saw(words, titled=match.group(2) is not None)
        return f"{CALLOUT_CLASS}--{kind_of(words)}", None if title is None else plain_title(title)


class FoldedCalloutProcessor(DetailsProcessor):
    """``??? kind "Title"`` as a ``details.opspor-callout``: upstream's parser, then our classes.

    Upstream has no hook for the class, so :meth:`run` lets it build the element and then sets
    the classes on the ``details`` it has just added (the last child of ``parent``: what came
    before the marker was parsed first, the body went inside). A block that only continues an
    open ``details`` builds nothing new and is left alone. ``saneheaders`` stays off: Opspor does
    not load ``pymdownx.saneheaders``.
    """

    def __init__(self, parser: Any, extension: CalloutExtension):
        super().__init__(parser)
        self.extension = extension

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = self.START.search(blocks[0])
        super().run(parent, blocks)
        if match is None:
            return
        details = parent[-1]
        words = match.group(4) or match.group(2)
        self.extension.saw(words, titled=match.group(4) is None)
        attributes = {"class": callout_classes(words)}
        if details.get("open") is not None:
            attributes["open"] = "open"
        details.attrib = attributes  # class first, as in the div
        summary = details.find("summary")
        if summary is not None:
            summary.set("class", TITLE_CLASS)
            for node in summary.iter():
                if node.text:
                    node.text = plain_title(node.text)


class CalloutExtension(Extension):
    """Python-Markdown extension ``course.callouts``: both callout syntaxes, in Opspor's markup.

    In place of ``admonition`` and ``pymdownx.details`` in the one extension list
    (:data:`course.markup_policy.AUTHOR_EXTENSIONS`, :data:`course.site.page_markdown.PAGE_EXTENSIONS`);
    loading either of those as well would parse the same blocks twice over.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.unknown_kinds: list[str] = []  # the first word of each callout of an unknown kind, in order
        self.untitled: list[str] = []  # the kind of each callout written with no title at all

    def saw(self, words: str | None, *, titled: bool) -> None:
        first = (words or "").split(" ", 1)[0]
        if first.lower() not in KINDS:
            self.unknown_kinds.append(first)
        if not titled:
            self.untitled.append(first)

    def reset(self) -> None:
        """Called by ``Markdown.reset()``: a reused instance reports each text's own callouts."""
        self.unknown_kinds.clear()
        self.untitled.clear()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.parser.blockprocessors.register(CalloutProcessor(md.parser, self), "opspor_callout", PRIORITY)
        md.parser.blockprocessors.register(FoldedCalloutProcessor(md.parser, self), "opspor_callout_folded",
                                           PRIORITY)


def makeExtension(**kwargs: Any) -> CalloutExtension:
    return CalloutExtension(**kwargs)
