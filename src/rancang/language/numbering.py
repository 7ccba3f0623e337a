"""Number forms of Indonesian legislation (Lampiran II UU 12/2011).

BAB in Roman numerals, Bagian as spelled ordinals (``Kesatu``, ``Kedua``),
Paragraf, Pasal and angka in Arabic numerals, ayat ``(1)``, huruf ``a.``;
numbers in running text as ``3 (tiga)``; dates as ``4 Juni 2021``.

Number words come from num2words (``lang="id"``), dates from babel; only the
legal ordinals (``Kesatu``, not ``Pertama``) and the letter sequence are ours.

Inserted labels (:func:`inserted`, amendments: an enacted number never moves). Sources, checked 2026-12:

Lampiran II UU 12/2011, "Perubahan Peraturan Perundang-undangan", as restated with its examples
in the DPR handbook "Proses & Teknik Penyusunan Undang-Undang"
(https://online.flipbuilder.com/Buku/cmtv/files/basic-html/page293.html and page294.html): an inserted
bab or pasal takes the number of the one before it followed by a capital letter (``BAB IXA``, ``Pasal
128A``); an inserted ayat the number of the ayat before it followed by a lower-case letter a, b, c, in
brackets (``ayat (1a)`` and ``ayat (1b)`` between ``(1)`` and ``(2)``). The Kemenkeu restatement of the same
rules (KMK 527/KMK.01/2022 butir 124d-124g) says the same for pasal, bab and ayat.

Angka: the lower-case letter as for ayat, confirmed by enacted text: UU 41/2014 (amending UU 18/2009)
Pasal I angka 1, "di antara angka 5 dan angka 6 disisipkan 2 (dua) angka yakni angka 5a dan 5b", and
"angka 37a"; UU 11/2020 Pasal 175 on UU 30/2014 Pasal 1, "angka 19a" (read in repository transcriptions
of those texts found with the code search; the JDIH copies are at https://peraturan.bpk.go.id).

Huruf: Lampiran II gives no form. The letter followed by an Arabic number (``huruf a1`` between ``a`` and
``b``) is the form found (an amendment-parser's test of real formulas: "Di antara huruf a dan huruf b ayat
(2) Pasal 5 disisipkan 1 (satu) huruf, yakni huruf a1"); a letter followed by a letter would read as
the doubled letters after ``z`` (``aa``). Unconfirmed against an official copy: the most common practice.

Bagian and paragraf: Lampiran II says inserted bab, bagian, paragraf and pasal are placed where their
matter belongs but shows the number only for bab and pasal; the capital letter is applied to them too
(``Bagian Kedua A``, ``Paragraf 3A``). Unconfirmed: the same rule as bab and pasal, by analogy.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from babel.dates import format_date
from num2words import num2words


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError(n)
    out = []
    for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def words(n: int) -> str:
    """``21`` -> ``dua puluh satu``."""
    return num2words(n, lang="id")


def with_words(n: int) -> str:
    """``3`` -> ``3 (tiga)``: the form numbers take in legal text."""
    return f"{n} ({words(n)})"


def ordinal(n: int) -> str:
    """Bagian ordinals: ``Kesatu``, ``Kedua``, ``Kesebelas``, ``Kedua Belas``."""
    return "Ke" + " ".join(part.capitalize() if i else part for i, part in enumerate(words(n).split()))


def letter(n: int) -> str:
    """``1`` -> ``a``, ``26`` -> ``z``, ``27`` -> ``aa``, ``28`` -> ``bb`` (doubled letters after z)."""
    if n <= 0:
        raise ValueError(n)
    repeat, index = divmod(n - 1, 26)
    return string.ascii_lowercase[index] * (repeat + 1)


def point_label(depth: int, n: int) -> str:
    """Label of the n-th item of a rincian at ``depth`` (1 = huruf)."""
    if depth == 1:
        return f"{letter(n)}."
    if depth == 2:
        return f"{n}."
    if depth == 3:
        return f"{letter(n)})"
    return f"{n})"


def point_reference(depth: int, n: int) -> str:
    """How a reference names that item: ``huruf b``, ``angka 2``, ``huruf b)``, ``angka 2)``."""
    if depth == 1:
        return f"huruf {letter(n)}"
    if depth == 2:
        return f"angka {n}"
    if depth == 3:
        return f"huruf {letter(n)})"
    return f"angka {n})"


def long_date(value: dt.date) -> str:
    """``4 Juni 2021``."""
    return format_date(value, "d MMMM y", locale="id")


def weekday_date(value: dt.date) -> str:
    """``Jumat, 4 Juni 2021``."""
    return format_date(value, "EEEE, d MMMM y", locale="id")


def month_year(year: int, month: int) -> str:
    """``Juni 2021``."""
    return format_date(dt.date(year, month, 1), "MMMM y", locale="id")


# --- Inserted labels (amendments) -------------------------------------------------------------------------------

#: The levels an amendment can insert at, outermost first.
INSERT_LEVELS = ("bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka")

_UPPER = string.ascii_uppercase
_LOWER = string.ascii_lowercase


def _suffix(k: int, alphabet: str) -> str:
    """``1`` -> ``A``, ``26`` -> ``Z``, ``27`` -> ``AA``: the k-th letter suffix (doubled after the last)."""
    if k <= 0:
        raise ValueError(f"urutan sisipan harus 1 atau lebih, bukan {k}")
    repeat, index = divmod(k - 1, 26)
    return alphabet[index] * (repeat + 1)


def _suffix_index(suffix: str, alphabet: str) -> int:
    """Inverse of :func:`_suffix` (0 for no suffix)."""
    if not suffix:
        return 0
    if suffix != suffix[0] * len(suffix) or suffix[0] not in alphabet:
        raise ValueError(f"akhiran sisipan {suffix!r} tidak dikenal")
    return (len(suffix) - 1) * 26 + alphabet.index(suffix[0]) + 1


_ROMAN = re.compile(r"(?P<root>[IVXLCDM]+)(?P<suffix>[A-Z]*)")
_ARABIC_UPPER = re.compile(r"(?P<root>[0-9]+)(?P<suffix>[A-Z]*)")
_ARABIC_LOWER = re.compile(r"(?P<root>[0-9]+)(?P<suffix>[a-z]*)")
_LETTER_DIGIT = re.compile(r"(?P<root>[a-z]+)(?P<suffix>[0-9]*)")
_ORDINAL = re.compile(r"(?P<root>Ke[A-Za-z ]+?)(?: (?P<suffix>[A-Z]+))?")


def _split(level: str, label: str) -> tuple[str, str]:
    """A bare label (``12A``, ``IVA``, ``1a``, ``c1``, ``Kedua A``) as (enacted root, inserted suffix)."""
    if level not in INSERT_LEVELS:
        raise ValueError(f"tingkat {level!r} tidak dikenal; pilih salah satu dari {', '.join(INSERT_LEVELS)}")
    pattern = {"bab": _ROMAN, "bagian": _ORDINAL, "paragraf": _ARABIC_UPPER, "pasal": _ARABIC_UPPER,
               "ayat": _ARABIC_LOWER, "huruf": _LETTER_DIGIT, "angka": _ARABIC_LOWER}[level]
    text = " ".join(label.split())
    word = level + " "
    if text.lower().startswith(word):
        text = text[len(word):]
    if level == "ayat" and text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    if level in ("huruf", "angka"):
        text = text.rstrip(".)")
    if level == "bab":
        return _split_roman(label, text)
    match = pattern.fullmatch(text)
    if match is None or (level == "huruf" and match["root"] != match["root"][0] * len(match["root"])):
        raise ValueError(f"label {label!r} bukan label {level} yang dikenal")
    if level == "bagian":
        _ordinal_value(match["root"])
    suffix = match["suffix"] or ""
    if suffix and level != "huruf":
        _suffix_index(suffix, _UPPER if level in ("bagian", "paragraf", "pasal") else _LOWER)
    return match["root"], suffix


def _split_roman(label: str, text: str) -> tuple[str, str]:
    """``IVA`` -> (``IV``, ``A``): the longest valid Roman numeral, then a letter suffix (the suffix letters
    C, D, I, L, M, V, X are Roman digits too, hence the search)."""
    for end in range(len(text), 0, -1):
        root, suffix = text[:end], text[end:]
        try:
            _roman_value(root)
            if suffix:
                _suffix_index(suffix, _UPPER)
        except (ValueError, KeyError):
            continue
        return root, suffix
    raise ValueError(f"label {label!r} bukan label bab yang dikenal")


def inserted(level: str, base: str, k: int) -> str:
    """The bare label of the k-th (1-based) element inserted right after the element labelled ``base``.

    ``inserted("pasal", "12", 1)`` -> ``12A``; ``("pasal", "12", 2)`` -> ``12B``; ``("bab", "IV", 1)`` ->
    ``IVA``; ``("bagian", "Kedua", 1)`` -> ``Kedua A``; ``("paragraf", "3", 1)`` -> ``3A``; ``("ayat", "1", 1)``
    -> ``1a`` (printed ``(1a)``); ``("huruf", "c", 1)`` -> ``c1``; ``("angka", "5", 1)`` -> ``5a``.

    ``base`` is the bare label (``12``, ``IV``, ``1``, ``c``; the printed ``Pasal 12``, ``BAB IV``, ``(1)``, ``c.``,
    ``c)`` and ``5.`` are accepted too; the result is always bare) and may
    itself be an inserted label: inserting after ``12A`` (an amendment of an amendment) continues its
    sequence, ``("pasal", "12A", 1)`` -> ``12B``. The caller must not insert between two consecutive inserted
    labels (``12A`` and ``12B``): no form is prescribed for that. An element inserted before the first one has
    no base and no prescribed number: see :func:`inserted_first`.

    Where each form comes from: the module docstring.

    Before the first element there is nothing to number after: see :func:`inserted_first`.
    """
    label = _inserted(level, base, k)
    if level == "bab" and _split(level, label) != (_split(level, base)[0], label[len(_split(level, base)[0]):]):
        raise ValueError(f"BAB sisipan ke-{k} sesudah BAB {base} akan berbunyi BAB {label}, sama dengan nomor BAB "
                         f"yang lain; pecah sisipan itu atau susun ulang bab dengan peraturan pengganti")
    return label


def _inserted(level: str, base: str, k: int) -> str:
    root, suffix = _split(level, base)
    if level in ("bab", "paragraf", "pasal"):
        return root + _suffix(_suffix_index(suffix, _UPPER) + k, _UPPER)
    if level == "bagian":
        return f"{root} {_suffix(_suffix_index(suffix, _UPPER) + k, _UPPER)}"
    if level in ("ayat", "angka"):
        return root + _suffix(_suffix_index(suffix, _LOWER) + k, _LOWER)
    # huruf: the letter followed by 1, 2, ...
    start = int(suffix) if suffix else 0
    if k <= 0:
        raise ValueError(f"urutan sisipan harus 1 atau lebih, bukan {k}")
    return f"{root}{start + k}"


def appended(level: str, last: str, k: int) -> str:
    """The label of the k-th element added after the LAST element of its container (no element follows):
    the next number, since no enacted number moves (``("ayat", "3", 1)`` -> ``4``; ``("huruf", "d", 1)`` ->
    ``e``), as enacted amendments do ("Pasal 6 ditambah 1 (satu) ayat, yakni ayat (4)"). After an inserted
    label its sequence continues (``("ayat", "3a", 1)`` -> ``3b``). Pasal numbers run through the whole
    regulation, so a Pasal added at the end of a BAB is inserted (``12A``), not appended; only after the
    regulation's very last Pasal does this apply."""
    root, suffix = _split(level, last)
    if k <= 0:
        raise ValueError(f"urutan tambahan harus 1 atau lebih, bukan {k}")
    if suffix:
        return inserted(level, last, k)
    if level == "bab":
        return roman(_roman_value(root) + k)
    if level == "bagian":
        return ordinal(_ordinal_value(root) + k)
    if level == "huruf":
        return letter((len(root) - 1) * 26 + _LOWER.index(root[0]) + 1 + k)
    return str(int(root) + k)


def inserted_first(level: str) -> str:
    """An element inserted before the first one at its level has no prescribed number: raises ValueError."""
    raise ValueError(
        f"Tidak ada nomor sisipan untuk {level} yang disisipkan sebelum {level} pertama: Lampiran II UU 12/2011 "
        f"hanya mengatur sisipan di antara dua unsur atau sesudah unsur terakhir. Tambahkan {level} itu sesudah "
        f"unsur yang pertama, atau ubah unsur pertama itu sehingga memuat isi barunya.")


def label_key(level: str, label: str) -> tuple[int, int]:
    """A sort key putting enacted and inserted labels of one level in document order (``12`` < ``12A`` <
    ``12B`` < ``13``; ``IV`` < ``IVA`` < ``V``; ``c`` < ``c1`` < ``c2`` < ``d``)."""
    root, suffix = _split(level, label)
    if level == "bab":
        base = _roman_value(root)
    elif level == "bagian":
        base = _ordinal_value(root)
    elif level == "huruf":
        base = (len(root) - 1) * 26 + _LOWER.index(root[0]) + 1
    else:
        base = int(root)
    if level == "huruf":
        rank = int(suffix) if suffix else 0
    else:
        rank = _suffix_index(suffix, _UPPER if level in ("bab", "bagian", "paragraf", "pasal") else _LOWER)
    return base, rank


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not text or any(ch not in values for ch in text):
        raise ValueError(f"{text!r} bukan angka Romawi yang sah")
    total = 0
    for i, ch in enumerate(text):
        value = values[ch]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    if total <= 0 or roman(total) != text:
        raise ValueError(f"{text!r} bukan angka Romawi yang sah")
    return total


def _ordinal_value(text: str) -> int:
    for n in range(1, 201):
        if ordinal(n) == text:
            return n
    raise ValueError(f"{text!r} bukan urutan bagian yang dikenal")
