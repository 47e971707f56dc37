"""Run ``build.py check`` the way an author does and return what they see."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )


def check(course_root: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("--course", str(course_root), "check")
