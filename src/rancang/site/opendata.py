"""Open data: every innovation profile as JSON and CSV, with its JSON Schema.

At the end of an HTML build the site gets ``data/``:

* ``inovasi.json``: a list of every profile, ``{"id": ..., <every key of its
  YAML file, by its Indonesian name>}``; dates are ISO 8601 strings (``2021``,
  ``2021-06``, ``2021-06-04``). A key the YAML leaves out is left out here too:
  an unknown fact stays unknown;
  Markdown fields keep their Markdown source, as the YAML gives it (the schema
  describes the YAML);
* ``inovasi.csv``: one row per profile with the flat columns of
  :data:`COLUMNS` (UTF-8 with BOM so that Excel reads it, RFC 4180 quoting),
  read from the profile's view (:class:`rancang.present.innovation.InnovationView`):
  awards, legal basis and budget in the words and order of the profile page;
  a Markdown field is plain text there (:func:`rancang.richtext.plain`), for
  spreadsheets;
* ``inovasi.schema.json``: the JSON Schema of one profile.

Each file is written atomically and only when its content changed, so a build
with no change leaves the folder untouched. ``{rancang-data-terbuka}`` documents
the files from the same definitions the writer uses.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import posixpath
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.fileio import atomic_write_bytes
from rancang.models import FORMATS, ProjectData
from rancang.models.innovation import Innovation
from rancang.present.innovation import InnovationView
from rancang.richtext import plain
from rancang.site import context
from rancang.site.domain import RancangDomain

FOLDER = "data"
"""Folder of the site that holds the open data."""

JSON_FILE = "inovasi.json"
CSV_FILE = "inovasi.csv"
SCHEMA_FILE = "inovasi.schema.json"
FORMAT = "inovasi"
"""Name of the profile format in :data:`rancang.models.FORMATS`."""


def _field(alias: str) -> str:
    """The description of a profile field, from the model (the one place it is written)."""
    for info in Innovation.model_fields.values():
        if info.alias == alias:
            return info.description or ""
    raise KeyError(alias)


def _enum(value) -> str:
    return value.value if value is not None else ""


def _date(value) -> str:
    return value.isoformat() if value is not None else ""


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[InnovationView], str]


def _lines(items) -> str:
    return "; ".join(item.text for item in items)


COLUMNS: list[Column] = [
    Column("id", "Id profil: nama berkasnya, kb/inovasi/<id>.yaml.", lambda v: v.id),
    Column("nama", _field("nama"), lambda v: v.name),
    Column("perangkat_daerah", _field("perangkat_daerah"), lambda v: v.record.agency or ""),
    Column("perangkat_daerah_nama", "Nama lengkap perangkat daerah pelaksana.", lambda v: v.agency_name or ""),
    Column("bentuk", _field("bentuk"), lambda v: _enum(v.record.form)),
    Column("jenis", _field("jenis"), lambda v: _enum(v.record.kind)),
    Column("urusan", _field("urusan") + " Bila lebih dari satu, dipisah '; '.",
           lambda v: "; ".join(v.record.affairs)),
    Column("tahapan", _field("tahapan"), lambda v: _enum(v.record.stage)),
    Column("tanggal_uji_coba", _field("tanggal_uji_coba") + " Ditulis TTTT, TTTT-BB, atau TTTT-BB-HH.",
           lambda v: _date(v.record.trial_date)),
    Column("tanggal_penerapan", _field("tanggal_penerapan") + " Ditulis TTTT, TTTT-BB, atau TTTT-BB-HH.",
           lambda v: _date(v.record.implementation_date)),
    Column("status", _field("status"), lambda v: _enum(v.record.status)),
    Column("jumlah_penghargaan", "Banyaknya penghargaan yang tercatat.", lambda v: str(v.award_count)),
    Column("penghargaan", "Penghargaan, dari yang terlama, seperti di halaman profil: 'tahun: nama (pemberi, "
           "tingkat)'. Bila lebih dari satu, dipisah '; '.", lambda v: _lines(v.awards)),
    Column("dasar_hukum", "Dasar hukum, urut seperti 'Mengingat' (tingkat peraturan, lalu tanggal), seperti di "
           "halaman profil. Bila lebih dari satu, dipisah '; '.", lambda v: _lines(v.legal_basis)),
    Column("anggaran", "Anggaran per tahun, dari yang terlama: 'tahun: jumlah (sumber)'. Bila lebih dari satu, "
           "dipisah '; '.", lambda v: _lines(v.budget)),
    Column("ringkasan", _field("ringkasan") + " Teks polos tanpa tanda format Markdown: satu baris per paragraf, "
           "butir daftar, atau baris tabel (teks Markdown aslinya ada di inovasi.json).",
           lambda v: plain(v.record.summary) if v.record.summary else ""),
]
"""The CSV columns, in order. An unknown value is an empty cell."""


def record(record_id: str, innovation: Innovation) -> dict:
    """One profile as open data: its id and every key its YAML file gives."""
    dumped = innovation.model_dump(by_alias=True, mode="json", exclude_none=True, exclude_unset=True)
    return {"id": record_id, **dumped}


def json_bytes(data: ProjectData, fragments: dict[str, tuple[Any, str]] | None = None) -> bytes:
    """Every profile, as ``json.dumps(records, indent=2)`` would write them.

    Indented JSON is written by Python's pure-Python encoder (slow at tens of thousands of profiles), so
    each record is written on its own and joined; ``fragments`` (record id -> (file stamp, text)) keeps
    them between builds so that only changed profiles are written again.
    """
    stamps = _record_stamps(data)
    racy_after = time.time_ns() - 2_000_000_000
    parts = []
    for rid, innovation in sorted(data.innovations.items()):
        stamp = stamps.get(rid)
        known = fragments.get(rid) if fragments is not None and stamp is not None else None
        if known is not None and known[0] == stamp:
            text = known[1]
        else:
            text = "  " + json.dumps(record(rid, innovation), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            if fragments is not None and stamp is not None and stamp[1] < racy_after:
                fragments[rid] = (stamp, text)  # a file written this very second could change unseen
        parts.append(text)
    if fragments is not None:
        for gone in set(fragments) - set(data.innovations):
            del fragments[gone]
    if not parts:
        return b"[]\n"
    return ("[\n" + ",\n".join(parts) + "\n]\n").encode("utf-8")


def _record_stamps(data: ProjectData) -> dict[str, Any]:
    """Record id -> (size, modification time) of its file, as read in this build."""
    return {Path(shown).stem: stamp for shown, stamp in data.stamps.items()
            if data.files.get(shown) == FORMAT}


def csv_bytes(data: ProjectData) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.name for column in COLUMNS])
    for rid, innovation in sorted(data.innovations.items()):
        view = InnovationView(rid, innovation, data)
        writer.writerow([column.value(view) for column in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def schema_bytes() -> bytes:
    from rancang.schemas import generate

    return generate()[FORMATS[FORMAT].schema_file].encode("utf-8")


def write_if_changed(target: Path, content: bytes) -> bool:
    """Write atomically, and only when the content differs; True when written."""
    if target.is_file() and target.read_bytes() == content:
        return False
    atomic_write_bytes(target, content)
    return True


def write_open_data(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    data = context.of(app.env).data
    folder = Path(app.outdir) / FOLDER
    # The files are made from every record: skip the work when no data file changed since they were written.
    stamp_file = Path(app.doctreedir) / "rancang-data-terbuka.sidik"
    code = _code_stamp()
    stamp = f"{data.fingerprint()} {code}"
    names = (JSON_FILE, CSV_FILE, SCHEMA_FILE)
    if all((folder / name).is_file() for name in names) and stamp_file.is_file() and \
            stamp_file.read_text(encoding="utf-8") == stamp:
        return
    fragments_file = Path(app.doctreedir) / "rancang-data-terbuka.pickle"
    fragments: dict[str, tuple[Any, str]] = {}
    try:
        with open(fragments_file, "rb") as handle:
            kept_code, fragments = pickle.load(handle)
        if kept_code != code:
            fragments = {}
    except Exception:  # noqa: BLE001 - no usable fragments: write every record
        fragments = {}
    for name, content in ((JSON_FILE, json_bytes(data, fragments)), (CSV_FILE, csv_bytes(data)),
                          (SCHEMA_FILE, schema_bytes())):
        write_if_changed(folder / name, content)
    atomic_write_bytes(fragments_file, pickle.dumps((code, fragments), protocol=pickle.HIGHEST_PROTOCOL))
    atomic_write_bytes(stamp_file, stamp.encode("utf-8"))


def _code_stamp() -> str:
    """The open-data files also change when rancang's models, its plain text, the views and the words they use
    (citations, numbers, titles) or this module change."""
    import hashlib

    from rancang import richtext
    from rancang.language import citation, wording
    from rancang.present import innovation, titles
    from rancang.record_cache import code_version

    modules = (__file__, richtext.__file__, innovation.__file__, titles.__file__, citation.__file__, wording.__file__)
    texts = [Path(module).read_text(encoding="utf-8") for module in modules]
    return hashlib.sha256((code_version() + "".join(texts)).encode()).hexdigest()


# -- the page that documents the files ----------------------------------------------------------------

FILES = [
    (JSON_FILE, "JSON", "Semua profil inovasi, lengkap dengan setiap isian berkas YAML-nya; isian teks bebas "
                        "(ringkasan, masalah, solusi, ...) ditulis apa adanya dalam format Markdown."),
    (CSV_FILE, "CSV", "Satu baris per profil dengan kolom ringkas, teks polos tanpa format Markdown; dapat dibuka "
                      "dengan Excel atau LibreOffice."),
    (SCHEMA_FILE, "JSON Schema", "Struktur dan arti setiap isian satu profil (berlaku untuk inovasi.json)."),
]


def _table(heads: tuple[str, str], rows: list[tuple[str, str]], classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=30)
    group += nodes.colspec(colwidth=70)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for text in heads:
        row += nodes.entry("", nodes.paragraph(text=text))
    head += row
    body = nodes.tbody()
    group += body
    for name, description in rows:
        row = nodes.row()
        row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=name)))
        row += nodes.entry("", nodes.paragraph(text=description))
        body += row
    return table


class OpenDataDirective(SphinxDirective):
    """``{rancang-data-terbuka} berkas|kolom|json``.

    ``berkas``: links to the three files; ``kolom``: the CSV columns (from
    :data:`COLUMNS`); ``json``: the top-level keys of a JSON record.
    """

    required_arguments = 1
    has_content = False
    PARTS = ("berkas", "kolom", "json")

    def run(self) -> list[nodes.Node]:
        part = self.arguments[0].strip()
        if part == "kolom":
            return [_table(("Kolom", "Isi"), [(c.name, c.description) for c in COLUMNS], ["rancang-kolom-data"])]
        if part == "json":
            rows = [("id", "Id profil: nama berkasnya, kb/inovasi/<id>.yaml.")]
            rows += [(info.alias or name, info.description or "") for name, info in Innovation.model_fields.items()]
            return [_table(("Kunci", "Isi"), rows, ["rancang-kolom-data"])]
        if part == "berkas":
            return self._files()
        raise self.error(f"bagian '{part}' tidak dikenal; pilih salah satu: {', '.join(self.PARTS)}")

    def _files(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_aggregate(self.env.docname)
        shared = context.of(self.env)
        here = posixpath.dirname(shared.builder.get_target_uri(self.env.docname))
        items = nodes.bullet_list(classes=["rancang-berkas-data"])
        for name, kind, description in FILES:
            uri = posixpath.relpath(f"{FOLDER}/{name}", here or ".")
            para = nodes.paragraph()
            para += nodes.reference("", name, refuri=uri, classes=["rancang-unduh"])
            para += nodes.Text(f" ({kind}): {description}")
            items += nodes.list_item("", para)
        count = len(shared.data.innovations)
        return [items, nodes.paragraph(text=f"Saat ini berkas data memuat {count} profil inovasi.")]


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    app.add_directive("rancang-data-terbuka", OpenDataDirective)
    app.connect("build-finished", write_open_data)
