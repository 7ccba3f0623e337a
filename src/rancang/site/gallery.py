"""Site component: the gallery of innovations, its facets and one static page per facet value.

``{rancang-galeri}`` shows every innovation (and every case study) as a card,
with facet controls above the cards. The DOM is a contract that the browser
test and ``rancang-galeri.js`` rely on:

* a card is ``<div class="rancang-kartu ..." data-inovasi="<id>"
  data-perangkat-daerah="..." data-bentuk="..." data-jenis="..."
  data-urusan="..." data-tahapan="..." data-tahun="..." data-penghargaan="..."
  data-status="...">``; several values are separated by ``|``, an unknown
  value is the empty string;
* a case-study card has the same attributes, holding the values of all its
  innovations; ``data-inovasi`` lists its innovations and ``data-studi-kasus``
  names its document; it is shown when one of its innovations is shown;
* the controls are ``<select class="rancang-facet" name="<facet>">`` whose
  first option (``""``) is "Semua"; option values are ids and keys, labels are
  Indonesian words; ``<p id="rancang-jumlah">`` says "N inovasi" and
  ``<button class="rancang-hapus-filter">`` clears the filter. The controls are
  hidden until the script runs: without JavaScript every card is visible and
  the facet pages below do the filtering.

``{rancang-galeri-kategori}`` lists every facet value with its number of
innovations, linking the static page of that value
(``galeri/<facet>/<value>.html``). Those pages are not documents: they are
rendered at the ``html-collect-pages`` event by the builder through the
theme's ``page.html`` and written into the output folder only (and only when
their content changed), so they work without JavaScript and nothing is
generated in the source tree; pages of values that disappeared are removed.

Every value that comes from YAML is escaped (:func:`html.escape` in raw HTML,
docutils text nodes elsewhere).
"""

from __future__ import annotations

import html
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlencode

from docutils import nodes

from rancang.site import state
from rancang.site import markdown
from markdown_it import MarkdownIt
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.loader import ProjectData
from rancang.models.innovation import AwardLevel, Form, Innovation, Kind, Stage, Status
from rancang.site.directives import depends_on_all_records, doc_link


GALLERY_KEY = "rancang_galeri_docs"
"""env attribute: docnames that hold ``{rancang-galeri}``."""

PAGES_FOLDER = "galeri"
"""Folder of the output that holds the facet pages (``galeri/<facet>/<value>.html``)."""

SUMMARY_WORDS = 30
SEPARATOR = "|"

FORM_WORDS = {Form.GOVERNANCE.value: "Tata kelola pemerintahan daerah",
              Form.PUBLIC_SERVICE.value: "Pelayanan publik", Form.OTHER.value: "Inovasi daerah lainnya"}
KIND_WORDS = {Kind.DIGITAL.value: "Digital", Kind.NON_DIGITAL.value: "Non-digital"}
STAGE_WORDS = {Stage.INITIATIVE.value: "Inisiatif", Stage.TRIAL.value: "Uji coba",
               Stage.IMPLEMENTATION.value: "Penerapan"}
STATUS_WORDS = {Status.RUNNING.value: "Berjalan", Status.STOPPED.value: "Berhenti"}
AWARD_WORDS = {"ya": "Ada penghargaan", AwardLevel.INTERNATIONAL.value: "Tingkat internasional",
               AwardLevel.NATIONAL.value: "Tingkat nasional", AwardLevel.PROVINCE.value: "Tingkat provinsi",
               AwardLevel.CITY.value: "Tingkat daerah", "tidak": "Belum ada penghargaan"}


@dataclass(frozen=True)
class Facet:
    name: str
    """Suffix of the card's ``data-`` attribute, name of the select, key in the URL, folder of its pages."""
    label: str


FACETS = (
    Facet("perangkat-daerah", "Perangkat daerah"),
    Facet("bentuk", "Bentuk"),
    Facet("jenis", "Jenis"),
    Facet("urusan", "Urusan pemerintahan"),
    Facet("tahapan", "Tahapan"),
    Facet("tahun", "Tahun"),
    Facet("penghargaan", "Penghargaan"),
    Facet("status", "Status"),
)


@dataclass
class FacetValue:
    value: str
    label: str
    innovations: list[str] = field(default_factory=list)
    """Ids of the innovations with this value, in gallery order."""


# -- facts of one innovation ---------------------------------------------------------------------


def record_year(innovation: Innovation) -> int | None:
    """Year of implementation, else of the trial, else of the initiative."""
    for date in (innovation.implementation_date, innovation.trial_date, innovation.started):
        if date is not None:
            return date.year
    return None


def slug(text: str) -> str:
    """``"Kelautan dan Perikanan"`` -> ``"kelautan-dan-perikanan"`` (ASCII, for URLs and file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _affair_label(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def agency_label(data: ProjectData, agency_id: str, short: bool = False) -> str:
    agency = data.agencies.get(agency_id)
    if agency is None:
        return agency_id
    return (agency.short_name or agency.name) if short else agency.name


def facet_values(innovation: Innovation) -> dict[str, list[str]]:
    """The values of one innovation for every facet (empty list when unknown)."""
    affairs: list[str] = []
    for affair in innovation.affairs:
        key = slug(affair)
        if key and key not in affairs:
            affairs.append(key)
    awards = ["tidak"]
    if innovation.awards:
        levels = {award.level.value for award in innovation.awards if award.level}
        awards = ["ya"] + [level for level in AWARD_WORDS if level in levels]
    year = record_year(innovation)
    return {
        "perangkat-daerah": [innovation.agency] if innovation.agency else [],
        "bentuk": [innovation.form.value] if innovation.form else [],
        "jenis": [innovation.kind.value] if innovation.kind else [],
        "urusan": affairs,
        "tahapan": [innovation.stage.value] if innovation.stage else [],
        "tahun": [str(year)] if year is not None else [],
        "penghargaan": awards,
        "status": [innovation.status.value] if innovation.status else [],
    }


_PLAIN = MarkdownIt("commonmark", {"html": False})


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown field, without markup (raw HTML stays as text)."""
    parts: list[str] = []
    for token in _PLAIN.parse(markdown_text):
        if token.type != "inline":
            continue
        for child in token.children or []:
            if child.type in ("text", "code_inline", "image", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        parts.append(" ")
    return " ".join("".join(parts).split())


def short_summary(innovation: Innovation, words: int = SUMMARY_WORDS) -> str:
    if not innovation.summary:
        return ""
    tokens = plain_text(innovation.summary).split()
    if len(tokens) <= words:
        return " ".join(tokens)
    return " ".join(tokens[:words]).rstrip(",;:.") + " …"


def gallery_order(data: ProjectData) -> list[str]:
    return sorted(data.innovations, key=lambda i: (data.innovations[i].name.casefold(), i))


def facet_catalogue(data: ProjectData) -> dict[str, list[FacetValue]]:
    """Every facet's values present in the data, in display order, with their innovations."""
    found: dict[str, dict[str, FacetValue]] = {facet.name: {} for facet in FACETS}
    for record_id in gallery_order(data):
        innovation = data.innovations[record_id]
        affair_words = {slug(a): _affair_label(a) for a in reversed(innovation.affairs)}
        for name, values in facet_values(innovation).items():
            for value in values:
                if value not in found[name]:
                    found[name][value] = FacetValue(value, _value_label(data, name, value, affair_words))
                found[name][value].innovations.append(record_id)

    def order(name: str, item: FacetValue) -> tuple:
        words = {"bentuk": FORM_WORDS, "jenis": KIND_WORDS, "tahapan": STAGE_WORDS, "status": STATUS_WORDS,
                 "penghargaan": AWARD_WORDS}.get(name)
        if words is not None:
            return (list(words).index(item.value) if item.value in words else len(words), item.value)
        if name == "tahun":
            return (-int(item.value),)
        return (item.label.casefold(), item.value)

    return {name: sorted(values.values(), key=lambda item: order(name, item)) for name, values in found.items()}


def _value_label(data: ProjectData, facet: str, value: str, affair_words: dict[str, str]) -> str:
    if facet == "perangkat-daerah":
        return agency_label(data, value)
    if facet == "urusan":
        return affair_words.get(value, value)
    words = {"bentuk": FORM_WORDS, "jenis": KIND_WORDS, "tahapan": STAGE_WORDS, "status": STATUS_WORDS,
             "penghargaan": AWARD_WORDS}.get(facet, {})
    return words.get(value, value)


def data_attributes(values: dict[str, list[str]]) -> dict[str, str]:
    return {f"data-{facet.name}": SEPARATOR.join(values.get(facet.name, [])) for facet in FACETS}


def facet_page(facet: str, value: str) -> str:
    """Page name (not a document) of the static page of one facet value."""
    return f"{PAGES_FOLDER}/{facet}/{value}"


# -- nodes -------------------------------------------------------------------------------------


class kartu(nodes.General, nodes.Element):
    """One card: a ``<div>`` with the facet values as ``data-`` attributes (``node["data"]``)."""


class studi_kasus_kartu(nodes.General, nodes.Element):
    """Placeholder for the case-study cards, filled once every document has been read."""


def _attributes(node: kartu) -> str:
    attributes = {"class": " ".join(node["classes"]), **node["data"]}
    return " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())


def visit_kartu_html(self: Any, node: kartu) -> None:
    self.body.append(f"<div {_attributes(node)}>\n")


def depart_kartu_html(self: Any, node: kartu) -> None:
    self.body.append("</div>\n")


def _pass(self: Any, node: nodes.Node) -> None:
    pass


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _fact(label: str, value: str) -> nodes.paragraph:
    para = nodes.paragraph(classes=["rancang-kartu-fakta"])
    para += nodes.inline(text=label, classes=["rancang-kartu-label"])
    para += nodes.Text(" ")
    para += nodes.inline(text=value, classes=["rancang-kartu-nilai"])
    return para


def _badges(words: Iterable[tuple[str, str]]) -> nodes.paragraph:
    para = nodes.paragraph(classes=["rancang-kartu-jenis"])
    for index, (text, kind) in enumerate(words):
        if index:
            para += nodes.Text(" ")
        para += nodes.inline(text=text, classes=["rancang-lencana", f"rancang-lencana-{kind}"])
    return para


def _awards_text(count: int) -> str:
    return f"{count} penghargaan" if count else "Belum ada"


def innovation_card(record_id: str, innovation: Innovation, data: ProjectData,
                    link: nodes.reference) -> kartu:
    values = facet_values(innovation)
    card = kartu(classes=["rancang-kartu", "sd-card", "sd-shadow-sm"],
                 data={"data-inovasi": record_id, **data_attributes(values)})
    body = nodes.container(classes=["sd-card-body"])
    badges = [("Inovasi", "inovasi")]
    if innovation.kind:
        badges.append((KIND_WORDS[innovation.kind.value], "jenis"))
    body += _badges(badges)
    title = nodes.paragraph(classes=["sd-card-title", "rancang-kartu-judul"])
    title += link
    body += title
    summary = short_summary(innovation)
    if summary:
        body += nodes.paragraph(text=summary, classes=["sd-card-text", "rancang-kartu-ringkasan"])
    card += body
    footer = nodes.container(classes=["sd-card-footer", "rancang-kartu-fakta-fakta"])
    year = record_year(innovation)
    footer += _fact("Perangkat daerah", agency_label(data, innovation.agency, short=True) if innovation.agency
                    else "–")
    footer += _fact("Tahapan", STAGE_WORDS[innovation.stage.value] if innovation.stage else "–")
    footer += _fact("Tahun", str(year) if year is not None else "–")
    footer += _fact("Penghargaan", _awards_text(len(innovation.awards)))
    card += footer
    return card


def case_study_card(docname: str, title: str, innovation_ids: list[str], data: ProjectData,
                    uri: Any) -> kartu:
    """``uri(docname)`` is the link from the gallery page to a document."""
    known = [i for i in innovation_ids if i in data.innovations]
    merged: dict[str, list[str]] = {facet.name: [] for facet in FACETS}
    for record_id in known:
        for name, values in facet_values(data.innovations[record_id]).items():
            merged[name] += [v for v in values if v not in merged[name]]
    card = kartu(classes=["rancang-kartu", "rancang-kartu-studi-kasus", "sd-card", "sd-shadow-sm"],
                 data={"data-inovasi": SEPARATOR.join(known), **data_attributes(merged),
                       "data-studi-kasus": docname})
    body = nodes.container(classes=["sd-card-body"])
    body += _badges([("Studi kasus", "studi-kasus")])
    heading = nodes.paragraph(classes=["sd-card-title", "rancang-kartu-judul"])
    heading += nodes.reference("", title, internal=True, refuri=uri(docname))
    body += heading
    if known:
        para = nodes.paragraph(classes=["sd-card-text", "rancang-kartu-ringkasan"])
        para += nodes.Text("Studi kasus tentang ")
        for index, record_id in enumerate(known):
            if index:
                para += nodes.Text(", ")
            para += nodes.reference("", data.innovations[record_id].name, internal=True,
                                    refuri=uri(f"kb/inovasi/{record_id}"))
        para += nodes.Text(".")
        body += para
    card += body
    agencies = []
    for record_id in known:
        agency = data.innovations[record_id].agency
        if agency and agency_label(data, agency, short=True) not in agencies:
            agencies.append(agency_label(data, agency, short=True))
    footer = nodes.container(classes=["sd-card-footer", "rancang-kartu-fakta-fakta"])
    footer += _fact("Perangkat daerah", ", ".join(agencies) or "–")
    footer += _fact("Inovasi", str(len(known)))
    card += footer
    return card


def _case_studies(env: Any) -> list[tuple[str, str, list[str]]]:
    """The case studies, from :mod:`rancang.site.casestudies` when it offers them."""
    from rancang.site import casestudies

    provider = getattr(casestudies, "case_studies", None)
    if provider is None:
        return []
    return [(docname, title, list(ids)) for docname, title, ids in provider(env)]


# -- controls ------------------------------------------------------------------------------------


def controls_html(catalogue: dict[str, list[FacetValue]], total: int) -> str:
    """The facet selects, the clear button and the counter (every value escaped)."""
    e = html.escape
    out = ['<div class="rancang-facets" role="search" aria-label="Saring inovasi" hidden>']
    for facet in FACETS:
        ident = f"rancang-facet-{facet.name}"
        out.append(f'<div class="rancang-facet-kotak"><label for="{e(ident)}">{e(facet.label)}</label>'
                   f'<select class="rancang-facet" id="{e(ident)}" name="{e(facet.name)}">'
                   '<option value="">Semua</option>')
        for item in catalogue[facet.name]:
            out.append(f'<option value="{e(item.value)}">{e(item.label)}</option>')
        out.append("</select></div>")
    out.append('<div class="rancang-facet-kotak rancang-facet-tombol">'
               '<button type="button" class="rancang-hapus-filter">Hapus filter</button></div>')
    out.append("</div>")
    out.append(f'<p id="rancang-jumlah" class="rancang-jumlah" aria-live="polite">{total} inovasi</p>')
    out.append('<p class="rancang-kosong" hidden>Tidak ada inovasi yang cocok dengan filter ini. '
               'Ubah pilihan atau tekan “Hapus filter”.</p>')
    return "".join(out)


# -- directives ----------------------------------------------------------------------------------


def _note_gallery(directive: SphinxDirective) -> None:
    env = directive.env
    if not hasattr(env, GALLERY_KEY):
        setattr(env, GALLERY_KEY, set())
    getattr(env, GALLERY_KEY).add(env.docname)


class GalleryDirective(SphinxDirective):
    """``{rancang-galeri}``: every innovation and case study as a card, with facet controls."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        depends_on_all_records(self)
        _note_gallery(self)
        from rancang.site import casestudies

        lists = getattr(casestudies, "lists_case_studies", None)
        if lists is not None:
            lists(self)  # re-read when a case study is added, changed or removed
        data: ProjectData = state.project_data(self.env)
        catalogue = facet_catalogue(data)
        order = gallery_order(data)
        gallery = nodes.container(classes=["rancang-galeri"])
        gallery += markdown.block(controls_html(catalogue, len(order)))
        cards = nodes.container(classes=["rancang-galeri-kartu"])
        for record_id in order:
            innovation = data.innovations[record_id]
            cards += innovation_card(record_id, innovation, data,
                                     doc_link(self, f"kb/inovasi/{record_id}", innovation.name))
        cards += studi_kasus_kartu()
        gallery += cards
        if not order:
            gallery += nodes.paragraph(text="Belum ada profil inovasi.")
        return [gallery]


class CategoriesDirective(SphinxDirective):
    """``{rancang-galeri-kategori}``: every facet value with its count, linking its static page."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        depends_on_all_records(self)
        data: ProjectData = state.project_data(self.env)
        catalogue = facet_catalogue(data)
        builder = state.of(self.env).builder
        listing = nodes.container(classes=["rancang-kategori"])
        for facet in FACETS:
            values = catalogue[facet.name]
            if not values:
                continue
            para = nodes.paragraph(classes=["rancang-kategori-facet"])
            para += nodes.strong(text=facet.label)
            para += nodes.Text(": ")
            for index, item in enumerate(values):
                if index:
                    para += nodes.Text(" · ")
                uri = builder.get_relative_uri(self.env.docname, facet_page(facet.name, item.value))
                para += nodes.reference("", item.label, internal=True, refuri=uri)
                para += nodes.Text(f" ({len(item.innovations)})")
            listing += para
        if not listing.children:
            return [nodes.paragraph(text="Belum ada profil inovasi.")]
        return [listing]


# -- events --------------------------------------------------------------------------------------


def resolve_case_studies(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Case studies are known only when every document has been read: fill their cards now."""
    placeholders = list(doctree.findall(studi_kasus_kartu))
    if not placeholders:
        return
    data: ProjectData = app.rancang_data
    studies = _case_studies(app.env)

    def uri(target: str) -> str:
        return app.builder.get_relative_uri(docname, target)

    for placeholder in placeholders:
        cards = [case_study_card(study, title, ids, data, uri) for study, title, ids in studies]
        if cards:
            placeholder.replace_self(cards)
        else:
            placeholder.parent.remove(placeholder)


def _gallery_docs(env: Any) -> list[str]:
    return sorted(d for d in getattr(env, GALLERY_KEY, set()) if d in env.all_docs)


def collect_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """One page per facet value (``galeri/<facet>/<value>.html``), written into the output folder only.

    Each page is rendered by the builder through the theme's ``page.html`` (so it has the site's
    header, navigation and styles), into a scratch file first: a page is written only when its
    content changed, so a build without change rewrites none of them. Nothing is returned to
    Sphinx, which would rewrite every page on every build.
    """
    app.rancang_facet_pages = set()
    if app.builder.format != "html" or not _gallery_docs(app.env):
        return []
    data: ProjectData = app.rancang_data
    gallery = _gallery_docs(app.env)[0]
    catalogue = facet_catalogue(data)
    studies = _case_studies(app.env)
    pages = []
    for facet in FACETS:
        for item in catalogue[facet.name]:
            pagename = facet_page(facet.name, item.value)
            title = f"{facet.label}: {item.label}"
            body = facet_page_body(app, pagename, gallery, facet, item, catalogue[facet.name], data, studies)
            pages.append((pagename, {"title": html.escape(title), "body": body}))
    app.rancang_facet_pages = {pagename for pagename, _ in pages}
    outdir = Path(app.outdir)
    _remove_stale_pages(outdir, app.builder.out_suffix, app.rancang_facet_pages)
    output_path = getattr(app.builder, "get_output_path", None) or app.builder.get_outfilename
    with tempfile.TemporaryDirectory(prefix="rancang-galeri-") as scratch:
        draft = Path(scratch) / "halaman.html"
        for pagename, context in pages:
            app.builder.handle_page(pagename, context, "page.html", outfilename=draft)
            content = draft.read_bytes()
            target = Path(output_path(pagename))
            if not target.is_file() or target.read_bytes() != content:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
    return []


def _remove_stale_pages(outdir: Path, suffix: str, current: set[str]) -> None:
    """Facet values that disappeared leave no page behind."""
    folder = outdir / PAGES_FOLDER
    if not folder.is_dir():
        return
    for path in folder.glob(f"*/*{suffix}"):
        pagename = path.relative_to(outdir).as_posix()[: -len(suffix)]
        if pagename not in current:
            path.unlink()
    for sub in folder.iterdir():
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()


def facet_page_body(app: Sphinx, pagename: str, gallery: str, facet: Facet, item: FacetValue,
                    siblings: list[FacetValue], data: ProjectData,
                    studies: list[tuple[str, str, list[str]]]) -> str:
    e = html.escape
    builder = app.builder

    def uri(target: str) -> str:
        return builder.get_relative_uri(pagename, target)

    gallery_uri = uri(gallery)
    gallery_title = app.env.titles[gallery].astext() if gallery in app.env.titles else "Galeri inovasi"
    filtered = f"{gallery_uri}?{urlencode({facet.name: item.value})}"
    count = len(item.innovations)
    out = [f'<section class="rancang-facet-halaman" data-facet="{e(facet.name)}" data-nilai="{e(item.value)}">',
           f'<p class="rancang-remah"><a href="{e(gallery_uri)}">{e(gallery_title)}</a> › {e(facet.label)}</p>',
           f"<h1>{e(facet.label)}: {e(item.label)}</h1>",
           f'<p class="rancang-facet-jumlah"><span class="rancang-facet-angka">{count} inovasi</span> · '
           f'<a href="{e(filtered)}">Lihat di galeri dengan filter ini</a></p>',
           '<ul class="rancang-facet-daftar">']
    for record_id in item.innovations:
        innovation = data.innovations[record_id]
        year = record_year(innovation)
        facts = [x for x in (agency_label(data, innovation.agency, short=True) if innovation.agency else "",
                             STAGE_WORDS[innovation.stage.value] if innovation.stage else "",
                             str(year) if year is not None else "",
                             f"{len(innovation.awards)} penghargaan" if innovation.awards else "") if x]
        out.append(f'<li data-inovasi="{e(record_id)}"><a class="reference internal" '
                   f'href="{e(uri(f"kb/inovasi/{record_id}"))}">{e(innovation.name)}</a>')
        if facts:
            out.append(f'<span class="rancang-facet-fakta"> · {e(" · ".join(facts))}</span>')
        summary = short_summary(innovation)
        if summary:
            out.append(f'<br><span class="rancang-facet-ringkasan">{e(summary)}</span>')
        out.append("</li>")
    out.append("</ul>")
    members = set(item.innovations)
    related = [(doc, title) for doc, title, ids in studies if members & set(ids)]
    if related:
        out.append('<h2>Studi kasus</h2><ul class="rancang-facet-studi-kasus">')
        for doc, title in related:
            out.append(f'<li><a class="reference internal" href="{e(uri(doc))}">{e(title)}</a></li>')
        out.append("</ul>")
    others = [other for other in siblings if other.value != item.value]
    if others:
        out.append(f"<h2>{e(facet.label)} lainnya</h2><ul class=\"rancang-facet-lain\">")
        for other in others:
            out.append(f'<li><a class="reference internal" href="{e(uri(facet_page(facet.name, other.value)))}">'
                       f"{e(other.label)}</a> ({len(other.innovations)})</li>")
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The gallery's stylesheet and script only where they are used."""
    gallery = pagename in getattr(app.env, GALLERY_KEY, set())
    if gallery or pagename in getattr(app, "rancang_facet_pages", set()):
        app.add_css_file("rancang-galeri.css")
    if gallery:
        app.add_js_file("rancang-galeri.js", defer="defer")


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Case-study cards come from the case studies: a changed case study renews the gallery."""
    if not any(d.startswith("kb/studi-kasus/") for d in added | changed | removed):
        return []
    return sorted(getattr(env, GALLERY_KEY, set()) - added - changed - removed)


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, GALLERY_KEY, set()).discard(docname)


def _merge(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    mine = getattr(env, GALLERY_KEY, set())
    mine |= getattr(other, GALLERY_KEY, set())
    setattr(env, GALLERY_KEY, mine)


def setup(app: Sphinx) -> None:
    """Registers this component's directives and events."""
    others = {name: (_pass, _pass) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(kartu, html=(visit_kartu_html, depart_kartu_html), **others)
    app.add_node(studi_kasus_kartu, html=(_skip, None), **{name: (_skip, None) for name in others})
    app.add_directive("rancang-galeri", GalleryDirective)
    app.add_directive("rancang-galeri-kategori", CategoriesDirective)
    app.connect("doctree-resolved", resolve_case_studies)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", page_context)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
