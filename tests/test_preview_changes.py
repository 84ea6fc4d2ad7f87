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
        assert classify(docs, [str(path)]) is None, path
