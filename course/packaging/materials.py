"""The printed materials in the offline copy: every PDF of ``packs`` and of each workshop kit.

A trainer who has only the offline zip (no Python, no network) still has the
facilitator guides, gamebook handouts, module handouts and workshop kits: they are
printed into the zip's ``Materialer`` folder and listed, with links, on the
"Om kurset" page of the offline copy.
"""

from __future__ import annotations

from pathlib import Path

from course.model import Course
from course.pdf.packs import pack_files, print_packs
from course.pdf.workshop_kit import kit_files, print_workshop_kit
from course.site.materials import Material, MaterialGroup, Materials

WORKSHOPS_DIR = "workshops"


def _pack_title(course: Course, kind: str, item_id: str, t: dict[str, str]) -> str:
    if kind == "track":
        return f"{t['print_track_pack']}: {course.tracks[item_id].title}"
    if kind in ("guide", "handout"):
        label = t["print_for_facilitator"] if kind == "guide" else t["print_for_participants"]
        return f"{label}: {course.scenarios[item_id].title}"
    label = t["print_answer_key"] if kind == "module-key" else t["print_module_handout"]
    return f"{label}: {course.modules[item_id].meta.title}"


_KIT_TITLES = {"agenda": "kit_agenda", "guide": "kit_guide", "sign-in": "kit_sign_in", "test": "kit_test",
               "test-key": "print_answer_key", "evaluation": "kit_evaluation"}


def _kit_title(key: str, t: dict[str, str]) -> str:
    return f"{t['print_answer_key']}: {t['kit_test']}" if key == "test-key" else t[_KIT_TITLES[key]]


def print_materials(course: Course, folder: Path, strings: dict[str, str]) -> Materials:
    """Print everything into ``folder`` and describe it, grouped as the page lists it."""
    language = course.meta.language
    print_packs(course, folder, language)
    files = pack_files(course)
    groups = [
        MaterialGroup(strings["materials_tracks"], tuple(
            Material(path, _pack_title(course, kind, item_id, strings)) for kind, item_id, path in files
            if kind == "track")),
        MaterialGroup(strings["materials_scenarios"], tuple(
            Material(path, _pack_title(course, kind, item_id, strings)) for kind, item_id, path in files
            if kind in ("guide", "handout"))),
        MaterialGroup(strings["materials_modules"], tuple(
            Material(path, _pack_title(course, kind, item_id, strings)) for kind, item_id, path in files
            if kind in ("module", "module-key"))),
    ]
    for workshop in course.workshops.values():
        kit_dir = f"{WORKSHOPS_DIR}/{workshop.id}"
        print_workshop_kit(course, workshop, folder / WORKSHOPS_DIR / workshop.id, language=language)
        own = [(key, name) for key, name in kit_files(course, workshop).items() if key in _KIT_TITLES]
        groups.append(MaterialGroup(f"{strings['kit_workshop']}: {workshop.title}", tuple(
            Material(f"{kit_dir}/{name}", _kit_title(key, strings)) for key, name in own)))
    return Materials(folder, tuple(g for g in groups if g.items))
