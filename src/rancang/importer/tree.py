"""What the importer reads from an enacted regulation, before it becomes the regulation YAML.

The stages (after bluebell/cobalt: parse, then generate, each testable alone):

1. :mod:`~rancang.importer.extract` -- a DOCX, PDF or text file -> :class:`SourceLine` list;
2. :mod:`~rancang.importer.clean` -- page furniture removed, labels repaired -> lines and a ledger of
   every change;
3. :mod:`~rancang.importer.parse` -- lines -> :class:`Parsed`: the frame and the numbered body as it
   stands in the source (labels kept, texts as written);
4. :mod:`~rancang.importer.references` -- hand-typed references -> ``[[id]]``, ids for their targets;
5. :mod:`~rancang.importer.generate` -- :class:`Parsed` -> the YAML mapping of the landed format, and
   the standardisations the engine would make.

Every word of the source ends in the YAML or in the report (:class:`Note`), with its source line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceLine:
    """One line of the source as a user finds it again.

    ``line`` is the 1-based line of a text file or of ``pdftotext -layout``'s output, or the 1-based
    paragraph number of a DOCX (table rows count as one paragraph each). ``page`` is known for PDFs and
    for texts with form feeds, else ``None``.
    """

    text: str
    line: int
    page: int | None = None
    table: tuple[str, ...] | None = None
    """The cells, when the line is a table row (DOCX tables; ``text`` is then the cells joined by `` | ``)."""


@dataclass(frozen=True)
class Note:
    """A report entry: what happened to some source text, and where it was."""

    kind: str
    """One of :data:`NOTE_KINDS`."""
    message: str
    """Indonesian, for the drafter."""
    lines: tuple[int, ...] = ()
    text: str = ""
    """The source words concerned (they count as accounted for in the word ledger)."""


NOTE_KINDS = {
    "dibuang": "Dibuang (nomor halaman, kepala/kaki halaman berulang, tanda tangan 'ttd', salinan)",
    "diperbaiki": "Diperbaiki (label rusak karena OCR, label menempel, tanda hubung akhir baris)",
    "tidak-dikenali": "Tidak dikenali (tidak dimasukkan ke YAML; periksa dan salin sendiri)",
    "penomoran": "Penomoran (nomor melompat atau berulang di sumber)",
    "rujukan": "Rujukan yang tidak dapat diubah menjadi [[id]]",
    "pembakuan": "Pembakuan (teks yang akan ditulis lain oleh rancang draft)",
    "katalog": "Dasar hukum dan katalog",
    "info": "Keterangan",
}


@dataclass
class Node:
    """An element of the body as numbered in the source.

    ``kind``: ``bab``, ``bagian``, ``paragraf``, ``pasal``, ``ayat`` or ``butir`` (a huruf/angka item at
    any depth). ``label`` is the number as printed, repaired (``II``, ``Kesatu``, ``7``, ``(2)``, ``b.``,
    ``1)``); ``number`` is its value (``2``, ``7``, ``b`` -> 2). ``title`` is a group's title, ``text`` the
    norm of a pasal/ayat/butir as written (its list ending included, e.g. ``pengusulan; dan``).
    ``closing`` is the text after a list (``... dicabut dan dinyatakan tidak berlaku.``).
    """

    kind: str
    label: str
    number: int
    title: str | None = None
    text: str | None = None
    children: list["Node"] = field(default_factory=list)
    closing: str | None = None
    lines: list[int] = field(default_factory=list)
    id: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def flat(self) -> str:
        """The element on one line as printed: ``(1) text: a. item; dan b. item. closing``."""
        parts: list[str] = []

        def visit(current: "Node") -> None:
            if current.kind in ("ayat", "butir"):
                parts.append(current.label)
            if current.text:
                parts.append(current.text)
            for child in current.children:
                visit(child)
            if current.closing:
                parts.append(current.closing)

        visit(self)
        return " ".join(" ".join(parts).split())


@dataclass
class Signature:
    place: str | None = None
    date: str | None = None
    """ISO ``YYYY-MM-DD`` when the date was read, else ``None``."""
    office: str | None = None
    name: str | None = None
    lines: list[int] = field(default_factory=list)


@dataclass
class Annex:
    label: str
    title: str
    lines: list[int] = field(default_factory=list)
    content: list[SourceLine] = field(default_factory=list)
    """The lampiran's lines after its heading and title, signature removed (tables as table rows)."""


@dataclass
class Explanation:
    """The Penjelasan of a Perda: general part, then one entry per element explained."""

    general: list[str] = field(default_factory=list)
    """Paragraphs of I. UMUM."""
    entries: list[tuple[tuple[str, ...], str, list[int]]] = field(default_factory=list)
    """(path, text, lines): path like ("Pasal 5",), ("Pasal 5", "Ayat (2)"), ("Pasal 5", "Ayat (2)", "Huruf b");
    text as written (``Cukup jelas.`` included)."""
    lines: list[int] = field(default_factory=list)


@dataclass
class Parsed:
    """A whole regulation as it stands in the source."""

    kind: str | None = None
    """``peraturan_wali_kota``, ``peraturan_bupati`` or ``peraturan_daerah``."""
    region: str | None = None
    """``Kota Parepare``, ``Kabupaten Pangkajene dan Kepulauan``."""
    number: int | None = None
    year: int | None = None
    title: str | None = None
    considerations: list[tuple[str, list[int]]] = field(default_factory=list)
    legal_bases: list[tuple[str, list[int]]] = field(default_factory=list)
    approval: str | None = None
    """The Perda's "Dengan Persetujuan Bersama ..." text."""
    enact_text: str | None = None
    """After Menetapkan: ``PERATURAN WALI KOTA TENTANG ...``."""
    body: list[Node] = field(default_factory=list)
    promulgation_order: str | None = None
    enactment: Signature = field(default_factory=Signature)
    promulgation: Signature = field(default_factory=Signature)
    gazette: tuple[int, int] | None = None
    """(year, number) of the Berita/Lembaran Daerah line."""
    supplement: int | None = None
    noreg: str | None = None
    annexes: list[Annex] = field(default_factory=list)
    explanation: Explanation | None = None
    notes: list[Note] = field(default_factory=list)
    frame_lines: dict[str, list[int]] = field(default_factory=dict)
    """Source lines of the frame's single texts: ``title``, ``approval``, ``enact``, ``order``, ``gazette``,
    ``supplement``, ``noreg``."""
