"""How printed material and packages name a local edition: "Udgivet af <kommune>", with the national
course named, and the example edition's notice. One place, so packs, handouts, certificates and
SCORM titles say the same thing."""

from __future__ import annotations

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


def credit_lines(course: Course, strings: dict[str, str]) -> list[str]:
    """Lines for a cover or certificate: published by, the national course, the example notice."""
    edition = course.edition
    if edition is None:
        return []
    lines = [strings["edition_published_by"].format(name=edition.name),
             strings["edition_of_course"].format(course=course.meta.title)]
    if edition.example:
        lines.append(strings["edition_example_notice"])
    return lines


def package_title(course: Course, track_title: str) -> str:
    """What an LMS lists a track's package as: "Opspor – Politi", or "Opspor – Politi – <kommune>"."""
    title = f"{course.meta.title} – {track_title}"
    return f"{title} – {course.edition.name}" if course.edition is not None else title
