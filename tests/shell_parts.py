"""The shell-specific parts a test needs (menu, search, the theme's own URLs), for a given built site.

Tests about the course take a built site and must not name the shell that built it (issue 14:
nothing outside a shell's folder knows the shell). Each shell's test folder has a ``parts``
module with the same names (``built``, ``NOT_FETCHED``, ``condition_holds``, ``open_menu``,
``close_menu``, ``search_hit``); this finds the one whose shell built the site.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from course.site.shells import SHELL_PACKAGES


def find_shell_parts(site: Path) -> ModuleType | None:
    """The ``parts`` module of the shell that built ``site`` (tests/site/<shell package>/parts.py), if any."""
    for package in SHELL_PACKAGES.values():
        parts = importlib.import_module(f"tests.site.{package.rsplit('.', 1)[-1]}.parts")
        if parts.built(site):
            return parts
    return None


def shell_parts(site: Path) -> ModuleType:
    """As :func:`find_shell_parts`, for a site that a shell must have built."""
    parts = find_shell_parts(site)
    assert parts is not None, f"no shell's parts module recognises the site in {site}"
    return parts
