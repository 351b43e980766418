"""The content of issue 3: every section and figure briefed, in both languages, faithfully."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefs_citations import bibliography
from briefs_citations.scan import scan
from checks import translations
from hooks.site_locale import BRIEF_SECTIONS, LANGUAGES, section
from tools.report_fingerprint import FINGERPRINT, GUARANTEE, SPAN, Fingerprint, normalise

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# outline.md's sections and figures → the brief that covers each.
SECTIONS = {
    "summary": "briefs/summary", "introduction": "briefs/introduction",
    "2": "briefs/section-2", "2.1": "briefs/section-2-1", "2.2": "briefs/section-2-2",
    "2.3": "briefs/section-2-3", "3": "briefs/section-3", "3.1": "briefs/section-3-1",
    "3.2": "briefs/section-3-2", "4": "briefs/section-4", "4.1": "briefs/section-4-1",
    "4.2": "briefs/section-4-2",
}
FIGURES = {n: f"figures/figure-{n}" for n in range(1, 7)}
BRIEFS = list(SECTIONS.values()) + list(FIGURES.values())
PAGES = [*BRIEFS, "index", "about", "glossary", "references"]
HEADINGS = {lang: [f"## {section(name, lang)}" for name in BRIEF_SECTIONS] for lang in LANGUAGES}
FOOTNOTE_LOCATOR = {"ja": r"脚注\s*(\d+)", "en": r"\bn\.\s*(\d+)"}


def read(page: str, lang: str) -> tuple[dict, str]:
    text = (DOCS / f"{page}.{lang}.md").read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{page}.{lang}.md has no front matter"
    return yaml.safe_load(match.group(1)), text[match.end():]


def cited_keys(text: str) -> set[str]:
    return {item.key.casefold() for c in scan(text).citations for item in c.items}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_exists_with_title_and_description(page, lang):
    meta, _ = read(page, lang)
    assert meta.get("title"), f"{page}.{lang}.md: no title"
    assert meta.get("description"), f"{page}.{lang}.md: no description"


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_has_its_brief(section):
    for lang in ("ja", "en"):
        meta, _ = read(SECTIONS[section], lang)
        assert str(meta["section"]) == section


@pytest.mark.parametrize("figure", FIGURES)
def test_every_figure_has_its_brief(figure):
    for lang in ("ja", "en"):
        meta, body = read(FIGURES[figure], lang)
        assert meta["figure"] == figure
        data = f"## {section('data', lang)}"
        assert data in body and re.search(r"^\|.*\|\s*$", body, re.M), "no data table"


@pytest.mark.parametrize("page", BRIEFS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_brief_structure(page, lang):
    meta, body = read(page, lang)
    positions = [body.find(h + "\n") for h in HEADINGS[lang]]
    assert all(p >= 0 for p in positions), f"{page}.{lang}.md lacks {HEADINGS[lang]}"
    assert positions == sorted(positions), "headings out of order"
    key_points = body[positions[0]:positions[1]]
    assert 3 <= len(re.findall(r"^- ", key_points, re.M)) <= 5, "3 to 5 key points"
    annotation = body[positions[2]:positions[3]]
    assert re.search(r'^!!! \w+ "', annotation, re.M), "annotation not in an admonition"
    assert cited_keys(body), "no citation"
    assert "tanabe2024" in cited_keys(body[positions[1]:positions[2]]), "summary cites the report"
    for related in meta.get("related", []):
        assert (DOCS / related.replace(".md", f".{lang}.md")).exists(), related


def test_pairs_agree_as_the_translation_check_compares_them():
    """Translation parity (same keys, figures and tags from tags.yml) is
    checks/translations.py's rule, defined there once."""
    assert [str(p) for p in translations.check(ROOT, staleness=False)] == []


@pytest.mark.parametrize("page", BRIEFS)
def test_every_brief_has_tags(page):
    for lang in ("ja", "en"):
        meta, _ = read(page, lang)
        assert meta.get("tags"), f"{page}.{lang}.md has no tags"


def test_every_report_footnote_is_accounted_for():
    bib = bibliography.load(ROOT / "references.bib")
    found = {n for entry in bib.entries for n in entry.report_notes}
    for lang in ("ja", "en"):
        marked = set()
        for path in DOCS.rglob(f"*.{lang}.md"):
            for citation in scan(path.read_text(encoding="utf-8")).citations:
                for item in citation.items:
                    if item.key == "tanabe2024":
                        marked |= {int(n) for n in
                                   re.findall(FOOTNOTE_LOCATOR[lang], item.locator)}
        assert {1, 6, 8, 15, 18} <= marked, f"{lang}: notes without a marker"
        assert found | marked >= set(range(1, 22))


def test_every_bibliography_entry_is_cited_somewhere():
    bib = bibliography.load(ROOT / "references.bib")
    cited = set()
    for path in DOCS.rglob("*.md"):
        cited |= cited_keys(path.read_text(encoding="utf-8"))
    uncited = {e.key for e in bib.entries} - cited
    assert not uncited


# -- own words --------------------------------------------------------------------------
# The report's text is not in the repository: the check compares pages with its fingerprint
# (tools/report_fingerprint.py, tests/content/report-fingerprint.txt), so it runs on every clone.

QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』|“[^“”]*”|\"[^\"]*\"")
# The fingerprint's witness: one sentence of the report, quoted briefly as the rights rule
# allows (marked, cited, 38 characters without spaces = GUARANTEE, so any check that keeps
# the guarantee must catch it). Source: tanabe2024, p. 1, 要約 (summary), fourth point.
WITNESS = "国内での AI の開発やそれを支える計算資源の整備には大規模な投資が必要となる。"


@pytest.fixture(scope="module")
def report_fingerprint() -> Fingerprint:
    return Fingerprint()


def prose(text: str) -> str:
    """What must be in our own words: no front matter, tables, quotations or headings."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    lines = [line for line in text.splitlines()
             if not line.lstrip().startswith(("|", "#", ">"))]
    return QUOTED.sub("", "\n".join(lines))


def test_the_witness_is_a_short_quotation_as_long_as_the_guarantee():
    assert len(normalise(WITNESS)) == GUARANTEE <= 40


@pytest.mark.parametrize(("page", "copied"), [
    (f"政府の支援について、{WITNESS}日本の現状も見る。", True),  # copied into our prose
    (f"- {WITNESS.replace(' ', '')}\n", True),  # without its spaces, in a list
    (f"政府の支援について、{WITNESS.replace('AI', 'ＡＩ')}", True),  # full-width letters
    (f"報告書は「{WITNESS}」と述べる[@tanabe2024]。", False),  # a marked quotation
    ("国内で AI を開発し計算資源を整えるには、多額の投資が欠かせないと報告書は見る。", False),
    (WITNESS[:29], False),  # shorter than the rule's 30 characters
], ids=["copied", "without-spaces", "full-width", "quoted", "paraphrase", "29-characters"])
def test_copy_check_catches_a_copied_sentence(report_fingerprint, page, copied):
    assert bool(report_fingerprint.copied(prose(page))) is copied


def test_fingerprint_is_thinned_hashes_only(report_fingerprint):
    """Winnowing keeps at least one window in SPAN, about 2 in SPAN + 1; no line is text."""
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if not line.startswith("#")]
    assert all(re.fullmatch(r"[0-9a-f]{10}", line) for line in data)
    assert data == sorted(data)
    windows = report_fingerprint.windows
    assert windows / SPAN <= len(report_fingerprint.kept) <= 1.25 * 2 * windows / (SPAN + 1)
    assert windows > 10_000  # the report has about 11,000 characters


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.ja.md")), ids=lambda p: p.name)
def test_japanese_pages_are_in_our_own_words(report_fingerprint, path):
    runs = report_fingerprint.copied(prose(path.read_text(encoding="utf-8")))
    assert not runs, f"{path.name} repeats the report: {runs[:3]}"
