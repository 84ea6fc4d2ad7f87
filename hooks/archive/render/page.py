"""The page record: what the archive tells the engine about each page it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Page:
    src: str  # the page's source path in docs/ (articles/2015/x.md), though no such file need exist
    title: str
    html: Callable[[], str]  # made only when the page is rendered, so thousands are never held at once
    in_nav: bool = False
    # Lists repeat what article pages say: only a few generated pages go into the archive's
    # search index (export/search_index.py), beside every article.
    searchable: bool = False
    meta: dict = field(default_factory=dict)  # for the theme (Material reads `hide` and `search`)
    # What the preview (hooks/archive/preview/) needs to tell which pages an edit changes: the list
    # the page is a part of (its title), the rows it shows, and whether it shows archive-wide counts.
    family: str = ""
    rows: list = field(default_factory=list)
    counts: bool = False
    # The part of the content (one piece of it, before the pager) that holds those counts, where
    # the rest stays the same while the rows do: the preview replaces it alone in the page.
    head: Callable[[], str] | None = None
