"""The gallery (kb/galeri), its facets and the static facet pages, built from a copy of the example project.

The copy gets two more profiles: one whose name, summary and urusan hold HTML
(``<script>alert(1)</script> & Co``), which must come out escaped everywhere,
and one with every date, to check which year the gallery shows.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.site import casestudies
from support import build_site_of, copy_example

FACETS = ["perangkat-daerah", "bentuk", "jenis", "urusan", "tahapan", "tahun", "penghargaan", "status"]
NASTY = "<script>alert(1)</script> & Co"
NASTY_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"

EXTRA = {
    "uji-galeri": '''\
nama: "<script>alert(1)</script> & Co"
ringkasan: "<script>alert(2)</script> Ringkasan & uji."
perangkat_daerah: bappeda
bentuk: tata_kelola
jenis: non_digital
urusan:
  - "Kesehatan <i>ibu</i> & anak"
  - kelautan dan perikanan
tahapan: uji_coba
tanggal_inisiatif: 2021
tanggal_uji_coba: 2022-03
status: berjalan
penghargaan:
  - nama: Juara daerah
    tahun: 2022
    tingkat: daerah
  - nama: Tanpa tingkat
    tahun: 2023
''',
    "uji-tahun": '''\
nama: Uji Tahun
ringkasan: >-
  satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua-belas tiga-belas empat-belas
  lima-belas enam-belas tujuh-belas delapan-belas sembilan-belas dua-puluh dua-puluh-satu dua-puluh-dua
  dua-puluh-tiga dua-puluh-empat dua-puluh-lima dua-puluh-enam dua-puluh-tujuh dua-puluh-delapan
  dua-puluh-sembilan tiga-puluh tiga-puluh-satu tiga-puluh-dua
tahapan: penerapan
tanggal_inisiatif: 2019
tanggal_uji_coba: 2020
tanggal_penerapan: 2021-05
status: berhenti
''',
}


class Page(HTMLParser):
    """What the tests look at: cards, selects, links, the title, elements by id.

    The content of a ``<template>`` element (the card the gallery's script clones) is not part of the page
    that is shown: it is skipped, as a browser's DOM keeps it out of the document."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.cards: list[dict] = []
        self.selects: dict[str, list[tuple[str, str]]] = {}
        self.links: list[tuple[str, str]] = []
        self.by_id: dict[str, dict] = {}
        self.by_class: dict[str, list[dict]] = {}
        self.title = ""
        self._card: dict | None = None
        self._depth = 0
        self._link: list | None = None
        self._select: str | None = None
        self._option: list | None = None
        self._open: list[dict] = []
        self._in_title = False
        self._in_template = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "template" or self._in_template:
            self._in_template += tag == "template"
            return
        attributes = dict(attrs)
        element = {"tag": tag, "attrs": attributes, "text": ""}
        if tag not in ("br", "img", "input", "meta", "link"):
            self._open.append(element)
        if "id" in attributes:
            self.by_id[attributes["id"]] = element
        for name in (attributes.get("class") or "").split():
            self.by_class.setdefault(name, []).append(element)
        if tag == "div":
            if self._card is not None:
                self._depth += 1
            elif "rancang-kartu" in (attributes.get("class") or "").split():
                self._card = {"attrs": attributes, "text": "", "links": []}
                self._depth = 1
        elif tag == "a":
            self._link = [attributes.get("href"), ""]
        elif tag == "select":
            self._select = attributes["name"]
            self.selects[self._select] = []
        elif tag == "option":
            self._option = [attributes.get("value"), ""]
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if self._in_template:
            self._in_template -= tag == "template"
            return
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index]["tag"] == tag:
                del self._open[index:]
                break
        if tag == "div" and self._card is not None:
            self._depth -= 1
            if self._depth == 0:
                self.cards.append(self._card)
                self._card = None
        elif tag == "a" and self._link is not None:
            link = (self._link[0], " ".join(self._link[1].split()))
            self.links.append(link)
            if self._card is not None:
                self._card["links"].append(link)
            self._link = None
        elif tag == "option" and self._option is not None:
            self.selects[self._select].append((self._option[0], self._option[1]))
            self._option = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_template:
            return
        for element in self._open:
            element["text"] += data
        if self._card is not None:
            self._card["text"] += data
        if self._link is not None:
            self._link[1] += data
        if self._option is not None:
            self._option[1] += data
        if self._in_title:
            self.title += data


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "_build" not in p.parts}


def _copy(root: Path) -> None:
    copy_example(root, parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    for record_id, text in EXTRA.items():
        (root / "kb" / "inovasi" / f"{record_id}.yaml").write_text(text, encoding="utf-8")


def _build(root: Path) -> Path:
    outdir, _ = build_site_of(root, documents=False)
    return outdir


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("galeri") / "proyek"
    _copy(root)
    before = _files(root)
    outdir = _build(root)
    checked = check_project(root)
    data, _ = checked.data, checked.report
    text = (outdir / "kb" / "galeri.html").read_text(encoding="utf-8")
    return {"root": root, "out": outdir, "before": before, "data": data, "text": text, "page": Page(text)}


def _innovation_cards(page: Page) -> dict[str, dict]:
    cards = {}
    for card in page.cards:
        if "data-studi-kasus" in card["attrs"]:
            continue
        record_id = card["attrs"]["data-inovasi"]
        assert record_id not in cards, f"two cards for {record_id}"
        cards[record_id] = card["attrs"]
    return cards


def _values(attrs: dict, facet: str) -> list[str]:
    value = attrs[f"data-{facet}"]
    return value.split("|") if value else []


# -- cards ---------------------------------------------------------------------------------------


def test_one_card_per_innovation_with_its_facets(site):
    data = site["data"]
    cards = _innovation_cards(site["page"])
    assert set(cards) == set(data.innovations)
    for record_id, attrs in cards.items():
        assert "rancang-kartu" in attrs["class"].split()
        assert {f"data-{facet}" for facet in FACETS} <= set(attrs), record_id
        innovation = data.innovations[record_id]
        assert attrs["data-perangkat-daerah"] == (innovation.agency or "")
        assert attrs["data-bentuk"] == (innovation.form.value if innovation.form else "")
        assert attrs["data-jenis"] == (innovation.kind.value if innovation.kind else "")
        assert attrs["data-tahapan"] == (innovation.stage.value if innovation.stage else "")
        assert attrs["data-status"] == (innovation.status.value if innovation.status else "")
        assert ("tidak" in _values(attrs, "penghargaan")) == (not innovation.awards)
        assert len(_values(attrs, "urusan")) == len({a.casefold() for a in innovation.affairs})

    assert cards["uji-galeri"] == {
        "class": cards["uji-galeri"]["class"], "data-inovasi": "uji-galeri", "data-perangkat-daerah": "bappeda",
        "data-bentuk": "tata_kelola", "data-jenis": "non_digital",
        "data-urusan": "kesehatan-i-ibu-i-anak|kelautan-dan-perikanan", "data-tahapan": "uji_coba",
        "data-tahun": "2022", "data-penghargaan": "ya|daerah", "data-status": "berjalan"}
    # The year is the implementation's, else the trial's, else the initiative's.
    assert cards["uji-tahun"]["data-tahun"] == "2021"
    assert cards["uji-tahun"]["data-penghargaan"] == "tidak"
    assert cards["uji-tahun"]["data-status"] == "berhenti"
    srikandi = cards["berdaya-srikandi-oleh-srikandi"]
    assert (srikandi["data-perangkat-daerah"], srikandi["data-bentuk"], srikandi["data-urusan"],
            srikandi["data-tahapan"], srikandi["data-penghargaan"]) == (
        "dpkp", "pelayanan_publik", "kelautan-dan-perikanan", "penerapan", "ya|nasional|provinsi")
    # Unknown facts are empty strings, not left out.
    assert cards["call-center-112"]["data-perangkat-daerah"] == ""
    assert cards["call-center-112"]["data-tahun"] == ""


def test_card_shows_name_link_summary_and_facts(site):
    by_id = {card["attrs"]["data-inovasi"]: card for card in site["page"].cards
             if "data-studi-kasus" not in card["attrs"]}
    for record_id, card in by_id.items():
        name = site["data"].innovations[record_id].name
        assert (f"inovasi/{record_id}.html", name) in card["links"]
        assert (site["out"] / "kb" / "inovasi" / f"{record_id}.html").is_file()
    text = " ".join(by_id["uji-tahun"]["text"].split())
    assert "satu dua tiga" in text and "tiga-puluh …" in text and "tiga-puluh-satu" not in text
    srikandi = " ".join(by_id["berdaya-srikandi-oleh-srikandi"]["text"].split())
    for words in ("Dinas Pertanian, Kelautan dan Perikanan", "Penerapan", "2 penghargaan"):
        assert words in srikandi
    galeri = " ".join(by_id["uji-galeri"]["text"].split())
    assert "Bappeda" in galeri and "Uji coba" in galeri and "2022" in galeri and "2 penghargaan" in galeri
    assert "Non-digital" in galeri


def test_an_unpaginated_gallery_has_no_card_template(site):
    """Every card is on the page and the script only hides and shows them: it gets no card template."""
    assert "<template" not in site["text"]


def test_case_study_cards_follow_their_innovations(site):
    cards = _innovation_cards(site["page"])
    studies = [card["attrs"] for card in site["page"].cards if "data-studi-kasus" in card["attrs"]]
    if getattr(casestudies, "case_studies", None) is not None:
        assert any(s["data-studi-kasus"] == "kb/studi-kasus/berdaya-srikandi" for s in studies)
    for study in studies:
        ids = _values(study, "inovasi")
        assert set(ids) <= set(cards)
        for facet in FACETS:
            union = {value for record_id in ids for value in _values(cards[record_id], facet)}
            assert set(_values(study, facet)) == union, (study["data-studi-kasus"], facet)
        assert "Studi kasus" in next(c["text"] for c in site["page"].cards if c["attrs"] is study)
        target = study["data-studi-kasus"].removeprefix("kb/")
        assert any(href == f"{target}.html" for href, _ in
                   next(c["links"] for c in site["page"].cards if c["attrs"] is study))


# -- controls ------------------------------------------------------------------------------------


def test_facet_controls_options_and_labels(site):
    page = site["page"]
    assert list(page.selects) == FACETS
    for name, options in page.selects.items():
        assert options[0] == ("", "Semua"), name
        values = [value for value, _ in options[1:]]
        assert len(values) == len(set(values)) and all(values), name
        for value in values:  # every option filters at least one card
            assert any(value in _values(attrs, name) for attrs in _innovation_cards(page).values()), (name, value)
    options = {name: dict(options) for name, options in page.selects.items()}
    assert options["perangkat-daerah"]["bappeda"] == "Badan Perencanaan Pembangunan Daerah"
    assert options["perangkat-daerah"]["dpkp"] == "Dinas Pertanian, Kelautan dan Perikanan"
    assert options["bentuk"] == {"": "Semua", "tata_kelola": "Tata kelola pemerintahan daerah",
                                 "pelayanan_publik": "Pelayanan publik"}
    assert options["jenis"] == {"": "Semua", "digital": "Digital", "non_digital": "Non-digital"}
    assert options["urusan"]["kelautan-dan-perikanan"] == "Kelautan dan perikanan"
    assert options["urusan"]["kesehatan-i-ibu-i-anak"] == "Kesehatan <i>ibu</i> & anak"
    assert [v for v, _ in page.selects["tahapan"]] == ["", "uji_coba", "penerapan"]
    assert options["tahapan"]["uji_coba"] == "Uji coba"
    assert [v for v, _ in page.selects["tahun"]] == ["", "2022", "2021"]
    assert [v for v, _ in page.selects["penghargaan"]] == ["", "ya", "nasional", "provinsi", "daerah", "tidak"]
    assert options["penghargaan"]["ya"] == "Ada penghargaan"
    assert options["penghargaan"]["tidak"] == "Belum ada penghargaan"
    assert options["status"] == {"": "Semua", "berjalan": "Berjalan", "berhenti": "Berhenti"}

    count = page.by_id["rancang-jumlah"]
    assert count["tag"] == "p" and count["text"] == f"{len(site['data'].innovations)} inovasi"
    buttons = page.by_class["rancang-hapus-filter"]
    assert len(buttons) == 1 and buttons[0]["tag"] == "button" and buttons[0]["text"] == "Hapus filter"
    # Without JavaScript the controls stay hidden and every card is visible.
    assert "hidden" in page.by_class["rancang-facets"][0]["attrs"]
    assert all("hidden" not in card["attrs"] for card in page.cards)


def test_script_and_style_only_where_used(site):
    out = site["out"]
    assert re.search(r'<script defer="defer" src="\.\./_static/rancang-galeri\.js(\?v=\w+)?"></script>',
                     site["text"])
    assert 'href="../_static/rancang-galeri.css' in site["text"]
    for name in ("rancang-galeri.js", "rancang-galeri.css"):
        assert (out / "_static" / name).is_file()
    home = (out / "kb" / "index.html").read_text(encoding="utf-8")
    assert "rancang-galeri.js" not in home
    assert 'href="galeri.html"' in home  # in the (hidden) toctree, so in the navigation
    facet = (out / "galeri" / "tahapan" / "penerapan.html").read_text(encoding="utf-8")
    assert 'href="../../_static/rancang-galeri.css' in facet and "rancang-galeri.js" not in facet


# -- facet pages ---------------------------------------------------------------------------------


def test_every_option_has_a_static_page_with_its_innovations(site):
    out, page = site["out"], site["page"]
    cards = _innovation_cards(page)
    overview = dict(page.links)
    expected_pages = set()
    for name, options in page.selects.items():
        for value, label in options[1:]:
            members = sorted(i for i, attrs in cards.items() if value in _values(attrs, name))
            path = out / "galeri" / name / f"{value}.html"
            expected_pages.add(path.relative_to(out).as_posix())
            assert path.is_file(), path
            facet_page = Page(path.read_text(encoding="utf-8"))
            listed = sorted(href.removeprefix("../../kb/inovasi/").removesuffix(".html")
                            for href, _ in facet_page.links if href.startswith("../../kb/inovasi/"))
            assert listed == members, (name, value)
            for href, text in facet_page.links:
                if href.startswith("../../kb/inovasi/"):
                    assert text == site["data"].innovations[href[17:-5]].name
                    assert (path.parent / href).resolve().is_file()
            amount = facet_page.by_class["rancang-facet-angka"][0]["text"]
            assert amount == f"{len(members)} inovasi"
            assert label in facet_page.title
            # back to the gallery, and the same filter in the gallery
            hrefs = [href for href, _ in facet_page.links]
            assert "../../kb/galeri.html" in hrefs
            assert f"../../kb/galeri.html?{name}={value}" in hrefs
            # the overview on kb/galeri links the page with its count
            assert overview.get(f"../galeri/{name}/{value}.html") == label
            assert re.search(re.escape(f'href="../galeri/{name}/{value}.html">') + r"[^<]*</a>"
                             + re.escape(f" ({len(members)})"), site["text"])
    written = {p.relative_to(out).as_posix() for p in (out / "galeri").rglob("*.html")}
    assert written == expected_pages


def test_facet_page_lists_case_studies(site):
    studies = [card["attrs"] for card in site["page"].cards if "data-studi-kasus" in card["attrs"]]
    for study in studies:
        for agency in _values(study, "perangkat-daerah"):
            text = (site["out"] / "galeri" / "perangkat-daerah" / f"{agency}.html").read_text(encoding="utf-8")
            assert f'href="../../{study["data-studi-kasus"]}.html"' in text


# -- safety --------------------------------------------------------------------------------------


def test_yaml_text_is_escaped_in_gallery_and_facet_pages(site):
    out = site["out"]
    pages = {"kb/galeri.html": site["text"]}
    for relative in ("galeri/perangkat-daerah/bappeda.html", "galeri/tahapan/uji_coba.html",
                     "galeri/urusan/kesehatan-i-ibu-i-anak.html", "galeri/penghargaan/daerah.html"):
        pages[relative] = (out / relative).read_text(encoding="utf-8")
    for relative, text in pages.items():
        assert "<script>alert" not in text, relative
        assert "<i>ibu" not in text, relative
        assert NASTY_ESCAPED in text, relative
        names = [t for _, t in Page(text).links]
        assert NASTY in names, relative
    assert "&lt;script&gt;alert(2)&lt;/script&gt; Ringkasan &amp; uji." in site["text"]
    urusan = Page(pages["galeri/urusan/kesehatan-i-ibu-i-anak.html"])
    assert urusan.title.startswith("Urusan pemerintahan: Kesehatan <i>ibu</i> & anak")
    assert "<title>Urusan pemerintahan: Kesehatan &lt;i&gt;ibu&lt;/i&gt; &amp; anak" in \
        pages["galeri/urusan/kesehatan-i-ibu-i-anak.html"]
    assert '<option value="kesehatan-i-ibu-i-anak">Kesehatan &lt;i&gt;ibu&lt;/i&gt; &amp; anak</option>' in \
        site["text"]


def test_nothing_is_written_into_the_source_tree(site):
    assert _files(site["root"]) == site["before"]


@pytest.mark.slow
def test_facet_page_of_a_vanished_value_is_removed(tmp_path):
    root = tmp_path / "proyek"
    _copy(root)
    out = _build(root)
    page = out / "galeri" / "tahapan" / "uji_coba.html"
    assert page.is_file()
    (root / "kb" / "inovasi" / "uji-galeri.yaml").unlink()
    _build(root)
    assert not page.exists()
    assert (out / "galeri" / "tahapan" / "penerapan.html").is_file()
    gallery = Page((out / "kb" / "galeri.html").read_text(encoding="utf-8"))
    assert "uji-galeri" not in _innovation_cards(gallery)
    assert "uji_coba" not in dict(gallery.selects["tahapan"])
