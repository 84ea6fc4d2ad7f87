"""The previous build's files, set aside at once and removed while the next build runs."""

from __future__ import annotations

from hooks.archive.publish import offline
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
    previous = PreviousBuild(str(site))
    # What MkDocs would clean is out of the way before it looks: only the hidden entries are left.
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(PREFIX)) == [".keep"]
    previous.wait()
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
