"""Rich text: every field documented as Markdown, parsed once into a small neutral tree.

The tree is what every output reads: the DOCX renderer (:mod:`rancang.render.richtext_docx`), the site
(:mod:`rancang.site.richtext`, docutils nodes) and :func:`plain` (cards, search text, CSV). It holds
paragraphs, headings, emphasis, strong, inline code, links, images, hard line breaks, bullet and ordered lists
(nested), tables with a header row, block quotes and code blocks.

Markdown is read by markdown-it (CommonMark and tables) with raw HTML recognised but never rendered as markup:
an HTML block or tag becomes :class:`Raw` -- its characters are kept and shown as text, and
:attr:`RichText.raw_html` lists where they are so that the check can warn at the right line. No word a user wrote
is lost: :func:`words` of the tree are the words of the source, less the Markdown syntax.

This module is in the core layer: it knows nothing of files, documents or pages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator, Union

# -- inline nodes ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Raw:
    """Raw HTML as the user wrote it: shown as text, never as markup."""

    text: str


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class LineBreak:
    """A hard line break (two spaces or a backslash at the end of a line)."""


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    target: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Image:
    """An image: ``source`` as written (a path relative to the project, or a URL); ``alt`` its description."""

    source: str
    alt: str
    title: str = ""


Inline = Union[Text, Raw, Code, LineBreak, Emphasis, Strong, Link, Image]

# -- block nodes -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Cell:
    children: tuple[Inline, ...]
    align: str = ""
    """``left``, ``center``, ``right`` or empty."""


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class BlockQuote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class CodeBlock:
    text: str


@dataclass(frozen=True)
class RawBlock:
    """A block of raw HTML: shown as text."""

    text: str


@dataclass(frozen=True)
class Rule:
    """A thematic break (``---``)."""


Block = Union[Paragraph, Heading, BulletList, OrderedList, Table, BlockQuote, CodeBlock, RawBlock, Rule]


@dataclass(frozen=True)
class RawHtml:
    """Where raw HTML was written: ``line`` counts from 1 within the field's text."""

    line: int
    text: str


@dataclass(frozen=True)
class RichText:
    blocks: tuple[Block, ...]
    raw_html: tuple[RawHtml, ...] = field(default=(), compare=False)


# -- parsing ---------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")


def parse(markdown: str) -> RichText:
    """The tree of a Markdown text (never raises: anything markdown-it reads is a tree)."""
    tokens = _parser().parse(markdown)
    raw: list[RawHtml] = []
    blocks, _ = _blocks(tokens, 0, None, raw)
    return RichText(tuple(blocks), tuple(raw))


_ALIGN = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


def _blocks(tokens: list, index: int, closing: str | None, raw: list[RawHtml]) -> tuple[list[Block], int]:
    """Blocks from ``tokens[index]`` up to the token of type ``closing`` (returned index: just after it)."""
    found: list[Block] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if closing is not None and kind == closing:
            return found, index + 1
        line = token.map[0] + 1 if token.map else 1
        if kind == "paragraph_open":
            found.append(Paragraph(_inlines(tokens[index + 1].children or [], line, raw)))
            index += 3
        elif kind == "heading_open":
            found.append(Heading(int(token.tag[1:]), _inlines(tokens[index + 1].children or [], line, raw)))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items, index = _items(tokens, index + 1, kind.replace("_open", "_close"), raw)
            if not any(item.blocks for item in items):
                # "-" (or "1.") and nothing else: what people type for "none", not an empty list
                start = int(token.attrs.get("start", 1) or 1)
                markers = [token.markup if kind == "bullet_list_open" else f"{start + n}{token.markup}"
                           for n in range(len(items))]
                found.append(Paragraph((Text(" ".join(markers)),)))
                continue
            if kind == "bullet_list_open":
                found.append(BulletList(tuple(items)))
            else:
                found.append(OrderedList(tuple(items), int(token.attrs.get("start", 1) or 1)))
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, "blockquote_close", raw)
            found.append(BlockQuote(tuple(inner)))
        elif kind == "table_open":
            table, index = _table(tokens, index + 1, raw)
            found.append(table)
        elif kind in ("fence", "code_block"):
            found.append(CodeBlock(token.content))
            index += 1
        elif kind == "html_block":
            raw.append(RawHtml(line, token.content.rstrip("\n")))
            found.append(RawBlock(token.content.rstrip("\n")))
            index += 1
        elif kind == "hr":
            found.append(Rule())
            index += 1
        else:  # pragma: no cover - every block token of CommonMark + tables is handled above
            index += 1
    return found, index


def _items(tokens: list, index: int, closing: str, raw: list[RawHtml]) -> tuple[list[ListItem], int]:
    items: list[ListItem] = []
    while tokens[index].type != closing:
        assert tokens[index].type == "list_item_open"
        inner, index = _blocks(tokens, index + 1, "list_item_close", raw)
        items.append(ListItem(tuple(inner)))
    return items, index + 1


def _table(tokens: list, index: int, raw: list[RawHtml]) -> tuple[Table, int]:
    header: tuple[Cell, ...] = ()
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []
    in_head = False
    line = 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.map:
            line = token.map[0] + 1
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if in_head:
                header = tuple(row)
            else:
                rows.append(tuple(row))
        elif token.type in ("th_open", "td_open"):
            children = tokens[index + 1].children or []
            row.append(Cell(_inlines(children, line, raw), _ALIGN.get(str(token.attrs.get("style", "")), "")))
            index += 2
        index += 1
    return Table(header, tuple(rows)), index + 1


def _inlines(tokens: list, line: int, raw: list[RawHtml]) -> tuple[Inline, ...]:
    stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
    for token in tokens:
        kind = token.type
        out = stack[-1][2]
        if kind == "text":
            out.append(Text(token.content))
        elif kind == "softbreak":
            out.append(Text(" "))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "code_inline":
            out.append(Code(token.content))
        elif kind == "html_inline":
            raw.append(RawHtml(line, token.content))
            out.append(Raw(token.content))
        elif kind == "image":
            out.append(Image(str(token.attrs.get("src", "")), "".join(_plain_inline(
                _inlines(token.children or [], line, raw))), str(token.attrs.get("title", "") or "")))
        elif kind in ("em_open", "strong_open", "link_open"):
            stack.append((kind, str(token.attrs.get("href", "")), []))
        elif kind in ("em_close", "strong_close", "link_close"):
            opened, target, children = stack.pop()
            node: Inline
            if opened == "em_open":
                node = Emphasis(tuple(children))
            elif opened == "strong_open":
                node = Strong(tuple(children))
            else:
                node = Link(target, tuple(children))
            stack[-1][2].append(node)
        elif kind == "s_open" or kind == "s_close":  # pragma: no cover - strikethrough is not enabled
            continue
    while len(stack) > 1:  # pragma: no cover - markdown-it always closes what it opens
        _, _, children = stack.pop()
        stack[-1][2].extend(children)
    return _merged(stack[0][2])


def _merged(items: list[Inline]) -> tuple[Inline, ...]:
    """Adjacent text nodes joined (markdown-it splits text at every special character it looked at)."""
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + item.text)
        else:
            merged.append(item)
    return tuple(merged)


# -- plain text ------------------------------------------------------------------------------------------------


def _plain_inline(items: tuple[Inline, ...]) -> Iterator[str]:
    for item in items:
        if isinstance(item, (Text, Raw, Code)):
            yield item.text
        elif isinstance(item, LineBreak):
            yield "\n"
        elif isinstance(item, (Emphasis, Strong, Link)):
            yield from _plain_inline(item.children)
        elif isinstance(item, Image):
            yield item.alt


def inline_text(items: tuple[Inline, ...]) -> str:
    """The text of inline nodes, without markup."""
    return "".join(_plain_inline(items))


def _plain_blocks(blocks: tuple[Block, ...], indent: str = "") -> Iterator[str]:
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield indent + inline_text(block.children)
        elif isinstance(block, (BulletList, OrderedList)):
            for number, item in enumerate(block.items, start=getattr(block, "start", 1)):
                mark = "-" if isinstance(block, BulletList) else f"{number}."
                lines = list(_plain_blocks(item.blocks, indent + "   "))
                first = lines[0].strip() if lines else ""
                yield f"{indent}{mark} {first}"
                yield from lines[1:]
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield indent + " | ".join(inline_text(cell.children) for cell in row)
        elif isinstance(block, BlockQuote):
            yield from _plain_blocks(block.blocks, indent)
        elif isinstance(block, (CodeBlock, RawBlock)):
            yield from (indent + line for line in block.text.splitlines())


def plain(text: RichText | str) -> str:
    """The words of a rich text without any markup: one line per paragraph, list item or table row."""
    tree = parse(text) if isinstance(text, str) else text
    return "\n".join(line for line in _plain_blocks(tree.blocks) if line.strip())


def words(text: RichText | str) -> list[str]:
    """Every word of the text, in order (the word ledger of tests and importers)."""
    return plain(text).split()


def images(text: RichText | str) -> list[Image]:
    """Every image of the text, in order."""
    tree = parse(text) if isinstance(text, str) else text
    found: list[Image] = []

    def inline(items: tuple[Inline, ...]) -> None:
        for item in items:
            if isinstance(item, Image):
                found.append(item)
            elif isinstance(item, (Emphasis, Strong, Link)):
                inline(item.children)

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, (Paragraph, Heading)):
                inline(block.children)
            elif isinstance(block, (BulletList, OrderedList)):
                for item in block.items:
                    walk(item.blocks)
            elif isinstance(block, BlockQuote):
                walk(block.blocks)
            elif isinstance(block, Table):
                for row in (block.header, *block.rows):
                    for cell in row:
                        inline(cell.children)

    walk(tree.blocks)
    return found
