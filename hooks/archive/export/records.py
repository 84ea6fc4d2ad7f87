"""The claims as data: JSON and CSV for the whole archive, JSON per article.

One record per claim, the same fields in JSON and CSV (docs/data.md lists the
columns). Permalinks are absolute when `site_url` is set, else site-relative.
"""

from __future__ import annotations

import csv
import io
import json

from .. import urls
from ..load.safe_markdown import plain_text
from ..model import Archive, Article, Claim
from ..render.html import citation
from ..render.sharing import shared_page

CSV_COLUMNS = [
    "article",
    "article_title",
    "claim_id",
    "quote",
    "figure_value",
    "figure_unit",
    "claimant_id",
    "claimant_name",
    "relay_chain",
    "status",
    "status_label",
    "note",
    "said",
    "checked",
    "source_url",
    "evidence_urls",
    "permalink",
    "citation",
]
# Added when some claim of the archive is shared by several articles (an archive without any keeps
# the columns above, byte for byte): the shared claim's page, and every appearance's permalink in date order.
SHARED_COLUMNS = ["shared_claim", "appearances"]
# JSON is written without indentation: json.dumps then uses its C encoder, several
# times faster (with indent it runs in Python), and the files are smaller; nor with a space after
# each comma and colon (5% of the bytes, published at every article).
_COMPACT = (",", ":")


def claim_record(archive: Archive, claim: Claim, site_url: str = "") -> dict:
    article = claim.article
    figure = claim.figure or {}
    permalink = site_url.rstrip("/") + "/" + urls.claim_permalink(claim) if site_url else urls.claim_permalink(claim)
    return {
        "article": urls.page_url(article.src),
        "article_title": article.title,
        "claim_id": claim.id,
        "quote": article.quoted(claim),
        "start": claim.start,
        "end": claim.end,
        "figure_value": figure.get("value"),
        "figure_unit": figure.get("unit"),
        "claimant_id": claim.claimant,
        "claimant_name": archive.claimants[claim.claimant].name,
        "relay_chain": [claim.claimant, *claim.via],
        "outlet": article.outlet,
        "status": claim.status,
        "status_label": archive.statuses[claim.status].label,
        "note": plain_text(claim.note_html),
        "note_markdown": claim.note,
        "said": claim.said.isoformat() if claim.said else None,
        "checked": claim.checked.isoformat() if claim.checked else None,
        "source": {"title": claim.source.title, "url": claim.source.url} if claim.source else None,
        "source_url": claim.source.url if claim.source else None,
        "evidence": [{"title": e.title, "url": e.url} for e in claim.evidence],
        "evidence_urls": [e.url for e in claim.evidence if e.url],
        "permalink": permalink,
        "citation": citation(archive, claim, permalink),
        **({"shared": shared_record(claim, site_url)} if claim.shared is not None else {}),
    }


def shared_record(claim: Claim, site_url: str = "") -> dict:
    """The claim's place among the articles that carry it: the shared page, the verdict's holder, every
    appearance (permalinks, in date order, the first appearance first)."""
    group = claim.shared
    return {
        "key": group.key,
        "page": urls.absolute(site_url, urls.page_url(shared_page(group))),
        "verdict_from": urls.absolute(site_url, urls.claim_permalink(group.verdict)),
        "first_appearance": urls.absolute(site_url, urls.claim_permalink(group.first)),
        "appearances": [urls.absolute(site_url, urls.claim_permalink(c)) for c in group.appearances],
    }


def claim_records(archive: Archive, site_url: str = "") -> dict[int, dict]:
    """Every claim's record by id(claim): made once for all the data files of a build."""
    return {id(claim): claim_record(archive, claim, site_url) for claim in archive.claims()}


def _record_of(archive: Archive, site_url: str, records: dict | None):
    if records is None:
        return lambda claim: claim_record(archive, claim, site_url)
    return lambda claim: records[id(claim)]


def article_record(archive: Archive, article: Article, site_url: str = "", records: dict | None = None) -> dict:
    record = _record_of(archive, site_url, records)
    # An openly licensed text's terms go with it: whoever reuses the record must credit it so.
    reuse = {"licence": article.licence, "attribution": article.attribution} if article.licence else {}
    return {
        **reuse,
        "page": urls.page_url(article.src),
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "archived": article.archived.isoformat(),
        "sha256": article.sha256,
        "raw": article.raw_src,
        "claims": [record(c) for c in article.claims],
        "uncovered_figures": [f.text for f in article.uncovered],
    }


def claims_json(archive: Archive, site_url: str = "", records: dict | None = None) -> str:
    record = _record_of(archive, site_url, records)
    return json.dumps({"claims": [record(c) for c in archive.claims()]}, ensure_ascii=False, separators=_COMPACT)


# OWASP's guidance on CSV injection: a cell starting with one of these is read by spreadsheets as a
# formula (or, for tab and CR, can make one start); it is written with a single quote in front, which
# spreadsheets show as text. Numbers (figure_value) are left alone: a number is never a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def claims_csv(archive: Archive, site_url: str = "", records: dict | None = None) -> str:
    record_of = _record_of(archive, site_url, records)
    out = io.StringIO()
    columns = CSV_COLUMNS + SHARED_COLUMNS if archive.shared else CSV_COLUMNS
    # RFC 4180's line ends (CRLF), which spreadsheets and csv readers expect; a line break inside a
    # quoted cell stays as written.
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for claim in archive.claims():
        record = dict(record_of(claim))
        record["relay_chain"] = " > ".join(record["relay_chain"])
        record["evidence_urls"] = " ".join(record["evidence_urls"])
        shared = record.get("shared")
        record["shared_claim"] = shared["page"] if shared else ""
        record["appearances"] = " ".join(shared["appearances"]) if shared else ""
        writer.writerow({column: _inert_cell(record[column]) for column in columns})
    return out.getvalue()


def claimants_json(archive: Archive) -> str:
    records = [
        {"id": c.id, "name": c.name, "kind": c.kind, "role": c.role, "affiliation": c.affiliation, "url": c.url}
        for c in archive.claimants.values()
    ]
    return json.dumps({"claimants": records}, ensure_ascii=False, separators=_COMPACT)


def articles_shards(archive: Archive, site_url: str = "", records: dict | None = None):
    """(name, JSON) of each year's articles (urls.articles_shard), each article as article_record."""
    years: dict[str, list] = {}
    for article in archive.articles:
        years.setdefault(urls.articles_shard(article), []).append(article)
    for name in sorted(years):
        shard = [article_record(archive, article, site_url, records) for article in years[name]]
        yield name, json.dumps({"articles": shard}, ensure_ascii=False, separators=_COMPACT)
