"""The theme's search index, moved out of the way of every page load.

The theme loads search/search_index.json (search_index.js from file://) on every page, before
anyone searches: most of a page's weight. After the build the real index goes to
search/opspor-search-index.js (a script, so it loads from file:// under the pages' CSP) and
the theme's two files keep only its settings and no documents. assets/md-search-lazy.js loads
the real index when search is first opened.
"""

from __future__ import annotations

import json
from pathlib import Path

LAZY_INDEX = "opspor-search-index.js"


def defer_search_index(site_dir: Path) -> None:
    folder = site_dir / "search"
    index_file = folder / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    full = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / LAZY_INDEX).write_text(f"window.__opsporSearchIndex = {full};\n", encoding="utf-8")
    stub = json.dumps({"config": index.get("config", {}), "docs": []}, ensure_ascii=False)
    index_file.write_text(stub, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {stub}", encoding="utf-8")
