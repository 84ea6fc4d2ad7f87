"""The editors' generated pages: the coverage report (figures not yet annotated, and those dismissed) and the
error messages, generated from messages/ so that the page cannot drift from what the build prints."""

from __future__ import annotations

from .. import urls
from ..messages import MESSAGES
from ..model import Archive
from .html import link, text


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
        return f"{lead}{pager}{table}{_dismissed_table(dismissed, here) if here == urls._paged('coverage', 1) else ''}"

    return page


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
