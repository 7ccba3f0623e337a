"""The regulation pages of the built example sites carry each element's Akoma Ntoso eId as an HTML id beside its
own anchor (``#pasal-5`` and ``#chp_III__part_2__sec_5`` lead to the same Pasal), and link the regulation's Akoma
Ntoso file ``akn/<id>.xml`` under an Indonesian label.

Sites: the bundled example (a Perwali and a Keputusan; the session's ``example_build``), examples/pangkep (a
Raperda with its Penjelasan, a Perbup with a lampiran) and examples/latihan-perubahan (a Perwali's consolidated
text and two Perubahan), each built once with ``rancang build --no-pdf``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from rancang.check import check_project
from rancang.drafting import consolidation, eids
from rancang.drafting.tree import Document

from support import REPO, build_in_place, copy_example

AKN_LABEL = "Naskah Akoma Ntoso (XML)"
HUMAN_ANCHOR = re.compile(r"^(?:pasal-[0-9]+[a-z]*(?:-ayat-[0-9]+[a-z]*)?|diktum-ke[a-z]+(?:-belas)?)$")
"""The anchors old links use for a Pasal, an ayat and a Keputusan's diktum."""


@pytest.fixture(scope="module")
def sites(example_build, tmp_path_factory) -> dict[str, Path]:
    """Project root of each built example, by name."""
    roots = {"parepare": example_build.root}
    for name in ("pangkep", "latihan-perubahan"):
        root = tmp_path_factory.mktemp("akn") / name
        shutil.copytree(REPO / "examples" / name, root, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        home = root / "kb" / "index.md"
        if not home.exists():  # examples/pangkep has no site home page (it shows drafting): the site needs one
            home.write_text("# Beranda\n\nHalaman uji.\n", encoding="utf-8")
        code, output = build_in_place(root)
        assert code == 0, output
        roots[name] = root
    return roots


def _shown(root: Path, record_id: str) -> Document:
    """The tree the page of ``record_id`` shows: its draft, or the consolidated text of an amended regulation."""
    checked = check_project(root)
    history = consolidation.history(record_id, checked.data)
    if history is not None:
        return history.consolidated()
    return checked.drafts[record_id].document


def _pages(sites: dict[str, Path]):
    for name, root in sites.items():
        for page in sorted((root / "_build" / "html" / "regulations").glob("*.html")):
            record_id = page.stem
            if (root / "regulations" / f"{record_id}.yaml").is_file():
                yield name, root, record_id, page


def _ids(page: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    return {element.get("id"): element for element in page.iter() if element.get("id")}


def test_every_eid_is_an_id_on_its_regulation_page(sites):
    checked_pages = 0
    for name, root, record_id, path in _pages(sites):
        document = _shown(root, record_id)
        page = lxml.html.parse(str(path)).getroot()
        ids = _ids(page)
        missing = [eid for eid in eids.all_eids(document) if eid not in ids]
        assert missing == [], (name, record_id)
        checked_pages += 1
    assert checked_pages >= 7


def test_each_pasal_ayat_and_diktum_anchor_carries_its_eid(sites):
    for name, root, record_id, path in _pages(sites):
        document = _shown(root, record_id)
        by_anchor = eids.by_anchor(document)
        ids = _ids(lxml.html.parse(str(path)).getroot())
        anchors = [anchor for anchor in ids if HUMAN_ANCHOR.match(anchor)]
        assert anchors, (name, record_id)
        for anchor in anchors:
            element = ids[anchor]
            eid = by_anchor[anchor]
            # the eId is on the element itself or on an empty marker at its start: the same place on the page
            assert ids[eid] is element or ids[eid].getparent() is element, (name, record_id, anchor, eid)


def test_the_perwali_pasal_5_is_found_by_both_addresses(example_build):
    page = lxml.html.parse(str(example_build.site / "regulations" / "perwali-inovasi-daerah.html")).getroot()
    (pasal,) = page.xpath("//div[@id='pasal-5']")
    assert pasal.xpath("./span/@id")[:1] == ["chp_III__part_2__sec_5"]
    assert pasal.xpath(".//p[contains(@class, 'rancang-judul-pasal')]/text()") == ["Pasal 5"]
    (item,) = page.xpath("//p[@id='pasal-7-ayat-1-huruf-a']")
    assert "chp_IV__part_2__sec_7__subsec_1__list_1__item_a" in item.xpath("./span/@id")
    (recital,) = page.xpath("//p[@id='recs__rec_a']")
    assert recital.xpath("./span[@class='rancang-label']/text()") == ["a. "]


def test_every_regulation_page_links_its_akoma_ntoso_file(sites):
    for name, root, record_id, path in _pages(sites):
        page = lxml.html.parse(str(path)).getroot()
        links = page.xpath(f"//p[contains(@class, 'rancang-unduh')]/a[normalize-space(.)='{AKN_LABEL}']")
        assert len(links) == 1, (name, record_id)
        target = (path.parent / urlsplit(links[0].get("href")).path).resolve()
        site = (root / "_build" / "html").resolve()
        assert target == site / "akn" / f"{record_id}.xml", (name, record_id)


def test_the_linked_akoma_ntoso_files_are_there(sites):
    for name, root, record_id, path in _pages(sites):
        assert (root / "_build" / "html" / "akn" / f"{record_id}.xml").is_file(), (name, record_id)


def test_without_the_region_code_there_is_no_file_and_no_link(tmp_path):
    """No Kemendagri code, no Akoma Ntoso address: the build writes no file (P465 says what to fill), and the
    page links nothing that is not there."""
    root = copy_example(tmp_path / "proyek")
    settings = root / "rancang.yaml"
    text = settings.read_text(encoding="utf-8")
    assert re.search(r"^  kode: .*$", text, flags=re.M)
    settings.write_text(re.sub(r"^  kode: .*\n", "", text, flags=re.M), encoding="utf-8")
    code, output = build_in_place(root)
    assert code == 0, output
    assert "P465" in output
    site = root / "_build" / "html"
    assert not list(site.glob("akn/*.xml"))
    page = lxml.html.parse(str(site / "regulations" / "perwali-inovasi-daerah.html")).getroot()
    assert not page.xpath(f"//a[normalize-space(.)='{AKN_LABEL}']")
    assert not page.xpath("//a[contains(@href, 'akn/')]")
    assert page.xpath("//div[@id='pasal-5']/span/@id")[:1] == ["chp_III__part_2__sec_5"]  # the eIds stay


def test_references_and_old_anchors_still_lead_somewhere(sites):
    """Every link inside a regulation page (``[[...]]`` references, Penjelasan labels, riwayat versi) finds its
    target on the page."""
    for name, root, record_id, path in _pages(sites):
        page = lxml.html.parse(str(path)).getroot()
        ids = _ids(page)
        internal = [href[1:] for href in page.xpath("//*[@id='peraturan']//a/@href") if href.startswith("#")]
        assert [target for target in internal if target not in ids] == [], (name, record_id)


def test_every_eid_of_the_akoma_ntoso_file_is_on_the_page(sites):
    """A citation survives from the XML to the page: each eId of the text of ``akn/<id>.xml`` (not of its
    metadata) opens its element there (an amended regulation's page shows its consolidated text, which keeps every
    enacted number)."""
    from lxml import etree

    for name, root, record_id, path in _pages(sites):
        xml = etree.parse(str(root / "_build" / "html" / "akn" / f"{record_id}.xml"))
        in_file = set(xml.xpath("//*[not(ancestor-or-self::*[local-name()='meta'])]/@eId"))  # the text's
        assert in_file, (name, record_id)
        ids = _ids(lxml.html.parse(str(path)).getroot())
        assert sorted(in_file - set(ids)) == [], (name, record_id)


def test_the_site_guide_names_the_label_and_true_eid_examples(example_build):
    """docs/situs.md shows the link's label and pairs of addresses of the example Perwali: each pair is true."""
    from rancang.site.links import AKN_LABEL as LABEL

    text = " ".join((REPO / "docs" / "situs.md").read_text(encoding="utf-8").split())
    assert LABEL == AKN_LABEL and LABEL in text
    page = lxml.html.parse(str(example_build.site / "regulations" / "perwali-inovasi-daerah.html")).getroot()
    ids = _ids(page)
    pairs = re.findall(r"`#([a-z]+_[A-Za-z0-9_]+)` adalah `#([a-z0-9-]+)`", text)
    assert len(pairs) >= 2
    for eid, anchor in pairs:
        assert ids[eid] is ids[anchor] or ids[eid].getparent() is ids[anchor], (eid, anchor)
