"""The Python-Markdown extensions every shell renders the docs tree's pages with, and in what order.

One list, so both shells make the same HTML of the same Markdown: the same heading ids (anchors
that `check` validates land in either shell), callouts, quizzes and slots. The author
extensions are the ones `check` parses author text with (:data:`course.markup_policy.AUTHOR_EXTENSIONS`),
plus ``toc`` for heading ids (course.slugs: Danish letters kept), then our own: the markup guard
last in the tree, quizzes and slots, and course links (``modul:id`` as the docs-root path
``/moduler/id.md``, which each shell makes relative to the page and checks, as any ``.md`` link). A
shell hands the list to Python-Markdown (or writes it into its own settings); none keeps a list of
its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from course.slugs import slugify

# In the order Python-Markdown registers them (`toc` among the author extensions, as always).
# `course.callouts` (both callout syntaxes, `!!!` and `???`) registers first, as the library it replaced did.
PAGE_EXTENSIONS = (
    "course.callouts", "attr_list", "md_in_html", "tables", "sane_lists", "toc",
    "pymdownx.superfences", "course.markup_policy", "course.quiz", "course.slots",
    "course.course_links",
)


def page_extensions(strings: dict[str, str], edition: str = "", filled: Sequence[str] = (),
                    items: Mapping[str, Sequence[str]] | None = None) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Extension names in order, and each one's options (``extension_configs``).

    ``strings``: the UI strings (quizzes and slots take theirs); ``edition`` and ``filled``: the
    local edition's name and the slots it filled (none for the national course); ``items``: the
    modules and scenarios in this build by scheme, for course links (None: all of them).
    """
    configs: dict[str, dict[str, Any]] = {
        "toc": {"permalink": False, "slugify": slugify},
        "course.quiz": {"strings": {k: v for k, v in strings.items() if k.startswith("quiz_")}},
        "course.slots": {"strings": {k: v for k, v in strings.items() if k.startswith("slot_")},
                         "edition": edition, "filled": list(filled)},
        "course.course_links": {"items": {scheme: list(ids) for scheme, ids in (items or {}).items()}},
    }
    return list(PAGE_EXTENSIONS), configs
