"""The web page of a Keputusan Kepala Daerah.

The page's nodes (:func:`rancang.site.regulation_page.regulation_nodes`) written as HTML by docutils, read with
lxml: Memperhatikan like Mengingat, each diktum with its anchor (``#diktum-kesatu``) and its label apart from its
text, a reference to a diktum linking its anchor, no promulgation, the Tembusan numbered. The decree Document is
built by hand (``test_keputusan_docx19.decree``).
"""

from __future__ import annotations

import lxml.html
import pytest
from docutils.core import publish_from_doctree
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from rancang.site.regulation_page import regulation_nodes
from test_keputusan_docx19 import decree


def html_of(document) -> lxml.html.HtmlElement:
    tree = new_document("<keputusan>", get_default_settings(Parser))
    for node in regulation_nodes(document, "Rancangan Keputusan Wali Kota Parepare", []):
        tree += node
    html = publish_from_doctree(tree, writer="html5", settings_overrides={"output_encoding": "unicode"})
    return lxml.html.fromstring(html)


def texts(page, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]


@pytest.fixture(scope="module")
def page():
    return html_of(decree())


def test_memperhatikan_is_listed_like_mengingat(page):
    assert texts(page, "//div[@id='memperhatikan']/p") == [
        "Memperhatikan", "1. Berita Acara Rapat Tim Inovasi Daerah;", "2. Surat Kepala Bappeda;"]
    order = [node.get("id") for node in page.xpath("//div[@id='mengingat' or @id='memperhatikan']")]
    assert order == ["mengingat", "memperhatikan"]
    assert not html_of(decree(noted=0)).xpath("//div[@id='memperhatikan']")


def test_each_diktum_has_its_anchor_label_and_rincian(page):
    dicta = page.xpath("//div[contains(@class, 'rancang-diktum')]")
    assert [node.get("id") for node in dicta] == [None, "diktum-kesatu", "diktum-kedua", "diktum-ketiga"]
    assert texts(page, "//div[contains(@class, 'rancang-diktum')]/p[contains(@class, 'rancang-teks-diktum')]"
                       "/span[contains(@class, 'rancang-label-diktum')]") == ["Menetapkan", "KESATU", "KEDUA",
                                                                              "KETIGA"]
    assert texts(page, "//div[@id='diktum-kedua']/p") == [
        "KEDUA : Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU dilaksanakan oleh:",
        "a. Perangkat Daerah; dan", "1. dinas;", "2. badan.", "b. masyarakat."]
    assert page.xpath("//div[@id='diktum-kedua']/p[@id='diktum-kedua-huruf-a']")
    assert texts(page, "//div[contains(@class, 'rancang-menetapkan')]") == [  # in line with the diktum
        "Menetapkan : KEPUTUSAN WALI KOTA TENTANG PENETAPAN INOVASI DAERAH KOTA PAREPARE."]
    assert page.xpath("//div[contains(@class, 'rancang-menetapkan')]/following-sibling::div[1]/@id") == [
        "diktum-kesatu"]


def test_a_reference_to_a_diktum_links_its_anchor(page):
    links = page.xpath("//div[@id='diktum-kedua']//a")
    assert [(link.text_content(), link.get("href")) for link in links] == [("Diktum KESATU", "#diktum-kesatu")]
    for link in page.xpath("//a[starts-with(@href, '#')]"):
        assert page.xpath(f"//*[@id='{link.get('href')[1:]}']"), link.get("href")


def test_a_keputusan_is_signed_not_promulgated_and_lists_its_tembusan(page):
    assert texts(page, "//div[contains(@class, 'rancang-tanda-tangan')]/p") == [
        "Ditetapkan di Parepare", "pada tanggal ...", "WALI KOTA PAREPARE,", "NAMA WALI KOTA"]
    assert not page.xpath("//*[contains(@class, 'rancang-pengundangan') or contains(@class, 'rancang-penutup') "
                          "or contains(@class, 'rancang-berita-daerah')]")
    assert texts(page, "//div[@id='tembusan']/p") == [
        "Tembusan:", "1. Gubernur Sulawesi Selatan di Makassar;", "2. Ketua DPRD Kota Parepare di Parepare."]
    order = [node.get("id") for node in page.xpath("//*[@id='diktum-ketiga' or @id='tembusan' or @id='lampiran']")]
    assert order == ["diktum-ketiga", "tembusan", "lampiran"]
    assert texts(page, "//div[@id='lampiran']/p[contains(@class, 'rancang-kepala-lampiran')]") == [
        "LAMPIRAN", "KEPUTUSAN WALI KOTA PAREPARE", "NOMOR ...", "TENTANG PENETAPAN INOVASI DAERAH KOTA PAREPARE"]
    assert not html_of(decree(copies=0)).xpath("//div[@id='tembusan']")


# -- a built site ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    from support import build_site_of
    from test_keputusan_docx19 import project

    root = project(tmp_path_factory.mktemp("situs") / "proyek", "kota")
    (root / "kb" / "index.md").write_text("# Uji\n\n```{rancang-peraturan}\n```\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        out, _warnings = build_site_of(root)  # Sphinx warnings are errors
    return out


def test_the_site_lists_the_keputusan_by_its_title(site):
    from html_reading import visible_text

    index = visible_text((site / "kb" / "index.html").read_text(encoding="utf-8"))
    assert "Keputusan Wali Kota Parepare Nomor 1/UJI/2026 tentang Tim Inovasi Daerah" in index


def test_the_keputusan_page_has_its_diktum_anchors_links_and_tembusan(site):
    page = lxml.html.parse(str(site / "regulations" / "tim.html")).getroot()
    assert [node.get("id") for node in page.xpath("//div[contains(@class, 'rancang-diktum')]")] == [
        None, "diktum-kesatu", "diktum-kedua", "diktum-ketiga"]
    assert texts(page, "//div[@id='diktum-kedua']/p") == [
        "KEDUA : Tim Inovasi Daerah sebagaimana dimaksud dalam Diktum KESATU bertugas:",
        "a. menyusun rencana kerja; dan", "b. melaporkan pelaksanaan tugasnya."]
    assert [(a.text_content(), a.get("href")) for a in page.xpath("//div[@id='diktum-kedua']//a")] == [
        ("Diktum KESATU", "#diktum-kesatu")]
    for link in page.xpath("//div[@id='peraturan']//a[starts-with(@href, '#')]"):
        assert page.xpath(f"//*[@id='{link.get('href')[1:]}']"), link.get("href")
    assert texts(page, "//div[@id='memperhatikan']/p") == ["Memperhatikan", "Berita Acara Rapat Uji;"]
    assert [text.split(" ")[0] for text in texts(page, "//div[@id='tembusan']/p")] == ["Tembusan:", "1.", "2."]
    assert not page.xpath("//*[contains(@class, 'rancang-pengundangan') or contains(@class, 'rancang-berita-daerah')]")
    heading = texts(page, "//div[contains(@class, 'rancang-kepala-peraturan')]/p")
    assert heading[2:4] == ["KEPUTUSAN WALI KOTA PAREPARE", "NOMOR 1/UJI/2026"]
    assert texts(page, "//div[@id='lampiran']//table//th") == ["No.", "Jabatan dalam Tim", "Jabatan/Unsur", "Nama",
                                                              "NIP"]


def test_the_words_after_a_diktums_rincian_follow_them():
    from rancang.drafting.tree import Span

    document = decree()
    document.dicta[1].closing = [Span("sesuai dengan ketentuan peraturan perundang-undangan.")]
    page = html_of(document)
    assert texts(page, "//div[@id='diktum-kedua']/p")[-2:] == [
        "b. masyarakat.", "sesuai dengan ketentuan peraturan perundang-undangan."]
    assert page.xpath("//div[@id='diktum-kedua']/p[last()]/@class") == ["rancang-lanjutan-diktum"]
