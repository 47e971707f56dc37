"""Splitting and joining finished PDFs (pypdf), so each certificate is laid out and drawn only once.

WeasyPrint writes one run of certificates as one PDF; each participant's own
PDF is cut from it (5 ms a page instead of 14 ms to draw it again), and the
runs are joined into the combined file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    create_string_object,
)

PRODUCER = "Opspor (WeasyPrint, pypdf)"

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
        writer.add_metadata({"/Title": title, "/Producer": PRODUCER})
        with target.open("wb") as handle:
            writer.write(handle)


class PdfJoiner:
    """Joins PDFs in order into one file, streaming: each part is copied out as soon as it is added.

    pypdf's ``PdfWriter.append`` keeps every page of every part in memory until the end
    (measured: the combined file of 10,000 certificates was most of a 543 MB peak). Here
    each part is read, its pages and everything they use are renumbered and written,
    and the part is dropped, so memory stays that of one part whatever the total. The
    page tree, catalogue, cross-reference table and trailer are written by ``close``.
    """

    def __init__(self, target: Path, title: str = "") -> None:
        self.target = target
        self.title = title
        self.handle: BinaryIO = target.open("wb")
        self.handle.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        self.offsets: list[int] = []  # byte offset of object n at index n - 1
        self.pages: list[int] = []
        self.tree = self._reserve()  # the one /Pages node every page hangs from

    def __enter__(self) -> PdfJoiner:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self.handle.close()

    def _reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets)

    def _write(self, number: int, value: PdfObject) -> None:
        self.offsets[number - 1] = self.handle.tell()
        self.handle.write(f"{number} 0 obj\n".encode())
        value.write_to_stream(self.handle)
        self.handle.write(b"\nendobj\n")

    def add(self, part: Path) -> None:
        """Append every page of ``part``."""
        reader = PdfReader(part)
        numbers: dict[tuple[int, int], int] = {}
        waiting: list[IndirectObject] = []
        tree_ref = IndirectObject(self.tree, 0, None)
        part_tree = reader.trailer["/Root"].get_object()["/Pages"]
        if isinstance(part_tree, IndirectObject):  # a link back to the part's page tree is a link to ours
            numbers[(part_tree.idnum, part_tree.generation)] = self.tree

        def renumbered(value: object) -> object:
            if isinstance(value, IndirectObject):
                key = (value.idnum, value.generation)
                if key not in numbers:
                    numbers[key] = self._reserve()
                    waiting.append(value)
                return IndirectObject(numbers[key], 0, None)
            if isinstance(value, StreamObject):
                stream = EncodedStreamObject()
                stream._data = value._data  # the raw, still encoded bytes: nothing is decoded or re-encoded
                stream.update({key: renumbered(item) for key, item in value.items() if key != "/Length"})
                return stream
            if isinstance(value, DictionaryObject):
                return DictionaryObject({key: renumbered(item) for key, item in value.items() if key != "/Parent"
                                         or value.get("/Type") != "/Page"})
            if isinstance(value, ArrayObject):
                return ArrayObject(renumbered(item) for item in value)
            return value

        pages: dict[tuple[int, int], DictionaryObject] = {}  # pypdf's pages carry what they inherit
        for page in reader.pages:
            reference = page.indirect_reference
            if reference is None:
                raise ValueError(f"{part}: a page that is not an indirect object")
            pages[(reference.idnum, reference.generation)] = page
            self.pages.append(renumbered(reference).idnum)  # type: ignore[union-attr]
        while waiting:
            reference = waiting.pop()
            key = (reference.idnum, reference.generation)
            copied = renumbered(pages[key] if key in pages else reference.get_object())
            if key in pages:  # hung from our page tree (set after renumbering: it is already our number)
                copied[NameObject("/Parent")] = tree_ref  # type: ignore[index]
            self._write(numbers[key], copied)  # type: ignore[arg-type]

    def close(self) -> None:
        """Write the page tree, catalogue, document title, cross-references and trailer."""
        kids = ArrayObject(IndirectObject(n, 0, None) for n in self.pages)
        self._write(self.tree, DictionaryObject({NameObject("/Type"): NameObject("/Pages"),
                                                 NameObject("/Kids"): kids,
                                                 NameObject("/Count"): NumberObject(len(self.pages))}))
        catalog = self._reserve()
        self._write(catalog, DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
                                               NameObject("/Pages"): IndirectObject(self.tree, 0, None)}))
        info = self._reserve()
        self._write(info, DictionaryObject({NameObject("/Title"): create_string_object(self.title),
                                            NameObject("/Producer"): create_string_object(PRODUCER)}))
        xref = self.handle.tell()
        self.handle.write(f"xref\n0 {len(self.offsets) + 1}\n0000000000 65535 f \n".encode())
        self.handle.write("".join(f"{offset:010d} 00000 n \n" for offset in self.offsets).encode())
        self.handle.write(f"trailer\n<< /Size {len(self.offsets) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
                          f"startxref\n{xref}\n%%EOF\n".encode())
        self.handle.close()
