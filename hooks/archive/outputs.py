"""Every path the build writes, known before it writes any: a file under docs/ in the way of one, or an
article whose outputs would have names too long for the file system, is a problem reported by `check`
and by the build alike, before site_dir is cleaned.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from . import urls
from .export import annotations, feed, search_index
from .load.source import ARTICLES_DIR, Source
from .load.tree import Tree
from .problems import Problems
from .publish import offline

NAME_MAX = 255  # bytes in one file name: Linux's NAME_MAX, and the least of the usual file systems
# Written at the site's root: the data files, the offline copy and its checksums, the status colours
# (and the preview's claim tool).
FIXED = {
    "claims.json",
    "claims.csv",
    "claimants.json",
    annotations.COLLECTION_PATH,
    feed.FEED_PATH,
    urls.OFFLINE_ZIP,
    urls.OFFLINE_CHECKSUM,
    offline.MANIFEST,
    urls.STATUS_CSS,
    urls.SELECTION_SCRIPT,  # the preview's only
    urls.SELECTION_STYLE,
    "404.html",  # the engine's own
    "sitemap.xml",
    "sitemap.xml.gz",
}
# Folders the archive fills: a page per claimant and per status, the search index.
FOLDERS = ("claimants/", "statuses/", "shared/", search_index.FOLDER + "/")
# The generated pages at the root (render/lists.py), the pages after the first carrying "_N" (the claims
# hub is one page: its claims are on the year pages, claims/YEAR_N).
_GENERATED_PAGE = re.compile(
    r"(?:(?:index|articles|claimants|statuses|coverage|errors|shared)(?:_\d+)?|claims)\.(?:md|html)\Z"
)
# Beside each article X.md: its page (its record and its Web Annotations are in its year's downloads).
ARTICLE_OUTPUTS = (".html",)


def check_outputs(tree: Tree, docs_dir: Path, problems: Problems, root: Path) -> None:
    """Report every file of docs/ that the build would write over, and every output name too long."""
    beside = {}
    prefix = len(str(docs_dir)) + 1
    longest_suffix = max(ARTICLE_OUTPUTS, key=len)
    for path in tree.articles:
        src = str(path)[prefix:].replace(os.sep, "/")
        if not src.startswith(ARTICLES_DIR + "/"):
            continue
        stem = src[: -len(".md")]
        longest = stem.rpartition("/")[2] + longest_suffix
        if len(longest.encode("utf-8")) > NAME_MAX:
            Source(path, problems, root).problem(
                None, "name-too-long", name=_cut(longest), length=len(longest.encode("utf-8")), limit=NAME_MAX
            )
        for suffix in ARTICLE_OUTPUTS:
            beside[stem + suffix] = src
    for static in tree.static:
        output = _written(static, beside)
        if output:
            Source(docs_dir / static, problems, root).problem(None, "output-collision", output=output)


def _written(static: str, beside: dict) -> str | None:
    """What the build writes at static's path, in words, or None."""
    if static in beside:
        return (
            f"the data of docs/{beside[static]}"
            if not static.endswith(".html")
            else f"the page of docs/{beside[static]}"
        )
    if static in FIXED or urls.is_download(static):
        return "one of the site's generated files"
    if _GENERATED_PAGE.match(static):
        return "one of the archive's generated pages"
    for folder in FOLDERS:
        if static.startswith(folder):
            return f"the generated folder {folder}"
    return None


def _cut(name: str) -> str:
    return name if len(name) <= 60 else name[:40] + "…" + name[-19:]
