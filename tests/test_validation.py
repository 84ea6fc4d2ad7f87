"""What an editor sees when the content is wrong: file, line, claim, what, and how to fix it."""

import os
import re

import pytest
from conftest import SEED_BODY, SEED_CLAIMS

from hooks.archive.assemble import load_archive
from hooks.archive.problems import ContentError

LINE = re.compile(r"^(?P<path>\S+?):(?:(?P<line>\d+):)? (?:(?P<claim>[a-z0-9-]+): )?(?P<what>.+)$")


def problems(project) -> list[str]:
    # Paths are shown relative to where the editor runs the build: the project root.
    here = os.getcwd()
    os.chdir(project.root)
    try:
        with pytest.raises(ContentError) as error:
            load_archive(project.docs)
    finally:
        os.chdir(here)
    lines = error.value.lines()
    for line in lines:
        assert LINE.match(line), line  # every line has the path:line: form
        assert "Traceback" not in line
    return lines


def one(project) -> str:
    lines = problems(project)
    assert len(lines) == 1, lines
    return lines[0]


def test_the_seed_like_article_loads_and_anchors(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    archive = load_archive(project.docs)
    [article] = archive.articles
    assert [article.quoted(c) for c in article.claims] == ["525 oil tanker trucks", "over 600 militants killed"]
    assert [c.number for c in article.claims] == [1, 2]


def test_quote_not_found_names_line_claim_and_nearest_passage(project):
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("525 oil tanker trucks", "526 oil tanker trucks"))
    line = one(project)
    assert line.startswith('docs/articles/a.claims.yml:3: tanker-trucks: quote "526 oil tanker trucks" is not')
    assert 'nearest passage: "525 oil tanker trucks"' in line


def test_ambiguous_quote_lists_the_occurrences_and_occurrence_picks_one(project):
    body = "They fired 18 missiles on Friday.\n\nLater 18 missiles more.\n"
    claims = (
        "claims:\n  - id: m\n    quote: 18 missiles\n    claimant: russian-mod\n    status: unverified\n    note: x\n"
    )
    article = project.article("a", body, claims)
    line = one(project)
    # The lines of the .md file the editor has open (front matter included), named in the message.
    lines = [n for n, text in enumerate(article.read_text().splitlines(), 1) if "18 missiles" in text]
    assert f"appears 2 times in a.md (lines {lines[0]}, {lines[1]})" in line and "occurrence: N" in line
    project.article("a", body, claims.replace("quote: 18 missiles", "quote: 18 missiles\n    occurrence: 2"))
    [claim] = load_archive(project.docs).articles[0].claims
    assert claim.start == body.rindex("18 missiles")
    project.article("a", body, claims.replace("quote: 18 missiles", "quote: 18 missiles\n    occurrence: 3"))
    assert "occurrence 3 is out of range: the quote appears 2 time(s)" in one(project)


def test_unknown_key_suggests_the_nearest(project):
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("    note: Shoigu's", "    noet: Shoigu's"))
    lines = problems(project)
    assert any(
        'a.claims.yml:7: tanker-trucks: unknown key "noet" in the claim — did you mean "note"?' in x for x in lines
    )
    assert any("missing the required key note" in x for x in lines)


def test_unknown_claimant_and_status_suggest(project):
    claims = SEED_CLAIMS.replace(
        "claimant: sergei-shoigu\n    via: [russian-mod]", "claimant: sergei-shoigu\n    via: [russian-mdo]"
    )
    claims = claims.replace("status: disputed", "status: disputd")
    project.article("a", SEED_BODY, claims)
    lines = problems(project)
    assert any(':5: tanker-trucks: unknown claimant "russian-mdo" — did you mean "russian-mod"?' in x for x in lines)
    status = ':12: militants-killed: unknown status "disputd" — valid statuses, nearest first: disputed,'
    assert any(status in x for x in lines)


def test_hash_mismatch_when_the_archived_text_is_edited(project):
    path = project.article("a", SEED_BODY, SEED_CLAIMS)
    path.write_text(path.read_text(encoding="utf-8").replace("525 oil", "526 oil"), encoding="utf-8")
    line = one(project)
    assert line.startswith("docs/articles/a.md:5: the archived text does not match its sha256")
    assert "restore it from the raw .txt" in line


def test_bad_dates_urls_and_ids(project):
    claims = SEED_CLAIMS.replace("  - id: tanker-trucks", "  - id: Tanker_Trucks").replace(
        "    status: disputed",
        "    status: disputed\n    said: 2015-13-45\n    source: {title: x, url: 'javascript:alert(1)'}",
    )
    project.article("a", SEED_BODY, claims, published="20/11/2015")
    lines = problems(project)
    assert any('a.md:6: published "20/11/2015" is not a date — write it as YYYY-MM-DD' in x for x in lines)
    assert any('id "Tanker_Trucks" is not a valid id' in x and '"tanker-trucks"' in x for x in lines)
    assert any('said "2015-13-45" is not a real date' in x for x in lines)
    assert any('source.url "javascript:alert(1)" is not an http(s) address' in x for x in lines)


def test_duplicate_ids_and_overlaps(project):
    claims = SEED_CLAIMS.replace("id: militants-killed", "id: tanker-trucks") + (
        "  - id: trucks\n    quote: oil tanker trucks\n    claimant: russian-mod\n    status: unverified\n    note: x\n"
    )
    project.article("a", SEED_BODY, claims)
    lines = problems(project)
    assert any(":8: tanker-trucks: duplicate claim id (first used on line 2)" in x for x in lines)
    assert any('trucks: its quote overlaps the quote of claim "tanker-trucks"' in x for x in lines)


def test_every_problem_of_every_file_is_reported_at_once(project):
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("525 oil", "999 oil"))
    project.article("b", SEED_BODY, SEED_CLAIMS.replace("status: disputed", "status: nope"))
    (project.docs / "articles" / "orphan.claims.yml").write_text("claims:\n", encoding="utf-8")
    (project.docs / "articles" / "c.md").write_text("---\ntitle: [unclosed\n---\ntext", encoding="utf-8")
    lines = problems(project)
    assert len(lines) == 4
    assert [line.split(":")[0] for line in lines] == [
        "docs/articles/a.claims.yml",
        "docs/articles/b.claims.yml",
        "docs/articles/c.md",
        "docs/articles/orphan.claims.yml",
    ]


def test_notes_may_not_link_to_script(project):
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("no independent check.", "no [check](javascript:alert(1))."))
    assert "the note links to a forbidden address: javascript:alert(1)" in one(project)


def test_invisible_characters_in_quotes_are_refused(project):
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("525 oil", "525\u200b oil"))
    assert "quote contains invisible character(s) U+200B" in one(project)


def test_an_article_without_claims_loads_with_its_figures_uncovered(project):
    project.article("a", SEED_BODY)
    [article] = load_archive(project.docs).articles
    assert [f.text for f in article.uncovered] == ["15", "525", "600", "one"]  # "one strike": a written count


def test_mkdocs_yml_removes_a_status_with_null_and_sets_the_publisher(project):
    config = project.config.read_text(encoding="utf-8")
    config = config.replace("    # statuses:", "    statuses:\n      false: null\n    # statuses:")
    config = config.replace("      # url: https://example.org/", "      url: https://example.org/reviews/")
    project.config.write_text(config, encoding="utf-8")
    project.article("a", SEED_BODY, SEED_CLAIMS)
    archive = load_archive(project.docs, project.config)
    assert "false" not in archive.statuses and "disputed" in archive.statuses
    assert archive.publisher.url == "https://example.org/reviews/"
    assert archive.publisher.name == "Annotated News Archive"


def test_ids_are_the_text_as_written(project):
    (project.docs / "claimants.yml").write_text(
        "007: {name: Agent, kind: person}\nno: {name: Nobody, kind: person}\n"
        "associated-press: {name: AP, kind: outlet}\n",
        encoding="utf-8",
    )
    project.article("a", SEED_BODY, SEED_CLAIMS.replace("sergei-shoigu", '"007"').replace("[russian-mod]", "[no]"))
    archive = load_archive(project.docs)
    assert set(archive.claimants) >= {"007", "no"}
    assert archive.articles[0].claims[0].claimant == "007"


def test_a_long_cycle_is_told_in_one_readable_line(project):
    # 40 bodies each affiliated to the next, the last to the first
    registry = "".join(
        f"body-{n}: {{name: Body {n}, kind: organisation, affiliation: body-{(n + 1) % 40}}}\n" for n in range(40)
    )
    (project.docs / "claimants.yml").write_text(registry, encoding="utf-8")
    project.article(
        "a",
        SEED_BODY,
        SEED_CLAIMS.replace("sergei-shoigu", "body-1")
        .replace("russian-mod", "body-2")
        .replace("associated-press", "body-3"),
    )
    (line,) = problems(project)
    assert "affiliations form a cycle: body-0 → body-1 → body-2 → … (36 more) → body-39 → body-0" in line, line
    assert len(line) < 300


def test_a_nearest_passage_shows_a_variation_selector_the_quote_lacks(project):
    body = "The navy sent 900\ufe0f ships north.\n"  # the emoji presentation of a digit: invisible
    project.article(
        "a",
        body,
        "claims:\n  - id: ships\n    quote: 900 ships\n    claimant: russian-mod\n"
        "    status: unverified\n    note: n\n",
    )
    (line,) = problems(project)
    assert 'nearest passage: "900\\ufe0f ships"' in line, line  # told apart from the quote, as an escape
