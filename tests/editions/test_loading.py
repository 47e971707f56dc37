"""`check --edition`: every kind of mistake in an edition is one `path:line: message`, exit 1."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from course.diagnostics import CourseError
from course.editions.loading import load_edition
from course.model import Course
from tests.conftest import MINI
from tests.helpers_check import run_cli


def problems(course: Course, folder: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_edition(course, folder)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def shown(folder: Path, name: str) -> str:
    return (folder / name).as_posix()  # outside the course, a path is shown as it is


def test_the_fixture_edition_loads_and_adds_its_scenario_to_its_track(lille_course: Course) -> None:
    edition = lille_course.edition
    assert edition is not None and edition.name == "Lilleby Kommune"
    assert set(edition.fills) == {"underretning"}
    assert "lokal-side" in edition.pages
    assert lille_course.tracks["laerer"].items[-1] == "lokalt-scenarie"
    assert "lokalt-scenarie" not in lille_course.tracks["politi"].items


def test_cli_check_names_the_edition_and_exits_0() -> None:
    result = run_cli("--course", str(MINI), "--edition", str(MINI.parent / "editions" / "lille"), "check")
    assert result.returncode == 0, result.stderr
    assert "Edition 'lille' (Lilleby Kommune): 1 of 2 slots filled" in result.stdout


def test_cli_reports_edition_problems_as_path_line_and_exits_1(lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "kind: kommune", "knid: kommune")
    result = run_cli("--course", str(MINI), "--edition", str(lille_copy), "check")
    assert result.returncode == 1
    assert f"{shown(lille_copy, 'edition.yml')}:4: unknown key 'knid' (did you mean 'kind'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_without_edition_yml_is_refused_before_any_work(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "--edition", str(tmp_path), "check")
    assert result.returncode == 2  # a usage error, from the option's own type
    assert "edition.yml:1: missing edition.yml" in result.stderr


def test_unknown_slot_name_with_did_you_mean(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "  underretning: tekster", "  underretnig: tekster")
    found = problems(mini_course, lille_copy)
    assert any(p.startswith(f"{shown(lille_copy, 'edition.yml')}:33: slots: no module declares a slot "
                            "'underretnig' (did you mean 'underretning'?)") for p in found), found


def test_missing_file(mini_course: Course, lille_copy: Path) -> None:
    (lille_copy / "tekster" / "lokal-side.md").unlink()
    assert problems(mini_course, lille_copy) == [
        f"{shown(lille_copy, 'edition.yml')}:35: pages[1]: file 'tekster/lokal-side.md' not found in "
        f"{lille_copy.as_posix()}/"]


@pytest.mark.parametrize(("number", "message"), [
    ("1234 567", "phone '1234 567' is not 8 digits"),
    ("XX XX XX XX", "phone 'XX XX XX XX' is the example placeholder"),
])
def test_bad_phone_number(mini_course: Course, lille_copy: Path, number: str, message: str) -> None:
    edit(lille_copy / "edition.yml", "    phone: 1888", f"    phone: {number}")
    found = problems(mini_course, lille_copy)
    assert len(found) == 1 and found[0].startswith(f"{shown(lille_copy, 'edition.yml')}:29: {message}"), found


def test_placeholders_are_accepted_in_the_example_only(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "    phone: 1888", "    phone: XX XX XX XX")
    edit(lille_copy / "edition.yml", "kind: kommune", "kind: kommune\nexample: true")
    course, _ = load_edition(mini_course, lille_copy)
    assert course.edition is not None and course.edition.example


def test_placeholder_and_bad_tel_link_in_the_edition_markdown(mini_course: Course, lille_copy: Path) -> None:
    (lille_copy / "tekster" / "underretning.md").write_text(
        "Ring til os.\n\nNummer: XX XX XX XX, eller [ring](tel:123).\n", "utf-8")
    edit(lille_copy / "tekster" / "underretning.md", "tel:123", "tel:12345")
    found = problems(mini_course, lille_copy)
    where = shown(lille_copy, "tekster/underretning.md")
    assert f"{where}:3: 'XX XX XX XX' is the example placeholder; give the real number (placeholders are only " \
           "allowed with example: true)" in found
    assert any(p.startswith(f"{where}:3: link tel:12345: phone '12345' is not 8 digits") for p in found), found


@pytest.mark.parametrize(("text", "message"), [
    ("Se <b>her</b>.\n", "raw HTML <b> is not allowed"),
    ("Klik [her](javascript:alert(1)).\n", "the scheme 'javascript:' is not allowed"),
    ("Læs [modulet](modul:findes-ikke).\n", "link 'modul:findes-ikke' points to no modul"),
    ("Se [siden](https://example.org){: onclick=\"x()\" }.\n", "attribute 'onclick' is not allowed"),
])
def test_slot_text_follows_the_course_rules_for_links_and_markup(mini_course: Course, lille_copy: Path,
                                                                 text: str, message: str) -> None:
    (lille_copy / "tekster" / "underretning.md").write_text(f"Første linje.\n\n{text}", "utf-8")
    found = problems(mini_course, lille_copy)
    assert any(p.startswith(f"{shown(lille_copy, 'tekster/underretning.md')}:3: ") and message in p
               for p in found), found


def test_a_link_in_edition_yml_is_checked_at_its_line(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "(modul:grundmodul)", "(modul:grundmodull)")
    assert problems(mini_course, lille_copy) == [
        f"{shown(lille_copy, 'edition.yml')}:8: link 'modul:grundmodull' points to no modul "
        "(did you mean 'grundmodul'?)"]


@pytest.mark.parametrize(("content", "where", "message"), [
    (b"GIF89a\x01\x00", "edition.yml:5", "logo 'logo.svg' is not a PNG or SVG image"),
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>', "logo.svg:2",
     "the SVG contains <script>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n\n<rect onload="x()"/></svg>', "logo.svg:3",
     "event handler 'onload'"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">\n'
     b'<image x:href="file:///etc/passwd"/></svg>', "logo.svg:2", "refers to another file"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><!DOCTYPE svg [<!ENTITY a "x">]></svg>', "logo.svg:1",
     "DOCTYPE or entity declaration"),
])
def test_a_logo_must_be_a_clean_png_or_svg(mini_course: Course, lille_copy: Path, content: bytes, where: str,
                                           message: str) -> None:
    (lille_copy / "logo.svg").write_bytes(content)
    found = problems(mini_course, lille_copy)
    assert len(found) == 1 and message in found[0], found
    file, line = where.split(":")
    assert found[0].startswith(f"{shown(lille_copy, file)}:{line}: "), found


def test_a_logo_symlink_out_of_the_edition_folder_is_refused(mini_course: Course, lille_copy: Path,
                                                             tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.svg"
    outside.write_bytes((lille_copy / "logo.svg").read_bytes())
    (lille_copy / "logo.svg").unlink()
    os.symlink(outside, lille_copy / "logo.svg")
    found = problems(mini_course, lille_copy)
    assert len(found) == 1 and "outside the edition folder" in found[0], found


def test_a_past_review_date_is_a_warning_not_an_error(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "review_by: 2099-12-31", "review_by: 2020-01-01")
    course, warnings = load_edition(mini_course, lille_copy, today=dt.date(2026, 12, 2))
    assert course.edition is not None
    assert [str(w) for w in warnings] == [
        f"{shown(lille_copy, 'edition.yml')}:6: warning: review_by 2020-01-01 is past: check the local contacts, "
        "numbers and procedures again, then set a new date"]
    result = run_cli("--course", str(MINI), "--edition", str(lille_copy), "check")
    assert result.returncode == 0 and "warning: review_by 2020-01-01 is past" in result.stderr


def test_the_id_must_be_the_folder_name(mini_course: Course, lille_copy: Path) -> None:
    edit(lille_copy / "edition.yml", "id: lille", "id: stor")
    assert problems(mini_course, lille_copy) == [
        f"{shown(lille_copy, 'edition.yml')}:2: id 'stor' must be the edition folder's name 'lille' "
        "(the outputs go to build/udgave-<id>/)"]


def test_text_and_logo_left_from_the_template_are_warned_about(mini_copy: Path, lille_copy: Path) -> None:
    from course.loading import load_course

    template = mini_copy / "editions" / "eksempel"
    template.mkdir(parents=True)
    (template / "logo.svg").write_bytes((lille_copy / "logo.svg").read_bytes())
    edit(lille_copy / "tekster" / "lokal-side.md", "Lilleby har sin egen side.",
         "Lilleby har sin egen side.\n\n*Dette er et opdigtet eksempel på en lokal side.*\n\n"
         "Ring til Eksempelby Kommune.")
    _, warnings = load_edition(load_course(mini_copy), lille_copy)
    assert [str(w) for w in warnings] == [
        f"{shown(lille_copy, 'edition.yml')}:5: warning: the logo is still the example's; put your own logo in "
        "the folder, or delete the logo line",
        f"{shown(lille_copy, 'tekster/lokal-side.md')}:8: warning: the text still says it is an 'opdigtet "
        "eksempel' (from the template); replace it with your own",
        f"{shown(lille_copy, 'tekster/lokal-side.md')}:10: warning: the text still names 'Eksempelby' (the "
        "template's invented municipality); write your own"]
