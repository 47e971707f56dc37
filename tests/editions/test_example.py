"""The shipped example edition: it builds with the default course, fills every slot, and every page
says it is an example."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from course.editions.loading import load_edition
from course.model import Course
from course.pdf.handouts import HandoutPrinter
from course.pdf.renderer import PrintRenderer
from tests.conftest import PROJECT, build_into

EXAMPLE = PROJECT / "editions" / "eksempel"
NOTICE = "Eksempel – ikke en rigtig kommunes beredskab"
# The slots the issue asks the default course to have: five themes and a first step per track.
REQUIRED_SLOTS = {"underretning", "deling-af-oplysninger", "akut-fare", "krisecenter-og-koordinerende-raadgivning",
                  "aeresrelaterede-konflikter", "foerste-skridt-sygeplejerske", "foerste-skridt-laerer",
                  "foerste-skridt-socialraadgiver", "foerste-skridt-politi"}


@pytest.fixture(scope="module")
def example_course(default_course: Course) -> Course:
    course, warnings = load_edition(default_course, EXAMPLE)
    assert warnings == []
    return course


@pytest.fixture(scope="module")
def example_site(example_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(example_course, tmp_path_factory.mktemp("example-site") / "site")


def test_the_default_course_declares_the_slots_and_the_example_fills_them_all(example_course: Course) -> None:
    assert set(example_course.slot_names()) == REQUIRED_SLOTS
    assert example_course.edition is not None and example_course.edition.example
    assert set(example_course.edition.fills) == REQUIRED_SLOTS


def test_every_page_of_the_example_carries_the_notice(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 40
    notice = 'string(//*[@class="opspor-edition-notice"])'
    missing = [p.relative_to(example_site).as_posix() for p in pages
               if NOTICE not in lxml_html.fromstring(p.read_bytes()).xpath(notice)]
    assert missing == []


def test_placeholder_numbers_are_never_links(example_site: Path) -> None:
    for name in ("hjaelp.html", "saadan-goer-vi.html"):
        page = lxml_html.fromstring((example_site / name).read_bytes())
        assert "XX XX XX XX (eksempelnummer, kan ikke ringes op)" in " ".join(page.text_content().split())
        assert not [a for a in page.iter("a") if "XX" in (a.get("href") or "")]


def test_the_example_page_covers_what_perspective_5_asks_for(example_site: Path) -> None:
    shown = " ".join(lxml_html.fromstring((example_site / "saadan-goer-vi.html").read_bytes()).text_content().split())
    for expected in ("Ved mistanke om vold", "Når du ved, at der er vold", "Nøglepersoner", "deler oplysninger",
                     "Kontaktperson i sundhedsvæsenet", "Politiets kontaktperson", "Introduktion og efteruddannelse"):
        assert expected in shown, expected


def test_printed_handouts_say_example_and_who_published(example_course: Course) -> None:
    html = HandoutPrinter(PrintRenderer("da"), example_course).html(example_course.modules["boern-i-familier-med-vold"])
    page = lxml_html.fromstring(html)
    credit = [p.text_content() for p in page.xpath('//p[@class="edition-credit"]')]
    assert credit == ["Udgivet af Eksempelby Kommune", "Lokal udgave af det nationale kursus Opspor", NOTICE]
    box = page.xpath('//div[@data-slot="underretning"]')[0]
    assert "Sådan gør vi i Eksempelby Kommune" in box.text_content()
