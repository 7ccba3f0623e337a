/* Gallery facets of rancang: filter the cards, keep the filter in the URL.
 *
 * Vanilla JavaScript, no dependencies; works from file:// as well as from a web server.
 * Without JavaScript the controls stay hidden and the cards of the page are shown (the static
 * pages under galeri/ do the filtering and the paging then).
 *
 * Contract (built by rancang/site/gallery.py, see its docstring):
 *   cards     div.rancang-kartu with data-<facet>="v1|v2" ("" when unknown);
 *             case-study cards also carry data-studi-kasus, and data-inovasi lists their
 *             innovations: a case-study card is shown when one of its innovations is.
 *   controls  select.rancang-facet[name=<facet>], first option "" = "Semua";
 *             button.rancang-hapus-filter clears them; p#rancang-jumlah says "N inovasi".
 *   URL       ?<facet>=<value>&...&halaman=<k> (read on load, kept up to date with
 *             history.replaceState).
 *
 * Two ways of filtering:
 *   - every innovation is on the page (div.rancang-facets has no data-indeks): cards are
 *     hidden and shown in place;
 *   - the gallery is paginated (data-indeks names the folder of the chunked index, see
 *     gallery.py's docstring): when the reader uses a control (or opens an address with a
 *     filter or a page), the script loads the position list of each chosen value, intersects
 *     them, and loads only the chunks of cards that the page of results shows. Every file of
 *     the index is a script calling window.rancangGaleri.terima(key, value), loaded with a
 *     <script> element (browsers refuse fetch from file://). The matching cards are shown one
 *     page at a time, with the same page navigation (nav.rancang-halaman). Each card is a
 *     clone of the server's card template (template.rancang-kartu-templat, rendered from the
 *     same template as every other card), whose elements marked data-isi="<slot>" are filled
 *     here. Text from the index only goes through textContent and attributes, never innerHTML.
 */
(function () {
  "use strict";

  var SEPARATOR = "|";
  var PAGE_PARAM = "halaman";
  var NEIGHBOURS = 2;

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function values(card, name) {
    var text = card.getAttribute("data-" + name) || "";
    return text === "" ? [] : text.split(SEPARATOR);
  }

  function hasOption(select, value) {
    return toArray(select.options).some(function (option) {
      return option.value === value;
    });
  }

  /* An element with classes, attributes and text (never HTML). */
  function element(tag, classes, text, attributes) {
    var node = document.createElement(tag);
    if (classes) {
      node.className = classes;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  /* The pages the navigation shows: first, last and NEIGHBOURS around the current one
     (null = gap), as gallery.page_window does. */
  function pageWindow(current, total) {
    var shown = [1];
    for (var k = Math.max(1, current - NEIGHBOURS); k <= Math.min(total, current + NEIGHBOURS); k += 1) {
      if (shown.indexOf(k) === -1) {
        shown.push(k);
      }
    }
    if (shown.indexOf(total) === -1) {
      shown.push(total);
    }
    var out = [];
    shown.forEach(function (number) {
      var last = out.length ? out[out.length - 1] : null;
      if (last !== null && number - last === 2) {
        out.push(number - 1);
      } else if (last !== null && number - last > 2) {
        out.push(null);
      }
      out.push(number);
    });
    return out;
  }

  /* -- the chunked index -- */

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d += 1) {
    DIGIT[DIGITS.charAt(d)] = d;
  }

  var received = {}; /* key -> value of the files loaded */
  var waiting = {}; /* key -> callbacks waiting for it */
  var api = window.rancangGaleri = window.rancangGaleri || {};
  api.terima = function (key, value) {
    received[key] = value;
  };

  /* Loads the file of `key` once (a <script> element); callback(true) when it is there, (false)
     when it could not be loaded (the next filter that needs it tries again). */
  function loadFile(folder, key, callback) {
    if (Object.prototype.hasOwnProperty.call(received, key)) {
      callback(true);
      return;
    }
    if (waiting[key]) {
      waiting[key].push(callback);
      return;
    }
    waiting[key] = [callback];
    var script = document.createElement("script");
    script.src = folder + key.split("/").map(encodeURIComponent).join("/") + ".js";
    script.async = true;
    script.setAttribute("data-rancang-indeks", key);
    function finish() {
      var ok = Object.prototype.hasOwnProperty.call(received, key);
      var callbacks = waiting[key];
      delete waiting[key];
      callbacks.forEach(function (waiter) {
        waiter(ok);
      });
    }
    script.onload = finish;
    script.onerror = finish;
    document.head.appendChild(script);
  }

  /* Loads every file of `keys`; callback(true) when all are there, (false) as soon as one fails. */
  function loadFiles(folder, keys, callback) {
    var left = keys.length;
    var done = false;
    if (!left) {
      callback(true);
      return;
    }
    keys.forEach(function (key) {
      loadFile(folder, key, function (ok) {
        if (done) {
          return;
        }
        left -= 1;
        if (!ok || !left) {
          done = true;
          callback(ok);
        }
      });
    });
  }

  /* The positions of a list of the index (gallery.encode_positions): "d" and the gaps, or "b"
     and a bitmap. */
  var decoded = {};
  function positions(key) {
    if (decoded[key]) {
      return decoded[key];
    }
    var text = String(received[key] || "d");
    var out = [];
    var i;
    if (text.charAt(0) === "b") {
      for (i = 1; i < text.length; i += 1) {
        var bits = DIGIT[text.charAt(i)];
        for (var bit = 0; bit < 6; bit += 1) {
          if ((bits >> bit) & 1) {
            out.push((i - 1) * 6 + bit);
          }
        }
      }
    } else {
      var previous = -1;
      var number = 0;
      for (i = 1; i < text.length; i += 1) {
        var digit = DIGIT[text.charAt(i)];
        if (digit >= 32) {
          number = number * 32 + digit - 32;
        } else {
          previous += number * 32 + digit + 1;
          out.push(previous);
          number = 0;
        }
      }
    }
    decoded[key] = out;
    return out;
  }

  /* The positions in every one of the rising lists. */
  function intersect(lists) {
    lists = lists.slice().sort(function (a, b) {
      return a.length - b.length;
    });
    var result = lists[0] || [];
    lists.slice(1).forEach(function (other) {
      var kept = [];
      var j = 0;
      result.forEach(function (position) {
        while (j < other.length && other[j] < position) {
          j += 1;
        }
        if (j < other.length && other[j] === position) {
          kept.push(position);
        }
      });
      result = kept;
    });
    return result;
  }

  function filterKeys(filters) {
    return filters.map(function (filter) {
      return filter.name + "/" + filter.value;
    });
  }

  /* The positions of the innovations matching every filter ([{name, value}]) of the index in
     `folder`: callback(positions), or callback(null) when the index cannot be loaded. With no
     filter: callback(null) too; the caller knows every position. */
  api.cocok = function (folder, filters, callback) {
    var keys = filterKeys(filters);
    loadFiles(folder, keys, function (ok) {
      callback(ok && keys.length ? intersect(keys.map(positions)) : null);
    });
  };

  /* The index's entry file (gallery.INDEX_ENTRY): cards per chunk, number of innovations. */
  function entry(folder, callback) {
    loadFiles(folder, ["indeks"], function (ok) {
      var value = ok ? received.indeks : null;
      callback(value && value.kartu > 0 ? value : null);
    });
  }

  function init(gallery) {
    var selects = toArray(gallery.querySelectorAll("select.rancang-facet"));
    var cards = toArray(gallery.querySelectorAll(".rancang-kartu"));
    var counter = document.getElementById("rancang-jumlah");
    var empty = gallery.querySelector(".rancang-kosong");
    var reset = gallery.querySelector(".rancang-hapus-filter");
    var controls = gallery.querySelector(".rancang-facets");
    var grid = gallery.querySelector(".rancang-galeri-kartu");
    var nav = gallery.querySelector("nav.rancang-halaman");
    if (!selects.length) {
      return;
    }
    var cardTemplate = gallery.querySelector("template.rancang-kartu-templat");
    var paged = controls && controls.hasAttribute("data-indeks");
    if (paged && !(cardTemplate && "content" in cardTemplate)) {
      return; /* no card to clone: the controls stay hidden, the static pages do the filtering */
    }
    var page = 1;
    var active = false; /* the script shows the cards (after the first use of a control) */
    var generation = 0; /* of the last render asked: an older one that finishes loading is dropped */
    var folder = paged ? controls.getAttribute("data-indeks") : "";
    var pageSize = paged ? parseInt(controls.getAttribute("data-per-halaman"), 10) || 60 : 0;
    var facetNames = selects.map(function (select) {
      return select.name;
    });
    var labels = {}; /* facet -> value -> label, from the options of the controls */
    selects.forEach(function (select) {
      labels[select.name] = {};
      toArray(select.options).forEach(function (option) {
        labels[select.name][option.value] = option.textContent;
      });
    });

    var innovations = cards.filter(function (card) {
      return !card.hasAttribute("data-studi-kasus");
    });
    var studies = cards.filter(function (card) {
      return card.hasAttribute("data-studi-kasus");
    });

    function chosen() {
      return selects
        .filter(function (select) {
          return select.value !== "";
        })
        .map(function (select) {
          return { name: select.name, value: select.value };
        });
    }

    function matches(card, filters) {
      return filters.every(function (filter) {
        return values(card, filter.name).indexOf(filter.value) !== -1;
      });
    }

    function showCount(count, filters) {
      if (counter) {
        counter.textContent = count + " inovasi";
      }
      if (empty) {
        empty.hidden = count !== 0;
      }
      if (reset) {
        reset.disabled = filters.length === 0;
      }
    }

    /* Every card is on the page: hide and show them. */
    function applyInPlace() {
      var filters = chosen();
      var shown = {};
      var count = 0;
      innovations.forEach(function (card) {
        var visible = matches(card, filters);
        if (visible) {
          shown[card.getAttribute("data-inovasi")] = true;
          count += 1;
        }
        card.hidden = !visible;
      });
      studies.forEach(function (card) {
        card.hidden = filters.length > 0 && !values(card, "inovasi").some(function (id) {
          return shown[id] === true;
        });
      });
      showCount(count, filters);
    }

    /* -- paginated gallery: cards built from the index -- */

    function profileUrl(id) {
      return (controls.getAttribute("data-profil-awal") || "") + encodeURIComponent(id) +
        (controls.getAttribute("data-profil-akhir") || "");
    }

    /* The first value of a record for a facet, or its label (the option's text). */
    function first(record, facet, label) {
      var value = (record.values[facetNames.indexOf(facet)] || "").split(SEPARATOR)[0];
      return label && value ? labels[facet][value] || "" : value;
    }

    /* A row of a chunk of the index (gallery.index_card_row). */
    function recordOf(row) {
      return { id: row[0], name: row[1], summary: row[2], awards: row[3], agency: row[4], values: row[5],
               cover: row[6] || null };
    }

    /* Removes an element and the white space that separates it from its neighbour. */
    function drop(node, before) {
      var space = before ? node.previousSibling : node.nextSibling;
      if (space && space.nodeType === 3 && !space.nodeValue.trim()) {
        space.parentNode.removeChild(space);
      }
      node.parentNode.removeChild(node);
    }

    /* A card of the index: a clone of the card template, its slots filled. Empty values keep the
       template's words ("belum tercatat", "Belum ada"); a card without cover image, kind or summary
       loses that element. */
    function buildCard(record) {
      var card = cardTemplate.content.querySelector(".rancang-kartu").cloneNode(true);
      card.setAttribute("data-inovasi", record.id);
      facetNames.forEach(function (name, position) {
        card.setAttribute("data-" + name, record.values[position] || "");
      });
      var slots = {};
      toArray(card.querySelectorAll("[data-isi]")).forEach(function (node) {
        slots[node.getAttribute("data-isi")] = node;
        node.removeAttribute("data-isi");
      });
      function fill(name, text) {
        if (text) {
          slots[name].textContent = text;
        }
      }
      var kind = first(record, "jenis", true);
      if (kind) {
        fill("jenis", kind);
      } else {
        drop(slots.jenis, true);
      }
      if (record.cover) {
        slots.sampul.setAttribute("src", record.cover[0]);
        slots.sampul.setAttribute("alt", record.cover[1]);
      } else {
        drop(slots.sampul, false);
      }
      fill("nama", record.name);
      slots.nama.setAttribute("href", profileUrl(record.id));
      if (record.summary) {
        fill("ringkasan", record.summary);
      } else {
        drop(slots.ringkasan, false);
      }
      fill("perangkat-daerah", record.agency);
      fill("tahapan", first(record, "tahapan", true));
      fill("tahun", first(record, "tahun", false));
      fill("penghargaan", record.awards ? record.awards + " penghargaan" : "");
      return card;
    }

    function pageLink(number, classes, text, rel, label) {
      var link = element("a", classes, text, { href: addressFor(number) });
      if (rel) {
        link.setAttribute("rel", rel);
      }
      if (label) {
        link.setAttribute("aria-label", label);
      }
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
          return; /* a new tab or window opens the address, which holds the page */
        }
        event.preventDefault();
        page = number;
        render();
        writeUrl();
        gallery.scrollIntoView();
      });
      return link;
    }

    /* The same markup as the template rancang-paginasi.html. */
    function buildNav(current, total) {
      var box = element("nav", "rancang-halaman", null, { "aria-label": "Halaman galeri" });
      box.appendChild(element("p", "rancang-halaman-posisi", "Halaman " + current + " dari " + total));
      var list = element("ul", "rancang-halaman-daftar");
      function item(child, classes) {
        var li = element("li", classes || "");
        if (child) {
          li.appendChild(child);
        }
        list.appendChild(li);
        return li;
      }
      item(current > 1 ? pageLink(current - 1, "rancang-halaman-sebelumnya", "‹ Sebelumnya", "prev")
        : element("span", "rancang-halaman-sebelumnya", "‹ Sebelumnya", { "aria-disabled": "true" }));
      pageWindow(current, total).forEach(function (number) {
        if (number === null) {
          item(null, "rancang-halaman-jeda").textContent = "…";
          list.lastChild.setAttribute("aria-hidden", "true");
        } else if (number === current) {
          item(element("span", "rancang-halaman-ini", String(number), { "aria-current": "page" }));
        } else {
          item(pageLink(number, "rancang-halaman-nomor", String(number), null,
            number === 1 ? "Halaman pertama" : number === total ? "Halaman terakhir" : null));
        }
      });
      item(current < total ? pageLink(current + 1, "rancang-halaman-berikutnya", "Berikutnya ›", "next")
        : element("span", "rancang-halaman-berikutnya", "Berikutnya ›", { "aria-disabled": "true" }));
      box.appendChild(list);
      return box;
    }

    function failure() {
      if (counter) {
        counter.textContent = "Data galeri tidak dapat dimuat: gunakan halaman kategori di bawah.";
      }
    }

    /* Shows the cards of the filter and page: loads the lists of the chosen values, then the chunks
       of the cards of the page (and the case studies' positions when a filter hides some). */
    function render() {
      var filters = chosen();
      var mine = (generation += 1);
      var loading = window.setTimeout(function () {
        if (mine === generation && counter) {
          counter.textContent = "Memuat data galeri…";
        }
      }, 150);
      function done() {
        window.clearTimeout(loading);
        return mine === generation;
      }
      var info = null;
      var matching = null;
      var left = 2;
      entry(folder, function (value) {
        info = value;
        next();
      });
      api.cocok(folder, filters, function (value) {
        matching = value;
        next();
      });
      function next() {
        left -= 1;
        if (left || mine !== generation) {
          return;
        }
        if (!info || (filters.length && !matching)) {
          if (done()) {
            failure();
          }
          return;
        }
        showPage(info, matching);
      }
      function showPage(info, matching) {
        var chunkSize = info.kartu;
        var count = matching ? matching.length : info.inovasi;
        var total = Math.max(1, Math.ceil(count / pageSize));
        page = Math.min(Math.max(1, page), total);
        var shownPositions = [];
        for (var k = (page - 1) * pageSize; k < Math.min(count, page * pageSize); k += 1) {
          shownPositions.push(matching ? matching[k] : k);
        }
        var keys = [];
        shownPositions.forEach(function (position) {
          var key = "kartu/" + Math.floor(position / chunkSize);
          if (keys.indexOf(key) === -1) {
            keys.push(key);
          }
        });
        if (studies.length && filters.length && page === 1) {
          keys.push("studi-kasus");
        }
        loadFiles(folder, keys, function (ok) {
          if (!done()) {
            return;
          }
          if (!ok) {
            failure();
            return;
          }
          show(filters, matching, count, total, shownPositions, chunkSize);
          writeUrl();
        });
      }
    }

    function show(filters, matching, count, total, shownPositions, chunkSize) {
      toArray(grid.querySelectorAll(".rancang-kartu:not([data-studi-kasus])")).forEach(function (card) {
        card.parentNode.removeChild(card);
      });
      var anchor = studies.length ? studies[0] : null;
      var fragment = document.createDocumentFragment();
      shownPositions.forEach(function (position) {
        var chunk = received["kartu/" + Math.floor(position / chunkSize)];
        fragment.appendChild(buildCard(recordOf(chunk[position % chunkSize])));
      });
      grid.insertBefore(fragment, anchor);
      var matched = {};
      (matching || []).forEach(function (position) {
        matched[position] = true;
      });
      var members = {};
      (received["studi-kasus"] || []).forEach(function (entry) {
        members[entry[0]] = entry[1];
      });
      studies.forEach(function (card) {
        card.hidden = page !== 1 || (filters.length > 0 &&
          !(members[card.getAttribute("data-studi-kasus")] || []).some(function (position) {
            return matched[position] === true;
          }));
      });
      var fresh = total > 1 ? buildNav(page, total) : element("nav", "rancang-halaman", null, { hidden: "" });
      if (nav && nav.parentNode) {
        nav.parentNode.replaceChild(fresh, nav);
      } else {
        grid.parentNode.insertBefore(fresh, grid.nextSibling);
      }
      nav = fresh;
      showCount(count, filters);
    }

    function apply() {
      if (!paged) {
        applyInPlace();
      } else if (active || chosen().length > 0 || page > 1) {
        active = true;
        render();
      } else if (reset) {
        reset.disabled = true; /* the server's first page, unfiltered, is already shown */
      }
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name);
        select.value = value !== null && hasOption(select, value) ? value : "";
      });
      page = paged ? parseInt(params.get(PAGE_PARAM), 10) || 1 : 1;
    }

    /* The address of the current filter on page `number`. */
    function addressFor(number) {
      /* The facets first, in the order of the controls, then the page, then any other
         parameter: the same filter always gives the same address. */
      var names = selects.map(function (select) {
        return select.name;
      });
      var params = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value !== "") {
          params.append(select.name, select.value);
        }
      });
      if (number > 1) {
        params.append(PAGE_PARAM, String(number));
      }
      new URLSearchParams(window.location.search).forEach(function (value, name) {
        if (names.indexOf(name) === -1 && name !== PAGE_PARAM) {
          params.append(name, value);
        }
      });
      var query = params.toString();
      var base = window.location.href.split("#")[0].split("?")[0];
      return base + (query ? "?" + query : "") + window.location.hash;
    }

    function writeUrl() {
      var url = addressFor(page);
      if (url === window.location.href) {
        return;
      }
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (error) {
        /* Some browsers refuse replaceState on file:// pages: the filter still works. */
      }
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        page = 1;
        apply();
        writeUrl();
      });
    });
    if (reset) {
      reset.addEventListener("click", function () {
        selects.forEach(function (select) {
          select.value = "";
        });
        page = 1;
        apply();
        writeUrl();
      });
    }
    window.addEventListener("popstate", function () {
      readUrl();
      apply();
    });

    readUrl();
    apply();
    writeUrl();
    if (controls) {
      controls.hidden = false;
    }
  }

  function start() {
    if (!window.URLSearchParams || !document.querySelectorAll || !Array.prototype.every) {
      return;
    }
    toArray(document.querySelectorAll(".rancang-galeri")).forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
