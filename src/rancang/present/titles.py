"""The names of regulations as a reader sees them: the one place they are composed.

A regulation of the project is named from the region's settings and its own fields:

* a draft (no number yet): ``Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah``;
* an enacted one: ``Peraturan Wali Kota Parepare Nomor 5 Tahun 2021 tentang Inovasi Daerah``, as
  :func:`rancang.language.citation.name_of` names a regulation of the catalogue.

Every output that shows such a name (the list of regulations, the regulation's page, a profile's legal basis,
the brief) calls :func:`regulation_title`. The words inside a regulation itself (its heading in capitals, the
last "Menimbang" formula) belong to the drafting engine, which writes the legal text.
"""

from __future__ import annotations

from rancang.models.project import Project
from rancang.models.regulation import Regulation

DRAFT = "Rancangan"


def regulation_kind(settings: Project) -> str:
    """``Peraturan Wali Kota Parepare`` or ``Peraturan Bupati Pangkajene dan Kepulauan``."""
    return f"Peraturan {settings.office_title}"


def regulation_title(settings: Project, regulation: Regulation) -> str:
    """The full name of a regulation of the project (see the module's docstring)."""
    if regulation.is_draft:
        return f"{DRAFT} {regulation_kind(settings)} tentang {regulation.title}"
    return f"{regulation_kind(settings)} Nomor {regulation.number} Tahun {regulation.year} tentang {regulation.title}"
