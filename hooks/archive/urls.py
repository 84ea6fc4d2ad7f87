"""Where each page lands in the built site, and relative links between pages.

The archive is built with `use_directory_urls: false`, so every page is a plain
`.html` file and every link is relative: the same build works on a web server,
under a sub-path (GitHub Pages) and opened from disk (file://).
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata

# The offline copy (publish/offline.py writes it, the home page links it).
OFFLINE_ZIP = "annotated-news-archive-offline.zip"
OFFLINE_CHECKSUM = OFFLINE_ZIP + ".sha256"
# Every claim in one file: large (134 MB of JSON at 10,000 articles), so published as downloads beside
# the site (publish/tree.py), like the offline zip.
FULL_EXPORTS = ("claims.json", "claims.csv")
DOWNLOADS = (OFFLINE_ZIP, OFFLINE_CHECKSUM, *FULL_EXPORTS)
# Each article's record (its provenance and its claims), its claims' Web Annotations and their
# ClaimReviews, in one file of each per year: downloads too.
ARTICLES_SHARD = re.compile(r"articles-\d{4}\.json\Z")
ANNOTATIONS_SHARD = re.compile(r"annotations-\d{4}\.jsonld\Z")
CLAIMREVIEWS_SHARD = re.compile(r"claimreviews-\d{4}\.jsonld\Z")
YEAR_SHARDS = {"articles-YEAR.json": ARTICLES_SHARD, "annotations-YEAR.jsonld": ANNOTATIONS_SHARD,
               "claimreviews-YEAR.jsonld": CLAIMREVIEWS_SHARD}  # fmt: skip


def year(article) -> int:
    """The year an article is filed under in the downloads by year: published, else archived."""
    return (article.published or article.archived).year


def articles_shard(article) -> str:
    """The download holding an article's record: its year's (published, else archived)."""
    return f"articles-{year(article):04d}.json"


def annotations_shard(article) -> str:
    """The download holding an article's Web Annotations: its year's, as articles_shard."""
    return f"annotations-{year(article):04d}.jsonld"


def claimreviews_shard(article) -> str:
    """The download holding the ClaimReviews of an article's claims: its year's, as articles_shard."""
    return f"claimreviews-{year(article):04d}.jsonld"


def is_download(path: str) -> bool:
    """A file the Pages workflow publishes beside the site (publish/tree.py), by its path in the site."""
    return path in DOWNLOADS or any(shard.match(path) for shard in YEAR_SHARDS.values())


STATUS_CSS = "assets/archive-statuses.css"  # the status colours, generated
# The claim-from-a-selection tool's files, under `mkdocs serve` only (render/selection.py).
SELECTION_SCRIPT = "assets/archive-selection.js"
SELECTION_STYLE = "assets/archive-selection.css"


def download(here: str, name: str, downloads_url: str = "") -> str:
    """The link from the page built from `here` to a download: at downloads_url when the downloads are
    published apart (the Pages workflow: the repository's release assets), else beside the site's root."""
    return downloads_url.rstrip("/") + "/" + name if downloads_url else relative(here, name)


def page_url(src: str) -> str:
    """articles/2015/x.md -> articles/2015/x.html"""
    return src[: -len(".md")] + ".html" if src.endswith(".md") else src


@functools.lru_cache(maxsize=65536)
def folder(src: str) -> str:
    """The folder of a page's source, which its relative links start from (asked for by each of the
    hundreds of thousands of links of a large archive's pages, from a few thousand pages)."""
    return posixpath.dirname(src)


def relative(from_src: str, to_url: str) -> str:
    """A link from the page built from from_src to a site path (may carry #fragment)."""
    path, _, fragment = to_url.partition("#")
    link = _relative_path(path, posixpath.dirname(page_url(from_src))) if path else ""
    return f"{link}#{fragment}" if fragment else link


_ODD_SEGMENT = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")  # an empty, "." or ".." part of a path


def _relative_path(path: str, base: str) -> str:
    # posixpath.relpath is slow and index pages make hundreds of thousands of links,
    # between a few dozen folders: the folder part is computed once per pair.
    folder, _, name = path.rpartition("/")
    odd = _ODD_SEGMENT.search(path) or (base and _ODD_SEGMENT.search(base))
    if odd or base == path or base.startswith(path + "/"):
        link = posixpath.relpath(path, base or ".")
        return posixpath.basename(path) if link == "." else link
    up = _relative_folder(folder, base)
    return name if up == "." else f"{up}/{name}"


@functools.lru_cache(maxsize=4096)
def _relative_folder(folder: str, base: str) -> str:
    return posixpath.relpath(folder or ".", base or ".")


# Pages after the first carry "_N": "_" never appears in an id, so a paginated
# page can never collide with a claimant or status page.
def _paged(stem: str, page: int) -> str:
    return f"{stem}.md" if page == 1 else f"{stem}_{page}.md"


def claimant_page(claimant_id: str, page: int = 1) -> str:
    return _paged(f"claimants/{claimant_id}", page)


def status_page(status_id: str, page: int = 1) -> str:
    return _paged(f"statuses/{status_id}", page)


def claims_year_page(year: int, page: int = 1) -> str:
    return _paged(f"claims/{year}", page)


def outlet_page(slug: str, page: int = 1) -> str:
    return _paged(f"outlets/{slug}", page)


MAX_SLUG = 100
_SLUG_WORD = re.compile(r"[a-z0-9]+")


def outlet_words(name: str) -> str:
    """An outlet's name as a file name: its ASCII words joined by "-", at most MAX_SLUG characters
    (cut at a word); "" for a name without any (東京). Two spellings with the same words are one page,
    which `check` refuses to share (assemble.py)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = "-".join(_SLUG_WORD.findall(ascii_name))
    if len(words) > MAX_SLUG:
        words = words[:MAX_SLUG].rpartition("-")[0] or words[:MAX_SLUG]
    return words


def articles_page(page: int = 1) -> str:
    return _paged("articles", page)


def claim_permalink(claim) -> str:
    return page_url(claim.article.src) + "#claim-" + claim.id


def absolute(site_url: str, path: str) -> str:
    """A site path as an address: absolute under site_url when it is set, else left site-relative."""
    return site_url.rstrip("/") + "/" + path if site_url else path


def address(site_url: str, here: str, path: str) -> str:
    """A site path as written in a file published at `here`: absolute under site_url, else relative to `here`."""
    return absolute(site_url, path) if site_url else relative(here, path)


def data_file(src: str, suffix: str) -> str:
    """articles/2015/x.md -> articles/2015/x{suffix}: the data files published beside an article page."""
    return page_url(src)[: -len(".html")] + suffix
