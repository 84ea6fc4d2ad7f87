"""The policy's scan for inline scripts: str.find on lowered bytes, as the regular expression defines it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive.build import published
from hooks.archive.publish import compact, csp

# The definition: an inline script is a <script> start tag without src (any case), up to </script>.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
PIECES = ["<script>", '<SCRIPT type="application/json">', '<script src="x">', "<Script async>", "</script>"]
PIECES += ["</SCRIPT>", "<scripts>", "a", ">", "<", " src=", "é", "<script\n data-x>", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_scan_finds_what_the_expression_matches(pieces):
    page = "".join(pieces)
    expected = [(attrs.encode().lower(), body.encode()) for attrs, body in INLINE_SCRIPT.findall(page)]
    assert list(csp._inline_scripts(page.encode())) == expected


def test_a_script_in_the_content_is_never_hashed():
    theme = "<script>theme()</script>"
    content = "<p>text<SCRIPT>alert(1)</SCRIPT></p>"
    page = published(f"<html><head>{theme}</head><body>{content}</body></html>", content, policy_too=True)
    alone = published(f"<html><head>{theme}</head><body></body></html>", "", policy_too=True)
    assert page.replace(content, "") == alone
    assert page.count("'sha256-") == 1 and content in page


# Runs of "a" longer than the part of the content looked for first, so that it is found in many
# places where the whole content is not.
SPLIT_PIECES = ["a" * 33, "b", "\n  ", "<h1>T</h1>", "é"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_PIECES), max_size=10), st.lists(st.sampled_from(SPLIT_PIECES), max_size=6))
def test_the_content_is_found_where_partition_finds_it(pieces, content_pieces):
    page, content = "".join(pieces), "".join(content_pieces)
    before, found, after = page.partition(content) if content else (page, "", "")
    expected = (before, after) if found or not content else None
    assert compact.split(page, content) == expected
