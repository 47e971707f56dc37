"""Which runtime files a page loads: the core on every page, the rest only where it is used.

Every page pays for what it loads (a phone on a slow line, an LMS frame), so the quiz, the
scenario player, the certificate sheet and the glossary disclosure load only on the pages that
have them. Those are deferred: they run after the core, before the runtime starts.
"""

from __future__ import annotations

# On every page, in load order: the manifest, the core, then one file per job.
RUNTIME_SCRIPTS = (
    "course-manifest.js",
    "opspor.js",
    "opspor-record.js",
    "opspor-store.js",
    "opspor-safety.js",
    "opspor-progress.js",
    "opspor-track.js",
)

# Page kind (the docs tree's data-kind) -> the files only that kind of page loads, in order.
PAGE_SCRIPTS: dict[str, tuple[str, ...]] = {
    "module": ("opspor-quiz.js", "opspor-glossary.js"),
    "scenario": ("opspor-player.js", "opspor-glossary.js"),
    "certificate": ("opspor-certificate.js",),
    "glossary": ("opspor-glossary.js",),
}
