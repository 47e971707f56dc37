"""The one way Opspor makes a Jinja2 environment: one place decides escaping.

Every template set (site docs tree, native shell, quiz forms, PDFs, SCORM/QTI/offline packages)
gets its environment from :func:`environment`, so the rules are the same everywhere:

- escaping is chosen explicitly by each caller (``autoescape=True`` for HTML and XML; ``False``
  only for the Markdown docs tree, whose author text goes through its own ``md`` filter because
  HTML escaping would break Markdown, see :mod:`course.site.docs_tree`);
- undefined names are errors, so a template typo fails the build instead of printing nothing;
- data for a ``<script>`` goes through the ``script_json`` filter (:mod:`course.script_json`);
  Jinja's own ``tojson`` is removed, because it leaves U+2028/U+2029 as they are and would be a
  second rule to review.

Whitespace control stays each template set's own: it only shapes the output's layout, and the
older XML and quiz templates were written without ``trim_blocks``/``lstrip_blocks``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from course.script_json import script_json


def _script_json_filter(data: Any) -> Markup:
    # Markup: the escapes are already right for a <script>; HTML-escaping quotes would break the JSON
    return Markup(script_json(data))


def environment(folder: Path, *, autoescape: bool, trim_blocks: bool = True, lstrip_blocks: bool = True,
                keep_trailing_newline: bool = True) -> jinja2.Environment:
    """Templates from ``folder``, strict about undefined names, with the shared filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim_blocks,
        lstrip_blocks=lstrip_blocks,
        keep_trailing_newline=keep_trailing_newline,
    )
    del env.filters["tojson"]
    env.filters["script_json"] = _script_json_filter
    return env
