"""The IID export workbook (``rancang iid --ekspor FILE.xlsx``): the form's fields of every innovation, ready to
be transferred to the Indeks Inovasi Daerah application.

Thin by design: :class:`rancang.present.iid.IidExport` holds every value and every word; this module lays them
out, one sheet each, and computes nothing:

- ``Profil``: one row per innovation, the form's fields in the portal's order (:data:`FORM_FIELDS`), headed by
  rancang's id; a choice as the portal words it, a date as a date cell (``DD/MM/YYYY``), a narrative as plain
  text; an unknown value is an empty cell;
- ``Bukti SID``: one row per innovation and indicator (number, name, level claimed, document path, link, note,
  status), empty cells where there is no evidence;
- ``Bukti SPD``: the same for the region's indicators;
- ``Belum lengkap``: every empty or incomplete value of the profile sheet, with what it still lacks;
- ``Keterangan``: what the workbook is, that the estimate is not the official score, the catalogue's year and
  its confidence.

The workbook is assembled in memory and written with :func:`rancang.fileio.atomic_write_bytes`: a failure
leaves the previous file, or none, never half a workbook.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rancang.fileio import atomic_write_bytes
from rancang.present.iid import MISSING_HEADERS, SID_HEADERS, SPD_HEADERS, IidExport
from rancang.present.iid_form import CELL_LIMIT, FORM_FIELDS, FieldKind

DATE_FORMAT = "DD/MM/YYYY"
"""How a date cell shows its date: day, month, year, as the form asks (tanggal/bulan/tahun)."""


SHEETS = ("Profil", "Bukti SID", "Bukti SPD", "Belum lengkap", "Keterangan")

ID_HEADER = "Id (rancang)"

_NARROW, _WIDE, _TEXT = 14, 60, 30


def profile_headers() -> list[str]:
    """The header row of ``Profil``: rancang's id, then each field of the form."""
    return [ID_HEADER] + [f.header for f in FORM_FIELDS]


def render(export: IidExport) -> bytes:
    """The workbook as bytes (see the module's docstring)."""
    book = Workbook()
    profile = book.active
    profile.title = SHEETS[0]
    _profile(profile, export)
    _table(book.create_sheet(SHEETS[1]), SID_HEADERS, export.sid_rows())
    _table(book.create_sheet(SHEETS[2]), SPD_HEADERS, export.spd_rows())
    _table(book.create_sheet(SHEETS[3]), MISSING_HEADERS, export.missing_rows())
    notes = book.create_sheet(SHEETS[4])
    _table(notes, ("Hal", "Keterangan"), export.notes, widths=(_TEXT, 100))
    book.properties.title = "Isian Indeks Inovasi Daerah"
    book.properties.creator = "rancang"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(target: Path, export: IidExport) -> None:
    """Write the workbook to ``target`` atomically (a RancangError P409 when it cannot be written)."""
    atomic_write_bytes(target, render(export))


def _profile(sheet: Worksheet, export: IidExport) -> None:
    _header(sheet, profile_headers())
    for row in export.rows:
        sheet.append([row.record_id] + [_cell(value.value) for value in row.values])
    # the id column as wide as the longest id (ids such as berdaya-srikandi-oleh-srikandi), within limits
    id_width = min(max([_NARROW] + [len(row.record_id) + 2 for row in export.rows]), _TEXT + 10)
    widths = [id_width] + [_WIDE if f.kind is FieldKind.NARRATIVE else _TEXT for f in FORM_FIELDS]
    _widths(sheet, widths)
    for column, form_field in enumerate(FORM_FIELDS, start=2):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif form_field.kind is FieldKind.NARRATIVE:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _table(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[object]],
           widths: Sequence[int] | None = None) -> None:
    _header(sheet, headers)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    _widths(sheet, widths or [_TEXT] * len(headers))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and len(cell.value) > 40:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _header(sheet: Worksheet, headers: Sequence[str]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _cell(value: object) -> object:
    """A value a cell can hold: text without the control characters a workbook cannot store (a YAML source
    never holds them), cut to the cell's limit (the profile sheet's text is then listed in ``Belum lengkap``:
    :mod:`rancang.present.iid_form`); numbers and dates as they are; None as an empty cell."""
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        return text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT - 1] + "…"
    return value
