"""Names shared by the regulation template, its renderer and its check.

Kept free of heavy imports: ``rancang check`` reads them without loading
docxtpl.
"""

from __future__ import annotations

RICHTEXT_STYLES = {
    "heading1": "Judul Kecil 1",
    "heading2": "Judul Kecil 2",
    "heading3": "Judul Kecil 3",
    "list1": "Daftar 1",
    "list2": "Daftar 2",
    "list3": "Daftar 3",
    "quote": "Kutipan",
    "code_block": "Blok Kode",
    "rule": "Garis Pemisah",
    "table": "Tabel Isi",
    "header_cell": "Kepala Tabel",
    "cell": "Isi Tabel",
    "image": "Gambar",
    "caption": "Keterangan Gambar",
    "code": "Kode",
    "link": "Hyperlink",
}
"""Role -> style name of rich text (Markdown of a lampiran or of a narrative, :mod:`rancang.render.richtext_docx`),
the same names in both templates. The body text itself uses each document's own style (``Isi Lampiran``,
``Isi``)."""

RICHTEXT_CHARACTER_STYLES = {RICHTEXT_STYLES["code"], RICHTEXT_STYLES["link"]}
RICHTEXT_TABLE_STYLES = {RICHTEXT_STYLES["table"]}

TEMPLATE_NAME = "peraturan-kepala-daerah.docx"
TEMPLATE_VARIABLES = {"lambang", "kop_jabatan", "kop_provinsi", "isi"}

STYLES = {
    "title": "Judul Peraturan",
    "opening": "Pembukaan",
    "table": "Tabel Konsiderans",
    "cell": "Konsiderans",
    "bab": "Judul BAB",
    "bagian": "Judul Bagian",
    "paragraf": "Judul Paragraf",
    "article": "Judul Pasal",
    "norm": "Isi Pasal",
    "clause": "Ayat",
    "clause_rest": "Lanjutan Ayat",
    "closing": "Penutup",
    "sign": "Tanda Tangan",
    "promulgate": "Pengundangan",
    "gazette": "Berita Daerah",
    "annex_head": "Lampiran Kepala",
    "annex_title": "Judul Lampiran",
    "annex_text": "Isi Lampiran",
    "quoted": "Naskah Perubahan",
    "quoted_heading": "Judul Naskah Perubahan",
    "mark": "Catatan Perubahan",
    "notice": "Keterangan Naskah",
    "explanation_title": "Judul Penjelasan",
    "explanation_part": "Bagian Penjelasan",
    **{f"explanation_heading_{n}": f"Unsur Penjelasan {n}" for n in range(1, 5)},
    **{f"explanation_text_{n}": f"Isi Penjelasan {n}" for n in range(1, 5)},
    "dictum": "Diktum",
    "copies": "Tembusan",
    **{f"rich_{role}": name for role, name in RICHTEXT_STYLES.items()},
}
POINT_STYLES = [f"Rincian {n}" for n in range(1, 6)]
"""Indentation levels of rincian; ``Rincian 1`` sits at the first indent."""
EXPLANATION_LEVELS = 4
"""Indentation levels of Penjelasan's II. PASAL DEMI PASAL (Pasal, then ayat or huruf, ...); deeper elements use
the last."""

LATER_STYLES = {
    "Naskah Perubahan": "Lanjutan Ayat",
    "Judul Naskah Perubahan": "Judul Pasal",
    "Catatan Perubahan": "Lanjutan Ayat",
    "Keterangan Naskah": "Isi Pasal",
    "Judul Penjelasan": "Judul Peraturan",
    "Bagian Penjelasan": "Isi Pasal",
    **{f"Unsur Penjelasan {n}": "Isi Pasal" for n in range(1, EXPLANATION_LEVELS + 1)},
    **{f"Isi Penjelasan {n}": "Isi Pasal" for n in range(1, EXPLANATION_LEVELS + 1)},
    "Diktum": "Konsiderans",
    "Tembusan": "Pengundangan",
}
"""Styles of the parts a regulation has only sometimes (an amendment's quoted text, a Perda's Penjelasan, the notes
and notice of a consolidated text, a Keputusan's diktum and Tembusan), each with the older style that stands in for
it in a template made before rancang had them."""

OPTIONAL_STYLES = set(RICHTEXT_STYLES.values()) | set(LATER_STYLES)
"""Styles a template made before rancang had them (a region's own copy) may lack: it still works -- the
body-text style (for a part of a regulation, the style of :data:`LATER_STYLES`) stands in for a missing
paragraph style, a missing character or table style is left out -- and the check says which are missing (P414)."""


def required_styles() -> set[str]:
    return (set(STYLES.values()) | set(POINT_STYLES) | {"Normal"}) - OPTIONAL_STYLES


REQUIRED_STYLES = required_styles()
TEMPLATE_STYLES = REQUIRED_STYLES | OPTIONAL_STYLES
"""Every style the default regulation template has (required or optional)."""


# --------------------------------------------------------------------------- kunjungan kerja

VISIT_TEMPLATE_NAME = "kunjungan-kerja.docx"
VISIT_TEMPLATE_VARIABLES = {"judul", "subjudul", "kepala", "isi"}
"""``kepala`` is the running header of pages 2+ (in the header part, not the body)."""

VISIT_STYLES = {
    "title": "Judul Dokumen",
    "subtitle": "Subjudul Dokumen",
    "heading1": "Judul 1",
    "heading2": "Judul 2",
    "heading3": "Judul 3",
    "text": "Isi",
    "note": "Catatan",
    "bullet": "Butir",
    "numbered": "Butir Bernomor",
    "cell": "Isi Tabel",
    "header_cell": "Kepala Tabel",
    "table": "Tabel Isi",
    "key_values": "Tabel Keterangan",
    **{f"rich_{role}": name for role, name in RICHTEXT_STYLES.items()
       if role not in ("table", "header_cell", "cell")},  # the visit's own "Tabel Isi", "Kepala Tabel", "Isi Tabel"
}
"""Role -> style name in ``kunjungan-kerja.docx``; ``table`` and ``key_values`` are table styles, ``rich_code``
and ``rich_link`` character styles (the ``rich_`` roles are those of :data:`RICHTEXT_STYLES`)."""

VISIT_OPTIONAL_STYLES = {name for role, name in RICHTEXT_STYLES.items() if role not in ("table", "header_cell", "cell")}
"""Rich-text styles of the visit template that may be missing (see :data:`OPTIONAL_STYLES`); its tables' styles
are its own and always required."""
VISIT_REQUIRED_STYLES = (set(VISIT_STYLES.values()) | {"Normal"}) - VISIT_OPTIONAL_STYLES
VISIT_TEMPLATE_STYLES = VISIT_REQUIRED_STYLES | VISIT_OPTIONAL_STYLES
"""Every style the default visit template has (required or optional)."""


# --------------------------------------------------------------------------- KIPP proposal

PROPOSAL_TEMPLATE_NAME = "proposal-kipp.docx"
PROPOSAL_TEMPLATE_VARIABLES = VISIT_TEMPLATE_VARIABLES

PROPOSAL_STYLES = {
    "cover_title": "Judul Sampul",
    "cover_line": "Keterangan Sampul",
    "count": "Hitungan Kata",
    "count_over": "Hitungan Kata Lewat",
    "placeholder": "Isian Penulis",
}
"""Role -> style name of the proposal's own paragraphs in ``proposal-kipp.docx`` (the kunjungan kerja template
plus these): the cover, the word count under each aspect's heading (over the limit: bold red), and the yellow
paragraph that marks a part the author still has to write."""
PROPOSAL_REQUIRED_STYLES = VISIT_REQUIRED_STYLES | set(PROPOSAL_STYLES.values())
