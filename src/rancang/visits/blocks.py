"""A neutral document for briefs and reports: headings, paragraphs, lists, tables, rich text, figures.

The content builders (:mod:`rancang.visits.content`) decide what the document
says, in what order and with which numbers; renderers (DOCX now) only map each
block to a named style of the Word template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from rancang.richtext import RichText


@dataclass(frozen=True)
class Heading:
    level: int
    """1 = chapter (``I. PENDAHULUAN``), 2 = section (``A. Latar Belakang``), 3 = sub-section."""
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    note: bool = False
    """A remark in a lighter style (e.g. "tidak tercatat dalam data")."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...] | None = None


@dataclass(frozen=True)
class KeyValues:
    """Label : value lines, e.g. ``Hari/tanggal : Jumat, 4 Juni 2021`` (a borderless two-column table)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Rich:
    """A field written in Markdown (a background, a narrative of a profile), parsed once: its paragraphs, lists,
    tables, links and images keep their form in every output."""

    text: RichText


@dataclass(frozen=True)
class Figure:
    """An image with its caption, e.g. a photograph of an innovation's profile."""

    source: str
    """The image file, relative to the project (resolved by the renderer's image source)."""
    caption: str | None = None
    source_note: str | None = None
    """Where the image comes from: ``Sumber: Dinas Kominfo``."""


@dataclass(frozen=True)
class Signature:
    """A signature block on the right half of the page: the lines above the space to sign (``Yang melaporkan,``,
    the position), the name, and the lines below it (``NIP ...``)."""

    above: tuple[str, ...]
    name: str
    below: tuple[str, ...] = ()


Block = Union[Heading, Para, Bullets, Table, KeyValues, Rich, Figure, Signature]


@dataclass
class VisitDocument:
    title: str
    """``BAHAN KUNJUNGAN KERJA`` or ``LAPORAN HASIL KUNJUNGAN KERJA``."""
    subtitle: str
    """What, who, when: ``Studi Banding DPRD Kabupaten ... ke Kota Parepare, Jumat, 4 Juni 2021``."""
    header: str
    """Running header of pages 2+."""
    blocks: list[Block] = field(default_factory=list)
