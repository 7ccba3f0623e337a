"""Two versions of a regulation (rancang.drafting.versions): alignment, frozen labels, change points, apply.

Unit tests on the cases of issue 18 (a Pasal inserted between 12 and 13, Pasal 16 deleted, ayat (2) of Pasal 7
changed, ayat (1a), BAB IVA, an amendment of an amendment), then a property test: random small regulations and
random edit scripts (insert, delete, modify at every level: BAB, Bagian, Pasal, ayat, huruf and angka, Ketentuan
Umum; ids kept, dropped or absent) -- the change points
applied to the old version give the new version's outline with frozen labels, exactly, and that outline holds
every text of the new version in order, with labels that never move and sort in document order.
"""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any, Mapping

import pytest
from hypothesis import HealthCheck, given, note, settings, strategies as st

from rancang.drafting import versions
from rancang.drafting.engine import build
from rancang.drafting.tree import Document, Point
from rancang.drafting.versions import DELETED, VersionError, apply, compare, diff
from rancang.language import numbering
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import Regulation

SETTINGS = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Parepare", "provinsi": "Sulawesi Selatan"}})
CATALOGUE = {
    "uud-1945": LegalBasis.model_validate({"id": "uud-1945", "jenis": "UUD", "tahun": 1945, "terkonfirmasi": True})
}


def model(body: list, definitions: list | None = None) -> Regulation:
    data: dict[str, Any] = {"tentang": "Uji Perubahan", "menimbang": ["bahwa perlu diuji"], "mengingat": ["uud-1945"],
                            "batang_tubuh": body}
    if definitions:
        data["ketentuan_umum"] = definitions
    return Regulation.model_validate(data)


def document(body: list, definitions: list | None = None, labels: Mapping[str, str] | None = None) -> Document:
    built, problems = build(model(body, definitions), SETTINGS, CATALOGUE, labels=labels)
    assert not problems, problems
    return built


def pasal(n: int) -> dict:
    return {"teks": f"Norma ke-{n} berlaku bagi setiap perangkat daerah."}


def articles(count: int) -> list[dict]:
    return [pasal(n) for n in range(1, count + 1)]


def rows(outline) -> dict[tuple[str, ...], str]:
    return dict(outline)


def check_applies(old: Document, new: Document) -> versions.Versions:
    compared = compare(old, new)
    assert apply(old, compared.points()) == compared.outline()
    return compared


# -- Pasal -------------------------------------------------------------------------------------------------------


def test_a_pasal_inserted_between_12_and_13_is_12a():
    body = articles(16)
    old, new = document(body), document(body[:12] + [{"teks": "Pasal yang baru disisipkan."}] + body[12:])
    compared = check_applies(old, new)
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.container, point.between) == \
        ("sisip", "pasal", ("Pasal 12A",), (), ("Pasal 12", "Pasal 13"))
    assert [e.text for e in point.quoted] == ["Pasal yang baru disisipkan."]
    assert point.instruction() == ("Di antara Pasal 12 dan Pasal 13 disisipkan 1 (satu) pasal, yakni Pasal 12A "
                                   "sehingga berbunyi sebagai berikut:")
    labels = [path[0] for path, _ in compared.outline()]
    assert labels[11:14] == ["Pasal 12", "Pasal 12A", "Pasal 13"]
    assert labels[-1] == "Pasal 17", "the commencement Pasal keeps its number"


def test_two_pasal_inserted_together_are_one_point():
    body = articles(14)
    new = document(body[:12] + [{"teks": "Sisipan pertama."}, {"teks": "Sisipan kedua."}] + body[12:])
    (point,) = diff(document(body), new)
    assert point.labels == ("Pasal 12A", "Pasal 12B")
    assert point.instruction().startswith("Di antara Pasal 12 dan Pasal 13 disisipkan 2 (dua) pasal, yakni Pasal 12A "
                                          "dan Pasal 12B")


def test_pasal_16_deleted_keeps_its_number():
    body = articles(18)
    old, new = document(body), document(body[:15] + body[16:])
    compared = check_applies(old, new)
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.quoted) == ("hapus", "pasal", ("Pasal 16",), ())
    assert point.instruction() == "Pasal 16 dihapus."
    outline = rows(compared.outline())
    assert outline[("Pasal 16",)] == DELETED
    assert outline[("Pasal 17",)] == pasal(17)["teks"]
    assert ("Pasal 19",) in outline


def test_consecutive_deleted_pasal_are_one_point():
    body = articles(18)
    (point,) = diff(document(body), document(body[:15] + body[17:]))
    assert point.labels == ("Pasal 16", "Pasal 17")
    assert point.instruction() == "Pasal 16 dan Pasal 17 dihapus."


def test_text_alignment_pairs_the_most_similar_and_inserts_the_rest():
    body = articles(5)
    edited = copy.deepcopy(body)
    edited[2]["teks"] = edited[2]["teks"].replace("setiap", "seluruh")
    edited.insert(2, {"teks": "Ketentuan yang sama sekali baru tentang pelaporan."})
    points = diff(document(body), document(edited))
    assert [(p.action, p.labels) for p in points] == [("sisip", ("Pasal 2A",)), ("ubah", ("Pasal 3",))]


def test_apply_refuses_a_point_naming_what_the_old_text_lacks():
    body = articles(4)
    (point,) = diff(document(body), document(body[:3]))
    with pytest.raises(VersionError, match="tidak ada dalam naskah lama"):
        apply(document(articles(2)), [point])


def test_a_pasal_whose_own_text_changed_is_replaced_whole():
    body = articles(6)
    changed = copy.deepcopy(body)
    changed[4]["teks"] = "Norma kelima dirumuskan ulang."
    (point,) = diff(document(body), document(changed))
    assert (point.action, point.level, point.labels) == ("ubah", "pasal", ("Pasal 5",))
    assert point.quoted[0].text == "Norma kelima dirumuskan ulang."
    assert point.instruction() == "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"


def test_unchanged_versions_have_no_change_point():
    body = [{"bab": "Ruang Lingkup", "isi": [{"ayat": ["satu", {"teks": "dua", "rincian": {
        "sifat": "kumulatif", "butir": ["x", "y"]}}]}]}]
    compared = check_applies(document(body), document(copy.deepcopy(body)))
    assert compared.points() == []
    assert all(item.unchanged for item in compared.body)


# -- ayat ------------------------------------------------------------------------------------------------------


def seven(clauses: list) -> list[dict]:
    return articles(6) + [{"ayat": clauses}] + articles(2)


AYAT = ["Ayat pertama mengatur tugas.", "Ayat kedua mengatur fungsi.", "Ayat ketiga mengatur wewenang."]


def test_ayat_2_of_pasal_7_changed():
    compared = check_applies(document(seven(AYAT)), document(seven([AYAT[0], "Ayat kedua diganti.", AYAT[2]])))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.container) == ("ubah", "ayat", ("(2)",), ("Pasal 7",))
    assert [e.text for e in point.quoted] == ["Ayat kedua diganti."]
    assert point.article is not None and point.article.label == "Pasal 7" and len(point.article.children) == 3
    assert point.instruction() == "Ketentuan ayat (2) Pasal 7 diubah sehingga berbunyi sebagai berikut:"


def test_two_ayat_changed_are_one_point():
    (point,) = diff(document(seven(AYAT)), document(seven([AYAT[0], "Dua baru.", "Tiga baru."])))
    assert (point.action, point.labels) == ("ubah", ("(2)", "(3)"))
    assert point.instruction() == "Ketentuan ayat (2) dan ayat (3) Pasal 7 diubah sehingga berbunyi sebagai berikut:"


def test_a_pasal_whose_every_ayat_changed_is_replaced_whole():
    (point,) = diff(document(seven(AYAT)), document(seven(["Satu baru.", "Dua baru.", "Tiga baru."])))
    assert (point.action, point.level, point.labels) == ("ubah", "pasal", ("Pasal 7",))


def test_two_kinds_of_change_in_one_pasal_replace_it_whole():
    new = document(seven([AYAT[0], "Dua baru.", AYAT[2], "Ayat keempat yang ditambahkan."]))
    compared = check_applies(document(seven(AYAT)), new)
    (point,) = compared.points()
    assert (point.action, point.level, point.labels) == ("ubah", "pasal", ("Pasal 7",))
    assert [child.label for child in point.quoted[0].children] == ["(1)", "(2)", "(3)", "(4)"]


def test_ayat_inserted_between_1_and_2():
    new = document(seven([AYAT[0], "Sisipan a.", "Sisipan b.", *AYAT[1:]]))
    compared = check_applies(document(seven(AYAT)), new)
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.between) == \
        ("sisip", "ayat", ("(1a)", "(1b)"), ("(1)", "(2)"))
    assert point.instruction() == ("Di antara ayat (1) dan ayat (2) Pasal 7 disisipkan 2 (dua) ayat, yakni ayat (1a) "
                                   "dan ayat (1b) sehingga Pasal 7 berbunyi sebagai berikut:")
    assert [path[-1] for path, _ in compared.outline() if path[0] == "Pasal 7"][1:] == \
        ["(1)", "(1a)", "(1b)", "(2)", "(3)"]


def test_ayat_appended_after_the_last_takes_the_next_number():
    (point,) = diff(document(seven(AYAT)), document(seven([*AYAT, "Ayat tambahan."])))
    assert (point.labels, point.between) == (("(4)",), ("(3)", None))
    assert point.instruction().startswith("Setelah ayat (3) Pasal 7 ditambahkan 1 (satu) ayat, yakni ayat (4)")


def test_ayat_deleted_keeps_its_number():
    compared = check_applies(document(seven(AYAT)), document(seven([AYAT[0], AYAT[2]])))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels) == ("hapus", "ayat", ("(2)",))
    assert rows(compared.outline())[("Pasal 7", "(2)")] == DELETED


def test_an_ayat_written_before_the_first_changes_the_first():
    """No number exists before (1): the first ayat is changed and the old first one follows it as (1a)."""
    compared = check_applies(document(seven(AYAT)), document(seven(["Ayat di depan.", *AYAT])))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels) == ("ubah", "pasal", ("Pasal 7",))
    assert [path[-1] for path, _ in compared.outline() if path[0] == "Pasal 7"][1:] == ["(1)", "(1a)", "(2)", "(3)"]


def test_an_ayat_inserted_before_the_first_one_named_by_its_id_is_refused():
    clauses = [{"id": "pertama", "teks": AYAT[0]}, *AYAT[1:]]
    with pytest.raises(VersionError, match="sebelum ayat pertama"):
        compare(document(seven(clauses)), document(seven(["Ayat di depan.", *clauses])))


def test_one_norm_becoming_ayat_rewrites_the_pasal():
    old = document(articles(3))
    new = document([pasal(1), {"ayat": [pasal(2)["teks"], "Ayat yang baru."]}, pasal(3)])
    compared = check_applies(old, new)
    (point,) = compared.points()
    assert (point.action, point.level, point.labels) == ("ubah", "pasal", ("Pasal 2",))
    assert [c.label for c in point.quoted[0].children] == ["(1)", "(2)"]


# -- huruf and angka -------------------------------------------------------------------------------------------


def listed(items: list) -> list[dict]:
    return articles(2) + [{"teks": "Tugas meliputi:", "rincian": {"sifat": "kumulatif", "butir": items}}]


def test_huruf_and_angka_inserted_one_level_down():
    """(Inserting before the second-to-last item would move the list's "; dan": a changed item too.)"""
    periods = {"sifat": "alternatif", "butir": ["bulanan", "triwulanan", "tahunan"]}
    items = ["perencanaan", "pelaksanaan", {"teks": "pelaporan", "rincian": periods}]
    inserted = ["perencanaan", "penganggaran", *items[1:]]
    compared = check_applies(document(listed(items)), document(listed(inserted)))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.container, point.between) == \
        ("sisip", "huruf", ("a1.",), ("Pasal 3",), ("a.", "b."))
    assert point.instruction().startswith("Di antara huruf a dan huruf b Pasal 3 disisipkan 1 (satu) huruf, "
                                          "yakni huruf a1")
    nested = copy.deepcopy(items)
    nested[2]["rincian"]["butir"] = ["bulanan", "dwibulanan", "triwulanan", "tahunan"]
    (point,) = diff(document(listed(items)), document(listed(nested)))
    assert (point.action, point.level, point.labels, point.container) == \
        ("sisip", "angka", ("1a.",), ("huruf c", "Pasal 3"))


def test_definitions_of_ketentuan_umum_take_inserted_angka():
    terms = [{"istilah": f"Istilah {n}", "arti": f"arti istilah {n}"} for n in range(1, 5)]
    grown = terms[:3] + [{"istilah": "Istilah Baru", "arti": "arti istilah baru"}] + terms[3:]
    (point,) = diff(document(articles(2), terms), document(articles(2), grown))
    assert (point.action, point.level, point.labels, point.container) == ("sisip", "angka", ("3a.",), ("Pasal 1",))


# -- BAB, Bagian ---------------------------------------------------------------------------------------------------


def chapters(count: int) -> list[dict]:
    return [{"bab": f"Bab Nomor {n}", "isi": [{"teks": f"Norma bab {n} pasal {k}."} for k in (1, 2)]}
            for n in range(1, count + 1)]


def test_a_bab_inserted_between_iv_and_v_is_one_point_with_its_pasal():
    body = chapters(6)
    new_bab = {"bab": "Bab Sisipan", "isi": [{"teks": "Norma sisipan satu."}, {"teks": "Norma sisipan dua."}]}
    compared = check_applies(document(body), document(body[:4] + [new_bab] + body[4:]))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.between) == \
        ("sisip", "bab", ("BAB IVA",), ("BAB IV", "BAB V"))
    assert [child.label for child in point.quoted[0].children] == ["Pasal 8A", "Pasal 8B"]
    assert point.instruction() == ("Di antara BAB IV dan BAB V disisipkan 1 (satu) bab, yakni BAB IVA sehingga "
                                   "berbunyi sebagai berikut:")


def test_a_pasal_added_at_the_end_of_a_bab_is_inserted_before_the_next_bab_pasal():
    body = chapters(3)
    grown = copy.deepcopy(body)
    grown[0]["isi"].append({"teks": "Norma tambahan di akhir bab satu."})
    (point,) = diff(document(body), document(grown))
    assert (point.labels, point.between, point.path) == (("Pasal 2A",), ("Pasal 2", "Pasal 3"), ("BAB I",))


def test_a_deleted_bab_is_one_point_and_later_numbers_stay():
    body = chapters(4)
    compared = check_applies(document(body), document(body[:1] + body[2:]))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels) == ("hapus", "bab", ("BAB II",))
    assert point.instruction() == "BAB II dihapus."
    outline = rows(compared.outline())
    assert outline[("BAB II",)] == DELETED and ("BAB III", "Pasal 5") in outline


def test_a_bab_title_changed_is_a_point_on_its_heading():
    body = chapters(3)
    renamed = copy.deepcopy(body)
    renamed[1]["bab"] = "Judul Bab Baru"
    compared = check_applies(document(body), document(renamed))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.heading_only) == ("ubah", "bab", ("BAB II",), True)
    assert point.quoted[0].text == "JUDUL BAB BARU" and point.quoted[0].children == ()


def test_a_bagian_inserted_names_its_bab():
    body = [{"bab": "Isi", "isi": [{"bagian": "Kesatu Isi", "isi": [pasal(1)]},
                                   {"bagian": "Kedua Isi", "isi": [pasal(2)]}]}]
    grown = copy.deepcopy(body)
    grown[0]["isi"].insert(1, {"bagian": "Sisipan", "isi": [{"teks": "Norma bagian sisipan."}]})
    (point,) = diff(document(body), document(grown))
    assert (point.level, point.labels, point.container) == ("bagian", ("Bagian Kesatu A",), ("BAB I",))
    assert point.quoted[0].children[0].label == "Pasal 1A"


def test_a_bab_whose_pasal_are_now_grouped_is_replaced_whole_keeping_its_numbers():
    body = chapters(3)
    grouped = copy.deepcopy(body)
    grouped[1]["isi"] = [{"bagian": "Bagian Baru", "isi": [{"teks": "Norma dalam bagian baru."}]}]
    compared = check_applies(document(body), document(grouped))
    (point,) = compared.points()
    assert (point.action, point.level, point.labels, point.heading_only) == ("ubah", "bab", ("BAB II",), False)
    assert [(c.label, c.text) for c in point.quoted[0].children] == \
        [("Pasal 3", DELETED), ("Pasal 4", DELETED), ("Bagian Kesatu", "Bagian Baru")]
    assert point.quoted[0].children[2].children[0].label == "Pasal 4A"


# -- ids ---------------------------------------------------------------------------------------------------------


def test_an_id_matches_a_rewritten_pasal_and_different_ids_never_match():
    body = [pasal(1), {"id": "tugas", "teks": "Tugas lama."}, {"id": "fungsi", "teks": "Sama persis."}, pasal(4)]
    edited = [pasal(1), {"id": "tugas", "teks": "Sesuatu yang sama sekali lain bunyinya."},
              {"id": "fungsi-baru", "teks": "Sama persis."}, pasal(4)]
    points = diff(document(body), document(edited))
    assert [(p.action, p.labels) for p in points] == [("ubah", ("Pasal 2",)), ("hapus", ("Pasal 3",)),
                                                      ("sisip", ("Pasal 3A",))]


def test_the_alignment_lists_every_element_of_both_versions():
    body = [pasal(1), {"ayat": AYAT}, pasal(3)]
    edited = [pasal(1), {"ayat": [AYAT[0], AYAT[2]]}, {"teks": "Baru di sini."}, pasal(3)]
    rows_ = [(status, level, path) for status, level, path, *_ in compare(document(body), document(edited)).alignment()]
    assert rows_[:6] == [("kept", "pasal", ("Pasal 1",)), ("kept", "pasal", ("Pasal 2",)),
                         ("kept", "ayat", ("Pasal 2", "(1)")), ("deleted", "ayat", ("Pasal 2", "(2)")),
                         ("kept", "ayat", ("Pasal 2", "(3)")), ("inserted", "pasal", ("Pasal 2A",))]


def test_a_reference_whose_number_moved_in_the_new_version_is_no_change():
    body = articles(15)
    body[4] = {"teks": "Pelaksanaan [[pelaporan]] dilakukan setiap tahun."}
    body[12] = {"id": "pelaporan", "teks": "Perangkat daerah menyampaikan laporan."}
    compared = check_applies(document(body), document(body[:12] + [{"teks": "Norma sisipan."}] + body[12:]))
    assert [(p.action, p.labels) for p in compared.points()] == [("sisip", ("Pasal 12A",))]
    assert rows(compared.outline())[("Pasal 5",)] == \
        "Pelaksanaan sebagaimana dimaksud dalam Pasal 13 dilakukan setiap tahun.", "as enacted, frozen number"


def test_labels_map_new_anchors_to_frozen_labels():
    body = articles(4)
    compared = compare(document(body), document(body[:2] + [{"teks": "Baru."}] + body[2:]))
    labels = compared.labels()
    assert labels["pasal-3"] == "Pasal 2A" and labels["pasal-4"] == "Pasal 3" and labels["pasal-6"] == "Pasal 5"


# -- an amendment of an amendment ----------------------------------------------------------------------------------


def amended(count: int, inserted_after: int) -> Document:
    """A regulation as amended once: a Pasal ``<inserted_after>A`` follows Pasal ``inserted_after``."""
    built = document(articles(count))
    for article in built.articles():
        if article.number == inserted_after + 1:
            article.label = f"Pasal {inserted_after}A"
        elif article.number > inserted_after + 1:
            article.label = f"Pasal {article.number - 1}"
    return built


def test_an_amendment_of_an_amendment_continues_after_12a():
    old = amended(15, 12)
    texts = [pasal(n)["teks"] for n in range(1, 16)]
    once = [{"teks": t} for t in texts[:13]] + [{"teks": "Sisipan sesudah 12A."}] + [{"teks": t} for t in texts[13:]]
    compared = check_applies(old, document(once))
    (point,) = compared.points()
    assert (point.labels, point.between) == (("Pasal 12B",), ("Pasal 12A", "Pasal 13"))
    twice = once[:14] + [{"teks": "Sisipan kedua."}] + once[14:]
    (point,) = diff(old, document(twice))
    assert (point.labels, point.between) == (("Pasal 12B", "Pasal 12C"), ("Pasal 12A", "Pasal 13"))


def test_inserting_between_12_and_12a_is_refused():
    old = amended(15, 12)
    texts = [pasal(n)["teks"] for n in range(1, 16)]
    edited = [{"teks": t} for t in texts[:12]] + [{"teks": "Di antara 12 dan 12A."}] + [{"teks": t} for t in texts[12:]]
    with pytest.raises(VersionError, match="tidak mempunyai nomor sisipan"):
        compare(old, document(edited))


# -- property: apply(old, diff(old, new)) is new with frozen labels ---------------------------------------------

PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Writer:
    def __init__(self, draw):
        self.draw = draw
        self.count = itertools.count(1)
        self.ids = itertools.count(1)

    def text(self, what: str) -> str:
        words = self.draw(st.sampled_from(["tugas", "fungsi", "wewenang", "sasaran", "pelaporan", "anggaran"]))
        return f"{what} nomor {next(self.count)} tentang {words}"

    def with_id(self, node: dict) -> dict:
        if self.draw(st.integers(0, 2)) == 0:
            node["id"] = f"u{next(self.ids)}"
        return node

    def items(self, depth: int) -> dict:
        butir = []
        for _ in range(self.draw(st.integers(2, 3))):
            item = self.with_id({"teks": self.text("butir")})
            if depth < 2 and self.draw(st.integers(0, 3)) == 0:
                item["rincian"] = self.items(depth + 1)
            butir.append(item)
        return {"sifat": "kumulatif", "butir": butir}

    def clause(self) -> dict:
        node = self.with_id({"teks": self.text("ayat")})
        if self.draw(st.integers(0, 3)) == 0:
            node["rincian"] = self.items(1)
        return node

    def article(self) -> dict:
        count = self.draw(st.integers(0, 3))
        if count == 0:
            node = self.with_id({"teks": self.text("pasal")})
            if self.draw(st.integers(0, 3)) == 0:
                node["rincian"] = self.items(1)
            return node
        return self.with_id({"ayat": [self.clause() for _ in range(count)]})

    def part(self) -> dict:
        count = self.draw(st.integers(1, 3))
        return self.with_id({"bagian": self.text("bagian"), "isi": [self.article() for _ in range(count)]})

    def chapter(self) -> dict:
        if self.draw(st.integers(0, 3)) == 0:
            parts = [self.part() for _ in range(self.draw(st.integers(1, 2)))]
            return self.with_id({"bab": self.text("bab"), "isi": parts})
        count = self.draw(st.integers(1, 5))
        return self.with_id({"bab": self.text("bab"), "isi": [self.article() for _ in range(count)]})


def lists_of(node: Any, out: list) -> list:
    """Every list of elements in a body, with what an element of it is and its least length."""
    if isinstance(node, list):
        return out
    for key, kind, least in (("isi", "pasal", 1), ("ayat", "ayat", 1), ("butir", "butir", 2)):
        container = node.get(key)
        if container is not None:
            if key == "isi" and "bagian" in container[0]:
                kind = "bagian"
            out.append((container, kind, least))
            for child in container:
                lists_of(child, out)
    if "rincian" in node:
        lists_of(node["rincian"], out)
    return out


@st.composite
def versions_pair(draw) -> tuple[dict, dict]:
    """Two versions ``{"body": ..., "terms": ...}``: a random one and the same after a random edit script."""
    writer = Writer(draw)
    old = {"body": [writer.chapter() for _ in range(draw(st.integers(1, 3)))],
           "terms": [writer.with_id({"istilah": f"Istilah {n}", "arti": writer.text("arti")})
                     for n in range(draw(st.integers(0, 3)))]}
    add_references(draw, old)
    new = copy.deepcopy(old)
    for _ in range(draw(st.integers(1, 6))):
        containers = [(new["body"], "bab", 1)] + ([(new["terms"], "istilah", 1)] if new["terms"] else [])
        for chapter in new["body"]:
            lists_of(chapter, containers)
        container, kind, least = draw(st.sampled_from(containers))
        action = draw(st.sampled_from(["insert", "delete", "modify", "drop-id"]))
        if action == "insert":
            made = {"bab": writer.chapter, "bagian": writer.part, "pasal": writer.article, "ayat": writer.clause,
                    "butir": lambda: writer.with_id({"teks": writer.text("butir baru")}),
                    "istilah": lambda: {"istilah": "Istilah Baru", "arti": writer.text("arti baru")}}[kind]()
            container.insert(draw(st.integers(1, len(container))), made)
        elif action == "delete" and len(container) > least:
            del container[draw(st.integers(0, len(container) - 1))]
        elif action in ("modify", "drop-id"):
            index = draw(st.integers(0, len(container) - 1))
            element = container[index]
            if action == "drop-id":
                element.pop("id", None)
                continue
            key = next((k for k in ("bab", "bagian", "teks", "arti") if k in element), None)
            if key is None:  # a Pasal of ayat: change one of them
                element = element["ayat"][draw(st.integers(0, len(element["ayat"]) - 1))]
                key = "teks"
            element[key] = element[key] + " yang diubah"
    drop_broken_references(new)
    add_references(draw, new)
    return old, new


REFERENCE = re.compile(r" menurut \[\[([a-z0-9, -]+)\]\]")


def nodes_of(version: dict) -> list[dict]:
    """Every element of a version (a dict), in document order."""
    out: list[dict] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            out.append(node)
            for key in ("isi", "ayat", "rincian", "butir"):
                if key in node:
                    walk(node[key])

    walk(version["body"])
    walk(version["terms"])
    return out


def add_references(draw, version: dict) -> None:
    """A few texts get ``menurut [[id]]`` (or two ids) to a random Pasal, ayat, butir or istilah of the version."""
    every = nodes_of(version)
    referable = [n["id"] for n in every if "id" in n and not ("bab" in n or "bagian" in n)]
    texts = [n for n in every if "teks" in n or "arti" in n]
    if not referable:
        return
    for _ in range(draw(st.integers(0, 3))):
        node = draw(st.sampled_from(texts))
        ids = draw(st.lists(st.sampled_from(referable), min_size=1, max_size=2, unique=True))
        key = "teks" if "teks" in node else "arti"
        node[key] = f"{node[key]} menurut [[{', '.join(ids)}]]"


def drop_broken_references(version: dict) -> None:
    """After the edits: a reference to an element deleted (or whose id was dropped) goes, with its words."""
    every = nodes_of(version)
    known = {n["id"] for n in every if "id" in n}
    for node in every:
        for key in ("teks", "arti"):
            if key in node:
                node[key] = REFERENCE.sub(
                    lambda m: m.group(0) if all(i.strip() in known for i in m.group(1).split(",")) else "", node[key])


def new_texts(built: Document) -> list[str]:
    return [text for _path, text in versions.outline_of(versions.elements(built))]


COMPONENT = re.compile(r"Pasal \S+|ayat \(\S+\)|huruf \S+|angka \S+")


def check_references_read_frozen_labels(built: Document, labels: Mapping[str, str]) -> None:
    """Every reference in the labelled build names its target, and the Pasal and ayat it is in, by their frozen
    labels: its words (``Pasal 12A ayat (1a) huruf c1``) end the chain of labels down to the target."""
    for text in reference_texts(built):
        for span in text:
            if span.target is None:
                continue
            segments = span.target.split("-")
            chain = []
            for end in range(2, len(segments) + 1, 2):
                kind, anchor = segments[end - 2], "-".join(segments[:end])
                label = labels[anchor]
                if kind == "pasal":
                    chain.append(label)
                elif kind == "ayat":
                    chain.append(f"ayat {label}")
                else:
                    chain.append(f"{kind} {label.rstrip('.')}")
            read = COMPONENT.findall(span.text)
            assert read and read == chain[len(chain) - len(read):], (span.text, chain)


def reference_texts(built: Document) -> list:
    out = []

    def points(items: list[Point]) -> None:
        for point in items:
            out.extend([point.text, point.closing or []])
            points(point.points)

    for article in built.articles():
        for clause in article.clauses:
            out.extend([clause.text, clause.closing or []])
            points(clause.points)
    return out


def check_labels_sorted(outline) -> None:
    """Siblings sort in document order by their labels, and Pasal do so across the whole body."""
    siblings: dict[tuple[str, ...], list[str]] = {}
    pasal_labels = []
    for path, _text in outline:
        siblings.setdefault(path[:-1], []).append(path[-1])
        if path[-1].startswith("Pasal "):
            pasal_labels.append(path[-1])
    for labels in [*siblings.values(), pasal_labels]:
        by_level: dict[str, list[str]] = {}
        for label in labels:
            by_level.setdefault(_level_of(label), []).append(label)
        for level, same in by_level.items():
            keys = [numbering.label_key(level, _bare(label)) for label in same]
            assert keys == sorted(keys) and len(set(keys)) == len(keys), same


def _level_of(label: str) -> str:
    for prefix, level in (("BAB ", "bab"), ("Pasal ", "pasal"), ("Bagian ", "bagian"), ("Paragraf ", "paragraf"),
                          ("(", "ayat")):
        if label.startswith(prefix):
            return level
    return "huruf" if label[0].isalpha() else "angka"


def _bare(label: str) -> str:
    for prefix in ("BAB ", "Pasal ", "Bagian ", "Paragraf "):
        if label.startswith(prefix):
            return label[len(prefix):]
    return label


@PROPERTY
@given(versions_pair())
def test_the_change_points_applied_to_the_old_version_give_the_new_one(pair):
    old_version, new_version = pair
    note(f"old: {old_version}\nnew: {new_version}")
    old = document(old_version["body"], old_version["terms"])
    new = document(new_version["body"], new_version["terms"])
    unlabelled = compare(old, new)
    compared = compare(old, new, lambda labels: document(new_version["body"], new_version["terms"], labels))
    assert compared.document is not None
    assert compared.labels() == unlabelled.labels(), "alignment and labels are those of the unlabelled build"
    check_references_read_frozen_labels(compared.document, compared.labels())
    points = compared.points()
    outline = compared.outline()
    note("\n".join(f"{p.action} {p.level} {p.labels} {p.container} {p.between}" for p in points))
    assert apply(old, points) == outline
    assert [text for _path, text in outline if text != DELETED] == new_texts(compared.document), \
        "the new version built with its frozen labels, every text as the outline reads it"
    check_labels_sorted(outline)
    old_pasal = [item.label for top in compared.body for item in top.walk() if item.level == "pasal" and item.old]
    assert old_pasal == [a.label for a in old.articles()], "every enacted Pasal keeps its number"
    where = {path: index for index, (path, _text) in enumerate(outline)}
    places = [where[point.path + (point.labels[0],)] for point in points]
    assert places == sorted(places), "change points in document order"
    for point in points:
        assert point.instruction()
    statuses = {status for status, *_ in compared.alignment()}
    assert statuses <= {"kept", "changed", "inserted", "deleted"}
    if old_version == new_version:
        assert points == []
