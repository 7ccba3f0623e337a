"""The words that depend on a regulation's kind: what the regulation calls itself, where it is promulgated.

A Peraturan Wali Kota or Peraturan Bupati (Perkada) is named after the head of region and promulgated in the
Berita Daerah; a Peraturan Daerah (Perda) is made with the DPRD, says "Peraturan Daerah ini", and is
promulgated in the Lembaran Daerah, its Penjelasan in the Tambahan Lembaran Daerah (domain notes,
legal-products §2). The region's own words (``Wali Kota``, ``Kota Parepare``) come from the settings
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


def kind_words(settings: Project, kind: RegulationKind | None) -> KindWords:
    """The words of a regulation of ``kind`` (None: the region's Perkada) in the region of ``settings``."""
    region = settings.region_full_name
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
    :func:`rancang.present.titles.regulation_title` names the project's regulations with it; the consolidated
    text names its amendments with it."""
    numbered = f" Nomor {number} Tahun {year}" if number is not None else ""
    name = f"{kind_name}{numbered} tentang {about}"
    return f"{DRAFT} {name}" if draft else name

