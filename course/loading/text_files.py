"""Reading author files as UTF-8 text, and splitting Markdown front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class SourceTextError(Exception):
    """A file that cannot be read as course text; carries the line to report."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def read_text(path: Path) -> str:
    """Read ``path`` as UTF-8 (a BOM is allowed) and normalise newlines."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceTextError(
            line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
