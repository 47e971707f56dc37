"""Where each part of the course lives in the generated docs tree and in the site.

One place decides paths, so links, the manifest and the navigation always agree, and so the
outputs built from the site agree with it too: a handout's address for its module page, a SCORM
package's start page, a track package's links. That is why this module sits beside the outputs
(site, print, packages) rather than inside any one of them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

GLOSSARY_DOC = "ordliste.md"
PROGRESS_DOC = "mit-forloeb.md"
CERTIFICATE_DOC = "bevis.md"
VERIFY_DOC = "bekraeft.md"  # verify a trainer-issued certificate; QR codes link here
ASSET_DIR = "assets/opspor"


def module_doc(module_id: str) -> str:
    return f"moduler/{module_id}.md"


def scenario_doc(scenario_id: str) -> str:
    return f"scenarier/{scenario_id}.md"


def track_doc(track_id: str) -> str:
    return f"spor/{track_id}.md"


def page_doc(page_id: str) -> str:
    return "index.md" if page_id == "index" else f"{page_id}.md"


def html_of(doc: str) -> str:
    """The built page for a docs file (the offline shell uses ``x.html``, not ``x/``)."""
    return doc[: -len(".md")] + ".html"


def scheme_target(scheme: str, target: str) -> str:
    return {
        "modul": module_doc,
        "scenarie": scenario_doc,
        "side": page_doc,
        "ordliste": lambda term: f"{GLOSSARY_DOC}#{term}",
    }[scheme](target)


def relative(target_doc: str, from_doc: str) -> str:
    base = posixpath.dirname(from_doc) or "."
    path, _, fragment = target_doc.partition("#")
    rel = posixpath.relpath(path, base)
    return f"{rel}#{fragment}" if fragment else rel


# present(scheme, id): whether that module or scenario is in this build (a track's package holds
# only its track, so a link to a module of another track keeps just its text)
Present = Callable[[str, str], bool]
