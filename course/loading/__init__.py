"""Reading course sources from disk into the typed model, with source line numbers."""

from course.loading.course_loader import load_course

__all__ = ["load_course"]
