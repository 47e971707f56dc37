"""The shipped example edition: it builds with the default course, fills every slot, and every page
says it is an example."""

from __future__ import annotations

import re
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


def _boxes(page: Path) -> dict[str, str]:
    tree = lxml_html.fromstring(page.read_bytes())
    return {box.get("data-slot"): " ".join(box.text_content().split())
            for box in tree.xpath('//div[contains(@class, "opspor-lokal")]')}


def _words(markdown_text: str) -> str:
    """The first words of a Markdown text as they read on the page (links and emphasis dropped)."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text).replace("*", "")
    return " ".join(plain.split())[:60]


def test_every_slot_shows_its_default_without_an_edition_and_the_edition_text_with_one(
        default_course: Course, default_site: Path, example_course: Course, example_site: Path) -> None:
    edition = example_course.edition
    assert edition is not None
    renderer = PrintRenderer("da")
    seen = set()
    for module in default_course.modules.values():
        if not module.slots:
            continue
        doc = f"moduler/{module.id}.html"
        national, local = _boxes(default_site / doc), _boxes(example_site / doc)
        printed = {which: _boxes_html(HandoutPrinter(renderer, course).html(course.modules[module.id]))
                   for which, course in (("national", default_course), ("edition", example_course))}
        for slot in module.slots:
            seen.add(slot.name)
            default, filled = _words(slot.default), _words(edition.fills[slot.name])
            for shown in (national[slot.name], printed["national"][slot.name]):
                assert shown.startswith("Din lokale vej") and default in shown and filled not in shown, shown
            for shown in (local[slot.name], printed["edition"][slot.name]):
                assert shown.startswith("Sådan gør vi i Eksempelby Kommune") and filled in shown, shown
                assert default not in shown, shown
    assert seen == REQUIRED_SLOTS


def _boxes_html(html: str) -> dict[str, str]:
    tree = lxml_html.fromstring(html)
    return {box.get("data-slot"): " ".join(box.text_content().split())
            for box in tree.xpath('//div[contains(@class, "opspor-lokal")]')}
