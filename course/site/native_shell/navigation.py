"""The docs tree's navigation (MkDocs' nav format) as a tree, pruned per page.

A section that does not hold the current page shows as one link to its first page, as
mkdocs-material's ``navigation.prune`` does, so a page's menu stays small however large the
course is (build time and page size stay linear, not quadratic). Top-level sections always list
their entries, so the learner sees the whole course outline on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from course.site.native_shell.pages import html_path


@dataclass
class NavItem:
    title: str  # HTML-escaped already
    url: str | None = None  # site path of a page; None for a section
    children: list[NavItem] = field(default_factory=list)

    @cached_property
    def urls(self) -> frozenset[str]:
        """Every page under this entry (computed once: each page's view asks every section)."""
        if self.url is not None:
            return frozenset({self.url})
        return frozenset().union(*(child.urls for child in self.children))

    def first_url(self) -> str | None:
        if self.url is not None:
            return self.url
        return next((u for child in self.children if (u := child.first_url())), None)


def nav_tree(nav: list[Any]) -> list[NavItem]:
    items = []
    for entry in nav:
        for title, value in entry.items():
            if isinstance(value, list):
                items.append(NavItem(title, children=nav_tree(value)))
            else:
                items.append(NavItem(title, url=html_path(value)))
    return items


@dataclass
class NavView:
    """One entry as a page sees it: on the path to the current page (open), or pruned."""

    title: str
    href: str | None
    open: bool
    children: list[NavView]


def view(items: list[NavItem], current: str, root: str, depth: int = 0) -> list[NavView]:
    views = []
    for item in items:
        if item.url is not None:
            views.append(NavView(item.title, root + item.url, False, []))
            continue
        holds = current in item.urls
        if depth == 0 or holds:
            views.append(NavView(item.title, None, holds, view(item.children, current, root, depth + 1)))
        else:
            first = item.first_url()
            views.append(NavView(item.title, root + first if first else None, False, []))
    return views


def open_sections(items: list[NavItem], current: str) -> tuple[int, ...]:
    """Which sections hold the page: pages that share them (and their folder) share one menu."""
    path: list[int] = []
    while True:
        holder = next((i for i, item in enumerate(items) if item.url is None and current in item.urls), None)
        if holder is None:
            return tuple(path)
        path.append(holder)
        items = items[holder].children


def flat(items: list[NavItem]) -> list[tuple[str, str]]:
    """(url, title) of every page in navigation order, for previous/next links."""
    out = []
    for item in items:
        if item.url is not None:
            out.append((item.url, item.title))
        out.extend(flat(item.children))
    return out
