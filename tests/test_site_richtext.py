"""Markdown fields on the site: the rich-text tree as HTML elements on the profile page, as plain text on the
gallery card and in the CSV, raw HTML shown as text and reported by the linter at its line and column."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import textwrap
import zlib
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from docutils import nodes

from html_reading import visible_text
from rancang.check import check_project
from rancang.diagnostics import Severity
from rancang.richtext import parse
from rancang.site.richtext import nodes_of, project_images
from support import build_site_of, copy_example

RECORD_ID = "teks-kaya"
RECORD_FILE = f"kb/inovasi/{RECORD_ID}.yaml"
IMAGE = "kb/gambar/alur layanan.png"
"""A project image whose name has a space: the Markdown source writes it percent-encoded."""

SPECIAL = "& < > \" ' {{ kurung }}"
SCRIPTS = "ꦲꦏ꧀ꦱꦫ العربية 中文 Ελληνικά"

RECORD = textwrap.dedent("""\
    nama: Layanan Teks Kaya
    ringkasan: |-
      Ringkasan **tebal** dan *miring* dengan [tautan](https://contoh.go.id/a?x=1&y=2) serta <b>mentah</b>.
    masalah: |-
      Masalah yang *diatasi*:

      - satu
        - satu-a
        - satu-b
      - dua

      3. tiga
      4. empat

      ## Tarif

      | No. | Uraian | Tarif |
      |:-:|---|--:|
      | 1 | Retribusi *parkir* | 2.000 |
      | 2 | Retribusi **pasar** | 5.000 |

      ![Alur layanan](kb/gambar/alur%20layanan.png "Alur layanan dari loket")

      Tautan [berkas](ftp://contoh.go.id/berkas) dan surel [kami](mailto:inovasi@contoh.go.id).

      > Kutipan warga.

      Baris pertama\\
      baris kedua.

      Tanda SPECIAL dan aksara SCRIPTS.
    solusi: |-
      Solusi dengan <b>raw</b> dan <i>miring</i>,
      lalu <b>raw</b> lagi.

      <div class="kotak">
      blok mentah
      </div>
    """).replace("SPECIAL", SPECIAL).replace("SCRIPTS", SCRIPTS)


REGULATION = "perwali-inovasi-daerah"
ANNEX = textwrap.dedent("""\
    lampiran:
      - judul: Tarif dan Alur Layanan
        isi: |-
          Tarif untuk pendanaan [[pasal-pendanaan]] ditetapkan tim *ad hoc*:

          | No. | Uraian | Tarif |
          |:-:|---|--:|
          | 1 | Retribusi **parkir** | 2.000 |

          ![Alur layanan](kb/gambar/alur%20layanan.png "Alur layanan dari loket")
    """)


def _png() -> bytes:
    """A real 2x2 PNG (white pixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("teks-kaya") / "proyek",
                        parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    (root / RECORD_FILE).write_text(RECORD, encoding="utf-8")
    (root / IMAGE).parent.mkdir(parents=True, exist_ok=True)
    (root / IMAGE).write_bytes(_png())
    regulation = root / "regulations" / f"{REGULATION}.yaml"
    regulation.write_text(regulation.read_text(encoding="utf-8").rstrip("\n") + "\n" + ANNEX, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    out, _warnings = build_site_of(project, documents=False)
    return out


def _page(site: Path, docname: str):
    path = site / f"{docname}.html"
    return path, lxml.html.fromstring(path.read_text(encoding="utf-8"))


def _section(page, title: str):
    (section,) = page.xpath(f"//section[h2[normalize-space(text())='{title}']]")
    return section


def _text(element) -> str:
    return " ".join(element.text_content().split())


# -- the profile page ------------------------------------------------------------------------------------------


def test_lists_nest_and_keep_their_numbers(site: Path) -> None:
    _, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    problem = _section(page, "Masalah")
    (bullets,) = problem.xpath("./ul")
    assert [_text(li.xpath("./p")[0]) if li.xpath("./p") else li.text.strip() for li in bullets.xpath("./li")] \
        == ["satu", "dua"]
    assert [_text(li) for li in bullets.xpath("./li/ul/li")] == ["satu-a", "satu-b"]
    (numbered,) = problem.xpath("./ol")
    assert numbered.get("start") == "3"
    assert [_text(li) for li in numbered.xpath("./li")] == ["tiga", "empat"]


def test_table_has_a_header_row_cells_and_alignment(site: Path) -> None:
    _, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    (table,) = _section(page, "Masalah").xpath(".//table")
    assert [_text(th) for th in table.xpath("./thead/tr/th")] == ["No.", "Uraian", "Tarif"]
    assert [[_text(td) for td in tr.xpath("./td")] for tr in table.xpath("./tbody/tr")] == [
        ["1", "Retribusi parkir", "2.000"], ["2", "Retribusi pasar", "5.000"]]
    assert [_text(em) for em in table.xpath(".//td//em")] == ["parkir"]
    assert [_text(strong) for strong in table.xpath(".//td//strong")] == ["pasar"]
    first = table.xpath("./tbody/tr[1]/td")
    assert "align-center" in first[0].get("class", "") and "align-right" in first[2].get("class", "")
    assert "align-" not in first[1].get("class", "")


def test_inline_markup_links_and_heading(site: Path) -> None:
    _, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    summary = _section(page, "Ringkasan")
    assert [_text(e) for e in summary.xpath(".//strong")] == ["tebal"]
    assert [_text(e) for e in summary.xpath(".//em")] == ["miring"]
    (link,) = summary.xpath(".//p//a")
    assert link.get("href") == "https://contoh.go.id/a?x=1&y=2" and _text(link) == "tautan"
    problem = _section(page, "Masalah")
    hrefs = [unquote(a.get("href")) for a in problem.xpath(".//p//a")]  # docutils cloaks the '@' of a mailto
    assert "mailto:inovasi@contoh.go.id" in hrefs
    assert not [h for h in hrefs if h and h.startswith("ftp:")], "only http, https and mailto are links"
    assert "Tautan berkas dan surel kami." in _text(problem)
    # A heading inside a field is a rubric: it does not open a section of the page.
    (rubric,) = problem.xpath(".//*[contains(@class, 'rubric')]")
    assert _text(rubric) == "Tarif" and rubric.tag != "section"
    assert not problem.xpath(".//section")
    assert [_text(q) for q in problem.xpath(".//blockquote")] == ["Kutipan warga."]
    (lines,) = problem.xpath(".//*[contains(@class, 'line-block')]")
    assert [_text(line) for line in lines.xpath("./*[contains(@class, 'line')]")] == ["Baris pertama",
                                                                                       "baris kedua."]


def test_image_reaches_the_site(site: Path) -> None:
    path, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    (figure,) = _section(page, "Masalah").xpath(".//figure")
    (image,) = figure.xpath(".//img")
    assert image.get("alt") == "Alur layanan"
    target = (path.parent / unquote(image.get("src"))).resolve()
    assert target.is_file() and target.read_bytes() == _png()
    assert target.is_relative_to(site.resolve())
    assert _text(figure.xpath(".//figcaption//*[@class='caption-text']")[0]) == "Alur layanan dari loket"


def test_raw_html_is_text_and_special_characters_arrive_once(site: Path) -> None:
    path, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    solution = _section(page, "Solusi")
    assert not solution.xpath(".//b | .//i | .//div[contains(@class, 'kotak')]")
    text = _text(solution)
    assert "Solusi dengan <b>raw</b> dan <i>miring</i>, lalu <b>raw</b> lagi." in text
    assert '<div class="kotak"> blok mentah </div>' in text
    shown = visible_text(path.read_text(encoding="utf-8"))
    assert shown.count(SPECIAL) == 1
    assert shown.count(SCRIPTS) == 1
    assert "<b>mentah</b>" in shown


def test_no_markdown_syntax_left_on_the_page(site: Path) -> None:
    path, page = _page(site, f"kb/inovasi/{RECORD_ID}")
    (body,) = page.xpath("//div[@role='main']") or page.xpath("//body")
    text = _text(body)
    for syntax in ("**", "*miring*", "*diatasi*", "|---", "|:-:", "![", "](", "## ", "> Kutipan", "\\"):
        assert syntax not in text, syntax


# -- the regulation page's lampiran --------------------------------------------------------------------------


def test_lampiran_has_its_table_italics_reference_and_image(site: Path) -> None:
    path, page = _page(site, f"regulations/{REGULATION}")
    (annex,) = page.xpath("//div[@id='lampiran']")
    assert [_text(th) for th in annex.xpath(".//table//thead//th")] == ["No.", "Uraian", "Tarif"]
    assert [[_text(td) for td in tr.xpath("./td")] for tr in annex.xpath(".//table/tbody/tr")] == [
        ["1", "Retribusi parkir", "2.000"]]
    assert [_text(e) for e in annex.xpath(".//em")] == ["ad hoc"]
    assert [_text(e) for e in annex.xpath(".//td//strong")] == ["parkir"]
    (reference,) = annex.xpath(".//a[starts-with(@href, '#pasal-')]")
    assert _text(reference).startswith("Pasal ")
    assert page.xpath(f"//*[@id='{reference.get('href')[1:]}']"), "the reference points at an anchor of the page"
    (image,) = annex.xpath(".//img")
    assert (path.parent / unquote(image.get("src"))).resolve().read_bytes() == _png()
    assert "**" not in _text(annex) and "[[" not in _text(annex) and "|---" not in _text(annex)


# -- plain text: the card, the CSV, the search index ---------------------------------------------------------


PLAIN_SUMMARY = "Ringkasan tebal dan miring dengan tautan serta <b>mentah</b>."


def test_card_summary_is_plain_text(site: Path) -> None:
    _, page = _page(site, "kb/galeri")
    (title,) = page.xpath(f"//p[contains(@class, 'rancang-kartu-judul')]/a[contains(@href, '{RECORD_ID}.html')]")
    card = title.getparent().getparent()
    (summary,) = card.xpath(".//p[contains(@class, 'rancang-kartu-ringkasan')]")
    assert _text(summary) == PLAIN_SUMMARY
    assert not summary.xpath(".//b | .//strong | .//em")


def test_csv_is_plain_and_json_keeps_the_markdown(site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "data" / "inovasi.csv").read_text(encoding="utf-8-sig"))))
    (row,) = [r for r in rows if r["id"] == RECORD_ID]
    assert row["ringkasan"] == PLAIN_SUMMARY
    records = json.loads((site / "data" / "inovasi.json").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["id"] == RECORD_ID]
    assert record["ringkasan"].startswith("Ringkasan **tebal** dan *miring*")
    assert "plain" not in record and "teks" not in record


def test_search_index_holds_the_words_not_the_markup(site: Path) -> None:
    from search_reading import site_index

    terms, pages = site_index(site)
    for word in ("satu", "tiga", "retribusi", "kutipan", "kurung"):
        assert any(term.startswith(word[:4]) for term in terms), word
    assert not [term for term in terms if re.search(r"[*|!\[\]#]", term)]
    # the snippets' text is the page's text, not its Markdown
    assert not [b for page in pages.values() for b in page["b"] if "**" in b or b.startswith("|")]


# -- the linter ------------------------------------------------------------------------------------------------


def _found(root: Path, code: str = "L610") -> list:
    return [d for d in check_project(root).report.diagnostics if d.code == code]


def test_raw_html_is_a_warning_at_its_line_and_column(project: Path) -> None:
    found = _found(project)
    here = [d for d in found if d.location.path.endswith(RECORD_FILE)]
    lines = RECORD.splitlines()

    def at(needle: str, occurrence: int = 0) -> tuple[int, int]:
        seen = 0
        for number, line in enumerate(lines, start=1):
            column = line.find(needle)
            while column >= 0:
                if seen == occurrence:
                    return number, column + 1
                seen += 1
                column = line.find(needle, column + 1)
        raise AssertionError(needle)

    places = [(d.location.line, d.location.column) for d in here]
    # One finding per tag: a closing tag after its opening tag is not reported again.
    expected = [at("<b>"),  # ringkasan
                at("<b>", 1), at("<i>"), at("<b>", 2), at('<div class="kotak">')]  # solusi
    assert places == expected
    assert {d.severity for d in here} == {Severity.WARNING}
    first = here[0]
    assert "HTML mentah '<b>' di ringkasan ditampilkan sebagai teks, bukan sebagai format; tulis dengan Markdown" \
        in first.message
    assert "**tebal**" in (first.suggestion or "")


def test_raw_html_in_a_visit_and_a_lampiran(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "proyek")
    visit = root / "visits" / "dprd-pangkep-2021.yaml"
    text = visit.read_text(encoding="utf-8")
    assert text.count("      Kepala Bappeda menyampaikan bahwa") == 1
    text = text.replace("      Kepala Bappeda menyampaikan bahwa", "      Kepala <em>Bappeda</em> menyampaikan bahwa")
    visit.write_text(text, encoding="utf-8")
    regulation = root / "regulations" / "perwali-inovasi-daerah.yaml"
    source = regulation.read_text(encoding="utf-8")
    assert "\nlampiran:" not in source
    source = source.rstrip("\n") + "\n" + textwrap.dedent("""\
        lampiran:
          - judul: Tarif Layanan
            isi: |-
              Daftar tarif:

              <table><tr><td>1</td></tr></table>
        """)
    regulation.write_text(source, encoding="utf-8")
    found = _found(root)

    def line_of(lines: list[str], start: str) -> int:
        (number,) = [n for n, line in enumerate(lines, start=1) if line.startswith(start)]
        return number

    (in_visit,) = [d for d in found if d.location.path.endswith(visit.name)]
    assert (in_visit.location.line, in_visit.location.column) == \
        (line_of(text.splitlines(), "      Kepala <em>Bappeda</em>"), len("      Kepala ") + 1)
    assert "kunjungan 'dprd-pangkep-2021': HTML mentah '<em>' di hasil[1].uraian" in in_visit.message
    assert in_visit.suggestion == "ganti dengan *miring*"
    (in_annex,) = [d for d in found if d.location.path.endswith(regulation.name)]
    assert (in_annex.location.line, in_annex.location.column) == \
        (line_of(source.splitlines(), "      <table>"), len("      ") + 1)
    assert "di lampiran[1].isi" in in_annex.message


def test_images_that_cannot_be_shown_are_warnings_at_their_source(project: Path, tmp_path: Path) -> None:
    assert not _found(project, "L611"), "the image of the rich profile is shown"
    root = copy_example(tmp_path / "proyek", parts=("rancang.yaml", "kb", "regulations", "templates", "schemas"))
    (root / "kb" / "gambar").mkdir(parents=True)
    (root / "kb" / "gambar" / "skrip.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    (root / "kb" / "gambar" / "ada.png").write_bytes(_png())
    record = textwrap.dedent("""\
        nama: Gambar Bermasalah
        masalah: |-
          Ada ![baik](kb/gambar/ada.png) dan ![hilang](kb/gambar/hilang.png).

          ![luar](../luar.png) ![web](https://contoh.go.id/a.png) ![skrip](kb/gambar/skrip.svg)
        """)
    (root / "kb" / "inovasi" / "gambar-bermasalah.yaml").write_text(record, encoding="utf-8")
    found = _found(root, "L611")
    lines = record.splitlines()
    assert [(d.location.line, d.location.column) for d in found] == [
        (3, lines[2].index("kb/gambar/hilang.png") + 1), (5, lines[4].index("../luar.png") + 1),
        (5, lines[4].index("https://contoh.go.id/a.png") + 1), (5, lines[4].index("kb/gambar/skrip.svg") + 1)]
    assert "tidak ditemukan" in found[0].message and "di masalah" in found[0].message
    assert "di dalam folder proyek" in found[1].message
    assert "internet" in found[2].message
    assert "skrip" in found[3].message


# -- the converter on its own ----------------------------------------------------------------------------------


def _kinds(found: list) -> list[str]:
    return [type(node).__name__ for node in found]


def test_converter_nodes() -> None:
    found = nodes_of(parse("# Judul\n\n3. a\n4. b\n\n```\nkode <b>\n```\n\n<p>mentah</p>\n\n"
                           "[x](javascript:alert(1)) [y](relatif.html) [z](#pasal-5)\n"))
    assert _kinds(found) == ["rubric", "enumerated_list", "literal_block", "literal_block", "paragraph"]
    assert found[1]["start"] == 3
    assert found[3].astext() == "<p>mentah</p>" and "rancang-html-mentah" in found[3]["classes"]
    references = list(found[4].findall(nodes.reference))
    assert [r["refuri"] for r in references] == ["#pasal-5"]
    assert "y" in found[4].astext()


def test_project_images_stay_inside_the_project(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.png").write_bytes(_png())
    (tmp_path / "kb" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "_build").mkdir()
    (tmp_path / "_build" / "b.png").write_bytes(_png())
    outside = tmp_path.parent / "luar.png"
    outside.write_bytes(_png())
    uri = project_images(tmp_path)
    assert uri("kb/a.png") == "/kb/a.png"
    for refused in ("https://contoh.go.id/a.png", "kb/a.txt", "kb/tidak-ada.png", "_build/b.png", "../luar.png", "/etc/hosts", str(outside),
                    "kb/../../luar.png", "file:///etc/hosts", "data:image/png;base64,AAAA"):
        assert uri(refused) is None, refused
    # A refused image shows its description.
    (paragraph,) = nodes_of(parse("Lihat ![Bagan](../luar.png)."), uri)
    assert paragraph.astext() == "Lihat Bagan." and not list(paragraph.findall(nodes.image))
    # An image on the web is never loaded by the page: a link to it, with its description.
    (paragraph,) = nodes_of(parse("![Peta](https://contoh.go.id/peta.png)"), uri)
    (link,) = paragraph.findall(nodes.reference)
    assert link["refuri"] == "https://contoh.go.id/peta.png" and link.astext() == "Peta"
    assert not list(paragraph.findall(nodes.image))
