"""Open data for people: one column list made from the profile model drives the CSV, the XLSX workbook and the
column table of the data page; inovasi.json writes a year-only date as a number; the agencies and the legal-basis
catalogue are published beside it.

A copy of the example gets two profiles of our own: ``uji-data`` gives nearly every key (nested records, Markdown
narratives, several phone numbers, a year-only date), ``uji-rumus`` a name a spreadsheet would take for a formula
and one phone number written without a list.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook

from rancang.models.base import Markdown, Model, Text, field
from rancang.models.innovation import Innovation
from rancang.richtext import plain
from rancang.yamlsource import load
from rancang.site.jdih import FILES as JDIH_FILES
from support import build_site_of, copy_example

ROOT = Path(__file__).resolve().parents[1]

DATA = '''\
nama: Uji Data Terbuka
nama_lain:
  - Uji DT
  - Data Terbuka Uji
ringkasan: |-
  Ringkasan **tebal** dan *miring*, dengan [tautan](https://contoh.go.id/tautan).

  Paragraf kedua, dengan koma.
perangkat_daerah: bappeda
wilayah:
  provinsi: Sulawesi Selatan
  kabupaten_kota: Kota Parepare
  kode: "73.72"
inisiator: asn
inovator: [Andi Uji, Becce Uji]
bentuk: pelayanan_publik
jenis: digital
urusan: [kesehatan, sosial]
tahapan: penerapan
tanggal_inisiatif: 2019
tanggal_uji_coba: 2020-03
tanggal_penerapan: 2021-02-01
status: berjalan
masalah: Antrean **panjang** di loket.
langkah: |-
  1. Warga **mendaftar** daring.
  2. Petugas memeriksa berkas.
faktor_pendorong: Dukungan *kepala daerah*.
faktor_penghambat: Sinyal lemah di pulau.
indikator:
  - nama: Warga terlayani
    satuan: orang
    awal: {nilai: 70, tahun: 2019}
    hasil: {nilai: 368, tahun: 2021}
anggaran:
  - tahun: 2021
    jumlah: 150000000
    sumber: APBD
dasar_hukum:
  - uraian: Keputusan Wali Kota tentang Tim Uji Data
penghargaan:
  - nama: Juara Uji
    tahun: 2022
    tingkat: provinsi
  - nama: Top Uji
    tahun: 2020
    pemberi: Kementerian Uji
    tingkat: nasional
replikasi:
  oleh:
    - daerah: Kabupaten Uji
      tahun: 2022
  prasyarat: Ada **server** sendiri.
kontak:
  nama: Rina Uji
  alamat: Jalan Uji Nomor 1
  telepon: ["0421-21112", "0812-0000-0001"]
  surel: uji@contoh.go.id
video: https://contoh.go.id/video
gambar:
  - berkas: kb/gambar/uji-data.png
    keterangan: Loket layanan uji
    sumber: Dokumentasi Uji
tag: [data, uji]
sumber:
  - judul: Berita Uji
    penerbit: Harian Uji
    tanggal: 2021
    url: https://contoh.go.id/berita
'''

FORMULA = '''\
nama: "=1+1 bukan rumus"
kontak:
  telepon: "0421-99999"
'''

EXPECTED = {
    "id": "uji-data", "nama": "Uji Data Terbuka", "nama_lain": "Uji DT; Data Terbuka Uji",
    "ringkasan": "Ringkasan tebal dan miring, dengan tautan.\nParagraf kedua, dengan koma.",
    "perangkat_daerah": "bappeda", "perangkat_daerah_nama": "Badan Perencanaan Pembangunan Daerah", "unit": "",
    "wilayah.provinsi": "Sulawesi Selatan", "wilayah.kabupaten_kota": "Kota Parepare", "wilayah.kode": "73.72",
    "inisiator": "asn", "inovator": "Andi Uji; Becce Uji", "bentuk": "pelayanan_publik", "jenis": "digital",
    "urusan": "kesehatan; sosial", "tahapan": "penerapan", "tanggal_inisiatif": "2019",
    "tanggal_uji_coba": "2020-03", "tanggal_penerapan": "2021-02-01", "status": "berjalan", "diverifikasi": "",
    "masalah": "Antrean panjang di loket.", "langkah": "1. Warga mendaftar daring.\n2. Petugas memeriksa berkas.",
    "faktor_pendorong": "Dukungan kepala daerah.", "faktor_penghambat": "Sinyal lemah di pulau.",
    "indikator": "Warga terlayani: 70 orang (2019) → 368 orang (2021), naik 298 orang (426%)",
    "anggaran": "2021: Rp150.000.000 (APBD)", "dasar_hukum": "Keputusan Wali Kota tentang Tim Uji Data",
    "jumlah_penghargaan": "2",
    "penghargaan": "2020: Top Uji (Kementerian Uji, tingkat nasional); 2022: Juara Uji (tingkat provinsi)",
    "replikasi.dari": "", "replikasi.oleh": "Kabupaten Uji (2022)", "replikasi.prasyarat": "Ada server sendiri.",
    "kontak.nama": "Rina Uji", "kontak.alamat": "Jalan Uji Nomor 1", "kontak.telepon": "0421-21112; 0812-0000-0001",
    "kontak.surel": "uji@contoh.go.id", "video": "https://contoh.go.id/video",
    "gambar": "berkas: kb/gambar/uji-data.png, keterangan: Loket layanan uji, sumber: Dokumentasi Uji",
    "tag": "data; uji",
    "sumber": "Berita Uji. Harian Uji, 2021. https://contoh.go.id/berita",
}
"""What a person reads in the row of ``uji-data`` (the columns not named here are empty)."""

FILES = ("inovasi.json", "inovasi.csv", "inovasi.xlsx", "inovasi.schema.json", "perangkat-daerah.json",
         "dasar-hukum.json")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    root = copy_example(tmp_path_factory.mktemp("data-terbuka") / "proyek",
                        parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    (root / "kb" / "inovasi" / "uji-data.yaml").write_text(DATA, encoding="utf-8")
    (root / "kb" / "inovasi" / "uji-rumus.yaml").write_text(FORMULA, encoding="utf-8")
    (root / "kb" / "gambar").mkdir(exist_ok=True)
    (root / "kb" / "gambar" / "uji-data.png").write_bytes(_png())
    outdir, _ = build_site_of(root, documents=False)
    return root, outdir


def _png() -> bytes:
    """A white picture of one pixel."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def _csv(outdir: Path) -> list[list[str]]:
    raw = (outdir / "data" / "inovasi.csv").read_bytes()
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _xlsx(outdir: Path, sheet: str) -> list[list[str]]:
    """The sheet's rows, an empty cell as "" (a row read back ends at its last filled cell: padded to the header)."""
    book = load_workbook(outdir / "data" / "inovasi.xlsx", read_only=True)
    found = [["" if value is None else value for value in row] for row in book[sheet].iter_rows(values_only=True)]
    return [row + [""] * (len(found[0]) - len(row)) for row in found]


def _model_keys(model, path=()) -> list[str]:
    """Every key of the model as a dotted path, nested records walked (written here, apart from the writer)."""
    from pydantic import BaseModel

    keys = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        inner = [a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None)]
        nested = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if nested is not None and getattr(annotation, "__origin__", None) is not list:
            keys += _model_keys(nested, (*path, info.alias))
        else:
            keys.append(".".join((*path, info.alias)))
    return keys


# -- the columns ----------------------------------------------------------------------------------------------


def test_every_key_of_the_model_is_a_column_and_the_old_names_stay(site):
    from rancang.site.opendata import COLUMNS

    names = [column.name for column in COLUMNS]
    assert len(names) == len(set(names))
    keyed = [column.key for column in COLUMNS if column.key]
    assert keyed == ["id", *_model_keys(Innovation)]
    for old in ("id", "nama", "perangkat_daerah", "perangkat_daerah_nama", "bentuk", "jenis", "urusan", "tahapan",
                "tanggal_uji_coba", "tanggal_penerapan", "status", "jumlah_penghargaan", "penghargaan",
                "dasar_hukum", "anggaran", "ringkasan"):
        assert old in names, old
    for new in ("wilayah.provinsi", "wilayah.kabupaten_kota", "wilayah.kode", "langkah", "faktor_pendorong",
                "faktor_penghambat", "kontak.alamat", "kontak.telepon"):
        assert new in names, new
    assert names.index("perangkat_daerah_nama") == names.index("perangkat_daerah") + 1
    assert names.index("jumlah_penghargaan") == names.index("penghargaan") - 1


def test_a_key_added_to_the_model_becomes_a_column_without_a_change_to_the_writer(tmp_path):
    from rancang.models import ProjectData
    from rancang.present.innovation import InnovationView
    from rancang.site.opendata import Kind, columns

    class Extra(Model):
        note: Text | None = field("catatan", "Catatan tambahan.", default=None)
        numbers: list[Text] = field("nomor", "Nomor-nomor.", default_factory=list)

    class Wider(Innovation):
        lessons: Markdown | None = field("pelajaran_baru", "Pelajaran yang dipetik.", default=None)
        extra: Extra | None = field("tambahan", "Isian tambahan.", default=None)

    made = {column.name: column for column in columns(Wider)}
    assert made["pelajaran_baru"].kind is Kind.MARKDOWN and "Teks polos" in made["pelajaran_baru"].description
    assert made["tambahan.catatan"].description == "Tambahan: catatan tambahan."
    assert made["tambahan.nomor"].kind is Kind.LIST
    record = Wider.model_validate({"nama": "Uji", "pelajaran_baru": "Satu **dua**.\n\n- tiga",
                                   "tambahan": {"catatan": "Ada", "nomor": ["1", "2"]}})
    view = InnovationView("uji", record, ProjectData(root=tmp_path))
    assert made["pelajaran_baru"].value(view) == "Satu dua.\n- tiga"
    assert made["tambahan.catatan"].value(view) == "Ada"
    assert made["tambahan.nomor"].value(view) == "1; 2"


def test_csv_holds_every_column_with_plain_text(site):
    from rancang.site.opendata import COLUMNS

    root, outdir = site
    rows = _csv(outdir)
    assert rows[0] == [column.name for column in COLUMNS]
    table = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert sorted(table) == sorted(p.stem for p in (root / "kb" / "inovasi").glob("*.yaml"))
    row = table["uji-data"]
    assert {name: value for name, value in row.items() if value} == {k: v for k, v in EXPECTED.items() if v}
    assert table["uji-rumus"]["nama"] == "=1+1 bukan rumus"
    assert table["uji-rumus"]["kontak.telepon"] == "0421-99999"
    for record_id, cells in table.items():  # no Markdown markup reaches a cell
        for name, value in cells.items():
            assert "**" not in value and "](" not in value, (record_id, name)


def test_plain_narratives_are_the_words_of_the_markdown(site):
    from rancang.site.opendata import COLUMNS, Kind

    root, outdir = site
    rows = _csv(outdir)
    table = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    markdown = [column for column in COLUMNS if column.kind is Kind.MARKDOWN]
    assert {"ringkasan", "masalah", "langkah", "faktor_pendorong", "replikasi.prasyarat"} <= \
        {column.name for column in markdown}
    for record_id, cells in table.items():
        source, _ = load(root / "kb" / "inovasi" / f"{record_id}.yaml")
        for column in markdown:
            value = source.data
            for part in column.key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            assert cells[column.name] == (plain(value) if value else ""), (record_id, column.name)


# -- the workbook -----------------------------------------------------------------------------------------------


def test_xlsx_has_the_rows_of_the_csv_as_text_with_the_header_frozen(site):
    _, outdir = site
    book = load_workbook(outdir / "data" / "inovasi.xlsx")
    assert book.sheetnames == ["inovasi", "kolom"]
    sheet = book["inovasi"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in ("A", "B", "C"))
    csv_rows = _csv(outdir)
    assert _xlsx(outdir, "inovasi") == csv_rows
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.value is None or (cell.data_type == "s" and isinstance(cell.value, str)), cell.coordinate
    (formula,) = [row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "uji-rumus"]
    assert formula.value == "=1+1 bukan rumus" and formula.data_type == "s"


def test_xlsx_describes_each_column_on_its_second_sheet(site):
    from rancang.site.opendata import COLUMNS

    _, outdir = site
    assert _xlsx(outdir, "kolom") == [["Kolom", "Isi"], *[[c.name, c.description] for c in COLUMNS]]
    assert load_workbook(outdir / "data" / "inovasi.xlsx")["kolom"].freeze_panes == "A2"


def test_xlsx_bytes_depend_on_the_data_only(site):
    from rancang.check import check_project
    from rancang.site.opendata import xlsx_bytes

    root, outdir = site
    written = (outdir / "data" / "inovasi.xlsx").read_bytes()
    assert xlsx_bytes(check_project(root).data) == written
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert ">1980-01-01T00:00:00Z</dcterms:created>" in core and ">1980-01-01T00:00:00Z</dcterms:modified>" in core


def test_xlsx_cells_are_cut_to_what_a_spreadsheet_holds():
    from rancang.site.opendata import XLSX_CELL_MAX, _xlsx_text

    assert _xlsx_text("a\x07b") == "ab"
    cut = _xlsx_text("kata " * 10_000)
    assert len(cut) == XLSX_CELL_MAX and cut.endswith("(terpotong; teks lengkapnya ada di inovasi.json)")


# -- JSON -------------------------------------------------------------------------------------------------------


def test_json_writes_a_year_only_date_as_a_number_and_fits_the_schema(site):
    _, outdir = site
    records = {r["id"]: r for r in json.loads((outdir / "data" / "inovasi.json").read_text(encoding="utf-8"))}
    data = records["uji-data"]
    assert data["tanggal_inisiatif"] == 2019
    assert data["tanggal_uji_coba"] == "2020-03" and data["tanggal_penerapan"] == "2021-02-01"
    assert data["sumber"][0]["tanggal"] == 2021
    assert data["penghargaan"][0]["tahun"] == 2022
    assert data["ringkasan"].startswith("Ringkasan **tebal**")  # the Markdown as written
    assert data["kontak"]["telepon"] == ["0421-21112", "0812-0000-0001"]
    assert data["wilayah"] == {"provinsi": "Sulawesi Selatan", "kabupaten_kota": "Kota Parepare", "kode": "73.72"}
    schema = json.loads((outdir / "data" / "inovasi.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for record_id, record in records.items():
        record = dict(record)
        record.pop("id")
        assert not list(validator.iter_errors(record)), record_id


def test_agencies_and_legal_bases_are_published_with_every_key(site):
    root, outdir = site
    for name, source_name in (("perangkat-daerah.json", "perangkat-daerah.yaml"),
                              ("dasar-hukum.json", "dasar-hukum.yaml")):
        published = json.loads((outdir / "data" / name).read_text(encoding="utf-8"))
        source, _ = load(root / "kb" / source_name)
        assert [entry["id"] for entry in published] == [entry["id"] for entry in source.data], name
        for entry, written in zip(published, source.data):
            for key, value in written.items():  # every key of the YAML, as the YAML writes it
                if hasattr(value, "isoformat"):
                    value = value.isoformat()
                assert entry[key] == value, (name, entry["id"], key)
            assert None not in entry.values()
    agencies = json.loads((outdir / "data" / "perangkat-daerah.json").read_text(encoding="utf-8"))
    bappeda = next(a for a in agencies if a["id"] == "bappeda")
    assert bappeda["nama"] == "Badan Perencanaan Pembangunan Daerah" and bappeda["singkatan"] == "Bappeda"


# -- the data page and incremental builds ----------------------------------------------------------------------


def test_data_page_lists_the_columns_and_links_every_file(site):
    from rancang.site.opendata import COLUMNS

    _, outdir = site
    page = (outdir / "kb" / "data.html").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f'<span class="pre">{column.name}</span>' in page, column.name
    for name in FILES:
        assert f'href="../data/{name}"' in page, name
        assert (outdir / "data" / name).is_file(), name


def test_an_unchanged_build_and_a_touched_file_leave_the_data_alone(site):
    import os

    root, outdir = site
    folder = outdir / "data"
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert set(before) == set(FILES) | {name for name, _, _ in JDIH_FILES}
    build_site_of(root, documents=False)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()} == before
    touched = root / "kb" / "inovasi" / "uji-data.yaml"
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))  # same text, other stamp
    build_site_of(root, documents=False)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()} == before


def test_rows_kept_between_builds_follow_a_renamed_agency_and_an_edited_profile(tmp_path):
    import os
    import time

    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    (root / "kb" / "inovasi" / "uji-data.yaml").write_text(DATA.replace("gambar:\n  - berkas: kb/gambar/uji-data.png\n"
                                                                        "    keterangan: Loket layanan uji\n"
                                                                        "    sumber: Dokumentasi Uji\n", ""),
                                                           encoding="utf-8")
    past = time.time() - 3600
    for path in (root / "kb").rglob("*.yaml"):  # files older than the build: their rows are kept
        os.utime(path, (past, past))
    outdir, _ = build_site_of(root, documents=False)

    def table() -> dict[str, dict[str, str]]:
        found = _csv(outdir)
        assert _xlsx(outdir, "inovasi") == found
        return {row[0]: dict(zip(found[0], row)) for row in found[1:]}

    before = table()
    agencies = root / "kb" / "perangkat-daerah.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8").replace(
        "nama: Badan Perencanaan Pembangunan Daerah", "nama: Badan Perencanaan dan Riset Daerah"), encoding="utf-8")
    build_site_of(root, documents=False)
    renamed = table()
    named = [rid for rid, row in before.items() if row["perangkat_daerah"] == "bappeda"]
    assert "uji-data" in named
    for rid in named:
        assert renamed[rid]["perangkat_daerah_nama"] == "Badan Perencanaan dan Riset Daerah", rid
    profile = root / "kb" / "inovasi" / "uji-data.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Sinyal lemah di pulau.", "Sinyal *kuat*."),
                       encoding="utf-8")
    build_site_of(root, documents=False)
    edited = table()
    assert edited["uji-data"]["faktor_penghambat"] == "Sinyal kuat."
    assert {rid: row for rid, row in edited.items() if rid != "uji-data"} == \
        {rid: row for rid, row in renamed.items() if rid != "uji-data"}
