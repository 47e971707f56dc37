"""The Content-Security-Policy every page we write carries (site pages, the SCORM launch page).

As a ``<meta>`` tag, so it holds from ``file://``, on any server and inside an LMS: scripts only
from the site's own files (Chromium treats the page's own folder tree as 'self' on file://), so
no inline script, inline event handler or ``javascript:`` URL runs, even if author text slipped
through every other check; and nothing is loaded from another host. 'unsafe-inline' is allowed
for styles only: the theme and the quiz plugin set style attributes, and styles cannot run script.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
))
