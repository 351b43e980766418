"""`mkdocs build --strict` counts every language's warnings, and stops once.

mkdocs-static-i18n builds the other languages inside the first build's `on_post_build`, each
as a build of its own: with `strict` on, each nested build counts only its own warnings and
stops the whole run first, so the closing line said "Aborted with 1 warnings" after two
were printed (one per language). While the other languages are built, `strict` is off for
them; the first build's counter, which listens to every MkDocs logger throughout, then sees
the warnings of all languages and stops the run once, with their total.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

#: The first build's `strict`, while the other languages are built inside it.
_outer: dict[str, bool] = {}
_depth = [0]


def on_pre_build(config: MkDocsConfig) -> None:
    _depth[0] += 1


@event_priority(-50)  # before mkdocs-static-i18n (-100) builds the other languages
def _before_languages(config: MkDocsConfig) -> None:
    if _depth[0] == 1 and "strict" not in _outer:
        _outer["strict"] = bool(config.strict)
        config.strict = False


@event_priority(-150)  # after it: the first build ends, with strict as it was
def _after_languages(config: MkDocsConfig) -> None:
    _depth[0] = max(_depth[0] - 1, 0)
    if _depth[0] == 0:
        _restore(config)


on_post_build = CombinedEvent(_before_languages, _after_languages)


def on_build_error(error: Exception) -> None:
    _depth[0] = 0
    _outer.clear()  # the config of a failed build is not used again


def _restore(config: MkDocsConfig) -> None:
    if "strict" in _outer:
        config.strict = _outer.pop("strict")
