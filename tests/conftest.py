"""Shared test helpers: small real archives on disk, built with the real mkdocs."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `import hooks.archive...` in unit tests, and in scripts that import this file

from hooks import engine  # noqa: E402 - after the path that finds it

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def front_matter(body: str, **fields) -> str:
    meta = {
        "title": "A test article",
        "outlet": "Test Outlet",
        "archived": "2026-11-24",
        "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
    }
    meta.update({k: v for k, v in fields.items() if v is not None})
    lines = ["---", *(f"{k}: {v}" for k, v in meta.items()), "---", ""]
    return "\n".join(lines)


CLAIMANTS = """\
sergei-shoigu: {name: Sergei Shoigu, role: Russia's defence minister, kind: person, affiliation: russian-mod}
russian-mod: {name: Russian Ministry of Defence, kind: organisation}
associated-press: {name: The Associated Press, kind: outlet}
"""


class Project:
    """A throwaway archive project: the real mkdocs.yml, hooks and theme, test content."""

    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        self.site = root / "site"
        (self.docs / "articles").mkdir(parents=True)
        shutil.copytree(ROOT / "docs" / "assets", self.docs / "assets")
        for page in (ROOT / "docs").glob("*.md"):  # the hand-written pages of the nav
            shutil.copy(page, self.docs / page.name)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {self.docs}", config)
        config += f"\nsite_dir: {self.site}\n"  # at the end, so lines keep their numbers
        config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        config = config.replace("- hooks/mkdocs_hooks.py", f"- {ROOT / 'hooks' / 'mkdocs_hooks.py'}")
        self.config = root / "mkdocs.yml"
        self.config.write_text(config, encoding="utf-8")
        (self.docs / "claimants.yml").write_text(CLAIMANTS, encoding="utf-8")

    def article(self, stem: str, body: str, claims: str | None = None, **fields) -> Path:
        path = self.docs / "articles" / f"{stem}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((front_matter(body, **fields) + body).encode("utf-8"))
        if claims is not None:
            path.with_name(f"{path.name[:-3]}.claims.yml").write_text(claims, encoding="utf-8")
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=self.root, capture_output=True, text=True, timeout=300)

    def build(self, strict: bool = True) -> subprocess.CompletedProcess:
        command = engine.command("build", "-f", str(self.config), *(["--strict"] if strict else []))
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=300)

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """`python -m hooks ...` on this project (run from the repository, where `hooks` lives)."""
        return subprocess.run(
            [sys.executable, "-m", "hooks", "--config", str(self.config), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")


def html_tree(html: str) -> BeautifulSoup:
    """HTML read into the tree a browser builds from it: lxml implies the end tags the HTML standard
    lets a page leave out, as the list pages' claims tables do (listing.claims_table); html.parser
    does not (it would nest each cell of a row in the one before). For any page with a claims table."""
    return BeautifulSoup(html, "lxml")


SEED_BODY = (
    "Shoigu presented a report to President Vladimir Putin Friday that Russian aircraft destroyed "
    "15 oil refining and storage facilities in Syria and 525 oil tanker trucks during this week’s airstrikes.\n"
    "\n"
    "Shoigu said the strikes over the past week inflicted significant casualties on ISIS. This included over "
    "600 militants killed in only one strike in Deir el-Zour province. The AP could not independently confirm "
    "this report.\n"
)

SEED_CLAIMS = """\
claims:
  - id: tanker-trucks
    quote: 525 oil tanker trucks
    claimant: sergei-shoigu
    via: [russian-mod]
    status: unverified
    note: Shoigu's figure; the article gives no independent check.
  - id: militants-killed
    quote: over 600 militants killed
    claimant: sergei-shoigu
    via: [associated-press]
    status: disputed
    note: The AP could not *independently* confirm this report.
"""


def seed_project(root: Path) -> Project:
    """A copy of the project's own archive (the seed article, its claims, the claimants)."""
    project = Project(root)
    shutil.copytree(ROOT / "docs" / "articles", project.docs / "articles", dirs_exist_ok=True)
    shutil.copy(ROOT / "docs" / "claimants.yml", project.docs / "claimants.yml")
    return project


SEED_PAGE = "articles/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its.html"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def serving(project: Project, ready: str, marker: str):
    """`serve` of the project on a free port of 127.0.0.1, once the page `ready` of its first build
    holds `marker`: (the port, the lines it logged so far)."""
    port = free_port()
    server = subprocess.Popen(
        engine.command("serve", "-f", str(project.config), "-a", f"127.0.0.1:{port}"),
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    try:
        wait_for(lambda: marker in get(f"http://127.0.0.1:{port}/{ready}"), "the first build")
        yield port, log
    finally:
        server.terminate()
        server.wait(timeout=30)
