"""Heading ids that stay readable in Danish: ``Vælg dit spor`` -> ``vaelg-dit-spor``.

Python-Markdown's own slugify drops letters it cannot turn into ASCII, so ``æ``, ``ø`` and ``å``
vanished (``#vlg-dit-spor``). They are spelled out the Danish way first (the way Danish writes
them without the letters: ae, oe, aa); everything else is Python-Markdown's slugify. The shell's
table of contents and ``check``'s anchor validation both use this one function, so a link to
``#vaelg-dit-spor`` is checked against the id the page really has.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as markdown_slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slugify(value: str, separator: str = "-") -> str:
    """The id of a heading with text ``value`` (the signature Python-Markdown's toc expects)."""
    return markdown_slugify(value.translate(_DANISH), separator)
