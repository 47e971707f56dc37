"""Text units come from the Markdown parser and YAML positions, each character on its own file line."""

from __future__ import annotations

from pathlib import Path

from course.claims.units import course_units, markdown_units
from course.loading import load_course

BODY = """\
## Frist på 4 uger

Et afsnit over
to linjer med 5 år.

- et punkt
- et andet punkt med 112

| Tjeneste | Nummer |
|---|---|
| Lev Uden Vold | 1888 |

!!! tip "I praksis"

    Indrykket indhold med 3 hverdage.

<quiz>
Hvad er fristen?
- [x] 6 hverdage
> Rigtigt, 6 hverdage.
- [ ] 14 dage
> Nej.
</quiz>
"""


def units_with_lines(first_line: int = 10) -> list[tuple[int, str]]:
    found = []
    for unit in markdown_units("m.md", BODY, first_line):
        for number, line_text in enumerate(unit.text.split("\n")):
            offset = sum(len(t) + 1 for t in unit.text.split("\n")[:number])
            found.append((unit.line_at(offset), line_text))
    return found


def test_markdown_units_are_blocks_with_file_lines() -> None:
    found = units_with_lines(first_line=10)
    assert (10, "Frist på 4 uger") in found  # heading
    assert (12, "Et afsnit over") in found and (13, "to linjer med 5 år.") in found  # one paragraph, two lines
    assert (16, "et andet punkt med 112") in found  # list item
    assert (20, "Lev Uden Vold | 1888") in found  # table row is one unit
    assert (24, "Indrykket indhold med 3 hverdage.") in found  # callout body after a blank line
    assert (27, "Hvad er fristen?") in found and (29, "Rigtigt, 6 hverdage.") in found  # quiz lines
    assert not any("quiz>" in text for _, text in found)


def test_a_paragraph_is_one_unit() -> None:
    texts = [u.text for u in markdown_units("m.md", BODY, 1)]
    assert "Et afsnit over\nto linjer med 5 år." in texts


def test_yaml_strings_keep_their_lines(mini_copy: Path) -> None:
    scenario = mini_copy / "scenarios" / "01-test-scenarie.yml"
    text = scenario.read_text("utf-8").replace(
        "setting: Et venteværelse.", "setting: >-\n  Et venteværelse,\n  hvor man har ventet i 3 timer.")
    scenario.write_text(text, "utf-8")
    course = load_course(mini_copy)
    unit = next(u for u in course_units(course) if "3 timer" in u.text)
    expected = text.splitlines().index("  hvor man har ventet i 3 timer.") + 1
    assert unit.path == "scenarios/01-test-scenarie.yml"
    assert unit.line_at(unit.text.index("3 timer")) == expected


def test_ids_and_citations_are_not_text(mini_course) -> None:
    keys = {text.key[-1] for text in mini_course.yaml_texts}
    assert {"id", "title"} <= keys
    scanned = " ".join(u.text for u in course_units(mini_course))
    assert "Testkilde 2024" not in scanned  # glossary source: a citation, not a statement
