"""Indonesian search for Sphinx.

Sphinx has no search language for ``id`` and silently falls back to English
stemming, so "layanan" would not find "pelayanan". Sphinx ships the Snowball
Indonesian stemmer in Python (snowballstemmer) and in JavaScript; this class
uses both, after the pattern of ``sphinx.search.tr``.
"""

from __future__ import annotations

import snowballstemmer
from sphinx.search import SearchLanguage

# Function words that carry no meaning for search. Words that are also the stem of content words are left
# out ("ada" of "diadakan", "bagi" of "bagian", "sama" of "bersama", "lain", "pada", "hal"): Sphinx's search
# script drops a query whose stem is a stop word, so "diadakan" would find nothing.
STOPWORDS = frozenset("""
adalah agar akan antara atau bahwa bila dalam dan dari dengan di dia hingga ia ini itu jika juga kami karena
ke kepada ketika kita maka masih mereka namun oleh para sampai saya sebagai secara sedang sehingga sejak
seperti serta setiap sudah supaya tanpa telah tentang tersebut tetapi untuk yaitu yakni yang
""".split())


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    js_stemmer_rawcode = "indonesian-stemmer.js"
    stopwords = STOPWORDS

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stemmer = snowballstemmer.stemmer("indonesian")
        self.stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        # Words repeat (Zipf): remembering each word's stem saves most of the indexing time on a large site.
        stem = self.stems.get(word)
        if stem is None:
            stem = self.stems[word] = self.stemmer.stemWord(word.lower())
        return stem
