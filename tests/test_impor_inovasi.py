"""``rancang impor inovasi`` on the shapes regions export: CSV in UTF-8, UTF-8 with BOM, Windows-1252 and with
semicolons; a workbook with merged header cells over two rows; another rancang site's ``inovasi.json``; a
database export with its own mapping; and files with defects (tests/fixtures/impor_inovasi/, written by
``make_fixtures.py`` and by hand; the texts are invented).

What a user cares about: the profiles come out right and pass ``rancang check``; what was detected is said;
every word of every cell is in the profile or in the report with its row and column; a bad cell is named by
file:row:col with all the others at once and nothing is written; nothing is overwritten without
``--perbarui``, which changes only the mapped keys and keeps comments; ``--coba`` writes nothing; agencies are
matched, new ones appended and new spellings added as ``alias`` without touching the other lines.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from rancang.importer.innovations.convert import clean, parse_date, source_text, words
from rancang.models.base import PartialDate
from support import REPO

FIXTURES = REPO / "tests" / "fixtures" / "impor_inovasi"


def run(root: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("RANCANG_DEBUG", raising=False)
        patch.chdir(root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["-C", str(root), *argv])
    return code, out.getvalue(), err.getvalue()


def empty_project(root: Path) -> Path:
    """The example's settings, agencies and catalogue, and no profile."""
    (root / "kb" / "inovasi").mkdir(parents=True)
    shutil.copy2(REPO / "rancang.yaml", root / "rancang.yaml")
    for name in ("perangkat-daerah.yaml", "dasar-hukum.yaml"):
        shutil.copy2(REPO / "kb" / name, root / "kb" / name)
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


def profiles(root: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "kb/inovasi").glob("*.yaml"))}


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


IMPORTS = {
    "iid-utf8": ("iid-utf8.csv",),
    "iid-utf8-bom": ("iid-utf8-bom.csv",),
    "iid-windows-1252": ("iid-windows-1252.csv",),
    "iid-titik-koma": ("iid-titik-koma.csv",),
    "opd-sel-gabungan": ("opd-sel-gabungan.xlsx", "--pemetaan", str(FIXTURES / "pemetaan-sel-gabungan.yaml")),
    "rancang-lain": ("rancang-lain.json",),
    "opd": ("opd.csv", "--pemetaan", str(FIXTURES / "pemetaan-opd.yaml")),
    "iid-html": ("iid-html.csv",),
}


class Imported:
    def __init__(self, root: Path, code: int, out: str, err: str, stem: str):
        self.root, self.code, self.out, self.err = root, code, out, err
        self.report = (root / "impor" / f"{stem}.impor.md").read_text(encoding="utf-8") if code == 0 else ""
        self.profiles = profiles(root)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, Imported]:
    results = {}
    for name, (source, *options) in IMPORTS.items():
        root = empty_project(tmp_path_factory.mktemp(name))
        code, out, err = run(root, "impor", "inovasi", str(FIXTURES / source), *options)
        results[name] = Imported(root, code, out, err, Path(source).stem)
    return results


@pytest.mark.parametrize("name", IMPORTS)
def test_every_fixture_imports_and_passes_check(imported, name):
    result = imported[name]
    assert result.code == 0, result.err
    assert result.profiles
    code, out, err = run(result.root, "check")
    assert code == 0, out + err
    assert "Profil baru" in result.out and "Laporan: impor/" in result.out


@pytest.mark.parametrize("name, said", [
    ("iid-utf8", "pengodean: UTF-8; pemisah kolom: koma (,)"),
    ("iid-utf8-bom", "pengodean: UTF-8 dengan BOM"),
    ("iid-windows-1252", "pengodean: Windows-1252"),
    ("iid-titik-koma", "pemisah kolom: titik koma (;)"),
    ("opd", "pemisah kolom: garis tegak (|)"),
    ("opd-sel-gabungan", "judul kolom: dua baris (sel gabungan di baris 1), digabung 'Induk / Anak'"),
])
def test_what_was_detected_is_said(imported, name, said):
    result = imported[name]
    assert said in result.out
    assert said in result.report


@pytest.mark.parametrize("name", ["iid-utf8-bom", "iid-windows-1252", "iid-titik-koma"])
def test_the_encodings_give_the_same_letters(imported, name):
    got = imported[name].profiles
    assert got["kafe-baca-pesisir"]["nama"] == "Kafe Baca’ Pesisir"
    assert "café" in got["kafe-baca-pesisir"]["rancang_bangun"]
    assert got["resume-layanan-satu-lembar"]["nama"] == "Résumé Layanan Satu Lembar"
    assert got["resume-layanan-satu-lembar"]["urusan"] == ["administrasi kependudukan", "pencatatan sipil"]


def test_iid_labels_become_the_profile_values(imported):
    got = imported["iid-utf8"].profiles
    first = got["sapa-warga-kelurahan"]
    assert (first["tahapan"], first["inisiator"], first["jenis"], first["bentuk"]) == \
        ("penerapan", "asn", "digital", "pelayanan_publik")
    assert first["tanggal_uji_coba"] == 2020
    assert str(first["tanggal_penerapan"]) == "2021-06-04"  # 04/06/2021 is day/month/year
    assert first["rancang_bangun"] == ("Warga melapor lewat pesan singkat ke petugas kelurahan.\n"
                                       "Petugas menjawab paling lambat satu hari kerja.")
    second = got["timbang-bayi-keliling"]
    assert (second["tahapan"], second["jenis"], second["bentuk"]) == ("uji_coba", "non_digital", "lainnya")
    assert str(second["tanggal_uji_coba"]) == "2021-06-04" and second["tanggal_penerapan"] == "2022-07"
    assert got["lapak-nelayan-pagi"]["perangkat_daerah"] == "dpkp"  # the example's own agency, by name
    assert got["lapak-nelayan-pagi"]["bentuk"] == "tata_kelola"
    # two rows with one name: two files, the second de-duplicated
    assert got["sapa-warga-kelurahan-2"]["tanggal_uji_coba"] == "2019-02-01" or \
        str(got["sapa-warga-kelurahan-2"]["tanggal_uji_coba"]) == "2019-02-01"


def test_merged_header_cells_name_the_columns(imported):
    result = imported["opd-sel-gabungan"]
    got = result.profiles
    assert str(got["posyandu-remaja-pesisir"]["tanggal_uji_coba"]) == "2021-06-04"  # an Excel date
    assert got["posyandu-remaja-pesisir"]["tanggal_penerapan"] == 2022
    assert str(got["sekolah-lapang-rumput-laut"]["tanggal_uji_coba"]) == "2021-06-04"  # an Excel day number
    assert got["sekolah-lapang-rumput-laut"]["tanggal_penerapan"] == "2023-08"
    assert got["posyandu-remaja-pesisir"]["tujuan"] == "Remaja memeriksa kesehatan sebaya."
    assert "| E | Waktu / Uji Coba | `tanggal_uji_coba` |" in result.report
    assert "angka hari Excel 44351 dibaca sebagai tanggal 2021-06-04" in result.report
    assert "lembar: Rekap OPD (lembar lain: Catatan)" in result.report


def test_a_mapping_file_with_value_maps_and_separators(imported):
    got = imported["opd"].profiles
    first = got["antar-jemput-akta-lahir"]
    assert first["tahapan"] == "penerapan" and first["jenis"] == "digital"
    assert first["urusan"] == ["administrasi kependudukan", "pencatatan sipil"]
    assert first["kontak"]["surel"] == "capil@contoh.go.id"
    assert first["kontak"]["telepon"] in ("0421-21000", ["0421-21000"])
    assert got["bank-sampah-sekolah"]["tanggal_penerapan"] == "2023-01"


def test_another_rancang_site_s_json_keeps_every_key(imported):
    got = imported["rancang-lain"].profiles
    fish = got["pasar-ikan-higienis"]
    assert fish["indikator"][0]["hasil"]["nilai"] == 58
    assert fish["penghargaan"][0]["tingkat"] == "provinsi"
    assert fish["ringkasan"] == "Los ikan ditata ulang dengan **air bersih** dan es."
    assert fish["perangkat_daerah"] == "dpkp"
    home = got["rumah-singgah-pasien"]
    assert home["perangkat_daerah"] == "dinas-sosial-lain"  # named from perangkat-daerah.json beside it
    agencies = yaml.safe_load((imported["rancang-lain"].root / "kb/perangkat-daerah.yaml").read_text())
    assert {"id": "dinas-sosial-lain", "nama": "Dinas Sosial"} in agencies


def test_html_narratives_become_markdown_and_their_images_files(imported):
    from rancang.richtext import plain

    result = imported["iid-html"]
    got = result.profiles["surat-keterangan-kilat"]
    design = got["rancang_bangun"]
    assert "<" not in design and "&nbsp;" not in design
    assert "1. Isi formulir" in design and "**daring**" in design
    assert "Warga mengisi formulir daring." in plain(design)
    assert got["gambar"] == [{"berkas": "kb/gambar/surat-keterangan-kilat-1.png",
                              "keterangan": "Layar formulir daring"}]
    assert (result.root / "kb/gambar/surat-keterangan-kilat-1.png").read_bytes().startswith(b"\x89PNG")
    assert got["hasil"] == "Surat terbit dalam satu hari."
    assert "gaya lama" in result.report  # what the conversion dropped, with its words
    assert "Gambar: 1." in result.out


def _report_lines(report: str) -> dict[str, Counter]:
    lines: dict[str, Counter] = {}
    for line in report.splitlines():
        if line.startswith("- baris ") and ": «" in line:  # "- <place>: «<text>» — <what>"
            place, rest = line[2:].split(": «", 1)
            lines.setdefault(place, Counter()).update(words(rest))
    return lines


@pytest.mark.parametrize("name", IMPORTS)
def test_every_word_of_every_cell_is_in_the_profile_or_in_the_report(imported, name):
    """Read back independently: the source table, the profile of each row (by the report's list), and the
    report's line for the cell."""
    from rancang.importer.innovations import html
    from rancang.importer.innovations.tables import read_table

    result = imported[name]
    source = FIXTURES / IMPORTS[name][0]
    table = read_table(source, source.name)
    rows = {int(m.group(1)): m.group(2) for m in re.finditer(r"^- baris (\d+): `(kb/inovasi/[^`]+)`", result.report,
                                                               re.M)}
    lines = _report_lines(result.report)
    missing = []
    for row in table.rows:
        text = (result.root / rows[row.line]).read_text(encoding="utf-8") if row.line in rows else ""
        available = Counter(words(text + " " + Path(rows.get(row.line, "")).stem))  # the id: the file name
        for column, value in row.cells.items():
            there = lines.get(table.place(row, column), Counter())
            text = source_text(value)
            if html.looks_like_html(text):  # the words of an HTML narrative are those of its text
                text = " ".join(html.plain_words(text))
            elif isinstance(value, str):  # entities and soft hyphens typed into a plain cell: its visible words
                text = clean(text)
            for word in words(text):
                if there[word] > 0:  # the report's line of this very cell first
                    there[word] -= 1
                elif available[word] > 0:
                    available[word] -= 1
                else:
                    missing.append((row.line, column, word))
    assert not missing
    assert ", 0 tidak terlacak." in result.report


def test_a_bad_file_is_refused_whole_with_every_problem_located(tmp_path):
    root = empty_project(tmp_path)
    before = snapshot(root)
    code, out, err = run(root, "impor", "inovasi", str(FIXTURES / "rusak.csv"))
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    shown = str(FIXTURES / "rusak.csv")
    assert any(line.startswith(f"{shown}:2:4: P433: kolom 'Waktu Uji Coba'") for line in lines)
    assert any(line.startswith(f"{shown}:2:5: P433:") and "kemarin sore" in line for line in lines)
    assert f"{shown}:3:1: P434: baris ini berisi data tetapi nama inovasinya kosong" in lines
    assert any(line.startswith(f"{shown}:4:2: P433:") and "«Selesai»" in line for line in lines)
    assert any(line.startswith(f"{shown}:4:3: P433:") and "«Analog»" in line for line in lines)
    assert snapshot(root) == before


def test_a_bad_mapping_is_refused_with_every_problem_located(tmp_path):
    root = empty_project(tmp_path)
    mapping = FIXTURES / "pemetaan-rusak.yaml"
    code, out, err = run(root, "impor", "inovasi", str(FIXTURES / "rusak.csv"), "--pemetaan", str(mapping))
    assert code == 1
    assert f"{mapping}:5:12: P431: kolom 'Tahapan': nilai 'selesai' tidak ada untuk 'tahapan'" in err
    assert f"{mapping}:8:12: P431: kolom 'Telepon': kunci profil 'kontak.telpon' tidak ada (mungkin maksud Anda " \
           "'kontak.telepon'?)" in err
    assert f"{mapping}:11:5: P431: kunci 'urutan' tidak dikenal" in err


def test_unknown_columns_and_sheets_and_files(tmp_path):
    root = empty_project(tmp_path)
    odd = tmp_path / "lain.csv"
    odd.write_text("judul,isi\nA,B\n", encoding="utf-8")
    code, _, err = run(root, "impor", "inovasi", str(odd))
    assert code == 1 and "P432: judul kolom tidak cocok dengan pemetaan bawaan" in err
    assert "judul kolom sumber: judul, isi" in err
    code, _, err = run(root, "impor", "inovasi", str(FIXTURES / "opd-sel-gabungan.xlsx"), "--lembar", "Data")
    assert code == 1 and "P436: lembar 'Data' tidak ada; lembar di berkas ini: Rekap OPD, Catatan" in err
    broken = tmp_path / "rusak.json"
    broken.write_text('[\n  {"nama": "A"},\n  {"nama": }\n]\n', encoding="utf-8")
    code, _, err = run(root, "impor", "inovasi", str(broken))
    assert code == 1 and "rusak.json:3:12: P430: JSON tidak sah" in err
    code, _, err = run(root, "impor", "inovasi", str(tmp_path / "tidak-ada.csv"))
    assert code == 1 and "P430: berkas tidak ada" in err


def test_coba_writes_nothing_and_prints_the_report(tmp_path):
    root = empty_project(tmp_path)
    before = snapshot(root)
    code, out, err = run(root, "impor", "inovasi", str(FIXTURES / "iid-utf8.csv"), "--coba")
    assert code == 0, err
    assert snapshot(root) == before
    assert "Coba saja (--coba): tidak ada berkas yang ditulis" in out
    assert "# Laporan impor inovasi: iid-utf8.csv" in out
    assert "kb/inovasi/sapa-warga-kelurahan.yaml` (baru)" in out


def test_nothing_is_overwritten_without_perbarui(tmp_path):
    root = empty_project(tmp_path)
    assert run(root, "impor", "inovasi", str(FIXTURES / "iid-utf8.csv"))[0] == 0
    before = snapshot(root)
    code, out, err = run(root, "impor", "inovasi", str(FIXTURES / "iid-utf8.csv"))
    assert code == 1
    assert f"{FIXTURES / 'iid-utf8.csv'}:2:2: P435: profil kb/inovasi/sapa-warga-kelurahan.yaml sudah ada" in err
    assert snapshot(root) == before


def test_perbarui_replaces_only_mapped_keys_and_keeps_comments(tmp_path):
    root = empty_project(tmp_path)
    target = root / "kb/inovasi/sapa-warga-kelurahan.yaml"
    original = (
        "# yaml-language-server: $schema=../../schemas/inovasi.schema.json\n"
        "## Profil yang disunting tangan.\n"
        "nama: Sapa Warga Kelurahan\n"
        "tahapan: uji_coba  # lama\n"
        "## Catatan tentang sumber: tetap.\n"
        "sumber:\n"
        "  - judul: Catatan rapat\n"
        "    penerbit: Bagian Organisasi  # komentar di dalam\n"
        "tag: [warga]\n")
    target.write_text(original, encoding="utf-8")
    source = tmp_path / "satu.csv"
    source.write_text("Nama Inovasi,Tahapan,Tujuan\nSapa Warga Kelurahan,Penerapan,Menjawab warga lebih cepat.\n",
                      encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source), "--perbarui")
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text == original.replace("tahapan: uji_coba  # lama\n", "tahapan: penerapan\n") + \
        "tujuan: Menjawab warga lebih cepat.\n"
    assert "diperbarui: 1" in out
    code, out, err = run(root, "impor", "inovasi", str(source), "--perbarui")
    assert code == 0 and "sama: 1" in out and target.read_text(encoding="utf-8") == text
    assert (root / "impor" / "satu.impor.md").is_file() and (root / "impor" / "satu-2.impor.md").is_file()


def test_agencies_are_appended_and_new_spellings_become_aliases(tmp_path):
    root = empty_project(tmp_path)
    agencies = root / "kb/perangkat-daerah.yaml"
    original = agencies.read_text(encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(FIXTURES / "opd-sel-gabungan.xlsx"), "--pemetaan",
                         str(FIXTURES / "pemetaan-sel-gabungan.yaml"))
    assert code == 0, err
    text = agencies.read_text(encoding="utf-8")
    # every line that was there is still there, in order
    kept = [line for line in text.splitlines() if line.strip() and line in original.splitlines()]
    assert kept == [line for line in original.splitlines() if line.strip()]
    data = {a["id"]: a for a in yaml.safe_load(text)}
    assert data["dpkp"]["alias"] == ["Dinas Pertanian, Kelautan dan Perikanaan"]  # a typo: merged, reported
    assert data["dinas-kesehatan"]["nama"] == "Dinas Kesehatan"  # ALL CAPS tidied
    got = profiles(root)
    assert got["posyandu-remaja-pesisir"]["perangkat_daerah"] == "dinas-kesehatan"
    assert got["kios-tani-keliling"]["perangkat_daerah"] == "dinas-kesehatan"
    report = (root / "impor/opd-sel-gabungan.impor.md").read_text(encoding="utf-8")
    assert "«Dinas Pertanian, Kelautan dan Perikanaan» → `dpkp` (ejaan mirip, ditambahkan sebagai alias — periksa)" \
        in report
    assert run(root, "check")[0] == 0


@pytest.mark.parametrize("text, expected", [
    (2021, PartialDate(2021)), ("2021", PartialDate(2021)), ("2021-06", PartialDate(2021, 6)),
    ("2021-06-04", PartialDate(2021, 6, 4)), ("04/06/2021", PartialDate(2021, 6, 4)),
    ("4-6-2021", PartialDate(2021, 6, 4)), ("4 Juni 2021", PartialDate(2021, 6, 4)),
    ("Jumat, 4 Juni 2021", PartialDate(2021, 6, 4)), ("Juni 2021", PartialDate(2021, 6)),
    ("06/2021", PartialDate(2021, 6)), ("4 Jun 2021", PartialDate(2021, 6, 4)), ("Tahun 2019", PartialDate(2019)),
    (44351, PartialDate(2021, 6, 4)), ("2021-06-04 00:00:00", PartialDate(2021, 6, 4)),
])
def test_dates_in_many_shapes(text, expected):
    assert parse_date(text)[0] == expected


def test_round_trip_of_our_open_data(tmp_path):
    """The root example's inovasi.json, imported into an empty project, gives the same records."""
    from rancang.loader import load_project
    from rancang.site.opendata import json_bytes

    data, _ = load_project(REPO)
    source = tmp_path / "data" / "inovasi.json"
    source.parent.mkdir()
    source.write_bytes(json_bytes(data))
    root = empty_project(tmp_path / "proyek")
    for picture in {p.file for i in data.innovations.values() for p in i.images}:
        (root / picture).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / picture, root / picture)
    code, out, err = run(root, "impor", "inovasi", str(source))
    assert code == 0, err
    again, problems = load_project(root)
    assert not [d for d in problems if d.severity.value == "galat"]
    assert set(again.innovations) == set(data.innovations)
    for rid, innovation in data.innovations.items():
        assert again.innovations[rid].model_dump() == innovation.model_dump(), rid
    assert (root / "kb/perangkat-daerah.yaml").read_bytes() == (REPO / "kb/perangkat-daerah.yaml").read_bytes()


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_round_trip_of_our_csv_and_xlsx_for_the_columns_that_give_their_key_back(tmp_path, form):
    """Our inovasi.csv and inovasi.xlsx, imported with the built-in mapping 'rancang': every column whose cell
    gives its key back exactly (text, choice, date, yes/no, list) comes back the same; the columns in the profile
    page's words are in the report."""
    from rancang.loader import load_project
    from rancang.site import opendata

    data, _ = load_project(REPO)
    source = tmp_path / f"inovasi.{form}"
    source.write_bytes(opendata.csv_bytes(data) if form == "csv" else opendata.xlsx_bytes(data))
    root = empty_project(tmp_path / "proyek")
    code, out, err = run(root, "impor", "inovasi", str(source))
    assert code == 0, err
    assert "pemetaan bawaan 'rancang'" in out
    again, _ = load_project(root)
    assert set(again.innovations) == set(data.innovations)

    def at(dumped: dict, key: str):
        for part in key.split("."):
            dumped = dumped.get(part) if isinstance(dumped, dict) else None
        return dumped if dumped not in ([], None) else None

    keys = [c.key for c in opendata.COLUMNS if c.kind.round_trip and c.key not in (None, "id")]
    assert {"nama", "bentuk", "tahapan", "tanggal_penerapan", "urusan"} <= set(keys)
    for rid, innovation in data.innovations.items():
        before = innovation.model_dump(by_alias=True, mode="json")
        after = again.innovations[rid].model_dump(by_alias=True, mode="json")
        for key in keys:
            assert at(after, key) == at(before, key), (rid, key)
    report = next((root / "impor").glob("*.impor.md")).read_text(encoding="utf-8")
    assert "tidak diimpor: daftar berisi isian bertingkat hanya dapat diimpor dari JSON" in report


def test_a_value_the_profile_refuses_is_located_at_its_cell(tmp_path):
    root = empty_project(tmp_path)
    source = tmp_path / "kontak.csv"
    source.write_text("Nama Inovasi,kontak.surel,video,wilayah.kode\nA,bukan-surel,ftp://x,73.72\n", encoding="utf-8")
    mapping = tmp_path / "pemetaan.yaml"
    mapping.write_text("nama: kunci profil\nkunci_profil: true\nkolom:\n  Nama Inovasi: nama\n", encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source), "--pemetaan", str(mapping))
    assert code == 1
    assert "kontak.csv:2:2: S206: kolom 'kontak.surel': alamat surel 'bukan-surel' tidak valid" in err
    assert "kontak.csv:2:3: S206: kolom 'video': alamat web 'ftp://x' tidak valid" in err
    assert "kontak.csv:2:4: S201: kolom 'wilayah.kode': kunci wajib 'provinsi' tidak ada" in err
    assert not list((root / "kb/inovasi").iterdir()) and not (root / "impor").exists()


def test_invisible_characters_and_typed_entities_in_plain_cells(tmp_path):
    root = empty_project(tmp_path)
    source = tmp_path / "polos.csv"
    source.write_text("Nama Inovasi,Urusan,Tujuan\n"
                      "Pe\u00adla\u00adyan\u00adan Kilat,kesehatan &amp; gizi;sosial,Warga&nbsp;terlayani\u200b cepat\n",
                      encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source))
    assert code == 0, err
    got = profiles(root)["pelayanan-kilat"]
    assert got["nama"] == "Pelayanan Kilat"
    assert got["urusan"] == ["kesehatan & gizi", "sosial"]
    assert got["tujuan"] == "Warga terlayani cepat"
    assert ", 0 tidak terlacak." in (root / "impor/polos.impor.md").read_text(encoding="utf-8")


def test_a_title_above_the_table_is_skipped_and_said(tmp_path):
    import openpyxl

    root = empty_project(tmp_path)
    source = tmp_path / "berjudul.csv"
    source.write_text("REKAP INOVASI DAERAH TAHUN 2024,,\n,,\nNama Inovasi,Tahapan,Tujuan\n"
                      "Kebun Sekolah,Penerapan,Anak menanam sayur.\n", encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source))
    assert code == 0, err
    assert "baris 1 di atas judul kolom dilewati: «REKAP INOVASI DAERAH TAHUN 2024»" in out
    assert profiles(root)["kebun-sekolah"]["tujuan"] == "Anak menanam sayur."
    assert "- baris 4: `kb/inovasi/kebun-sekolah.yaml` (baru)" in \
        (root / "impor/berjudul.impor.md").read_text(encoding="utf-8")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Rekap inovasi OPD", None, None])
    sheet.merge_cells("A1:C1")  # a title over the whole table: not a header
    sheet.append(["Nama Inovasi", "Waktu", None])
    sheet.append([None, "Uji Coba", "Penerapan"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:C2")
    sheet.append(["Perahu Pustaka", "2020", "Juni 2021"])
    workbook = tmp_path / "berjudul.xlsx"
    book.save(workbook)
    mapping = tmp_path / "pemetaan.yaml"
    mapping.write_text("nama: dua baris\nkolom:\n  Nama Inovasi: nama\n  Waktu / Uji Coba: tanggal_uji_coba\n"
                       "  Waktu / Penerapan: tanggal_penerapan\n", encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(workbook), "--pemetaan", str(mapping))
    assert code == 0, err
    assert "baris 1 di atas judul kolom dilewati: «Rekap inovasi OPD»" in out
    assert "judul kolom: dua baris (sel gabungan di baris 2)" in out
    got = profiles(root)["perahu-pustaka"]
    assert got["tanggal_uji_coba"] == 2020 and got["tanggal_penerapan"] == "2021-06"


def test_aliases_are_inserted_into_the_entry_as_text():
    from rancang.diagnostics import RancangError
    from rancang.importer.innovations.run import agencies_text

    text = ("## Perangkat daerah\n"
            "- id: dinkes\n"
            "  nama: Dinas Kesehatan  # kepala: dr. A\n"
            "  alias:\n"
            "    - Dinkes Kota\n"
            "\n"
            "## lainnya\n"
            "- id: bpbd\n"
            "  nama: Badan Penanggulangan Bencana Daerah\n")
    got = agencies_text(text, "kb/perangkat-daerah.yaml", [{"id": "dishub", "nama": "Dinas Perhubungan"}],
                        [("dinkes", "DKK"), ("bpbd", "Badan Penanggulangan Bencana: Daerah")], "sumber.csv")
    assert got == ("## Perangkat daerah\n"
                   "- id: dinkes\n"
                   "  nama: Dinas Kesehatan  # kepala: dr. A\n"
                   "  alias:\n"
                   "    - Dinkes Kota\n"
                   "    - DKK\n"
                   "\n"
                   "## lainnya\n"
                   "- id: bpbd\n"
                   "  nama: Badan Penanggulangan Bencana Daerah\n"
                   "  alias:\n"
                   '    - "Badan Penanggulangan Bencana: Daerah"\n'
                   "\n"
                   "- id: dishub\n"
                   "  nama: Dinas Perhubungan\n"
                   "  ## Ditambahkan oleh rancang impor inovasi dari sumber.csv.\n")
    assert yaml.safe_load(got)[1]["alias"] == ["Badan Penanggulangan Bencana: Daerah"]
    with pytest.raises(RancangError) as raised:
        agencies_text("- {id: dinkes, nama: Dinas Kesehatan}\n", "kb/perangkat-daerah.yaml", [], [("dinkes", "DKK")],
                      "sumber.csv")
    assert raised.value.diagnostics[0].code == "P439"
    assert str(raised.value.diagnostics[0].location) == "kb/perangkat-daerah.yaml:1:3"


def test_a_wide_group_over_many_columns_is_still_the_first_header_row(tmp_path):
    """Row 1 holds two values (a title merged down, a group merged across six columns), row 2 six: row 1 is the
    header's first row, not a title above it."""
    import openpyxl

    from rancang.importer.innovations.tables import read_table

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nama Inovasi", "Narasi", None, None, None, None, None])
    sheet.append([None, "Tujuan", "Manfaat", "Hasil", "Masalah", "Solusi", "Kebaruan"])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:G1")
    sheet.append(["Taman Baca", "a", "b", "c", "d", "e", "f"])
    path = tmp_path / "lebar.xlsx"
    book.save(path)
    table = read_table(path, "lebar.xlsx")
    assert [c.name for c in table.columns] == ["Nama Inovasi", "Narasi / Tujuan", "Narasi / Manfaat", "Narasi / Hasil",
                                               "Narasi / Masalah", "Narasi / Solusi", "Narasi / Kebaruan"]
    assert [row.line for row in table.rows] == [3]


def test_pictures_of_another_site_are_kept_only_when_their_files_are_here(tmp_path):
    import json

    root = empty_project(tmp_path / "proyek")
    (root / "kb/gambar").mkdir()
    (root / "kb/gambar/ada.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    source = tmp_path / "inovasi.json"
    source.write_text(json.dumps([{"id": "kapal-pintar", "nama": "Kapal Pintar", "gambar": [
        {"berkas": "kb/gambar/ada.png", "keterangan": "Kapal di dermaga"},
        {"berkas": "kb/gambar/jauh.png", "keterangan": "Peta rute pelayaran"}]}]), encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source))
    assert code == 0, err
    assert profiles(root)["kapal-pintar"]["gambar"] == [{"berkas": "kb/gambar/ada.png",
                                                         "keterangan": "Kapal di dermaga"}]
    report = (root / "impor/inovasi.impor.md").read_text(encoding="utf-8")
    assert "gambar tidak diimpor: berkas kb/gambar/jauh.png tidak ada di proyek ini" in report
    assert "Peta rute pelayaran" in report and ", 0 tidak terlacak." in report


def test_region_names_in_capitals_are_written_as_names_and_said(tmp_path):
    root = empty_project(tmp_path)
    source = tmp_path / "wilayah.csv"
    source.write_text("judul,provinsi,kabkota,unit\n"
                      "Layanan Kilat,SULAWESI SELATAN,KOTA PAREPARE,UPTD PUSKESMAS LUMPUE\n", encoding="utf-8")
    mapping = tmp_path / "pemetaan.yaml"
    mapping.write_text("kolom:\n  judul: nama\n  provinsi: wilayah.provinsi\n  kabkota: wilayah.kabupaten_kota\n"
                       "  unit: unit\n", encoding="utf-8")
    code, out, err = run(root, "impor", "inovasi", str(source), "--pemetaan", str(mapping))
    assert code == 0, err
    got = profiles(root)["layanan-kilat"]
    assert got["wilayah"] == {"provinsi": "Sulawesi Selatan", "kabupaten_kota": "Kota Parepare"}
    assert got["unit"] == "UPTD Puskesmas Lumpue"
    report = (root / "impor/wilayah.impor.md").read_text(encoding="utf-8")
    assert "«KOTA PAREPARE» menjadi «Kota Parepare»" in report
    assert ", 0 tidak terlacak." in report
