"""Copies of other regions' published directories (``direktori_lain`` of rancang.yaml).

``rancang direktori ambil`` (the only command that touches the network) copies another region's
``data/inovasi.json`` -- and ``perangkat-daerah.json`` and ``dasar-hukum.json`` when published -- into the
project with ``asal.yaml`` beside it. Loading reads only the copies, validated with the same models as our own
records; a problem is located in the JSON copy. The records go to :attr:`ProjectData.foreign`, never among our
own innovations.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rancang.diagnostics import Diagnostic, Location, RancangError, Severity
from rancang.layout import DATA_FOLDERS, PROJECT_FILE, display_path, is_inside
from rancang.models import ProjectData
from rancang.models.base import ID_PATTERN
from rancang.models.innovation import Innovation
from rancang.models.project import Project
from rancang.locations import locate
from rancang.validation import validate
from rancang.yamlsource import _FORBIDDEN_CHARS as FORBIDDEN_CHARS
from rancang.yamlsource import Source, child, load, node_location


# -- copies of other regions' directories ------------------------------------------------------------------
#
# ``direktori_lain`` of rancang.yaml names other regions' published directories; ``rancang direktori ambil``
# (the only command that touches the network) copies their ``data/inovasi.json`` (and ``perangkat-daerah.json``
# and ``dasar-hukum.json`` when published) into the project with ``asal.yaml`` beside it. Loading reads only
# the copies, validated with the same models as our own records; a problem is located in the JSON copy.

COPY_FILES = {"inovasi": "inovasi.json", "perangkat-daerah": "perangkat-daerah.json", "dasar-hukum": "dasar-hukum.json"}
"""The files of a published directory, by kind; ``inovasi.json`` is required, the others are copied when present."""

MAX_COPY_BYTES = 64 * 1024 * 1024
"""Largest copy read (a national directory's inovasi.json is some tens of MB)."""

_JSON_MESSAGES = {
    "Expecting value": "nilai diharapkan di sini",
    "Expecting ',' delimiter": "tanda koma diharapkan di sini",
    "Expecting ':' delimiter": "titik dua diharapkan di sini",
    "Expecting property name enclosed in double quotes": "nama kunci di antara tanda kutip ganda diharapkan di sini",
    "Unterminated string starting at": "teks tidak ditutup tanda kutip",
    "Invalid control character at": "karakter kendali di dalam teks",
    "Extra data": "ada data lain sesudah akhir JSON",
    "Invalid \\escape": "urutan garis miring terbalik tidak sah",
    "Invalid \\uXXXX escape": "urutan \\u tidak sah",
}


def load_foreign(root: Path, data: ProjectData) -> list[Diagnostic]:
    """Read the copy of every directory of ``direktori_lain`` into :attr:`ProjectData.foreign`; never the network."""
    from rancang.models.project_data import Foreign

    settings = data.settings
    problems: list[Diagnostic] = []
    if settings is None:
        return problems
    for key, entry in settings.other_directories.items():
        where = locate(settings, "other_directories", key)
        path, problem = copy_location(root, key, entry, where)
        if problem is not None:
            problems.append(problem)
            continue
        shown = display_path(path)
        if not path.is_file():
            problems.append(Diagnostic(
                "P440", f"salinan direktori {entry.name} ({entry.copy_path(key)}) belum ada",
                where, suggestion=f"jalankan 'rancang direktori ambil {key}' untuk mengambilnya dari {entry.address}"))
            continue
        foreign = ProjectData(root=path.parent)
        found: list[Diagnostic] = []
        content = _read_copy(path, shown, found)
        records = parse_copy(content, shown, "inovasi", found) if content is not None else None
        if records is not None:
            foreign.innovations = records
        for kind in ("perangkat-daerah", "dasar-hukum"):
            sibling = path.parent / COPY_FILES[kind]
            if sibling.is_file():
                more = _read_copy(sibling, display_path(sibling), found)
                parsed = parse_copy(more, display_path(sibling), kind, found) if more is not None else None
                if parsed is not None:
                    setattr(foreign, "agencies" if kind == "perangkat-daerah" else "catalogue", parsed)
        problems.extend(found)
        if any(d.severity is Severity.ERROR for d in found):
            continue
        origin, notes = _origin(path, key, entry, content)
        problems.extend(notes)
        data.foreign[key] = Foreign(key, entry.name, entry.address, shown,
                                    origin.fetched if origin is not None else None, foreign)
    return problems


def copy_location(root: Path, key: str, entry: Any, where: Location) -> tuple[Path, Diagnostic | None]:
    """Where the copy of ``direktori_lain.<key>`` lives: a ``.json`` path inside the project (else P446)."""
    name = entry.copy_path(key)
    path = root / name
    if Path(name).is_absolute() or not is_inside(path, root):
        return path, Diagnostic("P446", f"salinan '{name}' harus jalur relatif di dalam folder proyek", where)
    if not name.endswith(".json"):
        return path, Diagnostic("P446", f"salinan '{name}' harus berkas .json (misalnya "
                                        f"direktori-lain/{key}/inovasi.json)", where)
    if any(is_inside(path, root / folder) for folder in DATA_FOLDERS):
        # asal.yaml beside it would be taken for a misplaced data file, and the copy is not our data
        return path, Diagnostic("P446", f"salinan '{name}' tidak boleh berada di folder data "
                                        f"({', '.join(f + '/' for f in DATA_FOLDERS)}); pakai misalnya "
                                        f"direktori-lain/{key}/inovasi.json", where)
    return path, None


def _read_copy(path: Path, shown: str, problems: list[Diagnostic]) -> bytes | None:
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            problems.append(Diagnostic("P441", f"salinan lebih besar dari {MAX_COPY_BYTES // 1024 // 1024} MB",
                                       Location(shown)))
            return None
        return path.read_bytes()
    except OSError as error:
        problems.append(Diagnostic("P441", f"salinan tidak dapat dibaca ({error.strerror or error})", Location(shown)))
        return None


def parse_copy(content: bytes, shown: str, kind: str, problems: list[Diagnostic]) -> dict | None:
    """The records of one published file (``inovasi.json``: id -> Innovation; ``perangkat-daerah.json``: id ->
    Agency; ``dasar-hukum.json``: id -> LegalBasis), validated with our models. Every problem is added to
    ``problems`` with its line and column in the JSON; None when the file cannot be read at all."""
    import json

    from rancang.models.catalogue import Agency, LegalBasis

    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = content[:error.start]
        problems.append(Diagnostic("P441", "salinan bukan teks UTF-8", Location(
            shown, before.count(b"\n") + 1, error.start - (before.rfind(b"\n") + 1) + 1)))
        return None
    try:
        values = json.loads(text)
    except json.JSONDecodeError as error:
        message = _JSON_MESSAGES.get(error.msg, "JSON tidak dapat diurai di sini")
        problems.append(Diagnostic("P441", f"salinan bukan JSON yang sah: {message}",
                                   Location(shown, error.lineno, error.colno)))
        return None
    except RecursionError:
        problems.append(Diagnostic("P441", "salinan bersarang terlalu dalam", Location(shown, 1, 1)))
        return None
    what = {"inovasi": "profil inovasi", "perangkat-daerah": "perangkat daerah", "dasar-hukum": "dasar hukum"}[kind]
    if not isinstance(values, list):
        problems.append(Diagnostic("P441", f"salinan harus berupa daftar (JSON [...]) {what}", Location(shown, 1, 1)))
        return None
    model: Any = {"inovasi": Innovation, "perangkat-daerah": Agency, "dasar-hukum": LegalBasis}[kind]
    nodes: list[Any] = []

    def node(index: int) -> Any:
        if not nodes:
            nodes.append(json_nodes(text, shown))
        root_node = nodes[0]
        return root_node.value[index] if root_node is not None and index < len(root_node.value) else None

    # Walk the values for characters Word and HTML cannot carry only when the text may hold one (written as
    # such, or as a \\u escape of a control character, a surrogate or a non-character).
    suspicious = FORBIDDEN_CHARS.search(text) is not None or _SUSPICIOUS_ESCAPE.search(text) is not None
    records: dict[str, Any] = {}
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if not isinstance(value, dict):
            problems.append(Diagnostic("P441", f"butir ke-{index + 1} bukan objek {what} ({{...}})",
                                       node_location(shown, node(index))))
            continue
        record_id = value.get("id")
        if not isinstance(record_id, str) or not ID_PATTERN.match(record_id):
            at = child(node(index), "id") or node(index)
            problems.append(Diagnostic("P441", f"butir ke-{index + 1} tidak memiliki 'id' yang valid (huruf kecil, "
                                               "angka, dan tanda hubung)", node_location(shown, at)))
            continue
        if record_id in records:
            problems.append(Diagnostic("R302", f"id '{record_id}' sudah dipakai oleh butir ke-{first[record_id] + 1}",
                                       node_location(shown, child(node(index), "id"))))
            continue
        bad = _forbidden_text(value) if suspicious else None
        if bad is not None:
            at = node(index)
            for part in bad[1]:
                at = child(at, part) or at
            problems.append(Diagnostic("Y112", f"karakter kendali U+{ord(bad[0]):04X} tidak diizinkan dalam teks",
                                       node_location(shown, at)))
            continue
        fields = value if kind != "inovasi" else {k: v for k, v in value.items() if k != "id"}
        try:
            instance = model.model_validate(fields)
        except Exception:  # noqa: BLE001 - a pydantic ValidationError: explained with its location below
            instance, found = validate(model, Source(shown, fields, node(index), [], text))
            problems.extend(found)
            if instance is None:
                continue
        else:
            instance._attach(shown, None)  # the record knows its file; nothing inside it is ever located
        records[record_id] = instance
        first[record_id] = index
    if kind == "inovasi":  # the copy holds no image file of the other project: a path would name one of ours
        for record_id, instance in records.items():
            if instance.images:
                records[record_id] = instance.model_copy(update={"images": []})
    return records


_SUSPICIOUS_ESCAPE = re.compile(r"\\u(?:00[0-9a-fA-F]{2}|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])")


def _forbidden_text(value: Any, path: tuple = ()) -> tuple[str, tuple] | None:
    """The first character Word and HTML cannot carry (as YAML files refuse them, Y112) in a JSON value, with
    the path of keys and indices to it."""
    if isinstance(value, str):
        found = FORBIDDEN_CHARS.search(value)
        return (found.group(), path) if found else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and FORBIDDEN_CHARS.search(key):
            return FORBIDDEN_CHARS.search(key).group(), path
        found = _forbidden_text(item, (*path, key))
        if found is not None:
            return found
    return None


def json_nodes(text: str, shown: str) -> Any:
    """The YAML node tree (with line and column marks) of a JSON text that :func:`json.loads` accepted, so that
    :func:`rancang.validation.validate` locates a problem inside a JSON file as inside a YAML file."""
    import bisect
    import re

    from yaml.error import Mark
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from json.decoder import scanstring

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    space = re.compile(r"[ \t\n\r]*")
    number = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")

    def mark(index: int) -> Mark:
        line = bisect.bisect_right(starts, index) - 1
        return Mark(shown, index, line, index - starts[line], None, None)

    def skip(index: int) -> int:
        return space.match(text, index).end()

    def value(index: int) -> tuple[Any, int]:
        index = skip(index)
        char = text[index]
        if char == "{":
            pairs = []
            start = index
            index = skip(index + 1)
            while text[index] != "}":
                key_start = index
                key, index = scanstring(text, index + 1)
                index = skip(index)
                item, index = value(index + 1)  # past ":"
                pairs.append((ScalarNode(TAG + "str", key, mark(key_start), mark(index)), item))
                index = skip(index)
                if text[index] == ",":
                    index = skip(index + 1)
            return MappingNode(TAG + "map", pairs, mark(start), mark(index + 1)), index + 1
        if char == "[":
            items = []
            start = index
            index = skip(index + 1)
            while text[index] != "]":
                item, index = value(index)
                items.append(item)
                index = skip(index)
                if text[index] == ",":
                    index = skip(index + 1)
            return SequenceNode(TAG + "seq", items, mark(start), mark(index + 1)), index + 1
        if char == '"':
            string, end = scanstring(text, index + 1)
            return ScalarNode(TAG + "str", string, mark(index), mark(end)), end
        found = number.match(text, index)
        word = found.group() if found else next(w for w in ("true", "false", "null") if text.startswith(w, index))
        return ScalarNode(TAG + "str", word, mark(index), mark(index + len(word))), index + len(word)

    try:
        return value(0)[0]
    except (IndexError, StopIteration, ValueError, RecursionError):  # not reached for a text json.loads accepted
        return None


TAG = "tag:yaml.org,2002:"


def _origin(path: Path, key: str, entry: Any, content: bytes | None) -> tuple[Any, list[Diagnostic]]:
    """``asal.yaml`` beside the copy, and a warning when the copy differs from what was fetched."""
    import hashlib

    from rancang.models.project import ORIGIN_FILE, CopyOrigin

    origin_file = path.parent / ORIGIN_FILE
    shown = display_path(origin_file)
    if not origin_file.is_file():
        return None, [Diagnostic("P443", f"{ORIGIN_FILE} tidak ada di samping salinan: asal dan tanggal salinan "
                                         "tidak diketahui", Location(display_path(path)), Severity.WARNING,
                                 suggestion=f"ambil ulang dengan 'rancang direktori ambil {key}'")]
    source, problems = load(origin_file, shown)
    origin = None
    if source is not None:
        origin, more = validate(CopyOrigin, source)
        problems = problems + more
    if origin is None:
        # Written by the command, never by hand: a broken one leaves the copy usable, without its date.
        return None, [Diagnostic("P443", f"{ORIGIN_FILE} tidak valid: {d.message}", d.location, Severity.WARNING,
                                 suggestion=f"ambil ulang dengan 'rancang direktori ambil {key}'")
                      for d in problems] or [Diagnostic("P443", f"{ORIGIN_FILE} tidak dapat dibaca", Location(shown),
                                                        Severity.WARNING)]
    notes = []
    if content is not None and hashlib.sha256(content).hexdigest() != origin.sha256:
        notes.append(Diagnostic(
            "P442", f"salinan {display_path(path)} berubah sejak diambil (sidik SHA-256-nya tidak sama dengan "
                    f"{ORIGIN_FILE}); salinan tidak boleh disunting", locate(origin, "sha256"), Severity.WARNING,
            suggestion=f"ambil ulang dengan 'rancang direktori ambil {key}'"))
    for name, recorded in origin.others.items():
        sibling = path.parent / name
        if sibling.is_file() and hashlib.sha256(sibling.read_bytes()).hexdigest() != recorded.sha256:
            notes.append(Diagnostic(
                "P442", f"salinan {display_path(sibling)} berubah sejak diambil (sidik SHA-256-nya tidak sama dengan "
                        f"{ORIGIN_FILE})", locate(origin, "others", name), Severity.WARNING,
                suggestion=f"ambil ulang dengan 'rancang direktori ambil {key}'"))
    return origin, notes


# -- fetching a copy (rancang direktori ambil: the only network access of rancang) ---------------------------

FETCH_TIMEOUT = 30
"""Seconds a server may take to answer (each file)."""


@dataclass
class Fetched:
    """What ``rancang direktori ambil`` wrote for one directory."""

    key: str
    name: str
    folder: str
    counts: dict[str, int]
    """File name -> number of records, for each file written."""


def fetch_directories(root: Path, names: list[str], opener: Any = None, now: Any = None
                      ) -> tuple[list[Fetched], list[Diagnostic]]:
    """Fetch the published data of the directories ``names`` of ``direktori_lain`` (all when empty) into their
    copies: ``inovasi.json`` and, when published beside it, ``perangkat-daerah.json`` and ``dasar-hukum.json``,
    then ``asal.yaml`` (alamat, diambil, sha256, jumlah). What is fetched is validated first; a directory with
    any problem writes nothing (its old copy stays). ``opener`` stands for :func:`urllib.request.urlopen`."""
    import datetime as dt

    from rancang.layout import PROJECT_FILE

    settings_file = root / PROJECT_FILE
    source, problems = load(settings_file, display_path(settings_file))
    settings = None
    if source is not None:
        settings, more = validate(Project, source)
        problems = problems + more
    if settings is None:
        return [], problems
    where = locate(settings)
    configured = settings.other_directories
    unknown = [name for name in names if name not in configured]
    for name in unknown:
        guess = difflib.get_close_matches(name, list(configured), n=1, cutoff=0.6)
        problems.append(Diagnostic(
            "P446", f"direktori lain '{name}' tidak ada di direktori_lain ({PROJECT_FILE})", where,
            suggestion=f"mungkin maksud Anda '{guess[0]}'?" if guess else
            (f"yang terdaftar: {', '.join(configured)}" if configured else
             "tambahkan dulu di rancang.yaml: direktori_lain: NAMA: {nama: ..., alamat: ...}")))
    if unknown:
        return [], problems
    if not configured:
        return [], [Diagnostic("P446", f"{PROJECT_FILE} belum menyebut direktori lain (direktori_lain)", where,
                               suggestion="tambahkan misalnya direktori_lain: parepare: {nama: Kota Parepare, "
                                          "alamat: https://.../data/inovasi.json}")]
    moment = (now or dt.datetime.now)().astimezone().replace(microsecond=0)
    done: list[Fetched] = []
    for key in names or list(configured):
        entry = configured[key]
        fetched, found = _fetch_one(root, key, entry, locate(settings, "other_directories", key),
                                    locate(settings, "other_directories", key, "alamat"), opener, moment)
        problems.extend(found)
        if fetched is not None:
            done.append(fetched)
    return done, problems


def _fetch_one(root: Path, key: str, entry: Any, where: Location, at_address: Location, opener: Any, moment: Any
               ) -> tuple[Fetched | None, list[Diagnostic]]:
    import hashlib
    from urllib.parse import urljoin, urlsplit

    from rancang.fileio import atomic_write_bytes, atomic_write_text
    from rancang.models.project import ORIGIN_FILE

    path, problem = copy_location(root, key, entry, where)
    if problem is not None:
        return None, [problem]
    address = entry.address
    scheme = urlsplit(address).scheme.lower()
    web = scheme in ("http", "https")
    if scheme and not web and not (len(scheme) == 1 and os.name == "nt"):
        return None, [Diagnostic("P444", f"alamat '{address}' harus diawali http:// atau https://, atau berupa "
                                         "jalur berkas", at_address)]
    if not web and not address.endswith(".json"):
        return None, [Diagnostic("P444", f"alamat '{address}' harus menunjuk berkas .json (data/inovasi.json "
                                         "situs direktori itu)", at_address)]

    def sibling(name: str) -> str:
        if web:
            return urljoin(address, name)
        return str(Path(address).with_name(name))

    contents: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for kind, name in COPY_FILES.items():
        target = address if kind == "inovasi" else sibling(name)
        content, problem = _get(root, target, web, opener, required=kind == "inovasi")
        if problem is not None:
            problems.append(Diagnostic("P444", f"{problem} ({entry.name})", at_address))
            if kind == "inovasi":
                return None, problems
            continue
        if content is None:
            continue
        found: list[Diagnostic] = []
        records = parse_copy(content, target, kind, found)
        if found or records is None:
            problems.append(Diagnostic("P445", f"{target} bukan data {name} rancang yang sah; tidak ada yang ditulis",
                                       at_address))
            problems.extend(found)
            continue
        contents[name] = content
    if problems:
        return None, problems
    counts = {}
    for name, content in contents.items():
        counts[name] = len(parse_copy(content, name, next(k for k, v in COPY_FILES.items() if v == name), []) or {})
    folder = path.parent
    try:
        for kind, name in COPY_FILES.items():
            target = path if kind == "inovasi" else folder / name
            if name in contents:
                atomic_write_bytes(target, contents[name])
            elif kind != "inovasi" and target.is_file():
                target.unlink()  # no longer published: an old copy would speak for it
        main = contents[COPY_FILES["inovasi"]]
        lines = ["## Ditulis oleh 'rancang direktori ambil'; jangan disunting. Salinan diperiksa dengan sidik ini.",
                 f"alamat: {_quoted(address)}",
                 f"diambil: {moment.isoformat()}",
                 f"sha256: {hashlib.sha256(main).hexdigest()}",
                 f"jumlah: {counts[COPY_FILES['inovasi']]}"]
        others = [name for name in contents if name != COPY_FILES["inovasi"]]
        if others:
            lines.append("berkas_lain:")
            for name in others:
                lines.append(f"  {name}: {{sha256: {hashlib.sha256(contents[name]).hexdigest()}, "
                             f"jumlah: {counts[name]}}}")
        atomic_write_text(folder / ORIGIN_FILE, "\n".join(lines) + "\n")
    except RancangError as error:
        return None, list(error.diagnostics)
    except OSError as error:
        from rancang.fileio import write_error

        return None, list(write_error(folder, error).diagnostics)
    return Fetched(key, entry.name, display_path(folder), counts), []


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def _get(root: Path, target: str, web: bool, opener: Any, required: bool) -> tuple[bytes | None, str | None]:
    """(content, None), (None, None) for a missing optional file, or (None, the Indonesian reason)."""
    if not web:
        local = Path(target) if Path(target).is_absolute() else root / target
        if not local.is_file():
            return None, f"berkas '{target}' tidak ditemukan" if required else None
        try:
            if local.stat().st_size > MAX_COPY_BYTES:
                return None, f"berkas '{target}' lebih besar dari {MAX_COPY_BYTES // 1024 // 1024} MB"
            return local.read_bytes(), None
        except OSError as error:
            return None, f"berkas '{target}' tidak dapat dibaca ({error.strerror or error})"
    import urllib.error
    import urllib.request

    from rancang import __version__

    request = urllib.request.Request(target, headers={"User-Agent": f"rancang/{__version__}"})
    try:
        with (opener or urllib.request.urlopen)(request, timeout=FETCH_TIMEOUT) as response:
            content = response.read(MAX_COPY_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404 and not required:
            return None, None
        return None, f"{target} menjawab dengan galat HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return None, f"{target} tidak menjawab dalam {FETCH_TIMEOUT} detik"
        return None, f"{target} tidak dapat diambil ({reason})"
    if len(content) > MAX_COPY_BYTES:
        return None, f"{target} lebih besar dari {MAX_COPY_BYTES // 1024 // 1024} MB"
    return content, None
