"""Rosters as people export them: BOM or not, ';' or ',', Danish or English headers; bad rows name FILE:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.certificates.roster import RosterError, read_roster


def write(tmp_path: Path, data: bytes | str, name: str = "deltagere.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_danish_excel_export_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffNavn;E-mail\r\nÅse Øberg-Lærkesen;a@x.dk\r\n\r\nSøren  Ærø;s@x.dk\r\n")
    participants = read_roster(path)
    assert [p.name for p in participants] == ["Åse Øberg-Lærkesen", "Søren Ærø"]
    assert [p.line for p in participants] == [2, 4]


def test_comma_without_bom_and_english_header(tmp_path: Path) -> None:
    path = write(tmp_path, 'Email,Full name\nx@y,"Hansen, Jens"\nz@y,Mette Frederiksen\n')
    assert [p.name for p in read_roster(path)] == ["Hansen, Jens", "Mette Frederiksen"]


def test_first_and_last_name_columns_are_joined(tmp_path: Path) -> None:
    path = write(tmp_path, "Fornavn;Efternavn\nÆble;Østergård\n")
    assert [p.name for p in read_roster(path)] == ["Æble Østergård"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Navn;Sted\nAnna;A\n;B\nBo;C\n", 3, "the name is empty"),
        ("Navn;Sted\nAnna;A\nBo;C;D\n", 3, "fields, but the header has 2"),
        ("Sted;Email\nA;b\n", 1, "no name column"),
        ("Navn\nAnna\nB\x07o\n", 3, "control character"),
    ],
)
def test_bad_row_is_reported_with_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)


def test_a_latin1_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn\nAnna\nS\xf8ren\n".encode("latin-1"))
    with pytest.raises(RosterError, match=rf"^{path}:3: the file is not UTF-8"):
        read_roster(path)
