"""Rules for the knowledge base: what the Indeks Inovasi Daerah (IID) form and
case libraries will ask of an innovation profile (``kb/inovasi/<id>.yaml``).

These are warnings, not errors: a profile may start small and leaves an unknown
fact out rather than guessing it (see :mod:`rancang.models.innovation`). The
confidence marks [H]/[M]/[L] in the rationales are those of the domain notes
(``innovation-domain.md``): high, medium, low.
"""

from __future__ import annotations

import re

from typing import Iterator

from rancang.assessment.evidence import project_catalogue
from rancang.diagnostics import Diagnostic, Severity
from rancang.lint.context import LintContext, diagnostic, quote
from rancang.lint.registry import Example, rule
from rancang.models.base import PartialDate
from rancang.models.iid import Aspect
from rancang.models.innovation import Innovation, Stage
from rancang.locations import locate

WARNING = Severity.WARNING


def _key(model: Innovation, attribute: str) -> str:
    """The Indonesian YAML key of a field."""
    return type(model).model_fields[attribute].alias or attribute


def _empty(value: object) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _profiles(context: LintContext) -> Iterator[tuple[str, Innovation]]:
    yield from sorted(context.data.innovations.items())


# -- L600 ---------------------------------------------------------------------

_FORM_FIELDS = (
    "agency", "initiator", "form", "kind", "affairs", "stage", "trial_date", "implementation_date", "design",
    "purpose", "benefits", "results",
)
"""In the order of the model (and of a profile file)."""

_TRIAL_STAGES = {Stage.TRIAL, Stage.IMPLEMENTATION}
_ONLY_IMPLEMENTED = {"implementation_date", "results"}
_WHEN = {"trial_date": "uji_coba, penerapan", "implementation_date": "penerapan", "results": "penerapan"}
"""The stages at which the form asks for a stage-dependent field."""


def _asked(attribute: str, stage: Stage | None) -> bool | None:
    """Whether the IID form asks for the field at this stage (None: depends on an unknown stage)."""
    if attribute == "trial_date":
        return None if stage is None else stage in _TRIAL_STAGES
    if attribute in _ONLY_IMPLEMENTED:
        return None if stage is None else stage is Stage.IMPLEMENTATION
    return True


@rule(
    "L600", "Profil inovasi belum memuat isian formulir IID", WARNING,
    "Formulir profil inovasi pada aplikasi Indeks Inovasi Daerah (Permendagri 104/2018) meminta tahapan "
    "(inisiatif, uji coba, penerapan), inisiator, jenis (digital atau non-digital), bentuk, urusan pemerintahan, "
    "tanggal uji coba, tanggal penerapan, rancang bangun dan pokok perubahan, tujuan, manfaat, dan hasil "
    "(daftar dari formulir daerah yang menyalin formulir IID, keyakinan sedang [M]); bentuk, rancang bangun, "
    "tujuan, dan manfaat juga isi usulan inovasi menurut PP 38/2017 [H]. Perangkat daerah pelaksana diminta "
    "pustaka kasus (basis data inovasi LAN: nama_instansi, unit_instansi [H]). Tanggal uji coba tidak diminta "
    "untuk tahapan inisiatif; tanggal penerapan dan hasil hanya untuk tahapan penerapan. Semua kekurangan satu "
    "profil dilaporkan dalam satu temuan, agar terlihat sekaligus.",
    wrong=Example("inovasi", """
        inisiator: null
        urusan: []
        tanggal_uji_coba: null
        manfaat: null
    """),
    right=Example("inovasi", """
        inisiator: perangkat_daerah
        urusan:
          - perencanaan
        tanggal_uji_coba: 2019-01-02
        manfaat: Manfaat layanan contoh.
    """),
)
def iid_form_fields(context: LintContext) -> Iterator[Diagnostic]:
    for record_id, profile in _profiles(context):
        stage = profile.stage
        missing = [_key(profile, name) for name in _FORM_FIELDS
                   if _asked(name, stage) and _empty(getattr(profile, name))]
        later = [f"{_key(profile, name)} ({_WHEN[name]})" for name in _FORM_FIELDS
                 if _asked(name, stage) is None and _empty(getattr(profile, name))]
        if not missing:
            continue
        suggestion = "isi yang diketahui dari sumber; fakta yang belum diketahui jangan ditebak"
        if later:
            suggestion += f"; menurut tahapannya, formulir juga meminta {', '.join(later)}"
        yield diagnostic("L600", f"profil '{record_id}' belum mengisi isian formulir IID: {', '.join(missing)}",
                         locate(profile), suggestion)


# -- L602 ---------------------------------------------------------------------


@rule(
    "L602", "Profil inovasi yang diterapkan belum memuat bukti indikator IID berbobot", WARNING,
    "Nilai Satuan Inovasi Daerah dalam Indeks Inovasi Daerah dihitung per inovasi dari indikator 16-35, dan "
    "BSKDN menyatakan nilai rendah sering berasal dari inovasi yang dilaporkan tanpa bukti dukung [H]. Tiga "
    "indikator yang buktinya dapat dicatat dalam profil: 16 Regulasi Inovasi Daerah (bobot 3; SK Kepala Daerah, "
    "Perkada, atau Perda [M/L]), 18 Dukungan Anggaran (bobot 2; DPA/APBD), dan 33 Kemanfaatan (bobot 3; "
    "misalnya jumlah penerima manfaat atau tren antarperiode, jadi indikator dengan nilai awal dan hasil). Nama "
    "indikator menurut katalog 2026 [M], bobotnya [L]; Regulasi dan Kemanfaatan termasuk indikator wajib dalam "
    "aturan 2026 [L]. Hanya untuk tahapan penerapan, karena IID menilai inovasi yang sudah diterapkan [H]. "
    "Indikator yang buktinya sudah dicatat di 'bukti:' (regulasi, anggaran, kemanfaatan) tidak disebut lagi.",
    wrong=Example("inovasi", """
        dasar_hukum: []
        anggaran: []
        indikator:
          - nama: Pengguna
            satuan: orang
            hasil:
              nilai: 20
              tahun: 2020
    """),
    right=Example("inovasi", """
        dasar_hukum:
          - uraian: Keputusan Wali Kota tentang Penetapan Inovasi Daerah
        anggaran:
          - tahun: 2020
            sumber: APBD
        indikator:
          - nama: Pengguna
            satuan: orang
            awal:
              nilai: 10
              tahun: 2019
            hasil:
              nilai: 20
              tahun: 2020
    """),
)
def weighted_indicator_evidence(context: LintContext) -> Iterator[Diagnostic]:
    for record_id, profile in _profiles(context):
        if profile.stage is not Stage.IMPLEMENTATION:
            continue
        missing: list[str] = []
        advice: list[str] = []
        evidenced = {entry.indicator for entry in profile.evidence}  # bukti: recorded for the indicator itself
        if not profile.legal_basis and "regulasi" not in evidenced:
            missing.append("dasar_hukum (indikator 16 Regulasi)")
            advice.append("SK Kepala Daerah, Perkada, atau Perda di dasar_hukum")
        if not profile.budget and "anggaran" not in evidenced:
            missing.append("anggaran (indikator 18 Dukungan Anggaran)")
            advice.append("tahun dan sumber dana di anggaran")
        if not any(item.baseline is not None and item.result is not None for item in profile.indicators) and \
                "kemanfaatan" not in evidenced:
            missing.append("indikator dengan awal dan hasil (indikator 33 Kemanfaatan)")
            advice.append("nilai awal dan hasil di indikator")
        if missing:
            yield diagnostic("L602", f"profil '{record_id}' (tahapan penerapan) belum memuat bukti IID: "
                             f"{', '.join(missing)}", locate(profile),
                             f"bila sumbernya ada, catat {'; '.join(advice)}")


# -- L603 ---------------------------------------------------------------------


@rule(
    "L603", "Profil inovasi tanpa sumber", WARNING,
    "Setiap fakta dalam profil harus dapat ditelusuri ke sumbernya. BSKDN menyatakan nilai Indeks Inovasi Daerah "
    "yang rendah sering berasal dari inovasi yang dilaporkan tanpa bukti [H], dan pustaka kasus mencatat sumber "
    "setiap kasus (basis data inovasi LAN: kolom sumber dan teknik_validasi [H]).",
    wrong=Example("inovasi", """
        sumber: []
    """),
    right=Example("inovasi", """
        sumber:
          - judul: Berita contoh
            url: https://contoh.go.id/berita
            tanggal: 2021-06-04
    """),
)
def profile_has_sources(context: LintContext) -> Iterator[Diagnostic]:
    for record_id, profile in _profiles(context):
        if not profile.sources:
            yield diagnostic("L603", f"profil '{record_id}' tidak mencantumkan sumber", locate(profile),
                             "tambahkan 'sumber' (judul, url, penerbit, tanggal) untuk fakta dalam profil ini")


# -- L604 ---------------------------------------------------------------------

_STAGE_DATES = ("started", "trial_date", "implementation_date")
"""Tanggal inisiatif, uji coba, penerapan: in the order the stages follow each other."""


def _before(later: PartialDate, earlier: PartialDate) -> bool:
    """Whether ``later`` is surely earlier than ``earlier``, compared at the precision both have."""
    parts = min(len([p for p in (d.year, d.month, d.day) if p]) for d in (later, earlier))
    return (later.year, later.month, later.day)[:parts] < (earlier.year, earlier.month, earlier.day)[:parts]


@rule(
    "L604", "Urutan waktu dalam profil inovasi tidak mungkin", WARNING,
    "Tahapan inovasi berurutan: inisiatif, uji coba, lalu penerapan (Penjelasan PP 38/2017 dan tahapan "
    "pelaporan IID [H]), jadi tanggal penerapan tidak dapat mendahului tanggal uji coba, dan keduanya tidak dapat "
    "mendahului tanggal inisiatif. Nilai hasil suatu indikator diukur sesudah nilai awalnya (bukti indikator 33 "
    "Kemanfaatan membandingkan periode [M/L]). Urutan terbalik biasanya salah ketik atau dua nilai yang tertukar; "
    "tanggal yang hanya diketahui tahunnya dibandingkan pada tahunnya saja.",
    wrong=Example("inovasi", """
        tanggal_uji_coba: 2020-03
        tanggal_penerapan: 2019-06
        indikator:
          - nama: Pengguna
            satuan: orang
            awal:
              nilai: 10
              tahun: 2020
            hasil:
              nilai: 20
              tahun: 2019
    """),
    right=Example("inovasi", """
        tanggal_uji_coba: 2019-06
        tanggal_penerapan: 2020
        indikator:
          - nama: Pengguna
            satuan: orang
            awal:
              nilai: 10
              tahun: 2019
            hasil:
              nilai: 20
              tahun: 2020
    """),
)
def dates_in_order(context: LintContext) -> Iterator[Diagnostic]:
    for record_id, profile in _profiles(context):
        for position, earlier_name in enumerate(_STAGE_DATES):
            earlier = getattr(profile, earlier_name)
            if earlier is None:
                continue
            for later_name in _STAGE_DATES[position + 1:]:
                later = getattr(profile, later_name)
                if later is not None and _before(later, earlier):
                    yield diagnostic(
                        "L604", f"profil '{record_id}': {_key(profile, later_name)} {later} lebih awal dari "
                        f"{_key(profile, earlier_name)} {earlier}", locate(profile, later_name),
                        "periksa kedua tanggal pada sumbernya; mungkin tertukar")
        for indicator in profile.indicators:
            baseline, result = indicator.baseline, indicator.result
            if (baseline is not None and result is not None and baseline.year is not None
                    and result.year is not None and result.year < baseline.year):
                yield diagnostic(
                    "L604", f"profil '{record_id}': indikator {quote(indicator.name)} diukur hasilnya tahun "
                    f"{result.year}, lebih awal dari nilai awalnya tahun {baseline.year}",
                    locate(indicator, "result", "tahun"), "periksa tahun awal dan hasil; mungkin tertukar")


# -- L601 ---------------------------------------------------------------------

IID_DESIGN_WORDS = 300


def _words(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters with a letter or digit
    (Markdown marks such as ``-`` or ``#`` are not words)."""
    return len(_WORD.findall(text))


_WORD = re.compile(r"\S*?[^\W_]\S*")
r"""A run of non-space characters holding a letter or digit ([^\W_] is exactly str.isalnum)."""


@rule(
    "L601", "Rancang bangun kurang dari 300 kata", WARNING,
    "Formulir profil inovasi IID meminta 'rancang bangun dan pokok perubahan' sekurang-kurangnya 300 kata "
    "(formulir daerah yang menyalin formulir IID, keyakinan sedang [M]); rancang bangun dan pokok perubahan "
    "juga isi usulan inovasi menurut PP 38/2017 [H]. BSKDN menganjurkan narasi yang memuat dasar hukum, masalah, "
    "isu strategis, metode pembaruan, keunggulan dan kebaruan, serta tahapan inovasi dan pemanfaatan hasilnya "
    "[H]. Rancang bangun yang belum diisi dilaporkan L600.",
    wrong=Example("inovasi", """
        rancang_bangun: >-
          Usulan program dari kelurahan kini diterima melalui formulir daring dan dapat dilacak pengusulnya.
    """),
    right=Example("inovasi", """
        # rancang_bangun tetap seperti pada profil contoh: sekitar 315 kata tentang masalah, pokok
        # perubahan, cara rancang bangun disusun, uji coba, keunggulan, dan syarat replikasinya.
        status: berjalan
    """),
)
def design_length(context: LintContext) -> Iterator[Diagnostic]:
    for record_id, profile in _profiles(context):
        if profile.design is None:
            continue
        count = _words(profile.design)
        if count < IID_DESIGN_WORDS:
            yield diagnostic("L601", f"profil '{record_id}': rancang_bangun baru {count} kata, formulir IID "
                             f"meminta sekurang-kurangnya {IID_DESIGN_WORDS} kata", locate(profile, "design"),
                             "uraikan masalah, metode pembaruan, pokok perubahan, keunggulan dan kebaruan, serta "
                             "tahapan uji coba dan penerapan")


# -- L640 ---------------------------------------------------------------------


@rule(
    "L640", "Bukti IID profil belum mencakup indikator wajib", WARNING,
    "Dalam aturan IID 2026, lima indikator per inovasi wajib: regulasi (16), sdm (17), kecepatan (32), "
    "kemanfaatan (33), dan video (35) [M]. Perkiraan nilai rancang tidak memberi predikat selama bukti "
    "indikator wajib belum lengkap. Temuan ini hanya muncul untuk profil yang sudah mulai mencatat 'bukti:', "
    "sebagai pengingat indikator wajib yang belum dicatat; profil tanpa 'bukti:' dilaporkan oleh laporan "
    "kesiapan IID, bukan di sini. Daftar indikator wajib dibaca dari katalog IID yang dipakai proyek.",
    wrong=Example("inovasi", """
        bukti:
          - indikator: video
            tingkat: 2
            tautan: https://contoh.go.id/video-layanan-contoh
    """),
    right=Example("inovasi", """
        bukti:
          - indikator: regulasi
            tingkat: 1
            tautan: https://contoh.go.id/sk-inovasi
          - indikator: sdm
            tingkat: 1
            tautan: https://contoh.go.id/sk-tim
          - indikator: kecepatan
            tingkat: 2
            tautan: https://contoh.go.id/linimasa
          - indikator: kemanfaatan
            tingkat: 1
            tautan: https://contoh.go.id/penerima-manfaat
          - indikator: video
            tingkat: 2
            tautan: https://contoh.go.id/video-layanan-contoh
    """),
)
def mandatory_evidence(context: LintContext) -> Iterator[Diagnostic]:
    profiles = [(record_id, profile) for record_id, profile in _profiles(context) if profile.evidence]
    if not profiles:
        return
    catalogue, _problems = project_catalogue(context.data)
    mandatory = [item for item in catalogue.of_aspect(Aspect.SID) if item.mandatory]
    for record_id, profile in profiles:
        recorded = {entry.indicator for entry in profile.evidence}
        lacking = [item for item in mandatory if item.id not in recorded]
        if lacking:
            yield diagnostic(
                "L640", f"profil '{record_id}' sudah mencatat bukti IID, tetapi belum untuk indikator wajib: "
                f"{', '.join(f'{item.id} ({item.label})' for item in lacking)}", locate(profile, "evidence"),
                f"tanpa bukti indikator wajib, perkiraan nilai IID ({catalogue.year}) tidak diberi predikat; catat "
                "buktinya bila dokumennya ada")
