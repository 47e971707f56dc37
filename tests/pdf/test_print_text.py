"""Text as it is printed: addresses a reader can type, Danish quotation marks, escaped author text."""

from __future__ import annotations

from markupsafe import escape

from course.author_markdown import url_text
from course.pdf.print_markdown import print_markdown, typographic_quotes


def test_addresses_print_decoded_but_stay_the_same_address() -> None:
    assert url_text("https://www.k-news.dk/artikler/fire-v%C3%A6gge") == "https://www.k-news.dk/artikler/fire-vægge"
    # a space, a slash or a broken escape typed from paper would be another address: kept as they are
    assert url_text("https://x.dk/a%20b/c%2Fd/%E6") == "https://x.dk/a%20b/c%2Fd/%E6"


def test_an_external_link_prints_its_clean_address_after_the_text() -> None:
    html = str(print_markdown("Læs [artiklen](https://x.dk/v%C3%A6gge?a=1&b=2)."))
    assert '<a href="https://x.dk/v%C3%A6gge?a=1&amp;b=2">artiklen</a>' in html
    assert '<span class="url">(https://x.dk/vægge?a=1&amp;b=2)</span>' in html


def test_straight_quotes_become_danish_and_markup_is_untouched() -> None:
    assert str(typographic_quotes(escape('Hun sagde "nej" og "ja".'))) == "Hun sagde »nej« og »ja«."
    html = str(typographic_quotes(print_markdown('Et "*vigtigt*" ord <b class="x">.')))
    assert "»<em>vigtigt</em>«" in html and "&lt;b class=" in html  # the raw tag stays escaped text
    # an odd quote does not flip the quotes of the next paragraph
    html = str(typographic_quotes(print_markdown('Et "åbent citat.\n\nNyt "afsnit".')))
    assert "<p>Nyt »afsnit«.</p>" in html
    assert str(typographic_quotes(escape('"quoted"'), "en")) == "\u201cquoted\u201d"
