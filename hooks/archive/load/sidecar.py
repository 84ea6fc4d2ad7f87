"""A claims file (SLUG.claims.yml beside SLUG.md): its shape, and each claim's fields.

Whether a claim's quote stands in the text is anchor/claims.py's job; whether its claimants and
status exist is known only once every file is read (assemble.py).
"""

from __future__ import annotations

from ..problems import Problem, did_you_mean
from . import fields, safe_markdown
from .source import Source, check_fields


def read_sidecar(source: Source):
    """(its `claimants:` block, its claims (a list) or None, its dismissals (a list) or None,
    problems to report after the claimants are merged)."""
    read = source.read_text(may_be_empty=True)
    if read is None:
        return None, None, None, []
    data = source.yaml(read[1])
    if data is None:
        return None, None, None, []  # an empty sidecar (or only comments): no claims yet
    if not isinstance(data, dict):
        source.problem(getattr(data, "line", 1), "sidecar-not-a-block")
        return None, None, None, []
    for key in data:
        if key not in fields.SIDECAR:
            hint = did_you_mean(key, fields.SIDECAR, "keys")
            source.problem(data.key_lines.get(key), "unknown-key", key=key, what="the claims file", hint=hint)
    dismissed = data.get("dismissed")
    if dismissed is not None and not isinstance(dismissed, list):
        source.problem(data.key_lines.get("dismissed"), "dismissed-not-a-list")
        dismissed = None
    claims = data.get("claims")
    if claims is not None and not isinstance(claims, list):
        # Reported after the file's claimants are merged, as it always was.
        problem = Problem(source.shown, data.key_lines.get("claims"), "claims-not-a-list")
        return data.get("claimants"), None, dismissed, [problem]
    return data.get("claimants"), claims, dismissed, []


def claim_fields(source: Source, block, line: int, seen_ids: dict) -> tuple[dict, bool]:
    """A claim's fields that are right, and whether all are, after reporting what is wrong (a
    duplicate id included)."""
    claim_id = block.get("id") if isinstance(block, dict) and isinstance(block.get("id"), str) else None
    linked = isinstance(block, dict) and block.get("same-as") is not None
    table = fields.LINKED_CLAIM if linked else fields.CLAIM
    clean, ok = check_fields(source, block, table, "the claim", claim_id, line)
    if linked:
        for key in fields.VERDICT_KEYS:
            if block.get(key) is not None:
                # One claim, one verdict: held where it is linked to, never in two places that could disagree.
                source.problem(block.key_lines.get(key, block.line), "two-verdicts", claim_id, key=key)
                ok = False
    if not ok:
        return clean, False
    claim_id = clean["id"]
    if claim_id in seen_ids:
        source.problem(block.key_lines.get("id", block.line), "duplicate-id", claim_id, first=seen_ids[claim_id])
        return clean, False
    seen_ids[claim_id] = block.line
    return clean, True


def note_html(source: Source, block, clean: dict, markdown: safe_markdown.InertMarkdown) -> str | None:
    """The claim's note rendered inert, or None after reporting a forbidden link in it."""
    note, line = clean["note"], block.key_lines.get("note", block.line)
    if len(note) > safe_markdown.MAX_NOTE_CHARS:
        source.problem(line, "note-too-long", clean["id"], length=len(note), limit=safe_markdown.MAX_NOTE_CHARS)
        return None
    if safe_markdown.markdown_cost(note) > safe_markdown.NOTE_COST:
        source.problem(line, "markdown-too-complex", clean["id"], what="the note")
        return None
    html, unsafe = markdown.note_html(note)
    if unsafe:
        source.problem(block.key_lines.get("note", block.line), "forbidden-link", clean["id"], value=unsafe[0])
        return None
    return html
