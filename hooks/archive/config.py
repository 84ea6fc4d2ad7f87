"""The archive's options in mkdocs.yml (`extra: archive:`), typed and checked like the content.

    extra:
      archive:
        publisher: {name: Annotated News Archive, url: https://example.org/}
        statuses:
          disputed: {label: Contested}   # change a status; add one; `id: null` removes one

They are read from the file by the archive's own YAML reader (load/yamlsafe.py), for `check` and
for the build alike, so both see the same values and every problem names its line of mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import fields
from .load.source import Source, check_block
from .model import Publisher, Status
from .problems import Problems, did_you_mean
from .statuses import build_statuses

OPTIONS = ("publisher", "statuses")
PUBLISHER = {"name": (fields.text, False), "url": (fields.url, False)}


@dataclass(frozen=True)
class ArchiveConfig:
    statuses: dict[str, Status]
    publisher: Publisher


def read_config(config_path: Path, problems: Problems, root: Path) -> ArchiveConfig:
    """extra.archive of mkdocs.yml (the defaults where it is absent); its problems go to problems."""
    source = Source(Path(config_path), problems, root)
    archive = _archive_block(source)
    if archive is None:
        return ArchiveConfig(build_statuses(None, source), Publisher())
    for key in archive:
        if key not in OPTIONS:
            hint = did_you_mean(key, OPTIONS, "options")
            source.problem(archive.key_lines.get(key), "unknown-key", key=key, what="extra.archive", hint=hint)
    statuses = build_statuses(archive.get("statuses"), source, archive.key_lines.get("statuses"))
    publisher = Publisher()
    if archive.get("publisher") is not None:
        line = archive.key_lines.get("publisher")
        clean = check_block(source, archive["publisher"], PUBLISHER, "extra.archive.publisher", line=line)
        if clean is not None:
            publisher = Publisher(**clean)
    return ArchiveConfig(statuses, publisher)


def _archive_block(source: Source):
    """The `extra: archive:` mapping, or None (absent, or reported as wrong)."""
    if not source.path.exists():
        return None
    read = source.read_text()
    config = source.yaml(read[1], tags=True) if read else None  # MkDocs's own file: its tags are MkDocs's
    extra = config.get("extra") if isinstance(config, dict) else None
    archive = extra.get("archive") if isinstance(extra, dict) else None
    if archive is not None and not isinstance(archive, dict):
        source.problem(extra.key_lines.get("archive"), "not-a-block", what="extra.archive")
        return None
    return archive
