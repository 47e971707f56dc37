"""Shared fixtures: small real courses, built sites and a real headless Chromium."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from course.loading import load_course
from course.model import SHELL_NAMES, Course

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini course, for tests that break it on purpose."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini_course() -> Course:
    return load_course(MINI)


@pytest.fixture(scope="session")
def default_course() -> Course:
    return load_course(PROJECT)


def build_into(course: Course, target: Path, shell: str | None = None) -> Path:
    from course.site import build_site

    build_site(course, PROJECT, target, shell=shell)  # type: ignore[arg-type]
    return target


def _site_fixture(course_fixture: str, shell: str) -> object:
    """A session fixture ``<shell>_<mini|default>_site``: that course built by that shell, once."""

    def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
        course = request.getfixturevalue(f"{course_fixture}_course")
        return build_into(course, tmp_path_factory.mktemp(f"{course_fixture}-{shell}") / "site", shell)

    return pytest.fixture(scope="session", name=f"{shell}_{course_fixture}_site")(built)


# <shell>_mini_site and <shell>_default_site for every shell, made
# from the model's list of shells, so no test here names a shell (course/site/shells.py does).
for _shell in SHELL_NAMES:
    for _course in ("mini", "default"):
        globals()[f"_{_shell}_{_course}_site"] = _site_fixture(_course, _shell)


@pytest.fixture(scope="session")
def mini_site(mini_course: Course, request: pytest.FixtureRequest) -> Path:
    """The mini course as it builds by default (its own ``shell:``). tests/browser overrides this with
    one site per shell, so every browser test runs against both shells."""
    return request.getfixturevalue(f"{mini_course.meta.shell}_mini_site")


@pytest.fixture(scope="session")
def default_site(default_course: Course, request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{default_course.meta.shell}_default_site")


@pytest.fixture(scope="session", params=SHELL_NAMES)
def any_mini_site(request: pytest.FixtureRequest) -> Path:
    """The mini course built by each HTML shell in turn: a test that takes it runs against both."""
    return request.getfixturevalue(f"{request.param}_mini_site")


@dataclass
class NetworkLog:
    """Requests to anything but file:// (or the allowed local origin), all blocked."""

    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run 'make test' (it installs it)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


CSP_REPORTS: list[str] = []  # every Content-Security-Policy violation any test's browser saw


def watch_csp(context: Any) -> Any:
    """Record CSP violations of every page and frame in ``context`` (checked after each test)."""
    context.on("console", lambda message: CSP_REPORTS.append(f"{message.location.get('url')}: {message.text}")
               if "Content Security Policy" in message.text else None)
    return context


@pytest.fixture(autouse=True)
def no_csp_violations() -> Iterator[None]:
    """The pages' CSP must never block anything our pages, the theme or the LMS launch need."""
    before = len(CSP_REPORTS)
    yield
    assert CSP_REPORTS[before:] == [], "CSP violations: " + "\n".join(CSP_REPORTS[before:])


def offline_context(browser: object, log: NetworkLog, allow_prefix: str = "file://", **kwargs: object):
    """A browser context where every request outside ``allow_prefix`` is aborted and logged."""
    context = watch_csp(browser.new_context(**kwargs))  # type: ignore[attr-defined]

    def route(route_obj, request) -> None:
        if request.url.startswith(allow_prefix) or request.url.startswith(("data:", "blob:", "about:")):
            route_obj.continue_()
        else:
            log.blocked.append(request.url)
            route_obj.abort()

    context.route("**/*", route)
    return context


@pytest.fixture
def offline_page(browser: object) -> Iterator[tuple[object, NetworkLog]]:
    """A page in a fresh offline context; yields (page, network log); page errors fail the test."""
    log = NetworkLog()
    context = offline_context(browser, log)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, log
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a web server would, with its 404.html for any missing page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def served_site(mini_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(mini_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
