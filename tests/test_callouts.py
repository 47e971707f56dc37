"""Callouts (course/callouts.py): the authors' ``!!!`` and ``???`` blocks, rendered with Opspor's classes.

Rendered with the one page extension list every shell uses (course/site/page_markdown.py), and read
back as a browser would parse the HTML, so each assertion is about what reaches the page.
"""

from __future__ import annotations

import markdown
import pytest
from lxml import html as lxml_html

from course.author_markdown import author_html
from course.callouts import KINDS
from course.site.page_markdown import page_extensions


def page_html(text: str) -> str:
    names, configs = page_extensions({})
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def only(fragment: str, xpath: str):
    found = lxml_html.fragment_fromstring(fragment, create_parent="div").xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} in {fragment}"
    return found[0]


def test_a_box_is_a_div_with_our_classes_and_its_title_first() -> None:
    box = only(page_html('!!! tip "I praksis"\n    Spørg, når I er alene.\n\n    Og lyt.'), "./div")
    assert box.get("class") == "opspor-callout opspor-callout--tip"
    title, *body = list(box)
    assert (title.tag, title.get("class"), title.text) == ("p", "opspor-callout__title", "I praksis")
    assert [(p.tag, p.text) for p in body] == [("p", "Spørg, når I er alene."), ("p", "Og lyt.")]


def test_a_folded_callout_is_details_with_the_title_as_its_summary() -> None:
    folded = only(page_html('??? note "Feedback: God"\n    Godt valg.'), "./details")
    assert folded.get("class") == "opspor-callout opspor-callout--note" and folded.get("open") is None
    summary = folded[0]
    assert (summary.tag, summary.get("class"), summary.text) == ("summary", "opspor-callout__title", "Feedback: God")
    assert folded[1].text == "Godt valg."
    opened = only(page_html('???+ warning "Åben"\n    Tekst.'), "./details")
    assert opened.get("class") == "opspor-callout opspor-callout--warning" and opened.get("open") == "open"


def classes(text: str, tag: str) -> str:
    return only(page_html(text), f"./{tag}").get("class")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_its_modifier_on_both_forms(kind: str) -> None:
    assert classes(f'!!! {kind} "T"\n    x', "div") == f"opspor-callout opspor-callout--{kind}"
    assert classes(f'??? {kind} "T"\n    x', "details") == f"opspor-callout opspor-callout--{kind}"


def test_an_unknown_kind_is_a_note_titled_with_its_word_and_theme_words_are_dropped() -> None:
    box = only(page_html("!!! bemærk\n    x"), "./div")
    assert box.get("class") == "opspor-callout opspor-callout--note"
    assert box[0].text == "Bemærk"
    assert classes('!!! tip inline end "T"\n    x', "div") == "opspor-callout opspor-callout--tip"
    assert classes('??? "Bare en titel"\n    x', "details") == "opspor-callout opspor-callout--note"


def test_an_empty_title_leaves_the_title_out() -> None:
    box = only(page_html('!!! warning ""\n    Kun tekst.'), "./div")
    assert [child.get("class") for child in box] == [None]


@pytest.mark.parametrize("marker", ["!!!", "???"])
def test_a_title_is_never_html_even_unescaped(marker: str) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    fragment = page_html(f'{marker} note "{hostile}"\n    Tekst.')
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    assert tree.xpath("//img") == [] and "onerror" not in [a for e in tree.iter() for a in e.attrib]
    assert only(fragment, "//*[@class='opspor-callout__title']").text_content() == hostile


def test_an_escaped_title_is_shown_once_escaped_and_markdown_still_works() -> None:
    """The docs tree and print escape author text before it gets here: no double escaping."""
    title = only(page_html('!!! note "&lt;b> &amp; *vigtigt*"\n    x'), "//p[@class='opspor-callout__title']")
    assert title.text_content() == "<b> & vigtigt" and title.find("em").text == "vigtigt"
    printed = only(author_html('??? tip "A < B & *C*"\n    x'), "//summary")
    assert printed.text_content() == "A < B & C" and printed.find("em").text == "C"


def test_a_folded_callout_in_a_list_item_stays_in_it_as_the_scenario_text_writes_it() -> None:
    fragment = page_html('1. Valg et.\n\n    ??? note "Feedback"\n        Godt.\n\n2. Valg to.')
    folded = only(fragment, "//li/details")
    assert folded.get("class") == "opspor-callout opspor-callout--note" and folded[1].text == "Godt."
    assert only(fragment, "./ol").xpath("count(li)") == 2
