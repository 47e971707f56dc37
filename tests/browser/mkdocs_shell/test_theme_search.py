"""The theme's search (mkdocs shell): its index loads only when search is first opened (issue 13),
from file:// (our CSP-clean worker shim) and from a web server alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def requests_to(urls: list[str], *names: str) -> list[str]:
    return [u for u in urls if any(n in u for n in names)]


def test_search_index_loads_only_when_search_is_first_opened(mkdocs_mini_site: Path, served_site: str,
                                                             browser: Any) -> None:
    for start in ((mkdocs_mini_site / "moduler" / "grundmodul.html").as_uri(), served_site + "moduler/grundmodul.html"):
        context = browser.new_context()
        urls: list[str] = []
        context.on("request", lambda request, seen=urls: seen.append(request.url))
        page = context.new_page()
        page.goto(start)
        page.wait_for_load_state("networkidle")
        assert requests_to(urls, "opspor-search-index", "lunr", "workers/search") == [], start
        search = page.locator(".md-search__input")
        search.click()
        page.locator(".md-search-result__meta").filter(has_text="Indtast søgeord").wait_for()
        search.press_sequentially("tavshedspligt", delay=20)
        page.locator(".md-search-result__item a").filter(has_text="Grundmodul om underretning").first.wait_for()
        assert requests_to(urls, "opspor-search-index"), "the index loaded once search was opened"
        context.close()
