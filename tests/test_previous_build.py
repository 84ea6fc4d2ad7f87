"""The previous build's files, set aside at once and removed while the next build runs."""

from __future__ import annotations

import os
import subprocess

import pytest

from hooks.archive.publish import offline, previous
from hooks.archive.publish.previous import PREFIX, PreviousBuild


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _old_site(site):
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "a.html").write_text("old page")
    (site / "index.html").write_text("old home")
    (site / ".keep").write_text("hidden: kept, as MkDocs keeps it")
    (site / (PREFIX + "killed")).mkdir()  # a build stopped before it removed its predecessor
    (site / (PREFIX + "killed") / "page.html").write_text("older")
    (site / f".{offline.ZIP_NAME}.a1b2c3").write_text("half a zip")  # the zip a stopped build was writing


def test_the_previous_files_are_gone_at_once_and_removed_by_the_end(tmp_path):
    site = tmp_path / "site"
    _old_site(site)
    removal = PreviousBuild(str(site))
    # What MkDocs would clean is out of the way before it looks: only hidden entries are left.
    assert [p.name for p in site.iterdir() if not p.name.startswith(".")] == []
    assert removal.wait() == []
    assert _files(site) == [".keep"]
    assert not list(site.glob(PREFIX + "*"))


def test_no_site_yet_or_an_empty_one_is_nothing_to_do(tmp_path):
    PreviousBuild(str(tmp_path / "none")).wait()
    (tmp_path / "empty").mkdir()
    PreviousBuild(str(tmp_path / "empty")).wait()
    assert list((tmp_path / "empty").iterdir()) == []


def test_the_offline_copy_never_zips_what_is_left_of_a_previous_build(tmp_path):
    site = tmp_path / "site"
    _old_site(site)
    (site / "articles" / (PREFIX + "not-ours.html")).write_text("a page of the site")  # only the top is skipped
    inner = "articles/" + PREFIX + "not-ours.html"
    assert offline.site_files(site) == [".keep", inner, "articles/a.html", "index.html"]


def test_what_cannot_be_removed_is_told_and_never_sinks_into_the_next_folder(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _old_site(site)
    (site / (PREFIX + "link")).symlink_to(tmp_path / "elsewhere")  # a leftover's name on a link: the link goes
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "mine").write_text("not the site's")

    def no_helper(*args, **kwargs):
        raise OSError("no process can be started")

    monkeypatch.setattr(subprocess, "Popen", no_helper)  # the build process removes them itself
    undeletable = site / (PREFIX + "killed")
    real_rmtree = previous.shutil.rmtree
    monkeypatch.setattr(
        previous.shutil, "rmtree", lambda path, **kw: None if path == str(undeletable) else real_rmtree(path, **kw)
    )
    removal = PreviousBuild(str(site))
    # The earlier leftover is removed where it is, not moved into this build's folder (where each
    # build would bury it one level deeper).
    assert removal.wait() == [str(undeletable)]
    assert sorted(p.name for p in site.iterdir()) == [".keep", PREFIX + "killed"]
    assert (tmp_path / "elsewhere" / "mine").read_text() == "not the site's"


def test_a_file_the_user_may_not_delete_is_told_as_mkdocs_would_leave_it(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may delete anything: the case cannot arise")
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "a" / "b" / "g").write_text("kept")
    (site / "a" / "b").chmod(0o555)
    try:
        left = PreviousBuild(str(site)).wait()
        assert len(left) == 1 and left[0].startswith(str(site / PREFIX))
    finally:
        for folder in site.rglob("b"):
            folder.chmod(0o755)
