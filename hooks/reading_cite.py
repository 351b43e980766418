"""How to cite a brief: dates, formatted citations and BibTeX, with no MkDocs import.

Imported by hooks/reading.py (MkDocs puts a hook's folder on sys.path while loading it).
Everything that comes from front matter is escaped for BibTeX and then for HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape

from briefs_citations.styles import style_for
from site_locale import LANGUAGES, date_text, words

_BIBTEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
           "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}",
           "^": r"\textasciicircum{}"}
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Version:
    """One language version of a brief, as a citation names it."""

    lang: str
    heading: str  # the brief's H1, e.g. "2 (1) 拡大する日本のデジタル赤字"
    site_name: str
    url: str  # absolute; "" when the site's address is not known (a local build)
    day: date | None = None  # last change of this version's source, when known


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX braced field: LaTeX specials and braces escaped."""
    return "".join(_BIBTEX.get(ch, ch) for ch in text)


def heading_of(markdown: str, fallback: str) -> str:
    """The first H1 of a page's Markdown (attribute list and emphasis marks removed)."""
    found = _H1.search(markdown)
    if not found:
        return fallback
    return re.sub(r"[*_`]", "", found.group(1)).strip() or fallback


def _japanese(version: Version, day: date | None) -> str:
    when = f"、{date_text(day, 'ja')}更新" if day else ""
    where = f"、{version.url}" if version.url else "。"
    return f"「{version.heading}」『{version.site_name}』{when}{where}"


def _english(version: Version, day: date | None) -> str:
    when = f" Updated {date_text(day, 'en')}." if day else ""
    return f"“{version.heading}.” {version.site_name}.{when}" + (f" {version.url}"
                                                                if version.url else "")


#: A citation of a brief as plain text, in the conventions of each language.
CITATION_FORMS = {"ja": _japanese, "en": _english}


def citation_text(version: Version, day: date | None) -> str:
    """One citation as plain text in the conventions of the version's language."""
    return CITATION_FORMS.get(version.lang, _english)(version, day)


def bibtex(key: str, version: Version, day: date | None) -> str:
    """A BibTeX @misc entry; the site is both author (as an institution) and publisher."""
    fields = [("author", "{" + bibtex_escape(version.site_name) + "}"),
              ("title", "{" + bibtex_escape(version.heading) + "}"),
              ("publisher", bibtex_escape(version.site_name))]
    if day:
        fields += [("year", str(day.year)), ("month", str(day.month)),
                   ("date", day.isoformat())]
    if version.url:
        fields.append(("url", bibtex_escape(version.url)))
    fields += [("language", words(version.lang)["bibtex_language"])]
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body},\n}}"


def bibtex_key(src_uri: str, lang: str) -> str:
    """`briefs/section-2-1.ja.md` → `briefs-section-2-1-ja` (ASCII letters, digits, '-')."""
    stem = re.sub(r"\.(ja|en)\.md$|\.md$", "", src_uri)
    return re.sub(r"[^A-Za-z0-9]+", "-", f"{stem}-{lang}").strip("-")


def cite_block(current: str, versions: dict[str, Version], key: str,
               day: date | None) -> str:
    """The "how to cite" block of a page in language `current` (HTML, all text escaped)."""
    labels = words(current)
    rows = []
    for lang in LANGUAGES:
        if lang in versions:
            version = versions[lang]
            text = escape(citation_text(version, version.day or day))
            rows.append(f'<dt>{labels["language_" + lang]}</dt>\n'
                        f'<dd><p class="cite-text" lang="{lang}">{text}</p></dd>')
    entry = escape(bibtex(key, versions[current], day))
    rows.append(f"<dt>{style_for(current).labels.bibtex}</dt>\n"
                f'<dd><pre class="cite-bibtex" tabindex="0"><code>{entry}</code></pre></dd>')
    return ('<section class="cite-brief" aria-labelledby="cite-this-brief">\n'
            f'<h2 id="cite-this-brief">{labels["cite_heading"]}</h2>\n<dl>\n'
            + "\n".join(rows) + "\n</dl>\n</section>\n")


def meta_tags(version: Version, day: date | None) -> list[tuple[str, str]]:
    """`citation_*` meta tags (Highwire Press names, as Google Scholar reads them)."""
    tags = [("citation_title", version.heading), ("citation_author", version.site_name),
            ("citation_publisher", version.site_name)]
    if day:
        stamp = day.strftime("%Y/%m/%d")
        tags += [("citation_publication_date", stamp), ("citation_date", stamp)]
    tags.append(("citation_language", version.lang))
    if version.url:
        tags.append(("citation_public_url", version.url))
    return tags
