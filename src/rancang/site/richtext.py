"""A rich-text tree (:mod:`rancang.richtext`) as docutils nodes: how a Markdown field reaches a page.

Every Markdown field shown on the site (an innovation's narrative, its replication notes, a regulation's
lampiran) goes through :func:`nodes_of`; Sphinx's HTML writer writes the HTML, escaping every text, so no HTML
is built here. The mapping:

* paragraphs, emphasis, strong, inline code, hard line breaks (a paragraph with breaks is a ``line_block``);
* links: only ``http``, ``https`` and ``mailto`` targets (and ``#anchor`` within the page) become links; any
  other target leaves the link's words as text;
* bullet and ordered lists (an ordered list keeps its first number), nested;
* tables with their header row; a column's alignment is a class (``align-left``, ``align-center``,
  ``align-right``, styled by Sphinx's basic theme);
* block quotes and code blocks; a heading inside a field is a ``rubric``, so that it never opens a section
  of the page;
* images: ``image_uri`` maps the source the author wrote to the URI of a ``nodes.image`` (see
  :func:`project_images`: an image in the project folder, copied into the site by Sphinx). An image on the
  web is not loaded -- the site never asks another server for anything a reader did not click -- but shown as
  a link to it with its description; any other image is refused and shown as its description;
* raw HTML (:class:`rancang.richtext.Raw`, :class:`rancang.richtext.RawBlock`) is shown as the characters the
  author typed, never as markup (the linter warns about it, rule L606).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from docutils import nodes

from rancang.lint.rules.markdown import image_path
from rancang.loader import image_problem
from rancang.richtext import (
    BlockQuote,
    BulletList,
    Code,
    CodeBlock,
    Emphasis,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    Raw,
    RawBlock,
    RichText,
    Rule,
    Strong,
    Table,
    Text,
    parse,
)

ImageUri = Callable[[str], "str | None"]
"""The URI of an image for the page, from its source as written (None: not shown, its description is)."""

LINK_SCHEMES = ("http", "https", "mailto")
"""Link targets that stay links; other targets (``javascript:``, ``file:``, relative paths) are shown as text."""


def no_images(source: str) -> str | None:
    """No image is placed on the page (images on the web are still links to them)."""
    return None


def project_images(root: Path) -> ImageUri:
    """Sources written as paths relative to the project folder (``kb/gambar/bagan.png``), given to Sphinx as
    paths from its source folder (a leading ``/``) so that Sphinx copies the file into the site and rebuilds
    the page when it changes. Only an image the profile's ``gambar`` could show is placed: inside the project,
    not in ``_build/`` (:func:`rancang.lint.rules.markdown.image_path`), a real PNG, JPEG or SVG within the
    size limit (:func:`rancang.loader.image_problem`); the linter's rule L611 says at its line why one is not.
    A web address is never placed (it is shown as a link)."""

    def uri(source: str) -> str | None:
        relative = image_path(source)
        if relative is None or image_problem(root, relative) is not None:
            return None
        return "/" + relative

    return uri


def _scheme(target: str) -> str:
    try:
        return urlsplit(target).scheme.lower()
    except ValueError:
        return ""


def nodes_of(tree: RichText | str, image_uri: ImageUri = no_images,
             classes: list[str] | None = None) -> list[nodes.Node]:
    """The body elements of a rich text (a Markdown string is parsed first). ``classes`` are given to a
    container around them when asked (``rancang-teks`` is always one of its classes then)."""
    if isinstance(tree, str):
        tree = parse(tree)
    found = _Converter(image_uri).blocks(tree.blocks)
    if classes is None:
        return found
    box = nodes.container(classes=["rancang-teks", *classes])
    box.extend(found)
    return [box]


class _Converter:
    def __init__(self, image_uri: ImageUri) -> None:
        self.image_uri = image_uri

    # -- blocks ------------------------------------------------------------------------------------------------

    def blocks(self, blocks: tuple) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block) -> list[nodes.Node]:
        if isinstance(block, Paragraph):
            figure = self._figure(block.children)
            return [figure] if figure is not None else [self._lines(block.children, nodes.paragraph())]
        if isinstance(block, Heading):
            # A section inside a field would break the page's own sections: a rubric is a heading that is not.
            rubric = nodes.rubric(classes=["rancang-subjudul", f"rancang-subjudul-{block.level}"])
            rubric.extend(self.inlines(block.children))
            return [rubric]
        if isinstance(block, BulletList):
            listing = nodes.bullet_list(bullet="-")
            listing.extend(self._item(item) for item in block.items)
            return [listing]
        if isinstance(block, OrderedList):
            listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
            if block.start != 1:
                listing["start"] = block.start
            listing.extend(self._item(item) for item in block.items)
            return [listing]
        if isinstance(block, Table):
            return [self._table(block)]
        if isinstance(block, BlockQuote):
            quote = nodes.block_quote()
            quote.extend(self.blocks(block.blocks))
            return [quote]
        if isinstance(block, CodeBlock):
            text = block.text.rstrip("\n")
            return [nodes.literal_block(text, text, language="text")]
        if isinstance(block, RawBlock):
            # Shown as the characters typed: never markup (the linter points at it).
            return [nodes.literal_block(block.text, block.text, language="text", classes=["rancang-html-mentah"])]
        if isinstance(block, Rule):
            return [nodes.container(classes=["rancang-garis"])]
        return []  # pragma: no cover - every block of the tree is handled above

    def _item(self, item) -> nodes.list_item:
        entry = nodes.list_item()
        entry.extend(self.blocks(item.blocks))
        return entry

    def _table(self, table: Table) -> nodes.table:
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        node = nodes.table(classes=["rancang-tabel"])
        group = nodes.tgroup(cols=columns)
        node += group
        for _ in range(columns):
            group += nodes.colspec(colwidth=1)
        if table.header:
            head = nodes.thead()
            head += self._row(table.header, columns)
            group += head
        body = nodes.tbody()
        body.extend(self._row(row, columns) for row in table.rows)
        group += body
        return node

    def _row(self, cells: tuple, columns: int) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry(classes=[f"align-{cell.align}"] if cell.align else [])
            if cell.children:
                entry += self._lines(cell.children, nodes.paragraph())
            row += entry
        for _ in range(columns - len(cells)):
            row += nodes.entry()
        return row

    def _figure(self, children: tuple[Inline, ...]) -> nodes.figure | None:
        """A paragraph that is one image: a figure, captioned with the image's title when it has one."""
        shown = [child for child in children if not (isinstance(child, Text) and not child.text.strip())]
        if len(shown) != 1 or not isinstance(shown[0], Image):
            return None
        image = self._image(shown[0])
        if not isinstance(image, nodes.image):
            return None
        figure = nodes.figure(classes=["rancang-gambar"])
        figure += image
        if shown[0].title:
            figure += nodes.caption(shown[0].title, shown[0].title)
        return figure

    def _lines(self, children: tuple[Inline, ...], paragraph: nodes.paragraph) -> nodes.Element:
        """A paragraph; with hard line breaks, a line block (one line per break)."""
        if not any(isinstance(child, LineBreak) for child in children):
            paragraph.extend(self.inlines(children))
            return paragraph
        block = nodes.line_block()
        line = nodes.line()
        for child in children:
            if isinstance(child, LineBreak):
                block += line
                line = nodes.line()
            else:
                line.extend(self.inline(child))
        block += line
        return block

    # -- inlines -----------------------------------------------------------------------------------------------

    def inlines(self, items: tuple[Inline, ...]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for item in items:
            out.extend(self.inline(item))
        return out

    def inline(self, item: Inline) -> list[nodes.Node]:
        if isinstance(item, (Text, Raw)):
            # Raw HTML too is text: the writer escapes it, so the reader sees what the author typed.
            return [nodes.Text(item.text)]
        if isinstance(item, Code):
            return [nodes.literal(item.text, item.text)]
        if isinstance(item, LineBreak):  # inside emphasis, strong or a link: a space
            return [nodes.Text("\n")]
        if isinstance(item, Emphasis):
            return [nodes.emphasis("", "", *self.inlines(item.children))]
        if isinstance(item, Strong):
            return [nodes.strong("", "", *self.inlines(item.children))]
        if isinstance(item, Link):
            children = self.inlines(item.children)
            target = item.target
            if target.startswith("#") and len(target) > 1:
                return [nodes.reference("", "", *children, internal=True, refuri=target)]
            if _scheme(target) in LINK_SCHEMES:
                return [nodes.reference("", "", *children, refuri=target)]
            return children
        if isinstance(item, Image):
            image = self._image(item)
            return [image] if image is not None else []
        return []  # pragma: no cover - every inline of the tree is handled above

    def _image(self, item: Image) -> nodes.Node | None:
        uri = self.image_uri(item.source)
        if uri is None and _scheme(item.source) in ("http", "https"):
            return nodes.reference("", item.alt or item.source, refuri=item.source, classes=["rancang-gambar-luar"])
        if uri is None:
            return nodes.Text(item.alt) if item.alt else None
        return nodes.image(uri=uri, alt=item.alt, classes=["rancang-gambar-isi"])
