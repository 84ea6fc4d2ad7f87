"""Every file under docs/, and what the build does with it, decided before anything is read or written.

- Nothing under docs/ may be a symbolic link (to a file or a folder, dangling or looping), a named
  pipe, a socket or a device: only the archive's own files are published.
- Every name is UTF-8 and safe in a link: no `#`, `?`, `%`, `:`, backslash, control or direction-control
  character (a link to such a page would break, or show a different name).
- No two names of a folder differ only in letter case or in how an accent is encoded (`Ab.md`,
  `ab.md`): on macOS and Windows they are one file.
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
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problems
from .source import ARTICLES_DIR, RAW_SUFFIX, SIDECAR_SUFFIX, Source, file_kind

BACKUP_SUFFIXES = (".orig", ".bak", ".rej", ".swp", ".swo")
# Near misses of SIDECAR_SUFFIX: the file would be ignored, and its article shown without claims.
_NEAR_SIDECAR = re.compile(r"\.claims?\.ya?ml(?:\.\w+)?\Z", re.IGNORECASE)
# Characters that break a link to the file, or make its name look like another.
_UNSAFE_NAME = re.compile("[#?%:\\\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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

    def report(path: str, code: str, **values) -> None:
        Source(Path(path), problems, root).problem(None, code, **values)

    articles, sidecars, raws, static = [], [], [], []
    pending = [(str(docs_dir), "")]
    while pending:
        folder, relative = pending.pop()
        in_articles = relative == ARTICLES_DIR or relative.startswith(ARTICLES_DIR + "/")
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            report(folder, "unreadable", reason=error.strerror)
            continue
        entries.sort(key=lambda entry: entry.name)
        folded: dict[str, str] = {}
        for entry in entries:  # what each is comes from the folder listing: no call per file
            name = entry.name
            # One file on macOS and Windows (case-insensitive, accents compared composed).
            twin = folded.setdefault(unicodedata.normalize("NFC", name).casefold(), name)
            if twin != name and not name.startswith("."):
                report(entry.path, "name-clash", other=twin)
                continue
            if name.startswith("."):
                if in_articles and name.endswith((".md", SIDECAR_SUFFIX, RAW_SUFFIX)):
                    report(entry.path, "hidden-file")
                continue
            problem = _name_problem(name)
            if problem:
                report(entry.path, *problem[:1], **problem[1])
                continue
            here = f"{relative}/{name}" if relative else name
            try:
                if entry.is_symlink():
                    report(entry.path, "symlink")
                elif entry.is_dir(follow_symlinks=False):
                    if in_articles and name.endswith(".md"):
                        articles.append(entry.path)  # reported as a folder when it is read
                    else:
                        pending.append((entry.path, here))
                elif not entry.is_file(follow_symlinks=False):
                    report(entry.path, "not-a-file", kind=file_kind(entry.stat(follow_symlinks=False).st_mode))
                elif name.endswith("~") or name.endswith(BACKUP_SUFFIXES):
                    report(entry.path, "editor-backup")
                elif not in_articles:
                    static.append(here)
                elif name.endswith(SIDECAR_SUFFIX):
                    sidecars.append(entry.path)
                elif name.endswith(".md"):
                    articles.append(entry.path)
                elif name.endswith(RAW_SUFFIX) and not _NEAR_SIDECAR.search(name):
                    raws.append((entry.path, here))
                else:
                    report(entry.path, "unexpected-file", hint=_hint(name))
            except OSError as error:
                report(entry.path, "unreadable", reason=error.strerror)
    stems = {path[: -len(".md")] for path in articles}
    for path, here in raws:
        if path[: -len(RAW_SUFFIX)] in stems:
            static.append(here)
        else:
            report(path, "orphan-raw", article=os.path.basename(path)[: -len(RAW_SUFFIX)] + ".md")
    tree.articles = [Path(path) for path in sorted(articles)]
    tree.sidecars = [Path(path) for path in sorted(sidecars)]
    tree.static = sorted(static)
    return tree


def _name_problem(name: str) -> tuple | None:
    """(code, values) of what is wrong with a file name, or None."""
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:  # os.scandir hands undecodable bytes back as lone surrogates
            return "name-not-utf8", {}
    if _UNSAFE_NAME.search(name):
        unsafe = sorted(set(_UNSAFE_NAME.findall(name)))
        shown = ", ".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in unsafe)
        return "name-unsafe", {"characters": shown}
    return None


def _hint(name: str) -> str:
    near = _NEAR_SIDECAR.search(name)
    if near:
        return f"rename it to {name[: near.start()]}{SIDECAR_SUFFIX}"
    if name.endswith((".html", ".json", ".jsonld")):
        return "the build writes the page and data files of each article itself: remove it"
    return "only articles (X.md), their claims files (X.claims.yml) and raw texts (X.txt) belong here"
