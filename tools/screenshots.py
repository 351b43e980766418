"""Screenshots of the built site for a look before a release (`make screenshots`).

Builds the site into a temporary folder, serves it on 127.0.0.1 under the path of
`SITE_URL` (tools/static_site.py, as the browser tests do) and saves full-page PNGs of the
pages a reader meets most: home, a section brief, figure 5 (the widest table), the
references and the glossary, in both languages, at phone (390 px) and desktop (1366 px)
width, in the light and the dark palette. Output: `screenshots/` (gitignored), or the folder
given as the first argument; file names say page, language, width and palette.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import static_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {"home": "", "section-3-1": "briefs/section-3-1/", "figure-5": "figures/figure-5/",
         "references": "references/", "glossary": "glossary/"}
LANGUAGES = {"ja": "", "en": "en/"}
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
SCHEMES = ("light", "dark")


def build(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(target)], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stdout}{done.stderr}")


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found (apt-get install chromium, or set CHROME_PATH)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        server, base = static_site.serve(site, static_site.base_path())
        written = 0
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                     args=["--no-sandbox", "--disable-gpu"])
                for (width_name, (width, height)) in WIDTHS.items():
                    for scheme in SCHEMES:
                        context = browser.new_context(
                            color_scheme=scheme, viewport={"width": width, "height": height},
                            device_scale_factor=2 if width_name == "phone" else 1)
                        page = context.new_page()
                        for lang, prefix in LANGUAGES.items():
                            for name, path in PAGES.items():
                                page.goto(base + prefix + path, wait_until="load")
                                page.evaluate("document.fonts.ready")
                                file = out / f"{name}.{lang}.{width_name}-{width}.{scheme}.png"
                                page.screenshot(path=str(file), full_page=True)
                                written += 1
                        context.close()
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    print(f"{written} screenshots in {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
