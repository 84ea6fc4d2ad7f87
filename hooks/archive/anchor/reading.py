"""The words of an article as a reader sees them, and where each claim stands in them.

For a `text` article that is the archived text itself. For a `markdown` article it
is the text of the rendered Markdown (no `**`, link addresses or list marks), taken
from the HTML the page shows, with the claim markers (markers.py) telling where each
quote stands. Blocks are separated by a blank line, so paragraph breaks stay visible.

claimReviewed (claimreview) and the TextQuoteSelector's prefix and suffix
(annotations) are cut from this text; character offsets of the archived text
(TextPositionSelector, start/end in the JSON) stay those of the body.
"""

from __future__ import annotations

import re

from ..load.safe_markdown import plain_text
from ..model import Article
from .markers import CLAIM_MARKS

_BLOCK_EDGE = re.compile(r"</?(?:p|li|h[1-6]|blockquote|pre|ul|ol|tr|table|div|hr)\b[^>]*>", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)


def reading_text(article: Article) -> tuple[str, list[tuple[int, int]]]:
    """(text, [(start, end) of each claim, in article.claims order])."""
    if article.format != "markdown":
        return article.body, [(c.start, c.end) for c in article.claims]
    source = plain_text(_BLOCK_EDGE.sub("\n\n", _BREAK.sub("\n", article.markdown_html)))
    out, spans, position, open_at = [], {}, 0, []
    length = 0
    for match in CLAIM_MARKS.finditer(source):
        piece = source[position : match.start()]
        out.append(piece)
        length += len(piece)
        if match.group(1) is not None:
            open_at.append((int(match.group(1)), length))
        else:
            index, start = open_at.pop()
            spans[index] = (start, length)
        position = match.end()
    out.append(source[position:])
    text = "".join(out)
    return text, [spans.get(i, (c.start, c.end)) for i, c in enumerate(article.claims)]
