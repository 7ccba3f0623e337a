"""Rules for the frame of a regulation: konsiderans, Mengingat, title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from rancang.layout import CATALOGUE_FILE
from rancang.language.citation import HIERARCHY_RANK, cite, name_of
from rancang.language.regulation_words import kind_words
from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.lint.context import Draft, LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule
from rancang.models.catalogue import LegalBasis, LegalKind
from rancang.locations import locate, locate_in_text

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@rule(
    "L501", "Konsiderans tidak diawali 'bahwa'", ERROR,
    "Setiap pokok pikiran konsiderans diawali kata 'bahwa' (Lampiran II UU 12/2011, teknik konsiderans).",
    wrong=Example("regulasi", """
        menimbang:
          - untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi
            Daerah
    """),
)
def considerations_start_with_bahwa(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind == "menimbang" and not site.text.lstrip().startswith("bahwa "):
                yield diagnostic("L501", f"konsiderans {quote(site.text)} tidak diawali 'bahwa'", site.location(),
                                 "awali dengan 'bahwa ' (huruf kecil)")


_CLOSING_FORMULA = re.compile(r"^\s*bahwa\s+berdasarkan\s+pertimbangan\s+sebagaimana\s+dimaksud", re.I)


@rule(
    "L502", "Butir penutup konsiderans diketik sendiri", ERROR,
    "Butir terakhir konsiderans ('bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a ..., perlu "
    "menetapkan ...') adalah rumusan baku yang dibuat rancang dari jumlah butir; bila diketik juga, butir itu "
    "muncul dua kali dengan huruf yang salah.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa Inovasi Daerah perlu diatur agar terarah
          - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali Kota
            tentang Inovasi Daerah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
)
def closing_formula_is_generated(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind == "menimbang" and _CLOSING_FORMULA.match(site.text):
                yield diagnostic("L502", f"butir penutup konsiderans {quote(site.text)} dibuat otomatis",
                                 site.location(), "hapus butir ini")


# -- konsiderans --------------------------------------------------------------------------


def _tail(text: str, words: int = 3) -> str:
    """The last few words of a text, as a message quotes its end: ``'...agar terarah;'``."""
    parts = text.split()
    return " ".join(parts[-words:]) if len(parts) <= words else "..." + " ".join(parts[-words:])


@rule(
    "L503", "Tanda baca akhir konsiderans diketik sendiri", WARNING,
    "Setiap butir konsiderans diakhiri titik koma (Lampiran II UU 12/2011, teknik konsiderans); rancang "
    "menambahkan ';' itu sendiri. Titik koma yang diketik tidak berguna, dan titik yang diketik menjadi '.;'.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi
            Daerah;
          - bahwa Inovasi Daerah perlu diatur agar terarah.
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi
            Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
)
def consideration_ending_is_generated(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind != "menimbang" or _CLOSING_FORMULA.match(site.text):
                continue  # a typed closing formula is L502's
            text = site.text.rstrip()
            if not text.endswith((";", ".")) or text.endswith(("...", "\u2026")):
                continue  # an ellipsis is a placeholder, not an ending
            mark = text[-1]
            last = text.split()[-1]
            result = "rancang menambahkan ';' sendiri" if mark == ";" else "hasilnya menjadi '.;'"
            yield diagnostic(
                "L503", f"akhir konsiderans {quote(_tail(text))} memuat '{mark}' yang diketik sendiri; {result}",
                site.location(last, text.count(last) - 1), f"hapus '{mark}' di akhir butir ini")


@rule(
    "L504", "Peraturan yang dilaksanakan tidak dikutip dalam Mengingat", WARNING,
    "Dasar hukum memuat peraturan yang memerintahkan pembentukan peraturan itu (Lampiran II UU 12/2011, teknik "
    "dasar hukum). Peraturan yang ketentuannya dilaksanakan ('melaksanakan', konsiderans satu butir 'bahwa untuk "
    "melaksanakan ketentuan ...') adalah peraturan yang memerintahkannya, jadi dicantumkan juga di 'mengingat'.",
    wrong=Example("regulasi-pelaksana", """
        melaksanakan:
          id: pp-38-2017
          pasal: Pasal …
        mengingat:
          - {id: uud-1945, pasal: Pasal 18 ayat (6)}
          - uu-23-2014
    """),
    right=Example("regulasi-pelaksana", """
        melaksanakan:
          id: pp-38-2017
          pasal: Pasal …
        mengingat:
          - {id: uud-1945, pasal: Pasal 18 ayat (6)}
          - uu-23-2014
          - pp-38-2017
    """),
)
def delegating_regulation_in_legal_bases(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        regulation = draft.regulation
        delegation = regulation.implements
        if delegation is None or delegation.id not in context.data.catalogue:
            continue  # an unknown id is R301's
        if any(citation.id == delegation.id for citation in regulation.legal_bases):
            continue
        yield diagnostic(
            "L504", f"{quote(delegation.id)} yang ketentuannya dilaksanakan ('melaksanakan') tidak dikutip dalam "
                    f"Mengingat", locate(regulation, "implements"),
            f"tambahkan {delegation.id} ke 'mengingat'; pasalnya cukup ditulis di 'melaksanakan'")


# -- Mengingat ----------------------------------------------------------------------------

_GAZETTE_NAME = {
    LegalKind.UU: "Lembaran Negara", LegalKind.PERPPU: "Lembaran Negara", LegalKind.PP: "Lembaran Negara",
    LegalKind.PERPRES: "Lembaran Negara", LegalKind.PERMEN: "Berita Negara", LegalKind.PERBAN: "Berita Negara",
    LegalKind.PERDA_PROVINSI: "Lembaran Daerah", LegalKind.PERDA: "Lembaran Daerah",
    LegalKind.PERGUB: "Berita Daerah", LegalKind.PERKADA: "Berita Daerah",
}
"""Where each kind is promulgated (rancang.language.citation prints it in brackets). UUD has none; a
Keputusan Kepala Daerah is not cited at all (L513)."""

_WITH_SUPPLEMENT = (LegalKind.UU, LegalKind.PERPPU, LegalKind.PP)
"""Kinds always published with a Tambahan Lembaran Negara (they have a Penjelasan)."""


@dataclass(frozen=True)
class _Cited:
    """A catalogue entry whose citation the draft prints, and where it is asked for."""

    id: str
    entry: LegalBasis
    printed: list[LegalBasis]
    """The entry, then the amendment its citation names (the only one, or the last of several)."""
    at: tuple
    """The model, field and index that ``where`` locates: located only for a finding, since a location
    reads the file again."""
    place: str
    """``Mengingat`` or ``ketentuan penutup``."""

    @property
    def where(self) -> Location:
        return locate(*self.at)


def _printed(entry: LegalBasis, catalogue: Mapping[str, LegalBasis]) -> list[LegalBasis]:
    amendments = [catalogue[i] for i in entry.amended_by if i in catalogue]
    return [entry, *amendments[-1:]]


def _cited(context: LintContext, draft: Draft, revoked: bool = True) -> Iterator[_Cited]:
    """Every catalogue citation of a draft: Mengingat items, then (``revoked``) Ketentuan Penutup ones."""
    catalogue = context.data.catalogue
    regulation = draft.regulation
    for index, citation in enumerate(regulation.legal_bases):
        entry = catalogue.get(citation.id)
        if entry is not None:
            yield _Cited(citation.id, entry, _printed(entry, catalogue), (regulation, "legal_bases", index),
                         "Mengingat")
    if revoked:
        for index, revoked_id in enumerate(regulation.closing.revokes):
            entry = catalogue.get(revoked_id)
            if entry is not None:
                yield _Cited(revoked_id, entry, _printed(entry, catalogue),
                             (regulation.closing, "revokes", index), "ketentuan penutup")


@rule(
    "L510", "Mengingat tidak urut hierarki lalu kronologis", WARNING,
    "Dasar hukum diurutkan menurut hierarki peraturan perundang-undangan (Pasal 7 dan Pasal 8 UU 12/2011), dan "
    "yang setingkat menurut urutan pengundangannya (Lampiran II UU 12/2011, teknik dasar hukum). rancang "
    "menyusun Mengingat menurut urutan itu; bila berkas menuliskannya lain, yang tercetak berbeda dari yang "
    "dibaca penyusun.",
    wrong=Example("regulasi", """
        mengingat:
          - uu-23-2014
          - id: uud-1945
            pasal: Pasal 18 ayat (6)
          - pp-38-2017
    """),
    right=Example("regulasi", """
        mengingat:
          - id: uud-1945
            pasal: Pasal 18 ayat (6)
          - uu-23-2014
          - pp-38-2017
    """),
)
def legal_bases_in_order(context: LintContext) -> Iterator[Diagnostic]:
    catalogue = context.data.catalogue
    for draft in context.drafts:
        regulation = draft.regulation
        written = [(index, c) for index, c in enumerate(regulation.legal_bases) if c.id in catalogue]
        printed = _printed_order(written, draft, catalogue, context.settings)
        if printed is None or printed == list(range(len(written))):
            continue
        # The first place where the document differs: the item printed there was written later.
        slot = next(p for p, w in enumerate(printed) if p != w)
        early_index, early = written[slot]
        late_index, late = written[printed[slot]]
        first, second = catalogue[late.id], catalogue[early.id]
        if HIERARCHY_RANK[first.kind] != HIERARCHY_RANK[second.kind]:
            why = "lebih tinggi tingkatnya"
        else:
            why = "lebih dahulu diundangkan"
        order = ", ".join(f"{n}. {written[w][1].id}" for n, w in enumerate(printed, start=1))
        suggestion = "tulis dalam urutan itu"
        if (HIERARCHY_RANK[first.kind] == HIERARCHY_RANK[second.kind] and first.year == second.year
                and not (first.enacted and second.enacted)):
            suggestion += ("; bila urutan pengundangan yang setahun itu lain, isi 'diundangkan' dalam "
                           f"{CATALOGUE_FILE}")
        yield diagnostic(
            "L510", f"{quote(late.id)} ditulis sesudah {quote(early.id)}, padahal {why}; Mengingat akan "
                    f"tercetak: {order}",
            locate(regulation, "legal_bases", late_index), suggestion)


def _printed_order(written: list, draft: Draft, catalogue: Mapping[str, LegalBasis], settings=None
                   ) -> list[int] | None:
    """For each printed Mengingat item, its position among ``written``: read from the engine's document,
    so the message says what will really be printed."""
    slots: dict[str, list[int]] = {}
    for position, (_, citation) in enumerate(written):
        text = cite(catalogue[citation.id], catalogue, citation.article, settings) + ";"
        slots.setdefault(text, []).append(position)
    order = []
    for entry in draft.document.legal_bases:
        text = "".join(span.text for span in entry.text)
        if not slots.get(text):
            return None
        order.append(slots[text].pop(0))
    return order if len(order) == len(written) else None


@rule(
    "L511", "Kutipan dasar hukum tanpa data pengundangan", ERROR,
    "Kutipan UU, Perppu, PP, dan Perpres memuat Lembaran Negara dan Tambahan Lembaran Negara; Permen dan "
    "Peraturan Badan memuat Berita Negara; Perda memuat Lembaran Daerah; Perkada memuat Berita Daerah "
    "(Lampiran II UU 12/2011, teknik dasar hukum; praktik daerah). rancang menulis kurungnya dari kunci "
    "'lembaran' dan 'tambahan' di katalog; tanpa kunci itu kutipannya tidak lengkap.",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
    """),
)
def citation_has_publication(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for cited in _cited(context, draft):
            for entry in cited.printed:
                gazette = _GAZETTE_NAME.get(entry.kind)
                if gazette is None or entry.gazette is not None:
                    continue
                missing = gazette
                if entry.kind in _WITH_SUPPLEMENT and entry.supplement is None:
                    missing += " dan Tambahan Lembaran Negara"
                whose = "" if entry is cited.entry else f" (perubahannya {quote(entry.id)})"
                yield diagnostic(
                    "L511", f"kutipan {quote(cited.id)} dalam {cited.place}{whose} tidak lengkap: tanpa {missing}",
                    cited.where,
                    f"isi 'lembaran' (tahun dan nomor {gazette})"
                    + (" dan 'tambahan'" if "Tambahan" in missing else "")
                    + f" pada {entry.id} di kb/dasar-hukum.yaml")


@rule(
    "L515", "UU, Perppu, atau PP tanpa Tambahan Lembaran Negara", WARNING,
    "Kutipan UU, Perppu, dan PP memuat Tambahan Lembaran Negara sesudah Lembaran Negara (Lampiran II UU "
    "12/2011, teknik dasar hukum; praktik daerah): ketiganya mempunyai penjelasan yang diundangkan dalam "
    "Tambahan. Peringatan saja, karena undang-undang yang sangat lama dapat tidak memilikinya.",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
    """),
)
def citation_has_supplement(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for cited in _cited(context, draft):
            for entry in cited.printed:
                if entry.kind in _WITH_SUPPLEMENT and entry.gazette is not None and entry.supplement is None:
                    whose = "" if entry is cited.entry else f" (perubahannya {quote(entry.id)})"
                    yield diagnostic(
                        "L515", f"kutipan {quote(cited.id)} dalam {cited.place}{whose} tanpa Tambahan Lembaran "
                                f"Negara", cited.where, f"isi 'tambahan' pada {entry.id} di kb/dasar-hukum.yaml")


@rule(
    "L512", "Dasar hukum yang dikutip belum terkonfirmasi", WARNING,
    "Nomor, tahun, dan data pengundangan dalam kutipan harus sesuai dengan salinan resmi (Lampiran II UU "
    "12/2011, teknik dasar hukum); entri katalog 'terkonfirmasi: false' belum dicocokkan. Yang diperiksa "
    "ialah semua yang tercetak: peraturannya dan perubahan yang disebut (satu-satunya, atau yang terakhir).",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: false
          catatan: Nomor Tambahan Lembaran Negara hanya dari satu sumber.
    """),
    right=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
          sumber: https://jdih.example.go.id/pp-38-2017
    """),
)
def citation_is_confirmed(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for cited in _cited(context, draft):
            for entry in cited.printed:
                if entry.confirmed:
                    continue
                what = (f"{quote(cited.id)}" if entry is cited.entry
                        else f"perubahan {quote(entry.id)} yang dikutip bersama {quote(cited.id)}")
                note = f" ({quote(entry.note, 80)})" if entry.note else ""
                yield diagnostic(
                    "L512", f"dasar hukum {what} dalam {cited.place} belum terkonfirmasi{note}", cited.where,
                    f"cocokkan {entry.id} dengan salinan resmi (JDIH), lalu tulis 'terkonfirmasi: true'")


@rule(
    "L513", "Keputusan Kepala Daerah sebagai dasar hukum", ERROR,
    "Dasar hukum hanya memuat peraturan yang setingkat atau lebih tinggi yang memberi kewenangan atau "
    "memerintahkan pembentukannya (Lampiran II UU 12/2011, teknik dasar hukum). Keputusan Kepala Daerah "
    "bersifat penetapan, bukan peraturan, dan lebih rendah dari Peraturan Kepala Daerah.",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: Keputusan Kepala Daerah
          pembentuk: Kota Parepare
          nomor: 12
          tahun: 2019
          tentang: Penetapan Inovasi Daerah
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
    """),
)
def no_decree_as_legal_basis(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        name = kind_words(context.settings, draft.regulation.kind).name if context.settings is not None else \
            "Peraturan Kepala Daerah"
        for cited in _cited(context, draft, revoked=False):
            if cited.entry.kind is LegalKind.KEPKADA:
                decree = name_of(cited.entry).split(" tentang ")[0]
                yield diagnostic(
                    "L513", f"{quote(cited.id)} ({decree}) adalah Keputusan Kepala Daerah, bukan dasar hukum {name}",
                    cited.where,
                    "hapus dari mengingat; kutip peraturan yang memberi kewenangan atau memerintahkan pengaturannya")


@rule(
    "L514", "Peraturan yang dicabut dikutip dalam Mengingat", ERROR,
    "Peraturan yang dicabut oleh peraturan yang dibentuk tidak dimuat dalam dasar hukum; hanya peraturan "
    "yang diubah yang dimuat (Lampiran II UU 12/2011, teknik dasar hukum dan ketentuan penutup).",
    wrong=Example("regulasi", """
        mengingat:
          - id: uud-1945
            pasal: Pasal 18 ayat (6)
          - uu-23-2014
          - pp-38-2017
        ketentuan_penutup:
          mencabut:
            - pp-38-2017
    """),
    right=Example("regulasi", """
        mengingat:
          - id: uud-1945
            pasal: Pasal 18 ayat (6)
          - uu-23-2014
        ketentuan_penutup:
          mencabut:
            - pp-38-2017
    """),
)
def revoked_not_in_legal_bases(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        revoked = set(draft.regulation.closing.revokes)
        for cited in _cited(context, draft, revoked=False):
            if cited.id in revoked:
                yield diagnostic(
                    "L514", f"{quote(cited.id)} dicabut dalam ketentuan penutup tetapi juga dikutip dalam Mengingat",
                    cited.where, "hapus dari mengingat")


# -- the name of the regulation, and of its annexes ------------------------------------------

_END_PUNCTUATION = ".,;:!?"
_BRACKETED_ACRONYM = re.compile(r"\(\s*[A-Za-z0-9./-]*[A-Z][A-Za-z0-9./-]*[A-Z][A-Za-z0-9./-]*\s*\)")


def _ending_mark(text: str) -> str | None:
    """The punctuation a text ends with (``'.'``, ``';'``...), or None; an ellipsis is a placeholder."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in _END_PUNCTUATION or stripped.endswith(("...", "\u2026")):
        return None
    return stripped[-1]


@rule(
    "L520", "Nama peraturan bertanda baca akhir atau bersingkatan", ERROR,
    "Judul peraturan tidak diberi tanda baca di akhir, dan nama peraturan tidak ditambah singkatan atau "
    "akronim (Lampiran II UU 12/2011, teknik judul). Nama itu juga dipakai dalam butir penutup konsiderans "
    "dan baris Menetapkan.",
    wrong=Example("regulasi", """
        tentang: Indeks Inovasi Daerah (IID).
    """),
    right=Example("regulasi", """
        tentang: Indeks Inovasi Daerah
    """),
)
def title_without_punctuation_or_acronym(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        regulation = draft.regulation
        title = regulation.title
        for match in _BRACKETED_ACRONYM.finditer(title):
            yield diagnostic(
                "L520", f"nama peraturan {quote(title)} memuat singkatan dalam kurung {quote(match.group())}",
                locate_in_text(regulation, "title", match.group()),
                f"hapus {quote(match.group())}; singkatan dapat diberikan dalam Ketentuan Umum ('disingkat')")
        mark = _ending_mark(title)
        if mark:
            last = title.split()[-1]
            yield diagnostic(
                "L520", f"nama peraturan {quote(title)} diakhiri tanda baca '{mark}'",
                locate_in_text(regulation, "title", last, title.count(last) - 1), f"hapus '{mark}' di akhir")


_LOWER_WORDS = {"dan", "atau", "dan/atau", "di", "ke", "dari", "tentang", "untuk", "yang", "dengan", "pada",
                "dalam", "atas", "serta", "bagi", "oleh"}
"""Words written in lower case inside a Title Case name (unless first)."""
_EITHER_WORDS = {"terhadap", "kepada", "sebagai", "antara", "menjadi", "melalui", "secara", "beserta", "tanpa",
                 "per", "sampai"}
"""Words seen both ways in official names ('... menjadi Undang-Undang', '... Menjadi Undang-Undang')."""
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"^(\W*)(.*?)(\W*)$")


def _capitalised(word: str) -> str:
    """``undang-undang`` -> ``Undang-Undang``; otherwise the first letter only (``perundang-undangan``)."""
    if word.lower() == "undang-undang":
        return "Undang-Undang"
    return word[:1].upper() + word[1:]


def _title_case(title: str) -> str:
    """The name in Title Case; a name all in capitals is rewritten, otherwise only wrong words change."""
    letters = [c for c in title if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters) and (
        len(title.split()) > 1 or len(letters) > 4)
    out = []
    for position, token in enumerate(re.split(r"(\s+)", title)):
        lead, word, trail = _WORD.match(token).groups()
        if not word or not word[0].isalpha():
            out.append(token)
            continue
        if shouting:
            word = word if _ROMAN.match(word) else word.lower()
        lower = word.lower()
        if position and lower in _LOWER_WORDS:
            word = lower
        elif position and lower in _EITHER_WORDS:
            pass
        else:
            word = _capitalised(word)
        out.append(lead + word + trail)
    return "".join(out)


@rule(
    "L521", "Nama peraturan tidak ditulis dengan huruf awal kapital", WARNING,
    "Nama peraturan dalam butir penutup konsiderans ditulis dengan huruf kapital pada awal setiap kata, "
    "kecuali kata tugas seperti 'dan', 'di', 'tentang', 'untuk', 'yang' (Lampiran II UU 12/2011, teknik "
    "konsiderans; praktik daerah). rancang menulis judul dengan huruf kapital semua, tetapi butir penutup "
    "konsiderans memakai nama seperti yang ditulis.",
    wrong=Example("regulasi", """
        tentang: INOVASI DAERAH
    """),
    right=Example("regulasi", """
        tentang: Pembinaan dan Pengembangan Inovasi Daerah
    """),
)
def title_in_title_case(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        regulation = draft.regulation
        title = regulation.title
        expected = _title_case(title)
        if expected == title:
            continue
        wrong = [w for w, e in zip(title.split(), expected.split()) if w != e]
        where = locate_in_text(regulation, "title", wrong[0]) if wrong else locate(regulation, "title")
        yield diagnostic(
            "L521", f"nama peraturan {quote(title)} tidak ditulis dengan huruf awal kapital seperti dalam butir "
                    f"penutup konsiderans", where, f"tulis '{expected}'")


@rule(
    "L522", "Judul lampiran bertanda baca akhir", ERROR,
    "Judul lampiran ditulis dengan huruf kapital tanpa tanda baca di akhir (Lampiran II UU 12/2011, teknik "
    "lampiran). rancang menulisnya dengan huruf kapital; tanda baca yang diketik ikut tercetak.",
    wrong=Example("regulasi", """
        batang_tubuh:
          - id: pasal-bentuk
            teks: Format usulan Inovasi Daerah tercantum dalam [[lampiran-format]].
        lampiran:
          - id: lampiran-format
            judul: Format Usulan Inovasi Daerah.
            isi: Usulan memuat nama, bentuk, dan tujuan Inovasi Daerah.
    """),
    right=Example("regulasi", """
        batang_tubuh:
          - id: pasal-bentuk
            teks: Format usulan Inovasi Daerah tercantum dalam [[lampiran-format]].
        lampiran:
          - id: lampiran-format
            judul: Format Usulan Inovasi Daerah
            isi: Usulan memuat nama, bentuk, dan tujuan Inovasi Daerah.
    """),
)
def annex_title_without_punctuation(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for annex in draft.regulation.annexes:
            mark = _ending_mark(annex.title)
            if mark:
                last = annex.title.split()[-1]
                yield diagnostic(
                    "L522", f"judul lampiran {quote(annex.title)} diakhiri tanda baca '{mark}'",
                    locate_in_text(annex, "title", last, annex.title.count(last) - 1), f"hapus '{mark}' di akhir")


def _unit_key(name: str) -> str:
    """A unit's name compared without case, spacing and punctuation: 'Bidang  Pelayanan.' = 'bidang pelayanan'."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


@rule(
    "L523", "Unit bagan bernama sama dengan unit sejajarnya", WARNING,
    "Setiap kotak bagan susunan organisasi adalah satu unit. Dua bawahan satu atasan yang namanya sama bila "
    "huruf besar, spasi, dan tanda baca diabaikan biasanya salinan yang lupa diubah; di bagan keduanya tidak "
    "dapat dibedakan.",
    wrong=Example("regulasi", """
        lampiran:
          - judul: Bagan Susunan Organisasi Dinas Contoh
            bagan:
              nama: Kepala Dinas
              bawahan:
                - nama: Bidang Pelayanan
                - nama: bidang  pelayanan.
    """),
    right=Example("regulasi", """
        lampiran:
          - judul: Bagan Susunan Organisasi Dinas Contoh
            bagan:
              nama: Kepala Dinas
              bawahan:
                - nama: Bidang Pelayanan
                - nama: Bidang Pengaduan
    """),
)
def chart_units_distinct(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for annex in draft.regulation.annexes:
            if annex.chart is None:
                continue
            for unit, _depth in annex.chart.walk():
                seen: dict[str, str] = {}
                for child in unit.subordinates:
                    key = _unit_key(child.name)
                    if key in seen:
                        yield diagnostic(
                            "L523", f"unit bagan {quote(child.name)} di bawah {quote(unit.name)} bernama sama "
                                    f"dengan {quote(seen[key])}", locate(child, "name"),
                            "beri nama yang membedakan, atau hapus salah satunya")
                    else:
                        seen[key] = child.name
