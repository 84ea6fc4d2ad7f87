"""Relative links between pages: the fast path gives exactly what posixpath.relpath gives."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive import urls

segment = st.sampled_from(["articles", "2015", "claimants", "statuses", "x.html", "a.md", "b", "..", ".", ""])
path = st.lists(segment, min_size=1, max_size=4).map("/".join)


def reference(from_src: str, to_url: str) -> str:
    path, _, fragment = to_url.partition("#")
    base = posixpath.dirname(urls.page_url(from_src))
    link = posixpath.relpath(path, base or ".") if path else ""
    if path and link == ".":
        link = posixpath.basename(path)
    return f"{link}#{fragment}" if fragment else link


@settings(deadline=None)  # the machine may be busy
@given(path.filter(lambda p: not p.startswith("/")), path.filter(lambda p: not p.startswith("/")), st.booleans())
def test_relative_matches_posixpath(from_src, to_path, fragment):
    to_url = to_path + ("#claim-x" if fragment else "")
    assert urls.relative(from_src, to_url) == reference(from_src, to_url)


def test_relative_examples():
    assert urls.relative("articles/2015/a.md", "claimants/x.html") == "../../claimants/x.html"
    assert urls.relative("articles/2015/a.md", "articles/2015/b.html#claim-c") == "b.html#claim-c"
    assert urls.relative("index.md", "claims.html") == "claims.html"
