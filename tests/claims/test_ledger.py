"""A broken claims.yml names the line and what is wrong, and nothing is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.diagnostics import CourseError
from course.loading import load_course
from tests.helpers_check import check, run_cli

ENTRY = """\
- id: alarm-112
  states: Ved akut fare ringer man 112.
  match:
    - "Ring 112 ved akut fare"
  source:
    title: Alarm 112
    publisher: Politiet
    url: https://politi.dk/alarm-112
    section: Hvornår skal du ringe 112
    read: 2026-11-20
  verified: 2026-11-20
  review_by: 2027-11-20
  status: verified
"""


def problems_of(course_root: Path, ledger: str) -> list[str]:
    (course_root / "claims.yml").write_text(ledger, "utf-8")
    with pytest.raises(CourseError) as caught:
        load_course(course_root)
    return [str(p) for p in caught.value.problems]


def test_the_mini_ledger_loads(mini_course) -> None:
    assert [e.claim.id for e in mini_course.claims] == ["alarm-112", "lev-uden-vold-1888"]
    assert mini_course.claims[1].claim.status == "check-locally"
    assert mini_course.claims[1].match_lines == (20, 21)


@pytest.mark.parametrize(("change", "expected"), [
    (("  review_by:", "  revew_by:"), "claims.yml:12: unknown key 'revew_by' (did you mean 'review_by'?)"),
    (("  verified: 2026-11-20", "  verified: 2026-13-01"), "claims.yml:11: '2026-13-01' is not a real date"),
    (("    read: 2026-11-20", "    read: snart"), "claims.yml:10: source.read: Input should be a valid date"),
    (('    - "Ring 112 ved akut fare"', '    - "re:Ring (112"'), "claims.yml:4: match.0: Value error, invalid regular "
                                                              "expression after 're:'"),
    (("  status: verified", "  status: sikker"), "claims.yml:13: status: Input should be 'verified', "
                                                 "'interpretation' or 'check-locally'"),
    (("  states: Ved akut fare ringer man 112.\n", ""), "claims.yml:1: missing required field 'states'"),
    (("    url: https://politi.dk/alarm-112\n", ""), "claims.yml:5: missing required field 'source.url'"),
    (("  review_by: 2027-11-20", "  review_by: 2025-01-01"), "claims.yml:12: review_by 2025-01-01 is before "
                                                           "verified 2026-11-20"),
])
def test_ledger_errors_are_located(mini_copy: Path, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in ENTRY
    found = problems_of(mini_copy, ENTRY.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_duplicate_ids_name_the_second_entry(mini_copy: Path) -> None:
    found = problems_of(mini_copy, ENTRY + "\n" + ENTRY)
    assert "claims.yml:15: duplicate claim id 'alarm-112'; every entry needs its own id" in found


def test_a_ledger_that_is_not_a_list(mini_copy: Path) -> None:
    assert problems_of(mini_copy, "id: x\n") == ["claims.yml:1: claims.yml must be a list of entries ('- id: ...')"]


def test_check_prints_ledger_errors_and_exits_1(mini_copy: Path) -> None:
    (mini_copy / "claims.yml").write_text(ENTRY.replace("  status: verified", "  status: sikker"), "utf-8")
    result = check(mini_copy)
    assert result.returncode == 1
    assert "claims.yml:13: status: Input should be" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_web_page_source_may_leave_out_section(mini_copy: Path) -> None:
    (mini_copy / "claims.yml").write_text(ENTRY.replace("    section: Hvornår skal du ringe 112\n", ""), "utf-8")
    assert load_course(mini_copy).claims[0].claim.source.section is None
    listing = run_cli("--course", str(mini_copy), "claims")
    assert listing.stdout.splitlines()[1].endswith("Politiet, Alarm 112")  # the title stands in
