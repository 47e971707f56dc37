"""Checking parsed YAML against the pydantic models, reported with source lines."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from course.diagnostics import Problem, did_you_mean
from course.loading.yaml_source import LocatedYaml

M = TypeVar("M", bound=BaseModel)


def validate_structure(
    model: type[M], located: LocatedYaml, path: str, problems: list[Problem]
) -> M | None:
    """Build ``model`` from ``located.data``; on failure add located problems and return None."""
    for line, key in located.duplicates:
        problems.append(Problem(path, line, f"duplicate key '{key}'"))
    if not isinstance(located.data, dict):
        problems.append(Problem(path, located.line_of(()),
                                f"expected a mapping of keys, found {_kind(located.data)}"))
        return None
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(_located(error, model, located, path))
        return None


def _located(error: Any, model: type[BaseModel], located: LocatedYaml, path: str) -> Problem:
    loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
    dotted = ".".join(str(p) for p in loc)
    kind = error["type"]
    if kind == "extra_forbidden" and loc:
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        where = f" in {'.'.join(str(p) for p in loc[:-1])}" if len(loc) > 1 else ""
        message = f"unknown key '{key}'{where}{did_you_mean(key, allowed)}"
    elif kind == "missing":
        message = f"missing required field '{dotted}'"
    elif kind == "literal_error" and loc and loc[-1] == "invented_for_training":
        message = "invented_for_training: must be 'true' (every scenario is invented for training)"
    else:
        given = error.get("input")
        shown = f" (got {given!r})" if not isinstance(given, dict | list) else ""
        message = f"{dotted}: {error['msg'].rstrip('.')}{shown}"
    return Problem(path, located.line_of(loc), message)


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "bool", "none"})


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Walk the model along ``loc`` to find which keys would have been allowed there."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is not None:  # otherwise ``part`` is a key of a dict field: stay put
            current = _inner_model(field.annotation)
    return list(getattr(current, "model_fields", {}).keys())


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "an empty file"
    return {list: "a list", str: "text"}.get(type(value), type(value).__name__)
