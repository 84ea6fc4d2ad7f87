"""Every file under docs/, and what the build does with it, decided before anything is read or written.

- Nothing under docs/ may be a symbolic link (to a file or a folder, dangling or looping), a named
  pipe, a socket or a device: only the archive's own files are published.
- Every name is UTF-8 and safe in a link: no `#`, `?`, `%`, backslash, control or direction-control
  character (a link to such a page would break, or show a different name).
- An editor's backup (`x~`, `x.orig`, `x.bak`, `x.rej`, `x.swp`) is refused anywhere: it would be published.
- Under articles/ only articles (`X.md`), their claims files (`X.claims.yml`) and raw texts
  (`X.txt`, beside `X.md`) belong; anything else is refused, a near miss such as `X.claims.yaml`
  with the name it should have.
- Hidden files and folders (a name starting with `.`) are never published nor read (MkDocs's own
  rule), except that a hidden article, claims file or text under articles/ is refused: it would
  silently be left out.
- Elsewhere under docs/, files are the hand-written pages and static files, published as they are.

docs/format.md ("Files under docs/") says the same to editors.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problems
from .source import ARTICLES_DIR, RAW_SUFFIX, SIDECAR_SUFFIX, Source, file_kind

BACKUP_SUFFIXES = (".orig", ".bak", ".rej", ".swp", ".swo")
# Near misses of SIDECAR_SUFFIX: the file would be ignored, and its article shown without claims.
_NEAR_SIDECAR = re.compile(r"\.claims?\.ya?ml(?:\.\w+)?\Z", re.IGNORECASE)
# Characters that break a link to the file, or make its name look like another.
_UNSAFE_NAME = re.compile("[#?%\\\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Tree:
    """The files of docs/ that the archive reads, and every file published as it is (relative posix paths)."""

    articles: list[Path] = field(default_factory=list)
    sidecars: list[Path] = field(default_factory=list)
    static: list[str] = field(default_factory=list)


def walk(docs_dir: Path, problems: Problems, root: Path) -> Tree:
    """Every file under docs_dir, sorted; its problems go to problems."""
    tree = Tree()
    if not docs_dir.is_dir():
        return tree
    raws, stems = [], set()
    pending = [(docs_dir, "")]
    while pending:
        folder, relative = pending.pop()
        in_articles = relative == ARTICLES_DIR or relative.startswith(ARTICLES_DIR + "/")
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            Source(folder, problems, root).problem(None, "unreadable", reason=error.strerror)
            continue
        for entry in entries:
            path = Path(entry.path)
            name = entry.name
            here = f"{relative}/{name}" if relative else name
            source = Source(path, problems, root)
            if name.startswith("."):
                if in_articles and name.endswith((".md", SIDECAR_SUFFIX, RAW_SUFFIX)):
                    source.problem(None, "hidden-file")
                continue
            if not _name_ok(source, name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                source.problem(None, "unreadable", reason=error.strerror)
                continue
            if stat.S_ISLNK(info.st_mode):
                source.problem(None, "symlink")
            elif stat.S_ISDIR(info.st_mode):
                if in_articles and name.endswith(".md"):
                    tree.articles.append(path)  # reported as a folder when it is read
                else:
                    pending.append((path, here))
            elif not stat.S_ISREG(info.st_mode):
                source.problem(None, "not-a-file", kind=file_kind(info.st_mode))
            elif name.endswith("~") or name.endswith(BACKUP_SUFFIXES):
                source.problem(None, "editor-backup")
            elif not in_articles:
                tree.static.append(here)
            elif name.endswith(SIDECAR_SUFFIX):
                tree.sidecars.append(path)
            elif name.endswith(".md"):
                tree.articles.append(path)
                stems.add(str(path)[: -len(".md")])
            elif name.endswith(RAW_SUFFIX) and not _NEAR_SIDECAR.search(name):
                raws.append((path, here))
            else:
                source.problem(None, "unexpected-file", hint=_hint(name))
    for path, here in raws:
        if str(path)[: -len(RAW_SUFFIX)] in stems:
            tree.static.append(here)
        else:
            article = path.name[: -len(RAW_SUFFIX)] + ".md"
            Source(path, problems, root).problem(None, "orphan-raw", article=article)
    tree.articles.sort()
    tree.sidecars.sort()
    tree.static.sort()
    return tree


def _name_ok(source: Source, name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.scandir hands undecodable bytes back as lone surrogates
        source.problem(None, "name-not-utf8")
        return False
    unsafe = sorted(set(_UNSAFE_NAME.findall(name)))
    if unsafe:
        shown = ", ".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in unsafe)
        source.problem(None, "name-unsafe", characters=shown)
        return False
    return True


def _hint(name: str) -> str:
    near = _NEAR_SIDECAR.search(name)
    if near:
        return f"rename it to {name[: near.start()]}{SIDECAR_SUFFIX}"
    if name.endswith((".html", ".json", ".jsonld")):
        return "the build writes the page and data files of each article itself: remove it"
    return "only articles (X.md), their claims files (X.claims.yml) and raw texts (X.txt) belong here"
