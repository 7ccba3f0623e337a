"""The rich-text tree: what markdown-it reads, as the neutral nodes every output consumes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rancang.richtext import (
    BlockQuote,
    BulletList,
    Cell,
    Emphasis,
    Image,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    Raw,
    RawBlock,
    RawHtml,
    Strong,
    Table,
    Text,
    images,
    parse,
    plain,
    words,
)


def test_inline_nodes():
    (paragraph,) = parse("Rapat *ad hoc* dan **tebal**, lihat [JDIH](https://jdih.example/a) baris  \nbaru").blocks
    assert paragraph == Paragraph((
        Text("Rapat "), Emphasis((Text("ad hoc"),)), Text(" dan "), Strong((Text("tebal"),)), Text(", lihat "),
        Link("https://jdih.example/a", (Text("JDIH"),)), Text(" baris"), LineBreak(), Text("baru")))


def test_table_with_header_and_alignment():
    (table,) = parse("| No. | Uraian | Tarif |\n|:-:|---|--:|\n| 1 | Retribusi *parkir* | 2.000 |\n").blocks
    assert isinstance(table, Table)
    assert [c.align for c in table.header] == ["center", "", "right"]
    assert table.rows == ((Cell((Text("1"),), "center"), Cell((Text("Retribusi "), Emphasis((Text("parkir"),))), ""),
                           Cell((Text("2.000"),), "right")),)


def test_nested_lists_keep_their_start_and_depth():
    (ordered,) = parse("3. satu\n   - dua\n   - tiga\n4. empat\n").blocks
    assert isinstance(ordered, OrderedList) and ordered.start == 3 and len(ordered.items) == 2
    inner = ordered.items[0].blocks[1]
    assert isinstance(inner, BulletList) and len(inner.items) == 2


def test_quote_image_and_plain():
    tree = parse("> kutipan\n\n![Bagan organisasi](gambar/bagan.png \"Bagan\")\n")
    assert isinstance(tree.blocks[0], BlockQuote)
    assert images(tree) == [Image("gambar/bagan.png", "Bagan organisasi", "Bagan")]
    assert plain(tree) == "kutipan\nBagan organisasi"


def test_raw_html_is_kept_as_text_and_located():
    tree = parse("Satu <b>dua</b>\n\n<div style=\"x\">tiga</div>\n")
    assert tree.blocks[0] == Paragraph((Text("Satu "), Raw("<b>"), Text("dua"), Raw("</b>")))
    assert tree.blocks[1] == RawBlock('<div style="x">tiga</div>')
    assert tree.raw_html == (RawHtml(1, "<b>"), RawHtml(1, "</b>"), RawHtml(3, '<div style="x">tiga</div>'))
    assert plain(tree) == 'Satu <b>dua</b>\n<div style="x">tiga</div>'


def test_special_characters_reach_the_text_exactly_once():
    source = "A & B < C > D \"e\" 'f' {{ x }} {% y %} 中文 ᮞᮥᮔ᮪ᮓ"
    assert plain(source) == source


_SYNTAX = re.compile(r"[*_`#>|\[\]()!\-]+|\d+\.")


@given(st.lists(st.sampled_from(["kata", "Inovasi", "2021", "*miring*", "**tebal**", "- butir", "1. satu",
                                 "[tautan](https://a.example)", "| a | b |", "> kutip", "\n", "\n\n", " "]),
                max_size=30))
def test_no_word_is_lost(pieces):
    """The word ledger: every word of the source, less Markdown syntax (a link's target is syntax: the text
    shows the link's words), is a word of the plain text."""
    source = " ".join(pieces)
    shown = re.sub(r"\]\(https?://[^)]*\)", "]", source)
    expected = [w for w in (_SYNTAX.sub(" ", token) for token in shown.split()) for w in w.split()]
    got = [w for w in (_SYNTAX.sub(" ", token) for token in words(source)) for w in w.split()]
    for word in expected:
        assert word in got, (source, word)


def test_a_lone_list_marker_is_text_not_an_empty_list():
    """'-' is what people type for 'none' (prasyarat: -): it must reach every output as written."""
    from rancang import richtext

    assert richtext.parse("-").blocks == (richtext.Paragraph((richtext.Text("-"),)),)
    assert richtext.plain("1.") == "1."
    assert isinstance(richtext.parse("- a\n- b").blocks[0], richtext.BulletList)
