"""JSON that can be written into HTML: the one escaping for data that lands in a ``<script>``.

The course hands data to its browser runtime as JSON inside ``<script type="application/json">``
elements (scenario player, glossary, certificate, verify page, SCORM launch page) and as JavaScript
source (``window.OPSPOR_COURSE = ...``). Author text is in that data, so one quote-or-bracket
mistake would let a scenario step end the script element and start its own. Every writer goes
through :func:`script_json`, and the Jinja2 environments (:mod:`course.templating`) offer it as the
``script_json`` filter instead of Jinja's ``tojson``, so there is one rule to review.
"""

from __future__ import annotations

import json
from typing import Any

# ``<`` ``>`` ``&``: so ``</script>``, ``<!--`` and ``]]>`` cannot appear and no entity is read;
# U+2028/U+2029: line terminators to JavaScript parsers before ES2019, though valid in JSON.
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside an HTML ``<script>`` element and as JavaScript source.

    ``json.loads`` of the result gives ``data`` back: the escapes are JSON's own ``\\u`` escapes,
    and the characters they replace can only occur inside strings. Non-ASCII letters stay as they
    are (the files are UTF-8) so Danish text stays readable and small.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, code in _ESCAPES:
        text = text.replace(char, code)
    return text
