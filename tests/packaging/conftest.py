"""Packages built once per session from the mini course, and a local test LMS.

The test LMS is a page with scorm-again (the LMS side of the SCORM API, from
node_modules) that shows a package's launch page in a frame. Both are served by one
http.server thread on 127.0.0.1: a file:// parent and child would be different origins,
and the launch page could not find the API.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from course.model import Course
from course.packaging.offline_bundle import BundleResult, write_offline_bundle
from course.packaging.scorm_package import write_scorm_package
from course.packaging.track_view import track_course
from tests.conftest import PROJECT, NetworkLog, build_into, offline_context

HERE = Path(__file__).parent
SCORM_AGAIN = PROJECT / "node_modules" / "scorm-again" / "dist"
TRACK = "sygeplejerske"  # the mini course's longest track: two modules and a scenario
VERSIONS = ("1.2", "2004")


@pytest.fixture(scope="session")
def track_site(mini_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the package's track only, as ``build.py package scorm`` builds it."""
    return build_into(track_course(mini_course, TRACK), tmp_path_factory.mktemp("track-site") / "site")


@pytest.fixture(scope="session")
def scorm_zips(mini_course: Course, track_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scorm")
    view = track_course(mini_course, TRACK)
    return {
        version: write_scorm_package(view, TRACK, version, track_site, PROJECT, folder / f"{version}.zip").path
        for version in VERSIONS
    }


@pytest.fixture(scope="session")
def offline_zip(mini_course: Course, mini_site: Path, tmp_path_factory: pytest.TempPathFactory) -> BundleResult:
    return write_offline_bundle(mini_course, mini_site, tmp_path_factory.mktemp("offline") / "bundle.zip")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def lms_server(scorm_zips: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a folder holding the test LMS page, scorm-again and each package unzipped."""
    root = tmp_path_factory.mktemp("lms")
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        source = SCORM_AGAIN / name
        if not source.exists():
            pytest.fail(f"missing {source}: run 'make setup' (npm ci)")
        shutil.copyfile(source, root / name)
    shutil.copyfile(HERE / "lms_harness.html", root / "lms.html")
    for version, archive in scorm_zips.items():
        with zipfile.ZipFile(archive) as z:
            z.extractall(root / f"pkg{version.replace('.', '')}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@dataclass
class LmsSession:
    """One launch of a package in the test LMS."""

    page: Any
    console_errors: list[str]
    network: NetworkLog

    def course(self) -> Any:
        """The course pages (a frame inside the launch page), for locators."""
        return self.page.frame_locator("#sco").frame_locator("#opspor-lms-frame")

    def launch_frame(self) -> Any:
        """The launch page's frame, for evaluate()."""
        return self.page.frame(url=re.compile(r"/pkg[0-9]+/index\.html$"))

    def course_frame(self) -> Any:
        """The frame showing the course pages, for evaluate()."""
        return self.launch_frame().child_frames[0]

    def events(self) -> list[str]:
        return self.page.evaluate("window.LMS_EVENTS")

    def cmi(self, expression: str) -> Any:
        """Read the LMS's stored data model directly (never through GetValue: no write-only errors)."""
        return self.page.evaluate(f"window.LMS.cmi.{expression}")

    def end_launch(self) -> None:
        """The learner leaves: the LMS unloads the SCO's frame, the launch page sees pagehide."""
        self.page.evaluate("document.getElementById('sco').src = 'about:blank'")
        self.page.wait_for_function("window.LMS_EVENTS.some(e => e === 'LMSFinish' || e === 'Terminate')")


@pytest.fixture
def launch_in_lms(browser: Any, lms_server: str) -> Iterator[Callable[..., LmsSession]]:
    """Open a package in the test LMS: launch(version, preload=None, settings=None, same_browser_as=None,
    viewport=None, block_course_storage=False).

    ``same_browser_as``: an earlier session whose browser profile (storage and all) this launch uses,
    as the next learner on a shared computer would. ``viewport``: the window (and SCO frame) size.
    ``block_course_storage``: the course pages (the launch page's frame) get no localStorage or
    sessionStorage."""
    contexts: list[Any] = []
    page_errors: list[str] = []

    def launch(version: str, preload: dict | None = None, settings: dict | None = None,
               same_browser_as: LmsSession | None = None, viewport: dict | None = None,
               block_course_storage: bool = False) -> LmsSession:
        network = same_browser_as.network if same_browser_as else NetworkLog()
        if same_browser_as:
            context = same_browser_as.page.context
        else:
            context = offline_context(browser, network, allow_prefix=lms_server,
                                      **({"viewport": viewport} if viewport else {}))
            contexts.append(context)
        page = context.new_page()
        if viewport:
            page.set_viewport_size(viewport)
        if block_course_storage:  # as a browser set to refuse site data does, in the course pages only
            page.add_init_script(_BLOCK_COURSE_STORAGE)
        console: list[str] = []
        page.on("pageerror", lambda exc: None if _worker_cut_off(str(exc)) else page_errors.append(str(exc)))
        page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
        setup = {
            "version": version,
            "launch": f"pkg{version.replace('.', '')}/index.html",
            "preload": preload,
            "settings": settings or {},
            "frame": viewport,
        }
        page.add_init_script(f"if (window === window.top) window.LMS_SETUP = {_json(setup)};")
        page.goto(lms_server + "lms.html")
        session = LmsSession(page, console, network)
        session.course().locator(".opspor-page").first.wait_for(state="attached")
        return session

    yield launch
    seen = list(page_errors)  # errors while closing (workers cut off mid-load) are not the pages' fault
    for context in contexts:
        context.close()
    assert not seen, f"JavaScript errors in the LMS, launch page or course pages: {seen}"


_BLOCK_COURSE_STORAGE = """
if (window.parent !== window && window.parent.parent !== window.parent) {
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, { get() { throw new DOMException("blocked", "SecurityError"); } });
  }
}
"""


def _worker_cut_off(message: str) -> bool:
    """Over HTTP the theme's search runs in a real Worker that loads its language files with
    importScripts; when the learner (here: the test, within a second) leaves the page, the
    worker is stopped mid-load and Chromium reports that as an error of the page left behind."""
    return message.startswith("Failed to execute 'importScripts' on 'WorkerGlobalScope'") and "/lunr/" in message


def _json(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
