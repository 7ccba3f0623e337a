"""The comparison matrix of a whole-text amendment (``rancang draft <amendment> --matriks``): a landscape DOCX
with one row per change point of Pasal I, as harmonisation asks for it.

Columns: **No.** | **Ketentuan Lama** | **Ketentuan Baru** | **Keterangan**.

* Ketentuan Lama: the element(s) of the version in force that the point changes or deletes, with their labels
  (``Pasal 2``, ``(1) ...``, ``a. ...``). A point below a Pasal (an ayat, a huruf changed, inserted or deleted)
  shows the whole old Pasal, as the Perubahan quotes the whole new one; a changed BAB, Bagian or Paragraf title
  shows the heading only. An inserted Pasal, BAB, Bagian or Paragraf has nothing in force: the cell reads
  "Tidak ada." (a word rather than a dash: a dash in an empty
  cell reads as a blank left by mistake);
* Ketentuan Baru: the text as the Perubahan quotes it (:func:`rancang.drafting.amendment.quoted_lines`); a
  deleted element reads ``Pasal 4`` / ``Dihapus.``;
* Keterangan: what happens ("Diubah", "Disisipkan", "Dihapus"), where it is in the Perubahan ("Pasal I angka 2";
  "Pasal I" when the Perubahan has a single change point, written without a number) and the instruction of the
  point without its closing "sehingga berbunyi sebagai berikut:".

The page is the regulation template's paper turned landscape (its margins, or ``dokumen.marjin`` of
rancang.yaml); the header row repeats on every page; numbers are text, never Word numbering. The document is
made from the regulation template (its styles and page-number header; its body is replaced), with named
styles of its own, added when the template lacks them so that a project can restyle them by adding them to its
template: :data:`STYLES`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from rancang.drafting import versions
from rancang.drafting.amendment import Compared, quoted_lines
from rancang.drafting.tree import QuotedLine, plain
from rancang.render.docx_template import Properties, set_core_properties

HEADINGS = ("No.", "Ketentuan Lama", "Ketentuan Baru", "Keterangan")
NOTHING = "Tidak ada."
"""The Ketentuan Lama of an insertion."""
ACTIONS = {"ubah": "Diubah", "sisip": "Disisipkan", "hapus": "Dihapus"}

STYLES = {
    "title": "Judul Matriks",
    "subtitle": "Subjudul Matriks",
    "header": "Kepala Matriks",
    "cell": "Isi Matriks",
    "cell_heading": "Judul Unsur Matriks",
    "note": "Keterangan Matriks",
}
"""Paragraph styles of the matrix: the title lines, the header row, a cell's lines, the headings inside a cell
(``Pasal 12A``, a BAB's label and title) and the Keterangan column."""

_TABLE_STYLE = "Tabel Isi"
"""The table style of the regulation template's Markdown tables (borders, shaded header row)."""
_SUFFIXES = (" sehingga berbunyi sebagai berikut:", " sebagai berikut:")


@dataclass(frozen=True)
class Row:
    """One change point as a row of the matrix."""

    number: str
    old: list[QuotedLine]
    """Empty for an insertion (the cell reads :data:`NOTHING`)."""
    new: list[QuotedLine]
    note: list[str]


def _find(elements: tuple[versions.Element, ...], path: tuple[str, ...]) -> versions.Element | None:
    """The element at a path of frozen labels (``("BAB II", "Pasal 7")``)."""
    found = None
    siblings = elements
    for label in path:
        found = next((element for element in siblings if element.label == label), None)
        if found is None:
            return None
        siblings = found.children
    return found


def _pasal_path(elements: tuple[versions.Element, ...], path: tuple[str, ...]) -> tuple[str, ...] | None:
    """The part of ``path`` down to its Pasal, when it runs through one."""
    siblings = elements
    for index, label in enumerate(path):
        found = next((element for element in siblings if element.label == label), None)
        if found is None:
            return None
        if found.level == "pasal":
            return path[: index + 1]
        siblings = found.children
    return None


def _old_lines(old: tuple[versions.Element, ...], point: versions.ChangePoint) -> list[QuotedLine]:
    below = point.level not in versions.GROUP_LEVELS and point.level != "pasal"
    if point.action == "sisip" and not below:
        return []
    if below:
        article = _pasal_path(old, point.path)
        element = _find(old, article) if article else None
        return quoted_lines(element) if element is not None else []
    lines: list[QuotedLine] = []
    for label in point.labels:
        element = _find(old, point.path + (label,))
        if element is None:
            continue
        lines.extend(quoted_lines(replace(element, children=()) if point.heading_only else element))
    return lines


def _new_lines(old: tuple[versions.Element, ...], point: versions.ChangePoint) -> list[QuotedLine]:
    below = point.level not in versions.GROUP_LEVELS and point.level != "pasal"
    if below and point.article is not None:
        return quoted_lines(point.article)
    if point.action == "hapus":
        lines: list[QuotedLine] = []
        for label in point.labels:
            element = _find(old, point.path + (label,))
            if element is not None:
                lines.extend(quoted_lines(replace(element, deleted=True, children=())))
        return lines
    if point.heading_only:
        return [line for q in point.quoted for line in quoted_lines(replace(q, children=()))]
    return [line for q in point.quoted for line in quoted_lines(q)]


def _instruction(point: versions.ChangePoint) -> str:
    text = point.instruction()
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            return text[: -len(suffix)] + "."
    return text


def rows(compared: Compared) -> list[Row]:
    """The rows of the matrix of a whole-text amendment, in the order of Pasal I (empty without versions)."""
    if compared.versions is None:
        return []
    old = versions.elements(compared.old_document)
    points = compared.versions.points()
    single = len(points) == 1
    out = []
    for index, point in enumerate(points, start=1):
        where = "Pasal I" if single else f"Pasal I angka {index}"
        out.append(Row(f"{index}.", _old_lines(old, point), _new_lines(old, point),
                       [ACTIONS[point.action], where, _instruction(point)]))
    return out


# -- the DOCX --------------------------------------------------------------------------------------------------


def _ensure_styles(document) -> None:
    """The matrix styles, added from the template's own when a project's template lacks them."""
    styles = document.styles
    names = {style.name for style in styles}

    def add(name: str, base: str, bold: bool | None = None, align=None, size: float | None = None,
            space_after: float | None = None) -> None:
        if name in names:
            return
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base] if base in names else styles["Normal"]
        style.quick_style = True
        if bold is not None:
            style.font.bold = bold
        if size is not None:
            style.font.size = Pt(size)
        if align is not None:
            style.paragraph_format.alignment = align
        style.paragraph_format.first_line_indent = Cm(0)
        style.paragraph_format.left_indent = Cm(0)
        if space_after is not None:
            style.paragraph_format.space_after = Pt(space_after)

    add(STYLES["title"], "Judul Peraturan", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    add(STYLES["subtitle"], "Judul Peraturan", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)
    add(STYLES["header"], "Kepala Tabel", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    add(STYLES["cell"], "Isi Tabel", align=WD_ALIGN_PARAGRAPH.LEFT, size=11, space_after=3)
    add(STYLES["cell_heading"], "Isi Tabel", align=WD_ALIGN_PARAGRAPH.CENTER, size=11, space_after=3)
    add(STYLES["note"], "Isi Tabel", align=WD_ALIGN_PARAGRAPH.LEFT, size=11, space_after=3)


def _landscape(document, margins_cm: dict[str, float] | None) -> int:
    """Every section turned landscape on the template's paper; returns the text width (EMU)."""
    for section in document.sections:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)
        for side, value in (margins_cm or {}).items():
            setattr(section, f"{side}_margin", Cm(value))
    section = document.sections[0]
    return int(section.page_width - section.left_margin - section.right_margin)


def _clear_body(document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _cell_text(cell, lines: list[tuple[str, str]]) -> None:
    """Write ``(style, text)`` lines into a cell (its first, empty paragraph is used for the first line)."""
    first = True
    for style, value in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.style = style
        paragraph.add_run(value)


def _quoted(lines: list[QuotedLine]) -> list[tuple[str, str]]:
    return [(STYLES["cell_heading"] if line.heading else STYLES["cell"], plain(line.text)) for line in lines]


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx's element
    header = OxmlElement("w:tblHeader")
    properties.append(header)
    no_split = OxmlElement("w:cantSplit")
    properties.insert(0, no_split)


def render(title: list[str], matrix: list[Row], template_path: Path, margins_cm: dict[str, float] | None = None,
           properties: Properties | None = None) -> bytes:
    """The DOCX bytes of a matrix: ``title`` lines (the first one "MATRIKS PERBANDINGAN"), then the table."""
    document = docx.Document(str(template_path))
    _clear_body(document)
    _ensure_styles(document)
    width = _landscape(document, margins_cm)
    for index, line in enumerate(title):
        document.add_paragraph(line, STYLES["title"] if index == 0 else STYLES["subtitle"]
                               if index == len(title) - 1 else STYLES["title"])
    table = document.add_table(rows=1, cols=4)
    if _TABLE_STYLE in {style.name for style in document.styles}:
        table.style = document.styles[_TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    number_width = int(Cm(1.3))
    note_width = int(width * 0.2)
    text_width = (width - number_width - note_width) // 2
    widths = [number_width, text_width, text_width, width - number_width - 2 * text_width]
    for cell, heading in zip(table.rows[0].cells, HEADINGS):
        _cell_text(cell, [(STYLES["header"], heading)])
    _repeat_header(table.rows[0])
    for row in matrix:
        cells = table.add_row().cells
        _cell_text(cells[0], [(STYLES["note"], row.number)])
        _cell_text(cells[1], _quoted(row.old) if row.old else [(STYLES["cell"], NOTHING)])
        _cell_text(cells[2], _quoted(row.new))
        _cell_text(cells[3], [(STYLES["note"], line) for line in row.note])
    for column, value in zip(table.columns, widths):
        column.width = value
        for cell in column.cells:
            cell.width = value
    if properties is not None:
        set_core_properties(document, properties)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
