"""Problems of a file's shape: blocks, lists and keys where they belong."""

from __future__ import annotations

from .message import Message

MESSAGES = [
    Message(
        "no-front-matter",
        "does not start with a front matter line '---'",
        "articles begin with '---', the fields, then '---'",
        "An article starts with its front matter block. Import raw texts with `python -m hooks import`.",
        {},
    ),
    Message(
        "front-matter-unclosed",
        "front matter is never closed",
        "add a line '---' after the fields",
        "The front matter has no closing `---` line, so the text cannot be told from the fields.",
        {},
    ),
    Message(
        "front-matter-empty",
        "front matter is empty",
        "give at least title, outlet, archived and sha256",
        "The front matter block has no fields.",
        {},
    ),
    Message(
        "not-a-block",
        "{what} must be a block of 'key: value' lines",
        "see the Content format page",
        "A claim, a claimant or the front matter must be a YAML mapping.",
        {"what": "the claim"},
    ),
    Message(
        "sidecar-not-a-block",
        "must be a block with `claims:` (and optionally `claimants:`)",
        "see the Content format page",
        "The claims file's top level is a mapping with `claims:`.",
        {},
    ),
    Message(
        "claims-not-a-list",
        "claims must be a list of claims, each starting with '- id:'",
        "see the Content format page",
        "`claims:` holds a list.",
        {},
    ),
    Message(
        "dismissed-not-a-list",
        "dismissed must be a list, each entry starting with '- quote:'",
        'write `dismissed: [{{quote: "...", reason: ...}}]` (see the Content format page)',
        "`dismissed:` lists the figures found in the text that are no claim.",
        {},
    ),
    Message(
        "claimants-not-a-block",
        "claimants must be a block of `id: {{name: ..., kind: ...}}`",
        "see the Content format page",
        "The claimant registry (and `claimants:` in a claims file) maps ids to claimants.",
        {},
    ),
    Message(
        "unknown-key",
        'unknown key "{key}" in {what}',
        "{hint}",
        "A key the format does not know: usually a typo. The fix names the nearest valid key.",
        {"key": "noet", "what": "the claim", "hint": 'did you mean "note"?'},
    ),
    Message(
        "missing-key",
        "{what} is missing the required key {key}",
        "add `{key}:`",
        "A required field is absent (see the Content format page for which are required).",
        {"what": "the claim", "key": "status"},
    ),
]
