"""The mkdocs shell's config: the shared page extensions written in, never a list of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.site.mkdocs_shell import PythonName, ShellError, shell_config
from course.site.page_markdown import PAGE_EXTENSIONS
from course.site.shell_input import ShellInput
from tests.conftest import PROJECT


def shell_input(tmp_path: Path) -> ShellInput:
    return ShellInput(docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", nav=[], site_name="Kursus",
                      language="da", strings={"quiz_answer": "Svar", "slot_national": "National"},
                      styles=["assets/opspor/opspor.css"], scripts=[], head_scripts=[])


def test_the_config_carries_the_shared_page_extensions_in_order(tmp_path: Path) -> None:
    config = shell_config(PROJECT / "mkdocs.yml", shell_input(tmp_path))
    extensions = config["markdown_extensions"]
    assert [e if isinstance(e, str) else next(iter(e)) for e in extensions] == list(PAGE_EXTENSIONS)
    toc = next(e["toc"] for e in extensions if isinstance(e, dict) and "toc" in e)
    assert toc == {"permalink": False, "slugify": PythonName("course.slugs.slugify")}
    quiz = next(e["course.quiz"] for e in extensions if isinstance(e, dict) and "course.quiz" in e)
    assert quiz == {"strings": {"quiz_answer": "Svar"}}
    assert config["extra_css"][-2:] == ["assets/opspor/opspor.css", "assets/opspor-shell/opspor-mkdocs.css"]


def test_a_markdown_extension_list_in_mkdocs_yml_is_refused(tmp_path: Path) -> None:
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("theme:\n  name: material\nmarkdown_extensions:\n  - footnotes\n", encoding="utf-8")
    with pytest.raises(ShellError, match="markdown_extensions"):
        shell_config(settings, shell_input(tmp_path))


def test_course_links_are_made_relative_and_checked_whatever_mkdocs_yml_says(tmp_path: Path) -> None:
    """The page extensions write a course link as /moduler/x.md; MkDocs leaves such a link as it is
    (a dead link offline) unless it reads it relative to the docs folder."""
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("theme:\n  name: material\nvalidation:\n  links:\n    absolute_links: info\n", "utf-8")
    assert shell_config(settings, shell_input(tmp_path))["validation"]["links"]["absolute_links"] == "relative_to_docs"
