"""The linter's shortcuts find exactly what the plain loops found.

Several rules skip work that cannot lead to a finding: the defined-term matcher does not try a term whose
words are not in the text (nor in any text of the draft), and the rules on numbers, references, the office's
spelling and fixed phrases skip a draft whose texts lack the word every finding needs (:meth:`Draft.may_hold`).
These tests compare them with the plain versions: the matcher as it was before (kept here verbatim), and
every rule with the shortcuts switched off, on texts chosen to be awkward (Unicode characters that
re.IGNORECASE matches with ASCII letters, hyphens, line breaks, ``[[...]]`` markup, words inside words).
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rancang.check import check_project
from rancang.lint import context as lint_context
from rancang.lint.context import ASCII_TWINS, Draft, TextSite, fold
from rancang.lint.examples import write_project
from rancang.lint.registry import Example
from rancang.lint.rules import body, text as text_rules
from rancang.models.regulation import Definition

# -- the matcher as it was: every pattern tried on every text --------------------------------------


MATCHER = body.Matcher


class PlainMatcher:
    """``body.Matcher`` before the prefilter and the memo (same helpers, same order)."""

    def __init__(self, terms, *_ignored, **_also_ignored):
        self.terms = terms
        self.entries = [(term, variant, body._pattern(variant)) for term in terms for variant in term.variants]

    def uses(self, text, own=None):
        masked = body._masked(text)
        candidates = []
        for term, variant, pattern in self.entries:
            for match in pattern.finditer(masked):
                found = " ".join(match.group().split())
                exact = found in (variant, body._title(variant)) or (
                    found[1:] == variant[1:] and found[:1].isupper() and variant[:1].islower()
                    and body._sentence_start(masked, match.start()))
                candidates.append((term, variant, match.start(), match.end(), found, exact))
        exact_spans = [(c[2], c[3]) for c in candidates if c[5]]
        chosen: list[tuple] = []
        for candidate in sorted(candidates, key=lambda c: (-len(c[1].split()), -(c[3] - c[2]), c[2])):
            term, variant, start, end, found, exact = candidate
            if any(start < e and s < end for _t, _v, s, e, _f, _x in chosen):
                continue
            if not exact and MATCHER._explained(masked, start, end, exact_spans):
                continue
            chosen.append(candidate)
        out = []
        for term, variant, start, end, found, exact in sorted(chosen, key=lambda c: c[2]):
            if own is not None and term is own:
                continue
            out.append(body.Use(term, variant, start, end, found,
                                MATCHER._kind(masked, variant, start, end, found, exact, term)))
        return out


DEFINITIONS = [
    ("Daerah", None, None),
    ("Wali Kota", None, None),
    ("Pemerintahan Daerah", None, None),
    ("Inovasi Daerah", None, None),
    ("Indeks Inovasi Daerah", "IID", None),
    ("Tim Penilai Kinerja", None, "Tim"),
    ("Undang-Undang Cipta Kerja", None, None),
    ("Dinas P.U.", None, None),  # a word that is not [\w-]: always tried
    ("Kafe Ilmu", None, None),
    ("Sistem Informasi 2", None, None),
    ("Kelas Sosial", None, None),  # 'K' and 's': the Kelvin sign and the long s match them
    ("inisiatif", None, None),  # lower case: a capital at a sentence start is still exact
]
TERMS = body.terms_of(type("R", (), {"definitions": [
    Definition.model_validate({"istilah": term, "arti": "arti", **({"disingkat": short} if short else {}),
                               **({"disebut": name} if name else {})})
    for term, short, name in DEFINITIONS]})())

PIECES = [
    "Daerah", "daerah", "DAERAH", "Wali Kota", "wali kota", "Wali\nKota", "Wali  \t Kota", "Pemerintahan Daerah",
    "pemerintahan daerah", "Inovasi Daerah", "inovasi Daerah", "inovasi daerah", "Indeks Inovasi Daerah", "IID",
    "iid", "Tim", "tim", "Tim Penilai Kinerja", "Undang-Undang Cipta Kerja", "undang-undang cipta kerja",
    "Dinas P.U.", "dinas p.u.", "Kafe Ilmu", "Sistem Informasi 2", "sistem informasi 2", "Kelas Sosial",
    "\u212aelas \u017fosial", "KELAS SOSİAL", "Inisiatif", "inisiatif", "\u0131nisiatif", "İnisiatif",
    "Daerah-Daerah", "-Daerah", "Daerah_", "daerah lain", "pemerintah daerah", "kepada daerah", "[[daerah]]",
    "[[pasal-1]]", "[[Wali Kota]]", ".", ",", ";", ":", ". ", "\n", "\n1. ", "(a) ", " ", " ", "\u00a0", "dan",
    "yang", "perangkat", "Perangkat Daerah", "¤", "\x00", "é", "2",
]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map(lambda parts: " ".join(parts)) | \
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def as_rows(uses):
    return [(u.term.index, u.variant, u.start, u.end, u.found, u.kind) for u in uses]


TRICKY = [
    "", "Daerah", "daerah lain", "Wali\nKota menetapkan Inovasi Daerah [[pasal-1]].", "inovasi Daerah",
    "\u212aelas \u017fosial", "KELAS SOSİAL dan kelas sosıal", "Dinas P.U. dan dinas p.u.", "Daerah-Daerah",
    "Tim Penilai Kinerja yang selanjutnya disebut Tim", "inisiatif. Inisiatif", "1. Inisiatif",
    "Sistem Informasi 2 dan sistem  informasi\t2", "[[Inovasi Daerah]] Inovasi Daerah", "perangkat daerah",
]


@pytest.mark.parametrize("sample", TRICKY)
def test_matcher_finds_what_the_plain_matcher_found(sample):
    plain, matcher = PlainMatcher(TERMS), MATCHER(TERMS)
    for own in (None, TERMS[0], TERMS[3], TERMS[5]):
        assert as_rows(matcher.uses(sample, own)) == as_rows(plain.uses(sample, own))
        assert as_rows(matcher.uses(sample, own)) == as_rows(plain.uses(sample, own))  # memoised: the same again


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=6))
def test_matcher_with_the_draft_texts_finds_what_the_plain_matcher_found(samples):
    plain = PlainMatcher(TERMS)
    alone = MATCHER(TERMS)
    corpus = MATCHER(TERMS, samples, fold("\n".join(samples)))
    for sample in samples + ["Inovasi Daerah dan Wali Kota", "\u212aelas"]:  # and texts outside the corpus
        expected = as_rows(plain.uses(sample))
        assert as_rows(alone.uses(sample)) == expected
        assert as_rows(corpus.uses(sample)) == expected
        assert as_rows(corpus.uses(sample, TERMS[3])) == as_rows(plain.uses(sample, TERMS[3]))


# -- folding: what the word checks rely on ----------------------------------------------------------

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_fold_writes_every_case_insensitive_twin_of_an_ascii_character_as_that_character():
    for ascii_character in "abcdefghijklmnopqrstuvwxyz0123456789_-(":
        for match in re.finditer(re.escape(ascii_character), EVERY_CHARACTER, re.I):
            assert fold(match.group()) == ascii_character, (hex(ord(match.group())), ascii_character)
    assert all(re.fullmatch(letter, chr(c), re.I) for c, letter in ASCII_TWINS.items())


def test_fold_keeps_every_character_one_character_and_word_characters_word_characters():
    folded = fold(EVERY_CHARACTER)
    assert len(folded) == len(EVERY_CHARACTER)
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(folded)] == [m.start() for m in word.finditer(EVERY_CHARACTER)]
    assert all(lint_context._is_word_character(c) == bool(word.match(c)) for c in "aZ_9é²-( \u00a0¤\x00İ")


# -- the word checks of the rules ---------------------------------------------------------------------

GATES = [  # (pattern as the rule applies it, the words it asks may_hold for, word_start)
    (text_rules._NUMBER_WORDS, ("(",), False),
    (text_rules._BARE_NUMBER, tuple(text_rules._UNITS.split("|")), True),
    (text_rules._EFFECTIVE, ("efektif",), True),
    (text_rules._BLANKET, ("belum",), True),
    (text_rules._ONE_WORD, ("walikota",), True),
    (text_rules._TWO_WORDS, ("wali",), True),
    (text_rules._LABEL, tuple(text_rules._LEVEL), True),
]

GATE_PIECES = [
    "14", "3", "1.000", "(empat belas)", "( tiga )", "hari", "HARİ", "Hari", "perhari", "tahun 2021", "tahun",
    "persen", "jam", "jaminan", "mulai", "berlaku", "efektif", "EFEKTİF", "noneffektif", "hal-hal", "yang",
    "belum", "cukup", "diatur", "beLum", "Walikota", "WALİKOTA", "walıkota", "Wali", "Kota", "wali\nkota",
    "perwalikota", "Pasal", "pasal", "PASAL", "ayat", "(1)", "huruf", "a", "angka", "perangkat", "[[pasal-1]]",
    "[[14]]", ",", ".", "\n", " ", "_", "-", "x",
]
gate_texts = st.lists(st.sampled_from(GATE_PIECES), max_size=12).map(" ".join) | \
    st.lists(st.sampled_from(GATE_PIECES), max_size=12).map("".join)


def draft_of(samples: list[str]) -> Draft:
    draft = Draft("uji", None, None)  # type: ignore[arg-type]
    draft.shared["texts"] = tuple(TextSite("ayat", sample, None, "text") for sample in samples)  # type: ignore
    return draft


@settings(max_examples=500, deadline=None)
@given(st.lists(gate_texts, min_size=1, max_size=4))
def test_a_draft_is_skipped_only_when_no_text_can_match(samples):
    draft = draft_of(samples)
    for pattern, words, word_start in GATES:
        if any(pattern.search(text_rules._masked(sample)) for sample in samples):
            assert draft.may_hold(*words, word_start=word_start), (pattern.pattern, samples)


def test_the_word_checks_skip_drafts_that_lack_the_words():
    draft = draft_of(["Perangkat Daerah melaksanakan kegiatan", "jaminan perwalikota"])
    assert not draft.may_hold("angka", "pasal", word_start=True)
    assert draft.may_hold("angka")
    assert not draft.may_hold("walikota", word_start=True)
    assert draft.may_hold("jam", word_start=True)  # 'jaminan': a word start, enough to look further
    assert draft_of(["KELAS \u017fOSİAL"]).may_hold("sosial", word_start=True)


# -- every rule, with and without the shortcuts --------------------------------------------------------

AWKWARD = Example("regulasi", """
    menimbang:
      - bahwa untuk meningkatkan kinerja penyelenggaraan Pemerintahan Daerah, Daerah perlu melaksanakan Inovasi
        Daerah dan inovasi daerah
      - bahwa Tim Penilai perlu dibentuk;
    batang_tubuh:
      - bab: BENTUK INOVASI DAERAH
        isi:
          - id: pasal-bentuk
            teks: "Inovasi Daerah berbentuk:"
            rincian:
              sifat: alternatif
              butir:
                - Inovasi tata kelola Pemerintahan Daerah; atau
                - inovasi pelayanan publik oleh Perangkat Daerah
          - ayat:
              - WALİKOTA menetapkan inovasi daerah [[pasal-bentuk]] paling lama 3 (empat) hari.
              - Penetapan sebagaimana dimaksud dalam ayat (1) dilakukan paling lama 14 HARİ sejak usulan diterima
                oleh Walıkota di Daerah.
              - Penetapan mulai berlaku EFEKTİF sejak ditandatangani sebagaimana dimaksud dalam pasal 1 huruf a.
              - Hal-hal yang beLum diatur dalam Peraturan Wali Kota ini diatur oleh Dewan Pengawas Inovasi.
""")


def test_every_rule_finds_the_same_with_and_without_the_shortcuts(tmp_path, monkeypatch):
    root = write_project(tmp_path, AWKWARD)
    monkeypatch.chdir(root)
    fast = [d.format() for d in check_project(root).report.sorted()]
    with monkeypatch.context() as plain:
        plain.setattr(Draft, "may_hold", lambda self, *words, word_start=False: True)
        plain.setattr(body, "Matcher", PlainMatcher)
        plain.setattr(body, "_may_hold_phrase", lambda text: True)
        slow = [d.format() for d in check_project(root).report.sorted()]
    assert fast == slow
    codes = {line.split()[1] if len(line.split()) > 1 else line for line in fast}
    for code in ("L543", "L544", "L551", "L560", "L561", "L570", "L571", "L580", "L581", "L582"):
        assert any(code in line for line in fast), (code, codes)
