"""Local slots render the national default without an edition and the edition's text with one,
on the site and in print, from the one parser ``check`` uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from course.loading.slot_syntax import slot_spans
from course.model import Course
from course.pdf.handouts import HandoutPrinter
from course.pdf.renderer import PrintRenderer

NATIONAL = "Følg din kommunes procedure for, hvordan underretningen sendes."
LOCAL = "I Lilleby sender du underretningen til Børnehuset via formularen."


def slot(page: Path, name: str):
    tree = lxml_html.fromstring(page.read_bytes())
    found = tree.xpath(f'//div[contains(@class, "opspor-lokal")][@data-slot="{name}"]')
    assert len(found) == 1, f"{page.name}: {len(found)} slots named {name}"
    return found[0]


def title_and_text(box) -> tuple[str, str]:
    title = box.xpath('./p[@class="opspor-callout__title"]')[0].text_content().strip()
    return title, " ".join(box.text_content().split())


def test_the_parser_finds_slots_outside_code_and_reports_bad_directives() -> None:
    lines = ['!!! lokal "a"', "    Tekst a.", "", "```", '!!! lokal "b"', "    kode", "```",
             '!!! lokal underretning', '!!! lokal "Ikke Slug"', "    x", '!!! lokal "tom"', "", "Efter."]
    spans, problems = slot_spans(lines)
    assert [(s.name, s.default) for s in spans] == [("a", "Tekst a.")]
    assert problems == [(7, 'write a local slot as !!! lokal "name", the name in double quotes'),
                        (8, "slot name 'Ikke Slug' is not a slug (a-z, 0-9 and '-')"),
                        (10, "slot 'tom' has no national default text: indent it four spaces under the !!! lokal line")]


def test_site_without_edition_shows_the_national_default(mini_site: Path) -> None:
    title, text = title_and_text(slot(mini_site / "moduler" / "grundmodul.html", "underretning"))
    assert title == "Din lokale vej"
    assert NATIONAL in text and LOCAL not in text


def test_site_with_edition_shows_its_text_and_links_to_its_page(lille_site: Path) -> None:
    box = slot(lille_site / "moduler" / "grundmodul.html", "underretning")
    title, text = title_and_text(box)
    assert title == "Sådan gør vi i Lilleby Kommune"
    assert LOCAL in text and NATIONAL not in text
    assert box.xpath('.//a[@href="tel:12345678"]')
    assert box.xpath('.//a[@href="../saadan-goer-vi.html"]')
    assert "opspor-lokal--udgave" in box.get("class")


def test_a_slot_the_edition_leaves_empty_keeps_the_national_default(lille_site: Path) -> None:
    title, text = title_and_text(slot(lille_site / "moduler" / "rollemodul.html", "foerste-skridt-sygeplejerske"))
    assert title == "Din lokale vej"
    assert "Tjek, hvilken vej din afdeling bruger ved underretning." in text


@pytest.fixture(scope="module")
def renderer() -> PrintRenderer:
    return PrintRenderer("da")


@pytest.mark.parametrize(("which", "title", "present", "absent"), [
    ("national", "Din lokale vej", NATIONAL, LOCAL),
    ("edition", "Sådan gør vi i Lilleby Kommune", LOCAL, NATIONAL),
])
def test_print_shows_the_same_slot_text_as_the_site(renderer: PrintRenderer, mini_course: Course,
                                                    lille_course: Course, which: str, title: str, present: str,
                                                    absent: str) -> None:
    course = mini_course if which == "national" else lille_course
    page = lxml_html.fromstring(HandoutPrinter(renderer, course).html(course.modules["grundmodul"]))
    box = page.xpath('//div[contains(@class, "opspor-lokal")][@data-slot="underretning"]')[0]
    shown_title, text = title_and_text(box)
    assert shown_title == title
    assert present in text and absent not in text
