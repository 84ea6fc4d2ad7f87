"""Problems of the YAML in claims files, the registry and front matter."""

from __future__ import annotations

from .message import Message

MESSAGES = [
    Message(
        "yaml-syntax",
        "YAML syntax error, column {column}: {problem}",
        "check indentation, and quote values that contain ': ' or start with a special character",
        "The file is not valid YAML. The line and column point at where the parser gave up; the mistake "
        "is there or just above.",
        {"column": 5, "problem": "expected <block end>, but found '-'"},
    ),
    Message(
        "yaml-escape",
        "YAML syntax error, column {column}: {problem}",
        "write the character itself, or as \\UXXXXXXXX (eight hex digits): YAML takes no surrogate pairs "
        "such as \\ud83d\\ude00",
        "In a double-quoted YAML string a backslash starts an escape: \\n, \\t, \\xXX, \\uXXXX or "
        "\\UXXXXXXXX. A character outside the Basic Multilingual Plane (an emoji) is one \\U escape, "
        "never two \\u halves as in JSON.",
        {"column": 17, "problem": "found invalid Unicode character escape code"},
    ),
    Message(
        "yaml-tag",
        "the YAML tag {tag} is not used in archive files",
        "remove the tag and write the value itself (quote it if it must stay text)",
        "Tags (`!!binary`, `!!python/object`, `!custom`) ask the reader to build something other than text, "
        "a number, a date, a list or a mapping; the archive reads only those, so a tag is refused rather "
        "than silently ignored.",
        {"tag": "!!binary"},
    ),
    Message(
        "yaml-alias",
        "YAML aliases (*name) are not allowed",
        "write the value out in full",
        "Anchors and aliases (`&a`, `*a`) are refused: a few lines of them can expand into gigabytes "
        '(the "billion laughs" attack).',
        {},
    ),
    Message(
        "yaml-nesting",
        "nested more than {depth} levels deep",
        "archive files need only a few levels; check the indentation",
        "Archive files are shallow; deep nesting is either a mistake or an attack on the parser.",
        {"depth": 12},
    ),
    Message(
        "yaml-complex-key",
        "a key must be a plain word",
        "write `key: value`",
        "Keys are simple names; YAML's complex keys (`? [a, b]`) are not used.",
        {},
    ),
    Message(
        "yaml-duplicate-key",
        'key "{key}" appears twice in the same block',
        "keep only one",
        "YAML would silently keep the last value; the archive asks you to choose.",
        {"key": "note"},
    ),
]
