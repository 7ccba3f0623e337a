"""Render a numbered regulation tree into the Word template.

Thin by design: every number, label and punctuation mark is already in the
tree (:mod:`rancang.drafting.tree`); this module only chooses a named style for
each piece. The styles live in ``templates/peraturan-kepala-daerah.docx``, so
a user can restyle the draft in Word without touching code.

The template's own Jinja is minimal (``lambang``, ``kop_jabatan``,
``kop_provinsi`` and the ``isi`` body); it is rendered with
``autoescape=True`` and ``StrictUndefined``, so ``&`` or ``<`` in user text
reach the document exactly and a missing variable is an error, not a blank.

The body is written directly as WordprocessingML text and spliced into the
rendered template (:mod:`rancang.render.docx_template`): docxtpl never parses
or rewrites it, so a regulation of 300 Pasal costs little more than the
template itself.

A consolidated text (naskah terintegrasi, :func:`rancang.drafting.consolidation.History.consolidated`) is a
Document like any other, plus its notes and notice: each element's ``marks`` follow it as one paragraph each in
``Catatan Perubahan`` ("[Diubah dengan Peraturan Wali Kota ... Nomor 3 Tahun 2024]": a Pasal's after its last
ayat, an ayat's after its rincian, a BAB's under its heading), and ``notice`` opens the document, above the kop,
in ``Keterangan Naskah``. Numbers stay text, as everywhere here.

A Keputusan Kepala Daerah (``Document.decree``) has the same frame with a wider first column (``Memperhatikan``
and ``KEDUA BELAS`` fit on one line, every colon under Menimbang's): ``Memperhatikan`` as a labelled table like
``Mengingat``, then one table that starts with the ``Menetapkan`` row and holds a row per diktum (``KESATU`` |
``:`` | its text in ``Diktum``, its rincian under the text in ``Rincian n``); the signature without the
promulgation order, the Sekda block or the gazette line; then ``Tembusan:`` and its numbered entries, bottom-left,
in ``Tembusan``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate, InlineImage

from rancang.drafting.tree import (
    AnnexPart,
    Dictum,
    Article,
    BodyItem,
    Change,
    Clause,
    Document,
    Explained,
    ExplanationPart,
    Group,
    ListEntry,
    Mark,
    Point,
    RichText,
    Span,
)
from rancang.models.regulation import OrgUnit
from rancang.render import bagan, docx_template
from rancang.render.docx_template import Properties, element_xml, paragraph_properties, text
from rancang.render.richtext_docx import ImageSource, RichTextWriter, blocks_xml, image_xml
from rancang.render.template_names import (  # noqa: F401 - re-exported for the docs
    EXPLANATION_LEVELS,
    LATER_STYLES,
    POINT_STYLES,
    STYLES,
    TEMPLATE_NAME,
    TEMPLATE_VARIABLES,
    required_styles,
)

# Column widths of the Menimbang / Mengingat / Menetapkan table (16.5 cm of text width).
_COLUMNS = (Cm(3.0), Cm(0.5), Cm(0.9), Cm(12.1))
_DECREE_COLUMNS = (Cm(3.8), Cm(0.5), Cm(0.9), Cm(11.3))
"""A Keputusan's: ``Memperhatikan`` and the longer diktum labels (``KEDELAPAN``, ``KEDUA BELAS``) on one line."""
_SIGNATURE_GAP = 3
_NEW_TABLE_WIDTH = Emu(5486400)
"""Width python-docx gives a new table in its default document (6 inches); every column is then set."""

_BREAK_BEFORE = "<w:pageBreakBefore/>"
"""Starts the Penjelasan and each lampiran on a new page: a property of its first paragraph, not a paragraph holding
a page break (which, landing at the foot of a full page, left a blank page behind it)."""
_RUN_PROPERTIES = {(False, False): "", (False, True): "<w:rPr><w:i/></w:rPr>", (True, False): "<w:rPr><w:b/></w:rPr>",
                   (True, True): "<w:rPr><w:b/><w:i/></w:rPr>"}
"""Run properties of a span by (bold, italic): a foreign term (``*ad hoc*``) is an italic run."""


def _label_line_breaks(value: str) -> str:
    """A label holding line breaks (texts are split into runs at line breaks): one run, as docxtpl wrote it."""
    xml = '<w:t xml:space="preserve">' + text(value).replace("\n", '</w:t><w:br/><w:t xml:space="preserve">') + "</w:t>"
    return xml.replace('<w:t xml:space="preserve"></w:t>', '<w:t xml:space="preserve"/>')


def mark_text(mark: Mark) -> str:
    """How a note of a consolidated text reads: its text in square brackets, set apart from the norm."""
    return f"[{mark.text}]"


class _CellParagraph:
    """A paragraph added to a table cell, for :meth:`_Writer.cell`."""

    def __init__(self, p, cell):
        self.paragraph = Paragraph(p, cell)


class TemplateStyleError(Exception):
    """The Word template lacks a style the renderer needs."""


class _Writer:
    """Collects the body as XML text, one string per element (joined once at the end)."""

    def __init__(self, template: DocxTemplate, key, text_width: int | None = None,
                 images: ImageSource | None = None):
        self.style_ids, _kinds = docx_template.style_info(template, key)
        missing = required_styles() - set(self.style_ids)
        if missing:
            raise TemplateStyleError(", ".join(sorted(missing)))
        self.template = template
        self.rich_writer = RichTextWriter.of(template, self.style_ids, STYLES["annex_text"], text_width)
        """The writer of rich text and images (:mod:`rancang.render.richtext_docx`) for this document."""
        self.images = images
        self.out: list[str] = []
        self._pPr: dict[str, str] = {}
        self._table_styles: tuple[str | None, str | None] | None = None
        self.columns = _COLUMNS
        self._break_before = False

    def xml(self) -> str:
        return "".join(self.out)

    # -- basic pieces --------------------------------------------------------------------

    def _properties(self, style: str) -> str:
        found = self._pPr.get(style)
        if found is None:
            found = self._pPr[style] = paragraph_properties(self.style_ids[self.present(style)])
        return found

    def present(self, style: str) -> str:
        """``style``, or in a template made before it existed the older style that stands in for it."""
        return style if style in self.style_ids else LATER_STYLES.get(style, style)

    def paragraph(self, style: str, content: str | RichText = "", label: str | None = None,
                  keep_with_next: bool = False) -> None:
        """One ``w:p``: a run for the label and a tab, then a run per line (``\\n`` is a line break)."""
        properties = self._properties(style)
        if keep_with_next:  # after pStyle, the only property written before it
            properties = properties.replace("</w:pPr>", "<w:keepNext/></w:pPr>", 1)
        if self._break_before:  # after pStyle (and keepNext)
            properties = properties.replace("</w:pPr>", f"{_BREAK_BEFORE}</w:pPr>", 1)
            self._break_before = False
        out = ["<w:p>", properties]
        if label is not None:
            out += ["<w:r>", self._text(label), "<w:tab/></w:r>"]
        pieces = [(content, "")] if isinstance(content, str) else [(span.text, _RUN_PROPERTIES[span.bold, span.italic])
                                                                   for span in content]
        for piece, properties in pieces:
            for index, line in enumerate(piece.split("\n")):
                run = ("<w:br/>" if index else "") + (self._text(line) if line else "")
                out.append(f"<w:r>{properties}{run}</w:r>" if run else "<w:r/>")
        out.append("</w:p>")
        self.out.append("".join(out))

    @staticmethod
    def _text(value: str) -> str:
        parts = value.split("\t")
        out = []
        for index, part in enumerate(parts):
            if index:
                out.append("<w:tab/>")
            if part:
                out.append(_label_line_breaks(part) if "\n" in part else f'<w:t xml:space="preserve">{text(part)}</w:t>')
        return "".join(out)

    @staticmethod
    def runs(para: Paragraph, content: str | RichText) -> None:
        pieces = [(content, False, False)] if isinstance(content, str) else [(span.text, span.bold, span.italic)
                                                                             for span in content]
        for piece, bold, italic in pieces:
            lines = piece.split("\n")
            for index, line in enumerate(lines):
                if index:
                    para.add_run().add_break(WD_BREAK.LINE)
                if line:
                    run = para.add_run(line)
                    if bold:  # only then: an upright run has no run properties at all
                        run.bold = True
                    if italic:
                        run.italic = True

    def blank(self, count: int = 1, keep_with_next: bool = False) -> None:
        for _ in range(count):
            self.paragraph("Normal", keep_with_next=keep_with_next)

    def page_break(self) -> None:
        """The next paragraph starts a page (it must be written by :meth:`paragraph`)."""
        self._break_before = True

    # -- the frame -----------------------------------------------------------------------

    def labelled_table(self, heading: str, entries: Iterable[ListEntry], dicta: Iterable[Dictum] = (),
                       whole_rows: bool = False) -> None:
        """Built with python-docx's table objects (as ``Document.add_table`` would), then written as text. The
        ``dicta`` of a Keputusan follow its ``Menetapkan`` row in the same table (two tables one under the other
        would be joined by Word), one row each. ``whole_rows``: the rows of ``entries`` are not split across
        pages (the Menetapkan line)."""
        entries, dicta = list(entries), list(dicta)
        tbl = CT_Tbl.new_tbl(len(entries) + len(dicta), 4, _NEW_TABLE_WIDTH)
        table = Table(tbl, None)  # type: ignore[arg-type] - no part needed: styles are set by id
        if self._table_styles is None:
            self._table_styles = (
                docx_template.style_id_or_default(self.template, STYLES["table"], WD_STYLE_TYPE.TABLE),
                docx_template.style_id_or_default(self.template, STYLES["cell"], WD_STYLE_TYPE.PARAGRAPH))
        table_style, cell_style = self._table_styles
        tbl.tblStyle_val = table_style
        table.autofit = False
        for column, width in zip(table.columns, self.columns):
            column.width = width  # the grid: LibreOffice reads widths from here
        for row_index, row in enumerate(table.rows):
            for cell, width in zip(row.cells, self.columns):
                cell.width = width
        for row_index, entry in enumerate(entries):
            if whole_rows:
                table.rows[row_index]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            cells = table.rows[row_index].cells
            self.cell(cells[0], cell_style, heading if row_index == 0 else "")
            self.cell(cells[1], cell_style, ":" if row_index == 0 else "")
            if entry.label is None:
                merged = cells[2].merge(cells[3])
                self.cell(merged, cell_style, entry.text)
            else:
                self.cell(cells[2], cell_style, entry.label)
                self.cell(cells[3], cell_style, entry.text)
        for row_index, dictum in enumerate(dicta, start=len(entries)):
            self.dictum(table.rows[row_index].cells, dictum)
        self.out.append(element_xml(tbl))

    def dictum(self, cells, dictum: Dictum) -> None:
        """``KESATU`` | ``:`` | its text, then its rincian (``a.`` at the first indent of the text cell) and the
        words after them, in the same cell."""
        style = self.style_ids[self.present(STYLES["dictum"])]
        self.cell(cells[0], style, dictum.label)
        self.cell(cells[1], style, ":")
        merged = cells[2].merge(cells[3])
        self.cell(merged, style, dictum.text)
        self.cell_points(merged, dictum.points, 1)
        if dictum.closing is not None:
            self.cell(self.new_paragraph(merged), self._table_styles[1], dictum.closing)  # type: ignore[index]

    def cell_points(self, cell, points: list[Point], level: int) -> None:
        style = self.style_ids[POINT_STYLES[min(level, len(POINT_STYLES)) - 1]]
        for point in points:
            self.cell(self.new_paragraph(cell), style, [Span(f"{point.label}\t"), *point.text])
            self.cell_points(cell, point.points, level + 1)
            if point.closing is not None:  # continues at the item's text indent
                self.cell(self.new_paragraph(cell), style, [Span("\t"), *point.closing])

    @staticmethod
    def new_paragraph(cell):
        """A new last paragraph of ``cell`` (``cell.add_paragraph`` looks styles up by name in a part)."""
        return _CellParagraph(cell._tc.add_p(), cell)

    def cell(self, cell, style_id: str | None, content: str | RichText) -> None:
        para = cell.paragraph if isinstance(cell, _CellParagraph) else cell.paragraphs[0]
        para._p.style = style_id  # what ``para.style = name`` writes
        self.runs(para, content)

    # -- the body ------------------------------------------------------------------------

    def body(self, items: list[BodyItem]) -> None:
        for item in items:
            if isinstance(item, Group):
                self.paragraph(STYLES[item.kind], item.label)
                if item.title:  # a deleted BAB of a consolidated text may keep only its label
                    self.paragraph(STYLES[item.kind], item.title)
                self.marks(item.marks)  # under its heading, before what it holds
                self.body(item.children)
            else:
                self.article(item)

    def marks(self, marks: list[Mark]) -> None:
        """The notes of a consolidated text on the element just written, one small paragraph each, oldest first:
        ``[Diubah dengan Peraturan Wali Kota ... Nomor 3 Tahun 2024]``."""
        for mark in marks:
            self.paragraph(STYLES["mark"], mark_text(mark))

    def article(self, article: Article) -> None:
        self.paragraph(STYLES["article"], article.label)
        for clause in article.clauses:
            self.clause(clause)
        for change in article.changes:
            self.change(change)
        self.marks(article.marks)

    def change(self, change: Change) -> None:
        """A change point ``1.`` at the first indent of rincian, then its quoted text line by line under it. The
        single form (one change point, its instruction in the Pasal's lead) has no number and no text: only the
        quoted lines."""
        if change.label or change.text:
            self.paragraph(POINT_STYLES[0], change.text, label=change.label)
        for line in change.quoted:
            self.paragraph(STYLES["quoted_heading" if line.heading else "quoted"], line.text)

    def clause(self, clause: Clause) -> None:
        numbered = clause.label is not None
        if numbered:
            self.paragraph(STYLES["clause"], clause.text, label=clause.label)
        else:
            self.paragraph(STYLES["norm"], clause.text)
        self.points(clause.points, 2 if numbered else 1)
        if clause.closing is not None:
            self.paragraph(STYLES["clause_rest" if numbered else "norm"], clause.closing)
        self.marks(clause.marks)

    def points(self, points: list[Point], level: int) -> None:
        style = POINT_STYLES[min(level, len(POINT_STYLES)) - 1]
        for point in points:
            self.paragraph(style, point.text, label=point.label)
            self.points(point.points, level + 1)
            if point.closing is not None:  # continues at the item's text indent
                self.paragraph(style, point.closing, label="")
            self.marks(point.marks)

    # -- the end ---------------------------------------------------------------------------

    def signature(self, style: str, lines: list[str], office: str, name: str) -> None:
        """Place and date, office, the space to sign, name: one block, never split across pages."""
        for line in lines:
            self.paragraph(style, line, keep_with_next=True)
        self.blank(keep_with_next=True)
        self.paragraph(style, office, keep_with_next=True)
        for _ in range(_SIGNATURE_GAP):
            self.paragraph(style, keep_with_next=True)
        self.paragraph(style, name)

    def copies(self, copies: list[str]) -> None:
        """``Tembusan:`` and to whom copies go, numbered (``1.``, ``2.``): each entry's ending is the engine's."""
        style = STYLES["copies"]
        self.paragraph(style, "Tembusan:")
        for number, entry in enumerate(copies, start=1):
            self.paragraph(style, entry, label=f"{number}.")

    def annex(self, annex: AnnexPart) -> None:
        self.page_break()
        for line in annex.header:
            self.paragraph(STYLES["annex_head"], line)
        self.paragraph(STYLES["annex_title"], annex.title)
        if annex.content.blocks:
            self.out.append(blocks_xml(self.rich_writer, annex.content, self.images))
        if annex.chart is not None:
            self.chart(annex.chart)
        self.blank()
        self.signature(STYLES["sign"], [], annex.signature_office, annex.signature_name)

    def explanation(self, part: ExplanationPart) -> None:
        """The Penjelasan on a page of its own: its title, I. UMUM, II. PASAL DEMI PASAL, the Tambahan line."""
        self.page_break()
        for line in part.title:
            self.paragraph(STYLES["explanation_title"], line)
        self.blank()
        self.paragraph(STYLES["explanation_part"], part.general_heading[1], label=part.general_heading[0])
        self.rich(part.general, 1)
        self.paragraph(STYLES["explanation_part"], part.articles_heading[1], label=part.articles_heading[0])
        for article in part.articles:
            self.explained(article)
        self.blank()
        self.paragraph(STYLES["gazette"], part.supplement_line)

    def explained(self, item: Explained) -> None:
        level = min(item.depth, EXPLANATION_LEVELS)
        self.paragraph(STYLES[f"explanation_heading_{level}"], item.label)
        if item.text is not None:
            self.rich(item.text, level)
        for child in item.children:
            self.explained(child)

    def rich(self, tree, level: int) -> None:
        """Markdown of the Penjelasan, its paragraphs at the indent of ``level``."""
        text_style = self.present(STYLES[f"explanation_text_{min(level, EXPLANATION_LEVELS)}"])
        writer = dataclasses.replace(self.rich_writer, text_style=text_style)  # the same package and counters
        self.out.append(blocks_xml(writer, tree, self.images))

    def chart(self, chart: OrgUnit) -> None:
        """A lampiran's organisation chart: Graphviz's PNG scaled to the text width (:mod:`rancang.render.bagan`),
        or, without Graphviz, a note in its place (the check reports P413 at the ``bagan:`` key)."""
        try:
            data = bagan.png(chart)
        except bagan.NotInstalled:
            self.paragraph(STYLES["annex_text"], bagan.placeholder(chart))
            return
        self.out.append(image_xml(self.rich_writer, data, None, description=bagan.title_of(chart)))


def _text_width(template: DocxTemplate, margins_cm: dict[str, float] | None) -> int | None:
    """The width between the margins once ``margins_cm`` (from rancang.yaml) are applied; None: the template's."""
    if not margins_cm or not ({"left", "right"} & set(margins_cm)):
        return None
    section = template.get_docx().sections[0]
    left = Cm(margins_cm["left"]) if "left" in margins_cm else section.left_margin
    right = Cm(margins_cm["right"]) if "right" in margins_cm else section.right_margin
    return int(section.page_width - left - right)


def body_xml(template: DocxTemplate, key, document: Document, text_width: int | None = None,
             images: ImageSource | None = None) -> str:
    """The ``isi`` body as XML text; raises :class:`TemplateStyleError` when the template lacks a style.

    ``text_width`` (EMU, default: the template's) sizes tables and images of the lampiran; ``images`` resolves
    the images written in a lampiran's Markdown."""
    writer = _Writer(template, key, text_width, images)
    if document.decree:
        writer.columns = _DECREE_COLUMNS
    for line in document.title:
        writer.paragraph(STYLES["title"], line)
        if line in ("TENTANG",) or line.startswith("NOMOR"):
            writer.blank()
    writer.blank()
    if document.invocation:  # a Keputusan may go without it (setting dokumen.keputusan_dengan_rahmat)
        writer.paragraph(STYLES["opening"], document.invocation)
        writer.blank()
    writer.paragraph(STYLES["opening"], document.office_line)
    writer.blank()
    writer.labelled_table("Menimbang", document.considerations)
    writer.blank()
    writer.labelled_table("Mengingat", document.legal_bases)
    writer.blank()
    if document.noted:
        writer.labelled_table("Memperhatikan", document.noted)
        writer.blank()
    if document.approval:  # "Dengan Persetujuan Bersama ... dan BUPATI ..." stays with MEMUTUSKAN: on one page
        for line in document.approval:
            writer.paragraph(STYLES["opening"], line, keep_with_next=True)
        writer.blank(keep_with_next=True)
    writer.paragraph(STYLES["opening"], document.decision, keep_with_next=True)  # MEMUTUSKAN: with Menetapkan
    writer.paragraph("Normal", keep_with_next=True)
    writer.labelled_table(document.enact_label, [ListEntry(None, document.enact_text)],  # type: ignore[arg-type]
                          document.dicta, whole_rows=True)
    writer.body(document.body)
    if document.decree:  # not promulgated: the signature, then the Tembusan
        writer.blank()
        enactment = document.enactment
        writer.signature(STYLES["sign"], [enactment.place_line, enactment.date_line], enactment.office,
                         enactment.name)
        if document.copies:
            writer.blank()
            writer.copies(document.copies)
        for annex in document.annexes:
            writer.annex(annex)
        return writer.xml()
    writer.paragraph(STYLES["closing"], document.promulgation_order)
    writer.blank()
    enactment = document.enactment
    writer.signature(STYLES["sign"], [enactment.place_line, enactment.date_line], enactment.office, enactment.name)
    writer.blank()
    promulgation = document.promulgation
    writer.signature(STYLES["promulgate"], [promulgation.place_line, promulgation.date_line], promulgation.office,
                     promulgation.name)
    writer.paragraph(STYLES["gazette"], document.gazette_line)
    if document.register_line is not None:
        writer.paragraph(STYLES["gazette"], document.register_line)
    if document.explanation is not None:
        writer.explanation(document.explanation)
    for annex in document.annexes:
        writer.annex(annex)
    return writer.xml()


def render(document: Document, template_path: Path, emblem: Path | None = None,
           margins_cm: dict[str, float] | None = None, images: ImageSource | None = None,
           properties: Properties | None = None) -> bytes:
    """The DOCX bytes of one regulation (nothing is written to disk here); ``images`` resolves the images of
    the lampiran (:func:`rancang.render.richtext_docx.project_images`); ``properties`` replace the template's
    core properties (title, author, dates)."""
    template, key = docx_template.open_template(Path(template_path))
    context = {
        "lambang": InlineImage(template, str(emblem), height=Mm(25)) if emblem else "",
        "kop_jabatan": document.heading[0],
        "kop_provinsi": document.heading[1],
    }
    body = body_xml(template, key, document, _text_width(template, margins_cm), images)
    if set(context) | {"isi"} != TEMPLATE_VARIABLES:  # pragma: no cover - a programming error, caught by the tests
        raise AssertionError(f"context {sorted(context)} != template variables {sorted(TEMPLATE_VARIABLES)}")

    notice_style = None
    if document.notice:
        style_ids, _kinds = docx_template.style_info(template, key)
        notice_style = style_ids.get(STYLES["notice"]) or style_ids[LATER_STYLES[STYLES["notice"]]]

    def finish(rendered: DocxTemplate) -> None:
        for section in rendered.docx.sections:
            for side, value in (margins_cm or {}).items():
                setattr(section, f"{side}_margin", Cm(value))
        body_element = rendered.docx.element.body
        for index, line in enumerate(document.notice):  # above the kop: the template's first paragraphs
            para = OxmlElement("w:p")
            para.style = notice_style
            para.add_r().text = line
            body_element.insert(index, para)

    return docx_template.render(template, context, body, finish if margins_cm or document.notice else None,
                                properties)
