"""The typed course model: authored content only, never learner state.

Front matter and YAML are checked against these pydantic models (structure and
types, unknown keys rejected); cross-references are checked in ``validation``.
Learner progress lives in the browser and never passes through this module.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:  # the edition model builds on Strict below
    from course.editions.model import Edition

TRACK_IDS: tuple[str, ...] = ("sygeplejerske", "laerer", "socialraadgiver", "politi")
ALL_TRACKS = "alle"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Rating = Literal["god", "acceptabel", "uhensigtsmaessig"]
RATING_ORDER: dict[str, int] = {"god": 2, "acceptabel": 1, "uhensigtsmaessig": 0}
PASSING_RATINGS: tuple[str, ...] = ("god", "acceptabel")  # an ending rated so passes its scenario


class Strict(BaseModel):
    """Base for authored data: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


@dataclass(frozen=True)
class SourceLines:
    """Where the values of one YAML source file are: the file and the line of each key path.

    The loader fills it; checks that span files (a track naming a missing module, a
    scenario option pointing nowhere) report ``path:line`` from it, so they need the
    model only and never the parser. ``()`` is the document itself.
    """

    path: str  # relative to the course root, as problems show it
    lines: Mapping[tuple[Any, ...], int] = field(default_factory=dict, hash=False)

    def line_of(self, key_path: tuple[Any, ...]) -> int:
        """The line of ``key_path`` or of its nearest located ancestor (1 when nothing is known)."""
        key_path = tuple(key_path)
        while key_path and key_path not in self.lines:
            key_path = key_path[:-1]
        return self.lines.get(key_path, 1)


class FromYaml(Strict):
    """An authored YAML document (scenario, track, workshop) that knows where its values are.

    The source is a private attribute, set by the loader and never read from the file,
    so an author cannot write it and it is not part of the data that outputs print.
    """

    _source: SourceLines | None = PrivateAttr(default=None)

    @property
    def source(self) -> SourceLines:
        """Where it was read from; a model built in code (tests, views) has no lines and shows its id."""
        return self._source or SourceLines(f"<{getattr(self, 'id', type(self).__name__)}>")

    def placed(self, source: SourceLines) -> Self:
        """Record where it was read from (the loader calls this once); returns the same object."""
        self._source = source
        return self


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


OPTION_REF = r"^[a-z0-9]+(-[a-z0-9]+)*\.[1-9][0-9]?$"
OptionRef = Annotated[str, Field(pattern=OPTION_REF)]


class EndingNote(Strict):
    """A paragraph of an ending shown only when the learner's path matches.

    An ending reached by several paths must not tell a learner what they did not do (for example
    "she was asked alone" after the learner asked in front of the partner). References are
    ``<step id>.<option number>``, numbered from 1 as the text version prints them; `check`
    validates them. ``if_chosen``: shown when any of them was chosen on the way; ``unless_chosen``:
    shown when none was. With both, both must hold.
    """

    text: str = Field(min_length=1)
    if_chosen: list[OptionRef] = Field(default_factory=list)
    unless_chosen: list[OptionRef] = Field(default_factory=list)

    def shown_for(self, chosen: set[tuple[str, int]]) -> bool:
        """Is this note shown for a path that chose these (step id, 0-based option index) pairs?"""
        def refs(items: list[str]) -> set[tuple[str, int]]:
            return {option_ref(item) for item in items}
        return (not self.if_chosen or bool(refs(self.if_chosen) & chosen)) and not refs(self.unless_chosen) & chosen


def option_ref(ref: str) -> tuple[str, int]:
    """``"alene.2"`` -> ``("alene", 1)``: the step id and the 0-based option index."""
    step_id, _, number = ref.rpartition(".")
    return step_id, int(number) - 1


class Ending(Strict):
    title: str = Field(min_length=1)
    rating: Rating
    text: str = Field(min_length=1)
    notes: list[EndingNote] = Field(default_factory=list)


class TimingItem(Strict):
    minutes: int = Field(ge=1, le=120)
    activity: str = Field(min_length=1)


class Facilitator(Strict):
    goals: list[str] = Field(min_length=1)
    timing: list[TimingItem] = Field(min_length=1)
    debrief: list[str] = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)


class Scenario(FromYaml):
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


class Track(FromYaml):
    id: str
    title: str = Field(min_length=1)
    audience: str = Field(min_length=1)
    description: str = ""
    pass_mark: int = Field(default=80, ge=1, le=100)
    items: list[str] = Field(min_length=1)


AgendaPart = Literal["intro", "module", "scenario", "break", "debrief", "test", "evaluation"]


class AgendaItem(Strict):
    """One timed part of a workshop; ``scenario``/``module`` say which one a scenario or module part plays."""

    part: AgendaPart
    minutes: int = Field(ge=1, le=240)
    scenario: str | None = None
    module: str | None = None
    note: str | None = Field(default=None, min_length=1)  # what happens, printed in the agenda


class Workshop(FromYaml):
    """``workshops/<id>.yml``: a session a trainer runs from paper (agenda, guides, handouts, tests)."""

    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    track: str
    minutes: int = Field(ge=30, le=480)  # the whole session; the agenda must add up to it
    scenarios: list[str] = Field(min_length=1)
    modules: list[str] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(min_length=1)
    date: Annotated[dt.date, Field(strict=False)] | None = None  # default date: sign-in sheet, certificates
    place: str = ""
    signatory: str = ""  # "Navn, titel": printed under the signature line of the certificates
    test_questions: int = Field(default=8, ge=2, le=30)  # questions in the pre/post test

    @property
    def hours(self) -> float:
        """Hours rounded to the nearest quarter, as printed on certificates."""
        return round(self.minutes / 15) / 4


class GlossaryTerm(Strict):
    id: str = Field(pattern=SLUG)
    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    source: str | None = None


class PageMeta(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)


class ClaimsSettings(Strict):
    # false only while a course is being migrated to a ledger: uncovered claims are then warnings
    enforce: bool = True


ShellName = Literal["mkdocs", "native"]
SHELL_NAMES: tuple[str, ...] = ("mkdocs", "native")


class CourseMeta(Strict):
    title: str = Field(min_length=1)
    subtitle: str = ""
    publisher: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    language: str = "da"
    version: str = Field(default="1.0", pattern=r"^[0-9]+(\.[0-9]+){0,2}$")  # in package names and manifests
    content_note: str = Field(min_length=1)
    claims: ClaimsSettings = ClaimsSettings()
    # the HTML shell that turns the docs tree into pages (`build --shell` overrides it)
    shell: ShellName = "mkdocs"
    # where the site is published (https://...): absolute addresses in the sitemap, and the folder a web
    # server's not-found page links from; empty when unknown (the site works from any folder or file://)
    site_url: str = Field(default="", pattern=r"^(https://[^\s/]+(/\S*)?)?$")


REGEX_PREFIX = "re:"
ClaimStatus = Literal["verified", "interpretation", "check-locally"]


def match_pattern(phrase: str) -> re.Pattern[str]:
    """A ledger ``match`` phrase as a case-insensitive pattern.

    ``re:...`` is a Python regex; anything else is literal text in which any run
    of whitespace matches any run of whitespace (line breaks, non-breaking spaces).
    """
    if phrase.startswith(REGEX_PREFIX):
        return re.compile(phrase[len(REGEX_PREFIX):], re.IGNORECASE)
    return re.compile(r"\s+".join(re.escape(word) for word in phrase.split()), re.IGNORECASE)


def _valid_phrase(phrase: str) -> str:
    if not phrase.strip() or phrase.strip() == REGEX_PREFIX:
        raise ValueError("empty match phrase")
    try:
        pattern = match_pattern(phrase)
    except re.error as exc:
        raise ValueError(f"invalid regular expression after 're:': {exc}") from None
    if pattern.fullmatch(""):
        raise ValueError("the pattern matches empty text, so it would cover nothing")
    return phrase


MatchPhrase = Annotated[str, AfterValidator(_valid_phrase)]
# Dates are lax so that a quoted "2026-12-01" works like an unquoted one; "2026-13-01" is still an error.
LedgerDate = Annotated[dt.date, Field(strict=False)]


class ClaimSource(Strict):
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    section: str | None = Field(default=None, min_length=1)  # a statute's paragraph; a web page may have none
    read: LedgerDate


class Claim(Strict):
    """One entry of ``claims.yml``: a statement the course makes and the primary source it rests on."""

    id: str = Field(pattern=SLUG)
    states: str = Field(min_length=1)
    match: list[MatchPhrase] = Field(min_length=1)
    source: ClaimSource
    verified: LedgerDate
    review_by: LedgerDate
    status: ClaimStatus
    note: str | None = None

    def patterns(self) -> list[re.Pattern[str]]:
        return [match_pattern(phrase) for phrase in self.match]


@dataclass(frozen=True)
class LedgerEntry:
    """A ledger entry and where it is in claims.yml (for warnings about phrases that match nothing)."""

    claim: Claim
    line: int
    match_lines: tuple[int, ...]


@dataclass(frozen=True)
class TextPlace:
    """Where the characters of one authored text came from: ``(offset, source line)`` at each line start.

    Lets a check report the exact file line of a word found inside a multi-line
    YAML string or Markdown paragraph.
    """

    starts: tuple[tuple[int, int], ...]

    def line_at(self, offset: int) -> int:
        index = bisect.bisect_right([start for start, _ in self.starts], offset) - 1
        return self.starts[max(index, 0)][1]


@dataclass(frozen=True)
class YamlText:
    """One string value of a YAML source (course.yml, front matter, scenario, glossary, track)."""

    path: str  # relative to the course root
    key: tuple[str | int, ...]  # key path inside the file, e.g. ("steps", "ankomst", "text")
    text: str
    place: TextPlace


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class Question:
    """One authored ``<quiz>`` question, answers in authored order with the key.

    The site shuffles the answers per learner and attempt; print, handouts and QTI keep this order.
    """

    text: str
    answers: tuple[Answer, ...]
    explanation: str | None
    line: int

    @property
    def kind(self) -> str:
        return "multiple" if sum(a.correct for a in self.answers) > 1 else "single"


@dataclass(frozen=True)
class Link:
    """An internal link such as ``modul:at-spoerge`` found in authored Markdown."""

    scheme: str  # "" for a link to an anchor on the same page
    target: str
    line: int
    anchor: str | None = None


@dataclass(frozen=True)
class SlotUse:
    """A ``!!! lokal "name"`` slot in a module: where a local edition may put its own procedure."""

    name: str
    line: int
    default: str  # the national default text (Markdown)


@dataclass(frozen=True)
class Module:
    meta: ModuleMeta
    body: str
    questions: tuple[Question, ...]
    links: tuple[Link, ...]
    path: Path
    key_lines: dict[str, int]  # front matter key -> source line, for cross-file problems
    anchors: tuple[str, ...] = ()  # ids of its headings, for links with a #fragment
    body_line: int = 1  # file line of the body's first line
    slots: tuple[SlotUse, ...] = ()  # its local slots, in order

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
    body_line: int = 1


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
    claims: tuple[LedgerEntry, ...] = ()  # the claims ledger (claims.yml); empty when the course has none
    yaml_texts: tuple[YamlText, ...] = ()  # every YAML string with its source lines, for text checks
    # course links in the YAML strings of scenarios, tracks, glossary and course.yml, by file
    yaml_links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    workshops: dict[str, Workshop] = field(default_factory=dict)  # workshops/*.yml
    # the issuer's public keys (course-key.pub), key id -> raw Ed25519 key: the verify page and `verify`
    public_keys: dict[str, bytes] = field(default_factory=dict)
    edition: Edition | None = None  # the local edition built into this course (build.py --edition), if any

    def slot_names(self) -> dict[str, list[str]]:
        """Every slot name the modules declare -> the ids of the modules that declare it."""
        found: dict[str, list[str]] = {}
        for module in self.modules.values():
            for slot in module.slots:
                found.setdefault(slot.name, [])
                if module.id not in found[slot.name]:
                    found[slot.name].append(module.id)
        return found

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
