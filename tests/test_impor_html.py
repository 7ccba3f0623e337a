"""HTML narratives of agency database exports → Markdown: what people see in the record, the pictures taken out,
the notes of what was left out, and the word ledger (no word of the source lost without a note)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rancang.importer.innovations.html import Image, html_to_markdown, looks_like_html, plain_words
from rancang.richtext import BlockQuote, BulletList, OrderedList, Paragraph, Strong, Table, Text, parse, plain

FIXTURES = Path(__file__).parent / "fixtures" / "impor_inovasi" / "html"
FLAT = "susunan HTML isian ini tidak bisa dibaca per elemen"
TEXT_NOTES = ("gaya CSS", "skrip", "judul dokumen", "isi elemen", "teks di dalam gambar SVG", "penanda butir")
"""The notes that quote text of the source (others quote comments, cut-off tags, addresses)."""


def noted_words(dropped: list[str]) -> Counter:
    """The words of the text each note quotes (after its first ``": "``)."""
    return Counter(word for note in dropped for word in note.partition(": ")[2].split())


def lost_words(source: str, markdown: str) -> Counter:
    return Counter(plain_words(source)) - Counter(plain(markdown).split())


def assert_ledger(source: str) -> None:
    converted = html_to_markdown(source)
    assert parse(converted.markdown).raw_html == (), converted.markdown
    lost = lost_words(source, converted.markdown)
    assert not lost - noted_words(converted.dropped), (converted.markdown, converted.dropped)


def md(source: str) -> str:
    return html_to_markdown(source).markdown


# -- the ledger over every fixture -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.html")), ids=lambda path: path.stem)
def test_every_word_of_a_fixture_arrives_or_is_noted(path):
    source = path.read_text(encoding="utf-8")
    assert looks_like_html(source)
    converted = html_to_markdown(source)
    assert parse(converted.markdown).raw_html == ()
    lost = lost_words(source, converted.markdown)
    assert not lost - noted_words(converted.dropped)  # every word lost is a word a note quotes
    # and the notes of left-out text quote exactly the words lost (the others quote comments and addresses)
    assert lost == noted_words([note for note in converted.dropped if note.startswith(TEXT_NOTES)])
    assert all(note.partition(": ")[2] for note in converted.dropped)
    if path.stem != "bersarang-dalam":
        assert not any(note.startswith(FLAT) for note in converted.dropped)


def fixture(name: str):
    return html_to_markdown((FIXTURES / f"{name}.html").read_text(encoding="utf-8"))


# -- what people see -------------------------------------------------------------------------------------------


def test_justified_paragraphs_with_spans_become_plain_paragraphs():
    converted = fixture("rata-kiri-kanan")
    assert converted.markdown == (
        "Layanan **Antar Obat** dimulai pada tahun 2021 oleh Puskesmas Batu Lappa untuk warga lanjut usia yang "
        "sulit datang ke puskesmas.\n\n"
        "Petugas mengantar obat setiap hari Selasa dan Kamis; biaya pengantaran Rp 0,- (gratis) dan pendaftaran "
        "lewat *WhatsApp*.")
    assert converted.images == [] and converted.dropped == []


def test_nested_lists_and_items_never_closed():
    assert fixture("daftar-bersarang").markdown == (
        "Tahapan pelaksanaan:\n\n"
        "1. Pendataan warga sasaran\n   - data dari posyandu\n   - data dari kelurahan\n"
        "2. Verifikasi oleh petugas\n   1. kunjungan rumah\n   2. wawancara singkat\n"
        "3. Penyaluran bantuan\n\n"
        "- Catatan: tidak ada biaya.\n- Satu butir tanpa penutup")
    tree = parse(fixture("daftar-bersarang").markdown)
    assert [type(block) for block in tree.blocks] == [Paragraph, OrderedList, BulletList]
    assert isinstance(tree.blocks[1].items[0].blocks[1], BulletList)
    assert isinstance(tree.blocks[1].items[1].blocks[1], OrderedList)


def test_word_paste_junk_goes_silently_and_its_list_paragraphs_are_a_list():
    converted = fixture("tempelan-word")
    assert converted.markdown == (
        "Inovasi ini lahir dari keluhan masyarakat tentang antrean panjang di loket pelayanan.\n\n"
        "1. Mengurangi waktu tunggu\n"
        "2. Meningkatkan kepuasan warga\n\n"
        "**Hasil:** waktu tunggu turun dari 45 menit menjadi 10 menit.")
    assert converted.dropped == []  # conditional comments, <o:p>, mso- styles: nothing anyone wrote


def _word_item(level: int, marker: str, text: str) -> str:
    return (f'<p class="MsoListParagraphCxSpMiddle" style="margin-left:36.0pt;mso-list:l0 level{level} lfo1">'
            f'<!--[if !supportLists]--><span style="font-family:Symbol"><span style="mso-list:Ignore">{marker}'
            f'<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp; </span></span></span>'
            f'<!--[endif]--><span lang="IN">{text}<o:p></o:p></span></p>\r\n')


def test_word_list_paragraphs_nest_by_level():
    source = (_word_item(1, "·", "Pendataan") + _word_item(2, "o", "posyandu") + _word_item(2, "o", "kelurahan")
              + _word_item(1, "·", "Verifikasi") + "<p class=MsoNormal>Sesudah daftar.</p>")
    converted = html_to_markdown(source)
    assert converted.markdown == "- Pendataan\n  - posyandu\n  - kelurahan\n- Verifikasi\n\nSesudah daftar."
    assert converted.dropped == ["penanda butir daftar Word diganti tanda '-': · o o ·"]
    numbered = html_to_markdown(_word_item(1, "3.", "Tiga") + _word_item(1, "4.", "Empat")).markdown
    assert numbered == "3. Tiga\n4. Empat"


def test_word_bullets_and_an_inline_svg():
    converted = fixture("daftar-word-dan-svg")
    assert converted.markdown == (
        "**Tahapan Proses:**\n\n- Sosialisasi kepada kader posyandu\n  - pertemuan bulanan di balai desa\n"
        "- Pencatatan ibu hamil dengan aplikasi *SiBumil*\n\nCatatan: jadwal dapat berubah.")
    assert converted.dropped == [
        "penanda butir daftar Word diganti tanda '-': · o ·",
        "teks di dalam gambar SVG ikut gambarnya, tidak masuk teks isian: Bagan alur Mulai"]
    (svg,) = converted.images
    assert (svg.kind, svg.alt, svg.index) == ("svg", "Bagan alur", 1)
    assert svg.data.startswith(b"<svg") and b"Mulai" in svg.data


def test_word_numbering_rancang_cannot_write_stays_as_written():
    assert md(_word_item(1, "a.", "Satu") + _word_item(1, "b.", "Dua")) == "a. Satu\n\nb. Dua"
    assert md(_word_item(1, "1.", "Satu") + _word_item(1, "3.", "Tiga")) == "1\\. Satu\n\n3\\. Tiga"


def test_layout_table_of_one_cell_becomes_a_block_quote():
    converted = fixture("tabel-tata-letak")
    assert converted.markdown == (
        "> Inovasi ini telah direplikasi oleh tiga kabupaten tetangga.\n>\n"
        "> Replikasi pertama dilakukan pada tahun 2022.\n\n"
        "Sesudah tabel tata letak.")
    assert isinstance(parse(converted.markdown).blocks[0], BlockQuote)


def test_data_table_becomes_a_pipe_table_with_every_cell():
    converted = fixture("tabel-data")
    assert converted.markdown == (
        "Capaian per tahun:\n\n"
        "| Tahun | Jumlah Layanan | Keterangan |  |\n"
        "| --- | --- | --- | --- |\n"
        "| 2021 | 1.250 | uji coba \\| tahap awal |  |\n"
        "| 2022 | 3.400 | penerapan penuh |  |\n"
        "| Jumlah |  | 4.650 |  |\n"
        "| 2023 | 5.100 | naik | catatan lebih |")
    table = parse(converted.markdown).blocks[1]
    assert isinstance(table, Table)
    assert [cell.children for cell in table.header][:2] == [(Text("Tahun"),), (Text("Jumlah Layanan"),)]
    assert table.rows[0][2].children == (Text("uji coba | tahap awal"),)
    assert table.rows[3][3].children == (Text("catatan lebih"),)  # a row wider than the header keeps its cell


def test_data_table_without_header_row_takes_its_first_row():
    table = parse(md("<table><tr><td>Nama</td><td>Nilai</td></tr><tr><td>A</td><td>1</td></tr></table>")).blocks[0]
    assert isinstance(table, Table)
    assert [cell.children for cell in table.header] == [(Text("Nama"),), (Text("Nilai"),)]
    assert len(table.rows) == 1


def test_base64_pictures_are_taken_out_and_others_noted():
    converted = fixture("gambar-base64")
    assert converted.markdown == "Alur layanan terlihat pada gambar berikut.\n\nFoto kegiatan: dan serta"
    png, jpeg = converted.images
    assert (png.kind, png.alt, png.index) == ("png", "Alur layanan antar obat", 1)
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert (jpeg.kind, jpeg.alt, jpeg.index) == ("jpeg", "Kunjungan rumah", 2)
    assert converted.dropped == [
        "gambar data: yang tidak bisa dibaca dibuang (isi base64 rusak): data:image/png;base64,@@@rusak@@@",
        "gambar dari alamat luar tidak diunduh: https://contoh.go.id/foto.jpg (keterangan: Foto petugas)",
    ]


def test_picture_kind_comes_from_its_bytes():
    gif = "data:image/png;base64,R0lGODlhAQABAAAAACw="  # says png, holds a GIF
    svg = "data:image/svg+xml;utf8,%3Csvg%20xmlns%3D%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E"
    converted = html_to_markdown(f'<p>a<img src="{gif}">b<img src="{svg}" alt=" Bagan  alur "></p>')
    assert converted.images == [Image(b"GIF89a\x01\x00\x01\x00\x00\x00\x00,", "gif", "", 1),
                                Image(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "svg", "Bagan alur", 2)]
    assert converted.markdown == "ab"


def test_entities_soft_hyphens_and_line_breaks():
    assert fixture("entitas-dan-baris").markdown == (
        'Kesehatan ibu & anak adalah "prioritas" – sesuai RPJMD 2021–2026.\n\n'
        "Baris satu\\\nBaris dua\\\nBaris tiga\n\n"
        "Paragraf baru \\<bukan tag> © Pemkab")


def test_tag_cut_off_at_the_end_of_the_field():
    converted = fixture("terpotong-di-akhir")
    assert converted.markdown.endswith("harus diurus di ibu kota kabupaten.")
    assert converted.dropped == ['tag HTML yang terpotong di akhir isian dibuang: <p style="text-ali']
    assert html_to_markdown("Teks <!-- catatan yang").dropped == [
        "komentar HTML yang tidak ditutup dibuang: <!-- catatan yang"]
    assert md("x <b>tebal</b") == "x **tebal**"
    cut_picture = html_to_markdown('<p>Foto</p><img alt="foto" src="data:image/png;base64,' + "A" * 5000)
    assert cut_picture.markdown == "Foto" and cut_picture.images == []
    assert cut_picture.dropped == [
        'tag HTML yang terpotong di akhir isian dibuang: <img alt="foto" src="data:image/png;base64,' + "A" * 26 + "…"]


def test_unclosed_tags_keep_their_text():
    assert fixture("tidak-ditutup").markdown == (
        "Paragraf pertama tanpa penutup\n\nParagraf kedua dengan huruf tebal yang tidak ditutup\n\n"
        "Paragraf ketiga miring\n\nBagian dalam div")


def test_style_script_and_comments_are_noted_with_their_text():
    converted = fixture("gaya-dan-skrip")
    assert converted.markdown == "Latar Belakang\n\nIsi latar belakang."
    assert converted.dropped == [
        "gaya CSS (<style>) dibuang: .judul { font-weight: bold; color: #003366 }",
        'skrip (<script>) dibuang: var hitung = 0; document.write("halo");',
        "komentar HTML dibuang: catatan penyunting: periksa angka ini",
        "isi elemen <noscript> dibuang: Aktifkan JavaScript",
    ]
    assert html_to_markdown("<style>  </style><p>a</p><script></script>").dropped == []


def test_page_breaks_go_and_their_text_stays():
    converted = fixture("pemisah-halaman")
    assert converted.markdown == (
        "Halaman pertama.\n\nHalaman kedua.\n\nHalaman ketiga.\n\nTeks di dalam pemisah halaman.")
    assert converted.dropped == []


def test_markdown_characters_of_the_text_are_escaped():
    source = (FIXTURES / "karakter-markdown.html").read_text(encoding="utf-8")
    markdown = md(source)
    tree = parse(markdown)
    assert all(isinstance(block, Paragraph) for block in tree.blocks)
    assert plain(markdown).split() == plain_words(source)
    assert plain(markdown).splitlines()[:3] == [
        "Tanda bintang * dan garis_bawah serta [kurung siku] dan `tanda petik terbalik` dan a|b dan <i> dan "
        "&amp; tetap.", "1. Bukan daftar bernomor", "- Bukan butir"]
    heading = [child for child in tree.blocks[-2].children if child != Text("")]
    assert heading == [Strong((Text("Judul Bagian"),))]  # a heading: a bold paragraph


def test_blocks_inside_inline_elements_and_links():
    converted = fixture("campuran-blok")
    assert converted.markdown == (
        "Teks di div luar\n\nparagraf di dalam\n\nteks sesudahnya\n\nawal span\n\ndiv dalam span\n\nakhir span\n\n"
        "dalam font\n\nTengah\n\n> Kutipan asli\n>\n> - butir kutipan\n\nIstilah\n\nPenjelasan istilah\n\n"
        "baris kode 1\\\nbaris kode 2\n\n"
        "Tautan [profil lengkap](https://inovasi.example.go.id/profil?id=12), klik, unduh SK, "
        "[surel](mailto:dinkes@example.go.id) dan ke atas.")
    assert converted.dropped == [
        "tautan yang tidak bisa dibuka dari situs dibuang, teksnya tetap: javascript:void(0)",
        "tautan yang tidak bisa dibuka dari situs dibuang, teksnya tetap: /berkas/sk.pdf",
    ]


def test_html_nested_too_deep_keeps_its_words_as_one_paragraph():
    converted = fixture("bersarang-dalam")
    assert converted.markdown == "Teks bersarang sangat dalam"
    assert converted.dropped[-1].startswith(FLAT)


def test_bold_and_italic_written_as_styles():
    assert md('<p><span style="font-weight: bold;">Tebal</span> dan <span style="font-style:italic">miring</span> '
              '<span style="mso-bidi-font-weight:bold">biasa</span> '
              '<font style="FONT-WEIGHT: 700; font-style: italic">keduanya</font></p>') == (
        "**Tebal** dan *miring* biasa ***keduanya***")


def test_word_runs_of_one_emphasis_are_one_emphasis():
    assert md("<p><b><span>Has</span></b><b><span>il</span></b><b>:</b> naik <em>a</em><i>b</i></p>") == (
        "**Hasil:** naik *ab*")
    assert md("<p><b>a</b><span><b>b</b></span> x</p>") == "**a**b x"  # apart in the tree: the second plain


def test_emphasis_markdown_would_not_close_is_left_out_not_its_words():
    assert md('<p>dan <i>"kutip"</i>x.</p>') == 'dan "kutip"x.'
    assert md('<p>dan <i>"kutip"</i> x.</p>') == 'dan *"kutip"* x.'
    assert md("<p>a<b>b</b>c <b>tebal </b>kata</p>") == "a**b**c **tebal** kata"
    assert md("<p><b>tebal<br><br>dua paragraf</b></p>") == "tebal\n\ndua paragraf"


def test_tags_escaped_twice_by_the_export_are_tags():
    source = "&lt;p&gt;Layanan &amp;amp; &lt;b&gt;cepat&lt;/b&gt;&amp;nbsp;sekali&lt;/p&gt;&lt;ol&gt;&lt;li&gt;satu&lt;/li&gt;&lt;/ol&gt;"
    assert looks_like_html(source)
    assert md(source) == "Layanan & **cepat** sekali\n\n1. satu"
    assert plain_words(source) == ["Layanan", "&", "cepat", "sekali", "satu"]
    assert md("<p>Teks &lt;b&gt; tertulis</p>") == "Teks \\<b> tertulis"  # beside real tags: text


def test_looks_like_html():
    assert looks_like_html('<p style="text-align: justify;">Teks</p>')
    assert looks_like_html("Satu<br>dua")
    assert looks_like_html("Layanan&nbsp;cepat")
    assert looks_like_html('Teks panjang <p style="text-ali')
    assert not looks_like_html("Nilai x < 5 dan y > 3, R&D; AT&T")
    assert not looks_like_html("1. Pendataan\n2. Verifikasi")


def test_plain_words():
    assert plain_words("<p>peme&shy;rintah&nbsp;daerah</p><p>dua</p>a<br>b") == [
        "pemerintah", "daerah", "dua", "a", "b"]
    assert plain_words("<p>te<b>bal</b> <!-- bukan --> x</p>") == ["tebal", "x"]
    assert plain_words("<style>p{}</style>teks") == ["p{}", "teks"]
    assert plain_words('teks <p style="text-ali') == ["teks"]
    assert plain_words("teks biasa & *bintang*") == ["teks", "biasa", "&", "*bintang*"]


# -- properties ------------------------------------------------------------------------------------------------

_PIECES = ["Inovasi", "warga", "2021", "*", "**", "_", "1.", "2)", "-", "+", "#", ">", "|", "[x]", "`", "\\", "~~~",
           "=", "&amp;", "&nbsp;", "&shy;", "&lt;p&gt;", "&copy;", "(", ")", '"', "!", "Rp.", "a*b", "x_y", "&",
           ":", ";", "\u00a0", "\u200b", "é", "…", "—", "[", "]", "![", "\t", "\n", " ", "  ", "&#42;", "&notit;"]
_PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAA"
        "BJRU5ErkJggg==")
_VOID = {"word1": _word_item(1, "1.", "Butir"), "word2": _word_item(2, "·", "Sub"), "word3": _word_item(1, "2.", "x"),
         "br": "<br>", "img": f'<img src="{_PNG}" alt="foto">', "hr": "<hr>", "bad": '<img src="data:x">',
         "o:p": "<o:p></o:p>"}
_TAGS = ["p", "div", "span", "b", "strong", "i", "em", "u", "a", "ul", "ol", "li", "table", "tr", "td", "th",
         "thead", "tbody", "blockquote", "h1", "h3", "pre", "code", "font", "center", "sup", "del", "q", "caption",
         "dl", "dt", "dd", "style", "script", "section", "o:p", "st1:place"]

text_piece = st.one_of(st.sampled_from(_PIECES), st.text(st.characters(blacklist_categories=("Cs",)), max_size=6))
leaf = st.one_of(st.lists(text_piece, min_size=1, max_size=4).map(" ".join), st.sampled_from(sorted(_VOID.values())))


def _element(tag: str, children: list[str], closed: bool, style: str) -> str:
    attrs = ' href="https://contoh.go.id/a_(b)"' if tag == "a" else ""
    attrs += f' style="{style}"' if style else ""
    return f"<{tag}{attrs}>" + "".join(children) + (f"</{tag}>" if closed else "")


_STYLES = ["", "text-align: justify;", "font-weight: bold;", "font-style: italic; font-weight: 700",
           "page-break-after: always"]
fragments = st.recursive(leaf, lambda inner: st.builds(
    _element, st.sampled_from(_TAGS), st.lists(inner, max_size=4), st.booleans(), st.sampled_from(_STYLES)),
    max_leaves=20)


@settings(max_examples=250)
@given(st.lists(fragments, min_size=1, max_size=4).map("".join), st.sampled_from(["", '<p style="text-ali', "</b"]))
def test_every_word_of_generated_html_arrives_or_is_noted(source, tail):
    assert_ledger("<div>" + source + tail)


@settings(max_examples=200)
@given(st.text(max_size=80))
def test_every_word_of_any_text_arrives_or_is_noted(source):
    assert_ledger("<p>" + source)


_TOKENS = [*"<>/!-ab p=\"'&;#*_[]|`\\\n 1.)~+", "<p>", "<li>", "<ul>", "<ol>", "<table>", "<td>", "<tr>", "<b>", "</b>",
           "<br>", "<i>", "</li>", "<hr>", "<blockquote>", "<h2>", "&nbsp;", "&shy;", "<!--", "-->", "<style>",
           "</style>", "<a href='https://x.id'>", "</a>", "<pre>", "<caption>", "<dl>", "<dd>", "<![if x]>"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_every_word_of_broken_html_arrives_or_is_noted(source):
    assert_ledger("<p>" + source)


@given(st.lists(text_piece, min_size=1, max_size=12).map(" ".join))
def test_text_of_one_paragraph_arrives_exactly(words):
    source = f"<p>{words}</p>"
    markdown = md(source)
    tree = parse(markdown)
    assert tree.raw_html == ()
    assert plain(tree).split() == plain_words(source)
    assert all(isinstance(block, Paragraph) for block in tree.blocks)
