"""Graph checks and the best path for one branching scenario."""

from __future__ import annotations

from collections.abc import Callable

from course.model import RATING_ORDER, Scenario

Report = Callable[[tuple, str], None]


def check_scenario_graph(scenario: Scenario, report: Report) -> None:
    """Report dangling targets, unreachable steps, dead ends and endings never reached."""
    steps, endings = scenario.steps, scenario.endings
    if scenario.start not in steps:
        report(("start",), f"start: '{scenario.start}' is not a step")
    for step_id, step in steps.items():
        for index, option in enumerate(step.options):
            where = ("steps", step_id, "options", index)
            if (option.next is None) == (option.ending is None):
                report(where, "option needs exactly one of 'next' (a step) or 'ending'")
            elif option.next is not None and option.next not in steps:
                report((*where, "next"), f"next: '{option.next}' is not a step")
            elif option.ending is not None and option.ending not in endings:
                report((*where, "ending"), f"ending: '{option.ending}' is not an ending")

    reached_steps, reached_endings = _reachable(scenario)
    for step_id in steps:
        if step_id not in reached_steps:
            report(("steps", step_id), f"step '{step_id}' cannot be reached from start")
    for ending_id in endings:
        if ending_id not in reached_endings:
            report(("endings", ending_id), f"ending '{ending_id}' is never reached")
    for step_id in _dead_ends(scenario):
        if step_id in reached_steps:
            report(("steps", step_id), f"no ending can be reached from step '{step_id}'")


def _reachable(scenario: Scenario) -> tuple[set[str], set[str]]:
    seen: set[str] = set()
    endings: set[str] = set()
    todo = [scenario.start] if scenario.start in scenario.steps else []
    while todo:
        step_id = todo.pop()
        if step_id in seen:
            continue
        seen.add(step_id)
        for option in scenario.steps[step_id].options:
            if option.next in scenario.steps:
                todo.append(option.next)
            if option.ending in scenario.endings:
                endings.add(option.ending)
    return seen, endings


def _dead_ends(scenario: Scenario) -> list[str]:
    """Steps from which no ending is reachable.

    Walked backwards from the steps that offer an ending, once over every edge, so a
    10,000-step chain costs 10,000 steps, not 10,000 passes over it.
    """
    steps, endings = scenario.steps, scenario.endings
    leads_here: dict[str, list[str]] = {step_id: [] for step_id in steps}
    todo: list[str] = []
    for step_id, step in steps.items():
        for option in step.options:
            if option.next in leads_here:
                leads_here[option.next].append(step_id)
        if any(option.ending in endings for option in step.options):
            todo.append(step_id)
    can_finish = set(todo)
    while todo:
        for earlier in leads_here[todo.pop()]:
            if earlier not in can_finish:
                can_finish.add(earlier)
                todo.append(earlier)
    return [s for s in steps if s not in can_finish]


def best_path(scenario: Scenario) -> list[tuple[str, int]]:
    """Follow the best-rated option from start: ``[(step_id, option_index), ...]``.

    Ties go to the first option; a loop stops the walk, so this always ends.
    """
    path: list[tuple[str, int]] = []
    step_id: str | None = scenario.start
    visited: set[str] = set()
    while step_id in scenario.steps and step_id not in visited:
        visited.add(step_id)
        options = scenario.steps[step_id].options
        index = max(range(len(options)), key=lambda i: (RATING_ORDER[options[i].rating], -i))
        path.append((step_id, index))
        step_id = options[index].next
    return path


def breadth_first_steps(scenario: Scenario) -> list[str]:
    """Step ids in the order a reader meets them: breadth-first from start, options in authored order.

    Print numbers the steps in this order, so ``Trin 1`` is always the start and the
    numbers do not change when an author reorders the ``steps:`` mapping. Steps that
    cannot be reached (``check`` refuses them) come last, in authored order.
    """
    order: list[str] = []
    seen: set[str] = set()
    queue = [scenario.start] if scenario.start in scenario.steps else []
    seen.update(queue)
    head = 0
    while head < len(queue):
        step_id = queue[head]
        head += 1
        order.append(step_id)
        for option in scenario.steps[step_id].options:
            if option.next in scenario.steps and option.next not in seen:
                seen.add(option.next)
                queue.append(option.next)
    return order + [s for s in scenario.steps if s not in seen]


def paths_to_endings(scenario: Scenario, limit: int) -> tuple[list[list[tuple[str, int]]], bool]:
    """Every path from start to an ending as ``[(step_id, option_index), ...]``, at most ``limit`` of them.

    A path never visits a step twice (a loop back is not a new path). Returns the
    paths and whether more were left out. Iterative, so a long chain cannot hit the
    recursion limit.
    """
    found: list[list[tuple[str, int]]] = []
    if scenario.start not in scenario.steps:
        return found, False
    stack: list[tuple[str, int, list[tuple[str, int]]]] = [(scenario.start, 0, [])]
    while stack:
        step_id, index, path = stack.pop()
        options = scenario.steps[step_id].options
        if index >= len(options):
            continue
        stack.append((step_id, index + 1, path))
        option = options[index]
        here = [*path, (step_id, index)]
        if option.ending in scenario.endings:
            if len(found) == limit:
                return found, True
            found.append(here)
        elif option.next in scenario.steps and option.next not in {s for s, _ in here}:
            stack.append((option.next, 0, here))
    return found, False
