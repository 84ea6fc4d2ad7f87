"""The benchmark's generator writes a valid archive in the real content format (timings are the script's job)."""

from __future__ import annotations

import subprocess

from conftest import ROOT

from hooks import engine
from hooks.bench import synthetic as bench


def test_generated_archive_is_valid_deterministic_and_builds(tmp_path):
    generated = bench.generate(tmp_path / "a", 12, seed=7)
    bench.generate(tmp_path / "b", 12, seed=7)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert generated.articles == 12 and 100 <= generated.claims <= 12 * 12 and generated.claimants == 300
    sidecars = "".join(p.read_text() for p in (tmp_path / "a").rglob("*.claims.yml"))
    for status in bench.STATUSES:
        assert f'status: "{status}"' in sidecars
    assert "via: [" in sidecars

    config = bench.hooked_project(generated)
    run = engine.command("build", "--strict", "-q", "-f", str(config))
    result = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "a" / "site"
    assert len(list(site.glob("articles/*/*.html"))) == 12
    assert "na-note" in next(site.glob("articles/*/*.html")).read_text(encoding="utf-8")
