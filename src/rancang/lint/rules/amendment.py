"""Rules for amending regulations (L630): advice on the Perubahan written as the whole edited text.

L630 -- too much changed for a Perubahan. A regulation whose ``mengubah`` names another regulation file holds
the whole edited text; the two versions are compared (:func:`rancang.drafting.versions.compare`) and the Pasal
counted: changed (its own text or anything under it), deleted, and inserted, against the number of Pasal of the
enacted version. When that sum is more than half of the enacted Pasal, the rule suggests a replacing regulation:
Lampiran II UU 12/2011 (Perubahan Peraturan Perundang-undangan) says that when a change alters the systematics or
more than 50% of the material, the regulation is revoked and drafted anew (a "pencabutan" with a new
regulation). Counting Pasal is this rule's measure of "material" (the one the reader sees); BAB headings alone
are not counted.

Left out (next slice): a hand-written Pasal I whose quoted ``naskah`` repeats the amended text unchanged (the
hand-written form names a catalogue entry, whose text rancang does not hold), and an amendment that does not
build on the newest enacted amendment of the same regulation.
"""

from __future__ import annotations

from typing import Iterator

from rancang.diagnostics import Diagnostic, Severity
from rancang.drafting import amendment, engine, versions
from rancang.lint.context import LintContext, diagnostic
from rancang.lint.registry import Example, rule
from rancang.locations import locate


def pasal_counts(compared: versions.Versions) -> tuple[int, int, int, int]:
    """(enacted Pasal, changed, deleted, inserted) of two compared versions."""
    enacted = changed = deleted = inserted = 0
    for top in compared.body:
        for item in top.walk():
            if item.level != "pasal":
                continue
            if item.old is not None:
                enacted += 1
            if item.status == "deleted":
                deleted += 1
            elif item.status == "inserted":
                inserted += 1
            elif not item.unchanged:
                changed += 1
    return enacted, changed, deleted, inserted


@rule(
    "L630", "Perubahan mengubah lebih dari separuh pasal", Severity.WARNING,
    "Lampiran II Undang-Undang Nomor 12 Tahun 2011 (bab Perubahan Peraturan Perundang-undangan): bila suatu "
    "perubahan mengakibatkan sistematika peraturan berubah atau materinya berubah lebih dari 50% (lima puluh "
    "persen), peraturan itu dicabut dan disusun kembali dalam peraturan yang baru. rancang membandingkan naskah "
    "utuh yang sudah disunting dengan peraturan yang diubah dan menghitung pasal yang diubah, dihapus, dan "
    "disisipkan terhadap jumlah pasal peraturan yang diubah; bila jumlahnya lebih dari separuh, susunlah "
    "peraturan baru yang mencabut peraturan lama.",
    wrong=Example("regulasi-perubahan", """
        mengubah: contoh-lama
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - id: pasal-bentuk
                teks: "Inovasi Daerah dapat berbentuk:"
                rincian:
                  sifat: alternatif
                  butir:
                    - id: bentuk-tata-kelola
                      teks: inovasi tata kelola Pemerintahan Daerah
                    - inovasi pelayanan publik
              - ayat:
                  - id: ayat-penetapan
                    teks: Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]].
                  - Penetapan [[ayat-penetapan]] dilakukan paling lama [[7]] hari sejak usulan diterima.
              - id: pasal-pengumuman
                teks: Wali Kota mengumumkan Inovasi Daerah yang ditetapkan kepada masyarakat.
    """),
    right=Example("regulasi-perubahan", """
        mengubah: contoh-lama
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - id: pasal-bentuk
                teks: "Inovasi Daerah berbentuk:"
                rincian:
                  sifat: alternatif
                  butir:
                    - id: bentuk-tata-kelola
                      teks: inovasi tata kelola Pemerintahan Daerah
                    - inovasi pelayanan publik
              - ayat:
                  - id: ayat-penetapan
                    teks: Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]].
                  - Penetapan [[ayat-penetapan]] dilakukan paling lama [[7]] hari sejak usulan diterima.
    """),
)
def too_much_changed(context: LintContext) -> Iterator[Diagnostic]:
    settings = context.settings
    for draft in context.drafts:
        regulation = draft.regulation
        old = amendment.amended_regulation(regulation, context.data.regulations)
        if old is None or settings is None:
            continue
        catalogue = context.data.catalogue
        old_doc, _ = engine.build(old, settings, catalogue)
        new_doc, _ = engine.build(regulation.model_copy(update={"amends": None}), settings, catalogue)
        try:
            compared = versions.compare(old_doc, new_doc)
        except versions.VersionError:
            continue  # reported by the Perubahan itself (R308)
        enacted, changed, deleted, inserted = pasal_counts(compared)
        total = changed + deleted + inserted
        if enacted == 0 or 2 * total <= enacted:
            continue
        yield diagnostic(
            "L630",
            f"perubahan ini menyentuh {total} pasal ({changed} diubah, {deleted} dihapus, {inserted} disisipkan) "
            f"dari {enacted} pasal '{regulation.amends}': lebih dari separuh",
            locate(regulation, "amends"),
            suggestion=f"susun peraturan baru yang mencabut '{regulation.amends}' (Lampiran II UU 12/2011: materi "
                       "yang berubah lebih dari 50% disusun kembali dalam peraturan baru)")
