"""Reading author files as UTF-8 text, and splitting Markdown front matter.

Only regular files inside the course are read. A folder, a FIFO or a device where a
file is expected would otherwise crash or hang the build (reading a FIFO waits for a
writer forever), and a symbolic link could pull any file on the machine into the
site. So the file is opened non-blocking and checked with ``fstat`` on the open
descriptor (no window between the check and the read), and a symlink must resolve
inside the course.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_SOURCE_BYTES = 8 * 1024 * 1024  # far above any real module; keeps a stray huge file from eating memory
# C0 control characters other than tab and newline: invisible, and invalid in the XML we write (QTI, SCORM).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class SourceTextError(Exception):
    """A file that cannot be read as course text; carries the line to report."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path, root: Path | None = None, max_bytes: int | None = MAX_SOURCE_BYTES) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (inside ``root`` when given), else SourceTextError.

    For readers that stream a file (a roster) as well as for :func:`read_bytes`;
    ``max_bytes`` None means any size.
    """
    if path.is_symlink():
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise SourceTextError(1, f"is a symbolic link to nothing ({os.readlink(path)})") from None
        if root is not None and not real.is_relative_to(root.resolve()):
            raise SourceTextError(1, f"is a symbolic link to a file outside the course ({real}); "
                                     "copy the file into the course instead") from None
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SourceTextError(1, f"cannot be read ({exc.strerror})") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or (max_bytes is not None and info.st_size > max_bytes):
        os.close(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise SourceTextError(1, f"is {_kind(info.st_mode)}, not a file")
        raise SourceTextError(1, f"is {info.st_size / 1e6:.0f} MB; a course file may be at most "
                                 f"{max_bytes // (1024 * 1024)} MB")
    return os.fdopen(descriptor, "rb")


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file (inside ``root`` when given), else SourceTextError."""
    with open_regular(path, root) as handle:
        try:
            return handle.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise SourceTextError(1, f"cannot be read ({exc.strerror})") from None


def read_text(path: Path, root: Path | None = None) -> str:
    """Read ``path`` as UTF-8 (a BOM is allowed) and normalise newlines."""
    data = read_bytes(path, root)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceTextError(
            line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        name = "a NUL byte" if control.group() == "\0" else f"control character U+{ord(control.group()):04X}"
        raise SourceTextError(line, f"{name} at column {column}; remove it (is this a text file?)")
    return text


@dataclass(frozen=True)
class FrontMatterSplit:
    front_matter: str
    body: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> FrontMatterSplit:
    """Split ``---`` delimited YAML front matter from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceTextError(1, "missing front matter: the file must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return FrontMatterSplit(
                front_matter="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    raise SourceTextError(1, "front matter is not closed: add a '---' line after it")
