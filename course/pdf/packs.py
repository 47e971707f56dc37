"""Workshop packs: per scenario a facilitator guide and a participant handout, per track one pack.

The facilitator guide has everything (ratings, feedback, sources, endings,
debrief); the participant handout has the case and the choices only, so it can
be copied for the room without giving the answers away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from course.editions.credit import credit_lines, printed_course_title
from course.model import Course, Ending, Option, Scenario, Step, Track, applies_to
from course.pdf.renderer import PAGE_LABELS, PrintRenderer
from course.pdf.workers import map_in_workers
from course.validation.scenario_graph import best_path

STYLESHEETS = ["fonts.css", "print.css", PAGE_LABELS]


@dataclass(frozen=True)
class OptionView:
    option: Option
    leads_to: str
    best: bool


@dataclass(frozen=True)
class StepView:
    number: int
    step: Step
    options: list[OptionView]


@dataclass(frozen=True)
class EndingView:
    id: str
    ending: Ending


@dataclass(frozen=True)
class ScenarioView:
    """A scenario arranged for paper: numbered steps and where each option leads."""

    scenario: Scenario
    steps: list[StepView]
    endings: list[EndingView]
    track_titles: list[str]
    workshop_minutes: int


def scenario_view(course: Course, scenario: Scenario, strings: dict[str, str]) -> ScenarioView:
    numbers = {step_id: n for n, step_id in enumerate(scenario.steps, 1)}
    best = set(best_path(scenario))
    steps = []
    for step_id, step in scenario.steps.items():
        options = []
        for index, option in enumerate(step.options):
            if option.next:
                leads_to = f"{strings['step']} {numbers[option.next]}"
            else:
                leads_to = f"{strings['ending']}: {scenario.endings[option.ending or ''].title}"
            options.append(OptionView(option, leads_to, (step_id, index) in best))
        steps.append(StepView(numbers[step_id], step, options))
    return ScenarioView(
        scenario=scenario,
        steps=steps,
        endings=[EndingView(i, e) for i, e in scenario.endings.items()],
        track_titles=[t.title for t in course.tracks.values() if applies_to(scenario.tracks, t.id)],
        workshop_minutes=sum(item.minutes for item in scenario.facilitator.timing),
    )


def scenarios_of(course: Course, track: Track) -> list[Scenario]:
    return [course.scenarios[i] for i in track.items if i in course.scenarios]


class PackPrinter:
    def __init__(self, renderer: PrintRenderer, course: Course):
        self.renderer = renderer
        self.course = course

    def view(self, scenario: Scenario) -> ScenarioView:
        return scenario_view(self.course, scenario, self.renderer.strings)

    def scenario_html(self, scenario: Scenario, kind: str) -> str:
        t = self.renderer.strings
        title = t["print_for_facilitator"] if kind == "guide" else t["print_for_participants"]
        return self.renderer.html("scenario.html.j2", sc=self.view(scenario), kind=kind, kind_title=title,
                                  course_title=printed_course_title(self.course, t),
                                  credit=credit_lines(self.course, t))

    def track_html(self, track: Track) -> str:
        modules = [self.course.modules[i] for i in track.items if i in self.course.modules]
        return self.renderer.html(
            "track_pack.html.j2", track=track, scenarios=[self.view(s) for s in scenarios_of(self.course, track)],
            modules=modules, hours=self.course.track_hours(track.id), course_title=self.course.meta.title,
            footer_title=printed_course_title(self.course, self.renderer.strings),
            credit=credit_lines(self.course, self.renderer.strings))

    def write(self, html: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.renderer.write(html, STYLESHEETS, target)


def print_packs(course: Course, out_dir: Path, language: str, track_id: str | None = None,
                site_url: str | None = None, progress: Callable[[Path], None] = lambda path: None,
                workers: int | None = None) -> list[Path]:
    """Every scenario guide and handout, every track pack and every module handout, for one or all tracks.

    The PDFs are rendered in parallel worker processes, the longest (track packs) first.
    """
    from course.pdf.handouts import HandoutPrinter

    tracks = [course.tracks[track_id]] if track_id else list(course.tracks.values())
    scenario_ids = list(dict.fromkeys(i for t in tracks for i in t.items if i in course.scenarios))
    module_ids = list(dict.fromkeys(i for t in tracks for i in t.items if i in course.modules))
    jobs: list[tuple[str, str, Path]] = [("track", t.id, out_dir / "spor" / f"{t.id}-workshoppakke.pdf")
                                         for t in tracks]
    for sid in scenario_ids:
        jobs.append(("guide", sid, out_dir / "scenarier" / f"{sid}-facilitator.pdf"))
        jobs.append(("handout", sid, out_dir / "scenarier" / f"{sid}-deltager.pdf"))
    jobs += [("module", mid, out_dir / "moduler" / f"{mid}.pdf") for mid in module_ids]

    def work(renderer: PrintRenderer, job: tuple[str, str, Path]) -> Path:
        kind, item_id, target = job
        packs = PackPrinter(renderer, course)
        if kind == "track":
            html = packs.track_html(course.tracks[item_id])
        elif kind == "module":
            html = HandoutPrinter(renderer, course, site_url).html(course.modules[item_id])
        else:
            html = packs.scenario_html(course.scenarios[item_id], kind)
        packs.write(html, target)
        return target

    return map_in_workers(work, jobs, language=language, workers=workers, on_result=progress)


