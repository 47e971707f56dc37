"""WeasyPrint may load the project's print assets and nothing else."""

from __future__ import annotations

import pytest

from course.pdf.asset_fetcher import PDF_DIR, ProjectAssetFetcher, RefusedAsset
from course.pdf.renderer import PrintRenderer


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    (PDF_DIR / "fonts" / ".." / ".." / ".." / "build.py").as_uri(),
    f"file://{PDF_DIR}/fonts/../../../build.py",
    (PDF_DIR / "renderer.py").as_uri(),
    "https://example.com/font.otf",
    "http://127.0.0.1/x.css",
    "data:text/html,<h1>x</h1>",
])
def test_everything_outside_the_print_assets_is_refused(url: str) -> None:
    fetcher = ProjectAssetFetcher()
    with pytest.raises((RefusedAsset, ValueError)):
        fetcher.fetch(url)


def test_the_project_fonts_and_stylesheets_are_served() -> None:
    fetcher = ProjectAssetFetcher()
    font = fetcher.fetch((PDF_DIR / "fonts" / "Cabin-Regular.otf").as_uri())
    assert font.read()[:4] == b"OTTO"
    assert fetcher.fetch((PDF_DIR / "templates" / "print.css").as_uri()).content_type == "text/css"


def test_raw_html_that_reaches_weasyprint_still_reads_no_file() -> None:
    renderer = PrintRenderer("da")
    html = ('<p>Hej</p><img src="file:///etc/passwd"><link rel="stylesheet" href="file:///etc/hosts">'
            '<img src="http://example.com/x.png">')
    document = renderer.document(html, ["fonts.css", "print.css"])
    assert len(document.pages) == 1
    assert set(renderer.fetcher.refused) == {"file:///etc/passwd", "file:///etc/hosts", "http://example.com/x.png"}
