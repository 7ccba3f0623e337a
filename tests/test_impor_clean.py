"""Importer stage 2: page furniture removed and labels repaired, each change reported (never silently).

Every test checks the word ledger: the words of the source are the words of the cleaned lines plus the words
of the notes' ``text``, less what the repairs wrote (the ``menjadi "..."`` of a ``diperbaiki`` note). The texts
are written here in the shapes of JDIH documents and of their OCR; they are no real regulation.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from rancang.importer.clean import clean
from rancang.importer.extract import split_text
from rancang.importer.tree import NOTE_KINDS, Note, SourceLine


def words(text: str) -> list[str]:
    return text.split()


def new_form(note: Note) -> str:
    match = re.search(r'menjadi "(.*)"$', note.message)
    assert match, note
    return match.group(1)


def assert_ledger(source: list[SourceLine], cleaned: list[SourceLine], notes: list[Note]) -> None:
    """Every source word is in a cleaned line or in a note, and nothing was invented."""
    accounted = Counter(w for line in cleaned for w in words(line.text))
    for note in notes:
        assert note.kind in NOTE_KINDS and note.kind in {"dibuang", "diperbaiki"}, note
        assert note.lines and note.text, note
        accounted.update(words(note.text))
        if note.kind == "diperbaiki":
            accounted.subtract(words(new_form(note)))
    expected = Counter(w for line in source for w in words(line.text))
    assert +accounted == expected and not -accounted, (expected - accounted, accounted - expected)
    numbers = {line.line for line in source}
    for note in notes:
        assert set(note.lines) <= numbers, note
    by_line = {}
    for line in source:
        by_line.setdefault(line.line, []).append(line.text)
    for note in notes:
        if note.kind == "dibuang":  # a removed text is a whole line of the source, found at its line
            assert any(note.text == text.strip() for text in by_line[note.lines[0]]), note


def run(text: str) -> tuple[list[str], list[Note]]:
    source = split_text(text)
    cleaned, notes = clean(source)
    assert_ledger(source, cleaned, notes)
    return [line.text for line in cleaned], notes


def changes(notes: list[Note]) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(note.text, new_form(note), note.lines) for note in notes if note.kind == "diperbaiki"]


def removed(notes: list[Note]) -> list[tuple[str, tuple[int, ...]]]:
    return [(note.text, note.lines) for note in notes if note.kind == "dibuang"]


# -- an OCR text with every defect ------------------------------------------------------------------------------

OCR = """\
WALI KOTA PAREPARE
PROVINSI SULAWESI SELATAN

PERATURAN WALI KOTA PAREPARE
NOMOR 5 TAHUN 2020

Menirnbang : a. bahwa untuk meningkatkan pe-
layanan publik yang modern dan internal;
Mengingat  : 1. Undang-
Undang Nomor 23 Tahun 2014;
BERITA DAERAH KOTA PAREPARE
- 2 -
SALINAN
MERNUTUSKAN :
Menetapkan : PERATURAN WALI KOTA TENTANG PELAYANAN.
BABII
KETENTUAN UMUM
Pasal l2
(l)Setiap pemerintah masing-
masing berhak sebaik-
baiknya atas layanan sebagaimana dimaksud pada ayat (1).
[2] Pelayanan meliputi :
a.pengusulan; dan
b. penetapan.
1.Daerah adalah Kota Parepare.
BERITA DAERAH KOTA PAREPARE
-3-
SALINAN
Pasal 1O
BAB Il
Pasal34
{3} Skala peta 1 : 1000.
BERITA DAERAH KOTA PAREPARE
Halaman 4 dari 9
SALINAN
Paragraf l
BagianKedua
( 4 )Pelayanan sehari-
hari diberikan oleh pe-
tugas.
LAMPlRAN
Ditetapkan di Parepare
pada tanggal 4 Juni 2020
WALI KOTA PAREPARE,
"""


def test_an_ocr_text_with_every_defect():
    cleaned, notes = run(OCR)
    assert cleaned == [
        "WALI KOTA PAREPARE",
        "PROVINSI SULAWESI SELATAN",
        "",
        "PERATURAN WALI KOTA PAREPARE",
        "NOMOR 5 TAHUN 2020",
        "",
        "Menimbang: a. bahwa untuk meningkatkan pelayanan",
        "publik yang modern dan internal;",
        "Mengingat: 1. Undang-Undang",
        "Nomor 23 Tahun 2014;",
        "MEMUTUSKAN:",
        "Menetapkan: PERATURAN WALI KOTA TENTANG PELAYANAN.",
        "BAB II",
        "KETENTUAN UMUM",
        "Pasal 12",
        "(1) Setiap pemerintah masing-masing",
        "berhak sebaik-baiknya",
        "atas layanan sebagaimana dimaksud pada ayat (1).",
        "(2) Pelayanan meliputi:",
        "a. pengusulan; dan",
        "b. penetapan.",
        "1. Daerah adalah Kota Parepare.",
        "Pasal 10",
        "BAB II",
        "Pasal 34",
        "(3) Skala peta 1 : 1000.",
        "Paragraf 1",
        "Bagian Kedua",
        "(4) Pelayanan sehari-hari",
        "diberikan oleh petugas.",
        "LAMPIRAN",
        "Ditetapkan di Parepare",
        "pada tanggal 4 Juni 2020",
        "WALI KOTA PAREPARE,",
    ]
    assert removed(notes) == [
        ("BERITA DAERAH KOTA PAREPARE", (11,)), ("- 2 -", (12,)), ("SALINAN", (13,)),
        ("BERITA DAERAH KOTA PAREPARE", (26,)), ("-3-", (27,)), ("SALINAN", (28,)),
        ("BERITA DAERAH KOTA PAREPARE", (33,)), ("Halaman 4 dari 9", (34,)), ("SALINAN", (35,)),
    ]
    assert changes(notes) == [
        ("Menirnbang", "Menimbang", (7,)),
        ("Menimbang :", "Menimbang:", (7,)),
        ("pe- layanan", "pelayanan", (7, 8)),
        ("Mengingat  :", "Mengingat:", (9,)),
        ("Undang- Undang", "Undang-Undang", (9, 10)),
        ("MERNUTUSKAN", "MEMUTUSKAN", (14,)),
        ("MEMUTUSKAN :", "MEMUTUSKAN:", (14,)),
        ("Menetapkan :", "Menetapkan:", (15,)),
        ("BABII", "BAB II", (16,)),
        ("Pasal l2", "Pasal 12", (18,)),
        ("(l)Setiap", "(1) Setiap", (19,)),
        ("masing- masing", "masing-masing", (19, 20)),
        ("sebaik- baiknya", "sebaik-baiknya", (20, 21)),
        ("[2]", "(2)", (22,)),
        ("meliputi :", "meliputi:", (22,)),
        ("a.pengusulan;", "a. pengusulan;", (23,)),
        ("1.Daerah", "1. Daerah", (25,)),
        ("Pasal 1O", "Pasal 10", (29,)),
        ("BAB Il", "BAB II", (30,)),
        ("Pasal34", "Pasal 34", (31,)),
        ("{3}", "(3)", (32,)),
        ("Paragraf l", "Paragraf 1", (36,)),
        ("BagianKedua", "Bagian Kedua", (37,)),
        ("( 4 )Pelayanan", "(4) Pelayanan", (38,)),
        ("sehari- hari", "sehari-hari", (38, 39)),
        ("pe- tugas.", "petugas.", (39, 40)),
        ("LAMPlRAN", "LAMPIRAN", (41,)),
    ]
    messages = {note.message.split(":")[0] for note in notes}
    assert "Kata kunci salah baca (OCR)" in messages and "Spasi sebelum titik dua dihapus" in messages
    assert "Label menempel dipisahkan" in messages and "Kata yang terpenggal di akhir baris disambung" in messages


# -- page numbers ----------------------------------------------------------------------------------------------


def filler(page: int, count: int = 8) -> list[str]:
    """Distinct body lines (no digits: furniture is compared with its digits ignored)."""
    return [f"kalimat isi {chr(97 + page % 26)}{chr(97 + k)} yang berbeda" for k in range(count)]


def test_page_number_shapes_are_removed_wherever_they_stand():
    shapes = ["- 2 -", "-3-", "\u2013 4 \u2013", "\u2014 5 \u2014", "Halaman 6 dari 9", "hal. 7", "Hal 8", "HALAMAN 9"]
    body = [filler(i) for i in range(len(shapes))]
    cleaned, notes = run("\n".join("\n".join(lines) + "\n" + shape for lines, shape in zip(body, shapes)))
    assert cleaned == [line for lines in body for line in lines]
    assert [text for text, _lines in removed(notes)] == shapes
    assert all(note.message == "Nomor halaman dibuang" for note in notes)


def test_a_bare_number_goes_only_at_a_page_edge():
    pages = [
        ["2", *filler(1), "1", *filler(2)],  # "1" in the middle of a page stays
        ["3", *filler(3)],
        [*filler(4), "99"],  # more than the pages there are
        [*filler(5), "4"],
    ]
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    assert cleaned == [*filler(1), "1", *filler(2), *filler(3), *filler(4), "99", *filler(5)]
    assert removed(notes) == [("2", (1,)), ("3", (18,)), ("4", (42,))]  # a form feed shares its line


def test_bare_numbers_in_a_text_without_pages_need_a_run_of_pages():
    single = "\n".join([*filler(1), "", "2", "", *filler(2)])
    cleaned, notes = run(single)
    assert "2" in cleaned and not notes  # one number alone could be anything
    run_of_pages = "\n".join([*filler(1), "", "2", "", *filler(2), "3", *filler(3), "", "5", *filler(4)])
    cleaned, notes = run(run_of_pages)
    assert [text for text, _ in removed(notes)] == ["2", "3", "5"]
    column = "\n".join([*filler(1), "No", "1", "2", "3", *filler(2)])
    cleaned, notes = run(column)
    assert not notes  # a column of a table, not page numbers


# -- running heads and footers ------------------------------------------------------------------------------------


def test_running_heads_and_footers_go_the_kop_and_the_signature_stay():
    footer = "Berita Daerah Kota Parepare Tahun 2020 Nomor 5"
    pages = [
        ["SALINAN", "WALI KOTA PAREPARE", "PROVINSI SULAWESI SELATAN", "Pasal 1", *filler(1), footer],
        ["SALINAN", "Pasal 2", *filler(2), footer],
        ["SALINAN", "Pasal 3", *filler(3), "WALI KOTA PAREPARE,", "", "ttd", "", "NAMA WALI KOTA", *filler(4),
         footer],
        ["SALINAN", "LAMPIRAN", "PERATURAN WALI KOTA PAREPARE", *filler(5), "WALI KOTA PAREPARE,", "ttd",
         "NAMA WALI KOTA"],
        ["SALINAN", "LAMPIRAN II", "PERATURAN WALI KOTA PAREPARE", *filler(6), "WALI KOTA PAREPARE,",
         "NAMA WALI KOTA"],
        ["SALINAN", "LAMPIRAN III", "PERATURAN WALI KOTA PAREPARE", *filler(7), "WALI KOTA PAREPARE,",
         "NAMA WALI KOTA"],
    ]
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    gone = [text for text, _ in removed(notes)]
    assert gone.count("SALINAN") == 6 and gone.count(footer) == 3 and len(gone) == 9
    assert cleaned.count("WALI KOTA PAREPARE") == 1  # the kop
    assert cleaned.count("WALI KOTA PAREPARE,") == 4 and cleaned.count("NAMA WALI KOTA") == 4
    assert cleaned.count("PERATURAN WALI KOTA PAREPARE") == 3
    assert all(note.message == "Kepala/kaki halaman yang berulang di 6 halaman dibuang"
               for note in notes if note.text == "SALINAN")


def test_structure_labels_at_page_edges_are_never_furniture():
    pages = [["Pasal 5", *filler(i), "BAB II"] for i in range(5)]
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    assert not notes and cleaned.count("Pasal 5") == 5 and cleaned.count("BAB II") == 5


def test_a_line_repeated_on_few_pages_stays():
    pages = [filler(i) for i in range(8)]
    for i in (1, 4, 7):
        pages[i] = ["Catatan penting", *pages[i]]
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    assert not notes and cleaned.count("Catatan penting") == 3  # 3 of 8 pages: under 40 %


def test_a_body_text_that_often_stands_at_page_edges_stays():
    pages = []
    for i in range(6):  # a Penjelasan: "Cukup jelas." at each page's end, and far more often inside
        lines = []
        for k in range(5):
            lines += [f"Pasal {i * 5 + k}", "Cukup jelas."]
        pages.append(lines)
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    assert not notes and cleaned.count("Cukup jelas.") == 30


def test_running_heads_of_an_ocr_text_without_form_feeds():
    text = "\n".join(
        ["JDIH KOTA PAREPARE", "PERATURAN", *filler(1)]
        + [line for n in range(2, 6) for line in (f"- {n} -", "JDIH KOTA PAREPARE", *filler(n))]
    )
    cleaned, notes = run(text)
    assert cleaned.count("JDIH KOTA PAREPARE") == 0
    assert [text for text, _ in removed(notes)].count("JDIH KOTA PAREPARE") == 5


def test_running_heads_with_their_page_number_inside():
    pages = [[f"Perwali Parepare No. 5 Tahun 2020 hal {n}", *filler(n)] for n in range(1, 5)]
    cleaned, notes = run("\f".join("\n".join(lines) for lines in pages))
    assert not any(line.startswith("Perwali") for line in cleaned)
    assert len(removed(notes)) == 4


# -- words broken at the end of a line ------------------------------------------------------------------------


def test_broken_words_are_joined_and_reduplications_keep_their_hyphen():
    cases = {
        "untuk pe-\nlayanan publik": ["untuk pelayanan", "publik"],
        "masing-\nmasing pihak": ["masing-masing", "pihak"],
        "sebaik-\nbaiknya": ["sebaik-baiknya"],
        "sehari-\nhari kerja": ["sehari-hari", "kerja"],
        "terus-\nmenerus": ["terus-menerus"],
        "tolong-\nmenolong": ["tolong-menolong"],
        "peraturan perundang-\nundangan": ["peraturan perundang-undangan"],
        "Undang-\nUndang Nomor 23": ["Undang-Undang", "Nomor 23"],
        "berbagai-\nbagai hal": ["berbagai-bagai", "hal"],
        "kese-\nhatan": ["kesehatan"],
        "peme-\nrintah daerah": ["pemerintah", "daerah"],
        "ke-\nkerasan": ["kekerasan"],
        "pem-\nbayaran": ["pembayaran"],
        "PELA-\nYANAN PUBLIK": ["PELAYANAN", "PUBLIK"],
        "pelak-\nsa-\nnaan tugas": ["pelaksanaan", "tugas"],
        "pe\u00ad\nlayanan": ["pelayanan"],
        "  akhir pe-\n\n  layanan;": ["  akhir pelayanan;", ""],
    }
    for text, expected in cases.items():
        cleaned, notes = run(text)
        assert cleaned == expected, text
        assert notes and all(note.lines == tuple(sorted(note.lines)) for note in notes)


def test_a_word_broken_across_a_page_break_and_its_furniture():
    text = "pemberian pe-\n- 2 -\n\nlayanan dasar"
    cleaned, notes = run(text)
    assert cleaned == ["pemberian pelayanan", "", "dasar"]
    assert changes(notes) == [("pe- layanan", "pelayanan", (1, 4))]


def test_hyphens_that_are_no_broken_words_stay():
    for text in (
        "layanan e-\nKTP",  # a one-letter head
        "program non-\nPemerintah",  # a capitalised word after a lower-case head: a compound
        "pra-\ndan pascabencana",  # a conjunction follows
        "sebagai berikut: pe-\na. pengusulan",  # a list label follows
        "tahun 2020-\n2021",  # numbers
        "tanda -\nsendiri",  # a dash, not a hyphen
        "Pasal 5 -\nPasal 6",
        "pe-\n\f",
        "pe-",
    ):
        cleaned, notes = run(text)
        assert not changes(notes), text


# -- labels --------------------------------------------------------------------------------------------------------


def test_labels_glued_and_misread_are_repaired():
    cases = {
        "Pasal34": "Pasal 34",
        "Pasal l2": "Pasal 12",
        "Pasal I2": "Pasal 12",
        "Pasal 1O": "Pasal 10",
        "Pasal |7": "Pasal 17",
        "PasaI 5": "Pasal 5",
        "Pasa1 5": "Pasal 5",
        "Pasal l": "Pasal 1",
        "Pasal ll": "Pasal 11",
        "BABII": "BAB II",
        "BABIV": "BAB IV",
        "BABI": "BAB I",
        "BAB Il": "BAB II",
        "BAB ll": "BAB II",
        "BAB lV": "BAB IV",
        "BAB V1": "BAB VI",
        "Paragraf2": "Paragraf 2",
        "Paragraf l": "Paragraf 1",
        "BagianKedua": "Bagian Kedua",
        "BagianKesatu": "Bagian Kesatu",
        "(1)Setiap orang": "(1) Setiap orang",
        "(l) Setiap orang": "(1) Setiap orang",
        "(I) Setiap orang": "(1) Setiap orang",
        "[2] Dalam hal": "(2) Dalam hal",
        "{2} Dalam hal": "(2) Dalam hal",
        "(2] Dalam hal": "(2) Dalam hal",
        "(1O) Dalam hal": "(10) Dalam hal",
        "(l2)Dalam hal": "(12) Dalam hal",
        "( 3 ) Dalam hal": "(3) Dalam hal",
        "a.pengusulan;": "a. pengusulan;",
        "1.Daerah adalah": "1. Daerah adalah",
        "12.Dinas adalah": "12. Dinas adalah",
        "1)pengusulan": "1) pengusulan",
        "a)pengusulan": "a) pengusulan",
        "(a)pengusulan": "(a) pengusulan",
        "I.UMUM": "I. UMUM",
        "II.PASAL DEMI PASAL": "II. PASAL DEMI PASAL",
        "A.LATAR BELAKANG": "A. LATAR BELAKANG",
        "Menirnbang:": "Menimbang:",
        "Menimbang :": "Menimbang:",
        "Mengingat\t: a.": "Mengingat: a.",
        "MERNUTUSKAN:": "MEMUTUSKAN:",
        "Menetapkan :": "Menetapkan:",
        "LAMPlRAN I": "LAMPIRAN I",
        "Ditetapkan di Parepare": "Ditetapkan di Parepare",
        "  Pasal34": "  Pasal 34",
    }
    for text, expected in cases.items():
        cleaned, notes = run(text)
        assert cleaned == [expected], text
        assert bool(notes) == (text != expected), text


def test_an_amendment_keeps_its_roman_pasal():
    cleaned, notes = run("\n".join([
        "PERATURAN WALI KOTA PAREPARE",
        "TENTANG",
        "PERUBAHAN ATAS PERATURAN WALI KOTA PAREPARE NOMOR 27 TAHUN 2025",
        "Pasal l",
        "Beberapa ketentuan diubah sebagai berikut:",
        "1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
        "Pasal ll",  # a quoted Pasal: Arabic
        "(l) Setiap orang.",
        "Pasal Il",
        "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.",
        "PENJELASAN",
        "Pasal l",
        "Pasal l2",
        "Pasal Il",
        "Cukup jelas.",
    ]))
    assert changes(notes) == [
        ("Pasal l", "Pasal I", (4,)), ("Pasal ll", "Pasal 11", (7,)), ("(l)", "(1)", (8,)),
        ("Pasal Il", "Pasal II", (9,)), ("Pasal l", "Pasal I", (12,)), ("Pasal l2", "Pasal 12", (13,)),
        ("Pasal Il", "Pasal II", (14,)),
    ]
    cleaned, notes = run("Pasal I\nisi\nPasal 5\nPasal l\nisi\nPasal ll")  # a Pasal I makes it an amendment
    assert cleaned == ["Pasal I", "isi", "Pasal 5", "Pasal 1", "isi", "Pasal II"]
    cleaned, notes = run("Pasal l\nisi\nPasal Il")  # no amendment: Arabic
    assert cleaned == ["Pasal 1", "isi", "Pasal 11"]


def test_a_letter_list_in_brackets_keeps_its_l():
    cleaned, notes = run("(k) huruf k;\n(l) huruf l;\n(m) huruf m.\nPasal 2\n(l) Setiap orang")
    assert cleaned == ["(k) huruf k;", "(l) huruf l;", "(m) huruf m.", "Pasal 2", "(1) Setiap orang"]
    assert changes(notes) == [("(l)", "(1)", (5,))]


def test_no_false_repairs():
    text = "\n".join([
        "Pasal 1",
        "Dalam hal sebagaimana dimaksud pada ayat (1) dan ayat (2) huruf a,",
        "ayat [2] dan Pasal l2 di tengah kalimat tidak diubah oleh pembersihan label.",
        "a. pengusulan; dan",
        "b. penetapan.",
        "l. huruf l dalam daftar;",
        "internal, modern, pemerintah, Pemerintahan, kernel, Pernyataan, turnamen",
        "Pemerintah Daerah wajib:",
        "Pasalnya jelas; Pasal-pasal; Bagiannya; BABAK",
        "BABI HUTAN",
        "Pasal I",
        "a.n. WALI KOTA PAREPARE",
        "s.d. tahun 2024",
        "H.Muhammad",
        "skala 1 : 1000 dan pukul 10 : 00",
        "e-KTP dan non-PNS",
        "1.000 orang",
        "2020",
        "Nomor 5",
        "Menimbangnya",
    ])
    cleaned, notes = run(text)
    assert cleaned == text.split("\n")
    assert notes == []


def test_table_rows_are_left_exactly_as_they_are():
    source = [SourceLine("Pasal34 | Menimbang : | pe-", 1, 1, ("Pasal34", "Menimbang :", "pe-")),
              SourceLine("layanan | 2 | x", 2, 1, ("layanan", "2", "x"))]
    cleaned, notes = clean(source)
    assert cleaned == source and notes == []


def test_lines_keep_their_number_page_and_table():
    source = [SourceLine("Pasal34", 7, 2), SourceLine("isi", 8, 2), SourceLine("a | b", 9, 2, ("a", "b"))]
    cleaned, _notes = clean(source)
    assert cleaned == [SourceLine("Pasal 34", 7, 2), SourceLine("isi", 8, 2), SourceLine("a | b", 9, 2, ("a", "b"))]
    assert cleaned[1] is source[1]


# -- the ledger holds on anything -------------------------------------------------------------------------------------

TOKENS = st.sampled_from([
    "Pasal34", "Pasal", "l2", "1O", "BABII", "BAB", "Il", "(l)Setiap", "[2]", "{3}", "a.pengusulan", "1.Daerah",
    "Menirnbang", ":", "pe-", "layanan", "masing-", "masing", "- 2 -", "Halaman 3 dari 9", "2", "3",
    "SALINAN", "WALI KOTA PAREPARE,", "ttd", "dan", "a.", "e-", "KTP", "sebagai", "berikut", "ayat (1)", "",
])


@given(st.lists(st.tuples(st.lists(TOKENS, max_size=5), st.booleans()), max_size=40))
def test_the_word_ledger_holds_for_any_text(rows):
    text = "".join(" ".join(tokens) + ("\f" if page_break else "\n") for tokens, page_break in rows)
    source = split_text(text)
    cleaned, notes = clean(source)
    assert_ledger(source, cleaned, notes)
    assert all(line.text.strip() or any(line is s for s in source) for line in cleaned)
