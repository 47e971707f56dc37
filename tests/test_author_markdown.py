"""Author Markdown is rendered by one renderer: hostile text comes out the same, and harmless,
on the site, on paper and in the QTI banks."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as etree

import pytest

from course.author_markdown import author_html
from course.model import Answer, Course, Question
from course.packaging.qti_export import bank_data
from course.pdf.print_markdown import inline_markdown, print_markdown
from course.site.docs_tree import player_data

HOSTILE = [
    "<script>alert(1)</script>",
    "Tryk [her](javascript:alert(1)) nu.",
    "Se [x](http://evil.example/) og [y](//evil.example/z).",
    '<img src=x onerror="alert(1)"> og <a href="https://x.dk" onclick="alert(1)">link</a>',
    "<!-- skjult --> <iframe src='https://evil.example'></iframe>",
    "Et afsnit med en attributliste.\n{: onclick=\"alert(1)\" style=\"x\" }",
    "[klik](&#106;avascript:alert(1)) og [data](data:text/html,<script>alert(1)</script>)",
]


def _site(text: str) -> str:
    return author_html(text, from_doc="scenarier/x.md")


def _qti(course: Course, text: str) -> tuple[str, str, str]:
    """Question, answer and feedback HTML as the QTI bank writes them."""
    module = next(m for m in course.modules.values() if m.questions)
    question = Question(text, (Answer(text, True, text), Answer("b", False, None)), text, 1)
    bank = bank_data(course, dataclasses.replace(module, questions=(question,)))
    item = bank["questions"][0]
    return item["question"], item["answers"][0]["text"], item["answers"][0]["feedback"]


def _assert_harmless(html: str) -> None:
    # parsed as HTML would be: one root, then every element and attribute checked
    root = etree.fromstring(f"<root>{html}</root>")
    for element in root.iter():
        assert element.tag in {"root", "p", "a", "em", "strong", "code", "ul", "li"}, element.tag
        for name, value in element.attrib.items():
            assert not name.startswith("on") and name != "style", (name, html)
            if name == "href":
                assert value.startswith("https://"), html
    assert not re.search(r"<(script|img|iframe|!--)", html), html


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_author_text_is_rendered_identically_escaped_everywhere(mini_course: Course, text: str) -> None:
    site = _site(text)
    question, answer, feedback = _qti(mini_course, text)
    assert str(print_markdown(text)) == site
    assert question == feedback == site
    assert answer == str(inline_markdown(text)) == re.sub(r"^<p>(.*)</p>$", r"\1", site, flags=re.DOTALL)
    _assert_harmless(site)


def test_the_scenario_player_gets_the_same_html(mini_course: Course) -> None:
    scenario = next(iter(mini_course.scenarios.values()))
    step_id, step = next(iter(scenario.steps.items()))
    hostile = step.model_copy(update={"text": HOSTILE[1]})
    data = player_data(scenario.model_copy(update={"steps": {step_id: hostile}}), "scenarier/x.md")
    assert data["steps"][step_id]["html"] == _site(HOSTILE[1]) == "<p>Tryk <a>her</a> nu.</p>"


def test_the_raw_text_stays_readable() -> None:
    assert _site("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_course_links_are_paths_on_the_site_and_text_elsewhere(mini_course: Course) -> None:
    text = "Læs [modulet](modul:a) og [ordet](ordliste:vold)."
    assert _site(text) == ('<p>Læs <a href="../moduler/a.html">modulet</a> og '
                           '<a href="../ordliste.html#vold">ordet</a>.</p>')
    assert str(print_markdown(text)) == _qti(mini_course, text)[0] == "<p>Læs modulet og ordet.</p>"


def test_print_alone_shows_the_address_of_a_safe_link(mini_course: Course) -> None:
    text = "Se [VIVE](https://www.vive.dk/da/)."
    assert _site(text) == _qti(mini_course, text)[0] == '<p>Se <a href="https://www.vive.dk/da/">VIVE</a>.</p>'
    assert str(print_markdown(text)) == (
        '<p>Se <a href="https://www.vive.dk/da/">VIVE</a> <span class="url">(https://www.vive.dk/da/)</span>.</p>')


def test_a_table_and_a_callout_render_the_same_on_paper_and_in_the_lms(mini_course: Course) -> None:
    text = '!!! note "Husk"\n    Ring 112.\n\n| a | b |\n|---|---|\n| 1 | 2 |'
    assert _qti(mini_course, text)[0] == str(print_markdown(text)) == _site(text)
    assert '<div class="opspor-callout opspor-callout--note">' in _site(text) and "<table>" in _site(text)


def _payload_elements(fragment: str) -> list[str]:
    """Elements or attributes in ``fragment`` (parsed as a browser would) that could run the payloads."""
    from lxml import html as lxml_html

    found = []
    for element in lxml_html.fragment_fromstring(fragment, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue  # a comment the HTML parser made is not markup that runs, but is reported below
        if element.tag in ("script", "img", "iframe", "object", "embed"):  # (the scenario map is an svg)
            found.append(element.tag)
        found += [f"{element.tag}@{name}" for name in element.attrib if name.startswith("on") or name == "srcdoc"]
        found += [f"{element.tag}@href" for name, value in element.attrib.items()
                  if name == "href" and not value.startswith(("https://", "mailto:", "tel:", "#", "../", "./"))]
    return found + (["<!--"] if "<!--" in fragment else [])


def test_the_hostile_course_prints_and_exports_nothing_that_runs(tmp_path) -> None:
    """The payload fixture (every authored field) through print's templates and the QTI banks."""
    import zipfile

    from lxml import etree as lxml_etree

    from course.loading import load_course
    from course.packaging.qti_export import write_question_banks
    from course.pdf.handouts import HandoutPrinter
    from course.pdf.packs import PackPrinter
    from course.pdf.renderer import PrintRenderer
    from tests.conftest import FIXTURES

    course = load_course(FIXTURES / "hostile")
    renderer = PrintRenderer()
    pages = [HandoutPrinter(renderer, course).html(m, part) for m in course.modules.values()
             for part in ("participant", "key")]
    pages += [PackPrinter(renderer, course).scenario_html(s, kind) for s in course.scenarios.values()
              for kind in ("guide", "handout")]
    for page in pages:
        assert "window.__pwned" in page  # the payloads are there, as text
        assert _payload_elements(page.split("<body", 1)[1]) == []
    # the fixture's quizzes are plain; give every question, answer and feedback the payloads
    payload = next(iter(course.modules.values())).meta.title
    question = Question(payload, (Answer(payload, True, payload), Answer(payload, False, None)), payload, 1)
    course = dataclasses.replace(course, modules={k: dataclasses.replace(m, questions=(question,))
                                                  for k, m in course.modules.items()})
    texts = []
    for bank in write_question_banks(course, tmp_path):
        with zipfile.ZipFile(bank.path) as archive:
            root = lxml_etree.fromstring(archive.read("assessment.xml"))
        texts += [t.text for t in root.iter("{*}mattext") if t.text]
    assert any("window.__pwned" in t for t in texts)
    for text in texts:
        assert _payload_elements(text) == [], text


def test_a_course_link_written_in_code_is_shown_as_written() -> None:
    """In a code span or block the parser sees text, not a link: it must reach the reader unchanged."""
    text = "Skriv `[modulet](modul:a)` sådan:\n\n```\nSe [ordet](ordliste:vold).\n```"
    for rendered in (_site(text), str(print_markdown(text))):
        assert "<code>[modulet](modul:a)</code>" in rendered
        assert "Se [ordet](ordliste:vold)." in rendered
        assert "href" not in rendered


def test_course_link_forms_the_parser_knows_are_resolved(mini_course: Course) -> None:
    """A reference link, a title and a formatted label are links too; an absent module keeps its text."""
    text = ('Se [*modulet*][m] og [det](scenarie:s "Scenariet"), ikke [det andet](modul:b#trin).\n\n'
            "[m]: modul:a#start")
    present = {("modul", "a"), ("scenarie", "s")}
    site = author_html(text, from_doc="moduler/x.md", present=lambda scheme, i: (scheme, i) in present)
    assert site == ('<p>Se <a href="a.html#start"><em>modulet</em></a> og '
                    '<a href="../scenarier/s.html" title="Scenariet">det</a>, ikke det andet.</p>')
    assert str(print_markdown(text)) == "<p>Se <em>modulet</em> og det, ikke det andet.</p>"
