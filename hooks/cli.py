"""The command line: `python -m hooks check|import|bench` (run from the project root)."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .archive.build import load_site
from .archive.load import yamlsafe
from .archive.problems import ContentError
from .importer import ImportError_, import_article

SUGGESTIONS_SHOWN = 200  # as problems are: a longer list is read on the Coverage page or fixed in batches


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{value}" is not a date: write it as YYYY-MM-DD') from None


def read_project_config(path: Path, yaml_problems_reported: bool = False) -> dict:
    """The parts of mkdocs.yml the archive needs, read without MkDocs.

    yaml_problems_reported: the caller reads the file again with its problems reported by line
    (check, as the build does): a YAML problem here then leaves the defaults.
    """
    try:
        config = yamlsafe.load(path.read_text(encoding="utf-8-sig"), tags=True)
    except yamlsafe.YamlError as error:
        if yaml_problems_reported:
            return {}
        raise SystemExit(f"{path}: cannot be read as YAML ({error}) — run from the project root") from None
    except OSError as error:
        raise SystemExit(f"{path}: cannot be read as YAML ({error}) — run from the project root") from None
    return config if isinstance(config, dict) else {}


def _docs_dir(config: dict, config_path: Path) -> Path:
    return config_path.parent / str(config.get("docs_dir") or "docs")


def command_check(args) -> int:
    config_path = Path(args.config)
    config = read_project_config(config_path, yaml_problems_reported=True)
    try:
        site = load_site(_docs_dir(config, config_path), config_path.resolve())
    except ContentError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    for line in site.summary():
        print(line)
    suggested = site.suggestions()
    if suggested:
        pairs = "1 pair" if len(suggested) == 1 else f"{len(suggested)} pairs"
        print(f"Suggestions: {pairs} of claims in two articles may be one claim, not linked yet (see coverage.html):")
        for line in suggested[:SUGGESTIONS_SHOWN]:
            print(line)
        if len(suggested) > SUGGESTIONS_SHOWN:
            print(f"... and {len(suggested) - SUGGESTIONS_SHOWN} more (the Coverage page lists 200 of them)")
    print("No problems found.")
    return 0


def command_import(args) -> int:
    config_path = Path(args.config)
    docs_dir = _docs_dir(read_project_config(config_path), config_path)
    try:
        imported = import_article(
            Path(args.path),
            docs_dir,
            args.outlet,
            url=args.url,
            published=args.published,
            archived=args.archived,
            title=args.title,
        )
    except ImportError_ as error:
        print(f"import: {error}", file=sys.stderr)
        return 1
    for note in imported.notes:
        print(f"import: {note}", file=sys.stderr)
    for path in imported.paths:
        print(path)
    print("Next: fill in the claims file, then preview with `mkdocs serve`.", file=sys.stderr)
    return 0


def command_bench(args) -> int:
    from . import bench  # the benchmark's generator is not needed by editors

    keep = Path(args.keep) if args.keep else None
    rows = bench.bench(
        args.articles, seed=args.seed, search=args.search, keep=keep, repeat=args.repeat, preview=args.preview
    )
    print(bench.table(rows))
    if args.preview:
        from .bench import preview

        print()
        print(preview.table(rows))
    return 0


def command_publish_tree(args) -> int:
    from .archive.publish import tree

    published, downloads = tree.lay_out(args.site, args.downloads)
    path, size = published.largest
    print(
        f"publish-tree: {args.site}: {published.total / 1e6:,.1f} MB in {len(published.files):,} files "
        f"(largest {path}, {size / 1e6:,.1f} MB); {args.downloads}: {downloads.total / 1e6:,.1f} MB in "
        f"{len(downloads.files)} files"
    )
    problems = published.problems()
    for problem in problems:
        print(f"publish-tree: {problem} — see Performance (Site size)", file=sys.stderr)
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks", description="Tools for the annotated news archive.")
    parser.add_argument("--config", default="mkdocs.yml", help="the project's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate the whole archive without building; list every problem")
    check.set_defaults(run=command_check)

    imp = commands.add_parser("import", help="archive a raw scraped text as a new article")
    imp.add_argument("path", help="the raw text file (UTF-8)")
    imp.add_argument("--outlet", required=True, help="who published it")
    imp.add_argument("--url", help="the article's original address")
    imp.add_argument("--title", help="the headline (default: the text's first line, if it looks like one)")
    imp.add_argument(
        "--published", type=_date, help="publication date, YYYY-MM-DD (default: from a byline or dateline, if any)"
    )
    imp.add_argument("--archived", type=_date, help="capture date, YYYY-MM-DD (default: today)")
    imp.set_defaults(run=command_import)

    ben = commands.add_parser(
        "bench", help="build a synthetic archive of N articles with the hooks and with plain Material; print a table"
    )
    ben.add_argument("--articles", type=int, nargs="+", default=[1000], help="archive sizes (default: %(default)s)")
    ben.add_argument(
        "--repeat", type=int, default=1, help="run each build N times, alternately; report the fastest (default: 1)"
    )
    ben.add_argument("--seed", type=int, default=4, help="the generator's seed (default: %(default)s)")
    ben.add_argument(
        "--search",
        metavar="CHROMIUM",
        help="also measure search in headless Chromium at this path (e.g. /usr/bin/chromium; needs playwright)",
    )
    ben.add_argument(
        "--preview",
        type=int,
        nargs="?",
        const=5,
        default=0,
        metavar="EDITS",
        help="also time EDITS edits of each kind (default 5) under `mkdocs serve`, from the save to the new page",
    )
    ben.add_argument("--keep", metavar="DIR", help="generate in DIR (which must exist) and keep the projects and sites")
    ben.set_defaults(run=command_bench)

    pub = commands.add_parser(
        "publish-tree",
        help="move the downloads (offline zip, full claims exports) out of a built site; check the host's limits",
    )
    pub.add_argument("site", help="the built site (mkdocs build's site_dir): left as the tree a host publishes")
    pub.add_argument("downloads", help="the folder the downloads are moved to (release assets)")
    pub.set_defaults(run=command_publish_tree)

    args = parser.parse_args(argv)
    return args.run(args)
