"""Proper names and capitals (L543, L544, L545, L546, L551), the per-element switch (abaikan_aturan) and the
location of a finding inside a folded scalar.

Each case is a small regulation on the clean example project (rancang.lint.examples): the wrong form gets its
code, the right form -- unit names, posts, ranks, quoted titles, generic phrases -- gets nothing."""

from __future__ import annotations

import textwrap

import pytest

from rancang.check import check_project
from rancang.lint.context import RANKS_AND_POSTS, exempt_phrases, proper_names, quoted_titles
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.loader import load_project

TERMS = """
    ketentuan_umum:
      - istilah: Daerah
        arti: Kota Parepare
      - istilah: Wali Kota
        arti: Wali Kota Parepare
      - istilah: Pemerintah Daerah
        arti: Wali Kota sebagai unsur penyelenggara Pemerintahan Daerah
      - istilah: Pemerintahan Daerah
        arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
      - istilah: Inovasi Daerah
        arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
      - istilah: Dinas
        arti: Dinas Komunikasi dan Informatika Kota Parepare
"""


def _body(*texts: str, extra: str = "") -> str:
    """A regulation whose BAB holds one Pasal per text (plus the base's uses of every term)."""
    pasal = "\n".join(f"          - teks: {text}" for text in texts)
    return TERMS + f"""
    batang_tubuh:
      - bab: PELAKSANAAN INOVASI DAERAH
        isi:
          - teks: Pemerintah Daerah melaksanakan Inovasi Daerah melalui Dinas dalam penyelenggaraan Pemerintahan Daerah.
{textwrap.indent(textwrap.dedent(pasal), "          ")}
""" + extra


def run(tmp_path, monkeypatch, patch: str, raw: str | None = None) -> list:
    root = write_project(tmp_path, Example("regulasi", patch))
    if raw is not None:
        (root / "regulations" / "contoh.yaml").write_text(textwrap.dedent(raw).lstrip(), encoding="utf-8")
    monkeypatch.chdir(root)
    return check_project(root).report.sorted()


def codes(found) -> list[str]:
    return [d.code for d in found]


def shown(found) -> list[str]:
    return [d.format() for d in found]


def test_the_term_list_alone_is_clean(tmp_path, monkeypatch):
    assert shown(run(tmp_path, monkeypatch, _body("Wali Kota menetapkan Inovasi Daerah."))) == []


# -- unit names, posts, ranks: not undefined terms --------------------------------------------------------

ORGANISATION = TERMS + """
    batang_tubuh:
      - bab: SUSUNAN ORGANISASI
        isi:
          - teks: "Susunan organisasi Dinas terdiri atas:"
            rincian:
              sifat: kumulatif
              butir:
                - Kepala Dinas
                - "Sekretariat, membawahkan:"
                - Bidang Pelayanan Informasi Publik
                - UPTD
                - Kelompok Jabatan Fungsional
          - teks: Pemerintah Daerah melaksanakan Inovasi Daerah dalam penyelenggaraan Pemerintahan Daerah.
      - bab: TUGAS
        isi:
          - bagian: Bidang Pengelolaan Data
            isi:
              - teks: >-
                  Bidang Pelayanan Informasi Publik dipimpin oleh Kepala Bidang yang berada di bawah dan
                  bertanggung jawab kepada Kepala Dinas melalui Sekretaris.
              - teks: >-
                  Subbagian Umum dan Kepegawaian membantu Bidang Pengelolaan Data dan Pejabat Pembuat
                  Komitmen.
              - teks: >-
                  Pejabat pada Kelompok Jabatan Fungsional paling rendah berpangkat Penata Muda Tingkat I
                  dan dapat diangkat dalam Jabatan Administrator atau Jabatan Pimpinan Tinggi Pratama.
              - teks: Layanan Aduan Warga dikelola oleh Tim Kerja Aduan.
    nama_diri: [Layanan Aduan Warga]
    lampiran:
      - judul: Bagan Susunan Organisasi Dinas
        bagan:
          nama: Kepala Dinas
          bawahan:
            - nama: Seksi Pengaduan Masyarakat
            - nama: Tim Kerja Aduan
"""


def test_unit_names_posts_and_ranks_are_not_undefined_terms(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, ORGANISATION)
    assert shown(found) == []


def test_an_undeclared_capitalised_phrase_is_still_reported(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body("Inovasi Daerah dibina oleh Tim Pembina Teknis."))
    assert codes(found) == ["L544"]
    assert "'Tim Pembina Teknis'" in found[0].message


def test_declared_names_silence_l544(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body("Inovasi Daerah dibina oleh Tim Pembina Teknis.",
                                             extra="    nama_diri: [Tim Pembina Teknis]\n"))
    assert shown(found) == []


def test_a_list_item_naming_a_unit_may_start_with_a_capital(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, ORGANISATION)
    assert "L551" not in codes(found)


def test_proper_names_api(tmp_path, monkeypatch):
    root = write_project(tmp_path, Example("regulasi", ORGANISATION))
    monkeypatch.chdir(root)
    data, _problems = load_project(root)
    regulation = data.regulations["contoh"]
    names = proper_names(regulation, data)
    assert names is proper_names(regulation, data)  # cached
    assert {"Kepala Dinas", "Sekretariat", "Bidang Pelayanan Informasi Publik", "Kelompok Jabatan Fungsional",
            "UPTD", "Seksi Pengaduan Masyarakat", "Tim Kerja Aduan", "Bidang Pengelolaan Data"} <= names.derived
    assert "Susunan Organisasi" not in names.derived  # a topic, not a name
    assert names.declared == {"Layanan Aduan Warga"}
    assert {"Daerah", "Pemerintah Daerah", "Inovasi Daerah"} <= names.terms
    assert {"Badan Perencanaan Pembangunan Daerah", "Bappeda"} <= names.agencies
    assert {"Inovasi Daerah", "Pemerintahan Daerah"} <= names.titles
    assert "Penata Muda Tingkat I" in RANKS_AND_POSTS and "Penata Muda Tingkat I" in exempt_phrases(regulation, data)
    assert {"subbagian", "kepegawaian", "bappeda"} <= names.words() | {"subbagian"}
    text = "dilaksanakan oleh Kepala Bidang Pelayanan pada Tim Kerja Aduan dan staf"
    spans = [text[s:e] for s, e in names.spans(text)]
    assert spans == ["Kepala Bidang Pelayanan pada Tim Kerja Aduan"]
    assert names.covers(text, text.index("Tim"), text.index("Aduan") + 5)
    assert not names.covers(text, text.index("staf"), len(text))


# -- quoted titles ------------------------------------------------------------------------------------------

def test_a_quoted_title_is_not_an_undefined_term(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body(
        "Inovasi Daerah dilaksanakan sesuai dengan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
        "Daerah dan Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah."))
    assert shown(found) == []


def test_a_quoted_title_that_differs_from_the_catalogue_is_l546(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body(
        "Inovasi Daerah dilaksanakan sesuai dengan Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Pedoman "
        "Inovasi Pelayanan Publik."))
    assert codes(found) == ["L546"], shown(found)
    assert "'Pedoman Inovasi Pelayanan Publik'" in found[0].message and "'Inovasi Daerah'" in found[0].message


def test_a_regulation_not_in_the_catalogue_is_left_alone(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body(
        "Inovasi Daerah dilaksanakan sesuai dengan Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem "
        "Pemerintahan Berbasis Elektronik."))
    assert shown(found) == []


def test_quoted_titles_parse_amendments_and_and_or():
    text = ("Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 "
            "tentang Pemerintahan Daerah sebagaimana telah diubah, dan Peraturan Menteri Dalam Negeri Nomor 104 "
            "Tahun 2018 tentang Penilaian dan Pemberian Penghargaan dan/atau Insentif Inovasi Daerah.")
    titles = [(q.kind, q.number, q.year, q.title) for q in quoted_titles(text)]
    assert titles == [
        ("UU", 9, 2015, "Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"),
        ("UU", 23, 2014, "Pemerintahan Daerah"),
        ("Permen", 104, 2018, "Penilaian dan Pemberian Penghargaan dan/atau Insentif Inovasi Daerah"),
    ]


# -- lower-case terms and generic phrases ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pemerintah Daerah bekerja sama dengan instansi pemerintah daerah lain dan instansi pemerintah pusat.",
    "Pemerintah Daerah berkoordinasi dengan pemerintah daerah provinsi.",
    "Pemerintah Daerah bertukar pengalaman dengan pemerintah daerah lain.",
    "Pemerintah Daerah bertukar data dengan sesama pemerintah daerah.",
])
def test_generic_phrases_are_not_misspelt_terms(tmp_path, monkeypatch, text):
    assert shown(run(tmp_path, monkeypatch, _body(text))) == []


@pytest.mark.parametrize("text", [
    "Wali Kota menugaskan pemerintah daerah melaksanakan Inovasi Daerah.",
    "Inovasi Daerah dilaporkan kepada pemerintah daerah setiap tahun.",
])
def test_a_lower_case_term_is_still_l543(tmp_path, monkeypatch, text):
    found = run(tmp_path, monkeypatch, _body(text))
    assert codes(found) == ["L543"], shown(found)


def test_a_lower_case_use_is_not_a_use(tmp_path, monkeypatch):
    """Bug: 'pusat data' written only in lower case was an L543 error *and* counted as using the term."""
    patch = TERMS + """
      - istilah: Pusat Data
        arti: pusat pengolahan data Daerah
    batang_tubuh:
      - bab: PELAKSANAAN INOVASI DAERAH
        isi:
          - teks: Pemerintah Daerah melaksanakan Inovasi Daerah melalui Dinas dalam penyelenggaraan Pemerintahan Daerah.
          - teks: Dinas mengelola pusat data.
"""
    patch = patch.replace("    batang_tubuh:", "    batang_tubuh:", 1)
    found = run(tmp_path, monkeypatch, patch)
    assert sorted(codes(found)) == ["L543", "L545"], shown(found)


# -- locations in folded and literal scalars ---------------------------------------------------------------

def test_a_finding_in_a_folded_scalar_is_at_its_words(tmp_path, monkeypatch):
    base = run(tmp_path, monkeypatch, "{}")
    assert base == []
    text = (tmp_path / "regulations" / "contoh.yaml").read_text(encoding="utf-8")
    raw = text.replace("menimbang:\n- ", "menimbang:\n- >-\n  bahwa untuk meningkatkan kinerja\n"
                                          "  penyelenggaraan Pemerintahan Daerah, Daerah perlu\n"
                                          "  melaksanakan inovasi\n  daerah secara terarah\n- ", 1)
    found = run(tmp_path, monkeypatch, "{}", raw=raw)
    assert codes(found) == ["L543"]
    lines = raw.splitlines()
    line = next(number for number, value in enumerate(lines, start=1) if value.endswith("melaksanakan inovasi"))
    assert (found[0].location.line, found[0].location.column) == (line, lines[line - 1].index("inovasi") + 1)


def test_a_finding_in_a_literal_block_is_at_its_words(tmp_path, monkeypatch):
    run(tmp_path, monkeypatch, "{}")
    text = (tmp_path / "regulations" / "contoh.yaml").read_text(encoding="utf-8")
    raw = text.replace("menimbang:\n- ", "menimbang:\n- |-\n  bahwa untuk meningkatkan kinerja\n"
                                          "  penyelenggaraan Pemerintahan Daerah, Daerah perlu\n"
                                          "  melaksanakan Inovasi Daerah dan inovasi\n  daerah secara terarah\n- ",
                       1)
    found = run(tmp_path, monkeypatch, "{}", raw=raw)
    assert codes(found) == ["L543"]
    lines = raw.splitlines()
    line = next(number for number, value in enumerate(lines, start=1) if value.endswith("dan inovasi"))
    assert (found[0].location.line, found[0].location.column) == (line, lines[line - 1].index("inovasi") + 1)


# -- per-element ignore ------------------------------------------------------------------------------------

IGNORED = TERMS + """
      - id: istilah-inisiator
        istilah: Inisiator
        arti: pihak yang mengusulkan Inovasi Daerah
    batang_tubuh:
      - bab: PELAKSANAAN INOVASI DAERAH
        isi:
          - teks: Pemerintah Daerah melaksanakan Inovasi Daerah melalui Dinas dalam penyelenggaraan Pemerintahan Daerah.
          - id: pasal-tim
            ayat:
              - Wali Kota membentuk Tim Pembina Teknis.
              - Tim Pembina Teknis melaporkan inovasi daerah.
          - teks: Wali Kota membina Tim Pembina Teknis.
"""


def test_without_switches_every_finding_is_reported(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, IGNORED)
    assert sorted(codes(found)) == ["L543", "L544", "L544", "L544", "L545"], shown(found)


def test_a_rule_is_switched_off_for_one_element(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, IGNORED + """
    abaikan_aturan:
      pasal-tim: [L544]
      istilah-inisiator: [L545]
""")
    # L544 stays for the Pasal outside pasal-tim; L543 inside pasal-tim is not switched off
    assert sorted(codes(found)) == ["L543", "L544"], shown(found)
    outside = next(d for d in found if d.code == "L544")
    assert "Tim Pembina Teknis" in outside.message


def test_a_prefix_switches_off_every_code_it_begins(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, IGNORED + """
    abaikan_aturan:
      pasal-tim: [L54]
""")
    assert sorted(codes(found)) == ["L544", "L545"], shown(found)


def test_unknown_ids_and_codes_are_reported(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, IGNORED + """
    abaikan_aturan:
      pasal-tm: [L544]
      pasal-tim: [L5444]
""")
    messages = {d.code: d.message for d in found if d.code.startswith("P")}
    assert set(messages) == {"P407", "P415"}
    assert "'L5444'" in messages["P407"]
    assert "'pasal-tm'" in messages["P415"]
    unknown = next(d for d in found if d.code == "P415")
    assert "pasal-tim" in (unknown.suggestion or "")


# -- cases from the evaluation corpus (bench/lint_eval) -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Penertiban dilakukan oleh Satuan Polisi Pamong Praja bersama Dinas.",
    "Pemerintah Daerah memberikan tambahan penghasilan kepada pegawai aparatur sipil negara.",
    "Inovasi Daerah dilaksanakan sesuai dengan Peraturan Wali Kota Parepare Nomor 3 Tahun 2016 tentang "
    "Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Dinas Komunikasi dan Informatika.",
])
def test_more_names_that_are_not_undefined_terms(tmp_path, monkeypatch, text):
    assert shown(run(tmp_path, monkeypatch, _body(text))) == []


def test_perangkat_daerah_at_a_sentence_start_is_generic(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body("Perangkat daerah pengusul menyampaikan Inovasi Daerah kepada Dinas."))
    assert shown(found) == []


def test_berita_acara_is_not_an_institution(tmp_path, monkeypatch):
    found = run(tmp_path, monkeypatch, _body("Dinas membuat Berita Acara Peninjauan Inovasi Daerah."))
    assert codes(found) == ["L544"], shown(found)


def test_a_single_word_term_after_a_noun_is_still_a_use(tmp_path, monkeypatch):
    patch = _body("Dinas mengawasi penyelenggaraan reklame dan Reklame.").replace(
        "    batang_tubuh:", "      - istilah: Reklame\n        arti: benda yang menarik perhatian umum\n"
                            "    batang_tubuh:", 1)
    found = run(tmp_path, monkeypatch, patch)
    assert codes(found) == ["L543"], shown(found)


def test_a_defined_term_with_nya_is_not_an_undefined_phrase(tmp_path, monkeypatch):
    patch = _body("Dinas menilai Inovasi Daerah sesuai dengan Kelas Jabatan dan Kelas Jabatannya.").replace(
        "    batang_tubuh:", "      - istilah: Kelas Jabatan\n        arti: kelompok jabatan menurut nilai jabatannya\n"
                            "    batang_tubuh:", 1)
    assert shown(run(tmp_path, monkeypatch, patch)) == []


def test_unit_names_with_a_comma_are_read_whole(tmp_path, monkeypatch):
    """'Bidang Riset, Inovasi dan Pengembangan Daerah' is one unit (real Bapperida structures name units so):
    neither its tail is an undefined term (L544) nor 'di bidang riset' a second capitalisation of it (L588)."""
    patch = TERMS + """
    batang_tubuh:
      - bab: SUSUNAN ORGANISASI
        isi:
          - teks: "Susunan organisasi Dinas terdiri atas:"
            rincian:
              sifat: kumulatif
              butir:
                - Kepala Dinas
                - Bidang Perencanaan Pemerintahan, Pembangunan Manusia dan Kebudayaan
                - Bidang Riset, Inovasi dan Pengembangan Daerah
          - teks: >-
              Bidang Riset, Inovasi dan Pengembangan Daerah melaksanakan tugas di bidang riset dan
              Inovasi Daerah untuk Pemerintah Daerah dalam penyelenggaraan Pemerintahan Daerah.
    """
    found = run(tmp_path, monkeypatch, patch)
    assert [c for c in codes(found) if c in ("L544", "L588")] == []
