"""Sphinx extension: rujukan yang dibuat dari kode rancang.

These directives turn rancang's own tables into docutils nodes at build time, so
that the documentation cannot drift from the program:

``{rancang-format} NAMA``
    One format of :data:`rancang.models.FORMATS`: where its files live, a table
    of its keys (YAML alias, type in Indonesian words, wajib/opsional, allowed
    values, description), one table per nested model (titled with
    :data:`rancang.schemas.TITLES`), and an example: the skeleton that
    ``rancang new`` writes, or the directive's content (YAML), which is
    validated against the model so that a wrong example fails the build.

``{rancang-codes}``
    Every code of :data:`rancang.codes.CODES`, grouped by prefix, one section
    and one table per group; each code has an anchor ``kode-<kode>``.

``{rancang-commands}``
    The command line of :func:`rancang.cli.build_parser`: global options, then
    one section per subcommand with its usage and arguments.

``{rancang-contoh} NAMA``
    A YAML example of one format, validated against its model at build time;
    with ``:turunan:`` (format ``proyek``) a table of the words rancang derives
    from the settings (Peraturan Bupati, Berita Daerah Kabupaten ...).

``{rancang-styles}``
    The named styles of the Word template that the regulation renderer uses
    (:data:`rancang.render.regulation_docx.STYLES`, ``POINT_STYLES`` and the
    other required styles), with what each is used for (:data:`STYLE_USES`,
    in Indonesian) and how it looks in the template shipped with rancang.
    A style without a description, or a description of a style that no longer
    exists, is a warning (and so fails the build under ``-W``).

``{rancang-styles-kunjungan}``
    The same for the kunjungan kerja template
    (:data:`rancang.render.template_names.VISIT_STYLES` and ``Normal``), with
    :data:`VISIT_STYLE_USES`.

``{rancang-kerangka-kunjungan} bahan|laporan|inovasi``
    The chapters of the brief or the report, from running
    :func:`rancang.visits.content.brief` / ``report`` on a visit with only its
    required keys (once per ``peran``): heading, fixed sections, and the notes
    written for empty keys; or, with ``inovasi``, the parts of one innovation's
    subchapter and what is written when the profile lacks them. What each chapter
    holds (:data:`BRIEF_CHAPTERS`, :data:`REPORT_CHAPTERS`, :data:`INNOVATION_PARTS`)
    must exist for every chapter, and its keys must be keys of the format.

``{rancang-rules}``
    Every drafting rule with a wrong and a right example and the real messages.

Pages that use these directives are re-read on every build (``env-get-outdated``),
so an incremental ``make docs`` never shows tables of an older rancang.

The build also warns (and so fails under ``-W``) when a format of ``FORMATS``
or the template styles are documented nowhere, and it translates the few
interface strings of Sphinx that its Indonesian catalogue leaves in English.
"""

from __future__ import annotations

import argparse
import textwrap
import enum
import types
import typing
from collections import OrderedDict
from pathlib import Path
from typing import Any, Iterable, Union

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from pydantic import BaseModel, RootModel
from pydantic_core import PydanticUndefined
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from rancang import cli, codes, schemas
from rancang.render import regulation_docx
from rancang.render.template_names import TEMPLATE_STYLES
from rancang.models import FORMATS, base
from rancang.scaffold import KINDS, render_skeleton

logger = logging.getLogger(__name__)

# -- words ------------------------------------------------------------------------------

#: The shared field types of rancang.models.base, in the words of the documentation.
NAMED_TYPES: list[tuple[Any, str]] = [
    (base.Id, "id"),
    (base.Markdown, "teks (boleh Markdown)"),
    (base.Text, "teks"),
    (base.Url, "alamat web"),
    (base.Email, "alamat surel"),
    (base.Year, "tahun"),
]

PLAIN_TYPES: dict[Any, str] = {
    str: "teks",
    int: "bilangan bulat",
    float: "bilangan",
    bool: "true atau false",
    base.PartialDate: "tanggal",
}

#: What a model that also accepts a plain scalar accepts (see rancang.schemas.SHORTHANDS).
SHORTHAND_WORDS = {"string": "teks", "id": "id"}

#: Example ids for the skeletons shown on the format page.
EXAMPLE_IDS = {
    "inovasi": "call-center-112",
    "regulasi": "inovasi-daerah",
    "kunjungan": "kunjungan-dprd-contoh",
}

#: Prefix of a code -> heading of its group.
CODE_GROUPS: "OrderedDict[str, str]" = OrderedDict(
    [
        ("Y", "Berkas dan YAML"),
        ("S", "Bentuk rekaman"),
        ("R", "Rujukan"),
        ("P", "Proyek"),
        ("L", "Aturan penyusunan"),
    ]
)

CODE_GROUP_INTRO = {
    "Y": "Berkas tidak dapat dibaca atau bukan YAML yang sah. Perbaiki galat ini lebih dahulu: "
    "isi berkas belum dapat diperiksa lebih jauh.",
    "S": "Berkas sudah terbaca, tetapi kunci atau nilainya tidak sesuai format rekaman.",
    "R": "Id yang dirujuk tidak ada, atau satu id dipakai dua kali. Rujukan suatu rekaman baru "
    "diperiksa sesudah rekaman itu lolos pemeriksaan bentuk (kode S).",
    "P": "Masalah pada proyek secara keseluruhan: rancang.yaml, letak berkas, atau jalur berkas.",
    "L": "Aturan teknik penyusunan peraturan (L5xx), kelengkapan profil inovasi (L60x), isian Markdown "
    "(L61x), kata jabatan serta nama daerah (L62x), dan peraturan perubahan (L63x). Contoh salah dan "
    "benar setiap aturan ada di halaman Aturan penyusunan.",
}

#: Interface strings of Sphinx that its Indonesian catalogue leaves in English (or empty).
UI_TEXT = {
    "Go": "Cari",
    "Related Topics": "Topik terkait",
    "Documentation overview": "Ikhtisar dokumentasi",
    "Previous": "Sebelumnya",
    "Next": "Berikutnya",
    "previous chapter": "bab sebelumnya",
    "Page source": "Sumber halaman",
    "Link to this heading": "Tautan ke judul ini",
    "Link to this table": "Tautan ke tabel ini",
    "Link to this code": "Tautan ke kode ini",
    "Link to this image": "Tautan ke gambar ini",
    "Link to this definition": "Tautan ke definisi ini",
    "Link to this equation": "Tautan ke persamaan ini",
    "Link to this term": "Tautan ke istilah ini",
    "Permalink to this heading": "Tautan ke judul ini",
    "Please activate JavaScript to enable the search functionality.": "Aktifkan JavaScript untuk memakai pencarian.",
    "Please activate JavaScript to enable the search\n    functionality.": "Aktifkan JavaScript untuk memakai pencarian.",
    "Searching": "Mencari",
    "Search": "Cari",
    "search": "Cari",
    "Index": "Indeks",
    "Contents": "Isi",
}


def _title(name: str) -> str:
    title = schemas.TITLES.get(name)
    if title is None:
        raise KeyError(f"tidak ada judul Indonesia untuk model {name!r} di rancang.schemas.TITLES")
    return title


def _slug(text: str) -> str:
    return nodes.make_id(text)


# -- type introspection -------------------------------------------------------------


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _hints(model: type[BaseModel]) -> dict[str, Any]:
    """Field annotations with their ``Annotated`` extras (Text, Id ...) kept."""
    if issubclass(model, RootModel):
        return {"root": model.model_fields["root"].annotation}
    return typing.get_type_hints(model, include_extras=True)


def _union_args(tp: Any) -> tuple[Any, ...] | None:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return typing.get_args(tp)
    return None


def _strip_annotated(tp: Any) -> tuple[Any, list[Any]]:
    """(bare type, metadata) of an ``Annotated`` type, recursively (ignoring discriminators)."""
    metadata: list[Any] = []
    while typing.get_origin(tp) is typing.Annotated:
        metadata.extend(tp.__metadata__)
        tp = typing.get_args(tp)[0]
    return tp, metadata


def _named(tp: Any) -> str | None:
    for known, word in NAMED_TYPES:
        if tp is known or tp == known:
            return word
    return None


def _models_in(tp: Any) -> Iterable[type[BaseModel]]:
    """Every model a field type refers to, in order."""
    args = _union_args(tp)
    if args is not None:
        for arg in args:
            yield from _models_in(arg)
        return
    if typing.get_origin(tp) is typing.Annotated:
        yield from _models_in(typing.get_args(tp)[0])
        return
    if typing.get_origin(tp) is list:
        yield from _models_in(typing.get_args(tp)[0])
        return
    if _is_model(tp):
        if issubclass(tp, RootModel):
            yield from _models_in(_hints(tp)["root"])
        else:
            yield tp


#: annotated-types constraint class -> its attribute.
CONSTRAINT_ATTRS = {"Ge": "ge", "Gt": "gt", "Le": "le", "Lt": "lt", "MinLen": "min_length", "MaxLen": "max_length"}


def _constraints(metadata: Iterable[Any]) -> list[str]:
    """Words for annotated-types constraints (ge, le, min_length ...)."""
    found: dict[str, Any] = {}

    def collect(items: Iterable[Any]) -> None:
        for item in items:
            inner = getattr(item, "metadata", None)
            if isinstance(inner, list):  # a FieldInfo inside Annotated
                collect(inner)
                continue
            attr = CONSTRAINT_ATTRS.get(type(item).__name__)
            if attr is not None:
                found[attr] = getattr(item, attr)

    collect(metadata)
    words: list[str] = []
    if "ge" in found and "le" in found:
        words.append(f"{found['ge']} sampai {found['le']}")
    else:
        if "ge" in found:
            words.append(f"paling kecil {found['ge']}")
        if "le" in found:
            words.append(f"paling besar {found['le']}")
    if "gt" in found:
        words.append(f"lebih dari {found['gt']}")
    if "lt" in found:
        words.append(f"kurang dari {found['lt']}")
    if "min_length" in found:
        words.append(f"paling sedikit {found['min_length']} butir")
    if "max_length" in found:
        words.append(f"paling banyak {found['max_length']} butir")
    return words


class TypeWriter:
    """Renders a field type as inline nodes; links nested models to their tables."""

    def __init__(self, anchor_of: dict[type[BaseModel], str]):
        self.anchor_of = anchor_of

    def model_ref(self, model: type[BaseModel]) -> nodes.Node:
        title = _title(model.__name__)
        anchor = self.anchor_of.get(model)
        if anchor is None:
            return nodes.emphasis(text=title)
        return nodes.reference("", title, internal=True, refid=anchor)

    @staticmethod
    def shorthand_word(model: type[BaseModel]) -> str:
        """What a model accepts instead of a mapping: 'teks' or 'id'."""
        short = schemas.SHORTHANDS[model.__name__]
        return "id" if "pattern" in short else SHORTHAND_WORDS.get(short.get("type", ""), "teks")

    def render(self, tp: Any) -> list[nodes.Node]:
        args = _union_args(tp)
        if args is not None:
            parts = [a for a in args if a is not type(None)]
            out: list[nodes.Node] = []
            for i, part in enumerate(parts):
                if i:
                    out.append(nodes.Text(", " if i < len(parts) - 1 else " atau "))
                out.extend(self.render(part))
            return out
        word = _named(tp)
        if word is not None:
            bare, metadata = _strip_annotated(tp)
            limits = _constraints(metadata)
            if bare is int and limits:
                return [nodes.Text(f"{word} ({', '.join(limits)})")]
            return [nodes.Text(word)]
        if typing.get_origin(tp) is typing.Annotated:
            return self.render(typing.get_args(tp)[0])
        if typing.get_origin(tp) is list:
            item = typing.get_args(tp)[0]
            if _is_model(item) and item.__name__ in schemas.SHORTHANDS:
                return [nodes.Text("daftar pemetaan "), self.model_ref(item),
                        nodes.Text(f"; setiap butir boleh berupa {self.shorthand_word(item)} saja")]
            return [nodes.Text("daftar ")] + self.render(item)
        if typing.get_origin(tp) is dict:
            key, value = typing.get_args(tp)
            return [nodes.Text("pemetaan dari "), *self.render(key), nodes.Text(" ke "), *self.render(value)]
        if _is_enum(tp):
            out = [nodes.Text("salah satu dari ")]
            for i, member in enumerate(tp):
                if i:
                    out.append(nodes.Text(", "))
                out.append(nodes.literal(text=str(member.value)))
            return out
        if _is_model(tp):
            out = [nodes.Text("pemetaan "), self.model_ref(tp)]
            if tp.__name__ in schemas.SHORTHANDS:
                out.append(nodes.Text(f", atau {self.shorthand_word(tp)} saja"))
            return out
        if tp in PLAIN_TYPES:
            return [nodes.Text(PLAIN_TYPES[tp])]
        if tp is Any:
            return [nodes.Text("nilai apa pun")]
        raise TypeError(f"rancang_docs: jenis {tp!r} belum punya nama Indonesia; tambahkan ke PLAIN_TYPES")


def _default_words(info: Any) -> list[nodes.Node]:
    """'bawaan: X' for a simple, meaningful default (not None, not an empty list)."""
    default = info.default
    if default is PydanticUndefined or default is None:
        return []
    if isinstance(default, enum.Enum):
        default = default.value
    if isinstance(default, bool):
        shown = "true" if default else "false"
    elif isinstance(default, (str, int, float)):
        shown = str(default)
    else:
        return []
    return [nodes.Text("bawaan: "), nodes.literal(text=shown)]


# -- node helpers --------------------------------------------------------------------


def _para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes or [])
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _table(headers: list[str], rows: list[list[Any]], widths: list[int], classes: list[str]) -> nodes.table:
    """A docutils table; a cell is a str, a node, or a list of inline nodes / paragraphs."""
    table = nodes.table(classes=["rancang-tabel", "colwidths-given", *classes])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head_row = nodes.row()
    head += head_row
    for header in headers:
        head_row += nodes.entry("", _para(header))
    body = nodes.tbody()
    group += body
    for cells in rows:
        ids = []
        if isinstance(cells, tuple):
            ids, cells = cells
        row = nodes.row(ids=ids)
        body += row
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, str):
                entry += _para(cell)
            elif isinstance(cell, nodes.Element) and not isinstance(cell, nodes.Inline):
                entry += cell
            else:
                inline = cell if isinstance(cell, list) else [cell]
                blocks = [n for n in inline if isinstance(n, nodes.paragraph)]
                if blocks:
                    for block in blocks:
                        entry += block
                else:
                    entry += _para(*inline)
            row += entry
    return table


def _section(directive: SphinxDirective, title: str, anchor: str) -> nodes.section:
    section = nodes.section(ids=[anchor], names=[nodes.fully_normalize_name(title)])
    section += nodes.title(title, title)
    directive.state.document.note_implicit_target(section, section)
    return section


# -- {rancang-format} ---------------------------------------------------------------


class FormatDirective(SphinxDirective):
    """Tables of one format's keys, its nested records, and an example."""

    required_arguments = 1
    has_content = True
    option_spec = {
        "no-example": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in FORMATS:
            raise self.error(f"format '{name}' tidak dikenal; pilih {', '.join(FORMATS)}")
        fmt = FORMATS[name]
        if not hasattr(self.env, "rancang_formats_documented"):
            self.env.rancang_formats_documented = {}
        self.env.rancang_formats_documented[name] = self.env.docname
        _note_generated(self)

        models = self._collect(fmt.model)
        anchor_of = {model: f"{name}-{_slug(model.__name__)}" for model in models}
        writer = TypeWriter(anchor_of)
        result: list[nodes.Node] = [self._where(fmt)]

        root = fmt.model
        if issubclass(root, RootModel):
            item = next(iter(_models_in(_hints(root)["root"])))
            result.append(_para(
                "Berkas ini berisi satu daftar; setiap butirnya adalah pemetaan ",
                writer.model_ref(item), ".",
            ))
        used_in = self._used_in(models)
        for model in models:
            if model is root:
                if not issubclass(root, RootModel):  # a list file is described by the sentence above
                    result.append(self._table(model, writer, anchor_of[model]))
                continue
            title = _title(model.__name__)
            rubric = nodes.rubric(title, title, ids=[anchor_of[model]], classes=["rancang-model"])
            result.append(rubric)
            places = used_in.get(model, [])
            if places:
                para = _para("Dipakai pada ", classes=["rancang-dipakai"])
                for i, (parent, key) in enumerate(places):
                    if i:
                        para += nodes.Text(", " if i < len(places) - 1 else " dan ")
                    para += nodes.literal(text=key)
                    if parent is not root:
                        para += nodes.Text(" (")
                        para += writer.model_ref(parent)
                        para += nodes.Text(")")
                para += nodes.Text(".")
                result.append(para)
            result.append(self._table(model, writer, None))

        if "no-example" not in self.options:
            result.extend(self._example(name, fmt))
        return result

    # The models to document: the format's own model first, then every nested
    # model in the order its first key appears (breadth first).
    def _collect(self, root: type[BaseModel]) -> list[type[BaseModel]]:
        order: list[type[BaseModel]] = []
        queue: list[type[BaseModel]] = [root]
        while queue:
            model = queue.pop(0)
            if model in order:
                continue
            order.append(model)
            if issubclass(model, RootModel):
                queue.extend(_models_in(_hints(model)["root"]))
                continue
            hints = _hints(model)
            for field_name in model.model_fields:
                queue.extend(m for m in _models_in(hints[field_name]) if m not in order)
        return order

    def _used_in(self, models: list[type[BaseModel]]) -> dict[type[BaseModel], list[tuple[type[BaseModel], str]]]:
        used: dict[type[BaseModel], list[tuple[type[BaseModel], str]]] = {}
        for parent in models:
            if issubclass(parent, RootModel):
                continue
            hints = _hints(parent)
            for field_name, info in parent.model_fields.items():
                for child in _models_in(hints[field_name]):
                    places = used.setdefault(child, [])
                    if (parent, info.alias) not in places:
                        places.append((parent, info.alias or field_name))
        return used

    def _where(self, fmt: Any) -> nodes.Node:
        items = nodes.bullet_list(classes=["rancang-letak"])
        location = nodes.list_item()
        location += _para("Letak berkas: ", nodes.literal(text=fmt.location),
                          " (nama berkas tanpa .yaml menjadi id rekaman)." if fmt.per_file_id else ".")
        items += location
        schema = nodes.list_item()
        schema += _para("Skema untuk penyunting: ", nodes.literal(text=f"schemas/{fmt.schema_file}"), ".")
        items += schema
        first_line = nodes.list_item()
        sample = Path("/proyek") / fmt.location.replace("*", "contoh")
        first_line += _para("Baris pertama berkas: ",
                            nodes.literal(text=schemas.schema_comment(sample, Path("/proyek"), fmt.schema_file)), ".")
        items += first_line
        if fmt.name in KINDS:
            scaffold = nodes.list_item()
            scaffold += _para("Berkas baru: ", nodes.literal(text=f"rancang new {fmt.name} ID"), ".")
            items += scaffold
        return items

    def _table(self, model: type[BaseModel], writer: TypeWriter, anchor: str | None) -> nodes.table:
        hints = _hints(model)
        rows = []
        for field_name, info in model.model_fields.items():
            alias = info.alias or field_name
            kind = writer.render(hints[field_name])
            shown = "".join(node.astext() for node in kind)
            limits = [word for word in _constraints(info.metadata) if word not in shown]
            if limits:
                kind = kind + [nodes.Text(f" ({', '.join(limits)})")]
            need: list[nodes.Node] = [nodes.strong(text="wajib")] if info.is_required() else [nodes.Text("opsional")]
            default = _default_words(info)
            if default:
                need = need + [nodes.Text("; ")] + default
            rows.append([
                nodes.literal(text=alias, classes=["rancang-kunci"]),
                kind,
                need,
                info.description or "",
            ])
        table = _table(["Kunci", "Jenis nilai", "Wajib?", "Keterangan"], rows, [19, 29, 13, 39],
                       ["rancang-format"])
        if anchor:
            table["ids"].append(anchor)
        return table

    def _example(self, name: str, fmt: Any) -> list[nodes.Node]:
        if self.content:
            text = "\n".join(self.content) + "\n"
            _validated(self, fmt, text)
            caption = f"Contoh {fmt.location}"
        elif name in KINDS:
            record_id = EXAMPLE_IDS.get(name, "contoh")
            root = Path("/proyek")
            target = root / Path(fmt.location).parent / f"{record_id}.yaml"
            text = render_skeleton(name, record_id, target, root)
            caption = f"Kerangka yang ditulis oleh rancang new {name} {record_id}"
        else:
            return []
        title = "Contoh"
        return [nodes.rubric(title, title, classes=["rancang-contoh"]), _yaml_block(self, text, caption)]


def _yaml_block(directive: SphinxDirective, text: str, caption: str | None) -> nodes.Element:
    block = nodes.literal_block(text, text, language="yaml")
    directive.set_source_info(block)
    if not caption:
        return block
    container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    container += nodes.caption(caption, "", nodes.Text(caption))
    container += block
    return container


def _validated(directive: SphinxDirective, fmt: Any, text: str) -> BaseModel | None:
    """The example validated against its model; a warning (so a failed -W build) when it is wrong."""
    try:
        return fmt.model.model_validate(yaml.safe_load(text))
    except Exception as exc:  # noqa: BLE001 - any failure makes the example wrong
        logger.warning("contoh format '%s' tidak valid: %s", fmt.name, exc,
                       location=directive.get_location(), type="rancang", subtype="contoh")
        return None


#: Words rancang derives from rancang.yaml (property of Project -> what it is).
DERIVED_WORDS = [
    ("region_full_name", "Nama daerah"),
    ("head_title", "Jabatan kepala daerah"),
    ("regulation_name", "Jenis peraturan kepala daerah"),
    ("gazette_name", "Tempat pengundangan"),
    ("secretary_title", "Jabatan sekretaris daerah"),
    ("site_title", "Judul situs"),
]


class ExampleDirective(SphinxDirective):
    """A YAML example of one format, validated at build time.

    With ``:turunan:`` (format ``proyek`` only) a table follows with the words
    rancang derives from these settings (Wali Kota or Bupati, Berita Daerah ...).
    """

    required_arguments = 1
    has_content = True
    option_spec = {
        "judul": directives.unchanged,
        "turunan": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in FORMATS:
            raise self.error(f"format '{name}' tidak dikenal; pilih {', '.join(FORMATS)}")
        if not self.content:
            raise self.error("contoh YAML kosong")
        _note_generated(self)
        text = "\n".join(self.content) + "\n"
        record = _validated(self, FORMATS[name], text)
        result: list[nodes.Node] = [_yaml_block(self, text, self.options.get("judul"))]
        if "turunan" in self.options and record is not None:
            rows = [[label, nodes.literal(text=str(getattr(record, prop)))] for prop, label in DERIVED_WORDS
                    if hasattr(record, prop)]
            result.append(_table(["Sebutan", "Hasil dari pengaturan di atas"], rows, [40, 60],
                                 ["rancang-turunan"]))
        return result


def _note_generated(directive: SphinxDirective) -> None:
    """Remember that this page shows generated content: it is re-read on every build."""
    env = directive.env
    if not hasattr(env, "rancang_generated"):
        env.rancang_generated = set()
    env.rancang_generated.add(env.docname)


def _always_outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Pages with generated content are rebuilt every time, since rancang itself may have changed."""
    return sorted(getattr(env, "rancang_generated", set()) - removed - added - changed)


def _check_formats_documented(app: Sphinx, env: Any) -> None:
    documented = getattr(env, "rancang_formats_documented", {})
    for name in FORMATS:
        if name not in documented:
            logger.warning("format '%s' (rancang.models.FORMATS) belum didokumentasikan dengan "
                           "{rancang-format} %s", name, name, type="rancang", subtype="format")
    if not getattr(env, "rancang_styles_documented", None):
        logger.warning("gaya templat Word (rancang.render.regulation_docx.STYLES) belum didokumentasikan "
                       "dengan {rancang-styles}", type="rancang", subtype="gaya")
    if not getattr(env, "rancang_visit_styles_documented", None):
        logger.warning("gaya templat Word kunjungan kerja (rancang.render.template_names.VISIT_STYLES) belum "
                       "didokumentasikan dengan {rancang-styles-kunjungan}", type="rancang", subtype="gaya")


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    documented = getattr(env, "rancang_formats_documented", {})
    for name in [n for n, doc in documented.items() if doc == docname]:
        del documented[name]
    getattr(env, "rancang_generated", set()).discard(docname)
    for attribute in ("rancang_styles_documented", "rancang_visit_styles_documented"):
        if getattr(env, attribute, None) == docname:
            setattr(env, attribute, None)


def _merge(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    env.rancang_formats_documented = {
        **getattr(env, "rancang_formats_documented", {}),
        **getattr(other, "rancang_formats_documented", {}),
    }
    env.rancang_generated = getattr(env, "rancang_generated", set()) | getattr(other, "rancang_generated", set())
    for attribute in ("rancang_styles_documented", "rancang_visit_styles_documented"):
        setattr(env, attribute, getattr(env, attribute, None) or getattr(other, attribute, None))


# -- {rancang-codes} ----------------------------------------------------------------


class CodesDirective(SphinxDirective):
    """Every diagnostic code, one section and table per prefix."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        from rancang.lint.registry import all_rules

        list(all_rules())  # registers the drafting rules' codes
        groups: "OrderedDict[str, list[str]]" = OrderedDict((prefix, []) for prefix in CODE_GROUPS)
        for code in sorted(codes.CODES):
            prefix = code[:1]
            if prefix not in groups:
                logger.warning("kode %s memakai awalan '%s' yang belum punya judul kelompok di rancang_docs",
                               code, prefix, location=self.get_location(), type="rancang", subtype="kode")
                groups[prefix] = []
            groups[prefix].append(code)
        result: list[nodes.Node] = []
        for prefix, members in groups.items():
            if not members:
                continue
            heading = CODE_GROUPS.get(prefix, "Lainnya")
            section = _section(self, f"{prefix}: {heading}", f"kelompok-{prefix.lower()}")
            intro = CODE_GROUP_INTRO.get(prefix)
            if intro:
                section += _para(intro)
            rows = []
            for code in members:
                info = codes.CODES[code]
                rows.append(([f"kode-{code.lower()}"], [
                    nodes.literal(text=code, classes=["rancang-kode"]),
                    nodes.strong(text=info.title),
                    info.description,
                ]))
            table = _table(["Kode", "Judul", "Penjelasan"], rows, [10, 30, 60], ["rancang-kode-tabel"])
            for row in table.findall(nodes.row):
                if row["ids"]:
                    # A label per code, so that any page can write {ref}`S202 <kode-s202>`.
                    row["names"] = list(row["ids"])
                    self.state.document.note_explicit_target(row, row)
            section += table
            section["classes"].append("rancang-kelompok")
            result.append(section)
        return result


# -- {rancang-batas} ----------------------------------------------------------------


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class LimitsDirective(SphinxDirective):
    """The limits rancang puts on a data file (rancang.yamlsource), as a short table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        from rancang import yamlsource

        mb = yamlsource.MAX_FILE_BYTES // 1024 // 1024
        rows = [
            ([], ["Ukuran satu berkas data", f"{mb} MB ({_thousands(yamlsource.MAX_FILE_BYTES)} bita)",
                  nodes.literal(text="Y104")]),
            ([], ["Kedalaman struktur bersarang (pemetaan dan daftar)", f"{yamlsource.MAX_DEPTH} tingkat",
                  nodes.literal(text="Y109")]),
            ([], ["Jumlah nilai setelah alias & dan * diuraikan", f"{_thousands(yamlsource.MAX_VALUES)} nilai",
                  nodes.literal(text="Y109")]),
        ]
        return [_table(["Batas", "Nilai", "Kode"], rows, [55, 30, 15], ["rancang-batas"])]


# -- {rancang-commands} -------------------------------------------------------------


def _help_text(action: argparse.Action) -> str:
    text = action.help or ""
    if text == argparse.SUPPRESS:
        return ""
    return cli._translate(text) if hasattr(cli, "_translate") else text


def _invocation(action: argparse.Action) -> str:
    if action.option_strings:
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        metavar = action.metavar or (
            "{" + ",".join(map(str, action.choices)) + "}" if action.choices else action.dest.upper()
        )
        return ", ".join(f"{opt} {metavar}" for opt in action.option_strings)
    metavar = action.metavar or action.dest
    if action.nargs in ("*", "?"):
        return f"[{metavar} ...]" if action.nargs == "*" else f"[{metavar}]"
    if action.nargs == "+":
        return f"{metavar} ..."
    return str(metavar)


def _argument_rows(parser: argparse.ArgumentParser) -> list[list[Any]]:
    rows = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        help_text = _help_text(action)
        cell: list[nodes.Node] = [nodes.Text(help_text[:1].upper() + help_text[1:])] if help_text else []
        if action.choices and not isinstance(action.choices, dict):
            cell.append(nodes.Text(". Pilihan: " if help_text else "Pilihan: "))
            for i, choice in enumerate(action.choices):
                if i:
                    cell.append(nodes.Text(", "))
                cell.append(nodes.literal(text=str(choice)))
        if cell:
            cell.append(nodes.Text("."))
        rows.append([nodes.literal(text=_invocation(action)), cell or ""])
    return rows


class CommandsDirective(SphinxDirective):
    """The command line, from rancang.cli.build_parser()."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        parser = cli.build_parser()
        result: list[nodes.Node] = []
        usage = parser.format_usage().strip()
        result.append(nodes.literal_block(usage, usage, language="text"))
        result.append(_para("Pilihan umum berikut ditulis sebelum nama perintah, misalnya ",
                            nodes.literal(text="rancang -C ../proyek-lain check"), "."))
        result.append(_table(["Pilihan", "Keterangan"], _argument_rows(parser), [30, 70], ["rancang-perintah"]))
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        helps = {choice.dest: choice.help for choice in subparsers._choices_actions}
        for name, sub in subparsers.choices.items():
            section = _section(self, f"rancang {name}", f"perintah-{name}")
            summary = helps.get(name)
            if sub.description:
                section += _para(sub.description)
            elif summary:
                section += _para(summary[:1].upper() + summary[1:] + ".")
            text = sub.format_usage().strip()
            section += nodes.literal_block(text, text, language="text")
            section += _table(["Argumen atau pilihan", "Keterangan"], _argument_rows(sub), [30, 70],
                              ["rancang-perintah"])
            result.append(section)
        return result


# -- {rancang-styles} ---------------------------------------------------------------

#: What each style of rich text (Markdown of a lampiran or of a narrative of the brief) is used for, keyed
#: ``rich_`` + the role of ``template_names.RICHTEXT_STYLES``: the same styles are in both templates.
RICHTEXT_STYLE_USES = {
    "rich_heading1": "Judul di dalam teks Markdown (# Judul): lampiran, atau uraian pada bahan kunjungan.",
    "rich_heading2": "Judul tingkat kedua di dalam teks Markdown (## Judul).",
    "rich_heading3": "Judul tingkat ketiga dan lebih dalam di dalam teks Markdown (### Judul).",
    "rich_list1": "Butir daftar Markdown (- butir atau 1. butir); tanda • atau nomornya ditulis sebagai teks "
                  "lalu tab, menggantung di kiri (bukan penomoran otomatis Word).",
    "rich_list2": "Butir daftar di dalam butir (tingkat kedua, tanda –).",
    "rich_list3": "Butir daftar tingkat ketiga dan lebih dalam.",
    "rich_quote": "Kutipan Markdown (> teks), menjorok dari kiri dan kanan.",
    "rich_code_block": "Blok kode Markdown (``` … ```), huruf lebar tetap.",
    "rich_rule": "Garis pemisah Markdown (---): paragraf kosong bergaris bawah.",
    "rich_table": "Gaya tabel bergaris untuk tabel Markdown (| … |); baris judulnya diulang di setiap halaman.",
    "rich_header_cell": "Baris judul tabel Markdown.",
    "rich_cell": "Teks setiap sel tabel Markdown; perataan kolom (:---:) mengikuti tabelnya.",
    "rich_image": "Paragraf yang memuat gambar (![keterangan](berkas.png)) atau bagan organisasi, selebar "
                  "teks paling lebar.",
    "rich_caption": "Keterangan di bawah gambar (judul gambar, atau keterangannya) dan sumbernya; juga catatan "
                    "bila gambar tidak dapat dimuat (misalnya SVG).",
    "rich_code": "Gaya karakter untuk kode di dalam kalimat (`kode`).",
    "rich_link": "Gaya karakter untuk tautan ([teks](https://…)), yang menjadi tautan sungguhan di Word.",
}

#: What each named style of the regulation template is used for, keyed like
#: ``regulation_docx.STYLES``. Every key of STYLES needs a description here.
STYLE_USES = {
    "title": "Judul di halaman pertama: RANCANGAN (selama belum ditetapkan), PERATURAN WALI KOTA/BUPATI …, "
             "PERATURAN DAERAH … atau KEPUTUSAN WALI KOTA/BUPATI …, NOMOR … TAHUN … (Keputusan: NOMOR dan "
             "nomornya), TENTANG, dan nama peraturan.",
    "opening": "DENGAN RAHMAT TUHAN YANG MAHA ESA, jabatan pembentuk (WALI KOTA PAREPARE,), persetujuan bersama "
               "Peraturan Daerah (Dengan Persetujuan Bersama / DEWAN PERWAKILAN RAKYAT DAERAH … / dan / WALI "
               "KOTA …), dan MEMUTUSKAN:.",
    "table": "Gaya tabel yang menyusun Menimbang, Mengingat, Memperhatikan (Keputusan), dan Menetapkan dalam "
             "empat kolom (judul, titik dua, huruf atau angka, isi); pada Keputusan, diktum KESATU, KEDUA, … "
             "menyusul Menetapkan di tabel yang sama.",
    "cell": "Teks di dalam tabel itu: kata Menimbang/Mengingat/Memperhatikan/Menetapkan, huruf a., butir "
            "konsiderans, kutipan dasar hukum, dan rumusan Menetapkan.",
    "bab": "Dua baris judul BAB: BAB II dan judulnya (MAKSUD DAN TUJUAN).",
    "bagian": "Dua baris judul Bagian: Bagian Kesatu dan judulnya.",
    "paragraf": "Dua baris judul Paragraf: Paragraf 1 dan judulnya.",
    "article": "Judul pasal: Pasal 3.",
    "norm": "Isi pasal yang tidak dibagi atas ayat, kalimat pengantar Ketentuan Umum (Dalam Peraturan … ini "
            "yang dimaksud dengan:), dan kalimat penutup rincian pada pasal tanpa ayat.",
    "clause": "Ayat bernomor: (1), (2), dengan nomor menggantung di kiri.",
    "clause_rest": "Kalimat penutup sesudah rincian di dalam ayat (kunci penutup, misalnya sesuai dengan "
                   "kebutuhan.), rata dengan teks ayat.",
    "closing": "Perintah pengundangan: Agar setiap orang mengetahuinya, memerintahkan pengundangan ….",
    "sign": "Blok penetapan (Ditetapkan di …, pada tanggal …, jabatan, nama) dan tanda tangan di akhir "
            "setiap lampiran.",
    "promulgate": "Blok pengundangan oleh sekretaris daerah (Diundangkan di …, pada tanggal …, jabatan, nama).",
    "gazette": "Baris BERITA DAERAH … TAHUN … NOMOR … (Peraturan Daerah: LEMBARAN DAERAH …, lalu baris NOREG "
               "bila diisi) di bawah blok pengundangan, dan baris TAMBAHAN LEMBARAN DAERAH … NOMOR … di akhir "
               "Penjelasan.",
    "annex_head": "Kepala lampiran: LAMPIRAN, PERATURAN … atau KEPUTUSAN …, NOMOR … TAHUN … (Keputusan: NOMOR dan "
                  "nomornya), TENTANG, dan nama peraturan.",
    "annex_title": "Judul lampiran.",
    "annex_text": "Paragraf isi lampiran.",
    "quoted": "Peraturan perubahan: naskah baru yang dikutip di bawah butir perubahan (kunci naskah), satu "
              "paragraf per baris, rata dengan teks butirnya. Templat lama tanpa gaya ini memakai Lanjutan Ayat.",
    "quoted_heading": "Peraturan perubahan: label unsur di dalam naskah yang dikutip (Pasal 5, BAB IVA dan "
                      "judulnya), di tengah. Templat lama tanpa gaya ini memakai Judul Pasal.",
    "mark": "Naskah terintegrasi: catatan sesudah unsur yang diubah, disisipkan, atau dihapus oleh peraturan "
            "perubahan ([Diubah dengan Peraturan Wali Kota … Nomor … Tahun …]). Templat lama tanpa gaya ini memakai "
            "Lanjutan Ayat.",
    "notice": "Naskah terintegrasi: keterangan di atas kop, bahwa naskah ini gabungan peraturan dan perubahannya, "
              "bukan naskah resmi. Templat lama tanpa gaya ini memakai Isi Pasal.",
    "explanation_title": "Judul Penjelasan Peraturan Daerah: PENJELASAN, ATAS, PERATURAN DAERAH …, NOMOR … TAHUN …, "
                         "TENTANG, dan nama peraturan. Templat lama tanpa gaya ini memakai Judul Peraturan.",
    "explanation_part": "Judul bagian Penjelasan: I. UMUM dan II. PASAL DEMI PASAL, nomornya menggantung di kiri. "
                        "Templat lama tanpa gaya ini (dan tanpa gaya Penjelasan lainnya) memakai Isi Pasal.",
    "explanation_heading_1": "Penjelasan pasal demi pasal: label pasal (Pasal 3).",
    "explanation_heading_2": "Label unsur di bawah pasal yang dijelaskan: Ayat (1), atau Huruf a / Angka 1 pada "
                             "pasal tanpa ayat.",
    "explanation_heading_3": "Label tingkat berikutnya: Huruf a di dalam ayat, Angka 1 di dalam huruf.",
    "explanation_heading_4": "Label tingkat terdalam (Angka 1 di dalam huruf suatu ayat, dan lebih dalam lagi).",
    "explanation_text_1": "Teks I. UMUM dan penjelasan sebuah pasal (atau Cukup jelas.), rata dengan labelnya.",
    "explanation_text_2": "Penjelasan unsur tingkat kedua (Ayat (1), Huruf a) atau Cukup jelas.",
    "explanation_text_3": "Penjelasan unsur tingkat ketiga atau Cukup jelas.",
    "explanation_text_4": "Penjelasan unsur tingkat keempat dan lebih dalam, atau Cukup jelas.",
    "dictum": "Keputusan: baris diktum di bawah Menetapkan (KESATU, titik dua, dan teksnya), titik duanya sejajar "
              "dengan titik dua Menimbang; rinciannya (a., b.) memakai gaya Rincian di sel teks itu. Templat lama "
              "tanpa gaya ini memakai Konsiderans.",
    "copies": "Keputusan: Tembusan: dan daftar penerima tembusan bernomor (1., 2.) di kiri bawah, sesudah tanda "
              "tangan. Templat lama tanpa gaya ini memakai Pengundangan.",
    **RICHTEXT_STYLE_USES,
}

#: The levels of rincian (regulation_docx.POINT_STYLES), by style name.
POINT_STYLE_USES = {
    "Rincian 1": "Rincian pertama pasal tanpa ayat (a., b.), butir Ketentuan Umum di Pasal 1 (1., 2.), butir "
                 "perubahan Pasal I peraturan perubahan (1., 2.), dan rincian diktum Keputusan (a., b.).",
    "Rincian 2": "Rincian di dalam ayat (a., b.), dan rincian tingkat kedua pasal tanpa ayat atau diktum (1., 2.).",
    "Rincian 3": "Tingkat rincian berikutnya: 1., 2. di dalam ayat, atau a), b) pada pasal tanpa ayat.",
    "Rincian 4": "Tingkat berikutnya lagi: a), b) di dalam ayat, atau 1), 2) pada pasal tanpa ayat.",
    "Rincian 5": "Tingkat terdalam: 1), 2) di dalam ayat; rincian yang lebih dalam tetap memakai gaya ini.",
}

#: Other styles of the regulation template (template_names.TEMPLATE_STYLES).
OTHER_STYLE_USES = {
    "Normal": "Baris kosong pemisah, dan dasar semua gaya lain: huruf dan ukurannya diatur di sini "
              "(bawaan dokumen: Bookman Old Style 12).",
}

ALIGNMENT_WORDS = {0: "rata kiri", 1: "rata tengah", 2: "rata kanan", 3: "rata kiri-kanan"}


def _cm(length: Any) -> str:
    """``1.000125`` cm -> ``1 cm``; ``8.50018`` -> ``8,5 cm``."""
    value = round(_to_cm(length), 1)
    return f"{value:g}".replace(".", ",") + " cm"


def _to_cm(length: Any) -> float:
    """A python-docx length (EMU; sometimes a plain int) in cm."""
    from docx.shared import Length

    return Length(int(length)).cm


def _template_styles(template_name: str) -> dict[str, Any]:
    """The styles of a template shipped with rancang, by name (empty when it cannot be read)."""
    from importlib import resources

    from docx import Document as open_docx

    path = resources.files("rancang").joinpath("templates", template_name)
    try:
        with resources.as_file(path) as file:
            return {style.name: style for style in open_docx(str(file)).styles}
    except Exception as exc:  # noqa: BLE001 - shown as a warning
        logger.warning("templat bawaan %s tidak dapat dibaca: %s", template_name, exc,
                       type="rancang", subtype="gaya")
        return {}


def _looks(style: Any) -> str:
    """How a style of the shipped template looks, in words: 'rata tengah, tebal'."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    if style is None:
        return ""
    if style.type == WD_STYLE_TYPE.TABLE:
        borders = style.element.findall(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/*")
        if borders and all(border.get(qn("w:val")) in ("none", "nil") for border in borders):
            return "tabel tanpa garis"
        return "tabel"
    if style.type == WD_STYLE_TYPE.CHARACTER:
        words = ["gaya karakter"]
        if style.font.name:
            words.append(style.font.name)
        if style.font.underline:
            words.append("bergaris bawah")
        rgb = style.font.color.rgb if style.font.color is not None and style.font.color.type is not None else None
        if rgb is not None and str(rgb) != "000000":
            words.append(f"warna #{rgb}")
        if style.font.size is not None:
            words.append(f"{style.font.size.pt:g} pt")
        return ", ".join(words)
    words = []
    fmt = style.paragraph_format
    if fmt.alignment is not None:
        words.append(ALIGNMENT_WORDS.get(int(fmt.alignment), ""))
    if style.font.bold:
        words.append("tebal")
    if style.font.italic:
        words.append("miring")
    rgb = style.font.color.rgb if style.font.color is not None and style.font.color.type is not None else None
    if rgb is not None and str(rgb) != "000000":
        words.append("abu-abu" if str(rgb)[0:2] == str(rgb)[2:4] == str(rgb)[4:6] else f"warna #{rgb}")
    if style.font.size is not None:
        words.append(f"{style.font.size.pt:g} pt")
    left, first = fmt.left_indent, fmt.first_line_indent
    if left is not None and round(_to_cm(left), 1) > 0:
        words.append(f"menjorok {_cm(left)} dari kiri")
    if first is not None and round(_to_cm(first), 1) < 0:
        words.append(f"nomor menggantung {_cm(-first)}")
    for attribute, word in (("space_before", "jarak sebelum"), ("space_after", "jarak sesudah")):
        space = getattr(fmt, attribute)
        if space is not None and space.pt > 0:
            words.append(f"{word} {space.pt:g} pt".replace(".", ","))
    return ", ".join(w for w in words if w)


def _styles_table(directive: SphinxDirective, template_name: str, source: str,
                  entries: list[tuple[str, str | None, str]], stale: list[str], anchor_prefix: str,
                  css_class: str) -> nodes.table:
    """One row per (style name, description or None, where the description belongs) of ``entries``.

    A missing description, a style missing from the shipped template, or a description of a style
    that is no longer used (``stale``) is a warning, so a ``-W`` build fails.
    """
    shipped = _template_styles(template_name)
    rows: list[Any] = []
    for name, use, where in entries:
        if use is None:
            logger.warning("gaya Word '%s' (%s) belum punya keterangan di rancang_docs.%s", name, source, where,
                           location=directive.get_location(), type="rancang", subtype="gaya")
            use = ""
        if shipped and name not in shipped:
            logger.warning("gaya Word '%s' tidak ada di templat bawaan %s", name, template_name,
                           location=directive.get_location(), type="rancang", subtype="gaya")
        rows.append(([f"{anchor_prefix}{_slug(name)}"], [
            nodes.literal(text=name, classes=["rancang-gaya"]),
            use,
            _looks(shipped.get(name)),
        ]))
    for entry in stale:
        logger.warning("rancang_docs.%s menjelaskan gaya yang tidak lagi dipakai %s", entry, source,
                       location=directive.get_location(), type="rancang", subtype="gaya")
    return _table(["Nama gaya", "Dipakai untuk", "Tampilan di templat bawaan"], rows, [20, 55, 25], [css_class])


class StylesDirective(SphinxDirective):
    """The named styles of the regulation template, from rancang.render.regulation_docx."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_generated(self)
        self.env.rancang_styles_documented = self.env.docname
        entries: list[tuple[str, str | None, str]] = []
        for key, name in regulation_docx.STYLES.items():
            entries.append((name, STYLE_USES.get(key), f"STYLE_USES['{key}']"))
        for name in regulation_docx.POINT_STYLES:
            entries.append((name, POINT_STYLE_USES.get(name), f"POINT_STYLE_USES['{name}']"))
        listed = set(regulation_docx.STYLES.values()) | set(regulation_docx.POINT_STYLES)
        for name in sorted(TEMPLATE_STYLES - listed):
            entries.append((name, OTHER_STYLE_USES.get(name), f"OTHER_STYLE_USES['{name}']"))

        stale = [f"STYLE_USES['{key}']" for key in STYLE_USES if key not in regulation_docx.STYLES]
        stale += [f"POINT_STYLE_USES['{name}']" for name in POINT_STYLE_USES
                  if name not in regulation_docx.POINT_STYLES]
        stale += [f"OTHER_STYLE_USES['{name}']" for name in OTHER_STYLE_USES
                  if name not in TEMPLATE_STYLES - listed]
        return [_styles_table(self, regulation_docx.TEMPLATE_NAME, "rancang.render.regulation_docx", entries, stale,
                              "gaya-", "rancang-gaya-tabel")]


# -- {rancang-styles-kunjungan} -----------------------------------------------------

#: What each named style of the kunjungan kerja template is used for, keyed like
#: ``template_names.VISIT_STYLES``. Every key of VISIT_STYLES needs a description here.
VISIT_STYLE_USES = {
    "title": "Judul di halaman pertama: BAHAN KUNJUNGAN KERJA atau LAPORAN HASIL KUNJUNGAN KERJA.",
    "subtitle": "Dua baris di bawah judul: nama kegiatan (kunci judul, atau Kunjungan Kerja … ke … bila "
                "kosong) dan hari serta tanggalnya.",
    "heading1": "Judul bab bernomor Romawi: I. PENDAHULUAN, II. WAKTU DAN TEMPAT.",
    "heading2": "Judul subbab berhuruf: A. Latar Belakang, nama setiap inovasi pada bahan, dan judul setiap "
                "hasil pada laporan.",
    "heading3": "Judul tanpa nomor di dalam profil inovasi (Dasar hukum, Anggaran, Hasil, Penghargaan, "
                "Replikasi) dan judul Sumber di bab penutup.",
    "text": "Paragraf isi: latar belakang, maksud, ringkasan, masalah, dan solusi inovasi, uraian hasil (teks "
            "Markdown, lihat gaya di bawah), dan kalimat penutup.",
    "note": "Catatan tentang hal yang belum tercatat, misalnya Anggaran belum tercatat dalam direktori. atau "
            "Peserta belum dicatat.; dibuat berbeda dari isi agar mudah ditemukan dan dilengkapi sebelum "
            "dokumen dikirim.",
    "bullet": "Butir bertanda • : dasar hukum, anggaran, dan penghargaan inovasi, keluaran yang diharapkan, "
              "dan sumber.",
    "numbered": "Butir bernomor 1., 2.: dasar pelaksanaan, tujuan, pertanyaan kunci, dan kesimpulan. Nomornya "
                "ditulis sebagai teks, bukan penomoran otomatis Word.",
    "cell": "Teks setiap sel tabel, termasuk label, titik dua, dan nilai pada tabel keterangan.",
    "header_cell": "Baris judul tabel (No., Nama, Jabatan, …), yang diulang di setiap halaman bila tabelnya "
                   "bersambung.",
    "table": "Gaya tabel bergaris: peserta, agenda, indikator hasil inovasi, rencana tindak lanjut, dan tabel "
             "Markdown di dalam uraian.",
    "key_values": "Gaya tabel tanpa garis untuk baris label : nilai, misalnya Hari/tanggal : Jumat, 4 Juni 2021 "
                  "dan keterangan setiap inovasi.",
    **{key: use for key, use in RICHTEXT_STYLE_USES.items()
       if key not in ("rich_table", "rich_header_cell", "rich_cell")},  # "Tabel Isi" etc. are the visit's own
}

#: Other styles of the visit template (template_names.VISIT_TEMPLATE_STYLES).
VISIT_OTHER_STYLE_USES = {
    "Normal": "Baris kosong sesudah setiap tabel, dan dasar semua gaya lain: huruf dan ukurannya diatur di sini "
              "(bawaan: Bookman Old Style 12).",
}


class VisitStylesDirective(SphinxDirective):
    """The named styles of the kunjungan kerja template, from rancang.render.template_names.VISIT_STYLES."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from rancang.render import template_names

        _note_generated(self)
        self.env.rancang_visit_styles_documented = self.env.docname
        entries: list[tuple[str, str | None, str]] = [
            (name, VISIT_STYLE_USES.get(key), f"VISIT_STYLE_USES['{key}']")
            for key, name in template_names.VISIT_STYLES.items()]
        others = template_names.VISIT_TEMPLATE_STYLES - set(template_names.VISIT_STYLES.values())
        for name in sorted(others):
            entries.append((name, VISIT_OTHER_STYLE_USES.get(name), f"VISIT_OTHER_STYLE_USES['{name}']"))
        stale = [f"VISIT_STYLE_USES['{key}']" for key in VISIT_STYLE_USES if key not in template_names.VISIT_STYLES]
        stale += [f"VISIT_OTHER_STYLE_USES['{name}']" for name in VISIT_OTHER_STYLE_USES if name not in others]
        return [_styles_table(self, template_names.VISIT_TEMPLATE_NAME, "rancang.render.template_names.VISIT_STYLES",
                              entries, stale, "gaya-kunjungan-", "rancang-gaya-kunjungan-tabel")]


# -- {rancang-kerangka-kunjungan} --------------------------------------------------

#: What each chapter of the brief (rancang.visits.content.brief) holds and which keys of
#: visits/<id>.yaml fill it, keyed by the chapter heading without its number.
BRIEF_CHAPTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "PENDAHULUAN": ("Latar belakang, dasar pelaksanaan, serta maksud dan tujuan kunjungan. Tanpa latar_belakang, "
                    "rancang hanya menulis satu kalimat: siapa berkunjung ke siapa.",
                    ("latar_belakang", "dasar", "maksud", "tujuan")),
    "WAKTU DAN TEMPAT": ("Hari dan tanggal (sampai hari terakhir bila lebih dari satu hari), tempat, dan sumber "
                         "dana bila diisi.", ("tanggal", "sampai", "tempat", "sumber_dana")),
    "PARA PIHAK DAN NARAHUBUNG": ("Tuan rumah dan tamu: satu pihak adalah pemerintah daerah di rancang.yaml, "
                                  "pihak lainnya pihak_lain. Lalu setiap peserta yang bertanda narahubung: true, "
                                  "dengan jabatan, telepon, dan surelnya.", ("peran", "pihak_lain", "peserta")),
    "PESERTA": ("Tabel peserta kedua pihak: No., Nama, Jabatan, Pihak, Peran.", ("peserta",)),
    "AGENDA": ("Tabel susunan acara: No., Waktu, Kegiatan, Penyaji, Tempat. Sesi yang diberi id inovasi menyebut "
               "nama inovasinya; sesi tanpa tempat memakai tempat kunjungan.", ("agenda",)),
    "PROFIL INOVASI": ("Satu subbab per inovasi yang akan dipaparkan, berjudul nama inovasinya, berisi fakta dari "
                       "profilnya di kb/inovasi/ (lihat tabel bagian profil).", ("inovasi",)),
    "INOVASI YANG DIPELAJARI": ("Satu subbab per inovasi yang hendak dipelajari, berjudul nama inovasinya, berisi "
                                "fakta dari profilnya di kb/inovasi/ (lihat tabel bagian profil).", ("inovasi",)),
    "PERTANYAAN KUNCI": ("Daftar bernomor. Bila kita tuan rumah, daftar ini diperkenalkan sebagai pertanyaan yang "
                         "mungkin diajukan tamu dan perlu disiapkan jawabannya.", ("pertanyaan_kunci",)),
    "KELUARAN YANG DIHARAPKAN": ("Daftar keluaran kunjungan, misalnya bahan replikasi inovasi.", ("keluaran",)),
    "PENUTUP": ("Kalimat penutup baku, lalu daftar Sumber bila diisi.", ("sumber",)),
}

#: The same for the report (rancang.visits.content.report).
REPORT_CHAPTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "PENDAHULUAN": ("Seperti pada bahan, ditambah waktu dan tempat serta tabel peserta sebagai subbab.",
                    ("latar_belakang", "dasar", "maksud", "tujuan", "tanggal", "sampai", "tempat", "sumber_dana",
                     "peserta")),
    "PELAKSANAAN": ("Tabel susunan acara, sama dengan bab Agenda pada bahan.", ("agenda",)),
    "HASIL KUNJUNGAN": ("Satu subbab per butir hasil: judulnya, lalu uraiannya. Butir yang diberi id inovasi "
                        "ditutup dengan nama inovasi, perangkat daerah pelaksana, dan tahapannya dari profil.",
                        ("hasil",)),
    "KESIMPULAN": ("Daftar bernomor.", ("kesimpulan",)),
    "RENCANA TINDAK LANJUT": ("Tabel No., Kegiatan, Penanggung jawab, Tenggat.", ("tindak_lanjut",)),
    "PENUTUP": ("Kalimat penutup baku, lalu daftar Sumber bila diisi.", ("sumber",)),
}

#: Keys of an innovation profile behind each part of its subchapter (rancang.visits.content.innovation_blocks),
#: keyed by the label or heading the builder writes.
INNOVATION_PARTS: dict[str, tuple[str, ...]] = {
    "Perangkat daerah": ("perangkat_daerah",),
    "Bentuk": ("bentuk",),
    "Jenis": ("jenis",),
    "Urusan pemerintahan": ("urusan",),
    "Tahapan": ("tahapan",),
    "Mulai uji coba": ("tanggal_uji_coba",),
    "Mulai penerapan": ("tanggal_penerapan",),
    "Status": ("status",),
    "Dasar hukum": ("dasar_hukum",),
    "Anggaran": ("anggaran",),
    "Langkah-langkah": ("langkah",),
    "Hasil": ("hasil", "indikator"),
    "Faktor pendorong": ("faktor_pendorong",),
    "Faktor penghambat": ("faktor_penghambat",),
    "Penghargaan": ("penghargaan",),
    "Replikasi": ("replikasi",),
    "Kontak": ("kontak",),
}

#: Roles of visits/<id>.yaml, as written in the key ``peran``.
VISIT_ROLES = ("tuan_rumah", "tamu")


def _sample_data() -> Any:
    """A project with settings only: no innovation, agency, or regulation."""
    from rancang.models import ProjectData
    from rancang.models.project import Project

    settings = Project.model_validate({"daerah": {"jenis": "kota", "nama": "Contoh", "provinsi": "Contoh"}})
    return ProjectData(root=Path("."), settings=settings)


def _sample_visit(role: str) -> Any:
    """A visit with only its required keys."""
    from rancang.models.visit import Visit

    return Visit.model_validate({"peran": role, "pihak_lain": {"nama": "DPRD Kabupaten Contoh"},
                                 "tanggal": "2021-06-04"})


def visit_chapters(kind: str, role: str) -> list[dict[str, Any]]:
    """The chapters of a minimal brief or report: heading, fixed sections, and the notes of empty keys."""
    from rancang.visits import content
    from rancang.visits.blocks import Heading, Para

    builder = content.brief if kind == "bahan" else content.report
    chapters: list[dict[str, Any]] = []
    for block in builder(_sample_visit(role), _sample_data()).blocks:
        if isinstance(block, Heading) and block.level == 1:
            chapters.append({"heading": block.text, "sections": [], "notes": []})
        elif not chapters:
            continue
        elif isinstance(block, Heading) and block.level == 2:
            chapters[-1]["sections"].append(block.text)
        elif isinstance(block, Para) and block.note:
            chapters[-1]["notes"].append(block.text)
    return chapters


def _chapter_name(heading: str) -> str:
    """``VI. PROFIL INOVASI`` -> ``PROFIL INOVASI``."""
    return heading.split(". ", 1)[1] if ". " in heading else heading


def _keys(directive: SphinxDirective, keys: tuple[str, ...], model: type[BaseModel], where: str) -> list[nodes.Node]:
    """Keys as literals; a key the model does not have is a warning."""
    aliases = {info.alias or name for name, info in model.model_fields.items()}
    out: list[nodes.Node] = []
    for index, key in enumerate(keys):
        if key not in aliases:
            logger.warning("rancang_docs.%s menyebut kunci '%s' yang tidak ada di format %s", where, key,
                           model.__name__, location=directive.get_location(), type="rancang", subtype="kunjungan")
        if index:
            out.append(nodes.Text(", "))
        out.append(nodes.literal(text=key, classes=["rancang-kunci"]))
    return out


class VisitOutlineDirective(SphinxDirective):
    """``{rancang-kerangka-kunjungan} bahan|laporan|inovasi``: the outline the content builders write.

    ``bahan`` and ``laporan`` run rancang.visits.content.brief/report on a visit that has only its
    required keys, once per role, and list every chapter (level-1 heading) with its fixed sections
    and what it says when its keys are empty; ``inovasi`` runs innovation_blocks on a profile with
    only a name (and on one with an award, for parts shown only when filled). What each chapter
    holds comes from BRIEF_CHAPTERS / REPORT_CHAPTERS / INNOVATION_PARTS; a chapter or part without
    a description, a stale description, or a key the format lacks is a warning.
    """

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in ("bahan", "laporan", "inovasi"):
            raise self.error(f"'{kind}' tidak dikenal; pilih bahan, laporan, atau inovasi")
        _note_generated(self)
        if kind == "inovasi":
            return [self._innovation()]
        return [self._outline(kind)]

    def _outline(self, kind: str) -> nodes.table:
        from rancang.models.visit import Visit

        uses, table_name = (BRIEF_CHAPTERS, "BRIEF_CHAPTERS") if kind == "bahan" else (REPORT_CHAPTERS,
                                                                                       "REPORT_CHAPTERS")
        by_role = {role: visit_chapters(kind, role) for role in VISIT_ROLES}
        counts = {len(chapters) for chapters in by_role.values()}
        if len(counts) != 1:
            logger.warning("jumlah bab %s berbeda menurut peran: %s", kind,
                           {role: len(chapters) for role, chapters in by_role.items()},
                           location=self.get_location(), type="rancang", subtype="kunjungan")
        rows: list[Any] = []
        seen: set[str] = set()
        for position in range(min(counts)):
            variants = [(role, by_role[role][position]) for role in VISIT_ROLES]
            same = len({chapter["heading"] for _role, chapter in variants}) == 1
            for role, chapter in (variants[:1] if same else variants):
                name = _chapter_name(chapter["heading"])
                seen.add(name)
                use = uses.get(name)
                if use is None:
                    logger.warning("bab '%s' (rancang.visits.content) belum punya keterangan di rancang_docs.%s",
                                   chapter["heading"], table_name, location=self.get_location(),
                                   type="rancang", subtype="kunjungan")
                    use = ("", ())
                heading = [nodes.inline(text=chapter["heading"], classes=["rancang-bab"])]
                if not same:
                    heading += [nodes.Text(" (bila "), nodes.literal(text=f"peran: {role}"), nodes.Text(")")]
                what: list[nodes.Node] = [_para(use[0])]
                if chapter["sections"]:
                    what.append(_para("Subbab: " + ", ".join(chapter["sections"]) + "."))
                if chapter["notes"]:
                    para = _para("Bila kuncinya kosong: ")
                    for index, note in enumerate(chapter["notes"]):
                        if index:
                            para += nodes.Text(" ")
                        para += nodes.emphasis(text=note)
                    what.append(para)
                rows.append([_para(*heading), what, _keys(self, use[1], Visit, f"{table_name}['{name}']") or ""])
        for name in uses:
            if name not in seen:
                logger.warning("rancang_docs.%s['%s'] menjelaskan bab yang tidak lagi ditulis rancang.visits.content",
                               table_name, name, location=self.get_location(), type="rancang", subtype="kunjungan")
        return _table(["Bab", "Isi", "Diisi dari kunci"], rows, [28, 52, 20],
                      ["rancang-kerangka", f"rancang-kerangka-{kind}"])

    def _innovation(self) -> nodes.table:
        from rancang.models.innovation import Innovation
        from rancang.visits import content
        from rancang.visits.blocks import Heading, KeyValues, Para

        data = _sample_data()
        empty = content.innovation_blocks(Innovation.model_validate({"nama": "Contoh"}), data)
        filled = content.innovation_blocks(Innovation.model_validate(
            {"nama": "Contoh", "penghargaan": [{"nama": "Contoh", "tahun": 2021}],
             "kontak": {"nama": "Contoh"}, "inovator": ["Contoh"], "langkah": "Contoh",
             "faktor_pendorong": "Contoh", "faktor_penghambat": "Contoh"}), data)
        parts: list[tuple[str, str | None]] = []  # (label or heading, what is written when empty)
        when_empty: dict[str, str] = {}
        current = None
        for block in empty:
            if isinstance(block, KeyValues):
                for label, value in block.rows:
                    parts.append((label, f"{label} : {value}"))
            elif isinstance(block, Heading):
                current = block.text
                parts.append((current, None))
            elif isinstance(block, Para) and block.note and current is not None:
                when_empty[current] = (when_empty.get(current, "") + " " + block.text).strip()
        facts = next((i for i, (_name, written) in enumerate(parts) if written is None), len(parts))
        headings_filled = [b.text for b in filled if isinstance(b, Heading)]
        for heading in headings_filled:  # parts written only when filled, in the order of a filled profile
            if heading not in [name for name, _ in parts]:
                before = headings_filled[:headings_filled.index(heading)]
                index = max([i for i, (name, _) in enumerate(parts) if name in before], default=facts - 1)
                parts.insert(index + 1, (heading, None))
        rows: list[Any] = []
        for name, written in parts:
            keys = INNOVATION_PARTS.get(name)
            if keys is None:
                logger.warning("bagian profil '%s' (rancang.visits.content.innovation_blocks) belum punya keterangan "
                               "di rancang_docs.INNOVATION_PARTS", name, location=self.get_location(),
                               type="rancang", subtype="kunjungan")
                keys = ()
            if written is None:
                written = when_empty.get(name)
            cell: Any = nodes.emphasis(text=written) if written else "Bagian ini tidak ditulis."
            rows.append([nodes.inline(text=name, classes=["rancang-bagian-profil"]),
                         _keys(self, keys, Innovation, f"INNOVATION_PARTS['{name}']") or "", cell])
        for name in INNOVATION_PARTS:
            if name not in [n for n, _ in parts]:
                logger.warning("rancang_docs.INNOVATION_PARTS['%s'] menjelaskan bagian yang tidak lagi ditulis "
                               "rancang.visits.content.innovation_blocks", name, location=self.get_location(),
                               type="rancang", subtype="kunjungan")
        return _table(["Bagian", "Dari kunci profil", "Bila belum tercatat, tertulis"], rows, [22, 28, 50],
                      ["rancang-kerangka", "rancang-kerangka-inovasi"])


# -- Sphinx's own interface strings -------------------------------------------------


def _translate_interface(app: Sphinx) -> None:
    """Fill the Indonesian strings Sphinx's catalogue lacks (used by templates and writers)."""
    if app.config.language != "id":
        return
    translator = app.translator
    catalog = getattr(translator, "_catalog", None)
    if isinstance(catalog, dict):
        catalog.update(UI_TEXT)
    else:  # pragma: no cover - Sphinx without an Indonesian catalogue
        logger.warning("katalog Indonesia Sphinx tidak ditemukan; teks antarmuka tetap berbahasa Inggris",
                       type="rancang", subtype="bahasa")


# -- {rancang-rules} -------------------------------------------------------------------

RULE_GROUPS = [
    ("L50", "Konsiderans"), ("L51", "Dasar hukum (Mengingat)"), ("L52", "Judul dan lampiran"),
    ("L53", "BAB dan pengelompokan"), ("L54", "Ketentuan umum (istilah)"), ("L55", "Rincian"),
    ("L56", "Rujukan"), ("L57", "Bilangan"), ("L58", "Ejaan dan rumusan baku"), ("L59", "Rumusan lain"),
    ("L61", "Isian Markdown"), ("L62", "Kata jabatan dan nama daerah"), ("L63", "Perubahan"),
    ("L64", "Bukti Indeks Inovasi Daerah"),
    ("L6", "Profil inovasi"),
]


def _rule_group(code: str) -> str:
    for prefix, title in RULE_GROUPS:
        if code.startswith(prefix):
            return title
    return "Lainnya"


def _example_messages(example: Any) -> list[str]:
    """The messages rancang gives for an example, by running it on the example project."""
    import os
    import tempfile
    from pathlib import Path

    from rancang.check import check_project
    from rancang.lint.examples import write_project

    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp), example)
        previous = os.getcwd()
        os.chdir(root)
        try:
            checked = check_project(root)
            report = checked.report
        finally:
            os.chdir(previous)
    return [d.format() for d in report.sorted()]


class RulesDirective(SphinxDirective):
    """Every drafting rule with its rationale, a wrong and a right example, and the real message."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from rancang.lint.registry import all_rules

        _note_generated(self)
        result: list[nodes.Node] = []
        current: nodes.section | None = None
        current_title = None
        for rule in all_rules():
            title = _rule_group(rule.code)
            if title != current_title:
                current = _section(self, title, f"aturan-{_slug(title)}")
                result.append(current)
                current_title = title
            section = _section(self, f"{rule.code}: {rule.title}", f"aturan-{rule.code.lower()}")
            level = "galat" if rule.severity.value == "galat" else "peringatan"
            section += _para(nodes.strong(text="Tingkat: "), level)
            section += _para(nodes.strong(text="Dasar: "), rule.rationale)
            wrong = textwrap.dedent(rule.wrong.patch).strip("\n")
            right = textwrap.dedent(rule.right.patch).strip("\n")
            section += _yaml_block(self, wrong, f"Salah ({_example_file(rule.wrong)})")
            messages = _example_messages(rule.wrong)
            if not messages or {m.split(": ")[1] for m in messages} != {rule.code}:
                logger.warning("contoh salah aturan %s tidak menghasilkan tepat kode %s: %s", rule.code, rule.code,
                               messages, location=self.get_location(), type="rancang", subtype="aturan")
            block = nodes.literal_block("\n".join(messages), "\n".join(messages), language="text")
            container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
            container += nodes.caption("Pesan rancang check", "", nodes.Text("Pesan rancang check"))
            container += block
            section += container
            section += _yaml_block(self, right, f"Benar ({_example_file(rule.right)})")
            if _example_messages(rule.right):
                logger.warning("contoh benar aturan %s tidak bersih", rule.code, location=self.get_location(),
                               type="rancang", subtype="aturan")
            current += section  # type: ignore[operator]
        return result


def _example_file(example: Any) -> str:
    from rancang.lint.examples import FILE_OF

    return FILE_OF[example.target]


# -- {rancang-iid-katalog} -------------------------------------------------------------


class IidCatalogueDirective(SphinxDirective):
    """The indicators of one IID catalogue (the newest, or the year given), with their ids, weights, levels and
    confidence, and the catalogue's formula constants: read from the shipped data, never written by hand."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        from rancang.assessment.catalogue import load_catalogue
        from rancang.assessment.evidence import size_limit_note
        from rancang.models.iid import Aspect

        _note_generated(self)
        catalogue = load_catalogue(int(self.arguments[0]) if self.arguments else None)
        out: list[nodes.Node] = []
        formula = catalogue.formula
        facts = [
            ["Pembagi minimal SID", _number_words(formula.divisor_minimum.value),
             formula.divisor_minimum.confidence.value],
            ["Skor jumlah inovasi per inovasi", _number_words(formula.count_score.value),
             formula.count_score.confidence.value],
            ["Jumlah inovasi terbanyak yang diberi skor", _number_words(formula.count_cap.value),
             formula.count_cap.confidence.value],
            ["Skor total maksimum", _number_words(formula.maximum_total.value), formula.maximum_total.confidence.value],
            ["Batas predikat", "; ".join(f"{p.name} \u2265 {_number_words(p.minimum)}"
                                         for p in catalogue.predicates.thresholds),
             catalogue.predicates.confidence.value],
        ]
        if catalogue.affairs_rule is not None:
            rule = catalogue.affairs_rule
            facts.append([f"Urusan pelayanan dasar (minimal {rule.minimum})", ", ".join(rule.affairs),
                          rule.confidence.value])
        if catalogue.window is not None:
            window = catalogue.window
            facts.append(["Masa penerapan yang dihitung", f"{window.start.isoformat()} sampai {window.end.isoformat()}",
                          window.confidence.value])
        upload = catalogue.upload
        facts.append(["Jenis berkas bukti", ", ".join(kind.upper() for kind in upload.types),
                      upload.types_confidence.value])
        facts.append(["Ukuran berkas bukti", size_limit_note(catalogue),
                      upload.size_confidence.value if upload.size_confidence else "tidak diketahui"])
        out.append(_table(["Ketentuan", "Nilai", "Keyakinan"], facts, [30, 55, 15], ["rancang-iid-rumus"]))
        for aspect in (Aspect.SPD, Aspect.SID):
            rows = []
            for item in catalogue.of_aspect(aspect):
                levels = nodes.enumerated_list()
                for text in item.levels:
                    levels += nodes.list_item("", _para(text))
                rows.append([
                    nodes.literal(text=item.id, classes=["rancang-kunci"]),
                    item.number,
                    item.name + (" (wajib)" if item.mandatory else ""),
                    _number_words(item.weight),
                    levels,
                    item.evidence,
                ])
            title = f"Indikator {aspect.label} ({aspect.value})"
            out.append(nodes.rubric(title, title))
            out.append(_table(["Id", "No.", "Indikator", "Bobot", "Tingkat 1, 2, 3", "Bukti yang lazim"], rows,
                              [15, 5, 22, 7, 33, 18], ["rancang-iid-indikator"]))
        return out


def _number_words(value: float | None) -> str:
    if value is None:
        return "tidak diketahui"
    return f"{value:g}".replace(".", ",")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("rancang-format", FormatDirective)
    app.add_directive("rancang-codes", CodesDirective)
    app.add_directive("rancang-commands", CommandsDirective)
    app.add_directive("rancang-contoh", ExampleDirective)
    app.add_directive("rancang-styles", StylesDirective)
    app.add_directive("rancang-styles-kunjungan", VisitStylesDirective)
    app.add_directive("rancang-kerangka-kunjungan", VisitOutlineDirective)
    app.add_directive("rancang-rules", RulesDirective)
    app.add_directive("rancang-batas", LimitsDirective)
    app.add_directive("rancang-iid-katalog", IidCatalogueDirective)
    app.connect("builder-inited", _translate_interface)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_formats_documented)
    app.connect("env-get-outdated", _always_outdated)
    app.add_js_file("rancang-id.js", priority=800)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
