"""Numbers stay with their units at line ends, on the pages of both languages.

Japanese: the sources were written with a space between digits and Japanese characters
(「2023 年 1 月 19 日」, 「全 9 頁」). A space is a line-break opportunity, so a reader met
「2023 年 1」 at the end of one line and 「月 19 日」 at the start of the next. The rule here
removes such spaces (and a space after 「。」); the visual gap between digits and kanji comes
from `text-autospace` (docs/stylesheets/extra.css) where the browser supports it.

English: the word space stays, but a few spaces must not end a line (`EN_JOINS`): between a
number and its unit or counter word (「13 billion」, 「30 percent」), a day and its month,
a month and its year (「30 November 2026」), a label and its number (「figure 3」, 「p. 7」).
What an English page quotes in Japanese (an original title) gets the Japanese rule as well.

Each such chain is wrapped in a span that does not break (`white-space: nowrap`), since
Unicode allows a break between a digit and a kanji even without a space. One definition,
three users:

- `checks/typography.py` reports the Japanese spaces in docs/*.ja.md (file:line) and fixes
  them (`python -m checks fix-typography`);
- this module, as an MkDocs hook, applies its language's rule to every built page, so that
  text made at build time (dates of the citation styles, the cite block, charts) follows it;
- the print edition (tools/pdf/words.py), which joins the English pairs with no-break spaces.

Plain Python, no MkDocs import (the checks, the print edition and the tests import it as
`hooks.keep_units`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from html_text import map_text
from site_locale import page_language

#: Kana, kanji (and 々 〆) — what a number's unit or counter is written in.
_JA = r"\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A space between a digit and a Japanese character, either way round; or after 「。」.
SPACE = re.compile(rf"(?<=[0-9])[ \u3000]+(?=[{_JA}])|(?<=[{_JA}])[ \u3000]+(?=[0-9])"
                   r"|(?<=。)[ \u3000]+(?=\S)")
#: 「図表 2 総合経済対策…」: a figure's number, then its title (kanji or katakana) — a word
#: space, kept; 「図表 2 に」 (a particle) is joined.
_LABEL = re.compile(r"図表[ \u3000]?[0-9]+$")
_TITLE = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
#: A number with its unit, or a chain of them (「2024年6月14日」, 「全9頁」, 「3,500億」).
#: Without a space Unicode's line breaking still allows a break between a digit and a kanji,
#: so the chain is wrapped in a span that does not break (`white-space: nowrap`).
NUMBER = re.compile(r"(?:[\u3005\u3400-\u4dbf\u4e00-\u9fff](?=[0-9]))?"  # 「全」9頁
                    rf"(?:[0-9][0-9,.]*[{_JA}])+")
NOWRAP = '<span class="nowrap">{}</span>'


def _kept(text: str, match: re.Match[str]) -> bool:
    return bool(_LABEL.search(text, 0, match.start())
                and _TITLE.match(text, match.end()))


def fix_text(text: str) -> str:
    """`text` with the spaces of the rule removed (plain text, no markup)."""
    return SPACE.sub(lambda m: m.group() if _kept(text, m) else "", text)


def spaces(text: str) -> list[tuple[int, str]]:
    """(offset, what) of each space of the rule in plain `text`, e.g. (12, "2023 年")."""
    found = []
    for match in SPACE.finditer(text):
        if _kept(text, match):
            continue
        before = re.search(rf"(?:[0-9,.]{{1,9}}|[{_JA}。]{{1,3}})$", text[: match.start()])
        after = re.match(rf"[0-9,.]{{1,9}}|[{_JA}]{{1,3}}|\S", text[match.end():])
        found.append((match.start(), f"{before.group() if before else ''}"
                                     f"{match.group()}{after.group() if after else ''}"))
    return found


#: English: the spaces that must not end a line, each the group 1 of a match: after a number
#: before its unit, counter word or month; after a label or a month before a number; after
#: a multiplier (billion) before what it counts.
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_UNITS = (r"%|percent|per cent|yen|dollars|billion|million|trillion|thousand|parameters|"
          r"GPUs?|tokens|companies|projects|people|years?|months?|pages|" + _MONTHS)
EN_JOINS = (
    re.compile(rf"[0-9]([ \t\n]+)(?=(?:{_UNITS})\b)"),
    re.compile(rf"(?<![A-Za-z])(?:No\.|[Ff]igures?|[Tt]ables?|[Ss]ections?|[Nn]otes?|pp?\.|§|"
               rf"{_MONTHS})([ \t\n]+)(?=[0-9])"),
    # 6.7 trillion yen, 13 billion parameters: a multiplier and the unit it counts
    re.compile(r"\b(?:thousand|million|billion|trillion)([ \t\n]+)(?=(?:yen|dollars|"
               r"parameters|tokens|GPUs?|people|companies|projects)\b)"),
)
_WORD = re.compile(r"\S+$")
_WORD_AFTER = re.compile(r"\S+")


def joins(text: str) -> list[tuple[int, int]]:
    """(start, end) of each space of `EN_JOINS` in `text`, in order."""
    return sorted({match.span(1) for rule in EN_JOINS for match in rule.finditer(text)})


def join_en(text: str) -> str:
    """English `text` with each space of `EN_JOINS` a no-break space (the print edition)."""
    for start, end in reversed(joins(text)):
        text = text[:start] + "\u00a0" + text[end:]
    return text


def wrap_en(text: str) -> str:
    """English `text` (no markup, HTML-escaped) with each chain of words joined by the spaces
    of `EN_JOINS` in a span that does not break; the spaces themselves stay."""
    chains: list[list[int]] = []
    for start, end in joins(text):
        before = _WORD.search(text, 0, start)
        after = _WORD_AFTER.match(text, end)
        left = before.start() if before else start
        right = after.end() if after else end
        if chains and left <= chains[-1][1]:
            chains[-1][1] = max(chains[-1][1], right)
        else:
            chains.append([left, right])
    for left, right in reversed(chains):
        text = text[:left] + NOWRAP.format(text[left:right]) + text[right:]
    return text


def _japanese(text: str) -> str:
    return NUMBER.sub(lambda m: NOWRAP.format(m.group()), fix_text(text))


#: Each language's rule: (text that may hold markup, text inside <title>, <svg>, <option>).
#: An English page quotes Japanese (original titles, names): the Japanese rule, which touches
#: only digits next to kana or kanji, runs there too, after the English one (on the rare chain
#: that holds both, a span inside a span).
RULES: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "ja": (_japanese, fix_text),
    "en": (lambda text: _japanese(wrap_en(text)), fix_text),
}


def fix_html(html: str, lang: str = "ja") -> str:
    """`lang`'s rule applied to the text of an HTML page, outside tags, code and scripts."""
    markup, plain = RULES[lang]
    return map_text(html, markup, plain)


def _fixed(html: str, config: Any) -> str:
    lang = page_language(config)
    return fix_html(html, lang) if lang in RULES else html


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _fixed(output, config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return _fixed(output, config) if template_name == "404.html" else output
