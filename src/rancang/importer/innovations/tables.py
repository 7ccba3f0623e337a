"""Reading a table of innovations: CSV, XLSX or JSON, each row with its place in the source.

Every reader returns a :class:`Table`: the column titles (with their number, and their letter in a
spreadsheet), the rows (each with the row number a user finds it under) and what was detected on the way
(encoding and delimiter of a CSV file, the sheet and the header rows of a workbook), which the import
report states so that a wrong guess is visible.

Where a row is
    CSV: the line of the file where the row begins (the spreadsheet row, unless a cell above holds line
    breaks); XLSX: the sheet's row number; JSON: the line of the object's opening brace.
Where a cell is
    CSV and XLSX: the column number (the letter is named in messages); JSON: the column of the key.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang.diagnostics import Diagnostic, Location, RancangError

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".json")
DELIMITERS = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    name: str
    """The title as the source writes it (two header rows of a workbook joined 'Induk / Anak')."""
    number: int
    """1-based position (CSV, XLSX); for JSON the order in which the key was first seen."""

    @property
    def letter(self) -> str:
        return column_letter(self.number)


@dataclass
class Row:
    line: int
    """Where the row is (see the module's note)."""
    cells: dict[str, Any]
    """Column title -> value: a string (CSV), a string/number/date/bool (XLSX), any JSON value (JSON).
    Empty cells are left out."""
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Column title -> (line, column) of the cell where the row's line and the column's number do not say it
    (JSON: the key's own line and column)."""


@dataclass
class Table:
    path: Path
    shown: str
    kind: str
    """"csv" | "xlsx" | "json"."""
    columns: list[Column]
    rows: list[Row]
    detected: list[str] = field(default_factory=list)
    """What was detected, in Indonesian, for the report ("pengodean: Windows-1252", ...)."""

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def where(self, row: Row, name: str) -> Location:
        """path:line:col of one cell (of the row when ``name`` is not a column)."""
        if name in row.places:
            return Location(self.shown, *row.places[name])
        try:
            return Location(self.shown, row.line, self.column(name).number)
        except KeyError:
            return Location(self.shown, row.line, 1)

    def place(self, row: Row, name: str) -> str:
        """'baris 7, kolom C (Tahapan)' -- for the report."""
        if self.kind == "json":
            line = row.places.get(name, (row.line, 0))[0]
            return f"baris {line}, kunci «{name}»"
        return f"baris {row.line}, kolom {self.column(name).letter} ({name})"


def column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _fail(shown: str, message: str, line: int = 0, column: int = 0) -> RancangError:
    return RancangError([Diagnostic("P430", message, Location(shown, line, column))])


def read_table(path: Path, shown: str, sheet: str | None = None) -> Table:
    """Read ``path`` by its suffix. Raises :class:`RancangError` (P430, P436) on a file that cannot be read."""
    if not path.is_file():
        raise _fail(shown, "berkas tidak ada atau bukan berkas")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(shown, f"akhiran '{path.suffix}' tidak dikenal; rancang impor inovasi membaca .csv, .xlsx, "
                           "dan .json")
    if path.stat().st_size > MAX_BYTES:
        raise _fail(shown, "berkas lebih besar dari 200 MB; pecah menjadi beberapa berkas")
    if sheet is not None and suffix not in (".xlsx", ".xlsm"):
        raise RancangError([Diagnostic("P436", "--lembar hanya berlaku untuk berkas XLSX", Location(shown))])
    if suffix in (".xlsx", ".xlsm"):
        table = read_xlsx(path, shown, sheet)
    elif suffix == ".json":
        table = read_json(path, shown)
    else:
        table = read_csv(path, shown)
    if not table.columns:
        raise _fail(shown, "tidak ada baris judul kolom", 1, 1)
    if not table.rows:
        raise _fail(shown, "tidak ada baris data di bawah judul kolom", 1, 1)
    return table


# -- CSV ------------------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding as the report names it): UTF-8 with or without BOM, else Windows-1252 when a byte of its
    own range (0x80-0x9F: ’ “ ” – € ...) occurs, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 dengan BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= byte <= 0x9F for byte in data):
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "Latin-1 (ISO-8859-1)"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate that splits it into most columns outside quotes, and
    that splits the next lines alike."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1, -1)
    for candidate in DELIMITERS:
        try:
            counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines[:1]]
        except (csv.Error, StopIteration):
            continue
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=candidate))
        same = sum(1 for row in rows[1:] if len(row) == counts[0])
        score = (counts[0] if counts[0] > 1 else 0, same)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(path: Path, shown: str) -> Table:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise _fail(shown, "berkas biner (berisi bita nol), bukan CSV; simpan ulang sebagai CSV atau XLSX")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:
        raise _fail(shown, f"berkas ber-BOM UTF-8 tetapi isinya bukan UTF-8 (bita ke-{exc.start + 4})") from None
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _fail(shown, f"CSV tidak dapat dibaca: {exc}", start) from None
    index = header_index([[cell for cell in record] for _, record in records[:HEADER_SEARCH]])
    detected = [f"pengodean: {encoding}", f"pemisah kolom: {DELIMITERS[delimiter]}"]
    if index is None:
        return Table(path, shown, "csv", [], [], detected)
    titles_line = records[index][0]
    above = [(line, " ".join(c for c in record if c.strip())) for line, record in records[:index]]
    detected += [f"baris {line} di atas judul kolom dilewati: «{' '.join(text.split())}»" for line, text in above
                 if text.strip()]
    columns = _header(records[index][1], shown, titles_line)
    rows: list[Row] = []
    for line, record in records[index + 1:]:
        cells = {}
        for column in columns:
            value = record[column.number - 1] if column.number - 1 < len(record) else ""
            if value.strip():
                cells[column.name] = value
        last = columns[-1].number
        extra = [value for value in record[last:] if value.strip()]
        if extra:
            raise _fail(shown, f"baris ini berisi {len(record)} sel, lebih banyak dari {last} kolom berjudul; "
                               "periksa tanda kutip atau pemisah di baris ini", line, last + 1)
        if cells:
            rows.append(Row(line, cells))
    return Table(path, shown, "csv", columns, rows, detected)


HEADER_SEARCH = 10
"""The header is looked for among this many first rows (a title row or a blank row may stand above it)."""


def _filled(cell: Any) -> bool:
    return cell is not None and bool(str(cell).strip())


def header_index(records: list[list[Any]], counts: list[int] | None = None) -> int | None:
    """The header row: the first of the first rows that fills at least half as many cells as the fullest of
    them (a report title above the table fills one). ``counts``: the cells each row fills, when merged cells
    make it more than its values say."""
    if counts is None:
        counts = [sum(1 for cell in record if _filled(cell)) for record in records]
    if not counts or max(counts) == 0:
        return None
    least = max(1, (max(counts) + 1) // 2)
    return next(index for index, count in enumerate(counts) if count >= least)


def _header(titles: list[Any], shown: str, line: int) -> list[Column]:
    columns: list[Column] = []
    seen: dict[str, int] = {}
    for number, title in enumerate(titles, start=1):
        name = " ".join(str(title).split()) if title is not None else ""
        if not name:
            continue
        if name in seen:
            raise _fail(shown, f"judul kolom '{name}' ditulis dua kali (kolom {column_letter(seen[name])} dan "
                               f"{column_letter(number)}); beri nama yang berbeda", line, number)
        seen[name] = number
        columns.append(Column(name, number))
    return columns


# -- XLSX -----------------------------------------------------------------------------------------------------


def read_xlsx(path: Path, shown: str, sheet: str | None) -> Table:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _fail(shown, f"bukan berkas Excel (.xlsx) yang dapat dibaca: {exc}") from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise RancangError([Diagnostic("P436", f"lembar '{sheet}' tidak ada; lembar di berkas ini: "
                                               + ", ".join(names), Location(shown))])
    chosen = sheet or ("inovasi" if "inovasi" in names else names[0])
    work = book[chosen]
    merged = list(work.merged_cells.ranges)
    first = [list(values) for values in work.iter_rows(min_row=1, max_row=HEADER_SEARCH, values_only=True)]
    index = header_index(first, _merged_counts(first, merged))
    if index is None:
        return Table(path, shown, "xlsx", [], [], [f"lembar: {chosen}"])
    head = index + 1  # the sheet's row number of the (first) header row

    def spanning(row: int, col: int):
        for r in merged:
            if r.min_row <= row <= r.max_row and r.min_col <= col <= r.max_col:
                return r
        return None

    header_rows = 2 if any(r.min_row == head and (r.max_col > r.min_col or r.max_row > head) for r in merged) else 1
    top = first[index]
    titles: list[str | None] = []
    if header_rows == 1:
        titles = [None if v is None else str(v) for v in top]
    else:
        second = first[index + 1] if index + 1 < len(first) else []
        for col in range(1, max(len(top), len(second)) + 1):
            span = spanning(head, col)
            parent = work.cell(span.min_row, span.min_col).value if span else top[col - 1] if col <= len(top) else None
            child = second[col - 1] if col <= len(second) else None
            if span is not None and span.max_row > head:
                child = None  # one title over both header rows
            parts = [" ".join(str(p).split()) for p in (parent, child) if p is not None and str(p).strip()]
            titles.append(" / ".join(parts) if parts else None)
    columns = _header(titles, shown, head)
    rows: list[Row] = []
    start = head + header_rows
    for number, values in enumerate(work.iter_rows(min_row=start, values_only=True), start=start):
        cells = {}
        for column in columns:
            value = values[column.number - 1] if column.number - 1 < len(values) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            cells[column.name] = value
        if cells:
            rows.append(Row(number, cells))
    detected = [f"lembar: {chosen}" + (f" (lembar lain: {', '.join(n for n in names if n != chosen)})"
                                       if len(names) > 1 else "")]
    for number, values in enumerate(first[:index], start=1):
        text = " ".join(" ".join(str(v).split()) for v in values if v is not None and str(v).strip())
        if text:
            detected.append(f"baris {number} di atas judul kolom dilewati: «{text}»")
    if header_rows == 2:
        detected.append(f"judul kolom: dua baris (sel gabungan di baris {head}), digabung 'Induk / Anak'")
    return Table(path, shown, "xlsx", columns, rows, detected)


def _merged_counts(rows: list[list[Any]], merged: list[Any]) -> list[int]:
    """How many columns each row fills, a merged cell counting for every column under it (the parent titles of
    a two-row header); a row with one value only (a report title, merged over the table or not) counts one."""
    counts = []
    for number, values in enumerate(rows, start=1):
        own = {col for col, cell in enumerate(values, start=1) if _filled(cell)}
        if len(own) <= 1:
            counts.append(len(own))
            continue
        filled = set(own)
        for span in merged:
            if span.min_row <= number <= span.max_row:
                top = rows[span.min_row - 1] if span.min_row - 1 < len(rows) else []
                if span.min_col - 1 < len(top) and _filled(top[span.min_col - 1]):
                    filled.update(range(span.min_col, span.max_col + 1))
        counts.append(len(filled))
    return counts


# -- JSON -----------------------------------------------------------------------------------------------------


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_SPACE = re.compile(r"\s*")


def read_json(path: Path, shown: str) -> Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(shown, f"JSON harus UTF-8; bita ke-{exc.start + 1} bukan UTF-8") from None
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(shown, f"JSON tidak sah: {exc.msg}", exc.lineno, exc.colno) from None
    if isinstance(whole, dict):
        lists = [key for key, value in whole.items() if isinstance(value, list)]
        raise _fail(shown, "JSON harus berupa daftar objek [{...}, {...}]"
                    + (f"; daftarnya ada di kunci '{lists[0]}'?" if lists else ""), 1, 1)
    if not isinstance(whole, list):
        raise _fail(shown, "JSON harus berupa daftar objek [{...}, {...}]", 1, 1)
    # Where each object and each of its keys begins: decode the list again item by item.
    decoder = json.JSONDecoder()
    index = _SPACE.match(text).end() + 1
    columns: dict[str, Column] = {}
    rows: list[Row] = []
    for item in whole:
        index = _SPACE.match(text, index).end()
        if text[index] == ",":
            index = _SPACE.match(text, index + 1).end()
        start = index
        _, index = decoder.raw_decode(text, index)
        line, col = _line_col(text, start)
        if not isinstance(item, dict):
            raise _fail(shown, "setiap butir daftar harus berupa objek {...}", line, col)
        cells, places = {}, {}
        for key, value in item.items():
            name = str(key)
            if name not in columns:
                columns[name] = Column(name, len(columns) + 1)
            if value is None or value == "" or value == [] or value == {}:
                continue
            cells[name] = value
            found = text.find(json.dumps(name, ensure_ascii=False), start, index)
            if found < 0:
                found = text.find(json.dumps(name), start, index)
            places[name] = _line_col(text, found) if found >= 0 else (line, col)
        rows.append(Row(line, cells, places))
    return Table(path, shown, "json", list(columns.values()), rows, ["bentuk: daftar objek JSON"])
