"""Rosters as people export them: BOM or not, ';' or ',', Danish or English headers; bad rows name FILE:line."""

from __future__ import annotations

import os
import unicodedata
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


# --- Strict parsing: a mistake in the file is an error at its line, never a merged or lost participant ---

@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # The quote opened in line 3 is closed in line 5: a lenient reader makes Bo, Carl and Dina one name.
        ('Navn;Sted\nAnna;A\n"Bo;B\nCarl;C\nDina";D\nEva;E\n', 3,
         'a quote (") opened in this line is only closed in line 5'),
        ('Navn;Sted\nAnna;A\n"Bo;B\nCarl;C\n', 3, 'a quote (") opened in this line is not closed'),
        ('Navn;Sted\n"Anna" Hansen;A\n', 2, "text after a closing quote"),
        ("Navn;Sted\nAnna;" + "x" * 200_000 + "\n", 2, "longer than 64 KB"),
        ("Navn;Sted\nAnna;" + "x" * 1001 + "\n", 2, "a field is longer than 1000 characters"),
        ("Navn;Sted\n" + "x" * 1001 + ";A\n", 2, "a field is longer than 1000 characters"),
    ],
    ids=["quote-swallows-lines", "quote-never-closed", "text-after-quote", "200-kb-cell", "long-field",
         "long-name-field"],
)
def test_a_malformed_csv_row_is_an_error_at_its_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)


def test_fields_up_to_the_limit_and_quotes_inside_a_name_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, 'Navn;Noter\nAnna "Bo" Hansen;' + "x" * 1000 + '\n"Hansen; Jens ""JJ""";y\n')
    assert [p.name for p in read_roster(path)] == ['Anna "Bo" Hansen', 'Hansen; Jens "JJ"']


def test_old_mac_line_ends_and_a_missing_last_newline(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn\rAnna\r\rBo")
    participants = read_roster(path)
    assert [(p.name, p.line) for p in participants] == [("Anna", 2), ("Bo", 4)]


def test_a_large_roster_is_read_in_file_order_with_its_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffNavn;Sted\r\n" + "".join(f"Deltager {i};Sted\r\n" for i in range(1, 20_001)))
    participants = read_roster(path)
    assert len(participants) == 20_000
    assert (participants[0].line, participants[-1].name, participants[-1].line) == (2, "Deltager 20000", 20_001)


# --- Names in any script: joiners and marks are writing, direction overrides and controls are not ---

@pytest.mark.parametrize(
    "name",
    [
        "مریم\u200cالسادات رضایی",  # Persian, with a zero-width non-joiner
        "Nguyễn Thị Ánh",  # Vietnamese: stacked accents
        "Zoë n\u0308o",  # a combining diaeresis with no precomposed letter
        "Anna 😀",  # an emoji the fonts have
        "Ολυμπία Παπαδοπούλου",
        "Ёлка Жукова",
    ],
)
def test_legitimate_scripts_joiners_and_marks_are_accepted(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, f"Navn\n{name}\n")
    assert [p.name for p in read_roster(path)] == [unicodedata.normalize("NFC", name)]


@pytest.mark.parametrize("name", ["Ida 👩\u200d💻", "👨\u200d👩\u200d👧 Familien Berg", "Ian 🏴\U000e0067\U000e0062"
                                  "\U000e0073\U000e0063\U000e0074\U000e007f", "Bo 👍🏽"])
def test_emoji_sequences_are_not_control_characters(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, f"Navn\n{name}\n")
    assert [p.name for p in read_roster(path, check_glyphs=False)] == [name]


@pytest.mark.parametrize("control", [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
                         + ["\x07", "\x1b", "\u00ad", "\ufeff", "\U000e0041"])
def test_direction_overrides_and_controls_are_refused_by_name(tmp_path: Path, control: str) -> None:
    path = write(tmp_path, f"Navn\nAnna\nBo{control}gus\n")
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: the name contains the control character U+{ord(control):04X}")


def test_stacked_marks_and_invisible_names_are_refused(tmp_path: Path) -> None:
    zalgo = write(tmp_path, "Navn\nA" + "\u0301" * 20 + "nna\n", "zalgo.csv")
    with pytest.raises(RosterError, match=rf"^{zalgo}:2: the name stacks more than 6"):
        read_roster(zalgo)
    invisible = write(tmp_path, "Navn\n\u200d\u200c\n", "invisible.csv")
    with pytest.raises(RosterError, match=rf"^{invisible}:2: the name has no letters"):
        read_roster(invisible)


def test_a_character_the_fonts_cannot_print_is_refused_with_line_and_character(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn\nAnna\nIda 👩\u200d💻 Holm\n")
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: the name contains 👩 (U+1F469 WOMAN), which the certificate fonts")
    assert "cannot print" in message


# --- Only a regular file is read: a FIFO would hang, a folder or device is a mistake ---

def test_special_files_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "gone.csv")
    cases = {fifo: "is a FIFO (named pipe), not a file", tmp_path: "is a folder, not a file",
             Path("/dev/null"): "is a device, not a file", dangling: "is a symbolic link to nothing",
             tmp_path / "missing.csv": "cannot be read (No such file or directory)"}
    for path, message in cases.items():
        with pytest.raises(RosterError) as caught:
            read_roster(path)
        assert str(caught.value).startswith(f"{path}: the roster {message}")
