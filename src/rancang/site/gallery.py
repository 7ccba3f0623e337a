"""Site component: the gallery of innovations, its facets, its pages and one static page per facet value.

``{rancang-galeri}`` shows the innovations (and the case studies) as cards,
with facet controls above the cards. Up to :data:`PAGE_SIZE` innovations the
gallery document holds every card and the script filters them in place. With
more, the document holds the first page of cards, and the others are static
pages (``galeri/halaman/<k>.html``); the script then filters across every
record with a chunked index (``galeri/indeks/``) of which it loads only what
it shows, and only when the reader first uses a control (or opens a filtered
address).

The DOM is a contract that the tests and ``rancang-galeri.js`` rely on:

* a card is ``<div class="rancang-kartu ..." data-inovasi="<id>"
  data-perangkat-daerah="..." data-bentuk="..." data-jenis="..."
  data-urusan="..." data-tahapan="..." data-tahun="..." data-penghargaan="..."
  data-status="...">``; several values are separated by ``|``, an unknown
  value is the empty string; its markup is the template ``rancang-kartu.html``,
  the one definition of a card (see "Markup" below);
* a case-study card has the same attributes, holding the values of all its
  innovations; ``data-inovasi`` lists its innovations and ``data-studi-kasus``
  names its document; it is shown when one of its innovations is shown (when
  paginated: one of the matching innovations, on the first page only);
* the controls are ``<select class="rancang-facet" name="<facet>">`` whose
  first option (``""``) is "Semua"; option values are ids and keys, labels are
  Indonesian words; ``<p id="rancang-jumlah">`` says "N inovasi" (every
  matching innovation, not only the shown page) and
  ``<button class="rancang-hapus-filter">`` clears the filter. The controls are
  hidden until the script runs: without JavaScript every card of the page is
  visible and the facet pages below do the filtering;
* when paginated, the ``<div class="rancang-facets">`` also carries
  ``data-indeks`` (URL of the index folder, ending with ``/``),
  ``data-profil-awal`` and
  ``data-profil-akhir`` (a profile's URL is awal + id + akhir),
  ``data-per-halaman`` and ``data-jumlah-halaman``; the cards are followed by
  ``<nav class="rancang-halaman">`` (``rancang-paginasi.html``: "Halaman k dari
  n", "Sebelumnya", the first and last page, two neighbours each side,
  "Berikutnya"); the script rewrites it for the filtered cards; and the controls
  end with ``<template class="rancang-kartu-templat">``: the card template
  rendered once with empty values, whose elements to fill carry
  ``data-isi="<slot>"`` (``sampul``, ``jenis``, ``nama``, ``ringkasan``,
  ``perangkat-daerah``, ``tahapan``, ``tahun``, ``penghargaan``); the script clones it
  for every card it shows and fills it with ``textContent`` and attributes only;
* the address holds the filter: ``?<facet>=<value>&...&halaman=<k>``.

The index (:func:`write_index`) is a folder of small scripts, so that a filter
downloads only what it shows, whatever the number of records. A position is
the 0-based place of an innovation in the gallery order (:func:`gallery_order`).

* ``galeri/indeks/indeks.js``: ``{"kartu": <cards per chunk>, "inovasi": <number
  of innovations>}`` (in the index rather than in the page, so that page and
  index cannot disagree), loaded with the first filter;
* ``galeri/indeks/<facet>/<value>.js``: the positions of the innovations with
  that value, as a string (:func:`encode_positions`): ``"d"`` and the gaps
  between successive positions, or ``"b"`` and a bitmap, whichever is
  shorter; a filter is the intersection of the lists of its values (one per
  facet). The values and their labels are those of the controls' options: no
  facet table is loaded;
* ``galeri/indeks/kartu/<k>.js``: what the cards of positions
  ``k * INDEX_CHUNK`` to ``(k + 1) * INDEX_CHUNK - 1`` show, one row each
  (:func:`index_card_row`)::

      [<id>, <name>, <summary>, <awards>, <agency's short name>,
       ["<value>|<value>", ... per facet, in the order of FACETS],
       [<cover image URI from the gallery page>, <its caption>]?]

  (the kind and the stage are shown with the labels of the controls' options);
  a page of results loads only the chunks that hold its cards;
* ``galeri/indeks/studi-kasus.js``: ``[[<docname>, [<position>, ...]], ...]``,
  the positions of the innovations of every case study (a case-study card is
  shown when one of them matches the filter).

Every file is a script, not a ``.json`` file, so that it also loads from
``file://`` (browsers refuse ``fetch`` there): it calls
``window.rancangGaleri.terima("<key>", <JSON value>)`` (key: ``indeks``,
``<facet>/<value>``, ``kartu/<k>`` or ``studi-kasus``), and the script loads it with a ``<script>`` element. A
build writes only the files whose bytes changed and removes those of values
and chunks that no longer exist.

``{rancang-galeri-kategori}`` lists every facet value with its number of
innovations, linking the static page of that value
(``galeri/<facet>/<value>.html``, then ``galeri/<facet>/<value>/<k>.html``);
a facet with more than :data:`MAX_LISTED_VALUES` values shows its largest ones
and links the full list (``galeri/kategori/<facet>.html``, paginated the same
way). Those pages are not documents: they are rendered at the
``html-collect-pages`` event by the builder through the theme's ``page.html``
and written into the output folder only, so they work without JavaScript and
nothing is generated in the source tree. A digest of everything a page shows
(and of the theme's frame around it) is kept in the doctree folder
(:data:`STATE_FILE`): a page is rendered only when its digest changed or its
file is missing, and pages that no longer exist are removed.

Markup: no HTML is assembled in Python. The cards, the controls, the page
navigation and the bodies of the generated pages are Jinja templates in
``templates/`` (:data:`TEMPLATES`), rendered by the builder's own template
engine (:func:`render`); Python computes only what they show (``*_view``
functions, plain values). A card of the gallery document is a :class:`kartu`
node whose HTML visitor renders the card template; the generated pages render
the same template, and so does the script, through its ``<template>`` copy.

Every value that comes from YAML is escaped: ``|e`` in the templates (Sphinx's
template environment does not autoescape), ``textContent`` in the script, JSON
in the index.
"""

from __future__ import annotations

import gc
import hashlib
import html
import json
import math
import os
import posixpath
import re
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote, urlencode

from docutils import nodes

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from rancang.models import ProjectData
from rancang.fileio import atomic_write_bytes, write_error
from rancang.layout import CASE_STUDY_DOCS, INNOVATION_DOCS
from rancang.models.innovation import AwardLevel, Form, Innovation, Kind, Stage, Status
from rancang.present.innovation import UNKNOWN, InnovationView, record_year
from rancang.richtext import plain
from rancang.site import context, templated
from rancang.site.domain import RancangDomain
from rancang.site.richtext import project_images

logger = logging.getLogger(__name__)

PAGES_FOLDER = "galeri"
"""Folder of the output that holds the generated pages (facet values, gallery pages, category lists)."""

GALLERY_PAGES = f"{PAGES_FOLDER}/halaman"
"""Pages 2, 3, ... of the gallery: ``galeri/halaman/<k>.html`` ("halaman" is not a facet)."""

CATEGORY_PAGES = f"{PAGES_FOLDER}/kategori"
"""Full list of the values of a facet with many: ``galeri/kategori/<facet>.html`` ("kategori" is not a facet)."""

INDEX_FOLDER = f"{PAGES_FOLDER}/indeks"
"""The chunked index the script loads to filter across every record (only when paginated; see the module's
docstring): ``galeri/indeks/<facet>/<value>.js`` and ``galeri/indeks/kartu/<k>.js``."""

INDEX_CARDS = "kartu"
"""Folder of the card chunks in :data:`INDEX_FOLDER` ("kartu" is not a facet)."""

INDEX_CHUNK = 8
"""Cards per chunk of the index (~2.8 kB, ~1.2 kB compressed, at the bench corpus's summaries of 30 words). A
filtered page of :data:`PAGE_SIZE` cards loads at most that many chunks, fewer when its cards are close in the
gallery order. Simulated on the 1,000-profile bench corpus (one value, page 1; two values, page 2), median and
largest: 8 cards a chunk fetch 45 / 161 kB and 89 / 139 kB (19 / 67 kB and 37 / 58 kB gzipped); 16 fetch 83 /
237 and 109 / 180 kB; 4 fetch 25 / 90 and 61 / 87 kB but make 9,185 files at national scale (8: 4,592)."""

INDEX_ENTRY = "indeks"
"""The entry file of :data:`INDEX_FOLDER`: the chunk size and the number of innovations ("indeks" is not a
facet)."""

INDEX_STUDIES = "studi-kasus"
"""File of the case studies in :data:`INDEX_FOLDER` ("studi-kasus" is not a facet)."""

OLD_INDEX_FILE = f"{PAGES_FOLDER}/indeks.js"
"""The single index script of earlier versions: removed when found."""

STATE_FILE = "rancang-galeri.json"
"""In the doctree folder: the digest of every generated page, and the short summaries already computed."""

STATE_VERSION = 2
"""Bump when the markup of the generated pages or the way summaries are made changes: every page is rendered
again and every summary made again (2: summaries from :func:`rancang.richtext.plain`)."""

PAGE_SIZE = 60
"""Cards (or facet-list entries) per page. The cards sit in a grid of one to four columns (at least 15rem
each): 60 is a multiple of 1, 2, 3, 4, 5 and 6, so the last row of every full page is full whatever the
screen. A page of 60 cards is ~100 kB of HTML (a card is ~1.6 kB), the size of a long profile page; 10,000
innovations make 167 gallery pages, the 36,742 of the national index 613."""

MAX_LISTED_VALUES = 40
"""A facet with more values (the agencies grow with the corpus, about one per 12 innovations) is not listed
in full on the gallery and on the facet pages: they link its paginated category list instead. The bounded
facets stay under it (32 concurrent government affairs, a few dozen years)."""

VALUES_PER_PAGE = 120
"""Values per page of a category list (one short line each)."""

NEIGHBOURS = 2
"""Page links on each side of the current page in the page navigation."""

SUMMARY_WORDS = 30
SEPARATOR = "|"

AWARD_WORDS = {"ya": "Ada penghargaan",
               **{level.value: f"Tingkat {level.label.lower()}" for level in reversed(AwardLevel)},
               "tidak": "Belum ada penghargaan"}
"""The values of the awards facet: any award, then each level from the highest, then none."""

CHOICES = {"bentuk": Form, "jenis": Kind, "tahapan": Stage, "status": Status}
"""Facets whose values are those of an enum: labelled (``Stage.TRIAL.label``) and listed in the enum's order."""


def _facet_words(facet: str) -> dict[str, str] | None:
    """Value -> label of a facet with a closed list of values, in display order; None for the others."""
    if facet == "penghargaan":
        return AWARD_WORDS
    choice = CHOICES.get(facet)
    return {member.value: member.label for member in choice} if choice is not None else None


@dataclass(frozen=True)
class Facet:
    name: str
    """Suffix of the card's ``data-`` attribute, name of the select, key in the URL, folder of its pages."""
    label: str


FACETS = (
    Facet("perangkat-daerah", "Perangkat daerah"),
    Facet("bentuk", "Bentuk"),
    Facet("jenis", "Jenis"),
    Facet("urusan", "Urusan pemerintahan"),
    Facet("tahapan", "Tahapan"),
    Facet("tahun", "Tahun"),
    Facet("penghargaan", "Penghargaan"),
    Facet("status", "Status"),
)


@dataclass
class FacetValue:
    value: str
    label: str
    innovations: list[str] = field(default_factory=list)
    """Ids of the innovations with this value, in gallery order."""
    short: str = ""
    """Short label (agencies: the short name the cards show)."""


# -- facts of one innovation ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """``"Kelautan dan Perikanan"`` -> ``"kelautan-dan-perikanan"`` (ASCII, for URLs and file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _affair_label(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def agency_label(data: ProjectData, agency_id: str, short: bool = False) -> str:
    agency = data.agencies.get(agency_id)
    if agency is None:
        return agency_id
    return (agency.short_name or agency.name) if short else agency.name


def facet_values(innovation: Innovation) -> dict[str, list[str]]:
    """The values of one innovation for every facet (empty list when unknown)."""
    affairs: list[str] = []
    for affair in innovation.affairs:
        key = slug(affair)
        if key and key not in affairs:
            affairs.append(key)
    awards = ["tidak"]
    if innovation.awards:
        levels = {award.level.value for award in innovation.awards if award.level}
        awards = ["ya"] + [level for level in AWARD_WORDS if level in levels]
    year = record_year(innovation)
    return {
        "perangkat-daerah": [innovation.agency] if innovation.agency else [],
        "bentuk": [innovation.form.value] if innovation.form else [],
        "jenis": [innovation.kind.value] if innovation.kind else [],
        "urusan": affairs,
        "tahapan": [innovation.stage.value] if innovation.stage else [],
        "tahun": [str(year)] if year is not None else [],
        "penghargaan": awards,
        "status": [innovation.status.value] if innovation.status else [],
    }


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown field on one line, without markup (:func:`rancang.richtext.plain`; raw HTML
    stays as text)."""
    return " ".join(plain(markdown_text).split())


def short_summary(innovation: Innovation, words: int = SUMMARY_WORDS) -> str:
    if not innovation.summary:
        return ""
    tokens = plain_text(innovation.summary).split()
    if len(tokens) <= words:
        return " ".join(tokens)
    return " ".join(tokens[:words]).rstrip(",;:.") + " …"


def _digest(text: str, size: int = 16) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size).hexdigest()


def _summary(innovation: Innovation, known: dict[str, str], used: dict[str, str]) -> str:
    """:func:`short_summary`, taken from ``known`` (by digest of the Markdown) when the last build made it;
    ``used`` collects this build's, kept in :data:`STATE_FILE` for the next. A cache by content, not by
    object: parsing every summary's Markdown again took 0.55 s of each build at 10,000 innovations of the
    bench corpus, the lookup 0.02 s."""
    if not innovation.summary:
        return ""
    key = _digest(f"{SUMMARY_WORDS}\0{innovation.summary}")
    text = known.get(key)
    if text is None:
        text = short_summary(innovation)
    used[key] = text
    return text


def gallery_order(data: ProjectData) -> list[str]:
    return sorted(data.innovations, key=lambda i: (data.innovations[i].name.casefold(), i))


@dataclass(frozen=True)
class Card:
    """What a card (and a facet-list entry, and the index) shows of one innovation."""

    id: str
    name: str
    summary: str
    kind: str
    agency: str
    """Short name of the agency, "" when unknown."""
    stage: str
    year: str
    awards: int
    values: tuple[tuple[str, ...], ...]
    """The values of every facet, in the order of :data:`FACETS`."""
    cover: tuple[str, str] | None = None
    """The cover image: its path in the project (as Sphinx names it: ``kb/gambar/foto.jpg``) and its caption."""

    @cached_property
    def fingerprint(self) -> str:
        """Digest of everything above (what a page shows of this innovation)."""
        return _digest(repr((self.id, self.name, self.summary, self.kind, self.agency, self.stage, self.year,
                             self.awards, self.values, self.cover)), 8)

    def facet(self, name: str) -> tuple[str, ...]:
        return self.values[_FACET_INDEX[name]]


_FACET_INDEX = {facet.name: index for index, facet in enumerate(FACETS)}


@dataclass
class Prepared:
    """Everything the gallery needs from the data, computed once per build."""

    order: list[str]
    cards: dict[str, Card]
    catalogue: dict[str, list[FacetValue]]
    summaries: dict[str, str] = field(default_factory=dict)
    """The short summaries of the cards made in this build, by digest of their Markdown (kept for the next)."""
    kept: tuple[str, dict, bool] | None = None
    """The cards to keep for the next build (:data:`CARDS_FILE`): code, cards, whether they changed."""


def prepare(data: ProjectData, known_summaries: dict[str, str] | None = None,
            kept: dict[str, tuple[Any, tuple, tuple]] | None = None) -> Prepared:
    """Cards, order and facet catalogue of the data (a build asks :func:`gallery_data` instead: once).

    ``kept`` (record id -> (stamp of its file, card, urusan labels)) holds the cards of the last build: a card
    is made again only when its profile's file changed (:func:`gallery_data` keeps them in
    :data:`CARDS_FILE`, and forgets them when another data file changes); it is updated in place."""
    from rancang.site.opendata import _record_stamps

    known = known_summaries or {}
    summaries: dict[str, str] = {}
    order = gallery_order(data)
    cards: dict[str, Card] = {}
    found: dict[str, dict[str, FacetValue]] = {facet.name: {} for facet in FACETS}
    stamps = _record_stamps(data) if kept is not None else {}
    racy_after = time.time_ns() - 2_000_000_000
    for record_id in order:
        innovation = data.innovations[record_id]
        stamp = stamps.get(record_id)
        known_card = kept.get(record_id) if kept is not None and stamp is not None else None
        if known_card is not None and known_card[0] == stamp:
            card, affairs = Card(*known_card[1]), known_card[2]
            card.__dict__["fingerprint"] = known_card[3]
        else:
            card = _make_card(record_id, innovation, data, known, summaries)
            affairs = tuple((slug(a), _affair_label(a)) for a in reversed(innovation.affairs))
            if kept is not None and stamp is not None and stamp[1] < racy_after:  # else it could change unseen
                kept[record_id] = (stamp, _card_fields(card), affairs, card.fingerprint)
        affair_words = None
        for facet, items in zip(FACETS, card.values):
            name = facet.name
            for value in items:
                if value not in found[name]:
                    if name == "urusan" and affair_words is None:
                        affair_words = dict(affairs)
                    item = FacetValue(value, _value_label(data, name, value, affair_words or {}))
                    if name == "perangkat-daerah":
                        item.short = agency_label(data, value, short=True)
                    found[name][value] = item
                found[name][value].innovations.append(record_id)
        cards[record_id] = card
    if kept is not None:
        for gone in set(kept) - set(data.innovations):
            del kept[gone]

    def rank(name: str, item: FacetValue) -> tuple:
        words = _facet_words(name)
        if words is not None:
            return (list(words).index(item.value) if item.value in words else len(words), item.value)
        if name == "tahun":
            return (-int(item.value),)
        return (item.label.casefold(), item.value)

    catalogue = {name: sorted(values.values(), key=lambda item: rank(name, item)) for name, values in found.items()}
    return Prepared(order, cards, catalogue, summaries)


def _make_card(record_id: str, innovation: Innovation, data: ProjectData, known: dict[str, str],
               summaries: dict[str, str]) -> Card:
    values = facet_values(innovation)
    view = InnovationView(record_id, innovation, data)
    cover = view.cover
    return Card(
        id=record_id, name=view.name, summary=_summary(innovation, known, summaries),
        kind=innovation.kind.value if innovation.kind else "", agency=view.agency_short or "",
        stage=view.stage_label or "", year=str(view.year) if view.year is not None else "",
        awards=view.award_count, values=tuple(tuple(values[facet.name]) for facet in FACETS),
        cover=(cover.path, cover.caption) if cover else None)


def _card_fields(card: Card) -> tuple:
    return (card.id, card.name, card.summary, card.kind, card.agency, card.stage, card.year, card.awards,
            card.values, card.cover)


CARDS_FILE = "rancang-kartu.pickle"
"""In the doctree folder: the cards of the last build, by record (see :func:`prepare`)."""

CARDS_VERSION = 2


def _cards_code(data: ProjectData) -> str:
    """The cards change when another data file (agencies, settings, ...) or the code that makes them does."""
    from rancang import richtext
    from rancang.present import innovation
    from rancang.site.opendata import _shared_stamp

    texts = [Path(module).read_text(encoding="utf-8") for module in (__file__, innovation.__file__,
                                                                      richtext.__file__)]
    return _digest("\0".join([str(CARDS_VERSION), _shared_stamp(data), *texts]))


def gallery_data(env: Any) -> Prepared:
    """The gallery's data of this build, computed once (by the first directive or event that asks), with
    the cards and summaries the last build kept in the doctree folder."""
    shared = context.of(env)

    def make() -> Prepared:
        import pickle

        code = _cards_code(shared.data)
        try:
            with open(Path(env.doctreedir) / CARDS_FILE, "rb") as handle:
                saved_code, kept = pickle.load(handle)
            if saved_code != code:
                kept = {}
        except Exception:  # noqa: BLE001 - no usable cards: every card is made again
            kept = {}
        before = {rid: entry[1] for rid, entry in kept.items()}
        prepared = prepare(shared.data, _load_state(Path(env.doctreedir) / STATE_FILE).get("ringkasan", {}), kept)
        # Kept again when a card changed: a file only touched (or edited in what no card shows) keeps its old
        # stamp here and its card is made again by the next builds, until a card changes (one card: cheap).
        changed = len(before) != len(kept) or any(before.get(rid) != entry[1] for rid, entry in kept.items())
        prepared.kept = (code, kept, changed)
        return prepared

    return shared.once("gallery", make)


def _save_cards(app: Sphinx, prepared: Prepared) -> None:
    import pickle

    if prepared.kept is not None and prepared.kept[2]:
        atomic_write_bytes(Path(app.doctreedir) / CARDS_FILE,
                           pickle.dumps(prepared.kept[:2], protocol=pickle.HIGHEST_PROTOCOL))


def _value_label(data: ProjectData, facet: str, value: str, affair_words: dict[str, str]) -> str:
    if facet == "perangkat-daerah":
        return agency_label(data, value)
    if facet == "urusan":
        return affair_words.get(value, value)
    return (_facet_words(facet) or {}).get(value, value)


def data_attributes(values: dict[str, list[str]]) -> dict[str, str]:
    return {f"data-{facet.name}": SEPARATOR.join(values.get(facet.name, [])) for facet in FACETS}


# -- pages ---------------------------------------------------------------------------------------


def page_count(items: int, size: int | None = None) -> int:
    """Pages needed for ``items`` entries (at least one)."""
    return max(1, math.ceil(items / (size or PAGE_SIZE)))


def page_slice(items: list, page: int, size: int | None = None) -> list:
    size = size or PAGE_SIZE
    return items[(page - 1) * size: page * size]


def gallery_page(gallery: str, page: int) -> str:
    """Page name of page ``page`` of the gallery: the document itself, then ``galeri/halaman/<k>``."""
    return gallery if page == 1 else f"{GALLERY_PAGES}/{page}"


def facet_page(facet: str, value: str, page: int = 1) -> str:
    """Page name (not a document) of the static page of one facet value."""
    return f"{PAGES_FOLDER}/{facet}/{value}" if page == 1 else f"{PAGES_FOLDER}/{facet}/{value}/{page}"


def category_page(facet: str, page: int = 1) -> str:
    """Page name of the full list of a facet's values (facets with many values only)."""
    return f"{CATEGORY_PAGES}/{facet}" if page == 1 else f"{CATEGORY_PAGES}/{facet}/{page}"


def page_window(current: int, total: int, neighbours: int = NEIGHBOURS) -> list[int | None]:
    """The page numbers the navigation shows: the first, the last and ``neighbours`` on each side of the
    current one; ``None`` marks a gap. At most ``2 * neighbours + 5`` items, whatever ``total``."""
    shown = sorted({1, total} | set(range(max(1, current - neighbours), min(total, current + neighbours) + 1)))
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] == 2:  # a gap of one page: show the page rather than "…"
            out.append(number - 1)
        elif out and number - out[-1] > 2:
            out.append(None)
        out.append(number)
    return out


def pagination_view(current: int, total: int, href: Callable[[int], str],
                    label: str = "Halaman") -> dict[str, Any] | None:
    """What the page navigation (template :data:`PAGINATION_TEMPLATE`) shows: position, previous, a window
    of page links, next; ``None`` when there is one page."""
    if total <= 1:
        return None
    numbers: list[tuple[int | None, str | None, str | None]] = []
    for number in page_window(current, total):
        if number is None or number == current:
            numbers.append((number, None, None))
        else:
            numbers.append((number, href(number), "Halaman pertama" if number == 1 else (
                "Halaman terakhir" if number == total else None)))
    return {"label": label, "ini": current, "jumlah": total,
            "sebelumnya": href(current - 1) if current > 1 else None,
            "berikutnya": href(current + 1) if current < total else None, "nomor": numbers}


# -- templates -----------------------------------------------------------------------------------

CARD_TEMPLATE = "rancang-kartu.html"
"""One card, innovation or case study (in ``templates/``, rendered by the builder's template engine)."""

PAGINATION_TEMPLATE = "rancang-paginasi.html"
CONTROLS_TEMPLATE = "rancang-kontrol-galeri.html"
GALLERY_PAGE_TEMPLATE = "rancang-galeri-halaman.html"
FACET_PAGE_TEMPLATE = "rancang-facet-halaman.html"
CATEGORY_PAGE_TEMPLATE = "rancang-kategori-halaman.html"
TEMPLATES = (CARD_TEMPLATE, PAGINATION_TEMPLATE, CONTROLS_TEMPLATE, GALLERY_PAGE_TEMPLATE, FACET_PAGE_TEMPLATE,
             CATEGORY_PAGE_TEMPLATE, "rancang-remah.html")
"""The templates of the generated pages (their sources are part of each page's digest)."""

INDEX_TEMPLATE = "rancang-galeri-indeks.js"
"""Every file of the index (its source is part of the index's digest)."""


def render(builder: Any, template: str, values: dict[str, Any]) -> str:
    """HTML of one of :data:`TEMPLATES`, by the builder's template engine (Sphinx's Jinja environment,
    which does not autoescape: the templates escape every value with ``|e``)."""
    return builder.templates.render(template, values)


def _template_source(builder: Any, template: str) -> str:
    """The source of a template as the builder finds it (a project's ``templates_path`` may override it)."""
    return builder.templates.get_source(builder.templates.environment, template)[0]


# -- nodes -------------------------------------------------------------------------------------


class kartu(nodes.General, nodes.Element):
    """One card, written by the template :data:`CARD_TEMPLATE` from ``node["kartu"]`` (see :func:`card_view`).

    Its one child, a paragraph of the card's words, is not written into HTML: it is what Sphinx's search
    index reads of the card (and what builders other than HTML show)."""


class studi_kasus_kartu(nodes.General, nodes.Element):
    """Placeholder for the case-study cards, filled once every document has been read."""


def visit_kartu_html(self: Any, node: kartu) -> None:
    view = node["kartu"]
    for image in node.findall(nodes.image):
        src = _image_src(self.builder, image["uri"])
        if src:
            view = {**view, "sampul": (src, image.get("alt", ""))}
    self.body.append(render(self.builder, CARD_TEMPLATE, {"kartu": view}) + "\n")
    raise nodes.SkipNode


def depart_kartu_html(self: Any, node: kartu) -> None:
    """Never called: :func:`visit_kartu_html` writes the whole card and skips the node."""


def _pass(self: Any, node: nodes.Node) -> None:
    pass


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _awards_text(count: int) -> str:
    return f"{count} penghargaan" if count else "Belum ada"


def _card_facts(card: Card) -> list[tuple[str, str, str]]:
    """``(slot, label, value)`` of the card's footer (the slot names the value for rancang-galeri.js)."""
    return [("perangkat-daerah", "Perangkat daerah", card.agency or UNKNOWN),
            ("tahapan", "Tahapan", card.stage or UNKNOWN), ("tahun", "Tahun", card.year or UNKNOWN),
            ("penghargaan", "Penghargaan", _awards_text(card.awards))]


def _card_badges(card: Card) -> list[tuple[str, str]]:
    badges = [("Inovasi", "inovasi")]
    if card.kind:
        badges.append((Kind(card.kind).label, "jenis"))
    return badges


def _card_data(card: Card) -> dict[str, str]:
    return {"data-inovasi": card.id,
            **{f"data-{facet.name}": SEPARATOR.join(values) for facet, values in zip(FACETS, card.values)}}


CARD_CLASSES = ["rancang-kartu", "sd-card", "sd-shadow-sm"]


def card_view(card: Card, href: str, cover: str | None = None) -> dict[str, Any]:
    """What the card template shows of one innovation (``href``: its profile, ``cover``: its cover image in the
    site, both relative to the page)."""
    return {"kelas": " ".join(CARD_CLASSES), "data": list(_card_data(card).items()),
            "sampul": (cover, card.cover[1]) if cover and card.cover else None,
            "lencana": _card_badges(card), "judul": card.name, "tautan": href,
            "ringkasan": [(card.summary, None)] if card.summary else [], "fakta": _card_facts(card),
            "isi": False}


def site_image(builder: Any, pagename: str, path: str) -> str | None:
    """The URI, from page ``pagename``, of the project's image ``path`` as Sphinx copied it into the site (a
    profile page shows every image of its innovation, so the site has it); None when Sphinx does not know it."""
    known = builder.env.images.get(path)
    if not known:
        return None
    return relative_uri(builder.get_target_uri(pagename), f"{builder.imagedir}/{quote(known[1])}")


def _image_src(builder: Any, uri: str) -> str | None:
    """Where the HTML writer puts an image node of the page being written (as Sphinx's own ``visit_image``)."""
    name = builder.images.get(uri)
    return posixpath.join(builder.imgpath, quote(name)) if name else None


def card_slots() -> dict[str, Any]:
    """The card that rancang-galeri.js fills for a record of the index: every element is there (the kind
    badge and the summary too, which the script removes when the record has none), the values are empty
    or the card's word for "unknown", and the elements to fill carry ``data-isi``."""
    empty = Card(id="", name="", summary="", kind="", agency="", stage="", year="", awards=0,
                 values=tuple(() for _ in FACETS))
    return {**card_view(empty, ""), "sampul": ("", ""), "lencana": [*_card_badges(empty), ("", "jenis")],
            "ringkasan": [("", None)],
            "isi": True}


def _card_node(view: dict[str, Any]) -> kartu:
    words = [text for text, _ in view["lencana"]] + [view["judul"]] + [text for text, _ in view["ringkasan"]]
    words += [text for _, label, value in view["fakta"] for text in (label, value)]
    node = kartu(kartu=view)
    node += nodes.paragraph(text=" ".join(words))
    return node


def innovation_card(card: Card, href: str, image_uri: Callable[[str], str | None] | None = None) -> kartu:
    """The card of one innovation in the gallery document (``href``: its profile, relative to the page).

    Its cover image is an image node under the card (``image_uri`` of :mod:`rancang.site.richtext` gives its
    URI for Sphinx, None when the file is not an image of the project): Sphinx copies it and rebuilds the page
    when it changes, and :func:`visit_kartu_html` gives the template its place in the site."""
    node = _card_node(card_view(card, href))
    uri = image_uri(card.cover[0]) if card.cover and image_uri else None
    if uri and card.cover:
        node += nodes.image(uri=uri, alt=card.cover[1])
    return node


def case_study_card(docname: str, title: str, innovation_ids: list[str], data: ProjectData,
                    uri: Any) -> kartu:
    """``uri(docname)`` is the link from the gallery page to a document."""
    known = [i for i in innovation_ids if i in data.innovations]
    merged: dict[str, list[str]] = {facet.name: [] for facet in FACETS}
    for record_id in known:
        for name, values in facet_values(data.innovations[record_id]).items():
            merged[name] += [v for v in values if v not in merged[name]]
    summary: list[tuple[str, str | None]] = []
    if known:
        summary.append(("Studi kasus tentang ", None))
        for index, record_id in enumerate(known):
            if index:
                summary.append((", ", None))
            summary.append((data.innovations[record_id].name, uri(f"{INNOVATION_DOCS}{record_id}")))
        summary.append((".", None))
    agencies = []
    for record_id in known:
        agency = data.innovations[record_id].agency
        if agency and agency_label(data, agency, short=True) not in agencies:
            agencies.append(agency_label(data, agency, short=True))
    return _card_node({
        "kelas": "rancang-kartu rancang-kartu-studi-kasus sd-card sd-shadow-sm",
        "data": [("data-inovasi", SEPARATOR.join(known)), *data_attributes(merged).items(),
                 ("data-studi-kasus", docname)],
        "lencana": [("Studi kasus", "studi-kasus")], "judul": title, "tautan": uri(docname), "ringkasan": summary,
        "fakta": [("perangkat-daerah", "Perangkat daerah", ", ".join(agencies) or UNKNOWN),
                  ("inovasi", "Inovasi", str(len(known)))],
        "isi": False})


# -- controls ------------------------------------------------------------------------------------

def controls_view(catalogue: dict[str, list[FacetValue]], total: int,
                  paging: dict[str, str] | None = None) -> dict[str, Any]:
    """What the controls (template :data:`CONTROLS_TEMPLATE`) show: the facet selects, the clear button and
    the counter.

    ``paging`` holds the ``data-`` attributes of a paginated gallery (see the module's docstring); the
    controls then also hold the card template the script fills (:func:`card_slots`)."""
    return {"facet": [(facet.name, facet.label, [(item.value, item.label) for item in catalogue[facet.name]])
                      for facet in FACETS],
            "jumlah": total, "halaman": list((paging or {}).items()),
            "templat_kartu": card_slots() if paging else None}


# -- directives ----------------------------------------------------------------------------------


PROFILE_MARK = "RANCANG-ID"


def _profile_uri_parts(builder: Any, pagename: str) -> tuple[str, str]:
    """A profile's URL from ``pagename`` is ``before + id + after``."""
    uri = builder.get_relative_uri(pagename, f"{INNOVATION_DOCS}{PROFILE_MARK}")
    before, _, after = uri.partition(PROFILE_MARK)
    return before, after


class GalleryDirective(SphinxDirective):
    """``{rancang-galeri}``: the innovations and case studies as cards (first page), with facet controls."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        domain = RancangDomain.of(self.env)
        docname = self.env.docname
        domain.note_aggregate(docname, ("galeri", docname))
        domain.note_gallery(docname)
        domain.note_case_study_list(docname)  # re-read when a case study is added, changed or removed
        shared = context.of(self.env)
        prepared = gallery_data(self.env)
        order = prepared.order
        pages = page_count(len(order))
        builder = shared.builder
        paging = None
        if pages > 1:
            before, after = _profile_uri_parts(builder, docname)
            paging = {"data-indeks": relative_uri(builder.get_target_uri(docname), f"{INDEX_FOLDER}/"),
                      "data-profil-awal": before, "data-profil-akhir": after,
                      "data-per-halaman": str(PAGE_SIZE), "data-jumlah-halaman": str(pages)}
        gallery = nodes.container(classes=["rancang-galeri"])
        gallery += templated.block(render(builder, CONTROLS_TEMPLATE,
                                         controls_view(prepared.catalogue, len(order), paging)))
        cards = nodes.container(classes=["rancang-galeri-kartu"])
        images = project_images(Path(self.env.srcdir))
        for record_id in page_slice(order, 1):
            cards += innovation_card(prepared.cards[record_id],
                                     builder.get_relative_uri(docname, f"{INNOVATION_DOCS}{record_id}"), images)
        cards += studi_kasus_kartu()
        gallery += cards
        if pages > 1:
            gallery += templated.block(render(builder, PAGINATION_TEMPLATE, {"paginasi": pagination_view(
                1, pages, lambda k: builder.get_relative_uri(docname, gallery_page(docname, k)),
                "Halaman galeri")}))
        if not order:
            gallery += nodes.paragraph(text="Belum ada profil inovasi.")
        return [gallery]


def _largest(values: list[FacetValue], limit: int) -> list[FacetValue]:
    """The ``limit`` values with the most innovations, in display order."""
    keep = {id(item) for item in sorted(values, key=lambda item: -len(item.innovations))[:limit]}
    return [item for item in values if id(item) in keep]


class CategoriesDirective(SphinxDirective):
    """``{rancang-galeri-kategori}``: every facet value with its count, linking its static page."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname, ("galeri-kategori",))
        catalogue = gallery_data(self.env).catalogue
        builder = context.of(self.env).builder
        listing = nodes.container(classes=["rancang-kategori"])
        for facet in FACETS:
            values = catalogue[facet.name]
            if not values:
                continue
            many = len(values) > MAX_LISTED_VALUES
            para = nodes.paragraph(classes=["rancang-kategori-facet"])
            para += nodes.strong(text=facet.label)
            para += nodes.Text(": ")
            if many:
                para += nodes.Text(f"{MAX_LISTED_VALUES} dengan inovasi terbanyak: ")
            for index, item in enumerate(_largest(values, MAX_LISTED_VALUES) if many else values):
                if index:
                    para += nodes.Text(" · ")
                uri = builder.get_relative_uri(self.env.docname, facet_page(facet.name, item.value))
                para += nodes.reference("", item.label, internal=True, refuri=uri)
                para += nodes.Text(f" ({len(item.innovations)})")
            if many:
                para += nodes.Text(" · ")
                uri = builder.get_relative_uri(self.env.docname, category_page(facet.name))
                para += nodes.reference("", f"semua {len(values)} {facet.label.lower()} ›", internal=True,
                                        refuri=uri, classes=["rancang-kategori-semua"])
            listing += para
        if not listing.children:
            return [nodes.paragraph(text="Belum ada profil inovasi.")]
        return [listing]


def _gallery_inputs(env: Any, docname: str) -> str:
    """What the gallery document shows of the records: their number, the first page of cards (and their cover
    images), the controls. (The cards of the case studies: see :func:`_outdated`.)"""
    prepared = gallery_data(env)
    images = project_images(Path(env.srcdir))
    first = [(prepared.cards[r].fingerprint, images(prepared.cards[r].cover[0]) if prepared.cards[r].cover else None)
             for r in page_slice(prepared.order, 1)]
    return _digest(json.dumps([len(prepared.order), first,
                               [[name, [[v.value, v.label] for v in values]]
                                for name, values in prepared.catalogue.items()]], ensure_ascii=False))


def _categories_inputs(env: Any) -> str:
    """What the list of categories shows: every facet value, its label and its number of innovations."""
    return _digest(json.dumps([[name, [[v.value, v.label, len(v.innovations)] for v in values]]
                               for name, values in gallery_data(env).catalogue.items()], ensure_ascii=False))


RancangDomain.inputs["galeri"] = _gallery_inputs
RancangDomain.inputs["galeri-kategori"] = _categories_inputs


# -- events --------------------------------------------------------------------------------------


def resolve_case_studies(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Case studies are known only when every document has been read: fill their cards now."""
    placeholders = list(doctree.findall(studi_kasus_kartu))
    if not placeholders:
        return
    data: ProjectData = context.of(app.env).data
    studies = RancangDomain.of(app.env).case_studies()

    def uri(target: str) -> str:
        return app.builder.get_relative_uri(docname, target)

    for placeholder in placeholders:
        cards = [case_study_card(study, title, ids, data, uri) for study, title, ids in studies]
        if cards:
            placeholder.replace_self(cards)
        else:
            placeholder.parent.remove(placeholder)


@dataclass
class PageSpec:
    """A generated page: its title, what it shows (for the digest) and how to write its body."""

    pagename: str
    title: str
    shows: Any
    """JSON-able description of everything the body shows (apart from the site's frame)."""
    body: Callable[[], str]


class _Context:
    """What the page bodies need, with relative links from one page."""

    def __init__(self, app: Sphinx, gallery: str, prepared: Prepared,
                 studies: list[tuple[str, str, list[str]]]) -> None:
        self.app = app
        self.builder = app.builder
        self.gallery = gallery
        self.gallery_title = (app.env.titles[gallery].astext() if gallery in app.env.titles
                              else "Galeri inovasi")
        self.prepared = prepared
        self.studies = studies

    def uri(self, pagename: str, target: str) -> str:
        return self.builder.get_relative_uri(pagename, target)

    def card(self, pagename: str, record_id: str) -> dict[str, Any]:
        """The card view of an innovation on a generated page."""
        card = self.prepared.cards[record_id]
        cover = site_image(self.builder, pagename, card.cover[0]) if card.cover else None
        return card_view(card, self.uri(pagename, f"{INNOVATION_DOCS}{record_id}"), cover)

    def crumbs(self, pagename: str, *rest: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        """The breadcrumbs (``remah`` of the page templates): the gallery, then ``(text, page or None)``."""
        return [(self.gallery_title, self.uri(pagename, self.gallery)),
                *((text, self.uri(pagename, target) if target else None) for text, target in rest)]

    def render(self, template: str, values: dict[str, Any]) -> str:
        return render(self.builder, template, values)


def _gallery_pages(ctx: _Context) -> list[PageSpec]:
    """Pages 2, 3, ... of the gallery (page 1 is the document)."""
    order = ctx.prepared.order
    total = page_count(len(order))
    specs = []
    for number in range(2, total + 1):
        pagename = gallery_page(ctx.gallery, number)
        members = page_slice(order, number)
        title = f"{ctx.gallery_title} (halaman {number} dari {total})"
        shows = ["galeri", ctx.gallery, ctx.gallery_title, number, total, len(order),
                 [ctx.prepared.cards[r].fingerprint for r in members]]

        def body(pagename: str = pagename, number: int = number, members: list[str] = members) -> str:
            return gallery_page_body(ctx, pagename, number, total, members)

        specs.append(PageSpec(pagename, title, shows, body))
    return specs


def gallery_page_body(ctx: _Context, pagename: str, number: int, total: int, members: list[str]) -> str:
    return ctx.render(GALLERY_PAGE_TEMPLATE, {
        "nomor": number, "total": total, "jumlah": len(ctx.prepared.order),
        "judul_galeri": ctx.gallery_title, "tautan_galeri": ctx.uri(pagename, ctx.gallery),
        "remah": ctx.crumbs(pagename, (f"Halaman {number}", None)),
        "kartu_kartu": [ctx.card(pagename, record_id)
                        for record_id in members],
        "paginasi": pagination_view(number, total, lambda k: ctx.uri(pagename, gallery_page(ctx.gallery, k)),
                                    "Halaman galeri")})


def _facet_pages(ctx: _Context) -> list[PageSpec]:
    specs = []
    catalogue = ctx.prepared.catalogue
    for facet in FACETS:
        siblings = catalogue[facet.name]
        many = len(siblings) > MAX_LISTED_VALUES
        for item in siblings:
            total = page_count(len(item.innovations))
            members_set = set(item.innovations)
            related = [(doc, title) for doc, title, ids in ctx.studies if members_set & set(ids)]
            if many:
                others: Any = ["kategori", len(siblings)]
            else:
                others = [[o.value, o.label, len(o.innovations)] for o in siblings if o.value != item.value]
            for number in range(1, total + 1):
                pagename = facet_page(facet.name, item.value, number)
                members = page_slice(item.innovations, number)
                title = f"{facet.label}: {item.label}"
                if number > 1:
                    title += f" (halaman {number} dari {total})"
                shows = ["facet", facet.name, item.value, item.label, number, total, len(item.innovations),
                         ctx.gallery, ctx.gallery_title,
                         [ctx.prepared.cards[r].fingerprint for r in members],
                         related if number == 1 else [], others if number == 1 else []]

                def body(pagename: str = pagename, facet: Facet = facet, item: FacetValue = item,
                         number: int = number, total: int = total, members: list[str] = members,
                         related: list = related, siblings: list = siblings) -> str:
                    return facet_page_body(ctx, pagename, facet, item, number, total, members,
                                           related if number == 1 else [], siblings if number == 1 else [])

                specs.append(PageSpec(pagename, title, shows, body))
    return specs


def facet_page_body(ctx: _Context, pagename: str, facet: Facet, item: FacetValue, number: int, total: int,
                    members: list[str], related: list[tuple[str, str]], siblings: list[FacetValue]) -> str:
    def uri(target: str) -> str:
        return ctx.uri(pagename, target)

    many = len(ctx.prepared.catalogue[facet.name]) > MAX_LISTED_VALUES
    innovations = []
    for record_id in members:
        card = ctx.prepared.cards[record_id]
        facts = [x for x in (card.agency, card.stage, card.year,
                             f"{card.awards} penghargaan" if card.awards else "") if x]
        innovations.append((record_id, card.name, uri(f"{INNOVATION_DOCS}{record_id}"), facts, card.summary))
    everything = (uri(category_page(facet.name)), len(siblings)) if number == 1 and many else None
    return ctx.render(FACET_PAGE_TEMPLATE, {
        "facet": (facet.name, facet.label), "nilai": (item.value, item.label), "nomor": number,
        "jumlah": len(item.innovations),
        "tautan_filter": f"{uri(ctx.gallery)}?{urlencode({facet.name: item.value})}",
        "remah": ctx.crumbs(pagename, (facet.label, category_page(facet.name) if many else None)),
        "inovasi": innovations,
        "paginasi": pagination_view(number, total, lambda k: uri(facet_page(facet.name, item.value, k)),
                                    f"Halaman {facet.label.lower()}: {item.label}"),
        "studi_kasus": [(title, uri(doc)) for doc, title in related],
        "lain_semua": everything,
        "lain": [] if everything else [(other.label, uri(facet_page(facet.name, other.value)), len(other.innovations))
                                       for other in siblings if other.value != item.value]})


def _category_pages(ctx: _Context) -> list[PageSpec]:
    """The full, paginated list of the values of every facet with many."""
    specs = []
    for facet in FACETS:
        values = ctx.prepared.catalogue[facet.name]
        if len(values) <= MAX_LISTED_VALUES:
            continue
        total = page_count(len(values), VALUES_PER_PAGE)
        for number in range(1, total + 1):
            pagename = category_page(facet.name, number)
            members = page_slice(values, number, VALUES_PER_PAGE)
            title = f"{facet.label}: semua"
            if number > 1:
                title += f" (halaman {number} dari {total})"
            shows = ["kategori", facet.name, number, total, len(values), ctx.gallery, ctx.gallery_title,
                     [[v.value, v.label, len(v.innovations)] for v in members]]

            def body(pagename: str = pagename, facet: Facet = facet, number: int = number, total: int = total,
                     members: list[FacetValue] = members, count: int = len(values)) -> str:
                return category_page_body(ctx, pagename, facet, number, total, members, count)

            specs.append(PageSpec(pagename, title, shows, body))
    return specs


def category_page_body(ctx: _Context, pagename: str, facet: Facet, number: int, total: int,
                       members: list[FacetValue], count: int) -> str:
    return ctx.render(CATEGORY_PAGE_TEMPLATE, {
        "facet": facet.name, "label": facet.label, "nomor": number, "jumlah": count,
        "remah": ctx.crumbs(pagename, (facet.label, None)),
        "nilai": [(item.label, ctx.uri(pagename, facet_page(facet.name, item.value)), len(item.innovations))
                  for item in members],
        "paginasi": pagination_view(number, total, lambda k: ctx.uri(pagename, category_page(facet.name, k)),
                                    f"Halaman {facet.label.lower()}")})


def index_covers(builder: Any, prepared: Prepared, gallery: str) -> dict[str, str]:
    """Record id -> URI of its cover image from the gallery document, for the records that have one."""
    found = {}
    for record_id in prepared.order:
        card = prepared.cards[record_id]
        src = site_image(builder, gallery, card.cover[0]) if card.cover else None
        if src:
            found[record_id] = src
    return found


_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
"""The 64 characters of the position lists (URL-safe base64's, nothing to escape in JSON)."""

_DIGIT = {character: value for value, character in enumerate(_DIGITS)}


def encode_positions(positions: list[int]) -> str:
    """A rising list of positions as a short string: ``"d"`` then the gaps, or ``"b"`` then a bitmap, whichever
    is shorter (a bitmap bounds a list to one character per six innovations, whatever its length).

    A gap is ``position - previous - 1`` (the previous of the first is -1), written in base 32 with the most
    significant digit first: digits ``0-31`` end a number, ``32-63`` carry ``digit - 32`` and continue it (so
    consecutive positions cost one character each). In the bitmap, position ``p`` is bit ``p % 6`` of digit
    ``p // 6``; the trailing zero digits are left out."""
    out = ["d"]
    previous = -1
    for position in positions:
        gap = position - previous - 1
        previous = position
        digits = [_DIGITS[gap & 31]]
        gap >>= 5
        while gap:
            digits.append(_DIGITS[32 + (gap & 31)])
            gap >>= 5
        out.extend(reversed(digits))
    gaps = "".join(out)
    if not positions or len(gaps) <= positions[-1] // 6 + 2:
        return gaps
    bits = bytearray(positions[-1] // 6 + 1)
    for position in positions:
        bits[position // 6] |= 1 << (position % 6)
    return "b" + "".join(_DIGITS[value] for value in bits)


def decode_positions(text: str) -> list[int]:
    """The positions of :func:`encode_positions` (rancang-galeri.js reads them the same way)."""
    positions: list[int] = []
    if text.startswith("b"):
        for index, character in enumerate(text[1:]):
            value = _DIGIT[character]
            positions.extend(index * 6 + bit for bit in range(6) if value >> bit & 1)
        return positions
    previous, number = -1, 0
    for character in text[1:]:
        value = _DIGIT[character]
        if value >= 32:
            number = number * 32 + value - 32
        else:
            previous += number * 32 + value + 1
            positions.append(previous)
            number = 0
    return positions


def index_card_row(card: Card, cover: str | None) -> list[Any]:
    """One row of a card chunk (format in the module's docstring); ``cover``: the URI of its cover image from
    the gallery document (:func:`index_covers`)."""
    row: list[Any] = [card.id, card.name, card.summary, card.awards, card.agency,
                      [SEPARATOR.join(values) for values in card.values]]
    if cover and card.cover:
        row.append([cover, card.cover[1]])
    return row


def _index_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _index_parts(prepared: Prepared, covers: dict[str, str],
                 studies: list[tuple[str, str, list[str]]]) -> dict[str, tuple[str, Callable[[], Any]]]:
    """Every file of the index: its path in the output -> (a digest of what it holds, the function that makes
    its value). The digests cost little, so that a build makes only the files whose digest changed: a chunk's
    is that of the fingerprints of its cards; a value's list's, that of the ids of its innovations (what it
    holds in the same gallery order: see :func:`write_index`)."""
    position: dict[str, int] = {}
    entry = {"kartu": INDEX_CHUNK, "inovasi": len(prepared.order)}
    parts: dict[str, tuple[str, Callable[[], Any]]] = {INDEX_ENTRY: (_digest(json.dumps(entry)), lambda: entry)}

    def positions(ids: list[str]) -> str:
        if not position:
            position.update((record_id, index) for index, record_id in enumerate(prepared.order))
        return encode_positions([position[r] for r in ids])

    for facet in FACETS:
        for item in prepared.catalogue[facet.name]:
            parts[f"{facet.name}/{item.value}"] = (_digest("\0".join(item.innovations)),
                                                   lambda ids=item.innovations: positions(ids))
    cards = prepared.cards
    for chunk in range(math.ceil(len(prepared.order) / INDEX_CHUNK)):
        members = prepared.order[chunk * INDEX_CHUNK:(chunk + 1) * INDEX_CHUNK]
        shown = [cards[r].fingerprint for r in members]
        if covers:
            shown += [covers.get(r, "") for r in members]
        parts[f"{INDEX_CARDS}/{chunk}"] = (
            _digest("\0".join(shown)),
            lambda members=members: [index_card_row(cards[r], covers.get(r)) for r in members])
    rank = {record_id: index for index, record_id in enumerate(prepared.order)} if studies else {}
    members_of = [[docname, [rank[r] for r in ids if r in rank]] for docname, _title, ids in studies]
    parts[INDEX_STUDIES] = (_digest(json.dumps(members_of)), lambda: members_of)
    return {f"{INDEX_FOLDER}/{key}.js": (digest, make) for key, (digest, make) in parts.items()}


def _index_script(builder: Any) -> Callable[[str, Any], str]:
    """The text of a file of the index from its key and value (the template :data:`INDEX_TEMPLATE`, rendered
    once)."""
    marks = ("RANCANG-KUNCI", "RANCANG-NILAI")
    before, rest = render(builder, INDEX_TEMPLATE, {"kunci": marks[0], "nilai": marks[1]}).split(marks[0])
    middle, after = rest.split(marks[1])
    return lambda key, value: f"{before}{_index_json(key)}{middle}{_index_json(value)}{after}"


def _index_key(path: str) -> str:
    return path[len(INDEX_FOLDER) + 1:-len(".js")]


def index_files(builder: Any, prepared: Prepared, covers: dict[str, str] | None = None,
                studies: list[tuple[str, str, list[str]]] | None = None) -> dict[str, str]:
    """Every file of the index: its path in the output -> its text (format in the module's docstring);
    ``covers``: :func:`index_covers`; ``studies``: the case studies (``(docname, title, innovation ids)``)."""
    script = _index_script(builder)
    return {path: script(_index_key(path), make())
            for path, (_, make) in _index_parts(prepared, covers or {}, studies or []).items()}


def _write_index_file(target: Path, data: bytes, folders: set[Path]) -> None:
    """Written like the site's pages (which Sphinx writes): whole or not at all for a reader (a temporary file
    renamed over the target), without :func:`rancang.fileio.atomic_write_bytes`'s flush to disk, which costs
    ~5 ms a file: thousands of small files on a full build at national scale. ``folders``: those already
    made in this build."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise write_error(target, exc) from None


def _remove_index(outdir: Path) -> None:
    """No paginated gallery: no index (nor the single index file of earlier versions)."""
    if (outdir / OLD_INDEX_FILE).is_file():
        (outdir / OLD_INDEX_FILE).unlink()
    if (outdir / INDEX_FOLDER).is_dir():
        shutil.rmtree(outdir / INDEX_FOLDER)


def _index_present(folder: Path) -> set[str]:
    """The files in the index's folder and its sub-folders, as paths in the output (one listing per folder:
    cheaper than a ``stat`` per file, thousands at national scale)."""
    found: set[str] = set()
    pending = [(folder, INDEX_FOLDER)]
    while pending:
        where, name = pending.pop()
        try:
            entries = list(os.scandir(where))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), f"{name}/{entry.name}"))
            else:
                found.add(f"{name}/{entry.name}")
    return found


def write_index(app: Sphinx, prepared: Prepared, gallery: str, saved: Any) -> dict[str, Any]:
    """Writes the files of the index whose bytes changed, removes those that no longer exist, and returns the
    index's state for :data:`STATE_FILE` (``saved``: the last build's): the digest of the template and the
    chunk size, that of the gallery order, and the digest of what every file holds (:func:`_index_parts`).

    A file is made and written only when its digest is not the last build's or it is missing; without a
    digest (no state, or another template or chunk size), only when its bytes differ from the file's. One
    record edited: one chunk of cards, and the lists of the values it gained or lost. A record added, removed
    or renamed so that it moves in the gallery order: the positions between its two places shift, so the
    chunks there and the lists holding such a position are written again (as are the gallery's static pages
    there): at 10,000, a record renamed to the front of the order rewrote 1,273 to 1,686 of the 2,143 files,
    in 4-6 s on a loaded 2-core box (an edit that keeps the order: 0.1 s, one chunk written)."""
    outdir = Path(app.outdir)
    if (outdir / OLD_INDEX_FILE).is_file():
        (outdir / OLD_INDEX_FILE).unlink()
    common = _digest(json.dumps([INDEX_CHUNK, _template_source(app.builder, INDEX_TEMPLATE)]))
    saved = saved if isinstance(saved, dict) else {}
    known = saved.get("berkas") if isinstance(saved.get("berkas"), dict) else {}
    if saved.get("bersama") != common:
        known = {path: "" for path in known}  # every file made again (and written when its bytes differ)
    order = _digest("\0".join(prepared.order))
    if saved.get("urutan") != order:  # positions shifted: the lists are made again, and compared
        known = {path: "" if _is_value_list(path) else digest for path, digest in known.items()}
    parts = _index_parts(prepared, index_covers(app.builder, prepared, gallery),
                         RancangDomain.of(app.env).case_studies())
    script = _index_script(app.builder)
    folder = outdir / INDEX_FOLDER
    present = _index_present(folder)
    folders: set[Path] = set()
    for path, (digest, make) in parts.items():
        target = outdir / path
        if known.get(path) == digest and path in present:
            continue
        data = script(_index_key(path), make()).encode("utf-8")
        if not known.get(path) and path in present:  # what the file holds is not known: compare
            try:
                if target.read_bytes() == data:
                    continue
            except OSError:
                pass
        _write_index_file(target, data, folders)
    if known:
        stale = [outdir / path for path in known if path not in parts]
    else:  # no state: whatever the folder holds that is not of this index
        stale = [outdir / path for path in present if path not in parts]
    for path in stale:
        path.unlink(missing_ok=True)
    if stale:
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()
    return {"bersama": common, "urutan": order,
            "berkas": {path: digest for path, (digest, _make) in parts.items()}}


def _index_complete(outdir: Path, saved: Any) -> bool:
    """Every file the last build's index wrote is still there (one listing per folder, no stat per file)."""
    files = saved.get("berkas") if isinstance(saved, dict) else None
    return bool(files) and set(files) <= _index_present(outdir / INDEX_FOLDER)


def _is_value_list(path: str) -> bool:
    """A value's list of positions (``galeri/indeks/<facet>/<value>.js``)."""
    return _index_key(path).split("/")[0] in _FACET_INDEX


def _load_state(path: Path) -> dict[str, Any]:
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) and saved.get("versi") == STATE_VERSION else {}


def _save_state(path: Path, saved: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     prefix=".rancang-galeri-", suffix=".json") as handle:
        json.dump(saved, handle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)


PROBE = f"{PAGES_FOLDER}/halaman/0"
"""Page name of the probe that :func:`_frame_digest` renders (never written into the output)."""


def _frame_digest(app: Sphinx, scratch: Path) -> str:
    """Digest of the theme's frame around a generated page (header, navigation, styles and their versions,
    configuration) and of the gallery's templates: when it changes, every generated page is rendered again."""
    draft = scratch / "bingkai.html"
    generated = _generated_pages(app)
    generated.add(PROBE)
    try:
        app.builder.handle_page(PROBE, {"title": "RANCANG-JUDUL", "body": "RANCANG-ISI"}, "page.html",
                                outfilename=draft)
    finally:
        generated.discard(PROBE)
    sources = [_template_source(app.builder, name) for name in TEMPLATES]
    return _digest("\0".join([draft.read_text(encoding="utf-8"), *sources]))


def collect_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """The generated pages (gallery pages, facet-value pages, category lists) and the index, written into the
    output folder only, and only when what they show changed.

    Each page is rendered by the builder through the theme's ``page.html`` (so it has the site's header,
    navigation and styles). Nothing is returned to Sphinx, which would render every page on every build:
    a page is rendered when its digest (what it shows, and the theme's frame) differs from the last build's
    or its file is missing.
    """
    collecting = gc.isenabled()
    gc.disable()  # at 10,000 records the environment holds millions of objects: the cyclic collections that
    try:          # the many small objects made here would trigger cost more than the work itself
        return _collect_pages(app)
    finally:
        if collecting:
            gc.enable()


def _generated_pages(app: Sphinx) -> set[str]:
    """Names of the pages :func:`collect_pages` generates in this build (they get the gallery's stylesheet)."""
    return context.of(app.env).once("gallery-pages", set)


def _collect_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    started = time.perf_counter()
    outdir = Path(app.outdir)
    suffix = app.builder.out_suffix
    galleries = RancangDomain.of(app.env).galleries()
    if app.builder.format != "html" or not galleries:
        _remove_stale_pages(outdir, suffix, set(), paged=False)
        return []
    state_path = Path(app.doctreedir) / STATE_FILE
    saved = _load_state(state_path)
    prepared = gallery_data(app.env)
    _save_cards(app, prepared)
    steps = {"prepare": time.perf_counter() - started}
    ctx = _Context(app, galleries[0], prepared, RancangDomain.of(app.env).case_studies())
    output_path = getattr(app.builder, "get_output_path", None) or app.builder.get_outfilename
    with tempfile.TemporaryDirectory(prefix="rancang-galeri-") as scratch:
        frame = _frame_digest(app, Path(scratch))
    whole = _whole_digest(app, ctx, frame)
    previous: dict[str, str] = saved.get("halaman", {})
    if saved.get("semua") == whole and all(os.path.isfile(output_path(name)) for name in previous) and \
            (len(prepared.order) <= PAGE_SIZE or _index_complete(outdir, saved.get("indeks"))):
        # nothing any generated page or the index shows changed (an edit of a profile's other facts)
        context.of(app.env).once("gallery-stats", dict).update(rendered=0, pages=len(previous), **steps,
                                                               seconds=time.perf_counter() - started)
        return []
    specs = _gallery_pages(ctx) + _facet_pages(ctx) + _category_pages(ctx)
    generated = _generated_pages(app)
    generated.update(spec.pagename for spec in specs)
    paged = len(prepared.order) > PAGE_SIZE
    if set(previous) != generated or not saved:
        _remove_stale_pages(outdir, suffix, generated, paged)
    steps["specs"] = time.perf_counter() - started
    digests: dict[str, str] = {}
    rendered = 0
    for spec in specs:
        digest = _digest(json.dumps([frame, spec.title, spec.shows], ensure_ascii=False))
        digests[spec.pagename] = digest
        target = Path(output_path(spec.pagename))
        if previous.get(spec.pagename) == digest and target.is_file():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        app.builder.handle_page(spec.pagename, {"title": html.escape(spec.title), "body": spec.body()},
                                "page.html", outfilename=target)
        rendered += 1
    steps["render"] = time.perf_counter() - started
    index_state = write_index(app, prepared, galleries[0], saved.get("indeks")) if paged else None
    if not paged:
        _remove_index(outdir)
    fresh = {"versi": STATE_VERSION, "halaman": digests, "indeks": index_state, "ringkasan": prepared.summaries,
             "semua": whole}
    if fresh != saved:
        _save_state(state_path, fresh)
    steps["seconds"] = time.perf_counter() - started
    context.of(app.env).once("gallery-stats", dict).update(rendered=rendered, pages=len(specs), **steps)
    logger.info("rancang galeri: %d halaman dibuat, %d halaman tetap, %.2f detik",
                rendered, len(specs) - rendered, time.perf_counter() - started)
    return []


def _whole_digest(app: Sphinx, ctx: _Context, frame: str) -> str:
    """Digest of everything the generated pages and the index show (the frame: :func:`_frame_digest`)."""
    prepared = ctx.prepared
    images = app.env.images
    covers = sorted({card.cover[0] for card in prepared.cards.values() if card.cover})
    return _digest(json.dumps([frame, ctx.gallery, ctx.gallery_title, ctx.studies,
                               [prepared.cards[r].fingerprint for r in prepared.order],
                               [[name, [[v.value, v.label, v.short] for v in values]]
                                for name, values in prepared.catalogue.items()],
                               [[path, images[path][1] if path in images else None] for path in covers],
                               _template_source(app.builder, INDEX_TEMPLATE)], ensure_ascii=False))


def _remove_stale_pages(outdir: Path, suffix: str, current: set[str], paged: bool) -> None:
    """Pages that no longer exist (a value disappeared, fewer pages) leave nothing behind."""
    folder = outdir / PAGES_FOLDER
    if not folder.is_dir():
        return
    for path in folder.rglob(f"*{suffix}"):
        pagename = path.relative_to(outdir).as_posix()[: -len(suffix)]
        if pagename not in current:
            path.unlink()
    if not paged:
        _remove_index(outdir)
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The gallery's stylesheet and script only where they are used."""
    gallery = RancangDomain.of(app.env).is_gallery(pagename)
    if gallery or pagename in _generated_pages(app):
        app.add_css_file("rancang-galeri.css")
    if gallery:
        app.add_js_file("rancang-galeri.js", defer="defer")


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Case-study cards come from the case studies and the innovations they are about: a changed case study,
    or a changed record one of them embeds, renews the gallery."""
    touched = added | changed | removed
    embedded = {f"{INNOVATION_DOCS}{record_id}" for ids in RancangDomain.of(env).embeds.values() for record_id in ids}
    if not any(d.startswith(CASE_STUDY_DOCS) or d in embedded for d in touched):
        return []
    return sorted(RancangDomain.of(env).gallery_docs() - added - changed - removed)


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    others = {name: (_pass, _pass) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(kartu, html=(visit_kartu_html, depart_kartu_html), **others)
    app.add_node(studi_kasus_kartu, html=(_skip, None), **{name: (_skip, None) for name in others})
    app.add_directive("rancang-galeri", GalleryDirective)
    app.add_directive("rancang-galeri-kategori", CategoriesDirective)
    app.connect("doctree-resolved", resolve_case_studies)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", page_context)
    app.connect("env-get-outdated", _outdated)
