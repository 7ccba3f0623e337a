"""The FRBR URI scheme of Indonesian regional legislation (rancang.language.akn_uri; docs/akn.md)."""

from __future__ import annotations

import datetime as dt

from rancang.language.akn_uri import catalogue_uri, locality, regulation_uri, slug
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan",
                                             "kode": "73.72"}})
TODAY = dt.date(2026, 1, 15)


def entry(**values) -> LegalBasis:
    return LegalBasis.model_validate({"id": "x", "terkonfirmasi": True, **values})


def regulation(**values) -> Regulation:
    return Regulation.model_validate({"tentang": "Inovasi Daerah", "menimbang": ["bahwa a"], "mengingat": ["uu"],
                                      "batang_tubuh": [{"teks": "Teks."}], **values})


def test_locality_and_slug() -> None:
    assert locality("73.72") == "7372"
    assert slug("100.3.3.2/252/2025") == "100.3.3.2-252-2025"
    assert slug(" Dalam Negeri ") == "dalam-negeri"


def test_catalogue_acts() -> None:
    assert catalogue_uri(entry(jenis="UU", nomor=23, tahun=2014, tentang="Pemerintahan Daerah"), SETTINGS) == \
        "/akn/id/act/uu/2014/23"
    assert catalogue_uri(entry(jenis="Permen", nomor=104, tahun=2018, tentang="X", pembentuk="Dalam Negeri"),
                         SETTINGS) == "/akn/id/act/permen/dalam-negeri/2018/104"
    assert catalogue_uri(entry(jenis="UUD", tahun=1945), SETTINGS) is None  # no number
    assert catalogue_uri(entry(jenis="Perda", nomor=3, tahun=2020, tentang="X", pembentuk="Kota Parepare"),
                         SETTINGS) == "/akn/id-7372/act/perda/2020/3"
    assert catalogue_uri(entry(jenis="Perkada", nomor=9, tahun=2022, tentang="X", pembentuk="Kota Parepare"),
                         SETTINGS) == "/akn/id-7372/act/perwali/2022/9"
    assert catalogue_uri(entry(jenis="Pergub", nomor=1, tahun=2021, tentang="X",
                               pembentuk="Provinsi Sulawesi Selatan"), SETTINGS) == "/akn/id-73/act/pergub/2021/1"
    # another region's act: its code is not known here
    assert catalogue_uri(entry(jenis="Perda", nomor=3, tahun=2020, tentang="X", pembentuk="Kota Makassar"),
                         SETTINGS) is None


def test_regulations_of_the_region() -> None:
    enacted = regulation_uri(SETTINGS, regulation(nomor=12, tahun=2025, penetapan={"tanggal": "2025-03-01"}),
                             "perwali-x", TODAY)
    assert enacted is not None
    assert enacted.work == "/akn/id-7372/act/perwali/2025/12"
    assert enacted.expression == "/akn/id-7372/act/perwali/2025/12/ind@2025-03-01"
    assert enacted.manifestation == enacted.expression + ".xml"
    draft = regulation_uri(SETTINGS, regulation(jenis="peraturan_daerah"), "raperda-x", TODAY)
    assert draft is not None and draft.work == "/akn/id-7372/bill/perda/2026/raperda-x"
    assert draft.date == TODAY and draft.date_name == "rancangan"
    no_code = SETTINGS.model_copy(update={"region": SETTINGS.region.model_copy(update={"code": None})})
    assert regulation_uri(no_code, regulation(), "x", TODAY) is None
