"""The coverage check: every claim token in the course lies inside a ledger entry's phrase.

A token is covered when, in the same text unit, some entry's ``match`` phrase matches a span
that contains the whole token. Phrases that match nothing are reported as warnings: the text
they vouched for has probably changed, so the entry is likely stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from course.claims.tokens import Token, TokenKind, find_tokens
from course.claims.units import course_units
from course.diagnostics import Problem
from course.loading.claims_ledger import LEDGER_FILE
from course.model import Course

KIND_LABELS: dict[TokenKind, str] = {
    "paragraf": "paragrafhenvisning",
    "telefonnummer": "telefonnummer",
    "procent": "procentsats",
    "frist": "frist eller varighed",
}


@dataclass
class CoverageReport:
    tokens: int = 0
    covered: int = 0
    uncovered: list[Problem] = field(default_factory=list)
    stale: list[Problem] = field(default_factory=list)  # warnings, never failures


def check_claims(course: Course) -> CoverageReport:
    """Find every claim token in ``course`` and which of them no ledger entry covers."""
    phrases = [(entry, index, pattern) for entry in course.claims
               for index, pattern in enumerate(entry.claim.patterns())]
    used: set[tuple[str, int]] = set()
    report = CoverageReport()
    for unit in course_units(course):
        spans = []
        for entry, index, pattern in phrases:
            found = [(m.start(), m.end()) for m in pattern.finditer(unit.text) if m.end() > m.start()]
            if found:
                used.add((entry.claim.id, index))
                spans += found
        for token in find_tokens(unit.text):
            report.tokens += 1
            if any(start <= token.start and token.end <= end for start, end in spans):
                report.covered += 1
            else:
                report.uncovered.append(Problem(unit.path, unit.line_at(token.start), _message(token)))
    for entry, index, _ in phrases:
        if (entry.claim.id, index) not in used:
            report.stale.append(Problem(
                LEDGER_FILE, entry.match_lines[index],
                f"warning: match {entry.claim.match[index]!r} of '{entry.claim.id}' matches nothing in the "
                "course; the text may have changed (stale entry?)"))
    return report


def _message(token: Token) -> str:
    return (f'påstand uden kilde i claims.yml: "{token.text}" ({KIND_LABELS[token.kind]}; tilføj en post, '
            "eller et match i en post, der dækker den)")
