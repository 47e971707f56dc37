"""MkDocs hooks that let the shell's pages live with the Content-Security-Policy (course.site.csp).

Every page gets the policy as a ``<meta>`` tag (main.html). The theme's own inline scripts are
served from files (overrides/partials/javascripts/); the quiz plugin's inline scripts are moved
to files here, after it has written its pages (only scripts that are exactly the plugin's own).
"""

from __future__ import annotations

import hashlib
import logging
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from course.site.csp import CONTENT_SECURITY_POLICY

POLICY = CONTENT_SECURITY_POLICY

INLINE_DIR = "assets/opspor-shell/inline"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_QUIZ_DATA = re.compile(r"^\s*window\.mkdocsQuiz(Translations|Config) = \{.*\};?\s*$", re.DOTALL)
# The quiz plugin's forms: their submit is handled (and prevented) by its script.
_QUIZ_FORM_ATTRS = (' action="javascript:void(0);"', ' onsubmit="return false;"')
log = logging.getLogger("mkdocs.hooks.opspor")


def _plugin_script() -> str:
    try:
        return (files("mkdocs_quiz") / "js" / "quiz.js").read_text("utf-8").strip()
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


def _is_quiz_plugin_script(body: str) -> bool:
    return body.strip() == _plugin_script() or bool(_QUIZ_DATA.match(body))


def on_post_page(output: str, page: Any, config: Any) -> str:
    root = "../" * page.file.url.count("/")
    site = Path(config["site_dir"])

    def externalise(match: re.Match[str]) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or 'type="application/json"' in attrs:
            return match.group(0)
        if not _is_quiz_plugin_script(body):
            log.warning("inline <script> in %s: the pages' CSP would block it; serve it from a file",
                        page.file.src_uri)
            return match.group(0)
        name = hashlib.sha256(body.encode()).hexdigest()[:16] + ".js"
        target = site / INLINE_DIR / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        return f'<script src="{root}{INLINE_DIR}/{name}"></script>'

    output = _SCRIPT.sub(externalise, output)
    for attribute in _QUIZ_FORM_ATTRS:
        output = output.replace(attribute, "")
    return output
