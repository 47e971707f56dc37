"""`build.py workshop <id>`: the kit a trainer prints for one workshop, read back from the PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from course.model import Course
from course.output_safety import OUTPUT_MARKER, marker_kind
from tests.conftest import MINI
from tests.helpers_check import run_cli
from tests.pdf.test_gamebook import words

ROSTER = "navn;e-mail;enhed\nIda Testesen;ida@example.dk;Akut\nBo Ø. Åberg;bo@example.dk;Politi\n"


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kit")
    roster = folder / "deltagere.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    out = folder / "kit"
    result = run_cli("--course", str(MINI), "workshop", "politi-kort", "--roster", str(roster), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "politi-kort" in result.stdout
    return out


def test_the_kit_has_every_document(kit: Path) -> None:
    names = {p.relative_to(kit).as_posix() for p in kit.rglob("*.pdf")}
    assert names == {
        "01-dagsorden.pdf", "02-saadan-holder-du-workshoppen.pdf", "03-deltagerliste.pdf",
        "04-foer-og-eftertest.pdf", "05-foer-og-eftertest-svarnoegle.pdf", "06-evaluering.pdf",
        "scenarier/test-scenarie-facilitator.pdf", "scenarier/test-scenarie-deltager.pdf",
        "moduler/grundmodul.pdf", "moduler/grundmodul-svarnoegle.pdf"}
    assert marker_kind(kit) == "workshop"


def test_the_agenda_minutes_add_up_to_the_workshop(kit: Path, mini_course: Course) -> None:
    workshop = mini_course.workshops["politi-kort"]
    text = text_of(kit / "01-dagsorden.pdf")
    slots = re.findall(r"(\d+):(\d\d)–(\d+):(\d\d) (\d+)", text)
    assert len(slots) == len(workshop.agenda)
    clock = 0
    for start_h, start_m, end_h, end_m, minutes in slots:  # back to back, each as long as it says
        start, end = int(start_h) * 60 + int(start_m), int(end_h) * 60 + int(end_m)
        assert start == clock and end - start == int(minutes)
        clock = end
    assert clock == workshop.minutes == 90
    assert re.search(r"I alt 90 1,5 timer", text)
    assert "Casescenarie: Testscenarie" in text and "Pause" not in text
    assert "15. januar 2027" in text and "Testbyen" in text


def test_the_sign_in_sheet_lists_the_roster(kit: Path) -> None:
    text = text_of(kit / "03-deltagerliste.pdf")
    assert "Ida Testesen" in text and "Bo Ø. Åberg" in text
    assert re.search(r"1 Ida Testesen Akut\s+2 Bo Ø. Åberg Politi", text)  # with the roster's unit column
    assert "Underskrift" in text and "enhed" in text


def test_the_test_and_its_key_are_separate_files_with_the_same_questions(kit: Path, mini_course: Course) -> None:
    test, key = text_of(kit / "04-foer-og-eftertest.pdf"), text_of(kit / "05-foer-og-eftertest-svarnoegle.pdf")
    questions = [q for m in ("grundmodul",) for q in mini_course.modules[m].questions][:2]
    assert "Førtest" in test and "Eftertest" in test
    assert "✓" not in test and "Svarnøgle" not in test
    for question in questions:
        assert words(question.text) in words(test) and words(question.text) in words(key)
        for answer in question.answers:
            if answer.feedback:
                assert words(answer.feedback) not in words(test)
    assert key.count("✓") == 1 + sum(a.correct for q in questions for a in q.answers)  # + the legend


def test_the_trainer_guide_and_the_evaluation_form(kit: Path) -> None:
    guide = words(text_of(kit / "02-saadan-holder-du-workshoppen.pdf"))
    assert "Sådan holder du workshoppen" in guide
    for name in ("01 dagsorden pdf", "scenarier test scenarie deltager pdf", "05 foer og eftertest svarnoegle pdf"):
        assert name in guide
    assert "certificates workshop politi kort" in guide
    evaluation = text_of(kit / "06-evaluering.pdf")
    assert "Helt uenig" in evaluation and "Hvad kan gøres bedre?" in evaluation


def test_without_out_the_kit_lands_in_build_pdf_and_packs_keeps_it(mini_copy: Path) -> None:
    first = run_cli("--course", str(mini_copy), "workshop", "politi-kort")
    assert first.returncode == 0, first.stderr
    kit = mini_copy / "build" / "pdf" / "workshops" / "politi-kort"
    assert (kit / "03-deltagerliste.pdf").is_file() and (kit / OUTPUT_MARKER).is_file()
    assert "Nr." in text_of(kit / "03-deltagerliste.pdf")  # blank rows without a roster
    packs = run_cli("--course", str(mini_copy), "packs", "--track", "politi")
    assert packs.returncode == 0, packs.stderr
    assert "kept 1 workshop kits" in packs.stdout
    assert (kit / "01-dagsorden.pdf").is_file() and (mini_copy / "build" / "pdf" / "spor").is_dir()
    again = run_cli("--course", str(mini_copy), "workshop", "politi-kort", "--place", "Et andet sted")
    assert again.returncode == 0, again.stderr
    assert "Et andet sted" in text_of(kit / "01-dagsorden.pdf")


@pytest.mark.parametrize("workshop_id", ["nope", "../../etc"])
def test_an_unknown_workshop_is_one_line(tmp_path: Path, workshop_id: str) -> None:
    result = run_cli("--course", str(MINI), "workshop", workshop_id, "--out", str(tmp_path / "x"))
    assert result.returncode == 1
    assert "no workshop" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()
