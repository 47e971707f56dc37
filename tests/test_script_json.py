"""JSON written into HTML: hostile author text cannot end the script element it is in."""

from __future__ import annotations

import json

import pytest

from course.script_json import script_json
from course.templating import environment

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "a\u2028b\u2029c",
    "]]> & &amp; </SCRIPT >",
    "Æbler og »citater« 'enkelte'",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips_and_cannot_close_the_script(text: str) -> None:
    data = {"html": text, "list": [text], text: 1}
    out = script_json(data)
    assert json.loads(out) == data
    assert "</" not in out and "<!--" not in out and "<" not in out
    assert "\u2028" not in out and "\u2029" not in out


def test_danish_letters_stay_readable() -> None:
    assert "Æbler" in script_json({"t": "Æbler"})


def test_templates_write_script_data_with_the_same_helper(tmp_path) -> None:
    (tmp_path / "page.html.j2").write_text('<script type="application/json">{{ data | script_json }}</script>')
    data = {"text": HOSTILE[0] + HOSTILE[2]}
    page = environment(tmp_path, autoescape=True).get_template("page.html.j2").render(data=data)
    inner = page.removeprefix('<script type="application/json">').removesuffix("</script>")
    assert json.loads(inner) == data and "</" not in inner


def test_jinjas_tojson_is_not_offered(tmp_path) -> None:
    """A second JSON rule (Jinja's tojson leaves U+2028 as it is) fails the build at once."""
    (tmp_path / "page.html.j2").write_text("{{ data | tojson }}")
    import jinja2

    with pytest.raises(jinja2.TemplateAssertionError):
        environment(tmp_path, autoescape=True).get_template("page.html.j2")
