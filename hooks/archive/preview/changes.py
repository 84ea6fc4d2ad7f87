"""Which saved files an update of the preview can take on its own.

An update reloads articles one by one: it takes an article (`articles/**/X.md`), its claims file
(`X.claims.yml`) or its raw text (`X.txt`, changed in place), saved, added or removed. Anything
else the folder walk (load/tree.py) would refuse or treat otherwise, a hand-written page, a static
file, the claimants registry, asks for a whole build, which reports or publishes it as usual.
Hidden files (an editor's swap file) are never read by a build: they change nothing, and nor does
a file that came and went before the update (an editor's temporary file renamed over the article).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..load.source import ARTICLES_DIR, RAW_SUFFIX, SIDECAR_SUFFIX
from ..load.tree import BACKUP_SUFFIXES, _name_problem

_ARTICLE_FILES = (SIDECAR_SUFFIX, ".md", RAW_SUFFIX)


@dataclass
class Changes:
    """The articles to load again (their X.md under docs_dir, whether or not it still exists),
    and the raw texts saved (to be copied as they are)."""

    articles: set[Path] = field(default_factory=set)
    raw: set[Path] = field(default_factory=set)


def classify(docs_dir: Path, paths, known=()) -> Changes | None:
    """What the saved paths change, or None when only a whole build can tell. known: the articles
    the preview serves (their paths under docs_dir, as "articles/2015/x.md")."""
    changes = Changes()
    docs_dir = Path(docs_dir)
    for name in paths:
        path = Path(name)
        try:
            parts = path.relative_to(docs_dir).parts
        except ValueError:
            return None  # mkdocs.yml, the theme: everything may change
        if any(part.startswith(".") for part in parts):
            if parts[0] == ARTICLES_DIR and parts[-1].endswith(_ARTICLE_FILES):
                return None  # refused by a build (a hidden article would be left out)
            continue
        if _temporary(path, parts, known):
            continue
        if len(parts) < 2 or parts[0] != ARTICLES_DIR or not _plain(docs_dir, path, parts):
            return None
        file = parts[-1]
        suffix = next((s for s in _ARTICLE_FILES if file.endswith(s)), None)
        if suffix is None or (suffix == RAW_SUFFIX and ".claims." in file.lower()):
            return None
        stem = str(path)[: -len(suffix)]
        changes.articles.add(Path(stem + ".md"))
        if suffix == RAW_SUFFIX:
            changes.raw.add(path)
    return changes


def _temporary(path: Path, parts, known) -> bool:
    """A file under articles/ that came and went, not an article's (an editor's or `sed -i`'s temporary
    file, saved under another name and renamed over the article): the build never sees it. A folder
    that held articles is not one: its articles went with it."""
    if path.exists() or os.path.islink(path) or parts[-1].endswith(_ARTICLE_FILES):
        return False
    folder = "/".join(parts) + "/"
    return parts[0] == ARTICLES_DIR and not any(src.startswith(folder) for src in known)


def _plain(docs_dir: Path, path: Path, parts) -> bool:
    """A name the folder walk takes, and, if the file exists, a regular file in plain folders."""
    if any(_name_problem(part) for part in parts):
        return False
    if parts[-1].endswith("~") or parts[-1].endswith(BACKUP_SUFFIXES):
        return False
    if any(part.endswith(".md") for part in parts[:-1]):
        return False  # a folder named like an article: reported by a build
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return True  # removed
    except OSError:
        return False
    folders = (docs_dir.joinpath(*parts[:end]) for end in range(1, len(parts)))
    return stat.S_ISREG(mode) and not any(os.path.islink(folder) for folder in folders)
