"""Rendering: every piece of HTML the archive makes (article pages, generated pages, tables)."""
