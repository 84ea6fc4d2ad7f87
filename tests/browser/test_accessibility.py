"""axe-core on the pages readers land on: no serious or critical violation (no rule disabled)."""

from __future__ import annotations

import pytest
from note_parts import WORDS

from .conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDE = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _claimant_page(browse) -> str:
    page = browse.open(browse.http("claimants.html"), **WIDE)
    href = page.locator("table.na-table tbody a").first.get_attribute("href")
    page.close()
    return href


def _violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (.ci/run does)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("which", ["home", "article", "claims", "year", "claimant"])
def test_no_serious_accessibility_violation(browse, article_path, which, viewport, scheme):
    paths = {"home": "index.html", "article": article_path, "claims": "claims.html", "year": "claims/2015.html"}
    path = paths.get(which)
    if which == "claimant":
        path = _claimant_page(browse)
    # axe-core is injected as an inline script: the test tool, not the site, bypasses its CSP.
    page = browse.open(browse.http(path), bypass_csp=True, color_scheme=scheme, **viewport)
    # the site follows the reader's preference (Material's palette: default = light, slate = dark)
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == {"light": "default", "dark": "slate"}[scheme]
    if which == "article":
        # an open note is checked too: on a phone it is folded until a figure is tapped
        page.locator(".na-text .na-claim").first.click()
        page.locator(f".na-note.na-active > {WORDS}").wait_for()
    violations = _violations(page)
    assert not violations, "\n".join(violations)
