"""Stage 2 of the importer: the line-level repairs real JDIH documents need, each one reported.

:func:`clean` removes page furniture and repairs what printing and OCR did to labels, and **never silently**:
every removal gives a ``dibuang`` :class:`~rancang.importer.tree.Note` and every change a ``diperbaiki`` one,
with the source line(s) and, as its ``text``, the source text concerned (whole words), so that the word ledger
("every word of the source is in the YAML or in the report") holds. A change's message ends with
``"<old>" menjadi "<new>"``.

What is done, in this order, and the heuristics chosen:

1. **Page numbers** -- a line that is only ``- 2 -`` (any dash), ``Halaman 2 dari 9``, ``Hal. 2`` or
   ``hal 2``, anywhere; a bare number (``2``) only at a page edge (first or last non-blank line of a page,
   pages known from ``page``) and not larger than the number of pages. In a text without pages (OCR without
   form feeds) a bare number is a page number when it stands alone (its neighbours are no bare numbers) and
   belongs to a run of at least two such numbers that grow by one or two, at least five lines apart.
2. **Running heads and footers** -- pages are the ``page`` values, or, in a text without them, the stretches
   between the page numbers found in step 1. A line among the first two or the last two non-blank lines of
   pages is furniture when the same line (case, spacing and digits ignored) stands there on at least three
   pages and on at least 40 % of the pages, and stands away from the page edges at most a third as often
   (``Cukup jelas.`` of a Penjelasan often ends a page, but stands far more often inside one). Never removed:
   structure labels and frame keywords (``Pasal 5``, ``BAB II``, ``Menimbang``...); a line ending in a comma
   (a signature's office, ``WALI KOTA PAREPARE,``) and the four lines after it, after ``ttd`` or after a
   ``LAMPIRAN`` heading on the same page (the signature; the lampiran's ``PERATURAN WALI KOTA ... NOMOR ...``
   block); lines that are not at a page edge (the kop's ``WALI KOTA PAREPARE`` stays, however often the phrase
   recurs in the text).
3. **Labels** at the start of a line (table rows are left exactly as they are):

   * keywords misread by OCR: ``rn`` for ``m`` and ``l``/``I``/``1``/``|`` for each other in Menimbang,
     Mengingat, MEMUTUSKAN, Menetapkan, Pasal, Paragraf, Bagian, BAB, Ditetapkan, Diundangkan, PENJELASAN,
     LAMPIRAN -- only the whole word, only at the start of a line;
   * a Pasal/Paragraf number with ``l``, ``I``, ``|`` (-> 1) or ``O``/``o`` (-> 0) mixed with digits; a number of
     only ``l``/``I``/``|`` (``Pasal Il``) is Roman for an amendment's own Pasal (the document says
     ``PERUBAHAN ... ATAS`` in its first lines or has a ``Pasal I``/``Pasal II``; its own Pasal are the first and
     the last Pasal heading of the body and of the Penjelasan), else Arabic; ``Pasal I`` and ``Pasal II``
     themselves are never changed;
   * a BAB number with ``l``, ``1`` or ``|`` for ``I`` (``BAB Il`` -> ``BAB II``), when the result is a Roman
     number;
   * an ayat label ``(l)``, ``[2]``, ``{2}``, ``( 3 )``, ``(1O)`` -> ``(1)``, ``(2)``... -- ``(l)`` and ``(I)``
     only where the previous parenthesised label was not a letter or Roman one (a ``(k)``, ``(l)`` list stays);
   * labels glued to their number or text: ``Pasal34``, ``BABII`` (``BABI`` only when nothing follows on the
     line: ``BABI HUTAN`` stays), ``BagianKedua``, ``(1)Setiap``, ``a.pengusulan``, ``1.Daerah``,
     ``1)Daerah``, ``a)huruf``, ``I.UMUM`` -- an item label only when at least two letters follow (``a.n.``
     and ``s.d.`` stay), an upper-case letter label only before an upper-case word (``H.Muhammad`` stays).
     Labels a join of step 5 brings to the start of a line are repaired after it.
4. **A space before a colon** (``Menimbang :``, ``sebagai berikut :``) is removed, except between two numbers
   (``1 : 1.000``).
5. **Words broken at the end of a line** -- a line ending in a word with a hyphen (or soft hyphen) and the next
   non-blank line starting with a lower-case word (an upper-case one after an upper-case word) that is not a
   list label or a conjunction (``dan``, ``atau``...): the next line's first word moves up to complete it. The
   hyphen is dropped (``pe-`` / ``layanan`` -> ``pelayanan``) except for a reduplication, where it is kept
   (``masing-masing``, ``sebaik-baiknya``, ``sehari-hari``, ``undang-undangan``, ``terus-menerus``): the two
   parts share a stem of three letters or more -- equal parts, the second beginning with the first (after a
   prefix ``se``/``ke``/``ber``/... of the first is taken off), the first ending with the second, or the second
   ending with the first without its first letter (``tolong-menolong``). A soft hyphen is always dropped. A
   line left empty by the move goes.

Nothing else is changed: joining lines into paragraphs is the parser's job.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from rancang.importer.tree import Note, SourceLine

# -- the patterns ---------------------------------------------------------------------------------------------

_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212~"
_PAGE_DASHED = re.compile(rf"^[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]$")
_PAGE_WORDED = re.compile(r"^(?:halaman|hal)\.?\s*\d{1,4}(?:\s*(?:dari|/)\s*\d{1,4})?\.?$", re.IGNORECASE)
_PAGE_BARE = re.compile(r"^\d{1,4}$")

KEYWORDS = ("Menimbang", "Mengingat", "MEMUTUSKAN", "Menetapkan", "Pasal", "Paragraf", "Bagian", "BAB",
            "Ditetapkan", "Diundangkan", "PENJELASAN", "LAMPIRAN")
"""The frame and structure keywords whose OCR misreadings are repaired (at the start of a line)."""

_STRUCTURE = re.compile(
    r"^(?:Pasal|Paragraf|Bagian|BAB|Menimbang|Mengingat|MEMUTUSKAN|Menetapkan|Ditetapkan|Diundangkan|"
    r"PENJELASAN|LAMPIRAN)\b", re.IGNORECASE)

_CONFUSABLE = {"m": "(?:m|rn)", "M": "(?:M|RN)", "l": "[l1I|]", "I": "[Il1|]", "i": "i"}


def _keyword_pattern(word: str) -> str:
    return "".join(_CONFUSABLE.get(ch, re.escape(ch)) for ch in word)


# The keyword, then (for Pasal/Paragraf/BAB) what may be glued to it; the boundary keeps "Pasalnya" or
# "Bagianbagian" out.
_KEYWORD = re.compile(
    "^(?:" + "|".join(f"(?P<k{i}>{_keyword_pattern(word)})" for i, word in enumerate(KEYWORDS)) + ")"
    r"(?=$|[\s:,.;]|[0-9lIO|o]|(?<=AB)[IVX]|(?<=Bagian)(?:Ke|Pertama))"
)

_NUMBERISH = re.compile(r"^[0-9lIO|o]+$")
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_AYAT = re.compile(r"^[(\[{]\s*([0-9lIO|o]{1,3})\s*[)\]}]")
_PAREN_LETTER = re.compile(r"^\(([a-zA-Z]{1,4})\)")
_ITEM_GLUED = re.compile(r"^((?:[a-z]|\d{1,3}|[IVX]{1,5})[.)](?=[A-Za-z]{2})|[A-Z]\.(?=[A-Z]{2}))")
_PAREN_GLUED = re.compile(r"^(\((?:\d{1,3}|[a-z])\))(?=[A-Za-z])")
_SPACE_COLON = re.compile(r"(\S+)([ \t]+)(:\S*)")

_HYPHENS = "-\u2010\u00ad"
_HYPHENATED = re.compile(rf"([^\W\d_]+)[{_HYPHENS}]$")
_LETTERS = re.compile(r"^[^\W\d_]+")
_LIST_LABEL = re.compile(r"^(?:[a-z]{1,2}|\d{1,3})[.)]$|^\(\w{1,3}\)$")
_CONJUNCTIONS = {"dan", "atau", "serta", "maupun", "dengan", "dan/atau"}
_HEAD_PREFIXES = ("se", "ke", "ber", "ter", "per", "pe", "me", "di")
_SIGNATURE_TTD = re.compile(r"^t\.?t\.?d\.?$", re.IGNORECASE)


@dataclass
class _Line:
    source: SourceLine
    text: str
    removed: bool = False
    protected: bool = False


def _note_change(notes: list[Note], why: str, lines: tuple[int, ...], old: str, new: str) -> None:
    notes.append(Note("diperbaiki", f'{why}: "{old}" menjadi "{new}"', lines, old))


def clean(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Note]]:
    """Remove page furniture and repair labels, line by line; every change is a :class:`Note`.

    Returns the remaining lines (their ``line``, ``page`` and ``table`` kept; a line's ``text`` repaired) and
    the notes, in the order of the steps (see the module's description).
    """
    work = [_Line(line, line.text) for line in lines]
    notes: list[Note] = []
    pages = _page_numbers(work, notes)
    _running_heads(work, pages, notes)
    roman = _roman_articles(work)
    _labels(work, notes, roman)
    _colons(work, notes)
    _hyphens(work, notes)
    _labels(work, notes, roman)  # a label a join brought to the start of a line ("... pe-" / "layanan 1.Daerah")
    notes.sort(key=lambda note: note.lines[:1])  # in the order of the document (stable: chained repairs stay in order)
    kept = [replace(w.source, text=w.text) if w.text != w.source.text else w.source for w in work if not w.removed]
    return kept, notes


# -- 1. page numbers -------------------------------------------------------------------------------------------


def _page_numbers(work: list[_Line], notes: list[Note]) -> list[list[int]]:
    """Remove the page-number lines; return the pages as lists of indexes into ``work``."""
    found: list[int] = []
    paged = any(w.source.page is not None for w in work)
    total = max((w.source.page or 0 for w in work), default=0)
    edges: set[int] = set()
    if paged:
        for indexes in _group_by_page(work).values():
            filled = [i for i in indexes if work[i].text.strip() and work[i].source.table is None]
            edges.update(filled[:1] + filled[-1:])
    bare: list[int] = []
    for i, w in enumerate(work):
        if w.source.table is not None:
            continue
        text = w.text.strip()
        if _PAGE_DASHED.match(text) or _PAGE_WORDED.match(text):
            found.append(i)
        elif _PAGE_BARE.match(text):
            if paged:
                if i in edges and 1 <= int(text) <= total:
                    found.append(i)
            else:
                bare.append(i)
    if not paged:
        found.extend(_bare_page_run(work, bare))
    for i in sorted(found):
        work[i].removed = True
        notes.append(Note("dibuang", "Nomor halaman dibuang", (work[i].source.line,), work[i].text.strip()))
    if paged:
        return [indexes for _page, indexes in sorted(_group_by_page(work).items())]
    # a text without pages: the stretches between page numbers
    pages: list[list[int]] = [[]]
    for i, w in enumerate(work):
        if i in found:
            pages.append([])
        else:
            pages[-1].append(i)
    return pages if len(pages) > 1 else []


def _group_by_page(work: list[_Line]) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = defaultdict(list)
    for i, w in enumerate(work):
        pages[w.source.page or 0].append(i)
    return pages


def _bare_page_run(work: list[_Line], bare: list[int]) -> list[int]:
    """The bare numbers of a text without pages that read as page numbers (see the module's description)."""

    def alone(i: int) -> bool:
        for j in (i - 1, i + 1):
            if 0 <= j < len(work) and _PAGE_BARE.match(work[j].text.strip()):
                return False
        return True

    candidates = [i for i in bare if alone(i)]
    accepted: set[int] = set()
    run: list[int] = []
    for i in candidates:
        if run:
            previous = run[-1]
            step = int(work[i].text.strip()) - int(work[previous].text.strip())
            if 1 <= step <= 2 and i - previous >= 5:
                run.append(i)
                continue
            if len(run) >= 2:
                accepted.update(run)
        run = [i]
    if len(run) >= 2:
        accepted.update(run)
    return sorted(accepted)


# -- 2. running heads and footers --------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


def _running_heads(work: list[_Line], pages: list[list[int]], notes: list[Note]) -> None:
    if len(pages) < 3:
        return
    _protect_signatures(work, pages)
    at_edges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    elsewhere: Counter[str] = Counter()
    for number, indexes in enumerate(pages):
        filled = [i for i in indexes if not work[i].removed and work[i].text.strip()]
        edge = dict.fromkeys(filled[:2] + filled[-2:])
        elsewhere.update(_normalised(work[i].text) for i in filled if i not in edge)
        for i in edge:
            w = work[i]
            text = w.text.strip()
            if w.protected or w.source.table is not None or _STRUCTURE.match(text) or not re.search(r"[^\W\d_]", text):
                continue
            at_edges[_normalised(text)].append((number, i))
    needed = max(3, math.ceil(0.4 * len(pages)))
    for key, places in at_edges.items():
        pages_with = {number for number, _i in places}
        if len(pages_with) < needed or elsewhere[key] * 3 > len(pages_with):
            continue  # too few pages, or a text of the body that happens to stand at page edges too
        for _number, i in places:
            work[i].removed = True
            notes.append(Note("dibuang", f"Kepala/kaki halaman yang berulang di {len(pages_with)} halaman dibuang",
                              (work[i].source.line,), work[i].text.strip()))


def _protect_signatures(work: list[_Line], pages: list[list[int]]) -> None:
    """Mark the office line of a signature (ends in a comma) and the four lines after it, after ``ttd`` or after
    a ``LAMPIRAN`` heading (its ``PERATURAN WALI KOTA ... NOMOR ...`` block), on the same page."""
    for indexes in pages:
        filled = [i for i in indexes if work[i].text.strip()]
        for position, i in enumerate(filled):
            text = work[i].text.strip()
            if text.endswith(","):
                work[i].protected = True
            if text.endswith(",") or _SIGNATURE_TTD.match(text) or text.upper().startswith("LAMPIRAN"):
                for j in filled[position + 1:position + 5]:
                    work[j].protected = True


# -- 3. labels -------------------------------------------------------------------------------------------------


_ARTICLE_HEADING = re.compile(r"^\s*Pasa[l1I|]\s*([0-9lIO|o]+|[IVX]+)\s*$")
_AMENDMENT_TITLE = re.compile(r"\bPERUBAHAN\b.*\bATAS\b")


def _roman_articles(work: list[_Line]) -> set[int]:
    """The lines that are an amendment's own Pasal (``Pasal I``, ``Pasal II``), whatever OCR made of them.

    A document is an amendment when a line of its first 60 says ``PERUBAHAN ... ATAS`` or it has a ``Pasal I``
    or ``Pasal II`` heading. Its own Pasal are then the first and the last Pasal heading of the body and of the
    Penjelasan (the quoted Pasal between them keep Arabic numbers).
    """
    head = [w.text for w in work[:60]]
    headings = [i for i, w in enumerate(work) if not w.removed and _ARTICLE_HEADING.match(w.text)]
    amendment = any(_AMENDMENT_TITLE.search(text) for text in head) or any(
        re.fullmatch(r"\s*Pasal\s+I{1,2}\s*", work[i].text) for i in headings)
    if not amendment:
        return set()
    explanation = next((i for i, w in enumerate(work) if w.text.strip().startswith("PENJELASAN")), len(work))
    roman: set[int] = set()
    for part in ([i for i in headings if i < explanation], [i for i in headings if i > explanation]):
        roman.update(part[:1] + part[-1:])
    return roman


def _labels(work: list[_Line], notes: list[Note], roman: set[int]) -> None:
    paren_kind = None  # "digit" or "letter": the kind of the previous parenthesised label
    for i, w in enumerate(work):
        if w.removed or w.source.table is not None:
            continue
        indent = len(w.text) - len(w.text.lstrip())
        body = w.text[indent:]
        if not body:
            continue
        repaired, why = _repair_label(body, i in roman, paren_kind)
        if repaired != body:
            old_span, new_span = _changed_words(body, repaired, from_start=True)
            _note_change(notes, why, (w.source.line,), old_span, new_span)
            w.text = w.text[:indent] + repaired
            body = repaired
        if _AYAT.match(body) and re.match(r"^\(\d+\)", body):
            paren_kind = "digit"
        elif _PAREN_LETTER.match(body):
            paren_kind = "letter"
        elif re.match(r"^Pasal\b", body):
            paren_kind = None


def _changed_words(old: str, new: str, from_start: bool = False) -> tuple[str, str]:
    """The shortest whole-word stretch of ``old`` that changed (from its start, for a label), and what it became.

    Both are whole words, so that the words of a note's ``text`` are words of the source.
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    if from_start:
        start = 0
    # widen to word boundaries in both
    while start > 0 and not old[start - 1].isspace():
        start -= 1
    while end > 0 and not old[len(old) - end].isspace():
        end -= 1
    return old[start:len(old) - end].strip(), new[start:len(new) - end].strip()


def _repair_label(text: str, roman: bool, paren_kind: str | None) -> tuple[str, str]:
    """The line start with its label repaired, and why (Indonesian); ``text`` itself when nothing to do."""
    whys: list[str] = []
    keyword = _KEYWORD.match(text)
    if keyword:
        word = KEYWORDS[int(next(name for name, value in keyword.groupdict().items() if value)[1:])]
        if keyword.group(0) != word:
            whys.append("kata kunci salah baca (OCR)")
            text = word + text[keyword.end():]
        rest = text[len(word):]
        if word in {"Pasal", "Paragraf"}:
            text, more = _repair_number(word, rest, roman and word == "Pasal")
            whys += more
        elif word == "BAB":
            text, more = _repair_roman(rest)
            whys += more
        elif word == "Bagian" and re.match(r"^(?:Ke|Pertama)", rest):
            text = "Bagian " + rest
            whys.append("label menempel dipisahkan")
    else:
        ayat = _AYAT.match(text)
        token = ayat.group(1) if ayat else ""
        if ayat and (re.search(r"\d", token) or (token in {"l", "I", "|"} and paren_kind != "letter")):
            digits = ayat.group(1).translate(str.maketrans("lI|Oo", "11100"))
            label = f"({digits})"
            if ayat.group(0) != label:
                whys.append("label ayat salah baca (OCR)")
            rest = text[ayat.end():]
            if rest and rest[0].isalnum():
                whys.append("label menempel dipisahkan")
                rest = " " + rest
            text = label + rest
        else:
            glued = _ITEM_GLUED.match(text) or _PAREN_GLUED.match(text)
            if glued:
                text = glued.group(1) + " " + text[glued.end():]
                whys.append("label menempel dipisahkan")
    why = "; ".join(dict.fromkeys(whys))
    return text, why[:1].upper() + why[1:]


def _repair_number(word: str, rest: str, roman: bool) -> tuple[str, list[str]]:
    match = re.match(r"^(\s*)([0-9lIO|o]+)(?=$|[\s.,;:])", rest)
    if not match:
        return word + rest, []
    space, token = match.group(1), match.group(2)
    after = rest[match.end():]
    whys: list[str] = []
    if re.search(r"\d", token):
        number = token.translate(str.maketrans("lI|Oo", "11100"))
    elif re.fullmatch(r"[lI|]+", token):
        if re.fullmatch(r"I+", token) and space:
            return word + rest, []  # Pasal I, Pasal II: an amendment's own Pasal
        number = token.translate(str.maketrans("l|", "II")) if roman else token.translate(
            str.maketrans("lI|", "111"))
    else:
        return word + rest, []
    if number != token:
        whys.append("nomor label salah baca (OCR)")
    if not space:
        whys.append("label menempel dipisahkan")
    return f"{word} {number}{after}", whys


def _repair_roman(rest: str) -> tuple[str, list[str]]:
    match = re.match(r"^(\s*)([IVXLl1|]+)(?=$|[\s.,;:])", rest)
    if not match:
        return "BAB" + rest, []
    space, token = match.group(1), match.group(2)
    after = rest[match.end():]
    number = token.translate(str.maketrans("l1|", "III"))
    if not _ROMAN.match(number) or not number:
        return "BAB" + rest, []
    if not space and after.strip() and number == "I":
        return "BAB" + rest, []  # "BABI HUTAN": a word, not a glued label
    whys = []
    if number != token:
        whys.append("nomor BAB salah baca (OCR)")
    if not space:
        whys.append("label menempel dipisahkan")
    return f"BAB {number}{after}" if not space else f"BAB{space}{number}{after}", whys


# -- 4. a space before a colon -----------------------------------------------------------------------------------


def _colons(work: list[_Line], notes: list[Note]) -> None:
    for w in work:
        if w.removed or w.source.table is not None or ":" not in w.text:
            continue

        def fix(match: re.Match) -> str:
            before, colon = match.group(1), match.group(3)
            after = w.text[match.end():].lstrip()
            if not re.search(r"\w", before):
                return match.group(0)
            if before[-1].isdigit() and (colon[1:2].isdigit() or (colon == ":" and after[:1].isdigit())):
                return match.group(0)  # a ratio or a time: 1 : 1.000
            new = before + colon
            _note_change(notes, "Spasi sebelum titik dua dihapus", (w.source.line,), match.group(0), new)
            return new

        while True:  # "ttd : :" needs two rounds: the matches of one round do not overlap
            text = _SPACE_COLON.sub(fix, w.text)
            if text == w.text:
                break
            w.text = text


# -- 5. words broken at the end of a line ------------------------------------------------------------------------


def _hyphens(work: list[_Line], notes: list[Note]) -> None:
    for i, w in enumerate(work):
        if w.removed or w.source.table is not None:
            continue
        while _join_broken_word(work, i, notes):
            pass  # the word moved up may itself end with a hyphen ("pe-" / "la-" / "yanan")


def _join_broken_word(work: list[_Line], i: int, notes: list[Note]) -> bool:
    """Complete the word broken at the end of ``work[i]`` with the next line's first word; whether it did."""
    w = work[i]
    stripped = w.text.rstrip()
    if not stripped:
        return False
    last = stripped.split()[-1]
    broken = _HYPHENATED.search(last)
    if not broken or len(broken.group(1)) < 2:
        return False  # "e-" / "KTP" and the like stay as written
    nxt = next((j for j in range(i + 1, len(work)) if not work[j].removed and work[j].text.strip()), None)
    if nxt is None or work[nxt].source.table is not None:
        return False
    following = work[nxt]
    body = following.text.lstrip()
    first = body.split()[0]
    tail = _LETTERS.match(first)
    head = broken.group(1)
    if not tail or _LIST_LABEL.match(first) or tail.group(0).casefold() in _CONJUNCTIONS:
        return False
    tail_word = tail.group(0)
    if head.isupper() and len(head) > 1:
        if not tail_word.isupper():
            return False
    elif not tail_word[0].islower() and tail_word.casefold() != head.casefold():
        return False  # "non-" / "Pemerintah": a compound, not a broken word
    soft = last.endswith("\u00ad")
    reduplication = not soft and _reduplication(head.casefold(), tail_word.casefold())
    joined = (last if reduplication else last[:-1]) + first
    new_text = stripped[: len(stripped) - len(last)] + joined
    indent = following.text[: len(following.text) - len(body)]
    remainder = body[len(first):].lstrip()
    why = ("Kata ulang yang terpenggal di akhir baris disambung (tanda hubung tetap)" if reduplication
           else "Kata yang terpenggal di akhir baris disambung")
    _note_change(notes, why, (w.source.line, following.source.line), f"{last} {first}", joined)
    w.text = new_text
    if remainder:
        following.text = indent + remainder
    else:
        following.removed = True
    return True


def _reduplication(head: str, tail: str) -> bool:
    """Whether ``head-`` + ``tail`` is a reduplicated word whose hyphen stays (see the module's description)."""
    stems = {head} | {head[len(p):] for p in _HEAD_PREFIXES if head.startswith(p)}
    stems = {s for s in stems if len(s) >= 3}
    if not stems:
        return False
    if any(tail == s or tail.startswith(s) for s in stems):
        return True
    if len(tail) >= 3 and head.endswith(tail):
        return True
    return len(head) >= 4 and tail.endswith(head[1:]) and len(tail) > len(head) - 1
