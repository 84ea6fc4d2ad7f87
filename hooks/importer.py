"""Turning a raw scraped text into an archived article, ready to build at once.

Writes three files side by side under docs/articles/YEAR/:
  SLUG.txt        the raw file, byte for byte
  SLUG.md         front matter + the text (decoded to UTF-8, line endings made LF, nothing else)
  SLUG.claims.yml a skeleton listing every figure and date found, commented out, so the
                  article builds straight away with its figures shown as uncovered
Never writes what `check` would refuse (the files are checked by the archive's own loader
first), and never overwrites: each file is linked into place only if its name is free, so
two imports at once cannot overwrite each other.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .archive import messages
from .archive.anchor.figures import DATE, find_figures
from .archive.anchor.quotes import Normalized, occurrences
from .archive.load import fields, sidecar
from .archive.load.article import load_article
from .archive.load.source import MAX_FILE_BYTES, RAW_SUFFIX, SIDECAR_SUFFIX, Source
from .archive.problems import Problems

# The skeleton lists the figures up to this size, well within what `check` reads (a text dense with
# figures listed whole was six times its own size).
MAX_SKELETON_BYTES = MAX_FILE_BYTES // 2

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
BYLINE_LINES = 6  # non-empty lines after the title where a byline or dateline may stand
BYLINE_MOST_CHARS = 120  # a longer line is a paragraph of the text, whatever date it holds
_BYLINE_START = re.compile(
    r"^\W*(?:by|published|posted|updated|last updated|first published|date|dated|on|aired|filed|transcript|"
    r"for immediate release|released)\b",
    re.I,
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_WORDS = re.compile(r"[^\W\d_]+")

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class ImportError_(Exception):
    pass


@dataclass
class Imported:
    """What an import wrote, and what it tells the editor (guesses and warnings, one line each)."""

    paths: list[Path]
    notes: list[str] = field(default_factory=list)


def title_of(text: str) -> str:
    """The first line, as the headline; refused when it cannot be one (a single word such as "The")."""
    for line in text.split("\n"):  # not splitlines(): it also breaks at U+0085, U+2028 and others
        line = line.strip().lstrip("#").strip()
        if line:
            if len(_WORDS.findall(line)) < 2 and not _is_cjk(line):
                raise ImportError_(
                    f'the first line, "{line[:60]}", does not look like a headline — give the title with --title "..."'
                )
            return line
    raise ImportError_("the text is empty: there is no first line to take the title from")


def _is_cjk(line: str) -> bool:
    """Chinese and Japanese headlines have no spaces between words: one run of letters can be a headline."""
    return sum(1 for c in line if unicodedata.east_asian_width(c) == "W") >= 4


def byline_date(text: str) -> tuple[datetime.date, int, str] | None:
    """The publication date from a byline or dateline near the top: (date, its line number, the line).

    Only short lines that start like a byline ("By ...", "Published ...") or hold little but the
    date count; a date in the text itself ("the operation began on 21 October 2015") never does.
    """
    lines = text.splitlines()
    seen = 0
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        seen += 1
        if seen > BYLINE_LINES:
            break
        if len(line) > BYLINE_MOST_CHARS:
            continue
        found = _date_in(line)
        if found is None:
            continue
        day, (start, end) = found
        rest = _WORDS.findall(line[:start] + " " + line[end:])
        if _BYLINE_START.match(line) or len(rest) <= 4 or "|" in line:
            return day, number, line.strip()
    return None


def _date_in(line: str) -> tuple[datetime.date, tuple[int, int]] | None:
    candidates = []
    for match in _DAY_MONTH_YEAR.finditer(line):
        candidates.append((match.span(), match.group(3), _MONTHS[match.group(2).lower()], match.group(1)))
    for match in _MONTH_DAY_YEAR.finditer(line):
        candidates.append((match.span(), match.group(3), _MONTHS[match.group(1).lower()], match.group(2)))
    for match in _ISO.finditer(line):
        candidates.append((match.span(), match.group(1), match.group(2), match.group(3)))
    for span, year, month, day in sorted(candidates):
        try:
            return datetime.date(int(year), int(month), int(day)), span
        except ValueError:
            continue
    return None


def slugify(text: str, most: int = 60) -> str:
    """A file name from a title: ASCII words; a title with none (any other script) gets a short hash
    of itself, so that distinct titles never share a name."""
    text = text.replace("'", "").replace("\u2019", "")  # "It's" -> "its", not "it-s"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > most:
            break
        slug = f"{slug}-{word}" if slug else word
    if len(slug) < 3 or len(ascii_text.strip()) * 2 < len(text.strip()):
        digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else f"article-{digest}"
    return slug


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one) on one line: line breaks YAML knows
    (U+0085, U+2028, U+2029) and other control characters escaped."""
    dumped = json.dumps(value, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", dumped)


def front_matter(title, outlet, archived, sha256, published=None, url=None) -> str:
    lines = ["---", f"title: {_yaml_string(title)}", f"outlet: {_yaml_string(outlet)}"]
    if published:
        lines.append(f"published: {published.isoformat()}")
    if url:
        lines.append(f"url: {_yaml_string(url)}")
    lines += [f"archived: {archived.isoformat()}", f"sha256: {sha256}", "format: text", "---", ""]
    return "\n".join(lines)


def skeleton(title: str, article_path: str, body: str, body_line: int = 1) -> str:
    """The claims file an editor starts from: each figure as a commented-out claim, ready to uncomment.

    Each entry has a suggested id, the figure's kind, its line in the .md file, and `occurrence:`
    where its quote stands more than once; dates are listed after the figures.
    """
    lines = [
        f"# Claims of {_yaml_string(title)}",
        f"# ({article_path})",
        "#",
        "# The importer found the figures below in the text. For each one that is a",
        "# claim, uncomment its block (delete the leading '# ' of each line) and fill in",
        "# claimant, via, status and note. For a figure that is no claim, list its quote",
        "# under `dismissed:` with a reason instead, e.g.",
        '#   dismissed: [{quote: "One time", reason: an idiom, not a count}]',
        "# Until then the article builds, with these figures shown as not yet annotated.",
        "# Dates are listed last: they count only if you make them claims. The format is",
        "# documented on the site's Content format page (docs/format.md).",
        "claims:",
    ]
    normalized = Normalized(body)
    used: set[str] = set()
    figures = find_figures(body)
    ordered = [f for f in figures if f.kind != DATE] + [f for f in figures if f.kind == DATE]
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    listed_until = -1  # the end of the last figure's quote: a figure inside it is that figure's part
    for index, figure in enumerate(ordered):
        if figure.kind != DATE and figure.start < listed_until:
            continue  # "24" of "60,000 tons of oil every 24 hours"
        if size > MAX_SKELETON_BYTES:  # the claims file must stay a file `check` reads
            left = len(ordered) - index
            lines.append(f"# … and {left} more figures and dates, not listed: the Coverage page lists them all")
            break
        found = occurrences(normalized, figure.suggestion)
        here = next(((a, b) for a, b in found if a <= figure.start < b), None)
        listed_until = here[1] if here else figure.end
        block = len(lines)
        if figure.kind == DATE and (index == 0 or ordered[index - 1].kind != DATE):
            lines.append("# --- dates ---")
        claim_id = slugify(figure.suggestion, 40)
        base, n = claim_id, 2
        while claim_id in used:
            claim_id, n = f"{base}-{n}", n + 1
        used.add(claim_id)
        line = body_line - 1 + body.count("\n", 0, figure.start) + 1
        lines.append(f"# - id: {claim_id}    # {figure.kind}, line {line}")
        lines.append(f"#   quote: {_yaml_string(figure.suggestion)}")
        if len(found) > 1 and here:
            lines.append(f"#   occurrence: {found.index(here) + 1}    # the quote stands {len(found)} times")
        lines += ["#   claimant: ", "#   via: []", "#   status: unverified", "#   note: "]
        size += sum(len(line.encode("utf-8")) + 1 for line in lines[block:])
    return "\n".join(lines) + "\n"


def read_raw(raw_path: Path) -> bytes:
    """The raw file's bytes: a regular file within the size limit, never more read than that."""
    try:
        with open(raw_path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ImportError_(f"{raw_path}: not a regular file (a device, pipe or folder) — give a text file")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportError_(f"{raw_path}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ImportError_(
            f"{raw_path}: over the {MAX_FILE_BYTES:,}-byte limit of an archived file — archive long documents in parts"
        )
    return raw


def decode(raw: bytes, raw_path: Path) -> tuple[str, str]:
    """(the text, the encoding it was read as): UTF-8, or UTF-16/32 with or without a byte-order mark."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode(raw[len(bom) :], encoding, raw_path), encoding + " with BOM"
    encoding = _guess_wide_encoding(raw)
    return _decode(raw, encoding, raw_path), encoding


def _guess_wide_encoding(raw: bytes) -> str:
    """UTF-16 or UTF-32 without a BOM shows as zero bytes in fixed places (text in Latin script is
    mostly ASCII); anything else is read as UTF-8."""
    sample = raw[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return "utf-8"
    quads = len(sample) // 4
    for encoding, zeros in (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2))):
        if all(sum(sample[4 * i + z] == 0 for i in range(quads)) > quads * 0.9 for z in zeros):
            return encoding
    pairs = len(sample) // 2
    odd = sum(sample[2 * i + 1] == 0 for i in range(pairs))
    even = sum(sample[2 * i] == 0 for i in range(pairs))
    if odd > pairs * 0.6 and even < pairs * 0.1:
        return "utf-16-le"
    if even > pairs * 0.6 and odd < pairs * 0.1:
        return "utf-16-be"
    return "utf-8"


def _decode(data: bytes, encoding: str, raw_path: Path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            raise ImportError_(
                f"{raw_path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}) — "
                "convert it first, e.g. `iconv -f windows-1252 -t utf-8 IN > OUT`"
            ) from None
        raise ImportError_(
            f"{raw_path}: looks like {encoding} but does not decode as it — convert it to UTF-8 first"
        ) from None
    if "\x00" in text:
        raise ImportError_(f"{raw_path}: holds NUL characters: not a text file — give the text itself")
    return text


def _clean_field(value: str, name: str, option: str) -> str:
    """A title or outlet as `check` would take it: text, no control or invisible characters."""
    try:
        value = fields.visible_text(value, name)
    except fields.FieldError as error:
        what, fix = messages.render(error.code, error.values)
        raise ImportError_(f"{what} — {fix}") from None
    bad = sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(value)})
    if bad:
        raise ImportError_(f'{name} contains control character(s) {", ".join(bad)} — give it with {option} "..."')
    return value


def import_article(
    raw_path: Path,
    docs_dir: Path,
    outlet: str,
    url: str | None = None,
    published: datetime.date | None = None,
    archived: datetime.date | None = None,
    title: str | None = None,
) -> Imported:
    """Writes the three files; returns their paths and what to tell the editor. Raises ImportError_."""
    outlet = _clean_field(outlet, "--outlet", "--outlet")
    if url:
        try:
            fields.url(url, "--url")
        except fields.FieldError as error:
            what, fix = messages.render(error.code, error.values)
            raise ImportError_(f"{what} — {fix}") from None
    raw = read_raw(Path(raw_path))
    text, encoding = decode(raw, raw_path)
    notes = [] if encoding in ("utf-8", "utf-8 with BOM") else [f"read {raw_path} as {encoding}"]
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    title = _clean_field(title, "--title", "--title") if title else _clean_field(title_of(body), "the title", "--title")
    if published:
        notes.append(f"published: {published.isoformat()} (from --published)")
    else:
        found = byline_date(body)
        if found:
            published, number, line = found
            notes.append(f"published: {published.isoformat()}, guessed from {raw_path}:{number}: {line[:80]}")
        else:
            notes.append(
                "warning: no byline or dateline with a date in the first lines: `published` is left out "
                "(the article is filed by its archiving date) — give it with --published YYYY-MM-DD"
            )
    archived = archived or datetime.date.today()
    year = (published or archived).year
    stem = Path(docs_dir) / "articles" / f"{year:04d}" / slugify(title)
    targets = [stem.with_suffix(".md"), Path(str(stem) + RAW_SUFFIX), Path(str(stem) + SIDECAR_SUFFIX)]
    body_bytes = body.encode("utf-8")
    sha256 = hashlib.sha256(body_bytes).hexdigest()
    same = _archived_with(Path(docs_dir), sha256)
    again = 'to archive it again (another outlet\'s copy), give it its own title with --title "..."'
    if same is not None and same == targets[0]:
        raise ImportError_(f"{same} already archives this text (the same SHA-256): nothing was written — {again}")
    if targets[0].exists():
        raise ImportError_(
            f"{targets[0]} already exists: nothing was written (the importer never overwrites; it holds another "
            'text with this title) — give this one its own title with --title "..."'
        )
    if same is not None:
        notes.append(f"warning: the same text is already archived as {same} (the same SHA-256)")
    head = front_matter(title, outlet, archived, sha256, published, url)
    article = head.encode("utf-8") + body_bytes
    _check_size(article)  # before looking for figures, which takes seconds in a text this long
    claims = skeleton(title, str(targets[0]), body, head.count("\n") + 1).encode("utf-8")
    _check_as_the_archive_would(targets, article, claims, Path(docs_dir))
    _write_new(targets, [article, raw, claims])
    return Imported(targets, notes)


def _archived_with(docs_dir: Path, sha256: str) -> Path | None:
    """The article already archiving the text of this SHA-256 (from its front matter), if any."""
    line = f"\nsha256: {sha256}\n".encode()
    for path in sorted((docs_dir / "articles").rglob("*.md")):
        if line in _front_matter(path).replace(b"\r\n", b"\n"):
            return path
    return None


def _front_matter(path: Path, most: int = 16384) -> bytes:
    """The start of an article file up to the end of its front matter (its second '---' line), read a
    few kilobytes at a time: an import looks through every article, not every article's text."""
    with open(path, "rb") as article:
        head = article.read(4096)
        while b"\n---" not in head[3:] and len(head) < most:
            more = article.read(4096)
            if not more:
                break
            head += more
    return head


def _check_size(article: bytes) -> None:
    if len(article) > MAX_FILE_BYTES:
        raise ImportError_(
            f"the article would be {len(article):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit — "
            "archive long documents in parts"
        )


def _check_as_the_archive_would(targets: list[Path], article: bytes, claims: bytes, docs_dir: Path) -> None:
    """Read the files about to be written with the archive's own loader; refuse them if `check` would."""
    problems = Problems()
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        md = docs / targets[0].relative_to(docs_dir)
        md.parent.mkdir(parents=True)
        md.write_bytes(article)
        md.with_name(targets[2].name).write_bytes(claims)
        loaded = load_article(Source(md, problems, Path(scratch)), docs)
        sidecar.read_sidecar(Source(md.with_name(targets[2].name), problems, Path(scratch)))
    if problems or loaded is None:
        first = problems.items[0] if problems.items else None
        raise ImportError_(f"nothing was written: `check` would refuse the article ({first.what} — {first.fix})")


def _write_new(targets: list[Path], contents: list[bytes]) -> None:
    """Each file written in full under a temporary name, then linked to its name only if that is free
    (an atomic, exclusive create); on any clash, nothing of this import is left behind."""
    existing = [p for p in targets if p.exists()]
    if existing:
        raise ImportError_(f"{existing[0]} already exists: nothing was written (the importer never overwrites)")
    targets[0].parent.mkdir(parents=True, exist_ok=True)
    done: list[Path] = []
    try:
        for target, data in zip(targets, contents, strict=True):
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.link(temporary, target)  # fails if the name is taken, even by an import running now
            finally:
                os.unlink(temporary)
            done.append(target)
    except FileExistsError:
        for path in done:
            path.unlink()
        taken = targets[len(done)]
        raise ImportError_(f"{taken} already exists: nothing was written (the importer never overwrites)") from None
