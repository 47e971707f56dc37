"""Splitting and joining finished PDFs (pypdf), so each certificate is laid out and drawn only once.

WeasyPrint writes one run of certificates as one PDF; each participant's own
PDF is cut from it (5 ms a page instead of 14 ms to draw it again), and the
runs are joined into the combined file.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

_PAINTED = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")


def _only_painted_xobjects(page: DictionaryObject) -> None:
    """WeasyPrint gives every page of a document the same resources (all QR images);
    keep the images this page paints, so a cut-out page carries only its own."""
    resources = page.get("/Resources")
    if resources is None:
        return
    resources = resources.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    painted = {name.decode("latin-1") for name in _PAINTED.findall(page.get_contents().get_data())}
    kept = DictionaryObject({NameObject(k): v for k, v in xobjects.get_object().items() if k[1:] in painted})
    own = DictionaryObject(resources)
    own[NameObject("/XObject")] = kept
    page[NameObject("/Resources")] = own


def split_pages(source: Path, targets: list[Path], titles: list[str]) -> None:
    """Write page i of ``source`` to ``targets[i]`` with document title ``titles[i]``."""
    reader = PdfReader(source)
    if len(reader.pages) != len(targets):
        raise ValueError(f"{source} has {len(reader.pages)} pages for {len(targets)} files")
    for page, target, title in zip(reader.pages, targets, titles, strict=True):
        _only_painted_xobjects(page)
        writer = PdfWriter()
        writer.add_page(page)
        writer.add_metadata({"/Title": title, "/Producer": "Opspor (WeasyPrint, pypdf)"})
        with target.open("wb") as handle:
            writer.write(handle)


class PdfJoiner:
    """Joins PDFs in order into one file."""

    def __init__(self) -> None:
        self.writer = PdfWriter()

    def add(self, part: Path) -> None:
        self.writer.append(str(part))

    def write(self, target: Path, title: str = "") -> None:
        if title:
            self.writer.add_metadata({"/Title": title})
        with target.open("wb") as handle:
            self.writer.write(handle)
