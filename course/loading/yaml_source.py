"""YAML parsing that remembers where every value came from, and survives hostile input.

PyYAML's plain ``safe_load`` forgets line numbers, and both it and ``compose``
recurse once per nesting level, expand aliases without limit and let a bad tagged
value escape as a bare ``ValueError``. So we read PyYAML's event stream (its
scanner and parser are iterative) and build plain Python data ourselves, without
recursion: nesting is capped, aliases may not refer to themselves and may add at
most ``MAX_ALIAS_VALUES`` values (a 300-byte "billion laughs" stops at once), a
list or mapping is refused as a key, and every scalar that cannot be constructed
(``2024-02-30``, ``!!bool maybe``, a 5,000-digit number) is a located error.

Line numbers count ``\\n`` only, as editors and ``grep -n`` do. YAML 1.1 also
breaks lines at U+0085, U+2028 and U+2029; those are swapped for private-use
stand-ins while parsing (one character for one, so positions hold) and put back in
the values, so they stay ordinary characters and never shift later lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from course.model import TextPlace

KeyPath = tuple[Any, ...]

MAX_DEPTH = 50  # the course's own files nest about six levels
MAX_ALIAS_VALUES = 10_000  # values added by aliases, per file
MAX_NUMBER_DIGITS = 1_000  # Python itself refuses int() of more than 4,300 digits

_MAX_BRACKETS = 4 * MAX_DEPTH
_BRACKETS = re.compile(r"[\[\]{}]")
_YAML_LINE_BREAKS = "\x85\u2028\u2029"
_TAG = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {None, "!", f"{_TAG}seq", f"{_TAG}map"}


@dataclass
class LocatedYaml:
    """Plain Python data plus the line of each key path (``()`` is the document)."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    strings: dict[KeyPath, tuple[str, TextPlace]] = field(default_factory=dict)  # every string value
    block_text: dict[KeyPath, int] = field(default_factory=dict)  # `|`/`>` text -> its first line

    def text_line(self, path: KeyPath) -> int:
        """The line a string value's text starts on (a block scalar starts below its key)."""
        return self.block_text.get(tuple(path)) or self.line_of(path)

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path`` or of its nearest located ancestor."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class YamlSyntaxError(Exception):
    """A YAML file that cannot be read as course data; carries the 1-based line."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class _Frame:
    """A list or mapping being built."""

    value: list[Any] | dict[Any, Any]
    path: KeyPath
    anchor: str | None
    key: Any = None
    key_line: int = 0
    has_key: bool = False
    size: int = 1
    height: int = 1


@dataclass(frozen=True)
class _Anchored:
    value: Any
    size: int
    height: int


# libyaml's parser, PyYAML's C twin, when PyYAML was built with it: the same events and marks for the
# plain YAML of front matter and course files, four times faster. The two differ at the edges (a tab
# after a colon, a byte-order mark, "---" lines, tags, block-scalar headers, anchors...), so libyaml
# only reads text without any of those characters, and only its successes are kept.
_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
_PURE_ONLY = re.compile(r"[^\n -~\u00a0-\ud7ff\ue000-\ufffc]|[\t\r!|>?%&*{}\\@`]|^(---|\.\.\.)", re.MULTILINE)


def parse_located(text: str, line_offset: int = 0) -> LocatedYaml:
    """Parse one YAML document; ``line_offset`` shifts lines (for front matter).

    Plain text (no character in ``_PURE_ONLY``) goes to libyaml first. Anything libyaml or the
    builder refuses is read again by PyYAML's pure parser, so every error keeps its message and
    line, and what PyYAML refuses is never accepted.
    """
    _check_flow_depth(text, line_offset)
    source = text.split("\n")  # lines as editors count them (not splitlines: U+2028 is no break)
    stand_ins = _stand_ins(text)
    if stand_ins:
        text = text.translate({ord(c): s for c, s in stand_ins.items()})
    back = {ord(s): c for c, s in stand_ins.items()}
    if _FAST_LOADER is not None and not _PURE_ONLY.search(text):
        builder = _Builder(line_offset, back, source)
        try:
            _feed(_FAST_LOADER(text), builder)
            return builder.result
        except Exception:  # refused: the pure parser below says why, as it always has
            pass
    builder = _Builder(line_offset, back, source)
    try:
        _feed(yaml.SafeLoader(text), builder)  # its reader refuses control characters right here
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(line, f"YAML syntax error: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        raise YamlSyntaxError(line, f"character U+{exc.character:04X} is not allowed in YAML; remove it") from None
    return builder.result


def _feed(loader: Any, builder: _Builder) -> None:
    """Every event of ``loader`` into ``builder``; the loader is disposed of either way."""
    try:
        while loader.check_event():
            builder.feed(loader.get_event(), loader)
    finally:
        loader.dispose()


def _check_flow_depth(text: str, line_offset: int) -> None:
    """Refuse absurdly deep ``[`` / ``{`` nesting before PyYAML sees it.

    PyYAML's scanner looks ahead over every open bracket before it yields the first
    token (any of them might start a key), which is quadratic in the nesting: 3,000
    brackets take seconds and 10,000 minutes. Brackets inside quoted strings count
    too, which only matters for text with hundreds of unclosed brackets.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        if depth > _MAX_BRACKETS:
            line = text.count("\n", 0, match.start()) + 1 + line_offset
            raise YamlSyntaxError(line, f"nested more than {MAX_DEPTH} levels deep")


def _string_place(node: yaml.Node | ScalarEvent, value: str, source: list[str], offset: int) -> TextPlace:
    """Which source line each part of a (possibly folded, multi-line) string value came from.

    YAML folds and unescapes, so the value's characters cannot be counted back to
    the file; instead each source line's text is found, in order, in the value.
    """
    first, last = node.start_mark.line, node.end_mark.line
    if node.end_mark.column == 0 and last > first:
        last -= 1  # a block scalar ends at the start of the next line
    starts: list[tuple[int, int]] = []
    cursor = 0
    for number in range(first, min(last, len(source) - 1) + 1):
        raw = source[number]
        if number == first:
            if node.style in ("|", ">"):
                continue  # the line holding the block indicator has no content
            raw = raw[node.start_mark.column:]
        piece = raw.strip().strip("'\"").strip()[:24]
        found = value.find(piece, cursor) if piece else -1
        if found < 0:
            continue
        starts.append((found, number + 1 + offset))
        cursor = found + len(piece)
    if not starts or starts[0][0] != 0:
        content_line = first + (2 if node.style in ("|", ">") else 1) + offset
        starts.insert(0, (0, content_line if not starts else min(content_line, starts[0][1])))
    return TextPlace(tuple(starts))


def _stand_ins(text: str) -> dict[str, str]:
    """Private-use characters absent from ``text``, one for each YAML-only line break in it."""
    present = [c for c in _YAML_LINE_BREAKS if c in text]
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    return {c: next(free) for c in present}


class _Builder:
    """Turns parser events into plain data and a line map, with an explicit stack."""

    def __init__(self, offset: int, restore: dict[int, str], source: list[str]):
        self.offset = offset
        self.restore = restore
        self.source = source
        self.result = LocatedYaml(data=None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchored] = {}
        self.alias_values = 0
        self.documents = 0

    def line(self, event: yaml.Event) -> int:
        return event.start_mark.line + 1 + self.offset

    def fail(self, event: yaml.Event, message: str) -> YamlSyntaxError:
        return YamlSyntaxError(self.line(event), message)

    def feed(self, event: yaml.Event, loader: yaml.SafeLoader) -> None:
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "YAML syntax error: only one document per file (a second '---' line)")
        elif isinstance(event, ScalarEvent):
            value = self.scalar(event, loader)
            if event.style in ("|", ">") and not self.awaiting_key():
                self.result.block_text[self.child_path(event)] = event.start_mark.line + 2 + self.offset
            if isinstance(value, str) and value.strip() and not self.awaiting_key():
                place = _string_place(event, value, self.source, self.offset)
                self.result.strings[self.child_path(event)] = (value, place)
            self.anchor(event.anchor, _Anchored(value, 1, 0))
            self.deliver(event, value, 1, 0)
        elif isinstance(event, SequenceStartEvent | MappingStartEvent):
            self.start(event)
        elif isinstance(event, SequenceEndEvent | MappingEndEvent):
            frame = self.stack.pop()
            self.anchor(frame.anchor, _Anchored(frame.value, frame.size, frame.height))
            self.deliver(event, frame.value, frame.size, frame.height)
        elif isinstance(event, AliasEvent):
            self.alias(event)

    def start(self, event: SequenceStartEvent | MappingStartEvent) -> None:
        if event.tag not in _COLLECTION_TAGS:
            raise self.fail(event, f"YAML tag '{_short(event.tag)}' is not used in course files")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep")
        if self.awaiting_key():
            raise self.fail(event, "a list or mapping cannot be a key; keys are plain words")
        path = self.child_path(event)
        self.result.lines.setdefault(path, self.line(event))
        container: list[Any] | dict[Any, Any] = {} if isinstance(event, MappingStartEvent) else []
        self.stack.append(_Frame(container, path, event.anchor))

    def awaiting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and not self.stack[-1].has_key

    def child_path(self, event: yaml.Event) -> KeyPath:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        return (*parent.path, parent.key)

    def alias(self, event: AliasEvent) -> None:
        name = event.anchor
        if any(frame.anchor == name for frame in self.stack):
            raise self.fail(event, f"alias '*{name}' refers to the value it is inside (a recursive alias)")
        if name not in self.anchors:
            raise self.fail(event, f"YAML syntax error: found undefined alias '{name}'")
        target = self.anchors[name]
        self.alias_values += target.size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise self.fail(event, f"aliases expand to more than {MAX_ALIAS_VALUES:,} values; "
                                   "write the values out or use fewer aliases")
        if len(self.stack) + target.height > MAX_DEPTH:
            raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep (through alias '*{name}')")
        if self.awaiting_key() and isinstance(target.value, list | dict):
            raise self.fail(event, "a list or mapping cannot be a key; keys are plain words")
        self.result.lines.setdefault(self.child_path(event), self.line(event))
        self.deliver(event, target.value, target.size, target.height)

    def anchor(self, name: str | None, anchored: _Anchored) -> None:
        if name is not None:
            self.anchors[name] = anchored

    def deliver(self, event: yaml.Event, value: Any, size: int, height: int) -> None:
        """Put a finished value into its parent (or make it the document)."""
        if not self.stack:
            self.result.data = value
            self.result.lines.setdefault((), self.line(event))
            return
        parent = self.stack[-1]
        parent.size += size
        parent.height = max(parent.height, height + 1)
        if isinstance(parent.value, list):
            self.result.lines.setdefault((*parent.path, len(parent.value)), self.line(event))
            parent.value.append(value)
        elif not parent.has_key:
            if value is None or isinstance(value, bool):
                # YAML reads `~:`/`null:` as no key and `yes:`/`no:` as true/false; the model
                # would only say "Keys should be strings", so name the cause here, at its line.
                shown = "~ (null)" if value is None else f"{event.value} (read as true/false)"
                raise self.fail(event, f"'{shown}' cannot be a key; write a plain word, "
                                       "or put it in quotes")
            parent.key, parent.key_line, parent.has_key = value, self.line(event), True
        else:
            key = parent.key
            if key in parent.value:
                self.result.duplicates.append((parent.key_line, str(key)))
            self.result.lines[(*parent.path, key)] = parent.key_line
            parent.value[key] = value
            parent.has_key = False

    def scalar(self, event: ScalarEvent, loader: yaml.SafeLoader) -> Any:
        text = event.value.translate(self.restore) if self.restore else event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == f"{_TAG}merge":
            return text  # '<<' stays a key; the model reports it as unknown
        construct = yaml.SafeLoader.yaml_constructors.get(tag)
        if construct is None or tag in (f"{_TAG}seq", f"{_TAG}map", f"{_TAG}set", f"{_TAG}omap",
                                        f"{_TAG}pairs"):
            raise self.fail(event, f"YAML tag '{_short(tag)}' is not used in course files")
        shown = text if len(text) <= 40 else f"{text[:37]}..."
        implicit = event.tag in (None, "!")
        if tag in (f"{_TAG}int", f"{_TAG}float") and len(text) > MAX_NUMBER_DIGITS:
            raise self.fail(event, f"number too long ({len(text):,} characters); "
                                   "put it in quotes if it is meant as text")
        try:
            return construct(loader, yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style))
        except Exception:  # each PyYAML constructor fails in its own way (ValueError, KeyError,
            # AttributeError, binascii.Error); all of them mean "not a valid value"
            if tag == f"{_TAG}timestamp" and implicit:
                raise self.fail(event, f"'{shown}' is not a real date; put it in quotes if it is meant as "
                                       "text") from None
            raise self.fail(event, f"'{shown}' is not a valid {_short(tag)}") from None


def _short(tag: str | None) -> str:
    return (tag or "?").replace(_TAG, "!!")
