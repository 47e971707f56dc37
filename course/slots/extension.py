"""The Python-Markdown extension that renders ``!!! lokal "name"`` slots.

Built like :mod:`course.quiz.extension`: a preprocessor finds each slot with the compiler's own
parser (:mod:`course.loading.slot_syntax`, the one ``check`` validates with) and leaves a
placeholder paragraph; a block processor turns the placeholder into a marked box and hands the
slot's Markdown to the host Markdown's own parser, so links and the markup guard apply inside it
exactly as in the rest of the page.

The box says whose text it is: the national default ("Din lokale vej") or the edition's
("Sådan gør vi i <kommune>"). Config ``filled`` names the slots an edition filled; ``edition``
is the edition's name. The text given to this extension is already escaped by its caller (the
docs tree escapes edition text in :mod:`course.slots.fill`, print escapes everything).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from course.callouts import CALLOUT_CLASS, TITLE_CLASS
from course.loading.slot_syntax import slot_spans

PLACEHOLDER = "OPSPORSLOTBLOCK{}X"
PLACEHOLDER_RE = re.compile(r"^OPSPORSLOTBLOCK(\d+)X$")
DEFAULT_STRINGS = {
    "slot_national_title": "Din lokale vej",
    "slot_edition_title": "Sådan gør vi i {name}",
}


class SlotPreprocessor(Preprocessor):
    """Cuts every slot out of the page and leaves a numbered placeholder paragraph."""

    def __init__(self, md: Markdown, extension: SlotExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        spans, _ = slot_spans(lines)  # malformed directives are check's business; they stay text
        self.extension.slots = []
        out: list[str] = []
        position = 0
        for span in spans:
            out += lines[position : span.open_index]
            out += ["", PLACEHOLDER.format(len(self.extension.slots)), ""]
            self.extension.slots.append((span.name, span.default))
            position = span.end_index
        return out + lines[position:]


class SlotBlockProcessor(BlockProcessor):
    """Turns a placeholder paragraph into the slot's box."""

    def __init__(self, parser: Any, extension: SlotExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(PLACEHOLDER_RE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert match is not None
        name, text = self.extension.slots[int(match.group(1))]
        strings = {**DEFAULT_STRINGS, **self.extension.getConfig("strings")}
        edition = self.extension.getConfig("edition")
        filled = edition and name in self.extension.getConfig("filled")
        box = etree.SubElement(parent, "div")
        # a callout (course.callouts) of its own kind: opspor.css gives each side of a slot its colours
        box.set("class", f"{CALLOUT_CLASS} opspor-lokal opspor-lokal--{'udgave' if filled else 'national'}")
        box.set("data-slot", name)
        title = etree.SubElement(box, "p")
        title.set("class", TITLE_CLASS)
        label = strings["slot_edition_title"].format(name=edition) if filled else strings["slot_national_title"]
        title.text = AtomicString(label)  # the edition's name is shown as written, never as Markdown
        self.parser.parseChunk(box, text)


class SlotExtension(Extension):
    """``!!! lokal "name"`` slots as marked boxes.

    Config: ``strings`` (slot_* keys of course/i18n), ``edition`` (the edition's name, or empty)
    and ``filled`` (the slot names the edition filled).
    """

    def __init__(self, **kwargs: Any):
        self.config = {
            "strings": [{}, "UI strings (slot_* keys of course/i18n)"],
            "edition": ["", "the local edition's name; empty for the national course"],
            "filled": [[], "slot names the edition filled"],
        }
        self.slots: list[tuple[str, str]] = []
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # after normalize_whitespace (30) and the quiz cutter (29), before fenced code (25) and raw HTML (20)
        md.preprocessors.register(SlotPreprocessor(md, self), "opspor_slot", 28)
        md.parser.blockprocessors.register(SlotBlockProcessor(md.parser, self), "opspor_slot", 104)

    def reset(self) -> None:
        self.slots = []


def makeExtension(**kwargs: Any) -> SlotExtension:
    return SlotExtension(**kwargs)
