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
with no change leaves the folder untouched. The JSON text, the CSV line and the
workbook row of each profile are kept between builds (with the stamps of the files
they were made from), so that a build after one edit makes one profile's again. ``{rancang-data-terbuka}`` documents
the files from the same definitions the writer uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import pickle
import posixpath
import time
import types
import typing
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
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
    return {Path(shown).stem: stamp for shown, stamp in data.stamps.items()
            if data.files.get(shown) == FORMAT}


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
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > XLSX_CELL_MAX:
        note = " … (terpotong; teks lengkapnya ada di inovasi.json)"
        text = text[:XLSX_CELL_MAX - len(note)] + note
    return text


def _width(longest: int, least: int = 8, most: int = 60) -> float:
    """A column's width in characters: its longest line, within bounds."""
    return float(min(most, max(least, longest + 2)))


ROW = "\x00"
"""Stands for the row number in a row's XML until the row's place is known (XML text never holds it)."""


def _row_xml(row: list[str]) -> str:
    """A row of the sheet as the workbook's XML, the way openpyxl writes a text cell (an inline string), with
    :data:`ROW` for its number: the rows of unchanged profiles are kept from the last build."""
    from openpyxl.utils import get_column_letter

    cells = []
    for number, text in enumerate(row, start=1):
        if not text:
            continue
        text = _xlsx_text(text)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        text = xml_escape(text, {"\r": "&#13;"})
        cells.append(f'<c r="{get_column_letter(number)}{ROW}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
    return f'<row r="{ROW}">' + "".join(cells) + "</row>"


def _sheet(book, title: str, header: list[str], body: list[list[str]] | list[Row]):
    """A sheet with its header row (bold, frozen, with a filter) and column widths; the body's cells are written
    by openpyxl, or (a body of :class:`Row` objects) by :class:`_FixedZip`, which puts their XML in."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(body) + 1}"
    for number, name in enumerate(header, start=1):
        longest = max((row.widths[number - 1] if isinstance(row, Row) else
                       max(len(line) for line in row[number - 1].split("\n")) for row in body), default=0)
        sheet.column_dimensions[get_column_letter(number)].width = _width(max(len(name), longest))
    bold = Font(bold=True)
    heads = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heads.append(cell)
    sheet.append(heads)
    for row in body:
        if not isinstance(row, Row):
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
    the date of every entry of its zip archive."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    made = made_rows(data) if made is None else made
    book = Workbook(write_only=True)
    book.properties.creator = "rancang"
    book.properties.title = "Data terbuka inovasi daerah"
    book.properties.created = book.properties.modified = FIXED_TIME
    _sheet(book, SHEET, [column.name for column in COLUMNS], made)
    _sheet(book, COLUMNS_SHEET, ["Kolom", "Isi"], [[column.name, column.description] for column in COLUMNS])
    buffer = io.BytesIO()
    archive = _FixedZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.rows["xl/worksheets/sheet1.xml"] = [row.xml for row in made]  # the first sheet made: "inovasi"
    ExcelWriter(book, archive).save()
    if archive.rows:  # openpyxl named the sheet otherwise: never publish a workbook without its rows
        raise RuntimeError(f"lembar {SHEET} tidak ditemukan di berkas XLSX ({', '.join(archive.rows)})")
    return buffer.getvalue()


class _FixedZip(zipfile.ZipFile):
    """A zip archive whose entries all carry :data:`FIXED_TIME` (a file's entry never its modification time), and
    that puts the XML rows of :attr:`rows` after the header row of their sheet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: dict[str, list[str]] = {}

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
        entry.compress_type = zipfile.ZIP_DEFLATED
        # The fastest level: a sheet of tens of thousands of profiles is tens of megabytes of XML.
        entry._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]  # compress_level from Python 3.13
        entry.create_system = 3
        entry.external_attr = 0o644 << 16
        return entry

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # type: ignore[override]
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[override]
        name = arcname or str(filename)
        with open(filename, "rb") as source:
            content = source.read()
        with self.open(self._entry(name), "w", force_zip64=True) as target:
            body = self.rows.pop(name, None)
            if body is None:
                target.write(content)
                return
            head, end, tail = content.partition(b"</sheetData>")
            if not end:
                raise ValueError(f"{name}: tidak ada </sheetData>")
            target.write(head)
            chunk: list[str] = []
            for number, xml in enumerate(body, start=2):
                chunk.append(xml.replace(ROW, str(number)))
                if len(chunk) == 500:
                    target.write("".join(chunk).encode("utf-8"))
                    chunk = []
            target.write("".join(chunk).encode("utf-8"))
            target.write(end + tail)


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
    fragments_file = Path(app.doctreedir) / "rancang-data-terbuka.pickle"
    fragments: dict[str, tuple[Any, str]] = {}
    kept_rows: dict[str, tuple[Any, Row]] = {}
    try:
        with open(fragments_file, "rb") as handle:
            kept_code, fragments, kept_rows = pickle.load(handle)
        if kept_code != code:
            fragments, kept_rows = {}, {}
    except Exception:  # noqa: BLE001 - no usable fragments: write every record
        fragments, kept_rows = {}, {}
    made = made_rows(data, kept_rows)
    for name, content in ((JSON_FILE, json_bytes(data, fragments)), (CSV_FILE, csv_bytes(data, made)),
                          (XLSX_FILE, xlsx_bytes(data, made)), (SCHEMA_FILE, schema_bytes()),
                          (AGENCIES_FILE, agencies_bytes(data)), (CATALOGUE_FILE, catalogue_bytes(data))):
        write_if_changed(folder / name, content)
    atomic_write_bytes(fragments_file, pickle.dumps((code, fragments, kept_rows), protocol=pickle.HIGHEST_PROTOCOL))
    atomic_write_bytes(stamp_file, stamp.encode("utf-8"))


def _code_stamp() -> str:
    """The open-data files also change when rancang's models, its plain text, the views and the words they use
    (citations, numbers, titles), this module or the XLSX writer change."""
    import hashlib

    import openpyxl

    from rancang import richtext
    from rancang.language import citation, wording
    from rancang.present import innovation, titles
    from rancang.record_cache import code_version

    modules = (__file__, richtext.__file__, innovation.__file__, titles.__file__, citation.__file__, wording.__file__)
    texts = [Path(module).read_text(encoding="utf-8") for module in modules]
    return hashlib.sha256((code_version() + openpyxl.__version__ + "".join(texts)).encode()).hexdigest()


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
        RancangDomain.of(self.env).note_aggregate(self.env.docname)
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


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    app.add_directive("rancang-data-terbuka", OpenDataDirective)
    app.connect("build-finished", write_open_data)
