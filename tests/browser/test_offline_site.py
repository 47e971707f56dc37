"""The built site works from file:// with every request to another host blocked."""

from __future__ import annotations

from pathlib import Path

from tests.shell_parts import shell_parts


def test_site_from_file_search_and_quiz_with_zero_remote_requests(mini_site: Path, offline_page) -> None:
    page, network = offline_page
    page.goto((mini_site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "da"

    # Search in Danish, offline (each shell's search must work from file:// under the pages' CSP).
    shell_parts(mini_site).search_hit(page, "tavshedspligt", "Grundmodul om underretning").click()
    page.wait_for_url("**/moduler/grundmodul.html*")

    # Answer a single-choice quiz question and read its feedback.
    quiz = page.locator(".opspor-quiz").first
    quiz.get_by_label("Du selv").check()
    quiz.get_by_role("button", name="Svar").click()
    feedback = quiz.get_by_text("Rigtigt, pligten er personlig.").locator("visible=true")
    feedback.first.wait_for()
    assert "Rigtigt, pligten er personlig." in quiz.inner_text()

    assert network.blocked == [], f"requests to other hosts: {network.blocked}"


def test_every_page_opens_offline_without_remote_requests(mini_site: Path, offline_page) -> None:
    page, network = offline_page
    pages = sorted(mini_site.rglob("*.html"))
    for html in pages:
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
    assert len(pages) >= 12
    assert network.blocked == []
