"""`python -m hooks import`: a raw scraped text becomes an article that builds at once."""

from __future__ import annotations

import datetime
import hashlib
import re
import threading
from pathlib import Path

import pytest
from conftest import ROOT, Project

from hooks import importer
from hooks.archive.assemble import load_archive
from hooks.archive.load.source import MAX_FILE_BYTES
from hooks.importer import ImportError_, byline_date, import_article, slugify, title_of

RAW = "\ufeff#Hello World: A Title\r\n\r\nBy March 3, 2021 Somebody\r\n\r\nThey sold 1,200 cars and 45% of trucks.\r\n"
SEED = next((ROOT.parent / "shared" / "seeds").glob("*.txt"), None)
NO_BYLINE = (
    "Operation Tidal Wave II\n\nOperation Tidal Wave II was an air campaign against oil facilities.\n\n"
    "It began on 21 October 2015, and officials said 2/3rds of the refineries were hit, costing US$3 million "
    "per day.[4]\n"
)


def write(tmp_path, data: bytes, name="scraped.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_title_and_byline_date():
    assert title_of("\n\n#Russia Has Battered #isis #oil This Week\n\nBy 20th November 2015") == (
        "Russia Has Battered #isis #oil This Week"
    )
    assert byline_date("T\n\nBy 20th November 2015 Industry News No Comments")[:2] == (datetime.date(2015, 11, 20), 3)
    assert byline_date("T\nBy March 3, 2021 Somebody")[0] == datetime.date(2021, 3, 3)
    assert byline_date("T\nPublished 2019-04-30")[0] == datetime.date(2019, 4, 30)
    assert byline_date("T\nFor Immediate Release December 14, 2015\n")[0] == datetime.date(2015, 12, 14)
    assert byline_date("T\nNo date here, but 2015 and 30 September later") is None
    # A date in a sentence of the text is when something happened, not when the article appeared.
    assert byline_date(NO_BYLINE) is None
    assert byline_date("T\n\nThe strikes began on 21 October 2015 and went on for weeks, officials said.") is None


def test_a_one_word_first_line_is_no_headline_and_asks_for_title(tmp_path):
    raw = write(tmp_path, b"The\n\nRussian aircraft destroyed 15 oil facilities.\n")
    with pytest.raises(ImportError_, match=r'the first line, "The", does not look like a headline — give the title'):
        import_article(raw, tmp_path / "docs", "Outlet")
    assert not (tmp_path / "docs").exists()
    imported = import_article(
        raw, tmp_path / "docs", "Outlet", title="Russia strikes oil", archived=datetime.date(2026, 1, 2)
    )
    assert imported.paths[0].name == "russia-strikes-oil.md"
    assert 'title: "Russia strikes oil"' in imported.paths[0].read_text()


def test_import_keeps_the_raw_bytes_and_makes_a_valid_article(tmp_path):
    raw = write(tmp_path, RAW.encode("utf-8"))
    docs = tmp_path / "docs"
    imported = import_article(raw, docs, "Test Outlet", archived=datetime.date(2026, 11, 24))
    article, copy, sidecar = imported.paths
    assert article == docs / "articles" / "2021" / "hello-world-a-title.md"
    assert copy.read_bytes() == raw.read_bytes()
    text = article.read_bytes().decode("utf-8")
    front, body = text.split("\n---\n", 1)
    assert body == RAW.lstrip("\ufeff").replace("\r\n", "\n")  # the text, line endings made LF
    assert f"sha256: {hashlib.sha256(body.encode()).hexdigest()}" in front
    assert 'title: "Hello World: A Title"' in front and "published: 2021-03-03" in front
    assert imported.notes == [f"published: 2021-03-03, guessed from {raw}:3: By March 3, 2021 Somebody"]
    skeleton = sidecar.read_text()
    assert '#   quote: "1,200 cars"' in skeleton and '#   quote: "45% of trucks"' in skeleton
    # The line named is the line of the .md file the editor opens.
    md_line = next(n for n, line in enumerate(text.splitlines(), 1) if "1,200 cars" in line)
    assert f"# - id: 1-200-cars    # number, line {md_line}" in skeleton
    [loaded] = load_archive(docs).articles  # builds as is: no claims, figures uncovered
    assert [f.text for f in loaded.uncovered] == ["1,200", "45%"]


def test_no_byline_means_no_published_date_and_a_warning(tmp_path):
    raw = write(tmp_path, NO_BYLINE.encode())
    imported = import_article(raw, tmp_path / "docs", "Wikipedia", archived=datetime.date(2026, 12, 1))
    article = imported.paths[0]
    assert article.parent.name == "2026"  # filed by its archiving date, not by the date in its text
    assert "published:" not in article.read_text()
    assert imported.notes[0].startswith("warning: no byline or dateline with a date")
    assert "--published" in imported.notes[0]
    given = import_article(
        raw, tmp_path / "other", "Wikipedia", published=datetime.date(2015, 10, 22), archived=datetime.date(2026, 12, 1)
    )
    assert given.paths[0].parent.name == "2015" and given.notes == ["published: 2015-10-22 (from --published)"]


def _filled(skeleton: str) -> str:
    """The skeleton with every entry uncommented and filled in, as an editor would."""
    lines = []
    for line in skeleton.splitlines():
        if re.match(r"# (- id:|  (quote|occurrence|claimant|via|status|note):)", line):
            line = line[2:]
            line = line.replace("claimant: ", "claimant: russian-mod").replace("note: ", "note: Checked.")
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(SEED is None, reason="the shared seed article is not beside the project")
def test_the_skeleton_is_ready_to_use_uncommented_every_entry_passes_check(tmp_path):
    project = Project(tmp_path / "project")
    imported = import_article(SEED, project.docs, "Industry News", archived=datetime.date(2026, 12, 1))
    article, _, sidecar = imported.paths
    skeleton = sidecar.read_text()
    assert "#   occurrence: 1    # the quote stands 2 times" in skeleton  # "four days", twice
    quotes = re.findall(r'^#   quote: "?(.*?)"?$', skeleton, re.M)
    # Whole figures, as a fact-checker quotes them: the qualifier, what is counted, the rate.
    for whole in (
        "$1.5 million dollars in revenue per day",
        "60,000 tons of oil every 24 hours",
        "more than 800 targets",
        "over 600 militants killed",
        "15 oil refining and storage facilities",
        "four days",
        "one strike",
    ):
        assert whole in quotes, (whole, quotes)
    assert "24 hours" not in quotes  # the rate's, not a figure of its own
    assert "# - id: 1-5-million-dollars-in-revenue-per-day    # amount, line" in skeleton
    assert skeleton.index("# --- dates ---") < skeleton.index('#   quote: "20th November 2015"')
    sidecar.write_text(_filled(skeleton))
    [loaded] = load_archive(project.docs).articles
    assert len(loaded.claims) == 15 and loaded.uncovered == []  # every figure covered, "24" by its rate's claim
    lines = article.read_text().splitlines()
    for claim in loaded.claims:
        assert claim.quote in lines[int(re.search(rf"id: {claim.id} .*line (\d+)", sidecar.read_text())[1]) - 1]


def test_import_never_overwrites_and_refuses_bad_input(tmp_path):
    raw = write(tmp_path, RAW.encode("utf-8"))
    import_article(raw, tmp_path / "docs", "Outlet")
    before = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    with pytest.raises(
        ImportError_, match=r"already archives this text \(the same SHA-256\): nothing was written — .*--title"
    ):
        import_article(raw, tmp_path / "docs", "Another outlet")
    other = write(tmp_path, RAW.replace("1,200 cars", "1,300 cars").encode("utf-8"), "other.txt")
    with pytest.raises(ImportError_, match=r"already exists: nothing was written .* its own title with --title"):
        import_article(other, tmp_path / "docs", "Outlet")
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()} == before
    copy = import_article(raw, tmp_path / "docs", "Another outlet", title="The wire's copy")
    (first,) = before.keys() & set((tmp_path / "docs").rglob("*.md"))
    assert f"warning: the same text is already archived as {first} (the same SHA-256)" in copy.notes
    for path in copy.paths:
        path.unlink()
    latin = write(tmp_path, "Caf\xe9 title\n".encode("latin-1"), "latin.txt")
    with pytest.raises(ImportError_, match=r"not UTF-8 text \(byte 0xe9 at offset 3\)"):
        import_article(latin, tmp_path / "other", "Outlet")
    with pytest.raises(ImportError_, match="--outlet is empty"):
        import_article(raw, tmp_path / "other", " ")
    with pytest.raises(ImportError_, match='--url "javascript:x" is not an http'):
        import_article(raw, tmp_path / "other", "Outlet", url="javascript:x")
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    ("title", "bad"),
    [("Oil\x85fields burn", "U+0085"), ("Oil\x7ffields", "U+007F"), ("Oil \x1b[31mred", "U+001B")],
)
def test_control_characters_in_a_title_or_outlet_are_refused_before_anything_is_written(tmp_path, title, bad):
    raw = write(tmp_path, f"{title} today\n\nThey sold 5 cars.\n".encode())
    # fields.text (what `check` applies) refuses control characters itself now, with its own fix.
    title_refused = re.escape(f"the title contains control character(s) {bad} — ")
    with pytest.raises(ImportError_, match=title_refused):
        import_article(raw, tmp_path / "docs", "Outlet")
    with pytest.raises(ImportError_, match=re.escape(f"--outlet contains control character(s) {bad}")):
        import_article(raw, tmp_path / "docs", f"Out{title}")
    assert not (tmp_path / "docs").exists()


def test_a_line_separator_inside_a_figure_leaves_the_skeleton_valid(tmp_path):
    raw = write(tmp_path, "Oil sales fall again\n\nSales fell 5\u2028percent, to 3\u2029million barrels.\n".encode())
    imported = import_article(raw, tmp_path / "docs", "Outlet", archived=datetime.date(2026, 12, 1))
    sidecar = imported.paths[2]
    sidecar.write_text(_filled(sidecar.read_text()))
    project_docs = tmp_path / "docs"
    (project_docs / "claimants.yml").write_text(
        "russian-mod: {name: Russian Ministry of Defence, kind: organisation}\n"
    )
    [loaded] = load_archive(project_docs).articles
    assert [c.quote for c in loaded.claims] == ["5", "3"]


def test_a_text_over_the_size_limit_and_a_device_are_refused_cleanly(tmp_path):
    big = write(tmp_path, b"A long title here\n\n" + b"x" * (2 * MAX_FILE_BYTES))
    with pytest.raises(ImportError_, match="over the 1,048,576-byte limit"):
        import_article(big, tmp_path / "docs", "Outlet")
    near = write(tmp_path, b"A long title here\n\n" + b"y " * (MAX_FILE_BYTES // 2 - 10), "near.txt")
    with pytest.raises(ImportError_, match="the article would be .* over the 1,048,576-byte limit"):
        import_article(near, tmp_path / "docs", "Outlet")
    with pytest.raises(ImportError_, match="not a regular file"):
        import_article(Path("/dev/zero"), tmp_path / "docs", "Outlet")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-16", "utf-32"])
def test_utf16_and_utf32_are_read_with_or_without_a_byte_order_mark(tmp_path, encoding):
    text = "Titel der Meldung über Öl\n\nSie verkauften 1.200 Autos und 45% der Lastwagen.\n"
    raw = write(tmp_path, text.encode(encoding))  # "utf-16"/"utf-32" write a BOM, the others none
    imported = import_article(raw, tmp_path / "docs", "Outlet", archived=datetime.date(2026, 12, 1))
    article, copy, _ = imported.paths
    assert article.name == "titel-der-meldung-uber-ol.md"
    assert article.read_text(encoding="utf-8").endswith(text)
    assert copy.read_bytes() == raw.read_bytes()  # the raw file stays as it came
    assert imported.notes[0].startswith(f"read {raw} as utf-")


def test_titles_in_other_scripts_get_distinct_file_names(tmp_path):
    assert slugify("Нефть горит в Сирии") != slugify("Россия наносит удары")
    assert slugify("Нефть горит в Сирии").startswith("article-")
    assert slugify("Нефть горит в Сирии") == slugify("Нефть горит в Сирии")  # stable, so re-imports clash
    docs = tmp_path / "docs"
    for name, title in (("a.txt", "Нефть горит в Сирии"), ("b.txt", "石油设施遭到空袭打击")):
        raw = write(tmp_path, f"{title}\n\nРоссия: 15 ударов.\n".encode(), name)
        import_article(raw, docs, "Outlet", archived=datetime.date(2026, 12, 1))
    assert len(load_archive(docs).articles) == 2


def test_imports_at_once_never_overwrite_each_other(tmp_path):
    docs = tmp_path / "docs"
    raws = [write(tmp_path, f"Same headline for all\n\nVersion {n}: 5 cars.\n".encode(), f"{n}.txt") for n in range(8)]
    outcomes: list = []
    barrier = threading.Barrier(len(raws))

    def run(raw):
        barrier.wait()
        try:
            outcomes.append(import_article(raw, docs, "Outlet", archived=datetime.date(2026, 12, 1)))
        except ImportError_ as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=run, args=(raw,)) for raw in raws]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    won = [o for o in outcomes if not isinstance(o, str)]
    assert len(won) == 1 and all("already exists: nothing was written" in o for o in outcomes if isinstance(o, str))
    article, copy, sidecar = won[0].paths
    assert copy.read_bytes() in [raw.read_bytes() for raw in raws]
    assert copy.read_bytes().decode().splitlines()[2] in article.read_text()  # the files of one import
    assert sorted(p.name for p in article.parent.iterdir()) == sorted(p.name for p in won[0].paths)


def test_a_text_dense_with_figures_gets_a_skeleton_check_reads_listing_the_first_ones(tmp_path, monkeypatch):
    # The skeleton's limit, scaled down with the text: 400 figures, a skeleton of a few kilobytes.
    monkeypatch.setattr(importer, "MAX_SKELETON_BYTES", 4000)
    body = "A dense report\n\n" + "".join(f"Line {n}: they sold {1000 + n} cars.\n" for n in range(400))
    imported = import_article(write(tmp_path, body.encode()), tmp_path / "docs", "Outlet")
    skeleton = imported.paths[2].read_text()
    assert 4000 < len(skeleton.encode()) < 4000 + 400  # past the limit by one entry at most
    listed = skeleton.count("# - id: ")
    assert 10 < listed < 400
    assert skeleton.rstrip().endswith("not listed: the Coverage page lists them all")
    assert f"and {800 - listed} more figures and dates" in skeleton  # each line has two figures
    [article] = load_archive(tmp_path / "docs").articles
    assert len(article.uncovered) >= 400  # every figure still shown as not yet annotated


def test_an_article_is_filed_under_its_year_in_four_digits(tmp_path):
    imported = import_article(
        write(tmp_path, RAW.encode()), tmp_path / "docs", "Outlet", published=datetime.date(1, 1, 1)
    )
    assert imported.paths[0].parent == tmp_path / "docs" / "articles" / "0001"  # as the year's pages name it
