"""Overview charts and open data of the site, built from a copy of the example project.

The copy gets three more profiles: one with dates, two urusan (one of them
``<b>x</b> & y``, which must come out escaped), an award and a summary with a
comma, quotes and a line break; two with only a trial or an initiative date.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from rancang.loader import load_file
from rancang.models import FORMATS
from rancang.richtext import plain
from rancang.site import jdih, opendata
from rancang.yamlsource import load
from support import build_site_of, copy_example

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"
BOM = b"\xef\xbb\xbf"
CSV_COLUMNS = [column.name for column in opendata.COLUMNS]
ODD = "<b>x</b> & y"

EXTRA = {
    "uji-grafik": '''\
nama: "Uji <Grafik> & \\"Kutip\\""
ringkasan: |-
  Baris pertama, dengan koma dan "kutip".
  Baris kedua.
perangkat_daerah: bappeda
bentuk: tata_kelola
jenis: non_digital
urusan:
  - "<b>x</b> & y"
  - kelautan dan perikanan
tahapan: penerapan
tanggal_inisiatif: 2018
tanggal_uji_coba: 2019-03
tanggal_penerapan: 2021-02-01
status: berjalan
penghargaan:
  - nama: "Juara <1> & \\"A\\""
    tahun: 2021
''',
    "uji-tahun": "nama: Uji Tahun\ntahapan: uji_coba\ntanggal_uji_coba: 2019\n",
    "uji-inisiatif": "nama: Uji Inisiatif\ntahapan: inisiatif\ntanggal_inisiatif: 2020-05\n",
}


def _build(root: Path) -> Path:
    outdir, _ = build_site_of(root, documents=False)
    return outdir


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    root = copy_example(tmp_path_factory.mktemp("situs") / "proyek",
                        parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    for record_id, text in EXTRA.items():
        (root / "kb" / "inovasi" / f"{record_id}.yaml").write_text(text, encoding="utf-8")
    return root, _build(root)


def _records(root: Path) -> dict:
    records = {}
    for path in sorted((root / "kb" / "inovasi").glob("*.yaml")):
        model, problems = load_file(path, FORMATS["inovasi"])
        assert model is not None, problems
        records[path.stem] = model
    return records


def _agencies(root: Path) -> dict:
    model, problems = load_file(root / "kb" / "perangkat-daerah.yaml", FORMATS["perangkat-daerah"])
    assert model is not None, problems
    return {agency.id: agency for agency in model.root}


def _charts(page: str) -> dict[str, str]:
    """Kind -> the HTML of its <figure>."""
    found = dict(re.findall(r'<figure class="rancang-grafik" id="[^"]+" data-grafik="([^"]+)">(.*?)</figure>',
                            page, re.S))
    assert set(found) == {"tahun", "urusan", "perangkat-daerah", "tahapan", "penghargaan"}
    return found


def _bars(figure: str) -> dict[str, int]:
    match = re.search(r"<svg .*?</svg>", figure, re.S)
    if match is None:
        return {}
    svg = ET.fromstring(match.group(0))  # well-formed: every label escaped
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    assert svg.get("aria-labelledby") == " ".join(
        e.get("id") for e in (svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")))
    bars = {}
    for group in svg.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        label = "".join(group.find(f"{SVG}text").itertext())
        assert rect.get("data-label") not in bars, "one bar per value"
        bars[rect.get("data-label")] = int(rect.get("data-nilai"))
        if not label.endswith("…"):
            assert label.replace(" ", "") == rect.get("data-label").replace(" ", "")  # wrapped lines
    return bars


def _table(figure: str) -> dict[str, int]:
    return {html.unescape(label): int(value)
            for label, value in re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td>', figure)}


def _unknown(figure: str) -> int:
    return int(re.search(r"Tidak diketahui: (\d+) inovasi", figure).group(1))


def test_charts_have_one_bar_per_value_with_the_right_counts(site):
    root, outdir = site
    records = _records(root)
    agencies = _agencies(root)
    charts = _charts((outdir / "kb" / "ringkasan.html").read_text(encoding="utf-8"))

    years = Counter()
    for innovation in records.values():
        date = innovation.implementation_date or innovation.trial_date or innovation.started
        if date:
            years[str(date.year)] += 1
    affairs = Counter(a for i in records.values() for a in i.affairs)
    by_agency = Counter(agencies[i.agency].short_name or agencies[i.agency].name
                        for i in records.values() if i.agency)
    stages = Counter({"Inisiatif": 0, "Uji coba": 0, "Penerapan": 0})
    stages.update({"inisiatif": "Inisiatif", "uji_coba": "Uji coba", "penerapan": "Penerapan"}[i.stage.value]
                  for i in records.values() if i.stage)
    awards = Counter(str(a.year) for i in records.values() for a in i.awards)
    expected = {"tahun": years, "urusan": affairs, "perangkat-daerah": by_agency, "tahapan": stages,
                "penghargaan": awards}
    for kind, counts in expected.items():
        assert _bars(charts[kind]) == dict(counts), kind
        assert _table(charts[kind]) == dict(counts), kind

    # The three added profiles, by hand.
    assert years["2021"] >= 1 and years["2019"] >= 1 and years["2020"] >= 1
    assert _bars(charts["urusan"])[ODD] == 1
    assert _bars(charts["urusan"])["kelautan dan perikanan"] == 2
    assert _bars(charts["perangkat-daerah"])["Bappeda"] == 2
    assert _bars(charts["penghargaan"])["2021"] == 1
    assert _bars(charts["penghargaan"])["2020"] == 3

    n = len(records)
    assert _unknown(charts["tahun"]) == n - sum(years.values())
    assert _unknown(charts["urusan"]) == sum(1 for i in records.values() if not i.affairs)
    assert _unknown(charts["perangkat-daerah"]) == sum(1 for i in records.values() if not i.agency)
    assert _unknown(charts["tahapan"]) == sum(1 for i in records.values() if not i.stage)
    assert "Inovasi tanpa penghargaan tercatat: " \
        f"{sum(1 for i in records.values() if not i.awards)}." in charts["penghargaan"]


def test_labels_are_escaped(site):
    root, outdir = site
    page = (outdir / "kb" / "ringkasan.html").read_text(encoding="utf-8")
    assert ODD not in page and "<Grafik>" not in page and "<1>" not in page
    assert html.escape(ODD) in page
    assert _escaped('Juara <1> & "A" (Uji <Grafik> & "Kutip")', page)
    assert f"<dt>Profil inovasi</dt><dd>{len(_records(root))}</dd>" in page


def _escaped(text: str, page: str) -> bool:
    """``text`` is on the page as escaped text, whichever entity spells a quote (the templates' ``|e`` writes
    ``&#34;`` and ``&#39;``, :func:`html.escape` ``&quot;`` and ``&#x27;``: the same text in the DOM)."""
    return any(html.escape(text).replace("&quot;", double).replace("&#x27;", single) in page
               for double in ("&quot;", "&#34;") for single in ("&#x27;", "&#39;"))


def _same(from_json, from_yaml, where="") -> None:
    """The JSON value says what the YAML value says (dates as ISO strings)."""
    if isinstance(from_yaml, dt.date):
        assert from_json == from_yaml.isoformat(), where
    elif isinstance(from_yaml, dict):
        assert isinstance(from_json, dict) and set(from_json) == set(from_yaml), where
        for key, value in from_yaml.items():
            _same(from_json[key], value, f"{where}/{key}")
    elif isinstance(from_yaml, list):
        assert isinstance(from_json, list) and len(from_json) == len(from_yaml), where
        for index, (a, b) in enumerate(zip(from_json, from_yaml)):
            _same(a, b, f"{where}/{index}")
    elif isinstance(from_yaml, int) and isinstance(from_json, str):
        assert from_json == str(from_yaml), where  # a year written as a number: tanggal_uji_coba: 2019
    else:
        assert from_json == from_yaml, where


def test_json_has_every_record_with_the_fields_of_its_yaml(site):
    import json

    root, outdir = site
    records = _records(root)
    published = json.loads((outdir / "data" / "inovasi.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in published] == sorted(records)
    for entry in published:
        entry = dict(entry)
        record_id = entry.pop("id")
        source, problems = load(root / "kb" / "inovasi" / f"{record_id}.yaml")
        assert source is not None, problems
        assert set(entry) == set(source.data), record_id
        _same(entry, source.data, record_id)
        # as the YAML gives it: a year-only date is a number there and here (tanggal_inisiatif: 2018)
        assert {"id": record_id, **entry} == opendata.record(record_id, records[record_id])
    grafik = next(r for r in published if r["id"] == "uji-grafik")
    assert grafik["tanggal_inisiatif"] == 2018 and grafik["tanggal_uji_coba"] == "2019-03"
    assert grafik["tanggal_penerapan"] == "2021-02-01" and grafik["urusan"][0] == ODD


def test_csv_has_one_row_per_record(site):
    root, outdir = site
    records = _records(root)
    agencies = _agencies(root)
    raw = (outdir / "data" / "inovasi.csv").read_bytes()
    assert raw.startswith(BOM) and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == CSV_COLUMNS
    table = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    assert [row["id"] for row in table] == sorted(records)
    for row in table:
        innovation = records[row["id"]]
        assert row["nama"] == innovation.name
        assert row["perangkat_daerah"] == (innovation.agency or "")
        assert row["perangkat_daerah_nama"] == (agencies[innovation.agency].name if innovation.agency else "")
        assert row["urusan"] == "; ".join(innovation.affairs)
        assert row["jumlah_penghargaan"] == str(len(innovation.awards))
        assert row["ringkasan"] == (plain(innovation.summary) if innovation.summary else "")  # no Markdown
    grafik = next(row for row in table if row["id"] == "uji-grafik")
    assert grafik["tanggal_inisiatif"] == "2018"  # a year stays a year in a spreadsheet cell
    assert {key: grafik[key] for key in EXPECTED_GRAFIK} == EXPECTED_GRAFIK


EXPECTED_GRAFIK = {
        "id": "uji-grafik", "nama": 'Uji <Grafik> & "Kutip"', "perangkat_daerah": "bappeda",
        "perangkat_daerah_nama": "Badan Perencanaan Pembangunan Daerah", "bentuk": "tata_kelola",
        "jenis": "non_digital", "urusan": f"{ODD}; kelautan dan perikanan", "tahapan": "penerapan",
        "tanggal_uji_coba": "2019-03", "tanggal_penerapan": "2021-02-01", "status": "berjalan",
        "jumlah_penghargaan": "1", "penghargaan": ' 2021: Juara <1> & "A"'.strip(), "dasar_hukum": "",
        "anggaran": "", "ringkasan": 'Baris pertama, dengan koma dan "kutip". Baris kedua.'}
"""The CSV cells of the odd record, column by column (tests/test_opendata.py covers the columns added since)."""


def test_schema_file_is_the_project_schema(site):
    _, outdir = site
    assert (outdir / "data" / "inovasi.schema.json").read_bytes() == \
        (ROOT / "schemas" / "inovasi.schema.json").read_bytes()


def test_data_page_documents_the_columns_and_links_the_files(site):
    from rancang.site.opendata import COLUMNS

    _, outdir = site
    page = (outdir / "kb" / "data.html").read_text(encoding="utf-8")
    assert [c.name for c in COLUMNS] == CSV_COLUMNS
    for name in CSV_COLUMNS:
        assert f'<span class="pre">{name}</span>' in page
    for name in ("inovasi.json", "inovasi.csv", "inovasi.schema.json"):
        href = f"../data/{name}"
        assert f'href="{href}"' in page
        assert ((outdir / "kb") / href).resolve().is_file()
    assert "lisensi data ditentukan oleh pemerintah daerah" in page.lower()


def test_an_unchanged_build_leaves_the_data_files_alone(site):
    root, outdir = site
    folder = outdir / "data"
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert set(before) == {name for name, _, _ in [*opendata.FILES, *jdih.FILES]}
    _build(root)
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert after == before
