"""Every module's quiz questions as a QTI question bank, one zip per module.

Uses the quiz plugin's own QTI writer (``mkdocs_quiz.qti``) fed from the course model,
not from the Markdown files. QTI 1.2 only: it is what Canvas, Blackboard and most other
LMS quiz tools import, and the plugin's 2.1 writer puts HTML in CDATA where QTI 2.1 wants
XHTML elements, so formatted text would show as tags.
Question and answer text is author Markdown: raw HTML is escaped, course links
(``modul:...``) keep only their text, since their pages are not in the LMS. The 1.2
writer has no per-answer feedback, so each answer's "why" joins the general feedback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs_quiz.qti import Answer as QtiAnswer
from mkdocs_quiz.qti import QTIExporter, QTIVersion, Quiz, QuizCollection

from course.model import Course, Module, Question
from course.packaging.archive import Entry, write_zip

_COURSE_LINK = re.compile(r"\[([^\]]*)\]\((?:modul|scenarie|ordliste|side):[^)]*\)")
_OUTER_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


@dataclass(frozen=True)
class BankResult:
    module_id: str
    path: Path
    questions: int


def author_html(text: str) -> str:
    source = _COURSE_LINK.sub(r"\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    return markdown.markdown(source, extensions=["sane_lists"], output_format="html").strip()


def inline_html(text: str) -> str:
    rendered = author_html(text)
    match = _OUTER_PARAGRAPH.match(rendered)
    return match.group(1) if match and "<p>" not in match.group(1) else rendered


def general_feedback(question: Question) -> str | None:
    """The explanation, then every answer's feedback, as one HTML block."""
    parts = [author_html(question.explanation)] if question.explanation else []
    answered = [a for a in question.answers if a.feedback]
    if answered:
        rows = "".join(
            f"<li><strong>{inline_html(a.text)}</strong>: {inline_html(a.feedback or '')}</li>" for a in answered
        )
        parts.append(f"<ul>{rows}</ul>")
    return "\n".join(parts) or None


def question_bank(course: Course, module: Module) -> QuizCollection:
    """The module's questions in the plugin's QTI model, with stable identifiers."""
    prefix = f"opspor-{module.id}"
    bank = QuizCollection(
        title=f"{course.meta.title}: {module.meta.title}",
        description=module.meta.summary,
        identifier=prefix,
    )
    for number, question in enumerate(module.questions, start=1):
        bank.add_quiz(
            Quiz(
                question=author_html(question.text),
                answers=[
                    QtiAnswer(
                        text=inline_html(answer.text),
                        is_correct=answer.correct,
                        identifier=f"{prefix}-q{number}-a{index}",
                        feedback=author_html(answer.feedback) if answer.feedback else None,
                    )
                    for index, answer in enumerate(question.answers, start=1)
                ],
                content=general_feedback(question),
                identifier=f"{prefix}-q{number}",
            )
        )
    return bank


def write_question_banks(course: Course, folder: Path) -> list[BankResult]:
    """One QTI 1.2 zip per module that has questions, into ``folder``."""
    results = []
    for module in course.modules.values():
        if not module.questions:
            continue
        exporter = QTIExporter.create(question_bank(course, module), QTIVersion.V1_2)
        files = {
            "imsmanifest.xml": exporter.generate_manifest(),
            "assessment.xml": exporter.generate_assessment(),
            **exporter.generate_items(),
        }
        target = folder / f"{module.id}.zip"
        write_zip([Entry(name, data=text.encode("utf-8")) for name, text in files.items()], target)
        results.append(BankResult(module.id, target, len(module.questions)))
    return results
