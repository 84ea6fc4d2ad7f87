"""Notes: the direct rendering of simple notes gives exactly what Python-Markdown + nh3 give."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hooks.archive.load import safe_markdown

word = st.text(alphabet="abcXYZ019", min_size=1, max_size=6)
words = st.lists(word, min_size=1, max_size=3).map(" ".join)
plain = st.text(alphabet="ab 1.,;:'\"()?%$/=+’“—-*[]_`<>&!#\\\n", max_size=8)
piece = st.one_of(
    plain,
    words,
    words.map(lambda w: f"*{w}*"),
    st.tuples(words, st.sampled_from(["https://example.org/a-b/1.html", "http://x.org", "javascript:x"])).map(
        lambda t: f"[{t[0]}]({t[1]})"
    ),
)
note = st.lists(piece, min_size=1, max_size=8).map("".join).map(str.strip).filter(bool)


MARKDOWN = safe_markdown.InertMarkdown()


def slow(source: str):
    """The note through Python-Markdown and nh3, whatever it is."""
    return MARKDOWN.markdown_note_html(source)


@settings(max_examples=500, deadline=None)
@given(note)
@example("---")  # a horizontal rule to Markdown: found by this test in CI
@example("-- -")
@example("- - -")
def test_simple_notes_render_as_python_markdown_does(source):
    assert MARKDOWN.note_html(source) == slow(source)


def test_common_notes_take_the_direct_path():
    for source in (
        "The ministry's *own* estimate, cited in the [report](https://example.org/r.pdf).",
        "Shoigu's figure; the article gives no independent check.",
    ):
        assert safe_markdown._SIMPLE_NOTE.match(source)
        assert MARKDOWN.note_html(source) == slow(source)
    for source in ("---", "1. A list", "- a list", "<b>raw</b>", "a & b", "[x](javascript:alert(1))", "**strong**"):
        assert not safe_markdown._SIMPLE_NOTE.match(source)
