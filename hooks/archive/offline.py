"""The offline copy: the whole built site as one zip, with a SHA-256 manifest of every file.

The zip holds one folder, FOLDER/, with the site as built (open FOLDER/index.html from disk)
and FOLDER/SHA256SUMS, in the format of `sha256sum`, so that a reader can check every file
of the copy they hold (`cd FOLDER && sha256sum -c SHA256SUMS`). The zip's own checksum is
published beside it (ZIP_NAME + ".sha256"). The zip is reproducible: files in sorted order,
fixed timestamps, so the same site gives the same bytes.

Nothing here knows about MkDocs: write_offline_copy() takes a finished site folder.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

FOLDER = "annotated-news-archive"
ZIP_NAME = f"{FOLDER}-offline.zip"
CHECKSUM_NAME = f"{ZIP_NAME}.sha256"
MANIFEST = "SHA256SUMS"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site_dir: Path) -> list[str]:
    """Every file of the site (as POSIX paths, sorted), except the offline copy itself."""
    site_dir = Path(site_dir)
    found = []
    for folder, _, names in os.walk(site_dir):
        for name in names:
            relative = (Path(folder) / name).relative_to(site_dir).as_posix()
            if relative not in (ZIP_NAME, CHECKSUM_NAME) and not name.startswith(f".{ZIP_NAME}"):
                found.append(relative)
    return sorted(found)


def manifest(site_dir: Path, files: list[str]) -> str:
    """`sha256sum` lines: '<hex>  <path>' for each file."""
    return "".join(f"{sha256(Path(site_dir) / path)}  {path}\n" for path in files)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


# An entry given as a ZipInfo ignores the ZipFile's compresslevel: the level is passed with
# each entry. 6 is zlib's default; level 1 would be about 2.5x faster and 20% larger.
_LEVEL = 6


def write_offline_copy(site_dir) -> Path:
    """Write ZIP_NAME and CHECKSUM_NAME into site_dir; returns the zip's path."""
    site_dir = Path(site_dir)
    files = site_files(site_dir)
    sums = manifest(site_dir, files)
    target = site_dir / ZIP_NAME
    # Written beside the target, then renamed: a reader never downloads half a zip.
    handle, temporary = tempfile.mkstemp(prefix=f".{ZIP_NAME}.", dir=site_dir)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            archive.writestr(_entry(MANIFEST), sums, compresslevel=_LEVEL)
            for path in files:
                archive.writestr(_entry(path), (site_dir / path).read_bytes(), compresslevel=_LEVEL)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    (site_dir / CHECKSUM_NAME).write_text(f"{sha256(target)}  {ZIP_NAME}\n", encoding="utf-8", newline="\n")
    return target
