// Teks pencarian yang belum diterjemahkan dalam katalog Indonesia Sphinx.
Documentation.addTranslations({
  locale: "id",
  plural_expr: "0",
  messages: {
    "Search Results": "Hasil pencarian",
    "Searching": "Mencari",
    "Preparing search...": "Menyiapkan pencarian...",
    "Search finished, found one page matching the search query.": [
      "Pencarian selesai: ${resultCount} halaman cocok dengan kata yang dicari.",
    ],
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
      "Tidak ada halaman yang cocok. Periksa ejaan kata yang dicari, atau coba kata lain.",
    "Hide Search Matches": "Sembunyikan hasil pencarian",
    ", in ": ", di ",
  },
});
