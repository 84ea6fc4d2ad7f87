"""A note's parts, which the page names by their place (hooks/archive/render/article.py note()), as
CSS selectors inside a note (prefix them with the note's own selector, e.g. "#note-ID > ...")."""

NUMBER = ":first-child > a:first-child"  # the head's first link: the number, the claim's permalink
SAID = ":first-child time"  # the head's date: when the claim was said
CHAIN = ".na-chain"  # the relay chain, an ordered list
WORDS = ":nth-child(3)"  # the note's words
LINKS = ":nth-child(4)"  # source, evidence, checked; the script's Copy link and Cite
STATUS = ":first-child > a + a"  # the head's second link: the status, coloured by the note's data-status
