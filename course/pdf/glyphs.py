"""Can the certificate fonts print this text, and in italic? Checked against the fonts' own character maps.

WeasyPrint does not fail on a character no font has: it draws nothing (or an empty
box), so an emoji or a rare letter would silently vanish from a participant's name on
a signed certificate. The name is set in EB Garamond (bundled, ``course/pdf/fonts``),
then DejaVu Serif and DejaVu Sans (the system fallback every supported machine has,
``fonts-dejavu-core``; DejaVu Sans brings Arabic and Persian, Hebrew, Greek, Cyrillic
and some emoji), in that order, as ``certificate.css`` says. A character in none of
their cmaps is refused before anything is printed.

Names are italic, but a family whose italic face lacks a character (DejaVu Sans
Oblique has no Arabic letters) makes Pango slant the upright face instead, and
WeasyPrint 70 files that slanted face under the real italic's name: glyphs of one end
up drawn from the other, so an emoji elsewhere in the same run came out blank
(measured with a Persian name and "Ida 😀"). Such a name is set upright instead
(:func:`needs_upright`), which Arabic script wants anyway; no face is ever synthesised.

Characters that no font draws on their own (joiners, variation selectors, emoji tags)
are shaped away and need no glyph; the letters around them do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"  # not via asset_fetcher: no WeasyPrint import
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
                    Path.home() / ".fonts")
# The name's font stack in certificate.css order: (family, upright file, italic file, bundled).
NAME_FAMILIES = (("EB Garamond", "EBGaramond12-Regular.otf", "EBGaramond12-Italic.otf", True),
                 ("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Italic.ttf", False),
                 ("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Oblique.ttf", False))
FONT_NAMES = ", ".join(family for family, *_ in NAME_FAMILIES)


@dataclass(frozen=True)
class Family:
    upright: frozenset[int]
    italic: frozenset[int]

    @property
    def any(self) -> frozenset[int]:
        return self.upright | self.italic


def _needs_no_glyph(character: str) -> bool:
    code = ord(character)
    return (unicodedata.category(character) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
            or character == "\u034f")


def _cmap(path: Path | None) -> frozenset[int]:
    if path is None:
        return frozenset()
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or ())


def _system_font(name: str) -> Path | None:
    for folder in SYSTEM_FONT_DIRS:
        found = next(iter(sorted(folder.rglob(name))), None) if folder.is_dir() else None
        if found:
            return found
    return None


def _font(name: str, bundled: bool) -> Path | None:
    return FONTS_DIR / name if bundled else _system_font(name)


@cache
def _family(index: int) -> Family:
    """One family's cmaps; DejaVu is loaded only when a name has a character EB Garamond lacks."""
    _, upright, italic, bundled = NAME_FAMILIES[index]
    return Family(_cmap(_font(upright, bundled)), _cmap(_font(italic, bundled)))


def _families() -> Iterator[Family]:
    return (_family(index) for index in range(len(NAME_FAMILIES)))


def _first_family(code: int) -> Family | None:
    return next((family for family in _families() if code in family.any), None)


def missing_characters(text: str) -> list[str]:
    """The characters of ``text`` that none of the name fonts can print, in order, each once."""
    if _family(0).italic.issuperset(map(ord, text)):  # the common case, in one set operation
        return []
    missing: list[str] = []
    for character in text:
        if not (_needs_no_glyph(character) or character in missing or _first_family(ord(character))):
            missing.append(character)
    return missing


def needs_upright(text: str) -> bool:
    """True when some character's first family has it only upright (so italic would be synthesised)."""
    if _family(0).italic.issuperset(map(ord, text)):
        return False
    for character in text:
        family = None if _needs_no_glyph(character) else _first_family(ord(character))
        if family is not None and ord(character) not in family.italic:
            return True
    return False


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
