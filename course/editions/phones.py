"""Which phone numbers an edition may give, so a typo cannot send someone in danger to a wrong line.

The rule (FORMAT.md, "Telefonnumre"), after removing spaces:

- a Danish subscriber number: 8 digits, optionally after ``+45``;
- a national short number: 3 or 4 digits (112, 114, 1888, 1813);
- a European harmonised number: 116 followed by 3 digits (116 006, 116 111);
- the placeholder ``XX XX XX XX``, only in an edition marked ``example: true``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from course.markup_policy import audit

PLACEHOLDER = "XX XX XX XX"
_SUBSCRIBER = re.compile(r"^(\+45)?[0-9]{8}$")
_SHORT = re.compile(r"^[0-9]{3,4}$")
_HARMONISED = re.compile(r"^116[0-9]{3}$")
_PLACEHOLDER = re.compile(r"^X{8}$")


# In running text: the placeholder (plain text, so a pattern); ``tel:`` links come from the Markdown parser.
PLACEHOLDER_IN_TEXT = re.compile(r"X{2}(?:[ \u00a0]?X{2}){3}")


def text_phone_problems(text: str, *, example: bool,
                        phone_links: Sequence[str] | None = None) -> list[tuple[int, str]]:
    """``(offset, message)`` for each placeholder (outside the example) and bad ``tel:`` number in ``text``.

    ``phone_links``: the ``tel:`` numbers a scan of ``text`` already read (a Markdown body's
    :class:`~course.loading.markdown_scan.BodyScan`), so the text is not parsed twice; without
    them (a YAML string) the text is audited here.
    """
    found: list[tuple[int, str]] = []
    if not example:
        found += [(m.start(), f"'{m.group()}' is the example placeholder; give the real number "
                              "(placeholders are only allowed with example: true)")
                  for m in PLACEHOLDER_IN_TEXT.finditer(text)]
    for number in audit(text, 1).phone_links if phone_links is None else phone_links:
        problem = phone_problem(number, example=False)
        if problem:
            found.append((max(text.find(f"tel:{number}"), 0), f"link tel:{number}: {problem}"))
    return found


def is_placeholder(number: str) -> bool:
    return bool(_PLACEHOLDER.match(number.replace(" ", "")))


def phone_problem(number: str, *, example: bool) -> str | None:
    """Why ``number`` may not be given, or None when it may."""
    compact = number.replace(" ", "").replace("\u00a0", "")
    if is_placeholder(compact):
        if example:
            return None
        return (f"phone '{number}' is the example placeholder; give the real number "
                "(placeholders are only allowed with example: true)")
    if _SUBSCRIBER.match(compact) or _SHORT.match(compact) or _HARMONISED.match(compact):
        return None
    return (f"phone '{number}' is not 8 digits (e.g. 33 33 00 47, optionally +45) or a national short "
            "number (e.g. 112, 1888, 116 006)")


def tel_href(number: str) -> str:
    """The ``tel:`` link for a number that passed :func:`phone_problem` (and is not a placeholder)."""
    compact = number.replace(" ", "").replace("\u00a0", "")
    return f"tel:{compact}" if compact.startswith("+") or len(compact) != 8 else f"tel:+45{compact}"
