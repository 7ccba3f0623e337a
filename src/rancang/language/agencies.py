"""Agency names as databases write them: one comparison key for the many spellings of one body.

An agency (perangkat daerah) exported from another database comes as ``DINAS KESEHATAN``, ``Dinkes Kota
Parepare``, ``Dinas Kesehatan`` or ``Dinas Kesehatn``; a ministry as ``Kemenkumham``, ``Kementerian Hukum dan
HAM`` or ``Kementerian Hukum dan Hak Asasi Manusia``. :func:`key` folds case, punctuation, spacing, ``&`` and
``dan``, and expands the abbreviations listed in ``singkatan-instansi.yaml`` (beside this module), so the
spellings of one body share a key. :func:`match` finds a name among the knowledge base's agencies (by name,
short name or alias, then allowing a region suffix on one side only, then a one-letter typo — reported as not
sure); :func:`near_duplicates` finds agencies of one list that are probably the same body. Two different
bodies never share a key: ``Dinas Kesehatan`` and ``Dinas Kesehatan Hewan``, ``Kecamatan Bacukiki`` and
``Kecamatan Bacukiki Barat`` differ by a word, which no rule here forgives.

:func:`tidy_caps` writes a name typed in capitals the way Indonesian names of institutions are written
(``BADAN PENANGGULANGAN BENCANA DAERAH (BPBD)`` → ``Badan Penanggulangan Bencana Daerah (BPBD)``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Mapping

import yaml

if TYPE_CHECKING:
    from rancang.models.catalogue import Agency

__all__ = ["Match", "key", "match", "near_duplicates", "tidy_caps", "abbreviations"]

_DATA = "singkatan-instansi.yaml"

_REGION_WORDS = frozenset({"kota", "kabupaten", "provinsi"})
_NOT_A_REGION_BEFORE = frozenset({"tata", "wali", "pemerintah"})
"""``Dinas Tata Kota``, ``Wali Kota``, ``Pemerintah Kota X``: the region word belongs to the name."""
_MAX_REGION_WORDS = 4
_DROPPED = frozenset({"dan", "serta"})
"""Left out of keys: ``Dinas Pertanian, Kelautan dan Perikanan`` = ``Dinas Pertanian Kelautan Perikanan``."""
_TYPO_MIN_LENGTH = 5
"""A word shorter than this is not forgiven a letter (Umum/Hukum, I/II)."""

_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_SEPARATORS = re.compile(r"[^\w]+|_")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_ROMAN = re.compile(r"[IVX]{1,4}")
_VOWELS = frozenset("aeiou")


# -- The data file ------------------------------------------------------------


@dataclass(frozen=True)
class Abbreviation:
    short: str
    """As the data file spells it (``Dinkes``, ``Satpol PP``)."""
    full: str


@dataclass(frozen=True)
class _Data:
    abbreviations: tuple[Abbreviation, ...]
    capitals: frozenset[str]
    function_words: frozenset[str]


@functools.cache
def _data() -> _Data:
    text = resources.files(__package__).joinpath(_DATA).read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for row in raw["singkatan"]:
        if set(row) != {"singkatan", "kepanjangan"}:  # an unquoted comma in a flow mapping makes a third key
            raise ValueError(f"{_DATA}: entri {row!r} harus memuat tepat 'singkatan' dan 'kepanjangan'")
    return _Data(
        tuple(Abbreviation(str(row["singkatan"]), str(row["kepanjangan"])) for row in raw["singkatan"]),
        frozenset(str(word) for word in raw["huruf_besar"]),
        frozenset(str(word).casefold() for word in raw["kata_tugas"]),
    )


def abbreviations() -> tuple[Abbreviation, ...]:
    """The abbreviations of ``singkatan-instansi.yaml``, in its order."""
    return _data().abbreviations


@functools.cache
def _expansions() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Plain tokens of each abbreviation → plain tokens of its expansion (expansions inside expanded too)."""
    table = {_plain_tokens(a.short): _plain_tokens(a.full) for a in _data().abbreviations}
    return {short: _expand(full, table) for short, full in table.items()}


def _expand(tokens: tuple[str, ...], table: Mapping[tuple[str, ...], tuple[str, ...]]) -> tuple[str, ...]:
    longest = max((len(short) for short in table), default=1)
    for _ in range(4):  # HAM inside "Kementerian Hukum dan HAM" inside Kemenkumham: two rounds suffice
        out: list[str] = []
        i = 0
        changed = False
        while i < len(tokens):
            for width in range(min(longest, len(tokens) - i), 0, -1):
                found = table.get(tokens[i:i + width])
                if found is not None:
                    out.extend(found)
                    i += width
                    changed = True
                    break
            else:
                out.append(tokens[i])
                i += 1
        tokens = tuple(out)
        if not changed:
            break
    return tokens


@functools.cache
def _canonical_words() -> dict[str, str]:
    """casefolded word → its spelling in a name tidied from capitals (BPBD, Dinkes, Satpol, MTs, HAM)."""
    words: dict[str, str] = {}
    data = _data()
    for abbreviation in data.abbreviations:
        for word in _words(abbreviation.short):
            words.setdefault(word.casefold(), word)
        for word in _words(abbreviation.full):
            if len(word) > 1 and word.isupper():
                words.setdefault(word.casefold(), word)
    for word in data.capitals:
        words[word.casefold()] = word
    return words


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(text.translate(_APOSTROPHES)) if w]


# -- Keys ---------------------------------------------------------------------


def _normal(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().translate(_APOSTROPHES)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)  # P.U. -> pu
    return text.replace("&", " dan ")


@functools.lru_cache(maxsize=65536)
def _plain_tokens(name: str) -> tuple[str, ...]:
    """Casefolded words without punctuation; ``&`` read as ``dan``; no abbreviation expanded."""
    return tuple(w for w in _SEPARATORS.split(_normal(name)) if w)


@functools.lru_cache(maxsize=65536)
def _key_tokens(name: str) -> tuple[str, ...]:
    """The words of :func:`key`. A parenthesised part is the other spelling of the rest (``Badan ... Daerah
    (Bappeda)``, ``Bappeda (Badan ... Daerah)``, ``Dinas Kesehatan (Kota Parepare)``): the outside counts,
    unless it is one word and the inside is longer (an abbreviation followed by its expansion)."""
    inside = " ".join(_PARENTHESES.findall(name))
    outside = _PARENTHESES.sub(" ", name)
    table = _expansions()
    out_tokens = _expand(_plain_tokens(outside), table)
    in_tokens = _expand(_plain_tokens(inside), table) if inside.strip() else ()
    if in_tokens and (not out_tokens or len(_plain_tokens(outside)) == 1 < len(_plain_tokens(inside))):
        tokens = in_tokens
    else:
        tokens = out_tokens
    return tuple(t for t in tokens if t not in _DROPPED)


def key(name: str) -> str:
    """The comparison key of an agency name: casefolded, punctuation and spacing folded, ``&``/``dan``/``serta``
    left out, abbreviations expanded (``Dinkes Kota Parepare`` → ``dinas kesehatan kota parepare``;
    ``Kemenkumham`` and ``Kementerian Hukum & HAM`` → ``kementerian hukum hak asasi manusia``). A region
    suffix stays in the key; :func:`match` compares without it when only one side names a region."""
    return " ".join(_key_tokens(name))


def _split_region(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the body, its region suffix): ``dinas kesehatan`` + ``kota parepare``. A region word that is the
    first word, or follows tata/wali/pemerintah, is part of the name; so is one followed by more than four
    words."""
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i] in _REGION_WORDS:
            if tokens[i - 1] in _NOT_A_REGION_BEFORE or len(tokens) - i - 1 > _MAX_REGION_WORDS:
                break
            return tokens[:i], tokens[i:]
    return tokens, ()


# -- Typos --------------------------------------------------------------------


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a one letter away from a (one letter changed, added, left out, or two swapped)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i:] == b[i + 1:]


def _typo(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str] | None:
    """The one word pair in which two keys differ by a letter, when that is their only difference."""
    if len(a) != len(b):
        return None
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return None
    x, y = differing[0]
    if min(len(x), len(y)) < _TYPO_MIN_LENGTH or any(c.isdigit() for c in x + y) or not _one_edit(x, y):
        return None
    return x, y


# -- Matching -----------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """An agency found for a name.

    ``how``: ``nama`` (the same name, or apart from punctuation, spacing, ``&``/``dan`` or a region suffix),
    ``huruf_besar`` (the name in other capitals), ``alias`` (one of the agency's ``alias``), ``singkatan``
    (its ``singkatan``, or the name with abbreviations expanded), ``ejaan`` (one letter apart: a typo, or a
    different body — ``sure`` is False, so a caller reports it).
    """

    id: str
    how: str
    sure: bool = True


_RANK = {"nama": 0, "huruf_besar": 1, "alias": 2, "singkatan": 3, "wilayah": 4, "ejaan": 5}


def _spellings(agency: Agency) -> Iterable[tuple[str, str]]:
    yield agency.name, "nama"
    if agency.short_name:
        yield agency.short_name, "singkatan"
    for alias in agency.aliases:
        yield alias, "alias"


def _folded(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in tokens if t not in _DROPPED)


def _one_case(name: str) -> bool:
    """All capitals or all lower case."""
    letters = [c for c in name if c.isalpha()]
    return all(c.isupper() for c in letters) or all(c.islower() for c in letters)


def _without_region(tokens: tuple[str, ...], region: tuple[str, ...] | None) -> tuple[tuple[str, ...], bool]:
    """(the body, whether a region suffix was there). With ``region`` (the key words of the project's region,
    ``kota parepare``) only that region counts, written in full or by its name alone (``Dinas Kesehatan
    Parepare``); any other region suffix stays in the body, so another region's office is not this one's."""
    if region is None:
        body, suffix = _split_region(tokens)
        return body, bool(suffix)
    name = region[1:] if len(region) > 1 and region[0] in _REGION_WORDS else region
    for suffix in (region, name):
        if suffix and len(tokens) > len(suffix) and tokens[-len(suffix):] == suffix:
            return tokens[:-len(suffix)], True
    return tokens, False


def _compare(name: str, spelling: str, kind: str, region: tuple[str, ...] | None = None) -> str | None:
    """How ``name`` is the spelling (a :data:`_RANK` key), or None."""
    if name == spelling:
        return kind
    if name.casefold() == spelling.casefold():
        return "huruf_besar" if kind == "nama" else kind
    plain_a, plain_b = _folded(_plain_tokens(name)), _folded(_plain_tokens(spelling))
    if plain_a == plain_b or "".join(plain_a) == "".join(plain_b):
        if kind == "nama" and _one_case(name) and not _one_case(spelling):
            return "huruf_besar"
        return kind
    a, b = _key_tokens(name), _key_tokens(spelling)
    if not a or not b:
        return None
    if a == b or "".join(a) == "".join(b):
        return "singkatan" if kind == "nama" else kind
    (body_a, region_a), (body_b, region_b) = _without_region(a, region), _without_region(b, region)
    if region_a != region_b and body_a == body_b:
        return "wilayah"
    if region_a == region_b:
        body_a, body_b = a, b
    if _typo(body_a, body_b):
        return "ejaan"
    return None


def match(name: str, agencies: Mapping[str, Agency], *, wilayah: str | None = None) -> Match | None:
    """The agency (of ``agencies``: id → Agency) that ``name`` names, or None.

    ``wilayah``: the project's region as written (``Kota Parepare``). Given, only a suffix naming that region
    is left out in the comparison (``Dinas Kesehatan Kota Parepare``, ``Dinkes Parepare``), so ``Dinas
    Kesehatan Provinsi Sulawesi Selatan`` is not the city's ``Dinas Kesehatan``; without it, any suffix
    ``Kota …``, ``Kabupaten …`` or ``Provinsi …`` is.

    Tried in order, the first kind that finds an agency wins: the same name, its capitals, an alias, the
    short name or the abbreviations expanded, the name with a region suffix on one side only (``Dinas
    Kesehatan Kota Parepare`` for ``Dinas Kesehatan``, reported as ``nama``), a one-letter typo in a word of
    five letters or more (``ejaan``, not sure). A region suffix or a typo that fits two agencies is no match;
    nor is a name that differs by a word (``Dinas Kesehatan Hewan`` is not ``Dinas Kesehatan``).
    """
    stripped = " ".join(name.split())
    if not stripped:
        return None
    region = _key_tokens(wilayah) if wilayah and wilayah.strip() else None
    best: tuple[int, str, str] | None = None
    ambiguous = False
    for agency_id, agency in agencies.items():
        found = None
        for spelling, kind in _spellings(agency):
            how = _compare(stripped, " ".join(spelling.split()), kind, region)
            if how is not None and (found is None or _RANK[how] < _RANK[found]):
                found = how
        if found is None:
            continue
        rank = _RANK[found]
        if best is None or rank < best[0]:
            best, ambiguous = (rank, agency_id, found), False
        elif rank == best[0] and agency_id != best[1]:
            ambiguous = True
    if best is None:
        return None
    rank, agency_id, how = best
    if ambiguous and how in ("wilayah", "ejaan"):
        return None
    if how == "wilayah":
        return Match(agency_id, "nama")
    return Match(agency_id, how, sure=how != "ejaan")


# -- Near duplicates ----------------------------------------------------------


def near_duplicates(names: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Pairs of different ids whose names are probably one body: ``(id_a, id_b, reason)``, the reason in
    Indonesian, ``id_a`` the one listed first. ``names`` holds ``(id, name)``; an id may come several times
    (its name, short name and aliases). Each pair of ids is reported once, with its strongest reason.

    Reasons: the same name apart from capitals, punctuation or spacing; the same name once abbreviations are
    expanded; the same name with a region suffix on one side only; one letter apart in a word of five
    letters or more.
    """
    entries: list[tuple[int, str, str]] = []
    order: dict[str, int] = {}
    for agency_id, name in names:
        if not name or not name.strip():
            continue
        order.setdefault(agency_id, len(order))
        entries.append((order[agency_id], agency_id, " ".join(name.split())))
    found: dict[tuple[str, str], tuple[int, str]] = {}

    def note(a: tuple[int, str, str], b: tuple[int, str, str], rank: int, reason: str) -> None:
        if a[1] == b[1]:
            return
        first, second = (a, b) if a[0] <= b[0] else (b, a)
        pair = (first[1], second[1])
        if pair not in found or rank < found[pair][0]:
            found[pair] = (rank, reason)

    groups: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    plain_groups: dict[str, list[tuple[int, str, str]]] = {}
    bodies: dict[tuple[str, ...], list[tuple[int, str, str, tuple[str, ...]]]] = {}
    for entry in entries:
        plain_groups.setdefault("".join(_folded(_plain_tokens(entry[2]))), []).append(entry)
        tokens = _key_tokens(entry[2])
        if tokens:
            groups.setdefault(tokens, []).append(entry)
            body, region = _split_region(tokens)
            bodies.setdefault(body, []).append((*entry, region))
    for group in plain_groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                note(a, b, 0, f"'{a[2]}' dan '{b[2]}' hanya berbeda huruf besar, tanda baca, atau spasi")
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                note(a, b, 1, f"'{a[2]}' dan '{b[2]}' sama bila singkatannya dijabarkan ({key(a[2])})")
    for group in bodies.values():
        with_region = [e for e in group if e[3]]
        for a in (e for e in group if not e[3]):
            for b in with_region:
                note(a[:3], b[:3], 2, f"'{a[2]}' dan '{b[2]}' sama kecuali nama wilayah ({' '.join(b[3])})")
    # One letter apart: keys with the same words except one, found through the word's one-letter deletions
    # (two words one edit apart share a deletion, or one is a deletion of the other). Whole keys are compared
    # (a typo in the region's name too), and the body of a name with a region with a name without one.
    forms: dict[tuple[str, ...], list[tuple[tuple[int, str, str], bool, bool]]] = {}
    for body, group in bodies.items():
        for entry in group:
            region = entry[3]
            forms.setdefault(body + region, []).append((entry[:3], False, bool(region)))
            if region:
                forms.setdefault(body, []).append((entry[:3], True, True))
    typo_index: dict[tuple[int, tuple[str, ...], str], set[tuple[str, ...]]] = {}
    for tokens in forms:
        for position, word in enumerate(tokens):
            if len(word) < _TYPO_MIN_LENGTH - 1 or any(c.isdigit() for c in word):
                continue
            rest = tokens[:position] + tokens[position + 1:]
            for variant in {word} | {word[:i] + word[i + 1:] for i in range(len(word))}:
                typo_index.setdefault((position, rest, variant), set()).add(tokens)
    compared: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for bucket in typo_index.values():
        if len(bucket) < 2:
            continue
        ordered = sorted(bucket)
        for i, one in enumerate(ordered):
            for other in ordered[i + 1:]:
                if (one, other) in compared:
                    continue
                compared.add((one, other))
                words = _typo(one, other)
                if not words:
                    continue
                for a, a_body, a_region in forms[one]:
                    for b, b_body, b_region in forms[other]:
                        # whole key with whole key; a body only with a name that has no region
                        if (a_body or b_body) and not (a_body != b_body and not (b_region if a_body else a_region)):
                            continue
                        x, y = words
                        if b[0] < a[0]:
                            a, b, x, y = b, a, y, x
                        note(a, b, 3, f"'{a[2]}' dan '{b[2]}' berbeda satu huruf ({x}/{y})")
    pairs = sorted(found.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))
    return [(a, b, reason) for (a, b), (_, reason) in pairs]


# -- Capitals -----------------------------------------------------------------


def tidy_caps(name: str) -> str | None:
    """A name typed in capitals, written as names of institutions are (``DINAS PERTANIAN, KELAUTAN DAN
    PERIKANAN`` → ``Dinas Pertanian, Kelautan dan Perikanan``): each word capitalised, function words (dan,
    atau, di, ke, dari, untuk, pada, ...) in lower case except the first, acronyms as the data file spells
    them (BPBD, RSUD, UPTD, DPRD, HAM, Satpol PP, MTs), words with digits, Roman numerals and short words
    without a vowel (DP3A, SKPD) in capitals. None when the name is not all capitals."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or any(c.islower() for c in letters):
        return None
    canonical = _canonical_words()
    function_words = _data().function_words
    out: list[str] = []
    first = True
    for piece in re.split(r"([\w'’]+)", name):
        if not piece or not re.match(r"[\w'’]", piece):
            out.append(piece)
            continue
        folded = piece.casefold()
        if folded in function_words and not first:
            word = folded
        elif folded.translate(_APOSTROPHES) in canonical:
            word = canonical[folded.translate(_APOSTROPHES)]
        elif any(c.isdigit() for c in piece) or _ROMAN.fullmatch(piece):
            word = piece
        elif len(piece) <= 4 and not (set(folded) & _VOWELS):
            word = piece
        else:
            word = piece[:1] + piece[1:].lower()
        out.append(word)
        first = False
    return "".join(out)
