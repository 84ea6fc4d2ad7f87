"""The editors' preview in Chromium, under a real `mkdocs serve` of a copy of the seed archive:
a claim made from a selection (render/selection.py and selection.js). The banner of problems:
test_preview_banner.py.

The claim tool is tested as an editor uses it: words selected in the page, the block the panel
shows pasted into the claims file with claimant, status and note filled in, and `python -m hooks
check` run on it; the claim must then stand on exactly the words selected, widened to whole words.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import SEED_PAGE, seed_project, serving  # noqa: E402 - tests/conftest.py

from hooks.archive.anchor.quotes import paragraphs  # noqa: E402
from hooks.archive.assemble import load_archive  # noqa: E402
from hooks.archive.load import fields  # noqa: E402
from hooks.bench.chromium import ARGS as CHROMIUM_ARGS  # noqa: E402
from hooks.bench.chromium import PATH as CHROMIUM  # noqa: E402

from .test_accessibility import _violations  # noqa: E402

SEED_SRC = SEED_PAGE[: -len(".html")] + ".md"
SEED_SIDECAR = SEED_PAGE[: -len(".html")] + ".claims.yml"
# A second article, without a claims file: dashes, typographic quotes, a figure that repeats, and
# CR LF line endings (the page shows each CR LF as one line feed).
DASHES_BODY = (
    "Officials said the convoy – 40 trucks in all – crossed at dawn; “40 trucks” is the ministry’s own count.\r\n"
    "A second convoy — 40 trucks again — followed at noon, the ministry’s spokesman said.\r\n"
    "\r\n"
    "The ministry’s figure of 40 trucks was repeated: “40 trucks a day”, it said, and then “40 trucks”.\r\n"
)
DASHES_PAGE = "articles/2015/dashes.html"
# A soft hyphen (U+00AD, invisible): a quote holding it is refused by check, and the panel says so.
HIDDEN_BODY = "The counter\u00adoffensive took 12 villages.\n"
STATUSES = ["unverified", "confirmed", "disputed", "false", "partly-confirmed"]
CLAIMANTS = ["sergei-shoigu", "russian-mod", "associated-press", "industry-news"]

SELECT = """([index, start, end]) => {
  const paragraph = document.querySelectorAll('.na-text > p')[index];
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let node, seen = 0;
  while ((node = walker.nextNode())) { nodes.push([node, seen]); seen += node.data.length; }
  const point = (k) => {
    for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= k) return [nodes[i][0], k - nodes[i][1]];
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""
# The screen point at the left edge of a character of a paragraph's shown text.
POINT = """([index, offset]) => {
  const paragraph = document.querySelectorAll('.na-text > p')[index];
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    if (offset < seen + node.data.length) {
      const range = document.createRange();
      range.setStart(node, offset - seen);
      range.setEnd(node, offset - seen + 1);
      const box = range.getBoundingClientRect();
      return [box.left + 1, box.top + box.height / 2];
    }
    seen += node.data.length;
  }
}"""
SELECT_ACROSS = """([first, second]) => {
  const ps = document.querySelectorAll('.na-text > p');
  const range = document.createRange();
  range.setStart(ps[first].firstChild, 0);
  range.setEnd(ps[second].lastChild, ps[second].lastChild.data.length);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """(the project served, its base URL): a copy of the seed archive and the dashes article."""
    project = seed_project(tmp_path_factory.mktemp("preview") / "project")
    project.article("2015/dashes", DASHES_BODY, title="Dashes and quotes")
    project.article("2015/hidden", HIDDEN_BODY, title="A soft hyphen")
    with serving(project, SEED_PAGE, "claim-tanker-trucks") as (port, _log):
        yield project, f"http://127.0.0.1:{port}/"


def _shown_to_body(body: str, start: int, shown: int) -> int:
    """An offset in a paragraph's text as the page shows it (CR LF as LF) as an offset in the body."""
    at = start
    for _ in range(shown):
        at += 2 if body.startswith("\r\n", at) else 1
    return at


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _widened(body: str, paragraph: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The selected words: a word cut by either end taken whole, no white space at the ends."""
    while start > paragraph[0] and _word(body[start]) and _word(body[start - 1]):
        start -= 1
    while end < paragraph[1] and _word(body[end - 1]) and _word(body[end]):
        end += 1
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _selections(rng: random.Random, texts: list[str], count: int, wanted: list[str]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) in the shown text: random runs of 1 to 6 words, either end cut inside
    a word now and then, and for each of `wanted` a selection of its last occurrence."""
    picks = []
    for phrase in wanted:
        index = next(i for i in reversed(range(len(texts))) if phrase in texts[i])
        at = texts[index].rindex(phrase)
        picks.append((index, at, at + len(phrase)))
    words = [(i, [m.span() for m in re.finditer(r"\S+", t)]) for i, t in enumerate(texts)]
    weighted = [(i, spans) for i, spans in words for _ in spans]
    while len(picks) < count + len(wanted):
        index, spans = rng.choice(weighted)
        first = rng.randrange(len(spans))
        last = min(len(spans) - 1, first + rng.randrange(6))
        start, end = spans[first][0], spans[last][1]
        if rng.random() < 0.3 and spans[first][1] - start > 1:
            start += rng.randrange(1, spans[first][1] - start)
        if rng.random() < 0.3 and end - spans[last][0] > 1:
            end -= rng.randrange(1, end - spans[last][0])
        if end > start:
            picks.append((index, start, end))
    return picks


def _without_claims(sidecar: str, ids: set[str]) -> str:
    """The claims file without the blocks of these claims (each block runs from its `- id:` line)."""
    out, skipping = [], False
    for line in sidecar.splitlines(keepends=True):
        found = re.match(r"  - id: ([a-z0-9-]+)", line)
        if found:
            skipping = found.group(1) in ids
        if not skipping:
            out.append(line)
    return "".join(out)


def _filled(block: str, n: int) -> str:
    block = re.sub(r"(?m)^(    claimant:)", rf"\1 {CLAIMANTS[n % len(CLAIMANTS)]}", block, count=1)
    block = re.sub(r"(?m)^(    status:)", rf"\1 {STATUSES[n % len(STATUSES)]}", block, count=1)
    return re.sub(r"(?m)^(    note:)", r"\1 Pasted from the preview's claim tool.", block, count=1)


def _panel_block(page, selection) -> tuple[str, list[str]]:
    page.keyboard.press("Escape")
    expect(page.locator(".na-pick")).to_have_count(0)
    page.evaluate(SELECT, list(selection))
    expect(page.locator(".na-pick")).to_have_count(1)
    problems = page.locator(".na-pick__problem").all_text_contents()
    return page.locator(".na-pick__yaml code").text_content(), problems


def test_a_claim_from_any_selection_is_accepted_by_check_and_stands_on_the_selected_words(preview, browser, tmp_path):
    project, base = preview
    checked = seed_project(tmp_path / "checked")  # pasted into: the served files stay as they are
    # The seed alone: its claims that a selection overlaps are taken out, and another article's
    # same-as link to one of them would then point at nothing.
    for other in checked.docs.glob("articles/*/*"):
        if not other.name.startswith(Path(SEED_PAGE).stem + "."):
            other.unlink()
    checked.article("2015/dashes", DASHES_BODY, title="Dashes and quotes")
    archive = load_archive(project.docs, project.config)
    articles = {a.src: a for a in archive.articles}
    seed_sidecar = (project.docs / SEED_SIDECAR).read_text(encoding="utf-8")
    seed_ids = set(re.findall(r"(?m)^\s*(?:#\s*)?-?\s*id: ([a-z0-9-]+)", seed_sidecar))
    rng = random.Random(14)
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    cases = []
    for path, count, wanted in (
        (SEED_PAGE, 26, ["oil", "ISIS", "Russia’s Defense", "“For Paris!”", "four days"]),
        (DASHES_PAGE, 8, ["– 40 trucks in all –", "40 trucks", "ministry’s own", "— 40 trucks again —"]),
    ):
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + path)
        texts = page.eval_on_selector_all(".na-text > p", "ps => ps.map(p => p.textContent)")
        for selection in _selections(rng, texts, count, wanted):
            cases.append((path, selection, *_panel_block(page, selection)))
        page.close()
    context.close()
    assert not errors, errors
    assert len(cases) >= 30

    repeated = typographic = 0
    for n, (path, (index, start, end), block, problems) in enumerate(cases):
        article = articles[path[: -len(".html")] + ".md"]
        body = article.body
        paragraph = list(paragraphs(body))[index]
        span = _widened(
            body,
            paragraph,
            _shown_to_body(body, paragraph[0], start),
            _shown_to_body(body, paragraph[0], end),
        )
        overlapped = {c.id for c in article.claims if c.start < span[1] and span[0] < c.end}
        assert len(problems) == len(overlapped), (block, problems)
        if n % 9 == 0:
            print(block)
        entry = yaml.safe_load("claims:\n" + block)["claims"][0]
        assert set(entry) <= set(fields.CLAIM), entry
        assert entry["id"] not in {c.id for c in article.claims} | (seed_ids if article.src == SEED_SRC else set())
        assert entry["quote"] == " ".join(body[span[0] : span[1]].split())  # white space runs as one space
        repeated += "occurrence" in entry
        typographic += bool(re.search("[’‘“”–—]", entry["quote"]))

        sidecar = checked.docs / (article.src[: -len(".md")] + ".claims.yml")
        kept = _without_claims(seed_sidecar, overlapped) if article.src == SEED_SRC else "claims:\n"
        sidecar.write_text(kept.rstrip("\n") + "\n" + _filled(block, n), encoding="utf-8")
        result = checked.cli("check")
        assert result.returncode == 0, f"{block}\n{result.stdout}{result.stderr}"
        claim = next(
            c
            for a in load_archive(checked.docs, checked.config).articles
            if a.src == article.src
            for c in a.claims
            if c.id == entry["id"]
        )
        assert (claim.start, claim.end) == span, (block, body[claim.start : claim.end], body[span[0] : span[1]])
        sidecar.write_text(seed_sidecar if article.src == SEED_SRC else "claims:\n", encoding="utf-8")
    print(f"\n{len(cases)} selections pasted and checked: {repeated} with occurrence:, {typographic} typographic")
    assert repeated >= 5 and typographic >= 5, (repeated, typographic)


def test_the_panel_is_near_the_selection_copies_by_keyboard_and_fits_a_phone(preview, browser):
    project, base = preview
    for width in (1440, 390):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
        )
        page = context.new_page()
        page.goto(base + SEED_PAGE)
        texts = page.eval_on_selector_all(".na-text > p", "ps => ps.map(p => p.textContent)")
        index = next(i for i, t in enumerate(texts) if "Armed Forces" in t)
        start = texts[index].index("Armed Forces")
        # Dragged with the mouse, from inside "Armed" to inside "Forces": widened to both words.
        page.locator(".na-text > p").nth(index).scroll_into_view_if_needed()
        page.mouse.move(*page.evaluate(POINT, [index, start + 2]))
        page.mouse.down()
        page.mouse.move(*page.evaluate(POINT, [index, start + 9]), steps=5)
        page.mouse.up()
        panel = page.locator(".na-pick")
        expect(panel).to_be_visible()
        expect(panel.locator(".na-pick__yaml")).to_contain_text('quote: "Armed Forces"')
        assert page.evaluate("getSelection().toString()") == "Armed Forces"  # the page marks the words quoted
        box, chosen = panel.bounding_box(), page.evaluate("getSelection().getRangeAt(0).getBoundingClientRect().bottom")
        assert 0 <= box["x"] and box["x"] + box["width"] <= width, box
        assert 0 <= box["y"] - chosen <= 40, (box, chosen)  # just under the selected words
        # From the selection, the keyboard reaches Copy (the panel follows the paragraph in the tab order).
        _copy_by_keyboard(page, panel)
        # Two paragraphs: no block, the check's own words.
        page.evaluate(SELECT_ACROSS, [index - 1, index])
        expect(page.locator(".na-pick__problem")).to_contain_text("the quote runs across two paragraphs")
        expect(page.locator(".na-pick__yaml")).to_have_count(0)
        context.close()


def test_the_keyboard_alone_makes_and_copies_a_claim(preview, browser):
    """With caret browsing (F7; here Chromium's switch): the caret put before "Hollande", shift and
    arrows select two words, Tab reaches Copy, Enter copies, Escape closes."""
    project, base = preview
    caret = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-caret-browsing"])
    try:
        context = caret.new_context(
            viewport={"width": 390, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
        )
        page = context.new_page()
        page.goto(base + SEED_PAGE)
        texts = page.eval_on_selector_all(".na-text > p", "ps => ps.map(p => p.textContent)")
        index = next(i for i, t in enumerate(texts) if "Hollande plans" in t)
        start = texts[index].index("Hollande plans")
        page.evaluate(SELECT, [index, start, start])  # the caret, where the arrow keys would have put it
        for _ in range(len("Hollande plans")):
            page.keyboard.press("Shift+ArrowRight")
        panel = page.locator(".na-pick")
        expect(panel.locator(".na-pick__yaml")).to_contain_text('quote: "Hollande plans"')
        _copy_by_keyboard(page, panel)
        context.close()
    finally:
        caret.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1440, 390])
def test_the_open_panel_has_no_serious_accessibility_violation(preview, browser, tmp_path, width, scheme):
    """The panel open on words that overlap a claim (so with a problem said): axe-core, and a
    screenshot to $ARCHIVE_SCREENSHOTS (else the test's folder)."""
    project, base = preview
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base + SEED_PAGE)
    texts = page.eval_on_selector_all(".na-text > p", "ps => ps.map(p => p.textContent)")
    index = next(i for i, t in enumerate(texts) if "525 oil" in t)
    start = texts[index].index("and 525 oil")
    page.evaluate(SELECT, [index, start, start + len("and 525 oil")])
    expect(page.locator(".na-pick__problem")).to_contain_text('overlaps the quote of claim "tanker-trucks"')
    expect(page.locator(".na-pick__yaml")).to_contain_text("figure: {value: 525")
    page.wait_for_timeout(300)  # the panel scrolled into view
    page.screenshot(path=str(Path(os.environ.get("ARCHIVE_SCREENSHOTS") or tmp_path) / f"pick-{width}-{scheme}.png"))
    violations = _violations(page)
    assert not violations, "\n".join(violations)
    context.close()


def test_words_holding_an_invisible_character_are_said_to_be_refused(preview, browser):
    project, base = preview
    page = browser.new_page(viewport={"width": 1440, "height": 800})
    page.goto(base + "articles/2015/hidden.html")
    page.evaluate(SELECT, [0, len("The co"), len("The counter_off")])
    expect(page.locator(".na-pick__problem")).to_have_text(
        "quote contains invisible character(s) U+00AD — retype it without zero-width or direction-control characters"
    )
    page.close()


def _copy_by_keyboard(page, panel) -> None:
    """Tab from the selection to Copy, press it: the clipboard holds the block; Escape closes the panel."""
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('na-pick__copy')"):
            break
    else:
        raise AssertionError("Tab never reached the Copy button")
    page.keyboard.press("Enter")
    expect(panel.locator("[role=status]")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == panel.locator(".na-pick__yaml code").text_content()
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)
    # ... and stays closed when the selection changes without a new drag (the focus given back to the
    # text, a script re-setting the same range): only selecting again opens it.
    page.evaluate("const s = getSelection(), r = s.getRangeAt(0); s.removeAllRanges(); s.addRange(r)")
    page.wait_for_timeout(600)
    expect(panel).to_have_count(0)
