"""The request log catches what it must: the other browser tests rely on it."""

from __future__ import annotations

OUTSIDE = "https://example.org/tracker.png"


def _request(page, url):
    page.evaluate(
        "url => new Promise(done => { const i = new Image(); i.onload = i.onerror = done; i.src = url; })", url
    )


def test_a_request_leaving_the_site_is_caught(browse):
    served = browse.open(browse.http("index.html"))
    _request(served, OUTSIDE)
    _request(served, browse.server.replace("/some-repo/", "/elsewhere.png"))  # same server, outside the site
    from_disk = browse.open(browse.file("index.html"))
    _request(from_disk, browse.http("assets/images/favicon.png"))  # under file://, even the test server
    caught = browse.forbidden()
    assert caught == [
        OUTSIDE,
        browse.server.replace("/some-repo/", "/elsewhere.png"),
        browse.http("assets/images/favicon.png"),
    ]
    # the pages themselves, their assets and the offline copy's files were all allowed
    assert len(browse.requests) > len(caught) + 10
    browse.log.clear()
    browse.failed.clear()
