"""What a build says of its own work (hooks/archive/build.py): log lines, not problems of the content."""

from __future__ import annotations


def left_behind(path: str) -> str:
    return (
        f"{path}: the previous build's files that this user may not delete are left in this hidden folder, "
        "and would be published with the site: remove it (e.g. with `sudo rm -r`)"
    )
