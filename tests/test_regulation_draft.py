"""Regulation drafts: the DOCX read back, paragraph by paragraph with its styles.

Covers the frame (heading, title, konsiderans formula, Mengingat citations,
diktum, penutup, signatures, Berita Daerah line), a golden outline of the
Parepare draft, a kabupaten draft, reference phrases, renumbering after an
insertion, exact special characters, errors with locations, and the CLI.
"""

from __future__ import annotations

import copy
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks, texts
from rancang.check import check_project
from rancang.cli import main
from rancang.drafting.engine import build
from rancang.drafting.tree import plain
from rancang.documents import regulation_docx
from rancang.models.catalogue import LegalCatalogue
from rancang.models.project import Project
from rancang.models.regulation import Regulation

ROOT = Path(__file__).resolve().parents[1]
PANGKEP = ROOT / "examples" / "pangkep"
HEADINGS = ("Judul BAB", "Judul Bagian", "Judul Paragraf", "Judul Pasal")


@pytest.fixture(scope="module")
def parepare():
    checked = check_project(ROOT)
    report = checked.report
    assert not report.errors
    return blocks(regulation_docx(ROOT, checked, "perwali-inovasi-daerah"))


def test_frame_of_the_parepare_draft(parepare):
    assert parepare[:16] == [
        ("Lambang", ""),
        ("Kop", "WALI KOTA PAREPARE"),
        ("Kop", "PROVINSI SULAWESI SELATAN"),
        ("Normal", ""),
        ("Judul Peraturan", "RANCANGAN"),
        ("Judul Peraturan", "PERATURAN WALI KOTA PAREPARE"),
        ("Judul Peraturan", "NOMOR ... TAHUN ..."),
        ("Normal", ""),
        ("Judul Peraturan", "TENTANG"),
        ("Normal", ""),
        ("Judul Peraturan", "INOVASI DAERAH"),
        ("Normal", ""),
        ("Pembukaan", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
        ("Normal", ""),
        ("Pembukaan", "WALI KOTA PAREPARE,"),
        ("Normal", ""),
    ]
    rows = [text for style, text in parepare if style == "tabel"]
    assert rows[0].startswith("Menimbang | : | a. | bahwa untuk meningkatkan kinerja")
    assert rows[3] == (" |  | d. | bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, "
                       "dan huruf c, perlu menetapkan Peraturan Wali Kota tentang Inovasi Daerah;")
    mengingat = rows[4:11]
    assert [row.split(" | ")[2] for row in mengingat] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert mengingat[0] == ("Mengingat | : | 1. | Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia "
                            "Tahun 1945;")
    assert all(row.endswith(";") for row in mengingat)
    assert "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia " \
           "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah " \
           "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in mengingat[3]
    assert rows[11] == "Menetapkan | : | PERATURAN WALI KOTA TENTANG INOVASI DAERAH."
    assert ("Pembukaan", "MEMUTUSKAN:") in parepare
    assert parepare[-20:-1] == [
        ("Penutup", "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Wali Kota ini dengan "
                    "penempatannya dalam Berita Daerah Kota Parepare."),
        ("Normal", ""),
        ("Tanda Tangan", "Ditetapkan di Parepare"),
        ("Tanda Tangan", "pada tanggal ..."),
        ("Normal", ""),
        ("Tanda Tangan", "WALI KOTA PAREPARE,"),
        ("Tanda Tangan", ""), ("Tanda Tangan", ""), ("Tanda Tangan", ""),
        ("Tanda Tangan", "TASMING HAMID"),
        ("Normal", ""),
        ("Pengundangan", "Diundangkan di Parepare"),
        ("Pengundangan", "pada tanggal ..."),
        ("Normal", ""),
        ("Pengundangan", "SEKRETARIS DAERAH KOTA PAREPARE,"),
        ("Pengundangan", ""), ("Pengundangan", ""), ("Pengundangan", ""),
        ("Pengundangan", "..."),
    ]


def test_berita_daerah_line_ends_the_draft(parepare):
    assert parepare[-1] == ("Berita Daerah", "BERITA DAERAH KOTA PAREPARE TAHUN ... NOMOR ...")


GOLDEN_OUTLINE = [
    "BAB I", "KETENTUAN UMUM", "Pasal 1",
    "BAB II", "MAKSUD DAN TUJUAN", "Pasal 2", "Pasal 3",
    "BAB III", "BENTUK DAN KRITERIA", "Bagian Kesatu", "Bentuk", "Pasal 4", "Bagian Kedua", "Kriteria", "Pasal 5",
    "BAB IV", "TAHAPAN INOVASI DAERAH", "Bagian Kesatu", "Umum", "Pasal 6", "Bagian Kedua", "Pengusulan",
    "Pasal 7", "Pasal 8", "Pasal 9", "Bagian Ketiga", "Penetapan", "Pasal 10", "Bagian Keempat",
    "Uji Coba dan Penerapan", "Pasal 11",
    "BAB V", "PENILAIAN, PENGHARGAAN, DAN PELAPORAN", "Pasal 12", "Pasal 13",
    "BAB VI", "REPLIKASI", "Pasal 14",
    "BAB VII", "DIREKTORI INOVASI", "Pasal 15",
    "BAB VIII", "PENDANAAN", "Pasal 16",
    "BAB IX", "KETENTUAN PENUTUP", "Pasal 17",
]


def test_golden_outline_of_the_parepare_draft(parepare):
    assert [text for style, text in parepare if style in HEADINGS] == GOLDEN_OUTLINE


def test_every_reference_of_the_parepare_draft_is_resolved(parepare):
    body = [text for _style, text in parepare]
    expected = [
        "(2)\tPeningkatan kinerja penyelenggaraan Pemerintahan Daerah sebagaimana dimaksud pada ayat (1) "
        "diarahkan untuk mempercepat terwujudnya kesejahteraan masyarakat melalui:",
        "(2)\tInisiator menyampaikan usulan Inovasi Daerah kepada Wali Kota melalui Bappeda.",
        "Usulan Inovasi Daerah sebagaimana dimaksud dalam Pasal 7 ayat (2) memuat:",
        "(1)\tUsulan Inovasi Daerah sebagaimana dimaksud dalam Pasal 7 ayat (2) dibahas oleh Tim Independen.",
        "Usulan Inovasi Daerah yang dinyatakan layak oleh Tim Independen sebagaimana dimaksud dalam Pasal 9 "
        "ayat (3) ditetapkan oleh Wali Kota sebagai Inovasi Daerah yang akan dilaksanakan.",
        "(1)\tInovasi Daerah yang telah ditetapkan sebagaimana dimaksud dalam Pasal 10 dilaksanakan melalui uji "
        "coba sebelum diterapkan.",
        "(2)\tBerdasarkan hasil penilaian sebagaimana dimaksud pada ayat (1), Wali Kota dapat memberikan "
        "penghargaan kepada Inisiator.",
        "(2)\tLaporan sebagaimana dimaksud pada ayat (1) disampaikan dengan mengisi data Indeks Inovasi Daerah "
        "sesuai dengan ketentuan peraturan perundang-undangan.",
        "(3)\tBappeda mengoordinasikan replikasi sebagaimana dimaksud pada ayat (1) dan ayat (2).",
    ]
    for line in expected:
        assert body.count(line) == 1, line
    assert not any("[[" in text or "]]" in text for text in body)


def test_lists_get_their_endings_and_one_conjunction(parepare):
    index = parepare.index(("Isi Pasal", "Setiap Inovasi Daerah berbentuk:"))
    assert parepare[index + 1:index + 4] == [
        ("Rincian 1", "a.\tinovasi tata kelola Pemerintahan Daerah;"),
        ("Rincian 1", "b.\tinovasi pelayanan publik; atau"),
        ("Rincian 1", "c.\tinovasi lain sesuai dengan urusan pemerintahan yang menjadi kewenangan Daerah."),
    ]
    index = parepare.index(("Isi Pasal", "Dalam Peraturan Wali Kota ini yang dimaksud dengan:"))
    definitions = [text for _style, text in parepare[index + 1:index + 13]]
    assert [d.split("\t")[0] for d in definitions] == [f"{n}." for n in range(1, 13)]
    assert definitions[5] == ("6.\tBadan Perencanaan Pembangunan Daerah yang selanjutnya disingkat Bappeda adalah "
                              "Perangkat Daerah yang melaksanakan fungsi penunjang urusan pemerintahan bidang "
                              "perencanaan serta penelitian dan pengembangan.")
    assert all(d.endswith(".") for d in definitions)


# -- a kabupaten ------------------------------------------------------------------------------


def test_a_regency_draft_says_bupati_everywhere(monkeypatch):
    monkeypatch.chdir(PANGKEP)
    checked = check_project(PANGKEP)
    report = checked.report
    assert not report.errors
    found = blocks(regulation_docx(PANGKEP, checked, "perbup-pelaksanaan-inovasi-daerah"))
    lines = [text for _style, text in found]
    assert lines[1:3] == ["BUPATI PANGKAJENE DAN KEPULAUAN", "PROVINSI SULAWESI SELATAN"]
    assert "PERATURAN BUPATI PANGKAJENE DAN KEPULAUAN" in lines
    assert "BUPATI PANGKAJENE DAN KEPULAUAN," in lines
    assert any(line.endswith("perlu menetapkan Peraturan Bupati tentang Pelaksanaan Peraturan Daerah Nomor 3 "
                             "Tahun 2020 tentang Inovasi Daerah;") for line in lines)
    assert "Menetapkan | : | PERATURAN BUPATI TENTANG PELAKSANAAN PERATURAN DAERAH NOMOR 3 TAHUN 2020 TENTANG " \
           "INOVASI DAERAH." in lines
    assert "Dalam Peraturan Bupati ini yang dimaksud dengan:" in lines
    assert ("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
            "penempatannya dalam Berita Daerah Kabupaten Pangkajene dan Kepulauan.") in lines
    assert "SEKRETARIS DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN," in lines
    assert "BERITA DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN TAHUN ... NOMOR ..." in lines
    assert not any("WALI KOTA" in line.upper() or "Wali Kota" in line for line in lines)
    assert "LAMPIRAN" in lines  # the annex header
    assert lines[lines.index("LAMPIRAN") + 1] == "PERATURAN BUPATI PANGKAJENE DAN KEPULAUAN"


# -- the engine on small regulations ----------------------------------------------------------

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {e.id: e for e in LegalCatalogue.model_validate(
    [{"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True}]).root}


def regulation(body: list, **extra) -> Regulation:
    return Regulation.model_validate({"tentang": "Uji", "menimbang": ["bahwa perlu diuji"], "mengingat": ["uud-1945"],
                                      "batang_tubuh": body, **extra})


def pasal(n: int) -> dict:
    return {"id": f"p{n}", "ayat": [{"id": f"p{n}a{k}", "teks": f"Pasal {n} ayat {k}."} for k in (1, 2, 3, 4)]}


def sentence_of(document, article: int, clause: int | None = None) -> str:
    target = document.articles()[article - 1]
    return plain(target.clauses[(clause or 1) - 1].text)


def test_the_multiple_reference_example_of_lampiran_ii():
    # "... pada ayat (1), Pasal 7 ayat (2) dan ayat (4), Pasal 12, dan Pasal 13 ayat (3) ..."
    body = [pasal(n) for n in range(1, 14)]
    body[13 - 1] = copy.deepcopy(body[12])
    body.append({"ayat": ["Rujukan [[p13a3, p12, p7a4, x-a1, p7a2]] diuji.", {"id": "x-a1", "teks": "Ayat lain."}]})
    document, problems = build(regulation(body), SETTINGS, CATALOGUE)
    assert problems == []
    assert sentence_of(document, 14, 1) == ("Rujukan sebagaimana dimaksud pada ayat (2), Pasal 7 ayat (2) dan "
                                            "ayat (4), Pasal 12, dan Pasal 13 ayat (3) diuji.")


def test_ranges_and_runs():
    body = [pasal(n) for n in range(1, 8)]
    body.append({"teks": "Lihat [[p3 sampai p6]], [[p2, p3, p4, p5]], [[p1a1, p1a2, p1a3]], dan [[p2a1 sampai p2a4]]."})
    document, problems = build(regulation(body), SETTINGS, CATALOGUE)
    assert problems == []
    assert sentence_of(document, 8) == (
        "Lihat sebagaimana dimaksud dalam Pasal 3 sampai dengan Pasal 6, sebagaimana dimaksud dalam Pasal 2 "
        "sampai dengan Pasal 5, sebagaimana dimaksud dalam Pasal 1 ayat (1) sampai dengan ayat (3), dan "
        "sebagaimana dimaksud dalam Pasal 2 ayat (1) sampai dengan ayat (4).")


def test_same_pasal_same_ayat_and_points():
    body = [
        {"id": "pokok", "teks": "Kegiatan meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
            {"id": "butir-a", "teks": "perencanaan"},
            {"id": "butir-b", "teks": "pelaksanaan", "rincian": {"sifat": "alternatif", "butir": [
                {"id": "butir-b1", "teks": "mandiri"}, {"id": "butir-b2", "teks": "bermitra"}]}},
            "pelaporan atas kegiatan [[butir-a]] dan [[butir-b2]]"]}},
        {"ayat": [{"id": "ayat-satu", "teks": "Ayat satu memuat:", "rincian": {"sifat": "kumulatif", "butir": [
            {"id": "huruf-a", "teks": "hal pertama"}, "hal kedua menurut [[huruf-a]]"]}},
            "Ayat dua merujuk [[huruf-a]], [[ayat-satu]], [[butir-b1]], dan [[#butir-b1]]."]},
        {"teks": "Hari kerja paling lama [[14]] hari sejak [[2021-06-04]]."},
    ]
    document, problems = build(regulation(body), SETTINGS, CATALOGUE)
    assert problems == []
    first = document.articles()[0].clauses[0]
    assert [plain(p.text) for p in first.points] == [
        "perencanaan;", "pelaksanaan:", "pelaporan atas kegiatan sebagaimana dimaksud pada huruf a dan "
        "sebagaimana dimaksud pada huruf b angka 2."]
    assert [plain(p.text) for p in first.points[1].points] == ["mandiri; atau", "bermitra; dan"]
    second = document.articles()[1]
    assert plain(second.clauses[0].points[1].text) == "hal kedua menurut sebagaimana dimaksud pada huruf a."
    assert plain(second.clauses[1].text) == (
        "Ayat dua merujuk sebagaimana dimaksud pada ayat (1) huruf a, sebagaimana dimaksud pada ayat (1), "
        "sebagaimana dimaksud dalam Pasal 1 huruf b angka 1, dan Pasal 1 huruf b angka 1.")
    assert plain(document.articles()[2].clauses[0].text) == (
        "Hari kerja paling lama 14 (empat belas) hari sejak 4 Juni 2021.")


def test_inserting_a_pasal_at_the_top_renumbers_everything(tmp_path):
    checked = check_project(ROOT)
    data, _ = checked.data, checked.report
    original = data.regulations["perwali-inovasi-daerah"]
    raw = yaml.safe_load((ROOT / "regulations/perwali-inovasi-daerah.yaml").read_text(encoding="utf-8"))
    raw["batang_tubuh"][0]["isi"].insert(0, {"id": "pasal-baru", "teks": "Pasal yang disisipkan [[pasal-penetapan]]."})
    inserted = Regulation.model_validate(raw)
    before, problems_before = build(original, data.settings, data.catalogue)
    after, problems_after = build(inserted, data.settings, data.catalogue)
    assert problems_before == problems_after == []
    assert [a.number for a in after.articles()] == list(range(1, 19))
    assert [a.label for a in after.articles()][1] == "Pasal 2"
    assert plain(after.articles()[1].clauses[0].text) == \
        "Pasal yang disisipkan sebagaimana dimaksud dalam Pasal 11."
    shifted = {plain(c.text) for a in before.articles() for c in a.clauses}
    moved = {plain(c.text) for a in after.articles() for c in a.clauses}
    assert "(1) Usulan" not in moved
    assert ("Usulan Inovasi Daerah sebagaimana dimaksud dalam Pasal 7 ayat (2) dibahas oleh Tim Independen."
            in shifted)
    assert ("Usulan Inovasi Daerah sebagaimana dimaksud dalam Pasal 8 ayat (2) dibahas oleh Tim Independen."
            in moved)
    assert ("Usulan Inovasi Daerah yang dinyatakan layak oleh Tim Independen sebagaimana dimaksud dalam Pasal 10 "
            "ayat (3) ditetapkan oleh Wali Kota sebagai Inovasi Daerah yang akan dilaksanakan.") in moved
    assert "Bappeda mengoordinasikan replikasi sebagaimana dimaksud pada ayat (1) dan ayat (2)." in moved


# -- every character reaches the document ----------------------------------------------------

SPECIAL = "PU & <Kota> \"kutip\" 'tunggal' — é ñ 中文 {{ nama }} {% if %} {_{ x }_} {_% y %_}"
"""``{_{`` and the like too: docxtpl turns them into ``{{`` in what it renders; the body never passes through it."""
MARKDOWN_SPECIAL = SPECIAL.replace("_", "\\_")
"""The same characters in Markdown (a lampiran): ``{_{ x }_}`` would be ``{`` + *{ x }* + ``}`` there."""


def test_special_characters_in_every_field_reach_the_document_exactly():
    reg = regulation(
        [{"bab": f"BAB {SPECIAL}", "isi": [
            {"bagian": f"Bagian {SPECIAL}", "isi": [
                {"paragraf": f"Paragraf {SPECIAL}", "isi": [
                    {"teks": f"Norma {SPECIAL} meliputi:", "rincian": {"sifat": "kumulatif", "butir": [
                        f"butir satu {SPECIAL}", f"butir dua {SPECIAL}"], "penutup": f"lanjutan {SPECIAL}."}},
                    {"ayat": [f"Ayat {SPECIAL}.", f"Ayat dua {SPECIAL}."]}]}]}]}],
        menimbang=[f"bahwa {SPECIAL}"],
        ketentuan_umum=[{"istilah": f"Istilah {SPECIAL}", "disingkat": "I&K", "arti": f"arti {SPECIAL}"}],
        lampiran=[{"judul": f"Judul {SPECIAL}", "isi": f"Paragraf lampiran {MARKDOWN_SPECIAL}.\n\n"
                                                     f"Kedua {MARKDOWN_SPECIAL}."}],
    )
    document, problems = build(reg, SETTINGS, CATALOGUE)
    assert problems == []
    from rancang.documents import template_path
    from rancang.render.regulation_docx import render

    lines = texts(render(document, template_path(ROOT)))
    for expected in [f"BAB {SPECIAL}".upper(), f"Bagian {SPECIAL}", f"Paragraf {SPECIAL}",
                     f"Norma {SPECIAL} meliputi:", f"a.\tbutir satu {SPECIAL}; dan", f"b.\tbutir dua {SPECIAL},",
                     f"lanjutan {SPECIAL}.", f"(1)\tAyat {SPECIAL}.", f"(2)\tAyat dua {SPECIAL}.",
                     f"1.\tIstilah {SPECIAL} yang selanjutnya disingkat I&K adalah arti {SPECIAL}.",
                     f"JUDUL {SPECIAL}".upper(), f"Paragraf lampiran {SPECIAL}.", f"Kedua {SPECIAL}."]:
        assert lines.count(expected) == 1, expected
    assert any(line.endswith(f"a. | bahwa {SPECIAL};") for line in lines)


# -- errors ----------------------------------------------------------------------------------


def project_with(tmp_path: Path, regulation_text: str) -> Path:
    (tmp_path / "rancang.yaml").write_text("daerah: {jenis: kota, nama: Parepare, provinsi: Sulawesi Selatan}\n",
                                           encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb/dasar-hukum.yaml").write_text("- {id: uud-1945, jenis: UUD, tahun: 1945, terkonfirmasi: true}\n",
                                                  encoding="utf-8")
    (tmp_path / "regulations").mkdir()
    (tmp_path / "regulations/uji.yaml").write_text(textwrap.dedent(regulation_text).lstrip(), encoding="utf-8")
    return tmp_path


SIMPLE = """
    tentang: Uji
    menimbang: [bahwa perlu diuji]
    mengingat: [uud-1945]
    batang_tubuh:
      - teks: Peraturan ini berlaku.
"""

BROKEN = """
    tentang: Uji
    menimbang:
      - bahwa perlu [[pasal-satu]] diuji
    mengingat: [uud-1945]
    batang_tubuh:
      - id: pasal-satu
        teks: Rujukan ke [[pasal-sattu]] dan [[Pasal 3]] dan [[pasal-dua sampai pasal-satu]].
      - id: pasal-dua
        teks: >-
          Teks panjang yang dilipat
          menunjuk [[pasal-tiga]].
"""


def test_dangling_and_malformed_references_are_errors_with_locations(tmp_path, monkeypatch, capsys):
    root = project_with(tmp_path, BROKEN)
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "regulations/uji.yaml:7:22: R301: unsur 'pasal-sattu' yang dirujuk tidak ada dalam peraturan ini "
        "(mungkin maksud Anda 'pasal-satu'?)",
        "regulations/uji.yaml:7:42: R303: penanda rujukan [[Pasal 3]] tidak dapat dibaca (tulis [[id]], [[#id]], "
        "[[id-1, id-2]], [[id-1 sampai id-2]], [[14]], atau [[2021-06-04]])",
        "regulations/uji.yaml:7:58: R304: rentang harus ditulis dari unsur yang lebih awal ke yang lebih akhir",
        # in a folded scalar the reference is found on its own line
        "regulations/uji.yaml:11:16: R301: unsur 'pasal-tiga' yang dirujuk tidak ada dalam peraturan ini "
        "(mungkin maksud Anda 'pasal-dua'?)",
    ]
    assert len(out) == 6  # and the summary


def test_a_failed_draft_writes_nothing_and_keeps_the_previous_file(tmp_path, monkeypatch, capsys):
    root = project_with(tmp_path, BROKEN)
    monkeypatch.chdir(root)
    previous = root / "_build/dokumen/uji.docx"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"dokumen lama yang baik")
    assert main(["draft", "regulations/uji.yaml"]) == 1
    assert previous.read_bytes() == b"dokumen lama yang baik"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["uji.docx"]
    assert "R301" in capsys.readouterr().err


def test_draft_writes_where_asked_and_explains_a_missing_libreoffice(tmp_path, monkeypatch, capsys):
    root = project_with(tmp_path, """
        tentang: Uji & Coba
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - teks: Peraturan ini berlaku.
    """)
    monkeypatch.chdir(root)
    shutil.copytree(ROOT / "templates", root / "templates")
    assert main(["draft", "regulations/uji.yaml", "-o", "keluar/hasil.docx"]) == 0
    assert capsys.readouterr().out == "Ditulis: keluar/hasil.docx\n"
    lines = texts((root / "keluar/hasil.docx").read_bytes())
    assert "UJI & COBA" in lines and "Pasal 1" in lines and "Pasal 2" in lines
    monkeypatch.setenv("RANCANG_SOFFICE", str(root / "tidak-ada" / "soffice"))
    stale = root / "_build/dokumen/uji.pdf"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"%PDF rancangan lama")
    assert main(["draft", "regulations/uji.yaml", "--pdf"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "Ditulis: _build/dokumen/uji.docx",
        "Dihapus: _build/dokumen/uji.pdf (PDF lama tidak lagi sesuai dengan DOCX)",
    ]
    assert captured.err.startswith("_build/dokumen/uji.docx: P405: ") and "LibreOffice" in captured.err
    assert (root / "_build/dokumen/uji.docx").is_file()
    assert not stale.exists()


def test_a_template_missing_a_style_is_explained(tmp_path, monkeypatch, capsys):
    from docx import Document

    root = project_with(tmp_path, SIMPLE)
    monkeypatch.chdir(root)
    (root / "templates").mkdir()
    template = Document(str(ROOT / "templates/peraturan-kepala-daerah.docx"))
    template.styles["Judul Pasal"].name = "Judul Pasal Lama"  # a user renamed it in Word
    template.save(str(root / "templates/peraturan-kepala-daerah.docx"))
    assert main(["draft", "regulations/uji.yaml"]) == 1
    assert capsys.readouterr().err == (
        "templates/peraturan-kepala-daerah.docx: P406: templat tidak memiliki gaya: Judul Pasal\n")
    assert not (root / "_build").exists()


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xd4\xaf\x37" * 2 + b"\x00" + b"\xd4\xaf\x37" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_the_emblem_is_placed_above_the_heading(tmp_path, monkeypatch):
    import io

    from docx import Document

    root = project_with(tmp_path, SIMPLE)
    (root / "lambang.png").write_bytes(tiny_png())
    with (root / "rancang.yaml").open("a", encoding="utf-8") as f:
        f.write("lambang: lambang.png\n")
    monkeypatch.chdir(root)
    checked = check_project(root)
    report = checked.report
    assert not report.errors
    document = Document(io.BytesIO(regulation_docx(root, checked, "uji")))
    first = document.paragraphs[0]
    assert first.style.name == "Lambang"
    assert len(first._p.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing")) == 1
    assert len(document.inline_shapes) == 1


@pytest.mark.parametrize("template", [ROOT / "templates/peraturan-kepala-daerah.docx",
                                      ROOT / "src/rancang/templates/peraturan-kepala-daerah.docx"])
def test_templates_declare_exactly_what_the_renderer_gives(template):
    from docx import Document
    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined

    from rancang.render.regulation_docx import TEMPLATE_VARIABLES, required_styles

    variables = DocxTemplate(str(template)).get_undeclared_template_variables(
        Environment(undefined=StrictUndefined, autoescape=True))
    assert variables == TEMPLATE_VARIABLES
    assert required_styles() <= {style.name for style in Document(str(template)).styles}


def test_a_pasal_with_a_single_ayat_is_not_numbered():
    body = [{"id": "satu", "ayat": [{"id": "satu-ayat", "teks": "Norma tunggal."}]},
            {"ayat": ["Merujuk [[satu-ayat]].", "Dan [[#satu]]."]}]
    document, problems = build(regulation(body), SETTINGS, CATALOGUE)
    assert problems == []
    first, second, _closing = document.articles()
    assert [(c.label, plain(c.text)) for c in first.clauses] == [(None, "Norma tunggal.")]
    assert [plain(c.text) for c in second.clauses] == ["Merujuk sebagaimana dimaksud dalam Pasal 1.", "Dan Pasal 1."]


def test_check_examines_the_word_template(tmp_path, monkeypatch, capsys):
    from docx import Document

    root = project_with(tmp_path, SIMPLE)
    monkeypatch.chdir(root)
    (root / "templates").mkdir()
    template = Document(str(ROOT / "templates/peraturan-kepala-daerah.docx"))
    template.styles["Ayat"].name = "Ayat Lama"
    template.add_paragraph("{{ nama_walikota }}")
    template.save(str(root / "templates/peraturan-kepala-daerah.docx"))
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        "templates/peraturan-kepala-daerah.docx: P406: templat memakai variabel yang tidak dikenal rancang: "
        "nama_walikota",
        "templates/peraturan-kepala-daerah.docx: P406: templat tidak memiliki gaya: Ayat",
    ]
    (root / "templates/peraturan-kepala-daerah.docx").write_text("bukan dokumen Word", encoding="utf-8")
    assert main(["check"]) == 1
    assert "P406: templat tidak dapat dibuka sebagai dokumen Word" in capsys.readouterr().out


def test_a_run_of_points_reads_like_an_explicit_range():
    body = [{"ayat": [{"teks": "Memuat:", "rincian": {"sifat": "kumulatif", "butir": [
        {"id": f"h{i}", "teks": f"hal {i}"} for i in range(1, 5)]}}, "Ayat kedua."]},
        {"teks": "Lihat [[h1, h2, h3]] dan [[h1 sampai h3]]."}]
    document, problems = build(regulation(body), SETTINGS, CATALOGUE)
    assert problems == []
    assert plain(document.articles()[1].clauses[0].text) == (
        "Lihat sebagaimana dimaksud dalam Pasal 1 ayat (1) huruf a sampai dengan huruf c dan sebagaimana "
        "dimaksud dalam Pasal 1 ayat (1) huruf a sampai dengan huruf c.")


def test_check_finds_tags_the_template_cannot_handle(tmp_path, monkeypatch, capsys):
    from docx import Document

    root = project_with(tmp_path, SIMPLE)
    monkeypatch.chdir(root)
    (root / "templates").mkdir()
    template = Document(str(ROOT / "templates/peraturan-kepala-daerah.docx"))
    template.add_paragraph("{% include 'lain.docx' %}")          # paragraph 6: unsupported
    split = template.add_paragraph("{{ kop_")                      # paragraph 7: split across two runs
    split.add_run("jabatan }}").bold = True
    template.add_paragraph("Tutup {{ kop_provinsi")                # paragraph 8: never closed
    template.add_paragraph("Teks {%p if x %}")                     # paragraph 9: {%p %} not alone
    template.save(str(root / "templates/peraturan-kepala-daerah.docx"))
    assert main(["check"]) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if line.startswith("templates/")]
    assert out == [
        "templates/peraturan-kepala-daerah.docx:6:1: P406: paragraf 6: tag \"{% include 'lain.docx' %}\" tidak "
        "didukung templat Word rancang",
        "templates/peraturan-kepala-daerah.docx:7:1: P410: peringatan: paragraf 7: tag '{{ kop_jabatan }}' terpecah "
        "di beberapa bagian berformat berbeda; ketik ulang tag itu dengan satu format",
        "templates/peraturan-kepala-daerah.docx:8:1: P406: paragraf 8: tag Jinja tidak ditutup ('}}' atau '%}' "
        "hilang)",
        "templates/peraturan-kepala-daerah.docx:9:1: P406: paragraf 9: tag '{%p if x %}' harus sendirian dalam "
        "paragrafnya",
    ]
