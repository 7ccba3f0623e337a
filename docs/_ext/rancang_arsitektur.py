"""Sphinx extension: the layers of rancang's code, drawn from the import contract.

``{rancang-lapisan}``
    Reads the ``layers`` contract of ``[tool.importlinter]`` in ``pyproject.toml`` at build time and
    renders a picture (an inline SVG built with :mod:`xml.etree.ElementTree`: one box per layer, top to
    bottom, each listing its top-level modules, optional ones dashed, arrows pointing down only) and a
    table (each layer's Indonesian name, its modules, what it is for). Option ``:bagian: gambar`` or
    ``:bagian: tabel`` renders only one of the two.

The picture and the table come from the contract that ``lint-imports`` enforces, so they cannot drift from
it. What each layer is for is kept here (:data:`LAYERS`, by position): a contract with another number of
layers, or a layer that no longer holds the module its description names (:attr:`Layer.anchor`), stops the
build with :class:`ContractError`, whose message says what to update.

The page is re-read when ``pyproject.toml`` changes (``note_dependency``). The file is found at
``rancang_pyproject`` (a path relative to the documentation's source folder; by default
``../pyproject.toml``, next to ``docs/``).
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective


@dataclass(frozen=True)
class Layer:
    """What a layer is for, in Indonesian; ``anchor`` is a module the layer must hold (guards the order)."""

    key: str
    name: str
    anchor: str
    purpose: str


#: One entry per layer of the contract, top to bottom. Backquoted words are shown as code.
LAYERS: tuple[Layer, ...] = (
    Layer("app", "Aplikasi", "cli",
          "Perintah `rancang` dan alurnya: mengurai argumen, menyusun pemeriksaan dengan pembangunan "
          "(`build`), menyajikan situs sambil membangun ulang (`serve`), menulis kerangka berkas baru "
          "(`scaffold`), dan menulis proyek baru untuk satu daerah (`project_init`). Pustaka berat diimpor di dalam perintah yang memerlukannya. Kemajuan pekerjaan panjang "
          "(tahap, hitungan, waktu) ditampilkan di terminal atau sebagai baris log oleh `terminal`."),
    Layer("outputs", "Keluaran", "site",
          "Semua yang ditulis untuk pembaca: situs (ekstensi Sphinx, `site`), dokumen Word dan PDF "
          "(`render`), serta pekerjaan dokumen untuk rancangan peraturan dan kunjungan sekaligus "
          "(`documents`). Membaca hasil pemeriksaan; tidak menomori dan tidak memeriksa ulang."),
    Layer("present", "Penyajian", "present",
          "Satu tampilan untuk setiap rekaman yang dibaca oleh semua keluaran (`present`): fakta inovasi "
          "dengan label nilai dan kata *belum tercatat*, penghargaan, dasar hukum, indikator, anggaran, gambar; "
          "kata-kata kunjungan; dan judul peraturan. Di sini juga isi bahan dan laporan kunjungan (`visits`), "
          "yang membaca tampilan yang sama dengan situs dan data terbuka."),
    Layer("domain", "Domain", "check",
          "Pengetahuan perancangan: mesin penyusun yang menomori dan menyelesaikan rujukan, lalu membandingkan "
          "naskah lama dan naskah baru sebuah perubahan dengan nomor yang tetap (`drafting`), "
          "linter (`lint`), rujukan id antarberkas (`references`), `check`, yang merangkai semuanya "
          "menjadi satu hasil `Checked`, dan pengimpor peraturan yang sudah ditetapkan (`importer`: DOCX, PDF, "
          "atau teks menjadi YAML regulasi beserta laporannya; CSV, XLSX, JSON, dan HTML menjadi profil inovasi), "
          "dan penilaian (`assessment`: bukti dan kesiapan Indeks Inovasi Daerah, perkiraan skor dan predikatnya, "
          "aspek proposal KIPP; katalog setiap tahun sebagai data)."),
    Layer("data", "Data", "loader",
          "Membaca proyek: YAML yang aman (`yamlsource`), letak setiap nilai di berkasnya (`locations`), "
          "validasi ke model (`validation`), pemuatan (`loader`), salinan direktori daerah lain (`directories`: "
          "membaca salinan dan, hanya lewat `rancang direktori ambil`, mengambilnya), tembolok rekaman "
          "(`record_cache`), dan catatan pembangunan terakhir (`uptodate`)."),
    Layer("core", "Inti", "models",
          "Tanpa membaca proyek dan tanpa keluaran: model, `Diagnostic` dengan daftar kodenya (`codes`), "
          "penulisan berkas yang aman (`fileio`), susunan folder (`layout`), bahasa (penomoran dan nomor "
          "sisipan, kata-kata daerah, sitasi, rumusan peraturan perubahan), skema JSON, dan protokol kemajuan "
          "(`progress`) yang dipanggil lapisan di atasnya tanpa tahu cara menampilkannya."),
)


class ContractError(SphinxError):
    category = "Kontrak lapisan di pyproject.toml tidak cocok dengan halaman arsitektur"


@dataclass(frozen=True)
class Module:
    name: str
    optional: bool = False


@dataclass(frozen=True)
class ContractLayer:
    """One layer of the contract, with its description from :data:`LAYERS`."""

    index: int
    modules: tuple[Module, ...]
    optional: bool
    independent: bool
    about: Layer


def parse_layer(text: str) -> tuple[tuple[Module, ...], bool, bool]:
    """A layer as import-linter writes it: ``"a : b : (c)"`` (``|`` for independent siblings, ``(x)`` optional).

    Returns the modules, whether the whole layer is optional, and whether its siblings are independent.
    """
    text = text.strip()
    whole = bool(re.fullmatch(r"\((?:[^()]*)\)", text)) and not re.search(r"[:|]", text)
    independent = "|" in text
    modules = []
    for part in re.split(r"\s*[:|]\s*", text):
        optional = part.startswith("(") and part.endswith(")")
        name = part.strip("() ")
        if not name:
            raise ContractError(f"lapisan {text!r} memuat nama modul kosong")
        modules.append(Module(name, optional or whole))
    return tuple(modules), whole, independent


def read_contract(pyproject: Path, described: tuple[Layer, ...] = LAYERS) -> list[ContractLayer]:
    """The layers of the ``layers`` contract in ``pyproject``, top to bottom, each with its description."""
    try:
        config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ContractError(f"{pyproject} tidak dapat dibaca: {exc}") from exc
    contracts = config.get("tool", {}).get("importlinter", {}).get("contracts", [])
    found = [c for c in contracts if c.get("type") == "layers"]
    if len(found) != 1:
        raise ContractError(f"{pyproject} harus memuat tepat satu kontrak 'layers' di [tool.importlinter]; "
                            f"ada {len(found)}")
    layers = found[0].get("layers", [])
    if len(layers) != len(described):
        raise ContractError(
            f"kontrak 'layers' di {pyproject} memuat {len(layers)} lapisan, tetapi uraian di "
            f"docs/_ext/rancang_arsitektur.py (LAYERS) ada {len(described)}: "
            f"{', '.join(d.key for d in described)}. Samakan LAYERS dengan kontraknya.")
    result = []
    for index, (text, about) in enumerate(zip(layers, described)):
        modules, optional, independent = parse_layer(text)
        if about.anchor not in {m.name for m in modules}:
            raise ContractError(
                f"lapisan ke-{index + 1} kontrak ({text!r}) tidak memuat modul {about.anchor!r}, padahal "
                f"uraiannya di LAYERS ({about.key}, {about.name}) untuk lapisan yang memuatnya. Urutan "
                f"lapisan berubah? Samakan LAYERS dengan kontraknya.")
        result.append(ContractLayer(index, modules, optional, independent, about))
    return result


# -- the picture -------------------------------------------------------------------------------------------

WIDTH = 820
MARGIN = 8
PAD = 16
HEADER = 40
CHIP_H = 28
CHIP_GAP = 8
ROW_GAP = 8
GAP = 40  # between two boxes, where the arrow is
CHAR_MONO = 8.0  # width of a character of the 13px monospace font (0.6 em, rounded up)
CHAR_SMALL = 6.2  # width of a character of the 11px sans-serif font
SANS = "Helvetica, Arial, 'DejaVu Sans', sans-serif"
MONO = "'DejaVu Sans Mono', Menlo, Consolas, monospace"
OPTIONAL_WORD = "opsional"
#: Fill and stroke of each box, top to bottom (cycled when there are more layers).
COLOURS = (("#fde8e8", "#b54747"), ("#fff1d6", "#a86a12"), ("#fbf7d4", "#8a7d12"),
           ("#e4f2dc", "#3f7a2b"), ("#dfecfb", "#2f5f99"), ("#ece6f6", "#5f4a8b"))


def _chip_width(module: Module) -> float:
    width = len(module.name) * CHAR_MONO + 2 * 10
    if module.optional:
        width += (len(OPTIONAL_WORD) + 1) * CHAR_SMALL
    return width


def _rows(modules: tuple[Module, ...], room: float) -> list[list[tuple[Module, float]]]:
    """Chips laid out left to right, wrapped when the next one does not fit."""
    rows: list[list[tuple[Module, float]]] = [[]]
    used = 0.0
    for module in modules:
        width = _chip_width(module)
        if rows[-1] and used + CHIP_GAP + width > room:
            rows.append([])
            used = 0.0
        used += (CHIP_GAP if rows[-1] else 0) + width
        rows[-1].append((module, width))
    return rows


def _text(parent: ET.Element, x: float, y: float, content: str, **attrs: Any) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), **{k.replace("_", "-"): str(v)
                                                                           for k, v in attrs.items()}})
    element.text = content
    return element


def _n(value: float) -> str:
    return f"{value:g}"


def picture_title(layers: list[ContractLayer]) -> str:
    names = ", ".join(layer.about.name.lower() for layer in layers)
    return f"Lapisan kode rancang dari atas ke bawah: {names}. Impor hanya boleh mengarah ke bawah."


def picture_description(layers: list[ContractLayer]) -> str:
    parts = []
    for layer in layers:
        modules = ", ".join(m.name + (f" ({OPTIONAL_WORD})" if m.optional else "") for m in layer.modules)
        parts.append(f"Lapisan {layer.index + 1}, {layer.about.name} ({layer.about.key}): {modules}.")
    return " ".join(parts)


def layer_svg(layers: list[ContractLayer], ident: str = "rancang-lapisan") -> ET.Element:
    """The picture: one box per layer, top to bottom, with arrows pointing down between them."""
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "role": "img",
        "aria-labelledby": f"{ident}-judul {ident}-uraian",
        "class": "rancang-lapisan",
        "font-family": SANS,
    })
    title = ET.SubElement(svg, "title", id=f"{ident}-judul")
    title.text = picture_title(layers)
    desc = ET.SubElement(svg, "desc", id=f"{ident}-uraian")
    desc.text = picture_description(layers)
    defs = ET.SubElement(svg, "defs")
    marker = ET.SubElement(defs, "marker", id=f"{ident}-panah", viewBox="0 0 10 10", refX="9", refY="5",
                           markerWidth="12", markerHeight="12", markerUnits="userSpaceOnUse", orient="auto")
    ET.SubElement(marker, "path", d="M0,0 L10,5 L0,10 z", fill="#444")

    box_width = WIDTH - 2 * MARGIN
    room = box_width - 2 * PAD
    y = float(MARGIN)
    for layer in layers:
        fill, stroke = COLOURS[layer.index % len(COLOURS)]
        rows = _rows(layer.modules, room)
        height = HEADER + len(rows) * CHIP_H + (len(rows) - 1) * ROW_GAP + PAD
        group = ET.SubElement(svg, "g", {"class": "rancang-lapisan-kotak", "data-lapisan": layer.about.key})
        box = ET.SubElement(group, "rect", x=_n(MARGIN), y=_n(y), width=_n(box_width), height=_n(height),
                            rx="8", fill=fill, stroke=stroke)
        box.set("stroke-width", "1.5")
        if layer.optional:
            box.set("stroke-dasharray", "6 4")
        heading = _text(group, MARGIN + PAD, y + 26, "", font_size=16, font_weight="bold", fill=stroke)
        heading.text = f"{layer.index + 1}. {layer.about.name}"
        key = ET.SubElement(heading, "tspan", {"font-weight": "normal", "font-size": "13", "fill": "#555"})
        key.text = f"  {layer.about.key}" + (f" · {OPTIONAL_WORD}" if layer.optional else "")
        chip_y = y + HEADER
        for row in rows:
            chip_x = MARGIN + PAD
            for module, width in row:
                chip = ET.SubElement(group, "g", {"class": "rancang-modul", "data-modul": module.name})
                rect = ET.SubElement(chip, "rect", x=_n(chip_x), y=_n(chip_y), width=_n(width),
                                     height=_n(CHIP_H), rx="4", fill="#ffffff", stroke=stroke)
                if module.optional:
                    rect.set("stroke-dasharray", "4 3")
                label = _text(chip, chip_x + 10, chip_y + 19, module.name, font_family=MONO, font_size=13,
                              fill="#222")
                if module.optional:
                    label.set("font-style", "italic")
                    note = ET.SubElement(label, "tspan", {"font-family": SANS, "font-size": "11",
                                                          "font-style": "normal", "fill": "#666"})
                    note.text = f" {OPTIONAL_WORD}"
                chip_x += width + CHIP_GAP
            chip_y += CHIP_H + ROW_GAP
        y += height
        if layer is not layers[-1]:
            centre = WIDTH / 2
            line = ET.SubElement(svg, "line", {"class": "rancang-panah", "x1": _n(centre), "y1": _n(y + 3),
                                               "x2": _n(centre), "y2": _n(y + GAP - 5), "stroke": "#444",
                                               "stroke-width": "2.5",
                                               "marker-end": f"url(#{ident}-panah)"})
            line.set("data-dari", layer.about.key)
            if layer.index == 0:
                _text(svg, centre + 14, y + GAP / 2 + 5, "mengimpor ke bawah saja", font_size=12,
                      fill="#444")
            y += GAP

    # Legend: what the arrow, a dashed module and a box mean.
    y += 26
    legend = ET.SubElement(svg, "g", {"class": "rancang-keterangan", "font-size": "12", "fill": "#333"})
    ET.SubElement(legend, "line", {"x1": _n(MARGIN + 10), "y1": _n(y - 14), "x2": _n(MARGIN + 10),
                                   "y2": _n(y + 2), "stroke": "#444", "stroke-width": "2.5",
                                   "marker-end": f"url(#{ident}-panah)"})
    _text(legend, MARGIN + 26, y, "Lapisan mana pun di bawahnya boleh diimpor; ke atas tidak pernah.")
    y += 24
    rect = ET.SubElement(legend, "rect", x=_n(MARGIN + 2), y=_n(y - 13), width="18", height="16", rx="3",
                         fill="#ffffff", stroke="#666")
    rect.set("stroke-dasharray", "4 3")
    _text(legend, MARGIN + 26, y, "Modul opsional: disebut di kontrak, boleh belum ada.")
    y += 24
    rect = ET.SubElement(legend, "rect", x=_n(MARGIN + 2), y=_n(y - 13), width="18", height="16", rx="3",
                         fill="#ffffff", stroke="#666")
    _text(legend, MARGIN + 26, y, "Modul dalam satu lapisan boleh saling mengimpor, asal tanpa siklus.")
    y += 12 + MARGIN

    svg.set("viewBox", f"0 0 {WIDTH} {_n(y)}")
    svg.set("width", str(WIDTH))
    svg.set("height", _n(y))
    svg.set("style", "max-width: 100%; height: auto;")
    return svg


def svg_markup(layers: list[ContractLayer], ident: str = "rancang-lapisan") -> str:
    return ET.tostring(layer_svg(layers, ident), encoding="unicode")


# -- the table ---------------------------------------------------------------------------------------------

def _inline(text: str) -> nodes.paragraph:
    """A paragraph where backquoted words are code."""
    paragraph = nodes.paragraph()
    for i, part in enumerate(text.split("`")):
        if part:
            paragraph += nodes.literal(part, part) if i % 2 else nodes.Text(part)
    return paragraph


def layer_table(layers: list[ContractLayer]) -> nodes.table:
    """Each layer's name, its modules and what it is for."""
    table = nodes.table(classes=["rancang-tabel", "rancang-lapisan-tabel", "colwidths-given"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (18, 30, 52):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    head += row
    for header in ("Lapisan", "Modul", "Gunanya"):
        row += nodes.entry("", nodes.paragraph(header, header))
    body = nodes.tbody()
    group += body
    for layer in layers:
        row = nodes.row(ids=[f"lapisan-{layer.about.key}"])
        body += row
        name = nodes.paragraph()
        name += nodes.strong(text=f"{layer.index + 1}. {layer.about.name}")
        name += nodes.Text(" (")
        name += nodes.literal(layer.about.key, layer.about.key)
        name += nodes.Text(")" + (f", {OPTIONAL_WORD}" if layer.optional else ""))
        row += nodes.entry("", name)
        modules = nodes.paragraph()
        for i, module in enumerate(layer.modules):
            if i:
                modules += nodes.Text(", ")
            qualified = f"rancang.{module.name}"
            modules += nodes.literal(qualified, qualified, classes=["rancang-modul"])
            if module.optional and not layer.optional:
                modules += nodes.Text(f" ({OPTIONAL_WORD})")
        row += nodes.entry("", modules)
        row += nodes.entry("", _inline(layer.about.purpose))
    return table


# -- the directive -----------------------------------------------------------------------------------------

def pyproject_path(srcdir: str | Path, configured: str) -> Path:
    """``rancang_pyproject`` (relative to the documentation's source folder), else ``../pyproject.toml``."""
    return (Path(srcdir) / (configured or "../pyproject.toml")).resolve()


class LayersDirective(SphinxDirective):
    has_content = False
    option_spec = {"bagian": lambda value: directives.choice(value, ("gambar", "tabel"))}

    def run(self) -> list[nodes.Node]:
        path = pyproject_path(self.env.srcdir, self.config.rancang_pyproject)
        self.env.note_dependency(str(path))
        layers = read_contract(path)
        part = self.options.get("bagian")
        result: list[nodes.Node] = []
        if part in (None, "gambar"):
            ident = f"rancang-lapisan-{self.env.new_serialno('rancang-lapisan')}"
            figure = nodes.figure(classes=["rancang-lapisan-gambar"])
            figure += nodes.raw("", svg_markup(layers, ident), format="html")
            caption_text = "Lapisan kode rancang, dibuat dari kontrak impor di pyproject.toml."
            figure += nodes.caption(caption_text, caption_text)
            result.append(figure)
        if part in (None, "tabel"):
            result.append(layer_table(layers))
        return result


def _check_contract(app: Sphinx) -> None:
    """Fail early, before any page is read, when the contract and the descriptions disagree."""
    read_contract(pyproject_path(app.srcdir, app.config.rancang_pyproject))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("rancang_pyproject", "", "env", types=[str])
    app.add_directive("rancang-lapisan", LayersDirective)
    app.connect("builder-inited", _check_contract)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
