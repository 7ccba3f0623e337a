"""Hypothesis fuzzing of every YAML format rancang reads.

Strategies write VALID documents of each format (``rancang.yaml``, ``kb/perangkat-daerah.yaml``,
``kb/dasar-hukum.yaml``, ``kb/inovasi/<id>.yaml``, ``regulations/<id>.yaml``, ``visits/<id>.yaml``) as
the dicts a user would write, dumped with ``yaml.safe_dump``, with texts drawn from a rich alphabet
(non-ASCII letters, digits, ``& < > " ' { } % # : - |``, spaces, newlines). NEAR-VALID documents are
one mutation away from a valid one: a key dropped or misspelt, a value of the wrong type, an unknown
enum value, an impossible date, an extra nesting level, an unknown id, or a bare YAML-breaking string
inserted into the text.

Properties:

a. reading and validating never raises, for generated YAML, arbitrary text and binary-ish strings;
b. every diagnostic carries a registered code and the file's path, and a line >= 1 when the
   YAML parsed;
c. every valid document validates without a diagnostic; every text of a valid innovation and visit
   that the visit brief shows appears in the DOCX exactly as written;
d. ``rancang check`` on a project with one near-valid file exits 0 or 1 and never reports an
   internal error.

(The regulation engine's own properties -- numbering, references, punctuation -- are in
``test_drafting_properties.py``.)
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings, strategies as st
from yaml.nodes import ScalarNode

from docx_reading import texts
from rancang import richtext
from rancang.check import check_project
from rancang.models.project import REGION_KIND_PREFIX, titles_in_name
from rancang.cli import main
from rancang.codes import CODES
from rancang.lint.registry import all_rules
from rancang.models import FORMATS
from rancang.validation import validate
from rancang.documents import visit_docx
from rancang.yamlsource import StrictResolver, load_text

all_rules()  # registers the drafting rules' codes

pytestmark = pytest.mark.slow  # thousands of generated documents, some through whole projects

RUNS: Counter[str] = Counter()
"""Examples run per property (checked by the last test)."""


def fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much])


# -- dumping ------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> ScalarNode:
    # safe_dump decides quoting with YAML 1.1; rancang reads YAML 1.2 core ("1.0e5" is a number
    # there, a text in 1.1): quote whatever rancang's resolver would not read back as text.
    tag = StrictResolver().resolve(ScalarNode, value, (True, False))
    if tag != "tag:yaml.org,2002:str":
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


_Dumper.add_representer(str, _str)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# -- texts and small values ---------------------------------------------------------------------

CHARS = st.one_of(
    st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029"),
    st.sampled_from(list("&<>\"'{}%#:-| \n") + ["ä", "é", "ñ", "ß", "ğ", "é", "ŋ", "я", "中", "ค", "🙂"]),
)

text = st.text(CHARS, min_size=1, max_size=24).filter(lambda s: bool(s.strip()))
reg_text = text.filter(lambda s: "[[" not in s)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
years = st.integers(1945, 2100)
url = ids.map(lambda i: f"https://contoh.go.id/{i}")
email = ids.map(lambda i: f"{i}@contoh.go.id")
full_date = st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))
partial_date = st.one_of(full_date, st.integers(1950, 2090),
                         st.tuples(st.integers(1950, 2090), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"))
floats = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@st.composite
def record(draw, required: dict[str, Any], optional: dict[str, Any]) -> dict:
    """A mapping with every required key and a random subset of the optional ones (in field order)."""
    out = {key: draw(strategy) for key, strategy in required.items()}
    for key, strategy in optional.items():
        if draw(st.booleans()):
            out[key] = draw(strategy)
    return out


def lists(strategy, min_size: int = 0, max_size: int = 3):
    return st.lists(strategy, min_size=min_size, max_size=max_size)


# -- valid documents, one strategy per format ---------------------------------------------------


@st.composite
def settings_doc(draw) -> dict:
    kind = draw(st.sampled_from(["kota", "kabupaten"]))
    region_name = text.filter(lambda s: not REGION_KIND_PREFIX.match(s))  # S208
    region = draw(record({"jenis": st.just(kind), "nama": region_name, "provinsi": text}, {"ibu_kota": text}))
    out: dict[str, Any] = {"daerah": region}
    if kind == "kota" and draw(st.booleans()):
        out["ejaan_jabatan"] = draw(st.sampled_from(["Wali Kota", "Walikota"]))
    official = record({}, {"nama": text.filter(lambda s: not titles_in_name(s)[0]), "jabatan": text})  # S209
    out.update(draw(record({}, {
        "kepala_daerah": official,
        "sekretaris_daerah": official,
        "dokumen": record({}, {"kertas_kunjungan": st.sampled_from(["A4", "F4"]),
                               "marjin": st.fixed_dictionaries({k: st.floats(0.5, 10) for k in
                                                                ("atas", "bawah", "kiri", "kanan")})}),
        "situs": record({}, {"judul": text, "deskripsi": text, "alamat": url}),
        "pemeriksaan": record({}, {"abaikan": lists(st.sampled_from(["L", "L5", "L600"])),
                                   "abaikan_per_berkas": st.just({"kb/inovasi/*.yaml": ["L600"]})}),
    })))
    return out


agency = record({"id": ids, "nama": text}, {"singkatan": text})
agencies_doc = lists(agency, 1, 4)

_BY_NAME = {"Permen", "Perban", "Perda", "Perkada", "Perda Provinsi", "Pergub", "Keputusan Kepala Daerah"}
_NO_SUPPLEMENT = {"Permen", "Perban", "Perkada", "Pergub", "Keputusan Kepala Daerah"}
_KINDS = ["UUD", "UU", "Perppu", "PP", "Perpres", "Permen", "Perban", "Perda Provinsi", "Pergub", "Perda",
          "Perkada", "Keputusan Kepala Daerah"]


@st.composite
def legal_basis(draw) -> dict:
    kind = draw(st.sampled_from(_KINDS))
    out: dict[str, Any] = {"id": draw(ids), "jenis": kind}
    if kind != "UUD":
        out["nomor"] = draw(st.integers(1, 999))
    out["tahun"] = draw(years)
    if kind != "UUD":
        out["tentang"] = draw(text)
    if kind in _BY_NAME:
        out["pembentuk"] = draw(text)
    optional: dict[str, Any] = {"diundangkan": partial_date, "diubah_dengan": lists(ids, 1),
                                "sumber": url, "catatan": text}
    if kind != "UUD":
        optional["lembaran"] = st.fixed_dictionaries({"tahun": years, "nomor": st.integers(1, 500)})
        if kind not in _NO_SUPPLEMENT:
            optional["tambahan"] = st.integers(1, 9000)
    out.update(draw(record({"terkonfirmasi": st.booleans()}, optional)))
    return out


catalogue_doc = lists(legal_basis(), 1, 3)

measurement = record({"nilai": floats}, {"tahun": years, "keterangan": text})


@st.composite
def indicator(draw) -> dict:
    out = draw(record({"nama": text}, {"satuan": text, "sumber": url}))
    which = draw(st.sampled_from(["awal", "hasil", "both"]))
    if which in ("awal", "both"):
        out["awal"] = draw(measurement)
    if which in ("hasil", "both"):
        out["hasil"] = draw(measurement)
    return out


def legal_ref(catalogue_ids=ids) -> Any:
    return st.one_of(st.fixed_dictionaries({"id": catalogue_ids}), st.fixed_dictionaries({"uraian": text}))


replication_entry = record({"daerah": text}, {"tahun": years, "keterangan": text})


@st.composite
def evidence(draw) -> dict:
    """One IID evidence entry: an indicator (a known one or any id), a level, a file or a link."""
    out = {"indikator": draw(st.one_of(st.sampled_from(["regulasi", "sdm", "video", "opini-bpk"]), ids)),
           "tingkat": draw(st.integers(1, 3))}
    if draw(st.booleans()):
        out["berkas"] = draw(st.one_of(text, ids.map(lambda i: f"kb/bukti/{i}.pdf")))
    else:
        out["tautan"] = draw(url)
    out.update(draw(record({}, {"keterangan": text})))
    return out


region_evidence_doc = record({}, {"katalog": st.one_of(st.just(2026), years), "bukti": lists(evidence(), 1, 3)})


def innovation_doc(agency_ids=ids, catalogue_ids=ids) -> Any:
    return record({"nama": text}, {
        "nama_lain": lists(text, 1),
        "ringkasan": text,
        "perangkat_daerah": agency_ids,
        "unit": text,
        "inisiator": st.sampled_from(["kepala_daerah", "anggota_dprd", "asn", "perangkat_daerah", "masyarakat"]),
        "inovator": lists(text, 1),
        "bentuk": st.sampled_from(["tata_kelola", "pelayanan_publik", "lainnya"]),
        "jenis": st.sampled_from(["digital", "non_digital"]),
        "urusan": lists(text, 1),
        "tahapan": st.sampled_from(["inisiatif", "uji_coba", "penerapan"]),
        "tanggal_uji_coba": partial_date,
        "status": st.sampled_from(["berjalan", "berhenti"]),
        "masalah": text,
        "solusi": text,
        "kebaruan": text,
        "hasil": text,
        "indikator": lists(indicator(), 1, 2),
        "anggaran": lists(record({"tahun": years}, {"jumlah": st.floats(0, 1e12), "sumber": text}), 1, 2),
        "dasar_hukum": lists(legal_ref(catalogue_ids), 1, 2),
        "penghargaan": lists(record({"nama": text, "tahun": years},
                                    {"pemberi": text, "tingkat": st.sampled_from(["daerah", "nasional"]),
                                     "sumber": url}), 1, 2),
        "replikasi": record({}, {"dari": lists(replication_entry, 1, 2), "oleh": lists(replication_entry, 1, 2),
                                 "prasyarat": text, "pelajaran": text}),
        "kontak": record({}, {"nama": text, "jabatan": text, "telepon": text, "surel": email, "situs": url}),
        "video": url,
        "tag": lists(text, 1),
        "sumber": lists(record({"judul": text}, {"url": url, "penerbit": text, "tanggal": partial_date}), 1, 2),
        # a valid profile checks clean in a project: its one piece of evidence is a link to a known indicator
        "bukti": lists(record({"indikator": st.sampled_from(["regulasi", "sdm", "video"]),
                               "tingkat": st.integers(1, 3), "tautan": url}, {"keterangan": text}), 1, 1),
    })


@st.composite
def article(draw) -> dict:
    out: dict[str, Any] = draw(record({}, {"id": ids}))
    if draw(st.booleans()):
        out["teks"] = draw(reg_text)
        if draw(st.booleans()):
            out["rincian"] = draw(record(
                {"sifat": st.sampled_from(["kumulatif", "alternatif", "kumulatif_alternatif"]),
                 "butir": lists(st.one_of(reg_text, record({"teks": reg_text}, {"id": ids})), 2, 3)},
                {"penutup": reg_text}))
    else:
        out["ayat"] = draw(lists(st.one_of(reg_text, record({"teks": reg_text}, {"id": ids})), 1, 3))
    return out


@st.composite
def regulation_doc(draw, catalogue_ids=ids) -> dict:
    if draw(st.booleans()):
        body = draw(lists(article(), 1, 3))
    else:
        body = draw(lists(record({"bab": reg_text, "isi": lists(article(), 1, 2)}, {"id": ids}), 1, 2))
    out: dict[str, Any] = {}
    if draw(st.booleans()):
        out["nomor"] = draw(st.integers(1, 99))
        out["tahun"] = draw(years)
    out.update({
        "tentang": draw(reg_text),
        "menimbang": draw(lists(reg_text, 1, 2)),
        "mengingat": draw(lists(st.one_of(catalogue_ids, record({"id": catalogue_ids}, {"pasal": reg_text})), 1, 2)),
    })
    out.update(draw(record({}, {"ketentuan_umum": lists(record({"istilah": reg_text, "arti": reg_text},
                                                               {"id": ids, "disingkat": reg_text}), 1, 2)})))
    out["batang_tubuh"] = body
    out.update(draw(record({}, {
        "ketentuan_penutup": record({}, {"mulai_berlaku": st.one_of(st.just("diundangkan"), full_date)}),
        "penetapan": record({}, {"tempat": reg_text, "tanggal": partial_date, "penanda_tangan": reg_text}),
        "lampiran": lists(record({"judul": reg_text, "isi": reg_text}, {"id": ids}), 1, 2),
    })))
    return out


@st.composite
def person(draw) -> dict:
    out = draw(record({}, {"nama": text}))
    if "nama" not in out or draw(st.booleans()):
        out["jabatan"] = draw(text)
    out["pihak"] = draw(st.sampled_from(["kita", "mereka"]))
    out.update(draw(record({}, {"peran": text, "telepon": text, "surel": email, "narahubung": st.booleans()})))
    return out


@st.composite
def visit_doc(draw, innovation_ids=ids) -> dict:
    start = draw(full_date)
    out = draw(record({}, {"judul": text}))
    out.update({"peran": draw(st.sampled_from(["tuan_rumah", "tamu"])),
                "pihak_lain": draw(record({"nama": text}, {"daerah": text, "provinsi": text})),
                "tanggal": start})
    if draw(st.booleans()):
        out["sampai"] = start + dt.timedelta(days=draw(st.integers(0, 3)))
    out.update(draw(record({}, {
        "tempat": text,
        "dasar": lists(text, 1),
        "latar_belakang": text,
        "maksud": text,
        "tujuan": lists(text, 1),
        "peserta": lists(person(), 1),
        "agenda": lists(record({"kegiatan": text}, {"waktu": text, "penyaji": text, "tempat": text,
                                                    "inovasi": innovation_ids}), 1),
        "pertanyaan_kunci": lists(text, 1),
        "keluaran": lists(text, 1),
        "sumber_dana": text,
        "hasil": lists(record({"judul": text, "uraian": text}, {"inovasi": innovation_ids}), 1, 2),
        "kesimpulan": lists(text, 1),
        "tindak_lanjut": lists(record({"kegiatan": text}, {"penanggung_jawab": text, "tenggat": partial_date}), 1, 2),
        "sumber": lists(text, 1),
    })))
    return out


VALID = {
    "proyek": settings_doc(),
    "perangkat-daerah": agencies_doc,
    "dasar-hukum": catalogue_doc,
    "inovasi": innovation_doc(),
    "regulasi": regulation_doc(),
    "kunjungan": visit_doc(),
    "iid": region_evidence_doc,
}

# -- near-valid documents: one mutation of a valid one -------------------------------------------

BREAKERS = ["key: \"unclosed", ": bad", "- [1, 2", "{a: b", "\tindented: tab", "&anchor", "*nowhere", "!!python/name:os.system",
            "<<: *x", "a: b: c", "---", "'", "|x", "? complex", "@at", "%YAML 1.1", "`tick"]


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a mapping key or list item inside ``value``."""
    out = []
    if isinstance(value, dict):
        for key, child in value.items():
            out.append(prefix + (key,))
            out.extend(_paths(child, prefix + (key,)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.append(prefix + (index,))
            out.extend(_paths(child, prefix + (index,)))
    return out


def _parent(doc: Any, path: tuple) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@st.composite
def near_valid(draw, fmt: str) -> str:
    """The YAML text of a valid ``fmt`` document after one mutation."""
    doc = copy.deepcopy(draw(VALID[fmt]))
    paths = _paths(doc)
    mutation = draw(st.sampled_from(["drop", "misspell", "wrong_type", "bad_enum", "bad_date", "nest",
                                     "unknown_id", "break_yaml"]))
    note(f"mutation: {mutation}")
    if mutation == "break_yaml" or not paths:
        written = dump(doc)
        lines = written.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        breaker = draw(st.sampled_from(BREAKERS))
        if draw(st.booleans()):
            lines.insert(at, breaker)
        else:
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + breaker + lines[at][column:]
        return "\n".join(lines)
    path = draw(st.sampled_from(paths))
    parent, last = _parent(doc, path), path[-1]
    marker = None
    if mutation == "drop":
        del parent[last]
    elif mutation == "misspell":
        if isinstance(last, str):
            wrong = draw(st.sampled_from([last + "x", last[:-1], last.replace("_", "-"), last.upper()])) or "x"
            parent[wrong if wrong not in parent else wrong + "_"] = parent.pop(last)
        else:
            parent[last] = {"teks-salah": parent[last]}
    elif mutation == "wrong_type":
        parent[last] = draw(st.sampled_from([[1, 2], {"a": "b"}, 42, True, 3.5, None, "teks", [], {}]))
    elif mutation == "bad_enum":
        parent[last] = draw(st.sampled_from(["tidak_dikenal", "Kota", "Peraturan Walikota", "digitall", "TAMU"]))
    elif mutation == "bad_date":
        marker = "ZZTANGGALZZ"
        parent[last] = marker
    elif mutation == "nest":
        parent[last] = {last: parent[last]} if isinstance(last, str) else [parent[last]]
    elif mutation == "unknown_id":
        parent[last] = "tidak-ada-di-mana-pun"
    written = dump(doc)
    if marker:
        written = written.replace(marker, draw(st.sampled_from(["2021-02-30", "2021-13-01", "0000-00-00",
                                                                "2021-06-31", "2021-6-4"])))
    return written


any_format = st.sampled_from(sorted(FORMATS))
binaryish = st.binary(max_size=200).map(lambda b: b.decode("utf-8", "surrogateescape"))
arbitrary = st.one_of(st.text(max_size=300), binaryish, st.binary(max_size=200).map(lambda b: b.decode("latin-1")))

# -- helpers ------------------------------------------------------------------------------------


def read(fmt: str, yaml_text: str, display: str = "berkas.yaml"):
    """load_text + validate; returns (parsed, instance, diagnostics)."""
    source, problems = load_text(yaml_text, display)
    if source is None:
        return False, None, problems
    instance, found = validate(FORMATS[fmt].model, source)
    return True, instance, problems + found


def assert_well_formed(diagnostics, display: str, parsed: bool) -> None:
    for d in diagnostics:
        assert d.code in CODES, d
        assert d.location.path == display, d
        if parsed:
            assert d.location.line >= 1, d


# -- (a) and (b): never a traceback; every diagnostic registered and located ---------------------


@fuzz(1000)
@given(fmt=any_format, data=st.data())
def test_near_valid_documents_give_located_registered_diagnostics(fmt, data):
    RUNS["near-valid"] += 1
    written = data.draw(near_valid(fmt), label="yaml")
    parsed, _instance, diagnostics = read(fmt, written)
    assert_well_formed(diagnostics, "berkas.yaml", parsed)
    if not parsed:
        assert diagnostics, "a file that cannot be read says why"


@fuzz(500)
@given(fmt=any_format, written=arbitrary)
def test_arbitrary_text_never_raises(fmt, written):
    RUNS["arbitrary"] += 1
    parsed, _instance, diagnostics = read(fmt, written)
    assert_well_formed(diagnostics, "berkas.yaml", parsed)


@fuzz(300)
@given(fmt=any_format, value=st.recursive(
    st.none() | st.booleans() | st.integers() | floats | text | full_date,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(
        ["nama", "id", "isi", "teks", "ayat", "bab", "jenis", "tanggal", "peserta", "daerah", "x"]), children,
        max_size=4), max_leaves=12))
def test_arbitrary_structures_never_raise(fmt, value):
    RUNS["structures"] += 1
    parsed, _instance, diagnostics = read(fmt, dump(value))
    assert_well_formed(diagnostics, "berkas.yaml", parsed)


# -- (c) valid documents validate; their texts reach the brief unchanged -------------------------


@fuzz(300)
@given(fmt=any_format, data=st.data())
def test_valid_documents_validate(fmt, data):
    RUNS["valid"] += 1
    doc = data.draw(VALID[fmt], label="document")
    parsed, instance, diagnostics = read(fmt, dump(doc))
    assert parsed and not diagnostics, [d.format() for d in diagnostics]
    assert instance is not None


BASE = {
    "rancang.yaml": "daerah:\n  jenis: kota\n  nama: Parepare\n  provinsi: Sulawesi Selatan\n"
                    "pemeriksaan:\n  abaikan: [L]\n",
    "kb/perangkat-daerah.yaml": "- id: diskominfo\n  nama: Dinas Komunikasi dan Informatika\n",
    "kb/dasar-hukum.yaml": "- id: uud-1945\n  jenis: UUD\n  tahun: 1945\n  terkonfirmasi: true\n",
    "kb/inovasi/call-center-112.yaml": "nama: Call Center 112\nperangkat_daerah: diskominfo\n",
    "regulations/perwali-uji.yaml": "tentang: Uji\nmenimbang: [bahwa perlu diuji]\nmengingat: [uud-1945]\n"
                                    "batang_tubuh:\n  - teks: Peraturan ini berlaku.\n",
    "visits/kunjungan-uji.yaml": "peran: tamu\npihak_lain:\n  nama: Dinas Kominfo\ntanggal: 2021-06-04\n"
                                 "inovasi: [call-center-112]\n",
    "kb/iid.yaml": "katalog: 2026\nbukti: []\n",
}
TARGETS = {"proyek": "rancang.yaml", "perangkat-daerah": "kb/perangkat-daerah.yaml",
           "dasar-hukum": "kb/dasar-hukum.yaml", "inovasi": "kb/inovasi/call-center-112.yaml",
           "regulasi": "regulations/perwali-uji.yaml", "kunjungan": "visits/kunjungan-uji.yaml",
           "iid": "kb/iid.yaml"}


def write_project(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def shown_texts(innovation: dict, visit: dict) -> list[str]:
    """The texts of the two documents that the brief shows as written."""
    out = [innovation["nama"], *innovation.get("urusan", [])]
    out += [i["nama"] for i in innovation.get("indikator", [])]
    out += [i["satuan"] for i in innovation.get("indikator", []) if "satuan" in i]
    out += [b["sumber"] for b in innovation.get("anggaran", []) if "sumber" in b]
    out += [r["uraian"] for r in innovation.get("dasar_hukum", []) if "uraian" in r]
    for award in innovation.get("penghargaan", []):
        out += [award["nama"]] + ([award["pemberi"]] if "pemberi" in award else [])
    replication = innovation.get("replikasi", {})
    out += [e["daerah"] for e in replication.get("dari", []) + replication.get("oleh", [])]

    out += [visit["pihak_lain"]["nama"]]
    for key in ("tempat", "sumber_dana"):
        if key in visit:
            out.append(visit[key])
    for key in ("dasar", "tujuan", "pertanyaan_kunci", "keluaran", "sumber"):
        out += visit.get(key, [])
    for p in visit.get("peserta", []):
        out += [p[k] for k in ("nama", "jabatan", "peran") if k in p]
    for item in visit.get("agenda", []):
        out += [item[k] for k in ("waktu", "kegiatan", "penyaji", "tempat") if k in item]
    return out


def markdown_texts(innovation: dict, visit: dict) -> list[str]:
    """The Markdown fields the brief shows: their words reach it, their markup does not."""
    replication = innovation.get("replikasi", {})
    return ([innovation[k] for k in ("ringkasan", "masalah", "solusi", "hasil") if k in innovation]
            + [replication[k] for k in ("prasyarat", "pelajaran") if k in replication]
            + [visit[k] for k in ("latar_belakang", "maksud") if k in visit])


def _pieces(value: str) -> list[str]:
    """Free text becomes one paragraph per blank-line-separated block (every character kept)."""
    return [b.strip("\n") for b in value.split("\n\n") if b.strip()]


@st.composite
def innovation_and_visit(draw) -> tuple[dict, dict]:
    innovation = draw(innovation_doc(st.just("diskominfo"), st.just("uud-1945")))
    visit = draw(visit_doc(st.just("inovasi-uji")))
    visit["inovasi"] = ["inovasi-uji"]
    return innovation, visit


@fuzz(20)
@given(pair=innovation_and_visit())
def test_valid_texts_reach_the_brief_as_written(pair):
    RUNS["brief"] += 1
    innovation, visit = pair
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_project(root, {**BASE, "kb/inovasi/inovasi-uji.yaml": dump(innovation),
                             "visits/kunjungan-acak.yaml": dump(visit)})
        checked = check_project(root)
        data, report = checked.data, checked.report
        assert not report.errors, [d.format() for d in report.errors]
        document = "\n".join(texts(visit_docx(root, data, "kunjungan-acak", "brief")))
    missing = [piece for value in shown_texts(innovation, visit) for piece in _pieces(value) if piece not in document]
    missing += [word for value in markdown_texts(innovation, visit) for word in richtext.words(value)
                if word not in document]
    assert not missing


# -- (d) rancang check on a project with one near-valid file -------------------------------------


@fuzz(150)
@given(fmt=any_format, data=st.data())
def test_check_on_a_near_valid_project_exits_cleanly(fmt, data):
    RUNS["cli"] += 1
    written = data.draw(near_valid(fmt), label="yaml")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_project(root, {**BASE, TARGETS[fmt]: written})
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["-C", str(root), "check"])
    printed = out.getvalue() + err.getvalue()
    note(printed)
    assert code in (0, 1)
    assert "Traceback" not in printed and "galat internal" not in printed


def test_every_property_ran():
    expected = {"near-valid", "arbitrary", "structures", "valid", "brief", "cli"}
    ran = {name for name, count in RUNS.items() if count > 0}
    if not ran:
        pytest.skip("run with the other properties of this file")
    assert ran == expected, RUNS
    print(dict(RUNS))
