"""Lighthouse audit of the built site: a measurement, not a test (`make audit`).

Builds the site, serves it on 127.0.0.1 under the path of `SITE_URL` (`/` for a local
build, as `make serve` does),
runs the pinned npm `lighthouse` (tools/audit/package.json) with Debian's Chromium in its
mobile preset on the home page, a section brief, a figure brief and the references page in
both languages, and prints a Markdown table of the scores (median of AUDIT_RUNS runs per
page, default 3) against the targets.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from tools import static_site

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
OUT = HERE / "out"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage")
# Lighthouse's own advice: the median of several runs (its scores move with the machine's load)
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
PAGES = ["", "briefs/section-2-1/", "figures/figure-5/", "references/"]
CATEGORIES = [("performance", "performance", 95), ("accessibility", "accessibility", 100),
              ("best-practices", "best practices", 100), ("seo", "SEO", 100)]


def build() -> Path:
    site = ROOT / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stdout}{done.stderr}")
    return site


def audit(url: str, report: Path) -> dict[str, int]:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(c for c, _, _ in CATEGORIES)]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME},
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    return {key: round((result["categories"][key]["score"] or 0) * 100)
            for key, _, _ in CATEGORIES}


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run `npm ci` in {HERE} (make audit does)")
    site = build()
    server, base = static_site.serve(site, static_site.base_path(),
                                     compress=True)
    OUT.mkdir(exist_ok=True)
    rows = []
    try:
        for lang in ("", "en/"):
            for page in PAGES:
                path = lang + page
                name = (path.strip("/") or "home").replace("/", "_") or "home"
                runs = [audit(base + path, OUT / f"{name}-{i + 1}.json") for i in range(RUNS)]
                scores = {key: int(statistics.median(r[key] for r in runs))
                          for key, _, _ in CATEGORIES}
                spread = sorted(r["performance"] for r in runs)
                rows.append(("/" + path, scores, f"{spread[0]}–{spread[-1]}"))
                print(f"audited /{path}", file=sys.stderr)
    finally:
        server.shutdown()
    header = "| page | " + " | ".join(label for _, label, _ in CATEGORIES)
    print(header + " | performance, lowest–highest run |")
    print("|---|" + "---:|" * (len(CATEGORIES) + 1))
    missed = 0
    for path, scores, spread in rows:
        cells = []
        for key, _, target in CATEGORIES:
            ok = scores[key] >= target
            missed += not ok
            cells.append(f"{scores[key]}" + ("" if ok else " ✗"))
        print(f"| `{path}` | " + " | ".join(cells) + f" | {spread} |")
    targets = ", ".join(f"{label} ≥ {target}" for _, label, target in CATEGORIES)
    print(f"\nMedian of {RUNS} runs per page. Targets: {targets}. Lighthouse 12.2.3, "
          f"mobile preset, Chromium "
          f"{chromium_version()}. {'All met.' if not missed else f'{missed} missed (✗).'}")


def chromium_version() -> str:
    try:
        done = subprocess.run([CHROME, "--version"], capture_output=True, text=True, timeout=30)
    except OSError:
        return "?"
    found = re.search(r"[\d.]+", done.stdout)
    return found.group(0) if found else "?"


if __name__ == "__main__":
    main()
