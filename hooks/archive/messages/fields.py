"""Problems of one field's value."""

from __future__ import annotations

from .message import Message

MESSAGES = [
    Message(
        "not-text",
        "{name} must be text",
        "write {name}: followed by the text",
        "The field holds a list, a block, true/false or nothing where text is due.",
        {"name": "title"},
    ),
    Message(
        "number-not-text",
        "{name} must be text, but YAML read it as the number {value}",
        'put it in quotes: {name}: "{value}"',
        "YAML reads `quote: 525` as a number (and `0525` as 525), which would change the words; quote it.",
        {"name": "quote", "value": 525},
    ),
    Message(
        "empty-value",
        "{name} is empty",
        "give {name} a value",
        "The field is present but blank.",
        {"name": "note"},
    ),
    Message(
        "invisible-characters",
        "{name} contains invisible character(s) {characters}",
        "retype it without zero-width or direction-control characters",
        "Zero-width and direction-control characters make text that looks the same match differently "
        "(or look different from what it is).",
        {"name": "quote", "characters": "U+200B"},
    ),
    Message(
        "control-characters",
        "{name} contains control character(s) {characters}",
        "retype it without them (tabs and line feeds are fine)",
        "Control characters (NUL, ESC, DEL, the C1 range) are never text: in a terminal, a spreadsheet "
        "or a feed they act as commands or break the file.",
        {"name": "title", "characters": "U+001B"},
    ),
    Message(
        "invalid-id",
        '{name} "{value}" is not a valid id{extra}',
        "{hint}",
        "Ids (claims, claimants, statuses) use lowercase letters, digits and '-' only.",
        {
            "name": "id",
            "value": "Tanker_Trucks",
            "extra": "",
            "hint": "use only lowercase letters, digits and '-', e.g. \"tanker-trucks\"",
        },
    ),
    Message(
        "id-too-long",
        '{name} "{value}" is {length} characters long, over the {limit} an id may have',
        "shorten it",
        "An id names a page of the site (claimants/ID.html, a shared claim's page) and an address "
        "(#claim-ID): file systems refuse names over 255 bytes, and a reader cites the address.",
        {"name": "id", "value": "tanker-trucks-destroyed-by-russian-aircra…-this-week", "length": 120, "limit": 100},
    ),
    Message(
        "published-after-archived",
        "published {published} is after archived {archived}",
        "check both dates: a text is archived on or after the day it was published",
        "An archived copy cannot predate its original; a future date would also sort the article first "
        "everywhere and date its claims wrongly.",
        {"published": "2099-05-05", "archived": "2026-11-24"},
    ),
    Message(
        "not-a-date",
        '{name} "{value}" is not a date',
        "write it as YYYY-MM-DD, e.g. 2015-11-20",
        "Dates are ISO dates.",
        {"name": "published", "value": "20/11/2015"},
    ),
    Message(
        "impossible-date",
        '{name} "{value}" is not a real date',
        "check the month and day",
        "The date has the right shape but no such day exists.",
        {"name": "said", "value": "2015-02-30"},
    ),
    Message(
        "bad-url",
        '{name} "{value}" is not an http(s) address',
        "give a full address starting with https:// or http://",
        "Addresses must be absolute http or https URLs: `javascript:`, `data:`, `file:` and relative "
        "addresses are refused.",
        {"name": "url", "value": "javascript:alert(1)"},
    ),
    Message(
        "url-spaces",
        '{name} "{value}" contains spaces or invisible characters',
        "remove them",
        "An address with spaces or invisible characters is broken or deceptive.",
        {"name": "url", "value": "https://example.org/a b"},
    ),
    Message(
        "bad-sha256",
        "{name} is not a SHA-256 (64 hex digits)",
        "run `python -m hooks check` to see the right one",
        "The sha256 field must be the 64-hex-digit hash of the text.",
        {"name": "sha256"},
    ),
    Message(
        "not-positive-int",
        "{name} must be a whole number from 1",
        "e.g. {name}: 2",
        "Occurrences count from 1.",
        {"name": "occurrence"},
    ),
    Message(
        "not-a-number",
        '{name} "{value}" is not a number',
        "write digits only, without thousands separators or units, e.g. 60000 or 1.5e6",
        "A structured figure's value is a plain number.",
        {"name": "figure.value", "value": "60,000"},
    ),
    Message(
        "not-a-list",
        "{name} must be a list",
        "write {name}: [first, second]",
        "The field holds several values.",
        {"name": "via"},
    ),
    Message(
        "not-one-of",
        '{name} "{value}" is not one of the {what}',
        "{hint}",
        "The field takes one of a fixed set of values.",
        {"name": "kind", "value": "company", "what": "kinds", "hint": "valid kinds: organisation, outlet, person"},
    ),
]
