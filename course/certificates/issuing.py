"""Issuing certificates for a roster: read it, check the key, number and sign, lay out the PDFs and register.

The command line only parses options, chooses the output folder and shows progress; the
order of the work and what each failure means live here, so ``build.py certificates`` and
a test (or another front end) issue exactly the same certificates. Everything the user can
fix (the roster, the key, the signature scan) fails before a single PDF is laid out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from course.certificates.keys import load_private_key, signature_image
from course.certificates.records import Certificate, issue, issue_for_workshop
from course.certificates.roster import read_roster
from course.certificates.signing import key_id, raw_public_key
from course.errors import OpsporError
from course.model import Course, Workshop

NOTHING_WRITTEN = "No certificates were written."


@dataclass(frozen=True)
class Subject:
    """What the certificates state: a completed track, or taking part in a workshop (its own hours)."""

    track_id: str | None = None
    workshop: Workshop | None = None

    @property
    def name(self) -> str:
        """The track or workshop id, as the default output folder names it."""
        return self.workshop.id if self.workshop is not None else self.track_id or ""


@dataclass(frozen=True)
class CertificateRun:
    """A roster's certificates ready to be laid out: records in roster order, the key to sign them with."""

    course: Course
    records: list[Certificate]
    private_key: Ed25519PrivateKey
    signature: Path | None  # the issuer's scanned signature, printed above the line
    key_id: str

    @property
    def key_published(self) -> bool:
        """Whether the site's verify page (``course-key.pub``) knows this key, so it accepts these codes."""
        return self.key_id in self.course.public_keys


def issue_date(given: dt.date | None, subject: Subject, today: dt.date | None = None) -> dt.date:
    """The date on the certificates: the one given, else the workshop file's, else today."""
    if given is not None:
        return given
    if subject.workshop is not None and subject.workshop.date is not None:
        return subject.workshop.date
    return today or dt.date.today()


def default_folder_name(date: dt.date, subject: Subject, roster: Path) -> str:
    """``<date>-<track or workshop>-<roster name>``: one folder per run, found again by date and roster."""
    return f"{date.isoformat()}-{subject.name}-{roster.stem}"


def prepare_run(course: Course, subject: Subject, roster: Path, keys_folder: Path, *, date: dt.date,
                issuer: str | None = None, place: str | None = None,
                signatory: str | None = None) -> CertificateRun:
    """Read the roster and the issuer's key and number the certificates; nothing is written yet.

    ``issuer`` defaults to the edition's name, else the course publisher; ``place`` and
    ``signatory`` to the workshop file's. A roster or key problem is raised with the note that
    no certificates were written.
    """
    try:
        participants = read_roster(roster)
        private_key = load_private_key(keys_folder)
        signature = signature_image(keys_folder)
    except OpsporError as exc:
        exc.add_note(NOTHING_WRITTEN)
        raise
    who = issuer or (course.edition.name if course.edition is not None else course.meta.publisher)
    workshop = subject.workshop
    if workshop is not None:
        records = issue_for_workshop(course, participants, workshop, date, who,
                                     workshop.place if place is None else place,
                                     workshop.signatory if signatory is None else signatory)
    else:
        records = issue(course, participants, subject.track_id or "", date, who, place or "", signatory or "")
    return CertificateRun(course, records, private_key, signature, key_id(raw_public_key(private_key.public_key())))


def write_run(run: CertificateRun, folder: Path, site_url: str | None,
              progress: Callable[[int], None] = lambda n: None) -> Path:
    """Sign and lay out every certificate into ``folder`` (one PDF each, the combined PDF, the register CSV).

    Returns the combined PDF. The PDF layer is imported here, when there is something to lay out.
    """
    from course.certificates.signed import SignedCertificates
    from course.editions.credit import credit_lines
    from course.i18n import ui_strings
    from course.pdf.certificates import print_certificates

    course = run.course
    items = SignedCertificates(run.records, run.private_key, site_url)
    return print_certificates(items, folder, language=course.meta.language, course_title=course.meta.title,
                              course_subtitle=course.meta.subtitle,
                              credit=credit_lines(course, ui_strings(course.meta.language)),
                              progress=progress, signature=run.signature)
