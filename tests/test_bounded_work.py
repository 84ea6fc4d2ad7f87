"""No input stalls `check`: the worst cases found so far, each within a time and with short lines.

The bounds are generous (a slow shared machine); before the caps, the first three took over ten
minutes, 51 s and over five minutes.
"""

from __future__ import annotations

import os
import time

import pytest
from catalogue import article, claim
from conftest import SEED_BODY, Project

from hooks.archive.load.safe_markdown import TEXT_COST, InertMarkdown, markdown_cost

SECONDS = 10
LINE_CHARS = 2000
BIG_BODY = ("The trucks came from a far place and went on. " * 20 + "\n\n") * 1000  # a 1 MB text


def _note_claim(note: str) -> str:
    return "claims:\n" + claim("c", "525 oil tanker trucks").replace("A note.", f'"{note}"')


WORST = {
    "11000-near-miss-quotes": (
        article(),
        "claims:\n"
        + "".join(
            f"- {{id: m{i}, quote: 526 tanker {i}, claimant: russian-mod, status: unverified, note: n}}\n"
            for i in range(11000)
        ),
    ),
    # Each quote not found is looked for in the whole text once: 2,000 of them in a 1 MB text.
    "2000-near-miss-quotes-in-a-1-mb-text": (
        article(BIG_BODY),
        "claims:\n" + "".join(claim(f"m{i}", f"kame far plaze {i}") for i in range(2000)),
    ),
    "one-letter-quote-found-400000-times": (article("a " * 400000 + "\n"), "claims:\n" + claim("x", "a")),
    "note-of-100-kb-of-open-links": (article(), _note_claim("[x](" * 25000)),
    "200-notes-of-brackets-at-the-limit": (
        article(),
        "claims:\n"
        + "".join(
            claim(f"n{i}", "525 oil tanker trucks").replace("A note.", '"' + "[x](" * 12 + "w" * 4000 + '"')
            for i in range(200)
        ),
    ),
    "markdown-text-of-open-links": (article("[x](" * 250000 + "\n", format="markdown"), None),
    "5000-digit-numbers": (
        article(title="9" * 5000),
        "claims:\n" + claim("c", "9" * 5000, occurrence="9" * 5000, figure="{value: " + "9" * 5000 + "}"),
    ),
}


@pytest.mark.parametrize("name", WORST)
def test_the_worst_inputs_are_checked_quickly_with_short_lines(name, tmp_path):
    body, claims = WORST[name]
    project = Project(tmp_path / "project")
    (project.docs / "articles" / "a.md").write_bytes(body)
    if claims is not None:
        (project.docs / "articles" / "a.claims.yml").write_text(claims, encoding="utf-8")
    started = time.monotonic()
    result = project.cli("check")
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout
    lines = result.stderr.splitlines()
    print(f"{name}: {elapsed:.1f} s, {len(lines)} lines, longest {max(map(len, lines))} characters")
    assert elapsed < SECONDS
    assert max(map(len, lines)) < LINE_CHARS


def test_a_fifo_named_md_is_refused_not_waited_on(tmp_path):
    project = Project(tmp_path / "project")
    project.article("a", SEED_BODY)
    os.mkfifo(project.docs / "articles" / "pipe.md")
    result = project.cli("check")  # Project.cli times out rather than hanging the suite
    assert result.returncode == 1
    assert "docs/articles/pipe.md: is a named pipe (FIFO), not a file" in result.stderr


def test_a_markdown_text_just_within_the_limit_renders_quickly():
    """What `check` lets through is rendered by the build: the worst text it accepts, in bounded time."""
    body = ("[" * 4 + "w" * 990 + "\n\n") * 1000  # a 1 MB text of stray brackets
    assert markdown_cost(body) <= TEXT_COST
    started = time.monotonic()
    InertMarkdown().block_html(body)
    assert time.monotonic() - started < SECONDS
