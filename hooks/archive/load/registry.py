"""The claimant registry: docs/claimants.yml and the `claimants:` blocks of claims files, merged."""

from __future__ import annotations

from ..model import Claimant
from . import fields
from .source import Source, check_block


def load_registry_file(source: Source, claimants: dict) -> bool:
    """False if the registry exists but cannot be read (its problem is already reported)."""
    if not source.path.exists():
        return True  # no registry: every claimant is defined in the claims files
    read = source.read_text(may_be_empty=True)
    if read is None:
        return False
    reported = len(source.problems.items)
    data = source.yaml(read[1])
    if len(source.problems.items) > reported:
        return False
    return data is None or merge_claimants(source, data, claimants)


def merge_claimants(source: Source, data, claimants: dict) -> bool:
    """Adds the claimants of a file to the registry; False if the file's shape is wrong."""
    if not isinstance(data, dict):
        source.problem(getattr(data, "line", 1), "claimants-not-a-block")
        return False
    for claimant_id, block in data.items():
        line = data.key_lines.get(claimant_id)
        try:
            fields.identifier(claimant_id, "claimant id")
        except fields.FieldError as error:
            source.problem(line, error.code, **error.values)
            continue
        clean = check_block(source, block, fields.CLAIMANT, f"claimant {claimant_id}", claimant_id)
        if clean is None:
            continue
        claimant = Claimant(id=claimant_id, defined_in=source.shown, line=line, **clean)
        existing = claimants.get(claimant_id)
        if existing is not None and _claimant_fields(existing) != _claimant_fields(claimant):
            where = f"{existing.defined_in}:{existing.line}"
            source.problem(line, "claimant-conflict", claimant_id, value=claimant_id, where=where)
            continue
        claimants.setdefault(claimant_id, claimant)
    return True


class AnyClaimant(dict):
    """The registry when docs/claimants.yml is broken: any id passes the reference check."""

    def __contains__(self, key) -> bool:
        return True


def _claimant_fields(claimant: Claimant):
    return (claimant.name, claimant.kind, claimant.role, claimant.affiliation, claimant.url)
