"""What `mkdocs serve` says of its updates (hooks/archive/preview/): log lines, not problems."""

from __future__ import annotations


def updated(plan, written: int, seconds: float, planned: float, first: float) -> str:
    return (
        f"Preview updated in {seconds:.2f} s (the edited pages served after {first:.2f} s, the lists planned "
        f"after {planned:.2f} s): of {plan.candidates} pages checked, "
        f"{len(plan.contents)} rendered "
        f"again and {len(plan.heads)} changed in their counts only, "
        f"{written} files written, {len(plan.removed)} removed; the data files follow, and the offline zip "
        "stays as the last whole build made it until mkdocs.yml is saved or the server restarted"
    )


def data(line: str) -> str:
    return f"Preview: data files up to date ({line})"


def not_articles(paths: str) -> str:
    return f"Preview: the whole site is rebuilt: not only articles' files changed ({paths})"


def whole(why: str) -> str:
    return (
        f"Preview: the whole site is rebuilt: an update cannot take the article {why} on its own "
        "(a problem in it or in its claims file, claimants defined in its claims file, a raw text added or "
        "removed, a claim it shares with another article, or the navigation changes)"
    )


def failed() -> str:
    return "Preview: the update failed (a bug: please report it); the whole site is rebuilt"
