"""Read a workshop roster exported from a spreadsheet.

People export CSV from Excel, LibreOffice or an LMS: UTF-8 with or without a
BOM, ``;`` (Danish Excel) or ``,`` between fields. A bad row stops the whole run
with ``FILE:line: what is wrong`` so no certificate is printed from half a list.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

NAME_HEADERS = ("navn", "fulde navn", "fuldt navn", "deltager", "deltagernavn", "name", "full name",
                "participant")
FIRST_NAME_HEADERS = ("fornavn", "fornavne", "first name", "given name")
LAST_NAME_HEADERS = ("efternavn", "last name", "surname", "family name")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class Participant:
    name: str
    line: int  # line in the roster file, for messages


class RosterError(Exception):
    """One ``FILE:line: message`` problem; nothing has been written when it is raised."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def _header_key(cell: str) -> str:
    return " ".join(cell.strip().strip('"').lower().replace("_", " ").replace("-", " ").split())


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterError(path, line, "the file is not UTF-8; save it as 'CSV UTF-8' and try again") from None


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") and ";" in header_line else ","


def clean_name(raw: str) -> str:
    """Normalise spacing and Unicode form; control characters are rejected by the caller."""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _name_problem(name: str) -> str | None:
    if not name:
        return "the name is empty"
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return "the name contains a control character"
    if len(name) > MAX_NAME_LENGTH:
        return f"the name is longer than {MAX_NAME_LENGTH} characters"
    return None


def read_roster(path: Path) -> list[Participant]:
    """All participants of ``path``, in file order; raises :class:`RosterError` on the first bad row."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(path, None, f"cannot read the roster ({exc.strerror})") from None
    text = _decode(path, data)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise RosterError(path, None, "the roster is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[first]))
    header: list[str] | None = None
    columns: tuple[int, ...] = ()
    participants: list[Participant] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [_header_key(cell) for cell in row]
            columns = _name_columns(path, line, header)
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            raise RosterError(path, line, f"{len(row)} fields, but the header has {len(header)}; "
                              "is there a stray separator in a name?")
        raw = " ".join(row[i] if i < len(row) else "" for i in columns)
        name = clean_name(raw)
        problem = _name_problem(name)
        if problem:
            raise RosterError(path, line, problem)
        participants.append(Participant(name=name, line=line))
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
