"""Minify the runtime files a built site ships (our JavaScript, CSS and the manifest script).

Every page loads the core runtime, so its size is paid on every page, on a phone line or in an
LMS frame. The sources in course/site/assets stay as written (their comments are the
documentation); only the copies in the site are minified, by esbuild (pinned in package.json,
installed by `make setup`, already used there for the verify page's bundle). esbuild drops
whitespace and comments and shortens local names; it does not bundle or change what runs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMEOUT = 300  # seconds


class MinifyError(Exception):
    """esbuild refused a runtime file (a syntax error in course/site/assets)."""


def minify_assets(folder: Path, esbuild: Path) -> None:
    """Minify every ``.js`` and ``.css`` file directly in ``folder``, in place."""
    with minifying(folder, esbuild):
        pass


@contextmanager
def minifying(folder: Path, esbuild: Path) -> Iterator[None]:
    """:func:`minify_assets` in the background while the ``with`` block runs (which must not touch
    ``folder``'s scripts and styles); done, or :class:`MinifyError`, when the block ends.

    esbuild is a separate program, so the build's own Python work (writing the docs tree) runs
    beside it instead of waiting for it. If the block fails, esbuild is stopped.
    """
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".js", ".css") and p.is_file())
    if not files:
        yield
        return
    process = subprocess.Popen(
        [str(esbuild), *files, "--minify", f"--outdir={folder}", "--allow-overwrite", "--charset=utf8",
         "--log-level=error"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield
    except BaseException:
        process.kill()
        process.communicate()
        raise
    try:
        _, errors = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    if process.returncode != 0:
        raise MinifyError(errors.strip() or f"esbuild exited with {process.returncode}")
