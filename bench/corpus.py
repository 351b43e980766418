"""A synthetic bilingual corpus, the same for a given seed: a .bib and N briefs in ja and en.

The .bib has the shape of references.bib (types online, pressrelease, govdoc, report,
inreport; `_en` fields, `langid`, `reportnote`). Each brief has K citations with repeats
(a few popular sources), locators and multi-key citations, at the same places on the
Japanese and the English page. Nothing here reads the network or the clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.vocab import (
    CONNECTIVES,
    ENGLISH_ORGS,
    FAMILY,
    FAMILY_EN,
    GIVEN,
    GIVEN_EN,
    HEADINGS,
    NOUNS,
    ORGS,
    VERBS,
)

TYPES = ("online", "pressrelease", "govdoc", "report", "inreport")
TYPE_WEIGHTS = (30, 15, 20, 20, 15)
LOCATORS = ("p. {n}", "pp. {n}–{m}", "§{n}({k})", "fig. {k}")


@dataclass(frozen=True)
class BibEntry:
    key: str
    type: str
    fields: tuple[tuple[str, str], ...]

    def bibtex(self, type_override: str | None = None, extra: tuple = ()) -> str:
        width = max(len(name) for name, _ in self.fields + extra)
        lines = [f"@{type_override or self.type}{{{self.key},"]
        lines += [f"  {name:<{width}} = {{{value}}}," for name, value in self.fields + extra]
        return "\n".join(lines) + "\n}\n"


@dataclass(frozen=True)
class Page:
    slug: str
    title: dict[str, str]
    body: dict[str, str]  # Markdown after the front matter, per language


def make_bib(seed: int, m: int) -> list[BibEntry]:
    rng = random.Random(f"bib-{seed}")
    return [_entry(rng, i) for i in range(m)]


def _entry(rng: random.Random, i: int) -> BibEntry:
    kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
    year = rng.randint(2017, 2024)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    slug, org_ja, org_en = rng.choice(ORGS)
    a, b = rng.sample(NOUNS, 2)
    english = kind in ("online", "pressrelease") and rng.random() < 0.3
    key = f"{slug}{year}n{i:04d}"
    f: list[tuple[str, str]] = []
    if english:
        org = rng.choice(ENGLISH_ORGS)
        f += [("organization", org), ("title", f"{a[1].capitalize()} and {b[1]}")]
    elif kind in ("report", "inreport") and (kind == "inreport" or rng.random() < 0.6):
        people = rng.sample(range(len(FAMILY)), rng.randint(1, 3))
        given = [rng.randrange(len(GIVEN)) for _ in people]
        pairs = list(zip(people, given, strict=True))
        f.append(("author", " and ".join(f"{FAMILY[p]}, {GIVEN[g]}" for p, g in pairs)))
        f.append(("author_en", " and ".join(f"{FAMILY_EN[p]}, {GIVEN_EN[g]}" for p, g in pairs)))
    elif kind != "report":
        f += [("organization", org_ja), ("organization_en", org_en)]
    if not english:
        kind_ja, kind_en = rng.choice((("報告", "a report"), ("方針", "policy"),
                                       ("調査", "a survey"), ("論点", "issues")))
        f += [("title", f"{a[0]}と{b[0]}に関する{kind_ja}"),
              ("title_en", f"{a[1].capitalize()} and {b[1]}: {kind_en}")]
    if kind == "inreport":
        c = rng.choice(NOUNS)
        f += [("booktitle", f"第 {rng.randint(100, 230)} 回{c[0]}の展望"),
              ("booktitle_en", f"Outlook on {c[1]} No. {rng.randint(100, 230)}")]
    if kind in ("report", "inreport"):
        f += [("institution", org_ja), ("institution_en", org_en)]
    f.append(("date", date))
    if kind == "inreport":
        first = rng.randint(1, 60)
        f.append(("pages", f"{first}--{first + rng.randint(2, 20)}"))
    if kind != "inreport" or rng.random() < 0.5:
        f.append(("url", f"https://example.org/{slug}/{year}/{i:04d}.html"))
    if rng.random() < 0.2 and not english:
        f += [("note", "本レポートは公式ウェブサイトから引用"),
              ("note_en", "The report cites it from the official website")]
    f.append(("langid", "english" if english else "japanese"))
    notes = sorted(rng.sample(range(1, 40), rng.randint(1, 2)))
    f.append(("reportnote", ", ".join(map(str, notes))))
    return BibEntry(key, kind, tuple(f))


def make_pages(seed: int, n: int, k: int, keys: list[str]) -> list[Page]:
    # A few sources are cited everywhere (like the report itself), the rest at random.
    popular = keys[: max(5, len(keys) // 100)]
    return [_page(random.Random(f"page-{seed}-{i}"), i, k, keys, popular) for i in range(1, n + 1)]


def _page(rng: random.Random, i: int, k: int, keys: list[str], popular: list[str]) -> Page:
    pool = rng.sample(popular, 2) + rng.sample(keys, 4)
    # 4 bullets, 4 paragraphs of 3-5 sentences, 2 notes; citations at K of these sentences.
    shape = ([("bullet", 1)] * 4 + [("para", rng.randint(3, 5)) for _ in range(4)]
             + [("note", 1)] * 2)
    total = sum(count for _, count in shape)
    cited = set(rng.sample(range(total), min(k, total)))
    topic = rng.choice(NOUNS)
    title = {"ja": f"{i} {topic[0]}の動向", "en": f"{i} Trends in {topic[1]}"}
    blocks = {"ja": [f"# {title['ja']}", "", f"## {HEADINGS['points'][0]}", ""],
              "en": [f"# {title['en']}", "", f"## {HEADINGS['points'][1]}", ""]}
    index = 0
    handwritten = i % 3 == 0
    for kind, count in shape:
        sentences = {"ja": [], "en": []}
        for _ in range(count):
            ja, en = _sentence(rng)
            if index in cited:
                cite = _citation(rng, pool)
                ja, en = ja[:-1] + cite + "。", en[:-1] + cite + "."
            sentences["ja"].append(ja)
            sentences["en"].append(en)
            index += 1
        for lang, sep in (("ja", ""), ("en", " ")):
            text = sep.join(sentences[lang])
            if kind == "bullet":
                blocks[lang].append(f"- {text}")
            elif kind == "para":
                if blocks[lang][-1].startswith("- "):
                    blocks[lang] += ["", f"## {HEADINGS['summary'][lang == 'en']}", ""]
                blocks[lang] += [text, ""]
            else:
                if not blocks[lang][-1].startswith("    - "):
                    heading = HEADINGS["notes"][lang == "en"]
                    note = HEADINGS["note_title"][lang == "en"]
                    blocks[lang] += [f"## {heading}", "", f'!!! info "{note}"']
                blocks[lang].append(f"    - {text}")
    for lang in ("ja", "en"):
        extra = ["", "`[@example]` のような書き方はコード内では引用にならない。" if lang == "ja"
                 else "Written as `[@example]` inside code, it is not a citation."]
        if handwritten:
            ja = lang == "ja"
            extra += ["", "補足の脚注[^n1]。" if ja else "A hand-written note[^n1].",
                      "", "[^n1]: " + ("注釈者による注。" if ja else "The annotator's note.")]
        extra += ["", f"## {HEADINGS['related'][lang == 'en']}", "",
                  f"- [{'索引' if lang == 'ja' else 'Index'}](../index.md)", ""]
        blocks[lang] += extra
    return Page(f"b{i:04d}", title, {lang: "\n".join(b) for lang, b in blocks.items()})


def _sentence(rng: random.Random) -> tuple[str, str]:
    a, b, c = rng.sample(NOUNS, 3)
    v, (cj, ce) = rng.choice(VERBS), rng.choice(CONNECTIVES)
    form = rng.randrange(3)
    if form == 0:
        ja = f"{cj}{a[0]}は、{b[0]}における{c[0]}を{v[0]}。"
        en = f"{ce}{a[1]} {v[1]} {c[1]} in {b[1]}."
    elif form == 1:
        ja = f"{cj}{c[0]}は{a[0]}の{b[0]}を{v[0]}。"
        en = f"{ce}{c[1]} {v[1]} {b[1]} of {a[1]}."
    else:
        ja = f"{cj}{a[0]}によると、{b[0]}は{c[0]}を{v[0]}。"
        en = f"{ce}according to {a[1]}, {b[1]} {v[1]} {c[1]}."
    return ja, en[0].upper() + en[1:]


def _citation(rng: random.Random, pool: list[str]) -> str:
    """`[@a]`, `[@a, p. 3]` or `[@a; @b, pp. 3–9]`: the same string on both pages."""
    items = []
    for key in rng.sample(pool, 1 if rng.random() < 0.75 else rng.randint(2, 3)):
        item = f"@{key}"
        if rng.random() < 0.4:
            n = rng.randint(1, 40)
            locator = rng.choice(LOCATORS).format(n=n, m=n + rng.randint(1, 9), k=rng.randint(1, 6))
            item += f", {locator}"
        items.append(item)
    return "[" + "; ".join(items) + "]"
