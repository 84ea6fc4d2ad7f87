"""Property: for any small tree of files under docs/, `check` and the build agree.

Random names (with `#`, `?`, `%`, spaces, accents, direction controls), suffixes (articles, claims
files, raw texts, near misses, backups, data-file names), and kinds (empty files, articles, claims,
symbolic links in and out of docs/, dangling links, folders): either both commands succeed, or both
fail with the same problem lines. What `check` accepts, the build builds.
"""

from __future__ import annotations

import os

from catalogue import article
from conftest import SEED_BODY, SEED_CLAIMS, Project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FOLDERS = ["docs/articles", "docs/articles/2020", "docs", "docs/assets", "docs/claimants"]
SUFFIXES = [
    ".md",
    ".claims.yml",
    ".txt",
    ".json",
    ".claims.yaml",
    "~",
    ".orig",
    ".html",
    ".csv",
    ".annotations.jsonld",
    "",
]
KINDS = ["empty", "article", "claims", "text", "link-out", "link-in", "dangling", "folder"]
STEMS = st.text(st.sampled_from("ab#?% .é\u202e-_~"), min_size=1, max_size=6)
ENTRY = st.tuples(st.sampled_from(FOLDERS), STEMS, st.sampled_from(SUFFIXES), st.sampled_from(KINDS))


def _make(root, folder, name, kind):
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        return
    if kind == "folder":
        path.mkdir()
    elif kind == "link-out":
        os.symlink("/etc/hostname", path)
    elif kind == "link-in":
        os.symlink(root / "docs" / "articles" / "a.md", path)
    elif kind == "dangling":
        os.symlink("nowhere", path)
    else:
        content = {"empty": b"", "article": article(), "claims": b"claims: []\n", "text": b"Some text.\n"}[kind]
        path.write_bytes(content)


def _errors(build) -> list[str]:
    return [line.split("-  ", 1)[1] for line in build.stderr.splitlines() if line.startswith("ERROR")]


@settings(deadline=None, max_examples=12, suppress_health_check=list(HealthCheck))
@given(st.lists(ENTRY, min_size=1, max_size=4))
def test_check_and_build_agree_on_any_tree(tmp_path_factory, entries):
    project = Project(tmp_path_factory.mktemp("tree") / "project")
    project.article("a", SEED_BODY, SEED_CLAIMS)
    for folder, stem, suffix, kind in entries:
        name = stem + suffix
        if name.strip(".") and "/" not in name:
            _make(project.root, folder, name, kind)
    check = project.cli("check")
    build = project.build()
    assert "Traceback" not in check.stderr + build.stderr, check.stderr + build.stderr
    assert check.returncode == build.returncode, (check.stderr, build.stderr)
    if check.returncode:
        assert check.stderr.splitlines()[:-1] == _errors(build)
