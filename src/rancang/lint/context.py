"""What rules see: the validated project, each regulation's numbered tree, and
every hand-written text with where it sits (file, line, column, Pasal, ayat)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from rancang.diagnostics import Diagnostic, Location
from rancang.layout import Layout, is_skeleton
from rancang.drafting.tree import Article, Clause, Dictum, Document, Group, Point
from rancang.models import ProjectData
from rancang.models.base import Model
from rancang.models.regulation import Regulation
from rancang.locations import locate, locate_in_text


@dataclass(frozen=True)
class TextSite:
    """One text an author wrote in a regulation."""

    kind: str
    """``menimbang``, ``arti``, ``pasal``, ``ayat``, ``butir``, ``penutup``, ``lampiran``, ``judul``; in a
    Keputusan also ``diktum`` (its rincian: ``butir`` and ``penutup`` with ``dictum``). A Keputusan's
    Memperhatikan and Tembusan are not here: like Mengingat, they name documents and offices by their titles."""
    text: str
    model: Model
    field: str
    index: int | None = None
    """Position in a list field (``menimbang``)."""
    article: int | None = None
    clause: int | None = None
    depth: int = 0
    """Rincian level of a butir (1 = huruf)."""
    dictum: str | None = None
    """In a Keputusan: the label of the diktum the text is (in), ``KEDUA``."""

    def location(self, needle: str | None = None, occurrence: int = 0) -> Location:
        """Where the text starts, or where ``needle`` occurs in it."""
        if needle:
            return locate_in_text(self.model, self.field, needle, occurrence, index=self.index)
        extra = () if self.index is None else (self.index,)
        return locate(self.model, self.field, *extra)


ASCII_TWINS = {0x212A: "k", 0x130: "i", 0x131: "i", 0x17F: "s"}
"""The characters, other than ASCII letters, that a pattern with re.IGNORECASE matches with an ASCII letter
(Kelvin sign, dotted capital I, dotless i, long s); ``tests/test_lint_prefilters.py`` checks the list."""


def fold(text: str) -> str:
    """``text`` in lower case, with :data:`ASCII_TWINS` written as their ASCII letters.

    Where a pattern compiled with re.IGNORECASE matches a word of ASCII letters in ``text``, ``fold(text)``
    holds that word in lower case: so a rule whose every finding needs such a word can first look for the
    word, with ``in``, in the folded texts (much faster than a regex that begins with a look-behind or \\b).
    """
    return (text if text.isascii() else text.translate(ASCII_TWINS)).lower()


def _is_word_character(character: str) -> bool:
    """What \\w matches (in a str pattern)."""
    return character.isalnum() or character == "_"


@dataclass
class Draft:
    record_id: str
    regulation: Regulation
    document: Document
    shared: dict = field(default_factory=dict, repr=False, compare=False)
    """What several rules compute from this draft alone (its texts, its terms and their matcher): computed
    by the first rule that asks, reused by the others. The models and the tree are not changed by rules."""

    def texts(self) -> Iterator[TextSite]:
        """Every hand-written text, in document order."""
        sites = self.shared.get("texts")
        if sites is None:
            sites = self.shared["texts"] = tuple(self._texts())
        return iter(sites)

    def folded(self) -> str:
        """The text of every site (:meth:`texts`), folded (:func:`fold`), one after another with a line break
        between them."""
        folded = self.shared.get("folded")
        if folded is None:
            folded = self.shared["folded"] = fold("\n".join(site.text for site in self.texts()))
        return folded

    def may_hold(self, *words: str, word_start: bool = False) -> bool:
        """Whether a text of the draft may hold one of ``words`` (ASCII, lower case) in any case -- with
        ``word_start``, at the start of a word (not after a letter, digit or '_', as \\b asks) -- False only
        when none does, so that a rule whose every finding needs one of them can skip the draft's texts.
        (:func:`fold` keeps every character one character, and a word character one: positions hold.)"""
        folded = self.folded()
        for word in words:
            at = folded.find(word)
            while at >= 0:
                if not word_start or at == 0 or not _is_word_character(folded[at - 1]):
                    return True
                at = folded.find(word, at + 1)
        return False

    def _texts(self) -> Iterator[TextSite]:
        regulation = self.regulation
        for index, text in enumerate(regulation.considerations):
            yield TextSite("menimbang", text, regulation, "considerations", index)
        for definition in regulation.definitions:
            yield TextSite("arti", definition.meaning, definition, "meaning", article=1)
        yield from self._body(self.document.body)
        for dictum in self.document.dicta:
            yield from self._dictum(dictum)
        for annex in regulation.annexes:
            if annex.content is not None:  # a lampiran may hold only a bagan
                yield TextSite("lampiran", annex.content, annex, "content")

    def _body(self, items: list) -> Iterator[TextSite]:
        for item in items:
            if isinstance(item, Group):
                if item.source is not None:
                    yield TextSite("judul", item.source.title, item.source, "title")
                yield from self._body(item.children)
            elif isinstance(item, Article) and item.source is not None:
                for number, clause in enumerate(item.clauses, start=1):
                    yield from self._clause(item, clause, number if clause.label else None)

    def _dictum(self, dictum: Dictum) -> Iterator[TextSite]:
        """A diktum the author wrote (the revocation and the commencement are generated), with its rincian."""
        source = dictum.source
        if source is None:
            return
        yield TextSite("diktum", source.text, source, "text", dictum=dictum.label)

        def points(found: list[Point]) -> Iterator[TextSite]:
            for point in found:
                if point.source is None:
                    continue
                yield TextSite("butir", point.source.text, point.source, "text", depth=point.depth,
                               dictum=dictum.label)
                yield from points(point.points)
                items = getattr(point.source, "items", None)
                if items is not None and items.closing:
                    yield TextSite("penutup", items.closing, items, "closing", dictum=dictum.label)

        yield from points(dictum.points)
        if source.items is not None and source.items.closing:
            yield TextSite("penutup", source.items.closing, source.items, "closing", dictum=dictum.label)

    def _clause(self, article: Article, clause: Clause, clause_number: int | None) -> Iterator[TextSite]:
        source = clause.source
        if source is None:
            return
        kind = "ayat" if clause_number else "pasal"
        yield TextSite(kind, source.text, source, "text", article=article.number, clause=clause_number)
        yield from self._points(article, clause.points, clause_number)
        if source.items is not None and source.items.closing:
            yield TextSite("penutup", source.items.closing, source.items, "closing", article=article.number,
                           clause=clause_number)

    def _points(self, article: Article, points: list[Point], clause_number: int | None) -> Iterator[TextSite]:
        for point in points:
            if point.source is None:
                continue
            yield TextSite("butir", point.source.text, point.source, "text", article=article.number,
                           clause=clause_number, depth=point.depth)
            yield from self._points(article, point.points, clause_number)
            items = getattr(point.source, "items", None)
            if items is not None and items.closing:
                yield TextSite("penutup", items.closing, items, "closing", article=article.number,
                               clause=clause_number)


@dataclass
class LintContext:
    root: Path
    data: ProjectData
    drafts: list[Draft] = field(default_factory=list)
    shared: dict = field(default_factory=dict, repr=False, compare=False)
    """What several rules compute from the whole project (the region rules' findings): computed by the first
    rule that asks, reused by the others."""
    memos: dict | None = field(default=None, repr=False, compare=False)
    """Innovation id -> its memo, kept between builds (:func:`rancang.lint.runner.lint`), and the memo of the list
    of agencies (:data:`rancang.loader.AGENCIES_MEMO`); None when not kept."""

    def remember(self, record_id: str, what: str, compute):
        """``compute()``, a value worked out from the profile ``record_id`` alone (nothing else: not another record
        or file), kept with the record between builds when there is a record cache (and while rancang.yaml does
        not change)."""
        memo = self.memos.get(record_id) if self.memos is not None else None
        if memo is None:
            return compute()
        try:
            return memo[what]
        except KeyError:
            value = memo[what] = compute()
            return value

    @property
    def settings(self):
        return self.data.settings

    def pages(self) -> list[Path]:
        """The site's Markdown pages written by hand (``kb/*.md``, ``kb/studi-kasus/*.md``), skeletons left out,
        in order."""
        layout = Layout(self.root)
        found = [path for folder in (layout.kb, layout.case_studies) if folder.is_dir()
                 for path in folder.glob("*.md") if path.is_file() and not is_skeleton(path.name)
                 and not path.name.startswith(".")]
        return sorted(found)


def diagnostic(code: str, message: str, where: Location, suggestion: str | None = None) -> Diagnostic:
    """A finding of rule ``code``, with the rule's severity."""
    from rancang.lint.registry import RULES

    return Diagnostic(code, message, where, RULES[code].severity, suggestion)


def quote(text: str, limit: int = 60) -> str:
    """The offending text as the message quotes it: ``'bahwa ...'``."""
    one_line = " ".join(text.split())
    return f"'{one_line if len(one_line) <= limit else one_line[: limit - 3] + '...'}'"


# -- proper names: what capitalisation and spelling rules never question -------------------------------------

RANKS_AND_POSTS = frozenset("""
Pembina Utama|Pembina Utama Madya|Pembina Utama Muda|Pembina Tingkat I|Pembina|Penata Tingkat I|Penata|
Penata Muda Tingkat I|Penata Muda|Pengatur Tingkat I|Pengatur|Pengatur Muda Tingkat I|Pengatur Muda|
Juru Tingkat I|Juru|Juru Muda Tingkat I|Juru Muda|
Jabatan Fungsional|Jabatan Fungsional Tertentu|Jabatan Fungsional Umum|Jabatan Pelaksana|Jabatan Administrasi|
Jabatan Pimpinan Tinggi|Jabatan Pimpinan Tinggi Utama|Jabatan Pimpinan Tinggi Madya|Jabatan Pimpinan Tinggi Pratama|
Jabatan Administrator|Jabatan Pengawas|Jabatan Struktural|Kelompok Jabatan Fungsional|
Pejabat Fungsional|Pejabat Pimpinan Tinggi Pratama|Pejabat Administrator|Pejabat Pengawas|Pejabat Pelaksana|
Pejabat Pembuat Komitmen|Pejabat Pelaksana Teknis Kegiatan|Pejabat Penatausahaan Keuangan|Pejabat Pengadaan|
Pejabat Pembina Kepegawaian|Pejabat yang Berwenang|Pengguna Anggaran|Kuasa Pengguna Anggaran|
Bendahara Pengeluaran|Bendahara Penerimaan|Bendahara Pengeluaran Pembantu|Bendahara Umum Daerah|
Pegawai Negeri Sipil|Aparatur Sipil Negara|Pegawai Pemerintah dengan Perjanjian Kerja|
Sekretaris Daerah|Asisten|Staf Ahli|Kepala Dinas|Kepala Badan|Kepala Kantor|Kepala Satuan|Sekretaris|
Kepala Bidang|Kepala Bagian|Kepala Subbagian|Kepala Sub Bagian|Kepala Subbidang|Kepala Sub Bidang|Kepala Seksi|
Kepala Unit Pelaksana Teknis|Kepala UPTD|Unit Pelaksana Teknis|Unit Pelaksana Teknis Daerah|Tata Usaha|
Kepala Tata Usaha|Camat|Sekretaris Camat|Lurah|Sekretaris Lurah|Inspektur|Inspektur Pembantu|
Tim Anggaran Pemerintah Daerah|Anggaran Pendapatan dan Belanja Daerah|Anggaran Pendapatan dan Belanja Negara|
Dokumen Pelaksanaan Anggaran|Rencana Kerja dan Anggaran|Satuan Kerja Perangkat Daerah|Organisasi Perangkat Daerah
""".replace("\n", "").split("|"))
"""Civil-service ranks (pangkat), position titles and budget posts that regulations capitalise by rule
(PP 11/2017, UU 20/2023, PP 12/2019): a curated list, not exhaustive; a regulation adds its own in ``nama_diri``."""

UNIT_HEADS = ("Bidang", "Subbagian", "Sub Bagian", "Subbidang", "Sub Bidang", "Seksi", "Bagian", "Kelompok",
              "Subkelompok", "Unit", "UPTD", "UPT", "Sekretariat", "Kepala", "Jabatan", "Pejabat", "Pusat",
              "Balai", "Instalasi", "Satuan", "Kelas Jabatan")
"""Words that begin the name of an organisational unit or a post: 'Bidang Pelayanan', 'Seksi Pengaduan',
'Kepala Bidang', 'Jabatan Fungsional Analis Kebijakan'. A capitalised run that begins with one is a name."""

NAME_PARTICLES = ("dan", "dan/atau", "atau", "serta", "dengan", "pada", "di", "ke", "dari", "untuk", "bagi", "yang")

_CAPITALISED = r"(?:[A-Z][\w/-]*|[IVX]+(?:/[a-e])?)"
_UNIT_NAME = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in UNIT_HEADS) + r")"
    r"(?:(?:,?\s+)(?:(?:" + "|".join(NAME_PARTICLES) + r")\s+)?" + _CAPITALISED + r")+(?![\w-])")
_SUSUNAN = re.compile(r"(?i)susunan\s+organisasi\b.*\b(?:terdiri\s+(?:atas|dari)|meliputi)\s*:?\s*$", re.S)
_ITEM_TAIL = re.compile(r"(?:,(?=\s*[a-z])|\s+(?i:yang|terdiri|membawahkan|membawahi|meliputi|dipimpin|sebagaimana)\b)"
                        r".*$", re.S)
"""What follows a unit's name in a list item: ', membawahkan: ...', ' yang dipimpin ...'. A comma before a
capitalised word is part of the name ('Bidang Perencanaan Pemerintahan, Pembangunan Manusia dan Kebudayaan')."""


def _title_case(text: str) -> str:
    """A heading written in capitals (``BIDANG PELAYANAN``) as a name is written in running text; one short
    word is an acronym (``UPTD``) and stays."""
    if len(text.split()) == 1 and len(text) <= 5:
        return text
    words = []
    for position, word in enumerate(text.split()):
        lower = word.lower()
        if position and lower in NAME_PARTICLES:
            words.append(lower)
        elif re.fullmatch(r"[IVX]+(?:/[A-E])?", word):
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


HEADING_NAME_HEADS = frozenset(
    "Dinas Badan Kantor Inspektorat Satuan Sekretariat Tim Program Kecamatan Kelurahan".split())
"""With :data:`UNIT_HEADS`: the first words of a BAB/Bagian/Paragraf title that make it a unit's or
programme's name ('Bagian Ketiga / Bidang Pelayanan'). Other titles ('Tugas dan Fungsi') are topics, not names."""


def _phrases_of_heading(title: str) -> list[str]:
    """The names a heading holds: the heading itself, and its parts between commas, when they begin with a
    unit word (:data:`UNIT_HEADS`, :data:`HEADING_NAME_HEADS`)."""
    title = " ".join(title.split()).strip(" .,;:")
    if not title:
        return []
    if title.isupper():
        title = _title_case(title)
    parts = [title] + [part.strip() for part in re.split(r"[,;]", title) if part.strip()]
    return [part for part in dict.fromkeys(parts) if part[:1].isupper() and (
        part.split()[0] in HEADING_NAME_HEADS or any(part == h or part.startswith(h + " ") for h in UNIT_HEADS))]


def _clean_name(text: str) -> str | None:
    name = _ITEM_TAIL.sub("", " ".join(text.split())).strip(" .,;:")
    if not name or not name[:1].isupper():
        return None
    return _title_case(name) if name.isupper() else name


@dataclass(frozen=True)
class ProperNames:
    """The phrases of one regulation that are names, not undefined terms or misspellings.

    Ask :func:`proper_names` for them (computed once per regulation). ``phrases`` is every name as written
    (capitalised); :meth:`words` their words in lower case (a spelling rule accepts these); :meth:`spans`
    where names stand in a text; :meth:`covers` whether a span of a text lies inside one."""

    terms: frozenset[str] = frozenset()
    """Defined terms and their 'disingkat'/'disebut'."""
    declared: frozenset[str] = frozenset()
    """The regulation's ``nama_diri``."""
    derived: frozenset[str] = frozenset()
    """Names the text itself gives: BAB/Bagian/Paragraf titles, units of a 'bagan', items of a 'susunan
    organisasi ... terdiri atas:' list."""
    agencies: frozenset[str] = frozenset()
    """The region's perangkat daerah (``kb/perangkat-daerah.yaml``: nama, singkatan)."""
    titles: frozenset[str] = frozenset()
    """The catalogue's titles ('tentang' of ``kb/dasar-hukum.yaml``)."""
    ranks: frozenset[str] = RANKS_AND_POSTS
    """:data:`RANKS_AND_POSTS`."""

    @property
    def phrases(self) -> frozenset[str]:
        return self.terms | self.declared | self.derived | self.agencies | self.titles | self.ranks

    def names(self) -> frozenset[str]:
        """Every phrase but the defined terms: what is a name by rule, not by definition."""
        return self.declared | self.derived | self.agencies | self.titles | self.ranks

    def words(self) -> frozenset[str]:
        """The words of every phrase, lower case: never a spelling error."""
        cached = self.__dict__.get("_words")
        if cached is None:
            cached = frozenset(w.lower() for phrase in self.phrases for w in re.findall(r"[^\W\d_][\w-]*", phrase))
            object.__setattr__(self, "_words", cached)
        return cached

    def _pattern(self) -> re.Pattern | None:
        cached = self.__dict__.get("_compiled", False)
        if cached is False:
            # one-word ranks and posts ('Pembina', 'Sekretaris') are also ordinary words of longer names
            # ('Tim Pembina'): only the regulation's own one-word names count on their own
            own = self.declared | self.derived | self.agencies
            phrases = sorted((p for p in self.names() if p.strip() and (len(p.split()) > 1 or p in own)),
                             key=len, reverse=True)
            first = "(?=[A-Z])" if all(p[:1].isascii() and p[:1].isupper() for p in phrases) else ""
            cached = re.compile(r"(?<![\w-])" + first + "(?:" + "|".join(
                r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) + r")(?![\w-])") if phrases else None
            object.__setattr__(self, "_compiled", cached)
        return cached

    def spans(self, text: str, with_terms: bool = False) -> list[tuple[int, int]]:
        """Where names stand in ``text`` (start, end), merged, in order: the phrases as written (the defined
        terms only ``with_terms``) and any capitalised run that begins with a unit word (:data:`UNIT_HEADS`)."""
        found = []
        pattern = self._pattern()
        if pattern is not None:
            found += [m.span() for m in pattern.finditer(text)]
        found += [m.span() for m in _UNIT_NAME.finditer(text)]
        if with_terms:
            for term in self.terms:
                found += [m.span() for m in re.finditer(
                    r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in term.split()) + r"(?![\w-])", text)]
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def listed(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside a name the regulation or the project lists (declared, derived,
        agencies, ranks, catalogue titles), not merely a capitalised run after a unit word."""
        pattern = self._pattern()
        return pattern is not None and any(m.start() <= start and end <= m.end() for m in pattern.finditer(text))

    def covers(self, text: str, start: int, end: int, with_terms: bool = False) -> bool:
        """Whether ``text[start:end]`` lies inside a name (see :meth:`spans`)."""
        return any(s <= start and end <= e for s, e in self.spans(text, with_terms))


_FORMED = re.compile(r"\b[Mm]embentuk\s+(?P<name>[A-Z][\w/-]*(?:\s+(?:(?:dan|atau|serta|untuk|pada)\s+)?"
                     r"[A-Z][\w/-]*)*)")
"""What a Keputusan forms, a name: the team of "Membentuk Tim Koordinasi Inovasi Daerah dengan susunan ..."
(domain notes, legal-products §1.4: the team's Keputusan forms it in its first diktum)."""


def derived_names(regulation: Regulation) -> set[str]:
    """Names the regulation's own text gives (see :attr:`ProperNames.derived`)."""
    from rancang.models.regulation import Article, Chapter, Clause, Division, Part, Point

    found: set[str] = set()

    def items_of(enumeration, into: set[str]) -> None:
        if enumeration is None:
            return
        for point in enumeration.items:
            name = _clean_name(point.text)
            if name:
                into.add(name)
            items_of(point.items, into)

    def lists(text: str | None, enumeration) -> None:
        if text and enumeration is not None and _SUSUNAN.search(" ".join(text.split())):
            items_of(enumeration, found)
        elif enumeration is not None:
            for point in enumeration.items:
                lists(point.text, point.items)

    def walk(elements) -> None:
        for element in elements:
            if isinstance(element, (Chapter, Part, Division)):
                found.update(_phrases_of_heading(element.title))
                walk(element.content)
            elif isinstance(element, Article):
                lists(element.text, element.items)
                for clause in element.clauses:
                    lists(clause.text, clause.items)

    walk(regulation.body)
    for dictum in regulation.dicta:  # a Keputusan names what it forms: "Membentuk Tim Inovasi Daerah ..."
        for match in _FORMED.finditer(" ".join(dictum.text.split())):
            found.add(match.group("name"))
    for annex in regulation.annexes:
        if annex.chart is not None:
            for unit, _depth in annex.chart.walk():
                for value in (unit.name, unit.note):
                    name = _clean_name(value) if value else None
                    if name:
                        found.add(name)
    return found


def _build_names(regulation: Regulation, data: ProjectData | None) -> ProperNames:
    terms = set()
    for definition in regulation.definitions:
        for value in (definition.term, definition.abbreviation, definition.short_name):
            if value and value.strip():
                terms.add(" ".join(value.split()).rstrip(".,;:"))
    declared = {" ".join(name.split()) for name in getattr(regulation, "proper_names", []) if name.strip()}
    agencies: set[str] = set()
    titles: set[str] = set()
    if data is not None:
        for agency in data.agencies.values():
            agencies.update(" ".join(v.split()) for v in (agency.name, agency.short_name) if v)
        titles.update(" ".join(entry.title.split()) for entry in data.catalogue.values() if entry.title)
    return ProperNames(frozenset(terms), frozenset(declared), frozenset(derived_names(regulation)),
                       frozenset(agencies), frozenset(titles))


_NAMES_CACHE: dict[int, tuple[object, object, ProperNames]] = {}


def proper_names(draft: "Draft | Regulation", data: ProjectData | None = None) -> ProperNames:
    """The :class:`ProperNames` of a draft (cached in ``draft.shared``) or of a regulation (cached while the
    regulation and ``data`` are the same objects)."""
    if isinstance(draft, Draft):
        names = draft.shared.get("proper_names")
        if names is None:
            names = draft.shared["proper_names"] = _build_names(draft.regulation, data)
        return names
    key = id(draft)
    cached = _NAMES_CACHE.get(key)
    if cached is not None and cached[0] is draft and cached[1] is data:
        return cached[2]
    names = _build_names(draft, data)
    if len(_NAMES_CACHE) > 64:
        _NAMES_CACHE.clear()
    _NAMES_CACHE[key] = (draft, data, names)
    return names


def exempt_phrases(regulation: "Draft | Regulation", data: ProjectData | None = None) -> frozenset[str]:
    """Every phrase of :func:`proper_names` (defined terms and short forms, ``nama_diri``, names derived from the
    text, agencies, catalogue titles, ranks and posts)."""
    return proper_names(regulation, data).phrases


# -- titles of regulations quoted in running text -----------------------------------------------------------

_CITED = re.compile(
    r"(?<![\w-])(?P<kind>Undang-Undang|Peraturan|Keputusan|Instruksi)(?P<rest>(?:\s+[A-Z][\w/-]*|\s+dan)*?)"
    r"\s+Nomor\s+(?P<number>\d+)(?:\s+Tahun\s+(?P<year>\d{4}))?\s+tentang\s+")
_TITLE_WORD = re.compile(r"\s*,?\s*(?:[A-Z][\w/()-]*|\d+[\w/-]*|[a-z]+(?:/[a-z]+)?)")
_TITLE_INNER = frozenset("dan atau atas tentang di ke dari untuk bagi dengan pada dalam terhadap serta oleh yang antara "
                         "sebagai nomor tahun dan/atau".split())
_KIND_PREFIXES = (
    ("Undang-Undang Dasar", "UUD"), ("Undang-Undang", "UU"), ("Peraturan Pemerintah Pengganti", "Perppu"),
    ("Peraturan Pemerintah", "PP"), ("Peraturan Presiden", "Perpres"), ("Peraturan Menteri", "Permen"),
    ("Peraturan Daerah Provinsi", "Perda Provinsi"), ("Peraturan Daerah", "Perda"), ("Peraturan Gubernur", "Pergub"),
    ("Peraturan Wali Kota", "Perkada"), ("Peraturan Walikota", "Perkada"), ("Peraturan Bupati", "Perkada"),
    ("Keputusan Wali Kota", "Keputusan Kepala Daerah"), ("Keputusan Walikota", "Keputusan Kepala Daerah"),
    ("Keputusan Bupati", "Keputusan Kepala Daerah"), ("Keputusan Gubernur", "Keputusan Kepala Daerah"),
    ("Peraturan", "Perban"),
)


@dataclass(frozen=True)
class QuotedTitle:
    """A regulation cited by hand in running text: 'Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi
    Daerah'. ``start``/``end``: the whole citation; ``title_start``/``title_end``: the words after 'tentang'."""

    start: int
    end: int
    title_start: int
    title_end: int
    title: str
    kind: str | None
    number: int
    year: int | None
    entry: object | None
    """The catalogue's :class:`~rancang.models.catalogue.LegalBasis` it names, if one fits."""


def _cited_kind(name: str) -> str | None:
    name = " ".join(name.split())
    return next((kind for prefix, kind in _KIND_PREFIXES if name.startswith(prefix)), None)


def _catalogue_entry(catalogue: dict, kind: str | None, number: int, year: int | None, name: str):
    fits = [e for e in catalogue.values() if e.number == number and (year is None or e.year == year)
            and (kind is None or e.kind.value == kind)]
    if len(fits) > 1:
        named = [e for e in fits if e.issuer and " ".join(e.issuer.split()) in " ".join(name.split())]
        fits = named or fits
    return fits[0] if len(fits) == 1 else None


def quoted_titles(text: str, catalogue: dict | None = None) -> list[QuotedTitle]:
    """Every hand-written citation with its title in ``text``, matched to the catalogue (id -> LegalBasis).

    The title runs, after 'tentang', over capitalised words, numbers and the small words of titles ('dan',
    'atas', 'tentang', 'Nomor', 'Tahun'), and ends before any other lower-case word or punctuation; when the
    text begins with the catalogue entry's title (in any case and spacing), that title's extent is taken."""
    found = []
    for match in _CITED.finditer(text):
        kind_name = match.group("kind") + match.group("rest")
        kind = _cited_kind(kind_name)
        number, year = int(match.group("number")), match.group("year") and int(match.group("year"))
        entry = _catalogue_entry(catalogue or {}, kind, number, year, kind_name)
        begin = position = match.end()
        if entry is not None and entry.title:
            known = re.compile(r"\s+".join(re.escape(w) for w in entry.title.split()) + r"(?![\w-])", re.I)
            hit = known.match(text, begin)
            if hit:
                position = hit.end()
        if position == begin:
            last = begin
            while True:
                word = _TITLE_WORD.match(text, position)
                if word is None:
                    break
                token = word.group().strip().lstrip(",").strip()
                if token[:1].islower() and token not in _TITLE_INNER:
                    break
                position = word.end()
                if token not in _TITLE_INNER:
                    last = position
            position = last
        if position > begin:
            found.append(QuotedTitle(match.start(), position, begin, position, " ".join(text[begin:position].split()),
                                     kind, number, year, entry))
    return found
