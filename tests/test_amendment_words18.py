"""Inserted labels (numbering.inserted) and the amendment formulas (language.amendment_words)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rancang.language import numbering
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
