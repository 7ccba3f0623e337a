"""Rules for the legal-basis catalogue (``kb/dasar-hukum.yaml``): data that cannot be right.

Every citation rancang prints is written from these entries, so a wrong year or number in one entry is
printed in every regulation that cites it. These rules never guess what the right value is from outside
knowledge: they check an entry against itself (its year, its date of promulgation, its gazette) and against
the catalogue's other entries (the acts it amends, the numbers of the same gazette series). Facts they rely on:

- an act is promulgated (diundangkan) on or after the day it is enacted (ditetapkan), and the Lembaran or
  Berita in which it is promulgated is that of the year of promulgation;
- the title of an amendment names the act it amends (``Perubahan Kedua atas Undang-Undang Nomor 23 Tahun
  2014 tentang ...``), and amendments follow one another in time;
- Lembaran Negara numbers restart every year, while Tambahan Lembaran Negara numbers run on across years
  (TLN 1822 is of 1959, TLN 5587 of 2014): within one year a later Lembaran has a later Tambahan, and a later
  year has later Tambahan numbers than every earlier one; two acts never share a Lembaran or a Tambahan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.language.citation import name_of
from rancang.lint.context import LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule
from rancang.models.catalogue import LegalBasis, LegalKind
from rancang.locations import locate, locate_in_text

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def _entries(context: LintContext) -> list[LegalBasis]:
    return list(context.data.catalogue.values())


# -- L516: the year of promulgation ---------------------------------------------------------


@rule(
    "L516", "Tahun pengundangan tidak sesuai dengan tahun peraturan", ERROR,
    "Peraturan diundangkan pada atau sesudah tanggal ditetapkan, dalam Lembaran Negara/Berita Negara/Lembaran "
    "Daerah/Berita Daerah tahun pengundangannya (Pasal 81-86 UU 12/2011; Lampiran II UU 12/2011, teknik "
    "pengundangan). Maka tahun 'lembaran' tidak dapat lebih awal dari 'tahun' peraturan, tahun 'diundangkan' "
    "juga tidak, dan tanggal 'diundangkan' jatuh pada tahun 'lembaran'. Bila tidak, salah satu angka itu salah "
    "ketik, dan yang salah tercetak dalam setiap kutipan peraturan itu.",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2016
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          diundangkan: 2017-09-19
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 6123
          terkonfirmasi: true
    """),
)
def publication_year_fits(context: LintContext) -> Iterator[Diagnostic]:
    for entry in _entries(context):
        gazette, enacted = entry.gazette, entry.enacted
        if gazette is not None and gazette.year < entry.year:
            yield diagnostic(
                "L516", f"{quote(entry.id)} (tahun {entry.year}) diundangkan dalam {_gazette_name(entry)} Tahun "
                        f"{gazette.year}, sebelum tahun peraturannya sendiri",
                locate(gazette, "year"),
                f"periksa 'tahun' peraturan dan tahun 'lembaran' pada salinan resmi (JDIH); keduanya sama, atau "
                f"tahun 'lembaran' sesudahnya bila peraturan diundangkan pada tahun berikutnya")
        if enacted is not None and enacted.year < entry.year:
            yield diagnostic(
                "L516", f"{quote(entry.id)} (tahun {entry.year}) diundangkan pada {enacted.year}, sebelum tahun "
                        f"peraturannya sendiri", locate(entry, "enacted"),
                "periksa tanggal 'diundangkan' dan 'tahun' peraturan pada salinan resmi (JDIH)")
        elif enacted is not None and gazette is not None and enacted.year != gazette.year:
            yield diagnostic(
                "L516", f"{quote(entry.id)} diundangkan pada {enacted.year} tetapi dalam {_gazette_name(entry)} "
                        f"Tahun {gazette.year}; lembaran adalah lembaran tahun pengundangan",
                locate(gazette, "year"),
                "samakan tahun 'lembaran' dengan tahun 'diundangkan' menurut salinan resmi (JDIH)")


def _gazette_name(entry: LegalBasis) -> str:
    kind = entry.kind
    if kind in _NATIONAL:
        return "Lembaran Negara"
    if kind in (LegalKind.PERMEN, LegalKind.PERBAN):
        return "Berita Negara"
    if kind in (LegalKind.PERDA, LegalKind.PERDA_PROVINSI):
        return "Lembaran Daerah"
    return "Berita Daerah"


# -- L517: the title of an amendment --------------------------------------------------------

_ORDINALS = {"": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
             "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10}
_AMENDS = re.compile(
    r"\bPerubahan\s+(?:(?P<ordinal>Ke\w+)\s+)?atas\s+(?P<head>(?:(?!\bPerubahan\b)[^\d])+?)\s+Nomor\s+(?P<number>\d+)"
    r"\s+Tahun\s+(?P<year>\d{4})\b", re.I)
"""``Perubahan [Kedua] atas <jenis> Nomor N Tahun T``: what an amendment's title says it amends."""


@dataclass(frozen=True)
class _Mention:
    ordinal: int | None
    """1 for ``Perubahan atas``, 2 for ``Perubahan Kedua atas``...; None for an ordinal not understood."""
    head: str
    number: int
    year: int
    text: str


def _mentions(title: str | None) -> list[_Mention]:
    found = []
    for match in _AMENDS.finditer(title or ""):
        ordinal = _ORDINALS.get((match.group("ordinal") or "").casefold())
        found.append(_Mention(ordinal, " ".join(match.group("head").split()), int(match.group("number")),
                              int(match.group("year")), match.group()))
    return found


def _squeezed(text: str) -> str:
    """Compared without case and spaces: 'Peraturan Walikota' = 'Peraturan Wali Kota'."""
    return "".join(text.split()).casefold()


def _head(entry: LegalBasis) -> str:
    return name_of(entry).split(" Nomor ")[0]


def _about(mentions: list[_Mention], amended: LegalBasis) -> list[_Mention]:
    """The mentions that name an act of the amended act's kind (all of them when none does)."""
    same_kind = [m for m in mentions if _squeezed(m.head) == _squeezed(_head(amended))]
    return same_kind or mentions


def _amendments(context: LintContext) -> Iterator[tuple[LegalBasis, int, LegalBasis]]:
    """(amended act, position in its ``diubah_dengan``, amendment) for every id the catalogue knows."""
    catalogue = context.data.catalogue
    for entry in _entries(context):
        for index, other in enumerate(entry.amended_by):
            amendment = catalogue.get(other)
            if amendment is not None and amendment is not entry:
                yield entry, index, amendment


@rule(
    "L517", "Judul perubahan menyebut peraturan yang diubah dengan nomor atau tahun lain", ERROR,
    "Nama peraturan perubahan menyebut peraturan yang diubahnya: 'Perubahan atas Undang-Undang Nomor 12 Tahun "
    "2011 tentang ...' (Lampiran II UU 12/2011, teknik perubahan peraturan). Bila peraturan yang tercantum "
    "dalam 'diubah_dengan' sebuah entri menyebut nomor atau tahun lain, salah satu entri salah: kutipan "
    "'sebagaimana telah diubah dengan ...' lalu menyebut dua peraturan yang tidak cocok.",
    wrong=Example("dasar-hukum", """
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Pemerintahan Daerah
          lembaran:
            tahun: 2014
            nomor: 244
          tambahan: 5587
          diubah_dengan:
            - uu-9-2015
          terkonfirmasi: true
        - id: uu-9-2015
          jenis: UU
          nomor: 9
          tahun: 2015
          tentang: Perubahan Kedua atas Undang-Undang Nomor 32 Tahun 2014 tentang Pemerintahan Daerah
          lembaran:
            tahun: 2015
            nomor: 58
          tambahan: 5679
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Pemerintahan Daerah
          lembaran:
            tahun: 2014
            nomor: 244
          tambahan: 5587
          diubah_dengan:
            - uu-9-2015
          terkonfirmasi: true
        - id: uu-9-2015
          jenis: UU
          nomor: 9
          tahun: 2015
          tentang: Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
          lembaran:
            tahun: 2015
            nomor: 58
          tambahan: 5679
          terkonfirmasi: true
    """),
)
def amendment_title_names_the_amended(context: LintContext) -> Iterator[Diagnostic]:
    for amended, _index, amendment in _amendments(context):
        mentions = _about(_mentions(amendment.title), amended)
        if not mentions or amended.number is None:
            continue  # 'Cipta Kerja', a Perppu made law: the title does not say what it amends
        if any((m.number, m.year) == (amended.number, amended.year) for m in mentions):
            continue
        mention = mentions[0]
        named = f"{mention.head} Nomor {mention.number} Tahun {mention.year}"
        yield diagnostic(
            "L517", f"{quote(amendment.id)} tercantum dalam 'diubah_dengan' {quote(amended.id)} ({_head(amended)} "
                    f"Nomor {amended.number} Tahun {amended.year}), tetapi judulnya menyebut {quote(named, 90)}",
            locate_in_text(amendment, "title", f"Nomor {mention.number} Tahun {mention.year}",
                           fold_whitespace=True),
            f"cocokkan judul {amendment.id} serta nomor dan tahun {amended.id} dengan salinan resmi (JDIH); bila "
            f"{amendment.id} mengubah peraturan lain, hapus dari 'diubah_dengan' {amended.id}")


# -- L518: the order of the amendments ------------------------------------------------------


def _before(first: LegalBasis, second: LegalBasis) -> bool | None:
    """Whether ``first`` was certainly promulgated before ``second`` (True), certainly after (False), or the
    catalogue cannot tell (None)."""
    if first.enacted is not None and second.enacted is not None:
        a, b = first.enacted, second.enacted
        if a.year != b.year:
            return a.year < b.year
        if a.month is not None and b.month is not None and a.month != b.month:
            return a.month < b.month
        if None not in (a.month, a.day, b.month, b.day) and a.day != b.day:
            return a.day < b.day
    if first.year != second.year:
        return first.year < second.year
    if (first.gazette is not None and second.gazette is not None and first.gazette.year == second.gazette.year
            and _series(first) == _series(second) and first.gazette.number != second.gazette.number):
        return first.gazette.number < second.gazette.number
    return None


@rule(
    "L518", "Perubahan dalam 'diubah_dengan' tidak urut waktu", ERROR,
    "'diubah_dengan' mendaftar perubahan dari yang pertama sampai yang terakhir; kutipan 'sebagaimana telah "
    "beberapa kali diubah, terakhir dengan ...' menyebut yang terakhir dalam daftar itu (Lampiran II UU "
    "12/2011, teknik dasar hukum). Perubahan tidak mungkin lebih tua dari peraturan yang diubahnya; perubahan "
    "kemudian lebih baru dari yang sebelumnya (tahun, tanggal diundangkan, atau nomor lembaran pada tahun yang "
    "sama), dan judul 'Perubahan Kedua atas' datang sesudah 'Perubahan atas'. Bila daftar tidak urut, yang "
    "disebut 'terakhir' bukan perubahan terakhir.",
    wrong=Example("dasar-hukum", """
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Pemerintahan Daerah
          lembaran:
            tahun: 2014
            nomor: 244
          tambahan: 5587
          diubah_dengan:
            - uu-9-2015
            - uu-2-2015
          terkonfirmasi: true
        - id: uu-2-2015
          jenis: UU
          nomor: 2
          tahun: 2015
          tentang: >-
            Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014 tentang Perubahan atas
            Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah menjadi Undang-Undang
          lembaran:
            tahun: 2015
            nomor: 24
          tambahan: 5657
          terkonfirmasi: true
        - id: uu-9-2015
          jenis: UU
          nomor: 9
          tahun: 2015
          tentang: Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
          lembaran:
            tahun: 2015
            nomor: 58
          tambahan: 5679
          terkonfirmasi: true
    """),
    right=Example("dasar-hukum", """
        - id: uu-23-2014
          jenis: UU
          nomor: 23
          tahun: 2014
          tentang: Pemerintahan Daerah
          lembaran:
            tahun: 2014
            nomor: 244
          tambahan: 5587
          diubah_dengan:
            - uu-2-2015
            - uu-9-2015
          terkonfirmasi: true
        - id: uu-2-2015
          jenis: UU
          nomor: 2
          tahun: 2015
          tentang: >-
            Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014 tentang Perubahan atas
            Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah menjadi Undang-Undang
          lembaran:
            tahun: 2015
            nomor: 24
          tambahan: 5657
          terkonfirmasi: true
        - id: uu-9-2015
          jenis: UU
          nomor: 9
          tahun: 2015
          tentang: Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
          lembaran:
            tahun: 2015
            nomor: 58
          tambahan: 5679
          terkonfirmasi: true
    """),
)
def amendments_in_order(context: LintContext) -> Iterator[Diagnostic]:
    catalogue = context.data.catalogue
    for entry in _entries(context):
        chain = [(index, catalogue[i]) for index, i in enumerate(entry.amended_by)
                 if i in catalogue and i != entry.id]
        for index, amendment in chain:
            if _before(amendment, entry) is True:
                yield diagnostic(
                    "L518", f"perubahan {quote(amendment.id)} (tahun {amendment.year}) lebih tua dari peraturan "
                            f"yang diubahnya, {quote(entry.id)} (tahun {entry.year})",
                    locate(entry, "amended_by", index),
                    f"periksa tahun {amendment.id} dan {entry.id}, dan apakah {amendment.id} memang mengubah "
                    f"{entry.id}")
        reported = False
        for (_, earlier), (index, later) in zip(chain, chain[1:]):
            if _before(earlier, later) is False:
                yield diagnostic(
                    "L518", f"dalam 'diubah_dengan' {quote(entry.id)}, {quote(later.id)} ditulis sesudah "
                            f"{quote(earlier.id)}, padahal lebih dahulu diundangkan; kutipan akan menyebut "
                            f"perubahan terakhir yang salah",
                    locate(entry, "amended_by", index), "urutkan dari perubahan pertama sampai yang terakhir")
                reported = True
        if reported:
            continue  # the titles would say the same again
        ordinals = [(index, amendment, m.ordinal) for index, amendment in chain
                    for m in _about(_mentions(amendment.title), entry)[:1]
                    if m.ordinal is not None and (m.number, m.year) == (entry.number, entry.year)]
        for (_, earlier, first), (index, later, second) in zip(ordinals, ordinals[1:]):
            if second <= first:
                yield diagnostic(
                    "L518", f"dalam 'diubah_dengan' {quote(entry.id)}, {quote(later.id)} (perubahan ke-{second} "
                            f"menurut judulnya) ditulis sesudah {quote(earlier.id)} (perubahan ke-{first})",
                    locate(entry, "amended_by", index), "urutkan dari perubahan pertama sampai yang terakhir")


# -- L519: Lembaran and Tambahan numbers ----------------------------------------------------

_NATIONAL = (LegalKind.UU, LegalKind.PERPPU, LegalKind.PP, LegalKind.PERPRES)
"""Promulgated in the Lembaran Negara; their Penjelasan in the Tambahan Lembaran Negara."""


def _series(entry: LegalBasis) -> tuple[str, str]:
    """The gazette series an entry's 'lembaran' number belongs to (numbered afresh each year)."""
    name = _gazette_name(entry)
    regional = name.endswith("Daerah")
    return name, _squeezed(entry.issuer or "") if regional else ""


@dataclass(frozen=True)
class _Clash:
    first: LegalBasis
    second: LegalBasis
    why: str
    key: str
    """``lembaran`` or ``tambahan``: the key that is wrong in one of the two."""


def _may_clash(published: list[LegalBasis]) -> bool:
    """Whether any two entries may clash: False for a consistent catalogue, found in n log n steps, so that
    the pairs are compared only when something is wrong."""
    seen: set[tuple] = set()
    for entry in published:
        key = (_series(entry), entry.gazette.year, entry.gazette.number)
        if key in seen:
            return True
        seen.add(key)
    national = sorted((e for e in published if e.kind in _NATIONAL and e.supplement is not None),
                      key=lambda e: (e.gazette.year, e.gazette.number))
    supplements = [e.supplement for e in national]
    return any(a >= b for a, b in zip(supplements, supplements[1:]))


def _clashes(entries: list[LegalBasis]) -> list[_Clash]:
    clashes: list[_Clash] = []
    published = [e for e in entries if e.gazette is not None]
    if not _may_clash(published):
        return clashes
    for i, a in enumerate(published):
        for b in published[i + 1:]:
            ga, gb = a.gazette, b.gazette
            if _series(a) == _series(b) and (ga.year, ga.number) == (gb.year, gb.number):
                clashes.append(_Clash(a, b, f"keduanya {_gazette_name(a)} Tahun {ga.year} Nomor {ga.number}",
                                      "lembaran"))
                continue
            if a.kind not in _NATIONAL or b.kind not in _NATIONAL or a.supplement is None or b.supplement is None:
                continue
            if a.supplement == b.supplement:
                clashes.append(_Clash(a, b, f"keduanya Tambahan Lembaran Negara Nomor {a.supplement}", "tambahan"))
                continue
            early, late = (a, b) if (ga.year, ga.number) < (gb.year, gb.number) else (b, a)
            if early.supplement > late.supplement:
                where = ("pada tahun yang sama, Lembaran Negara bernomor lebih besar" if ga.year == gb.year
                         else "Lembaran Negara tahun yang lebih kemudian")
                clashes.append(_Clash(
                    late, early,
                    f"{quote(late.id)} ({_publication(late)}) bernomor Tambahan lebih kecil dari {quote(early.id)} "
                    f"({_publication(early)}), padahal {where}; nomor Tambahan Lembaran Negara berlanjut dari "
                    f"tahun ke tahun", "tambahan"))
    return clashes


def _publication(entry: LegalBasis) -> str:
    text = f"LN {entry.gazette.year}/{entry.gazette.number}"
    return text + (f", TLN {entry.supplement}" if entry.supplement else "")


@rule(
    "L519", "Nomor Lembaran atau Tambahan tidak cocok dengan entri lain", WARNING,
    "Nomor Lembaran Negara dimulai lagi dari 1 setiap tahun, sedangkan nomor Tambahan Lembaran Negara berlanjut "
    "dari tahun ke tahun: pada tahun yang sama Lembaran yang bernomor lebih besar mendapat Tambahan yang lebih "
    "besar, dan Tambahan tahun yang lebih kemudian lebih besar dari semua Tambahan tahun sebelumnya. Dua "
    "peraturan tidak pernah berbagi satu Lembaran (atau Berita) atau satu Tambahan. Katalog diperiksa "
    "terhadap entrinya sendiri, tanpa daftar nomor dari luar; bila dua entri bertentangan, salah satunya salah "
    "ketik. Yang dilaporkan ialah entri yang paling banyak bertentangan dengan entri lain.",
    wrong=Example("dasar-hukum", """
        - id: pp-38-2017
          jenis: PP
          nomor: 38
          tahun: 2017
          tentang: Inovasi Daerah
          lembaran:
            tahun: 2017
            nomor: 206
          tambahan: 5123
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
def gazette_numbers_consistent(context: LintContext) -> Iterator[Diagnostic]:
    # An entry published "before" its own year is L516's finding; its numbers would only make right entries
    # look wrong here.
    entries = [e for e in _entries(context) if e.gazette is None or e.gazette.year >= e.year]
    clashes = _clashes(entries)
    # One wrong number clashes with many right ones: report the entry in most clashes, drop its clashes, and
    # repeat, so that one typo gives one finding.
    while clashes:
        count: dict[str, int] = {}
        for clash in clashes:
            for entry in (clash.first, clash.second):
                count[entry.id] = count.get(entry.id, 0) + 1
        most = max(count.values())
        order = [e.id for c in clashes for e in (c.first, c.second)]
        culprit = next(i for i in order if count[i] == most)
        mine = [c for c in clashes if culprit in (c.first.id, c.second.id)]
        clashes = [c for c in clashes if c not in mine]
        entry = mine[0].first if mine[0].first.id == culprit else mine[0].second
        others = sorted({(c.second if c.first is entry else c.first).id for c in mine})
        first = mine[0]
        more = f" (bertentangan juga dengan {len(others) - 1} entri lain)" if len(others) > 1 else ""
        message = (first.why if first.why.startswith("'") else
                   f"{quote(first.first.id)} dan {quote(first.second.id)}: {first.why}")
        other = first.second if first.first is entry else first.first
        yield diagnostic(
            "L519", message + more, _key_location(entry, first.key),
            f"cocokkan '{first.key}' {entry.id} (dan {other.id}) dengan salinan resmi (JDIH)")


def _key_location(entry: LegalBasis, key: str) -> Location:
    if key == "lembaran" and entry.gazette is not None:
        return locate(entry.gazette, "number")
    return locate(entry, "supplement" if key == "tambahan" else "gazette")

