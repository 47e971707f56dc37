"""Load a course folder into the validated :class:`course.model.Course`.

Every problem in every file is collected; a :class:`CourseError` carrying all of
them is raised at the end, so an author fixes a whole batch per run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from course.claims import ledger as claims_ledger  # module import: course.claims uses course.loading too
from course.diagnostics import CourseError, Problem, relative
from course.loading.markdown_scan import scan_foreign_links, scan_links, scan_quizzes, scan_raw_html
from course.loading.structure import validate_structure
from course.loading.text_files import SourceTextError, read_text, split_front_matter
from course.loading.yaml_source import LocatedYaml, YamlSyntaxError, parse_located
from course.model import (
    TRACK_IDS,
    Course,
    CourseMeta,
    GlossaryTerm,
    Link,
    Module,
    ModuleMeta,
    Page,
    PageMeta,
    Scenario,
    Track,
    YamlText,
)
from course.validation import check_course

SCENARIO_TEXT_FIELDS = ("text", "feedback")


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.yaml_texts: list[YamlText] = []

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def keep_strings(self, path: Path, located: LocatedYaml) -> None:
        """Remember every string value with its lines, for checks that read authored text."""
        rel = self.rel(path)
        self.yaml_texts += [YamlText(rel, key, text, place) for key, (text, place) in located.strings.items()]

    def yaml_file(self, path: Path) -> LocatedYaml | None:
        try:
            located = parse_located(read_text(path))
        except (SourceTextError, YamlSyntaxError) as exc:
            self.problems.append(Problem(self.rel(path), exc.line, str(exc)))
            return None
        self.keep_strings(path, located)
        return located

    def markdown_file(self, path: Path, meta_model: Any) -> tuple[Any, str, int, LocatedYaml] | None:
        rel = self.rel(path)
        try:
            split = split_front_matter(read_text(path))
            located = parse_located(split.front_matter, line_offset=1)
        except (SourceTextError, YamlSyntaxError) as exc:
            self.problems.append(Problem(rel, exc.line, str(exc)))
            return None
        self.keep_strings(path, located)
        meta = validate_structure(meta_model, located, rel, self.problems)
        for line, tag in scan_raw_html(split.body, split.body_line):
            self.problems.append(
                Problem(rel, line, f"raw HTML <{tag}> is not allowed; use Markdown instead")
            )
        for line, message in scan_foreign_links(split.body, split.body_line):
            self.problems.append(Problem(rel, line, message))
        return (meta, split.body, split.body_line, located) if meta else None

    def module(self, path: Path) -> Module | None:
        loaded = self.markdown_file(path, ModuleMeta)
        if loaded is None:
            return None
        meta, body, body_line, located = loaded
        questions, quiz_problems = scan_quizzes(body, body_line)
        for line, message in quiz_problems:
            self.problems.append(Problem(self.rel(path), line, message))
        key_lines = {k[0]: v for k, v in located.lines.items() if len(k) == 1}
        return Module(meta, body, tuple(questions), scan_links(body, body_line), path, key_lines, body_line)

    def page(self, path: Path) -> Page | None:
        loaded = self.markdown_file(path, PageMeta)
        if loaded is None:
            return None
        meta, body, body_line, _ = loaded
        return Page(meta, body, scan_links(body, body_line), path, body_line)

    def model_file(self, path: Path, model: Any) -> tuple[Any, LocatedYaml] | None:
        located = self.yaml_file(path)
        if located is None:
            return None
        built = validate_structure(model, located, self.rel(path), self.problems)
        return (built, located) if built is not None else None

    def glossary(self, path: Path) -> list[GlossaryTerm]:
        if not path.exists():
            return []
        located = self.yaml_file(path)
        if located is None:
            return []
        if not isinstance(located.data, list):
            self.problems.append(Problem(self.rel(path), 1, "glossary must be a list of terms"))
            return []
        terms = []
        for index, entry in enumerate(located.data):
            item = LocatedYaml(entry, {k[1:]: v for k, v in located.lines.items() if k[:1] == (index,)})
            term = validate_structure(GlossaryTerm, item, self.rel(path), self.problems)
            if term:
                terms.append(term)
        return terms


def load_course(root: Path) -> Course:
    """Read, parse and validate the course in ``root``; raise :class:`CourseError` on problems."""
    root = root.resolve()
    loader = _Loader(root)
    meta_path = root / "course.yml"
    meta = None
    if not meta_path.exists():
        loader.problems.append(Problem("course.yml", 1, "missing course settings file"))
    else:
        loaded = loader.model_file(meta_path, CourseMeta)
        meta = loaded[0] if loaded else None

    modules = [m for p in sorted((root / "modules").glob("*.md")) if (m := loader.module(p))]
    pages = [p for f in sorted((root / "pages").glob("*.md")) if (p := loader.page(f))]
    scenario_sources = [
        (path, loaded)
        for path in sorted((root / "scenarios").glob("*.y*ml"))
        if (loaded := loader.model_file(path, Scenario))
    ]
    track_sources = [
        (path, loaded)
        for path in sorted((root / "tracks").glob("*.y*ml"))
        if (loaded := loader.model_file(path, Track))
    ]
    glossary = loader.glossary(root / "glossary.yml")
    claims, claim_problems = claims_ledger.load_ledger(root)
    loader.problems += claim_problems
    scenario_links = {
        loader.rel(p): tuple(scan_scenario_links(s, loc)) for p, (s, loc) in scenario_sources
    }
    for path, (scenario, located) in scenario_sources:
        for text, line in scenario_texts(scenario, located):
            for offset, message in scan_foreign_links(text, line):
                loader.problems.append(Problem(loader.rel(path), offset, message))

    problems = check_course(
        root=root,
        modules=modules,
        pages=pages,
        scenarios=[(loader.rel(p), s, loc) for p, (s, loc) in scenario_sources],
        tracks=[(loader.rel(p), t, loc) for p, (t, loc) in track_sources],
        glossary=glossary,
        scenario_links=scenario_links,
    )
    all_problems = loader.problems + problems
    if all_problems or meta is None:
        raise CourseError(all_problems)
    return Course(
        root=root,
        meta=meta,
        modules={m.id: m for m in modules},
        scenarios={s.id: s for _, (s, _) in scenario_sources},
        tracks={t.id: t for t in sorted((t for _, (t, _) in track_sources), key=lambda t: TRACK_IDS.index(t.id))},
        glossary=tuple(glossary),
        pages={p.meta.id: p for p in pages},
        claims=claims,
        yaml_texts=tuple(loader.yaml_texts),
    )


def scenario_texts(scenario: Scenario, located: LocatedYaml) -> list[tuple[str, int]]:
    """Every Markdown text of a scenario with the YAML line it starts on."""
    texts = []
    for step_id, step in scenario.steps.items():
        texts.append((step.text, located.line_of(("steps", step_id, "text"))))
        for index, option in enumerate(step.options):
            texts.append((option.feedback, located.line_of(("steps", step_id, "options", index, "feedback"))))
    for ending_id, ending in scenario.endings.items():
        texts.append((ending.text, located.line_of(("endings", ending_id, "text"))))
    return texts


def scan_scenario_links(scenario: Scenario, located: LocatedYaml) -> list[Link]:
    """Internal links inside a scenario's Markdown texts, located on the YAML line."""
    return [link for text, line in scenario_texts(scenario, located) for link in scan_links(text, line)]
