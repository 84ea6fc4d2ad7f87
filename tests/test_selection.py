"""The preview's claim-from-a-selection tool (render/selection.py): its data, and that a built site
carries none of it. How it works in a page is tested in Chromium (tests/browser/test_preview.py)."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
import yaml
from conftest import SEED_BODY, SEED_CLAIMS, seed_project

from hooks.archive import urls
from hooks.archive.anchor.figures import find_figures
from hooks.archive.anchor.values import unit_ends, value_and_prefix
from hooks.archive.assemble import load_archive
from hooks.archive.render.selection import DATA_ID, _yaml_number, selection_data, with_selection_tool

# What the tool leaves in a page or a site: none of it may be in a built one.
TRACES = (DATA_ID, "archive-selection", "na-pick", "Claim from the selection")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("destroyed 525 oil tanker trucks during", 525, "oil tanker trucks"),
        ("60,000 tons of oil every day", 60000, "tons of oil"),
        ("receive $1.5 million dollars in revenue", 1500000, "dollars in revenue"),
        ("a loss of €2.5 million.", 2500000, "euros"),
        ("US$3bn in aid", 3000000000, "US dollars in aid"),
        ("rose 1.2 percent.", 1.2, "percent"),
        ("over the past four days", 4, "days"),
        ("twenty-five thousand people fled", 25000, "people fled"),
        ("a dozen eggs", 12, "eggs"),
    ],
)
def test_a_figure_s_value_and_unit(text, value, unit):
    (figure,) = [f for f in find_figures(text) if f.kind != "date"]
    found_value, prefix = value_and_prefix(figure)
    ends = unit_ends(text, figure)
    assert found_value == value and type(found_value) is type(value)
    assert " ".join(filter(None, [prefix, ends[-1][1] if ends else ""])) == unit


@pytest.mark.parametrize("value", [525, 10**21, 1.5, 1e21, 1e-05])
def test_a_value_is_written_as_yaml_reads_a_number_back(value):
    assert yaml.safe_load(_yaml_number(value)) == value


@pytest.mark.parametrize("text", ["34,000-40,000 bpd", "between 20 and 45 people", "two-thirds of them"])
def test_a_range_or_a_fraction_has_no_single_value(text):
    (figure,) = find_figures(text)
    assert value_and_prefix(figure) is None


def test_the_data_cannot_close_its_block_and_names_every_id_the_claims_file_uses(project):
    body = SEED_BODY.replace("Friday", "Friday </script><script>alert(1)</script> <!-- 🛢 ")
    project.article("a", body, SEED_CLAIMS + "#  - id: commented-out\n")
    archive = load_archive(project.docs, project.config)
    (article,) = archive.articles
    page = with_selection_tool("<html><body><p>x</p></body></html>", archive, article, SEED_CLAIMS + "# - id: later\n")
    block = re.search(f'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["body"] == body
    assert set(data["ids"]) == {"tanker-trucks", "militants-killed", "later"}
    # Offsets count UTF-16 code units, as a JavaScript string does: the oil drum (U+1F6E2) counts two.
    figure = next(f for f in data["figures"] if f["value"] == "525")  # as YAML is to read it
    assert data["body"].encode("utf-16-le")[2 * figure["start"] : 2 * figure["end"]].decode("utf-16-le") == "525"
    assert data["statuses"][:1] and set(data["claimants"]) == set(archive.claimants)


def test_a_markdown_article_gets_no_tool(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, format="markdown")
    archive = load_archive(project.docs, project.config)
    assert selection_data(archive, archive.articles[0], None) is None


def test_the_built_site_has_no_trace_of_the_tool(tmp_path):
    project = seed_project(tmp_path / "project")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert not (project.site / urls.SELECTION_SCRIPT).exists() and not (project.site / urls.SELECTION_STYLE).exists()
    article = next((project.site / "articles").rglob("*.html")).read_text(encoding="utf-8")
    assert 'class="na-claim"' in article  # the article page is there, with its claims
    for path in project.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".json"):
            content = path.read_text(encoding="utf-8", errors="replace")
            assert not [t for t in TRACES if t in content], path
    with zipfile.ZipFile(project.site / urls.OFFLINE_ZIP) as offline:  # the offline copy likewise
        for name in offline.namelist():
            assert not [t for t in TRACES if t in name or t in offline.read(name).decode("utf-8", "replace")], name
