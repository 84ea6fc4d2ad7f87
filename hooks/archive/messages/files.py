"""Problems of the files themselves: which exist, where, what they are, how they read."""

from __future__ import annotations

from .message import Message

MESSAGES = [
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
        "utf16-file",
        "is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8",
        "convert it to UTF-8, e.g. `iconv -f utf-16 -t utf-8`, or save it as UTF-8",
        'Archive files must be UTF-8. Some editors save "Unicode" text as UTF-16; '
        "`python -m hooks import` reads UTF-16 and writes UTF-8.",
        {},
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
        "rename it without #, ?, %, :, backslash, control or direction-control characters",
        "`#` and `?` end the path of an address, `%` starts an escape and a `:` makes a link read as a scheme "
        "(`javascript:x.txt`), so a link to such a file would lead elsewhere; control and direction-control "
        "characters make a name look like another.",
        {"characters": "#"},
    ),
    Message(
        "name-clash",
        "its name differs from {other} only in letter case or in how its accents are encoded",
        "rename one of them: on macOS and Windows the two are one file",
        "GitHub Pages tells `Ab.md` from `ab.md`, but a copy of the site on a case-insensitive disk (the "
        "offline copy unpacked on macOS or Windows) keeps only one of them, and the other's links break.",
        {"other": "Ab.md"},
    ),
    Message(
        "name-too-long",
        "the build would write {name}, a name of {length} bytes, over the {limit}-byte limit of file names",
        "give the article a shorter file name",
        "Beside each article X.md the build writes its page X.html; file systems "
        "refuse names longer than 255 bytes (an accented letter takes two).",
        {"name": "a-very-long-name….html", "length": 256, "limit": 255},
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
