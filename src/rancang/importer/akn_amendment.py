"""A Perubahan of a regulation of the project itself, read back from Akoma Ntoso as its whole new text.

A whole-text amendment (``mengubah: <regulation id>``, :mod:`rancang.drafting.amendment`) is written in YAML as
the whole edited text, while its AKN holds only Pasal I's change points (``<mod>`` with the instruction and the
``<quotedStructure>`` of the new text, frozen labels as printed). Given the project, the text in force before
this amendment is known (:meth:`rancang.drafting.consolidation.History.before`: the regulation, or its latest
earlier amendment), so the whole new text is that version's YAML with every change point carried out:

* a quoted Pasal replaces the Pasal of the same label (a changed Pasal, and every change inside a Pasal, which
  quotes the whole Pasal), or is inserted after the Pasal the instruction names ("Di antara Pasal 4 dan Pasal 5",
  "Setelah Pasal 7"); the Pasal quoted after it in the same point follow it;
* a quoted BAB, Bagian or Paragraf: its heading only (a changed title), replaced whole, or inserted after the
  group the instruction names;
* "... dihapus.": the Pasal, group, ayat, huruf or angka is left out of the new text.

Inside a quoted Pasal, an ayat or butir that reads exactly as before (same label, same printed text and
everything under it) keeps its YAML from the version in force (its id, its ``[[references]]``); a changed one
keeps the id of the element of the same label. Quoted text is read into YAML by the AKN reader itself
(:class:`rancang.importer.akn.Reader`, from a synthetic ``<section>``), so list kinds and generated endings are
taken off as everywhere else. Not rebuilt (S215, located): a change of Pasal 1 (Ketentuan Umum) or of the closing
Pasal rancang generates, and quoted lines this module cannot place.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from rancang.drafting import consolidation
from rancang.drafting.tree import Article, Group, plain as tree_plain
from rancang.models.regulation import Regulation

GROUP_KEYS = {"bab": "bab", "bagian": "bagian", "paragraf": "paragraf"}
GROUP_PREFIX = (("BAB ", "bab"), ("Bagian ", "bagian"), ("Paragraf ", "paragraf"))
RANK = {"bab": 0, "bagian": 1, "paragraf": 2}
LABELS = (  # (pattern, level, depth)
    (re.compile(r"^\((\d+[a-z]*)\)\s"), "ayat", 0),
    (re.compile(r"^([a-z]\d*)\.\s"), "huruf", 1),
    (re.compile(r"^(\d+[a-z]*)\.\s"), "angka", 2),
    (re.compile(r"^([a-z]\d*)\)\s"), "huruf", 3),
    (re.compile(r"^(\d+[a-z]*)\)\s"), "angka", 4),
)
DELETED = "Dihapus."
MARKER = "\0dihapus"
UNIT = re.compile(r"(BAB|Bagian|Paragraf|Pasal|ayat|huruf|angka) (\([0-9a-z]+\)|[A-Z][a-z]+ [A-Z]\b|[0-9A-Za-z]+)")
"""A unit an instruction names: ``Pasal 12A``, ``ayat (1a)``, ``huruf c1``, ``Bagian Kedua A``."""
LABEL = r"(?:[A-Z][a-z]+ [A-Z]\b|\S+)"


class Unplaced(Exception):
    """A change point this module cannot carry out: (message, element)."""

    def __init__(self, message: str, element: Any) -> None:
        super().__init__(message)
        self.message, self.element = message, element


def dump(model: Any) -> Any:
    """A model as the YAML data a drafter writes."""
    return model.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True, mode="json")


# -- the quoted text ---------------------------------------------------------------------------------------------


@dataclass
class Quoted:
    level: str
    label: str
    text: str
    p: Any = None
    depth: int = 0
    title_p: Any = None
    children: list["Quoted"] = field(default_factory=list)

    @property
    def rank(self) -> int:
        if self.level in RANK:
            return RANK[self.level]
        if self.level == "pasal":
            return 3
        return 4 + (self.depth if self.level != "ayat" else 0)

    @property
    def deleted(self) -> bool:
        return self.text == DELETED and not self.children

    def lines(self) -> list[str]:
        own = f"{self.label} {self.text}".strip() if self.level not in RANK and self.level != "pasal" \
            else self.text
        return [" ".join(own.split()), *(line for child in self.children for line in child.lines())]


def parse_quoted(quoted: Any, plain_of, local) -> list[Quoted]:
    """The elements of a ``<quotedStructure>``, nested by their labels."""
    roots: list[Quoted] = []
    stack: list[Quoted] = []
    pending_title: Quoted | None = None
    for p in quoted:
        if local(p) != "p":
            raise Unplaced("baris kutipan bukan <p>", p)
        text = plain_of(p).strip()
        heading = p.get("class") == "judul"
        if pending_title is not None:
            if not heading:
                if text == DELETED:  # an enacted group kept as "Dihapus.": holds nothing that follows
                    pending_title.text = DELETED
                    if stack and stack[-1] is pending_title:
                        stack.pop()
                    pending_title = None
                    continue
                raise Unplaced("judul BAB, Bagian, atau Paragraf dalam kutipan tidak ditemukan", p)
            pending_title.text, pending_title.title_p = text, p
            pending_title = None
            continue
        if heading:
            level = next((lvl for prefix, lvl in GROUP_PREFIX if text.startswith(prefix)), None)
            if level is None and text.startswith("Pasal "):
                level = "pasal"
            if level is None:
                raise Unplaced(f"judul kutipan '{text}' bukan BAB, Bagian, Paragraf, atau Pasal", p)
            node = Quoted(level, text, "", p)
            if level != "pasal":
                pending_title = node
        else:
            for pattern, level, depth in LABELS:
                found = pattern.match(text)
                if found and stack and (level == "ayat" or any(s.level in ("pasal", "ayat", "huruf", "angka")
                                                               for s in stack)):
                    label = f"({found.group(1)})" if level == "ayat" else text[: found.end()].strip()
                    node = Quoted(level, label, text[found.end():].strip(), p, depth)
                    break
            else:
                top = stack[-1] if stack else None
                if top is not None and top.level == "pasal" and not top.text and not top.children:
                    top.text, top.p = text, p
                    continue
                raise Unplaced("baris kutipan tidak dapat ditempatkan dalam pasal, ayat, atau rincian", p)
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


# -- the version in force, as YAML -------------------------------------------------------------------------------


@dataclass
class Slot:
    """A YAML element of the new text with the list that holds it."""

    data: dict
    holder: list
    tree: Any = None


class WholeText:
    """Carries out the change points on the YAML of the version in force."""

    def __init__(self, reader: Any, before: consolidation.Step, base: Regulation) -> None:
        self.reader = reader
        self.overrides: list[tuple[dict, str, Any]] = []
        """Texts that read as before, set after the reader resolves its own."""
        self.document = before.document
        self.base = base
        self.data = dump(base)
        self.body: list = self.data.get("batang_tubuh", [])
        by_model: dict[int, tuple[dict, list]] = {}

        def register(models: list, dicts: list) -> None:
            for model, data in zip(models, dicts):
                by_model[id(model)] = (data, dicts)
                content = getattr(model, "content", None)
                if isinstance(content, list) and isinstance(data, dict) and isinstance(data.get("isi"), list):
                    register(content, data["isi"])

        register(list(base.body or []), self.body)
        self.articles: dict[str, Slot] = {}
        self.generated: set[str] = set()
        self.anchors: dict[str, Slot] = {}
        """Where a generated Pasal stands (its marker): what is inserted after it goes there."""
        self.groups: list[tuple[tuple[str, ...], Slot]] = []

        def walk(items: list, path: tuple[str, ...], holder: list | None) -> None:
            previous: dict | None = None
            for item in items:
                found = by_model.get(id(item.source)) if item.source is not None else None
                deleted = found is None  # deleted by an earlier amendment, or generated (Ketentuan Umum/Penutup)
                if deleted and holder is not None:
                    # deleted by an earlier amendment: a marker where it stood, so that "Di antara Pasal 4 dan
                    # Pasal 5" finds its place (taken out again by :meth:`body_data`)
                    marker = {MARKER: item.label}
                    at = next((i + 1 for i, x in enumerate(holder) if x is previous), 0) if previous else 0
                    holder.insert(at, marker)
                    found = (marker, holder)
                if found is not None:
                    previous = found[0]
                if isinstance(item, Article):
                    if found is not None and not (deleted and not _placeholder(item)):
                        self.articles[item.label] = Slot(found[0], found[1], item)
                    else:
                        self.generated.add(item.label)
                        if found is not None:
                            self.anchors[item.label] = Slot(found[0], found[1], item)
                elif isinstance(item, Group):
                    if found is not None:
                        self.groups.append((path + (item.label,), Slot(found[0], found[1], item)))
                    inner = found[0].get("isi") if found is not None and not deleted else None
                    walk(item.children, path + (item.label,), inner)

        walk(self.document.body, (), self.body)

    def body_data(self) -> list:
        """The new text's ``batang_tubuh`` (the markers of deleted elements taken out)."""
        def clean(items: list) -> list:
            out = []
            for item in items:
                if isinstance(item, dict) and MARKER in item:
                    continue
                if isinstance(item, dict) and isinstance(item.get("isi"), list):
                    item["isi"] = clean(item["isi"])
                out.append(item)
            return out

        return clean(self.body)

    # -- helpers -----------------------------------------------------------------------------------------------

    def group(self, label: str, container: list[str], element: Any) -> Slot:
        for path, slot in self.groups:
            if path[-1] == label and all(name in path for name in container):
                return slot
        raise Unplaced(f"{label} {' '.join(container)} tidak ada dalam naskah yang diubah".replace("  ", " "),
                       element)

    def article(self, label: str, element: Any) -> Slot:
        if label in self.generated:
            raise Unplaced(f"{label} dibuat rancang sendiri (Ketentuan Umum atau Ketentuan Penutup); perubahannya "
                           "belum dapat dibaca kembali menjadi naskah utuh", element)
        if label not in self.articles:
            raise Unplaced(f"{label} tidak ada dalam naskah yang diubah", element)
        return self.articles[label]

    @staticmethod
    def _remove(slot: Slot) -> None:
        for index, item in enumerate(slot.holder):
            if item is slot.data:
                del slot.holder[index]
                return

    @staticmethod
    def _index(slot: Slot) -> int:
        index = next((i for i, item in enumerate(slot.holder) if item is slot.data), None)
        if index is None:  # its container was replaced whole by an earlier change point
            raise Unplaced("unsur yang dituju sudah diganti utuh oleh butir perubahan sebelumnya", None)
        return index

    @classmethod
    def _after(cls, slot: Slot, new: dict) -> Slot:
        index = cls._index(slot)
        slot.holder.insert(index + 1, new)
        return Slot(new, slot.holder)

    @classmethod
    def _replace(cls, slot: Slot, new: dict) -> None:
        index = cls._index(slot)
        slot.holder[index] = new
        slot.data = new

    # -- one change point --------------------------------------------------------------------------------------

    def apply(self, instruction: str, quoted: list[Quoted], element: Any) -> None:
        instruction = " ".join(instruction.split())
        if not quoted:
            self.delete(instruction, element)
            return
        previous: Slot | None = None
        for index, node in enumerate(quoted):
            if node.level == "pasal":
                if node.label in self.articles and not node.deleted:
                    slot = self.articles[node.label]
                    self._replace(slot, self.pasal(node, slot.tree, slot.data))
                    previous = slot
                    continue
                if node.label in self.generated:
                    self.article(node.label, element)
                if node.deleted:
                    continue
                if previous is None:
                    before = self.before(instruction, "Pasal", element)
                    previous = self.anchors.get(before) or self.article(before, element)
                new = self.pasal(node, None, None)
                previous = self._after(previous, new)
                self.articles[node.label] = previous
                continue
            key = GROUP_KEYS[node.level]
            head = instruction.split(" diubah", 1)[0].split(" dalam ", 1)[0]
            named = [f"{kind} {label}" for kind, label in UNIT.findall(head)]
            container = named[1:] if named and named[0] == node.label else []
            known = [slot for path, slot in self.groups
                     if path[-1] == node.label and all(name in path for name in container)] \
                if " diubah" in instruction and previous is None else []
            if known and not node.children:
                known[0].data[key] = node.text
                previous = known[0]
                continue
            if known:
                slot = known[0]
                self._replace(slot, self.grouped(node, slot.data.get("id")))
                previous = slot
                continue
            if previous is None:
                before, container = self.before_group(instruction, node.level, element)
                previous = self.group(before, container, element)
            previous = self._after(previous, self.grouped(node, None))

    def before(self, instruction: str, word: str, element: Any) -> str:
        found = re.search(rf"(?:Di antara|Setelah) ({word} {LABEL})", instruction)
        if found is None:
            raise Unplaced(f"instruksi sisipan '{instruction}' tidak menyebut unsur sebelumnya ('Di antara ... dan "
                           "...' atau 'Setelah ...')", element)
        return found.group(1)

    def before_group(self, instruction: str, level: str, element: Any) -> tuple[str, list[str]]:
        word = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[level]
        found = re.search(rf"(?:Di antara ({word} {LABEL}) dan {word} {LABEL}|Setelah ({word} {LABEL}))(?P<rest>.*?) "
                          rf"(?:disisipkan|ditambahkan)", instruction)
        if found is None:
            raise Unplaced(f"instruksi sisipan '{instruction}' tidak menyebut unsur sebelumnya", element)
        container = [f"{a} {b}" for a, b in UNIT.findall(found.group("rest"))]
        return found.group(1) or found.group(2), container

    def delete(self, instruction: str, element: Any) -> None:
        head = instruction.split(" dihapus", 1)[0]
        head = head.split(" dalam ", 1)[0]
        units = [(kind, label) for kind, label in UNIT.findall(head)]
        if not units:
            raise Unplaced(f"instruksi '{instruction}' tanpa kutipan tidak dikenali", element)
        first = units[0][0]
        inner = first == "Pasal" and any(kind not in ("Pasal",) for kind, _ in units)
        if inner:
            targets = {label.rstrip(".)") for kind, label in units if kind == units[-1][0]}
            path = [u for u in units if u[0] != units[-1][0]]
            slot = self.article(f"Pasal {path[0][1]}", element)
            tree, data = slot.tree, slot.data
            for kind, label in path[1:]:
                trees, items = _children(tree, data)
                index = next((i for i, t in enumerate(trees) if (t.label or "").rstrip(".)") == label.rstrip(".)")),
                             None)
                if index is None:
                    raise Unplaced(f"{kind} {label} tidak ada dalam naskah yang diubah", element)
                tree, data = trees[index], items[index]
            trees, items = _children(tree, data)
            kept = [item for t, item in zip(trees, items) if (t.label or "").rstrip(".)") not in targets]
            if len(kept) == len(items):
                raise Unplaced(f"unsur yang dihapus ('{head}') tidak ada dalam naskah yang diubah", element)
            items[:] = kept
            return
        targets = [u for u in units if u[0] == first]
        container = [f"{k} {l}" for k, l in units if k != first]
        for kind, label in targets:
            name = f"{kind} {label}"
            if kind == "Pasal":
                self._remove(self.article(name, element))
                self.articles.pop(name, None)
            else:
                self._remove(self.group(name, container, element))

    # -- quoted elements as YAML ------------------------------------------------------------------------------

    def grouped(self, node: Quoted, group_id: str | None) -> dict:
        out: dict = {}
        if group_id:
            out["id"] = group_id
        out[GROUP_KEYS[node.level]] = node.text
        out["isi"] = []
        for child in node.children:
            if child.deleted:
                continue
            if child.level == "pasal":
                slot = self.articles.get(child.label)
                new = self.pasal(child, slot.tree if slot else None, slot.data if slot else None)
                out["isi"].append(new)
                if slot is None:
                    self.articles[child.label] = Slot(new, out["isi"])
            else:
                out["isi"].append(self.grouped(child, None))
        return out

    def pasal(self, node: Quoted, old: Article | None, old_data: dict | None) -> dict:
        """A quoted Pasal as YAML: read by the AKN reader from a synthetic ``<section>``; what reads as before
        keeps its YAML from the version in force (its id, its references)."""
        if old is not None and old_data is not None and node.lines() == _old_lines(old):
            return old_data
        single = old_data is not None and len(old_data.get("ayat") or []) == 1 and \
            not any(c.level == "ayat" for c in node.children)
        data = self.reader.article(self.section(node, single=single))
        if old is not None and old_data is not None:
            if old_data.get("id") and "id" not in data:
                _with_id(data, old_data["id"])
            if single:
                if old_data["ayat"][0].get("id"):
                    _with_id(data["ayat"][0], old_data["ayat"][0]["id"])
                self.keep(node, old, old_data["ayat"][0], data["ayat"][0])
            else:
                self.keep(node, old, old_data, data)
        return data

    def keep(self, node: Quoted, tree: Any, old_data: dict, data: dict) -> None:
        """What reads as before inside a changed element keeps its YAML: its own text (references), each ayat or
        butir of the same label, whole when nothing under it changed."""
        if _ending_free(node.text) == _ending_free(_own_text(tree)) and "teks" in old_data and "teks" in data:
            self.overrides.append((data, "teks", old_data["teks"]))
        new_children = [c for c in node.children if not c.deleted]
        try:
            trees, old_items = _children(tree, old_data)
        except (KeyError, TypeError):
            return
        items = data["ayat"] if "ayat" in data else (data.get("rincian") or {}).get("butir")
        if not items or len(items) != len(new_children):
            return
        by_label = {(t.label or ""): (t, item) for t, item in zip(trees, old_items)}
        for index, (child, item) in enumerate(zip(new_children, items)):
            if child.label not in by_label or not isinstance(item, dict):
                continue
            old_tree, old_item = by_label[child.label]
            if not isinstance(old_item, dict):
                continue
            if child.lines() == _element_lines(old_tree):
                items[index] = old_item
                continue
            if old_item.get("id") and "id" not in item:
                _with_id(item, old_item["id"])
            self.keep(child, old_tree, old_item, item)

    def section(self, node: Quoted, single: bool = False) -> Any:
        from lxml import etree

        if node.p is None:
            raise Unplaced(f"{node.label} dalam kutipan tanpa teks", None)
        namespace = etree.QName(node.p).namespace  # the quoted text's own, Akoma Ntoso 3.0

        def make(tag: str, parent: Any = None) -> Any:
            name = f"{{{namespace}}}{tag}"
            return etree.SubElement(parent, name) if parent is not None else etree.Element(name)

        def inline(tag: str, parent: Any, source: Any, label: str) -> Any:
            out = make(tag, parent)
            out.text = source.text
            for child in source:
                out.append(copy.deepcopy(child))
            if label:
                text = out.text or ""
                out.text = text[text.index(label) + len(label):].lstrip() if label in text else text
            return out

        def block(parent: Any, item: Quoted) -> None:
            children = [c for c in item.children if not c.deleted]
            if not children:
                inline("p", parent, item.p, item.label if item.level != "pasal" else "")
                return
            listing = make("blockList", parent)
            inline("listIntroduction", listing, item.p, item.label if item.level != "pasal" else "")
            for child in children:
                entry = make("item", listing)
                make("num", entry).text = child.label
                block(entry, child)

        section = make("section")
        make("num", section).text = node.label
        children = [c for c in node.children if not c.deleted]
        if single:  # one ayat in the version in force, printed as the Pasal's one norm: kept as its ayat
            block(make("content", make("subsection", section)), node)
        elif children and children[0].level == "ayat":
            for child in children:
                subsection = make("subsection", section)
                make("num", subsection).text = child.label
                block(make("content", subsection), child)
        else:
            if node.p is None:
                raise Unplaced(f"{node.label} dalam kutipan tanpa teks", node.p)
            block(make("content", section), node)
        return section


_ENDING = re.compile(r"\s*(?:[;,.:]\s*)?(?:(?:dan/atau|dan|atau)\s*)?$")


def _ending_free(text: str) -> str:
    return _ENDING.sub("", " ".join(text.split()))


def _own_text(tree: Any) -> str:
    """The printed text of an element of the version in force, without what is under it."""
    if isinstance(tree, Article):
        if any(c.label is not None for c in tree.clauses):
            return ""
        return "\n".join(tree_plain(part) for c in tree.clauses for part in (c.text, c.closing) if part)
    return "\n".join(tree_plain(part) for part in (tree.text, getattr(tree, "closing", None)) if part)


def _placeholder(item: Any) -> bool:
    """An element an earlier amendment deleted: its label and "Dihapus.", nothing under it."""
    if isinstance(item, Article):
        return [tree_plain(c.text).strip() for c in item.clauses] == [DELETED]
    if isinstance(item, Group):
        return item.title.strip() == DELETED or all(_placeholder(child) for child in item.children)
    return False


def _live(items: list) -> list:
    return [item for item in items if item.source is not None and tree_plain(item.text).strip() != DELETED]


def _children(tree: Any, data: dict) -> tuple[list, list]:
    """The ayat or butir under an element of the version in force, with their YAML."""
    if isinstance(tree, Article):
        numbered = [c for c in tree.clauses if c.label is not None]
        if numbered:
            return _live(numbered), data["ayat"]
        if len(data.get("ayat") or []) == 1:  # one ayat, printed as the Pasal's norm
            data = data["ayat"][0]
        return _live([p for c in tree.clauses for p in c.points]), data["rincian"]["butir"]
    return _live(tree.points), data["rincian"]["butir"]


def _with_id(data: dict, value: str) -> None:
    items = list(data.items())
    data.clear()
    data["id"] = value
    data.update(items)


def _text_lines(label: str | None, text: Any, closing: Any = None) -> str:
    parts = [tree_plain(text)] + ([tree_plain(closing)] if closing else [])
    own = "\n".join(parts)
    return " ".join(f"{label or ''} {own}".split())


def _element_lines(item: Any) -> list[str]:
    out = [_text_lines(item.label, item.text, getattr(item, "closing", None))]
    for point in item.points:
        out.extend(_element_lines(point))
    return out


def _old_lines(article: Article) -> list[str]:
    numbered = [c for c in article.clauses if c.label is not None]
    if numbered:
        out = [""]
        for clause in numbered:
            out.extend(_element_lines(clause))
        return out
    out = [" ".join("\n".join(tree_plain(part) for c in article.clauses for part in (c.text, c.closing) if part)
                    .split())]
    for clause in article.clauses:
        for point in clause.points:
            out.extend(_element_lines(point))
    return out


def in_force(project: Any, record_id: str, provisional: Regulation) -> tuple[consolidation.Step, Regulation] | None:
    """The version in force before the amendment ``record_id`` (``provisional``: the amendment as far as it is
    known: its id, ``mengubah``, number and dates, which place it in the history) and the YAML model it is built
    from."""
    data = dataclasses.replace(project, regulations={**project.regulations, record_id: provisional})
    chain = consolidation.history_of(record_id, data)
    if chain is None:
        return None
    before = chain.before(record_id)
    return before, data.regulations[before.record_id]
