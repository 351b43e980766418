"""The bibliography is parsed once per build, although each language is built apart."""

from __future__ import annotations

import os
from unittest import mock

from pybtex.database.input.bibtex import Parser


def test_bibliography_parsed_once_for_two_languages(fixture_site, template_cache, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = fixture_site()
    monkeypatch.chdir(root)
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    original = Parser.parse_string
    with mock.patch.object(Parser, "parse_string", autospec=True,
                           side_effect=original) as parse:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    assert (root / "site/index.html").exists() and (root / "site/en/index.html").exists()
    assert parse.call_count == 1


def test_serve_watches_the_bibliography(fixture_site):
    from mkdocs.config import load_config

    root = fixture_site()
    config = load_config(str(root / "mkdocs.yml"))
    watched = []
    server = mock.Mock(watch=watched.append)
    config.plugins["citations"].on_serve(server, config=config, builder=None)
    assert watched == [str(root / "refs.bib")]


def test_serve_rebuilds_parse_again_only_after_the_bibliography_changes(fixture_site):
    from mkdocs.config import load_config

    root = fixture_site()
    original = Parser.parse_string
    with mock.patch.object(Parser, "parse_string", autospec=True,
                           side_effect=original) as parse:
        plugin = None
        for edit in (False, False, True):  # three rebuilds; the bib is edited before the third
            if edit:
                bib = root / "refs.bib"
                bib.write_text(bib.read_text(encoding="utf-8") + "\n% edited\n",
                               encoding="utf-8")
            config = load_config(str(root / "mkdocs.yml"))
            # MkDocs hands the same instance to each rebuild because it defines on_startup.
            plugin = plugin if plugin is not None else config.plugins["citations"]
            plugin.on_config(config)
    assert hasattr(type(plugin), "on_startup")
    assert parse.call_count == 2
