"""Indonesian words for the knowledge base's values, shared by the site and the visit documents.

Kept free of docutils and Sphinx so that commands which only write Word documents stay light.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from rancang.language.numbering import long_date, month_year
from rancang.models.base import PartialDate

FORM_WORDS = {"tata_kelola": "Tata kelola pemerintahan daerah", "pelayanan_publik": "Pelayanan publik",
              "lainnya": "Inovasi daerah lainnya"}
KIND_WORDS = {"digital": "Digital", "non_digital": "Non-digital"}
STAGE_WORDS = {"inisiatif": "Inisiatif", "uji_coba": "Uji coba", "penerapan": "Penerapan"}
INITIATOR_WORDS = {"kepala_daerah": "Kepala daerah", "anggota_dprd": "Anggota DPRD", "asn": "ASN",
                   "perangkat_daerah": "Perangkat daerah", "masyarakat": "Masyarakat"}
STATUS_WORDS = {"berjalan": "Berjalan", "berhenti": "Berhenti"}
LEVEL_WORDS = {"daerah": "Daerah", "provinsi": "Provinsi", "nasional": "Nasional", "internasional": "Internasional"}


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
