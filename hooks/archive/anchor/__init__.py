"""Anchoring: where each claim's quote and each figure stands in the archived text.

quotes (exact matching), figures (the numbers of a text), markers (claim boundaries carried
through Markdown), reading (the text as a reader sees it), claims (a claims file's quotes
anchored in its article).
"""
