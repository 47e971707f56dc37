"""The typed course model: authored content only, never learner state.

Front matter and YAML are checked against these pydantic models (structure and
types, unknown keys rejected); cross-references are checked in ``validation``.
Learner progress lives in the browser and never passes through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TRACK_IDS: tuple[str, ...] = ("sygeplejerske", "laerer", "socialraadgiver", "politi")
ALL_TRACKS = "alle"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Rating = Literal["god", "acceptabel", "uhensigtsmaessig"]
RATING_ORDER: dict[str, int] = {"god": 2, "acceptabel": 1, "uhensigtsmaessig": 0}


class Strict(BaseModel):
    """Base for authored data: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Source(Strict):
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1900, le=2100)  # None: undated web page
    url: str | None = None


class ModuleMeta(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    tracks: list[str] = Field(min_length=1)
    minutes: int = Field(ge=5, le=60)
    level: Literal[1, 2]
    objectives: list[str] = Field(min_length=1, max_length=8)
    prerequisites: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class Option(Strict):
    text: str = Field(min_length=1)
    next: str | None = None
    ending: str | None = None
    rating: Rating
    feedback: str = Field(min_length=1)
    source: str | None = None


class Step(Strict):
    text: str = Field(min_length=1)
    options: list[Option] = Field(min_length=1, max_length=6)


class Ending(Strict):
    title: str = Field(min_length=1)
    rating: Rating
    text: str = Field(min_length=1)


class TimingItem(Strict):
    minutes: int = Field(ge=1, le=120)
    activity: str = Field(min_length=1)


class Facilitator(Strict):
    goals: list[str] = Field(min_length=1)
    timing: list[TimingItem] = Field(min_length=1)
    debrief: list[str] = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)


class Scenario(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    tracks: list[str] = Field(min_length=1)
    level: Literal[1, 2]
    minutes: int = Field(ge=5, le=60)
    invented_for_training: Literal[True]
    content_note: str = Field(min_length=1)
    setting: str = Field(min_length=1)
    persona: str = Field(min_length=1)
    start: str
    steps: dict[str, Step] = Field(min_length=1)
    endings: dict[str, Ending] = Field(min_length=1)
    facilitator: Facilitator
    sources: list[Source] = Field(min_length=1)


class Track(Strict):
    id: str
    title: str = Field(min_length=1)
    audience: str = Field(min_length=1)
    description: str = ""
    pass_mark: int = Field(default=80, ge=1, le=100)
    items: list[str] = Field(min_length=1)


class GlossaryTerm(Strict):
    id: str = Field(pattern=SLUG)
    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    source: str | None = None


class PageMeta(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)


class CourseMeta(Strict):
    title: str = Field(min_length=1)
    subtitle: str = ""
    publisher: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    language: str = "da"
    content_note: str = Field(min_length=1)


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class Question:
    """One quiz question as the quiz plugin will render it."""

    text: str
    answers: tuple[Answer, ...]
    explanation: str | None
    line: int
    blanks: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if self.blanks:
            return "fill"
        return "multiple" if sum(a.correct for a in self.answers) > 1 else "single"


@dataclass(frozen=True)
class Link:
    """An internal link such as ``modul:at-spoerge`` found in authored Markdown."""

    scheme: str  # "" for a link to an anchor on the same page
    target: str
    line: int
    anchor: str | None = None


@dataclass(frozen=True)
class Module:
    meta: ModuleMeta
    body: str
    questions: tuple[Question, ...]
    links: tuple[Link, ...]
    path: Path
    key_lines: dict[str, int]  # front matter key -> source line, for cross-file problems
    anchors: tuple[str, ...] = ()  # ids of its headings, for links with a #fragment

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class Page:
    meta: PageMeta
    body: str
    links: tuple[Link, ...]
    path: Path
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Course:
    """The validated course. Outputs read only this, never the source files."""

    root: Path
    meta: CourseMeta
    modules: dict[str, Module]
    scenarios: dict[str, Scenario]
    tracks: dict[str, Track]
    glossary: tuple[GlossaryTerm, ...]
    pages: dict[str, Page]

    def minutes_of(self, item_id: str) -> int:
        item = self.modules.get(item_id)
        return item.meta.minutes if item else self.scenarios[item_id].minutes

    def track_minutes(self, track_id: str) -> int:
        return sum(self.minutes_of(i) for i in self.tracks[track_id].items)

    def track_hours(self, track_id: str) -> float:
        """Hours rounded to the nearest quarter, as printed on certificates."""
        return round(self.track_minutes(track_id) / 15) / 4


def applies_to(tracks: list[str], track_id: str) -> bool:
    return ALL_TRACKS in tracks or track_id in tracks
