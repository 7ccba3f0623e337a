"""Replication links: ``replikasi.dari/oleh[].inovasi`` (ours or ``<direktori>:<id>``), their checks (R310-R312),
the graph page ``{rancang-replikasi}`` (Graphviz SVG with links, and a table of every link) and the links of each
profile page, as a reader finds them in the built HTML.

The synthetic project is written here (fictional names, our own words): three profiles of "Kabupaten Contoh
Raya", a copy of a fictional neighbour's directory published on the web, and a region named only in words.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import textwrap
from pathlib import Path

import pytest

from html_reading import visible_text

from rancang.check import check_project
from rancang.models.innovation import ReplicationEntry
from rancang.present.replication import PartyKind, published_page, replication_graph
from rancang.render import bagan
from rancang.site import replication as site_replication
from rancang.validation import validate
from rancang.yamlsource import load_text
from support import build_site_of

HAVE_DOT = bagan.available()

SETTINGS = """\
daerah:
  jenis: kabupaten
  nama: Contoh Raya
  provinsi: Sulawesi Selatan
direktori_lain:
  tetangga:
    nama: Kota Tetangga
    alamat: https://tetangga.test/data/inovasi.json
"""

COPY = b'[{"id": "layanan-kilat", "nama": "Layanan Kilat"}, {"id": "kebun-sekolah", "nama": "Kebun Sekolah"}]\n'

PROFILES = {
    "pasar-daring": """\
        nama: Pasar Daring <Desa> & "Kota"
        replikasi:
          dari:
            - inovasi: tetangga:layanan-kilat
              tahun: 2020
              keterangan: PKS Nomor 1/2020 (fiktif)
          oleh:
            - daerah: Kabupaten Seberang
              tahun: 2022
            - inovasi: posyandu-pintar
        """,
    "posyandu-pintar": """\
        nama: Posyandu Pintar
        replikasi:
          dari:
            - inovasi: pasar-daring
              tahun: 2021
            - inovasi: tetangga:kebun-sekolah
          prasyarat: Ada kader posyandu terlatih.
        """,
    "tanpa-replikasi": "nama: Tanpa Replikasi\n",
}

PAGE = textwrap.dedent("""\
    # Replikasi

    ```{rancang-replikasi}
    ```
    """)

INDEX = "# Uji replikasi\n\n```{toctree}\n:hidden:\n\nreplikasi\n```\n"


def write_project(root: Path, profiles: dict[str, str] = PROFILES) -> Path:
    (root / "kb" / "inovasi").mkdir(parents=True, exist_ok=True)
    (root / "rancang.yaml").write_text(SETTINGS, encoding="utf-8")
    folder = root / "direktori-lain" / "tetangga"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inovasi.json").write_bytes(COPY)
    (folder / "asal.yaml").write_text(
        f"alamat: https://tetangga.test/data/inovasi.json\ndiambil: 2026-01-05T09:00:00+08:00\n"
        f"sha256: {hashlib.sha256(COPY).hexdigest()}\njumlah: 2\n", encoding="utf-8")
    for record_id, text in profiles.items():
        (root / "kb" / "inovasi" / f"{record_id}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "kb" / "replikasi.md").write_text(PAGE, encoding="utf-8")
    (root / "kb" / "index.md").write_text(INDEX, encoding="utf-8")
    return root


def read(site: Path, docname: str) -> str:
    return (site / f"{docname}.html").read_text(encoding="utf-8")


def table_rows(page: str) -> list[list[str]]:
    table = re.search(r'<table class="rancang-replikasi-tabel.*?</table>', page, re.S)
    assert table, "tidak ada tabel replikasi"
    rows = []
    for row in re.findall(r"<tr>.*?</tr>", table.group(0), re.S):
        cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S)
        rows.append([" ".join(html.unescape(re.sub(r"<br>", " ", re.sub(r"<(?!br>)[^>]+>", "", cell))).split())
                     for cell in cells])
    return rows


def section(page: str, anchor: str) -> str:
    found = re.search(rf'<section id="{anchor}">.*?</section>', page, re.S)
    assert found, anchor
    return found.group(0)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("replikasi") / "proyek")


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    out, _warnings = build_site_of(project)
    return out


# -- the model ----------------------------------------------------------------------------------------------


def entry(text: str):
    source, problems = load_text(text, "kb/inovasi/uji.yaml")
    assert not problems
    return validate(ReplicationEntry, source)


def test_an_entry_names_a_region_an_innovation_or_both():
    for text in ("inovasi: tetangga:layanan-kilat\n", "daerah: Kabupaten Seberang\n",
                 "daerah: Kota Tetangga\ninovasi: tetangga:layanan-kilat\ntahun: 2020\n"):
        value, problems = entry(text)
        assert value is not None and not problems, text
    value, problems = entry("tahun: 2021\n")
    assert value is None
    assert [d.format() for d in problems] == ["kb/inovasi/uji.yaml:1:1: S201: isi 'daerah', 'inovasi', atau keduanya"]
    _value, problems = entry("inovasi: Layanan Kilat\n")
    assert [d.code for d in problems] == ["S207"]
    assert problems[0].location.line == 1 and problems[0].location.column == 10


# -- the checks ---------------------------------------------------------------------------------------------


def test_unknown_references_are_located_with_a_suggestion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = write_project(tmp_path / "proyek", {**PROFILES, "salah": """\
        nama: Salah Tulis
        replikasi:
          dari:
            - inovasi: tetangga:layanan-kilatt
            - inovasi: tetanga:layanan-kilat
            - inovasi: pasar-darin
            - inovasi: salah
          oleh:
            - inovasi: tidak-ada-sama-sekali
        """})
    monkeypatch.chdir(root)  # paths as the user sees them
    report = check_project(root).report
    shown = [d.format() for d in report.sorted() if d.code.startswith("R31")]
    assert shown == [
        "kb/inovasi/salah.yaml:4:16: R312: inovasi 'layanan-kilatt' tidak ada di salinan direktori Kota Tetangga "
        "(direktori-lain/tetangga/inovasi.json) (mungkin maksud Anda 'tetangga:layanan-kilat'?)",
        "kb/inovasi/salah.yaml:5:16: R311: direktori lain 'tetanga' tidak dikenal (mungkin maksud Anda "
        "'tetangga:layanan-kilat'?)",
        "kb/inovasi/salah.yaml:6:16: R310: inovasi 'pasar-darin' tidak dikenal (mungkin maksud Anda 'pasar-daring'? "
        "id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml))",
        "kb/inovasi/salah.yaml:7:16: R310: inovasi 'salah' tidak dapat mereplikasi dirinya sendiri (tulis id inovasi "
        "lain, atau hapus 'inovasi' dan sebut daerahnya saja)",
        "kb/inovasi/salah.yaml:9:16: R310: inovasi 'tidak-ada-sama-sekali' tidak dikenal (tambahkan profilnya dengan "
        "'rancang new inovasi tidak-ada-sama-sekali'; bila inovasi itu milik daerah lain, daftarkan direktorinya di "
        "direktori_lain (rancang.yaml) lalu tulis 'NAMA:tidak-ada-sama-sekali')",
    ]
    assert all(d in report.errors for d in report.sorted() if d.code.startswith("R31"))


def test_an_id_of_another_directory_written_as_ours_says_where_it_is(tmp_path: Path):
    root = write_project(tmp_path / "proyek", {"satu": "nama: Satu\nreplikasi:\n  dari:\n    - inovasi: kebun-sekolah\n"})
    (problem,) = [d for d in check_project(root).report.sorted() if d.code == "R310"]
    assert problem.suggestion == "inovasi itu ada di direktori Kota Tetangga: tulis 'tetangga:kebun-sekolah'"


def test_a_profile_that_fails_to_load_is_not_reported_again_as_unknown(tmp_path: Path):
    root = write_project(tmp_path / "proyek", {**PROFILES, "pasar-daring": "nama: [tidak ditutup\n"})
    codes = [d.code for d in check_project(root).report.sorted()]
    assert "R310" not in codes and "Y105" in codes


# -- the links, once each -----------------------------------------------------------------------------------


def test_the_graph_has_each_link_once_whichever_profile_records_it(project: Path):
    data = check_project(project).data
    graph = replication_graph(data)
    assert [(p.name, p.kind, p.region) for p in graph.parties] == [
        ('Pasar Daring <Desa> & "Kota"', PartyKind.OURS, "Kabupaten Contoh Raya"),
        ("Posyandu Pintar", PartyKind.OURS, "Kabupaten Contoh Raya"),
        ("Kebun Sekolah", PartyKind.FOREIGN, "Kota Tetangga"),
        ("Layanan Kilat", PartyKind.FOREIGN, "Kota Tetangga"),
        ("Kabupaten Seberang", PartyKind.REGION, None),
    ]
    links = [(link.replicator.key, link.original.key, link.year, link.recorded_in) for link in graph.links]
    assert links == [
        ("pasar-daring", "tetangga:layanan-kilat", 2020, ("pasar-daring",)),
        ("posyandu-pintar", "pasar-daring", 2021, ("pasar-daring", "posyandu-pintar")),
        ("posyandu-pintar", "tetangga:kebun-sekolah", None, ("posyandu-pintar",)),
        ("daerah:kabupaten seberang", "pasar-daring", 2022, ("pasar-daring",)),
    ]
    assert graph.parties[3].url == "https://tetangga.test/kb/inovasi/layanan-kilat.html"


@pytest.mark.parametrize("address, page", [
    ("https://inovasi.contoh.go.id/data/inovasi.json", "https://inovasi.contoh.go.id/kb/inovasi/x.html"),
    ("https://contoh.go.id/direktori/data/inovasi.json", "https://contoh.go.id/direktori/kb/inovasi/x.html"),
    ("../../_build/html/data/inovasi.json", None),  # a copy read from a file: no page on the web
    ("https://contoh.go.id/ekspor.json", None),  # not a rancang site's open data
])
def test_another_regions_page_is_found_from_its_published_data(address, page):
    assert published_page(address, "x") == page


# -- the graph page -----------------------------------------------------------------------------------------


@pytest.mark.skipif(not HAVE_DOT, reason="Graphviz (dot) tidak terpasang")
def test_the_graph_links_every_innovation_to_its_page(site: Path):
    page = read(site, "kb/replikasi")
    svg = re.search(r"<svg\b.*?</svg>", page, re.S).group(0)
    assert 'class="rancang-replikasi-svg"' in svg and 'role="group"' in svg
    hrefs = re.findall(r'<a href="([^"]+)"', svg)
    assert sorted(hrefs) == sorted(["inovasi/pasar-daring.html", "inovasi/posyandu-pintar.html",
                                    "https://tetangga.test/kb/inovasi/layanan-kilat.html",
                                    "https://tetangga.test/kb/inovasi/kebun-sekolah.html"])
    titles = [html.unescape(t) for t in re.findall(r"<title[^>]*>([^<]*)</title>", svg)]
    assert titles[0] == "Grafik replikasi inovasi"
    assert "Layanan Kilat (Kota Tetangga)" in titles  # the foreign node names its region
    assert 'Kabupaten Seberang mereplikasi Pasar Daring <Desa> & "Kota" (Kabupaten Contoh Raya), 2022' in titles
    desc = html.unescape(re.search(r"<desc[^>]*>([^<]*)</desc>", svg).group(1))
    assert desc.startswith("Graf berarah, 5 simpul dan 4 tautan replikasi")
    # user text is text: the name with < > & " is escaped in the SVG, never markup
    assert "<Desa>" not in svg and "&lt;Desa&gt;" in svg
    # the node drawn for another region's innovation and the one for a region only named
    assert svg.count("rancang-replikasi-lain") == 2 and svg.count("rancang-replikasi-daerah") == 1
    assert "Graphviz (program dot) tidak terpasang" not in page


def test_the_table_lists_every_link(site: Path):
    page = read(site, "kb/replikasi")
    assert table_rows(page) == [
        ["Inovasi yang mereplikasi", "Inovasi yang direplikasi", "Tahun", "Keterangan", "Dicatat di profil"],
        ['Pasar Daring <Desa> & "Kota" Kabupaten Contoh Raya', "Layanan Kilat Kota Tetangga", "2020",
         "PKS Nomor 1/2020 (fiktif)", 'Pasar Daring <Desa> & "Kota"'],
        ["Posyandu Pintar Kabupaten Contoh Raya", 'Pasar Daring <Desa> & "Kota" Kabupaten Contoh Raya', "2021", "–",
         'Pasar Daring <Desa> & "Kota", Posyandu Pintar'],
        ["Posyandu Pintar Kabupaten Contoh Raya", "Kebun Sekolah Kota Tetangga", "–", "–", "Posyandu Pintar"],
        ["Kabupaten Seberang", 'Pasar Daring <Desa> & "Kota" Kabupaten Contoh Raya', "2022", "–",
         'Pasar Daring <Desa> & "Kota"'],
    ]
    table = re.search(r'<table class="rancang-replikasi-tabel.*?</table>', page, re.S).group(0)
    assert '<a href="https://tetangga.test/kb/inovasi/layanan-kilat.html">Layanan Kilat</a>' in table
    assert '<a href="inovasi/posyandu-pintar.html">Posyandu Pintar</a>' in table
    text = visible_text(page)
    assert "5 inovasi atau daerah, 4 tautan replikasi" in text
    for label in ("Inovasi dalam direktori ini", "Inovasi daerah lain (dari direktori_lain)",
                  "Daerah yang disebut tanpa nama inovasinya"):
        assert label in text


def test_each_profile_lists_its_links_whichever_profile_records_them(site: Path):
    part = section(read(site, "kb/inovasi/pasar-daring"), "replikasi")
    text = " ".join(visible_text(part).split())
    assert "Mereplikasi: Layanan Kilat, Kota Tetangga (2020), PKS Nomor 1/2020 (fiktif)" in text
    assert "Direplikasi oleh: Posyandu Pintar (2021) Kabupaten Seberang (2022)" in text
    assert 'href="https://tetangga.test/kb/inovasi/layanan-kilat.html"' in part
    assert 'href="posyandu-pintar.html"' in part
    # recorded only on Posyandu Pintar's profile, with its prasyarat
    part = section(read(site, "kb/inovasi/posyandu-pintar"), "replikasi")
    assert 'href="pasar-daring.html"' in part
    assert "Ada kader posyandu terlatih." in visible_text(part)
    assert 'id="replikasi"' not in read(site, "kb/inovasi/tanpa-replikasi")


def test_without_graphviz_the_table_stays_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = write_project(tmp_path / "proyek")
    empty = tmp_path / "bin-kosong"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    bagan.run_dot.cache_clear()
    try:
        out, _warnings = build_site_of(root, documents=False)
    finally:
        bagan.run_dot.cache_clear()
    page = read(out, "kb/replikasi")
    assert "<svg" not in page
    text = visible_text(page)
    assert site_replication.NO_GRAPHVIZ in " ".join(text.split())
    assert len(table_rows(page)) == 5


def test_no_link_yet_says_so(tmp_path: Path):
    root = write_project(tmp_path / "proyek", {"tanpa-replikasi": "nama: Tanpa Replikasi\n"})
    out, _warnings = build_site_of(root, documents=False)
    page = read(out, "kb/replikasi")
    assert site_replication.EMPTY in " ".join(visible_text(page).split())
    assert "<svg" not in page and "rancang-replikasi-tabel" not in page


# -- incremental builds ----------------------------------------------------------------------------------------


def _age(root: Path) -> None:
    import time

    past = time.time() - 3600
    for path in root.rglob("*"):
        if "_build" not in path.relative_to(root).parts:
            os.utime(path, (past, past))


def test_an_edit_renews_the_pages_of_the_other_innovations_and_the_graph(tmp_path: Path):
    root = write_project(tmp_path / "proyek")
    _age(root)
    out, _ = build_site_of(root, documents=False)
    assert "Posyandu Pintar" in section(read(out, "kb/inovasi/pasar-daring"), "replikasi")
    assert 'id="replikasi"' not in read(out, "kb/inovasi/tanpa-replikasi")
    # Posyandu Pintar is renamed, and a new profile says that Tanpa Replikasi replicates it: the pages of Pasar
    # Daring and Tanpa Replikasi, whose files did not change, show other links now
    posyandu = root / "kb" / "inovasi" / "posyandu-pintar.yaml"
    posyandu.write_text(posyandu.read_text(encoding="utf-8").replace("nama: Posyandu Pintar", "nama: Posyandu Sehat"),
                        encoding="utf-8")
    (root / "kb" / "inovasi" / "baru.yaml").write_text(
        "nama: Inovasi Baru\nreplikasi:\n  oleh:\n    - inovasi: tanpa-replikasi\n      tahun: 2024\n",
        encoding="utf-8")
    out, _ = build_site_of(root, documents=False)
    text = " ".join(visible_text(section(read(out, "kb/inovasi/pasar-daring"), "replikasi")).split())
    assert "Direplikasi oleh: Posyandu Sehat (2021)" in text and "Posyandu Pintar" not in text
    text = " ".join(visible_text(section(read(out, "kb/inovasi/tanpa-replikasi"), "replikasi")).split())
    assert "Mereplikasi: Inovasi Baru (2024)" in text, text
    rows = table_rows(read(out, "kb/replikasi"))
    assert ["Tanpa Replikasi Kabupaten Contoh Raya", "Inovasi Baru Kabupaten Contoh Raya", "2024", "–",
            "Inovasi Baru"] in rows
    assert len(rows) == 1 + 5


# -- the example ---------------------------------------------------------------------------------------------


def test_the_example_records_no_replication_and_says_so(example_build):
    page = read(example_build.site, "kb/replikasi")
    text = " ".join(visible_text(page).split())
    assert site_replication.EMPTY in text
    assert "<svg" not in page
    nav = re.search(r'<nav class="rancang-nav".*?</nav>', page, re.S).group(0)
    assert 'href="#" aria-current="page">Replikasi</a>' in nav or 'aria-current="page"' in nav


def test_the_skeleton_of_a_new_project_has_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    from rancang.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init", "contoh", "--kabupaten", "Contoh", "--provinsi", "Sulawesi Selatan"]) == 0
    assert "{rancang-replikasi}" in (tmp_path / "contoh" / "kb" / "replikasi.md").read_text(encoding="utf-8")
    assert "replikasi" in (tmp_path / "contoh" / "kb" / "index.md").read_text(encoding="utf-8").split()
