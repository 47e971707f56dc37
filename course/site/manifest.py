"""The course manifest: everything the browser runtime needs to know about the course.

Written as JSON (for tools) and as a script that sets ``window.OPSPOR_COURSE``
(``file://`` pages cannot fetch JSON). URLs are relative to the site root; the
runtime resolves them, so the same manifest works on disk, on a server and in an LMS.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from course import urls
from course.author_markdown import author_html
from course.model import Course
from course.script_json import script_json

MANIFEST_VERSION = 1
# Strings the browser runtime never reads: course/pdf and the workshop kit, the verify page, packaging,
# the shells' templates and the edition pages (rendered at build time). Every page loads the manifest.
NOT_RUNTIME_STRINGS = ("print_", "cert_", "verify_", "offline_", "kit_", "edition_", "shell_", "slot_",
                       "materials_")


def storage_key(course: Course) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", course.meta.title.lower()).strip("-") or "kursus"
    return f"opspor:{slug}"


def build_manifest(course: Course, strings: dict[str, str]) -> dict[str, Any]:
    modules = {
        m.id: {
            "title": m.meta.title,
            "minutes": m.meta.minutes,
            "level": m.meta.level,
            "questions": len(m.questions),
            "url": urls.html_of(urls.module_doc(m.id)),
        }
        for m in course.modules.values()
    }
    scenarios = {
        s.id: {
            "title": s.title,
            "minutes": s.minutes,
            "level": s.level,
            "url": urls.html_of(urls.scenario_doc(s.id)),
            # the pass rule: god or acceptabel passes (titles are on the certificate page only)
            "endings": {e_id: {"rating": e.rating} for e_id, e in s.endings.items()},
        }
        for s in course.scenarios.values()
    }
    tracks = [
        {
            "id": t.id,
            "title": t.title,
            "pass_mark": t.pass_mark,
            "minutes": course.track_minutes(t.id),
            "hours": course.track_hours(t.id),
            "items": [{"id": i, "kind": "module" if i in modules else "scenario"} for i in t.items],
            "url": urls.html_of(urls.track_doc(t.id)),
        }
        for t in course.tracks.values()
    ]
    manifest: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "storage_key": storage_key(course),
        "title": course.meta.title,
        "subtitle": course.meta.subtitle,
        "publisher": course.meta.publisher,
        "language": course.meta.language,
        "modules": modules,
        "scenarios": scenarios,
        "tracks": tracks,
        "pages": {
            "help": urls.html_of(urls.page_doc("hjaelp")),
            "progress": urls.html_of(urls.PROGRESS_DOC),
            "certificate": urls.html_of(urls.CERTIFICATE_DOC),
            "home": "index.html",
        },
        # shown once, on whichever page the learner opens first; links relative to the site root
        "content_note_html": author_html(course.meta.content_note, from_doc="index.md"),
        # the runtime's strings only: the PDFs' and the verify page's own go where they are used
        "strings": {k: v for k, v in strings.items() if not k.startswith(NOT_RUNTIME_STRINGS)},
    }
    manifest["content_hash"] = hashlib.sha256(
        json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    return manifest


def manifest_script(manifest: dict[str, Any]) -> str:
    return f"window.OPSPOR_COURSE = {script_json(manifest)};\n"
