"""The ``edition.yml`` format and the loaded edition that outputs read.

The file models are checked like every course file (unknown keys are errors, with did-you-mean);
phone numbers, files, links and dates are checked in :mod:`course.editions.loading`, where the
lines of the file are known.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from course.model import SLUG, Page, Strict

EditionKind = Literal["kommune", "region", "politikreds", "uddannelsessted"]
# Dates are lax so that a quoted "2027-06-01" works like an unquoted one (as in the claims ledger).
EditionDate = Annotated[dt.date, Field(strict=False)]
# An unquoted 12345678 is a number in YAML; a phone number is text either way.
PhoneText = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v)]


class Department(Strict):
    """One department's steps in the local beredskab (shown on "Sådan gør vi i ...")."""

    name: str = Field(min_length=1)
    tracks: list[str] = Field(default_factory=list)  # the role tracks it concerns; empty: everyone
    on_suspicion: list[str] = Field(min_length=1)  # steps when you suspect violence
    on_knowledge: list[str] = Field(min_length=1)  # steps when you know


class KeyPerson(Strict):
    """A key person by role and unit; a name is optional (people change jobs, roles stay)."""

    role: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    name: str | None = None
    phone: PhoneText | None = None
    email: str | None = None


class Beredskab(Strict):
    intro: str = Field(min_length=1)  # Markdown: what the plan covers, where the full text is
    departments: list[Department] = Field(min_length=1)
    key_persons: list[KeyPerson] = Field(default_factory=list)
    training: str | None = None  # Markdown: how the plan is part of introduction and training


class Contact(Strict):
    """One local contact on "Få hjælp", above the national lines."""

    unit: str = Field(min_length=1)
    helps_with: str = Field(min_length=1)
    phone: PhoneText
    hours: str = Field(min_length=1)
    when: str = Field(min_length=1)
    email: str | None = None


class EditionFile(Strict):
    """``edition.yml``."""

    id: str = Field(pattern=SLUG, max_length=40)
    name: str = Field(min_length=1, max_length=80)
    kind: EditionKind
    example: bool = False
    logo: str | None = None
    review_by: EditionDate
    beredskab: Beredskab
    contacts: list[Contact] = Field(default_factory=list)
    slots: dict[str, str] = Field(default_factory=dict)  # slot name -> Markdown file in the edition folder
    pages: list[str] = Field(default_factory=list)  # extra Markdown pages (front matter: id, title)
    scenarios: list[str] = Field(default_factory=list)  # extra scenarios (YAML), added to their tracks


@dataclass(frozen=True)
class Logo:
    """The checked logo. Its bytes are read once, by the loader, so no output re-reads the edition."""

    path: Path  # a regular file inside the edition folder
    media_type: Literal["image/png", "image/svg+xml"]
    data: bytes = field(default=b"", repr=False)

    @property
    def data_url(self) -> str:
        """How print embeds it: WeasyPrint draws a ``data:`` URL without fetching any file."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def suffix(self) -> str:
        return ".png" if self.media_type == "image/png" else ".svg"


@dataclass(frozen=True)
class Edition:
    """A checked edition, as the outputs read it (the course model carries it as ``course.edition``)."""

    spec: EditionFile
    folder: Path
    fills: dict[str, str] = field(default_factory=dict)  # slot name -> the edition's Markdown
    pages: dict[str, Page] = field(default_factory=dict)  # its own pages, by id
    scenario_ids: tuple[str, ...] = ()  # its scenarios (they are in course.scenarios and the tracks)
    logo: Logo | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def example(self) -> bool:
        return self.spec.example
