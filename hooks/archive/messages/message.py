"""A message: the wording of one kind of problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    code: str
    what: str  # a str.format template
    fix: str  # a str.format template
    meaning: str  # for the errors page
    example: dict  # sample values for the errors page (and the test that renders every message)
