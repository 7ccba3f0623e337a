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
 *   - the gallery is paginated (data-indeks names the index script galeri/indeks.js): on the
 *     first use of a control (or when the address holds a filter or a page) the index is
 *     loaded with a <script> element, and the matching cards are shown one page at a time,
 *     with the same page navigation (nav.rancang-halaman). Each card is a clone of the
 *     server's card template (template.rancang-kartu-templat, rendered from the same template
 *     as every other card), whose elements marked data-isi="<slot>" are filled here. Text
 *     from the index only goes through textContent and attributes, never innerHTML.
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

  /* Loads the index script once; callbacks run when it is there (or get an error). */
  function indexLoader(src) {
    var waiting = [];
    var result = null;
    var failed = false;
    var started = false;
    return function (callback) {
      if (result || failed) {
        callback(result);
        return;
      }
      waiting.push(callback);
      if (started) {
        return;
      }
      started = true;
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      function finish() {
        result = window.rancangGaleriIndeks || null;
        failed = !result;
        waiting.splice(0).forEach(function (waiter) {
          waiter(result);
        });
      }
      script.onload = finish;
      script.onerror = finish;
      document.head.appendChild(script);
    };
  }

  /* The records of the index, with their facet values as strings. */
  function readIndex(index) {
    var facets = index.facet.map(function (entry) {
      return { name: entry[0], values: entry[1] };
    });
    var records = index.inovasi.map(function (row) {
      var record = { id: row[0], name: row[1], summary: row[2], awards: row[3], values: {}, labels: {},
                     cover: row[5] || null };
      facets.forEach(function (facet, position) {
        var rows = (row[4][position] || []).map(function (i) {
          return facet.values[i];
        });
        record.values[facet.name] = rows.map(function (value) {
          return value[0];
        });
        record.labels[facet.name] = rows;
      });
      return record;
    });
    return { facets: facets, records: records };
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
    var records = null; /* the index's records, once loaded */
    var load = paged ? indexLoader(controls.getAttribute("data-indeks")) : null;
    var pageSize = paged ? parseInt(controls.getAttribute("data-per-halaman"), 10) || 60 : 0;

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

    function first(record, facet, position) {
      var rows = record.labels[facet] || [];
      return rows.length ? rows[0][position] : "";
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
      Object.keys(record.values).forEach(function (name) {
        card.setAttribute("data-" + name, record.values[name].join(SEPARATOR));
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
      var kind = first(record, "jenis", 1);
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
      fill("perangkat-daerah", first(record, "perangkat-daerah", 2));
      fill("tahapan", first(record, "tahapan", 1));
      fill("tahun", first(record, "tahun", 0));
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

    function matchesRecord(record, filters) {
      return filters.every(function (filter) {
        return (record.values[filter.name] || []).indexOf(filter.value) !== -1;
      });
    }

    function render() {
      var filters = chosen();
      var matching = records.filter(function (record) {
        return matchesRecord(record, filters);
      });
      var total = Math.max(1, Math.ceil(matching.length / pageSize));
      page = Math.min(Math.max(1, page), total);
      var shown = {};
      matching.forEach(function (record) {
        shown[record.id] = true;
      });
      toArray(grid.querySelectorAll(".rancang-kartu:not([data-studi-kasus])")).forEach(function (card) {
        card.parentNode.removeChild(card);
      });
      var anchor = studies.length ? studies[0] : null;
      var fragment = document.createDocumentFragment();
      matching.slice((page - 1) * pageSize, page * pageSize).forEach(function (record) {
        fragment.appendChild(buildCard(record));
      });
      grid.insertBefore(fragment, anchor);
      studies.forEach(function (card) {
        card.hidden = page !== 1 || (filters.length > 0 && !values(card, "inovasi").some(function (id) {
          return shown[id] === true;
        }));
      });
      var fresh = total > 1 ? buildNav(page, total) : element("nav", "rancang-halaman", null, { hidden: "" });
      if (nav && nav.parentNode) {
        nav.parentNode.replaceChild(fresh, nav);
      } else {
        grid.parentNode.insertBefore(fresh, grid.nextSibling);
      }
      nav = fresh;
      showCount(matching.length, filters);
    }

    /* Loads the index if needed, then shows the cards of the filter and page. */
    function applyFromIndex() {
      if (records) {
        render();
        return;
      }
      if (counter) {
        counter.textContent = "Memuat data galeri…";
      }
      load(function (index) {
        if (!index) {
          if (counter) {
            counter.textContent = "Data galeri tidak dapat dimuat: gunakan halaman kategori di bawah.";
          }
          return;
        }
        if (!records) {
          records = readIndex(index).records;
        }
        render();
        writeUrl();
      });
    }

    function apply() {
      if (!paged) {
        applyInPlace();
      } else if (records || chosen().length > 0 || page > 1) {
        applyFromIndex();
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
