"""The printed kit a trainer runs a workshop from (``build.py workshop <id>``).

One folder per workshop: the agenda, the Danish trainer guide, the facilitator
guide and gamebook handout of each scenario, the handouts of its modules, a
sign-in sheet from the roster, a pre/post test with its answer key in a file of
its own, and an evaluation form. Everything is printed from the validated model
(``workshops/<id>.yml``) and the same templates as the packs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from course.editions.credit import credit_lines, printed_course_title
from course.model import SLUG, Course, Question, Scenario, Workshop
from course.pdf.handouts import HandoutPrinter, key_file
from course.pdf.packs import WORKSHOPS_DIR, PackPrinter
from course.pdf.renderer import PrintRenderer
from course.pdf.workers import map_in_workers

if TYPE_CHECKING:  # the sign-in sheet lists roster participants, read by course.certificates
    from course.certificates.roster import Participant

SLUG_RE = re.compile(SLUG)
AGENDA_FILE = "01-dagsorden.pdf"
GUIDE_FILE = "02-saadan-holder-du-workshoppen.pdf"
SIGN_IN_FILE = "03-deltagerliste.pdf"
TEST_FILE = "04-foer-og-eftertest.pdf"
TEST_KEY_FILE = "05-foer-og-eftertest-svarnoegle.pdf"
EVALUATION_FILE = "06-evaluering.pdf"
BLANK_SIGN_IN_ROWS = 20  # one A4 page when no roster is given
WALK_IN_ROWS = 4  # blank lines after the roster, for people who were not on it
EVALUATION_STATEMENTS = 5  # kit_eval_1 ... in the UI strings
EVALUATION_QUESTIONS = 3  # kit_eval_open_1 ...
# A roster column printed on the sign-in sheet beside the name, so people find their own line
UNIT_HEADERS = ("enhed", "arbejdssted", "arbejdsplads", "afdeling", "unit", "workplace", "department")


@dataclass(frozen=True)
class AgendaRow:
    start: int  # minutes from the start of the workshop
    end: int
    part: str
    title: str
    note: str | None
    scenario: Scenario | None = None


@dataclass(frozen=True)
class TestQuestion:
    question: Question
    module_title: str


@dataclass(frozen=True)
class KitContext:
    """What every document of the kit prints in its header."""

    workshop: Workshop
    track_title: str
    date: dt.date | None
    place: str
    course_title: str


def agenda_rows(course: Course, workshop: Workshop, strings: dict[str, str]) -> list[AgendaRow]:
    rows, clock = [], 0
    for item in workshop.agenda:
        scenario = course.scenarios.get(item.scenario or "")
        module = course.modules.get(item.module or "")
        title = strings[f"kit_part_{item.part}"]
        if scenario is not None:
            title = f"{title}: {scenario.title}"
        elif module is not None:
            title = f"{title}: {module.meta.title}"
        rows.append(AgendaRow(clock, clock + item.minutes, item.part, title, item.note, scenario))
        clock += item.minutes
    return rows


def test_questions(course: Course, workshop: Workshop) -> list[TestQuestion]:
    """``test_questions`` questions from the track's modules: the workshop's own modules first, then the
    rest of the track, one question from each module in turn, in authored order (so the pre-test and the
    post-test are the same test, and a rebuild prints the same one)."""
    track = course.tracks[workshop.track]
    order = [*workshop.modules, *(i for i in track.items if i in course.modules and i not in workshop.modules)]
    queues = [[TestQuestion(q, course.modules[m].meta.title) for q in course.modules[m].questions] for m in order]
    picked: list[TestQuestion] = []
    depth = 0
    while len(picked) < workshop.test_questions and any(len(q) > depth for q in queues):
        for queue in queues:
            if depth < len(queue) and len(picked) < workshop.test_questions:
                picked.append(queue[depth])
        depth += 1
    return picked


class KitPrinter:
    """Lays out the kit's own documents (the scenario and module PDFs come from the pack printers)."""

    def __init__(self, renderer: PrintRenderer, course: Course, context: KitContext):
        self.renderer = renderer
        self.course = course
        self.context = context

    def html(self, document: str, roster: list[Participant] | None = None) -> str:
        workshop = self.context.workshop
        unit = unit_column(roster or [])
        return self.renderer.html(
            "workshop_kit.html.j2", document=document, kit=self.context, workshop=workshop,
            agenda=agenda_rows(self.course, workshop, self.renderer.strings),
            scenarios=[self.course.scenarios[s] for s in workshop.scenarios],
            modules=[self.course.modules[m] for m in workshop.modules],
            questions=test_questions(self.course, workshop),
            roster=roster, blank_rows=BLANK_SIGN_IN_ROWS, walk_in_rows=WALK_IN_ROWS, unit=unit,
            units=[dict(p.columns).get(unit, "") if unit else "" for p in roster or []],
            statements=EVALUATION_STATEMENTS, open_questions=EVALUATION_QUESTIONS,
            files=kit_files(self.course, workshop),
            course_title=printed_course_title(self.course, self.renderer.strings),
            credit=credit_lines(self.course, self.renderer.strings))


def unit_column(roster: list[Participant]) -> str | None:
    """The roster's unit or workplace column as written (``Enhed``, ``Arbejdssted``), if it has one."""
    if not roster:
        return None
    return next((title for key in UNIT_HEADERS for title, _ in roster[0].columns
                 if " ".join(title.lower().split()) == key), None)


def kit_folder(pdf_dir: Path, workshop_id: str) -> Path:
    """``build/pdf/workshops/<id>``; an id that is not a plain slug never becomes a path."""
    if not SLUG_RE.fullmatch(workshop_id):
        raise ValueError(f"not a workshop id: {workshop_id[:80]!r}")
    return pdf_dir / WORKSHOPS_DIR / workshop_id


def kit_files(course: Course, workshop: Workshop) -> dict[str, str]:
    """Each document's file name in the kit folder, for the trainer guide's list of what to print."""
    files = {"agenda": AGENDA_FILE, "guide": GUIDE_FILE, "sign-in": SIGN_IN_FILE, "test": TEST_FILE,
             "test-key": TEST_KEY_FILE, "evaluation": EVALUATION_FILE}
    for sid in workshop.scenarios:
        files[f"facilitator:{sid}"] = f"scenarier/{sid}-facilitator.pdf"
        files[f"handout:{sid}"] = f"scenarier/{sid}-deltager.pdf"
    for mid in workshop.modules:
        files[f"module:{mid}"] = f"moduler/{mid}.pdf"
        if course.modules[mid].questions:
            files[f"module-key:{mid}"] = f"moduler/{key_file(mid)}"
    return files


def print_workshop_kit(course: Course, workshop: Workshop, out_dir: Path, *, language: str,
                       roster: list[Participant] | None = None, date: dt.date | None = None,
                       place: str | None = None, site_url: str | None = None,
                       progress: Callable[[Path], None] = lambda path: None,
                       workers: int | None = None) -> list[Path]:
    """Every PDF of the kit into ``out_dir``; ``date``/``place`` override the workshop file's defaults."""
    context = KitContext(workshop, course.tracks[workshop.track].title, date or workshop.date,
                         workshop.place if place is None else place, course.meta.title)
    files = kit_files(course, workshop)
    # the facilitator guides take longest: first, so the workers finish together
    jobs = sorted(((key, out_dir / name) for key, name in files.items()),
                  key=lambda job: not job[0].startswith("facilitator:"))

    def work(renderer: PrintRenderer, job: tuple[str, Path]) -> Path:
        key, target = job
        kind, _, item_id = key.partition(":")
        packs = PackPrinter(renderer, course)
        if kind in ("facilitator", "handout"):
            html = packs.scenario_html(course.scenarios[item_id], "guide" if kind == "facilitator" else "handout")
        elif kind in ("module", "module-key"):
            html = HandoutPrinter(renderer, course, site_url).html(
                course.modules[item_id], "key" if kind == "module-key" else "participant")
        else:
            html = KitPrinter(renderer, course, context).html(kind, roster)
        packs.write(html, target)
        return target

    return map_in_workers(work, jobs, language=language, workers=workers, on_result=progress)

