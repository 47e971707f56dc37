"""Checks that span files: ids, tracks, prerequisites, scenario graphs, links."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from course.diagnostics import Problem, did_you_mean, relative
from course.model import (
    ALL_TRACKS,
    SLUG,
    TRACK_IDS,
    Course,
    Module,
    Page,
    Scenario,
    applies_to,
)
from course.validation.scenario_graph import check_scenario_graph

SLUG_RE = re.compile(SLUG)

REQUIRED_PAGES = ("index", "hjaelp", "om")


def duplicate_ids(root: Path, modules: list[Module], scenarios: list[Scenario], pages: list[Page]) -> list[Problem]:
    """Two files claiming one id, before the course keys its items by id (and so keeps only one)."""
    problems: list[Problem] = []
    _duplicates(problems, [(relative(m.path, root), 2, m.id) for m in modules], "module")
    _duplicates(problems, [(s.source.path, s.source.line_of(("id",)), s.id) for s in scenarios], "scenario")
    _duplicates(problems, [(relative(p.path, root), 2, p.meta.id) for p in pages], "page")
    # glossary ids are unique by the time they get here: the loader reports a repeat at its own line
    return problems


def check_course(course: Course) -> list[Problem]:
    """Every cross-file problem of ``course``, each at the ``path:line`` the loader recorded."""
    problems: list[Problem] = []
    root = course.root
    modules = list(course.modules.values())
    pages = list(course.pages.values())
    scenarios = list(course.scenarios.values())

    def module_line(module: Module, key: str) -> int:
        return module.key_lines.get(key, 2)

    mod_paths = {m.id: relative(m.path, root) for m in modules}
    module_ids = {m.id for m in modules}
    for scenario in scenarios:
        if scenario.id in module_ids:
            problems.append(Problem(scenario.source.path, scenario.source.line_of(("id",)),
                                    f"id '{scenario.id}' is also a module id"))

    track_choices = (*TRACK_IDS, ALL_TRACKS)
    for module in modules:
        for name in module.meta.tracks:
            if name not in track_choices:
                problems.append(Problem(mod_paths[module.id], module_line(module, "tracks"),
                                        f"tracks: '{name}' is not a track{did_you_mean(name, track_choices)}"))
        for prereq in module.meta.prerequisites:
            if prereq not in module_ids:
                problems.append(Problem(mod_paths[module.id], module_line(module, "prerequisites"),
                                        f"prerequisites: '{prereq}' is not a module{did_you_mean(prereq, module_ids)}"))
    by_module_id = {m.id: m for m in modules}
    for cycle_start in _prerequisite_cycles(modules):
        module = by_module_id[cycle_start]
        problems.append(Problem(mod_paths[module.id], module_line(module, "prerequisites"),
                                f"prerequisites form a cycle through '{cycle_start}'"))

    for scenario in scenarios:
        src = scenario.source
        for kind, mapping in (("step", scenario.steps), ("ending", scenario.endings)):
            for item_id in mapping:
                if not SLUG_RE.match(str(item_id)):
                    problems.append(Problem(src.path, src.line_of((f"{kind}s", item_id)),
                                            f"{kind} id '{item_id}' is not a slug (use a-z, 0-9 and '-')"))
        for index, name in enumerate(scenario.tracks):
            if name not in track_choices:
                problems.append(Problem(src.path, src.line_of(("tracks", index)),
                                        f"tracks: '{name}' is not a track{did_you_mean(name, track_choices)}"))
        check_scenario_graph(
            scenario, lambda where, message, lc=src: problems.append(Problem(lc.path, lc.line_of(where), message))
        )

    _check_tracks(problems, course, mod_paths, module_line)

    _check_links(problems, course, mod_paths)

    present = {p.meta.id for p in pages}
    for required in REQUIRED_PAGES:
        if required not in present:
            problems.append(Problem(f"pages/{required}.md", 1, f"missing required page with id '{required}'"))
    return problems


def _duplicates(problems: list[Problem], entries: Iterable[tuple[str, int, str]], kind: str) -> None:
    entries = list(entries)
    counts = Counter(item_id for _, _, item_id in entries)
    for path, line, item_id in entries:
        if counts[item_id] > 1:
            others = sorted({p for p, _, i in entries if i == item_id and p != path})
            problems.append(Problem(path, line, f"duplicate {kind} id '{item_id}' (also in {', '.join(others)})"))


def _prerequisite_cycles(modules: list[Module]) -> list[str]:
    """Module ids that sit on a prerequisite cycle (one per cycle is enough for the author)."""
    graph = {m.id: list(m.meta.prerequisites) for m in modules}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: list[str] = []
    # Depth-first with an explicit stack, not recursion: a chain of 1,200 modules is a
    # legitimate (if odd) course and must not hit Python's recursion limit.
    for start in graph:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(graph[start]))]
        while stack:
            node, successors = stack[-1]
            for nxt in successors:
                if state.get(nxt) == 1:
                    found.append(nxt)
                elif nxt in graph and nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(graph[nxt])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return sorted(set(found))


def _check_tracks(problems, course: Course, mod_paths, module_line) -> None:
    modules = list(course.modules.values())
    by_id = {m.id: m.meta.tracks for m in modules}
    by_id.update({s.id: s.tracks for s in course.scenarios.values()})
    defined = set()
    for track in course.tracks.values():
        path, loc = track.source.path, track.source
        defined.add(track.id)
        if track.id not in TRACK_IDS:
            problems.append(Problem(path, loc.line_of(("id",)),
                                    f"id: '{track.id}' is not a track{did_you_mean(track.id, TRACK_IDS)}"))
        if Path(path).stem != track.id:
            problems.append(Problem(path, loc.line_of(("id",)), f"file name must be tracks/{track.id}.yml"))
        seen: set[str] = set()
        listed = set(track.items)
        for index, item in enumerate(track.items):
            line = loc.line_of(("items", index))
            if item in seen:
                problems.append(Problem(path, line, f"items: '{item}' is listed twice"))
            seen.add(item)
            if item not in by_id:
                problems.append(Problem(path, line,
                                        f"items: '{item}' is not a module or scenario{did_you_mean(item, by_id)}"))
            elif not applies_to(by_id[item], track.id):
                problems.append(Problem(path, line,
                                        f"items: '{item}' does not list track '{track.id}' in its own tracks"))
        for item_id, item_tracks in by_id.items():
            if applies_to(item_tracks, track.id) and item_id not in listed:
                problems.append(Problem(path, loc.line_of(("items",)),
                                        f"items: '{item_id}' names track '{track.id}' but is missing here"))
        order = {item: i for i, item in enumerate(track.items)}
        for module in modules:
            if module.id not in order:
                continue
            for prereq in module.meta.prerequisites:
                if prereq in order and order[prereq] > order[module.id]:
                    problems.append(Problem(path, loc.line_of(("items", order[module.id])),
                                            f"items: '{module.id}' comes before its prerequisite '{prereq}'"))
    for module in modules:
        for name in module.meta.tracks:
            if name in TRACK_IDS and name not in defined:
                problems.append(Problem(mod_paths[module.id], module_line(module, "tracks"),
                                        f"tracks: track '{name}' has no file tracks/{name}.yml"))


def scenario_anchors(scenario: Scenario) -> set[str]:
    """The ids the scenario page gives its steps and endings (see templates/scenario.md.j2)."""
    return {f"trin-{s}" for s in scenario.steps} | {f"slut-{e}" for e in scenario.endings}


def _check_links(problems, course: Course, mod_paths) -> None:
    """Every course link points to something that exists, and a #fragment to one of its headings."""
    root, modules, pages = course.root, list(course.modules.values()), list(course.pages.values())
    scenarios, glossary = list(course.scenarios.values()), course.glossary
    anchors: dict[str, dict[str, set[str]]] = {
        "modul": {m.id: set(m.anchors) for m in modules},
        "scenarie": {s.id: scenario_anchors(s) for s in scenarios},
        "ordliste": {t.id: set() for t in glossary},
        "side": {p.meta.id: set(p.anchors) for p in pages},
    }
    local = {mod_paths[m.id]: set(m.anchors) for m in modules}
    local |= {relative(p.path, root): set(p.anchors) for p in pages}
    local |= {s.source.path: scenario_anchors(s) for s in scenarios}
    local["glossary.yml"] = {t.id for t in glossary}
    sources = [(mod_paths[m.id], m.links) for m in modules]
    sources += [(relative(p.path, root), p.links) for p in pages]
    sources += list(course.yaml_links.items())
    for path, links in sources:
        for link in links:
            if not link.scheme:
                if link.anchor not in local.get(path, set()):
                    problems.append(Problem(path, link.line, f"link '#{link.anchor}' points to no heading on this "
                                            f"page{did_you_mean(link.anchor or '', local.get(path, set()))}"))
                continue
            known = anchors[link.scheme]
            if link.target not in known:
                hint = did_you_mean(link.target, known)
                problems.append(Problem(path, link.line,
                                        f"link '{link.scheme}:{link.target}' points to no {link.scheme}{hint}"))
            elif link.anchor is not None and link.anchor not in known[link.target]:
                hint = did_you_mean(link.anchor, known[link.target])
                problems.append(Problem(path, link.line, f"link '{link.scheme}:{link.target}#{link.anchor}': "
                                        f"{link.target} has no heading with id '{link.anchor}'{hint}"))
