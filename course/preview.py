"""Live preview for authors: serve the built site and rebuild when a source changes.

Polling the few dozen source files once a second is simpler and more portable
than a file-system watcher, and fast enough for a person editing text.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path

from course.atomic_output import replaced_on_success
from course.diagnostics import CourseError
from course.errors import OpsporError
from course.loading import load_course
from course.model import Course
from course.output_safety import check_output, course_output_policy

WATCHED = ("course.yml", "glossary.yml", "modules/*.md", "scenarios/*.y*ml", "tracks/*.y*ml", "pages/*.md")
EDITION_WATCHED = ("edition.yml", "**/*.md", "**/*.y*ml", "**/*.png", "**/*.svg")  # in a local edition's folder


def source_stamp(course_root: Path, edition: Path | None = None) -> tuple[tuple[str, float], ...]:
    files = sorted(p for pattern in WATCHED for p in course_root.glob(pattern))
    if edition is not None:
        files += sorted(p for pattern in EDITION_WATCHED for p in edition.glob(pattern))
    return tuple((str(p), _mtime(p)) for p in files)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # a dangling symlink or a file removed meanwhile: check reports it
        return -1.0


def load_with_edition(course_root: Path, edition: Path | None, echo: Callable[[str], None]) -> Course:
    """The course, with the local edition built in when there is one (its warnings are echoed)."""
    from course.editions.loading import load_edition

    course = load_course(course_root)
    if edition is None:
        return course
    course, warnings = load_edition(course, edition)
    for warning in warnings:
        echo(str(warning))
    return course


def rebuild(course_root: Path, project_root: Path, site_dir: Path, echo: Callable[[str], None],
            edition: Path | None = None) -> None:
    from course.site import ShellError, build_site

    try:
        course = load_with_edition(course_root, edition, echo)
        with replaced_on_success(site_dir, course_output_policy(course_root, "site", site_dir)) as staging:
            pages = build_site(course, project_root, staging)
        echo(f"rebuilt {pages} pages")
    except CourseError as exc:
        echo("\n".join(str(p) for p in exc.problems) + "\n(the previous preview is kept)")
    except ShellError as exc:
        echo(f"the site shell reported:\n{exc}\n(the previous preview is kept)")
    except OpsporError as exc:  # a refused or unwritable folder, a missing set-up step
        echo(f"{exc}\n(the previous preview is kept)")


def serve_preview(course_root: Path, project_root: Path, port: int, echo: Callable[[str], None],
                  edition: Path | None = None, site_dir: Path | None = None) -> None:
    """Serve ``site_dir`` (default ``site/``) and rebuild it when a course source, or a file of the local
    ``edition`` folder, changes."""
    site_dir = site_dir or course_root / "site"
    check_output(site_dir, course_output_policy(course_root, "site", site_dir))
    rebuild(course_root, project_root, site_dir, echo, edition)
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    echo(f"Serving http://127.0.0.1:{port}/ (Ctrl+C stops); watching modules, scenarios, tracks, pages")
    stamp = source_stamp(course_root, edition)
    try:
        while True:
            time.sleep(1)
            current = source_stamp(course_root, edition)
            if current != stamp:
                stamp = current
                rebuild(course_root, project_root, site_dir, echo, edition)
    except KeyboardInterrupt:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
