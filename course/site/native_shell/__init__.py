"""Opspor's own HTML shell: the docs tree -> HTML with Python-Markdown, Jinja2 and lunr.js.

The second shell beside ``mkdocs_shell`` (select it with ``shell: native`` in course.yml or
``build --shell native``). It owns this folder: page templates (``templates/``), its stylesheet
and script (``assets/``), and search with lunr.js + lunr-languages (vendored from npm, loaded as
classic scripts, so search works from ``file://``). What it makes of the docs tree:

- every page with the Content-Security-Policy ``<meta>`` first, the quick-exit bar first in
  keyboard order, the navigation (pruned per page), the page's table of contents, search, and
  the course runtime (``course/site/assets``), which finds page regions by ``data-opspor-*`` hooks;
- ``404.html`` and ``sitemap.xml``;
- strict links: a link to a missing page or anchor fails the build at the author's ``path:line``.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup, escape

from course import urls
from course.site.csp import CONTENT_SECURITY_POLICY
from course.site.native_shell import link_check, navigation
from course.site.native_shell.pages import RenderedPage, render_all
from course.site.native_shell.search_index import search_script
from course.site.shell_input import QUICK_EXIT_URL, ShellError, ShellInput
from course.templating import environment

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
SHELL_ASSETS = HERE / "assets"
ASSET_DIR = "assets/opspor-native"  # in the site: this shell's css, js, search index and lunr
SEARCH_INDEX = f"{ASSET_DIR}/search-index.js"
LUNR_DIR = f"{ASSET_DIR}/lunr"
# node_modules path -> name in LUNR_DIR; the language file is added for languages lunr lacks
LUNR_FILES = {"lunr/lunr.min.js": "lunr.min.js"}
LUNR_LANGUAGE_FILES = {"lunr-languages/min/lunr.stemmer.support.min.js": "lunr.stemmer.support.min.js"}

__all__ = ["ShellError", "render"]


def lunr_files(project_root: Path, language: str) -> dict[str, Path]:
    """Site name (in LUNR_DIR) -> vendored file; a missing one means npm ci has not run."""
    wanted = dict(LUNR_FILES)
    if language != "en":  # lunr's own stemmer is English
        wanted |= LUNR_LANGUAGE_FILES | {f"lunr-languages/min/lunr.{language}.min.js": f"lunr.{language}.min.js"}
    found = {}
    for package_path, name in wanted.items():
        source = project_root / "node_modules" / package_path
        if not source.exists():
            raise ShellError(f"missing {source}; run 'make setup' (npm ci) first")
        found[name] = source
    return found


def _site_url(shell: ShellInput) -> str:
    url = shell.site_url
    return url if not url or url.endswith("/") else url + "/"


def _site_root(shell: ShellInput) -> str:
    """The site's top folder as an absolute path (``/``, or site_url's path): the not-found page is
    served at any address, so its links cannot be relative to where it was asked for."""
    return urlparse(_site_url(shell)).path or "/"


def render(project_root: Path, shell: ShellInput, work_dir: Path) -> None:
    """Build HTML into ``shell.site_dir``; raise :class:`ShellError` on a broken link or anchor."""
    docs, site = shell.docs_dir, shell.site_dir
    lunr = lunr_files(project_root, shell.language)
    pages = render_all(shell.strings, docs,
                       {"edition": shell.edition_name, "filled": list(shell.filled_slots), "items": shell.items})

    # every file the site will hold, for the link check
    assets = {posixpath.join(*p.relative_to(docs).parts) for p in docs.rglob("*") if p.is_file()
              and p.suffix != ".md"}
    files = assets | {page.url for page in pages}
    problems = link_check.broken_links(pages, files, shell.origins)
    if problems:
        raise ShellError("\n".join(problems))

    site.mkdir(parents=True, exist_ok=False)
    for relative in assets:
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs / relative, target)
    shutil.copytree(SHELL_ASSETS, site / ASSET_DIR, dirs_exist_ok=True)
    (site / LUNR_DIR).mkdir(parents=True, exist_ok=True)
    for name, source in lunr.items():
        shutil.copyfile(source, site / LUNR_DIR / name)
    (site / SEARCH_INDEX).write_text(search_script(pages, shell.language), encoding="utf-8")

    _write_pages(shell, pages, site, sorted(lunr))
    urls = [page.url for page in pages]
    env = environment(TEMPLATES, autoescape=True)
    (site / "sitemap.xml").write_text(
        env.get_template("sitemap.xml.j2").render(site_url=_site_url(shell), urls=urls), encoding="utf-8")


def _write_pages(shell: ShellInput, pages: list[RenderedPage], site: Path, lunr_names: list[str]) -> None:
    env = environment(TEMPLATES, autoescape=True)
    template = env.get_template("page.html.j2")
    tree = navigation.nav_tree(shell.nav)
    order = navigation.flat(tree)
    position = {url: i for i, (url, _) in enumerate(order)}
    common = dict(
        t=shell.strings,
        language=shell.language,
        site_name=shell.site_name,
        csp=CONTENT_SECURITY_POLICY,
        exit_url=QUICK_EXIT_URL,
        styles=[f"{ASSET_DIR}/opspor-native.css", *shell.styles],
        scripts=[*shell.scripts, f"{ASSET_DIR}/opspor-native.js"],
        head_scripts=shell.head_scripts,
        search_scripts=[f"{LUNR_DIR}/{name}" for name in _lunr_order(lunr_names)] + [SEARCH_INDEX],
        help_page=urls.html_of(urls.page_doc("hjaelp")),
        logo=shell.logo,  # a local edition's, shown only as <img> (script in an SVG never runs)
        notice=shell.notice,  # the example edition's "Eksempel – ..." on every page
    )
    menus = _Menus(env, tree)
    for page in pages:
        depth = page.url.count("/")
        root = "../" * depth
        at = position.get(page.url)
        previous = order[at - 1] if at is not None and at > 0 else None
        following = order[at + 1] if at is not None and at + 1 < len(order) else None
        html = template.render(
            **common, page=page, root=root, nav_html=menus.html(page.url, root),
            # a scenario's h3s are its steps and endings with their ratings: listed, they would give it away
            toc=_toc_entries(page.toc, deep='data-kind="scenario"' not in page.body),
            previous=previous, next=following, not_found=False,
        )
        target = site / page.url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    # The 404 page: served by a web server at whatever address was asked for, so it is written
    # from the site's top folder, by absolute paths (it is left out of packages: see site_snapshot).
    missing = RenderedPage("404.md", "404.html", shell.strings["shell_not_found_title"], "", [])
    root = _site_root(shell)
    (site / "404.html").write_text(template.render(
        **common, page=missing, root=root, nav_html=menus.html("404.html", root), toc=[],
        previous=None, next=None, not_found=True), encoding="utf-8")


class _Menus:
    """Each page's menu: rendered once per group of pages that share it, then the page's link is marked."""

    def __init__(self, env: jinja2.Environment, tree: list[navigation.NavItem]) -> None:
        self.template = env.get_template("nav.html.j2")
        self.tree = tree
        self.cache: dict[tuple[str, tuple[int, ...]], str] = {}

    def html(self, url: str, root: str) -> Markup:
        key = (root, navigation.open_sections(self.tree, url))
        menu = self.cache.get(key)
        if menu is None:
            menu = self.cache[key] = self.template.render(nav=navigation.view(self.tree, url, root))
        link = f'href="{escape(root + url)}"'
        return Markup(menu.replace(link, f'{link} aria-current="page"', 1))


def _lunr_order(names: list[str]) -> list[str]:
    """lunr itself, then the stemmer support, then the language (each needs the one before)."""
    rank = {"lunr.min.js": 0, "lunr.stemmer.support.min.js": 1}
    return sorted(names, key=lambda n: (rank.get(n, 2), n))


def _toc_entries(tokens: list[dict], *, deep: bool = True) -> list[dict]:
    """The page's h2 and h3 headings (the h1 is the page title); only h2 when not ``deep``."""
    if len(tokens) == 1 and tokens[0]["level"] == 1:
        tokens = tokens[0]["children"]
    return [{"id": t["id"], "name": t["name"],
             "children": [{"id": c["id"], "name": c["name"], "children": []} for c in t["children"]] if deep else []}
            for t in tokens]
