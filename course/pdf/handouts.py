"""Printable module handouts: the module text and its quiz for the participants, and the answer key
as a PDF of its own, so the participant file can be copied whole without giving the answers away."""

from __future__ import annotations

from course import urls
from course.editions.credit import credit_lines, printed_course_title
from course.model import Course, Module
from course.pdf.print_markdown import print_markdown
from course.pdf.renderer import PrintRenderer
from course.slots.fill import fill_slots


class HandoutPrinter:
    def __init__(self, renderer: PrintRenderer, course: Course, site_url: str | None = None):
        self.renderer = renderer
        self.course = course
        self.site_url = site_url.rstrip("/") if site_url else None

    def html(self, module: Module, part: str = "participant") -> str:
        """``part``: ``participant`` (text and questions) or ``key`` (the answers with their feedback)."""
        url = f"{self.site_url}/{urls.html_of(urls.module_doc(module.id))}" if self.site_url else None
        return self.renderer.html("module.html.j2", module=module, site_url=url, part=part,
                                  body_html=self.body_html(module) if part == "participant" else "",
                                  course_title=printed_course_title(self.course, self.renderer.strings),
                                  credit=credit_lines(self.course, self.renderer.strings))

    def body_html(self, module: Module):
        """The module text with its local slots, filled by the edition when it has text for them.

        Print escapes the whole text itself, so the edition's text goes in unescaped here.
        """
        edition = self.course.edition
        strings = self.renderer.strings
        settings = {"strings": {k: v for k, v in strings.items() if k.startswith("slot_")},
                    "edition": edition.name if edition else "", "filled": list(edition.fills) if edition else []}
        body = fill_slots(module.body, edition.fills, escape=False) if edition else module.body
        return print_markdown(body, slots=settings)


def key_file(module_id: str) -> str:
    return f"{module_id}-svarnoegle.pdf"
