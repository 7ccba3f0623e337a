"""Phrase rules L583-L589 (wrong and right, false-alarm guards) and the office spelling of generated citations."""

from __future__ import annotations

import textwrap

import pytest

from docx_reading import texts
from rancang.check import check_project
from rancang.documents import regulation_docx
from rancang.language.citation import cite
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.models.catalogue import LegalCatalogue
from rancang.models.project import Project


# -- generated citations of a Peraturan Kepala Daerah follow ejaan_jabatan ---------------------------------

_PERWALI = """
    - id: perwali-7-2019
      jenis: Perkada
      pembentuk: Kota Parepare
      nomor: 7
      tahun: 2019
      tentang: Inovasi Daerah
      lembaran: {tahun: 2019, nomor: 7}
      terkonfirmasi: true
"""


def _checked(tmp_path, monkeypatch, spelling: str):
    root = write_project(tmp_path, Example("regulasi", "ketentuan_penutup: {mencabut: [perwali-7-2019]}"))
    (root / "kb/dasar-hukum.yaml").write_text((root / "kb/dasar-hukum.yaml").read_text(encoding="utf-8")
                                              + textwrap.dedent(_PERWALI), encoding="utf-8")
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"ejaan_jabatan: {spelling}\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root, check_project(root)


@pytest.mark.parametrize("spelling", ["Walikota", "Wali Kota"])
def test_the_revocation_article_names_the_own_perkada_as_ejaan_jabatan_spells_it(tmp_path, monkeypatch, spelling):
    root, checked = _checked(tmp_path, monkeypatch, spelling)
    # (the base's hand-written 'Wali Kota' is L580 advice in a Walikota project; the draft is built regardless)
    assert not [d for d in checked.report.errors if d.code != "L580"], [d.format() for d in checked.report.sorted()]
    lines = texts(regulation_docx(root, checked, "contoh"))
    revocation = [line for line in lines if "dicabut dan dinyatakan tidak berlaku" in line]
    assert revocation == [
        f"Pada saat Peraturan {spelling} ini mulai berlaku, Peraturan {spelling} Parepare Nomor 7 Tahun 2019 "
        f"tentang Inovasi Daerah (Berita Daerah Kota Parepare Tahun 2019 Nomor 7) dicabut dan dinyatakan tidak "
        f"berlaku."]
    other = "Wali Kota" if spelling == "Walikota" else "Walikota"
    assert not any(f"Peraturan {other}" in line for line in lines)


CATALOGUE = {e.id: e for e in LegalCatalogue.model_validate([
    {"id": "perwali-1-2020", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 1, "tahun": 2020,
     "tentang": "Contoh", "lembaran": {"tahun": 2020, "nomor": 1}, "diubah_dengan": ["perwali-2-2021"], "terkonfirmasi": True},
    {"id": "perwali-2-2021", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 2, "tahun": 2021,
     "tentang": "Perubahan atas Peraturan Walikota Nomor 1 Tahun 2020 tentang Contoh",
     "lembaran": {"tahun": 2021, "nomor": 2}, "terkonfirmasi": True},
    {"id": "kepwali-makassar", "jenis": "Keputusan Kepala Daerah", "pembentuk": "Kota Makassar", "nomor": 3,
     "tahun": 2021, "tentang": "Contoh", "lembaran": {"tahun": 2021, "nomor": 3}, "terkonfirmasi": True},
]).root}
WALIKOTA = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                                   "ejaan_jabatan": "Walikota"})


def test_cite_spells_the_own_office_with_the_settings_and_its_amendment_too():
    text = cite(CATALOGUE["perwali-1-2020"], CATALOGUE, settings=WALIKOTA)
    assert text.startswith("Peraturan Walikota Parepare Nomor 1 Tahun 2020 tentang Contoh")
    assert "sebagaimana telah diubah dengan Peraturan Walikota Parepare Nomor 2 Tahun 2021" in text
    assert "Wali Kota" not in text
    # without settings (and for another region, whose spelling rancang does not know): the form of UU 23/2014
    assert cite(CATALOGUE["perwali-1-2020"], CATALOGUE).startswith("Peraturan Wali Kota Parepare Nomor 1")
    assert cite(CATALOGUE["kepwali-makassar"], CATALOGUE, settings=WALIKOTA).startswith(
        "Keputusan Wali Kota Makassar Nomor 3")


# -- the phrase rules on small regulations ------------------------------------------------------------------

from rancang.lint.rules.phrases import _body  # noqa: E402

PHRASE_CODES = {f"L58{n}" for n in range(3, 10)}


def found(tmp_path, monkeypatch, patch: str, target: str = "regulasi", codes=PHRASE_CODES) -> list:
    root = write_project(tmp_path, Example(target, patch))
    monkeypatch.chdir(root)
    return [d for d in check_project(root).report.sorted() if d.code in codes]


def second(text: str) -> str:
    """The base body with the second ayat of its second Pasal replaced (YAML-quoted)."""
    return _body(second=text.replace('"', '\\"'))


def shown(findings) -> list[tuple[str, int, int]]:
    return [(d.code, d.location.line, d.location.column) for d in findings]


def test_terdiri_dari_is_reported_at_its_words(tmp_path, monkeypatch):
    result = found(tmp_path, monkeypatch, second("Tim penilai terdiri dari ketua dan anggota."))
    assert [d.code for d in result] == ["L583"]
    assert result[0].location.line == 33
    line = (tmp_path / "regulations/contoh.yaml").read_text(encoding="utf-8").splitlines()[32]
    assert line[result[0].location.column - 1:].startswith("terdiri dari")
    assert "terdiri atas" in result[0].suggestion


def test_terdiri_dari_inside_a_quoted_catalogue_title_is_not_reported(tmp_path, monkeypatch):
    patch = """
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Organisasi yang Terdiri dari Beberapa Unsur
          lembaran: {tahun: 2014, nomor: 244}
          tambahan: 5587
          terkonfirmasi: true
    """
    root = write_project(tmp_path, Example("dasar-hukum", patch))
    regulation = root / "regulations/contoh.yaml"
    text = regulation.read_text(encoding="utf-8").replace(
        "dilakukan paling lama [[14]] hari sejak usulan diterima.",
        "dilakukan menurut Undang-Undang Nomor 23 Tahun 2014 tentang Organisasi yang Terdiri dari Beberapa Unsur "
        "dan \\\"tata cara yang terdiri dari dua tahap\\\".")
    regulation.write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    assert [d.format() for d in check_project(root).report.sorted() if d.code == "L583"] == []


@pytest.mark.parametrize("sentence, flagged", [
    ("Pada saat mulai berlakunya Peraturan Wali Kota ini, penetapan lama dicabut dan dinyatakan tidak berlaku.",
     "Pada saat mulai berlakunya"),
    ("Pada saat Peraturan Wali Kota ini mulai berlaku, maka penetapan lama dicabut dan dinyatakan tidak berlaku.",
     "maka"),
    ("Pada saat Peraturan Wali Kota ini mulai berlaku, penetapan lama dinyatakan dicabut.", "dinyatakan dicabut"),
    ("Pada saat Peraturan Wali Kota ini mulai berlaku, Keputusan Wali Kota tentang penetapan lama tidak berlaku "
     "lagi.", "tidak berlaku lagi"),
    ("Dengan berlakunya Peraturan Wali Kota ini, penetapan lama dicabut dan dinyatakan tidak berlaku.",
     "Dengan berlakunya"),
    ("Peraturan Wali Kota ini mulai berlaku sejak tanggal ditetapkan.", "sejak tanggal ditetapkan"),
])
def test_non_standard_closing_formulas(tmp_path, monkeypatch, sentence, flagged):
    result = found(tmp_path, monkeypatch, second(sentence))
    assert [d.code for d in result] == ["L584"], [d.format() for d in result]
    line = (tmp_path / "regulations/contoh.yaml").read_text(encoding="utf-8").splitlines()[result[0].location.line - 1]
    assert line[result[0].location.column - 1:].startswith(flagged)


def test_dengan_berlakunya_maka_is_two_deviations(tmp_path, monkeypatch):
    result = found(tmp_path, monkeypatch, second(
        "Dengan berlakunya Peraturan Wali Kota ini, maka penetapan lama dicabut dan dinyatakan tidak berlaku."))
    assert [d.code for d in result] == ["L584", "L584"]
    assert "'maka'" in result[1].message


def test_the_standard_closing_formula_and_a_norm_saying_tidak_berlaku_lagi_are_clean(tmp_path, monkeypatch):
    assert found(tmp_path, monkeypatch, second(
        "Pada saat Peraturan Wali Kota ini mulai berlaku, penetapan lama dicabut dan dinyatakan tidak berlaku.")) == []
    assert found(tmp_path / "b", monkeypatch, second(
        "Penetapan [[ayat-penetapan]] tidak berlaku lagi apabila inovasi tidak dijalankan selama [[2]] tahun.")) == []


@pytest.mark.parametrize("sentence, reported", [
    ("Ketentuan lebih lanjut mengenai tata cara penilaian diatur dengan Keputusan Wali Kota.", True),
    ("Ketentuan lebih lanjut mengenai pedoman penilaian ditetapkan dengan Keputusan Wali Kota.", True),
    ("Tata cara penilaian diatur lebih lanjut dengan Keputusan Wali Kota.", True),
    ("Ketentuan lebih lanjut mengenai tata cara penilaian diatur dengan Peraturan Wali Kota.", False),
    # a Keputusan establishes: a team, a location, who receives
    ("Ketentuan lebih lanjut mengenai penetapan lokasi uji coba ditetapkan dengan Keputusan Wali Kota.", False),
    ("Susunan keanggotaan tim penilai ditetapkan dengan Keputusan Wali Kota.", False),
    # an existing decree named with its number is cited, not delegated to
    ("Penilaian dilakukan sesuai dengan yang diatur dalam Keputusan Menteri Dalam Negeri Nomor 100 Tahun 2020.",
     False),
])
def test_regulating_matter_delegated_to_a_keputusan(tmp_path, monkeypatch, sentence, reported):
    result = found(tmp_path, monkeypatch, second(sentence))
    assert [d.code for d in result] == (["L585"] if reported else []), [d.format() for d in result]
    if reported:
        assert "Peraturan Wali Kota" in result[0].suggestion


@pytest.mark.parametrize("sentence, word", [
    ("Penetapan [[ayat-penetapan]] disiapkan oleh Sekda.", "Sekda"),
    ("Penetapan [[ayat-penetapan]] disiapkan oleh Kadis, Kabid, dan Kasubag terkait.", "Kadis"),
    ("Penetapan [[ayat-penetapan]] memuat nama, alamat, dll.", "dll."),
    ("Penetapan [[ayat-penetapan]] disampaikan kepada OPD terkait.", "OPD"),
])
def test_informal_abbreviations(tmp_path, monkeypatch, sentence, word):
    result = found(tmp_path, monkeypatch, second(sentence), codes={"L586"})
    assert result and result[0].code == "L586"
    line = (tmp_path / "regulations/contoh.yaml").read_text(encoding="utf-8").splitlines()[result[0].location.line - 1]
    assert line[result[0].location.column - 1:].startswith(word)
    if word == "Kadis":
        assert len(result) == 3


def test_an_abbreviation_defined_in_ketentuan_umum_is_not_informal(tmp_path, monkeypatch):
    root = write_project(tmp_path, Example("regulasi", textwrap.dedent(_body(
        second="Penetapan [[ayat-penetapan]] disiapkan oleh Sekda.")) + textwrap.dedent("""
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Sekretaris Daerah
            disingkat: Sekda
            arti: Sekretaris Daerah Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """)))
    monkeypatch.chdir(root)
    report = check_project(root).report
    assert not [d for d in report.errors if d.code.startswith(("S", "Y"))], [d.format() for d in report.sorted()]
    assert [d.format() for d in report.sorted() if d.code == "L586"] == []


@pytest.mark.parametrize("sentence, reported", [
    ("Penetapan [[ayat-penetapan]] dilakukan paling lama [[14]] hari ; sejak usulan diterima.", ["L587"]),
    ("Penetapan [[ayat-penetapan]] dilakukan paling lama [[14]] hari , sejak usulan diterima.", ["L587"]),
    ("Penetapan [[ayat-penetapan]] dilakukan  paling lama [[14]] hari sejak usulan diterima.", ["L587"]),
    ("Penetapan [[ayat-penetapan]] dilakukan paling lama [[14]] hari sejak usulan diterima.", []),
])
def test_spaces_before_punctuation_and_double_spaces(tmp_path, monkeypatch, sentence, reported):
    assert [d.code for d in found(tmp_path, monkeypatch, second(sentence))] == reported


def test_a_space_before_the_colon_of_a_lead_is_reported_at_the_word(tmp_path, monkeypatch):
    result = found(tmp_path, monkeypatch, _body(lead="Inovasi Daerah berbentuk :"))
    assert shown(result) == [("L587", 23, 27)]  # at "berbentuk"


def test_one_phrase_capitalised_two_ways(tmp_path, monkeypatch):
    result = found(tmp_path, monkeypatch, _body(
        first="Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]] atas usul Dinas Komunikasi dan Informatika.",
        second="Penetapan [[ayat-penetapan]] diumumkan oleh dinas komunikasi dan informatika."))
    assert [d.code for d in result] == ["L588"]
    assert "'dinas komunikasi dan informatika'" in result[0].message
    assert "Pasal 3 ayat (1)" in result[0].message


def test_defined_terms_and_quoted_titles_are_not_mixed_capitals(tmp_path, monkeypatch):
    # 'Inovasi Daerah' is defined (L543's business); 'Peraturan Perundang-undangan' stands in a quoted title
    result = found(tmp_path, monkeypatch, _body(
        first="Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]] menurut Undang-Undang Nomor 12 Tahun 2011 "
              "tentang Pembentukan Peraturan Perundang-undangan.",
        second="Penetapan [[ayat-penetapan]] memperhatikan peraturan perundang-undangan."))
    assert result == []


@pytest.mark.parametrize("sentence, reported", [
    ("Penetapan sebagaimana dimaksud dalam Pasal huruf a dilakukan segera.", True),
    ("Penetapan sebagaimana dimaksud pada ayat huruf b dilakukan segera.", True),
    ("Penetapan sebagaimana dimaksud dalam Pasal ayat (2) dilakukan segera.", True),
    ("Penetapan sebagaimana dimaksud pada ayat dilakukan segera.", True),
    ("Penetapan sebagaimana dimaksud dalam Pasal, dilakukan segera.", True),
    # the numbers are there (other rules look at hand-written references)
    ("Penetapan [[ayat-penetapan]] dilakukan segera.", False),
])
def test_references_with_a_number_missing(tmp_path, monkeypatch, sentence, reported):
    result = found(tmp_path, monkeypatch, second(sentence), codes={"L589"})
    assert [d.code for d in result] == (["L589"] if reported else []), [d.format() for d in result]
    if reported:
        assert result[0].severity.name == "ERROR"


def test_a_reference_with_its_numbers_is_not_l589(tmp_path, monkeypatch):
    result = found(tmp_path, monkeypatch, second(
        "Penetapan sebagaimana dimaksud dalam Pasal 1 huruf a dan pada ayat (1) dilakukan segera."), codes={"L589"})
    assert result == []


def test_mengingat_order_is_still_checked_when_an_own_perkada_is_spelt_walikota(tmp_path, monkeypatch):
    """L510 compares the written order with the printed citations: those follow ejaan_jabatan too."""
    root, _checked_project = _checked(tmp_path, monkeypatch, "Walikota")
    regulation = root / "regulations/contoh.yaml"
    text = regulation.read_text(encoding="utf-8").replace("- uu-23-2014\n", "- perwali-7-2019\n- uu-23-2014\n", 1)
    regulation.write_text(text.replace("ketentuan_penutup:\n  mencabut:\n  - perwali-7-2019\n", ""), encoding="utf-8")
    report = check_project(root).report
    assert [d.code for d in report.sorted() if d.code == "L510"] == ["L510"], [d.format() for d in report.sorted()]


def test_a_lampiran_heading_in_capitals_is_not_a_second_spelling(tmp_path, monkeypatch):
    patch = _body(second="Penetapan [[ayat-penetapan]] mengikuti tata cara penilaian yang diumumkan.") + """
        lampiran:
          - judul: PEDOMAN PENILAIAN
            isi: |
              ## Tata Cara Penilaian

              Penilaian dilakukan oleh tim.
    """
    assert found(tmp_path, monkeypatch, textwrap.dedent(patch), codes={"L588"}) == []


def test_a_word_written_twice_is_l594_and_reduplication_is_not(tmp_path, monkeypatch):
    """'Satuan Satuan Polisi' in a real Perwali title; 'masing-masing' is how a reduplicated word is written."""
    from rancang.lint.examples import write_project
    from rancang.lint.registry import Example
    from rancang.lint.rules.phrases import _body

    root = write_project(tmp_path, Example("regulasi", _body(
        first="Setiap Perangkat Daerah melaksanakan Inovasi Daerah [[pasal-bentuk]] masing-masing.",
        second="Usulan Inovasi Daerah disampaikan kepada kepada Wali Kota melalui Satuan Satuan kerja.")))
    monkeypatch.chdir(root)
    from rancang.check import check_project

    found = [d for d in check_project(root).report.sorted() if d.code == "L594"]
    assert [d.message for d in found] == ["'kepada kepada': kata yang sama tertulis dua kali",
                                          "'Satuan Satuan': kata yang sama tertulis dua kali"]
