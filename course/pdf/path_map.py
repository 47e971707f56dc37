"""A one-page map of a scenario's paths for the facilitator guide: Graphviz ``dot`` to inline SVG.

The map shows each step as ``Trin N`` (the printed numbers), each ending with its
title and rating, and each option as an arrow numbered like the printed option,
coloured by its rating; the best path is drawn bold. Author text (ending titles)
only ever reaches ``dot`` as an escaped quoted string, and the SVG it returns is
cut down to the ``<svg>`` element itself with no links, scripts or images, so
nothing in it can load a file. Without ``dot`` (or for a scenario too large to
draw on one page) the guide prints a table of every path instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

from markupsafe import Markup

from course.model import Scenario

MAX_NODES = 60  # more steps and endings than fit legibly on one A4 page
DOT_TIMEOUT = 20  # seconds; dot lays out these graphs in well under one
PAGE_WIDTH_MM = 174.0
PAGE_HEIGHT_MM = 212.0  # leaves room for the heading and legend on the same page
PT_PER_MM = 72 / 25.4
RATING_COLOURS = {"god": "#1d6b3a", "acceptabel": "#8a5a00", "uhensigtsmaessig": "#a3262a"}
_UNSAFE_SVG = re.compile(r"<(script|image|a|foreignObject|use)\b|xlink:href|href=|url\(", re.IGNORECASE)
_SVG_ELEMENT = re.compile(r"<svg\b.*</svg>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"')


@dataclass(frozen=True)
class MapNode:
    id: str
    label: str
    rating: str | None = None  # endings only


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    label: str
    rating: str
    best: bool


def dot_string(text: str) -> str:
    """``text`` as a DOT quoted string: backslashes and quotes escaped, so ``\\N`` or ``\"`` stay text."""
    return '"' + " ".join(text.replace("\\", "\\\\").replace('"', '\\"').split()) + '"'


def _wrap(text: str, width: int = 22) -> str:
    """Break an ending title into short lines (DOT ``\\n`` is added after escaping)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def dot_source(nodes: list[MapNode], edges: list[MapEdge], rating_labels: dict[str, str]) -> str:
    lines = [
        "digraph paths {",
        '  graph [rankdir=TB, nodesep=0.25, ranksep=0.35, margin=0, fontname="DejaVu Sans"];',
        '  node [fontname="DejaVu Sans", fontsize=11, shape=box, style="rounded,filled", fillcolor="#e8eff1", '
        'color="#24535f", penwidth=1.2];',
        '  edge [fontname="DejaVu Sans", fontsize=10, arrowsize=0.7];',
    ]
    for number, node in enumerate(nodes):
        if node.rating is None:
            lines.append(f"  n{number} [label={dot_string(node.label)}];")
        else:
            colour = RATING_COLOURS[node.rating]
            label = "\\n".join(dot_string(part)[1:-1] for part in
                               [*_wrap(node.label).split("\n"), f"({rating_labels[node.rating]})"])
            lines.append(f'  n{number} [label="{label}", shape=box, style="filled", fillcolor="#ffffff", '
                         f'color="{colour}", fontcolor="{colour}", penwidth=1.6];')
    index = {node.id: number for number, node in enumerate(nodes)}
    for edge in edges:
        colour = RATING_COLOURS[edge.rating]
        width = 2.6 if edge.best else 1.0
        lines.append(f"  n{index[edge.source]} -> n{index[edge.target]} [label={dot_string(edge.label)}, "
                     f'color="{colour}", fontcolor="{colour}", penwidth={width}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_available() -> bool:
    return shutil.which("dot") is not None


def render_svg(source: str) -> Markup | None:
    """Lay out ``source`` with ``dot``; the SVG sized to fit one page, or None if dot is missing or fails."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    try:
        done = subprocess.run([dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True,
                              timeout=DOT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return fit_svg(done.stdout.decode("utf-8", errors="replace"))


def fit_svg(svg: str) -> Markup | None:
    """Keep only the ``<svg>`` element, refuse anything that could load a file, scale it to the page."""
    found = _SVG_ELEMENT.search(_COMMENT.sub("", svg))
    if found is None or _UNSAFE_SVG.search(found.group()):
        return None
    element = found.group()
    size = _SIZE.search(element)
    if size is None:
        return None
    width_mm, height_mm = float(size.group(1)) / PT_PER_MM, float(size.group(2)) / PT_PER_MM
    scale = min(PAGE_WIDTH_MM / width_mm, PAGE_HEIGHT_MM / height_mm, 1.6)
    fitted = f'width="{width_mm * scale:.1f}mm" height="{height_mm * scale:.1f}mm"'
    element = element[:size.start(1) - len('width="')] + fitted + element[size.end(2) + len('pt"'):]
    return Markup(element)


def scenario_map(scenario: Scenario, numbers: dict[str, int], best: set[tuple[str, int]],
                 strings: dict[str, str]) -> Markup | None:
    """The path map of ``scenario`` as inline SVG, or None when it cannot be drawn on one page."""
    if len(scenario.steps) + len(scenario.endings) > MAX_NODES:
        return None
    nodes = [MapNode(f"step:{step_id}", f"{strings['step']} {numbers[step_id]}")
             for step_id in sorted(scenario.steps, key=lambda s: numbers[s])]
    nodes += [MapNode(f"ending:{ending_id}", ending.title, ending.rating)
              for ending_id, ending in scenario.endings.items()]
    edges = []
    for step_id, step in scenario.steps.items():
        for index, option in enumerate(step.options):
            target = f"step:{option.next}" if option.next else f"ending:{option.ending}"
            edges.append(MapEdge(f"step:{step_id}", target, str(index + 1), option.rating,
                                 (step_id, index) in best))
    labels = {rating: strings[f"rating_{rating}"] for rating in RATING_COLOURS}
    return render_svg(dot_source(nodes, edges, labels))
