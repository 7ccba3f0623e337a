"""``rancang new``: write a commented skeleton for a new record.

The skeletons (``rancang/skeletons/*.yaml``) list every key of the format; a
test uncomments them and validates the result, so they cannot drift from the
models.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.fileio import atomic_write_text
from rancang.layout import display_path
from rancang.models import FORMATS
from rancang.models.base import ID_PATTERN
from rancang.schemas import schema_comment

KINDS = ("inovasi", "regulasi", "kunjungan")


def skeleton_text(kind: str) -> str:
    return resources.files("rancang").joinpath("skeletons", f"{kind}.yaml").read_text(encoding="utf-8")


def title_from_id(record_id: str) -> str:
    """``call-center-112`` -> ``Call Center 112`` (a starting point for the name)."""
    return " ".join(part[:1].upper() + part[1:] for part in record_id.split("-") if part)


def render_skeleton(kind: str, record_id: str, target: Path, root: Path) -> str:
    fmt = FORMATS[kind]
    text = skeleton_text(kind)
    return (
        text.replace("__SCHEMA__", schema_comment(target, root, fmt.schema_file))
        .replace("__ID__", record_id)
        .replace("__NAMA__", title_from_id(record_id))
    )


def new_record(root: Path, kind: str, record_id: str) -> str:
    """Write the skeleton; refuses an invalid id or an existing file."""
    if kind not in KINDS:
        raise RancangError([Diagnostic("P404", f"jenis '{kind}' tidak dikenal; pilih {', '.join(KINDS)}",
                                       Location("rancang new"))])
    folder = root / Path(FORMATS[kind].location).parent
    target = folder / f"{record_id}.yaml"
    shown = display_path(target)
    if not ID_PATTERN.match(record_id):
        raise RancangError([Diagnostic(
            "S207", f"id '{record_id}' tidak valid: pakai huruf kecil a-z, angka, dan tanda hubung "
                    "(misalnya call-center-112)", Location(shown))])
    try:
        atomic_write_text(target, render_skeleton(kind, record_id, target, root), overwrite=False)
    except FileExistsError:
        raise RancangError([Diagnostic("Y101", "berkas sudah ada dan tidak ditimpa; pilih id lain atau sunting "
                                               "berkas itu", Location(shown))]) from None
    return shown
