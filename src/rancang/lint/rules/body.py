"""Rules for the body of a regulation: BAB order and titles, Ketentuan Umum, rincian.

Every rule here looks only at what an author wrote. What rancang generates --
BAB KETENTUAN UMUM with Pasal 1, BAB KETENTUAN PENUTUP, the '.' after a
definition, the ';', '; dan' and ':' of a rincian -- is never flagged; typing it
by hand is what several rules report.

The rules about defined terms (L542-L545, L551) share one matcher: a defined
term or its short form is found as whole words, case-insensitively, longest
term first, so that "Inovasi Daerah" inside "Indeks Inovasi Daerah" is not a
use of "Inovasi Daerah", and every occurrence is classed as written exactly,
in capitals, in lower case (wrong), or as a generic word ("daerah lain",
"pemerintah daerah" next to a defined "Daerah"; "inovasi Daerah" next to a
defined "Inovasi Daerah"), which is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from rancang.diagnostics import Diagnostic, Severity
from rancang.drafting.tree import Point
from rancang.lint.context import Draft, LintContext, TextSite, diagnostic, proper_names, quote, quoted_titles
from rancang.lint.registry import Example, rule
from rancang.models.regulation import Chapter, Definition, Division, Part, Regulation
from rancang.locations import locate, whitespace_folded

ERROR, WARNING = Severity.ERROR, Severity.WARNING


# -- words ---------------------------------------------------------------------------------

PARTICLES = frozenset(
    "dan atau yang di ke dari untuk bagi dengan pada dalam terhadap serta oleh atas tentang antara "
    "sebagai".split()
)
"""Words that stay lower case inside a capitalised name (unless first)."""

FUNCTION_WORDS = PARTICLES | frozenset(
    "kepada melalui setiap tiap seluruh para bahwa jika apabila agar sesuai adalah ialah merupakan "
    "antar menjadi oleh".split()
)
"""Words before which a lower-case 'daerah' still means the defined Daerah ('kepada daerah')."""

GENERIC_MODIFIERS = frozenset("lain lainnya lain-lain otonom setempat tertentu induk tersebut".split())
"""Words after which a lower-case single-word term is a generic word ('daerah lain', 'daerah otonom')."""

NAME_HEADS = frozenset(
    """Dewan Badan Kementerian Menteri Peraturan Undang-Undang Keputusan Instruksi Anggaran
    Negara Republik Provinsi Kota Kabupaten Kecamatan Kelurahan Desa Sekretaris Sekretariat Gubernur
    Bupati Walikota Presiden Majelis Mahkamah Komisi Lembaga Kantor Dinas Inspektorat Direktorat Direktur
    Universitas Institut Bank Pengadilan Kejaksaan Kepolisian Tuhan""".split()
)
"""Words that begin an institution's or a regulation's name: the rest of a capitalised run is that name."""

NAME_HEAD_PAIRS = frozenset({("Wali", "Kota"), ("Rencana", "Pembangunan"), ("Rumah", "Sakit"),
                             ("Berita", "Daerah"), ("Berita", "Negara"), ("Lembaran", "Daerah"),
                             ("Lembaran", "Negara"), ("Tambahan", "Lembaran"), ("Tambahan", "Berita")})
"""Two words that begin a name where the first alone does not ('Berita Acara Peninjauan' is not a name)."""

INFORMAL_POSTS = frozenset("Dirjen Kadis Kaban Kabid Kasubag Kasubbag Kabag Kasi Kasie Sekda Sekdis Sekban "
                           "Kakan Kaur Kapus".split())
"""Informal abbreviations of posts (reported by the phrase rules): what follows them is the post's unit name,
not an undefined term."""
PLACE_WORDS = frozenset("Kota Kabupaten Provinsi Pusat Republik Desa Kecamatan Kelurahan".split())
"""'Pemerintah' begins a name only before one of these (or the region's name): 'Pemerintah Kota Parepare'."""

INSTITUTION_HEADS = frozenset(
    """Daerah Wali Walikota Bupati Gubernur Wakil Pemerintah Pemerintahan Perangkat Dewan Sekretaris Sekretariat
    Badan Dinas Kantor Inspektorat Kementerian Menteri Kepala Camat Kecamatan Kelurahan Lurah Desa Kabupaten
    Kota Provinsi Presiden Aparatur Pegawai Pejabat Satuan Unit""".split()
)
"""First words of the general terms (the region, its offices and organs) that lead Ketentuan Umum."""

GENERIC_PHRASES = (
    "instansi pemerintah daerah", "instansi pemerintah pusat", "instansi pemerintah", "instansi vertikal",
    "pemerintah daerah dan dewan perwakilan rakyat daerah", "pemerintah daerah provinsi",
    "pemerintah daerah kabupaten/kota", "pemerintah daerah kabupaten", "pemerintah daerah kota",
    "perangkat daerah provinsi", "perangkat daerah kabupaten/kota", "antar pemerintah daerah",
    "antar perangkat daerah", "kepala daerah dan wakil kepala daerah", "kepala daerah provinsi",
    "kepala daerah kabupaten/kota", "urusan pemerintahan daerah", "pegawai aparatur sipil negara",
    "pegawai negeri sipil", "pegawai pemerintah dengan perjanjian kerja", "calon pegawai negeri sipil",
)
"""Common lower-case phrases that hold the words of a general defined term (Pemerintah Daerah, Perangkat
Daerah, Kepala Daerah) but name something else: any region's office, or the statutory wording quoted in an
'arti' (UU 23/2014 Pasal 1). Inside one of them a lower-case term is not a misspelt use."""

COMPOUND_HEADS = frozenset("instansi antar sesama lintas".split())
"""Words that, before a lower-case multi-word term, make a different compound ('instansi pemerintah
daerah' is any government agency, not the defined Pemerintah Daerah)."""

COMPOUND_TAILS = frozenset("provinsi kabupaten kota kabupaten/kota pusat lain lainnya otonom setempat".split())
"""Words that, after a lower-case multi-word term, make it any region's ('pemerintah daerah provinsi',
'pemerintah daerah lain')."""

_GENERIC_PHRASES = [re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![\w-])")
                    for phrase in GENERIC_PHRASES]

_WORD = re.compile(r"[^\W\d_][\w]*(?:-[\w]+)*")
_MARKUP = re.compile(r"\[\[.*?\]\]", re.S)
_MASK = "\u00a4"


def _masked(text: str) -> str:
    """The text with every ``[[...]]`` replaced by a same-length filler (offsets stay valid)."""
    if "[[" not in text:
        return text
    return _MARKUP.sub(lambda m: _MASK * len(m.group()), text)


def _is_capitalised(word: str) -> bool:
    """``Inovasi``, ``Undang-Undang``; not ``IID`` (an acronym) nor ``inovasi``."""
    return word[:1].isupper() and not word.isupper()


def _title(term: str) -> str:
    """A term as it should be capitalised: every word, particles lower case unless first."""
    words = term.split()
    return " ".join(
        w if (i and w.lower() in PARTICLES) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _occurrence(text: str, needle: str, start: int) -> int:
    """Which occurrence of ``needle`` begins at ``start`` (for ``TextSite.location``); a needle of several
    words is counted whatever white space stands between them (a literal block keeps its line breaks)."""
    if not needle:
        return 0
    if any(c.isspace() for c in needle.strip()):
        return sum(1 for _ in whitespace_folded(needle).finditer(text, 0, start))
    return text.count(needle, 0, start)


def _sentence_start(masked: str, position: int) -> bool:
    """Whether ``position`` begins a sentence: the start of the text or of a line (after a list
    marker), or after '.', '!' or '?'."""
    before = masked[:position]
    line = before[before.rfind("\n") + 1:]
    if re.fullmatch(r"\s*(?:(?:\d+|[a-zA-Z])[.)]|\(\d+\)|[-*+]|#+|>)?\s*", line):
        return True
    return bool(re.search(r"[.!?][\"')\]]*\s+$", before))


# -- defined terms -------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    index: int
    definition: Definition
    variants: tuple[str, ...]
    """The term, then its short form (disingkat/disebut) if any."""

    @property
    def name(self) -> str:
        return self.definition.term.strip()

    @property
    def short(self) -> str | None:
        value = self.definition.abbreviation or self.definition.short_name
        return value.strip() if value else None


@dataclass(frozen=True)
class Use:
    term: Term
    variant: str
    start: int
    end: int
    found: str
    kind: str
    """``exact``, ``caps`` (all capitals, as in a heading), ``lower`` or ``mixed`` (both wrong), ``generic``."""

    @property
    def counts(self) -> bool:
        """Whether this occurrence means the defined term."""
        return self.kind != "generic"

    @property
    def wrong(self) -> bool:
        return self.kind in ("lower", "mixed")


def _clean(value: str) -> str:
    return " ".join(value.split()).rstrip(".,;:")


def terms_of(regulation: Regulation) -> list[Term]:
    out = []
    for index, definition in enumerate(regulation.definitions):
        variants = [_clean(definition.term)]
        short = definition.abbreviation or definition.short_name
        if short and _clean(short):
            variants.append(_clean(short))
        out.append(Term(index, definition, tuple(v for v in variants if v)))
    return out


def _pattern(variant: str) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


_TOKEN = re.compile(r"[\w-]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_-]+")


def _needed_words(variant: str) -> frozenset[str] | None:
    """The words (lower case) that a text must hold as tokens (see :func:`_tokens`) for ``_pattern(variant)``
    to match in it; None when that cannot be told (a word with other characters than ASCII letters, digits,
    '_' and '-'): such a variant is always tried."""
    words = variant.split()
    if not words or not all(_ASCII_WORD.fullmatch(word) for word in words):
        return None
    return frozenset(word.lower() for word in words)


def _tokens(text: str) -> frozenset[str] | None:
    """The maximal runs of [\\w-] characters of an ASCII text, lower case; None for a text that is not ASCII.

    Why a pattern whose needed words are not all tokens cannot match: each word of the pattern is preceded
    by a character that is not [\\w-] (the look-behind, or the \\s+ between words), or by the start, and
    followed by one (\\s+, the look-ahead) or the end, so where it matches each of its words is a whole run.
    Under re.IGNORECASE an ASCII letter matches an ASCII character only when both are the same letter in lower
    case (the other characters it matches -- 'K' (Kelvin sign), 'İ', 'ı', 'ſ' -- are not ASCII: such a text
    is not filtered). Runs are taken from the text itself, not the masked one: masking turns ``[[...]]`` into
    characters that are not [\\w-] either, so the runs outside the markup are the same, and the runs inside
    it only add tokens.
    """
    if not text.isascii():
        return None
    return frozenset(_TOKEN.findall(text.lower()))


class Matcher:
    """Finds the defined terms of one regulation in a text."""

    def __init__(self, terms: list[Term], texts: Iterable[str] = (), folded: str | None = None):
        """``texts``: the texts it will be asked about, if known, and ``folded``, :func:`fold` of them joined
        by line breaks: a term none of them can hold is not tried on any of them."""
        self.terms = terms
        self.entries = [(term, variant, _pattern(variant)) for term in terms for variant in term.variants]
        self._needed = [_needed_words(variant) for _term, variant, _pattern in self.entries]
        self._found: dict[str, tuple[Use, ...]] = {}
        self._corpus: frozenset[str] = frozenset()
        self._live = range(len(self.entries))
        if folded is not None:
            self._corpus = frozenset(texts)
            self._live = [index for index, needed in enumerate(self._needed)
                          if needed is None or all(word in folded for word in needed)]
            if not self._live:
                self._found.update((text, ()) for text in self._corpus)

    def uses(self, text: str, own: Term | None = None) -> list[Use]:
        """Every occurrence of a defined term in ``text``, longest first, not overlapping; occurrences
        of ``own`` (the term whose definition this is) are matched but not returned."""
        found = self._found.get(text)
        if found is None:  # the same texts are asked for by several rules: each is scanned once
            found = self._found[text] = tuple(self._scan(text))
        return [use for use in found if own is None or use.term is not own]

    def _scan(self, text: str) -> list[Use]:
        tokens = _tokens(text)
        masked = _masked(text)
        candidates = []
        for index in (self._live if text in self._corpus else range(len(self.entries))):
            term, variant, pattern = self.entries[index]
            needed = self._needed[index]
            if tokens is not None and needed is not None and not needed <= tokens:
                continue  # a word of the term is not in the text: the pattern cannot match
            for match in pattern.finditer(masked):
                found = " ".join(match.group().split())
                exact = found in (variant, _title(variant)) or (  # capital of a sentence start
                    found[1:] == variant[1:] and found[:1].isupper() and variant[:1].islower()
                    and _sentence_start(masked, match.start()))
                candidates.append((term, variant, match.start(), match.end(), found, exact))
        exact_spans = [(c[2], c[3]) for c in candidates if c[5]]
        chosen: list[tuple] = []
        for candidate in sorted(candidates, key=lambda c: (-len(c[1].split()), -(c[3] - c[2]), c[2])):
            term, variant, start, end, found, exact = candidate
            if any(start < e and s < end for _t, _v, s, e, _f, _x in chosen):
                continue
            if not exact and self._explained(masked, start, end, exact_spans):
                continue  # "inovasi Daerah": a generic word before the defined "Daerah"
            chosen.append(candidate)
        return [Use(term, variant, start, end, found, self._kind(masked, variant, start, end, found, exact, term))
                for term, variant, start, end, found, exact in sorted(chosen, key=lambda c: c[2])]

    @staticmethod
    def _explained(masked: str, start: int, end: int, exact_spans: list[tuple[int, int]]) -> bool:
        """Mixed case whose capitals all belong to shorter defined terms written exactly."""
        inner = [(s, e) for s, e in exact_spans if start <= s and e <= end and (s, e) != (start, end)]
        if not inner:
            return False
        for word in _WORD.finditer(masked, start, end):
            covered = any(s <= word.start() and word.end() <= e for s, e in inner)
            if not covered and not word.group()[:1].islower():
                return False
        return True

    @staticmethod
    def _kind(masked: str, variant: str, start: int, end: int, found: str, exact: bool, term: Term) -> str:
        if exact:
            return "exact"
        letters = [c for c in found if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            return "caps"
        if found != found.lower():
            return "mixed"
        if len(variant.split()) == 1 and variant == term.name and _generic(masked, start, end):
            return "generic"
        if len(variant.split()) > 1 and _generic_compound(masked, start, end) or _in_generic_phrase(masked, start,
                                                                                                     end):
            return "generic"
        return "lower"


MODIFIER_WORDS = frozenset("daerah kota kabupaten provinsi desa negara pusat nasional publik masyarakat".split())
"""Single-word terms whose word also qualifies another noun ('pemerintah daerah', 'kas negara'): after a
lower-case noun such a word is generic. Other single-word terms ('Reklame', 'Pegawai') are uses even there
('penyelenggaraan reklame' is a misspelt use of a defined 'Reklame')."""


def _generic(masked: str, start: int, end: int) -> bool:
    """A lower-case single word used generically: 'daerah lain', 'pemerintah daerah', 'daerah otonom',
    'Perangkat daerah' at the start of a sentence."""
    after = re.match(r"\s+([^\W\d_][\w-]*)", masked[end:])
    if after and after.group(1) in GENERIC_MODIFIERS:
        return True
    if masked[start:end].lower() not in MODIFIER_WORDS:
        return False
    before = re.search(r"([^\W\d_][\w-]*)\s+$", masked[:start])
    if not before or before.group(1).lower() in FUNCTION_WORDS:
        return False
    word = before.group(1)
    return word.islower() or (word[1:].islower() and _sentence_start(masked, before.start(1)))


def _generic_compound(masked: str, start: int, end: int) -> bool:
    """A lower-case multi-word term that is part of another compound: inside one of :data:`GENERIC_PHRASES`,
    after one of :data:`COMPOUND_HEADS`, or before one of :data:`COMPOUND_TAILS`."""
    before = re.search(r"([^\W\d_][\w-]*)\s+$", masked[max(0, start - 40):start])
    if before and before.group(1) in COMPOUND_HEADS:
        return True
    after = re.match(r"\s+([^\W\d_][\w/-]*)", masked[end:end + 40])
    if after and (after.group(1) in COMPOUND_TAILS or after.group(1).split("/")[0] in COMPOUND_TAILS):
        return True
    return _in_generic_phrase(masked, start, end)


def _in_generic_phrase(masked: str, start: int, end: int) -> bool:
    """Whether ``masked[start:end]`` lies inside one of :data:`GENERIC_PHRASES`."""
    window_start = max(0, start - 80)
    window = masked[window_start:end + 80]
    return any(m.start() + window_start <= start and end <= m.end() + window_start
               for pattern in _GENERIC_PHRASES for m in pattern.finditer(window))


def _terms_and_matcher(draft: Draft) -> tuple[list[Term], Matcher]:
    """The defined terms of a draft and their matcher, shared by the rules (each text is scanned once)."""
    shared = draft.shared.get("terms")
    if shared is None:
        terms = terms_of(draft.regulation)
        shared = draft.shared["terms"] = (terms, Matcher(terms, (site.text for site in draft.texts()),
                                                         draft.folded()))
    return shared


def _own(site: TextSite, terms: list[Term]) -> Term | None:
    if site.kind == "arti":
        return next((t for t in terms if t.definition is site.model), None)
    return None


def _name_spans(draft: Draft, context: LintContext, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where proper names (:func:`~rancang.lint.context.proper_names`, not the defined terms) and quoted titles
    of regulations (:func:`~rancang.lint.context.quoted_titles`) stand in ``text``: (names, titles)."""
    cache = draft.shared.setdefault("name_spans", {})
    spans = cache.get(text)
    if spans is None:
        names = proper_names(draft, context.data)
        titles = [(q.start, q.end) for q in quoted_titles(text, context.data.catalogue)] if "tentang" in text else []
        spans = cache[text] = (names.spans(text), titles)
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


BODY_KINDS = ("pasal", "ayat", "butir", "penutup", "lampiran", "diktum")
"""Texts of the body in which the order of first use is counted (with the definitions' meanings)."""


# -- BAB, Bagian, Paragraf -----------------------------------------------------------------

def _groups(items: Iterable) -> Iterator[Chapter | Part | Division]:
    for item in items:
        if isinstance(item, (Chapter, Part, Division)):
            yield item
            yield from _groups(item.content)


def _heading(title: str) -> str:
    return " ".join(title.upper().split()).rstrip(".,;:!? ")


_SHORT_BODY = """
        batang_tubuh:
          - bab: {title}
            isi:
              - teks: Wali Kota menetapkan Inovasi Daerah dalam penyelenggaraan Pemerintahan Daerah.
"""


_TWO_CHAPTERS = """
        batang_tubuh:
          - bab: PENYELENGGARAAN INOVASI DAERAH
            isi:
              - teks: Wali Kota menetapkan Inovasi Daerah dalam penyelenggaraan Pemerintahan Daerah.
          - bab: {title}
            isi:
              - teks: Wali Kota melaporkan Inovasi Daerah kepada Menteri.
"""


@rule(
    "L530", "BAB KETENTUAN UMUM atau KETENTUAN PENUTUP tidak di tempatnya", ERROR,
    "Batang tubuh diawali BAB KETENTUAN UMUM dan diakhiri BAB KETENTUAN PENUTUP (Lampiran II UU 12/2011, "
    "sistematika batang tubuh). rancang menaruh Pasal ketentuan umum dari 'ketentuan_umum' sebagai pasal pertama "
    "BAB pertama bila BAB itu berjudul KETENTUAN UMUM, dan pasal pencabutan serta saat mulai berlaku dari "
    "'ketentuan_penutup' di akhir BAB terakhir bila BAB itu berjudul KETENTUAN PENUTUP; bila tidak, BAB itu dibuat "
    "sendiri. BAB KETENTUAN UMUM yang bukan BAB pertama, atau KETENTUAN PENUTUP yang bukan BAB terakhir, salah "
    "tempat dan membuat judul itu muncul dua kali.",
    wrong=Example("regulasi", _TWO_CHAPTERS.format(title="KETENTUAN UMUM")),
    right=Example("regulasi", _TWO_CHAPTERS.format(title="KETENTUAN PENUTUP")),
)
def generated_chapters(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        chapters = [element for element in draft.regulation.body if isinstance(element, Chapter)]
        for index, element in enumerate(chapters):
            heading = _heading(element.title)
            if heading == "KETENTUAN UMUM" and index > 0:
                yield diagnostic("L530", f"BAB {quote(element.title)} bukan BAB pertama", locate(element, "title"),
                                 "pindahkan BAB ini ke awal batang_tubuh, atau hapus BAB ini dan tulis istilah dan "
                                 "artinya di 'ketentuan_umum'")
            elif heading == "KETENTUAN PENUTUP" and index < len(chapters) - 1:
                yield diagnostic("L530", f"BAB {quote(element.title)} bukan BAB terakhir", locate(element, "title"),
                                 "pindahkan BAB ini ke akhir batang_tubuh; pencabutan dan saat mulai berlaku diisi "
                                 "di 'ketentuan_penutup'")


@rule(
    "L531", "Urutan BAB KETENTUAN PERALIHAN atau KETENTUAN LAIN-LAIN salah", ERROR,
    "Ketentuan peralihan, bila ada, ditempatkan dalam BAB tersendiri tepat sebelum BAB KETENTUAN PENUTUP, "
    "dan ketentuan lain-lain mendahuluinya (Lampiran II UU 12/2011, sistematika batang tubuh; juga praktik "
    "peraturan daerah). KETENTUAN PERALIHAN harus BAB terakhir yang ditulis, atau tepat sebelum BAB terakhir "
    "bila BAB itu berjudul KETENTUAN PENUTUP.",
    wrong=Example("regulasi", """
        batang_tubuh:
          - bab: KETENTUAN PERALIHAN
            isi:
              - teks: Inovasi Daerah yang telah dilaksanakan sebelum Peraturan Wali Kota ini diundangkan tetap
                  dilaksanakan.
          - bab: PENYELENGGARAAN INOVASI DAERAH
            isi:
              - teks: Wali Kota menetapkan Inovasi Daerah dalam penyelenggaraan Pemerintahan Daerah.
    """),
    right=Example("regulasi", """
        batang_tubuh:
          - bab: PENYELENGGARAAN INOVASI DAERAH
            isi:
              - teks: Wali Kota menetapkan Inovasi Daerah dalam penyelenggaraan Pemerintahan Daerah.
          - bab: KETENTUAN PERALIHAN
            isi:
              - teks: Inovasi Daerah yang telah dilaksanakan sebelum Peraturan Wali Kota ini diundangkan tetap
                  dilaksanakan.
    """),
)
def transitional_chapter_last(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        chapters = [c for c in draft.regulation.body if isinstance(c, Chapter)]
        headings = [_heading(c.title) for c in chapters]
        for index, (chapter, heading) in enumerate(zip(chapters, headings)):
            if heading != "KETENTUAN PERALIHAN":
                continue
            later = [c for position, (c, h) in enumerate(zip(chapters[index + 1:], headings[index + 1:]),
                                                          start=index + 1)
                     if h not in ("KETENTUAN PERALIHAN", "KETENTUAN LAIN-LAIN")
                     and not (h == "KETENTUAN PENUTUP" and position == len(chapters) - 1)]
            if later:
                yield diagnostic(
                    "L531", f"BAB {quote(chapter.title)} diikuti BAB {quote(later[0].title)}",
                    locate(chapter, "title"), "pindahkan BAB ini ke akhir, tepat sebelum KETENTUAN PENUTUP")
            for other, other_heading in zip(chapters[index + 1:], headings[index + 1:]):
                if other_heading == "KETENTUAN LAIN-LAIN":
                    yield diagnostic(
                        "L531", f"BAB {quote(other.title)} ditempatkan sesudah BAB {quote(chapter.title)}",
                        locate(other, "title"), "pindahkan BAB ini sebelum KETENTUAN PERALIHAN")
            break


_GROUP_WORD = {Chapter: "BAB", Part: "Bagian", Division: "Paragraf"}


@rule(
    "L532", "Judul BAB, Bagian, atau Paragraf diakhiri tanda baca", ERROR,
    "Judul BAB, Bagian, dan Paragraf berdiri sendiri di bawah nomornya, tanpa tanda baca di akhir (contoh-contoh "
    "Lampiran II UU 12/2011; praktik penyusunan).",
    wrong=Example("regulasi", _SHORT_BODY.format(title="PENYELENGGARAAN INOVASI DAERAH.")),
    right=Example("regulasi", _SHORT_BODY.format(title="PENYELENGGARAAN INOVASI DAERAH")),
)
def group_title_punctuation(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for group in _groups(draft.regulation.body):
            title = group.title.rstrip()
            if title and title[-1] in ".,;:!?":
                word = _GROUP_WORD[type(group)]
                yield diagnostic("L532", f"judul {word} {quote(title)} diakhiri '{title[-1]}'", locate(group, "title"),
                                 f"tulis {quote(title.rstrip('.,;:!? '))}")


# -- Ketentuan Umum ------------------------------------------------------------------------

@rule(
    "L540", "Tanda baca di akhir istilah atau artinya diketik sendiri", WARNING,
    "Setiap batasan pengertian diakhiri titik (Lampiran II UU 12/2011, teknik ketentuan umum); rancang "
    "menambahkannya sendiri pada 'arti'. Istilah, singkatan, dan sebutannya tidak diberi tanda baca, karena "
    "rancang menyambungnya dengan '... yang selanjutnya disingkat ... adalah ...'.",
    wrong=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare.
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
    right=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
)
def definition_punctuation(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for definition in draft.regulation.definitions:
            meaning = definition.meaning.rstrip()
            if meaning and meaning[-1] in ".;,:":
                tail = meaning.split()[-1]
                site = TextSite("arti", definition.meaning, definition, "meaning")
                yield diagnostic("L540", f"arti istilah {quote(definition.term)} diakhiri '{meaning[-1]}': "
                                         f"{quote(tail)}", site.location(tail, definition.meaning.count(tail) - 1),
                                 f"hapus '{meaning[-1]}'; titik ditambahkan otomatis")
            for attribute, what in (("term", "istilah"), ("abbreviation", "singkatan"), ("short_name", "sebutan")):
                value = (getattr(definition, attribute) or "").rstrip()
                if value and value[-1] in ".;,:":
                    yield diagnostic("L540", f"{what} {quote(value)} diakhiri '{value[-1]}'",
                                     locate(definition, attribute), f"tulis {quote(value.rstrip('.;,: '))}")


@rule(
    "L541", "Istilah tidak ditulis dengan huruf kapital pada setiap kata", ERROR,
    "Istilah yang didefinisikan ditulis dengan huruf awal kapital pada setiap katanya (kata tugas seperti "
    "'dan', 'atau', 'yang' tetap huruf kecil kecuali di awal); singkatan dan sebutannya juga diawali huruf "
    "kapital (Lampiran II UU 12/2011, teknik ketentuan umum; Buku Tanya Jawab Perda dan Perkada).",
    wrong=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
    right=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
)
def term_capitalisation(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for definition in draft.regulation.definitions:
            for attribute, what in (("term", "istilah"), ("short_name", "sebutan")):
                value = _clean(getattr(definition, attribute) or "")
                if value and value != _title(value):
                    yield diagnostic("L541", f"{what} {quote(value)} tidak berhuruf kapital pada setiap kata",
                                     locate(definition, attribute), f"tulis {quote(_title(value))}")
            value = _clean(definition.abbreviation or "")
            if value and value[:1].isalpha() and not value[:1].isupper():
                yield diagnostic("L541", f"singkatan {quote(value)} tidak diawali huruf kapital",
                                 locate(definition, "abbreviation"), f"tulis {quote(value[:1].upper() + value[1:])}")


def _names_region(term: Term, context: LintContext) -> bool:
    """Whether the term is the region or its head itself: 'Daerah adalah Kota Parepare', 'Wali Kota adalah
    Wali Kota Parepare'. Every Ketentuan Umum opens with them; they name what the whole regulation is about."""
    settings = context.settings
    if settings is None:
        return False
    names = {settings.region_full_name, settings.office_title, settings.head_title}
    return _clean(term.definition.meaning) in names


def _institutional(term: Term, context: LintContext) -> bool:
    """A general term that conventionally leads Ketentuan Umum: the region, its head and organs."""
    first = term.name.split()[0] if term.name.split() else ""
    return first in INSTITUTION_HEADS or _names_region(term, context)


@rule(
    "L542", "Urutan istilah tidak mengikuti urutan pemakaiannya", WARNING,
    "Batasan pengertian disusun dari yang umum ke yang khusus dan menurut urutan kemunculannya dalam pasal-pasal; "
    "istilah yang dipakai dalam arti istilah lain didefinisikan lebih dahulu (Lampiran II UU 12/2011, teknik "
    "ketentuan umum). Istilah umum tentang daerah, kepala daerah, dan perangkatnya (Daerah, Wali Kota, "
    "Pemerintah Daerah, Perangkat Daerah, Menteri, ...) boleh mendahului urutan itu menurut hierarkinya.",
    wrong=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
    """),
    right=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
)
def definition_order(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        terms, matcher = _terms_and_matcher(draft)
        if len(terms) < 2:
            continue
        first: dict[int, tuple[int, int]] = {}
        used_in: dict[int, set[int]] = {t.index: set() for t in terms}  # term -> definitions whose arti uses it
        sequence = 0
        for site in draft.texts():
            if site.kind == "arti":
                own = _own(site, terms)
                if own is None:
                    continue
                position = (0, own.index)
            elif site.kind in BODY_KINDS:
                own, position = None, (1, sequence)
                sequence += 1
            else:
                continue
            for use in matcher.uses(site.text, own):
                if not use.counts:
                    continue
                if own is not None:
                    used_in[use.term.index].add(own.index)
                if use.term.index not in first or position < first[use.term.index]:
                    first[use.term.index] = position
        general = {t.index for t in terms if _institutional(t, context)}
        flagged: set[int] = set()
        # A term used in the meaning of an earlier term comes before it.
        for term in terms:
            for user in sorted(used_in[term.index]):
                if user < term.index and term.index not in used_in[user] and not (
                        term.index in general and user in general) and term.index not in flagged:
                    flagged.add(term.index)
                    yield _order(term, terms[user], f"dipakai dalam arti {quote(terms[user].name)}")
        # The specific terms follow the order of their first use.
        specific = [t for t in terms if t.index in first and t.index not in general]
        for position, (before, after) in enumerate(zip(specific, specific[1:])):
            if first[after.index] < first[before.index] and after.index not in flagged:
                flagged.add(after.index)
                # name the first term it should precede, not only its neighbour
                target = next(t for t in specific[:position + 1] if first[t.index] > first[after.index])
                yield _order(after, target, f"dipakai lebih dahulu daripada {quote(target.name)}")


def _order(term: Term, before: Term, why: str) -> Diagnostic:
    return diagnostic("L542", f"istilah {quote(term.name)} {why}, tetapi didefinisikan sesudahnya",
                      locate(term.definition, "term"), f"pindahkan definisinya sebelum {quote(before.name)}")


@rule(
    "L543", "Istilah yang didefinisikan ditulis dengan huruf kecil", ERROR,
    "Istilah yang didefinisikan dalam Ketentuan Umum ditulis dengan huruf awal kapital pada setiap katanya di "
    "mana pun dipakai, termasuk singkatan dan sebutannya (Buku Tanya Jawab Perda dan Perkada; Lampiran II UU "
    "12/2011). Kata yang sama dalam arti umum ('daerah lain', 'pemerintah daerah') tetap huruf kecil.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan
            inovasi daerah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan
            Inovasi Daerah
    """),
)
def terms_capitalised_in_use(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        terms, matcher = _terms_and_matcher(draft)
        for site in draft.texts():
            if site.kind == "judul":
                continue
            for use in matcher.uses(site.text, _own(site, terms)):
                if use.wrong and not _inside(sum(_name_spans(draft, context, site.text), []), use.start, use.end):
                    expected = use.variant if use.variant != use.term.name else _title(use.variant)
                    yield diagnostic("L543", f"{quote(use.found)} ditulis tidak seperti istilah yang didefinisikan "
                                             f"{quote(expected)}",
                                     site.location(use.found, _occurrence(site.text, use.found, use.start)),
                                     f"tulis {quote(expected)}")


def _region_words(context: LintContext) -> frozenset[str]:
    settings = context.settings
    if settings is None:
        return frozenset()
    region = settings.region
    names = [region.name, region.province, region.capital or ""]
    return frozenset(w for name in names for w in name.split() if _is_capitalised(w))


@dataclass
class _Token:
    word: str
    start: int
    end: int
    label: str = ""
    """D (defined term), N (name), P (particle), S (capital of a sentence start), U (undefined capital)."""


def _runs(masked: str) -> Iterator[list[_Token]]:
    """Runs of capitalised words separated only by spaces, with particles between them."""
    chain: list[_Token] = []
    previous_end = None

    def flush(chain: list[_Token]) -> Iterator[list[_Token]]:
        run: list[_Token] = []
        pending: list[_Token] = []
        for token in chain + [_Token("", 0, 0)]:
            if token.word and _is_capitalised(token.word):
                if run:
                    run.extend(pending)
                run.append(token)
                pending = []
            elif token.word.lower() in PARTICLES and run and token.word.islower():
                pending.append(token)
            else:
                if run:
                    yield run
                run, pending = [], []

    for match in _WORD.finditer(masked):
        if previous_end is not None and masked[previous_end:match.start()].strip():
            yield from flush(chain)
            chain = []
        chain.append(_Token(match.group(), match.start(), match.end()))
        previous_end = match.end()
    yield from flush(chain)


def _label(run: list[_Token], exact: dict[int, int], region: frozenset[str], sentence_start: bool) -> None:
    index = 0
    while index < len(run):
        token = run[index]
        if token.label:
            index += 1
            continue
        if token.word.islower():
            token.label = "P"
        elif (token.start in exact and exact[token.start] == token.end and token.word in NAME_HEADS
              and index + 1 < len(run) and run[index + 1].label != "P" and not run[index + 1].word.islower()):
            for other in run[index:]:  # 'Dinas Komunikasi dan Informatika': a defined 'Dinas' begins a name
                other.label = "N"
            break
        elif token.start in exact:
            end = exact[token.start]
            for other in run[index:]:
                if other.end <= end:
                    other.label = "D"
        else:
            following = run[index + 1].word if index + 1 < len(run) else ""
            if token.word in NAME_HEADS or token.word in INFORMAL_POSTS or (token.word, following) in NAME_HEAD_PAIRS or (
                    token.word == "Pemerintah" and (following in PLACE_WORDS or following in region)):
                for other in run[index:]:
                    other.label = "N"
                break
            token.label = "N" if token.word in region else "U"
        index += 1
    if sentence_start and run[0].label == "U":
        run[0].label = "S"


def _undefined_phrase(run: list[_Token]) -> tuple[int, int] | None:
    """The span of a capitalised phrase that looks like a term but is not defined, if any."""
    capitals = [t for t in run if t.label != "P"]
    undefined = [i for i, t in enumerate(run) if t.label == "U"]
    if not undefined:
        return None
    adjacent = any(0 < i and run[i - 1].label == "D" or i + 1 < len(run) and run[i + 1].label == "D"
                   for i in undefined)
    if len(undefined) < 2 and not adjacent:
        return None
    if len([t for t in capitals if t.label in "UD"]) < 2:
        return None
    first = next(i for i, t in enumerate(run) if t.label in "UD")
    last = first
    for i in range(first, len(run)):
        if run[i].label == "N" or run[i].label == "S":
            break
        if run[i].label in "UD":
            last = i
    return run[first].start, run[last].end


_TWO_ASCII_CAPITALS = re.compile(r"[A-Z][^A-Z]*[A-Z]")


def _may_hold_phrase(text: str) -> bool:
    """False when the text cannot hold a run of two capitalised words: it is ASCII and has fewer than two
    capital letters (every capitalised word begins with one)."""
    return not text.isascii() or _TWO_ASCII_CAPITALS.search(text) is not None


_NOT_SENTENCE = ("butir", "penutup", "arti")
"""Texts that continue a sentence: a capital at their start is not a sentence's."""


def _suffixed(draft: Draft, terms: list[Term]) -> list[re.Pattern]:
    """Patterns of the defined terms written with the suffix -nya ('Kelas Jabatannya'), once per draft."""
    patterns = draft.shared.get("suffixed")
    if patterns is None:
        patterns = draft.shared["suffixed"] = [
            re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in variant.split()) + r"nya(?![\w-])")
            for term in terms for variant in term.variants if variant[:1].isupper()]
    return patterns


@rule(
    "L544", "Frasa berhuruf kapital seperti istilah, tetapi tidak didefinisikan", WARNING,
    "Istilah yang tidak didefinisikan dalam Ketentuan Umum ditulis dengan huruf kecil (Buku Tanya Jawab Perda "
    "dan Perkada; Lampiran II UU 12/2011). Pemeriksaan ini perkiraan: dua kata berhuruf kapital atau lebih di "
    "tengah kalimat yang bukan istilah, bukan nama lembaga atau peraturan (Dewan ..., Peraturan ..., "
    "Kota ...), dan bukan nama daerah; matikan dengan 'pemeriksaan: abaikan' bila nama itu memang nama diri.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan
            Inovasi Daerah
          - bahwa Inovasi Daerah perlu dibina oleh Tim Pembina agar terarah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan
            Inovasi Daerah
          - bahwa Inovasi Daerah perlu dibina oleh tim pembina agar terarah
    """),
)
def undefined_capitalised_phrases(context: LintContext) -> Iterator[Diagnostic]:
    region = _region_words(context)
    for draft in context.drafts:
        _terms, matcher = _terms_and_matcher(draft)
        for site in draft.texts():
            if site.kind == "judul" or not _may_hold_phrase(site.text):
                continue
            masked = _masked(site.text)
            if site.kind == "lampiran":  # headings and table rows of Markdown are titles, not sentences
                masked = re.sub(r"(?m)^[ \t]*[#|].*$", lambda m: _MASK * len(m.group()), masked)
            names, titles = _name_spans(draft, context, site.text)
            for start, end in names + titles:  # unit names, posts, ranks, quoted titles: names, not terms
                masked = masked[:start] + _MASK * (end - start) + masked[end:]
            exact = {}
            for use in matcher.uses(site.text):
                if use.kind != "exact":
                    continue
                if "," in use.found:  # 'Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan'
                    masked = masked[:use.start] + _MASK * (use.end - use.start) + masked[use.end:]
                else:
                    exact[use.start] = use.end
            if "nya" in masked:  # 'Kelas Jabatannya': a defined term with the suffix -nya
                for pattern in _suffixed(draft, _terms):
                    for m in pattern.finditer(masked):
                        masked = masked[:m.start()] + _MASK * (m.end() - m.start()) + masked[m.end():]
            seen: set[str] = set()
            for run in _runs(masked):
                if len(run) < 2:
                    continue  # one capitalised word: never a phrase (see _undefined_phrase)
                at_start = _sentence_start(masked, run[0].start) and not (
                    site.kind in _NOT_SENTENCE and not masked[:run[0].start].strip())
                _label(run, exact, region, at_start)
                span = _undefined_phrase(run)
                if span is None:
                    continue
                phrase = " ".join(site.text[span[0]:span[1]].split())
                if phrase in seen:
                    continue
                seen.add(phrase)
                yield diagnostic("L544", f"frasa {quote(phrase)} berhuruf kapital seperti istilah, tetapi tidak "
                                         "didefinisikan",
                                 site.location(site.text[span[0]:span[1]],
                                               _occurrence(site.text, site.text[span[0]:span[1]], span[0])),
                                 "tulis dengan huruf kecil, atau nyatakan sebagai nama diri dalam 'nama_diri'"
                                 if draft.regulation.is_decree else
                                 "tulis dengan huruf kecil, atau definisikan dalam 'ketentuan_umum'")


@rule(
    "L545", "Istilah didefinisikan tetapi tidak dipakai", WARNING,
    "Batasan pengertian hanya dibuat untuk istilah yang dipakai dalam peraturan, biasanya berulang kali "
    "(Lampiran II UU 12/2011, teknik ketentuan umum). Singkatan atau sebutan yang tidak pernah dipakai juga tidak "
    "perlu. Istilah yang menyebut daerah dan kepala daerahnya sendiri ('Daerah adalah Kota Parepare', 'Wali Kota "
    "adalah Wali Kota Parepare') tidak diperiksa: setiap Ketentuan Umum dibuka dengan keduanya.",
    wrong=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
          - istilah: Inisiator
            arti: pihak yang mengusulkan Inovasi Daerah
    """),
    right=Example("regulasi", """
        ketentuan_umum:
          - istilah: Daerah
            arti: Kota Parepare
          - istilah: Wali Kota
            arti: Wali Kota Parepare
          - istilah: Pemerintahan Daerah
            arti: penyelenggaraan urusan pemerintahan oleh pemerintah daerah dan dewan perwakilan rakyat daerah
          - istilah: Inovasi Daerah
            arti: semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah
    """),
)
def unused_terms(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        terms, matcher = _terms_and_matcher(draft)
        if not terms:
            continue
        used: set[tuple[int, str]] = set()
        for site in draft.texts():
            uses = matcher.uses(site.text, _own(site, terms))
            titles = _name_spans(draft, context, site.text)[1] if uses else []
            for use in uses:
                # a lower-case use is an error (L543), not a use; a quoted title is the title, not the term
                if use.counts and not use.wrong and not _inside(titles, use.start, use.end):
                    used.add((use.term.index, use.variant))
        for term in terms:
            if _names_region(term, context):
                continue
            if not any((term.index, v) in used for v in term.variants):
                yield diagnostic("L545", f"istilah {quote(term.name)} tidak dipakai di luar definisinya",
                                 locate(term.definition, "term"), "hapus definisinya, atau pakai istilahnya")
            elif term.short and (term.index, term.short) not in used:
                attribute, what, key = (("abbreviation", "singkatan", "disingkat") if term.definition.abbreviation
                                         else ("short_name", "sebutan", "disebut"))
                yield diagnostic("L545", f"{what} {quote(term.short)} untuk {quote(term.name)} tidak pernah dipakai",
                                 locate(term.definition, attribute), f"hapus '{key}', atau pakai {quote(term.short)}")


# -- rincian -------------------------------------------------------------------------------

_LIST_BODY = """
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - teks: {lead}
                rincian:
                  sifat: alternatif
                  butir:
                    - {first}
                    - inovasi pelayanan publik
"""

_TYPED_ENDING = re.compile(r"(?:[;,]\s*|\s)(?:dan/atau|dan|atau)$|[;.,]$")


@rule(
    "L550", "Tanda baca atau kata sambung di akhir butir diketik sendiri", ERROR,
    "Setiap butir rincian diakhiri titik koma, butir sebelum yang terakhir diberi 'dan', 'atau', atau "
    "'dan/atau' sesuai sifat rinciannya, dan butir terakhir diakhiri titik (Lampiran II UU 12/2011, teknik "
    "tabulasi). rancang menambahkan semuanya dari 'sifat'; yang diketik sendiri menjadi ganda atau salah bila "
    "butir dipindahkan.",
    wrong=Example("regulasi", _LIST_BODY.format(lead='"Wali Kota menetapkan Inovasi Daerah yang berbentuk:"',
                                                first="inovasi tata kelola Pemerintahan Daerah; atau")),
    right=Example("regulasi", _LIST_BODY.format(lead='"Wali Kota menetapkan Inovasi Daerah yang berbentuk:"',
                                                first="inovasi tata kelola Pemerintahan Daerah")),
)
def typed_item_endings(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind != "butir":
                continue
            text = site.text.rstrip()
            match = _TYPED_ENDING.search(text)
            if match is None:
                continue
            ending = match.group().strip()
            yield diagnostic("L550", f"butir {quote(text)} diakhiri {quote(ending)}",
                             site.location(ending, max(text.count(ending) - 1, 0)),
                             f"hapus {quote(ending)}; tanda baca dan kata sambung dibuat dari 'sifat'")


@rule(
    "L551", "Butir rincian diawali huruf kapital", WARNING,
    "Butir rincian melanjutkan kalimat pengantarnya, jadi diawali huruf kecil (Lampiran II UU 12/2011, teknik "
    "tabulasi), kecuali kata pertamanya bagian dari istilah yang didefinisikan atau nama diri.",
    wrong=Example("regulasi", _LIST_BODY.format(lead='"Wali Kota menetapkan Inovasi Daerah yang berbentuk:"',
                                                first="Inovasi tata kelola Pemerintahan Daerah")),
    right=Example("regulasi", _LIST_BODY.format(lead='"Wali Kota menetapkan Inovasi Daerah yang berbentuk:"',
                                                first="inovasi tata kelola Pemerintahan Daerah")),
)
def items_start_lower_case(context: LintContext) -> Iterator[Diagnostic]:
    region = _region_words(context)
    for draft in context.drafts:
        _terms, matcher = _terms_and_matcher(draft)
        for site in draft.texts():
            if site.kind != "butir":
                continue
            masked = _masked(site.text)
            words = list(_WORD.finditer(masked))
            if not words or masked[:words[0].start()].strip():
                continue
            first = words[0].group()
            if not _is_capitalised(first) or first in NAME_HEADS or first in region:
                continue
            following = words[1].group() if len(words) > 1 else ""
            if (first, following) in NAME_HEAD_PAIRS or first == "Pemerintah" and following in PLACE_WORDS:
                continue
            if _is_capitalised(following) and not masked[words[0].end():words[1].start()].strip():
                continue  # a capitalised phrase: L544 judges it
            if any(use.start == words[0].start() and use.kind == "exact" for use in matcher.uses(site.text)):
                continue
            if any(s <= words[0].start() < e for s, e in _name_spans(draft, context, site.text)[0]):
                continue  # a unit's or post's name: 'Sekretariat', 'Bidang Pelayanan'
            yield diagnostic("L551", f"butir {quote(site.text)} diawali huruf kapital", site.location(first),
                             f"tulis {quote(first[:1].lower() + first[1:])}")


@rule(
    "L552", "Rincian lebih dari empat tingkat", ERROR,
    "Rincian paling banyak empat tingkat: a., 1., a), 1) (Lampiran II UU 12/2011, teknik tabulasi). Rincian "
    "yang lebih dalam dipecah menjadi pasal atau ayat tersendiri.",
    wrong=Example("regulasi", """
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - teks: "Wali Kota menetapkan Inovasi Daerah yang berbentuk:"
                rincian:
                  sifat: alternatif
                  butir:
                    - teks: "inovasi tata kelola Pemerintahan Daerah, meliputi:"
                      rincian:
                        sifat: kumulatif
                        butir:
                          - teks: "perencanaan, berupa:"
                            rincian:
                              sifat: kumulatif
                              butir:
                                - teks: "penyusunan dokumen perencanaan, terdiri atas:"
                                  rincian:
                                    sifat: kumulatif
                                    butir:
                                      - teks: "dokumen jangka menengah, terdiri atas:"
                                        rincian:
                                          sifat: kumulatif
                                          butir:
                                            - rancangan awal
                                            - rancangan akhir
                                      - dokumen tahunan
                                - pengendalian perencanaan
                          - penganggaran
                    - inovasi pelayanan publik
    """),
    right=Example("regulasi", """
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - teks: "Wali Kota menetapkan Inovasi Daerah yang berbentuk:"
                rincian:
                  sifat: alternatif
                  butir:
                    - teks: "inovasi tata kelola Pemerintahan Daerah, meliputi:"
                      rincian:
                        sifat: kumulatif
                        butir:
                          - teks: "perencanaan, berupa:"
                            rincian:
                              sifat: kumulatif
                              butir:
                                - teks: "penyusunan dokumen perencanaan, terdiri atas:"
                                  rincian:
                                    sifat: kumulatif
                                    butir:
                                      - id: dokumen-jangka-menengah
                                        teks: dokumen jangka menengah
                                      - dokumen tahunan
                                - pengendalian perencanaan
                          - penganggaran
                    - inovasi pelayanan publik
              - teks: "Dokumen jangka menengah [[dokumen-jangka-menengah]] terdiri atas:"
                rincian:
                  sifat: kumulatif
                  butir:
                    - rancangan awal
                    - rancangan akhir
    """),
)
def list_depth(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for article in draft.document.articles():
            if article.source is None:
                continue
            for clause in article.clauses:
                yield from _too_deep(clause.points)


def _too_deep(points: list[Point]) -> Iterator[Diagnostic]:
    for point in points:
        if point.source is None:
            continue
        if point.depth >= 4 and point.points:
            yield diagnostic("L552", f"rincian di bawah butir {quote(point.source.text)} menjadi tingkat kelima",
                             locate(point.source, "items"),
                             "pecah menjadi pasal atau ayat tersendiri yang merujuk butir ini")
        else:
            yield from _too_deep(point.points)


@rule(
    "L553", "Kalimat pengantar rincian tidak diakhiri titik dua", WARNING,
    "Kalimat yang mengantar rincian diakhiri titik dua dan setiap butir dapat dibaca sebagai lanjutannya "
    "(Lampiran II UU 12/2011, teknik tabulasi). rancang menambahkan titik dua, tetapi kalimat yang tidak ditulis "
    "sebagai pengantar bisa terbaca salah.",
    wrong=Example("regulasi", _LIST_BODY.format(lead="Wali Kota menetapkan Inovasi Daerah yang berbentuk",
                                                first="inovasi tata kelola Pemerintahan Daerah")),
    right=Example("regulasi", _LIST_BODY.format(lead='"Wali Kota menetapkan Inovasi Daerah yang berbentuk:"',
                                                first="inovasi tata kelola Pemerintahan Daerah")),
)
def lead_in_colon(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        for site in draft.texts():
            if site.kind not in ("pasal", "ayat", "butir", "diktum") or getattr(site.model, "items", None) is None:
                continue
            text = site.text.rstrip()
            if not text.endswith(":"):
                tail = text.split()[-1] if text.split() else text
                yield diagnostic("L553", f"kalimat pengantar rincian {quote(text)} tidak diakhiri ':'",
                                 site.location(tail, max(text.count(tail) - 1, 0)) if tail else site.location(),
                                 "akhiri dengan ':' dan pastikan setiap butir melanjutkan kalimat ini")

