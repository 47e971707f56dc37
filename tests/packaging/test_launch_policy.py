"""The SCORM launch page carries the same Content-Security-Policy as the site and no inline script."""

from __future__ import annotations

import zipfile
from pathlib import Path

from course.site.csp import CONTENT_SECURITY_POLICY
from tests.site.test_content_policy import policy_and_inline_scripts


def test_scorm_launch_page_has_the_policy(scorm_zips: dict[str, Path]) -> None:
    for zip_path in scorm_zips.values():
        with zipfile.ZipFile(zip_path) as archive:
            metas, inline = policy_and_inline_scripts(archive.read("index.html"))
        assert metas == [CONTENT_SECURITY_POLICY], zip_path
        assert inline == [], inline
