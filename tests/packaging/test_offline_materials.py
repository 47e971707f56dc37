"""The offline zip carries every printed PDF in ``Materialer/``, and "Om kurset" links to each of them."""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import MINI
from tests.helpers_check import run_cli


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("offline-materials")
    result = run_cli("--course", str(MINI), "package", "offline", "--out", str(out))
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("*-offline.zip")
    return zipfile.ZipFile(path)


def test_every_pdf_is_in_materialer_and_linked_from_om_kurset(offline: zipfile.ZipFile) -> None:
    names = set(offline.namelist())
    pdfs = {n for n in names if n.endswith(".pdf")}
    assert pdfs and all(n.startswith("testkursus/Materialer/") for n in pdfs)
    for expected in ("spor/politi-workshoppakke.pdf", "scenarier/test-scenarie-deltager.pdf",
                     "moduler/grundmodul-svarnoegle.pdf", "workshops/politi-kort/01-dagsorden.pdf"):
        assert f"testkursus/Materialer/{expected}" in pdfs
    about = offline.read("testkursus/om.html").decode("utf-8")
    assert "Materialer til udskrift" in about
    links = {html.unescape(h) for h in re.findall(r'href="([^"]+\.pdf)"', about)}
    resolved = {posixpath.normpath(posixpath.join("testkursus", link)) for link in links}
    listed_own = {n for n in pdfs if "/workshops/" not in n or re.search(r"/0\d-[^/]+\.pdf$", n)}
    assert resolved <= pdfs  # every link opens a file in the zip
    assert listed_own <= resolved  # and every PDF is listed (a kit's copies of scenario PDFs are its own)
    assert offline.read("testkursus/Materialer/spor/politi-workshoppakke.pdf").startswith(b"%PDF")


def test_the_printed_pdfs_in_the_zip_are_whole(offline: zipfile.ZipFile, tmp_path: Path) -> None:
    target = tmp_path / "agenda.pdf"
    target.write_bytes(offline.read("testkursus/Materialer/workshops/politi-kort/01-dagsorden.pdf"))
    assert "Dagsorden" in PdfReader(target).pages[0].extract_text()


def test_the_normal_site_carries_no_materials(mini_site: Path) -> None:
    assert not (mini_site / "Materialer").exists()
    assert "Materialer til udskrift" not in (mini_site / "om.html").read_text("utf-8")
