"""Shared plumbing of the DOCX renderers: docxtpl for the template, the body spliced in as XML text.

Both documents (regulation and kunjungan kerja) are a Word template with a few Jinja variables
(the page head, a running header) and one large body, ``{{p isi }}``. docxtpl used to receive the
body as a subdocument: it serialised it, ran Jinja and its own regular expressions over it, parsed
the whole document back and serialised it again when saving. Now docxtpl renders the template
with a one-comment placeholder for ``isi`` (so everything it does to the template -- split tags,
escaping, headers, images -- is unchanged), and the body, written directly as XML text, replaces
the placeholder in the serialised document part. The zip is then written the way python-docx
writes it (same members, same order, same compression), with that part's new bytes.

Also cached per process: the template file's bytes and style names (keyed by path, size and
modification time) and the compiled Jinja of every template part.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PACKAGE_URI
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS

_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

_PLACEHOLDER = "<!--rancang:isi-->"
"""Stands for the body while docxtpl renders; a comment, so no text of the user can look like it."""
_PLACEHOLDER_BYTES = _PLACEHOLDER.encode("utf-8")

# Characters lxml refuses in text (it raises); such a text is handed to lxml so that the same error is raised.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _CachingEnvironment(Environment):
    """A Jinja environment that compiles each template source once per process.

    docxtpl calls ``from_string`` for the body, every header and footer and every core property on
    each render; the sources are the same from one document to the next.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._compiled: dict[tuple[str, bool], Any] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's signature
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = (source, bool(self.autoescape))
        template = self._compiled.get(key)
        if template is None:
            if len(self._compiled) >= 256:
                self._compiled.clear()
            template = self._compiled[key] = super().from_string(source)
        return template


@lru_cache(maxsize=1)
def environment() -> Environment:
    """``autoescape=True`` and ``StrictUndefined``: ``&`` or ``<`` in user text reach the document exactly and a
    missing variable is an error, not a blank."""
    return _CachingEnvironment(undefined=StrictUndefined, autoescape=True)


def _key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=16)
def _template_bytes(key: tuple[str, int, int]) -> bytes:
    return Path(key[0]).read_bytes()


def open_template(path: Path) -> tuple[DocxTemplate, tuple[str, int, int]]:
    """A fresh DocxTemplate (one per document: rendering changes it) and the key of the file's version."""
    key = _key(Path(path))
    return DocxTemplate(io.BytesIO(_template_bytes(key))), key


_STYLE_INFO: dict[tuple[str, int, int], tuple[dict[str, str], dict[str, Any]]] = {}


def style_info(template: DocxTemplate, key: tuple[str, int, int]) -> tuple[dict[str, str], dict[str, Any]]:
    """Style name -> style id, and style name -> style type (python-docx's names), once per template version."""
    info = _STYLE_INFO.get(key)
    if info is None:
        styles = list(template.get_docx().styles)
        info = ({s.name: s.style_id for s in styles}, {s.name: s.type for s in styles})
        if len(_STYLE_INFO) >= 16:
            _STYLE_INFO.clear()
        _STYLE_INFO[key] = info
    return info


def style_id_or_default(template: DocxTemplate, name: str, kind: WD_STYLE_TYPE) -> str | None:
    """What python-docx writes for ``paragraph.style = name`` / ``table.style = name``: None for the default style
    of that type (no style element at all), an error for a style of another type."""
    return template.get_docx().part.get_style_id(name, kind)


# -- the body as XML text -----------------------------------------------------------------------------------


def text(value: str) -> str:
    """``value`` escaped as the text of an element, exactly as lxml serialises it."""
    if _NOT_XML.search(value):
        etree.Element("t").text = value  # raises lxml's own error for what XML cannot hold
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


@lru_cache(maxsize=512)
def paragraph_properties(style_id: str) -> str:
    """``<w:pPr><w:pStyle w:val="..."/></w:pPr>``, the attribute escaped by lxml itself."""
    root = etree.Element(f"{_W}body", nsmap={"w": W_NS})
    properties = etree.SubElement(root, f"{_W}pPr")
    etree.SubElement(properties, f"{_W}pStyle").set(f"{_W}val", style_id)
    return _inner(root)


def element_xml(element) -> str:
    """An lxml element of the ``w`` namespace as it reads inside the document body (no namespace declaration)."""
    root = etree.Element(f"{_W}body", nsmap={"w": W_NS})
    root.append(element)
    return _inner(root)


def _inner(root) -> str:
    xml = etree.tostring(root, encoding="unicode")
    return xml[xml.index(">") + 1: xml.rindex("<")]


# -- core properties ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Properties:
    """What a document's core properties (File > Properties in Word) say of it, in place of the template's."""

    title: str
    """The document's own title: ``Rancangan Peraturan Wali Kota Parepare tentang Inovasi Daerah``."""
    author: str
    """The region's government: ``Pemerintah Kota Parepare`` (author and last modified by)."""
    date: dt.date | None = None
    """The document's date (created and modified); None: the build date."""


def build_date() -> dt.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def set_core_properties(document, properties: Properties) -> None:
    """Title, author, last modified by, created and modified of a python-docx ``Document``."""
    core = document.core_properties
    core.title = properties.title
    core.author = properties.author
    # Not ``core.last_modified_by``: docxcompose (which docxtpl imports) rebinds the prefix "cp" of python-docx's
    # namespace map to the custom properties, so python-docx would add a second, foreign element.
    last = core._element.find(f"{{{_CORE_NS}}}lastModifiedBy")  # noqa: SLF001 - python-docx's element
    if last is None:
        last = etree.SubElement(core._element, f"{{{_CORE_NS}}}lastModifiedBy")  # noqa: SLF001
    last.text = properties.author
    day = properties.date or build_date()
    moment = dt.datetime(day.year, day.month, day.day)
    core.created = moment
    core.modified = moment


# -- rendering and writing ------------------------------------------------------------------------------------


def render(template: DocxTemplate, context: dict[str, Any], body: str,
           finish: Callable[[DocxTemplate], None] | None = None, properties: Properties | None = None) -> bytes:
    """Render ``template`` with ``context`` (``isi`` is the body), run ``finish`` on the rendered document (margins,
    paper size), set its ``properties`` and return the DOCX bytes with ``body`` (XML text of body elements) in
    place of ``isi``."""
    context = dict(context, isi=Markup(_PLACEHOLDER))
    template.render(context, jinja_env=environment(), autoescape=True)
    if finish is not None:
        finish(template)
    if properties is not None:
        set_core_properties(template.docx, properties)
    document = template.docx  # not get_docx(): that reloads the template once rendered
    package = document.part.package
    main = document.part
    blob = serialize_part_xml(main.element).replace(_PLACEHOLDER_BYTES, body.encode("utf-8"))
    out = io.BytesIO()
    _write_package(out, package, {main: blob})
    return out.getvalue()


def _write_package(out, package, blobs: dict) -> None:
    """python-docx's ``OpcPackage.save`` (same members, order and compression), with some parts' bytes given."""
    parts = package.parts
    for part in parts:
        part.before_marshal()
    writer = PhysPkgWriter(out)
    try:
        PackageWriter._write_content_types_stream(writer, parts)  # noqa: SLF001 - python-docx's own writer
        writer.write(PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            writer.write(part.partname, blobs[part] if part in blobs else part.blob)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    finally:
        writer.close()


__all__ = [
    "Properties",
    "W_NS",
    "build_date",
    "element_xml",
    "environment",
    "open_template",
    "paragraph_properties",
    "render",
    "set_core_properties",
    "style_id_or_default",
    "style_info",
    "text",
]
