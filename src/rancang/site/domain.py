"""What the site knows per document, kept in one Sphinx Domain.

Sphinx pickles a domain's data with the environment, drops a document's part
when the document is read again or removed (:meth:`RancangDomain.clear_doc`),
and merges the parts read by parallel workers (:meth:`RancangDomain.merge_domaindata`),
so no component purges or merges by hand. The directives and the record parser
note what they find through the methods below; the events of the components
(which pages are outdated, what a written page shows) read it back.

Per document:

* ``aggregates``: pages that show data of every record (rebuilt when any record changes, unless every
  directive that made them said what it shows, see ``inputs``);
* ``inputs``: aggregate page -> {what a directive shows (a key of :attr:`RancangDomain.inputs`, with its
  arguments): digest of it when the page was read}, or None for a page that also holds a directive that did not
  say (read again whenever a record changes);
* ``downloads``: page -> {document file: existed when the page was read} (rebuilt when that changes);
* ``galleries``: pages that hold ``{rancang-galeri}``;
* ``embeds``: page -> ids of the innovations it embeds with ``{rancang-fakta}``, in page order;
* ``case_study_lists``: pages that list the case studies;
* ``shown``: page -> {what (``replikasi``, ``kesiapan-iid``): digest of what the page showed of it when read},
  for what a page shows that may change without any record of the page changing (another profile's links,
  an evidence file): the component that noted it compares the digests at every build
  (:mod:`rancang.site.replication`, :mod:`rancang.site.readiness`).

Not per document: ``data_stamps``, the modification times of the data files that are not documents
(``rancang.yaml``, ...) at the last build.

This module imports nothing of the site (only the folder layout): every component may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.domains import Domain

from rancang.layout import CASE_STUDY_DOCS

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

NAME = "rancang"

CASE_STUDY_INDEX = f"{CASE_STUDY_DOCS}index"
"""The page that lists them (not a case study itself)."""


def is_case_study(docname: str) -> bool:
    return docname.startswith(CASE_STUDY_DOCS) and docname != CASE_STUDY_INDEX


class RancangDomain(Domain):
    """The site's per-document state (no directives or roles of its own: those keep their global names)."""

    name = NAME
    label = "rancang"
    data_version = 1
    initial_data: dict[str, Any] = {
        "aggregates": set(),
        "inputs": {},
        "downloads": {},
        "galleries": set(),
        "embeds": {},
        "case_study_lists": set(),
        "shown": {},
        "data_stamps": None,
    }

    context: Callable[[], Any] | None = None
    """Gives the build's :class:`rancang.site.context.SiteContext` (set by the extension at builder-inited;
    never pickled: Sphinx does not pickle domain objects, only their data)."""

    inputs: dict[str, Callable[..., str]] = {}
    """What an aggregate directive shows, by name: ``inputs[name](env, *arguments)`` is the digest of what it
    shows of the records (the components register theirs at import). A page whose every aggregate directive
    noted its inputs is read again only when one of their digests changed, not on every record change."""

    @classmethod
    def of(cls, env: BuildEnvironment) -> RancangDomain:
        domain = env.get_domain(NAME)
        assert isinstance(domain, cls)
        return domain

    # -- noted while a document is read ---------------------------------------------------------------

    def note_aggregate(self, docname: str, inputs: tuple[str, ...] | None = None) -> None:
        """This page shows data of every record: rebuild it whenever any record changes; or, given ``inputs``
        (a name of :attr:`inputs` and its arguments), only when what that directive shows of them changes."""
        self.data["aggregates"].add(docname)
        noted = self.data.setdefault("inputs", {})
        if inputs is None:
            noted[docname] = None
        elif docname not in noted or noted[docname] is not None:
            noted.setdefault(docname, {})[inputs] = self.inputs[inputs[0]](self.env, *inputs[1:])

    def aggregate_changed(self, docname: str) -> bool:
        """True when the aggregate page shows something else now than when it was read."""
        noted = self.data.setdefault("inputs", {}).get(docname)
        if not noted:
            return True
        return any(key[0] not in self.inputs or self.inputs[key[0]](self.env, *key[1:]) != digest
                   for key, digest in noted.items())

    def note_downloads(self, docname: str, files: dict[str, bool]) -> None:
        """This page links these documents when they exist: rebuild it when that changes (a PDF appears)."""
        self.data["downloads"][docname] = files

    def note_gallery(self, docname: str) -> None:
        self.data["galleries"].add(docname)

    def note_embed(self, docname: str, record_id: str) -> None:
        """This page embeds the facts of an innovation (it is then a case study about it)."""
        ids = self.data["embeds"].setdefault(docname, [])
        if record_id not in ids:
            ids.append(record_id)

    def note_case_study_list(self, docname: str) -> None:
        """This page shows the list of case studies: re-read it whenever one is added, changed or removed."""
        self.data["case_study_lists"].add(docname)

    def note_shown(self, docname: str, what: str, digest: str) -> None:
        """This page shows ``what`` as ``digest`` says: the component reads it again when that changes."""
        self.data.setdefault("shown", {}).setdefault(docname, {})[what] = digest

    # -- read back ------------------------------------------------------------------------------------

    def shown(self, what: str) -> dict[str, str]:
        """Page -> digest of what it showed of ``what`` when read (pages that noted it)."""
        return {docname: noted[what] for docname, noted in self.data.setdefault("shown", {}).items()
                if what in noted}

    @property
    def aggregates(self) -> set[str]:
        return self.data["aggregates"]

    @property
    def case_study_lists(self) -> set[str]:
        return self.data["case_study_lists"]

    @property
    def embeds(self) -> dict[str, list[str]]:
        return self.data["embeds"]

    def galleries(self) -> list[str]:
        """The documents that hold a gallery and are read, by name."""
        return sorted(d for d in self.data["galleries"] if d in self.env.all_docs)

    def is_gallery(self, docname: str) -> bool:
        return docname in self.data["galleries"]

    def gallery_docs(self) -> set[str]:
        """Every document noted as holding a gallery."""
        return set(self.data["galleries"])

    def downloads_changed(self) -> set[str]:
        """Pages whose linked documents appeared or disappeared since they were read."""
        return {docname for docname, files in self.data["downloads"].items()
                if any(Path(path).exists() != existed for path, existed in files.items())}

    def data_files_changed(self, stamps: dict[str, int]) -> bool:
        """Remember ``stamps``; True when the last build saw others."""
        previous = self.data["data_stamps"]
        self.data["data_stamps"] = stamps
        return previous is not None and previous != stamps

    def case_studies(self) -> list[tuple[str, str, list[str]]]:
        return case_studies(self.env)

    # -- kept by Sphinx -------------------------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.data["aggregates"].discard(docname)
        self.data.setdefault("inputs", {}).pop(docname, None)
        self.data["downloads"].pop(docname, None)
        self.data["galleries"].discard(docname)
        self.data["embeds"].pop(docname, None)
        self.data["case_study_lists"].discard(docname)
        self.data.setdefault("shown", {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """The part of ``docnames``, read by a parallel worker."""
        for key in ("aggregates", "galleries", "case_study_lists"):
            self.data[key] |= otherdata[key] & set(docnames)
        for key in ("downloads", "embeds", "inputs", "shown"):
            self.data.setdefault(key, {}).update({d: value for d, value in otherdata.get(key, {}).items()
                                                  if d in docnames})

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        """No object of this domain is a link target (the base class raises, which makes Sphinx and MyST take
        a slower path for every unresolved reference)."""
        return []


def case_studies(env: Any) -> list[tuple[str, str, list[str]]]:
    """``(docname, title, innovation ids)`` of every case study, by docname.

    A case study is a page of ``kb/studi-kasus/`` (other than its index) or any page that embeds an
    innovation with ``{rancang-fakta}``; its title is its first heading. Meant for the write phase
    (``doctree-resolved``), when every page has been read. Works on an environment loaded from its pickle
    too (it reads the domain's data, not the domain object).
    """
    embeds: dict[str, list[str]] = env.domaindata.get(NAME, {}).get("embeds", {})
    docnames = {d for d in env.found_docs if is_case_study(d)} | {d for d, ids in embeds.items() if ids}
    result = []
    for docname in sorted(docnames):
        title = env.titles.get(docname)
        result.append((docname, title.astext() if title is not None else docname, list(embeds.get(docname, []))))
    return result
