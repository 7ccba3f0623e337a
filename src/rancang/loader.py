"""Find a project's files and load each into its model.

Where files live comes from :mod:`rancang.layout` and :data:`rancang.models.FORMATS`. It reads every file,
validates it, and collects every problem; it never stops at the first one.
"""

from __future__ import annotations

import difflib
import gc
import os
import typing
from xml.parsers import expat
from pathlib import Path
from typing import Any

from rancang.directories import load_foreign
from rancang.diagnostics import Diagnostic, Location, Severity
from rancang.layout import (DATA_FOLDERS, PROJECT_FILE, RealPaths, display_path, inside_real, is_inside, is_skeleton,
                            unresolved_display)
from rancang.models import FORMATS, Format, ProjectData
from rancang.models.base import ID_PATTERN
from rancang.models.innovation import IMAGE_MAX_BYTES, IMAGE_MAX_TEXT, IMAGE_SUFFIXES, Innovation
from rancang.models.project import Project, RegionKind
from rancang.locations import locate
from rancang.progress import NO_PROGRESS, Progress
from rancang.validation import validate
from rancang.yamlsource import load

EMBLEM_SUFFIXES = (".png", ".jpg", ".jpeg")

AGENCIES_MEMO = "_perangkat-daerah"
"""The key, in :attr:`ProjectData.memos`, of the memo of the list of agencies (no record id starts with '_')."""


def format_of(root: Path, path: Path) -> Format | None:
    """Which format a file has, from where it sits in the project."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    for fmt in FORMATS.values():
        if Path(rel).match(fmt.location) and rel.count("/") == fmt.location.count("/"):
            return fmt
    return None


def project_files(root: Path, candidates: list[tuple[Path, Format]] | None = None) -> list[tuple[Path, Format]]:
    """Every data file of the project, in a stable order (links that leave the project are left out)."""
    return [(path, fmt) for path, fmt, _real in _with_real(root, candidates) if _inside(_real, root)]


def escaping_links(root: Path, candidates: list[tuple[Path, Format]] | None = None) -> list[Path]:
    """Data files that are (or sit behind) symbolic links leading outside the project: never read."""
    return [path for path, _fmt, _real in _with_real(root, candidates) if not _inside(_real, root)]


def _with_real(root: Path, candidates: list[tuple[Path, Format]] | None) -> list[tuple[Path, Format, str]]:
    if candidates is None:
        return _found(root, RealPaths())
    real = RealPaths()
    return [(path, fmt, real(path)) for path, fmt in candidates]


def _inside(real: str, root: Path) -> bool:
    return inside_real(real, os.path.realpath(root))


def _candidates(root: Path) -> list[tuple[Path, Format]]:
    return [(path, fmt) for path, fmt, _real in _found(root, RealPaths())]


def _found(root: Path, real: RealPaths) -> list[tuple[Path, Format, str]]:
    """Every candidate data file with its real path (``os.path.realpath``), format by format, each sorted."""
    found: list[tuple[Path, Format, str]] = []
    for fmt in FORMATS.values():
        for path, resolved in _listed(root, fmt.location, real):
            if path.suffix == ".yaml" and not path.name.startswith(".") and not is_skeleton(path.name):
                found.append((path, fmt, resolved))  # a skeleton (``_contoh.yaml``) is not data
    return found


def _wild(text: str) -> bool:
    return any(mark in text for mark in "*?[")


def _listed(root: Path, location: str, real: RealPaths) -> list[tuple[Path, str]]:
    """What ``sorted(root.glob(location))`` finds, with each path's real path. A folder's ``*<suffix>`` (the
    innovation profiles: tens of thousands) is listed with one ``scandir``, which also tells which entries are
    symbolic links, so that no file costs more than its folder's real path plus its name."""
    folder, _, pattern = location.rpartition("/")
    if not folder or _wild(folder) or not pattern.startswith("*") or _wild(pattern[1:]):
        return [(path, real(path)) for path in sorted(root.glob(location))]
    suffix = pattern[1:]
    base = root / folder
    try:  # as glob: every folder on the way is one (or a link to one); one that cannot be read is skipped
        if not base.is_dir():
            return []
        with os.scandir(base) as entries:
            named = [(entry.name, _is_link(entry)) for entry in entries if entry.name.endswith(suffix)]
    except PermissionError:
        return []
    named.sort()  # paths of one folder sort as their names
    return [(base / name, real(base / name, is_link=link)) for name, link in named]


def _is_link(entry: os.DirEntry) -> bool | None:
    try:
        return entry.is_symlink()
    except OSError:
        return None  # asked again by RealPaths


def is_list_format(fmt: Format) -> bool:
    """A file that is one list (agencies, catalogue): holding only comments, it lists nothing yet (not Y110)."""
    root = getattr(fmt.model, "model_fields", {}).get("root")
    return root is not None and typing.get_origin(root.annotation) is list


def load_file(path: Path, fmt: Format, keep_nodes: bool = True) -> tuple[Any, list[Diagnostic]]:
    """Read and validate one file of a known format. With ``keep_nodes=False`` the record does not hold its
    YAML nodes: they are read again from the file the first time a location is asked for."""
    shown = display_path(path)
    source, problems = load(path, shown, empty_list=is_list_format(fmt))
    if source is None:
        return None, problems
    lazy = None
    if not keep_nodes:
        from rancang.locations import LazySource

        lazy = LazySource(path, shown)
    model, more = validate(fmt.model, source, lazy=lazy)
    return model, problems + more


def load_project(root: Path, cache: Any = None, progress: Progress = NO_PROGRESS,
                 phase: str = "Memeriksa data") -> tuple[ProjectData, list[Diagnostic]]:
    """Read and validate every file of the project. ``cache`` (a :class:`rancang.record_cache.RecordCache`,
    used by ``rancang build``) supplies records whose files did not change since the last build.

    Once the files are found, ``progress`` gets the phase ``phase`` with their number, and a unit per file
    read (from the cache or not); the phase is left running for the caller's checks that follow."""
    # Loading creates millions of small objects and no garbage cycles: the cyclic collector would walk the
    # growing heap again and again (a quarter of the time at 10,000 records).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_project(root, cache, progress, phase)
    finally:
        if enabled:
            gc.enable()


def _load_project(root: Path, cache: Any, progress: Progress, phase: str) -> tuple[ProjectData, list[Diagnostic]]:
    data = ProjectData(root=root)
    if cache is not None:
        data.memos = {}
    problems: list[Diagnostic] = []
    real = RealPaths()
    candidates = _found(root, real)
    real_root = real.folder(root)
    files = [(path, fmt, resolved) for path, fmt, resolved in candidates if inside_real(resolved, real_root)]
    progress.phase(phase, total=len(files), unit="berkas")
    advance = progress.advance
    for path, fmt, resolved in files:
        advance()  # counted as it starts: a unit is a few milliseconds at most
        shown = display_path(path, real=resolved)
        data.files[shown] = fmt.name
        info = None
        try:
            info = path.stat()
            data.stamps[shown] = (info.st_size, info.st_mtime_ns)
        except OSError:
            pass
        record_id = path.stem
        if fmt.per_file_id and not ID_PATTERN.match(record_id):
            problems.append(
                Diagnostic(
                    "S207",
                    f"nama berkas '{path.name}' bukan id yang valid; pakai huruf kecil, angka, dan tanda hubung "
                    "(misalnya call-center-112.yaml)",
                    Location(shown),
                )
            )
            continue
        cached = cache.get(path, shown, info) if cache is not None and fmt.per_file_id else None
        if cached is not None:
            model, found = cached
        else:
            # Innovation profiles (tens of thousands in a national project) do not keep their YAML nodes in
            # memory; regulations and visits (few, and the drafting rules locate many of their words) do.
            model, found = load_file(path, fmt, keep_nodes=fmt.name != "inovasi")
            if cache is not None and fmt.per_file_id:
                cache.put(path, shown, model, found)
        problems.extend(found)
        if model is None:
            data.unloaded.add(f"{fmt.name}/{record_id}" if fmt.per_file_id else fmt.name)
            continue
        if fmt.name == "proyek":
            data.settings = model
            problems.extend(_check_emblem(root, model, shown))
        elif fmt.name == "perangkat-daerah":
            problems.extend(_collect(model.root, data.agencies, "perangkat daerah"))
            if data.memos is not None:
                data.memos[AGENCIES_MEMO] = cache.file_memo(path, shown, info)
        elif fmt.name == "dasar-hukum":
            problems.extend(_collect(model.root, data.catalogue, "dasar hukum"))
        elif fmt.name == "inovasi":
            data.innovations[record_id] = model
            if data.memos is not None:
                data.memos[record_id] = cache.memo(path)
            if model.images:
                problems.extend(check_images(root, model))
        elif fmt.name == "regulasi":
            data.regulations[record_id] = model
        elif fmt.name == "kunjungan":
            data.visits[record_id] = model
        elif fmt.name == "iid":
            data.iid = model
    for link, _fmt, resolved in candidates:
        if not inside_real(resolved, real_root):
            problems.append(Diagnostic("P402", "berkas ini tautan simbolik ke luar folder proyek dan tidak dibaca",
                                       Location(unresolved_display(link))))
    problems.extend(_stray_files(root, {resolved for _p, _f, resolved in candidates}, real))
    if data.settings is not None and data.regulations:
        problems.extend(_check_capital(data.settings))
    if data.settings is not None and data.settings.other_directories:
        problems.extend(load_foreign(root, data))
    if not (root / PROJECT_FILE).is_file():
        problems.append(Diagnostic("P401", f"{PROJECT_FILE} tidak ditemukan", Location(display_path(root))))
    return data, problems


def _stray_files(root: Path, known: set[str], real: RealPaths | None = None) -> list[Diagnostic]:
    """YAML files a user probably meant as data but that sit where rancang does not look (``known``: the real
    paths of the data files)."""
    real = real or RealPaths()
    folders = [root / name for name in DATA_FOLDERS]
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        if child.is_dir() and child.name not in DATA_FOLDERS and difflib.get_close_matches(
                child.name, DATA_FOLDERS, n=1, cutoff=0.75):
            folders.append(child)  # "visit/", "regulation/" ...
    problems = []
    for folder in folders:
        strays = sorted((Path(path), resolved) for path, resolved in _yaml_files_under(folder, real)
                        if resolved not in known)
        for path, resolved in strays:
            hint = "ganti akhirannya menjadi .yaml" if path.suffix == ".yml" else \
                "pindahkan ke kb/inovasi/, regulations/, atau visits/"
            problems.append(Diagnostic(
                "P404", f"berkas ini tidak diperiksa karena berada di luar tempat berkas data; {hint}",
                Location(display_path(path, real=resolved)), Severity.WARNING))
    return problems


def _yaml_files_under(folder: Path, real: RealPaths) -> list[tuple[str, str]]:
    """Every .yaml/.yml file below ``folder`` (a file or a link to one; links to folders are not followed,
    as ``os.walk`` does), with its real path, in no particular order. ``scandir`` says which entries are
    folders, files and links without a system call per entry: cheap on folders of tens of thousands."""
    found = []
    stack = [os.fspath(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as scanned:
                entries = list(scanned)
        except OSError:
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                try:
                    if not entry.is_symlink():
                        stack.append(entry.path)
                except OSError:
                    pass
                continue
            name = entry.name
            if not name.endswith((".yaml", ".yml")) or is_skeleton(name):
                continue
            try:
                if not entry.is_file():
                    continue
            except OSError:
                continue
            found.append((entry.path, real(entry.path, is_link=_is_link(entry))))
    return found


def _collect(items: list, into: dict, what: str) -> list[Diagnostic]:
    problems = []
    for item in items:
        if item.id in into:
            first = locate(into[item.id], "id")
            problems.append(
                Diagnostic("R302", f"id {what} '{item.id}' sudah dipakai di baris {first.line}", locate(item, "id"))
            )
            continue
        into[item.id] = item
    return problems


def _check_capital(settings: Project) -> list[Diagnostic]:
    """A kabupaten without ``ibu_kota``: its regulations are enacted in its capital, but the place falls back to
    the region's name (``Ditetapkan di Pangkajene dan Kepulauan``). Reported once the project has a regulation."""
    region = settings.region
    if region.kind is not RegionKind.REGENCY or region.capital:
        return []
    return [Diagnostic(
        "P452", f"kabupaten tanpa 'ibu_kota': tempat penetapan dan pengundangan peraturan akan ditulis "
                f"'{region.name}' (nama kabupaten), bukan nama ibu kotanya",
        locate(settings, "region"), Severity.WARNING,
        suggestion="tambahkan di bawah 'daerah:' misalnya ibu_kota: <nama ibu kota kabupaten>")]


def _check_emblem(root: Path, settings: Project, shown: str) -> list[Diagnostic]:
    if settings.emblem is None:
        return []
    where = locate(settings, "emblem")
    candidate = Path(settings.emblem)
    if candidate.is_absolute():
        return [Diagnostic("P402", f"lambang '{settings.emblem}' harus jalur relatif di dalam folder proyek", where)]
    resolved = (root / candidate).resolve()
    if not is_inside(resolved, root):
        return [Diagnostic("P402", f"lambang '{settings.emblem}' berada di luar folder proyek", where)]
    if not resolved.is_file():
        return [Diagnostic("P402", f"berkas lambang '{settings.emblem}' tidak ditemukan", where)]
    if resolved.suffix.lower() not in EMBLEM_SUFFIXES:
        return [Diagnostic("P402", f"lambang '{settings.emblem}' harus berupa gambar PNG atau JPEG", where)]
    return []


# -- images of a profile -----------------------------------------------------------------------------------

_SVG = "http://www.w3.org/2000/svg"


def image_kind(content: bytes) -> str | None:
    """``png``, ``jpeg`` or ``svg`` by what the bytes hold (not by the file's name); None for anything else."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if svg_problem(content) is None:
        return "svg"
    return None


def svg_problem(content: bytes) -> str | None:
    """Why ``content`` is not an SVG image rancang shows (None when it is one): well-formed XML whose root is
    ``<svg>``, without entity declarations (they can expand without bound) and without scripts (a reader who
    opens the file from the site would run them)."""
    found: dict[str, str] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if "root" not in found:
            found["root"] = local
            if local != "svg" or namespace not in ("", _SVG):
                raise _NotSvg(f"elemen akarnya <{local}>, bukan <svg>")
        if local == "script" or any(key.rpartition(" ")[2].lower().startswith("on") for key in attributes):
            raise _NotSvg("berisi skrip (elemen <script> atau atribut on...)")

    def entity(*_args: object) -> None:
        raise _NotSvg("berisi deklarasi entitas XML (<!ENTITY ...>)")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(content, True)
    except _NotSvg as reason:
        return str(reason)
    except expat.ExpatError as error:
        return f"bukan PNG, JPEG, atau SVG (XML-nya tidak sah di baris {error.lineno})" if content.lstrip()[:1] \
            == b"<" else "bukan PNG, JPEG, atau SVG"
    if "root" not in found:
        return "bukan PNG, JPEG, atau SVG"
    return None


class _NotSvg(Exception):
    pass


def check_images(root: Path, innovation: Innovation) -> list[Diagnostic]:
    """The images of a profile, checked like the emblem (a relative path inside the project, an existing file)
    and by content: a real PNG, JPEG or SVG whose name says which, at most :data:`IMAGE_MAX_BYTES`; and at most
    one of them the cover."""
    problems = []
    covers = 0
    for index, picture in enumerate(innovation.images):
        if picture.cover:
            covers += 1
            if covers == 2:
                problems.append(Diagnostic(
                    "S206", "hanya satu gambar boleh menjadi sampul (sampul: true); gambar sebelumnya sudah sampul",
                    locate(innovation, "images", index, "sampul")))
        problem = image_problem(root, picture.file)
        if problem is not None:
            code, message = problem
            problems.append(Diagnostic(code, message, locate(innovation, "images", index, "berkas")))
    return problems


def image_problem(root: Path, name: str) -> tuple[str, str] | None:
    """``(code, message)`` when the project-relative path ``name`` is not an image a profile may show."""
    try:
        return _image_problem(root, name)
    except (OSError, ValueError) as error:  # a name the system refuses (too long, a NUL character, ...)
        reason = getattr(error, "strerror", None) or str(error)
        return "P402", f"berkas gambar '{name}' tidak dapat dibaca ({reason})"


def _image_problem(root: Path, name: str) -> tuple[str, str] | None:
    candidate = Path(name)
    if candidate.is_absolute() or name.startswith(("/", "\\")):
        return "P402", f"gambar '{name}' harus jalur relatif di dalam folder proyek (misalnya kb/gambar/foto.jpg)"
    resolved = (root / candidate).resolve()
    if not is_inside(resolved, root):
        return "P402", f"gambar '{name}' berada di luar folder proyek"
    if not resolved.is_file():
        return "P402", f"berkas gambar '{name}' tidak ditemukan"
    expected = IMAGE_SUFFIXES.get(candidate.suffix.lower())
    if expected is None:
        return "P411", f"gambar '{name}' harus berakhiran .png, .jpg, .jpeg, atau .svg"
    try:
        size = resolved.stat().st_size
        if size > IMAGE_MAX_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
            return "P412", (f"gambar '{name}' berukuran {megabytes} MB; paling besar {IMAGE_MAX_TEXT} "
                            "(perkecil atau kompres gambarnya)")
        content = resolved.read_bytes()
    except OSError as error:
        return "P402", f"berkas gambar '{name}' tidak dapat dibaca ({error.strerror or error})"
    except MemoryError:
        return "P412", f"gambar '{name}' terlalu besar untuk dibaca"
    kind = image_kind(content)
    if kind is None:
        why = svg_problem(content) if expected == "svg" else "bukan PNG, JPEG, atau SVG"
        return "P411", f"berkas '{name}' bukan gambar yang dapat ditampilkan: {why}"
    if kind != expected:
        return "P411", f"berkas '{name}' berisi gambar {kind.upper()}, tidak sesuai akhiran namanya"
    return None
