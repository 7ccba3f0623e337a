"""Phrase rules L583-L589 (wrong and right, false-alarm guards) and the office spelling of generated citations."""

from __future__ import annotations

import textwrap

import pytest

from docx_reading import texts
from rancang.check import check_project
from rancang.documents import regulation_docx
from rancang.language.citation import cite
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.models.catalogue import LegalCatalogue
from rancang.models.project import Project


# -- generated citations of a Peraturan Kepala Daerah follow ejaan_jabatan ---------------------------------

_PERWALI = """
    - id: perwali-7-2019
      jenis: Perkada
      pembentuk: Kota Parepare
      nomor: 7
      tahun: 2019
      tentang: Inovasi Daerah
      lembaran: {tahun: 2019, nomor: 7}
      terkonfirmasi: true
"""


def _checked(tmp_path, monkeypatch, spelling: str):
    root = write_project(tmp_path, Example("regulasi", "ketentuan_penutup: {mencabut: [perwali-7-2019]}"))
    (root / "kb/dasar-hukum.yaml").write_text((root / "kb/dasar-hukum.yaml").read_text(encoding="utf-8")
                                              + textwrap.dedent(_PERWALI), encoding="utf-8")
    settings = root / "rancang.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"ejaan_jabatan: {spelling}\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root, check_project(root)


@pytest.mark.parametrize("spelling", ["Walikota", "Wali Kota"])
def test_the_revocation_article_names_the_own_perkada_as_ejaan_jabatan_spells_it(tmp_path, monkeypatch, spelling):
    root, checked = _checked(tmp_path, monkeypatch, spelling)
    # (the base's hand-written 'Wali Kota' is L580 advice in a Walikota project; the draft is built regardless)
    assert not [d for d in checked.report.errors if d.code != "L580"], [d.format() for d in checked.report.sorted()]
    lines = texts(regulation_docx(root, checked, "contoh"))
    revocation = [line for line in lines if "dicabut dan dinyatakan tidak berlaku" in line]
    assert revocation == [
        f"Pada saat Peraturan {spelling} ini mulai berlaku, Peraturan {spelling} Parepare Nomor 7 Tahun 2019 "
        f"tentang Inovasi Daerah (Berita Daerah Kota Parepare Tahun 2019 Nomor 7) dicabut dan dinyatakan tidak "
        f"berlaku."]
    other = "Wali Kota" if spelling == "Walikota" else "Walikota"
    assert not any(f"Peraturan {other}" in line for line in lines)


CATALOGUE = {e.id: e for e in LegalCatalogue.model_validate([
    {"id": "perwali-1-2020", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 1, "tahun": 2020,
     "tentang": "Contoh", "lembaran": {"tahun": 2020, "nomor": 1}, "diubah_dengan": ["perwali-2-2021"], "terkonfirmasi": True},
    {"id": "perwali-2-2021", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 2, "tahun": 2021,
     "tentang": "Perubahan atas Peraturan Walikota Nomor 1 Tahun 2020 tentang Contoh",
     "lembaran": {"tahun": 2021, "nomor": 2}, "terkonfirmasi": True},
    {"id": "kepwali-makassar", "jenis": "Keputusan Kepala Daerah", "pembentuk": "Kota Makassar", "nomor": 3,
     "tahun": 2021, "tentang": "Contoh", "lembaran": {"tahun": 2021, "nomor": 3}, "terkonfirmasi": True},
]).root}
WALIKOTA = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                                   "ejaan_jabatan": "Walikota"})


def test_cite_spells_the_own_office_with_the_settings_and_its_amendment_too():
    text = cite(CATALOGUE["perwali-1-2020"], CATALOGUE, settings=WALIKOTA)
    assert text.startswith("Peraturan Walikota Parepare Nomor 1 Tahun 2020 tentang Contoh")
    assert "sebagaimana telah diubah dengan Peraturan Walikota Parepare Nomor 2 Tahun 2021" in text
    assert "Wali Kota" not in text
    # without settings (and for another region, whose spelling rancang does not know): the form of UU 23/2014
    assert cite(CATALOGUE["perwali-1-2020"], CATALOGUE).startswith("Peraturan Wali Kota Parepare Nomor 1")
    assert cite(CATALOGUE["kepwali-makassar"], CATALOGUE, settings=WALIKOTA).startswith(
        "Keputusan Wali Kota Makassar Nomor 3")
