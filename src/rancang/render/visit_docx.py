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
- ``KeyValues``: borderless table "Tabel Keterangan", label | ``:`` | value, cells "Isi Tabel";
- ``Rich``: a Markdown field, written by :mod:`rancang.render.richtext_docx` (its paragraphs in "Isi", lists
  "Daftar 1"-"3", tables "Tabel Isi", images "Gambar" with "Keterangan Gambar", links, italics, bold);
- ``Figure``: an image scaled to the text width, its caption and source in "Keterangan Gambar";
- ``Signature``: the right half of a borderless table "Tabel Keterangan", a paragraph "Isi Tabel" per line
  (three empty ones to sign in before the name), its row kept on one page.

An empty "Normal" paragraph follows every table: air below it, and two tables never touch
(Word would join them).

``\\n`` in any text is a line break, ``\\t`` a tab. The template's Jinja is
``judul``, ``subjudul``, ``kepala`` (running header of pages 2+) and the
``isi`` body (XML text spliced in after docxtpl, see :mod:`rancang.render.docx_template`); it is rendered with ``autoescape=True`` and
``StrictUndefined``, so ``&``, ``<`` or ``{{`` in user text reach the document
exactly and a missing variable is an error, not a blank.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Emu, Mm
from docxtpl import DocxTemplate
from markupsafe import Markup, escape

from rancang.render import docx_template
from rancang.render.docx_template import Properties, paragraph_properties
from rancang.render.regulation_docx import TemplateStyleError
from rancang.render.template_names import (  # noqa: F401 - re-exported for the docs
    RICHTEXT_CHARACTER_STYLES,
    VISIT_REQUIRED_STYLES,
    VISIT_STYLES,
    VISIT_TEMPLATE_NAME,
    VISIT_TEMPLATE_VARIABLES,
)
from rancang.render.richtext_docx import ImageSource, RichTextWriter, blocks_xml, image_xml, table_frame
from rancang.visits.blocks import (
    Block,
    Bullets,
    Figure,
    Heading,
    KeyValues,
    Para,
    Rich,
    Signature,
    Table,
    VisitDocument,
)

__all__ = ["PAPER_SIZES", "TemplateStyleError", "body_xml", "render"]

PAPER_SIZES = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
"""Portrait page sizes; the template itself is A4."""

_HEADINGS = {1: VISIT_STYLES["heading1"], 2: VISIT_STYLES["heading2"], 3: VISIT_STYLES["heading3"]}
_TABLE_STYLES = {VISIT_STYLES["table"], VISIT_STYLES["key_values"]}
_KIND_WORDS = {WD_STYLE_TYPE.TABLE: "tabel", WD_STYLE_TYPE.CHARACTER: "karakter", WD_STYLE_TYPE.PARAGRAPH: "paragraf"}
_COLON_WIDTH = Cm(0.5)  # the ":" column of KeyValues
_SIGNATURE_GAP = 3  # empty lines to sign in, as in a regulation's signature block
_LABEL_CM_PER_CHAR = 0.22  # rough width of one character of "Isi Tabel" (Bookman 11 pt)

# Characters XML 1.0 cannot hold (lxml refuses them; docxtpl would turn \a and \f into paragraph or page breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# docxtpl turns "{_{", "}_}", "{_%" and "%_}" of its output into "{{", "}}", "{%" and "%}". The body no longer
# passes through docxtpl, but a text holding one is still split between two <w:t> there, as before, so that
# the document's XML stays the same.
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
    """Collects the body as XML text, one string per element (joined once at the end)."""

    def __init__(self, template: DocxTemplate, key, text_width: Emu, images: ImageSource | None = None):
        self.style_ids, kinds = docx_template.style_info(template, key)
        problems = sorted(VISIT_REQUIRED_STYLES - set(self.style_ids))
        for name in sorted(VISIT_REQUIRED_STYLES & set(kinds)):
            wanted = (WD_STYLE_TYPE.TABLE if name in _TABLE_STYLES else
                      WD_STYLE_TYPE.CHARACTER if name in RICHTEXT_CHARACTER_STYLES else WD_STYLE_TYPE.PARAGRAPH)
            if kinds[name] != wanted:
                problems.append(f"{name} (bukan gaya {_KIND_WORDS[wanted]})")
        if problems:
            raise TemplateStyleError(", ".join(problems))
        self.text_width = text_width
        self.rich = RichTextWriter.of(template, self.style_ids, VISIT_STYLES["text"], int(text_width))
        """The writer of rich text and images (:mod:`rancang.render.richtext_docx`) for this document."""
        self.images = images
        self.out: list[str] = []
        self._pPr: dict[str, str] = {}

    def xml(self) -> str:
        return "".join(self.out)

    # -- paragraphs -----------------------------------------------------------------------

    def make_paragraph(self, style: str, text: str = "", label: str | None = None) -> str:
        """One ``w:p`` as XML text: a run for the label and a tab, then a run per line (``\\n`` is a line break)."""
        properties = self._pPr.get(style)
        if properties is None:
            properties = self._pPr[style] = paragraph_properties(self.style_ids[style])
        out = ["<w:p>", properties]
        if label is not None:
            out += ["<w:r>", self._text(_clean(str(label)), label=True), "<w:tab/></w:r>"]
        for index, line in enumerate(_clean(str(text)).split("\n")):
            run = ("<w:br/>" if index else "") + (self._text(line) if line else "")
            out.append(f"<w:r>{run}</w:r>" if run else "<w:r/>")
        out.append("</w:p>")
        return "".join(out)

    @staticmethod
    def _text(value: str, label: bool = False) -> str:
        out = []
        for index, part in enumerate(value.split("\t")):
            if index:
                out.append("<w:tab/>")
            for piece in _MARKER_SPLIT.split(part) if part else ():
                xml = f'<w:t xml:space="preserve">{docx_template.text(piece)}</w:t>'
                if label and "\n" in piece:  # one run, as docxtpl wrote a label's line breaks
                    xml = xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">').replace(
                        '<w:t xml:space="preserve"></w:t>', '<w:t xml:space="preserve"/>')
                out.append(xml)
        return "".join(out)

    def paragraph(self, style: str, text: str = "", label: str | None = None) -> None:
        self.out.append(self.make_paragraph(style, text, label))

    # -- tables ---------------------------------------------------------------------------

    def _table(self, style: str, rows: list[tuple[str, list[str]]], widths: list[int], header: bool) -> None:
        """A table of ``rows`` (paragraph style, cell texts) with fixed column ``widths`` (EMU)."""
        start, first_row, other_rows, end = table_frame(self.style_ids[style], tuple(widths), header)
        out = [start]
        for index, (paragraph_style, texts) in enumerate(rows):
            row = first_row if index == 0 else other_rows
            out.append(row[0])
            for segment, text in zip(row[1:], texts):
                out += [self.make_paragraph(paragraph_style, text), segment]
        out.append(end)
        self.out.append("".join(out))

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

    def signature(self, block: Signature) -> bool:
        """A borderless table of two halves, the block in the right one: a paragraph "Isi Tabel" per line, the
        space to sign, the name; its row is never split between two pages."""
        half = int(self.text_width) // 2
        start, first_row, _other_rows, end = table_frame(self.style_ids[VISIT_STYLES["key_values"]], (half, half),
                                                         False)
        cell = VISIT_STYLES["cell"]
        lines = [*block.above, *([""] * _SIGNATURE_GAP), block.name, *block.below]
        row = first_row[0].replace("<w:tr>", "<w:tr><w:trPr><w:cantSplit/></w:trPr>", 1)
        self.out.append("".join([start, row, self.make_paragraph(cell), first_row[1],
                                 *(self.make_paragraph(cell, line) for line in lines), first_row[2], end]))
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
        elif isinstance(block, Rich):  # its tables are followed by their own empty paragraph
            self.out.append(blocks_xml(self.rich, block.text, self.images))
        elif isinstance(block, Signature):
            return self.signature(block)
        elif isinstance(block, Figure):
            data = self.images(block.source) if self.images is not None else None
            self.out.append(image_xml(self.rich, data, block.caption, block.source_note, missing=block.source))
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


def body_xml(template: DocxTemplate, key, document: VisitDocument, paper: str = "A4",
             images: ImageSource | None = None) -> str:
    """The ``isi`` body as XML text; raises :class:`TemplateStyleError` when the template lacks a style.
    ``images`` resolves the sources of figures and of images written in Markdown."""
    writer = _Writer(template, key, _text_width(template, _paper(paper)), images)
    writer.blocks(list(document.blocks))
    return writer.xml()


def render(document: VisitDocument, template_path: Path, paper: str = "A4", images: ImageSource | None = None,
           properties: Properties | None = None) -> bytes:
    """The DOCX bytes of one kunjungan kerja document on ``paper`` "A4" or "F4" (nothing is written to disk);
    ``images`` resolves image sources (:func:`rancang.render.richtext_docx.project_images`); ``properties``
    replace the template's core properties (title, author, dates)."""
    paper = _paper(paper)
    template, key = docx_template.open_template(Path(template_path))
    context = {
        "judul": _context_text(document.title),
        "subjudul": _context_text(document.subtitle),
        "kepala": _context_text(document.header),
    }
    body = body_xml(template, key, document, paper, images)
    if set(context) | {"isi"} != VISIT_TEMPLATE_VARIABLES:  # pragma: no cover - a programming error, caught by tests
        raise AssertionError(f"context {sorted(context)} != template variables {sorted(VISIT_TEMPLATE_VARIABLES)}")
    width, height = PAPER_SIZES[paper]

    def paper_size(rendered: DocxTemplate) -> None:
        for section in rendered.docx.sections:
            section.page_width = width
            section.page_height = height

    return docx_template.render(template, context, body, paper_size, properties)
