"""YAML for untrusted editor files: line numbers kept, surprises refused.

- Every mapping and list remembers the line it starts on, and every key the line
  it stands on, so a problem can name the line to fix.
- Aliases are refused (an alias bomb, "billion laughs", expands a few lines into
  gigabytes), and so is nesting deeper than any archive file needs.
- Only plain scalars that obviously mean a number, true/false or nothing are
  typed; everything else stays a string. Dates stay strings too and are checked
  by the validator, so `2015-13-45` gets a clear message instead of a traceback,
  and `id: no` stays the string "no" rather than YAML 1.1's False.
"""

from __future__ import annotations

import functools
import re

import yaml

try:  # libyaml's parser is several times faster; fall back if it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 12


class YamlError(Exception):
    """A YAML problem at a line: a messages.py code and its values."""

    def __init__(self, line: int | None, code: str, **values):
        self.line = line
        self.code = code
        self.values = values
        super().__init__(code)


class LineDict(dict):
    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


_INT = re.compile(r"[-+]?[0-9]+\Z")
# Longer numbers stay text: Python refuses to convert an integer of more than 4,300 digits to or
# from a string, and no figure of an article needs a fiftieth digit.
MAX_DIGITS = 50


class YamlInt(int):
    """An integer as YAML read it, with its text as written: `id: 007` is the id "007", not 7."""

    text: str

    def __new__(cls, text: str):
        number = super().__new__(cls, text)
        number.text = text
        return number


_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}


def _scalar(node: yaml.ScalarNode):
    return _typed(node.value, node.style, node.tag)


def _typed(value: str, style, tag: str):
    if style or tag == "tag:yaml.org,2002:str":  # quoted or !!str: a string
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if len(value) > MAX_DIGITS:
        return value
    if _INT.match(value):
        return YamlInt(value)
    if _FLOAT.match(value):
        return float(value)
    return value


_CORE = "tag:yaml.org,2002:"
# The tags a value has without one written, or with a core one (!!str): any other (!!binary, !foo,
# !!python/object) would mean something the archive does not read, so it is refused, not ignored.
_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "value", "seq", "map")}


def _construct(node, depth: int, seen: set, used_on: int = 1, tags: bool = False):
    if id(node) in seen:  # the composer hands an alias back as the anchored node itself
        raise YamlError(used_on, "yaml-alias")
    if depth > MAX_DEPTH:
        raise YamlError(node.start_mark.line + 1, "yaml-nesting", depth=MAX_DEPTH)
    if not tags and node.tag not in _TAGS:
        shown = "!!" + node.tag[len(_CORE) :] if node.tag.startswith(_CORE) else node.tag
        raise YamlError(node.start_mark.line + 1, "yaml-tag", tag=shown)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        line = node.start_mark.line + 1
        items = LineList(_construct(item, depth + 1, seen, line, tags) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError(key_node.start_mark.line + 1, "yaml-complex-key")
        key = key_node.value  # as written: `no:`, `007:` and `false:` are the ids "no", "007" and "false"
        if key in mapping:
            raise YamlError(key_node.start_mark.line + 1, "yaml-duplicate-key", key=key)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        mapping[key] = _construct(value_node, depth + 1, seen, key_node.start_mark.line + 1, tags)
    return mapping


_BRACKET = re.compile(r"[][{}]")


def _nesting_precheck(text: str) -> None:
    # libyaml's composer recurses in C: refuse pathological flow nesting before it
    # can exhaust the C stack ("[[[[...").
    # Only the brackets are looked at (a loop over every character was a hot spot).
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > 4 * MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise YamlError(line, "yaml-nesting", depth=4 * MAX_DEPTH)
        else:
            depth = max(0, depth - 1)


def _describe(error: yaml.MarkedYAMLError, text: str):
    """Line, code and values for a parser error, saying where an unclosed construct began."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or error.context or "invalid YAML").strip()
    if error.context and error.context_mark and error.problem_mark:
        if error.context_mark.line != error.problem_mark.line:
            problem += f" ({error.context} that starts on line {error.context_mark.line + 1})"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: column + 1]:
        problem += " (a tab: YAML indents with spaces only)"
    if "escape" in problem:  # "\ud83d\ude00": JSON's surrogate pairs are no YAML escape
        return line, "yaml-escape", {"column": column, "problem": problem}
    return line, "yaml-syntax", {"column": column, "problem": problem}


class _Unusual(Exception):
    """Something the event reader leaves to the node path (see _from_events)."""


_NO_KEY = object()  # a mapping's next event is a key
# The same short plain scalars (statuses, claimant ids, dates, true) stand in every claims file:
# what each means is worked out once.
_SHORT = 40
_RESOLVER = yaml.resolver.Resolver()  # the resolver of SafeLoader and CSafeLoader


@functools.lru_cache(maxsize=65536)
def _plain(value: str, implicit: tuple) -> object:
    """What an untagged plain scalar means (values only: keys stay their text)."""
    return _typed(value, "", _RESOLVER.resolve(yaml.ScalarNode, value, implicit))


def _from_events(text: str, tags: bool = False):
    """What _construct would make of the document, built from the parser's events.

    libyaml's composer makes a node object (in Python) for every value, which _construct
    then walks: this skips the nodes, and was half of the YAML time of `check`. It handles
    the plain case only: anything that the node path reports or treats specially (any YAML
    error, anchors and aliases, too deep nesting, complex or duplicate keys, a second
    document) raises _Unusual or a YAMLError, and load then takes the node path, so that
    every result and every error is the node path's own (a differential test checks).
    """
    loader = _Loader(text)
    try:
        get, resolve = loader.get_event, loader.resolve
        get()  # the stream's start
        if type(get()) is yaml.StreamEndEvent:  # no document: empty, or only comments
            return None
        root, stack = None, []  # stack: [open mapping or list, its pending key]
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.DocumentEndEvent:
                break
            if kind is yaml.AliasEvent or event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise _Unusual
            if not tags and event.tag not in (None, "!") and event.tag not in _TAGS:
                raise _Unusual  # the node path reports it
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:
                if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is LineDict:
                    value = event.value  # a key: its text as written (see _construct)
                elif event.style:  # quoted, folded or literal: a string, whatever its tag (see _typed)
                    value = event.value
                elif event.tag is None and len(event.value) <= _SHORT:  # ids, dates, numbers, words
                    value = _plain(event.value, event.implicit)
                else:
                    tag = event.tag
                    if tag is None or tag == "!":  # as the composer does
                        tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                    value = _typed(event.value, event.style, tag)
            elif kind is yaml.MappingStartEvent:
                value = LineDict()
                value.line, value.key_lines = line, {}
            else:
                value = LineList()
                value.line, value.item_lines = line, []
            if not stack:
                root = value
            else:
                top = stack[-1]
                container = top[0]
                if type(container) is LineList:
                    container.append(value)
                    container.item_lines.append(line)
                elif top[1] is _NO_KEY:
                    if kind is not yaml.ScalarEvent:
                        raise _Unusual
                    key = value
                    if key in container:
                        raise _Unusual
                    container.key_lines[key] = line
                    top[1] = key
                else:
                    container[top[1]] = value
                    top[1] = _NO_KEY
            if kind is not yaml.ScalarEvent:
                stack.append([value, _NO_KEY])
        if type(get()) is not yaml.StreamEndEvent:
            raise _Unusual  # another document
        return root
    finally:
        loader.dispose()


def load(text: str, tags: bool = False):
    """Parse one YAML document from untrusted text; raises YamlError. tags: let tags through
    (mkdocs.yml's !ENV and Material's !!python/name, which MkDocs reads), else refuse them."""
    if "[" in text or "{" in text:
        _nesting_precheck(text)
    try:
        return _from_events(text, tags)
    except (_Unusual, yaml.YAMLError):
        pass  # the node path below gives the result, or reports exactly what is wrong
    return _from_nodes(text, tags)


def _from_nodes(text: str, tags: bool = False):
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        line, code, values = _describe(error, text)
        raise YamlError(line, code, **values) from None
    except yaml.YAMLError as error:
        raise YamlError(1, "yaml-syntax", column=1, problem=str(error)) from None
    if node is None:
        return None
    return _construct(node, 1, set(), tags=tags)
