"""The editors' claim-from-a-selection tool of `mkdocs serve`: never in a built site.

Under the preview only (build.ArchiveBuild.preview_page), an article page of the `text` format
carries its anchoring data as JSON (the archived text, its paragraphs, the figures figures.py finds
with their values, the ids its claims file already uses, the statuses and claimants) and loads
selection.js, which turns the words an editor selects into the YAML block of a claim. The JSON is a
data block, never run, with `<`, `>` and `&` escaped so that no text of the article can close it;
the script builds its panel with textContent. Its offsets are UTF-16 code units (a JavaScript
string's), and its quote matching repeats anchor/quotes.py's, which the Chromium test checks
against `python -m hooks check`.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from .. import urls
from ..anchor.quotes import paragraphs
from ..anchor.values import unit_ends, value_and_prefix
from ..messages import render
from ..model import Archive, Article
from .html import attr

SCRIPT = urls.SELECTION_SCRIPT
STYLE = urls.SELECTION_STYLE
_HERE = Path(__file__).parent
DATA_ID = "na-selection-data"
MAX_CLAIMANTS = 12  # named in the claimant hint; the registry may hold hundreds
# Every id a claims file uses, commented-out skeleton entries included: uncommented later, they would clash.
_ID_LINE = re.compile(r"""[ \t]*(?:#[ \t]*)?(?:-[ \t]*)?id:[ \t]*["']?([a-z0-9-]+)""")


def preview_files() -> list[tuple[str, str]]:
    """(site path, text) of the tool's script and style: written by the preview's build only."""
    return [
        (SCRIPT, (_HERE / "selection.js").read_text("utf-8")),
        (STYLE, (_HERE / "selection.css").read_text("utf-8")),
    ]


def _utf16(body: str):
    """Offsets of body as UTF-16 code units: a JavaScript string's indices."""
    if body.isascii() or len(body.encode("utf-16-le")) == 2 * len(body):
        return lambda i: i
    ends = [0, *itertools.accumulate(2 if c > "\uffff" else 1 for c in body)]
    return ends.__getitem__


def _yaml_number(value: int | float) -> str:
    """The value as YAML reads it back as a number: a float's exponent needs a point before it
    (PyYAML takes "1e+21" for text) and a JavaScript number would print large integers so."""
    if isinstance(value, int):
        return str(value)
    shown = repr(value)
    mantissa, e, exponent = shown.partition("e")
    return f"{mantissa}.0e{exponent}" if e and "." not in mantissa else shown


def _message(code: str, **values) -> str:
    what, fix = render(code, values)
    return f"{what} — {fix}"


def selection_data(archive: Archive, article: Article, sidecar_text: str | None) -> dict | None:
    """What selection.js needs to make a claim of the article's words; None for a Markdown text,
    whose page shows rendered words at other offsets than the body's."""
    if article.format != "text":
        return None
    at = _utf16(article.body)
    ids = {c.id for c in article.claims}
    for line in (sidecar_text or "").splitlines():
        named = _ID_LINE.match(line) if "id:" in line else None  # a claims file is mostly notes
        if named:
            ids.add(named.group(1))
    figures = []
    for figure in article.figures:
        if figure.kind == "date":
            continue
        found = value_and_prefix(figure)
        figures.append(
            {
                "start": at(figure.start),
                "end": at(figure.end),
                "value": _yaml_number(found[0]) if found else None,
                "prefix": found[1] if found else "",
                "units": [[at(end), unit] for end, unit in unit_ends(article.body, figure)],
            }
        )
    claimants = sorted(archive.claimants)
    return {
        "sidecar": "docs/" + (article.sidecar_src or article.stem + ".claims.yml"),
        "body": article.body,
        "paragraphs": [[at(start), at(end)] for start, end in paragraphs(article.body)],
        "ids": sorted(ids),
        "claims": [
            [at(c.start), at(c.end), _message("quote-overlap", other=c.id, other_line=c.line)] for c in article.claims
        ],
        "figures": figures,
        "statuses": list(archive.statuses),
        "claimants": claimants[:MAX_CLAIMANTS],
        "more_claimants": max(0, len(claimants) - MAX_CLAIMANTS),
        "messages": {
            "crosses": _message("quote-crosses-paragraphs"),
            "invisible": _message("invisible-characters", name="quote", characters="{characters}"),
            "control": _message("control-characters", name="quote", characters="{characters}"),
        },
    }


def _json_block(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def with_selection_tool(page: str, archive: Archive, article: Article, sidecar_text: str | None) -> str:
    """The served article page with the tool's data, style and script before </body>."""
    data = selection_data(archive, article, sidecar_text)
    if data is None:
        return page
    tool = (
        f'<link rel="stylesheet" href="{attr(urls.relative(article.src, STYLE))}">'
        f'<script type="application/json" id="{DATA_ID}">{_json_block(data)}</script>'
        f'<script src="{attr(urls.relative(article.src, SCRIPT))}"></script>'
    )
    at = page.rfind("</body>")  # as the theme writes it
    return page + tool if at == -1 else page[:at] + tool + page[at:]
