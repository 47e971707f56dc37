"""Drop the theme's search languages other than the course's, so no site or package carries them.

mkdocs-material ships lunr stemmers for some thirty languages (and two word segmenters); the
search worker asks only for the course language's, the shared stemmer support and the
multi-language glue. The rest would only weigh down the offline zip and every LMS package, so
the shell leaves them out of the site it builds; the packagers then need to know nothing of them.
"""

from __future__ import annotations

from pathlib import Path

LUNR_FOLDER = "assets/javascripts/lunr"
LUNR_ALWAYS = ("lunr.stemmer.support.min.js", "lunr.multi.min.js")


def drop_other_search_languages(site_dir: Path, language: str) -> None:
    """Remove every file of the theme's lunr folder the search worker will not load for ``language``."""
    keep = {*LUNR_ALWAYS, f"lunr.{language}.min.js"}
    for path in (site_dir / LUNR_FOLDER).rglob("*"):
        if path.is_file() and path.name not in keep:
            path.unlink()
