"""What a study-visit brief and report say, built from the visit and the knowledge base.

The brief follows the conventional outline of a bahan kunjungan kerja / KAK
(pendahuluan, waktu dan tempat, para pihak, peserta, agenda, materi per
inovasi, pertanyaan kunci, keluaran, penutup); the report that of a laporan
hasil kunjungan kerja (pendahuluan, pelaksanaan, hasil, kesimpulan, rencana
tindak lanjut, penutup). Facts of each innovation come from its profile, through
the same view the site and the open data read
(:class:`rancang.present.innovation.InnovationView`), so they are written once and
shown alike everywhere. A fact that is not in the data is said to be missing,
never guessed.
"""

from __future__ import annotations

from rancang import richtext
from rancang.language.numbering import letter, long_date, roman
from rancang.language.wording import partial_date
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.innovation import Innovation
from rancang.models.visit import Role, Visit
from rancang.present.innovation import UNKNOWN, InnovationView, Narrative
from rancang.present.visit import day, parties, running_header, side_name, subtitle, visit_date
from rancang.present.visit import innovation as named_innovation
from rancang.visits.blocks import (
    Block,
    Bullets,
    Figure,
    Heading,
    KeyValues,
    Para,
    Rich,
    Signature,
    Table,
    VisitDocument,
)

__all__ = ["brief", "innovation_blocks", "parties", "report", "subtitle", "visit_date"]

MISSING = UNKNOWN
"""What a fact the data does not give says (the view's word, as on the site)."""

NOT_IN_DIRECTORY = f"{UNKNOWN} dalam direktori"
"""The end of a note for a part of a profile with nothing recorded: ``Anggaran belum tercatat dalam direktori.``"""


def paragraphs(text: str) -> list[Block]:
    """A field written in Markdown, parsed once (paragraphs, lists, tables, links, images); nothing when empty."""
    tree = richtext.parse(text)
    return [Rich(tree)] if tree.blocks else []


class _Outline:
    """Numbers the headings: I., II. for chapters; A., B. for sections (restarting per chapter)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.chapter = 0
        self.section = 0

    def chapter_heading(self, text: str) -> None:
        self.chapter += 1
        self.section = 0
        self.blocks.append(Heading(1, f"{roman(self.chapter)}. {text.upper()}"))

    def section_heading(self, text: str) -> None:
        self.section += 1
        self.blocks.append(Heading(2, f"{letter(self.section).upper()}. {text}"))

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def _participants(visit: Visit, data: ProjectData) -> Table:
    rows = tuple(
        (str(i), p.name or "-", p.position or "-", side_name(p.side, visit, data), p.role or "-")
        for i, p in enumerate(visit.participants, start=1)
    )
    return Table(("No.", "Nama", "Jabatan", "Pihak", "Peran"), rows, (1.2, 3.4, 3.9, 3.5, 3.0))


def spans_days(visit: Visit) -> bool:
    """The visit lasts more than one day (``sampai`` after ``tanggal``), or its agenda names another day."""
    if visit.end_date is not None and visit.end_date != visit.date:
        return True
    return any(item.date is not None and item.date != visit.date for item in visit.agenda)


def _agenda(visit: Visit, data: ProjectData) -> Table:
    """The agenda; a visit of several days gets a date column ("-" for a session whose ``tanggal`` is not given:
    which day it falls on is not guessed)."""
    several_days = spans_days(visit)
    rows = []
    for i, item in enumerate(visit.agenda, start=1):
        activity = item.activity
        found = named_innovation(item.innovation, data) if item.innovation else None
        if found is not None:
            activity += f" ({found.view.name})"
        when = (day(item.date) if item.date is not None else "-",) if several_days else ()
        rows.append((str(i), *when, item.time or "-", activity, item.speaker or "-", item.place or visit.place or "-"))
    if several_days:
        return Table(("No.", "Tanggal", "Waktu", "Kegiatan", "Penyaji", "Tempat"), tuple(rows),
                     (1.1, 2.6, 2.3, 4.3, 2.5, 2.7))
    return Table(("No.", "Waktu", "Kegiatan", "Penyaji", "Tempat"), tuple(rows), (1.2, 2.3, 6.0, 3.4, 2.6))


def _time_and_place(visit: Visit) -> KeyValues:
    rows = [("Hari/tanggal", visit_date(visit)), ("Tempat", visit.place or NOT_IN_DIRECTORY)]
    if visit.funding:
        rows.append(("Sumber dana", visit.funding))
    return KeyValues(tuple(rows))


def _rich(item: Narrative | None) -> list[Block]:
    return [Rich(item.tree)] if item is not None and item.tree.blocks else []


def _titled(item: Narrative | None) -> list[Block]:
    """A narrative under its own heading (the view's title); nothing when the profile does not give it."""
    blocks = _rich(item)
    return [Heading(3, item.title), *blocks] if item is not None and blocks else []


def innovation_blocks(innovation: Innovation | InnovationView, data: ProjectData) -> list[Block]:
    """What the visitors should know of one innovation: its view's facts (with the region), summary, problem and
    solution, process steps, images, legal basis, budget, results and indicators, driving and hindering factors,
    awards, replication and contact, in the view's words and order. Steps, factors, awards and contact are shown
    when the profile gives them."""
    view = innovation if isinstance(innovation, InnovationView) else InnovationView("", innovation, data)
    blocks: list[Block] = [KeyValues(tuple((fact.label, fact.value) for fact in view.facts))]
    for key in ("summary", "problem", "solution"):
        blocks.extend(_rich(view.narrative_of(key)))
    blocks.extend(_titled(view.narrative_of("steps")))
    for image in view.images:
        blocks.append(Figure(image.path, image.caption, image.credit))

    blocks.append(Heading(3, "Dasar hukum"))
    blocks.append(Bullets(tuple(line.text for line in view.legal_basis)) if view.legal_basis else
                  Para(f"Dasar hukum {NOT_IN_DIRECTORY}.", note=True))

    blocks.append(Heading(3, "Anggaran"))
    blocks.append(Bullets(tuple(budget.text for budget in view.budget)) if view.budget else
                  Para(f"Anggaran {NOT_IN_DIRECTORY}.", note=True))

    blocks.append(Heading(3, "Hasil"))
    results = _rich(view.narrative_of("results"))
    blocks.extend(results)
    if view.indicators:
        rows = tuple((ind.name, ind.baseline or UNKNOWN, ind.result or UNKNOWN, ind.change or "-")
                     for ind in view.indicators)
        blocks.append(Table(("Indikator", "Awal", "Hasil", "Perubahan"), rows, (4.6, 3.8, 3.8, 3.8)))
    if not results and not view.indicators:
        blocks.append(Para(f"Hasil terukur {NOT_IN_DIRECTORY}.", note=True))

    for key in ("drivers", "obstacles"):
        blocks.extend(_titled(view.narrative_of(key)))

    if view.awards:
        blocks.append(Heading(3, "Penghargaan"))
        blocks.append(Bullets(tuple(award.text for award in view.awards)))

    replication = view.replication
    blocks.append(Heading(3, "Replikasi"))
    if replication is not None:
        if replication.origin:
            blocks.append(Para("Mereplikasi dari: " + "; ".join(replication.origin)))
        if replication.adopters:
            blocks.append(Para("Direplikasi oleh: " + "; ".join(replication.adopters)))
        for note, label in ((replication.requirements, "Prasyarat replikasi:"), (replication.lessons, "Pelajaran:")):
            if note is not None:
                blocks.append(Para(label))
                blocks.extend(_rich(note))
    else:
        blocks.append(Para(f"Prasyarat replikasi dan pelajaran {NOT_IN_DIRECTORY}.", note=True))

    if view.contacts:
        blocks.append(Heading(3, "Kontak"))
        blocks.append(KeyValues(tuple((line.label, line.value) for line in view.contacts)))
    return blocks


def _introduction(outline: _Outline, visit: Visit, data: ProjectData) -> None:
    host, guest = parties(visit, data)
    outline.section_heading("Latar Belakang")
    if visit.background:
        outline.add(*paragraphs(visit.background))
    else:
        outline.add(Para(f"{guest} melakukan kunjungan kerja ke {host}."))
    outline.section_heading("Dasar")
    outline.add(Bullets(tuple(visit.basis), numbered=True) if visit.basis else
                Para("Dasar pelaksanaan (surat undangan, surat perintah tugas, atau DPA) belum dicatat.", note=True))
    outline.section_heading("Maksud dan Tujuan")
    if visit.purpose:
        outline.add(*paragraphs(visit.purpose))
    if visit.objectives:
        outline.add(Bullets(tuple(visit.objectives), numbered=True))
    if not visit.purpose and not visit.objectives:
        outline.add(Para("Maksud dan tujuan kunjungan belum dicatat.", note=True))


def brief(visit: Visit, data: ProjectData) -> VisitDocument:
    """Bahan kunjungan kerja: for hosting (tuan rumah) or for visiting (tamu)."""
    host, guest = parties(visit, data)
    outline = _Outline()
    outline.chapter_heading("Pendahuluan")
    _introduction(outline, visit, data)

    outline.chapter_heading("Waktu dan Tempat")
    outline.add(_time_and_place(visit))

    outline.chapter_heading("Para Pihak dan Narahubung")
    contacts = [p for p in visit.participants if p.contact_person]
    rows = [("Tuan rumah", host), ("Tamu", guest)]
    for person in contacts:
        details = ", ".join(x for x in (person.position, person.phone, person.email) if x)
        rows.append(("Narahubung", f"{person.name or person.position}" + (f" ({details})" if details and person.name
                                                                            else "")))
    outline.add(KeyValues(tuple(rows)))
    if not contacts:
        outline.add(Para("Narahubung belum dicatat.", note=True))

    outline.chapter_heading("Peserta")
    outline.add(_participants(visit, data) if visit.participants else Para("Peserta belum dicatat.", note=True))

    outline.chapter_heading("Agenda")
    outline.add(_agenda(visit, data) if visit.agenda else Para("Susunan acara belum dicatat.", note=True))

    outline.chapter_heading("Profil Inovasi" if visit.role is Role.HOST else "Inovasi yang Dipelajari")
    for innovation_id in visit.innovations:
        found = named_innovation(innovation_id, data)
        if found is None:
            continue
        outline.section_heading(found.view.name)
        if found.attribution:
            outline.add(Para(found.attribution, note=True))
        outline.add(*innovation_blocks(found.view, data))
    if not visit.innovations:
        outline.add(Para("Belum ada inovasi yang dipilih.", note=True))

    outline.chapter_heading("Pertanyaan Kunci")
    if visit.role is Role.HOST:
        outline.add(Para("Pertanyaan yang mungkin diajukan tamu dan perlu disiapkan jawabannya:"))
    outline.add(Bullets(tuple(visit.key_questions), numbered=True) if visit.key_questions else
                Para("Pertanyaan kunci belum dicatat.", note=True))

    outline.chapter_heading("Keluaran yang Diharapkan")
    outline.add(Bullets(tuple(visit.expected_outputs)) if visit.expected_outputs else
                Para("Keluaran yang diharapkan belum dicatat.", note=True))

    outline.chapter_heading("Penutup")
    outline.add(Para("Demikian bahan kunjungan kerja ini disusun sebagai acuan pelaksanaan kegiatan."))
    if visit.sources:
        outline.add(Heading(3, "Sumber"), Bullets(tuple(visit.sources)))
    return VisitDocument("BAHAN KUNJUNGAN KERJA", subtitle(visit, data),
                         running_header("Bahan Kunjungan Kerja", visit), outline.blocks)


def report(visit: Visit, data: ProjectData) -> VisitDocument:
    """Laporan hasil kunjungan kerja, from the same file with the results added."""
    outline = _Outline()
    outline.chapter_heading("Pendahuluan")
    _introduction(outline, visit, data)
    outline.section_heading("Waktu dan Tempat")
    outline.add(_time_and_place(visit))
    outline.section_heading("Peserta")
    outline.add(_participants(visit, data) if visit.participants else Para("Peserta belum dicatat.", note=True))

    outline.chapter_heading("Pelaksanaan")
    outline.add(_agenda(visit, data) if visit.agenda else Para("Susunan acara belum dicatat.", note=True))

    outline.chapter_heading("Hasil Kunjungan")
    for result in visit.results:
        outline.section_heading(result.title)
        outline.add(*paragraphs(result.description))
        found = named_innovation(result.innovation, data) if result.innovation else None
        if found is not None:
            view = found.view
            outline.add(KeyValues((("Inovasi", view.name),
                                   *((fact.label, fact.value) for fact in view.facts
                                     if fact.key in ("perangkat-daerah", "tahapan")))))
            if found.attribution:
                outline.add(Para(found.attribution, note=True))
    if not visit.results:
        outline.add(Para("Hasil kunjungan belum diisi (kunci 'hasil').", note=True))

    outline.chapter_heading("Kesimpulan")
    outline.add(Bullets(tuple(visit.conclusions), numbered=True) if visit.conclusions else
                Para("Kesimpulan belum diisi (kunci 'kesimpulan').", note=True))

    outline.chapter_heading("Rencana Tindak Lanjut")
    if visit.follow_up:
        rows = tuple((str(i), f.action, f.owner or "-", _due(f.due)) for i, f in enumerate(visit.follow_up, start=1))
        outline.add(Table(("No.", "Kegiatan", "Penanggung jawab", "Tenggat"), rows, (1.2, 7.8, 3.8, 2.7)))
    else:
        outline.add(Para("Rencana tindak lanjut belum diisi (kunci 'tindak_lanjut').", note=True))

    outline.chapter_heading("Penutup")
    outline.add(Para("Demikian laporan hasil kunjungan kerja ini disampaikan untuk menjadi bahan tindak lanjut."))
    if visit.sources:
        outline.add(Heading(3, "Sumber"), Bullets(tuple(visit.sources)))
    outline.add(_reporter(visit))
    return VisitDocument("LAPORAN HASIL KUNJUNGAN KERJA", subtitle(visit, data),
                         running_header("Laporan Hasil Kunjungan Kerja", visit), outline.blocks)


REPORTER_MISSING = "Pelapor yang menandatangani laporan belum diisi (kunci 'pelapor': nama, jabatan, nip)."


def _reporter(visit: Visit) -> Block:
    """The reporter's signature block that ends the report (nothing invented: a note when ``pelapor`` is not
    given)."""
    reporter = visit.reporter
    if reporter is None:
        return Para(REPORTER_MISSING, note=True)
    above = ("Yang melaporkan,", *((reporter.position,) if reporter.position else ()))
    return Signature(above, reporter.name, (f"NIP {reporter.nip}",) if reporter.nip else ())


def _due(value: PartialDate | None) -> str:
    if value is None:
        return "-"
    if value.day:
        return long_date(value.as_date())
    return partial_date(value)
