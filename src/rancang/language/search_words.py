"""The words of the site's search: how a text becomes the terms it is found by.

The same steps run on every page when the index is built (here) and on what a reader types (in the
browser, ``site/static/rancang-cari.js``), so both sides meet on the same terms:

1. **Words**: the text is decomposed (NFKD), its marks dropped and it is lower-cased; a word is a
   run of letters and digits ("e-KTP" gives "e" and "ktp"). Single letters are dropped.
2. **Spelling variants** (``ejaan-varian.yaml``): a variant word becomes its standard form
   ("perijinan" -> "perizinan", "kerjasama" -> "kerja sama"); a word the stemmer would cut into another word
   becomes its root first (``akar-kata.yaml``, ``kata``: "desakan" -> "desak", not "desa").
3. **Function words** (:data:`STOPWORDS`) are dropped.
4. **Stems** (except the abbreviations of ``akar-kata.yaml``, ``utuh``: "perwali" stays whole): the Snowball Indonesian stemmer removes particles, possessives, prefixes and suffixes
   ("pelayanan" -> "layan"), the same algorithm Sphinx ships in JavaScript (``indonesian-stemmer.js``), which
   the browser runs.
5. **Variant stems**: a stem of a variant becomes the stem of its standard form, so derived words meet too
   ("diijinkan" -> "ijin" -> "izin"); a stem the stemmer cuts differently within one family of words becomes
   the family's root (``akar-kata.yaml``, ``akar``: "kelola" -> "lola" and "pengelolaan" -> "elola" both
   become "kelola").

:func:`browser_tables` gives steps 2, 3 and 5 as data for the browser.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterator

import yaml

# Function words that carry no meaning for search. Words that are also the stem of content words are left
# out ("ada" of "diadakan", "bagi" of "bagian", "sama" of "bersama" and of "kerja sama", "lain", "pada",
# "hal"): a query made of such a word would otherwise find nothing.
STOPWORDS = frozenset("""
adalah agar akan antara atau bahwa bila dalam dan dari dengan di dia hingga ia ini itu jika juga kami karena
ke kepada ketika kita maka masih mereka namun oleh para sampai saya sebagai secara sedang sehingga sejak
seperti serta setiap sudah supaya tanpa telah tentang tersebut tetapi untuk yaitu yakni yang
""".split())

VARIANTS_FILE = "ejaan-varian.yaml"
STEMS_FILE = "akar-kata.yaml"

_WORD = re.compile(r"[^\W_]+")


def normalized(text: str) -> str:
    """Decomposed, without marks (Unicode category M), lower-cased: "Kabupatén" -> "kabupaten"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    """The words of ``text`` (step 1), in order."""
    return [w for w in _WORD.findall(normalized(text)) if len(w) > 1 or w.isdigit()]


@lru_cache(maxsize=1)
def variant_pairs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(standard form, its variants) of ``ejaan-varian.yaml``, in the file's order."""
    raw = yaml.safe_load(resources.files("rancang.language").joinpath(VARIANTS_FILE).read_text(encoding="utf-8"))
    return tuple((str(item["baku"]), tuple(str(v) for v in item["varian"])) for item in raw)


@lru_cache(maxsize=1)
def stem_corrections() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """``akar-kata.yaml``: (whole word -> its root, used before the stemmer; wrong stem -> right root; words
    never stemmed)."""
    raw = yaml.safe_load(resources.files("rancang.language").joinpath(STEMS_FILE).read_text(encoding="utf-8"))
    return ({str(k): str(v) for k, v in (raw.get("kata") or {}).items()},
            {str(k): str(v) for k, v in (raw.get("akar") or {}).items()},
            frozenset(str(w) for w in raw.get("utuh") or ()))


class _Stemmer:
    def __init__(self) -> None:
        import snowballstemmer

        self._stemmer = snowballstemmer.stemmer("indonesian")
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        # Words repeat (Zipf): remembering each word's stem saves most of the time on a large site.
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stemmer.stemWord(word)
        return stem


@lru_cache(maxsize=1)
def stemmer() -> _Stemmer:
    return _Stemmer()


def stem(word: str) -> str:
    """The Snowball Indonesian stem of a normalised word."""
    return stemmer()(word)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    whole, roots, _ = stem_corrections()
    surface: dict[str, tuple[str, ...]] = {word: (root,) for word, root in whole.items()}
    stems: dict[str, tuple[str, ...]] = {wrong: (right,) for wrong, right in roots.items()}
    for standard, variants in variant_pairs():
        standard_words = tuple(words(standard))
        standard_stems = tuple(roots.get(stem(w), stem(w)) for w in standard_words)
        for variant in variants:
            for word in words(variant):
                surface[word] = standard_words
                variant_stem = stem(word)
                if (variant_stem,) != standard_stems and variant_stem not in standard_stems:
                    stems[variant_stem] = standard_stems
    return surface, stems


def terms_of_words(tokens: list[str]) -> Iterator[str]:
    """Steps 2 to 5 on words already split (:func:`words`)."""
    surface, stems = _tables()
    kept = stem_corrections()[2]
    cut = stemmer()
    for token in tokens:
        for word in surface.get(token, (token,)):
            if word in STOPWORDS:
                continue
            if word in kept:
                yield word
                continue
            base = cut(word)
            yield from stems.get(base, (base,))


def terms(text: str) -> list[str]:
    """The search terms of ``text``, in order, repeated as often as they occur."""
    return list(terms_of_words(words(text)))


def browser_tables() -> dict[str, object]:
    """What the browser needs besides the stemmer to turn a query into terms exactly as :func:`terms` does."""
    surface, stems = _tables()
    return {"varian": {k: list(v) for k, v in sorted(surface.items())},
            "varian_akar": {k: list(v) for k, v in sorted(stems.items())},
            "henti": sorted(STOPWORDS), "utuh": sorted(stem_corrections()[2])}
