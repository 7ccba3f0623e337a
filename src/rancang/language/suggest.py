"""Suggestions for a mistyped id: the known ids it was probably meant to be, and how a message lists them.

Shared by the checks that report an unknown id (:mod:`rancang.references`) and by the drafting engine, which
reports an unknown id it meets while building (``melaksanakan``): both word "mungkin maksud Anda ...?" alike.
"""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(name: str, known: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def closest_few(name: str, known: Iterable[str], count: int = 3) -> list[str]:
    """Up to ``count`` known ids close to ``name``, closest first: the closest as :func:`closest` finds it, and
    others only when they are nearly as close (``uu-23-2041`` does not suggest ``pp-38-2017`` beside
    ``uu-23-2014``)."""
    known = list(known)
    first = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    others = [m for m in difflib.get_close_matches(name, known, n=count, cutoff=0.75) if m not in first]
    return (first + others)[:count]


def quoted_choices(ids: list[str]) -> str:
    """``'a'``, ``'a' atau 'b'``, ``'a', 'b' atau 'c'``."""
    quoted = [f"'{i}'" for i in ids]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} atau {quoted[-1]}"
