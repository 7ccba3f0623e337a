"""A Word document with tracked changes (``rancang draft <amendment> --lacak``): the text of the regulation in
force, turned into the amended text with native revisions (``w:ins`` / ``w:del``), so that Word and LibreOffice
show each change and can accept or reject it.

How: both versions are rendered by :func:`rancang.render.regulation_docx.render` with the same template and the
same frame (kop, title, konsiderans of the regulation in force: only the batang tubuh differs), so their
paragraphs are written alike. The body elements of the two DOCX (paragraphs and tables) are aligned with
:class:`difflib.SequenceMatcher` on (style, text); within a stretch that differs, old and new paragraphs are
paired, most similar first and in order, when their texts are at least half alike (:data:`PAIRED`). A paired
paragraph is diffed word by word: the words that go are ``w:del`` runs (``w:delText``), the words that come are
``w:ins`` runs, with their own run properties; a change of style is a ``w:pPrChange``. An unpaired old paragraph
is deleted whole (its runs in ``w:del`` and its paragraph mark deleted, ``w:pPr/w:rPr/w:del``), an unpaired new
one inserted whole likewise; a table that differs in shape is deleted and inserted row by row
(``w:trPr/w:del``, ``w:trPr/w:ins``). Accepting every change gives exactly the new version's paragraphs,
rejecting every change the old one's (the tests check both). The result is the new DOCX package with its
``word/document.xml`` replaced.

Why written here rather than with python-redlines (evaluated for this, version 2.0.0, MIT): that package is a
thin wrapper that runs a compiled .NET comparison engine (Docxodus or the archived Open-XML-PowerTools
WmlComparer) as a subprocess; the engine comes as a separate wheel per platform (the Linux x64 one is 45 MB, a
self-contained binary unpacked into the user's cache directory on first use). It compares any two Word files
at run level without knowing what a paragraph of a regulation is. rancang renders both versions itself, so the
paragraphs already correspond one to one in style and order; aligning them and writing ``w:ins``/``w:del`` is
some 250 lines of lxml, with no binary to ship for Windows and Linux, no process to start, and an output that
is the same for the same input (revision dates are the amendment's date, not the time of the run).

Author of every revision: ``rancang``; date: the amendment's date of enactment, or the build date while it is a
draft (:func:`rancang.render.docx_template.build_date`). Left out: a deleted paragraph's images (an image of the
old version only has no relationship in the new package: its run is dropped from the deleted text).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import re
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
AUTHOR = "rancang"
PAIRED = 0.5
"""Two paragraphs whose texts are at least this alike (difflib ratio) are one paragraph changed, not one deleted
and another inserted."""

_SIMPLE_RUN_CHILDREN = {f"{_W}rPr", f"{_W}t", f"{_W}tab", f"{_W}br"}
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


class _Revisions:
    """Writes revision elements with increasing ids, one author and one date."""

    def __init__(self, author: str, when: dt.date, first_id: int) -> None:
        self.author = author
        self.date = f"{when.isoformat()}T00:00:00Z"
        self.next_id = first_id
        self.count = 0

    def element(self, kind: str) -> etree._Element:
        """A ``w:ins``, ``w:del`` or ``w:pPrChange`` with its attributes."""
        node = etree.Element(f"{_W}{kind}")
        node.set(f"{_W}id", str(self.next_id))
        node.set(f"{_W}author", self.author)
        node.set(f"{_W}date", self.date)
        self.next_id += 1
        if kind in ("ins", "del"):
            self.count += 1
        return node

    # -- whole paragraphs and tables -----------------------------------------------------------------------

    def mark_paragraph(self, paragraph: etree._Element, kind: str) -> None:
        """Every run of ``paragraph`` and its paragraph mark inserted (``kind`` "ins") or deleted ("del")."""
        properties = paragraph.find(f"{_W}pPr")
        if properties is None:
            properties = etree.Element(f"{_W}pPr")
            paragraph.insert(0, properties)
        run_properties = properties.find(f"{_W}rPr")
        if run_properties is None:
            run_properties = etree.SubElement(properties, f"{_W}rPr")
            # w:rPr comes after every other child of w:pPr but w:sectPr and w:pPrChange
            for late in (f"{_W}sectPr", f"{_W}pPrChange"):
                found = properties.find(late)
                if found is not None:
                    found.addprevious(run_properties)
        run_properties.append(self.element(kind))
        for bookmark in paragraph.findall(f".//{_W}bookmarkStart") + paragraph.findall(f".//{_W}bookmarkEnd"):
            if kind == "del":
                bookmark.getparent().remove(bookmark)
        for run in list(paragraph.iter(f"{_W}r")):
            if kind == "del":
                if run.find(f".//{_W}drawing") is not None or run.find(f".//{_W}pict") is not None:
                    run.getparent().remove(run)
                    continue
                _to_deleted_text(run)
            wrapper = self.element(kind)
            self.count -= 1  # one revision per paragraph is counted, not one per run
            run.addprevious(wrapper)
            wrapper.append(run)

    def mark_element(self, element: etree._Element, kind: str) -> None:
        """A paragraph, or a table with all its rows and the paragraphs in its cells."""
        if element.tag == f"{_W}p":
            self.mark_paragraph(element, kind)
            return
        if element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                row_properties = row.find(f"{_W}trPr")
                if row_properties is None:
                    row_properties = etree.Element(f"{_W}trPr")
                    grid = row.find(f"{_W}tblPrEx")
                    (grid.addnext if grid is not None else lambda e: row.insert(0, e))(row_properties)
                row_properties.append(self.element(kind))
            for paragraph in list(element.iter(f"{_W}p")):
                self.mark_paragraph(paragraph, kind)

    # -- one paragraph changed -----------------------------------------------------------------------------

    def changed_paragraph(self, old: etree._Element, new: etree._Element) -> etree._Element:
        """The new paragraph with the words that differ from the old one as deleted and inserted runs."""
        out = etree.Element(f"{_W}p", nsmap=new.nsmap)
        new_properties = new.find(f"{_W}pPr")
        old_properties = old.find(f"{_W}pPr")
        if new_properties is not None:
            out.append(copy.deepcopy(new_properties))
        if _style(old) != _style(new):
            properties = out.find(f"{_W}pPr")
            if properties is None:
                properties = etree.SubElement(out, f"{_W}pPr")
            change = self.element("pPrChange")
            before = etree.SubElement(change, f"{_W}pPr")
            for child in (old_properties if old_properties is not None else []):
                if child.tag not in (f"{_W}rPr", f"{_W}sectPr", f"{_W}pPrChange"):
                    before.append(copy.deepcopy(child))
            properties.append(change)
        old_tokens, new_tokens = _tokens(old), _tokens(new)
        for tag, i1, i2, j1, j2 in _word_changes(old_tokens, new_tokens):
            if tag == "equal":
                out.extend(_runs(new_tokens[j1:j2]))
                continue
            if i2 > i1:
                deleted = self.element("del")
                deleted.extend(_runs(old_tokens[i1:i2], deleted_text=True))
                out.append(deleted)
            if j2 > j1:
                inserted = self.element("ins")
                inserted.extend(_runs(new_tokens[j1:j2]))
                out.append(inserted)
        return out


def _word_changes(old: list["Token"], new: list["Token"]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes over the tokens, with what is left equal between two changes and holds no word (a
    space, a full stop) made part of one change: "ditutup [pada malam hari -> pukul 22.00]." rather than a
    change per word."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    out: list[list] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        wordless = tag == "equal" and 0 < index < len(opcodes) - 1 and \
            not any(_WORD.search(value) for value, _key in new[j1:j2])
        if tag != "equal" or wordless:
            if out and out[-1][0] == "change":
                out[-1][2], out[-1][4] = i2, j2
            else:
                out.append(["change", i1, i2, j1, j2])
        else:
            out.append([tag, i1, i2, j1, j2])
    return [tuple(item) for item in out]  # type: ignore[misc]


_WORD = re.compile(r"\w")


def _style(paragraph: etree._Element) -> str | None:
    found = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return found.get(f"{_W}val") if found is not None else None


def _to_deleted_text(run: etree._Element) -> None:
    for text in run.iter(f"{_W}t", f"{_W}instrText"):
        text.tag = f"{_W}delText" if text.tag == f"{_W}t" else f"{_W}delInstrText"


def _simple(paragraph: etree._Element) -> bool:
    """Only runs of text, tabs and line breaks: what can be diffed word by word."""
    for child in paragraph:
        if child.tag == f"{_W}pPr":
            continue
        if child.tag != f"{_W}r" or any(grand.tag not in _SIMPLE_RUN_CHILDREN for grand in child):
            return False
    return True


Token = tuple[str, bytes]
"""A word, a space, a punctuation mark, a tab (``"\\t"``) or a line break (``"\\n"``) with its run properties."""


def _tokens(paragraph: etree._Element) -> list[Token]:
    out: list[Token] = []
    for run in paragraph.findall(f"{_W}r"):
        properties = run.find(f"{_W}rPr")
        key = etree.tostring(properties) if properties is not None else b""
        for child in run:
            if child.tag == f"{_W}t":
                out.extend((match.group(0), key) for match in _TOKENS.finditer(child.text or ""))
            elif child.tag == f"{_W}tab":
                out.append(("\t", key))
            elif child.tag == f"{_W}br":
                out.append(("\n", key))
    return out


def _runs(tokens: list[Token], deleted_text: bool = False) -> list[etree._Element]:
    """Runs of consecutive tokens with the same run properties."""
    runs: list[etree._Element] = []
    current: bytes | None = None
    run: etree._Element | None = None
    text_tag = f"{_W}delText" if deleted_text else f"{_W}t"
    for value, key in tokens:
        if run is None or key != current:
            run = etree.Element(f"{_W}r")
            if key:
                run.append(etree.fromstring(key))
            runs.append(run)
            current = key
        if value == "\t":
            etree.SubElement(run, f"{_W}tab")
        elif value == "\n":
            etree.SubElement(run, f"{_W}br")
        else:
            last = run[-1] if len(run) else None
            if last is None or last.tag != text_tag:
                last = etree.SubElement(run, text_tag)
                last.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                last.text = ""
            last.text += value
    return runs


# -- alignment of the two bodies ---------------------------------------------------------------------------------


def _text(element: etree._Element) -> str:
    return "".join(node.text or "" if node.tag == f"{_W}t" else "\t" if node.tag == f"{_W}tab" else "\n"
                   for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br"))


_HEADING = re.compile(r"(Pasal|BAB|Bagian|Paragraf) \S+")


def _label(element: etree._Element) -> str | None:
    """What numbers a paragraph: the text before its first tab (``(2)``, ``a.``), or the whole text of a heading
    line (``Pasal 4``, ``BAB II``, ``Bagian Kesatu``); None for a paragraph without a label."""
    text = _text(element)
    if "\t" in text:
        return text.split("\t", 1)[0]
    return text if _HEADING.fullmatch(text.strip()) else None


def _key(element: etree._Element) -> tuple[str, str | None, str]:
    return element.tag, _style(element) if element.tag == f"{_W}p" else None, _text(element)


def _pairs(old: list[etree._Element], new: list[etree._Element]) -> list[tuple[int, int]]:
    """Old and new paragraphs of one differing stretch that are one paragraph changed: most alike first, in
    order, at least :data:`PAIRED` alike."""
    ratios = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a.tag != b.tag or (a.tag == f"{_W}p" and _label(a) != _label(b)):
                continue  # Pasal 4 deleted and Pasal 4A inserted are two elements, not one renamed
            ratio = difflib.SequenceMatcher(None, _text(a), _text(b), autojunk=False).ratio()
            if _same_shape(a, b) if a.tag == f"{_W}tbl" else ratio >= PAIRED:  # a table: cell by cell
                ratios.append((-ratio, i, j))
    chosen: list[tuple[int, int]] = []
    for _ratio, i, j in sorted(ratios):
        if all((i < ci) == (j < cj) and i != ci and j != cj for ci, cj in chosen):
            chosen.append((i, j))
    return sorted(chosen)


def _same_shape(old: etree._Element, new: etree._Element) -> bool:
    def shape(table: etree._Element) -> list[list[int]]:
        return [[len(cell.findall(f"{_W}p")) for cell in row.findall(f"{_W}tc")] for row in table.findall(f"{_W}tr")]

    return shape(old) == shape(new)


def _merge(old: list[etree._Element], new: list[etree._Element], revisions: _Revisions) -> list[etree._Element]:
    """The new elements, with what differs from the old ones as tracked changes."""
    out: list[etree._Element] = []
    matcher = difflib.SequenceMatcher(None, [_key(e) for e in old], [_key(e) for e in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(new[j1:j2])
            continue
        before, after = old[i1:i2], new[j1:j2]
        i = j = 0
        for pi, pj in [*_pairs(before, after), (len(before), len(after))]:
            for element in before[i:pi]:
                deleted = copy.deepcopy(element)
                revisions.mark_element(deleted, "del")
                out.append(deleted)
            for element in after[j:pj]:
                revisions.mark_element(element, "ins")
                out.append(element)
            if pi < len(before):
                out.append(_changed(before[pi], after[pj], revisions))
            i, j = pi + 1, pj + 1
    return out


def _changed(old: etree._Element, new: etree._Element, revisions: _Revisions) -> etree._Element:
    if old.tag == f"{_W}tbl":
        for old_cell, new_cell in zip(old.iter(f"{_W}tc"), new.iter(f"{_W}tc")):
            merged = _merge(old_cell.findall(f"{_W}p"), new_cell.findall(f"{_W}p"), revisions)
            for paragraph in new_cell.findall(f"{_W}p"):
                new_cell.remove(paragraph)
            new_cell.extend(merged)
        return new
    if _simple(old) and _simple(new):
        return revisions.changed_paragraph(old, new)
    # an image, a field or a link in it: the old paragraph deleted, the new one inserted
    deleted = copy.deepcopy(old)
    revisions.mark_paragraph(deleted, "del")
    revisions.mark_paragraph(new, "ins")
    return _Pair(deleted, new)  # type: ignore[return-value]


class _Pair(list):
    """Two elements that take the place of one (see :func:`_changed`)."""

    def __init__(self, *elements: etree._Element) -> None:
        super().__init__(elements)


def _flatten(elements: list) -> list[etree._Element]:
    out: list[etree._Element] = []
    for element in elements:
        out.extend(element if isinstance(element, _Pair) else [element])
    return out


def _max_id(root: etree._Element) -> int:
    found = [int(value) for value in root.xpath("//@w:id", namespaces={"w": W_NS}) if str(value).lstrip("-").isdigit()]
    return max(found, default=0)


def tracked(old_docx: bytes, new_docx: bytes, when: dt.date, author: str = AUTHOR) -> tuple[bytes, int]:
    """The new DOCX with the changes from the old one tracked, and how many revisions it holds (a changed
    paragraph counts each deleted and each inserted stretch; a paragraph deleted or inserted whole counts one)."""
    old_root = etree.fromstring(_part(old_docx, "word/document.xml"))
    new_root = etree.fromstring(_part(new_docx, "word/document.xml"))
    old_body, new_body = old_root.find(f"{_W}body"), new_root.find(f"{_W}body")
    section = new_body.find(f"{_W}sectPr")
    old_elements = [e for e in old_body if e.tag in (f"{_W}p", f"{_W}tbl")]
    new_elements = [e for e in new_body if e.tag in (f"{_W}p", f"{_W}tbl")]
    revisions = _Revisions(author, when, max(_max_id(old_root), _max_id(new_root)) + 1)
    merged = _flatten(_merge(old_elements, new_elements, revisions))
    for child in list(new_body):
        new_body.remove(child)
    new_body.extend(merged)
    if section is not None:
        new_body.append(section)
    xml = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _replace_part(new_docx, "word/document.xml", xml), revisions.count


def _part(package: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.read(name)


def _replace_part(package: bytes, name: str, data: bytes) -> bytes:
    """The package with one part's bytes replaced (members, their order and compression kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, data if info.filename == name else source.read(info.filename))
    return out.getvalue()
