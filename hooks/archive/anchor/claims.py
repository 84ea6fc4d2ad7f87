"""A claims file's quotes anchored in its article: where each stands, in reading order, numbered.

Every problem names the line of the claim's key it is about; nothing fuzzy is ever used (see quotes.py).
"""

from __future__ import annotations

from ..load import fields
from ..load.safe_markdown import InertMarkdown
from ..load.source import Source, check_fields
from ..model import Article, Claim, Dismissal, Link
from . import markers
from .quotes import PARAGRAPH_BREAK, Normalized, lines_of, nearest_passage, occurrences

# The nearest passage is looked for (a search through the whole text) for the first quotes of a
# claims file that are not found, and for quotes of reasonable length; the others get no hint.
MAX_SUGGESTIONS = 20
MAX_SUGGESTED_QUOTE = 300
MAX_PLACES = 10  # the places listed for an ambiguous quote


class Anchoring:
    """An article's text, prepared once for anchoring all of its claims."""

    def __init__(self, article: Article):
        self.article = article
        self.normalized = Normalized(article.body)
        self.missing = 0  # quotes not found so far
        self.paragraph_breaks = (
            [m.start() + 1 for m in PARAGRAPH_BREAK.finditer(article.body)] if article.format == "text" else []
        )

    def span(self, clean: dict, problem) -> tuple[int, int] | None:
        """The claim's [start, end) in the body, or None after reporting why not."""
        quote = clean["quote"]
        found = occurrences(self.normalized, quote)
        occurrence = clean.get("occurrence")
        if not found:
            self.missing += 1
            if self.missing > MAX_SUGGESTIONS or len(quote) > MAX_SUGGESTED_QUOTE:
                hint = ""  # a search per quote of a long text: a file of thousands of near misses would stall
            else:
                guess = nearest_passage(self.normalized, quote)
                hint = f'nearest passage: "{guess}"; ' if guess else ""
            problem("quote", "quote-not-found", quote=quote, hint=hint)
            return None
        if occurrence is not None and occurrence > len(found):
            problem("occurrence", "occurrence-out-of-range", value=occurrence, count=len(found))
            return None
        if occurrence is None and len(found) > 1:
            # Lines of the .md file the editor has open, not of the text alone; counted in one pass.
            first = self.article.body_line - 1
            lines = list(dict.fromkeys(first + line for line in lines_of(self.article.body, found)))
            places = ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines[:MAX_PLACES]))
            if len(lines) > MAX_PLACES:
                places += f" and {len(lines) - MAX_PLACES:,} more"
            file = self.article.src.rsplit("/", 1)[-1]
            problem("quote", "quote-ambiguous", quote=quote, count=len(found), file=file, places=places)
            return None
        span = found[(occurrence or 1) - 1]
        if any(span[0] < b < span[1] for b in self.paragraph_breaks):
            problem("quote", "quote-crosses-paragraphs")
            return None
        return span

    def claim(self, clean: dict, line: int, span: tuple[int, int], note_html: str) -> Claim:
        source = clean.get("source")
        return Claim(
            id=clean["id"],
            quote=clean["quote"],
            claimant=clean["claimant"],
            status=clean.get("status", ""),  # a linked claim's is its verdict holder's (chains.py)
            note=clean["note"],
            line=line,
            occurrence=clean.get("occurrence"),
            via=clean.get("via", []),
            said=clean.get("said"),
            source=Link(**source) if source else None,
            figure=clean.get("figure"),
            evidence=[Link(**e) for e in clean.get("evidence", [])],
            checked=clean.get("checked"),
            start=span[0],
            end=span[1],
            note_html=note_html,
            article=self.article,
            same_as=clean.get("same-as"),
            distinct_from=clean.get("distinct-from", []),
            link_line=line,
        )


def dismissals(source: Source, anchors: Anchoring | None, blocks: list) -> list[Dismissal]:
    """The `dismissed:` entries of a claims file, each anchored and holding at least one figure found."""
    found = []
    for index, block in enumerate(blocks):
        line = blocks.item_lines[index] if hasattr(blocks, "item_lines") else None
        clean, ok = check_fields(source, block, fields.DISMISSAL, "the dismissal", None, line)
        if anchors is None or "quote" not in clean:
            continue

        def problem(key, code, block=block, line=line, **values):
            source.problem(block.key_lines.get(key, line), code, **values)

        span = anchors.span(clean, problem)
        if span is None or not ok:
            continue
        inside = [f for f in anchors.article.figures if span[0] <= f.start and f.end <= span[1]]
        held = [f for f in inside if f.kind != "date"]
        if not held:
            dates = [f.text for f in inside]
            if dates:  # read as a year ("1796 trucks"): dates are never counted, so nothing to dismiss
                problem("quote", "dismissal-holds-a-date", quote=clean["quote"], date=dates[0])
            else:
                problem("quote", "dismissal-holds-no-figure", quote=clean["quote"])
            continue
        found.append(Dismissal(clean["quote"], clean["reason"], block.key_lines.get("quote", line), *span))
    return found


def finish(source: Source, article: Article | None, claims: list[Claim], markdown: InertMarkdown) -> list[Claim]:
    """The claims that anchored, checked together: in reading order, numbered, not overlapping."""
    if article is None:
        return []
    claims.sort(key=lambda c: c.start)
    for before, after in zip(claims, claims[1:], strict=False):
        if after.start < before.end:
            source.problem(after.line, "quote-overlap", after.id, other=before.id, other_line=before.line)
    for dismissal in article.dismissals:  # a figure is a claim or no claim, never both
        for claim in claims:
            if claim.start < dismissal.end and dismissal.start < claim.end:
                source.problem(dismissal.line, "dismissed-claim", quote=dismissal.quote, other=claim.id)
    for number, claim in enumerate(claims, 1):
        claim.number = number
    if article.format == "markdown":
        _check_markdown(source, article, claims, markdown)
    return claims


def render_markdown(article: Article, markdown: InertMarkdown) -> None:
    """An archived Markdown text's HTML, a marker around each of its claims' quotes (markers.py)."""
    article.markdown_html = markdown.block_html(markers.marked_markdown(article))


def _check_markdown(source: Source, article: Article, claims: list[Claim], markdown: InertMarkdown) -> None:
    """Render an archived Markdown text once, and refuse quotes its markup would split."""
    article.claims = claims
    render_markdown(article, markdown)
    for index, code in markers.markdown_claims_problem(article.markdown_html, len(claims)).items():
        claim = claims[index]
        source.problem(claim.line, code, claim.id)
