"""Pages without the theme's indentation: the same markup, lighter.

Material's templates are indented and leave blank lines where a block is switched off: about
5 KB of an article page's 15 KB of theme (measured at 1,000 articles; see Performance, Site
size), on each of the thousands of pages. Every run of line breaks and indentation in the theme's
part of a page becomes one line break, which a browser reads as the same white space. The page's
content (the archived text, the notes, a hand-written page's code blocks) is left exactly as it is.
"""

from __future__ import annotations

import re

_BLANK = re.compile(r"\n[\n \t]*")  # a line break, and every line break, space and tab after it
_PROBE = 64  # characters of the content looked for first: a long needle costs its whole length to set up


def split(output: str, content: str) -> tuple[str, str] | None:
    """(the theme's part of the page before `content`, its part after it), at content's first
    occurrence (as str.partition finds it); None when the theme changed the content."""
    if not content:
        return output, ""
    probe = content[:_PROBE]
    at = output.find(probe)
    while at != -1 and not output.startswith(content, at):
        at = output.find(probe, at + 1)
    if at == -1:
        return None
    return output[:at], output[at + len(content) :]


def squeeze(theme: str) -> str:
    """A part of the theme's HTML, each run of line breaks and indentation one line break."""
    return _BLANK.sub("\n", theme)
