"""Claim tokens: the short pieces of course text a reader could act on and that go out of date.

A paragraph reference, a phone number, a percentage or a deadline written with digits
is the part of a sentence that changes when a law, a service or a statistic changes, so
each one must be covered by a ledger entry (:mod:`course.claims.coverage`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["paragraf", "telefonnummer", "procent", "frist"]

# "§ 152 e", "§§ 107-110" (the token is "§§ 107"), "§ 43 stk. 4" (the token is "§ 43").
# The optional letter is never "i": "§ 21 i tilholdsloven" is "§ 21" followed by "in".
_PARAGRAPH = r"§§?\s*\d+(?:\s?[a-hj-zæøå](?![\w-]))?"
# 8 digits (70 20 30 82, 7020 3082, 70203082), 116 xxx, and the short service numbers.
_PHONE = r"(?<![\d.,/-])(?:\d{2}(?:[ \u00a0]?\d{2}){3}|116[ \u00a0]?\d{3}|112|114|1813|1888)(?!\d|[.,]\d)"
_PERCENT = r"(?<![\d.,])\d+(?:[.,]\d+)?[ \u00a0]?(?:%|procent\b)"
_UNITS = "hverdage|timer|time|døgn|dage|dag|uger|uge|måneder|måned|år"
# "24 timer", "6-12 måneder", "4 ugers klagefrist" (a genitive -s is the same deadline)
_DEADLINE = rf"(?<![\d.,])\d+(?:[.,]\d+)?(?:\s?[-–]\s?\d+)?[ \u00a0](?:{_UNITS})s?(?!\w)"

_TOKEN_RE = re.compile(
    rf"(?P<paragraf>{_PARAGRAPH})|(?P<procent>{_PERCENT})|(?P<frist>{_DEADLINE})|(?P<telefonnummer>{_PHONE})",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")  # every kind of token has one


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    start: int
    end: int
    text: str


def find_tokens(text: str) -> list[Token]:
    """Every claim token in ``text``; digits inside web addresses are not claims."""
    if not _DIGIT_RE.search(text):
        return []  # most of a course's paragraphs: no digit, so no token (and no need to mask addresses)
    masked = _URL_RE.sub(lambda m: " " * len(m.group(0)), text)
    tokens = []
    for match in _TOKEN_RE.finditer(masked):
        kind = match.lastgroup
        assert kind is not None
        tokens.append(Token(kind, match.start(), match.end(), " ".join(match.group(0).split())))  # type: ignore[arg-type]
    return tokens
