"""Checks of IID evidence (``bukti:`` of profiles and kb/iid.yaml): every problem at once, each at its line, in
Indonesian, as ``rancang check`` prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from iid_region import complete_region, pdf_bytes, png_bytes
from rancang.cli import main

REPO = Path(__file__).resolve().parents[1]

BAD_PROFILE = """\
nama: Inovasi Sintetis Bermasalah
bukti:
  - indikator: regulsi
    tingkat: 2
    berkas: kb/bukti/ada.pdf
  - indikator: opini-bpk
    tingkat: 3
    berkas: kb/bukti/ada.pdf
  - indikator: sdm
    tingkat: 1
    berkas: kb/bukti/tidak-ada.pdf
  - indikator: anggaran
    tingkat: 2
    berkas: ../di-luar.pdf
  - indikator: alat-kerja
    tingkat: 2
    berkas: kb/bukti/bukan-pdf.pdf
  - indikator: bimtek
    tingkat: 1
    berkas: kb/bukti/gambar-bernama-pdf.pdf
  - indikator: rkpd
    tingkat: 1
    berkas: kb/bukti/naskah.docx
  - indikator: aktor
    tingkat: 1
    berkas: kb/bukti/ada.pdf
  - indikator: aktor
    tingkat: 1
    berkas: kb/bukti/ada.pdf
  - indikator: jejaring
    tingkat: 1
    berkas: kb/bukti/ada.pdf
  - indikator: jejaring
    tingkat: 3
    berkas: kb/bukti/foto.png
"""

SHAPE_PROFILE = """\
nama: Inovasi Sintetis Salah Bentuk
bukti:
  - indikator: regulasi
    tingkat: 4
    berkas: kb/bukti/ada.pdf
  - indikator: video
    tingkat: 2
    berkas: kb/bukti/ada.pdf
    tautan: https://example.org/video-sintetis
  - indikator: sdm
    tingkat: 1
"""

REGION_FILE = """\
katalog: 2019
bukti:
  - indikator: video
    tingkat: 1
    tautan: https://example.org/video-sintetis
  - indikator: ipm
    tingkat: 2
    berkas: kb/bukti/ada.pdf
"""


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = complete_region(tmp_path, innovations=1)
    folder = root / "kb" / "bukti"
    (folder / "ada.pdf").write_bytes(pdf_bytes("Dokumen sintetis"))
    (folder / "foto.png").write_bytes(png_bytes())
    (folder / "bukan-pdf.pdf").write_text("ini teks biasa, bukan PDF\n", encoding="utf-8")
    (folder / "gambar-bernama-pdf.pdf").write_bytes(png_bytes())
    (folder / "naskah.docx").write_bytes(b"PK\x03\x04 bukan dokumen sungguhan")
    (tmp_path / "di-luar.pdf").write_bytes(pdf_bytes("Di luar proyek"))
    (root / "kb" / "inovasi" / "bermasalah.yaml").write_text(BAD_PROFILE, encoding="utf-8")
    (root / "kb" / "inovasi" / "salah-bentuk.yaml").write_text(SHAPE_PROFILE, encoding="utf-8")
    (root / "kb" / "iid.yaml").write_text(REGION_FILE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _lines(output: str, code_prefixes: tuple[str, ...]) -> list[str]:
    return [line for line in output.splitlines() if any(f": {prefix}" in line for prefix in code_prefixes)]


def test_every_evidence_problem_is_reported_at_once_with_its_location(broken, capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    found = _lines(out, ("S21", "P45"))
    profile = [line for line in found if line.startswith("kb/inovasi/bermasalah.yaml")]
    assert profile == [
        "kb/inovasi/bermasalah.yaml:3:16: S212: indikator IID 'regulsi' tidak dikenal dalam katalog 2026 "
        "(mungkin maksud Anda 'regulasi'?)",
        "kb/inovasi/bermasalah.yaml:6:16: S213: indikator 'opini-bpk' (8. Opini BPK atas laporan keuangan) adalah "
        "indikator pemerintah daerah (aspek SPD): catat buktinya di kb/iid.yaml, bukan di profil inovasi",
        "kb/inovasi/bermasalah.yaml:11:13: P456: berkas bukti 'kb/bukti/tidak-ada.pdf' tidak ditemukan (periksa ejaan "
        "jalurnya (relatif terhadap folder proyek, tempat rancang.yaml))",
        "kb/inovasi/bermasalah.yaml:14:13: P456: berkas bukti '../di-luar.pdf' berada di luar folder proyek "
        "(pindahkan dokumennya ke dalam folder proyek, misalnya kb/bukti/)",
        "kb/inovasi/bermasalah.yaml:17:13: P457: berkas bukti 'kb/bukti/bukan-pdf.pdf' bukan PDF, JPEG, atau PNG "
        "menurut isinya (rancang memeriksa PDF, JPEG, atau PNG; jenis berkas yang diterima portal IID belum "
        "terkonfirmasi, keyakinan rendah)",
        "kb/inovasi/bermasalah.yaml:20:13: P457: berkas bukti 'kb/bukti/gambar-bernama-pdf.pdf' berisi PNG, tidak "
        "sesuai akhiran namanya (beri akhiran yang sesuai isinya)",
        "kb/inovasi/bermasalah.yaml:23:13: P457: berkas bukti 'kb/bukti/naskah.docx' harus berakhiran .pdf, .jpg, "
        ".jpeg, atau .png (PDF, JPEG, atau PNG) (rancang memeriksa PDF, JPEG, atau PNG; jenis berkas yang diterima "
        "portal IID belum terkonfirmasi, keyakinan rendah)",
        "kb/inovasi/bermasalah.yaml:29:13: S214: dokumen 'kb/bukti/ada.pdf' sudah dicatat untuk indikator 'aktor' "
        "pada butir ke-8",
        "kb/inovasi/bermasalah.yaml:34:14: S214: indikator 'jejaring' sudah diklaim dengan tingkat 1 pada butir "
        "ke-10; satu indikator diklaim dengan satu tingkat",
    ]
    shape = [line for line in found if line.startswith("kb/inovasi/salah-bentuk.yaml")]
    assert [line.split(": ", 2)[:2] for line in shape] == [
        ["kb/inovasi/salah-bentuk.yaml:4:14", "S210"],
        ["kb/inovasi/salah-bentuk.yaml:9:5", "S211"],  # the second key: tautan
        ["kb/inovasi/salah-bentuk.yaml:10:5", "S211"],  # the entry without a document
    ]
    assert "tingkat '4' tidak valid: tulis 1, 2, atau 3" in shape[0]
    assert "isi salah satu dari 'berkas' atau 'tautan', tidak keduanya" in shape[1]
    assert "bukti harus memiliki 'berkas' (dokumen di dalam proyek) atau 'tautan' (alamat web)" in shape[2]
    region = [line for line in found if line.startswith("kb/iid.yaml")]
    assert region == [
        "kb/iid.yaml:1:10: P459: peringatan: katalog IID 2019 tidak tersedia di rancang; katalog 2026 dipakai "
        "(katalog yang tersedia: 2026)",
        "kb/iid.yaml:3:16: S213: indikator 'video' (35. Video inovasi daerah) adalah indikator per inovasi (aspek "
        "SID): catat buktinya di profil inovasinya (kb/inovasi/<id>.yaml), bukan di kb/iid.yaml",
    ]
    # the complete synthetic profile beside them stays clean
    assert not [line for line in found if "inovasi-sintetis-01" in line]


def test_the_complete_region_checks_clean(tmp_path, monkeypatch, capsys):
    root = complete_region(tmp_path, innovations=2)
    monkeypatch.chdir(root)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert not _lines(out, ("S21", "P45"))
    assert "1 data IID daerah" in out


def test_the_example_has_no_evidence_and_no_evidence_finding(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    main(["check"])
    out = capsys.readouterr().out
    assert not _lines(out, ("S21", "P45"))
    assert not [p for p in (REPO / "kb" / "inovasi").glob("*.yaml") if "\nbukti:" in p.read_text(encoding="utf-8")]


def test_a_link_out_of_the_project_and_a_fifo_are_refused_without_reading(tmp_path, monkeypatch, capsys):
    import os

    root = complete_region(tmp_path, innovations=1)
    folder = root / "kb" / "bukti"
    (tmp_path / "rahasia.pdf").write_bytes(pdf_bytes("Di luar proyek"))
    (folder / "tautan.pdf").symlink_to(tmp_path / "rahasia.pdf")
    os.mkfifo(folder / "antrean.pdf")  # reading it would block: it must not be opened
    (root / "kb" / "inovasi" / "tautan.yaml").write_text(
        "nama: Inovasi Sintetis Bertautan\nbukti:\n"
        "  - indikator: sdm\n    tingkat: 1\n    berkas: kb/bukti/tautan.pdf\n"
        "  - indikator: video\n    tingkat: 1\n    berkas: kb/bukti/antrean.pdf\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    found = _lines(capsys.readouterr().out, ("P45",))
    assert found == [
        "kb/inovasi/tautan.yaml:5:13: P456: berkas bukti 'kb/bukti/tautan.pdf' berada di luar folder proyek "
        "(pindahkan dokumennya ke dalam folder proyek, misalnya kb/bukti/)",
        "kb/inovasi/tautan.yaml:8:13: P456: 'kb/bukti/antrean.pdf' bukan berkas dokumen (folder atau berkas khusus) "
        "(sebut berkas PDF, JPEG, atau PNG-nya)",
    ]
