"""Catalogue data that cannot be right (L516-L519), on the bundled catalogues and on copies with one error
each: the finding points at the wrong key, and one typo gives one finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.check import check_project
from support import REPO, copy_example

CODES = ("L516", "L517", "L518", "L519")


def catalogue_findings(root: Path) -> list:
    return [d for d in check_project(root).report.sorted() if d.code in CODES]


@pytest.fixture
def project(tmp_path):
    return copy_example(tmp_path / "proyek", ("rancang.yaml", "kb", "regulations", "templates"))


def edit(root: Path, old: str, new: str) -> Path:
    path = root / "kb" / "dasar-hukum.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("example", [REPO, REPO / "examples" / "pangkep"], ids=["parepare", "pangkep"])
def test_the_bundled_catalogues_are_consistent(example, tmp_path):
    assert [d.format() for d in catalogue_findings(example)] == []


def test_gazette_of_a_year_before_the_act(project):
    path = edit(project, "lembaran: {tahun: 2017, nomor: 206}", "lembaran: {tahun: 2016, nomor: 206}")
    [found] = catalogue_findings(project)
    assert found.code == "L516" and "pp-38-2017" in found.message and "2016" in found.message
    assert found.location.line == line_of(path, "tahun: 2016, nomor: 206")


def test_promulgation_date_in_another_year_than_the_gazette(project):
    path = edit(project, "  lembaran: {tahun: 2017, nomor: 206}",
                "  diundangkan: 2018-09-19\n  lembaran: {tahun: 2017, nomor: 206}")
    [found] = catalogue_findings(project)
    assert found.code == "L516" and "diundangkan pada 2018" in found.message
    assert found.location.line == line_of(path, "tahun: 2017, nomor: 206")


def test_promulgated_before_the_act_year(project):
    path = edit(project, "  lembaran: {tahun: 2017, nomor: 206}",
                "  diundangkan: 2016-09-19\n  lembaran: {tahun: 2017, nomor: 206}")
    [found] = catalogue_findings(project)
    assert found.code == "L516" and found.location.line == line_of(path, "diundangkan: 2016")


def test_a_year_later_promulgation_is_not_wrong(project):
    """Enacted in late December, promulgated in January: the catalogue's Permendagri 120/2018 in BN 2019."""
    edit(project, "lembaran: {tahun: 2017, nomor: 206}", "lembaran: {tahun: 2018, nomor: 206}")
    assert [d.code for d in catalogue_findings(project)] == []


def test_amendment_title_with_another_year(project):
    path = edit(project, "Perubahan atas Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan",
                "Perubahan atas Undang-Undang Nomor 12 Tahun 2012 tentang Pembentukan")
    [found] = catalogue_findings(project)
    assert found.code == "L517" and "uu-15-2019" in found.message and "Nomor 12 Tahun 2012" in found.message
    line = line_of(path, "Undang-Undang Nomor 12 Tahun 2012")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("Nomor 12 Tahun 2012") + 1
    assert (found.location.line, found.location.column) == (line, column)  # the words, not the '>-' 


def test_amendment_title_with_another_number_in_a_nested_title(project):
    """A Perppu made law: the amended act is named inside the title, after the Perppu's own number."""
    path = edit(project, "tentang Perubahan atas\n    Undang-Undang Nomor 23 Tahun 2014",
                "tentang Perubahan atas\n    Undang-Undang Nomor 32 Tahun 2014")
    [found] = catalogue_findings(project)
    assert found.code == "L517" and "uu-2-2015" in found.message
    assert found.location.line == line_of(path, "Undang-Undang Nomor 32 Tahun 2014")


def test_titles_that_do_not_name_the_amended_act_are_not_checked(project):
    """'Cipta Kerja' amends UU 23/2014 without saying so in its title; so does the Perppu it became."""
    edit(project, "tentang: Cipta Kerja\n", "tentang: Cipta Kerja Tahap Kedua\n")
    assert catalogue_findings(project) == []


def test_amendments_out_of_order(project):
    path = edit(project, "    - uu-15-2019\n    - uu-13-2022\n", "    - uu-13-2022\n    - uu-15-2019\n")
    [found] = catalogue_findings(project)  # the years say it: the titles' ordinals are not reported again
    assert found.code == "L518" and "'uu-15-2019' ditulis sesudah 'uu-13-2022'" in found.message
    assert found.location.line == line_of(path, "    - uu-15-2019")


def test_amendments_of_the_same_year_in_lembaran_order(project):
    path = edit(project, "    - uu-2-2015\n    - uu-9-2015\n", "    - uu-9-2015\n    - uu-2-2015\n")
    [found] = catalogue_findings(project)
    assert found.code == "L518" and found.location.line == line_of(path, "    - uu-2-2015")


def test_amendment_ordinals_when_the_dates_cannot_tell(project):
    (project / "kb" / "dasar-hukum.yaml").write_text("""\
- id: perda-a-1-2019
  jenis: Perda
  pembentuk: Kota Contoh
  nomor: 1
  tahun: 2019
  tentang: Retribusi
  diubah_dengan: [perda-a-5-2021, perda-a-2-2021]
  terkonfirmasi: false
- id: perda-a-2-2021
  jenis: Perda
  pembentuk: Kota Contoh
  nomor: 2
  tahun: 2021
  tentang: Perubahan atas Peraturan Daerah Kota Contoh Nomor 1 Tahun 2019 tentang Retribusi
  terkonfirmasi: false
- id: perda-a-5-2021
  jenis: Perda
  pembentuk: Kota Contoh
  nomor: 5
  tahun: 2021
  tentang: Perubahan Kedua atas Peraturan Daerah Kota Contoh Nomor 1 Tahun 2019 tentang Retribusi
  terkonfirmasi: false
""", encoding="utf-8")
    found = [d for d in catalogue_findings(project) if d.location.path.endswith("dasar-hukum.yaml")]
    assert [d.code for d in found] == ["L518"]
    assert "perubahan ke-1" in found[0].message and "'perda-a-2-2021'" in found[0].message


def test_amendment_older_than_the_amended_act(project):
    path = edit(project, "  tahun: 2019\n  tentang: >-\n    Perubahan atas Undang-Undang Nomor 12",
                "  tahun: 2010\n  tentang: >-\n    Perubahan atas Undang-Undang Nomor 12")
    found = catalogue_findings(project)
    assert "L518" in [d.code for d in found]
    older = next(d for d in found if d.code == "L518" and "lebih tua" in d.message)
    assert older.location.line == line_of(path, "    - uu-15-2019")


def test_one_mistyped_supplement_is_one_finding(project):
    """TLN 5579 for 2015 is below 2014's 5587 and below the TLN of an earlier Lembaran of 2015."""
    path = edit(project, "tambahan: 5679", "tambahan: 5579")
    [found] = catalogue_findings(project)
    assert found.code == "L519" and found.message.startswith("'uu-9-2015'")
    assert "bertentangan juga dengan 1 entri lain" in found.message
    assert found.location.line == line_of(path, "tambahan: 5579")


def test_two_acts_in_one_lembaran(project):
    path = edit(project, "lembaran: {tahun: 2015, nomor: 58}", "lembaran: {tahun: 2015, nomor: 24}")
    [found] = catalogue_findings(project)
    assert found.code == "L519" and "keduanya Lembaran Negara Tahun 2015 Nomor 24" in found.message
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "{tahun: 2015, nomor: 24}" in line]
    assert len(lines) == 2 and found.location.line in lines


def test_lembaran_daerah_of_two_regions_are_separate_series(project):
    edit(project, "- id: permendagri-104-2018", """- id: perda-a-1-2019
  jenis: Perda
  pembentuk: Kota Contoh
  nomor: 1
  tahun: 2019
  tentang: Retribusi
  lembaran: {tahun: 2019, nomor: 1}
  terkonfirmasi: false

- id: perda-b-1-2019
  jenis: Perda
  pembentuk: Kabupaten Contoh
  nomor: 1
  tahun: 2019
  tentang: Retribusi
  lembaran: {tahun: 2019, nomor: 1}
  terkonfirmasi: false

- id: permendagri-104-2018""")
    assert catalogue_findings(project) == []
