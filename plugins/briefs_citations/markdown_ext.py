"""The citation core as a Python-Markdown extension, for any host that runs Python-Markdown.

Per page, with everything the page needs given explicitly (nothing left over from the
page before; a missing language is an error, not English by default):

    ext = CitationExtension(bibliography=formatter, lang="ja", references_url="../references/",
                            source_path="docs/x.ja.md")
    html = markdown.markdown(text, extensions=["footnotes", ext])
    ext.result   # the `CitedPage` of `cite.cite_page`: notes, keys, diagnostics

or by name, as a host's configuration does (`makeExtension`): `briefs_citations.markdown_ext`
with options `bibliography` (a `.bib` path), `lang`, `references_url`. Where the host
renders with Zensical, the page's path and address are read from Zensical's rendering
context (so messages name the file and the references link is relative to the page).

Two steps: a preprocessor calls `cite_page` after `pymdownx.snippets` (so included text
is cited too) and before fenced code is stashed, so that line numbers are the source's;
footnote bodies go into the HTML stash, so Markdown never re-reads bibliography text. A
treeprocessor, after the footnotes extension has built its list, numbers every marker in
reading order and gives each its own back-link (`numbering.renumber`).
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from pathlib import Path

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FN_BACKLINK_TEXT
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from briefs_citations import bibliography as bib
from briefs_citations.bibliography import Bibliography
from briefs_citations.cite import CitedPage, cite_page
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.numbering import renumber

#: After snippets (32) and whitespace normalisation (30), before fenced code (25), whose
#: stashing folds a block into one line, and before raw HTML blocks are stashed (20).
PRIORITY = 28
#: After the footnotes extension's last treeprocessor (duplicate back-links, 15).
TREE_PRIORITY = 14
log = logging.getLogger("briefs_citations")


class CitationExtension(Extension):
    """One page's citations; `result` holds what `cite_page` returned for it."""

    def __init__(self, *, bibliography: ReferenceFormatter | Bibliography | str, lang: str,
                 references_url: str = "", source_path: str = "", line_offset: int = 0,
                 on_page: Callable[[CitedPage], None] | None = None) -> None:
        super().__init__()
        if not lang:
            raise ValueError("briefs_citations: the page language ('lang') is required")
        self.formatter = _formatter(bibliography)
        self.lang, self.references_url = lang, references_url
        self.source_path, self.line_offset = source_path, line_offset
        self.on_page = on_page
        self.result = CitedPage("")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.registerExtension(self)
        md.preprocessors.register(CitationPreprocessor(md, self), "citations", PRIORITY)
        md.treeprocessors.register(ReadingOrderTreeprocessor(md, self), "citations-order",
                                   TREE_PRIORITY)

    def reset(self) -> None:
        self.result = CitedPage("")


class CitationPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, lines: list[str]) -> list[str]:
        ext = self.ext
        source_path, references_url = ext.source_path, ext.references_url
        page = _host_page(self.md)
        if page is not None:  # Zensical: the page being rendered
            source_path = source_path or f"docs/{page.path}"
            if references_url.startswith("/"):  # Zensical resolves links from the source file
                references_url = _relative(references_url, "/" + page.path)
        result = cite_page("\n".join(lines), lang=ext.lang, bibliography=ext.formatter,
                           references_url=references_url,
                           source_path=source_path or "<text>", line_offset=ext.line_offset,
                           protect=self.md.htmlStash.store)
        ext.result = result
        if ext.on_page is not None:
            ext.on_page(result)
        else:
            for diagnostic in result.diagnostics:
                log.warning("%s", diagnostic)
        return result.markdown.split("\n")


class ReadingOrderTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, root) -> None:
        style = self.ext.formatter.style(self.ext.lang)
        renumber(root, style.backlink_title, FN_BACKLINK_TEXT)


def makeExtension(**kwargs) -> CitationExtension:  # noqa: N802 (Markdown's API)
    """`markdown_extensions: [briefs_citations.markdown_ext: {bibliography: …, lang: …}]`."""
    return CitationExtension(**kwargs)


_LOADED: dict[tuple[str, int, int], ReferenceFormatter] = {}


def _formatter(source: ReferenceFormatter | Bibliography | str) -> ReferenceFormatter:
    """A formatter for a formatter, a parsed bibliography or a path (parsed once while the
    file is unchanged: hosts that build one extension per page)."""
    if isinstance(source, ReferenceFormatter):
        return source
    if isinstance(source, Bibliography):
        return ReferenceFormatter(source)
    path = Path(source)
    stat = path.stat() if path.is_file() else None
    stamp = (str(path.resolve()), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)
    if stamp not in _LOADED:
        _LOADED.clear()
        _LOADED[stamp] = ReferenceFormatter(bib.load(path, str(source)))
    return _LOADED[stamp]


def _host_page(md: Markdown):
    """The page Zensical is rendering (its `rendering_context` preprocessor), or None."""
    if "rendering_context" in md.preprocessors:
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        if page is not None and hasattr(page, "path") and hasattr(page, "url"):
            return page
    return None


def _relative(url: str, page_url: str) -> str:
    """`/references/` seen from `/briefs/x/` is `../../references/`."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    href = posixpath.relpath(url, base)
    return href + "/" if url.endswith("/") and not href.endswith("/") else href
