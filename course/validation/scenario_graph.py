"""Graph checks and the best path for one branching scenario."""

from __future__ import annotations

from collections.abc import Callable

from course.model import PASSING_RATINGS, RATING_ORDER, Scenario, option_ref

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
    if steps and not any(endings[e].rating in PASSING_RATINGS for e in reached_endings):
        report(("endings",), "no ending rated 'god' or 'acceptabel' can be reached, so nobody can pass")
    _check_notes(scenario, reached_steps, report)


def _check_notes(scenario: Scenario, reached_steps: set[str], report: Report) -> None:
    """Every note's option references name an option that can be chosen on the way to its ending."""
    for ending_id, ending in scenario.endings.items():
        if not ending.notes:
            continue
        on_the_way = _options_leading_to(scenario, ending_id, reached_steps)
        for n, note in enumerate(ending.notes):
            where = ("endings", ending_id, "notes", n)
            if not note.if_chosen and not note.unless_chosen:
                report(where, "a note needs 'if_chosen' or 'unless_chosen' (else it belongs in 'text')")
            for key in ("if_chosen", "unless_chosen"):
                for i, ref in enumerate(getattr(note, key)):
                    step_id, index = option_ref(ref)
                    step = scenario.steps.get(step_id)
                    if step is None:
                        report((*where, key, i), f"{key}: '{ref}': '{step_id}' is not a step")
                    elif index >= len(step.options):
                        report((*where, key, i), f"{key}: '{ref}': step '{step_id}' has "
                               f"{len(step.options)} options (numbered from 1)")
                    elif (step_id, index) not in on_the_way:
                        report((*where, key, i), f"{key}: '{ref}' is never chosen on a path to ending "
                               f"'{ending_id}', so the note's condition never changes anything")


def _options_leading_to(scenario: Scenario, ending_id: str, reached_steps: set[str]) -> set[tuple[str, int]]:
    """(step id, option index) pairs that lie on some path from start to the ending."""
    steps = scenario.steps
    can_reach: set[str] = set()
    leads_here: dict[str, list[str]] = {step_id: [] for step_id in steps}
    todo: list[str] = []
    for step_id, step in steps.items():
        for option in step.options:
            if option.next in leads_here:
                leads_here[option.next].append(step_id)
        if any(option.ending == ending_id for option in step.options):
            todo.append(step_id)
    can_reach.update(todo)
    while todo:
        for earlier in leads_here[todo.pop()]:
            if earlier not in can_reach:
                can_reach.add(earlier)
                todo.append(earlier)
    return {
        (step_id, index)
        for step_id in can_reach & reached_steps
        for index, option in enumerate(steps[step_id].options)
        if option.ending == ending_id or option.next in can_reach
    }


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
