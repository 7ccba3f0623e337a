"""IID readiness on the site, as a reader finds it in the built HTML: the page ``kb/kesiapan-iid`` (the estimate
labelled "perkiraan, bukan nilai resmi BSKDN", the chart of evidence per SID indicator with its data table, the
SPD table, every innovation) and the "Kesiapan IID" section of each profile page.

Two projects: the bundled example (Kota Parepare: no evidence is known, so no predicate, and the page says what
is missing) and the synthetic complete region of ``tests/iid_region.py`` (every indicator with evidence: index
71,73, Sangat Inovatif, as that module works out by hand).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from html_reading import visible_text

from iid_region import complete_region, innovation_id
from rancang.assessment.catalogue import ESTIMATE_LABEL, load_catalogue
from support import build_site_of

LABEL = "perkiraan, bukan nilai resmi BSKDN"

CATALOGUE = load_catalogue(2026)


def read(site: Path, docname: str) -> str:
    return (site / f"{docname}.html").read_text(encoding="utf-8")


def text_of(page: str) -> str:
    return " ".join(visible_text(page).split())


def table(page: str, css_class: str) -> list[list[str]]:
    found = re.search(rf'<table class="{css_class}\b.*?</table>', page, re.S)
    assert found, css_class
    rows = []
    for row in re.findall(r"<tr\b.*?</tr>", found.group(0), re.S):
        cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S)
        rows.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells])
    return rows


def bars(page: str) -> dict[str, int]:
    """The chart's bars: label -> value, as the SVG draws them."""
    svg = re.search(r'<svg\b[^>]*data-grafik="kesiapan-sid".*?</svg>', page, re.S)
    assert svg, "tidak ada grafik kesiapan"
    return {html.unescape(label): int(value) for label, value in
            re.findall(r'data-label="([^"]*)" data-nilai="(\d+)"', svg.group(0))}


def section(page: str, anchor: str) -> str:
    found = re.search(rf'<section\b[^>]*\bid="{anchor}"[^>]*>.*?</section>', page, re.S)
    assert found, anchor
    return found.group(0)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = complete_region(tmp_path_factory.mktemp("iid-situs"))
    out, _warnings = build_site_of(root, documents=False)
    return out


def test_the_label_is_the_assessment_packages():
    assert ESTIMATE_LABEL == LABEL


# -- the example: nothing known, nothing guessed -----------------------------------------------------------------


def test_the_example_gives_no_predicate_and_says_what_is_missing(example_build):
    page = read(example_build.site, "kb/kesiapan-iid")
    text = text_of(page)
    estimate = re.search(r'<section class="rancang-perkiraan-iid".*?</section>', page, re.S).group(0)
    shown = text_of(estimate)
    assert shown.startswith(f"Perkiraan nilai indeks {LABEL} Predikat belum dapat diperkirakan.")
    assert "predikat perkiraan" not in shown
    for line in ("bukti indikator wajib pemerintah daerah (SPD) belum lengkap di kb/iid.yaml: visi-misi",
                 "inovasi 'call-center-112' belum memiliki bukti indikator wajib: regulasi, sdm, kecepatan, "
                 "kemanfaatan, video",
                 "inovasi 'berdaya-srikandi-oleh-srikandi' belum memiliki bukti indikator wajib"):
        assert line in shown, line
    assert table(estimate, "rancang-perkiraan-rincian") == [
        ["Skor pemerintah daerah (SPD)", "0 dari 63"],
        ["Skor indikator inovasi (SID)", "0 dari 111 (jumlah skor 0 dibagi 14)"],
        ["Skor jumlah inovasi", "0 dari 76 (6 inovasi dihitung)"],
        ["Skor total", "0 dari 250"],
    ]
    assert f"Rincian perkiraan ({LABEL})" in shown
    # the chart: every SID indicator, none with evidence; its data table says the same
    drawn = bars(page)
    assert list(drawn) == [i.label + (" (wajib)" if i.mandatory else "") for i in CATALOGUE.sid]
    assert set(drawn.values()) == {0}
    rows = table(page, "rancang-grafik-tabel")
    assert rows[0] == ["Indikator", "Jumlah inovasi"] and len(rows) == 1 + len(CATALOGUE.sid)
    assert "Dari 6 profil inovasi." in text
    # the SPD table and the innovations
    spd = table(page, "rancang-iid-spd")
    assert len(spd) == 1 + len(CATALOGUE.spd)
    assert spd[0] == ["Indikator", "Wajib", "Status", "Tingkat", f"Skor ({LABEL})", "Bukti"]
    assert all(row[2] == "Belum ada bukti" and row[4].startswith("0 dari") for row in spd[1:])
    assert f"Bukti ada untuk 0 dari {len(CATALOGUE.spd)} indikator; skor SPD perkiraan 0 dari 63 ({LABEL})" in text
    innovations = table(page, "rancang-iid-inovasi")
    assert [row[0] for row in innovations[1:]] == [
        "Berdaya Srikandi oleh Srikandi", "Call Center 112", "Call Nak Center", "Direktori Inovasi",
        "Kantong Kreatif", "Workshop Champion of Innovation"]
    assert innovations[0] == ["Inovasi", "Indikator dengan bukti", "Indikator wajib tanpa bukti",
                              "Isian formulir yang belum lengkap", f"Skor SID ({LABEL})"]
    assert all(row[1] == "0 dari 20" and row[4] == "0 dari 111" for row in innovations[1:])
    assert '<a href="inovasi/call-center-112.html">Call Center 112</a>' in page


def test_each_example_profile_lists_what_it_lacks(example_build):
    page = read(example_build.site, "kb/inovasi/call-center-112")
    part = text_of(section(page, "kesiapan-iid"))
    assert "tercatat di profil ini: 0 dari 20 indikator" in part
    assert f"Skor SID perkiraan: 0 dari 111 ({LABEL})." in part
    assert "Belum ada bukti (20): 16. Regulasi inovasi daerah (wajib), 17." in part
    assert "35. Video inovasi daerah (wajib)." in part
    assert "Sudah ada bukti" not in part
    assert "Isian formulir IID yang belum lengkap: Inisiator inovasi;" in part
    # the section comes before the sources, which end the page
    assert page.index('id="kesiapan-iid"') < page.index('id="sumber"')


def test_the_readiness_section_is_not_searched(example_build):
    """Every profile names the same twenty indicators: a query for one of them must not find every profile."""
    from search_reading import pages_with

    profiles = {url for url in pages_with(example_build.site, "video inovasi daerah") if "/inovasi/" in url}
    assert profiles == set()
    assert "kb/inovasi/call-center-112.html" in pages_with(example_build.site, "panggilan darurat")


# -- the synthetic complete region -------------------------------------------------------------------------------


def test_the_complete_region_gets_its_estimate_and_predicate(full: Path):
    page = read(full, "kb/kesiapan-iid")
    estimate = re.search(r'<section class="rancang-perkiraan-iid".*?</section>', page, re.S).group(0)
    shown = text_of(estimate)
    assert shown.startswith(f"Perkiraan nilai indeks {LABEL} 71,73 dari 100, predikat perkiraan Sangat Inovatif "
                            f"({LABEL})")
    assert table(estimate, "rancang-perkiraan-rincian") == [
        ["Skor pemerintah daerah (SPD)", "63 dari 63"],
        ["Skor indikator inovasi (SID)", "111 dari 111 (jumlah skor 1.554 dibagi 14)"],
        ["Skor jumlah inovasi", "5,32 dari 76 (14 inovasi dihitung)"],
        ["Skor total", "179,32 dari 250"],
    ]
    assert "Predikat belum dapat diperkirakan" not in shown
    # what is not confirmed is said, with its confidence
    assert "Angka yang belum pasti dalam perkiraan ini" in shown
    assert "batas predikat Sangat Inovatif ≥ 65,01" in shown


def test_the_chart_counts_the_innovations_with_evidence(full: Path):
    page = read(full, "kb/kesiapan-iid")
    assert set(bars(page).values()) == {14} and len(bars(page)) == len(CATALOGUE.sid)
    rows = table(page, "rancang-grafik-tabel")
    assert rows[1] == ["16. Regulasi inovasi daerah (wajib)", "14"]
    spd = table(page, "rancang-iid-spd")
    assert all(row[2] == "Ada bukti" and row[3] == "3" for row in spd[1:])
    assert spd[1][:5] == ["1. Visi dan misi inovasi kepala daerah", "wajib", "Ada bukti", "3", "3 dari 3"]
    assert spd[1][5].startswith("tingkat 3, berkas kb/bukti/")
    innovations = table(page, "rancang-iid-inovasi")
    assert len(innovations) == 1 + 14
    assert innovations[1] == ["Inovasi Sintetis 01", "20 dari 20", "–", "–", "111 dari 111"]
    assert f'<a href="inovasi/{innovation_id(1)}.html">Inovasi Sintetis 01</a>' in page


def test_a_complete_profile_lists_its_evidence(full: Path):
    part = text_of(section(read(full, f"kb/inovasi/{innovation_id(1)}"), "kesiapan-iid"))
    assert "tercatat di profil ini: 20 dari 20 indikator" in part
    assert f"Skor SID perkiraan: 111 dari 111 ({LABEL})." in part
    assert "Sudah ada bukti (20): 16. Regulasi inovasi daerah (wajib): tingkat 3, berkas " \
           f"kb/bukti/{innovation_id(1)}/regulasi.pdf: Dokumen sintetis untuk pengujian (16)." in part
    assert "tautan https://example.org/video-sintetis/" in part
    assert "Belum ada bukti" not in part and "Isian formulir IID" not in part


def test_an_edited_level_renews_the_page(tmp_path: Path):
    root = complete_region(tmp_path, innovations=6, sid_level=3, spd_level=3)
    out, _ = build_site_of(root, documents=False)
    before = text_of(read(out, "kb/kesiapan-iid"))
    profile = root / "kb" / "inovasi" / f"{innovation_id(2)}.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("tingkat: 3", "tingkat: 1"), encoding="utf-8")
    out, _ = build_site_of(root, documents=False)
    after = read(out, "kb/kesiapan-iid")
    assert text_of(after) != before
    row = next(row for row in table(after, "rancang-iid-inovasi") if row[0] == "Inovasi Sintetis 02")
    assert row[4] == "37 dari 111"
    assert "Skor SID perkiraan: 37 dari 111" in text_of(read(out, f"kb/inovasi/{innovation_id(2)}"))
