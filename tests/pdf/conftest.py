"""The print edition of the real site, built once per test session (WeasyPrint)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT, once_per_run

EPOCH = "1764288000"  # 2025-11-28: any fixed date; the edition must not read the clock


@dataclass
class Editions:
    site: Path
    out: Path
    output: str

    def pdf(self, lang: str) -> Path:
        return self.out / f"briefs.{lang}.pdf"


def run_pdf(site: Path, out: Path, *langs: str, module: str = "tools.pdf",
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m tools.pdf` (or `module`, which takes its arguments) at EPOCH."""
    command = [sys.executable, "-m", module, "--site", str(site), "--out", str(out)]
    for lang in langs:
        command += ["--lang", lang]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=1800)


@pytest.fixture(scope="session")
def editions(real_site, tmp_path_factory) -> Editions:
    """Both editions of the real site, built once per test run for all workers."""
    assert real_site.returncode == 0, real_site.output
    with once_per_run(tmp_path_factory, "pdf") as out:
        log = out / "build.log"
        if not log.is_file():
            out.mkdir(parents=True, exist_ok=True)
            done = run_pdf(real_site.site, out)
            assert done.returncode == 0, done.stdout + done.stderr
            log.write_text(done.stdout + done.stderr, encoding="utf-8")
        return Editions(real_site.site, out, log.read_text(encoding="utf-8"))


#: The pages of the small edition: notes (run-in repeats among them), then a table across
#: two pages and a bar chart (inline SVG).
SMALL = ("briefs/summary/", "figures/figure-5/")


def small_site(site: Path, target: Path) -> Path:
    """A copy of the built site's Japanese half that prints only SMALL: the home page with
    every other printed page's link made `#`, those pages, the references page (the cover
    cites the report from it), and the English home page (read to learn its language)."""
    home = (site / "index.html").read_text(encoding="utf-8")

    def keep(m: re.Match[str]) -> str:
        return m.group(0) if m.group(2) in SMALL else 'href="#"'

    home = re.sub(r'href="(\./)?((?:briefs|figures|glossary|references)/[^"#]*)"', keep, home)
    (target / "index.html").parent.mkdir(parents=True, exist_ok=True)
    (target / "index.html").write_text(home, encoding="utf-8")
    for url in (*SMALL, "references/", "en/"):
        (target / url).mkdir(parents=True)
        shutil.copyfile(site / url / "index.html", target / url / "index.html")
    return target


def poppler(tool: str, *args: str) -> str:
    """What one of poppler's tools (`pdftotext`, `pdffonts`) prints; a clear failure, not a
    FileNotFoundError, on a machine without them (CI or not: the PDF tests need no browser)."""
    if shutil.which(tool) is None:
        pytest.fail(f"the PDF tests read the editions back with poppler's {tool}, not found "
                    "(apt-get install poppler-utils, which .ci/run does as root)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@cache
def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, reading order)."""
    text = poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    return text.split("\f")[:-1]


@dataclass
class Line:
    page: int  # 1-based
    x: float
    y: float
    height: float
    words: list[str]


@cache
def page_lines(pdf: Path) -> list[Line]:
    """Every text line with its position (pdftotext -bbox-layout)."""
    xml = poppler("pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-")
    lines = []
    for number, page in enumerate(re.split(r"<page [^>]*>", xml)[1:], start=1):
        for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
                             r'yMax="([\d.]+)">(.*?)</line>', page, re.S):
            words = re.findall(r">([^<]*)</word>", m.group(4))
            y, bottom = float(m.group(2)), float(m.group(3))
            lines.append(Line(number, float(m.group(1)), y, bottom - y, words))
    return lines


@cache
def pdf_objects(pdf: Path) -> bytes:
    """The file with every compressed stream inflated (object streams hold the catalog)."""
    data = pdf.read_bytes()
    parts = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def outline_titles(pdf: Path) -> list[str]:
    """The bookmarks' titles (outline items: dictionaries with a /Parent), in file order."""
    data = pdf_objects(pdf)
    titles = []
    for m in re.finditer(rb"/Title\s*(?:<feff([0-9a-fA-F]*)>|\(((?:[^()\\]|\\.)*)\))", data):
        start, end = data.rfind(b"<<", 0, m.start()), data.find(b">>", m.end())
        if b"/Parent" not in data[start:end]:
            continue
        if m.group(1) is not None:
            titles.append(bytes.fromhex(m.group(1).decode("ascii")).decode("utf-16-be"))
        else:
            titles.append(re.sub(rb"\\(.)", rb"\1", m.group(2)).decode("latin-1"))
    return titles


def named_destinations(pdf: Path) -> set[str]:
    names = re.search(rb"/Dests\s*<<\s*/Names\s*\[(.*?)\]\s*>>", pdf_objects(pdf), re.S)
    assert names, f"{pdf}: no named destinations"
    return {m.decode("latin-1") for m in re.findall(rb"\(([^()]*)\)\s*\[", names.group(1))}
