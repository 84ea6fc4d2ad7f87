"""Material's inline scripts, served as files by the archive: the same code as Material's partials."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
# Material's scope is the page's base_url, relative to the page; the file finds the same address
# (the site's root) from its own, two folders down (assets/theme/).
SCOPE = ('new URL("{{ config.extra.scope | d(base_url) }}",location)', 'new URL("../..",document.currentScript.src)')


def _last_script(partial: str) -> str:
    return re.findall(r"<script>(.*?)</script>", (PARTIALS / partial).read_text(encoding="utf-8"), re.S)[-1]


@pytest.mark.parametrize(
    ("partial", "asset"),
    [("base.html", "scope.js"), ("palette.html", "palette.js"), ("content.html", "tabbed.js")],
)
def test_each_file_is_materials_script(partial, asset):
    expected = _last_script(partial).replace(*SCOPE) + "\n"
    assert expected.count("currentScript") == (asset == "scope.js")  # Material's scope expression was found
    assert (ROOT / "docs" / "assets" / "theme" / asset).read_text(encoding="utf-8") == expected
