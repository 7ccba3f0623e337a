"""The knowledge-base site as a reader sees it, built from a copy of the bundled project.

Profiles show their facts, indicators, awards and sources; the regulation page
has its anchors, resolved references, heading lines and downloads; the case
study embeds the facts of its innovation from the knowledge base; every page
speaks Indonesian, escapes raw HTML written in a Markdown field and loads
nothing from another site.
"""

from __future__ import annotations

import html
import os
import pickle
import re
from pathlib import Path

import pytest

from html_reading import visible_text

from rancang.check import check_project
from rancang.present.innovation import InnovationView
from support import build_site_of, copy_example

COPIED = ("rancang.yaml", "kb", "regulations", "templates", "schemas")

SRIKANDI = "berdaya-srikandi-oleh-srikandi"
CASE_STUDY = "kb/studi-kasus/berdaya-srikandi"
REGULATION = "perwali-inovasi-daerah"

#: A record whose Markdown field holds raw HTML: it must be shown, never run.
UNSAFE_ID = "uji-html-mentah"
UNSAFE_RECORD = 'nama: Uji HTML Mentah\nringkasan: "**tebal** <script>alert(1)</script>"\n'

#: English interface strings of Sphinx and alabaster that must not reach a reader.
ENGLISH = (
    "Navigation", "Quick search", "Go", "Related Topics", "Search", "Search Results", "Searching",
    "Please activate JavaScript", "Powered by", "Created using", "Page source", "Show Source", "This Page",
    "Documentation overview", "Previous", "Next", "Link to this", "Permalink", "Main", "Fork me", "©",
)


# -- reading pages ---------------------------------------------------------------------


def rows(page: str, table_class: str) -> list[list[str]]:
    """The rows (cell texts) of every table with this class."""
    found = []
    for table in re.findall(rf'<table class="[^"]*\b{table_class}\b[^"]*".*?</table>', page, re.S):
        for row in re.findall(r"<tr\b.*?</tr>", table, re.S):
            cells = re.findall(r"<t[dh]\b.*?</t[dh]>", row, re.S)
            found.append([html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells])
    return found


def element(page: str, anchor: str) -> str:
    """The HTML of the element with this id, up to its closing tag (no nested tag of the same name)."""
    match = re.search(rf'<(\w+)\b[^>]*\bid="{re.escape(anchor)}"[^>]*>', page)
    assert match, f"tidak ada elemen id={anchor}"
    tag = match.group(1)
    depth, position = 1, match.end()
    for other in re.finditer(rf"<(/?){tag}\b[^>]*>", page[position:]):
        depth += -1 if other.group(1) else 1
        if depth == 0:
            return page[match.start():position + other.end()]
    raise AssertionError(f"elemen id={anchor} tidak ditutup")


# -- the site ----------------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    return copy_example(target, parts=COPIED)


def build(root: Path, warnings_are_errors: bool = True) -> tuple[Path, str]:
    return build_site_of(root, warnings_are_errors=warnings_are_errors)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("proyek"))
    (root / "kb" / "inovasi" / f"{UNSAFE_ID}.yaml").write_text(UNSAFE_RECORD, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    out, _warnings = build(project)
    return out


@pytest.fixture(scope="module")
def data(project: Path):
    return check_project(project).data


def read(site: Path, docname: str) -> str:
    return (site / f"{docname}.html").read_text(encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


# -- innovation profiles -----------------------------------------------------------------


def test_every_profile_shows_its_name_and_facts(site: Path, data) -> None:
    assert len(data.innovations) >= 6
    for record_id, innovation in data.innovations.items():
        page = read(site, f"kb/inovasi/{record_id}")
        assert innovation.name in visible_text(page), record_id
        expected = InnovationView(record_id, innovation, data).facts
        assert rows(page, "rancang-fakta") == [[fact.label, fact.value] for fact in expected], record_id


def test_srikandi_indicators_go_from_baseline_to_result(site: Path) -> None:
    table = rows(read(site, f"kb/inovasi/{SRIKANDI}"), "rancang-indikator")
    assert table[0] == ["Indikator", "Awal", "Hasil", "Perubahan"]
    active = next(row for row in table if row[0] == "Perempuan pesisir aktif")
    assert active[1:] == ["70 orang (2017)", "368 orang (2019), naik 426%", "naik 298 orang (426%)"]
    income = next(row for row in table if row[0] == "Rata-rata pendapatan")
    assert income[1].startswith("791.000 rupiah per bulan (2017)")
    assert income[2].startswith("1.900.000 rupiah per bulan (2019)")
    assert income[3] == "naik 1.109.000 rupiah per bulan (140%)"


def test_profiles_list_awards_and_linked_sources(site: Path, data) -> None:
    for record_id, innovation in data.innovations.items():
        page = read(site, f"kb/inovasi/{record_id}")
        text = visible_text(page)
        for award in innovation.awards:
            assert f"{award.year}: {award.name}" in text, (record_id, award.name)
        for source in innovation.sources:
            assert source.title in text, (record_id, source.title)
            if source.url:
                assert f'href="{html.escape(str(source.url))}"' in page, (record_id, source.url)
    srikandi = visible_text(read(site, f"kb/inovasi/{SRIKANDI}"))
    assert "2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)" in srikandi


def test_unverified_profile_is_flagged(site: Path) -> None:
    page = read(site, f"kb/inovasi/{SRIKANDI}")
    assert 'class="rancang-basi"' in page


def test_raw_html_in_a_markdown_field_is_escaped(site: Path) -> None:
    page = read(site, f"kb/inovasi/{UNSAFE_ID}")
    assert "&lt;script&gt;" in page
    assert "<strong>tebal</strong>" in page
    assert "<script>alert" not in page


# -- the regulation page ---------------------------------------------------------------


def test_regulation_page_has_anchors_links_and_heading(site: Path, project: Path) -> None:
    page = read(site, f"regulations/{REGULATION}")
    assert 'id="pasal-5"' in page
    # Pasal 10 refers to Pasal 9 ayat (3): the reference is a link to its anchor, which exists.
    assert 'href="#pasal-9-ayat-3"' in element(page, "pasal-10")
    assert 'id="pasal-9-ayat-3"' in page
    heading = re.findall(r'<p class="rancang-tengah">([^<]*)</p>', element(page, "peraturan"))
    for line in ("WALI KOTA PAREPARE", "RANCANGAN", "PERATURAN WALI KOTA PAREPARE", "TENTANG", "INOVASI DAERAH",
                 "DENGAN RAHMAT TUHAN YANG MAHA ESA", "MEMUTUSKAN:"):
        assert line in heading, line
    assert heading.index("TENTANG") < heading.index("INOVASI DAERAH") < heading.index("MEMUTUSKAN:")
    assert re.search(r'<p class="rancang-judul-pasal">Pasal 10</p>', page)


def test_regulation_page_offers_the_docx(site: Path, project: Path) -> None:
    assert (project / "_build" / "dokumen" / f"{REGULATION}.docx").is_file()
    page = read(site, f"regulations/{REGULATION}")
    link = f'href="../_unduhan/{REGULATION}.docx"'
    assert link in element(page, "peraturan")
    assert (site / "_unduhan" / f"{REGULATION}.docx").is_file()


# -- the case study ----------------------------------------------------------------------


def test_case_study_embeds_the_facts_from_the_knowledge_base(site: Path, data) -> None:
    page = read(site, CASE_STUDY)
    box = element(page, f"fakta-{SRIKANDI}")
    innovation = data.innovations[SRIKANDI]
    view = InnovationView(SRIKANDI, innovation, data)
    assert rows(box, "rancang-fakta") == [[fact.label, fact.value] for fact in view.facts]
    indicators = rows(box, "rancang-indikator")
    assert indicators[0] == ["Indikator", "Awal", "Hasil", "Perubahan"]
    assert indicators[1][:2] == ["Perempuan pesisir aktif", "70 orang (2017)"]
    assert indicators[1][2].startswith("368 orang (2019)")
    assert f'href="../inovasi/{SRIKANDI}.html"' in box
    # The prose stays; the numbers are not repeated by hand.
    text = visible_text(page)
    assert "srikandi" in text and "Catatan untuk replikasi" in text
    assert "426%" not in re.sub(r"<table.*?</table>", "", page, flags=re.S)


def test_case_studies_are_listed_and_known_to_the_environment(site: Path, project: Path) -> None:
    from rancang.site.casestudies import case_studies

    listing = read(site, "kb/studi-kasus/index")
    assert 'href="berdaya-srikandi.html"' in listing
    assert f'href="../inovasi/{SRIKANDI}.html"' in listing
    assert 'href="studi-kasus/berdaya-srikandi.html"' in read(site, "kb/index")
    with open(project / "_build" / ".doctrees" / "environment.pickle", "rb") as file:
        env = pickle.load(file)
    assert case_studies(env) == [(CASE_STUDY, "Studi Kasus: Berdaya Srikandi oleh Srikandi", [SRIKANDI])]


@pytest.mark.slow
def test_case_study_follows_its_record_and_names_the_closest_id(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    build(root)
    # The record changes: the case study that embeds it is rebuilt with the new number.
    record = root / "kb" / "inovasi" / f"{SRIKANDI}.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("nilai: 368,", "nilai: 369,"), encoding="utf-8")
    later = record.stat().st_mtime + 5
    os.utime(record, (later, later))
    out, _ = build(root)
    assert "369 orang (2019)" in element(read(out, CASE_STUDY), f"fakta-{SRIKANDI}")
    # A mistyped id is a warning that names the id that was probably meant.
    (root / "kb" / "studi-kasus" / "salah-ketik.md").write_text(
        "---\norphan: true\n---\n# Salah ketik\n\n```{rancang-fakta} berdaya-srikandi\n```\n", encoding="utf-8")
    _out, warnings = build(root, warnings_are_errors=False)
    assert "salah-ketik.md" in warnings
    assert "tidak ada profil inovasi 'berdaya-srikandi'" in warnings
    assert f"maksudnya '{SRIKANDI}'?" in warnings


# -- every page ---------------------------------------------------------------------------


def test_layout_has_the_navigation_bar_on_every_page(site: Path) -> None:
    for path in pages(site):
        page = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in page:  # index.html at the top only forwards to the home page
            continue
        nav = re.search(r'<nav class="rancang-nav".*?</nav>', page, re.S)
        assert nav, path
        labels = re.findall(r">([^<>]+)</a>", nav.group(0))
        assert labels == ["Beranda", "Galeri", "Ringkasan", "Replikasi", "Kesiapan IID", "Peraturan", "Kunjungan",
                          "Data terbuka", "Studi kasus"], path
    nav = re.search(r'<nav class="rancang-nav".*?</nav>', read(site, f"kb/inovasi/{SRIKANDI}"), re.S).group(0)
    for target in ("../index.html", "../galeri.html", "../ringkasan.html", "../replikasi.html", "../kesiapan-iid.html",
                   "../peraturan.html", "../data.html", "../studi-kasus/index.html"):
        assert f'href="{target}"' in nav, target
    assert re.search(r'href="../galeri.html" aria-current="page"', nav)


@pytest.mark.parametrize("word", ENGLISH)
def test_no_english_interface_strings(site: Path, word: str) -> None:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    found = [str(p.relative_to(site)) for p in pages(site) if pattern.search(visible_text(p.read_text("utf-8")))]
    assert not found, f"'{word}' masih tampil di {found}"


def test_search_messages_are_indonesian(site: Path) -> None:
    page = read(site, "search")
    text = visible_text(page)
    assert "Aktifkan JavaScript" in text and "Cari" in text and "Pencarian" in text
    assert "Tampilkan 10 hasil berikutnya" in page
    # rancang's search script, not Sphinx's (whose messages were English until translated)
    assert "rancang-cari.js" in page and "searchtools.js" not in page
    script = (site / "_static" / "rancang-cari.js").read_text(encoding="utf-8")
    for message in ("halaman memuat", "Tidak ada halaman yang memuat", "Indeks pencarian tidak dapat dimuat",
                    "terlalu umum untuk dicari", "Mencari"):
        assert message in script, message
    assert "Search Results" not in script and "No results" not in script


def test_nothing_is_loaded_from_another_site(site: Path) -> None:
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""")
    for path in pages(site):
        page = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page):
            assert not remote.search(tag), f"{path.relative_to(site)}: {tag}"
        assert not re.search(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//", page), path
    for sheet in (site / "_static").rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//", text), sheet.name
        assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", text), sheet.name
