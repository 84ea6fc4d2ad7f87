"""Every problem the archive can report: its wording, its fix, and what it means, a module per kind.

Code reports problems by code only (`problems.add(path, line, "quote-not-found", ...)`),
so this table is the whole list. The site's "Error messages" page is generated
from it, and a test checks that every code is reachable, so the page cannot drift
from what the build prints.
"""

from __future__ import annotations

from . import fields, files, links, references, structure, yaml
from .message import Message

MESSAGES: dict[str, Message] = {
    m.code: m for group in (files, yaml, structure, fields, references, links) for m in group.MESSAGES
}


def render(code: str, values: dict) -> tuple[str, str]:
    """The problem's text and its fix, for a code and its values."""
    message = MESSAGES[code]
    return message.what.format(**values), message.fix.format(**values)
