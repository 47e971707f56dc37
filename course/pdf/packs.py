"""Workshop packs: per scenario a facilitator guide and a participant handout, per track one pack.

The facilitator guide has everything (ratings, feedback, sources, endings,
debrief); the participant handout has the case and the choices only, so it can
be copied for the room without giving the answers away.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from course.model import Course, Ending, Option, Scenario, Step, Track, applies_to
from course.pdf.path_map import scenario_map
from course.pdf.renderer import PAGE_LABELS, PrintRenderer
from course.pdf.workers import map_in_workers
from course.validation.scenario_graph import best_path, breadth_first_steps, paths_to_endings

STYLESHEETS = ["fonts.css", "print.css", PAGE_LABELS]
WORKSHOPS_DIR = "workshops"  # build/pdf/workshops/<id>/: the kits of `build.py workshop`
MAX_PATHS = 40  # paths printed in the table that stands in for the map


@dataclass(frozen=True)
class OptionView:
    option: Option
    leads_to: str  # "Trin 3" or "Slut: <title>", for the facilitator's table
    route: str  # "→ Gå til trin 3" or "→ Slut: <title>", printed after the option in the gamebook
    best: bool


@dataclass(frozen=True)
class StepView:
    number: int
    id: str
    step: Step
    options: list[OptionView]


@dataclass(frozen=True)
class NoteView:
    """A paragraph of an ending that holds only for some paths, with the printed condition."""

    condition: str  # "Hvis I valgte trin 3, mulighed 2"
    text: str


@dataclass(frozen=True)
class EndingView:
    id: str
    ending: Ending
    notes: list[NoteView] = field(default_factory=list)


def _choice(ref: str, numbers: dict[str, int], strings: dict[str, str]) -> str:
    step_id, _, option = ref.rpartition(".")
    return f"{strings['step'].lower()} {numbers.get(step_id, '?')}, {strings['print_option_short']} {option}"


def note_views(ending: Ending, numbers: dict[str, int], strings: dict[str, str]) -> list[NoteView]:
    """The ending's path-dependent notes, their conditions in the printed step numbers.

    On paper every note is printed with its condition: a group reads the ones that fit the way it went.
    """
    views = []
    for note in getattr(ending, "notes", ()):  # the model's EndingNote (if_chosen / unless_chosen)
        chosen = f" {strings['print_note_or']} ".join(_choice(r, numbers, strings) for r in note.if_chosen)
        avoided = f" {strings['print_note_or']} ".join(_choice(r, numbers, strings) for r in note.unless_chosen)
        if chosen and avoided:
            condition = f"{strings['print_note_if']} {chosen}, {strings['print_note_but_not']} {avoided}"
        elif chosen:
            condition = f"{strings['print_note_if']} {chosen}"
        else:
            condition = f"{strings['print_note_unless']} {avoided}"
        views.append(NoteView(condition, note.text))
    return views


@dataclass(frozen=True)
class PathView:
    """One way through the scenario: the printed option numbers step by step, and its ending."""

    choices: list[tuple[int, int]]  # (step number, option number)
    ending: Ending


@dataclass(frozen=True)
class ScenarioView:
    """A scenario arranged for paper: numbered steps and where each option leads."""

    scenario: Scenario
    steps: list[StepView]
    endings: list[EndingView]
    track_titles: list[str]
    workshop_minutes: int
    path_map: Markup | None = None  # the one-page map (SVG), None when it could not be drawn
    paths: list[PathView] = field(default_factory=list)  # the table printed instead of the map
    more_paths: bool = False


def scenario_view(course: Course, scenario: Scenario, strings: dict[str, str], *,
                  with_map: bool = False) -> ScenarioView:
    """Steps numbered breadth-first from the start (``Trin 1`` is where everyone begins).

    Every option carries its route, so the participant handout plays as a gamebook.
    """
    order = breadth_first_steps(scenario)
    numbers = {step_id: n for n, step_id in enumerate(order, 1)}
    best = set(best_path(scenario))
    steps = []
    for step_id in order:
        step = scenario.steps[step_id]
        options = []
        for index, option in enumerate(step.options):
            if option.next:
                leads_to = f"{strings['step']} {numbers[option.next]}"
                route = f"→ {strings['print_go_to_step']} {numbers[option.next]}"
            else:
                title = scenario.endings[option.ending or ""].title
                leads_to = f"{strings['print_end']}: {title}"
                route = f"→ {leads_to}"
            options.append(OptionView(option, leads_to, route, (step_id, index) in best))
        steps.append(StepView(numbers[step_id], step_id, step, options))
    path_map = scenario_map(scenario, numbers, best, strings) if with_map else None
    paths: list[PathView] = []
    more = False
    if with_map and path_map is None:
        found, more = paths_to_endings(scenario, MAX_PATHS)
        for path in found:
            last_step, last_index = path[-1]
            ending = scenario.endings[scenario.steps[last_step].options[last_index].ending or ""]
            paths.append(PathView([(numbers[s], i + 1) for s, i in path], ending))
    return ScenarioView(
        scenario=scenario,
        steps=steps,
        endings=[EndingView(i, e, note_views(e, numbers, strings)) for i, e in scenario.endings.items()],
        track_titles=[t.title for t in course.tracks.values() if applies_to(scenario.tracks, t.id)],
        workshop_minutes=sum(item.minutes for item in scenario.facilitator.timing),
        path_map=path_map,
        paths=paths,
        more_paths=more,
    )


def scenarios_of(course: Course, track: Track) -> list[Scenario]:
    return [course.scenarios[i] for i in track.items if i in course.scenarios]


class PackPrinter:
    def __init__(self, renderer: PrintRenderer, course: Course):
        self.renderer = renderer
        self.course = course

    def view(self, scenario: Scenario, with_map: bool = True) -> ScenarioView:
        return scenario_view(self.course, scenario, self.renderer.strings, with_map=with_map)

    def scenario_html(self, scenario: Scenario, kind: str) -> str:
        t = self.renderer.strings
        title = t["print_for_facilitator"] if kind == "guide" else t["print_for_participants"]
        return self.renderer.html("scenario.html.j2", sc=self.view(scenario, kind == "guide"), kind=kind,
                                  kind_title=title, course_title=self.course.meta.title)

    def track_html(self, track: Track) -> str:
        modules = [self.course.modules[i] for i in track.items if i in self.course.modules]
        return self.renderer.html(
            "track_pack.html.j2", track=track, scenarios=[self.view(s) for s in scenarios_of(self.course, track)],
            modules=modules, hours=self.course.track_hours(track.id), course_title=self.course.meta.title)

    def write(self, html: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.renderer.write(html, STYLESHEETS, target)


def pack_files(course: Course, track_id: str | None = None) -> list[tuple[str, str, str]]:
    """What ``packs`` prints, longest first: ``(kind, id, path inside the output folder)``."""
    from course.pdf.handouts import key_file

    tracks = [course.tracks[track_id]] if track_id else list(course.tracks.values())
    scenario_ids = list(dict.fromkeys(i for t in tracks for i in t.items if i in course.scenarios))
    module_ids = list(dict.fromkeys(i for t in tracks for i in t.items if i in course.modules))
    files = [("track", t.id, f"spor/{t.id}-workshoppakke.pdf") for t in tracks]
    for sid in scenario_ids:
        files.append(("guide", sid, f"scenarier/{sid}-facilitator.pdf"))
        files.append(("handout", sid, f"scenarier/{sid}-deltager.pdf"))
    files += [("module", mid, f"moduler/{mid}.pdf") for mid in module_ids]
    files += [("module-key", mid, f"moduler/{key_file(mid)}") for mid in module_ids if course.modules[mid].questions]
    return files


def print_packs(course: Course, out_dir: Path, language: str, track_id: str | None = None,
                site_url: str | None = None, progress: Callable[[Path], None] = lambda path: None,
                workers: int | None = None) -> list[Path]:
    """Every scenario guide and handout, every track pack and every module handout, for one or all tracks.

    The PDFs are rendered in parallel worker processes, the longest (track packs) first.
    """
    from course.pdf.handouts import HandoutPrinter

    jobs = [(kind, item_id, out_dir / path) for kind, item_id, path in pack_files(course, track_id)]

    def work(renderer: PrintRenderer, job: tuple[str, str, Path]) -> Path:
        kind, item_id, target = job
        packs = PackPrinter(renderer, course)
        if kind == "track":
            html = packs.track_html(course.tracks[item_id])
        elif kind in ("module", "module-key"):
            part = "key" if kind == "module-key" else "participant"
            html = HandoutPrinter(renderer, course, site_url).html(course.modules[item_id], part)
        else:
            html = packs.scenario_html(course.scenarios[item_id], kind)
        packs.write(html, target)
        return target

    return map_in_workers(work, jobs, language=language, workers=workers, on_result=progress)


def carry_workshop_kits(previous: Path, staging: Path) -> int:
    """``packs`` replaces ``build/pdf/`` whole; the workshop kits printed into it earlier (sign-in sheets
    from a roster among them) are copied into the new output. Returns how many were kept."""
    kits = previous / WORKSHOPS_DIR
    if not kits.is_dir() or kits.is_symlink():
        return 0
    def unfinished(folder: str, names: list[str]) -> list[str]:  # another run's staging folders
        return [n for n in names if n.startswith(".") and Path(folder) == kits]

    shutil.copytree(kits, staging / WORKSHOPS_DIR, symlinks=True, ignore=unfinished)
    return sum(1 for path in (staging / WORKSHOPS_DIR).iterdir() if path.is_dir())
