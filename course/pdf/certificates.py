"""Certificate PDFs: one per participant plus one combined file for printing them all.

The combined file is one HTML document with a section per participant (fonts
embedded once, ~4x smaller than merged single files, and far less memory).
"""

from __future__ import annotations

import base64
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import segno
from PIL import Image

from course.editions.credit import NO_CREDIT, Credit
from course.pdf.glyphs import needs_upright
from course.pdf.pdf_files import PdfJoiner, split_pages
from course.pdf.renderer import PrintRenderer
from course.pdf.workers import map_in_workers
from course.scratch import scratch_folder
from course.spreadsheet_csv import SpreadsheetWriter

if TYPE_CHECKING:  # laid out here, made and signed by course.certificates (which uses this module)
    from course.certificates.signed import SignedCertificate

STYLESHEETS = ["fonts.css", "certificate.css"]
CHUNK = 20  # certificates laid out together: one document, one run PDF
COMBINED_FILE = "alle-kursusbeviser.pdf"
COMBINED_TITLE = "alle kursusbeviser"
REGISTER_FILE = "kursusbeviser.csv"
QR_QUIET_ZONE = 3  # modules of white around the code, part of the image, so scanners find its edge
QR_MASK = 2  # a fixed mask: choosing the best of eight costs 15 ms a code; every mask scans (checked with zbarimg)
_WHITE = b"\xff"
_DARK_TO_BLACK = bytes([255, 0]) + bytes(254)  # segno's matrix: 1 = dark module
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})


def qr_png(text: str) -> str:
    """The QR code as a greyscale PNG ``data:`` URL, 2 px a module (error correction M).

    A PNG, not inline SVG: WeasyPrint redraws an SVG path of ~4,000 segments on every
    write, measured at 50 ms per certificate. Greyscale ("L"), because WeasyPrint
    re-encodes the image on each write and turns 1-bit and palette PNGs into RGB.
    """
    matrix = segno.make(text, error="m", mask=QR_MASK).matrix
    side = len(matrix) + 2 * QR_QUIET_ZONE
    margin = _WHITE * QR_QUIET_ZONE
    rows = [_WHITE * side] * QR_QUIET_ZONE
    rows += [margin + bytes(row).translate(_DARK_TO_BLACK) + margin for row in matrix]
    rows += [_WHITE * side] * QR_QUIET_ZONE
    image = Image.frombytes("L", (side, side), b"".join(rows)).resize((2 * side, 2 * side), Image.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def file_name(number: int, name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.translate(_DANISH)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "deltager"
    return f"{number:03d}-{slug}.pdf"


class CertificatePrinter:
    """Lays out certificates; a run of them is one document whose pages are also written one by one."""

    def __init__(self, renderer: PrintRenderer, course_title: str, course_subtitle: str = "",
                 signature: Path | None = None, credit: Credit = NO_CREDIT):
        self.renderer = renderer
        self.course_title = course_title
        self.course_subtitle = course_subtitle
        self.signature = signature  # the issuer's scanned signature; served only by the asset fetcher
        self.credit = credit  # a local edition's logo and "Udgivet af ..." lines

    def html(self, items: Sequence[SignedCertificate]) -> str:
        return self.renderer.html(
            "certificates.html.j2",
            items=[{"certificate": i.certificate, "qr_png": qr_png(i.qr_text), "linked": i.qr_text != i.code,
                    "upright": needs_upright(i.certificate.name)} for i in items],
            course_title=self.course_title, course_subtitle=self.course_subtitle, credit=self.credit,
            signature_image=self.signature.resolve().as_uri() if self.signature else None)

    def write_run(self, items: Sequence[SignedCertificate], first_number: int, out_dir: Path,
                  combined: Path) -> None:
        """Lay out ``items`` once; write them as one PDF and as one PDF per participant."""
        document = self.renderer.document(self.html(items), STYLESHEETS)
        if len(document.pages) != len(items):
            raise RuntimeError(f"{len(items)} certificates came out as {len(document.pages)} pages")
        document.write_pdf(combined)
        split_pages(combined, [out_dir / file_name(n, i.certificate.name) for n, i in enumerate(items, first_number)],
                    [f"{self.renderer.strings['cert_title']}: {i.certificate.name}" for i in items])


def print_certificates(items: Sequence[SignedCertificate], out_dir: Path, *, language: str,
                       course_title: str, course_subtitle: str = "", credit: Credit = NO_CREDIT,
                       progress: Callable[[int], None] = lambda n: None,
                       workers: int | None = None, signature: Path | None = None) -> Path:
    """Write every single PDF, the combined PDF and the register into ``out_dir``; returns the combined PDF.

    Runs of ``CHUNK`` certificates are laid out in parallel worker processes, each
    run once. A job is only a range of ``items`` (the workers are forked with it, so no
    certificate is pickled, and a :class:`SignedCertificates` signs in the worker), and
    each run PDF is streamed into the combined file and deleted as soon as it is done,
    so neither memory nor scratch space grows with the roster.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    combined = out_dir / COMBINED_FILE
    with scratch_folder("opspor-certificates-") as scratch:
        jobs = [(start, min(start + CHUNK, len(items)), Path(scratch) / f"run-{start:06d}.pdf")
                for start in range(0, len(items), CHUNK)]

        def work(renderer: PrintRenderer, job: tuple[int, int, Path]) -> tuple[Path, int]:
            start, stop, run_pdf = job
            CertificatePrinter(renderer, course_title, course_subtitle, signature, credit).write_run(
                items[start:stop], start + 1, out_dir, run_pdf)
            return run_pdf, stop - start

        with PdfJoiner(combined, title=f"{course_title}: {COMBINED_TITLE}") as joiner:
            def joined(result: tuple[Path, int]) -> None:
                run_pdf, count = result
                joiner.add(run_pdf)
                run_pdf.unlink()
                progress(count)

            map_in_workers(work, jobs, language=language, workers=workers, on_result=joined,
                           images=(signature,) if signature else ())
    write_register(items, out_dir / REGISTER_FILE)
    return combined


REGISTER_COLUMNS = ("bevisnummer", "navn", "spor", "dato", "timer", "udsteder", "kode")


def register_header(roster_columns: Sequence[str]) -> list[str]:
    """Our columns, then every roster column as written; one that repeats ours (a ``Navn`` column)
    is renamed ``Navn (deltagerliste)`` so a mail merge never picks the wrong one."""
    taken = {name.casefold() for name in REGISTER_COLUMNS}
    header = list(REGISTER_COLUMNS)
    for title in roster_columns:
        while title.casefold() in taken:
            title = f"{title} (deltagerliste)"
        taken.add(title.casefold())
        header.append(title)
    return header


def write_register(items: Sequence[SignedCertificate], target: Path) -> None:
    """The issuer's own list: which id went to whom, with the code, and the participant's whole roster row
    (e-mail, unit, ...) for a mail merge (opens in Danish Excel).

    Written with :class:`SpreadsheetWriter`: a name such as ``=HYPERLINK(...)`` stays text.
    """
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SpreadsheetWriter(handle, delimiter=";")
        header_written = False
        for item in items:
            c = item.certificate
            if not header_written:
                writer.writerow(register_header([title for title, _ in c.roster_columns]))
                header_written = True
            writer.writerow([c.id, c.name, c.track_id, c.date.isoformat(), c.hours, c.issuer, item.code,
                             *(cell for _, cell in c.roster_columns)])
        if not header_written:
            writer.writerow(REGISTER_COLUMNS)
