"""Putting an edition's text into a module's slots: Markdown in, Markdown out, raw HTML shown as text."""

from __future__ import annotations

from course.slots.fill import fill_slots

BODY = 'Før.\n\n!!! lokal "a"\n    National a.\n\n    Mere a.\n\n!!! lokal "b"\n    National b.\n\nEfter.'


def test_only_the_named_slots_are_filled_and_the_rest_of_the_body_stays() -> None:
    assert fill_slots(BODY, {"a": "Lokal a.\n\nAnden linje."}) == (
        'Før.\n\n!!! lokal "a"\n    Lokal a.\n\n    Anden linje.\n\n!!! lokal "b"\n    National b.\n\nEfter.')


def test_edition_text_is_escaped_so_it_can_never_become_markup() -> None:
    filled = fill_slots(BODY, {"b": '<script>alert(1)</script> & <img src=x onerror=alert(1)>'})
    assert "<script>" not in filled and "<img" not in filled
    assert "    &lt;script>alert(1)&lt;/script> &amp; &lt;img src=x onerror=alert(1)>" in filled


def test_print_fills_unescaped_because_it_escapes_the_whole_body_itself() -> None:
    assert "    <b>x</b>" in fill_slots(BODY, {"a": "<b>x</b>"}, escape=False)


def test_no_fills_is_the_body_unchanged() -> None:
    assert fill_slots(BODY, {}) == BODY
