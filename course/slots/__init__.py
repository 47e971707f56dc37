"""Local slots: places in a module where a local edition's own procedure replaces the national default.

:mod:`course.slots.fill` puts an edition's text into the slots of a module body (Markdown to
Markdown, so the site and print treat it like any other module text); :mod:`course.slots.extension`
is the Python-Markdown extension that renders each slot as a marked box, in any Python-Markdown
shell (course/site/page_markdown.py lists it for every shell, and the print renderer adds it).
"""

from course.slots.extension import SlotExtension, makeExtension

__all__ = ["SlotExtension", "makeExtension"]
