"""Frozen labels in the engine (issue 18, item 2): the new version of an amended regulation is built with the
labels its enacted numbers keep (Pasal 12A, BAB IVA, ayat (1a), huruf c1, angka 2a), printed as labels, and every
``[[id]]`` reference to them reads them -- single targets, several targets, ranges; ``versions.compare`` with
``rebuild`` quotes and outlines the new texts with those numbers.
"""

from __future__ import annotations

import copy
from typing import Any

from rancang import richtext
from rancang.drafting import versions
from rancang.drafting.engine import build
from rancang.drafting.tree import Document, Point, plain
from rancang.drafting.versions import apply, compare
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {
    "uud-1945": LegalBasis.model_validate({"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True})
}


def regulation(body: list, definitions: list | None = None) -> Regulation:
    data: dict[str, Any] = {"tentang": "Uji Nomor Beku", "menimbang": ["bahwa perlu diuji"], "mengingat": ["uud-1945"],
                            "batang_tubuh": body}
    if definitions:
        data["ketentuan_umum"] = definitions
    return Regulation.model_validate(data)


def built(model: Regulation, labels: dict[str, str] | None = None) -> Document:
    document, problems = build(model, SETTINGS, CATALOGUE, labels=labels)
    assert not problems, problems
    return document


def rebuild(model: Regulation):
    return lambda labels: built(model, dict(labels))


def norm(n: int, **extra) -> dict:
    return {"id": f"p{n}", "teks": f"Norma pasal {n} berlaku bagi perangkat daerah.", **extra}


def rincian(*items) -> dict:
    return {"sifat": "kumulatif", "butir": list(items)}


TERMS = [{"id": f"istilah-{n}", "istilah": f"Istilah {n}", "arti": f"arti yang ke-{n}"} for n in range(1, 4)]


def old_body() -> list:
    """Five BAB, three Pasal each, the first BAB "Ketentuan Umum" holding Pasal 1 (the definitions) before them:
    the Pasal of id ``pN`` is Pasal N; the engine adds BAB VI Ketentuan Penutup."""
    pasal7 = {"id": "p7", "ayat": [{"id": "p7-1", "teks": "Ayat pertama pasal tujuh."},
                                   {"id": "p7-2", "teks": "Ayat kedua pasal tujuh."},
                                   {"id": "p7-3", "teks": "Ayat ketiga pasal tujuh."}]}
    pasal8 = norm(8, rincian=rincian(*({"id": f"p8-{c}", "teks": f"kegiatan {c}"} for c in "abcd")))
    pasal8["teks"] = "Kegiatan meliputi:"
    pasal9 = {"id": "p9", "teks": "Pelaporan meliputi:", "rincian": rincian(
        {"id": "p9-a", "teks": "laporan berkala"},
        {"id": "p9-b", "teks": "laporan khusus yang terdiri atas:",
         "rincian": rincian(*({"id": f"p9-b-{k}", "teks": f"laporan jenis {k}"} for k in (1, 2, 3)))})}
    pasals = [norm(2), norm(3), norm(4), norm(5), norm(6), pasal7, pasal8, pasal9, norm(10), norm(11), norm(12),
              norm(13), norm(14), norm(15), norm(16)]
    return [{"id": f"bab-{n}", "bab": "Ketentuan Umum" if n == 1 else f"Bab nomor {n}",
             "isi": pasals[3 * (n - 1):3 * n]} for n in range(1, 6)]


def new_body(references: list[dict]) -> list:
    body = copy.deepcopy(old_body())
    by_id = {pasal["id"]: pasal for bab in body for pasal in bab["isi"]}
    by_id["p7"]["ayat"].insert(1, {"id": "ayat-baru", "teks": "Ayat sisipan pasal tujuh."})
    by_id["p7"]["ayat"][3]["teks"] = "Ayat ketiga pasal tujuh berlaku bagi hal [[ayat-baru]]."
    by_id["p8"]["rincian"]["butir"].insert(3, {"id": "huruf-baru", "teks": "kegiatan sisipan"})
    by_id["p9"]["rincian"]["butir"][1]["rincian"]["butir"].insert(2, {"id": "angka-baru", "teks": "laporan sisipan"})
    body[3]["isi"].insert(2, {"id": "pasal-baru", "teks": "Norma pasal sisipan sesudah pasal dua belas."})
    body.insert(4, {"id": "bab-baru", "bab": "Bab sisipan", "isi": [
        {"id": "pasal-bab-baru", "teks": "Norma pasal dalam bab sisipan."}]})
    body[5]["isi"].extend(references)
    return body


def new_terms() -> list:
    return TERMS[:2] + [{"id": "istilah-baru", "istilah": "Istilah Sisipan", "arti": "arti sisipan"}] + TERMS[2:]


REFERENCES = [
    {"id": "r1", "teks": "Rujukan tunggal [[pasal-baru]]."},
    {"id": "r2", "teks": "Rujukan ayat [[ayat-baru]]."},
    {"id": "r3", "teks": "Rujukan huruf [[huruf-baru]]."},
    {"id": "r4", "teks": "Rujukan angka [[angka-baru]]."},
    {"id": "r5", "teks": "Rujukan bab [[bab-baru]]."},
    {"id": "r6", "teks": "Rujukan label [[#pasal-bab-baru]]."},
    {"id": "r7", "teks": "Rujukan ganda [[p7-1, ayat-baru]]."},
    {"id": "r8", "teks": "Rujukan deret [[p12, pasal-baru, p13]]."},
    {"id": "r9", "teks": "Rujukan rentang [[ayat-baru sampai p7-3]]."},
    {"id": "r10", "teks": "Rujukan rentang pasal [[p12 sampai pasal-bab-baru]]."},
    {"id": "r11", "teks": "Rujukan istilah [[istilah-baru]]."},
    {"id": "r12", "teks": "Rujukan huruf dan angka [[huruf-baru, angka-baru]]."},
]

EXPECTED = {
    "r1": "Rujukan tunggal sebagaimana dimaksud dalam Pasal 12A.",
    "r2": "Rujukan ayat sebagaimana dimaksud dalam Pasal 7 ayat (1a).",
    "r3": "Rujukan huruf sebagaimana dimaksud dalam Pasal 8 huruf c1.",
    "r4": "Rujukan angka sebagaimana dimaksud dalam Pasal 9 huruf b angka 2a.",
    "r5": "Rujukan bab sebagaimana dimaksud dalam BAB IVA.",
    "r6": "Rujukan label Pasal 13A.",
    "r7": "Rujukan ganda sebagaimana dimaksud dalam Pasal 7 ayat (1) dan ayat (1a).",
    "r8": "Rujukan deret sebagaimana dimaksud dalam Pasal 12 sampai dengan Pasal 13.",
    "r9": "Rujukan rentang sebagaimana dimaksud dalam Pasal 7 ayat (1a) sampai dengan ayat (3).",
    "r10": "Rujukan rentang pasal sebagaimana dimaksud dalam Pasal 12 sampai dengan Pasal 13A.",
    "r11": "Rujukan istilah sebagaimana dimaksud dalam Pasal 1 angka 2a.",
    "r12": "Rujukan huruf dan angka sebagaimana dimaksud dalam Pasal 8 huruf c1 dan Pasal 9 huruf b angka 2a.",
}


def versions_pair() -> tuple[Document, Regulation]:
    return built(regulation(old_body(), TERMS)), regulation(new_body(REFERENCES), new_terms())


def by_source(document: Document) -> dict[str, str]:
    """The printed text of every Pasal by its id."""
    return {article.source.id: " ".join(plain(c.text) for c in article.clauses)
            for article in document.articles() if article.source is not None and article.source.id}


def test_inserted_elements_print_their_frozen_labels_and_references_read_them():
    old, model = versions_pair()
    compared = compare(old, built(model), rebuild(model))
    document = compared.document
    assert document is not None
    labels = [article.label for article in document.articles()]
    assert labels[11:17] == ["Pasal 12", "Pasal 12A", "Pasal 13", "Pasal 13A", "Pasal 14", "Pasal 15"]
    assert labels[-1] == "Pasal 17" and labels[-13:-1] == [f"Pasal 16{c}" for c in "ABCDEFGHIJKL"]
    assert [group.label for group in document.body] == ["BAB I", "BAB II", "BAB III", "BAB IV", "BAB IVA", "BAB V",
                                                        "BAB VI"]
    articles = {article.source.id: article for article in document.articles() if article.source is not None}
    assert [clause.label for clause in articles["p7"].clauses] == ["(1)", "(1a)", "(2)", "(3)"]
    assert [point.label for point in articles["p8"].clauses[0].points] == ["a.", "b.", "c.", "c1.", "d."]
    angka = articles["p9"].clauses[0].points[1].points
    assert [point.label for point in angka] == ["1.", "2.", "2a.", "3."]
    definitions = document.articles()[0].clauses[0].points
    assert [point.label for point in definitions] == ["1.", "2.", "2a.", "3."]
    printed = by_source(document)
    for key, sentence in EXPECTED.items():
        assert printed[key] == sentence, key
    assert printed["p7"] == ("Ayat pertama pasal tujuh. Ayat sisipan pasal tujuh. Ayat kedua pasal tujuh. Ayat "
                             "ketiga pasal tujuh berlaku bagi hal sebagaimana dimaksud pada ayat (1a).")


def test_anchors_do_not_move_with_the_labels():
    """The map is keyed by the anchors of the build without labels; a build with labels keeps them."""
    old, model = versions_pair()
    plain_build = built(model)
    compared = compare(old, plain_build, rebuild(model))
    assert compared.document is not None

    def anchors(document: Document) -> list[str]:
        return [anchor for anchor, _label in walk(document)]

    assert anchors(compared.document) == anchors(plain_build)
    assert compared.labels() == compare(old, plain_build).labels()
    assert dict(walk(compared.document)) == compared.labels()
    assert compared.labels()["pasal-13"] == "Pasal 12A" and compared.labels()["bab-5"] == "BAB IVA"
    assert compared.labels()["pasal-7-ayat-2"] == "(1a)" and compared.labels()["pasal-8-huruf-d"] == "c1."


def walk(document: Document) -> list[tuple[str, str]]:
    """(anchor, label) of every numbered element of the body."""
    out: list[tuple[str, str]] = []

    def points(items: list[Point]) -> None:
        for point in items:
            out.append((point.anchor, point.label))
            points(point.points)

    def items(body) -> None:
        for item in body:
            out.append((item.anchor, item.label))
            if hasattr(item, "clauses"):
                for clause in item.clauses:
                    if clause.label is not None:
                        out.append((clause.anchor, clause.label))
                    points(clause.points)
            else:
                items(item.children)

    items(document.body)
    return out


def test_the_article_number_stays_its_position():
    """``Article.number`` is the Pasal's position (order, ranges, the same Pasal, the linter); the label is frozen."""
    old, model = versions_pair()
    document = compare(old, built(model), rebuild(model)).document
    assert document is not None
    numbers = [article.number for article in document.articles()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert document.articles()[12].label == "Pasal 12A" and document.articles()[12].number == 13
    assert document.articles()[-1].label == "Pasal 17" and document.articles()[-1].number == len(numbers)


def test_without_labels_nothing_changes():
    model = regulation(new_body(REFERENCES), new_terms())
    assert built(model) == built(model, {})
    printed = by_source(built(model))
    assert printed["r1"] == "Rujukan tunggal sebagaimana dimaksud dalam Pasal 13."
    assert printed["r3"] == "Rujukan huruf sebagaimana dimaksud dalam Pasal 8 huruf d."
    assert printed["r2"] == "Rujukan ayat sebagaimana dimaksud dalam Pasal 7 ayat (2)."
    assert printed["r4"] == "Rujukan angka sebagaimana dimaksud dalam Pasal 9 huruf b angka 3."
    assert printed["r5"] == "Rujukan bab sebagaimana dimaksud dalam BAB V."


def test_a_bagian_and_a_paragraf_take_their_frozen_labels_in_references():
    body = [{"id": "bab-1", "bab": "Bab satu", "isi": [
        {"id": "bagian-1", "bagian": "Bagian satu", "isi": [
            {"id": "paragraf-1", "paragraf": "Paragraf satu", "isi": [norm(2)]},
            {"id": "paragraf-2", "paragraf": "Paragraf dua", "isi": [norm(3)]}]},
        {"id": "bagian-2", "bagian": "Bagian dua", "isi": [
            {"teks": "Rujukan [[bagian-2]] dan [[paragraf-2]] dan [[#p3]]."}]}]}]
    labels = {"bab-1": "BAB IA", "bab-1-bagian-2": "Bagian Kesatu A", "bab-1-bagian-1-paragraf-2": "Paragraf 1A",
              "pasal-2": "Pasal 1A"}
    document = built(regulation(body), labels)
    last = document.articles()[-2]
    assert plain(last.clauses[0].text) == ("Rujukan sebagaimana dimaksud dalam Bagian Kesatu A BAB IA dan "
                                           "sebagaimana dimaksud dalam Paragraf 1A Bagian Kesatu BAB IA dan Pasal 1A.")
    assert [group.label for group in document.body[0].children] == ["Bagian Kesatu", "Bagian Kesatu A"]


def test_compare_quotes_and_outlines_the_new_texts_with_frozen_numbers():
    old, model = versions_pair()
    compared = compare(old, built(model), rebuild(model))
    outline = dict(compared.outline())
    assert outline[("BAB IVA", "Pasal 13A")] == "Norma pasal dalam bab sisipan."
    assert outline[("BAB II", "Pasal 7", "(1a)")] == "Ayat sisipan pasal tujuh."
    assert outline[("BAB III", "Pasal 9", "b.", "2a.")] == "laporan sisipan; dan"
    assert outline[("BAB V", "Pasal 16A")] == EXPECTED["r1"]
    added = [text for path, text in outline.items() if len(path) == 2 and path[0] == "BAB V" and path[1] >= "Pasal 16A"]
    assert added == list(EXPECTED.values())
    assert apply(old, compared.points()) == compared.outline()
    quoted = [element for point in compared.points() for element in point.quoted]
    quoted_texts = {text for element in quoted for _path, text in element.outline()}
    assert EXPECTED["r1"] in quoted_texts and EXPECTED["r12"] in quoted_texts
    assert outline[("BAB II", "Pasal 7", "(3)")] == \
        "Ayat ketiga pasal tujuh berlaku bagi hal sebagaimana dimaksud pada ayat (1a)."


def test_a_kept_text_whose_reference_moves_to_another_bab_is_a_change():
    """Its compared form (the id it names) is the same, but it now prints another number: a change point."""
    body = [{"bab": "Bab satu", "isi": [norm(2), {"id": "pindah", "teks": "Norma yang dipindah."}]},
            {"bab": "Bab dua", "isi": [norm(4), {"id": "rujuk", "teks": "Rujukan [[pindah]]."}]}]
    moved = copy.deepcopy(body)
    moved[1]["isi"].insert(1, moved[0]["isi"].pop())
    old = built(regulation(body))
    model = regulation(moved)
    assert [p.action for p in compare(old, built(model)).points()] == ["hapus", "sisip"]
    compared = compare(old, built(model), rebuild(model))
    points = compared.points()
    assert [(p.action, p.labels) for p in points] == [("hapus", ("Pasal 2",)), ("sisip", ("Pasal 3A",)),
                                                      ("ubah", ("Pasal 4",))]
    assert dict(compared.outline())[("BAB II", "Pasal 4")] == "Rujukan sebagaimana dimaksud dalam Pasal 3A."
    assert apply(old, points) == compared.outline()


def test_versions_text_of_a_kept_reference_reads_the_enacted_number():
    """P's case again, now with the rebuild: the new text itself reads Pasal 13, so the kept text is the same."""
    body = [{"teks": f"Norma {n}."} for n in range(1, 16)]
    body[4] = {"teks": "Pelaksanaan [[pelaporan]] dilakukan setiap tahun."}
    body[12] = {"id": "pelaporan", "teks": "Perangkat daerah menyampaikan laporan."}
    model = regulation(body[:12] + [{"teks": "Norma sisipan."}] + body[12:])
    compared = compare(built(regulation(body)), built(model), rebuild(model))
    assert [(p.action, p.labels) for p in compared.points()] == [("sisip", ("Pasal 12A",))]
    assert compared.document is not None
    assert by_source_text(compared.document, 4) == \
        "Pelaksanaan sebagaimana dimaksud dalam Pasal 13 dilakukan setiap tahun."
    assert versions.outline_of(compared.frozen()) == compared.outline()


def by_source_text(document: Document, index: int) -> str:
    return plain(document.articles()[index].clauses[0].text)


def test_penjelasan_names_the_frozen_labels():
    """Penjelasan pasal demi pasal takes the Pasal's and ayat's labels: ``Pasal 2A``, ``Ayat (1a)``, ``Huruf a1``."""
    body = [norm(2), {"id": "sisip", "ayat": [{"id": "sisip-1", "teks": "Ayat satu [[sisip-2]]."},
                                              {"id": "sisip-2", "teks": "Ayat sisipan.", "rincian": rincian(
                                                  {"id": "butir-a", "teks": "butir pertama"},
                                                  {"teks": "butir kedua"})}]}]
    data = regulation(body).model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    data.update({"jenis": "peraturan_daerah", "penjelasan": {
        "umum": "Penjelasan umum merujuk [[sisip]].",
        "pasal": [{"rujukan": "sisip-2", "teks": "Ayat ini menjelaskan [[butir-a]]."},
                  {"rujukan": "butir-a", "teks": "Cukup jelas sekali."}]}})
    labels = {"pasal-2": "Pasal 1A", "pasal-2-ayat-2": "(1a)", "pasal-2-ayat-2-huruf-a": "a1."}
    document = built(Regulation.model_validate(data), labels)
    assert document.explanation is not None
    (explained,) = [e for e in document.explanation.articles if e.children]
    assert explained.label == "Pasal 1A"
    assert [child.label for child in explained.children] == ["Ayat (1)", "Ayat (1a)"]
    assert [grandchild.label for grandchild in explained.children[1].children] == ["Huruf a1", "Huruf b"]
    assert plain(document.articles()[1].clauses[0].text) == "Ayat satu sebagaimana dimaksud pada ayat (1a)."
    assert richtext.plain(explained.children[1].text) == "Ayat ini menjelaskan sebagaimana dimaksud pada huruf a1."
    assert richtext.plain(document.explanation.general) == \
        "Penjelasan umum merujuk sebagaimana dimaksud dalam Pasal 1A."


def test_an_amendment_of_an_amendment_through_the_engine():
    """The first amendment's labelled build is the enacted text of the second: 12A stays, the new one is 12B, and
    references in both read the frozen numbers."""
    original = [{"id": f"p{n}", "teks": f"Norma {n}."} for n in range(1, 16)]
    first = original[:12] + [{"id": "sisip-a", "teks": "Sisipan pertama merujuk [[p13]]."}] + original[12:]
    first_model = regulation(first)
    once = compare(built(regulation(original)), built(first_model), rebuild(first_model))
    assert once.document is not None
    assert by_source(once.document)["sisip-a"] == "Sisipan pertama merujuk sebagaimana dimaksud dalam Pasal 13."
    second = first[:13] + [{"id": "sisip-b", "teks": "Sisipan kedua merujuk [[sisip-a, sisip-b, p13]]."}] + first[13:]
    second[4] = {"id": "p5", "teks": "Norma 5 merujuk [[sisip-b]]."}
    second_model = regulation(second)
    twice = compare(once.document, built(second_model), rebuild(second_model))
    assert [(p.action, p.labels, p.between) for p in twice.points()] == [
        ("ubah", ("Pasal 5",), None), ("sisip", ("Pasal 12B",), ("Pasal 12A", "Pasal 13"))]
    assert twice.document is not None
    printed = by_source(twice.document)
    assert printed["p5"] == "Norma 5 merujuk sebagaimana dimaksud dalam Pasal 12B."
    assert printed["sisip-b"] == "Sisipan kedua merujuk sebagaimana dimaksud dalam Pasal 12A sampai dengan Pasal 13."
    assert printed["sisip-a"] == "Sisipan pertama merujuk sebagaimana dimaksud dalam Pasal 13."
    assert apply(once.document, twice.points()) == twice.outline()
