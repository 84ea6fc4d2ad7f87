"""What the Pages workflow publishes fits the common static hosts: a generated archive, built and laid out by
`python -m hooks publish-tree` exactly as .github/workflows/pages.yml does, has no file over 25 MiB and
weighs, per article, what keeps 10,000 articles under 600 MB and at most three times plain Material's
site for the same articles at the same address; an article page weighs under twice plain Material's."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

from hooks import engine
from hooks.archive import urls
from hooks.archive.publish import offline, tree
from hooks.bench import synthetic

ARTICLES = 200
# 600 MB at 10,000 articles, less what does not grow with the archive (assets/, about 2.6 MB).
BUDGET_PER_ARTICLE = 59_000
DOWNLOADS_URL = "https://github.com/owner/repo/releases/download/archive/"
SITE_URL = "https://owner.github.io/repo/"
URLS_BY_YEAR = (("articles", "json"), ("annotations", "jsonld"), ("claimreviews", "jsonld"))


def _lay_out(work, articles: int):
    generated = synthetic.generate(work / "archive", articles, seed=4)
    config = synthetic.hooked_project(generated)
    env = dict(os.environ, DOWNLOADS_URL=DOWNLOADS_URL, SITE_URL=SITE_URL)
    build = subprocess.run(
        engine.command("build", "--strict", "-q", "-f", str(config), "--site-dir", str(work / "site")),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    # The workflow's step, as it runs it.
    command = [sys.executable, "-m", "hooks", "publish-tree", str(work / "site"), str(work / "downloads")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    return work, result


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    return _lay_out(tmp_path_factory.mktemp("publish"), ARTICLES)


@pytest.fixture(scope="module")
def growth(laid_out, tmp_path_factory) -> float:
    """Bytes the published site grows by with each article (the archive at ARTICLES and at half as
    many): what 10,000 articles cost, less what a site costs whatever its size."""
    half, _ = _lay_out(tmp_path_factory.mktemp("publish-half"), ARTICLES // 2)
    return (_published(laid_out[0]) - _published(half)) / (ARTICLES - ARTICLES // 2)


def test_the_downloads_leave_the_site_and_the_home_page_links_them(laid_out):
    work, result = laid_out
    assert result.returncode == 0, result.stdout + result.stderr
    # the generator's ten years: the articles' records, their Web Annotations and their ClaimReviews
    years = [f"{kind}-{year}.{ext}" for year in range(2015, 2025) for kind, ext in URLS_BY_YEAR]
    assert sorted(os.listdir(work / "downloads")) == sorted([*urls.DOWNLOADS, *years])
    assert not any((work / "site" / name).exists() for name in [*urls.DOWNLOADS, *years])
    home = (work / "site" / "index.html").read_text(encoding="utf-8")
    for name in [*urls.DOWNLOADS, *years]:
        if not name.startswith("annotations-"):  # the home page links the annotations' index, below
            assert f'href="{DOWNLOADS_URL}{name}"' in home
    assert f'href="{DOWNLOADS_URL}claims.json"' in (work / "site" / "claims.html").read_text(encoding="utf-8")
    article = next((work / "site" / "articles" / "2015").glob("*.html")).read_text(encoding="utf-8")
    assert f'href="{DOWNLOADS_URL}articles-2015.json">JSON</a>' in article
    assert f'href="{DOWNLOADS_URL}annotations-2015.jsonld">Web Annotations</a>' in article
    # The annotations' index stays in the site and names the year files where they are published.
    index = json.loads((work / "site" / "annotations.jsonld").read_text(encoding="utf-8"))
    first, last = (f"{DOWNLOADS_URL}annotations-{year}.jsonld#page" for year in (2015, 2024))
    assert (index["first"], index["last"]) == (first, last)
    year = json.loads((work / "downloads" / "annotations-2015.jsonld").read_text(encoding="utf-8"))
    assert year["id"] == f"{DOWNLOADS_URL}annotations-2015.jsonld" and year["first"]["id"] == index["first"]
    assert year["first"]["next"] == f"{DOWNLOADS_URL}annotations-2016.jsonld#page"
    assert year["first"]["partOf"]["id"] == "https://owner.github.io/repo/annotations.jsonld"


def test_no_published_file_is_over_25_mib(laid_out):
    work, _ = laid_out
    published, _ = tree.survey(work / "site")
    path, size = published.largest
    assert size < tree.MAX_FILE, path
    assert published.problems() == []


def _published(work) -> int:
    published, _ = tree.survey(work / "site")
    return published.total


def _plain(work, articles: int):
    """Plain Material's site for the same generated articles (the benchmark's reference), at the same address."""
    generated = synthetic.generate(work / "archive", articles, seed=4)
    config = synthetic.plain_project(generated, work / "plain")
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {SITE_URL}\n", encoding="utf-8")
    command = engine.command("build", "-q", "-f", str(config), "--site-dir", str(work / "site"))
    build = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    return work


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """Plain Material's sites at ARTICLES and half as many."""
    return [_plain(tmp_path_factory.mktemp(f"plain-{n}"), n) for n in (ARTICLES, ARTICLES // 2)]


def _article_page(work) -> float:
    pages = list((work / "site" / "articles").rglob("*.html"))
    return sum(page.stat().st_size for page in pages) / len(pages)


def test_the_published_site_grows_by_at_most_three_times_plain_materials(growth, plain):
    whole, half = plain
    plain_growth = (_published(whole) - _published(half)) / (ARTICLES - ARTICLES // 2)
    assert growth <= 3 * plain_growth, f"{growth / plain_growth:.2f}× plain Material's growth an article"


def test_an_article_page_weighs_under_twice_plain_materials(laid_out, plain):
    ours, theirs = _article_page(laid_out[0]), _article_page(plain[0])
    assert ours < 2 * theirs, f"{ours:,.0f} bytes, {ours / theirs:.2f}× plain Material's {theirs:,.0f}"


def test_ten_thousand_articles_fit_github_pages(growth):
    """Under GitHub Pages' 1 GB at 10,000 articles (the benchmark measures it: Performance, Site size)."""
    assert growth * 10_000 < tree.MAX_TOTAL


def test_the_published_site_grows_by_under_59_kb_an_article(growth):
    assert growth < BUDGET_PER_ARTICLE, f"{growth:,.0f} bytes an article"


def test_publish_tree_refuses_a_file_a_host_would_refuse(tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    with open(site / "articles" / "big.json", "wb") as big:  # sparse: no disk used
        big.truncate(tree.MAX_FILE + 1)
    (site / urls.OFFLINE_ZIP).write_bytes(b"PK")
    command = [sys.executable, "-m", "hooks", "publish-tree", str(site), str(tmp_path / "downloads")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "articles/big.json" in result.stderr and "25 MiB" in result.stderr
    assert (tmp_path / "downloads" / urls.OFFLINE_ZIP).exists() and not (site / urls.OFFLINE_ZIP).exists()


def test_the_offline_copy_links_its_own_downloads_not_the_release(laid_out):
    """The published zip holds the downloads beside its pages: a reader offline follows its links to them."""
    work, _ = laid_out
    with zipfile.ZipFile(work / "downloads" / offline.ZIP_NAME) as archive:
        inside = {info.filename.split("/", 1)[1]: archive.read(info) for info in archive.infolist()}
    pages = {path: data.decode("utf-8") for path, data in inside.items() if path.endswith(".html")}
    online = {
        (path, href) for path, html in pages.items() for href in re.findall(f'href="{DOWNLOADS_URL}([^"]*)"', html)
    }
    assert {href for _, href in online} <= {offline.ZIP_NAME, offline.CHECKSUM_NAME}, online
    assert 'href="claims.json"' in pages["index.html"] and 'href="claims.json"' in pages["claims.html"]
    assert f'href="{DOWNLOADS_URL}{offline.ZIP_NAME}"' in pages["index.html"]  # not in itself: the release's
    article = next(path for path in pages if path.startswith("articles/2015/"))
    assert 'href="../../articles-2015.json">JSON</a>' in pages[article]
    index = json.loads(inside["annotations.jsonld"])
    assert (index["first"], index["last"]) == ("annotations-2015.jsonld#page", "annotations-2024.jsonld#page")
    for name in ("claims.json", "articles-2015.json", "annotations-2015.jsonld"):
        assert name in inside  # what the links lead to is in the copy
    # the copy's manifest is of the files as the copy holds them
    sums = dict(reversed(line.split("  ", 1)) for line in inside[offline.MANIFEST].decode().splitlines())
    assert sums["index.html"] == hashlib.sha256(inside["index.html"]).hexdigest()
