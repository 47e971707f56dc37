"""YAML parsing that remembers where every value came from.

PyYAML's plain ``safe_load`` forgets line numbers; authors need them. We compose
the node graph ourselves and keep a map from key path to 1-based line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

KeyPath = tuple[Any, ...]


@dataclass
class LocatedYaml:
    """Plain Python data plus the line of each key path (``()`` is the document)."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    block_text: dict[KeyPath, int] = field(default_factory=dict)  # `|`/`>` text -> its first line

    def text_line(self, path: KeyPath) -> int:
        """The line a string value's text starts on (a block scalar starts below its key)."""
        return self.block_text.get(tuple(path)) or self.line_of(path)

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path`` or of its nearest located ancestor."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class YamlSyntaxError(Exception):
    """A YAML file that does not parse; carries the parser's 1-based line."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def parse_located(text: str, line_offset: int = 0) -> LocatedYaml:
    """Parse one YAML document; ``line_offset`` shifts lines (for front matter)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(line, f"YAML syntax error: {problem}") from None
    result = LocatedYaml(data=None)
    if node is None:
        return result
    result.data = _convert(node, (), result, line_offset)
    return result


def _convert(node: yaml.Node, path: KeyPath, out: LocatedYaml, offset: int) -> Any:
    out.lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in mapping:
                out.duplicates.append((key_node.start_mark.line + 1 + offset, str(key)))
            child = (*path, key)
            out.lines[child] = key_node.start_mark.line + 1 + offset
            mapping[key] = _convert(value_node, child, out, offset)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), out, offset) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        out.block_text[path] = node.start_mark.line + 2 + offset
    return _scalar(node)


_CONSTRUCTOR = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        try:
            return _CONSTRUCTOR.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            return node.value
    # A mapping or list used as a key: keep a readable stand-in rather than crash.
    return str(node.value)
