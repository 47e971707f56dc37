"""Printable module handouts: the module text and its quiz for the participants, and the answer key
as a PDF of its own, so the participant file can be copied whole without giving the answers away."""

from __future__ import annotations

from course.model import Course, Module
from course.pdf.renderer import PrintRenderer
from course.site import layout


class HandoutPrinter:
    def __init__(self, renderer: PrintRenderer, course: Course, site_url: str | None = None):
        self.renderer = renderer
        self.course = course
        self.site_url = site_url.rstrip("/") if site_url else None

    def html(self, module: Module, part: str = "participant") -> str:
        """``part``: ``participant`` (text and questions) or ``key`` (the answers with their feedback)."""
        url = f"{self.site_url}/{layout.html_of(layout.module_doc(module.id))}" if self.site_url else None
        return self.renderer.html("module.html.j2", module=module, site_url=url, part=part,
                                  course_title=self.course.meta.title)


def key_file(module_id: str) -> str:
    return f"{module_id}-svarnoegle.pdf"
