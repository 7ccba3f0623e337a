"""``rancang new``: write a commented skeleton for a new record.

The skeletons (``rancang/skeletons/*.yaml``) list every key of the format; a
test uncomments them and validates the result, so they cannot drift from the
models.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.fileio import atomic_write_text
from rancang.layout import PROJECT_FILE, display_path
from rancang.models import FORMATS
from rancang.models.base import ID_PATTERN
from rancang.models.project import Project, RegionKind
from rancang.schemas import schema_comment

KINDS = ("inovasi", "regulasi", "kunjungan")
"""Kinds of record whose skeleton is the whole format (one skeleton per format of :data:`FORMATS`)."""

SKELETON_FORMATS = {"keputusan": "regulasi"}
"""Further skeletons of a format: ``rancang new keputusan`` writes a regulation file (regulations/) that is a
Keputusan Kepala Daerah (diktum, tembusan, lampiran from the knowledge base) instead of a Perkada."""

NEW_KINDS = (*KINDS, *SKELETON_FORMATS)
"""What ``rancang new`` writes: ``inovasi``, ``regulasi``, ``kunjungan``, ``keputusan``."""


def format_of(kind: str) -> str:
    """The format (key of :data:`FORMATS`) a skeleton writes: ``keputusan`` -> ``regulasi``."""
    return SKELETON_FORMATS.get(kind, kind)


def skeleton_text(kind: str) -> str:
    return resources.files("rancang").joinpath("skeletons", f"{kind}.yaml").read_text(encoding="utf-8")


def title_from_id(record_id: str) -> str:
    """``call-center-112`` -> ``Call Center 112`` (a starting point for the name)."""
    return " ".join(part[:1].upper() + part[1:] for part in record_id.split("-") if part)


def slug(text: str) -> str:
    """``Pangkep Smart Village`` -> ``pangkep-smart-village``: lower case, accents dropped, every run of other
    characters one hyphen."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def choose_id(text: str) -> tuple[str, str | None]:
    """The id ``rancang new`` uses for what the user typed, and the name it came from: an id is used as it is
    (no name); a free name (``Pangkep Smart Village``) becomes its slug, and the name is kept for ``nama:``."""
    if ID_PATTERN.match(text):
        return text, None
    made = slug(text)
    if not made or not ID_PATTERN.match(made):
        return text, None  # nothing to make an id of: new_record refuses it
    return made, " ".join(text.split())


def yaml_text(value: str) -> str:
    """A name as a YAML value on one line: plain when it reads back as the same text, else double-quoted."""
    import yaml

    try:
        if yaml.safe_load(f"nama: {value}") == {"nama": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def region_words(settings: Project | None) -> dict[str, str]:
    """The region's words in the skeletons (``peraturan_bupati``, ``Kabupaten Pangkajene dan Kepulauan``,
    ``Bupati``, ``Peraturan Bupati``, its capital, its province, ``keputusan_bupati``, ``Keputusan Bupati``,
    with the spelling of ``ejaan_jabatan``: ``Keputusan Walikota``); without valid settings, a city's (``rancang
    check`` reports the settings)."""
    if settings is None:
        return {"__JENIS__": "peraturan_wali_kota", "__DAERAH__": "Kota Contoh", "__KEPALA__": "Wali Kota",
                "__PERATURAN__": "Peraturan Wali Kota", "__TEMPAT__": "Contoh", "__PROVINSI__": "Contoh",
                "__KEPUTUSAN_JENIS__": "keputusan_wali_kota", "__KEPUTUSAN__": "Keputusan Wali Kota"}
    regency = settings.region.kind is RegionKind.REGENCY
    return {"__JENIS__": "peraturan_bupati" if regency else "peraturan_wali_kota",
            "__DAERAH__": settings.region_full_name,
            "__KEPALA__": settings.head_office, "__PERATURAN__": settings.regulation_name,
            "__TEMPAT__": settings.region.capital or settings.region.name, "__PROVINSI__": settings.region.province,
            "__KEPUTUSAN_JENIS__": "keputusan_bupati" if regency else "keputusan_wali_kota",
            "__KEPUTUSAN__": f"Keputusan {settings.head_office}"}


regulation_words = region_words
"""The former name (the regulation skeleton was the first in the project's words)."""


def _settings(root: Path) -> Project | None:
    from rancang.loader import load_file

    path = root / PROJECT_FILE
    if not path.is_file():
        return None
    model, _ = load_file(path, FORMATS["proyek"])
    return model


_FROM_FILE = object()
COMMENT_COLUMN = 43
"""Where the ``##`` comments of the skeletons' keys begin."""


def fill(text: str, words: dict[str, str]) -> str:
    """``text`` with each placeholder (``__DAERAH__``) replaced by its word; on a key's line the ``##`` comment
    after a replaced value is put back at :data:`COMMENT_COLUMN` (or two spaces after a longer value)."""
    out = []
    for line in text.splitlines(keepends=True):
        code, sep, comment = line.partition("  ##")
        filled = code
        for placeholder, word in words.items():
            filled = filled.replace(placeholder, word)
        for placeholder, word in words.items():
            comment = comment.replace(placeholder, word)
        if sep and filled != code:
            value = filled.rstrip()
            out.append(value + " " * max(COMMENT_COLUMN - len(value), 2) + "##" + comment)
        else:
            out.append(filled + sep + comment)
    return "".join(out)


def render_skeleton(kind: str, record_id: str, target: Path, root: Path, name: str | None = None,
                    settings: Project | None | object = _FROM_FILE) -> str:
    """The skeleton of ``kind`` in the project's kind and region (``settings``, read from the project's
    rancang.yaml unless given); a regulation's title is left to fill (not made from the id)."""
    fmt = FORMATS[format_of(kind)]
    text = skeleton_text(kind)
    text = fill(text, region_words(_settings(root) if settings is _FROM_FILE else settings))  # type: ignore[arg-type]
    return (
        text.replace("__SCHEMA__", schema_comment(target, root, fmt.schema_file))
        .replace("__ID__", record_id)
        .replace("__NAMA__", yaml_text(name) if name else title_from_id(record_id))
    )


def new_record(root: Path, kind: str, record_id: str, name: str | None = None) -> str:
    """Write the skeleton (``name`` for ``nama:`` when given); refuses an invalid id or an existing file."""
    if kind not in NEW_KINDS:
        raise RancangError([Diagnostic("P404", f"jenis '{kind}' tidak dikenal; pilih {', '.join(NEW_KINDS)}",
                                       Location("rancang new"))])
    folder = root / Path(FORMATS[format_of(kind)].location).parent
    target = folder / f"{record_id}.yaml"
    shown = display_path(target)
    if not ID_PATTERN.match(record_id):
        raise RancangError([Diagnostic(
            "S207", f"id '{record_id}' tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung "
                    "(misalnya call-center-112)", Location(shown))])
    try:
        atomic_write_text(target, render_skeleton(kind, record_id, target, root, name), overwrite=False)
    except FileExistsError:
        raise RancangError([Diagnostic("Y101", "berkas sudah ada dan tidak ditimpa; pilih id lain atau sunting "
                                               "berkas itu", Location(shown))]) from None
    return shown
