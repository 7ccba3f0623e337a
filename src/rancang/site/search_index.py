"""The site's search index: chunked static files a browser loads a few at a time, kept up to date incrementally.

Why not Pagefind (evaluated, 1.5.2; docs/cari.md has the figures): it re-indexes every page on every edit
and, before any search, loads a table with one entry per page (about 8.5 bytes a page gzipped: 310 kB at the
national 36,742 profiles) plus a 70 kB WebAssembly module. This index has no per-page table at all; what a
query fetches depends on the query, not on the size of the site, and an edit rewrites only a small segment.

Layout of ``_cari/`` in the site output (every file a script calling ``rancangCari.terima(key, value)``, so
that it also loads from ``file://``, where browsers refuse ``fetch``):

* ``manifes.js`` (key ``manifes``): the version, the live page count, the segments, the numbers of the pages
  a later segment replaced or removed (``hapus``), and the word tables of
  :func:`rancang.language.search_words.browser_tables`;
* a **segment** ``<id>/`` holds pages numbered ``awal`` .. ``awal + banyak - 1``:

  * ``<id>/e/<b>.js`` (key ``<id>/e/<b>``): bucket ``b`` of the terms, ``{term: postings}``; a term lives in
    bucket ``fnv1a32(utf-8 of term) % ember``;
  * ``<id>/h/<n // 1000>/<n>.js`` (key ``<id>/h/<n>``): page ``n``: ``{"u": url from the site root, "j":
    title, "t": kind, "b": [text blocks]}``, fetched only for the results shown.

Postings of a term (page numbers relative to the segment's ``awal``, each with ``q``, the page's weight for
the term in one byte, :func:`quantised`: the field class and BM25, computed from the page alone when it is read):

* ``L<h>,<h>,...``: per page, in order, ``h`` = hexadecimal of ``gap * 256 + q``, ``gap`` the difference to
  the previous page number (to -1 for the first);
* ``B<q>.<base64 bitmap>.<list>`` for a term on more than one page in :data:`BITMAP_SHARE`: a bitmap of its
  pages (bit ``i % 8`` of byte ``i // 8``), the :data:`BITMAP_TOP` pages of highest ``q`` as a list as above,
  and ``q`` for all the others.

Segments: the **base** holds every page as of the last full indexing; pages changed or added since are in
the **delta** segment, rebuilt whole at each build, and their base numbers are in ``hapus``. When the delta
grows past :func:`compaction_threshold`, or the word tables or this format change, the base is rebuilt from
all pages. A segment's id is a digest of its pages, so its files never change under a name a browser cached.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import json
import math
import shutil
import time
from array import array
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from rancang.fileio import atomic_write_bytes
from rancang.language.search_words import browser_tables
from rancang.site.search_record import ALIAS, FACTS, KINDS, SUMMARY, TITLE, Record

FORMAT = 1
"""Version of the files; a browser script of another version refuses the index rather than misreading it."""

FOLDER = "_cari"
MANIFEST = "manifes.js"
K1, B = 1.2, 0.75
BUCKET_BYTES = 16_384
"""Target size of a bucket file: a query fetches one bucket per term and segment."""
BITMAP_SHARE = 1 / 16
BITMAP_TOP = 256
FRAGMENTS_PER_FOLDER = 1000


def fnv1a(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _hex_list(codes: Sequence[int]) -> str:
    """``codes``: page << 8 | q, by page."""
    pages = [code >> 8 for code in codes]
    gaps = [(page - previous) << 8 | (code & 0xFF) for page, previous, code in zip(pages, [-1, *pages], codes)]
    return ",".join(map("{:x}".format, gaps))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def encode_postings(codes: Sequence[int], size: int) -> str:
    """The postings of one term, ``codes`` = page << 8 | q sorted by page (a page of the segment, its weight);
    ``size``: pages in the segment."""
    if len(codes) > max(64, size * BITMAP_SHARE):
        bitmap = bytearray((size + 7) // 8)
        for code in codes:
            page = code >> 8
            bitmap[page >> 3] |= 1 << (page & 7)
        # highest q first, then the lower page: one integer key per posting, compared in C
        ranked = heapq.nlargest(BITMAP_TOP + 1, [((code & 0xFF) << 32) | (0xFFFFFFFF - (code >> 8))
                                                  for code in codes])
        top = sorted(((0xFFFFFFFF - (key & 0xFFFFFFFF)) << 8) | (key >> 32) for key in ranked[:BITMAP_TOP])
        rest = ranked[BITMAP_TOP] >> 32 if len(ranked) > BITMAP_TOP else 1
        return f"B{rest}.{_b64(bytes(bitmap))}.{_hex_list(top)}"
    return "L" + _hex_list(codes)


REFERENCE_LENGTH = 300
"""Words of an average page for BM25's length normalisation. A fixed figure (the example's 16 pages average 295
terms) rather than the site's own average, so that a page's weights depend on the page alone: computed once
when the page is read, equal in a full and in an incremental index."""

FIELD_CLASSES = ((TITLE, 3), (ALIAS, 2), (SUMMARY, 2), (FACTS, 1))
"""The highest field a term occurs in, as the top two bits of its weight: 3 the page's name, 2 an other name or
the summary, 1 the facts table, 0 elsewhere. The browser adds a bonus per class (``BONUS`` in rancang-cari.js)
to BM25, which alone saturates: a word said ten times in a long text would otherwise weigh as much as the same
word in the name."""


def field_class(best: int) -> int:
    return next((cls for weight, cls in FIELD_CLASSES if best >= weight), 0)


def quantised(weighted: int, length: int, best: int = 0) -> int:
    """A term's weight byte: ``field_class(best) << 6`` and BM25's term weight (k1 = 1.2, b = 0.75) scaled to
    1..63: 63 * tf / (tf + k1 (1 - b + b len / avg)), ``tf`` counted with the field weights."""
    norm = K1 * (1 - B + B * length / REFERENCE_LENGTH)
    return field_class(best) << 6 | max(1, min(63, round(63 * weighted / (weighted + norm))))


def compaction_threshold(base_pages: int) -> int:
    """Pages the delta segment may hold before the base is rebuilt: a sixteenth of the site, at least 32."""
    return max(32, base_pages // 16)


def _safe_json(value: object) -> str:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")


def _script(key: str, value: object) -> bytes:
    return f"rancangCari.terima({json.dumps(key)},{_safe_json(value)});\n".encode("utf-8")


@dataclass
class Segment:
    id: str
    first: int
    docs: list[str]
    digests: list[str]
    buckets: int

    def to_json(self) -> dict:
        return {"id": self.id, "awal": self.first, "docs": self.docs, "digests": self.digests,
                "ember": self.buckets}

    @classmethod
    def from_json(cls, value: dict) -> "Segment":
        return cls(value["id"], value["awal"], value["docs"], value["digests"], value["ember"])


def record_path(records: Path, docname: str) -> Path:
    return records / f"{docname}.json"


def record_bytes(record: Record) -> bytes:
    """A page's record as stored: line 1 its fragment (JSON, ready to be written into a script as it is),
    line 2 its terms with their weights ``q`` (:func:`quantised`)."""
    fragment = {"u": record.url, "j": record.title, "t": record.kind, "b": record.blocks}
    weights = {term: quantised(weight, record.length, record.best.get(term, 0))
               for term, weight in record.terms.items()}
    return (_safe_json(fragment) + "\n" + _safe_json(weights)).encode("utf-8")


def write_record(records: Path, record: Record) -> None:
    """Store a page's record (at reading, in whichever process read the page); unchanged bytes stay put."""
    data = record_bytes(record)
    target = record_path(records, record.docname)
    try:
        if target.read_bytes() == data:
            return
    except OSError:
        target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


@dataclass
class Outcome:
    full: bool
    pages: int
    delta: int
    seconds: float


class SearchIndex:
    """The index of one site: ``records`` (one JSON file per page, :func:`write_record`), ``state`` (what the
    files in ``output`` hold) and ``output`` (the site's ``_cari`` folder)."""

    def __init__(self, records: Path, state: Path, output: Path, stamp: str) -> None:
        self.records, self.state_file, self.output = records, state, output
        self.stamp = f"{FORMAT}:{stamp}:{_digest(json.dumps(browser_tables(), sort_keys=True).encode())}"

    # -- state ---------------------------------------------------------------------------------------------------
    def _load_state(self) -> dict | None:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if state.get("stamp") != self.stamp or not (self.output / MANIFEST).is_file() or not state["segments"]:
            return None
        if not all((self.output / s["id"]).is_dir() for s in state["segments"]):
            return None
        return state

    def _read(self, docname: str) -> tuple[bytes, bytes, str] | None:
        """(fragment JSON, weights JSON, digest) of a page's record."""
        try:
            data = record_path(self.records, docname).read_bytes()
        except OSError:
            return None
        fragment, _, weights = data.partition(b"\n")
        return fragment, weights, _digest(data)

    # -- update --------------------------------------------------------------------------------------------------
    def update(self, docnames: Iterable[str], changed: Iterable[str], removed: Iterable[str]) -> Outcome:
        """Bring ``output`` up to date with the pages ``docnames``, of which ``changed`` were read again in this
        build and ``removed`` are gone."""
        start = time.perf_counter()
        alive = set(docnames)
        for docname in removed:
            record_path(self.records, docname).unlink(missing_ok=True)
        state = self._load_state()
        if state is None:
            return self._full(sorted(alive), start)
        base = Segment.from_json(state["segments"][0])
        delta = {d: g for d, g in zip(state["delta_docs"], state["delta_digests"])}
        base_digest = dict(zip(base.docs, base.digests))
        moved = False
        for docname in sorted(set(changed) & alive):
            found = self._read(docname)
            digest = found[2] if found else None
            if digest == delta.get(docname) or (docname not in delta and digest == base_digest.get(docname)):
                continue
            moved = True
            if digest is None:
                delta.pop(docname, None)
            else:
                delta[docname] = digest
        hidden_before = set(state["hapus"])
        gone = {d for i, d in enumerate(base.docs) if d not in alive and base.first + i not in hidden_before}
        gone |= set(delta) - alive
        for docname in gone:
            moved = True
            delta.pop(docname, None)
        if not moved:
            return Outcome(False, len(alive), len(delta), time.perf_counter() - start)
        replaced = {d for d in base.docs if d in delta or d not in alive}
        if len(set(delta) | replaced) > compaction_threshold(len(base.docs)):
            return self._full(sorted(alive), start)
        number = {d: i for i, d in enumerate(base.docs)}
        hidden = sorted(base.first + number[d] for d in replaced)
        for page in set(hidden) - hidden_before:
            # The old text of a changed or removed page leaves the published files now, not at the next full
            # indexing (a page removed for a mistake or for personal data must not stay readable).
            self._fragment(base.id, page).write_bytes(_script(f"{base.id}/h/{page}", None))
        delta_docs = sorted(delta)
        segment = self._write_segment(delta_docs, base.first + len(base.docs))
        if segment is None:
            delta_docs = []
        self._finish([base, segment] if segment else [base], hidden, delta_docs, state.get("delta_id"))
        outcome = Outcome(False, len(alive), len(delta_docs), time.perf_counter() - start)
        self._save(base, segment, hidden, delta_docs, [delta[d] for d in delta_docs], outcome)
        return outcome

    def _full(self, docnames: list[str], start: float) -> Outcome:
        old = self._old_ids()
        base = self._write_segment(docnames, 0)
        segments = [base] if base else []
        self._finish(segments, [], [], None, old)
        outcome = Outcome(True, len(base.docs) if base else 0, 0, time.perf_counter() - start)
        self._save(base, None, [], [], [], outcome)
        return outcome

    def _old_ids(self) -> set[str]:
        if not self.output.is_dir():
            return set()
        return {p.name for p in self.output.iterdir() if p.is_dir()}

    def _write_segment(self, docnames: list[str], first: int) -> Segment | None:
        """Index ``docnames`` (those with a record) as pages ``first``... of a new segment."""
        kept: list[str] = []
        digests: list[str] = []
        # term -> page << 8 | q, by page; 4 bytes a posting (a list of ints took 36: 400 MB at 36,742 pages)
        postings: dict[str, array] = defaultdict(lambda: array("I"))
        fragments: list[tuple[int, bytes]] = []
        for docname in docnames:
            found = self._read(docname)
            if found is None:
                continue
            fragment, weights, digest = found
            local = len(kept)
            kept.append(docname)
            digests.append(digest)
            fragments.append((first + local, fragment))
            code = local << 8
            for term, q in json.loads(weights).items():
                postings[term].append(code | q)
        if not kept:
            return None
        seg_id = _digest(json.dumps([self.stamp, first] + [[d, g] for d, g in zip(kept, digests)]).encode())[:12]
        folder = self.output / seg_id
        if folder.exists():
            shutil.rmtree(folder)
        for number, fragment in fragments:
            target = self._fragment(seg_id, number)
            if number % FRAGMENTS_PER_FOLDER == 0 or number == first:
                target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"rancangCari.terima(\"%s/h/%d\"," % (seg_id.encode(), number) + fragment + b");\n")
        size = len(kept)
        encoded: dict[str, str] = {}
        total = 0
        for term, codes in postings.items():
            encoded[term] = text = encode_postings(codes, size)
            total += len(term) + len(text) + 6
        buckets = 1 << max(0, math.ceil(math.log2(max(1, total / BUCKET_BYTES))))
        grouped: list[dict[str, str]] = [{} for _ in range(buckets)]
        for term in sorted(encoded):
            grouped[fnv1a(term) % buckets][term] = encoded[term]
        (folder / "e").mkdir(parents=True, exist_ok=True)
        for index, group in enumerate(grouped):
            (folder / "e" / f"{index}.js").write_bytes(_script(f"{seg_id}/e/{index}", group))
        return Segment(seg_id, first, kept, digests, buckets)

    def _fragment(self, seg_id: str, number: int) -> Path:
        return self.output / seg_id / "h" / str(number // FRAGMENTS_PER_FOLDER) / f"{number}.js"

    def _finish(self, segments: list[Segment], hidden: list[int], delta_docs: list[str], old_delta: str | None,
                old: set[str] | None = None) -> None:
        live = sum(len(s.docs) for s in segments) - len(hidden)
        manifest = {"versi": FORMAT, "jumlah": live, "hapus": hidden, "jenis": KINDS,
                    "segmen": [{"id": s.id, "awal": s.first, "banyak": len(s.docs), "ember": s.buckets}
                               for s in segments],
                    **browser_tables()}
        self.output.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.output / MANIFEST, _script("manifes", manifest))
        keep = {s.id for s in segments}
        for name in (old or set()) | ({old_delta} if old_delta else set()):
            if name not in keep:
                shutil.rmtree(self.output / name, ignore_errors=True)

    def _save(self, base: Segment | None, delta: Segment | None, hidden: list[int], delta_docs: list[str],
              delta_digests: list[str], outcome: Outcome) -> None:
        segments = [s.to_json() for s in (base, delta) if s is not None]
        state = {"stamp": self.stamp, "segments": segments, "hapus": hidden,
                 "detik": round(outcome.seconds, 3), "penuh": outcome.full,
                 "delta_id": delta.id if delta else None, "delta_docs": delta_docs, "delta_digests": delta_digests}
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.state_file, json.dumps(state, ensure_ascii=False).encode("utf-8"))
