"""Untrusted YAML: lines kept, aliases and pathological nesting refused, no surprise types."""

import pytest

from hooks.archive.yamlsafe import YamlError, load


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
