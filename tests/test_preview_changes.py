"""Which saves the preview updates on its own (hooks/archive/preview/changes.py), and which rebuild everything."""

from __future__ import annotations

from hooks.archive.preview.changes import classify


def test_an_articles_files_are_updated_on_their_own(tmp_path):
    docs = tmp_path / "docs"
    folder = docs / "articles" / "2015"
    folder.mkdir(parents=True)
    for name in ("a.md", "a.claims.yml", "a.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    changes = classify(docs, [str(folder / "a.claims.yml"), str(folder / "a.txt"), str(folder / "b.md")])
    assert changes.articles == {folder / "a.md", folder / "b.md"}  # b.md: removed
    assert changes.raw == {folder / "a.txt"}
    # An editor's swap file is never read by a build: it changes nothing.
    assert classify(docs, [str(folder / ".a.claims.yml.swx")]).articles == set()


def test_anything_else_rebuilds_everything(tmp_path):
    docs = tmp_path / "docs"
    folder = docs / "articles"
    folder.mkdir(parents=True)
    (folder / "link.md").symlink_to("nowhere.md")
    for path in (
        tmp_path / "mkdocs.yml",
        docs / "claimants.yml",
        docs / "methodology.md",
        docs / "assets" / "archive.css",
        folder / "a.claims.yaml",  # a near miss: refused by a build
        folder / "a.md~",
        folder / "a.md.bak",
        folder / ".a.md",  # a hidden article: refused
        folder / "a#b.md",
        folder / "link.md",
        folder / "notes.html",
    ):
        if not path.is_symlink():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x", encoding="utf-8")  # saved: it exists
        assert classify(docs, [str(path)]) is None, path


def test_a_temporary_file_that_came_and_went_changes_nothing_but_a_folder_of_articles_does(tmp_path):
    docs = tmp_path / "docs"
    folder = docs / "articles" / "2015"
    folder.mkdir(parents=True)
    (folder / "a.claims.yml").write_text("x", encoding="utf-8")
    known = {"articles/2015/a.md", "articles/2016/b.md"}
    # `sed -i` writes sed0oOHK6 beside the file, then renames it over it: the watcher saw both.
    changes = classify(docs, [str(folder / "sed0oOHK6"), str(folder / "a.claims.yml")], known)
    assert changes is not None and changes.articles == {folder / "a.md"}
    # a folder moved away, its articles with it: only a whole build can tell
    assert classify(docs, [str(docs / "articles" / "2016")], known) is None
    # a file that stays, of no article: refused by a build, so a whole build says so
    (folder / "notes.html").write_text("x", encoding="utf-8")
    assert classify(docs, [str(folder / "notes.html")], known) is None
