"""``rancang iid`` on the bundled example (Parepare): what the IID form still asks, the export read back cell by
cell, and bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import openpyxl
import pytest

from rancang.cli import main
from rancang.present.iid_form import FORM_FIELDS, PORTAL_LABELS
from rancang.render.iid_xlsx import SHEETS, profile_headers

ROOT = Path(__file__).resolve().parents[1]

PROFILE_HEADERS = [
    "Id (rancang)", "Nama OPD/unit pengusul", "Narahubung", "Nama inovasi daerah", "Tahapan inovasi",
    "Inisiator inovasi daerah", "Jenis inovasi", "Bentuk inovasi daerah", "Urusan pemerintahan",
    "Waktu uji coba inovasi daerah", "Waktu penerapan inovasi daerah",
    "Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan", "Tujuan inovasi daerah",
    "Manfaat yang diperoleh", "Hasil inovasi",
]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _rows(sheet) -> list[tuple]:
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_the_form_order_is_the_portals():
    assert profile_headers() == PROFILE_HEADERS
    assert [f.key for f in FORM_FIELDS][2:] == [
        "nama", "tahapan", "inisiator", "jenis", "bentuk", "urusan", "tanggal_uji_coba", "tanggal_penerapan",
        "rancang_bangun", "tujuan", "manfaat", "hasil"]


def test_the_domains_form_fields_are_the_columns_in_the_same_order():
    # the domain decides which fields are still asked (the site shows the same); the export lays them out
    from rancang.assessment.indicators import FORM_FIELDS as DOMAIN_FIELDS
    from rancang.models.innovation import Innovation

    keys = [Innovation.model_fields[attribute].alias for attribute, _label in DOMAIN_FIELDS]
    assert keys == [f.key for f in FORM_FIELDS][2:]


def test_parepare_report_says_what_is_missing_and_gives_no_predicate(in_root, capsys):
    assert main(["iid"]) == 0
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[:4] == [
        "Kesiapan Indeks Inovasi Daerah: Kota Parepare",
        "Katalog: Indeks Inovasi Daerah 2026 (keyakinan rendah).",
        "",
        "Perkiraan nilai (perkiraan, bukan nilai resmi BSKDN): belum dapat dihitung, karena bukti wajib belum "
        "lengkap. Yang masih kurang:"]
    assert out[4].startswith("    - bukti indikator wajib pemerintah daerah (SPD) belum lengkap di kb/iid.yaml: "
                             "visi-misi, ")
    assert "    - inovasi 'berdaya-srikandi-oleh-srikandi' belum memiliki bukti indikator wajib: regulasi, sdm, " \
           "kecepatan, kemanfaatan, video" in out
    text = captured.out
    assert "predikat" not in text.split("Catatan perkiraan:")[0]  # no predicate, no index: nothing invented
    assert "indeks " not in text.split("Catatan perkiraan:")[0]
    assert "Daerah (aspek SPD, kb/iid.yaml): 0 dari 20 indikator berbukti." in out
    assert ("Inovasi: 6; bukti indikator wajib lengkap: 0; semua indikator berbukti: 0; isian profil formulir "
            "lengkap: 0.") in out
    srikandi = out.index("berdaya-srikandi-oleh-srikandi: Berdaya Srikandi oleh Srikandi")
    assert out[srikandi + 1] == "  Indikator SID berbukti: 0 dari 20."
    assert out[srikandi + 2].startswith("  Belum berbukti (20, 5 wajib): 16 Regulasi inovasi daerah (wajib), 17 ")
    assert out[srikandi + 2].endswith(", 35 Video inovasi daerah (wajib).")
    assert out[srikandi + 3].startswith("  Masa penerapan: tanggal_penerapan belum diisi")
    assert out[srikandi + 4:srikandi + 13] == [
        "  Isian profil formulir IID yang masih kurang (8):",
        "    - Narahubung: belum diisi",
        "    - Inisiator inovasi daerah: belum diisi",
        "    - Jenis inovasi: belum diisi",  # Bentuk is given: pelayanan publik
        "    - Waktu uji coba inovasi daerah: belum diisi",
        "    - Waktu penerapan inovasi daerah: belum diisi",
        "    - Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan: belum diisi",
        "    - Tujuan inovasi daerah: belum diisi",
        "    - Manfaat yang diperoleh: belum diisi"]
    # the drafting warnings of the regulation do not concern the IID: counted, not listed
    assert captured.err.splitlines() == [
        "Pemeriksaan proyek juga menemukan 3 peringatan di luar kb/ (lihat rancang check)."]


def test_parepare_json(in_root, capsys):
    assert main(["iid", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["daerah"] == "Kota Parepare"
    assert report["katalog"] == {"tahun": 2026, "nama": "Indeks Inovasi Daerah 2026", "keyakinan": "rendah"}
    estimate = report["perkiraan"]
    assert estimate["label"] == "perkiraan, bukan nilai resmi BSKDN"
    assert estimate["dapat_dihitung"] is False
    assert estimate["predikat"] is None and estimate["nilai"] is None
    assert len(estimate["kurang"]) == 1 + len(report["inovasi"])
    assert report["spd"]["berkas_ada"] is True
    assert report["jumlah"] == {"inovasi": 6, "wajib_lengkap": 0, "semua_berbukti": 0, "isian_lengkap": 0}
    assert {i["status"] for i in report["spd"]["indikator"]} == {"belum"}
    srikandi = next(i for i in report["inovasi"] if i["id"] == "berdaya-srikandi-oleh-srikandi")
    assert [i["nomor"] for i in srikandi["indikator"]] == [str(n) for n in range(16, 36)]
    assert srikandi["indikator"][0] == {"id": "regulasi", "nomor": "16", "nama": "Regulasi inovasi daerah",
                                        "wajib": True, "status": "belum", "tingkat": None, "bukti": [],
                                        "masalah": []}
    fields = {f["isian"]: f for f in srikandi["isian_formulir"]}
    assert list(fields) == [f.key for f in FORM_FIELDS]
    assert fields["bentuk"] == {"isian": "bentuk", "judul": "Bentuk inovasi daerah",
                                "nilai": "Inovasi pelayanan publik", "kurang": None}
    assert fields["inisiator"]["nilai"] is None and fields["inisiator"]["kurang"] == "belum diisi"
    assert {f["kode"] for f in report["temuan"]} == {"L512"}


def test_parepare_export_read_back(in_root, tmp_path, capsys):
    target = tmp_path / "iid.xlsx"
    assert main(["iid", "--ekspor", str(target)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Ditulis: {target}"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    profile = _rows(book["Profil"])
    assert list(profile[0]) == PROFILE_HEADERS
    ids = [row[0] for row in profile[1:]]
    assert ids == sorted(p.stem for p in (ROOT / "kb/inovasi").glob("*.yaml"))
    srikandi = dict(zip(PROFILE_HEADERS, profile[1 + ids.index("berdaya-srikandi-oleh-srikandi")]))
    assert srikandi["Nama inovasi daerah"] == "Berdaya Srikandi oleh Srikandi"
    assert srikandi["Nama OPD/unit pengusul"] == "Dinas Pertanian, Kelautan dan Perikanan"
    assert srikandi["Tahapan inovasi"] == "Penerapan"
    assert srikandi["Bentuk inovasi daerah"] == "Inovasi pelayanan publik"
    assert srikandi["Urusan pemerintahan"] == "kelautan dan perikanan"
    # unknown facts stay empty, never guessed
    assert srikandi["Inisiator inovasi daerah"] is None and srikandi["Jenis inovasi"] is None
    assert srikandi["Waktu penerapan inovasi daerah"] is None
    assert srikandi["Hasil inovasi"].startswith("Pada 2019 tercatat 368 perempuan pesisir aktif")
    # ... and listed
    missing = _rows(book["Belum lengkap"])
    assert missing[0] == ("Id (rancang)", "Nama inovasi", "Isian", "Yang masih kurang")
    assert ("berdaya-srikandi-oleh-srikandi", "Berdaya Srikandi oleh Srikandi", "Inisiator inovasi daerah",
            "belum diisi") in missing
    empty_cells = sum(1 for row in profile[1:] for value in row if value is None)
    assert len(missing) - 1 == empty_cells
    sid = _rows(book["Bukti SID"])
    assert sid[0] == ("Id (rancang)", "Nama inovasi", "Nomor indikator", "Indikator", "Tingkat diklaim", "Berkas",
                      "Tautan", "Keterangan", "Status")
    assert len(sid) - 1 == 20 * len(ids)  # a row for every indicator of every innovation, none with a document
    assert sid[1] == (ids[0], profile[1][3], "16", "Regulasi inovasi daerah", None, None, None, None,
                      "Belum ada bukti")
    assert {row[-1] for row in sid[1:]} == {"Belum ada bukti"}
    spd = _rows(book["Bukti SPD"])
    assert spd[1] == ("1", "Visi dan misi inovasi kepala daerah", None, None, None, None, "Belum ada bukti")
    assert len(spd) - 1 == 20
    notes = dict(_rows(book["Keterangan"])[1:])
    assert notes["Perkiraan nilai"].startswith("belum dapat dihitung (perkiraan, bukan nilai resmi BSKDN): bukti "
                                               "wajib belum lengkap. Yang masih kurang: bukti indikator wajib ")
    assert notes["Katalog indikator"].startswith("Indeks Inovasi Daerah 2026 (tahun 2026), keyakinan rendah")
    assert notes["Keyakinan urutan isian"].startswith("sedang: ")
    assert "123dok.com" in notes["Sumber urutan isian"]


def test_a_synthetic_profile_fills_every_column(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, """\
nama: Layanan Uji
perangkat_daerah: dinkes
inisiator: asn
jenis: non_digital
bentuk: lainnya
tahapan: penerapan
urusan: [kesehatan, sosial]
tanggal_uji_coba: 2024-03-05
tanggal_penerapan: 2024-07
rancang_bangun: Rancang bangun *singkat* dengan sedikit kata.
tujuan: Tujuan uji.
manfaat: Manfaat uji.
hasil: Hasil uji.
kontak: {nama: Petugas Uji, telepon: ["0421-1"]}
""")
    monkeypatch.chdir(root)
    target = root / "keluaran/iid.xlsx"
    assert main(["iid", "--ekspor", "keluaran/iid.xlsx"]) == 0
    book = openpyxl.load_workbook(target)
    header, row = _rows(book["Profil"])
    values = dict(zip(header, row))
    assert values == {
        "Id (rancang)": "uji", "Nama OPD/unit pengusul": "Dinas Kesehatan", "Narahubung": "Petugas Uji (0421-1)",
        "Nama inovasi daerah": "Layanan Uji", "Tahapan inovasi": "Penerapan", "Inisiator inovasi daerah": "ASN",
        "Jenis inovasi": "Non Digital", "Bentuk inovasi daerah": PORTAL_LABELS[_form_other()],
        "Urusan pemerintahan": "kesehatan; sosial", "Waktu uji coba inovasi daerah": dt.datetime(2024, 3, 5),
        "Waktu penerapan inovasi daerah": "Juli 2024",
        "Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan":
            "Rancang bangun singkat dengan sedikit kata.",
        "Tujuan inovasi daerah": "Tujuan uji.", "Manfaat yang diperoleh": "Manfaat uji.",
        "Hasil inovasi": "Hasil uji."}
    assert book["Profil"]["J2"].number_format == "DD/MM/YYYY"
    missing = _rows(book["Belum lengkap"])[1:]
    assert missing == [
        ("uji", "Layanan Uji", "Waktu penerapan inovasi daerah",
         "baru Juli 2024; formulir meminta tanggal, bulan, dan tahun"),
        ("uji", "Layanan Uji", "Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan",
         "6 kata; formulir meminta paling sedikit 300 kata")]
    out = capsys.readouterr().out
    assert ("  Isian profil formulir IID yang masih kurang (2):\n"
            "    - Waktu penerapan inovasi daerah: baru Juli 2024; formulir meminta tanggal, bulan, dan tahun\n") in out


def test_an_initiative_is_not_asked_its_dates(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, "nama: Ide Uji\ntahapan: inisiatif\n")
    monkeypatch.chdir(root)
    assert main(["iid", "--format", "json"]) == 0
    fields = {f["isian"]: f for f in json.loads(capsys.readouterr().out)["inovasi"][0]["isian_formulir"]}
    assert fields["tanggal_uji_coba"]["kurang"] is None and fields["tanggal_penerapan"]["kurang"] is None
    assert fields["tujuan"]["kurang"] == "belum diisi"


# -- bad input ----------------------------------------------------------------------------------------------------


def test_export_must_be_xlsx(in_root, tmp_path, capsys):
    assert main(["iid", "--ekspor", str(tmp_path / "iid.csv")]) == 1
    err = capsys.readouterr().err
    assert err == (f"{tmp_path / 'iid.csv'}: P409: berkas ekspor harus berakhiran .xlsx (buku kerja Excel), "
                   "misalnya iid.xlsx; tidak ada yang ditulis\n")
    assert not (tmp_path / "iid.csv").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_export_leaves_nothing(in_root, tmp_path, capsys):
    folder = tmp_path / "tertutup"
    folder.mkdir()
    (folder / "iid.xlsx").write_bytes(b"lama")
    folder.chmod(0o500)
    try:
        assert main(["iid", "--ekspor", str(folder / "iid.xlsx")]) == 1
        err = capsys.readouterr().err
        assert err == (f"{folder / 'iid.xlsx'}: P409: berkas tidak dapat ditulis: izin menulis ditolak; berkas lama "
                       "tidak diubah\n")
        assert sorted(p.name for p in folder.iterdir()) == ["iid.xlsx"]
        assert (folder / "iid.xlsx").read_bytes() == b"lama"
    finally:
        folder.chmod(0o700)


def test_export_under_a_file_is_refused(in_root, tmp_path, capsys):
    (tmp_path / "catatan").write_text("bukan folder", encoding="utf-8")
    assert main(["iid", "--ekspor", str(tmp_path / "catatan/iid.xlsx")]) == 1
    assert capsys.readouterr().err == (f"{tmp_path / 'catatan/iid.xlsx'}: P409: berkas tidak dapat ditulis: bagian "
                                       "jalurnya bukan folder; berkas lama tidak diubah\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catatan"]


def test_export_into_a_folder_is_refused(in_root, tmp_path, capsys):
    (tmp_path / "iid.xlsx").mkdir()
    assert main(["iid", "--ekspor", str(tmp_path / "iid.xlsx")]) == 1
    assert capsys.readouterr().err.endswith("P409: berkas tidak dapat ditulis: jalur itu sebuah folder; berkas lama "
                                            "tidak diubah\n")


def test_errors_in_the_data_stop_the_report(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, "nama: Uji\ntahapan: entah\n")
    monkeypatch.chdir(root)
    assert main(["iid", "--ekspor", "iid.xlsx"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert err[0].startswith("kb/inovasi/uji.yaml:2:10: S20")
    assert err[-1] == ("Ditemukan 1 galat dan 0 peringatan: perbaiki dulu (lihat rancang check); laporan IID tidak "
                       "dibuat dan tidak ada yang ditulis.")
    assert not (root / "iid.xlsx").exists()


def test_errors_in_json(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, "nama: Uji\ntahapan: entah\n")
    monkeypatch.chdir(root)
    assert main(["iid", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["galat"] == 1
    assert [(f["berkas"], f["baris"], f["kolom"]) for f in report["temuan"] if f["tingkat"] == "galat"] == [
        ("kb/inovasi/uji.yaml", 2, 10)]


def test_strict_makes_warnings_stop_it(in_root, tmp_path, capsys):
    assert main(["iid", "--strict", "--ekspor", str(tmp_path / "iid.xlsx")]) == 1
    assert "Ditemukan 3 galat dan 0 peringatan: perbaiki dulu" in capsys.readouterr().err
    assert not (tmp_path / "iid.xlsx").exists()


def test_an_unknown_catalogue_year(in_root, tmp_path, capsys):
    assert main(["iid", "--tahun", "1999", "--ekspor", str(tmp_path / "iid.xlsx")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("rancang iid: galat: katalog IID tahun 1999 tidak tersedia di rancang; katalog yang "
                            "tersedia: 2026\n")
    assert not (tmp_path / "iid.xlsx").exists()


def test_a_year_that_is_not_a_number_is_a_usage_error(in_root, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["iid", "--tahun", "kemarin"])
    assert stop.value.code == 2
    assert "argumen --tahun: nilai 'kemarin' tidak valid" in capsys.readouterr().err


# -- helpers ------------------------------------------------------------------------------------------------------


def _form_other():
    from rancang.models.innovation import Form

    return Form.OTHER


def _project(tmp_path: Path, profile: str) -> Path:
    root = tmp_path / "proyek"
    (root / "kb/inovasi").mkdir(parents=True)
    (root / "rancang.yaml").write_text("daerah: {jenis: kabupaten, nama: Contoh, provinsi: Uji}\n", encoding="utf-8")
    (root / "kb/perangkat-daerah.yaml").write_text("- id: dinkes\n  nama: Dinas Kesehatan\n", encoding="utf-8")
    record_id = "uji" if "nama: Ide" not in profile else "ide"
    (root / f"kb/inovasi/{record_id}.yaml").write_text(profile, encoding="utf-8")
    return root


def test_the_docs_quote_what_rancang_prints(in_root, capsys):
    page = (ROOT / "docs/iid-ekspor.md").read_text(encoding="utf-8")
    quoted = page.split("```text\n")[2].split("```")[0].splitlines()
    assert main(["iid"]) == 0
    assert capsys.readouterr().out.splitlines()[:len(quoted)] == quoted


def test_the_docs_list_the_columns_in_the_form_order():
    page = (ROOT / "docs/iid-ekspor.md").read_text(encoding="utf-8")
    table = [line.split("|")[1].strip() for line in page.splitlines() if line.startswith("| ")][1:]
    assert table == profile_headers()[1:]
    assert "rancang iid" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_id_column_fits_the_longest_id(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "iid.xlsx"
    assert main(["iid", "--ekspor", str(target)]) == 0
    sheet = openpyxl.load_workbook(target)["Profil"]
    assert sheet.column_dimensions["A"].width >= len("workshop-champion-of-innovation")
