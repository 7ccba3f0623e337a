"""The KIPP proposal draft of one innovation, as every output shows it.

For each aspect of the year's proposal (:mod:`rancang.assessment.kipp`) and each of its parts, the words the
profile gives, through :class:`rancang.present.innovation.InnovationView` so that they are the same words as on
the profile page and in a visit brief: a Markdown field as rich text, the structured facts (dates, indicators,
budget, innovators, agency, legal basis, replication) as one line each. A part the profile does not give has no
words, only the hint of what to write: nothing is made up. The word counts, limits and findings are the
assessment's (:func:`rancang.assessment.kipp.assess`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rancang import richtext
from rancang.assessment.kipp import AspectAssessment, KippCatalogue, Prefill, assess, percent, quoted_keys
from rancang.language.wording import partial_date
from rancang.layout import INNOVATIONS
from rancang.models.project_data import ProjectData
from rancang.models.innovation import Stage
from rancang.present.innovation import InnovationView

NARRATIVE_KEYS = {
    "ringkasan": "summary", "masalah": "problem", "tujuan": "purpose", "kebaruan": "novelty", "langkah": "steps",
    "solusi": "solution", "rancang_bangun": "design", "hasil": "results", "manfaat": "benefits",
    "faktor_pendorong": "drivers", "faktor_penghambat": "obstacles",
}
"""Profile keys that are Markdown, with the attribute of :class:`InnovationView` narratives."""

DRAFT_NOTE = ("Draf ini disusun oleh rancang dari basis pengetahuan ({path}). Teks setiap aspek diambil apa adanya "
              "dari profil inovasi; bagian yang bertanda \"Untuk diisi penulis\" belum ada di profil dan harus "
              "ditulis sendiri sebelum proposal dikirim. Uraian \"Yang ditanyakan\" adalah ringkasan rancang, bukan "
              "kutipan pedoman. Periksa juga susunan aspek, bobot, dan batas kata pada petunjuk teknis KIPP tahun "
              "lomba.")
PLACEHOLDER_LABEL = "Untuk diisi penulis"
NO_LIMIT = "batas kata belum dikonfirmasi"


@dataclass(frozen=True)
class PartView:
    prefill: Prefill
    lines: tuple[str, ...]
    """Structured facts, one line each (``Penerapan: 2019``, an indicator, a budget year)."""
    rich: tuple[richtext.RichText, ...]
    """Markdown fields, in order."""

    @property
    def title(self) -> str:
        return self.prefill.title

    @property
    def missing(self) -> bool:
        return not self.lines and not self.rich

    @property
    def plain(self) -> str:
        """The words of this part as counted: its lines, then its rich text without markup."""
        return "\n".join([*self.lines, *(richtext.plain(tree) for tree in self.rich)])

    def placeholder(self, path: str) -> str:
        """The paragraph that marks this part for the author: what to write, and which key of the profile
        would fill it."""
        keys = quoted_keys(self.prefill.key)
        noun = "Kunci" if self.prefill.key != "tanggal" else "Kunci-kunci"
        return f"{PLACEHOLDER_LABEL}: {self.prefill.hint} ({noun} {keys} belum diisi di {path}.)"


@dataclass(frozen=True)
class AspectView:
    number: int
    parts: tuple[PartView, ...]
    assessment: AspectAssessment

    @property
    def aspect(self):
        return self.assessment.aspect

    @property
    def heading(self) -> str:
        """``5. Signifikansi``."""
        return f"{self.number}. {self.aspect.title}"

    @property
    def weight(self) -> str:
        return percent(self.aspect.weight)

    @property
    def count_line(self) -> str:
        """``Bobot 30% · 57 kata dari batas 200 kata``, ``... · 57 kata (batas kata belum dikonfirmasi)``, or
        ``... · 230 kata dari batas 200 kata: MELEBIHI BATAS 30 kata``."""
        words = self.assessment.words
        limit = self.assessment.limit
        head = f"Bobot {self.weight} · "
        if limit is None:
            return head + f"{words} kata ({NO_LIMIT})"
        line = head + f"{words} kata dari batas {limit} kata"
        if self.assessment.over_by:
            line += f": MELEBIHI BATAS {self.assessment.over_by} kata"
        return line

    @property
    def over(self) -> bool:
        return bool(self.assessment.over_by)

    @property
    def limit_text(self) -> str:
        return str(self.assessment.limit) if self.assessment.limit is not None else "belum dikonfirmasi"


@dataclass(frozen=True)
class ProposalView:
    record_id: str
    innovation: InnovationView
    catalogue: KippCatalogue
    aspects: tuple[AspectView, ...]
    agency: str
    region: str
    profile_path: str

    @property
    def title(self) -> str:
        return f"PROPOSAL {self.catalogue.competition.upper()} {self.catalogue.year}"

    @property
    def group(self) -> str:
        return f"Kelompok {self.catalogue.group}"

    @property
    def header(self) -> str:
        return f"Draf proposal KIPP {self.catalogue.year}: {self.innovation.name}"

    @property
    def note(self) -> str:
        return DRAFT_NOTE.format(path=self.profile_path)

    @property
    def total_words(self) -> int:
        return sum(a.assessment.words for a in self.aspects)

    @property
    def assessments(self) -> list[AspectAssessment]:
        return [a.assessment for a in self.aspects]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(s.title + (f": {s.url}" if s.url else "") for s in self.catalogue.sources)


def part(view: InnovationView, prefill: Prefill) -> PartView:
    """What the profile gives for one part of an aspect."""
    key = prefill.key
    record = view.record
    lines: list[str] = []
    rich: list[richtext.RichText] = []
    if key in NARRATIVE_KEYS:
        narrative = view.narrative_of(NARRATIVE_KEYS[key])
        if narrative is not None:
            rich.append(narrative.tree)
    elif key == "tanggal":
        for label, value in ((Stage.INITIATIVE.label, record.started), (Stage.TRIAL.label, record.trial_date),
                             (Stage.IMPLEMENTATION.label, record.implementation_date)):
            if value is not None:
                lines.append(f"{label}: {partial_date(value)}")
    elif key == "indikator":
        lines.extend(indicator.text for indicator in view.indicators)
    elif key == "anggaran":
        lines.extend(budget.text for budget in view.budget)
    elif key == "inovator":
        lines.extend(record.innovators)
    elif key == "perangkat_daerah":
        if view.agency_name:
            lines.append(view.agency_name + (f", {record.unit}" if record.unit else ""))
    elif key == "dasar_hukum":
        lines.extend(line.text for line in view.legal_basis)
    elif key == "replikasi":
        replication = view.replication
        if replication is not None:
            lines.extend(f"Direplikasi oleh: {entry}" for entry in replication.adopters)
            lines.extend(f"Mereplikasi dari: {entry}" for entry in replication.origin)
            rich.extend(n.tree for n in (replication.requirements, replication.lessons) if n is not None)
    else:  # pragma: no cover - the catalogue's keys are checked against PROFILE_KEYS
        raise KeyError(key)
    return PartView(prefill, tuple(line for line in lines if line.strip()), tuple(rich))


def proposal(record_id: str, data: ProjectData, catalogue: KippCatalogue) -> ProposalView:
    """The proposal draft of the innovation ``record_id`` of ``data`` for ``catalogue``'s year."""
    view = InnovationView(record_id, data.innovations[record_id], data)
    aspects = []
    for number, aspect in enumerate(catalogue.aspects, start=1):
        parts = tuple(part(view, prefill) for prefill in aspect.prefill)
        assessment = assess(aspect, {p.prefill.key: p.plain for p in parts})
        aspects.append(AspectView(number, parts, assessment))
    settings = data.settings
    region = view.region or (f"{settings.region_full_name}, Provinsi {settings.region.province}"
                             if settings is not None else "")
    path = f"{INNOVATIONS}/{record_id}.yaml"  # as the project names it, wherever rancang runs from
    return ProposalView(record_id, view, catalogue, tuple(aspects), view.agency_name or "", region, path)
