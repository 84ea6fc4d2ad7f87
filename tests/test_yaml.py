"""Untrusted YAML: lines kept, aliases and pathological nesting refused, no surprise types."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive.load import yamlsafe
from hooks.archive.load.yamlsafe import YamlError, load


def test_mappings_remember_their_lines():
    data = load("claims:\n  - id: a\n    quote: x\n  - id: b\n")
    assert data.key_lines["claims"] == 1
    assert [item.line for item in data["claims"]] == [2, 4]
    assert data["claims"][0].key_lines["quote"] == 3


def test_dates_and_yaml11_booleans_stay_text():
    data = load("said: 2015-11-20\nid: no\nflag: true\nvalue: 1.5\ncount: 525\nnothing:\n")
    assert data == {"said": "2015-11-20", "id": "no", "flag": True, "value": 1.5, "count": 525, "nothing": None}


def test_quoted_numbers_are_text():
    assert load('quote: "525"')["quote"] == "525"


def test_alias_bomb_is_refused_with_a_line():
    bomb = (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
    )
    with pytest.raises(YamlError) as error:
        load(bomb)
    assert error.value.code == "yaml-alias"
    assert error.value.line == 2


def test_deep_nesting_is_refused():
    with pytest.raises(YamlError) as error:
        load("a: " + "[" * 5000 + "]" * 5000)
    assert error.value.code == "yaml-nesting"


def test_syntax_error_has_line_and_column():
    with pytest.raises(YamlError) as error:
        load("claims:\n  - id: a\n   quote: [unclosed\n")
    assert error.value.line is not None
    assert error.value.code == "yaml-syntax" and error.value.values["column"] == 4


def test_duplicate_keys_are_refused():
    with pytest.raises(YamlError) as error:
        load("id: a\nid: b\n")
    assert error.value.line == 2


def _shape(value):
    """A loaded value with its lines and types, comparable with ==."""
    if isinstance(value, dict):
        return ("map", value.line, [(key, value.key_lines[key], _shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", value.line, value.item_lines, [_shape(item) for item in value])
    return (type(value).__name__, value)


def _outcome(parse, text):
    try:
        return ("ok", _shape(parse(text)))
    except YamlError as error:
        return ("error", error.line, error.code, error.values)


def _node_path(text):
    if "[" in text or "{" in text:
        yamlsafe._nesting_precheck(text)
    return yamlsafe._from_nodes(text)


_PIECES = (
    "a", "b: ", "id: ", "- ", "\n", "  ", "    ", "[", "]", "{", "}", ", ", ": ", "&x ", "*x", "!!str ", "! ",
    "!t ", "'q'", '"d"', "1", "-2", "1.5", "1e5", "09", "0x1f", "true", "no", "~", "null", "#c", "---\n", "...\n",
    "? ", "|\n  ", ">-\n  ", "\t", "key: value\n", "2015-01-01", "é", "%YAML 1.1\n",
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_reading_events_gives_exactly_what_reading_nodes_gives(text):
    # load reads the parser's events (fast) and leaves anything unusual to the node path.
    assert _outcome(load, text) == _outcome(_node_path, text)
