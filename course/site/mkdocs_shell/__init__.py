"""The HTML shell emitter: the only module that knows about MkDocs.

It takes a generated docs tree and navigation and turns them into HTML with
mkdocs-material. Replacing the shell (MkDocs 1.x is unmaintained; Material ends
on 2027-05-05) means replacing this package and nothing else.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from course.site.mkdocs_shell.content_policy import POLICY
from course.site.mkdocs_shell.search_index import defer_search_index
from course.site.mkdocs_shell.search_languages import drop_other_search_languages
from course.site.mkdocs_shell.theme_trim import trim_theme_styles
from course.site.page_markdown import page_extensions
from course.site.shell_input import QUICK_EXIT_URL, ShellError, ShellInput

OVERRIDES = Path(__file__).parent / "overrides"
# the theme's inline scripts as files, the file:// search worker, and this shell's part of the styles
SHELL_ASSETS = Path(__file__).parent / "assets"
SHELL_ASSET_DIR = "assets/opspor-shell"  # SHELL_ASSETS in the site
SETTINGS = "mkdocs.yml"  # this shell's settings, in the project root
HOOKS = (Path(__file__).parent / "content_policy.py", Path(__file__).parent / "toc_policy.py")

__all__ = ["ShellError", "ShellInput", "render", "shell_config"]


@dataclass(frozen=True)
class PythonName:
    """A Python object named in the shell's YAML (``!!python/name:``), e.g. the toc's slugify."""

    dotted: str


class _ConfigDumper(yaml.SafeDumper):
    """Safe YAML, plus :class:`PythonName` written as the tag MkDocs' loader resolves."""


_ConfigDumper.add_representer(
    PythonName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name.dotted}", "")
)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def shell_config(project_config: Path, shell: ShellInput) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` with the course's generated parts filled in."""
    config = yaml.safe_load(project_config.read_text("utf-8")) or {}
    if "markdown_extensions" in config:
        raise ShellError(f"{project_config}: markdown_extensions is not read here; both shells take "
                         "course/site/page_markdown.py's list")
    if shell.site_url:
        config["site_url"] = shell.site_url
    config.update(
        site_name=shell.site_name,
        docs_dir=str(shell.docs_dir),
        site_dir=str(shell.site_dir),
        nav=shell.nav,
        use_directory_urls=False,
        extra_css=[*config.get("extra_css", []), *shell.styles, f"{SHELL_ASSET_DIR}/opspor-mkdocs.css"],
        extra_javascript=[*config.get("extra_javascript", []), *shell.scripts],
        markdown_extensions=markdown_extensions(shell),
        hooks=[*config.get("hooks", []), *(str(hook) for hook in HOOKS)],
    )
    # course links reach the pages as docs-root paths (/moduler/x.md, course.course_links): MkDocs
    # makes them relative and checks them only with this, whatever mkdocs.yml says
    config.setdefault("validation", {}).setdefault("links", {})["absolute_links"] = "relative_to_docs"
    theme = config.setdefault("theme", {})
    theme.update(language=shell.language, custom_dir=str(OVERRIDES), font=False)
    if shell.logo:
        theme["logo"] = shell.logo
    extra = config.setdefault("extra", {})
    extra.update(
        # The theme's search runs in a web worker, which file:// forbids: our worker shim runs it in
        # a frame (with no inline script, so it passes the CSP). After it, the search index waits
        # until search is first opened.
        polyfills=[*shell.head_scripts, f"{SHELL_ASSET_DIR}/opspor-iframe-worker.js",
                   f"{SHELL_ASSET_DIR}/md-search-lazy.js"],
        opspor_strings=shell.strings,
        opspor_exit_url=QUICK_EXIT_URL,
        opspor_csp=POLICY,
        opspor_notice=shell.notice or "",
        generator=False,
    )
    return config


def markdown_extensions(shell: ShellInput) -> list[Any]:
    """The shared page extensions (course.site.page_markdown) as MkDocs' ``markdown_extensions``.

    Not read from mkdocs.yml: both shells take the one list, so they make the same HTML (heading
    ids above all). A Python object in an option (the toc's slugify) is written as its name.
    """
    names, configs = page_extensions(shell.strings, shell.edition_name, shell.filled_slots, shell.items)
    return [{name: {key: PythonName(f"{value.__module__}.{value.__qualname__}") if callable(value) else value
                    for key, value in configs[name].items()}} if name in configs else name
            for name in names]


def render(project_root: Path, shell: ShellInput, work_dir: Path) -> None:
    """Build HTML into ``shell.site_dir``; raise :class:`ShellError` on any warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    shutil.copytree(SHELL_ASSETS, shell.docs_dir / SHELL_ASSET_DIR, dirs_exist_ok=True)
    config_path = work_dir / "mkdocs.yml"
    config_path.write_text(
        yaml.dump(shell_config(project_root / SETTINGS, shell), Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    banner = io.StringIO()
    try:
        with contextlib.redirect_stdout(banner):
            config = load_config(config_file=str(config_path), strict=True)
            build(config)
    except (Abort, ConfigurationError) as exc:
        raise ShellError("\n".join(collector.messages) or str(exc)) from None
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise ShellError("\n".join(collector.messages))
    defer_search_index(shell.site_dir)
    drop_other_search_languages(shell.site_dir, shell.language)
    trim_theme_styles(shell.site_dir)
