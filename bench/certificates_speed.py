#!/usr/bin/env python3
"""Benchmark: 500 signed certificates (separate PDFs + the combined PDF) against one process per certificate.

In the same run it measures:
  baseline - a fresh Python process that imports the engine and renders ONE certificate
             (what a per-person script costs), timed --baseline-runs times; the median x N
             is the baseline for N certificates;
  ours     - `build.py certificates` for an N-person roster (mini course, fresh issuer key):
             wall time and peak memory of the whole process tree (parent + workers, sampled
             from /proc every 20 ms).
It prints the seconds, MB and the ratio baseline/ours. Memory is given as PSS (shared pages split
between the processes sharing them; the honest total) and as summed RSS (shared pages counted
once per process, an upper bound). Target: N=500 under 15 s, under 250 MB.
Not part of the test suite.

Usage: .venv/bin/python bench/certificates_speed.py [--count 500] [--baseline-runs 6]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MINI = PROJECT / "tests" / "fixtures" / "mini"
FIRST = ["Åse", "Søren", "Mette", "Jens", "Ærenfried", "Ida", "Bjørn", "Maja", "Anne-Grethe", "Mohammed"]
LAST = ["Øberg-Lærkesen", "Ærø", "Hansen", "Ågård", "Nørgaard", "Kristensen", "Østergaard", "Jørgensen"]

ONE_CERTIFICATE = """
import datetime as dt, sys
from pathlib import Path
from course.certificates.keys import load_private_key
from course.certificates.records import Certificate
from course.certificates.signing import sign
from course.certificates.signed import SignedCertificate, verify_link
from course.pdf.certificates import CertificatePrinter
from course.pdf.renderer import PrintRenderer
key = load_private_key(Path(sys.argv[1]))
c = Certificate(id="20260301-001-ABCD", name="Åse Øberg-Lærkesen", track_id="laerer", track_title="Spor for laerer",
                hours=4.5, date=dt.date(2026, 3, 1), issuer="Opspor testdata", place="Aarhus", levels=(1, 2))
code = sign(c, key)
item = SignedCertificate(c, code, verify_link(code, "https://kursus.example.dk"))
printer = CertificatePrinter(PrintRenderer("da"), "Testkursus", "Et lille kursus til tests")
printer.renderer.write(printer.html([item]), ["fonts.css", "certificate.css"], Path(sys.argv[2]))
"""


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_mb(root_pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process and all its descendants, in MB. PSS shares pages fairly between
    processes (fork shares the imported engine), RSS counts shared pages once per process."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, parent = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total_rss = total_pss = 0
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        total_rss += rss.get(pid, 0)
        total_pss += _pss_kb(pid)
        stack.extend(children.get(pid, []))
    return total_rss / 1024, total_pss / 1024


def run_measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak tree RSS and peak tree PSS (MB) of ``command``."""
    peak = peak_pss = 0.0
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = tree_memory_mb(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{out}\n{err}")
    return seconds, peak, peak_pss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--baseline-runs", type=int, default=6)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="opspor-bench-certs-") as tmp:
        work = Path(tmp)
        course = work / "course"
        shutil.copytree(MINI, course)
        keys = work / "keys"
        subprocess.run([python, "build.py", "--course", str(course), "keys", "init", "--keys", str(keys)],
                       cwd=PROJECT, check=True, capture_output=True)
        roster = work / "deltagere.csv"
        names = [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i + 1}" for i in range(args.count)]
        roster.write_text("\ufeffNavn;Arbejdssted\n" + "".join(f"{n};Sted\n" for n in names), "utf-8")

        baseline_runs = []
        for run in range(args.baseline_runs):
            one = [python, "-c", ONE_CERTIFICATE, str(keys), str(work / f"one-{run}.pdf")]
            seconds, baseline_rss, _ = run_measured(one)
            baseline_runs.append(seconds)
        per_process = statistics.median(baseline_runs)
        baseline = per_process * args.count

        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, peak, peak_pss = run_measured([
            python, "build.py", "--course", str(course), "certificates", "--roster", str(roster), "--track", "laerer",
            "--keys", str(keys), "--out", str(work / "out"), "--date", "2026-03-01", "--place", "Aarhus",
            "--site-url", "https://kursus.example.dk"])
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        singles = len(list((work / "out").glob("[0-9]*.pdf")))
        assert singles == args.count, f"{singles} PDFs for {args.count} names"
        combined = (work / "out" / "alle-kursusbeviser.pdf").stat().st_size / 1e6

    cores = os.cpu_count()
    print(f"Certificates: {args.count} separate PDFs + 1 combined PDF ({combined:.1f} MB), {cores} cores")
    print(f"  baseline, one process per certificate: {per_process:.2f} s each (median of {args.baseline_runs}, "
          f"{min(baseline_runs):.2f}-{max(baseline_runs):.2f}), {baseline_rss:.0f} MB "
          f"-> {baseline:.1f} s for {args.count}")
    print(f"  ours, build.py certificates:           {seconds:.1f} s ({seconds / args.count * 1000:.0f} ms each), "
          f"peak {peak_pss:.0f} MB PSS / {peak:.0f} MB RSS (process tree)")
    print(f"  CPU time of ours: {cpu:.1f} s ({cpu / args.count * 1000:.0f} ms a certificate); load average "
          f"during the run {os.getloadavg()[0]:.1f} (other jobs on the machine slow the wall times)")
    print(f"  ratio baseline/ours: {baseline / seconds:.1f}x faster")
    verdict = "met" if seconds < 15 and peak_pss < 250 else "NOT met"
    print(f"  target (500 in < 15 s, < 250 MB): {verdict}" if args.count == 500 else "")


if __name__ == "__main__":
    main()
