"""Organisation charts (``bagan:`` of a lampiran): the model, the DOT source (hostile names stay text), the SVG
and PNG Graphviz makes of it, the chart in the regulation's DOCX and on its page, and a machine without Graphviz
(a located Indonesian warning, a note in the chart's place, every other output still made)."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import struct
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from docx_reading import blocks
from support import build_site_of, check_clean, copy_example

from rancang.check import check_project
from rancang.diagnostics import RancangError, Severity
from rancang.models import FORMATS
from rancang.models.regulation import CHART_MAX_DEPTH, CHART_MAX_UNITS, OrgUnit
from rancang.render import bagan
from rancang.validation import validate
from rancang.yamlsource import load_text

HAVE_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAVE_DOT, reason="Graphviz (dot) tidak terpasang; .ci/run memasangnya")

SVG = "{http://www.w3.org/2000/svg}"
REGULATION = "perwali-inovasi-daerah"

HOSTILE = [
    'Kepala "Dinas"',
    "Bidang {A} | <B> & C",
    "</B><BR/>&amp; <FONT> -->",
    "garis\\miring \\N \\G \\L \\E \\T \\H \\n akhir\\",
    "baris satu\nbaris dua",
    "ᨅᨗᨈ ᨒᨗᨅᨚ · 日本語 · عربى · Ελληνικά",
    "]]> <!-- x --> {{ isi }} {% raw %}",
    "'; digraph x { a -> b } //",
]


def unit(name: str, *children: OrgUnit, **fields) -> OrgUnit:
    return OrgUnit.model_validate({"nama": name, "bawahan": [c.model_dump(by_alias=True) for c in children],
                                   **fields})


def health_office() -> OrgUnit:
    return unit(
        "Kepala Dinas",
        unit("Kelompok Jabatan Fungsional", staf=True),
        unit("Sekretariat", unit("Subbagian Umum dan Kepegawaian"), unit("Subbagian Keuangan"), staf=True),
        unit("Bidang Pelayanan Kesehatan", unit("Seksi Pelayanan Kesehatan Primer"), unit("Seksi Rujukan")),
        unit("Bidang Kesehatan Masyarakat", unit("Seksi Gizi"), unit("Seksi Promosi Kesehatan"),
             unit("Seksi Kesehatan Lingkungan")),
        unit("UPTD Puskesmas", keterangan="Unit Pelaksana Teknis Daerah"),
    )


def words(text: str) -> str:
    return " ".join(text.split())


def boxes(svg_text: str) -> dict[str, tuple[float, float]]:
    """Text of each box of an SVG chart (its lines joined by spaces) -> the centre of its rectangle."""
    root = ET.fromstring(svg_text)
    out: dict[str, tuple[float, float]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        text = words(" ".join(t.text or "" for t in group.iter(f"{SVG}text")))
        polygon = group.find(f"{SVG}polygon")
        if not text or polygon is None:
            continue
        points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        assert text not in out, f"{text!r} twice"
        out[text] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return out


# -- the model -------------------------------------------------------------------------------------------------


def validated(lampiran: str):
    text = ("tentang: X\nmenimbang: [bahwa a]\nmengingat: [uud-1945]\nbatang_tubuh: [{teks: a}]\n"
            "lampiran:\n" + lampiran)
    source, problems = load_text(text, "regulations/x.yaml")
    assert problems == []
    return validate(FORMATS["regulasi"].model, source)


def test_a_lampiran_holds_text_a_chart_or_both_but_not_nothing():
    model, problems = validated("  - judul: A\n    bagan: {nama: Kepala Dinas}\n"
                                "  - judul: B\n    isi: Teks.\n    bagan:\n      nama: Kepala Badan\n"
                                "      bawahan: [{nama: Sekretariat, staf: true}, {nama: Bidang A}]\n")
    assert problems == []
    first, second = model.annexes
    assert first.content is None and first.chart.name == "Kepala Dinas"
    assert [(u.name, u.staff) for u in second.chart.subordinates] == [("Sekretariat", True), ("Bidang A", False)]

    _, problems = validated("  - judul: A\n")
    assert [(d.code, d.location.line, d.message) for d in problems] == [
        ("S201", 6, "lampiran harus memiliki 'isi' atau 'bagan' (atau keduanya)")]


def test_a_chart_is_bounded_and_its_names_are_not_empty():
    many = "\n".join(f"        - nama: Unit {i}" for i in range(CHART_MAX_UNITS))
    _, problems = validated(f"  - judul: A\n    bagan:\n      nama: Kepala\n      bawahan:\n{many}\n")
    assert [(d.code, d.location.line) for d in problems] == [("S206", 8)]
    assert f"lebih dari {CHART_MAX_UNITS}" in problems[0].message

    deep = "nama: U0"
    for level in range(1, CHART_MAX_DEPTH + 1):
        deep = f"{{nama: U{level}, bawahan: [{deep}]}}"
    _, problems = validated(f"  - judul: A\n    bagan: {deep}\n")
    assert [d.code for d in problems] == ["S206"] and f"lebih dari {CHART_MAX_DEPTH} tingkat" in problems[0].message

    _, problems = validated("  - judul: A\n    bagan:\n      nama: Kepala\n      bawahan: [{nama: ' '}]\n")
    assert [(d.code, d.location.line) for d in problems] == [("S206", 9)]


# -- DOT -----------------------------------------------------------------------------------------------------------


def test_names_reach_dot_only_as_label_text():
    chart = unit(HOSTILE[0], *(unit(name) for name in HOSTILE[1:]), keterangan='<i>"&"</i>')
    source = bagan.dot_source(chart)
    labels = []
    for line in source.splitlines()[4:-1]:  # after the graph's defaults, before its closing brace
        box = re.fullmatch(r"  u\d+ \[label=<(.*)>, group=g[\dx]+\];", line)
        if box:  # the label is well-formed markup of Graphviz's HTML-like labels; the names are its text
            label = ET.fromstring(f"<L>{box.group(1)}</L>")
            assert {e.tag for e in label.iter()} <= {"L", "B", "BR", "FONT"}
            labels.append(" ".join(label.itertext()).replace("\\\\", "\\"))
            continue
        assert re.fullmatch(r'  p\d+ \[shape=point, style=invis, width=0.01, height=0.01, label="", group=g[\dx]+\];'
                            r'|  [up]\d+ -> [up]\d+(?: \[minlen=\d+\])?;|  \{ rank=same;(?: [up]\d+;)+ \}', line), line
    assert [words(label) for label in labels] == [words(HOSTILE[0] + ' <i>"&"</i>'), *map(words, HOSTILE[1:])]
    assert source == bagan.dot_source(chart.model_copy(deep=True))  # deterministic


@needs_dot
def test_hostile_names_are_drawn_exactly_once_as_text():
    chart = unit(HOSTILE[0], *(unit(name) for name in HOSTILE[1:]), keterangan='<i>"&"</i>')
    drawn = boxes(bagan.svg(chart))
    expected = {words(HOSTILE[0] + ' <i>"&"</i>'), *(words(name) for name in HOSTILE[1:])}
    assert set(drawn) == expected


# -- SVG and PNG ---------------------------------------------------------------------------------------------------


@needs_dot
def test_svg_is_an_accessible_element_with_every_unit_once():
    chart = health_office()
    text = bagan.svg(chart)
    assert text.startswith("<svg ") and "<?xml" not in text and "<!DOCTYPE" not in text and "<!--" not in text
    root = ET.fromstring(text)
    assert root.get("role") == "img" and root.get("class") == "rancang-bagan"
    assert root.get("aria-label") == "Bagan susunan organisasi Kepala Dinas"
    assert root[0].tag == f"{SVG}title" and root[0].text == "Bagan susunan organisasi Kepala Dinas"
    assert [e for e in root.iter() if e.get("id")] == []  # two charts on one page must not repeat ids
    assert len([t for t in root.iter(f"{SVG}title")]) == 1
    assert root.get("viewBox")
    names = [words(u.name + (f" {u.note}" if u.note else "")) for u, _depth in chart.walk()]
    assert sorted(boxes(text)) == sorted(names)
    assert bagan.svg(chart.model_copy(deep=True)) == text


@needs_dot
def test_layout_head_on_top_staff_beside_the_line_leaf_units_stacked():
    at = boxes(bagan.svg(health_office()))
    head = at["Kepala Dinas"]
    staff, secretariat = at["Kelompok Jabatan Fungsional"], at["Sekretariat"]
    fields = [at["Bidang Pelayanan Kesehatan"], at["Bidang Kesehatan Masyarakat"], at["UPTD Puskesmas Unit "
                                                                                     "Pelaksana Teknis Daerah"]]
    assert staff[0] < head[0] < secretariat[0]  # the first staff unit on the left, the second on the right
    assert head[1] < staff[1] == secretariat[1] < min(y for _x, y in fields)
    assert at["Subbagian Keuangan"][1] < min(y for _x, y in fields)  # the staff's units above the fields
    assert len({round(y) for _x, y in fields}) == 1 and [x for x, _y in fields] == sorted(x for x, _y in fields)
    sections = [at["Seksi Gizi"], at["Seksi Promosi Kesehatan"], at["Seksi Kesehatan Lingkungan"]]
    assert [y for _x, y in sections] == sorted(y for _x, y in sections)  # stacked, in the order written
    assert all(abs(x - sections[0][0]) < 60 for x, _y in sections)


@needs_dot
def test_png_declares_its_resolution_and_has_a_plausible_size():
    data = bagan.png(health_office())
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert 600 < width < 6000 and 300 < height < 4000
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        chunks.append((data[at + 4:at + 8], data[at + 8:at + 8 + length]))
        at += 12 + length
    assert [kind for kind, _ in chunks][:2] == [b"IHDR", b"pHYs"] and chunks[-1][0] == b"IEND"
    per_metre = round(bagan.PNG_DPI / 0.0254)
    assert dict(chunks)[b"pHYs"] == struct.pack(">IIB", per_metre, per_metre, 1)
    assert width * 0.0254 / per_metre < 12  # inches: a chart of five columns fits a landscape page at its size


# -- in a project --------------------------------------------------------------------------------------------------

LAMPIRAN = """
lampiran:
  - id: lampiran-bagan
    judul: BAGAN SUSUNAN ORGANISASI TIM INOVASI DAERAH
    bagan:
      nama: Ketua Tim
      keterangan: Sekretaris Daerah
      bawahan:
        - nama: Sekretariat "Tim" <Inovasi> & Co
          staf: true
        - nama: Bidang Penilaian
          bawahan:
            - nama: Subbidang Penilaian Proposal
            - nama: Subbidang Uji Coba
        - nama: Bidang Pembinaan
"""
UNITS = ["Ketua Tim Sekretaris Daerah", 'Sekretariat "Tim" <Inovasi> & Co', "Bidang Penilaian",
         "Subbidang Penilaian Proposal", "Subbidang Uji Coba", "Bidang Pembinaan"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The bundled example with a lampiran holding only a bagan (a test fixture: the real Perwali has none)."""
    root = copy_example(tmp_path / "proyek")
    path = root / "regulations" / f"{REGULATION}.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + LAMPIRAN, encoding="utf-8")
    return root


def chart_key_line(root: Path) -> int:
    lines = (root / "regulations" / f"{REGULATION}.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index("    bagan:") + 1


def docx_of(root: Path) -> bytes:
    from rancang.documents import regulation_docx

    return regulation_docx(root, check_clean(root), REGULATION)


def annex_body(data: bytes) -> list[ET.Element]:
    """The body elements of the DOCX from the lampiran's title on."""
    from docx import Document

    body = list(Document(io.BytesIO(data)).element.body.iterchildren())
    titles = [i for i, e in enumerate(body) if "BAGAN SUSUNAN ORGANISASI TIM INOVASI DAERAH" in "".join(e.itertext())]
    assert titles, "the lampiran's title is not in the document"
    return body[titles[-1]:]


@needs_dot
def test_the_docx_lampiran_holds_the_chart_as_a_picture(project: Path):
    data = docx_of(project)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        pictures = [package.read(name) for name in media if package.read(name).startswith(b"\x89PNG")]
    chart = check_clean(project).data.regulations[REGULATION].annexes[-1].chart
    assert bagan.png(chart) in pictures
    drawings = [e for element in annex_body(data) for e in element.iter()
                if e.tag.endswith("}docPr")]
    assert [d.get("descr") for d in drawings] == ["Bagan susunan organisasi Ketua Tim"]


@needs_dot
def test_the_page_shows_the_chart_as_svg_inside_the_lampiran(project: Path):
    site, _warnings = build_site_of(project)
    page = next(site.rglob(f"{REGULATION}.html")).read_text(encoding="utf-8")
    start = page.index('id="lampiran"')
    assert page.count("<svg ") == 1 and page.index("<svg ") > start
    svg = page[page.index("<svg "):page.index("</svg>") + len("</svg>")]
    assert 'class="rancang-bagan"' in svg and 'aria-label="Bagan susunan organisasi Ketua Tim"' in svg
    assert sorted(boxes(svg)) == sorted(UNITS)
    assert "&lt;Inovasi&gt; &amp; Co" in svg and "<Inovasi>" not in svg


# -- without Graphviz, or when it fails ----------------------------------------------------------------------------


@pytest.fixture
def no_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH without Graphviz (everything else on it stays reachable through links)."""
    folder = tmp_path / "bin-tanpa-dot"
    folder.mkdir()
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            target = folder / name
            if name not in ("dot",) and not target.exists():
                target.symlink_to(Path(directory) / name)
    monkeypatch.setenv("PATH", str(folder))
    bagan.run_dot.cache_clear()
    yield
    bagan.run_dot.cache_clear()


def test_without_graphviz_a_located_warning_and_a_note_in_each_output(project: Path, no_dot, capsys,
                                                                       monkeypatch):
    from rancang.cli import main
    from rancang.documents import bagan_problems

    monkeypatch.chdir(project)
    assert not bagan.available()
    report = check_project(project, extra=[bagan_problems]).report
    problems = [d for d in report.sorted() if d.code == "P413"]
    assert [(d.location.path, d.location.line, d.severity) for d in problems] == [
        (f"regulations/{REGULATION}.yaml", chart_key_line(project), Severity.WARNING)]
    assert "Graphviz" in problems[0].message and "apt-get install graphviz" in problems[0].message
    assert not report.errors

    note = "[Bagan susunan organisasi Ketua Tim belum digambar: Graphviz (program dot) tidak terpasang"
    annex = [(style, text) for style, text in blocks(docx_of(project))
             if text.startswith(note)]
    assert len(annex) == 1

    site, _warnings = build_site_of(project)
    page = next(site.rglob(f"{REGULATION}.html")).read_text(encoding="utf-8")
    assert "<svg" not in page and 'class="rancang-bagan-kosong"' in page and note in page

    capsys.readouterr()
    assert main(["draft", f"regulations/{REGULATION}.yaml", "-o", "keluar.docx"]) == 1
    printed = capsys.readouterr()
    assert (project / "keluar.docx").is_file()
    assert f"regulations/{REGULATION}.yaml:{chart_key_line(project)}:" in printed.err and "P413" in printed.err


def fake_dot(folder: Path, script: str) -> None:
    folder.mkdir()
    path = folder / "dot"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_a_failing_graphviz_stops_the_document_with_a_located_problem(project: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    fake_dot(tmp_path / "bin", 'echo "Error: syntax error in line 1" >&2; exit 3')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    bagan.run_dot.cache_clear()
    try:
        with pytest.raises(RancangError) as raised:
            docx_of(project)
    finally:
        bagan.run_dot.cache_clear()
    [problem] = raised.value.diagnostics
    assert (problem.code, problem.location.line) == ("P413", chart_key_line(project))
    assert "Graphviz gagal menggambar bagan (kode keluar 3): Error: syntax error in line 1" in problem.message


def test_a_graphviz_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    fake_dot(tmp_path / "bin", f"echo $$ > {tmp_path / 'pid'}; exec sleep 60")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(bagan, "TIMEOUT", 0.5)
    bagan.run_dot.cache_clear()
    try:
        with pytest.raises(bagan.BaganError, match="tidak selesai menggambar bagan dalam 0.5 detik"):
            bagan.png(unit("Kepala Kantor"))
    finally:
        bagan.run_dot.cache_clear()
    from support import assert_ended

    assert_ended(int((tmp_path / "pid").read_text()))
