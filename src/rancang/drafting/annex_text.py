"""The text of a lampiran: Markdown (:mod:`rancang.richtext`) with ``[[...]]`` references inside its words.

The engine parses the lampiran once, finds every ``[[...]]`` written in its text (:func:`references_in`: in
paragraphs, headings, list items, quotes and table cells, inside emphasis and links -- not in code, where the
characters are shown as written, nor in raw HTML), resolves each like any other reference of the regulation,
and puts the phrases back (:func:`with_references`). A resolved reference becomes a link to ``#anchor`` of
what it names (a link on the page; plain words in the DOCX); inside a link written by the author it is plain
words. A reference that cannot be resolved stays as written, and the engine reports it at its place.
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

from rancang import richtext
from rancang.drafting.references import MARKUP
from rancang.drafting.tree import Span

_Mapper = Callable[[str, bool], "tuple[richtext.Inline, ...]"]
"""A text node's text and whether it is inside a link -> the inline nodes that replace it."""


def references_in(tree: richtext.RichText) -> list[str]:
    """Every ``[[...]]`` of the text, in document order (each occurrence once)."""
    found: list[str] = []

    def record(text: str, in_link: bool) -> tuple[richtext.Inline, ...]:
        found.extend(match.group(0) for match in MARKUP.finditer(text))
        return (richtext.Text(text),)

    _map_blocks(tree.blocks, record)
    return found


def with_references(tree: richtext.RichText, resolved: Sequence[list[Span]]) -> richtext.RichText:
    """``tree`` with the ``[[...]]`` found by :func:`references_in` replaced, in order, by ``resolved``."""
    if not resolved:
        return tree
    phrases: Iterator[list[Span]] = iter(resolved)

    def replace(text: str, in_link: bool) -> tuple[richtext.Inline, ...]:
        out: list[richtext.Inline] = []
        position = 0
        for match in MARKUP.finditer(text):
            if match.start() > position:
                out.append(richtext.Text(text[position:match.start()]))
            for span in next(phrases):
                if span.target and not in_link:
                    out.append(richtext.Link(f"#{span.target}", (richtext.Text(span.text),)))
                elif span.text:
                    out.append(richtext.Text(span.text))
            position = match.end()
        if position < len(text):
            out.append(richtext.Text(text[position:]))
        return _joined(out)

    return richtext.RichText(tuple(_map_blocks(tree.blocks, replace)), tree.raw_html)


def _joined(items: list[richtext.Inline]) -> tuple[richtext.Inline, ...]:
    out: list[richtext.Inline] = []
    for item in items:
        if isinstance(item, richtext.Text) and out and isinstance(out[-1], richtext.Text):
            out[-1] = richtext.Text(out[-1].text + item.text)
        else:
            out.append(item)
    return tuple(out)


def _map_inlines(items: tuple[richtext.Inline, ...], mapper: _Mapper, in_link: bool = False
                 ) -> tuple[richtext.Inline, ...]:
    out: list[richtext.Inline] = []
    for item in items:
        if isinstance(item, richtext.Text):
            out.extend(mapper(item.text, in_link) if "[[" in item.text else (item,))
        elif isinstance(item, richtext.Emphasis):
            out.append(richtext.Emphasis(_map_inlines(item.children, mapper, in_link)))
        elif isinstance(item, richtext.Strong):
            out.append(richtext.Strong(_map_inlines(item.children, mapper, in_link)))
        elif isinstance(item, richtext.Link):
            out.append(richtext.Link(item.target, _map_inlines(item.children, mapper, True)))
        else:
            out.append(item)
    return tuple(out)


def _map_blocks(blocks: tuple[richtext.Block, ...], mapper: _Mapper) -> list[richtext.Block]:
    out: list[richtext.Block] = []
    for block in blocks:
        if isinstance(block, richtext.Paragraph):
            out.append(richtext.Paragraph(_map_inlines(block.children, mapper)))
        elif isinstance(block, richtext.Heading):
            out.append(richtext.Heading(block.level, _map_inlines(block.children, mapper)))
        elif isinstance(block, richtext.BulletList):
            out.append(richtext.BulletList(_map_items(block.items, mapper)))
        elif isinstance(block, richtext.OrderedList):
            out.append(richtext.OrderedList(_map_items(block.items, mapper), block.start))
        elif isinstance(block, richtext.BlockQuote):
            out.append(richtext.BlockQuote(tuple(_map_blocks(block.blocks, mapper))))
        elif isinstance(block, richtext.Table):
            out.append(richtext.Table(_map_row(block.header, mapper),
                                      tuple(_map_row(row, mapper) for row in block.rows)))
        else:
            out.append(block)
    return out


def _map_items(items: tuple[richtext.ListItem, ...], mapper: _Mapper) -> tuple[richtext.ListItem, ...]:
    return tuple(richtext.ListItem(tuple(_map_blocks(item.blocks, mapper))) for item in items)


def _map_row(row: tuple[richtext.Cell, ...], mapper: _Mapper) -> tuple[richtext.Cell, ...]:
    return tuple(richtext.Cell(_map_inlines(cell.children, mapper), cell.align) for cell in row)
