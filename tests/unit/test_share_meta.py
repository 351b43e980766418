"""hooks/share_meta.py: the link-preview tags of a page, as a table."""

from __future__ import annotations

import pytest

from hooks.share_meta import share_tags

BASE = {"title": "T", "description": "D", "url": "https://example.org/x/", "site_name": "S"}


@pytest.mark.parametrize(("changes", "expected"), [
    ({"lang": "ja", "article": True},
     [("property", "og:type", "article"), ("property", "og:title", "T"),
      ("property", "og:description", "D"), ("property", "og:url", "https://example.org/x/"),
      ("property", "og:site_name", "S"), ("property", "og:locale", "ja_JP"),
      ("property", "og:locale:alternate", "en_GB"), ("name", "twitter:card", "summary")]),
    ({"lang": "en", "article": False, "url": "", "description": ""},
     [("property", "og:type", "website"), ("property", "og:title", "T"),
      ("property", "og:site_name", "S"), ("property", "og:locale", "en_GB"),
      ("property", "og:locale:alternate", "ja_JP"), ("name", "twitter:card", "summary")]),
], ids=["japanese-brief", "english-page-without-address-or-description"])
def test_share_tags(changes, expected):
    assert share_tags(**{**BASE, **changes}) == expected
