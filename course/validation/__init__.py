"""Cross-file checks on a parsed course: references, tracks, graphs and links.

Structure and types are checked while loading (``course.loading.structure``);
what needs more than one file at a time is checked here.
"""

from course.validation.checks import check_course

__all__ = ["check_course"]
