"""The only way WeasyPrint may read a file: the project's own print assets.

Author and roster text is escaped, but the fetcher is the second wall: even a
``<img src="file:///etc/passwd">`` that reached the HTML would be refused, and
so would any http(s) URL, so rendering never touches the network. The one
outside file it serves is an image the command named itself (the issuer's
scanned signature), and only if it is a regular, small PNG or JPEG.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_DIR = Path(__file__).resolve().parent
ALLOWED_DIRS = (PDF_DIR / "fonts", PDF_DIR / "templates")
QR_DATA_PREFIX = "data:image/png;base64,"
# Images embedded in the HTML as data: URLs: our QR codes and a local edition's logo (checked by
# course.editions.logo when the edition was loaded). A data: URL carries its bytes, so no file is read.
DATA_IMAGE_PREFIXES = {QR_DATA_PREFIX: "image/png", "data:image/svg+xml;base64,": "image/svg+xml"}
MEDIA_TYPES = {".otf": "font/otf", ".ttf": "font/ttf", ".css": "text/css"}
MAX_IMAGE_BYTES = 2_000_000
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def image_type(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` when ``data`` starts like one, else None (never trust the suffix)."""
    return next((kind for magic, kind in IMAGE_MAGIC.items() if data.startswith(magic)), None)


class RefusedAsset(ValueError):
    """A URL outside the project's print assets."""


class ProjectAssetFetcher(URLFetcher):
    """Serve files under ``course/pdf/fonts`` and ``course/pdf/templates``, and the
    PNG ``data:`` URLs of our own QR codes; refuse everything else."""

    def __init__(self, images: tuple[Path, ...] = ()) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.refused: list[str] = []
        self.images = frozenset(path.resolve() for path in images)  # e.g. keys/signatur.png

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        for prefix, media_type in DATA_IMAGE_PREFIXES.items():
            if url.startswith(prefix):
                return URLFetcherResponse(url, base64.b64decode(url[len(prefix):]), {"Content-Type": media_type})
        parsed = urlparse(url)
        path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" and not parsed.netloc else None
        if path is not None and path in self.images:
            return self._image(url, path)
        if path is None or not any(folder in path.parents for folder in ALLOWED_DIRS) or not path.is_file():
            self.refused.append(url)
            raise RefusedAsset(f"refused (not a project print asset): {url[:200]}")
        media_type = MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": media_type})

    def _image(self, url: str, path: Path) -> URLFetcherResponse:
        """One of the images the command named: a regular file (not a link), small, really PNG or JPEG."""
        given = Path(unquote(urlparse(url).path))
        if given.is_symlink() or not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
            self.refused.append(url)
            raise RefusedAsset(f"refused (not a small regular image file): {url[:200]}")
        data = path.read_bytes()
        media_type = image_type(data)
        if media_type is None:
            self.refused.append(url)
            raise RefusedAsset(f"refused (not a PNG or JPEG image): {url[:200]}")
        return URLFetcherResponse(path.as_uri(), data, {"Content-Type": media_type})
