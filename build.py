#!/usr/bin/env python3
"""Opspor's command line: a thin layer over the ``course`` package.

Run ``python build.py --help`` for the commands.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from course.atomic_output import prepare_folder, replaced_on_success
from course.diagnostics import did_you_mean
from course.errors import OpsporError
from course.loading import load_course
from course.model import SHELL_NAMES, SLUG, TRACK_IDS, Course, ShellName, Workshop
from course.output_safety import OutputPolicy, check_output
from course.output_safety import course_output_policy as _course_policy

PROJECT = Path(__file__).resolve().parent
_EDITION = "opspor.edition"  # ctx.meta key: the --edition folder, or None
_SLUG = re.compile(SLUG)


class EditionFolder(click.ParamType):
    """``--edition DIR``: a folder holding ``edition.yml`` (the folder's name is the edition's id).

    Only the folder is checked here, so a typo fails before any work; its contents are checked
    with the course (``course.editions.loading``), every problem as path:line.
    """

    name = "DIR"

    def convert(self, value, param, ctx) -> Path:
        path = Path(value)
        if not path.is_dir():
            self.fail(f"{value}: no such folder (an edition is a folder with edition.yml, "
                      "e.g. editions/eksempel)", param, ctx)
        if not (path / "edition.yml").exists():
            self.fail(f"{path / 'edition.yml'}:1: missing edition.yml; start from a copy of editions/eksempel/",
                      param, ctx)
        if not _SLUG.match(path.resolve().name):
            self.fail(f"{value}: the folder name is the edition's id and must be a slug (a-z, 0-9 and '-'), "
                      "e.g. editions/vejle", param, ctx)
        return path.resolve()


class TrackId(click.ParamType):
    """``--track ID``: one of the course's track ids, checked while the options are parsed.

    A typo is a usage error before any work, with the closest id and the list; the ids are
    the model's (every course's tracks are among them), so no source is read to check it.
    """

    name = "TRACK"

    def convert(self, value, param, ctx) -> str:
        if value in TRACK_IDS:
            return value
        self.fail(f"unknown track {value!r}{did_you_mean(str(value), TRACK_IDS)}; "
                  f"tracks: {', '.join(TRACK_IDS)}", param, ctx)

    def get_metavar(self, param, ctx=None) -> str:
        return "|".join(TRACK_IDS)


class PrintedLine(click.ParamType):
    """``--issuer``, ``--place``, ``--signatory``: one line printed on every certificate (the issuer
    signed into its code too).

    Held to a roster name's rules (``course.certificates.roster``: spacing and Unicode form
    normalised, no control or direction characters, at most 100 characters, something to read)
    and to the certificate fonts, so a pasted control character or a 10,000-character paste fails
    here, before a key is read or a PDF made, not as a broken certificate.
    """

    name = "TEXT"

    def convert(self, value, param, ctx) -> str:
        from course.certificates.roster import clean_name, name_problem
        from course.pdf.glyphs import unprintable

        text = clean_name(str(value))
        problem = name_problem(text) or unprintable(text)
        if problem:
            self.fail(problem.replace("the name", "the text", 1), param, ctx)
        return text


def _in_course(course: Course, track_id: str) -> str:
    """A valid track id that this course (or edition) has no file for is the same usage error."""
    if track_id not in course.tracks:
        raise click.BadParameter(f"unknown track {track_id!r}; this course's tracks: {', '.join(course.tracks)}",
                                 param_hint="'--track'")
    return track_id


@contextmanager
def _noted(note: str) -> Iterator[None]:
    """Add what a failure means for this command's output (e.g. the previous site is kept) to its message."""
    try:
        yield
    except OpsporError as exc:
        exc.add_note(note)
        raise


def _edition_folder() -> Path | None:
    return click.get_current_context().meta.get(_EDITION)


def _output_base(course_root: Path) -> Path:
    """Where outputs go by default: ``build/`` for the national course, ``build/udgave-<id>/`` for an
    edition (so several editions and the national course can be built side by side)."""
    edition = _edition_folder()
    return course_root / "build" / f"udgave-{edition.name}" if edition else course_root / "build"


def _site_default(course_root: Path) -> Path:
    edition = _edition_folder()
    return _output_base(course_root) / "site" if edition else course_root / "site"


def _load(root: Path) -> Course:
    """The checked course, with the ``--edition`` built in when one is given."""
    from course.editions.loading import load_edition

    edition = _edition_folder()
    course = load_course(root)  # a CourseError lists every problem (see _Cli)
    if edition is None:
        return course
    course, warnings = load_edition(course, edition)
    for warning in warnings:
        click.echo(str(warning), err=True)
    return course


def _policy(course_root: Path, kind: str, default: Path, **options) -> OutputPolicy:
    """The command's output policy; an edition's folder is protected like the course's sources."""
    edition = _edition_folder()
    if edition is not None:
        options["protected"] = (*options.get("protected", ()), (edition, "the edition folder"))
    return _course_policy(course_root, kind, default, **options)


class _Cli(click.Group):
    """The top command: an author's or user's mistake is a message and an exit code, never a traceback.

    Every error the user can act on is an :class:`course.errors.OpsporError` (a source problem,
    a refused or unwritable output folder, a roster, a key, a missing set-up step): its lines go
    to stderr (``Error: ...``, ``path:line: ...``) and it exits with its ``exit_code``, so no
    command lists exception classes. Anything else is a bug in Opspor: one line saying so and
    exit 2, with the traceback only on request (``OPSPOR_DEBUG=1``), so real bugs are neither
    hidden nor dumped on authors.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OpsporError as exc:
            for line in exc.report_lines():
                click.echo(line, err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None
        except Exception as exc:
            if os.environ.get("OPSPOR_DEBUG"):
                raise
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            click.echo(f"Internal error: {type(exc).__name__}: {first}", err=True)
            click.echo("This is a bug in Opspor, not in your course. Run again with OPSPOR_DEBUG=1 "
                       "for the details and report them.", err=True)
            ctx.exit(2)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--course", "course_root", type=click.Path(file_okay=False, path_type=Path),
              default=PROJECT, show_default="this folder", help="Folder holding course.yml, modules/, ...")
@click.option("--edition", "edition", type=EditionFolder(), default=None,
              help="A local edition (a folder with edition.yml, e.g. editions/eksempel): build, packs, "
                   "certificates, package and check then carry it; outputs go to build/udgave-<id>/.")
@click.pass_context
def cli(ctx: click.Context, course_root: Path, edition: Path | None) -> None:
    """Compile the Opspor course: check sources, build the site, print and package it."""
    ctx.obj = course_root.resolve()
    ctx.meta[_EDITION] = edition


def _check_claims(course: Course) -> str:
    """Run the claims-ledger coverage check; fail on uncovered claims unless the course defers it."""
    from course.claims.coverage import check_claims

    report = check_claims(course)
    for problem in report.stale:
        click.echo(str(problem), err=True)
    enforced = course.meta.claims.enforce
    for problem in report.uncovered:
        click.echo(str(problem) if enforced else f"{problem.path}:{problem.line}: warning: {problem.message}",
                   err=True)
    summary = (f"{report.covered} of {report.tokens} claims (§, phone numbers, percentages, deadlines) "
               f"covered by {len(course.claims)} ledger entries")
    if report.uncovered and enforced:
        raise click.ClickException(f"{len(report.uncovered)} claims without a source in claims.yml; {summary}")
    if report.uncovered:
        summary += f"; {len(report.uncovered)} not yet (claims.enforce is false in course.yml)"
    return summary


@cli.command()
@click.pass_obj
def check(course_root: Path) -> None:
    """Validate every module, scenario and track; print path:line: message for each problem."""
    course = _load(course_root)
    claims = _check_claims(course)
    questions = sum(len(m.questions) for m in course.modules.values())
    click.echo(f"OK: {len(course.modules)} modules ({questions} quiz questions), "
               f"{len(course.scenarios)} scenarios, {len(course.tracks)} tracks, "
               f"{len(course.workshops)} workshops; {claims}")
    if course.edition is not None:
        e = course.edition
        click.echo(f"Edition '{e.id}' ({e.name}{', example' if e.example else ''}): {len(e.fills)} of "
                   f"{len(course.slot_names())} slots filled, {_count(len(e.pages), 'page')}, "
                   f"{_count(len(e.spec.contacts), 'contact')}, {_count(len(e.scenario_ids), 'scenario')}; "
                   f"review by {e.spec.review_by.isoformat()}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command()
@click.option("--due", "only_due", is_flag=True, help="Only entries past review_by; exit 1 if there are any.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), envvar="OPSPOR_TODAY", default=None,
              help="The date to compare review_by with (env OPSPOR_TODAY; default: today).")
@click.pass_obj
def claims(course_root: Path, only_due: bool, today) -> None:
    """List the claims ledger (claims.yml): id, status, review_by, source."""
    import datetime as dt

    from course.claims.listing import due, ledger_table

    course = _load(course_root)
    date = today.date() if today else dt.date.today()
    entries = due(course.claims, date) if only_due else list(course.claims)
    if only_due and not entries:
        click.echo(f"No ledger entries are past review_by ({date.isoformat()}).")
        return
    if not entries:
        click.echo(f"No claims ledger: add claims.yml beside glossary.yml in {course_root}.")
        return
    for row in ledger_table(entries):
        click.echo(row)
    if only_due:
        click.echo(f"{len(entries)} of {len(course.claims)} entries are past review_by ({date.isoformat()}): "
                   "re-read each source and update verified and review_by.", err=True)
        sys.exit(1)


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site/ beside the course).")
@click.option("--shell", type=click.Choice(SHELL_NAMES), default=None,
              help="The HTML shell (default: 'shell' in course.yml, else mkdocs).")
@click.pass_obj
def build(course_root: Path, out: Path | None, shell: ShellName | None) -> None:
    """Check, then build the static site; the previous site stays if anything fails."""
    from course.site import build_site

    started = time.perf_counter()
    target = out or _site_default(course_root)
    policy = _policy(course_root, "site", _site_default(course_root))
    check_output(target, policy)  # before any work: a refused folder costs nothing
    course = _load(course_root)
    _check_claims(course)
    with replaced_on_success(target, policy) as staging, _noted("The previous site is unchanged."):
        pages = build_site(course, PROJECT, staging, shell=shell)
    click.echo(f"Built {pages} pages into {target} in {time.perf_counter() - started:.1f} s")


@cli.command()
@click.option("--port", default=8000, show_default=True)
@click.pass_obj
def serve(course_root: Path, port: int) -> None:
    """Live preview on 127.0.0.1: rebuilds when a module, scenario, track or page changes."""
    from course.preview import serve_preview

    serve_preview(course_root, PROJECT, port, echo=click.echo, edition=_edition_folder(),
                  site_dir=_site_default(course_root))


@cli.group()
def package() -> None:
    """Packages: SCORM per track for an LMS, an offline zip, QTI question banks."""


_OUT_OPTION = click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Output folder (default: build/packages/ beside the course).")


def _out_folder(course_root: Path, out: Path | None) -> tuple[Path, OutputPolicy]:
    """The packages folder (checked before any work) and what may be written there."""
    default = _output_base(course_root) / "packages"
    folder = out or default
    policy = _policy(course_root, "packages", default)
    check_output(folder, policy)
    return folder, policy


def _write_scorm(course: Course, out: Path, track_id: str, version: str) -> None:
    """Build the track's own site (its modules and scenarios only) and pack it."""
    from course.packaging.scorm_package import package_name, write_scorm_package
    from course.packaging.site_snapshot import built_site
    from course.packaging.track_view import track_course

    view = track_course(course, track_id)
    target = out / package_name(track_id, version, course.meta.version,
                                course.edition.id if course.edition else None)
    with built_site(view, PROJECT) as site:
        result = write_scorm_package(view, track_id, version, site, PROJECT, target)
    click.echo(f"SCORM {version} {track_id}: {result.path} ({result.size / 1e6:.2f} MB, {result.files} files)")


def _write_offline(course: Course, site: Path, out: Path) -> None:
    from course.packaging.offline_bundle import bundle_folder, write_offline_bundle

    result = write_offline_bundle(course, site, out / f"{bundle_folder(course)}-offline.zip")
    click.echo(f"Offline: {result.path} ({result.size / 1e6:.1f} MB, {result.files} files, "
               f"start page '{result.start_page}', longest path {result.longest_path} characters)")


def _write_qti(course: Course, out: Path) -> None:
    from course.packaging.qti_export import write_question_banks

    qti = out / "qti"
    with replaced_on_success(qti, _policy(course.root, "qti", qti)) as staging:
        staging.mkdir(parents=True)
        banks = write_question_banks(course, staging)
    questions = sum(b.questions for b in banks)
    click.echo(f"QTI 1.2: {len(banks)} question banks ({questions} questions) in {out / 'qti'}")


@package.command("scorm")
@click.option("--track", "track_id", type=TrackId(), required=True, help="Track id, e.g. sygeplejerske.")
@click.option("--version", "version", type=click.Choice(["1.2", "2004"]), default="1.2", show_default=True,
              help="SCORM 1.2 (Moodle and most LMSs) or SCORM 2004 4th edition.")
@_OUT_OPTION
@click.pass_obj
def package_scorm(course_root: Path, track_id: str, version: str, out: Path | None) -> None:
    """One track as a SCORM package (zip) for upload to an LMS."""
    folder, policy = _out_folder(course_root, out)
    course = _load(course_root)
    _write_scorm(course, prepare_folder(folder, policy), _in_course(course, track_id), version)


@package.command("offline")
@_OUT_OPTION
@click.pass_obj
def package_offline(course_root: Path, out: Path | None) -> None:
    """The whole site as one zip: unzip, double-click the start page, no network needed; every printed
    PDF (packs, workshop kits) in its Materialer folder, listed on "Om kurset"."""
    from course.packaging.site_snapshot import built_site

    folder, policy = _out_folder(course_root, out)
    course = _load(course_root)
    with built_site(course, PROJECT, with_materials=True) as site:
        _write_offline(course, site, prepare_folder(folder, policy))


@package.command("qti")
@_OUT_OPTION
@click.pass_obj
def package_qti(course_root: Path, out: Path | None) -> None:
    """Every module's questions as QTI 1.2 question banks (one zip per module) in qti/."""
    folder, policy = _out_folder(course_root, out)
    course = _load(course_root)
    _write_qti(course, prepare_folder(folder, policy))


@package.command("all")
@_OUT_OPTION
@click.pass_obj
def package_all(course_root: Path, out: Path | None) -> None:
    """SCORM 1.2 for every track (each from its track's own site), the offline zip and the QTI banks."""
    from course.packaging.site_snapshot import built_site

    started = time.perf_counter()
    folder, policy = _out_folder(course_root, out)
    course = _load(course_root)
    prepare_folder(folder, policy)
    for track_id in course.tracks:
        _write_scorm(course, folder, track_id, "1.2")
    with built_site(course, PROJECT, with_materials=True) as site:
        _write_offline(course, site, folder)
    _write_qti(course, folder)
    click.echo(f"Packages in {folder} in {time.perf_counter() - started:.1f} s")


# --- Printed material and certificates (course/pdf, course/certificates) ---

def _site_url_option(func):
    return click.option("--site-url", envvar="OPSPOR_SITE_URL", default=None, metavar="URL",
                        help="Address of the published site (env OPSPOR_SITE_URL); QR codes and "
                             "handouts link to it. Without it the QR code holds the bare code.")(func)


@cli.command()
@click.option("--track", "track_id", type=TrackId(), default=None,
              help="Only this track's scenarios, modules and pack.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/pdf/ beside the course).")
@_site_url_option
@click.pass_obj
def packs(course_root: Path, track_id: str | None, out: Path | None, site_url: str | None) -> None:
    """Workshop packs (facilitator guide + participant handout per scenario, one pack per track)
    and a printable handout per module."""
    from course.pdf.packs import carry_workshop_kits, print_packs

    started = time.perf_counter()
    target = out or _output_base(course_root) / "pdf"
    policy = _policy(course_root, "pdf", _output_base(course_root) / "pdf")
    check_output(target, policy)
    course = _load(course_root)
    if track_id:
        _in_course(course, track_id)
    with replaced_on_success(target, policy) as staging:
        written = print_packs(course, staging, course.meta.language, track_id, site_url)
        kept = carry_workshop_kits(target, staging)
    click.echo(f"Printed {len(written)} PDFs into {target} in {time.perf_counter() - started:.1f} s"
               + (f"; kept {kept} workshop kits printed earlier" if kept else ""))


def _workshop(course: Course, workshop_id: str) -> Workshop:
    if workshop_id not in course.workshops:
        known = ", ".join(course.workshops) or "none (add workshops/<id>.yml)"
        raise click.ClickException(f"no workshop '{workshop_id}'; workshops: {known}")
    return course.workshops[workshop_id]


@cli.command()
@click.argument("workshop_id", metavar="WORKSHOP")
@click.option("--roster", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="CSV of the participants, for the sign-in sheet (same format as for certificates).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/pdf/workshops/<id>/ beside the course; "
                   "build/udgave-<edition>/pdf/workshops/<id>/ with --edition).")
@click.option("--date", "held", type=click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]),
              default=None, help="Date of the workshop (default: the date in the workshop file).")
@click.option("--place", type=PrintedLine(), default=None,
              help="Where it is held (default: the place in the workshop file).")
@_site_url_option
@click.pass_obj
def workshop(course_root: Path, workshop_id: str, roster: Path | None, out: Path | None, held,
             place: str | None, site_url: str | None) -> None:
    """The printed kit for one workshop (workshops/<id>.yml): agenda, trainer guide, scenario guides and
    gamebook handouts, sign-in sheet, pre/post test with a separate answer key, evaluation form."""
    from course.certificates.roster import read_roster
    from course.pdf.workshop_kit import kit_folder, print_workshop_kit

    started = time.perf_counter()
    if not _SLUG.match(workshop_id):  # never a path: checked before it names the kit's folder
        raise click.ClickException(f"no workshop {workshop_id[:80]!r}: ids are a-z, 0-9 and '-'")
    default = kit_folder(_output_base(course_root) / "pdf", workshop_id)
    target = out or default
    policy = _policy(course_root, "workshop", default,
                     protected=((roster, "the roster"),) if roster else ())
    check_output(target, policy)
    course = _load(course_root)
    chosen = _workshop(course, workshop_id)
    with _noted("Nothing was printed."):
        participants = read_roster(roster) if roster else None
    if out is None:  # build/pdf/ is the packs' output: mark it so, so 'packs' may replace it (keeping the kit)
        prepare_folder(default.parent.parent, _policy(course_root, "pdf", default.parent.parent))
    with replaced_on_success(target, policy) as staging:
        written = print_workshop_kit(course, chosen, staging,
                                     language=course.meta.language, roster=participants,
                                     date=held.date() if held else None, place=place, site_url=site_url)
    click.echo(f"Printed {len(written)} PDFs for workshop '{workshop_id}' into {target} "
               f"in {time.perf_counter() - started:.1f} s")


@cli.command()
@click.option("--roster", type=click.Path(path_type=Path), required=True,  # checked by read_roster
              help="CSV with a name column (navn/name, or fornavn+efternavn); ';' or ',' separated.")
@click.option("--track", "track_id", type=TrackId(), default=None,
              help="Track id, e.g. sygeplejerske: for completing the track.")
@click.option("--workshop", "workshop_id", default=None,
              help="Workshop id (workshops/<id>.yml): for taking part in that workshop, with its own hours.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/kursusbeviser/<date>-<track or workshop>-<roster name>/).")
@click.option("--date", "issued", type=click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]),
              default=None, help="Date of the workshop, e.g. 2026-11-27 or 27.11.2026 "
                                 "(default: the workshop file's date, else today).")
@click.option("--place", type=PrintedLine(), default=None,
              help="Where the workshop was held (default: the workshop file's place).")
@click.option("--issuer", type=PrintedLine(), default=None,
              help="Who issues the certificates (default: the course publisher, or the --edition's name).")
@click.option("--signatory", type=PrintedLine(), default=None,
              help="Who signs, as 'Navn, titel', printed under the signature line (default: the workshop "
                   "file's signatory). A scan keys/signatur.png (or .jpg) is printed above the line.")
@click.option("--keys", "keys_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the issuer's private key (default: keys/ beside the course).")
@click.option("--force", is_flag=True, help="Replace certificates issued earlier into the same folder.")
@_site_url_option
@click.pass_obj
def certificates(course_root: Path, roster: Path, track_id: str | None, workshop_id: str | None, out: Path | None,
                 issued, place: str | None, issuer: str | None, signatory: str | None, keys_dir: Path | None,
                 force: bool, site_url: str | None) -> None:
    """Signed certificates for everyone on a roster: one PDF each plus one combined PDF.

    --track states that the track was completed (the track's hours); --workshop states that the
    participant took part in that workshop (the workshop's own hours and scenarios).
    """
    from course.certificates.issuing import Subject, default_folder_name, issue_date, prepare_run, write_run

    started = time.perf_counter()
    if (track_id is None) == (workshop_id is None):
        raise click.UsageError("give exactly one of --track (completed the track) or --workshop (took part)")
    course: Course | None = None
    subject = Subject(track_id=track_id)
    if workshop_id is not None:  # its date and place are the defaults, and its date names the folder
        course = _load(course_root)
        subject = Subject(workshop=_workshop(course, workshop_id))
    date = issue_date(issued.date() if issued else None, subject)
    default = _output_base(course_root) / "kursusbeviser" / default_folder_name(date, subject, roster)
    target = out or default
    keys_folder = keys_dir or course_root / "keys"
    policy = _policy(course_root, "certificates", default, replace_existing=force,
                     hint=" (add --force to replace them)",
                     protected=((roster, "the roster"), (keys_folder, "the issuer's key folder")))
    check_output(target, policy)
    course = course or _load(course_root)
    if track_id is not None:
        _in_course(course, track_id)
    run = prepare_run(course, subject, roster, keys_folder, date=date, issuer=issuer, place=place,
                      signatory=signatory)
    if not run.key_published:
        click.echo(f"Warning: key {run.key_id} is not in {course_root / 'course-key.pub'}; the site's verify page "
                   "will not accept these certificates until it is.", err=True)
    if not site_url:
        click.echo("Note: no --site-url, so the QR codes hold the bare code (paste it on the verify page).",
                   err=True)
    with click.progressbar(length=len(run.records), label="Certificates", file=sys.stderr) as bar, \
            replaced_on_success(target, policy) as staging:
        combined = write_run(run, staging, site_url, progress=bar.update)
    click.echo(f"{len(run.records)} certificates into {target} (all in {target / combined.name}) "
               f"in {time.perf_counter() - started:.1f} s")


@cli.group()
def keys() -> None:
    """The certificate issuer's Ed25519 key pair."""


@keys.command("init")
@click.option("--keys", "keys_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the private key (default: keys/ beside the course; git-ignored).")
@click.pass_obj
def keys_init(course_root: Path, keys_dir: Path | None) -> None:
    """Create the issuer's key pair: private key in keys/, public key appended to course-key.pub."""
    from course.certificates.keys import init_keys, public_keys_path

    private_path, kid = init_keys(keys_dir or course_root / "keys", course_root,
                                  forbidden=[course_root / "site", course_root / "build"])
    click.echo(f"Private key {kid}: {private_path} (keep it secret, back it up, never commit it)")
    click.echo(f"Public key added to {public_keys_path(course_root)}: commit it; the site's verify page uses it.")


@cli.command()
@click.argument("code")
@click.pass_obj
def verify(course_root: Path, code: str) -> None:
    """Check a certificate code (or the QR link); exit 0 if genuine, 1 if not."""
    from course.certificates.signing import verify as verify_code

    public_keys = _load(course_root).public_keys
    if not public_keys:
        raise click.ClickException(f"no public keys in {course_root / 'course-key.pub'}; run 'keys init' first")
    verdict = verify_code(code, public_keys)
    c = verdict.certificate
    if verdict.genuine and c is not None:
        click.echo(f"GENUINE: signed by this course's issuer (key {verdict.key_id})")
        kind = "Workshop" if c.is_workshop else "Track"
        for label, value in (("Name", c.name), (kind, f"{c.track_title} ({c.track_id})"),
                             ("Hours", f"{c.hours:g}"), ("Date", c.date.isoformat()), ("Issuer", c.issuer),
                             ("Certificate", c.id)):
            click.echo(f"  {label + ':':<13}{value}")
        return
    click.echo(f"NOT GENUINE: {verdict.reason}")
    sys.exit(1)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl+C, so staging and scratch folders are removed on the way out."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(cli())
