"""The data of the spelling rules (L591-L593) and the Indonesian dictionary they consult.

Data (package files, read once):

* ``bentuk-tidak-baku.yaml`` -- non-standard forms common in regional regulations, each with its standard form
  and its source (KBBI; PUEBI/EYD V for compounds and the preposition *di*/*ke*): rule L591.
* ``kata-tambahan.txt`` -- standard words (KBBI) that Debian's ``hunspell-id`` lacks: rule L593 accepts them.

The dictionary: Debian's ``hunspell-id`` (``/usr/share/hunspell/id_ID.dic``, from LibreOffice's dictionaries,
maintained with them), read through **pyenchant** (PyPI ``pyenchant``; ctypes over the system's
``libenchant-2-2``, whose Hunspell provider ships in that same Debian package). Chosen over the alternatives,
measured on this machine with the same dictionary (3,000 words, then suggestions for two typos):

* pyenchant 3.3.0: 0.4 MB installed, pure Python (no wheel per Python version), 0.02 s for 3,000 words,
  10 ms for suggestions; it is the real Hunspell, so affixes are read exactly as LibreOffice reads them
  (*penyelenggaraan*, *ditetapkan*, *kewenangannya*, *perundang-undangan* accepted; *ijin*, *tehnis*,
  *dareah* rejected). Maintained (release 2024), and packaged by Debian too (python3-enchant).
* spylls (pure-Python port of Hunspell): the same answers, but 5.3 MB, 0.34 s for 3,000 words (17 times
  slower) and 0.24 s per suggestion; last release 2022.
* chunspell (compiled binding with its own copy of Hunspell): as fast as pyenchant, but a 0.9 MB binary wheel
  per Python version and platform, and a second Hunspell beside the system's; cyhunspell has no wheel for
  current Pythons and did not build.

Without the library or the dictionary (``apt-get install libenchant-2-2 hunspell-id``), :func:`dictionary`
returns None: rule L593 then reports one P423 note per check, and every other rule runs as before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

import yaml

LANGUAGE = "id_ID"


@dataclass(frozen=True)
class NonStandard:
    form: str
    """As written, lower case (``ijin``, ``tolak ukur``)."""
    standard: str
    """The standard form (``izin``, ``tolok ukur``)."""
    source: str


class Dictionary(Protocol):
    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


@functools.cache
def non_standard_forms() -> tuple[NonStandard, ...]:
    text = resources.files(__package__).joinpath("bentuk-tidak-baku.yaml").read_text(encoding="utf-8")
    return tuple(NonStandard(" ".join(row["tidak_baku"].lower().split()), row["baku"], row["sumber"])
                 for row in yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@functools.cache
def extra_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("kata-tambahan.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class _Cached:
    """A dictionary with its answers remembered (a regulation repeats its words)."""

    def __init__(self, backend) -> None:
        self._backend = backend
        self._known: dict[str, bool] = {}

    def check(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(self._backend.check(word))
        return known

    def suggest(self, word: str) -> list[str]:
        return list(self._backend.suggest(word))


@functools.cache
def _open() -> Dictionary | None:
    try:
        import enchant  # the C library is loaded here: ImportError when libenchant-2 is missing
    except (ImportError, OSError):
        return None
    try:
        return _Cached(enchant.Dict(LANGUAGE))
    except Exception:  # enchant.errors.DictNotFoundError, or a broken provider
        return None


def dictionary() -> Dictionary | None:
    """The Indonesian Hunspell dictionary, or None when it (or libenchant) is not installed."""
    return _open()


WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word as the spelling rules read it: letters, joined by hyphens (``perundang-undangan``)."""
