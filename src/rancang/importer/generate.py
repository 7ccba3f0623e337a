"""Stage 5: :class:`~rancang.importer.tree.Parsed` -> the regulation YAML mapping of the landed format.

What rancang writes by itself is taken out of the text and kept as structure: labels and numbers, list
endings (``;``, ``; dan``) as the list's ``sifat``, the Ketentuan Umum lead, the closing formula of
Menimbang, the revocation and commencement Pasal (as ``ketentuan_penutup``), the promulgation order,
the signature lines and the gazette line. Whether rancang would write those parts exactly as the source
has them is :mod:`~rancang.importer.compare`'s question, answered after the YAML exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rancang.importer import citations
from rancang.importer.parse import RE_DEFINITIONS, parse_date
from rancang.importer.tree import Node, Note, Parsed, SourceLine
from rancang.models.catalogue import LegalBasis

RE_ENDING = re.compile(r"\s*(?P<ending>[;,]\s*dan/atau|[;,]\s*dan|[;,]\s*atau|;|\.|,|:)\s*$")
RE_COMMENCEMENT = re.compile(
    r"^Peraturan\s+.+?\s+ini\s+mulai\s+berlaku\s+pada\s+tanggal\s+(?P<when>diundangkan|\d{1,2}\s+\w+\s+\d{4})\.?$")
RE_REVOCATION = re.compile(r"^Pada\s+saat\s+Peraturan\s+.+?\s+ini\s+mulai\s+berlaku", re.I)
RE_DEFINITION = re.compile(
    r"^(?P<term>.+?)(?:,?\s+yang\s+selanjutnya\s+(?P<how>disingkat|disebut)\s+(?P<alias>.+?),?)?\s+adalah\s+"
    r"(?P<meaning>.+?)$", re.S)
RE_CONSIDERATION_FORMULA = re.compile(r"^bahwa\s+berdasarkan\s+pertimbangan\s+sebagaimana\s+dimaksud", re.I)
RE_TITLE_IN_FORMULA = re.compile(r"perlu\s+(?:menetapkan|membentuk)\s+Peraturan\s+(?:Wali\s*kota|Bupati|Daerah)\s+tentang\s+"
                                 r"(?P<title>.+?)\s*;?\s*$", re.I)
RE_CHANGE_POINT = re.compile(
    r"^(?P<n>\d+)\.\s+(?P<rest>(?:Ketentuan|Di\s*antara|Pasal|BAB|Bagian|Paragraf|Penjelasan|Lampiran|Judul|"
    r"Diantara|Sesudah|Setelah|Menambahkan|Menyisipkan).*)$")
SMALL_WORDS = {"dan", "atau", "di", "ke", "dari", "pada", "yang", "untuk", "atas", "dalam", "serta", "tentang",
               "terhadap", "bagi", "oleh", "dengan", "melalui", "sebagai", "kepada", "antara"}
CONJUNCTION_KIND = {"dan": "kumulatif", "atau": "alternatif", "dan/atau": "kumulatif_alternatif"}
KIND_SHORT = {"peraturan_wali_kota": "perwali", "peraturan_bupati": "perbup", "peraturan_daerah": "perda"}


@dataclass
class Generated:
    """The YAML mapping and what the drafter must know about it."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    new_entries: list[dict] = field(default_factory=list)
    """Catalogue entries to add (``--katalog``) for Mengingat items and revocations not in the catalogue."""
    record_id: str = ""


def _strip_ending(text: str) -> tuple[str, str]:
    match = RE_ENDING.search(text)
    if not match:
        return text.strip(), ""
    return text[:match.start()].rstrip(), " ".join(match.group("ending").split())


def _escape_markdown(text: str) -> str:
    """Plain text that Markdown must show as written (a leading ``1.``, ``*``, ``_``, ``[`` ``|``)."""
    text = re.sub(r"([\\*_\[\]|`<])", r"\\\1", text)
    text = re.sub(r"^(\s*)(\d+)([.)])(\s)", r"\1\2\\\3\4", text)
    text = re.sub(r"^(\s*)([#>+-])(\s)", r"\1\\\2\3", text)
    return text


def title_case(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        out.append(lower if index and lower in SMALL_WORDS else "-".join(p.capitalize() for p in lower.split("-")))
    return " ".join(out)


@dataclass
class _Generator:
    parsed: Parsed
    region: str
    catalogue: list[LegalBasis]
    source_name: str
    whole_paragraphs: bool
    notes: list[Note] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.catalogue_import = citations.CatalogueImport(self.catalogue, self.source_name)

    @property
    def new_entries(self) -> list[dict]:
        return self.catalogue_import.entries

    def note(self, kind: str, message: str, lines=(), text: str = "") -> None:
        self.notes.append(Note(kind, message, tuple(lines), text))

    # -- catalogue -------------------------------------------------------------------------

    def catalogue_id(self, parsed_citation, lines, text: str = "") -> str | None:
        """The catalogue id of a cited regulation: matched, or a new entry (``terkonfirmasi: false``)."""
        resolution = self.catalogue_import.resolve(parsed_citation)
        for message in resolution.notes:
            self.note("katalog", message, lines)
        if resolution.id is None:
            self.note("tidak-dikenali", "peraturan ini tidak dapat dimasukkan ke katalog; tidak dimasukkan — "
                      "lengkapi kb/dasar-hukum.yaml sendiri", lines, text)
        return resolution.id

    # -- the frame -------------------------------------------------------------------------

    def title(self) -> str:
        parsed = self.parsed
        if parsed.considerations:
            formula = RE_TITLE_IN_FORMULA.search(parsed.considerations[-1][0])
            if formula and " ".join(formula.group("title").split()).upper() == " ".join(
                    (parsed.title or "").split()).upper():
                return " ".join(formula.group("title").split())
        if not parsed.title:
            self.note("tidak-dikenali", "judul peraturan (sesudah TENTANG) tidak ditemukan; isi 'tentang' sendiri")
            return "JUDUL BELUM TERBACA"
        title = title_case(parsed.title)
        self.note("info", f"judul ditulis dengan huruf kecil/besar menurut kebiasaan: '{title}'; periksa",
                  parsed.frame_lines.get("title", []))
        return title

    def considerations(self) -> list[str]:
        items = list(self.parsed.considerations)
        if items and RE_CONSIDERATION_FORMULA.match(items[-1][0]):
            items = items[:-1]
        out = []
        for text, _lines in items:
            stripped, _ending = _strip_ending(text)
            out.append(stripped)
        return out

    def legal_bases(self) -> list[Any]:
        out: list[Any] = []
        for text, lines in self.parsed.legal_bases:
            stripped, _ending = _strip_ending(text)
            parsed = citations.parse_citation(stripped)
            if parsed is None:
                self.note("tidak-dikenali", "butir Mengingat tidak terbaca sebagai peraturan; tidak dimasukkan",
                          lines, text)
                continue
            entry_id = self.catalogue_id(parsed, lines, text)
            if entry_id is None:
                continue
            out.append({"id": entry_id, "pasal": parsed.article} if parsed.article else entry_id)
        return out

    # -- the body --------------------------------------------------------------------------

    def enumeration(self, items: list[Node], closing: str | None, owner: Node) -> dict:
        endings = [_tail_ending(item) for item in items]
        butir = []
        for item in items:
            text, _ending = _strip_ending(item.text or "")
            butir.append(self.point(item, text))
        kind = "kumulatif"
        if len(endings) >= 2:
            conjunction = endings[-2].lstrip(";,").strip()
            if conjunction in CONJUNCTION_KIND:
                kind = CONJUNCTION_KIND[conjunction]
        enumeration: dict[str, Any] = {"sifat": kind, "butir": butir}
        if closing:
            # the closing words end like the item they complete: "...; dan" inside a list, "." at the end
            stripped, ending = _strip_ending(closing)
            enumeration["penutup"] = stripped if ending and ending != ":" and owner.kind == "butir" else \
                closing.strip()
        return enumeration

    def point(self, node: Node, text: str) -> Any:
        subitems = [c for c in node.children if c.kind == "butir"]
        if subitems:
            text = (node.text or "").strip()  # a lead keeps its ':' (the linter asks for it)
        if not subitems and node.id is None:
            return text
        out: dict[str, Any] = {}
        if node.id:
            out["id"] = node.id
        out["teks"] = text
        if subitems:
            out["rincian"] = self.enumeration_or_text(subitems, node.closing, node, out)
        return out

    def enumeration_or_text(self, items: list[Node], closing: str | None, owner: Node, out: dict) -> dict | None:
        if len(items) >= 2:
            return self.enumeration(items, closing, owner)
        # a list of one item cannot be a rincian: keep it in the text, reported
        only = items[0]
        out["teks"] = f"{out['teks']} {only.label} {only.text}".strip()
        self.note("pembakuan", f"rincian {owner.kind} {owner.label} hanya satu butir; digabung ke teksnya",
                  only.lines)
        return None

    def norm(self, node: Node, out: dict) -> None:
        items = [c for c in node.children if c.kind == "butir"]
        out["teks"] = (node.text or "").strip()
        if items:
            enumeration = self.enumeration_or_text(items, node.closing, node, out)
            if enumeration is not None:
                out["rincian"] = enumeration
        elif node.closing:
            out["teks"] = f"{out['teks']} {node.closing}"

    def article(self, node: Node) -> dict:
        out: dict[str, Any] = {}
        if node.id:
            out["id"] = node.id
        clauses = [c for c in node.children if c.kind == "ayat"]
        if clauses:
            out["ayat"] = []
            for clause in clauses:
                item: dict[str, Any] = {}
                if clause.id:
                    item["id"] = clause.id
                self.norm(clause, item)
                out["ayat"].append(item["teks"] if list(item) == ["teks"] else item)
            if len(clauses) == 1:
                self.note("pembakuan", f"Pasal {node.label} hanya memiliki ayat (1); rancang menulis pasal satu ayat "
                          "tanpa nomor", clauses[0].lines)
        elif node.text is None:
            self.note("tidak-dikenali", f"Pasal {node.label} tidak berisi teks", node.lines)
            out["teks"] = ""
        else:
            self.norm(node, out)
        return out

    def group(self, node: Node) -> dict:
        key = {"bab": "bab", "bagian": "bagian", "paragraf": "paragraf"}[node.kind]
        out: dict[str, Any] = {key: node.title or ""}
        if node.id:
            out["id"] = node.id
        out["isi"] = [self.element(child) for child in node.children]
        if not node.title:
            self.note("tidak-dikenali", f"{node.kind} {node.label} tanpa judul", node.lines)
        return out

    def element(self, node: Node) -> dict:
        return self.article(node) if node.kind == "pasal" else self.group(node)

    # -- Ketentuan Umum, Ketentuan Penutup ---------------------------------------------------

    def definitions(self, body: list[Node]) -> tuple[list[dict], Node | None]:
        first = _first_article(body)
        if first is None or not first.text or not RE_DEFINITIONS.match(first.text.strip()):
            return [], None
        items = [c for c in first.children if c.kind == "butir"]
        out = []
        for item in items:
            text, _ending = _strip_ending(item.text or "")
            match = RE_DEFINITION.match(text)
            if match is None or [c for c in item.children if c.kind == "butir"]:
                self.note("tidak-dikenali", f"definisi angka {item.number} Pasal {first.label} tidak berbentuk "
                          "'istilah adalah arti'; tidak dimasukkan — tulis sendiri", item.lines, item.text or "")
                continue
            definition: dict[str, Any] = {}
            if item.id:
                definition["id"] = item.id
            definition["istilah"] = match.group("term").strip()
            if match.group("how"):
                key = "disingkat" if match.group("how") == "disingkat" else "disebut"
                definition[key] = match.group("alias").strip()
            definition["arti"] = match.group("meaning").strip()
            out.append(definition)
        return out, first

    def closing(self, body: list[Node]) -> tuple[dict, list[Node]]:
        """The revocation and commencement Pasal at the end -> ``ketentuan_penutup``; the Pasal taken."""
        articles = [node for node in _articles(body)]
        closing: dict[str, Any] = {}
        taken: list[Node] = []
        if articles and (match := RE_COMMENCEMENT.match(articles[-1].flat())):
            taken.append(articles[-1])
            when = match.group("when")
            if when != "diundangkan":
                date = parse_date(when)
                if date:
                    closing["mulai_berlaku"] = date
                else:
                    taken.pop()
            rest = articles[:-1]
        else:
            rest = articles
            self.note("pembakuan", "pasal saat mulai berlaku tidak ditemukan di akhir batang tubuh; rancang menambahkan "
                      "'... mulai berlaku pada tanggal diundangkan.'")
        if rest and RE_REVOCATION.match(rest[-1].flat()):
            node = rest[-1]
            revoked = citations.parse_revocation(node.flat())
            if revoked:
                ids = [self.catalogue_id(item, node.lines) for item in revoked]
                if all(ids):
                    closing["mencabut"] = ids
                    taken.append(node)
            else:
                self.note("tidak-dikenali", f"Pasal {node.label}: peraturan yang dicabut tidak terbaca; pasal "
                          "dibiarkan sebagai pasal biasa", node.lines)
        return closing, taken

    # -- amendment ---------------------------------------------------------------------------

    def amendment_article(self, node: Node) -> dict:
        lines = [c for c in node.children if c.kind == "baris"]
        intro: list[str] = []
        points: list[dict] = []
        naskah: list[list[str]] = []
        for line in lines:
            text = line.text or ""
            match = RE_CHANGE_POINT.match(text)
            if match and int(match.group("n")) == len(points) + 1:
                points.append({"teks": match.group("rest")})
                naskah.append([])
                continue
            if not points:
                intro.append(text)
            elif self.whole_paragraphs or not naskah[-1] or naskah[-1][-1].rstrip().endswith(
                    (".", ";", ":")) or _starts_label(text):
                naskah[-1].append(text)
            else:
                naskah[-1][-1] = f"{naskah[-1][-1]} {text}"
        out: dict[str, Any] = {"teks": " ".join(intro)}
        for point, block in zip(points, naskah):
            if block:
                point["naskah"] = "\n".join(block)  # one paragraph per line, as written (the engine's rule)
        if points:
            out["perubahan"] = points
        return out

    # -- all ---------------------------------------------------------------------------------

    def generate(self) -> Generated:
        parsed = self.parsed
        data: dict[str, Any] = {}
        if parsed.kind:
            data["jenis"] = parsed.kind
        if parsed.number is not None:
            data["nomor"], data["tahun"] = parsed.number, parsed.year
        data["tentang"] = self.title()
        amended = None
        if parsed.title and re.match(r"^PERUBAHAN\s+(?:\w+\s+)?ATAS\s+", parsed.title, re.I):
            amended = self.amended_id()
        if amended:
            data["mengubah"] = amended
        data["menimbang"] = self.considerations()
        data["mengingat"] = self.legal_bases()
        explanation = self.explanation() if parsed.explanation is not None else None  # ids first
        body = list(parsed.body)
        definitions, definitions_article = self.definitions(body)
        if definitions:
            data["ketentuan_umum"] = definitions
        closing, closing_articles = self.closing(body)
        removed = [a for a in [definitions_article, *closing_articles] if a is not None]
        body = _without(body, removed)
        if amended:
            data["batang_tubuh"] = [self.amendment_article(node) if node.kind == "pasal" else self.group(node)
                                    for node in body]
        else:
            data["batang_tubuh"] = [self.element(node) for node in body]
        if closing:
            data["ketentuan_penutup"] = closing
        data.update(self.signatures())
        if explanation:
            data["penjelasan"] = explanation
        annexes = [self.annex(annex) for annex in parsed.annexes]
        if annexes:
            data["lampiran"] = annexes
        return Generated(data, self.notes, self.new_entries, self.record_id(data))

    def amended_id(self) -> str | None:
        match = re.search(r"ATAS\s+(?P<cited>PERATURAN\s+.+?NOMOR\s+\d+\s+TAHUN\s+\d{4}\s+TENTANG\s+.+)$",
                          " ".join((self.parsed.title or "").split()), re.I)
        if not match:
            return None
        cited = citations.parse_citation(title_case(match.group("cited")).replace(" Nomor ", " Nomor ")
                                         .replace(" Tahun ", " Tahun "))
        if cited is None:
            self.note("tidak-dikenali", "peraturan yang diubah tidak terbaca dari judul; isi 'mengubah' sendiri",
                      self.parsed.frame_lines.get("title", []))
            return None
        return self.catalogue_id(cited, self.parsed.frame_lines.get("title", []), match.group("cited"))

    def signatures(self) -> dict:
        parsed = self.parsed
        out: dict[str, Any] = {}
        for key, signature in (("penetapan", parsed.enactment), ("pengundangan", parsed.promulgation)):
            block: dict[str, Any] = {}
            if signature.place:
                block["tempat"] = signature.place
            if signature.date:
                block["tanggal"] = signature.date
            if signature.name:
                block["penanda_tangan"] = signature.name
            out[key] = block
        promulgation = out["pengundangan"]
        if parsed.gazette:
            year, number = parsed.gazette
            if parsed.kind == "peraturan_daerah":
                promulgation["nomor_lembaran_daerah"], promulgation["tahun_lembaran_daerah"] = number, year
            else:
                promulgation["nomor_berita_daerah"], promulgation["tahun_berita_daerah"] = number, year
        if parsed.supplement:
            promulgation["nomor_tambahan_lembaran_daerah"] = parsed.supplement
        if parsed.noreg:
            promulgation["noreg"] = parsed.noreg
        return {key: value for key, value in out.items() if value}

    def explanation(self) -> dict:
        explanation = self.parsed.explanation
        out: dict[str, Any] = {}
        if explanation.general:
            out["umum"] = "\n\n".join(_escape_markdown(p) for p in explanation.general)
        entries: list[dict] = []
        for path, text, lines in explanation.entries:
            if " ".join(text.split()).rstrip(".").lower() == "cukup jelas":
                continue
            node = _node_at(self.parsed.body, path)
            if node is None:
                self.note("tidak-dikenali", f"penjelasan {' '.join(path)} tidak menemukan unsurnya di batang tubuh",
                          lines, text)
                continue
            if node.kind == "pasal" and node.text and RE_DEFINITIONS.match(node.text.strip()):
                self.note("tidak-dikenali", f"penjelasan {path[0]} (Ketentuan Umum) tidak dapat dilekatkan: pasal itu "
                          "dibuat otomatis dari ketentuan_umum; lekatkan ke istilahnya (Angka ...) bila perlu",
                          lines, text)
                continue
            if node.id is None:
                node.id = _id_for(node, self.parsed.body)
            if entries and entries[-1]["rujukan"] == node.id:
                entries[-1]["teks"] += "\n\n" + _escape_markdown(text)
            else:
                entries.append({"rujukan": node.id, "teks": _escape_markdown(text)})
        if entries:
            out["pasal"] = entries
        return out

    def annex(self, annex) -> dict:
        blocks: list[str] = []
        table: list[tuple[str, ...]] = []
        paragraph = ""

        def flush_paragraph() -> None:
            nonlocal paragraph
            if paragraph:
                blocks.append(_escape_markdown(paragraph))
                paragraph = ""

        def flush_table() -> None:
            if not table:
                return
            width = max(len(row) for row in table)
            rows = [list(row) + [""] * (width - len(row)) for row in table]
            lines = ["| " + " | ".join(_escape_markdown(c).replace("\n", " ") for c in rows[0]) + " |",
                     "| " + " | ".join("---" for _ in range(width)) + " |"]
            lines += ["| " + " | ".join(_escape_markdown(c).replace("\n", " ") for c in row) + " |"
                      for row in rows[1:]]
            blocks.append("\n".join(lines))
            table.clear()

        for line in annex.content:
            if line.table is not None:
                flush_paragraph()
                table.append(line.table)
                continue
            flush_table()
            text = line.text.strip()
            if not text:
                flush_paragraph()
                continue
            if self.whole_paragraphs or not paragraph or paragraph.rstrip().endswith((".", ":", ";")):
                flush_paragraph()
                paragraph = text
            else:
                paragraph = f"{paragraph} {text}"
        flush_paragraph()
        flush_table()
        out: dict[str, Any] = {"judul": annex.title or annex.label}
        out["isi"] = "\n\n".join(blocks) if blocks else annex.title
        return out

    def record_id(self, data: dict) -> str:
        short = KIND_SHORT.get(self.parsed.kind or "", "peraturan")
        own = self.parsed.region is None or self.parsed.region == self.region
        region = "" if own else "-" + _slug(self.parsed.region.split(" ", 1)[-1])
        if self.parsed.number is not None:
            return f"{short}{region}-{self.parsed.number}-{self.parsed.year}"
        return f"{short}{region}-{_slug(data['tentang'])}"[:80].rstrip("-")


def _tail_ending(item: Node) -> str:
    """The list ending an item carries at its very end: after its own sub-list's closing words or its last
    sub-item (``a. kios: 1. besar; dan 2. kecil; atau`` -> ``; atau``), else after its text."""
    if item.closing:
        return _strip_ending(item.closing)[1]
    subitems = [c for c in item.children if c.kind == "butir"]
    if subitems:
        return _tail_ending(subitems[-1])
    return _strip_ending(item.text or "")[1]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _starts_label(text: str) -> bool:
    return bool(re.match(r"^(Pasal\s+\d+[A-Z]?$|BAB\s+[IVXLC]+|\(\d+[a-z]?\)|[a-z]\.|\d+\.|[a-z]\)|\d+\))", text))


def _articles(body: list[Node]):
    for node in body:
        for element in node.walk():
            if element.kind == "pasal":
                yield element


def _first_article(body: list[Node]) -> Node | None:
    return next(iter(_articles(body)), None)


def _without(body: list[Node], removed: list[Node]) -> list[Node]:
    """The body without the given Pasal, and without KETENTUAN UMUM/PENUTUP BAB left empty."""
    out = []
    for node in body:
        if any(node is r for r in removed):
            continue
        if node.kind != "pasal":
            children = _without(node.children, removed)
            if not children:
                continue
            node.children = children
        out.append(node)
    return out


def _node_at(body: list[Node], path: tuple[str, ...]) -> Node | None:
    """The element a Penjelasan heading path names: ("Pasal 5", "Ayat (2)", "Huruf b")."""
    if not path:
        return None
    match = re.match(r"^Pasal\s+(\S+)$", path[0])
    if not match:
        return None
    article = next((a for a in _articles(body) if a.label == match.group(1)), None)
    node = article
    for part in path[1:]:
        if node is None:
            return None
        what, label = part.split(" ", 1)
        if what == "Ayat":
            node = next((c for c in node.children if c.kind == "ayat" and c.label == label), None)
        else:
            bare = label.rstrip(").")
            node = next((c for c in node.children if c.kind == "butir" and c.label.rstrip(").") == bare), None)
    return node


def _id_for(node: Node, body: list[Node]) -> str:
    """An id from the element's place: ``pasal-5``, ``pasal-5-ayat-2``, ``pasal-5-ayat-2-huruf-b``."""
    def find(current: Node, trail: list[Node]) -> list[Node] | None:
        if current is node:
            return trail + [current]
        for child in current.children:
            found = find(child, trail + [current])
            if found:
                return found
        return None

    for top in body:
        trail = find(top, [])
        if trail:
            parts = []
            for element in trail:
                if element.kind == "pasal":
                    parts = [f"pasal-{element.label.lower()}"]
                elif element.kind == "ayat":
                    parts.append(f"ayat-{element.label.strip('()')}")
                elif element.kind == "butir":
                    label = element.label.rstrip(".)")
                    parts.append(("angka-" if label.isdigit() else "huruf-") + label)
            return "-".join(parts)
    return f"unsur-{id(node)}"


def generate(parsed: Parsed, region: str, catalogue: list[LegalBasis], source_name: str,
             whole_paragraphs: bool) -> Generated:
    """The YAML mapping of ``parsed`` for a project of ``region`` with ``catalogue``."""
    generator = _Generator(parsed, region, catalogue, source_name, whole_paragraphs)
    if parsed.region and parsed.region != region:
        generator.note("info", f"peraturan ini dari {parsed.region}; rancang draft menulisnya dengan nama daerah "
                       f"proyek ({region})")
    return generator.generate()
