"""``rancang impor peraturan FILE``: the stages in order, the YAML and the report written, nothing overwritten.

The report (``regulations/<id>.impor.md``) is the drafter's worklist: what was dropped (page numbers,
running heads, 'ttd'), what was repaired, what was not recognised, numbering gaps, references left as
text, catalogue entries, and every place where ``rancang draft`` would write other words than the
source (``pembakuan``). It ends with the word ledger: every word of the source is either in the
document ``rancang draft`` writes from the YAML or in this report, with its line.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import time
from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

import yaml

from rancang.check import check_project
from rancang.diagnostics import Diagnostic, Location, RancangError, Report
from rancang.drafting.engine import build
from rancang.fileio import atomic_write_bytes
from rancang.importer import citations, clean, extract, references
from rancang.importer.compare import Comparison, compare
from rancang.importer.generate import KIND_SHORT, Generated, generate
from rancang.importer.parse import parse
from rancang.importer.tree import NOTE_KINDS, Note, Parsed, SourceLine
from rancang.layout import Layout, display_path
from rancang.models.catalogue import LegalBasis
from rancang.models.regulation import Regulation
from rancang.progress import NO_PROGRESS, Progress

WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+")
LONG_LINE = 200
"""A text file with a line longer than this holds whole paragraphs per line, not a broken layout."""


TEMPLATE_WORDS = ("Menimbang", "Mengingat")
"""Words the regulation template writes itself (the drafted tree holds only what follows them)."""


OFFICE_SPELLINGS = re.compile(r"\bwalikota\b", re.I)
"""'Walikota' and 'Wali Kota': one office, spelt as the project's ``ejaan_jabatan`` says (reported apart)."""


def words(text: str) -> list[str]:
    """Words for the ledger: letters and digits, case-folded (titles are written in capitals); the office's
    two spellings count as one word."""
    return [word.lower() for word in WORD.findall(OFFICE_SPELLINGS.sub("wali kota", text))]


@dataclass
class Ledger:
    """Every source word, and where it went."""

    total: int = 0
    in_document: int = 0
    in_report: int = 0
    missing: list[tuple[str, int]] = field(default_factory=list)
    """(word, source line) of words found in neither."""


@dataclass
class Imported:
    record_id: str
    yaml_path: Path
    report_path: Path
    data: dict
    notes: list[Note]
    comparison: Comparison | None
    ledger: Ledger
    added_entries: list[str]
    problems: list[Diagnostic]
    seconds: float
    source_lines: list[SourceLine]


def _strings(value: Any, out: list[str]) -> None:
    """Every text of a drafted document (dataclasses, lists, spans), anchors and sources left out."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _strings(item, out)
    elif is_dataclass(value):
        for item in fields(value):
            if item.name in ("anchor", "source", "target", "url", "path"):
                continue
            _strings(getattr(value, item.name), out)


def ledger(lines: list[SourceLine], document: Any, notes: list[Note]) -> Ledger:
    result = Ledger()
    rendered: list[str] = []
    _strings(document, rendered)
    available = Counter(word for text in [*rendered, *TEMPLATE_WORDS] for word in words(text))
    reported = Counter(word for note in notes for word in words(note.text))
    for line in lines:
        for word in words(line.text):
            result.total += 1
            if available[word] > 0:
                available[word] -= 1
                result.in_document += 1
            elif reported[word] > 0:
                reported[word] -= 1
                result.in_report += 1
            else:
                result.missing.append((word, line.line))
    return result


def to_yaml(data: dict, header: list[str]) -> str:
    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str):
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    return "".join(f"## {line}\n" if line else "##\n" for line in header) + body


def _whole_paragraphs(source: Path, lines: list[SourceLine]) -> bool:
    if source.suffix.lower() == ".docx":
        return True
    if source.suffix.lower() == ".pdf":
        return False
    return any(len(line.text) > LONG_LINE for line in lines)


def import_regulation(root: Path, source: Path, out: Path | None = None, katalog: bool = False,
                      progress: Progress = NO_PROGRESS) -> Imported:
    """Import ``source`` into the project at ``root``. Raises :class:`RancangError` on bad input.

    Its phases (reading, parsing, comparing with what ``rancang draft`` writes, writing) go to ``progress``.
    """
    try:
        return _import_regulation(root, source, out, katalog, progress)
    finally:
        progress.end()


def _import_regulation(root: Path, source: Path, out: Path | None, katalog: bool, progress: Progress) -> Imported:
    started = time.perf_counter()
    layout = Layout(root)
    progress.phase("Membaca naskah")
    project = check_project(root, [p for p in (layout.settings_file, layout.catalogue_file) if p.exists()])
    if project.report.errors or project.data.settings is None:
        raise RancangError(project.report.errors or [
            Diagnostic("P401", "rancang.yaml tidak valid; perbaiki dulu", Location(display_path(layout.settings_file)))])
    settings = project.data.settings
    catalogue = dict(project.data.catalogue)
    if source.suffix.lower() == ".xml":
        return _import_akn(root, source, out, katalog, project.data, progress, started)

    lines = extract.read_source(source)
    if not any(line.text.strip() for line in lines):
        raise RancangError([Diagnostic("P420", "berkas tidak berisi teks yang dapat dibaca",
                                       Location(display_path(source)))])
    whole = _whole_paragraphs(source, lines)
    progress.phase("Mengurai naskah", len(lines), "baris")
    cleaned, clean_notes = clean.clean(lines)
    parsed = parse(cleaned, whole)
    if parsed.kind is None or not parsed.body:
        raise RancangError([Diagnostic(
            "P420", "tidak dikenali sebagai peraturan: judul 'PERATURAN WALI KOTA/BUPATI/DAERAH ...' atau "
            "pasal tidak ditemukan", Location(display_path(source)))])
    snapshot = copy.deepcopy(parsed.body)
    definitions_article = _definitions_article(parsed)
    reference_notes = references.link_references(parsed.body, definitions_article)
    generated = generate(parsed, settings.region_full_name, list(catalogue.values()), source.name, whole)

    if out is not None and (out.suffix != ".yaml" or out.parent.resolve() != layout.regulations.resolve()):
        raise RancangError([Diagnostic(
            "P422", f"berkas hasil harus berupa {display_path(layout.regulations)}/<id>.yaml agar dapat diperiksa dan "
            "dibuat dokumennya", Location(display_path(out)))])
    record_id = out.stem if out is not None else generated.record_id
    yaml_path = out if out is not None else layout.regulation_file(record_id)
    report_path = yaml_path.with_name(f"{yaml_path.stem}.impor.md")
    existing = [path for path in (yaml_path, report_path) if path.exists()]
    if existing:
        raise RancangError([Diagnostic("P421", "sudah ada; rancang impor tidak menimpa berkas — pakai -o NAMA.yaml "
                                               "atau pindahkan berkas lama", Location(display_path(path)))
                            for path in existing])

    notes = [*clean_notes, *parsed.notes, *reference_notes, *generated.notes]
    merged = dict(catalogue)
    for entry in generated.new_entries:
        try:
            merged[entry["id"]] = LegalBasis.model_validate(entry)
        except Exception:  # noqa: BLE001 - reported below through check
            pass
    progress.advance(len(lines))
    progress.phase("Membandingkan dengan rancang draft")
    comparison = None
    document = None
    try:
        regulation = Regulation.model_validate(generated.data)
    except Exception:  # noqa: BLE001 - the written file is checked and its problems reported
        regulation = None
    if regulation is not None:
        document, _problems = build(regulation, settings, merged)
        comparison = compare(snapshot, parsed, document)
        notes.extend(comparison.notes)
    book = ledger(lines, document, notes) if document is not None else Ledger(total=sum(
        len(words(line.text)) for line in lines))

    header = [f"Diimpor dari {source.name} oleh 'rancang impor peraturan'.",
              f"Laporan impor: {report_path.name} — baca sebelum memakai berkas ini.",
              "Nomor BAB, Pasal, ayat, dan huruf dibuat otomatis oleh rancang; rujukan ditulis [[id]]."]
    progress.phase("Menulis dan memeriksa hasil")
    atomic_write_bytes(yaml_path, to_yaml(generated.data, header).encode("utf-8"))
    added: list[str] = []
    if katalog and generated.new_entries:
        citations.append_entries(layout.catalogue_file, generated.new_entries, source.name)
        added = [entry["id"] for entry in generated.new_entries]
    checked = check_project(root, [yaml_path, layout.catalogue_file])
    problems = [d for d in checked.report.diagnostics if display_path(yaml_path) in str(d.location)]
    imported = Imported(record_id, yaml_path, report_path, generated.data, notes, comparison, book, added,
                        problems, time.perf_counter() - started, lines)
    atomic_write_bytes(report_path, render_report(imported, source).encode("utf-8"))
    return imported


AKN_KIND_SHORT = {**KIND_SHORT, "keputusan_wali_kota": "kepwali", "keputusan_bupati": "kepbup"}


def _output_paths(layout: Layout, out: Path | None, record_id: str) -> tuple[Path, Path]:
    """The YAML and report to write: ``regulations/<id>.yaml`` (P422 elsewhere), never over a file (P421)."""
    if out is not None and (out.suffix != ".yaml" or out.parent.resolve() != layout.regulations.resolve()):
        raise RancangError([Diagnostic(
            "P422", f"berkas hasil harus berupa {display_path(layout.regulations)}/<id>.yaml agar dapat diperiksa dan "
            "dibuat dokumennya", Location(display_path(out)))])
    yaml_path = out if out is not None else layout.regulation_file(record_id)
    report_path = yaml_path.with_name(f"{yaml_path.stem}.impor.md")
    existing = [path for path in (yaml_path, report_path) if path.exists()]
    if existing:
        raise RancangError([Diagnostic("P421", "sudah ada; rancang impor tidak menimpa berkas — pakai -o NAMA.yaml "
                                               "atau pindahkan berkas lama", Location(display_path(path)))
                            for path in existing])
    return yaml_path, report_path


def _import_akn(root: Path, source: Path, out: Path | None, katalog: bool, data: Any, progress: Progress,
                started: float) -> Imported:
    """An Akoma Ntoso document (``rancang ekspor akn`` of this or another rancang project of the region) back
    into regulation YAML: structure and references are read, not parsed from text, so the report has only the
    word ledger (every word of the document is in what ``rancang draft`` writes from the YAML)."""
    from rancang.importer import akn
    from rancang.importer.generate import _slug

    layout = Layout(root)
    settings, catalogue = data.settings, dict(data.catalogue)
    new_entries = citations.CatalogueImport(catalogue, source.name) if katalog else None
    read = akn.read_akn_file(source, display_path(source), settings, catalogue, catalogue_import=new_entries,
                             project=data, record_id=out.stem if out is not None else "")
    added_entries = new_entries.entries if new_entries is not None else []
    merged = dict(catalogue)
    for entry in added_entries:
        merged[entry["id"]] = LegalBasis.model_validate(entry)
    short = AKN_KIND_SHORT.get(read.get("jenis", ""), "peraturan")
    if read.get("nomor") is not None and read.get("tahun") is not None:
        record_id = f"{short}-{read['nomor']}-{read['tahun']}"
    else:
        record_id = akn.draft_name(source.read_bytes()) or f"{short}-{_slug(read['tentang'])}"[:80].rstrip("-")
    yaml_path, report_path = _output_paths(layout, out, out.stem if out is not None else _slug(record_id))
    progress.phase("Membandingkan dengan rancang draft")
    lines = [SourceLine(text, position) for position, text in akn.text_blocks(source.read_bytes())]
    document = None
    try:
        regulation = Regulation.model_validate(read)
        if read.get("mengubah") in data.regulations:  # a whole-text Perubahan: its Pasal I is what the AKN holds
            from rancang.drafting import amendment

            placed = dataclasses.replace(data, regulations={**data.regulations, yaml_path.stem: regulation},
                                         catalogue=merged)
            built = amendment.build(yaml_path.stem, placed)
            document = built.document if built is not None else None
        else:
            document, _problems = build(regulation, settings, merged, innovations=data.innovations,
                                        agencies=data.agencies)
    except Exception:  # noqa: BLE001 - the written file is checked and its problems reported
        document = None
    book = ledger(lines, document, []) if document is not None else Ledger(
        total=sum(len(words(line.text)) for line in lines))
    header = [f"Diimpor dari {source.name} (Akoma Ntoso) oleh 'rancang impor peraturan'.",
              f"Laporan impor: {report_path.name}.",
              "Nomor BAB, Pasal, ayat, dan huruf dibuat otomatis oleh rancang; rujukan ditulis [[id]]."]
    progress.phase("Menulis dan memeriksa hasil")
    atomic_write_bytes(yaml_path, to_yaml(read, header).encode("utf-8"))
    if added_entries:
        citations.append_entries(layout.catalogue_file, added_entries, source.name)
    checked = check_project(root, [yaml_path, layout.catalogue_file])
    problems = [d for d in checked.report.diagnostics if display_path(yaml_path) in str(d.location)]
    imported = Imported(yaml_path.stem, yaml_path, report_path, read, [], None, book,
                        [entry["id"] for entry in added_entries], problems, time.perf_counter() - started, lines)
    atomic_write_bytes(report_path, render_report(imported, source).encode("utf-8"))
    return imported


def _definitions_article(parsed: Parsed) -> int | None:
    from rancang.importer.parse import RE_DEFINITIONS

    for top in parsed.body:
        for node in top.walk():
            if node.kind == "pasal":
                return node.number if node.text and RE_DEFINITIONS.match(node.text.strip()) else None
    return None


def _where(lines: tuple[int, ...]) -> str:
    if not lines:
        return "—"
    ordered = sorted(set(lines))
    if len(ordered) == 1:
        return str(ordered[0])
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(n) for n in ordered[:8]) + (" …" if len(ordered) > 8 else "")


def render_report(imported: Imported, source: Path) -> str:
    unit = {".docx": "paragraf", ".xml": "unsur teks"}.get(source.suffix.lower(), "baris")
    out = [f"# Laporan impor: {source.name}", "",
           f"- Berkas hasil: `{display_path(imported.yaml_path)}`",
           f"- Lokasi dalam laporan ini: nomor {unit} di `{source.name}`"
           + (" (keluaran `pdftotext -layout`)" if source.suffix.lower() == ".pdf" else ""),
           f"- Waktu impor: {imported.seconds:.2f} detik", ""]
    comparison = imported.comparison
    if comparison is not None:
        out += ["## Struktur", "", "| unsur | sumber | hasil rancang draft |", "| --- | --- | --- |"]
        out += [f"| {kind} | {comparison.source[kind]} | {comparison.rendered[kind]} |" for kind in comparison.source]
        out += ["", f"Pasal dengan teks sama persis: {comparison.identical} dari {comparison.articles}.", ""]
    book = imported.ledger
    out += ["## Buku kata", "",
            f"{book.total} kata sumber: {book.in_document} ada di naskah hasil rancang draft, {book.in_report} "
            f"dicatat di laporan ini, {len(book.missing)} tidak terlacak.", ""]
    if book.missing:
        out += [f"- {unit} {line}: «{word}»" for word, line in book.missing[:200]] + [""]
    if imported.problems:
        out += ["## Masalah pada berkas hasil (rancang check)", ""]
        out += [f"- {d.format()}" for d in imported.problems] + [""]
    if imported.added_entries:
        out += ["## Ditambahkan ke kb/dasar-hukum.yaml", ""]
        out += [f"- `{entry}` (terkonfirmasi: false)" for entry in imported.added_entries] + [""]
    for kind, title in NOTE_KINDS.items():
        items = [note for note in imported.notes if note.kind == kind]
        if not items:
            continue
        out += [f"## {title}", ""]
        for note in items:
            text = f" — «{' '.join(note.text.split())}»" if note.text.strip() else ""
            out.append(f"- {unit} {_where(note.lines)}: {note.message}{text}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
