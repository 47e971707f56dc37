"""Can the certificate fonts print this text? Checked against the fonts' own character maps.

WeasyPrint does not fail on a character no font has: it draws nothing (or an empty
box), so an emoji or a rare letter would silently vanish from a participant's name on
a signed certificate. The name is set in EB Garamond (bundled, ``course/pdf/fonts``),
then DejaVu Serif and DejaVu Sans (the system fallback every supported machine has,
``fonts-dejavu-core``; DejaVu Sans brings Arabic and Persian, Hebrew, Greek, Cyrillic
and some emoji), in that order, as ``certificate.css`` says. A character in none of
their cmaps is refused before anything is printed.

Characters that no font draws on their own (joiners, variation selectors, emoji tags)
are shaped away and need no glyph; the letters around them do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"  # not via asset_fetcher: no WeasyPrint import
BUNDLED_NAME_FONTS = ("EBGaramond12-Italic.otf", "EBGaramond12-Regular.otf")
SYSTEM_NAME_FONTS = ("DejaVuSerif-Italic.ttf", "DejaVuSerif.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans.ttf")
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
                    Path.home() / ".fonts")
FONT_NAMES = "EB Garamond, DejaVu Serif, DejaVu Sans"


def _needs_no_glyph(character: str) -> bool:
    code = ord(character)
    return (unicodedata.category(character) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
            or character == "\u034f")


def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or ())


def _system_font_files() -> Iterator[Path]:
    for name in SYSTEM_NAME_FONTS:
        for folder in SYSTEM_FONT_DIRS:
            found = next(iter(sorted(folder.rglob(name))), None) if folder.is_dir() else None
            if found:
                yield found
                break


@cache
def _bundled() -> frozenset[int]:
    return frozenset().union(*(_cmap(FONTS_DIR / name) for name in BUNDLED_NAME_FONTS))


@cache
def _fallback() -> frozenset[int]:
    """DejaVu's characters; loaded only when a name has one EB Garamond lacks (most names never do)."""
    return frozenset().union(*(_cmap(path) for path in _system_font_files()))


def missing_characters(text: str) -> list[str]:
    """The characters of ``text`` that none of the name fonts can print, in order, each once."""
    bundled = _bundled()
    if bundled.issuperset(map(ord, text)):  # the common case, in one set operation
        return []
    missing: list[str] = []
    for character in text:
        code = ord(character)
        if code in bundled or _needs_no_glyph(character) or character in missing:
            continue
        if code not in _fallback():
            missing.append(character)
    return missing


def unprintable(name: str) -> str | None:
    """A message naming the first character of ``name`` that the certificate cannot print, or None."""
    missing = missing_characters(name)
    if not missing:
        return None
    character = missing[0]
    label = unicodedata.name(character, "")
    return (f"the name contains {character} (U+{ord(character):04X}{' ' + label if label else ''}), which the "
            f"certificate fonts ({FONT_NAMES}) cannot print, so it would be missing from the certificate; "
            "write the name without it")
