"""One view of every innovation (rancang.present), and the images of a profile.

Every output that shows an innovation reads its :class:`rancang.present.innovation.InnovationView`. The proof
reads the outputs themselves, for every innovation of a built project: the profile page (facts table, awards,
legal basis, budget, indicators), the gallery card (agency, stage, year, awards, kind, cover), the case-study
embed, the brief DOCX (facts, legal basis, budget, awards, indicators), and the open data (CSV columns, JSON
record) -- and compares each with the view, so that two outputs cannot disagree on a fact.

The project is the bundled example with one more profile that has everything (facts, awards of every level in
no order, a legal basis of every kind in no order, budget, indicators, three images with a cover), one more
catalogue entry (a Perkada) and one more visit that lists every innovation, so that the brief shows each of
them. The images are fixtures (a JPEG in ``tests/data/gambar/``, a PNG and an SVG written here); the bundled
example has none.

Images are also checked like the emblem (a relative path inside the project that exists) and by content (a
real PNG, JPEG or SVG as its name says, at most 5 MB, one cover at most): each problem is a located
diagnostic.
"""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import subprocess
import textwrap
import zlib
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest

from docx_reading import blocks
from support import CHROMIUM, REPO, build_in_place, copy_example

from rancang.present.innovation import UNKNOWN, InnovationView

RECORD_ID = "uji-penyajian"
VISIT_ID = "uji-semua-inovasi"
JPEG = REPO / "tests" / "data" / "gambar" / "pendampingan.jpg"


def png(width: int = 2, height: int = 2, rgb: bytes = b"\xff\xff\xff") -> bytes:
    """A real PNG of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


SVG = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
       '<rect width="120" height="40" fill="#2a6f97"/><text x="10" y="26" fill="#fff">Alur</text></svg>\n')

PERKADA = """\
- id: perwali-parepare-7-2019
  jenis: Perkada
  nomor: 7
  tahun: 2019
  tentang: Sistem Inovasi Daerah
  pembentuk: Kota Parepare
  terkonfirmasi: false
  catatan: Entri uji untuk urutan dasar hukum (bukan peraturan sungguhan).
"""

RECORD = textwrap.dedent("""\
    nama: Uji Penyajian & <Satu> "Tampilan"
    nama_lain:
      - Uji Tampilan
    ringkasan: Ringkasan **uji** penyajian dengan [tautan](https://contoh.go.id/uji).
    perangkat_daerah: bappeda
    unit: Bidang Penelitian dan Pengembangan
    inisiator: asn
    inovator:
      - Nama Inovator
    bentuk: pelayanan_publik
    jenis: digital
    urusan:
      - kelautan dan perikanan
      - perencanaan
    tahapan: penerapan
    tanggal_uji_coba: 2019-06
    tanggal_penerapan: 2020-01-02
    status: berjalan
    masalah: Masalah uji.
    hasil: Hasil uji.
    indikator:
      - nama: Penerima manfaat
        satuan: orang
        awal: {nilai: 70, tahun: 2017}
        hasil: {nilai: 368, tahun: 2019, keterangan: sekitar}
      - nama: Waktu layanan
        satuan: hari
        awal: {nilai: 5, tahun: 2018}
        hasil: {nilai: 3, tahun: 2020}
      - nama: Gerai baru
        satuan: gerai
        hasil: {nilai: 4, tahun: 2020}
    anggaran:
      - tahun: 2021
        jumlah: 150000000
        sumber: APBD
      - tahun: 2020
        sumber: CSR
    dasar_hukum:
      - uraian: Keputusan Wali Kota tentang Tim Inovasi (belum bernomor)
      - regulasi: perwali-inovasi-daerah
      - id: perwali-parepare-7-2019
      - id: permendagri-104-2018
      - id: pp-38-2017
      - id: uu-23-2014
    penghargaan:
      - nama: Juara Provinsi
        tahun: 2021
        tingkat: provinsi
      - nama: Top 45 KIPP
        tahun: 2020
        pemberi: Kementerian PANRB
        tingkat: nasional
      - nama: Penghargaan Daerah
        tahun: 2019
        pemberi: Pemerintah Kota Parepare
    kontak:
      nama: Narahubung Uji
      surel: uji@contoh.go.id
    gambar:
      - berkas: kb/gambar/alur.png
        keterangan: Alur layanan
      - berkas: kb/gambar/pendampingan.jpg
        keterangan: Pendampingan perempuan pesisir & <kelompok> "srikandi"
        sumber: Dokumentasi Bappeda Kota Parepare
        sampul: true
      - berkas: kb/gambar/bagan.svg
        keterangan: Bagan alur
""")

VISIT = textwrap.dedent("""\
    judul: Kunjungan Uji Penyajian
    peran: tuan_rumah
    pihak_lain:
      nama: DPRD Kabupaten Contoh
    tanggal: 2021-06-04
    inovasi:
    {innovations}
""")


def presentation_project(target: Path) -> Path:
    """The example, plus the profile with everything, a Perkada in the catalogue, its images and a visit that
    lists every innovation."""
    root = copy_example(target)
    catalogue = root / "kb" / "dasar-hukum.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").rstrip("\n") + "\n" + PERKADA, encoding="utf-8")
    images = root / "kb" / "gambar"
    images.mkdir()
    (images / "alur.png").write_bytes(png(40, 20, b"\x2a\x6f\x97"))
    (images / "pendampingan.jpg").write_bytes(JPEG.read_bytes())
    (images / "bagan.svg").write_text(SVG, encoding="utf-8")
    (root / "kb" / "inovasi" / f"{RECORD_ID}.yaml").write_text(RECORD, encoding="utf-8")
    ids = sorted(path.stem for path in (root / "kb" / "inovasi").glob("*.yaml"))
    (root / "visits" / f"{VISIT_ID}.yaml").write_text(
        VISIT.format(innovations="\n".join(f"  - {i}" for i in ids)), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The project built once with ``rancang build --no-pdf`` (Sphinx warnings not allowed), and its data."""
    from rancang.check import check_project

    root = presentation_project(tmp_path_factory.mktemp("penyajian") / "proyek")
    code, output = build_in_place(root)
    assert code == 0, output
    assert "peringatan situs" not in output.lower(), output
    checked = check_project(root)
    return root, root / "_build" / "html", checked.data


def views(data) -> dict[str, InnovationView]:
    return {record_id: InnovationView(record_id, innovation, data)
            for record_id, innovation in sorted(data.innovations.items())}


# -- reading the outputs ---------------------------------------------------------------------------------------


def _text(element) -> str:
    """The words of an element, without Sphinx's permalink signs."""
    return " ".join(element.text_content().replace("\u00b6", "").split())


def page_of(site: Path, record_id: str):
    return lxml.html.parse(str(site / "kb" / "inovasi" / f"{record_id}.html")).getroot()


def section_items(page, anchor: str) -> list[str]:
    """The list items of the page's section ``anchor`` (empty when the page has no such section)."""
    found = page.xpath(f"//section[@id='{anchor}']")
    return [_text(li) for li in found[0].xpath(".//li")] if found else []


def table_rows(root, table_class: str) -> list[list[str]]:
    tables = root.xpath(f".//table[contains(concat(' ', @class, ' '), ' {table_class} ')]")
    return [[_text(cell) for cell in row.xpath("./th|./td")] for table in tables for row in table.xpath(".//tr")]


def brief_sections(root: Path) -> dict[str, list[tuple[str, str]]]:
    """The brief's blocks per innovation (its subchapter, from its heading to the next)."""
    docx = root / "_build" / "dokumen" / f"{VISIT_ID}-bahan.docx"
    found = blocks(docx.read_bytes())
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    chapter = ""
    for style, text in found:
        if style == "Judul 1":
            current, chapter = None, text
        if style == "Judul 2" and chapter.endswith("PROFIL INOVASI"):
            current = re.sub(r"^[A-Z]+\. ", "", text)
            sections[current] = []
        elif current is not None:
            sections[current].append((style, text))
    return sections


def under(section: list[tuple[str, str]], heading: str) -> list[str]:
    """The bullet texts under a "Judul 3" heading of a brief's subchapter."""
    out: list[str] = []
    inside = False
    for style, text in section:
        if style == "Judul 3":
            inside = text == heading
        elif inside and style == "Butir":
            out.append(text.split("\t", 1)[-1])
    return out


# -- the same facts everywhere ---------------------------------------------------------------------------------


def test_page_card_brief_and_open_data_show_the_same_facts(built) -> None:
    root, site, data = built
    gallery = lxml.html.parse(str(site / "kb" / "galeri.html")).getroot()
    brief = brief_sections(root)
    csv_rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (site / "data" / "inovasi.csv").read_bytes().decode("utf-8-sig"), newline=""))}
    json_records = {record["id"]: record for record in json.loads((site / "data" / "inovasi.json").read_text("utf-8"))}
    assert set(csv_rows) == set(json_records) == set(data.innovations)
    assert set(brief) == {innovation.name for innovation in data.innovations.values()}

    for record_id, view in views(data).items():
        facts = [[fact.label, fact.value] for fact in view.facts]
        awards = [award.text for award in view.awards]
        legal = [line.text for line in view.legal_basis]
        budget = [item.text for item in view.budget]
        indicators = [[i.name, i.baseline or UNKNOWN, i.result or UNKNOWN, i.change or "–"] for i in view.indicators]

        # the profile page
        page = page_of(site, record_id)
        assert table_rows(page, "rancang-fakta") == facts, record_id
        assert section_items(page, "penghargaan") == awards, record_id
        assert section_items(page, "dasar-hukum") == legal, record_id
        assert section_items(page, "anggaran") == budget, record_id
        assert table_rows(page, "rancang-indikator")[1:] == indicators, record_id

        # the gallery card
        (card,) = gallery.xpath(f"//div[contains(@class, 'rancang-kartu') and @data-inovasi='{record_id}' "
                                "and not(@data-studi-kasus)]")
        footer = {label: value for label, value in (
            (_text(p.xpath("./span[1]")[0]), _text(p.xpath("./span[2]")[0]))
            for p in card.xpath(".//p[contains(@class, 'rancang-kartu-fakta')]"))}
        assert footer == {"Perangkat daerah": view.agency_short or UNKNOWN, "Tahapan": view.stage_label or UNKNOWN,
                          "Tahun": str(view.year) if view.year else UNKNOWN,
                          "Penghargaan": f"{view.award_count} penghargaan" if view.award_count else "Belum ada"}
        assert [_text(b) for b in card.xpath(".//span[contains(@class, 'rancang-lencana-jenis')]")] == \
            ([view.kind_label] if view.kind_label else [])
        assert _text(card.xpath(".//*[contains(@class, 'rancang-kartu-judul')]")[0]) == view.name

        # the brief
        section = brief[view.name]
        assert [text.split(" | ") for style, text in section if style == "tabel" and text.count(" | ") == 2
                and text.split(" | ")[1] == ":"][:len(facts)] == [[label, ":", value] for label, value in facts]
        assert under(section, "Penghargaan") == awards, record_id
        assert under(section, "Dasar hukum") == legal, record_id
        assert under(section, "Anggaran") == budget, record_id
        rows = [text.split(" | ") for style, text in section if style == "tabel" and text.count(" | ") == 3]
        assert rows[1:] == [[*row[:3], row[3].replace("–", "-")] for row in indicators], record_id

        # the open data
        row = csv_rows[record_id]
        assert row["perangkat_daerah_nama"] == (view.agency_name or "")
        assert row["tahapan"] == (view.record.stage.value if view.record.stage else "")
        assert row["jumlah_penghargaan"] == str(view.award_count)
        assert row["penghargaan"] == "; ".join(awards)
        assert row["dasar_hukum"] == "; ".join(legal)
        assert row["anggaran"] == "; ".join(budget)
        record = json_records[record_id]
        assert sorted((a["tahun"], a["nama"], a.get("tingkat")) for a in record.get("penghargaan", [])) == \
            sorted((a.year, a.name, a.level.value if a.level else None) for a in view.awards)
        assert sorted((b["tahun"], b.get("jumlah"), b.get("sumber")) for b in record.get("anggaran", [])) == \
            [(b.year, b.amount, b.source) for b in sorted(view.record.budget, key=lambda b: b.year)]
        assert [ref.get("id") or ref.get("regulasi") or ref.get("uraian") for ref in record.get("dasar_hukum", [])] \
            == [ref.id or ref.regulation or ref.description for ref in view.record.legal_basis]

    # the case-study embed shows the same facts and indicators as the profile
    study = lxml.html.parse(str(site / "kb" / "studi-kasus" / "berdaya-srikandi.html")).getroot()
    (box,) = study.xpath("//*[@id='fakta-berdaya-srikandi-oleh-srikandi']")
    srikandi = page_of(site, "berdaya-srikandi-oleh-srikandi")
    assert table_rows(box, "rancang-fakta") == table_rows(srikandi, "rancang-fakta")
    assert table_rows(box, "rancang-indikator") == table_rows(srikandi, "rancang-indikator")
    assert [_text(li) for li in box.xpath(".//ul[contains(@class, 'rancang-linimasa')]/li")] == \
        section_items(srikandi, "penghargaan")


def test_the_full_profile_in_the_view_s_words_and_order(built) -> None:
    """What the view says of the profile with everything: the values a reader reads."""
    _root, site, data = built
    view = InnovationView(RECORD_ID, data.innovations[RECORD_ID], data)
    assert [fact.label for fact in view.facts] == [
        "Perangkat daerah", "Unit", "Inisiator", "Inovator", "Bentuk", "Jenis", "Urusan pemerintahan", "Tahapan",
        "Mulai uji coba", "Mulai penerapan", "Status"]
    assert view.fact("inisiator").value == "ASN" and view.fact("bentuk").value == "Pelayanan publik"
    assert view.fact("tanggal-penerapan").value == "2 Januari 2020"
    # awards oldest first, with giver and level
    assert [award.text for award in view.awards] == [
        "2019: Penghargaan Daerah (Pemerintah Kota Parepare)",
        "2020: Top 45 KIPP (Kementerian PANRB, tingkat nasional)", "2021: Juara Provinsi (tingkat provinsi)"]
    # the legal basis in the order of Mengingat: hierarchy, then date; the project's draft after the enacted
    # Perkada; a decree in words last
    lines = view.legal_basis
    assert [line.catalogue_id or line.regulation_id or "uraian" for line in lines] == [
        "uu-23-2014", "pp-38-2017", "permendagri-104-2018", "perwali-parepare-7-2019", "perwali-inovasi-daerah",
        "uraian"]
    assert lines[3].text.startswith("Peraturan Wali Kota Parepare Nomor 7 Tahun 2019 tentang Sistem Inovasi Daerah")
    assert lines[4].text == "Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah"
    assert lines[4].target == "perwali-inovasi-daerah" and lines[0].target is None
    # budget oldest first; an unknown amount says so
    assert [item.text for item in view.budget] == [f"2020: jumlah {UNKNOWN} (CSR)", "2021: Rp150.000.000 (APBD)"]
    # indicators with their units and change
    assert [(i.baseline, i.result, i.change) for i in view.indicators] == [
        ("70 orang (2017)", "368 orang (2019), sekitar", "naik 298 orang (426%)"),
        ("5 hari (2018)", "3 hari (2020)", "turun 2 hari (40%)"),
        (None, "4 gerai (2020)", None)]
    assert view.cover is not None and view.cover.path == "kb/gambar/pendampingan.jpg"

    # the page links the project's draft to its page
    page = page_of(site, RECORD_ID)
    links = page.xpath("//section[@id='dasar-hukum']//li//a")
    assert [(_text(a), a.get("href")) for a in links] == [
        ("Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah", "../../regulations/perwali-inovasi-daerah.html")]
    # an expected fact the profile lacks is said to be unknown, on the page and in the card
    call = page_of(site, "call-center-112")
    assert ["Perangkat daerah", UNKNOWN] in table_rows(call, "rancang-fakta")


def test_enum_labels_are_written_once_on_the_enums() -> None:
    from rancang.models.innovation import AwardLevel, Form, Initiator, Kind, Stage, Status

    for choice in (Form, Kind, Stage, Initiator, Status, AwardLevel):
        for member in choice:
            assert member.label and member.label[0].isupper(), member
            assert choice(member.value) is member  # YAML values are unchanged
    assert Stage.TRIAL.label == "Uji coba" and Form.GOVERNANCE.label == "Tata kelola pemerintahan daerah"
    source = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "src" / "rancang").rglob("*.py")
                       if "models" not in path.parts)
    for label in ("Tata kelola pemerintahan daerah", '"Uji coba"', '"Non-digital"', '"Anggota DPRD"'):
        assert label not in source, f"label {label} written again outside rancang.models"


def test_regulation_titles_are_composed_in_one_place() -> None:
    """No module but rancang.language.regulation_words (regulation_name, which rancang.present.titles and the
    consolidated text call) writes "[Rancangan] <regulation name> tentang <title>" of a project regulation."""
    for path in (REPO / "src" / "rancang").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "titles.py" or path.name == "regulation_words.py":
            continue
        assert not re.search(r"regulation_name\} tentang", text), path
        assert not re.search(r'f"Rancangan \{', text), path
        assert not re.search(r'\{DRAFT\} ', text), path


# -- images: page, card, brief ---------------------------------------------------------------------------------


def test_the_profile_page_shows_every_image_with_caption_and_source(built) -> None:
    _root, site, data = built
    path = site / "kb" / "inovasi" / f"{RECORD_ID}.html"
    page = page_of(site, RECORD_ID)
    figures = page.xpath("//section[@id='gambar']//figure")
    assert [_text(f.xpath(".//figcaption")[0]) for f in figures] == [
        "Alur layanan",
        'Pendampingan perempuan pesisir & <kelompok> "srikandi" Sumber: Dokumentasi Bappeda Kota Parepare',
        "Bagan alur"]
    sources = {"alur.png": png(40, 20, b"\x2a\x6f\x97"), "pendampingan.jpg": JPEG.read_bytes(),
               "bagan.svg": SVG.encode("utf-8")}
    for figure, (name, content) in zip(figures, sources.items()):
        (image,) = figure.xpath(".//img")
        target = (path.parent / unquote(image.get("src"))).resolve()
        assert target.is_relative_to(site.resolve()) and target.read_bytes() == content, name
        assert image.get("alt") == _text(figure.xpath(".//figcaption//p")[0])


def test_the_card_shows_the_cover_and_only_the_cover(built) -> None:
    _root, site, _data = built
    gallery_path = site / "kb" / "galeri.html"
    gallery = lxml.html.parse(str(gallery_path)).getroot()
    covers = gallery.xpath("//img[contains(@class, 'rancang-kartu-sampul')]")
    assert len(covers) == 1
    (cover,) = covers
    card = cover.xpath("ancestor::div[contains(@class, 'rancang-kartu')]")[0]
    assert card.get("data-inovasi") == RECORD_ID
    assert cover.get("alt") == 'Pendampingan perempuan pesisir & <kelompok> "srikandi"'
    assert (gallery_path.parent / unquote(cover.get("src"))).resolve().read_bytes() == JPEG.read_bytes()


@pytest.mark.slow
def test_a_paginated_gallery_shows_the_cover_on_its_pages_and_in_its_index(tmp_path: Path) -> None:
    """Gallery pages 2, 3, ... (generated, in another folder) and the index the script builds cards from."""
    from test_site_gallery_pages import small_pages

    from rancang.site import gallery
    from support import build_site_of

    root = presentation_project(tmp_path / "proyek")
    with small_pages():
        site, _warnings = build_site_of(root, documents=False)
    pages = [site / "kb" / "galeri.html", *sorted((site / "galeri" / "halaman").glob("*.html"))]
    assert len(pages) > 2
    shown = []
    for path in pages:
        page = lxml.html.parse(str(path)).getroot()
        for image in page.xpath("//img[contains(@class, 'rancang-kartu-sampul')][not(ancestor::template)]"):
            card = image.xpath("ancestor::div[contains(@class, 'rancang-kartu')]")[0]
            shown.append(card.get("data-inovasi"))
            assert (path.parent / unquote(image.get("src"))).resolve().read_bytes() == JPEG.read_bytes(), path
    assert shown == [RECORD_ID]
    from test_site_gallery_pages import read_index

    index = read_index(site)
    records = [row for key, rows in index.items() if key.startswith("kartu/") for row in rows]
    covers = {row[0]: row[6] for row in records if len(row) > 6}
    assert list(covers) == [RECORD_ID]
    src, alt = covers[RECORD_ID]
    assert alt == 'Pendampingan perempuan pesisir & <kelompok> "srikandi"'
    assert (site / "kb" / unquote(src)).resolve().read_bytes() == JPEG.read_bytes()  # from the gallery page

    # rancang-galeri.js builds the filtered cards from the index: the cover too, and only where there is one
    if not CHROMIUM.is_file():
        return
    dom = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--dump-dom", (site / "kb" / "galeri.html").as_uri() + "?jenis=digital"],
                         capture_output=True, text=True, timeout=120).stdout
    page = lxml.html.fromstring(dom)
    built_cards = page.xpath("//div[contains(@class, 'rancang-galeri-kartu')]/div[contains(@class, 'rancang-kartu')]"
                             "[not(@hidden)][not(@data-studi-kasus)]")
    assert sorted(card.get("data-inovasi") for card in built_cards) == ["direktori-inovasi", RECORD_ID]
    for card in built_cards:
        images = card.xpath(".//img")
        if card.get("data-inovasi") == RECORD_ID:
            assert [(image.get("src"), image.get("alt")) for image in images] == [(src, alt)]
        else:
            assert images == []


def test_the_brief_holds_the_raster_images_with_their_captions(built) -> None:
    from docx import Document

    root, _site, data = built
    docx = root / "_build" / "dokumen" / f"{VISIT_ID}-bahan.docx"
    document = Document(str(docx))
    parts = sorted(part.partname for part in document.part.package.parts if part.partname.startswith("/word/media/"))
    contents = sorted(part.blob for part in document.part.package.parts if part.partname.startswith("/word/media/"))
    assert len(parts) == 2, parts  # the PNG and the JPEG; an SVG is not embedded (it cannot be in Word)
    assert sorted([png(40, 20, b"\x2a\x6f\x97"), JPEG.read_bytes()]) == contents
    section = brief_sections(root)[data.innovations[RECORD_ID].name]
    captions = [text for style, text in section if style == "Keterangan Gambar"]
    assert any("Alur layanan" in text for text in captions), captions
    assert any('Pendampingan perempuan pesisir & <kelompok> "srikandi"' in text
               and "Dokumentasi Bappeda Kota Parepare" in text for text in captions), captions


# -- images: the checks --------------------------------------------------------------------------------------


def _check_images(tmp_path: Path, pictures: str, files: dict[str, bytes]) -> list:
    """The diagnostics of ``rancang check`` for a profile with these ``gambar:`` entries and files."""
    from rancang.check import check_project

    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml", "kb"))
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (root / "kb" / "inovasi" / "uji-gambar.yaml").write_text("nama: Uji Gambar\ngambar:\n" + pictures,
                                                              encoding="utf-8")
    report = check_project(root).report
    return [d for d in report.diagnostics if d.location.path.endswith("uji-gambar.yaml") and not d.code.startswith("L")]


CASES = [
    ("kb/gambar/ada.png", {"kb/gambar/ada.png": png()}, None, None),
    ("kb/gambar/foto.jpeg", {"kb/gambar/foto.jpeg": JPEG.read_bytes()}, None, None),
    ("./kb//gambar/bagan.svg", {"kb/gambar/bagan.svg": SVG.encode()}, None, None),
    ("/etc/hostname", {}, "P402", "harus jalur relatif di dalam folder proyek"),
    ("../luar.png", {"../luar.png": png()}, "P402", "berada di luar folder proyek"),
    ("kb/gambar/hilang.png", {}, "P402", "berkas gambar 'kb/gambar/hilang.png' tidak ditemukan"),
    ("kb/gambar/teks.png", {"kb/gambar/teks.png": b"bukan gambar"}, "P411", "bukan PNG, JPEG, atau SVG"),
    ("kb/gambar/salah.jpg", {"kb/gambar/salah.jpg": png()}, "P411", "berisi gambar PNG, tidak sesuai akhiran"),
    ("kb/gambar/dok.gif", {"kb/gambar/dok.gif": b"GIF89a"}, "P411", "harus berakhiran .png, .jpg, .jpeg, atau .svg"),
    ("kb/gambar/html.svg", {"kb/gambar/html.svg": b"<html><body/></html>"}, "P411", "elemen akarnya <html>"),
    ("kb/gambar/skrip.svg", {"kb/gambar/skrip.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script>'
                                                  b"</svg>"}, "P411", "berisi skrip"),
    ("kb/gambar/onload.svg", {"kb/gambar/onload.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'},
     "P411", "berisi skrip"),
    ("kb/gambar/tawa.svg", {"kb/gambar/tawa.svg": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
                                                  b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'},
     "P411", "deklarasi entitas"),
    ("kb/gambar/rusak.svg", {"kb/gambar/rusak.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'},
     "P411", "XML-nya tidak sah di baris 1"),
    ("kb/gambar/besar.png", {"kb/gambar/besar.png": png() + b"\0" * (5 * 1024 * 1024)}, "P412",
     "berukuran 5,0 MB; paling besar 5 MB"),
]


@pytest.mark.parametrize("name, files, code, words", CASES, ids=[case[0] for case in CASES])
def test_an_image_is_checked_like_the_emblem_and_by_content(tmp_path: Path, name, files, code, words) -> None:
    found = _check_images(tmp_path, f"  - berkas: {json.dumps(name)}\n    keterangan: Uji\n", files)
    if code is None:
        assert found == [], [d.format() for d in found]
        return
    assert [(d.code, d.location.line, d.location.column) for d in found] == [(code, 3, 13)], \
        [d.format() for d in found]
    assert words in found[0].message, found[0].message


def test_one_cover_at_most(tmp_path: Path) -> None:
    pictures = ("  - berkas: kb/gambar/a.png\n    keterangan: A\n    sampul: true\n"
                "  - berkas: kb/gambar/b.png\n    keterangan: B\n    sampul: true\n")
    found = _check_images(tmp_path, pictures, {"kb/gambar/a.png": png(), "kb/gambar/b.png": png()})
    assert [(d.code, d.location.line, d.location.column) for d in found] == [("S206", 8, 13)], \
        [d.format() for d in found]
    assert "hanya satu gambar boleh menjadi sampul" in found[0].message


def test_an_image_needs_its_caption(tmp_path: Path) -> None:
    found = _check_images(tmp_path, "  - berkas: kb/gambar/a.png\n", {"kb/gambar/a.png": png()})
    assert [(d.code, d.location.line) for d in found] == [("S201", 3)], [d.format() for d in found]
    assert "keterangan" in found[0].message


@pytest.mark.parametrize("amount", [0, 1, 999, 1000, 150_000_000, 1500.5, 2500.5, 1_234_567.49, 1e12, 0.5, 1.5])
def test_rupiah_is_written_as_babel_writes_idr(amount: float) -> None:
    from babel.numbers import format_currency

    from rancang.language.wording import rupiah

    assert rupiah(amount) == format_currency(amount, "IDR", locale="id")
