"""Read a workshop roster exported from a spreadsheet.

People export CSV from Excel, LibreOffice or an LMS: UTF-8 with or without a
BOM, ``;`` (Danish Excel) or ``,`` between fields, any line ends. A bad row stops the
whole run with ``FILE:line: what is wrong`` so no certificate is printed from half a list.

The file is streamed: it is read in chunks and parsed row by row, only the names are
kept, so a 10,000-row export costs a few megabytes. Parsing is strict, because a
forgiving CSV reader turns mistakes into wrong certificates: an unclosed quote would
silently merge the following participants into one name. So a field may not run over
several lines, a quote may only enclose a whole field, and a field may hold at most
``MAX_FIELD_CHARS`` characters (a name, an e-mail, a workplace fit many times over; a
pasted document does not).

Names may be in any script: Persian and Indic joiners (ZWNJ, ZWJ), emoji sequences and
combining marks are letters to us. Invisible controls are refused, above all the
text-direction overrides that can make a name display as something else than it is;
so is a character the certificate fonts cannot print (see ``course.pdf.glyphs``).
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from course.errors import OpsporError
from course.loading.text_files import SourceTextError, open_regular

NAME_HEADERS = ("navn", "fulde navn", "fuldt navn", "deltager", "deltagernavn", "name", "full name",
                "participant")
FIRST_NAME_HEADERS = ("fornavn", "fornavne", "first name", "given name")
LAST_NAME_HEADERS = ("efternavn", "last name", "surname", "family name")
MAX_NAME_LENGTH = 100
MAX_FIELD_CHARS = 1000  # any one cell, name or not
MAX_LINE_BYTES = 64 * 1024  # one physical line, checked before the CSV parser sees it
MAX_STACKED_MARKS = 6  # combining marks on one letter: Vietnamese needs 2, "Zalgo" text hundreds
_READ_CHUNK = 64 * 1024
_LINE_END = re.compile(rb"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"

# Format characters that are part of writing, not controls: Persian, Kurdish and Indic
# spelling needs the (non-)joiners, emoji sequences need ZWJ.
JOINERS = frozenset("\u200c\u200d")
# Explicit direction embeddings, overrides and isolates: they reorder what is shown.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A subdivision flag (England, Scotland, Wales): black flag, tag letters, cancel tag.
_EMOJI_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


@dataclass(frozen=True)
class Participant:
    name: str
    line: int  # line in the roster file, for messages
    # every column of the roster as (header as written, cell), the name columns too: the register
    # (kursusbeviser.csv) keeps them, so certificates can be mail-merged by e-mail or unit
    columns: tuple[tuple[str, str], ...] = ()

    def column(self, *keys: str) -> str | None:
        """The first non-empty cell whose header is one of ``keys`` (compared like name headers)."""
        for header, cell in self.columns:
            if _header_key(header) in keys and cell.strip():
                return cell.strip()
        return None


class RosterError(OpsporError):
    """One ``FILE:line: message`` problem; nothing has been written when it is raised."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def _header_key(cell: str) -> str:
    return " ".join(cell.strip().strip('"').lower().replace("_", " ").replace("-", " ").split())


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") and ";" in header_line else ","


def clean_name(raw: str) -> str:
    """Normalise spacing and Unicode form; control characters are rejected by the caller."""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def describe(character: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: how messages name a character, visible or not."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


_LETTER, _MARK, _OTHER = "letter", "mark", "other"


@cache
def _character_kind(character: str) -> str:
    """_LETTER (letters, digits, symbols), _MARK, _OTHER (spaces, punctuation, joiners), or the problem.

    Cached: a roster uses a few hundred distinct characters, and 10,000 names run
    through here at some 20 characters each.
    """
    category = unicodedata.category(character)
    if category[0] in "LNS":
        return _LETTER
    if category[0] == "M":
        return _MARK
    if character in JOINERS or not category.startswith("C"):
        return _OTHER
    if character in BIDI_CONTROLS:
        return (f"the name contains the control character {describe(character)}, which changes the "
                "direction of the text and can make the name display as something else; remove it")
    if category == "Cn":
        return f"the name contains {describe(character)}, which is not a Unicode character; remove it"
    if category == "Co":
        return f"the name contains {describe(character)}, a private-use character no font shares; remove it"
    return f"the name contains the control character {describe(character)}; remove it"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot go on a certificate, or None; for a name already through :func:`clean_name`."""
    if not name:
        return "the name is empty"
    if len(name) > MAX_NAME_LENGTH:
        return f"the name is longer than {MAX_NAME_LENGTH} characters"
    stacked, letters = 0, False
    for character in _EMOJI_TAG_SEQUENCE.sub("\U0001f3f4", name):
        kind = _character_kind(character)
        if kind is _MARK:
            stacked += 1
            if stacked > MAX_STACKED_MARKS:
                return f"the name stacks more than {MAX_STACKED_MARKS} accents or marks on one letter"
            continue
        stacked = 0
        if kind is _LETTER:
            letters = True
        elif kind is not _OTHER:
            return kind
    return None if letters else "the name has no letters"


def _physical_lines(path: Path, handle: BinaryIO) -> Iterator[str]:
    """The file's lines, decoded one by one (so a bad byte is reported at its own line), with their ends.

    ``\\r\\n``, ``\\n`` and a lone ``\\r`` (older Mac exports) all end a line, as in Python's
    universal newlines; the CSV parser gets each line with its end.
    """
    number, pending, first = 0, b"", True
    while True:
        try:
            chunk = handle.read(_READ_CHUNK)
        except OSError as exc:
            raise RosterError(path, None, f"cannot read the roster ({exc.strerror})") from None
        data = pending + chunk
        if first:  # the first read of a regular file holds its first 64 KB, or all of it
            data, first = data.removeprefix(_BOM), False
        start = 0
        for match in _LINE_END.finditer(data):
            if chunk and match.end() == len(data) and match.group() == b"\r":
                break  # a "\n" may follow in the next chunk
            number += 1
            yield _decoded(path, number, data[start:match.end()])
            start = match.end()
        pending = data[start:]
        if not chunk:
            if pending:
                yield _decoded(path, number + 1, pending)
            return
        if len(pending) > MAX_LINE_BYTES:
            raise RosterError(path, number + 1, _LINE_TOO_LONG)


_LINE_TOO_LONG = f"the line is longer than {MAX_LINE_BYTES // 1024} KB; is this really a roster?"


def _decoded(path: Path, number: int, line: bytes) -> str:
    if len(line) > MAX_LINE_BYTES:
        raise RosterError(path, number, _LINE_TOO_LONG)
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise RosterError(path, number, "the file is not UTF-8; save it as 'CSV UTF-8' and try again") from None


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """The csv module's field limit is process-wide: set it for one roster and put it back."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_problem(error: csv.Error, started_before: bool) -> str:
    text = str(error)
    if started_before or "end of data" in text:
        return ('a quote (") opened in this line is not closed; close it, or remove it if it is part of '
                "a name")
    if "field limit" in text:
        return f"a field is longer than {MAX_FIELD_CHARS} characters; is a quote (\") missing?"
    if "expected after" in text:
        return ('text after a closing quote ("); put the whole field in quotes and write each quote in it '
                'twice ("")')
    return 'the line is not valid CSV; check its quotes (")'


def _rows(path: Path, handle: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each non-blank record; RosterError for what a strict reader refuses."""
    lines = _physical_lines(path, handle)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    else:
        raise RosterError(path, None, "the roster is empty")
    reader = csv.reader(itertools.chain(head, lines), delimiter=_delimiter(head[-1]), strict=True)
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RosterError(path, start, _csv_problem(exc, reader.line_num > start)) from None
        end = reader.line_num
        if end > start and any("\n" in cell or "\r" in cell for cell in row):
            raise RosterError(path, start, f'a quote (") opened in this line is only closed in line {end}, so '
                              "the lines between would be one participant; close the quote in its own line")
        if any(cell.strip() for cell in row):
            yield start, row


def iter_participants(path: Path, handle: BinaryIO,
                      printable: Callable[[str], str | None] | None = None) -> Iterator[Participant]:
    """Participants of an open roster, in file order, one row at a time; RosterError at the first bad row."""
    header: list[str] | None = None
    written: list[str] = []
    columns: tuple[int, ...] = ()
    for line, row in _rows(path, handle):
        if header is None:
            header = [_header_key(cell) for cell in row]
            written = [" ".join(cell.split()) for cell in row]
            columns = _name_columns(path, line, header)
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            raise RosterError(path, line, f"{len(row)} fields, but the header has {len(header)}; "
                              "is there a stray separator in a name?")
        name = clean_name(" ".join(row[i] if i < len(row) else "" for i in columns))
        problem = name_problem(name) or (printable(name) if printable else None)
        if problem:
            raise RosterError(path, line, problem)
        cells = tuple((title, " ".join((row[i] if i < len(row) else "").split()))
                      for i, title in enumerate(written) if title)
        yield Participant(name=name, line=line, columns=cells)


def read_roster(path: Path, *, check_glyphs: bool = True) -> list[Participant]:
    """All participants of ``path``, in file order; raises :class:`RosterError` on the first bad row.

    ``path`` must be a regular file: a folder, FIFO, device or dangling link is refused
    before anything is read (a FIFO would wait for a writer forever). With
    ``check_glyphs`` a name the certificate fonts cannot print is refused too.
    """
    try:
        handle = open_regular(path, max_bytes=None)
    except SourceTextError as exc:
        raise RosterError(path, None, f"the roster {exc}") from None
    printable = None
    if check_glyphs:
        from course.pdf.glyphs import unprintable

        printable = unprintable
    with handle, _field_limit(MAX_FIELD_CHARS):
        participants = list(iter_participants(path, handle, printable))
    if not participants:
        raise RosterError(path, None, "the roster has a header but no participants")
    return participants


def _name_columns(path: Path, line: int, header: list[str]) -> tuple[int, ...]:
    for i, key in enumerate(header):
        if key in NAME_HEADERS:
            return (i,)
    first = next((i for i, key in enumerate(header) if key in FIRST_NAME_HEADERS), None)
    last = next((i for i, key in enumerate(header) if key in LAST_NAME_HEADERS), None)
    if first is not None and last is not None:
        return (first, last)
    expected = ", ".join(f"'{h}'" for h in ("navn", "name", "fornavn + efternavn"))
    raise RosterError(path, line, f"no name column in the header (expected one of {expected})")
