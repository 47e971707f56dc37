"""QTI 1.2 question banks: valid XML holding every question of every module, answers marked right."""

from __future__ import annotations

import dataclasses
import html
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from course.model import Answer, Course, Question
from course.packaging.qti_export import write_question_banks

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def scored_correct(item: etree._Element) -> set[str]:
    """The answer idents that the item's scoring rule requires (the rule that sets SCORE 100)."""
    rule = next(c for c in item.iter(f"{QTI}respcondition") if c.findtext(f"{QTI}setvar") == "100")
    negated = {v.text for v in rule.iter(f"{QTI}varequal") if v.getparent().tag == f"{QTI}not"}
    return {v.text for v in rule.iter(f"{QTI}varequal")} - negated


def read_bank(path: Path) -> list[dict]:
    """Each item of a bank zip: its question text, answer texts and the answers scored correct."""
    items = []
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["assessment.xml", "imsmanifest.xml"]
        etree.fromstring(archive.read("imsmanifest.xml"))
        root = etree.fromstring(archive.read("assessment.xml"))
        for item in root.iter(f"{QTI}item"):
            texts = {label.get("ident"): label.findtext(f".//{QTI}mattext")
                     for label in item.iter(f"{QTI}response_label")}
            scored = scored_correct(item)
            items.append({
                "ident": item.get("ident"),
                "question": plain(item.find(f"{QTI}presentation/{QTI}material").findtext(f"{QTI}mattext")),
                "answers": [plain(t) for t in texts.values()],
                "correct": sorted(plain(texts[i]) for i in scored),
            })
    return items


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def markdown_plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)).split())


@pytest.mark.parametrize("course_fixture", ["mini_course", "default_course"])
def test_every_question_of_every_module_is_in_its_bank(
    course_fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    course: Course = request.getfixturevalue(course_fixture)
    banks = {b.module_id: b for b in write_question_banks(course, tmp_path)}
    with_questions = {m.id for m in course.modules.values() if m.questions}
    assert set(banks) == with_questions
    total = 0
    for module_id, bank in banks.items():
        module = course.modules[module_id]
        items = read_bank(bank.path)
        assert len(items) == len(module.questions) == bank.questions, module_id
        for item, question in zip(items, module.questions, strict=True):
            assert item["question"] == markdown_plain(question.text), module_id
            assert item["answers"] == [markdown_plain(a.text) for a in question.answers]
            assert item["correct"] == sorted(markdown_plain(a.text) for a in question.answers if a.correct)
        total += len(items)
    assert total == sum(len(m.questions) for m in course.modules.values())


def test_quotes_markup_and_course_links_in_questions_stay_valid_and_inert(mini_course: Course, tmp_path: Path) -> None:
    module = mini_course.modules["grundmodul"]
    tricky = Question(
        text='Må man skrive <script>alert(1)</script> & læse [modulet](modul:rollemodul)? Og "citat"?',
        answers=(Answer("Ja <b>altid</b>", True, "Fordi ]]> ikke bryder noget."), Answer("Nej", False, None)),
        explanation=None,
        line=1,
    )
    course = dataclasses.replace(
        mini_course, modules={"grundmodul": dataclasses.replace(module, questions=(tricky,))}
    )
    bank = write_question_banks(course, tmp_path)[0]
    with zipfile.ZipFile(bank.path) as archive:
        xml = archive.read("assessment.xml")
    item = etree.fromstring(xml).find(f".//{QTI}item")
    question = item.findtext(f".//{QTI}mattext")
    # The LMS reads mattext as HTML: author markup arrives as text, never as live tags.
    assert "<script>" not in question and "&lt;script&gt;" in question
    assert "modul:" not in question and "modulet" in question
    assert item.get("title") == 'Må man skrive <script>alert(1)</script> & læse modulet? Og "citat"?'
    feedback = [f.findtext(f".//{QTI}mattext") for f in item.iter(f"{QTI}itemfeedback")]
    assert any("]]&gt; ikke bryder" in f for f in feedback)


def test_multiple_answer_items_carry_maxnumber_so_qti2_converters_keep_them(default_course: Course,
                                                                          tmp_path: Path) -> None:
    """Canvas's QTIMigrationTool turns a render_choice without maxnumber into single choice."""
    kinds = {"multiple": 0, "single": 0}
    for bank in write_question_banks(default_course, tmp_path):
        root = etree.fromstring(zipfile.ZipFile(bank.path).read("assessment.xml"))
        for item, question in zip(root.iter(f"{QTI}item"), default_course.modules[bank.module_id].questions,
                                  strict=True):
            lid = item.find(f".//{QTI}response_lid")
            choice = lid.find(f"{QTI}render_choice")
            if question.kind == "multiple":
                assert lid.get("rcardinality") == "Multiple"
                assert choice.get("maxnumber") == str(len(question.answers)), bank.module_id
            else:
                assert lid.get("rcardinality") == "Single" and choice.get("maxnumber") is None
            kinds[question.kind] += 1
    assert kinds["multiple"] > 0 and kinds["single"] > 0
    print(f"QTI: {kinds['multiple']} multiple-answer and {kinds['single']} single-answer items")
