"""The numbered document tree of a regulation.

The regulation engine (:mod:`rancang.drafting.engine`) builds this tree once:
every number, label, ending punctuation, conjunction and resolved reference is
already in it. Renderers (DOCX now, the site page later) only walk it and
choose styles; a renderer that computes a number is a bug.

Text is a list of :class:`Span`: plain text, or the text of a resolved
reference with the anchor of its target (a link on the web page); a span may be
italic (``*ad hoc*`` in the source, see :mod:`rancang.drafting.emphasis`) or
bold. The emphasis marks themselves are never in a span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

from rancang import richtext

from rancang.models.regulation import OrgUnit


@dataclass(frozen=True)
class Span:
    text: str
    target: str | None = None
    """Anchor of the referenced element, when this span is a reference."""
    italic: bool = False
    """Printed in italics: a foreign or regional-language term (``*ad hoc*``)."""
    bold: bool = False
    """Printed in bold (``**...**``)."""


RichText = list[Span]


def plain(text: RichText) -> str:
    return "".join(span.text for span in text)


@dataclass(frozen=True)
class Mark:
    """A note on an element of a consolidated text (naskah terintegrasi): which amendment changed, inserted or
    deleted it. ``text`` is what a reader sees ("Diubah dengan Peraturan Wali Kota ... Nomor 3 Tahun 2022");
    ``target`` names the change point that did it (an amendment's record id and its Pasal I anchor,
    ``"<record id>#pasal-1-perubahan-2"``), for a link."""

    action: Literal["ubah", "sisip", "hapus"]
    text: str
    target: str = ""


@dataclass
class Point:
    """An item of a rincian: ``a.``, ``1.``, ``a)`` or ``1)``."""

    label: str
    text: RichText
    points: list["Point"] = field(default_factory=list)
    depth: int = 1
    anchor: str = ""
    closing: RichText | None = None
    """Words that continue this item's sentence after its own rincian."""
    source: Any = field(default=None, repr=False, compare=False)
    """The model element it was built from (None when generated); for the linter, not for renderers."""
    marks: list[Mark] = field(default_factory=list)
    """In a consolidated text: the amendments that changed, inserted or deleted this element, oldest first."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``chp_II__sec_5__subsec_1__list_1__item_a``."""
    list_eid: str = ""
    """The eId of the blockList of its rincian (``...__list_1``); empty without one."""


@dataclass
class Clause:
    """An ayat, or the single norm of a Pasal (then ``label`` is None)."""

    label: str | None
    text: RichText
    points: list[Point] = field(default_factory=list)
    closing: RichText | None = None
    """Words that continue the sentence after the rincian."""
    anchor: str = ""
    source: Any = field(default=None, repr=False, compare=False)
    marks: list[Mark] = field(default_factory=list)
    """In a consolidated text: the amendments that changed, inserted or deleted this element, oldest first."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``chp_II__sec_5__subsec_1a``; empty for the single
    norm of a Pasal (its rincian hang under the Pasal's eId)."""
    list_eid: str = ""
    """The eId of the blockList of its rincian (``...__list_1``); empty without one."""


@dataclass
class QuotedLine:
    """One line of the new text quoted by a change point of an amending regulation, as its author wrote it."""

    text: RichText
    heading: bool = False
    """A unit's label or title (``Pasal 5``, ``BAB IVA`` and the line after it): printed centred."""


@dataclass
class Change:
    """A change point of an amending regulation's Pasal I: ``1.`` and its instruction, then the quoted text."""

    label: str
    text: RichText
    quoted: list[QuotedLine] = field(default_factory=list)
    anchor: str = ""
    source: Any = field(default=None, repr=False, compare=False)
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``sec_I__list_1__item_3``."""
    quoted_eid: str = ""
    """The eId of its quoted new text (quotedStructure): ``sec_I__list_1__item_3__qstr_1``; empty without one."""


@dataclass
class Article:
    number: int
    """Its position among the Pasal (1, 2, 3 ...): what order, ranges, "the same Pasal" and the linter go by. Not
    always its printed number: see ``label``."""
    label: str
    """``Pasal 5``; ``Pasal I`` in an amending regulation; a frozen label (``Pasal 12A``) in the new version of an
    amended regulation built with ``labels`` (:func:`rancang.drafting.engine.build`)."""
    clauses: list[Clause]
    anchor: str = ""
    source: Any = field(default=None, repr=False, compare=False)
    changes: list[Change] = field(default_factory=list)
    """The change points of an amending regulation's Pasal (after its lead text)."""
    marks: list[Mark] = field(default_factory=list)
    """In a consolidated text: the amendments that changed, inserted or deleted this element, oldest first."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``chp_II__sec_5``, ``sec_12A``, ``sec_I``."""
    list_eid: str = ""
    """An amending Pasal I: the eId of the blockList of its change points (``sec_I__list_1``); else empty."""


@dataclass
class Group:
    """A BAB, Bagian or Paragraf."""

    kind: Literal["bab", "bagian", "paragraf"]
    label: str
    title: str
    children: list[Union["Group", Article]]
    anchor: str = ""
    source: Any = field(default=None, repr=False, compare=False)
    marks: list[Mark] = field(default_factory=list)
    """In a consolidated text: the amendments that changed, inserted or deleted this element, oldest first."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``chp_II``, ``chp_II__part_1``,
    ``chp_II__part_1__subpart_3``."""


BodyItem = Union[Group, Article]


@dataclass
class ListEntry:
    """A lettered konsiderans point or a numbered dasar hukum."""

    label: str | None
    text: RichText
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``recs__rec_a`` (Menimbang), ``cits__cit_1``
    (Mengingat), ``cits_2__cit_1`` (Memperhatikan)."""


@dataclass
class Dictum:
    """A diktum of a Keputusan: ``KESATU`` and its text (a sentence starting with a capital, ending with "."),
    with its rincian (``a.``, ``b.``) when it has one. The last diktum (commencement) is generated."""

    label: str
    """``KESATU``, ``KEDUA`` ...: spelled ordinals in capitals (:func:`rancang.language.numbering.ordinal`)."""
    text: RichText
    points: list[Point] = field(default_factory=list)
    closing: RichText | None = None
    anchor: str = ""
    """``diktum-kesatu``."""
    source: Any = field(default=None, repr=False, compare=False)
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``hcontainer_1`` for KESATU."""
    list_eid: str = ""
    """The eId of the blockList of its rincian (``...__list_1``); empty without one."""


@dataclass
class SignatureBlock:
    place_line: str
    date_line: str
    office: str
    name: str


@dataclass
class AnnexPart:
    label: str
    """``LAMPIRAN`` or ``LAMPIRAN I``."""
    header: list[str]
    title: str
    content: richtext.RichText
    """The lampiran's Markdown as a tree, its ``[[...]]`` references resolved (links to ``#anchor``, see
    :mod:`rancang.drafting.annex_text`); empty when the lampiran has only a chart."""
    signature_office: str
    signature_name: str
    anchor: str = ""
    chart: OrgUnit | None = None
    """The lampiran's organisation chart (``bagan:``), drawn after its text by the renderers."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``att_1``, ``att_2`` ... (after the Penjelasan's
    ``att_1`` when there is one)."""


@dataclass
class Explained:
    """An element of Penjelasan's II. PASAL DEMI PASAL: a Pasal, or an ayat, huruf or angka under it."""

    label: str
    """``Pasal 3``, ``Ayat (1)``, ``Huruf a``, ``Angka 2``."""
    text: richtext.RichText | None
    """Its explanation (``Cukup jelas.`` when nothing is given and nothing under it is explained); None when only
    elements under it are explained."""
    children: list["Explained"] = field(default_factory=list)
    """Every ayat, huruf or angka under it, when one of them is explained (each with its text or
    ``Cukup jelas.``)."""
    depth: int = 1
    """1 for a Pasal, 2 for what is directly under it, ..."""
    anchor: str = ""
    """Its own anchor (``penjelasan-pasal-3-ayat-1``)."""
    target: str = ""
    """The anchor of the element it explains in the body."""
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``att_1__hcontainer_2__hcontainer_3`` (Pasal 3),
    ``...__hcontainer_3__hcontainer_1`` (its ayat (1))."""


@dataclass
class ExplanationPart:
    """The Penjelasan of a Peraturan Daerah, after the signatures and before the lampiran."""

    title: list[str]
    """``PENJELASAN``, ``ATAS``, ``PERATURAN DAERAH KOTA PAREPARE``, ``NOMOR ... TAHUN ...``, ``TENTANG``, name."""
    general_heading: tuple[str, str]
    """``("I.", "UMUM")``."""
    general: richtext.RichText
    """I. UMUM as rich text, its ``[[...]]`` references resolved."""
    articles_heading: tuple[str, str]
    """``("II.", "PASAL DEMI PASAL")``."""
    articles: list[Explained]
    """Every Pasal, in order."""
    supplement_line: str
    """``TAMBAHAN LEMBARAN DAERAH KOTA PAREPARE NOMOR ...``."""
    anchor: str = "penjelasan"
    eid: str = ""
    """Its Akoma Ntoso eId (:mod:`rancang.drafting.eids`): ``att_1`` (the first attachment)."""
    general_eid: str = ""
    """I. UMUM: ``att_1__hcontainer_1``."""
    articles_eid: str = ""
    """II. PASAL DEMI PASAL: ``att_1__hcontainer_2``."""


@dataclass
class Document:
    """A whole Peraturan Wali Kota, Peraturan Bupati or Peraturan Daerah, ready to render."""

    heading: list[str]
    """Kop: ``WALI KOTA PAREPARE`` / ``PROVINSI SULAWESI SELATAN``."""
    draft: bool
    title: list[str]
    """``RANCANGAN`` (drafts), ``PERATURAN WALI KOTA PAREPARE``, ``NOMOR ... TAHUN ...``, ``TENTANG``, name."""
    invocation: str
    office_line: str
    considerations: list[ListEntry]
    legal_bases: list[ListEntry]
    decision: str
    enact_label: str
    enact_text: str
    body: list[BodyItem]
    promulgation_order: str
    enactment: SignatureBlock
    promulgation: SignatureBlock
    gazette_line: str
    """``BERITA DAERAH KOTA PAREPARE TAHUN ... NOMOR ...`` (a Perda: ``LEMBARAN DAERAH ...``)."""
    annexes: list[AnnexPart] = field(default_factory=list)
    approval: list[str] = field(default_factory=list)
    """A Perda's joint approval, between Mengingat and MEMUTUSKAN: ``Dengan Persetujuan Bersama``,
    ``DEWAN PERWAKILAN RAKYAT DAERAH KOTA PAREPARE``, ``dan``, ``WALI KOTA PAREPARE``; empty for a Perkada."""
    register_line: str | None = None
    """A Perda's ``NOREG PERATURAN DAERAH KOTA PAREPARE, PROVINSI SULAWESI SELATAN: (...)``, under the gazette
    line, when its NOREG is known."""
    explanation: ExplanationPart | None = None
    """A Perda's Penjelasan."""
    decree: bool = False
    """A Keputusan Kepala Daerah: no BAB or Pasal (``body`` is empty), its content in ``dicta``; not promulgated
    (``promulgation_order``, ``gazette_line`` and the ``promulgation`` block are empty and not printed)."""
    noted: list[ListEntry] = field(default_factory=list)
    """A Keputusan's ``Memperhatikan`` (optional): letters, minutes ... numbered when more than one."""
    dicta: list[Dictum] = field(default_factory=list)
    """A Keputusan's diktum, KESATU to the commencement."""
    copies: list[str] = field(default_factory=list)
    """A Keputusan's ``Tembusan``: to whom copies go, printed numbered under the signature (each ends with ";",
    the last with ".")."""
    recitals_eid: str = "recs"
    """The Akoma Ntoso eId of Menimbang (recitals; :mod:`rancang.drafting.eids`)."""
    citations_eid: str = "cits"
    """The eId of Mengingat (citations)."""
    noted_eid: str = ""
    """The eId of a Keputusan's Memperhatikan (a second citations: ``cits_2``); empty without one."""
    notice: list[str] = field(default_factory=list)
    """Paragraphs printed above the kop of a document that is not the regulation itself: a consolidated text
    (naskah terintegrasi) says what it is and that only the enacted regulations are authoritative."""

    def articles(self) -> list[Article]:
        out: list[Article] = []

        def walk(items: list[BodyItem]) -> None:
            for item in items:
                if isinstance(item, Article):
                    out.append(item)
                else:
                    walk(item.children)

        walk(self.body)
        return out
