"""`build.py packs`: facilitator guides, participant handouts, track packs and module handouts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from course.model import Course
from tests.conftest import MINI
from tests.helpers_check import run_cli


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """Text without line breaks and hyphenation, to find author sentences in it."""
    return re.sub(r"\s+", " ", text.replace("-\n", "").replace("\u00ad", ""))


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packs") / "pdf"
    result = run_cli("--course", str(MINI), "packs", "--out", str(out), "--site-url", "https://kursus.example.dk")
    assert result.returncode == 0, result.stderr
    return out


def test_every_scenario_module_and_track_gets_its_pdf(packs: Path, mini_course: Course) -> None:
    names = {p.relative_to(packs).as_posix() for p in packs.rglob("*.pdf")}
    expected = {f"scenarier/{s}-{kind}.pdf" for s in mini_course.scenarios for kind in ("facilitator", "deltager")}
    expected |= {f"spor/{t}-workshoppakke.pdf" for t in mini_course.tracks}
    expected |= {f"moduler/{m}.pdf" for m in mini_course.modules}
    expected |= {f"moduler/{m}-svarnoegle.pdf" for m, module in mini_course.modules.items() if module.questions}
    assert names == expected
    assert any(module.questions for module in mini_course.modules.values())


def test_facilitator_guide_has_every_option_rating_feedback_and_source(packs: Path, mini_course: Course) -> None:
    for scenario in mini_course.scenarios.values():
        text = flat(pdf_text(packs / "scenarier" / f"{scenario.id}-facilitator.pdf"))
        for step in scenario.steps.values():
            for option in step.options:
                assert flat(option.text) in text
                assert flat(option.feedback) in text
        for ending in scenario.endings.values():
            assert ending.title in text
        for item in (*scenario.facilitator.goals, *scenario.facilitator.debrief, *scenario.facilitator.variants):
            assert flat(item) in text
        assert "God praksis" in text and "Uhensigtsmæssig" in text
        assert "Kilde: Testkilde" in text


def test_participant_handout_has_the_choices_but_no_feedback_or_ratings(packs: Path, mini_course: Course) -> None:
    """Feedback never; endings (with their rating) only on the pages handed out after playing."""
    for scenario in mini_course.scenarios.values():
        handout = PdfReader(packs / "scenarier" / f"{scenario.id}-deltager.pdf")
        pages = [flat(page.extract_text()) for page in handout.pages]
        start = next(i for i, page in enumerate(pages) if "UDLEVERES EFTER SPILLET" in page)
        play, endings = " ".join(pages[:start]), " ".join(pages[start:])
        assert flat(scenario.setting) in play
        for step in scenario.steps.values():
            assert flat(step.text) in play
            for option in step.options:
                assert flat(option.text) in play
                assert flat(option.feedback) not in play + endings
        for ending in scenario.endings.values():
            assert flat(ending.text) not in play and flat(ending.text) in endings
            assert play.count(ending.title) == play.count(f"→ Slut: {ending.title}") >= 1  # only as a route
        for label in ("God praksis", "Acceptabel", "Uhensigtsmæssig", "Kilde:"):
            assert label not in play


def test_track_pack_has_a_contents_page_with_page_numbers_and_side_x_af_y(packs: Path) -> None:
    path = packs / "spor" / "laerer-workshoppakke.pdf"
    pages = [page.extract_text() for page in PdfReader(path).pages]
    total = len(pages)
    assert total >= 4
    for number, page in enumerate(pages, 1):
        assert f"Side {number} af {total}" in page
    contents = re.findall(r"(Facilitatorguide|Deltagerark)\s*\.+\s*(\d+)", pages[0])
    assert [kind for kind, _ in contents] == ["Facilitatorguide", "Deltagerark"]
    for kind, number in contents:
        target = pages[int(number) - 1]
        assert kind.upper() in target.upper() and "Testscenarie" in target
    assert "Workshoppakke: Spor for laerer" in pages[1]  # running header from page 2


def test_module_handout_prints_questions_and_keeps_the_answers_for_the_key(packs: Path,
                                                                           mini_course: Course) -> None:
    """Two files: the participant pages can be copied whole, the key stays with the trainer."""
    module = mini_course.modules["grundmodul"]
    body = flat(pdf_text(packs / "moduler" / "grundmodul.pdf"))
    key = flat(pdf_text(packs / "moduler" / "grundmodul-svarnoegle.pdf"))
    assert "✓" not in body and "TIL UNDERVISEREN" not in body.upper()
    assert "Kopiér disse sider til deltagerne" in body
    assert key.startswith("TIL UNDERVISEREN") or "Til underviseren" in key
    assert "<quiz>" not in body and "[x]" not in body
    assert "Underretningspligten er personlig." in body
    assert "tavshedspligt og rollemodulet" in body  # course links print as plain text
    assert "https://kursus.example.dk/moduler/grundmodul.html" in body
    for question in module.questions:
        assert flat(question.text) in body
        for answer in question.answers:
            assert flat(answer.text) in body
            if answer.feedback:
                assert flat(answer.feedback) not in body
                assert flat(answer.feedback) in key
    assert key.count("✓") == 1 + sum(a.correct for q in module.questions for a in q.answers)  # + the legend


def test_the_project_fonts_are_embedded(packs: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(packs / "spor" / "laerer-workshoppakke.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "Cabin" in fonts and "EB-Garamond" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # "emb" column


def test_packs_for_one_track_and_an_unknown_track(tmp_path: Path) -> None:
    ok = run_cli("--course", str(MINI), "packs", "--track", "politi", "--out", str(tmp_path / "one"))
    assert ok.returncode == 0, ok.stderr
    assert [p.name for p in (tmp_path / "one" / "spor").iterdir()] == ["politi-workshoppakke.pdf"]
    bad = run_cli("--course", str(MINI), "packs", "--track", "nope", "--out", str(tmp_path / "two"))
    assert bad.returncode == 2 and "unknown track 'nope'" in bad.stderr  # a usage error, before any work
    assert not (tmp_path / "two").exists()


def test_an_undated_source_prints_as_u_aa_not_none(mini_course: Course) -> None:
    import dataclasses

    from course.model import Source
    from course.pdf.handouts import HandoutPrinter
    from course.pdf.renderer import PrintRenderer

    module = mini_course.modules["grundmodul"]
    undated = Source(title="En webside", publisher="Sundhedsstyrelsen")
    module = dataclasses.replace(module, meta=module.meta.model_copy(update={"sources": [undated]}))
    html = HandoutPrinter(PrintRenderer("da"), mini_course).html(module)
    assert "En webside. Sundhedsstyrelsen, u.å." in html
    assert "None" not in html
