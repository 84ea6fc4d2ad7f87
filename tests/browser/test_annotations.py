""" "Next to" made measurable: where each note stands, in every way a reader meets the article."""

from __future__ import annotations

import re

import pytest
from note_parts import NUMBER, STATUS, WORDS
from playwright.sync_api import expect

WIDE = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LEVEL = 40  # px: a note's top and its figure's top
BELOW = 24  # px: a popover's top under its figure's bottom


def _boxes(page, selector):
    return page.eval_on_selector_all(
        selector,
        """els => els.map(e => { const r = e.getBoundingClientRect();
            return {id: e.id, top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })""",
    )


def _overlap(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def _claims(page) -> list[str]:
    ids = page.eval_on_selector_all(".na-text .na-claim", "els => els.map(e => e.id.replace(/^claim-/, ''))")
    assert len(ids) >= 2
    return ids


def test_wide_screen_notes_stand_level_with_their_figures_and_overlap_nothing(browse, article_path):
    page = browse.open(browse.http(article_path), **WIDE)
    notes = _boxes(page, ".na-text > .na-note")
    figures = {box["id"]: box for box in _boxes(page, ".na-text .na-claim")}
    paragraphs = _boxes(page, ".na-text > p")
    assert len(notes) == len(figures) == len(_claims(page))
    above = None
    for note in notes:
        figure = figures["claim-" + note["id"].removeprefix("note-")]
        level = abs(note["top"] - figure["top"]) <= LEVEL
        pushed = above is not None and note["top"] > figure["top"] and note["top"] - above["bottom"] <= 16
        assert level or pushed, (note, figure, above)
        assert note["left"] >= max(p["right"] for p in paragraphs), "the note is not in the margin"
        assert note["right"] <= 1440
        if above is not None:
            assert note["top"] >= above["bottom"], "notes overlap"
        assert not any(_overlap(note, p) for p in paragraphs), "a note covers the text"
        above = note
    # the text keeps room for its notes: what follows it (the figures table) starts below the last one
    after = page.locator(".na-text + *").bounding_box()
    assert after["y"] >= above["bottom"]


def test_phone_tapping_a_figure_shows_its_note_right_below_it_in_view(browse, article_path):
    page = browse.open(browse.http(article_path), **PHONE)
    for claim in _claims(page):
        figure = page.locator(f"#claim-{claim}")
        figure.scroll_into_view_if_needed()
        figure.tap()
        note = page.locator(f"#note-{claim}")
        expect(note).to_be_visible()
        f, n = figure.bounding_box(), note.bounding_box()
        # the figure may wrap over two lines: the note starts under its last line
        assert 0 <= n["y"] - (f["y"] + f["height"]) <= BELOW, (claim, f, n)
        assert n["y"] >= 0 and n["y"] + n["height"] <= 844, (claim, n)
        assert n["x"] >= 0 and n["x"] + n["width"] <= 390, (claim, n)
        # nothing hides it: the element at its middle is the note itself
        hit = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('.na-note')?.id",
            [n["x"] + n["width"] / 2, n["y"] + n["height"] / 2],
        )
        assert hit == f"note-{claim}"
        # a tap elsewhere closes it (an open note may cover the next figures)
        page.locator("h1").first.tap()
        expect(note).not_to_have_class("na-note na-popover")
        assert "na-popover" not in (note.get_attribute("class") or "")


def test_without_javascript_every_note_is_readable_right_after_its_paragraph(browse, article_path):
    page = browse.open(browse.http(article_path), java_script_enabled=False, viewport={"width": 1440, "height": 900})
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    for claim in _claims(page):
        note = page.locator(f"#note-{claim}")
        expect(note).to_be_visible()
        # the paragraph before the note (past any other notes) holds the figure...
        holder = note.evaluate(
            """n => { let e = n.previousElementSibling;
                while (e && e.matches('.na-note')) e = e.previousElementSibling;
                const figure = e && e.querySelector('#claim-' + n.id.slice(5));
                return figure ? figure.id : null; }"""
        )
        assert holder == f"claim-{claim}"
        # ...and the note is laid out under it, full width, at a readable size
        p = page.locator(f"#claim-{claim}").locator("xpath=ancestor::p[1]").bounding_box()
        n = note.bounding_box()
        assert n["y"] >= p["y"] + p["height"] and n["width"] >= 0.9 * p["width"]
        assert float(note.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")) >= 12
        assert len(note.inner_text().split()) >= 5


_INK = """() => { const s = (e, p) => getComputedStyle(e, p || null), note = document.querySelector('.na-note'),
    figure = document.querySelector('.na-claim'), text = document.querySelector('.na-text > p');
    return {link: s(note.querySelector('.na-chain a')).color, number: s(figure, '::after').color,
            note: parseFloat(s(note).fontSize), text: parseFloat(s(text).fontSize)}; }"""


def test_on_paper_a_dark_reader_gets_the_light_page_without_what_they_were_doing(browse, article_path):
    light = browse.open(browse.http(article_path), color_scheme="light", **WIDE)
    light.emulate_media(media="print")
    paper = light.evaluate(_INK)
    dark = browse.open(browse.http(article_path), color_scheme="dark", **WIDE)
    assert dark.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert dark.evaluate(_INK)["link"] != paper["link"]  # on screen, dark's own colours
    claim = _claims(dark)[0]
    dark.locator(f"#claim-{claim}").click()
    dark.locator(f"#note-{claim}").get_by_role("button", name="Cite").click()
    dark.emulate_media(media="print")
    dark.evaluate("document.getAnimations().forEach(a => a.finish())")  # links ease to a new colour on screen
    printed = dark.evaluate(_INK)
    assert printed == paper, (printed, paper)  # white paper: the light scheme's ink, whatever was chosen
    assert printed["note"] < printed["text"], printed  # a note a size below the text it annotates
    figure = dark.locator(f"#claim-{claim}")
    assert figure.evaluate("f => getComputedStyle(f).outlineStyle") == "none"
    expect(dark.locator(f"#note-{claim} .na-note__citation")).to_be_hidden()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_print_shows_every_note_numbered_like_its_figure(browse, article_path, javascript, viewport):
    page = browse.open(browse.http(article_path), java_script_enabled=javascript, **viewport)
    page.emulate_media(media="print")
    claims = _claims(page)
    numbers = []
    for claim in claims:
        note = page.locator(f"#note-{claim}")
        expect(note).to_be_visible()
        number = note.locator(f":scope > {NUMBER}").inner_text().strip()
        # the figure carries the same number (drawn beside it, not written into the archived text)
        drawn = page.locator(f"#claim-{claim}").evaluate("f => getComputedStyle(f, '::after').content")
        assert re.search(rf"\b{number}\b", drawn), (claim, drawn)
        numbers.append(int(number))
    assert numbers == list(range(1, len(claims) + 1))
    # printed in the flow: one after the other, under the text they annotate, none on another
    notes = _boxes(page, ".na-text > .na-note")
    paragraphs = _boxes(page, ".na-text > p")
    for a, b in zip(notes, notes[1:], strict=False):
        assert b["top"] >= a["bottom"]
    # whole notes, padded as on screen (a phone's folded notes are unfolded on paper)
    for note in notes:
        assert note["bottom"] - note["top"] > 40, note
    assert (
        float(page.locator(".na-text > .na-note").first.evaluate("n => parseFloat(getComputedStyle(n).paddingLeft)"))
        > 4
    )
    assert not any(_overlap(n, p) for n in notes for p in paragraphs)


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_keyboard_reaches_a_figure_and_its_note(browse, article_path, viewport):
    page = browse.open(browse.http(article_path), **viewport)
    first = _claims(page)[0]
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.na-claim')"):
            break
    else:
        pytest.fail("Tab never reached a figure")
    claim = page.evaluate("document.activeElement.id.slice(6)")
    assert claim == first
    figure, note = page.locator(f"#claim-{claim}"), page.locator(f"#note-{claim}")
    # screen readers: the note describes the figure
    expect(figure).to_have_attribute("aria-describedby", f"note-{claim}")
    said = " ".join(note.locator(f":scope > {WORDS}").inner_text().split())
    expect(figure).to_have_accessible_description(re.compile(re.escape(said)))
    expect(note).to_be_visible()
    expect(note).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"note-{claim}"
    # from the note, Tab goes on to its links (the relay chain) without a mouse
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.na-note')?.id") == f"note-{claim}"


def test_status_is_never_told_by_colour_alone(browse, article_path):
    statuses = browse.open(browse.http("statuses.html"), **WIDE)
    badges = statuses.eval_on_selector_all(
        "table .na-status",
        "els => els.map(e => [e.dataset.status, e.innerText, getComputedStyle(e, '::before').content])",
    )
    # the symbol is drawn (::before, its alternative text empty): the words are what is read out
    spoken = {status: text.strip() for status, text, _ in badges}
    drawn = {status: content for status, _, content in badges}
    symbols = [content.split('"')[1].strip() for content in drawn.values()]
    # each status has its own words and its own symbol, besides its colour
    assert len(spoken) >= 3 and len(set(spoken.values())) == len(spoken) and all(spoken.values())
    assert len(set(symbols)) == len(symbols) and all(symbols)
    page = browse.open(browse.http(article_path), **WIDE)
    for claim in _claims(page):
        status = page.locator(f"#claim-{claim}").get_attribute("data-status")
        # the figure's colour stands for its status; its note shows it in words, and is its description
        badge = page.locator(f"#note-{claim} > {STATUS}")
        expect(badge).to_have_text(spoken[status])
        assert badge.evaluate("b => getComputedStyle(b, '::before').content") == drawn[status]
        expect(page.locator(f"#claim-{claim}")).to_have_accessible_description(re.compile(re.escape(spoken[status])))


def test_a_claims_tables_status_cell_shows_its_symbol_in_its_colour_and_says_its_label(browse):
    badges = browse.open(browse.http("statuses.html"), **WIDE).eval_on_selector_all(
        "table .na-status", "els => els.map(e => [e.dataset.status, getComputedStyle(e, '::before').content])"
    )
    symbols = dict(badges)  # each drawn with an empty alternative text: '"?" " " / ""'
    page = browse.open(browse.http("claims/2015.html"), **WIDE)
    cells = page.locator("table.na-claims td[data-status]")
    assert cells.count() >= 2
    for cell in cells.all():
        status = cell.get_attribute("data-status")
        drawn = cell.evaluate(
            "c => [getComputedStyle(c, '::before').content, getComputedStyle(c, '::before').color,"
            " getComputedStyle(c).color]"
        )
        # the symbol the statuses' badges show, drawn before the label with an empty alternative text
        assert drawn[0] == symbols[status] and drawn[0].endswith(' / ""'), drawn
        assert drawn[1] != drawn[2]  # in the status's colour, not the text's
        expect(cell).to_have_text(re.compile(r"^\w"))  # the cell's text is the label alone


def test_turning_a_tablet_or_resizing_the_window_lays_the_notes_out_again(browse, article_path):
    page = browse.open(browse.http(article_path), **WIDE)
    claim = _claims(page)[-1]
    note, figure = page.locator(f"#note-{claim}"), page.locator(f"#claim-{claim}")
    page.set_viewport_size({"width": 390, "height": 844})
    # narrow: folded, and a tap on its figure opens it under the figure, full width
    expect(note).not_to_be_in_viewport()
    assert note.bounding_box()["height"] <= 1
    figure.click()
    expect(note).to_be_in_viewport()
    box, level = note.bounding_box(), figure.bounding_box()
    assert box["y"] >= level["y"] + level["height"] - 1 and box["width"] >= 300
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 1440, "height": 900})
    expect(note).to_have_css("position", "absolute")
    # wide again: in the margin, level with its figure
    box, level = note.bounding_box(), figure.bounding_box()
    assert box["x"] >= max(p["right"] for p in _boxes(page, ".na-text > p"))
    assert abs(box["y"] - level["y"]) <= LEVEL or box["y"] > level["y"]
