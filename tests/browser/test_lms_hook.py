"""The contract with an LMS launcher: window.parent.OpsporLMS load/save/report, and a compact record.

The launcher and the course must share an origin, so these pages are served over HTTP on
127.0.0.1 (every other host stays blocked).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.learner import answer_quiz, manifest, scenario_data
from tests.conftest import NetworkLog, offline_context

LAUNCHER = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>LMS</title></head><body>
<script>
  window.lmsLog = {saves: [], reports: []};
  window.OpsporLMS = {
    trackId: "laerer",
    load: function () { return window.lmsSaved ? JSON.parse(JSON.stringify(window.lmsSaved)) : null; },
    save: function (record) { window.lmsSaved = JSON.parse(JSON.stringify(record)); window.lmsLog.saves.push(1); },
    report: function (status) { window.lmsLog.reports.push(status); }
  };
</script>
<iframe id="course" title="Kursus" style="width:100%;height:90vh" src="site/moduler/grundmodul.html"></iframe>
</body></html>"""


@pytest.fixture
def served(mini_site: Path, tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "lms"
    root.mkdir()
    (root / "site").symlink_to(mini_site, target_is_directory=True)
    (root / "launcher.html").write_text(LAUNCHER, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_framed_by_an_lms_the_runtime_loads_saves_and_reports_through_it(browser, mini_site: Path, served: str) -> None:
    log = NetworkLog()
    context = offline_context(browser, log, allow_prefix=served)
    page = context.new_page()
    page.goto(served + "launcher.html")
    frame = page.frame_locator("#course")
    course_frame = next(f for f in page.frames if f.url.endswith("grundmodul.html"))
    course_frame.wait_for_function("!!window.OpsporStore")
    assert course_frame.evaluate("OpsporStore.mode()") == "lms"
    assert frame.locator("#opspor-data").count() == 0  # module page; the data controls live on Mit forløb

    answer_quiz(course_frame, 0, correct=True)
    answer_quiz(course_frame, 1, correct=False)
    reports = page.evaluate("window.lmsLog.reports")
    assert reports[-1] == {"trackId": "laerer", "completed": False, "passed": False, "scoreRaw": 50}
    answer_quiz(course_frame, 1, correct=True)
    assert page.evaluate("window.lmsLog.reports")[-1]["scoreRaw"] == 100

    course_frame.goto(served + "site/scenarier/test-scenarie.html")
    course_frame.wait_for_function("!!window.OpsporStore")
    for step in scenario_data(course_frame)["best_path"]:  # by mouse: a Playwright frame has no keyboard
        course_frame.locator(f"#opspor-player input[value='{step['option']}']").check()  # options are shuffled
        course_frame.locator("#opspor-player button[type=submit]").click()
        course_frame.locator("#opspor-player .opspor-next button").click()
    course_frame.locator("#opspor-player .opspor-debrief").wait_for()
    assert page.evaluate("window.lmsLog.reports")[-1] == {
        "trackId": "laerer", "completed": True, "passed": True, "scoreRaw": 100}

    saved = page.evaluate("window.lmsSaved")
    assert saved["m"]["grundmodul"] == [100, 2] and saved["s"]["test-scenarie"][1]
    key = manifest(mini_site)["storage_key"]
    assert course_frame.evaluate("k => localStorage.getItem(k)", key) is None, "nothing in localStorage"
    # A reload inside the LMS gets the progress back from OpsporLMS.load().
    course_frame.goto(served + "site/spor/laerer.html")
    course_frame.wait_for_function("!!window.OpsporStore")
    assert "2 af 2 gennemført" in course_frame.locator(".opspor-track-progress").inner_text()
    assert log.blocked == []
    context.close()


def test_serialized_record_for_the_longest_default_track_fits_suspend_data(default_site: Path, offline_page) -> None:
    """SCORM 1.2 suspend_data holds 4096 characters; a complete track must stay well under it."""
    page, _ = offline_page
    course = manifest(default_site)
    longest = max(course["tracks"], key=lambda t: len(t["items"]))
    page.goto((default_site / "index.html").as_uri())
    page.wait_for_function("!!window.OpsporStore")
    size = page.evaluate(
        """track => {
          OpsporStore.change(r => {
            for (const item of track.items) {
              if (item.kind === 'module') r.m[item.id] = [100, window.OPSPOR_COURSE.modules[item.id].questions];
              else r.s[item.id] = ['012345', 'en-lang-slutning-' + item.id];   // a long path to an ending
            }
            r.k[track.id] = '2026-11-27';
          });
          return OpsporStore.serialize().length;
        }""",
        longest,
    )
    print(f"serialized record, complete track {longest['id']} ({len(longest['items'])} items): {size} chars")
    assert size < 2048
