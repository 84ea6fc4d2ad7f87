"""The policy's scan for inline scripts: str.find on lowered bytes, as the regular expression defines it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive.publish import csp

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
    policy = csp.policy(f"<html><head>{theme}</head><body>{content}</body></html>", content)
    assert policy == csp.policy(f"<html><head>{theme}</head><body></body></html>", "")
    assert policy.count("'sha256-") == 1
