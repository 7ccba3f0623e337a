"""Which source column fills which key of a profile: the mapping file, and the built-in mappings.

A mapping is YAML with Indonesian keys (``docs/impor-inovasi.md``)::

    nama: Ekspor basis data inovasi OPD
    kolom:
      Nama Inovasi: nama                    # column title -> profile key
      Tahapan:
        kunci: tahapan
        nilai: {Uji Coba: uji_coba}         # source value -> allowed value
      Urusan Pemerintahan:
        kunci: urusan
        pemisah: ";"                        # list items in one cell
      No.: null                             # known column, not imported (its words go to the report)
    kunci_profil: false                     # true: a column titled like a profile key (nama, kontak.surel)
                                            # fills that key; used by the built-in mapping 'rancang'

A key is a dotted path of Indonesian keys (``kontak.telepon``, ``replikasi.prasyarat``); ``id`` names the
profile's file. Every key is checked against :class:`rancang.models.innovation.Innovation`, every problem
located in the mapping file. The built-in mappings are data files beside this module (``pemetaan/*.yaml``):
``rancang`` (the columns of our own open data: ``inovasi.csv``, ``inovasi.xlsx``, and the keys of
``inovasi.json``) and ``iid`` (the labels of the Indeks Inovasi Daerah profile form).
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from rancang.diagnostics import Diagnostic, Location, RancangError
from rancang.models.base import Choice, PartialDate
from rancang.models.innovation import Innovation

BUILT_IN = Path(__file__).with_name("pemetaan")
"""Folder of the built-in mappings (``<name>.yaml``)."""

ID_KEY = "id"
"""The pseudo-key that names the profile's file instead of filling a key."""

DEFAULT_SEPARATOR = ";"

AGENCY_NAME_KEY = "perangkat_daerah_nama"
"""The pseudo-key of our CSV export's agency-name column: names the agency when ``perangkat_daerah`` holds an
id that ``kb/perangkat-daerah.yaml`` does not list yet."""


# -- what a key holds -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """What a profile key holds, as the converter needs to know it."""

    name: str
    """text | markdown | id | url | email | date | int | number | bool | choice | model | list"""
    choice: type[Choice] | None = None
    item: "Kind | None" = None
    """The kind of one item of a list."""
    model: type[BaseModel] | None = None


def _validator_names(metadata: Any) -> set[str]:
    names = set()
    for item in metadata:
        func = getattr(item, "func", None)
        if func is not None:
            names.add(func.__name__)
    return names


def _markdown(metadata: Any, extra: Any) -> bool:
    extras = [extra] + [getattr(item, "json_schema_extra", None) for item in metadata]
    return any(isinstance(e, dict) and "markdownDescription" in e for e in extras)


def describe(tp: Any, metadata: Any = (), extra: Any = None) -> Kind:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        return describe(base, [*metadata, *meta], extra)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return describe(args[0], metadata, extra)
    if origin is list:
        return Kind("list", item=describe(typing.get_args(tp)[0]))
    if isinstance(tp, type):
        if issubclass(tp, Choice):
            return Kind("choice", choice=tp)
        if issubclass(tp, PartialDate):
            return Kind("date")
        if issubclass(tp, BaseModel):
            return Kind("model", model=tp)
        if tp is bool:
            return Kind("bool")
        if tp is int:
            return Kind("int")
        if tp is float:
            return Kind("number")
        if tp is str:
            names = _validator_names(metadata)
            for check, kind in (("_check_url", "url"), ("_check_email", "email"), ("_check_id", "id")):
                if check in names:
                    return Kind(kind)
            return Kind("markdown" if _markdown(metadata, extra) else "text")
    return Kind("text")


def targets(model: type[BaseModel] = Innovation, prefix: str = "") -> dict[str, Kind]:
    """Every key a column may fill: ``nama``, ``kontak``, ``kontak.telepon``, ... (nested models are walked;
    a list of models is one key, filled only from JSON)."""
    out: dict[str, Kind] = {}
    for name, info in model.model_fields.items():
        key = prefix + (info.alias or name)
        kind = describe(info.annotation, info.metadata, info.json_schema_extra)
        out[key] = kind
        if kind.name == "model" and kind.model is not None:
            out.update(targets(kind.model, key + "."))
    return out


TARGETS = targets()


# -- the mapping ------------------------------------------------------------------------------------------------


@dataclass
class Rule:
    key: str | None
    """Dotted profile key, ``id``, or None for a column deliberately not imported."""
    values: dict[str, str] = field(default_factory=dict)
    """Normalised source value -> allowed value (``nilai``)."""
    separator: str | None = None
    """Items in one cell (``pemisah``); None: the default for list keys."""


@dataclass
class Mapping:
    name: str
    shown: str
    """Where it came from: 'bawaan rancang', 'bawaan iid', or the file's path."""
    columns: dict[str, Rule]
    """Normalised column title -> rule."""
    profile_keys: bool = False
    """A column titled like a profile key fills it (``kunci_profil``)."""

    def rule(self, title: str) -> Rule | None:
        found = self.columns.get(normal(title))
        if found is not None:
            return found
        if self.profile_keys:
            key = title.strip()
            if key == ID_KEY or key in TARGETS:
                return Rule(key)
        return None

    def score(self, titles: list[str]) -> int:
        """How many of the titles this mapping imports."""
        return sum(1 for title in titles if (rule := self.rule(title)) is not None and rule.key is not None)


def normal(text: str) -> str:
    """Column titles and values compared loosely: case, spaces, underscores and trailing ':'/'*' aside."""
    text = text.casefold().replace("_", " ").replace("\u00a0", " ")
    text = re.sub(r"[\s*:]+$", "", text)
    return " ".join(text.split())


def load_mapping(path: Path, shown: str) -> Mapping:
    """Read a mapping file; every problem at once, located (P431)."""
    from rancang.yamlsource import child, key_node, load, node_location

    source, problems = load(path, shown)
    if source is None:
        raise RancangError(problems or [Diagnostic("P431", "berkas pemetaan tidak dapat dibaca", Location(shown))])
    if problems:
        raise RancangError(problems)
    data, node = source.data, source.node
    found: list[Diagnostic] = []

    def at(n: Any) -> Location:
        return node_location(shown, n)

    if not isinstance(data, dict):
        raise RancangError([Diagnostic("P431", "pemetaan harus berupa pemetaan YAML dengan kunci 'kolom'", at(node))])
    for key in data:
        if key not in ("nama", "kolom", "kunci_profil", "keterangan"):
            found.append(Diagnostic("P431", f"kunci '{key}' tidak dikenal di berkas pemetaan; yang dikenal: nama, "
                                            "keterangan, kolom, kunci_profil", at(key_node(node, key))))
    profile_keys = data.get("kunci_profil", False)
    if not isinstance(profile_keys, bool):
        found.append(Diagnostic("P431", "'kunci_profil' harus true atau false", at(child(node, "kunci_profil"))))
    columns_data = data.get("kolom", {})
    columns_node = child(node, "kolom")
    if not isinstance(columns_data, dict) or (not columns_data and not profile_keys):
        found.append(Diagnostic("P431", "'kolom' harus berisi judul kolom sumber dan kunci profilnya, misalnya "
                                        "'Nama Inovasi: nama'", at(columns_node or node)))
        raise RancangError(found)
    columns: dict[str, Rule] = {}
    for title, spec in columns_data.items():
        where = at(child(columns_node, title))
        if spec is None:
            columns[normal(str(title))] = Rule(None)
            continue
        values: dict[str, str] = {}
        separator = None
        if isinstance(spec, dict):
            for extra in spec:
                if extra not in ("kunci", "nilai", "pemisah"):
                    found.append(Diagnostic("P431", f"kunci '{extra}' tidak dikenal untuk kolom '{title}'; yang "
                                                    "dikenal: kunci, nilai, pemisah",
                                            at(key_node(child(columns_node, title), extra))))
            key = spec.get("kunci")
            raw_values = spec.get("nilai", {}) or {}
            if not isinstance(raw_values, dict):
                found.append(Diagnostic("P431", f"'nilai' kolom '{title}' harus berupa pemetaan 'nilai sumber: "
                                                "nilai profil'", at(child(child(columns_node, title), "nilai"))))
                raw_values = {}
            values = {normal(str(k)): str(v) for k, v in raw_values.items()}
            separator = spec.get("pemisah")
            if separator is not None and (not isinstance(separator, str) or not separator):
                found.append(Diagnostic("P431", f"'pemisah' kolom '{title}' harus berupa teks, misalnya ';'",
                                        at(child(child(columns_node, title), "pemisah"))))
                separator = None
            where = at(child(child(columns_node, title), "kunci") or child(columns_node, title))
        else:
            key = spec
        if not isinstance(key, str) or not key:
            found.append(Diagnostic("P431", f"kolom '{title}': tulis kunci profilnya, misalnya 'nama' atau "
                                            "'kontak.telepon'", where))
            continue
        problem = check_key(key, values)
        if problem:
            found.append(Diagnostic("P431", f"kolom '{title}': {problem[0]}", where, suggestion=problem[1]))
            continue
        columns[normal(str(title))] = Rule(key, values, separator)
    if found:
        raise RancangError(found)
    name = data.get("nama") or path.stem
    return Mapping(str(name), shown, columns, bool(profile_keys))


def check_key(key: str, values: dict[str, str]) -> tuple[str, str | None] | None:
    """Why ``key`` (with its value map) cannot be filled from a column, and a suggestion; None when it can."""
    import difflib

    if key in (ID_KEY, AGENCY_NAME_KEY):
        return None
    kind = TARGETS.get(key)
    if kind is None:
        close = difflib.get_close_matches(key, list(TARGETS), n=1, cutoff=0.6)
        return (f"kunci profil '{key}' tidak ada", f"mungkin maksud Anda '{close[0]}'?" if close else
                "lihat kunci profil di halaman Rujukan format")
    choice = kind.choice or (kind.item.choice if kind.item else None)
    if values and choice is None:
        return f"'nilai' hanya untuk kunci pilihan; '{key}' bukan pilihan", None
    if choice is not None:
        allowed = [member.value for member in choice]
        for value in values.values():
            if value not in allowed:
                return (f"nilai '{value}' tidak ada untuk '{key}'", "pilihan: " + ", ".join(allowed))
    return None


def built_in(name: str) -> Mapping:
    path = BUILT_IN / f"{name}.yaml"
    mapping = load_mapping(path, f"pemetaan bawaan '{name}'")
    mapping.shown = f"bawaan '{name}'"
    return mapping


def built_in_names() -> list[str]:
    return sorted(path.stem for path in BUILT_IN.glob("*.yaml"))


def choose(argument: str | None, titles: list[str], shown_source: str) -> Mapping:
    """The mapping named by ``--pemetaan`` (a built-in name or a file), or the built-in that imports most
    columns (at least the name); P432 when none does."""
    if argument is not None:
        if argument in built_in_names():
            return built_in(argument)
        path = Path(argument)
        if not path.is_file():
            raise RancangError([Diagnostic(
                "P431", f"pemetaan '{argument}' tidak ada: tulis jalur berkas pemetaan YAML atau nama pemetaan "
                        "bawaan (" + ", ".join(built_in_names()) + ")", Location(argument))])
        from rancang.layout import display_path

        return load_mapping(path, display_path(path))
    best, best_score = None, 0
    for name in built_in_names():
        mapping = built_in(name)
        score = mapping.score(titles)
        names_the_name = any((rule := mapping.rule(t)) is not None and rule.key == "nama" for t in titles)
        if names_the_name and score > best_score:
            best, best_score = mapping, score
    if best is None:
        raise RancangError([Diagnostic(
            "P432", "judul kolom tidak cocok dengan pemetaan bawaan (" + ", ".join(built_in_names()) + "): kolom "
                    "nama inovasi tidak ditemukan; tulis berkas pemetaan lalu pakai --pemetaan PEMETAAN.yaml",
            Location(shown_source, 1, 1),
            suggestion="judul kolom sumber: " + ", ".join(titles[:30]))])
    return best
