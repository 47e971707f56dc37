"""What an edition's logo may be: a PNG or SVG file inside the edition folder, and nothing that runs.

The site shows the logo only as an ``<img>`` (a browser never runs script in an SVG image, and
the pages' CSP forbids it besides), and print embeds it as a ``data:`` URL that WeasyPrint draws
without fetching anything. The check still refuses what has no place in a logo, with the line:
script, event handlers, ``foreignObject``, references to other files and DTDs (entity expansion).
The file is judged by its bytes, not its name.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from course.editions.model import Logo
from course.loading.text_files import SourceTextError, read_bytes

MAX_LOGO_BYTES = 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SVG_START = re.compile(rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*<svg[\s>]", re.DOTALL)
_LINK_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href", "src")


class LogoError(Exception):
    """A logo that may not be used. ``inside``: the problem is at ``line`` of the (SVG) file itself;
    otherwise it is about the file as a whole (its kind, size or place)."""

    def __init__(self, line: int, message: str, *, inside: bool = False):
        self.line = line
        self.inside = inside
        super().__init__(message)


def check_logo(path: Path, folder: Path) -> Logo:
    """The logo at ``path`` if it is a PNG or a clean SVG inside ``folder``; else :class:`LogoError`."""
    folder = folder.resolve()
    if not path.resolve().is_relative_to(folder):
        raise LogoError(1, "is outside the edition folder; copy the logo into it")
    try:
        data = read_bytes(path, folder)
    except SourceTextError as exc:
        raise LogoError(exc.line, str(exc).replace("outside the course", "outside the edition folder")) from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(1, f"is {len(data) / 1e6:.1f} MB; a logo may be at most 1 MB")
    if data.startswith(PNG_MAGIC):
        return Logo(path, "image/png", data)
    if _SVG_START.match(data[:4096]):
        _check_svg(data)
        return Logo(path, "image/svg+xml", data)
    raise LogoError(1, "is not a PNG or SVG image (judged by its content, not its name)")


def _check_svg(data: bytes) -> None:
    declaration = re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE)
    if declaration:  # refused before parsing, so no entity is ever expanded
        raise LogoError(data.count(b"\n", 0, declaration.start()) + 1,
                        "the SVG has a DOCTYPE or entity declaration; remove it (a logo needs neither)", inside=True)
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    problems: list[tuple[int, str]] = []

    def refuse(message: str) -> None:
        problems.append((parser.CurrentLineNumber, message))

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit("}", 1)[-1]
        if local in ("script", "foreignObject", "iframe", "embed", "object"):
            refuse(f"the SVG contains <{local}>; a logo may only draw (export it again without it)")
        for attribute, value in attributes.items():
            short = attribute.rsplit("}", 1)[-1]
            if short.lower().startswith("on"):
                refuse(f"the SVG has an event handler '{short}'; a logo may only draw")
            linked = value.strip()
            if (attribute in _LINK_ATTRIBUTES or short == "href") and not linked.startswith(("#", "data:image/")):
                refuse(f"the SVG refers to another file ({value[:60]}); put everything in the logo file")

    def doctype(*_args: object) -> None:
        refuse("the SVG has a DOCTYPE; remove it (entities are not allowed in a logo)")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *args: refuse("the SVG declares an entity; remove it")
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise LogoError(exc.lineno, f"the logo is not valid SVG ({xml.parsers.expat.ErrorString(exc.code)})",
                        inside=True) from None
    if problems:
        raise LogoError(*problems[0], inside=True)
