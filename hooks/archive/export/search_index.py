"""The archive's own search index: an inverted index in small files, read a few at a time.

Material's search downloads one index of every page and builds it in the browser before the
first result (tens of megabytes at 10,000 articles: see the Performance page). This index is split so that a query reads
only what it needs: the postings of its terms, then the titles of its best results.

Files, all under search/archive/ in the site, and all JavaScript, so that they load with
`importScripts` both in a real Web Worker (over HTTP) and in the iframe that stands in for one
under file:// (docs/assets/iframe-worker/): the search worker, docs/assets/search/worker.js,
defines `archiveSearch`, and each file hands it its data.

- meta.js: `archiveSearch.meta({"docs": N, "chunk": C, "shards": [keys], "split": [keys],
  "statuses": [shown, ...]})`: how many documents, how many a chunk holds, which shards exist (a
  query never asks for a file that is not there), which two-character keys were split (below)
  and the claims' statuses as their bylines show them (symbol and label), each written once.
- t_KEY.js: `archiveSearch.shard("KEY", {"term": "postings", ...})`: every term whose first
  two characters are KEY (one-character terms have their own shard, KEY being the term).
  A prefix query (search as you type: "tank" finds "tanker") reads one shard. A shard whose
  postings, written as lists of decimal numbers, would be larger than SPLIT bytes is split by
  the terms' first three characters instead (KEY three characters long; a two-character term
  in the shard of its own two). A posting is a number, one a document, in increasing document
  order: (gap << 4) | (weight - 1), the gap being the document id minus the previous posting's
  (the first: the id itself), the weight the term's count in the document, words of the title
  counting TITLE_WEIGHT, capped at 16. A term's postings are one string, each number in digits
  of two kinds, most significant first: its last digit one of the 57 characters "#" to "["
  (code points 35 to 91: 0 to 56), the digits before it, if any, of the 34 characters "]" to
  "~" (93 to 126: 0 to 33), so that the number is (the digits before it, in base 34) * 57 + the
  last (neither '"' nor backslash is used: a JSON string as it is).
- d_N.js: `archiveSearch.docs(N, [entry, ...], A)`: documents N*C to N*C+C-1. An article's or
  a page's entry is [title, location, shown] or, for an article whose claims give a date said,
  [title, location, shown, said]: the date most of them give (ISO), which theirs then leave out.
  A claim's entry is [title, ID, shown, status, chain] or [title, ID, shown, status, chain, said]
  (said "" when the claim gives none although its article's entry has one). Its article is the
  last article before it: in the chunk, or A, the id of the article of the claims that open the
  chunk (given only then). The worker makes the rest from the article's entry, written once:
  the claim's location, the article's + "#claim-" + ID, and its byline (who said it, its
  status, when), chain + " · " + meta's statuses[status] + " · said " + said (the last part
  only with a date said). The location is the page's address relative to the site's root;
  shown is plain text (the worker escapes everything it shows) from which the worker cuts the
  snippet around the matched words: for an article or a page the start of its text (TEASER
  characters), for a claim its note (at most NOTE_SHOWN characters), shown after the byline.

The documents, in order: each article, followed by each of its claims (a result of its own: the
figure's words as its title), then the searchable generated pages. An article's text is its
archived text; the notes are their claims' texts. Neighbours share a chunk, so an article and
its claims found by one query cost one chunk file.

KEY in a file name: a-z and 0-9 as they are, any other character as "-" + its code point in
hexadecimal + "-" (so "жа" is t_-436--430-.js), which every file system and URL takes as is.

Nothing here imports MkDocs; the documents come from the model, not from the built HTML.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from .. import urls
from ..anchor.markers import CLAIM_MARKS
from ..load.safe_markdown import TAG
from ..model import Archive, Article, Claim

FOLDER = "search/archive"
# Documents a chunk file: a list of 25 results reads at most 25 chunks, and neighbours (an article
# and its claims) share one. 8 made 16,000 chunk files at 10,000 articles, and a static host takes
# 20,000 files in all (Performance, Site size).
CHUNK = 32
TITLE_WEIGHT = 4  # a word of the title counts as this many words of the text
MAX_WEIGHT = 16
TEASER = 200  # characters of an article's or page's text kept for its snippet
NOTE_SHOWN = 400  # characters of a claim's note kept for its snippet (notes are a few sentences)
SPLIT = 16_000  # bytes: a larger shard is split by three characters (see build)

# The tokeniser. The same rules are written in docs/assets/search/worker.js (`tokens`); both
# must agree (tests/test_search_index.py runs the JavaScript one in Chromium on the same strings):
#   1. Unicode NFKD: "ﬁ" -> "fi", "²" -> "2", "𝐀" -> "A", "é" -> "e" + a combining accent;
#   2. lowercase (Unicode's full mapping: str.lower, String.prototype.toLowerCase);
#   3. every combining mark (general category M) removed: "Café" -> "cafe", "İ" -> "i";
#   4. words are the runs of letters and digits (general categories L and N); anything else
#      separates words: "4,518" -> "4", "518"; "week’s" -> "week", "s";
#   5. the words of STOP_WORDS are dropped.
# Python's tables are those of its Unicode version (14.0 for Python 3.11), the browser's those of
# its ICU: characters added to Unicode since may be read differently; none is in the tests' set.
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have he her his i in is it its of on or s t that the their this to "
    "was were which will with".split()
)
_WORD = re.compile(r"[^\W_]+")  # str.isalnum() runs: letters and digits (no "_")


@functools.cache
def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


_ASCII = frozenset(map(chr, range(128)))


def normalize(text: str) -> str:
    """Rules 1 to 3 of the tokeniser."""
    if text.isascii():
        return text.lower()  # NFKD leaves ASCII as it is
    text = unicodedata.normalize("NFKD", text).lower()
    # The distinct characters, not each character, are looked at: a text has few kinds of
    # non-ASCII ones (a regular expression of every mark was slow on every text).
    marks = [char for char in set(text).difference(_ASCII) if _is_mark(char)]
    return text.translate(dict.fromkeys(map(ord, marks))) if marks else text


def tokens(text: str) -> list[str]:
    """The words of a text as the index and the queries see them (the tokeniser above)."""
    return [word for word in _WORD.findall(normalize(text)) if word not in STOP_WORDS]


def shard_key(term: str, split: frozenset[str] | set[str] = frozenset()) -> str:
    """The shard of a term: its first two characters, or three when those two name a split shard."""
    return term[:3] if term[:2] in split else term[:2]


def file_key(key: str) -> str:
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else f"-{ord(c):x}-" for c in key)


def shard_path(key: str) -> str:
    return f"{FOLDER}/t_{file_key(key)}.js"


def chunk_path(number: int) -> str:
    return f"{FOLDER}/d_{number}.js"


META_PATH = f"{FOLDER}/meta.js"


@dataclass
class Document:
    title: str
    location: str  # relative to the site's root: articles/2015/x.html; a claim's: its article's + #claim-ID
    text: str  # plain text, searched
    shown: str = ""  # plain text kept for the snippet; "" keeps the teaser of text
    heading: str = ""  # words searched like the title's, not shown (a claim's claimant)
    section: bool = False  # a claim of the last document before it that is not one (its article)
    # A claim's byline, shown whole before the snippet, is made of these (see byline):
    chain: str = ""  # the claimant and each relay
    status: str = ""  # symbol and label
    said: str = ""  # ISO date, if known; an article's: the date most of its claims give


def html_text(html: str) -> str:
    """The visible text of a fragment of HTML (tags out, entities read), white space collapsed."""
    return " ".join(unescape(TAG.sub(" ", html)).split())


def byline(chain: str, status: str, said: str) -> str:
    """Who said a claim and what is known of it, as its search result shows them (the worker makes
    it the same way from what the chunk holds)."""
    return f"{chain} · {status}" + (f" · said {said}" if said else "")


def _described_chain(archive: Archive, claim: Claim) -> str:
    """The whole chain as a note shows it (roles, affiliations, the outlet): searched, not shown."""
    return " ".join(hop.name + (f" {hop.description}" if hop.description else "") for hop in archive.relay(claim))


def article_text(article: Article) -> str:
    """The article's searchable text: the archived text as the page shows it (notes are their claims')."""
    if article.format == "markdown":
        return html_text(CLAIM_MARKS.sub("", article.markdown_html))
    return " ".join(article.body.split())


def claim_document(archive: Archive, claim: Claim, article_url: str) -> Document:
    # the claimant and each relay: the outlet is the article's, shown above
    chain = " → ".join(hop.name for hop in archive.relay(claim)[:-1])
    status = archive.statuses[claim.status]
    shown_status = f"{status.symbol} {status.label}"
    said = claim.said.isoformat() if claim.said else ""
    note = html_text(claim.note_html)
    return Document(
        claim.article.quoted(claim),
        f"{article_url}#claim-{claim.id}",
        f"{_described_chain(archive, claim)} {byline(chain, shown_status, said)} {note}",
        shown=_cut(note, NOTE_SHOWN),
        heading=archive.claimants[claim.claimant].name,
        section=True,
        chain=chain,
        status=shown_status,
        said=said,
    )


def article_documents(archive: Archive) -> Iterator[Document]:
    """Each article, then each of its claims."""
    for article in archive.articles:
        url = urls.page_url(article.src)
        claims = [claim_document(archive, claim, url) for claim in article.claims]
        # the claims of an article are mostly said on one day: the article's entry holds it once
        said = Counter(claim.said for claim in claims).most_common(1)[0][0] if claims else ""
        yield Document(article.title, url, article_text(article), said=said)
        yield from claims


def page_document(title: str, src: str, html: str) -> Document:
    """A generated page, by its visible text (its <h1> repeats the title: left out)."""
    text = html_text(re.sub(r"<h1[^>]*>.*?</h1>", " ", html, count=1, flags=re.S))
    return Document(title, urls.page_url(src), text)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


def teaser(text: str) -> str:
    return _cut(text, TEASER)


def _js(value) -> str:
    # ASCII JSON (non-ASCII as \\u escapes): valid JavaScript, whatever the characters.
    return json.dumps(value, separators=(",", ":"))


def _chunk_file(number: int, entries: list, opening: int | None) -> tuple[str, str]:
    tail = "" if opening is None else f",{opening}"
    return chunk_path(number), f"archiveSearch.docs({number},{_js(entries)}{tail});\n"


def build(documents: Iterable[Document]) -> Iterator[tuple[str, str]]:
    """(path in the site, text) of every file of the index, in one pass over the documents."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    chunk: list[list] = []
    opening = None  # the article of the claims that open the chunk
    statuses: dict[str, int] = {}  # a claim's status as shown -> its number in meta.js
    count = 0
    whole, article = 0, None  # the last document that is not a section, and its id
    for doc_id, doc in enumerate(documents):
        counts = Counter(tokens(doc.text))
        for word in tokens(f"{doc.title} {doc.heading}"):
            counts[word] += TITLE_WEIGHT
        base = doc_id << 4
        for term, weight in counts.items():
            postings[term].append(base | (weight - 1 if weight < MAX_WEIGHT else MAX_WEIGHT - 1))
        shown = doc.shown or teaser(doc.text)
        if doc.section:
            # what the worker makes from the article's entry is checked, not assumed
            prefix = f"{article.location}#claim-" if article else None
            if not prefix or not doc.location.startswith(prefix):
                raise ValueError(f"{doc.location}: a claim's address is not its article's + #claim-ID")
            entry = [doc.title, doc.location[len(prefix) :], shown, statuses.setdefault(doc.status, len(statuses))]
            entry.append(doc.chain)
            if doc.said != article.said:
                entry.append(doc.said)
            if not chunk:
                opening = whole
        else:
            whole, article = doc_id, doc
            entry = [doc.title, doc.location, shown] + ([doc.said] if doc.said else [])
        chunk.append(entry)
        count = doc_id + 1
        if len(chunk) == CHUNK:
            yield _chunk_file(doc_id // CHUNK, chunk, opening)
            chunk, opening = [], None
    if chunk:
        yield _chunk_file((count - 1) // CHUNK, chunk, opening)

    shards: dict[str, dict[str, list[int]]] = {}
    for term in sorted(postings):
        entries = postings[term]
        # gap-encoded: each entry minus the previous entry's document (its low 4 bits cleared)
        gaps = [entries[0]] + [entry - (before & ~15) for before, entry in zip(entries, entries[1:], strict=False)]
        shards.setdefault(shard_key(term), {})[term] = gaps
    # A shard larger than SPLIT is split by the terms' first three characters (a two-character term
    # stays alone in the shard named by itself): common beginnings ("co", "re") would otherwise weigh
    # hundreds of KB at 10,000 articles. The worker reads a two-character query term of a split shard
    # as a whole word, not as a prefix. The size is the one the shards had when their numbers were
    # written in decimal: the same shards are split, and a two-character query finds the same words.
    split = set()
    for key in list(shards):
        if sum(len(term) + len(_js(gaps)) + 4 for term, gaps in shards[key].items()) > SPLIT:
            split.add(key)
            for term, gaps in shards.pop(key).items():
                shards.setdefault(term[:3], {})[term] = gaps
    for key, terms in shards.items():
        body = ",".join(f'{_js(term)}:"{_written(gaps)}"' for term, gaps in terms.items())
        yield shard_path(key), f"archiveSearch.shard({_js(key)},{{{body}}});\n"
    about = {"docs": count, "chunk": CHUNK, "shards": sorted(shards), "split": sorted(split)}
    about["statuses"] = list(statuses)
    yield META_PATH, f"archiveSearch.meta({_js(about)});\n"


_TABLE = 57 * 34 * 34  # the numbers of at most three digits


@functools.cache
def _small() -> list[str]:
    return [_digits(value) for value in range(_TABLE)]


def _written(gaps: list[int]) -> str:
    """A term's postings as its shard writes them: most numbers have at most three digits, looked up."""
    small = _small()
    return "".join([small[gap] if gap < _TABLE else _digits(gap) for gap in gaps])


def _digits(value: int) -> str:
    """A posting's number as a shard writes it (see the top of this module)."""
    out = chr(35 + value % 57)
    value //= 57
    while value:
        out = chr(93 + value % 34) + out
        value //= 34
    return out


def decode(postings: str) -> list[tuple[int, int]]:
    """(document id, weight) of a term's postings as a shard writes them: what the worker reads (for tests)."""
    out, doc, value = [], 0, 0
    for code in map(ord, postings):
        if code > 92:
            value = value * 34 + code - 93
            continue
        number, value = value * 57 + code - 35, 0
        doc += number >> 4
        out.append((doc, (number & 15) + 1))
    return out


_CALL = re.compile(r"archiveSearch\.(meta|shard|docs)\((.*)\);\n\Z", re.S)


def read(site_dir) -> dict:
    """The index a build wrote, as the worker sees it (for tests and the benchmark):
    {"meta": {...}, "shards": {key: {term: [(doc, weight), ...]}}, "docs": [[title, location, shown], ...]},
    a claim's document being [title, location, shown, id of its article, byline], made as the worker makes them."""
    from pathlib import Path

    folder = Path(site_dir) / FOLDER
    out: dict = {"meta": None, "shards": {}, "docs": []}
    chunks = {}
    for path in folder.glob("*.js"):
        kind, arguments = _CALL.match(path.read_text(encoding="utf-8")).groups()
        value = json.loads(f"[{arguments}]")
        if kind == "meta":
            out["meta"] = value[0]
        elif kind == "shard":
            out["shards"][value[0]] = {term: decode(postings) for term, postings in value[1].items()}
        else:
            chunks[value[0]] = value[1:]
    statuses = out["meta"]["statuses"]
    entries = []  # as written
    for number in sorted(chunks):
        written, *opening = chunks[number]
        article = opening[0] if opening else None
        for entry in written:
            if len(entry) > 4:  # a claim: [title, ID, shown, status, chain] (+ said)
                title, claim_id, shown, status, chain, *said = entry
                head = entries[article]
                said = said[0] if said else (head[3] if len(head) > 3 else "")
                line = byline(chain, statuses[status], said)
                out["docs"].append([title, f"{head[1]}#claim-{claim_id}", shown, article, line])
            else:
                article = len(entries)
                out["docs"].append(entry[:3])
            entries.append(entry)
    return out
