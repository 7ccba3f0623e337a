"""Stage 1 of the importer: a ``.docx``, ``.pdf`` or ``.txt`` file -> :class:`~rancang.importer.tree.SourceLine` list.

Nothing is interpreted here: every stage after this one works on lines a user can find again in the source
(``line`` and ``page`` as :class:`~rancang.importer.tree.SourceLine` describes them).

**DOCX** is read from the body XML in document order: paragraphs, and each table row as one line (cells joined
by `` | ``). Word's automatic numbering is not text in the file: the label Word shows (``1.``, ``a.``, ``(1)``,
``I.`` ...) is computed here from ``numbering.xml`` and put before the paragraph's text, so that a list typed
with Word's numbering reads like one typed by hand. A soft line break splits a paragraph into several lines with
the same paragraph number; an explicit page break (``w:br w:type="page"``, "page break before", a section that
starts on a new page) starts a new ``page``. Headers, footers, footnotes and comments are page furniture, not
body text: they are not read, so nothing of the body is lost and nothing of the furniture comes in.

**PDF** text is taken by poppler's ``pdftotext -layout -enc UTF-8 FILE -`` rather than a Python library such as
pdfplumber (both are available on the machines, see the environment's package lists). pdftotext is already
needed by the test suite (poppler-utils), it is C and fast (a 40-page regulation in a fraction of a second),
runs in its own process under a timeout (a hostile or broken PDF cannot hang or crash rancang), and its
``-layout`` mode keeps each printed line as one line, which is what a drafter sees and what the parser needs.
pdfplumber is pure-Python pdfminer: an order of magnitude slower on the same files and one more dependency
for the same result (character positions we would then have to group into lines ourselves). Form feeds
separate pages; ``line`` is the line of pdftotext's output. The layout's indentation is dropped and runs of
spaces inside a line (columns of the layout) become one space.

**Text** is read as UTF-8 (a BOM is allowed); a file that is not UTF-8 is read as Windows-1252, failing that
as Latin-1, and a note says so. A form feed starts a new page.

Problems are :class:`~rancang.diagnostics.RancangError` with the codes ``Y101`` (cannot be read), ``Y103``
(binary text file), ``Y115`` (unsupported type), ``Y116`` (PDF without text layer), ``Y117`` (pdftotext
missing, failed or too slow) and ``Y118`` (not a readable DOCX).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.importer.tree import Note, SourceLine

SUPPORTED = (".docx", ".pdf", ".txt")
PDFTOTEXT_TIMEOUT = 120.0
"""Seconds pdftotext may take for one PDF."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _error(code: str, message: str, path: Path, suggestion: str | None = None) -> RancangError:
    return RancangError([Diagnostic(code, message, Location(str(path)), suggestion=suggestion)])


def read_source(path: Path, notes: list[Note] | None = None) -> list[SourceLine]:
    """The lines of a ``.docx``, ``.pdf`` or ``.txt`` file, in reading order.

    ``notes``, when given, receives what the reader has to tell (an ``info`` note: the text file's encoding
    was not UTF-8, a PDF page had no text, the Word headers and footers that were not read). Raises
    :class:`~rancang.diagnostics.RancangError` (Indonesian message, the path as location) when the file
    cannot be read.
    """
    path = Path(path)
    told: list[Note] = notes if notes is not None else []
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise _error(
            "Y115",
            f"jenis berkas {suffix or '(tanpa akhiran)'} tidak dapat diimpor; rancang membaca .docx, .pdf, .txt, "
            "dan .xml (Akoma Ntoso)",
            path,
            "simpan dokumen sebagai .docx atau PDF dari Word atau LibreOffice" if suffix in {".doc", ".rtf", ".odt"}
            else None,
        )
    if not path.is_file():
        what = "berupa folder" if path.is_dir() else "tidak ada"
        raise _error("Y101", f"berkas sumber {what}: {path}", path)
    if suffix == ".docx":
        return _read_docx(path, told)
    if suffix == ".pdf":
        return _read_pdf(path, told)
    return _read_text(path, told)


# -- text --------------------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _error("Y101", f"berkas sumber tidak dapat dibuka: {exc.strerror or exc}", path) from exc


def _read_text(path: Path, notes: list[Note]) -> list[SourceLine]:
    data = _read_bytes(path)
    if b"\x00" in data:
        raise _error("Y103", "berkas .txt berisi bita nol (NUL), jadi bukan berkas teks", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "Latin-1"
        notes.append(Note("info", f"Berkas teks bukan UTF-8; dibaca sebagai {encoding}. Periksa huruf khusus "
                                  "(tanda kutip, tanda pisah) di hasilnya."))
    return split_text(text)


def split_text(text: str) -> list[SourceLine]:
    """A text's lines (only ``\\n`` ends a line; a trailing ``\\r`` is dropped); a form feed starts a new page.

    ``page`` is set only when the text holds a form feed.
    """
    paged = "\f" in text
    page = 1
    lines: list[SourceLine] = []
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()  # the final newline ends the last line, it does not start one
    for number, raw in enumerate(parts, start=1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        if "\f" in raw:
            pieces = raw.split("\f")
            # text before a form feed is the end of the previous page (rare: pdftotext puts \f first)
            for piece in pieces[:-1]:
                if piece.strip():
                    lines.append(SourceLine(piece, number, page))
                page += 1
            raw = pieces[-1]
            if not raw and number == len(parts):
                break  # the form feed that ends the last page
        lines.append(SourceLine(raw, number, page if paged else None))
    return lines


# -- PDF ---------------------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def _read_pdf(path: Path, notes: list[Note]) -> list[SourceLine]:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise _error("Y117", "pdftotext tidak terpasang, jadi teks PDF tidak dapat diambil", path,
                     "pasang paket poppler-utils (apt-get install poppler-utils), atau impor .docx/.txt-nya")
    try:
        done = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              timeout=PDFTOTEXT_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise _error("Y117", f"pdftotext tidak selesai dalam {PDFTOTEXT_TIMEOUT:.0f} detik", path) from exc
    except OSError as exc:
        raise _error("Y117", f"pdftotext tidak dapat dijalankan: {exc.strerror or exc}", path) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = f": {detail[-1]}" if detail else ""
        raise _error("Y117", f"pdftotext gagal membaca PDF (rusak atau terkunci sandi?){tail}", path)
    text = done.stdout.decode("utf-8", "replace")
    if not text.strip():
        raise _error("Y116", "PDF tidak memiliki lapisan teks (hasil pindaian?); lakukan OCR dulu", path,
                     "misalnya ocrmypdf BERKAS.pdf HASIL.pdf, lalu impor HASIL.pdf")
    lines = []
    for source in split_text(text):
        lines.append(SourceLine(_SPACES.sub(" ", source.text.strip()), source.line, source.page or 1))
    pages = max((line.page or 1 for line in lines), default=1)
    written = {line.page for line in lines if line.text}
    empty = [str(page) for page in range(1, pages + 1) if page not in written]
    if empty:
        notes.append(Note("info", f"Halaman PDF tanpa teks (gambar atau halaman kosong): {', '.join(empty)}. "
                                  "Bila halaman itu berisi tulisan, salin teksnya sendiri."))
    return lines


# -- DOCX --------------------------------------------------------------------------------------------------------


def _read_docx(path: Path, notes: list[Note]) -> list[SourceLine]:
    import docx  # heavy import only for the command that needs it
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise _error("Y118", "berkas .docx ini bukan dokumen Word (bukan arsip .docx; mungkin .doc yang diganti "
                             "namanya, atau terkunci sandi)", path,
                     "buka di Word atau LibreOffice lalu simpan sebagai .docx")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise _error("Y118", f"dokumen Word tidak dapat dibuka: {exc}", path) from exc
    except Exception as exc:  # lxml errors on broken XML parts, and anything python-docx does not foresee
        raise _error("Y118", f"dokumen Word rusak: {type(exc).__name__}: {exc}", path) from exc
    part = document.part
    numbering = _Numbering(_related(part, _REL_NUMBERING), _related(part, _REL_STYLES))
    reader = _DocxReader(numbering)
    reader.body(part.element.find(_w("body")))
    furniture = _furniture_text(part)
    if furniture:
        notes.append(Note("info", "Kepala dan kaki halaman Word tidak dibaca (bukan isi naskah): "
                                  + " / ".join(furniture)))
    return reader.lines


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part.element if hasattr(rel.target_part, "element") else None
    return None


def _furniture_text(part) -> list[str]:
    """The texts of the headers and footers (told, never read as body)."""
    found: list[str] = []
    for rel in part.rels.values():
        if rel.reltype in (_REL_HEADER, _REL_FOOTER) and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is None:
                continue
            text = " ".join("".join(t.text or "" for t in p.iter(_w("t"))) for p in element.iter(_w("p")))
            text = " ".join(text.split())
            if text and text not in found:
                found.append(text)
    return found


def _on(element) -> bool:
    """A w:ST_OnOff property element: present and not switched off."""
    if element is None:
        return False
    return element.get(_w("val"), "true").lower() not in {"0", "false", "off", "none"}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"


@dataclass
class _Num:
    abstract: str
    levels: dict[int, _Level] = field(default_factory=dict)
    restarts: dict[int, int] = field(default_factory=dict)
    """Levels with a ``w:startOverride``: restarted at that value where this numbering is first used."""


class _Numbering:
    """Word's list numbering: definitions from ``numbering.xml`` and ``styles.xml``, counters as Word keeps them.

    Counters belong to an abstract numbering (``w:abstractNum``): two ``w:num`` on the same abstract one
    continue each other, unless a ``w:num`` overrides a level's start (``w:lvlOverride/w:startOverride``),
    which restarts that level where the ``w:num`` is first used. A level advancing resets the deeper levels
    (unless their ``w:lvlRestart`` says otherwise).
    """

    def __init__(self, numbering, styles):
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}
        """abstractNum id -> the numbering style it defines (``w:styleLink``)."""
        self.num_style_links: dict[str, str] = {}
        """abstractNum id -> the numbering style whose definition it uses (``w:numStyleLink``)."""
        self.level_styles: dict[str, tuple[str, int]] = {}
        """Paragraph style id -> (abstractNum id, level) for a ``w:lvl/w:pStyle`` link."""
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, object] = {}
        self.default_style: str | None = None
        if styles is not None:
            for style in styles.iter(_w("style")):
                style_id = style.get(_w("styleId"))
                if style_id:
                    self.styles[style_id] = style
                    if style.get(_w("type")) == "paragraph" and _on_default(style):
                        self.default_style = style_id
        if numbering is not None:
            for abstract in numbering.findall(_w("abstractNum")):
                key = abstract.get(_w("abstractNumId"))
                levels = {}
                for lvl in abstract.findall(_w("lvl")):
                    ilvl = _int(lvl.get(_w("ilvl")), 0)
                    levels[ilvl] = _level(lvl)
                    p_style = lvl.find(_w("pStyle"))
                    if p_style is not None and p_style.get(_w("val")):
                        self.level_styles.setdefault(p_style.get(_w("val")), (key, ilvl))
                self.abstracts[key] = levels
                for tag, target in (("styleLink", self.style_links), ("numStyleLink", self.num_style_links)):
                    link = abstract.find(_w(tag))
                    if link is not None and link.get(_w("val")):
                        target[key] = link.get(_w("val"))
            for num in numbering.findall(_w("num")):
                ref = num.find(_w("abstractNumId"))
                if ref is None:
                    continue
                entry = _Num(ref.get(_w("val")))
                for override in num.findall(_w("lvlOverride")):
                    ilvl = _int(override.get(_w("ilvl")), 0)
                    lvl = override.find(_w("lvl"))
                    if lvl is not None:
                        entry.levels[ilvl] = _level(lvl)
                    start = override.find(_w("startOverride"))
                    if start is not None:
                        entry.restarts[ilvl] = _int(start.get(_w("val")), 1)
                    elif lvl is not None:
                        entry.restarts[ilvl] = entry.levels[ilvl].start
                self.nums[num.get(_w("numId"))] = entry
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()

    # -- which numbering a paragraph has ------------------------------------------------------------------------

    def _style_chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style_id, style
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None

    def style_property(self, style_id: str | None, tag: str):
        """A paragraph property (``w:pPr`` child) of a style or of the styles it is based on."""
        for _sid, style in self._style_chain(style_id or self.default_style):
            ppr = style.find(_w("pPr"))
            if ppr is not None and ppr.find(_w(tag)) is not None:
                return ppr.find(_w(tag))
        return None

    def numbering_of(self, ppr) -> tuple[str, int] | None:
        """(numId, level) of a paragraph: its own ``w:numPr``, else its style's (with inheritance)."""
        style_id = None
        num_id = level = None
        if ppr is not None:
            p_style = ppr.find(_w("pStyle"))
            style_id = p_style.get(_w("val")) if p_style is not None else None
            num_pr = ppr.find(_w("numPr"))
            if num_pr is not None:
                num_id = _child_val(num_pr, "numId")
                level = _child_val(num_pr, "ilvl")
        style_id = style_id or self.default_style
        if num_id is None or level is None:
            for sid, style in self._style_chain(style_id):
                spr = style.find(_w("pPr"))
                num_pr = spr.find(_w("numPr")) if spr is not None else None
                if num_pr is None:
                    continue
                if num_id is None:
                    num_id = _child_val(num_pr, "numId")
                if level is None:
                    level = _child_val(num_pr, "ilvl")
                    if level is None and sid in self.level_styles:
                        level = str(self.level_styles[sid][1])
                if num_id is not None and level is not None:
                    break
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, _int(level, 0)

    # -- the label ----------------------------------------------------------------------------------------------

    def _abstract_of(self, num: _Num) -> str:
        """The abstract numbering that holds the definitions (following a ``w:numStyleLink``)."""
        key = num.abstract
        for _ in range(5):
            style_name = self.num_style_links.get(key)
            if not style_name:
                break
            style_num = self.numbering_of_style(style_name)
            if style_num is None or style_num not in self.nums:
                break
            key = self.nums[style_num].abstract
        return key

    def numbering_of_style(self, style_id: str) -> str | None:
        for _sid, style in self._style_chain(style_id):
            spr = style.find(_w("pPr"))
            num_pr = spr.find(_w("numPr")) if spr is not None else None
            if num_pr is not None and _child_val(num_pr, "numId"):
                return _child_val(num_pr, "numId")
        return None

    def _definition(self, num: _Num, abstract: str, ilvl: int) -> _Level:
        if ilvl in num.levels:
            return num.levels[ilvl]
        return self.abstracts.get(abstract, {}).get(ilvl, _Level(text=f"%{ilvl + 1}."))

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the counters for a paragraph at ``ilvl`` of ``num_id``; return (label, suffix)."""
        num = self.nums[num_id]
        abstract = self._abstract_of(num)
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for level in num.restarts:
                counters.pop(level, None)
        definition = self._definition(num, abstract, ilvl)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num, abstract, ilvl)
        for deeper in [level for level in counters if level > ilvl]:
            restart = self._definition(num, abstract, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]

        def value(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            count = counters.get(level, self._start(num, abstract, level))
            shown = self._definition(num, abstract, level)
            fmt = "decimal" if definition.legal and shown.fmt != "bullet" else shown.fmt
            return _format_number(count, fmt)

        if definition.fmt == "bullet":
            text = "".join(_bullet(ch) for ch in definition.text)
        else:
            text = re.sub(r"%([1-9])", value, definition.text)
        return text, definition.suffix

    def _start(self, num: _Num, abstract: str, ilvl: int) -> int:
        if ilvl in num.restarts:
            return num.restarts[ilvl]
        return self._definition(num, abstract, ilvl).start


def _on_default(style) -> bool:
    return style.get(_w("default")) in {"1", "true", "on"}


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _child_val(element, tag: str) -> str | None:
    child = element.find(_w(tag))
    return child.get(_w("val")) if child is not None else None


def _level(lvl) -> _Level:
    level = _Level()
    level.start = _int(_child_val(lvl, "start"), 1)
    level.fmt = _child_val(lvl, "numFmt") or "decimal"
    level.text = _child_val(lvl, "lvlText") or ""
    restart = _child_val(lvl, "lvlRestart")
    level.restart = _int(restart, 0) if restart is not None else None
    level.legal = _on(lvl.find(_w("isLgl")))
    level.suffix = _child_val(lvl, "suff") or "tab"
    if lvl.find(_w("lvlPicBulletId")) is not None:
        level.fmt, level.text = "bullet", "•"
    return level


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _format_number(number: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        if number < 1:
            return str(number)
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"}:
        if number < 1:
            return str(number)
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)  # decimal, and formats Word spells in words (shown as numbers here)


def _bullet(char: str) -> str:
    """A bullet as text: Symbol/Wingdings private-use characters become a plain bullet."""
    return "•" if "\ue000" <= char <= "\uf8ff" else char


_TEXT_SKIP = {_w("del"), _w("moveFrom"), _w("instrText"), _w("delText"), _w("rPr"), _w("pPr"),
              _w("fldChar"), _w("commentReference"), _w("footnoteReference"), _w("endnoteReference")}


class _DocxReader:
    """Walks the body in document order and collects the lines."""

    def __init__(self, numbering: _Numbering):
        self.numbering = numbering
        self.lines: list[SourceLine] = []
        self.number = 0
        self.page = 1
        self.section_types: list[str] = []
        self.section = 0

    def body(self, body) -> None:
        if body is None:
            return
        # a section starts on a new page unless its own sectPr (at its end) says continuous
        for sect in body.iter(_w("sectPr")):
            kind = sect.find(_w("type"))
            self.section_types.append(kind.get(_w("val"), "nextPage") if kind is not None else "nextPage")
        self._blocks(body)

    def _blocks(self, parent) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self._paragraph(child)
            elif child.tag == _w("tbl"):
                self._table(child)
            elif child.tag in {_w("sdt"), _w("customXml")}:
                content = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
                if content is not None:
                    self._blocks(content)
            elif child.tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self._blocks(choice)

    # -- paragraphs ---------------------------------------------------------------------------------------------

    def _paragraph(self, p) -> None:
        self.number += 1
        ppr = p.find(_w("pPr"))
        break_before = ppr.find(_w("pageBreakBefore")) if ppr is not None else None
        if break_before is None:
            style = ppr.find(_w("pStyle")) if ppr is not None else None
            break_before = self.numbering.style_property(style.get(_w("val")) if style is not None else None,
                                                         "pageBreakBefore")
        if _on(break_before) and self.lines:
            self.page += 1
        label = self._label(ppr)
        segments, boxes = self._segments(p)
        emitted = False
        for text, breaks in segments:
            text = text.strip()
            if text:
                if label is not None and not emitted:
                    text = f"{label[0]}{label[1]}{text}"
                self.lines.append(SourceLine(text, self.number, self.page))
                emitted = True
            self.page += breaks
        if not emitted:  # an empty paragraph keeps its place (and its number, when Word shows one)
            self.lines.append(SourceLine(label[0] if label else "", self.number, self.page))
        for box in boxes:
            for line in box:
                self.lines.append(SourceLine(line, self.number, self.page))
        if ppr is not None and ppr.find(_w("sectPr")) is not None:
            self.section += 1
            if self.section < len(self.section_types) and self.section_types[self.section] in {
                    "nextPage", "evenPage", "oddPage"}:
                self.page += 1

    def _label(self, ppr) -> tuple[str, str] | None:
        found = self.numbering.numbering_of(ppr)
        if found is None:
            return None
        text, suffix = self.numbering.label(*found)
        if not text:
            return None
        return text, "" if suffix == "nothing" else " "

    def _segments(self, p) -> tuple[list[tuple[str, int]], list[list[str]]]:
        """(text, page breaks after it) per soft-line segment, and the paragraphs of text boxes."""
        segments: list[tuple[str, int]] = []
        boxes: list[list[str]] = []
        current: list[str] = []

        def cut(page_breaks: int) -> None:
            segments.append((_emphasis("".join(current)), page_breaks))
            current.clear()

        def walk(element) -> None:
            for child in element:
                tag = child.tag
                if tag in _TEXT_SKIP:
                    continue
                if tag == _w("t"):
                    current.append(child.text or "")
                elif tag == _w("r") and _italic(child):
                    current.append(_ITALIC_ON)
                    walk(child)
                    current.append(_ITALIC_OFF)
                elif tag == _w("tab") or tag == _w("ptab"):
                    if not current or not current[-1].endswith(" "):
                        current.append(" ")
                elif tag == _w("br"):
                    kind = child.get(_w("type"), "textWrapping")
                    cut(1 if kind == "page" else 0)
                elif tag == _w("cr"):
                    cut(0)
                elif tag == _w("noBreakHyphen"):
                    current.append("-")
                elif tag == _w("sym"):
                    code = _int_hex(child.get(_w("char")))
                    if code is not None:
                        current.append(_bullet(chr(code)))
                elif tag == _w("txbxContent"):
                    boxes.append(self._box(child))
                elif tag == f"{{{_MC}}}AlternateContent":
                    choice = child.find(f"{{{_MC}}}Choice")
                    if choice is None:
                        choice = child.find(f"{{{_MC}}}Fallback")
                    if choice is not None:
                        walk(choice)
                else:
                    walk(child)

        walk(p)
        segments.append((_emphasis("".join(current)), 0))
        return segments, boxes

    def _box(self, content) -> list[str]:
        texts = []
        for p in content.iter(_w("p")):
            segments, _boxes = self._segments(p)
            label = self._label(p.find(_w("pPr")))
            text = " ".join(s.strip() for s, _ in segments if s.strip())
            if label:
                text = f"{label[0]}{label[1]}{text}"
            if text:
                texts.append(text)
        return texts

    # -- tables -------------------------------------------------------------------------------------------------

    def _table(self, tbl) -> None:
        for row in tbl.iter(_w("tr")):
            if _ancestor_table(row) is not tbl:
                continue  # a nested table's rows are part of their cell's text
            self.number += 1
            cells = tuple(self._cell(tc) for tc in _row_cells(row))
            self.lines.append(SourceLine(" | ".join(cells), self.number, self.page, cells))

    def _cell(self, tc) -> str:
        texts: list[str] = []
        for child in tc:
            if child.tag == _w("p"):
                segments, boxes = self._segments(child)
                label = self._label(child.find(_w("pPr")))
                text = " ".join(s.strip() for s, _ in segments if s.strip())
                if label:
                    text = f"{label[0]}{label[1]}{text}" if text else label[0]
                if text:
                    texts.append(text)
                texts.extend(line for box in boxes for line in box)
            elif child.tag == _w("tbl"):
                for row in child.iter(_w("tr")):
                    if _ancestor_table(row) is child:
                        texts.append(" | ".join(self._cell(inner) for inner in _row_cells(row)))
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    texts.append(self._cell(content))
        return " ".join(t for t in texts if t)


_ITALIC_ON, _ITALIC_OFF = "\x01", "\x02"


def _italic(run) -> bool:
    """A run set in italics by its own formatting (w:i), as a drafter marks a foreign term."""
    rpr = run.find(_w("rPr"))
    return rpr is not None and _on(rpr.find(_w("i")))


def _emphasis(text: str) -> str:
    """Italic runs as the regulation format writes them: ``tim *ad hoc* yang``. Adjacent italic runs are
    one span; spaces at a span's edges are moved outside it; an unbalanced span (cut by a line break) is
    left unmarked."""
    if _ITALIC_ON not in text:
        return text
    text = re.sub(f"{_ITALIC_OFF}(\\s*){_ITALIC_ON}", r"\1", text)
    text = re.sub(f"{_ITALIC_ON}(\\s+)", f"\\1{_ITALIC_ON}", text)
    text = re.sub(f"(\\s+){_ITALIC_OFF}", f"{_ITALIC_OFF}\\1", text)
    text = text.replace(_ITALIC_ON + _ITALIC_OFF, "")
    if text.count(_ITALIC_ON) != text.count(_ITALIC_OFF):
        return text.replace(_ITALIC_ON, "").replace(_ITALIC_OFF, "")
    return text.replace(_ITALIC_ON, "*").replace(_ITALIC_OFF, "*")


def _ancestor_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent


def _row_cells(row) -> list:
    cells = []
    for child in row:
        if child.tag == _w("tc"):
            cells.append(child)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                cells.extend(c for c in content if c.tag == _w("tc"))
    return cells


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None
