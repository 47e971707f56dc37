"""MkDocs hooks that let the shell's pages live with the Content-Security-Policy (course.site.csp).

Every page gets the policy as a ``<meta>`` tag (main.html). The theme's own inline scripts are
served from files (overrides/partials/javascripts/), and Opspor's quizzes (course/quiz) have no
inline script or handler, so an inline ``<script>`` left on a page is a bug: it is reported, and
the strict build fails on it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from course.site.csp import CONTENT_SECURITY_POLICY

POLICY = CONTENT_SECURITY_POLICY

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
log = logging.getLogger("mkdocs.hooks.opspor")


def on_post_page(output: str, page: Any, config: Any) -> str:
    for match in _SCRIPT.finditer(output):
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or 'type="application/json"' in attrs or not body.strip():
            continue
        log.warning("inline <script> in %s: the pages' CSP would block it; serve it from a file",
                    page.file.src_uri)
    return output
