"""The site's chart, totals and redirect markup comes from Jinja templates (site/templates/), rendered by a
template engine like the builder's (Sphinx's sandboxed Jinja environment, which does not autoescape)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

from jinja2 import FileSystemLoader
from jinja2.sandbox import SandboxedEnvironment

import rancang.site
from rancang.site import charts, output

TEMPLATES = Path(rancang.site.__file__).parent / "templates"
SVG = "{http://www.w3.org/2000/svg}"
ODD = 'Uji <b>x</b> & "kutip" \'satu\''


class Templates:
    """What the charts and the redirect use of ``builder.templates``: ``render(name, context)``."""

    def __init__(self) -> None:
        self.environment = SandboxedEnvironment(loader=FileSystemLoader(TEMPLATES))

    def render(self, name: str, context: dict) -> str:
        return self.environment.get_template(name).render(context)


BUILDER = SimpleNamespace(templates=Templates())


def _chart(bars: list[charts.Bar], notes_heading: str = "") -> charts.Chart:
    return charts.Chart("urusan", f"Judul {ODD}", "Urusan", "Jumlah inovasi", "inovasi", bars,
                        f"Tidak diketahui: {ODD}", notes_heading=notes_heading, note=f"Catatan {ODD}")


def test_chart_is_one_line_of_escaped_markup_and_valid_svg() -> None:
    long_label = "Dinas Pertanian, Kelautan dan Perikanan " * 4 + ODD
    chart = _chart([charts.Bar(ODD, 3, [f"Juara {ODD}"]), charts.Bar(long_label, 1)], "Penghargaan (inovasi)")
    page = charts.figure(BUILDER, chart, "rancang-grafik-urusan-0")
    assert "\n" not in page and not re.search(r">\s+<", page), page
    assert "<b>" not in page and '"kutip"' not in page
    figure = ET.fromstring(page)  # every value escaped: the figure is well-formed XML
    svg = figure.find(f"{SVG}svg")
    assert svg.get("viewBox").startswith("0 0 640 ") and svg.get("aria-labelledby") == (
        "rancang-grafik-urusan-0-judul rancang-grafik-urusan-0-uraian")
    assert svg.find(f"{SVG}title").text == f"Judul {ODD}"
    assert svg.find(f"{SVG}desc").text == charts._sentence(chart)
    bars = svg.findall(f"{SVG}g")
    assert [g.find(f"{SVG}rect").get("data-label") for g in bars] == [ODD, long_label]
    assert [g.find(f"{SVG}title").text for g in bars] == [f"{ODD}: 3 inovasi", f"{long_label}: 1 inovasi"]
    assert bars[0].find(f"{SVG}line") is None and bars[1].find(f"{SVG}line") is not None
    for g, bar in zip(bars, chart.bars):
        label = g.find(f"{SVG}text")
        assert label.text is None and all(tspan.tail is None for tspan in label)  # nothing drawn between lines
        assert [tspan.text for tspan in label] == charts._wrap(bar.label, int(int(label.get("x")) / charts.CHAR),
                                                               charts.MAX_LABEL_LINES)
        assert [tspan.get("dy") for tspan in label] == ["0"] + ["18"] * (len(label) - 1)
    assert all(re.fullmatch(r"\d+\.\d", bars[0].find(f"{SVG}rect").get(name)) for name in ("y", "width"))
    assert "".join(text.text for text in bars[0].findall(f"{SVG}text[@class='rancang-grafik-catatan']")) == \
        f"Juara {ODD}"
    assert figure.find("figcaption").text == f"Catatan {ODD}"
    rows = figure.findall("details/table/tbody/tr")
    assert [[cell.text for cell in row] for row in rows] == [[ODD, "3", f"Juara {ODD}"], [long_label, "1", None]]
    assert figure.find("p").text == f"Tidak diketahui: {ODD}"


def test_chart_without_bars_says_so() -> None:
    figure = ET.fromstring(charts.figure(BUILDER, _chart([]), "g"))
    assert figure.find(f"{SVG}svg") is None and figure.find("details") is None
    assert [p.get("class") for p in figure.findall("p")] == ["rancang-grafik-kosong", "rancang-grafik-tidak-diketahui"]


def test_totals() -> None:
    page = BUILDER.templates.render(charts.TOTALS_TEMPLATE, {"angka": [(ODD, 6), ("Penghargaan", 0)]})
    assert page == ('<dl class="rancang-angka"><div><dt>Uji &lt;b&gt;x&lt;/b&gt; &amp; &#34;kutip&#34; &#39;satu&#39;'
                    '</dt><dd>6</dd></div><div><dt>Penghargaan</dt><dd>0</dd></div></dl>')


def _app(outdir: Path, title: str) -> SimpleNamespace:
    builder = SimpleNamespace(format="html", templates=Templates(), get_target_uri=lambda docname: "kb/index.html")
    return SimpleNamespace(builder=builder, outdir=str(outdir),
                           config=SimpleNamespace(root_doc="kb/index", html_title=title))


def test_home_redirect_is_escaped_and_written_only_when_changed(tmp_path: Path) -> None:
    output.home_redirect(_app(tmp_path, "Direktori Inovasi"), None)
    index = tmp_path / "index.html"
    assert index.read_text(encoding="utf-8") == (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="0; url=kb/index.html"><title>Direktori Inovasi</title></head>'
        '<body><a href="kb/index.html">Buka beranda</a></body></html>\n')
    before = index.stat()
    output.home_redirect(_app(tmp_path, "Direktori Inovasi"), None)
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not written again
    output.home_redirect(_app(tmp_path, ODD), None)
    assert "<title>Uji &lt;b&gt;x&lt;/b&gt; &amp; &#34;kutip&#34; &#39;satu&#39;</title>" in index.read_text("utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["index.html"]  # no temporary file left
