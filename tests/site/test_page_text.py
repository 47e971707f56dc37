"""What built pages say and link: readable Danish anchors, sources as links, one percent style."""

from __future__ import annotations

import re
from pathlib import Path

from course.markup_policy import heading_slug
from course.slugs import slugify


def test_slugs_spell_out_danish_letters() -> None:
    assert slugify("Vælg dit spor", "-") == "vaelg-dit-spor"
    assert slugify("Sådan hjælper du: Børn og unge", "-") == "saadan-hjaelper-du-boern-og-unge"
    assert slugify("Æresrelateret vold", "-") == "aeresrelateret-vold"
    assert heading_slug(" Vælg dit spor ") == "vaelg-dit-spor"  # what `check` validates anchors against


def test_built_headings_keep_danish_letters_readable(default_site: Path) -> None:
    html = (default_site / "index.html").read_text("utf-8")
    assert 'id="vaelg-dit-spor"' in html
    assert 'id="vlg-dit-spor"' not in html


def test_sources_are_links(default_site: Path) -> None:
    html = next((default_site / "moduler").glob("*.html")).read_text("utf-8")
    sources = html.split('id="kilder"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'<a href="(https://[^"]+)">(https://[^<]+)</a>', sources)
    assert links, sources[:400]
    assert "&lt;https://" not in sources


def test_percentages_are_written_one_way(default_site: Path) -> None:
    """Danish style, "80 %": a number directly followed by % is not written anywhere a learner reads."""
    texts = [p.read_text("utf-8") for p in default_site.rglob("*.html")]
    texts.append((default_site / "assets" / "opspor" / "course-manifest.js").read_text("utf-8"))
    found = sorted({m.group(0) for text in texts for m in re.finditer(r"(?<![\w#%-])\d+(,\d+)?%(?![0-9A-Fa-f]{2})",
                    re.sub(r"<(style|script)[^>]*>.*?</\1>|\b(style|width|height|href|src)=\"[^\"]*\"", "", text,
                           flags=re.S))})
    assert found == []
