"""libyaml reads plain YAML faster, and the course files come out exactly as PyYAML's pure parser makes them."""

from __future__ import annotations

import pytest

from course.loading import yaml_source
from course.loading.yaml_source import YamlSyntaxError, parse_located

SAMPLES = [
    "id: modul-0001\ntitle: Syntetisk modul b\ntracks: [alle]\nminutes: 10\n",
    "objectives:\n  - Du kan genkende tegn.\nsources:\n  - title: 'Kilde'\n    year: 2026\n",
    'title: "Når du møder en person"\nsummary: En tekst, der\n  fortsætter på næste linje.\n',
    "a: 1\na: 2\n",  # a duplicate key, reported by the builder either way
    "dato: 2024-02-30\n",  # a scalar that cannot be constructed
    "a: [1, 2\n",  # a syntax error
    "a:\tb\n",  # libyaml accepts the tab, PyYAML refuses it: the pure parser decides
    "\ufeffa: b\n",
    "tekst: |\n  linje\n",
    "a: !!bool maybe\n",
]


def located(text: str):
    try:
        result = parse_located(text, line_offset=1)
        return result.data, result.lines, result.duplicates, result.strings, result.block_text
    except YamlSyntaxError as error:
        return error.line, str(error)


@pytest.mark.parametrize("text", SAMPLES)
def test_the_fast_parser_changes_nothing(text: str, monkeypatch) -> None:
    fast = located(text)
    monkeypatch.setattr(yaml_source, "_FAST_LOADER", None)
    assert fast == located(text)


def test_what_only_libyaml_accepts_is_still_refused() -> None:
    with pytest.raises(YamlSyntaxError, match="cannot start any token"):
        parse_located("a:\tb\n")
