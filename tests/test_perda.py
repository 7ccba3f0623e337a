"""Peraturan Daerah, its Penjelasan, amendments kept as text, and the enacted regulation.

The DOCX is read back paragraph by paragraph with its styles (``docx_reading.blocks``): the frame of a Perda
(title, joint approval, Menetapkan, the words "Peraturan Daerah ini", Lembaran Daerah, NOREG), the Penjelasan
(every Pasal, "Cukup jelas.", Ayat/Huruf/Angka sub-headings only where something under a Pasal is explained,
numbers as text), an amending regulation (Pasal I, II in Roman, change points with their quoted text), the
author's own BAB KETENTUAN UMUM and KETENTUAN PENUTUP receiving the generated Pasal, and when a regulation
counts as enacted. Validation and reference problems are read as ``rancang check`` prints them, located.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

from docx_reading import blocks
from rancang.cli import main
from rancang.documents import template_path
from rancang.drafting.engine import build
from rancang.drafting.tree import plain
from rancang.models.catalogue import LegalCatalogue
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.present.titles import regulation_title
from rancang.render.regulation_docx import render

ROOT = Path(__file__).resolve().parents[1]

CITY = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                               "kepala_daerah": {"nama": "Nama Wali Kota"}})
REGENCY = Project.model_validate({"daerah": {"jenis": "kabupaten", "nama": "Pangkajene dan Kepulauan",
                                             "provinsi": "Sulawesi Selatan", "ibu_kota": "Pangkajene"}})

CATALOGUE_TEXT = """\
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
- id: perda-parepare-5-2020
  jenis: Perda
  pembentuk: Kota Parepare
  nomor: 5
  tahun: 2020
  tentang: Uji Coba Inovasi
  lembaran: {tahun: 2020, nomor: 5}
  tambahan: 12
  terkonfirmasi: true
- id: perda-parepare-1-2010
  jenis: Perda
  pembentuk: Kota Parepare
  nomor: 1
  tahun: 2010
  tentang: Inovasi Lama
  lembaran: {tahun: 2010, nomor: 1}
  terkonfirmasi: true
"""
CATALOGUE = {entry.id: entry for entry in LegalCatalogue.model_validate(yaml.safe_load(CATALOGUE_TEXT)).root}

PERDA = """\
jenis: peraturan_daerah
nomor: 3
tahun: 2020
tentang: Inovasi Daerah
menimbang:
  - bahwa Inovasi Daerah perlu diatur
  - bahwa pengaturannya perlu kepastian hukum
mengingat:
  - id: uud-1945
    pasal: Pasal 18 ayat (6)
ketentuan_umum:
  - id: istilah-daerah
    istilah: Daerah
    arti: Kota Parepare
  - istilah: Inovasi Daerah
    arti: semua bentuk pembaharuan dalam penyelenggaraan pemerintahan daerah
batang_tubuh:
  - bab: Ketentuan Umum
    isi:
      - id: pasal-asas
        teks: "Inovasi Daerah berasaskan:"
        rincian:
          sifat: kumulatif
          butir:
            - id: asas-manfaat
              teks: manfaat
            - kepastian hukum
  - bab: PENYELENGGARAAN
    isi:
      - id: pasal-penyelenggaraan
        ayat:
          - Wali Kota menyelenggarakan Inovasi Daerah.
          - id: ayat-lingkup
            teks: "Penyelenggaraan Inovasi Daerah meliputi:"
            rincian:
              sifat: kumulatif
              butir:
                - id: huruf-perencanaan
                  teks: perencanaan
                - teks: pelaksanaan
                  rincian:
                    sifat: alternatif
                    butir:
                      - id: angka-mandiri
                        teks: mandiri
                      - bermitra
      - teks: Pelaporan dilakukan setiap tahun.
  - bab: KETENTUAN PENUTUP
    isi:
      - teks: Inovasi Daerah yang sedang berjalan tetap dilaksanakan.
ketentuan_penutup:
  mencabut: [perda-parepare-1-2010]
penetapan:
  tanggal: 2020-08-20
pengundangan:
  tanggal: 2020-08-21
  nomor_lembaran_daerah: 3
  nomor_tambahan_lembaran_daerah: 31
  noreg: "(3/2020)"
penjelasan:
  umum: |
    Inovasi Daerah diatur untuk meningkatkan kinerja Pemerintahan Daerah, antara lain melalui
    [[pasal-penyelenggaraan]].

    Pokok pengaturannya:

    1. asas;
    2. penyelenggaraan.
  pasal:
    - rujukan: huruf-perencanaan
      teks: Yang dimaksud dengan "perencanaan" adalah penyusunan rencana [[ayat-lingkup]].
    - rujukan: istilah-daerah
      teks: Daerah adalah daerah otonom.
    - rujukan: pasal-asas
      teks: Asas menjadi pedoman *ad hoc* bagi penyelenggara.
lampiran:
  - judul: Daftar Inovasi
    isi: Daftar inovasi tercantum di sini.
"""


def regulation(text: str = PERDA, **changes) -> Regulation:
    data = yaml.safe_load(text)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return Regulation.model_validate(data)


def drafted(reg: Regulation, settings: Project = CITY):
    document, problems = build(reg, settings, CATALOGUE)
    assert problems == [], [p.format() for p in problems]
    return document


def docx_of(reg: Regulation, settings: Project = CITY, template: Path | None = None) -> bytes:
    return render(drafted(reg, settings), template or template_path(ROOT))


def lines_of(reg: Regulation, settings: Project = CITY) -> list[tuple[str, str]]:
    return blocks(docx_of(reg, settings))


def section(found: list[tuple[str, str]], first: tuple[str, str], last: tuple[str, str]) -> list[tuple[str, str]]:
    start = found.index(first)
    return found[start:found.index(last, start) + 1]


@pytest.fixture(scope="module")
def perda() -> list[tuple[str, str]]:
    return lines_of(regulation())


# -- the frame of a Perda ----------------------------------------------------------------------------------


def test_an_enacted_perda_has_its_title_and_the_joint_approval_before_memutuskan(perda):
    assert perda[:16] == [
        ("Lambang", ""), ("Kop", "WALI KOTA PAREPARE"), ("Kop", "PROVINSI SULAWESI SELATAN"), ("Normal", ""),
        ("Judul Peraturan", "PERATURAN DAERAH KOTA PAREPARE"),  # enacted: no RANCANGAN line
        ("Judul Peraturan", "NOMOR 3 TAHUN 2020"), ("Normal", ""),
        ("Judul Peraturan", "TENTANG"), ("Normal", ""),
        ("Judul Peraturan", "INOVASI DAERAH"), ("Normal", ""),
        ("Pembukaan", "DENGAN RAHMAT TUHAN YANG MAHA ESA"), ("Normal", ""),
        ("Pembukaan", "WALI KOTA PAREPARE,"), ("Normal", ""),
        ("tabel", "Menimbang | : | a. | bahwa Inovasi Daerah perlu diatur;"),
    ]
    assert section(perda, ("tabel", " |  | b. | bahwa pengaturannya perlu kepastian hukum;"),
                   ("tabel", "Menetapkan | : | PERATURAN DAERAH TENTANG INOVASI DAERAH.")) == [
        ("tabel", " |  | b. | bahwa pengaturannya perlu kepastian hukum;"),
        ("tabel", " |  | c. | bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
                  "membentuk Peraturan Daerah tentang Inovasi Daerah;"),
        ("Normal", ""),
        ("tabel", "Mengingat | : | Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"),
        ("Normal", ""),
        ("Pembukaan", "Dengan Persetujuan Bersama"),
        ("Pembukaan", "DEWAN PERWAKILAN RAKYAT DAERAH KOTA PAREPARE"),
        ("Pembukaan", "dan"),
        ("Pembukaan", "WALI KOTA PAREPARE"),
        ("Normal", ""),
        ("Pembukaan", "MEMUTUSKAN:"),
        ("Normal", ""),
        ("tabel", "Menetapkan | : | PERATURAN DAERAH TENTANG INOVASI DAERAH."),
    ]


def test_a_perda_calls_itself_peraturan_daerah_and_is_promulgated_in_the_lembaran_daerah(perda):
    texts = [text for _style, text in perda]
    assert ("Isi Pasal", "Dalam Peraturan Daerah ini yang dimaksud dengan:") in perda
    assert ("Pada saat Peraturan Daerah ini mulai berlaku, Peraturan Daerah Kota Parepare Nomor 1 Tahun 2010 tentang "
            "Inovasi Lama (Lembaran Daerah Kota Parepare Tahun 2010 Nomor 1) dicabut dan dinyatakan tidak "
            "berlaku.") in texts
    assert "Peraturan Daerah ini mulai berlaku pada tanggal diundangkan." in texts
    ending = section(perda, ("Penutup", "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Daerah "
                                        "ini dengan penempatannya dalam Lembaran Daerah Kota Parepare."),
                     ("Berita Daerah", "NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)"))
    assert ending[1:] == [
        ("Normal", ""),
        ("Tanda Tangan", "Ditetapkan di Parepare"), ("Tanda Tangan", "pada tanggal 20 Agustus 2020"), ("Normal", ""),
        ("Tanda Tangan", "WALI KOTA PAREPARE,"), ("Tanda Tangan", ""), ("Tanda Tangan", ""), ("Tanda Tangan", ""),
        ("Tanda Tangan", "NAMA WALI KOTA"), ("Normal", ""),
        ("Pengundangan", "Diundangkan di Parepare"), ("Pengundangan", "pada tanggal 21 Agustus 2020"),
        ("Normal", ""), ("Pengundangan", "SEKRETARIS DAERAH KOTA PAREPARE,"), ("Pengundangan", ""),
        ("Pengundangan", ""), ("Pengundangan", ""), ("Pengundangan", "..."),
        ("Berita Daerah", "LEMBARAN DAERAH KOTA PAREPARE TAHUN 2020 NOMOR 3"),
        ("Berita Daerah", "NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)"),
    ]
    assert not any("Berita Daerah" in text or "BERITA DAERAH" in text or "Peraturan Wali Kota" in text
                   or "PERATURAN WALI KOTA" in text for text in texts)
    assert texts[texts.index("LAMPIRAN") + 1] == "PERATURAN DAERAH KOTA PAREPARE"


def test_a_draft_perda_is_marked_and_leaves_its_numbers_open():
    draft = regulation(nomor=None, tahun=None, penetapan=None,
                       pengundangan={"nomor_tambahan_lembaran_daerah": 2})
    found = lines_of(draft)
    texts = [text for _style, text in found]
    assert texts[4:7] == ["RANCANGAN", "PERATURAN DAERAH KOTA PAREPARE", "NOMOR ... TAHUN ..."]
    assert found[found.index(("Berita Daerah", "LEMBARAN DAERAH KOTA PAREPARE TAHUN ... NOMOR ...")) + 1][0] != \
        "Berita Daerah", "no NOREG line without a NOREG"
    assert not any(text.startswith("NOREG") for text in texts)
    assert ("Berita Daerah", "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 2") in found
    assert regulation_title(CITY, draft) == "Rancangan Peraturan Daerah Kota Parepare tentang Inovasi Daerah"
    assert regulation_title(CITY, regulation()) == \
        "Peraturan Daerah Kota Parepare Nomor 3 Tahun 2020 tentang Inovasi Daerah"


def test_a_regency_perda_names_the_bupati_and_the_regency_dprd():
    found = lines_of(regulation(ketentuan_penutup=None), REGENCY)
    texts = [text for _style, text in found]
    start = texts.index("Dengan Persetujuan Bersama")
    assert texts[start:start + 4] == ["Dengan Persetujuan Bersama",
                                      "DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN", "dan",
                                      "BUPATI PANGKAJENE DAN KEPULAUAN"]
    assert "PERATURAN DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN" in texts
    assert "BUPATI PANGKAJENE DAN KEPULAUAN," in texts
    assert "LEMBARAN DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN TAHUN 2020 NOMOR 3" in texts
    assert ("NOREG PERATURAN DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN, PROVINSI SULAWESI SELATAN: (3/2020)"
            in texts)
    assert "TAMBAHAN LEMBARAN DAERAH KABUPATEN PANGKAJENE DAN KEPULAUAN NOMOR 31" in texts
    assert "Ditetapkan di Pangkajene" in texts
    assert not any("WALI KOTA" in text or "PAREPARE" in text for text in texts)  # the author's texts say Wali Kota


# -- the Penjelasan -------------------------------------------------------------------------------------------


def test_the_penjelasan_follows_the_signatures_and_precedes_the_lampiran(perda):
    explanation = section(perda, ("Judul Penjelasan", "PENJELASAN"),
                          ("Berita Daerah", "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 31"))
    assert explanation == [
        ("Judul Penjelasan", "PENJELASAN"), ("Judul Penjelasan", "ATAS"),
        ("Judul Penjelasan", "PERATURAN DAERAH KOTA PAREPARE"), ("Judul Penjelasan", "NOMOR 3 TAHUN 2020"),
        ("Judul Penjelasan", "TENTANG"), ("Judul Penjelasan", "INOVASI DAERAH"), ("Normal", ""),
        ("Bagian Penjelasan", "I.\tUMUM"),
        ("Isi Penjelasan 1", "Inovasi Daerah diatur untuk meningkatkan kinerja Pemerintahan Daerah, antara lain "
                             "melalui sebagaimana dimaksud dalam Pasal 3."),
        ("Isi Penjelasan 1", "Pokok pengaturannya:"),
        ("Daftar 1", "1.\tasas;"), ("Daftar 1", "2.\tpenyelenggaraan."),
        ("Bagian Penjelasan", "II.\tPASAL DEMI PASAL"),
        # Pasal 1: one definition explained, so every angka is listed
        ("Unsur Penjelasan 1", "Pasal 1"),
        ("Unsur Penjelasan 2", "Angka 1"), ("Isi Penjelasan 2", "Daerah adalah daerah otonom."),
        ("Unsur Penjelasan 2", "Angka 2"), ("Isi Penjelasan 2", "Cukup jelas."),
        # Pasal 2: explained as a whole, its huruf not listed
        ("Unsur Penjelasan 1", "Pasal 2"), ("Isi Penjelasan 1", "Asas menjadi pedoman ad hoc bagi penyelenggara."),
        # Pasal 3: huruf a of ayat (2) explained: every ayat, then every huruf of ayat (2)
        ("Unsur Penjelasan 1", "Pasal 3"),
        ("Unsur Penjelasan 2", "Ayat (1)"), ("Isi Penjelasan 2", "Cukup jelas."),
        ("Unsur Penjelasan 2", "Ayat (2)"),
        ("Unsur Penjelasan 3", "Huruf a"),
        ("Isi Penjelasan 3", 'Yang dimaksud dengan "perencanaan" adalah penyusunan rencana sebagaimana dimaksud '
                             'pada ayat (2).'),
        ("Unsur Penjelasan 3", "Huruf b"), ("Isi Penjelasan 3", "Cukup jelas."),
        ("Unsur Penjelasan 1", "Pasal 4"), ("Isi Penjelasan 1", "Cukup jelas."),
        ("Unsur Penjelasan 1", "Pasal 5"), ("Isi Penjelasan 1", "Cukup jelas."),
        ("Unsur Penjelasan 1", "Pasal 6"), ("Isi Penjelasan 1", "Cukup jelas."),
        ("Unsur Penjelasan 1", "Pasal 7"), ("Isi Penjelasan 1", "Cukup jelas."),
        ("Normal", ""),
        ("Berita Daerah", "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 31"),
    ]
    assert perda.index(("Berita Daerah", "LEMBARAN DAERAH KOTA PAREPARE TAHUN 2020 NOMOR 3")) < \
        perda.index(("Judul Penjelasan", "PENJELASAN")) < perda.index(("Lampiran Kepala", "LAMPIRAN"))


def test_an_angka_under_a_huruf_gets_its_own_level():
    reg = regulation()
    reg.explanation.elements[0].reference = "angka-mandiri"
    found = lines_of(reg)
    part = section(found, ("Unsur Penjelasan 1", "Pasal 3"), ("Unsur Penjelasan 1", "Pasal 4"))
    assert part == [
        ("Unsur Penjelasan 1", "Pasal 3"),
        ("Unsur Penjelasan 2", "Ayat (1)"), ("Isi Penjelasan 2", "Cukup jelas."),
        ("Unsur Penjelasan 2", "Ayat (2)"),
        ("Unsur Penjelasan 3", "Huruf a"), ("Isi Penjelasan 3", "Cukup jelas."),
        ("Unsur Penjelasan 3", "Huruf b"),
        ("Unsur Penjelasan 4", "Angka 1"),
        ("Isi Penjelasan 4", 'Yang dimaksud dengan "perencanaan" adalah penyusunan rencana sebagaimana dimaksud '
                             'pada ayat (2).'),
        ("Unsur Penjelasan 4", "Angka 2"), ("Isi Penjelasan 4", "Cukup jelas."),
        ("Unsur Penjelasan 1", "Pasal 4"),
    ]


def test_the_penjelasan_follows_renumbering():
    """Explanations are attached by id: a Pasal inserted before them moves them with their elements."""
    data = yaml.safe_load(PERDA)
    data["batang_tubuh"][1]["isi"].insert(0, {"teks": "Pasal yang disisipkan."})
    found = lines_of(Regulation.model_validate(data))
    part = section(found, ("Unsur Penjelasan 1", "Pasal 3"), ("Unsur Penjelasan 1", "Pasal 5"))
    assert part == [("Unsur Penjelasan 1", "Pasal 3"), ("Isi Penjelasan 1", "Cukup jelas."),
                    ("Unsur Penjelasan 1", "Pasal 4"), *part[3:-1], ("Unsur Penjelasan 1", "Pasal 5")]
    assert ("Isi Penjelasan 3", 'Yang dimaksud dengan "perencanaan" adalah penyusunan rencana sebagaimana '
                                'dimaksud pada ayat (2).') in part
    assert ("Isi Penjelasan 1", "Inovasi Daerah diatur untuk meningkatkan kinerja Pemerintahan Daerah, antara lain "
                                "melalui sebagaimana dimaksud dalam Pasal 4.") in found


def test_numbers_are_text_and_italics_are_runs():
    data = docx_of(regulation())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" not in document and "w:numId" not in document  # no automatic numbering anywhere
    import docx

    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    explained = next(p for p in paragraphs if p.text == "Asas menjadi pedoman ad hoc bagi penyelenggara.")
    assert [(run.text, bool(run.italic)) for run in explained.runs] == [
        ("Asas menjadi pedoman ", False), ("ad hoc", True), (" bagi penyelenggara.", False)]


def test_a_penjelasan_without_explained_elements_says_cukup_jelas_for_every_pasal():
    reg = regulation(penjelasan={"umum": "Umum saja."}, lampiran=None)
    found = lines_of(reg)
    part = found[found.index(("Bagian Penjelasan", "II.\tPASAL DEMI PASAL")) + 1:]
    assert part == [x for n in range(1, 8) for x in (("Unsur Penjelasan 1", f"Pasal {n}"),
                                                      ("Isi Penjelasan 1", "Cukup jelas."))] + \
        [("Normal", ""), ("Berita Daerah", "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 31")]


# -- amendments kept as text -----------------------------------------------------------------------------------

AMENDMENT = """\
jenis: peraturan_daerah
tentang: Perubahan atas Peraturan Daerah Nomor 5 Tahun 2020 tentang Uji Coba Inovasi
mengubah: perda-parepare-5-2020
menimbang:
  - bahwa Peraturan Daerah Nomor 5 Tahun 2020 tentang Uji Coba Inovasi perlu disesuaikan
mengingat:
  - uud-1945
  - perda-parepare-5-2020
batang_tubuh:
  - id: pasal-perubahan
    perubahan:
      - teks: "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"
        naskah: |
          Pasal 5
          (1) Uji coba dilakukan secara *daring* dan luring.
          (2) Uji coba sebagaimana dimaksud pada ayat (1) meliputi:
              a. penyiapan; dan
              b. pelaksanaan.
      - teks: Pasal 16 dihapus.
      - teks: "Di antara BAB IV dan BAB V disisipkan 1 (satu) bab, yakni BAB IVA sehingga berbunyi sebagai berikut:"
        naskah: |
          BAB IVA
          PENDANAAN

          Pasal 16A
          Pendanaan bersumber dari anggaran pendapatan dan belanja daerah.
  - teks: Uji coba yang sedang berjalan menyesuaikan dengan ketentuan [[pasal-perubahan]].
penjelasan:
  umum: Perubahan ini menyesuaikan uji coba.
  pasal:
    - rujukan: pasal-perubahan
      teks: Angka 1 mengubah Pasal 5.
"""


def test_an_amendment_numbers_its_pasal_in_roman_and_prints_change_points():
    found = lines_of(regulation(AMENDMENT))
    body = section(found, ("Judul Pasal", "Pasal I"), ("Isi Pasal", "Peraturan Daerah ini mulai berlaku pada tanggal "
                                                                     "diundangkan."))
    assert body == [
        ("Judul Pasal", "Pasal I"),
        ("Isi Pasal", "Beberapa ketentuan dalam Peraturan Daerah Kota Parepare Nomor 5 Tahun 2020 tentang Uji Coba "
                      "Inovasi (Lembaran Daerah Kota Parepare Tahun 2020 Nomor 5, Tambahan Lembaran Daerah Kota "
                      "Parepare Nomor 12) diubah sebagai berikut:"),
        ("Rincian 1", "1.\tKetentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"),
        ("Judul Naskah Perubahan", "Pasal 5"),
        ("Naskah Perubahan", "(1) Uji coba dilakukan secara daring dan luring."),
        ("Naskah Perubahan", "(2) Uji coba sebagaimana dimaksud pada ayat (1) meliputi:"),
        ("Naskah Perubahan", "a. penyiapan; dan"),
        ("Naskah Perubahan", "b. pelaksanaan."),
        ("Rincian 1", "2.\tPasal 16 dihapus."),
        ("Rincian 1", "3.\tDi antara BAB IV dan BAB V disisipkan 1 (satu) bab, yakni BAB IVA sehingga berbunyi "
                      "sebagai berikut:"),
        ("Judul Naskah Perubahan", "BAB IVA"),
        ("Judul Naskah Perubahan", "PENDANAAN"),
        ("Judul Naskah Perubahan", "Pasal 16A"),
        ("Naskah Perubahan", "Pendanaan bersumber dari anggaran pendapatan dan belanja daerah."),
        ("Judul Pasal", "Pasal II"),
        ("Isi Pasal", "Uji coba yang sedang berjalan menyesuaikan dengan ketentuan sebagaimana dimaksud dalam "
                      "Pasal I."),
        ("Judul Pasal", "Pasal III"),
        ("Isi Pasal", "Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."),
    ]
    assert section(found, ("Bagian Penjelasan", "II.\tPASAL DEMI PASAL"), ("Isi Penjelasan 1", "Cukup jelas."))[1:] \
        == [("Unsur Penjelasan 1", "Pasal I"), ("Isi Penjelasan 1", "Angka 1 mengubah Pasal 5."),
            ("Unsur Penjelasan 1", "Pasal II"), ("Isi Penjelasan 1", "Cukup jelas.")]
    import docx

    paragraphs = docx.Document(io.BytesIO(docx_of(regulation(AMENDMENT)))).paragraphs
    quoted = next(p for p in paragraphs if p.text.startswith("(1) Uji coba"))
    assert [run.text for run in quoted.runs if run.italic] == ["daring"]


def test_the_generated_commencement_is_pasal_ii_and_an_own_lead_is_kept():
    data = yaml.safe_load(AMENDMENT)
    data["batang_tubuh"] = data["batang_tubuh"][:1]
    data["batang_tubuh"][0]["teks"] = ("Ketentuan Pasal 5 dalam Peraturan Daerah Kota Parepare Nomor 5 Tahun 2020 "
                                       "diubah sebagai berikut:")
    data.pop("penjelasan")
    document = drafted(Regulation.model_validate(data))
    first, second = document.articles()
    assert (first.label, second.label) == ("Pasal I", "Pasal II")
    assert plain(first.clauses[0].text).startswith("Ketentuan Pasal 5 dalam Peraturan Daerah Kota Parepare")
    assert [change.label for change in first.changes] == ["1.", "2.", "3."]
    assert plain(second.clauses[0].text) == "Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."


def test_a_perkada_may_amend_too():
    data = yaml.safe_load(AMENDMENT)
    for key in ("jenis", "penjelasan"):
        data.pop(key)
    data["tentang"] = "Perubahan atas Peraturan Wali Kota Nomor 7 Tahun 2019 tentang Uji"
    document = drafted(Regulation.model_validate(data))
    assert [article.label for article in document.articles()] == ["Pasal I", "Pasal II", "Pasal III"]
    assert plain(document.articles()[-1].clauses[0].text) == \
        "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."


# -- KETENTUAN UMUM and KETENTUAN PENUTUP written as BAB ---------------------------------------------------------

HEADINGS = ("Judul BAB", "Judul Bagian", "Judul Paragraf", "Judul Pasal")


def test_the_authors_first_and_last_bab_receive_the_generated_pasal(perda):
    assert [text for style, text in perda if style in HEADINGS] == [
        "BAB I", "KETENTUAN UMUM", "Pasal 1", "Pasal 2",
        "BAB II", "PENYELENGGARAAN", "Pasal 3", "Pasal 4",
        "BAB III", "KETENTUAN PENUTUP", "Pasal 5", "Pasal 6", "Pasal 7",
    ]
    assert perda[perda.index(("Judul Pasal", "Pasal 1")) + 1] == \
        ("Isi Pasal", "Dalam Peraturan Daerah ini yang dimaksud dengan:")
    assert perda[perda.index(("Judul Pasal", "Pasal 5")) + 1] == \
        ("Isi Pasal", "Inovasi Daerah yang sedang berjalan tetap dilaksanakan.")


def test_the_titles_are_compared_as_the_linter_compares_them():
    data = yaml.safe_load(PERDA)
    data["batang_tubuh"][0]["bab"] = "Ketentuan  umum."
    data["batang_tubuh"][2]["bab"] = " ketentuan penutup"
    document = drafted(Regulation.model_validate(data))
    assert [(group.label, group.title) for group in document.body] == [
        ("BAB I", "KETENTUAN  UMUM."), ("BAB II", "PENYELENGGARAAN"), ("BAB III", " KETENTUAN PENUTUP")]


def test_without_those_bab_they_are_generated_as_before():
    data = yaml.safe_load(PERDA)
    data["batang_tubuh"] = data["batang_tubuh"][1:2]
    data.pop("penjelasan")
    document = drafted(Regulation.model_validate(data))
    outline = [(item.label, item.title, [a.label for a in item.children]) for item in document.body]
    assert outline == [("BAB I", "KETENTUAN UMUM", ["Pasal 1"]),
                       ("BAB II", "PENYELENGGARAAN", ["Pasal 2", "Pasal 3"]),
                       ("BAB III", "KETENTUAN PENUTUP", ["Pasal 4", "Pasal 5"])]


def test_a_divided_ketentuan_umum_bab_gets_pasal_1_in_its_first_bagian():
    data = yaml.safe_load(PERDA)
    data["batang_tubuh"][0]["isi"] = [{"bagian": "Pengertian", "isi": [{"teks": "Pasal pengertian lain."}]},
                                      {"bagian": "Asas", "isi": [{"teks": "Pasal asas."}]}]
    data["batang_tubuh"][2]["isi"] = [{"bagian": "Peralihan", "isi": [{"teks": "Pasal peralihan."}]}]
    data.pop("penjelasan")
    document = drafted(Regulation.model_validate(data))
    first, second, last = document.body
    assert [(part.label, [a.label for a in part.children]) for part in first.children] == [
        ("Bagian Kesatu", ["Pasal 1", "Pasal 2"]), ("Bagian Kedua", ["Pasal 3"])]
    assert [(part.label, [a.label for a in part.children]) for part in last.children] == [
        ("Bagian Kesatu", ["Pasal 6", "Pasal 7", "Pasal 8"])]
    assert [a.number for a in document.articles()] == list(range(1, 9))


# -- enacted or draft ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("changes, enacted", [
    ({}, True),
    ({"penetapan": None}, False),                                   # number and year, not signed yet
    ({"penetapan": {"tanggal": "2020-08"}}, False),                 # the day is still open
    ({"nomor": None, "tahun": None}, False),
])
def test_a_regulation_is_enacted_with_number_year_and_full_date(changes, enacted):
    reg = regulation(**changes)
    assert reg.is_enacted is enacted and reg.is_draft is not enacted
    document = drafted(reg)
    assert ("RANCANGAN" in document.title) is not enacted
    assert document.draft is not enacted
    number = "NOMOR 3 TAHUN 2020" if reg.number else "NOMOR ... TAHUN ..."
    assert number in document.title
    title = regulation_title(CITY, reg)
    assert title.startswith("Rancangan ") is not enacted
    assert ("Nomor 3 Tahun 2020" in title) is (reg.number is not None)


# -- what the checker says -------------------------------------------------------------------------------------


def project_with(root: Path, files: dict[str, str]) -> Path:
    (root / "kb").mkdir(parents=True)
    (root / "regulations").mkdir()
    (root / "rancang.yaml").write_text("daerah: {jenis: kota, nama: Parepare, provinsi: Sulawesi Selatan}\n",
                                       encoding="utf-8")
    (root / "kb" / "dasar-hukum.yaml").write_text(CATALOGUE_TEXT, encoding="utf-8")
    for name, text in files.items():
        (root / "regulations" / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


def check_output(tmp_path: Path, monkeypatch, capsys, files: dict[str, str]) -> list[str]:
    root = project_with(tmp_path / "proyek", files)
    monkeypatch.chdir(root)
    code = main(["check"])
    out = capsys.readouterr().out.splitlines()
    return [line for line in out if line.startswith("regulations/")] + [f"kode keluar {code}"]


def test_each_kind_uses_its_own_gazette_keys(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"perda.yaml": """
        jenis: peraturan_daerah
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - teks: Peraturan ini berlaku.
        pengundangan:
          nomor_berita_daerah: 4
          tahun_berita_daerah: 2020
        """, "perwali.yaml": """
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - teks: Peraturan ini berlaku.
        pengundangan:
          nomor_lembaran_daerah: 4
          nomor_tambahan_lembaran_daerah: 5
          noreg: (4/2020)
        penjelasan:
          umum: Tidak untuk Peraturan Wali Kota.
        """})
    assert out == [
        "regulations/perda.yaml:8:24: S206: Peraturan Daerah diundangkan dalam Lembaran Daerah, bukan Berita Daerah: "
        "tulis 'nomor_lembaran_daerah' sebagai ganti 'nomor_berita_daerah'",
        "regulations/perda.yaml:9:24: S206: Peraturan Daerah diundangkan dalam Lembaran Daerah, bukan Berita Daerah: "
        "tulis 'tahun_lembaran_daerah' sebagai ganti 'tahun_berita_daerah'",
        "regulations/perwali.yaml:7:26: S206: Peraturan Wali Kota/Bupati diundangkan dalam Berita Daerah, bukan "
        "Lembaran Daerah: tulis 'nomor_berita_daerah' sebagai ganti 'nomor_lembaran_daerah'",
        "regulations/perwali.yaml:8:35: S206: Tambahan Lembaran Daerah hanya untuk Peraturan Daerah; hapus "
        "'nomor_tambahan_lembaran_daerah' atau tulis jenis: peraturan_daerah",
        "regulations/perwali.yaml:9:10: S206: NOREG hanya diberikan kepada Peraturan Daerah; hapus 'noreg' atau tulis "
        "jenis: peraturan_daerah",
        "regulations/perwali.yaml:10:1: S206: 'penjelasan' hanya dimuat dalam Peraturan Daerah; tulis jenis: "
        "peraturan_daerah atau hapus 'penjelasan'",
        "kode keluar 1",
    ]


def test_amendment_keys_are_checked_where_they_are_written(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"tanpa-mengubah.yaml": """
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - perubahan:
              - teks: Pasal 3 dihapus.
        """, "salah-id.yaml": """
        tentang: Perubahan atas Uji
        mengubah: perda-parepare-5-2002
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - perubahan:
              - teks: Pasal 3 dihapus.
            ayat: [Ayat satu.]
        """})
    assert out == [
        "regulations/salah-id.yaml:8:5: S206: pasal berisi 'perubahan' tidak memuat 'ayat'; tulis kalimat pembukanya "
        "di 'teks'",
        "regulations/tanpa-mengubah.yaml:5:5: S206: 'perubahan' hanya dipakai dalam peraturan perubahan; isi "
        "'mengubah' dengan id peraturan yang diubah (dari kb/dasar-hukum.yaml)",
        "kode keluar 1",
    ]
    (Path("regulations") / "salah-id.yaml").write_text(textwrap.dedent("""\
        tentang: Perubahan atas Uji
        mengubah: perda-parepare-5-2002
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - perubahan:
              - teks: Pasal 3 dihapus.
        """), encoding="utf-8")
    (Path("regulations") / "tanpa-mengubah.yaml").unlink()
    assert main(["check"]) == 1
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("regulations/")] == [
        "regulations/salah-id.yaml:2:11: R301: peraturan yang diubah 'perda-parepare-5-2002' tidak dikenal "
        "(mungkin maksud Anda 'perda-parepare-5-2020' atau 'perda-parepare-1-2010'? id peraturan yang diubah "
        "didaftarkan di kb/dasar-hukum.yaml)"]


def test_penjelasan_problems_are_reported_at_their_rujukan(tmp_path, monkeypatch, capsys):
    out = check_output(tmp_path, monkeypatch, capsys, {"perda.yaml": """
        jenis: peraturan_daerah
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        batang_tubuh:
          - bab: PELAKSANAAN
            id: bab-pelaksanaan
            isi:
              - id: pasal-satu
                ayat:
                  - id: ayat-tunggal
                    teks: Peraturan ini berlaku.
        penjelasan:
          umum: Umum merujuk [[pasal-dua]].
          pasal:
            - rujukan: pasal-sattu
              teks: Salah eja.
            - rujukan: bab-pelaksanaan
              teks: Sebuah BAB.
            - rujukan: pasal-satu
              teks: Pasalnya.
            - rujukan: ayat-tunggal
              teks: Ayat tunggalnya, yang adalah pasal itu juga.
            - rujukan: pasal-satu
              teks: Sekali lagi.
        """})
    assert out == [
        "regulations/perda.yaml:24:16: S206: 'pasal-satu' sudah dijelaskan pada butir ke-3; gabungkan kedua "
        "penjelasan",
        "kode keluar 1",
    ]
    path = Path("regulations/perda.yaml")
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:-2]) + "\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("regulations/")] == [
        "regulations/perda.yaml:14:22: R301: unsur 'pasal-dua' yang dirujuk tidak ada dalam peraturan ini "
        "(mungkin maksud Anda 'pasal-satu'?)",
        "regulations/perda.yaml:16:16: R301: unsur 'pasal-sattu' yang dirujuk tidak ada dalam peraturan ini "
        "(mungkin maksud Anda 'pasal-satu'?)",
        "regulations/perda.yaml:18:16: R304: penjelasan pasal demi pasal hanya menjelaskan pasal, ayat, butir "
        "rincian, atau istilah; 'bab-pelaksanaan' adalah BAB I (jelaskan pasalnya, atau tulis penjelasan ini di "
        "'umum')",
        "regulations/perda.yaml:22:16: R302: 'ayat-tunggal' menunjuk unsur yang sudah dijelaskan oleh 'pasal-satu' "
        "(baris 20) (gabungkan kedua penjelasan)",
    ]


def test_a_first_ketentuan_umum_bab_is_not_a_finding_but_a_misplaced_one_is(tmp_path, monkeypatch, capsys):
    body = """
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945]
        ketentuan_umum:
          - {istilah: Daerah, arti: Kota Parepare}
        batang_tubuh:
          - bab: {first}
            isi:
              - teks: Daerah menyelenggarakan uji.
          - bab: {second}
            isi:
              - teks: Daerah melaporkan uji.
        """
    out = check_output(tmp_path, monkeypatch, capsys, {
        "baik.yaml": body.replace("{first}", "KETENTUAN UMUM").replace("{second}", "KETENTUAN PENUTUP"),
        "salah.yaml": body.replace("{first}", "KETENTUAN PENUTUP").replace("{second}", "Ketentuan Umum")})
    assert [line for line in out if "L530" in line] == [
        "regulations/salah.yaml:7:10: L530: BAB 'KETENTUAN PENUTUP' bukan BAB terakhir (pindahkan BAB ini ke akhir "
        "batang_tubuh; pencabutan dan saat mulai berlaku diisi di 'ketentuan_penutup')",
        "regulations/salah.yaml:10:10: L530: BAB 'Ketentuan Umum' bukan BAB pertama (pindahkan BAB ini ke awal "
        "batang_tubuh, atau hapus BAB ini dan tulis istilah dan artinya di 'ketentuan_umum')",
    ]
    assert not [line for line in out if line.startswith("regulations/baik.yaml")]


def test_findings_name_the_regulation_by_its_kind(tmp_path, monkeypatch, capsys):
    root = tmp_path / "proyek"
    out = check_output(tmp_path, monkeypatch, capsys, {"perda.yaml": """
        jenis: peraturan_daerah
        tentang: Uji
        menimbang: [bahwa perlu diuji]
        mengingat: [uud-1945, kepwali-parepare-2-2019]
        batang_tubuh:
          - teks: Wali Kota menetapkan uji.
        """})
    assert out == ["regulations/perda.yaml:4:23: R301: dasar hukum 'kepwali-parepare-2-2019' tidak dikenal (mungkin "
                   "maksud Anda 'perda-parepare-1-2010'? id dasar hukum didaftarkan di kb/dasar-hukum.yaml)", "kode keluar 1"]  # the catalogue gets it below
    with (root / "kb" / "dasar-hukum.yaml").open("a", encoding="utf-8") as catalogue:
        catalogue.write("- {id: kepwali-parepare-2-2019, jenis: Keputusan Kepala Daerah, pembentuk: Kota Parepare, "
                        "nomor: 2, tahun: 2019, tentang: Tim Inovasi, terkonfirmasi: true}\n")
    assert main(["check"]) == 1
    assert [line for line in capsys.readouterr().out.splitlines() if "L513" in line] == [
        "regulations/perda.yaml:4:23: L513: 'kepwali-parepare-2-2019' (Keputusan Wali Kota Parepare Nomor 2 Tahun "
        "2019) adalah Keputusan Kepala Daerah, bukan dasar hukum Peraturan Daerah (hapus dari mengingat; kutip "
        "peraturan yang memberi kewenangan atau memerintahkan pengaturannya)"]


# -- a template made before these parts ---------------------------------------------------------------------------


def test_a_template_without_the_new_styles_still_drafts_a_perda_and_an_amendment(tmp_path):
    from test_old_templates import _without_styles

    from rancang.render.template_names import LATER_STYLES

    template = tmp_path / "peraturan-kepala-daerah.docx"
    template.write_bytes((ROOT / "templates" / "peraturan-kepala-daerah.docx").read_bytes())
    _without_styles(template, set(LATER_STYLES))
    for reg in (regulation(), regulation(AMENDMENT)):
        found = blocks(docx_of(reg, template=template))
        styles = {style for style, _text in found}
        assert not styles & set(LATER_STYLES)
        assert ("Judul Peraturan", "PENJELASAN") in found
        assert ("Isi Pasal", "Cukup jelas.") in found
    assert ("Lanjutan Ayat", "b. pelaksanaan.") in found


# -- the site and LibreOffice ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from support import build_site_of

    root = project_with(tmp_path_factory.mktemp("situs") / "proyek", {"perda.yaml": PERDA, "ubah.yaml": AMENDMENT})
    (root / "kb" / "index.md").write_text("# Uji\n\n```{rancang-peraturan}\n```\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        out, _warnings = build_site_of(root)  # Sphinx warnings are errors
    return out


def test_the_site_lists_a_perda_by_its_name(site):
    from html_reading import visible_text

    index = visible_text((site / "kb" / "index.html").read_text(encoding="utf-8"))
    assert "Peraturan Daerah Kota Parepare Nomor 3 Tahun 2020 tentang Inovasi Daerah" in index
    assert ("Rancangan Peraturan Daerah Kota Parepare tentang Perubahan atas Peraturan Daerah Nomor 5 Tahun 2020 "
            "tentang Uji Coba Inovasi") in index


def test_the_perda_page_has_the_joint_approval_the_noreg_and_the_penjelasan(site):
    import lxml.html

    page = lxml.html.parse(str(site / "regulations" / "perda.html")).getroot()

    def texts(xpath: str) -> list[str]:
        return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]

    assert texts("//div[contains(@class, 'rancang-persetujuan')]/p") == [
        "Dengan Persetujuan Bersama", "DEWAN PERWAKILAN RAKYAT DAERAH KOTA PAREPARE", "dan", "WALI KOTA PAREPARE"]
    heading = texts("//div[contains(@class, 'rancang-kepala-peraturan')]/p")
    assert "RANCANGAN" not in heading and "PERATURAN DAERAH KOTA PAREPARE" in heading
    assert texts("//p[contains(@class, 'rancang-noreg')]") == [
        "NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)"]
    assert texts("//div[@id='penjelasan']/div[contains(@class, 'rancang-kepala-penjelasan')]/p") == [
        "PENJELASAN", "ATAS", "PERATURAN DAERAH KOTA PAREPARE", "NOMOR 3 TAHUN 2020", "TENTANG", "INOVASI DAERAH"]
    assert texts("//p[contains(@class, 'rancang-bagian-penjelasan')]") == ["I. UMUM", "II. PASAL DEMI PASAL"]
    assert texts("//div[contains(@class, 'rancang-penjelasan-umum')]//li") == ["asas;", "penyelenggaraan."]
    top = page.xpath("//div[@id='penjelasan']/div[contains(@class, 'rancang-tingkat-1')]")
    assert [node.get("id") for node in top] == [f"penjelasan-pasal-{n}" for n in range(1, 8)]
    for node in page.xpath("//p[contains(@class, 'rancang-label-penjelasan')]/a"):
        target = node.get("href")[1:]
        assert page.xpath(f"//*[@id='{target}']"), target  # each label links to what it explains
    huruf_a = page.xpath("//div[@id='penjelasan-pasal-3-ayat-2-huruf-a']")[0]
    assert " ".join(huruf_a.text_content().split()) == (
        'Huruf a Yang dimaksud dengan "perencanaan" adalah penyusunan rencana sebagaimana dimaksud pada ayat (2).')
    assert huruf_a.xpath(".//p[not(contains(@class, 'rancang-label-penjelasan'))]/a/@href") == ["#pasal-3-ayat-2"]
    assert texts("//div[@id='penjelasan-pasal-4']/p") == ["Pasal 4", "Cukup jelas."]
    assert page.xpath("//div[@id='penjelasan-pasal-2']//em/text()") == ["ad hoc"]
    assert texts("//div[@id='penjelasan']/p[contains(@class, 'rancang-berita-daerah')]") == [
        "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 31"]
    order = [node.get("id") for node in page.xpath("//*[@id='penjelasan' or @id='lampiran' or @id='pasal-7']")]
    assert order == ["pasal-7", "penjelasan", "lampiran"]


def test_the_amendment_page_shows_its_change_points_and_quoted_text(site):
    import lxml.html

    page = lxml.html.parse(str(site / "regulations" / "ubah.html")).getroot()
    pasal = page.xpath("//div[@id='pasal-1']")[0]
    assert pasal.xpath("./p[contains(@class, 'rancang-judul-pasal')]/text()") == ["Pasal I"]
    changes = pasal.xpath("./div[contains(@class, 'rancang-perubahan')]")
    assert [change.get("id") for change in changes] == [f"pasal-1-perubahan-{n}" for n in (1, 2, 3)]
    first = changes[0]
    assert " ".join(first.xpath("./p")[0].text_content().split()) == \
        "1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"
    assert [(line.get("class"), " ".join(line.text_content().split())) for line in first.xpath(".//div/p")] == [
        ("rancang-naskah-judul", "Pasal 5"),
        ("rancang-naskah-baris", "(1) Uji coba dilakukan secara daring dan luring."),
        ("rancang-naskah-baris", "(2) Uji coba sebagaimana dimaksud pada ayat (1) meliputi:"),
        ("rancang-naskah-baris", "a. penyiapan; dan"),
        ("rancang-naskah-baris", "b. pelaksanaan."),
    ]
    assert first.xpath(".//em/text()") == ["daring"]
    assert not changes[1].xpath(".//div[contains(@class, 'rancang-naskah')]")  # "Pasal 16 dihapus." quotes nothing
    assert page.xpath("//div[@id='pasal-2']//a[@href='#pasal-1']/text()") == ["Pasal I"]
    assert page.xpath("//div[@id='pasal-3']/p[contains(@class, 'rancang-judul-pasal')]/text()") == ["Pasal III"]


@pytest.mark.slow
def test_a_perda_with_its_penjelasan_converts_in_libreoffice(tmp_path):
    import subprocess

    from support import require_libreoffice

    from rancang.render.pdf import convert_to_pdf

    require_libreoffice()
    source = tmp_path / "perda.docx"
    source.write_bytes(docx_of(regulation()))
    (pdf,) = convert_to_pdf([source], tmp_path)
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("PERATURAN DAERAH KOTA PAREPARE NOMOR 3 TAHUN 2020", "Dengan Persetujuan Bersama DEWAN "
                     "PERWAKILAN RAKYAT DAERAH KOTA PAREPARE dan WALI KOTA PAREPARE MEMUTUSKAN:",
                     "LEMBARAN DAERAH KOTA PAREPARE TAHUN 2020 NOMOR 3",
                     "NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)",
                     "PENJELASAN ATAS PERATURAN DAERAH KOTA PAREPARE", "I. UMUM", "II. PASAL DEMI PASAL",
                     "Pasal 3 Ayat (1) Cukup jelas. Ayat (2) Huruf a Yang dimaksud dengan",
                     "TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR 31"):
        assert expected in text, expected
    assert text.index("TAMBAHAN LEMBARAN DAERAH") < text.index("LAMPIRAN PERATURAN DAERAH")


# -- the documentation page shows what rancang writes ------------------------------------------------------------

DOCS_PAGE = ROOT / "docs" / "perda.md"


def docs_block(caption: str) -> str:
    """The text of the fenced block of docs/perda.md with this caption."""
    text = DOCS_PAGE.read_text(encoding="utf-8")
    begin = text.index(f":caption: {caption}\n") + len(f":caption: {caption}\n")
    return text[begin:text.index("\n```", begin)].strip("\n") + "\n"


def shown_lines(data: bytes) -> list[str]:
    """The DOCX's non-empty paragraphs as a reader sees them (a tab after a label as a space)."""
    return [text.replace("\t", " ") for _style, text in blocks(data) if text.strip()]


def contains_run(lines: list[str], run: list[str]) -> bool:
    return any(lines[start:start + len(run)] == run for start in range(len(lines)))


def test_the_documentation_page_quotes_what_rancang_writes(tmp_path, monkeypatch, capsys):
    catalogue = CATALOGUE_TEXT.split("- id: perda-parepare-5-2020")[0] + docs_block(
        "kb/dasar-hukum.yaml (peraturan yang diubah)")
    root = project_with(tmp_path / "proyek", {
        "perda-inovasi.yaml": docs_block("regulations/perda-inovasi.yaml"),
        "perubahan-uji-coba.yaml": docs_block("regulations/perubahan-uji-coba.yaml")})
    (root / "kb" / "dasar-hukum.yaml").write_text(catalogue, encoding="utf-8")
    monkeypatch.chdir(root)
    for name, caption in (("perda-inovasi", "Penjelasan di _build/dokumen/perda-inovasi.docx"),
                          ("perubahan-uji-coba", "Batang tubuh di _build/dokumen/perubahan-uji-coba.docx")):
        assert main(["draft", f"regulations/{name}.yaml"]) == 0, capsys.readouterr()
        assert capsys.readouterr().out.splitlines()[0] == f"Ditulis: _build/dokumen/{name}.docx"
        lines = shown_lines((root / "_build" / "dokumen" / f"{name}.docx").read_bytes())
        assert contains_run(lines, docs_block(caption).splitlines()), lines
    snippet = yaml.safe_load(docs_block("Pengundangan Peraturan Daerah"))
    reg = regulation(**snippet)
    document = drafted(reg)
    assert document.gazette_line == "LEMBARAN DAERAH KOTA PAREPARE TAHUN 2020 NOMOR 3"
    assert document.register_line == "NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (3/2020)"
    assert document.register_line in DOCS_PAGE.read_text(encoding="utf-8")

    wrong = root / "regulations" / "perda-inovasi.yaml"
    wrong.write_text("jenis: peraturan_daerah\ntentang: Inovasi Daerah\nmenimbang: [bahwa perlu diatur]\n"
                     "mengingat: [uud-1945]\nbatang_tubuh:\n  - teks: Wali Kota menyelenggarakan Inovasi Daerah.\n"
                     "pengundangan:\n  nomor_berita_daerah: 3\n", encoding="utf-8")
    assert main(["check"]) == 1
    message = next(line for line in capsys.readouterr().out.splitlines() if "S206" in line)
    assert f"```text\n{message}\n```" in DOCS_PAGE.read_text(encoding="utf-8")
