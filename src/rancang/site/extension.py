"""Sphinx extension of the knowledge-base site: only wiring.

Each component registers its own directives, nodes and event handlers (``setup``); this module registers the
site's domain (:mod:`rancang.site.domain`, the per-document state) and sets the components up:

* :mod:`~rancang.site.context`: the checked project of the build, handed over by ``rancang build`` or
  checked at the start of a plain ``sphinx-build``;
* :mod:`~rancang.site.pages`: ``.yaml`` records are documents (innovation profiles and regulations), so
  incremental builds and search just work; pages that aggregate records (gallery, overview, ...) are read
  again whenever a record changes;
* :mod:`~rancang.site.directives`, :mod:`~rancang.site.gallery`, :mod:`~rancang.site.charts`,
  :mod:`~rancang.site.replication`, :mod:`~rancang.site.readiness`, :mod:`~rancang.site.opendata`,
  :mod:`~rancang.site.casestudies`: the directives of the region's pages (and the replication links and the IID
  readiness of each profile page);
* :mod:`~rancang.site.output`: the documents and the home redirect written beside the pages;
* :mod:`~rancang.site.akn`: the Akoma Ntoso file of every regulation (``akn/<id>.xml``);
* :mod:`~rancang.site.interface`: the interface in Indonesian;
* :mod:`~rancang.site.menu`: the menu of every page, only the pages the project has;
* :mod:`~rancang.site.search`: the search, on rancang's own chunked index;
* :mod:`~rancang.site.tuning`: what Sphinx skips or drops on a large site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from rancang.site import (
    akn,
    casestudies,
    charts,
    context,
    directives,
    gallery,
    interface,
    menu,
    opendata,
    output,
    pages,
    readiness,
    replication,
    search,
    tuning,
)
from rancang.site.domain import RancangDomain


def _static_files(app: Sphinx, config: Any) -> None:
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)
    templates = str(Path(__file__).parent / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(RancangDomain)
    for component in (context, pages, directives, output, gallery, charts, replication, readiness, opendata, akn,
                      casestudies, interface, menu, search, tuning):
        component.setup(app)
    app.connect("config-inited", _static_files)
    app.add_css_file("rancang.css")
    # env_version: raised when what a page's doctree holds changes (3: a profile's Anggaran section is always
    # there; 4: a profile's replication links and its Kesiapan IID section), so that a project built by an older
    # rancang reads its pages again once.
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
