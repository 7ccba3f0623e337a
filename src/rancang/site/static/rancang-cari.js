/* Pencarian situs rancang: membaca indeks _cari/ (format: rancang/site/search_index.py) sepotong-sepotong.
 *
 * A query becomes terms exactly as rancang.language.search_words does at build time (words, spelling
 * variants, function words, the Snowball Indonesian stemmer of _cari/akar.js, variant stems). For each term
 * one bucket per segment is loaded, the pages having every term are ranked (BM25, weights from the index),
 * and only the fragments of the results shown are loaded, for their title and snippet. Every file is a
 * script calling rancangCari.terima(key, value), loaded by a <script> element: it works from file:// too.
 * Text goes into the page by textContent only.
 */
(function () {
  "use strict";

  var PER_PAGE = 10;
  var BONUS = [0, 0.5, 1, 2];  // per field class of rancang.site.search_index.FIELD_CLASSES
  var SNIPPET_BEFORE = 12, SNIPPET_WORDS = 36;
  var waiting = {}, received = {};

  window.rancangCari = {
    terima: function (key, value) {
      received[key] = value;
      var callbacks = waiting[key];
      if (callbacks) { delete waiting[key]; callbacks.forEach(function (cb) { cb[0](value); }); }
    }
  };

  function load(base, key, path) {
    if (Object.prototype.hasOwnProperty.call(received, key)) return Promise.resolve(received[key]);
    return new Promise(function (resolve, reject) {
      var first = !waiting[key];
      (waiting[key] = waiting[key] || []).push([resolve, reject]);
      if (!first) return;
      var script = document.createElement("script");
      script.src = base + path;
      script.async = true;
      script.onerror = function () {
        var callbacks = waiting[key] || [];
        delete waiting[key];
        callbacks.forEach(function (cb) { cb[1](new Error(path)); });
      };
      script.onload = function () { script.remove(); };
      document.head.appendChild(script);
    });
  }

  /* -- words and terms (rancang.language.search_words) -------------------------------------------------- */
  var WORD = /[\p{L}\p{N}]+/gu;

  function normalized(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function words(text) {
    return (normalized(text).match(WORD) || []).filter(function (w) { return w.length > 1 || /\p{N}/u.test(w); });
  }

  function Analyzer(manifest) {
    var stemmer = new window.IndonesianStemmer();
    var cache = {};
    var stop = {}, kept = {};
    manifest.henti.forEach(function (w) { stop[w] = true; });
    manifest.utuh.forEach(function (w) { kept[w] = true; });
    function stem(word) {
      if (!Object.prototype.hasOwnProperty.call(cache, word)) cache[word] = stemmer.stemWord(word);
      return cache[word];
    }
    this.terms = function (tokens) {
      var out = [];
      tokens.forEach(function (token) {
        var standard = Object.prototype.hasOwnProperty.call(manifest.varian, token) ? manifest.varian[token] : [token];
        standard.forEach(function (word) {
          if (stop[word]) return;
          if (kept[word]) { out.push(word); return; }
          var base = stem(word);
          var roots = Object.prototype.hasOwnProperty.call(manifest.varian_akar, base) ? manifest.varian_akar[base] : [base];
          roots.forEach(function (root) { out.push(root); });
        });
      });
      return out;
    };
  }

  /* -- postings ---------------------------------------------------------------------------------------- */
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes[i];
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  function bytesOf(b64) {
    var raw = atob(b64 + "===".slice((b64.length + 3) % 4));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function pairs(list, add) {  // hexadecimal of gap * 256 + q, comma-separated
    if (!list) return;
    var codes = list.split(","), page = -1;
    for (var i = 0; i < codes.length; i++) {
      var code = parseInt(codes[i], 16);
      page += Math.floor(code / 256);
      add(page, code % 256);
    }
  }

  function postings(text, first, into) {  // into: Map(global page -> q)
    if (text.charAt(0) === "L") {
      pairs(text.slice(1), function (page, q) { into.set(first + page, q); });
      return;
    }
    var parts = text.slice(1).split(".");
    var rest = parseInt(parts[0], 10), bitmap = bytesOf(parts[1]);
    for (var byte = 0; byte < bitmap.length; byte++) {
      if (!bitmap[byte]) continue;
      for (var bit = 0; bit < 8; bit++) if (bitmap[byte] & (1 << bit)) into.set(first + byte * 8 + bit, rest);
    }
    if (parts[2]) pairs(parts[2], function (page, q) { into.set(first + page, q); });
  }

  /* -- the search ---------------------------------------------------------------------------------------- */
  function Search(base, manifest) {
    var analyzer = new Analyzer(manifest);
    var hidden = new Set(manifest.hapus);
    this.analyzer = analyzer;

    function termPages(term) {
      var found = new Map();
      return Promise.all(manifest.segmen.map(function (segment) {
        var bucket = fnv1a(term) % segment.ember;
        var key = segment.id + "/e/" + bucket;
        return load(base, key, segment.id + "/e/" + bucket + ".js").then(function (group) {
          if (Object.prototype.hasOwnProperty.call(group, term)) postings(group[term], segment.awal, found);
        });
      })).then(function () {
        hidden.forEach(function (page) { found.delete(page); });
        return found;
      });
    }

    this.run = function (query) {
      var terms = analyzer.terms(words(query));
      var unique = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      if (!unique.length) return Promise.resolve({terms: [], pages: [], all: true});
      return Promise.all(unique.map(termPages)).then(function (lists) {
        var total = manifest.jumlah;
        var scores = new Map(), hits = new Map();
        lists.forEach(function (list) {
          var idf = Math.log(1 + (total - list.size + 0.5) / (list.size + 0.5));
          list.forEach(function (q, page) {
            // q: field class in the top two bits (3 name, 2 other name or summary, 1 facts), BM25 in the rest
            scores.set(page, (scores.get(page) || 0) + idf * (BONUS[q >> 6] + (q & 63) / 63));
            hits.set(page, (hits.get(page) || 0) + 1);
          });
        });
        var every = [];
        hits.forEach(function (count, page) { if (count === unique.length) every.push(page); });
        var all = every.length > 0 || unique.length === 1;
        var chosen = all ? every : Array.from(hits.keys());
        chosen.sort(function (a, b) {
          return (hits.get(b) - hits.get(a)) || (scores.get(b) - scores.get(a)) || (a - b);
        });
        return {terms: unique, pages: chosen, all: all};
      });
    };

    this.page = function (number) {
      var segment = null;
      manifest.segmen.forEach(function (s) { if (number >= s.awal && number < s.awal + s.banyak) segment = s; });
      var key = segment.id + "/h/" + number;
      return load(base, key, segment.id + "/h/" + Math.floor(number / 1000) + "/" + number + ".js");
    };
  }

  /* -- snippets ------------------------------------------------------------------------------------------ */
  function snippet(analyzer, blocks, terms) {
    // The block with the most distinct query terms; among those, the one with more text (up to a snippet's
    // length), so that a sentence wins over a one-word cell of the facts table.
    var wanted = new Set(terms), best = null, bestScore = 0;
    blocks.forEach(function (block, index) {
      var found = new Set(analyzer.terms(words(block)).filter(function (t) { return wanted.has(t); }));
      if (!found.size) return;
      var score = found.size * 1000 + Math.min(block.split(/\s+/).length, SNIPPET_WORDS);
      if (score > bestScore) { best = index; bestScore = score; }
    });
    var text = best === null ? (blocks[0] || "") : blocks[best];
    var pieces = text.split(/\s+/).filter(Boolean);
    var marks = pieces.map(function (piece) {
      return analyzer.terms(words(piece)).some(function (t) { return wanted.has(t); });
    });
    var first = marks.indexOf(true);
    var start = first > SNIPPET_BEFORE ? first - SNIPPET_BEFORE : 0;
    var end = Math.min(pieces.length, start + SNIPPET_WORDS);
    return {pieces: pieces.slice(start, end), marks: marks.slice(start, end), before: start > 0,
            after: end < pieces.length};
  }

  function fillSnippet(element, shown) {
    if (shown.before) element.appendChild(document.createTextNode("… "));
    shown.pieces.forEach(function (piece, i) {
      if (i) element.appendChild(document.createTextNode(" "));
      if (shown.marks[i]) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(piece));
      }
    });
    if (shown.after) element.appendChild(document.createTextNode(" …"));
  }

  /* -- the page ------------------------------------------------------------------------------------------ */
  function number(n) {  // 7681 -> "7.681", as Indonesian writes it
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }


  function start() {
    var box = document.getElementById("rancang-cari");
    if (!box) return;
    var base = box.getAttribute("data-indeks");
    var root = box.getAttribute("data-akar") || "";
    var form = document.getElementById("rancang-cari-form");
    var input = document.getElementById("rancang-cari-kata");
    var status = document.getElementById("rancang-cari-status");
    var list = document.getElementById("rancang-cari-hasil");
    var more = document.getElementById("rancang-cari-lagi");
    var search = null, current = null, generation = 0, summary = "";

    function say(state, text, count) {
      if (state === "selesai") summary = text;
      status.setAttribute("data-status", state);
      if (count !== undefined) status.setAttribute("data-jumlah", String(count));
      else status.removeAttribute("data-jumlah");
      status.textContent = text;
    }

    function ready() {
      if (search) return Promise.resolve(search);
      return load(base, "manifes", "manifes.js?" + Date.now())
        .then(function (manifest) {
          if (manifest.versi !== 1 || !window.IndonesianStemmer) throw new Error("versi");
          search = new Search(base, manifest);
          search.kinds = manifest.jenis;
          return search;
        });
    }

    function show(found, from, mine) {
      var numbers = found.pages.slice(from, from + PER_PAGE);
      return Promise.all(numbers.map(function (n) { return search.page(n); })).then(function (pages) {
        if (mine !== generation) return;
        pages.forEach(function (page, i) {
          var item = document.createElement("li");
          item.className = "rancang-hasil";
          item.setAttribute("data-halaman", page.u.replace(/\.html$/, ""));
          var link = document.createElement("a");
          link.className = "rancang-hasil-judul";
          link.href = root + page.u;
          link.textContent = page.j;
          var kind = document.createElement("span");
          kind.className = "rancang-hasil-jenis";
          kind.textContent = search.kinds[page.t] || page.t;
          var text = document.createElement("p");
          text.className = "rancang-hasil-cuplikan";
          fillSnippet(text, snippet(search.analyzer, page.b, found.terms));
          item.appendChild(link);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(kind);
          item.appendChild(text);
          list.appendChild(item);
        });
        var shown = from + numbers.length;
        more.hidden = shown >= found.pages.length;
        more.setAttribute("data-berikut", String(shown));
      });
    }

    function run(query) {
      var mine = ++generation;
      list.textContent = "";
      more.hidden = true;
      query = query.trim();
      if (!query) { say("selesai", "Tulis kata yang dicari, lalu tekan Enter.", 0); return Promise.resolve(); }
      say("memuat", "Mencari «" + query + "» …");
      return ready().then(function (s) {
        return s.run(query).then(function (found) {
          if (mine !== generation) return;
          current = found;
          if (!found.terms.length) {
            say("selesai", "Kata «" + query + "» terlalu umum untuk dicari (misalnya \"dan\", \"yang\"). " +
                "Coba kata lain yang lebih khas.", 0);
            return;
          }
          return show(found, 0, mine).then(function () {
            if (mine !== generation) return;
            var n = found.pages.length;
            if (!n) say("selesai", "Tidak ada halaman yang memuat «" + query + "». Periksa ejaan, atau coba " +
                        "kata lain atau lebih sedikit kata.", 0);
            else if (found.all) say("selesai", number(n) + " halaman memuat " + (found.terms.length > 1 ?
                                    "semua kata " : "kata ") + "«" + query + "».", n);
            else say("selesai", "Tidak ada halaman yang memuat semua kata «" + query + "»; " + number(n) +
                     " halaman memuat sebagian, yang paling banyak memuatnya di atas.", n);
          });
        });
      }).catch(function () {
        if (mine !== generation) return;
        var local = location.protocol === "file:";
        say("galat", local ?
            "Indeks pencarian tidak dapat dimuat dari berkas di komputer ini. Buka situs lewat server web, " +
            "misalnya dengan perintah `rancang serve`, atau bangun ulang situs dengan `rancang build`." :
            "Indeks pencarian tidak dapat dimuat. Bangun ulang situs dengan `rancang build`, lalu terbitkan " +
            "seluruh isi folder situs, termasuk folder _cari.");
      });
    }

    more.addEventListener("click", function () {
      if (!current) return;
      var mine = generation;
      var before = summary;
      say("memuat", "Memuat hasil berikutnya …");
      summary = before;
      show(current, parseInt(more.getAttribute("data-berikut"), 10), mine).then(function () {
        if (mine === generation) say("selesai", summary, current.pages.length);
      });
    });

    /* The terms of each text, as the index has them (for tests: the same as rancang.language.search_words). */
    window.rancangCari.istilah = function (texts) {
      return ready().then(function (s) {
        return texts.map(function (text) { return s.analyzer.terms(words(text)); });
      });
    };

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value;
      try {
        var url = new URL(location.href);
        url.searchParams.set("q", query);
        history.replaceState(null, "", url.toString());
      } catch (e) { /* file:// in some browsers: the address stays */ }
      run(query);
    });

    var initial = new URLSearchParams(location.search).get("q") || "";
    input.value = initial;
    if (initial) run(initial);
    else say("selesai", "Tulis kata yang dicari, lalu tekan Enter.", 0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
