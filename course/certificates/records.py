"""What a certificate states, and the signed code that proves it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from course.certificates.roster import Participant
from course.model import Course, Workshop

CODE_VERSION = "opspor1"
WORKSHOP_PREFIX = "workshop:"  # a workshop certificate's track_id is "workshop:<id>"


@dataclass(frozen=True)
class Certificate:
    """One participant's certificate; everything in ``signed_fields`` is covered by the signature."""

    id: str
    name: str
    track_id: str
    track_title: str
    hours: float
    date: dt.date
    issuer: str
    place: str = ""
    levels: tuple[int, ...] = ()
    scenarios: tuple[str, ...] = ()  # titles of a workshop's scenarios (printed, not signed)
    signatory: str = ""  # "Navn, titel" under the signature line (printed, not signed)
    roster_columns: tuple[tuple[str, str], ...] = ()  # the participant's roster row, for the register

    @property
    def is_workshop(self) -> bool:
        """Issued for one workshop (its title and hours), not for completing a whole track."""
        return self.track_id.startswith(WORKSHOP_PREFIX)

    def signed_fields(self, key_id: str) -> list[object]:
        return [CODE_VERSION, key_id, self.id, self.name, self.track_id, self.track_title,
                self.date.isoformat(), self.hours, self.issuer]


def certificate_id(name: str, track_id: str, date: dt.date, issuer: str, number: int) -> str:
    """Short, readable and stable: the same roster issued twice gives the same ids."""
    digest = hashlib.sha256(json.dumps([name, track_id, date.isoformat(), issuer, number]).encode()).digest()
    return f"{date:%Y%m%d}-{number:03d}-{base64.b32encode(digest).decode()[:4]}"


def _levels(course: Course, items: list[str]) -> tuple[int, ...]:
    return tuple(sorted({course.modules[i].meta.level if i in course.modules else course.scenarios[i].level
                         for i in items}))


def issue(course: Course, participants: list[Participant], track_id: str, date: dt.date,
          issuer: str, place: str = "", signatory: str = "") -> list[Certificate]:
    """Certificates for everyone on the roster, for completing one track of ``course``."""
    track = course.tracks[track_id]
    return [
        Certificate(id=certificate_id(p.name, track_id, date, issuer, number), name=p.name,
                    track_id=track_id, track_title=track.title, hours=course.track_hours(track_id),
                    date=date, issuer=issuer, place=place, levels=_levels(course, track.items),
                    signatory=signatory, roster_columns=p.columns)
        for number, p in enumerate(participants, 1)
    ]


def issue_for_workshop(course: Course, participants: list[Participant], workshop: Workshop, date: dt.date,
                       issuer: str, place: str = "", signatory: str = "") -> list[Certificate]:
    """Certificates for taking part in one workshop: its title and its own hours, never the track's."""
    track_id = f"{WORKSHOP_PREFIX}{workshop.id}"
    titles = tuple(course.scenarios[s].title for s in workshop.scenarios)
    levels = _levels(course, [*workshop.scenarios, *workshop.modules])
    return [
        Certificate(id=certificate_id(p.name, track_id, date, issuer, number), name=p.name,
                    track_id=track_id, track_title=workshop.title, hours=workshop.hours, date=date,
                    issuer=issuer, place=place, levels=levels, scenarios=titles, signatory=signatory,
                    roster_columns=p.columns)
        for number, p in enumerate(participants, 1)
    ]
