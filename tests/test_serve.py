"""`mkdocs serve`: a broken edit shows the same problem lines and the last good build stays served."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import SEED_BODY, SEED_CLAIMS, get, serving, wait_for


def _serving(project):
    return serving(project, "articles/a.html", "claim-tanker-trucks")


def test_serve_reports_problems_and_keeps_serving_the_last_good_build(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    with _serving(project) as (port, log):
        page = f"http://127.0.0.1:{port}/articles/a.html"
        sidecar = project.docs / "articles" / "a.claims.yml"
        sidecar.write_text(SEED_CLAIMS.replace("525 oil", "526 oil"), encoding="utf-8")
        expected = 'a.claims.yml:3: tanker-trucks: quote "526 oil tanker trucks" is not in the article text'
        wait_for(lambda: any(expected in line for line in log), "the problem in the log")
        assert not any("Traceback" in line for line in log), "".join(log)
        served = get(page)
        assert 'id="claim-tanker-trucks"' in served and "525 oil tanker trucks" in served
        # Every served page says that the preview is stale, and why.
        for url in (page, f"http://127.0.0.1:{port}/index.html"):
            wait_for(lambda url=url: "Preview out of date" in get(url), "the banner")
            banner = BeautifulSoup(get(url), "html.parser").find(class_="na-stale")
            assert any(expected in item.get_text() for item in banner.find_all("li"))

        sidecar.write_text(SEED_CLAIMS.replace("no independent check", "no check at all"), encoding="utf-8")
        wait_for(lambda: "no check at all" in get(page), "the fixed build")
        assert "na-stale" not in get(page)


def test_a_symlink_added_while_serving_is_reported_and_the_server_keeps_answering(project):
    """A failure that used to come after validation (a dangling link) is now found by it: no hang."""
    project.article("a", SEED_BODY, SEED_CLAIMS)
    with _serving(project) as (port, log):
        page = f"http://127.0.0.1:{port}/articles/a.html"
        link = project.docs / "articles" / "b.md"
        link.symlink_to("nowhere.md")
        sidecar = project.docs / "articles" / "a.claims.yml"
        sidecar.write_text(SEED_CLAIMS, encoding="utf-8")  # MkDocs's watcher does not see a new link: a save does
        wait_for(
            lambda: any("b.md: is a symbolic link" in line for line in log), "the problem in the log: " + "".join(log)
        )
        wait_for(lambda: "b.md: is a symbolic link" in get(page), "the banner")
        link.unlink()
        sidecar.write_text(SEED_CLAIMS + "\n", encoding="utf-8")
        wait_for(lambda: "na-stale" not in get(page), "the fixed build")
        assert not any("Traceback" in line for line in log), "".join(log)
