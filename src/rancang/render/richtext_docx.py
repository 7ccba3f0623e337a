"""Rich text (:mod:`rancang.richtext`) as WordprocessingML: the Markdown of a lampiran, a narrative of a brief.

Written as XML text, like the rest of a document body (:mod:`rancang.render.docx_template`), with a named style
for every block so that the document can be restyled in Word (names in
:data:`rancang.render.template_names.RICHTEXT_STYLES`, the same in both templates):

- paragraph: the document's body-text style (``Isi Lampiran`` in a regulation, ``Isi`` in a brief);
- heading: ``Judul Kecil 1`` / ``2`` / ``3`` (deeper headings use ``3``);
- list item: ``Daftar 1`` / ``2`` / ``3`` by depth (deeper use ``3``). The bullet (``•``, ``–``) or the number
  (``1.``, from the list's start) is *text* followed by a tab, against the style's hanging indent -- Word's
  automatic numbering restarts and renumbers unpredictably when a document is assembled in loops. A second
  paragraph of an item starts with a tab alone, at the item's text indent;
- block quote: ``Kutipan``; code block: ``Blok Kode``; thematic break: ``Garis Pemisah`` (an empty paragraph
  whose style draws a line); raw HTML (a block or a tag) is shown as the literal text the author wrote;
- table: a real Word table in table style ``Tabel Isi`` (the borders and the shading of the header row belong to
  the style), the header row in ``Kepala Tabel`` marked to repeat on every page (``w:tblHeader``), other cells
  in ``Isi Tabel``; a column aligned in Markdown (``:---:``) aligns its paragraphs; column widths share the text
  width in proportion to the longest text of each column (bounded, so that no column is starved); an empty
  ``Normal`` paragraph follows every table (two tables never touch: Word would join them);
- image: its own paragraph ``Gambar`` (kept with the next) and a caption ``Keterangan Gambar`` (the image's
  title, else its description), see :func:`image_xml`;
- italic and bold are run properties (``w:i``, ``w:b``); inline code the character style ``Kode``; a link a real
  ``w:hyperlink`` to an external relationship, its runs in the character style ``Hyperlink``. Only ``http``,
  ``https`` and ``mailto`` targets become links (as on the site); any other target -- a relative path that would
  resolve against wherever the DOCX is saved, ``#anchor`` (a resolved ``[[...]]`` reference of a regulation: a
  regulation names what it refers to, and the document has no bookmarks to jump to) -- leaves its words.

Images (:func:`image_xml`). PNG and JPEG are embedded as image parts of the package (python-docx's part API:
one part per distinct image, related to the main document part) in an inline drawing. The drawing's size: the
image's natural size -- its pixels at the resolution the file declares when that is above 96 dpi (a chart drawn
at 192 dpi keeps its physical size), at 96 dpi otherwise (the screen resolution, as a browser shows it) --
reduced, keeping the aspect ratio, to fit the text width (or the cell's width) and the text height. An image is
never enlarged. SVG is not embedded: Word needs a PNG fallback beside an SVG and LibreOffice reads only the
fallback, and rasterising would need a renderer that rancang does not otherwise depend on; an SVG (or any file
that is not a PNG or JPEG, or an image that cannot be found) is replaced by a visible note in the caption style,
so nothing disappears silently.

The *writer* (:class:`RichTextWriter`) is what the XML needs from the document being written: the template's
style ids, the text width and height, and the package, to which image parts and hyperlink relationships are
added before docxtpl renders the template (docxtpl keeps parts added before it renders). One writer per
document; a renderer makes it with :meth:`RichTextWriter.of` and passes it to :func:`blocks_xml` and
:func:`image_xml`.

Every character of the source reaches the document exactly once (``&``, ``<``, ``{{``, non-Latin scripts);
characters that XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable
from docx.table import _Cell
from lxml import etree

from rancang import richtext
from rancang.render import docx_template
from rancang.render.docx_template import element_xml, text as escape_text
from rancang.render.template_names import RICHTEXT_STYLES

__all__ = [
    "ImageSource",
    "RichTextWriter",
    "blocks_xml",
    "image_xml",
    "project_images",
    "table_frame",
]

ImageSource = Callable[[str], "bytes | None"]
"""Resolves the source of a Markdown image (a path relative to the project) to the file's bytes, or None."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NEW_TABLE_WIDTH = Emu(5486400)
"""Width python-docx gives a new table in its default document (6 inches); every column is then set."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EMU_PER_INCH = 914400
_SCREEN_DPI = 96
_FIRST_SHAPE_ID = 1000
"""Drawing ids of rich text start here: the template's own drawings (the emblem) number from 1 up."""
_CELL_PADDING = Cm(0.3)
"""Left and right padding of a cell of ``Tabel Isi``, taken off the column width for an image in a cell."""
_BULLETS = ("•", "–", "•")
_DEPTHS = 3
_MIN_COLUMN_SHARE = 0.08
_EMBEDDABLE = {"image/png", "image/jpeg"}
LINK_SCHEMES = ("http", "https", "mailto")
"""Link targets written as hyperlinks (the site's :data:`rancang.site.richtext.LINK_SCHEMES`)."""
MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""An image file larger than this is not read (:func:`project_images`)."""


def _scheme(target: str) -> str:
    try:
        return urlsplit(target).scheme.lower()
    except ValueError:
        return ""


def _clean(value: str) -> str:
    return _NOT_XML.sub("", value)


def _t(value: str) -> str:
    """``w:t`` and ``w:tab``/``w:br`` for a text (``\\t`` a tab, ``\\n`` a line break)."""
    out = []
    for line_index, line in enumerate(_clean(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if line_index:
            out.append("<w:br/>")
        for index, part in enumerate(line.split("\t")):
            if index:
                out.append("<w:tab/>")
            if part:
                out.append(f'<w:t xml:space="preserve">{escape_text(part)}</w:t>')
    return "".join(out)


@lru_cache(maxsize=512)
def _paragraph_properties(style_id: str, align: str = "", keep_next: bool = False) -> str:
    """``<w:pPr>`` with the style, and the alignment of a table column (as lxml writes them)."""
    root = etree.Element(f"{_W}body", nsmap={"w": docx_template.W_NS})
    properties = etree.SubElement(root, f"{_W}pPr")
    etree.SubElement(properties, f"{_W}pStyle").set(f"{_W}val", style_id)
    if keep_next:
        etree.SubElement(properties, f"{_W}keepNext")
    if align:
        etree.SubElement(properties, f"{_W}jc").set(f"{_W}val", align)
    xml = etree.tostring(root, encoding="unicode")
    return xml[xml.index(">") + 1: xml.rindex("<")]


@lru_cache(maxsize=256)
def _attribute(value: str) -> str:
    """``value`` escaped as an attribute value in double quotes."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


# -- the writer ------------------------------------------------------------------------------------------------


@dataclass
class RichTextWriter:
    """What the XML of rich text needs from the document being written (one per document)."""

    template: object
    """The :class:`docxtpl.DocxTemplate` being rendered (not yet rendered: parts added now are kept)."""
    style_ids: Mapping[str, str]
    """Style name -> style id of the template."""
    text_style: str
    """Name of the body-text paragraph style: ``Isi Lampiran`` or ``Isi``."""
    text_width: int
    """EMU between the margins."""
    text_height: int
    """EMU between the top and bottom margins (an image is never taller than this, less room for its caption)."""
    styles: Mapping[str, str] = field(default_factory=lambda: dict(RICHTEXT_STYLES))
    _shape_ids: Iterable[int] = field(default_factory=lambda: itertools.count(_FIRST_SHAPE_ID), repr=False)
    _links: dict[str, str] = field(default_factory=dict, repr=False)
    _images: dict[str, tuple] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, template, style_ids: Mapping[str, str], text_style: str, text_width: int | None = None,
           text_height: int | None = None) -> "RichTextWriter":
        """A writer for ``template``; the text width and height default to the template's first section."""
        section = template.get_docx().sections[0]
        if text_width is None:
            text_width = int(section.page_width - section.left_margin - section.right_margin)
        if text_height is None:
            text_height = int(section.page_height - section.top_margin - section.bottom_margin)
        return cls(template, style_ids, text_style, int(text_width), int(text_height))

    # -- styles ----------------------------------------------------------------------------

    def style_id(self, role: str) -> str | None:
        """The style id of a role of :data:`RICHTEXT_STYLES` (``text``: the body-text style). A template without
        that style (made before rancang had it) gets the body-text style for a paragraph, and no style (None)
        for a character or table style."""
        name = self.text_style if role == "text" else self.styles[role]
        if name in self.style_ids:
            return self.style_ids[name]
        if role in ("code", "link", "table"):
            return None
        return self.style_ids[self.text_style]

    def properties(self, role: str, align: str = "", keep_next: bool = False) -> str:
        return _paragraph_properties(self.style_id(role), align, keep_next)

    # -- the package ------------------------------------------------------------------------

    @property
    def _part(self):
        return self.template.get_docx().part  # type: ignore[attr-defined]

    def hyperlink_id(self, url: str) -> str:
        """The id of an external hyperlink relationship of the main part (one per distinct target)."""
        found = self._links.get(url)
        if found is None:
            found = self._links[url] = self._part.relate_to(url, RT.HYPERLINK, is_external=True)
        return found

    def image(self, data: bytes):
        """(relationship id, python-docx ``Image``) of an embeddable image; None when it is not one.

        The image part is added to the package once per distinct image (python-docx compares SHA-1 digests).
        """
        digest = hashlib.sha1(data).hexdigest()
        if digest not in self._images:
            self._images[digest] = self._add_image(data)
        return self._images[digest]

    def _add_image(self, data: bytes):
        from docx.image.image import Image

        try:
            image = Image.from_blob(data)
        except Exception:  # noqa: BLE001 - any file python-docx cannot read is "not an image" here
            return None
        if image.content_type not in _EMBEDDABLE or image.px_width <= 0 or image.px_height <= 0:
            return None
        rid, image = self._part.get_or_add_image(io.BytesIO(data))
        return rid, image

    def shape_id(self) -> int:
        return next(self._shape_ids)  # type: ignore[call-overload]


def image_size(image, max_width: int, max_height: int) -> tuple[int, int]:
    """(cx, cy) in EMU: the natural size (see the module), reduced to fit, aspect kept, never enlarged."""
    dpi_x = image.horz_dpi if image.horz_dpi and image.horz_dpi > _SCREEN_DPI else _SCREEN_DPI
    dpi_y = image.vert_dpi if image.vert_dpi and image.vert_dpi > _SCREEN_DPI else _SCREEN_DPI
    width = image.px_width * _EMU_PER_INCH / dpi_x
    height = image.px_height * _EMU_PER_INCH / dpi_y
    scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
    return max(1, int(width * scale)), max(1, int(height * scale))


def _drawing_run(writer: RichTextWriter, data: bytes, description: str, max_width: int,
                 max_height: int) -> str | None:
    """``<w:r><w:drawing>`` of an image, or None when the data is not an embeddable image."""
    found = writer.image(data)
    if found is None:
        return None
    rid, image = found
    cx, cy = image_size(image, max_width, max_height)
    shape_id = writer.shape_id()
    inline = CT_Inline.new_pic_inline(shape_id, rid, image.filename, Emu(cx), Emu(cy))
    for side in ("distT", "distB", "distL", "distR"):  # LibreOffice leaves 0.32 cm around an inline without them
        inline.set(side, "0")
    inline.docPr.set("descr", _clean(description))
    drawing = OxmlElement("w:drawing")
    drawing.append(inline)
    run = OxmlElement("w:r")
    run.append(drawing)
    return element_xml(run)


def _note(data: bytes | None) -> str:
    """Why an image is not in the document, in Indonesian (shown in its place)."""
    if data is None:
        return "gambar tidak ditemukan"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096].lower()):
        return "gambar SVG tidak dapat dimuat di dokumen Word; sertakan versi PNG atau JPEG"
    return "berkas bukan gambar PNG atau JPEG"


def image_xml(writer: RichTextWriter, data: bytes | None, caption: str | None, source_note: str | None = None,
              *, description: str | None = None, missing: str = "") -> str:
    """An image in its own paragraph (``Gambar``), scaled to the text width, and its caption.

    The caption paragraph (``Keterangan Gambar``) holds ``caption`` and, on a new line, ``source_note``
    (e.g. ``Sumber: Dinas Kominfo``). When ``data`` is None or not a PNG/JPEG, a note in the caption style says so
    (naming ``missing``, e.g. the file's path) in place of the image.
    """
    caption = _clean(caption or "").strip()
    max_height = max(int(writer.text_height) - int(Cm(4)), int(Cm(2)))
    run = _drawing_run(writer, data, description if description is not None else caption, writer.text_width,
                       max_height) if data is not None else None
    out = []
    if run is not None:
        out.append(f"<w:p>{writer.properties('image', keep_next=bool(caption or source_note))}{run}</w:p>")
    else:
        note = f"[{_note(data)}{': ' + _clean(missing) if missing else ''}]"
        out.append(f"<w:p>{writer.properties('caption', keep_next=bool(caption or source_note))}"
                   f"<w:r>{_t(note)}</w:r></w:p>")
    lines = [line for line in (caption, _clean(source_note or "").strip()) if line]
    if lines:
        out.append(f"<w:p>{writer.properties('caption')}<w:r>{_t(chr(10).join(lines))}</w:r></w:p>")
    return "".join(out)


# -- inline content --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: bool = False

    def with_(self, **changes: bool) -> "_Format":
        return _Format(**{**self.__dict__, **changes})


def _run_properties(writer: RichTextWriter, fmt: _Format) -> str:
    parts = []
    character = writer.style_id("link") if fmt.link else writer.style_id("code") if fmt.code else None
    if character is not None:
        parts.append(f'<w:rStyle w:val="{_attribute(character)}"/>')
    if fmt.bold:
        parts.append("<w:b/><w:bCs/>")
    if fmt.italic:
        parts.append("<w:i/><w:iCs/>")
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


class _Inline:
    """Writes inline nodes as runs; images inside a cell or a span are drawn inline (no caption)."""

    def __init__(self, writer: RichTextWriter, images: ImageSource | None, max_width: int):
        self.writer = writer
        self.images = images
        self.max_width = max_width

    def runs(self, items: Iterable[richtext.Inline], fmt: _Format = _Format()) -> str:
        out = []
        for item in items:
            if isinstance(item, (richtext.Text, richtext.Raw)):
                content = _t(item.text)
                if content:
                    out.append(f"<w:r>{_run_properties(self.writer, fmt)}{content}</w:r>")
            elif isinstance(item, richtext.Code):
                content = _t(item.text)
                if content:
                    out.append(f"<w:r>{_run_properties(self.writer, fmt.with_(code=True))}{content}</w:r>")
            elif isinstance(item, richtext.LineBreak):
                out.append("<w:r><w:br/></w:r>")
            elif isinstance(item, richtext.Emphasis):
                out.append(self.runs(item.children, fmt.with_(italic=True)))
            elif isinstance(item, richtext.Strong):
                out.append(self.runs(item.children, fmt.with_(bold=True)))
            elif isinstance(item, richtext.Link):
                out.append(self.link(item, fmt))
            elif isinstance(item, richtext.Image):
                out.append(self.inline_image(item, fmt))
        return "".join(out)

    def link(self, link: richtext.Link, fmt: _Format) -> str:
        target = _clean(link.target)
        if fmt.link or _scheme(target) not in LINK_SCHEMES:
            return self.runs(link.children, fmt)
        rid = self.writer.hyperlink_id(target)
        inner = self.runs(link.children, fmt.with_(link=True))
        return f'<w:hyperlink xmlns:r="{_R_NS}" r:id="{_attribute(rid)}" w:history="1">{inner}</w:hyperlink>'

    def inline_image(self, image: richtext.Image, fmt: _Format) -> str:
        data = self.images(image.source) if self.images is not None else None
        height = max(int(self.writer.text_height) - int(Cm(4)), int(Cm(2)))
        run = _drawing_run(self.writer, data, image.alt, self.max_width, height) if data is not None else None
        if run is not None:
            return run
        label = image.alt or image.source
        return f"<w:r>{_run_properties(self.writer, fmt)}{_t(f'[{label}: {_note(data)}]')}</w:r>"


# -- blocks ----------------------------------------------------------------------------------------------------


_CHAR_EMU = int(6.6 * 12700)
"""About the width of one character of the 11 pt Bookman Old Style of table cells (0.6 em), in EMU: what a
column needs per letter of its longest word so that Word and LibreOffice do not break the word inside it."""
_CELL_PADDING_EMU = 2 * 68580
"""Word's default left and right cell margins (0.19 cm each)."""


def _column_widths(table: richtext.Table, total: int) -> list[int]:
    """The text width shared by the columns in proportion to their longest text, each at least a minimum share
    and at least as wide as its longest word (a line breaks after "/" and "-"; when the words of every column
    do not fit side by side, in proportion to them) (a narrow column of short words --
    "Jenis", "Tahapan" -- would otherwise break "Pelayanan" into "Pelayana n")."""
    columns = len(table.header) or max((len(row) for row in table.rows), default=0)
    if columns == 0:
        return []
    weights = []
    words = []
    for index in range(columns):
        texts = [richtext.inline_text(row[index].children) for row in (table.header, *table.rows) if index < len(row)]
        longest = max((len(t) for t in texts), default=0)
        weights.append(min(max(longest, 3), 40))
        words.append(max((len(word) for t in texts for word in re.split(r"[\s/-]+", t)), default=0))
    share = [w / sum(weights) for w in weights]
    floor = min(_MIN_COLUMN_SHARE, 1 / columns)
    lifted = [max(s, floor) for s in share]
    widths = [int(total * s / sum(lifted)) for s in lifted]
    needed = [word * _CHAR_EMU + _CELL_PADDING_EMU if word else 0 for word in words]
    if sum(needed) > total:  # too many columns for their words: the width shared in proportion to them
        needed = [int(n * total / sum(needed)) for n in needed]
    widths = _at_least(widths, needed)
    widths[-1] += total - sum(widths)
    return widths


def _at_least(widths: list[int], needed: list[int]) -> list[int]:
    """``widths`` with every column raised to its ``needed`` width, what that costs taken from the columns with
    room above their own need, in proportion to that room (the total stays the same)."""
    short = sum(max(0, n - w) for w, n in zip(widths, needed))
    room = [max(0, w - n) for w, n in zip(widths, needed)]
    spare = sum(room)
    if short == 0 or spare == 0:
        return widths
    return [n if w <= n else w - int(short * r / spare) for w, n, r in zip(widths, needed, room)]


@lru_cache(maxsize=256)
def table_frame(style_id: str, widths: tuple[int, ...], header: bool
                ) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """The XML text of a table around its cell paragraphs: (start, first row, other rows, end).

    A row is its text split where each cell's paragraph goes. The frame is made once per style, widths and
    header with python-docx's table objects, as ``Document.add_table`` makes a table, on two rows: fixed layout,
    the table and every column as wide as given (the grid too: LibreOffice reads widths from there), ``tblLook``
    with the first row on when there is a header, and that row marked to repeat on every page (``w:tblHeader``).
    """
    tbl = CT_Tbl.new_tbl(2, len(widths), _NEW_TABLE_WIDTH)
    table = DocxTable(tbl, None)  # type: ignore[arg-type] - no part needed: the style is set by id
    table.autofit = False  # w:tblLayout fixed
    tbl.tblPr.style = style_id
    table_width = tbl.tblPr.find(f"{_W}tblW")
    table_width.set(f"{_W}type", "dxa")
    table_width.set(f"{_W}w", str(sum(Emu(w).twips for w in widths)))
    look = tbl.tblPr.find(f"{_W}tblLook")
    flags = {"firstRow": header, "lastRow": False, "firstColumn": False, "lastColumn": False,
             "noHBand": True, "noVBand": True}
    bits = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
            "noHBand": 0x200, "noVBand": 0x400}
    for name, on in flags.items():
        look.set(f"{_W}{name}", "1" if on else "0")
    look.set(f"{_W}val", f"{sum(bits[n] for n, on in flags.items() if on):04X}")
    for grid_column, width in zip(tbl.tblGrid.gridCol_lst, widths):
        grid_column.w = Emu(width)
    for index, tr in enumerate(tbl.tr_lst):
        if index == 0 and header:
            etree.SubElement(tr.get_or_add_trPr(), f"{_W}tblHeader")  # repeated on every page
        for tc, width in zip(tr.tc_lst, widths):
            _Cell(tc, table).width = Emu(width)
            for old in tc.findall(f"{_W}p"):
                tc.remove(old)
            tc.append(etree.Comment("p"))
    xml = element_xml(tbl)
    first = xml.index("<w:tr>") if "<w:tr>" in xml else xml.index("<w:tr ")
    second = xml.index("</w:tr>") + len("</w:tr>")
    end = xml.rindex("</w:tr>") + len("</w:tr>")
    return (xml[:first], tuple(xml[first:second].split("<!--p-->")), tuple(xml[second:end].split("<!--p-->")),
            xml[end:])


_ALIGN = {"left": "left", "center": "center", "right": "right"}


def _meaningful(items: list[richtext.Inline]) -> bool:
    """Whether inline nodes show anything (not only spaces and line breaks)."""
    return any(not (isinstance(i, richtext.LineBreak) or (isinstance(i, richtext.Text) and not i.text.strip()))
               for i in items)


def _trimmed(items: list[richtext.Inline]) -> list[richtext.Inline]:
    """Inline nodes without the spaces and line breaks at their two ends (the text around a figure)."""
    items = list(items)
    while items and (isinstance(items[0], richtext.LineBreak) or (isinstance(items[0], richtext.Text)
                                                                   and not items[0].text.strip())):
        items.pop(0)
    while items and (isinstance(items[-1], richtext.LineBreak) or (isinstance(items[-1], richtext.Text)
                                                                    and not items[-1].text.strip())):
        items.pop()
    if items and isinstance(items[0], richtext.Text):
        items[0] = richtext.Text(items[0].text.lstrip())
    if items and isinstance(items[-1], richtext.Text):
        items[-1] = richtext.Text(items[-1].text.rstrip())
    return items


class _Blocks:
    def __init__(self, writer: RichTextWriter, images: ImageSource | None):
        self.writer = writer
        self.images = images
        self.out: list[str] = []

    def inline(self, max_width: int | None = None) -> _Inline:
        return _Inline(self.writer, self.images, max_width if max_width is not None else self.writer.text_width)

    def paragraph(self, role: str, items: Iterable[richtext.Inline], label: str | None = None,
                  align: str = "") -> None:
        """One paragraph; a top-level image of it becomes a figure of its own (the text around it kept, in
        paragraphs of the same style; a list item's label goes with the first of them)."""
        items = tuple(items)
        if not any(isinstance(item, richtext.Image) for item in items):
            self._paragraph(role, items, label, align)
            return
        pending: list[richtext.Inline] = []
        for item in items:
            if isinstance(item, richtext.Image):
                if _meaningful(pending) or label:
                    self._paragraph(role, _trimmed(pending), label, align)
                    label = "" if label is not None else None
                pending = []
                self.figure(item)
            else:
                pending.append(item)
        if _meaningful(pending):
            self._paragraph(role, _trimmed(pending), label, align)

    def _paragraph(self, role: str, items: Iterable[richtext.Inline], label: str | None, align: str = "") -> None:
        head = ""
        if label is not None:
            head = f"<w:r>{_t(label)}<w:tab/></w:r>"
        self.out.append(f"<w:p>{self.writer.properties(role, align)}{head}{self.inline().runs(items)}</w:p>")

    def figure(self, image: richtext.Image) -> None:
        data = self.images(image.source) if self.images is not None else None
        self.out.append(image_xml(self.writer, data, image.title or image.alt, description=image.alt or image.title,
                                  missing=image.source))

    def blocks(self, blocks: Iterable[richtext.Block], role: str = "text") -> None:
        for block in blocks:
            self.block(block, role)

    def block(self, block: richtext.Block, role: str = "text", depth: int = 0) -> None:
        if isinstance(block, richtext.Paragraph):
            self.paragraph(role, block.children)
        elif isinstance(block, richtext.Heading):
            self.paragraph(f"heading{min(max(block.level, 1), 3)}", block.children)
        elif isinstance(block, (richtext.BulletList, richtext.OrderedList)):
            self.list(block, depth + 1)
        elif isinstance(block, richtext.Table):
            self.table(block)
        elif isinstance(block, richtext.BlockQuote):
            for inner in block.blocks:
                self.block(inner, "quote", depth)
        elif isinstance(block, richtext.CodeBlock):
            self._paragraph("code_block", [richtext.Text(block.text.rstrip("\n"))], None)
        elif isinstance(block, richtext.RawBlock):
            self._paragraph(role, [richtext.Raw(block.text)], None)
        elif isinstance(block, richtext.Rule):
            self.out.append(f"<w:p>{self.writer.properties('rule')}</w:p>")

    def list(self, block: richtext.BulletList | richtext.OrderedList, depth: int) -> None:
        role = f"list{min(depth, _DEPTHS)}"
        numbered = isinstance(block, richtext.OrderedList)
        start = block.start if isinstance(block, richtext.OrderedList) else 1
        for number, item in enumerate(block.items, start=start):
            label: str | None = f"{number}." if numbered else _BULLETS[min(depth, len(_BULLETS)) - 1]
            for inner in item.blocks:
                if isinstance(inner, richtext.Paragraph):
                    self.paragraph(role, inner.children, label=label if label is not None else "")
                    label = None
                elif isinstance(inner, (richtext.BulletList, richtext.OrderedList)):
                    if label is not None:
                        self._paragraph(role, (), label)
                        label = None
                    self.list(inner, depth + 1)
                else:
                    if label is not None:
                        self._paragraph(role, (), label)
                        label = None
                    self.block(inner, "text", depth)
            if label is not None:  # an empty item
                self._paragraph(role, (), label)

    def table(self, table: richtext.Table) -> None:
        widths = _column_widths(table, self.writer.text_width)
        if not widths:
            return
        columns = len(widths)
        rows: list[tuple[str, tuple[richtext.Cell, ...]]] = []
        if table.header:
            rows.append(("header_cell", table.header))
        rows += [("cell", row) for row in table.rows]
        start, first_row, other_rows, end = table_frame(self.writer.style_id("table"), tuple(widths),
                                                        bool(table.header))
        out = [start]
        for index, (role, cells) in enumerate(rows):
            frame = first_row if index == 0 else other_rows
            out.append(frame[0])
            padded = tuple(cells[:columns]) + (richtext.Cell(()),) * (columns - len(cells))
            for column, (segment, cell) in enumerate(zip(frame[1:], padded)):
                inline = self.inline(max(widths[column] - int(_CELL_PADDING), int(Cm(0.5))))
                props = self.writer.properties(role, _ALIGN.get(cell.align, ""))
                out += [f"<w:p>{props}{inline.runs(cell.children)}</w:p>", segment]
        out.append(end)
        self.out.append("".join(out))
        self.out.append(f"<w:p>{_paragraph_properties(self.writer.style_ids['Normal'])}</w:p>")


def blocks_xml(writer: RichTextWriter, tree: richtext.RichText, images: ImageSource | None = None) -> str:
    """The blocks of ``tree`` as WordprocessingML body XML text (``w:p`` and ``w:tbl`` elements)."""
    builder = _Blocks(writer, images)
    builder.blocks(tree.blocks)
    return "".join(builder.out)


# -- images of a project ---------------------------------------------------------------------------------------

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def project_images(root: Path, limit: int = MAX_IMAGE_BYTES) -> ImageSource:
    """An :data:`ImageSource` reading images of the project at ``root``: a relative path inside the project, to a
    file of at most ``limit`` bytes. A URL, an absolute path, a path outside the project or a missing file gives
    None (no network is ever used)."""
    base = Path(root).resolve()

    def read(source: str) -> bytes | None:
        from urllib.parse import unquote

        if not source or _SCHEME.match(source) or source.startswith(("/", "\\", "//")):
            return None
        candidate = (base / unquote(source.split("#", 1)[0].split("?", 1)[0])).resolve()
        try:
            candidate.relative_to(base)
            if not candidate.is_file() or candidate.stat().st_size > limit:
                return None
            return candidate.read_bytes()
        except (ValueError, OSError):
            return None

    return read
