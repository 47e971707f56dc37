"""Load a course folder into the validated :class:`course.model.Course`.

Every problem in every file is collected; a :class:`CourseError` carrying all of
them is raised at the end, so an author fixes a whole batch per run.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from course.code_format import PUBLIC_KEYS_FILE
from course.diagnostics import CourseError, Problem, did_you_mean, relative
from course.i18n import available_languages
from course.loading.claims_ledger import load_ledger
from course.loading.markdown_scan import BodyScan, parse_quiz, scan_body, scan_text
from course.loading.public_keys import PublicKeyError, read_public_keys
from course.loading.structure import validate_structure
from course.loading.text_files import SourceTextError, read_text, split_front_matter
from course.loading.yaml_source import LocatedYaml, YamlSyntaxError, parse_located
from course.markup_policy import url_scheme
from course.model import (
    TRACK_IDS,
    Course,
    CourseMeta,
    FromYaml,
    GlossaryTerm,
    Link,
    Module,
    ModuleMeta,
    Page,
    PageMeta,
    Scenario,
    SourceLines,
    Track,
    Workshop,
    YamlText,
)
from course.process_start import cores, worker_context
from course.validation import check_course
from course.validation.checks import duplicate_ids
from course.validation.workshops import check_workshops


class SourceLoader:
    """Reads the files under ``root`` (only files inside it); ``shown_from`` is where problem paths start
    (the course root, also for a local edition's folder)."""

    def __init__(self, root: Path, shown_from: Path | None = None):
        self.root = root
        self.shown_from = shown_from or root
        self.problems: list[Problem] = []
        self.yaml_texts: list[YamlText] = []
        self.string_links: dict[str, tuple[Link, ...]] = {}  # file -> course links in its YAML strings

    def rel(self, path: Path) -> str:
        return relative(path, self.shown_from)

    def keep_strings(self, path: Path, located: LocatedYaml) -> None:
        """Remember every string value with its lines, for checks that read authored text."""
        rel = self.rel(path)
        self.yaml_texts += [YamlText(rel, key, text, place) for key, (text, place) in located.strings.items()]

    def yaml_file(self, path: Path) -> LocatedYaml | None:
        try:
            located = parse_located(read_text(path, self.root))
        except (SourceTextError, YamlSyntaxError) as exc:
            self.problems.append(Problem(self.rel(path), exc.line, str(exc)))
            return None
        self.keep_strings(path, located)
        self.author_strings(path, located)
        return located

    def author_strings(self, path: Path, located: LocatedYaml) -> list[Link]:
        """Check every string of a YAML document as the Markdown it becomes; return its course links.

        Templates escape ``<`` in these fields, but links and attribute lists would still work.
        """
        links: list[Link] = []
        for key_path, text in _strings(located.data, ()):
            if key_path and key_path[-1] == "url":
                if url_scheme(text) not in ("https", "http"):
                    self.problems.append(Problem(self.rel(path), located.line_of(key_path),
                                                 f"url '{text}' must start with https://"))
                continue
            found, text_links = scan_text(text, located.text_line(key_path))
            self.problems.extend(Problem(self.rel(path), line, message) for line, message in found)
            links.extend(text_links)
        self.string_links[self.rel(path)] = tuple(links)
        return links

    def markdown_file(self, path: Path, meta_model: Any) -> tuple[Any, str, BodyScan, LocatedYaml, int] | None:
        rel = self.rel(path)
        try:
            split = split_front_matter(read_text(path, self.root))
            located = parse_located(split.front_matter, line_offset=1)
        except (SourceTextError, YamlSyntaxError) as exc:
            self.problems.append(Problem(rel, exc.line, str(exc)))
            return None
        self.keep_strings(path, located)
        meta = validate_structure(meta_model, located, rel, self.problems)
        front_links = self.author_strings(path, located)
        scan = scan_body(split.body, split.body_line)
        for line, message in scan.problems:
            self.problems.append(Problem(rel, line, message))
        scan = replace(scan, links=(*front_links, *scan.links))
        return (meta, split.body, scan, located, split.body_line) if meta else None

    def module(self, path: Path) -> Module | None:
        loaded = self.markdown_file(path, ModuleMeta)
        if loaded is None:
            return None
        meta, body, scan, located, body_line = loaded
        questions = []
        for block in scan.quizzes:
            question, quiz_problems = parse_quiz(block)
            self.problems.extend(Problem(self.rel(path), line, message) for line, message in quiz_problems)
            if question is not None:
                questions.append(question)
        key_lines = {k[0]: v for k, v in located.lines.items() if len(k) == 1}
        return Module(meta, body, tuple(questions), scan.links, path, key_lines, scan.anchors, body_line,
                      scan.slots)

    def modules(self, paths: list[Path]) -> list[Module]:
        """Every module in ``paths`` (in order), by one forked worker per core for a large course.

        Each module file is read, parsed and scanned on its own (most of ``check``'s time: its YAML,
        its Markdown twice), so halves of the list load side by side. Each worker loads a run of
        consecutive files and the runs are joined in order, so modules, problems and strings come
        out exactly as from one loader. Only forked (see :mod:`course.process_start`): a spawned
        worker would spend on imports what it saves.
        """
        workers = min(cores(), MAX_LOAD_WORKERS, len(paths) // PARALLEL_LOAD_FROM)
        context = worker_context()
        if workers < 2 or context.get_start_method() != "fork":
            return [m for p in paths if (m := self.module(p))]
        size = -(-len(paths) // workers)
        runs = [(self.root, self.shown_from, paths[i : i + size]) for i in range(0, len(paths), size)]
        modules: list[Module] = []
        with ProcessPoolExecutor(len(runs), mp_context=context) as pool:
            for part in pool.map(_load_modules, runs):
                modules += part.modules
                self.problems += part.problems
                self.yaml_texts += part.yaml_texts
                self.string_links.update(part.string_links)
        return modules

    def page(self, path: Path) -> Page | None:
        loaded = self.markdown_file(path, PageMeta)
        if loaded is None:
            return None
        meta, body, scan, _, body_line = loaded
        for block in scan.quizzes:
            self.problems.append(Problem(self.rel(path), block.line, "quizzes belong in modules, not in pages"))
        for slot in scan.slots:
            self.problems.append(Problem(self.rel(path), slot.line, f"local slot '{slot.name}': slots belong in "
                                                                     "modules, not in pages"))
        return Page(meta, body, scan.links, path, scan.anchors, body_line)

    def model_file(self, path: Path, model: Any) -> tuple[Any, LocatedYaml] | None:
        located = self.yaml_file(path)
        if located is None:
            return None
        built = validate_structure(model, located, self.rel(path), self.problems)
        if isinstance(built, FromYaml):  # cross-file checks report at its lines without the parser
            built.placed(SourceLines(self.rel(path), dict(located.lines)))
        return (built, located) if built is not None else None

    def glossary(self, path: Path) -> list[GlossaryTerm]:
        if not os.path.lexists(path):
            return []
        located = self.yaml_file(path)
        if located is None:
            return []
        rel = self.rel(path)
        if not isinstance(located.data, list):
            self.problems.append(Problem(rel, located.line_of(()), "glossary must be a list of terms"))
            return []
        terms: list[GlossaryTerm] = []
        first_line: dict[str, int] = {}
        for index, entry in enumerate(located.data):
            item = LocatedYaml(entry, {k[1:]: v for k, v in located.lines.items() if k[:1] == (index,)})
            term = validate_structure(GlossaryTerm, item, rel, self.problems)
            if term is None:
                continue
            line = item.line_of(("id",))
            if term.id in first_line:  # at the entry's own line, naming the first one
                self.problems.append(Problem(rel, line, f"duplicate glossary term id '{term.id}' "
                                                        f"(first at line {first_line[term.id]})"))
                continue
            first_line[term.id] = line
            terms.append(term)
        return terms

    def course_meta(self, path: Path) -> CourseMeta | None:
        if not os.path.lexists(path):
            self.problems.append(Problem("course.yml", 1, "missing course settings file"))
            return None
        loaded = self.model_file(path, CourseMeta)
        if loaded is None:
            return None
        meta, located = loaded
        languages = available_languages()
        if meta.language not in languages:
            self.problems.append(Problem(
                self.rel(path), located.line_of(("language",)),
                f"language: no UI translation for '{meta.language}' in course/i18n; "
                f"available: {', '.join(languages)}{did_you_mean(meta.language, languages)}"))
        return meta

    def public_keys(self) -> dict[str, bytes]:
        """The issuer's public keys (``course-key.pub``), for the verify page and ``verify``; a bad line is a
        problem here, so no output has to read the file again."""
        try:
            return read_public_keys(self.root)
        except (SourceTextError, PublicKeyError) as exc:
            self.problems.append(Problem(PUBLIC_KEYS_FILE, exc.line, str(exc)))
            return {}


PARALLEL_LOAD_FROM = 100  # modules per worker at least: below that, a worker costs more than it saves
MAX_LOAD_WORKERS = 4


@dataclass
class _LoadedRun:
    """What one worker's loader gathered from a run of module files."""

    modules: list[Module]
    problems: list[Problem]
    yaml_texts: list[YamlText]
    string_links: dict[str, tuple[Link, ...]]


def _load_modules(run: tuple[Path, Path, list[Path]]) -> _LoadedRun:
    root, shown_from, paths = run
    loader = SourceLoader(root, shown_from)
    modules = [m for p in paths if (m := loader.module(p))]
    return _LoadedRun(modules, loader.problems, loader.yaml_texts, loader.string_links)


def load_course(root: Path) -> Course:
    """Read, parse and validate the course in ``root``; raise :class:`CourseError` on problems."""
    root = root.resolve()
    loader = SourceLoader(root)
    meta = loader.course_meta(root / "course.yml")
    public_keys = loader.public_keys()

    modules = loader.modules(sorted((root / "modules").glob("*.md")))
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
    workshop_sources = [
        (path, loaded)
        for path in sorted((root / "workshops").glob("*.y*ml"))
        if (loaded := loader.model_file(path, Workshop))
    ]
    glossary = loader.glossary(root / "glossary.yml")
    claims, claim_problems = load_ledger(root)
    loader.problems += claim_problems
    scenarios = [s for _, (s, _) in scenario_sources]
    problems = duplicate_ids(root, modules, scenarios, pages)
    course = Course(
        root=root,
        # the checks never read the settings, so a broken course.yml hides no other file's problems
        meta=meta or CourseMeta.model_construct(),
        modules={m.id: m for m in modules},
        scenarios={s.id: s for s in scenarios},
        tracks={t.id: t for t in sorted((t for _, (t, _) in track_sources), key=_track_order)},
        glossary=tuple(glossary),
        pages={p.meta.id: p for p in pages},
        claims=claims,
        yaml_texts=tuple(loader.yaml_texts),
        # course links in YAML strings (scenarios, tracks, glossary, course.yml), by file
        yaml_links={path: links for path, links in loader.string_links.items()
                    if links and not path.endswith(".md")},
        workshops={w.id: w for _, (w, _) in workshop_sources},
        public_keys=public_keys,
    )
    problems += check_course(course) + check_workshops(course)
    all_problems = loader.problems + problems
    if all_problems or meta is None:
        raise CourseError(all_problems)
    return course


def _track_order(track: Track) -> int:
    """Tracks in the course's fixed order (an unknown id, already a problem, last)."""
    return TRACK_IDS.index(track.id) if track.id in TRACK_IDS else len(TRACK_IDS)


def _strings(data: Any, path: tuple[Any, ...]):
    """Every string in parsed YAML with its key path (keys themselves are checked as ids)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
