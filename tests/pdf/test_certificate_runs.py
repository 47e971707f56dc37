"""Certificates laid out in runs by parallel workers come out complete and in roster order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader

from course.certificates.records import issue
from course.certificates.roster import Participant
from course.certificates.signed import SignedCertificate
from course.certificates.signing import sign
from course.model import Course
from course.pdf import certificates as certificate_pdfs
from course.pdf.certificates import print_certificates

NAMES = ["Åse Ø", "Bo Æ", "Cai Å", "Dorte Ø", "Ebbe Æ"]


def test_runs_in_two_workers_give_every_pdf_and_a_combined_file_in_order(
        mini_course: Course, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(certificate_pdfs, "CHUNK", 2)  # 3 runs for 5 people
    key = Ed25519PrivateKey.generate()
    records = issue(mini_course, [Participant(n, i) for i, n in enumerate(NAMES, 2)], "politi",
                    dt.date(2026, 5, 4), "Testudsteder")
    items = [SignedCertificate(r, sign(r, key), sign(r, key)) for r in records]
    seen: list[int] = []
    combined = print_certificates(items, tmp_path / "out", language="da", course_title="Testkursus",
                                  progress=seen.append, workers=2)
    assert sum(seen) == 5 and len(seen) == 3
    singles = sorted((tmp_path / "out").glob("[0-9]*.pdf"))
    assert len(singles) == 5
    for path, name in zip(singles, NAMES, strict=True):
        assert name in PdfReader(path).pages[0].extract_text()
    pages = PdfReader(combined).pages
    assert [next(n for n in NAMES if n in page.extract_text()) for page in pages] == NAMES
    assert PdfReader(combined).metadata.title == "Testkursus: alle kursusbeviser"
