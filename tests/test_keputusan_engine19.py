"""The numbered tree of a Keputusan Kepala Daerah (domain notes, legal-products §1.2): its frame, the diktum
KESATU, KEDUA, ... with the generated revocation and commencement, references to a diktum and to a huruf of
one, Memperhatikan, Tembusan, the signature without promulgation, and the lampiran's header and tables."""

from __future__ import annotations

import yaml

from rancang.drafting.engine import build, dictum_label
from rancang.drafting.tree import plain
from rancang.language.regulation_words import kind_words, regulation_name
from rancang.models.catalogue import Agency, LegalCatalogue
from rancang.models.innovation import Innovation
from rancang.models.project import Project
from rancang.models.regulation import Regulation
from rancang.present.titles import regulation_title

CITY = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                               "kepala_daerah": {"nama": "Nama Wali Kota"}})
ONE_WORD = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                                   "ejaan_jabatan": "Walikota"})
REGENCY = Project.model_validate({"daerah": {"jenis": "kabupaten", "nama": "Pangkajene dan Kepulauan",
                                             "provinsi": "Sulawesi Selatan", "ibu_kota": "Pangkajene"}})

CATALOGUE = {entry.id: entry for entry in LegalCatalogue.model_validate(yaml.safe_load("""
- id: uud-1945
  jenis: UUD
  tahun: 1945
  terkonfirmasi: true
- id: pp-38-2017
  jenis: PP
  nomor: 38
  tahun: 2017
  tentang: Inovasi Daerah
  lembaran: {tahun: 2017, nomor: 206}
  tambahan: 6123
  terkonfirmasi: true
""")).root}

DECREE = """
jenis: keputusan_wali_kota
tentang: Pembentukan Tim Inovasi Daerah
menimbang:
  - bahwa untuk mengoordinasikan Inovasi Daerah perlu dibentuk Tim Inovasi Daerah
mengingat: [pp-38-2017, uud-1945]
diktum:
  - id: diktum-pembentukan
    teks: >-
      Membentuk Tim Inovasi Daerah dengan susunan keanggotaan [[lampiran-tim]]
  - id: diktum-tugas
    teks: "Tim Inovasi Daerah [[diktum-pembentukan]] bertugas:"
    rincian:
      sifat: kumulatif
      butir:
        - id: tugas-rencana
          teks: menyusun rencana kerja
        - teks: melaksanakan rencana kerja [[tugas-rencana]]
        - melaporkan hasil pelaksanaan tugasnya kepada Wali Kota
  - teks: Dalam melaksanakan tugas [[tugas-rencana]], Tim Inovasi Daerah dibantu sekretariat.
  - teks: Pelaksanaan [[diktum-pembentukan, diktum-tugas]] dilaporkan setiap tahun.
lampiran:
  - id: lampiran-tim
    judul: Susunan Keanggotaan Tim Inovasi Daerah
    anggota:
      - {jabatan_tim: Ketua, jabatan: Sekretaris Daerah}
      - {jabatan_tim: Anggota, jabatan: Kepala Dinas | Unit, nama: Nama Anggota}
"""


def regulation(text: str = DECREE, **changes) -> Regulation:
    data = yaml.safe_load(text)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return Regulation.model_validate(data)


def drafted(reg: Regulation, settings: Project = CITY, **kwargs):
    document, problems = build(reg, settings, CATALOGUE, **kwargs)
    assert problems == [], [p.format() for p in problems]
    return document


def test_the_frame_of_a_draft_keputusan():
    document = drafted(regulation())
    assert document.decree and document.draft
    assert document.heading == ["WALI KOTA PAREPARE", "PROVINSI SULAWESI SELATAN"]
    assert document.title == ["RANCANGAN", "KEPUTUSAN WALI KOTA PAREPARE", "NOMOR ...", "TENTANG",
                              "PEMBENTUKAN TIM INOVASI DAERAH"]
    assert document.office_line == "WALI KOTA PAREPARE,"
    assert [(entry.label, plain(entry.text)) for entry in document.considerations] == [
        ("a.", "bahwa untuk mengoordinasikan Inovasi Daerah perlu dibentuk Tim Inovasi Daerah;"),
        ("b.", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
               "Wali Kota tentang Pembentukan Tim Inovasi Daerah;"),
    ]
    assert [plain(entry.text) for entry in document.legal_bases][0].startswith("Undang-Undang Dasar")
    assert (document.decision, document.enact_label, document.enact_text) == (
        "MEMUTUSKAN:", "Menetapkan", "KEPUTUSAN WALI KOTA TENTANG PEMBENTUKAN TIM INOVASI DAERAH.")
    assert document.body == [] and document.explanation is None and document.approval == []
    assert document.noted == [] and document.copies == []


def test_the_diktum_are_labelled_kesatu_onwards_and_end_with_the_commencement():
    document = drafted(regulation())
    assert [(d.label, d.anchor, plain(d.text)) for d in document.dicta] == [
        ("KESATU", "diktum-kesatu", "Membentuk Tim Inovasi Daerah dengan susunan keanggotaan sebagaimana "
                                    "tercantum dalam Lampiran."),
        ("KEDUA", "diktum-kedua", "Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU bertugas:"),
        ("KETIGA", "diktum-ketiga", "Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA huruf a, "
                                    "Tim Inovasi Daerah dibantu sekretariat."),
        ("KEEMPAT", "diktum-keempat", "Pelaksanaan sebagaimana dimaksud dalam Diktum KESATU dan Diktum KEDUA "
                                      "dilaporkan setiap tahun."),
        ("KELIMA", "diktum-kelima", "Keputusan Wali Kota ini mulai berlaku pada tanggal ditetapkan."),
    ]
    second = document.dicta[1]
    assert [(p.label, p.anchor, plain(p.text)) for p in second.points] == [
        ("a.", "diktum-kedua-huruf-a", "menyusun rencana kerja;"),
        ("b.", "diktum-kedua-huruf-b", "melaksanakan rencana kerja sebagaimana dimaksud pada huruf a; dan"),
        ("c.", "diktum-kedua-huruf-c", "melaporkan hasil pelaksanaan tugasnya kepada Wali Kota."),
    ]
    reference = next(span for span in document.dicta[1].text if span.target)
    assert (reference.text, reference.target) == ("Diktum KESATU", "diktum-kesatu")
    assert document.dicta[0].source is not None and document.dicta[-1].source is None


def test_inserting_a_diktum_renumbers_every_reference():
    reg = regulation()
    reg.dicta.insert(0, type(reg.dicta[0]).model_validate({"teks": "Menunjuk sekretariat tim."}))
    document = drafted(reg)
    assert [d.label for d in document.dicta] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM"]
    assert plain(document.dicta[3].text) == ("Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KETIGA "
                                             "huruf a, Tim Inovasi Daerah dibantu sekretariat.")


def test_labels_are_the_spelled_ordinals_in_capitals():
    assert [dictum_label(n) for n in (1, 2, 7, 8, 10, 11, 12, 21)] == [
        "KESATU", "KEDUA", "KETUJUH", "KEDELAPAN", "KESEPULUH", "KESEBELAS", "KEDUA BELAS", "KEDUA PULUH SATU"]


def test_a_range_of_diktum_and_a_wrong_reference():
    reg = regulation()
    reg.dicta[3].text = "Pelaksanaan [[diktum-pembentukan sampai diktum-tugas]] dilaporkan."
    document = drafted(reg)
    assert plain(document.dicta[3].text) == ("Pelaksanaan sebagaimana dimaksud dalam Diktum KESATU sampai dengan "
                                             "Diktum KEDUA dilaporkan.")
    reg.dicta[3].text = "Pelaksanaan [[diktum-pembentukan-tim]] dilaporkan."
    _document, problems = build(reg, CITY, CATALOGUE)
    assert [(p.code, p.message, p.suggestion) for p in problems] == [
        ("R301", "unsur 'diktum-pembentukan-tim' yang dirujuk tidak ada dalam peraturan ini",
         "mungkin maksud Anda 'diktum-pembentukan'?")]


def test_memperhatikan_and_tembusan_get_their_numbers_and_endings():
    one = drafted(regulation(memperhatikan=["Berita Acara Rapat Tim"], tembusan=["Gubernur Sulawesi Selatan"]))
    assert [(entry.label, plain(entry.text)) for entry in one.noted] == [(None, "Berita Acara Rapat Tim;")]
    assert one.copies == ["Gubernur Sulawesi Selatan."]
    two = drafted(regulation(memperhatikan=["Surat Kepala Bappeda", "Berita Acara Rapat Tim;"],
                             tembusan=["Gubernur Sulawesi Selatan di Makassar", "Ketua DPRD;", "Inspektur"]))
    assert [(entry.label, plain(entry.text)) for entry in two.noted] == [
        ("1.", "Surat Kepala Bappeda;"), ("2.", "Berita Acara Rapat Tim;")]
    assert two.copies == ["Gubernur Sulawesi Selatan di Makassar;", "Ketua DPRD;", "Inspektur."]


def test_a_keputusan_is_signed_but_not_promulgated():
    document = drafted(regulation())
    assert (document.enactment.place_line, document.enactment.date_line, document.enactment.office,
            document.enactment.name) == ("Ditetapkan di Parepare", "pada tanggal ...", "WALI KOTA PAREPARE,",
                                         "NAMA WALI KOTA")
    assert (document.promulgation.place_line, document.promulgation.office, document.promulgation.name) == ("", "", "")
    assert document.gazette_line == "" and document.promulgation_order == "" and document.register_line is None


def test_an_enacted_keputusan_prints_its_number_as_written_and_its_commencement_date():
    reg = regulation(nomor="100.3.3.2/1/Uji/2026", tahun=2026, penetapan={"tanggal": "2026-03-02"},
                     ketentuan_penutup={"mulai_berlaku": "2026-04-01"})
    document = drafted(reg)
    assert not document.draft
    assert document.title[:2] == ["KEPUTUSAN WALI KOTA PAREPARE", "NOMOR 100.3.3.2/1/Uji/2026"]
    assert plain(document.dicta[-1].text) == "Keputusan Wali Kota ini mulai berlaku pada tanggal 1 April 2026."
    assert document.enactment.date_line == "pada tanggal 2 Maret 2026"
    assert regulation_title(CITY, reg) == ("Keputusan Wali Kota Parepare Nomor 100.3.3.2/1/Uji/2026 tentang "
                                           "Pembentukan Tim Inovasi Daerah")
    assert regulation_title(CITY, regulation()) == "Rancangan Keputusan Wali Kota Parepare tentang Pembentukan " \
                                                   "Tim Inovasi Daerah"
    assert regulation_name("Peraturan Wali Kota Parepare", 5, 2021, "Uji", draft=False) == \
        "Peraturan Wali Kota Parepare Nomor 5 Tahun 2021 tentang Uji"


def test_a_revoked_regulation_gets_its_diktum_before_the_commencement():
    document = drafted(regulation(ketentuan_penutup={"mencabut": ["pp-38-2017"]}))
    assert [d.label for d in document.dicta][-2:] == ["KELIMA", "KEENAM"]
    assert plain(document.dicta[-2].text).startswith("Pada saat Keputusan Wali Kota ini mulai berlaku, "
                                                     "Peraturan Pemerintah Nomor 38 Tahun 2017")
    assert plain(document.dicta[-2].text).endswith("dicabut dan dinyatakan tidak berlaku.")


def test_the_words_follow_the_region_and_its_spelling():
    regency = drafted(regulation(jenis="keputusan_bupati"), REGENCY)
    assert regency.title[1] == "KEPUTUSAN BUPATI PANGKAJENE DAN KEPULAUAN"
    assert regency.enact_text == "KEPUTUSAN BUPATI TENTANG PEMBENTUKAN TIM INOVASI DAERAH."
    assert plain(regency.dicta[-1].text) == "Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan."
    assert regency.enactment.place_line == "Ditetapkan di Pangkajene"
    assert plain(regency.considerations[-1].text).endswith("perlu menetapkan Keputusan Bupati tentang Pembentukan "
                                                           "Tim Inovasi Daerah;")
    one_word = drafted(regulation(), ONE_WORD)
    assert one_word.enact_text == "KEPUTUSAN WALIKOTA TENTANG PEMBENTUKAN TIM INOVASI DAERAH."
    words = kind_words(ONE_WORD, regulation().kind)
    assert (words.name, words.full_name, words.decree, words.gazette) == (
        "Keputusan Walikota", "Keputusan Walikota Parepare", True, "")


def test_the_lampiran_header_names_the_keputusan_and_its_tables_come_from_the_records():
    innovations = {"layanan-uji": Innovation.model_validate({"nama": "Layanan Uji", "perangkat_daerah": "bappeda"})}
    agencies = {"bappeda": Agency.model_validate({"id": "bappeda",
                                                  "nama": "Badan Perencanaan Pembangunan Daerah"})}
    reg = regulation(lampiran=[{"id": "lampiran-tim", "judul": "Daftar Inovasi Daerah", "inovasi": "semua"},
                               {"judul": "Susunan Tim", "isi": "Susunan tim sebagai berikut.",
                                "anggota": [{"jabatan_tim": "Ketua", "jabatan": "Kepala Dinas | Unit"}]}])
    document = drafted(reg, innovations=innovations, agencies=agencies)
    first, second = document.annexes
    assert first.header == ["LAMPIRAN I", "KEPUTUSAN WALI KOTA PAREPARE", "NOMOR ...", "TENTANG",
                            "PEMBENTUKAN TIM INOVASI DAERAH"]
    assert first.title == "DAFTAR INOVASI DAERAH"
    table = first.content.blocks[0]
    assert [plain_cell(cell) for cell in table.header] == ["No.", "Nama Inovasi", "Perangkat Daerah", "Bentuk",
                                                           "Jenis", "Tahapan", "Tanggal/Tahun"]
    assert [plain_cell(cell) for cell in table.rows[0]][:3] == ["1.", "Layanan Uji",
                                                                "Badan Perencanaan Pembangunan Daerah"]
    text, members = second.content.blocks
    assert [plain_cell(cell) for cell in members.rows[0]] == ["1.", "Ketua", "Kepala Dinas | Unit", "", ""]
    assert plain(document.dicta[0].text).endswith("sebagaimana tercantum dalam Lampiran I.")


def plain_cell(cell) -> str:
    return "".join(getattr(child, "text", "") for child in cell.children)


def test_the_invocation_of_a_keputusan_is_a_setting_and_a_peraturan_keeps_it():
    """Most templates print "DENGAN RAHMAT TUHAN YANG MAHA ESA" on a Keputusan, some regions' do not (legal-products
    notes, 1.2): dokumen.keputusan_dengan_rahmat, on by default; a Peraturan always has it."""
    from rancang.drafting.engine import build
    from rancang.models.regulation import Regulation as Model

    assert drafted(regulation()).invocation == "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    without = CITY.model_copy(update={"documents": CITY.documents.model_copy(update={"decree_invocation": False})})
    assert drafted(regulation(), without).invocation == ""
    perwali = Model.model_validate({"tentang": "Inovasi Daerah", "menimbang": ["bahwa inovasi perlu diatur"],
                                    "mengingat": ["uud-1945"], "batang_tubuh": [{"teks": "Inovasi dilaksanakan."}]})
    document, _problems = build(perwali, without, {})
    assert document.invocation == "DENGAN RAHMAT TUHAN YANG MAHA ESA"
