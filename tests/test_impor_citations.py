"""Importing Mengingat items and revocations: the reverse of rancang.language.citation.cite.

Numbers of regulations in the catalogue are those of kb/dasar-hukum.yaml; citations of regulations not in the
catalogue (the Perwali and Perda of Kota Parepare below) are test inputs only, not facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rancang.importer.citations import (
    CatalogueImport, ParsedCitation, append_entries, differences, entries_text, match, new_entry, new_id, parse_citation,
    parse_revocation,
)
from rancang.language.citation import cite
from rancang.models.catalogue import LegalBasis, LegalCatalogue, LegalKind, Publication

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = [ROOT / "kb" / "dasar-hukum.yaml", ROOT / "examples" / "pangkep" / "kb" / "dasar-hukum.yaml"]


def gazette(year: int, number: int) -> Publication:
    return Publication.model_validate({"tahun": year, "nomor": number})


def load(path: Path) -> dict[str, LegalBasis]:
    return {e.id: e for e in LegalCatalogue.model_validate(yaml.safe_load(path.read_text("utf-8"))).root}


def assert_same(parsed: ParsedCitation | None, entry: LegalBasis) -> None:
    assert parsed is not None
    assert (parsed.kind, parsed.number, parsed.year, parsed.title, parsed.gazette, parsed.supplement) == (
        entry.kind, entry.number, entry.year, entry.title, entry.gazette, entry.supplement)
    if entry.issuer:
        assert parsed.issuer == entry.issuer


# ----------------------------------------------------------------------------------------------------------
# Round trip over the real catalogues


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_catalogue_entry_reads_back_from_its_citation(path):
    catalogue = load(path)
    for entry in catalogue.values():
        article = "Pasal 18 ayat (6)" if entry.kind is LegalKind.UUD else None
        text = cite(entry, catalogue, article) + ";"
        parsed = parse_citation(text)
        assert_same(parsed, entry)
        assert parsed.article == article
        assert parsed.notes == [], (entry.id, parsed.notes)
        assert match(parsed, list(catalogue.values())) == entry.id
        amendments = [catalogue[i] for i in entry.amended_by if i in catalogue]
        if amendments:
            (last,) = parsed.amended_by
            assert_same(last, amendments[-1])
            assert match(last, catalogue) == amendments[-1].id
            assert parsed.several is (len(amendments) > 1)


# Random entries of every kind: cite, read back, same fields. Titles are built from ordinary words and the
# "atas <regulation> tentang ..." shape that amendment titles have.
_WORDS = st.sampled_from(["Pemerintahan", "Daerah", "Inovasi", "Pelayanan", "Publik", "dan", "atau", "dan/atau",
                          "Pengelolaan", "Keuangan", "Tata", "Cara", "Pembentukan", "Produk", "Hukum", "Desa",
                          "Retribusi", "Jasa", "Umum", "Sistem", "Berbasis", "Elektronik", "Perangkat",
                          "Perundang-undangan", "Tingkat", "II", "di", "Sulawesi", "Pajak", "2019",
                          # words that also start or end the parts of a citation
                          "(SPBE)", "Lembaran", "Berita", "Negara", "Nomor", "Tahun", "sebagaimana", "diubah",
                          "dengan", "Kota,"])
_PLAIN_TITLE = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join).filter(lambda t: not t.endswith(","))
_TITLE = st.one_of(
    _PLAIN_TITLE,
    st.tuples(st.sampled_from(["Perubahan atas", "Perubahan Kedua atas", "Pencabutan"]),
              st.sampled_from(["Undang-Undang", "Peraturan Pemerintah", "Peraturan Daerah Kota Parepare",
                               "Peraturan Wali Kota Parepare", "Peraturan Menteri Dalam Negeri"]),
              st.integers(1, 300), st.integers(1950, 2025), _PLAIN_TITLE)
    .map(lambda t: f"{t[0]} {t[1]} Nomor {t[2]} Tahun {t[3]} tentang {t[4]}"),
)
_ISSUERS = {
    LegalKind.PERMEN: ["Dalam Negeri", "Keuangan", "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"],
    LegalKind.PERBAN: ["Badan Pusat Statistik", "Lembaga Administrasi Negara"],
    LegalKind.PERDA: ["Kota Parepare", "Kabupaten Pangkajene dan Kepulauan"],
    LegalKind.PERDA_PROVINSI: ["Provinsi Sulawesi Selatan"],
    LegalKind.PERGUB: ["Provinsi Sulawesi Selatan"],
    LegalKind.PERKADA: ["Kota Parepare", "Kabupaten Pangkajene dan Kepulauan"],
    LegalKind.KEPKADA: ["Kota Parepare", "Kabupaten Barru"],
}
_SUPPLEMENTED = (LegalKind.UU, LegalKind.PERPPU, LegalKind.PP, LegalKind.PERPRES, LegalKind.PERDA,
                 LegalKind.PERDA_PROVINSI)


@st.composite
def entries(draw, kind=None):
    kind = kind or draw(st.sampled_from([k for k in LegalKind if k is not LegalKind.UUD]))
    data = {"id": "x", "jenis": kind.value, "nomor": draw(st.integers(1, 9999)), "tahun": draw(st.integers(1945, 2030)),
            "tentang": draw(_TITLE), "terkonfirmasi": False}
    if kind in _ISSUERS:
        data["pembentuk"] = draw(st.sampled_from(_ISSUERS[kind]))
    if draw(st.booleans()):
        data["lembaran"] = {"tahun": draw(st.integers(1945, 2030)), "nomor": draw(st.integers(1, 9999))}
        if kind in _SUPPLEMENTED and draw(st.booleans()):
            data["tambahan"] = draw(st.integers(1, 9999))
    return LegalBasis.model_validate(data)


@settings(max_examples=300, deadline=None)
@given(entries(), st.lists(st.integers(0, 1), max_size=3), st.data())
def test_random_entries_read_back(entry, amendment_count, data):
    amendments = [data.draw(entries(entry.kind)).model_copy(update={"id": f"a{i}"})
                  for i in range(len(amendment_count))]
    entry = entry.model_copy(update={"amended_by": [a.id for a in amendments]})
    catalogue = {entry.id: entry, **{a.id: a for a in amendments}}
    parsed = parse_citation(cite(entry, catalogue) + ";")
    assert_same(parsed, entry)
    assert parsed.notes == []
    if amendments:
        (last,) = parsed.amended_by
        assert_same(last, amendments[-1])
    made = LegalBasis.model_validate(new_entry(parsed, [], "uji.txt"))
    assert made.model_copy(update={"id": "x", "note": None}) == entry.model_copy(update={"amended_by": []})


# ----------------------------------------------------------------------------------------------------------
# Real-world deviations


def test_lower_case_undang_undang_bracketed_gazette_and_last_amendment_without_comma():
    parsed = parse_citation(
        "Undang-undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
        "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah beberapa kali "
        "diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor "
        "23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 5679);")
    catalogue = load(CATALOGUES[0])
    assert_same(parsed, catalogue["uu-23-2014"])
    assert parsed.several and parsed.amendment == "sebagaimana telah beberapa kali diubah terakhir dengan"
    (amending,) = parsed.amended_by
    assert_same(amending, catalogue["uu-9-2015"])
    assert match(parsed, catalogue) == "uu-23-2014" and match(amending, catalogue) == "uu-9-2015"


def test_ministerial_regulation_in_berita_negara():
    parsed = parse_citation("Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum "
                            "Daerah (Berita Negara Republik Indonesia Tahun 2015 Nomor 2036);")
    catalogue = load(CATALOGUES[0])
    assert_same(parsed, catalogue["permendagri-80-2015"])
    assert parsed.issuer == "Dalam Negeri" and parsed.gazette_name == "Berita Negara Republik Indonesia"
    assert match(parsed, catalogue) == "permendagri-80-2015"


def test_perwali_in_berita_daerah():
    parsed = parse_citation("4. Peraturan Walikota Parepare Nomor 5 Tahun 2019 tentang Tata Cara Pengelolaan "
                            "Inovasi Daerah (Berita Daerah Kota Parepare Tahun 2019 Nomor 5);")
    assert (parsed.kind, parsed.issuer, parsed.number, parsed.year) == (LegalKind.PERKADA, "Kota Parepare", 5, 2019)
    assert parsed.title == "Tata Cara Pengelolaan Inovasi Daerah"
    assert parsed.gazette == gazette(2019, 5) and parsed.supplement is None
    assert parsed.gazette_name == "Berita Daerah Kota Parepare" and parsed.notes == []


def test_perda_with_lembaran_and_tambahan_lembaran_daerah():
    parsed = parse_citation("Peraturan Daerah Kota Parepare Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan "
                            "Perangkat Daerah (Lembaran Daerah Kota Parepare Tahun 2016 Nomor 7, Tambahan Lembaran "
                            "Daerah Kota Parepare Nomor 77).")
    assert (parsed.kind, parsed.issuer, parsed.number, parsed.year) == (LegalKind.PERDA, "Kota Parepare", 7, 2016)
    assert parsed.title == "Pembentukan dan Susunan Perangkat Daerah"
    assert (parsed.gazette, parsed.supplement) == (gazette(2016, 7), 77)
    province = parse_citation("Peraturan Daerah Provinsi Sulawesi Selatan Nomor 2 Tahun 2019 tentang Contoh "
                              "(Lembaran Daerah Provinsi Sulawesi Selatan Tahun 2019 Nomor 2)")
    assert (province.kind, province.issuer) == (LegalKind.PERDA_PROVINSI, "Provinsi Sulawesi Selatan")


def test_uud_with_article_and_its_variants():
    for text in ["Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
                 "Pasal 18 ayat (6) Undang-undang Dasar Negara Republik Indonesia Tahun 1945",
                 "1. Pasal 18 ayat (6) UUD NRI Tahun 1945;"]:
        parsed = parse_citation(text)
        assert (parsed.kind, parsed.year, parsed.article) == (LegalKind.UUD, 1945, "Pasal 18 ayat (6)")
        assert match(parsed, load(CATALOGUES[0])) == "uud-1945"
        importer = CatalogueImport([], "uji.txt")
        assert importer.resolve(parsed).mengingat_item == {"id": "uud-1945", "pasal": "Pasal 18 ayat (6)"}
        assert [(e["id"], e["jenis"], e["tahun"]) for e in importer.entries] == [("uud-1945", "UUD", 1945)]


def test_ocr_spacing_and_abbreviations():
    parsed = parse_citation("Undang- Undang No. 23 Tahun2014 tentang Pemerintahan Daerah ( Lembaran Negara "
                            "Republik Indonesia Tahun 2014 Nomor 244 ,Tambahan Lembaran Negara Republik Indonesia "
                            "Nomor 5587 ) ;")
    assert_same(parsed, load(CATALOGUES[0])["uu-23-2014"])
    short = parse_citation("UU Nomor: 23 Tahun 2014 tentang Pemerintahan Daerah (LN RI Tahun 2014 Nomor 244, "
                           "TLN RI Nomor 5587)")
    assert_same(short, load(CATALOGUES[0])["uu-23-2014"])


def test_older_forms_without_comma_between_ln_and_tln_and_an_amendment_without_title():
    parsed = parse_citation(
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara Tahun 2004 Nomor 125 "
        "Tambahan Lembaran Negara Nomor 4437) sebagaimana telah diubah kedua kali dengan Undang-Undang Nomor 12 "
        "Tahun 2008 (Lembaran Negara Tahun 2008 Nomor 59 Tambahan Lembaran Negara Nomor 4844);")
    assert (parsed.gazette, parsed.supplement, parsed.several) == (gazette(2004, 125), 4437, True)
    (amending,) = parsed.amended_by
    assert (amending.number, amending.year, amending.title, amending.supplement) == (12, 2008, None, 4844)
    importer = CatalogueImport([], "uji.txt")
    resolution = importer.resolve(parsed)
    assert resolution.id == "uu-32-2004"
    assert any("tidak dimasukkan ke katalog" in n and "judul" in n for n in resolution.notes)
    assert [e["id"] for e in importer.entries] == ["uu-32-2004"] and "diubah_dengan" not in importer.entries[0]


def test_publication_after_commas_and_several_amendments_listed():
    parsed = parse_citation(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Lembaran Negara Republik Indonesia Tahun "
        "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587, sebagaimana telah diubah dengan "
        "Undang-Undang Nomor 2 Tahun 2015 tentang Contoh Pertama, Lembaran Negara Republik Indonesia Tahun 2015 "
        "Nomor 24, Tambahan Lembaran Negara Republik Indonesia Nomor 5657, dan Undang-Undang Nomor 9 Tahun 2015 "
        "tentang Contoh Kedua (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 5679)")
    assert (parsed.gazette, parsed.supplement) == (gazette(2014, 244), 5587)
    first, second = parsed.amended_by
    assert (first.number, first.title, first.gazette, first.supplement) == (
        2, "Contoh Pertama", gazette(2015, 24), 5657)
    assert (second.number, second.title, second.supplement) == (9, "Contoh Kedua", 5679)


def test_region_from_the_gazette_when_the_name_omits_it():
    parsed = parse_citation("Peraturan Walikota Nomor 62 Tahun 2020 tentang Contoh (Berita Daerah Kota Parepare "
                            "Tahun 2020 Nomor 63)")
    assert parsed.issuer == "Kota Parepare" and parsed.notes


def test_title_with_numbers_inside_does_not_confuse_the_head():
    parsed = parse_citation("Peraturan Daerah Nomor 3 Tahun 2016 tentang Perubahan atas Peraturan Daerah Nomor 1 "
                            "Tahun 2010 tentang Contoh (Lembaran Daerah Kota Parepare Tahun 2016 Nomor 3)")
    assert (parsed.number, parsed.year, parsed.issuer) == (3, 2016, "Kota Parepare")
    assert parsed.title == "Perubahan atas Peraturan Daerah Nomor 1 Tahun 2010 tentang Contoh"


def test_what_is_not_a_catalogue_citation():
    assert parse_citation("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a;") is None
    assert parse_citation("Keputusan Presiden Nomor 1 Tahun 2000 tentang Contoh;") is None
    assert parse_citation("") is None
    pmk = parse_citation("Peraturan Menteri Keuangan Nomor 13/PMK.07/2019 tentang Contoh")
    assert (pmk.kind, pmk.number, pmk.number_text, pmk.year) == (LegalKind.PERMEN, None, "13/PMK.07/2019", 2019)
    resolution = CatalogueImport([], "uji.txt").resolve(pmk)
    assert resolution.id is None and any("nomor" in n for n in resolution.notes)


def test_unread_publication_data_is_reported():
    parsed = parse_citation("Peraturan Daerah Kabupaten Barru Nomor 3 Tahun 2020 tentang Contoh (Lembaran Daerah "
                            "Kabupaten Barru Tahun 2020 Nomor 3, Noreg Peraturan Daerah Kabupaten Barru: (3/2020))")
    assert parsed.gazette == gazette(2020, 3)
    assert any("Noreg" in n for n in parsed.notes)


# ----------------------------------------------------------------------------------------------------------
# Matching


def test_match_needs_kind_number_year_and_the_same_issuer():
    catalogue = load(CATALOGUES[0])
    other_ministry = parse_citation("Peraturan Menteri Keuangan Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum "
                                    "Daerah")
    assert match(other_ministry, catalogue) is None
    wrong_year = parse_citation("Undang-Undang Nomor 23 Tahun 2015 tentang Pemerintahan Daerah")
    assert match(wrong_year, catalogue) is None
    perppu = parse_citation("Peraturan Pemerintah Pengganti Undang-Undang Nomor 23 Tahun 2014 tentang Contoh")
    assert perppu.kind is LegalKind.PERPPU and match(perppu, catalogue) is None


# ----------------------------------------------------------------------------------------------------------
# New entries


def test_new_ids_follow_the_repository_style():
    pangkep = list(load(CATALOGUES[1]).values())
    cases = {
        "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan": "uu-30-2014",
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah": "pp-12-2019",
        "Peraturan Menteri Dalam Negeri Nomor 17 Tahun 2016 tentang Contoh": "permendagri-17-2016",
        "Peraturan Wali Kota Parepare Nomor 5 Tahun 2019 tentang Contoh": "perwali-parepare-5-2019",
        "Peraturan Daerah Kota Parepare Nomor 7 Tahun 2016 tentang Contoh": "perda-parepare-7-2016",
        "Peraturan Gubernur Sulawesi Selatan Nomor 1 Tahun 2020 tentang Contoh": "pergub-sulawesi-selatan-1-2020",
        "Peraturan Badan Pusat Statistik Nomor 4 Tahun 2021 tentang Contoh": "perban-badan-pusat-statistik-4-2021",
        # The Pangkep catalogue calls the region "pangkep" (perda-pangkep-3-2020): new ids say so too.
        "Peraturan Bupati Pangkajene dan Kepulauan Nomor 9 Tahun 2021 tentang Contoh": "perbup-pangkep-9-2021",
    }
    for text, expected in cases.items():
        assert new_id(parse_citation(text), [e.id for e in pangkep], pangkep) == expected, text
    without_catalogue = parse_citation("Peraturan Bupati Pangkajene dan Kepulauan Nomor 9 Tahun 2021 tentang Contoh")
    assert new_id(without_catalogue, []) == "perbup-pangkajene-dan-kepulauan-9-2021"
    taken = ["uu-30-2014", "uu-30-2014-2"]
    assert new_id(parse_citation("Undang-Undang Nomor 30 Tahun 2014 tentang X"), taken) == "uu-30-2014-3"


def test_new_entry_is_a_valid_unconfirmed_catalogue_mapping():
    parsed = parse_citation("Peraturan Walikota Parepare Nomor 5 Tahun 2019 tentang Tata Cara Pengelolaan Inovasi "
                            "Daerah (Berita Daerah Kota Parepare Tahun 2019 Nomor 5);")
    entry = new_entry(parsed, [], "perwali-parepare-6-2020.docx")
    assert entry == {
        "id": "perwali-parepare-5-2019", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 5,
        "tahun": 2019, "tentang": "Tata Cara Pengelolaan Inovasi Daerah", "lembaran": {"tahun": 2019, "nomor": 5},
        "terkonfirmasi": False,
        "catatan": "Diimpor dari perwali-parepare-6-2020.docx; cocokkan dengan salinan resmi (JDIH).",
    }
    assert list(entry) == ["id", "jenis", "pembentuk", "nomor", "tahun", "tentang", "lembaran", "terkonfirmasi",
                           "catatan"]
    LegalBasis.model_validate(entry)


def test_an_import_makes_amending_regulations_their_own_entries_in_order():
    text = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
            "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah beberapa kali "
            "diubah, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang "
            "Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, "
            "Tambahan Lembaran Negara Republik Indonesia Nomor 5679)")
    importer = CatalogueImport([], "perwali.txt")
    resolution = importer.resolve(parse_citation(text))
    assert (resolution.id, resolution.matched, resolution.mengingat_item) == ("uu-23-2014", False, "uu-23-2014")
    main, amending = importer.entries
    assert (main["id"], main["diubah_dengan"], amending["id"]) == ("uu-23-2014", ["uu-9-2015"], "uu-9-2015")
    assert "beberapa kali" in main["catatan"]
    # Cited again in the same import (here as a revoked regulation's amendment): the entry made above is used.
    again = importer.resolve(parse_citation("Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas "
                                            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"))
    assert (again.id, again.matched, len(importer.entries)) == ("uu-9-2015", True, 2)


def test_an_import_against_the_catalogue_changes_no_existing_entry_and_reports_what_differs():
    catalogue = load(CATALOGUES[0])
    importer = CatalogueImport(catalogue, "perwali.txt")
    uud = importer.resolve(parse_citation("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun "
                                          "1945;"))
    assert uud.mengingat_item == {"id": "uud-1945", "pasal": "Pasal 18 ayat (6)"}
    # Permendagri 120/2018: the catalogue says BN 2019 Nomor 157; a source printing 2018 is reported.
    resolution = importer.resolve(parse_citation(
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara "
        "Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri "
        "Nomor 120 Tahun 2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang "
        "Pembentukan Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun 2018 Nomor 157)"))
    assert (resolution.id, resolution.matched) == ("permendagri-80-2015", True)
    assert any("permendagri-120-2018: lembaran berbeda" in n for n in resolution.notes)
    assert importer.entries == []
    # Entries read from a project carry their source location; an equal citation differs in nothing.
    located = catalogue["uu-23-2014"].model_copy(deep=True)
    located.gazette._path = "kb/dasar-hukum.yaml"
    assert differences(parse_citation(cite(located, catalogue)), located) == []
    # A new amendment of a catalogued regulation becomes an entry; the catalogued one is left alone (reported).
    resolution = importer.resolve(parse_citation(
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2009 "
        "Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038) sebagaimana telah diubah dengan "
        "Undang-Undang Nomor 1 Tahun 2030 tentang Contoh (Lembaran Negara Republik Indonesia Tahun 2030 Nomor 1, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 9999)"))
    assert resolution.id == "uu-25-2009"
    assert [e["id"] for e in importer.entries] == ["uu-1-2030"]
    assert any("diubah_dengan" in n for n in resolution.notes)


# ----------------------------------------------------------------------------------------------------------
# Writing


def test_append_keeps_the_file_and_reads_back(tmp_path):
    target = tmp_path / "dasar-hukum.yaml"
    original = CATALOGUES[0].read_bytes()
    target.write_bytes(original)
    catalogue = load(CATALOGUES[0])
    importer = CatalogueImport(catalogue, "perwali-contoh.docx")
    for text in [
        "Peraturan Walikota Parepare Nomor 5 Tahun 2019 tentang Tata Cara: Contoh # Satu (Berita Daerah Kota "
        "Parepare Tahun 2019 Nomor 5)",
        "Peraturan Daerah Kota Parepare Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah yang "
        "Sangat Panjang Judulnya Sehingga Harus Dilipat Menjadi Beberapa Baris dalam Berkas YAML Katalog "
        "(Lembaran Daerah Kota Parepare Tahun 2016 Nomor 7, Tambahan Lembaran Daerah Kota Parepare Nomor 77) "
        "sebagaimana telah diubah dengan Peraturan Daerah Kota Parepare Nomor 2 Tahun 2021 tentang Perubahan atas "
        "Peraturan Daerah Kota Parepare Nomor 7 Tahun 2016 tentang Contoh (Lembaran Daerah Kota Parepare Tahun "
        "2021 Nomor 2, Tambahan Lembaran Daerah Kota Parepare Nomor 90)",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    ]:
        importer.resolve(parse_citation(text))
    assert [e["id"] for e in importer.entries] == ["perwali-parepare-5-2019", "perda-parepare-7-2016",
                                                   "perda-parepare-2-2021"]
    append_entries(target, importer.entries, "perwali-contoh.docx")
    written = target.read_bytes()
    assert written.startswith(original)
    added = written[len(original):].decode()
    assert added.startswith("\n## Diimpor oleh rancang impor peraturan dari perwali-contoh.docx\n- id: ")
    assert "  lembaran: {tahun: 2016, nomor: 7}\n" in added
    assert "  tentang: >-\n    Pembentukan dan Susunan Perangkat Daerah yang" in added  # the file's own style
    assert max(len(line) for line in added.splitlines()) <= 100
    assert "  diubah_dengan:\n    - perda-parepare-2-2021\n" in added
    reloaded = load(target)
    assert list(reloaded)[:len(catalogue)] == list(catalogue)
    assert yaml.safe_load(written)[len(catalogue):] == importer.entries
    for entry in importer.entries:
        assert_same(parse_citation(cite(reloaded[entry["id"]], reloaded)), reloaded[entry["id"]])
    assert reloaded["perda-parepare-7-2016"].amended_by == ["perda-parepare-2-2021"]
    assert reloaded["perwali-parepare-5-2019"].title == "Tata Cara: Contoh # Satu"


def test_entries_text_is_yaml_of_the_same_mappings():
    entries = [{"id": "uu-1-2030", "jenis": "UU", "nomor": 1, "tahun": 2030, "tentang": "true",
                "terkonfirmasi": False, "catatan": "Diimpor dari a: b.docx; cocokkan dengan salinan resmi (JDIH)."},
               {"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": False, "catatan": "'kutip'"}]
    assert yaml.safe_load(entries_text(entries)) == entries
    odd = [{"id": "x", "daftar": ["true", "a: b", "kata " * 40], "teks": "kata " * 40 + "akhir"}]
    assert yaml.safe_load(entries_text(odd)) == odd


def test_append_refuses_a_file_it_cannot_extend_and_writes_nothing(tmp_path):
    target = tmp_path / "dasar-hukum.yaml"
    target.write_text("[{id: uu-9-2015, jenis: UU, nomor: 9, tahun: 2015}]\n")
    entry = new_entry(parse_citation("Undang-Undang Nomor 1 Tahun 2030 tentang Contoh"), [], "a.txt")
    with pytest.raises(ValueError):
        append_entries(target, [entry], "a.txt")
    assert target.read_text() == "[{id: uu-9-2015, jenis: UU, nomor: 9, tahun: 2015}]\n"
    assert list(tmp_path.iterdir()) == [target]
    fresh = tmp_path / "baru.yaml"
    append_entries(fresh, [entry], "a.txt")
    assert yaml.safe_load(fresh.read_text()) == [entry]


@pytest.mark.parametrize("written", ["[]\n", "## katalog baru\n[]  # belum ada\n", "null\n", "## hanya komentar\n"])
def test_append_into_a_catalogue_with_nothing_listed_yet(tmp_path, written):
    """A catalogue written ``[]`` or ``null`` (nothing listed yet) takes the entries in block style; its comments
    stay. Before, ``[]`` refused every import with --katalog."""
    target = tmp_path / "dasar-hukum.yaml"
    target.write_text(written)
    entry = new_entry(parse_citation("Undang-Undang Nomor 1 Tahun 2030 tentang Contoh"), [], "a.txt")
    append_entries(target, [entry], "a.txt")
    text = target.read_text()
    assert yaml.safe_load(text) == [entry]
    assert "[]" not in text and "null" not in text
    for line in written.splitlines():
        if line.startswith("##"):
            assert line in text.splitlines()
    assert ("# belum ada" in text) == ("# belum ada" in written)


# ----------------------------------------------------------------------------------------------------------
# Revocations


def test_revocation_of_one_regulation():
    (revoked,) = parse_revocation(
        "Pada saat Peraturan Wali Kota ini mulai berlaku, Peraturan Wali Kota Parepare Nomor 5 Tahun 2019 tentang "
        "Tata Cara Pengelolaan Inovasi Daerah (Berita Daerah Kota Parepare Tahun 2019 Nomor 5) dicabut dan "
        "dinyatakan tidak berlaku.")
    assert (revoked.kind, revoked.issuer, revoked.number, revoked.year) == (LegalKind.PERKADA, "Kota Parepare", 5, 2019)
    assert revoked.title == "Tata Cara Pengelolaan Inovasi Daerah"
    assert revoked.gazette == gazette(2019, 5)


def test_revocation_as_a_list_with_an_amended_regulation():
    unread: list[str] = []
    revoked = parse_revocation(
        "Pada saat Peraturan Wali Kota ini mulai berlaku:\n"
        "a. Peraturan Wali Kota Parepare Nomor 5 Tahun 2019 tentang Contoh Pertama (Berita Daerah Kota Parepare "
        "Tahun 2019 Nomor 5) sebagaimana telah diubah dengan Peraturan Wali Kota Parepare Nomor 8 Tahun 2020 tentang "
        "Perubahan atas Peraturan Wali Kota Parepare Nomor 5 Tahun 2019 tentang Contoh Pertama (Berita Daerah Kota "
        "Parepare Tahun 2020 Nomor 8);\n"
        "b. Pasal 4 Peraturan Walikota Parepare Nomor 2 Tahun 2018 tentang Contoh Kedua (Berita Daerah Kota Parepare "
        "Tahun 2018 Nomor 2); dan\n"
        "c. Keputusan Wali Kota Parepare Nomor 100 Tahun 2017 tentang Contoh Ketiga,\n"
        "dicabut dan dinyatakan tidak berlaku.", unread)
    assert [(r.kind, r.number, r.year) for r in revoked] == [
        (LegalKind.PERKADA, 5, 2019), (LegalKind.PERKADA, 2, 2018), (LegalKind.KEPKADA, 100, 2017)]
    assert [a.number for a in revoked[0].amended_by] == [8]
    assert revoked[1].article == "Pasal 4" and revoked[2].title == "Contoh Ketiga"
    assert unread == []


def test_revocation_of_two_regulations_in_one_sentence_and_texts_that_revoke_nothing():
    revoked = parse_revocation(
        "Dengan berlakunya Peraturan Daerah ini, Peraturan Daerah Kota Parepare Nomor 1 Tahun 2010 tentang Contoh "
        "(Lembaran Daerah Kota Parepare Tahun 2010 Nomor 1) dan Peraturan Daerah Kota Parepare Nomor 4 Tahun 2012 "
        "tentang Contoh Lain (Lembaran Daerah Kota Parepare Tahun 2012 Nomor 4) dicabut dan dinyatakan tidak "
        "berlaku.")
    assert [(r.number, r.title) for r in revoked] == [(1, "Contoh"), (4, "Contoh Lain")]
    assert parse_revocation("Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.") == []
    unread: list[str] = []
    assert parse_revocation("Pada saat Peraturan Wali Kota ini mulai berlaku, semua ketentuan yang bertentangan "
                            "dicabut dan dinyatakan tidak berlaku.", unread) == []
    assert unread == ["semua ketentuan yang bertentangan"]
