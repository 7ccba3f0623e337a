"""Spelling: non-standard forms (L591), bound forms written apart (L592), words not in the dictionary (L593).

The data and the dictionary are in :mod:`rancang.lint.spelling` (Debian's ``hunspell-id`` read through
pyenchant; the choice is explained there). What is never a spelling error: the defined terms of Ketentuan Umum
and their abbreviations, the regulation's ``nama_diri``, abbreviations the text defines ("... yang selanjutnya
disingkat X"), catalogue titles, the region's and its agencies' names (:func:`rancang.lint.context.proper_names`),
acronyms in capitals, Roman numerals, numbers, ``[[...]]`` and terms in italics (``*...*``).
"""

from __future__ import annotations

import re
from typing import Iterator

from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.drafting import emphasis
from rancang.drafting.references import MARKUP
from rancang.lint import spelling
from rancang.lint.context import Draft, LintContext, TextSite, diagnostic, proper_names, quote
from rancang.lint.registry import Example, rule
from rancang.lint.rules.phrases import is_informal_abbreviation
from rancang.lint.rules.text import _FOREIGN, _SECOND, _body
from rancang.locations import locate, locate_in_text, whitespace_folded

ERROR, WARNING = Severity.ERROR, Severity.WARNING

_BASIS = ("Lampiran II UU 12/2011, BAB III (bahasa peraturan tunduk pada kaidah bahasa Indonesia, termasuk "
          "pengejaannya); PP 63/2019 Pasal 3 (pengejaan menurut Pedoman Umum Ejaan Bahasa Indonesia, kini EYD "
          "edisi V, Permendikbudristek 0424/H/BS.00.01/2022) dan Pasal 4 (kosakata menurut KBBI)")

# -- what every spelling rule skips ----------------------------------------------------------------------------

_NOT_PROSE = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|\b(?:https?://|www\.)\S+|\S+@\S+\.\S+")
"""In a lampiran (Markdown): code, link targets, autolinks and HTML, web and e-mail addresses."""
_DEFINED_IN_TEXT = re.compile(r"\bselanjutnya\s+(?:disingkat|disebut)\s+(?:dengan\s+)?"
                              r"((?:[A-Z0-9][\w./&-]*)(?:\s+(?:dan|di|ke|untuk|dari)?\s*[A-Z0-9][\w./&-]*)*)")
"""'... yang selanjutnya disingkat SKPD' / '... disebut Dinas': the capitalised words after it."""


def _blank(match: re.Match) -> str:
    return "\x00" * len(match.group(0))


class _Reading:
    """A site's text as the rules read it: ``[[...]]`` (and in a lampiran, code and links) blanked, emphasis
    marks taken out; offsets map back to the source."""

    def __init__(self, site: TextSite) -> None:
        source = MARKUP.sub(_blank, site.text) if "[[" in site.text else site.text
        if site.kind == "lampiran":
            source = _NOT_PROSE.sub(_blank, source)
        self.site = site
        self.reading = emphasis.read(source)
        self.text = self.reading.text

    def italic(self, start: int, end: int) -> bool:
        styles = self.reading.styles
        return any(styles[i] & emphasis.ITALIC for i in range(start, end))

    def location(self, start: int, end: int) -> Location:
        site = self.site
        begin, stop = self.reading.source_span(start, end)
        needle = site.text[begin:stop].strip()
        if not needle:
            return site.location()
        occurrence = sum(1 for m in whitespace_folded(needle).finditer(site.text) if m.start() < begin)
        return locate_in_text(site.model, site.field, needle, occurrence, site.index, fold_whitespace=True)


def _readings(draft: Draft) -> list[_Reading]:
    readings = draft.shared.get("spelling_readings")
    if readings is None:
        readings = draft.shared["spelling_readings"] = [_Reading(site) for site in draft.texts()]
    return readings


def _exempt(draft: Draft, context: LintContext) -> tuple[re.Pattern | None, frozenset[str]]:
    """Phrases never questioned (as a pattern, case as written) and their words (lower case): defined terms,
    nama_diri, agencies, catalogue titles, the region's name, abbreviations defined in the text."""
    cached = draft.shared.get("spelling_exempt")
    if cached is not None:
        return cached
    names = proper_names(draft, context.data)
    phrases = set(names.terms | names.declared | names.agencies | names.titles)
    region = context.settings.region if context.settings is not None else None
    for value in (getattr(region, "name", None), getattr(region, "province", None), getattr(region, "capital", None)):
        if value:
            phrases.add(" ".join(str(value).split()))
    for site in draft.texts():
        for m in _DEFINED_IN_TEXT.finditer(site.text):
            phrases.add(" ".join(m.group(1).split()))
    phrases = {p for p in phrases if p.strip()}
    pattern = None
    if phrases:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)) + r")(?![\w-])")
    words = frozenset(w.lower() for p in phrases for w in spelling.WORD.findall(p)) | names.words()
    cached = draft.shared["spelling_exempt"] = (pattern, words)
    return cached


def _spans(pattern: re.Pattern | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _cased(standard: str, written: str) -> str:
    """``standard`` in the case ``written`` was in (first letter or all capitals)."""
    if written.isupper() and len(written) > 1:
        return standard.upper()
    if written[:1].isupper():
        return standard[:1].upper() + standard[1:]
    return standard


# -- L591: non-standard forms ----------------------------------------------------------------------------------

_FORMS: dict[str, spelling.NonStandard] = {}
_FORM_PATTERN: re.Pattern | None = None


def _form_pattern() -> re.Pattern:
    global _FORM_PATTERN
    if _FORM_PATTERN is None:
        _FORMS.update((entry.form, entry) for entry in spelling.non_standard_forms())
        _FORM_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(
            r"\s+".join(map(re.escape, form.split())) for form in sorted(_FORMS, key=len, reverse=True))
            + r")(?![\w-])", re.I)
    return _FORM_PATTERN


def _non_standard(reading: _Reading, exempt: re.Pattern | None) -> Iterator[tuple[re.Match, spelling.NonStandard]]:
    pattern = _form_pattern()
    spans = None
    for m in pattern.finditer(reading.text):
        if reading.italic(*m.span()):
            continue
        if spans is None:
            spans = _spans(exempt, reading.text)
        if _inside(spans, *m.span()):
            continue
        yield m, _FORMS[" ".join(m.group(0).lower().split())]


@rule(
    "L591", "Bentuk kata tidak baku", ERROR,
    "Peraturan memakai kata baku: " + _BASIS + ". Kamus Besar Bahasa Indonesia menandai bentuk tidak baku "
    "(ijin, kerjasama, resiko, analisa, propinsi, obyek, aktifitas, merubah, tehnis, himbauan) dan merujuk ke "
    "bentuk bakunya (izin, kerja sama, risiko, analisis, provinsi, objek, aktivitas, mengubah, teknis, "
    "imbauan); PUEBI/EYD V mengatur penulisan gabungan kata (tanggung jawab, tetapi pertanggungjawaban) dan "
    "kata depan di/ke yang ditulis terpisah (di atas, ke depan). Yang diperiksa adalah daftar bentuk tidak "
    "baku yang sering muncul dalam peraturan daerah (rancang/lint/spelling/bentuk-tidak-baku.yaml, dengan "
    "sumber setiap entri). Istilah yang didefinisikan, nama_diri, nama perangkat daerah, judul peraturan "
    "dalam katalog, isi [[...]], dan teks bercetak miring tidak diperiksa.",
    wrong=Example("regulasi", _body("Wali Kota memberikan ijin penerapan Inovasi Daerah [[pasal-bentuk]].",
                                    _SECOND)),
    right=Example("regulasi", _body("Wali Kota memberikan izin penerapan Inovasi Daerah [[pasal-bentuk]].",
                                    _SECOND)),
)
def non_standard_form(context: LintContext) -> Iterator[Diagnostic]:
    pattern = _form_pattern()
    for draft in context.drafts:
        if not pattern.search(draft.folded()):
            continue
        exempt, _words = _exempt(draft, context)
        for reading in _readings(draft):
            for m, entry in _non_standard(reading, exempt):
                written = " ".join(m.group(0).split())
                standard = _cased(entry.standard, written)
                yield diagnostic("L591", f"{quote(written)} bukan bentuk baku; bentuk bakunya {quote(standard)} "
                                 f"({entry.source})", reading.location(*m.span()), f"tulis '{standard}'")


# -- L592: bound forms written apart ---------------------------------------------------------------------------

_PREFIXES = ("antar", "sub", "non", "pasca", "pra", "swa", "multi", "purna", "intra", "tuna", "anti")
"""Bound forms (PUEBI/EYD V, bentuk terikat) that regulations write apart (anti korupsi: antikorupsi). Bound
forms that are also words in the sense regulations use (super, semi, mikro, makro, ekstra) and those rarely
split in regulations are left out."""
_NOT_AFTER = {"antar": {"jemput", "menjemput"}, "tuna": None}
_TUNA = {"netra", "rungu", "wicara", "daksa", "grahita", "wisma", "susila", "karya", "aksara", "laras"}
_NOT_A_BASE = {"dan", "atau", "serta", "yang", "di", "ke", "dari", "dengan", "untuk", "pada"}
_BOUND = re.compile(r"(?<![\w-])(?P<prefix>" + "|".join(_PREFIXES) + r")(?P<sep>[ \t\r\n]+|-)"
                    r"(?P<word>[^\W\d_]+|\d+)(?![\w])", re.I)


def _acronym(word: str) -> bool:
    """In a heading in capitals: whether ``word`` is an acronym (ASN), not a word (BAGIAN) -- by the dictionary,
    when there is one."""
    dictionary = spelling.dictionary()
    return dictionary is not None and not dictionary.check(word.lower()) and len(word) <= 5


def _bound_forms(reading: _Reading, exempt: re.Pattern | None) -> Iterator[tuple[re.Match, str]]:
    """Every bound form written apart (or hyphenated before a lower-case word), with the correct spelling."""
    spans = None
    for m in _BOUND.finditer(reading.text):
        prefix, separator, word = m.group("prefix"), m.group("sep"), m.group("word")
        lower = prefix.lower()
        if word.lower() in _NOT_A_BASE or word.lower() in _NOT_AFTER.get(lower, ()) or len(word) < 3 and \
                not word.isdigit():
            continue
        if lower == "tuna" and word.lower() not in _TUNA:
            continue
        special = (word.isdigit() or (word.isupper() and len(word) > 1 and not prefix.isupper())
                   or (word[:1].isupper() and prefix.islower()) or (prefix.isupper() and word.isupper()
                                                                     and _acronym(word)))
        if separator == "-" and (special or word[:1].isupper()):
            continue  # non-ASN, non-Pemerintah, pasca-2020: the hyphen is right
        if reading.italic(*m.span()):
            continue
        if spans is None:
            spans = _spans(exempt, reading.text)
        if _inside(spans, *m.span()):
            continue
        if special:
            correct = f"{prefix}-{word}"
        elif prefix[:1].isupper() and word[:1].isupper() and not word.isupper():
            correct = prefix + word.lower()
        else:
            correct = prefix + word
        yield m, correct


@rule(
    "L592", "Bentuk terikat ditulis terpisah", ERROR,
    "Bentuk terikat ditulis serangkai dengan kata yang mengikutinya: subbagian, subbidang, antarsatuan, "
    "antardaerah, nonaktif, pascabencana, prasejahtera, swakelola, multitahun, purnatugas (PUEBI/EYD V, "
    "penulisan kata: bentuk terikat; " + _BASIS + "). Tanda hubung dipakai hanya bila kata yang mengikutinya "
    "berhuruf awal kapital, singkatan berhuruf kapital, atau angka: non-Pemerintah, non-ASN, pasca-2020. "
    "Nama diri yang dideklarasikan (nama_diri), istilah yang didefinisikan, dan judul peraturan dalam katalog "
    "ditulis seperti aslinya.",
    wrong=Example("regulasi", _body("Wali Kota menetapkan Inovasi Daerah antar perangkat daerah "
                                    "[[pasal-bentuk]].", _SECOND)),
    right=Example("regulasi", _body("Wali Kota menetapkan Inovasi Daerah antarperangkat daerah "
                                    "[[pasal-bentuk]].", _SECOND)),
)
def bound_form_apart(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        if not draft.may_hold(*_PREFIXES, word_start=True):
            continue
        exempt, _words = _exempt(draft, context)
        for reading in _readings(draft):
            for m, correct in _bound_forms(reading, exempt):
                written = " ".join(m.group(0).split())
                yield diagnostic("L592", f"bentuk terikat {quote(m.group('prefix') + '-')} ditulis serangkai: "
                                 f"{quote(written)} menjadi {quote(correct)}", reading.location(*m.span()),
                                 f"tulis '{correct}'")


# -- L593: words not in the dictionary ---------------------------------------------------------------------------

_ROMAN = re.compile(r"[IVXLCDM]+|[ivx]+")
"""Roman numerals: BAB IV, Golongan III/a; lower case, the numbering i, ii, iv."""
_ALL_PREFIXES = ("antar", "sub", "non", "pasca", "pra", "swa", "multi", "purna", "intra", "inter", "tuna", "anti",
                 "semi", "super", "supra", "ultra", "ekstra", "infra", "kontra", "mikro", "makro", "pro", "ko",
                 "eka", "dwi", "tri", "catur", "panca", "dasa", "awa", "nir", "poli", "trans", "re", "de")


_LONGEST = 40
"""Longer 'words' are not words (mempertanggungjawabkannya has 25 letters); Hunspell's suggestions for them
are slow."""
_SUGGESTIONS = 200
"""Suggestions asked per regulation (about 10 ms each): a text in another language that is not in italics
still gets its findings, the rest without suggestions."""

_L580 = {"walikota"}
"""The office's one-word spelling: rule L580 checks it against ejaan_jabatan."""


def _known(word: str, dictionary, extra: frozenset[str]) -> bool:
    if word.lower() in extra or dictionary.check(word):
        return True
    lower = word.lower()
    for prefix in _ALL_PREFIXES:  # subbidang, antarlembaga, non-Pemerintah, pascabencana
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 3:
            rest = word[len(prefix):].lstrip("-")
            if rest and (rest.lower() in extra or dictionary.check(rest) or dictionary.check(rest.lower())):
                return True
    if _affixed(lower, dictionary, extra):
        return True
    if lower.startswith("ketidak") and lower.endswith("an") and _part(lower[7:-2], dictionary, extra):
        return True  # ketidakhadiran, ketidaksesuaian
    if "-" in word:  # a reduplication or compound the dictionary does not list whole: its parts
        parts = word.split("-")
        return all(p.lower() in extra or dictionary.check(p) or len(p) < 3 for p in parts)
    return False


_PREFIXES_OF_FORMS = ("memper", "diper", "meny", "meng", "mem", "men", "ter", "ber", "di", "me",
                      "peny", "peng", "pem", "pen", "per", "pe", "ke", "")
"""The prefixes hunspell-id misses on loanword bases (terintegrasi, memverifikasi, kedisiplinan)."""
_NOUN_PREFIXES = {"peny", "peng", "pem", "pen", "per", "pe", "ke"}
"""Prefixes of nouns: accepted only with a suffix (ke-an, pe-an) and around a base of six letters at least,
since shorter ones make typos words (pelaksaan as pe-laksa-an, kegaitan as ke-gait-an or ke-gaitan)."""
_SUFFIXES_OF_FORMS = ("kannya", "annya", "inya", "nya", "kan", "an", "i", "lah", "kah", "pun", "")
_NASAL = {"mem": "p", "men": "t", "meng": "k", "meny": "s", "pem": "p", "pen": "t", "peng": "k", "peny": "s"}
"""meN-/peN- before a vowel stands for a dropped p, t, k or s: memilih (pilih), menulis (tulis)."""


def _part(word: str, dictionary, extra: frozenset[str]) -> bool:
    return len(word) >= 4 and (word in extra or dictionary.check(word))


def _affixed(lower: str, dictionary, extra: frozenset[str]) -> bool:
    """A word of standard affixes around a base the dictionary knows, where hunspell-id's affix rules do not
    reach (loanword bases, compounds): terwujudnya, terintegrasi, memverifikasi, tidaknya; with a prefix and a
    suffix, a compound written joined (PUEBI: gabungan kata yang mendapat awalan dan akhiran sekaligus):
    dipindahtugaskan. Bases of five letters at least (six after a noun prefix), parts of a compound of four."""

    for prefix in _PREFIXES_OF_FORMS:
        if not lower.startswith(prefix):
            continue
        shortest = 6 if prefix in _NOUN_PREFIXES else 5

        def known(base: str) -> bool:
            return len(base) >= shortest and (base in extra or dictionary.check(base))

        for suffix in _SUFFIXES_OF_FORMS:
            if (prefix or suffix) and lower.endswith(suffix) and (suffix or prefix not in _NOUN_PREFIXES):
                base = lower[len(prefix):len(lower) - len(suffix)]
                bases = [base]
                if prefix.endswith("r"):
                    bases.append("r" + base)  # ter- + rencana: terencana
                if prefix in _NASAL and base[:1] in "aeiou":
                    bases.append(_NASAL[prefix] + base)
                if any(known(b) for b in bases):
                    return True
                if prefix and suffix and any(_part(b[:i], dictionary, extra) and _part(b[i:], dictionary, extra)
                                             for b in bases for i in range(4, len(b) - 3)):
                    return True
    return False


_SENTENCE_END = re.compile(r"(?:^|[.:;!?]\s|\n\s*(?:[-*+]|\d+[.)]|#+)?\s*)[\s\x00(\"']*$")


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins the text, a sentence, a line or a list item (its capital is
    grammar, not a name)."""
    return bool(_SENTENCE_END.search(text[max(0, start - 40):start]))


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (an adjacent transposition counts one)."""
    a, b = a.lower(), b.lower()
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@rule(
    "L593", "Kata tidak ada dalam kamus", WARNING,
    "Peraturan memakai kosakata baku bahasa Indonesia (" + _BASIS + "). Kata yang tidak dikenal kamus bahasa "
    "Indonesia (hunspell-id, kamus LibreOffice yang dipelihara Debian, ditambah daftar kecil kata KBBI yang "
    "belum dimuatnya) biasanya salah ketik: huruf tertukar, kurang, atau lebih (pemerinath, dareah, "
    "penyelengaraan). Karena kamus tidak memuat semua nama diri dan istilah, temuan ini peringatan, dengan "
    "saran dari kamus. Tidak diperiksa: istilah yang didefinisikan dan singkatannya, singkatan yang "
    "didefinisikan dalam teks (yang selanjutnya disingkat ...), nama_diri, nama daerah dan perangkat daerah, "
    "judul peraturan dalam katalog, singkatan berhuruf kapital, angka Romawi, isi [[...]], dan teks bercetak "
    "miring (istilah asing atau daerah). Kata berhuruf awal kapital di tengah kalimat yang tidak dikenal kamus "
    "dianggap nama diri, kecuali bila hanya berbeda satu huruf dari kata yang dipakai di bagian lain peraturan "
    "yang sama (Rapublik, Pemerinath). Bila kamus belum terpasang (paket Debian "
    "hunspell-id dan libenchant-2-2), pemeriksaan ini dilewati dengan satu catatan P423.",
    wrong=Example("regulasi", _body("Wali Kota menetapkan Inovasi Daerah yang diselengarakan perangkat daerah "
                                    "[[pasal-bentuk]].", _SECOND)),
    right=Example("regulasi", _body("Wali Kota menetapkan Inovasi Daerah yang diselenggarakan perangkat daerah "
                                    "[[pasal-bentuk]].", _SECOND)),
)
def unknown_word(context: LintContext) -> Iterator[Diagnostic]:
    if not context.drafts:
        return
    dictionary = spelling.dictionary()
    if dictionary is None:
        settings = context.settings
        if settings is not None and any("L593".startswith(s) for s in settings.checks.ignore):
            return
        yield Diagnostic("P423", "kamus bahasa Indonesia tidak terpasang; pemeriksaan ejaan dengan kamus (L593) "
                         "dilewati (pasang paket Debian hunspell-id dan libenchant-2-2)",
                         locate(settings) if settings is not None else Location("rancang.yaml"), WARNING)
        return
    extra = spelling.extra_words()
    _form_pattern()
    for draft in context.drafts:
        exempt, exempt_words = _exempt(draft, context)
        suggestions: dict[str, list[str]] = {}
        vocabulary = {w.lower() for reading in _readings(draft) for w in spelling.WORD.findall(reading.text)}
        for reading in _readings(draft):
            if reading.site.kind == "judul":
                continue  # headings are names of their own (BAB titles in capitals)
            text = reading.text
            covered = [m.span() for m, _ in _non_standard(reading, exempt)]
            covered += [m.span() for m, _ in _bound_forms(reading, exempt)]
            covered += [m.span() for m in _FOREIGN.finditer(text)]  # L590's foreign terms
            spans = None
            for m in spelling.WORD.finditer(text):
                word = m.group(0)
                if len(word) < 3 or len(word) > _LONGEST or word.isupper() or _ROMAN.fullmatch(word) or word[1:] != word[1:].lower():
                    continue
                lower = word.lower()
                if lower in _ALL_PREFIXES and text[m.end():m.end() + 1] == "-":
                    continue  # pra- dan pascabencana, pasca-2020
                if lower in exempt_words or lower in _FORMS or lower in _L580 or is_informal_abbreviation(word) \
                        or _known(word, dictionary, extra):  # (L586 reports Kasubag, Sekda ...)
                    continue
                start, end = m.span()
                if _inside(covered, start, end) or reading.italic(start, end):
                    continue
                if spans is None:
                    spans = _spans(exempt, text)
                if _inside(spans, start, end):
                    continue
                if text[end:end + 1] in ("[", "\x00") or text[max(0, start - 1):start] in ("]", "\x00"):
                    continue  # glued to a reference
                options = suggestions.get(word)
                if options is None:
                    asked = len(suggestions) < _SUGGESTIONS
                    options = suggestions[word] = [s for s in dictionary.suggest(word) if " " not in s][:3] \
                        if asked else []
                if word[:1].isupper() and not _sentence_start(text, start) and not any(
                        "-" not in s and _distance(word, s) <= 1 and s.lower() in vocabulary for s in options):
                    continue  # a capitalised word unknown to the dictionary is a name, unless it is one letter
                    # away from a word this regulation uses elsewhere (Rapublik, Perbentukan, Pemerinath)
                advice = ("mungkin maksudnya: " + ", ".join(f"'{s}'" for s in options)) if options else None
                yield diagnostic("L593", f"kata {quote(word)} tidak ada dalam kamus bahasa Indonesia; periksa "
                                 f"ejaannya", reading.location(start, end), advice)
