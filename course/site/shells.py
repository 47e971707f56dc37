"""Which HTML shells there are: a shell's name (``shell:`` in course.yml, ``build --shell``) -> its build.

The one place outside the shells' own folders that names them, so that nothing else has to. Each
shell is a package with ``render(project_root, shell_input, work_dir)``; it is imported only when
used, so a course built with one shell never loads the other's dependencies.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from course.model import ShellName
from course.site.shell_input import ShellInput

SHELL_PACKAGES: dict[str, str] = {
    "mkdocs": "course.site.mkdocs_shell",
    "native": "course.site.native_shell",
}


def render_shell(name: ShellName, project_root: Path, shell: ShellInput, work: Path) -> None:
    """Turn the docs tree into HTML with the named shell; it raises ShellError on a broken page."""
    importlib.import_module(SHELL_PACKAGES[name]).render(project_root, shell, work)
