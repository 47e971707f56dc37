"""`build.py serve`: an author edits a module and the preview shows the change."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.editions.conftest import LILLE
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


@contextlib.contextmanager
def serving(*args: str) -> Iterator[str]:
    """``build.py <args> serve`` on a free port; yields the address, stops the server afterwards."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(PROJECT / "build.py"), *args, "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(url: str, text: str) -> None:
    """Poll the page until the rebuilt preview shows ``text`` (a rebuild takes seconds, not a fixed time)."""
    deadline = time.monotonic() + 60
    while text not in fetch(url):
        assert time.monotonic() < deadline, "preview was not rebuilt"
        time.sleep(0.5)


def test_serve_rebuilds_when_a_module_changes(mini_copy: Path) -> None:
    with serving("--course", str(mini_copy)) as address:
        url = f"{address}/moduler/grundmodul.html"
        assert "Grundmodul om underretning" in fetch(url)
        module = mini_copy / "modules/01-grundmodul.md"
        module.write_text(module.read_text("utf-8").replace("Grundmodul om underretning", "Ændret titel"), "utf-8")
        wait_for(url, "Ændret titel")


def test_serve_with_an_edition_rebuilds_when_the_coordinator_edits_a_local_page(mini_copy: Path) -> None:
    lille_copy = mini_copy / "editions" / "lille"
    shutil.copytree(LILLE, lille_copy)
    with serving("--course", str(mini_copy), "--edition", str(lille_copy)) as address:
        url = f"{address}/lokal-side.html"
        assert "Lilleby har sin egen side." in fetch(url)
        page = lille_copy / "tekster" / "lokal-side.md"
        page.write_text(page.read_text("utf-8").replace("Lilleby har sin egen side.", "Rettet af koordinatoren."),
                        "utf-8")
        wait_for(url, "Rettet af koordinatoren.")
