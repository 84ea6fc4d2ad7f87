"""Loading and validating the whole archive, reporting every problem at once.

Runs before anything is written, so a broken archive never replaces a good
site. Reads each file once; the rest of the build works from the result.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import fields, render, safe_markdown, yamlsafe
from .anchor import Normalized, line_of, nearest_passage, occurrences
from .figures import find_figures
from .model import Archive, Article, Claim, Claimant, Link
from .problems import Problems, did_you_mean
from .statuses import build_statuses

ARTICLES_DIR = "articles"
REGISTRY = "claimants.yml"
SIDECAR_SUFFIX = ".claims.yml"
RAW_SUFFIX = ".txt"
MAX_FILE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"


class Source:
    """A file being read: its path as shown to the editor, and its problems."""

    def __init__(self, path: Path, problems: Problems):
        self.path = path
        self.shown = _shown(path)
        self.problems = problems

    def problem(self, line, what, fix="", claim=None):
        self.problems.add(self.shown, line, what, fix, claim)

    def read_text(self) -> tuple[bytes, str] | None:
        try:
            data = self.path.read_bytes()
        except OSError as error:
            self.problem(None, f"cannot be read: {error.strerror}", "check the file's permissions")
            return None
        if len(data) > MAX_FILE_BYTES:
            self.problem(
                None,
                f"is {len(data):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
                "archive long documents in parts",
            )
            return None
        if not data.strip():
            self.problem(1, "is empty", "delete it, or re-import the article with `python -m hooks import`")
            return None
        if data.startswith(BOM):  # a byte-order mark is harmless: skip it
            data = data[len(BOM) :]
        try:
            return data, data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            self.problem(
                line,
                f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})",
                "convert it to UTF-8, e.g. `iconv -f windows-1252 -t utf-8`",
            )
            return None

    def yaml(self, text: str):
        try:
            return yamlsafe.load(text)
        except yamlsafe.YamlError as error:
            self.problem(error.line, error.message, error.fix)
            return None


def _shown(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def check_block(source: Source, block, table: dict, what: str, claim_id=None) -> dict | None:
    """Check a YAML mapping against a field table; returns the clean fields or None."""
    if not isinstance(block, dict):
        line = getattr(block, "line", None)
        source.problem(line, f"{what} must be a block of 'key: value' lines", "see docs/format.md", claim_id)
        return None
    clean, ok = {}, True
    lines = getattr(block, "key_lines", {})
    for key in block:
        if key not in table:
            source.problem(lines.get(key), f'unknown key "{key}" in {what}', did_you_mean(key, table, "keys"), claim_id)
            ok = False
    for key, (check, required) in table.items():
        value = block.get(key)
        if value is None:
            if required:
                source.problem(
                    block.line or None, f"{what} is missing the required key {key}", f"add `{key}:`", claim_id
                )
                ok = False
            continue
        try:
            clean[key] = check(value, key)
        except fields.FieldError as error:
            source.problem(lines.get(key), error.what, error.fix, claim_id)
            ok = False
    return clean if ok else None


def load_archive(docs_dir: Path, statuses_override=None, config_path: str = "mkdocs.yml") -> Archive:
    """Load, validate and anchor everything; raises ContentError listing all problems."""
    problems = Problems()
    docs_dir = Path(docs_dir)
    statuses = build_statuses(statuses_override, problems, config_path)
    claimants: dict[str, Claimant] = {}
    _load_claimants_file(Source(docs_dir / REGISTRY, problems), claimants, required=False)

    articles_dir = docs_dir / ARTICLES_DIR
    article_paths = sorted(articles_dir.rglob("*.md")) if articles_dir.is_dir() else []
    sidecar_paths = sorted(articles_dir.rglob("*" + SIDECAR_SUFFIX)) if articles_dir.is_dir() else []
    article_stems = {str(p)[: -len(".md")] for p in article_paths}
    for sidecar in sidecar_paths:
        if str(sidecar)[: -len(SIDECAR_SUFFIX)] not in article_stems:
            Source(sidecar, problems).problem(
                None,
                f"claims file without an article (no {sidecar.name[: -len(SIDECAR_SUFFIX)]}.md beside it)",
                "rename it to match its article, or delete it",
            )

    articles, pending = [], []
    for path in article_paths:
        article = _load_article(Source(path, problems), docs_dir)
        if article is not None:
            articles.append(article)
        sidecar = Path(str(path)[: -len(".md")] + SIDECAR_SUFFIX)
        if sidecar.exists():
            # Checked even when its article is broken, so one run reports both.
            source = Source(sidecar, problems)
            claims_data = _load_sidecar(source, claimants)
            if article is not None:
                article.sidecar_src = sidecar.relative_to(docs_dir).as_posix()
            pending.append((article, source, claims_data))

    for claimant in claimants.values():
        if claimant.affiliation and claimant.affiliation not in claimants:
            problems.add(
                claimant.defined_in,
                claimant.line,
                f'{claimant.id}: affiliation "{claimant.affiliation}" is not a known claimant',
                did_you_mean(claimant.affiliation, claimants, "claimant ids") + f" — or define it in docs/{REGISTRY}",
            )
    for article, source, claims_data in pending:
        claims = _claims(source, article, claims_data, claimants, statuses)
        if article is not None:
            article.claims = claims

    problems.raise_if_any()
    articles.sort(key=lambda a: (a.archived, a.src), reverse=True)
    return Archive(articles=articles, claimants=claimants, statuses=statuses)


def _load_claimants_file(source: Source, claimants: dict, required: bool) -> None:
    if not source.path.exists():
        if required:
            source.problem(None, "is missing", "create it")
        return
    read = source.read_text()
    if read is None:
        return
    data = source.yaml(read[1])
    if data is None:
        return
    _merge_claimants(source, data, claimants)


def _merge_claimants(source: Source, data, claimants: dict) -> None:
    if not isinstance(data, dict):
        source.problem(
            getattr(data, "line", 1), "claimants must be a block of `id: {name: ..., kind: ...}`", "see docs/format.md"
        )
        return
    for claimant_id, block in data.items():
        line = data.key_lines.get(claimant_id)
        try:
            fields.identifier(claimant_id, "claimant id")
        except fields.FieldError as error:
            source.problem(line, error.what, error.fix)
            continue
        clean = check_block(source, block, fields.CLAIMANT, f"claimant {claimant_id}", claimant_id)
        if clean is None:
            continue
        claimant = Claimant(id=claimant_id, defined_in=source.shown, line=line, **clean)
        existing = claimants.get(claimant_id)
        if existing is not None and _claimant_fields(existing) != _claimant_fields(claimant):
            source.problem(
                line,
                f'claimant "{claimant_id}" is already defined differently in {existing.defined_in}:{existing.line}',
                "define each claimant once (shared ones in docs/claimants.yml) and refer to it by id",
                claimant_id,
            )
            continue
        claimants.setdefault(claimant_id, claimant)


def _claimant_fields(claimant: Claimant):
    return (claimant.name, claimant.kind, claimant.role, claimant.affiliation, claimant.url)


def _split_front_matter(source: Source, data: bytes, text: str):
    """Front matter text, its first line number, and the body bytes and text."""
    first_newline = data.find(b"\n")
    if first_newline == -1 or data[:first_newline].rstrip(b"\r") != b"---":
        source.problem(
            1, "does not start with a front matter line '---'", "articles begin with '---', the fields, then '---'"
        )
        return None
    position = first_newline + 1
    while position < len(data):
        end = data.find(b"\n", position)
        line_end = len(data) if end == -1 else end
        if data[position:line_end].rstrip(b"\r") in (b"---", b"..."):
            body_start = line_end + 1 if end != -1 else len(data)
            front = data[first_newline + 1 : position].decode("utf-8")
            body_bytes = data[body_start:]
            return front, body_bytes, body_bytes.decode("utf-8")
        if end == -1:
            break
        position = end + 1
    source.problem(1, "front matter is never closed", "add a line '---' after the fields")
    return None


def _load_article(source: Source, docs_dir: Path) -> Article | None:
    read = source.read_text()
    if read is None:
        return None
    data, text = read
    split = _split_front_matter(source, data, text)
    if split is None:
        return None
    front_text, body_bytes, body = split
    meta = source.yaml("\n" + front_text)  # the blank line stands for '---': lines match the file
    if meta is None:
        if not front_text.strip():
            source.problem(2, "front matter is empty", "give at least title, outlet, archived and sha256")
        return None
    clean = check_block(source, meta, fields.FRONT_MATTER, "the front matter")
    if clean is None:
        return None
    actual = hashlib.sha256(body_bytes).hexdigest()
    if clean["sha256"] != actual:
        source.problem(
            meta.key_lines.get("sha256"),
            f"the archived text does not match its sha256 (the text's hash is {actual})",
            "the archived text must not be edited: restore it from the raw .txt beside it, "
            "or, if you re-imported it on purpose, set sha256 to the new hash",
        )
        return None
    src = source.path.relative_to(docs_dir).as_posix()
    raw = source.path.with_suffix(RAW_SUFFIX)
    article = Article(
        src=src,
        body=body,
        raw_src=raw.relative_to(docs_dir).as_posix() if raw.exists() else None,
        **clean,
    )
    if clean.get("format") == "markdown" and render.MARKERS.search(body):
        source.problem(None, "the text contains Unicode noncharacters U+FDD0–U+FDD2", "remove them")
        return None
    article.figures = find_figures(body)
    return article


def _load_sidecar(source: Source, claimants: dict):
    read = source.read_text()
    if read is None:
        return None
    data = source.yaml(read[1])
    if data is None:
        return None  # an empty sidecar (or only comments): no claims yet
    if not isinstance(data, dict):
        source.problem(
            getattr(data, "line", 1),
            "must be a block with `claims:` (and optionally `claimants:`)",
            "see docs/format.md",
        )
        return None
    for key in data:
        if key not in fields.SIDECAR:
            source.problem(data.key_lines.get(key), f'unknown key "{key}"', did_you_mean(key, fields.SIDECAR, "keys"))
    if data.get("claimants") is not None:
        _merge_claimants(source, data["claimants"], claimants)
    claims = data.get("claims")
    if claims is not None and not isinstance(claims, list):
        source.problem(
            data.key_lines.get("claims"),
            "claims must be a list of claims, each starting with '- id:'",
            "see docs/format.md",
        )
        return None
    return claims


def _claims(source: Source, article: Article | None, claims_data, claimants, statuses) -> list[Claim]:
    """The claims of one article; with article None (it failed to load), only their fields are checked."""
    if not claims_data:
        return []
    normalized = Normalized(article.body) if article else None
    paragraph_breaks = _paragraph_breaks(article.body) if article and article.format == "text" else []
    claims: list[Claim] = []
    seen_ids: dict[str, int] = {}
    for block in claims_data:
        claim_id = block.get("id") if isinstance(block, dict) and isinstance(block.get("id"), str) else None
        clean = check_block(source, block, fields.CLAIM, "the claim", claim_id)
        if clean is None:
            continue
        line = block.line
        claim_id = clean["id"]

        def problem(what, fix="", key=None, block=block, line=line, claim_id=claim_id):
            source.problem(block.key_lines.get(key, line) if key else line, what, fix, claim_id)

        if claim_id in seen_ids:
            problem(
                f"duplicate claim id (first used on line {seen_ids[claim_id]})",
                "give each claim of an article its own id",
                "id",
            )
            continue
        seen_ids[claim_id] = line
        ok = _references_known(clean, claimants, statuses, problem)
        note_html, unsafe = safe_markdown.note_html(clean["note"])
        if unsafe:
            problem(
                f"the note links to a forbidden address: {unsafe[0]}",
                "notes may link only to http(s) or mailto addresses",
                "note",
            )
            ok = False
        if article is None:
            continue
        span = _anchor(article, normalized, paragraph_breaks, clean, problem)
        if span is None or not ok:
            continue
        claim = _claim(clean, line, span, article)
        claim.note_html = note_html
        claims.append(claim)
    if article is None:
        return []
    claims.sort(key=lambda c: c.start)
    for before, after in zip(claims, claims[1:], strict=False):
        if after.start < before.end:
            source.problem(
                after.line,
                f'its quote overlaps the quote of claim "{before.id}" (line {before.line})',
                "quote words that do not overlap, or merge the two claims",
                after.id,
            )
    for number, claim in enumerate(claims, 1):
        claim.number = number
    if article.format == "markdown":
        claims = _check_markdown(source, article, claims)
    return claims


def _check_markdown(source: Source, article: Article, claims: list[Claim]) -> list[Claim]:
    """Render an archived Markdown text once, and refuse quotes its markup would split."""
    article.claims = claims
    article.markdown_html = safe_markdown.block_html(render.marked_markdown(article))
    for index, what in render.markdown_claims_problem(article.markdown_html, len(claims)).items():
        claim = claims[index]
        source.problem(claim.line, what, "quote words that stand in one run of plain text", claim.id)
    return claims


def _references_known(clean: dict, claimants, statuses, problem) -> bool:
    ok = True
    if clean["status"] not in statuses:
        problem(f'unknown status "{clean["status"]}"', did_you_mean(clean["status"], statuses, "statuses"), "status")
        ok = False
    for key, ids in (("claimant", [clean["claimant"]]), ("via", clean.get("via", []))):
        for who in ids:
            if who not in claimants:
                problem(
                    f'unknown claimant "{who}"',
                    did_you_mean(who, claimants, "claimant ids")
                    + f" — or define it under claimants: or in docs/{REGISTRY}",
                    key,
                )
                ok = False
    return ok


def _anchor(article: Article, normalized: Normalized, paragraph_breaks, clean: dict, problem):
    """The claim's [start, end) in the body, or None after reporting why not."""
    quote = clean["quote"]
    found = occurrences(normalized, quote)
    occurrence = clean.get("occurrence")
    if not found:
        guess = nearest_passage(normalized, quote)
        hint = f'nearest passage: "{guess}"; ' if guess else ""
        problem(f'quote "{quote}" is not in the article text', hint + "copy the words exactly as they stand", "quote")
        return None
    if occurrence is not None and occurrence > len(found):
        problem(
            f"occurrence {occurrence} is out of range: the quote appears {len(found)} time(s)",
            f"use a number from 1 to {len(found)}",
            "occurrence",
        )
        return None
    if occurrence is None and len(found) > 1:
        places = ", ".join(f"line {line_of(article.body, start)}" for start, _ in found)
        problem(
            f'quote "{quote}" appears {len(found)} times ({places})',
            "add `occurrence: N` for the one you mean, or quote more words",
            "quote",
        )
        return None
    span = found[(occurrence or 1) - 1]
    if any(span[0] < b < span[1] for b in paragraph_breaks):
        problem("the quote runs across two paragraphs", "quote words from one paragraph only", "quote")
        return None
    return span


def _claim(clean: dict, line: int, span: tuple[int, int], article: Article) -> Claim:
    source = clean.get("source")
    return Claim(
        id=clean["id"],
        quote=clean["quote"],
        claimant=clean["claimant"],
        status=clean["status"],
        note=clean["note"],
        line=line,
        occurrence=clean.get("occurrence"),
        via=clean.get("via", []),
        said=clean.get("said"),
        source=Link(**source) if source else None,
        figure=clean.get("figure"),
        evidence=[Link(**e) for e in clean.get("evidence", [])],
        checked=clean.get("checked"),
        start=span[0],
        end=span[1],
        article=article,
    )


def _paragraph_breaks(body: str) -> list[int]:
    return [m.start() + 1 for m in render.PARAGRAPH_BREAK.finditer(body)]
