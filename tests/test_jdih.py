"""JDIH metadata: ``rancang ekspor jdih`` and ``data/jdih.json``/``jdih.csv`` of the site.

Every field is read back from the files a user uploads: the example's two drafts (Kota Parepare), the Pangkep
example's Raperda, and an enacted copy of the example's Perwali. Drafts are marked as drafts; what the project does
not know is empty and reported (P470), never guessed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from rancang.cli import main
from rancang.present.jdih import EMPTY_FEED_KEYS, FEED_CONSTANTS, FIELDS
from support import build_site_of, copy_example

ROOT = Path(__file__).resolve().parents[1]
PANGKEP = ROOT / "examples" / "pangkep"
LABELS = [field.label for field in FIELDS]
KEYS = [field.key for field in FIELDS] + list(EMPTY_FEED_KEYS) + list(FEED_CONSTANTS)

ENACTED = """\
nomor: 5
tahun: 2026
"""
ENACTED_DATES = """\
penetapan:
  tempat: Parepare
  tanggal: 2026-03-02
pengundangan:
  tempat: Parepare
  tanggal: 2026-03-03
  nomor_berita_daerah: 7
"""


def ekspor(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["-C", str(root), "ekspor", "jdih", *args])
    out, err = capsys.readouterr()
    return code, out, err


def read_json(path: Path) -> dict[str, dict[str, str]]:
    records = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(records, list)
    for record in records:
        assert list(record) == KEYS
        assert all(isinstance(value, str) for value in record.values()), record
    return {record["idData"]: record for record in records}


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == LABELS
    return {row[0]: dict(zip(LABELS, row)) for row in rows[1:]}


@pytest.fixture
def example_export(example_copy: Path, tmp_path: Path, capsys) -> tuple[dict, dict, str]:
    code, out, err = ekspor(example_copy, "-o", str(tmp_path / "jdih.json"), capsys=capsys)
    assert code == 0, err
    code, out2, err2 = ekspor(example_copy, "-o", str(tmp_path / "jdih.csv"), capsys=capsys)
    assert code == 0, err2
    assert "Ditulis:" in out and "jdih.json" in out and "(2 peraturan)" in out
    return read_json(tmp_path / "jdih.json"), read_csv(tmp_path / "jdih.csv"), err


def test_the_example_perwali_draft(example_export) -> None:
    records, rows, err = example_export
    perwali = records["perwali-inovasi-daerah"]
    assert perwali["judul"] == "Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah"
    assert perwali["tipeDokumen"] == "Peraturan"
    assert perwali["teuBadan"] == "Parepare. Wali Kota"
    assert perwali["jenis"] == "Peraturan Wali Kota"
    assert perwali["singkatanJenis"] == "PERWALI"
    assert perwali["tempatTerbit"] == "Parepare"
    assert perwali["status"] == "Rancangan"
    assert perwali["bahasa"] == "Indonesia"
    assert perwali["subjek"] == "INOVASI DAERAH - PAREPARE"
    assert perwali["bidangHukum"] == "Hukum Administrasi Negara"
    assert perwali["pemrakarsa"] == "Badan Perencanaan Pembangunan Daerah"
    assert perwali["penandatangan"] == "Tasming Hamid"
    for empty in ("noPeraturan", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "sumber",
                  "lokasi", "urlDetailPeraturan", "keteranganStatus"):
        assert perwali[empty] == "", empty
    related = perwali["peraturanTerkait"].split("; ")
    assert related[0] == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    assert "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in related
    assert "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah" in related
    assert perwali["operasi"] == "4" and perwali["display"] == "1"
    # the CSV says the same under the JDIH form's labels
    row = rows["perwali-inovasi-daerah"]
    assert [row[field.label] for field in FIELDS] == [perwali[field.key] for field in FIELDS]
    # the one unknown field is reported, located in the jdih block
    assert "perwali-inovasi-daerah.yaml:" in err
    lines = [line for line in err.splitlines() if "perwali-inovasi-daerah" in line]
    assert len(lines) == 1 and "P470" in lines[0] and "lokasi kosong" in lines[0] and "isi jdih: lokasi" in lines[0]


def test_the_example_keputusan_draft(example_export) -> None:
    records, rows, err = example_export
    decree = records["keputusan-inovasi-daerah"]
    assert decree["judul"] == ("Rancangan Keputusan Wali Kota Parepare tentang Penetapan Inovasi Daerah Kota "
                               "Parepare")
    assert decree["teuBadan"] == "Parepare. Wali Kota"
    assert decree["jenis"] == "Keputusan Wali Kota"
    assert decree["singkatanJenis"] == "KEPWALI"
    assert decree["status"] == "Rancangan"
    assert decree["tanggal_pengundangan"] == "" and decree["sumber"] == ""
    assert decree["peraturanTerkait"].split("; ")[0] == ("Undang-Undang Nomor 29 Tahun 1959 tentang Pembentukan "
                                                         "Daerah-daerah Tingkat II di Sulawesi")
    for key in ("subjek", "lokasi", "bidangHukum", "pemrakarsa"):
        assert decree[key] == "", key
    reported = [line for line in err.splitlines() if "keputusan-inovasi-daerah" in line]
    assert len(reported) == 4
    for word, key in (("subjek", "jdih: subjek"), ("lokasi", "jdih: lokasi"), ("bidang hukum", "jdih: bidang_hukum"),
                      ("pemrakarsa", "jdih: pemrakarsa")):
        assert any(f"{word} kosong" in line and f"isi {key}" in line for line in reported), word
    assert "Metadata JDIH: 2 peraturan, 2 di antaranya rancangan, 5 isian kosong (P470)." in err


def test_the_pangkep_perda_draft(tmp_path: Path, capsys) -> None:
    root = tmp_path / "pangkep"
    shutil.copytree(PANGKEP, root, ignore=shutil.ignore_patterns("_build"))
    code, out, err = ekspor(root, "-o", str(tmp_path / "pangkep.json"), capsys=capsys)
    assert code == 0, err
    perda = read_json(tmp_path / "pangkep.json")["raperda-inovasi-daerah"]
    assert perda["judul"] == "Rancangan Peraturan Daerah Kabupaten Pangkajene dan Kepulauan tentang Inovasi Daerah"
    assert perda["teuBadan"] == "Pangkajene dan Kepulauan (Kabupaten)"
    assert perda["jenis"] == "Peraturan Daerah"
    assert perda["singkatanJenis"] == "PERDA"
    assert perda["tempatTerbit"] == "Pangkajene"  # ibu_kota, as the signature block prints it
    assert perda["status"] == "Rancangan"
    assert perda["penandatangan"] == ""  # rancang.yaml names no Bupati: empty, reported
    assert "Pasal" not in perda["peraturanTerkait"]
    last = perda["peraturanTerkait"].split("; ")[-1]
    assert last == "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah"
    assert any("raperda-inovasi-daerah" in line and "penandatangan kosong" in line and "kepala_daerah: nama" in line
               for line in err.splitlines()), err
    perbup = read_json(tmp_path / "pangkep.json")["perbup-pelaksanaan-inovasi-daerah"]
    assert perbup["teuBadan"] == "Pangkajene dan Kepulauan. Bupati"
    assert perbup["singkatanJenis"] == "PERBUP"


def _enact(root: Path, jdih: str) -> Path:
    """The example's Perwali, enacted: number, year, dates, Berita Daerah number, and the given jdih block."""
    path = root / "regulations" / "perwali-inovasi-daerah.yaml"
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n## Rancangan: tanggal dikosongkan.")
    path.write_text(ENACTED + head + "\n" + ENACTED_DATES + jdih, encoding="utf-8")
    return path


def test_an_enacted_regulation_is_described_in_full_and_keeps_ampersands(example_copy: Path, tmp_path: Path,
                                                                          capsys) -> None:
    _enact(example_copy, """\
jdih:
  subjek: INOVASI DAERAH - PAREPARE
  bidang_hukum: Hukum Administrasi Negara
  lokasi: Bagian Hukum & Arsip <Setda>
  pemrakarsa: Badan Perencanaan Pembangunan Daerah
  status: berlaku
  jumlah_halaman: 12
""")
    settings = example_copy / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "  deskripsi: ", "  alamat: https://inovasi.pareparekota.go.id/\n  deskripsi: "), encoding="utf-8")
    for name in ("jdih.json", "jdih.csv"):
        code, out, err = ekspor(example_copy, "-o", str(tmp_path / name), capsys=capsys)
        assert code == 0, err
        assert "perwali-inovasi-daerah" not in err  # nothing left to fill
    record = read_json(tmp_path / "jdih.json")["perwali-inovasi-daerah"]
    assert record["judul"] == "Peraturan Wali Kota Parepare Nomor 5 Tahun 2026 tentang Inovasi Daerah"
    assert record["noPeraturan"] == "5" and record["tahun_pengundangan"] == "2026"
    assert record["tanggal_penetapan"] == "2026-03-02"
    assert record["tanggal_pengundangan"] == "2026-03-03"
    assert record["sumber"] == "BD KOTA PAREPARE 2026 (7) : 12 HLM"
    assert record["status"] == "Berlaku"
    assert record["lokasi"] == "Bagian Hukum & Arsip <Setda>"
    assert record["urlDetailPeraturan"] == "https://inovasi.pareparekota.go.id/regulations/perwali-inovasi-daerah.html"
    row = read_csv(tmp_path / "jdih.csv")["perwali-inovasi-daerah"]
    assert row["Lokasi"] == "Bagian Hukum & Arsip <Setda>"
    assert row["Status"] == "Berlaku"
    assert row["Sumber"] == "BD KOTA PAREPARE 2026 (7) : 12 HLM"


def test_an_enacted_regulation_without_its_gazette_reports_what_is_missing(example_copy: Path, tmp_path: Path,
                                                                           capsys) -> None:
    path = _enact(example_copy, "")
    path.write_text(path.read_text(encoding="utf-8").replace("  tanggal: 2026-03-03\n  nomor_berita_daerah: 7\n", ""),
                    encoding="utf-8")
    code, out, err = ekspor(example_copy, "-o", str(tmp_path / "jdih.json"), capsys=capsys)
    assert code == 0, err
    record = read_json(tmp_path / "jdih.json")["perwali-inovasi-daerah"]
    assert record["status"] == "" and record["sumber"] == "" and record["tanggal_pengundangan"] == ""
    reported = " | ".join(line for line in err.splitlines() if "perwali-inovasi-daerah" in line)
    for text in ("status kosong (isi jdih: status)", "nomor Berita/Lembaran Daerah (Sumber) kosong (isi "
                 "pengundangan: nomor_berita_daerah)", "jumlah halaman (Sumber) kosong (isi jdih: jumlah_halaman)",
                 "tanggal pengundangan kosong (isi pengundangan: tanggal)", "subjek kosong"):
        assert text in reported, text


def test_a_draft_stays_a_draft_whatever_its_jdih_status(example_copy: Path, capsys) -> None:
    path = example_copy / "regulations" / "perwali-inovasi-daerah.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  status: berlaku\n", encoding="utf-8")
    code, out, err = ekspor(example_copy, capsys=capsys)
    assert code == 0, err
    records = {r["idData"]: r for r in json.loads(out)}  # without -o: JSON on standard output
    assert records["perwali-inovasi-daerah"]["status"] == "Rancangan"
    assert records["perwali-inovasi-daerah"]["judul"].startswith("Rancangan ")


def test_a_wrong_suffix_writes_nothing(example_copy: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "jdih.xlsx"
    code, out, err = ekspor(example_copy, "-o", str(target), capsys=capsys)
    assert code == 1
    assert "P471" in err and ".json" in err and ".csv" in err
    assert not target.exists()


def test_a_broken_project_writes_nothing(example_copy: Path, tmp_path: Path, capsys) -> None:
    path = example_copy / "regulations" / "perwali-inovasi-daerah.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  status: mungkin\n", encoding="utf-8")
    target = tmp_path / "jdih.json"
    code, out, err = ekspor(example_copy, "-o", str(target), capsys=capsys)
    assert code == 1
    assert "regulations/perwali-inovasi-daerah.yaml:" in err and "metadata JDIH tidak dibuat" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_a_project_without_regulations(tmp_path: Path, capsys) -> None:
    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml",))
    code, out, err = ekspor(root, "-o", str(tmp_path / "jdih.json"), capsys=capsys)
    assert code == 1 and "P472" in err
    assert not (tmp_path / "jdih.json").exists()


def test_ekspor_needs_a_kind(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ekspor"])
    assert stopped.value.code == 2
    assert "FORMAT" in capsys.readouterr().err


# -- the site --------------------------------------------------------------------------------------------------


def test_the_build_writes_the_files_and_the_data_page_links_them(example_build, tmp_path: Path, capsys) -> None:
    folder = example_build.site / "data"
    records = read_json(folder / "jdih.json")
    rows = read_csv(folder / "jdih.csv")
    assert sorted(records) == sorted(rows) == ["keputusan-inovasi-daerah", "perwali-inovasi-daerah"]
    code, _, err = ekspor(example_build.root, "-o", str(tmp_path / "jdih.json"), capsys=capsys)
    assert code == 0, err
    assert (tmp_path / "jdih.json").read_bytes() == (folder / "jdih.json").read_bytes()
    page = (example_build.site / "kb" / "data.html").read_text(encoding="utf-8")
    assert 'href="../data/jdih.json"' in page and 'href="../data/jdih.csv"' in page
    assert "2 peraturan, 2 di antaranya masih rancangan" in page
    for field in FIELDS:
        assert f'<span class="pre">{field.key}</span>' in page, field.key


def test_the_files_change_only_with_a_regulation(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    outdir, _ = build_site_of(root, documents=False)
    files = [outdir / "data" / "jdih.json", outdir / "data" / "jdih.csv"]
    before = [(p.stat().st_mtime_ns, p.read_bytes()) for p in files]
    profile = root / "kb" / "inovasi" / "call-center-112.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_site_of(root, documents=False)
    assert [(p.stat().st_mtime_ns, p.read_bytes()) for p in files] == before
    path = root / "regulations" / "perwali-inovasi-daerah.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("INOVASI DAERAH - PAREPARE", "INOVASI - PAREPARE"),
                    encoding="utf-8")
    build_site_of(root, documents=False)
    assert read_json(files[0])["perwali-inovasi-daerah"]["subjek"] == "INOVASI - PAREPARE"
    assert read_csv(files[1])["perwali-inovasi-daerah"]["Subjek"] == "INOVASI - PAREPARE"


def test_the_docs_page_lists_every_field_and_is_in_the_toctree() -> None:
    page = (ROOT / "docs" / "jdih.md").read_text(encoding="utf-8")
    for field in FIELDS:
        assert f"| `{field.key}` | {field.label} |" in page, field.key
    for key in EMPTY_FEED_KEYS:
        assert f"`{key}`" in page, key
    assert "\njdih\n" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "rancang ekspor jdih" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_amendments_are_noted_both_ways(tmp_path: Path, capsys) -> None:
    root = tmp_path / "latihan"
    shutil.copytree(ROOT / "examples" / "latihan-perubahan", root, ignore=shutil.ignore_patterns("_build"))
    code, out, err = ekspor(root, capsys=capsys)
    assert code == 0, err
    records = {r["idData"]: r for r in json.loads(out)}
    base = "Peraturan Wali Kota Sukamaju Nomor 7 Tahun 2023 tentang Penyelenggaraan Inovasi Daerah"
    first = records["perubahan-pertama-inovasi"]
    assert first["judul"] == f"Peraturan Wali Kota Sukamaju Nomor 12 Tahun 2024 tentang Perubahan atas {base}"
    assert first["keteranganStatus"] == f"Mengubah {base}"
    assert first["status"] == ""  # enacted, but whether it is still in force is not known: reported
    assert records["perubahan-kedua-inovasi"]["status"] == "Rancangan"
    # the base regulation is changed by the enacted first amendment only, not by the draft second one
    assert records["perwali-inovasi"]["keteranganStatus"] == f"Diubah dengan {first['judul']}"
    assert any("perubahan-pertama-inovasi" in line and "status kosong" in line for line in err.splitlines())
