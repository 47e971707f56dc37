"""Replace an output folder only when the new one is complete.

Outputs are built into a sibling temporary folder and swapped in with renames,
so a failed build leaves the last good output exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_on_success(target: Path) -> Iterator[Path]:
    """Yield a fresh path to build into; on success it becomes ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging_root = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging = staging_root / target.name
    try:
        yield staging
        if not staging.exists():
            staging.mkdir()
        old = target.parent / f".{target.name}-old"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        if old.exists():
            shutil.rmtree(old)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
