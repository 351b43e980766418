"""MkDocs adapter: hooks only. The work is done by the host-neutral modules beside it.

mkdocs-static-i18n builds each language as a separate pass through these hooks on the
same plugin instance, so the bibliography is parsed once per process (and again only
when `references.bib` changes under `mkdocs serve`), and each reference is formatted
once per key and language.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from html import unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from briefs_citations import bibliography, render
from briefs_citations.cite import CitedPage
from briefs_citations.config import CitationsConfig
from briefs_citations.diagnostics import Diagnostic
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.markdown_ext import CitationExtension
from briefs_citations.references import CitingPage, reference_rows
from briefs_citations.scan import scan

log = get_plugin_logger("citations")
PLACEHOLDER = "<!-- citations:references-list -->"
_CITED_AT = re.compile(r" \(cited at [^()]*\)$")
_LANG_SUFFIX = re.compile(r"\.[A-Za-z]{2}(?:[-_][A-Za-z]+)?(\.md)$")


class CitationsPlugin(BasePlugin[CitationsConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._loaded: tuple[tuple[str, int, int], ReferenceFormatter] | None = None
        self._result: CitedPage | None = None  # the page being rendered
        self._backlinks: dict[str, list[Page]] = defaultdict(list)
        self._references_file: File | None = None
        self._depth = 0  # builds in progress: mkdocs-static-i18n nests one per language
        self._reported: set[str] = set()  # messages logged in this build
        self._site_keys: frozenset[str] | None = None  # cited on any page, any language

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance across `mkdocs serve` rebuilds: the
        parsed bibliography and formatted references survive until `references.bib`
        itself changes. MkDocs keeps such an instance for the whole process, so a new
        command starts with no build in progress (a config loaded without a build, as in
        a test, must not hide the next build's messages)."""
        self._depth = 0

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        formatter = self._formatter(config)
        self._depth += 1
        if self._depth == 1:  # a new build (also each `mkdocs serve` rebuild), not a language
            self._reported.clear()
            self._site_keys = None
            formatter.begin_build()
            for diagnostic in formatter.bibliography.diagnostics:
                self._warn(diagnostic)
        # Citations and hand-written footnotes share one numbering, in reading order.
        footnotes = config.mdx_configs.setdefault("footnotes", {})
        footnotes.setdefault("USE_DEFINITION_ORDER", False)
        self._backlinks = defaultdict(list)  # per build, i.e. per language
        return config

    @event_priority(-200)  # after mkdocs-static-i18n's (-100), which builds the languages
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._depth = max(self._depth - 1, 0)

    def on_build_error(self, *, error: Exception) -> None:
        self._depth = 0

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has picked this pass's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        wanted = self.config.references_page
        self._references_file = next(
            (f for f in files.documentation_pages()
             if _LANG_SUFFIX.sub(r"\1", f.src_uri) == wanted),
            None,
        )
        if self._references_file is None and wanted:
            self._warn(Diagnostic(
                *_option_line(config, "references_page"),
                f"references_page '{wanted}' is not a page under docs/ (for this language); "
                "footnotes do not link to a references list",
                "name an existing page such as references.md, or set references_page: ''"))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        """Give this page's Markdown render its own extension, made with its context."""
        references_url = ""
        if self._references_file is not None and not self._is_references(page):
            references_url = _relative(self._references_file.url, page.url)
        extension = CitationExtension(
            bibliography=self._formatter(config),
            lang=self._language(config),
            references_url=references_url,
            source_path=self._display_path(config, page.file.src_uri),
            line_offset=_body_offset(page.file.content_string, markdown),
            on_page=self._cited,
        )
        extensions = config.markdown_extensions
        extensions[:] = [e for e in extensions if not isinstance(e, CitationExtension)]
        extensions.append(extension)
        self._result = None
        if self._is_references(page):
            markdown = f"{markdown}\n\n{PLACEHOLDER}\n"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        result, self._result = self._result, None
        if result is None:  # the page's Markdown was never rendered
            return html
        for diagnostic in result.diagnostics:
            self._warn(diagnostic)
        for key in result.keys:
            self._backlinks[key.casefold()].append(page)
        return html

    @event_priority(50)  # before search and other plugins read the page content
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self._is_references(page) and page.content:
            reading_order = {p.file.src_uri: i for i, p in enumerate(nav.pages)}
            html = self._references_html(page, config, reading_order)
            page.content = page.content.replace(PLACEHOLDER, html)
        return context

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self._bib_path(config)))
        return server

    def parsed_bibliography(self) -> bibliography.Bibliography | None:
        """The bibliography this build uses, parsed once (for site hooks that read its fields,
        such as dates): `None` before `on_config`."""
        return self._loaded[1].bibliography if self._loaded else None

    # -- helpers -------------------------------------------------------------------------

    def _formatter(self, config: MkDocsConfig) -> ReferenceFormatter:
        """The formatter for the current `references.bib`, parsed only when it changed."""
        path = self._bib_path(config)
        try:
            stat = path.stat()
            stamp = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (str(path), 0, 0)
        if self._loaded is None or self._loaded[0] != stamp:
            shown = self.config.bibliography
            try:
                self._loaded = (stamp, ReferenceFormatter(bibliography.load(path, shown),
                                                          self.config.fallback_language))
            except bibliography.BibError as err:
                raise PluginError(str(err)) from None
        return self._loaded[1]

    def _references_html(self, page: Page, config: MkDocsConfig,
                         reading_order: dict[str, int]) -> str:
        formatter = self._formatter(config)
        lang = self._language(config)
        citing = {  # ordered by the core in the order a reader meets the pages
            # a page title is HTML where MkDocs took it from a heading (and where a hook
            # escaped the front matter's); render.py escapes text
            key: [CitingPage(unescape(str(p.title or p.url)), _relative(p.url, page.url),
                             reading_order.get(p.file.src_uri, len(reading_order)))
                  for p in pages]
            for key, pages in self._backlinks.items()
        }
        rows, diagnostics = reference_rows(formatter, lang, citing, self._cited_in_site(config))
        for diagnostic in diagnostics:
            self._warn(diagnostic)
        return render.references_list(rows, formatter.style(lang).labels)

    def _cited_in_site(self, config: MkDocsConfig) -> frozenset[str]:
        """Keys cited on any page of the site, in any language (case-folded): the first
        language's references page is written before the other language's pages are read,
        so the sources are scanned, once per build."""
        if self._site_keys is None:
            keys: set[str] = set()
            for path in sorted(Path(config.docs_dir).rglob("*.md")):
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue  # MkDocs itself reports an unreadable page
                keys |= {item.key.casefold() for c in scan(text).citations for item in c.items}
            self._site_keys = frozenset(keys)
        return self._site_keys

    def _cited(self, result: CitedPage) -> None:
        self._result = result

    def _warn(self, diagnostic: Diagnostic) -> None:
        """Log a problem once per build, in every build while it remains; an entry's
        problem found in both languages (a bad url) is one problem."""
        seen = _CITED_AT.sub("", str(diagnostic))
        if seen not in self._reported:
            self._reported.add(seen)
            log.warning(str(diagnostic))

    def _is_references(self, page: Page) -> bool:
        wanted = self._references_file
        return wanted is not None and page.file.src_uri == wanted.src_uri

    def _language(self, config: MkDocsConfig) -> str:
        return config.theme.get("language") or self.config.fallback_language

    def _bib_path(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.bibliography

    @staticmethod
    def _display_path(config: MkDocsConfig, src_uri: str) -> str:
        base = Path(config.config_file_path or ".").parent
        docs = os.path.relpath(config.docs_dir, base)
        return Path(docs, src_uri).as_posix()


def _relative(url: str, base: str) -> str:
    """A link from page `base` to page `url`; a folder link always ends in `/`."""
    href = get_relative_url(url, base)
    return href + "/" if href in (".", "..") or href.endswith("/..") else href


def _option_line(config: MkDocsConfig, option: str) -> tuple[str, int]:
    """`mkdocs.yml` and the line that sets `option`, for messages (0 when not found)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    found = next((i for i, line in enumerate(lines, 1) if line.strip().startswith(option)), 0)
    return path.name, found


def _body_offset(source: str, body: str) -> int:
    """Lines of the source file before the Markdown body (front matter), for messages."""
    head = body.lstrip("\n")[:200]
    start = source.find(head) if head else -1
    if start < 0:
        return 0
    return source.count("\n", 0, start) - (len(body) - len(body.lstrip("\n")))
