"""The one base of every error a user can act on, and how the command line shows it.

A broken source, a refused output folder, a bad roster or a missing key is not a bug:
the user gets one message (naming ``file:line`` where there is one) and an exit code,
never a traceback. Each such error subclasses :class:`OpsporError`, so the command line
catches one class (``build.py``'s group) instead of every command listing its own. A
command adds what the failure means for its output (``Nothing was printed.``) as a note
(:meth:`BaseException.add_note`), which is shown under the message.
"""

from __future__ import annotations


class OpsporError(Exception):
    """An error in the user's input or environment, shown as ``Error: <message>`` and exit ``exit_code``."""

    exit_code = 1

    def report_lines(self) -> list[str]:
        """What the command line prints on stderr: the message, then any notes added on the way out."""
        return [f"Error: {self}", *getattr(self, "__notes__", ())]
