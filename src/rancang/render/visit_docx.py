"""Render a kunjungan kerja document (bahan or laporan) into the Word template.

Like :mod:`rancang.render.regulation_docx`, thin by design: the content builder
(:mod:`rancang.visits.content`) has already written every word, number and
bullet of the :class:`~rancang.visits.blocks.VisitDocument`; this module maps
each block to a named style of ``templates/kunjungan-kerja.docx`` so that a
user can restyle the document in Word:

- ``Heading(level)``: paragraph "Judul 1" / "Judul 2" / "Judul 3";
- ``Para``: paragraph "Isi", or "Catatan" when ``note``;
- ``Bullets``: paragraphs "Butir" (``•⇥teks``), or "Butir Bernomor" (``1.⇥teks``; the
  number is text, not Word numbering) when ``numbered``;
- ``Table``: table "Tabel Isi" with fixed column widths (``widths_cm``, narrowed in proportion
  when wider than the text; or the text width shared out), a header row of "Kepala Tabel"
  repeated on every page, cells "Isi Tabel";
- ``KeyValues``: borderless table "Tabel Keterangan", label | ``:`` | value, cells "Isi Tabel".

An empty "Normal" paragraph follows every table: air below it, and two tables never touch
(Word would join them).

``\\n`` in any text is a line break, ``\\t`` a tab. The template's Jinja is
``judul``, ``subjudul``, ``kepala`` (running header of pages 2+) and the
``isi`` subdocument; it is rendered with ``autoescape=True`` and
``StrictUndefined``, so ``&``, ``<`` or ``{{`` in user text reach the document
exactly and a missing variable is an error, not a blank.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Emu, Mm
from docx.table import _Cell
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from rancang.render.regulation_docx import TemplateStyleError
from rancang.render.template_names import (  # noqa: F401 - re-exported for the docs
    VISIT_REQUIRED_STYLES,
    VISIT_STYLES,
    VISIT_TEMPLATE_NAME,
    VISIT_TEMPLATE_VARIABLES,
)
from rancang.visits.blocks import Block, Bullets, Heading, KeyValues, Para, Table, VisitDocument

__all__ = ["PAPER_SIZES", "TemplateStyleError", "build_subdocument", "render"]

PAPER_SIZES = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
"""Portrait page sizes; the template itself is A4."""

_HEADINGS = {1: VISIT_STYLES["heading1"], 2: VISIT_STYLES["heading2"], 3: VISIT_STYLES["heading3"]}
_TABLE_STYLES = {VISIT_STYLES["table"], VISIT_STYLES["key_values"]}
_COLON_WIDTH = Cm(0.5)  # the ":" column of KeyValues
_LABEL_CM_PER_CHAR = 0.22  # rough width of one character of "Isi Tabel" (Bookman 11 pt)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Characters XML 1.0 cannot hold (lxml refuses them; docxtpl would turn \a and \f into paragraph or page breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# docxtpl turns "{_{", "}_}", "{_%" and "%_}" of its output into "{{", "}}", "{%" and "%}"; a text holding one
# is split between two <w:t> there, so that it reaches the document as written.
_DOCXTPL_MARKERS = ("{_{", "}_}", "{_%", "%_}")
_MARKER_SPLIT = re.compile(r"(?<=\{)(?=_[{%])|(?<=[}%]_)(?=\})")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _context_text(text: str) -> str | Markup:
    """A plain context value (escaped by Jinja), or pre-escaped when docxtpl would rewrite part of it."""
    text = _clean(text)
    if any(marker in text for marker in _DOCXTPL_MARKERS):
        return Markup(str(escape(text)).replace("_", "&#95;"))
    return text


class _Writer:
    def __init__(self, template: DocxTemplate, text_width: Emu):
        self.subdoc = template.new_subdoc()
        styles = list(template.get_docx().styles)
        self.style_ids = {style.name: style.style_id for style in styles}
        kinds = {style.name: style.type for style in styles}
        problems = sorted(VISIT_REQUIRED_STYLES - set(self.style_ids))
        for name in sorted(VISIT_REQUIRED_STYLES & set(kinds)):
            wanted = WD_STYLE_TYPE.TABLE if name in _TABLE_STYLES else WD_STYLE_TYPE.PARAGRAPH
            if kinds[name] != wanted:
                problems.append(f"{name} (bukan gaya {'tabel' if wanted == WD_STYLE_TYPE.TABLE else 'paragraf'})")
        if problems:
            raise TemplateStyleError(", ".join(problems))
        self.text_width = text_width
        self.end = self.subdoc.element.body.find(f"{_W}sectPr")

    # -- paragraphs -----------------------------------------------------------------------

    def make_paragraph(self, style: str, text: str = "", label: str | None = None):
        """One ``w:p``, built directly as XML (python-docx's style lookup by name is slow)."""
        para = etree.Element(f"{_W}p")
        properties = etree.SubElement(para, f"{_W}pPr")
        etree.SubElement(properties, f"{_W}pStyle").set(f"{_W}val", self.style_ids[style])
        if label is not None:
            run = etree.SubElement(para, f"{_W}r")
            self._text(run, _clean(str(label)))
            etree.SubElement(run, f"{_W}tab")
        for index, line in enumerate(_clean(str(text)).split("\n")):
            run = etree.SubElement(para, f"{_W}r")
            if index:
                etree.SubElement(run, f"{_W}br")
            if line:
                self._text(run, line)
        return para

    @staticmethod
    def _text(run, value: str) -> None:
        for index, part in enumerate(value.split("\t")):
            if index:
                etree.SubElement(run, f"{_W}tab")
            for piece in _MARKER_SPLIT.split(part) if part else ():
                node = etree.SubElement(run, f"{_W}t")
                node.text = piece
                node.set(_XML_SPACE, "preserve")

    def paragraph(self, style: str, text: str = "", label: str | None = None) -> None:
        self._append(self.make_paragraph(style, text, label))

    def _append(self, element) -> None:
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.subdoc.element.body.append(element)

    # -- tables ---------------------------------------------------------------------------

    def _table(self, style: str, rows: list[tuple[str, list[str]]], widths: list[int], header: bool) -> None:
        """A table of ``rows`` (paragraph style, cell texts) with fixed column ``widths`` (EMU)."""
        table = self.subdoc.add_table(rows=len(rows), cols=len(widths))
        table.autofit = False  # w:tblLayout fixed
        tbl = table._tbl
        tbl.tblPr.style = self.style_ids[style]
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
            grid_column.w = Emu(width)  # the grid: LibreOffice reads column widths from here
        for index, (tr, (paragraph_style, texts)) in enumerate(zip(tbl.tr_lst, rows)):
            if index == 0 and header:
                etree.SubElement(tr.get_or_add_trPr(), f"{_W}tblHeader")  # repeated on every page
            for tc, width, text in zip(tr.tc_lst, widths, texts):
                _Cell(tc, table).width = Emu(width)
                for old in tc.findall(f"{_W}p"):
                    tc.remove(old)
                tc.append(self.make_paragraph(paragraph_style, text))

    def table(self, block: Table) -> bool:
        headers = [str(h) for h in block.headers]
        body = [[str(c) for c in row] for row in block.rows]
        columns = len(headers) if headers else (len(body[0]) if body else 0)
        if columns == 0 or not (headers or body):
            return False
        for row in body:
            if len(row) != columns:
                raise ValueError(f"baris tabel berisi {len(row)} sel, sedangkan tabelnya {columns} kolom: {row!r}")
        if block.widths_cm is not None:
            if len(block.widths_cm) != columns:
                raise ValueError(f"tabel {columns} kolom tetapi {len(block.widths_cm)} lebar kolom")
            widths = [int(Cm(w)) for w in block.widths_cm]
            if sum(widths) > self.text_width:  # never into the right margin: narrowed in proportion
                widths = [int(w * self.text_width / sum(widths)) for w in widths]
        else:
            widths = [int(self.text_width) // columns] * columns
        rows = ([(VISIT_STYLES["header_cell"], headers)] if headers else []) + [
            (VISIT_STYLES["cell"], row) for row in body]
        self._table(VISIT_STYLES["table"], rows, widths, header=bool(headers))
        return True

    def key_values(self, block: KeyValues) -> bool:
        if not block.rows:
            return False
        longest = max(len(_clean(str(label))) for label, _value in block.rows)
        label_cm = min(max(round((longest * _LABEL_CM_PER_CHAR + 0.3) * 4) / 4, 2.5), 6.0)
        label = int(Cm(label_cm))
        widths = [label, int(_COLON_WIDTH), max(int(self.text_width) - label - int(_COLON_WIDTH), int(Cm(2)))]
        cell = VISIT_STYLES["cell"]
        self._table(VISIT_STYLES["key_values"], [(cell, [str(k), ":", str(v)]) for k, v in block.rows], widths,
                    header=False)
        return True

    # -- blocks ---------------------------------------------------------------------------

    def block(self, block: Block) -> bool:
        """Write one block; True when it ended with a table."""
        if isinstance(block, Heading):
            if block.level not in _HEADINGS:
                raise ValueError(f"tingkat judul {block.level!r} tidak dikenal (1, 2 atau 3)")
            self.paragraph(_HEADINGS[block.level], block.text)
        elif isinstance(block, Para):
            self.paragraph(VISIT_STYLES["note" if block.note else "text"], block.text)
        elif isinstance(block, Bullets):
            style = VISIT_STYLES["numbered" if block.numbered else "bullet"]
            for number, item in enumerate(block.items, start=1):
                self.paragraph(style, item, label=f"{number}." if block.numbered else "•")
        elif isinstance(block, Table):
            return self.table(block)
        elif isinstance(block, KeyValues):
            return self.key_values(block)
        else:
            raise TypeError(f"blok tidak dikenal: {type(block).__name__}")
        return False

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if self.block(block):
                # Air below the table; two tables never touch (Word would join them) and the
                # document does not end with a table.
                self.paragraph("Normal")


def _text_width(template: DocxTemplate, paper: str) -> Emu:
    section = template.get_docx().sections[0]
    width = PAPER_SIZES[paper][0]
    return Emu(width - (section.left_margin or 0) - (section.right_margin or 0))


def _paper(paper: str) -> str:
    key = str(paper).strip().upper()
    if key not in PAPER_SIZES:
        raise ValueError(f"ukuran kertas {paper!r} tidak dikenal (A4 atau F4)")
    return key


def build_subdocument(template: DocxTemplate, document: VisitDocument, paper: str = "A4"):
    """The ``isi`` subdocument; raises :class:`TemplateStyleError` when the template lacks a style."""
    writer = _Writer(template, _text_width(template, _paper(paper)))
    writer.blocks(list(document.blocks))
    return writer.subdoc


def render(document: VisitDocument, template_path: Path, paper: str = "A4") -> bytes:
    """The DOCX bytes of one kunjungan kerja document on ``paper`` "A4" or "F4" (nothing is written to disk)."""
    paper = _paper(paper)
    template = DocxTemplate(str(template_path))
    context = {
        "judul": _context_text(document.title),
        "subjudul": _context_text(document.subtitle),
        "kepala": _context_text(document.header),
        "isi": build_subdocument(template, document, paper),
    }
    if set(context) != VISIT_TEMPLATE_VARIABLES:  # pragma: no cover - a programming error, caught by the tests
        raise AssertionError(f"context {sorted(context)} != template variables {sorted(VISIT_TEMPLATE_VARIABLES)}")
    environment = Environment(undefined=StrictUndefined, autoescape=True)
    template.render(context, jinja_env=environment, autoescape=True)
    width, height = PAPER_SIZES[paper]
    for section in template.docx.sections:
        section.page_width = width
        section.page_height = height
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
