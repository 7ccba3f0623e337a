"""Akoma Ntoso eIds of the numbered tree (rancang.drafting.eids): the example regulations' known addresses, every
example regulation's eIds unique and well formed, a Perubahan's change points and quoted texts, a Keputusan's
diktum, the Penjelasan and lampiran as attachments, and properties over random regulations and amendment chains.

The expected eIds are written out here (legal-products §5.2/§5.3), not computed with the module under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, note, settings, HealthCheck

from rancang.check import check_project
from rancang.drafting import consolidation, eids, versions
from rancang.drafting.tree import Article, Clause, Document, Group, Point

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = (ROOT, ROOT / "examples" / "pangkep", ROOT / "examples" / "latihan-perubahan")

EID = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)*(?:__[a-z]+_[0-9A-Za-z-]+(?:_[0-9]+)?)*$")
"""An eId as the naming convention writes it, spelled out here: ``abbr_number`` parts joined by ``__`` (only a
container without a number, ``recs`` or ``cits``, is a bare abbreviation)."""

FEW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def checked():
    """Each example project checked once: its regulations built once, as the build does."""
    return {root.name if root != ROOT else "kb": check_project(root) for root in PROJECTS}


def _document(checked, project: str, record_id: str) -> Document:
    return checked[project].drafts[record_id].document


def _every_eid(document: Document) -> list[str]:
    """Every eId of a tree, walked here (not with eids.all_eids), containers included."""
    out = [document.recitals_eid, document.citations_eid, *(e.eid for e in document.considerations),
           *(e.eid for e in document.legal_bases)]
    if document.noted:
        out += [document.noted_eid, *(e.eid for e in document.noted)]

    def points(owner) -> None:
        if owner.points:
            out.append(owner.list_eid)
        for point in owner.points:
            out.append(point.eid)
            points(point)

    def body(item) -> None:
        out.append(item.eid)
        if isinstance(item, Group):
            for child in item.children:
                body(child)
            return
        for clause in item.clauses:
            if clause.label is not None:
                out.append(clause.eid)
            points(clause)
        if item.changes:
            out.append(item.list_eid)
        for change in item.changes:
            out.append(change.eid)
            if change.quoted:
                out.append(change.quoted_eid)

    def explained(item) -> None:
        out.append(item.eid)
        for child in item.children:
            explained(child)

    for item in document.body:
        body(item)
    for dictum in document.dicta:
        out.append(dictum.eid)
        points(dictum)
    if document.explanation is not None:
        part = document.explanation
        out += [part.eid, part.general_eid, part.articles_eid]
        for item in part.articles:
            explained(item)
    out += [annex.eid for annex in document.annexes]
    return out


def _article(document: Document, label: str) -> Article:
    return next(article for article in document.articles() if article.label == label)


# -- the example Perwali -------------------------------------------------------------------------------------------


def test_the_perwali_addresses_its_bab_bagian_pasal_ayat_and_huruf(checked):
    document = _document(checked, "kb", "perwali-inovasi-daerah")
    assert [group.eid for group in document.body][:3] == ["chp_I", "chp_II", "chp_III"]
    bab_iii = document.body[2]
    assert [child.eid for child in bab_iii.children] == ["chp_III__part_1", "chp_III__part_2"]
    pasal_7 = _article(document, "Pasal 7")
    assert pasal_7.eid == "chp_IV__part_2__sec_7"
    ayat_1, ayat_2 = pasal_7.clauses
    assert (ayat_1.eid, ayat_2.eid) == ("chp_IV__part_2__sec_7__subsec_1", "chp_IV__part_2__sec_7__subsec_2")
    assert ayat_1.list_eid == "chp_IV__part_2__sec_7__subsec_1__list_1"
    assert ayat_1.points[0].eid == "chp_IV__part_2__sec_7__subsec_1__list_1__item_a"
    # a Pasal of one norm: no subsection, its rincian under the Pasal
    pasal_5 = _article(document, "Pasal 5")
    assert pasal_5.eid == "chp_III__part_2__sec_5"
    assert pasal_5.clauses[0].eid == ""
    assert pasal_5.clauses[0].points[1].eid == "chp_III__part_2__sec_5__list_1__item_b"
    # Ketentuan Umum: the definitions are numbered items of Pasal 1
    pasal_1 = _article(document, "Pasal 1")
    assert [p.eid for p in pasal_1.clauses[0].points][:2] == ["chp_I__sec_1__list_1__item_1",
                                                              "chp_I__sec_1__list_1__item_2"]


def test_menimbang_and_mengingat_are_recitals_and_citations(checked):
    document = _document(checked, "kb", "perwali-inovasi-daerah")
    assert (document.recitals_eid, document.citations_eid, document.noted_eid) == ("recs", "cits", "")
    assert [entry.eid for entry in document.considerations] == ["recs__rec_a", "recs__rec_b", "recs__rec_c",
                                                                "recs__rec_d"]
    assert [entry.eid for entry in document.legal_bases][:2] == ["cits__cit_1", "cits__cit_2"]
    assert len({entry.eid for entry in document.legal_bases}) == len(document.legal_bases)


def test_an_anchor_leads_to_its_eid(checked):
    document = _document(checked, "kb", "perwali-inovasi-daerah")
    found = eids.by_anchor(document)
    assert found["pasal-5"] == "chp_III__part_2__sec_5"
    assert found["pasal-7-ayat-1-huruf-a"] == "chp_IV__part_2__sec_7__subsec_1__list_1__item_a"
    assert found["bab-3-bagian-2"] == "chp_III__part_2"
    assert found["menimbang"] == "recs"
    # every reference of the text points at an element with an eId
    targets = {span.target for article in document.articles() for clause in article.clauses
               for span in [*clause.text, *(s for p in clause.points for s in p.text)] if span.target}
    assert targets and targets <= set(found)


# -- every example regulation --------------------------------------------------------------------------------------


def _all_documents(checked):
    for project, result in checked.items():
        for record_id, drafted in result.drafts.items():
            yield f"{project}/{record_id}", drafted.document
            if drafted.text is not None:
                yield f"{project}/{record_id} (naskah)", drafted.text


def test_every_example_regulation_has_unique_well_formed_eids(checked):
    seen = 0
    for name, document in _all_documents(checked):
        found = _every_eid(document)
        assert all(found), (name, found)
        assert len(found) == len(set(found)), (name, sorted({e for e in found if found.count(e) > 1}))
        assert [e for e in found if not EID.match(e)] == [], name
        assert sorted(found) == sorted(eids.all_eids(document)), name
        seen += 1
    assert seen >= 7


def test_the_consolidated_texts_keep_the_frozen_numbers(checked):
    data = checked["latihan-perubahan"].data
    document = consolidation.history("perwali-inovasi", data).consolidated()
    found = _every_eid(document)
    assert len(found) == len(set(found))
    # inserted elements take their inserted numbers; deleted ones keep theirs
    for expected in ("chp_III__sec_4__subsec_1a", "chp_III__sec_4A", "chp_III__sec_3__list_1__item_b1",
                     "chp_IVA__sec_6A", "chp_IV__sec_6"):
        assert expected in found


# -- a Perubahan, a Keputusan, attachments -------------------------------------------------------------------------


def test_a_perubahan_numbers_pasal_i_its_change_points_and_their_quoted_text(checked):
    document = _document(checked, "latihan-perubahan", "perubahan-kedua-inovasi")
    pasal_i, pasal_ii = document.body
    assert (pasal_i.eid, pasal_ii.eid) == ("sec_I", "sec_II")
    assert pasal_i.list_eid == "sec_I__list_1"
    assert [change.eid for change in pasal_i.changes] == [f"sec_I__list_1__item_{n}"
                                                          for n in range(1, len(pasal_i.changes) + 1)]
    assert pasal_i.changes[2].quoted_eid == "sec_I__list_1__item_3__qstr_1"
    assert all(change.quoted_eid == (f"{change.eid}__qstr_1" if change.quoted else "")
               for change in pasal_i.changes)


def test_a_keputusan_numbers_its_diktum_by_their_ordinal(checked):
    document = _document(checked, "kb", "keputusan-inovasi-daerah")
    assert [dictum.eid for dictum in document.dicta] == [f"hcontainer_{n}" for n in range(1, len(document.dicta) + 1)]
    second = document.dicta[1]
    assert second.label == "KEDUA"
    assert second.list_eid == "hcontainer_2__list_1"
    assert second.points[0].eid == "hcontainer_2__list_1__item_a"
    assert [annex.eid for annex in document.annexes] == ["att_1"]


def test_the_penjelasan_comes_before_the_lampiran_as_attachments(checked):
    pangkep = checked["pangkep"]
    raperda = pangkep.data.regulations["raperda-inovasi-daerah"]
    perbup = pangkep.data.regulations["perbup-pelaksanaan-inovasi-daerah"]
    assert perbup.annexes and raperda.explanation is not None
    from rancang.drafting.engine import build

    document, _problems = build(raperda.model_copy(update={"annexes": perbup.annexes}), pangkep.data.settings,
                                pangkep.data.catalogue)
    part = document.explanation
    assert (part.eid, part.general_eid, part.articles_eid) == ("att_1", "att_1__hcontainer_1", "att_1__hcontainer_2")
    assert [annex.eid for annex in document.annexes] == [f"att_{n}" for n in range(2, len(document.annexes) + 2)]
    first = part.articles[0]
    assert first.label == "Pasal 1" and first.eid == "att_1__hcontainer_2__hcontainer_1"
    for item in part.articles:
        for child in item.children:
            assert child.eid.startswith(item.eid + "__hcontainer_")


# -- the generator ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("printed, number", [("(1a)", "1a"), ("a.", "a"), ("c1)", "c1"), ("5a.", "5a"),
                                             ("1.2.", "1-2"), ("", "nn"), ("( )", "nn"), ("[3]", "3")])
def test_the_number_of_an_eid_is_the_printed_number_bare(printed, number):
    assert eids.number_of(printed) == number


def test_a_duplicate_takes_a_suffix_and_a_missing_number_counts():
    ids = eids.IdGenerator()
    assert ids.make("", "sec", "5") == "sec_5"
    assert ids.make("", "sec", "5") == "sec_5_2"
    assert ids.make("sec_5", "list", None) == "sec_5__list_1"
    assert ids.make("sec_5", "list", None) == "sec_5__list_2"
    assert ids.container("", "cits") == "cits"
    assert ids.container("", "cits") == "cits_2"


def test_assigning_again_changes_nothing(checked):
    document = _document(checked, "kb", "perwali-inovasi-daerah")
    before = _every_eid(document)
    assert _every_eid(eids.assign(document)) == before


# -- properties -------------------------------------------------------------------------------------------------

from test_drafting_properties import ORDINALS, ROMAN, engine, regulations  # noqa: E402


def _check_structure(document: Document) -> None:
    """Each eId is its parent's, ``__``, and its own part, numbered as the element is printed."""
    def points(parent_list: str, items: list[Point]) -> None:
        for point in items:
            assert point.eid == f"{parent_list}__item_{point.label.strip('.)')}"
            if point.points:
                assert point.list_eid == f"{point.eid}__list_1"
                points(point.list_eid, point.points)

    def body(parent: str, item) -> None:
        prefix = f"{parent}__" if parent else ""
        if isinstance(item, Group):
            word, number = item.label.split(" ", 1)
            if item.kind == "bagian":
                expected = f"part_{ORDINALS.index(number)}"
            else:
                expected = f"{'chp' if item.kind == 'bab' else 'subpart'}_{number}"
            assert item.eid == prefix + expected
            for child in item.children:
                body(item.eid, child)
            return
        assert item.eid == f"{prefix}sec_{item.label.split(' ')[1]}"
        for clause in item.clauses:
            if clause.label is None:
                assert clause.eid == ""
                owner = item.eid
            else:
                assert clause.eid == f"{item.eid}__subsec_{clause.label.strip('()')}"
                owner = clause.eid
            if clause.points:
                assert clause.list_eid == f"{owner}__list_1"
                points(clause.list_eid, clause.points)

    for item in document.body:
        body("", item)


@FEW
@given(regulations(references=1))
def test_random_regulations_have_unique_eids_built_from_their_numbers(data):
    document, _problems = engine(data)
    found = _every_eid(document)
    note("\n".join(found))
    assert len(found) == len(set(found))
    assert all(EID.match(e) for e in found)
    assert all(label in ROMAN for label in (g.label.split(" ")[1] for g in document.body if isinstance(g, Group)))
    _check_structure(document)
    anchors = eids.by_anchor(document)
    for article in document.articles():
        for clause in article.clauses:
            for span in clause.text:
                if span.target:
                    assert span.target in anchors


from test_amendment_chain18 import document as version_document, three_versions  # noqa: E402


@FEW
@given(three_versions())
def test_the_texts_in_force_of_an_amendment_chain_have_unique_eids(triple):
    v0, v1, v2 = triple
    old = consolidation._anchored(version_document(v0["body"], v0["terms"]))
    try:
        _first, in_force = consolidation.following(old, version_document(v1["body"], v1["terms"]),
                                                   lambda labels: version_document(v1["body"], v1["terms"], labels))
        _second, after = consolidation.following(in_force, version_document(v2["body"], v2["terms"]),
                                                 lambda labels: version_document(v2["body"], v2["terms"], labels))
    except versions.VersionError:  # no prescribed number: R308, tested elsewhere
        return
    for document in (in_force, after):
        found = _every_eid(document)
        assert len(found) == len(set(found)), sorted({e for e in found if found.count(e) > 1})
        assert all(EID.match(e) for e in found)
    # an element that keeps its number keeps its eId from one version to the next
    before = {a.label: a.eid for a in in_force.articles()}
    for article in after.articles():
        if article.label in before:
            assert article.eid.rsplit("__", 1)[-1] == before[article.label].rsplit("__", 1)[-1]
