"""Claim tokens are found as FORMAT.md describes them, and nothing else is."""

from __future__ import annotations

import pytest

from course.claims.tokens import find_tokens


def tokens(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in find_tokens(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("efter straffeloven § 152 e nr. 2", [("paragraf", "§ 152 e")]),
    ("serviceloven §§ 107-110", [("paragraf", "§§ 107")]),
    ("sundhedsloven § 43 stk. 4", [("paragraf", "§ 43")]),
    ("§ 21 i tilholdsloven", [("paragraf", "§ 21")]),  # "i" is the preposition, not litra i
    ("§\u00a0109", [("paragraf", "§ 109")]),
    ("Ring 70 20 30 82 eller 70203082.", [("telefonnummer", "70 20 30 82"), ("telefonnummer", "70203082")]),
    ("116 006, 116111, 1888, 112 og 114", [("telefonnummer", "116 006"), ("telefonnummer", "116111"),
                                          ("telefonnummer", "1888"), ("telefonnummer", "112"),
                                          ("telefonnummer", "114")]),
    ("92 %, 4,5 % og 17% samt 30 procent", [("procent", "92 %"), ("procent", "4,5 %"), ("procent", "17%"),
                                             ("procent", "30 procent")]),
    ("24 timer, 3 hverdage, 6 hverdage, 4 uger, 5 år, 6 måneder, 14 dage",
     [("frist", t) for t in ("24 timer", "3 hverdage", "6 hverdage", "4 uger", "5 år", "6 måneder", "14 dage")]),
    ("en 4 ugers klagefrist i 6-12 måneder", [("frist", "4 ugers"), ("frist", "6-12 måneder")]),
])
def test_tokens_of_every_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize("text", [
    "https://www.retsinformation.dk/eli/lta/2023/12345678",  # digits in an address
    "to timer senere",  # narrative time in words
    "1. april 2019 kl. 10.30",
    "Lev Uden Vold fik 6.222 henvendelser i 2022",
    "en 12,5 cm lang rift",
])
def test_no_tokens(text: str) -> None:
    assert tokens(text) == []


def test_a_paragraph_number_is_not_also_a_phone_number() -> None:
    assert tokens("retsplejeloven § 112") == [("paragraf", "§ 112")]
