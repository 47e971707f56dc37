"""Minify the runtime files a built site ships (our JavaScript, CSS and the manifest script).

Every page loads the core runtime, so its size is paid on every page, on a phone line or in an
LMS frame. The sources in course/site/assets stay as written (their comments are the
documentation); only the copies in the site are minified, by esbuild (pinned in package.json,
installed by `make setup`, already used there for the verify page's bundle). esbuild drops
whitespace and comments and shortens local names; it does not bundle or change what runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class MinifyError(Exception):
    """esbuild refused a runtime file (a syntax error in course/site/assets)."""


def minify_assets(folder: Path, esbuild: Path) -> None:
    """Minify every ``.js`` and ``.css`` file directly in ``folder``, in place."""
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".js", ".css") and p.is_file())
    if not files:
        return
    run = subprocess.run(
        [str(esbuild), *files, "--minify", f"--outdir={folder}", "--allow-overwrite", "--charset=utf8",
         "--log-level=error"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    if run.returncode != 0:
        raise MinifyError(run.stderr.strip() or f"esbuild exited with {run.returncode}")
