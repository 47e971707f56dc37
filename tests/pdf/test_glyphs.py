"""The name fonts' character maps decide what a certificate can print, and whether in italic."""

from __future__ import annotations

import pytest

from course.pdf.glyphs import missing_characters, needs_upright, unprintable


@pytest.mark.parametrize(("name", "upright"), [("Åse Øberg-Lærkesen", False), ("Ολυμπία", False), ("Ёлка", False),
                                               ("Ida Holm 😀", False), ("مریم\u200cالسادات رضایی", True)])
def test_a_name_is_italic_unless_its_italic_would_be_synthesised(name: str, upright: bool) -> None:
    assert missing_characters(name) == []
    assert needs_upright(name) is upright


def test_joiners_and_variation_selectors_need_no_glyph_but_the_emoji_around_them_do() -> None:
    assert missing_characters("❤\ufe0f Bo\u200dx") == []
    assert missing_characters("Ida 👩\u200d💻 👩") == ["👩", "💻"]
    assert unprintable("中文") == ("the name contains 中 (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D), which the certificate "
                                 "fonts (EB Garamond, DejaVu Serif, DejaVu Sans) cannot print, so it would be "
                                 "missing from the certificate; write the name without it")
