"""The editors' preview in Chromium, under a real `mkdocs serve` of a copy of the seed archive: the
banner of the problems that keep the archive from being rebuilt (render/banner.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import SEED_PAGE, seed_project, serving  # noqa: E402 - tests/conftest.py

from .test_accessibility import _violations  # noqa: E402

SEED_SIDECAR = SEED_PAGE[: -len(".html")] + ".claims.yml"


@pytest.fixture
def served_seed(tmp_path):
    """A copy of the seed archive under `mkdocs serve`, for one test that breaks it: (project, base URL)."""
    project = seed_project(tmp_path / "project")
    with serving(project, SEED_PAGE, "claim-tanker-trucks") as (port, _log):
        yield project, f"http://127.0.0.1:{port}/"


def test_the_banner_lists_the_problems_on_every_page_until_they_are_fixed(served_seed, browser, tmp_path):
    """An unknown status in the claims file: after the rebuild, every page opens with the banner
    listing `path:line: message` exactly as `check` prints it, the article still shows the last
    good archive, and once the file is fixed the banner is gone. At 1440 and 390 px, light and
    dark: axe-core, and screenshots to $ARCHIVE_SCREENSHOTS (else the test's folder)."""
    project, base = served_seed
    shots = Path(os.environ.get("ARCHIVE_SCREENSHOTS") or tmp_path)
    sidecar = project.docs / SEED_SIDECAR
    good = sidecar.read_text(encoding="utf-8")
    lines = good.split("\n")
    block = lines.index("  - id: tanker-trucks")
    status = next(i for i in range(block, len(lines)) if lines[i].startswith("    status: "))
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    article, home = context.new_page(), context.new_page()
    article.goto(base + SEED_PAGE)
    home.goto(base + "index.html")
    expect(article.locator("#claim-tanker-trucks")).to_have_attribute("data-status", "unverified")
    expect(article.locator(".na-stale")).to_have_count(0)

    sidecar.write_text("\n".join([*lines[:status], "    status: unverifed", *lines[status + 1 :]]), encoding="utf-8")
    where = f"docs/{SEED_SIDECAR}:{status + 1}: tanker-trucks: "
    checked = project.cli("check")
    reported = [line for line in (checked.stdout + checked.stderr).splitlines() if line.startswith(where)]
    assert len(reported) == 1 and "unverifed" in reported[0], checked.stdout + checked.stderr
    for page in (article, home):  # the preview's live reload reloads both after the rebuild
        banner = page.locator(".na-stale")
        expect(banner).to_be_visible(timeout=60_000)
        expect(banner.locator("li")).to_have_text(reported)
    # The last good archive is still served: the claim as it was, its note with it.
    expect(article.locator("#claim-tanker-trucks")).to_have_attribute("data-status", "unverified")
    expect(article.locator("#note-tanker-trucks")).to_contain_text("no independent check")

    for width in (1440, 390):
        for scheme in ("light", "dark"):
            look = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
            page = look.new_page()
            page.goto(base + SEED_PAGE)
            banner = page.locator(".na-stale")
            expect(banner).to_be_visible()
            box = banner.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
            page.screenshot(path=str(shots / f"banner-{width}-{scheme}.png"))
            page.evaluate("window.scrollTo(0, 1500)")  # down the page: banner and header both in view, apart
            header = page.locator(".md-header").bounding_box()
            expect(banner).to_be_in_viewport()
            assert header["y"] == 0 and banner.bounding_box()["y"] >= header["height"] - 1, (
                header,
                banner.bounding_box(),
            )
            violations = _violations(page)  # axe-core: the banner's contrast in both schemes
            assert not violations, "\n".join(violations)
            look.close()

    sidecar.write_text(good, encoding="utf-8")
    for page in (article, home):
        expect(page.locator(".na-stale")).to_have_count(0, timeout=60_000)
    expect(article.locator("#claim-tanker-trucks")).to_have_attribute("data-status", "unverified")
    context.close()
    assert not errors, errors
