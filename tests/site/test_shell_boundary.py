"""Nothing outside a shell's own folder knows which HTML shell runs (issue 14).

Course logic (``course/``), the runtime (``course/site/assets``), ``build.py``, the benchmarks and
the tests that are not about one shell must work with any shell. This scans them for the names
of the mkdocs shell's world: its theme's ``md-`` classes and ``--md-*`` properties, ``mkdocs``
(MkDocs, mkdocs.yml, mkdocs_shell, mkdocs-material) and ``material`` as the theme's name. It does
not hit "materials"/"Materialer" (the printed materials folder) or "printed material". Each
allowed hit below names its file, the exact line it may be on, and why it may be there.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

from course.site.shells import SHELL_PACKAGES
from tests.conftest import PROJECT

SCANNED = ("course", "build.py", "bench", "tests")
TEXT_SUFFIXES = {".py", ".js", ".css", ".j2", ".html", ".yml", ".yaml", ".md", ".json", ".toml", ".txt", ".xml",
                 ".xsd", ".cfg", ".ini", ".sh"}
# Each shell's folder, and each shell's folder of tests (tests/**/<shell package>/): theirs to know.
SHELL_FOLDERS = {package.rsplit(".", 1)[-1] for package in SHELL_PACKAGES.values()}
THIS_FILE = Path(__file__).resolve()

SHELL_WORDS = re.compile(r"\bmd-|mkdocs|(?<!printed )\bmaterial\b", re.IGNORECASE)

# path -> [(a regex the whole hit line must match, why it is allowed)]
ALLOWED: dict[str, list[tuple[str, str]]] = {
    "course/model.py": [
        (r'^ShellName = Literal\["mkdocs", "native"\]$', "the shell names a course may choose (shell: in course.yml)"),
        (r'^SHELL_NAMES: tuple\[str, \.\.\.\] = \("mkdocs", "native"\)$', "the same names, for the CLI's choice"),
        (r'^    shell: ShellName = "mkdocs"$', "the default shell, as the design card asks"),
    ],
    "course/site/shells.py": [
        (r'^    "mkdocs": "course\.site\.mkdocs_shell",$', "the shell registry: name -> package (its one job)"),
    ],
    "build.py": [
        (r"""^\s+help="The HTML shell \(default: 'shell' in course\.yml, else mkdocs\)\."\)$""",
         "--shell's help names the default shell"),
    ],
    "course/output_safety.py": [
        (r'^SOURCE_FILES = \(.*"mkdocs\.yml".*\)$',
         "a folder holding the project's mkdocs.yml is a source folder: never written over"),
    ],
    "course/packaging/templates/qti12-assessment.xml.j2": [
        (r"^\s*</?material>$", "QTI 1.2's own <material> element (question text), not the theme"),
    ],
    "tests/packaging/test_qti_export.py": [
        (r'.*\{QTI\}presentation/\{QTI\}material"\)', "reads QTI 1.2's <material> element"),
    ],
    "course/site/materials.py": [
        (r"^class Material:$|^    items: tuple\[Material, \.\.\.\]$", "Material: one printed PDF of the Materialer folder"),
    ],
    "course/packaging/materials.py": [
        (r"^from course\.site\.materials import Material, |^\s+Material\(", "Material: one printed PDF (as above)"),
    ],
    "course/i18n/en.yml": [
        (r"^kit_materials: Material$", "the English word for a workshop kit's printed material"),
    ],
    "bench/build_speed.py": [
        (r".*", "the benchmark of the shells themselves: both shells against a plain MkDocs build of the same "
                "docs tree (issue 12), so naming them is its job"),
    ],
}


def scanned_files(root: Path) -> list[Path]:
    files = []
    for top in SCANNED:
        start = root / top
        for path in [start] if start.is_file() else sorted(start.rglob("*")):
            relative = path.relative_to(root)
            if (path.is_file() and path.suffix in TEXT_SUFFIXES and path.resolve() != THIS_FILE
                    and not SHELL_FOLDERS & set(relative.parts) and "__pycache__" not in relative.parts):
                files.append(path)
    return files


def shell_hits(root: Path) -> list[str]:
    """Every line outside the shells' folders that names a shell and is not allowed, as ``path:line: text``."""
    hits = []
    for path in scanned_files(root):
        relative = path.relative_to(root).as_posix()
        allowed = ALLOWED.get(relative, [])
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if SHELL_WORDS.search(line) and not any(re.match(rule, line) for rule, _ in allowed):
                hits.append(f"{relative}:{number}: {line.strip()[:120]}")
    return hits


def test_nothing_outside_the_shell_folders_names_a_shell() -> None:
    hits = shell_hits(PROJECT)
    assert hits == [], "outside a shell's folder, these lines know the shell:\n" + "\n".join(hits)


def test_every_allowed_line_is_still_there() -> None:
    """An allow-list entry whose line has gone would quietly allow a future hit: remove it instead."""
    stale = []
    for relative, rules in ALLOWED.items():
        lines = (PROJECT / relative).read_text("utf-8").splitlines()
        stale += [f"{relative}: {rule}" for rule, _ in rules if not any(re.match(rule, line) for line in lines)]
    assert stale == []


def test_a_new_hit_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "course" / "site" / "assets").mkdir(parents=True)
    (tmp_path / "course" / "site" / "assets" / "x.css").write_text(
        "a { color: red; }\n.md-header { top: 0; }\n/* printed material and Materialer */\n", encoding="utf-8")
    (tmp_path / "course" / "site" / "mkdocs_shell").mkdir()
    (tmp_path / "course" / "site" / "mkdocs_shell" / "y.py").write_text("MKDOCS = 1\n", encoding="utf-8")
    (tmp_path / "tests" / "browser" / "native_shell").mkdir(parents=True)
    (tmp_path / "tests" / "browser" / "native_shell" / "z.py").write_text("# mkdocs\n", encoding="utf-8")
    (tmp_path / "tests" / "test_a.py").write_text('THEME = "material"\nURL = "mkdocs.org"\n', encoding="utf-8")
    (tmp_path / "build.py").write_text("# --md-primary-fg-color\n", encoding="utf-8")
    assert shell_hits(tmp_path) == [
        "course/site/assets/x.css:2: .md-header { top: 0; }",
        "build.py:1: # --md-primary-fg-color",
        'tests/test_a.py:1: THEME = "material"',
        'tests/test_a.py:2: URL = "mkdocs.org"',
    ]


def test_every_shell_a_course_may_choose_has_a_package() -> None:
    from course.model import SHELL_NAMES

    assert sorted(SHELL_PACKAGES) == sorted(SHELL_NAMES)


def readme_shell_entry(readme: str, folder: str) -> str:
    """The README's bullet on what one shell owns: from ``- `<folder>/`:`` to the next bullet or blank line."""
    start = readme.index(f"- `{folder}/`:")
    end = re.search(r"\n(?:- |\n)", readme[start + 2:])
    return readme[start: start + 2 + end.start()] if end else readme[start:]


def named_by(relative: str, tokens: set[str]) -> bool:
    """Whether the README names a shell file: by its path in the folder, its file name, a pattern such
    as ``assets/md-*.js``, or a sub-folder of two or more levels (``overrides/partials/javascripts/``)."""
    return any(token in (relative, relative.rsplit("/", 1)[-1]) or fnmatch(relative, token)
               or (token.endswith("/") and token.count("/") >= 2 and relative.startswith(token)) for token in tokens)


def test_the_readme_lists_exactly_the_files_each_shell_owns() -> None:
    """README "What a shell owns" is how a maintainer learns what replacing a shell means: it must be true."""
    readme = (PROJECT / "README.md").read_text("utf-8")
    for package in SHELL_PACKAGES.values():
        folder = package.replace(".", "/")
        entry = readme_shell_entry(readme, folder)
        tokens = set(re.findall(r"`([^`\s]+)`", entry))
        files = sorted(p.relative_to(PROJECT / folder).as_posix() for p in (PROJECT / folder).rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts)
        assert [f for f in files if not named_by(f, tokens)] == [], f"{folder}: files the README does not name"
        file_like = {t for t in tokens if re.fullmatch(r"[\w./*-]+\.(py|js|css|html|j2|yml)", t)}
        stale = [t for t in file_like if not any(named_by(f, {t}) for f in files) and not (PROJECT / t).is_file()]
        assert stale == [], f"{folder}: the README names files the shell does not have"
