"""The coverage check: every claim token in the course lies inside a ledger entry's phrase.

A token is covered when, in the same text unit, some entry's ``match`` phrase matches a span
that contains the whole token. Phrases that match nothing are reported as warnings: the text
they vouched for has probably changed, so the entry is likely stale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from course.claims.tokens import Token, TokenKind, find_tokens
from course.claims.units import TextUnit, body_sources, markdown_units, yaml_units
from course.diagnostics import Problem
from course.loading.claims_ledger import LEDGER_FILE
from course.model import Course
from course.process_start import cores, worker_context

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


Phrase = tuple[str, int, re.Pattern[str]]  # (claim id, index of its match, the compiled phrase)
PARALLEL_FROM = 200  # bodies per worker at least: below that, a worker costs more than it saves
MAX_WORKERS = 4


@dataclass
class _Tally:
    """What one run of units gave: token counts, the uncovered ones, and the phrases that matched."""

    tokens: int = 0
    covered: int = 0
    uncovered: list[Problem] = field(default_factory=list)
    used: set[tuple[str, int]] = field(default_factory=set)


def check_claims(course: Course) -> CoverageReport:
    """Find every claim token in ``course`` and which of them no ledger entry covers.

    The bodies' units (a Markdown parse each) are most of the work, so a large course's bodies are
    tallied by forked workers, one run of consecutive bodies each, joined in order: the same report.
    """
    phrases = [(entry.claim.id, index, pattern) for entry in course.claims
               for index, pattern in enumerate(entry.claim.patterns())]
    tallies = _body_tallies(body_sources(course), phrases)
    tallies.append(_tally(yaml_units(course), phrases))
    report = CoverageReport()
    used: set[tuple[str, int]] = set()
    for tally in tallies:
        report.tokens += tally.tokens
        report.covered += tally.covered
        report.uncovered += tally.uncovered
        used |= tally.used
    for entry in course.claims:
        for index, _ in enumerate(entry.claim.match):
            if (entry.claim.id, index) not in used:
                report.stale.append(Problem(
                    LEDGER_FILE, entry.match_lines[index],
                    f"warning: match {entry.claim.match[index]!r} of '{entry.claim.id}' matches nothing in the "
                    "course; the text may have changed (stale entry?)"))
    return report


def _body_tallies(bodies: list[tuple[str, str, int]], phrases: list[Phrase]) -> list[_Tally]:
    workers = min(cores(), MAX_WORKERS, len(bodies) // PARALLEL_FROM)
    context = worker_context()
    if workers < 2 or context.get_start_method() != "fork":
        return [_tally_bodies((bodies, phrases))]
    size = -(-len(bodies) // workers)
    runs = [(bodies[i : i + size], phrases) for i in range(0, len(bodies), size)]
    with ProcessPoolExecutor(len(runs), mp_context=context) as pool:
        return list(pool.map(_tally_bodies, runs))


def _tally_bodies(run: tuple[list[tuple[str, str, int]], list[Phrase]]) -> _Tally:
    bodies, phrases = run
    return _tally((unit for body in bodies for unit in markdown_units(*body)), phrases)


def _tally(units: Iterable[TextUnit], phrases: list[Phrase]) -> _Tally:
    tally = _Tally()
    for unit in units:
        spans = []
        for claim_id, index, pattern in phrases:
            found = [(m.start(), m.end()) for m in pattern.finditer(unit.text) if m.end() > m.start()]
            if found:
                tally.used.add((claim_id, index))
                spans += found
        for token in find_tokens(unit.text):
            tally.tokens += 1
            if any(start <= token.start and token.end <= end for start, end in spans):
                tally.covered += 1
            else:
                tally.uncovered.append(Problem(unit.path, unit.line_at(token.start), _message(token)))
    return tally


def _message(token: Token) -> str:
    return (f'påstand uden kilde i claims.yml: "{token.text}" ({KIND_LABELS[token.kind]}; tilføj en post, '
            "eller et match i en post, der dækker den)")
