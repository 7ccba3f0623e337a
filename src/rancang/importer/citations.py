"""Mengingat items and revocations of an enacted regulation -> the legal-basis catalogue.

The reverse of :func:`rancang.language.citation.cite`: a citation as printed in a real regulation is read
into a :class:`ParsedCitation` (kind, issuer, number, year, title, Lembaran/Berita and Tambahan, article,
and the amending regulations of a "sebagaimana telah diubah ..." clause), matched to an existing catalogue
entry (:func:`match`), or turned into a new entry (:func:`new_entry`, :class:`CatalogueImport`) that
:func:`append_entries` adds to ``kb/dasar-hukum.yaml`` as text, leaving the existing entries untouched.

Real texts deviate from the standard form (Lampiran II UU 12/2011): ``Undang-undang``, ``No.``,
``Walikota``, OCR spacing (``Nomor23``, ``Undang- Undang``), ``Lembaran Negara Tahun 2004 Nomor 125
Tambahan Lembaran Negara Nomor 4437`` without a comma, the promulgation data after commas instead of in
brackets, ``sebagaimana telah diubah beberapa kali terakhir dengan``. They are read; what cannot be read is
kept in :attr:`ParsedCitation.notes` for the report, never dropped silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from rancang.fileio import atomic_write_bytes
from rancang.models.catalogue import LegalBasis, LegalKind, Publication

# --------------------------------------------------------------------------------------------------
# The result


@dataclass
class ParsedCitation:
    """One regulation as cited: the fields of a catalogue entry, and what was read around them."""

    kind: LegalKind
    year: int
    number: int | None = None
    """None for the UUD, and when the number is not a plain number (see :attr:`number_text`)."""
    number_text: str | None = None
    """The number as written when it is not a plain number (``13/PMK.07/2019``)."""
    title: str | None = None
    """After ``tentang``, as written (whitespace collapsed)."""
    issuer: str | None = None
    """As the catalogue's ``pembentuk``: ``Dalam Negeri``, ``Kota Parepare``, ``Provinsi Sulawesi Selatan``."""
    article: str | None = None
    """``Pasal 18 ayat (6)`` when the citation names an article before the regulation."""
    gazette: Publication | None = None
    gazette_name: str | None = None
    """The publication as written before its year and number: ``Lembaran Negara Republik Indonesia``,
    ``Berita Daerah Kota Parepare``."""
    supplement: int | None = None
    amendment: str | None = None
    """The amendment clause as written, e.g. ``sebagaimana telah beberapa kali diubah, terakhir dengan``."""
    several: bool = False
    """The clause says the regulation was amended more than once (``beberapa kali``, ``terakhir``,
    ``kedua``): the amendments named may be only the last one."""
    amended_by: list["ParsedCitation"] = field(default_factory=list)
    text: str = ""
    """The citation read, whitespace collapsed, without its list label and final punctuation."""
    notes: list[str] = field(default_factory=list)
    """Indonesian: text that was not understood, and data that do not fit the kind."""

    @property
    def label(self) -> str:
        """Short name for messages: ``Undang-Undang Nomor 23 Tahun 2014``."""
        if self.kind is LegalKind.UUD:
            return f"UUD Tahun {self.year}"
        number = self.number if self.number is not None else self.number_text
        head = _KIND_WORDS[self.kind]
        if self.issuer:
            word, _, name = self.issuer.partition(" ")
            office = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}.get(word)
            if self.kind in (LegalKind.PERKADA, LegalKind.PERGUB, LegalKind.KEPKADA) and office and name:
                head = f"{head.split(' ')[0]} {office} {name}"
            elif self.kind is LegalKind.PERBAN:
                head = f"Peraturan {self.issuer}"
            else:
                head = f"{head} {self.issuer}"
        return f"{head} Nomor {number} Tahun {self.year}"


_KIND_WORDS = {
    LegalKind.UUD: "UUD", LegalKind.UU: "Undang-Undang",
    LegalKind.PERPPU: "Peraturan Pemerintah Pengganti Undang-Undang", LegalKind.PP: "Peraturan Pemerintah",
    LegalKind.PERPRES: "Peraturan Presiden", LegalKind.PERMEN: "Peraturan Menteri", LegalKind.PERBAN: "Peraturan",
    LegalKind.PERDA_PROVINSI: "Peraturan Daerah", LegalKind.PERGUB: "Peraturan Gubernur",
    LegalKind.PERDA: "Peraturan Daerah", LegalKind.PERKADA: "Peraturan Kepala Daerah",
    LegalKind.KEPKADA: "Keputusan Kepala Daerah",
}

# --------------------------------------------------------------------------------------------------
# Reading

_F = re.IGNORECASE
_UU = r"Undang\s*-?\s*Undang"
_NUM = r"(?:Nomor|Nomer|No\.?|Nmr\.?)\s*[:.]?\s*"
_YEAR = r"Tahun\s*[:.]?\s*"
_NAME = r"(?:(?!(?:Nomor|Nomer|Nmr)(?![a-z])|No\.|No\s*\d|tentang\b)[^();,]){1,120}?"
# What follows every head except the UUD's: "[Republik Indonesia] Nomor 23 Tahun 2014".
_NUMBER_YEAR = (rf"(?:\s+Republik\s+Indonesia|\s+RI)?\s*,?\s*{_NUM}(?P<number>\d+(?![\d/.])|[^\s,;()]+?)"
                rf"(?:\s*,?\s*{_YEAR}(?P<year>\d{{4}})\b|(?=[\s,;()]|$))")

_HEADS: list[tuple[re.Pattern[str], LegalKind, str]] = [
    (re.compile(rf"(?:{_UU}\s+Dasar|UUD)(?:\s+Negara)?(?:\s+Republik\s+Indonesia|\s+N?RI)?(?:\s+Tahun)?\s*"
                r"(?P<year>\d{4})\b", _F), LegalKind.UUD, ""),
    (re.compile(rf"(?:Peraturan\s+Pemerintah\s+Pengganti\s+{_UU}|Perppu|Perpu)\b{_NUMBER_YEAR}", _F),
     LegalKind.PERPPU, ""),
    (re.compile(rf"(?:{_UU}|UU)\b{_NUMBER_YEAR}", _F), LegalKind.UU, ""),
    (re.compile(rf"(?:Peraturan\s+Pemerintah|PP)\b{_NUMBER_YEAR}", _F), LegalKind.PP, ""),
    (re.compile(rf"(?:Peraturan\s+Presiden|Perpres)\b{_NUMBER_YEAR}", _F), LegalKind.PERPRES, ""),
    (re.compile(rf"Permendagri\b{_NUMBER_YEAR}", _F), LegalKind.PERMEN, "Dalam Negeri"),
    (re.compile(rf"Peraturan\s+Menteri\s+(?P<name>{_NAME}){_NUMBER_YEAR}", _F), LegalKind.PERMEN, "name"),
    (re.compile(rf"(?:Peraturan\s+Daerah|Perda)\b(?:\s+(?P<name>{_NAME}))?{_NUMBER_YEAR}", _F),
     LegalKind.PERDA, "region"),
    (re.compile(rf"(?:Peraturan\s+(?P<office>Gubernur)|Pergub)\b(?:\s+(?P<name>{_NAME}))?{_NUMBER_YEAR}", _F),
     LegalKind.PERGUB, "office"),
    (re.compile(rf"(?:Peraturan\s+(?P<office>Wali\s*kota|Bupati)|(?P<short>Perwali|Perwal|Perbup))\b"
                rf"(?:\s+(?P<name>{_NAME}))?{_NUMBER_YEAR}", _F), LegalKind.PERKADA, "office"),
    (re.compile(rf"Keputusan\s+(?P<office>Wali\s*kota|Bupati|Gubernur)\b(?:\s+(?P<name>{_NAME}))?{_NUMBER_YEAR}",
                _F), LegalKind.KEPKADA, "office"),
    (re.compile(rf"Peraturan\s+(?P<name>{_NAME}){_NUMBER_YEAR}", _F), LegalKind.PERBAN, "name"),
]

# Where a citation may begin (a head, or an article before it).
_HEAD_START = re.compile(r"(?<![\w-])(?:Undang|UUD|UU|Peraturan|Keputusan|Perppu|Perpu|PP|Perpres|Permendagri|"
                         r"Perda|Pergub|Perwali|Perwal|Perbup)(?![\w])", _F)
# A publication: its name, then a year or number ("Lembaran Negara Republik Indonesia Tahun 2014 ...").
_GAZETTE_WORD = (r"(?:(?:Tambahan\s+)?(?:Lembaran|Berita)\s+(?:Negara|Daerah)|T?LN|BN|LD|BD|TLD)\b"
                 r"[^();,]{0,80}?\b(?:Tahun|Nomor|Nomer|No\.?)\s*[:.]?\s*\d")
_BRACKET_GAZETTE = re.compile(rf"\s*\(\s*(?={_GAZETTE_WORD})", _F)
_COMMA_GAZETTE = re.compile(rf"\s*,\s*(?={_GAZETTE_WORD})", _F)
_AMENDMENT = re.compile(r"\s*,?\s*sebagaimana\s+(?P<form>(?:(?!sebagaimana)[^();]){0,60}?\bdi\s*r?ubah\b"
                        r"(?:(?!sebagaimana)[^();]){0,60}?)"
                        r"\s*,?\s+dengan\s+", _F)
_SEVERAL = re.compile(r"beberapa\s+kali|terakhir|kedua|ketiga|keempat|kelima|keenam", _F)
_TENTANG = re.compile(r"\s*,?\s*tentang\s+", _F)
_LIST_LABEL = re.compile(r"^\s*(?:\d{1,3}|[a-z])\s*[.)]\s*(?=\S)")
_ENDING = re.compile(r"(?:\s*;\s*(?:dan|atau|dan/atau)|\s*[;.,:])+\s*$", _F)
_OFFICES = {"walikota": "Kota", "wali kota": "Kota", "bupati": "Kabupaten", "gubernur": "Provinsi",
            "perwali": "Kota", "perwal": "Kota", "perbup": "Kabupaten"}
_REGION_WORDS = ("Kota", "Kabupaten", "Provinsi", "Kotamadya")


def _collapse(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    text = re.sub(r"\s+", " ", text).strip()
    # OCR/typing: a space inside the brackets, before a comma, none after one.
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    text = re.sub(r"\s+,", ",", text)
    return re.sub(r",(?=[A-Za-z(])", ", ", text)


def _clean_item(text: str) -> str:
    text = _collapse(text)
    text = _LIST_LABEL.sub("", text, count=1)
    return _ENDING.sub("", text).strip()


def parse_citation(text: str) -> ParsedCitation | None:
    """Read one Mengingat item (or one regulation named in a revocation); None when it is not a citation
    of a kind the catalogue knows (the caller reports it)."""
    text = _clean_item(text)
    if not text:
        return None
    start = _citation_start(text, 0)
    if start is None:
        return None
    article = text[:start].strip() or None
    if article and not re.match(r"Pasal\b", article, _F):
        return None
    parsed, end = _parse_at(text, start, in_list=False)
    if parsed is None:
        return None
    parsed.article = article
    parsed.text = text
    rest = text[end:].strip(" ,;")
    if rest:
        parsed.notes.append(f"teks sesudah kutipan tidak dibaca: \"{rest}\"")
    return parsed


def _citation_start(text: str, pos: int) -> int | None:
    """Where the regulation's head begins: at ``pos``, or after an article (``Pasal 18 ayat (6)``)."""
    if _head_at(text, pos) is not None:
        return pos
    if not re.match(r"Pasal\b", text[pos:], _F):
        return None
    for found in _HEAD_START.finditer(text, pos):
        if _head_at(text, found.start()) is not None:
            return found.start()
    return None


def _head_at(text: str, pos: int) -> tuple[re.Match[str], LegalKind, str] | None:
    for pattern, kind, mode in _HEADS:
        found = pattern.match(text, pos)
        if found is None:
            continue
        if kind is not LegalKind.UUD and not found.group("year") and not re.search(r"\d{4}$",
                                                                                     found.group("number")):
            continue
        return found, kind, mode
    return None


def _parse_at(text: str, pos: int, in_list: bool) -> tuple[ParsedCitation | None, int]:
    """One citation whose head begins at ``pos`` -> (citation, end position)."""
    head = _head_at(text, pos)
    if head is None:
        return None, pos
    found, kind, mode = head
    parsed = _from_head(found, kind, mode)
    pos = found.end()
    if kind is LegalKind.UUD:
        return parsed, pos
    title = _TENTANG.match(text, pos)
    body_start = title.end() if title else pos
    end = _title_end(text, body_start, in_list)
    if title:
        parsed.title = text[body_start:end].strip().rstrip(",").strip() or None
    elif text[pos:end].strip(" ,"):
        parsed.notes.append(f"teks sesudah nomor dan tahun tidak dibaca: \"{text[pos:end].strip(' ,')}\"")
    pos = _read_gazette(text, end, parsed)
    if not in_list:
        pos = _read_amendments(text, pos, parsed)
    _complete(parsed)
    return parsed, pos


def _from_head(found: re.Match[str], kind: LegalKind, mode: str) -> ParsedCitation:
    year_text = found.group("year")
    if kind is LegalKind.UUD:
        return ParsedCitation(kind=kind, year=int(year_text))
    number_text = found.group("number")
    notes = []
    number: int | None = None
    if number_text.isdigit():
        number = int(number_text)
        number_text = None
    else:
        notes.append(f"nomor \"{number_text}\" bukan angka; katalog hanya menerima nomor berupa angka")
    year = int(year_text) if year_text else int(re.search(r"(\d{4})$", found.group("number") or "").group(1))
    issuer: str | None = None
    groups = found.groupdict()
    name = _tidy_name(groups.get("name"))
    if mode == "name":
        issuer = name
    elif mode == "region":
        issuer = name
        if name and name.split(" ")[0].casefold() == "provinsi":
            kind = LegalKind.PERDA_PROVINSI
    elif mode == "office":
        office = (groups.get("office") or groups.get("short") or "").casefold()
        office = re.sub(r"\s+", " ", office)
        region_word = _OFFICES.get(office, "Kota")
        if name and name.split(" ")[0] in _REGION_WORDS:
            issuer = name
        elif name:
            issuer = f"{region_word} {name}"
    elif mode:
        issuer = mode
    return ParsedCitation(kind=kind, year=year, number=number, number_text=number_text, issuer=issuer,
                          notes=notes)


def _tidy_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"(?:\s+Republik\s+Indonesia|\s+RI)$", "", name.strip(" ,"), flags=_F)
    return name or None


def _title_end(text: str, pos: int, in_list: bool) -> int:
    """Where a title (or the text after "Tahun ...") ends: a gazette, an amendment clause, the next
    regulation of a list, or the end."""
    ends = [len(text)]
    for found in (_BRACKET_GAZETTE.search(text, pos), _COMMA_GAZETTE.search(text, pos), _amendment(text, pos)):
        if found:
            ends.append(found.start())
    if in_list:
        following = _next_in_list(text, pos)
        if following is not None:
            ends.append(following[0])
    return min(ends)


_LIST_JOIN = re.compile(r"\s*(?:[,;]\s*(?:dan|serta)?|(?<!\w)(?:dan|serta))\s+", _F)


def _next_in_list(text: str, pos: int) -> tuple[int, int] | None:
    """The first "[,] dan <citation>" / "; <citation>" at or after ``pos``: (start of the joint, start of the
    citation)."""
    for joint in _LIST_JOIN.finditer(text, pos):
        if _citation_start(text, joint.end()) is not None:
            return joint.start(), joint.end()
    return None


def _amendment(text: str, pos: int) -> re.Match[str] | None:
    """The first amendment clause at or after ``pos`` that a citation follows."""
    for found in _AMENDMENT.finditer(text, pos):
        if _citation_start(text, found.end()) is not None:
            return found
    return None


def _matching_bracket(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _read_gazette(text: str, pos: int, parsed: ParsedCitation) -> int:
    """Read "(Lembaran ...)" or ", Lembaran ..." at ``pos`` into ``parsed``; returns the position after it."""
    bracket = _BRACKET_GAZETTE.match(text, pos)
    if bracket:
        opening = text.index("(", pos)
        closing = _matching_bracket(text, opening)
        if closing < 0:
            parsed.notes.append("kurung penutup data pengundangan tidak ada")
            stop = _amendment(text, opening)
            closing = stop.start() if stop else len(text)
            content, after = text[opening + 1:closing], closing
        else:
            content, after = text[opening + 1:closing], closing + 1
        _gazette_content(content, parsed)
        return after
    comma = _COMMA_GAZETTE.match(text, pos)
    if comma:
        ends = [len(text)]
        found = _amendment(text, comma.end())
        if found:
            ends.append(found.start())
        following = _next_in_list(text, comma.end())
        if following:
            ends.append(following[0])
        stop = min(ends)
        _gazette_content(text[comma.end():stop], parsed)
        return stop
    return pos


_SEGMENT_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?=(?:Tambahan|TLN|TLD)\b)", _F)
_GAZETTE = re.compile(
    rf"^(?:(?P<paper>Lembaran|Berita)\s+(?P<level>Negara|Daerah)|(?P<abbr>LN|BN|LD|BD))(?P<where>.*?)\s*"
    rf"(?:{_YEAR}(?P<year>\d{{4}})\s*,?\s*{_NUM}(?P<number>\d+)|{_NUM}(?P<number2>\d+)\s*,?\s*{_YEAR}"
    rf"(?P<year2>\d{{4}}))(?P<rest>.*)$", _F)
_SUPPLEMENT = re.compile(
    rf"^(?:Tambahan\s+(?:Lembaran|Berita)\s+(?:Negara|Daerah)|TLN|TLD)(?P<where>.*?)\s*(?:{_NUM})?"
    r"(?P<number>\d+)(?P<rest>.*)$", _F)
_GAZETTE_PAPER = {
    "LN": ("Lembaran", "Negara"), "BN": ("Berita", "Negara"), "LD": ("Lembaran", "Daerah"),
    "BD": ("Berita", "Daerah"),
}


def _gazette_content(content: str, parsed: ParsedCitation) -> None:
    unread = []
    for segment in _SEGMENT_SPLIT.split(content.strip()):
        segment = segment.strip()
        if not segment:
            continue
        supplement = _SUPPLEMENT.match(segment)
        gazette = None if supplement else _GAZETTE.match(segment)
        if supplement and parsed.supplement is None:
            parsed.supplement = int(supplement.group("number"))
            if supplement.group("rest").strip():
                unread.append(supplement.group("rest").strip())
        elif gazette and parsed.gazette is None:
            year = int(gazette.group("year") or gazette.group("year2"))
            number = int(gazette.group("number") or gazette.group("number2"))
            if gazette.group("abbr"):
                paper, level = _GAZETTE_PAPER[gazette.group("abbr").upper()]
            else:
                paper, level = gazette.group("paper").capitalize(), gazette.group("level").capitalize()
            where = gazette.group("where").strip(" ,")
            parsed.gazette_name = f"{paper} {level}" + (f" {where}" if where else "")
            if number >= 1:
                parsed.gazette = Publication.model_validate({"tahun": year, "nomor": number})
            if gazette.group("rest").strip():
                unread.append(gazette.group("rest").strip())
        else:
            unread.append(segment)
    if unread:
        parsed.notes.append("data pengundangan yang tidak dibaca: " + "; ".join(f"\"{u}\"" for u in unread))


def _read_amendments(text: str, pos: int, parsed: ParsedCitation) -> int:
    """Read the "sebagaimana telah ... diubah ... dengan <citation>[, dan <citation>...]" clauses."""
    while True:
        clause = _AMENDMENT.match(text, pos)
        if clause is None or _citation_start(text, clause.end()) is None:
            return pos
        words = text[clause.start():clause.end()].strip(" ,")
        parsed.amendment = words if parsed.amendment is None else f"{parsed.amendment}; {words}"
        parsed.several = parsed.several or bool(_SEVERAL.search(clause.group("form")))
        pos = clause.end()
        while True:
            amending, end = _parse_at(text, pos, in_list=True)
            if amending is None:
                parsed.notes.append(f"peraturan pengubah tidak dikenali: \"{text[pos:].strip()}\"")
                return len(text)
            amending.text = text[pos:end].strip(" ,")
            parsed.amended_by.append(amending)
            pos = end
            following = _next_in_list(text, pos)
            if following is None or text[pos:following[0]].strip():
                break
            pos = following[1]


def _complete(parsed: ParsedCitation) -> None:
    """Fill the issuer from a regional gazette, and note data that do not fit the kind."""
    name = parsed.gazette_name or ""
    regional = re.match(r"(?:Lembaran|Berita) Daerah (?P<region>.+)$", name)
    region = regional.group("region") if regional else None
    if region and parsed.kind in (LegalKind.PERDA, LegalKind.PERDA_PROVINSI, LegalKind.PERKADA,
                                  LegalKind.PERGUB, LegalKind.KEPKADA):
        if parsed.issuer is None:
            parsed.issuer = region
            parsed.notes.append(f"nama daerah tidak disebut dalam judul peraturan; diambil dari \"{name}\"")
            if parsed.kind is LegalKind.PERDA and region.split(" ")[0].casefold() == "provinsi":
                parsed.kind = LegalKind.PERDA_PROVINSI
        elif _fold(region) != _fold(parsed.issuer):
            parsed.notes.append(f"daerah pada data pengundangan (\"{region}\") berbeda dengan pembentuk "
                                f"(\"{parsed.issuer}\")")
    expected = _EXPECTED_PAPER.get(parsed.kind)
    if parsed.gazette_name and expected and not parsed.gazette_name.startswith(expected):
        parsed.notes.append(f"{_KIND_WORDS[parsed.kind]} biasanya diundangkan dalam {expected}, bukan "
                            f"\"{parsed.gazette_name}\"")


_EXPECTED_PAPER = {
    LegalKind.UU: "Lembaran Negara", LegalKind.PERPPU: "Lembaran Negara", LegalKind.PP: "Lembaran Negara",
    LegalKind.PERPRES: "Lembaran Negara", LegalKind.PERMEN: "Berita Negara", LegalKind.PERBAN: "Berita Negara",
    LegalKind.PERDA: "Lembaran Daerah", LegalKind.PERDA_PROVINSI: "Lembaran Daerah",
    LegalKind.PERKADA: "Berita Daerah", LegalKind.PERGUB: "Berita Daerah", LegalKind.KEPKADA: "Berita Daerah",
}


def _fold(text: str) -> str:
    """Comparison form of a name: case, spacing and "Walikota"/"Wali Kota" ignored."""
    return re.sub(r"[\s-]+", "", text.casefold())


# --------------------------------------------------------------------------------------------------
# Revocations (ketentuan penutup)

_REVOKED = re.compile(r"\b(?:dicabut|dinyatakan\s+(?:dicabut|tidak\s+berlaku))\b", _F)
_REVOCATION_INTRO = re.compile(
    r"^(?:Pada\s+saat|Dengan\s+(?:di)?berlakunya|Sejak|Mulai)\b.*?\bini\b(?:\s+mulai\s+berlaku)?\s*[,:]?\s*", _F)
_LIST_ITEM = re.compile(r"(?:^|(?<=[\s:;,]))(?:[a-z]|\d{1,2})\s*[.)]\s+", _F)


def parse_revocation(text: str, unread: list[str] | None = None) -> list[ParsedCitation]:
    """The regulations a ketentuan penutup revokes ("Pada saat ... mulai berlaku, <citation>[, dan ...] dicabut
    dan dinyatakan tidak berlaku."), also as a list a./b. or 1./2.; [] when the text revokes nothing. Parts
    that name no regulation the catalogue knows go to ``unread`` when given (the caller reports them)."""
    text = _collapse(text)
    closing = _REVOKED.search(text)
    if closing is None:
        return []
    head = _REVOCATION_INTRO.sub("", text[:closing.start()], count=1).strip().rstrip(",;:").strip()
    items = _list_items(head)
    found: list[ParsedCitation] = []
    for item in items:
        item = _clean_item(item)
        if not item:
            continue
        pos = 0
        while True:
            start = _citation_start(item, pos)
            parsed, end = (None, pos) if start is None else _parse_at(item, start, in_list=True)
            if parsed is None:
                if unread is not None:
                    unread.append(item[pos:].strip())
                break
            article = item[pos:start].strip() or None
            parsed.article = article
            parsed.text = item[pos:end].strip(" ,;")
            end = _read_amendments(item, end, parsed)
            parsed.text = item[pos:end].strip(" ,;")
            found.append(parsed)
            following = _next_in_list(item, end)
            if following is None or item[end:following[0]].strip():
                rest = item[end:].strip(" ,;")
                if rest and unread is not None:
                    unread.append(rest)
                break
            pos = following[1]
    return found


def _list_items(text: str) -> list[str]:
    """Split "a. X; b. Y" (labels followed by a citation) into items; the text itself when not a list."""
    starts = [m for m in _LIST_ITEM.finditer(text) if _citation_start(text, m.end()) is not None]
    if len(starts) < 2 and not (starts and starts[0].start() == 0):
        return [text]
    items = []
    if text[:starts[0].start()].strip():
        items.append(text[:starts[0].start()])
    for index, label in enumerate(starts):
        stop = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        items.append(text[label.start():stop])
    return items


# --------------------------------------------------------------------------------------------------
# Matching and new entries


def _entries(catalogue: Iterable[LegalBasis] | Mapping[str, LegalBasis]) -> list[LegalBasis]:
    return list(catalogue.values()) if isinstance(catalogue, Mapping) else list(catalogue)


def match(parsed: ParsedCitation, catalogue: Iterable[LegalBasis] | Mapping[str, LegalBasis]) -> str | None:
    """The id of the catalogue entry of the same regulation: kind, number and year agree (UUD: kind and year).
    For kinds named after their issuer (Permen, Perban, Perda, Perkada, ...) the issuer must agree as well
    when both are known: Peraturan Menteri Dalam Negeri 80/2015 is not Peraturan Menteri Keuangan 80/2015."""
    for entry in _entries(catalogue):
        if entry.kind is not parsed.kind or entry.year != parsed.year:
            continue
        if parsed.kind is LegalKind.UUD:
            return entry.id
        if parsed.number is None or entry.number != parsed.number:
            continue
        if parsed.issuer and entry.issuer and _fold(parsed.issuer) != _fold(entry.issuer):
            continue
        return entry.id
    return None


def differences(parsed: ParsedCitation, entry: LegalBasis) -> list[str]:
    """What the citation says otherwise than the matched catalogue entry (Indonesian, for the report)."""
    found = []
    if parsed.title and entry.title and parsed.title != entry.title:
        found.append(f"judul berbeda: sumber \"{parsed.title}\", katalog \"{entry.title}\"")
    # Compared by value: entries read from a project carry their source location (private attributes), which
    # model equality would compare too.
    if parsed.gazette and entry.gazette and (parsed.gazette.year, parsed.gazette.number) != (
            entry.gazette.year, entry.gazette.number):
        found.append(f"lembaran berbeda: sumber Tahun {parsed.gazette.year} Nomor {parsed.gazette.number}, "
                     f"katalog Tahun {entry.gazette.year} Nomor {entry.gazette.number}")
    if parsed.gazette and entry.gazette is None:
        found.append(f"sumber menyebut lembaran Tahun {parsed.gazette.year} Nomor {parsed.gazette.number}; "
                     "katalog belum mencatatnya")
    if parsed.supplement and entry.supplement and parsed.supplement != entry.supplement:
        found.append(f"tambahan berbeda: sumber Nomor {parsed.supplement}, katalog Nomor {entry.supplement}")
    if parsed.supplement and entry.supplement is None:
        found.append(f"sumber menyebut tambahan Nomor {parsed.supplement}; katalog belum mencatatnya")
    return found


# Short id prefixes of ministries and agencies as regional practice writes them; any other issuer gets
# "permen-<name>" / "perban-<name>". Prefixes already used in the catalogue win (see _learned_prefixes).
_MINISTRY_PREFIX = {
    "dalam negeri": "permendagri",
    "keuangan": "pmk",
    "kesehatan": "permenkes",
    "sosial": "permensos",
    "pendayagunaan aparatur negara dan reformasi birokrasi": "permenpanrb",
    "desa, pembangunan daerah tertinggal, dan transmigrasi": "permendesa",
}
_KIND_PREFIX = {
    LegalKind.UUD: "uud", LegalKind.UU: "uu", LegalKind.PERPPU: "perppu", LegalKind.PP: "pp",
    LegalKind.PERPRES: "perpres",
}
_OFFICE_PREFIX = {
    LegalKind.PERKADA: {"Kota": "perwali", "Kabupaten": "perbup", "Provinsi": "pergub"},
    LegalKind.PERGUB: {"Provinsi": "pergub"},
    LegalKind.KEPKADA: {"Kota": "kepwali", "Kabupaten": "kepbup", "Provinsi": "kepgub"},
}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def _learned_prefixes(catalogue: Iterable[LegalBasis]) -> dict[tuple[LegalKind, str], str]:
    """(kind, folded issuer) -> id prefix, from the catalogue's own ids (``perda-pangkep-3-2020`` teaches that
    Kabupaten Pangkajene dan Kepulauan is ``pangkep``; ``permendagri-80-2015`` that Dalam Negeri is
    ``permendagri``)."""
    learned: dict[tuple[LegalKind, str], str] = {}
    for entry in catalogue:
        if not entry.issuer or entry.number is None:
            continue
        suffix = f"-{entry.number}-{entry.year}"
        prefix = entry.id[:-len(suffix)] if entry.id.endswith(suffix) else ""
        # A bare head (perwali-1-2020) says nothing about the region: the region goes into new ids.
        if prefix and not (entry.kind not in (LegalKind.PERMEN, LegalKind.PERBAN) and "-" not in prefix):
            learned.setdefault((entry.kind, _fold(entry.issuer)), prefix)
    return learned


def _region_parts(issuer: str) -> tuple[str, str]:
    word, _, name = issuer.partition(" ")
    return (word, name) if word in _REGION_WORDS and name else ("", issuer)


def id_prefix(parsed: ParsedCitation, catalogue: Iterable[LegalBasis] = ()) -> str:
    """The id's words before ``-<nomor>-<tahun>``: ``uu``, ``permendagri``, ``perda-parepare``,
    ``perwali-parepare``, ``perbup-pangkajene-dan-kepulauan`` (or the region's short form the catalogue
    already uses)."""
    kind, issuer = parsed.kind, parsed.issuer or ""
    if kind in _KIND_PREFIX:
        return _KIND_PREFIX[kind]
    learned = _learned_prefixes(catalogue).get((kind, _fold(issuer))) if issuer else None
    if learned:
        return learned
    if kind is LegalKind.PERMEN:
        return _MINISTRY_PREFIX.get(issuer.casefold()) or "-".join(filter(None, ["permen", _slug(issuer)]))
    if kind is LegalKind.PERBAN:
        return "-".join(filter(None, ["perban", _slug(issuer)]))
    word, name = _region_parts(issuer)
    region = _region_slug(kind, issuer, catalogue) or _slug(name)
    if kind is LegalKind.PERDA:
        head = "perda"
    elif kind is LegalKind.PERDA_PROVINSI:
        head = "perda-provinsi"
    else:
        head = _OFFICE_PREFIX[kind].get(word, _OFFICE_PREFIX[kind].get("Kota", "perkada"))
    return "-".join(filter(None, [head, region]))


def _region_slug(kind: LegalKind, issuer: str, catalogue: Iterable[LegalBasis]) -> str | None:
    """A region's short form from any regional entry of the catalogue with the same issuer."""
    if not issuer:
        return None
    heads = ("perda-provinsi-", "perda-", "perwali-", "perbup-", "pergub-", "kepwali-", "kepbup-", "kepgub-")
    for (learned_kind, learned_issuer), prefix in _learned_prefixes(catalogue).items():
        if learned_issuer != _fold(issuer) or learned_kind in (LegalKind.PERMEN, LegalKind.PERBAN):
            continue
        for head in heads:
            if prefix.startswith(head) and len(prefix) > len(head):
                return prefix[len(head):]
    return None


def new_id(parsed: ParsedCitation, taken_ids: Iterable[str], catalogue: Iterable[LegalBasis] = ()) -> str:
    """An id in the repository's style (``uu-23-2014``, ``permendagri-80-2015``, ``perwali-parepare-5-2019``,
    ``uud-1945``), made unique against ``taken_ids`` with ``-2``, ``-3``, ..."""
    taken = set(taken_ids)
    prefix = id_prefix(parsed, _entries(catalogue))
    base = f"{prefix}-{parsed.year}" if parsed.kind is LegalKind.UUD else f"{prefix}-{parsed.number}-{parsed.year}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


_NO_SUPPLEMENT = (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERKADA, LegalKind.PERGUB, LegalKind.KEPKADA)
_ISSUED_BY_NAME = (LegalKind.PERMEN, LegalKind.PERBAN, LegalKind.PERDA, LegalKind.PERKADA,
                   LegalKind.PERDA_PROVINSI, LegalKind.PERGUB, LegalKind.KEPKADA)


def missing(parsed: ParsedCitation) -> list[str]:
    """Why no catalogue entry can be made from the citation (Indonesian); [] when one can."""
    if parsed.kind is LegalKind.UUD:
        return []
    reasons = []
    if parsed.number is None:
        reasons.append("nomor berupa angka tidak ada")
    if not parsed.title:
        reasons.append("judul (sesudah 'tentang') tidak disebut")
    if parsed.kind in _ISSUED_BY_NAME and not parsed.issuer:
        reasons.append("pembentuknya (kementerian, lembaga, atau daerah) tidak disebut")
    return reasons


def new_entry(parsed: ParsedCitation, taken_ids: Iterable[str], source: str = "", *,
              amended_by: Iterable[str] = (), catalogue: Iterable[LegalBasis] = (),
              extra_notes: Iterable[str] = ()) -> dict[str, Any]:
    """A catalogue mapping (the keys of ``kb/dasar-hukum.yaml``) for a regulation not yet in the catalogue,
    ``terkonfirmasi: false``. ``amended_by`` are the ids of its amendments, in order. Raises ValueError when the
    citation lacks what an entry needs (:func:`missing`)."""
    reasons = missing(parsed)
    if reasons:
        raise ValueError(f"{parsed.label}: " + "; ".join(reasons))
    entry: dict[str, Any] = {"id": new_id(parsed, taken_ids, catalogue), "jenis": parsed.kind.value}
    if parsed.kind is not LegalKind.UUD:
        if parsed.issuer and parsed.kind in _ISSUED_BY_NAME:
            entry["pembentuk"] = parsed.issuer
        entry["nomor"] = parsed.number
    entry["tahun"] = parsed.year
    if parsed.kind is not LegalKind.UUD:
        entry["tentang"] = parsed.title
        if parsed.gazette:
            entry["lembaran"] = {"tahun": parsed.gazette.year, "nomor": parsed.gazette.number}
        if parsed.supplement and parsed.kind not in _NO_SUPPLEMENT:
            entry["tambahan"] = parsed.supplement
    amended = list(amended_by)
    if amended:
        entry["diubah_dengan"] = amended
    entry["terkonfirmasi"] = False
    note = f"Diimpor dari {source}; cocokkan dengan salinan resmi (JDIH)." if source else \
        "Diimpor; cocokkan dengan salinan resmi (JDIH)."
    extras = [n.rstrip(".") + "." for n in extra_notes if n]
    entry["catatan"] = " ".join([note, *extras])
    LegalBasis.model_validate(entry)  # a bug here must not reach the user's catalogue
    return entry


# --------------------------------------------------------------------------------------------------
# A whole import: several citations against one catalogue


@dataclass
class Resolution:
    """What one citation became in the catalogue."""

    id: str | None
    """The catalogue id (existing or new); None when no entry could be made (see ``notes``)."""
    article: str | None
    matched: bool
    """True when the regulation was already in the catalogue (or created earlier in this import)."""
    notes: list[str] = field(default_factory=list)
    """Indonesian, for the report."""

    @property
    def mengingat_item(self) -> str | dict[str, str] | None:
        """The regulation YAML's ``mengingat`` item: the id, or ``{id, pasal}`` with an article."""
        if self.id is None:
            return None
        return {"id": self.id, "pasal": self.article} if self.article else self.id


class CatalogueImport:
    """Resolves the citations of one imported regulation against the catalogue, collecting new entries.

    Regulations created earlier in the same import are matched like catalogue entries, so a law cited in two
    items (or cited and also amending another) gets one entry. Existing entries are never changed: what the
    source adds to them (an amendment not in ``diubah_dengan``, another LN number) is reported instead.
    """

    def __init__(self, catalogue: Iterable[LegalBasis] | Mapping[str, LegalBasis], source: str):
        self.catalogue = _entries(catalogue)
        self.source = source
        self.entries: list[dict[str, Any]] = []
        """New entries, in the order to append them."""
        self._known = list(self.catalogue)
        self._created: set[str] = set()

    @property
    def taken_ids(self) -> set[str]:
        return {entry.id for entry in self._known}

    def resolve(self, parsed: ParsedCitation) -> Resolution:
        notes = [f"{parsed.label}: {n}" for n in parsed.notes]
        amendment_ids: list[str] = []
        new_amendments: list[dict[str, Any]] = []
        for amending in parsed.amended_by:
            notes.extend(f"{amending.label}: {n}" for n in amending.notes)
            found = match(amending, self._known)
            if found:
                amendment_ids.append(found)
                notes.extend(self._differences(amending, found))
                continue
            reasons = missing(amending)
            if reasons:
                notes.append(f"{amending.label} (pengubah {parsed.label}) tidak dimasukkan ke katalog: "
                             + "; ".join(reasons))
                continue
            entry = new_entry(amending, self.taken_ids, self.source, catalogue=self._known)
            new_amendments.append(entry)
            self._add(entry)
            amendment_ids.append(entry["id"])
        found = match(parsed, self._known)
        if found:
            notes.extend(self._differences(parsed, found))
            known = next(e for e in self._known if e.id == found)
            absent = [i for i in amendment_ids if i not in known.amended_by]
            if absent and found not in self._created:
                notes.append(f"{found}: perubahan {', '.join(absent)} disebut sumber tetapi tidak tercatat dalam "
                             "diubah_dengan di katalog; katalog yang ada tidak diubah, tambahkan sendiri")
            self.entries.extend(new_amendments)
            return Resolution(found, parsed.article, True, notes)
        reasons = missing(parsed)
        if reasons:
            notes.append(f"{parsed.label} tidak dimasukkan ke katalog: " + "; ".join(reasons))
            self.entries.extend(new_amendments)
            return Resolution(None, parsed.article, False, notes)
        extra = []
        if parsed.several and len(amendment_ids) == 1:
            extra.append("Sumber menyebut 'beberapa kali diubah' tetapi hanya perubahan terakhir; lengkapi "
                         "diubah_dengan dengan perubahan sebelumnya menurut urutannya")
            notes.append(f"{parsed.label}: sumber hanya menyebut perubahan terakhir dari beberapa perubahan; "
                         "lengkapi diubah_dengan di katalog")
        entry = new_entry(parsed, self.taken_ids, self.source, amended_by=amendment_ids, catalogue=self._known,
                          extra_notes=extra)
        self._add(entry)
        self.entries.append(entry)
        self.entries.extend(new_amendments)
        notes.append(f"{parsed.label}: entri baru {entry['id']} (terkonfirmasi: false)")
        notes.extend(f"{parsed.label}: entri baru {e['id']} untuk perubahannya (terkonfirmasi: false)"
                     for e in new_amendments)
        return Resolution(entry["id"], parsed.article, False, notes)

    def _add(self, entry: dict[str, Any]) -> None:
        self._known.append(LegalBasis.model_validate(entry))
        self._created.add(entry["id"])

    def _differences(self, parsed: ParsedCitation, found: str) -> list[str]:
        entry = next(e for e in self._known if e.id == found)
        return [f"{found}: {d}" for d in differences(parsed, entry)]


# --------------------------------------------------------------------------------------------------
# Writing

_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9][^:#'\"\n]*$")
_WIDTH = 100


def _scalar(value: Any, column: int, pad: str = "    ") -> str:
    """A YAML value in the catalogue's style: plain when safe and short enough to end before the width when
    starting at ``column``, else a folded ``>-`` block indented by ``pad``."""
    import yaml

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain_ok = bool(_PLAIN_SAFE.match(text)) and not text.endswith(" ")
    if plain_ok:
        try:
            plain_ok = yaml.safe_load(f"k: {text}") == {"k": text}
        except yaml.YAMLError:
            plain_ok = False
    if plain_ok and column + len(text) <= _WIDTH:
        return text
    if "\n" not in text and text == text.strip() and "  " not in text and text:
        lines, line = [], ""
        for word in text.split(" "):
            if line and len(pad) + len(line) + 1 + len(word) > _WIDTH:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        return ">-\n" + "\n".join(pad + part for part in lines)
    import json

    return json.dumps(text, ensure_ascii=False)


def entries_text(entries: list[dict[str, Any]]) -> str:
    """The entries as YAML list items in the catalogue's style (one blank line between entries)."""
    blocks = []
    for entry in entries:
        lines = []
        for index, (key, value) in enumerate(entry.items()):
            lead = "- " if index == 0 else "  "
            if isinstance(value, dict):
                inner = ", ".join(f"{k}: {_scalar(v, 0)}" for k, v in value.items())
                lines.append(f"{lead}{key}: {{{inner}}}")
            elif isinstance(value, list):
                lines.append(f"{lead}{key}:")
                lines.extend(f"    - {_scalar(item, 6, ' ' * 8)}" for item in value)
            else:
                lines.append(f"{lead}{key}: {_scalar(value, 2 + len(key) + 2)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def append_entries(catalogue_path: Path, entries: list[dict[str, Any]], source: str = "") -> None:
    """Append ``entries`` to the catalogue file as text, after a blank line and the comment
    ``## Diimpor oleh rancang impor peraturan dari <source>``; the existing text (comments, formatting,
    entries) is kept byte for byte. Written atomically. Raises ValueError, writing nothing, when the result
    would not read back as the old entries followed by the new ones."""
    import yaml

    if not entries:
        return
    catalogue_path = Path(catalogue_path)
    old = catalogue_path.read_bytes() if catalogue_path.exists() else b""
    old_text = old.decode("utf-8-sig")
    if old_text.strip():
        from rancang.yamlsource import compose, is_empty_list, without_node

        node, _ = compose(old_text, str(catalogue_path))
        if is_empty_list(node):  # "[]" or "null": nothing listed yet, the entries follow in block style
            old_text = without_node(old_text, node)
            old = old[:3] * old.startswith(b"\xef\xbb\xbf") + old_text.encode("utf-8")
    heading = f"## Diimpor oleh rancang impor peraturan dari {source}" if source else \
        "## Diimpor oleh rancang impor peraturan"
    if not old_text or old_text.endswith("\n\n"):
        separator = ""
    else:
        separator = "\n" if old_text.endswith("\n") else "\n\n"
    addition = f"{separator}{heading}\n{entries_text(entries)}"
    new = old + addition.encode("utf-8")
    try:
        before = yaml.safe_load(old_text) if old_text.strip() else None
        after = yaml.safe_load(new.decode("utf-8-sig"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{catalogue_path}: katalog tidak dapat dibaca sebagai YAML: {exc}") from None
    before = before or []
    if not isinstance(after, list) or after[:len(before)] != before or after[len(before):] != entries:
        raise ValueError(f"{catalogue_path}: entri baru tidak dapat ditambahkan tanpa mengubah isi katalog "
                         "(katalog bukan daftar YAML biasa)")
    atomic_write_bytes(catalogue_path, new)
