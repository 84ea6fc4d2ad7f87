"""The editors' generated pages: the coverage report (figures not yet annotated, and those dismissed) and the
error messages, generated from messages/ so that the page cannot drift from what the build prints."""

from __future__ import annotations

from .. import urls
from ..messages import MESSAGES
from ..model import Archive
from ..suggest import suggestions
from .html import link, plural, text


def uncovered_articles(archive: Archive) -> list:
    return [article for article in archive.articles if article.uncovered]


def coverage_page(archive: Archive):
    """The coverage report's page maker: articles with figures no claim covers, 200 a page."""
    total = sum(1 for a in archive.articles for f in a.figures if f.kind != "date")
    dismissed = [(a, f, d) for a in archive.articles for f, d in a.dismissed]
    covered = total - sum(len(a.uncovered) for a in archive.articles) - len(dismissed)

    def page(here, chunk, pager):
        rows = []
        for article in chunk:
            missing = article.uncovered
            figures = ", ".join(f"<code>{text(f.suggestion)}</code>" for f in missing[:20])
            more = f" and {len(missing) - 20} more" if len(missing) > 20 else ""
            rows.append(
                f"<tr><td>{link(urls.relative(here, urls.page_url(article.src)), article.title)}</td>"
                f"<td><code>{text('docs/' + (article.sidecar_src or article.stem + '.claims.yml'))}</code></td>"
                f"<td>{len(missing)}</td><td>{figures}{more}</td></tr>"
            )
        table = (
            '<table class="na-table"><thead><tr><th>Article</th><th>Claims file</th><th>Figures not annotated</th>'
            f"<th>Figures</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{pager}"
            if rows
            else "<p>Every figure found in the archive is covered by a claim or dismissed.</p>"
        )
        lead = (
            "<p>For editors: figures found in the archived texts (numbers, amounts, percentages, ranges, "
            f"fractions, counts; dates are not counted) that no claim covers yet. {covered} of {total} figures "
            f"are covered by a claim, {len(dismissed)} dismissed as no claim.</p>"
        )
        first = here == urls._paged("coverage", 1)
        extra = _dismissed_table(dismissed, here) + _suggestions_table(archive, here) if first else ""
        return f"{lead}{pager}{table}{extra}"

    return page


MOST_SUGGESTIONS_SHOWN = 200  # as for dismissals: `check` prints them all


def _suggestions_table(archive: Archive, here: str) -> str:
    """Claims of two articles that may be one claim, not yet linked (suggest.py): accept or dismiss each."""
    found = suggestions(archive)
    if not found:
        return ""
    rows = "".join(
        f"<tr><td>{link(urls.relative(here, urls.claim_permalink(s.claim)), s.claim.article.quoted(s.claim))}</td>"
        f"<td>{link(urls.relative(here, urls.claim_permalink(s.other)), s.other.article.quoted(s.other))}</td>"
        f"<td>{text(s.why)}</td><td><code>{text(s.claim.article.sidecar_shown)}:{s.claim.line}</code></td></tr>"
        for s in found[:MOST_SUGGESTIONS_SHOWN]
    )
    more = f"<p>… and {len(found) - MOST_SUGGESTIONS_SHOWN} more: run <code>python -m hooks check</code>.</p>"
    how = link(urls.relative(here, "format.html#one-claim-in-many-articles"), "the content format")
    head = "<th>Claim</th><th>May be the same as</th><th>Why</th><th>Where to link it</th>"
    return (
        '<h2 id="suggested-links">Claims that may be one claim</h2>'
        f"<p>{plural(len(found), 'pair')} of claims in different articles give the same figure or the same "
        "words, close in time, by hands that relay each other, and are not linked yet. If the two are one "
        "claim relayed, add <code>same-as: YEAR/SLUG#ID</code> (the earlier claim) to the later one; if not, "
        f"add <code>distinct-from: [YEAR/SLUG#ID]</code>. See {how}.</p>"
        f'<div class="na-scroll"><table class="na-table na-suggestions"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        f"{more if len(found) > MOST_SUGGESTIONS_SHOWN else ''}"
    )


MOST_DISMISSED_SHOWN = 200  # the page stays light at 10,000 articles; the claims files hold the rest


def _dismissed_table(dismissed: list, here: str) -> str:
    """The figures editors dismissed as no claim (`dismissed:` in claims files), with their reasons."""
    if not dismissed:
        return ""
    rows = "".join(
        f"<tr><td>{link(urls.relative(here, urls.page_url(a.src)), a.title)}</td>"
        f"<td><code>{text(f.text)}</code></td><td>{text(d.reason)}</td>"
        f"<td><code>{text('docs/' + (a.sidecar_src or a.stem + '.claims.yml'))}:{d.line}</code></td></tr>"
        for a, f, d in dismissed[:MOST_DISMISSED_SHOWN]
    )
    more = len(dismissed) - MOST_DISMISSED_SHOWN
    rows += f'<tr><td colspan="4">… and {more} more</td></tr>' if more > 0 else ""
    return (
        '<h2 id="dismissed">Dismissed figures</h2><p>Figures found in the text that editors marked as no claim.</p>'
        '<table class="na-table na-dismissed"><thead><tr><th>Article</th><th>Figure</th><th>Reason</th>'
        f"<th>Where</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def errors_page() -> str:
    """Every problem the build can report, generated from messages.py so it cannot drift."""
    entries = []
    for message in MESSAGES.values():
        what = message.what.format(**message.example)
        fix = message.fix.format(**message.example)
        entries.append(
            f'<h2 id="{message.code}"><code>{message.code}</code></h2>'
            f'<p class="na-error-line"><code>path:line: claim-id: {text(what)} — {text(fix)}</code></p>'
            f"<p>{text(message.meaning)}</p>"
        )
    return (
        "<h1>Error messages</h1><p>Every problem that <code>mkdocs build</code> and <code>python -m hooks check</code> "
        "can report, with an example of its line, what it means and how to fix it. Each problem is one line: "
        "the file, the line, the claim (when there is one), what is wrong, and after the dash how to fix it. "
        "A build with any problem writes nothing, so the last good site stays as it was.</p>"
        f"<p>{len(MESSAGES)} messages.</p>{''.join(entries)}"
    )
