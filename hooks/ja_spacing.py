"""Japanese text keeps numbers with their units: no space between a digit and kana/kanji.

The sources were written with a space between digits and Japanese characters
(「2023 年 1 月 19 日」, 「全 9 頁」). A space is a line-break opportunity, so a reader met
「2023 年 1」 at the end of one line and 「月 19 日」 at the start of the next. The rule here
removes such spaces (and a space after 「。」); the visual gap between digits and kanji comes
from `text-autospace` (docs/stylesheets/extra.css) where the browser supports it.

One definition, three users:

- `checks/typography.py` reports the spaces in docs/*.ja.md (file:line) and fixes them
  (`python -m checks fix-typography`);
- this module, as an MkDocs hook, removes them from the text of every built Japanese page,
  so that text made at build time (dates of the citation styles, charts) follows it too.

Plain Python: no MkDocs import (hooks are loaded by path; the check loads this file by path).
"""

from __future__ import annotations

import re
from typing import Any

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
NOWRAP = '<span class="ja-nowrap">{}</span>'
_TAG = re.compile(r"(<[^>]*>)")
_RAW = ("pre", "code", "script", "style", "textarea", "kbd", "samp")
_PLAIN = ("title", "svg", "option")  # text without markup: the spaces go, no span is added
_OPEN = re.compile(rf"<({'|'.join(_RAW + _PLAIN)})\b", re.IGNORECASE)
_CLOSE = re.compile(rf"</({'|'.join(_RAW + _PLAIN)})\s*>", re.IGNORECASE)


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


def fix_html(html: str) -> str:
    """The rule applied to the text of an HTML page, outside tags, code and scripts; numbers
    with their units wrapped in a span that does not break."""
    parts = _TAG.split(html)
    raw = plain = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            opened, closed = _OPEN.match(part), _CLOSE.match(part)
            name = (opened or closed).group(1).lower() if opened or closed else ""
            step = 1 if opened and not part.endswith("/>") else -1 if closed else 0
            if name in _RAW:
                raw = max(0, raw + step)
            elif name:
                plain = max(0, plain + step)
        elif raw == 0 and part:
            text = fix_text(part)
            parts[index] = text if plain else NUMBER.sub(
                lambda m: NOWRAP.format(m.group()), text)
    return "".join(parts)


def _japanese(config: Any) -> bool:
    theme = config.get("theme") if hasattr(config, "get") else None
    return (getattr(theme, "get", lambda _k: None)("language") or "ja") == "ja"


def on_post_page(output: str, page: Any, config: Any) -> str:
    return fix_html(output) if _japanese(config) else output


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return fix_html(output) if template_name == "404.html" and _japanese(config) else output
