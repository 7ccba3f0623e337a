"""Stage 3: repaired lines -> :class:`~rancang.importer.tree.Parsed`, the regulation as it stands.

A regulation is read in the order Lampiran II UU 12/2011 fixes: kop and title, the opening formula,
Menimbang, Mengingat, the Perda's approval, MEMUTUSKAN / Menetapkan, the body (BAB, Bagian, Paragraf,
Pasal, ayat, huruf/angka at any depth), the promulgation order, the signatures and the gazette line,
then the Penjelasan and the lampiran. Each part ends where the next one's keyword stands.

Lines may be whole paragraphs (DOCX) or broken anywhere (PDF, OCR). A line without a label continues
the paragraph before it unless that paragraph is complete (it ends with ``.``, ``;`` or ``:``). A label
is taken as a label only where it can stand -- the next number at its level, or the first of a deeper
level -- so ``Pasal 12`` at the start of a broken line stays text. Numbering gaps and repeats are kept
as found and reported. Whatever cannot be placed is reported with its lines, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rancang.importer.tree import Annex, Explanation, Node, Note, Parsed, Signature, SourceLine

MONTHS = {name: index for index, name in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"), start=1)}
ORDINALS = ("kesatu", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
            "kesepuluh", "kesebelas", "kedua belas", "ketiga belas", "keempat belas", "kelima belas",
            "keenam belas", "ketujuh belas", "kedelapan belas", "kesembilan belas", "kedua puluh")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_OFFICE = r"(?:WALI\s*KOTA|BUPATI)"
RE_KIND = re.compile(rf"^PERATURAN\s+(?:(?P<office>{_OFFICE})\s+(?P<name>.+)|DAERAH\s+(?P<rkind>KOTA|KABUPATEN)\s+"
                     rf"(?P<rname>.+))$", re.I)
RE_NUMBER = re.compile(r"^NOMOR\s*:?\s*(?P<number>\d+)\s+TAHUN\s+(?P<year>\d{4})$", re.I)
"""``NOMOR 60 TAHUN 2015``; many JDIH copies write ``NOMOR : 60 TAHUN 2015``."""
RE_DRAFT_NUMBER = re.compile(r"^NOMOR\s+(?:\.{2,}|…)\s*TAHUN\s+(?:\.{2,}|…|\d{4})$", re.I)
RE_BAB = re.compile(r"^BAB\s+(?P<n>[IVXLC]+[A-Z]?)$")
RE_BAGIAN = re.compile(r"^Bagian\s+(?P<n>Ke[a-z]+(?:\s+(?:Belas|Puluh)(?:\s+\w+)?)?)$", re.I)
RE_PARAGRAF = re.compile(r"^Paragraf\s+(?P<n>\d+[A-Z]?)$", re.I)
RE_PASAL = re.compile(r"^Pasal\s+(?P<n>\d+[A-Z]?|[IVX]+)$")
RE_AYAT = re.compile(r"^\((?P<n>\d+[a-z]?)\)\s*(?P<rest>.*)$")
RE_POINT = re.compile(r"^(?P<n>[a-z]{1,2}|\d{1,3})(?P<mark>[.)])\s+(?P<rest>.*)$")
RE_BARE_LETTER = re.compile(r"^(?P<n>[a-z])(?P<mark>)\s+(?P<rest>bahwa\b.*)$")
"""``b bahwa ...``: a konsiderans letter whose dot the copy lost."""
RE_KEYWORD = re.compile(r"^(?P<kw>Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:?\s*(?P<rest>.*)$")
RE_DECIDE = re.compile(r"^MEMUTUSKAN\s*:?$")
RE_APPROVAL = re.compile(r"^Dengan\s+Persetujuan\s+Bersama", re.I)
RE_ORDER = re.compile(r"^Agar\s+setiap\s+orang\s+mengetahuinya", re.I)
RE_ENACTED = re.compile(r"^Ditetapkan\s+di\s+(?P<place>.+)$", re.I)
RE_PROMULGATED = re.compile(r"^Diundangkan\s+di\s+(?P<place>.+)$", re.I)
RE_ON_DATE = re.compile(r"^pada\s+tanggal\s+(?P<date>.+)$", re.I)
RE_SIGNED = re.compile(r"^(?:ttd\.?|TTD\.?|dto\.?|cap\s*/?\s*ttd\.?)$")
RE_GAZETTE = re.compile(r"^(?P<what>BERITA|LEMBARAN)\s+DAERAH\s+(?P<region>.+?)\s+TAHUN\s+(?P<year>\d{4}|\.{2,}|…)\s+"
                        r"NOMOR\s+(?P<number>\d+|\.{2,}|…)(?P<rest>.*)$", re.I)
PLACEHOLDER = re.compile(r"^(?:\.{2,}|…)$")
"""``...``: a number or date a draft leaves open."""
RE_SUPPLEMENT = re.compile(r"^TAMBAHAN\s+LEMBARAN\s+DAERAH\s+(?P<region>.+?)\s+NOMOR\s+(?P<number>\d+)\s*$", re.I)
RE_NOREG = re.compile(r"^NOREG\s+(?P<rest>.+)$", re.I)
RE_COPY = re.compile(r"^Salinan\s+sesuai\s+dengan\s+aslinya", re.I)
RE_EXPLANATION = re.compile(r"^PENJELASAN$")
RE_ANNEX = re.compile(r"^LAMPIRAN(?:\s+(?P<n>[IVXLC]+))?\s*:?\s*(?P<rest>.*)$")
RE_EXPL_GENERAL = re.compile(r"^I\.\s*UMUM$", re.I)
RE_EXPL_ARTICLES = re.compile(r"^II\.\s*PASAL\s+DEMI\s+PASAL$", re.I)
RE_EXPL_SUB = re.compile(r"^(?P<what>Ayat|Huruf|Angka)\s+(?P<n>\(\d+[a-z]?\)|[a-z]{1,2}\)?|\d+\)?)$")
RE_DEFINITIONS = re.compile(r"^Dalam\s+Peraturan\s+.+?\s+ini,?\s+yang\s+dimaksud\s+dengan\s*:?$", re.I)
RE_INVOCATION = re.compile(r"^DENGAN\s+RAHMAT\s+TUHAN\s+YANG\s+MAHA\s+ESA$", re.I)
TERMINAL = (".", ";", ":")
RE_COMPLETE = re.compile(r"(?:[.;:]|;\s*(?:dan/atau|dan|atau))\s*$")
"""A paragraph ending like this is complete: a line after it without a label starts a new one."""


def roman_value(text: str) -> int | None:
    text = text.upper()
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = ROMAN[char]
        if index + 1 < len(text) and ROMAN[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def ordinal_value(text: str) -> int | None:
    lowered = " ".join(text.lower().split())
    return ORDINALS.index(lowered) + 1 if lowered in ORDINALS else None


def letter_value(text: str) -> int:
    """``a`` -> 1, ``z`` -> 26, ``aa`` -> 27 (the engine's doubled letters)."""
    return (len(text) - 1) * 26 + ord(text[0]) - ord("a") + 1


def parse_date(text: str) -> str | None:
    """``12 Maret 2019`` -> ``2019-03-12``; a draft's ``... Juni 2021`` -> ``2021-06``."""
    partial = re.match(r"^(?:\.{2,}|…)\s+([A-Za-z]+)\s+(\d{4})\s*$", text.strip())
    if partial and partial.group(1).lower() in MONTHS:
        return f"{partial.group(2)}-{MONTHS[partial.group(1).lower()]:02d}"
    match = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$", text.strip())
    if not match or match.group(2).lower() not in MONTHS:
        return None
    try:
        return dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))).isoformat()
    except ValueError:
        return None


@dataclass
class _Para:
    """A paragraph being assembled from lines."""

    text: str
    lines: list[int]
    table: tuple[str, ...] | None = None

    def add(self, line: SourceLine) -> None:
        self.text = _join(self.text, line.text)
        self.lines.append(line.line)

    @property
    def complete(self) -> bool:
        return bool(RE_COMPLETE.search(self.text))


def _join(left: str, right: str) -> str:
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if not right:
        return left
    return f"{left} {right}"


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class _Reader:
    lines: list[SourceLine]
    whole_paragraphs: bool
    parsed: Parsed = field(default_factory=Parsed)
    at: int = 0

    # -- cursor ---------------------------------------------------------------------

    def peek(self, offset: int = 0) -> SourceLine | None:
        index = self.at + offset
        return self.lines[index] if index < len(self.lines) else None

    def take(self) -> SourceLine:
        line = self.lines[self.at]
        self.at += 1
        return line

    def note(self, kind: str, message: str, lines, text: str = "") -> None:
        self.parsed.notes.append(Note(kind, message, tuple(lines), text))

    def unplaced(self, line: SourceLine, where: str) -> None:
        self.note("tidak-dikenali", f"baris tidak dikenali di {where}; tidak dimasukkan", [line.line], line.text)

    # -- the whole document ------------------------------------------------------------

    def read(self) -> Parsed:
        self.heading()
        self.considerations()
        self.legal_bases()
        self.approval()
        self.decision()
        self.body()
        self.order()
        self.signatures()
        self.after_signatures()
        return self.parsed

    def heading(self) -> None:
        """Kop, kind, number, title, the opening formula and the office line, up to Menimbang."""
        title_lines: list[SourceLine] = []
        state = "kop"
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if RE_KEYWORD.match(text) and RE_KEYWORD.match(text).group("kw") == "Menimbang":
                break
            self.take()
            kind = RE_KIND.match(text)
            if state == "kop" and kind and self.parsed.kind is None:
                self._kind(kind, line)
                state = "number"
                continue
            if state in ("kop", "number") and RE_NUMBER.match(text):
                match = RE_NUMBER.match(text)
                self.parsed.number, self.parsed.year = int(match.group("number")), int(match.group("year"))
                continue
            if state in ("kop", "number") and RE_DRAFT_NUMBER.match(text):
                continue
            if text.upper() == "TENTANG" and state in ("kop", "number"):
                state = "title"
                continue
            if state == "title":
                if RE_INVOCATION.match(text):
                    state = "office"
                    continue
                if text:
                    title_lines.append(line)
                continue
            if RE_INVOCATION.match(text):
                state = "office"
                continue
            if text.upper() in ("SALINAN", "RANCANGAN"):
                self.note("dibuang", f"penanda '{text}' di kop tidak disimpan (rancang menulisnya sendiri)",
                          [line.line], text)
                continue
            if state == "office" and text.endswith(","):
                continue  # "WALI KOTA PAREPARE," before Menimbang: generated from the kind
            if state == "kop" and _is_upper(text):
                continue  # the kop's office and province lines: generated from the project
            self.unplaced(line, "kop")
        if title_lines:
            self.parsed.title = " ".join(" ".join(line.text.split()) for line in title_lines).strip()
            self._title_lines = [line.line for line in title_lines]

    def _kind(self, match: re.Match, line: SourceLine) -> None:
        if match.group("office"):
            office = re.sub(r"\s+", " ", match.group("office").upper())
            self.parsed.kind = "peraturan_bupati" if office == "BUPATI" else "peraturan_wali_kota"
            prefix = "Kabupaten" if office == "BUPATI" else "Kota"
            self.parsed.region = f"{prefix} {_proper(match.group('name'))}"
        else:
            self.parsed.kind = "peraturan_daerah"
            self.parsed.region = f"{match.group('rkind').capitalize()} {_proper(match.group('rname'))}"

    # -- Menimbang, Mengingat ------------------------------------------------------------

    def _items(self, keyword: str, stop) -> list[tuple[str, list[int]]]:
        """The lettered or numbered items after ``keyword`` until a line ``stop`` accepts."""
        line = self.peek()
        if line is None:
            return []
        match = RE_KEYWORD.match(line.text.strip())
        if not match or match.group("kw") != keyword:
            return []
        self.take()
        items: list[_Para] = []
        first = match.group("rest").strip()
        pending = [SourceLine(first, line.line, line.page)] if first else []
        expected_mark = None
        while True:
            if pending:
                current = pending.pop()
            else:
                current = self.peek()
                if current is None or stop(current.text.strip()):
                    break
                self.take()
            text = current.text.strip()
            if not text:
                continue
            point = RE_POINT.match(text) or (RE_BARE_LETTER.match(text) if keyword == "Menimbang" else None)
            if point and (expected_mark is None or point.group("mark") in (expected_mark, "")) and \
                    self._next_in_list(items, point.group("n")):
                if not point.group("mark"):
                    self.note("diperbaiki", f"huruf konsiderans '{point.group('n')}' tanpa titik dibaca "
                              f"'{point.group('n')}.'", [current.line], point.group("n"))
                expected_mark = point.group("mark") or expected_mark
                items.append(_Para(point.group("rest"), [current.line]))
                continue
            if items and not (self.whole_paragraphs and items[-1].complete):
                items[-1].add(current)
            elif not items:
                items.append(_Para(text, [current.line]))
            else:
                items[-1].add(current)
        return [(item.text, item.lines) for item in items]

    @staticmethod
    def _next_in_list(items: list, label: str) -> bool:
        want = len(items) + 1
        value = int(label) if label.isdigit() else letter_value(label)
        return value == want

    def considerations(self) -> None:
        items = self._items("Menimbang", lambda t: bool(RE_KEYWORD.match(t)) and
                            RE_KEYWORD.match(t).group("kw") in ("Mengingat", "Memperhatikan"))
        self.parsed.considerations = items

    def legal_bases(self) -> None:
        self.parsed.legal_bases = self._items(
            "Mengingat", lambda t: bool(RE_APPROVAL.match(t) or RE_DECIDE.match(t) or
                                        (RE_KEYWORD.match(t) and RE_KEYWORD.match(t).group("kw") != "Mengingat")))
        line = self.peek()
        if line is not None and RE_KEYWORD.match(line.text.strip()) and \
                RE_KEYWORD.match(line.text.strip()).group("kw") == "Memperhatikan":
            items = self._items("Memperhatikan", lambda t: bool(RE_APPROVAL.match(t) or RE_DECIDE.match(t)))
            for text, lines in items:
                self.note("tidak-dikenali", "'Memperhatikan' belum didukung oleh format regulasi; tidak dimasukkan",
                          lines, text)

    def approval(self) -> None:
        line = self.peek()
        if line is None or not RE_APPROVAL.match(line.text.strip()):
            return
        parts = []
        while (line := self.peek()) is not None and not RE_DECIDE.match(line.text.strip()):
            self.take()
            parts.append(line)
        self.parsed.approval = " ".join(line.text.strip() for line in parts)
        self._approval_lines = [line.line for line in parts]

    def decision(self) -> None:
        line = self.peek()
        if line is not None and RE_DECIDE.match(line.text.strip()):
            self.take()
        line = self.peek()
        if line is None:
            return
        match = RE_KEYWORD.match(line.text.strip())
        if not match or match.group("kw") != "Menetapkan":
            return
        self.take()
        text = _Para(match.group("rest"), [line.line])
        while (line := self.peek()) is not None and not text.text.rstrip().endswith(".") and \
                not self._body_start(line.text.strip()):
            self.take()
            text.add(line)
        self.parsed.enact_text = text.text
        self._enact_lines = text.lines

    # -- the body ------------------------------------------------------------------------

    @staticmethod
    def _body_start(text: str) -> bool:
        return bool(RE_BAB.match(text) or RE_PASAL.match(text))

    def _body_end(self, text: str) -> bool:
        return bool(RE_ORDER.match(text) or RE_ENACTED.match(text))

    def body(self) -> None:
        body = _BodyReader(self)
        body.amendment = bool(re.match(r"^PERUBAHAN\b.*\bATAS\b", self.parsed.title or "", re.I))
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if self._body_end(text):
                break
            self.take()
            body.line(line)
        body.finish()
        self.parsed.body = body.top

    def order(self) -> None:
        line = self.peek()
        if line is None or not RE_ORDER.match(line.text.strip()):
            return
        self.take()
        text = _Para(line.text.strip(), [line.line])
        while (line := self.peek()) is not None and not RE_ENACTED.match(line.text.strip()):
            self.take()
            text.add(line)
        self.parsed.promulgation_order = text.text
        self._order_lines = text.lines

    # -- signatures and what follows -------------------------------------------------------

    def signature(self, signature: Signature, pattern: re.Pattern, stop) -> None:
        line = self.take()
        signature.place = pattern.match(line.text.strip()).group("place").strip()
        signature.lines.append(line.line)
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if stop(text):
                break
            self.take()
            date = RE_ON_DATE.match(text)
            if date and signature.date is None:
                signature.date = parse_date(date.group("date"))
                signature.lines.append(line.line)
                if signature.date is None and PLACEHOLDER.match(date.group("date").split()[0]):
                    self.note("dibuang", "tanggal belum diisi ('...'); rancang menulisnya sendiri", [line.line], text)
                elif signature.date is None:
                    self.note("tidak-dikenali", f"tanggal '{date.group('date')}' tidak terbaca; isi sendiri",
                              [line.line], text)
                continue
            if RE_SIGNED.match(text):
                self.note("dibuang", "tanda 'ttd' tidak disimpan (tanda tangan ada di naskah asli)",
                          [line.line], text)
                continue
            if signature.office is None and text.endswith(","):
                signature.office = text.rstrip(",").strip()
                signature.lines.append(line.line)
                continue
            if signature.name is None and signature.office is not None and PLACEHOLDER.match(text):
                self.note("dibuang", "nama penanda tangan belum diisi ('...')", [line.line], text)
                signature.lines.append(line.line)
                continue
            if signature.name is None and signature.office is not None and text:
                signature.name = text
                signature.lines.append(line.line)
                continue
            self.unplaced(line, "tanda tangan")

    def signatures(self) -> None:
        def end_of_enactment(text: str) -> bool:
            return bool(RE_PROMULGATED.match(text) or RE_GAZETTE.match(text) or RE_COPY.match(text) or
                        RE_EXPLANATION.match(text) or RE_ANNEX.match(text) and text.startswith("LAMPIRAN"))

        line = self.peek()
        if line is not None and RE_ENACTED.match(line.text.strip()):
            self.signature(self.parsed.enactment, RE_ENACTED, end_of_enactment)
        line = self.peek()
        if line is not None and RE_PROMULGATED.match(line.text.strip()):
            self.signature(self.parsed.promulgation, RE_PROMULGATED, lambda t: end_of_enactment(t) and
                           not RE_PROMULGATED.match(t))

    def after_signatures(self) -> None:
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if gazette := RE_GAZETTE.match(text):
                self.take()
                self._gazette_lines = [line.line]
                self._gazette_kind = gazette.group("what").upper()
                if not (gazette.group("year").isdigit() and gazette.group("number").isdigit()):
                    self.note("dibuang", "tahun atau nomor Berita/Lembaran Daerah belum diisi ('...'); rancang "
                              "menulis baris itu sendiri", [line.line], text)
                    continue
                self.parsed.gazette = (int(gazette.group("year")), int(gazette.group("number")))
                self._gazette_kind = gazette.group("what").upper()
                if gazette.group("rest").strip():
                    self.note("tidak-dikenali", "sisa baris Berita/Lembaran Daerah tidak dikenali", [line.line],
                              gazette.group("rest"))
            elif supplement := RE_SUPPLEMENT.match(text):
                self.take()
                self.parsed.supplement = int(supplement.group("number"))
                self._supplement_lines = [line.line]
            elif noreg := RE_NOREG.match(text):
                self.take()
                value = noreg.group("rest")
                colon = value.rfind(":")
                self.parsed.noreg = value[colon + 1:].strip() if colon >= 0 else value.strip()
                self._noreg_lines = [line.line]
                following = self.peek()
                if not self.parsed.noreg and following is not None and \
                        re.fullmatch(r"\(?[\w./-]+\)?", following.text.strip()):
                    self.take()  # the number broken onto its own line
                    self.parsed.noreg = following.text.strip()
                    self._noreg_lines.append(following.line)
                if colon < 0:
                    self.note("tidak-dikenali", "baris NOREG tanpa ':'; nilainya diambil seluruhnya", [line.line],
                              text)
            elif RE_COPY.match(text):
                self.copy_stamp()
            elif RE_EXPLANATION.match(text):
                self.explanation()
            elif RE_ANNEX.match(text) and text.startswith("LAMPIRAN"):
                self.annex()
            else:
                self.take()
                if text:
                    self.unplaced(line, "bagian akhir")

    def copy_stamp(self) -> None:
        """"Salinan sesuai dengan aslinya ... NIP ...": the certification of a JDIH copy, not the text."""
        stamp = [self.take()]
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if RE_EXPLANATION.match(text) or RE_ANNEX.match(text) and text.startswith("LAMPIRAN") or \
                    RE_GAZETTE.match(text) or RE_SUPPLEMENT.match(text) or RE_NOREG.match(text):
                break
            stamp.append(self.take())
            if text.upper().startswith("NIP"):
                break
        self.note("dibuang", "pengesahan salinan (bukan bagian peraturan) tidak disimpan",
                  [line.line for line in stamp], " ".join(line.text for line in stamp))

    def _annex_heading(self) -> tuple[list[SourceLine], str | None]:
        """The heading after PENJELASAN / LAMPIRAN: regulation name, NOMOR, TENTANG, title."""
        heading: list[SourceLine] = []
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if text.upper() in ("ATAS", "TENTANG") or RE_KIND.match(text) or RE_NUMBER.match(text) or \
                    RE_DRAFT_NUMBER.match(text):
                heading.append(self.take())
                if text.upper() == "TENTANG":
                    break
                continue
            break
        return heading, None

    def explanation(self) -> None:
        explanation = Explanation()
        start = self.take()
        explanation.lines.append(start.line)
        heading, _ = self._annex_heading()
        explanation.lines.extend(line.line for line in heading)
        # the title, up to "I. UMUM"
        while (line := self.peek()) is not None and not RE_EXPL_GENERAL.match(line.text.strip()) and \
                not RE_EXPL_ARTICLES.match(line.text.strip()):
            explanation.lines.append(self.take().line)
        if (line := self.peek()) is not None and RE_EXPL_GENERAL.match(line.text.strip()):
            explanation.lines.append(self.take().line)
            paragraphs: list[_Para] = []
            while (line := self.peek()) is not None and not RE_EXPL_ARTICLES.match(line.text.strip()):
                text = line.text.strip()
                self.take()
                if not text:
                    continue
                if not paragraphs or self.whole_paragraphs or paragraphs[-1].complete:
                    paragraphs.append(_Para(text, [line.line]))
                else:
                    paragraphs[-1].add(line)
            explanation.general = [p.text for p in paragraphs]
            explanation.lines.extend(n for p in paragraphs for n in p.lines)
        if (line := self.peek()) is not None and RE_EXPL_ARTICLES.match(line.text.strip()):
            explanation.lines.append(self.take().line)
            path: list[str] = []
            current: _Para | None = None
            entry_path: tuple[str, ...] = ()

            def flush() -> None:
                if current is not None:
                    explanation.entries.append((entry_path, current.text, current.lines))

            while (line := self.peek()) is not None:
                text = line.text.strip()
                if RE_SUPPLEMENT.match(text) or RE_ANNEX.match(text) and text.startswith("LAMPIRAN") or \
                        RE_COPY.match(text):
                    break
                self.take()
                if not text:
                    continue
                if RE_PASAL.match(text):
                    flush()
                    current, path = None, [text]
                    continue
                sub = RE_EXPL_SUB.match(text)
                if sub and path:
                    flush()
                    current = None
                    path = _explanation_path(path, sub.group("what"), text)
                    continue
                if current is None or self.whole_paragraphs or current.complete:
                    flush()
                    current = _Para(text, [line.line])
                    entry_path = tuple(path)
                else:
                    current.add(line)
            flush()
        self.parsed.explanation = explanation

    def annex(self) -> None:
        start = self.take()
        match = RE_ANNEX.match(start.text.strip())
        label = "LAMPIRAN" + (f" {match.group('n')}" if match.group("n") else "")
        lines = [start.line]
        rest = match.group("rest").strip()
        if rest:
            self.note("info", "teks sesudah 'LAMPIRAN' dianggap bagian kepala lampiran", [start.line], rest)
        heading, _ = self._annex_heading()
        lines.extend(line.line for line in heading)
        # the regulation's title (upper case) after TENTANG, then the lampiran's own title (upper case)
        uppers: list[SourceLine] = []
        while (line := self.peek()) is not None and _is_upper(line.text.strip()) and \
                not RE_ANNEX.match(line.text.strip()) and not line.text.strip().endswith(","):
            uppers.append(self.take())
        title_words = " ".join((self.parsed.title or "").split()).upper()
        consumed = 0
        joined = ""
        for index, line in enumerate(uppers):
            joined = _join(joined, line.text)
            if " ".join(joined.split()).upper() == title_words:
                consumed = index + 1
                break
        lines.extend(line.line for line in uppers[:consumed])
        own_title = uppers[consumed:]
        title = " ".join(" ".join(line.text.split()) for line in own_title)
        lines.extend(line.line for line in own_title)
        annex = Annex(label, title, lines)
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if RE_ANNEX.match(text) and text.startswith("LAMPIRAN") and text.split()[0] == "LAMPIRAN" and \
                    (match := RE_ANNEX.match(text)) and (match.group("n") or not match.group("rest")):
                break
            if RE_EXPLANATION.match(text) or RE_COPY.match(text):
                break
            self.take()
            if text.endswith(",") and _is_upper(text) and self._signature_follows():
                self._annex_signature(line)
                continue
            annex.content.append(line)
        self.parsed.annexes.append(annex)

    def _signature_follows(self) -> bool:
        for offset in range(3):
            line = self.peek(offset)
            if line is None:
                return True
            if RE_SIGNED.match(line.text.strip()) or _is_upper(line.text.strip()):
                return True
        return False

    def _annex_signature(self, office: SourceLine) -> None:
        taken = [office]
        while (line := self.peek()) is not None:
            text = line.text.strip()
            if RE_SIGNED.match(text) or (_is_upper(text) and len(taken) <= 2 and not RE_ANNEX.match(text)):
                taken.append(self.take())
                if not RE_SIGNED.match(text):
                    break
                continue
            break
        self.note("dibuang", "tanda tangan di akhir lampiran dibuat otomatis oleh rancang; tidak disimpan",
                  [line.line for line in taken], " ".join(line.text for line in taken))


# -- the body -----------------------------------------------------------------------------

LEVELS = {"bab": 0, "bagian": 1, "paragraf": 2, "pasal": 3}
NUMBER_WORDS = {"ayat", "pasal", "huruf", "angka", "bab", "bagian", "paragraf", "dan", "atau", "dengan", "dalam",
                "pada", "sampai", "nomor", "tahun"}
"""Words a label number follows in running text: a line break after them does not start an element."""
RE_CONJUNCTION_LINE = re.compile(r"^(?:dan/atau|dan|atau)$")
POINT_STYLES = ("a.", "1.", "a)", "1)")


def _point_style(label: str, mark: str) -> str:
    return ("1" if label.isdigit() else "a") + mark


def _point_value(label: str) -> int:
    return int(label) if label.isdigit() else letter_value(label)


@dataclass
class _BodyReader:
    reader: _Reader
    top: list[Node] = field(default_factory=list)
    groups: list[Node] = field(default_factory=list)
    """Open groups (bab, bagian, paragraf)."""
    article: Node | None = None
    container: Node | None = None
    """Where norm paragraphs go: the pasal or its current ayat."""
    points: list[tuple[str, Node]] = field(default_factory=list)
    """Open list items, outermost first, each with its label style."""
    paragraph: _Para | None = None
    target: Node | None = None
    """The node whose text ``paragraph`` is (or the node it is the closing of)."""
    target_field: str = "text"
    awaiting_title: Node | None = None
    amendment: bool = False
    counts: dict = field(default_factory=dict)

    # -- numbering checks ----------------------------------------------------------------------

    def _expect(self, key, value: int, label: str, lines: list[int]) -> None:
        last = self.counts.get(key)
        expected = 1 if last is None else last + 1
        if value != expected:
            if last is not None and value == last:
                message = f"{label} berulang: nomornya sama dengan yang sebelumnya"
            elif last is not None and value > expected:
                message = f"{label} sesudah nomor {last}: penomoran melompat"
            else:
                message = f"{label} tidak berurutan (diharapkan nomor {expected})"
            self.reader.note("penomoran", message + "; dibiarkan seperti di sumber, rancang menomori ulang",
                             lines, "")
        self.counts[key] = value

    # -- lines ---------------------------------------------------------------------------------

    def line(self, line: SourceLine) -> None:
        text = line.text.strip()
        if not text:
            self._end_paragraph_if_whole()
            return
        if self.awaiting_title is not None:
            if self._title_line(line, text):
                return
        if self.amendment and self.article is not None and not _roman_article(text):
            self._amendment_line(line, text)
            return
        if match := RE_BAB.match(text):
            value = roman_value(match.group("n"))
            if value is not None and self._label_fits():
                self._group("bab", match.group("n"), value, line)
                return
        if match := RE_BAGIAN.match(text):
            value = ordinal_value(match.group("n"))
            if value is not None and self._label_fits():
                self._group("bagian", match.group("n"), value, line)
                return
        if match := RE_PARAGRAF.match(text):
            if self._label_fits():
                self._group("paragraf", match.group("n"), int(re.match(r"\d+", match.group("n")).group()), line)
                return
        if self.amendment and (roman := RE_ROMAN_ARTICLE.match(text)):
            label = roman.group("n")
            if not re.fullmatch(r"[IVX]+", label):
                repaired = "I" * len(label)
                self.reader.note("diperbaiki", f"label 'Pasal {label}' dibaca 'Pasal {repaired}' (pasal perubahan "
                                 "bernomor Romawi)", [line.line], f"Pasal {label}")
                label = repaired
            self._article(label, roman_value(label), line)
            return
        if (match := RE_PASAL.match(text)) and not self.amendment:
            label = match.group("n")
            value = int(re.match(r"\d+", label).group()) if label[0].isdigit() else roman_value(label)
            if value is not None and (self._label_fits() or value == self.counts.get("pasal", 0) + 1):
                if not label[0].isdigit():
                    self.amendment = True
                self._article(label, value, line)
                return
        if self.article is not None:
            if match := RE_AYAT.match(text):
                value = int(re.match(r"\d+", match.group("n")).group())
                if self._ayat_fits(value, match.group("rest")):
                    self._ayat(match.group("n"), value, match.group("rest"), line)
                    return
            if match := RE_POINT.match(text):
                if self._point(match, line):
                    return
            self._text(line, text)
            return
        self.reader.unplaced(line, "batang tubuh (sebelum pasal pertama)")

    def _end_paragraph_if_whole(self) -> None:
        pass

    def _label_fits(self) -> bool:
        """A heading may stand here: the paragraph before it is complete, or lines are whole paragraphs."""
        return self.paragraph is None or self.paragraph.complete or self.reader.whole_paragraphs

    def _title_line(self, line: SourceLine, text: str) -> bool:
        node = self.awaiting_title
        if node.title is None:
            node.title = " ".join(text.split())
            node.lines.append(line.line)
            return True
        # a title broken over lines: BAB titles are upper case; others continue until a label
        if node.kind == "bab" and _is_upper(text) and not RE_PASAL.match(text) and not RE_BAGIAN.match(text):
            node.title = _join(node.title, text)
            node.lines.append(line.line)
            return True
        if node.kind != "bab" and not self.reader.whole_paragraphs and not (
                RE_PASAL.match(text) or RE_PARAGRAF.match(text) or RE_BAGIAN.match(text) or RE_BAB.match(text)):
            node.title = _join(node.title, text)
            node.lines.append(line.line)
            return True
        self.awaiting_title = None
        return False

    def _close_paragraph(self) -> None:
        if self.paragraph is None:
            return
        target, text = self.target, self.paragraph.text
        if self.target_field == "closing":
            target.closing = _join(target.closing or "", text) if target.closing else text
        else:
            target.text = _join(target.text or "", text) if target.text else text
        target.lines.extend(self.paragraph.lines)
        self.paragraph = None

    def _group(self, kind: str, label: str, value: int, line: SourceLine) -> None:
        self._close_paragraph()
        self.article = self.container = None
        self.points = []
        level = LEVELS[kind]
        while self.groups and LEVELS[self.groups[-1].kind] >= level:
            self.groups.pop()
        parent = self.groups[-1] if self.groups else None
        scope = (kind, id(parent)) if kind != "bab" else ("bab",)
        self._expect(scope, value, f"{kind.capitalize() if kind != 'bab' else 'BAB'} {label}", [line.line])
        node = Node(kind, label, value, lines=[line.line])
        (parent.children if parent else self.top).append(node)
        self.groups.append(node)
        self.awaiting_title = node

    def _article(self, label: str, value: int, line: SourceLine) -> None:
        self._close_paragraph()
        self.awaiting_title = None
        self._expect("pasal", value, f"Pasal {label}", [line.line])
        node = Node("pasal", label, value, lines=[line.line])
        parent = self.groups[-1] if self.groups else None
        (parent.children if parent else self.top).append(node)
        self.article = self.container = node
        self.points = []

    def _ayat_fits(self, value: int, rest: str) -> bool:
        if rest[:1] in ".,;:)":
            return False  # "(1)." ends a reference broken over two lines: "... Pasal 2 ayat" / "(1)."
        if self.reader.whole_paragraphs or self.paragraph is None or self.paragraph.complete:
            return True
        ayats = [c for c in self.article.children if c.kind == "ayat"]
        last = ayats[-1].number if ayats else 0
        # after an unfinished sentence only the next ayat, and not where the words before ask for a number
        words = self.paragraph.text.split()
        return value == last + 1 and bool(words) and words[-1].lower() not in NUMBER_WORDS

    def _ayat(self, label: str, value: int, rest: str, line: SourceLine) -> None:
        self._close_paragraph()
        self._expect(("ayat", id(self.article)), value, f"ayat ({label}) Pasal {self.article.label}", [line.line])
        node = Node("ayat", f"({label})", value, lines=[])
        if self.article.text:  # a Pasal's opening text before its ayat: keep it, reported
            self.reader.note("tidak-dikenali", f"Pasal {self.article.label} memiliki teks sebelum ayat (1); "
                             "teks itu dijadikan ayat tanpa nomor tidak mungkin — periksa", self.article.lines,
                             self.article.text)
        self.article.children.append(node)
        self.container = node
        self.points = []
        self.paragraph = _Para(rest, [line.line])
        self.target, self.target_field = node, "text"

    def _point(self, match: re.Match, line: SourceLine) -> bool:
        label, mark, rest = match.group("n"), match.group("mark"), match.group("rest")
        style = _point_style(label, mark)
        value = _point_value(label)
        if label.isalpha() and len(label) == 2 and label[0] != label[1]:
            return False  # "di." is a word, not a label
        # an open level with this style: the next item there
        for depth in range(len(self.points) - 1, -1, -1):
            open_style, open_node = self.points[depth]
            if open_style == style:
                if value == open_node.number + 1 and self._item_may_start():
                    self._close_paragraph()
                    parent = self.points[depth - 1][1] if depth else self.container
                    self.points = self.points[:depth]
                    self._add_point(parent, label, mark, value, rest, line, style)
                    return True
                if value == open_node.number and self.reader.whole_paragraphs:
                    self._close_paragraph()
                    parent = self.points[depth - 1][1] if depth else self.container
                    self.points = self.points[:depth]
                    self.reader.note("penomoran", f"butir {label}{mark} berulang", [line.line], "")
                    self._add_point(parent, label, mark, value, rest, line, style)
                    return True
                return False
        # a new, deeper level starts with its first item after a text ending in ':'
        if value == 1 and self._opens_list():
            self._close_paragraph()
            parent = self.points[-1][1] if self.points else self.container
            self._add_point(parent, label, mark, value, rest, line, style)
            return True
        return False

    def _item_may_start(self) -> bool:
        return self.paragraph is None or self.reader.whole_paragraphs or self.paragraph.complete or \
            self.paragraph.text.rstrip().endswith(",")

    def _opens_list(self) -> bool:
        if self.paragraph is not None:
            return self.paragraph.text.rstrip().endswith(":") or self.reader.whole_paragraphs
        owner = self.points[-1][1] if self.points else self.container
        return bool(owner.text and owner.text.rstrip().endswith(":"))

    def _add_point(self, parent: Node, label: str, mark: str, value: int, rest: str, line: SourceLine,
                   style: str) -> None:
        node = Node("butir", f"{label}{mark}", value, lines=[])
        parent.children.append(node)
        self.points.append((style, node))
        self.paragraph = _Para(rest, [line.line])
        self.target, self.target_field = node, "text"

    def _text(self, line: SourceLine, text: str) -> None:
        if self.paragraph is not None and RE_CONJUNCTION_LINE.match(text) and \
                self.paragraph.text.rstrip().endswith(";"):
            self.paragraph.add(line)  # "...;" / "dan" / "b. ...": the conjunction broken onto its own line
            return
        if self._closes_list(text):
            self._close_paragraph()
            holder = self.points[-2][1] if len(self.points) > 1 else self.container
            self.points = self.points[:-1]
            self.paragraph = _Para(text, [line.line])
            self.target, self.target_field = holder, "closing"
            return
        if self.paragraph is not None and not (self.reader.whole_paragraphs or self.paragraph.complete):
            self.paragraph.add(line)
            return
        if self.paragraph is not None and self.reader.whole_paragraphs and not self.paragraph.complete and \
                self.target_field == "text" and self.target is not None and not self.target.children:
            # a norm split over two paragraphs in a DOCX: joined, the split reported
            self.paragraph.add(line)
            self.reader.note("info", "paragraf lanjutan digabung dengan paragraf sebelumnya", [line.line], "")
            return
        self._close_paragraph()
        owner = self.points[-1][1] if self.points else self.container
        if owner.children or (self.points and owner is self.points[-1][1] and owner.text is not None
                              and owner.children):
            # text after a list: the list's closing words
            holder = owner
            self.points = [p for p in self.points if p[1] is not holder and holder not in p[1].children]
            self.paragraph = _Para(text, [line.line])
            self.target, self.target_field = holder, "closing"
            return
        if self.points and not owner.children:
            # a second paragraph in a list item: kept in the item
            self.paragraph = _Para(text, [line.line])
            self.target, self.target_field = owner, "text"
            self.reader.note("info", "paragraf kedua dalam satu butir digabung ke butir itu", [line.line], "")
            return
        if owner.text is None:
            self.paragraph = _Para(text, [line.line])
            self.target, self.target_field = owner, "text"
            return
        # a further paragraph of the same Pasal/ayat norm
        self.paragraph = _Para(text, [line.line])
        self.target, self.target_field = owner, "text"
        self.reader.note("info", f"paragraf kedua dalam {owner.kind} {owner.label} digabung ke paragraf pertama",
                         [line.line], "")

    def _closes_list(self, text: str) -> bool:
        """A text after a list item ending with ',' is the list's closing words (``..., dicabut ...``).

        In whole paragraphs that is certain; in broken lines only when the line starts a new sentence
        subject (an upper-case letter), since a comma also ends many broken lines inside an item."""
        if not self.points or self.paragraph is None or self.target is not self.points[-1][1]:
            return False
        if not self.paragraph.text.rstrip().endswith(","):
            return False
        siblings = (self.points[-2][1] if len(self.points) > 1 else self.container).children
        if len(siblings) < 2:
            return False
        if self.reader.whole_paragraphs or text[:1].isupper():
            return True
        # the last item (its sibling before carries the conjunction) ends with ',': closing words follow
        return len(siblings) >= 2 and siblings[-1] is self.points[-1][1] and \
            bool(re.search(r";\s*(?:dan/atau|dan|atau)\s*$", _tail_text(siblings[-2])))

    def _amendment_line(self, line: SourceLine, text: str) -> None:
        """Pasal I of an amendment: its intro and change points, kept as written (no numbering read)."""
        self._close_paragraph()
        node = Node("baris", "", 0, text=text, lines=[line.line])
        self.article.children.append(node)

    def finish(self) -> None:
        self._close_paragraph()


RE_ROMAN_ARTICLE = re.compile(r"^Pasal\s+(?P<n>[IVX]+|[1lI]{1,3})$")
"""``Pasal I``/``Pasal II`` of an amendment; OCR reads ``I`` as ``1`` or ``l`` (and clean may have made it ``1``)."""


def _roman_article(text: str) -> bool:
    """``Pasal I``: the articles of an amendment (its quoted Pasal keep their Arabic numbers)."""
    return bool(RE_ROMAN_ARTICLE.match(text))


def _explanation_path(path: list[str], what: str, heading: str) -> list[str]:
    """Where an "Ayat (2)" / "Huruf b" / "Angka 3" heading of Pasal demi Pasal sits under the current one."""
    if what == "Ayat":
        return path[:1] + [heading]
    has_ayat = len(path) > 1 and path[1].startswith("Ayat")
    if what == "Huruf":
        return path[:2 if has_ayat else 1] + [heading]
    letters = [index for index, part in enumerate(path) if part.startswith("Huruf")]
    base = path[:letters[-1] + 1] if letters else path[:2 if has_ayat else 1]
    return base + [heading]


def _tail_text(node: Node) -> str:
    """Where an item's list ending stands: after its own list's closing words or its last sub-item."""
    if node.closing:
        return node.closing
    items = [child for child in node.children if child.kind == "butir"]
    return _tail_text(items[-1]) if items else node.text or ""


def _row_as_text(line: SourceLine) -> SourceLine:
    """A table row read as the line it shows: Word documents lay Menimbang, Mengingat and Menetapkan out as
    tables (``Menimbang | : | a. | bahwa ...``). The cells stay on the line for a lampiran's tables."""
    if not line.table:
        return line
    text = " ".join(" ".join(cell.split()) for cell in line.table if cell.strip())
    return SourceLine(text, line.line, line.page, line.table)


def _proper(text: str) -> str:
    """``PAREPARE`` -> ``Parepare``; ``PANGKAJENE DAN KEPULAUAN`` -> ``Pangkajene dan Kepulauan``."""
    small = {"dan", "di", "ke", "dari"}
    words = text.strip().rstrip(",").split()
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(words))


def parse(lines: list[SourceLine], whole_paragraphs: bool) -> Parsed:
    """Read a regulation from repaired lines (``whole_paragraphs``: each line is a paragraph, as in a DOCX)."""
    reader = _Reader([_row_as_text(line) for line in lines if line.text.strip() or line.table], whole_paragraphs)
    parsed = reader.read()
    parsed.frame_lines = {name: getattr(reader, f"_{name}_lines", [])
                          for name in ("title", "approval", "enact", "order", "gazette", "supplement", "noreg")}
    return parsed
