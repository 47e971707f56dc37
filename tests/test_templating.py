"""Every Jinja2 environment comes from course.templating: one place decides escaping."""

from __future__ import annotations

import ast
from pathlib import Path

import jinja2
import pytest

from course.templating import environment

COURSE = Path(__file__).resolve().parent.parent / "course"


def _environment_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text("utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("Environment", "SandboxedEnvironment", "NativeEnvironment"):
                lines.append(node.lineno)
    return lines


def test_only_the_factory_constructs_an_environment() -> None:
    found = {f"{p.relative_to(COURSE)}:{line}" for p in COURSE.rglob("*.py") for line in _environment_calls(p)}
    assert [f.split(":")[0] for f in found] == ["templating.py"], sorted(found)


def test_html_environment_escapes_and_refuses_undefined_names(tmp_path: Path) -> None:
    (tmp_path / "a.html.j2").write_text("<p>{{ text }}</p>")
    (tmp_path / "b.html.j2").write_text("<p>{{ missing }}</p>")
    env = environment(tmp_path, autoescape=True)
    assert env.get_template("a.html.j2").render(text="<script>") == "<p>&lt;script&gt;</p>"
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("b.html.j2").render()


def test_markdown_environment_leaves_text_as_written(tmp_path: Path) -> None:
    """The docs tree's choice: Markdown `>` quotes must stay `>`; author text is escaped by its md filter."""
    (tmp_path / "a.md.j2").write_text("{{ text }}")
    assert environment(tmp_path, autoescape=False).get_template("a.md.j2").render(text="> citat") == "> citat"
