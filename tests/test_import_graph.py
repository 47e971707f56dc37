"""The ``course`` package's layers, read from its source: data flows one way, sources -> model -> outputs.

Every module is parsed (not imported) and each ``import`` / ``from ... import``, relative ones
included, is resolved to the part of the package it names: a subpackage (``course.loading``) or a
top-level module (``course.model``); imports under ``if TYPE_CHECKING:`` are for annotations
only and not followed (``course.model`` names the edition type that way). A cycle between two
parts means neither can be understood, tested or replaced without the other (the loader once
imported the validation, which imported the loader's YAML type back). Emitters (site, PDFs,
packages) take everything from the model: they never import the loader nor build a path to a
source file.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "course"
EMITTERS = ("course.site", "course.pdf", "course.packaging")
# Files only the loader reads: an emitter naming one in a path or a read is reading a source.
SOURCE_NAMES = {"course.yml", "course-key.pub", "claims.yml", "edition.yml", "glossary.yml"}
READS = {"open", "read_text", "read_bytes", "Path", "open_regular"}

# Cycles not yet taken apart, each with why; the test fails on any other cycle, and when one of
# these is gone (so the list only shrinks).
KNOWN_CYCLES: set[frozenset[str]] = set()  # none; a new cycle fails, naming its imports


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(name: str) -> str:
    """``course.loading.yaml_source`` -> ``course.loading``; ``course.model`` stays."""
    return ".".join(name.split(".")[:2])


def imports(path: Path, root: Path = PACKAGE) -> Iterator[tuple[str, int]]:
    """Every ``course.*`` module that ``path`` imports, with the line, relative imports resolved."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if node.module is None:  # `from . import x`: x may be a module
                yield from ((f"{target}.{alias.name}", node.lineno) for alias in node.names)
            else:
                yield target, node.lineno


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except the bodies of ``if TYPE_CHECKING:`` (imports for annotations only)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not (isinstance(child, ast.If) and ast.unparse(child.test).endswith("TYPE_CHECKING")):
                todo.append(child)


def import_graph(root: Path = PACKAGE) -> dict[str, dict[str, list[str]]]:
    """part -> imported part -> the ``module:line`` of each such import."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        source = part_of(module_name(path, root))
        graph.setdefault(source, {})
        for target, line in imports(path, root):
            if target.startswith("course.") and part_of(target) != source:
                graph[source].setdefault(part_of(target), []).append(f"{module_name(path, root)}:{line}")
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[tuple[frozenset[str], list[str]]]:
    """Each group of parts that import each other (directly or through others), with one cycle in it
    (a path that returns to its start)."""
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(graph):
        if start in seen:
            continue
        reach_from = _reachable(graph, start)
        group = sorted(p for p in reach_from if start in _reachable(graph, p))
        seen.update(group)
        if len(group) > 1:
            groups.append((frozenset(group), _path_back(graph, group[0], set(group))))
    return groups


def _reachable(graph: dict[str, dict[str, list[str]]], start: str) -> set[str]:
    found, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), {}):
            if nxt not in found:
                found.add(nxt)
                todo.append(nxt)
    return found


def _path_back(graph: dict[str, dict[str, list[str]]], start: str, group: set[str]) -> list[str]:
    """The shortest import path from ``start`` back to itself inside ``group`` (breadth first)."""
    paths = [[start, nxt] for nxt in sorted(graph[start]) if nxt in group]
    while paths:
        path = paths.pop(0)
        if path[-1] == start:
            return path
        paths += [[*path, nxt] for nxt in sorted(graph[path[-1]]) if nxt in group and nxt not in path[1:]]
    return [start]


def describe(cycle: list[str], graph: dict[str, dict[str, list[str]]]) -> str:
    steps = [f"{a} -> {b} ({', '.join(graph[a][b][:2])})" for a, b in itertools.pairwise(cycle)]
    return " | ".join(steps)


def test_no_cycles_between_parts_of_the_package() -> None:
    graph = import_graph()
    found = cycles(graph)
    new = [f"{sorted(group)}: {describe(path, graph)}" for group, path in found if group not in KNOWN_CYCLES]
    assert not new, "import cycle between parts of course/: " + "; ".join(new)
    gone = KNOWN_CYCLES - {group for group, _ in found}
    assert not gone, f"no longer a cycle, remove it from KNOWN_CYCLES: {sorted(map(sorted, gone))}"


def test_the_loader_and_the_validation_do_not_import_each_other_back() -> None:
    graph = import_graph()
    assert "course.validation" in graph["course.loading"]  # the loader runs the checks ...
    assert "course.loading" not in graph["course.validation"], graph["course.validation"]["course.loading"]


def _emitter_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if part_of(module_name(p)) in EMITTERS]


def test_no_emitter_imports_the_loader() -> None:
    found = [f"{module_name(path)}:{line} imports {target}" for path in _emitter_files()
             for target, line in imports(path) if part_of(target) == "course.loading"]
    assert not found, "outputs read the model, never the sources: " + "; ".join(found)


def _source_reads(path: Path, root: Path = PACKAGE) -> Iterator[str]:
    """``course.root / ...`` paths, and a source file's name in a path or a read call."""
    where = module_name(path, root)
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left = node.left
            under_root = isinstance(left, ast.Attribute) and left.attr == "root" and "course" in ast.unparse(left.value)
            named = any(isinstance(n, ast.Constant) and n.value in SOURCE_NAMES for n in (node.left, node.right))
            if under_root or named:
                yield f"{where}:{node.lineno}: {ast.unparse(node)}"
        elif isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func in READS and any(isinstance(a, ast.Constant) and a.value in SOURCE_NAMES for a in node.args):
                yield f"{where}:{node.lineno}: {ast.unparse(node)}"


def test_no_emitter_opens_a_source_file() -> None:
    found = [hit for path in _emitter_files() for hit in _source_reads(path)]
    assert not found, "outputs read the model, never the sources: " + "; ".join(found)


def test_the_checks_see_a_cycle_and_a_source_read(tmp_path: Path) -> None:
    """The detectors themselves: a made-up package with a two-part cycle and an emitter reading course.yml."""
    package = tmp_path / "course"
    for folder, text in {"a": "from course.b import x\n", "b": "from ..a import y\n", "c": ""}.items():
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text(text, "utf-8")
    (package / "__init__.py").write_text("", "utf-8")
    graph = import_graph(package)
    assert cycles(graph) == [(frozenset({"course.a", "course.b"}), ["course.a", "course.b", "course.a"])]
    assert describe(cycles(graph)[0][1], graph) == ("course.a -> course.b (course.a:1) | "
                                                    "course.b -> course.a (course.b:1)")
    emitter = package / "c" / "page.py"
    emitter.write_text("def f(course, folder):\n    (folder / 'course.yml').exists()\n"
                       "    return open('course-key.pub').read(), course.root / 'x'\n", "utf-8")
    assert sorted(_source_reads(emitter, package)) == [
        "course.c.page:2: folder / 'course.yml'", "course.c.page:3: course.root / 'x'",
        "course.c.page:3: open('course-key.pub')"]
