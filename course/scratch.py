"""Scratch folders that a killed run cannot leave behind for long.

A run killed with SIGKILL (or a power cut) runs no clean-up code, so its
scratch and staging folders stay. Each one we make therefore carries a small
file, ``.opspor-staging``, that its owner holds an exclusive ``flock`` on for as
long as it lives. The kernel drops that lock when the owner dies however it
dies, so the next run can tell a live folder (lock taken) from an orphan (lock
free) without trusting process ids, and removes only orphans that carry our
file: nothing we did not make is ever touched.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_MARKER = ".opspor-staging"


def sweep_orphans(parent: Path, prefix: str) -> list[Path]:
    """Remove folders ``parent/prefix*`` whose owner is gone; return what was removed."""
    removed = []
    try:
        candidates = [p for p in parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    for folder in candidates:
        marker = folder / STAGING_MARKER
        if folder.is_symlink() or not folder.is_dir() or marker.is_symlink() or not marker.is_file():
            continue
        try:
            descriptor = os.open(marker, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)  # a live run holds it
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(descriptor)
    return removed


def _claim(folder: Path) -> int:
    """Create ``folder/.opspor-staging`` already locked (locked first, then renamed into place).

    Renaming a locked file keeps the lock (it is on the inode), so no other run
    can ever see the marker unlocked while we are alive.
    """
    handle, temp_name = tempfile.mkstemp(prefix=".opspor-claim-", dir=folder)
    fcntl.flock(handle, fcntl.LOCK_EX)
    os.write(handle, f"{os.getpid()}\n".encode())
    os.rename(temp_name, folder / STAGING_MARKER)
    return handle


@contextmanager
def scratch_folder(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A fresh, claimed folder ``parent/prefix*`` (default: the temp dir), removed on exit.

    Orphans with the same prefix, left by killed runs, are removed first.
    """
    parent = parent if parent is not None else Path(tempfile.gettempdir())
    sweep_orphans(parent, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        handle = _claim(folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(handle)
