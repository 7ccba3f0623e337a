"""Organisation charts (``bagan:`` of a lampiran) drawn by Graphviz: SVG for the site, PNG for the DOCX.

Why Graphviz (the ``dot`` program, Debian package ``graphviz``) rather than native Word shapes:

* it is maintained (a release a year for three decades), packaged by Debian and every other distribution,
  and runs locally: no network, no service, nothing but a subprocess reading DOT text on stdin;
* it lays the chart out: rank assignment, ordering without crossings and coordinates come from ``dot``'s
  layered layout, which is made for exactly this kind of top-down tree. Native DrawingML shapes would need
  rancang to compute every box size (text metrics of a font it may not have) and every connector itself,
  and LibreOffice draws Word's connectors and grouped shapes differently from Word, so the PDF would drift;
* one drawing serves both outputs: the same layout becomes SVG on the page and a PNG picture in the DOCX,
  which Word, LibreOffice and every PDF keep exactly as drawn. A picture cannot be edited box by box in Word,
  but the chart's source is the YAML tree, which is where it should be edited.

The layout follows the bagan of Indonesian regional regulations: the head on top; units marked ``staf``
(Kelompok Jabatan Fungsional, Sekretariat) beside the head's vertical line, in pairs left and right, their own
units below them; the other units on a horizontal line below (a "bus"); leaf units of a lower unit (Seksi
under a Bidang) stacked under it beside a vertical line, so that the chart grows downwards, not sideways.
Lines are orthogonal (``splines=ortho``): small point nodes make every junction, and ``group`` keeps the
vertical lines straight.

User text only ever reaches DOT inside HTML-like labels built with :mod:`xml.etree.ElementTree` (so ``<``,
``&``, ``"`` and ``\\`` are text, never DOT or markup); node names are generated (``u0``, ``p0``).
Boxes are set in Bookman Old Style, the regulation's font (URW Bookman through rancang's ``fonts.conf``,
as for LibreOffice), with a serif fallback in the SVG. The same tree gives byte-identical output.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import struct
import subprocess
import tempfile
import textwrap
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from rancang.models.regulation import OrgUnit
from rancang.render.pdf import FONTS_CONF
from rancang.render.processes import kill_group

__all__ = ["BaganError", "NotInstalled", "available", "dot_source", "png", "svg", "title_of", "placeholder",
           "NOT_INSTALLED"]

TIMEOUT = 30.0
"""Seconds ``dot`` may take for one chart (a chart of 150 boxes takes well under one)."""
PNG_DPI = 200
FONT = "Bookman Old Style,URW Bookman,serif"
FONT_SIZE = 10
NOTE_SIZE = 8
WRAP = 26
"""Characters per line in a box: long names are wrapped at spaces."""

NOT_INSTALLED = (
    "Graphviz (program dot) tidak ditemukan, jadi bagan tidak dapat digambar; pasang paket graphviz "
    "(apt-get install graphviz). Bagian lain dokumen dan situs tetap dibuat, dengan keterangan pengganti bagan."
)

_SVG_NS = "http://www.w3.org/2000/svg"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class BaganError(Exception):
    """A chart could not be drawn; the message is Indonesian and meant for the user."""

    chart: OrgUnit | None = None
    """The chart (the head unit of a ``bagan:``) that could not be drawn."""


class NotInstalled(BaganError):
    """Graphviz is not installed: outputs show a note in the chart's place (:data:`NOT_INSTALLED`)."""


def available() -> bool:
    """Whether Graphviz's ``dot`` is on PATH."""
    return shutil.which("dot") is not None


def title_of(chart: OrgUnit) -> str:
    """The accessible title of a chart: ``Bagan susunan organisasi <head unit>``."""
    return f"Bagan susunan organisasi {' '.join(chart.name.split())}"


def placeholder(chart: OrgUnit) -> str:
    """What the documents and the site show in a chart's place when Graphviz is not installed."""
    return f"[{title_of(chart)} belum digambar: Graphviz (program dot) tidak terpasang saat dokumen ini dibuat]"


# -- DOT source ---------------------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """A name as the lines of its box: the user's own line breaks kept, long lines wrapped at spaces."""
    out: list[str] = []
    for line in _NOT_XML.sub("", text).splitlines() or [""]:
        words = " ".join(line.split())
        out.extend(textwrap.wrap(words, WRAP, break_long_words=False, break_on_hyphens=False) or [""])
    return [line for line in out if line] or [" "]


def _text_lines(parent: ET.Element, lines: list[str]) -> None:
    """``lines`` as the text of ``parent``, separated by ``<BR/>`` elements."""
    for index, line in enumerate(lines):
        line = line.replace("\\", "\\\\")  # dot expands \N, \G, \L... even in HTML-like labels; \\ is one \
        if index == 0:
            parent.text = line
        else:
            ET.SubElement(parent, "BR").tail = line


def _label(unit: OrgUnit, head: bool) -> str:
    """An HTML-like DOT label (``<...>``) built as an element tree, so that every character of a name is text."""
    root = ET.Element("L")
    _text_lines(ET.SubElement(root, "B") if head else root, _lines(unit.name))
    if unit.note:
        ET.SubElement(root, "BR")
        _text_lines(ET.SubElement(root, "FONT", {"POINT-SIZE": str(NOTE_SIZE)}), _lines(unit.note))
    xml = ET.tostring(root, encoding="unicode")
    return "<" + xml.removeprefix("<L>").removesuffix("</L>").replace("<BR />", "<BR/>") + ">"


@dataclass
class _Graph:
    lines: list[str] = field(default_factory=list)
    count: int = 0

    def _name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def box(self, unit: OrgUnit, group: str, head: bool) -> str:
        name = self._name("u")
        self.lines.append(f"  {name} [label={_label(unit, head)}, group={group}];")
        return name

    def point(self, group: str) -> str:
        name = self._name("p")
        self.lines.append(f'  {name} [shape=point, style=invis, width=0.01, height=0.01, label="", group={group}];')
        return name

    def edge(self, tail: str, head: str, minlen: int = 1) -> None:
        self.lines.append(f"  {tail} -> {head}" + (f" [minlen={minlen}]" if minlen != 1 else "") + ";")

    def same_rank(self, *names: str) -> None:
        self.lines.append("  { rank=same; " + "; ".join(names) + "; }")


def _stacked(unit: OrgUnit, head: bool) -> bool:
    """Leaf units under a lower unit (Seksi under a Bidang) are stacked beside a vertical line."""
    regular = [u for u in unit.subordinates if not u.staff]
    return not head and bool(regular) and all(not u.subordinates for u in regular)


def _height(unit: OrgUnit, head: bool = False) -> int:
    """Ranks the unit's drawing occupies, its own box included (see :meth:`_Layout.place`)."""
    staff = [u for u in unit.subordinates if u.staff]
    regular = [u for u in unit.subordinates if not u.staff]
    bottom = _staff_bottom(staff)
    if not regular:
        return bottom + 1
    if _stacked(unit, head):
        return bottom + len(regular) + 1
    if len(regular) == 1:
        return bottom + 1 + _height(regular[0])
    return bottom + 2 + max(_height(u) for u in regular)


def _staff_bottom(staff: list[OrgUnit]) -> int:
    """The lowest rank (relative to their superior) reached by the staff units and their own units."""
    bottom = (len(staff) + 1) // 2
    for index, unit in enumerate(staff):
        bottom = max(bottom, index // 2 + _height(unit))
    return bottom


class _Layout:
    def __init__(self) -> None:
        self.graph = _Graph()

    def place(self, unit: OrgUnit, head: bool = False, group: str | None = None) -> str:
        """Draw ``unit`` and its units; return its box's node name."""
        graph = self.graph
        own = group or f"g{graph.count + 1}"
        box = graph.box(unit, own, head)
        staff = [u for u in unit.subordinates if u.staff]
        regular = [u for u in unit.subordinates if not u.staff]
        drop, drop_rank = box, 0
        for index in range(0, len(staff), 2):  # staff units in pairs beside the vertical line
            point = graph.point(own)
            graph.edge(drop, point)
            drop, drop_rank = point, drop_rank + 1
            pair = staff[index:index + 2]
            left = self.place(pair[0])
            row = [left, point]
            graph.edge(left, point)  # a flat edge: its tail is drawn left of its head
            if len(pair) == 2:
                right = self.place(pair[1])
                graph.edge(point, right)
                row.append(right)
            graph.same_rank(*row)
        if not regular:
            return box
        gap = _staff_bottom(staff) + 1 - drop_rank
        if _stacked(unit, head):
            previous, minlen = drop, gap
            for child in regular:
                point = graph.point(own)
                graph.edge(previous, point, minlen)
                name = self.place(child)
                graph.edge(point, name)
                graph.same_rank(point, name)
                previous, minlen = point, 1
            return box
        if len(regular) == 1:
            graph.edge(drop, self.place(regular[0], group=own), gap)
            return box
        # One point above each unit, in the unit's group (its line down stays straight); an odd count puts the
        # middle unit under this one, an even count adds a point between the middle two.
        half, odd = divmod(len(regular), 2)
        groups = [own if odd and index == half else f"{own}x{index}" for index in range(len(regular))]
        bus = [graph.point(g) for g in groups]
        if odd:
            middle = bus[half]
            row = bus
        else:
            middle = graph.point(own)
            row = [*bus[:half], middle, *bus[half:]]
        graph.same_rank(*row)
        for left, right in zip(row, row[1:]):
            graph.edge(left, right)
        graph.edge(drop, middle, gap)
        for point, child, child_group in zip(bus, regular, groups):
            graph.edge(point, self.place(child, group=child_group))
        return box


def dot_source(chart: OrgUnit) -> str:
    """The DOT text of a chart (deterministic: the same tree gives the same text)."""
    layout = _Layout()
    layout.place(chart, head=True)
    font = f'fontname="{FONT}"'
    head = [
        "digraph bagan {",
        f'  graph [rankdir=TB, splines=ortho, nodesep=0.22, ranksep=0.22, {font}, fontsize={FONT_SIZE}, '
        'bgcolor=white, pad=0.1];',
        f'  node [shape=box, {font}, fontsize={FONT_SIZE}, margin="0.12,0.05", width=1.5, height=0.4, '
        "penwidth=1];",
        '  edge [arrowhead=none, penwidth=1];',
    ]
    return "\n".join([*head, *layout.graph.lines, "}", ""])


# -- running dot -------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def run_dot(source: str, fmt: str, dpi: int | None) -> bytes:
    """``dot -T<fmt>`` of ``source`` (cached: the site and the DOCX draw the same chart)."""
    dot = shutil.which("dot")
    if dot is None:
        raise NotInstalled(NOT_INSTALLED)
    cmd = [dot, f"-T{fmt}", *([f"-Gdpi={dpi}"] if dpi else [])]
    with tempfile.TemporaryDirectory(prefix="rancang-bagan-") as work:
        env = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL", "LC_CTYPE")}
        env.update(HOME=work, TMPDIR=work, XDG_CACHE_HOME=str(Path(work) / "cache"))
        if FONTS_CONF.is_file():
            env["FONTCONFIG_FILE"] = str(FONTS_CONF)
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    cwd=work, env=env, start_new_session=True)
        except OSError as exc:
            raise BaganError(f"Graphviz ({dot}) tidak dapat dijalankan: {exc}") from exc
        try:
            out, err = proc.communicate(source.encode("utf-8"), timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            raise BaganError(f"Graphviz tidak selesai menggambar bagan dalam {TIMEOUT:g} detik dan dihentikan; "
                             "perkecil bagannya atau pecah menjadi beberapa lampiran.") from None
        except BaseException:
            kill_group(proc)
            raise
    if proc.returncode != 0 or not out:
        detail = " | ".join(line for line in err.decode("utf-8", "replace").splitlines() if line.strip())[-400:]
        raise BaganError(f"Graphviz gagal menggambar bagan (kode keluar {proc.returncode})"
                         + (f": {detail}" if detail else "."))
    return out


def _draw(chart: OrgUnit, fmt: str, dpi: int | None) -> bytes:
    try:
        return run_dot(dot_source(chart), fmt, dpi)
    except BaganError as exc:
        exc.chart = chart
        raise


def png(chart: OrgUnit) -> bytes:
    """The chart as a PNG picture at 200 dpi, the resolution written in the file (so that Word and the DOCX
    renderer give it its physical size: 10-point text stays 10-point unless the chart is wider than the page)."""
    return _with_resolution(_draw(chart, "png", PNG_DPI), PNG_DPI)


def _with_resolution(data: bytes, dpi: int) -> bytes:
    """A PNG with a ``pHYs`` chunk declaring ``dpi`` (Graphviz's cairo writer leaves it out) after ``IHDR``."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise BaganError("Graphviz tidak menghasilkan gambar PNG.")
    signature, chunks, at = data[:8], [], 8
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        end = at + 12 + length
        if kind != b"pHYs":
            chunks.append(data[at:end])
        at = end
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    return signature + chunks[0] + phys + b"".join(chunks[1:])


def svg(chart: OrgUnit) -> str:
    """The chart as an ``<svg>`` element for a web page.

    Without XML prolog and doctype; Graphviz's own per-node titles (the generated node names) and comments are
    removed; the element gets ``role="img"``, an Indonesian ``aria-label`` and ``<title>``, and the class
    ``rancang-bagan`` (the site's stylesheet lets it shrink to the page width, keeping its proportions).
    """
    parser = etree.XMLParser(remove_comments=True, remove_blank_text=True, resolve_entities=False, no_network=True,
                             load_dtd=False)
    root = etree.fromstring(_draw(chart, "svg", None), parser)
    for element in list(root.iter()):
        element.attrib.pop("id", None)  # "graph0", "node1": would repeat with a second chart on the page
        if element.tag == f"{{{_SVG_NS}}}title":  # the generated node names
            element.getparent().remove(element)
    title = title_of(chart)
    heading = etree.Element(f"{{{_SVG_NS}}}title")
    heading.text = title
    root.insert(0, heading)
    root.set("role", "img")
    root.set("aria-label", title)
    root.set("class", "rancang-bagan")
    return etree.tostring(root, encoding="unicode")
