"""What the docs tree hands to an HTML shell, and how a shell refuses it.

Kept apart from every shell so that each shell (a package under ``course/site/``, named in
:mod:`course.site.shells`) depends on this contract and not on another shell. The docs tree's
contract with a shell: pages are Markdown with a ``title`` in YAML front matter; titles and
navigation labels are already HTML-escaped (a shell may print them as HTML, so the docs tree
escapes them once for every shell).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.model import Link, YamlText
from course.errors import OpsporError

QUICK_EXIT_URL = "https://www.dr.dk/"  # where "Luk siden" goes: a neutral news site, in the same tab


class ShellError(OpsporError):
    """The shell refused the generated pages (a broken link or anchor, or any warning)."""

    def report_lines(self) -> list[str]:
        """The shell's own lines (each ``path:line: ...``) under a line that says who reported them."""
        return ["Error: the site shell reported:", str(self), *getattr(self, "__notes__", ())]


@dataclass(frozen=True)
class PageOrigin:
    """Which authored source a generated page comes from, so a shell can report ``path:line``.

    ``links`` are the source's internal links with their lines (Markdown bodies); ``texts`` are
    its YAML strings with their lines (scenarios). Read from the model, never from the file.
    """

    path: str  # relative to the course root
    line: int = 1
    links: tuple[Link, ...] = ()
    texts: tuple[YamlText, ...] = ()


@dataclass(frozen=True)
class ShellInput:
    docs_dir: Path
    site_dir: Path
    nav: list[Any]
    site_name: str
    language: str
    strings: dict[str, str]
    styles: list[str]  # the runtime's stylesheets (docs paths), after the shell's own
    scripts: list[str]  # the runtime's scripts on every page, in order, after the shell's own
    head_scripts: list[str]  # loaded first in <head>, before anything else on the page
    origins: dict[str, PageOrigin] = field(default_factory=dict)  # docs path -> its source
    edition_name: str = ""  # a local edition's name (build.py --edition), shown in its slots
    filled_slots: tuple[str, ...] = ()  # the slots the edition filled
    logo: str | None = None  # the edition's logo, a path inside docs_dir, shown in the header as <img>
    site_url: str = ""  # course.yml's site_url: where the site is published, if known
    notice: str | None = None  # a notice on every page (the example edition's "Eksempel – ...")
    # the modules and scenarios in this build, by link scheme (modul, scenarie): a course link to any
    # other keeps just its text (a track's package holds one track); None: every one is there
    items: dict[str, tuple[str, ...]] | None = None
