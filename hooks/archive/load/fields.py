"""Checks for the fields of the content format (front matter, claims, claimants).

Each checker takes a raw YAML value and returns the clean value, or raises
FieldError with what is wrong and how to fix it. The field tables at the bottom
are the content format's schema; docs/format.md documents the same fields.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from urllib.parse import urlsplit

from ..problems import did_you_mean

ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
# An id names a page (claimants/ID.html, shared/…/ID.html, statuses/ID.html) and an address (#claim-ID):
# well under the 255 bytes of a file name, and short enough to cite.
MAX_ID_LENGTH = 100
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}\Z")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Another article's claim: its path under docs/articles/ without .md, '#', the claim's id (2015/slug#tanker-trucks).
CLAIM_REF_PATTERN = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_.-]+)*#[a-z0-9-]+\Z")


class FieldError(Exception):
    """A field's problem: a messages.py code and its values."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        super().__init__(code)


# Control characters (C0 but tab and line feed, DEL, C1): NUL, ESC and the like reach terminals,
# spreadsheets and feeds as commands. Direction controls that open an embedding, override or
# isolate (U+202A-U+202E, U+2066-U+2069): left unclosed in a name, they reverse what follows it
# on the page (the rest of a relay chain). Both are refused in every field.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _codes(characters) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in sorted(set(characters)))


def invisible_characters(text: str) -> list[str]:
    """Zero-width, bidi-control and other format characters (Unicode category Cf)."""
    if text.isascii():  # no format character is ASCII; most quotes and every id are
        return []
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cf"})


def text(value, name: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise FieldError("not-text", name=name)
    if not isinstance(value, str):
        raise FieldError("number-not-text", name=name, value=value)
    if not value.strip():
        raise FieldError("empty-value", name=name)
    if not value.isascii() or not value.isprintable():
        control = _CONTROL.findall(value)
        if control:
            raise FieldError("control-characters", name=name, characters=_codes(control))
        bidi = _BIDI_CONTROL.findall(value)
        if bidi:
            raise FieldError("invisible-characters", name=name, characters=_codes(bidi))
    return value.strip()


def visible_text(value, name: str) -> str:
    """Text that must match or name something exactly: no invisible characters."""
    value = text(value, name)
    hidden = invisible_characters(value)
    if hidden:
        raise FieldError("invisible-characters", name=name, characters=", ".join(hidden))
    return value


def identifier(value, name: str) -> str:
    if isinstance(value, bool):  # `status: false` means the status "false", not YAML's boolean
        value = "true" if value else "false"
    elif isinstance(value, int):
        value = getattr(value, "text", str(value))  # as written (yamlsafe.YamlInt): `007` is "007"
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        shown = value if isinstance(value, str) else repr(value)
        hidden = invisible_characters(shown)
        extra = f" (it contains invisible {', '.join(hidden)})" if hidden else ""
        suggestion = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", shown.lower())).strip("-")
        hint = "use only lowercase letters, digits and '-'" + (f', e.g. "{suggestion}"' if suggestion else "")
        raise FieldError("invalid-id", name=name, value=shown, extra=extra, hint=hint)
    if len(value) > MAX_ID_LENGTH:
        shown = value[:40] + "…" + value[-10:]
        raise FieldError("id-too-long", name=name, value=shown, length=len(value), limit=MAX_ID_LENGTH)
    return value


def date(value, name: str) -> datetime.date:
    if isinstance(value, str) and DATE_PATTERN.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise FieldError("impossible-date", name=name, value=value) from None
    raise FieldError("not-a-date", name=name, value=str(value))


def url(value, name: str) -> str:
    value = text(value, name)
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FieldError("bad-url", name=name, value=value)
    if any(c.isspace() for c in value) or invisible_characters(value):
        raise FieldError("url-spaces", name=name, value=value)
    return value


def claim_ref(value, name: str) -> str:
    """YEAR/SLUG#ID: a claim of another article (whether it exists is known once every file is read)."""
    value = text(value, name)
    if not CLAIM_REF_PATTERN.match(value) or ".." in value.split("#")[0].split("/") or value.endswith(".md"):
        raise FieldError("bad-claim-ref", name=name, value=value)
    return value


def sha256(value, name: str) -> str:
    if not isinstance(value, str) or not SHA256_PATTERN.match(value.strip().lower()):
        raise FieldError("bad-sha256", name=name)
    return value.strip().lower()


def positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError("not-positive-int", name=name)
    return value


def number(value, name: str):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FieldError("not-a-number", name=name, value=value)
    return int(value) if isinstance(value, int) else value


def one_of(choices, what):
    def check(value, name):
        if value not in choices:
            raise FieldError("not-one-of", name=name, value=value, what=what, hint=did_you_mean(value, choices, what))
        return value

    return check


def list_of(item_check):
    def check(value, name):
        if value is None:
            return []
        if isinstance(value, dict):
            raise FieldError("not-a-list", name=name)
        if not isinstance(value, list):
            value = [value]  # `via: russian-mod` means a chain of one
        return [item_check(item, f"{name}[{i + 1}]") for i, item in enumerate(value)]

    return check


def mapping(fields: dict):
    """A nested block such as source: {title, url}."""

    def check(value, name):
        if not isinstance(value, dict):
            raise FieldError("not-a-block", what=name)
        for key in value:
            if key not in fields:
                raise FieldError("unknown-key", key=key, what=name, hint=did_you_mean(key, fields, "keys"))
        clean = {}
        for key, (checker, required) in fields.items():
            if value.get(key) is None:
                if required:
                    raise FieldError("missing-key", what=name, key=key)
                continue
            clean[key] = checker(value[key], f"{name}.{key}")
        return clean

    return check


LINK = mapping({"title": (text, True), "url": (url, False)})
FIGURE = mapping({"value": (number, True), "unit": (text, False)})

# name: (checker, required). Statuses and claimant ids are checked against the
# registry after loading, since they can be defined in other files.
FRONT_MATTER = {
    "title": (text, True),
    "outlet": (text, True),
    "published": (date, False),
    "url": (url, False),
    "archived": (date, True),
    "sha256": (sha256, True),
    "format": (one_of(("text", "markdown"), "formats"), False),
    # An openly licensed text: its licence, and the attribution it asks for (shown in the page's header).
    "licence": (LINK, False),
    "attribution": (text, False),
}

CLAIM = {
    "id": (identifier, True),
    "quote": (visible_text, True),
    "occurrence": (positive_int, False),
    "claimant": (identifier, True),
    "via": (list_of(identifier), False),
    "said": (date, False),
    "source": (LINK, False),
    "figure": (FIGURE, False),
    "status": (identifier, True),
    "note": (text, True),
    "evidence": (list_of(LINK), False),
    "checked": (date, False),
    # The same claim in another article (docs/format.md, "One claim in many articles"): the
    # verdict (status, evidence, checked) is held once, on the claim linked to.
    "same-as": (claim_ref, False),
    "distinct-from": (list_of(claim_ref), False),
}
# A claim linked with same-as: the same fields, its status held by the claim it is the same as.
LINKED_CLAIM = {**CLAIM, "status": (identifier, False)}
VERDICT_KEYS = ("status", "evidence", "checked")

CLAIMANT = {
    "name": (text, True),
    "role": (text, False),
    "kind": (one_of(("person", "organisation", "outlet"), "kinds"), True),
    "affiliation": (identifier, False),
    "url": (url, False),
}

# A figure the detector found that is no claim (anchor/figures.py): `dismissed:` in a claims file.
DISMISSAL = {
    "quote": (visible_text, True),
    "occurrence": (positive_int, False),
    "reason": (text, True),
}

SIDECAR = ("claimants", "claims", "dismissed")
