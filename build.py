#!/usr/bin/env python3
"""Opspor's command line: a thin layer over the ``course`` package.

Run ``python build.py --help`` for the commands.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from course.atomic_output import replaced_on_success
from course.diagnostics import CourseError
from course.loading import load_course
from course.model import Course

PROJECT = Path(__file__).resolve().parent


def _load(root: Path) -> Course:
    try:
        return load_course(root)
    except CourseError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        noun = "problem" if len(exc.problems) == 1 else "problems"
        raise click.ClickException(f"{len(exc.problems)} {noun} found; nothing was built") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--course", "course_root", type=click.Path(file_okay=False, path_type=Path),
              default=PROJECT, show_default="this folder", help="Folder holding course.yml, modules/, ...")
@click.pass_context
def cli(ctx: click.Context, course_root: Path) -> None:
    """Compile the Opspor course: check sources, build the site, print and package it."""
    ctx.obj = course_root.resolve()


@cli.command()
@click.pass_obj
def check(course_root: Path) -> None:
    """Validate every module, scenario and track; print path:line: message for each problem."""
    course = _load(course_root)
    questions = sum(len(m.questions) for m in course.modules.values())
    click.echo(f"OK: {len(course.modules)} modules ({questions} quiz questions), "
               f"{len(course.scenarios)} scenarios, {len(course.tracks)} tracks")


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site/ beside the course).")
@click.pass_obj
def build(course_root: Path, out: Path | None) -> None:
    """Check, then build the static site; the previous site stays if anything fails."""
    from course.site import SetupError, ShellError, build_site

    started = time.perf_counter()
    course = _load(course_root)
    target = out or course_root / "site"
    try:
        with replaced_on_success(target) as staging:
            pages = build_site(course, PROJECT, staging)
    except ShellError as exc:
        raise click.ClickException(f"the site shell reported:\n{exc}\nThe previous site is unchanged.") from None
    except SetupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Built {pages} pages into {target} in {time.perf_counter() - started:.1f} s")


@cli.command()
@click.option("--port", default=8000, show_default=True)
@click.pass_obj
def serve(course_root: Path, port: int) -> None:
    """Live preview on 127.0.0.1: rebuilds when a module, scenario, track or page changes."""
    from course.preview import serve_preview

    serve_preview(course_root, PROJECT, port, echo=click.echo)


if __name__ == "__main__":
    sys.exit(cli())
