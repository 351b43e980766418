"""Write the benchmark's sites: one corpus, five ways of turning its citations into footnotes.

- `base2`, `plugin2`: bilingual (mkdocs-static-i18n, ja at /, en at /en/); the baseline
  holds, as plain Markdown footnotes, the text the plugin would produce, and its references
  page has no list: making that list is part of what the plugin (and mkdocs-bibtex) costs.
- `base1`, `plugin1`, `bibtex1`: the Japanese pages alone, without i18n (mkdocs-bibtex has
  none); `bibtex1` is mkdocs-bibtex 4.4.0 in its pybtex mode (no `csl_file`).

Every site has the same theme, Markdown extensions, nav and no search plugin.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pybtex.backends.plaintext import Backend as TextBackend
from pybtex.plugin import register_plugin

from bench.corpus import BibEntry, Page
from briefs_citations import bibliography, render
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.numbering import Numbering
from briefs_citations.scan import scan

VARIANTS = ("base2", "plugin2", "base1", "plugin1", "bibtex1")
REFERENCES = {"ja": ("文献一覧", "このサイトのブリーフが引用する資料。"),
              "en": ("References", "The sources the briefs of this site cite.")}
INDEX = {"ja": ("索引", "合成したベンチマーク用のコーパス。"),
         "en": ("Index", "A synthetic corpus for the benchmark.")}

_COMMON = """\
site_name: Bench
site_url: https://example.invalid/bench/
theme:
  name: material
  language: ja
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - footnotes:
      USE_DEFINITION_ORDER: false
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
nav:
  - index.md
  - references.md
"""
_I18N = """\
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {locale: ja, default: true, name: 日本語, build: true}
        - {locale: en, name: English, build: true, site_name: Bench (en)}
"""
_CITATIONS = """\
  - citations:
      bibliography: references.bib
      references_page: references.md
"""
_BIBTEX = """\
  - bibtex:
      bib_file: bibtex.bib
"""
_PLUGINS = {"base2": _I18N, "plugin2": _I18N + _CITATIONS, "base1": "", "plugin1": _CITATIONS,
            "bibtex1": _BIBTEX}
# pybtex looks `render_as("text")`'s backend up among the installed entry points at every
# call (~30 ms here); registering it once makes writing the corpus fast.
register_plugin("pybtex.backends", "text", TextBackend)
_BIBTEX_TYPES = {"online": "misc", "pressrelease": "misc", "govdoc": "misc",
                 "report": "techreport", "inreport": "incollection"}


def write_sites(out: Path, entries: list[BibEntry], pages: list[Page]) -> dict[str, Path]:
    """Write every variant under `out`; return each one's folder."""
    bib_text = "% Synthetic bibliography for the benchmark.\n\n" + "\n".join(
        e.bibtex() for e in entries)
    formatter = ReferenceFormatter(bibliography.parse(bib_text, "references.bib"))
    sites = {}
    for name in VARIANTS:
        root = out / name
        shutil.rmtree(root, ignore_errors=True)
        (root / "docs" / "briefs").mkdir(parents=True)
        plugins = _PLUGINS[name]
        (root / "mkdocs.yml").write_text(
            _COMMON + ("plugins:\n" + plugins if plugins else "plugins: []\n"), encoding="utf-8")
        bilingual = name.endswith("2")
        langs = ("ja", "en") if bilingual else ("ja",)
        for lang in langs:
            _write_lang(root / "docs", name, lang, bilingual, pages, formatter)
        if name.startswith("plugin"):
            (root / "references.bib").write_text(bib_text, encoding="utf-8")
        if name == "bibtex1":
            (root / "bibtex.bib").write_text(_bibtex_bib(entries), encoding="utf-8")
        sites[name] = root
    return sites


def _write_lang(docs: Path, variant: str, lang: str, bilingual: bool, pages: list[Page],
                formatter: ReferenceFormatter) -> None:
    suffix = f".{lang}.md" if bilingual else ".md"
    references_url = "../references.md"
    for page in pages:
        body = page.body[lang]
        if variant.startswith("base"):
            body = footnoted(body, lang, formatter, references_url)
        front = f"---\ntitle: {page.title[lang]}\n---\n\n"
        (docs / "briefs" / f"{page.slug}{suffix}").write_text(front + body, encoding="utf-8")
    title, intro = REFERENCES[lang]
    text = f"# {title}\n\n{intro}\n"
    if variant == "bibtex1":
        text += "\n\\full_bibliography\n"
    (docs / f"references{suffix}").write_text(text, encoding="utf-8")
    title, intro = INDEX[lang]
    (docs / f"index{suffix}").write_text(f"# {title}\n\n{intro}\n", encoding="utf-8")


def footnoted(text: str, lang: str, formatter: ReferenceFormatter,
              references_url: str) -> str:
    """`text` with each citation as the footnotes the plugin makes, written by hand in
    plain Markdown: the same reference text, links as `[text](url)`."""
    found = scan(text)
    if not found.citations:
        return text
    numbering = Numbering(text)
    style = formatter.style(lang)
    out, pos = [], 0
    for citation in found.citations:
        out.append(text[pos : citation.start])
        markers = []
        for item in citation.items:
            entry = formatter.bibliography.get(item.key)
            assert entry is not None, item.key
            markers.append(f"[^{numbering.label_for(item)}]")
        out.append(",".join(markers))
        pos = citation.end
    out.append(text[pos:])
    definitions = []
    for footnote in numbering.footnotes:
        entry = formatter.bibliography.get(footnote.key)
        assert entry is not None
        reference, _ = formatter.format(entry, lang)
        body = markdown(style.with_locator(reference.html, footnote.locator))
        link = f"[{style.labels.see_entry}]({references_url}#{render.anchor(entry.key)})"
        definitions.append(f"[^{footnote.label}]: {body} {link}")
    return "".join(out) + "\n\n" + "\n\n".join(definitions) + "\n"


_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')
_EM = re.compile(r"<em>(.*?)</em>")


def markdown(html: str) -> str:
    """A formatted reference (links, emphasis, entities) as Markdown."""
    return _EM.sub(r"*\1*", _LINK.sub(r"[\2](\1)", html))


def _bibtex_bib(entries: list[BibEntry]) -> str:
    """The same entries in the standard types pybtex's plain style formats (it has no
    `online`, `govdoc`, …, and needs `year`): misc, techreport, incollection."""
    chunks = []
    for e in entries:
        fields = dict(e.fields)
        kind = _BIBTEX_TYPES[e.type]
        extra: list[tuple[str, str]] = [("year", fields["date"][:4])]
        if e.type == "report" and "author" not in fields:
            kind = "misc"
        if kind == "misc":
            publisher = fields.get("organization") or fields.get("institution", "")
            extra.append(("howpublished", publisher))
        if kind == "incollection":
            extra.append(("publisher", fields["institution"]))
        chunks.append(e.bibtex(kind, tuple(extra)))
    return "\n".join(chunks)
