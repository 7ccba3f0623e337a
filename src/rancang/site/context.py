"""What one build of the site shares: the checked project, the builder, today's date, and what is computed
once from them.

``rancang build`` has checked the project already (and built every regulation's tree): ``site/builder.py``
hands its :class:`~rancang.check.Checked` to the Sphinx app with :func:`provide` before the build starts.
Under plain ``sphinx-build`` nobody did: the first component that asks checks the project here
(:func:`rancang.check.check_project`, a layer below, with the template checks of
:mod:`rancang.documents`, as ``rancang build`` does) and reports its errors as Sphinx warnings.

The context is one attribute of the :class:`~sphinx.application.Sphinx` object (:data:`ATTRIBUTE`), never
the pickled environment (it would be written with it, and sent back by every parallel worker) nor a module
global. Event handlers have the app; directives and the record parser have the environment: both ask
:func:`of`, which reaches the app's context through the site's domain (the extension connects it at
``builder-inited``; ``env.app`` is deprecated since Sphinx 9). Parallel workers are forked: they inherit it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx.util import logging

from rancang.site.domain import RancangDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from rancang.check import Checked
    from rancang.drafting.engine import Drafted
    from rancang.models import ProjectData

logger = logging.getLogger(__name__)

ATTRIBUTE = "rancang_site"
"""Attribute of the Sphinx app that holds the build's :class:`SiteContext`."""

T = TypeVar("T")


class SiteContext:
    """The checked project of one build, and what the components compute once from it."""

    def __init__(self, checked: Checked, builder: Any) -> None:
        self.checked = checked
        self.builder = builder
        self.today = dt.date.today()
        self._computed: dict[str, Any] = {}

    @property
    def data(self) -> ProjectData:
        return self.checked.data

    def draft(self, record_id: str) -> Drafted | None:
        """The regulation's tree and its problems, built once per run by the check (None: not loaded)."""
        return self.checked.drafts.get(record_id)

    def once(self, name: str, make: Callable[[], T]) -> T:
        """``make()``, computed the first time a component asks for ``name`` in this build."""
        if name not in self._computed:
            self._computed[name] = make()
        return self._computed[name]


def provide(app: Sphinx, checked: Checked) -> SiteContext:
    """Hand the project ``rancang build`` has checked to the app, before ``app.build()``."""
    context = SiteContext(checked, app.builder)
    setattr(app, ATTRIBUTE, context)
    return context


def attach(app: Sphinx) -> None:
    """``builder-inited``: let the components that only have the environment reach the app's context."""
    RancangDomain.of(app.env).context = lambda: of_app(app)


def of_app(app: Sphinx) -> SiteContext:
    context = getattr(app, ATTRIBUTE, None)
    if context is None:  # plain sphinx-build: check the project here, once
        context = provide(app, _check(Path(app.srcdir)))
    return context


def of(env: Any) -> SiteContext:
    """The build's context, from the environment (directives, parser, event handlers alike)."""
    provider = RancangDomain.of(env).context
    if provider is None:
        raise RuntimeError("rancang.site.extension is not set up on this Sphinx application")
    return provider()


def _load_early(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """Check the project (plain sphinx-build) before Sphinx forks its parallel readers, which inherit it."""
    of(env)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", attach, priority=100)
    app.connect("env-before-read-docs", _load_early, priority=100)


def _check(root: Path) -> Checked:
    from rancang.check import check_project
    from rancang.documents import template_problems  # as `rancang build` checks: the Word templates too

    checked = check_project(root, extra=[template_problems])
    for diagnostic in checked.report.errors:
        logger.warning("%s: %s", diagnostic.code, diagnostic.message, location=diagnostic.location.path,
                       type="rancang", subtype=diagnostic.code)
    return checked

