"""Agency names as other databases spell them (rancang.language.agencies) and the rules on twins (L605, L606).

The spellings below are the shapes found in regional innovation databases: capitals, abbreviations, a region
suffix, punctuation and '&', a letter missing. Two bodies whose names differ by a word never meet.
"""

from __future__ import annotations

import pytest

from rancang.check import check_project
from rancang.language.agencies import Match, abbreviations, key, match, near_duplicates, tidy_caps
from rancang.lint.examples import FILE_OF, patched, write_project
from rancang.lint.registry import Example
from rancang.models.catalogue import Agency


def agency(agency_id: str, name: str, short: str | None = None, aliases: tuple[str, ...] = ()) -> Agency:
    data = {"id": agency_id, "nama": name, "alias": list(aliases)}
    if short:
        data["singkatan"] = short
    return Agency.model_validate(data)


AGENCIES = {a.id: a for a in (
    agency("dinkes", "Dinas Kesehatan"),
    agency("dinkeswan", "Dinas Kesehatan Hewan"),
    agency("bacukiki", "Kecamatan Bacukiki"),
    agency("bacukiki-barat", "Kecamatan Bacukiki Barat"),
    agency("dpkp", "Dinas Pertanian, Kelautan dan Perikanan"),
    agency("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    agency("kumham", "Kementerian Hukum dan Hak Asasi Manusia"),
    agency("dinsos", "Dinas Sosial", aliases=("Dinas Sosial P2KB",)),
)}


# -- key ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("spellings", [
    ("Kemenkumham", "Kementerian Hukum dan HAM", "Kementerian Hukum dan Hak Asasi Manusia",
     "KEMENTERIAN HUKUM & HAM", "Kementerian Hukum dan Hak Asasi Manusia (Kemenkumham)"),
    ("Dinkes", "Dinas Kesehatan", "DINAS KESEHATAN", "dinas  kesehatan", "Dinas Kesehatan (Dinkes)"),
    ("Diskominfo", "Dinas Komunikasi dan Informatika", "Dinas Kominfo", "Dinas Komunikasi & Informatika"),
    ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Dukcapil"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "Badan Penanggulangan Bencana Daerah (BPBD)",
     "BPBD (Badan Penanggulangan Bencana Daerah)"),
    ("Bappeda", "Badan Perencanaan Pembangunan Daerah"),
    ("Bapperida", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"),
    ("Setda Kota Parepare", "Sekretariat Daerah Kota Parepare"),
    ("RSUD Andi Makkasau", "Rumah Sakit Umum Daerah Andi Makkasau"),
    ("Kemendagri", "Kementerian Dalam Negeri"),
    ("Kemenkes", "Kementerian Kesehatan"),
    ("Pemkot Parepare", "Pemerintah Kota Parepare"),
    ("Pemkab Pangkep", "Pemerintah Kabupaten Pangkep", "Pemerintah Kab. Pangkep"),
    ("Pemprov Sulawesi Selatan", "Pemerintah Provinsi Sulawesi Selatan"),
    ("Dinas Pertanian, Kelautan dan Perikanan", "Dinas Pertanian Kelautan & Perikanan",
     "Dinas Pertanian, Kelautan, dan Perikanan", "Dinas Pertanian Kelautan Perikanan"),
    ("Satpol PP", "Satpol-PP", "Satuan Polisi Pamong Praja"),
    ("Dinas P.U.", "Dinas PU", "Dinas Pekerjaan Umum"),
    ("Sekretariat DPRD", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan"),
])
def test_spellings_of_one_body_share_a_key(spellings):
    assert len({key(name) for name in spellings}) == 1, {name: key(name) for name in spellings}


def test_the_key_is_readable():
    assert key("Dinkes Kota Parepare") == "dinas kesehatan kota parepare"
    assert key("Kemenkumham") == "kementerian hukum hak asasi manusia"


@pytest.mark.parametrize("one, other", [
    ("Dinas Kesehatan", "Dinas Kesehatan Hewan"),
    ("Kecamatan Bacukiki", "Kecamatan Bacukiki Barat"),
    ("Dinas Pertanian", "Dinas Pertanahan"),
    ("Dinas Kesehatan Kota Parepare", "Dinas Kesehatan Provinsi Sulawesi Selatan"),
    ("UPTD Puskesmas I", "UPTD Puskesmas II"),
])
def test_different_bodies_have_different_keys(one, other):
    assert key(one) != key(other)


# -- tidy_caps ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, tidied", [
    ("DINAS KESEHATAN", "Dinas Kesehatan"),
    ("DINAS PERTANIAN, KELAUTAN DAN PERIKANAN", "Dinas Pertanian, Kelautan dan Perikanan"),
    ("BADAN PENANGGULANGAN BENCANA DAERAH (BPBD)", "Badan Penanggulangan Bencana Daerah (BPBD)"),
    ("UPTD PUSKESMAS LUMPUE", "UPTD Puskesmas Lumpue"),
    ("RSUD ANDI MAKKASAU", "RSUD Andi Makkasau"),
    ("SEKRETARIAT DPRD KOTA PAREPARE", "Sekretariat DPRD Kota Parepare"),
    ("KEMENTERIAN HUKUM DAN HAM", "Kementerian Hukum dan HAM"),
    ("SATPOL PP", "Satpol PP"),
    ("DINKES", "Dinkes"),
    ("BAGIAN ORGANISASI ATAU TATA LAKSANA", "Bagian Organisasi atau Tata Laksana"),
    ("PUSAT LAYANAN DI KECAMATAN UNTUK WARGA DARI DESA KE KOTA PADA MALAM HARI",
     "Pusat Layanan di Kecamatan untuk Warga dari Desa ke Kota pada Malam Hari"),
    ("DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK (DP3A)",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A)"),
    ("UPTD SDN 12 PAREPARE", "UPTD SDN 12 Parepare"),
    ("MTS NEGERI 1 PAREPARE", "MTs Negeri 1 Parepare"),
    ("UPT PENGELOLAAN AIR LIMBAH WILAYAH II", "UPT Pengelolaan Air Limbah Wilayah II"),
    ("KEMENTERIAN DALAM NEGERI", "Kementerian Dalam Negeri"),
    ("DINAS PEMADAM-KEBAKARAN", "Dinas Pemadam-Kebakaran"),
])
def test_names_in_capitals_are_tidied(typed, tidied):
    assert tidy_caps(typed) == tidied


@pytest.mark.parametrize("name", ["Dinas Kesehatan", "dinas kesehatan", "Dinas KESEHATAN", "BPBD Kota", "12", ""])
def test_names_not_all_in_capitals_are_left_alone(name):
    assert tidy_caps(name) is None


def test_tidied_names_keep_their_key():
    for typed in ("DINAS PERTANIAN, KELAUTAN DAN PERIKANAN", "KEMENTERIAN HUKUM DAN HAM", "SATPOL PP"):
        assert key(tidy_caps(typed)) == key(typed)


# -- match ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, found", [
    ("Dinas Kesehatan", Match("dinkes", "nama")),
    ("  Dinas   Kesehatan ", Match("dinkes", "nama")),
    ("DINAS KESEHATAN", Match("dinkes", "huruf_besar")),
    ("dinas kesehatan", Match("dinkes", "huruf_besar")),
    ("DINAS PERTANIAN KELAUTAN & PERIKANAN", Match("dpkp", "huruf_besar")),
    ("Dinas Pertanian Kelautan & Perikanan", Match("dpkp", "nama")),
    ("Dinas Kesehatan Kota Parepare", Match("dinkes", "nama")),
    ("Dinkes", Match("dinkes", "singkatan")),
    ("Bappeda", Match("bappeda", "singkatan")),
    ("BAPPEDA", Match("bappeda", "singkatan")),
    ("Kemenkumham", Match("kumham", "singkatan")),
    ("Kementerian Hukum dan HAM", Match("kumham", "singkatan")),
    ("Dinas Sosial P2KB", Match("dinsos", "alias")),
    ("DINAS SOSIAL P2KB", Match("dinsos", "alias")),
    ("Dinas Kesehatn", Match("dinkes", "ejaan", sure=False)),
    ("Kecamatan Bacukik", Match("bacukiki", "ejaan", sure=False)),
    ("Dinas Kesehatan Hewan", Match("dinkeswan", "nama")),
    ("Kecamatan Bacukiki Barat", Match("bacukiki-barat", "nama")),
    ("Kecamatan Bacukiki", Match("bacukiki", "nama")),
    ("Kec. Bacukiki", Match("bacukiki", "singkatan")),
])
def test_match_finds_the_agency_and_says_how(name, found):
    assert match(name, AGENCIES) == found


@pytest.mark.parametrize("name", [
    "Dinas Kesehatan Ternak",   # a word more or different: another body
    "Kecamatan Bacukiki Timur",
    "Dinas Pertanian",
    "Dinas Sosial dan Pemberdayaan Masyarakat",
    "Bagian Hukum",
    "",
])
def test_match_does_not_join_different_bodies(name):
    assert match(name, AGENCIES) is None


def test_the_projects_region_decides_which_suffix_is_left_out():
    city = "Kota Parepare"
    assert match("Dinas Kesehatan Kota Parepare", AGENCIES, wilayah=city) == Match("dinkes", "nama")
    assert match("Dinkes Parepare", AGENCIES, wilayah=city) == Match("dinkes", "nama")
    assert match("Dinas Kesehatan Provinsi Sulawesi Selatan", AGENCIES, wilayah=city) is None
    assert match("Dinas Kesehatan Kabupaten Barru", AGENCIES, wilayah=city) is None


def test_a_region_suffix_or_typo_that_fits_two_agencies_is_no_match():
    two = {a.id: a for a in (agency("a", "Dinas Kesehatan Kota Parepare"),
                             agency("b", "Dinas Kesehatan Kabupaten Barru"))}
    assert match("Dinas Kesehatan", two) is None
    typo = {a.id: a for a in (agency("a", "Kelurahan Lompoe"), agency("b", "Kelurahan Lampoe"))}
    assert match("Kelurahan Lumpoe", typo) is None


def test_the_best_kind_wins_over_a_typo_of_another_agency():
    agencies = {a.id: a for a in (agency("a", "Kelurahan Sumpang"), agency("b", "Kelurahan Sumpangg"))}
    assert match("Kelurahan Sumpang", agencies) == Match("a", "nama")


# -- near_duplicates ------------------------------------------------------------------------------------------


def test_near_duplicates_name_each_pair_once_with_its_reason():
    found = near_duplicates([
        ("dinkes", "Dinas Kesehatan"),
        ("dinkes", "Dinkes"),
        ("dinkes-2", "DINAS KESEHATAN"),
        ("dinkes-kota", "Dinkes Kota Parepare"),
        ("dinkes-typo", "Dinas Kesehatn"),
        ("dinkeswan", "Dinas Kesehatan Hewan"),
        ("bacukiki", "Kecamatan Bacukiki"),
        ("bacukiki-barat", "Kecamatan Bacukiki Barat"),
        ("kumham", "Kemenkumham"),
        ("kumham-2", "Kementerian Hukum dan Hak Asasi Manusia"),
        ("dpkp", "Dinas Pertanian, Kelautan dan Perikanan"),
        ("dpkp-2", "Dinas Pertanian Kelautan & Perikanan"),
    ])
    assert found == [
        ("dinkes", "dinkes-2",
         "'Dinas Kesehatan' dan 'DINAS KESEHATAN' hanya berbeda huruf besar, tanda baca, atau spasi"),
        ("dinkes", "dinkes-kota",
         "'Dinas Kesehatan' dan 'Dinkes Kota Parepare' sama kecuali nama wilayah (kota parepare)"),
        ("dinkes", "dinkes-typo", "'Dinas Kesehatan' dan 'Dinas Kesehatn' berbeda satu huruf (kesehatan/kesehatn)"),
        ("dinkes-2", "dinkes-kota",
         "'DINAS KESEHATAN' dan 'Dinkes Kota Parepare' sama kecuali nama wilayah (kota parepare)"),
        ("dinkes-2", "dinkes-typo",
         "'DINAS KESEHATAN' dan 'Dinas Kesehatn' berbeda satu huruf (kesehatan/kesehatn)"),
        ("dinkes-kota", "dinkes-typo",
         "'Dinkes Kota Parepare' dan 'Dinas Kesehatn' berbeda satu huruf (kesehatan/kesehatn)"),
        ("kumham", "kumham-2", "'Kemenkumham' dan 'Kementerian Hukum dan Hak Asasi Manusia' sama bila "
                               "singkatannya dijabarkan (kementerian hukum hak asasi manusia)"),
        ("dpkp", "dpkp-2", "'Dinas Pertanian, Kelautan dan Perikanan' dan 'Dinas Pertanian Kelautan & Perikanan' "
                           "hanya berbeda huruf besar, tanda baca, atau spasi"),
    ]


def test_names_of_one_id_are_not_duplicates_of_each_other():
    assert near_duplicates([("bappeda", "Badan Perencanaan Pembangunan Daerah"), ("bappeda", "Bappeda"),
                            ("bappeda", "BAPPEDA KOTA PAREPARE")]) == []


def test_a_typo_in_the_region_is_found_and_other_regions_offices_are_not_twins():
    assert near_duplicates([
        ("parepare", "Dinas Kesehatan Kota Parepare"),
        ("barru", "Dinas Kesehatan Kabupaten Barru"),
        ("barru-typo", "Dinas Kesehatn Kabupaten Barru"),
        ("ambon", "Dinas Kesehatn Kota Ambon"),
        ("pareparee", "Dinkes Kota Parepar"),
    ]) == [
        ("parepare", "pareparee",
         "'Dinas Kesehatan Kota Parepare' dan 'Dinkes Kota Parepar' berbeda satu huruf (parepare/parepar)"),
        ("barru", "barru-typo",
         "'Dinas Kesehatan Kabupaten Barru' dan 'Dinas Kesehatn Kabupaten Barru' berbeda satu huruf "
         "(kesehatan/kesehatn)"),
    ]


def test_many_distinct_agencies_have_no_near_duplicates():
    """A national list: thousands of offices, the same body in many regions."""
    names = [(f"kelurahan-{i}", f"Kelurahan Nomor {i}") for i in range(3000)]
    names += [(f"dinas-{i}", f"Dinas Urusan Ke{i:04d}") for i in range(3000)]
    names += [(f"dinkes-{i}", f"Dinas Kesehatan Kabupaten Nomor {i}") for i in range(3000)]
    assert near_duplicates(names) == []


# -- the data file --------------------------------------------------------------------------------------------


def test_the_abbreviation_list_is_one_meaning_per_abbreviation():
    listed = abbreviations()
    assert len(listed) > 50
    shorts = [key(a.short) for a in listed]
    assert len({a.short.casefold() for a in listed}) == len(listed)
    for entry in listed:
        assert key(entry.short) == key(entry.full), entry
        assert entry.short.casefold() not in entry.full.casefold().split(), entry
    assert all(shorts)


# -- lint rules -----------------------------------------------------------------------------------------------


def findings(tmp_path, monkeypatch, *examples: Example) -> list[str]:
    root = write_project(tmp_path, examples[0])
    for extra in examples[1:]:  # later examples patch files the first one left as in the base
        target = FILE_OF[extra.target]
        (root / target).write_text(patched(extra)[target], encoding="utf-8")
    monkeypatch.chdir(root)
    return [d.format() for d in check_project(root).report.sorted()]


def test_l605_second_profile_named_like_the_first_in_other_spelling(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, Example("inovasi-lain", """
        nama: Layanan Kontak
        nama_lain:
          - Aplikasi Kontak
          - LAYANAN  CONTOH.
    """))
    assert found == [
        "kb/inovasi/contoh-lain.yaml:59:3: L605: peringatan: profil 'contoh-lain' bernama 'LAYANAN CONTOH.', sama "
        "dengan profil 'contoh' (kb/inovasi/contoh.yaml:1) (bila inovasi yang sama, gabungkan isinya ke "
        "kb/inovasi/contoh.yaml, hapus profil ini, dan catat ejaan lain di nama_lain; bila berbeda, bedakan "
        "namanya seperti pada sumbernya)"]


def test_l605_a_first_profiles_other_name_counts(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch,
                     Example("inovasi", "nama_lain: [Si Pakaraja]"),
                     Example("inovasi-lain", "nama: SIPAKARAJA"))
    assert [line.split(": peringatan: ")[1].split(" (bila")[0] for line in found] == [
        "profil 'contoh-lain' bernama 'SIPAKARAJA', sama dengan profil 'contoh' (kb/inovasi/contoh.yaml:58)"]
    assert found[0].startswith("kb/inovasi/contoh-lain.yaml:1:7: L605")


def test_l605_names_that_differ_by_a_word_are_two_innovations(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, Example("inovasi-lain", "nama: Layanan Contoh Barat")) == []


AGENCY_FILE = Example("perangkat-daerah", """
    - id: dinkes
      nama: Dinas Kesehatan
    - id: dinkeswan
      nama: Dinas Kesehatan Hewan
    - id: bacukiki
      nama: Kecamatan Bacukiki
    - id: bacukiki-barat
      nama: Kecamatan Bacukiki Barat
    - id: dinas-kesehatan
      nama: DINAS KESEHATAN KOTA PAREPARE
    - id: dinsos
      nama: Dinas Sosial
      alias:
        - Dinkes
""")


def test_l606_reports_the_twin_and_the_alias_naming_another_agency(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, AGENCY_FILE)
    assert found == [
        "kb/perangkat-daerah.yaml:13:9: L606: peringatan: perangkat daerah 'dinas-kesehatan' mungkin sama "
        "dengan 'dinkes' (kb/perangkat-daerah.yaml:5): 'Dinas Kesehatan' dan 'DINAS KESEHATAN KOTA PAREPARE' "
        "sama kecuali nama wilayah (kota parepare) (bila satu perangkat daerah, gabungkan: hapus entri "
        "'dinas-kesehatan', ganti 'perangkat_daerah: dinas-kesehatan' pada profil inovasi menjadi 'dinkes', "
        "dan tulis 'DINAS KESEHATAN KOTA PAREPARE' di 'alias' perangkat daerah 'dinkes')",
        "kb/perangkat-daerah.yaml:17:5: L606: peringatan: alias 'Dinkes' perangkat daerah 'dinsos' sama dengan "
        "nama 'Dinas Kesehatan' perangkat daerah 'dinkes' (kb/perangkat-daerah.yaml:5) (satu nama hanya boleh "
        "menunjuk satu perangkat daerah: hapus alias ini, atau gabungkan kedua entri bila keduanya satu "
        "perangkat daerah)",
    ]


def test_l606_merged_with_an_alias_is_clean(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, Example("perangkat-daerah", """
        - id: dinkes
          nama: Dinas Kesehatan
          singkatan: Dinkes
          alias:
            - DINAS KESEHATAN KOTA PAREPARE
            - Dinas Kesehatan Kota Parepare
        - id: dinkeswan
          nama: Dinas Kesehatan Hewan
        - id: bacukiki
          nama: Kecamatan Bacukiki
        - id: bacukiki-barat
          nama: Kecamatan Bacukiki Barat
    """)) == []
