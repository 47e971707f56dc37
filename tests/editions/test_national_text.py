"""An edition may add, never replace: national pages, modules and scenarios are out of its reach."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.diagnostics import CourseError
from course.editions.loading import load_edition
from course.model import Course
from tests.editions.test_loading import edit, problems, shown


@pytest.mark.parametrize("page_id", ["hjaelp", "om", "index"])
def test_a_page_with_a_national_page_id_is_refused(mini_course: Course, lille_copy: Path, page_id: str) -> None:
    edit(lille_copy / "tekster" / "lokal-side.md", "id: lokal-side", f"id: {page_id}")
    assert problems(mini_course, lille_copy) == [
        f"{shown(lille_copy, 'tekster/lokal-side.md')}:2: id '{page_id}' is a national page; an edition cannot "
        f"replace or change national text. Give the page its own id, e.g. '{page_id}-lokalt'"]


def test_a_page_cannot_take_the_place_of_a_generated_page(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "tekster" / "lokal-side.md", "id: lokal-side", "id: ordliste")
    assert "id 'ordliste' is already used by the site" in problems(mini_course, lille_copy)[0]


def test_a_scenario_with_a_national_id_is_refused(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "tekster" / "lokalt-scenarie.yml", "id: lokalt-scenarie", "id: test-scenarie")
    assert problems(mini_course, lille_copy) == [
        f"{shown(lille_copy, 'tekster/lokalt-scenarie.yml')}:1: id 'test-scenarie' is already used by the course; "
        "give the scenario its own id"]


def test_there_is_no_key_to_replace_or_delete_national_text(mini_course: Course, lille_copy: Path) -> None:
    (lille_copy / "edition.yml").write_text((lille_copy / "edition.yml").read_text("utf-8")
                                            + "modules:\n  grundmodul: tekster/underretning.md\n", "utf-8")
    found = problems(mini_course, lille_copy)
    assert len(found) == 1 and ":38: unknown key 'modules'" in found[0], found


def test_the_edition_leaves_the_national_model_as_it_was(mini_course: Course, lille_course: Course) -> None:
    assert lille_course.modules == mini_course.modules
    assert lille_course.pages == mini_course.pages
    assert {k: v for k, v in lille_course.scenarios.items() if k in mini_course.scenarios} == mini_course.scenarios


def test_an_edition_text_cannot_declare_slots_or_quizzes(mini_course: Course, lille_copy: Path) -> None:
    (lille_copy / "tekster" / "underretning.md").write_text(
        'Tekst.\n\n!!! lokal "underretning"\n    Indlejret.\n\n<quiz>\nSpm?\n- [x] Ja\n</quiz>\n', "utf-8")
    with pytest.raises(CourseError) as caught:
        load_edition(mini_course, lille_copy)
    messages = [p.message for p in caught.value.problems]
    assert "local slot 'underretning': an edition fills slots, it cannot declare them" in messages
    assert "quizzes belong in national modules, not in an edition" in messages
