"""The offline copy: the whole built site as one zip, with a SHA-256 manifest of every file.

The zip holds one folder, FOLDER/, with the site as built (open FOLDER/index.html from disk), its
links to the downloads published apart (DOWNLOADS_URL) made links to the same files in the copy,
and FOLDER/SHA256SUMS, in the format of `sha256sum`, so that a reader can check every file
of the copy they hold (`cd FOLDER && sha256sum -c SHA256SUMS`). The zip's own checksum is
published beside it (ZIP_NAME + ".sha256"). The zip is reproducible: fixed timestamps and a
fixed order of entries (the data files in the order they were made, every other file in sorted
order, the manifest), so the same site built
twice gives the same bytes (on one machine: another compressor, or another version of it, may
deflate differently; the files inside and SHA256SUMS stay the same).

Compressing a large site takes seconds (with ISA-L's Deflate where the `isal` package is
installed, see _use_isal), so OfflineCopy does it while the site is being built, in a helper
process (this module, run with `python -m`) on the machine's other core. The helper is told
of each data file as it is written, on a pipe from whatever writes them (see datafiles.py), and
zips them meanwhile; when the build closes the helper's standard input (every page written),
it adds every other file of the site.

Nothing here knows about MkDocs: the build engine calls the methods of OfflineCopy.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from html import escape
from pathlib import Path

from .. import urls
from .previous import PREFIX as PREVIOUS

FOLDER = "annotated-news-archive"
ZIP_NAME = urls.OFFLINE_ZIP
CHECKSUM_NAME = urls.OFFLINE_CHECKSUM
MANIFEST = "SHA256SUMS"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record
# An entry given as a ZipInfo ignores the ZipFile's compresslevel: the level is passed with
# each entry. Level 1: zlib's default (6) takes much longer for a zip not much smaller, and the
# zip is made on every build (the Performance page has the figures).
_LEVEL = 1


def _use_isal() -> bool:
    """Deflate with ISA-L (the `isal` package) instead of zlib, in this helper process only.

    On this site's files ISA-L's level 1 compresses several times as fast as zlib's level 1, to
    the same size (the Performance page has the figures), and the output is plain Deflate that
    every unzip reads. zipfile has no public way to choose its compressor, so
    the function it calls for one is replaced (and its CRC-32, ISA-L's being faster too); if
    either is missing, zlib does the job.
    """
    try:
        from isal import isal_zlib
    except ImportError:
        return False
    plain = getattr(zipfile, "_get_compressor", None)
    if plain is None:
        return False

    def compressor(compress_type, compresslevel=None):
        if compress_type == zipfile.ZIP_DEFLATED and compresslevel in (1, 2, 3):  # ISA-L has levels 0-3
            return isal_zlib.compressobj(compresslevel, isal_zlib.DEFLATED, -15)
        return plain(compress_type, compresslevel)

    zipfile._get_compressor = compressor
    zipfile.crc32 = isal_zlib.crc32  # the checksum of each entry: the same CRC-32, several times as fast
    return True


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site_dir: Path) -> list[str]:
    """Every file of the site (as POSIX paths, sorted), except the offline copy itself (and what a
    previous build left that could not be removed, see previous.py)."""
    site_dir = Path(site_dir)
    found = []
    for folder, folders, names in os.walk(site_dir):
        if folder == str(site_dir):
            folders[:] = [name for name in folders if not name.startswith(PREVIOUS)]
        for name in names:
            relative = (Path(folder) / name).relative_to(site_dir).as_posix()
            if relative not in (ZIP_NAME, CHECKSUM_NAME) and not name.startswith(f".{ZIP_NAME}"):
                found.append(relative)
    return sorted(found)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def announce(pipe, path: str) -> None:
    """Tell the helper, through a pipe opened with open(fd, "wb"), that site_dir/path is written."""
    pipe.write(path.encode() + b"\n")


class OfflineCopy:
    """The zip, written by a helper process while the site is built.

    data_fd: the write end of the data files' pipe (hand it to their writer, who closes it);
    finish() once everything is written.
    """

    def __init__(self, site_dir, downloads_url: str = ""):
        self.site_dir = Path(site_dir)
        # Written beside the target, then renamed: a reader never downloads half a zip.
        handle, self.temporary = tempfile.mkstemp(prefix=f".{ZIP_NAME}.", dir=self.site_dir)
        os.close(handle)
        data_read, self.data_fd = os.pipe()
        self.helper = subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.site_dir), self.temporary, str(data_read), downloads_url],
            env=_importable(),
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(data_read,),
        )
        os.close(data_read)

    def finish(self) -> Path:
        """Wait for the helper to add everything else and the manifest; publish the zip; returns its path."""
        try:
            self._wait()
            os.chmod(self.temporary, 0o644)
            target = self.site_dir / ZIP_NAME
            os.replace(self.temporary, target)
        except BaseException:
            self.abandon()
            raise
        (self.site_dir / CHECKSUM_NAME).write_text(f"{sha256(target)}  {ZIP_NAME}\n", encoding="utf-8", newline="\n")
        return target

    def abandon(self) -> None:
        """The build failed: stop the helper, and leave no temporary file behind."""
        if self.helper.poll() is None:
            self.helper.kill()
        self.helper.communicate()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)

    def _wait(self) -> None:
        _, errors = self.helper.communicate()  # closes its standard input: every page is written
        if self.helper.returncode != 0:
            raise RuntimeError(f"offline copy failed: {errors.decode(errors='replace').strip()}")


def _importable() -> dict:
    """The environment of the helper: this package importable from it, wherever the build runs."""
    project = str(Path(__file__).resolve().parents[3])  # the folder that holds hooks/
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": project + (os.pathsep + path if path else "")}


def _localizer(downloads_url: str):
    """What makes a file as the copy holds it: its links to the downloads, published apart
    (downloads_url), made links to the files beside it in the copy, which holds them all."""
    if not downloads_url:
        return lambda path, data: data
    prefix = downloads_url.rstrip("/") + "/"
    # The zip and its checksum are not in the copy: links to them still lead to the release.
    itself = "|".join(re.escape(name) for name in (ZIP_NAME, CHECKSUM_NAME))
    # A page's links (href="…") and a JSON file's strings ("…"), each as its format writes the address.
    kinds = {".html": ('href="', escape(prefix)), ".json": ('"', json.dumps(prefix)[1:-1])}
    kinds[".jsonld"] = kinds[".json"]
    patterns = {
        suffix: (re.compile(f"{re.escape(before + written)}(?!{itself})".encode()), before)
        for suffix, (before, written) in kinds.items()
    }

    def local(path: str, data: bytes) -> bytes:
        kind = patterns.get(posixpath.splitext(path)[1])
        if kind is None:
            return data
        pattern, before = kind
        replacement = (before + "../" * path.count("/")).encode()  # to the copy's root, where they are
        return pattern.sub(lambda _: replacement, data)

    return local


def _write_zip(site_dir: Path, temporary: str, data_pipe, build_done, downloads_url: str = "") -> None:
    """The helper's side: the data files as the pipe names them, then (once build_done, the build's
    end of a pipe, is closed) every other file, then the manifest."""
    sums, seen = {}, {}
    localize = _localizer(downloads_url)
    with zipfile.ZipFile(temporary, "w") as archive:

        def add(path: str) -> None:
            file = site_dir / path
            data = localize(path, file.read_bytes())
            seen[path] = os.stat(file)
            sums[path] = hashlib.sha256(data).hexdigest()
            archive.writestr(_entry(path), data, compresslevel=_LEVEL)

        for line in data_pipe:
            add(line.rstrip(b"\n").decode())
        build_done.read()  # until the build closes it
        for path in site_files(site_dir):
            if path not in seen:
                add(path)
            elif (now := os.stat(site_dir / path)).st_mtime_ns != seen[path].st_mtime_ns or (
                now.st_size != seen[path].st_size
            ):
                sys.exit(f"{path} changed after it was put in the zip")
        manifest = "".join(f"{sums[path]}  {path}\n" for path in sorted(sums))
        archive.writestr(_entry(MANIFEST), manifest, compresslevel=_LEVEL)


def write_offline_copy(site_dir, downloads_url: str = "") -> Path:
    """Write ZIP_NAME and CHECKSUM_NAME for a finished site_dir; returns the zip's path."""
    copy = OfflineCopy(site_dir, downloads_url)
    os.close(copy.data_fd)
    return copy.finish()


if __name__ == "__main__":
    site, temporary, data_fd, downloads = sys.argv[1:]
    _use_isal()
    with open(int(data_fd), "rb") as data_pipe:
        _write_zip(Path(site), temporary, data_pipe, sys.stdin.buffer, downloads)
