"""Indonesian words for dates and numbers of the knowledge base, shared by every output.

The labels of the allowed values (bentuk, jenis, tahapan, ...) are on the enums of :mod:`rancang.models`
(``Stage.TRIAL.label``). Kept free of docutils and Sphinx so that commands which only write Word documents
stay light.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from babel.numbers import format_decimal

from rancang.language.numbering import long_date, month_year
from rancang.models.base import PartialDate


def partial_date(value: PartialDate | None) -> str:
    if value is None:
        return ""
    if value.day:
        return long_date(value.as_date())
    if value.month:
        return month_year(value.year, value.month)
    return str(value.year)


def number(value: float) -> str:
    return format_decimal(value, locale="id")


def rupiah(amount: float) -> str:
    """``Rp150.000.000``: whole rupiah, grouped with dots, as Babel writes IDR for ``id`` (written here: Babel's
    currency formatting took a quarter of the open data's time at 10,000 profiles)."""
    whole = int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    return f"Rp{whole:,}".replace(",", ".")
