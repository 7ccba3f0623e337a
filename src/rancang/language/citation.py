"""Citation text of a regulation in the catalogue, as written in "Mengingat".

The text is always generated from the catalogue's fields, never typed: the
kind and issuer give the name, the publication data give the bracket, and the
amendment chain adds "sebagaimana telah diubah dengan ..." or "sebagaimana
telah beberapa kali diubah, terakhir dengan ..." (Lampiran II UU 12/2011 and
regional practice; see the domain notes on legal drafting, section 10).
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from rancang.models.catalogue import LegalBasis, LegalKind
from rancang.models.project import Project

# Hierarchy of UU 12/2011 Pasal 7 and 8, for ordering Mengingat: same number = same level.
HIERARCHY_RANK = {
    LegalKind.UUD: 0, LegalKind.UU: 1, LegalKind.PERPPU: 1, LegalKind.PP: 2, LegalKind.PERPRES: 3,
    LegalKind.PERMEN: 4, LegalKind.PERBAN: 4, LegalKind.PERDA_PROVINSI: 5, LegalKind.PERGUB: 6,
    LegalKind.PERDA: 7, LegalKind.PERKADA: 8, LegalKind.KEPKADA: 9,
}



def hierarchy_key(entry: LegalBasis) -> tuple[int, dt.date, int]:
    """The order of "Mengingat" (and of every list of legal bases): level in the hierarchy, then the date of
    promulgation (else the year), then the number."""
    when = entry.enacted.as_date() if entry.enacted else dt.date(entry.year, 1, 1)
    return (HIERARCHY_RANK[entry.kind], when, entry.number or 0)


_NATIONAL_GAZETTE = (LegalKind.UU, LegalKind.PERPPU, LegalKind.PP, LegalKind.PERPRES)
_STATE_BULLETIN = (LegalKind.PERMEN, LegalKind.PERBAN)
_REGIONAL_GAZETTE = (LegalKind.PERDA, LegalKind.PERDA_PROVINSI)
_REGIONAL_BULLETIN = (LegalKind.PERKADA, LegalKind.PERGUB, LegalKind.KEPKADA)

_OFFICE_OF_REGION = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}


def _office(issuer: str, settings: Project | None = None) -> str:
    """``Kota Parepare`` -> ``Wali Kota Parepare``; the project's own region -> its office as ``ejaan_jabatan``
    spells it (``Walikota Parepare``)."""
    if settings is not None and " ".join(issuer.split()).casefold() == settings.region_full_name.casefold():
        return settings.office_title
    kind, _, name = issuer.partition(" ")
    office = _OFFICE_OF_REGION.get(kind)
    return f"{office} {name}" if office and name else issuer


def name_of(entry: LegalBasis, settings: Project | None = None) -> str:
    """``Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah``.

    With the project's ``settings``, a Peraturan or Keputusan of the head of the project's own region names the
    office as ``ejaan_jabatan`` spells it (``Peraturan Walikota Parepare ...``); of any other region, as UU
    23/2014 writes it (``Wali Kota``), since rancang does not know that region's spelling."""
    kind = entry.kind
    if kind is LegalKind.UUD:
        return f"Undang-Undang Dasar Negara Republik Indonesia Tahun {entry.year}"
    issuer = entry.issuer or ""
    heads = {
        LegalKind.UU: "Undang-Undang",
        LegalKind.PERPPU: "Peraturan Pemerintah Pengganti Undang-Undang",
        LegalKind.PP: "Peraturan Pemerintah",
        LegalKind.PERPRES: "Peraturan Presiden",
        LegalKind.PERMEN: f"Peraturan Menteri {issuer}",
        LegalKind.PERBAN: f"Peraturan {issuer}",
        LegalKind.PERDA_PROVINSI: f"Peraturan Daerah {issuer}",
        LegalKind.PERDA: f"Peraturan Daerah {issuer}",
        LegalKind.PERGUB: f"Peraturan {_office(issuer, settings)}",
        LegalKind.PERKADA: f"Peraturan {_office(issuer, settings)}",
        LegalKind.KEPKADA: f"Keputusan {_office(issuer, settings)}",
    }
    return f"{heads[kind]} Nomor {entry.number} Tahun {entry.year} tentang {entry.title}"


def publication_of(entry: LegalBasis) -> str | None:
    """The bracketed promulgation data, without brackets; None when unknown."""
    gazette = entry.gazette
    if gazette is None:
        return None
    kind = entry.kind
    if kind in _NATIONAL_GAZETTE:
        text = f"Lembaran Negara Republik Indonesia Tahun {gazette.year} Nomor {gazette.number}"
        if entry.supplement:
            text += f", Tambahan Lembaran Negara Republik Indonesia Nomor {entry.supplement}"
        return text
    if kind in _STATE_BULLETIN:
        return f"Berita Negara Republik Indonesia Tahun {gazette.year} Nomor {gazette.number}"
    if kind in _REGIONAL_GAZETTE:
        text = f"Lembaran Daerah {entry.issuer} Tahun {gazette.year} Nomor {gazette.number}"
        if entry.supplement:
            text += f", Tambahan Lembaran Daerah {entry.issuer} Nomor {entry.supplement}"
        return text
    if kind in _REGIONAL_BULLETIN:
        return f"Berita Daerah {entry.issuer} Tahun {gazette.year} Nomor {gazette.number}"
    return None


def _with_publication(entry: LegalBasis, settings: Project | None = None) -> str:
    publication = publication_of(entry)
    name = name_of(entry, settings)
    return f"{name} ({publication})" if publication else name


def cite(entry: LegalBasis, catalogue: Mapping[str, LegalBasis], article: str | None = None,
         settings: Project | None = None) -> str:
    """The full citation, without the final ``;`` (the list renderer adds it).

    Pass the project's ``settings`` wherever the citation is printed in the project's own words (Mengingat,
    revocation, amendment): the own region's Peraturan Kepala Daerah then follows ``ejaan_jabatan``
    (see :func:`name_of`)."""
    if entry.kind is LegalKind.UUD:
        text = name_of(entry)
        return f"{article} {text}" if article else text
    text = _with_publication(entry, settings)
    if article:
        text = f"{article} {text}"
    amendments = [catalogue[i] for i in entry.amended_by if i in catalogue]
    if len(amendments) == 1:
        text += f" sebagaimana telah diubah dengan {_with_publication(amendments[0], settings)}"
    elif len(amendments) > 1:
        comma = "," if settings is None or settings.documents.amendments.comma_last else ""
        text += (f" sebagaimana telah beberapa kali diubah{comma} terakhir dengan "
                 f"{_with_publication(amendments[-1], settings)}")
    return text
