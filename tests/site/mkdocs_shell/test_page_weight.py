"""Lighter pages (issue 13): a module page carries one track's navigation, every page's own JS and
CSS stays in budget, and the search index is not part of any page's load.

Sizes are read from the built default course on disk (what a page references); bench/page_weight.py
measures what Chromium really loads, before and after.
"""

from __future__ import annotations

import re
from pathlib import Path

from course.site.mkdocs_shell.theme_trim import UNUSED

MODULE_HTML_BUDGET = 60_000
ASSETS_BUDGET = 300_000  # our JS and CSS plus the theme's, per page, without the search index


def referenced(page: Path, site: Path) -> list[Path]:
    html = page.read_text("utf-8")
    refs = re.findall(r'<script src="([^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    # the not-found page links from the site root (a server shows it at any depth)
    return [((site / ref[1:]) if ref.startswith("/") else (page.parent / ref.split("?")[0])).resolve()
            for ref in refs if "://" not in ref]


def test_module_pages_are_at_most_60_kb(default_site: Path) -> None:
    sizes = {p.name: p.stat().st_size for p in (default_site / "moduler").glob("*.html")}
    assert max(sizes.values()) <= MODULE_HTML_BUDGET, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]


def test_no_page_loads_more_than_300_kb_of_js_and_css(default_site: Path) -> None:
    heavy = {}
    for page in [default_site / "index.html", *default_site.glob("*/*.html"), *default_site.glob("*.html")]:
        files = referenced(page, default_site)
        assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
        assert not any("search_index" in f.name or "opspor-search-index" in f.name for f in files)
        total = sum(f.stat().st_size for f in files)
        if total > ASSETS_BUDGET:
            heavy[str(page.relative_to(default_site))] = total
    assert heavy == {}


def test_the_search_index_is_moved_out_of_the_page_load(default_site: Path) -> None:
    folder = default_site / "search"
    assert (folder / "search_index.json").stat().st_size < 1000, "the theme's eager index is a stub"
    assert (folder / "search_index.js").stat().st_size < 1000
    full = (folder / "opspor-search-index.js").read_text("utf-8")
    assert full.startswith("window.__opsporSearchIndex = {")
    assert "tavshedspligt" in full.lower()


def test_trimmed_theme_styles_name_nothing_a_page_uses(default_site: Path) -> None:
    """Every pattern the trim drops must be absent from every built page and from our runtime."""
    texts = [p.read_text("utf-8") for p in default_site.rglob("*.html")]
    texts += [p.read_text("utf-8") for p in (default_site / "assets" / "opspor").glob("*.js")]
    classes = {c for text in texts for attr in re.findall(r'class="([^"]*)"', text) for c in attr.split()}
    classes |= {c for text in texts for c in re.findall(r'["\s.]((?:md|opspor)-[a-z0-9_-]+)', text)}
    for pattern in UNUSED:
        plain = re.sub(r"^\\\.|\\b|\?|\\", "", pattern.split(" ")[-1])
        if not re.fullmatch(r"[a-z0-9_-]+", plain):
            continue  # attribute selectors (the palette's named colours)
        used = sorted(c for c in classes if c == plain or c.startswith(plain + "-") or c.startswith(plain + "_"))
        assert used == [], f"{pattern} is trimmed but the site uses {used}"
