"""Rules for the fields written in Markdown: every one of an innovation profile, a visit and a regulation's
lampiran (a field is Markdown when its model says so, :data:`rancang.models.base.Markdown`).

Fields are read by :func:`rancang.richtext.parse`, the same reading the DOCX, the site and the open data use;
:func:`image_path` is how every output finds the file of an image written in a field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, Iterator, get_args
from urllib.parse import unquote, urlsplit

from pydantic.fields import FieldInfo

from rancang.diagnostics import Diagnostic, Severity
from rancang.lint.context import LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule
from rancang.locations import locate_in_text
from rancang.models.base import Markdown, Model
from rancang.layout import BUILD
from rancang.loader import image_problem
from rancang.richtext import images, parse

WARNING = Severity.WARNING


# -- the Markdown fields of a project ------------------------------------------------------------------------


def _is_markdown(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    if isinstance(extra, dict) and "markdownDescription" in extra:
        return True  # a required Markdown field: pydantic moved the type's metadata onto the field

    def holds(annotation: Any) -> bool:
        return annotation == Markdown or any(holds(arg) for arg in get_args(annotation) if arg is not annotation)

    return holds(info.annotation)


def _models(annotation: Any) -> Iterator[type[Model]]:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        yield annotation
    for arg in get_args(annotation):
        if arg is not annotation:
            yield from _models(arg)


def _reaches_markdown(model_type: type[Model], seen: frozenset = frozenset()) -> bool:
    if model_type in seen:
        return False
    inside = seen | {model_type}
    for info in model_type.model_fields.values():
        if _is_markdown(info) or any(_reaches_markdown(inner, inside) for inner in _models(info.annotation)):
            return True
    return False


@lru_cache(maxsize=None)
def _plan(model_type: type[Model]) -> tuple[tuple[str, str, bool], ...]:
    """The fields of a model worth visiting, in order: ``(attribute, YAML key, is Markdown)`` for its Markdown
    fields and for the fields that may hold models with Markdown fields (the other fields are never looked at:
    a project has tens of thousands of profiles)."""
    return tuple((name, info.alias or name, _is_markdown(info)) for name, info in model_type.model_fields.items()
                 if _is_markdown(info) or any(_reaches_markdown(inner) for inner in _models(info.annotation)))


def markdown_texts(model: Model, needle: str = "", _path: tuple = ()) -> Iterator[tuple[Model, str, int | None,
                                                                                  str, str]]:
    """``(model, attribute, list index or None, text, key path)`` of every Markdown field of ``model`` and of
    the models inside it that holds ``needle``, in the order of the file; the key path names the field as the
    file does (``hasil[2].uraian``, ``lampiran[1].isi``)."""
    for name, alias, markdown in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if markdown:
            if isinstance(value, str):
                if needle in value:
                    yield model, name, None, value, _key((*_path, alias))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str) and needle in item:
                        yield model, name, index, item, _key((*_path, alias, index))
        elif isinstance(value, Model):
            yield from markdown_texts(value, needle, (*_path, alias))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Model):
                    yield from markdown_texts(item, needle, (*_path, alias, index))


def _key(path: tuple) -> str:
    """``("hasil", 1, "uraian")`` as ``hasil[2].uraian``."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _records(context: LintContext) -> Iterator[tuple[str, Model]]:
    """Every record with Markdown fields, with how a message names it."""
    data = context.data
    for record_id, innovation in sorted(data.innovations.items()):
        yield f"profil '{record_id}'", innovation
    for record_id, visit in sorted(data.visits.items()):
        yield f"kunjungan '{record_id}'", visit
    for record_id, regulation in sorted(data.regulations.items()):
        yield f"rancangan '{record_id}'", regulation


# -- L610 -----------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)\s*([A-Za-z][A-Za-z0-9-]*)")

_INSTEAD = {
    "b": "**tebal**", "strong": "**tebal**", "i": "*miring*", "em": "*miring*",
    "br": "dua spasi atau \\ di akhir baris", "a": "[teks tautan](https://alamat)",
    "img": "![keterangan gambar](kb/gambar/nama.png)", "table": "tabel Markdown: | Kolom | Kolom |, lalu |---|---|",
    "ul": "butir yang diawali '- '", "ol": "butir yang diawali '1. '", "li": "butir yang diawali '- ' atau '1. '",
    "p": "baris kosong di antara paragraf", "h1": "judul yang diawali '#'", "h2": "judul yang diawali '##'",
    "h3": "judul yang diawali '###'", "code": "`kode`", "pre": "blok kode di antara baris ```",
    "blockquote": "baris yang diawali '> '",
}
"""What to write instead of a tag, in Markdown."""


def _advice(tag: str) -> str:
    if tag.startswith("<!--"):
        return "hapus komentar HTML: di dokumen dan situs komentar itu tercetak sebagai teks"
    found = _TAG.match(tag)
    instead = _INSTEAD.get(found.group(2).lower()) if found else None
    if instead:
        return f"ganti dengan {instead}"
    return "hapus tag-nya; format ditulis dengan Markdown (tebal, miring, tautan, daftar, tabel, gambar)"


def _reported(raw_texts: list[str]) -> list[bool]:
    """Which raw HTML to report: every one but a closing tag whose opening tag was already reported (one
    finding for ``<b>...</b>``)."""
    opened: set[str] = set()
    shown = []
    for text in raw_texts:
        found = _TAG.match(text.strip())
        if found and found.group(1) and found.group(2).lower() in opened:
            shown.append(False)
            continue
        if found and not found.group(1):
            opened.add(found.group(2).lower())
        shown.append(True)
    return shown


@rule(
    "L610", "HTML mentah di isian Markdown", WARNING,
    "Isian teks bebas (ringkasan dan narasi profil inovasi, uraian kunjungan, isi lampiran) ditulis dengan "
    "Markdown, yang dibaca sekali lalu ditulis sebagai format Word di DOCX dan PDF, sebagai HTML di situs, dan "
    "sebagai teks polos di kartu galeri dan data terbuka. Tag HTML tidak ikut dibaca sebagai format: HTML mentah "
    "tidak boleh menjadi markup di situs (isi berkas tidak boleh menyisipkan skrip atau gaya) dan tidak punya arti "
    "di Word. Tag yang ditulis tampil apa adanya sebagai teks, misalnya '<b>penting</b>' tercetak dengan tanda "
    "kurungnya, jadi tulis formatnya dengan Markdown.",
    wrong=Example("inovasi", """
        manfaat: Layanan <b>lebih cepat</b> bagi warga.
    """),
    right=Example("inovasi", """
        manfaat: Layanan **lebih cepat** bagi warga.
    """),
)
def raw_html(context: LintContext) -> Iterator[Diagnostic]:
    for name, record in _records(context):
        for model, attribute, index, text, key in markdown_texts(record, "<"):  # no tag without it
            found = parse(text).raw_html
            lines = text.splitlines(keepends=True)
            seen: dict[tuple[int, str], int] = {}
            for raw, shown in zip(found, _reported([raw.text for raw in found])):
                needle = raw.text.strip().splitlines()[0].strip() if raw.text.strip() else raw.text
                # Occurrences of the tag before it: those on earlier lines of the field, and the raw HTML with
                # the same text already met on its line (a tag inside a paragraph has the paragraph's line).
                before = "".join(lines[: raw.line - 1]).count(needle) if needle else 0
                same = seen.get((raw.line, needle), 0)
                seen[(raw.line, needle)] = same + 1
                if not shown:
                    continue
                where = locate_in_text(model, attribute, needle, before + same, index=index)
                yield diagnostic(
                    "L610", f"{name}: HTML mentah {quote(needle, 40)} di {key} "
                    "ditampilkan sebagai teks, bukan sebagai format; tulis dengan Markdown", where, _advice(needle))


# -- L611 -----------------------------------------------------------------------------------------------------


def image_path(source: str) -> str | None:
    """The project-relative path of an image source written in a Markdown field (``kb/gambar/alur%20kerja.png``
    is the file ``kb/gambar/alur kerja.png``); None for a web address or another scheme, an absolute path, a
    path that climbs out with ``..`` or one inside ``_build/``. Whether the file is an image the outputs show is
    :func:`rancang.loader.image_problem`'s to say."""
    try:
        if urlsplit(source).scheme:
            return None
    except ValueError:
        return None
    relative = unquote(source.split("#", 1)[0].split("?", 1)[0]).strip()
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if ".." in parts or parts[0] == BUILD:
        return None
    return PurePosixPath(*parts).as_posix()


def _image_reason(root, source: str) -> str | None:
    """Why an image of a Markdown field is not shown (None when it is)."""
    try:
        scheme = urlsplit(source).scheme.lower()
    except ValueError:
        scheme = "?"
    if scheme in ("http", "https"):
        return (f"gambar '{source}' ada di internet: situs tidak memuatnya (hanya tautan) dan DOCX tidak dapat "
                "memuatnya")
    path = image_path(source)
    if path is None:
        return f"gambar '{source}' harus jalur relatif di dalam folder proyek (misalnya kb/gambar/bagan.png)"
    problem = image_problem(root, path)
    return problem[1] if problem is not None else None


@rule(
    "L611", "Gambar di isian Markdown tidak dapat ditampilkan", WARNING,
    "Gambar di isian Markdown (![keterangan](jalur)) dimuat dari folder proyek, diperiksa seperti gambar profil "
    "dan lambang: jalur relatif di dalam folder proyek, berkas PNG, JPEG, atau SVG sungguhan, dengan batas "
    "ukuran. Gambar dari internet tidak dimuat: situs tidak meminta apa pun ke server lain tanpa diklik pembaca "
    "(gambar itu menjadi tautan), dan dokumen disusun tanpa jaringan. Gambar yang tidak dapat dimuat diganti "
    "keterangannya.",
    wrong=Example("inovasi", """
        manfaat: "Alur layanan: ![Bagan alur](kb/gambar/tidak-ada.png)"
    """),
    right=Example("inovasi", """
        manfaat: Alur layanan diuraikan dalam bagan pada lampiran keputusan.
    """),
)
def markdown_images(context: LintContext) -> Iterator[Diagnostic]:
    for name, record in _records(context):
        for model, attribute, index, text, key in markdown_texts(record, "!["):  # no image without it
            counted: dict[str, int] = {}
            for image in images(parse(text)):
                needle = image.source if image.source in text else unquote(image.source)
                occurrence = counted.get(needle, 0)
                counted[needle] = occurrence + 1
                reason = _image_reason(context.root, image.source)
                if reason is None:
                    continue
                where = locate_in_text(model, attribute, needle, occurrence, index=index)
                yield diagnostic("L611", f"{name}: {reason} (di {key}); yang tampil hanya keterangannya",
                                 where, "simpan gambarnya di folder proyek, misalnya kb/gambar/, dan tulis "
                                 "jalurnya dari folder proyek")
