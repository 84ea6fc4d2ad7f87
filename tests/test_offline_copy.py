"""The offline copy: one zip of the whole built site with a SHA-256 manifest of every file."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile

import pytest
from bs4 import BeautifulSoup
from conftest import SEED_BODY, SEED_CLAIMS

from hooks.archive.publish import datafiles, offline


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
    (site / "page.html").write_text("<p>525 oil tanker trucks</p>\n" * 4000)
    zip_path = offline.write_offline_copy(site)

    entries = _read_zip(zip_path)  # read with Python's own zlib, whatever compressed it
    prefix = offline.FOLDER + "/"
    assert all(name.startswith(prefix) for name in entries)
    inside = {name[len(prefix) :]: data for name, data in entries.items()}
    files = ["a/b/data.json", "a/empty.txt", "index.html", "page.html"]
    assert sorted(set(inside) - {offline.MANIFEST}) == files
    # deflated, as every unzip reads it, and compressed for real
    page = zipfile.ZipFile(zip_path).getinfo(f"{offline.FOLDER}/page.html")
    assert page.compress_type == zipfile.ZIP_DEFLATED and page.compress_size < page.file_size / 20
    for path in files:
        assert inside[path] == (site / path).read_bytes()
    # the manifest, in `sha256sum -c` format, names every file once with its true hash
    lines = inside[offline.MANIFEST].decode().splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    assert sorted(listed) == files
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
    # ... and the downloads by year (published beside the site, not in it): the copy holds everything
    assert {"articles-2026.json", "annotations-2026.jsonld", "annotations.jsonld"} <= site_files
    home = BeautifulSoup(project.page("index.html"), "html.parser")
    assert home.find("a", href=offline.ZIP_NAME) is not None
    assert home.find("a", href=offline.CHECKSUM_NAME) is not None


def test_two_builds_of_the_same_archive_give_the_same_zip(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    assert project.build().returncode == 0
    first = (project.site / offline.ZIP_NAME).read_bytes()
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert (project.site / offline.ZIP_NAME).read_bytes() == first
    # and every file in it is the file of the site (sha256sum -c, in Python)
    entries = _read_zip(project.site / offline.ZIP_NAME)
    prefix = offline.FOLDER + "/"
    for name, data in entries.items():
        if name != prefix + offline.MANIFEST:
            assert (project.site / name[len(prefix) :]).read_bytes() == data, name


def test_a_file_changed_after_it_was_zipped_fails_the_copy_and_leaves_no_zip(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("first version")
    copy = offline.OfflineCopy(site)
    with open(copy.data_fd, "wb") as pipe:  # as the data files' writer announces a file
        offline.announce(pipe, "page.html")
    _wait_until_zipped(site, copy)
    (site / "page.html").write_text("a second, longer version")
    with pytest.raises(RuntimeError, match="page.html changed after it was put in the zip"):
        copy.finish()
    assert not (site / offline.ZIP_NAME).exists()
    assert [p.name for p in site.iterdir()] == ["page.html"]  # no temporary file left behind


def _wait_until_zipped(site, copy):
    # The helper has read the page once the temporary zip holds its compressed bytes.
    for _ in range(500):
        if os.path.getsize(copy.temporary) > 0:
            return
        time.sleep(0.01)
    raise AssertionError("the helper never wrote the page")


@pytest.mark.parametrize("background", [True, False])
def test_data_files_are_written_and_announced_in_order_in_a_child_or_not(tmp_path, background):
    site = tmp_path / "site"
    site.mkdir()
    files = [("claims.json", '{"claims": []}'), ("articles/2015/a.json", "{}"), ("feed.xml", "<feed/>")]
    copy = offline.OfflineCopy(site)
    data = datafiles.DataFiles(lambda: iter(files), str(site), copy.data_fd, background=background)
    (site / "index.html").write_text("home")
    data.finish()
    copy.finish()
    with zipfile.ZipFile(site / offline.ZIP_NAME) as archive:
        names = [name.removeprefix(offline.FOLDER + "/") for name in archive.namelist()]
    # data files first (in the order made), then every other file (sorted), then the manifest
    assert names == ["claims.json", "articles/2015/a.json", "feed.xml", "index.html", offline.MANIFEST]
    assert (site / "articles/2015/a.json").read_text() == "{}"


def test_a_failure_in_the_data_files_child_fails_the_build_step(tmp_path, capfd):
    site = tmp_path / "site"
    site.mkdir()

    def broken():
        yield "claims.json", "{}"
        raise ValueError("a bug while making the data files")

    copy = offline.OfflineCopy(site)
    data = datafiles.DataFiles(broken, str(site), copy.data_fd, background=True)
    with pytest.raises(RuntimeError, match="writing the data files failed"):
        data.finish()
    copy.abandon()
    assert "a bug while making the data files" in capfd.readouterr().err
    assert sorted(p.name for p in site.iterdir()) == ["claims.json"]


@pytest.mark.parametrize("background", [True, False])
def test_giving_up_after_the_data_files_are_written_closes_nothing_twice(tmp_path, background):
    site = tmp_path / "site"
    site.mkdir()
    copy = offline.OfflineCopy(site)
    data = datafiles.DataFiles(lambda: iter([("a.json", "{}")]), str(site), copy.data_fd, background=background)
    data.finish()
    spare = os.open(os.devnull, os.O_RDONLY)  # would take the pipe's old number if it were closed again
    try:
        data.abandon()  # e.g. the zip failed after the data files were done
        copy.abandon()
        os.fstat(spare)  # still open
    finally:
        os.close(spare)
    assert sorted(p.name for p in site.iterdir()) == ["a.json"]
