#!/usr/bin/env python3
"""Benchmark: does `build.py certificates` scale with the roster? Time and peak memory for growing rosters.

Every size runs in the same invocation, against a baseline measured in that same run
(the first, smallest size, 100 rows by default), so machine load cancels out as far as it can:
  time ratio   - seconds per certificate at N / seconds per certificate at the baseline
                 (1.0 = linear; above 1 the run slows down as the roster grows);
  memory ratio - peak memory at N / peak memory at the baseline (1.0 = flat).
Memory is the whole process tree (parent + PDF workers), sampled from /proc every 20 ms,
as PSS (shared pages split fairly; the honest total) and summed RSS (an upper bound).
Not part of the test suite (it takes minutes at 10,000 rows).

Usage: .venv/bin/python bench/roster_scale.py [--sizes 100,1000,10000] [--project DIR]
  --project runs another checkout's build.py (e.g. main before a change) with this script.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from certificates_speed import FIRST, LAST, run_measured  # bench/ is on sys.path when run as a script

PROJECT = Path(__file__).resolve().parent.parent
MINI = PROJECT / "tests" / "fixtures" / "mini"


def write_roster(path: Path, count: int) -> None:
    """A Danish Excel export: BOM, ';', a second column, names with æøå (and a few that start with '-')."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("Navn;Arbejdssted\r\n")
        for i in range(count):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i + 1}"
            handle.write(f"{name};{'-Sted' if i % 97 == 0 else 'Sted'}\r\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="roster sizes, the first is the baseline")
    parser.add_argument("--project", type=Path, default=PROJECT, help="checkout whose build.py is measured")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    project = args.project.resolve()
    python = sys.executable
    rows: list[tuple[int, float, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="opspor-bench-roster-") as tmp:
        work = Path(tmp)
        course = work / "course"
        shutil.copytree(MINI, course)
        keys = work / "keys"
        subprocess.run([python, str(project / "build.py"), "--course", str(course), "keys", "init",
                        "--keys", str(keys)], cwd=project, check=True, capture_output=True)
        for count in sizes:
            roster = work / f"deltagere-{count}.csv"
            write_roster(roster, count)
            out = work / f"out-{count}"
            seconds, rss, pss = run_measured([
                python, str(project / "build.py"), "--course", str(course), "certificates", "--roster", str(roster),
                "--track", "laerer", "--keys", str(keys), "--out", str(out), "--date", "2026-03-01",
                "--site-url", "https://kursus.example.dk"])
            singles = sum(1 for _ in out.glob("[0-9]*.pdf"))
            assert singles == count, f"{singles} PDFs for {count} names"
            rows.append((count, seconds, rss, pss))
            shutil.rmtree(out)
    base_count, base_seconds, _, base_pss = rows[0]
    print(f"build.py certificates in {project}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'rows':>7} {'seconds':>8} {'ms/row':>7} {'time ratio':>10} {'peak PSS':>9} {'peak RSS':>9} "
          f"{'memory ratio':>12}")
    for count, seconds, rss, pss in rows:
        per_row = seconds / count
        print(f"{count:>7} {seconds:>8.1f} {per_row * 1000:>7.1f} {per_row / (base_seconds / base_count):>10.2f} "
              f"{pss:>6.0f} MB {rss:>6.0f} MB {pss / base_pss:>12.2f}")
    print(f"(ratios against the {base_count}-row baseline of this run: 1.00 = linear time, flat memory)")


if __name__ == "__main__":
    main()
