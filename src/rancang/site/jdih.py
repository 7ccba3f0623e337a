"""JDIH metadata on the site: ``data/jdih.json`` and ``data/jdih.csv``, and the directive that lists them.

At the end of an HTML build the site's ``data/`` folder gets the JDIH metadata of every regulation of the
project (:mod:`rancang.present.jdih`: the JSON with the JDIHN integration keys, the CSV with the JDIH form's
labels). The files are made again only when a regulation, rancang.yaml, the catalogue of legal bases or the code
that makes them changed, and each is written atomically and only when its bytes differ, so a build with no such
change leaves them alone.

``{rancang-jdih} berkas`` links the two files (with the number of regulations, drafts among them) and
``{rancang-jdih} isian`` documents their fields from :data:`rancang.present.jdih.FIELDS`, the definition the
writer uses.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.fileio import atomic_write_bytes
from rancang.models import ProjectData
from rancang.present import jdih
from rancang.site import context
from rancang.site.domain import RancangDomain
from rancang.site.opendata import FOLDER, write_if_changed

JSON_FILE = "jdih.json"
CSV_FILE = "jdih.csv"
STAMP_FILE = "rancang-jdih.sidik"
"""In the doctree folder: what the files were last made from."""

SOURCES = ("proyek", "regulasi", "dasar-hukum")
"""Formats of the data files the records are made from (rancang.yaml, the regulations, the catalogue)."""

FILES = [
    (JSON_FILE, "JSON", "Metadata JDIH setiap peraturan dengan kunci integrasi JDIHN (idData, judul, teuBadan, "
                        "noPeraturan, ...); setiap nilai berupa teks, tanggal TTTT-BB-HH."),
    (CSV_FILE, "CSV", "Isian yang sama, satu baris per peraturan dengan judul kolom seperti formulir JDIH; dapat "
                      "dibuka dengan Excel atau LibreOffice."),
]
"""The files written: name, kind, what it holds (the ``berkas`` list of the data page)."""


def _stamp(data: ProjectData) -> str:
    """Changes when a file the records are made from, or the code that makes them, changes."""
    from rancang.language import citation, regulation_words
    from rancang.present import titles
    from rancang.record_cache import code_version

    digest = hashlib.sha256(code_version().encode())
    for module in (__file__, jdih.__file__, titles.__file__, citation.__file__, regulation_words.__file__):
        digest.update(Path(module).read_bytes())
    for shown in sorted(data.stamps):
        if data.files.get(shown) in SOURCES:
            digest.update(f"{shown}\0{data.stamps[shown]}\n".encode())
    return digest.hexdigest()


def write_jdih(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    data = context.of(app.env).data
    if data.settings is None:
        return
    folder = Path(app.outdir) / FOLDER
    stamp_file = Path(app.doctreedir) / STAMP_FILE
    stamp = _stamp(data)
    if all((folder / name).is_file() for name, _, _ in FILES) and stamp_file.is_file() and \
            stamp_file.read_text(encoding="utf-8") == stamp:
        return
    records = jdih.jdih_records(data)
    write_if_changed(folder / JSON_FILE, jdih.json_bytes(records))
    write_if_changed(folder / CSV_FILE, jdih.csv_bytes(records))
    atomic_write_bytes(stamp_file, stamp.encode("utf-8"))


def _counts(data: ProjectData) -> tuple[int, int]:
    """The number of regulations and of drafts among them."""
    return len(data.regulations), sum(1 for regulation in data.regulations.values() if regulation.is_draft)


class JdihDirective(SphinxDirective):
    """``{rancang-jdih} berkas|isian``: links to the JDIH files; the fields of a record."""

    required_arguments = 1
    has_content = False
    PARTS = ("berkas", "isian")

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        if part == "isian":
            return [self._fields()]
        if part == "berkas":
            return self._files()
        raise self.error(f"bagian '{part}' tidak dikenal; pilih salah satu: {', '.join(self.PARTS)}")

    def _files(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname, ("jdih",))
        shared = context.of(self.env)
        here = posixpath.dirname(shared.builder.get_target_uri(self.env.docname))
        items = nodes.bullet_list(classes=["rancang-berkas-data"])
        for name, kind, description in FILES:
            para = nodes.paragraph()
            para += nodes.reference("", name, refuri=posixpath.relpath(f"{FOLDER}/{name}", here or "."),
                                    classes=["rancang-unduh"])
            para += nodes.Text(f" ({kind}): {description}")
            items += nodes.list_item("", para)
        count, drafts = _counts(shared.data)
        text = f"Saat ini berkas metadata JDIH memuat {count} peraturan"
        text += f", {drafts} di antaranya masih rancangan (berstatus 'Rancangan')." if drafts else "."
        return [items, nodes.paragraph(text=text)]

    def _fields(self) -> nodes.table:
        table = nodes.table(classes=["rancang-kolom-data"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (25, 25, 50):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        row = nodes.row()
        for text in ("Kunci JSON", "Kolom CSV", "Isi"):
            row += nodes.entry("", nodes.paragraph(text=text))
        head += row
        body = nodes.tbody()
        group += body
        for field in jdih.FIELDS:
            row = nodes.row()
            row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=field.key)))
            row += nodes.entry("", nodes.paragraph(text=field.label))
            note = "" if field.feed else " (kunci tambahan rancang, bukan kunci umpan JDIHN)"
            row += nodes.entry("", nodes.paragraph(text=field.description + note))
            body += row
        return table


RancangDomain.inputs["jdih"] = lambda env: repr(_counts(context.of(env).data))
"""The list of files shows the number of regulations and drafts."""


def setup(app: Sphinx) -> None:
    """Registers this component's directive and event."""
    app.add_directive("rancang-jdih", JdihDirective)
    app.connect("build-finished", write_jdih)
