"""rancang.yaml: region-dependent words, and adoption by a kabupaten."""

import textwrap
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.models.project import Project


def settings(**region) -> Project:
    data = {"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan", **region}}
    return Project.model_validate(data)


def test_city_words():
    p = settings()
    assert (p.head_office, p.head_title, p.regulation_name) == ("Wali Kota", "Wali Kota Parepare", "Peraturan Wali Kota")
    assert (p.region_full_name, p.secretary_title, p.gazette_name) == (
        "Kota Parepare", "Sekretaris Daerah Kota Parepare", "Berita Daerah Kota Parepare")
    assert p.site_title == "Direktori Inovasi Kota Parepare"


def test_one_word_spelling_is_a_setting():
    p = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Kendari", "provinsi": "Sulawesi Tenggara"},
                                "ejaan_jabatan": "Walikota"})
    assert (p.head_title, p.regulation_name) == ("Walikota Kendari", "Peraturan Walikota")


def test_regency_words():
    p = settings(jenis="kabupaten", nama="Pangkajene dan Kepulauan")
    assert (p.head_office, p.head_title, p.regulation_name) == (
        "Bupati", "Bupati Pangkajene dan Kepulauan", "Peraturan Bupati")
    assert p.gazette_name == "Berita Daerah Kabupaten Pangkajene dan Kepulauan"
    assert p.secretary_title == "Sekretaris Daerah Kabupaten Pangkajene dan Kepulauan"


def test_configured_titles_win():
    p = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"},
                                "kepala_daerah": {"nama": "Akbar Ali", "jabatan": "Penjabat Wali Kota Parepare"}})
    assert p.head_title == "Penjabat Wali Kota Parepare"


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


REGULATION = """
    jenis: {jenis}
    tentang: Inovasi Daerah
    menimbang:
      - bahwa untuk meningkatkan kinerja penyelenggaraan pemerintahan daerah perlu inovasi
    mengingat:
      - id: uud-1945
        pasal: Pasal 18 ayat (6)
    batang_tubuh:
      - teks: Bupati menetapkan inovasi daerah setiap tahun.
"""


@pytest.fixture
def regency(tmp_path: Path) -> Path:
    write(tmp_path, "rancang.yaml", """
        daerah:
          jenis: kabupaten
          nama: Pangkajene dan Kepulauan
          provinsi: Sulawesi Selatan
          ibu_kota: Pangkajene
        kepala_daerah:
          nama: Contoh Nama
        pemeriksaan:
          abaikan: [L6]   # the minimal profile below is not what this test is about
    """)
    write(tmp_path, "kb/dasar-hukum.yaml", """
        - id: uud-1945
          jenis: UUD
          tahun: 1945
          terkonfirmasi: true
    """)
    write(tmp_path, "kb/perangkat-daerah.yaml", """
        - id: bappeda
          nama: Badan Perencanaan Pembangunan Daerah
          singkatan: Bappeda
    """)
    write(tmp_path, "kb/inovasi/contoh.yaml", "nama: Contoh\nperangkat_daerah: bappeda\n")
    return tmp_path


def test_a_regency_project_checks_clean(regency):
    write(regency, "regulations/perbup-inovasi.yaml", REGULATION.format(jenis="peraturan_bupati"))
    checked = check_project(regency)
    data, report = checked.data, checked.report
    assert [d.format() for d in report.diagnostics] == []
    assert data.settings.regulation_name == "Peraturan Bupati"
    assert set(data.regulations) == {"perbup-inovasi"} and set(data.innovations) == {"contoh"}


def test_a_regency_cannot_issue_a_mayor_regulation(regency, monkeypatch):
    monkeypatch.chdir(regency)
    write(regency, "regulations/perbup-inovasi.yaml", REGULATION.format(jenis="peraturan_wali_kota"))
    checked = check_project(regency)
    _, report = checked.data, checked.report
    assert [d.format() for d in report.diagnostics] == [
        "regulations/perbup-inovasi.yaml:1:8: P403: Kabupaten Pangkajene dan Kepulauan menetapkan Peraturan "
        "Bupati, bukan peraturan wali kota (tulis jenis: peraturan_bupati atau hapus kunci jenis)"
    ]


def test_one_word_spelling_is_refused_for_a_regency(regency, monkeypatch):
    monkeypatch.chdir(regency)
    with (regency / "rancang.yaml").open("a", encoding="utf-8") as f:
        f.write("ejaan_jabatan: Walikota\n")
    checked = check_project(regency)
    _, report = checked.data, checked.report
    assert [(d.code, d.location.line, d.location.column) for d in report.diagnostics] == [("S206", 10, 16)]
    assert "ejaan_jabatan hanya berlaku untuk kota" in report.diagnostics[0].message
