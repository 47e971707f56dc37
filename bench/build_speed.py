#!/usr/bin/env python3
"""Benchmark: both shells' `build.py build` against a plain `mkdocs build` of the same Markdown.

For synthetic courses of 50, 200 and 1000 modules it times, in the same run:
  plain  - `mkdocs build` on the very docs tree and config our build hands the mkdocs shell
  mkdocs - `build.py --course DIR build --shell mkdocs` (load + validate + generate + MkDocs/Material)
  native - `build.py --course DIR build --shell native` (load + validate + generate + our own shell)
and prints each against plain (targets: mkdocs at most 1.2 x, native at most 0.5 x at 1000 modules).
Not part of the test suite.

Each time is the fastest of ``--repeat`` runs (the three commands take turns, so each sees the
machine alike). On a shared machine other work only ever adds time, so the minimum is the
closest to what the build itself costs and the usual way to cut that noise; the ratios are
against the plain build measured in the same run.

Usage: .venv/bin/python bench/build_speed.py [--sizes 50,200,1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from course.loading import load_course  # noqa: E402
from course.site import write_docs  # noqa: E402
from course.site.mkdocs_shell import _ConfigDumper as ConfigDumper  # noqa: E402  (the shell's own YAML)
from course.site.mkdocs_shell import shell_config  # noqa: E402

TRACKS = ("sygeplejerske", "laerer", "socialraadgiver", "politi")
PARAGRAPH = (
    "Når du møder en person, der lever med vold, er det vigtigt at skabe ro og tid. "
    "Spørg direkte til konkret adfærd, og fortæl først, hvad du må og skal gøre med oplysningerne. "
) * 4


def letters(i: int) -> str:
    """``i`` in letters (a, b, ..., ba, ...): a number in a title would read as a phone-number claim."""
    word = ""
    while True:
        i, digit = divmod(i, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if not i:
            return word


def module_text(i: int) -> str:
    return f"""---
id: modul-{i:04d}
title: Syntetisk modul {letters(i)}
summary: Et genereret modul til måling af byggetid.
tracks: [alle]
minutes: 10
level: {1 + i % 2}
objectives:
  - Du kan genkende tegn {letters(i)}.
sources:
  - title: Syntetisk kilde
    publisher: Opspor
    year: 2026
---

## Baggrund

{PARAGRAPH}

!!! note "Sådan kan det lyde"
    Jeg spørger alle, fordi vold er almindeligt.

## I praksis

| Trin | Hvad du gør |
|---|---|
| 1 | Tal med personen alene |
| 2 | Spørg direkte |
| 3 | Dokumentér |

<quiz>
Hvem har underretningspligt?
- [x] Du selv
> Rigtigt.
- [ ] Kun din leder
> Nej.
</quiz>
"""


def generate(root: Path, n: int) -> None:
    shutil.copytree(PROJECT / "tests/fixtures/mini", root)
    shutil.rmtree(root / "modules")
    shutil.rmtree(root / "workshops", ignore_errors=True)  # its workshop plans name the mini modules
    (root / "modules").mkdir()
    for i in range(n):
        (root / f"modules/{i:04d}-modul.md").write_text(module_text(i), "utf-8")
    # The mini course's claims ledger covers its own modules, which are replaced here: claims are
    # still checked (the same work as for a real course) but only warned about.
    settings = root / "course.yml"
    settings.write_text(settings.read_text("utf-8") + "claims:\n  enforce: false\n", "utf-8")
    items = [f"modul-{i:04d}" for i in range(n)] + ["test-scenarie"]
    for track in TRACKS:
        data = yaml.safe_load((root / f"tracks/{track}.yml").read_text("utf-8"))
        data["items"] = items
        (root / f"tracks/{track}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def plain_mkdocs_project(course_root: Path, work: Path) -> Path:
    """Write the docs tree and config our build would hand to the shell; return the config."""
    shell = write_docs(load_course(course_root), PROJECT, work / "docs", work / "site")
    config = work / "mkdocs.yml"
    config.write_text(yaml.dump(shell_config(PROJECT / "mkdocs.yml", shell), Dumper=ConfigDumper,
                                allow_unicode=True), "utf-8")
    return config


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                            # the config names our own Markdown extensions (course.quiz, course.markup_policy)
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    mkdocs = str(Path(python).parent / "mkdocs")
    print(f"{'modules':>8} {'plain s':>8} {'mkdocs s':>9} {'native s':>9} {'mkdocs/plain':>13} "
          f"{'native/plain':>13}   (fastest of {args.repeat})")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            course_root = tmp_path / "course"
            generate(course_root, n)
            config = plain_mkdocs_project(course_root, tmp_path / "plain")
            times: dict[str, list[float]] = {"plain": [], "mkdocs": [], "native": []}
            for _ in range(args.repeat):
                times["plain"].append(timed([mkdocs, "build", "-q", "-f", str(config)], tmp_path))
                for shell in ("mkdocs", "native"):
                    times[shell].append(timed([python, str(PROJECT / "build.py"), "--course", str(course_root),
                                               "build", "--shell", shell, "--out", str(tmp_path / shell)],
                                              tmp_path))
            p, m, o = (min(times[k]) for k in ("plain", "mkdocs", "native"))
            print(f"{n:>8} {p:>8.2f} {m:>9.2f} {o:>9.2f} {m / p:>13.2f} {o / p:>13.2f}", flush=True)


if __name__ == "__main__":
    main()
