"""Every module's quiz questions as a QTI 1.2 question bank, one zip per module.

QTI 1.2 is what Canvas, Blackboard and most other LMS quiz tools import. Written from the
course model with Jinja2 XML templates (autoescaped). The retired quiz plugin's own exporter
was tried first and does not fit: its item titles are cut after
escaping and quotes are not escaped in attributes, so a question with ``"`` or ``&`` near
the 50th character gives invalid XML; it also drops each answer's feedback.

Question and answer text is author Markdown, rendered to HTML by the site's and print's own
renderer (:mod:`course.author_markdown`: raw HTML escaped, unsafe links dropped; course links such
as ``modul:...`` keep only their text, since those pages are not in the LMS).
Each answer keeps its own feedback; the explanation becomes the general feedback.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from course.author_markdown import author_html
from course.model import Course, Module
from course.packaging.archive import Entry, write_zip
from course.templating import environment

TEMPLATES = Path(__file__).parent / "templates"
TITLE_LENGTH = 80
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class BankResult:
    module_id: str
    path: Path
    questions: int


def plain_title(html_text: str) -> str:
    text = " ".join(html.unescape(_TAG.sub(" ", html_text)).split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


def bank_data(course: Course, module: Module) -> dict:
    """The template's view of one module's questions, with stable identifiers."""
    ident = f"opspor-{module.id}"
    items = []
    for number, question in enumerate(module.questions, start=1):
        answers = [
            {
                "ident": f"{ident}-q{number}-a{index}",
                "text": author_html(answer.text, inline=True),
                "correct": answer.correct,
                "feedback": author_html(answer.feedback) if answer.feedback else "",
            }
            for index, answer in enumerate(question.answers, start=1)
        ]
        question_html = author_html(question.text)
        items.append({
            "ident": f"{ident}-q{number}",
            "title": plain_title(question_html),
            "question": question_html,
            "answers": answers,
            "multiple": question.kind == "multiple",
            "correct_ident": next(a["ident"] for a in answers if a["correct"]),
            "explanation": author_html(question.explanation) if question.explanation else "",
        })
    return {"ident": ident, "title": f"{course.meta.title}: {module.meta.title}", "questions": items}


def write_question_banks(course: Course, folder: Path) -> list[BankResult]:
    """One QTI 1.2 zip per module that has questions, into ``folder``."""
    templates = environment(TEMPLATES, autoescape=True, trim_blocks=False, lstrip_blocks=False)
    assessment = templates.get_template("qti12-assessment.xml.j2")
    manifest = templates.get_template("qti12-manifest.xml.j2")
    results = []
    for module in course.modules.values():
        if not module.questions:
            continue
        bank = bank_data(course, module)
        if not bank["questions"]:
            continue
        target = folder / f"{module.id}.zip"
        write_zip(
            [
                Entry("imsmanifest.xml", data=manifest.render(bank=bank).encode("utf-8")),
                Entry("assessment.xml", data=assessment.render(bank=bank).encode("utf-8")),
            ],
            target,
        )
        results.append(BankResult(module.id, target, len(bank["questions"])))
    return results
