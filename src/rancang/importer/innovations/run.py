"""``rancang impor inovasi FILE``: read the table, map it, convert every cell, validate every profile, and only
then write -- profiles, new agencies and aliases, images and the report -- or, with ``--coba``, nothing.

The report (``impor/<stem>.impor.md``, outside ``kb/`` so no build reads it) states what was detected
(encoding, delimiter, sheet, header rows, mapping), what was written, which agency each spelling became, and
every cell whose words are not all in the written profile (a converted date or choice, an agency name, a
column not mapped, what the HTML conversion dropped), with its row and column. The word ledger checks that:
every word of every source cell is in the profile written from its row or in the report.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rancang.diagnostics import Diagnostic, Location, RancangError, Severity
from rancang.fileio import atomic_write_bytes
from rancang.importer.innovations import convert as cv
from rancang.importer.innovations.mapping import (AGENCY_NAME_KEY, ID_KEY, TARGETS, Kind, Mapping, Rule,
                                                  choose)
from rancang.importer.innovations.tables import Row, Table, read_table
from rancang.layout import Layout, display_path
from rancang.models.base import ID_PATTERN
from rancang.models.catalogue import Agency
from rancang.models.innovation import IMAGE_MAX_BYTES, Innovation
from rancang.progress import NO_PROGRESS, Progress

REPORT_FOLDER = "impor"
"""Reports of ``rancang impor inovasi``: ``impor/<stem>.impor.md`` (outside the data folders)."""

IMAGE_FOLDER = "kb/gambar"
IMAGE_SUFFIX = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "svg": "svg"}
AGENCY_KEY = "perangkat_daerah"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/inovasi.schema.json"
ORDER = [info.alias or name for name, info in Innovation.model_fields.items()]


@dataclass
class CellNote:
    column: str
    text: str
    """The source text (the cell as text)."""
    what: str
    """What became of it, in Indonesian."""


@dataclass
class Planned:
    row: Row
    record_id: str
    path: Path
    data: dict
    keys: list[str]
    """Top-level keys this row fills (what --perbarui replaces)."""
    columns: dict[str, str] = field(default_factory=dict)
    """Dotted key -> source column it came from."""
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Column -> what was done to its value."""
    images: list[tuple[Path, bytes]] = field(default_factory=list)
    """Image files to write (path, content)."""
    found_images: list[tuple[str, Any]] = field(default_factory=list)
    """(key, converted image) from the Markdown fields, before they are named."""
    action: str = "baru"
    """baru | diperbarui | sama"""
    text: str = ""
    reported: list[CellNote] = field(default_factory=list)
    words: dict[str, list[str]] = field(default_factory=dict)
    """Column -> the words of its cell (counted once)."""


@dataclass
class AgencyUse:
    spelling: str
    agency_id: str
    how: str
    """id | nama | huruf_besar | alias | singkatan | ejaan | baru"""
    rows: list[int] = field(default_factory=list)


@dataclass
class Ledger:
    total: int = 0
    in_record: int = 0
    in_report: int = 0
    missing: list[tuple[str, int, str]] = field(default_factory=list)
    """(word, row, column) found nowhere -- always empty unless rancang has a bug."""


@dataclass
class Result:
    root: Path
    source: Path
    table: Table
    mapping: Mapping
    planned: list[Planned]
    report_path: Path
    report: str
    new_agencies: list[dict]
    new_aliases: list[tuple[str, str]]
    agency_uses: list[AgencyUse]
    warnings: list[Diagnostic]
    skipped_rows: list[tuple[Row, str, str]]
    """(row, column, text) of rows with no mapped column."""
    ledger: Ledger
    written: bool

    def count(self, action: str) -> int:
        return sum(1 for p in self.planned if p.action == action)


# -- YAML text ------------------------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter when present: 10x faster
    pass


def _represent_text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    if style is None and re.fullmatch(r"0\d+", value):
        style = "'"  # a phone number keeps its leading zero
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


def _ordered(data: dict) -> dict:
    return {key: data[key] for key in sorted(data, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))}


def record_text(data: dict, source: str, where: str) -> str:
    header = [SCHEMA_LINE, f"## Diimpor dari {source} ({where}) oleh 'rancang impor inovasi'."]
    return "\n".join(header) + "\n" + dump(_ordered(data))


def replace_keys(text: str, shown: str, values: dict[str, Any]) -> str:
    """``text`` with the top-level keys of ``values`` replaced (or appended), every other line -- comments
    included -- as it was. Raises P439 when the file is not a block mapping."""
    from yaml.nodes import MappingNode

    from rancang.yamlsource import compose

    node, problems = compose(text, shown)
    if problems or not isinstance(node, MappingNode) or node.flow_style:
        raise RancangError(problems or [Diagnostic("P439", "profil ini bukan pemetaan YAML gaya blok; kuncinya "
                                                           "tidak dapat diganti", Location(shown, 1, 1))])
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    starts = [(key.value, key.start_mark.line) for key, _ in node.value]
    spans: dict[str, tuple[int, int]] = {}
    for index, (key, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(lines)
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1  # blank lines and comments before the next key stay with it
        spans[key] = (start, end)
    appended: list[str] = []
    replacements: list[tuple[int, int, str]] = []
    for key, value in values.items():
        new = dump({key: value})
        if key in spans:
            start, end = spans[key]
            replacements.append((start, end, new))
        else:
            appended.append(new)
    for start, end, new in sorted(replacements, reverse=True):
        lines[start:end] = [new]
    return "".join(lines) + "".join(appended)


# -- agencies -------------------------------------------------------------------------------------------------


def _scalar(text: str) -> str:
    if re.fullmatch(r"[A-Za-zÀ-ÿ0-9][\w .,()/&'’-]*", text) and not re.search(r"[:#]", text) and \
            text.strip() == text and not re.fullmatch(r"[\d.,-]+|true|false|null|yes|no|on|off", text, re.I):
        return text
    return json.dumps(text, ensure_ascii=False)


def agency_entry(entry: dict, source: str) -> str:
    out = [f"- id: {entry['id']}", f"  nama: {_scalar(entry['nama'])}"]
    if entry.get("singkatan"):
        out.append(f"  singkatan: {_scalar(entry['singkatan'])}")
    if entry.get("alias"):
        out.append("  alias:")
        out += [f"    - {_scalar(alias)}" for alias in entry["alias"]]
    out.append(f"  ## Ditambahkan oleh rancang impor inovasi dari {source}.")
    return "\n".join(out) + "\n"


def agencies_text(text: str, shown: str, new: list[dict], aliases: list[tuple[str, str]], source: str) -> str:
    """The agencies file with ``aliases`` ((id, spelling) of existing entries) inserted and ``new`` entries
    appended -- no other line changes (P439 where an entry is written in flow style)."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from rancang.yamlsource import compose, is_empty_list, without_node

    node, problems = compose(text, shown)
    if problems:
        raise RancangError(problems)
    if is_empty_list(node):
        text, node = without_node(text, node), None  # "[]" (nothing listed yet): the entries follow in block style
    elif node is not None and (not isinstance(node, SequenceNode) or node.flow_style):
        raise RancangError([Diagnostic("P439", "daftar perangkat daerah harus ditulis dalam gaya blok (- id: ...); "
                                               "perangkat daerah baru tidak dapat ditambahkan",
                                       Location(shown, node.start_mark.line + 1, node.start_mark.column + 1))])
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if aliases:
        if not isinstance(node, SequenceNode):  # aliases are added only to entries that are there
            raise RancangError([Diagnostic("P439", "daftar perangkat daerah harus ditulis dalam gaya blok "
                                                   "(- id: ...)", Location(shown, 1, 1))])
        entries: dict[str, MappingNode] = {}
        for item in node.value:
            if isinstance(item, MappingNode):
                for key, value in item.value:
                    if key.value == "id" and isinstance(value, ScalarNode):
                        entries[value.value] = item
        grouped: dict[str, list[str]] = {}
        for agency_id, spelling in aliases:
            grouped.setdefault(agency_id, []).append(spelling)
        inserts: list[tuple[int, list[str]]] = []
        for agency_id, spellings in grouped.items():
            item = entries[agency_id]
            if item.flow_style:
                raise RancangError([Diagnostic("P439", f"perangkat daerah '{agency_id}' ditulis dalam gaya alir "
                                                       "{...}; alias tidak dapat ditambahkan",
                                               Location(shown, item.start_mark.line + 1, item.start_mark.column + 1))])
            column = item.value[0][0].start_mark.column
            existing = next((value for key, value in item.value if key.value == "alias"), None)
            if isinstance(existing, SequenceNode) and not existing.flow_style and existing.value:
                last = existing.value[-1]
                indent = last.start_mark.column - 2
                after = _end_line(last)
                inserts.append((after, [f"{' ' * indent}- {_scalar(s)}\n" for s in spellings]))
            elif existing is not None:
                raise RancangError([Diagnostic("P439", f"alias perangkat daerah '{agency_id}' tidak ditulis "
                                                       "sebagai daftar gaya blok; tambahkan aliasnya sendiri",
                                               Location(shown, existing.start_mark.line + 1,
                                                        existing.start_mark.column + 1))])
            else:
                after = _end_line(item.value[-1][1])
                inserts.append((after, [f"{' ' * column}alias:\n"]
                                + [f"{' ' * column}  - {_scalar(s)}\n" for s in spellings]))
        for after, new_lines in sorted(inserts, reverse=True):
            lines[after:after] = new_lines
    out = "".join(lines)
    if new:
        if out and not out.endswith("\n\n"):
            out += "\n"
        out += "\n".join(agency_entry(entry, source) for entry in new)
    return out


def _end_line(node) -> int:
    """The index of the line after the last line of ``node`` (a block scalar ends at the next line's
    start)."""
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


AGENCIES_HEADER = ("# yaml-language-server: $schema=../schemas/perangkat-daerah.schema.json\n"
                   "## Perangkat daerah yang dirujuk oleh profil inovasi.\n\n")


# -- the import -----------------------------------------------------------------------------------------------


class _Agencies:
    """The knowledge base's agencies and those this import adds, and how each source spelling was read."""

    def __init__(self, known: dict[str, Agency], region: str | None):
        self.known = dict(known)
        self.region = region
        self.new: dict[str, dict] = {}
        self.aliases: list[tuple[str, str]] = []
        self.uses: dict[str, AgencyUse] = {}

    def _spellings(self, agency_id: str) -> set[str]:
        agency = self.known[agency_id]
        names = {agency.name, agency.short_name or "", *getattr(agency, "aliases", [])}
        return {" ".join(n.split()).casefold() for n in names if n}

    def resolve(self, spelling: str, row: int, name_hint: str | None = None) -> AgencyUse:
        from rancang.language import agencies

        spelling = " ".join(spelling.split())
        use = self.uses.get(spelling)
        if use is None:
            use = self._resolve(spelling, name_hint, agencies)
            self.uses[spelling] = use
        use.rows.append(row)
        return use

    def _resolve(self, spelling: str, name_hint: str | None, agencies) -> AgencyUse:
        if spelling in self.known:
            return AgencyUse(spelling, spelling, "id")
        if ID_PATTERN.match(spelling) and name_hint:  # our own export: an id and its name
            found = agencies.match(name_hint, self.known, wilayah=self.region)
            if found is not None:
                return AgencyUse(spelling, found.id, found.how)
            self._add(spelling, name_hint)  # the id as the other site wrote it
            return AgencyUse(spelling, spelling, "baru")
        found = agencies.match(spelling, self.known, wilayah=self.region)
        if found is not None:
            alias = agencies.tidy_caps(spelling) or spelling
            if found.how in ("singkatan", "ejaan") and alias.casefold() not in self._spellings(found.id):
                self._alias(found.id, alias)
            return AgencyUse(spelling, found.id, found.how)
        name = agencies.tidy_caps(spelling) or spelling
        agency_id = self._add(cv.slug(name), name)
        return AgencyUse(spelling, agency_id, "baru" if name == spelling else "baru_huruf_besar")

    def _alias(self, agency_id: str, spelling: str) -> None:
        agency = self.known[agency_id]
        if agency_id in self.new:
            self.new[agency_id].setdefault("alias", []).append(spelling)
        else:
            self.aliases.append((agency_id, spelling))
        self.known[agency_id] = agency.model_copy(update={"aliases": [*getattr(agency, "aliases", []), spelling]})

    def _add(self, wanted: str, name: str) -> str:
        agency_id, n = wanted, 2
        while agency_id in self.known:
            agency_id, n = f"{wanted}-{n}", n + 1
        entry = {"id": agency_id, "nama": name}
        self.new[agency_id] = entry
        self.known[agency_id] = Agency.model_validate(entry)
        return agency_id

    def near(self) -> list[tuple[str, str, str]]:
        from rancang.language import agencies

        if not self.new:
            return []
        pairs = agencies.near_duplicates([(i, a.name) for i, a in self.known.items()])
        return [p for p in pairs if p[0] in self.new or p[1] in self.new]


def _set(data: dict, key: str, value: Any) -> bool:
    """Set a dotted key; False when it was already set."""
    parts = key.split(".")
    here = data
    for part in parts[:-1]:
        here = here.setdefault(part, {})
        if not isinstance(here, dict):
            return False
    if parts[-1] in here:
        return False
    here[parts[-1]] = value
    return True


def _load_settings_region(layout: Layout) -> str | None:
    from rancang.loader import load_file
    from rancang.models import FORMATS

    if not layout.settings_file.is_file():
        return None
    settings, problems = load_file(layout.settings_file, FORMATS["proyek"])
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors or settings is None:
        raise RancangError(errors or [Diagnostic("P401", "rancang.yaml tidak valid; perbaiki dulu",
                                                 Location(display_path(layout.settings_file)))])
    return settings.region_full_name


def _load_agencies(layout: Layout) -> dict[str, Agency]:
    from rancang.loader import load_file
    from rancang.models import FORMATS

    path = layout.agencies_file
    if not path.is_file():
        return {}
    agencies, problems = load_file(path, FORMATS["perangkat-daerah"])
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors or agencies is None:
        raise RancangError(errors + [Diagnostic(
            "P439", "perangkat daerah baru tidak dapat ditambahkan ke berkas yang tidak valid; perbaiki dulu "
                    "(rancang check)", Location(display_path(path)))])
    return {agency.id: agency for agency in agencies.root}


def _inside(root: Path, name: str) -> bool:
    """``name`` is a file of the project (a relative path that stays inside it)."""
    path = (root / name).resolve()
    return not Path(name).is_absolute() and path.is_relative_to(root.resolve()) and path.is_file()


def _published_agencies(source: Path) -> dict[str, str]:
    """Id -> name from ``perangkat-daerah.json`` beside another rancang site's ``inovasi.json``."""
    path = source.with_name("perangkat-daerah.json")
    if source.suffix.lower() != ".json" or not path.is_file():
        return {}
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(items, list):
        return {}
    return {str(i["id"]): str(i["nama"]) for i in items
            if isinstance(i, dict) and isinstance(i.get("id"), str) and isinstance(i.get("nama"), str)}


def _explain(exc: Any, data: dict, table: Table, planned: Planned) -> list[Diagnostic]:
    """Model errors of one record, located at the cell the value came from."""
    from rancang.validation import explain
    from rancang.yamlsource import Source

    out = []
    fake = Source(table.shown, data, None)  # type: ignore[arg-type]
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err.get("loc", ()) if not isinstance(p, int)]
        column = None
        for size in range(len(loc), 0, -1):
            prefix = ".".join(loc[:size])
            column = planned.columns.get(prefix) or next(
                (c for k, c in planned.columns.items() if k.startswith(prefix + ".")), None)
            if column:
                break
        if column is None:
            column = next(iter(planned.columns.values()), "")
        where = table.where(planned.row, column)
        for d in explain(Innovation, fake, [err]):
            out.append(Diagnostic(d.code, f"kolom '{column}': {d.message}", where, d.severity, d.suggestion))
    return out


def _source_words(value: Any) -> list[str]:
    """The words of a cell as the ledger counts them (an HTML narrative: the words of its text)."""
    from rancang.importer.innovations import html

    text = cv.source_text(value)
    if isinstance(value, str) and html.looks_like_html(text):
        return [w for part in html.plain_words(text) for w in cv.words(part)]
    return cv.words(cv.clean(text) if isinstance(value, str) else text)


def import_innovations(root: Path, source: Path, pemetaan: str | None = None, coba: bool = False,
                       perbarui: bool = False, lembar: str | None = None,
                       progress: Progress = NO_PROGRESS) -> Result:
    """Import ``source`` into the project at ``root``. Raises :class:`RancangError` with every problem.

    Its phases (reading the table, its rows, checking the profiles, the report, writing) and their counts go
    to ``progress``.
    """
    try:
        return _import_innovations(root, source, pemetaan, coba, perbarui, lembar, progress)
    finally:
        progress.end()


def _import_innovations(root: Path, source: Path, pemetaan: str | None, coba: bool, perbarui: bool,
                        lembar: str | None, progress: Progress) -> Result:
    layout = Layout(root)
    progress.phase("Membaca tabel")
    region = _load_settings_region(layout)
    known = _load_agencies(layout)
    shown = display_path(source)
    table = read_table(source, shown, lembar)
    mapping = choose(pemetaan, [c.name for c in table.columns], shown)
    rules: dict[str, Rule | None] = {c.name: mapping.rule(c.name) for c in table.columns}
    agencies = _Agencies(known, region)
    published = _published_agencies(source)
    errors: list[Diagnostic] = []
    planned: list[Planned] = []
    skipped: list[tuple[Row, str, str]] = []
    used_ids: set[str] = set()

    progress.phase("Mengubah baris menjadi profil", len(table.rows), "baris")
    for row in table.rows:
        progress.advance()
        data: dict = {}
        plan = Planned(row, "", Path(), data, [])
        explicit_id = None
        agency_cell: tuple[str, str] | None = None
        agency_name = None
        row_errors: list[Diagnostic] = []
        for column, value in row.cells.items():
            rule = rules.get(column)
            if rule is None or rule.key is None:
                plan.notes.setdefault(column, []).append("kolom tidak dipetakan, tidak diimpor")
                continue
            key = rule.key
            if key == ID_KEY:
                explicit_id = " ".join(cv.source_text(value).split())
                plan.columns.setdefault(ID_KEY, column)
                continue
            if key == AGENCY_NAME_KEY:
                agency_name = " ".join(cv.source_text(value).split())
                plan.notes.setdefault(column, []).append("nama perangkat daerah (lihat bagian Perangkat daerah)")
                continue
            if key == AGENCY_KEY:
                agency_cell = (column, " ".join(cv.source_text(value).split()))
                plan.columns[key] = column
                continue
            kind: Kind = TARGETS[key]
            try:
                converted = cv.convert(value, kind, rule)
            except cv.CellProblem as problem:
                row_errors.append(Diagnostic("P433", f"kolom '{column}': {problem.message}",
                                             table.where(row, column), suggestion=problem.suggestion))
                continue
            except cv.NotImportable as why:
                plan.notes.setdefault(column, []).append(f"tidak diimpor: {why.reason}")
                continue
            if converted.value in ("", [], {}):
                continue
            if not _set(data, key, converted.value):
                plan.notes.setdefault(column, []).append(
                    f"tidak diimpor: '{key}' sudah diisi dari kolom '{plan.columns.get(key, '?')}'")
                continue
            plan.columns[key] = column
            plan.notes.setdefault(column, []).extend(converted.notes)
            plan.found_images += [(key, image) for image in converted.images]
        pictures = data.get("gambar")
        if isinstance(pictures, list) and "gambar" in plan.columns:  # another site's pictures: only files we have
            kept = [p for p in pictures if not isinstance(p, dict) or not isinstance(p.get("berkas"), str)
                    or _inside(root, p["berkas"])]
            for picture in pictures:
                if picture not in kept:
                    plan.notes.setdefault(plan.columns["gambar"], []).append(
                        f"gambar tidak diimpor: berkas {picture['berkas']} tidak ada di proyek ini (salin berkasnya "
                        f"lalu tambahkan sendiri): {picture.get('keterangan', '')}")
            if kept:
                data["gambar"] = kept
            else:
                del data["gambar"]
        if agency_cell is not None:
            column, spelling = agency_cell
            use = agencies.resolve(spelling, row.line, agency_name or published.get(spelling))
            data[AGENCY_KEY] = use.agency_id
            plan.notes.setdefault(column, []).append(f"perangkat daerah `{use.agency_id}` ({_HOW[use.how]})")
        if "nama" not in data:
            if any(rules.get(c) is not None and rules[c].key is not None for c in row.cells):
                name_columns = [c for c, r in rules.items() if r is not None and r.key == "nama"]
                where = table.where(row, name_columns[0]) if name_columns else Location(table.shown, row.line, 1)
                errors.append(Diagnostic("P434", "baris ini berisi data tetapi nama inovasinya kosong", where))
            else:
                skipped += [(row, column, cv.source_text(value)) for column, value in row.cells.items()]
            errors.extend(row_errors)
            continue
        errors.extend(row_errors)
        # the id: given by the source, else the name's slug; two rows never share one
        wanted = explicit_id if explicit_id and ID_PATTERN.match(explicit_id) else cv.slug(data["nama"])
        if explicit_id and wanted != explicit_id:
            plan.notes.setdefault(plan.columns[ID_KEY], []).append(f"id tidak valid, diganti `{wanted}`")
        record_id, n = wanted, 2
        while record_id in used_ids:
            record_id, n = f"{wanted}-{n}", n + 1
        used_ids.add(record_id)
        plan.record_id = record_id
        plan.path = layout.innovation_file(record_id)
        planned.append(plan)

    # images, named by the record's id
    unsaved: list[Diagnostic] = []
    for plan in planned:
        pictures = []
        for number, (key, image) in enumerate(plan.found_images, start=1):
            column = plan.columns.get(key, "")
            suffix = IMAGE_SUFFIX.get(image.kind)
            if suffix is None or len(image.data) > IMAGE_MAX_BYTES:
                reason = (f"jenis {image.kind} tidak didukung (PNG, JPEG, SVG)" if suffix is None
                          else "lebih besar dari 5 MB")
                message = f"gambar {image.index} isian '{key}' tidak disimpan ({reason})"
                plan.notes.setdefault(column, []).append(f"P437: {message}" + (f": «{image.alt}»" if image.alt else ""))
                unsaved.append(Diagnostic("P437", message, table.where(plan.row, column), Severity.WARNING))
                continue
            path = root / IMAGE_FOLDER / f"{plan.record_id}-{number}.{suffix}"
            extra = 1
            while path.exists() and path.read_bytes() != image.data:  # another picture: never overwritten
                path = root / IMAGE_FOLDER / f"{plan.record_id}-{number}-{extra}.{suffix}"
                extra += 1
            plan.images.append((path, image.data))
            caption = image.alt or f"Gambar {image.index} dari isian {key}"
            pictures.append({"berkas": f"{IMAGE_FOLDER}/{path.name}", "keterangan": caption})
        if pictures:
            plan.data.setdefault("gambar", [])
            if isinstance(plan.data["gambar"], list):
                plan.data["gambar"].extend(pictures)
                plan.columns.setdefault("gambar", next(iter(plan.columns.values())))

    # every record validated before anything is written
    progress.phase("Memeriksa profil", len(planned), "profil")
    for plan in planned:
        progress.advance()
        plan.keys = list(_ordered(plan.data))
        try:
            Innovation.model_validate(plan.data)
        except Exception as exc:  # pydantic ValidationError
            if not hasattr(exc, "errors"):
                raise
            errors.extend(_explain(exc, plan.data, table, plan))
            continue
        where = f"baris {plan.row.line}"
        if plan.path.exists():
            if not perbarui:
                name_column = plan.columns.get("nama", "")
                errors.append(Diagnostic(
                    "P435", f"profil {display_path(plan.path)} sudah ada dan tidak ditimpa; pakai --perbarui untuk "
                            "mengganti kunci yang dipetakan", table.where(plan.row, name_column)))
                continue
            old = plan.path.read_text(encoding="utf-8")
            plan.text = replace_keys(old, display_path(plan.path), _ordered(plan.data))
            plan.action = "sama" if plan.text == old else "diperbarui"
            _check_text(plan.text, plan.path, errors)
        else:
            plan.text = record_text(plan.data, source.name, where)
    if errors:
        raise RancangError(sorted(errors, key=lambda d: d.sort_key()))

    warnings: list[Diagnostic] = list(unsaved)
    for a, b, reason in agencies.near():
        warnings.append(Diagnostic("P438", f"perangkat daerah '{a}' dan '{b}' mungkin sama ({reason})",
                                   Location(display_path(layout.agencies_file)), Severity.WARNING,
                                   "bila sama, gabungkan dan tulis ejaan lainnya sebagai 'alias'"))
    agencies_file_text = None
    if agencies.new or agencies.aliases:
        path = layout.agencies_file
        old = path.read_text(encoding="utf-8") if path.is_file() else AGENCIES_HEADER
        agencies_file_text = agencies_text(old, display_path(path), list(agencies.new.values()), agencies.aliases,
                                           source.name)
        _check_agencies(agencies_file_text, path)

    progress.phase("Menyusun laporan impor")
    report_path = _report_path(root, source)
    ledger = _ledger(planned)
    result = Result(root, source, table, mapping, planned, report_path, "", list(agencies.new.values()),
                    list(agencies.aliases), list(agencies.uses.values()), warnings, skipped, ledger, not coba)
    result.report = render_report(result)
    result.ledger = _ledger_with_report(table, planned, skipped, result.report)
    result.report = render_report(result)
    if coba:
        return result
    progress.phase("Menulis profil", sum(1 for plan in planned if plan.action in ("baru", "diperbarui")), "profil")
    for plan in planned:
        for path, data in plan.images:
            if not (path.is_file() and path.read_bytes() == data):
                atomic_write_bytes(path, data)
    if agencies_file_text is not None:
        atomic_write_bytes(layout.agencies_file, agencies_file_text.encode("utf-8"))
    for plan in planned:
        if plan.action == "baru":
            try:
                atomic_write_bytes(plan.path, plan.text.encode("utf-8"), overwrite=False)
            except FileExistsError:
                raise RancangError([Diagnostic("P435", "profil dibuat oleh proses lain selama impor; tidak ditimpa",
                                               Location(display_path(plan.path)))]) from None
            progress.advance()
        elif plan.action == "diperbarui":
            atomic_write_bytes(plan.path, plan.text.encode("utf-8"))
            progress.advance()
    atomic_write_bytes(report_path, result.report.encode("utf-8"), overwrite=False)
    return result


_HOW = {"id": "id", "nama": "nama sama", "huruf_besar": "huruf besar lain", "alias": "alias",
        "singkatan": "singkatan, ditambahkan sebagai alias", "ejaan": "ejaan mirip, ditambahkan sebagai alias — "
        "periksa", "baru": "baru", "baru_huruf_besar": "baru, huruf besar dirapikan"}


def _check_text(text: str, path: Path, errors: list[Diagnostic]) -> None:
    from rancang.validation import validate
    from rancang.yamlsource import load_text

    source, problems = load_text(text, display_path(path))
    if source is None:
        errors.extend(problems)
        return
    _, found = validate(Innovation, source)
    errors.extend(problems + found)


def _check_agencies(text: str, path: Path) -> None:
    from rancang.models.catalogue import Agencies
    from rancang.validation import validate
    from rancang.yamlsource import load_text

    source, problems = load_text(text, display_path(path))
    found = validate(Agencies, source)[1] if source is not None else []
    if problems or found:
        raise RancangError(problems + found)


def _report_path(root: Path, source: Path) -> Path:
    folder = root / REPORT_FOLDER
    path, n = folder / f"{source.stem}.impor.md", 2
    while path.exists():
        path, n = folder / f"{source.stem}-{n}.impor.md", n + 1
    return path


# -- the ledger -------------------------------------------------------------------------------------------------


def _value_at(data: dict, key: str) -> Any:
    here: Any = data
    for part in key.split("."):
        if not isinstance(here, dict) or part not in here:
            return None
        here = here[part]
    return here


def _value_words(value: Any) -> list[str]:
    """The words of a written value (a nested value: its keys and values), as the YAML shows them."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [w for k, v in value.items() for w in cv.words(str(k)) + _value_words(v)]
    if isinstance(value, list):
        return [w for item in value for w in _value_words(item)]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return cv.words(value.isoformat() if hasattr(value, "isoformat") else str(value))


def _compact(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_compact(v) for v in value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


def _written(plan: Planned, column: str) -> tuple[str | None, Any]:
    """The key a cell filled and the value written there (None: the cell is not written as such)."""
    key = next((k for k, c in plan.columns.items() if c == column), None)
    if key == ID_KEY:
        return key, plan.record_id
    if key is None or key == AGENCY_KEY:
        return key, None
    return key, _value_at(plan.data, key)


LONG_CELL = 300
"""A cell longer than this is not quoted whole in the report (its words are in the profile), only the words
the profile lacks."""


def _plain(value: str) -> str:
    from rancang.importer.innovations import html

    return " ".join(html.plain_words(value))


def _is_html(value: Any) -> bool:
    from rancang.importer.innovations import html

    return isinstance(value, str) and html.looks_like_html(value)


def _ledger(planned: list[Planned]) -> Ledger:
    """Which cells' words are not all in the value written from them: those go to the report whole, with what
    became of them."""
    book = Ledger()
    for plan in planned:
        for column, value in plan.row.cells.items():
            key, written = _written(plan, column)
            available = Counter(_value_words(written))
            cell_words = plan.words[column] = _source_words(value)
            book.total += len(cell_words)
            lacking = []
            for word in cell_words:
                if available[word] > 0:
                    available[word] -= 1
                    book.in_record += 1
                else:
                    lacking.append(word)
            notes = plan.notes.get(column, [])
            if lacking or notes:
                what = "; ".join(notes) if notes else f"ditulis `{key}: {_compact(written)}`"
                text = _plain(value) if _is_html(value) else cv.source_text(value)
                if len(text) > LONG_CELL:  # a long narrative: only the words that are not in the profile
                    text = "kata yang tidak tertulis di profil: " + " ".join(lacking)
                plan.reported.append(CellNote(column, text, what))
    return book


def _ledger_with_report(table: Table, planned: list[Planned], skipped: list[tuple[Row, str, str]], report: str
                        ) -> Ledger:
    """Count again: a word not in the profile must be in the report's line of its row and column."""
    lines: dict[str, Counter] = {}
    for line in report.splitlines():
        if line.startswith("- baris ") and ": «" in line:  # "- <place>: «<text>» — <what>"
            place, rest = line[2:].split(": «", 1)
            lines.setdefault(place, Counter()).update(cv.words(rest))
    book = Ledger()
    for plan in planned:
        for column, value in plan.row.cells.items():
            written = _written(plan, column)[1]
            available = Counter(_value_words(written))
            there = lines.get(table.place(plan.row, column), Counter())
            for word in plan.words.get(column) or _source_words(value):
                book.total += 1
                if available[word] > 0:
                    available[word] -= 1
                    book.in_record += 1
                elif there[word] > 0:
                    there[word] -= 1
                    book.in_report += 1
                else:
                    book.missing.append((word, plan.row.line, column))
    for row, column, text in skipped:
        there = lines.get(table.place(row, column), Counter())
        for word in _source_words(row.cells[column]):
            book.total += 1
            if there[word] > 0:
                there[word] -= 1
                book.in_report += 1
            else:
                book.missing.append((word, row.line, column))
    return book


# -- the report -------------------------------------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return display_path(path)


def _quote(text: str) -> str:
    return "«" + " ".join(text.split()) + "»"


def render_report(result: Result) -> str:
    table = result.table
    out = [f"# Laporan impor inovasi: {result.source.name}", "",
           f"- Sumber: `{table.shown}` ({table.kind.upper()}; " + "; ".join(table.detected) + ")",
           f"- Pemetaan: {result.mapping.shown} — {result.mapping.name}",
           f"- Baris data: {len(table.rows)}; profil baru {result.count('baru')}, diperbarui "
           f"{result.count('diperbarui')}, sama {result.count('sama')}",
           "- Lokasi: " + ("baris dan kunci JSON" if table.kind == "json" else
                           "baris (nomor baris lembar kerja)" if table.kind == "xlsx" else
                           "baris berkas tempat baris data dimulai") + " dan kolom sumber",
           ("- Coba saja (--coba): tidak ada berkas yang ditulis" if not result.written else
            f"- Laporan ini: `{_relative(result.report_path, result.root)}`"), ""]
    book = result.ledger
    out += ["## Buku kata", "",
            f"{book.total} kata sumber: {book.in_record} ada di profil yang ditulis, {book.in_report} dicatat di "
            f"laporan ini, {len(book.missing)} tidak terlacak.", ""]
    if book.missing:
        out += [f"- baris {line}, kolom {column}: «{word}»" for word, line, column in book.missing[:200]] + [""]
    columns = [c for c in table.columns]
    out += ["## Kolom", "", "| kolom | judul | kunci profil |", "| --- | --- | --- |"]
    for column in columns:
        rule = result.mapping.rule(column.name)
        target = "—" if rule is None or rule.key is None else f"`{rule.key}`"
        out.append(f"| {column.letter if table.kind != 'json' else column.number} | {column.name} | {target} |")
    out.append("")
    out += ["## Profil", ""]
    for plan in result.planned:
        out.append(f"- baris {plan.row.line}: `{_relative(plan.path, result.root)}` ({plan.action})")
    out.append("")
    if result.agency_uses:
        out += ["## Perangkat daerah", ""]
        for use in sorted(result.agency_uses, key=lambda u: (u.agency_id, u.spelling)):
            rows = ", ".join(str(r) for r in use.rows[:10]) + (" …" if len(use.rows) > 10 else "")
            out.append(f"- {_quote(use.spelling)} → `{use.agency_id}` ({_HOW[use.how]}); baris {rows}")
        out.append("")
    if result.new_agencies or result.new_aliases:
        out += ["## Ditambahkan ke kb/perangkat-daerah.yaml", ""]
        out += [f"- `{entry['id']}`: {entry['nama']}" + (f" (alias: {', '.join(entry['alias'])})"
                                                         if entry.get("alias") else "")
                for entry in result.new_agencies]
        out += [f"- alias `{agency_id}`: {spelling}" for agency_id, spelling in result.new_aliases]
        out.append("")
    if result.warnings:
        out += ["## Perlu diperiksa", ""]
        out += [f"- {d.format()}" for d in result.warnings] + [""]
    cells = [(plan, note) for plan in result.planned for note in plan.reported]
    if cells or result.skipped_rows:
        out += ["## Isi sel yang tidak tertulis apa adanya di profil", "",
                "Setiap sel yang kata-katanya tidak semuanya ada di profil hasil: teks sumbernya dan apa yang "
                "terjadi padanya.", ""]
        for plan, note in cells:
            out.append(f"- {table.place(plan.row, note.column)}: {_quote(note.text)} — {note.what}")
        for row, column, text in result.skipped_rows:
            out.append(f"- {table.place(row, column)}: {_quote(text)} — baris tanpa kolom yang dipetakan, tidak "
                       "diimpor")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
