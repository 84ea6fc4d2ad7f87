"""Problems across the archive: quotes, references, the configuration, and the flood cut."""

from __future__ import annotations

from .message import Message

MESSAGES = [
    Message(
        "hash-mismatch",
        "the archived text does not match its sha256 (the text's hash is {actual})",
        "the archived text must not be edited: restore it from the raw .txt beside it, or, if you "
        "re-imported it on purpose, set sha256 to the new hash",
        "The text after the front matter changed since it was archived. The archive never alters "
        "archived texts, so this is an error, not a warning.",
        {"actual": "9788d16a…"},
    ),
    Message(
        "noncharacters",
        "the text contains Unicode noncharacters U+FDD0–U+FDD2",
        "remove them",
        "These code points never occur in real text; the Markdown renderer uses them as markers.",
        {},
    ),
    Message(
        "duplicate-id",
        "duplicate claim id (first used on line {first})",
        "give each claim of an article its own id",
        "Claim ids are permalinks, so they are unique within their article.",
        {"first": 2},
    ),
    Message(
        "unknown-status",
        'unknown status "{value}"',
        "{hint}",
        "Statuses come from the vocabulary (see the Statuses page; mkdocs.yml can change it).",
        {"value": "disputd", "hint": "valid statuses, nearest first: disputed, confirmed, false, unverified"},
    ),
    Message(
        "unknown-claimant",
        'unknown claimant "{value}"',
        "{hint} — or define it under claimants: or in docs/claimants.yml",
        "Claimants and relays are ids from the claimant registry.",
        {"value": "russian-mdo", "hint": 'did you mean "russian-mod"?'},
    ),
    Message(
        "unknown-affiliation",
        '{claimant}: affiliation "{value}" is not a known claimant',
        "{hint} — or define it in docs/claimants.yml",
        "A claimant's affiliation is another claimant's id.",
        {"claimant": "sergei-shoigu", "value": "mod", "hint": 'did you mean "russian-mod"?'},
    ),
    Message(
        "claimant-conflict",
        'claimant "{value}" is already defined differently in {where}',
        "define each claimant once (shared ones in docs/claimants.yml) and refer to it by id",
        "Two files define the same claimant id with different fields.",
        {"value": "russian-mod", "where": "docs/claimants.yml:5"},
    ),
    Message(
        "forbidden-link",
        "the note links to a forbidden address: {value}",
        "notes may link only to http(s) or mailto addresses",
        "Notes are Markdown, but a link to `javascript:`, `data:` or another scheme could run script "
        "or mislead; only http(s) and mailto links are allowed.",
        {"value": "javascript:alert(1)"},
    ),
    Message(
        "text-forbidden-link",
        "the Markdown text links to a protocol-relative address: {value}",
        "archive it with format: text, or ask for the text to be re-imported with full addresses",
        "An address starting with `//` (or `/\\`) leads to another site without saying so; the archived "
        "text is never altered, so such an article cannot be published as Markdown.",
        {"value": "//example.org/page"},
    ),
    Message(
        "note-too-long",
        "the note is {length:,} characters, over the {limit:,}-character limit",
        "keep the side note short and link to a fuller explanation (evidence:)",
        "Notes stand in the margin beside the text; a note of pages is a mistake, and would slow the build.",
        {"length": 12000, "limit": 5000},
    ),
    Message(
        "markdown-too-complex",
        "{what} has paragraphs too long for the number of '[' in them",
        "split long paragraphs, or remove stray '[' (a Markdown text can be archived with format: text)",
        "Python-Markdown follows every unclosed '[' of a paragraph to its end, so its time grows with the "
        "paragraph's length times its brackets: beyond a limit the build would stall for minutes.",
        {"what": "the note"},
    ),
    Message(
        "quote-not-found",
        'quote "{quote}" is not in the article text',
        "{hint}copy the words exactly as they stand",
        "The quote must stand in the text as is (up to white space, typographic quotes and dashes), on "
        "word boundaries. There is no fuzzy matching: the nearest passage is only a suggestion.",
        {"quote": "526 oil tanker trucks", "hint": 'nearest passage: "525 oil tanker trucks"; '},
    ),
    Message(
        "quote-ambiguous",
        'quote "{quote}" appears {count} times in {file} ({places})',
        "add `occurrence: N` for the one you mean, or quote more words",
        "The quote matches more than one place; the archive never picks one silently.",
        {"quote": "four days", "count": 2, "file": "x.md", "places": "lines 32, 34"},
    ),
    Message(
        "dismissal-holds-no-figure",
        'dismissed quote "{quote}" holds no figure the importer finds',
        "quote the figure itself, as the Coverage page lists it, or delete the dismissal",
        "A dismissal says that a figure found in the text is no claim; one that holds none dismisses "
        "nothing (the text or the detector changed, or the quote is wrong).",
        {"quote": "page"},
    ),
    Message(
        "dismissal-holds-a-date",
        'dismissed quote "{quote}" holds only {date}, which the importer takes for a date',
        "delete the dismissal: dates are never counted as figures to annotate",
        "A four-digit number from 1600 to 2099 is read as a year; like every date it is listed for the "
        "editor but never counted against coverage, so there is nothing to dismiss.",
        {"quote": "1796 trucks", "date": "1796"},
    ),
    Message(
        "occurrence-out-of-range",
        "occurrence {value} is out of range: the quote appears {count} time(s)",
        "use a number from 1 to {count}",
        "`occurrence:` points past the last match.",
        {"value": 3, "count": 2},
    ),
    Message(
        "quote-crosses-paragraphs",
        "the quote runs across two paragraphs",
        "quote words from one paragraph only",
        "A figure's words stand in one paragraph; its note goes right after that paragraph.",
        {},
    ),
    Message(
        "quote-overlap",
        'its quote overlaps the quote of claim "{other}" (line {other_line})',
        "quote words that do not overlap, or merge the two claims",
        "Two claims cannot mark the same words.",
        {"other": "tanker-trucks", "other_line": 2},
    ),
    Message(
        "outlet-spelling",
        'outlet "{value}" is spelt differently from "{other}" ({where}), whose page it would share',
        "spell the outlet as the other articles do, or, for another outlet, give it a name with other words",
        "An outlet's page is named by its name's words (outlets/fast-outlet.html for \"Fast Outlet\"): two "
        "spellings of one name would be one page, or one of them would take the other's address.",
        {"value": "FAST OUTLET", "other": "Fast Outlet", "where": "articles/2015/first.md"},
    ),
    Message(
        "dismissed-claim",
        'the dismissed quote "{quote}" overlaps the quote of claim "{other}"',
        "remove it from dismissed: (a claim's figure is annotated), or remove the claim",
        "A dismissal says a figure is no claim; a figure cannot be a claim and no claim at once.",
        {"quote": "525 oil tanker trucks", "other": "tanker-trucks"},
    ),
    Message(
        "relay-repeated",
        '"{value}" stands twice in the relay chain (claimant and via)',
        "list each hand once: the claimant, then who relayed it, in order",
        "The relay chain runs from the claimant through each relay to the outlet: a hand that appears "
        "twice would show the claim passing through it twice.",
        {"value": "russian-mod"},
    ),
    Message(
        "affiliation-cycle",
        "affiliations form a cycle: {chain}",
        "remove the affiliation of one of them (a body is not affiliated to its own member)",
        "A claimant's affiliation is the body it belongs to; following affiliations must end at a claimant "
        "without one.",
        {"chain": "russian-mod → sergei-shoigu → russian-mod"},
    ),
    Message(
        "quote-in-markup",
        "the quote is inside Markdown markup (a link address, an image or raw code)",
        "quote words that stand in one run of plain text",
        "In a `format: markdown` article, the quote fell where no text is shown.",
        {},
    ),
    Message(
        "quote-crosses-formatting",
        "the quote crosses Markdown formatting",
        "quote words that stand in one run of plain text",
        "In a `format: markdown` article, the quote starts in one formatted run and ends in another.",
        {},
    ),
    Message(
        "bad-status-config",
        "extra.archive.statuses: {problem}",
        "see the Content format page (Statuses)",
        "The status vocabulary in mkdocs.yml is malformed.",
        {"problem": 'status "x" needs a label and a colour'},
    ),
    Message(
        "too-many-problems",
        "... and {count} more problem(s) not shown",
        "fix the ones above and run again",
        "A flood of problems (often one mistake repeated) is cut short.",
        {"count": 57},
    ),
]
