"""Akoma Ntoso 3.0 -> the regulation YAML a drafter writes (``regulations/<id>.yaml``).

The reverse of :mod:`rancang.render.akn` (which this module does not import: it reads the XML only). An AKN
document of a regulation holds the numbered tree as printed: labels, list endings (``;``, ``; dan``), the
generated Pasal (Ketentuan Umum's lead, the revocation and the commencement), the fixed formulas of the frame
and every resolved reference as ``<ref href="#eId">``. The YAML holds none of those: they are taken out here
again, so that ``rancang draft`` of the YAML gives the same numbered tree.

* a list's ``sifat`` is read from the conjunction that ends its second-to-last item; every generated ending
  is taken off the text it ends (what the author may have typed before it is kept only where it shows);
* ``sebagaimana dimaksud dalam`` + ``<ref>`` becomes ``[[id]]`` (several: ``[[a, b]]``, a range ``[[a sampai
  b]]``), a ``<ref>`` without that phrase ``[[#id]]``; the element referred to gets an id named after its
  place (``pasal-5-ayat-2``);
* Ketentuan Umum is read from ``<def>``: the term, its abbreviation or short name, its meaning;
* Mengingat and the revoked regulations are matched against the catalogue (kb/dasar-hukum.yaml) by the
  citation rancang would print for each entry (with ``--katalog``, an unknown Mengingat act becomes a new
  entry, read from its citation as the text import reads it);
* a Perubahan of an act of the catalogue reads back (``mengubah`` + Pasal I's change points); a Perubahan of a
  regulation of the project itself (given ``project``) reads back as its whole new text, Pasal I's change points
  carried out on the text in force before it (:mod:`rancang.importer.akn_amendment`); without the project, or
  when a change point cannot be carried out (a change of Ketentuan Umum), S215.

Problems are located messages (``file:line``) in Indonesian, all of them at once: Y119-Y121 for a file that is
not an Akoma Ntoso document rancang can read, S215-S219 for a part of it that cannot be given back as YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from rancang.diagnostics import Diagnostic, Location, RancangError, Severity
from rancang.importer import citations
from rancang.language import numbering
from rancang.language.akn_uri import catalogue_uri
from rancang.language.citation import cite, name_of
from rancang.language.regulation_words import kind_words
from rancang.models.catalogue import LegalBasis
from rancang.models.project import Project
from rancang.models.regulation import RegulationKind

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}

CONJUNCTION_KIND = (("dan/atau", "kumulatif_alternatif"), ("dan", "kumulatif"), ("atau", "alternatif"))
"""The conjunction on a list's second-to-last item -> its ``sifat`` (the longest first)."""
REFERENCE_LEADS = ("sebagaimana dimaksud dalam ", "sebagaimana dimaksud pada ", "sebagaimana tercantum dalam ")
SEPARATORS = (" dan ", ", dan ", ", ")
RANGE = " sampai dengan "
GENERAL_PROVISIONS = "KETENTUAN UMUM"
CLOSING_PROVISIONS = "KETENTUAN PENUTUP"
ELLIPSIS = "..."
MONTHS = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "agustus": 8,
          "september": 9, "oktober": 10, "november": 11, "desember": 12}


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# -- text pieces ------------------------------------------------------------------------------------------


@dataclass
class Piece:
    """A run of printed text: plain, or a reference to the element of eId ``target``; italic, bold."""

    text: str
    target: str | None = None
    italic: bool = False
    bold: bool = False
    link: str | None = None
    """A link out of the document (a lampiran's ``[text](https://...)``)."""
    raw: bool = False
    """Already Markdown (an image, a hard line break): written as it is."""

    @property
    def upright(self) -> bool:
        return self.target is None and not self.italic and not self.bold and self.link is None and not self.raw


def pieces_of(element: Any, *, skip: Iterable[str] = ("num", "authorialNote")) -> list[Piece]:
    """The printed text of an inline container (``<p>``, ``<heading>`` ...) as pieces, references and emphasis
    kept; the text of ``skip`` children is left out."""
    out: list[Piece] = []
    skipped = set(skip)

    def add(text: str | None, target: str | None, italic: bool, bold: bool, link: str | None = None,
            raw: bool = False) -> None:
        if not text:
            return
        last = out[-1] if out else None
        if last is not None and last.target is None and target is None and not raw and not last.raw \
                and (last.italic, last.bold, last.link) == (italic, bold, link):
            last.text += text
        else:
            out.append(Piece(text, target, italic, bold, link, raw))

    def walk(node: Any, target: str | None, italic: bool, bold: bool, link: str | None = None) -> None:
        add(node.text, target, italic, bold, link)
        for child in node:
            name = _local(child)
            if name == "img":
                alt, source = child.get("alt", ""), child.get("src", "")
                add(f"![{_escape_inline(alt)}]({source})", None, False, False, raw=True)
            elif name == "br":
                add("\\\n", None, False, False, raw=True)
            elif name and name not in skipped:
                child_target, child_italic, child_bold, child_link = target, italic, bold, link
                if name == "ref":
                    href = child.get("href", "")
                    if href.startswith("#"):
                        child_target = href[1:]
                    elif href.startswith(("http://", "https://", "mailto:")):
                        child_link = href
                elif name == "i":
                    child_italic = True
                elif name == "b":
                    child_bold = True
                walk(child, child_target, child_italic, child_bold, child_link)
            add(child.tail, target, italic, bold, link)

    walk(element, None, False, False)
    return out


def plain(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces)


def strip_ending(pieces: list[Piece], ending: str) -> list[Piece]:
    """Take the generated ``ending`` off a text (the reverse of the engine's ``_end``): what remains, written
    back, gets the same ending again and shows the same characters."""
    if not ending or not pieces:
        return pieces
    pieces = [Piece(p.text, p.target, p.italic, p.bold) for p in pieces]
    last = pieces[-1]
    if not last.upright:
        return pieces  # the ending's mark was the author's, inside the emphasis: nothing was added
    before = pieces[-2] if len(pieces) > 1 else None
    text = last.text
    if before is not None and not before.upright and before.target is None and len(ending) > 1 \
            and text == ending[1:] and before.text.rstrip().endswith(ending[0]):
        return pieces[:-1]  # "*ad hoc;*" + " dan"
    if not text.endswith(ending):
        return pieces
    rest = text[: len(text) - len(ending)]
    if rest and (rest != rest.rstrip() or rest.endswith(ending[0])):
        rest += ending[0]  # the author's own mark, kept where it shows
    if rest:
        last.text = rest
        return pieces
    return pieces[:-1]


# -- the reader --------------------------------------------------------------------------------------------


@dataclass
class _Slot:
    """A text of the YAML waiting for its references: ``container[key]`` gets the markup."""

    container: Any
    key: Any
    pieces: list[Piece]
    element: Any
    markdown: bool = False
    """The element's blocks are a lampiran's or Penjelasan's Markdown."""


@dataclass
class _Target:
    node: dict
    name: str
    family: tuple
    """Elements that may be a range together share it (pasal; ayat of one Pasal; items of one list)."""


class _Problems(Exception):
    pass


@dataclass
class Reader:
    settings: Project
    catalogue: Mapping[str, LegalBasis]
    source: str
    """The file's name as shown in messages."""
    problems: list[Diagnostic] = field(default_factory=list)
    slots: list[_Slot] = field(default_factory=list)
    targets: dict[str, _Target] = field(default_factory=dict)
    families: dict[tuple, list[str]] = field(default_factory=dict)
    referenced: set[str] = field(default_factory=set)
    article_count: int = 0
    reg_name: str = ""
    printed: list[tuple[str, str]] | None = None
    catalogue_import: Any = None
    """A :class:`rancang.importer.citations.CatalogueImport` (``--katalog``): unknown Mengingat entries become
    new catalogue entries instead of S218."""
    taken: list = field(default_factory=list)
    project: Any = None
    """The project (:class:`rancang.models.ProjectData`) the document is read into: a Perubahan of one of its
    regulations is read back as its whole new text (:mod:`rancang.importer.akn_amendment`)."""
    record_id: str = ""
    """The id the regulation read will have in the project (places an amendment in its regulation's history)."""
    amends_project: str | None = None
    """The regulation of the project this Perubahan amends (a whole-text amendment)."""
    """Generated Pasal found inside the author's own BAB KETENTUAN UMUM/PENUTUP (in a Bagian or Paragraf):
    read as ``ketentuan_umum`` / ``ketentuan_penutup``, not as the group's Pasal."""

    def own(self, element: Any) -> bool:
        return not any(element is taken for taken in self.taken)

    # -- messages ------------------------------------------------------------------------

    def where(self, element: Any = None) -> Location:
        line = getattr(element, "sourceline", None) if element is not None else None
        return Location(self.source, line or 0, 1 if line else 0)

    def problem(self, code: str, message: str, element: Any = None, suggestion: str | None = None) -> None:
        """A located problem: the element's line, and (a file without line breaks has one line) which element,
        by its eId or the nearest eId above it."""
        where = _describe(element) if element is not None else ""
        self.problems.append(Diagnostic(code, f"{message} ({where})" if where else message, self.where(element),
                                        Severity.ERROR, suggestion))

    # -- the document --------------------------------------------------------------------

    def read(self, root: Any) -> dict:
        if root.tag != _q("akomaNtoso"):
            if _local(root) == "akomaNtoso":
                namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
                self.problem("Y120", "elemen akar <akomaNtoso> bukan dalam namespace Akoma Ntoso 3.0 "
                                     f"({AKN_NS}) tetapi {namespace or 'tanpa namespace'}; rancang membaca Akoma "
                                     "Ntoso 3.0", root)
            else:
                self.problem("Y120", f"bukan dokumen Akoma Ntoso 3.0: elemen akarnya <{_local(root) or root.tag}>, "
                                     f"bukan <akomaNtoso> dalam namespace {AKN_NS}", root)
            raise _Problems()
        document = next((child for child in root if _local(child) in ("act", "bill", "doc")), None)
        if document is None:
            self.problem("Y121", "dokumen Akoma Ntoso ini tidak memuat <act>, <bill>, atau <doc>; rancang hanya "
                                 "membaca peraturan dan keputusan", root)
            raise _Problems()
        data: dict[str, Any] = {}
        kind = self.kind(document)
        if kind is None:
            raise _Problems()
        words = kind_words(self.settings, kind)
        self.reg_name = words.name
        data["jenis"] = kind.value
        number, year = self.number(document, kind)
        if number is not None:
            data["nomor"] = number
            if year is not None:
                data["tahun"] = year
        data["tentang"] = ""  # in place; filled from the konsiderans' formula below
        amends = self.amended(document)
        if amends is not None:
            data["mengubah"] = amends
        if self.amends_project is not None:
            return self.read_whole_text(document, data)
        decree = kind.is_decree
        considerations, implements, title = self.preamble_considerations(document, words.making)
        data["tentang"] = title or self.fallback_title(document)
        if implements is not None:
            data["melaksanakan"] = implements
        else:
            data["menimbang"] = considerations
        data["mengingat"] = self.legal_bases(document)
        if decree:
            noted = self.noted(document)
            if noted:
                data["memperhatikan"] = noted
        closing: dict[str, Any] = {}
        if decree:
            data["diktum"] = self.dicta(document, closing)
        else:
            definitions, body = self.body(document, closing)
            if definitions:
                data["ketentuan_umum"] = definitions
            data["batang_tubuh"] = body
        if closing:
            data["ketentuan_penutup"] = closing
        enactment, promulgation = self.signatures(document, kind)
        if enactment:
            data["penetapan"] = enactment
        if promulgation:
            data["pengundangan"] = promulgation
        if decree:
            copies = self.copies(document)
            if copies:
                data["tembusan"] = copies
        explanation = self.explanation(document, promulgation)
        if explanation:
            data["penjelasan"] = explanation
            if promulgation:
                data["pengundangan"] = promulgation
        annexes = self.annexes(document)
        if annexes:
            data["lampiran"] = annexes
        self.resolve()
        self.name_targets()
        if self.problems:
            raise _Problems()
        return _compact(data)

    # -- identification and title ---------------------------------------------------------

    def kind(self, document: Any) -> RegulationKind | None:
        """From the title line (``PERATURAN WALI KOTA PAREPARE``) as each kind prints it in this region."""
        lines = self.title_lines(document)
        city = self.settings.region.kind.value == "kota"
        kinds = (RegulationKind.MAYOR if city else RegulationKind.REGENT, RegulationKind.REGIONAL,
                 RegulationKind.MAYOR_DECREE if city else RegulationKind.REGENT_DECREE)
        for kind in kinds:
            if kind_words(self.settings, kind).full_name.upper() in lines:
                return kind
        expected = ", ".join(kind_words(self.settings, kind).full_name.upper() for kind in kinds)
        preface = self.preface(document)
        self.problem("S215", f"jenis peraturan tidak dikenali dari judulnya ({' / '.join(lines) or 'judul kosong'}); "
                             f"rancang membaca peraturan dan keputusan daerah proyek ini: {expected}",
                     preface if preface is not None else document,
                     "impor berkas Akoma Ntoso di proyek daerah yang membuatnya (rancang.yaml)")
        return None

    def preface(self, document: Any) -> Any:
        return document.find("a:preface", NS)

    def title_lines(self, document: Any) -> list[str]:
        preface = self.preface(document)
        if preface is None:
            return []
        lines = []
        for element in preface.iter():
            if _local(element) in ("docType", "docNumber", "docTitle", "docStage", "p", "longTitle", "docProponent"):
                text = " ".join(plain(pieces_of(element)).split())
                if text and not any(_local(child) in ("docType", "docNumber", "docTitle", "p") for child in element):
                    lines.append(text)
        return lines

    def number(self, document: Any, kind: RegulationKind) -> tuple[int | str | None, int | None]:
        for line in self.title_lines(document):
            if not line.startswith("NOMOR "):
                continue
            rest = line[len("NOMOR "):].strip()
            if kind.is_decree:  # its year is not printed with the number: the work URI's date has it
                if rest in (ELLIPSIS, "…"):
                    return None, None
                uri = document.find("a:meta/a:identification/a:FRBRWork/a:FRBRuri", NS)
                parts = (uri.get("value", "") if uri is not None else "").split("/")
                year = next((int(part) for part in parts if re.fullmatch(r"\d{4}", part)), None)
                if year is None:
                    self.problem("S216", "tahun Keputusan tidak ditemukan di FRBRuri (/akn/.../<tahun>/<nomor>)",
                                 uri if uri is not None else document)
                return rest, year
            match = re.fullmatch(r"(\d+)\s+TAHUN\s+(\d{4})", rest)
            if match:
                return int(match.group(1)), int(match.group(2))
            return None, None
        return None, None

    def fallback_title(self, document: Any) -> str:
        lines = self.title_lines(document)
        if "TENTANG" in lines and lines.index("TENTANG") + 1 < len(lines):
            return lines[lines.index("TENTANG") + 1]
        self.problem("S216", "judul peraturan (TENTANG ...) tidak ditemukan di <preface>", document)
        return ""

    def amended(self, document: Any) -> str | None:
        """The catalogue id of the act a Perubahan amends (its change points are ``<mod>``); a Perubahan of a
        regulation of the project itself (a whole-text amendment, ``mengubah: <regulation id>``) cannot be given
        back: its YAML is the whole new text, which the AKN holds only as the changed parts."""
        mod = next(iter(document.iter(_q("mod"))), None)
        if mod is None:
            return None
        active = document.find("a:meta/a:references/a:activeRef", NS)
        if active is not None:
            for entry_id, entry in self.catalogue.items():
                if active.get("href") == catalogue_uri(entry, self.settings) \
                        or active.get("showAs") == name_of(entry, self.settings):
                    return entry_id
        if active is not None and self.project is not None:
            own = self.project_regulation(active)
            if own is not None:
                self.amends_project = own
                return own
        shown = active.get("showAs") if active is not None else "peraturan yang diubah"
        self.problem("S215", f"dokumen ini Peraturan Perubahan atas {shown}, yang tidak ada dalam kb/dasar-hukum.yaml; "
                             "rancang belum dapat membaca Perubahan atas peraturan proyek sendiri kembali menjadi "
                             "naskah utuhnya (Pasal I hanya memuat bagian yang diubah)", mod,
                     "impor peraturan yang diubah, salin berkas YAML-nya, sunting naskahnya, lalu tulis "
                     "'mengubah: <id peraturan itu>'")
        raise _Problems()

    def project_regulation(self, active: Any) -> str | None:
        """The regulation of the project an ``<activeRef>`` names: by the year and number of its FRBR work URI, or
        (a draft) by its title as printed."""
        from rancang.drafting.consolidation import amended_regulation

        href, shown = active.get("href") or "", active.get("showAs") or ""
        for record_id, regulation in sorted(self.project.regulations.items()):
            if amended_regulation(regulation, self.project.regulations) is not None or regulation.amends:
                continue
            if regulation.number is not None and regulation.year is not None \
                    and href.endswith(f"/{regulation.year}/{regulation.number}"):
                return record_id
            if regulation.title and shown.endswith(f"tentang {regulation.title}") \
                    and (regulation.number is None or f"Nomor {regulation.number} " in shown):
                return record_id
        return None

    def read_whole_text(self, document: Any, data: dict) -> dict:
        """A Perubahan of a regulation of the project: the whole new text (:mod:`rancang.importer.akn_amendment`)."""
        from rancang.importer import akn_amendment as whole
        from rancang.models.regulation import Regulation

        amended = self.amends_project
        assert amended is not None and self.project is not None
        words = kind_words(self.settings, RegulationKind(data["jenis"]))
        considerations, _implements, _title = self.preamble_considerations(document, words.making)
        base_regulation = self.project.regulations[amended]
        data["tentang"] = base_regulation.title
        data["menimbang"] = considerations
        data["mengingat"] = self.legal_bases(document, skip_last=True)
        enactment, promulgation = self.signatures(document, RegulationKind(data["jenis"]))
        provisional = whole.dump(base_regulation)
        for key in ("nomor", "tahun", "penetapan", "pengundangan", "perubahan"):
            provisional.pop(key, None)
        provisional.update({key: data[key] for key in ("nomor", "tahun") if key in data})
        provisional["mengubah"] = amended
        if enactment:
            provisional["penetapan"] = enactment
        if promulgation:
            provisional["pengundangan"] = promulgation
        record_id = self.record_id or "perubahan"
        try:
            found = whole.in_force(self.project, record_id, Regulation.model_validate(provisional))
        except ValueError:
            found = None
        body = document.find("a:body", NS)
        if found is None or body is None:
            self.problem("S215", f"naskah yang berlaku sebelum Perubahan ini tidak dapat disusun dari '{amended}'",
                         body if body is not None else document)
            raise _Problems()
        before, base = found
        text = whole.WholeText(self, before, base)
        sections = [child for child in body if _local(child) == "section"]
        items = [item for item in body.iter(_q("item")) if item.find(".//a:mod", NS) is not None]
        if not items:  # Lampiran II's single form: the lead is the instruction
            items = [mod.getparent() for mod in body.iter(_q("mod"))][:1]
        for item in items:
            mod = item.find(".//a:mod", NS)
            holder = mod if mod is not None else item
            quoted = holder.find(".//a:quotedStructure", NS)
            instruction = plain(pieces_of(holder, skip=("num", "quotedStructure")))
            if not instruction.strip() and sections:  # Lampiran II's single form: the lead is the instruction
                lead, _items, _wrap = self.text_block(sections[0], changes=True)
                instruction = plain(pieces_of(lead)) if lead is not None else ""
            try:
                lines = whole.parse_quoted(quoted, lambda p: plain(pieces_of(p)), _local) \
                    if quoted is not None else []
                text.apply(instruction, lines, holder)
            except whole.Unplaced as problem:
                self.problem("S215", f"butir perubahan tidak dapat diterapkan pada naskah '{before.record_id}': "
                                     f"{problem.message}", problem.element if problem.element is not None else item,
                             "impor naskah utuh perubahan ini dari DOCX, atau tulis naskah utuhnya sendiri")
        if base.definitions:
            data["ketentuan_umum"] = text.data.get("ketentuan_umum", [])
        data["batang_tubuh"] = text.body_data()
        closing = dict(text.data.get("ketentuan_penutup") or {})
        closing.pop("mulai_berlaku", None)
        if len(sections) >= 2:
            lead, _items, _wrap = self.text_block(sections[-1])
            when = re.search(r"mulai berlaku pada tanggal (.+)\.$", plain(pieces_of(lead)) if lead is not None else "")
            if when and when.group(1) != "diundangkan":
                date = _date(when.group(1))
                if date is not None:
                    closing["mulai_berlaku"] = date
        if closing:
            data["ketentuan_penutup"] = closing
        if enactment:
            data["penetapan"] = enactment
        if promulgation:
            data["pengundangan"] = promulgation
        self.resolve()
        for holder, key, value in text.overrides:
            holder[key] = value
        self.name_targets()
        if self.problems:
            raise _Problems()
        return _compact(data)

    # -- preamble -------------------------------------------------------------------------

    def preamble_considerations(self, document: Any, making: str) -> tuple[list, dict | None, str | None]:
        recitals = document.findall("a:preamble/a:recitals/a:recital", NS)
        if not recitals:
            self.problem("S216", "konsiderans Menimbang (<recitals>) tidak ditemukan di <preamble>", document)
            return [], None, None
        texts = [(recital, self.block_pieces(recital)) for recital in recitals]
        last_element, last = texts[-1]
        formula = re.match(rf"^bahwa (?:berdasarkan pertimbangan .*?|untuk melaksanakan ketentuan (?P<what>.+?)), "
                           rf"perlu {making} {re.escape(self.reg_name)} tentang (?P<title>.+);$", plain(last), re.S)
        if formula is None:
            self.problem("S219", "butir terakhir Menimbang bukan rumusan penutup yang dibuat rancang ('bahwa "
                                 f"berdasarkan pertimbangan ..., perlu {making} {self.reg_name} tentang ...;')",
                         last_element)
            return [], None, None
        title = formula.group("title")
        if formula.group("what") is not None and len(texts) == 1:
            return [], self.delegation(formula.group("what"), last_element), title
        considerations = []
        for recital, pieces in texts[:-1]:
            considerations.append(self.later(considerations, len(considerations), strip_ending(pieces, ";"), recital))
        return considerations, None, title

    def delegation(self, what: str, element: Any) -> dict | None:
        for entry_id, entry in self.catalogue.items():
            name = name_of(entry, self.settings)
            if what.endswith(" " + name):
                return {"id": entry_id, "pasal": what[: -len(name) - 1]}
        self.problem("S218", f"peraturan yang dilaksanakan ('{what}') tidak ada dalam kb/dasar-hukum.yaml",
                     element, "daftarkan peraturan itu di kb/dasar-hukum.yaml, lalu impor ulang")
        return None

    def citations(self) -> list[tuple[str, str]]:
        """(citation as printed without ';', id) for every catalogue entry, the longest first (made once)."""
        if self.printed is None:
            out = [(cite(entry, self.catalogue, None, self.settings), entry_id)
                   for entry_id, entry in self.catalogue.items()]
            self.printed = sorted(out, key=lambda pair: -len(pair[0]))
        return self.printed

    def match_citation(self, text: str) -> tuple[str, str | None] | None:
        """``Pasal 18 ayat (6) Undang-Undang ...`` -> (id, "Pasal 18 ayat (6)")."""
        for printed, entry_id in self.citations():
            if text == printed:
                return entry_id, None
            article = text[: -len(printed) - 1]
            if text.endswith(" " + printed) and re.match(r"^Pasal \S", article) and " tentang " not in article:
                return entry_id, article
        return None

    def legal_bases(self, document: Any, *, skip_last: bool = False) -> list:
        """``skip_last``: the last entry is the amended regulation's citation, which rancang writes itself."""
        out: list = []
        found_citations = document.findall("a:preamble/a:citations[@eId='cits']/a:citation", NS) or [
            c for c in document.findall("a:preamble/a:citations/a:citation", NS)
            if c.getparent().get("name") != "memperhatikan"]
        for citation in found_citations[:-1] if skip_last else found_citations:
            text = plain(self.block_pieces(citation)).strip()
            text = text[:-1] if text.endswith(";") else text
            found = self.match_citation(text)
            if found is None and self.catalogue_import is not None:
                found = self.new_legal_basis(text)
            if found is None:
                self.problem("S218", f"dasar hukum Mengingat tidak ada dalam kb/dasar-hukum.yaml: '{text}'", citation,
                             "daftarkan peraturan itu di kb/dasar-hukum.yaml, atau impor dengan --katalog agar "
                             "rancang menambahkannya dari kutipan ini, lalu impor ulang")
                continue
            entry_id, article = found
            out.append({"id": entry_id, "pasal": article} if article else entry_id)
        if not out and not self.problems:
            self.problem("S216", "dasar hukum Mengingat (<citations>) tidak ditemukan di <preamble>", document)
        return out

    def new_legal_basis(self, text: str) -> tuple[str, str | None] | None:
        """``--katalog``: a Mengingat entry the catalogue does not know, read from its citation and added as a new
        entry (``terkonfirmasi: false``), as the text import does."""
        assert self.catalogue_import is not None
        parsed = citations.parse_citation(text)
        if parsed is None:
            return None
        resolution = self.catalogue_import.resolve(parsed)
        if resolution.id is None:
            return None
        return resolution.id, resolution.article

    def noted(self, document: Any) -> list:
        """A Keputusan's Memperhatikan: ``<citations name="memperhatikan">``, its entries' ``;`` taken off."""
        out: list = []
        for entry in document.findall("a:preamble/a:citations[@name='memperhatikan']/a:citation", NS):
            out.append(self.later(out, len(out), strip_ending(self.block_pieces(entry), ";"), entry))
        return out

    # -- body -----------------------------------------------------------------------------

    def body(self, document: Any, closing: dict) -> tuple[list, list]:
        body = document.find("a:body", NS)
        if body is None:
            self.problem("S216", "batang tubuh (<body>) tidak ditemukan", document)
            return [], []
        units = [child for child in body if _local(child) in ("chapter", "section")]
        if not units:
            self.problem("S216", "batang tubuh tidak memuat BAB (<chapter>) atau Pasal (<section>)", body)
            return [], []
        grouped = _local(units[0]) == "chapter"
        definitions: list = []
        out: list = []
        if grouped:
            chapters = [u for u in units if _local(u) == "chapter"]
            for index, chapter in enumerate(chapters):
                node = self.chapter(chapter, index + 1, definitions, closing,
                                    first=index == 0, last=index == len(chapters) - 1)
                if node is not None:
                    out.append(node)
        else:
            sections = [u for u in units if _local(u) == "section"]
            sections = self.take_definitions(sections, definitions)
            sections = self.take_closing(sections, closing)
            out = [self.article(section) for section in sections]
        if not out:
            self.problem("S216", "batang tubuh tidak memuat pasal selain yang dibuat rancang sendiri (Ketentuan Umum "
                                 "dan Ketentuan Penutup)", body)
        return definitions, out

    def heading(self, element: Any) -> str:
        heading = element.find("a:heading", NS)
        return plain(pieces_of(heading)) if heading is not None else ""

    def chapter(self, chapter: Any, number: int, definitions: list, closing: dict, *, first: bool, last: bool
                ) -> dict | None:
        title = self.heading(chapter)
        anchor = f"bab-{number}"
        children = [child for child in chapter if _local(child) in ("part", "section")]
        if first and _standard_heading(title) == GENERAL_PROVISIONS:
            children = self.take_definitions(children, definitions)
        if last and _standard_heading(title) == CLOSING_PROVISIONS:
            children = self.take_closing_grouped(children, closing)
        if not children:
            return None  # generated by rancang
        node: dict = {"bab": title, "isi": []}
        self.target(chapter, node, anchor, ("bab",))
        parts = 0
        for child in children:
            if _local(child) == "part":
                parts += 1
                node["isi"].append(self.part(child, f"{anchor}-bagian-{parts}"))
            else:
                node["isi"].append(self.article(child))
        return node

    def part(self, part: Any, anchor: str) -> dict:
        node: dict = {"bagian": self.heading(part), "isi": []}
        self.target(part, node, anchor, ("bagian",))
        divisions = 0
        for child in part:
            if _local(child) == "subpart":
                divisions += 1
                division_anchor = f"{anchor}-paragraf-{divisions}"
                division: dict = {"paragraf": self.heading(child), "isi": []}
                self.target(child, division, division_anchor, ("paragraf",))
                division["isi"] = [self.article(s) for s in child if _local(s) == "section" and self.own(s)]
                node["isi"].append(division)
            elif _local(child) == "section" and self.own(child):
                node["isi"].append(self.article(child))
        return node

    def take_definitions(self, children: list, definitions: list) -> list:
        """Ketentuan Umum: the first Pasal, when it opens with rancang's lead and defines terms (in the author's
        own BAB KETENTUAN UMUM, the first Pasal of its first Bagian or Paragraf when it is divided); it is taken
        out of the group that holds it."""
        holder = None
        inner = children
        while inner and _local(inner[0]) in ("part", "subpart"):
            holder = inner[0]
            inner = [child for child in holder if _local(child) in ("subpart", "section")]
        if not inner or _local(inner[0]) != "section":
            return children
        section = inner[0]
        lead, items, _closing = self.text_block(section)
        if lead is None or not re.fullmatch(rf"Dalam {re.escape(self.reg_name)} ini yang dimaksud dengan:",
                                            plain(pieces_of(lead)).strip()) or not items:
            return children
        self.article_count += 1
        number = self.article_count
        self.families.setdefault(("pasal",), [])
        for index, item in enumerate(items, start=1):
            definition = self.definition(item, number, index)
            if definition is not None:
                definitions.append(definition)
        if holder is None:
            return children[1:]
        self.taken.append(section)
        return children

    def definition(self, item: Any, article: int, index: int) -> dict | None:
        text_element, _items, _wrap = self.text_block(item)
        defined = text_element.find(".//a:def", NS) if text_element is not None else None
        if text_element is None or defined is None:
            self.problem("S215", "butir Ketentuan Umum tanpa istilah <def>: setiap butir Pasal 1 rancang berbunyi "
                                 "'<def>Istilah</def> adalah ...'", item)
            return None
        term = plain(pieces_of(defined))
        pieces = pieces_of(text_element)
        shown = plain(pieces)
        head = re.match(rf"^{re.escape(term)}(?: yang selanjutnya (?P<how>disingkat|disebut) (?P<alias>.+?))? adalah ",
                        shown, re.S)
        if head is None:
            self.problem("S215", f"butir Ketentuan Umum '{term}' tidak berbentuk 'Istilah [yang selanjutnya disingkat/"
                                 f"disebut ...] adalah ...'", item)
            return None
        node: dict = {"istilah": term}
        if head.group("how"):
            node[head.group("how")] = head.group("alias")
        meaning = _drop_chars(pieces, head.end())
        node["arti"] = self.later(node, "arti", strip_ending(meaning, "."), text_element)
        self.target(item, node, f"pasal-{article}-angka-{index}", ("istilah", article))
        return node

    def closing_texts(self, sections: list) -> tuple[list, dict | None]:
        """The generated revocation and commencement Pasal at the end of ``sections``: the author's Pasal before
        them and the ``ketentuan_penutup`` they say."""
        if not sections or _local(sections[-1]) != "section":
            self.problem("S216", f"pasal terakhir bukan pasal saat mulai berlaku yang dibuat rancang ('{self.reg_name} "
                                 "ini mulai berlaku ...')", sections[-1] if sections else None)
            return sections, None
        closing: dict[str, Any] = {}
        last = sections[-1]
        lead, _items, _closing = self.text_block(last)
        text = plain(pieces_of(lead)).strip() if lead is not None else ""
        match = re.fullmatch(rf"{re.escape(self.reg_name)} ini mulai berlaku pada tanggal (?P<when>.+)\.", text)
        if match is None:
            self.problem("S219", f"pasal terakhir bukan pasal saat mulai berlaku yang dibuat rancang ('{self.reg_name} "
                                 f"ini mulai berlaku pada tanggal diundangkan.')", last)
            return sections, None
        when = match.group("when")
        if when not in ("diundangkan", "ditetapkan"):
            date = _date(when)
            if date is None or len(date) != 10:
                self.problem("S219", f"tanggal mulai berlaku '{when}' tidak terbaca (misalnya '1 Januari 2026')", last)
            else:
                closing["mulai_berlaku"] = date
        rest = sections[:-1]
        revoked = self.revocation(rest[-1]) if rest and _local(rest[-1]) == "section" else None
        if revoked:
            closing["mencabut"] = revoked
            rest = rest[:-1]
        return rest, closing

    def take_closing(self, sections: list, closing: dict) -> list:
        rest, said = self.closing_texts(sections)
        closing.update(said or {})
        return rest

    def take_closing_grouped(self, children: list, closing: dict) -> list:
        """In the author's own BAB KETENTUAN PENUTUP: the generated Pasal are the last ones of its last Bagian
        (or of that one's last Paragraf) when it is divided; they are taken out of the group that holds them."""
        holder = None
        inner = children
        while inner and _local(inner[-1]) in ("part", "subpart"):
            holder = inner[-1]
            inner = [child for child in holder if _local(child) in ("subpart", "section")]
        rest, said = self.closing_texts(inner)
        closing.update(said or {})
        if holder is None:
            return rest
        self.taken.extend(inner[len(rest):])
        return children

    def revocation(self, section: Any) -> list[str] | None:
        lead, items, wrap = self.text_block(section)
        if lead is None:
            return None
        text = plain(pieces_of(lead)).strip()
        opening = f"Pada saat {self.reg_name} ini mulai berlaku"
        if not text.startswith(opening):
            return None
        names: list[str] = []
        if items:
            for index, item in enumerate(items, start=1):
                item_text = plain(self.block_pieces(item)).strip()
                ending = "," if index == len(items) else ("; dan" if index == len(items) - 1 else ";")
                names.append(item_text[: -len(ending)] if item_text.endswith(ending) else item_text)
        else:
            match = re.fullmatch(rf"{re.escape(opening)}, (?P<name>.+) dicabut dan dinyatakan tidak berlaku\.", text)
            if match is None:
                return None
            names.append(match.group("name"))
        ids = []
        for name in names:
            found = self.match_citation(name)
            if found is None or found[1] is not None:
                self.problem("S218", f"peraturan yang dicabut tidak ada dalam kb/dasar-hukum.yaml: '{name}'", section,
                             "daftarkan peraturan itu di kb/dasar-hukum.yaml, lalu impor ulang")
                continue
            ids.append(found[0])
        return ids

    def article(self, section: Any) -> dict:
        self.article_count += 1
        number = self.article_count
        anchor = f"pasal-{number}"
        node: dict = {}
        self.target(section, node, anchor, ("pasal",))
        subsections = [child for child in section if _local(child) == "subsection"]
        changes = self.changes(section)
        if changes is not None:
            lead, _items, _closing = self.text_block(section, changes=True)
            if lead is not None:
                pieces = pieces_of(lead)
                if not re.fullmatch(r"Beberapa ketentuan dalam .+ diubah sebagai berikut:", plain(pieces)):
                    node["teks"] = self.later(node, "teks", pieces, lead)
            node["perubahan"] = changes
            return node
        if subsections:
            node["ayat"] = []
            for index, subsection in enumerate(subsections, start=1):
                clause: dict = {}
                self.target(subsection, clause, f"{anchor}-ayat-{index}", ("ayat", number))
                self.clause(subsection, clause, f"{anchor}-ayat-{index}", number)
                node["ayat"].append(clause)
            return node
        self.clause(section, node, anchor, number)
        return node

    def changes(self, section: Any) -> list | None:
        """An amending Pasal I: its change points (``<item>`` of a list whose items hold ``<mod>``)."""
        items = [item for item in section.iter(_q("item")) if item.find(".//a:mod", NS) is not None
                 or item.find(".//a:quotedStructure", NS) is not None or item.get("class") == "perubahan"]
        if not items:
            return None
        out = []
        for item in items:
            change: dict = {}
            holder = item.find(".//a:mod", NS)
            holder = holder if holder is not None else item.find("a:p", NS)
            quoted = holder.find(".//a:quotedStructure", NS) if holder is not None else None
            if quoted is None:
                quoted = item.find(".//a:quotedStructure", NS)
            if quoted is not None:
                quoted_lines = []
                for block in quoted.iter():
                    if _local(block) in ("p", "heading", "num") and not any(_local(c) in ("p",) for c in block):
                        quoted_lines.append(self.markup(pieces_of(block, skip=()), block))
                change_text = pieces_of(holder, skip=("num", "quotedStructure")) if holder is not None else []
                change["teks"] = self.later(change, "teks", _trim(change_text), holder)
                change["naskah"] = "\n".join(line for line in quoted_lines if line.strip())
            else:
                text_element = holder if holder is not None else item
                change["teks"] = self.later(change, "teks", pieces_of(text_element), text_element)
            out.append(change)
        return out

    def clause(self, element: Any, node: dict, anchor: str, article: int, *, ending: str = "") -> None:
        """The text of a Pasal of one norm, an ayat, a diktum: lead, rincian, closing."""
        lead, items, wrap = self.text_block(element)
        if lead is None:
            self.problem("S216", "teks pasal atau ayat tidak ditemukan", element)
            node["teks"] = ""
            return
        pieces = pieces_of(lead)
        if not items:
            node["teks"] = self.later(node, "teks", strip_ending(pieces, ending), lead)
            return
        node["teks"] = self.later(node, "teks", pieces, lead)
        final = "," if wrap is not None else (ending or ".")
        node["rincian"] = self.rincian(items, wrap, 1, final, anchor, "")

    def rincian(self, items: list, wrap: Any, depth: int, final: str, anchor: str, outer_ending: str) -> dict:
        """A list: its kind from the second-to-last item's conjunction, every item's generated ending taken off
        (``final`` on the last item; ``outer_ending`` on the closing words, which continue the sentence of the
        text the list is in: nothing after a Pasal's or diktum's, the item's own ending after an item's)."""
        kind = "kumulatif"
        if len(items) >= 2:
            holder = self.ending_holder(items[-2])
            shown = plain(pieces_of(holder)).rstrip() if holder is not None else ""
            for conjunction, name in CONJUNCTION_KIND:
                if shown.endswith(f"; {conjunction}"):
                    kind = name
                    break
            else:
                self.problem("S219", "butir kedua terakhir rincian tidak diakhiri '; dan', '; atau', atau '; dan/atau'",
                             items[-2])
        else:
            self.problem("S215", "rincian berisi satu butir; rincian rancang memuat minimal dua butir", items[0])
        conjunction = dict((name, c) for c, name in CONJUNCTION_KIND)[kind]
        node: dict = {"sifat": kind, "butir": []}
        for index, item in enumerate(items, start=1):
            ending = final if index == len(items) else (f"; {conjunction}" if index == len(items) - 1 else ";")
            point: dict = {}
            label = numbering.point_reference(depth, index).replace(" ", "-").replace(")", "")
            point_anchor = f"{anchor}-{label}"
            self.target(item, point, point_anchor, ("butir", point_anchor.rsplit("-", 2)[0], depth))
            lead, sub_items, sub_wrap = self.text_block(item)
            if lead is None:
                self.problem("S216", "teks butir rincian tidak ditemukan", item)
                point["teks"] = ""
            elif sub_items:
                point["teks"] = self.later(point, "teks", pieces_of(lead), lead)
                point["rincian"] = self.rincian(sub_items, sub_wrap, depth + 1,
                                                "," if sub_wrap is not None else ending, point_anchor, ending)
            else:
                point["teks"] = self.later(point, "teks", strip_ending(pieces_of(lead), ending), lead)
            node["butir"].append(point)
        if wrap is not None:
            node["penutup"] = self.later(node, "penutup", strip_ending(pieces_of(wrap), outer_ending or ""), wrap)
        return node

    def ending_holder(self, item: Any) -> Any:
        """The text that carries an item's ending: its own, or (with a rincian) its closing words or its last
        item's."""
        lead, items, wrap = self.text_block(item)
        if not items:
            return lead
        if wrap is not None:
            return wrap
        return self.ending_holder(items[-1])

    # -- element shapes -------------------------------------------------------------------

    def text_block(self, element: Any, changes: bool = False) -> tuple[Any, list, Any]:
        """(lead, items, closing words) of a Pasal of one norm, an ayat, a list item or a diktum: a ``<p>``, or a
        ``<blockList>`` with its ``<listIntroduction>``, ``<item>`` and ``<listWrapUp>`` (also ``<intro>`` /
        ``<wrapUp>`` around it)."""
        containers = [element] + [child for child in element if _local(child) in ("content", "intro", "wrapUp")]
        lead = items = wrap = None
        block_list = None
        for container in containers:
            for child in container:
                name = _local(child)
                if name == "blockList" and block_list is None:
                    block_list = child
        if block_list is not None:
            intro = block_list.find("a:listIntroduction", NS)
            items = [child for child in block_list if _local(child) == "item"]
            wrap = block_list.find("a:listWrapUp", NS)
            lead = intro
        if lead is None:
            for container in containers:
                if _local(container) == "wrapUp" and block_list is not None:
                    continue
                found = container.find("a:p", NS)
                if found is not None:
                    lead = found
                    break
        if wrap is None and block_list is not None:
            outer = element.find("a:wrapUp/a:p", NS)
            wrap = outer
        if changes:
            return lead, [], None
        return lead, items or [], wrap

    def block_pieces(self, element: Any) -> list[Piece]:
        """The text of a recital, citation or item: its ``<p>`` (or the element itself)."""
        paragraphs = element.findall(".//a:p", NS)
        if not paragraphs:
            return _trim(pieces_of(element))
        out: list[Piece] = []
        for paragraph in paragraphs:
            out.extend(pieces_of(paragraph))
        return out

    # -- Keputusan ----------------------------------------------------------------------------

    def dicta(self, document: Any, closing: dict) -> list:
        main = document.find("a:mainBody", NS)
        if main is None:
            main = document.find("a:body", NS)
        dicta = [c for c in (main.iter(_q("hcontainer")) if main is not None else []) if c.get("name") == "diktum"]
        if not dicta:
            self.problem("S216", "diktum Keputusan (<hcontainer name=\"diktum\">) tidak ditemukan", document)
            return []
        last = dicta[-1]
        lead, _items, _wrap = self.text_block(last)
        text = plain(pieces_of(lead)).strip() if lead is not None else ""
        match = re.fullmatch(rf"{re.escape(self.reg_name)} ini mulai berlaku pada tanggal (?P<when>.+)\.", text)
        if match is None:
            self.problem("S219", f"diktum terakhir bukan diktum saat mulai berlaku yang dibuat rancang "
                                 f"('{self.reg_name} ini mulai berlaku pada tanggal ditetapkan.')", last)
        elif match.group("when") != "ditetapkan":
            date = _date(match.group("when"))
            if date is None or len(date) != 10:
                self.problem("S219", f"tanggal mulai berlaku '{match.group('when')}' tidak terbaca", last)
            else:
                closing["mulai_berlaku"] = date
        own = dicta[:-1]
        if own:
            revoked = self.revocation(own[-1])
            if revoked:
                closing["mencabut"] = revoked
                own = own[:-1]
        out = []
        for index, dictum in enumerate(own, start=1):
            node: dict = {}
            anchor = f"diktum-{numbering.ordinal(index).lower().replace(' ', '-')}"
            self.target(dictum, node, anchor, ("diktum",))
            self.clause(dictum, node, anchor, 0, ending=".")
            out.append(node)
        return out

    def copies(self, document: Any) -> list:
        """Tembusan: ``<blockContainer class="tembusan">``, its lines after ``Tembusan:``, endings taken off."""
        out: list = []
        for block in document.findall("a:conclusions/a:blockContainer", NS):
            if block.get("class") != "tembusan":
                continue
            lines = [plain(pieces_of(p)) for p in block.findall("a:p", NS)]
            lines = [line for line in lines if line and line != "Tembusan:"]
            for index, text in enumerate(lines, start=1):
                out.append(plain(strip_ending([Piece(text)], "." if index == len(lines) else ";")))
        return out

    # -- signatures -----------------------------------------------------------------------

    def signatures(self, document: Any, kind: RegulationKind) -> tuple[dict, dict]:
        """Place, date and signatory of the Ditetapkan and Diundangkan blocks, and the gazette lines; what rancang
        would write by itself (the region's capital, the names in rancang.yaml) is left out."""
        conclusions = document.find("a:conclusions", NS)
        enactment: dict = {}
        promulgation: dict = {}
        if conclusions is None:
            self.problem("S216", "penutup (<conclusions>) dengan blok Ditetapkan tidak ditemukan", document)
            return enactment, promulgation
        place = self.settings.region.capital or self.settings.region.name
        blocks = {"penetapan": (enactment, "Ditetapkan di ", self.settings.head.name),
                  "pengundangan": (promulgation, "Diundangkan di ", self.settings.secretary.name)}
        for block in conclusions.findall("a:blockContainer", NS):
            if block.get("class") not in blocks:
                continue
            target, opening, default_name = blocks[block.get("class")]
            texts = [plain(pieces_of(p)) for p in block.findall("a:p", NS)]
            given = next((t[len(opening):] for t in texts if t.startswith(opening)), None)
            if given is not None and given != place:
                target["tempat"] = given
            when = next((t[len("pada tanggal "):] for t in texts if t.startswith("pada tanggal ")), None)
            date = _date(when) if when is not None else None
            if date is not None:
                target["tanggal"] = date
            person = block.find(".//a:signature/a:person", NS)
            name = plain(pieces_of(person)) if person is not None else ""
            if name and name != ELLIPSIS and name != (default_name or "").upper():
                target["penanda_tangan"] = name
        for line in conclusions.findall("a:p", NS):
            text = " ".join(plain(pieces_of(line)).split())
            if line.get("class") == "lembaran":
                match = re.search(r"TAHUN (\S+) NOMOR (\S+)$", text)
                if match:
                    year, number = match.group(1), match.group(2)
                    regional = kind is RegulationKind.REGIONAL
                    if number.isdigit():
                        promulgation["nomor_lembaran_daerah" if regional else "nomor_berita_daerah"] = int(number)
                    promulgated = promulgation.get("tanggal")
                    if year.isdigit() and not (promulgated and promulgated.startswith(year)):
                        promulgation["tahun_lembaran_daerah" if regional else "tahun_berita_daerah"] = int(year)
            elif line.get("class") == "noreg" and ": " in text:
                promulgation["noreg"] = text.split(": ", 1)[1]
        return enactment, promulgation

    # -- Penjelasan -------------------------------------------------------------------------

    def explanation(self, document: Any, promulgation: dict) -> dict | None:
        """A Perda's Penjelasan: I. UMUM as Markdown, and every element of II. PASAL DEMI PASAL that says more
        than 'Cukup jelas.' (or whose ayat or butir are explained) as ``rujukan`` + ``teks``."""
        attachments = document.find("a:attachments", NS)
        doc = None
        if attachments is not None:
            doc = next((d for a in attachments if _local(a) == "attachment" for d in a
                        if _local(d) == "doc" and d.get("name") == "penjelasan"), None)
        if doc is None:
            return None
        main = doc.find("a:mainBody", NS)
        node: dict = {"umum": "", "pasal": []}
        general = next((h for h in main if h.get("name") == "umum"), None) if main is not None else None
        if general is not None:
            self.slots.append(_Slot(node, "umum", [], general, markdown=True))
        articles = next((h for h in main if h.get("name") == "pasalDemiPasal"), None) if main is not None else None
        if articles is not None:
            body = document.find("a:body", NS)
            sections = list(body.iter(_q("section"))) if body is not None else []
            explained = [item for item in articles if _local(item) == "hcontainer"]
            if len(explained) != len(sections):
                self.problem("S215", f"Penjelasan Pasal demi Pasal memuat {len(explained)} pasal, batang tubuh "
                                     f"{len(sections)}; setiap pasal dijelaskan sekali, berurutan", articles)
            for item, section in zip(explained, sections):
                self.explained(item, section, node["pasal"])
        if not node["pasal"]:
            del node["pasal"]
        supplement = main.find("a:p[@class='tambahan']", NS) if main is not None else None
        if supplement is not None:
            match = re.search(r"NOMOR (\d+)$", " ".join(plain(pieces_of(supplement)).split()))
            if match:
                promulgation["nomor_tambahan_lembaran_daerah"] = int(match.group(1))
        return node

    def explained(self, item: Any, element: Any, out: list) -> None:
        """One element of II. PASAL DEMI PASAL and the body element it explains (by position: a Pasal, then its
        ayat, or the items of its rincian)."""
        children = [child for child in item if _local(child) == "hcontainer"]
        text_holder = item.find("a:intro", NS) if children else item.find("a:content", NS)
        given = text_holder is not None and (bool(children) or
                                             " ".join(plain(pieces_of(text_holder)).split()) != "Cukup jelas.")
        if given:
            eid = element.get("eId", "")
            if eid not in self.targets:
                self.problem("S217", f"unsur yang dijelaskan ('{eid or element.findtext('a:num', '', NS)}') tidak "
                                     "dapat dirujuk dari Penjelasan", item)
            else:
                entry = {"rujukan": self.refer(eid), "teks": ""}
                self.slots.append(_Slot(entry, "teks", [], text_holder, markdown=True))
                out.append(entry)
        below = self.explainable(element)
        if children and len(children) != len(below):
            self.problem("S215", "unsur Penjelasan tidak sejajar dengan ayat atau butir pasal yang dijelaskannya", item)
            return
        for child, target in zip(children, below):
            self.explained(child, target, out)

    def explainable(self, element: Any) -> list:
        """What Penjelasan lists under a Pasal, ayat or item: its ayat, else the items of its rincian."""
        subsections = [child for child in element if _local(child) == "subsection"]
        if subsections:
            return subsections
        _lead, items, _wrap = self.text_block(element)
        return items

    # -- lampiran -------------------------------------------------------------------------

    def annexes(self, document: Any) -> list:
        out: list = []
        attachments = document.find("a:attachments", NS)
        if attachments is None:
            return out
        annexes = [a for a in attachments if _local(a) == "attachment"
                   and any(d.get("name") == "lampiran" for d in a if _local(d) == "doc")]
        for index, attachment in enumerate(annexes, start=1):
            doc = next(d for d in attachment if _local(d) == "doc")
            anchor = "lampiran" if len(annexes) == 1 else f"lampiran-{index}"
            node: dict = {}
            self.target(attachment, node, anchor, ("lampiran",))
            title = ""
            for element in doc.iter(_q("docTitle")):
                title = " ".join(plain(pieces_of(element)).split())
            node["judul"] = title
            main = doc.find("a:mainBody", NS)
            if main is not None and self.has_content(main):
                node["isi"] = ""
                self.slots.append(_Slot(node, "isi", [], main, markdown=True))
            chart = main.find("a:blockContainer[@class='bagan']/a:blockList/a:item", NS) if main is not None else None
            if chart is not None:
                node["bagan"] = self.unit(chart)
            elif main is not None and main.find("a:p[@class='bagan']", NS) is not None:
                self.problem("S215", "bagan susunan organisasi lampiran tidak dimuat utuh dalam berkas Akoma Ntoso "
                                     "(hanya nama unit teratasnya), jadi tidak dapat dibaca kembali",
                             main.find("a:p[@class='bagan']", NS), "salin 'bagan' dari berkas YAML asalnya")
            out.append(node)
        return out

    def unit(self, item: Any) -> dict:
        """A unit of an organisation chart: ``<item>`` (``class="staf"``) with its name, its note
        (``<p class="keterangan">``) and the units under it (a nested ``<blockList>``)."""
        paragraphs = item.findall("a:p", NS)
        name = next((plain(pieces_of(p)) for p in paragraphs if p.get("class") is None), "")
        node: dict = {"nama": name}
        note = next((plain(pieces_of(p)) for p in paragraphs if p.get("class") == "keterangan"), None)
        if note is not None:
            node["keterangan"] = note
        if item.get("class") == "staf":
            node["staf"] = True
        below = item.find("a:blockList", NS)
        if below is not None:
            node["bawahan"] = [self.unit(child) for child in below if _local(child) == "item"]
        if not name:
            self.problem("S216", "unit bagan tanpa nama", item)
        return node

    # -- references -----------------------------------------------------------------------

    def target(self, element: Any, node: dict, name: str, family: tuple) -> None:
        eid = element.get("eId")
        if eid:
            self.targets[eid] = _Target(node, name, family)
            self.families.setdefault(family, []).append(eid)

    def later(self, container: Any, key: Any, pieces: list[Piece], element: Any) -> str:
        self.slots.append(_Slot(container, key, pieces, element))
        return ""

    def resolve(self) -> None:
        for slot in self.slots:
            if slot.markdown:
                slot.container[slot.key] = self.markdown(slot.element)
            else:
                slot.container[slot.key] = self.markup(slot.pieces, slot.element)

    # -- Markdown (lampiran, Penjelasan) ----------------------------------------------------

    @staticmethod
    def has_content(element: Any) -> bool:
        blocks = [child for child in element if _local(child) and child.get("class") not in ("bagan", "tambahan")]
        return not (len(blocks) == 1 and _local(blocks[0]) == "p" and not len(blocks[0])
                    and not (blocks[0].text or "").strip()) and bool(blocks)

    def markdown(self, element: Any, skip: tuple[str, ...] = ("num", "heading", "intro")) -> str:
        """The Markdown of the blocks of ``element`` as the writer maps rancang's rich text: ``p`` (a heading:
        ``class="judul-N"``), ``blockList`` (numbered items: an ordered list), ``table``, ``blockContainer``
        ``class="kutipan"`` (a quote)."""
        blocks: list[str] = []
        for child in element:
            name = _local(child)
            if not name or name in skip or child.get("class") in ("bagan", "tambahan"):
                continue
            text = self.markdown_block(child)
            if text is not None:
                blocks.append(text)
        return "\n\n".join(block for block in blocks if block)

    def markdown_block(self, block: Any) -> str | None:
        name = _local(block)
        if name == "p":
            text = self.markup(pieces_of(block, skip=()), block, markdown=True)
            level = re.fullmatch(r"judul-(\d)", block.get("class") or "")
            return f"{'#' * int(level.group(1))} {text}" if level else text
        if name == "content":
            return self.markdown(block)
        if name == "blockList":
            items = [child for child in block if _local(child) == "item"]
            lines = []
            for index, item in enumerate(items):
                num = item.find("a:num", NS)
                marker = (num.text or "").strip() if num is not None else "-"
                inner = self.markdown(item, skip=("num",))
                indent = " " * (len(marker) + 1)
                body = "\n".join((indent + line) if line and position else line
                                  for position, line in enumerate(inner.split("\n")))
                lines.append(f"{marker} {body}".rstrip())
            return "\n".join(lines)
        if name == "table":
            rows = []
            header = None
            for row in (child for child in block if _local(child) == "tr"):
                cells = [child for child in row if _local(child) in ("th", "td")]
                texts = [" ".join(self.markdown(cell).split()) for cell in cells]
                if header is None and cells and all(_local(cell) == "th" for cell in cells):
                    header = texts
                else:
                    rows.append(texts)
            if header is None:
                header = [""] * (len(rows[0]) if rows else 1)
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            return "\n".join(lines)
        if name == "blockContainer" and block.get("class") == "kutipan":
            return "\n".join(f"> {line}".rstrip() for line in self.markdown(block).split("\n"))
        return None

    def markup(self, pieces: list[Piece], element: Any, markdown: bool = False) -> str:
        """The YAML text of printed pieces: references as ``[[...]]``, emphasis as ``*...*``; ``markdown``: a
        lampiran's or Penjelasan's Markdown (its special characters escaped, links and images written)."""
        tokens: list[tuple[str, str, int]] = []  # (kind "text"/"markup", value, style)
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            style = (1 if piece.italic else 0) | (2 if piece.bold else 0)
            if piece.raw:
                tokens.append(("markup", piece.text, style))
                index += 1
                continue
            if piece.link is not None:
                tokens.append(("markup", f"[{_escape_inline(piece.text)}]({piece.link})", style))
                index += 1
                continue
            if piece.target is None:
                tokens.append(("text", piece.text, style))
                index += 1
                continue
            run = [piece]
            links: list[str] = []
            end = index + 1
            while end + 1 < len(pieces) and pieces[end].target is None and pieces[end + 1].target is not None \
                    and pieces[end].text in (*SEPARATORS, RANGE):
                links.append(pieces[end].text)
                run.append(pieces[end + 1])
                end += 2
            lead = None
            if tokens and tokens[-1][0] == "text" and tokens[-1][2] == style:
                for candidate in REFERENCE_LEADS:
                    if tokens[-1][1].endswith(candidate):
                        lead = candidate
                        break
            missing = [p.target for p in run if p.target not in self.targets]
            if missing:
                self.problem("S217", f"rujukan <ref href=\"#{missing[0]}\"> menunjuk eId yang tidak ada dalam dokumen "
                                     "ini", element)
                tokens.append(("text", plain(run), style))
                index = end
                continue
            if lead is None:
                for position, ref in enumerate(run):
                    if position:
                        tokens.append(("text", links[position - 1], style))
                    tokens.append(("markup", f"[[#{self.refer(ref.target)}]]", style))
                index = end
                continue
            kind, value, previous_style = tokens[-1]
            tokens[-1] = (kind, value[: -len(lead)], previous_style)
            ids = [run[0].target]
            if len(run) == 2 and links == [RANGE]:
                inner = f"{self.refer(run[0].target)} sampai {self.refer(run[1].target)}"
            else:
                for position, link in enumerate(links, start=1):
                    if link == RANGE:
                        ids.extend(self.between(run[position - 1].target, run[position].target))
                    ids.append(run[position].target)
                inner = ", ".join(self.refer(eid) for eid in ids)
            tokens.append(("markup", f"[[{inner}]]", style))
            index = end
        out = []
        marks = {0: "", 1: "*", 2: "**", 3: "***"}
        position = 0
        while position < len(tokens):
            style = tokens[position][2]
            chunk = []
            while position < len(tokens) and tokens[position][2] == style:
                kind, value, _style = tokens[position]
                if kind != "text":
                    chunk.append(value)
                elif markdown:
                    chunk.append(_escape_inline(value))
                else:
                    chunk.append(value.replace("*", "\\*"))
                position += 1
            out.append(marks[style] + "".join(chunk) + marks[style])
        text = "".join(out)
        return _escape_line_start(text) if markdown else text

    def between(self, first: str, last: str) -> list[str]:
        family = self.families.get(self.targets[first].family, [])
        if first in family and last in family:
            return family[family.index(first) + 1: family.index(last)]
        return []

    def refer(self, eid: str) -> str:
        self.referenced.add(eid)
        return self.targets[eid].name

    def name_targets(self) -> None:
        for eid in self.referenced:
            target = self.targets[eid]
            node = target.node
            items = list(node.items())
            node.clear()
            node["id"] = target.name
            node.update(items)


# -- helpers ------------------------------------------------------------------------------------------------


def _describe(element: Any) -> str:
    """``<section eId="chp_II__sec_5">``, or ``<p> dalam <section eId="...">``: where an element is."""
    name = _local(element)
    if element.get("eId"):
        return f'di <{name} eId="{element.get("eId")}">'
    parent = element.getparent()
    while parent is not None and not parent.get("eId"):
        parent = parent.getparent()
    if parent is None:
        names = [_local(a) for a in reversed(list(element.iterancestors()))] + [name]
        return "di <" + "/".join(names) + ">"
    return f'<{name}> di <{_local(parent)} eId="{parent.get("eId")}">'


def _standard_heading(title: str) -> str:
    """A BAB's title as the engine compares it with KETENTUAN UMUM and KETENTUAN PENUTUP."""
    return " ".join(title.upper().split()).rstrip(".,;:!? ")


def _drop_chars(pieces: list[Piece], count: int) -> list[Piece]:
    out = []
    for piece in pieces:
        if count >= len(piece.text):
            count -= len(piece.text)
            continue
        out.append(Piece(piece.text[count:], piece.target, piece.italic, piece.bold))
        count = 0
    return out


def _trim(pieces: list[Piece]) -> list[Piece]:
    if pieces and pieces[0].upright:
        pieces[0] = Piece(pieces[0].text.lstrip())
    if pieces and pieces[-1].upright:
        pieces[-1] = Piece(pieces[-1].text.rstrip())
    return [p for p in pieces if p.text]


def _date(text: str) -> str | None:
    """``4 Juni 2021`` -> ``2021-06-04``; ``... Juni 2021`` -> ``2021-06``; ``... 2021`` -> ``2021``; ``...``: None."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text)
    if match and match.group(2).lower() in MONTHS:
        return f"{match.group(3)}-{MONTHS[match.group(2).lower()]:02d}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"\.\.\. (\w+) (\d{4})", text)
    if match and match.group(1).lower() in MONTHS:
        return f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}"
    match = re.fullmatch(r"\.\.\. (\d{4})", text)
    if match:
        return match.group(1)
    return None


_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|!&])")


def _escape_inline(text: str) -> str:
    """Characters Markdown would read as syntax, escaped (a lampiran's text shows them as written)."""
    return _INLINE_SPECIALS.sub(r"\\\1", text)


def _escape_line_start(text: str) -> str:
    """A block's first characters that Markdown would read as a heading, quote, list or rule."""
    text = re.sub(r"^(\s*)(\d+)([.)])(\s|$)", r"\1\2\\\3\4", text)
    text = re.sub(r"^(\s*)([#>+=~-])", r"\1\\\2", text)
    return text


def _compact(value: Any, key: str = "") -> Any:
    """An ayat, butir or diktum of only ``teks`` is written as its text (the YAML a drafter writes)."""
    if isinstance(value, dict):
        return {name: _compact(item, name) for name, item in value.items()}
    if isinstance(value, list):
        items = [_compact(item) for item in value]
        if key in ("ayat", "butir", "diktum"):
            return [item["teks"] if isinstance(item, dict) and set(item) == {"teks"} else item for item in items]
        return items
    return value


# -- entry points -------------------------------------------------------------------------------------------


def read_akn(content: bytes, source: str, settings: Project, catalogue: Mapping[str, LegalBasis], *,
             catalogue_import: Any = None, project: Any = None, record_id: str = "") -> dict:
    """The regulation YAML data of an Akoma Ntoso document; :class:`RancangError` with every problem found.
    ``catalogue_import`` (a :class:`~rancang.importer.citations.CatalogueImport`): Mengingat entries the catalogue
    does not know are added to it (its ``entries``) instead of being problems. ``project`` (a
    :class:`~rancang.models.ProjectData`): a Perubahan of one of its regulations is read back as its whole new
    text, placed in that regulation's history as ``record_id`` (default: the file's name without suffix)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        raise RancangError([Diagnostic(
            "Y119", f"berkas bukan XML yang sah (pesan pengurai XML: {_xml_message(error)})", Location(source, line or 0, column or 1),
            Severity.ERROR, "ekspor ulang berkas Akoma Ntoso-nya, atau perbaiki XML pada baris itu")]) from None
    reader = Reader(settings, catalogue, source, catalogue_import=catalogue_import, project=project,
                    record_id=record_id or Path(source).stem)
    try:
        return reader.read(root)
    except _Problems:
        raise RancangError(reader.problems) from None


def read_akn_file(path: Path, display: str, settings: Project, catalogue: Mapping[str, LegalBasis], *,
                  catalogue_import: Any = None, project: Any = None, record_id: str = "") -> dict:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise RancangError([Diagnostic("Y101", f"berkas tidak dapat dibaca: {error.strerror or error}",
                                       Location(display))]) from None
    return read_akn(content, display, settings, catalogue, catalogue_import=catalogue_import, project=project,
                    record_id=record_id)


def _xml_message(error: Any) -> str:
    """lxml's message without its position (the location says it) and without lxml's own source name."""
    text = getattr(error, "msg", None) or str(error)
    text = re.sub(r",? line \d+(, column \d+)?", "", text)
    text = re.sub(r"\s*\(<string>.*?\)", "", text)
    return text.strip() or "tidak terbaca"


def draft_name(content: bytes) -> str | None:
    """A draft's record id as its export wrote it in the work URI (``/akn/id-7372/bill/perwali/2026/<id>``):
    the name ``rancang impor`` gives the file back. None for an enacted act (its number is in its URI)."""
    from lxml import etree

    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    document = next((child for child in root if _local(child) in ("act", "bill", "doc")), None)
    number = document.find("a:meta/a:identification/a:FRBRWork/a:FRBRnumber", NS) if document is not None else None
    value = number.get("value", "") if number is not None else ""
    title = document.find("a:preface//a:docNumber", NS) if document is not None else None
    drafted = title is not None and ELLIPSIS in "".join(title.itertext())
    return value if drafted and re.fullmatch(r"[a-z0-9][a-z0-9-]*", value) else None


TEXT_BLOCKS = ("p", "num", "heading", "listIntroduction", "listWrapUp")
"""The elements that hold a document's printed text (outermost ones are read; a ``p`` inside a ``mod`` is part
of its change point)."""


def text_blocks(content: bytes) -> list[tuple[int, str]]:
    """(position, text) of every printed text block of an AKN document (not its metadata), numbered from 1 in
    document order: what the import report's word ledger reads."""
    from lxml import etree

    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    out: list[tuple[int, str]] = []
    for element in root.iter():
        if _local(element) not in TEXT_BLOCKS:
            continue
        ancestors = list(element.iterancestors())
        if any(_local(a) == "meta" or _local(a) in TEXT_BLOCKS for a in ancestors):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text:
            out.append((len(out) + 1, text))
    return out
