"""The benchmark's synthetic archive: articles in the real content format, seeded, so that every run
builds the same archive; and the two projects around it (with the hooks, and plain Material)."""

from __future__ import annotations

import datetime
import hashlib
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..archive.anchor.quotes import Normalized, occurrences

ROOT = Path(__file__).resolve().parents[2]  # the project: mkdocs.yml, docs/, hooks/, overrides/
STATUSES = ("confirmed", "partly-confirmed", "unverified", "disputed", "false")

_WORDS = (
    "the government said officials report that during week ministry forces region border talks agreement "
    "analysts expect markets prices supply energy pipeline exports imports council committee vote budget "
    "plan program campaign strikes operation troops city province capital workers union industry sector "
    "company firm shares investors bank central inflation growth economy trade deal sanctions embassy "
    "spokesman statement briefing press conference interview told reporters according sources familiar "
    "matter however meanwhile earlier later while although because despite after before since among "
    "residents families hospitals schools roads bridges ports airports farmers harvest drought floods "
    "storm season weather climate emissions coal gas oil wind solar grid outage repairs contractors "
    "inspection audit report review inquiry court judge ruling appeal lawyers charges police arrests "
    "protest march crowd square leaders summit partners allies rivals opposition party coalition election "
    "candidates polls turnout results count observers monitors mission aid convoy shelter refugees camps"
).split()
_UNITS = (
    "oil tanker trucks",
    "tons of grain",
    "barrels a day",
    "new jobs",
    "homes without power",
    "schools closed",
    "kilometres of road",
    "cases reported",
    "people displaced",
    "tonnes of coal",
    "flights cancelled",
    "hospital beds",
    "soldiers deployed",
    "votes counted",
    "megawatts of capacity",
    "litres of fuel",
)
_FIRST = (
    "Anna Boris Carla David Elena Farid Greta Hassan Irina Jonas Karim Lena Marco Nadia Omar Petra Quentin "
    "Rosa Sergei Tamara Umar Vera Walter Xenia Yusuf Zofia"
).split()
_LAST = (
    "Abbott Bauer Castro Dimitrov Eriksen Fischer Garcia Horvat Ivanova Jensen Kowalski Lindqvist Moreau "
    "Novak Okafor Petrov Quinn Rossi Silva Tanaka Urban Varga Weber Yilmaz Zhang"
).split()
_ORG_KINDS = ("Ministry of", "Agency for", "Institute of", "Council on", "Office of", "Bureau of")
_ORG_TOPICS = (
    "Energy",
    "Defence",
    "Transport",
    "Health",
    "Agriculture",
    "Finance",
    "Trade",
    "Labour",
    "Statistics",
    "Water",
    "Housing",
    "Mining",
    "Fisheries",
    "Aviation",
    "Customs",
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _figure(rng: random.Random, used: set) -> tuple[str, float]:
    """A figure token ("1,250", "$3.5 million", "42%") not used yet in this article, and its value."""
    while True:
        kind = rng.randrange(4)
        if kind == 0:
            value = rng.randrange(2100, 99999)
            token = f"{value:,}"
        elif kind == 1:  # two digits: "518" would also stand, on word boundaries, inside "1,518"
            value = rng.randrange(21, 99)
            token = str(value)
        elif kind == 2:
            whole, tenth = rng.randrange(1, 99), rng.randrange(1, 10)
            value = (whole + tenth / 10) * 1e6
            token = f"${whole}.{tenth} million"
        else:
            value = rng.randrange(2, 99)
            token = f"{value}%"
        if token not in used:
            used.add(token)
            return token, value


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


@dataclass
class Generated:
    root: Path
    articles: int
    claims: int
    claimants: int


def _claimants(rng: random.Random, count: int) -> tuple[dict[str, dict], list[str], list[str]]:
    """count claimants: organisations, outlets, and people affiliated to an organisation."""
    registry: dict[str, dict] = {}
    orgs, outlets = [], []
    for kind in _ORG_KINDS:
        for topic in _ORG_TOPICS:
            name = f"{kind} {topic}"
            registry[_slug(name)] = {"name": name, "kind": "organisation"}
            orgs.append(_slug(name))
            if len(orgs) >= count // 8:
                break
        if len(orgs) >= count // 8:
            break
    for number in range(max(2, count // 15)):
        name = f"The {rng.choice(_LAST)} {rng.choice(('Herald', 'Times', 'Wire', 'Post', 'Courier'))} {number + 1}"
        registry[_slug(name)] = {"name": name, "kind": "outlet", "url": f"https://outlet{number + 1}.example.org/"}
        outlets.append(_slug(name))
    while len(registry) < count:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        claimant_id = _slug(name)
        if claimant_id in registry:
            claimant_id = f"{claimant_id}-{len(registry)}"
        org = rng.choice(orgs)
        registry[claimant_id] = {
            "name": name,
            "kind": "person",
            "role": f"spokesperson of the {registry[org]['name']}" if rng.random() < 0.5 else None,
            "affiliation": org,
        }
    return registry, orgs, outlets


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _claimants_yaml(registry: dict[str, dict]) -> str:
    out = ["# Synthetic claimant registry (python -m hooks bench)."]
    for claimant_id, fields in registry.items():
        out.append(f"{claimant_id}:")
        out += [f"  {key}: {_yaml_text(value)}" for key, value in fields.items() if value is not None]
    return "\n".join(out) + "\n"


def _article(rng: random.Random, number: int, people: list[str], orgs: list[str], outlets: list[str]):
    """(front matter fields, body, claims YAML) of one article of ~600 words with ~12 claims."""
    used: set = set()
    claims, paragraphs = [], []
    fmt = "markdown" if number % 10 == 9 else "text"
    for paragraph in range(8):
        sentences = []
        for _ in range(rng.randrange(4, 7)):
            sentence = _sentence(rng, rng.randrange(9, 16))
            if len(claims) < 12 and rng.random() < 0.4:
                token, value = _figure(rng, used)
                unit = rng.choice(_UNITS)
                quote = f"{token} {unit}"
                sentence = sentence[:-1] + f" with {quote} in the {rng.choice(_WORDS)}."
                claims.append((quote, value, unit))
            elif rng.random() < 0.05:
                token, _ = _figure(rng, used)  # a figure nobody has annotated yet
                sentence = sentence[:-1] + f" and {token} more {rng.choice(_WORDS)}."
            sentences.append(sentence)
        text = " ".join(sentences)
        if fmt == "markdown" and paragraph == 3:
            text = "## " + " ".join(rng.choice(_WORDS) for _ in range(4)).capitalize() + "\n\n" + text
        paragraphs.append(text)
    body = "\n\n".join(paragraphs) + "\n"
    normalized = Normalized(body)  # a quote that stands twice would need `occurrence:`: not generated
    claims = [claim for claim in claims if len(occurrences(normalized, claim[0])) == 1]
    year = 2015 + number % 10
    archived = datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300)
    title = f"{' '.join(rng.choice(_WORDS) for _ in range(6)).capitalize()} ({number + 1})"
    front = {
        "title": _yaml_text(title),
        "outlet": _yaml_text(f"Outlet {number % 20 + 1}"),
        "published": f"{year}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
        "url": f"https://news{number % 20 + 1}.example.org/{year}/{number + 1}",
        "archived": archived.isoformat(),
        "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "format": fmt,
    }
    lines = ["claims:"]
    for index, (quote, value, unit) in enumerate(claims):
        status = STATUSES[(number + index) % len(STATUSES)]
        claimant = rng.choice(people) if rng.random() < 0.7 else rng.choice(orgs)
        lines += [f"  - id: claim-{index + 1}", f"    quote: {_yaml_text(quote)}", f"    claimant: {claimant}"]
        if rng.random() < 0.3:
            hops = rng.sample(orgs, rng.randrange(1, 3)) + ([rng.choice(outlets)] if rng.random() < 0.5 else [])
            lines.append(f"    via: [{', '.join(h for h in hops if h != claimant)}]")
        lines += [
            f"    said: {year}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
            f"    figure: {{value: {value:g}, unit: {_yaml_text(unit)}}}",
            f"    status: {_yaml_text(status)}",
            "    note: >-",
            f"      {_sentence(rng, 14)} The *{rng.choice(_WORDS)}* figure was {status.replace('-', ' ')}"
            f" by the [{rng.choice(_WORDS)} report](https://example.org/evidence/{number}/{index}).",
        ]
        if rng.random() < 0.3:
            lines.append(f"    evidence: [{{title: Evidence {index + 1}, url: 'https://example.org/e/{number}'}}]")
        lines.append("    checked: 2026-11-24")
    return front, body, "\n".join(lines) + "\n"


def generate(root: Path, articles: int, seed: int = 4, claimants: int = 300) -> Generated:
    """The docs/ of a synthetic archive under root (root/docs/articles/YEAR/SLUG.md + sidecars)."""
    rng = random.Random(seed)
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    registry, orgs, outlets = _claimants(rng, claimants)
    people = [k for k, v in registry.items() if v["kind"] == "person"]
    (docs / "claimants.yml").write_text(_claimants_yaml(registry), encoding="utf-8")
    claim_count = 0
    for number in range(articles):
        front, body, claims = _article(rng, number, people, orgs, outlets)
        folder = docs / "articles" / front["published"][:4]
        folder.mkdir(exist_ok=True)
        stem = f"{number + 1:06d}-{_slug(front['title'])[:40].strip('-')}"
        head = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n"
        (folder / f"{stem}.md").write_bytes((head + body).encode("utf-8"))
        (folder / f"{stem}.claims.yml").write_text(claims, encoding="utf-8")
        claim_count += claims.count("\n  - id:")
    return Generated(root, articles, claim_count, len(registry))


def hooked_project(generated: Generated) -> Path:
    """The project's own mkdocs.yml, theme overrides, hooks and hand-written pages around the archive."""
    root, docs = generated.root, generated.root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, docs / page.name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs}\nsite_dir: {root / 'site'}", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("- hooks/mkdocs_hooks.py", f"- {ROOT / 'hooks' / 'mkdocs_hooks.py'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


PLAIN_CONFIG = """\
site_name: Plain Material reference
docs_dir: {docs}
site_dir: {site}
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
not_in_nav: |
  /articles/
nav:
  - Home: index.md
"""


def plain_project(generated: Generated, root: Path) -> Path:
    """The same article files (hard links), built by plain Material: no hooks, articles out of the nav."""
    docs = root / "docs"
    for article in (generated.root / "docs" / "articles").rglob("*.md"):
        target = docs / article.relative_to(generated.root / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(article, target)
    (docs / "index.md").write_text("# Plain Material reference\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG.format(docs=docs, site=root / "site"), encoding="utf-8")
    return config
