"""Foreign terms that regional regulations often write upright: the data of rule L590.

A foreign term in a regulation is printed in italics (``*ad hoc*`` in the YAML), or -- better, when Indonesian
has an established word for it -- replaced by that word. Each entry gives the forms of the term as written
(lower case; a space matches any white space, case is ignored) and, when there is one, the Indonesian word to
suggest instead (the forms of KBBI and the Badan Bahasa glossaries: ``daring``, ``luring``, ``surel``,
``unggah``, ``unduh``, ``pemangku kepentingan``, ``alih daya``, ``keadaan kahar`` ...).

Kept small and curated: only terms that are foreign in every sense. Words that Indonesian has absorbed and
KBBI lists as Indonesian (``platform``, ``internet``, ``data``, ``digital``, ``aplikasi``, ``web`` in ``situs
web``) are not here, and neither are words that are also ordinary Indonesian words. Regional-language terms
(which are italicised too) cannot be listed for every region; an author writes them ``*...*``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ForeignTerm:
    forms: tuple[str, ...]
    """As written, lower case: ``("website", "web site")``."""
    indonesian: str | None = None
    """The Indonesian word to write instead, if there is an established one."""


TERMS: tuple[ForeignTerm, ...] = (
    # Latin and French phrases of legal writing: kept, in italics
    ForeignTerm(("ad hoc",)),
    ForeignTerm(("de facto",)),
    ForeignTerm(("de jure",)),
    ForeignTerm(("status quo",)),
    ForeignTerm(("force majeure",), "keadaan kahar"),
    # government and management
    ForeignTerm(("e-government",), "pemerintahan berbasis elektronik"),
    ForeignTerm(("good governance",), "tata kelola pemerintahan yang baik"),
    ForeignTerm(("smart city",), "kota cerdas"),
    ForeignTerm(("stakeholder", "stakeholders"), "pemangku kepentingan"),
    ForeignTerm(("reward",), "penghargaan"),
    ForeignTerm(("punishment",), "sanksi"),
    ForeignTerm(("roadmap", "road map"), "peta jalan"),
    ForeignTerm(("best practice", "best practices"), "praktik terbaik"),
    ForeignTerm(("outsourcing",), "alih daya"),
    ForeignTerm(("monitoring",), "pemantauan"),
    ForeignTerm(("feedback",), "umpan balik"),
    ForeignTerm(("workshop",), "lokakarya"),
    ForeignTerm(("focus group discussion",), "diskusi kelompok terpumpun"),
    ForeignTerm(("pilot project",), "proyek percontohan"),
    ForeignTerm(("one stop service",), "pelayanan terpadu satu pintu"),
    ForeignTerm(("deadline",), "tenggat waktu"),
    ForeignTerm(("startup", "start-up"), "perusahaan rintisan"),
    ForeignTerm(("output",), "keluaran"),
    ForeignTerm(("outcome",), "hasil"),
    # information technology
    ForeignTerm(("online",), "daring (dalam jaringan)"),
    ForeignTerm(("offline",), "luring (luar jaringan)"),
    ForeignTerm(("website", "web site"), "laman atau situs web"),
    ForeignTerm(("database",), "basis data"),
    ForeignTerm(("dashboard",), "dasbor"),
    ForeignTerm(("call center", "call centre"), "pusat panggilan"),
    ForeignTerm(("hotline",)),
    ForeignTerm(("helpdesk", "help desk"), "meja bantuan"),
    ForeignTerm(("e-mail", "email"), "surel (surat elektronik)"),
    ForeignTerm(("upload",), "unggah"),
    ForeignTerm(("download",), "unduh"),
    ForeignTerm(("update",), "pemutakhiran"),
    ForeignTerm(("link",), "tautan"),
    ForeignTerm(("password",), "kata sandi"),
    ForeignTerm(("username",), "nama pengguna"),
    ForeignTerm(("software",), "perangkat lunak"),
    ForeignTerm(("hardware",), "perangkat keras"),
    ForeignTerm(("gadget",), "gawai"),
    ForeignTerm(("cloud computing",), "komputasi awan"),
    ForeignTerm(("big data",), "mahadata"),
    ForeignTerm(("e-procurement",), "pengadaan secara elektronik"),
    ForeignTerm(("e-budgeting",)),
    ForeignTerm(("e-planning",)),
)
