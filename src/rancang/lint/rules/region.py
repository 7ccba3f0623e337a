"""Rules for the region's words (L620-L621): office and region words of the other kind of region (Wali Kota
in a kabupaten, Bupati in a kota) or naming another region (Kota Makassar in a Kota Parepare project), in every
text a project writes itself -- regulations, visits, case studies and the site's pages.

What is examined
    Only the capitalised (or all-capital) forms a text uses for an office or a region: ``Wali Kota``/``Walikota``,
    ``Peraturan Wali Kota``, ``Keputusan Wali Kota``, ``Perwali``, ``Pemerintah Kota``, ``Pemkot`` and ``Kota``
    followed by a name; ``Bupati``, ``Peraturan Bupati``, ``Keputusan Bupati``, ``Perbup``, ``Pemerintah
    Kabupaten``, ``Pemkab`` and ``Kabupaten``/``Kab.`` followed by a name. A name is a run of capitalised words
    (``Pangkajene dan Kepulauan``). Lower-case ``kota``/``kabupaten`` are common nouns ('perkotaan', 'kota-kota
    di Indonesia', 'kota Pangkajene') and are never examined; nor are words joined by a slash
    ('kabupaten/kota', 'Bupati/Wali Kota'), both kinds named together as a kind ('Gubernur, Bupati, dan Wali
    Kota'), a few programme names ('Kota Layak Anak', 'Kota Sehat'), titles of regulations cited from the
    catalogue, text between double quotation marks (another's words: a news headline), a capitalised run too
    long for a region's name (a title in Title Case), and the inside of ``[[...]]``.

Bare names of other regions (``Makassar`` alone) are not examined: a name without 'Kota'/'Kabupaten' may be a
common word, and rancang bundles no list of Indonesia's regions.

What is exempt
    In a visit, the regions the visit itself declares (``pihak_lain``: its ``daerah`` and the region in its
    ``nama``) and those of the other regions' directories whose innovations it names (``parepare:<id>``); bare
    office words of a declared region's kind too ('Wali Kota' in a kabupaten's visit to a kota). In case studies
    and pages, the regions the project declares as parties of its visits and as ``direktori_lain``. In a
    kabupaten, ``Kota <ibu_kota>`` (the capital town). A regulation exempts nothing: it speaks of its own region.

Both rules are reported beside a file's errors (:attr:`~rancang.lint.registry.Rule.beside_errors`): a regulation
copied from another region cites ids the new project's catalogue lacks, and its foreign words are shown with those.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.drafting.references import MARKUP
from rancang.layout import display_path
from rancang.lint.context import LintContext, diagnostic, fold, quoted_titles
from rancang.lint.registry import Example, rule
from rancang.locations import locate_in_text, whitespace_folded
from rancang.models.base import Model
from rancang.models.project import Project, RegionKind
from rancang.models.regulation import Citation
from rancang.models.visit import Party, split_ref

WARNING = Severity.WARNING

CITY, REGENCY = RegionKind.CITY, RegionKind.REGENCY


class Role(enum.Enum):
    """What a word is, as a message says it (followed by 'kota' or 'kabupaten')."""

    HEAD = "sebutan kepala daerah"
    REGULATION = "jenis peraturan kepala daerah"
    DECISION = "jenis keputusan kepala daerah"
    SHORT_REGULATION = "singkatan peraturan kepala daerah"
    GOVERNMENT = "sebutan pemerintah daerah"
    SHORT_GOVERNMENT = "singkatan pemerintah daerah"
    REGION = "nama daerah"


WORDS: dict[str, tuple[RegionKind, Role]] = {
    "Peraturan Wali Kota": (CITY, Role.REGULATION), "Peraturan Walikota": (CITY, Role.REGULATION),
    "Keputusan Wali Kota": (CITY, Role.DECISION), "Keputusan Walikota": (CITY, Role.DECISION),
    "Wali Kota": (CITY, Role.HEAD), "Walikota": (CITY, Role.HEAD),
    "Perwali": (CITY, Role.SHORT_REGULATION),
    "Pemerintah Kota": (CITY, Role.GOVERNMENT), "Pemkot": (CITY, Role.SHORT_GOVERNMENT),
    "Kota": (CITY, Role.REGION),
    "Peraturan Bupati": (REGENCY, Role.REGULATION), "Keputusan Bupati": (REGENCY, Role.DECISION),
    "Bupati": (REGENCY, Role.HEAD), "Perbup": (REGENCY, Role.SHORT_REGULATION),
    "Pemerintah Kabupaten": (REGENCY, Role.GOVERNMENT), "Pemkab": (REGENCY, Role.SHORT_GOVERNMENT),
    "Kabupaten": (REGENCY, Role.REGION), "Kab.": (REGENCY, Role.REGION),
}
"""The office and region words of each kind, as regulations write them (the all-capital forms count too)."""

_KIND_NOUN = {CITY: "kota", REGENCY: "kabupaten"}

_NOT_NAME = frozenset("""
nomor tahun tentang yang sebagai dalam pada di ke dari untuk bagi dan atau serta melalui selaku ini itu tersebut
kota kabupaten kab bupati wali walikota pemerintah pemkot pemkab provinsi peraturan keputusan sekretaris
kepala dinas badan dprd daerah wakil gubernur dewan
""".split())
"""Capitalised words that end a region's name ('Kota Parepare Nomor 5', 'Kota Parepare dan Kabupaten Barru')."""

_NAME_WORD = (r"(?!(?i:" + "|".join(sorted(_NOT_NAME)) + r")(?![\w'\u2019-]))"
              r"[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*")
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:dan|DAN)\s+)?{_NAME_WORD})*"
"""A region's name: capitalised words, 'dan' between two of them, none of :data:`_NOT_NAME`."""


def _alternatives() -> str:
    forms: list[str] = []
    for word in WORDS:
        forms += [word, word.upper()]
    forms.sort(key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in dict.fromkeys(forms))


_PATTERN = re.compile(rf"(?<![\w/-])(?P<word>{_alternatives()})(?![\w/-])(?:(?P<gap>\s+)(?P<name>{_NAME}))?")
"""One office or region word, with the capitalised run after it (the name, trimmed by :func:`_trimmed`)."""

_PREFILTER = ("kota", "kab", "bupati", "perwali", "perbup", "pemkot", "pemkab")

_PROGRAMMES = frozenset("layak sehat cerdas tanpa pusaka hijau kreatif inklusif ramah tangguh".split())
"""First words after 'Kota'/'Kabupaten' that make a programme's name, not a region's ('Kota Layak Anak',
'Kabupaten Sehat', 'Kota Tanpa Kumuh')."""

_LONGEST_NAME = 4
"""Words of the longest region's name ('Kepulauan Siau Tagulandang Biaro'): a longer capitalised run after
'Kota'/'Kabupaten' is a title written in Title Case, not a name."""

_QUOTED = re.compile(r"\"[^\"\n]*(?:\n[^\"\n]*){0,2}\"|\u201c[^\u201d]*\u201d")
"""Text between double quotation marks: another's words (a news headline, a quoted sentence), as written."""

_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:(?:dan/atau|dan|atau|serta)\s+)?", re.IGNORECASE)
"""What stands between the two kinds' words named together as a kind: 'Bupati dan Wali Kota', 'Gubernur,
Bupati, atau Wali Kota'."""


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    phrase: str
    """As written (white space folded): 'Wali Kota Parepare'."""
    word: str
    """The office or region word as :data:`WORDS` writes it: 'Wali Kota'."""
    kind: RegionKind
    role: Role
    name: str | None
    """The region named after the word, if any: 'Parepare'."""
    upper: bool


def _trimmed(name: str | None) -> str | None:
    """The region's name: the capitalised words up to the first that cannot be part of it."""
    if not name:
        return None
    kept: list[str] = []
    for word in name.split():
        if word.lower() in _NOT_NAME and not (word.lower() == "dan" and kept):
            break
        kept.append(word)
    while kept and kept[-1].lower() == "dan":
        kept.pop()
    if kept and kept[0].lower() in _PROGRAMMES:
        return None
    return " ".join(kept) or None


def _canonical(written: str) -> str:
    folded = " ".join(written.split())
    for word in WORDS:
        if folded == word or folded == word.upper():
            return word
    return folded


def hits(text: str) -> list[Hit]:
    """Every office or region word of :data:`WORDS` in ``text``, with the region it names."""
    found: list[Hit] = []
    for match in _PATTERN.finditer(text):
        written = match.group("word")
        word = _canonical(written)
        kind, role = WORDS[word]
        name = _trimmed(match.group("name"))
        if name is not None and len([w for w in name.split() if w.lower() != "dan"]) > _LONGEST_NAME:
            # a title written in Title Case ('Kota Inovasi Parepare Sabet Dua Anugerah'): no region's name
            if role is Role.REGION:
                continue
            name = None
        end = match.end("word")
        if name is not None:
            words = name.split()
            tail = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in words), text[match.start("gap"):])
            end = match.start("gap") + tail.end() if tail else end
        if role is Role.REGION and name is None:
            continue  # 'Kota ini', 'Kabupaten dan Kota': a common noun at the start of a sentence
        found.append(Hit(match.start(), end, " ".join(text[match.start():end].split()), word, kind, role, name,
                         written.isupper()))
    return found


@dataclass
class Region:
    """The project's region and the words it writes."""

    kind: RegionKind
    name: str
    capital: str | None
    full_name: str
    head_office: str

    @classmethod
    def of(cls, settings: Project) -> "Region":
        return cls(settings.region.kind, settings.region.name, settings.region.capital, settings.region_full_name,
                   settings.head_office)

    def owns(self, hit: Hit) -> bool:
        """Whether the hit is the project's own word (of its kind, naming no region or the project's own)."""
        if hit.name is None:
            return hit.kind is self.kind
        named = hit.name.lower()
        if hit.kind is self.kind:
            return named == self.name.lower()
        # the capital town of a kabupaten: 'Kota Pangkajene'
        return (self.kind is REGENCY and hit.role is Role.REGION and self.capital is not None
                and named == self.capital.lower())

    def replacement(self, hit: Hit) -> str:
        """What the project writes instead."""
        city = self.kind is CITY
        named = hit.name is not None
        words = {
            Role.HEAD: self.head_office,
            Role.REGULATION: f"Peraturan {self.head_office}",
            Role.DECISION: f"Keputusan {self.head_office}",
            Role.SHORT_REGULATION: "Perwali" if city else "Perbup",
            Role.GOVERNMENT: "Pemerintah Kota" if city else "Pemerintah Kabupaten",
            Role.SHORT_GOVERNMENT: "Pemkot" if city else "Pemkab",
            Role.REGION: "Kota" if city else "Kabupaten",
        }
        text = words[hit.role] + (f" {self.name}" if named or hit.role is Role.GOVERNMENT else "")
        return text.upper() if hit.upper else text


Declared = frozenset[tuple[RegionKind, str]]
"""Regions a text may name: (kind, name in lower case)."""


def declared_regions(texts: Iterable[str | None]) -> Declared:
    """The regions named ('Kota Parepare', 'DPRD Kabupaten Pangkajene dan Kepulauan') in ``texts``."""
    found = set()
    for text in texts:
        for hit in hits(text or ""):
            if hit.name is not None:
                found.add((hit.kind, hit.name.lower()))
    return frozenset(found)


def _generic(hit: Hit, others: list[Hit], text: str) -> bool:
    """Whether ``hit`` is named together with the project's kind as a kind ('Bupati dan Wali Kota')."""
    if hit.name is not None:
        return False
    for other in others:
        if other is hit or other.name is not None or other.kind is hit.kind or other.role is not hit.role:
            continue
        gap = text[other.end:hit.start] if other.end <= hit.start else text[hit.end:other.start]
        if _COORDINATION.fullmatch(gap):
            return True
    return False


def _masked(text: str) -> str:
    """The text with every ``[[...]]`` blanked out (same length, so offsets still hold)."""
    if "[[" not in text:
        return text
    return MARKUP.sub(lambda m: "\x00" * len(m.group(0)), text)


@dataclass(frozen=True)
class Finding:
    hit: Hit
    code: str
    message: str
    suggestion: str


def foreign_words(text: str, region: Region, catalogue: dict, declared: Declared = frozenset(),
                  declared_kinds: frozenset[RegionKind] = frozenset()) -> Iterator[Finding]:
    """The words of ``text`` that belong to the other kind of region (L620) or name another region (L621)."""
    folded = fold(text)
    if not any(word in folded for word in _PREFILTER):
        return
    masked = _masked(text)
    found = hits(masked)
    if not found:
        return
    cited = [(q.start, q.end) for q in quoted_titles(masked, catalogue) if q.entry is not None]
    cited += [m.span() for m in _QUOTED.finditer(masked)]
    for hit in found:
        if region.owns(hit):
            continue
        if hit.name is not None and (hit.kind, hit.name.lower()) in declared:
            continue
        if hit.name is None and hit.kind in declared_kinds:
            continue
        if any(start <= hit.start and hit.end <= end for start, end in cited):
            continue
        if _generic(hit, found, masked):
            continue
        fix = f"tulis {region.replacement(hit)}"
        if hit.kind is not region.kind:
            yield Finding(hit, "L620", f"'{hit.phrase}' adalah {hit.role.value} {_KIND_NOUN[hit.kind]}, padahal "
                                       f"proyek ini {region.full_name}", fix)
        else:
            yield Finding(hit, "L621", f"'{hit.phrase}' menyebut daerah lain, padahal proyek ini "
                                       f"{region.full_name}", fix)


# -- the texts of a project -----------------------------------------------------------------------------------

_NOT_TEXT = frozenset({"id", "reference", "revokes", "amends", "ignored_rules", "kind"})
"""Fields that hold ids or allowed values, not text (catalogue references are ids: :class:`Citation` too)."""


def strings(model: Model, skip: frozenset[type] = frozenset()) -> Iterator[tuple[Model, str, int | None, str]]:
    """``(model, attribute, list index or None, text)`` of every string field of ``model`` and of the models
    inside it, in the order of the model."""
    for name in type(model).model_fields:
        if name in _NOT_TEXT:
            continue
        value = getattr(model, name)
        if isinstance(value, enum.Enum) or value is None:
            continue
        if isinstance(value, str):
            yield model, name, None, value
        elif isinstance(value, Model):
            if type(value) not in skip:
                yield from strings(value, skip)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, enum.Enum):
                    continue
                if isinstance(item, str):
                    yield model, name, index, item
                elif isinstance(item, Model) and type(item) not in skip:
                    yield from strings(item, skip)


def _in_field(model: Model, attribute: str, index: int | None, text: str, hit: Hit) -> Location:
    """Where the hit is in the YAML file (also when a folded scalar broke its words across lines)."""
    needle = text[hit.start:hit.end]
    occurrence = sum(1 for m in whitespace_folded(needle).finditer(text) if m.start() < hit.start)
    return locate_in_text(model, attribute, needle, occurrence, index, fold_whitespace=True)


_PAGE_COMMENT = re.compile(r"^[ \t]*%.*$|<!--.*?-->", re.M | re.S)
"""MyST comments ('% catatan') and HTML comments of a page: never shown, never examined."""


def _without_comments(text: str) -> str:
    """The page with its comments blanked out (same length, line breaks kept, so positions still hold)."""
    return _PAGE_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _in_page(path: Path, text: str, position: int) -> Location:
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    return Location(display_path(path), line + 1, column + 1)


def _partners(context: LintContext) -> tuple[Declared, dict[str, Declared]]:
    """The regions of the project's visits (their declared party) and of its other regions' directories: all
    of them, and those of each directory by its key."""
    settings = context.settings
    directories = {key: declared_regions([directory.name])
                   for key, directory in (settings.other_directories if settings else {}).items()}
    every: set = set()
    for visit in context.data.visits.values():
        every |= declared_regions([visit.other_party.region, visit.other_party.name])
    for regions in directories.values():
        every |= regions
    return frozenset(every), directories


def _visit_refs(visit) -> set[str]:
    refs = list(visit.innovations)
    refs += [item.innovation for item in visit.agenda if item.innovation]
    refs += [result.innovation for result in visit.results if result.innovation]
    return {directory for directory, _ in map(split_ref, refs) if directory}


def _findings(context: LintContext) -> Iterator[tuple[Finding, Location, str]]:
    settings = context.settings
    if settings is None:
        return
    region = Region.of(settings)
    catalogue = context.data.catalogue
    for record_id, regulation in sorted(context.data.regulations.items()):
        for model, attribute, index, text in strings(regulation, frozenset({Citation})):
            for finding in foreign_words(text, region, catalogue):
                yield finding, _in_field(model, attribute, index, text, finding.hit), f"rancangan '{record_id}'"
    partners, directories = _partners(context)
    for record_id, visit in sorted(context.data.visits.items()):
        declared = declared_regions([visit.other_party.region, visit.other_party.name])
        for key in _visit_refs(visit):
            declared |= directories.get(key, frozenset())
        kinds = frozenset(kind for kind, _ in declared)
        for model, attribute, index, text in strings(visit, frozenset({Party})):
            for finding in foreign_words(text, region, catalogue, declared, kinds):
                yield finding, _in_field(model, attribute, index, text, finding.hit), f"kunjungan '{record_id}'"
    for path in context.pages():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the site's build reports a page it cannot read
        for finding in foreign_words(_without_comments(text), region, catalogue, partners):
            yield finding, _in_page(path, text, finding.hit.start), "halaman"


def _report(context: LintContext, code: str) -> Iterator[Diagnostic]:
    found = context.shared.get("region")
    if found is None:
        found = context.shared["region"] = list(_findings(context))
    for finding, where, owner in found:
        if finding.code == code:
            yield diagnostic(code, f"{owner}: {finding.message}", where, finding.suggestion)


_RATIONALE = (
    "Kepala daerah kota adalah Wali Kota dan peraturannya Peraturan Wali Kota; kepala daerah kabupaten adalah "
    "Bupati dan peraturannya Peraturan Bupati (UU 23/2014 Pasal 59 ayat (2)). Teks yang disalin dari daerah lain "
    "mudah membawa kata jabatan dan nama daerah asalnya ('Daerah adalah Kota Parepare' di dalam Peraturan Bupati). "
    "Yang diperiksa: semua teks rancangan peraturan (menimbang, ketentuan umum, pasal, lampiran, penjelasan), "
    "kunjungan, studi kasus, dan halaman situs (kb/*.md), pada bentuk berhuruf kapital: Wali Kota, Walikota, "
    "Peraturan/Keputusan Wali Kota, Perwali, Pemerintah Kota, Pemkot, dan Kota diikuti nama; Bupati, "
    "Peraturan/Keputusan Bupati, Perbup, Pemerintah Kabupaten, Pemkab, dan Kabupaten/Kab. diikuti nama. Kata "
    "'kota' dan 'kabupaten' berhuruf kecil ('perkotaan', 'kota-kota di Indonesia', 'kabupaten/kota') adalah kata "
    "umum dan tidak diperiksa, begitu pula 'Bupati/Wali Kota', 'Gubernur, Bupati, dan Wali Kota', nama program "
    "('Kota Layak Anak'), judul peraturan yang dikutip dari katalog, teks di antara tanda petik ganda (kata-kata "
    "sumber, misalnya judul berita), dan nama daerah tanpa kata Kota/Kabupaten. "
    "Kunjungan boleh menyebut daerah yang dicantumkannya di pihak_lain dan daerah direktori lain yang inovasinya "
    "disebut; studi kasus dan halaman boleh menyebut daerah pihak kunjungan proyek dan daerah direktori_lain; "
    "kabupaten boleh menyebut 'Kota <ibu_kota>'."
)


@rule(
    "L620", "Kata jabatan atau daerah milik jenis daerah lain", WARNING,
    _RATIONALE + " Temuan ini: kata milik kota di proyek kabupaten, atau kata milik kabupaten di proyek kota.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur dengan Peraturan Bupati agar terarah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur dengan Peraturan Wali Kota agar terarah
    """),
    beside_errors=True,
)
def other_kind(context: LintContext) -> Iterator[Diagnostic]:
    yield from _report(context, "L620")


@rule(
    "L621", "Nama daerah lain", WARNING,
    _RATIONALE + " Temuan ini: Kota, Kabupaten, Wali Kota, Bupati, atau Pemerintah Kota/Kabupaten yang diikuti "
    "nama daerah lain yang sejenis (nama daerah tanpa kata itu tidak diperiksa, karena dapat berupa kata umum).",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan daya saing Kota Makassar, Daerah perlu melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa untuk meningkatkan daya saing Kota Parepare, Daerah perlu melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
    beside_errors=True,
)
def other_region(context: LintContext) -> Iterator[Diagnostic]:
    yield from _report(context, "L621")
