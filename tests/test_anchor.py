"""Quote matching: exact but for white space, typographic quotes and dashes; never fuzzy."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive.anchor.quotes import Normalized, nearest_passage, occurrences

BODY = "Russia’s  Defense\nMinister said “525 oil tanker trucks” — and 1525 more; 252 were left."


def spans(body, quote):
    return [body[s:e] for s, e in occurrences(Normalized(body), quote)]


def test_white_space_quotes_and_dashes_match_their_plain_forms():
    assert spans(BODY, "Russia's Defense Minister") == ["Russia’s  Defense\nMinister"]
    assert spans(BODY, '"525 oil tanker trucks" - and') == ["“525 oil tanker trucks” — and"]


def test_span_is_exactly_the_quoted_words_in_the_original():
    [(start, end)] = occurrences(Normalized(BODY), "525 oil tanker trucks")
    assert BODY[start:end] == "525 oil tanker trucks"
    assert BODY[start - 1] == "“" and BODY[end] == "”"


def test_a_number_never_matches_inside_a_longer_number():
    assert spans(BODY, "525") == ["525"]  # not the 525 inside 1525
    assert spans(BODY, "25") == []


def test_a_quote_never_ends_inside_a_character_made_of_a_letter_and_a_mark():
    body = "They counted 7 cafe\u0301s and 3 e\u0301tudes, then 9 cafés."  # decomposed é twice, composed once
    assert spans(body, "7 cafe") == []  # the accent belongs to the "e"
    assert spans(body, "7 cafe\u0301s") == ["7 cafe\u0301s"]
    assert spans(body, "\u0301tudes") == []  # nor starts on an accent
    assert spans(body, "9 cafés") == ["9 cafés"]


def test_no_fuzzy_matching_but_a_suggestion():
    normalized = Normalized(BODY)
    assert occurrences(normalized, "526 oil tanker trucks") == []
    assert occurrences(normalized, "252 oil tanker trucks") == []
    assert nearest_passage(normalized, "526 oil tanker trucks") == "525 oil tanker trucks"


def test_case_matters():
    assert spans(BODY, "russia's defense minister") == []


def test_every_occurrence_is_found_in_order():
    body = "He said 18 fired. Then 18 fired again."
    found = occurrences(Normalized(body), "18 fired")
    assert [s for s, _ in found] == [body.index("18"), body.rindex("18")]


def _origins_by_hand(body: str) -> list[int]:
    """The original offset of each normalized offset, character by character."""
    origin, position = [], 0
    translated = body.translate(str.maketrans("’‘“”–—", "''\"\"--"))
    for match in re.finditer(r"\s+", translated):
        origin.extend(range(position, match.start()))
        origin.append(match.start())
        position = match.end()
    origin.extend(range(position, len(translated)))
    origin.append(len(translated))
    return origin


@settings(deadline=None)
@given(st.text(alphabet="ab 5\n\t\r’—", max_size=40))
def test_offsets_map_back_to_the_original(body):
    normalized = Normalized(body)
    assert [normalized._origin(i) for i in range(len(normalized.text) + 1)] == _origins_by_hand(body)


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from("ab5 \n\t\r\x0b\x1c\x85\u00a0\u2028\u3000\u200b’"), max_size=40))
def test_the_normalized_text_collapses_white_space_as_the_regex_would(body):
    # Normalized uses split and join for speed: the same as re.sub(r"\s+", " ", ...), ends included.
    assert Normalized(body).text == re.sub(r"\s+", " ", body.translate(str.maketrans("’", "'")))
