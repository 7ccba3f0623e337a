"""The paginated gallery: a copy of the example project with 23 innovations and a page size of 3.

The page size, the number of values a facet lists in full, the number of values per page of a category list
and the cards per chunk of the index are patched down (``PAGE_SIZE = 3``, ``MAX_LISTED_VALUES = 3``,
``VALUES_PER_PAGE = 4``, ``INDEX_CHUNK = 4``), so that a small project has eight gallery pages, paginated
facet pages, a paginated category list and six chunks of cards, built in a few seconds. The tests read the
built pages: which cards and entries each page shows, the page navigation, the index's files, and which
files a rebuild writes.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from rancang.check import check_project
from rancang.site import gallery
from rancang.site.builder import build_site
from support import build_site_of
from test_site_gallery import NASTY, Page, _copy

PAGE_SIZE = 3
MAX_LISTED = 3
VALUES_PER_PAGE = 4
INDEX_CHUNK = 4
EXTRA_RECORDS = 15
"""With the example's six profiles and the two of test_site_gallery: 23 innovations, eight pages of three."""

AGENCIES = ["dinas-uji-a", "dinas-uji-b", "dinas-uji-c", "dinas-uji-d", "dinas-uji-e"]
AFFAIRS = ["pendidikan", "kesehatan", "pariwisata", "sosial"]


def generated_record(index: int) -> str:
    """One innovation profile, its facts varying with ``index``."""
    return (f'nama: "Uji Halaman {index:02d}"\n'
            f'ringkasan: "Ringkasan uji nomor {index} untuk halaman galeri."\n'
            f"perangkat_daerah: {AGENCIES[index % len(AGENCIES)]}\n"
            f"bentuk: {('pelayanan_publik', 'tata_kelola')[index % 2]}\n"
            f"jenis: {('digital', 'non_digital')[index % 3 == 0]}\n"
            f"urusan:\n  - {AFFAIRS[index % len(AFFAIRS)]}\n"
            f"tahapan: {('penerapan', 'uji_coba', 'inisiatif')[index % 3]}\n"
            f"tanggal_inisiatif: {2015 + index % 4}\n"
            f"status: {('berjalan', 'berhenti')[index % 5 == 0]}\n")


def paginated_project(root: Path) -> Path:
    """The example project, the two profiles of test_site_gallery and :data:`EXTRA_RECORDS` generated ones."""
    _copy(root)
    with open(root / "kb" / "perangkat-daerah.yaml", "a", encoding="utf-8") as handle:
        for index, agency in enumerate(AGENCIES):
            handle.write(f"\n- id: {agency}\n  nama: Dinas Uji {chr(65 + index)}\n")
    for index in range(1, EXTRA_RECORDS + 1):
        (root / "kb" / "inovasi" / f"uji-halaman-{index:02d}.yaml").write_text(generated_record(index),
                                                                             encoding="utf-8")
    return root


@contextmanager
def small_pages():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gallery, "PAGE_SIZE", PAGE_SIZE)
        patch.setattr(gallery, "MAX_LISTED_VALUES", MAX_LISTED)
        patch.setattr(gallery, "VALUES_PER_PAGE", VALUES_PER_PAGE)
        patch.setattr(gallery, "INDEX_CHUNK", INDEX_CHUNK)
        yield


def build_paginated(root: Path) -> Path:
    with small_pages():
        outdir, _ = build_site_of(root, documents=False)
    return outdir


@pytest.fixture(scope="module")
def site(paginated_site) -> dict:
    """The paginated project built once per session (conftest.py: paginated_project, then build_paginated)."""
    root, out = paginated_site.root, paginated_site.site
    checked = check_project(root)
    data, _ = checked.data, checked.report
    prepared = gallery.prepare(data)
    return {"root": root, "out": out, "data": data, "order": prepared.order, "catalogue": prepared.catalogue}


def _read(out: Path, relative: str) -> Page:
    return Page((out / relative).read_text(encoding="utf-8"))


def _innovation_ids(page: Page) -> list[str]:
    return [card["attrs"]["data-inovasi"] for card in page.cards if "data-studi-kasus" not in card["attrs"]]


def _nav(page: Page) -> dict:
    """What the page navigation shows: position text, page links (number -> href), current, prev, next."""
    navs = page.by_class.get("rancang-halaman", [])
    assert len(navs) == 1, "one page navigation"
    position = page.by_class["rancang-halaman-posisi"][0]["text"]
    numbers = {int(e["text"]): e["attrs"]["href"] for e in page.by_class.get("rancang-halaman-nomor", [])}
    current = [int(e["text"]) for e in page.by_class.get("rancang-halaman-ini", [])]
    previous = page.by_class["rancang-halaman-sebelumnya"][0]
    following = page.by_class["rancang-halaman-berikutnya"][0]
    return {"position": position, "numbers": numbers, "current": current,
            "prev": previous["attrs"].get("href"), "prev_text": previous["text"],
            "next": following["attrs"].get("href"), "next_text": following["text"],
            "gaps": len(page.by_class.get("rancang-halaman-jeda", []))}


def _gallery_pages(site: dict) -> list[str]:
    total = math.ceil(len(site["order"]) / PAGE_SIZE)
    return ["kb/galeri.html"] + [f"galeri/halaman/{k}.html" for k in range(2, total + 1)]


# -- the gallery -------------------------------------------------------------------------------------------------


def test_the_project_spans_several_pages(site):
    assert len(site["order"]) == 23
    assert len(_gallery_pages(site)) == 8


def test_gallery_document_shows_the_first_page_with_controls_for_every_record(site):
    page = _read(site["out"], "kb/galeri.html")
    assert _innovation_ids(page) == site["order"][:PAGE_SIZE]
    assert page.by_id["rancang-jumlah"]["text"] == "23 inovasi"
    controls = page.by_class["rancang-facets"][0]["attrs"]
    assert controls["data-indeks"] == "../galeri/indeks/"
    assert (controls["data-profil-awal"], controls["data-profil-akhir"]) == ("inovasi/", ".html")
    assert (controls["data-per-halaman"], controls["data-jumlah-halaman"]) == ("3", "8")
    # The selects offer the values of every record, not only those of the first page.
    assert {value for value, _ in page.selects["perangkat-daerah"][1:]} >= set(AGENCIES)
    # Case studies stay on the first page.
    assert any("data-studi-kasus" in card["attrs"] for card in page.cards)
    nav = _nav(page)
    assert nav["position"] == "Halaman 1 dari 8"
    assert nav["current"] == [1]
    assert nav["prev"] is None and nav["prev_text"] == "‹ Sebelumnya"
    assert nav["next"] == "../galeri/halaman/2.html" and nav["next_text"] == "Berikutnya ›"
    assert nav["numbers"] == {2: "../galeri/halaman/2.html", 3: "../galeri/halaman/3.html",
                              8: "../galeri/halaman/8.html"}
    assert nav["gaps"] == 1


def test_every_record_is_on_exactly_one_gallery_page_in_gallery_order(site):
    out = site["out"]
    shown: list[str] = []
    for number, relative in enumerate(_gallery_pages(site), start=1):
        page = _read(out, relative)
        ids = _innovation_ids(page)
        assert len(ids) == min(PAGE_SIZE, 23 - (number - 1) * PAGE_SIZE), relative
        shown += ids
        if number > 1:
            assert not any("data-studi-kasus" in card["attrs"] for card in page.cards)
            assert f"(halaman {number} dari 8)" in page.title
            for card in page.cards:
                record_id = card["attrs"]["data-inovasi"]
                assert (f"../../kb/inovasi/{record_id}.html", site["data"].innovations[record_id].name) \
                    in card["links"]
    assert shown == site["order"]
    assert not (out / "galeri" / "halaman" / "9.html").exists()
    assert not (out / "galeri" / "halaman" / "1.html").exists()


def render_template(name: str, context: dict) -> str:
    """A gallery template rendered as the builder renders it (Sphinx's environment is a sandboxed Jinja
    environment without autoescaping over the templates path)."""
    from jinja2 import FileSystemLoader
    from jinja2.sandbox import SandboxedEnvironment

    folder = Path(gallery.__file__).parent / "templates"
    return SandboxedEnvironment(loader=FileSystemLoader(str(folder))).get_template(name).render(context)


def test_every_card_is_the_card_template(site):
    """The cards of kb/galeri.html (the kartu node's visitor) and of galeri/halaman/<k>.html are the one card
    template, rendered from :func:`gallery.card_view`."""
    text = (site["out"] / "kb" / "galeri.html").read_text(encoding="utf-8")
    prepared = gallery.prepare(site["data"])
    for record_id in site["order"][:PAGE_SIZE]:
        expected = render_template(gallery.CARD_TEMPLATE, {"kartu": gallery.card_view(
            prepared.cards[record_id], f"inovasi/{record_id}.html")})
        assert expected in text, record_id
    later = (site["out"] / "galeri" / "halaman" / "2.html").read_text(encoding="utf-8")
    record_id = site["order"][PAGE_SIZE]
    assert render_template(gallery.CARD_TEMPLATE, {"kartu": gallery.card_view(
        prepared.cards[record_id], f"../../kb/inovasi/{record_id}.html")}) in later


TEMPLATE_OPEN = '<template class="rancang-kartu-templat">'


def _skeleton(markup: str) -> list[tuple[str, str]]:
    """Tags and classes of some markup, in document order."""
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs).get("class") or ""))

    Tags().feed(markup)
    return found


def _card_template(text: str) -> str:
    assert text.count(TEMPLATE_OPEN) == 1 and text.count("</template>") == 1
    return text[text.index(TEMPLATE_OPEN) + len(TEMPLATE_OPEN):text.index("</template>")]


def test_the_script_gets_the_card_template_once(site):
    """The paginated gallery holds the card template with empty values for rancang-galeri.js (which has no
    card markup of its own); the generated pages, where no script builds cards, do not."""
    text = (site["out"] / "kb" / "galeri.html").read_text(encoding="utf-8")
    inner = _card_template(text)
    assert inner == render_template(gallery.CARD_TEMPLATE, {"kartu": gallery.card_slots()})
    assert re.findall(r'data-isi="([^"]+)"', inner) == ["sampul", "jenis", "nama", "ringkasan",
                                                       "perangkat-daerah", "tahapan", "tahun", "penghargaan"]
    (card,) = Page(inner).cards
    assert card["attrs"]["data-inovasi"] == "" and all(card["attrs"][f"data-{f.name}"] == ""
                                                       for f in gallery.FACETS)
    # Its elements are those of a card with a cover image, a kind and a summary.
    card = dataclasses.replace(gallery.prepare(site["data"]).cards["uji-galeri"], cover=("kb/gambar/a.png", "A"))
    sample = render_template(gallery.CARD_TEMPLATE, {"kartu": gallery.card_view(
        card, "inovasi/uji-galeri.html", "../_images/a.png")})
    assert _skeleton(inner) == _skeleton(sample)
    for relative in ("galeri/halaman/2.html", "galeri/tahapan/penerapan.html"):
        assert "<template" not in (site["out"] / relative).read_text(encoding="utf-8"), relative
    script = (site["out"] / "_static" / "rancang-galeri.js").read_text(encoding="utf-8")
    assert "rancang-kartu-fakta" not in script and "sd-card" not in script


def test_page_navigation_in_the_middle_and_at_the_end(site):
    nav = _nav(_read(site["out"], "galeri/halaman/5.html"))
    assert nav["position"] == "Halaman 5 dari 8"
    assert nav["current"] == [5]
    assert nav["prev"] == "4.html" and nav["next"] == "6.html"
    assert nav["numbers"] == {1: "../../kb/galeri.html", 2: "2.html", 3: "3.html", 4: "4.html", 6: "6.html",
                              7: "7.html", 8: "8.html"}
    last = _nav(_read(site["out"], "galeri/halaman/8.html"))
    assert last["position"] == "Halaman 8 dari 8"
    assert last["next"] is None and last["next_text"] == "Berikutnya ›"
    assert last["numbers"] == {1: "../../kb/galeri.html", 6: "6.html", 7: "7.html"}
    assert last["gaps"] == 1


def test_page_navigation_does_not_grow_with_the_number_of_pages():
    for total in (1, 2, 9, 167, 613, 10_000):
        for current in {1, 2, 3, total // 2, total - 1, total} & set(range(1, total + 1)):
            window = gallery.page_window(current, total)
            numbers = [n for n in window if n is not None]
            assert len(window) <= 2 * gallery.NEIGHBOURS + 5
            assert numbers == sorted(set(numbers)) and numbers[0] == 1 and numbers[-1] == total
            assert current in numbers
            assert {current - 1, current + 1} & set(range(1, total + 1)) <= set(numbers)
    text = render_template(gallery.PAGINATION_TEMPLATE,
                           {"paginasi": gallery.pagination_view(300, 613, lambda k: f"{k}.html")})
    assert "Halaman 300 dari 613" in text and text.count("<li") == 11
    assert render_template(gallery.PAGINATION_TEMPLATE, {"paginasi": gallery.pagination_view(1, 1, str)}) == ""


# -- facet pages -------------------------------------------------------------------------------------------------


def _entries(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    listing = text[text.index('<ul class="rancang-facet-daftar">'):]
    listing = listing[: listing.index("</ul>")]
    return re.findall(r'<li data-inovasi="([^"]+)">', listing)


def test_facet_pages_are_paginated_and_list_every_member_once(site):
    out, catalogue = site["out"], site["catalogue"]
    paginated = 0
    for facet in gallery.FACETS:
        for item in catalogue[facet.name]:
            total = math.ceil(len(item.innovations) / PAGE_SIZE)
            listed: list[str] = []
            for number in range(1, total + 1):
                relative = (f"galeri/{facet.name}/{item.value}.html" if number == 1
                            else f"galeri/{facet.name}/{item.value}/{number}.html")
                path = out / relative
                assert path.is_file(), relative
                entries = _entries(path)
                assert 1 <= len(entries) <= PAGE_SIZE
                listed += entries
                page = Page(path.read_text(encoding="utf-8"))
                assert page.by_class["rancang-facet-angka"][0]["text"] == f"{len(item.innovations)} inovasi"
                if total > 1:
                    nav = _nav(page)
                    assert nav["position"] == f"Halaman {number} dari {total}"
                    assert f"(halaman {number} dari {total})" in page.title or number == 1
                else:
                    assert "rancang-halaman" not in page.by_class
                # siblings and case studies only on the first page
                assert ("rancang-facet-lain" in page.by_class or "rancang-facet-lain-semua" in page.by_class
                        or len(catalogue[facet.name]) == 1) == (number == 1), relative
            assert listed == item.innovations, (facet.name, item.value)
            assert not (out / "galeri" / facet.name / item.value / f"{total + 1}.html").exists()
            paginated += total > 1
    assert paginated >= 5


def test_second_facet_page_links_back_and_forth(site):
    item = next(i for i in site["catalogue"]["tahapan"] if len(i.innovations) > 2 * PAGE_SIZE)
    nav = _nav(_read(site["out"], f"galeri/tahapan/{item.value}/2.html"))
    assert nav["prev"] == f"../{item.value}.html"
    assert nav["next"] == "3.html"
    assert nav["numbers"][1] == f"../{item.value}.html"


def test_a_facet_with_many_values_links_its_category_list(site):
    out, catalogue = site["out"], site["catalogue"]
    agencies = catalogue["perangkat-daerah"]
    assert len(agencies) > MAX_LISTED
    first = agencies[0]
    page = _read(out, f"galeri/perangkat-daerah/{first.value}.html")
    assert "rancang-facet-lain" not in page.by_class  # no unbounded list of siblings
    link = page.by_class["rancang-facet-lain-semua"][0]
    assert f"Semua {len(agencies)} perangkat daerah" in link["text"]
    assert ("../kategori/perangkat-daerah.html", f"Semua {len(agencies)} perangkat daerah") in page.links
    # A facet with few values still lists them.
    status = _read(out, "galeri/status/berjalan.html")
    assert [t for h, t in status.links if h == "berhenti.html"] == ["Berhenti"]

    # The category list: every value once, with its count, VALUES_PER_PAGE a page.
    pages = math.ceil(len(agencies) / VALUES_PER_PAGE)
    assert pages > 1
    listed = []
    for number in range(1, pages + 1):
        relative = ("galeri/kategori/perangkat-daerah.html" if number == 1
                    else f"galeri/kategori/perangkat-daerah/{number}.html")
        text = (out / relative).read_text(encoding="utf-8")
        listing = text.split('<ul class="rancang-kategori-daftar">')[1].split("</ul>")[0]
        hrefs = re.findall(r'<li><a class="reference internal" href="([^"]+)">', listing)
        assert 1 <= len(hrefs) <= VALUES_PER_PAGE
        for href in hrefs:
            target = ((out / relative).parent / href).resolve()
            assert target.is_file() and target.parent == (out / "galeri" / "perangkat-daerah").resolve()
            listed.append(target.stem)
        assert f"Halaman {number} dari {pages}" in text
    values = listed
    assert values == [item.value for item in agencies]

    # The overview on kb/galeri lists the largest ones and links the full list.
    overview = _read(out, "kb/galeri.html")
    agency_links = [h for h, _ in overview.links if h.startswith("../galeri/perangkat-daerah/")]
    assert len(agency_links) == MAX_LISTED
    assert ("../galeri/kategori/perangkat-daerah.html", f"semua {len(agencies)} perangkat daerah ›") \
        in overview.links
    largest = sorted(agencies, key=lambda i: -len(i.innovations))[:MAX_LISTED]
    assert {h.rsplit("/", 1)[1][:-5] for h in agency_links} == {i.value for i in largest}


def test_generated_pages_are_exactly_the_expected_ones(site):
    out, catalogue = site["out"], site["catalogue"]
    expected = {f"galeri/halaman/{k}.html" for k in range(2, 9)}
    for facet in gallery.FACETS:
        for item in catalogue[facet.name]:
            expected.add(f"galeri/{facet.name}/{item.value}.html")
            for number in range(2, math.ceil(len(item.innovations) / PAGE_SIZE) + 1):
                expected.add(f"galeri/{facet.name}/{item.value}/{number}.html")
        if len(catalogue[facet.name]) > MAX_LISTED:
            expected.add(f"galeri/kategori/{facet.name}.html")
            for number in range(2, math.ceil(len(catalogue[facet.name]) / VALUES_PER_PAGE) + 1):
                expected.add(f"galeri/kategori/{facet.name}/{number}.html")
    written = {p.relative_to(out).as_posix() for p in (out / "galeri").rglob("*.html")}
    assert written == expected
    index = {f"galeri/indeks/{facet.name}/{item.value}.js" for facet in gallery.FACETS
             for item in catalogue[facet.name]}
    index |= {f"galeri/indeks/kartu/{k}.js" for k in range(math.ceil(23 / INDEX_CHUNK))}
    index |= {"galeri/indeks/studi-kasus.js", "galeri/indeks/indeks.js"}
    assert {p.relative_to(out).as_posix() for p in (out / "galeri").rglob("*.js")} == index


# -- the index ---------------------------------------------------------------------------------------------------


INDEX_LINE = re.compile(r"window\.rancangGaleri\.terima\((\"[^\"]*\"), (.*)\);\n")


def read_index(out: Path) -> dict[str, object]:
    """Every file of the index: its key -> its value (each file is one call of rancangGaleri.terima)."""
    found = {}
    for path in sorted((out / "galeri" / "indeks").rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        match = INDEX_LINE.fullmatch(text)
        assert match, (path, text[:200])
        key = json.loads(match.group(1))
        assert path.relative_to(out / "galeri" / "indeks").as_posix() == f"{key}.js"
        found[key] = json.loads(match.group(2))
    return found


def index_bytes(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "galeri" / "indeks").rglob("*")
            if p.is_file()}


def truth(data) -> tuple[list[str], dict[tuple[str, str], set[str]]]:
    """The gallery order and, for every (facet, value), the records that have it: from the records themselves."""
    order = gallery.gallery_order(data)
    having: dict[tuple[str, str], set[str]] = {}
    for record_id, innovation in data.innovations.items():
        for name, values in gallery.facet_values(innovation).items():
            for value in values:
                having.setdefault((name, value), set()).add(record_id)
    return order, having


def filtered(index: dict, order: list[str], chosen: list[tuple[str, str]]) -> list[str]:
    """What the script shows for a filter: the intersection of the position lists of the chosen values."""
    lists = [set(gallery.decode_positions(index[f"{name}/{value}"])) for name, value in chosen]
    return [order[p] for p in sorted(set.intersection(*lists))]


def test_positions_encode_and_decode():
    for positions in ([], [0], [5], [0, 1, 2, 3], [31, 32, 1023, 1024, 40000], list(range(0, 600, 2)),
                      list(range(1000)), [7, 36741]):
        text = gallery.encode_positions(positions)
        assert gallery.decode_positions(text) == positions
        assert re.fullmatch(r"[db][A-Za-z0-9_-]*", text)
    assert gallery.encode_positions(list(range(0, 60000, 3)))[0] == "b"  # dense: a bitmap, 1 character per 6
    assert len(gallery.encode_positions(list(range(0, 60000, 3)))) == 10001
    # gaps 3, 0 and 95 = 2 * 32 + 31: "D", "A", then "i" (32 + 2: more follows) and "f" (31)
    assert gallery.encode_positions([3, 4, 100]) == "dDAif"


def test_index_filters_every_value_and_every_pair_as_the_records_say(site):
    index, data = read_index(site["out"]), site["data"]
    order, having = truth(data)
    keys = sorted(having)
    assert {key for key in index if "/" in key and not key.startswith("kartu/")} == {f"{n}/{v}" for n, v in keys}
    for name, value in keys:
        assert filtered(index, order, [(name, value)]) == [r for r in order if r in having[(name, value)]]
    pairs = 0
    for first, second in itertools.combinations(keys, 2):
        if first[0] == second[0]:
            continue  # one value per facet
        expected = [r for r in order if r in having[first] and r in having[second]]
        assert filtered(index, order, [first, second]) == expected, (first, second)
        pairs += bool(expected)
    assert pairs > 100


def test_index_holds_every_record_with_what_its_card_shows(site):
    index = read_index(site["out"])
    assert index["indeks"] == {"kartu": INDEX_CHUNK, "inovasi": 23}  # the entry file
    chunks = sorted((key for key in index if key.startswith("kartu/")), key=lambda key: int(key.split("/")[1]))
    assert chunks == [f"kartu/{k}" for k in range(math.ceil(23 / INDEX_CHUNK))]
    rows = [row for key in chunks for row in index[key]]
    assert all(len(index[key]) == INDEX_CHUNK for key in chunks[:-1])
    assert [row[0] for row in rows] == site["order"]
    prepared = gallery.prepare(site["data"])
    for record_id, name, summary, awards, agency, values in rows:  # no cover in this project
        card = prepared.cards[record_id]
        assert (name, summary, awards, agency) == (card.name, card.summary, card.awards, card.agency)
        assert values == ["|".join(v) for v in card.values]
    assert NASTY in [row[1] for row in rows]  # plain text in JSON, shown by the script with textContent only
    # The case studies: the positions of their innovations.
    assert index["studi-kasus"] == [["kb/studi-kasus/berdaya-srikandi",
                                     [site["order"].index("berdaya-srikandi-oleh-srikandi")]]]


@pytest.mark.slow
def test_a_small_gallery_has_no_index_and_no_pages(tmp_path):
    """At most one page of innovations: every card on the gallery, no index, no page navigation."""
    root = tmp_path / "proyek"
    paginated_project(root)
    for index in range(1, EXTRA_RECORDS + 1):
        (root / "kb" / "inovasi" / f"uji-halaman-{index:02d}.yaml").unlink()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gallery, "PAGE_SIZE", 8)
        checked = check_project(root)
        data, _ = checked.data, checked.report
        out, _ = build_site(root, checked, warnings_are_errors=True)
    page = _read(out, "kb/galeri.html")
    assert len(_innovation_ids(page)) == len(data.innovations) == 8
    assert "rancang-halaman" not in page.by_class
    assert "data-indeks" not in page.by_class["rancang-facets"][0]["attrs"]
    assert not (out / "galeri" / "indeks").exists()
    assert not (out / "galeri" / "halaman").exists()


# -- incremental builds ------------------------------------------------------------------------------------------


def _stamps(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in (out / "galeri").rglob("*") if p.is_file()}


def _pages_showing(out: Path, record_id: str) -> set[str]:
    found = set()
    for path in [out / "kb" / "galeri.html", *(out / "galeri").rglob("*.html")]:
        if f'data-inovasi="{record_id}"' in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(out).as_posix())
    return found


def fresh_index(root: Path, scratch: Path) -> dict[str, bytes]:
    """The index of a build from nothing of the same sources (a copy without ``_build``)."""
    copy = scratch / "segar"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("_build"))
    return index_bytes(build_paginated(copy))


def _order(root: Path) -> list[str]:
    checked = check_project(root)
    return gallery.gallery_order(checked.data)


@pytest.mark.slow
def test_rebuilds_write_only_the_pages_that_changed(tmp_path):
    root = paginated_project(tmp_path / "proyek")
    out = build_paginated(root)
    first = _stamps(out)
    state = json.loads((root / "_build" / ".doctrees" / gallery.STATE_FILE).read_text(encoding="utf-8"))
    assert set(state["halaman"]) == {p[:-5] for p in first if p.endswith(".html")}

    # No change: no generated page, and not the index, is written again.
    build_paginated(root)
    assert _stamps(out) == first

    # One record's summary changes: only the pages that show it, and the index.
    record_id = "uji-halaman-07"
    showing = _pages_showing(out, record_id) - {"kb/galeri.html"}
    assert any(p.startswith("galeri/halaman/") for p in showing)
    assert sum(p.startswith("galeri/tahapan/") for p in showing) == 1
    path = root / "kb" / "inovasi" / f"{record_id}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ringkasan uji nomor 7", "Ringkasan baru nomor 7"),
                    encoding="utf-8")
    build_paginated(root)
    second = _stamps(out)
    rewritten = {name for name in second if second[name] != first.get(name)}
    chunk = f"galeri/indeks/kartu/{_order(root).index(record_id) // INDEX_CHUNK}.js"
    assert rewritten == showing | {chunk}  # of the index, only the chunk that holds the record
    for relative in showing | {chunk}:
        assert "Ringkasan baru nomor 7" in (out / relative).read_text(encoding="utf-8")
    assert index_bytes(out) == fresh_index(root, tmp_path)

    # A missing page is written again even though its digest did not change.
    (out / "galeri" / "halaman" / "4.html").unlink()
    build_paginated(root)
    third = _stamps(out)
    assert {name for name in third if third[name] != second.get(name)} == {"galeri/halaman/4.html"}

    # A missing file of the index too; and the index stays as it was when nothing it shows changed.
    (out / chunk).unlink()
    build_paginated(root)
    assert (out / chunk).is_file() and index_bytes(out) == fresh_index(root, tmp_path)

    # Without the state of the last build, the files are compared with what they should hold: none is written
    # again, and a file that is not of the index is removed.
    (root / "_build" / ".doctrees" / gallery.STATE_FILE).unlink()
    (out / "galeri" / "indeks" / "tahun" / "1999.js").write_text("lama", encoding="utf-8")
    index_stamps = {name: stamp for name, stamp in _stamps(out).items() if name.startswith("galeri/indeks/")}
    build_paginated(root)
    del index_stamps["galeri/indeks/tahun/1999.js"]
    assert {name: stamp for name, stamp in _stamps(out).items() if name.startswith("galeri/indeks/")} == index_stamps

    # A record renamed (it moves in the gallery order: the positions before it shift) and given a new agency
    # and a new year (new values): the index is the one of a fresh build. (Values that no longer exist: the
    # last step below.)
    before = index_bytes(out)
    path = root / "kb" / "inovasi" / "uji-halaman-05.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('nama: "Uji Halaman 05"', 'nama: "Aaa Uji Halaman 05"')
                    .replace("perangkat_daerah: dinas-uji-a", "perangkat_daerah: dinas-uji-z")
                    .replace("tanggal_inisiatif: 2016", "tanggal_inisiatif: 2030"), encoding="utf-8")
    with open(root / "kb" / "perangkat-daerah.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n- id: dinas-uji-z\n  nama: Dinas Uji Z\n")
    assert "perangkat_daerah: dinas-uji-z" in path.read_text(encoding="utf-8")
    build_paginated(root)
    after = index_bytes(out)
    assert after == fresh_index(root, tmp_path)
    assert "galeri/indeks/perangkat-daerah/dinas-uji-z.js" in set(after) - set(before)
    assert "galeri/indeks/tahun/2030.js" in set(after) - set(before)
    assert {name for name in after if before.get(name) != after[name]} < set(after)  # not everything

    # Fewer records: pages that no longer exist are removed, with their empty folders.
    for index in range(1, EXTRA_RECORDS + 1):
        (root / "kb" / "inovasi" / f"uji-halaman-{index:02d}.yaml").unlink()
    build_paginated(root)
    assert not (out / "galeri" / "halaman" / "4.html").exists()
    assert (out / "galeri" / "halaman" / "3.html").is_file()  # 8 innovations: three pages of three
    assert not (out / "galeri" / "perangkat-daerah" / "dinas-uji-a.html").exists()
    assert not (out / "galeri" / "kategori" / "perangkat-daerah.html").exists()  # three agencies left
    assert not (out / "galeri" / "kategori" / "perangkat-daerah").exists()
    assert not any(p.is_dir() and not any(p.iterdir()) for p in (out / "galeri").rglob("*"))
    assert not (out / "galeri" / "indeks" / "perangkat-daerah" / "dinas-uji-a.js").exists()
    assert index_bytes(out) == fresh_index(root, tmp_path)
    checked = check_project(root)
    data, _ = checked.data, checked.report
    assert [c for c in _innovation_ids(_read(out, "galeri/halaman/3.html"))] == \
        gallery.prepare(data).order[6:]


# -- escaping ----------------------------------------------------------------------------------------------------


QUOTES = "<b>&\"'"
"""Markup, an ampersand and both quotes: what YAML text may hold (Sphinx's template engine does not
autoescape; the gallery's templates escape with ``|e``)."""


def test_tags_and_quotes_from_yaml_are_escaped_in_cards_pages_and_pagination(tmp_path):
    root = tmp_path / "proyek"
    _copy(root)
    agency = f"Dinas {QUOTES} Kutip"
    with open(root / "kb" / "perangkat-daerah.yaml", "a", encoding="utf-8") as handle:
        handle.write(f"\n- id: dinas-kutip\n  nama: {json.dumps(agency)}\n")
    names = [f"{QUOTES} Kutip {index}" for index in range(1, 5)]  # "<b" sorts first: on the gallery's first page
    for index, name in enumerate(names, start=1):
        (root / "kb" / "inovasi" / f"kutip-{index}.yaml").write_text(
            f"nama: {json.dumps(name)}\nringkasan: {json.dumps(f'Ringkasan {QUOTES} {index}')}\n"
            "perangkat_daerah: dinas-kutip\ntahapan: penerapan\nstatus: berjalan\n", encoding="utf-8")
    out = build_paginated(root)
    shown: dict[str, str] = {}
    for relative in ("kb/galeri.html", "galeri/halaman/2.html", "galeri/perangkat-daerah/dinas-kutip.html",
                     "galeri/perangkat-daerah/dinas-kutip/2.html", "galeri/tahapan/penerapan.html"):
        text = (out / relative).read_text(encoding="utf-8")
        assert "<b>" not in text and QUOTES not in text, relative
        assert "&lt;b&gt;&amp;&#34;&#39;" in text, relative
        page = Page(text)
        for href, label in page.links:
            if label in names:
                shown[f"{relative}: {label}"] = href
    gallery_page = _read(out, "kb/galeri.html")
    # The cards of the gallery document (written by the kartu node) and of a generated page.
    cards = {card["attrs"]["data-inovasi"]: card for card in gallery_page.cards}
    assert [cards[f"kutip-{index}"]["links"] for index in (1, 2, 3)] == \
        [[(f"inovasi/kutip-{index}.html", names[index - 1])] for index in (1, 2, 3)]
    assert f"Ringkasan {QUOTES} 1" in cards["kutip-1"]["text"] and agency in cards["kutip-1"]["text"]
    later = {card["attrs"]["data-inovasi"]: card for card in _read(out, "galeri/halaman/2.html").cards}
    assert later["kutip-4"]["links"] == [("../../kb/inovasi/kutip-4.html", names[3])]
    # The controls, and the facet pages with their page navigation.
    assert ("dinas-kutip", agency) in gallery_page.selects["perangkat-daerah"]
    facet_page = _read(out, "galeri/perangkat-daerah/dinas-kutip.html")
    assert facet_page.title.startswith(f"Perangkat daerah: {agency}")
    assert facet_page.by_class["rancang-halaman"][0]["attrs"]["aria-label"] == f"Halaman perangkat daerah: {agency}"
    assert _nav(facet_page)["next"] == "dinas-kutip/2.html"
    assert [h1["text"] for h1 in facet_page.by_class.get("rancang-facet-halaman", [])] and \
        f"Perangkat daerah: {agency}" in facet_page.by_class["rancang-facet-halaman"][0]["text"]
    # Every link to them: gallery pages 1 and 2, both pages of their agency, the first page of their stage.
    assert len(shown) == 4 + 4 + 3, shown
