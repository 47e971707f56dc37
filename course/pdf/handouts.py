"""Printable module handouts: the module text and its quiz, with the answers in a separate key."""

from __future__ import annotations

from course.model import Course, Module
from course.pdf.renderer import PrintRenderer
from course.site import layout


class HandoutPrinter:
    def __init__(self, renderer: PrintRenderer, course: Course, site_url: str | None = None):
        self.renderer = renderer
        self.course = course
        self.site_url = site_url.rstrip("/") if site_url else None

    def html(self, module: Module) -> str:
        url = f"{self.site_url}/{layout.html_of(layout.module_doc(module.id))}" if self.site_url else None
        return self.renderer.html("module.html.j2", module=module, site_url=url,
                                  course_title=self.course.meta.title)
