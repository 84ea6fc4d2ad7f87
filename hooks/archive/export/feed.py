"""An Atom feed (RFC 4287) of newly archived articles and of changed verifications.

Entries come from the content's dates, never from the build time, so two builds
of the same content give the same feed:

- one entry per article, dated `archived`;
- one entry per claim whose `checked` date is later than its article's
  `archived` date: a verification that changed after archiving. Its id is made
  from the claim, its status and its `checked` date, so a new status or a new
  check (an editor updates `checked` when changing a status) is a new entry to
  feed readers.

The newest MAX_ENTRIES entries are kept.
"""

from __future__ import annotations

import datetime
import uuid
from xml.sax.saxutils import escape

from .. import urls
from ..load.safe_markdown import plain_text
from ..model import Archive

FEED_PATH = "feed.xml"
MAX_ENTRIES = 100
_NAMESPACE = uuid.UUID("5d0f6b2e-2f7e-4a55-9a3c-6c1f0e1a7b42")  # this archive's feed ids


def _xml(value: str) -> str:
    """Text for XML 1.0: escaped, and without the control characters XML cannot hold."""
    return escape("".join(ch for ch in value if ch in "\t\n\r" or ch >= " "), {'"': "&quot;"})


def _id(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def _time(day: datetime.date) -> str:
    return day.isoformat() + "T00:00:00Z"


def entries(archive: Archive, site_url: str = "") -> list[dict]:
    # Every article and verification is a candidate, but only the newest MAX_ENTRIES are
    # written out: they are picked by (date, id) first and only those are made into entries.
    candidates = []
    for article in archive.articles:
        candidates.append((article.archived, _id("article", article.src, article.sha256), article, None))
        for claim in article.claims:
            if claim.shared is not None and claim is not claim.shared.verdict:
                continue  # a shared claim's verdict is announced once, from the claim that holds it
            if claim.checked is None or claim.checked <= article.archived:
                continue
            key = _id("verification", article.src, claim.id, claim.status, claim.checked.isoformat())
            candidates.append((claim.checked, key, article, claim))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    return [_entry(archive, site_url, *candidate) for candidate in candidates[:MAX_ENTRIES]]


def _entry(archive: Archive, site_url: str, updated, entry_id: str, article, claim) -> dict:
    if claim is None:
        return {
            "id": entry_id,
            "title": f"Archived: {article.title}",
            "updated": updated,
            "link": urls.absolute(site_url, urls.page_url(article.src)),
            "summary": f"{article.outlet}; {len(article.claims)} annotated claims.",
            "category": "archived",
        }
    status = archive.statuses[claim.status]
    return {
        "id": entry_id,
        "title": f"{status.label}: “{article.quoted(claim)}” ({article.title})",
        "updated": updated,
        "link": urls.absolute(site_url, urls.claim_permalink(claim)),
        "summary": f"Checked {claim.checked.isoformat()}: {status.label}. {plain_text(claim.note_html)}",
        "category": "verification",
    }


def atom(archive: Archive, site_url: str = "", title: str = "") -> str:
    name = archive.publisher.name
    items = entries(archive, site_url)
    dates = [e["updated"] for e in items] or [datetime.date(1970, 1, 1)]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<id>{_id('feed', site_url or name)}</id>",
        f"<title>{_xml(title or name)}: new articles and changed verifications</title>",
        f"<updated>{_time(max(dates))}</updated>",
        f"<author><name>{_xml(name)}</name></author>",
        f'<link rel="self" href="{_xml(urls.absolute(site_url, FEED_PATH))}"/>',
        f'<link rel="alternate" type="text/html" href="{_xml(urls.absolute(site_url, "index.html"))}"/>',
    ]
    for entry in items:
        out += [
            "<entry>",
            f"<id>{entry['id']}</id>",
            f"<title>{_xml(entry['title'])}</title>",
            f"<updated>{_time(entry['updated'])}</updated>",
            f'<link rel="alternate" type="text/html" href="{_xml(entry["link"])}"/>',
            f'<category term="{entry["category"]}"/>',
            f"<summary>{_xml(entry['summary'])}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
