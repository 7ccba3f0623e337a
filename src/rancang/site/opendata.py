"""Open data: every innovation profile as JSON, CSV and XLSX, with its JSON Schema, and the shared lists.

At the end of an HTML build the site gets ``data/``:

* ``inovasi.json``: a list of every profile, ``{"id": ..., <every key of its
  YAML file, by its Indonesian name>}``; dates are ISO 8601 strings (``2021-06``,
  ``2021-06-04``) and a date known only to the year is a number (``2021``), as the
  YAML writes it. A key the YAML leaves out is left out here too: an unknown fact
  stays unknown; Markdown fields keep their Markdown source, as the YAML gives it
  (the schema describes the YAML);
* ``inovasi.csv``: one row per profile with the flat columns of :data:`COLUMNS`
  (UTF-8 with BOM so that Excel reads it, RFC 4180 quoting);
* ``inovasi.xlsx``: the same rows and columns as a workbook (sheet ``inovasi``,
  header row frozen, every cell text), with a sheet ``kolom`` that describes each
  column; its bytes depend on the data only (fixed dates inside), so an unchanged
  build leaves it alone;
* ``inovasi.schema.json``: the JSON Schema of one profile;
* ``perangkat-daerah.json`` and ``dasar-hukum.json``: ``kb/perangkat-daerah.yaml``
  and ``kb/dasar-hukum.yaml`` as lists, every key by its Indonesian name, so that
  another region's copy of the data can name the agencies and cite the legal bases.

:data:`COLUMNS` is made from the profile model (:class:`rancang.models.innovation.Innovation`), walking
nested records: every scalar key is a column (its name is the key, dotted below a nested record:
``kontak.telepon``), a list of texts is one cell joined with ``"; "``, a Markdown field is plain text
(:func:`rancang.richtext.plain`); awards, legal basis, budget, indicators, sources and replication are written
in the words of the profile page (:class:`rancang.present.innovation.InnovationView`). A key added to the model
becomes a column without any change here.

Each file is written atomically and only when its content changed, so a build
with no change leaves the folder untouched. A build after one edit makes that profile's JSON text, CSV line and
workbook row again and copies the others from the files written last (:func:`write_rows_files`: where each text
is, with the stamps of the files they were made from, is kept in the doctree folder); the workbook's rows are
compressed in pieces of :data:`BLOCK_ROWS`, so one piece is compressed again, whatever the number of profiles.
``{rancang-data-terbuka}`` documents the files from the same definitions the writer uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import os
import pickle
import posixpath
import re
import struct
import time
import types
import typing
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable
from xml.sax.saxutils import escape as xml_escape

from docutils import nodes
from pydantic import BaseModel
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.fileio import atomic_write_bytes
from rancang.models import FORMATS, ProjectData
from rancang.models.base import Markdown, PartialDate
from rancang.models.innovation import Innovation
from rancang.present.innovation import InnovationView
from rancang.richtext import plain
from rancang.site import context
from rancang.site.domain import RancangDomain

FOLDER = "data"
"""Folder of the site that holds the open data."""

JSON_FILE = "inovasi.json"
CSV_FILE = "inovasi.csv"
XLSX_FILE = "inovasi.xlsx"
SCHEMA_FILE = "inovasi.schema.json"
AGENCIES_FILE = "perangkat-daerah.json"
CATALOGUE_FILE = "dasar-hukum.json"
FORMAT = "inovasi"
"""Name of the profile format in :data:`rancang.models.FORMATS`."""

SEPARATOR = "; "
"""Between the items of a list in one cell."""

SHEET = "inovasi"
"""The XLSX sheet of the rows."""
COLUMNS_SHEET = "kolom"
"""The XLSX sheet that describes the columns."""

FIXED_TIME = dt.datetime(1980, 1, 1)
"""The one date written inside the XLSX file (its properties and its zip entries): the file's bytes depend on
the data only, never on when it was written."""

COMPRESS_LEVEL = 1
"""Deflate level of the XLSX archive (part of its bytes)."""

XLSX_CELL_MAX = 32_767
"""Most characters a spreadsheet cell holds (Excel's limit)."""


# -- the columns ----------------------------------------------------------------------------------------------

class Kind(str, enum.Enum):
    """What a column holds, and whether its cell gives the record key back as the YAML writes it."""

    TEXT = "teks"
    """A text, an id or a link, as written."""
    NUMBER = "angka"
    CHOICE = "pilihan"
    """A value of a closed list, as the YAML writes it (``pelayanan_publik``)."""
    DATE = "tanggal"
    """``TTTT``, ``TTTT-BB`` or ``TTTT-BB-HH``."""
    YES_NO = "ya_tidak"
    """``ya`` or ``tidak``."""
    LIST = "daftar"
    """Texts joined with :data:`SEPARATOR`."""
    MARKDOWN = "teks_polos"
    """A Markdown field as plain text: its words, without its markup (the Markdown is in inovasi.json)."""
    WORDS = "uraian"
    """Records written in the words of the profile page (awards, legal basis, ...): for reading, not for import."""
    DERIVED = "turunan"
    """Computed from other data (the agency's name, the number of awards)."""

    @property
    def round_trip(self) -> bool:
        """True when the cell gives its record key back exactly (an importer may read it)."""
        return self in (Kind.TEXT, Kind.NUMBER, Kind.CHOICE, Kind.DATE, Kind.YES_NO, Kind.LIST)


@dataclass(frozen=True)
class Column:
    name: str
    """The header of the column."""
    description: str
    value: Callable[[InnovationView], str]
    key: str | None = None
    """The record key the column is read from, as a dotted path of YAML keys (``kontak.telepon``; ``id`` for the
    record id); None for a column computed from other data."""
    kind: Kind = Kind.TEXT


ID_DESCRIPTION = "Id profil: nama berkasnya, kb/inovasi/<id>.yaml."
LIST_NOTE = " Bila lebih dari satu, dipisah '; '."
DATE_NOTE = " Ditulis TTTT, TTTT-BB, atau TTTT-BB-HH."
MARKDOWN_NOTE = (" Teks polos tanpa tanda format Markdown: satu baris per paragraf, butir daftar, atau baris "
                 "tabel (teks Markdown aslinya ada di inovasi.json).")
YES_NO_NOTE = " Ditulis 'ya' atau 'tidak'."


def _number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _scalar(value: Any, markdown: bool = False) -> str:
    """One value in a cell: as the YAML writes it (a Markdown field as plain text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, BaseModel):
        return _describe(value)
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(text for text in (_scalar(item, markdown) for item in value) if text)
    text = str(value)
    return plain(text) if markdown else text


def _describe(model: BaseModel) -> str:
    """A record inside a list, when the profile page has no words for it: ``kunci: nilai, kunci: nilai``."""
    parts = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or value == [] or (isinstance(value, BaseModel) and not _describe(value)) or \
                (name not in model.model_fields_set and value == info.default):  # "sampul: tidak" on every image
            continue
        text = _scalar(value, _is_markdown(info.annotation)).replace("\n", " ")
        if isinstance(value, BaseModel):
            text = f"({text})"
        parts.append(f"{info.alias or name}: {text}")
    return ", ".join(parts)


def _choices(annotation: Any) -> list[Any]:
    """The types a field may hold, without None."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return [annotation]


def _bare(annotation: Any) -> Any:
    """``Annotated[str, ...]`` -> ``str``."""
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _is_markdown(annotation: Any) -> bool:
    for choice in _choices(annotation):
        if choice == Markdown:
            return True
        if typing.get_origin(choice) is list and _is_markdown(typing.get_args(choice)[0]):
            return True
    return False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _kind(annotation: Any) -> Kind:
    bare = _bare(annotation)
    if annotation == Markdown:
        return Kind.MARKDOWN
    if bare is PartialDate:
        return Kind.DATE
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        return Kind.CHOICE
    if bare is bool:
        return Kind.YES_NO
    if bare in (int, float):
        return Kind.NUMBER
    return Kind.TEXT


def _attribute(get: Callable[[InnovationView], Any], name: str) -> Callable[[InnovationView], Any]:
    def value(view: InnovationView) -> Any:
        owner = get(view)
        return getattr(owner, name) if owner is not None else None
    return value


def _cell(get: Callable[[InnovationView], Any], markdown: bool) -> Callable[[InnovationView], str]:
    return lambda view: _scalar(get(view), markdown)


def _from_view(lines: Callable[[InnovationView], Any]) -> Callable[[InnovationView], str]:
    return lambda view: SEPARATOR.join(lines(view))


def _source_text(source) -> str:
    return source.text + (f" {source.url}" if source.url else "")


def _replication(part: str) -> Callable[[InnovationView], str]:
    return lambda view: SEPARATOR.join(getattr(view.replication, part)) if view.replication else ""


SPECIAL: dict[str, Callable[[str, str], list[Column]]] = {
    "perangkat_daerah": lambda key, description: [
        Column(key, description, lambda v: v.record.agency or "", key, Kind.TEXT),
        Column("perangkat_daerah_nama", "Nama lengkap perangkat daerah pelaksana.", lambda v: v.agency_name or "",
               None, Kind.DERIVED)],
    "penghargaan": lambda key, description: [
        Column("jumlah_penghargaan", "Banyaknya penghargaan yang tercatat.", lambda v: str(v.award_count), None,
               Kind.DERIVED),
        Column(key, "Penghargaan, dari yang terlama, seperti di halaman profil: 'tahun: nama (pemberi, tingkat)'. "
               "Bila lebih dari satu, dipisah '; '.", _from_view(lambda v: (a.text for a in v.awards)), key,
               Kind.WORDS)],
    "dasar_hukum": lambda key, description: [
        Column(key, "Dasar hukum, urut seperti 'Mengingat' (tingkat peraturan, lalu tanggal), seperti di halaman "
               "profil. Bila lebih dari satu, dipisah '; '.", _from_view(lambda v: (x.text for x in v.legal_basis)),
               key, Kind.WORDS)],
    "anggaran": lambda key, description: [
        Column(key, "Anggaran per tahun, dari yang terlama: 'tahun: jumlah (sumber)'. Bila lebih dari satu, "
               "dipisah '; '.", _from_view(lambda v: (b.text for b in v.budget)), key, Kind.WORDS)],
    "indikator": lambda key, description: [
        Column(key, "Indikator seperti di halaman profil: 'nama: nilai awal → hasil, perubahan'. Bila lebih dari "
               "satu, dipisah '; '.", _from_view(lambda v: (i.text for i in v.indicators)), key, Kind.WORDS)],
    "sumber": lambda key, description: [
        Column(key, "Sumber fakta seperti di halaman profil: 'judul. penerbit, tanggal.' lalu alamat webnya. Bila "
               "lebih dari satu, dipisah '; '.", _from_view(lambda v: (_source_text(s) for s in v.sources)), key,
               Kind.WORDS)],
    "replikasi.dari": lambda key, description: [
        Column(key, "Daerah asal yang direplikasi oleh inovasi ini: 'daerah (tahun), keterangan'. Bila lebih dari "
               "satu, dipisah '; '.", _replication("origin"), key, Kind.WORDS)],
    "replikasi.oleh": lambda key, description: [
        Column(key, "Daerah yang mereplikasi inovasi ini: 'daerah (tahun), keterangan'. Bila lebih dari satu, "
               "dipisah '; '.", _replication("adopters"), key, Kind.WORDS)],
}
"""Columns written in the profile page's words (or with a column computed beside them), by record key."""


def _walk(model: type[BaseModel], path: tuple[str, ...], get: Callable[[InnovationView], Any]) -> list[Column]:
    found: list[Column] = []
    for name, info in model.model_fields.items():
        alias = info.alias or name
        key = ".".join((*path, alias))
        description = info.description or ""
        if path:  # "Kontak: nama narahubung."
            label = path[-1].replace("_", " ")
            description = f"{label[:1].upper()}{label[1:]}: {description[:1].lower()}{description[1:]}"
        value = _attribute(get, name)
        if key in SPECIAL:
            found += SPECIAL[key](key, description)
            continue
        choices = _choices(info.annotation)
        lists = [typing.get_args(c)[0] for c in choices if typing.get_origin(c) is list]
        models = [c for c in choices if _is_model(c)]
        markdown = _is_markdown(info.annotation)
        if lists:
            item = lists[0]
            kind = Kind.WORDS if _is_model(item) else Kind.MARKDOWN if markdown else Kind.LIST
            note = LIST_NOTE + (MARKDOWN_NOTE if markdown else "")
            found.append(Column(key, description + note, _cell(value, markdown), key, kind))
        elif models and len(choices) == 1:
            found += _walk(models[0], (*path, alias), value)
        else:
            kind = Kind.MARKDOWN if markdown else _kind(choices[0])
            note = {Kind.MARKDOWN: MARKDOWN_NOTE, Kind.DATE: DATE_NOTE, Kind.YES_NO: YES_NO_NOTE}.get(kind, "")
            found.append(Column(key, description + note, _cell(value, markdown), key, kind))
    return found


def columns(model: type[BaseModel] = Innovation) -> list[Column]:
    """The columns of the CSV and XLSX files, in order, made from the profile model (see the module's docstring):
    the record id, then every key of the model in its order, nested records walked."""
    return [Column("id", ID_DESCRIPTION, lambda v: v.id, "id", Kind.TEXT), *_walk(model, (), lambda v: v.record)]


COLUMNS: list[Column] = columns()
"""The CSV and XLSX columns, in order. An unknown value is an empty cell."""


def rows(data: ProjectData) -> list[list[str]]:
    """One row of cells per profile, in id order."""
    return [_cells(InnovationView(rid, innovation, data)) for rid, innovation in sorted(data.innovations.items())]


def _cells(view: InnovationView) -> list[str]:
    return [column.value(view) for column in COLUMNS]


@dataclass(frozen=True)
class Row:
    """One profile's row, ready for each file."""

    csv: str
    """Its CSV line."""
    xml: str
    """Its row of the workbook's sheet (see :func:`_row_xml`)."""
    widths: tuple[int, ...]
    """The longest line of each cell (for the widths of the sheet's columns)."""


def made_rows(data: ProjectData, cache: dict[str, tuple[Any, Row]] | None = None) -> list[Row]:
    """Each profile's :class:`Row`, in id order.

    ``cache`` (record id -> (stamps, row)) keeps them between builds: a row is made again only when its
    profile's file or one of the other data files it may quote (agencies, catalogue, drafts, settings) changed.
    """
    stamps = _record_stamps(data)
    shared = _shared_stamp(data)
    racy_after = time.time_ns() - 2_000_000_000
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    made = []
    for rid, innovation in sorted(data.innovations.items()):
        stamp = stamps.get(rid)
        key = (stamp, shared)
        known = cache.get(rid) if cache is not None and stamp is not None else None
        if known is not None and known[0] == key:
            made.append(known[1])
            continue
        cells = _cells(InnovationView(rid, innovation, data))
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        row = Row(buffer.getvalue(), _row_xml(cells),
                  tuple(max((len(line) for line in text.split("\n")), default=0) for text in cells))
        if cache is not None and stamp is not None and stamp[1] < racy_after:
            cache[rid] = (key, row)  # a file written this very second could change unseen
        made.append(row)
    if cache is not None:
        for gone in set(cache) - set(data.innovations):
            del cache[gone]
    return made


def _shared_stamp(data: ProjectData) -> str:
    """Changes when a data file other than a profile is added, removed or changed."""
    import hashlib

    digest = hashlib.sha256()
    for shown in sorted(data.stamps):
        if data.files.get(shown) != FORMAT:
            digest.update(f"{shown}\0{data.stamps[shown]}\n".encode())
    return digest.hexdigest()


# -- JSON -----------------------------------------------------------------------------------------------------

def _years_as_numbers(model: BaseModel, dumped: dict) -> dict:
    """A date known only to the year is a number in JSON (``2021``), as the YAML writes it."""
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        if key in dumped:
            dumped[key] = _year_number(getattr(model, name), dumped[key])
    return dumped


def _year_number(value: Any, dumped: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.year if value.precision == "year" else dumped
    if isinstance(value, BaseModel) and isinstance(dumped, dict):
        return _years_as_numbers(value, dumped)
    if isinstance(value, (list, tuple)) and isinstance(dumped, list) and len(value) == len(dumped):
        return [_year_number(item, out) for item, out in zip(value, dumped)]
    return dumped


def dump(model: BaseModel, *, given_only: bool = False) -> dict:
    """A record as open data: every key by its Indonesian name, None left out, a year-only date a number;
    ``given_only``: only the keys its file gives."""
    dumped = model.model_dump(by_alias=True, mode="json", exclude_none=True, exclude_unset=given_only)
    return _years_as_numbers(model, dumped)


def record(record_id: str, innovation: Innovation) -> dict:
    """One profile as open data: its id and every key its YAML file gives."""
    return {"id": record_id, **dump(innovation, given_only=True)}


def json_bytes(data: ProjectData, fragments: dict[str, tuple[Any, str]] | None = None) -> bytes:
    """Every profile, as ``json.dumps(records, indent=2)`` would write them.

    Indented JSON is written by Python's pure-Python encoder (slow at tens of thousands of profiles), so
    each record is written on its own and joined; ``fragments`` (record id -> (file stamp, text)) keeps
    them between builds so that only changed profiles are written again.
    """
    stamps = _record_stamps(data)
    racy_after = time.time_ns() - 2_000_000_000
    parts = []
    for rid, innovation in sorted(data.innovations.items()):
        stamp = stamps.get(rid)
        known = fragments.get(rid) if fragments is not None and stamp is not None else None
        if known is not None and known[0] == stamp:
            text = known[1]
        else:
            text = "  " + json.dumps(record(rid, innovation), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            if fragments is not None and stamp is not None and stamp[1] < racy_after:
                fragments[rid] = (stamp, text)  # a file written this very second could change unseen
        parts.append(text)
    if fragments is not None:
        for gone in set(fragments) - set(data.innovations):
            del fragments[gone]
    if not parts:
        return b"[]\n"
    return ("[\n" + ",\n".join(parts) + "\n]\n").encode("utf-8")


def _record_stamps(data: ProjectData) -> dict[str, Any]:
    """Record id -> (size, modification time) of its file, as read in this build."""
    files = data.files
    return {os.path.splitext(os.path.basename(shown))[0]: stamp for shown, stamp in data.stamps.items()
            if files.get(shown) == FORMAT}


def _header_csv(names: list[str]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(names)
    return buffer.getvalue()


def csv_bytes(data: ProjectData, made: list[Row] | None = None) -> bytes:
    """The CSV file: a header row of :data:`COLUMNS` and one row per profile (``made``: :func:`made_rows`)."""
    made = made_rows(data) if made is None else made
    text = _header_csv([column.name for column in COLUMNS]) + "".join(row.csv for row in made)
    return text.encode("utf-8-sig")


# -- XLSX -----------------------------------------------------------------------------------------------------

def _xlsx_text(text: str) -> str:
    """A cell's text as a spreadsheet can hold it: without the control characters XML refuses, and cut at
    :data:`XLSX_CELL_MAX` characters (with a note: inovasi.json holds the whole text)."""
    text = _ILLEGAL.sub("", text)
    if len(text) > XLSX_CELL_MAX:
        note = " … (terpotong; teks lengkapnya ada di inovasi.json)"
        text = text[:XLSX_CELL_MAX - len(note)] + note
    return text


def _width(longest: int, least: int = 8, most: int = 60) -> float:
    """A column's width in characters: its longest line, within bounds."""
    return float(min(most, max(least, longest + 2)))


ROW = "\x00"
"""Stands for the row number in a row's XML until the row's place is known (XML text never holds it)."""


_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
"""The control characters XML refuses (openpyxl's ``ILLEGAL_CHARACTERS_RE``, without importing openpyxl: a
build after one edit writes a row without it)."""


def _column_letter(number: int) -> str:
    """``1`` -> ``A``, ``27`` -> ``AA`` (as openpyxl's)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row_xml(row: list[str]) -> str:
    """A row of the sheet as the workbook's XML, the way openpyxl writes a text cell (an inline string), with
    :data:`ROW` for its number: the rows of unchanged profiles are kept from the last build."""
    cells = []
    for number, text in enumerate(row, start=1):
        if not text:
            continue
        text = _xlsx_text(text)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        text = xml_escape(text, {"\r": "&#13;"})
        cells.append(f'<c r="{_column_letter(number)}{ROW}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
    return f'<row r="{ROW}">' + "".join(cells) + "</row>"


def _sheet(book, title: str, header: list[str], body: list[list[str]], count: int | None = None,
           longest: tuple[int, ...] | None = None):
    """A sheet with its header row (bold, frozen, with a filter) and column widths, and the rows of ``body``;
    or, for the rows written apart (:func:`_write_xlsx`), their ``count`` and the ``longest`` line of each
    column."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A1:{last}{(len(body) if count is None else count) + 1}"
    for number, name in enumerate(header, start=1):
        if longest is not None:
            most = longest[number - 1]
        else:
            most = max((max(len(line) for line in row[number - 1].split("\n")) for row in body), default=0)
        sheet.column_dimensions[get_column_letter(number)].width = _width(max(len(name), most))
    bold = Font(bold=True)
    heads = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heads.append(cell)
    sheet.append(heads)
    for row in body:
        sheet.append([_text_cell(sheet, text) for text in row])
    return sheet


def _text_cell(sheet, text: str):
    """A cell that holds text, even text that starts with '=' (which openpyxl would take for a formula)."""
    from openpyxl.cell import WriteOnlyCell

    if not text:
        return None
    cell = WriteOnlyCell(sheet, value=_xlsx_text(text))
    cell.data_type = "s"
    return cell


def xlsx_bytes(data: ProjectData, made: list[Row] | None = None) -> bytes:
    """The XLSX file: sheet ``inovasi`` (the CSV's rows, every cell text, header frozen) and sheet ``kolom`` (each
    column and what it holds). The same data gives the same bytes: :data:`FIXED_TIME` is the workbook's date and
    the date of every entry of its zip archive, and the sheet's rows are compressed in pieces of
    :data:`BLOCK_ROWS` (what :func:`write_open_data` keeps between builds)."""
    made = made_rows(data) if made is None else made
    longest = _longest([row.widths for row in made])
    blocks = [_deflated(_block_xml([row.xml for row in made[start:start + BLOCK_ROWS]], start))
              for start in range(0, len(made), BLOCK_ROWS)]
    buffer = io.BytesIO()
    _write_xlsx(buffer, _frame(len(made), longest), blocks, None)
    return buffer.getvalue()


BLOCK_ROWS = 64
"""Rows of the sheet compressed as one piece of its zip entry (each piece a deflate stream of its own, flushed
to a byte boundary, so that pieces join into one valid entry): a build after one edit compresses one piece again
and copies the others from the last workbook. Part of the file's bytes."""


@dataclass(frozen=True)
class _Part:
    """A piece of the compressed data of an archive entry."""

    raw: int
    """Length of its uncompressed bytes."""
    crc: int
    """CRC-32 of its uncompressed bytes."""
    size: int
    """Length of its compressed bytes."""
    data: bytes | None = None
    """Its compressed bytes; None: they are at :attr:`offset` in the last workbook."""
    offset: int = -1


def _deflated(raw: bytes) -> _Part:
    """``raw`` as a deflate stream that ends on a byte boundary and is not final (pieces can follow)."""
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    packed = compressor.compress(raw) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return _Part(len(raw), zlib.crc32(raw), len(packed), packed)


_FINAL = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15).flush()
"""The empty final block that ends every entry's deflate stream."""


def _block_xml(xmls: list[str], start: int) -> bytes:
    """The rows ``start``, ``start + 1``, ... of the sheet (0 is the first profile) as the sheet's XML."""
    return b"".join(_numbered(xml, number) for number, xml in enumerate(xmls, start=start))


def _numbered(xml: str, number: int) -> bytes:
    """The row of profile ``number`` (0 is the first) with its row number in the sheet."""
    return xml.replace(ROW, str(number + 2)).encode("utf-8")


def _longest(widths: list[tuple[int, ...]]) -> tuple[int, ...]:
    """The longest line of each column over every row."""
    if not widths:
        return tuple(0 for _ in COLUMNS)
    return tuple(max(column) for column in zip(*widths))


_POLY = 0xEDB88320


def _multiply(a: int, b: int) -> int:
    """``a * b`` modulo the CRC-32 polynomial (bits reflected), as zlib's ``multmodp``."""
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if not a & (m - 1):
                return p
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


def _powers() -> list[int]:
    table = [1 << 30]  # x^1
    for _ in range(31):
        table.append(_multiply(table[-1], table[-1]))
    return table


_X2N = _powers()
"""x^(2^n) modulo the polynomial."""


def _crc_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of ``a + b`` from the CRC-32 of ``a`` and ``b`` and the length of ``b`` (zlib's
    ``crc32_combine``, which Python's zlib module does not offer)."""
    p, k, n = 1 << 31, 3, length2
    while n:
        if n & 1:
            p = _multiply(_X2N[k & 31], p)
        n >>= 1
        k += 1
    return _multiply(p, crc1) ^ crc2


class _Capture:
    """Stands for the zip archive openpyxl writes into: keeps each entry's name and bytes, in order."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def writestr(self, name: str, data: str | bytes) -> None:
        self.entries.append((name, data.encode("utf-8") if isinstance(data, str) else data))

    def write(self, filename: str, arcname: str | None = None) -> None:
        with open(filename, "rb") as source:
            self.entries.append((arcname or str(filename), source.read()))

    def namelist(self) -> list[str]:
        return [name for name, _ in self.entries]

    def close(self) -> None:
        pass


_SHEET_ENTRY = "xl/worksheets/sheet1.xml"
"""The entry of sheet :data:`SHEET` (the first sheet made)."""


def _frame(count: int, longest: tuple[int, ...]) -> list[tuple[str, list[_Part]]]:
    """Every entry of the workbook, compressed, but the rows of sheet :data:`SHEET`: its entry holds the part
    before the rows and the part after them (the rows' pieces go between). Made by openpyxl from the number of
    rows and the longest line of each column (the widths of the columns)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook(write_only=True)
    book.properties.creator = "rancang"
    book.properties.title = "Data terbuka inovasi daerah"
    book.properties.created = book.properties.modified = FIXED_TIME
    _sheet(book, SHEET, [column.name for column in COLUMNS], [], count, longest)
    _sheet(book, COLUMNS_SHEET, ["Kolom", "Isi"], [[column.name, column.description] for column in COLUMNS])
    archive = _Capture()
    ExcelWriter(book, archive).save()
    entries = []
    for name, content in archive.entries:
        if name == _SHEET_ENTRY:
            head, end, tail = content.partition(b"</sheetData>")
            if not end:
                raise ValueError(f"{name}: tidak ada </sheetData>")
            entries.append((name, [_deflated(head), _deflated(end + tail)]))
        else:
            entries.append((name, [_deflated(content)]))
    if _SHEET_ENTRY not in archive.namelist():  # openpyxl named the sheet otherwise: never publish it without rows
        raise RuntimeError(f"lembar {SHEET} tidak ditemukan di berkas XLSX ({', '.join(archive.namelist())})")
    return entries


_DOS_TIME = 0
_DOS_DATE = ((FIXED_TIME.year - 1980) << 9) | (FIXED_TIME.month << 5) | FIXED_TIME.day
_MAX32 = 0xFFFFFFFF


def _write_xlsx(handle: BinaryIO, frame: list[tuple[str, list[_Part]]], blocks: list[_Part],
                source: BinaryIO | None) -> tuple[list[tuple[str, list[_Part]]], list[_Part]]:
    """Write the zip archive of the workbook: the entries of ``frame``, the rows' ``blocks`` between the two
    parts of the sheet's entry. A part without bytes is copied from ``source`` (the last workbook). Returns the
    frame and the blocks with their offsets in the new file (for the next build)."""
    central = []
    written_frame: list[tuple[str, list[_Part]]] = []
    written_blocks: list[_Part] = []
    position = 0

    def put(data: bytes) -> None:
        nonlocal position
        handle.write(data)
        position += len(data)

    def copy(part: _Part) -> _Part:
        at = position
        if part.data is not None:
            put(part.data)
        else:
            assert source is not None
            _copy_range(source, handle, part.offset, part.size)
            _advance(part.size)
        return _Part(part.raw, part.crc, part.size, None, at)

    def _advance(size: int) -> None:
        nonlocal position
        position += size

    for name, parts in frame:
        if name == _SHEET_ENTRY:
            parts = [parts[0], *blocks, parts[1]]
        crc, raw, size = 0, 0, 0
        for part in parts:
            crc = _crc_combine(crc, part.crc, part.raw)
            raw += part.raw
            size += part.size
        size += len(_FINAL)
        encoded = name.encode("ascii")
        big = raw >= _MAX32 or size >= _MAX32 or position >= _MAX32
        extra = struct.pack("<HHQQ", 1, 16, raw, size) if big else b""
        offset = position
        version = 45 if big else 20
        put(struct.pack("<4s2B4HL2L2H", b"PK\003\004", version, 0, 0, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE,
                        crc, _MAX32 if big else size, _MAX32 if big else raw, len(encoded), len(extra)))
        put(encoded + extra)
        placed = [copy(part) for part in parts]
        put(_FINAL)
        if name == _SHEET_ENTRY:
            written_blocks = placed[1:-1]
            placed = [placed[0], placed[-1]]
        written_frame.append((name, placed))
        central.append((encoded, crc, raw, size, offset, version))
    start = position
    for encoded, crc, raw, size, offset, version in central:
        fields = [value for value in (raw, size, offset) if value >= _MAX32] if version == 45 else []
        extra = struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
        put(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", version, 3, version, 0, 0, zipfile.ZIP_DEFLATED,
                        _DOS_TIME, _DOS_DATE, crc, min(size, _MAX32), min(raw, _MAX32), len(encoded), len(extra), 0,
                        0, 0, 0o644 << 16, min(offset, _MAX32)))
        put(encoded + extra)
    size = position - start
    if start >= _MAX32 or size >= _MAX32:
        put(struct.pack("<4sQ2H2L4Q", b"PK\006\006", 44, 45, 45, 0, 0, len(central), len(central), size, start))
        put(struct.pack("<4sLQL", b"PK\006\007", 0, start + size, 1))
    put(struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(central), len(central), min(size, _MAX32),
                    min(start, _MAX32), 0))
    return written_frame, written_blocks


def _copy_range(source: BinaryIO, target: BinaryIO, offset: int, size: int) -> None:
    """Copy ``size`` bytes of ``source`` from ``offset`` to the end of ``target`` (in the kernel when it can)."""
    target.flush()
    done = 0
    try:
        while done < size:
            copied = os.copy_file_range(source.fileno(), target.fileno(), size - done, offset + done)
            if not copied:
                break
            done += copied
    except (AttributeError, OSError):
        pass
    if done:
        target.seek(0, os.SEEK_END)
    while done < size:
        chunk = os.pread(source.fileno(), min(size - done, 1 << 24), offset + done)
        if not chunk:
            raise OSError(f"berkas lama lebih pendek dari yang dicatat ({offset + size} bita)")
        target.write(chunk)
        done += len(chunk)


# -- the shared lists -----------------------------------------------------------------------------------------

def _list_bytes(models) -> bytes:
    return (json.dumps([dump(model) for model in models], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def agencies_bytes(data: ProjectData) -> bytes:
    """``kb/perangkat-daerah.yaml`` as a JSON list, in its order, every key by its Indonesian name."""
    return _list_bytes(data.agencies.values())


def catalogue_bytes(data: ProjectData) -> bytes:
    """``kb/dasar-hukum.yaml`` as a JSON list, in its order, every key by its Indonesian name."""
    return _list_bytes(data.catalogue.values())


def schema_bytes() -> bytes:
    from rancang.schemas import generate

    return generate()[FORMATS[FORMAT].schema_file].encode("utf-8")


def write_if_changed(target: Path, content: bytes) -> bool:
    """Write atomically, and only when the content differs; True when written."""
    if target.is_file() and target.read_bytes() == content:
        return False
    atomic_write_bytes(target, content)
    return True


def write_open_data(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    data = context.of(app.env).data
    folder = Path(app.outdir) / FOLDER
    # The files are made from every record: skip the work when no data file changed since they were written.
    stamp_file = Path(app.doctreedir) / "rancang-data-terbuka.sidik"
    code = _code_stamp()
    stamp = f"{data.fingerprint()} {code}"
    if all((folder / name).is_file() for name, _, _ in FILES) and stamp_file.is_file() and \
            stamp_file.read_text(encoding="utf-8") == stamp:
        return
    index_file = Path(app.doctreedir) / INDEX_FILE
    last = _load_index(index_file)
    index = write_rows_files(data, folder, last, code)
    # the schema is made from the code, the shared lists from their files: made again only when those changed
    if last is None or last["code"] != code or not (folder / SCHEMA_FILE).is_file():
        write_if_changed(folder / SCHEMA_FILE, schema_bytes())
    if last is None or last["code"] != code or last["shared"] != index["shared"] or \
            not all((folder / name).is_file() for name in (AGENCIES_FILE, CATALOGUE_FILE)):
        write_if_changed(folder / AGENCIES_FILE, agencies_bytes(data))
        write_if_changed(folder / CATALOGUE_FILE, catalogue_bytes(data))
    atomic_write_bytes(index_file, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    atomic_write_bytes(stamp_file, stamp.encode("utf-8"))


INDEX_FILE = "rancang-data-terbuka.pickle"
"""In the doctree folder: where each profile's text is in the JSON, CSV and XLSX files written last (see
:func:`write_rows_files`)."""

INDEX_VERSION = 3


def _load_index(path: Path) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as handle:
            index = pickle.load(handle)
    except Exception:  # noqa: BLE001 - no usable index: every profile is written again
        return None
    return index if isinstance(index, dict) and index.get("versi") == INDEX_VERSION else None


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _json_fragment(record_id: str, innovation: Innovation) -> str:
    return "  " + json.dumps(record(record_id, innovation), ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return buffer.getvalue()


def _row_widths(cells: list[str]) -> tuple[int, ...]:
    return tuple(max((len(line) for line in text.split("\n")), default=0) for text in cells)


class _Layout:
    """Where each profile's text is in one file: ``prefix``, the texts joined by ``separator``, ``suffix``."""

    def __init__(self, prefix: bytes, separator: bytes, suffix: bytes, empty: bytes | None = None) -> None:
        self.prefix, self.separator, self.suffix, self.empty = prefix, separator, suffix, empty

    def segments(self, pieces: list[tuple[int, int] | bytes]) -> tuple[list[tuple[int, int] | bytes],
                                                                       list[tuple[int, int]]]:
        """The file as segments (bytes, or ``(offset, length)`` of the last file) and where each piece lands.
        ``pieces``: per profile, its new text or ``(offset, length)`` of its text in the last file."""
        if not pieces and self.empty is not None:
            return [self.empty], []
        segments: list[tuple[int, int] | bytes] = [self.prefix]
        places = []
        position = len(self.prefix)
        for index, piece in enumerate(pieces):
            if index:
                last = segments[-1]
                if isinstance(piece, tuple) and isinstance(last, tuple) and \
                        last[0] + last[1] + len(self.separator) == piece[0]:
                    # the next text followed this one in the last file: copy both and the separator between
                    segments[-1] = (last[0], last[1] + len(self.separator) + piece[1])
                    position += len(self.separator)
                    places.append((position, piece[1]))
                    position += piece[1]
                    continue
                segments.append(self.separator)
                position += len(self.separator)
            segments.append(piece)
            size = piece[1] if isinstance(piece, tuple) else len(piece)
            places.append((position, size))
            position += size
        segments.append(self.suffix)
        return segments, places


JSON_LAYOUT = _Layout(b"[\n", b",\n", b"\n]\n", b"[]\n")
CSV_LAYOUT = _Layout(b"", b"", b"")


def _write_segments(target: Path, segments: list[tuple[int, int] | bytes], source: Path | None) -> None:
    """Write the file from its segments: bytes, or a range of the file at ``source`` (copied before it is
    replaced)."""
    def write(handle: BinaryIO) -> None:
        with open(source, "rb") if source is not None else io.BytesIO() as old:
            for segment in segments:
                if isinstance(segment, tuple):
                    _copy_range(old, handle, *segment)
                else:
                    handle.write(segment)

    atomic_write_bytes(target, write)


def _same_text(path: Path, place: tuple[int, int], text: bytes) -> bool:
    if place[1] != len(text):
        return False
    with open(path, "rb") as handle:
        return os.pread(handle.fileno(), place[1], place[0]) == text


def write_rows_files(data: ProjectData, folder: Path, index: dict[str, Any] | None, code: str) -> dict[str, Any]:
    """Write ``inovasi.json``, ``inovasi.csv`` and ``inovasi.xlsx`` from ``data``; returns the index of what was
    written, for the next build.

    ``index`` (the last build's) says where each profile's text is in the files written last, and the stamp
    of its YAML file then: the text of an unchanged profile is copied from the old file, the rows of the
    workbook in pieces of :data:`BLOCK_ROWS` (:func:`_write_xlsx`), so that a build after one edit makes one
    profile's texts and compresses one piece of the sheet again, whatever the number of profiles. A file whose
    every text is where it was is left alone. The files are the same, byte for byte, as those of a first build
    (:func:`json_bytes`, :func:`csv_bytes`, :func:`xlsx_bytes`)."""
    shared = _shared_stamp(data)
    names = {"json": folder / JSON_FILE, "csv": folder / CSV_FILE, "xlsx": folder / XLSX_FILE}
    usable = index is not None and index["code"] == code and index["shared"] == shared and \
        all(_file_stamp(path) == index["files"].get(key) for key, path in names.items())
    if not usable:
        index = None
    old_position = {rid: number for number, rid in enumerate(index["ids"])} if index else {}
    order = sorted(data.innovations)
    stamps = _record_stamps(data)
    racy_after = time.time_ns() - 2_000_000_000
    json_pieces: list[tuple[int, int] | bytes] = []
    csv_pieces: list[tuple[int, int] | bytes] = []
    widths: list[tuple[int, ...]] = []
    cells: dict[int, list[str]] = {}
    same = []
    kept_stamps = []
    for number, rid in enumerate(order):
        stamp = stamps.get(rid)
        old = old_position.get(rid)
        kept_stamps.append(stamp if stamp is not None and stamp[1] < racy_after else None)
        if index is not None and old is not None and stamp is not None and index["stamps"][old] == stamp:
            json_pieces.append(index["json"][old])
            csv_pieces.append(index["csv"][old])
            widths.append(index["widths"][old])
            same.append(True)
            continue
        innovation = data.innovations[rid]
        row = cells[number] = _cells(InnovationView(rid, innovation, data))
        json_text = _json_fragment(rid, innovation).encode("utf-8")
        csv_text = _csv_line(row).encode("utf-8")
        widths.append(_row_widths(row))
        if index is not None and old is not None:  # a touched file: its text may be the same
            if _same_text(names["json"], index["json"][old], json_text):
                json_text = index["json"][old]
            if _same_text(names["csv"], index["csv"][old], csv_text):
                csv_text = index["csv"][old]
        json_pieces.append(json_text)
        csv_pieces.append(csv_text)
        same.append(isinstance(csv_text, tuple))
    unchanged = index is not None and index["ids"] == order
    fresh: dict[str, Any] = {"versi": INDEX_VERSION, "code": code, "shared": shared, "ids": order,
                             "stamps": kept_stamps, "widths": widths}
    for key, layout, pieces in (("json", JSON_LAYOUT, json_pieces), ("csv", CSV_LAYOUT, csv_pieces)):
        prefix = b"\xef\xbb\xbf" + _header_csv([column.name for column in COLUMNS]).encode("utf-8") \
            if key == "csv" else layout.prefix
        segments, places = _Layout(prefix, layout.separator, layout.suffix, layout.empty).segments(pieces)
        fresh[key] = places
        if not (unchanged and all(isinstance(piece, tuple) for piece in pieces)):
            _write_segments(names[key], segments, names[key] if index is not None else None)
    # the workbook: the rows of unchanged profiles in unchanged pieces are copied, compressed, from the old file;
    # a piece with a changed row in it is made from the old piece's other rows
    longest = _longest(widths)
    blocks: list[_Part] = []
    lengths: list[int] = []
    moved = False
    olds = index["blocks"] if index is not None else []
    for start in range(0, len(order), BLOCK_ROWS):
        end = min(start + BLOCK_ROWS, len(order))
        block = start // BLOCK_ROWS
        in_place = block < len(olds) and olds[block][0] == end - start and \
            all(old_position.get(order[n]) == n for n in range(start, end))
        if in_place and all(same[start:end]):
            blocks.append(olds[block][1])
            lengths += index["xml"][start:end]
            continue
        moved = True
        old_rows = b""
        if in_place:
            part = olds[block][1]
            with open(names["xlsx"], "rb") as handle:
                old_rows = zlib.decompressobj(-15).decompress(os.pread(handle.fileno(), part.size, part.offset))
        pieces = []
        at = 0
        for number in range(start, end):
            if in_place and same[number]:
                size = index["xml"][number]
                piece = old_rows[at:at + size]
            else:
                row = cells.get(number)
                if row is None:
                    row = _cells(InnovationView(order[number], data.innovations[order[number]], data))
                piece = _numbered(_row_xml(row), number)
            if in_place:
                at += index["xml"][number]
            pieces.append(piece)
            lengths.append(len(piece))
        blocks.append(_deflated(b"".join(pieces)))
    fresh["xml"] = lengths
    key = (len(order), longest)
    if index is not None and index["frame"][0] == key:
        frame = index["frame"][1]
    else:
        frame, moved = _frame(*key), True
    fresh["blocks"] = []
    if moved or index is None or len(blocks) != len(index["blocks"]):
        def write(handle: BinaryIO) -> None:
            with open(names["xlsx"], "rb") if index is not None else io.BytesIO() as old:
                written = _write_xlsx(handle, frame, blocks, old)
            fresh["frame"] = (key, written[0])
            fresh["blocks"] = [(min(BLOCK_ROWS, len(order) - n * BLOCK_ROWS), part)
                               for n, part in enumerate(written[1])]

        atomic_write_bytes(names["xlsx"], write)
    else:
        fresh["frame"], fresh["blocks"] = index["frame"], index["blocks"]
    fresh["files"] = {key: _file_stamp(path) for key, path in names.items()}
    return fresh


def _code_stamp() -> str:
    """The open-data files also change when rancang's models, its plain text, the views and the words they use
    (citations, numbers, titles), this module or the XLSX writer change."""
    import hashlib
    import importlib.util

    from rancang import richtext
    from rancang.language import citation, wording
    from rancang.present import innovation, titles
    from rancang.record_cache import code_version

    spec = importlib.util.find_spec("openpyxl")  # its version, without importing it (a fifth of a second)
    openpyxl_version = (Path(spec.origin).parent / "_constants.py").read_text(encoding="utf-8") \
        if spec is not None and spec.origin else ""
    modules = (__file__, richtext.__file__, innovation.__file__, titles.__file__, citation.__file__, wording.__file__)
    texts = [Path(module).read_text(encoding="utf-8") for module in modules]
    return hashlib.sha256((code_version() + openpyxl_version + "".join(texts)).encode()).hexdigest()


# -- the page that documents the files ----------------------------------------------------------------

FILES = [
    (JSON_FILE, "JSON", "Semua profil inovasi, lengkap dengan setiap isian berkas YAML-nya; isian teks bebas "
                        "(ringkasan, masalah, solusi, ...) ditulis apa adanya dalam format Markdown."),
    (CSV_FILE, "CSV", "Satu baris per profil dengan satu kolom untuk setiap isian, teks polos tanpa format "
                      "Markdown; dapat dibuka dengan Excel atau LibreOffice."),
    (XLSX_FILE, "Excel", "Baris dan kolom yang sama dengan berkas CSV sebagai buku kerja Excel, dengan lembar "
                         "'kolom' yang menjelaskan setiap kolom."),
    (SCHEMA_FILE, "JSON Schema", "Struktur dan arti setiap isian satu profil (berlaku untuk inovasi.json)."),
    (AGENCIES_FILE, "JSON", "Daftar perangkat daerah (id, nama, singkatan) yang dirujuk profil, agar salinan data "
                            "di daerah lain dapat menyebut nama perangkat daerahnya."),
    (CATALOGUE_FILE, "JSON", "Katalog dasar hukum yang dirujuk profil, agar salinan data di daerah lain dapat "
                             "mengutip dasar hukumnya."),
]
"""The files of :data:`FOLDER`: name, kind, what it holds (the ``berkas`` list of the data page)."""


def _table(heads: tuple[str, str], lines: list[tuple[str, str]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=30)
    group += nodes.colspec(colwidth=70)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for text in heads:
        row += nodes.entry("", nodes.paragraph(text=text))
    head += row
    body = nodes.tbody()
    group += body
    for name, description in lines:
        row = nodes.row()
        row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=name)))
        row += nodes.entry("", nodes.paragraph(text=description))
        body += row
    return table


class OpenDataDirective(SphinxDirective):
    """``{rancang-data-terbuka} berkas|kolom|json``.

    ``berkas``: links to the files of :data:`FILES`; ``kolom``: the CSV and XLSX columns (from
    :data:`COLUMNS`); ``json``: the top-level keys of a JSON record.
    """

    required_arguments = 1
    has_content = False
    PARTS = ("berkas", "kolom", "json")

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        if part == "kolom":
            return [_table(("Kolom", "Isi"), [(c.name, c.description) for c in COLUMNS], ["rancang-kolom-data"])]
        if part == "json":
            keys = [("id", ID_DESCRIPTION)]
            keys += [(info.alias or name, info.description or "") for name, info in Innovation.model_fields.items()]
            return [_table(("Kunci", "Isi"), keys, ["rancang-kolom-data"])]
        if part == "berkas":
            return self._files()
        raise self.error(f"bagian '{part}' tidak dikenal; pilih salah satu: {', '.join(self.PARTS)}")

    def _files(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname, ("berkas",))
        shared = context.of(self.env)
        here = posixpath.dirname(shared.builder.get_target_uri(self.env.docname))
        items = nodes.bullet_list(classes=["rancang-berkas-data"])
        for name, kind, description in FILES:
            uri = posixpath.relpath(f"{FOLDER}/{name}", here or ".")
            para = nodes.paragraph()
            para += nodes.reference("", name, refuri=uri, classes=["rancang-unduh"])
            para += nodes.Text(f" ({kind}): {description}")
            items += nodes.list_item("", para)
        count = len(shared.data.innovations)
        return [items, nodes.paragraph(text=f"Saat ini berkas data memuat {count} profil inovasi.")]


RancangDomain.inputs["berkas"] = lambda env: str(len(context.of(env).data.innovations))
"""The list of files shows the number of profiles."""


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    app.add_directive("rancang-data-terbuka", OpenDataDirective)
    app.connect("build-finished", write_open_data)
