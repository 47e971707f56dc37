"""Dates, hours and percentages as the course's language writes them, from Babel's CLDR data.

Hand-made month lists and ``"{:g}".replace(".", ",")`` were right for Danish only, and a
second language would have needed its own copy of each rule. The locale is the course's
``language:`` (course.yml, default ``da``), the same code that picks the UI strings.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def long_date(date: dt.date, language: str = "da") -> str:
    """``1. marts 2026`` in Danish, ``March 1, 2026`` in English: certificates, workshop kits."""
    return format_date(date, "long", locale=_locale(language))


def format_hours(hours: float, language: str = "da") -> str:
    """``4``, ``1,5``, ``2,25`` in Danish (a quarter-hour count has at most two decimals)."""
    return format_decimal(hours, format="#,##0.##", locale=_locale(language))


def format_percent_mark(percent: int, language: str = "da") -> str:
    """A pass mark of ``80`` as ``80 %`` in Danish, with a no-break space so the sign never starts a line."""
    return format_percent(percent / 100, locale=_locale(language))
