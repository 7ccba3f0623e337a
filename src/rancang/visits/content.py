"""What a study-visit brief and report say, built from the visit and the knowledge base.

The brief follows the conventional outline of a bahan kunjungan kerja / KAK
(pendahuluan, waktu dan tempat, para pihak, peserta, agenda, materi per
inovasi, pertanyaan kunci, keluaran, penutup); the report that of a laporan
hasil kunjungan kerja (pendahuluan, pelaksanaan, hasil, kesimpulan, rencana
tindak lanjut, penutup). Facts of each innovation come from its profile, so
they are written once. A fact that is not in the data is said to be missing,
never guessed.
"""

from __future__ import annotations

from babel.numbers import format_currency

from rancang.language.citation import cite
from rancang.language.numbering import letter, long_date, month_year, roman, weekday_date
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.innovation import Innovation
from rancang.models.visit import Role, Side, Visit
from rancang.language.wording import FORM_WORDS, KIND_WORDS, STAGE_WORDS, STATUS_WORDS, number, partial_date
from rancang.visits.blocks import Block, Bullets, Heading, KeyValues, Para, Table, VisitDocument

MISSING = "belum tercatat dalam direktori"


def visit_date(visit: Visit) -> str:
    """``Jumat, 4 Juni 2021`` (or ``Jumat, 4 Juni 2021 sampai Sabtu, 5 Juni 2021``)."""
    text = _day(visit.date)
    if visit.end_date is not None and visit.end_date != visit.date:
        text += f" sampai {_day(visit.end_date)}"
    return text


def _day(value: PartialDate) -> str:
    if value.day:
        return weekday_date(value.as_date())
    if value.month:
        return month_year(value.year, value.month)
    return str(value.year)


def parties(visit: Visit, data: ProjectData) -> tuple[str, str]:
    """(host, guest) names."""
    ours = f"Pemerintah {data.settings.region_full_name}"
    other = visit.other_party.name
    return (ours, other) if visit.role is Role.HOST else (other, ours)


def subtitle(visit: Visit, data: ProjectData) -> str:
    host, guest = parties(visit, data)
    place = data.settings.region_full_name if visit.role is Role.HOST else (visit.other_party.region or host)
    title = visit.title or f"Kunjungan Kerja {guest} ke {place}"
    return f"{title}\n{visit_date(visit)}"


def running_header(kind: str, visit: Visit, data: ProjectData) -> str:
    """Short enough for one line: ``Bahan Kunjungan Kerja · DPRD Kabupaten ... · 4 Juni 2021``."""
    day = long_date(visit.date.as_date()) if visit.date.day else str(visit.date)
    return f"{kind} · {visit.other_party.name} · {day}"  # the counterpart, whichever role we have


def paragraphs(text: str) -> list[Para]:
    """Free text split at blank lines; every character kept."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [Para(b) for b in blocks if b.strip()]


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


def _person_side(side: Side, visit: Visit, data: ProjectData) -> str:
    return f"Pemerintah {data.settings.region_full_name}" if side is Side.OURS else visit.other_party.name


def _participants(visit: Visit, data: ProjectData) -> Table:
    rows = tuple(
        (str(i), p.name or "-", p.position or "-", _person_side(p.side, visit, data), p.role or "-")
        for i, p in enumerate(visit.participants, start=1)
    )
    return Table(("No.", "Nama", "Jabatan", "Pihak", "Peran"), rows, (1.2, 3.4, 3.9, 3.5, 3.0))


def _agenda(visit: Visit, data: ProjectData) -> Table:
    rows = []
    for i, item in enumerate(visit.agenda, start=1):
        when = item.time or "-"
        if item.date is not None and item.date != visit.date:
            when = f"{_day(item.date)}, {when}" if item.time else _day(item.date)
        activity = item.activity
        if item.innovation and item.innovation in data.innovations:
            activity += f" ({data.innovations[item.innovation].name})"
        rows.append((str(i), when, activity, item.speaker or "-", item.place or visit.place or "-"))
    return Table(("No.", "Waktu", "Kegiatan", "Penyaji", "Tempat"), tuple(rows), (1.2, 2.3, 6.0, 3.4, 2.6))


def _time_and_place(visit: Visit) -> KeyValues:
    rows = [("Hari/tanggal", visit_date(visit)), ("Tempat", visit.place or MISSING)]
    if visit.funding:
        rows.append(("Sumber dana", visit.funding))
    return KeyValues(tuple(rows))


def innovation_blocks(innovation: Innovation, data: ProjectData) -> list[Block]:
    """What the visitors should know of one innovation, from its profile."""
    agency = data.agencies.get(innovation.agency) if innovation.agency else None
    facts = (
        ("Perangkat daerah", agency.name if agency else MISSING),
        ("Bentuk", FORM_WORDS[innovation.form.value] if innovation.form else MISSING),
        ("Jenis", KIND_WORDS[innovation.kind.value] if innovation.kind else MISSING),
        ("Urusan", ", ".join(innovation.affairs) or MISSING),
        ("Tahapan", STAGE_WORDS[innovation.stage.value] if innovation.stage else MISSING),
        ("Mulai uji coba", partial_date(innovation.trial_date) or MISSING),
        ("Mulai penerapan", partial_date(innovation.implementation_date) or MISSING),
        ("Status", STATUS_WORDS[innovation.status.value] if innovation.status else MISSING),
    )
    blocks: list[Block] = [KeyValues(facts)]
    for text in (innovation.summary, innovation.problem, innovation.solution):
        if text:
            blocks.extend(paragraphs(text))

    blocks.append(Heading(3, "Dasar hukum"))
    legal = []
    for ref in innovation.legal_basis:
        if ref.id and ref.id in data.catalogue:
            legal.append(cite(data.catalogue[ref.id], data.catalogue))
        elif ref.regulation and ref.regulation in data.regulations:
            regulation = data.regulations[ref.regulation]
            words = f"{data.settings.regulation_name} tentang {regulation.title}"
            legal.append(f"Rancangan {words}" if regulation.is_draft else words)
        elif ref.description:
            legal.append(ref.description)
    blocks.append(Bullets(tuple(legal)) if legal else Para(f"Dasar hukum {MISSING}.", note=True))

    blocks.append(Heading(3, "Anggaran"))
    if innovation.budget:
        items = []
        for budget in sorted(innovation.budget, key=lambda b: b.year):
            amount = format_currency(budget.amount, "IDR", locale="id") if budget.amount is not None else "jumlah " \
                + MISSING
            items.append(f"{budget.year}: {amount}" + (f" ({budget.source})" if budget.source else ""))
        blocks.append(Bullets(tuple(items)))
    else:
        blocks.append(Para(f"Anggaran {MISSING}.", note=True))

    blocks.append(Heading(3, "Hasil"))
    if innovation.results:
        blocks.extend(paragraphs(innovation.results))
    if innovation.indicators:
        rows = tuple((ind.name, ind.unit or "-", _measure(ind.baseline), _measure(ind.result))
                     for ind in innovation.indicators)
        blocks.append(Table(("Indikator", "Satuan", "Awal", "Hasil"), rows, (6.0, 3.0, 3.5, 3.5)))
    if not innovation.results and not innovation.indicators:
        blocks.append(Para(f"Hasil terukur {MISSING}.", note=True))

    if innovation.awards:
        blocks.append(Heading(3, "Penghargaan"))
        blocks.append(Bullets(tuple(
            f"{a.year}: {a.name}" + (f" ({a.giver})" if a.giver else "") for a in sorted(innovation.awards,
                                                                                        key=lambda a: a.year))))

    replication = innovation.replication
    blocks.append(Heading(3, "Replikasi"))
    if replication and (replication.requirements or replication.lessons or replication.origin or replication.adopters):
        if replication.origin:
            blocks.append(Para("Mereplikasi dari: " + "; ".join(e.region for e in replication.origin)))
        if replication.adopters:
            blocks.append(Para("Direplikasi oleh: " + "; ".join(e.region for e in replication.adopters)))
        if replication.requirements:
            blocks.append(Para("Prasyarat replikasi:"))
            blocks.extend(paragraphs(replication.requirements))
        if replication.lessons:
            blocks.append(Para("Pelajaran:"))
            blocks.extend(paragraphs(replication.lessons))
    else:
        blocks.append(Para(f"Prasyarat replikasi dan pelajaran {MISSING}.", note=True))
    return blocks


def _measure(value) -> str:
    if value is None:
        return "-"
    text = number(value.value)
    if value.year:
        text += f" ({value.year})"
    if value.note:
        text += f", {value.note}"
    return text


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
        innovation = data.innovations.get(innovation_id)
        if innovation is None:
            continue
        outline.section_heading(innovation.name)
        outline.add(*innovation_blocks(innovation, data))
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
    return VisitDocument("BAHAN KUNJUNGAN KERJA", subtitle(visit, data), running_header("Bahan Kunjungan Kerja",
                                                                                         visit, data), outline.blocks)


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
        innovation = data.innovations.get(result.innovation) if result.innovation else None
        if innovation is not None:
            agency = data.agencies.get(innovation.agency) if innovation.agency else None
            outline.add(KeyValues((("Inovasi", innovation.name),
                                   ("Perangkat daerah", agency.name if agency else MISSING),
                                   ("Tahapan", STAGE_WORDS[innovation.stage.value] if innovation.stage else MISSING))))
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
    return VisitDocument("LAPORAN HASIL KUNJUNGAN KERJA", subtitle(visit, data),
                         running_header("Laporan Hasil Kunjungan Kerja", visit, data), outline.blocks)


def _due(value: PartialDate | None) -> str:
    if value is None:
        return "-"
    if value.day:
        return long_date(value.as_date())
    return partial_date(value)
