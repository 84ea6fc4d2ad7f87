"""The verification status vocabulary: defaults, overridable from mkdocs.yml.

In mkdocs.yml, `extra: archive: statuses:` changes a status's fields, adds a
status, or removes one (`false: null`; config.py reads them). Each status has a label and a colour;
the symbol keeps status readable without colour, and the rating is the
ClaimReview number (5 best, 1 worst).
"""

from __future__ import annotations

import re

from . import messages
from .load import fields as checks
from .load.fields import ID_PATTERN, MAX_ID_LENGTH
from .model import Status

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
_NEW_STATUS = {"symbol": "•", "rating": 3, "description": ""}


def build_statuses(overrides, source, line: int | None = None) -> dict[str, Status]:
    """The defaults with mkdocs.yml's changes (overrides: the `statuses:` mapping, at line);
    a wrong change is reported to source (mkdocs.yml) and the default kept."""
    merged = {key: dict(value) for key, value in DEFAULTS.items()}

    def problem(text, at=line):
        source.problem(at, "bad-status-config", problem=text)

    if overrides is not None and not isinstance(overrides, dict):
        problem("it must be a mapping of status ids")
        overrides = {}
    for status_id, fields in (overrides or {}).items():
        at = overrides.key_lines.get(status_id, line)
        if fields is None:
            merged.pop(status_id, None)
            continue
        if not ID_PATTERN.match(status_id) or len(status_id) > MAX_ID_LENGTH or not isinstance(fields, dict):
            problem(f'"{status_id}" must be an id ([a-z0-9-]+, at most {MAX_ID_LENGTH}) with fields', at)
            continue
        candidate = {**merged.get(status_id, _NEW_STATUS), **fields}
        wrong = _wrong(status_id, candidate, fields)
        if wrong:
            problem(wrong, at)
            continue
        merged[status_id] = candidate
    return {
        status_id: Status(
            id=status_id,
            label=str(fields["label"]),
            colour=str(fields["colour"]),
            symbol=str(fields["symbol"]),
            rating=fields["rating"],
            description=str(fields["description"]),
        )
        for status_id, fields in merged.items()
    }


def _wrong(status_id: str, candidate: dict, given: dict) -> str | None:
    unknown = [key for key in given if key not in _FIELDS]
    if unknown:
        return f'"{status_id}" has unknown field(s) {", ".join(map(str, unknown))}; use {", ".join(_FIELDS)}'
    if not isinstance(candidate.get("label"), str) or not candidate["label"].strip():
        return f'"{status_id}" needs a label'
    # Shown on every page and read out as the status: visible text, a symbol too (a status is never
    # told by colour alone).
    for name, check in (("label", checks.visible_text), ("symbol", checks.visible_text), ("description", checks.text)):
        value = candidate.get(name)
        if name == "description" and value == "":
            continue  # a new status's default: none
        try:
            check(value, f"its {name}")
        except checks.FieldError as error:
            what, fix = messages.render(error.code, error.values)
            return f'"{status_id}": {what}; {fix}'
    if not _COLOUR.match(str(candidate.get("colour", ""))):
        return f'"{status_id}" colour "{candidate.get("colour", "")}" is not a colour like "#1b6e20"'
    rating = candidate.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        return f'"{status_id}" rating must be a whole number from 1 (worst) to 5 (best)'
    return None
