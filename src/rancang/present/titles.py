"""The names of regulations as a reader sees them: the one place they are composed.

A regulation of the project is named from the region's settings and its own fields, its kind deciding
between the head's office and ``Peraturan Daerah``:

* a draft (not enacted): ``Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah`` -- with its number
  when one is given already: ``Rancangan Peraturan Daerah Kota Parepare Nomor 3 Tahun 2020 tentang ...``;
* an enacted one (number, year and date of enactment): ``Peraturan Wali Kota Parepare Nomor 5 Tahun 2021
  tentang Inovasi Daerah``, as :func:`rancang.language.citation.name_of` names a regulation of the catalogue.

Every output that shows such a name (the list of regulations, the regulation's page, a profile's legal basis,
the brief) calls :func:`regulation_title`. The words inside a regulation itself (its heading in capitals, the
last "Menimbang" formula) belong to the drafting engine, which writes the legal text.
"""

from __future__ import annotations

from rancang.drafting.consolidation import running_title
from rancang.language.regulation_words import kind_words, regulation_name
from rancang.models import ProjectData
from rancang.models.project import Project
from rancang.models.regulation import Regulation


def regulation_kind(settings: Project, regulation: Regulation | None = None) -> str:
    """``Peraturan Wali Kota Parepare``, ``Peraturan Bupati Pangkajene dan Kepulauan`` or, for a regulation of
    kind ``peraturan_daerah``, ``Peraturan Daerah Kota Parepare``."""
    return kind_words(settings, regulation.kind if regulation is not None else None).full_name


def regulation_title(settings: Project, regulation: Regulation, data: ProjectData | None = None) -> str:
    """The full name of a regulation of the project (see the module's docstring). Given the project ``data``, a
    whole-text amendment is named by what it is, ``... tentang Perubahan atas Peraturan Wali Kota ... Nomor 3
    Tahun 2024 tentang ...`` (its own ``tentang`` repeats the amended regulation's subject)."""
    about = regulation.title
    if data is not None and regulation.amends is not None:
        about = running_title(regulation, data)
    return regulation_name(regulation_kind(settings, regulation), regulation.number, regulation.year, about,
                           draft=regulation.is_draft)
