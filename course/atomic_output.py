"""Replace an output folder only when the new one is complete, and only if it may be replaced.

Outputs are built into a claimed staging folder beside the target (same file
system, so the swap is two renames) and swapped in under an exclusive lock on the
target's parent folder, so concurrent runs into one output take turns at the swap
instead of tripping over each other's renames. A failed build, a full disk or a
killed run leaves the last good output exactly as it was; the next run removes
what a killed run left (see :mod:`course.scratch`) and, if a run died between the
two renames, puts the previous output back first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from course.errors import OpsporError
from course.output_safety import OutputPolicy, check_output, marker_kind, write_marker
from course.scratch import scratch_folder


class OutputWriteError(OpsporError):
    """Writing the output failed (disk full, no permission, ...); the previous output is unchanged."""


def _staging_prefix(target: Path) -> str:
    return f".{target.name}-new-"


def _old_name(target: Path) -> Path:
    return target.parent / f".{target.name}-old"


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive flock on ``folder`` itself (no lock file is left behind)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _recover(target: Path, kind: str) -> None:
    """Undo what a run killed between the two renames left: the previous output sits in ``.X-old``."""
    old = _old_name(target)
    if not old.is_dir() or old.is_symlink():
        return
    if not target.exists() and not target.is_symlink():
        old.rename(target)
    elif marker_kind(old) in (kind, None):  # None: an unmarked output of an earlier version
        shutil.rmtree(old)


def _describe(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


@contextmanager
def replaced_on_success(target: Path, policy: OutputPolicy) -> Iterator[Path]:
    """Yield a fresh path to build into; on success it becomes ``target``.

    Raises :class:`course.output_safety.OutputRefused` before anything is written
    when ``policy`` forbids replacing ``target``, and :class:`OutputWriteError`
    when writing fails; in both cases ``target`` is left as it was.
    """
    target = check_output(target, policy)
    with ExitStack() as stack:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            staging_root = stack.enter_context(scratch_folder(_staging_prefix(target), target.parent))
        except OSError as exc:
            raise OutputWriteError(f"cannot write into {target.parent}: {_describe(exc)}") from None
        staging = staging_root / target.name
        try:
            yield staging
            staging.mkdir(exist_ok=True)
            write_marker(staging, policy.kind)
            with _locked(target.parent):
                _recover(target, policy.kind)
                check_output(target, policy)  # again: another run may have changed it meanwhile
                old = _old_name(target)
                if target.exists():
                    target.rename(old)
                try:
                    staging.rename(target)
                except OSError:
                    if old.exists() and not target.exists():
                        old.rename(target)
                    raise
                if old.exists():
                    shutil.rmtree(old)
        except OSError as exc:
            raise OutputWriteError(f"could not write {target}: {_describe(exc)}; "
                                   "the previous output is unchanged") from None


def prepare_folder(target: Path, policy: OutputPolicy) -> Path:
    """For outputs written file by file into a folder (packages): check it, create it, mark it.

    Each file in it is itself written atomically (see ``course.packaging.archive``).
    """
    target = check_output(target, policy)
    try:
        with _locked_parent_of(target):
            target.mkdir(parents=True, exist_ok=True)
            if marker_kind(target) != policy.kind:
                write_marker(target, policy.kind)
    except OSError as exc:
        raise OutputWriteError(f"cannot write into {target}: {_describe(exc)}") from None
    return target


@contextmanager
def _locked_parent_of(target: Path) -> Iterator[None]:
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent):
        yield
