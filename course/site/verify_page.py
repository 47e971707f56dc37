"""Data for the certificate verify page (``bekraeft.html``).

The page checks trainer-issued certificate codes in the browser, offline: it
needs the issuer's public keys (``course-key.pub`` beside ``course.yml``, read and
checked by the loader into ``Course.public_keys``; no private key is ever read here), its UI strings, the track
titles and where the vendored fallback verifier lies.
"""

from __future__ import annotations

import json

from course.code_format import MAX_HOURS, MAX_INPUT_CHARS, MAX_TEXT_CHARS, b64url
from course.model import Course
from course import urls
from course.script_json import script_json

FALLBACK_VERIFIER = "assets/vendor/noble-ed25519/ed25519-verify.js"
VERIFY_STYLES = f"{urls.ASSET_DIR}/opspor-verify.css"
VERIFY_SCRIPT = f"{urls.ASSET_DIR}/opspor-verify.js"


def verify_page_json(course: Course, strings: dict[str, str]) -> str:
    """JSON for a ``<script type="application/json">`` element, safe inside HTML."""
    data = {
        "keys": {kid: b64url(raw) for kid, raw in course.public_keys.items()},
        "fallback": urls.relative(FALLBACK_VERIFIER, urls.VERIFY_DOC),
        "language": course.meta.language,
        "tracks": {t.id: t.title for t in course.tracks.values()},
        "limits": {"input": MAX_INPUT_CHARS, "text": MAX_TEXT_CHARS, "hours": MAX_HOURS},  # as signing.decode
        "strings": {k: v for k, v in strings.items() if k.startswith("verify_")} | {"hours": strings["hours"]},
    }
    return script_json(data)
