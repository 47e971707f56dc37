"""How printed material and packages name a local edition: "Udgivet af <kommune>", with the national
course named, and the example edition's notice. One place, so packs, handouts, certificates and
SCORM titles say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from course.model import Course


def printed_course_title(course: Course, strings: dict[str, str]) -> str:
    """The running footer of every printed page: the course, and who published this edition."""
    edition = course.edition
    if edition is None:
        return course.meta.title
    parts = [course.meta.title, strings["edition_published_by"].format(name=edition.name)]
    if edition.example:
        parts.append(strings["edition_example_notice"])
    return " · ".join(parts)


@dataclass(frozen=True)
class Credit:
    """What a cover, handout or certificate prints for a local edition: its logo, then the lines
    "Udgivet af <name>", the national course, and the example's notice."""

    lines: tuple[str, ...]
    logo: str | None = None  # a data: URL (print fetches no file)
    logo_alt: str = ""

    def __iter__(self):  # the lines, as the templates and the tests read them
        return iter(self.lines)

    def __bool__(self) -> bool:
        return bool(self.lines)


NO_CREDIT = Credit(())


def credit_lines(course: Course, strings: dict[str, str]) -> Credit:
    """The edition's credit for print, or an empty one for the national course."""
    edition = course.edition
    if edition is None:
        return NO_CREDIT
    lines = [strings["edition_published_by"].format(name=edition.name),
             strings["edition_of_course"].format(course=course.meta.title)]
    if edition.example:
        lines.append(strings["edition_example_notice"])
    logo = edition.logo
    return Credit(tuple(lines), logo.data_url if logo is not None else None,
                  strings["edition_logo_alt"].format(name=edition.name))


def package_title(course: Course, track_title: str) -> str:
    """What an LMS lists a track's package as: "Opspor – Politi", or "Opspor – Politi – <kommune>"."""
    title = f"{course.meta.title} – {track_title}"
    return f"{title} – {course.edition.name}" if course.edition is not None else title
