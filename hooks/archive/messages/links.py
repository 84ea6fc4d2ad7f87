"""Problems and suggestions of claims shared across articles (`same-as:`, `distinct-from:`)."""

from __future__ import annotations

from .message import Message

MESSAGES = [
    Message(
        "bad-claim-ref",
        '{name} "{value}" does not name a claim',
        "write the article's path under docs/articles/ without .md, '#' and the claim's id, "
        "e.g. 2015/some-article#tanker-trucks",
        "A claim of another article is named as its permalink is: the article's path and the claim's id.",
        {"name": "same-as", "value": "2015/some-article.md"},
    ),
    Message(
        "unknown-claim-ref",
        '{name} "{value}" is not a claim of the archive',
        "{hint} — copy the path and id from the claim's permalink (ARTICLE.html#claim-ID)",
        "The claim linked to does not exist: the article or the claim id is misspelt, or the claim was removed.",
        {"name": "same-as", "value": "2015/russia-has-battered#lost-revenu", "hint": 'did you mean "lost-revenue"?'},
    ),
    Message(
        "two-verdicts",
        "{key} is given here and this claim is linked with same-as",
        "a shared claim has one verdict, held by the claim it is the same as: move {key} there, or remove same-as",
        "Two verdicts for one claim could disagree; the claim at the end of the same-as links holds status, "
        "evidence and checked for every article that carries it. Say what this article adds in its note.",
        {"key": "status"},
    ),
    Message(
        "same-as-cycle",
        "same-as links form a cycle: {chain}",
        "remove same-as from the claim that should hold the verdict (usually the first appearance)",
        "Links must end at a claim without same-as, which holds the verdict.",
        {"chain": "2015/a#x → 2015/b#x → 2015/a#x"},
    ),
]

# Not problems: `check` lists them and builds all the same (suggest.py).
SUGGESTIONS = {
    "maybe-same-claim": Message(
        "maybe-same-claim",
        'may be the same claim as {other} ("{quote}", {why})',
        "if it is, add `same-as: {other}` to this claim (its status, evidence and checked go); "
        "if not, add `distinct-from: [{other}]`",
        "Claims of two articles with the same figure or near-identical words, close in time, not yet linked.",
        {"other": "2015/some-article#tanker-trucks", "quote": "525 oil tanker trucks", "why": "same figure: 525"},
    ),
}
