"""What tests outside this folder need of the mkdocs shell's own frame (found by tests/shell_parts.py).

Each shell's test folder has a ``parts`` module with the same names, so a test about the course
(the runtime, the content, the packages) can open the menu, search or explain the theme's URLs
without naming the shell that built the site it is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def built(site: Path) -> bool:
    """Whether ``site`` was built by this shell (its part of the runtime's styles is there)."""
    return (site / "assets" / "opspor-shell" / "opspor-mkdocs.css").is_file()


# Quoted URLs in the theme's minified JS that a browser fetches only under a condition our site
# never meets; each entry says which, and `condition_holds` checks it.
NOT_FETCHED = {
    "https://unpkg.com/mermaid@": "loaded only for mermaid diagrams; the site has none",
    "https://unpkg.com/resize-observer-polyfill": "loaded only in browsers without ResizeObserver",
    "https://api.github.com/": "only with a GitHub repo_url; the site sets none",
}


def condition_holds(prefix: str, site: Path) -> bool:
    html = "\n".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    if "mermaid" in prefix:
        return 'class="mermaid"' not in html
    if "api.github.com" in prefix:
        return "md-source" not in html
    return True


def open_menu(page: Any) -> None:
    """Open the phone menu (the theme's drawer) as a learner does: the header's menu button."""
    page.locator("label.md-header__button[for=__drawer]").click()


def close_menu(page: Any, viewport: dict[str, int]) -> None:
    """Close the phone menu again: a tap on the shade beside the drawer."""
    page.mouse.click(viewport["width"] - 10, viewport["height"] // 2)
    page.wait_for_function("() => !document.getElementById('__drawer').checked")


def search_hit(page: Any, query: str, title: str) -> Any:
    """Type a query as a learner does (key by key) and return the first hit titled ``title``.

    The theme's search drops a query typed before its index has loaded, which on a busy
    machine takes seconds; a learner then types again, and so does this helper (up to 30 s).
    """
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator(".md-search__input")
    result = page.locator(".md-search-result__item a").filter(has_text=title).first
    for _ in range(10):
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            result.wait_for(timeout=3_000)
            return result
        except Exception:  # not found yet: type again
            continue
    raise AssertionError(f"searching for {query!r} never found {title!r}")
