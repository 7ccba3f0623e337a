"""Citations are generated from catalogue fields; compare with real texts."""

from rancang.language.citation import cite
from rancang.models.catalogue import LegalCatalogue


def catalogue(entries):
    return {e.id: e for e in LegalCatalogue.model_validate(entries).root}


CATALOGUE = catalogue([
    {"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True},
    {"id": "uu-23-2014", "jenis": "UU", "nomor": 23, "tahun": 2014, "tentang": "Pemerintahan Daerah",
     "lembaran": {"tahun": 2014, "nomor": 244}, "tambahan": 5587, "terkonfirmasi": True,
     "diubah_dengan": ["uu-9-2015", "uu-6-2023"]},
    {"id": "uu-9-2015", "jenis": "UU", "nomor": 9, "tahun": 2015,
     "tentang": "Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
     "lembaran": {"tahun": 2015, "nomor": 58}, "tambahan": 5679, "terkonfirmasi": True},
    {"id": "uu-6-2023", "jenis": "UU", "nomor": 6, "tahun": 2023,
     "tentang": "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja "
                "menjadi Undang-Undang",
     "lembaran": {"tahun": 2023, "nomor": 41}, "tambahan": 6856, "terkonfirmasi": True},
    {"id": "permendagri-80-2015", "jenis": "Permen", "pembentuk": "Dalam Negeri", "nomor": 80, "tahun": 2015,
     "tentang": "Pembentukan Produk Hukum Daerah", "lembaran": {"tahun": 2015, "nomor": 2036},
     "terkonfirmasi": True},
    {"id": "perwali-1-2020", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 1, "tahun": 2020,
     "tentang": "Contoh", "lembaran": {"tahun": 2020, "nomor": 1}, "terkonfirmasi": False},
])


def test_uud_with_article():
    assert cite(CATALOGUE["uud-1945"], CATALOGUE, "Pasal 18 ayat (6)") == (
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    )


def test_law_amended_several_times_names_the_last_amendment():
    assert cite(CATALOGUE["uu-23-2014"], CATALOGUE) == (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
        "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah "
        "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan "
        "Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang "
        "(Lembaran Negara Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara Republik Indonesia "
        "Nomor 6856)"
    )


def test_ministerial_regulation_uses_berita_negara():
    assert cite(CATALOGUE["permendagri-80-2015"], CATALOGUE) == (
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah "
        "(Berita Negara Republik Indonesia Tahun 2015 Nomor 2036)"
    )


def test_single_amendment_and_regional_bulletin():
    entries = dict(CATALOGUE)
    entries["uu-23-2014"] = entries["uu-23-2014"].model_copy(update={"amended_by": ["uu-9-2015"]})
    assert cite(entries["uu-23-2014"], entries).endswith(
        "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas "
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
        "Tahun 2015 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679)"
    )
    assert cite(CATALOGUE["perwali-1-2020"], CATALOGUE) == (
        "Peraturan Wali Kota Parepare Nomor 1 Tahun 2020 tentang Contoh "
        "(Berita Daerah Kota Parepare Tahun 2020 Nomor 1)"
    )


def test_the_comma_before_terakhir_is_a_setting():
    """Regional practice writes the chain with and without the comma (domain notes, section 10): a setting,
    the comma by default."""
    from rancang.models.project import Project

    with_comma = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
    without = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                                      "dokumen": {"perubahan": {"koma_sebelum_terakhir": False}}})
    assert "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in cite(
        CATALOGUE["uu-23-2014"], CATALOGUE, settings=with_comma)
    assert "beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in cite(
        CATALOGUE["uu-23-2014"], CATALOGUE, settings=without)
