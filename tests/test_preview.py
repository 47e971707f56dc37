"""`build.py serve`: an author edits a module and the preview shows the change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.helpers_check import PROJECT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_rebuilds_when_a_module_changes(mini_copy: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(PROJECT / "build.py"), "--course", str(mini_copy), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/moduler/grundmodul.html"
        assert "Grundmodul om underretning" in fetch(url)
        module = mini_copy / "modules/01-grundmodul.md"
        module.write_text(module.read_text("utf-8").replace("Grundmodul om underretning", "Ændret titel"), "utf-8")
        deadline = time.monotonic() + 60
        while "Ændret titel" not in fetch(url):
            assert time.monotonic() < deadline, "preview was not rebuilt"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
