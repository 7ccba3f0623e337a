"""Overview charts: static SVG bar charts drawn at build time.

``{rancang-grafik} tahun|urusan|perangkat-daerah|tahapan|penghargaan`` draws
one horizontal bar chart as inline ``<svg>`` (no JavaScript, no web font, no
CDN: the site works offline and from ``file://``). Every chart is accessible:
``role="img"`` with a ``<title>`` and a ``<desc>`` that states every number,
a data table with the same numbers under it, and a line counting the records
whose value is unknown. ``{rancang-jumlah}`` shows the totals.

Markup: no HTML or SVG is assembled in Python. The figure (chart, note, data
table) and the totals are Jinja templates in ``templates/`` (:data:`CHART_TEMPLATE`,
:data:`TOTALS_TEMPLATE`), rendered while the document is read by the builder's
own template engine (reached through :func:`rancang.site.context.of`); Python
computes only what they show: the numbers, and the geometry of the chart
(coordinates, widths, wrapped label lines) in SVG user units.

Every label comes from user data and is escaped with ``|e`` in the templates
(Sphinx's template environment does not autoescape).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.models import ProjectData
from rancang.models.innovation import Innovation, Stage
from rancang.site import context, templated
from rancang.site.domain import RancangDomain

CHART_TEMPLATE = "rancang-grafik.html"
"""One chart's ``<figure>`` (in ``templates/``, rendered by the builder's template engine)."""

TOTALS_TEMPLATE = "rancang-angka.html"
"""The totals of ``{rancang-jumlah}``: ``<dl class="rancang-angka">``."""

# Geometry of a chart, in SVG user units (the SVG scales to the page width).
WIDTH = 640
FONT = 14
SMALL = 12
LINE = 18
BAR = 20
CHAR = 7.9
"""Average width of one character at FONT (sans-serif), to size the label column."""
SMALL_CHAR = 6.1
LABEL_MIN, LABEL_MAX = 48, 260
GAP = 10
NUMBER_ROOM = 44
PAD = 8
MAX_LABEL_LINES = 3


@dataclass
class Bar:
    label: str
    value: int
    notes: list[str] = field(default_factory=list)
    """Small lines under the bar (award names in the timeline)."""


@dataclass
class Chart:
    kind: str
    title: str
    label_heading: str
    value_heading: str
    unit: str
    """What is counted, for sentences: "inovasi", "penghargaan"."""
    bars: list[Bar]
    unknown: str
    """The line under the chart about records with unknown values."""
    notes_heading: str = ""
    note: str = ""


def record_year(innovation: Innovation) -> int | None:
    """Year of implementation, else of the trial, else of the initiative."""
    for date in (innovation.implementation_date, innovation.trial_date, innovation.started):
        if date is not None:
            return date.year
    return None


def agency_label(data: ProjectData, agency_id: str) -> str:
    agency = data.agencies.get(agency_id)
    if agency is None:
        return agency_id
    return agency.short_name or agency.name


def _records(data: ProjectData) -> list[tuple[str, Innovation]]:
    return sorted(data.innovations.items())


def _by_count(counts: Counter, labels: dict[str, str]) -> list[Bar]:
    keys = sorted(counts, key=lambda k: (-counts[k], labels[k].casefold(), labels[k]))
    return [Bar(labels[k], counts[k]) for k in keys]


def _unknown(count: int, what: str) -> str:
    return f"Tidak diketahui: {count} inovasi ({what})."


def chart_years(data: ProjectData) -> Chart:
    counts: Counter[int] = Counter()
    unknown = 0
    for _, innovation in _records(data):
        year = record_year(innovation)
        if year is None:
            unknown += 1
        else:
            counts[year] += 1
    bars = [Bar(str(year), counts[year]) for year in sorted(counts)]
    return Chart("tahun", "Inovasi per tahun mulai diterapkan", "Tahun", "Jumlah inovasi", "inovasi", bars,
                 _unknown(unknown, "tanpa tanggal penerapan, uji coba, maupun inisiatif"),
                 note="Tahun penerapan; bila belum ada, tahun uji coba; bila belum ada juga, tahun inisiatif.")


def chart_affairs(data: ProjectData) -> Chart:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    unknown = 0
    for _, innovation in _records(data):
        if not innovation.affairs:
            unknown += 1
        seen = set()
        for affair in innovation.affairs:
            key = " ".join(affair.split()).casefold()
            if key in seen:
                continue
            seen.add(key)
            labels.setdefault(key, " ".join(affair.split()))
            counts[key] += 1
    return Chart("urusan", "Inovasi per urusan pemerintahan", "Urusan", "Jumlah inovasi", "inovasi",
                 _by_count(counts, labels), _unknown(unknown, "urusan belum diisi"),
                 note="Satu inovasi dapat termasuk lebih dari satu urusan.")


def chart_agencies(data: ProjectData) -> Chart:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    unknown = 0
    for _, innovation in _records(data):
        if innovation.agency is None:
            unknown += 1
            continue
        labels[innovation.agency] = agency_label(data, innovation.agency)
        counts[innovation.agency] += 1
    return Chart("perangkat-daerah", "Inovasi per perangkat daerah", "Perangkat daerah", "Jumlah inovasi",
                 "inovasi", _by_count(counts, labels), _unknown(unknown, "perangkat daerah belum diisi"))


def chart_stages(data: ProjectData) -> Chart:
    counts: Counter[Stage] = Counter()
    unknown = 0
    for _, innovation in _records(data):
        if innovation.stage is None:
            unknown += 1
        else:
            counts[innovation.stage] += 1
    bars = [Bar(stage.label, counts[stage]) for stage in Stage]
    return Chart("tahapan", "Inovasi per tahapan", "Tahapan", "Jumlah inovasi", "inovasi", bars,
                 _unknown(unknown, "tahapan belum diisi"))


def chart_awards(data: ProjectData) -> Chart:
    names: dict[int, list[str]] = {}
    without = 0
    for _, innovation in _records(data):
        if not innovation.awards:
            without += 1
        for award in innovation.awards:
            names.setdefault(award.year, []).append(f"{award.name} ({innovation.name})")
    bars = [Bar(str(year), len(names[year]), sorted(names[year], key=str.casefold)) for year in sorted(names)]
    return Chart("penghargaan", "Linimasa penghargaan", "Tahun", "Jumlah penghargaan", "penghargaan", bars,
                 f"Inovasi tanpa penghargaan tercatat: {without}. Tahun setiap penghargaan selalu diisi, "
                 "jadi tidak ada penghargaan yang tahunnya tidak diketahui.",
                 notes_heading="Penghargaan (inovasi)")


CHARTS = {
    "tahun": chart_years,
    "urusan": chart_affairs,
    "perangkat-daerah": chart_agencies,
    "tahapan": chart_stages,
    "penghargaan": chart_awards,
}


# -- drawing ---------------------------------------------------------------------------------------


def _wrap(text: str, width_chars: int, max_lines: int | None = None) -> list[str]:
    lines = textwrap.wrap(text, max(width_chars, 4), break_long_words=True, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[:-1] if len(last) >= width_chars else last) + "…"
    return lines


def _sentence(chart: Chart) -> str:
    parts = [f"{bar.label}: {bar.value} {chart.unit}" for bar in chart.bars]
    return f"Grafik batang mendatar, {chart.label_heading.lower()} dan {chart.value_heading.lower()}. " + \
        "; ".join(parts) + "."


def svg_view(chart: Chart) -> dict[str, Any]:
    """The geometry of the chart (``grafik.svg`` of :data:`CHART_TEMPLATE`), in SVG user units: the label
    column sized to the longest label, labels wrapped to it, bars scaled to the biggest value."""
    longest = max((len(bar.label) for bar in chart.bars), default=1)
    label_width = int(min(max(longest * CHAR + 4, LABEL_MIN), LABEL_MAX))
    label_chars = int(label_width / CHAR)
    bar_x = label_width + GAP
    bar_room = WIDTH - bar_x - NUMBER_ROOM
    note_chars = int((WIDTH - bar_x - PAD) / SMALL_CHAR)
    biggest = max((bar.value for bar in chart.bars), default=0) or 1

    rows = []
    y = PAD
    for index, bar in enumerate(chart.bars):
        label_lines = _wrap(bar.label, label_chars, MAX_LABEL_LINES)
        note_lines = [line for note in bar.notes for line in _wrap(note, note_chars)]
        label_height = len(label_lines) * LINE
        head = max(BAR, label_height)
        height = head + len(note_lines) * (LINE - 2) + (4 if note_lines else 0) + 10
        bar_y = y + (head - BAR) / 2
        length = bar_room * bar.value / biggest
        note_top = y + head + 4
        rows.append({
            "label": bar.label, "nilai": bar.value,
            "pemisah_y": y - 5 if index else None,
            "label_x": label_width, "label_y": y + (head - label_height) / 2 + FONT, "label_baris": label_lines,
            "batang_x": bar_x, "batang_y": bar_y, "panjang": length,
            "nilai_x": bar_x + length + 6, "nilai_y": bar_y + BAR - 4.5,
            "catatan": [(note_top + (LINE - 2) * (number + 1), line) for number, line in enumerate(note_lines)],
        })
        y += height
    height = y + PAD - 10
    return {"lebar": WIDTH, "tinggi": height, "sumbu": {"x": bar_x, "y1": PAD - 4, "y2": height - PAD + 4},
            "satuan": chart.unit, "huruf": FONT, "huruf_kecil": SMALL, "jarak_baris": LINE, "tinggi_batang": BAR,
            "baris": rows}


def table_view(chart: Chart) -> dict[str, Any]:
    """The same numbers as a table (``grafik.tabel`` of :data:`CHART_TEMPLATE`)."""
    heads = [chart.label_heading, chart.value_heading] + ([chart.notes_heading] if chart.notes_heading else [])
    return {"kepala": heads,
            "baris": [(bar.label, bar.value, bar.notes if chart.notes_heading else None) for bar in chart.bars]}


def chart_view(chart: Chart, ident: str) -> dict[str, Any]:
    """What the figure (template :data:`CHART_TEMPLATE`) shows; ``ident`` is the figure's id."""
    return {"id": ident, "jenis": chart.kind, "judul": chart.title, "uraian": _sentence(chart),
            "catatan": chart.note, "tidak_diketahui": chart.unknown,
            "svg": svg_view(chart) if chart.bars else None, "tabel": table_view(chart) if chart.bars else None}


def figure(builder: Any, chart: Chart, ident: str) -> str:
    """The chart's ``<figure>``: the SVG, its note, the data table and the unknown line (every label escaped)."""
    return builder.templates.render(CHART_TEMPLATE, {"grafik": chart_view(chart, ident)})


# -- directives ------------------------------------------------------------------------------------


class ChartDirective(SphinxDirective):
    """``{rancang-grafik} tahun``: one overview chart."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip()
        if kind not in CHARTS:
            raise self.error(f"grafik '{kind}' tidak dikenal; pilih salah satu: {', '.join(CHARTS)}")
        RancangDomain.of(self.env).note_aggregate(self.env.docname, ("grafik", kind))
        shared = context.of(self.env)
        chart = _chart(self.env, kind)
        ident = f"rancang-grafik-{kind}-{self.env.new_serialno('rancang-grafik')}"
        return [templated.block(figure(shared.builder, chart, ident))]


def totals(data: ProjectData) -> list[tuple[str, int]]:
    innovations = data.innovations.values()
    return [
        ("Profil inovasi", len(data.innovations)),
        ("Perangkat daerah pelaksana", len({i.agency for i in innovations if i.agency})),
        ("Inovasi tahap penerapan", sum(1 for i in innovations if i.stage is Stage.IMPLEMENTATION)),
        ("Inovasi berpenghargaan", sum(1 for i in innovations if i.awards)),
        ("Penghargaan", sum(len(i.awards) for i in innovations)),
        ("Rancangan peraturan", len(data.regulations)),
    ]


class TotalsDirective(SphinxDirective):
    """``{rancang-jumlah}``: the knowledge base in a few numbers."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname, ("jumlah",))
        shared = context.of(self.env)
        return [templated.block(shared.builder.templates.render(TOTALS_TEMPLATE, {"angka": totals(shared.data)}))]


def _chart(env: Any, kind: str) -> Chart:
    """The chart of this build, computed once."""
    shared = context.of(env)
    return shared.once(f"grafik:{kind}", lambda: CHARTS[kind](shared.data))


def _digest(value: Any) -> str:
    import hashlib

    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


RancangDomain.inputs["grafik"] = lambda env, kind: _digest(_chart(env, kind))
RancangDomain.inputs["jumlah"] = lambda env: _digest(totals(context.of(env).data))


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    app.add_directive("rancang-grafik", ChartDirective)
    app.add_directive("rancang-jumlah", TotalsDirective)
    app.add_css_file("rancang-grafik.css")

