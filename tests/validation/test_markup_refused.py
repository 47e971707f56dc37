"""`check` refuses author markup that could run script or break a page, at the source line.

Each case puts one hostile or broken input into a copy of the mini course and expects exactly
``path:line: message`` and exit 1, never a traceback; the cases mirror the kinds of input the
red-team pass found (issue 10): nested brackets, multi-line link text, reference-style links,
autolinks, entity-encoded schemes, attribute lists, raw HTML, ids with attribute syntax, stray
quiz tags and anchors to headings that do not exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.diagnostics import CourseError
from course.loading import load_course
from tests.helpers_check import check

MODULE = "modules/01-grundmodul.md"
MODULE_LINE = "Underretningspligten er personlig."  # line 18 of the module
SCENARIO = "scenarios/01-test-scenarie.yml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems_in(course: Path) -> list[str]:
    """What `check` prints, from the loader in this process (the CLI itself is tested below)."""
    try:
        load_course(course)
    except CourseError as error:
        return [str(p) for p in error.problems]
    return []


def refused(course: Path, expected_prefix: str) -> list[str]:
    problems = problems_in(course)
    assert any(p.startswith(expected_prefix) for p in problems), (expected_prefix, problems)
    return problems


def test_cli_prints_path_line_and_exits_1_without_traceback(mini_copy: Path) -> None:
    edit(mini_copy / MODULE, MODULE_LINE, "[a [b] c](javascript:alert(1)) ![x](data:,x){: onerror=alert(1) }")
    result = check(mini_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if re.match(r"^[\w./-]+:\d+: ", line)]
    assert [p.split(": ", 1)[0] for p in problems] == [f"{MODULE}:18"] * 3, problems


BODY_CASES = [
    # (what the author writes instead of the line, expected "path:line: message" start)
    ("![a [b] c](data:,x){: onerror=alert(1) }", f"{MODULE}:18: attribute 'onerror' is not allowed"),
    ("![a [b] c](data:,x)", f"{MODULE}:18: image 'data:,x': images are not supported"),
    ("[a [b] c](javascript:alert(1))", f"{MODULE}:18: link 'javascript:alert(1)': the scheme 'javascript:'"),
    ("[a\nb](javascript:alert(1))", f"{MODULE}:19: link 'javascript:alert(1)': the scheme 'javascript:'"),
    ("[x](&#106;avascript:alert(1))", f"{MODULE}:18: link '&#106;avascript:alert(1)': the scheme 'javascript:'"),
    ("[x](JaVaScRiPt:alert(1))", f"{MODULE}:18: link 'JaVaScRiPt:alert(1)': the scheme 'javascript:'"),
    ("[x][r]\n\n[r]: javascript:alert(1)", f"{MODULE}:20: link 'javascript:alert(1)'"),
    ("<javascript:alert(1)>", f"{MODULE}:18: raw HTML <javascript:alert> is not allowed"),
    ("[x](data:text/html,<script>alert(1)</script>)", f"{MODULE}:18: link 'data:text/html"),
    ("[x](vbscript:msgbox)", f"{MODULE}:18: link 'vbscript:msgbox': the scheme 'vbscript:'"),
    ("[x](//evil.example/)", f"{MODULE}:18: link '//evil.example/' is not a course link"),
    ("Tekst.\n{: tabindex=0 autofocus onfocus=alert(1) }", f"{MODULE}:19: attribute 'tabindex' is not allowed"),
    ("Tekst.\n{: style=\"color:red\" }", f"{MODULE}:19: attribute 'style' is not allowed"),
    ("[x](https://example.org){: href=javascript:alert(1) }", f"{MODULE}:18: link 'javascript:alert(1)'"),
    ("## Overskrift {: #Ikke_Slug }", f"{MODULE}:18: id 'Ikke_Slug' is not a slug"),
    ("<img/src=x/onerror=alert(1)>", f"{MODULE}:18: raw HTML <img> is not allowed"),
    ("<svg onload=alert(1)>", f"{MODULE}:18: raw HTML <svg> is not allowed"),
    ("<!-- skjult -->", f"{MODULE}:18: raw HTML <!--> is not allowed"),
    ("<div markdown>\nx\n</div>", f"{MODULE}:18: raw HTML <div> is not allowed"),
    ("!!! note \"[x](javascript:alert(1))\"\n    Tekst.", f"{MODULE}:18: link 'javascript:alert(1)'"),
    ("- punkt\n\n    [x](javascript:alert(1))", f"{MODULE}:20: link 'javascript:alert(1)'"),
    ("</quiz>", f"{MODULE}:18: '</quiz>' without an opening '<quiz>'"),
    ("Tekst <quiz> midt i", f"{MODULE}:18: write '<quiz>' and '</quiz>' each on a line of its own"),
    ("[x](modul:rollemodul#findes-ikke)",
     f"{MODULE}:18: link 'modul:rollemodul#findes-ikke': rollemodul has no heading"),
    ("[x](#findes-ikke)", f"{MODULE}:18: link '#findes-ikke' points to no heading on this page"),
    ("[x]( modul:rollemodul )", f"{MODULE}:18: link 'modul:rollemodul': write course links inline"),
    ("Tekst.\n\n!!! warnig \"Pas på\"\n    Tekst.",
     f"{MODULE}:20: callout kind 'warnig' is unknown (did you mean 'warning'?)"),
    ("??? bemærk \"Mere\"\n    Tekst.", f"{MODULE}:18: callout kind 'bemærk' is unknown"),
    ("!!! warning\n    Tekst.", f"{MODULE}:18: callout 'warning' has no title, so the page would show the English "
                                "word 'Warning'"),
    ("???+ note\n    Tekst.", f"{MODULE}:18: callout 'note' has no title"),
]


@pytest.mark.parametrize(("line", "expected"), BODY_CASES, ids=[c[0][:40] for c in BODY_CASES])
def test_module_body_markup_is_refused_at_its_line(mini_copy: Path, line: str, expected: str) -> None:
    edit(mini_copy / MODULE, MODULE_LINE, line + "\n\n")
    refused(mini_copy, expected)


ALLOWED_BODIES = [
    "Kode `<quiz>` og `<script>alert(1)</script>` er bare tekst.",
    "~~~\n<quiz>\n<script>alert(1)</script>\n~~~",
    "```\n</quiz>\n```",
    "Et afsnit.\n\n    <quiz>\n    <img src=x onerror=alert(1)>",
    "## Overskrift {: #min-overskrift .vigtig }\n\n[her](#min-overskrift) [og](modul:rollemodul)",
    "[mail](mailto:a@example.org) [ring](tel:1888) [web](https://example.org/a_(b))",
    "!!! Warning \"Pas på\"\n    Tekst.\n\n???+ example \"Eksempel\"\n    Tekst.\n\n!!! tip \"\"\n    Tekst.",
]


@pytest.mark.parametrize("line", ALLOWED_BODIES, ids=[c[:40] for c in ALLOWED_BODIES])
def test_code_and_allowed_markup_pass(mini_copy: Path, line: str) -> None:
    edit(mini_copy / MODULE, MODULE_LINE, line + "\n\n")
    assert problems_in(mini_copy) == []


def test_link_to_an_existing_heading_of_another_module_passes(mini_copy: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "\n## ", "\n## Særlig del {: #saerlig }\n\n## ")
    edit(mini_copy / MODULE, MODULE_LINE, "[x](modul:rollemodul#saerlig)")
    assert problems_in(mini_copy) == []


YAML_CASES = [
    (SCENARIO, "setting: Et venteværelse.", "setting: '[klik](javascript:alert(1))'",
     f"{SCENARIO}:9: link 'javascript:alert(1)'"),
    (SCENARIO, "    text: Ida sidder med sin partner.",
     "    text: |\n      Ida sidder.\n      [x](javascript:alert(1))",
     f"{SCENARIO}:16: link 'javascript:alert(1)'"),
    (SCENARIO, "persona: Ida, tredive år. (Opdigtet person.)",
     "persona: '[Ida](https://example.org){: onmouseover=alert(1) }'",
     f"{SCENARIO}:10: attribute 'onmouseover' is not allowed"),
    ("glossary.yml", "definition: Pligten", "definition: '[x](javascript:alert(1))' # Pligten",
     "glossary.yml:3: link 'javascript:alert(1)'"),
    ("course.yml", "content_note: Kurset handler om vold.", "content_note: '[x](javascript:alert(1))' #",
     "course.yml:6: link 'javascript:alert(1)'"),
    ("tracks/laerer.yml", "description: Et testspor.", "description: '![x](https://example.org/x.png)'",
     "tracks/laerer.yml:4: image 'https://example.org/x.png'"),
    (MODULE, "summary: Et kort", "summary: '[x](javascript:alert(1))' #", f"{MODULE}:4: link 'javascript:alert(1)'"),
    (MODULE, "    publisher: Opspor", "    publisher: Opspor\n    url: javascript:alert(1)",
     f"{MODULE}:13: url 'javascript:alert(1)' must start with https://"),
    (SCENARIO, "  alene:\n", "  's tabindex=0 autofocus onfocus=alert(1)':\n    text: x\n    options:\n"
     "      - {text: x, ending: godt, rating: god, feedback: x}\n  alene:\n",
     f"{SCENARIO}:26: step id 's tabindex=0 autofocus onfocus=alert(1)' is not a slug"),
    (SCENARIO, "  lukket:\n", "  'Lukket slut':\n    title: x\n    rating: god\n    text: x\n  lukket:\n",
     f"{SCENARIO}:48: ending id 'Lukket slut' is not a slug"),
    (SCENARIO, "feedback: Tal altid med personen alene.", "feedback: '[x](scenarie:test-scenarie#trin-findes-ikke)'",
     f"{SCENARIO}:19: link 'scenarie:test-scenarie#trin-findes-ikke': test-scenarie has no heading"),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), YAML_CASES, ids=[c[3][:50] for c in YAML_CASES])
def test_yaml_field_markup_is_refused_at_its_line(
    mini_copy: Path, path: str, old: str, new: str, expected: str
) -> None:
    edit(mini_copy / path, old, new)
    refused(mini_copy, expected)


def test_raw_html_in_yaml_text_is_shown_as_text_so_it_passes(mini_copy: Path) -> None:
    """Titles and other fields are escaped where they land, so `<b>` there is just characters."""
    edit(mini_copy / SCENARIO, "title: Testscenarie", "title: 'A <script>alert(1)</script> & <b>B</b>'")
    assert problems_in(mini_copy) == []


def test_link_to_existing_step_anchor_passes(mini_copy: Path) -> None:
    edit(mini_copy / SCENARIO, "feedback: Tal altid med personen alene.",
         "feedback: 'Se [trinnet](scenarie:test-scenarie#trin-alene) og [slut](#slut-godt).'")
    assert problems_in(mini_copy) == []
