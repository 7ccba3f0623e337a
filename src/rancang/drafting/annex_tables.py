"""Lampiran tables made from the knowledge base: the innovations a Keputusan establishes, and a team's members.

A lampiran of a regulation (usually a Keputusan Kepala Daerah) may name what it lists instead of typing a table:

``inovasi: semua``
    every innovation of ``kb/inovasi/``, or ``inovasi: [call-center-112, ...]`` the ones named, in that order;
    :func:`innovation_table` writes the table ``No. | Nama Inovasi | Perangkat Daerah | Bentuk | Jenis | Tahapan |
    Tanggal/Tahun`` from the records.
``anggota: [{jabatan_tim: Ketua, jabatan: Sekretaris Daerah, nama: ..., nip: ...}, ...]``
    the members of a team (a Keputusan forming the Tim Inovasi Daerah); :func:`member_table` writes ``No. |
    Jabatan dalam Tim | Jabatan/Unsur | Nama | NIP``.

Both return Markdown (the text of a lampiran is Markdown, :mod:`rancang.richtext`), so the engine treats the
table like any table a user wrote: parsed once, rendered in the DOCX and on the site. Every cell is escaped
(:func:`cell`): a ``|`` or ``*`` in a name is printed as written. A fact the records do not hold stays an empty
cell; nothing is guessed.

Contract with the engine (:mod:`rancang.drafting.engine`) and the check (:mod:`rancang.references`):

* :func:`annex_markdown` ``(annex, innovations, agencies) -> str`` -- the lampiran's whole Markdown: its ``isi``
  (when given), then the innovation table (when ``inovasi`` is given), then the member table (when ``anggota``
  is given), separated by blank lines. The engine uses it where it used ``annex.content or ""``.
* :func:`innovation_table` ``(annex, innovations, agencies) -> str`` and :func:`member_table` ``(annex) -> str``
  -- each table alone ("" when the lampiran does not ask for it).
* :func:`innovation_problems` ``(annex, innovations, unloaded=()) -> list[Diagnostic]`` -- R301 for every id
  of ``inovasi`` that is not in ``innovations``, at the id's path:line:col, with the closest known ids. An id
  whose own file failed to load (``"inovasi/<id>"`` in ``unloaded``, as :class:`ProjectData.unloaded` holds
  it) is not reported again. The table leaves an unknown id out; the check reports it.

``innovations`` is ``ProjectData.innovations`` (id -> :class:`~rancang.models.innovation.Innovation`),
``agencies`` is ``ProjectData.agencies`` (id -> :class:`~rancang.models.catalogue.Agency`).

The lampiran model (:class:`rancang.models.regulation.Annex`) is read by the YAML keys of its fields, so its
attribute names are free: ``inovasi`` is ``"semua"``, a list of innovation ids, or absent (None); ``anggota``
is a list of members, each with ``jabatan_tim``, ``jabatan`` and optional ``nama`` and ``nip``, or absent.

Order of ``inovasi: semua``: by name (case and accents ignored), then by id -- the same for every build, and
the order a reader looks a name up in. The Tanggal/Tahun column gives the date of the innovation's stage
(``tanggal_penerapan`` for penerapan, ``tanggal_uji_coba`` for uji coba, ``tanggal_inisiatif`` for inisiatif):
empty when the stage or its date is not known.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Collection, Mapping

from rancang.diagnostics import Diagnostic
from rancang.language.suggest import closest_few, quoted_choices
from rancang.language.wording import partial_date
from rancang.locations import locate
from rancang.models.base import Model, PartialDate
from rancang.models.catalogue import Agency
from rancang.models.innovation import Innovation, Stage

ALL = "semua"
"""``inovasi: semua``: every innovation of the knowledge base."""

INNOVATION_COLUMNS = ("No.", "Nama Inovasi", "Perangkat Daerah", "Bentuk", "Jenis", "Tahapan", "Tanggal/Tahun")
MEMBER_COLUMNS = ("No.", "Jabatan dalam Tim", "Jabatan/Unsur", "Nama", "NIP")

INNOVATIONS_KEY = "inovasi"
MEMBERS_KEY = "anggota"

_SPECIAL = re.compile(r"([\\`*_\[\]<>|!&#~])")
"""Characters that Markdown (CommonMark and its tables) would read as syntax inside a cell."""


# -- reading the lampiran by its YAML keys -----------------------------------------------------------------------


def _attribute(model: Model, key: str) -> str | None:
    """The attribute name of the field that YAML writes as ``key`` (None when the model has no such field)."""
    for name, info in type(model).model_fields.items():
        if (info.alias or name) == key:
            return name
    return None


def _value(model: Model, key: str) -> Any:
    name = _attribute(model, key)
    return None if name is None else getattr(model, name)


def innovation_ids(annex: Model, innovations: Mapping[str, Innovation]) -> list[str]:
    """The known ids a lampiran lists, in table order (unknown ids are left out: see :func:`innovation_problems`)."""
    chosen = _value(annex, INNOVATIONS_KEY)
    if chosen is None:
        return []
    if isinstance(chosen, str):  # "semua"
        return sorted(innovations, key=lambda record_id: (_sort_name(innovations[record_id].name), record_id))
    return [record_id for record_id in chosen if record_id in innovations]


def _sort_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.casefold().split())


# -- Markdown ----------------------------------------------------------------------------------------------------


def cell(text: str | None) -> str:
    """A table cell's Markdown for ``text`` as written: on one line, every character that Markdown would read as
    syntax (``|`` above all: it would split the cell) escaped with a backslash."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    """A Markdown table; ``rows`` hold cell texts as written (escaped here)."""
    lines = ["| " + " | ".join(cell(name) for name in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def _stage_date(record: Innovation) -> PartialDate | None:
    return {Stage.IMPLEMENTATION: record.implementation_date, Stage.TRIAL: record.trial_date,
            Stage.INITIATIVE: record.started}.get(record.stage) if record.stage else None


def _agency_name(record: Innovation, agencies: Mapping[str, Agency]) -> str:
    if not record.agency or record.agency not in agencies:
        return ""
    name = agencies[record.agency].name
    return f"{name} ({record.unit})" if record.unit else name


def innovation_row(record: Innovation, agencies: Mapping[str, Agency]) -> list[str]:
    """The cells after No. of one innovation: what its record holds, empty where it holds nothing."""
    return [
        record.name,
        _agency_name(record, agencies),
        record.form.label if record.form else "",
        record.kind.label if record.kind else "",
        record.stage.label if record.stage else "",
        partial_date(_stage_date(record)),
    ]


def innovation_table(annex: Model, innovations: Mapping[str, Innovation],
                     agencies: Mapping[str, Agency] | None = None) -> str:
    """The Markdown table of the innovations the lampiran names (``inovasi``); "" when it names none."""
    if _value(annex, INNOVATIONS_KEY) is None:
        return ""
    agencies = agencies or {}
    rows = [[f"{number}.", *innovation_row(innovations[record_id], agencies)]
            for number, record_id in enumerate(innovation_ids(annex, innovations), start=1)]
    return table(INNOVATION_COLUMNS, rows)


def member_table(annex: Model) -> str:
    """The Markdown table of a team's members (``anggota``); "" when the lampiran lists none. A name or NIP not
    given is an empty cell."""
    members = _value(annex, MEMBERS_KEY)
    if not members:
        return ""
    rows = [[f"{number}.", _value(member, "jabatan_tim") or "", _value(member, "jabatan") or "",
             _value(member, "nama") or "", str(_value(member, "nip") or "")]
            for number, member in enumerate(members, start=1)]
    return table(MEMBER_COLUMNS, rows)


def annex_markdown(annex: Model, innovations: Mapping[str, Innovation],
                   agencies: Mapping[str, Agency] | None = None) -> str:
    """The lampiran's whole Markdown: its ``isi``, then the innovation table, then the member table."""
    parts = [_value(annex, "isi") or "", innovation_table(annex, innovations, agencies), member_table(annex)]
    return "\n\n".join(part.rstrip("\n") for part in parts if part.strip()) + ("\n" if any(parts) else "")


# -- the check ---------------------------------------------------------------------------------------------------


def innovation_problems(annex: Model, innovations: Mapping[str, Innovation],
                        unloaded: Collection[str] = ()) -> list[Diagnostic]:
    """R301 for each id of ``inovasi`` that names no innovation, at the id, with the closest known ids; an id
    listed twice is reported too (R302), since the table would show the innovation twice."""
    chosen = _value(annex, INNOVATIONS_KEY)
    if chosen is None or isinstance(chosen, str):
        return []
    attribute = _attribute(annex, INNOVATIONS_KEY)
    assert attribute is not None
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, record_id in enumerate(chosen):
        where = locate(annex, attribute, index)
        if record_id in seen:
            first = locate(annex, attribute, seen[record_id])
            problems.append(Diagnostic("R302", f"inovasi '{record_id}' sudah disebut di baris {first.line}", where,
                                       suggestion="hapus salah satunya: lampiran memuat setiap inovasi sekali"))
            continue
        seen[record_id] = index
        if record_id in innovations or f"inovasi/{record_id}" in unloaded or "inovasi" in unloaded:
            continue
        guesses = closest_few(record_id, innovations)
        where_defined = "id inovasi adalah nama berkasnya di kb/inovasi/ (tanpa .yaml)"
        if guesses:
            suggestion = f"mungkin maksud Anda {quoted_choices(guesses)}? {where_defined}"
        elif innovations:
            suggestion = f"{where_defined}; atau tulis inovasi: {ALL} untuk memuat semua inovasi"
        else:
            suggestion = f"daftarnya masih kosong; tambahkan profilnya dengan 'rancang new inovasi {record_id}'"
        problems.append(Diagnostic("R301", f"inovasi '{record_id}' tidak dikenal", where, suggestion=suggestion))
    return problems
