"""The one way Opspor makes a Jinja2 environment for HTML and XML it writes.

Autoescaping is on and undefined names are errors, so author text can only reach a page
escaped and a template typo fails the build instead of printing nothing. (Older emitters
still make their own environments; new code takes one from here.)
"""

from __future__ import annotations

from pathlib import Path

import jinja2


def html_environment(folder: Path) -> jinja2.Environment:
    """Templates from ``folder``: autoescaped HTML/XML, strict about undefined names."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
