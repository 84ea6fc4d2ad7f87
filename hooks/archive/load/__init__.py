"""Loading: reading the editors' files (articles, claims files, the claimant registry) and checking their fields.

Nothing here knows where a quote stands in the text (that is anchor/); assemble.py runs both.
"""
