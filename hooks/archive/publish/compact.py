"""Pages without the theme's indentation: the same markup, lighter.

Material's templates are indented and leave blank lines where a block is switched off: about
5 KB of an article page's 15 KB of theme (measured at 1,000 articles; see Performance, Site
size), on each of the thousands of pages. Every run of line breaks and indentation in the theme's
part of a page becomes one line break, which a browser reads as the same white space. The page's
content (the archived text, the notes, a hand-written page's code blocks) is left exactly as it is.
"""

from __future__ import annotations

import re

_BLANK = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def squeeze(output: str, content: str) -> str:
    """output, the theme's white space squeezed everywhere but in `content` (the page's own HTML)."""
    before, found, after = output.partition(content) if content else (output, "", "")
    if content and not found:  # the theme changed the content: nothing is touched
        return output
    return f"{_BLANK.sub(chr(10), before)}{content}{_BLANK.sub(chr(10), after)}"
