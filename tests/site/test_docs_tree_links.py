"""Course links in the generated docs tree come from what the parser found, not from patterns:
a link shown in code is text, on the page and in what the page carries."""

from __future__ import annotations

import shutil
from pathlib import Path

from course.editions.loading import load_edition
from course.i18n import ui_strings
from course.loading import load_course
from course.model import Course
from course.site.docs_tree import DocsTreeWriter
from tests.conftest import FIXTURES

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
