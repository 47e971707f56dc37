"""Check a SCORM package the way an LMS will read it: schemas plus what schemas miss.

Schema validation uses lxml (libxml2) on a temporary copy of the package's own XSD
files. Two ADL 1.2 files need care: ``ims_xml.xsd`` binds the reserved xml namespace
as its default namespace, which libxml2 refuses, so the copy loses that one
declaration; ``imsmd_rootv1p2p1.xsd`` (LOM metadata, which the manifest does not use)
is not deterministic for libxml2 and is left out. The shipped files stay original.

Semantic checks catch what validates but breaks in an LMS: an ``identifierref`` with
no resource, a referenced file missing from the package, a 2004 resource without
``adlcp:scormType="sco"`` (a 1.2-style ``scormtype`` validates, and the LMS then
never tracks the SCO), a mastery score (1.2 ``adlcp:masteryscore``, 2004 an objective
satisfied by measure: the LMS could then override the SCO's status with a verdict from the
score alone, see :mod:`course.packaging.scorm_manifest`), and a manifest that is not at the
zip root.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

ENTRY_SCHEMAS = {
    "1.2": {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
    "2004": {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
}
CP_NAMESPACE = {"1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}
ADLCP_NAMESPACE = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}
SCORM_TYPE_ATTRIBUTE = {"1.2": "scormtype", "2004": "scormType"}
NOT_FOR_LIBXML2 = {"imsmd_rootv1p2p1.xsd"}
_XML_DEFAULT_NAMESPACE = re.compile(r'\sxmlns="http://www\.w3\.org/XML/1998/namespace"')


def detect_version(manifest: bytes) -> str:
    root = etree.fromstring(manifest)
    return "2004" if etree.QName(root).namespace == CP_NAMESPACE["2004"] else "1.2"


def schema_problems(manifest: bytes, schema_files: dict[str, bytes], version: str) -> list[str]:
    """Validate against the package's XSDs (name -> bytes); one message per problem."""
    with tempfile.TemporaryDirectory(prefix="opspor-xsd-") as tmp:
        folder = Path(tmp)
        for name, data in schema_files.items():
            if name in NOT_FOR_LIBXML2:
                continue
            if name == "ims_xml.xsd":
                data = _XML_DEFAULT_NAMESPACE.sub("", data.decode("utf-8"), count=1).encode("utf-8")
            (folder / name).write_bytes(data)
        imports = "".join(
            f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in ENTRY_SCHEMAS[version].items()
        )
        missing = [n for n in ENTRY_SCHEMAS[version].values() if not (folder / n).exists()]
        if missing:
            return [f"schema file missing from the package: {n}" for n in missing]
        driver = folder / "opspor-driver.xsd"
        driver.write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>')
        schema = etree.XMLSchema(etree.parse(str(driver)))
        document = etree.fromstring(manifest)
        if schema.validate(document):
            return []
        return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]


def semantic_problems(manifest: bytes, names: set[str], version: str) -> list[str]:
    """Problems an LMS meets although the schema is satisfied; ``names`` = files in the package."""
    problems: list[str] = []
    cp = CP_NAMESPACE[version]
    adlcp = ADLCP_NAMESPACE[version]
    root = etree.fromstring(manifest)
    resources = {r.get("identifier"): r for r in root.iter(f"{{{cp}}}resource")}
    items = list(root.iter(f"{{{cp}}}item"))
    if not items:
        problems.append("no <item> in the organization")
    for item in items:
        ref = item.get("identifierref")
        if ref and ref not in resources:
            problems.append(f"item {item.get('identifier')}: identifierref {ref!r} names no resource")
    for identifier, resource in resources.items():
        kind = resource.get(f"{{{adlcp}}}{SCORM_TYPE_ATTRIBUTE[version]}")
        if kind not in ("sco", "asset"):
            problems.append(
                f"resource {identifier}: needs adlcp:{SCORM_TYPE_ATTRIBUTE[version]}=\"sco\" (found {kind!r})"
            )
        hrefs = [resource.get("href")] + [f.get("href") for f in resource.iter(f"{{{cp}}}file")]
        for href in dict.fromkeys(hrefs):
            if href is None:
                continue
            path = unquote(href.split("#")[0].split("?")[0])
            if path not in names:
                problems.append(f"resource {identifier}: file {path!r} is not in the package")
    overriding = "the LMS could override Opspor's status from the score alone (scenario endings count too)"
    if any(True for _ in root.iter(f"{{{adlcp}}}masteryscore")):
        problems.append(f"adlcp:masteryscore: a mastery score, so {overriding}")
    if any(e.get("satisfiedByMeasure") == "true" for e in root.iter() if str(e.tag).lower().endswith("objective")):
        problems.append(f"an objective satisfied by measure (minNormalizedMeasure), so {overriding}")
    if not any(r.get(f"{{{adlcp}}}{SCORM_TYPE_ATTRIBUTE[version]}") == "sco" for r in resources.values()):
        problems.append("no resource is a SCO, so the LMS would track nothing")
    return problems


def package_problems(zip_path: Path) -> list[str]:
    """Everything wrong with a SCORM zip; an empty list means an LMS can import it."""
    with zipfile.ZipFile(zip_path) as archive:
        names = {n for n in archive.namelist() if not n.endswith("/")}
        if "imsmanifest.xml" not in names:
            nested = [n for n in names if n.endswith("/imsmanifest.xml")]
            where = f" (found {nested[0]})" if nested else ""
            return [f"imsmanifest.xml is not at the zip root{where}"]
        manifest = archive.read("imsmanifest.xml")
        version = detect_version(manifest)
        schemas = {n: archive.read(n) for n in names if n.endswith(".xsd") and "/" not in n}
    return schema_problems(manifest, schemas, version) + semantic_problems(manifest, names, version)
