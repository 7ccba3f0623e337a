/* Gallery facets of rancang: filter the cards, keep the filter in the URL.
 *
 * Vanilla JavaScript, no dependencies; works from file:// as well as from a web server.
 * Without JavaScript the controls stay hidden and every card is shown (the facet pages
 * under galeri/ do the filtering then).
 *
 * Contract (built by rancang/site/gallery.py):
 *   cards     div.rancang-kartu with data-<facet>="v1|v2" ("" when unknown);
 *             case-study cards also carry data-studi-kasus, and data-inovasi lists their
 *             innovations: a case-study card is shown when one of its innovations is.
 *   controls  select.rancang-facet[name=<facet>], first option "" = "Semua";
 *             button.rancang-hapus-filter clears them; p#rancang-jumlah says "N inovasi".
 *   URL       ?<facet>=<value>&... (read on load, kept up to date with history.replaceState).
 */
(function () {
  "use strict";

  var SEPARATOR = "|";

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

  function init(gallery) {
    var selects = toArray(gallery.querySelectorAll("select.rancang-facet"));
    var cards = toArray(gallery.querySelectorAll(".rancang-kartu"));
    var counter = document.getElementById("rancang-jumlah");
    var empty = gallery.querySelector(".rancang-kosong");
    var reset = gallery.querySelector(".rancang-hapus-filter");
    var controls = gallery.querySelector(".rancang-facets");
    if (!selects.length) {
      return;
    }

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

    function apply() {
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

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name);
        select.value = value !== null && hasOption(select, value) ? value : "";
      });
    }

    function writeUrl() {
      /* The facets first, in the order of the controls, then any other parameter:
         the same filter always gives the same address. */
      var names = selects.map(function (select) {
        return select.name;
      });
      var params = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value !== "") {
          params.append(select.name, select.value);
        }
      });
      new URLSearchParams(window.location.search).forEach(function (value, name) {
        if (names.indexOf(name) === -1) {
          params.append(name, value);
        }
      });
      var query = params.toString();
      var base = window.location.href.split("#")[0].split("?")[0];
      var url = base + (query ? "?" + query : "") + window.location.hash;
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
        apply();
        writeUrl();
      });
    });
    if (reset) {
      reset.addEventListener("click", function () {
        selects.forEach(function (select) {
          select.value = "";
        });
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
