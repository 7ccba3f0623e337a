"""Reading an Akoma Ntoso file that rancang cannot give back as regulation YAML: located Indonesian messages
(Y119-Y121, S215-S219), every problem at once, never a traceback and never a half-written file; and the whole
path through ``rancang impor peraturan FILE.xml``."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from rancang.check import check_project
from rancang.diagnostics import RancangError
from rancang.drafting import amendment
from rancang.importer.akn import read_akn
from rancang.render import akn

from support import copy_example

REPO = Path(__file__).resolve().parents[1]
RECORD = "perwali-inovasi-daerah"


@pytest.fixture(scope="module")
def project():
    data = check_project(REPO, []).data
    drafts = amendment.build_all(data)
    meta = akn.metadata(data, RECORD, dt.date(2026, 12, 7))
    return data, akn.render(drafts[RECORD].document, meta)


def problems(content: bytes, data) -> list:
    with pytest.raises(RancangError) as raised:
        read_akn(content, "asing.xml", data.settings, data.catalogue)
    return raised.value.diagnostics


def test_not_xml_is_located_at_the_parser_position(project) -> None:
    data, _xml = project
    (problem,) = problems(b'<?xml version="1.0"?>\n<akomaNtoso>\n  <act>\n', data)
    assert problem.code == "Y119"
    assert str(problem.location).startswith("asing.xml:4:")
    assert problem.message.startswith("berkas bukan XML yang sah")


def test_another_xml_vocabulary_is_not_akoma_ntoso(project) -> None:
    data, _xml = project
    (problem,) = problems(b"<html>\n<body><p>Pasal 1</p></body></html>", data)
    assert (problem.code, str(problem.location)) == ("Y120", "asing.xml:1:1")
    assert "<akomaNtoso>" in problem.message and "http://docs.oasis-open.org/legaldocml/ns/akn/3.0" in problem.message


def test_an_akoma_ntoso_judgment_is_not_a_regulation(project) -> None:
    data, _xml = project
    content = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<judgment/></akomaNtoso>'
    (problem,) = problems(content, data)
    assert problem.code == "Y121"
    assert "<act>, <bill>, atau <doc>" in problem.message


def test_every_problem_of_a_damaged_export_at_once(project) -> None:
    data, xml = project
    text = xml.decode("utf-8")
    # a reference to an element that is not there, a Mengingat act the catalogue does not know, and a list
    # whose second-to-last item lost its conjunction
    assert 'href="#chp_I__sec_1"' in text or 'href="#chp_' in text
    damaged = text.replace('<ref href="#chp_', '<ref href="#hilang_chp_', 1)
    damaged = damaged.replace("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                              "Undang-Undang Nomor 99 Tahun 2099 tentang Pemerintahan Khayalan", 1)
    damaged = damaged.replace("; dan</p></item>", "</p></item>", 1)
    found = problems(damaged.encode("utf-8"), data)
    codes = sorted(problem.code for problem in found)
    assert codes == ["S217", "S218", "S219"], [p.format() for p in found]
    for problem in found:
        assert str(problem.location).startswith("asing.xml:")
        assert "eId=" in problem.message  # the file is one line: the element says where
    unknown = next(p for p in found if p.code == "S218")
    assert "Pemerintahan Khayalan" in unknown.message and "kb/dasar-hukum.yaml" in unknown.message
    assert "cits__cit_" in unknown.message


def test_a_region_that_did_not_make_it(project) -> None:
    data, xml = project
    from rancang.models.project import Project

    other = Project.model_validate({"daerah": {"jenis": "kabupaten", "nama": "Pangkajene dan Kepulauan",
                                               "provinsi": "Sulawesi Selatan"}})
    with pytest.raises(RancangError) as raised:
        read_akn(xml, "asing.xml", other, data.catalogue)
    (problem,) = raised.value.diagnostics
    assert problem.code == "S215"
    assert "PERATURAN WALI KOTA PAREPARE" in problem.message and "PERATURAN BUPATI PANGKAJENE" in problem.message


def _run(root: Path, argv: list[str]) -> tuple[int, str]:
    from rancang.cli import main

    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("RANCANG_DEBUG", raising=False)
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(argv)
    return code, printed.getvalue()


def test_impor_peraturan_reads_akoma_ntoso(tmp_path: Path, project) -> None:
    _data, xml = project
    root = copy_example(tmp_path / "proyek")
    source = tmp_path / "perwali.xml"
    source.write_bytes(xml)
    code, out = _run(root, ["impor", "peraturan", str(source), "-o", "regulations/dari-akn.yaml"])
    assert code == 0, out
    written = yaml.safe_load((root / "regulations" / "dari-akn.yaml").read_text(encoding="utf-8"))
    original = yaml.safe_load((REPO / "regulations" / f"{RECORD}.yaml").read_text(encoding="utf-8"))
    assert written["tentang"] == original["tentang"]
    assert len(written["batang_tubuh"]) == len(original["batang_tubuh"])
    report = (root / "regulations" / "dari-akn.impor.md").read_text(encoding="utf-8")
    assert "0 tidak terlacak" in report
    assert "tidak terlacak 0" in out

    broken = tmp_path / "rusak.xml"
    broken.write_bytes(xml[: len(xml) // 2])
    code, out = _run(root, ["impor", "peraturan", str(broken), "-o", "regulations/rusak.yaml"])
    assert code == 1
    assert "Y119" in out and "rusak.xml:" in out and "Traceback" not in out
    assert not (root / "regulations" / "rusak.yaml").exists()
    assert not (root / "regulations" / "rusak.impor.md").exists()


TAGS = ["p", "item", "section", "subsection", "blockList", "num", "ref", "def", "chapter", "unknown"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 3),
                          st.sampled_from(["", "x", "a.", "(1)", "; dan", "Pasal 9", "#chp_I", "zz"]),
                          st.sampled_from(TAGS)), min_size=1, max_size=6))
def test_a_damaged_export_never_breaks_the_reader(project, edits) -> None:
    """Elements removed, retagged, emptied or given other eIds and hrefs anywhere in a real export: the reader
    gives YAML data or located messages, never anything else."""
    from lxml import etree

    data, xml = project
    root = etree.fromstring(xml)
    for index, operation, value, tag in edits:
        elements = list(root.iter())[1:]
        if not elements:
            break
        element = elements[index % len(elements)]
        parent = element.getparent()
        if operation == 0 and parent is not None:
            parent.remove(element)
        elif operation == 1:
            element.text = value
        elif operation == 2:
            element.set("eId" if element.get("eId") is not None else "href", value)
        else:
            element.tag = f"{{{akn.NAMESPACE}}}{tag}"
    try:
        read = read_akn(etree.tostring(root), "rusak.xml", data.settings, data.catalogue)
    except RancangError as error:
        assert error.diagnostics
        for problem in error.diagnostics:
            assert problem.code in ("Y119", "Y120", "Y121", "S215", "S216", "S217", "S218", "S219"), problem
            assert str(problem.location).startswith("rusak.xml")
    else:
        assert isinstance(read, dict) and "tentang" in read


def test_impor_akn_with_an_unknown_act_asks_for_the_catalogue_or_adds_it(tmp_path: Path, project) -> None:
    _data, xml = project
    root = copy_example(tmp_path / "proyek")
    source = tmp_path / "lain.xml"
    source.write_bytes(xml.replace("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah".encode(),
                                   "Undang-Undang Nomor 99 Tahun 2099 tentang Pemerintahan Khayalan".encode(), 1))
    code, out = _run(root, ["impor", "peraturan", str(source), "-o", "regulations/lain.yaml"])
    assert code == 1
    assert "S218" in out and "Pemerintahan Khayalan" in out and "--katalog" in out
    assert not (root / "regulations" / "lain.yaml").exists()
    code, out = _run(root, ["impor", "peraturan", str(source), "-o", "regulations/lain.yaml", "--katalog"])
    assert code == 0, out
    assert "uu-99-2099" in (root / "kb" / "dasar-hukum.yaml").read_text(encoding="utf-8")
    written = yaml.safe_load((root / "regulations" / "lain.yaml").read_text(encoding="utf-8"))
    assert "uu-99-2099" in written["mengingat"]


def test_impor_akn_of_a_draft_takes_back_its_name(tmp_path: Path, project) -> None:
    _data, xml = project
    root = copy_example(tmp_path / "proyek")
    (root / "regulations" / f"{RECORD}.yaml").unlink()
    source = tmp_path / "unduhan.xml"
    source.write_bytes(xml)
    code, out = _run(root, ["impor", "peraturan", str(source)])
    assert code == 0, out
    assert f"Ditulis: regulations/{RECORD}.yaml" in out
    code, out = _run(root, ["impor", "peraturan", str(source)])  # never over a file
    assert code == 1 and "P421" in out
