"""`python -m tools.pdf [--site site]`: write both editions into SITE/pdf/."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from hooks.pdf_link import PDF_DIR, pdf_name
from tools.pdf.document import build
from tools.pdf.nav import read_site
from tools.pdf.render import write
from tools.pdf.words import WORDS

ROOT = Path(__file__).resolve().parents[2]


def edition_date() -> date:
    """SOURCE_DATE_EPOCH, else the last commit, else the report's date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                              capture_output=True, text=True, check=False)
        epoch = done.stdout.strip() if done.stdout.strip().isdigit() else "1718323200"
    return datetime.fromtimestamp(int(epoch), tz=UTC).date()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.pdf", description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--out", type=Path, help=f"where the PDFs go (default SITE/{PDF_DIR})")
    parser.add_argument("--lang", choices=sorted(WORDS), action="append",
                        help="only this language (repeatable; default: every language)")
    args = parser.parse_args(argv)
    site_dir: Path = args.site.resolve()
    out: Path = (args.out or site_dir / PDF_DIR).resolve()
    if not (site_dir / "index.html").exists():
        print(f"{site_dir}/index.html: no built site here (run `make build` first)",
              file=sys.stderr)
        return 2
    day = edition_date()
    status = 0
    for prefix in ("", "en/"):
        start = time.perf_counter()
        try:
            site = read_site(site_dir, prefix)
            if args.lang and site.lang not in args.lang:
                continue
            words = WORDS[site.lang]
            edition = build(site, words, day)
        except (ValueError, KeyError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        target = out / pdf_name(site.lang)
        page_css = f"@page {{ @bottom-center {{ content: {words.page_number} }} }}"
        refused = write(edition.html, root=site_dir, target=target, lang=site.lang,
                        page_css=page_css)
        for url in refused:
            print(f"error: {target.name}: refused a request outside the site: {url}",
                  file=sys.stderr)
            status = 1
        size = target.stat().st_size / 1e6
        print(f"{target}: {len(edition.titles)} pages of the site, {size:.2f} MB, "
              f"{time.perf_counter() - start:.1f} s wall, {time.process_time():.1f} s CPU so far")
    return status


if __name__ == "__main__":
    sys.exit(main())
