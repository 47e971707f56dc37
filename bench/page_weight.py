"""Page weight before and after: what each kind of page costs a learner to open (issue 13).

    python bench/page_weight.py [--baseline REF] [--course DIR]

Builds the course twice in one run, from git REF (default ``main``, via ``git archive``) and from
the working tree, then opens one page of every kind from ``file://`` in Chromium and adds up what
the page really loads before anyone does anything: its HTML, the JavaScript and CSS (ours and the
theme's), and the search index (separately: the budget is "without the search index", and the
point is that it should not load at all until search is opened). Module pages are also measured
as files on disk (mean and largest HTML). Sizes are bytes on disk in KB (1000 bytes); nothing is
compressed, as from a USB stick or an LMS package. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
BUDGET_HTML_KB = 60
BUDGET_ASSETS_KB = 300


def build(source: Path, course: str, out: Path) -> Path:
    """Build ``course`` with the build.py found in ``source`` into ``out``."""
    args = [sys.executable, str(source / "build.py")]
    if course != ".":
        args += ["--course", str(source / course)]
    subprocess.run([*args, "build", "--out", str(out)], cwd=source, check=True, capture_output=True, text=True)
    return out


def checkout(ref: str, target: Path) -> Path:
    """The tree of ``ref`` in ``target`` (git archive: the repository and its worktrees are left alone)."""
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", ref], check=True, capture_output=True).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    (target / "node_modules").symlink_to(PROJECT / "node_modules")  # the vendored bundles `make setup` built
    return target


def page_kinds(site: Path) -> dict[str, str]:
    course = json.loads((site / "assets" / "opspor" / "course-manifest.json").read_text("utf-8"))
    track = course["tracks"][0]
    module = next(i["id"] for i in track["items"] if i["kind"] == "module")
    scenario = next(i["id"] for i in track["items"] if i["kind"] == "scenario")
    return {"front page": "index.html", "module": course["modules"][module]["url"],
            "scenario": course["scenarios"][scenario]["url"], "track": track["url"],
            "Mit forløb": "mit-forloeb.html", "certificate": "bevis.html", "glossary": "ordliste.html",
            "help": "hjaelp.html"}


def is_search_index(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "/search/" in path and (name.startswith("search_index") or name.startswith("opspor-search-index"))


def measure_loads(site: Path, browser: object) -> dict[str, dict[str, float]]:
    """Per page kind: KB of HTML, of JS + CSS (without the search index) and of the search index."""
    results = {}
    for kind, path in page_kinds(site).items():
        context = browser.new_context(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
        loaded: set[str] = set()
        context.on("request", lambda request, seen=loaded: seen.add(request.url))
        page = context.new_page()
        page.goto((site / path).as_uri())
        page.wait_for_load_state("networkidle")
        sizes = {"html": 0, "assets": 0, "search index": 0}
        for url in loaded:
            parts = urlsplit(url)
            if parts.scheme != "file":
                continue
            file = Path(unquote(parts.path))
            if not file.is_file():
                continue
            size = file.stat().st_size
            if file.suffix == ".html" and file.resolve() == (site / path).resolve():
                sizes["html"] += size
            elif is_search_index(parts.path):
                sizes["search index"] += size
            elif file.suffix in (".js", ".css"):
                sizes["assets"] += size
        results[kind] = {k: v / 1000 for k, v in sizes.items()}
        context.close()
    return results


def module_html(site: Path) -> tuple[float, float]:
    sizes = [p.stat().st_size / 1000 for p in (site / "moduler").glob("*.html")]
    return statistics.mean(sizes), max(sizes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git ref to compare with (default: main)")
    parser.add_argument("--course", default=".", help="course folder, relative to the project (default: .)")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="opspor-page-weight-") as tmp:
        work = Path(tmp)
        baseline = build(checkout(options.baseline, work / "baseline"), options.course, work / "baseline-site")
        current = build(PROJECT, options.course, work / "current-site")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            before, after = measure_loads(baseline, browser), measure_loads(current, browser)
            browser.close()
        print(f"Page weight, KB (1000 bytes) loaded on opening from file://; baseline = {options.baseline}")
        print(f"{'page':<12} {'HTML before':>12} {'after':>7}  {'JS+CSS before':>14} {'after':>7}  "
              f"{'search index before':>20} {'after':>7}")
        for kind in before:
            b, a = before[kind], after[kind]
            print(f"{kind:<12} {b['html']:>12.1f} {a['html']:>7.1f}  {b['assets']:>14.1f} {a['assets']:>7.1f}  "
                  f"{b['search index']:>20.1f} {a['search index']:>7.1f}")
        (b_mean, b_max), (a_mean, a_max) = module_html(baseline), module_html(current)
        print(f"module pages on disk: mean {b_mean:.1f} -> {a_mean:.1f} KB, largest {b_max:.1f} -> {a_max:.1f} KB"
              f" (budget {BUDGET_HTML_KB} KB)")
        worst = max(a["assets"] for a in after.values())
        print(f"largest JS+CSS of any page now: {worst:.1f} KB (budget {BUDGET_ASSETS_KB} KB, search index apart)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
