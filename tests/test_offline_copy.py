"""The offline copy: one zip of the whole built site with a SHA-256 manifest of every file."""

from __future__ import annotations

import hashlib
import zipfile

from bs4 import BeautifulSoup
from conftest import SEED_BODY, SEED_CLAIMS

from hooks.archive import offline


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _read_zip(path):
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_zip_holds_every_file_and_a_manifest_that_checks(tmp_path):
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "index.html").write_text("<h1>home</h1>")
    (site / "a" / "b" / "data.json").write_bytes(b'{"x": 1}\n')
    (site / "a" / "empty.txt").write_bytes(b"")
    zip_path = offline.write_offline_copy(site)

    entries = _read_zip(zip_path)
    prefix = offline.FOLDER + "/"
    assert all(name.startswith(prefix) for name in entries)
    inside = {name[len(prefix) :]: data for name, data in entries.items()}
    assert sorted(set(inside) - {offline.MANIFEST}) == ["a/b/data.json", "a/empty.txt", "index.html"]
    for path in ("a/b/data.json", "a/empty.txt", "index.html"):
        assert inside[path] == (site / path).read_bytes()
    # the manifest, in `sha256sum -c` format, names every file once with its true hash
    lines = inside[offline.MANIFEST].decode().splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    assert sorted(listed) == ["a/b/data.json", "a/empty.txt", "index.html"]
    for path, digest in listed.items():
        assert digest == hashlib.sha256(inside[path]).hexdigest()
    # the zip's own checksum stands beside it
    digest, name = (site / offline.CHECKSUM_NAME).read_text().split()
    assert name == offline.ZIP_NAME and digest == hashlib.sha256(zip_path.read_bytes()).hexdigest()


def test_the_zip_is_reproducible_and_never_contains_itself(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("x")
    first = offline.write_offline_copy(site).read_bytes()
    second = offline.write_offline_copy(site).read_bytes()  # the old zip is now in the folder
    assert first == second
    names = _read_zip(site / offline.ZIP_NAME)
    assert not any(offline.ZIP_NAME in name for name in names)
    assert _files(site) == sorted(["index.html", offline.ZIP_NAME, offline.CHECKSUM_NAME])


def test_a_build_offers_the_offline_copy_from_the_home_page(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    result = project.build()
    assert result.returncode == 0, result.stderr
    zip_path = project.site / offline.ZIP_NAME
    entries = _read_zip(zip_path)
    prefix = offline.FOLDER + "/"
    site_files = set(_files(project.site)) - {offline.ZIP_NAME, offline.CHECKSUM_NAME}
    assert {name[len(prefix) :] for name in entries} == site_files | {offline.MANIFEST}
    # what a reader needs from disk: the pages, the article, search's inlined index
    assert {"index.html", "articles/a.html", "search/search_index.js"} <= site_files
    home = BeautifulSoup(project.page("index.html"), "html.parser")
    assert home.find("a", href=offline.ZIP_NAME) is not None
    assert home.find("a", href=offline.CHECKSUM_NAME) is not None
