"""IID readiness on the site: ``{rancang-kesiapan-iid}`` (the page ``kb/kesiapan-iid.md``) and the "Kesiapan
IID" section of each profile page.

Everything shown comes from :mod:`rancang.assessment` (:func:`~rancang.assessment.readiness.region_readiness`,
its estimate, the catalogue the project uses); this module only counts what it lays out (how many innovations
have usable evidence for each indicator, for the chart) and formats numbers. Every number rancang works out of
the catalogue is an estimate and says so (:data:`rancang.assessment.catalogue.ESTIMATE_LABEL`, "perkiraan,
bukan nilai resmi BSKDN") wherever it is shown.

The page: the estimate (index, predicate, or why no predicate can be estimated and what is missing; what the
numbers rest on that is not confirmed), a static SVG bar chart of the innovations with usable evidence per SID
indicator (:mod:`rancang.site.charts`' figure, with its data table), the region's own (SPD) indicators, and
every innovation's readiness with a link to its profile. The markup is the Jinja template :data:`TEMPLATE`.

A profile page lists the indicators with evidence (level, document), with a problem, and without, the fields of
the IID form still missing, and the profile's estimated SID score -- as docutils nodes, like the rest of the
profile (:mod:`rancang.site.profile`), so that search finds them.

Incremental builds: what a page shows may change while no record does (an evidence file appears, or is replaced
by one too large). Each page notes a digest of the evidence files it relies on (:meth:`RancangDomain.note_shown`)
and :func:`_outdated` reads again the pages whose files changed; a changed profile or ``kb/iid.yaml`` renews
the readiness page (its digest includes the project's data fingerprint) and ``kb/iid.yaml`` every page (a
shared data file).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from rancang.assessment.catalogue import ESTIMATE_LABEL, confidence_words
from rancang.assessment.evidence import evidence_files
from rancang.assessment.readiness import (IndicatorStatus, InnovationReadiness, RegionReadiness,
                                          innovation_readiness, project_catalogue, region_readiness)
from rancang.language.wording import number
from rancang.layout import INNOVATION_DOCS, innovation_doc
from rancang.models.iid import Evidence, IidCatalogue
from rancang.site import charts, context, templated
from rancang.site.domain import RancangDomain

TEMPLATE = "rancang-kesiapan-iid.html"
"""The readiness page's content (in ``templates/``)."""

SHOWN = "kesiapan-iid"
"""What the pages note they show (:meth:`RancangDomain.note_shown`)."""

TITLE = "Kesiapan IID"

ESTIMATE_WORDS = f"({ESTIMATE_LABEL})"


# -- what a build shows -------------------------------------------------------------------------------------


def catalogue_of(env: Any) -> IidCatalogue:
    shared = context.of(env)
    return shared.once("iid-katalog", lambda: project_catalogue(shared.data)[0])


def region_of(env: Any) -> RegionReadiness:
    """The region's readiness of this build, worked out once."""
    shared = context.of(env)
    return shared.once("kesiapan-iid", lambda: region_readiness(shared.data, catalogue_of(env)))


def innovation_of(env: Any, record_id: str) -> InnovationReadiness | None:
    """One profile's readiness (None for a profile that is not loaded)."""
    shared = context.of(env)
    profile = shared.data.innovations.get(record_id)
    if profile is None:
        return None
    return innovation_readiness(record_id, profile, catalogue_of(env), shared.data.root)


def _files(root: Path, entries: Iterable[Evidence]) -> tuple:
    """(path, size, modification time) of every evidence file inside the project the entries name
    (:func:`rancang.assessment.evidence.evidence_files`), (path, None, None) when it is missing."""
    stamps = []
    for path in evidence_files(root, list(entries)):
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def digest(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def profile_digest(env: Any, record_id: str) -> str:
    data = context.of(env).data
    profile = data.innovations.get(record_id)
    return digest((catalogue_of(env).year, _files(data.root, profile.evidence if profile is not None else ())))


def page_digest(env: Any) -> str:
    data = context.of(env).data
    files = [_files(data.root, profile.evidence) for _id, profile in sorted(data.innovations.items())]
    files.append(_files(data.root, data.iid.evidence if data.iid is not None else ()))
    return digest((catalogue_of(env).year, data.fingerprint(), tuple(files)))


# -- words --------------------------------------------------------------------------------------------------


def score_words(score: float, maximum: float) -> str:
    """``74 dari 111``."""
    return f"{number(score)} dari {number(maximum)}"


def evidence_words(entry: Evidence) -> str:
    """``tingkat 3, berkas kb/bukti/sk.pdf: keterangan``."""
    text = f"tingkat {entry.level}, " + (f"berkas {entry.file}" if entry.file else f"tautan {entry.link}")
    return text + (f": {entry.note}" if entry.note else "")


# -- the profile page ---------------------------------------------------------------------------------------


def profile_section(env: Any, docname: str) -> nodes.section | None:
    """The "Kesiapan IID" section of the profile page ``docname`` (None for a profile that failed to load)."""
    record_id = docname[len(INNOVATION_DOCS):]
    readiness = innovation_of(env, record_id)
    if readiness is None:
        return None
    if any(entry.file for row in readiness.indicators for entry in row.entries) or readiness.stray:
        # only a page that relies on evidence files: most profiles have none, and the environment stays small
        RancangDomain.of(env).note_shown(docname, SHOWN, profile_digest(env, record_id))
    catalogue = catalogue_of(env)
    # kept out of the search index: every profile lists the same twenty indicator names, which would make a query
    # for "layanan", "anggaran" or "replikasi" find every profile
    part = nodes.section(ids=["kesiapan-iid"], names=["kesiapan-iid"], classes=["no-search"])
    part += nodes.title(TITLE, TITLE)
    rows = readiness.indicators
    ready = [row for row in rows if row.status is IndicatorStatus.READY]
    problems = [row for row in rows if row.status is IndicatorStatus.PROBLEM]
    missing = [row for row in rows if row.status is IndicatorStatus.MISSING]
    part += nodes.paragraph(text=(
        f"Bukti dukung indikator Indeks Inovasi Daerah per inovasi (aspek SID, katalog {catalogue.year}) yang "
        f"tercatat di profil ini: {len(ready)} dari {len(rows)} indikator."))
    part += nodes.paragraph(
        text=f"Skor SID perkiraan: {score_words(readiness.score, readiness.maximum)} {ESTIMATE_WORDS}.",
        classes=["rancang-perkiraan"])
    for label, group, classes in (("Sudah ada bukti", ready, "rancang-iid-ada"),
                                  ("Bukti bermasalah", problems, "rancang-iid-bermasalah")):
        if not group:
            continue
        part += nodes.paragraph(text=f"{label} ({len(group)}):", classes=["rancang-iid-judul"])
        items = nodes.bullet_list(classes=[classes])
        for row in group:
            para = nodes.paragraph(text=row.indicator.label + (" (wajib)" if row.mandatory else "") + ": ")
            para += nodes.Text("; ".join(evidence_words(entry) for entry in row.entries))
            if row.problems:
                para += nodes.Text(". Masalah: " + "; ".join(row.problems))
            items += nodes.list_item("", para)
        part += items
    if missing:
        part += nodes.paragraph(text=f"Belum ada bukti ({len(missing)}):", classes=["rancang-iid-judul"])
        part += nodes.paragraph(text=", ".join(row.indicator.label + (" (wajib)" if row.mandatory else "")
                                               for row in missing) + ".", classes=["rancang-iid-belum"])
    if readiness.form_fields:
        part += nodes.paragraph(text="Isian formulir IID yang belum lengkap: " + "; ".join(
            field.label + ("" if field.reason == "belum diisi" else f" ({field.reason})")
            for field in readiness.form_fields) + ".")
    if readiness.window.note:
        part += nodes.paragraph(text=f"Masa penerapan: {readiness.window.note}.")
    if readiness.stray:
        part += nodes.paragraph(text="Bukti yang bukan untuk indikator per inovasi: " + "; ".join(readiness.stray)
                                + ".")
    return part


# -- the readiness page -------------------------------------------------------------------------------------


def sid_chart(region: RegionReadiness) -> charts.Chart:
    """Per SID indicator: how many innovations have usable evidence (the catalogue's order)."""
    total = len(region.innovations)
    bars = []
    for index, indicator in enumerate(region.catalogue.sid):
        rows = [item.indicators[index] for item in region.innovations]
        ready = sum(1 for row in rows if row.status is IndicatorStatus.READY)
        bars.append(charts.Bar(indicator.label + (" (wajib)" if indicator.mandatory else ""), ready))
    return charts.Chart(
        "kesiapan-sid", "Inovasi yang memiliki bukti dukung, per indikator", "Indikator", "Jumlah inovasi",
        "inovasi", bars,
        f"Dari {total} profil inovasi. Bukti yang bermasalah (berkas tidak ada, jenis atau ukurannya tidak "
        "diterima) tidak dihitung.",
        note=f"Indikator aspek SID (per inovasi) katalog IID {region.catalogue.year}.")


def _status_view(row) -> dict[str, Any]:
    return {"indikator": row.indicator.label, "wajib": row.mandatory, "status": row.status.label,
            "jenis": row.status.value, "tingkat": row.level, "skor": number(row.score),
            "maksimum": number(row.maximum), "bukti": [evidence_words(entry) for entry in row.entries],
            "masalah": list(row.problems)}


def page_view(env: Any, docname: str, ident: str) -> dict[str, Any]:
    """What :data:`TEMPLATE` shows (see its header)."""
    shared = context.of(env)
    region = region_of(env)
    catalogue = region.catalogue
    estimate = region.estimate
    builder = shared.builder
    innovations = []
    for item in region.innovations:
        ready = sum(1 for row in item.indicators if row.status is IndicatorStatus.READY)
        innovations.append({
            "nama": item.name, "uri": builder.get_relative_uri(docname, innovation_doc(item.record_id)),
            "ada": ready, "jumlah": len(item.indicators),
            "wajib_belum": [indicator.label for indicator in item.missing_mandatory],
            "bermasalah": len(item.with_problems),
            "isian_belum": [field.label for field in item.form_fields],
            "skor": score_words(item.score, item.maximum),
            "dihitung": item.window.counted, "catatan_masa": item.window.note,
        })
    chart = sid_chart(region)
    return {
        "id": ident,
        "label": ESTIMATE_LABEL,
        "katalog": {"tahun": catalogue.year, "nama": catalogue.name, "dasar": catalogue.basis,
                    "keyakinan": confidence_words(catalogue.confidence)},
        "perkiraan": {
            "indeks": number(estimate.index), "predikat": estimate.predicate,
            "kurang": list(estimate.missing), "catatan": list(estimate.notes),
            "tidak_dihitung": [(shared.data.innovations[record_id].name if record_id in shared.data.innovations
                                else record_id, why) for record_id, why in estimate.excluded],
            "rincian": [
                ("Skor pemerintah daerah (SPD)", score_words(estimate.spd, estimate.spd_maximum)),
                ("Skor indikator inovasi (SID)", f"{number(estimate.sid_indicators)} dari "
                                                 f"{number(estimate.sid_indicators_maximum)} (jumlah skor "
                                                 f"{number(estimate.sid_sum)} dibagi {number(estimate.divisor)})"),
                ("Skor jumlah inovasi", f"{number(estimate.count_score)}"
                                        + (f" dari {number(estimate.count_maximum)}"
                                           if estimate.count_maximum is not None else "")
                                        + f" ({estimate.count} inovasi dihitung)"),
                ("Skor total", score_words(estimate.total, estimate.maximum)),
            ],
        },
        "grafik": charts.figure(builder, chart, f"{ident}-grafik"),
        "spd": [_status_view(row) for row in region.spd],
        "spd_berkas": region.has_region_file,
        "spd_ada": sum(1 for row in region.spd if row.status is IndicatorStatus.READY),
        "spd_skor": score_words(region.spd_score, catalogue.spd_maximum),
        "inovasi": innovations,
    }


class ReadinessDirective(SphinxDirective):
    """``{rancang-kesiapan-iid}``: the region's readiness for the IID, with the estimate."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        RancangDomain.of(self.env).note_shown(self.env.docname, SHOWN, page_digest(self.env))
        ident = f"rancang-kesiapan-iid-{self.env.new_serialno('rancang-kesiapan-iid')}"
        html = context.of(self.env).builder.templates.render(
            TEMPLATE, {"kesiapan": page_view(self.env, self.env.docname, ident)})
        return [templated.block(html)]


# -- incremental builds -------------------------------------------------------------------------------------


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """The pages whose evidence files (or, for the readiness page, records) changed since they were read."""
    domain = RancangDomain.of(env)
    outdated = set()
    for docname, noted in domain.shown(SHOWN).items():
        if docname.startswith(INNOVATION_DOCS):
            if noted != profile_digest(env, docname[len(INNOVATION_DOCS):]):
                outdated.add(docname)
        elif noted != page_digest(env):
            outdated.add(docname)
    return sorted((outdated & set(env.found_docs)) - added - changed - removed)


def setup(app: Sphinx) -> None:
    app.add_directive("rancang-kesiapan-iid", ReadinessDirective)
    app.connect("env-get-outdated", _outdated)
