"""The archive's search index (hooks/archive/export/search_index.py): tokeniser, shards, files; the theme override
that points Material at the archive's worker. The JavaScript tokeniser is compared with this one in
tests/browser/test_search.py."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT

from hooks.archive.export import search_index
from hooks.archive.export.search_index import Document, build, file_key, shard_key, tokens

# Strings where a tokeniser can go wrong; tests/browser/test_search.py runs the worker's on them too.
TRICKY = [
    "525 oil tanker trucks",
    "Russia’s “Defense” Minister — Sergei Shoigu",
    "Café CRÈME brûlée naïve ÅNGSTRÖM",
    "$1.5 million; 4,518 barrels/day; 42% (2015-11-20)",
    "ﬁnance ² ½ Ⅻ ①",  # compatibility characters: NFKD
    "Straße İstanbul ΣΊΣΥΦΟΣ",  # lowercase mappings that differ from ASCII rules
    "Москва ЖЁЛТЫЙ київ",
    "東京都 ２０１５年",
    "e\u0301cole co\u0308operate",  # marks already decomposed
    "snake_case kebab-case dot.case a/b",
    "<img src=x onerror=alert(1)> &amp; the of and",
    "𝐀𝐁𝐂 emoji 😀 here",
    "",
]


def test_tokens_follow_the_written_rules():
    assert tokens("525 oil tanker trucks") == ["525", "oil", "tanker", "trucks"]
    assert tokens("Russia’s “Defense” Minister") == ["russia", "defense", "minister"]  # "s" is a stop word
    assert tokens("Café CRÈME naïve") == ["cafe", "creme", "naive"]
    assert tokens("$1.5 million; 4,518") == ["1", "5", "million", "4", "518"]
    assert tokens("ﬁnance ²") == ["finance", "2"]
    assert tokens("e\u0301cole") == ["ecole"]
    assert tokens("snake_case kebab-case") == ["snake", "case", "kebab", "case"]
    assert tokens("The war of the worlds") == ["war", "worlds"]
    assert tokens("Москва ЖЁЛТЫЙ") == ["москва", "желтыи"]


def test_shard_keys_and_file_names():
    assert shard_key("tanker") == "ta" and shard_key("5") == "5"
    assert shard_key("contract", {"co"}) == "con" and shard_key("co", {"co"}) == "co"
    assert file_key("ta") == "ta" and file_key("52") == "52"
    assert file_key("жа") == "-436--430-"
    assert file_key("\U0001d400") == "-1d400-"
    names = {file_key(shard_key(t)) for s in TRICKY for t in tokens(s)}
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in names)


def test_the_index_round_trips_with_weights_gaps_and_chunks():
    docs = [Document(f"Title {i}", f"articles/{i}.html", "plain words " * (i % 3 + 1)) for i in range(40)]
    docs.append(Document("Tanker trucks", "articles/t.html", "tanker " * 30 + "<b>not markup</b>"))
    files = dict(build(docs))
    last = search_index.chunk_path((len(docs) - 1) // search_index.CHUNK)
    assert set(files) >= {search_index.META_PATH, search_index.chunk_path(0), last}
    assert all(text.startswith("archiveSearch.") and text.endswith(");\n") for text in files.values())
    assert all(path.startswith("search/archive/") for path in files)
    # read back as the worker reads it
    with tempfile.TemporaryDirectory() as site:
        for path, text in files.items():
            Path(site, path).parent.mkdir(parents=True, exist_ok=True)
            Path(site, path).write_text(text, encoding="utf-8")
        index = search_index.read(site)
    assert index["meta"]["docs"] == 41 and index["meta"]["chunk"] == search_index.CHUNK
    assert [d[1] for d in index["docs"]] == [d.location for d in docs]
    assert index["docs"][40][2].startswith("tanker tanker") and index["docs"][40][2].endswith(" …")
    assert len(index["docs"][40][2]) <= search_index.TEASER + 2
    assert index["shards"]["pl"]["plain"] == [(i, i % 3 + 1) for i in range(40)]
    # a title word counts TITLE_WEIGHT; a weight stops at MAX_WEIGHT
    assert index["shards"]["ti"]["title"] == [(i, search_index.TITLE_WEIGHT) for i in range(40)]
    assert index["shards"]["ta"]["tanker"] == [(40, search_index.MAX_WEIGHT)]
    assert index["shards"]["tr"]["trucks"] == [(40, search_index.TITLE_WEIGHT)]


def _read(files: dict) -> dict:
    with tempfile.TemporaryDirectory() as site:
        for path, text in files.items():
            Path(site, path).parent.mkdir(parents=True, exist_ok=True)
            Path(site, path).write_text(text, encoding="utf-8")
        return search_index.read(site)


def _claim(article: str, n: int, said: str, status: str = "? Unverified") -> Document:
    return Document(
        f"{n} barges",
        f"{article}#claim-c{n}",
        f"note {n}",
        section=True,
        chain="Sergei Shoigu",
        status=status,
        said=said,
    )


def test_a_claim_is_written_without_what_its_article_holds():
    # 40 claims of the first article run into the second chunk, where the next article's start
    docs = [Document("First", "articles/2015/first.html", "text", said="2015-11-20")]
    docs += [
        _claim("articles/2015/first.html", n, "2015-11-20", "✓ Confirmed" if n % 2 else "? Unverified")
        for n in range(1, 41)
    ]
    docs[7] = _claim("articles/2015/first.html", 7, "2016-01-02")  # said on another day
    docs[8] = _claim("articles/2015/first.html", 8, "")  # no date said
    docs.append(Document("Second", "articles/2016/second.html", "text"))  # its claims give no date...
    docs += [_claim("articles/2016/second.html", n, "") for n in (1, 2)]
    docs.append(_claim("articles/2016/second.html", 3, "2016-03-04"))  # ... but this one
    docs.append(Document("Home", "index.html", "home page"))
    files = dict(build(docs))
    index = _read(files)
    assert [d[1] for d in index["docs"]] == [d.location for d in docs]
    articles = [0] * 41 + [41] * 4
    for doc_id, (doc, read) in enumerate(zip(docs, index["docs"], strict=True)):
        if doc.section:
            said = f" · said {doc.said}" if doc.said else ""
            assert read[3:] == [articles[doc_id], f"Sergei Shoigu · {doc.status}{said}"], doc_id
    # the article's address is written once, the date said once with the claims that share it
    first, second = files[search_index.chunk_path(0)], files[search_index.chunk_path(1)]
    assert first.count("first.html") == 1 and "first.html" not in second
    assert first.count("2015-11-20") == 1 and second.count("2015-11-20") == 0
    assert second.endswith(",0);\n")  # the claims that open the second chunk are the first article's
    assert first.endswith("]]);\n")
    assert index["meta"]["statuses"] == ["✓ Confirmed", "? Unverified"]


def test_a_claim_must_have_its_articles_address():
    article = Document("First", "articles/2015/first.html", "text")
    for wrong in (_claim("articles/2015/other.html", 1, ""), _claim("articles/2015/first.html.x", 1, "")):
        with pytest.raises(ValueError, match="not its article's"):
            dict(build([article, wrong]))
    with pytest.raises(ValueError, match="not its article's"):
        dict(build([_claim("articles/2015/first.html", 1, "")]))


def test_a_large_shard_is_split_by_three_characters():
    words = [f"co{a}{b}x" for a in "abcdefghij" for b in "abcdefghij"]
    docs = [Document("", f"{i}.html", " ".join(words) + " co") for i in range(200)]
    files = dict(build(docs))
    meta = files[search_index.META_PATH]
    assert '"split":["co"]' in meta
    assert search_index.shard_path("co") in files  # the two-character term, alone
    assert search_index.shard_path("coa") in files and search_index.shard_path("coj") in files
    assert all(len(text) < search_index.SPLIT for path, text in files.items() if "/t_" in path)


# Posting numbers around the digits' limits: 57 (one digit), 57 * 34 (two), 57 * 34**2 (three).
POSTINGS = [0, 1, 15, 16, 56, 57, 58, 1937, 1938, 1939, 65891, 65892, 16 * 130_000 + 15, 2**31 + 5]


def test_postings_are_one_string_of_digits_of_two_kinds():
    written = "".join(map(search_index._digits, POSTINGS))
    assert json.loads(json.dumps(written)) == written and not set(written) & {'"', "\\"}
    assert all(35 <= ord(c) <= 126 for c in written)
    assert [len(search_index._digits(n)) for n in (56, 57, 1937, 1938, 65891, 65892)] == [1, 2, 2, 3, 3, 4]
    doc, expected = 0, []
    for number in POSTINGS:
        doc += number >> 4
        expected.append((doc, (number & 15) + 1))
    assert search_index.decode(written) == expected


def test_the_same_shards_are_split_as_when_postings_were_decimal():
    # 80 documents of 100 terms: about 9 KB of postings as digits, 25 KB as decimal lists: split
    words = [f"co{a}{b}x" for a in "abcdefghij" for b in "abcdefghij"]
    files = dict(build(Document("", f"{i}.html", " ".join(words)) for i in range(80)))
    assert '"split":["co"]' in files[search_index.META_PATH]
    assert sum(len(text) for path, text in files.items() if "/t_co" in path) < search_index.SPLIT


def test_the_theme_override_is_materials_config_block_with_the_archives_worker():
    import material

    theirs = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    material_base = Path(material.__file__).parent / "templates" / "base.html"
    block = re.compile(r"\{% block config %\}(.*?)\{% endblock %\}", re.S)
    (original,) = block.findall(material_base.read_text(encoding="utf-8"))
    (ours,) = block.findall(theirs)

    def same(text):
        lines = [line.strip() for line in text.strip().splitlines()]
        return [line for line in lines if "archive_shared" not in line]  # our once-per-folder wrapper

    worker = '"search": "assets/search/worker.js" | url,'
    assert worker in ours
    original_lines = same(original)
    changed = [i for i, line in enumerate(original_lines) if line.startswith('"search": "assets/javascripts/workers/')]
    assert len(changed) == 1, "Material's config block changed: update overrides/main.html"
    original_lines[changed[0]] = worker
    assert same(ours) == original_lines, "Material's config block changed: update overrides/main.html"
    assert (ROOT / "docs" / "assets" / "search" / "worker.js").is_file()
