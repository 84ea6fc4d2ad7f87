"""`mkdocs serve` in a second: an edit of an article re-renders only the pages it changes.

- `changes`: which saved files an update can take on its own (an article, its claims file, its
  raw text); anything else (a hand-written page, the claimants registry, mkdocs.yml, the theme)
  rebuilds everything, as MkDocs would.
- `session`: the archive kept in memory between builds, the edited articles loaded again alone,
  and the plan: which pages change (the edited article's, and the list pages it stands on).
- `publish`: written only where the bytes change, each file replaced whole; the data files
  brought up to date after the pages.

Nothing here knows about MkDocs: hooks/mkdocs_hooks.py renders the planned pages with the theme.
The Performance page (docs/performance.md) says how it was measured.
"""
