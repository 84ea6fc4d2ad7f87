"""Properties over arbitrary input (Hypothesis).

- A quote drawn from any text anchors exactly where it stands.
- The rendered text, annotations removed, is the archived text: nothing added, dropped or changed.
- Arbitrary strings in every field either load and render inertly, or fail with clean problem lines.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hooks.archive.anchor.quotes import Normalized, normalize_quote, occurrences, paragraphs
from hooks.archive.assemble import load_archive
from hooks.archive.problems import ContentError
from hooks.archive.render.article import article_html
from hooks.archive.site import ArchiveSite

# Text like scraped articles: letters, digits, punctuation, typographic quotes and dashes,
# spaces, tabs and line breaks (blank lines make paragraphs), and some markup characters.
ARTICLE_TEXT = st.lists(
    st.sampled_from([*"ab cd 0123456789 ,.$%’‘“”–—-'\"\n\t<>&/;:=é中", "  ", "\n\n", "525", "oil"]),
    min_size=1,
    max_size=120,
).map("".join)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=60)
SLOW = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _quote_at(text: str, data) -> tuple[int, int]:
    """A quote drawn from the text: a stripped slice that starts and ends on word boundaries."""
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    piece = text[i:j]
    start = i + len(piece) - len(piece.lstrip())
    end = j - (len(piece) - len(piece.rstrip()))
    assume(start < end)
    assume(not (start > 0 and _word(text[start]) and _word(text[start - 1])))
    assume(not (end < len(text) and _word(text[end - 1]) and _word(text[end])))
    return start, end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(ARTICLE_TEXT, st.data())
def test_a_quote_drawn_from_the_text_anchors_exactly_where_it_stands(text, data):
    start, end = _quote_at(text, data)
    found = occurrences(Normalized(text), text[start:end])
    assert (start, end) in found
    for s, e in found:  # and every other match really is the same words
        assert normalize_quote(text[s:e]) == normalize_quote(text[start:end])


def _write(tmp_path, body: str, claims_yaml: str, **front) -> None:
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    (docs / "claimants.yml").write_text("someone: {name: Someone, kind: person}\n", encoding="utf-8")
    meta = {"title": '"A title"', "outlet": '"An outlet"', "archived": "2026-11-24"}
    meta.update(front)
    meta["sha256"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    head = "".join(f"{k}: {v}\n" for k, v in meta.items())
    (docs / "articles" / "a.md").write_bytes(f"---\n{head}---\n".encode() + body.encode("utf-8"))
    (docs / "articles" / "a.claims.yml").write_text(claims_yaml, encoding="utf-8")


def _claim_yaml(claim_id: str, quote: str, occurrence: int, **fields) -> str:
    lines = [f"  - id: {claim_id}", f"    quote: {json.dumps(quote)}", f"    occurrence: {occurrence}"]
    lines += ["    claimant: someone", "    status: unverified", "    note: A note."]
    lines += [f"    {k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


@SLOW
@given(ARTICLE_TEXT, st.data())
def test_rendered_text_without_annotations_is_the_archived_text(tmp_path_factory, text, data):
    assume(text.strip())
    spans = []
    for _ in range(data.draw(st.integers(0, 3))):
        start, end = _quote_at(text, data)
        if all(end <= s or e <= start for s, e in spans) and "\n\n" not in re.sub(
            r"\n[^\S\n]*\n", "\n\n", text[start:end]
        ):
            spans.append((start, end))
    normalized = Normalized(text)
    claims = "claims:\n"
    for number, (start, end) in enumerate(spans):
        found = occurrences(normalized, text[start:end])
        assume(not text[start:end].isspace() and not any(unicodedata.category(c) == "Cf" for c in text[start:end]))
        claims += _claim_yaml(f"c{number}", text[start:end], found.index((start, end)) + 1)
    folder = tmp_path_factory.mktemp("render")
    _write(folder, text, claims)
    try:
        archive = load_archive(folder / "docs")
    except ContentError as error:
        # Two drawn quotes may still overlap once whole words are taken: that is reported, not guessed.
        assert all(p.code == "quote-overlap" for p in error.problems), error.lines()
        return
    [article] = archive.articles
    assert sorted((c.start, c.end) for c in article.claims) == sorted(spans)
    html = article_html(archive, article)
    page = BeautifulSoup(html, "html.parser").find(class_="na-text")
    for claim in article.claims:
        assert page.find(id=f"claim-{claim.id}").get_text() == text[claim.start : claim.end]
    shown = _archived_paragraphs(html)
    assert shown == [text[s:e] for s, e in paragraphs(text)]
    # nothing but white space between paragraphs is left out
    assert re.sub(r"\s", "", "".join(shown)) == re.sub(r"\s", "", text)


class _Paragraphs(HTMLParser):
    """The text of each paragraph of the archived text, notes and note numbers left out.

    (A plain parser: BeautifulSoup trims white-space-only strings, which a browser shows
    in these white-space: pre-wrap paragraphs.)
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.in_text, self.in_p, self.skip, self.skipped = [], False, False, 0, ""

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        # Skipped: a note (or reference) to its end tag, counting only its own kind of element, because
        # a note's list items end where the next begins (no </li>, as HTML allows).
        if self.skip:
            self.skip += tag == self.skipped
        elif "na-text" in classes:
            self.in_text = True
        elif self.in_text and (tag == "aside" or "na-ref" in classes):
            self.skip, self.skipped = 1, tag
        elif self.in_text and tag == "p":
            self.paragraphs.append("")
            self.in_p = True

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= tag == self.skipped
        elif tag == "p":
            self.in_p = False

    def handle_data(self, data):
        if self.in_p and not self.skip:
            self.paragraphs[-1] += data


def _archived_paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    # The page's own HTML: the archived text, then (when no claim is annotated) the note that says so.
    parser.feed(html.partition('<p class="na-empty">')[0])
    return parser.paragraphs


INERT_TAGS = {
    "div", "h1", "h2", "dl", "dt", "dd", "code", "a", "time", "span", "p", "sup", "aside", "table", "thead",
    "tbody", "tr", "th", "td", "em", "strong", "br", "small", "ul", "li", "nav", "abbr", "sub",
}  # fmt: skip
PROBLEM_LINE = re.compile(r"^\S[^\n]*?(:\d+)?: .+ — .+$")


def _yaml_value(draw_text: str, raw: bool) -> str:
    """Arbitrary text as a YAML value: usually quoted, sometimes raw (to exercise the YAML errors)."""
    return draw_text.replace("\n", " ") if raw else json.dumps(draw_text)


@SLOW
@given(
    fields=st.fixed_dictionaries(
        {
            "title": ANY_TEXT,
            "outlet": ANY_TEXT,
            "url": ANY_TEXT,
            "name": ANY_TEXT,
            "role": ANY_TEXT,
            "note": ANY_TEXT,
            "source": ANY_TEXT,
            "evidence": ANY_TEXT,
            "status": ANY_TEXT,
            "id": ANY_TEXT,
        }
    ),
    raw=st.sets(st.sampled_from(["title", "outlet", "name", "note", "id", "status"])),
)
def test_arbitrary_strings_in_every_field_load_inertly_or_fail_cleanly(tmp_path_factory, fields, raw):
    folder = tmp_path_factory.mktemp("fields")
    body = "Russian aircraft destroyed 525 oil tanker trucks.\n"

    def value(key):
        return _yaml_value(fields[key], key in raw)

    claims = (
        "claimants:\n"
        f"  author: {{name: {value('name')}, role: {value('role')}, kind: person}}\n"
        "claims:\n"
        f"  - id: {value('id')}\n"
        "    quote: 525 oil tanker trucks\n"
        "    claimant: author\n"
        f"    status: {value('status')}\n"
        f"    note: {value('note')}\n"
        f"    source: {{title: {json.dumps(fields['source'] or 'x')}, url: {json.dumps(fields['url'] or 'https://a.b')}}}\n"
        f"    evidence: [{{title: x, url: {json.dumps(fields['evidence'] or 'https://a.b')}}}]\n"
    )
    _write(folder, body, claims, title=value("title"), outlet=value("outlet"))
    try:
        site = ArchiveSite(load_archive(folder / "docs"))
    except ContentError as error:
        for line in error.lines():
            assert PROBLEM_LINE.match(line), line
            assert line.isprintable(), line
        return
    for src in site.pages:
        html = site.page_html(src)
        for tag in BeautifulSoup(html, "html.parser").find_all(True):
            assert tag.name in INERT_TAGS, (src, tag.name)
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (src, tag)
            href = tag.get("href", "")
            scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", href)
            assert not scheme or scheme.group(1).lower() in ("http", "https", "mailto"), (src, href)
    assert "<" not in site.page_meta("articles/a.md")["title"]
