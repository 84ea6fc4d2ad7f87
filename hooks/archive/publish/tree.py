"""What a static host is given: the built site split into the published tree and the downloads.

The build writes one complete site (it is also the offline copy). The files every reader needs are
published as the site; the large files that only some download (the offline zip, the full claims
exports, the articles' records and Web Annotations a file a year: urls.is_download) go beside it,
as release assets of the repository (the Pages workflow uploads them; the pages and the annotations'
index link them where they are, see urls.download). `python -m hooks publish-tree` does
the split, and the Pages workflow, the benchmark and the tests all use this one plan.

The limits are the common static hosts' (December 2026): GitHub Pages publishes at most 1 GB,
GitLab Pages 1 GB, Cloudflare Pages refuses a file over 25 MiB and, on its free plan, more than
20,000 files.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import urls

# Published beside the site, not in it (urls.is_download): whoever wants them downloads them once.
DOWNLOADS = urls.DOWNLOADS
MAX_FILE = 25 * 1024 * 1024  # Cloudflare Pages' limit for one file
MAX_TOTAL = 1_000_000_000  # GitHub Pages' (and GitLab Pages') limit for a published site
MAX_FILES = 20_000  # Cloudflare Pages' free plan


@dataclass
class Tree:
    """The sizes of a set of files (paths relative to the site, '/'-separated)."""

    files: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    @property
    def largest(self) -> tuple[str, int]:
        return max(self.files.items(), key=lambda item: (item[1], item[0]), default=("", 0))

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """Bytes and file count per kind of file, largest first."""
        size, count = Counter(), Counter()
        for path, bytes_ in self.files.items():
            size[kind(path)] += bytes_
            count[kind(path)] += 1
        return {name: (total, count[name]) for name, total in size.most_common()}

    def problems(self) -> list[str]:
        """What a host would refuse (the limits above)."""
        found = []
        path, size = self.largest
        if size > MAX_FILE:
            found.append(f"{path}: {size:,} bytes, over the 25 MiB a host accepts for one file")
        if self.total > MAX_TOTAL:
            found.append(f"the published site is {self.total:,} bytes, over GitHub Pages' 1 GB")
        if len(self.files) > MAX_FILES:
            found.append(f"the published site has {len(self.files):,} files, over Cloudflare Pages' 20,000")
        return found


def kind(path: str) -> str:
    """The kind of a site file, for the size tables: article pages and their side files by suffix,
    a generated folder as a whole, a root file by its extension."""
    for name, shard in urls.YEAR_SHARDS.items():
        if shard.match(path):
            return name
    if path in DOWNLOADS:
        return path
    folder, _, name = path.rpartition("/")
    if folder.startswith("articles/"):
        for suffix in (".annotations.jsonld", ".json", ".txt", ".html"):
            if name.endswith(suffix):
                return f"articles/…/*{suffix}"
        return "articles/…/other"
    if folder:
        return folder.split("/", 1)[0] + "/"
    return "*" + os.path.splitext(name)[1] if "." in name else name


def survey(site_dir) -> tuple[Tree, Tree]:
    """(the published tree, the downloads) of a built site, without moving anything."""
    site_dir = str(site_dir)
    published, downloads = Tree(), Tree()
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, site_dir).replace(os.sep, "/")
            (downloads if urls.is_download(relative) else published).files[relative] = os.path.getsize(path)
    return published, downloads


def lay_out(site_dir, downloads_dir) -> tuple[Tree, Tree]:
    """Move the downloads out of site_dir into downloads_dir: site_dir is then what the host publishes."""
    published, downloads = survey(site_dir)
    target = Path(downloads_dir)
    target.mkdir(parents=True, exist_ok=True)
    for relative in downloads.files:
        shutil.move(os.path.join(site_dir, relative), target / relative)
    return published, downloads
