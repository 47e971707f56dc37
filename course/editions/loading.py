"""Reading and checking a local edition folder against the national course.

Every file is read the way course sources are (UTF-8, only regular files inside the edition
folder, YAML with lines, Markdown judged by the markup policy), and every problem is reported in
the edition's own files as ``path:line: message``, all of them in one run. The national text is
out of reach by construction: an edition can only name slots the modules declare, add pages
whose ids are not the course's, add scenarios with new ids, and add contacts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from course.diagnostics import CourseError, Problem, did_you_mean
from course.editions.logo import LogoError, check_logo
from course.editions.model import Edition, EditionFile, Logo
from course.editions.phones import phone_problem, text_phone_problems
from course.loading.course_loader import SourceLoader
from course.loading.markdown_scan import BodyScan, scan_body
from course.loading.text_files import SourceTextError, read_text
from course.loading.yaml_source import LocatedYaml
from course.model import ALL_TRACKS, Course, Link, Page, PageMeta, Scenario, applies_to
from course.validation.checks import REQUIRED_PAGES, scenario_anchors
from course.validation.scenario_graph import check_scenario_graph

EDITION_FILE = "edition.yml"
EXAMPLE_FOLDER = Path("editions") / "eksempel"  # the template, inside the course
# What the template's texts say about themselves, and the invented place they name: a real edition copied
# from it and still saying either was not finished (found by following the README as a new coordinator).
EXAMPLE_MARKS = (
    (re.compile(r"opdigtet eksempel", re.IGNORECASE),
     "warning: the text still says it is an 'opdigtet eksempel' (from the template); replace it with your own"),
    (re.compile(r"Eksempelby"),
     "warning: the text still names 'Eksempelby' (the template's invented municipality); write your own"),
)
LOCAL_PAGE_ID = "saadan-goer-vi"  # the generated "Sådan gør vi i <name>" page
# Pages the site itself writes; an edition page with one of these ids would replace them.
GENERATED_PAGE_IDS = ("ordliste", "mit-forloeb", "bevis", "bekraeft", LOCAL_PAGE_ID)


class _EditionReader:
    def __init__(self, course: Course, folder: Path):
        self.course = course
        self.folder = folder
        self.loader = SourceLoader(folder, shown_from=course.root)
        self.problems = self.loader.problems  # one list: the loader's and ours
        self.warnings: list[Problem] = []
        self.links: list[tuple[str, Link]] = []
        self.example = False  # set from edition.yml: placeholders are allowed only in the example

    def rel(self, path: Path) -> str:
        return self.loader.rel(path)

    def shown_folder(self) -> str:
        return self.rel(self.folder).rstrip("/") + "/"

    def file(self, value: str, where: str, line: int) -> Path | None:
        """The edition file named ``value`` (a path inside the folder), or None with a problem."""
        path = self.folder / value
        if Path(value).is_absolute() or ".." in Path(value).parts:
            self.problems.append(Problem(self.rel(self.folder / EDITION_FILE), line,
                                         f"{where}: '{value}' must be a path inside the edition folder, "
                                         "e.g. lokalt/underretning.md"))
            return None
        if not os.path.lexists(path):
            self.problems.append(Problem(self.rel(self.folder / EDITION_FILE), line,
                                         f"{where}: file '{value}' not found in {self.shown_folder()}"))
            return None
        return path

    def read_markdown(self, path: Path) -> str | None:
        try:
            return read_text(path, self.folder)
        except SourceTextError as exc:
            self.problems.append(Problem(self.rel(path), exc.line,
                                         str(exc).replace("outside the course", "outside the edition folder")))
            return None

    def edition_file(self) -> tuple[EditionFile, LocatedYaml] | None:
        path = self.folder / EDITION_FILE
        if not os.path.lexists(path):
            self.problems.append(Problem(self.rel(path), 1, "missing edition.yml: start from a copy of "
                                                            "editions/eksempel/ (README, 'Lokal udgave')"))
            return None
        loaded = self.loader.model_file(path, EditionFile)
        for link in self.loader.string_links.get(self.rel(path), ()):
            self.links.append((self.rel(path), link))
        return loaded

    def slot_fills(self, spec: EditionFile, located: LocatedYaml) -> dict[str, str]:
        declared = self.course.slot_names()
        fills: dict[str, str] = {}
        for name, value in spec.slots.items():
            line = located.line_of(("slots", name))
            if name not in declared:
                self.problems.append(Problem(self.rel(self.folder / EDITION_FILE), line,
                                             f"slots: no module declares a slot '{name}'"
                                             f"{did_you_mean(name, declared)}; the slots are: "
                                             f"{', '.join(sorted(declared))}"))
                continue
            path = self.file(value, f"slots.{name}", line)
            text = self.read_markdown(path) if path else None
            if text is None:
                continue
            if not text.strip():
                self.problems.append(Problem(self.rel(path), 1, f"the text for slot '{name}' is empty"))
                continue
            self.markdown_body(path, text, 1)
            fills[name] = text
        return fills

    def phones_in_text(self, rel: str, text: str, first_line: int, scan: BodyScan) -> None:
        for offset, message in text_phone_problems(text, example=self.example, phone_links=scan.phone_links):
            self.problems.append(Problem(rel, first_line + text.count("\n", 0, offset), message))
        self.left_from_example(rel, text, lambda offset: first_line + text.count("\n", 0, offset))

    def left_from_example(self, rel: str, text: str, line_at) -> None:
        """A real edition copied from the template should not still call itself an invented example."""
        if self.example:
            return
        for pattern, message in EXAMPLE_MARKS:
            self.warnings.extend(Problem(rel, line_at(match.start()), message) for match in pattern.finditer(text))

    def markdown_body(self, path: Path, text: str, first_line: int) -> None:
        """The markup policy, as for national text; no quizzes or slots in an edition's text."""
        scan = scan_body(text, first_line)
        rel = self.rel(path)
        self.phones_in_text(rel, text, first_line, scan)
        self.problems.extend(Problem(rel, line, message) for line, message in scan.problems)
        self.edition_text(rel, scan)

    def edition_text(self, rel: str, scan: BodyScan) -> None:
        """What holds for every Markdown text of an edition: no quizzes or slots; its links are checked later."""
        for block in scan.quizzes:
            self.problems.append(Problem(rel, block.line, "quizzes belong in national modules, not in an edition"))
        for slot in scan.slots:
            self.problems.append(Problem(rel, slot.line, f"local slot '{slot.name}': an edition fills slots, "
                                                         "it cannot declare them"))
        self.links += [(rel, link) for link in scan.links]

    def pages(self, spec: EditionFile, located: LocatedYaml) -> dict[str, Page]:
        national = set(self.course.pages)
        pages: dict[str, Page] = {}
        for index, value in enumerate(spec.pages):
            path = self.file(value, f"pages[{index + 1}]", located.line_of(("pages", index)))
            if path is None:
                continue
            loaded = self.loader.markdown_file(path, PageMeta)
            if loaded is None:
                continue
            meta, body, scan, front, body_line = loaded
            rel = self.rel(path)
            self.phones_in_text(rel, body, body_line, scan)
            id_line = front.line_of(("id",))
            if meta.id in national or meta.id in REQUIRED_PAGES:
                self.problems.append(Problem(rel, id_line, f"id '{meta.id}' is a national page; an edition cannot "
                                                           "replace or change national text. Give the page its own "
                                                           f"id, e.g. '{meta.id}-lokalt'"))
                continue
            if meta.id in GENERATED_PAGE_IDS or meta.id in pages:
                owner = "the site" if meta.id in GENERATED_PAGE_IDS else "another page of the edition"
                self.problems.append(Problem(rel, id_line, f"id '{meta.id}' is already used by {owner}"))
                continue
            self.edition_text(rel, scan)
            pages[meta.id] = Page(meta, body, scan.links, path, scan.anchors, body_line)
        return pages

    def scenarios(self, spec: EditionFile, located: LocatedYaml) -> dict[str, Scenario]:
        taken = set(self.course.modules) | set(self.course.scenarios)
        found: dict[str, Scenario] = {}
        for index, value in enumerate(spec.scenarios):
            path = self.file(value, f"scenarios[{index + 1}]", located.line_of(("scenarios", index)))
            if path is None:
                continue
            loaded = self.loader.model_file(path, Scenario)
            if loaded is None:
                continue
            scenario, where = loaded
            rel = self.rel(path)
            if scenario.id in taken or scenario.id in found:
                self.problems.append(Problem(rel, where.line_of(("id",)), f"id '{scenario.id}' is already used by "
                                                                          "the course; give the scenario its own id"))
                continue
            for t_index, name in enumerate(scenario.tracks):
                if name != ALL_TRACKS and name not in self.course.tracks:
                    self.problems.append(Problem(rel, where.line_of(("tracks", t_index)),
                                                 f"tracks: '{name}' is not a track"
                                                 f"{did_you_mean(name, [*self.course.tracks, ALL_TRACKS])}"))
            check_scenario_graph(scenario, lambda key, message, lc=where, p=rel: self.problems.append(
                Problem(p, lc.line_of(key), message)))
            self.links += [(rel, link) for link in self.loader.string_links.get(rel, ())]
            found[scenario.id] = scenario
        return found

    def people_and_contacts(self, spec: EditionFile, located: LocatedYaml) -> None:
        rel = self.rel(self.folder / EDITION_FILE)
        for key, (text, place) in located.strings.items():
            if key and key[-1] == "phone":
                continue  # judged below, as a number
            for offset, message in text_phone_problems(text, example=spec.example):
                self.problems.append(Problem(rel, place.line_at(offset), f"{'.'.join(map(str, key))}: {message}"))
            self.left_from_example(rel, text, place.line_at)
        phones: list[tuple[tuple[Any, ...], str | None]] = [
            (("contacts", i, "phone"), c.phone) for i, c in enumerate(spec.contacts)]
        phones += [(("beredskab", "key_persons", i, "phone"), p.phone)
                   for i, p in enumerate(spec.beredskab.key_persons)]
        for key, number in phones:
            problem = phone_problem(number, example=spec.example) if number is not None else None
            if problem:
                self.problems.append(Problem(rel, located.line_of(key), problem))
        choices = [*self.course.tracks, ALL_TRACKS]
        for d_index, department in enumerate(spec.beredskab.departments):
            for t_index, name in enumerate(department.tracks):
                if name not in choices:
                    self.problems.append(Problem(rel, located.line_of(("beredskab", "departments", d_index, "tracks",
                                                                        t_index)),
                                                 f"tracks: '{name}' is not a track{did_you_mean(name, choices)}"))

    def logo(self, spec: EditionFile, located: LocatedYaml) -> Logo | None:
        if spec.logo is None:
            return None
        path = self.file(spec.logo, "logo", located.line_of(("logo",)))
        if path is None:
            return None
        template = self.course.root / EXAMPLE_FOLDER / "logo.svg"
        if not spec.example and path.is_file() and template.is_file() and path.read_bytes() == template.read_bytes():
            self.warnings.append(Problem(self.rel(self.folder / EDITION_FILE), located.line_of(("logo",)),
                                         "warning: the logo is still the example's; put your own logo in the "
                                         "folder, or delete the logo line"))
        try:
            return check_logo(path, self.folder)
        except LogoError as exc:
            if exc.inside:
                self.problems.append(Problem(self.rel(path), exc.line, str(exc)))
            else:
                self.problems.append(Problem(self.rel(self.folder / EDITION_FILE), located.line_of(("logo",)),
                                             f"logo '{spec.logo}' {exc}"))
            return None

    def review_date(self, spec: EditionFile, located: LocatedYaml, today: dt.date) -> None:
        if spec.review_by < today:
            self.warnings.append(Problem(self.rel(self.folder / EDITION_FILE), located.line_of(("review_by",)),
                                         f"warning: review_by {spec.review_by.isoformat()} is past: check the local "
                                         "contacts, numbers and procedures again, then set a new date"))

    def check_links(self, pages: dict[str, Page], scenarios: dict[str, Scenario]) -> None:
        course = self.course
        targets: dict[str, dict[str, set[str]]] = {
            "modul": {m.id: set(m.anchors) for m in course.modules.values()},
            "scenarie": {s.id: scenario_anchors(s) for s in (*course.scenarios.values(), *scenarios.values())},
            "ordliste": {t.id: set() for t in course.glossary},
            "side": {p.meta.id: set(p.anchors) for p in (*course.pages.values(), *pages.values())}
            | {LOCAL_PAGE_ID: set()},
        }
        for path, link in self.links:
            if not link.scheme:
                continue  # a link to a heading on the same page is judged by the shell's strict build
            known = targets[link.scheme]
            if link.target not in known:
                self.problems.append(Problem(path, link.line, f"link '{link.scheme}:{link.target}' points to no "
                                                              f"{link.scheme}{did_you_mean(link.target, known)}"))
            elif link.anchor is not None and known[link.target] and link.anchor not in known[link.target]:
                self.problems.append(Problem(path, link.line, f"link '{link.scheme}:{link.target}#{link.anchor}': "
                                                              f"{link.target} has no heading with id '{link.anchor}'"))


def load_edition(course: Course, folder: Path, today: dt.date | None = None) -> tuple[Course, list[Problem]]:
    """``course`` with the edition in ``folder`` built in, and the warnings; :class:`CourseError` on problems.

    The returned course carries the edition (``course.edition``), its scenarios in
    ``course.scenarios`` and in the tracks they name; the national modules and pages are untouched.
    """
    folder = folder.resolve()
    reader = _EditionReader(course, folder)
    loaded = reader.edition_file()
    if loaded is None:
        raise CourseError(reader.problems)
    spec, located = loaded
    reader.example = spec.example
    if spec.id != folder.name:
        reader.problems.append(Problem(reader.rel(folder / EDITION_FILE), located.line_of(("id",)),
                                       f"id '{spec.id}' must be the edition folder's name '{folder.name}' "
                                       "(the outputs go to build/udgave-<id>/)"))
    fills = reader.slot_fills(spec, located)
    pages = reader.pages(spec, located)
    scenarios = reader.scenarios(spec, located)
    reader.people_and_contacts(spec, located)
    logo = reader.logo(spec, located)
    reader.review_date(spec, located, today or dt.date.today())
    reader.check_links(pages, scenarios)
    if reader.problems:
        raise CourseError(reader.problems)
    tracks = {}
    for track_id, track in course.tracks.items():
        added = [s.id for s in scenarios.values() if applies_to(s.tracks, track_id)]
        tracks[track_id] = track.model_copy(update={"items": [*track.items, *added]})
    edition = Edition(spec=spec, folder=folder, fills=fills, pages=pages, scenario_ids=tuple(scenarios), logo=logo)
    return replace(course, scenarios={**course.scenarios, **scenarios}, tracks=tracks, edition=edition), \
        sorted(set(reader.warnings))

