"""The native shell builds a whole site: every page, search, 404, sitemap, CSP and the runtime's hooks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from build import cli
from course.loading import load_course
from course.site import write_docs
from course.site.csp import CONTENT_SECURITY_POLICY
from course.site.mkdocs_shell import shell_config
from course.site.native_shell import ShellError, render
from course.site.native_shell.pages import extension_list
from tests.conftest import MINI, PROJECT

CONTENT = re.compile(r"<article[^>]*data-opspor-content[^>]*>(.*?)</article>", re.S)
IDS = re.compile(r'\sid="([^"]+)"')


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_shell_native_writes_every_page_search_404_and_sitemap(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["--course", str(MINI), "build", "--shell", "native", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Built 15 pages" in result.output  # 14 course pages + 404
    for page in ("index.html", "moduler/grundmodul.html", "scenarier/test-scenarie.html", "spor/laerer.html",
                 "ordliste.html", "mit-forloeb.html", "bevis.html", "bekraeft.html", "hjaelp.html", "404.html"):
        assert (out / page).is_file(), page
    assert not (out / "search").exists() and not list(out.rglob("*.md")), "no MkDocs files, no Markdown"
    index = (out / "assets/opspor-native/search-index.js").read_text("utf-8")
    assert index.startswith("window.OPSPOR_SEARCH = ") and "Grundmodul om underretning" in index
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert listed == {p.relative_to(out).as_posix() for p in pages_of(out)} - {"404.html"}
    assert "Siden findes ikke" in (out / "404.html").read_text("utf-8")


def test_course_yml_shell_native_selects_the_native_shell(mini_copy: Path, tmp_path: Path) -> None:
    settings = mini_copy / "course.yml"
    settings.write_text(settings.read_text("utf-8") + "shell: native\n", "utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["--course", str(mini_copy), "build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert 'data-opspor-shell="native"' in (out / "index.html").read_text("utf-8")


def test_an_unknown_shell_in_course_yml_is_reported_at_its_line(mini_copy: Path) -> None:
    settings = mini_copy / "course.yml"
    lines = settings.read_text("utf-8").count("\n")
    settings.write_text(settings.read_text("utf-8") + "shell: hugo\n", "utf-8")
    result = CliRunner().invoke(cli, ["--course", str(mini_copy), "check"])
    assert result.exit_code == 1
    assert f"course.yml:{lines + 1}: shell" in result.output, result.output


def test_every_page_has_the_csp_first_the_safety_bar_and_the_content_hook(native_mini_site: Path) -> None:
    pages = pages_of(native_mini_site)
    assert len(pages) == 15
    for page in pages:
        html = page.read_text("utf-8")
        head = html.split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy"'), page
        assert CONTENT_SECURITY_POLICY.replace("'", "&#39;") in head.split(">", 1)[0], page
        assert html.count("data-opspor-safety-bar") == 1 and html.count("data-opspor-content") == 1, page
        assert html.index("opspor-quick-exit") < html.index("<header"), f"quick exit not first: {page}"
        assert "<script>" not in html and not re.search(r"\son[a-z]+=", html), f"inline script: {page}"


def test_the_markdown_extensions_are_the_mkdocs_shells(tmp_path: Path) -> None:
    course = load_course(MINI)
    shell = write_docs(course, PROJECT, tmp_path / "docs", tmp_path / "site")
    mkdocs = shell_config(PROJECT / "mkdocs.yml", shell)["markdown_extensions"]
    names, configs = extension_list(shell.strings)
    assert names == [next(iter(e)) if isinstance(e, dict) else e for e in mkdocs]
    own = {next(iter(e)): next(iter(e.values())) for e in mkdocs if isinstance(e, dict)}
    assert configs["course.quiz"] == own["course.quiz"]
    assert configs["course.slots"]["strings"] == own["course.slots"]["strings"]


def test_both_shells_give_the_content_the_same_heading_ids(default_site: Path, native_default_site: Path) -> None:
    """Anchors in links (checked by `check`) must land in either shell."""
    compared = 0
    for page in pages_of(default_site):
        rel = page.relative_to(default_site)
        if rel.name == "404.html":
            continue
        ours = CONTENT.search((native_default_site / rel).read_text("utf-8"))
        theirs = CONTENT.search(page.read_text("utf-8"))
        assert ours and theirs, rel
        assert set(IDS.findall(ours.group(1))) == set(IDS.findall(theirs.group(1))), rel
        compared += 1
    assert compared >= 40


def test_a_dead_anchor_fails_the_build_at_the_authors_line(mini_copy: Path, tmp_path: Path) -> None:
    module = mini_copy / "modules/01-grundmodul.md"
    text = module.read_text("utf-8")
    text = text.replace("Underretningspligten er personlig.", "Se [rollen](modul:rollemodul#saerlig).", 1)
    module.write_text(text, "utf-8")
    line = text[: text.index("modul:rollemodul#saerlig")].count("\n") + 1
    role = mini_copy / "modules/02-rollemodul.md"
    role.write_text(role.read_text("utf-8").replace("\n## ", "\n## Særlig del {: #saerlig }\n\nTekst.\n\n## ", 1), "utf-8")
    course = load_course(mini_copy)  # `check` is satisfied: the anchor exists in the source
    shell = write_docs(course, PROJECT, tmp_path / "docs", tmp_path / "site")
    generated = tmp_path / "docs/moduler/rollemodul.md"  # the shell sees a page without it
    generated.write_text(generated.read_text("utf-8").replace("{: #saerlig }", ""), "utf-8")
    try:
        render(PROJECT, shell, tmp_path)
    except ShellError as exc:
        message = str(exc)
    else:
        raise AssertionError("the dead anchor was not reported")
    assert message.startswith(f"modules/01-grundmodul.md:{line}: link 'rollemodul.html#saerlig': no anchor #saerlig")
    assert not (tmp_path / "site").exists(), "nothing is written when a link is broken"


def test_a_link_to_a_missing_page_is_reported(tmp_path: Path) -> None:
    course = load_course(MINI)
    shell = write_docs(course, PROJECT, tmp_path / "docs", tmp_path / "site")
    (tmp_path / "docs/moduler/grundmodul.md").unlink()
    try:
        render(PROJECT, shell, tmp_path)
    except ShellError as exc:
        problems = str(exc).splitlines()
    else:
        raise AssertionError("links to a missing page were not reported")
    assert problems and all("grundmodul.html' points to a page that does not exist" in p for p in problems)
    assert any(p.startswith("tracks/") for p in problems), problems  # the track lists the module


def test_search_index_and_lunr_are_classic_scripts_loaded_only_on_demand(native_mini_site: Path) -> None:
    html = (native_mini_site / "moduler/grundmodul.html").read_text("utf-8")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert not any("lunr" in s or "search-index" in s for s in scripts), "search loads up front"
    wanted = re.search(r'data-scripts="([^"]+)"', html).group(1).split()
    assert wanted == ["assets/opspor-native/lunr/lunr.min.js", "assets/opspor-native/lunr/lunr.stemmer.support.min.js",
                      "assets/opspor-native/lunr/lunr.da.min.js", "assets/opspor-native/search-index.js"]
    for path in wanted:
        assert (native_mini_site / path).is_file(), path


def test_packages_hold_the_native_site_without_its_server_pages(mini_course, native_mini_site: Path,
                                                                 tmp_path: Path) -> None:
    import zipfile

    from course.packaging.offline_bundle import write_offline_bundle
    from course.packaging.scorm_package import write_scorm_package
    from course.packaging.track_view import track_course

    offline = write_offline_bundle(mini_course, native_mini_site, tmp_path / "offline.zip")
    names = zipfile.ZipFile(offline.path).namelist()
    assert any(n.endswith("assets/opspor-native/search-index.js") for n in names)
    site = tmp_path / "track-site"
    shutil.copytree(native_mini_site, site)
    package = write_scorm_package(track_course(mini_course, "laerer"), "laerer", "1.2", site, PROJECT,
                                  tmp_path / "scorm.zip")
    names = zipfile.ZipFile(package.path).namelist()
    assert "kursus/spor/laerer.html" in names and "kursus/assets/opspor-native/lunr/lunr.da.min.js" in names
    assert "kursus/404.html" not in names and "kursus/sitemap.xml" not in names


@pytest.mark.parametrize("start", ["fork", "spawn"])  # forked from the command line, spawned beside threads
def test_pages_rendered_in_worker_processes_are_the_same_as_in_one(tmp_path: Path, monkeypatch, start: str) -> None:
    import multiprocessing

    from course.site.native_shell import pages

    course = load_course(MINI)
    shell = write_docs(course, PROJECT, tmp_path / "docs", tmp_path / "site")
    serial = pages.render_all(shell.strings, shell.docs_dir)
    monkeypatch.setattr(pages, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pages, "cores", lambda: 2)
    monkeypatch.setattr(pages, "worker_context", lambda: multiprocessing.get_context(start))
    parallel = pages.render_all(shell.strings, shell.docs_dir)
    assert [p.doc for p in parallel] == [p.doc for p in serial] and len(serial) == 14
    assert [(p.body, p.links, p.toc, p.title) for p in parallel] == [(p.body, p.links, p.toc, p.title) for p in serial]


def test_a_scenarios_table_of_contents_does_not_give_its_endings_away(native_mini_site: Path) -> None:
    html = (native_mini_site / "scenarier/test-scenarie.html").read_text("utf-8")
    toc = re.search(r'<nav class="on-toc".*?</nav>', html, re.S).group(0)
    assert 'href="#kilder"' in toc and "#trin-" not in toc and "#slut-" not in toc
    module_toc = re.search(r'<nav class="on-toc".*?</nav>',
                           (native_mini_site / "moduler/grundmodul.html").read_text("utf-8"), re.S).group(0)
    assert module_toc.count("<li>") >= 2


def test_search_does_not_give_a_scenarios_steps_or_endings_away(default_course, native_default_site: Path) -> None:
    """As in the mkdocs shell's search: headings marked data-search-exclude (a scenario's steps and its
    endings with their ratings) are not in the index, so searching a word never reveals an ending."""
    import json

    script = (native_default_site / "assets" / "opspor-native" / "search-index.js").read_text("utf-8")
    docs = json.loads(script.removeprefix("window.OPSPOR_SEARCH = ").rstrip().removesuffix(";"))["docs"]
    shown = " ".join(f"{d['t']} {d['x']}" for d in docs)
    assert "#slut-" not in " ".join(d["u"] for d in docs) and "#trin-" not in " ".join(d["u"] for d in docs)
    for scenario in default_course.scenarios.values():
        for ending in scenario.endings.values():
            assert f"{ending.title} (" not in shown, (scenario.id, ending.title)
    assert any(d["u"].startswith("scenarier/") for d in docs)  # the scenarios themselves are still found
