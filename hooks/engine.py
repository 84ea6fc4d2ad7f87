"""The build engine that the tests and the benchmark run: MkDocs (the default), or ProperDocs, the
maintained continuation of MkDocs 1.x, chosen by the ARCHIVE_ENGINE environment variable.

Both read the same mkdocs.yml and run the same hooks (see the Build engines page, docs/engines.md).
"""

from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    name = os.environ.get("ARCHIVE_ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"ARCHIVE_ENGINE={name!r}: use one of {', '.join(ENGINES)}")
    return name


def command(*args: str) -> list[str]:
    """The engine run as `python -m ENGINE ARGS...` by this Python."""
    return [sys.executable, "-m", engine(), *args]
