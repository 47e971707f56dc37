"""``claims`` lists the ledger; ``claims --due`` lists what is past review_by and fails then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINI
from tests.helpers_check import PROJECT, run_cli


def claims(*args: str, course: Path = MINI) -> subprocess.CompletedProcess[str]:
    return run_cli("--course", str(course), "claims", *args)


def test_the_listing_is_a_table() -> None:
    result = claims()
    assert result.returncode == 0
    rows = result.stdout.splitlines()
    assert rows[0].split() == ["id", "status", "review_by", "source"]
    assert rows[1].split()[:3] == ["alarm-112", "verified", "2027-11-20"]
    assert rows[1].endswith("Politiet, Hvornår skal du ringe 112")
    assert rows[2].split()[:3] == ["lev-uden-vold-1888", "check-locally", "2027-05-20"]
    assert len(rows) == 3


def test_due_lists_only_entries_past_review_by_and_exits_1() -> None:
    result = claims("--due", "--today", "2027-06-01")
    assert result.returncode == 1
    assert [r.split()[0] for r in result.stdout.splitlines()] == ["id", "lev-uden-vold-1888"]
    assert "1 of 2 entries are past review_by (2027-06-01)" in result.stderr


def test_due_on_the_review_date_itself_is_not_yet_due() -> None:
    assert claims("--due", "--today", "2027-05-20").returncode == 0


def test_nothing_due_exits_0_with_a_line_saying_so() -> None:
    result = claims("--due", "--today", "2026-12-01")
    assert result.returncode == 0
    assert result.stdout.strip() == "No ledger entries are past review_by (2026-12-01)."


def test_today_comes_from_the_environment_too() -> None:
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--course", str(MINI), "claims", "--due"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "OPSPOR_TODAY": "2030-01-01"})
    assert result.returncode == 1
    assert "2 of 2 entries are past review_by (2030-01-01)" in result.stderr


def test_a_course_without_a_ledger(mini_copy: Path) -> None:
    (mini_copy / "claims.yml").unlink()
    result = claims(course=mini_copy)
    assert result.returncode == 0
    assert "No claims ledger" in result.stdout
