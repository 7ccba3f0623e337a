"""What the site's components share during one build: the project's data and the builder.

Kept here, keyed by the source folder, instead of reaching through
``env.app`` (deprecated in Sphinx 9) or storing it on the pickled environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rancang.loader import ProjectData


@dataclass
class BuildState:
    data: ProjectData
    today: dt.date
    builder: Any


_STATES: dict[str, BuildState] = {}
_PRELOADED: dict[str, ProjectData] = {}


def preload(srcdir: Any, data: ProjectData) -> None:
    """``rancang build`` has already loaded and checked the project: the site reuses that data."""
    _PRELOADED[_key(srcdir)] = data


def take_preloaded(srcdir: Any) -> ProjectData | None:
    return _PRELOADED.pop(_key(srcdir), None)


def _key(srcdir: Any) -> str:
    import os

    return os.path.realpath(srcdir)


def register(srcdir: Any, data: ProjectData, builder: Any) -> BuildState:
    state = BuildState(data, dt.date.today(), builder)
    _STATES[str(srcdir)] = state
    return state


def of(env: Any) -> BuildState:
    return _STATES[str(env.srcdir)]


def project_data(env: Any) -> ProjectData:
    return of(env).data
