"""Every page we write carries the Content-Security-Policy, first in <head>, and needs no inline script."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from course.site.csp import CONTENT_SECURITY_POLICY
from tests.conftest import CSP_REPORTS, NetworkLog, offline_context


def policy_and_inline_scripts(document: bytes) -> tuple[list[str], list[str]]:
    tree = lxml_html.fromstring(document)
    head = tree.find("head")
    metas = [m.get("content") for m in head.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    first_script = next(iter(tree.iter("script")), None)
    if first_script is not None and metas:
        order = list(tree.iter())
        csp_meta = next(m for m in head.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
        assert order.index(csp_meta) < order.index(first_script), "the policy must come before any script"
    inline = [
        (s.text or "")[:60] for s in tree.iter("script")
        if not s.get("src") and s.get("type") != "application/json"
    ]
    return metas, inline


def test_every_site_page_has_the_policy_and_no_inline_script(mini_site: Path) -> None:
    pages = sorted(mini_site.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        metas, inline = policy_and_inline_scripts(page.read_bytes())
        assert metas == [CONTENT_SECURITY_POLICY], page
        assert inline == [], (page, inline)
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY.split(
        "script-src")[1].split(";")[0]


def test_policy_blocks_a_handler_injected_at_run_time(mini_site: Path, browser: object) -> None:
    """The last line of defence works from file://: markup that slipped into the DOM cannot run."""
    context = offline_context(browser, NetworkLog())
    page = context.new_page()
    page.goto((mini_site / "index.html").as_uri())
    before = len(CSP_REPORTS)
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("""() => { const d = document.createElement('div');
            d.innerHTML = '<img src="nope.png" onerror="window.__pwned = 1">'; document.body.append(d); }""")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("typeof window.OPSPOR_COURSE") == "object"  # the site's own files did run
    del CSP_REPORTS[before:]  # expected here; every other test must see none
    context.close()


def test_check_reads_author_text_with_the_shells_own_markdown_extensions() -> None:
    """`check` judges author Markdown on the tree the shell will build, so the two lists must agree."""
    from course.markup_policy import AUTHOR_EXTENSIONS
    from course.site.page_markdown import page_extensions

    names, _ = page_extensions({})
    assert [n for n in names if n in AUTHOR_EXTENSIONS] == list(AUTHOR_EXTENSIONS)
    # course.course_links resolves the links `check` judges as written (modul:id), so check goes without it
    assert set(names) - set(AUTHOR_EXTENSIONS) == {"toc", "course.markup_policy", "course.quiz", "course.slots",
                                                   "course.course_links"}
