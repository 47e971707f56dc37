"""Phone numbers in an edition's running text: tel: links as the Markdown parser reads them."""

from __future__ import annotations

from course.editions.phones import text_phone_problems


def test_a_bad_tel_link_is_reported_at_its_place() -> None:
    text = "Ring til os.\n\n[Ring](tel:12345) i dagtiden."
    [(offset, message)] = text_phone_problems(text, example=False)
    assert text.count("\n", 0, offset) == 2
    assert message.startswith("link tel:12345: phone '12345' is not 8 digits")


def test_a_tel_link_shown_as_code_is_not_a_link() -> None:
    # An example of the syntax in a code span is text, not a link: the parser knows, a pattern would not.
    assert text_phone_problems("Skriv fx `[Ring](tel:12345)` for et link.", example=False) == []


def test_good_numbers_and_the_placeholder_rule() -> None:
    assert text_phone_problems("[Ring](tel:+4576810101) eller [1888](tel:1888).", example=False) == []
    assert text_phone_problems("Nummer: XX XX XX XX.", example=True) == []
    [(offset, message)] = text_phone_problems("Nummer: XX XX XX XX.", example=False)
    assert offset == 8 and "example placeholder" in message
