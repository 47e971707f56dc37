"""Runs the JavaScript unit tests (node's own test runner) as part of the pytest suite.

`make test` runs `node --test tests/js` itself too; this keeps them in every pytest run, so the
landing check (`pytest tests`) cannot pass with a broken opspor-record.js.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run 'make setup'")
    files = sorted(HERE.glob("*.test.js"))
    assert files, "no JavaScript unit tests found"
    run = subprocess.run([node, "--test", *map(str, files)], capture_output=True, text=True, timeout=120)
    summary = [line for line in run.stdout.splitlines() if line.startswith(("# tests", "# pass", "# fail"))]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in summary, summary
