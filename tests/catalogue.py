"""The catalogue of bad and hostile inputs: each case a small archive and what must happen.

A case's `files` are written over a good one-article archive (article docs/articles/a.md
with SEED_BODY and SEED_CLAIMS, registry CLAIMANTS). `problems` are the exact lines
`python -m hooks check` must print (and `mkdocs build` must log); `problems=None` means
the archive must build, and `page` checks the built article page.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from conftest import CLAIMANTS, ROOT, SEED_BODY, SEED_CLAIMS

A = "docs/articles/a.md"
A_CLAIMS = "docs/articles/a.claims.yml"
REGISTRY = "docs/claimants.yml"
SEED_SHA = hashlib.sha256(SEED_BODY.encode()).hexdigest()
# The status case below writes `statuses:` over mkdocs.yml's commented example: its "disputed" line.
STATUSES_LINE = (ROOT / "mkdocs.yml").read_text().splitlines().index("    # statuses:") + 2
# The publisher cases edit mkdocs.yml's `publisher:` block: the line of its `name:`.
PUBLISHER_NAME = "      name: Annotated News Archive"
PUBLISHER_LINE = (ROOT / "mkdocs.yml").read_text().splitlines().index(PUBLISHER_NAME) + 1


def in_config(old: str, new: str):
    """An edit of the project's mkdocs.yml."""

    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new)

    return edit


def article(body: str = SEED_BODY, *, newline: str = "\n", sha: str | None = None, **fields) -> bytes:
    """An article file: front matter (title, outlet, archived, sha256, then fields) and body."""
    body_bytes = body.encode("utf-8")
    meta = {"title": "A test article", "outlet": "Test Outlet", "archived": "2026-11-24"}
    meta["sha256"] = sha or hashlib.sha256(body_bytes).hexdigest()
    meta.update(fields)
    front = newline.join(["---", *(f"{k}: {v}" for k, v in meta.items()), "---", ""])
    return front.encode("utf-8") + body_bytes


def claims(*replacements: tuple[str, str], extra: str = "") -> str:
    """SEED_CLAIMS with some text replaced, and claims appended."""
    text = SEED_CLAIMS
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text + extra


B = "docs/articles/b.md"
B_CLAIMS = "docs/articles/b.claims.yml"
B_BODY = "A wire story relayed it: Russia said its aircraft destroyed 525 oil tanker trucks this week.\n"


def linked_claim(target: str, extra: str = "") -> str:
    """b.md's claims file: one claim, the seed's tanker trucks relayed, linked with same-as to target."""
    return (
        "claims:\n  - id: trucks\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        f"    via: [associated-press]\n    note: Relayed without a source.\n    same-as: {target}\n{extra}"
    )


def claim(claim_id: str, quote: str, status: str = "unverified", **more) -> str:
    lines = [f"  - id: {claim_id}", f"    quote: {quote}", "    claimant: russian-mod", f"    status: {status}"]
    lines += [f"    {k}: {v}" for k, v in more.items()]
    lines.append("    note: A note.")
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes]
    problems: list[str] | None = None
    total: int | None = None  # when set, `problems` are the first lines of this many
    page: Callable | None = None  # for cases that build: checks on the article page (BeautifulSoup)
    remove: list[str] = field(default_factory=list)
    setup: Callable | None = None  # makes what files cannot hold (links, pipes, odd names), given the project root


def _hostile_page(page, expected_in_text):
    """Nothing from content survives as markup: no script, no handler, no foreign element."""
    content = page.find(class_="na-article")
    assert not content.find_all(["script", "img", "iframe", "svg", "object", "embed", "form", "style", "meta"])
    for tag in content.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        for attr in ("href", "src", "action"):
            value = (tag.get(attr) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), tag
    for text in expected_in_text:
        assert text in content.get_text(), text


SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'

CASES = [
    # --- YAML syntax -------------------------------------------------------------------------
    Case(
        "yaml-syntax-in-claims",
        {A_CLAIMS: "claims:\n  - id: x\n   quote: y\n"},
        problems=[
            "docs/articles/a.claims.yml:3: YAML syntax error, column 4: did not find expected '-' indicator (while parsing a block collection that starts on line 2) — check indentation, and quote values that contain ': ' or start with a special character"
        ],
    ),
    Case(
        "yaml-syntax-in-front-matter",
        {A: article(title='"unclosed')},
        problems=[
            "docs/articles/a.md:6: YAML syntax error, column 1: found unexpected end of stream (while scanning a quoted scalar that starts on line 2) — check indentation, and quote values that contain ': ' or start with a special character"
        ],
    ),
    Case(
        "yaml-syntax-in-registry",
        {REGISTRY: CLAIMANTS + "broken: {name: x\n"},
        problems=[
            "docs/claimants.yml:5: YAML syntax error, column 1: did not find expected ',' or '}' (while parsing a flow mapping that starts on line 4) — check indentation, and quote values that contain ': ' or start with a special character"
        ],
    ),
    Case(
        "yaml-tab-indentation",
        {A_CLAIMS: "claims:\n\t- id: x\n"},
        problems=[
            "docs/articles/a.claims.yml:2: YAML syntax error, column 1: found character that cannot start any token (a tab: YAML indents with spaces only) — check indentation, and quote values that contain ': ' or start with a special character"
        ],
    ),
    # --- wrong types ------------------------------------------------------------------------
    Case(
        "title-is-a-list",
        {A: article(title="[a, b]")},
        problems=["docs/articles/a.md:2: title must be text — write title: followed by the text"],
    ),
    Case(
        "quote-is-a-number",
        {A_CLAIMS: claims(("quote: 525 oil tanker trucks", "quote: 525"))},
        problems=[
            'docs/articles/a.claims.yml:3: tanker-trucks: quote must be text, but YAML read it as the number 525 — put it in quotes: quote: "525"'
        ],
    ),
    Case(
        "via-is-a-block",
        {A_CLAIMS: claims(("via: [russian-mod]", "via: {russian-mod: yes}"))},
        problems=["docs/articles/a.claims.yml:5: tanker-trucks: via must be a list — write via: [first, second]"],
    ),
    Case(
        "claims-is-a-block",
        {A_CLAIMS: "claims:\n  id: x\n"},
        problems=[
            "docs/articles/a.claims.yml:1: claims must be a list of claims, each starting with '- id:' — see the Content format page"
        ],
    ),
    Case(
        "figure-value-with-separators",
        {A_CLAIMS: claims(("    status: unverified", "    figure: {value: '60,000'}\n    status: unverified"))},
        problems=[
            'docs/articles/a.claims.yml:6: tanker-trucks: figure.value "60,000" is not a number — write digits only, without thousands separators or units, e.g. 60000 or 1.5e6'
        ],
    ),
    Case(
        "occurrence-zero",
        {A_CLAIMS: claims(("    status: unverified", "    occurrence: 0\n    status: unverified"))},
        problems=[
            "docs/articles/a.claims.yml:6: tanker-trucks: occurrence must be a whole number from 1 — e.g. occurrence: 2"
        ],
    ),
    Case(
        "claim-is-a-string",
        {A_CLAIMS: claims(extra="  - just a string\n")},
        problems=[
            "docs/articles/a.claims.yml:14: the claim must be a block of 'key: value' lines — see the Content format page"
        ],
    ),
    # --- unknown and missing keys -----------------------------------------------------------
    Case(
        "unknown-front-matter-key",
        {A: article(titel="Oops")},
        problems=['docs/articles/a.md:6: unknown key "titel" in the front matter — did you mean "title"?'],
    ),
    Case(
        "unknown-claim-key",
        {A_CLAIMS: claims(("    note: Shoigu's", "    noet: Shoigu's"))},
        problems=[
            "docs/articles/a.claims.yml:2: tanker-trucks: the claim is missing the required key note — add `note:`",
            'docs/articles/a.claims.yml:7: tanker-trucks: unknown key "noet" in the claim — did you mean "note"?',
        ],
    ),
    Case(
        "unknown-sidecar-key",
        {A_CLAIMS: SEED_CLAIMS.replace("claims:", "claim:")},
        problems=['docs/articles/a.claims.yml:1: unknown key "claim" in the claims file — did you mean "claims"?'],
    ),
    Case(
        "unknown-claimant-key",
        {REGISTRY: CLAIMANTS + "ap: {name: AP, kind: outlet, rol: agency}\n"},
        problems=['docs/claimants.yml:4: ap: unknown key "rol" in claimant ap — did you mean "role"?'],
    ),
    Case(
        "unknown-nested-key",
        {A_CLAIMS: claims(("    status: unverified", "    source: {titel: x}\n    status: unverified"))},
        problems=['docs/articles/a.claims.yml:6: tanker-trucks: unknown key "titel" in source — did you mean "title"?'],
    ),
    Case(
        "missing-front-matter-key",
        {A: article().replace(b"outlet: Test Outlet\n", b"")},
        problems=["docs/articles/a.md:2: the front matter is missing the required key outlet — add `outlet:`"],
    ),
    Case(
        "missing-claim-key",
        {A_CLAIMS: claims(("    status: unverified\n", ""))},
        problems=[
            "docs/articles/a.claims.yml:2: tanker-trucks: the claim is missing the required key status — add `status:`"
        ],
    ),
    Case(
        "missing-claimant-name",
        {REGISTRY: CLAIMANTS + "ap: {kind: outlet}\n"},
        problems=["docs/claimants.yml:4: ap: claimant ap is missing the required key name — add `name:`"],
    ),
    # --- ids ------------------------------------------------------------------------------------
    Case(
        "invalid-claim-id",
        {A_CLAIMS: claims(("id: tanker-trucks", "id: Tanker_Trucks"))},
        problems=[
            'docs/articles/a.claims.yml:2: Tanker_Trucks: id "Tanker_Trucks" is not a valid id — use only lowercase letters, digits and \'-\', e.g. "tanker-trucks"'
        ],
    ),
    Case(
        "invalid-claimant-id",
        {REGISTRY: CLAIMANTS + "Associated Press: {name: AP, kind: outlet}\n"},
        problems=[
            'docs/claimants.yml:4: claimant id "Associated Press" is not a valid id — use only lowercase letters, digits and \'-\', e.g. "associated-press"'
        ],
    ),
    Case(
        "claim-id-too-long-for-a-page",  # a shared claim's page is named by it
        {A_CLAIMS: claims(("id: tanker-trucks", "id: " + "t" * 101))},
        problems=[
            "docs/articles/a.claims.yml:2: "
            + "t" * 101
            + ': id "'
            + "t" * 40
            + "…"
            + "t" * 10
            + '" is 101 characters long, over the 100 an id may have — shorten it'
        ],
    ),
    Case(
        "claimant-id-too-long-for-a-page",  # claimants/ID.html
        {REGISTRY: CLAIMANTS + "a" * 300 + ": {name: AP, kind: outlet}\n"},
        problems=[
            'docs/claimants.yml:4: claimant id "'
            + "a" * 40
            + "…"
            + "a" * 10
            + '" is 300 characters long, over the 100 an id may have — shorten it'
        ],
    ),
    Case(
        "every-problem-of-a-claim-in-one-run",  # a bad status no longer hides an unknown relay
        {A_CLAIMS: claims(("status: unverified", "status: Disputed"), ("via: [russian-mod]", "via: [ap]"))},
        problems=[
            'docs/articles/a.claims.yml:5: tanker-trucks: unknown claimant "ap" — did you mean "associated-press"? — or define it under claimants: or in docs/claimants.yml',
            'docs/articles/a.claims.yml:6: tanker-trucks: status "Disputed" is not a valid id — use only lowercase letters, digits and \'-\', e.g. "disputed"',
        ],
    ),
    Case(
        "published-after-archived",
        {A: article(published="2099-05-05")},
        problems=[
            "docs/articles/a.md:6: published 2099-05-05 is after archived 2026-11-24 — check both dates: a text is archived on or after the day it was published"
        ],
    ),
    Case(
        "outlet-spelt-two-ways",  # one page for both, or one taking the other's address
        {"docs/articles/b.md": article(outlet="Fast Outlet"), "docs/articles/c.md": article(outlet="FAST OUTLET")},
        problems=[
            'docs/articles/c.md:3: outlet "FAST OUTLET" is spelt differently from "Fast Outlet" (articles/b.md), whose page it would share — spell the outlet as the other articles do, or, for another outlet, give it a name with other words'
        ],
    ),
    Case(
        "duplicate-claim-id",
        {A_CLAIMS: claims(("id: militants-killed", "id: tanker-trucks"))},
        problems=[
            "docs/articles/a.claims.yml:8: tanker-trucks: duplicate claim id (first used on line 2) — give each claim of an article its own id"
        ],
    ),
    Case(
        "duplicate-yaml-key",
        {A_CLAIMS: claims(("    note: Shoigu's figure;", "    note: first\n    note: Shoigu's figure;"))},
        problems=['docs/articles/a.claims.yml:8: key "note" appears twice in the same block — keep only one'],
    ),
    Case(
        "claimant-defined-twice-differently",
        {A_CLAIMS: "claimants:\n  russian-mod: {name: Ministry of Defence, kind: organisation}\n" + SEED_CLAIMS},
        problems=[
            'docs/articles/a.claims.yml:2: russian-mod: claimant "russian-mod" is already defined differently in docs/claimants.yml:2 — define each claimant once (shared ones in docs/claimants.yml) and refer to it by id'
        ],
    ),
    # --- one claim in many articles (same-as) -------------------------------------------------
    Case(
        "same-as-unknown-claim",
        {B: article(B_BODY), B_CLAIMS: linked_claim("a#tanker-truck")},
        problems=[
            'docs/articles/b.claims.yml:7: trucks: same-as "a#tanker-truck" is not a claim of the archive — did you mean "tanker-trucks"? — copy the path and id from the claim\'s permalink (ARTICLE.html#claim-ID)'
        ],
    ),
    Case(
        "same-as-unknown-article",
        {B: article(B_BODY), B_CLAIMS: linked_claim("2015/a#tanker-trucks")},
        problems=[
            'docs/articles/b.claims.yml:7: trucks: same-as "2015/a#tanker-trucks" is not a claim of the archive — valid articles: a, b — copy the path and id from the claim\'s permalink (ARTICLE.html#claim-ID)'
        ],
    ),
    Case(
        "same-as-malformed",
        {B: article(B_BODY), B_CLAIMS: linked_claim("a.md#tanker-trucks")},
        problems=[
            "docs/articles/b.claims.yml:7: trucks: same-as \"a.md#tanker-trucks\" does not name a claim — write the article's path under docs/articles/ without .md, '#' and the claim's id, e.g. 2015/some-article#tanker-trucks"
        ],
    ),
    Case(
        "same-as-two-verdicts",
        {B: article(B_BODY), B_CLAIMS: linked_claim("a#tanker-trucks", "    status: disputed\n")},
        problems=[
            "docs/articles/b.claims.yml:8: trucks: status is given here and this claim is linked with same-as — a shared claim has one verdict, held by the claim it is the same as: move status there, or remove same-as"
        ],
    ),
    Case(
        "same-as-cycle",
        {
            A_CLAIMS: claims(("    status: unverified\n    note: Shoigu", "    same-as: b#trucks\n    note: Shoigu")),
            B: article(B_BODY),
            B_CLAIMS: linked_claim("a#tanker-trucks"),
        },
        problems=[
            "docs/articles/a.claims.yml:6: tanker-trucks: same-as links form a cycle: a#tanker-trucks → b#trucks → a#tanker-trucks — remove same-as from the claim that should hold the verdict (usually the first appearance)"
        ],
    ),
    # --- references -------------------------------------------------------------------------------
    Case(
        "unknown-claimant",
        {
            A_CLAIMS: claims(
                ("claimant: sergei-shoigu\n    via: [russian", "claimant: sergei-shoigo\n    via: [russian")
            )
        },
        problems=[
            'docs/articles/a.claims.yml:4: tanker-trucks: unknown claimant "sergei-shoigo" — did you mean "sergei-shoigu"? — or define it under claimants: or in docs/claimants.yml'
        ],
    ),
    Case(
        "unknown-relay",
        {A_CLAIMS: claims(("via: [associated-press]", "via: [associated-pres]"))},
        problems=[
            'docs/articles/a.claims.yml:11: militants-killed: unknown claimant "associated-pres" — did you mean "associated-press"? — or define it under claimants: or in docs/claimants.yml'
        ],
    ),
    Case(
        "unknown-affiliation",
        {REGISTRY: CLAIMANTS.replace("affiliation: russian-mod", "affiliation: russian-mdo")},
        problems=[
            'docs/claimants.yml:1: sergei-shoigu: affiliation "russian-mdo" is not a known claimant — did you mean "russian-mod"? — or define it in docs/claimants.yml'
        ],
    ),
    Case(
        "unknown-status",
        {A_CLAIMS: claims(("status: disputed", "status: debunked"))},
        problems=[
            'docs/articles/a.claims.yml:12: militants-killed: unknown status "debunked" — valid statuses: confirmed, disputed, false, partly-confirmed, unverified'
        ],
    ),
    Case(
        "misspelt-status",
        {A_CLAIMS: claims(("status: disputed", "status: disputd"))},
        problems=[
            'docs/articles/a.claims.yml:12: militants-killed: unknown status "disputd" — valid statuses, nearest first: disputed, confirmed, false, partly-confirmed, unverified'
        ],
    ),
    Case(
        # Near "confirmed", yet the editor may well mean "unverified": the whole list is given.
        "status-near-its-opposite",
        {A_CLAIMS: claims(("status: disputed", "status: unconfirmed"))},
        problems=[
            'docs/articles/a.claims.yml:12: militants-killed: unknown status "unconfirmed" — valid statuses, nearest first: confirmed, partly-confirmed, disputed, false, unverified'
        ],
    ),
    Case(
        "present-but-empty-key",
        {A_CLAIMS: claims(("    note: The AP could not *independently* confirm this report.\n", "    note:\n"))},
        problems=["docs/articles/a.claims.yml:13: militants-killed: note is empty — give note a value"],
    ),
    Case(
        # An importer skeleton entry uncommented and not yet filled in: every problem in one run.
        "unfilled-skeleton-entry",
        {
            A_CLAIMS: claims(
                extra='  - id: shoigu    # line 7\n    quote: "Shoigu"\n    claimant: \n    via: []\n'
                "    status: unverified\n    note: \n"
            )
        },
        problems=[
            'docs/articles/a.claims.yml:15: shoigu: quote "Shoigu" appears 2 times in a.md (lines 7, 9) — add `occurrence: N` for the one you mean, or quote more words',
            "docs/articles/a.claims.yml:16: shoigu: claimant is empty — give claimant a value",
            "docs/articles/a.claims.yml:19: shoigu: note is empty — give note a value",
        ],
    ),
    Case(
        "dismissal-holds-no-figure",
        {A_CLAIMS: claims(extra="dismissed:\n  - quote: Deir el-Zour province\n    reason: a place name\n")},
        problems=[
            'docs/articles/a.claims.yml:15: dismissed quote "Deir el-Zour province" holds no figure the importer finds — quote the figure itself, as the Coverage page lists it, or delete the dismissal'
        ],
    ),
    Case(
        "claimed-and-dismissed",
        {A_CLAIMS: claims(extra="dismissed:\n  - quote: 525 oil tanker trucks\n    reason: a duplicate\n")},
        problems=[
            'docs/articles/a.claims.yml:15: the dismissed quote "525 oil tanker trucks" overlaps the quote of claim "tanker-trucks" — remove it from dismissed: (a claim\'s figure is annotated), or remove the claim'
        ],
    ),
    Case(
        "relay-repeats-a-hand",
        {A_CLAIMS: claims(("via: [russian-mod]", "via: [russian-mod, russian-mod]"))},
        problems=[
            'docs/articles/a.claims.yml:5: tanker-trucks: "russian-mod" stands twice in the relay chain (claimant and via) — list each hand once: the claimant, then who relayed it, in order'
        ],
    ),
    Case(
        "claimant-in-its-own-relay-chain",
        {A_CLAIMS: claims(("via: [russian-mod]", "via: [sergei-shoigu]"))},
        problems=[
            'docs/articles/a.claims.yml:5: tanker-trucks: "sergei-shoigu" stands twice in the relay chain (claimant and via) — list each hand once: the claimant, then who relayed it, in order'
        ],
    ),
    Case(
        "affiliation-cycle",
        {
            REGISTRY: CLAIMANTS.replace(
                "russian-mod: {name: Russian Ministry of Defence, kind: organisation}",
                "russian-mod: {name: Russian Ministry of Defence, kind: organisation, affiliation: sergei-shoigu}",
            )
        },
        problems=[
            "docs/claimants.yml:2: affiliations form a cycle: russian-mod → sergei-shoigu → russian-mod — remove the affiliation of one of them (a body is not affiliated to its own member)"
        ],
    ),
    Case(
        "dismissal-of-a-number-read-as-a-year",
        {
            A: article(SEED_BODY + "They also burned 1796 trucks.\n"),
            A_CLAIMS: claims(extra="dismissed:\n  - quote: 1796 trucks\n    reason: a typo of the outlet\n"),
        },
        problems=[
            'docs/articles/a.claims.yml:15: dismissed quote "1796 trucks" holds only 1796, which the importer takes for a date — delete the dismissal: dates are never counted as figures to annotate'
        ],
    ),
    Case(
        "dismissed-not-a-list",
        {A_CLAIMS: claims(extra="dismissed: {quote: one strike, reason: x}\n")},
        problems=[
            "docs/articles/a.claims.yml:14: dismissed must be a list, each entry starting with '- quote:' — write `dismissed: [{quote: \"...\", reason: ...}]` (see the Content format page)"
        ],
    ),
    # --- quotes -----------------------------------------------------------------------------------
    Case(
        "quote-not-found",
        {A_CLAIMS: claims(("525 oil tanker trucks", "526 oil tanker trucks"))},
        problems=[
            'docs/articles/a.claims.yml:3: tanker-trucks: quote "526 oil tanker trucks" is not in the article text — nearest passage: "525 oil tanker trucks"; copy the words exactly as they stand'
        ],
    ),
    Case(
        "quote-fuzzy-digits-never-match",
        {A_CLAIMS: claims(("525 oil tanker trucks", "252 oil tanker trucks"))},
        problems=[
            'docs/articles/a.claims.yml:3: tanker-trucks: quote "252 oil tanker trucks" is not in the article text — nearest passage: "525 oil tanker trucks"; copy the words exactly as they stand'
        ],
    ),
    Case(
        "quote-inside-a-longer-number",
        {A_CLAIMS: claims(("525 oil tanker trucks", "25 oil tanker trucks"))},
        problems=[
            'docs/articles/a.claims.yml:3: tanker-trucks: quote "25 oil tanker trucks" is not in the article text — nearest passage: "525 oil tanker trucks"; copy the words exactly as they stand'
        ],
    ),
    Case(
        "quote-ambiguous",
        {A_CLAIMS: claims(extra=claim("shoigu", "Shoigu"))},
        problems=[
            'docs/articles/a.claims.yml:15: shoigu: quote "Shoigu" appears 2 times in a.md (lines 7, 9) — add `occurrence: N` for the one you mean, or quote more words'
        ],
    ),
    Case(
        "occurrence-out-of-range",
        {A_CLAIMS: claims(extra=claim("shoigu", "Shoigu", occurrence=3))},
        problems=[
            "docs/articles/a.claims.yml:18: shoigu: occurrence 3 is out of range: the quote appears 2 time(s) — use a number from 1 to 2"
        ],
    ),
    Case(
        "overlapping-claims",
        {A_CLAIMS: claims(extra=claim("trucks", "oil tanker trucks during"))},
        problems=[
            'docs/articles/a.claims.yml:14: trucks: its quote overlaps the quote of claim "tanker-trucks" (line 2) — quote words that do not overlap, or merge the two claims'
        ],
    ),
    Case(
        "quote-across-paragraphs",
        {A_CLAIMS: claims(extra=claim("across", "airstrikes. Shoigu said"))},
        problems=[
            "docs/articles/a.claims.yml:15: across: the quote runs across two paragraphs — quote words from one paragraph only"
        ],
    ),
    # --- dates, hashes, urls --------------------------------------------------------------------
    Case(
        "date-in-wrong-format",
        {A: article(published="20/11/2015")},
        problems=[
            'docs/articles/a.md:6: published "20/11/2015" is not a date — write it as YYYY-MM-DD, e.g. 2015-11-20'
        ],
    ),
    Case(
        "impossible-date",
        {A: article(archived="2015-02-30")},
        problems=['docs/articles/a.md:4: archived "2015-02-30" is not a real date — check the month and day'],
    ),
    Case(
        "hash-mismatch-after-edit",
        {A: article(sha=hashlib.sha256(b"the original text").hexdigest())},
        problems=[
            f"docs/articles/a.md:5: the archived text does not match its sha256 (the text's hash is {SEED_SHA}) — the archived text must not be edited: restore it from the raw .txt beside it, or, if you re-imported it on purpose, set sha256 to the new hash"
        ],
    ),
    Case(
        "sha256-not-hex",
        {A: article(sha="abc")},
        problems=[
            "docs/articles/a.md:5: sha256 is not a SHA-256 (64 hex digits) — run `python -m hooks check` to see the right one"
        ],
    ),
    Case(
        "url-with-ftp-scheme",
        {A: article(url="ftp://example.org/a")},
        problems=[
            'docs/articles/a.md:6: url "ftp://example.org/a" is not an http(s) address — give a full address starting with https:// or http://'
        ],
    ),
    Case(
        "url-javascript-in-source",
        {
            A_CLAIMS: claims(
                ("    status: unverified", "    source: {title: x, url: 'javascript:alert(1)'}\n    status: unverified")
            )
        },
        problems=[
            'docs/articles/a.claims.yml:6: tanker-trucks: source.url "javascript:alert(1)" is not an http(s) address — give a full address starting with https:// or http://'
        ],
    ),
    Case(
        "url-data-in-evidence",
        {
            A_CLAIMS: claims(
                (
                    "    status: unverified",
                    "    evidence: [{title: x, url: 'data:text/html,<b>x</b>'}]\n    status: unverified",
                )
            )
        },
        problems=[
            'docs/articles/a.claims.yml:6: tanker-trucks: evidence[1].url "data:text/html,<b>x</b>" is not an http(s) address — give a full address starting with https:// or http://'
        ],
    ),
    Case(
        "note-links-to-javascript",
        {A_CLAIMS: claims(("no independent check.", "no [check](javascript:alert(1))."))},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note links to a forbidden address: javascript:alert(1) — notes may link only to http(s) or mailto addresses"
        ],
    ),
    Case(
        "note-reference-link-to-data",
        {
            A_CLAIMS: claims(
                (
                    "    note: Shoigu's figure; the article gives no independent check.",
                    '    note: "See [the check][1].\\n\\n[1]: data:text/html,x"',
                )
            )
        },
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note links to a forbidden address: data:text/html,x — notes may link only to http(s) or mailto addresses"
        ],
    ),
    # --- files --------------------------------------------------------------------------------------
    Case(
        "sidecar-without-article",
        {"docs/articles/gone.claims.yml": SEED_CLAIMS},
        problems=[
            "docs/articles/gone.claims.yml: claims file without an article (no gone.md beside it) — rename it to match its article, or delete it"
        ],
    ),
    Case(
        "article-not-utf8",
        {A: article().replace(b"Shoigu presented", "Shoigu pr\xe9sented".encode("latin-1"))},
        problems=[
            "docs/articles/a.md:7: is not UTF-8 text (byte 0xe9 at offset 153) — convert it to UTF-8, e.g. `iconv -f windows-1252 -t utf-8`"
        ],
    ),
    Case(
        "sidecar-saved-as-utf16",  # a Windows editor's "Unicode"
        {A_CLAIMS: SEED_CLAIMS.encode("utf-16")},
        problems=[
            "docs/articles/a.claims.yml:1: is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8 — convert it to UTF-8, e.g. `iconv -f utf-16 -t utf-8`, or save it as UTF-8"
        ],
    ),
    Case(
        "json-surrogate-pair-in-yaml",
        {
            A_CLAIMS: claims(
                ("note: Shoigu's figure; the article gives no independent check.", 'note: "ok \\ud83d\\ude00"')
            )
        },
        problems=[
            "docs/articles/a.claims.yml:7: YAML syntax error, column 17: found invalid Unicode character escape code — "
            "write the character itself, or as \\UXXXXXXXX (eight hex digits): YAML takes no surrogate pairs such as "
            "\\ud83d\\ude00"
        ],
    ),
    Case(
        "yaml-tag-in-a-note",  # shown as the literal base64 text before: refused, not ignored
        {
            A_CLAIMS: claims(
                ("note: Shoigu's figure; the article gives no independent check.", "note: !!binary aGVsbG8=")
            )
        },
        problems=[
            "docs/articles/a.claims.yml:7: the YAML tag !!binary is not used in archive files — remove the tag and write the value itself (quote it if it must stay text)"
        ],
    ),
    Case(
        "sidecar-not-utf8",
        {A_CLAIMS: SEED_CLAIMS.replace("no independent", "no ind\xe9pendent").encode("latin-1")},
        problems=[
            "docs/articles/a.claims.yml:7: is not UTF-8 text (byte 0xe9 at offset 188) — convert it to UTF-8, e.g. `iconv -f windows-1252 -t utf-8`"
        ],
    ),
    Case(
        "empty-article",
        {A: b""},
        problems=["docs/articles/a.md:1: is empty — delete it, or re-import the article with `python -m hooks import`"],
    ),
    Case(
        "article-without-front-matter",
        {A: SEED_BODY},
        problems=[
            "docs/articles/a.md:1: does not start with a front matter line '---' — articles begin with '---', the fields, then '---'"
        ],
    ),
    Case(
        "front-matter-never-closed",
        {A: "---\ntitle: x\n" + SEED_BODY},
        problems=["docs/articles/a.md:1: front matter is never closed — add a line '---' after the fields"],
    ),
    Case(
        "huge-article",
        {A: article("word " * 250_000)},
        problems=[
            "docs/articles/a.md: is 1,250,144 bytes, over the 1,048,576-byte limit — archive long documents in parts"
        ],
    ),
    Case(
        "billion-laughs",
        {
            A_CLAIMS: 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nclaims: [*c]\n'
        },
        problems=["docs/articles/a.claims.yml:2: YAML aliases (*name) are not allowed — write the value out in full"],
    ),
    Case(
        "deeply-nested-yaml",
        {A_CLAIMS: "claims: " + "[" * 100_000 + "]" * 100_000 + "\n"},
        problems=[
            "docs/articles/a.claims.yml:1: nested more than 48 levels deep — archive files need only a few levels; check the indentation"
        ],
    ),
    Case(
        "deeply-nested-block-yaml",
        {A_CLAIMS: "claims:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40))},
        problems=[
            "docs/articles/a.claims.yml:13: nested more than 12 levels deep — archive files need only a few levels; check the indentation"
        ],
    ),
    Case(
        "unknown-format",
        {A: article(format="html")},
        problems=['docs/articles/a.md:6: format "html" is not one of the formats — valid formats: markdown, text'],
    ),
    Case(
        "unknown-claimant-kind",
        {REGISTRY: CLAIMANTS + "ap: {name: AP, kind: company}\n"},
        problems=[
            'docs/claimants.yml:4: ap: kind "company" is not one of the kinds — valid kinds: organisation, outlet, person'
        ],
    ),
    # --- Unicode tricks ---------------------------------------------------------------------------
    Case(
        "zero-width-space-in-quote",
        {A_CLAIMS: claims(("525 oil tanker", "525\u200b oil tanker"))},
        problems=[
            "docs/articles/a.claims.yml:3: tanker-trucks: quote contains invisible character(s) U+200B — retype it without zero-width or direction-control characters"
        ],
    ),
    Case(
        "bidi-override-in-claim-id",
        {A_CLAIMS: claims(("id: tanker-trucks", "id: tanker\u202e-trucks"))},
        problems=[
            'docs/articles/a.claims.yml:2: tanker\\u202e-trucks: id "tanker\\u202e-trucks" is not a valid id (it contains invisible U+202E) — use only lowercase letters, digits and \'-\', e.g. "tanker-trucks"'
        ],
    ),
    Case(
        "bidi-override-in-claimant-id",
        {REGISTRY: CLAIMANTS + "ap\u2066: {name: AP, kind: outlet}\n"},
        problems=[
            'docs/claimants.yml:4: claimant id "ap\\u2066" is not a valid id (it contains invisible U+2066) — use only lowercase letters, digits and \'-\', e.g. "ap"'
        ],
    ),
    # --- more shapes of wrong structure ----------------------------------------------------------
    Case(
        "article-is-a-folder",
        {"docs/articles/folder.md/x.txt": "not an article"},
        problems=[
            "docs/articles/folder.md: cannot be read: Is a directory — make it a readable file (not a folder), or move it out of docs/articles"
        ],
    ),
    Case(
        "yaml-complex-key",
        {A_CLAIMS: "? [a, b]\n: c\nclaims:\n"},
        problems=["docs/articles/a.claims.yml:1: a key must be a plain word — write `key: value`"],
    ),
    Case(
        "front-matter-empty",
        {A: "---\n---\n" + SEED_BODY},
        problems=["docs/articles/a.md:2: front matter is empty — give at least title, outlet, archived and sha256"],
    ),
    Case(
        "sidecar-is-a-list",
        {A_CLAIMS: "- id: x\n"},
        problems=[
            "docs/articles/a.claims.yml:1: must be a block with `claims:` (and optionally `claimants:`) — see the Content format page"
        ],
    ),
    Case(
        "registry-is-a-list",
        {REGISTRY: "- sergei-shoigu\n"},
        problems=[
            "docs/claimants.yml:1: claimants must be a block of `id: {name: ..., kind: ...}` — see the Content format page"
        ],
    ),
    Case(
        "blank-note",
        {A_CLAIMS: claims(("note: Shoigu's figure; the article gives no independent check.", 'note: "  "'))},
        problems=["docs/articles/a.claims.yml:7: tanker-trucks: note is empty — give note a value"],
    ),
    Case(
        "url-with-spaces",
        {A: article(url="https://example.org/a b")},
        problems=[
            'docs/articles/a.md:6: url "https://example.org/a b" contains spaces or invisible characters — remove them'
        ],
    ),
    Case(
        "bad-status-vocabulary-in-mkdocs-yml",
        {
            "mkdocs.yml": lambda text: text.replace(
                "    # statuses:", "    statuses:\n      disputed: {colour: red}\n    # statuses:"
            )
        },
        problems=[
            f'mkdocs.yml:{STATUSES_LINE}: extra.archive.statuses: "disputed" colour "red" is not a colour like "#1b6e20" — see the Content format page (Statuses)'
        ],
    ),
    Case(
        "status-label-with-a-direction-override",  # shown on every page, read out as the status
        {
            "mkdocs.yml": lambda text: text.replace(
                "    # statuses:", '    statuses:\n      disputed: {label: "\\u202eDetupsid"}\n    # statuses:'
            )
        },
        problems=[
            f'mkdocs.yml:{STATUSES_LINE}: extra.archive.statuses: "disputed": its label contains invisible character(s) U+202E; retype it without zero-width or direction-control characters — see the Content format page (Statuses)'
        ],
    ),
    Case(
        "status-without-a-symbol",  # told by colour alone
        {
            "mkdocs.yml": lambda text: text.replace(
                "    # statuses:", '    statuses:\n      unverified: {symbol: ""}\n    # statuses:'
            )
        },
        problems=[
            f'mkdocs.yml:{STATUSES_LINE}: extra.archive.statuses: "unverified": its symbol is empty; give its symbol a value — see the Content format page (Statuses)'
        ],
    ),
    Case(
        "publisher-url-not-http",
        {"mkdocs.yml": in_config(PUBLISHER_NAME, PUBLISHER_NAME + "\n      url: javascript:alert(1)")},
        problems=[
            f'mkdocs.yml:{PUBLISHER_LINE + 1}: url "javascript:alert(1)" is not an http(s) address — give a full address starting with https:// or http://'
        ],
    ),
    Case(
        "publisher-name-a-number",
        {"mkdocs.yml": in_config(PUBLISHER_NAME, "      name: 123")},
        problems=[
            f'mkdocs.yml:{PUBLISHER_LINE}: name must be text, but YAML read it as the number 123 — put it in quotes: name: "123"'
        ],
    ),
    Case(
        "publisher-a-string",
        {"mkdocs.yml": in_config("    publisher:\n" + PUBLISHER_NAME, "    publisher: Just a string")},
        problems=[
            f"mkdocs.yml:{PUBLISHER_LINE - 1}: extra.archive.publisher must be a block of 'key: value' lines — see the Content format page"
        ],
    ),
    Case(
        "unknown-archive-option",
        {"mkdocs.yml": in_config("    publisher:\n", "    statues: {}\n    publisher:\n")},
        problems=[
            f'mkdocs.yml:{PUBLISHER_LINE - 1}: unknown key "statues" in extra.archive — did you mean "statuses"?'
        ],
    ),
    Case(
        "noncharacter-in-markdown-text",
        {A: article(SEED_BODY + "\ufdd0\n", format="markdown")},
        problems=["docs/articles/a.md: the text contains Unicode noncharacters U+FDD0–U+FDD2 — remove them"],
    ),
    Case(
        "markdown-quote-inside-a-link-address",
        {
            A: article("Read [the report](https://example.org/report-525) now.\n", format="markdown"),
            A_CLAIMS: "claims:\n" + claim("r", '"525"'),
        },
        problems=[
            "docs/articles/a.claims.yml:2: r: the quote is inside Markdown markup (a link address, an image or raw code) — quote words that stand in one run of plain text"
        ],
    ),
    Case(
        "markdown-quote-crossing-emphasis",
        {
            A: article("They destroyed **525 oil** tanker trucks.\n", format="markdown"),
            A_CLAIMS: "claims:\n" + claim("t", "525 oil** tanker"),
        },
        problems=[
            "docs/articles/a.claims.yml:2: t: the quote crosses Markdown formatting — quote words that stand in one run of plain text"
        ],
    ),
    # --- the flood is capped -----------------------------------------------------------------------
    Case(
        "flood-of-problems",
        {A_CLAIMS: "claims:\n" + "".join(claim(f"c{i}", f"missing {i}") for i in range(250))},
        problems=[
            'docs/articles/a.claims.yml:3: c0: quote "missing 0" is not in the article text — copy the words exactly as they stand',
            "... and 50 more problem(s) not shown — fix the ones above and run again",
        ],
        total=201,
    ),
]

# Cases that must build, showing the content inertly and exactly.
BUILD_CASES = [
    Case(
        "byte-order-mark",
        {A: b"\xef\xbb\xbf" + article(), A_CLAIMS: b"\xef\xbb\xbf" + SEED_CLAIMS.encode()},
        page=lambda page: page.find(id="claim-tanker-trucks").get_text() == "525 oil tanker trucks",
    ),
    Case(
        "crlf-line-endings",
        {
            A: article(SEED_BODY.replace("\n", "\r\n").replace("oil tanker", "oil\r\ntanker"), newline="\r\n"),
            A_CLAIMS: SEED_CLAIMS.replace("\n", "\r\n"),
        },
        page=lambda page: page.find(id="claim-tanker-trucks").get_text().split() == ["525", "oil", "tanker", "trucks"],
    ),
    Case(
        "unquoted-false-status",
        {A_CLAIMS: claims(("status: disputed", "status: false"))},
        page=lambda page: page.find(id="claim-militants-killed")["data-status"] == "false",
    ),
    Case("empty-sidecar", {A_CLAIMS: ""}, page=lambda page: len(page.select(".na-uncovered")) == 4),
    Case(
        "sidecar-of-comments-only",
        {A_CLAIMS: "# nothing yet\nclaims:\n# - id: x\n"},
        page=lambda page: not page.select(".na-claim"),
    ),
    Case(
        "script-and-html-in-title",
        {A: article(title=json.dumps(SCRIPT + IMG))},
        page=lambda page: (
            _hostile_page(page, [SCRIPT + IMG]) is None and page.find("title").get_text().startswith(SCRIPT)
        ),
    ),
    Case(
        "script-and-html-in-archived-text",
        {A: article(SEED_BODY + f"\n{SCRIPT}\n\n{IMG}<a href='javascript:alert(2)'>x</a><iframe src=//evil>\n")},
        page=lambda page: _hostile_page(page, [SCRIPT, IMG, "<a href='javascript:alert(2)'>x</a>"]) is None,
    ),
    Case(
        "script-and-html-in-notes",
        {A_CLAIMS: claims(("no independent check.", f"no check. {SCRIPT} {IMG} <a href='javascript:x'>y</a>"))},
        page=lambda page: _hostile_page(page, [SCRIPT, IMG]) is None,
    ),
    Case(
        "markup-in-names-and-outlet",
        {
            A: article(outlet=json.dumps(SCRIPT)),
            REGISTRY: CLAIMANTS.replace("name: Sergei Shoigu", f"name: {json.dumps(IMG)}"),
        },
        page=lambda page: _hostile_page(page, [SCRIPT, IMG]) is None,
    ),
    Case(
        "bidi-controls-in-archived-text",
        {A: article(SEED_BODY + "\nMoney \u202egnp.exe\u202c and 12 more.\n")},
        page=lambda page: "\u202egnp.exe\u202c" in page.find(class_="na-text").get_text(),
    ),
]


# --- hostile input, second round (issue 13) ------------------------------------------------------------
ARTICLES = "docs/articles"
LONG_NUMBER = "9" * 5000


def _link(name: str, target: str):
    def make(root):
        (root / ARTICLES / name).unlink(missing_ok=True)
        os.symlink(target, root / ARTICLES / name)

    return make


def _fifo(name: str):
    def make(root):
        (root / ARTICLES / name).unlink(missing_ok=True)
        os.mkfifo(root / ARTICLES / name)

    return make


def _raw_name(name: bytes):
    def make(root):
        (root / ARTICLES / os.fsdecode(name)).write_bytes(article())

    return make


def _with_note(note: str) -> str:
    """SEED_CLAIMS with its first claim's note replaced."""
    head, rest = SEED_CLAIMS.split("    note: ", 1)
    return head + "    note: " + note + "\n" + rest.split("\n", 1)[1]


def _claimant_name(name: str) -> str:
    return CLAIMANTS.replace("name: Sergei Shoigu", f"name: {name}")


HOSTILE_CASES = [
    # files from outside the archive
    Case(
        "symlink-raw-text-to-etc-passwd",
        {},
        problems=[
            "docs/articles/a.txt: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=_link("a.txt", "/etc/passwd"),
    ),
    Case(
        "symlinked-folder",
        {},
        problems=[
            "docs/articles/elsewhere: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=_link("elsewhere", "/etc"),
    ),
    Case(
        "dangling-symlink",
        {},
        problems=[
            "docs/articles/b.md: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=_link("b.md", "nowhere.md"),
    ),
    Case(
        "looping-symlink",
        {},
        problems=[
            "docs/articles/loop: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=_link("loop", "loop"),
    ),
    Case(
        "symlinked-claims-file",
        {},
        problems=[
            "docs/articles/a.claims.yml: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=_link("a.claims.yml", "../../mkdocs.yml"),
    ),
    Case(
        "symlink-among-static-files",
        {},
        problems=[
            "docs/assets/host.css: is a symbolic link — put the file itself here (only what is inside docs/ is published)"
        ],
        setup=lambda root: os.symlink("/etc/hostname", root / "docs/assets/host.css"),
    ),
    Case(
        "fifo-named-md",
        {},
        problems=["docs/articles/pipe.md: is a named pipe (FIFO), not a file — remove it from docs/"],
        setup=_fifo("pipe.md"),
    ),
    Case(
        "fifo-as-claims-file",
        {},
        problems=["docs/articles/a.claims.yml: is a named pipe (FIFO), not a file — remove it from docs/"],
        setup=_fifo("a.claims.yml"),
    ),
    # stray files
    Case(
        "near-miss-claims-yaml",
        {f"{ARTICLES}/a.claims.yaml": "claims: []\n"},
        problems=[
            "docs/articles/a.claims.yaml: is not an article, a claims file or a raw text — rename it to a.claims.yml"
        ],
    ),
    Case(
        "near-miss-claim-yml",
        {f"{ARTICLES}/a.claim.yml": "claims: []\n"},
        problems=[
            "docs/articles/a.claim.yml: is not an article, a claims file or a raw text — rename it to a.claims.yml"
        ],
    ),
    Case(
        "editor-backup-of-claims",
        {f"{ARTICLES}/a.claims.yml~": SEED_CLAIMS},
        problems=["docs/articles/a.claims.yml~: looks like an editor's backup — delete it (or move it out of docs/)"],
    ),
    Case(
        "patch-leftover-orig",
        {f"{ARTICLES}/a.md.orig": "x"},
        problems=["docs/articles/a.md.orig: looks like an editor's backup — delete it (or move it out of docs/)"],
    ),
    Case(
        "vim-swap-file",
        {"docs/.format.md.swp": "x", "docs/format.md.swp": "x"},
        problems=["docs/format.md.swp: looks like an editor's backup — delete it (or move it out of docs/)"],
    ),
    Case(
        "unknown-suffix-under-articles",
        {f"{ARTICLES}/a.pdf": b"%PDF-1.4"},
        problems=[
            "docs/articles/a.pdf: is not an article, a claims file or a raw text — only articles (X.md), their claims files (X.claims.yml) and raw texts (X.txt) belong here"
        ],
    ),
    Case(
        "raw-text-without-article",
        {f"{ARTICLES}/lone.txt": "text"},
        problems=[
            "docs/articles/lone.txt: raw text without an article (no lone.md beside it) — rename it to match its article, or delete it"
        ],
    ),
    Case(
        "hidden-article",
        {f"{ARTICLES}/.b.md": article()},
        problems=[
            "docs/articles/.b.md: is a hidden file (its name starts with '.'), which is never published — rename it without the leading '.'"
        ],
    ),
    Case(
        "dot-dot-md",
        {f"{ARTICLES}/..md": article()},
        problems=[
            "docs/articles/..md: is a hidden file (its name starts with '.'), which is never published — rename it without the leading '.'"
        ],
    ),
    # names
    Case(
        "hash-in-file-name",
        {f"{ARTICLES}/b#1.md": article()},
        problems=[
            "docs/articles/b#1.md: its name contains #, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "question-mark-in-file-name",
        {f"{ARTICLES}/b?.md": article()},
        problems=[
            "docs/articles/b?.md: its name contains ?, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "percent-in-file-name",
        {f"{ARTICLES}/100%.md": article()},
        problems=[
            "docs/articles/100%.md: its name contains %, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "colon-in-file-name",  # a link to its raw text would be javascript:alert(1).txt
        {f"{ARTICLES}/javascript:alert(1).md": article()},
        problems=[
            "docs/articles/javascript:alert(1).md: its name contains :, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "escape-in-file-name",
        {f"{ARTICLES}/b\x1b[31m.md": article()},
        problems=[
            "docs/articles/b\\u001b[31m.md: its name contains U+001B, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "rtl-override-in-file-name",
        {f"{ARTICLES}/b\u202egnp.md": article()},
        problems=[
            "docs/articles/b\\u202egnp.md: its name contains U+202E, which would break links to it — rename it without #, ?, %, :, backslash, control or direction-control characters"
        ],
    ),
    Case(
        "names-differing-only-in-case",
        {f"{ARTICLES}/Ab.md": article(), f"{ARTICLES}/ab.md": article()},
        problems=[
            "docs/articles/ab.md: its name differs from Ab.md only in letter case or in how its accents are encoded — rename one of them: on macOS and Windows the two are one file"
        ],
    ),
    Case(
        "names-differing-only-in-accent-encoding",
        {f"{ARTICLES}/caf\u00e9.md": article(), f"{ARTICLES}/cafe\u0301.md": article()},
        problems=[
            "docs/articles/caf\u00e9.md: its name differs from cafe\u0301.md only in letter case or in how its accents are encoded — rename one of them: on macOS and Windows the two are one file"
        ],
    ),
    Case(
        "file-name-not-utf8",
        {},
        problems=["docs/articles/caf\\udce9.md: its name is not UTF-8 — rename it (e.g. `convmv -f latin1 -t utf-8`)"],
        setup=_raw_name(b"caf\xe9.md"),
    ),
    Case(
        "file-name-too-long-for-its-outputs",
        {f"{ARTICLES}/{'n' * 251}.md": article()},
        problems=[
            "docs/articles/nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn.md: the build would write nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…nnnnnnnnnnnnnn.html, a name of 256 bytes, over the 255-byte limit of file names — give the article a shorter file name"
        ],
    ),
    # collisions with what the build writes
    Case(
        "json-beside-article",
        {f"{ARTICLES}/a.json": "{}"},
        problems=[
            "docs/articles/a.json: is not an article, a claims file or a raw text — the build writes the page and data files of each article itself: remove it"
        ],
    ),
    Case(
        "annotations-beside-article",
        {f"{ARTICLES}/a.annotations.jsonld": "{}"},
        problems=[
            "docs/articles/a.annotations.jsonld: is not an article, a claims file or a raw text — the build writes the page and data files of each article itself: remove it"
        ],
    ),
    Case(
        "static-claims-csv",
        {"docs/claims.csv": "a,b\n"},
        problems=[
            "docs/claims.csv: the build writes one of the site's generated files at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "hand-written-claims-page",
        {"docs/claims.md": "# My claims\n"},
        problems=[
            "docs/claims.md: the build writes one of the archive's generated pages at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "hand-written-second-claimants-page",
        {"docs/claimants_2.md": "# More\n"},
        problems=[
            "docs/claimants_2.md: the build writes one of the archive's generated pages at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "static-file-in-claimants-folder",
        {"docs/claimants/russian-mod.md": "# Mine\n"},
        problems=[
            "docs/claimants/russian-mod.md: the build writes the generated folder claimants/ at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "static-file-in-search-index-folder",
        {"docs/search/archive/meta.js": "x"},
        problems=[
            "docs/search/archive/meta.js: the build writes the generated folder search/archive/ at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "static-annotations-of-a-year",
        {"docs/annotations-2015.jsonld": "{}"},
        problems=[
            "docs/annotations-2015.jsonld: the build writes one of the site's generated files at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "static-feed",
        {"docs/feed.xml": "<feed/>"},
        problems=[
            "docs/feed.xml: the build writes one of the site's generated files at this path — rename or remove this file: the build makes its own"
        ],
    ),
    Case(
        "static-offline-zip",
        {"docs/annotated-news-archive-offline.zip": b"PK"},
        problems=[
            "docs/annotated-news-archive-offline.zip: the build writes one of the site's generated files at this path — rename or remove this file: the build makes its own"
        ],
    ),
    # bounded work
    Case(
        "note-of-100-kb-of-open-links",
        {A_CLAIMS: _with_note(json.dumps("[x](" * 25000))},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note is 100,000 characters, over the 5,000-character limit — keep the side note short and link to a fuller explanation (evidence:)"
        ],
    ),
    Case(
        "note-of-brackets-and-long-words",
        {A_CLAIMS: _with_note(json.dumps("[x](" * 60 + "word " * 800))},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note has paragraphs too long for the number of '[' in them — split long paragraphs, or remove stray '[' (a Markdown text can be archived with format: text)"
        ],
    ),
    Case(
        "markdown-text-of-open-links",
        {A: article("[x](" * 2500 + "\n", format="markdown")},
        problems=[
            "docs/articles/a.md: the text has paragraphs too long for the number of '[' in them — split long paragraphs, or remove stray '[' (a Markdown text can be archived with format: text)"
        ],
    ),
    Case(
        "one-letter-quote-found-many-times",
        {A: article("a a\n" * 5000), A_CLAIMS: "claims:\n" + claim("x", "a")},
        problems=[
            'docs/articles/a.claims.yml:3: x: quote "a" appears 10000 times in a.md (lines 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 and 4,990 more) — add `occurrence: N` for the one you mean, or quote more words'
        ],
    ),
    Case(
        "thousands-of-near-miss-quotes",
        {A_CLAIMS: "claims:\n" + "".join(claim(f"m{i}", f"526 oil tanker truck {i}") for i in range(3000))},
        problems=[
            'docs/articles/a.claims.yml:3: m0: quote "526 oil tanker truck 0" is not in the article text — nearest passage: "525 oil tanker trucks during"; copy the words exactly as they stand',
            "... and 2800 more problem(s) not shown — fix the ones above and run again",
        ],
        total=201,
    ),
    Case(
        "occurrence-of-5000-digits",
        {
            A_CLAIMS: claims(
                (
                    "    claimant: sergei-shoigu\n    via: [russian-mod]",
                    f"    claimant: sergei-shoigu\n    occurrence: {LONG_NUMBER}\n    via: [russian-mod]",
                )
            )
        },
        problems=[
            "docs/articles/a.claims.yml:5: tanker-trucks: occurrence must be a whole number from 1 — e.g. occurrence: 2"
        ],
    ),
    Case(
        "figure-value-of-5000-digits",
        {A_CLAIMS: claims(("    via: [russian-mod]", f"    via: [russian-mod]\n    figure: {{value: {LONG_NUMBER}}}"))},
        problems=[
            'docs/articles/a.claims.yml:6: tanker-trucks: figure.value "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999… (5,000 characters)" is not a number — write digits only, without thousands separators or units, e.g. 60000 or 1.5e6'
        ],
    ),
    Case(
        "figure-value-infinite",
        {A_CLAIMS: claims(("    via: [russian-mod]", "    via: [russian-mod]\n    figure: {value: 1e999}"))},
        problems=[
            'docs/articles/a.claims.yml:6: tanker-trucks: figure.value "1e999" is not a number — write digits only, without thousands separators or units, e.g. 60000 or 1.5e6'
        ],
    ),
    # control and direction-control characters
    Case(
        "nul-in-title",
        {A: article(title='"A \\0 title"')},
        problems=[
            "docs/articles/a.md:2: title contains control character(s) U+0000 — retype it without them (tabs and line feeds are fine)"
        ],
    ),
    Case(
        "escape-in-outlet",
        {A: article(outlet='"Outlet \\e[2J"')},
        problems=[
            "docs/articles/a.md:3: outlet contains control character(s) U+001B — retype it without them (tabs and line feeds are fine)"
        ],
    ),
    Case(
        "c1-control-in-claimant-name",
        {REGISTRY: _claimant_name('"Sergei\\x85Shoigu"')},
        problems=[
            'docs/articles/a.claims.yml:4: tanker-trucks: unknown claimant "sergei-shoigu" — valid claimant ids: associated-press, russian-mod — or define it under claimants: or in docs/claimants.yml',
            'docs/articles/a.claims.yml:10: militants-killed: unknown claimant "sergei-shoigu" — valid claimant ids: associated-press, russian-mod — or define it under claimants: or in docs/claimants.yml',
            "docs/claimants.yml:1: sergei-shoigu: name contains control character(s) U+0085 — retype it without them (tabs and line feeds are fine)",
        ],
    ),
    Case(
        "del-in-note",
        {A_CLAIMS: _with_note('"A note\\x7f."')},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: note contains control character(s) U+007F — retype it without them (tabs and line feeds are fine)"
        ],
    ),
    Case(
        "unterminated-rtl-override-in-name",
        {REGISTRY: _claimant_name('"Sergei \\u202eShoigu"')},
        problems=[
            'docs/articles/a.claims.yml:4: tanker-trucks: unknown claimant "sergei-shoigu" — valid claimant ids: associated-press, russian-mod — or define it under claimants: or in docs/claimants.yml',
            'docs/articles/a.claims.yml:10: militants-killed: unknown claimant "sergei-shoigu" — valid claimant ids: associated-press, russian-mod — or define it under claimants: or in docs/claimants.yml',
            "docs/claimants.yml:1: sergei-shoigu: name contains invisible character(s) U+202E — retype it without zero-width or direction-control characters",
        ],
    ),
    Case(
        "escape-in-url",
        {A: article(url='"https://example.org/\\e[31m"')},
        problems=[
            "docs/articles/a.md:6: url contains control character(s) U+001B — retype it without them (tabs and line feeds are fine)"
        ],
    ),
    # links
    Case(
        "protocol-relative-link-in-note",
        {A_CLAIMS: _with_note("See [this](//evil.example/x).")},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note links to a forbidden address: //evil.example/x — notes may link only to http(s) or mailto addresses"
        ],
    ),
    Case(
        "backslash-protocol-relative-link-in-note",
        {A_CLAIMS: _with_note('"See [this](/\\\\evil.example/x)."')},
        problems=[
            "docs/articles/a.claims.yml:7: tanker-trucks: the note links to a forbidden address: /\\evil.example/x — notes may link only to http(s) or mailto addresses"
        ],
    ),
    Case(
        "protocol-relative-link-in-markdown-text",
        {A: article(SEED_BODY + "\nSee [the source](//evil.example/x).\n", format="markdown")},
        problems=[
            "docs/articles/a.md:12: the Markdown text links to a protocol-relative address: //evil.example/x — archive it with format: text, or ask for the text to be re-imported with full addresses"
        ],
    ),
    Case(
        "protocol-relative-link-definition-in-markdown-text",
        {A: article(SEED_BODY + "\nSee [the source][s].\n\n[s]: //evil.example/x\n", format="markdown")},
        problems=[
            "docs/articles/a.md:14: the Markdown text links to a protocol-relative address: //evil.example/x — archive it with format: text, or ask for the text to be re-imported with full addresses"
        ],
    ),
    # ids exactly as written
    Case(
        "id-with-a-sign",
        {A_CLAIMS: claims(("id: tanker-trucks", "id: +1"))},
        problems=[
            'docs/articles/a.claims.yml:2: id "+1" is not a valid id — use only lowercase letters, digits and \'-\', e.g. "1"'
        ],
    ),
]
HOSTILE_CASES.append(
    Case(
        "duplicate-status-key-in-config",
        {
            "mkdocs.yml": in_config(
                "    # statuses:\n", "    statuses:\n      disputed: {label: A}\n      disputed: {label: B}\n"
            )
        },
        problems=[f'mkdocs.yml:{STATUSES_LINE + 1}: key "disputed" appears twice in the same block — keep only one'],
    )
)
CASES += HOSTILE_CASES

BUILD_CASES += [
    Case(
        "id-with-leading-zeros",
        {A_CLAIMS: claims(("id: tanker-trucks", "id: 007"))},
        page=lambda page: page.find(id="claim-007").get_text() == "525 oil tanker trucks",
    ),
    Case(
        "title-of-5000-digits",
        {A: article(title=LONG_NUMBER)},
        page=lambda page: page.find("h1").get_text().startswith("9999"),
    ),
    Case(
        "image-with-javascript-address-in-note",
        {A_CLAIMS: _with_note("See ![the chart](javascript:alert(1)) here.")},
        page=lambda page: "See the chart here." in page.get_text() and not page.select(".na-article img"),
    ),
    Case(
        "outlet-too-long-for-a-file-name",  # outlets/SLUG.html: the slug is cut at a word
        {A: article(outlet="Outlet " * 60)},
        page=lambda page: "Outlet Outlet" in page.find(class_="na-provenance").get_text(),
    ),
    Case(
        "hidden-files-are-ignored",
        {f"{ARTICLES}/.DS_Store": b"\0\0", "docs/.notes": "x"},
        page=lambda page: page.find(id="claim-tanker-trucks") is not None,
    ),
    Case(
        "static-file-of-any-suffix-outside-articles",
        {"docs/assets/report.pdf": b"%PDF-1.4"},
        page=lambda page: page.find(id="claim-tanker-trucks") is not None,
    ),
]
