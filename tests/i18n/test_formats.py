"""Dates, hours and pass marks as a reader of the course's language expects them (Babel, CLDR)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from course.i18n.formats import format_hours, format_percent_mark, long_date
from course.model import Course
from course.pdf.renderer import PrintRenderer


@pytest.mark.parametrize(("language", "expected"), [("da", "1. marts 2026"), ("en", "March 1, 2026")])
def test_long_date(language: str, expected: str) -> None:
    assert long_date(dt.date(2026, 3, 1), language) == expected


@pytest.mark.parametrize(("hours", "da", "en"), [(4.0, "4", "4"), (1.5, "1,5", "1.5"), (2.25, "2,25", "2.25")])
def test_hours_have_the_language_decimal_mark_and_no_trailing_zero(hours: float, da: str, en: str) -> None:
    assert (format_hours(hours, "da"), format_hours(hours, "en")) == (da, en)


def test_a_danish_pass_mark_keeps_number_and_sign_together() -> None:
    assert format_percent_mark(80, "da") == "80\u00a0%"
    assert format_percent_mark(80, "en") == "80%"


def test_print_templates_format_in_the_course_language() -> None:
    danish, english = PrintRenderer("da").env, PrintRenderer("en").env
    template = "{{ d|long_date }} · {{ h|hours }}"
    values = {"d": dt.date(2026, 11, 27), "h": 1.5}
    assert danish.from_string(template).render(values) == "27. november 2026 · 1,5"
    assert english.from_string(template).render(values) == "November 27, 2026 · 1.5"


def test_the_track_page_states_hours_and_pass_mark_in_danish(mini_course: Course, tmp_path: Path) -> None:
    from course.i18n import ui_strings
    from course.site.docs_tree import DocsTreeWriter

    docs = tmp_path / "docs"
    DocsTreeWriter(mini_course, ui_strings("da"), docs).write_track(mini_course.tracks["politi"])
    text = (docs / "spor" / "politi.md").read_text("utf-8")
    hours = format_hours(mini_course.track_hours("politi"))
    assert f"**Beståelseskrav:** {mini_course.tracks['politi'].pass_mark}\u00a0%" in text
    assert f"{hours} (" in text
