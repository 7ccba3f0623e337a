"""Hypothesis strategies for the import round trip (``test_impor_roundtrip.py``): random enacted regulations.

:func:`regulations` draws the YAML mapping of a random, valid, enacted Peraturan Wali Kota of the bundled example
project (Kota Parepare) -- the mapping ``regulations/<id>.yaml`` would hold -- written the way ``rancang impor
peraturan`` writes what it reads, so that draft -> DOCX/PDF/text -> import must give back an equal model:

* ``jenis``, ``nomor``, ``tahun``, ``tentang`` (Title Case), 1-4 ``menimbang`` ("bahwa ..."), ``mengingat`` from the
  catalogue ids of ``kb/dasar-hukum.yaml`` that amend nothing, in hierarchy order (the order the engine prints;
  ``uud-1945`` possibly narrowed to its Pasal 18 ayat (6));
* 0-6 ``ketentuan_umum`` definitions, some with ``disingkat`` (the term's initials) or ``disebut`` (its last
  word);
* a body of Pasal only, or of BAB (title upper case) holding Pasal or Bagian, a Bagian holding Pasal or
  Paragraf; at most :data:`MAX_ARTICLES` Pasal;
* a Pasal with ``teks`` (ending with ``.``, or with ``:`` before a ``rincian``, as the linter asks and the importer
  keeps it) or 2-4 ``ayat``, each with an optional ``rincian``; a rincian of 2-4 ``butir`` with any ``sifat``,
  nested to depth 3, with an optional ``penutup`` (``.`` at its end on the first level, where the engine adds
  nothing; nothing deeper, where the list ending is added). A list with a ``penutup`` whose last item has a list of
  its own gives that list a ``penutup`` too: the engine prints ``d. x: 1. y; 2. z, C.`` alike whether ``C`` closes
  the inner list or the outer one (the inner list's last item takes the outer list's ``,``), so only the DOCX's
  indentation could tell them apart; with both, the inner closing ends with ``,`` and the two are told apart where
  paragraphs are known (a DOCX, a text of whole paragraphs) -- in broken lines ``2. z,`` / ``C1,`` / ``C2.`` reads
  as well as one inner closing ``C1, C2``, so ``stacked_closings=False`` leaves such closings out;
* the commencement on promulgation, penetapan and pengundangan with place, date and signatory (in capitals,
  as the signature block prints them), the Berita Daerah number and year;
* references ``[[id]]``, ``[[id-1, id-2]]`` and ``[[pasal-N sampai pasal-M]]`` from some Pasal/ayat/butir texts
  to other Pasal, ayat or butir. The targets carry the ids the importer generates (``pasal-N``,
  ``pasal-N-ayat-K``, ``pasal-N-ayat-K-huruf-x``, ``pasal-N-huruf-x-angka-M``, ... with the numbers the engine
  gives, the definitions Pasal counting as Pasal 1); elements nobody refers to have no id.

Words come from :data:`WORDS`, ordinary lower-case Indonesian words of four letters or more that are no label,
keyword or formula word of a regulation (no ``Pasal``, ``ayat``, ``huruf``, ``bahwa``, ``adalah``, ``dan``,
``atau``, ``dalam``, ``pada``, ``sebagaimana``, ``dimaksud``, ``ketentuan``, ...), so that what the importer
must recognise is exactly what the engine wrote.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]

MAX_ARTICLES = 12
"""Pasal of the body (the definitions and closing Pasal not counted): small examples are fast."""

WORDS = (
    "pelayanan", "masyarakat", "pengelolaan", "kegiatan", "sarana", "prasarana", "perencanaan", "pelaksanaan",
    "pengawasan", "evaluasi", "laporan", "anggaran", "program", "usaha", "lingkungan", "kesehatan", "pendidikan",
    "pasar", "jalan", "taman", "kebersihan", "keamanan", "ketertiban", "penduduk", "warga", "kelurahan",
    "kecamatan", "wilayah", "kawasan", "bangunan", "gedung", "fasilitas", "sosial", "ekonomi", "budaya",
    "pariwisata", "perikanan", "pertanian", "perdagangan", "industri", "koperasi", "informasi", "teknologi",
    "komunikasi", "sistem", "layanan", "petugas", "pegawai", "aparatur", "dinas", "kantor", "pelaksana",
    "teknis", "tugas", "fungsi", "wewenang", "kewajiban", "larangan", "sanksi", "administratif", "teguran",
    "tertulis", "pembinaan", "penilaian", "pemantauan", "penyusunan", "data", "dokumen", "berkas", "surat",
    "izin", "rekomendasi", "pemohon", "penerima", "bantuan", "dana", "biaya", "tarif", "retribusi", "pajak",
    "pendapatan", "belanja", "modal", "aset", "barang", "jasa", "pengadaan", "kontrak", "kerja", "mitra",
    "lembaga", "organisasi", "forum", "kelompok", "rapat", "musyawarah", "rencana", "strategis", "tahunan",
    "bulanan", "berkala", "terpadu", "terbuka", "cepat", "mudah", "murah", "tepat", "waktu", "mutu", "standar",
    "prosedur", "operasional", "mekanisme", "syarat", "bersih", "limbah", "sampah", "drainase", "pangan",
    "gizi", "anak", "perempuan", "pemuda", "olahraga", "kesenian", "tradisi", "adat", "bahasa", "sejarah",
    "museum", "perpustakaan", "arsip", "statistik", "peta", "ruang", "hijau", "pantai", "pelabuhan",
    "angkutan", "kendaraan", "parkir", "lintas", "rambu", "penerangan", "listrik", "energi", "bencana",
    "kebakaran", "darurat", "relawan", "kesejahteraan", "keluarga", "rumah", "hunian", "permukiman", "lahan",
    "tanah", "sertifikat", "koordinasi", "sosialisasi", "pelatihan", "pendampingan", "penyuluhan",
)
"""Ordinary words: four letters or more (no roman numeral or list label), none a keyword of the frame, a label
word (``Pasal``, ``Bagian``, ``ayat``, ``huruf``, ``angka``), a reference word (``sebagaimana``, ``dimaksud``,
``dalam``, ``pada``), a conjunction that list endings use, ``adalah``/``yang``/``selanjutnya`` of a definition,
or ``ketentuan``/``umum``/``penutup`` that would make a BAB title the engine treats specially."""

NAMES = ("TASMING HAMID", "ANDI MAKKASAU", "SITTI RAHMAWATI", "MUHAMMAD YUSUF", "HASANUDDIN LATIF",
         "NURHAYATI BASO")
"""Signatories as the signature block prints them (capitals): the case of a printed name cannot be read back."""

REGION_PLACE = "Parepare"


# -- the catalogue of the example ------------------------------------------------------------------------------------


def legal_basis_ids(root: Path = REPO) -> list[str]:
    """Ids of ``kb/dasar-hukum.yaml`` that amend no other entry, in the order Mengingat prints them."""
    from rancang.language.citation import hierarchy_key
    from rancang.models.catalogue import LegalBasis

    raw = yaml.safe_load((root / "kb" / "dasar-hukum.yaml").read_text(encoding="utf-8"))
    entries = {item["id"]: LegalBasis.model_validate(item) for item in raw}
    amending = {other for item in raw for other in item.get("diubah_dengan", [])}
    return sorted((key for key in entries if key not in amending), key=lambda key: hierarchy_key(entries[key]))


LEGAL_BASES = legal_basis_ids()


# -- the tree drawn, before it becomes YAML --------------------------------------------------------------------------


@dataclass
class Reference:
    """``[[a]]``, ``[[a, b]]`` or ``[[a sampai b]]`` (``how``: ``single``, ``pair``, ``range``)."""

    how: str
    targets: list["Element"]

    def markup(self) -> str:
        ids = [target.id for target in self.targets]
        return f"[[{ids[0]} sampai {ids[1]}]]" if self.how == "range" else f"[[{', '.join(ids)}]]"


@dataclass
class Text:
    """Words, and where a reference goes among them (its ids are known once the targets have them)."""

    words: list[str]
    reference: tuple[int, Reference] | None = None
    """(position among the words, the reference)."""

    def render(self, capital: bool = False, end: str = "") -> str:
        words = list(self.words)
        if self.reference is not None:
            position, reference = self.reference
            words.insert(position, reference.markup())
        text = " ".join(words)
        if capital:
            text = text[0].upper() + text[1:]
        return text + end


@dataclass
class Element:
    """A Pasal, ayat or butir: something with a text that can refer and be referred to."""

    kind: str
    text: Text
    items: "Enumeration | None" = None
    clauses: list["Element"] = field(default_factory=list)
    address: tuple = ()
    """``(N,)`` for Pasal N, ``(N, ('ayat', K))``, then ``(depth, index)`` per rincian level."""
    id: str | None = None


@dataclass
class Enumeration:
    kind: str
    items: list[Element]
    closing: Text | None = None


@dataclass
class Group:
    kind: str
    title: str
    content: list[Any]


def _letter(n: int) -> str:
    return string.ascii_lowercase[n - 1]


def importer_id(address: tuple) -> str:
    """The id ``rancang impor`` gives the element at ``address`` (``pasal-5-ayat-2-huruf-b-angka-1``)."""
    parts = [f"pasal-{address[0]}"]
    for step in address[1:]:
        if step[0] == "ayat":
            parts.append(f"ayat-{step[1]}")
        else:
            depth, index = step
            parts.append(f"huruf-{_letter(index)}" if depth in (1, 3) else f"angka-{index}")
    return "-".join(parts)


# -- drawing -----------------------------------------------------------------------------------------------------


def words(min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size)


def title_case(items: list[str]) -> str:
    return " ".join(word.capitalize() for word in items)


class _Writer:
    def __init__(self, draw, max_articles: int, max_depth: int, closing_words: bool, stacked_closings: bool):
        self.draw = draw
        self.stacked_closings = stacked_closings
        self.budget = max_articles
        self.max_depth = max_depth
        self.closing_words = closing_words
        self.elements: list[Element] = []
        """Every Pasal, ayat and butir in document order."""

    def enumeration(self, depth: int, max_depth: int) -> Enumeration:
        draw = self.draw
        items = []
        for _ in range(draw(st.integers(2, 4 if depth == 1 else 3))):
            item = Element("butir", Text(draw(words(1, 5))))
            self.elements.append(item)
            if depth < max_depth and draw(st.integers(0, 3)) == 0:
                item.items = self.enumeration(depth + 1, max_depth)
            items.append(item)
        closing = None
        if self.closing_words and draw(st.integers(0, 3)) == 0:
            closing = Text(draw(words(1, 5)))
            last = items[-1]
            if last.items is not None and not self.stacked_closings:
                closing = None
            # closing words after a last item with its own list: that list has closing words too, else the
            # print is ambiguous (see the module's docstring)
            while closing is not None and last.items is not None and last.items.closing is None:
                last.items.closing = Text(draw(words(1, 5)))
                last = last.items.items[-1]
        return Enumeration(draw(st.sampled_from(("kumulatif", "alternatif", "kumulatif_alternatif"))), items,
                           closing)

    def maybe_list(self) -> Enumeration | None:
        if self.draw(st.integers(0, 2)) == 0:
            return self.enumeration(1, self.draw(st.integers(1, self.max_depth)))
        return None

    def article(self) -> Element:
        draw = self.draw
        self.budget -= 1
        article = Element("pasal", Text(draw(words(2, 8))))
        self.elements.append(article)
        if draw(st.booleans()):
            article.items = self.maybe_list()
            return article
        article.text = Text([])
        for _ in range(draw(st.integers(2, 4))):
            clause = Element("ayat", Text(draw(words(2, 8))))
            self.elements.append(clause)
            clause.items = self.maybe_list()
            article.clauses.append(clause)
        return article

    def articles(self, most: int) -> list[Element]:
        count = self.draw(st.integers(1, max(1, min(most, self.budget))))
        return [self.article() for _ in range(count)]

    def title(self, upper: bool) -> str:
        text = title_case(self.draw(words(1, 3)))
        return text.upper() if upper else text

    def paragraf(self) -> Group:
        return Group("paragraf", self.title(False), self.articles(2))

    def bagian(self) -> Group:
        if self.budget >= 2 and self.draw(st.integers(0, 2)) == 0:
            divisions = [self.paragraf()]
            while self.budget > 0 and len(divisions) < 3 and self.draw(st.booleans()):
                divisions.append(self.paragraf())
            return Group("bagian", self.title(False), divisions)
        return Group("bagian", self.title(False), self.articles(3))

    def bab(self) -> Group:
        if self.budget >= 2 and self.draw(st.booleans()):
            parts = [self.bagian()]
            while self.budget > 0 and len(parts) < 3 and self.draw(st.booleans()):
                parts.append(self.bagian())
            return Group("bab", self.title(True), parts)
        return Group("bab", self.title(True), self.articles(3))

    def body(self) -> list:
        if self.draw(st.booleans()):
            return self.articles(5)
        chapters = [self.bab()]
        while self.budget > 0 and len(chapters) < 4 and self.draw(st.booleans()):
            chapters.append(self.bab())
        return chapters


def _number(body: list, first: int) -> None:
    """Addresses as the engine numbers: Pasal ``first``, ``first + 1``, ... in document order."""
    counter = first

    def points(enumeration: Enumeration | None, base: tuple, depth: int) -> None:
        if enumeration is None:
            return
        for index, item in enumerate(enumeration.items, start=1):
            item.address = base + ((depth, index),)
            points(item.items, item.address, depth + 1)

    def walk(content: list) -> None:
        nonlocal counter
        for element in content:
            if isinstance(element, Group):
                walk(element.content)
                continue
            element.address = (counter,)
            points(element.items, element.address, 1)
            for index, clause in enumerate(element.clauses, start=1):
                clause.address = (counter, ("ayat", index))
                points(clause.items, clause.address, 1)
            counter += 1

    walk(body)


def _related(a: tuple, b: tuple) -> bool:
    """One is the other, or contains it."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[:len(short)] == short


def _engine_order(source: Element, targets: list[Element], elements: list[Element]) -> list[Element]:
    """Several targets in the order the engine writes them: an ayat or butir of the source's own Pasal first,
    then document order (:class:`rancang.drafting.references.Resolver`)."""
    def own(target: Element) -> bool:
        return target.kind != "pasal" and target.address[0] == source.address[0]

    return sorted(targets, key=lambda target: (not own(target), elements.index(target)))


def _references(draw, elements: list[Element]) -> None:
    """Up to three references, each from a text to elements that neither hold it nor are held by it: one target
    (``[[id]]``), two (``[[id-1, id-2]]``, never a run the engine would write as a range), or a range of Pasal
    (``[[pasal-2 sampai pasal-4]]``, not around the source's own Pasal)."""
    sources = [element for element in elements if element.text.words]
    for _ in range(draw(st.integers(0, 3))):
        source = draw(st.sampled_from(sources))
        if source.text.reference is not None:
            continue
        targets = [element for element in elements if not _related(element.address, source.address)]
        if not targets:
            continue
        how = draw(st.sampled_from(("single", "single", "single", "pair", "range")))
        first = draw(st.sampled_from(targets))
        chosen = [first]
        if how == "pair":
            others = [element for element in targets if not _related(element.address, first.address)]
            if not others:
                continue
            chosen = _engine_order(source, [first, draw(st.sampled_from(others))], elements)
        elif how == "range":
            articles = sorted({element.address[0] for element in elements})
            here = source.address[0]
            starts = [n for n in articles if n < here - 1 or n > here]
            if not starts:
                continue
            start = draw(st.sampled_from(starts))
            ends = [n for n in articles if n > start and not start < here <= n]
            if not ends:
                continue
            end = draw(st.sampled_from(ends))
            by_number = {element.address: element for element in elements if element.kind == "pasal"}
            chosen = [by_number[(start,)], by_number[(end,)]]
        for target in chosen:
            target.id = importer_id(target.address)
        position = draw(st.integers(1, len(source.text.words)))
        source.text.reference = (position, Reference(how, chosen))


# -- YAML ------------------------------------------------------------------------------------------------------


def _enumeration_yaml(enumeration: Enumeration, depth: int) -> dict:
    items = []
    for item in enumeration.items:
        text = item.text.render(end=":" if item.items is not None else "")
        if item.items is None and item.id is None:
            items.append(text)
            continue
        node: dict[str, Any] = {}
        if item.id:
            node["id"] = item.id
        node["teks"] = text
        if item.items is not None:
            node["rincian"] = _enumeration_yaml(item.items, depth + 1)
        items.append(node)
    out: dict[str, Any] = {"sifat": enumeration.kind, "butir": items}
    if enumeration.closing is not None:
        # on the first level the engine adds no ending to the closing words; deeper, the list ending
        out["penutup"] = enumeration.closing.render(end="." if depth == 1 else "")
    return out


def _norm_yaml(element: Element, node: dict) -> None:
    if element.items is None:
        node["teks"] = element.text.render(capital=True, end=".")
    else:
        node["teks"] = element.text.render(capital=True, end=":")
        node["rincian"] = _enumeration_yaml(element.items, 1)


def _article_yaml(article: Element) -> dict:
    node: dict[str, Any] = {}
    if article.id:
        node["id"] = article.id
    if article.clauses:
        clauses = []
        for clause in article.clauses:
            item: dict[str, Any] = {}
            if clause.id:
                item["id"] = clause.id
            _norm_yaml(clause, item)
            clauses.append(item["teks"] if list(item) == ["teks"] else item)
        node["ayat"] = clauses
    else:
        _norm_yaml(article, node)
    return node


def _content_yaml(element) -> dict:
    if isinstance(element, Group):
        return {element.kind: element.title, "isi": [_content_yaml(child) for child in element.content]}
    return _article_yaml(element)


def _definitions(draw) -> list[dict]:
    out = []
    terms: set[str] = set()
    for _ in range(draw(st.integers(0, 6))):
        term_words = draw(words(1, 3))
        term = title_case(term_words)
        if term in terms:
            continue
        terms.add(term)
        definition: dict[str, Any] = {"istilah": term}
        alias = draw(st.sampled_from(("", "", "disingkat", "disebut")))
        if alias == "disingkat" and len(term_words) >= 2:
            definition["disingkat"] = "".join(word[0] for word in term_words).upper()
        elif alias == "disebut" and len(term_words) >= 2:
            definition["disebut"] = term_words[-1].capitalize()
        definition["arti"] = " ".join(draw(words(2, 10)))
        out.append(definition)
    return out


@st.composite
def dates(draw, year: int) -> tuple[dt.date, dt.date]:
    """Enactment and promulgation dates in ``year``, the promulgation on the same day or up to 20 days later."""
    enacted = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 10)))
    promulgated = enacted + dt.timedelta(days=draw(st.integers(0, 20)))
    return enacted, promulgated


@st.composite
def regulations(draw, max_articles: int = MAX_ARTICLES, references: bool = True, max_depth: int = 3,
                closing_words: bool = True, stacked_closings: bool = True) -> dict:
    """The YAML mapping of a random enacted Peraturan Wali Kota Parepare (see the module's docstring).

    ``stacked_closings=False`` gives no ``penutup`` to a list whose last item has a list of its own: for a text
    read as broken lines (a PDF, a wrapped text), whose paragraphs are not known. The other arguments narrow
    the regulations to isolate a failure: no references, rincian only ``max_depth`` deep, no ``penutup``."""
    writer = _Writer(draw, max_articles, max_depth, closing_words, stacked_closings)
    definitions = _definitions(draw)
    body = writer.body()
    _number(body, 2 if definitions else 1)
    if references:
        _references(draw, writer.elements)

    year = draw(st.integers(2015, 2024))
    enacted, promulgated = draw(dates(year))
    bases = draw(st.lists(st.sampled_from(LEGAL_BASES), min_size=1, max_size=5, unique=True))
    mengingat: list[Any] = []
    for key in sorted(bases, key=LEGAL_BASES.index):
        if key == "uud-1945" and draw(st.booleans()):
            mengingat.append({"id": key, "pasal": "Pasal 18 ayat (6)"})
        else:
            mengingat.append(key)
    data: dict[str, Any] = {
        "jenis": "peraturan_wali_kota",
        "nomor": draw(st.integers(1, 99)),
        "tahun": year,
        "tentang": title_case(draw(words(1, 5))),
        "menimbang": ["bahwa " + " ".join(draw(words(3, 12))) for _ in range(draw(st.integers(1, 4)))],
        "mengingat": mengingat,
    }
    if definitions:
        data["ketentuan_umum"] = definitions
    data["batang_tubuh"] = [_content_yaml(element) for element in body]
    data["ketentuan_penutup"] = {"mulai_berlaku": "diundangkan"}
    data["penetapan"] = {"tempat": REGION_PLACE, "tanggal": enacted.isoformat(),
                         "penanda_tangan": draw(st.sampled_from(NAMES))}
    data["pengundangan"] = {"tempat": REGION_PLACE, "tanggal": promulgated.isoformat(),
                            "penanda_tangan": draw(st.sampled_from(NAMES)),
                            "nomor_berita_daerah": draw(st.integers(1, 60)), "tahun_berita_daerah": year}
    return data


def count_articles(data: dict) -> int:
    """Pasal of a drawn body (for the tests' own checks of the strategy)."""
    def count(content: list) -> int:
        return sum(count(node["isi"]) if "isi" in node else 1 for node in content)

    return count(data["batang_tubuh"])
