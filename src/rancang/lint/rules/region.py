"""Rules for the region's words (L620-L622): office and region words of the other kind of region (Wali Kota
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

Bare names of other regions (``Parepare`` alone) are examined without a bundled list of Indonesia's regions: a
name that the examined texts (any of them, across files) write after 'Kota', 'Kabupaten', 'Wali Kota', 'Bupati'
or 'Pemerintah Kota/Kabupaten' naming another region -- or that a visit declares as its party -- is reported
where it stands alone (L621): as written (capitalised or all capitals), a whole word, not inside a phrase with
its word, nor when it is the project's own name or part of it. A one-word name the texts also write in lower
case is a common word at the start of a sentence or among other capitalised words ('Pameran Batu Akik') and is
not reported there.

Another province (L622): ``Provinsi <Nama>`` naming a province other than ``daerah.provinsi``, and ``Gubernur
<Nama>``. After 'Gubernur' the run may be a person's name: outside regulations it is examined only when it is a
province the texts name with 'Provinsi' (or a visit declares); in a regulation always.

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
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

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

_PROGRAMMES = frozenset("layak sehat cerdas tanpa pusaka hijau kreatif inklusif ramah tangguh inovasi inovatif"
                        .split())
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


def _in_field(model: Model, attribute: str, index: int | None, text: str, start: int, end: int) -> Location:
    """Where ``text[start:end]`` is in the YAML file (also when a folded scalar broke its words across lines)."""
    needle = text[start:end]
    occurrence = sum(1 for m in whitespace_folded(needle).finditer(text) if m.start() < start)
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


@dataclass(frozen=True)
class _Unit:
    """One text the rule examines, with where its findings go and what it may name."""

    owner: str
    text: str
    locate: Callable[[int, int], Location]
    declared: Declared = frozenset()
    kinds: frozenset[RegionKind] = frozenset()
    provinces: frozenset[str] = frozenset()
    regulation: bool = False


def _units(context: LintContext) -> Iterator[_Unit]:
    for record_id, regulation in sorted(context.data.regulations.items()):
        for model, attribute, index, text in strings(regulation, frozenset({Citation})):
            yield _Unit(f"rancangan '{record_id}'", text, _field_locator(model, attribute, index, text),
                        regulation=True)
    partners, directories = _partners(context)
    partner_provinces = frozenset(" ".join(visit.other_party.province.split()).lower()
                                  for visit in context.data.visits.values() if visit.other_party.province)
    for record_id, visit in sorted(context.data.visits.items()):
        declared = declared_regions([visit.other_party.region, visit.other_party.name])
        for key in _visit_refs(visit):
            declared |= directories.get(key, frozenset())
        kinds = frozenset(kind for kind, _ in declared)
        province = visit.other_party.province
        provinces = frozenset({" ".join(province.split()).lower()}) if province else frozenset()
        for model, attribute, index, text in strings(visit, frozenset({Party})):
            yield _Unit(f"kunjungan '{record_id}'", text, _field_locator(model, attribute, index, text),
                        declared, kinds, provinces)
    for path in context.pages():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the site's build reports a page it cannot read
        yield _Unit("halaman", _without_comments(text),
                    lambda start, end, path=path, text=text: _in_page(path, text, start), partners,
                    provinces=partner_provinces)


def _field_locator(model: Model, attribute: str, index: int | None, text: str) -> Callable[[int, int], Location]:
    return lambda start, end: _in_field(model, attribute, index, text, start, end)


# -- bare names of other regions and other provinces ----------------------------------------------------------

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w'\u2019-])", r"(?![\w'\u2019-])"


@dataclass(frozen=True)
class OtherRegion:
    """A region other than the project's, as the project's texts name it with its word ('Kota Parepare')."""

    name: str
    """Capitalised as a text writes it alone: 'Parepare', 'Pangkajene dan Kepulauan'."""
    kind: RegionKind
    phrase: str
    """The name with its word, as first written: 'Kota Parepare'."""


def _capitalised(name: str) -> str:
    """The name as written alone: an all-capital name ('PAREPARE') in its capitalised form ('Parepare')."""
    if not name.isupper():
        return name
    return " ".join(word.lower() if word.lower() == "dan" else word.capitalize() for word in name.split())


def _own_names(region: Region) -> list[str]:
    return [" ".join(name.split()).lower() for name in (region.name, region.capital, region.full_name) if name]


def _part_of_own(name: str, region: Region) -> bool:
    """Whether ``name`` is the project's own name or part of it ('Pangkajene' in 'Pangkajene dan Kepulauan')."""
    words = f" {' '.join(name.split()).lower()} "
    return any(words in f" {own} " for own in _own_names(region))


def _other_regions(units: list[_Unit], region: Region, context: LintContext) -> dict[str, OtherRegion]:
    """Every region other than the project's that the examined texts name with 'Kota', 'Kabupaten', 'Wali
    Kota', 'Bupati' or 'Pemerintah Kota/Kabupaten' (a visit's declared party too), by its name in lower case."""
    texts = [unit.text for unit in units]
    for visit in context.data.visits.values():
        texts += [visit.other_party.region or "", visit.other_party.name]
    found: dict[str, OtherRegion] = {}
    for text in texts:
        folded = fold(text)
        if not any(word in folded for word in _PREFILTER):
            continue
        for hit in hits(_masked(text)):
            if hit.name is None or region.owns(hit) or _part_of_own(hit.name, region):
                continue
            key = " ".join(hit.name.split()).lower()
            if key not in found or found[key].name.isupper():
                found[key] = OtherRegion(_capitalised(hit.name), hit.kind, _canonical(hit.word) + " "
                                         + _capitalised(hit.name))
    return found


@functools.lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The names as whole words, capitalised as written or all capitals, the longest first."""
    forms: list[str] = []
    for name in names:
        forms += [name, name.upper()]
    if not forms:
        return None
    forms.sort(key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in dict.fromkeys(forms))
    return re.compile(f"{_EDGE_BEFORE}(?:{alternatives}){_EDGE_AFTER}")


@functools.lru_cache(maxsize=8)
def _own_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """The project's own names, in any case: a name inside them ('Pangkajene') is not another region's."""
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in sorted(names, key=len, reverse=True))
    return re.compile(f"{_EDGE_BEFORE}(?:{alternatives}){_EDGE_AFTER}", re.IGNORECASE)


def _common_words(units: list[_Unit], others: dict[str, OtherRegion]) -> frozenset[str]:
    """The one-word names that the texts also write in lower case, as a common word ('batu'): written with a
    capital at the start of a sentence or among other capitalised words, they are that word, not the region."""
    common = set()
    for key, other in others.items():
        if " " in key:
            continue
        word = re.compile(_EDGE_BEFORE + re.escape(key) + _EDGE_AFTER)
        if any(word.search(unit.text) for unit in units):
            common.add(key)
    return frozenset(common)


_LINE_START = re.compile(r"[ \t]*(?:(?:[-*+>#]+|\d+[.)])[ \t]+)?")
"""What may stand before the first word of a line's sentence: indentation and a list or heading mark."""


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence (a text, a line, or after '.', '?', '!', ':')."""
    before = text[max(0, start - 80):start]
    if "\n" in before or start <= 80:
        line = before.rsplit("\n", 1)[-1]
        if _LINE_START.fullmatch(line):
            return True
    stripped = before.rstrip()
    return bool(stripped) and stripped[-1] in ".!?:;\"(\u201c"


_CAPITAL_BEFORE = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether the word is one of a run of capitalised words ('Kompetisi Inovasi Pelayanan Publik'): a common
    word capitalised as part of a name or a term, not a region's name standing alone."""
    return bool(_CAPITAL_BEFORE.search(text, max(0, start - 40), start) or _CAPITAL_AFTER.match(text, end))


def _exempt_spans(masked: str, catalogue: dict, found: list[Hit]) -> list[tuple[int, int]]:
    spans = [(hit.start, hit.end) for hit in found]
    spans += [(q.start, q.end) for q in quoted_titles(masked, catalogue) if q.entry is not None]
    spans += [m.span() for m in _QUOTED.finditer(masked)]
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def bare_names(unit: _Unit, region: Region, catalogue: dict, others: dict[str, OtherRegion],
               common: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """The names of :func:`_other_regions` where they stand alone in ``unit`` ('di Parepare'): L621, except
    where the unit may name that region (a visit's declared party, the partners of pages)."""
    declared = {name for _, name in unit.declared}
    pattern = _name_pattern(tuple(other.name for key, other in others.items() if key not in declared))
    if pattern is None:
        return
    masked = _masked(unit.text)
    matches = list(pattern.finditer(masked))
    if not matches:
        return
    folded = fold(masked)
    found = hits(masked) if any(word in folded for word in _PREFILTER) else []
    spans = _exempt_spans(masked, catalogue, found)
    spans += [m.span() for m in _own_pattern(tuple(_own_names(region))).finditer(masked)]
    for match in matches:
        written = " ".join(match.group(0).split())
        key = written.lower()
        other = others[key]
        if _inside(match.start(), match.end(), spans):
            continue
        if key in common and not written.isupper() and (_sentence_start(masked, match.start())
                                                         or _in_title(masked, match.start(), match.end())):
            continue
        hit = Hit(match.start(), match.end(), written, other.name, other.kind, Role.REGION, other.name,
                  written.isupper())
        own = region.name.upper() if hit.upper else region.name
        fix = f"tulis {own} bila yang dimaksud daerah ini"
        if not unit.regulation:
            fix += (f"; bila memang {other.phrase} yang dimaksud, cantumkan di pihak_lain kunjungan"
                    if unit.owner.startswith("kunjungan") else
                    f"; bila memang {other.phrase} yang dimaksud, cantumkan sebagai pihak kunjungan atau di "
                    f"direktori_lain rancang.yaml")
        yield Finding(hit, "L621", f"'{written}' adalah nama daerah lain ({other.phrase}), padahal proyek ini "
                                   f"{region.full_name}", fix)


_PROVINCE = re.compile(r"(?<![\w/-])(?P<word>Provinsi|PROVINSI|Gubernur|GUBERNUR)(?![\w/-])"
                       rf"(?:(?P<gap>\s+)(?P<name>{_NAME}))?")
"""'Provinsi' or 'Gubernur' with the capitalised run after it."""


def _known_provinces(units: list[_Unit], settings: Project) -> frozenset[str]:
    """The provinces the texts name with 'Provinsi' (and the project's own and its visits' declared ones), in
    lower case: what may follow 'Gubernur' as a province rather than a person's name."""
    known = {" ".join(settings.region.province.split()).lower()}
    for unit in units:
        known |= unit.provinces
        if "provinsi" not in fold(unit.text):
            continue
        for match in _PROVINCE.finditer(_masked(unit.text)):
            name = _trimmed(match.group("name"))
            if match.group("word").lower() == "provinsi" and name and len(name.split()) <= _LONGEST_NAME:
                known.add(name.lower())
    return frozenset(known)


def _province_prefix(name: str, known: frozenset[str]) -> str | None:
    words = name.split()
    for count in range(len(words), 0, -1):
        if " ".join(words[:count]).lower() in known:
            return " ".join(words[:count])
    return None


_DIRECTIONS = frozenset("barat timur utara selatan tengah tenggara daya pegunungan".split())
"""Words that make another province of a name that begins with the project's ('Papua Barat' beside 'Papua')."""


def _owns_province(name: str, own_key: str) -> bool:
    """Whether the run after 'Provinsi'/'Gubernur' is the project's province followed by other words ('Gubernur
    Sulawesi Selatan Andi Sudirman'), not another province whose name begins with it ('Papua Barat')."""
    words, own = name.lower().split(), own_key.split()
    if words[:len(own)] != own:
        return False
    return len(words) == len(own) or words[len(own)] not in _DIRECTIONS


def other_provinces(unit: _Unit, region: Region, own: str, catalogue: dict,
                    known: frozenset[str]) -> Iterator[Finding]:
    """'Provinsi <Nama>' and 'Gubernur <Nama>' naming a province other than the project's (L622). After
    'Gubernur' a run that is no known province may be a person's name: told only in a regulation."""
    folded = fold(unit.text)
    if "provinsi" not in folded and "gubernur" not in folded:
        return
    masked = _masked(unit.text)
    own_key = " ".join(own.split()).lower()
    spans: list[tuple[int, int]] | None = None
    for match in _PROVINCE.finditer(masked):
        name = _trimmed(match.group("name"))
        if name is None:
            continue
        written_word = match.group("word")
        word = written_word.capitalize()
        if word == "Provinsi":
            if len(name.split()) > _LONGEST_NAME:
                continue  # a title in Title Case
            named = name
        else:
            named = _province_prefix(name, known)
            if named is None:
                if not unit.regulation or len(name.split()) > _LONGEST_NAME:
                    continue
                named = name
        key = named.lower()
        if key == own_key or key in unit.provinces or _owns_province(name, own_key):
            continue
        tail = re.match(r"\s*" + r"\s+".join(map(re.escape, named.split())), masked[match.start("gap"):])
        end = match.start("gap") + tail.end() if tail else match.end("word")
        if spans is None:
            spans = [(q.start, q.end) for q in quoted_titles(masked, catalogue) if q.entry is not None]
            spans += [m.span() for m in _QUOTED.finditer(masked)]
        if any(start <= match.start() and end <= stop for start, stop in spans):
            continue
        phrase = " ".join(masked[match.start():end].split())
        upper = written_word.isupper()
        replacement = f"{word} {own}"
        hit = Hit(match.start(), end, phrase, word, region.kind, Role.REGION, named, upper)
        fix = f"tulis {replacement.upper() if upper else replacement}"
        if not unit.regulation:
            fix += (f"; bila memang provinsi itu yang dimaksud, isi provinsi di pihak_lain kunjungan"
                    if unit.owner.startswith("kunjungan") else
                    "; bila memang provinsi itu yang dimaksud, cantumkan sebagai provinsi pihak kunjungan")
        yield Finding(hit, "L622", f"'{phrase}' menyebut provinsi lain, padahal proyek ini {region.full_name} di "
                                   f"Provinsi {own}", fix)


def _findings(context: LintContext) -> Iterator[tuple[Finding, Location, str]]:
    settings = context.settings
    if settings is None:
        return
    region = Region.of(settings)
    catalogue = context.data.catalogue
    units = list(_units(context))
    others = _other_regions(units, region, context)
    provinces = _known_provinces(units, settings)
    common = _common_words(units, others)
    for unit in units:
        for finding in foreign_words(unit.text, region, catalogue, unit.declared, unit.kinds):
            yield finding, unit.locate(finding.hit.start, finding.hit.end), unit.owner
        for finding in bare_names(unit, region, catalogue, others, common):
            yield finding, unit.locate(finding.hit.start, finding.hit.end), unit.owner
        for finding in other_provinces(unit, region, settings.region.province, catalogue, provinces):
            yield finding, unit.locate(finding.hit.start, finding.hit.end), unit.owner


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
    "('Kota Layak Anak'), judul peraturan yang dikutip dari katalog, dan teks di antara tanda petik ganda "
    "(kata-kata sumber, misalnya judul berita). Nama daerah lain yang ditulis tanpa kata Kota/Kabupaten "
    "('di Parepare') diperiksa bila teks proyek menyebut daerah itu di tempat lain dengan katanya ('Kota "
    "Parepare'). Provinsi lain ('Provinsi Sulawesi Barat', 'Gubernur Sulawesi Barat') juga diperiksa. "
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
    "nama daerah lain yang sejenis, dan nama daerah lain yang berdiri sendiri ('di Parepare') bila teks proyek "
    "di tempat lain menulisnya dengan kata Kota/Kabupaten/Wali Kota/Bupati (tanpa daftar daerah bawaan: nama "
    "yang tidak pernah ditulis dengan katanya tidak dikenali). Nama itu hanya dicocokkan sebagai kata utuh "
    "berhuruf kapital, bukan bagian nama daerah proyek sendiri; nama satu kata yang juga dipakai sebagai kata "
    "umum berhuruf kecil tidak dipersoalkan di awal kalimat atau di antara kata berhuruf kapital lain "
    "('Pameran Batu Akik').",
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


@rule(
    "L622", "Provinsi lain", WARNING,
    _RATIONALE + " Temuan ini: 'Provinsi <Nama>' atau 'Gubernur <Nama>' yang menyebut provinsi selain "
    "daerah.provinsi di rancang.yaml. Setelah kata Gubernur bisa saja tertulis nama orang: di luar rancangan "
    "peraturan, nama sesudah Gubernur hanya diperiksa bila nama itu provinsi yang ditulis teks proyek dengan "
    "kata Provinsi atau dicantumkan sebagai provinsi pihak kunjungan. Kunjungan boleh menyebut provinsi pihak "
    "lainnya; studi kasus dan halaman boleh menyebut provinsi pihak kunjungan proyek.",
    wrong=Example("regulasi", """
        menimbang:
          - bahwa Pemerintah Provinsi Sulawesi Barat mendorong Daerah untuk melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
    right=Example("regulasi", """
        menimbang:
          - bahwa Pemerintah Provinsi Sulawesi Selatan mendorong Daerah untuk melaksanakan Inovasi Daerah
          - bahwa Inovasi Daerah perlu diatur agar terarah
    """),
    beside_errors=True,
)
def other_province(context: LintContext) -> Iterator[Diagnostic]:
    yield from _report(context, "L622")
