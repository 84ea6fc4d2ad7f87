"""The archive's open data, checked with other people's schemas and tools.

- ClaimReview JSON-LD on the article pages, expanded with schema.org's own
  context (release 30.0, in ../shared/schemaorg) and checked for Google's
  required and recommended properties;
- the Web Annotations, validated against the W3C Web Annotation test suite's
  MUST assertions (../shared/w3c-annotation-schemas) with jsonschema, and
  re-anchored in the built page the way a Hypothesis-style client does;
- the JSON and CSV exports, round-tripped; the Atom feed.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup, Comment, NavigableString
from conftest import ROOT, SEED_BODY, SEED_CLAIMS
from page_claimreviews import json_ld
from pyld import jsonld
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from hooks.archive import urls
from hooks.archive.export import page_reviews

SHARED = ROOT.parent / "shared"
W3C = SHARED / "w3c-annotation-schemas"
SCHEMAORG = SHARED / "schemaorg"
SITE_URL = "https://news.example.org/archive/"
SCHEMA = "http://schema.org/"
SEED = "articles/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its"


def shared(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI clones the project with shared/ beside it")
        pytest.skip(f"{path} is not beside the project")
    return path


def with_site_url(project, url: str = SITE_URL):
    text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {url}", project.config.read_text(encoding="utf-8"))
    assert count == 1, "mkdocs.yml has no site_url line to set"
    project.config.write_text(text, encoding="utf-8")


def seed_project(project, every_article: bool = False):
    """The real seed article (or every_article: all the shipped articles) and claimant registry, in a
    throwaway project with a site_url."""
    for path in (ROOT / "docs" / "articles").rglob("*"):
        if path.is_file() and (every_article or str(path.relative_to(ROOT / "docs")).startswith(SEED + ".")):
            target = project.docs / path.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    shutil.copy(ROOT / "docs" / "claimants.yml", project.docs / "claimants.yml")
    with_site_url(project)
    built(project)
    return project


def built(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    return result


def annotations_of(project, article_page: str) -> list:
    """The article's Web Annotations, from the year's file its header links as "Web Annotations"."""
    page = BeautifulSoup(project.page(article_page), "html.parser")
    (href,) = [a["href"] for a in page.select(".na-provenance a") if a.get_text() == "Web Annotations"]
    year = json.loads(project.page(href.rsplit("/", 1)[-1]))
    assert year["type"] == "AnnotationCollection" and year["first"]["type"] == "AnnotationPage"
    items = year["first"]["items"]
    assert year["total"] == len(items)
    return [item for item in items if item["target"][0]["source"] in (article_page, SITE_URL + article_page)]


# --- schema.org ClaimReview ------------------------------------------------------------------


def schemaorg_loader():
    context = json.loads(shared(SCHEMAORG / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))

    def load(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}
        raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")

    return load


def expand(data, base: str):
    return jsonld.expand(data, {"documentLoader": schemaorg_loader(), "base": base})


def one(node: dict, prop: str):
    values = node.get(SCHEMA + prop, [])
    assert len(values) == 1, f"{prop}: {values}"
    return values[0]


def is_text(value) -> bool:
    return isinstance(value, dict) and isinstance(value.get("@value"), str) and value["@value"].strip() != ""


def is_a(value, kind: str) -> bool:
    return isinstance(value, dict) and SCHEMA + kind in value.get("@type", [])


def test_every_claim_is_a_claimreview_google_can_read(project):
    seed_project(project)
    page_url = SITE_URL + SEED + ".html"
    blocks = json_ld(project.page(SEED + ".html"))
    claims = [c for c in json.loads(project.page("claims.json"))["claims"] if c["article"] == SEED + ".html"]
    assert len(blocks) == len(claims) == 11
    labels = {"Confirmed", "Partly confirmed", "Unverified", "Disputed", "False"}
    body = (ROOT / "docs" / (SEED + ".md")).read_text(encoding="utf-8")
    for block, claim in zip(blocks, claims, strict=True):
        (review,) = expand(block, page_url)
        assert review["@type"] == [SCHEMA + "ClaimReview"]
        # Google's required properties: claimReviewed (text), reviewRating (a Rating), url (on this site)
        reviewed = one(review, "claimReviewed")
        assert is_text(reviewed) and len(reviewed["@value"]) < 75
        words = reviewed["@value"].strip("…")
        assert claim["quote"] in words and " ".join(words.split()) in " ".join(body.split())
        assert not any(label.lower() in words.lower() for label in labels)
        url = one(review, "url")["@id"]
        assert url == page_url + "#claim-" + claim["claim_id"] == claim["permalink"]
        rating = one(review, "reviewRating")
        assert is_a(rating, "Rating")
        assert one(rating, "alternateName")["@value"] == claim["status_label"]
        value, best, worst = (one(rating, p)["@value"] for p in ("ratingValue", "bestRating", "worstRating"))
        assert (best, worst) == (5, 1) and worst <= value <= best
        assert value == {"confirmed": 5, "unverified": 3}[claim["status"]]
        # recommended: the review's author (the archive), its date, and the Claim reviewed
        author = one(review, "author")
        assert is_a(author, "Organization") and one(author, "name")["@value"] == "Annotated News Archive"
        assert one(review, "datePublished")["@value"] == claim["checked"]
        item = one(review, "itemReviewed")
        assert is_a(item, "Claim")
        claimant = one(item, "author")
        assert is_a(claimant, "Person") or is_a(claimant, "Organization")
        assert one(claimant, "name")["@value"] == claim["claimant_name"]
        if claim["claimant_id"] == "sergei-shoigu":
            assert is_a(claimant, "Person")
            assert one(claimant, "jobTitle")["@value"] == "Russia's defence minister at the time"
        assert is_text(one(item, "datePublished"))
        appearances = item[SCHEMA + "appearance"]
        assert page_url in [one(a, "url")["@id"] for a in appearances]


@pytest.mark.parametrize("site_url", [True, False])
def test_the_years_claimreview_feeds_say_what_the_pages_say(project, site_url):
    """For the tools that read ClaimReview without running a page's scripts: every claim's review in
    its year's feed (a schema.org DataFeed, a download beside the site) is the page's, address for address."""
    seed_project(project) if site_url else project.article("x/a", SEED_BODY, SEED_CLAIMS, published="2015-11-20")
    built(project)
    base = SITE_URL if site_url else "https://mirror.example.net/somewhere/"
    pages = [SEED + ".html"] if site_url else ["articles/x/a.html"]
    reviews = [r for page in pages for r in expand(json_ld(project.page(page)), base + page)]
    feed = json.loads(project.page("claimreviews-2015.jsonld"))
    assert feed["@type"] == "DataFeed" and len(feed["dataFeedElement"]) == len(reviews) > 0
    (expanded,) = expand(feed, base + "claimreviews-2015.jsonld")
    assert expanded[SCHEMA + "dataFeedElement"] == reviews
    assert urls.is_download("claimreviews-2015.jsonld")
    assert "claimreviews-2015.jsonld" in project.page("index.html")


def test_claimreview_addresses_without_a_site_url_are_relative_to_the_page(project):
    project.article("x/a", SEED_BODY, SEED_CLAIMS, url="https://example.org/original", published="2015-11-20")
    built(project)
    blocks = json_ld(project.page("articles/x/a.html"))
    assert [b["url"] for b in blocks] == ["a.html#claim-tanker-trucks", "a.html#claim-militants-killed"]
    page = "https://mirror.example.net/somewhere/articles/x/a.html"
    (review,) = expand(blocks[0], page)
    assert one(review, "url")["@id"] == page + "#claim-tanker-trucks"
    appearances = {one(a, "url")["@id"] for a in one(review, "itemReviewed")[SCHEMA + "appearance"]}
    assert appearances == {"https://example.org/original", page}


def test_json_ld_cannot_be_broken_out_of(project):
    body = "Said </script><script>alert(1)</script> 525 oil tanker trucks <!-- x.\n"
    claims = SEED_CLAIMS.split("  - id: militants-killed")[0]
    project.article("a", body, claims)
    built(project)
    page = BeautifulSoup(project.page("articles/a.html"), "html.parser")
    scripts = page.find_all("script")
    assert not [s for s in scripts if "alert" in (s.string or "") and s.get("type") != "application/json"]
    (block,) = page.find_all("script", type="application/json", id=page_reviews.REVIEWS_ID)
    assert "<" not in block.string
    (review,) = json_ld(str(page))
    assert review["claimReviewed"] == body.strip()


# --- W3C Web Annotations ---------------------------------------------------------------------

BASE = "https://web-annotation-tests.invalid/"  # a base for the suite's bare file names; nothing is fetched


@pytest.fixture(scope="module")
def w3c_registry() -> Registry:
    resources = []
    for path in sorted(shared(W3C / "definitions").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["id"] = BASE + path.name
        resource = Resource.from_contents(schema, default_specification=DRAFT4)
        # Under the base, for refs between definitions files; bare, for assertions that are a lone $ref
        # (draft-04 ignores `id` beside `$ref`, so their refs resolve against no base at all).
        resources += [(BASE + path.name, resource), (path.name, resource)]
    return Registry().with_resources(resources)


def musts(manifest: str) -> list[tuple[str, dict]]:
    listed = json.loads(shared(W3C / manifest).read_text(encoding="utf-8"))["assertions"]
    out = []
    for name in listed:
        schema = json.loads((W3C / name).read_text(encoding="utf-8"))
        assert schema["assertionType"] == "must" and schema["expectedResult"] == "valid"
        schema["id"] = BASE + Path(name).name
        out.append((name, schema))
    return out


def failed_musts(document, manifest: str, registry: Registry) -> list[str]:
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    # Without rfc3987 and rfc3339-validator, jsonschema silently passes every uri and date-time.
    assert {"uri", "date-time"} <= set(checker.checkers)
    failed = []
    for name, schema in musts(manifest):
        validator = jsonschema.Draft4Validator(schema, registry=registry, format_checker=checker)
        errors = list(validator.iter_errors(document))
        if errors:
            failed.append(f"{name}: {errors[0].message}")
    return failed


ANNOTATION_MUSTS = "annotations/annotationMusts.test"
COLLECTION_MUSTS = "collections/collectionMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"


def test_the_harness_fails_the_suites_incorrect_annotations(w3c_registry):
    assert len(musts(ANNOTATION_MUSTS)) == 54
    incorrect = sorted((W3C / "tools" / "samples" / "incorrect").glob("*.json"))
    assert len(incorrect) > 30
    for path in incorrect:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # not JSON at all: nothing to validate, and no annotation either
        assert failed_musts(document, ANNOTATION_MUSTS, w3c_registry), path.name
    # a collection or page with a bad id or count fails too
    context = "http://www.w3.org/ns/anno.jsonld"
    bad_collection = {"@context": context, "id": "not a uri", "type": "AnnotationCollection", "total": -1}
    assert len(failed_musts(bad_collection, COLLECTION_MUSTS, w3c_registry)) == 2
    bad_page = {"@context": context, "id": "https://x.example/p", "type": "AnnotationPage", "startIndex": "0"}
    assert failed_musts(bad_page, PAGE_MUSTS, w3c_registry)
    # ... and passes the correct ones with a single-resource target, as ours have
    for number in range(1, 11):
        path = W3C / "tools" / "samples" / "correct" / f"anno{number}.json"
        assert failed_musts(json.loads(path.read_text(encoding="utf-8")), ANNOTATION_MUSTS, w3c_registry) == []


def test_every_exported_annotation_meets_every_w3c_must(project, w3c_registry):
    seed_project(project)
    collection = json.loads(project.page("annotations.jsonld"))
    assert failed_musts(collection, COLLECTION_MUSTS, w3c_registry) == []
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 11
    assert collection["first"] == collection["last"] == SITE_URL + "annotations-2015.jsonld#page"
    # The year's file: a collection with its one page embedded, which the suite's page test reads as such.
    year = json.loads(project.page("annotations-2015.jsonld"))
    assert year["id"] == SITE_URL + "annotations-2015.jsonld" and year["total"] == 11
    assert failed_musts(year, COLLECTION_MUSTS, w3c_registry) == []
    assert failed_musts(year, PAGE_MUSTS, w3c_registry) == []
    page = year["first"]
    assert page["type"] == "AnnotationPage" and page["id"] == year["last"] == collection["first"]
    assert page["partOf"] == {"id": SITE_URL + "annotations.jsonld", "total": 11} and page["startIndex"] == 0
    assert len(page["items"]) == 11
    for annotation in page["items"]:
        assert failed_musts(annotation, ANNOTATION_MUSTS, w3c_registry) == [], annotation["id"]
        # the id it had in the article's own file until December 2026: whoever stored it still finds it
        assert annotation["id"].startswith(SITE_URL + SEED + ".annotations.jsonld#")
    # no file per article any more
    assert not list(project.site.glob("articles/**/*.annotations.jsonld"))


def test_annotations_select_the_exact_archived_words_with_context(project):
    seed_project(project)
    body = (ROOT / "docs" / (SEED + ".md")).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    claims = {c["claim_id"]: c for c in json.loads(project.page("claims.json"))["claims"]}
    for annotation in annotations_of(project, SEED + ".html"):
        claim = claims[annotation["id"].rsplit("#", 1)[1]]
        page, raw = annotation["target"]
        assert page["source"] == SITE_URL + SEED + ".html" and page["format"] == "text/html"
        quote = page["selector"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"] == claim["quote"]
        # the positions are given in the raw archived text (the body byte for byte), with its context
        assert raw["source"] == SITE_URL + SEED + ".txt" and raw["format"] == "text/plain"
        raw_text = (ROOT / "docs" / (SEED + ".txt")).read_text(encoding="utf-8")
        position, raw_quote = raw["selector"]
        assert position["type"] == "TextPositionSelector" and raw_quote["type"] == "TextQuoteSelector"
        assert raw_text[position["start"] : position["end"]] == raw_quote["exact"] == claim["quote"]
        assert raw_text[: position["start"]].endswith(raw_quote["prefix"]) and len(raw_quote["prefix"]) == 32
        assert raw_text[position["end"] :].startswith(raw_quote["suffix"]) and 0 < len(raw_quote["suffix"]) <= 32
        # the page's context is the archived text's, within the paragraph
        assert body[: position["start"]].endswith(quote["prefix"]) and 0 < len(quote["prefix"]) <= 32
        assert body[position["end"] :].startswith(quote["suffix"]) and 0 < len(quote["suffix"]) <= 32
        bodies = " | ".join(b.get("value", "") for b in annotation["body"])
        for expected in (claim["claimant_name"], claim["status_label"], claim["note"]):
            assert expected in bodies


# A Hypothesis-style re-anchorer, after hypothesis/client's match-quote: in the text content of the
# page's <body>, every place where the quote stands is scored by how well the text around it matches
# prefix and suffix (weights 20 each, against 50 for the quote); the best one wins. (Hypothesis also
# weighs the distance from a TextPositionSelector's start on the page: ours has none for the page.)


def page_text(html: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """document.body.textContent, and where each claim's element stands in it."""
    soup = BeautifulSoup(html, "html.parser")
    parts, spans, length = [], {}, 0
    for string in soup.body.descendants:
        if isinstance(string, NavigableString) and not isinstance(string, Comment):
            parts.append(str(string))
            length += len(str(string))
            claim = string.find_parent(class_="na-claim")
            if claim is not None:
                claim_id = claim["id"].removeprefix("claim-")
                start, _ = spans.get(claim_id, (length - len(str(string)), 0))
                spans[claim_id] = (start, length)
    return "".join(parts), spans


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if a or b else 1.0


def reanchor(text: str, quote: dict) -> list[tuple[float, int]]:
    """quote: the page's TextQuoteSelector (the positions are the raw text's, not the page's)."""
    assert quote["type"] == "TextQuoteSelector"
    exact, prefix, suffix = quote["exact"], quote.get("prefix", ""), quote.get("suffix", "")
    found, at = [], text.find(exact)
    while at != -1:
        before = text[max(0, at - len(prefix)) : at]
        after = text[at + len(exact) : at + len(exact) + len(suffix)]
        score = (50 + 20 * similarity(before, prefix) + 20 * similarity(after, suffix)) / 90
        found.append((score, at))
        at = text.find(exact, at + 1)
    return sorted(found, reverse=True)


def _page_and_annotations(project, body: str, claims: str):
    """Article a built with a site_url: its page's text and claims' spans, and its annotations."""
    project.article("a", body, claims)
    with_site_url(project)
    built(project)
    text, spans = page_text(project.page("articles/a.html"))
    return text, spans, annotations_of(project, "articles/a.html")


def test_a_hypothesis_style_client_reanchors_every_annotation_on_the_page(project):
    # The quote stands twice in the text (the claim is the second).
    body = SEED_BODY + "\nLater, 525 oil tanker trucks were reported again by other sources.\n"
    claims = SEED_CLAIMS.replace("quote: 525 oil tanker trucks\n", "quote: 525 oil tanker trucks\n    occurrence: 2\n")
    text, spans, annotations = _page_and_annotations(project, body, claims)
    assert len(annotations) == 2
    places = {}
    for annotation in annotations:
        ranked = reanchor(text, annotation["target"][0]["selector"])
        claim = annotation["id"].rsplit("#", 1)[1]
        places[claim] = len(ranked)
        assert len(ranked) == 1 or ranked[0][0] > ranked[1][0], "the context must single out one place"
        assert ranked[0][1] == spans[claim][0]
    assert places == {"tanker-trucks": 2, "militants-killed": 1}


def test_a_crlf_texts_annotations_quote_the_page_as_a_browser_reads_it(project):
    # An HTML parser reads CRLF as LF: a selector holding CR would never match the page's text.
    body = SEED_BODY.replace("\n", "\r\n")
    text, spans, annotations = _page_and_annotations(project, body, SEED_CLAIMS)
    assert annotations and "\r" in body
    for annotation in annotations:
        selector = annotation["target"][0]["selector"]
        assert not any("\r" in selector[key] for key in ("exact", "prefix", "suffix")), selector
        claim = annotation["id"].rsplit("#", 1)[1]
        assert reanchor(text, selector)[0][1] == spans[claim][0]
    assert any("\n" in a["target"][0]["selector"]["prefix"] + a["target"][0]["selector"]["suffix"] for a in annotations)


# --- JSON and CSV ----------------------------------------------------------------------------


def test_an_openly_licensed_texts_record_carries_its_licence_and_attribution(project):
    seed_project(project, every_article=True)
    (wiki,) = json.loads(project.page("articles-2026.json"))["articles"]
    assert wiki["licence"] == {"title": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"}
    assert "Wikipedia" in wiki["attribution"]
    (seed,) = json.loads(project.page("articles-2015.json"))["articles"]
    assert "licence" not in seed and "attribution" not in seed  # a news article reproduced under no licence


def test_json_and_csv_exports_round_trip_every_claim_once_with_all_its_fields(project):
    seed_project(project)
    sidecar = (ROOT / "docs" / (SEED + ".claims.yml")).read_text(encoding="utf-8")
    records = json.loads(project.page("claims.json"))["claims"]
    raw = (project.site / "claims.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")  # RFC 4180: CRLF, plain UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    ids = [r["claim_id"] for r in records]
    assert len(ids) == len(set(ids)) == sidecar.count("\n  - id: ") == 11
    assert [r["claim_id"] for r in rows] == ids
    # The article's record is in its year's file, linked from its page's header.
    page = project.page(SEED + ".html")
    (shard,) = re.findall(r'<a href="(?:\.\./)*(articles-\d{4}\.json)">JSON</a>', page)
    (article,) = json.loads(project.page(shard))["articles"]
    assert article["page"] == SEED + ".html" and article["claims"] == records
    for record, row in zip(records, rows, strict=True):
        assert f"id: {record['claim_id']}\n    quote: {record['quote']}\n" in sidecar
        assert record["relay_chain"][0] == record["claimant_id"]
        assert row["relay_chain"].split(" > ") == record["relay_chain"]
        assert row["evidence_urls"].split() == record["evidence_urls"]
        assert row["permalink"] == record["permalink"] == SITE_URL + SEED + ".html#claim-" + record["claim_id"]
        for column in ("article", "quote", "claimant_id", "claimant_name", "status", "status_label", "note"):
            assert row[column] == record[column] and record[column], column
        value = record["figure_value"]
        assert row["figure_value"] == ("" if value is None else str(value))
        assert row["figure_unit"] == (record["figure_unit"] or "")
        assert "<" not in record["note"] and "*" not in record["note"]  # plain text, not Markdown or HTML
    trucks = records[ids.index("tanker-trucks")]
    assert (trucks["figure_value"], trucks["figure_unit"]) == (525, "oil tanker trucks destroyed in one week")
    assert trucks["relay_chain"] == ["sergei-shoigu", "russian-mod"]
    # the citation a reader pastes (the article page's "Cite"): who, the words, where, the permalink, checked
    for part in ("Sergei Shoigu", "“525 oil tanker trucks”", "said 2015-11-20", "Industry News", "checked 2026-11-24"):
        assert part in trucks["citation"], part
    assert SITE_URL + SEED + ".html#claim-tanker-trucks" in trucks["citation"]
    assert all(row["citation"] == record["citation"] for record, row in zip(records, rows, strict=True))
    campaign = records[ids.index("campaign-start")]
    assert campaign["evidence_urls"] == [
        "https://en.wikipedia.org/wiki/Russian_military_intervention_in_the_Syrian_civil_war"
    ]
    claimants = {c["id"]: c for c in json.loads(project.page("claimants.json"))["claimants"]}
    assert claimants["sergei-shoigu"]["name"] == "Sergei Shoigu"
    assert {r["claimant_id"] for r in records} | {v for r in records for v in r["relay_chain"]} <= set(claimants)


def test_data_files_are_linked_from_the_home_page_claims_index_and_article(project):
    seed_project(project)
    for page in ("index.html", "claims.html"):
        links = {a["href"] for a in BeautifulSoup(project.page(page), "html.parser").select(".na-downloads a")}
        assert {"claims.json", "claims.csv", "claimants.json", "annotations.jsonld", "feed.xml"} <= links
        assert "articles-2015.json" in links  # the index of the articles' records, a file a year
    article = BeautifulSoup(project.page(SEED + ".html"), "html.parser")
    provenance = {a["href"] for a in article.select(".na-provenance a")}
    name = SEED.rsplit("/", 1)[1]
    assert {"../../articles-2015.json", "../../annotations-2015.jsonld"} <= provenance
    assert f"{name}.annotations.jsonld" not in provenance  # the article's own file is gone
    assert (project.site / "articles-2015.json").is_file() and (project.site / "annotations-2015.jsonld").is_file()
    # No <link rel="alternate"> in any head: Material would fetch sitemap.xml beside it on every page.
    for page in ("index.html", "claims.html", SEED + ".html"):
        assert not BeautifulSoup(project.page(page), "html.parser").select("link[rel=alternate]")


# --- Atom --------------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_entries(project) -> dict[str, dict]:
    root = ET.fromstring(project.page("feed.xml"))
    assert root.tag == ATOM + "feed" and root.find(ATOM + "author/" + ATOM + "name").text
    out = {}
    for entry in root.iter(ATOM + "entry"):
        out[entry.find(ATOM + "id").text] = {
            "title": entry.find(ATOM + "title").text,
            "updated": entry.find(ATOM + "updated").text,
            "link": entry.find(ATOM + "link").get("href"),
        }
    return out


def test_the_feed_shows_new_articles_and_a_changed_verification(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, title="Oil strikes", archived="2026-11-01")
    with_site_url(project)
    built(project)
    before = feed_entries(project)
    assert [e["title"] for e in before.values()] == ["Archived: Oil strikes"]
    assert next(iter(before.values()))["updated"] == "2026-11-01T00:00:00Z"

    # An editor changes a status and records when it was checked: the feed gets a new entry.
    sidecar = project.docs / "articles" / "a.claims.yml"
    claims = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(
        claims.replace("    status: unverified\n", "    status: 'false'\n    checked: 2026-11-20\n"), encoding="utf-8"
    )
    built(project)
    after = feed_entries(project)
    new = [e for key, e in after.items() if key not in before]
    assert len(new) == 1 and set(before) <= set(after)
    assert new[0]["title"].startswith("False: “525 oil tanker trucks”")
    assert new[0]["updated"] == "2026-11-20T00:00:00Z"
    assert new[0]["link"] == SITE_URL + "articles/a.html#claim-tanker-trucks"
    # Built again with nothing changed, the feed is the same: it follows the content, not the clock.
    built(project)
    assert feed_entries(project) == after


def test_the_collection_pages_through_a_file_a_year(project, w3c_registry):
    project.article("2015/a", SEED_BODY, SEED_CLAIMS, title="First", published="2015-11-20")
    project.article("2015/b", "Nothing annotated here: 12 ships.\n", title="Unannotated", published="2015-12-01")
    project.article("2015/d", SEED_BODY, SEED_CLAIMS, title="Fourth", published="2015-12-05")
    one_claim = SEED_CLAIMS.split("  - id: militants-killed")[0]
    project.article("2016/c", SEED_BODY, one_claim, title="Third", published="2016-03-01")
    with_site_url(project)
    result = built(project)
    assert "site_url is not set" not in result.stderr
    collection = json.loads(project.page("annotations.jsonld"))
    assert sorted(p.name for p in project.site.glob("annotations-*.jsonld")) == [
        "annotations-2015.jsonld",
        "annotations-2016.jsonld",
    ]
    years = [json.loads(project.page(f"annotations-{year}.jsonld")) for year in (2015, 2016)]
    assert collection["total"] == 5 == sum(year["total"] for year in years)
    for data in (collection, *years):
        assert failed_musts(data, COLLECTION_MUSTS, w3c_registry) == []
    for year in years:
        assert failed_musts(year, PAGE_MUSTS, w3c_registry) == []
        assert year["last"] == year["first"]["id"] and len(year["first"]["items"]) == year["total"]
    first, second = (year["first"] for year in years)
    # The index names the first and last year's pages; the pages are chained as the archive's pages.
    assert (collection["first"], collection["last"]) == (first["id"], second["id"])
    assert first["id"] == SITE_URL + "annotations-2015.jsonld#page"
    assert (first["startIndex"], second["startIndex"]) == (0, 4)
    assert first["next"] == second["id"] and second["prev"] == first["id"]
    assert "prev" not in first and "next" not in second
    assert first["partOf"] == second["partOf"] == {"id": SITE_URL + "annotations.jsonld", "total": 5}
    sources = [item["target"][0]["source"].removeprefix(SITE_URL) for item in first["items"]]
    assert sorted(sources) == ["articles/2015/a.html"] * 2 + ["articles/2015/d.html"] * 2
    assert [item["target"][0]["source"] for item in second["items"]] == [SITE_URL + "articles/2016/c.html"]
    # an article without claims has no annotations, no ClaimReview and no link to either
    assert not any("2015/b.html" in source for source in sources)
    page = BeautifulSoup(project.page("articles/2015/b.html"), "html.parser")
    assert not page.find_all("script", type="application/ld+json") and not json_ld(str(page))
    assert not page.select('.na-provenance a[href*="annotations"]')


def test_builds_without_a_site_url_say_the_addresses_are_relative(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    result = built(project)
    assert "site_url is not set" in result.stderr
    (annotation, _) = annotations_of(project, "articles/a.html")
    # relative to the year's file, at the site's root, as it was to the article's own file beside its page
    assert annotation["target"][0]["source"] == "articles/a.html"
    assert annotation["id"] == "articles/a.annotations.jsonld#tanker-trucks"
    assert json.loads(project.page("annotations.jsonld"))["first"] == "annotations-2026.jsonld#page"


def test_every_annotation_of_the_seed_article_reanchors_on_its_page(project):
    seed_project(project)
    text, spans = page_text(project.page(SEED + ".html"))
    annotations = annotations_of(project, SEED + ".html")
    assert len(annotations) == len(spans) == 11
    for annotation in annotations:
        ranked = reanchor(text, annotation["target"][0]["selector"])
        assert ranked[0][1] == spans[annotation["id"].rsplit("#", 1)[1]][0], annotation["id"]
        assert len(ranked) == 1 or ranked[0][0] > ranked[1][0]


def test_feed_readers_read_the_feed_whatever_the_titles_hold(project):
    title = "'<script>alert(1)</script> & ]]> \"Oil\"'"
    project.article("a", SEED_BODY, SEED_CLAIMS, title=title, archived="2026-11-01")
    with_site_url(project)
    built(project)
    parsed = feedparser.parse(project.page("feed.xml"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title and parsed.feed.author == "Annotated News Archive"
    (entry,) = parsed.entries
    assert entry.title == "Archived: " + title.strip("'")
    assert entry.link == SITE_URL + "articles/a.html" and entry.updated == "2026-11-01T00:00:00Z"
    assert entry.id.startswith("urn:uuid:")


def test_a_status_added_in_mkdocs_yml_is_rated_as_configured_and_documented(project):
    config = project.config.read_text(encoding="utf-8")
    assert "    # statuses:\n" in config
    config = config.replace(
        "    # statuses:\n", '    statuses:\n      misleading: {label: Misleading, colour: "#7a3e9d", rating: 2}\n'
    )
    project.config.write_text(config, encoding="utf-8")
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("status: unverified", "status: misleading"))
    built(project)
    (review, _) = json_ld(project.page("articles/a.html"))
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    rows = BeautifulSoup(project.page("data.html"), "html.parser").select("table.na-table tbody tr")
    mapping = {r.find("code").get_text(): r.find_all("td")[-1].get_text() for r in rows}
    assert mapping == {
        "confirmed": "5",
        "partly-confirmed": "4",
        "unverified": "3",
        "disputed": "2",
        "misleading": "2",
        "false": "1",
    }


def test_a_markdown_article_is_described_in_the_words_its_page_shows(project):
    body = (
        "# Strikes\n\nShoigu said **Russian** aircraft hit 525 oil tanker trucks in [Syria](https://example.org/s).\n\n"
        "- This included over 600 militants killed in one strike.\n"
    )
    path = project.article("a", body, SEED_CLAIMS, format="markdown")
    path.with_suffix(".txt").write_text(body, encoding="utf-8")  # the raw file, as the importer keeps it
    with_site_url(project)
    built(project)
    reviews = json_ld(project.page("articles/a.html"))
    assert [r["claimReviewed"] for r in reviews] == [
        "Shoigu said Russian aircraft hit 525 oil tanker trucks in Syria.",
        "This included over 600 militants killed in one strike.",
    ]
    text, spans = page_text(project.page("articles/a.html"))
    for annotation in annotations_of(project, "articles/a.html"):
        quote = annotation["target"][0]["selector"]
        (position, raw_quote) = annotation["target"][1]["selector"]
        # offsets and their quote stay the archived text's; the page's quote is the rendered text's
        assert body[position["start"] : position["end"]] == raw_quote["exact"]
        assert quote["exact"] in raw_quote["exact"].replace("**", "")
        assert "*" not in quote["prefix"] + quote["suffix"] and "](" not in quote["suffix"]
        ranked = reanchor(text, annotation["target"][0]["selector"])
        assert ranked[0][1] == spans[annotation["id"].rsplit("#", 1)[1]][0]


def test_positions_are_given_only_where_they_hold(project):
    # a raw file that is not the body byte for byte (CRLF line endings here): no offsets in it
    path = project.article("a", SEED_BODY, SEED_CLAIMS)
    path.with_suffix(".txt").write_bytes(SEED_BODY.replace("\n", "\r\n").encode("utf-8"))
    path = project.article("b", SEED_BODY, SEED_CLAIMS)
    path.with_suffix(".txt").write_bytes(SEED_BODY.encode("utf-8"))
    with_site_url(project)
    built(project)
    (a,) = {len(item["target"]) for item in annotations_of(project, "articles/a.html")}
    (b,) = {len(item["target"]) for item in annotations_of(project, "articles/b.html")}
    assert (a, b) == (1, 2)
    assert project.page("articles/b.txt") == SEED_BODY  # the file the positions name is published
