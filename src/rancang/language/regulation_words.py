"""The words that depend on a regulation's kind: what the regulation calls itself, where it is promulgated.

A Peraturan Wali Kota or Peraturan Bupati (Perkada) is named after the head of region and promulgated in the
Berita Daerah; a Peraturan Daerah (Perda) is made with the DPRD, says "Peraturan Daerah ini", and is
promulgated in the Lembaran Daerah, its Penjelasan in the Tambahan Lembaran Daerah (domain notes,
legal-products §2). A Keputusan Wali Kota or Keputusan Bupati is named after the head of region too, says
"Keputusan Wali Kota ini", and is not promulgated at all (legal-products §1). The region's own words (``Wali Kota``, ``Kota Parepare``) come from the settings
(:class:`rancang.models.project.Project`); this module only chooses between them by kind, once, for the
drafting engine and the presentation layer alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from rancang.models.project import Project
from rancang.models.regulation import RegulationKind


@dataclass(frozen=True)
class KindWords:
    """The names of one kind of regulation in one region."""

    regional: bool
    """A Peraturan Daerah."""
    name: str
    """``Peraturan Wali Kota``, ``Peraturan Bupati`` or ``Peraturan Daerah``: in "... ini", in the last
    konsiderans, in "Menetapkan" (in capitals)."""
    full_name: str
    """``Peraturan Wali Kota Parepare`` or ``Peraturan Daerah Kota Parepare``: the title, a lampiran's header."""
    gazette: str
    """``Berita Daerah Kota Parepare`` or ``Lembaran Daerah Kota Parepare``."""
    supplement: str
    """``Tambahan Berita Daerah Kota Parepare`` or ``Tambahan Lembaran Daerah Kota Parepare``: where a
    Penjelasan is promulgated."""
    making: str = "menetapkan"
    """The verb of the last konsiderans: a Perda, made jointly with the DPRD, is *dibentuk* ("perlu membentuk
    Peraturan Daerah tentang ...", Lampiran II's usage for jointly made acts); a Perkada is *ditetapkan*."""
    decree: bool = False
    """A Keputusan Wali Kota/Bupati: not promulgated (``gazette`` and ``supplement`` are empty)."""


def kind_words(settings: Project, kind: RegulationKind | None) -> KindWords:
    """The words of a regulation of ``kind`` (None: the region's Perkada) in the region of ``settings``."""
    region = settings.region_full_name
    if kind is not None and kind.is_decree:
        name = f"Keputusan {settings.head_office}"
        return KindWords(False, name, f"Keputusan {settings.office_title}", "", "", "menetapkan", decree=True)
    if kind is RegulationKind.REGIONAL:
        return KindWords(True, "Peraturan Daerah", f"Peraturan Daerah {region}", f"Lembaran Daerah {region}",
                         f"Tambahan Lembaran Daerah {region}", "membentuk")
    return KindWords(False, settings.regulation_name, f"Peraturan {settings.office_title}", settings.gazette_name,
                     f"Tambahan {settings.gazette_name}")


DRAFT = "Rancangan"
"""The word before the name of a regulation not enacted yet."""


def regulation_name(kind_name: str, number: str | int | None, year: int | None, about: str, *, draft: bool) -> str:
    """The name of a regulation of the project in running text, the one place it is composed:
    ``Peraturan Wali Kota Parepare Nomor 5 Tahun 2021 tentang Inovasi Daerah``; a draft:
    ``Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah`` (with its number when one is given
    already). ``about`` is the subject (an amendment's: ``Perubahan atas Peraturan ... tentang ...``).
    A Keputusan's number is text as printed, its year in it when the region's pattern has one
    (``100.3.3.2/25/Bappeda/2026``): a text ``number`` is written alone, ``Keputusan Wali Kota Parepare Nomor
    <number> tentang ...``.
    :func:`rancang.present.titles.regulation_title` names the project's regulations with it; the consolidated
    text names its amendments with it."""
    if isinstance(number, str):
        numbered = f" Nomor {number}"
    else:
        numbered = f" Nomor {number} Tahun {year}" if number is not None else ""
    name = f"{kind_name}{numbered} tentang {about}"
    return f"{DRAFT} {name}" if draft else name

