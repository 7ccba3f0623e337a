"""The folder layout of a rancang project: every path rancang reads or writes comes from here.

A project is one folder::

    rancang.yaml                 settings
    kb/                          knowledge base: profiles, agencies, legal catalogue, case studies, site pages
    regulations/<id>.yaml        regulation drafts
    visits/<id>.yaml             study visits
    templates/                   the project's Word templates (optional)
    _build/                      everything rancang writes; always safe to delete

Paths are given relative to the project root as POSIX strings (they are also Sphinx document names and glob
patterns), and as :class:`pathlib.Path` through :class:`Layout`. This module is in the core layer: it knows
no model and reads no file but the few ``stat`` calls of :func:`find_root` and :func:`is_inside`.
"""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

PROJECT_FILE = "rancang.yaml"
KB = "kb"
INNOVATIONS = "kb/inovasi"
AGENCIES_FILE = "kb/perangkat-daerah.yaml"
CATALOGUE_FILE = "kb/dasar-hukum.yaml"
IID_FILE = "kb/iid.yaml"
"""The region's Indeks Inovasi Daerah data (optional): the catalogue year and the evidence of the regional
government's indicators (aspect SPD)."""
CASE_STUDIES = "kb/studi-kasus"
REGULATIONS = "regulations"
VISITS = "visits"
OTHER_DIRECTORIES = "direktori-lain"
"""Copies of other regions' published data (``direktori-lain/<nama>/inovasi.json``), fetched only by
``rancang direktori ambil``."""
TEMPLATES = "templates"
BUILD = "_build"
CACHE = "_build/.cache"
RECORD_CACHE = "_build/.cache/rekaman"
STATE_FILE = "_build/.cache/bangun.pickle"
DOCTREES = "_build/.doctrees"
"""Sphinx's pickled environment and doctrees (and the gallery's page digests)."""
SITE_OUTPUT = "_build/html"
"""Default of ``keluaran.situs`` in rancang.yaml."""
DOCUMENTS_OUTPUT = "_build/dokumen"
"""Default of ``keluaran.dokumen`` in rancang.yaml."""
SITE_OVERRIDE = "kb/conf.py"
"""Optional Sphinx configuration of the project, read after the one rancang makes from rancang.yaml."""
ROOT_DOC = "kb/index"
"""The site's home page (a document name: ``kb/index.md``)."""

DATA_FOLDERS = (KB, REGULATIONS, VISITS)
"""Folders that hold data files (a YAML file elsewhere is reported as misplaced)."""
SHARED_DATA_FILES = (PROJECT_FILE, AGENCIES_FILE, CATALOGUE_FILE, IID_FILE)
"""Data files that are not pages of the site but that every page may show something of."""
SITE_SOURCES = (f"{KB}/*.md", f"{CASE_STUDIES}/*.md", f"{INNOVATIONS}/*.yaml", f"{REGULATIONS}/*.yaml")
"""Glob patterns of the site's documents."""

SKELETON_PREFIX = "_"
"""A file of a data folder whose name starts with this is a commented skeleton, not data: ``kb/inovasi/_contoh.yaml``,
``regulations/_contoh.yaml``, ``visits/_contoh.yaml``, ``kb/studi-kasus/_contoh.md`` (``rancang init`` writes one
in each folder). ``rancang check`` does not read it and the site does not publish it; a record's id never starts
with ``_`` (ids are lower-case letters, digits and hyphens), so no record is hidden by this rule."""
SITE_EXCLUDES = (f"{BUILD}/**", "**/.*", f"**/{SKELETON_PREFIX}*")
"""Glob patterns (Sphinx's ``exclude_patterns``) of what is never a document: the build folder, hidden files,
skeletons."""


def is_skeleton(name: str) -> bool:
    """``_contoh.yaml``: a file name (not a path) that :data:`SKELETON_PREFIX` marks as a skeleton."""
    return name.startswith(SKELETON_PREFIX)

INNOVATION_DOCS = f"{INNOVATIONS}/"
REGULATION_DOCS = f"{REGULATIONS}/"
CASE_STUDY_DOCS = f"{CASE_STUDIES}/"
"""Prefixes of document names (``kb/inovasi/<id>``) on the site."""


def innovation_doc(record_id: str) -> str:
    """The site's document name of a profile."""
    return f"{INNOVATION_DOCS}{record_id}"


def regulation_doc(record_id: str) -> str:
    """The site's document name of a regulation."""
    return f"{REGULATION_DOCS}{record_id}"


@dataclass(frozen=True)
class Layout:
    """Every path of the project at ``root``."""

    root: Path

    @property
    def settings_file(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def kb(self) -> Path:
        return self.root / KB

    @property
    def innovations(self) -> Path:
        return self.root / INNOVATIONS

    @property
    def agencies_file(self) -> Path:
        return self.root / AGENCIES_FILE

    @property
    def catalogue_file(self) -> Path:
        return self.root / CATALOGUE_FILE

    @property
    def iid_file(self) -> Path:
        return self.root / IID_FILE

    @property
    def case_studies(self) -> Path:
        return self.root / CASE_STUDIES

    @property
    def regulations(self) -> Path:
        return self.root / REGULATIONS

    @property
    def visits(self) -> Path:
        return self.root / VISITS

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES

    @property
    def build(self) -> Path:
        return self.root / BUILD

    @property
    def record_cache(self) -> Path:
        return self.root / RECORD_CACHE

    @property
    def state_file(self) -> Path:
        return self.root / STATE_FILE

    @property
    def doctrees(self) -> Path:
        return self.root / DOCTREES

    @property
    def site_override(self) -> Path:
        return self.root / SITE_OVERRIDE

    @property
    def home_page(self) -> Path:
        return self.root / f"{ROOT_DOC}.md"

    def innovation_file(self, record_id: str) -> Path:
        return self.innovations / f"{record_id}.yaml"

    def regulation_file(self, record_id: str) -> Path:
        return self.regulations / f"{record_id}.yaml"

    def visit_file(self, record_id: str) -> Path:
        return self.visits / f"{record_id}.yaml"

    def template(self, name: str) -> Path:
        """The project's own copy of a Word template (it may not exist: rancang's own is used then)."""
        return self.templates / name

    def site_output(self, configured: str | None = None) -> Path:
        """The site's output folder: ``keluaran.situs`` of rancang.yaml, or the default."""
        return self.root / (configured or SITE_OUTPUT)

    def documents_output(self, configured: str | None = None) -> Path:
        """The documents' output folder: ``keluaran.dokumen`` of rancang.yaml, or the default."""
        return self.root / (configured or DOCUMENTS_OUTPUT)

    @property
    def shared_data_files(self) -> tuple[Path, ...]:
        return tuple(self.root / name for name in SHARED_DATA_FILES)

    @property
    def watched(self) -> tuple[Path, ...]:
        """What ``rancang serve`` watches: a change below any of these builds again (a fetched copy of another
        region's directory too: the visits' briefs quote it)."""
        return (self.settings_file, *(self.root / name for name in DATA_FOLDERS), self.templates,
                self.root / OTHER_DIRECTORIES)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``rancang.yaml``."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None


def display_path(path: Path, real: str | None = None) -> str:
    """A path as the user should see it: relative to the working folder when inside it. ``real``: the path's
    real path when the caller already has it (:class:`RealPaths`), saving the system calls."""
    resolved = os.path.realpath(path) if real is None else real
    cwd = _real_cwd(os.getcwd())
    if resolved == cwd:
        return "."
    if resolved.startswith(cwd.rstrip(os.sep) + os.sep):
        return _posix(resolved[len(cwd.rstrip(os.sep)) + 1:])
    return _posix(resolved)


def _posix(real: str) -> str:
    """A real path (``os.path.realpath``: normalised already) with forward slashes."""
    return real if os.sep == "/" else Path(real).as_posix()


@functools.lru_cache(maxsize=8)
def _real_cwd(cwd: str) -> str:
    return os.path.realpath(cwd)


def unresolved_display(path: Path) -> str:
    """The path as the user wrote it (symbolic links not followed), relative to the working folder if inside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(Path.cwd()))).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies in it, once symbolic links are followed (string comparison of real
    paths: this runs for every file of a project of tens of thousands)."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def inside_real(real: str, base: str) -> bool:
    """:func:`is_inside` for paths that are real already (``os.path.realpath``)."""
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


class RealPaths:
    """``os.path.realpath`` of the many files of a few folders, one ``lstat`` per file instead of one per
    component of its path: a file that is not a symbolic link is its folder's real path (resolved once per
    folder) plus its name. The folders' real paths are kept for the life of the object only (one load): a
    link may change between two builds of ``rancang serve``."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def folder(self, folder: str | Path) -> str:
        key = os.fspath(folder)
        real = self._folders.get(key)
        if real is None:
            real = self._folders[key] = os.path.realpath(key)
        return real

    def __call__(self, path: str | Path, is_link: bool | None = None) -> str:
        """The real path of ``path``; ``is_link``: whether it is a symbolic link, when the caller knows
        (``os.DirEntry.is_symlink``), else it is asked (``lstat``)."""
        text = os.fspath(path)
        head, name = os.path.split(text)
        if not head or not name or name in (os.curdir, os.pardir):
            return os.path.realpath(text)
        if is_link is None:
            try:
                is_link = stat.S_ISLNK(os.lstat(text).st_mode)
            except OSError:
                is_link = False  # as realpath does (not strict): a missing name is kept as written
        if is_link:
            return os.path.realpath(text)
        return os.path.join(self.folder(head), name)
