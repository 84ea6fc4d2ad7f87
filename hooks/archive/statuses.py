"""The verification status vocabulary: defaults, overridable from mkdocs.yml.

In mkdocs.yml, `extra: archive: statuses:` changes a status's fields, adds a
status, or removes one (`false: null`). Each status has a label and a colour;
the symbol keeps status readable without colour, and the rating is the
ClaimReview number (5 best, 1 worst).
"""

from __future__ import annotations

import re

from .model import Status
from .problems import Problems

DEFAULTS = {
    "confirmed": {
        "label": "Confirmed",
        "colour": "#1b6e20",
        "symbol": "✓",
        "rating": 5,
        "description": "Independent evidence shows the figure is accurate as stated.",
    },
    "partly-confirmed": {
        "label": "Partly confirmed",
        "colour": "#4d6b00",
        "symbol": "◐",
        "rating": 4,
        "description": "Part of the claim holds up; another part is unsupported, exaggerated or out of date. "
        "The note says which part is which.",
    },
    "unverified": {
        "label": "Unverified",
        "colour": "#5a5a5a",
        "symbol": "?",
        "rating": 3,
        "description": "No independent source confirms or contradicts the figure yet. "
        "It stands only on the word of the claimant and those who relayed it.",
    },
    "disputed": {
        "label": "Disputed",
        "colour": "#a14900",
        "symbol": "!",
        "rating": 2,
        "description": "Credible sources contradict the figure, or give a very different one, "
        "and the evidence does not settle it.",
    },
    "false": {
        "label": "False",
        "colour": "#b3141c",
        "symbol": "✗",
        "rating": 1,
        "description": "The evidence shows the figure is wrong.",
    },
}

_FIELDS = ("label", "colour", "symbol", "rating", "description")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\Z")
_ID = re.compile(r"[a-z0-9-]+\Z")


def build_statuses(overrides, problems: Problems, where: str = "mkdocs.yml") -> dict[str, Status]:
    merged = {key: dict(value) for key, value in DEFAULTS.items()}
    if overrides is not None and not isinstance(overrides, dict):
        problems.add(where, None, "bad-status-config", problem="it must be a mapping of status ids")
        overrides = {}
    for status_id, fields in (overrides or {}).items():
        status_id = str(status_id)
        if fields is None:
            merged.pop(status_id, None)
            continue
        if not _ID.match(status_id) or not isinstance(fields, dict):
            problems.add(
                where, None, "bad-status-config", problem=f'"{status_id}" must be an id ([a-z0-9-]+) with fields'
            )
            continue
        unknown = [key for key in fields if key not in _FIELDS]
        if unknown:
            problems.add(
                where, None, "bad-status-config", problem=f'"{status_id}" has unknown field(s) {unknown}; use {_FIELDS}'
            )
        merged.setdefault(status_id, {"symbol": "•", "rating": 3, "description": ""}).update(fields)
    statuses = {}
    for status_id, fields in merged.items():
        if not fields.get("label") or not _COLOUR.match(str(fields.get("colour", ""))):
            problems.add(
                where, None, "bad-status-config", problem=f'"{status_id}" needs a label and a colour like "#1b6e20"'
            )
            continue
        statuses[status_id] = Status(
            id=status_id,
            label=str(fields["label"]),
            colour=str(fields["colour"]),
            symbol=str(fields.get("symbol") or "•"),
            rating=int(fields.get("rating") or 3),
            description=str(fields.get("description") or ""),
        )
    return statuses
