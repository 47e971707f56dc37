"""Which folders an Opspor command may replace with its output, decided before anything is written.

Every command that writes a folder (``build``, ``serve``, ``packs``, ``certificates``,
``package``) replaces it whole, so a mistyped ``--out`` could delete a course, its
sources, the issuer's private key or a roster. The rule is therefore narrow: a folder
is replaced only when it does not exist, is empty, or carries the marker file
``.opspor-output`` naming an earlier output of the same kind. The course folder, its
ancestors, source folders, key folders and the roster are refused even then.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import OpsporError

OUTPUT_MARKER = ".opspor-output"
KINDS = ("site", "pdf", "workshop", "certificates", "packages", "qti")

# What makes a folder a course (or this engine): never replaced, whatever marker it carries.
SOURCE_DIRS = ("modules", "scenarios", "tracks", "pages")
# Never written into either, but not a sign of a course: build/pdf/ holds printed kits in workshops/.
# editions/ holds local editions (build.py --edition).
OPTIONAL_SOURCE_DIRS = ("workshops", "editions")
SOURCE_FILES = ("course.yml", "glossary.yml", "course-key.pub", "mkdocs.yml", "build.py", ".git", "edition.yml")
PRIVATE_KEY_SUFFIXES = (".pem", ".key")

# Earlier versions wrote no marker: an unmarked folder at the command's default place
# is still recognised as ours when it looks like what that command writes.
_LEGACY_SUFFIXES = {"pdf": (".pdf",), "workshop": (".pdf",), "packages": (".zip",), "qti": (".zip",),
                    "certificates": (".pdf", ".csv")}


class OutputRefused(OpsporError):
    """The output folder may not be replaced; nothing was touched. The message is one line."""


@dataclass(frozen=True)
class OutputPolicy:
    """What one command may replace.

    ``protected`` holds paths with a label (the roster, the keys folder); the
    target may neither be one of them, hold one, nor lie inside one.
    ``default`` is the command's own default folder, where an unmarked folder left
    by an earlier Opspor version is accepted when it looks like this kind's output.
    ``replace_existing`` False refuses an earlier output of this kind too
    (certificates without ``--force``).
    """

    kind: str
    course_root: Path
    protected: tuple[tuple[Path, str], ...] = ()
    default: Path | None = None
    replace_existing: bool = True
    hint: str = field(default="")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown output kind {self.kind!r}")


def course_output_policy(course_root: Path, kind: str, default: Path, *,
                         protected: tuple[tuple[Path, str], ...] = (), replace_existing: bool = True,
                         hint: str = "") -> OutputPolicy:
    """A command's policy: never the course, its sources, its keys, nor ``protected``."""
    return OutputPolicy(kind, course_root, default=default, replace_existing=replace_existing, hint=hint,
                        protected=((course_root / "keys", "the issuer's key folder"),
                                   (course_root / "course-key.pub", "the course's public keys"), *protected))


def marker_text(kind: str) -> str:
    return f"opspor-output: {kind}\n# Written by Opspor; this folder is replaced by the next '{kind}' run.\n"


def marker_kind(folder: Path) -> str | None:
    """The kind named by ``folder``'s marker, or None (no marker, or not ours)."""
    marker = folder / OUTPUT_MARKER
    try:
        if marker.is_symlink() or not marker.is_file() or marker.stat().st_size > 4096:
            return None
        first = marker.read_text("utf-8", errors="replace").split("\n", 1)[0]
    except OSError:
        return None
    name, _, kind = first.partition(":")
    return kind.strip() if name.strip() == "opspor-output" and kind.strip() in KINDS else None


def write_marker(folder: Path, kind: str) -> None:
    (folder / OUTPUT_MARKER).write_text(marker_text(kind), encoding="utf-8")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _real(path: Path) -> Path:
    """``path`` made absolute with every symlink but the last component resolved."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name


def _walk_files(folder: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):  # os.walk does not follow symlinks
        for name in filenames:
            yield Path(dirpath) / name
        dirnames[:] = [d for d in dirnames if not (Path(dirpath) / d).is_symlink()]


def _legacy_output(kind: str, folder: Path) -> bool:
    if kind == "site":
        return (folder / "assets/opspor/course-manifest.json").is_file() and (folder / "index.html").is_file()
    suffixes = _LEGACY_SUFFIXES[kind]
    files = list(_walk_files(folder))
    if kind == "certificates" and not (folder / "kursusbeviser.csv").is_file():
        return False
    return bool(files) and all(f.suffix.lower() in suffixes for f in files)


def check_output(target: Path, policy: OutputPolicy) -> Path:
    """Return ``target`` as an absolute path if ``policy`` lets it be replaced; else raise OutputRefused."""
    real = _real(target)
    shown = str(target)
    root = policy.course_root.resolve()

    def refuse(reason: str) -> OutputRefused:
        return OutputRefused(f"refusing to write the {policy.kind} output into {shown}: {reason}; "
                             "nothing was changed")

    if real.is_symlink():
        raise refuse("it is a symbolic link (give the real folder)")
    if _inside(root, real):
        raise refuse("it is the course folder" if real == root else "it holds the course folder")
    for name in (*SOURCE_DIRS, *OPTIONAL_SOURCE_DIRS):
        if _inside(real, root / name):
            raise refuse(f"it is inside the course's {name}/ folder")
    for path, label in policy.protected:
        path = Path(os.path.abspath(path))
        if real in (path, path.resolve()):
            raise refuse(f"it is {label}")
        if _inside(path, real) or _inside(path.resolve(), real):
            raise refuse(f"it holds {label} ({path})")
        if _inside(real, path.resolve()):
            raise refuse(f"it is inside {label} ({path})")
    if not real.exists():
        return real
    if not real.is_dir():
        raise refuse("it is a file, not a folder")
    try:
        entries = [p.name for p in real.iterdir()]
    except OSError as exc:
        raise refuse(f"it cannot be read ({exc.strerror})") from None
    found = [name for name in (*SOURCE_DIRS, *SOURCE_FILES) if name in entries]
    if found:
        raise refuse(f"it holds course sources ({', '.join(found)})")
    if not entries:
        return real
    for path in _walk_files(real):
        if path.suffix.lower() in PRIVATE_KEY_SUFFIXES:
            raise refuse(f"it holds a key file ({path.relative_to(real)})")
    kind = marker_kind(real)
    if kind is None and policy.default is not None and real == _real(policy.default) \
            and _legacy_output(policy.kind, real):
        kind = policy.kind
    if kind is None:
        raise refuse(f"it is not empty and was not written by Opspor (no {OUTPUT_MARKER} file); "
                     "choose a new or empty folder")
    if kind != policy.kind:
        raise refuse(f"it holds Opspor's {kind} output, not {policy.kind}")
    if not policy.replace_existing:
        raise refuse(f"it already holds an earlier {kind} output{policy.hint}")
    return real
