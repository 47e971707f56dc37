"""What tests outside this folder need of the native shell's own frame (found by tests/shell_parts.py).

The same names as every shell's ``parts`` module; see tests/shell_parts.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def built(site: Path) -> bool:
    """Whether ``site`` was built by this shell (its own assets folder is there)."""
    return (site / "assets" / "opspor-native" / "opspor-native.css").is_file()


NOT_FETCHED: dict[str, str] = {}  # the shell's script names no other host


def condition_holds(prefix: str, site: Path) -> bool:
    return True


def open_menu(page: Any) -> None:
    page.locator(".on-menu-button").click()


def close_menu(page: Any, viewport: dict[str, int]) -> None:
    page.locator(".on-menu-button").click()
    page.wait_for_function("() => document.querySelector('.on-menu-button').getAttribute('aria-expanded') === 'false'")


def search_hit(page: Any, query: str, title: str) -> Any:
    """Open search, type a query key by key and return the first hit titled ``title``."""
    page.locator(".on-search-button").click()
    box = page.locator("#on-search-input")
    box.press_sequentially(query, delay=20)
    result = page.locator(".on-search__results a").filter(has_text=title).first
    result.wait_for(timeout=15_000)
    return result
