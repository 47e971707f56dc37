"""The quiz extension in plain Python-Markdown (no shell): what a page's HTML holds."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown

from course.i18n import ui_strings
from course.loading.quiz_syntax import parse_quiz_content

PAGE = """\
Intro med [et link](andet.md).

<quiz>
Hvem har *underretningspligt*?
- [ ] Kun din leder
> Nej, pligten er din.
- [x] Du selv
> Rigtigt, pligten er **personlig**.

Læs mere i [loven](lov.md).
</quiz>

```
<quiz>
Ikke en quiz
- [x] kode
</quiz>
```

<quiz>
Hvilke to er rigtige? <script>alert(1)</script> & co
- [x] A <img src=x onerror=alert(1)>
- [x] B
- [ ] C
</quiz>
"""


def render(text: str, language: str = "da") -> str:
    strings = {k: v for k, v in ui_strings(language).items() if k.startswith("quiz_")}
    return markdown.markdown(text, extensions=["course.quiz", "sane_lists"],
                             extension_configs={"course.quiz": {"strings": strings}})


def tree(html: str) -> etree.Element:
    return etree.fromstring(f"<body>{html}</body>")


def test_each_quiz_is_a_fieldset_with_legend_inputs_labels_and_hidden_feedback() -> None:
    body = tree(render(PAGE))
    quizzes = body.findall(".//div[@data-quiz]")
    assert [q.get("id") for q in quizzes] == ["quiz-1", "quiz-2"], "the quiz in code stays code"
    first = quizzes[0]
    legend = first.find(".//fieldset/legend")
    assert "".join(legend.itertext()) == "Spørgsmål 1 af 2 Hvem har underretningspligt?"
    assert legend.find(".//em").text == "underretningspligt", "author Markdown is rendered"
    inputs = first.findall(".//input")
    assert [i.get("type") for i in inputs] == ["radio", "radio"]
    assert [i.get("data-correct") for i in inputs] == [None, "true"], "authored order, key marked"
    for i in inputs:
        assert first.find(f".//label[@for='{i.get('id')}']") is not None
    feedback = first.findall(".//div[@class='opspor-quiz-feedback']")
    assert all(f.get("hidden") for f in feedback), "feedback waits for an answer"
    assert feedback[1].find(".//strong").text == "personlig"
    explanation = first.find(".//div[@class='opspor-quiz-explanation']")
    assert explanation.get("hidden") and explanation.find(".//a").get("href") == "lov.md"
    assert first.find(".//p[@class='opspor-quiz-actions']").get("hidden"), "no dead buttons without JavaScript"
    assert quizzes[1].findall(".//input")[0].get("type") == "checkbox"


def test_summary_follows_the_last_question_only() -> None:
    body = tree(render(PAGE))
    children = list(body)
    summary = [i for i, c in enumerate(children) if c.get("class") == "opspor-quiz-summary"]
    last_quiz = max(i for i, c in enumerate(children) if c.get("data-quiz"))
    assert summary == [last_quiz + 1]
    assert children[summary[0]].find("h2").text == "Dit resultat"
    assert children[summary[0]].find(".//*[@aria-live='polite']") is not None


def test_author_html_is_text_never_markup() -> None:
    html = render(PAGE)
    assert "<script" not in html and "<img" not in html
    body = tree(html)
    second = body.findall(".//div[@data-quiz]")[1]
    assert "<script>alert(1)</script> & co" in "".join(second.find(".//legend").itertext())
    assert "<img src=x onerror=alert(1)>" in "".join(second.find(".//label").itertext())
    assert not any(name.startswith("on") for el in body.iter() for name in el.attrib)


def test_strings_follow_the_course_language() -> None:
    body = tree(render(PAGE, "en"))
    assert "".join(body.find(".//legend").itertext()).startswith("Question 1 of 2")
    assert body.find(".//button[@type='submit']").text == "Answer"


def test_a_page_without_quizzes_is_unchanged() -> None:
    plain = "# Titel\n\nTekst med `<quiz>` i kode.\n"
    assert render(plain) == markdown.markdown(plain, extensions=["sane_lists"])


def test_parser_keeps_authored_order_feedback_and_explanation() -> None:
    parsed = parse_quiz_content("Spørgsmål?\n- [ ] a\n> nej\n- [X] b\n\nForklaring.")
    assert parsed is not None
    assert [(a.text, a.correct, a.feedback) for a in parsed.answers] == [("a", False, "nej"), ("b", True, None)]
    assert parsed.question == "Spørgsmål?" and parsed.explanation == "Forklaring."
    assert parse_quiz_content("- [x] uden spørgsmål") is None
    assert parse_quiz_content("Ingen svar her") is None
