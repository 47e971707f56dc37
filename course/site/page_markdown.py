"""The Python-Markdown extensions every shell renders the docs tree's pages with, and in what order.

One list, so both shells make the same HTML of the same Markdown: the same heading ids (anchors
that `check` validates land in either shell), callouts, quizzes and slots. The author
extensions are the ones `check` parses author text with (:data:`course.markup_policy.AUTHOR_EXTENSIONS`),
plus ``toc`` for heading ids (course.slugs: Danish letters kept), then our own: the markup guard
last in the tree, quizzes and slots. A shell hands the list to Python-Markdown (or writes it into
its own settings); none keeps a list of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from course.slugs import slugify

# In the order Python-Markdown registers them (`toc` among the author extensions, as always).
# `course.callouts` (both callout syntaxes, `!!!` and `???`) registers first, as the library it replaced did.
PAGE_EXTENSIONS = (
    "course.callouts", "attr_list", "md_in_html", "tables", "sane_lists", "toc",
    "pymdownx.superfences", "course.markup_policy", "course.quiz", "course.slots",
)


def page_extensions(strings: dict[str, str], edition: str = "",
                    filled: Sequence[str] = ()) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Extension names in order, and each one's options (``extension_configs``).

    ``strings``: the UI strings (quizzes and slots take theirs); ``edition`` and ``filled``: the
    local edition's name and the slots it filled (none for the national course).
    """
    configs: dict[str, dict[str, Any]] = {
        "toc": {"permalink": False, "slugify": slugify},
        "course.quiz": {"strings": {k: v for k, v in strings.items() if k.startswith("quiz_")}},
        "course.slots": {"strings": {k: v for k, v in strings.items() if k.startswith("slot_")},
                         "edition": edition, "filled": list(filled)},
    }
    return list(PAGE_EXTENSIONS), configs
