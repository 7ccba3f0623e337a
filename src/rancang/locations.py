"""Where a value is in its YAML file: the one place that answers "which line and column".

Every model instance remembers the YAML node it was read from (:func:`attach_sources`, called by
:mod:`rancang.validation`), or a :class:`LazySource` that reads the file again when a location is first
asked for. :func:`locate` gives the location of a record or of one of its fields, :func:`locate_in_text` the
location of a phrase inside a text value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import RootModel
from yaml.nodes import Node, ScalarNode

from rancang.diagnostics import Location
from rancang.models.base import Model
from rancang.yamlsource import child, load, node_location


class LazySource:
    """Stands in for a record's YAML nodes: reads its file again, the first time one of its models is asked
    for a location, and attaches the nodes to the whole record. Pickled with the record (the cache)."""

    is_lazy_source = True

    def __init__(self, path: Path, shown: str, model: Any = None) -> None:
        self.path, self.shown, self.model = path, shown, model

    def __call__(self) -> None:
        source, _ = load(self.path, self.shown)
        if source is None:  # the file vanished or broke since: locations fall back to the file itself
            attach_sources(self.model, self.shown, None, "")
            return
        attach_sources(self.model, self.shown, source.node, source.text)



def attach_sources(value: Any, path: str, node: Node | None, text: str = "") -> None:
    """Give every model instance in ``value`` its file, node and the file's text."""
    if isinstance(value, RootModel):
        attach_sources(value.root, path, node, text)
        return
    lazy = getattr(node, "is_lazy_source", False)
    if isinstance(value, Model):
        value._attach(path, node, text)
        for name, info in type(value).model_fields.items():
            attach_sources(getattr(value, name), path, node if lazy else child(node, info.alias or name), text)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            attach_sources(item, path, node if lazy else child(node, index), text)


def locate_in_text(model: Model, field: str, needle: str, occurrence: int = 0, index: int | None = None,
                   fold_whitespace: bool = False) -> Location:
    """Location of ``needle`` inside the text value of ``field`` (its n-th occurrence);
    ``index`` selects an item when the field is a list of texts.

    With ``fold_whitespace`` -- always, when ``needle`` holds white space -- any run of white space in
    ``needle`` matches any other, so that a phrase that a folded or literal block scalar broke across lines
    is still found at its words (occurrences are then counted without overlap). Falls back to the start of
    the value when the needle cannot be found.
    """
    extra = () if index is None else (index,)
    start = locate(model, field, *extra)
    node = child(model.source_node, type(model).model_fields[field].alias or field)
    if node is None and isinstance(model.source_node, ScalarNode):
        node = model.source_node  # written in the short form "- text": the scalar is the text
    if node is not None and index is not None:
        node = child(node, index)
    text = model.source_text
    if not fold_whitespace and needle.strip() and any(c.isspace() for c in needle):
        # the value may be a folded (>-), literal (|) or plain scalar over several lines: the words of the
        # needle may stand on different lines of the file, so find them whatever white space is between them
        fold_whitespace = True
    if node is None or not text or (fold_whitespace and not needle.strip()):
        return start
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    begin = offsets[min(node.start_mark.line, len(offsets) - 1)] + node.start_mark.column
    end = offsets[min(node.end_mark.line, len(offsets) - 1)] + node.end_mark.column
    if fold_whitespace:
        found = list(whitespace_folded(needle).finditer(text, begin, end))
        if occurrence >= len(found):
            return start
        position = found[occurrence].start()
    else:
        position = begin - 1
        for _ in range(occurrence + 1):
            position = text.find(needle, position + 1, end)
            if position < 0:
                return start
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    return Location(model.source_path, line + 1, column + 1)


def whitespace_folded(needle: str) -> re.Pattern:
    """A pattern of ``needle`` in which any run of white space matches any other (folded YAML lines)."""
    return re.compile(r"\s+".join(re.escape(part) for part in needle.split()))


def locate(model: Model, field: str | None = None, *index: int | str) -> Location:
    """Location of a record, or of one of its fields (by attribute name).

    Extra arguments walk into list items (int) or mapping keys (str, YAML key).
    Falls back to the nearest known position when a value was left out.
    """
    node = model.source_node
    if field is not None:
        info = type(model).model_fields.get(field)
        if info is None:
            raise KeyError(field)
        node = child(node, info.alias or field) or node
        for part in index:
            node = child(node, part) or node
    if not model.source_path:
        return Location("<tidak diketahui>")
    return node_location(model.source_path, node)
