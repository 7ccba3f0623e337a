"""Spelling rules L591 (non-standard forms), L592 (bound forms written apart), L593 (words not in the dictionary):
what they find, where, what they never question, and the run without a dictionary (P423)."""

from __future__ import annotations

import pytest

from rancang.check import check_project
from rancang.lint import spelling
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.lint.rules import spelling as rules
from rancang.lint.rules.text import _SECOND, _body

needs_dictionary = pytest.mark.skipif(spelling.dictionary() is None,
                                      reason="hunspell-id / libenchant-2-2 not installed")


def findings(tmp_path, monkeypatch, patch: str, target: str = "regulasi") -> list:
    root = write_project(tmp_path, Example(target, patch))
    monkeypatch.chdir(root)
    return check_project(root).report.sorted()


def spelling_findings(tmp_path, monkeypatch, first: str, extra: str = "") -> list:
    found = findings(tmp_path, monkeypatch, extra + _body(first, _SECOND))
    return [d for d in found if d.code in ("L591", "L592", "L593", "P423")]


def test_the_list_is_large_sourced_and_consistent():
    forms = spelling.non_standard_forms()
    assert len(forms) >= 60
    assert len({f.form for f in forms}) == len(forms)
    for form in forms:
        assert form.form == form.form.lower() and form.form != form.standard.lower()
        assert "KBBI" in form.source or "PUEBI" in form.source
    assert {("ijin", "izin"), ("kerjasama", "kerja sama"), ("resiko", "risiko"), ("propinsi", "provinsi"),
            ("merubah", "mengubah"), ("analisa", "analisis")} <= {(f.form, f.standard) for f in forms}


@needs_dictionary
def test_the_standard_forms_are_in_the_dictionary():
    dictionary, extra = spelling.dictionary(), spelling.extra_words()
    for form in spelling.non_standard_forms():
        for word in form.standard.split():
            assert rules._known(word, dictionary, extra), word


@pytest.mark.parametrize("written, standard", [
    ("ijin", "izin"), ("Ijin", "Izin"), ("kerjasama", "kerja sama"), ("tolak  ukur", "tolok ukur"),
    ("aktifitas", "aktivitas"), ("merubah", "mengubah"), ("himbauan", "imbauan")])
def test_non_standard_forms(tmp_path, monkeypatch, written, standard):
    found = spelling_findings(tmp_path, monkeypatch, f"Wali Kota menetapkan {written} penerapan Inovasi Daerah "
                                                     f"[[pasal-bentuk]].")
    assert [d.code for d in found] == ["L591"], [d.format() for d in found]
    assert found[0].suggestion == f"tulis '{standard}'"
    assert found[0].location.column == 13 + len("Wali Kota menetapkan ")


def test_forms_inside_words_and_compounds_with_affixes_are_not_matched(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Wali Kota mengerjasamakan dan menindaklanjuti pemberian "
                                                     "izin [[pasal-bentuk]].")
    assert found == []


@pytest.mark.parametrize("written, correct", [
    ("sub bagian", "subbagian"), ("antar satuan", "antarsatuan"), ("non aktif", "nonaktif"),
    ("sub-bidang", "subbidang"), ("pasca bencana", "pascabencana"), ("non ASN", "non-ASN"),
    ("non Pemerintah", "non-Pemerintah")])
def test_bound_forms(tmp_path, monkeypatch, written, correct):
    found = spelling_findings(tmp_path, monkeypatch, f"Wali Kota menetapkan {written} Inovasi Daerah "
                                                     f"[[pasal-bentuk]].")
    assert [d.code for d in found] == ["L592"], [d.format() for d in found]
    assert found[0].suggestion == f"tulis '{correct}'"


@pytest.mark.parametrize("written", ["subbagian", "antarsatuan", "non-Pemerintah", "non-ASN", "pasca-2020",
                                     "antar jemput", "pra- dan pascabencana"])
def test_bound_forms_written_right(tmp_path, monkeypatch, written):
    found = spelling_findings(tmp_path, monkeypatch, f"Wali Kota menetapkan {written} Inovasi Daerah "
                                                     f"[[pasal-bentuk]].")
    assert found == [], [d.format() for d in found]


def test_a_title_case_unit_name_is_joined_with_a_lower_case_base(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Kepala Sub Bagian Umum menetapkan Inovasi Daerah "
                                                     "[[pasal-bentuk]].")
    assert [d.suggestion for d in found if d.code == "L592"] == ["tulis 'Subbagian'"]


@pytest.mark.parametrize("heading, correct", [("BIDANG DAN SUB BAGIAN", "SUBBAGIAN"),
                                               ("KERJA SAMA ANTAR DAERAH", "ANTARDAERAH"),
                                               pytest.param("PEGAWAI NON ASN", "NON-ASN", marks=needs_dictionary)])
def test_bound_forms_in_headings_in_capitals(heading, correct):
    from rancang.lint.context import TextSite

    reading = rules._Reading(TextSite("judul", heading, None, "title"))
    assert [found for _m, found in rules._bound_forms(reading, None)] == [correct]


def test_declared_proper_names_are_never_spelling_errors(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Kepala Sub Bagian Umum menetapkan Inovasi Daerah "
                                                     "[[pasal-bentuk]].", "        nama_diri: [Sub Bagian Umum]\n")
    assert found == [], [d.format() for d in found]


@needs_dictionary
@pytest.mark.parametrize("typo, suggestion", [("pemerinath", "pemerintah"), ("dareah", "daerah"),
                                              ("diselengarakan", "diselenggarakan")])
def test_typos(tmp_path, monkeypatch, typo, suggestion):
    found = spelling_findings(tmp_path, monkeypatch, f"Wali Kota menetapkan Inovasi Daerah untuk {typo} "
                                                     f"[[pasal-bentuk]].")
    assert [d.code for d in found] == ["L593"], [d.format() for d in found]
    assert suggestion in found[0].suggestion
    assert found[0].location.column == 13 + len("Wali Kota menetapkan Inovasi Daerah untuk ")


@needs_dictionary
@pytest.mark.parametrize("typo", ["kegaitan", "pelaksaan", "penyelengaraan"])
def test_typos_that_look_like_affixed_words(typo):
    """The affix fallback (loanword bases hunspell-id misses) does not make typos words."""
    assert not rules._known(typo, spelling.dictionary(), spelling.extra_words())


@needs_dictionary
def test_an_informal_abbreviation_is_left_to_l586(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, _body("Kasubag menetapkan Inovasi Daerah [[pasal-bentuk]].", _SECOND))
    assert "L593" not in {d.code for d in found}, [d.format() for d in found]


@needs_dictionary
def test_a_capitalised_typo_close_to_a_word_is_found_a_name_is_not(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Wali Kota menetapkan Inovasi Daerah di Kelurahan Bacukiki "
                                                     "untuk Pemerinath dan pemerintah desa "
                                                     "[[pasal-bentuk]].")
    assert [(d.code, "Pemerinath" in d.message) for d in found] == [("L593", True)], [d.format() for d in found]


@needs_dictionary
def test_names_in_the_middle_of_a_sentence_are_not_typos(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Wali Kota menetapkan Inovasi Daerah di Kelurahan Lumpue, "
                                                     "Kecamatan Soreang, dan Kota Mataram [[pasal-bentuk]].")
    assert found == [], [d.format() for d in found]


@needs_dictionary
@pytest.mark.parametrize("text", [
    "penyelenggaraan ditetapkan kewenangannya sesuai peraturan perundang-undangan",
    "terwujudnya layanan terintegrasi yang terukur dan memverifikasi usulan",
    "SKPD pada BAB IV dan Bappeda di Parepare",
    "tim *ad hoc* dan istilah *sipakatau*",
    "subbidang antarlembaga non-Pemerintah",
    "pegawai yang dipindahtugaskan, kedisiplinan, keterjangkauan, dan ketidakhadiran",
])
def test_words_never_reported(tmp_path, monkeypatch, text):
    found = spelling_findings(tmp_path, monkeypatch, f"Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]] "
                                                     f"dengan {text}.")
    assert found == [], [d.format() for d in found]


@needs_dictionary
def test_defined_terms_and_abbreviations_are_never_spelling_errors(tmp_path, monkeypatch):
    extra = """
        ketentuan_umum:
          - istilah: Sipakalebbi
            arti: layanan Sipakalebbi Kota Parepare
          - istilah: Sistem Informasi Pelayanan Terpadu
            disingkat: SIMPATIK
            arti: sistem informasi yang dikelola Bappeda
    """
    found = spelling_findings(tmp_path, monkeypatch, "Wali Kota menetapkan Sipakalebbi dan Simpatik "
                                                     "[[pasal-bentuk]].", extra.lstrip("\n"))
    assert [d for d in found if d.code.startswith("L59")] == [], [d.format() for d in found]


@needs_dictionary
def test_an_abbreviation_defined_in_the_text_is_not_an_error(tmp_path, monkeypatch):
    found = spelling_findings(tmp_path, monkeypatch, "Wali Kota membentuk tim yang selanjutnya disebut Tim "
                                                     "Sipakatau [[pasal-bentuk]]; Tim Sipakatau bekerja.")
    assert found == [], [d.format() for d in found]


def test_without_a_dictionary_one_note_and_the_other_rules_still_run(tmp_path, monkeypatch):
    monkeypatch.setattr(spelling, "dictionary", lambda: None)
    found = findings(tmp_path, monkeypatch, _body("Wali Kota memberikan ijin kepada dareah [[pasal-bentuk]].",
                                                  _SECOND))
    codes = [d.code for d in found]
    assert codes.count("P423") == 1 and "L591" in codes and "L593" not in codes, [d.format() for d in found]
    note = next(d for d in found if d.code == "P423")
    assert note.severity.name == "WARNING" and note.location.path.endswith("rancang.yaml")


def test_without_a_dictionary_no_note_when_the_rule_is_switched_off(tmp_path, monkeypatch):
    monkeypatch.setattr(spelling, "dictionary", lambda: None)
    root = write_project(tmp_path, Example("regulasi", "{}"))
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "pemeriksaan:\n  abaikan: [L593]\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert [d.format() for d in check_project(root).report.sorted()] == []


def test_a_broken_enchant_gives_no_dictionary(monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_enchant(name, *args, **kwargs):
        if name == "enchant":
            raise ImportError("The 'enchant' C library was not found")
        return real_import(name, *args, **kwargs)

    spelling._open.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_enchant)
    try:
        assert spelling.dictionary() is None
    finally:
        monkeypatch.undo()
        spelling._open.cache_clear()
