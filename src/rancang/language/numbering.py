"""Number forms of Indonesian legislation (Lampiran II UU 12/2011).

BAB in Roman numerals, Bagian as spelled ordinals (``Kesatu``, ``Kedua``),
Paragraf, Pasal and angka in Arabic numerals, ayat ``(1)``, huruf ``a.``;
numbers in running text as ``3 (tiga)``; dates as ``4 Juni 2021``.

Number words come from num2words (``lang="id"``), dates from babel; only the
legal ordinals (``Kesatu``, not ``Pertama``) and the letter sequence are ours.
"""

from __future__ import annotations

import datetime as dt
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
