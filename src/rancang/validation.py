"""Validate parsed YAML against a model, and explain failures in Indonesian.

pydantic reports an error with a path such as ``('indikator', 2, 'awal', 'nilai')``.
We walk the same path through the YAML node tree to find the line and column,
and through the model's fields to know which keys were allowed there (for the
"mungkin maksud Anda ..." suggestion).
"""

from __future__ import annotations

import difflib
import enum
import types
import typing
from typing import Any, Iterable, TypeVar, Union

from pydantic import BaseModel, RootModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode

from rancang.codes import CODES
from rancang.diagnostics import Diagnostic
from rancang.locations import attach_sources
from rancang.yamlsource import Source, child, key_node, node_location

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], source: Source, lazy: Any = None) -> tuple[M | None, list[Diagnostic]]:
    """Validate one parsed file. On success the model knows its source nodes; given ``lazy`` (a
    :class:`LazySource`) it holds that instead, and the nodes are read again from the
    file when a location is first asked for (a project of tens of thousands of records would otherwise hold
    every YAML node in memory)."""
    try:
        instance = model.model_validate(source.data)
    except ValidationError as exc:
        found = explain(model, source, exc.errors(include_url=False))
        # A value the reader already complained about is not reported twice.
        known = {d.location for d in source.problems}
        return None, [d for d in found if d.location not in known]
    if source.problems:
        return None, []
    if lazy is None:
        attach_sources(instance, source.path, source.node, source.text)
    else:
        lazy.model = instance
        attach_sources(instance, source.path, lazy, "")
    return instance, []


def _walk(node: Node | None, loc: Iterable[Any]) -> tuple[Node | None, list[Any]]:
    """Follow an error path through the node tree; returns the deepest node reached
    and the parts of the path that could not be followed."""
    parts = list(loc)
    current = node
    consumed = 0
    for part in parts:
        nxt = child(current, part)
        if nxt is None:
            # Union members appear in pydantic paths as tags ("Chapter") or type
            # names ("str", "function-after[...]"); they are not in the YAML.
            if isinstance(part, str) and isinstance(current, MappingNode) and key_node(current, part) is None:
                if part[:1].isupper() or "[" in part or part in _TYPE_TAGS:
                    consumed += 1
                    continue
            break
        current = nxt
        consumed += 1
    return current, parts[consumed:]


_TYPE_TAGS = {"str", "int", "float", "bool", "list", "dict", "date", "datetime", "none", "enum"}


# -- which model sits at a path ---------------------------------------------------


def _candidates(tp: Any) -> list[Any]:
    """Flatten Optional/Union/Annotated into member types."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _candidates(typing.get_args(tp)[0])
    if origin in (Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_candidates(arg))
        return out
    if isinstance(tp, str):
        return []
    return [tp]


def _model_at(model: type[BaseModel], loc: tuple) -> list[type[BaseModel]]:
    """The model classes that may sit at ``loc`` (for suggestions)."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for tp in current:
            members = [tp]
            if isinstance(tp, type) and issubclass(tp, RootModel):
                members = _candidates(tp.model_fields["root"].annotation)
            for cand in members:
                if isinstance(part, int):
                    if typing.get_origin(cand) in (list, tuple, set):
                        following.extend(_candidates(typing.get_args(cand)[0]))
                elif isinstance(cand, type) and issubclass(cand, BaseModel):
                    if part == cand.__name__:  # a union tag such as "Chapter"
                        following.append(cand)
                        continue
                    for name, info in cand.model_fields.items():
                        if (info.alias or name) == part:
                            following.extend(_candidates(info.annotation))
        current = following
    return [c for c in current if isinstance(c, type) and issubclass(c, BaseModel)]


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    keys: list[str] = []
    for cls in _model_at(model, loc):
        for name, info in cls.model_fields.items():
            alias = info.alias or name
            if alias not in keys:
                keys.append(alias)
    return keys


def _enums_at(model: type[BaseModel], loc: tuple) -> list[type[enum.Enum]]:
    parent, last = loc[:-1], loc[-1] if loc else None
    found: list[type[enum.Enum]] = []
    for cls in _model_at(model, parent):
        for name, info in cls.model_fields.items():
            if (info.alias or name) != last:
                continue
            for cand in _candidates(info.annotation):
                if typing.get_origin(cand) is list:
                    cand = _candidates(typing.get_args(cand)[0])[0]
                if isinstance(cand, type) and issubclass(cand, enum.Enum) and cand not in found:
                    found.append(cand)
    return found


def _suggest_value(value: object, enums: list[type[enum.Enum]], allowed: list[str]) -> str | None:
    """The allowed value closest to what was typed, also through an enum's synonyms."""
    typed = str(value).strip().lower()
    names: dict[str, str] = {str(v).lower(): str(v) for v in allowed}
    for cls in enums:
        synonyms = getattr(cls, "synonyms", None)
        if callable(synonyms):
            names.update({k.lower(): v for k, v in synonyms().items()})
    if typed in names:
        return names[typed]
    close = difflib.get_close_matches(typed, list(names), n=1, cutoff=0.5)
    return names[close[0]] if close else None


# -- messages ---------------------------------------------------------------------

_KIND_WORDS = {
    "string_type": "teks",
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "float_type": "bilangan",
    "float_parsing": "bilangan",
    "bool_type": "true atau false",
    "bool_parsing": "true atau false",
    "list_type": "daftar (setiap butir diawali '- ')",
    "dict_type": "pemetaan (kunci: nilai)",
    "model_type": "pemetaan (kunci: nilai)",
    "model_attributes_type": "pemetaan (kunci: nilai)",
}


def _shown(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict,)):
        return "pemetaan"
    if isinstance(value, list):
        return "daftar"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def _field_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and not part[:1].isupper() and "[" not in part and part not in _TYPE_TAGS:
            return part
    return "butir" if loc else "isi berkas"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def explain(model: type[BaseModel], source: Source, errors: list[dict]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    for err in errors:
        diagnostic = _explain_one(model, source, err)
        key = (diagnostic.code, diagnostic.location, diagnostic.message)
        if key not in seen:
            seen.add(key)
            out.append(diagnostic)
    return out


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in _TYPE_TAGS)))


def _aliased(model: type[BaseModel], loc: tuple) -> tuple:
    """Replace attribute names in an error path by YAML keys.

    pydantic reports fields validated from their default (``validate_default``)
    under the attribute name; everything else is already under the alias.
    """
    out = []
    for index, part in enumerate(loc):
        if isinstance(part, str):
            for cls in _model_at(model, tuple(out)):
                info = cls.model_fields.get(part)
                if info is not None and info.alias and info.alias != part:
                    part = info.alias
                    break
        out.append(part)
    return tuple(out)


def _explain_one(model: type[BaseModel], source: Source, err: dict) -> Diagnostic:
    kind = err["type"]
    loc = _aliased(model, tuple(err.get("loc", ())))
    value = err.get("input")
    node, rest = _walk(source.node, loc)
    where = node_location(source.path, node)
    name = _field_name(loc)

    if kind in CODES and value is None and loc and not rest and isinstance(node, ScalarNode):
        return Diagnostic("S201", f"'{name}' belum diisi", where)  # written as "kunci:" with no value

    if kind in CODES:  # our own validators raise PydanticCustomError with the code as type
        key = (err.get("ctx") or {}).get("kunci")
        if key:  # a cross-field rule names the key the user should look at
            record = _walk(source.node, loc[:-1])[0] if loc else source.node
            found = key_node(record, key)
            if found is not None:
                where = node_location(source.path, found)
        return Diagnostic(kind, err["msg"], where, suggestion=(err.get("ctx") or {}).get("saran"))

    if kind == "missing":
        return Diagnostic("S201", f"kunci wajib '{loc[-1]}' tidak ada", where)

    if kind == "extra_forbidden":
        key = loc[-1]
        kn = key_node(_walk(source.node, loc[:-1])[0], key) if isinstance(key, str) else None
        where = node_location(source.path, kn or node)
        allowed = [k for k in _allowed_keys(model, _clean_loc(loc[:-1])) if k != key]
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        if close:
            suggestion = f"mungkin maksud Anda '{close[0]}'?"
        elif allowed:
            suggestion = "kunci yang dikenal di sini: " + ", ".join(allowed)
        else:
            suggestion = None
        return Diagnostic("S202", f"kunci '{key}' tidak dikenal", where, suggestion=suggestion)

    if kind in ("enum", "literal_error"):
        enums = _enums_at(model, _clean_loc(loc))
        allowed = [str(m.value) for cls in enums for m in cls]
        if not allowed:
            expected = (err.get("ctx") or {}).get("expected", "")
            allowed = [p.strip().strip("'") for p in str(expected).replace(" or ", ",").split(",") if p.strip()]
        guess = _suggest_value(value, enums, allowed)
        suggestion = f"mungkin maksud Anda '{guess}'?" if guess else None
        return Diagnostic(
            "S204",
            f"nilai {_shown(value)} untuk '{name}' tidak dikenal; pilihan: " + ", ".join(allowed),
            where,
            suggestion=suggestion,
        )

    if kind in _KIND_WORDS and value is None and not rest:
        return Diagnostic("S201", f"'{name}' belum diisi", where)

    if kind in _KIND_WORDS:
        expected = _KIND_WORDS[kind]
        hint = None
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            hint = "tulis di antara tanda kutip bila ini memang teks"
        if kind in ("dict_type", "model_type") and isinstance(value, str):
            hint = "periksa indentasi kunci di bawahnya"
        return Diagnostic("S203", f"'{name}' harus berupa {expected}, bukan {_shown(value)}", where, suggestion=hint)

    if kind.startswith("date") or kind.startswith("datetime"):
        return Diagnostic("S205", f"'{name}': tanggal {_shown(value)} tidak valid; tulis TTTT-BB-HH", where)

    ctx = err.get("ctx") or {}
    if kind == "too_short":
        return Diagnostic("S206", f"'{name}' harus berisi minimal {ctx.get('min_length', 1)} butir", where)
    if kind == "too_long":
        return Diagnostic("S206", f"'{name}' berisi terlalu banyak butir (maksimal {ctx.get('max_length')})", where)
    if kind == "string_too_short":
        return Diagnostic("S206", f"'{name}' tidak boleh kosong", where)
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        sign = "≥" if kind == "greater_than_equal" else ">"
        return Diagnostic("S206", f"'{name}' harus {sign} {_number(limit)}, bukan {_shown(value)}", where)
    if kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        sign = "≤" if kind == "less_than_equal" else "<"
        return Diagnostic("S206", f"'{name}' harus {sign} {_number(limit)}, bukan {_shown(value)}", where)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return Diagnostic("S206", f"'{name}': jenis unsur tidak dikenal", where)
    if kind in ("value_error", "assertion_error"):
        message = str(err.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return Diagnostic("S206", message, where)
    return Diagnostic("S206", f"nilai {_shown(value)} untuk '{name}' tidak valid ({kind})", where)

