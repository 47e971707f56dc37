"""No built page fetches anything from another host.

HTML and CSS are parsed for everything a browser would load. Minified JS cannot be
parsed the same way, so its quoted URLs are listed and each one must be explained
by ``NOT_FETCHED`` together with a check that its condition holds for our site.
The browser test (tests/browser/test_offline_site.py) then counts real requests.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.shell_parts import find_shell_parts, shell_parts

LOADING_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "track": ("src",),
}
LOADING_LINK_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon",
                     "manifest", "modulepreload", "apple-touch-icon"}
REMOTE = re.compile(r"^(https?:)?//", re.I)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for attr in LOADING_ATTRS.get(tag, ()):
            if values.get(attr):
                self.urls += [part.strip().split(" ")[0] for part in values[attr].split(",")]
        if tag == "link" and set(values.get("rel", "").lower().split()) & LOADING_LINK_RELS:
            self.urls.append(values.get("href", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        if values.get("style"):
            self.inline_styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def css_fetches(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)


# Quoted URLs in minified JS that a browser fetches only under a condition our site never meets:
# the runtime's own here; the shell's in its parts module (tests/shell_parts.py), each with a check.
NOT_FETCHED = {
    "https://www.dr.dk/": "the quick-exit button's destination: navigated to (location.replace), never fetched",
}


def condition_holds(prefix: str, site: Path) -> bool:
    if "dr.dk" in prefix:
        using = {p.name for p in site.rglob("*.js") if "dr.dk" in p.read_text("utf-8", errors="replace")}
        return using <= {"opspor-safety.js"}
    return shell_parts(site).condition_holds(prefix, site)


def js_quoted_urls(js: str) -> list[str]:
    js = re.sub(r"/\*.*?\*/", "", js, flags=re.S)
    return re.findall(r"[\"'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\"'`\s]*)", js, flags=re.I)


def remote_fetches(site: Path) -> list[str]:
    parts = find_shell_parts(site)
    explained = (*NOT_FETCHED, *(parts.NOT_FETCHED if parts else ()))
    found = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = _Fetches()
            parser.feed(path.read_text("utf-8"))
            urls = parser.urls + [u for s in parser.inline_styles for u in css_fetches(s)]
        elif path.suffix == ".css":
            urls = css_fetches(path.read_text("utf-8"))
        elif path.suffix == ".js":
            urls = [u for u in js_quoted_urls(path.read_text("utf-8", errors="replace"))
                    if not any(u.startswith(p) for p in explained)]
        else:
            continue
        found += [f"{rel}: {u}" for u in urls if REMOTE.match(u.strip())]
    return found


@pytest.mark.parametrize("site_fixture", ["mini_site", "default_site", "native_mini_site", "native_default_site"])
def test_no_page_fetches_from_another_host(site_fixture: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    assert list(site.rglob("*.html")), "no pages were built"
    assert remote_fetches(site) == []
    for prefix in (*NOT_FETCHED, *shell_parts(site).NOT_FETCHED):
        assert condition_holds(prefix, site), prefix


def test_scanner_catches_a_cdn_script(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://cdn.example/x.css">'
                                     '<script src="//cdn.example/y.js"></script><a href="https://ok.example">')
    (tmp_path / "b.css").write_text("body{background:url('https://cdn.example/bg.png')}")
    (tmp_path / "c.js").write_text('load("https://cdn.example/z.js")')
    assert sorted(remote_fetches(tmp_path)) == [
        "a.html: //cdn.example/y.js", "a.html: https://cdn.example/x.css",
        "b.css: https://cdn.example/bg.png", "c.js: https://cdn.example/z.js",
    ]
