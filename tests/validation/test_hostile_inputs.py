"""Hostile and broken sources: each is one `path:line: message`, exit 1, never a traceback or a hang.

The table runs ``check`` in-process through Click (so it is quick), each case in a
thread with a deadline: a hang fails the case instead of the whole run. An uncaught
exception would surface as ``result.exception`` (or exit 2, "internal error"), so
``exit_code == 1`` with a clean ``SystemExit`` is the real test of "no traceback".
A few cases also run as a real subprocess to see exactly what an author sees.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from build import cli
from tests.helpers_check import check

SCENARIO = "scenarios/01-test-scenarie.yml"
MODULE = "modules/01-grundmodul.md"
DEADLINE = 20.0  # seconds; every case takes well under one


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text, f"fixture changed: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return mutate


def write(rel: str, data: bytes) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / rel
        if path.exists():
            path.unlink()
        path.write_bytes(data)
    return mutate


def special(rel: str, make: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / rel
        if path.is_file():
            path.unlink()
        make(path)
    return mutate


BOMB = ("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n")
NEW_MODULE = "modules/03-ny.md"

# (case id, how the mini course is broken, the exact problem line that must be printed)
CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("impossible-date", replace(SCENARIO, "level: 2", "level: 2024-02-30"),
     f"{SCENARIO}:5: '2024-02-30' is not a real date; put it in quotes if it is meant as text"),
    ("impossible-date-course-yml", replace("course.yml", "licence: CC BY 4.0", "licence: 2024-02-30"),
     "course.yml:4: '2024-02-30' is not a real date; put it in quotes if it is meant as text"),
    ("bool-maybe", replace(SCENARIO, "level: 2", "level: !!bool maybe"),
     f"{SCENARIO}:5: 'maybe' is not a valid !!bool"),
    ("int-ten", replace(SCENARIO, "level: 2", "level: !!int ten"), f"{SCENARIO}:5: 'ten' is not a valid !!int"),
    ("timestamp-nope", replace(SCENARIO, "level: 2", "level: !!timestamp nope"),
     f"{SCENARIO}:5: 'nope' is not a valid !!timestamp"),
    ("binary-bad", replace(SCENARIO, "level: 2", "level: !!binary A"), f"{SCENARIO}:5: 'A' is not a valid !!binary"),
    ("python-tag", replace(SCENARIO, "level: 2", "level: !!python/object/apply:os.system [ls]"),
     f"{SCENARIO}:5: YAML tag '!!python/object/apply:os.system' is not used in course files"),
    ("custom-tag", replace(SCENARIO, "level: 2", "level: !niveau 2"),
     f"{SCENARIO}:5: YAML tag '!niveau' is not used in course files"),
    ("5000-digit-int", replace(SCENARIO, "level: 2", "level: " + "9" * 5000),
     f"{SCENARIO}:5: number too long (5,000 characters); put it in quotes if it is meant as text"),
    ("5000-digit-year", replace(SCENARIO, "year: 2024", "year: " + "1" * 5000),
     f"{SCENARIO}:62: number too long (5,000 characters); put it in quotes if it is meant as text"),
    ("nesting-3000-flow", replace(SCENARIO, "level: 2", "level: " + "[" * 3000 + "]" * 3000),
     f"{SCENARIO}:5: nested more than 50 levels deep"),
    ("nesting-3000-mapping", replace(SCENARIO, "level: 2", "level: " + "{a: " * 3000 + "1" + "}" * 3000),
     f"{SCENARIO}:5: nested more than 50 levels deep"),
    ("nesting-3000-block", replace(SCENARIO, "level: 2", "level:\n" + "  - " * 3000 + "x"),
     f"{SCENARIO}:6: nested more than 50 levels deep"),
    ("recursive-alias", replace(SCENARIO, "level: 2", "level: &a [*a]"),
     f"{SCENARIO}:5: alias '*a' refers to the value it is inside (a recursive alias)"),
    ("recursive-alias-mapping", replace(SCENARIO, "level: 2", "level: &a {b: *a}"),
     f"{SCENARIO}:5: alias '*a' refers to the value it is inside (a recursive alias)"),
    ("billion-laughs", write(SCENARIO, BOMB.encode()),
     f"{SCENARIO}:5: aliases expand to more than 10,000 values; write the values out or use fewer aliases"),
    ("undefined-alias", replace(SCENARIO, "level: 2", "level: *nope"),
     f"{SCENARIO}:5: YAML syntax error: found undefined alias 'nope'"),
    ("nul-byte-yaml", replace(SCENARIO, "level: 2", "level: 2\x00"),
     f"{SCENARIO}:5: a NUL byte at column 9; remove it (is this a text file?)"),
    ("nul-byte-markdown", replace(MODULE, "## Underretning", "## Under\x00retning"),
     f"{MODULE}:16: a NUL byte at column 9; remove it (is this a text file?)"),
    ("control-character", replace(MODULE, "## Underretning", "## Under\x1bretning"),
     f"{MODULE}:16: control character U+001B at column 9; remove it (is this a text file?)"),
    ("list-as-key", replace(SCENARIO, "level: 2", "level: 2\n[a, b]: 1"),
     f"{SCENARIO}:6: a list or mapping cannot be a key; keys are plain words"),
    ("mapping-as-key", replace(SCENARIO, "level: 2", "level: 2\n? {a: 1}\n: 1"),
     f"{SCENARIO}:6: a list or mapping cannot be a key; keys are plain words"),
    ("null-key", replace(SCENARIO, "level: 2", "level: 2\n~: 1"),
     f"{SCENARIO}:6: '~ (null)' cannot be a key; write a plain word, or put it in quotes"),
    ("bool-key", replace(SCENARIO, "level: 2", "level: 2\nno: 1"),
     f"{SCENARIO}:6: 'no (read as true/false)' cannot be a key; write a plain word, or put it in quotes"),
    ("set-as-key", replace(SCENARIO, "level: 2", "level: 2\n!!set {a, b}: 1"),
     f"{SCENARIO}:6: YAML tag '!!set' is not used in course files"),
    ("alias-list-as-key", replace(SCENARIO, "level: 2", "level: 2\nx: &l [1]\n*l : 2"),
     f"{SCENARIO}:7: a list or mapping cannot be a key; keys are plain words"),
    ("two-documents", replace(SCENARIO, "level: 2", "level: 2\n---\na: 1"),
     f"{SCENARIO}:6: YAML syntax error: only one document per file (a second '---' line)"),
    ("u2028-keeps-lines", replace(SCENARIO, "title: Testscenarie", "title: Test\u2028scenarie\nfoo: 1"),
     f"{SCENARIO}:3: unknown key 'foo'"),
    ("u2029-quoted-keeps-lines", replace(SCENARIO, "title: Testscenarie", 'title: "Test\u2029scenarie"\nfoo: 1'),
     f"{SCENARIO}:3: unknown key 'foo'"),
    ("nel-keeps-lines", replace(SCENARIO, "persona: Ida", "persona: I\x85da\nfoo: 1\npersona2: Ida"),
     f"{SCENARIO}:11: unknown key 'foo'"),
    ("u2028-in-front-matter", replace(MODULE, "summary: Et kort", "summary: Et\u2028 kort\nsumary: x\nx: Et kort"),
     f"{MODULE}:5: unknown key 'sumary' (did you mean 'summary'?)"),
    ("glossary-entry-line", replace("glossary.yml", "source: Testkilde 2024",
                                    "source: Testkilde 2024\n- id: vold\n  term: Vold\n  definitio: x"),
     "glossary.yml:7: unknown key 'definitio' (did you mean 'definition'?)"),
    ("glossary-duplicate-line", replace("glossary.yml", "source: Testkilde 2024",
                                        "source: Testkilde 2024\n- id: tavshedspligt\n  term: Igen\n"
                                        "  definition: To gange."),
     "glossary.yml:5: duplicate glossary term id 'tavshedspligt' (first at line 1)"),
    ("glossary-entry-not-mapping", replace("glossary.yml", "source: Testkilde 2024", "source: Testkilde 2024\n- x"),
     "glossary.yml:5: expected a mapping of keys, found text"),
    ("unknown-language", replace("course.yml", "language: da", "language: xx"),
     "course.yml:5: language: no UI translation for 'xx' in course/i18n; available: da, en"),
    ("language-path", replace("course.yml", "language: da", "language: ../../etc/passwd"),
     "course.yml:5: language: no UI translation for '../../etc/passwd' in course/i18n; available: da, en"),
    ("public-key-not-utf8", write("course-key.pub", b"ed25519 \xff\xfe\n"),
     "course-key.pub:1: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    ("public-key-malformed", write("course-key.pub", b"# keys\ned25519 abc\n"),
     "course-key.pub:2: expected 'ed25519 KEY-ID KEY'"),
    ("public-key-wrong-id", write("course-key.pub", b"ed25519 0000 " + b"A" * 43 + b"\n"),
     "course-key.pub:1: not a valid ed25519 public key line"),
    ("module-is-a-folder", special(NEW_MODULE, lambda p: p.mkdir()), f"{NEW_MODULE}:1: is a folder, not a file"),
    ("course-yml-is-a-folder", special("course.yml", lambda p: p.mkdir()), "course.yml:1: is a folder, not a file"),
    ("dangling-symlink", special(NEW_MODULE, lambda p: p.symlink_to(p.parent / "gone.md")),
     f"{NEW_MODULE}:1: is a symbolic link to nothing"),
    ("symlink-outside", special(NEW_MODULE, lambda p: p.symlink_to("/etc/hostname")),
     f"{NEW_MODULE}:1: is a symbolic link to a file outside the course (/etc/hostname)"),
    ("glossary-symlink-outside", special("glossary.yml", lambda p: p.symlink_to("/etc/passwd")),
     "glossary.yml:1: is a symbolic link to a file outside the course (/etc/passwd)"),
    ("fifo-module", special(NEW_MODULE, lambda p: os.mkfifo(p)), f"{NEW_MODULE}:1: is a FIFO (named pipe), not a file"),
    ("fifo-scenario", special(SCENARIO, lambda p: os.mkfifo(p)), f"{SCENARIO}:1: is a FIFO (named pipe), not a file"),
    ("fifo-course-yml", special("course.yml", lambda p: os.mkfifo(p)),
     "course.yml:1: is a FIFO (named pipe), not a file"),
    ("device-symlink", special(NEW_MODULE, lambda p: p.symlink_to("/dev/zero")),
     f"{NEW_MODULE}:1: is a symbolic link to a file outside the course (/dev/zero)"),
    ("not-utf8", write(NEW_MODULE, b"---\nid: x\n\xff\n---\n"), f"{NEW_MODULE}:3: not valid UTF-8 (byte 0xff)"),
    ("empty-front-matter-key", replace(SCENARIO, "level: 2", "level: 2\n: x"),
     f"{SCENARIO}:6: YAML syntax error"),
]


def run_check(root: Path) -> Result:
    """``check`` in-process, in a thread with a deadline so a hang fails instead of blocking."""
    box: dict[str, Result] = {}
    worker = threading.Thread(target=lambda: box.update(result=CliRunner().invoke(cli, ["--course", str(root),
                                                                                          "check"])),
                              daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(DEADLINE)
    assert not worker.is_alive(), f"check hung for more than {DEADLINE} s"
    box["elapsed"] = time.monotonic() - started  # type: ignore[assignment]
    return box["result"]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input_is_one_located_problem(mini_copy: Path, mutate: Callable[[Path], None],
                                              expected: str) -> None:
    mutate(mini_copy)
    result = run_check(mini_copy)
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "Internal error" not in result.output
    lines = result.stderr.splitlines()
    assert any(line.startswith(expected) for line in lines), result.stderr


def test_a_device_node_inside_the_course_is_refused(mini_copy: Path) -> None:
    device = mini_copy / NEW_MODULE
    os.mknod(device, 0o600 | 0o020000, os.makedev(1, 3))  # a character device like /dev/null (root only)
    result = run_check(mini_copy)
    assert result.exit_code == 1
    assert f"{NEW_MODULE}:1: is a device, not a file" in result.stderr.splitlines()


def test_a_symlink_inside_the_course_is_read(mini_copy: Path) -> None:
    (mini_copy / "shared").mkdir()
    (mini_copy / "glossary.yml").rename(mini_copy / "shared" / "glossary.yml")
    (mini_copy / "glossary.yml").symlink_to(mini_copy / "shared" / "glossary.yml")
    result = run_check(mini_copy)
    assert result.exit_code == 0, result.output


def test_u2028_stays_in_the_text(mini_copy: Path) -> None:
    from course.loading import load_course

    replace(SCENARIO, "title: Testscenarie", "title: Test\u2028scenarie")(mini_copy)
    assert load_course(mini_copy).scenarios["test-scenarie"].title == "Test\u2028scenarie"


@pytest.mark.parametrize("case", ["billion-laughs", "fifo-module", "nesting-3000-flow", "impossible-date"])
def test_what_an_author_sees_in_a_real_run(mini_copy: Path, case: str) -> None:
    mutate, expected = next((m, e) for name, m, e in CASES if name == case)
    mutate(mini_copy)
    result = check(mini_copy)  # a real subprocess, with the helper's timeout
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
