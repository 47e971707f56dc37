"""A learner takes a whole track from file://, offline, and prints the certificate."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from tests.browser.learner import answer_module, answer_quiz, manifest, open_page, stored, walk_to_ending_by_keyboard

TRACK = "sygeplejerske"
NAME = "Karen Blixen-Test"


def status_of(page, item_id: str) -> str:
    return page.locator(f'.opspor-status[data-item="{item_id}"]').inner_text()


def test_whole_track_below_pass_mark_then_retry_scenarios_by_keyboard_and_certificate_pdf(
    mini_site: Path, offline_page, tmp_path: Path
) -> None:
    page, network = offline_page
    course = manifest(mini_site)
    track = next(t for t in course["tracks"] if t["id"] == TRACK)
    modules = [i["id"] for i in track["items"] if i["kind"] == "module"]
    scenarios = [i["id"] for i in track["items"] if i["kind"] == "scenario"]
    assert len(modules) >= 2 and scenarios

    # 1. The first module: one of two answers wrong = 50 %, below the 80 % pass mark.
    answer_module(page, mini_site, modules[0], wrong=1)
    status = page.locator(".opspor-module-status")
    assert "50 %" in status.inner_text()
    assert "ikke bestået" in status.inner_text().lower()
    assert stored(page, course["storage_key"])["m"][modules[0]] == [50, 2]
    open_page(page, mini_site, track["url"])
    assert status_of(page, modules[0]) == "Ikke bestået (50 %, kræver 80 %)"
    assert "0 af 3 gennemført" in page.locator(".opspor-track-progress").inner_text()

    # 2. Retry the wrong question: now 100 %, passed; the best result is kept.
    open_page(page, mini_site, course["modules"][modules[0]]["url"])
    answer_quiz(page, 0, correct=True)
    assert "Modulet er bestået" in page.locator(".opspor-module-status").inner_text()
    answer_quiz(page, 1, correct=False)  # a worse later attempt must not lower the best result
    open_page(page, mini_site, track["url"])
    assert status_of(page, modules[0]) == "Bestået (100 %)"

    # 3. The other modules, passed at once.
    for module_id in modules[1:]:
        answer_module(page, mini_site, module_id)
    open_page(page, mini_site, track["url"])
    assert "1 af 3" not in page.locator(".opspor-track-progress").inner_text()
    assert "Udskriv kursusbevis" not in page.locator(".opspor-certificate").inner_text()

    # 4. Every scenario walked to an ending with the keyboard only: the first one badly, which does
    #    not pass it, then again from the start to the best ending, which does.
    for scenario_id in scenarios:
        open_page(page, mini_site, course["scenarios"][scenario_id]["url"])
        how = "last" if scenario_id == scenarios[0] else "best"
        chosen = walk_to_ending_by_keyboard(page, choose=how)
        player = page.locator("#opspor-player")
        assert "Slutning:" in player.inner_text()
        assert player.locator(".opspor-debrief > li").count() == len(chosen)
        if how == "last":  # off the best path: the summary says where, and shows the best path
            assert "skilte sig fra den bedste vej ved trin 1" in player.inner_text()
            assert player.locator(".opspor-best-path li").count() >= 1
            assert "Scenariet er ikke bestået" in player.inner_text()
            open_page(page, mini_site, track["url"])
            assert status_of(page, scenario_id) == "Ikke bestået (uhensigtsmæssig slutning)"
            assert "Udskriv kursusbevis" not in page.locator(".opspor-certificate").inner_text()
            open_page(page, mini_site, course["scenarios"][scenario_id]["url"])
            page.get_by_role("button", name="Start forfra").click()
            walk_to_ending_by_keyboard(page, choose="best")
        assert "Du fulgte den bedste vej" in player.inner_text()
        assert "Scenariet er bestået." in player.inner_text()

    # 5. The track is complete.
    open_page(page, mini_site, track["url"])
    summary = page.locator(".opspor-track-progress").inner_text()
    assert "3 af 3 gennemført" in summary
    assert "Du har gennemført sporet." in summary
    for item in track["items"]:
        assert status_of(page, item["id"]).startswith("Bestået")

    # 6. The certificate, printed by Chromium to PDF.
    page.locator(".opspor-certificate a", has_text="Udskriv kursusbevis").click()
    page.wait_for_url(f"**/bevis.html#{TRACK}")
    page.wait_for_selector(".opspor-certificate-sheet")
    page.locator("#opspor-cert-name").fill(NAME)
    sheet = page.locator(".opspor-certificate-sheet")
    assert NAME in sheet.inner_text()
    assert "Selvudstedt" in sheet.inner_text()
    assert "»Ida får hjælp« (God praksis)" in sheet.inner_text(), "each scenario's best ending"
    pdf_bytes = page.pdf(prefer_css_page_size=True, print_background=True)
    (tmp_path / "bevis.pdf").write_bytes(pdf_bytes)
    reader = PdfReader(io.BytesIO(pdf_bytes))
    assert len(reader.pages) == 1, "the certificate must print on one page"
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height), "A4 landscape"
    assert abs(float(box.width) - 842) < 3 and abs(float(box.height) - 595) < 3
    text = " ".join(reader.pages[0].extract_text().split())
    assert NAME in text
    assert track["title"] in text
    hours = str(track["hours"]).replace(".", ",")
    assert f"{hours} timer" in text
    assert "Selvudstedt" in text
    assert network.blocked == []
