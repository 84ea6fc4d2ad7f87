"""Turning a raw scraped text into an archived article, ready to build at once.

Writes three files side by side under docs/articles/YEAR/:
  SLUG.txt        the raw file, byte for byte
  SLUG.md         front matter + the text (line endings made LF, nothing else)
  SLUG.claims.yml a skeleton listing every figure found, commented out, so the
                  article builds straight away with its figures shown as uncovered
Never overwrites anything.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from pathlib import Path

from .archive import messages
from .archive.anchor.figures import find_figures
from .archive.load import fields
from .archive.load.source import BOM, RAW_SUFFIX, SIDECAR_SUFFIX

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
BYLINE_LINES = 6


class ImportError_(Exception):
    pass


def title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    raise ImportError_("the text is empty: there is no first line to take the title from")


def byline_date(text: str) -> datetime.date | None:
    """A publication date from the byline ("By 20th November 2015"), near the top only."""
    head = "\n".join(text.splitlines()[1 : 1 + BYLINE_LINES])
    candidates = []
    for match in _DAY_MONTH_YEAR.finditer(head):
        candidates.append((match.start(), match.group(3), _MONTHS[match.group(2).lower()], match.group(1)))
    for match in _MONTH_DAY_YEAR.finditer(head):
        candidates.append((match.start(), match.group(3), _MONTHS[match.group(1).lower()], match.group(2)))
    for match in _ISO.finditer(head):
        candidates.append((match.start(), match.group(1), match.group(2), match.group(3)))
    for _, year, month, day in sorted(candidates):
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def slugify(text: str, most: int = 60) -> str:
    text = text.replace("'", "").replace("\u2019", "")  # "It's" -> "its", not "it-s"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > most:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "article"


def _yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def front_matter(title, outlet, archived, sha256, published=None, url=None) -> str:
    lines = ["---", f"title: {_yaml_string(title)}", f"outlet: {_yaml_string(outlet)}"]
    if published:
        lines.append(f"published: {published.isoformat()}")
    if url:
        lines.append(f"url: {_yaml_string(url)}")
    lines += [f"archived: {archived.isoformat()}", f"sha256: {sha256}", "format: text", "---", ""]
    return "\n".join(lines)


def skeleton(title: str, article_path: str, body: str) -> str:
    lines = [
        f"# Claims of {json.dumps(title, ensure_ascii=False)}",
        f"# ({article_path})",
        "#",
        "# The importer found the figures below in the text. For each one that is a",
        "# claim, uncomment its block (delete the leading '# ' of each line) and fill in",
        "# claimant, via, status and note. Until then the article builds, with these",
        "# figures shown as not yet annotated. The format is documented on the site's",
        "# Format page (docs/format.md).",
        "claims:",
    ]
    used: set[str] = set()
    for figure in find_figures(body):
        claim_id = slugify(figure.suggestion, 40)
        base, n = claim_id, 2
        while claim_id in used:
            claim_id, n = f"{base}-{n}", n + 1
        used.add(claim_id)
        line = body.count("\n", 0, figure.start) + 1
        lines += [
            f"# - id: {claim_id}    # line {line}",
            f"#   quote: {_yaml_string(figure.suggestion)}",
            "#   claimant: ",
            "#   via: []",
            "#   status: unverified",
            "#   note: ",
        ]
    return "\n".join(lines) + "\n"


def import_article(
    raw_path: Path,
    docs_dir: Path,
    outlet: str,
    url: str | None = None,
    published: datetime.date | None = None,
    archived: datetime.date | None = None,
) -> list[Path]:
    """Writes the three files; returns their paths. Raises ImportError_ with a clear message."""
    try:
        fields.text(outlet, "--outlet")
        if url:
            fields.url(url, "--url")
    except fields.FieldError as error:
        what, fix = messages.render(error.code, error.values)
        raise ImportError_(f"{what} — {fix}") from None
    try:
        raw = Path(raw_path).read_bytes()
    except OSError as error:
        raise ImportError_(f"{raw_path}: cannot be read ({error.strerror})") from None
    data = raw[len(BOM) :] if raw.startswith(BOM) else raw
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportError_(
            f"{raw_path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}) — "
            "convert it first, e.g. `iconv -f windows-1252 -t utf-8 IN > OUT`"
        ) from None
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    title = title_of(body)
    published = published or byline_date(body)
    archived = archived or datetime.date.today()
    year = (published or archived).year
    stem = Path(docs_dir) / "articles" / str(year) / slugify(title)
    targets = [stem.with_suffix(".md"), Path(str(stem) + RAW_SUFFIX), Path(str(stem) + SIDECAR_SUFFIX)]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise ImportError_(f"{existing[0]} already exists: nothing was written (the importer never overwrites)")
    body_bytes = body.encode("utf-8")
    sha = hashlib.sha256(body_bytes).hexdigest()
    stem.parent.mkdir(parents=True, exist_ok=True)
    article_path, raw_copy, sidecar = targets
    raw_copy.write_bytes(raw)
    article_path.write_bytes(front_matter(title, outlet, archived, sha, published, url).encode("utf-8") + body_bytes)
    sidecar.write_text(skeleton(title, str(article_path), body), encoding="utf-8")
    return [article_path, raw_copy, sidecar]
