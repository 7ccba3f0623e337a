"""``rancang impor peraturan`` on real-shaped regulations: a Perwali with BAB and Bagian, a Perbup with
Paragraf and nested lists, a Perda with Penjelasan, and an amendment with Pasal I/II -- each as a DOCX typed
with Word numbering, as a PDF made by LibreOffice, and as OCR-like text with the defects of JDIH copies
(tests/fixtures/impor/README.md).

What a user cares about: the regulation is read with its whole structure, every Pasal renders back as the
source has it (or the difference is in the report), every word of the source is in the rendered document or
in the report, hand-typed references become ``[[id]]``, the draft is written even with drafting findings, and
nothing is ever overwritten.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from rancang.cli import main
from rancang.importer.run import words
from support import REPO, copy_example

FIXTURES = REPO / "tests" / "fixtures" / "impor"
NAMES = ("perwali-bab-bagian", "perbup-paragraf", "perda-penjelasan", "perwali-perubahan")
VARIANTS = {"clean": "clean.txt", "docx": "docx", "pdf": "pdf", "ocr": "ocr.txt"}
CASES = [(name, variant) for name in NAMES for variant in VARIANTS]


def expected(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))


def run(root: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["-C", str(root), *argv])
    return code, out.getvalue(), err.getvalue()


def project_for(name: str, target: Path) -> Path:
    """The Parepare example for Parepare fixtures, the Pangkep example for the Perbup."""
    if name.startswith("perbup"):
        shutil.copytree(REPO / "examples" / "pangkep", target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("_build", ".cache"))
    else:
        copy_example(target)
    for old in (target / "regulations").glob("*.yaml"):
        old.unlink()  # only the imported regulation: its findings are the ones looked at
    return target


class Imported:
    def __init__(self, root: Path, name: str, variant: str, code: int, out: str, err: str):
        self.root, self.name, self.variant = root, name, variant
        self.code, self.out, self.err = code, out, err
        written = [p for p in (root / "regulations").glob("*.yaml")]
        self.yaml_path = written[0] if len(written) == 1 else None
        self.report = self.yaml_path.with_name(f"{self.yaml_path.stem}.impor.md").read_text(encoding="utf-8") \
            if self.yaml_path else ""
        self.data = yaml.safe_load(self.yaml_path.read_text(encoding="utf-8")) if self.yaml_path else {}

    def section(self, title: str) -> str:
        match = re.search(rf"^## {re.escape(title)}.*?$(.*?)(?=^## |\Z)", self.report, re.M | re.S)
        return match.group(1) if match else ""


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[tuple[str, str], Imported]:
    results = {}
    for name, variant in CASES:
        root = project_for(name, tmp_path_factory.mktemp(f"{name}-{variant}"))
        source = FIXTURES / f"{name}.{VARIANTS[variant]}"
        code, out, err = run(root, "impor", "peraturan", str(source), "--katalog")
        results[name, variant] = Imported(root, name, variant, code, out, err)
    return results


@pytest.mark.parametrize("name,variant", CASES)
def test_the_regulation_is_read_whole(imported, name, variant):
    result = imported[name, variant]
    want = expected(name)
    assert result.code == 0, result.err
    assert result.yaml_path is not None
    data = result.data
    assert data["jenis"] == want["kind"]
    assert (data["nomor"], data["tahun"]) == (want["nomor"], want["tahun"])
    assert data["tentang"].upper() == " ".join(want["tentang"].split()).upper()
    assert len(data["menimbang"]) == want["menimbang"] - 1  # the closing formula is written by rancang
    assert len(data["mengingat"]) == want["mengingat"]
    assert len(data.get("ketentuan_umum", [])) == want["definitions"]
    assert data["penetapan"]["tanggal"] and data["pengundangan"]["tanggal"]
    counts = want["counts"]
    table = result.section("Struktur")
    for kind in ("bab", "bagian", "paragraf", "pasal", "ayat"):
        assert f"| {kind} | {counts[kind]} | {counts[kind]} |" in table, (kind, table)


@pytest.mark.parametrize("name,variant", CASES)
def test_every_pasal_renders_as_enacted_or_is_reported(imported, name, variant):
    """The only differences are the source's deviations, each named in the report."""
    result = imported[name, variant]
    want = expected(name)
    defects = want["variants"][variant]["defects"]
    deviations = sum(1 for d in defects if d.get("note") == "pembakuan" and "Pasal" in str(d.get("in", "Pasal")))
    match = re.search(r"Pasal dengan teks sama persis: (\d+) dari (\d+)", result.report)
    identical, total = int(match.group(1)), int(match.group(2))
    assert total == want["counts"]["pasal"]
    assert identical >= total - deviations
    reported = re.findall(r"^- .*Pasal \S+ \(menjadi Pasal \S+\) ditulis lain", result.section("Pembakuan"), re.M)
    assert len(reported) == total - identical


@pytest.mark.parametrize("name,variant", CASES)
def test_every_source_word_is_accounted_for(imported, name, variant):
    result = imported[name, variant]
    ledger = re.search(r"(\d+) kata sumber: (\d+) ada di naskah hasil rancang draft, (\d+) dicatat di laporan ini, "
                       r"(\d+) tidak terlacak", result.report)
    total, in_document, in_report, missing = map(int, ledger.groups())
    assert missing == 0, result.section("Buku kata")
    assert in_document + in_report == total
    source = FIXTURES / f"{name}.{VARIANTS[variant]}"
    if source.suffix == ".txt":
        assert total == len(words(source.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name,variant", CASES)
def test_the_imported_file_passes_check_apart_from_drafting_findings(imported, name, variant):
    result = imported[name, variant]
    code, out, err = run(result.root, "check", str(result.yaml_path))
    lines = [line for line in out.splitlines() if re.search(r": [A-Z]\d{3}: ", line)]
    blocking = [line for line in lines if not re.search(r": L\d{3}: ", line) and "peringatan" not in line]
    assert blocking == []


@pytest.mark.parametrize("name,variant", CASES)
def test_the_enacted_regulation_is_drafted_despite_findings(imported, name, variant, tmp_path):
    result = imported[name, variant]
    want = expected(name)
    target = tmp_path / "hasil.docx"
    code, out, err = run(result.root, "draft", str(result.yaml_path), "-o", str(target))
    assert code == 0, err
    paragraphs = [p.text.strip() for p in docx.Document(str(target)).paragraphs]
    assert "RANCANGAN" not in paragraphs
    assert f"NOMOR {want['nomor']} TAHUN {want['tahun']}" in paragraphs
    headings = [p for p in paragraphs if re.fullmatch(r"Pasal [0-9IVX]+", p)]
    assert len(headings) >= want["counts"]["pasal"]


def test_hand_typed_references_become_markup(imported):
    result = imported["perwali-bab-bagian", "docx"]
    want = expected("perwali-bab-bagian")
    text = " ".join(result.yaml_path.read_text(encoding="utf-8").split())
    converted = re.findall(r"\[\[[^\]]+\]\]", text)
    assert len(converted) >= len(want["references"]) * 0.9
    assert "sebagaimana dimaksud dalam Pasal huruf a" in text  # broken: kept as text ...
    broken = result.section("Rujukan")
    assert "sebagaimana dimaksud dalam Pasal huruf a" in broken  # ... and reported with its line
    assert re.search(r"^- paragraf \d+", broken, re.M)


def test_a_numbering_gap_is_reported_not_repaired_silently(imported):
    result = imported["perwali-bab-bagian", "ocr"]
    gap = expected("perwali-bab-bagian")["numbering_gap"]
    numbering = result.section("Penomoran")
    assert f"baris {gap['line']}: Pasal 19 sesudah nomor 17: penomoran melompat" in numbering
    assert "Pasal 19 → Pasal 18" in numbering


def test_ocr_repairs_are_listed_with_their_lines(imported):
    result = imported["perwali-bab-bagian", "ocr"]
    repaired = result.section("Diperbaiki")
    assert "Menirnbang" in repaired
    assert re.search(r"Pasal34|BABII|\(1\)Setiap", repaired)


def test_the_penjelasan_is_attached_by_id(imported):
    result = imported["perda-penjelasan", "docx"]
    explanation = result.data["penjelasan"]
    assert explanation["umum"]
    ids = {entry["rujukan"] for entry in explanation["pasal"]}
    assert ids and all(re.fullmatch(r"pasal-\d+(-ayat-\d+)?(-(huruf|angka)-\w+)?", i) for i in ids)
    yaml_text = result.yaml_path.read_text(encoding="utf-8")
    for element_id in ids:
        assert f"id: {element_id}" in yaml_text


def test_the_amendment_keeps_its_change_points(imported):
    result = imported["perwali-perubahan", "docx"]
    data = result.data
    assert data["mengubah"]
    first = data["batang_tubuh"][0]
    points = first["perubahan"]
    assert [p["teks"].split()[0] for p in points] == ["Ketentuan", "Di", "Pasal", "Ketentuan"]
    assert points[0]["naskah"].splitlines()[0] == "Pasal 5"
    assert "naskah" not in points[2]  # "Pasal 12 dihapus."


def test_new_catalogue_entries_are_unconfirmed(imported):
    result = imported["perwali-bab-bagian", "docx"]
    catalogue = yaml.safe_load((result.root / "kb" / "dasar-hukum.yaml").read_text(encoding="utf-8"))
    added = [entry for entry in catalogue if "Diimpor" in str(entry.get("catatan", ""))]
    assert added and all(entry["terkonfirmasi"] is False for entry in added)
    assert {entry["id"] for entry in added} <= set(re.findall(r"`([a-z0-9-]+)`", result.section("Ditambahkan")))


def test_without_katalog_the_catalogue_is_untouched(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    before = (root / "kb" / "dasar-hukum.yaml").read_bytes()
    code, out, err = run(root, "impor", "peraturan", str(FIXTURES / "perwali-bab-bagian.docx"))
    assert code == 0, err
    assert (root / "kb" / "dasar-hukum.yaml").read_bytes() == before
    report = next((root / "regulations").glob("*.impor.md")).read_text(encoding="utf-8")
    assert "belum ada di kb/dasar-hukum.yaml" in report or "entri baru" in report


def test_nothing_is_overwritten(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    source = FIXTURES / "perwali-bab-bagian.clean.txt"
    assert run(root, "impor", "peraturan", str(source))[0] == 0
    written = {p: p.read_bytes() for p in (root / "regulations").iterdir()}
    code, out, err = run(root, "impor", "peraturan", str(source))
    assert code == 1
    assert "P421" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in (root / "regulations").iterdir()} == written


def test_a_file_that_is_not_a_regulation_is_refused_cleanly(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    source = tmp_path / "surat.txt"
    source.write_text("Dengan hormat,\nbersama ini kami sampaikan undangan rapat.\n", encoding="utf-8")
    code, out, err = run(root, "impor", "peraturan", str(source))
    assert code == 1
    assert "P420" in err and "surat.txt" in err and "Traceback" not in err
    assert list((root / "regulations").iterdir()) == []


def test_an_unsupported_file_is_refused_cleanly(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    source = tmp_path / "naskah.odt"
    source.write_bytes(b"PK\x03\x04")
    code, out, err = run(root, "impor", "peraturan", str(source))
    assert code == 1
    assert "naskah.odt" in err and "Traceback" not in err


def test_the_output_must_be_a_regulation_file_of_the_project(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    code, out, err = run(root, "impor", "peraturan", str(FIXTURES / "perwali-bab-bagian.clean.txt"),
                         "-o", str(tmp_path / "lain.yaml"))
    assert code == 1
    assert "P422" in err and "regulations/<id>.yaml" in err and "Traceback" not in err
    assert not (tmp_path / "lain.yaml").exists()


REAL_SHAPES = """\
-1-
PERATURAN WALIKOTA PAREPARE
NOMOR : 60 TAHUN 2015
TENTANG
PENATAAN PEDAGANG
DI RUAS JALAN
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALIKOTA PAREPARE,
Menimbang : a. bahwa kegiatan pedagang perlu ditata untuk
meningkatkan usahanya;
b bahwa berdasarkan pertimbangan sebagaimana
dimaksud dalam huruf a, perlu menetapkan
Peraturan Walikota tentang Penataan Pedagang di Ruas Jalan;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang
Pemerintahan Daerah (Lembaran Negara Republik
Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran
Negara Republik Indonesia Nomor 5587);
MEMUTUSKAN :
Menetapkan : PERATURAN WALIKOTA TENTANG PENATAAN PEDAGANG DI RUAS JALAN.
Pasal 1
Pedagang ditata oleh dinas.
Pasal 2
Peraturan Walikota ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Walikota ini dengan penempatannya dalam Berita Daerah Kota Parepare.
-2-
Ditetapkan di Parepare
pada tanggal 1 Juni 2015
WALIKOTA PAREPARE,
ttd
"""
"""Shapes seen in real JDIH copies (written here, not copied): 'NOMOR : 60', a konsiderans letter without its
dot ('b bahwa'), 'Walikota' in one word, '-1-' page numbers, one Mengingat item numbered '1.'."""


def test_real_copy_shapes_are_read_and_their_differences_reported(tmp_path):
    root = project_for("perwali-bab-bagian", tmp_path / "p")
    source = tmp_path / "salinan.txt"
    source.write_text(REAL_SHAPES, encoding="utf-8")
    code, out, err = run(root, "impor", "peraturan", str(source))
    assert code == 0, err
    result = Imported(root, "", "", code, out, err)
    assert (result.data["nomor"], result.data["tahun"]) == (60, 2015)
    assert result.data["menimbang"] == ["bahwa kegiatan pedagang perlu ditata untuk meningkatkan usahanya"]
    assert "huruf konsiderans 'b' tanpa titik" in result.section("Diperbaiki")
    assert "«Walikota» → «Wali Kota»" in result.section("Pembakuan")
    assert "0 tidak terlacak" in result.section("Buku kata")
