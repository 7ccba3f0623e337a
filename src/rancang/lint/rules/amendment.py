"""Rules for amending regulations (L630, L631): advice on a Perubahan.

L630 -- too much changed for a Perubahan. A regulation whose ``mengubah`` names another regulation file holds
the whole edited text; the two versions are compared (:func:`rancang.drafting.versions.compare`) and the Pasal
counted: changed (its own text or anything under it), deleted, and inserted, against the number of Pasal of the
enacted version. When that sum is more than half of the enacted Pasal, the rule suggests a replacing regulation:
Lampiran II UU 12/2011 (Perubahan Peraturan Perundang-undangan) says that when a change alters the systematics or
more than 50% of the material, the regulation is revoked and drafted anew (a "pencabutan" with a new
regulation). Counting Pasal is this rule's measure of "material" (the one the reader sees); BAB headings alone
are not counted.

L631 -- a change that changes nothing. In the hand-written form (Pasal I with ``perubahan``, each with its
``naskah``) whose ``mengubah`` names a regulation file in ``regulations/``, a ``naskah`` that quotes a whole Pasal
(its first line ``Pasal <label>``) is compared with that Pasal of the amended regulation as the engine prints it
(the lines of :func:`rancang.drafting.amendment.quoted_lines`): equal after folding spaces and case, the point
repeats the enacted text and changes nothing. A ``naskah`` quoting an ayat or huruf alone, or a ``mengubah`` that
names a catalogue entry (whose text rancang does not hold), is not examined.

Left out: an amendment that does not build on the newest enacted amendment of the same regulation (L632 of the
plan): which amendment a text "builds on" is not recorded anywhere yet (both name the original regulation), so it
cannot be decided simply.
"""

from __future__ import annotations

from typing import Iterator

import re

from rancang.diagnostics import Diagnostic, Severity
from rancang.drafting import amendment, engine, versions
from rancang.drafting.tree import plain
from rancang.lint.context import LintContext, diagnostic
from rancang.lint.registry import Example, rule
from rancang.locations import locate
from rancang.models.regulation import Article as ArticleModel, Chapter, Division, Part


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


def _fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def _articles(items) -> Iterator[ArticleModel]:
    for item in items:
        if isinstance(item, ArticleModel):
            yield item
        elif isinstance(item, (Chapter, Part, Division)):
            yield from _articles(item.content)


def _enacted_pasal(elements: tuple[versions.Element, ...]) -> dict[str, list[str]]:
    """The printed lines of every Pasal of a version, by its label folded (``pasal 2``)."""
    found: dict[str, list[str]] = {}
    stack = list(elements)
    while stack:
        element = stack.pop()
        if element.level == "pasal":
            found[_fold(element.label)] = [_fold(plain(q.text)) for q in amendment.quoted_lines(element)]
        elif element.level in versions.GROUP_LEVELS:
            stack.extend(element.children)
    return found


PASAL_LINE = re.compile(r"Pasal\s+\S+", re.IGNORECASE)


@rule(
    "L631", "Naskah perubahan sama dengan bunyi lama", Severity.WARNING,
    "Butir perubahan dalam Pasal I mengubah sesuatu: naskah yang dikutip sesudah perintah 'diubah sehingga "
    "berbunyi sebagai berikut' adalah bunyi baru (Lampiran II Undang-Undang Nomor 12 Tahun 2011, Perubahan "
    "Peraturan Perundang-undangan). Bila peraturan yang diubah ada di regulations/, rancang membandingkan naskah "
    "yang mengutip satu pasal utuh dengan pasal itu dalam peraturan yang diubah; naskah yang sama persis "
    "(spasi dan huruf besar tidak dihitung) biasanya lupa disunting, atau butir perubahannya tidak perlu.",
    wrong=Example("regulasi-perubahan", """
        tentang: Perubahan atas Inovasi Daerah
        mengubah: contoh-lama
        ketentuan_umum: []
        batang_tubuh:
          - perubahan:
              - teks: "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"
                naskah: |
                  Pasal 2
                  Inovasi Daerah berbentuk:
                  a. inovasi tata kelola Pemerintahan Daerah; atau
                  b. inovasi pelayanan publik.
          - teks: Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
    """),
    right=Example("regulasi-perubahan", """
        tentang: Perubahan atas Inovasi Daerah
        mengubah: contoh-lama
        ketentuan_umum: []
        batang_tubuh:
          - perubahan:
              - teks: "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:"
                naskah: |
                  Pasal 2
                  Inovasi Daerah berbentuk:
                  a. inovasi tata kelola Pemerintahan Daerah;
                  b. inovasi pelayanan publik; atau
                  c. inovasi daerah lainnya.
          - teks: Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
    """),
)
def unchanged_quote(context: LintContext) -> Iterator[Diagnostic]:
    settings = context.settings
    for draft in context.drafts:
        regulation = draft.regulation
        old = context.data.regulations.get(regulation.amends) if regulation.amends else None
        if old is None or settings is None or amendment.amended_regulation(regulation, context.data.regulations):
            continue
        enacted: dict[str, list[str]] | None = None
        for article in _articles(regulation.body):
            for index, change in enumerate(article.changes or []):
                lines = [_fold(line) for line in str(change.quoted or "").splitlines() if line.strip()]
                if not lines or not PASAL_LINE.fullmatch(lines[0]):
                    continue
                if enacted is None:
                    enacted = _enacted_pasal(versions.elements(engine.build(old, settings, context.data.catalogue)[0]))
                if enacted.get(lines[0]) == lines:
                    label = " ".join(str(change.quoted).split("\n", 1)[0].split())
                    yield diagnostic(
                        "L631", f"naskah butir perubahan {index + 1} sama dengan bunyi {label} "
                                f"'{regulation.amends}': tidak ada yang diubah",
                        locate(change, "quoted"),
                        suggestion=f"tulis bunyi baru {label}, atau hapus butir perubahan ini")
