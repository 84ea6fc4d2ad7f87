"""The open data: JSON and CSV records, schema.org ClaimReview, W3C Web Annotations, the Atom feed, the search index."""

# No `from __future__ import annotations` here: it would shadow the submodule `annotations`.
import itertools

from ..model import Archive
from . import annotations, claimreview, feed, records, search_index


def data_files(archive: Archive, site_url: str, searchable_pages, downloads_url: str = ""):
    """(path in the site, text) of every data file: the claims as JSON and CSV (whole and by year),
    the claimants, the Web Annotations (by year, and their index), the feed, the search index (the
    articles and searchable_pages). downloads_url: where the downloads are published, for the index."""
    claim_records = records.claim_records(archive, site_url)  # once for all the files below
    yield "claims.json", records.claims_json(archive, site_url, claim_records)
    yield "claims.csv", records.claims_csv(archive, site_url, claim_records)
    yield "claimants.json", records.claimants_json(archive)
    # Each article's record in its year's file (a download: 164 MB at 10,000 articles, 10,000 files as one
    # file per article), no longer beside its page; claims.json has the same claims.
    yield from records.articles_shards(archive, site_url, claim_records)
    yield annotations.COLLECTION_PATH, annotations.dumps(annotations.collection(archive, site_url, downloads_url))
    # The annotations in a file a year, downloads too (152 MB and 10,000 files at 10,000 articles as one
    # file per article).
    for path, year in annotations.year_collections(archive, site_url, downloads_url):
        yield path, annotations.dumps(year)
    # The ClaimReviews by year, for tools that read them without running the pages' scripts.
    yield from claimreview.year_feeds(archive, site_url)
    yield feed.FEED_PATH, feed.atom(archive, site_url)
    documents = search_index.article_documents(archive)
    pages = (search_index.page_document(page.title, page.src, page.html()) for page in searchable_pages)
    yield from search_index.build(itertools.chain(documents, pages))
