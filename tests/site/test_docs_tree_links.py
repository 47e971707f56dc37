"""Course links in the generated docs tree come from what the parser found, not from patterns:
a link shown in code is text, on the page and in what the page carries."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from course.editions.loading import load_edition
from course.i18n import ui_strings
from course.loading import load_course
from course.model import SHELL_NAMES, Course
from course.packaging.track_view import track_course
from course.site.docs_tree import DocsTreeWriter
from tests.conftest import FIXTURES, build_into

LINK = "[tavshedspligt](ordliste:tavshedspligt)"


def _module_page(course: Course, docs: Path, module_id: str = "grundmodul") -> str:
    DocsTreeWriter(course, ui_strings("da"), docs).write_module(course.modules[module_id])
    return (docs / "moduler" / f"{module_id}.md").read_text("utf-8")


def _mini_with_the_term_in_code(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    module = root / "modules" / "01-grundmodul.md"
    text = module.read_text("utf-8")
    assert LINK in text
    module.write_text(text.replace(LINK, f"`{LINK}`"), "utf-8")
    return root


def test_a_glossary_term_the_page_links_to_comes_with_its_definition(mini_course: Course, tmp_path: Path) -> None:
    page = _module_page(mini_course, tmp_path / "docs")
    assert 'id="opspor-glossary-data"' in page and "Pligten til ikke at videregive" in page


def test_a_glossary_link_shown_in_code_brings_no_definition(tmp_path: Path) -> None:
    page = _module_page(load_course(_mini_with_the_term_in_code(tmp_path)), tmp_path / "docs")
    assert f"`{LINK}`" in page  # the docs tree leaves course links to the shell's parser
    assert "opspor-glossary-data" not in page


def test_a_glossary_link_in_an_editions_slot_text_brings_the_definition(tmp_path: Path) -> None:
    course = load_course(_mini_with_the_term_in_code(tmp_path))
    edition = tmp_path / "lille"
    shutil.copytree(FIXTURES / "editions" / "lille", edition)
    fill = edition / "tekster" / "underretning.md"
    fill.write_text(fill.read_text("utf-8") + f" Husk {LINK}.\n", "utf-8")
    course, _ = load_edition(course, edition)
    page = _module_page(course, tmp_path / "docs")
    assert 'id="opspor-glossary-data"' in page and "Pligten til ikke at videregive" in page


SHOWN = "Skriv `[scenariet](scenarie:test-scenarie)` for at linke:\n\n```\nSe [ordet](ordliste:tavshedspligt).\n```\n"


@pytest.fixture(scope="module")
def police_package_course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    """The mini course's police track alone (no rollemodul), its first module also showing links in code."""
    root = tmp_path_factory.mktemp("links") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    module = root / "modules" / "01-grundmodul.md"
    text = module.read_text("utf-8")
    module.write_text(text.replace("!!! lokal", f"Se [scenariet](scenarie:test-scenarie#trin-start).\n\n{SHOWN}\n!!! lokal"),
                      "utf-8")
    return track_course(load_course(root), "politi")


@pytest.mark.parametrize("shell", SHELL_NAMES)
def test_course_links_on_a_module_page_lead_to_the_built_pages(police_package_course: Course, shell: str,
                                                                tmp_path: Path) -> None:
    site = build_into(police_package_course, tmp_path / "site", shell)
    page = site / "moduler" / "grundmodul.html"
    content = lxml_html.fromstring(page.read_text("utf-8")).find_class("opspor-page")[0].getparent()
    links = {a.text_content(): a.get("href") for a in content.iter("a")}
    assert links["tavshedspligt"] == "../ordliste.html#tavshedspligt"
    assert links["scenariet"] == "../scenarier/test-scenarie.html#trin-start"
    for href in (links["tavshedspligt"], links["scenariet"]):
        assert (page.parent / posixpath.normpath(href.partition("#")[0])).is_file(), href
    assert "rollemodulet" not in links  # not in this package: its text only
    assert "rollemodulet" in content.text_content()
    codes = [c.text_content() for c in content.iter("code")]
    assert "[scenariet](scenarie:test-scenarie)" in codes
    assert any("Se [ordet](ordliste:tavshedspligt)." in c for c in codes)
