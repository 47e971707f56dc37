"""Reading ``claims.yml`` into :class:`course.model.Claim` entries, every problem located.

The structure (keys, types, dates, statuses, regexes) is checked by the pydantic model;
what spans entries (duplicate ids) and entry dates that contradict each other are checked here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from course.diagnostics import Problem
from course.loading.structure import validate_structure
from course.loading.text_files import SourceTextError, read_text
from course.loading.yaml_source import LocatedYaml, YamlSyntaxError, parse_located
from course.model import Claim, LedgerEntry

LEDGER_FILE = "claims.yml"


def load_ledger(root: Path) -> tuple[tuple[LedgerEntry, ...], list[Problem]]:
    """The ledger of the course in ``root`` (empty if it has none) and its problems."""
    path = root / LEDGER_FILE
    if not path.exists():
        return (), []
    try:
        located = parse_located(read_text(path))
    except (SourceTextError, YamlSyntaxError) as exc:
        return (), [Problem(LEDGER_FILE, exc.line, str(exc))]
    if located.data is None:
        return (), []
    if not isinstance(located.data, list):
        return (), [Problem(LEDGER_FILE, 1, "claims.yml must be a list of entries ('- id: ...')")]
    problems: list[Problem] = []
    claims: list[tuple[Claim, int]] = []
    entries: list[LedgerEntry] = []
    for index, entry in enumerate(located.data):
        item = LocatedYaml(entry, {k[1:]: v for k, v in located.lines.items() if k[:1] == (index,)},
                           [d for d in located.duplicates if _within(located, index, d[0])])
        claim = validate_structure(Claim, item, LEDGER_FILE, problems)
        if claim is None:
            continue
        claims.append((claim, index))
        entries.append(LedgerEntry(claim, located.line_of((index,)),
                                   tuple(item.line_of(("match", i)) for i in range(len(claim.match)))))
        if claim.review_by < claim.verified:
            problems.append(Problem(LEDGER_FILE, item.line_of(("review_by",)),
                                    f"review_by {claim.review_by} is before verified {claim.verified}"))
    counts = Counter(claim.id for claim, _ in claims)
    seen: set[str] = set()
    for claim, index in claims:
        if counts[claim.id] > 1 and claim.id in seen:
            problems.append(Problem(LEDGER_FILE, located.line_of((index, "id")),
                                    f"duplicate claim id '{claim.id}'; every entry needs its own id"))
        seen.add(claim.id)
    return tuple(entries), problems


def _within(located: LocatedYaml, index: int, line: int) -> bool:
    """Whether a duplicate-key line falls inside entry ``index`` (so it is reported once)."""
    start = located.lines.get((index,), 0)
    following = located.lines.get((index + 1,))
    return start <= line and (following is None or line < following)

