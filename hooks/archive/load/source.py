"""Reading one editor's file: its path as the editor knows it, its bytes within the size limit, its text.

Also the names of the archive's files (where articles, their claims files and the claimant registry
are) and check_block, which checks a YAML mapping against a field table of fields.py.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import Problems, did_you_mean
from . import fields, yamlsafe

ARTICLES_DIR = "articles"
REGISTRY = "claimants.yml"
SIDECAR_SUFFIX = ".claims.yml"
RAW_SUFFIX = ".txt"
MAX_FILE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Source:
    """A file being read: its path as shown to the editor, and its problems."""

    def __init__(self, path: Path, problems: Problems, root: Path):
        self.path = path
        self.shown = shown_path(path, root)
        self.problems = problems

    def problem(self, line, code, claim=None, **values):
        self.problems.add(self.shown, line, code, claim, **values)

    def read_text(self, may_be_empty: bool = False) -> tuple[bytes, str] | None:
        data = self._read_bytes()
        if data is None:
            return None
        if not data.strip() and not may_be_empty:
            self.problem(1, "empty-file")
            return None
        if data.startswith(BOM):  # a byte-order mark is harmless: skip it
            data = data[len(BOM) :]
        try:
            return data, data.decode("utf-8")
        except UnicodeDecodeError as error:
            if data.startswith(UTF16_BOMS):  # saved as "Unicode" by a Windows editor
                self.problem(1, "utf16-file")
                return None
            line = data.count(b"\n", 0, error.start) + 1
            self.problem(line, "not-utf8", byte=data[error.start], offset=error.start)
            return None

    def _read_bytes(self) -> bytes | None:
        """The file's bytes, never more than the limit: opened first (never following a link, never
        waiting on a pipe), then its type and size checked, so that a FIFO or a device is refused
        rather than read (or waited on) for ever."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags)
        except OSError as error:
            if os.path.islink(self.path):
                self.problem(None, "symlink")
            else:
                self.problem(None, "unreadable", reason=error.strerror)
            return None
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                self.problem(None, "unreadable", reason=os.strerror(errno.EISDIR))
                return None
            if not stat.S_ISREG(info.st_mode):
                self.problem(None, "not-a-file", kind=file_kind(info.st_mode))
                return None
            if info.st_size > MAX_FILE_BYTES:
                self.problem(None, "too-large", size=info.st_size, limit=MAX_FILE_BYTES)
                return None
            with os.fdopen(fd, "rb", closefd=False) as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            self.problem(None, "unreadable", reason=error.strerror)
            return None
        finally:
            os.close(fd)
        if len(data) > MAX_FILE_BYTES:  # it grew since fstat
            self.problem(None, "too-large", size=len(data), limit=MAX_FILE_BYTES)
            return None
        return data

    def yaml(self, text: str, tags: bool = False):
        try:
            return yamlsafe.load(text, tags)
        except yamlsafe.YamlError as error:
            self.problem(error.line, error.code, **error.values)
            return None


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def shown_path(path: Path, root: Path) -> str:
    """The path as the editor knows it: relative to the project root (where mkdocs.yml is)."""
    try:
        relative = os.path.relpath(path, root)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def check_block(source: Source, block, table: dict, what: str, claim_id=None, line=None) -> dict | None:
    """Check a YAML mapping against a field table; returns the clean fields or None."""
    clean, ok = check_fields(source, block, table, what, claim_id, line)
    return clean if ok else None


def check_fields(source: Source, block, table: dict, what: str, claim_id=None, line=None) -> tuple[dict, bool]:
    """Check a YAML mapping against a field table, reporting every problem: (the fields that are
    right, whether all are), so that a claim's quote can still be checked when its note is missing."""
    if not isinstance(block, dict):
        source.problem(getattr(block, "line", line), "not-a-block", claim_id, what=what)
        return {}, False
    clean, ok = {}, True
    lines = getattr(block, "key_lines", {})
    for key in block:
        if key not in table:
            source.problem(
                lines.get(key), "unknown-key", claim_id, key=key, what=what, hint=did_you_mean(key, table, "keys")
            )
            ok = False
    for key, (check, required) in table.items():
        value = block.get(key)
        if value is None:
            if required and key in block:  # `note:` with nothing after it
                source.problem(lines.get(key), "empty-value", claim_id, name=key)
                ok = False
            elif required:
                source.problem(block.line or None, "missing-key", claim_id, what=what, key=key)
                ok = False
            continue
        try:
            clean[key] = check(value, key)
        except fields.FieldError as error:
            source.problem(lines.get(key), error.code, claim_id, **error.values)
            ok = False
    return clean, ok
