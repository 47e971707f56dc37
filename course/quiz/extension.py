"""The Python-Markdown extension that renders ``<quiz>`` blocks.

Two steps, because a quiz spans blank lines and Markdown parses block by block:

1. a preprocessor finds each block with the compiler's own parser (:mod:`course.loading.quiz_syntax`,
   code-aware, the same one ``check`` validates with) and leaves a placeholder paragraph;
2. a block processor turns each placeholder into the form from the Jinja2 templates (autoescaped,
   parsed into the element tree) and hands the author's Markdown for the question, answers,
   feedback and explanation to the host Markdown's own parser. So the shell's link handling and
   extensions apply inside quizzes exactly as in the rest of the page.

The last question on a page is followed by the quiz summary. Answers are rendered in authored
order with ``data-correct`` on the key; the runtime shuffles them per learner and attempt.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

import jinja2
from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from course.loading.quiz_syntax import ParsedQuiz, parse_quiz_content, quiz_blocks
from course.markup_policy import escape_markdown_html
from course.templating import environment

TEMPLATES = Path(__file__).parent / "templates"
PLACEHOLDER = "OPSPORQUIZBLOCK{}X"
PLACEHOLDER_RE = re.compile(r"^OPSPORQUIZBLOCK(\d+)X$")

# Defaults are the Danish strings; the shell passes course/i18n's strings for the course language.
DEFAULT_STRINGS = {
    "quiz_question_label": "Spørgsmål {n} af {total}",
    "quiz_choose_one": "Vælg ét svar.",
    "quiz_choose_many": "Vælg alle de rigtige svar.",
    "quiz_submit": "Svar",
    "quiz_retry": "Prøv spørgsmålet igen",
    "quiz_summary_heading": "Dit resultat",
    "quiz_retry_all": "Prøv hele quizzen igen",
}


@functools.cache
def _template(name: str) -> jinja2.Template:
    """A compiled form template, once per process.

    A shell may make a new Markdown instance (so a new extension) for every page; compiling the
    templates again each time was a fifth of such a shell's build of 1,000 modules. The templates are
    Opspor's own files, not course sources, so they cannot change during a build or a preview.
    """
    env = environment(TEMPLATES, autoescape=True, lstrip_blocks=False, keep_trailing_newline=False)
    return env.get_template(name)


def _atomic(element: etree.Element) -> None:
    """Our own template text is final: Markdown must not read ``*`` or ``_`` in a UI string."""
    for node in element.iter():
        if node.text:
            node.text = AtomicString(node.text)
        if node.tail:
            node.tail = AtomicString(node.tail)


class QuizPreprocessor(Preprocessor):
    """Cuts every ``<quiz>`` block out of the page and leaves a numbered placeholder paragraph."""

    def __init__(self, md: Markdown, extension: QuizExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        spans, _ = quiz_blocks(lines)  # unpaired tags are check's business; they stay text
        self.extension.quizzes = []
        out: list[str] = []
        position = 0
        for span in spans:
            parsed = parse_quiz_content(span.content)
            if parsed is None:
                continue
            out += lines[position : span.open_index]
            out += ["", PLACEHOLDER.format(len(self.extension.quizzes)), ""]
            self.extension.quizzes.append(parsed)
            position = span.close_index + 1
        return out + lines[position:]


class QuizBlockProcessor(BlockProcessor):
    """Turns a placeholder paragraph into the question's form (and the summary after the last one)."""

    def __init__(self, parser: Any, extension: QuizExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(PLACEHOLDER_RE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert match is not None
        index = int(match.group(1))
        quizzes = self.extension.quizzes
        parent.append(self.question(quizzes[index], index + 1, len(quizzes)))
        if index == len(quizzes) - 1:
            parent.append(self.summary())

    def strings(self) -> dict[str, str]:
        return {**DEFAULT_STRINGS, **self.extension.getConfig("strings")}

    def question(self, quiz: ParsedQuiz, number: int, total: int) -> etree.Element:
        t = self.strings()
        first, _, more = quiz.question.partition("\n\n")
        kind = "multiple" if sum(a.correct for a in quiz.answers) > 1 else "single"
        html = _template("question.html.j2").render(
            number=number,
            kind=kind,
            label=t["quiz_question_label"].format(n=number, total=total),
            hint=t["quiz_choose_many" if kind == "multiple" else "quiz_choose_one"],
            submit=t["quiz_submit"],
            retry=t["quiz_retry"],
            answers=quiz.answers,
            more=bool(more.strip()),
            explanation=bool(quiz.explanation),
        )
        element = etree.fromstring(html)
        _atomic(element)
        slots = {node.get("data-slot"): node for node in element.iter() if node.get("data-slot")}
        for node in slots.values():
            del node.attrib["data-slot"]
        slots["question"].text = escape_markdown_html(" ".join(first.split()))
        if more.strip():
            self.parser.parseChunk(slots["question-more"], escape_markdown_html(more))
        for i, answer in enumerate(quiz.answers):
            slots[f"answer-{i}"].text = escape_markdown_html(answer.text)
            if answer.feedback:
                self.parser.parseChunk(slots[f"feedback-{i}"], escape_markdown_html(answer.feedback))
        if quiz.explanation:
            self.parser.parseChunk(slots["explanation"], escape_markdown_html(quiz.explanation))
        return element

    def summary(self) -> etree.Element:
        t = self.strings()
        html = _template("summary.html.j2").render(
            heading=t["quiz_summary_heading"], retry_all=t["quiz_retry_all"]
        )
        element = etree.fromstring(html)
        _atomic(element)
        return element


class QuizExtension(Extension):
    """``<quiz>`` blocks as forms. Config ``strings``: UI strings (course/i18n) for the page language."""

    def __init__(self, **kwargs: Any):
        self.config = {"strings": [{}, "UI strings (quiz_* keys of course/i18n)"]}
        self.quizzes: list[ParsedQuiz] = []
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # after normalize_whitespace (30), before fenced code (25) and raw HTML (20)
        md.preprocessors.register(QuizPreprocessor(md, self), "opspor_quiz", 29)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self), "opspor_quiz", 105)

    def reset(self) -> None:
        self.quizzes = []


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
