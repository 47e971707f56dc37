"""What a learner, an LMS and a workshop see of an edition: header, pages, contacts, SCORM, certificate."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image
from pypdf import PdfReader

from course.certificates.records import Certificate
from course.certificates.signed import SignedCertificate
from course.editions.credit import credit_lines
from course.editions.loading import load_edition
from course.i18n import ui_strings
from course.model import Course
from course.packaging.scorm_manifest import ManifestInput, render_manifest
from course.packaging.scorm_package import package_name
from course.pdf.certificates import print_certificates
from course.pdf.handouts import HandoutPrinter
from course.pdf.packs import STYLESHEETS, PackPrinter
from course.pdf.renderer import PrintRenderer
from tests.conftest import MINI
from tests.editions.conftest import LILLE
from tests.helpers_check import run_cli


def tree(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def text(path: Path) -> str:
    return " ".join(tree(path).text_content().split())


def test_header_carries_the_edition_name_and_logo(lille_site: Path) -> None:
    page = tree(lille_site / "index.html")
    header = page.xpath("//header")[0]
    assert "Testkursus – Lilleby Kommune" in " ".join(header.text_content().split())
    logo = header.xpath('.//a/img[@src="assets/opspor/udgave-logo.svg"]')
    assert len(logo) == 1
    assert (lille_site / "assets/opspor/udgave-logo.svg").read_bytes() == (LILLE / "logo.svg").read_bytes()
    assert "Eksempel – ikke en rigtig" not in text(lille_site / "index.html")  # not the example


def test_local_page_has_steps_per_department_and_key_persons(lille_site: Path) -> None:
    page = lille_site / "saadan-goer-vi.html"
    shown = text(page)
    assert "Sådan gør vi i Lilleby Kommune" in shown
    for expected in ("Skolerne", "Gælder for: Spor for laerer", "Ved mistanke om vold", "Skriv ned, hvad du ser.",
                     "Når du ved, at der er vold", "Underret Børnehuset samme dag.", "Koordinator", "Kim Testesen"):
        assert expected in shown, expected
    assert tree(page).xpath('//li[strong="Koordinator"]/a[@href="tel:+4512345678"]')
    assert "lokal-side.html" in (lille_site / "lokal-side.html").name and "Lilleby har sin egen side." in \
        text(lille_site / "lokal-side.html")


def test_help_page_lists_local_contacts_above_the_national_lines(lille_site: Path) -> None:
    page = tree(lille_site / "hjaelp.html")
    contacts = page.xpath('//div[contains(@class, "opspor-contact")]')
    assert [c.xpath(".//h3")[0].text_content().strip() for c in contacts] == ["Børnehuset", "Lev Uden Vold"]
    first = " ".join(contacts[0].text_content().split())
    for expected in ("Underretninger om børn.", "Telefon: 12 34 56 78", "Ring, når: Du er bekymret for et barn.",
                     "Åbent: Hverdage kl. 8-15"):
        assert expected in first, expected
    assert contacts[0].xpath('.//a[@href="tel:+4512345678"]') and contacts[1].xpath('.//a[@href="tel:1888"]')
    shown = text(lille_site / "hjaelp.html")
    assert shown.index("Lokalt i Lilleby Kommune") < shown.index("Lev Uden Vold: 1888")  # the national line


def test_the_edition_scenario_is_in_its_track(lille_site: Path) -> None:
    assert (lille_site / "scenarier" / "lokalt-scenarie.html").exists()
    def items(track: str) -> str:  # the track page's own list, not the navigation
        return tree(lille_site / "spor" / f"{track}.html").xpath('//article')[0].text_content()

    assert "Lokalt scenarie i Lilleby" in items("laerer")
    assert "Lokalt scenarie i Lilleby" not in items("politi")


def test_scorm_manifest_carries_the_edition_name(lille_course: Course) -> None:
    manifest = render_manifest(ManifestInput(lille_course, "laerer", "1.2", "index.html", ["index.html"]))
    assert "<title>Testkursus – Spor for laerer – Lilleby Kommune</title>" in manifest
    assert package_name("laerer", "1.2", "1.0", lille_course.edition.id) == "opspor-lille-laerer-1.0-scorm12.zip"


def test_certificate_says_who_published_the_edition(lille_course: Course, tmp_path: Path) -> None:
    record = Certificate(id="OPS-TEST-1", name="Åse Testesen", track_id="laerer", track_title="Spor for laerer",
                         hours=0.25, date=dt.date(2026, 12, 2), issuer="Lilleby Kommune")
    print_certificates([SignedCertificate(record, "kode", "kode")], tmp_path, language="da",
                       course_title="Testkursus", credit=credit_lines(lille_course, ui_strings("da")), workers=1)
    reader = PdfReader(tmp_path / "001-aase-testesen.pdf")
    assert len(reader.pages) == 1
    shown = " ".join(reader.pages[0].extract_text().split())
    assert "Udgivet af Lilleby Kommune" in shown
    assert "Lokal udgave af det nationale kursus Testkursus" in shown


def test_cli_build_goes_to_the_editions_own_folder_and_escapes_hostile_text(tmp_path: Path) -> None:
    course_root = tmp_path / "kursus"
    shutil.copytree(MINI, course_root)
    edition = course_root / "editions" / "lille"
    shutil.copytree(LILLE, edition)
    spec = edition / "edition.yml"
    hostile = '<script>alert("navn")</script>'
    spec.write_text(spec.read_text("utf-8")
                    .replace("name: Lilleby Kommune", f"name: 'Lilleby {hostile}'")
                    .replace("  - unit: Børnehuset", "  - unit: '<img src=x onerror=alert(1)>Børnehuset'"), "utf-8")
    result = run_cli("--course", str(course_root), "--edition", str(edition), "build")
    assert result.returncode == 0, result.stderr
    site = course_root / "build" / "udgave-lille" / "site"
    assert (site / "index.html").exists() and not (course_root / "site").exists()
    for page in site.rglob("*.html"):
        assert "<script>alert" not in page.read_text("utf-8"), page
        parsed = tree(page)
        assert not [s for s in parsed.iter("script") if "alert" in (s.text or "")], page
        assert not [e for e in parsed.iter() if isinstance(e.tag, str) and e.get("onerror")], page
    assert f"Lilleby {hostile}" in text(site / "saadan-goer-vi.html")  # shown as written, as text
    assert "<img src=x onerror=alert(1)>Børnehuset" in text(site / "hjaelp.html")


LOGO_COLOUR = (0xFF, 0x00, 0xFF)  # no print stylesheet uses magenta, so every such pixel is the logo's


@pytest.fixture(scope="module")
def magenta_course(mini_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Course:
    """The `lille` edition with a magenta square as its logo."""
    folder = tmp_path_factory.mktemp("magenta") / "lille"
    shutil.copytree(LILLE, folder)
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                     '<rect width="10" height="10" fill="#ff00ff"/></svg>', "utf-8")
    course, _ = load_edition(mini_course, folder)
    return course


def logo_pixels(pdf: Path, tmp_path: Path) -> int:
    """How many pixels of the first page, rendered as a reader sees it, have the logo's colour."""
    stem = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(stem)],
                   check=True, timeout=60)
    with Image.open(f"{stem}.png") as image:
        data = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3)
               if all(abs(a - b) <= 8 for a, b in zip(data[i:i + 3], LOGO_COLOUR, strict=True)))


def test_certificate_prints_the_editions_logo(magenta_course: Course, mini_course: Course, tmp_path: Path) -> None:
    record = Certificate(id="OPS-TEST-2", name="Bo Testesen", track_id="laerer", track_title="Spor for laerer",
                         hours=0.25, date=dt.date(2026, 12, 2), issuer="Lilleby Kommune")
    runs = {}
    for which, course in (("lille", magenta_course), ("national", mini_course)):
        out = tmp_path / which
        print_certificates([SignedCertificate(record, "kode", "kode")], out, language="da",
                           course_title="Testkursus", credit=credit_lines(course, ui_strings("da")), workers=1)
        runs[which] = logo_pixels(out / "001-bo-testesen.pdf", tmp_path)
    assert runs["national"] == 0
    assert runs["lille"] > 50, runs  # a 15 mm square at 40 dpi is about 550 pixels


def test_packs_and_handouts_print_the_editions_logo_on_their_first_page(magenta_course: Course,
                                                                        mini_course: Course, tmp_path: Path) -> None:
    renderer = PrintRenderer("da")
    counts = {}
    for which, course in (("lille", magenta_course), ("national", mini_course)):
        track = course.tracks["laerer"]
        module = next(course.modules[i] for i in track.items if i in course.modules)
        pack, handout = tmp_path / f"{which}-pack.pdf", tmp_path / f"{which}-handout.pdf"
        printer = PackPrinter(renderer, course)
        printer.write(printer.track_html(track), pack)
        renderer.write(HandoutPrinter(renderer, course).html(module), STYLESHEETS, handout)
        counts[which] = (logo_pixels(pack, tmp_path), logo_pixels(handout, tmp_path))
    assert counts["national"] == (0, 0)
    assert min(counts["lille"]) > 50, counts
