"""Render a numbered regulation tree into the Word template.

Thin by design: every number, label and punctuation mark is already in the
tree (:mod:`rancang.drafting.tree`); this module only chooses a named style for
each piece. The styles live in ``templates/peraturan-kepala-daerah.docx``, so
a user can restyle the draft in Word without touching code.

The template's own Jinja is minimal (``lambang``, ``kop_jabatan``,
``kop_provinsi`` and the ``isi`` subdocument); it is rendered with
``autoescape=True`` and ``StrictUndefined``, so ``&`` or ``<`` in user text
reach the document exactly and a missing variable is an error, not a blank.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

from docx.enum.text import WD_BREAK
from lxml import etree
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined

from rancang.render.template_names import (  # noqa: F401 - re-exported for the docs
    POINT_STYLES,
    STYLES,
    TEMPLATE_NAME,
    TEMPLATE_VARIABLES,
    required_styles,
)
from rancang.drafting.tree import AnnexPart, Article, BodyItem, Clause, Document, Group, ListEntry, Point, RichText

# Column widths of the Menimbang / Mengingat / Menetapkan table (16.5 cm of text width).
_COLUMNS = (Cm(3.0), Cm(0.5), Cm(0.9), Cm(12.1))
_SIGNATURE_GAP = 3


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class TemplateStyleError(Exception):
    """The Word template lacks a style the renderer needs."""


class _Writer:
    def __init__(self, template: DocxTemplate):
        self.subdoc = template.new_subdoc()
        self.style_ids = {style.name: style.style_id for style in template.get_docx().styles}
        missing = required_styles() - set(self.style_ids)
        if missing:
            raise TemplateStyleError(", ".join(sorted(missing)))
        body = self.subdoc.element.body
        self.end = body.find(f"{_W}sectPr")

    # -- basic pieces --------------------------------------------------------------------

    def paragraph(self, style: str, text: str | RichText = "", label: str | None = None) -> None:
        """One paragraph, built directly as XML (python-docx's style lookup by name is slow)."""
        para = etree.Element(f"{_W}p")
        properties = etree.SubElement(para, f"{_W}pPr")
        etree.SubElement(properties, f"{_W}pStyle").set(f"{_W}val", self.style_ids[style])
        if label is not None:
            run = etree.SubElement(para, f"{_W}r")
            self._text(run, label)
            etree.SubElement(run, f"{_W}tab")
        pieces = [text] if isinstance(text, str) else [span.text for span in text]
        for piece in pieces:
            for index, line in enumerate(piece.split("\n")):
                run = etree.SubElement(para, f"{_W}r")
                if index:
                    etree.SubElement(run, f"{_W}br")
                if line:
                    self._text(run, line)
        if self.end is not None:
            self.end.addprevious(para)
        else:
            self.subdoc.element.body.append(para)

    @staticmethod
    def _text(run, value: str) -> None:
        parts = value.split("\t")
        for index, part in enumerate(parts):
            if index:
                etree.SubElement(run, f"{_W}tab")
            if part:
                node = etree.SubElement(run, f"{_W}t")
                node.text = part
                node.set(_XML_SPACE, "preserve")

    def runs(self, para, text: str | RichText) -> None:
        pieces = [text] if isinstance(text, str) else [span.text for span in text]
        for piece in pieces:
            lines = piece.split("\n")
            for index, line in enumerate(lines):
                if index:
                    para.add_run().add_break(WD_BREAK.LINE)
                if line:
                    para.add_run(line)

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.paragraph("Normal")

    def page_break(self) -> None:
        self.subdoc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- the frame -----------------------------------------------------------------------

    def labelled_table(self, heading: str, entries: Iterable[ListEntry]) -> None:
        entries = list(entries)
        table = self.subdoc.add_table(rows=len(entries), cols=4)
        table.style = STYLES["table"]
        table.autofit = False
        for column, width in zip(table.columns, _COLUMNS):
            column.width = width  # the grid: LibreOffice reads widths from here
        for row_index, entry in enumerate(entries):
            cells = table.rows[row_index].cells
            for cell, width in zip(cells, _COLUMNS):
                cell.width = width
            self.cell(cells[0], heading if row_index == 0 else "")
            self.cell(cells[1], ":" if row_index == 0 else "")
            if entry.label is None:
                merged = cells[2].merge(cells[3])
                self.cell(merged, entry.text)
            else:
                self.cell(cells[2], entry.label)
                self.cell(cells[3], entry.text)

    def cell(self, cell, text: str | RichText) -> None:
        para = cell.paragraphs[0]
        para.style = STYLES["cell"]
        self.runs(para, text)

    # -- the body ------------------------------------------------------------------------

    def body(self, items: list[BodyItem]) -> None:
        for item in items:
            if isinstance(item, Group):
                self.paragraph(STYLES[item.kind], item.label)
                self.paragraph(STYLES[item.kind], item.title)
                self.body(item.children)
            else:
                self.article(item)

    def article(self, article: Article) -> None:
        self.paragraph(STYLES["article"], article.label)
        for clause in article.clauses:
            self.clause(clause)

    def clause(self, clause: Clause) -> None:
        numbered = clause.label is not None
        if numbered:
            self.paragraph(STYLES["clause"], clause.text, label=clause.label)
        else:
            self.paragraph(STYLES["norm"], clause.text)
        self.points(clause.points, 2 if numbered else 1)
        if clause.closing is not None:
            self.paragraph(STYLES["clause_rest" if numbered else "norm"], clause.closing)

    def points(self, points: list[Point], level: int) -> None:
        style = POINT_STYLES[min(level, len(POINT_STYLES)) - 1]
        for point in points:
            self.paragraph(style, point.text, label=point.label)
            self.points(point.points, level + 1)
            if point.closing is not None:  # continues at the item's text indent
                self.paragraph(style, point.closing, label="")

    # -- the end ---------------------------------------------------------------------------

    def signature(self, style: str, lines: list[str], office: str, name: str) -> None:
        for line in lines:
            self.paragraph(style, line)
        self.blank()
        self.paragraph(style, office)
        for _ in range(_SIGNATURE_GAP):
            self.paragraph(style)
        self.paragraph(style, name)

    def annex(self, annex: AnnexPart) -> None:
        self.page_break()
        for line in annex.header:
            self.paragraph(STYLES["annex_head"], line)
        self.paragraph(STYLES["annex_title"], annex.title)
        for text in annex.paragraphs:
            self.paragraph(STYLES["annex_text"], text)
        self.blank()
        self.signature(STYLES["sign"], [], annex.signature_office, annex.signature_name)


def build_subdocument(template: DocxTemplate, document: Document):
    writer = _Writer(template)
    for line in document.title:
        writer.paragraph(STYLES["title"], line)
        if line in ("TENTANG",) or line.startswith("NOMOR"):
            writer.blank()
    writer.blank()
    writer.paragraph(STYLES["opening"], document.invocation)
    writer.blank()
    writer.paragraph(STYLES["opening"], document.office_line)
    writer.blank()
    writer.labelled_table("Menimbang", document.considerations)
    writer.blank()
    writer.labelled_table("Mengingat", document.legal_bases)
    writer.blank()
    writer.paragraph(STYLES["opening"], document.decision)
    writer.blank()
    writer.labelled_table(document.enact_label, [ListEntry(None, document.enact_text)])  # type: ignore[arg-type]
    writer.body(document.body)
    writer.paragraph(STYLES["closing"], document.promulgation_order)
    writer.blank()
    enactment = document.enactment
    writer.signature(STYLES["sign"], [enactment.place_line, enactment.date_line], enactment.office, enactment.name)
    writer.blank()
    promulgation = document.promulgation
    writer.signature(STYLES["promulgate"], [promulgation.place_line, promulgation.date_line], promulgation.office,
                     promulgation.name)
    writer.paragraph(STYLES["gazette"], document.gazette_line)
    for annex in document.annexes:
        writer.annex(annex)
    return writer.subdoc


def render(document: Document, template_path: Path, emblem: Path | None = None,
           margins_cm: dict[str, float] | None = None) -> bytes:
    """The DOCX bytes of one regulation (nothing is written to disk here)."""
    template = DocxTemplate(str(template_path))
    context = {
        "lambang": InlineImage(template, str(emblem), height=Mm(25)) if emblem else "",
        "kop_jabatan": document.heading[0],
        "kop_provinsi": document.heading[1],
        "isi": build_subdocument(template, document),
    }
    environment = Environment(undefined=StrictUndefined, autoescape=True)
    if set(context) != TEMPLATE_VARIABLES:  # pragma: no cover - a programming error, caught by the tests
        raise AssertionError(f"context {sorted(context)} != template variables {sorted(TEMPLATE_VARIABLES)}")
    template.render(context, jinja_env=environment, autoescape=True)
    if margins_cm:
        for section in template.docx.sections:
            for side, value in margins_cm.items():
                setattr(section, f"{side}_margin", Cm(value))
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
