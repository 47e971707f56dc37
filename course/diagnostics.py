"""Author-facing problems: ``path:line: message``, collected rather than raised one by one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.errors import OpsporError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a source file, located for the author."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CourseError(OpsporError):
    """Raised when sources have problems; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report_lines(self) -> list[str]:
        """Every problem as ``path:line: message``, then how many (so a long list still ends in a verdict)."""
        noun = "problem" if len(self.problems) == 1 else "problems"
        return [*map(str, self.problems), f"Error: {len(self.problems)} {noun} found; nothing was built",
                *getattr(self, "__notes__", ())]


def relative(path: Path, root: Path) -> str:
    """Show paths relative to the course root, as an author sees them."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Suffix such as `` (did you mean 'title'?)`` for typos, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
