"""The bad-input corpus: every broken file gets its exact code, line and column.

Each fixture in ``tests/data/bad/<format>/<case>.yaml`` is copied into a small,
otherwise clean project (see :data:`BASE`) at the place where files of that
format live, and ``rancang check --format json`` is run on the project. The
table :data:`CASES` gives, for every fixture, the COMPLETE list of findings as
``(code, line, column)`` in the order they are printed, so a regression that
adds a spurious message, drops one, or moves one fails.

Lines and columns are 1-based, as editors show them. Line 0 means "the whole
file" (the file could not be read as text). A column of ``None`` is not
asserted (only where no column is meaningful).

Binary files, other encodings and the oversized file are generated at run time
(:data:`RUNTIME`), so that no binary or 5 MB file is committed.

A case marked with ``bug=`` is a known defect of rancang: the expectation says
what *should* be reported, and the test is ``xfail(strict=True)`` until rancang
is fixed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from rancang.cli import main
from support import cpu_time
from rancang.loader import load_project
from rancang.yamlsource import MAX_FILE_BYTES

DATA = Path(__file__).resolve().parent / "data" / "bad"

# -- the clean project every case is dropped into ------------------------------------

BASE = {
    # The corpus is about reading files and their shape; drafting rules (L) have their own tests.
    "rancang.yaml": """\
daerah:
  jenis: kota
  nama: Parepare
  provinsi: Sulawesi Selatan
pemeriksaan:
  abaikan: [L]
""",
    "kb/perangkat-daerah.yaml": """\
- id: bappeda
  nama: Badan Perencanaan Pembangunan Daerah
  singkatan: Bappeda
- id: dinas-kesehatan
  nama: Dinas Kesehatan
- id: diskominfo
  nama: Dinas Komunikasi dan Informatika
""",
    "kb/dasar-hukum.yaml": """\
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
- id: uu-23-2014
  jenis: UU
  nomor: 23
  tahun: 2014
  tentang: Pemerintahan Daerah
  terkonfirmasi: true
- id: pp-38-2017
  jenis: PP
  nomor: 38
  tahun: 2017
  tentang: Inovasi Daerah
  terkonfirmasi: true
""",
    # Refers to nothing, so that replacing a shared list never breaks it.
    "kb/inovasi/call-center-112.yaml": "nama: Call Center 112\n",
}

TARGETS = {
    "proyek": "rancang.yaml",
    "perangkat-daerah": "kb/perangkat-daerah.yaml",
    "dasar-hukum": "kb/dasar-hukum.yaml",
    "inovasi": "kb/inovasi/{}",
    "regulasi": "regulations/{}",
    "kunjungan": "visits/{}",
}


def make_project(root: Path) -> None:
    for rel, text in BASE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "regulations").mkdir(exist_ok=True)
    (root / "visits").mkdir(exist_ok=True)


# -- the table ---------------------------------------------------------------------------

Finding = tuple[str, int, "int | None"]


@dataclass
class Case:
    name: str
    """Fixture path under tests/data/bad, or the name of a generated case."""
    expected: list[Finding]
    pesan: tuple[str, ...] = ()
    """Fragments that must appear in the text report (message and suggestion)."""
    bug: str | None = None
    """Known defect: the expectation is what should happen; xfail until fixed."""
    cli_bug: str | None = None
    """Known defect that also breaks the command line (internal error)."""
    lang_bug: str | None = None
    """Known defect: a message is not in Indonesian."""
    target: str | None = None
    """Where a generated case is written in the project."""
    make: Callable[[Path], None] | None = None
    """Writes a generated case at the given path."""

    @property
    def where(self) -> str:
        if self.target is not None:
            return self.target
        folder, name = self.name.split("/")
        return TARGETS[folder].format(name)

    def install(self, root: Path) -> None:
        path = root / self.where
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.make is not None:
            self.make(path)
        else:
            shutil.copyfile(DATA / self.name, path)



CASES: list[Case] = [
    # -- reading the file and YAML syntax ------------------------------------------------
    Case("inovasi/tab-indentasi.yaml", [("Y106", 4, 1)], ("tab tidak boleh dipakai untuk indentasi",)),
    Case("inovasi/tab-dalam-teks.yaml", [("Y106", 1, 18)], ("pakai spasi",)),
    Case("inovasi/kutip-tidak-ditutup.yaml", [("Y105", 3, 12)], ("tanda kutip",)),
    Case("inovasi/teks-sesudah-kutip.yaml", [("Y105", 1, 21)]),
    Case("inovasi/indentasi-salah.yaml", [("Y105", 4, 11)], ("periksa indentasi",)),
    Case("inovasi/indentasi-mundur.yaml", [("Y105", 4, 3)], ("indentasi tidak konsisten",)),
    Case("inovasi/titik-dua-hilang.yaml", [("Y105", 2, 1)], ("titik dua",)),
    Case("inovasi/titik-dua-dalam-teks.yaml", [("Y105", 2, 19)], ("beri tanda kutip",)),
    Case("inovasi/daftar-tidak-ditutup.yaml", [("Y105", 2, 9)], ("tidak ditutup",)),
    Case("inovasi/alias-tanpa-jangkar.yaml", [("Y105", 2, 9)], ("jangkar (&) yang tidak ada",)),
    # Column 38 is the 's' that is not one of the 8 hex digits \U must be followed by.
    Case("inovasi/escape-windows.yaml", [("Y105", 2, 38)]),
    Case("inovasi/kunci-ganda.yaml", [("Y107", 4, 1)], ("kunci 'status' sudah ditulis di baris 2",)),
    Case("inovasi/tag-python.yaml", [("Y108", 3, 12)], ("tidak diizinkan; rancang hanya membaca YAML aman",)),
    Case("inovasi/tag-khusus.yaml", [("Y108", 2, 9)], ("tag YAML !status tidak diizinkan",)),
    # Where 200 000 values are passed depends on the walk; it lands in the innermost
    # anchor (&a, line 3), whose values every alias multiplies. Column not meaningful.
    Case("inovasi/bom-alias.yaml", [("Y109", 3, None)], ("lebih dari 200.000 nilai",)),
    # 100 nested lists on line 2 after "tag: ": the 61st '[' (column 5 + 61) is too deep.
    Case("inovasi/bersarang-dalam.yaml", [("Y109", 2, 66)], ("batas 60 tingkat",)),
    Case("inovasi/kosong.yaml", [("Y110", 1, 1)], ("berkas tidak berisi data",)),
    Case("inovasi/hanya-komentar.yaml", [("Y110", 1, 1)], ("berkas tidak berisi data",)),
    Case("inovasi/dua-dokumen.yaml", [("Y111", 3, 1)], ("lebih dari satu dokumen",)),
    Case("inovasi/karakter-kendali.yaml", [("Y112", 2, 27)], ("U+0007",)),
    Case("inovasi/escape-kendali.yaml", [("Y112", 3, 12), ("Y112", 5, 5), ("Y112", 6, 19)]),
    Case("inovasi/kunci-bukan-teks.yaml", [("Y113", 2, 1)], ("kunci '2021' bukan teks",)),
    Case("inovasi/kunci-gabung.yaml", [("Y114", 8, 7)], ("<<",)),
    # -- record shape ---------------------------------------------------------------------
    Case("inovasi/nama-tidak-ada.yaml", [("S201", 2, 1)], ("kunci wajib 'nama' tidak ada",)),
    Case("inovasi/isian-bersyarat.yaml", [("S201", 4, 5), ("S201", 7, 5)],
         ("indikator harus memiliki 'awal', 'hasil', atau keduanya",
          "isi salah satu: 'id' (dari katalog), 'regulasi', atau 'uraian'")),
    Case("inovasi/dasar-hukum-id-dan-uraian.yaml", [("S206", 4, 5)], ("isi salah satu dari 'id', 'regulasi', atau 'uraian', tidak id dan uraian",)),
    Case("inovasi/kunci-salah-eja.yaml", [("S202", 2, 1), ("S202", 6, 3)],
         ("kunci 'perangkat_dearah' tidak dikenal (mungkin maksud Anda 'perangkat_daerah'?)",
          "kunci 'tlepon' tidak dikenal (mungkin maksud Anda 'telepon'?)")),
    Case("inovasi/jenis-nilai-salah.yaml", [("S203", 1, 7), ("S203", 2, 9), ("S203", 4, 3), ("S203", 6, 12)],
         ("'nama' harus berupa teks, bukan '112' (tulis di antara tanda kutip bila ini memang teks)",
          "'urusan' harus berupa daftar", "'kontak' harus berupa pemetaan (kunci: nilai), bukan daftar",
          "'tahun' harus berupa bilangan bulat, bukan 'dua ribu dua puluh'")),
    Case("inovasi/bukan-pemetaan.yaml", [("S203", 1, 1)], ("harus berupa pemetaan (kunci: nilai), bukan daftar",)),
    Case("inovasi/pilihan-salah-eja.yaml", [("S204", 2, 9), ("S204", 3, 10), ("S204", 4, 12)],
         ("nilai 'berjalann' untuk 'status' tidak dikenal; pilihan: berjalan, berhenti (mungkin maksud Anda "
          "'berjalan'?)", "(mungkin maksud Anda 'uji_coba'?)", "(mungkin maksud Anda 'perangkat_daerah'?)")),
    Case("inovasi/tanggal-mustahil.yaml", [("S205", 2, 20), ("S205", 3, 19), ("S205", 4, 20), ("S205", 5, 15)],
         ("tanggal '2021-02-30' tidak ada dalam kalender", "tanggal '2021-13-01' tidak ada dalam kalender",
          "bulan 13 tidak ada (1 sampai 12)", "tanggal '1 Juni 2021' harus ditulis TTTT-BB-HH")),
    Case("inovasi/nilai-tidak-valid.yaml", [("S206", 2, 12), ("S206", 5, 13), ("S206", 6, 8), ("S206", 8, 10)],
         ("teks tidak boleh kosong", "'jumlah' harus ≥", "bukan '-150000000'",
          "alamat web 'www.youtube.com/watch?v=112' tidak valid: harus diawali http:// atau https://",
          "alamat surel 'budi-at-parepare.go.id' tidak valid")),
    Case("inovasi/id-tidak-valid.yaml", [("S207", 2, 19), ("S207", 4, 9)],
         ("id 'Dinas_Kesehatan' tidak valid", "id 'PP 38/2017' tidak valid")),
    Case("inovasi/Call_Center.yaml", [("S207", 0, 0)], ("nama berkas 'Call_Center.yaml' bukan id yang valid",)),
    # -- references -----------------------------------------------------------------------
    Case("inovasi/perangkat-daerah-tidak-dikenal.yaml", [("R301", 2, 19), ("R301", 4, 9)],
         ("perangkat daerah 'dinas-keshatan' tidak dikenal (mungkin maksud Anda 'dinas-kesehatan'? id perangkat daerah didaftarkan di kb/perangkat-daerah.yaml)",
          "dasar hukum 'pp-38-2071' tidak dikenal (mungkin maksud Anda 'pp-38-2017'? id dasar hukum didaftarkan di kb/dasar-hukum.yaml)")),
    # -- rancang.yaml -----------------------------------------------------------------------
    Case("proyek/daerah-tidak-ada.yaml", [("S201", 2, 1), ("S202", 2, 1), ("S202", 3, 1), ("S202", 4, 1)],
         ("kunci wajib 'daerah' tidak ada", "kunci 'jenis' tidak dikenal (kunci yang dikenal di sini: daerah, ")),
    Case("proyek/jenis-daerah-salah.yaml", [("S204", 2, 10)],
         ("nilai 'kotamadya' untuk 'jenis' tidak dikenal; pilihan: kota, kabupaten (mungkin maksud Anda 'kota'?)",)),
    Case("proyek/ejaan-jabatan-kabupaten.yaml", [("S206", 5, 16)], ("ejaan_jabatan hanya berlaku untuk kota",)),
    Case("proyek/lambang-di-luar-proyek.yaml", [("P402", 5, 10)],
         ("lambang '../../etc/passwd' berada di luar folder proyek",)),
    Case("proyek/lambang-jalur-mutlak.yaml", [("P402", 5, 10)],
         ("lambang '/etc/passwd' harus jalur relatif di dalam folder proyek",)),
    Case("proyek/lambang-tidak-ada.yaml", [("P402", 5, 10)],
         ("berkas lambang 'templates/lambang/garuda.png' tidak ditemukan",)),
    # -- shared lists ---------------------------------------------------------------------
    Case("perangkat-daerah/id-ganda.yaml", [("R302", 5, 7)],
         ("id perangkat daerah 'bappeda' sudah dipakai di baris 1",)),
    Case("perangkat-daerah/bukan-daftar.yaml", [("S203", 1, 1)], ("harus berupa daftar (setiap butir diawali '- ')",)),
    Case("perangkat-daerah/nama-kosong.yaml", [("S201", 2, 8), ("S206", 4, 9)],
         ("'nama' belum diisi", "teks tidak boleh kosong")),
    Case("dasar-hukum/id-ganda.yaml", [("R302", 13, 7)], ("id dasar hukum 'uu-23-2014' sudah dipakai di baris 1",)),
    Case("dasar-hukum/diubah-dengan-tidak-dikenal.yaml", [("R301", 8, 7)], ("dasar hukum 'uu-9-2015' tidak dikenal",)),
    Case("dasar-hukum/nomor-tidak-ada.yaml", [("S201", 1, 3), ("S204", 7, 10), ("S203", 11, 18)],
         ("kunci wajib 'nomor' tidak ada", "nilai 'Peraturan Pemerintah' untuk 'jenis' tidak dikenal",
          "'terkonfirmasi' harus berupa true atau false, bukan 'ya'")),
    Case("dasar-hukum/pembentuk-tidak-ada.yaml", [("S201", 1, 3)], ("kunci 'pembentuk' wajib untuk Permen",)),
    Case("dasar-hukum/uud-bernomor.yaml", [("S206", 4, None)], ("UUD tidak memiliki 'nomor'",)),
    # -- regulations ----------------------------------------------------------------------
    Case("regulasi/jenis-bupati-di-kota.yaml", [("P403", 1, 8)],
         ("Kota Parepare menetapkan Peraturan Wali Kota, bukan peraturan bupati",
          "(tulis jenis: peraturan_wali_kota atau hapus kunci jenis)")),
    Case("regulasi/mengingat-tidak-dikenal.yaml", [("R301", 7, 5), ("R301", 11, 7)],
         ("dasar hukum 'uu-23-2041' tidak dikenal (mungkin maksud Anda 'uu-23-2014'? id dasar hukum didaftarkan di kb/dasar-hukum.yaml)",
          "dasar hukum 'perwali-1-2019' tidak dikenal")),
    Case("regulasi/id-unsur-ganda.yaml", [("R302", 15, 13)], ("id 'pasal-tujuan' sudah dipakai di baris 10",)),
    Case("regulasi/bab-berisi-paragraf.yaml", [("S206", 9, 9)],
         ("isi BAB hanya boleh berupa Bagian atau Pasal (tingkat tidak boleh dilompati)",)),
    Case("regulasi/pasal-teks-dan-ayat.yaml", [("S206", 8, 5)], ("pasal berisi 'teks' atau 'ayat', tidak keduanya",)),
    Case("regulasi/rincian-satu-butir.yaml", [("S206", 11, 9)], ("'butir' harus berisi minimal 2 butir",)),
    Case("regulasi/sifat-rincian-salah.yaml", [("S204", 9, 14)], ("(mungkin maksud Anda 'kumulatif'?)",)),
    Case("regulasi/tingkat-campur.yaml", [("S206", 7, 3)],
         ("batang tubuh tidak boleh mencampur pasal dengan pengelompokan",)),
    Case("regulasi/nomor-tanpa-tahun.yaml", [("S201", 3, None)], ("isi 'nomor' dan 'tahun' bersama-sama",)),
    Case("regulasi/banyak-masalah.yaml",
         [("S201", 3, None), ("S203", 4, 12), ("S206", 5, 12), ("S206", 10, 9), ("S204", 17, 18),
          ("S206", 19, 13), ("S205", 21, 12)]),
    # -- visits ---------------------------------------------------------------------------
    Case("kunjungan/inovasi-tidak-dikenal.yaml", [("R301", 6, 5), ("R301", 10, 14)],
         ("inovasi 'call-center-12' tidak dikenal (mungkin maksud Anda 'call-center-112'? id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))",
          "inovasi 'pasar-rakyat' tidak dikenal")),
    Case("kunjungan/sampai-sebelum-tanggal.yaml", [("S205", 5, 9)],
         ("'sampai' (2021-06-03) lebih awal dari 'tanggal' (2021-06-04)",)),
    Case("kunjungan/pihak-lain-kosong.yaml", [("S201", 3, 8), ("S201", 4, 9)],
         ("'nama' belum diisi", "'tanggal' belum diisi")),
    Case("kunjungan/banyak-masalah.yaml",
         [("S204", 2, 8), ("Y107", 6, 3), ("S205", 7, 10), ("S206", 8, 9), ("S204", 11, 12), ("S206", 12, 12),
          ("S203", 15, 17), ("S203", 17, 12), ("S207", 19, 14), ("S201", 20, 5), ("S202", 20, 5),
          ("S205", 23, 14)],
         ("(mungkin maksud Anda 'tuan_rumah'?)", "kunci 'provinsi' sudah ditulis di baris 5",
          "tanggal '2021-02-30' tidak ada dalam kalender", "(mungkin maksud Anda 'kita'?)",
          "alamat surel 'andi@' tidak valid", "'narahubung' harus berupa true atau false, bukan 'mungkin'",
          "'waktu' harus berupa teks, bukan '9.0'", "id 'Call Center 112' tidak valid",
          "kunci wajib 'kegiatan' tidak ada", "(mungkin maksud Anda 'kegiatan'?)", "bulan 13 tidak ada")),
    # -- YAML 1.1 traps that are NOT errors ------------------------------------------------
    Case("inovasi/jebakan-yaml-11.yaml", []),
    Case("kunjungan/jebakan-yaml-11.yaml", []),
]


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _oversized(path: Path) -> None:
    head = b"nama: Call Center 112\nringkasan: |\n"
    line = b"  " + b"Layanan darurat 24 jam. " * 4 + b"\n"
    with path.open("wb") as f:
        f.write(head)
        written = len(head)
        while written <= MAX_FILE_BYTES:
            f.write(line)
            written += len(line)


def _folder(path: Path) -> None:
    path.mkdir()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
LATIN1 = b"nama: Call Center 112\nringkasan: Caf\xe9 ramah\n"  # 0xe9 is 'e acute' in Latin-1

RUNTIME: list[Case] = [
    Case("utf-16-le", [("Y102", 1, 1)], ("pengodean UTF-16; simpan ulang sebagai UTF-8",),
         target="kb/inovasi/utf-16-le.yaml", make=_write(b"\xff\xfe" + "nama: Call Center 112\n".encode("utf-16-le"))),
    Case("utf-16-be", [("Y102", 1, 1)], ("pengodean UTF-16",),
         target="kb/inovasi/utf-16-be.yaml", make=_write(b"\xfe\xff" + "nama: Call Center 112\n".encode("utf-16-be"))),
    # "ringkasan: Caf" is 14 characters: the bad byte is in column 15 of line 2.
    Case("latin-1", [("Y102", 2, 15)], ("bita 0xe9 (karakter 'é' dalam pengodean Windows-1252/Latin-1) bukan UTF-8; simpan ulang berkas dengan "
                                         "pengodean UTF-8",),
         target="kb/inovasi/latin-1.yaml", make=_write(LATIN1)),
    Case("latin-1-crlf", [("Y102", 2, 15)], ("bita 0xe9",),
         target="kb/inovasi/latin-1-crlf.yaml", make=_write(LATIN1.replace(b"\n", b"\r\n"))),
    # Columns count characters, not bytes: "ringkasan: “Cepat” " is 19 characters (23 bytes).
    Case("utf-8-lalu-cp1252", [("Y102", 2, 20)], ("bita 0x96",),
         target="kb/inovasi/utf-8-lalu-cp1252.yaml",
         make=_write("nama: Call Center 112\nringkasan: “Cepat” ".encode() + b"\x96 tanggap\n")),
    Case("bom-lalu-latin-1", [("Y102", 2, 15)], ("bita 0xe9",),
         target="kb/inovasi/bom-lalu-latin-1.yaml", make=_write(b"\xef\xbb\xbf" + LATIN1)),
    Case("bita-nul", [("Y103", 0, 0)], ("berkas berisi bita nol (NUL); ini bukan berkas teks",),
         target="kb/inovasi/bita-nul.yaml", make=_write(PNG)),
    Case("terlalu-besar", [("Y104", 0, 0)], ("batasnya 5 MB per berkas",),
         target="kb/inovasi/terlalu-besar.yaml", make=_oversized),
    Case("folder", [("Y101", 0, 0)], ("berupa folder, bukan berkas",),
         target="kb/inovasi/arsip.yaml", make=_folder),
    Case("bersarang-sangat-dalam", [("Y109", 2, 66)], ("batas 60 tingkat",),
         target="kb/inovasi/bersarang-sangat-dalam.yaml",
         make=_write(b"nama: Call Center 112\ntag: " + b"[" * 1000 + b"]" * 1000 + b"\n")),
]

ALL = CASES + RUNTIME


def _params(cases: list[Case], *attrs: str) -> list:
    out = []
    for case in cases:
        reason = " / ".join(r for r in (getattr(case, a) for a in attrs or ("bug",)) if r)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


# -- running rancang -----------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A clean project in a temporary folder, which is also the working folder."""
    root = tmp_path / "proyek"
    root.mkdir()
    make_project(root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("RANCANG_DEBUG", raising=False)  # internal errors are reported, not raised
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(capsys, *args: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, "check", "--format", "json", *args)
    assert "galat internal" not in err, err
    return code, json.loads(out), err


def matches(got: list[Finding], expected: list[Finding]) -> bool:
    return len(got) == len(expected) and all(
        g[0] == e[0] and g[1] == e[1] and (e[2] is None or g[2] == e[2]) for g, e in zip(got, expected)
    )


LINE = re.compile(r"^(?P<berkas>[^:]+?)(?::(?P<baris>\d+):(?P<kolom>\d+))?: (?P<kode>[YSRP]\d{3}): (?P<pesan>.+)$")
ENGLISH = re.compile(
    r"\b(expected|found|but|while|could not|cannot|error|invalid|not allowed|unexpected|character|scanning|"
    r"parsing|sequence|stream|value|field|input|should|must)\b",
    re.IGNORECASE,
)


# -- the corpus itself -----------------------------------------------------------------------


def test_corpus_is_complete():
    """Every fixture has an expectation, every expectation has its fixture."""
    on_disk = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file())
    assert len(on_disk) >= 30
    assert sorted(c.name for c in CASES) == on_disk
    assert len({c.name for c in ALL}) == len(ALL)
    bad = [c for c in ALL if c.expected]
    assert len(bad) >= 30


def test_base_project_is_clean(project, capsys):
    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Tidak ada masalah."


@pytest.mark.parametrize("case", _params(ALL))
def test_exact_codes_lines_and_columns(case, project, capsys):
    case.install(project)
    with cpu_time() as used:
        code, report, err = findings(capsys)

    got = [(f["kode"], f["baris"], f["kolom"]) for f in report["temuan"]]
    assert matches(got, case.expected), f"{case.where}: {got}"
    assert all(f["berkas"] == case.where for f in report["temuan"])
    assert all(f["tingkat"] == "galat" for f in report["temuan"])
    # Printed in file order, so a user reads the file from top to bottom.
    assert [(g[1], g[2]) for g in got] == sorted((g[1], g[2]) for g in got)
    assert code == (1 if case.expected else 0)
    assert err == ""
    assert used.cpu < 3, f"a bad file must not make the check slow: {used.cpu:.1f} s of CPU"

    code, out, err = run(capsys, "check")
    for fragment in case.pesan:
        assert fragment in out, f"{fragment!r} not in:\n{out}"
    # Nothing in the corpus may run code while it is read.
    assert not (project / "TERETAS").exists()


@pytest.mark.parametrize("case", _params(ALL, "cli_bug"))
def test_text_report_matches_json_and_never_crashes(case, project, capsys):
    case.install(project)
    code_text, out, err_text = run(capsys, "check")
    code_json, report, err_json = findings(capsys)
    for text in (out, err_text, err_json):
        assert "Traceback" not in text
        assert "galat internal" not in text
    assert err_text == err_json == ""
    assert code_text == code_json == (1 if report["galat"] else 0)

    lines = out.splitlines()
    summary = lines[-1]
    body = lines[:-2]
    assert lines[-2].startswith("Diperiksa: ")
    if report["temuan"]:
        assert summary == f"Ditemukan {report['galat']} galat dan {report['peringatan']} peringatan."
    else:
        assert summary == "Tidak ada masalah."
    assert len(body) == len(report["temuan"])
    for line, finding in zip(body, report["temuan"]):
        assert set(finding) == {"berkas", "baris", "kolom", "kode", "tingkat", "pesan", "saran"}
        parsed = LINE.match(line)
        assert parsed, line
        assert parsed["berkas"] == finding["berkas"]
        assert int(parsed["baris"] or 0) == finding["baris"]
        assert int(parsed["kolom"] or 0) == finding["kolom"]
        assert parsed["kode"] == finding["kode"]
        expected = finding["pesan"] + (f" ({finding['saran']})" if finding["saran"] else "")
        assert parsed["pesan"] == expected


@pytest.mark.parametrize("case", _params(ALL, "cli_bug", "lang_bug"))
def test_messages_are_indonesian(case, project, capsys):
    case.install(project)
    _code, report, _err = findings(capsys)
    assert report["temuan"] or not case.expected
    for finding in report["temuan"]:
        text = finding["pesan"] + " " + (finding["saran"] or "")
        text = re.sub(r"'[^']*'", "''", text)  # quoted user values may be in any language
        assert not ENGLISH.search(text), text


# -- messages that mislead (the code and line are right, the words are not) -------------------


def test_text_after_a_closing_quote_is_not_called_an_indentation_problem(project, capsys):
    Case("inovasi/teks-sesudah-kutip.yaml", []).install(project)
    _code, report, _err = findings(capsys)
    assert "indentasi" not in report["temuan"][0]["pesan"]


def test_long_name_of_a_legal_kind_suggests_its_short_name(project, capsys):
    Case("dasar-hukum/nomor-tidak-ada.yaml", []).install(project)
    _code, out, _err = run(capsys, "check")
    assert "(mungkin maksud Anda 'PP'?)" in out


# -- YAML 1.1 traps ----------------------------------------------------------------------------


def test_yaml_1_1_traps_keep_the_text_as_written(project):
    for name in ("inovasi/jebakan-yaml-11.yaml", "kunjungan/jebakan-yaml-11.yaml"):
        Case(name, []).install(project)
    data, problems = load_project(project)
    assert problems == []
    innovation = data.innovations["jebakan-yaml-11"]
    assert innovation.name == "no"
    assert innovation.other_names == ["NO", "off"]
    assert innovation.status.value == "berjalan"
    assert innovation.contact.phones == ["0421123"]  # one number, written without a list
    assert innovation.tags == ["yes", "09:00"]
    visit = data.visits["jebakan-yaml-11"]
    assert visit.participants[0].name == "no"
    assert visit.participants[0].phone == "0421123"
    assert visit.agenda[0].time == "09:00"


# -- the command line ------------------------------------------------------------------------


def test_check_of_one_file_reports_only_that_file(project, capsys):
    for name in ("inovasi/kunci-salah-eja.yaml", "inovasi/tanggal-mustahil.yaml",
                 "kunjungan/inovasi-tidak-dikenal.yaml"):
        Case(name, []).install(project)

    code, out, err = run(capsys, "check")
    assert code == 1 and err == ""
    assert out.splitlines()[-1] == "Ditemukan 8 galat dan 0 peringatan."

    code, out, err = run(capsys, "check", "kb/inovasi/kunci-salah-eja.yaml")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "kb/inovasi/kunci-salah-eja.yaml:2:1: S202: kunci 'perangkat_dearah' tidak dikenal "
        "(mungkin maksud Anda 'perangkat_daerah'?)",
        "kb/inovasi/kunci-salah-eja.yaml:6:3: S202: kunci 'tlepon' tidak dikenal (mungkin maksud Anda 'telepon'?)",
        "Diperiksa: 1 profil inovasi.",
        "Ditemukan 2 galat dan 0 peringatan.",
    ]

    # A reference from the one file to the rest of the project is still resolved.
    code, report, err = findings(capsys, "visits/inovasi-tidak-dikenal.yaml")
    assert code == 1
    assert [(f["berkas"], f["baris"], f["kolom"], f["kode"]) for f in report["temuan"]] == [
        ("visits/inovasi-tidak-dikenal.yaml", 6, 5, "R301"),
        ("visits/inovasi-tidak-dikenal.yaml", 10, 14, "R301"),
    ]

    # A clean file passes even though others in the project are broken.
    code, out, err = run(capsys, "check", "kb/inovasi/call-center-112.yaml")
    assert code == 0
    assert out.splitlines() == ["Diperiksa: 1 profil inovasi.", "Tidak ada masalah."]


def test_project_option_from_another_folder(project, tmp_path, monkeypatch, capsys):
    Case("inovasi/kunci-ganda.yaml", []).install(project)
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run(capsys, "-C", str(project), "check", "--format", "json")
    report = json.loads(out)
    assert code == 1 and err == ""
    [finding] = report["temuan"]
    assert Path(finding["berkas"]) == (project / "kb/inovasi/kunci-ganda.yaml").resolve()
    assert (finding["baris"], finding["kolom"], finding["kode"]) == (4, 1, "Y107")


def test_a_real_process_prints_no_traceback(project):
    for name in ("inovasi/tag-python.yaml", "inovasi/bom-alias.yaml", "regulasi/bab-berisi-paragraf.yaml"):
        Case(name, []).install(project)
    done = subprocess.run([sys.executable, "-m", "rancang", "check"], cwd=project, capture_output=True,
                          encoding="utf-8", timeout=60, env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 1
    assert done.stderr == ""
    assert "Traceback" not in done.stdout
    lines = done.stdout.splitlines()
    assert lines[0].startswith("kb/inovasi/bom-alias.yaml:3:")
    assert lines[0].endswith(": Y109: berkas mengembang menjadi lebih dari 200.000 nilai "
                             "(alias & dan * yang berlipat ganda?)")
    assert lines[1:3] == [
        "kb/inovasi/tag-python.yaml:3:12: Y108: tag YAML !!python/object/apply:os.system "
        "tidak diizinkan; rancang hanya membaca YAML aman",
        "regulations/bab-berisi-paragraf.yaml:9:9: S206: isi BAB hanya boleh berupa Bagian atau Pasal "
        "(tingkat tidak boleh dilompati)",
    ]
    assert not (project / "TERETAS").exists()
