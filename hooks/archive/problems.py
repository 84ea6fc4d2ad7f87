"""Content problems: what an editor sees when the archive cannot be built.

Every problem names the file, the line, the claim (when there is one), what is
wrong and how to fix it, on one line:

    docs/articles/x.claims.yml:12: tanker-trucks: quote not found — copy the words as they stand

The wording of every problem lives in messages.py.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from . import messages

# A flood of problems (a whole folder of broken files) is cut at this many lines;
# the count of the rest is still given.
MAX_REPORTED = 200
# A value from content shown in a problem is cut to this many characters: one line stays readable
# whatever the value (a 100,000-character quote, a 5,000-digit number).
MAX_VALUE_CHARS = 160
_FROM_CONTENT = {"value", "quote", "key", "characters", "claimant", "other"}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    code: str  # a key of messages.MESSAGES
    values: tuple = ()  # the message's values, as sorted (name, value) pairs
    claim: str | None = None

    @property
    def what(self) -> str:
        return messages.render(self.code, dict(self.values))[0]

    @property
    def fix(self) -> str:
        return messages.render(self.code, dict(self.values))[1]

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        who = f" {self.claim}:" if self.claim else ""
        what, fix = messages.render(self.code, dict(self.values))
        return printable(f"{where}:{who} {what} — {fix}")


def printable(line: str) -> str:
    """One terminal line: control, format and line-break characters from content are shown as escapes,
    and so are variation selectors (a "❤" and a "❤\ufe0f" look alike: told apart, a quote can be fixed)."""
    return "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in line)


def _hidden(char: str) -> bool:
    return (unicodedata.category(char)[0] in "CZ" and char != " ") or "\ufe00" <= char <= "\ufe0f"


def shown_cycle(hops: list[str], most: int = 6) -> str:
    """A cycle as one readable line: "a → b → c → a", or its first and last hops when it is long."""
    if len(hops) <= most:
        return " → ".join(hops)
    return " → ".join([*hops[:3], f"… ({len(hops) - 5} more)", *hops[-2:]])


class ContentError(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the archive content")

    def lines(self) -> list[str]:
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        hidden = len(self.problems) - len(shown)
        if hidden > 0:
            what, fix = messages.render("too-many-problems", {"count": hidden})
            shown.append(f"{what} — {fix}")
        return shown


class Problems:
    """Collects problems while loading, so that one run reports them all."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path, line, code: str, claim=None, **values) -> None:
        values = {name: _shortened(value) if name in _FROM_CONTENT else value for name, value in values.items()}
        messages.render(code, values)  # fail here, in the code's own test, if a value is missing
        self.items.append(Problem(str(path), line, code, tuple(sorted(values.items())), claim))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            # A file reported twice the same way (a symbolic link found by the walk of docs/ and by its reader) once.
            raise ContentError(sorted(dict.fromkeys(self.items), key=_order))


def _shortened(value):
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        return f"{value[: MAX_VALUE_CHARS - 40]}… ({len(value):,} characters)"
    return value


def _order(problem: Problem):
    return (problem.path, problem.line or 0)


def nearest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The closest valid name to a misspelt one, if any is close enough."""
    found = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return found[0] if found else None


def valid_choices(word: str, choices, what: str) -> str:
    """A fix hint that always lists the valid names (up to 12), the nearest first when one is near.

    For a closed vocabulary such as statuses: "unconfirmed" is near "confirmed", yet may mean
    "unverified"; the whole list lets the editor choose.
    """
    choices = sorted(str(c) for c in choices)
    guess = nearest(word, choices)
    if len(choices) > 12:
        return (f'did you mean "{guess}"? ' if guess else "") + f"use one of the {len(choices)} defined {what}"
    if guess:
        near = difflib.get_close_matches(str(word), choices, n=len(choices), cutoff=0.6)
        ranked = near + [c for c in choices if c not in near]
        return f"valid {what}, nearest first: {', '.join(ranked)}"
    return f"valid {what}: {', '.join(choices) if choices else '(none defined)'}"


def _initials(word: str, choices: list[str]) -> str | None:
    """The one id whose words' initials the word is ("ap" for "associated-press"), if only one."""
    if len(word) < 2 or "-" in word:
        return None
    found = [c for c in choices if "-" in c and "".join(part[:1] for part in c.split("-") if part) == word.lower()]
    return found[0] if len(found) == 1 else None


def did_you_mean(word: str, choices, what: str = "") -> str:
    """A fix hint: the nearest valid name, or the list of valid names."""
    choices = sorted(str(c) for c in choices)
    guess = nearest(word, choices) or _initials(word, choices)
    if guess:
        return f'did you mean "{guess}"?'
    if len(choices) <= 12:
        listed = ", ".join(choices) if choices else "(none defined)"
        return f"valid {what or 'values'}: {listed}"
    return f"use one of the {len(choices)} defined {what or 'values'}"
