"""Render the imported regulation back and set it beside the source, Pasal by Pasal.

The engine writes labels, list endings and the fixed formulas itself. Where its text differs from the
enacted text, the drafter must know before using the draft: each difference is a ``pembakuan`` note
showing both versions. The counts of BAB, Bagian, Paragraf, Pasal and ayat are compared as well.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from rancang.drafting.tree import Article, Clause, Document, Group, Point
from rancang.importer.tree import Node, Note, Parsed

COUNTED = ("bab", "bagian", "paragraf", "pasal", "ayat")


def _spans(spans) -> str:
    """Rendered text as the source reads it: an italic span as ``*...*`` (DOCX sources mark italics so)."""
    out = []
    for span in spans or []:
        text = span.text
        if getattr(span, "italic", False) and text.strip():
            stripped = text.strip()
            text = text[:len(text) - len(text.lstrip())] + f"*{stripped}*" + text[len(text.rstrip()):]
        out.append(text)
    return "".join(out).replace("**", "")


def _norm(text: str) -> str:
    return " ".join(text.split())


def source_text(node: Node) -> str:
    """A Pasal of the source on one line: ``(1) text a. item; ...``."""
    return node.flat()


def rendered_text(article: Article) -> str:
    parts: list[str] = []

    def point(item: Point) -> None:
        parts.append(item.label)
        parts.append(_spans(item.text))
        for child in item.points:
            point(child)
        if item.closing:
            parts.append(_spans(item.closing))

    for clause in article.clauses:
        if clause.label:
            parts.append(clause.label)
        parts.append(_spans(clause.text))
        for item in clause.points:
            point(item)
        if clause.closing:
            parts.append(_spans(clause.closing))
    for change in article.changes:
        parts.append(change.label)
        parts.append(_spans(change.text))
        for line in change.quoted:
            parts.append(_spans(line.text) if not isinstance(line.text, str) else line.text)
    return _norm(" ".join(parts))


def source_counts(body: list[Node]) -> dict[str, int]:
    counts = dict.fromkeys(COUNTED, 0)
    for top in body:
        for node in top.walk():
            if node.kind in counts:
                counts[node.kind] += 1
    return counts


def rendered_articles(items) -> list[Article]:
    out: list[Article] = []
    for item in items:
        if isinstance(item, Group):
            out.extend(rendered_articles(item.children))
        else:
            out.append(item)
    return out


def rendered_counts(document: Document) -> dict[str, int]:
    counts = dict.fromkeys(COUNTED, 0)

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Group):
                counts[item.kind] += 1
                walk(item.children)
            else:
                counts["pasal"] += 1
                counts["ayat"] += sum(1 for clause in item.clauses if clause.label)

    walk(document.body)
    return counts


def removed(source: str, rendered: str) -> str:
    """The source words rancang would not write (they belong to the report's word ledger)."""
    left, right = source.split(), rendered.split()
    return " ".join(" ".join(left[i1:i2]) for tag, i1, i2, _j1, _j2 in
                    difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes() if tag != "equal")


def difference(source: str, rendered: str) -> str:
    """The changed words, with a little context: ``... diarahkan «untuk» → «guna» mempercepat ...``."""
    left, right = source.split(), rendered.split()
    pieces = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        before = " ".join(left[max(0, i1 - 3):i1])
        after = " ".join(left[i2:i2 + 3])
        old = " ".join(left[i1:i2]) or "∅"
        new = " ".join(right[j1:j2]) or "∅"
        pieces.append(f"… {before} «{old}» → «{new}» {after} …".replace("  ", " "))
    return "; ".join(pieces[:6]) + (f"; dan {len(pieces) - 6} perbedaan lain" if len(pieces) > 6 else "")


@dataclass
class Comparison:
    source: dict[str, int]
    rendered: dict[str, int]
    identical: int = 0
    articles: int = 0
    notes: list[Note] = field(default_factory=list)

    @property
    def same_structure(self) -> bool:
        return self.source == self.rendered


def compare(body: list[Node], parsed: Parsed, document: Document) -> Comparison:
    """``body``: the source's body as parsed (before references were linked)."""
    comparison = Comparison(source_counts(body), rendered_counts(document))
    if not comparison.same_structure:
        shown = ", ".join(f"{kind} {comparison.source[kind]} → {comparison.rendered[kind]}" for kind in COUNTED
                          if comparison.source[kind] != comparison.rendered[kind])
        comparison.notes.append(Note("pembakuan", f"jumlah unsur berbeda antara sumber dan hasil rancang draft: "
                                     f"{shown}"))
    sources = [node for top in body for node in top.walk() if node.kind == "pasal"]
    rendered = rendered_articles(document.body)
    comparison.articles = len(sources)
    renumbered = [(source, article) for source, article in zip(sources, rendered)
                  if f"Pasal {source.label}" != article.label]
    if renumbered:
        shown = ", ".join(f"Pasal {s.label} → {a.label}" for s, a in renumbered[:12])
        more = f", dan {len(renumbered) - 12} lainnya" if len(renumbered) > 12 else ""
        comparison.notes.append(Note(
            "penomoran", f"rancang menomori ulang {len(renumbered)} pasal: {shown}{more}",
            tuple(line for s, _ in renumbered for line in s.lines[:1]),
            " ".join(f"Pasal {s.label}" for s, _ in renumbered)))
    for source, article in zip(sources, rendered):
        left, right = source_text(source), rendered_text(article)
        if left == right:
            comparison.identical += 1
            continue
        comparison.notes.append(Note(
            "pembakuan", f"Pasal {source.label} (menjadi {article.label}) ditulis lain oleh rancang: "
            f"{difference(left, right)}", tuple(source.lines), removed(left, right)))
    _legal_bases(parsed, document, comparison)
    frame = _frame_pairs(parsed, document)
    for what, left, right, lines in frame:
        if left is None:
            continue
        if _norm(left) != _norm(right):
            comparison.notes.append(Note("pembakuan", f"{what} ditulis lain oleh rancang: "
                                         f"{difference(_norm(left), _norm(right))}", tuple(lines),
                                         removed(_norm(left), _norm(right))))
    return comparison


def _legal_bases(parsed: Parsed, document: Document, comparison: Comparison) -> None:
    """Each Mengingat item beside the citation rancang writes from the catalogue (most alike first)."""
    rendered = [_norm(_spans(entry.text)).rstrip(";.") for entry in document.legal_bases]
    unused = list(range(len(rendered)))
    order = []
    for text, lines in parsed.legal_bases:
        source = _norm(text).rstrip(";.")
        if not unused:
            break
        best = max(unused, key=lambda i: difflib.SequenceMatcher(a=source, b=rendered[i], autojunk=False).ratio())
        unused.remove(best)
        order.append(best)
        if source != rendered[best]:
            comparison.notes.append(Note("pembakuan", "Mengingat: kutipan ditulis rancang dari katalog: "
                                         f"{difference(source, rendered[best])}", tuple(lines),
                                         removed(source, rendered[best])))
    if len(parsed.legal_bases) == 1 and document.legal_bases and document.legal_bases[0].label is None:
        comparison.notes.append(Note("pembakuan", "Mengingat: dasar hukum satu-satunya ditulis rancang tanpa nomor "
                                     "'1.'", tuple(parsed.legal_bases[0][1][:1]), "1"))
    if order != sorted(order):
        comparison.notes.append(Note("pembakuan", "Mengingat: rancang mengurutkan dasar hukum menurut hierarki lalu "
                                     "tahun; urutan di sumber berbeda",
                                     tuple(n for _, lines in parsed.legal_bases for n in lines[:1]), ""))


def _frame_pairs(parsed: Parsed, document: Document):
    considerations = [text for text, _ in parsed.considerations]
    rendered = [_spans(entry.text) for entry in document.considerations]
    lines = [n for _, item_lines in parsed.considerations for n in item_lines]
    yield "Menimbang", " ".join(considerations), " ".join(rendered), lines
    order = parsed.promulgation_order
    yield "Perintah pengundangan", order, document.promulgation_order, parsed.frame_lines.get("order", [])
    yield "Menetapkan", parsed.enact_text, document.enact_text, parsed.frame_lines.get("enact", [])
