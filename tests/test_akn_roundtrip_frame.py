"""Akoma Ntoso round trip of the frame around the body: random regulations of every kind the reader knows --
Peraturan Wali Kota (enacted or draft, with Berita Daerah number, other signatories and places), Peraturan Daerah
(Lembaran Daerah, Tambahan, NOREG, Penjelasan with explained Pasal/ayat/butir), Keputusan (diktum with rincian,
Memperhatikan, Tembusan) -- with revocations, a commencement date, 'melaksanakan', Mengingat narrowed to a Pasal,
lampiran in Markdown (paragraphs, lists, tables, headings, emphasis, references), and italic and bold words in
the texts. Written -> AKN -> read -> the identical tree."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from akn_roundtrip_support import round_trip
from rancang.models.catalogue import LegalBasis
from test_akn_roundtrip import SETTINGS, assert_same_tree
from test_drafting_properties import Expectation, _Writer, regulations

CATALOGUE = {entry["id"]: LegalBasis.model_validate(entry) for entry in [
    {"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True},
    {"id": "pp-38-2017", "jenis": "PP", "nomor": 38, "tahun": 2017, "tentang": "Inovasi Daerah",
     "lembaran": {"tahun": 2017, "nomor": 206}, "tambahan": 6123, "terkonfirmasi": True},
    {"id": "uu-23-2014", "jenis": "UU", "nomor": 23, "tahun": 2014, "tentang": "Pemerintahan Daerah",
     "lembaran": {"tahun": 2014, "nomor": 244}, "tambahan": 5587, "terkonfirmasi": True},
    {"id": "perwali-parepare-3-2015", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 3, "tahun": 2015,
     "tentang": "Pedoman Lama", "terkonfirmasi": True},
    {"id": "perwali-parepare-9-2016", "jenis": "Perkada", "pembentuk": "Kota Parepare", "nomor": 9, "tahun": 2016,
     "tentang": "Pedoman Lain", "terkonfirmasi": True},
]}
FRAME = settings(max_examples=120, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
WORDS = st.sampled_from(["inovasi", "daerah", "*ad hoc*", "**penting**", "pelayanan", "& < >", "naïve", "tabel",
                         "1. bukan daftar", "# bukan judul", "a_b", "[kurung]", "x | y"])
MARKER = re.compile(r"«(\d+)»(.*?)«/\1»", re.S)


def _phrase(draw) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=1, max_size=5)))


def _markdown(draw, refs: list[str]) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["p", "ul", "ol", "table", "heading", "quote"]))
        if kind == "p":
            text = _phrase(draw)
            if refs and draw(st.booleans()):
                text += f" [[{draw(st.sampled_from(refs))}]]"
            blocks.append(text)
        elif kind in ("ul", "ol"):
            items = [_phrase(draw) for _ in range(draw(st.integers(1, 3)))]
            blocks.append("\n".join(f"{'-' if kind == 'ul' else f'{i}.'} {item}"
                                    for i, item in enumerate(items, start=1)))
        elif kind == "table":
            columns = draw(st.integers(1, 3))
            rows = [[_phrase(draw).replace("|", "/") for _ in range(columns)] for _ in range(draw(st.integers(1, 3)))]
            header = [f"Kolom {i}" for i in range(1, columns + 1)]
            blocks.append("\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * columns]
                                    + ["| " + " | ".join(row) + " |" for row in rows]))
        elif kind == "heading":
            blocks.append(f"{'#' * draw(st.integers(1, 3))} {_phrase(draw)}")
        else:
            blocks.append(f"> {_phrase(draw)}")
    return "\n\n".join(blocks)


def _unit(draw, depth: int) -> dict:
    """A unit of an organisation chart with a note, staff units, and units under it."""
    unit: dict = {"nama": draw(st.sampled_from(["Kepala Dinas", "Sekretariat", "Bidang Pelayanan & Data",
                                                 "Subbagian <Umum>", "UPTD"]))}
    if draw(st.booleans()):
        unit["keterangan"] = draw(st.sampled_from(["Kepala Bidang", "UPTD", "naïve"]))
    if depth > 1 and draw(st.integers(0, 3)) == 0:
        unit["staf"] = True
    if depth < 3 and draw(st.booleans()):
        unit["bawahan"] = [_unit(draw, depth + 1) for _ in range(draw(st.integers(1, 3)))]
    return unit


def _punctuate(draw, value) -> None:
    """Punctuation the author typed where rancang adds its own: at the end of a text, an item, closing words."""
    marks = st.sampled_from([";", ".", ",", ":", " ;", "; dan", " ", ".."])
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and key in ("teks", "penutup") and draw(st.integers(0, 2)) == 0:
                value[key] = item + draw(marks)
            else:
                _punctuate(draw, item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str) and draw(st.integers(0, 2)) == 0:
                value[index] = item + draw(marks)
            else:
                _punctuate(draw, item)


def _emphasise(draw, data: dict) -> None:
    """Italic or bold words in some texts of the body (``*x*`` / ``**x**`` between the markers)."""
    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and key in ("teks", "arti", "penutup") and draw(st.integers(0, 3)) == 0:
                    value[key] = emphasise(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str) and draw(st.integers(0, 3)) == 0:
                    value[index] = emphasise(item)
                else:
                    walk(item)

    def emphasise(text: str) -> str:
        mark = draw(st.sampled_from(["*", "**"]))
        word = draw(st.sampled_from(["ad hoc", "bonus", "e-government"]))
        where = draw(st.sampled_from(["start", "end", "middle"]))
        if where == "start":
            return f"{mark}{word}{mark} {text}"
        if where == "end":
            return f"{text} {mark}{word}{mark}"
        return text.replace("«/", f" {mark}{word}{mark} «/", 1)

    walk(data["batang_tubuh"])


@st.composite
def framed(draw) -> dict:
    data = draw(regulations(references=draw(st.sampled_from([None, 0, 2]))))
    kind = draw(st.sampled_from(["peraturan_wali_kota", "peraturan_daerah", None]))
    if kind:
        data["jenis"] = kind
    if draw(st.booleans()):
        data["mengingat"] = [{"id": "uud-1945", "pasal": "Pasal 18 ayat (6)"}, "uu-23-2014", "pp-38-2017"]
    delegated = draw(st.integers(0, 3)) == 0
    closing = {}
    if draw(st.booleans()):
        closing["mencabut"] = draw(st.sampled_from([["perwali-parepare-3-2015"],
                                                    ["perwali-parepare-3-2015", "perwali-parepare-9-2016"]]))
    if draw(st.booleans()):
        closing["mulai_berlaku"] = "2027-01-01"
    if closing:
        data["ketentuan_penutup"] = closing
    regional = kind == "peraturan_daerah"
    if draw(st.booleans()):
        data["nomor"], data["tahun"] = draw(st.integers(1, 40)), 2026
        data["penetapan"] = {"tanggal": "2026-03-04"}
        if draw(st.booleans()):
            data["penetapan"].update({"tempat": "Soreang", "penanda_tangan": "ANDI BASO"})
        promulgation = {"tanggal": "2026-03-05"}
        if draw(st.booleans()):
            promulgation["penanda_tangan"] = "BASO ANDI"
        if regional:
            promulgation.update({"nomor_lembaran_daerah": 3, "noreg": "(3/2026)"})
        else:
            promulgation["nomor_berita_daerah"] = draw(st.integers(1, 90))
        data["pengundangan"] = promulgation
    elif draw(st.booleans()):
        data["penetapan"] = {"tanggal": "2026-06"}
    chapters = [element for element in data["batang_tubuh"] if "bab" in element]
    if chapters and draw(st.booleans()):  # the author's own BAB KETENTUAN UMUM / KETENTUAN PENUTUP
        chapters[0]["bab"] = draw(st.sampled_from(["Ketentuan Umum", "KETENTUAN UMUM"]))
    if chapters and draw(st.booleans()):
        chapters[-1]["bab"] = draw(st.sampled_from(["Ketentuan Penutup", "KETENTUAN  PENUTUP."]))
    expected = Expectation(data)
    named = [e.id for e in expected.elements if e.id]
    explainable = [e.id for e in expected.elements if e.id and e.kind in ("pasal", "ayat", "butir", "istilah")]
    if draw(st.booleans()):
        annexes = []
        for _ in range(draw(st.integers(1, 2))):
            annex = {"judul": f"Lampiran {_phrase(draw)}".replace("*", "").replace("`", "")}
            chart = draw(st.integers(0, 2))
            if chart != 1:
                annex["isi"] = _markdown(draw, named)
            if chart:
                annex["bagan"] = _unit(draw, 1)
            if draw(st.booleans()):
                annex = {"id": f"lampiran-uji-{len(annexes) + 1}", **annex}
            annexes.append(annex)
        data["lampiran"] = annexes
        annex_ids = [annex["id"] for annex in annexes if "id" in annex]
        if annex_ids and expected.slots:
            container, key = expected.slots[draw(st.integers(0, len(expected.slots) - 1))]
            container[key] = container[key] + f" [[{draw(st.sampled_from(annex_ids))}]]" \
                if draw(st.booleans()) else f"[[#{draw(st.sampled_from(annex_ids))}]] " + container[key]
    if regional and draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(explainable), unique=True, max_size=3)) if explainable else []
        data["penjelasan"] = {"umum": _markdown(draw, named),
                              "pasal": [{"rujukan": element, "teks": _markdown(draw, named)} for element in chosen]}
        if data.get("pengundangan"):
            data["pengundangan"]["nomor_tambahan_lembaran_daerah"] = 7
    if draw(st.booleans()):
        _emphasise(draw, data)
    if draw(st.booleans()):
        _punctuate(draw, data["batang_tubuh"])
    if delegated:
        del data["menimbang"]
        data["melaksanakan"] = {"id": "pp-38-2017", "pasal": "Pasal 5 ayat (4)"}
    return data


@st.composite
def decrees(draw) -> dict:
    writer = _Writer(draw)
    data = {"jenis": "keputusan_wali_kota", "tentang": "Tim Uji " + writer.text(),
            "menimbang": [writer.text() for _ in range(draw(st.integers(1, 3)))],
            "mengingat": ["uud-1945", "pp-38-2017"], "diktum": []}
    for _ in range(draw(st.integers(1, 4))):
        dictum: dict = {"teks": writer.text()}
        writer.maybe_id(dictum, "diktum")
        if draw(st.booleans()):
            dictum["rincian"] = writer.rincian(1, draw(st.integers(1, 3)))
        data["diktum"].append(dictum)
    if draw(st.booleans()):
        data["memperhatikan"] = [writer.text() for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        data["tembusan"] = [writer.text() for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        data["nomor"] = draw(st.sampled_from(["100.3.3.2/25/Bappeda/2026", "7 Tahun 2026", "188.45-12"]))
        data["tahun"] = 2026
        data["penetapan"] = {"tanggal": "2026-03-04"}
    if draw(st.booleans()):
        data["ketentuan_penutup"] = {"mencabut": ["perwali-parepare-3-2015"]}
    if draw(st.booleans()):
        _punctuate(draw, data["diktum"])
    ids = [d["id"] for d in data["diktum"] if "id" in d]
    if ids and draw(st.booleans()):
        data["diktum"][-1]["teks"] += f" [[{draw(st.sampled_from(ids))}]]"
    if draw(st.booleans()):
        data["lampiran"] = [{"judul": "Susunan Tim", "isi": _markdown(draw, ids)}]
    return data


@FRAME
@given(framed())
def test_random_framed_regulation_round_trips(data: dict) -> None:
    original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
    assert_same_tree(original, again, read, xml)


@FRAME
@given(decrees())
def test_random_decree_round_trips(data: dict) -> None:
    original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
    assert_same_tree(original, again, read, xml)


AMENDING = {
    "tentang": "Perubahan atas Peraturan Wali Kota Parepare Nomor 3 Tahun 2015 tentang Pedoman Lama",
    "menimbang": ["bahwa pedoman lama perlu disesuaikan"], "mengingat": ["uud-1945", "perwali-parepare-3-2015"],
    "mengubah": "perwali-parepare-3-2015",
    "batang_tubuh": [
        {"perubahan": [{"teks": "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
                        "naskah": "Pasal 5\n(1) Inovasi *ad hoc* dilaksanakan & dilaporkan.\n(2) Lainnya < 3."},
                       {"teks": "Di antara BAB II dan BAB III disisipkan 1 (satu) BAB, yakni BAB IIA:",
                        "naskah": "BAB IIA\nPELAPORAN\nPasal 9A\nLaporan disampaikan setiap tahun."},
                       {"teks": "Pasal 16 dihapus."}]},
        {"teks": "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."}],
}


def test_amending_regulation_of_a_catalogue_act_round_trips() -> None:
    """A Perubahan of an act in the catalogue (``mengubah: <catalogue id>``, Pasal I of change points with the
    new text quoted): the generated lead of Pasal I, or the author's own."""
    for data in (AMENDING, {**AMENDING, "batang_tubuh": [{"teks": "Beberapa ketentuan diubah sebagai berikut:",
                                                         **AMENDING["batang_tubuh"][0]},
                                                        AMENDING["batang_tubuh"][1]]}):
        original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
        assert_same_tree(original, again, read, xml)
        assert read["mengubah"] == "perwali-parepare-3-2015"


EMPHASIS_AND_REFERENCES = ["*lihat [[p1]] juga*", "**[[p1]]**", "***[[#p1]]*** dan *x*",
                           "awal *sebagaimana dimaksud dalam* [[#p1]]", "a \\* b [[p1, p2]]", "*ad hoc;*", "x *y*;",
                           "[[p1 sampai p2]] *z*", "catatan*) 5 * 3", "[[14]] hari sejak [[2021-06-04]]"]


@pytest.mark.parametrize("text", EMPHASIS_AND_REFERENCES)
def test_references_in_emphasis_and_literal_stars_round_trip(text: str) -> None:
    data = {"tentang": "Uji", "menimbang": ["bahwa perlu diatur"], "mengingat": ["uud-1945"],
            "batang_tubuh": [{"id": "p1", "teks": "satu"}, {"id": "p2", "teks": "dua"},
                             {"ayat": [{"teks": text, "rincian": {"sifat": "kumulatif", "butir": [text, text]}},
                                       text]}]}
    original, again, read, xml = round_trip(data, SETTINGS, CATALOGUE)
    assert_same_tree(original, again, read, xml)
