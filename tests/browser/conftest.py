"""Browser tests of a local edition use the `lille` edition of the mini course (tests/editions/conftest.py)."""

from tests.editions.conftest import lille_course, lille_site  # noqa: F401  (fixtures)
