"""Checks for the fields of the content format (front matter, claims, claimants).

Each checker takes a raw YAML value and returns the clean value, or raises
FieldError with what is wrong and how to fix it. The field tables at the bottom
are the content format's schema; docs/format.md documents the same fields.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from urllib.parse import urlsplit

from .problems import did_you_mean

ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}\Z")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class FieldError(Exception):
    def __init__(self, what: str, fix: str = ""):
        self.what = what
        self.fix = fix
        super().__init__(what)


def invisible_characters(text: str) -> list[str]:
    """Zero-width, bidi-control and other format characters (Unicode category Cf)."""
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cf"})


def text(value, name: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise FieldError(f"{name} must be text", f"write {name}: followed by the text")
    if not isinstance(value, str):
        raise FieldError(
            f"{name} must be text, but YAML read it as the number {value!r}",
            f'put it in quotes: {name}: "{value}"',
        )
    if not value.strip():
        raise FieldError(f"{name} is empty", f"give {name} a value")
    return value.strip()


def visible_text(value, name: str) -> str:
    """Text that must match or name something exactly: no invisible characters."""
    value = text(value, name)
    hidden = invisible_characters(value)
    if hidden:
        raise FieldError(
            f"{name} contains invisible character(s) {', '.join(hidden)}",
            "retype it without zero-width or direction-control characters",
        )
    return value


def identifier(value, name: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        shown = value if isinstance(value, str) else repr(value)
        hidden = invisible_characters(shown) if isinstance(shown, str) else []
        extra = f" (it contains invisible {', '.join(hidden)})" if hidden else ""
        suggestion = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", str(shown).lower())).strip("-")
        fix = "use only lowercase letters, digits and '-'"
        if suggestion:
            fix += f', e.g. "{suggestion}"'
        raise FieldError(f'{name} "{shown}" is not a valid id{extra}', fix)
    return value


def date(value, name: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    shown = str(value)
    if isinstance(value, str) and DATE_PATTERN.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(f'{name} "{shown}" is not a real date', "check the month and day") from None
    raise FieldError(f'{name} "{shown}" is not a date', "write it as YYYY-MM-DD, e.g. 2015-11-20")


def url(value, name: str) -> str:
    value = text(value, name)
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FieldError(
            f'{name} "{value}" is not an http(s) address',
            "give a full address starting with https:// or http://",
        )
    if any(c.isspace() for c in value) or invisible_characters(value):
        raise FieldError(f'{name} "{value}" contains spaces or invisible characters', "remove them")
    return value


def sha256(value, name: str) -> str:
    if not isinstance(value, str) or not SHA256_PATTERN.match(value.strip().lower()):
        raise FieldError(f"{name} is not a SHA-256 (64 hex digits)", "run `python -m hooks check` to see the right one")
    return value.strip().lower()


def positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError(f"{name} must be a whole number from 1", f"e.g. {name}: 2")
    return value


def number(value, name: str):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(
            f'{name} "{value}" is not a number',
            "write digits only, without thousands separators or units, e.g. 60000 or 1.5e6",
        )
    return value


def one_of(choices, what):
    def check(value, name):
        if value not in choices:
            raise FieldError(f'{name} "{value}" is not one of the {what}', did_you_mean(value, choices, what))
        return value

    return check


def list_of(item_check):
    def check(value, name):
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        return [item_check(item, f"{name}[{i + 1}]") for i, item in enumerate(value)]

    return check


def mapping(fields: dict):
    """A nested block such as source: {title, url}."""

    def check(value, name):
        if not isinstance(value, dict):
            raise FieldError(
                f"{name} must be a block with {', '.join(fields)}", f"e.g. {name}: {{title: ..., url: ...}}"
            )
        clean = {}
        for key in value:
            if key not in fields:
                raise FieldError(f'{name} has an unknown key "{key}"', did_you_mean(key, fields, "keys"))
        for key, (checker, required) in fields.items():
            if value.get(key) is None:
                if required:
                    raise FieldError(f"{name} is missing {key}", f"add {key}: to {name}")
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
}

CLAIMANT = {
    "name": (text, True),
    "role": (text, False),
    "kind": (one_of(("person", "organisation", "outlet"), "kinds"), True),
    "affiliation": (identifier, False),
    "url": (url, False),
}

SIDECAR = ("claimants", "claims")
