"""SCORM packages in a real LMS runtime (scorm-again) in Chromium, through the real pages."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from course.model import Course
from tests.conftest import watch_csp
from tests.packaging.conftest import TRACK, VERSIONS
from tests.packaging.journey import complete_track

TIMESPAN_12 = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")
DURATION_2004 = re.compile(r"^PT\d+H\d+M\d+(\.\d{1,2})?S$")
FINISH = {"1.2": "LMSFinish", "2004": "Terminate"}
INITIALIZE = {"1.2": "LMSInitialize", "2004": "Initialize"}


def mastery_preload(version: str, zip_path: Path, **stored: str) -> dict:
    """What an LMS hands the SCO on launch: the manifest's mastery score plus stored data."""
    with zipfile.ZipFile(zip_path) as z:
        manifest = etree.fromstring(z.read("imsmanifest.xml"))
    if version == "1.2":
        mastery = manifest.findtext(".//{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore")
        preload: dict = {"core": {"student_id": "u1", "student_name": "Ærø, Søren", "lesson_status": "not attempted"},
                         "student_data": {"mastery_score": mastery}}
        if "suspend_data" in stored:
            preload["suspend_data"] = stored["suspend_data"]
            preload["core"]["lesson_location"] = stored["location"]
            preload["core"]["lesson_status"] = stored["status"]
            preload["core"]["entry"] = "resume"
        return preload
    measure = manifest.findtext(".//{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure")
    preload = {"learner_id": "u1", "learner_name": "Ærø, Søren", "scaled_passing_score": measure}
    if "suspend_data" in stored:
        preload.update(suspend_data=stored["suspend_data"], location=stored["location"],
                       completion_status=stored["status"], entry="resume")
    return preload


def status_of(session, version: str) -> dict:
    if version == "1.2":
        return {"status": session.cmi("core.lesson_status"), "raw": session.cmi("core.score.raw"),
                "location": session.cmi("core.lesson_location"), "suspend_data": session.cmi("suspend_data")}
    return {"status": session.cmi("completion_status"), "success": session.cmi("success_status"),
            "raw": session.cmi("score.raw"), "scaled": session.cmi("score.scaled"),
            "location": session.cmi("location"), "suspend_data": session.cmi("suspend_data")}


@pytest.mark.parametrize("version", VERSIONS)
def test_learner_completes_track_lms_records_pass_and_score_then_resumes(
    version: str, launch_in_lms, scorm_zips: dict[str, Path], mini_course: Course
) -> None:
    first = launch_in_lms(version, mastery_preload(version, scorm_zips[version]))
    # The first launch marks the attempt incomplete and opens the track page.
    first.course().locator(f'.opspor-page[data-kind="track"][data-id="{TRACK}"]').wait_for(state="attached")
    assert status_of(first, version)["status"] == "incomplete"

    complete_track(first, mini_course, TRACK, correctly=True)
    first.end_launch()

    stored = status_of(first, version)
    events = first.events()
    assert events.count(INITIALIZE[version]) == 1, "one Initialize per launch, whatever the pages do"
    if version == "1.2":
        assert stored["status"] == "passed"
        assert stored["raw"] == "100"
        session_time = next(e for e in events if e.startswith("LMSSetValue cmi.core.session_time="))
        assert TIMESPAN_12.match(session_time.split("=", 1)[1]), session_time
    else:
        assert (stored["status"], stored["success"]) == ("completed", "passed")
        assert float(stored["scaled"]) == 1.0 and stored["raw"] == "100"
        session_time = next(e for e in events if e.startswith("SetValue cmi.session_time="))
        assert DURATION_2004.match(session_time.split("=", 1)[1]), session_time
    assert events[-1] == FINISH[version]
    record = json.loads(stored["suspend_data"])
    assert set(record["m"]) == {"grundmodul", "rollemodul"} and record["s"]["test-scenarie"][1]
    print(f"SCORM {version} suspend_data after the full track: {len(stored['suspend_data'])} characters")
    assert len(stored["suspend_data"]) <= 4096
    assert stored["location"] == f"spor/{TRACK}.html"

    # Second launch with what the LMS kept: the learner is back where they were, progress intact.
    second = launch_in_lms(version, mastery_preload(
        version, scorm_zips[version], suspend_data=stored["suspend_data"], location=stored["location"],
        status=stored["status"]))
    track_page = second.course()
    track_page.locator(f'.opspor-page[data-kind="track"][data-id="{TRACK}"]').wait_for(state="attached")
    for item in mini_course.tracks[TRACK].items:
        cell = track_page.locator(f'.opspor-status[data-item="{item}"]')
        assert re.search(r"opspor-status--(passed|completed)", cell.get_attribute("class") or ""), item
    assert status_of(second, version)["status"] in ("passed", "completed")
    assert not first.network.blocked and not second.network.blocked


@pytest.mark.parametrize("version", VERSIONS)
def test_failing_the_quizzes_records_failed(version: str, launch_in_lms, scorm_zips, mini_course: Course) -> None:
    session = launch_in_lms(version, mastery_preload(version, scorm_zips[version]))
    complete_track(session, mini_course, TRACK, correctly=False)
    session.end_launch()
    stored = status_of(session, version)
    if version == "1.2":
        assert stored["status"] == "failed"
        assert float(stored["raw"]) < mini_course.tracks[TRACK].pass_mark
    else:
        assert (stored["status"], stored["success"]) == ("completed", "failed")
        assert float(stored["scaled"]) < mini_course.tracks[TRACK].pass_mark / 100


def test_pages_share_one_session_and_an_oversized_record_is_not_cut(launch_in_lms, scorm_zips) -> None:
    session = launch_in_lms("1.2", mastery_preload("1.2", scorm_zips["1.2"]))
    frame = session.course()
    frame.locator("article a", has_text="Grundmodul om underretning").first.click()
    frame.locator('.opspor-page[data-id="grundmodul"]').wait_for(state="attached")
    assert session.launch_frame().evaluate("typeof window.OpsporLMS.save") == "function"
    assert session.course_frame().evaluate("window.parent.OpsporLMS.trackId") == TRACK
    session.page.wait_for_function("window.LMS.cmi.core.lesson_location === 'moduler/grundmodul.html'")

    good = {"v": 1, "m": {}, "note": "fits"}
    assert session.course_frame().evaluate("r => window.parent.OpsporLMS.save(r)", good) is True
    assert json.loads(session.cmi("suspend_data")) == good
    too_big = {"v": 1, "m": {}, "note": "x" * 5000}
    assert session.course_frame().evaluate("r => window.parent.OpsporLMS.save(r)", too_big) is False
    assert json.loads(session.cmi("suspend_data")) == good, "the last good record is kept, not a cut one"
    assert any("exceeds the LMS limit of 4096" in line for line in session.console_errors)
    assert session.events().count("LMSInitialize") == 1


def test_without_an_lms_the_course_still_runs_and_says_progress_stays_in_the_browser(
    browser, lms_server: str
) -> None:
    context = watch_csp(browser.new_context())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(lms_server + "pkg12/index.html")
    notice = page.locator("#opspor-lms-notice")
    notice.wait_for()
    assert "gemmes kun i denne browser" in notice.inner_text()
    course = page.frame_locator("#opspor-lms-frame")
    course.locator(f'.opspor-page[data-kind="track"][data-id="{TRACK}"]').wait_for(state="attached")
    assert page.evaluate("window.OpsporLMS === undefined")
    assert page.frames[1].evaluate("window.OpsporStore.mode()") == "local"
    context.close()
    assert not errors
