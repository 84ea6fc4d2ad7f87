"""The preview's plan is bounded: an edit renders the pages it changes, not the archive's.

On the benchmark's generated archive (300 articles), in process: a note edit plans
its article's page alone; a status edit renders a dozen pages and changes the others that
show the counts in their head only; the planned contents are those of a whole load.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.archive.build import load_site
from hooks.archive.preview.changes import Changes
from hooks.archive.preview.session import Session
from hooks.bench.synthetic import generate, hooked_project


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview") / "project"
    config = hooked_project(generate(root, 300))
    site = load_site(root / "docs", config)
    session = Session(site, root / "docs", config)
    for src, page in site.pages.items():
        session.remember(src, page.html())
    return root, config, session


def _edit(archive, number: int, change) -> tuple:
    root, config, session = archive
    sidecar = sorted((root / "docs" / "articles").rglob("*.claims.yml"))[number]
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(change(text), encoding="utf-8")
    try:
        article = Path(str(sidecar)[: -len(".claims.yml")] + ".md")
        plan = session.plan(Changes(articles={article}))
        session.lists(plan)
        whole = load_site(root / "docs", config)
    finally:
        sidecar.write_text(text, encoding="utf-8")
    return session, plan, whole, article.relative_to(root / "docs").as_posix()


def test_a_note_edit_renders_its_article_alone(archive):
    session, plan, whole, src = _edit(
        archive, 5, lambda t: t.replace("    note: >-\n      ", "    note: >-\n      Edited ", 1)
    )
    assert list(plan.contents) == [src] and not plan.heads
    assert plan.contents[src] == whole.page_html(src)


def test_a_status_edit_renders_few_pages_and_changes_the_counts_of_the_others(archive):
    def other_status(text):
        return re.sub(r'(?m)^(    status: )"?confirmed"?', r"\g<1>disputed", text, count=1)

    session, plan, whole, src = _edit(archive, 10, other_status)
    assert src in plan.contents
    assert len(plan.contents) < 20 < len(plan.heads), (len(plan.contents), len(plan.heads))
    assert len(plan.contents) + len(plan.heads) < len(session.site.pages) / 4
    for page, html in plan.contents.items():
        assert html == whole.page_html(page), page
    for page, (old, new) in plan.heads.items():
        assert new in whole.page_html(page) and old in session.site.page_html(page), page
