"""Every problem the archive can report: its wording, its fix, and what it means.

Code reports problems by code only (`problems.add(path, line, "quote-not-found", ...)`),
so this table is the whole list. The site's "Error messages" page is generated
from it, and a test checks that every code is reachable, so the page cannot drift
from what the build prints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    code: str
    what: str  # a str.format template
    fix: str  # a str.format template
    meaning: str  # for the errors page
    example: dict  # sample values for the errors page (and the test that renders every message)


_FILES = [
    Message(
        "unreadable",
        "cannot be read: {reason}",
        "make it a readable file (not a folder), or move it out of docs/articles",
        "The build could not open the file.",
        {"reason": "Permission denied"},
    ),
    Message(
        "too-large",
        "is {size:,} bytes, over the {limit:,}-byte limit",
        "archive long documents in parts",
        "Files are capped so that one runaway file cannot stall the build or make a giant page.",
        {"size": 2097152, "limit": 1048576},
    ),
    Message(
        "empty-file",
        "is empty",
        "delete it, or re-import the article with `python -m hooks import`",
        "An article or claims file with nothing in it (a claims file with only comments is fine).",
        {},
    ),
    Message(
        "not-utf8",
        "is not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
        "convert it to UTF-8, e.g. `iconv -f windows-1252 -t utf-8`",
        "Archive files must be UTF-8. Text saved in another encoding would show wrong characters.",
        {"byte": 0xE9, "offset": 120},
    ),
    Message(
        "symlink",
        "is a symbolic link",
        "put the file itself here (only what is inside docs/ is published)",
        "Links are never followed: a link to a file or folder outside docs/ would publish it (a link "
        "to /etc/passwd as an article's raw text); a dangling or looping link would stop the build halfway.",
        {},
    ),
    Message(
        "not-a-file",
        "is {kind}, not a file",
        "remove it from docs/",
        "Only regular files and folders belong under docs/: a named pipe would make the build wait for "
        "ever, a device (/dev/zero) would be read without end.",
        {"kind": "a named pipe (FIFO)"},
    ),
    Message(
        "name-not-utf8",
        "its name is not UTF-8",
        "rename it (e.g. `convmv -f latin1 -t utf-8`)",
        "File names become addresses of the site; a name in another encoding cannot be written as one.",
        {},
    ),
    Message(
        "name-unsafe",
        "its name contains {characters}, which would break links to it",
        "rename it without #, ?, %, backslash, control or direction-control characters",
        "`#` and `?` end the path of an address and `%` starts an escape, so a link to such a file would "
        "lead elsewhere; control and direction-control characters make a name look like another.",
        {"characters": "#"},
    ),
    Message(
        "name-too-long",
        "the build would write {name}, a name of {length} bytes, over the {limit}-byte limit of file names",
        "give the article a shorter file name",
        "Beside each article X.md the build writes X.html, X.json and X.annotations.jsonld; file systems "
        "refuse names longer than 255 bytes (an accented letter takes two).",
        {"name": "a-very-long-name….annotations.jsonld", "length": 262, "limit": 255},
    ),
    Message(
        "output-collision",
        "the build writes {output} at this path",
        "rename or remove this file: the build makes its own",
        "Files under docs/ are published as they are, so one at a path the build writes (`t.json` beside "
        "`t.md`, `docs/claims.csv`, a hand-written `docs/claims.md`) would be silently replaced or replace it.",
        {"output": "the data of docs/articles/2015/t.md"},
    ),
    Message(
        "editor-backup",
        "looks like an editor's backup",
        "delete it (or move it out of docs/)",
        "Files ending in `~`, `.orig`, `.bak`, `.rej`, `.swp` or `.swo` are left by editors and patch "
        "tools; under docs/ they would be published.",
        {},
    ),
    Message(
        "unexpected-file",
        "is not an article, a claims file or a raw text",
        "{hint}",
        "docs/articles/ holds articles (`X.md`), their claims files (`X.claims.yml`) and raw texts "
        "(`X.txt`) only: a near miss such as `X.claims.yaml` would be ignored, its article shown without claims.",
        {"hint": "rename it to t.claims.yml"},
    ),
    Message(
        "hidden-file",
        "is a hidden file (its name starts with '.'), which is never published",
        "rename it without the leading '.'",
        "Hidden files are left out of the site (MkDocs's rule); a hidden article, claims file or text "
        "under docs/articles/ would silently be missing.",
        {},
    ),
    Message(
        "orphan-raw",
        "raw text without an article (no {article} beside it)",
        "rename it to match its article, or delete it",
        "A raw text `X.txt` is published beside its article `X.md`; on its own it would be published unlinked.",
        {"article": "x.md"},
    ),
    Message(
        "orphan-sidecar",
        "claims file without an article (no {article} beside it)",
        "rename it to match its article, or delete it",
        "Every `X.claims.yml` belongs to an `X.md` in the same folder.",
        {"article": "x.md"},
    ),
]

_YAML = [
    Message(
        "yaml-syntax",
        "YAML syntax error, column {column}: {problem}",
        "check indentation, and quote values that contain ': ' or start with a special character",
        "The file is not valid YAML. The line and column point at where the parser gave up; the mistake "
        "is there or just above.",
        {"column": 5, "problem": "expected <block end>, but found '-'"},
    ),
    Message(
        "yaml-alias",
        "YAML aliases (*name) are not allowed",
        "write the value out in full",
        "Anchors and aliases (`&a`, `*a`) are refused: a few lines of them can expand into gigabytes "
        '(the "billion laughs" attack).',
        {},
    ),
    Message(
        "yaml-nesting",
        "nested more than {depth} levels deep",
        "archive files need only a few levels; check the indentation",
        "Archive files are shallow; deep nesting is either a mistake or an attack on the parser.",
        {"depth": 12},
    ),
    Message(
        "yaml-complex-key",
        "a key must be a plain word",
        "write `key: value`",
        "Keys are simple names; YAML's complex keys (`? [a, b]`) are not used.",
        {},
    ),
    Message(
        "yaml-duplicate-key",
        'key "{key}" appears twice in the same block',
        "keep only one",
        "YAML would silently keep the last value; the archive asks you to choose.",
        {"key": "note"},
    ),
]

_STRUCTURE = [
    Message(
        "no-front-matter",
        "does not start with a front matter line '---'",
        "articles begin with '---', the fields, then '---'",
        "An article starts with its front matter block. Import raw texts with `python -m hooks import`.",
        {},
    ),
    Message(
        "front-matter-unclosed",
        "front matter is never closed",
        "add a line '---' after the fields",
        "The front matter has no closing `---` line, so the text cannot be told from the fields.",
        {},
    ),
    Message(
        "front-matter-empty",
        "front matter is empty",
        "give at least title, outlet, archived and sha256",
        "The front matter block has no fields.",
        {},
    ),
    Message(
        "not-a-block",
        "{what} must be a block of 'key: value' lines",
        "see the Content format page",
        "A claim, a claimant or the front matter must be a YAML mapping.",
        {"what": "the claim"},
    ),
    Message(
        "sidecar-not-a-block",
        "must be a block with `claims:` (and optionally `claimants:`)",
        "see the Content format page",
        "The claims file's top level is a mapping with `claims:`.",
        {},
    ),
    Message(
        "claims-not-a-list",
        "claims must be a list of claims, each starting with '- id:'",
        "see the Content format page",
        "`claims:` holds a list.",
        {},
    ),
    Message(
        "dismissed-not-a-list",
        "dismissed must be a list, each entry starting with '- quote:'",
        'write `dismissed: [{{quote: "...", reason: ...}}]` (see the Content format page)',
        "`dismissed:` lists the figures found in the text that are no claim.",
        {},
    ),
    Message(
        "claimants-not-a-block",
        "claimants must be a block of `id: {{name: ..., kind: ...}}`",
        "see the Content format page",
        "The claimant registry (and `claimants:` in a claims file) maps ids to claimants.",
        {},
    ),
    Message(
        "unknown-key",
        'unknown key "{key}" in {what}',
        "{hint}",
        "A key the format does not know: usually a typo. The fix names the nearest valid key.",
        {"key": "noet", "what": "the claim", "hint": 'did you mean "note"?'},
    ),
    Message(
        "missing-key",
        "{what} is missing the required key {key}",
        "add `{key}:`",
        "A required field is absent (see the Content format page for which are required).",
        {"what": "the claim", "key": "status"},
    ),
]

_FIELDS = [
    Message(
        "not-text",
        "{name} must be text",
        "write {name}: followed by the text",
        "The field holds a list, a block, true/false or nothing where text is due.",
        {"name": "title"},
    ),
    Message(
        "number-not-text",
        "{name} must be text, but YAML read it as the number {value}",
        'put it in quotes: {name}: "{value}"',
        "YAML reads `quote: 525` as a number (and `0525` as 525), which would change the words; quote it.",
        {"name": "quote", "value": 525},
    ),
    Message(
        "empty-value",
        "{name} is empty",
        "give {name} a value",
        "The field is present but blank.",
        {"name": "note"},
    ),
    Message(
        "invisible-characters",
        "{name} contains invisible character(s) {characters}",
        "retype it without zero-width or direction-control characters",
        "Zero-width and direction-control characters make text that looks the same match differently "
        "(or look different from what it is).",
        {"name": "quote", "characters": "U+200B"},
    ),
    Message(
        "control-characters",
        "{name} contains control character(s) {characters}",
        "retype it without them (tab and line breaks are fine)",
        "Control characters (NUL, ESC, DEL, the C1 range) are never text: in a terminal, a spreadsheet "
        "or a feed they act as commands or break the file.",
        {"name": "title", "characters": "U+001B"},
    ),
    Message(
        "invalid-id",
        '{name} "{value}" is not a valid id{extra}',
        "{hint}",
        "Ids (claims, claimants, statuses) use lowercase letters, digits and '-' only.",
        {
            "name": "id",
            "value": "Tanker_Trucks",
            "extra": "",
            "hint": "use only lowercase letters, digits and '-', e.g. \"tanker-trucks\"",
        },
    ),
    Message(
        "not-a-date",
        '{name} "{value}" is not a date',
        "write it as YYYY-MM-DD, e.g. 2015-11-20",
        "Dates are ISO dates.",
        {"name": "published", "value": "20/11/2015"},
    ),
    Message(
        "impossible-date",
        '{name} "{value}" is not a real date',
        "check the month and day",
        "The date has the right shape but no such day exists.",
        {"name": "said", "value": "2015-02-30"},
    ),
    Message(
        "bad-url",
        '{name} "{value}" is not an http(s) address',
        "give a full address starting with https:// or http://",
        "Addresses must be absolute http or https URLs: `javascript:`, `data:`, `file:` and relative "
        "addresses are refused.",
        {"name": "url", "value": "javascript:alert(1)"},
    ),
    Message(
        "url-spaces",
        '{name} "{value}" contains spaces or invisible characters',
        "remove them",
        "An address with spaces or invisible characters is broken or deceptive.",
        {"name": "url", "value": "https://example.org/a b"},
    ),
    Message(
        "bad-sha256",
        "{name} is not a SHA-256 (64 hex digits)",
        "run `python -m hooks check` to see the right one",
        "The sha256 field must be the 64-hex-digit hash of the text.",
        {"name": "sha256"},
    ),
    Message(
        "not-positive-int",
        "{name} must be a whole number from 1",
        "e.g. {name}: 2",
        "Occurrences count from 1.",
        {"name": "occurrence"},
    ),
    Message(
        "not-a-number",
        '{name} "{value}" is not a number',
        "write digits only, without thousands separators or units, e.g. 60000 or 1.5e6",
        "A structured figure's value is a plain number.",
        {"name": "figure.value", "value": "60,000"},
    ),
    Message(
        "not-a-list",
        "{name} must be a list",
        "write {name}: [first, second]",
        "The field holds several values.",
        {"name": "via"},
    ),
    Message(
        "not-one-of",
        '{name} "{value}" is not one of the {what}',
        "{hint}",
        "The field takes one of a fixed set of values.",
        {"name": "kind", "value": "company", "what": "kinds", "hint": "valid kinds: organisation, outlet, person"},
    ),
]

_ARCHIVE = [
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

MESSAGES: dict[str, Message] = {m.code: m for m in _FILES + _YAML + _STRUCTURE + _FIELDS + _ARCHIVE}


def render(code: str, values: dict) -> tuple[str, str]:
    """The problem's text and its fix, for a code and its values."""
    message = MESSAGES[code]
    return message.what.format(**values), message.fix.format(**values)
