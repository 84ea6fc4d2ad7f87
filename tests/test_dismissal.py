"""`dismissed:` in a claims file: a found figure that is no claim, with a reason, so coverage can reach zero."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import SEED_BODY

from hooks.archive.assemble import load_archive
from hooks.archive.problems import ContentError

DISMISSED = """\
claims: []
dismissed:
  - quote: 15 oil refining
    reason: counted again in the next paragraph
  - {quote: "525 oil tanker trucks", reason: a page number in the print edition}
  - quote: over 600 militants killed in only one strike
    reason: reported speech the article itself doubts
"""


def test_dismissing_every_figure_brings_coverage_to_zero_and_the_coverage_page_lists_them(project):
    project.article("a", SEED_BODY, DISMISSED)
    [article] = load_archive(project.docs).articles
    assert article.uncovered == []
    assert [(f.text, d.reason) for f, d in article.dismissed] == [
        ("15", "counted again in the next paragraph"),
        ("525", "a page number in the print edition"),
        ("600", "reported speech the article itself doubts"),
        ("one", "reported speech the article itself doubts"),
    ]
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "not yet annotated" not in result.stderr
    page = BeautifulSoup(project.page("coverage.html"), "html.parser")
    assert "Every figure found in the archive is covered by a claim or dismissed." in page.get_text()
    assert "0 of 4 figures are covered by a claim, 4 dismissed as no claim." in page.get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("table.na-dismissed tbody tr")]
    assert rows[1][1:] == ["525", "a page number in the print edition", "docs/articles/a.claims.yml:5"]
    article_page = BeautifulSoup(project.page("articles/a.html"), "html.parser")
    assert not article_page.select(".na-uncovered")


def test_a_dismissal_is_checked_like_a_claim(project):
    project.article(
        "a",
        SEED_BODY,
        "claims: []\ndismissed:\n  - quote: Deir el-Zour province\n    reason: a place\n"
        "  - quote: 16 oil refining\n    reason: typo\n  - quote: 525 oil tanker trucks\n"
        "  - quote: 525 oil tanker trucks\n    reason: ''\n    occurence: 1\n",
    )
    try:
        load_archive(project.docs)
    except ContentError as error:
        lines = error.lines()
    assert lines == [
        'docs/articles/a.claims.yml:3: dismissed quote "Deir el-Zour province" holds no figure the importer finds'
        " — quote the figure itself, as the Coverage page lists it, or delete the dismissal",
        'docs/articles/a.claims.yml:5: quote "16 oil refining" is not in the article text — nearest passage: '
        '"15 oil refining"; copy the words exactly as they stand',
        "docs/articles/a.claims.yml:7: the dismissal is missing the required key reason — add `reason:`",
        "docs/articles/a.claims.yml:9: reason is empty — give reason a value",
        'docs/articles/a.claims.yml:10: unknown key "occurence" in the dismissal — did you mean "occurrence"?',
    ]
    check = project.cli("check")
    assert check.returncode == 1 and "holds no figure" in check.stderr
    assert "Traceback" not in check.stderr
