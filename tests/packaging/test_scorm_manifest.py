"""SCORM manifests: valid against the ADL schemas, and right where schemas cannot tell."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from course.packaging.adl_schemas import schema_files
from course.packaging.manifest_check import package_problems, schema_problems, semantic_problems
from tests.conftest import PROJECT
from tests.packaging.conftest import TRACK, VERSIONS

ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSSS = "http://www.imsglobal.org/xsd/imsss"


def contents(zip_path: Path) -> tuple[bytes, set[str], dict[str, bytes]]:
    with zipfile.ZipFile(zip_path) as z:
        names = set(z.namelist())
        return z.read("imsmanifest.xml"), names, {n: z.read(n) for n in names if n.endswith(".xsd")}


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_at_zip_root_validates_against_the_shipped_schemas(version: str, scorm_zips) -> None:
    assert package_problems(scorm_zips[version]) == []
    _manifest, names, schemas = contents(scorm_zips[version])
    assert {"imsmanifest.xml", "index.html", "opspor-lms.js", f"kursus/spor/{TRACK}.html"} <= names
    # The originals are shipped, byte for byte (the validator patches only a temporary copy).
    originals = {p.name: p.read_bytes() for p in schema_files(PROJECT, version)}
    assert schemas == originals
    assert len(originals) == {"1.2": 4, "2004": 15}[version]


def test_no_mastery_score_so_the_lms_keeps_opspors_status(scorm_zips) -> None:
    """With a mastery score Moodle recomputed the status from the score on exit: a learner whose
    scenario ended badly (score 100, status failed) became passed. The SCO's status is the verdict."""
    m12 = etree.fromstring(contents(scorm_zips["1.2"])[0])
    assert m12.find(f".//{{{ADLCP_12}}}masteryscore") is None
    m2004 = etree.fromstring(contents(scorm_zips["2004"])[0])
    assert m2004.find(f".//{{{IMSSS}}}minNormalizedMeasure") is None
    assert m2004.find(f".//{{{IMSSS}}}primaryObjective") is None


def test_one_sco_per_track_launching_the_launch_page(scorm_zips) -> None:
    manifest = contents(scorm_zips["2004"])[0].decode()
    assert manifest.count("<resource ") == 1 and manifest.count("<item ") == 1
    assert 'adlcp:scormType="sco" href="index.html"' in manifest


def test_scorm12_case_mistake_in_2004_passes_the_schema_but_not_the_semantic_check(scorm_zips) -> None:
    manifest, names, schemas = contents(scorm_zips["2004"])
    wrong = manifest.replace(b"adlcp:scormType=", b"adlcp:scormtype=")
    assert schema_problems(wrong, schemas, "2004") == []  # why the semantic checks exist
    assert any('needs adlcp:scormType="sco"' in p for p in semantic_problems(wrong, names, "2004"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ((b'identifierref="opspor-', b'identifierref="nowhere-'), "names no resource"),
        ((b'<file href="opspor-lms.js"/>', b'<file href="missing.js"/>'), "'missing.js' is not in the package"),
        ((b"<title>", b"<adlcp:masteryscore>80</adlcp:masteryscore><title>"), "a mastery score"),
        ((b'adlcp:scormtype="sco"', b'adlcp:scormtype="SCO"'), "'SCO'"),
    ],
)
def test_broken_12_manifests_are_reported(change: tuple[bytes, bytes], expected: str, scorm_zips) -> None:
    manifest, names, schemas = contents(scorm_zips["1.2"])
    assert change[0] in manifest
    broken = manifest.replace(*change)
    problems = schema_problems(broken, schemas, "1.2") + semantic_problems(broken, names, "1.2")
    assert any(expected in p for p in problems), problems


def test_manifest_not_at_the_root_is_reported(scorm_zips, tmp_path: Path) -> None:
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(scorm_zips["1.2"]) as source, zipfile.ZipFile(nested, "w") as target:
        for name in source.namelist():
            target.writestr(f"pakke/{name}", source.read(name))
    assert package_problems(nested) == ["imsmanifest.xml is not at the zip root (found pakke/imsmanifest.xml)"]
