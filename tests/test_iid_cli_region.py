"""``rancang iid`` on the synthetic Kabupaten Contoh (tests/iid_region.py), whose IID evidence is complete: the
estimate with its predicate, the text and JSON reports, and the export read back cell by cell."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from iid_region import complete_region, innovation_id
from rancang.assessment.catalogue import load_catalogue
from rancang.assessment.score import estimate
from rancang.check import check_project
from rancang.cli import main
from rancang.render.iid_xlsx import SHEETS, profile_headers


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return complete_region(tmp_path_factory.mktemp("iid"))


@pytest.fixture(scope="module")
def exported(region: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    target = tmp_path_factory.mktemp("ekspor") / "iid-kabupaten-contoh.xlsx"
    out = _run(region, ["iid", "--ekspor", str(target)])
    return target, out


def _run(root: Path, argv: list[str], code: int = 0) -> str:
    import contextlib
    import io
    import os

    buffer, cwd = io.StringIO(), os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(buffer):
            assert main(argv) == code
    finally:
        os.chdir(cwd)
    return buffer.getvalue()


def _rows(sheet) -> list[tuple]:
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_the_estimate_has_its_predicate(exported):
    out = exported[1].splitlines()
    assert out[:6] == [
        "Kesiapan Indeks Inovasi Daerah: Kabupaten Contoh",
        "Katalog: Indeks Inovasi Daerah 2026 (keyakinan rendah).",
        "",
        "Perkiraan nilai (perkiraan, bukan nilai resmi BSKDN): indeks 71,73 dari 100, predikat Sangat Inovatif.",
        "  SPD 63 dari 63; SID 116,32 (indikator 111 dari 111, skor jumlah inovasi 5,32 dari 76); total 179,32 dari "
        "250; 14 inovasi dihitung.",
        "  Catatan perkiraan:"]
    assert "    - pembagi minimal 14 (keyakinan rendah)" in out
    docs = " ".join((Path(__file__).parents[1] / "docs/iid-ekspor.md").read_text(encoding="utf-8").split())
    assert f"`{out[3]}`" in docs  # the page quotes this line
    assert out[-1] == f"Ditulis: {exported[0]}"


def test_region_and_innovation_lines(exported):
    out = exported[1].splitlines()
    assert "Daerah (aspek SPD, kb/iid.yaml): 20 dari 20 indikator berbukti." in out
    assert "  - 1 Visi dan misi inovasi kepala daerah: tingkat 3; kb/bukti/daerah/visi-misi.pdf" in out
    assert ("Inovasi: 14; bukti indikator wajib lengkap: 14; semua indikator berbukti: 14; isian profil formulir "
            "lengkap: 0.") in out  # none gives a contact person or a full trial date
    first = out.index("inovasi-sintetis-01: Inovasi Sintetis 01")
    assert out[first + 1:first + 3] == [
        "  Indikator SID berbukti: 20 dari 20.",
        "  - 16 Regulasi inovasi daerah: tingkat 3; kb/bukti/inovasi-sintetis-01/regulasi.pdf"]
    assert out[first + 21] == ("  - 35 Video inovasi daerah: tingkat 3; "
                               "https://example.org/video-sintetis/inovasi-sintetis-01")
    assert out[first + 22:first + 25] == [
        "  Isian profil formulir IID yang masih kurang (2):",
        "    - Narahubung: belum diisi",
        "    - Waktu uji coba inovasi daerah: baru Februari 2024; formulir meminta tanggal, bulan, dan tahun"]
    assert not any("Belum berbukti" in line for line in out)


def test_json(region):
    report = json.loads(_run(region, ["iid", "--format", "json"]))
    estimate_ = report["perkiraan"]
    assert estimate_["dapat_dihitung"] is True and estimate_["predikat"] == "Sangat Inovatif"
    assert estimate_["nilai"] == {"indeks": 71.73, "spd": 63.0, "spd_maksimum": 63.0, "sid": 116.32,
                                  "sid_indikator": 111.0, "sid_indikator_maksimum": 111.0,
                                  "skor_jumlah_inovasi": 5.32, "total": 179.32, "maksimum": 250.0,
                                  "jumlah_inovasi": 14}
    assert estimate_["kurang"] == [] and estimate_["label"] == "perkiraan, bukan nilai resmi BSKDN"
    assert [i["id"] for i in report["inovasi"]] == [innovation_id(n) for n in range(1, 15)]
    video = report["inovasi"][0]["indikator"][-1]
    assert video == {"id": "video", "nomor": "35", "nama": "Video inovasi daerah", "wajib": True, "status": "ada",
                     "tingkat": 3, "bukti": [{"berkas": None,
                                              "tautan": "https://example.org/video-sintetis/inovasi-sintetis-01",
                                              "tingkat": 3, "keterangan": "Dokumen sintetis untuk pengujian (35)."}],
                     "masalah": []}
    assert {i["status"] for i in report["spd"]["indikator"]} == {"ada"}


def test_the_export_read_back(exported):
    book = openpyxl.load_workbook(exported[0])
    assert book.sheetnames == list(SHEETS)
    profile = _rows(book["Profil"])
    assert list(profile[0]) == profile_headers()
    assert len(profile) == 15
    first = dict(zip(profile[0], profile[1]))
    design = first.pop("Rancang bangun inovasi daerah dan pokok perubahan yang dilakukan")
    assert first == {
        "Id (rancang)": "inovasi-sintetis-01",
        "Nama OPD/unit pengusul": "Badan Perencanaan Pembangunan Daerah Kabupaten Contoh",
        "Narahubung": None,
        "Nama inovasi daerah": "Inovasi Sintetis 01",
        "Tahapan inovasi": "Penerapan",
        "Inisiator inovasi daerah": "ASN",
        "Jenis inovasi": "Digital",
        "Bentuk inovasi daerah": "Inovasi pelayanan publik",
        "Urusan pemerintahan": "pendidikan",
        "Waktu uji coba inovasi daerah": "Februari 2024",
        "Waktu penerapan inovasi daerah": dt.datetime(2024, 6, 3),
        "Tujuan inovasi daerah": "Mempercepat layanan rekaan bagi warga Kabupaten Contoh.",
        "Manfaat yang diperoleh": "Warga rekaan menerima hasil layanan lebih cepat.",
        "Hasil inovasi": "Waktu layanan rekaan turun dari lima hari menjadi satu hari.",
    }
    assert design.startswith("Rancang bangun sintetis inovasi contoh nomor 1 untuk pengujian; ")
    assert len(design.split()) >= 300
    assert book["Profil"]["K2"].number_format == "DD/MM/YYYY"

    sid = _rows(book["Bukti SID"])
    assert len(sid) == 1 + 14 * 20
    assert sid[1] == ("inovasi-sintetis-01", "Inovasi Sintetis 01", "16", "Regulasi inovasi daerah", 3,
                      "kb/bukti/inovasi-sintetis-01/regulasi.pdf", None, "Dokumen sintetis untuk pengujian (16).", "Ada bukti")
    assert sid[20] == ("inovasi-sintetis-01", "Inovasi Sintetis 01", "35", "Video inovasi daerah", 3, None,
                       "https://example.org/video-sintetis/inovasi-sintetis-01",
                       "Dokumen sintetis untuk pengujian (35).", "Ada bukti")
    assert [row[2] for row in sid[1:21]] == [str(n) for n in range(16, 36)]
    assert {row[-1] for row in sid[1:]} == {"Ada bukti"}

    spd = _rows(book["Bukti SPD"])
    assert len(spd) == 21
    assert spd[1] == ("1", "Visi dan misi inovasi kepala daerah", 3, "kb/bukti/daerah/visi-misi.pdf", None,
                      "Dokumen sintetis untuk pengujian (1).", "Ada bukti")
    assert [row[0] for row in spd[1:4]] == ["1", "2a", "2b"]

    missing = _rows(book["Belum lengkap"])
    assert len(missing) == 1 + 14 * 2
    assert missing[1:3] == [
        ("inovasi-sintetis-01", "Inovasi Sintetis 01", "Narahubung", "belum diisi"),
        ("inovasi-sintetis-01", "Inovasi Sintetis 01", "Waktu uji coba inovasi daerah",
         "baru Februari 2024; formulir meminta tanggal, bulan, dan tahun")]

    notes = dict(_rows(book["Keterangan"])[1:])
    assert notes["Perkiraan nilai"] == ("indeks 71,73 dari 100, predikat Sangat Inovatif (perkiraan, bukan nilai "
                                        "resmi BSKDN; nilai resmi adalah hasil validasi BSKDN)")
    assert notes["Katalog indikator"].startswith("Indeks Inovasi Daerah 2026 (tahun 2026), keyakinan rendah: ")
    assert "pembagi minimal 14 (keyakinan rendah)" in notes["Catatan perkiraan"]
    assert notes["Batas unggah"].startswith("batas ukuran unggah portal IID")


def test_lower_levels_give_the_domains_predicate(tmp_path):
    root = complete_region(tmp_path, innovations=6, sid_level=2, spd_level=1)
    report = json.loads(_run(root, ["iid", "--format", "json", "--tahun", "2026"]))
    expected = estimate(check_project(root).data, load_catalogue(2026))
    assert expected.predicate is not None
    assert report["perkiraan"]["predikat"] == expected.predicate
    assert report["perkiraan"]["nilai"]["indeks"] == expected.index
    assert {i["tingkat"] for i in report["spd"]["indikator"]} == {1}


def test_a_missing_mandatory_evidence_withholds_the_predicate(tmp_path):
    root = complete_region(tmp_path, innovations=14)
    path = root / "kb/inovasi" / f"{innovation_id(3)}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("  - indikator: video")
    del lines[start:start + 4]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "iid.xlsx"
    out = _run(root, ["iid", "--ekspor", str(target)]).splitlines()
    assert out[3] == ("Perkiraan nilai (perkiraan, bukan nilai resmi BSKDN): belum dapat dihitung, karena bukti wajib "
                      "belum lengkap. Yang masih kurang:")
    assert out[4] == "    - inovasi 'inovasi-sintetis-03' belum memiliki bukti indikator wajib: video"
    third = out.index("inovasi-sintetis-03: Inovasi Sintetis 03")
    assert out[third + 1] == "  Indikator SID berbukti: 19 dari 20."
    assert "Inovasi: 14; bukti indikator wajib lengkap: 13; semua indikator berbukti: 13; isian profil formulir " \
           "lengkap: 0." in out
    assert out[third + 21] == "  Belum berbukti (1, 1 wajib): 35 Video inovasi daerah (wajib)."
    sid = _rows(openpyxl.load_workbook(target)["Bukti SID"])
    assert ("inovasi-sintetis-03", "Inovasi Sintetis 03", "35", "Video inovasi daerah", None, None, None, None,
            "Belum ada bukti") in sid


def test_a_missing_document_is_an_error_with_its_place(tmp_path, capsys):
    root = complete_region(tmp_path, innovations=6)
    (root / "kb/bukti/inovasi-sintetis-02/sdm.pdf").unlink()
    target = tmp_path / "iid.xlsx"
    assert _run(root, ["iid", "--ekspor", str(target)], code=1) == ""
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("kb/inovasi/inovasi-sintetis-02.yaml:") and ": P456: " in line for line in err), err
    assert err[-1].endswith("laporan IID tidak dibuat dan tidak ada yang ditulis.")
    assert not target.exists()


def test_a_text_longer_than_a_cell_is_cut_and_listed(tmp_path):
    """A spreadsheet cell holds 32,767 characters: a longer design is cut in the Profil sheet, and the cut is
    listed in Belum lengkap, so that nothing is lost unnoticed."""
    root = complete_region(tmp_path, innovations=6)
    path = root / "kb/inovasi" / f"{innovation_id(2)}.yaml"
    words = " ".join(f"kata{n}" for n in range(6000))  # 52,889 characters
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("rancang_bangun:"))
    lines[at] = f"rancang_bangun: {words}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "iid.xlsx"
    _run(root, ["iid", "--ekspor", str(target)])
    book = openpyxl.load_workbook(target)
    profile = _rows(book["Profil"])
    header = profile[0]
    row = next(r for r in profile if r[0] == innovation_id(2))
    design = row[header.index(next(h for h in header if h.startswith("Rancang bangun")))]
    assert len(design) == 32_767 and design.endswith("…") and design.startswith("kata0 kata1 ")
    missing = _rows(book["Belum lengkap"])
    listed = [r for r in missing if r[0] == innovation_id(2) and str(r[2]).startswith("Rancang bangun")]
    assert listed and listed[0][3].startswith(f"teks {len(words):,} karakter".replace(",", "."))
    assert "sel memuat awalnya saja" in listed[0][3]
