"""Figure detection measured on labelled texts (tests/figures/): precision and recall.

Each text marks what a fact-checker would list: {{figure}} and {{d:date}}. A found figure counts
as right only if it has exactly the labelled span and is a date exactly when the label is. The
texts in tune/ were used while writing anchor/figures.py; those in heldout/ were written and
labelled before it was run on them, and are the measure reported in docs/format.md; real/ holds
real texts of the archive, labelled by hand (never tuned on).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.archive.anchor.figures import DATE, find_figures

TEXTS = Path(__file__).parent / "figures"
_LABEL = re.compile(r"\{\{(d:)?(.*?)\}\}")


def labelled(path: Path) -> tuple[str, set]:
    """The text without its marks (and without its %% header), and its labels as (start, end, is_date)."""
    marked = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True) if not line.startswith("%%"))
    text, labels, position = [], set(), 0
    for match in _LABEL.finditer(marked):
        text.append(marked[position : match.start()])
        start = sum(map(len, text))
        text.append(match.group(2))
        labels.add((start, start + len(match.group(2)), bool(match.group(1))))
        position = match.end()
    text.append(marked[position:])
    return "".join(text), labels


def score(folder: str) -> tuple[float, float, list]:
    right = found = wanted = 0
    misses = []
    for path in sorted((TEXTS / folder).glob("*.txt")):
        text, labels = labelled(path)
        got = {(f.start, f.end, f.kind == DATE) for f in find_figures(text)}
        right += len(got & labels)
        found += len(got)
        wanted += len(labels)
        misses += [(path.name, "extra", text[s:e]) for s, e, _ in sorted(got - labels)]
        misses += [(path.name, "missed", text[s:e]) for s, e, _ in sorted(labels - got)]
    return right / found, right / wanted, misses


@pytest.mark.parametrize("folder", ["tune", "heldout", "real"])
def test_precision_and_recall_are_at_least_0_9(folder):
    precision, recall, misses = score(folder)
    print(f"{folder}: precision {precision:.2f}, recall {recall:.2f}; {misses}")
    assert precision >= 0.9 and recall >= 0.9, misses


def test_what_is_never_a_figure():
    text = (
        "The A-10 and Su-30 of World War II[4][a][citation needed] flew in the G20's 20th year, Flight 9268. "
        "(Image 1 of 5) At 10:30 they left."
    )
    assert [f.text for f in find_figures(text)] == []
    assert [f.text for f in find_figures("In the report, 5 of 7 trucks burned (Image 2 of 4).")] == ["5", "7"]


def test_each_spelling_of_an_amount_range_fraction_and_count():
    text = (
        "It made US$3 million per day, USD 5, €40 billion, 12 dollars, 34,000-40,000 bpd at US$20–45, "
        "between 20 and 45 people, 2/3rds and two-thirds of it, half of the income, nine months, "
        "three days, one oil field, a dozen trucks and 45% on 21 October 2015."
    )
    found = [(f.text, f.kind) for f in find_figures(text)]
    assert found == [
        ("US$3 million", "amount"),
        ("USD 5", "amount"),
        ("€40 billion", "amount"),
        ("12 dollars", "amount"),
        ("34,000-40,000", "range"),
        ("US$20–45", "amount"),
        ("between 20 and 45", "range"),
        ("2/3rds", "fraction"),
        ("two-thirds", "fraction"),
        ("half", "fraction"),
        ("nine", "count"),
        ("three", "count"),
        ("one", "count"),
        ("a dozen", "count"),
        ("45%", "percentage"),
        ("21 October 2015", "date"),
    ]
    assert find_figures(text)[0].suggestion == "US$3 million per day"


def test_a_figure_never_spans_a_line_break():
    text = "They spent 5\u2028percent and 7\nmillion."
    assert [f.text for f in find_figures(text)] == ["5", "7"]
