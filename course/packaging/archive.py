"""Zip files that appear whole or not at all, the same bytes for the same input.

The archive is written to a temporary file beside the target and renamed over it,
so a failed build leaves the previous package (or nothing), never half a zip.
Entries are sorted and dated alike so a rebuild of unchanged content is identical.
Symbolic links are refused: Windows' unzip cannot make them and an LMS ignores them.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FIXED_DATE = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One file in the archive: its path inside the zip and its bytes or source file."""

    name: str
    source: Path | None = None
    data: bytes | None = None


def folder_entries(folder: Path, prefix: str = "", skip: frozenset[str] = frozenset()) -> list[Entry]:
    """Every file under ``folder`` (except the relative paths in ``skip``) as ``prefix + path``."""
    entries = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            raise ValueError(f"refusing to pack a symbolic link: {path}")
        if path.is_file() and path.relative_to(folder).as_posix() not in skip:
            entries.append(Entry(prefix + path.relative_to(folder).as_posix(), source=path))
    return entries


def write_zip(entries: Iterable[Entry], target: Path) -> int:
    """Write ``entries`` to ``target`` atomically; return the zip's size in bytes."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        seen: set[str] = set()
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name in seen:
                    raise ValueError(f"two files would be packed as {entry.name}")
                seen.add(entry.name)
                info = zipfile.ZipInfo(entry.name, date_time=FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                data = entry.data if entry.data is not None else entry.source.read_bytes()  # type: ignore[union-attr]
                archive.writestr(info, data)
        temp.chmod(0o644)  # mkstemp makes it private; a package is meant to be shared
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target.stat().st_size
