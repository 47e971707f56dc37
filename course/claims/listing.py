"""The ledger as a table for people: what to re-check, against which source, by when."""

from __future__ import annotations

import datetime as dt

from course.model import LedgerEntry

HEADERS = ("id", "status", "review_by", "source")


def due(entries: tuple[LedgerEntry, ...], today: dt.date) -> list[LedgerEntry]:
    """Entries whose ``review_by`` date is before ``today``, the most overdue first."""
    return sorted((e for e in entries if e.claim.review_by < today), key=lambda e: e.claim.review_by)


def ledger_table(entries: list[LedgerEntry] | tuple[LedgerEntry, ...]) -> list[str]:
    """Aligned text rows: a header, then one row per entry (source as publisher, section)."""
    rows = [HEADERS] + [
        (e.claim.id, e.claim.status, e.claim.review_by.isoformat(),
         f"{e.claim.source.publisher}, {e.claim.source.section or e.claim.source.title}")
        for e in entries
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS) - 1)]
    return [("  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)) + "  " + row[-1])
            for row in rows]
