"""Overview charts: static SVG bar charts drawn at build time.

``{rancang-grafik} tahun|urusan|perangkat-daerah|tahapan|penghargaan`` draws
one horizontal bar chart as inline ``<svg>`` (no JavaScript, no web font, no
CDN: the site works offline and from ``file://``). Every chart is accessible:
``role="img"`` with a ``<title>`` and a ``<desc>`` that states every number,
a data table with the same numbers under it, and a line counting the records
whose value is unknown. ``{rancang-jumlah}`` shows the totals.

Every label comes from user data and is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.models import ProjectData
from rancang.models.innovation import Innovation, Stage
from rancang.site import context, markdown
from rancang.site.domain import RancangDomain

SVG_NS = "http://www.w3.org/2000/svg"

STAGE_WORDS = {Stage.INITIATIVE: "Inisiatif", Stage.TRIAL: "Uji coba", Stage.IMPLEMENTATION: "Penerapan"}

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
    bars = [Bar(STAGE_WORDS[stage], counts[stage]) for stage in Stage]
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


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


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


def svg(chart: Chart, ident: str) -> str:
    """The chart as inline SVG (every label escaped)."""
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
        label_top = y + (head - label_height) / 2 + FONT
        parts = ['<g class="rancang-grafik-baris">',
                 f"<title>{_e(bar.label)}: {bar.value} {_e(chart.unit)}</title>"]
        text = [f'<text x="{label_width}" y="{label_top:.1f}" text-anchor="end" font-size="{FONT}" '
                f'fill="currentColor" class="rancang-grafik-label">']
        for number, line in enumerate(label_lines):
            dy = "0" if number == 0 else str(LINE)
            text.append(f'<tspan x="{label_width}" dy="{dy}">{_e(line)}</tspan>')
        text.append("</text>")
        parts.append("".join(text))
        parts.append(f'<rect class="rancang-grafik-batang" x="{bar_x}" y="{bar_y:.1f}" width="{length:.1f}" '
                     f'height="{BAR}" rx="2" fill="#2f6f8f" data-label="{_e(bar.label)}" '
                     f'data-nilai="{bar.value}"/>')
        parts.append(f'<text x="{bar_x + length + 6:.1f}" y="{bar_y + BAR - 4.5:.1f}" font-size="{FONT}" '
                     f'fill="currentColor" class="rancang-grafik-nilai">{bar.value}</text>')
        note_y = y + head + 4
        for line in note_lines:
            note_y += LINE - 2
            parts.append(f'<text x="{bar_x}" y="{note_y:.1f}" font-size="{SMALL}" fill="currentColor" '
                         f'class="rancang-grafik-catatan">{_e(line)}</text>')
        if index:
            parts.insert(1, f'<line x1="0" x2="{WIDTH}" y1="{y - 5:.1f}" y2="{y - 5:.1f}" stroke="currentColor" '
                            'stroke-opacity="0.12"/>')
        parts.append("</g>")
        rows.append("".join(parts))
        y += height
    height = y + PAD - 10
    axis = (f'<line x1="{bar_x}" x2="{bar_x}" y1="{PAD - 4}" y2="{height - PAD + 4}" stroke="currentColor" '
            'stroke-opacity="0.5"/>')
    return (f'<svg xmlns="{SVG_NS}" class="rancang-grafik-svg" data-grafik="{_e(chart.kind)}" role="img" '
            f'aria-labelledby="{ident}-judul {ident}-uraian" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="100%" preserveAspectRatio="xMinYMin meet" font-family="sans-serif">'
            f'<title id="{ident}-judul">{_e(chart.title)}</title>'
            f'<desc id="{ident}-uraian">{_e(_sentence(chart))}</desc>'
            f"{axis}{''.join(rows)}</svg>")


def table(chart: Chart) -> str:
    """The same numbers as a table, inside a <details> under the chart."""
    heads = [chart.label_heading, chart.value_heading] + ([chart.notes_heading] if chart.notes_heading else [])
    out = ['<details class="rancang-grafik-data"><summary>Data grafik dalam tabel</summary>',
           f'<table class="rancang-grafik-tabel docutils"><caption>{_e(chart.title)}</caption><thead><tr>',
           "".join(f'<th scope="col">{_e(h)}</th>' for h in heads), "</tr></thead><tbody>"]
    for bar in chart.bars:
        out.append(f'<tr><th scope="row">{_e(bar.label)}</th><td>{bar.value}</td>')
        if chart.notes_heading:
            out.append("<td>" + "<br>".join(_e(note) for note in bar.notes) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table></details>")
    return "".join(out)


def figure(chart: Chart, ident: str) -> str:
    out = [f'<figure class="rancang-grafik" id="{ident}" data-grafik="{_e(chart.kind)}">']
    if chart.bars:
        out.append(svg(chart, ident))
    else:
        out.append('<p class="rancang-grafik-kosong">Belum ada data untuk grafik ini.</p>')
    if chart.note:
        out.append(f'<figcaption>{_e(chart.note)}</figcaption>')
    if chart.bars:
        out.append(table(chart))
    out.append(f'<p class="rancang-grafik-tidak-diketahui">{_e(chart.unknown)}</p></figure>')
    return "".join(out)


# -- directives ------------------------------------------------------------------------------------


class ChartDirective(SphinxDirective):
    """``{rancang-grafik} tahun``: one overview chart."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip()
        if kind not in CHARTS:
            raise self.error(f"grafik '{kind}' tidak dikenal; pilih salah satu: {', '.join(CHARTS)}")
        RancangDomain.of(self.env).note_aggregate(self.env.docname)
        chart = CHARTS[kind](context.of(self.env).data)
        ident = f"rancang-grafik-{kind}-{self.env.new_serialno('rancang-grafik')}"
        return [markdown.block(figure(chart, ident))]


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
        RancangDomain.of(self.env).note_aggregate(self.env.docname)
        items = "".join(f'<div><dt>{_e(label)}</dt><dd>{value}</dd></div>'
                        for label, value in totals(context.of(self.env).data))
        return [markdown.block(f'<dl class="rancang-angka">{items}</dl>')]


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    app.add_directive("rancang-grafik", ChartDirective)
    app.add_directive("rancang-jumlah", TotalsDirective)
    app.add_css_file("rancang-grafik.css")

