"""Inserted labels (numbering.inserted) and the amendment formulas (language.amendment_words)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rancang.language import amendment_words as words
from rancang.language import numbering
from rancang.language.amendment_words import amendment_title, change_instruction, pasal_i_lead
from rancang.language.numbering import inserted, label_key


@pytest.mark.parametrize(("level", "base", "k", "expected"), [
    ("pasal", "12", 1, "12A"), ("pasal", "12", 2, "12B"), ("pasal", "12A", 1, "12B"), ("pasal", "12A", 2, "12C"),
    ("pasal", "12", 26, "12Z"), ("pasal", "12", 27, "12AA"),
    ("bab", "IV", 1, "IVA"), ("bab", "IV", 2, "IVB"), ("bab", "IX", 1, "IXA"), ("bab", "IVA", 1, "IVB"),
    ("bagian", "Kedua", 1, "Kedua A"), ("bagian", "Kedua Belas", 2, "Kedua Belas B"),
    ("paragraf", "3", 1, "3A"),
    ("ayat", "1", 1, "1a"), ("ayat", "1", 2, "1b"), ("ayat", "(1)", 1, "1a"), ("ayat", "1a", 1, "1b"),
    ("huruf", "c", 1, "c1"), ("huruf", "c", 2, "c2"), ("huruf", "c.", 1, "c1"), ("huruf", "c1", 1, "c2"),
    ("angka", "5", 1, "5a"), ("angka", "5.", 2, "5b"), ("angka", "5a", 1, "5b"),
    ("pasal", "Pasal 12", 1, "12A"), ("bab", "BAB IV", 1, "IVA"), ("bagian", "Bagian Kesatu", 1, "Kesatu A"),
    ("paragraf", "Paragraf 1", 2, "1B"), ("ayat", "ayat (3)", 1, "3a"), ("huruf", "a)", 1, "a1"),
    ("angka", "1)", 1, "1a"), ("huruf", "huruf b", 1, "b1"),
])
def test_inserted(level: str, base: str, k: int, expected: str) -> None:
    assert inserted(level, base, k) == expected


@pytest.mark.parametrize(("level", "base", "k"), [
    ("pasal", "12", 0), ("pasal", "dua", 1), ("bab", "4", 1), ("bab", "IVa", 1), ("bab", "", 1), ("ayat", "1A", 1),
    ("huruf", "ab", 1), ("angka", "x", 1), ("sub", "1", 1), ("bagian", "Pertama", 1),
])
def test_inserted_refuses(level: str, base: str, k: int) -> None:
    with pytest.raises(ValueError):
        inserted(level, base, k)


def test_inserted_bab_never_spells_another_bab() -> None:
    assert inserted("bab", "V", 8) == "VH"
    with pytest.raises(ValueError, match="sama dengan nomor BAB"):
        inserted("bab", "V", 9)  # would be "VI"
    with pytest.raises(ValueError):
        inserted("bab", "I", 22)  # would be "IV"
    assert label_key("bab", "IVC") == (4, 3) and label_key("bab", "XCD") == (90, 4)


def test_inserted_first_has_no_number() -> None:
    with pytest.raises(ValueError, match="sebelum pasal pertama"):
        numbering.inserted_first("pasal")


def _enacted(level: str, n: int) -> str:
    return {"bab": numbering.roman, "bagian": numbering.ordinal, "huruf": numbering.letter}.get(level, str)(n)


@given(st.sampled_from(numbering.INSERT_LEVELS), st.integers(1, 40), st.lists(st.integers(0, 30), max_size=5))
def test_labels_sort_in_document_order(level: str, count: int, inserts: list[int]) -> None:
    """Enacted labels 1..count, each followed by its inserted ones, sort back into that order; a
    second amendment's insertions after an inserted label sort right after it."""
    document = []
    for n in range(1, count + 1):
        base = _enacted(level, n)
        document.append(base)
        added = inserts[n % len(inserts)] if inserts else 0
        try:
            document.extend(inserted(level, base, k) for k in range(1, added + 1))
            if added:
                document.append(inserted(level, document[-1], 1))
        except ValueError:
            # only a BAB's letter suffix can spell another Roman numeral (BAB V + 9th = "VI")
            assert level == "bab"
            return
    assert len(set(document)) == len(document)
    assert sorted(reversed(document), key=lambda label: label_key(level, label)) == document


@pytest.mark.parametrize(("level", "last", "k", "expected"), [
    ("ayat", "3", 1, "4"), ("ayat", "(3)", 2, "5"), ("ayat", "3a", 1, "3b"), ("huruf", "d", 1, "e"),
    ("huruf", "z", 1, "aa"), ("angka", "9", 1, "10"), ("bab", "IV", 2, "VI"), ("bagian", "Kedua", 1, "Ketiga"),
    ("pasal", "40", 1, "41"), ("pasal", "40A", 1, "40B"), ("huruf", "d1", 1, "d2"),
])
def test_appended(level: str, last: str, k: int, expected: str) -> None:
    assert numbering.appended(level, last, k) == expected


# --- amendment_words ----------------------------------------------------------------------------------------


BERBUNYI = "sehingga berbunyi sebagai berikut:"


@pytest.mark.parametrize(("args", "expected"), [
    (("ubah", "pasal", ["5"]), f"Ketentuan Pasal 5 diubah {BERBUNYI}"),
    (("ubah", "pasal", ["Pasal 5"]), f"Ketentuan Pasal 5 diubah {BERBUNYI}"),
    (("ubah", "pasal", ["12A"]), f"Ketentuan Pasal 12A diubah {BERBUNYI}"),
    (("ubah", "ayat", ["(2)"], ["Pasal 7"]), f"Ketentuan ayat (2) Pasal 7 diubah {BERBUNYI}"),
    (("ubah", "ayat", ["2", "3"], ["Pasal 8"]), f"Ketentuan ayat (2) dan ayat (3) Pasal 8 diubah {BERBUNYI}"),
    (("ubah", "pasal", ["5", "6", "7"]), f"Ketentuan Pasal 5, Pasal 6, dan Pasal 7 diubah {BERBUNYI}"),
    (("ubah", "huruf", ["c."], ["ayat (2)", "Pasal 7"]), f"Ketentuan huruf c ayat (2) Pasal 7 diubah {BERBUNYI}"),
    (("ubah", "angka", ["4."], ["Pasal 1"]), f"Ketentuan angka 4 Pasal 1 diubah {BERBUNYI}"),
    (("ubah", "bab", ["III"]), f"Ketentuan BAB III diubah {BERBUNYI}"),
])
def test_change(args: tuple, expected: str) -> None:
    assert change_instruction(*args) == expected


def test_change_quoting_the_pasal() -> None:
    assert (change_instruction("ubah", "ayat", ["(2)"], ["Pasal 7"], quoted="Pasal 7")
            == "Ketentuan ayat (2) Pasal 7 diubah sehingga Pasal 7 berbunyi sebagai berikut:")


@pytest.mark.parametrize(("args", "expected"), [
    (("sisip", "pasal", ["12A"], [], ("12", "13")),
     f"Di antara Pasal 12 dan Pasal 13 disisipkan 1 (satu) pasal, yakni Pasal 12A {BERBUNYI}"),
    (("sisip", "pasal", ["12B", "12C"], [], ("Pasal 12A", "Pasal 13")),
     f"Di antara Pasal 12A dan Pasal 13 disisipkan 2 (dua) pasal, yakni Pasal 12B dan Pasal 12C {BERBUNYI}"),
    (("sisip", "ayat", ["(1a)", "(1b)"], ["Pasal 18"], ("(1)", "(2)")),
     "Di antara ayat (1) dan ayat (2) Pasal 18 disisipkan 2 (dua) ayat, yakni ayat (1a) dan ayat (1b) "
     "sehingga Pasal 18 berbunyi sebagai berikut:"),
    (("sisip", "bab", ["IVA"], [], ("IV", "V")),
     f"Di antara BAB IV dan BAB V disisipkan 1 (satu) bab, yakni BAB IVA {BERBUNYI}"),
    (("sisip", "bagian", ["Kesatu A"], ["BAB III"], ("Kesatu", "Kedua")),
     f"Di antara Bagian Kesatu dan Bagian Kedua BAB III disisipkan 1 (satu) bagian, yakni Bagian Kesatu A "
     f"{BERBUNYI}"),
    (("sisip", "huruf", ["a1"], ["ayat (2)", "Pasal 5"], ("a", "b")),
     "Di antara huruf a dan huruf b ayat (2) Pasal 5 disisipkan 1 (satu) huruf, yakni huruf a1 "
     "sehingga Pasal 5 berbunyi sebagai berikut:"),
    (("sisip", "angka", ["5a", "5b", "5c"], ["Pasal 1"], ("5", "6")),
     "Di antara angka 5 dan angka 6 Pasal 1 disisipkan 3 (tiga) angka, yakni angka 5a, angka 5b, dan angka 5c "
     "sehingga Pasal 1 berbunyi sebagai berikut:"),
    (("sisip", "ayat", ["(4)"], ["Pasal 6"], ("(3)", None)),
     "Setelah ayat (3) Pasal 6 ditambahkan 1 (satu) ayat, yakni ayat (4) sehingga Pasal 6 berbunyi sebagai "
     "berikut:"),
])
def test_insert(args: tuple, expected: str) -> None:
    assert change_instruction(*args) == expected


def test_insert_counts_in_words() -> None:
    labels = [numbering.inserted("pasal", "7", k) for k in range(1, 12)]
    text = change_instruction("sisip", "pasal", labels, [], ("7", "8"))
    assert "disisipkan 11 (sebelas) pasal, yakni Pasal 7A, Pasal 7B," in text and "dan Pasal 7K sehingga" in text


@pytest.mark.parametrize(("args", "expected"), [
    (("hapus", "pasal", ["16"]), "Pasal 16 dihapus."),
    (("hapus", "pasal", ["16", "17"]), "Pasal 16 dan Pasal 17 dihapus."),
    (("hapus", "bab", ["V"]), "BAB V dihapus."),
    (("hapus", "ayat", ["(2)"], ["Pasal 18"]), "Pasal 18 ayat (2) dihapus sehingga Pasal 18 berbunyi sebagai berikut:"),
    (("hapus", "huruf", ["c", "d"], ["ayat (2)", "Pasal 7"]),
     "Pasal 7 ayat (2) huruf c dan huruf d dihapus sehingga Pasal 7 berbunyi sebagai berikut:"),
])
def test_delete(args: tuple, expected: str) -> None:
    assert change_instruction(*args) == expected


@pytest.mark.parametrize(("args", "kwargs"), [
    (("ganti", "pasal", ["5"]), {}),
    (("ubah", "pasal", []), {}),
    (("ubah", "pasal", ["5"]), {"between": ("4", "6")}),
    (("hapus", "pasal", ["5"]), {"between": ("4", "6")}),
    (("sisip", "pasal", ["5A"]), {}),
    (("sisip", "ayat", ["(1a)"], [], ("(1)", "(2)")), {}),  # an ayat without its Pasal
    (("ubah", "butir", ["5"]), {}),
    (("ubah", "pasal", [" "]), {}),
])
def test_change_instruction_refuses(args: tuple, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        change_instruction(*args, **kwargs)


def test_join() -> None:
    assert words.join(["Pasal 5"]) == "Pasal 5"
    assert words.join(["Pasal 5", "Pasal 6"]) == "Pasal 5 dan Pasal 6"
    assert words.join(["Pasal 5", "Pasal 6", "Pasal 7"]) == "Pasal 5, Pasal 6, dan Pasal 7"
    assert words.join(["a", "b", "c", "d"]) == "a, b, c, dan d"


@given(st.lists(st.from_regex(r"[1-9][0-9]{0,2}[A-Z]?", fullmatch=True), min_size=1, max_size=8))
def test_every_label_named_once_in_order(labels: list[str]) -> None:
    """Read back, the instruction names exactly the labels given, in their order."""
    text = change_instruction("ubah", "pasal", labels)
    assert text.startswith("Ketentuan ") and text.endswith(" diubah sehingga berbunyi sebagai berikut:")
    listed = text.removeprefix("Ketentuan ").removesuffix(" diubah sehingga berbunyi sebagai berikut:")
    parts = re.split(r", dan |, | dan ", listed)
    assert parts == [f"Pasal {label}" for label in labels]
    assert (" dan " in listed) == (len(labels) > 1) and (", " in listed) == (len(labels) > 2)


def test_amendment_title() -> None:
    about = "Penyelenggaraan Inovasi Daerah"
    assert (amendment_title("Peraturan Wali Kota", "Parepare", 5, 2020, about)
            == "PERUBAHAN ATAS PERATURAN WALI KOTA PAREPARE NOMOR 5 TAHUN 2020 TENTANG PENYELENGGARAAN INOVASI "
               "DAERAH")
    assert amendment_title("Peraturan Wali Kota", "Parepare", 5, 2020, about, 2).startswith(
        "PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA PAREPARE NOMOR 5")
    assert amendment_title("Peraturan Daerah", "Kota Parepare", "3", "2019", about, 3).startswith(
        "PERUBAHAN KETIGA ATAS PERATURAN DAERAH KOTA PAREPARE NOMOR 3 TAHUN 2019 TENTANG")
    assert amendment_title("Peraturan Bupati", "Barru", 1, 2021, "Tata Kelola", 11).startswith(
        "PERUBAHAN KESEBELAS ATAS")
    assert (amendment_title("Peraturan Wali Kota", "Parepare", 5, 2020, about, 2, capitals=False)
            == "Perubahan Kedua atas Peraturan Wali Kota Parepare Nomor 5 Tahun 2020 tentang Penyelenggaraan "
               "Inovasi Daerah")
    with pytest.raises(ValueError):
        amendment_title("Peraturan Wali Kota", "Parepare", 5, 2020, about, 0)


CITATION = ("Peraturan Wali Kota Parepare Nomor 5 Tahun 2020 tentang Penyelenggaraan Inovasi Daerah "
            "(Berita Daerah Kota Parepare Tahun 2020 Nomor 5)")
FIRST = ("Peraturan Wali Kota Parepare Nomor 9 Tahun 2022 tentang Perubahan atas Peraturan Wali Kota Parepare "
         "Nomor 5 Tahun 2020 tentang Penyelenggaraan Inovasi Daerah (Berita Daerah Kota Parepare Tahun 2022 "
         "Nomor 9)")
SECOND = "Peraturan Wali Kota Parepare Nomor 2 Tahun 2024 tentang Perubahan Kedua atas ... (Berita Daerah ...)"


def test_pasal_i_lead() -> None:
    assert pasal_i_lead(CITATION) == f"Beberapa ketentuan dalam {CITATION} diubah sebagai berikut:"
    assert (pasal_i_lead(CITATION, single="Pasal 5")
            == f"Ketentuan Pasal 5 dalam {CITATION} diubah sehingga berbunyi sebagai berikut:")
    assert (pasal_i_lead(CITATION, amendments=[FIRST])
            == f"Beberapa ketentuan dalam {CITATION} sebagaimana telah diubah dengan {FIRST} diubah sebagai "
               "berikut:")
    assert (pasal_i_lead(CITATION, "Pasal 5", [FIRST, SECOND])
            == f"Ketentuan Pasal 5 dalam {CITATION} sebagaimana telah beberapa kali diubah, terakhir dengan "
               f"{SECOND} diubah sehingga berbunyi sebagai berikut:")
    assert pasal_i_lead(CITATION, comma=True).endswith("Nomor 5), diubah sebagai berikut:")


@pytest.mark.parametrize("chain", [["uu-9-2015"], ["uu-9-2015", "uu-6-2023"]])
def test_amended_citation_reads_as_cite_writes_it(chain: list[str]) -> None:
    """Pasal I names an amended regulation's chain in the same words as Mengingat (language.citation.cite)."""
    from rancang.language.citation import cite
    from test_citation import CATALOGUE

    entries = dict(CATALOGUE)
    law = entries["uu-23-2014"].model_copy(update={"amended_by": chain})
    bare = cite(law.model_copy(update={"amended_by": []}), entries)
    assert words.amended_citation(bare, [cite(entries[i], entries) for i in chain]) == cite(law, entries)


def test_unit_name() -> None:
    assert words.unit_name("ayat", "1a") == "ayat (1a)"
    assert words.unit_name("ayat", "ayat (1a)") == "ayat (1a)"
    assert words.unit_name("bab", "BAB IVA") == "BAB IVA"
    assert words.unit_name("bagian", "Kesatu A") == "Bagian Kesatu A"
    assert words.unit_name("paragraf", "3A") == "Paragraf 3A"
    assert words.unit_name("huruf", "huruf c1") == "huruf c1"
    assert words.unit_name("angka", "5a.") == "angka 5a"
    assert words.DELETED == "Dihapus."
