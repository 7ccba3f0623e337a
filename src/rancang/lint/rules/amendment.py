"""Rules for amending regulations (L630, L631, L632): advice on a Perubahan.

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

L632 -- an amendment copied from an older version. A second (third ...) whole-text amendment is compared with
the text in force after the amendment before it (:meth:`rancang.drafting.consolidation.History.before`). When
that previous amendment is enacted and EVERY element it changed, inserted or deleted reads in this amendment as it
read before it (an inserted Pasal is gone again, a changed ayat has its older words back, a deleted Pasal's text
is inserted again), the author most likely copied an older text (the original regulation, or an earlier file)
instead of the newest one, and this amendment would silently undo the previous one. Advice, located at
``mengubah``; the fix is to start from the consolidated text. Undoing only some of its changes is not reported:
that is ordinary amending.

A change point that repeats the unchanged text (the issue's first linter item) is covered twice already: R309
for a whole-text amendment that changes nothing (it has no point at all: every point of a whole-text amendment
is computed from a real difference), and L631 for a hand-written ``naskah`` that quotes a Pasal unchanged.
"""

from __future__ import annotations

from typing import Iterator

import re

from rancang.diagnostics import Diagnostic, Severity
from rancang.drafting import amendment, consolidation, engine, versions
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
            if item.level != "pasal" or item.gone:  # deleted by an earlier amendment: not this one's doing
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


_WHOLE_TEXT = """
        mengubah: contoh-lama
        batang_tubuh:
          - bab: BENTUK INOVASI DAERAH
            isi:
              - id: pasal-bentuk
                teks: "{lead}"
                rincian:
                  sifat: alternatif
                  butir:
                    - id: bentuk-tata-kelola
                      teks: inovasi tata kelola Pemerintahan Daerah
                    - inovasi pelayanan publik
              - ayat:
                  - id: ayat-penetapan
                    teks: Wali Kota menetapkan Inovasi Daerah [[pasal-bentuk]].
                  - Penetapan [[ayat-penetapan]] dilakukan paling lama [[{days}]] hari sejak usulan diterima.
{announcement}    """
_ANNOUNCEMENT = """              - id: pasal-pengumuman
                teks: Wali Kota mengumumkan Inovasi Daerah yang ditetapkan kepada masyarakat.
"""


def _edited(lead: str = "Inovasi Daerah berbentuk:", days: int = 7, announcement: bool = False) -> str:
    """The whole edited text of the rules' examples (an amendment of ``contoh-lama``, lint.examples): the enacted
    body with the lead of Pasal 2, the days of its ayat (2) and the Pasal on announcing as each example needs."""
    return _WHOLE_TEXT.format(lead=lead, days=days, announcement=_ANNOUNCEMENT if announcement else "")


@rule(
    "L630", "Perubahan mengubah lebih dari separuh pasal", Severity.WARNING,
    "Lampiran II Undang-Undang Nomor 12 Tahun 2011 (bab Perubahan Peraturan Perundang-undangan): bila suatu "
    "perubahan mengakibatkan sistematika peraturan berubah atau materinya berubah lebih dari 50% (lima puluh "
    "persen), peraturan itu dicabut dan disusun kembali dalam peraturan yang baru. rancang membandingkan naskah "
    "utuh yang sudah disunting dengan peraturan yang diubah dan menghitung pasal yang diubah, dihapus, dan "
    "disisipkan terhadap jumlah pasal peraturan yang diubah; bila jumlahnya lebih dari separuh, susunlah "
    "peraturan baru yang mencabut peraturan lama.",
    wrong=Example("regulasi-perubahan", _edited(lead="Inovasi Daerah dapat berbentuk:", announcement=True)),
    right=Example("regulasi-perubahan", _edited()),
)
def too_much_changed(context: LintContext) -> Iterator[Diagnostic]:
    settings = context.settings
    for draft in context.drafts:
        regulation = draft.regulation
        old = amendment.amended_regulation(regulation, context.data.regulations)
        if old is None or settings is None:
            continue
        found = amendment.compared(draft.record_id, context.data)
        compared = found.versions if found is not None else None
        if compared is None:
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


def _by_key(elements) -> dict[consolidation.Key, versions.Element]:
    """Every element of a version by its :data:`~rancang.drafting.consolidation.Key`."""
    found: dict[consolidation.Key, versions.Element] = {}

    def walk(items, path: tuple[str, ...]) -> None:
        for element in items:
            here = path + (element.label,)
            found[consolidation.key_of(here)] = element
            walk(element.children, here)

    walk(elements, ())
    return found


def _reads(element: versions.Element | None) -> list[str]:
    """What an element says, without its label: its text and everything under it ("Dihapus." when deleted)."""
    if element is None or element.deleted:
        return [versions.DELETED]
    return [text for _path, text in element.outline()]


def undone(chain: consolidation.History, record_id: str) -> list[str]:
    """The labels of what the enacted amendment before ``record_id`` did and ``record_id`` undoes, when it undoes
    all of it (else, or when there is nothing to compare, empty): see L632 in the module docstring."""
    index = chain.steps.index(chain.step(record_id))
    if index < 2:
        return []
    step, previous, older = chain.steps[index], chain.steps[index - 1], chain.steps[index - 2]
    if step.versions is None or previous.versions is None or not previous.regulation.is_enacted:
        return []
    before = _by_key(versions.elements(older.document))
    now = _by_key(step.versions.frozen())
    inserted_now = [_reads(item.element()) for top in step.versions.body for item in top.walk()
                    if item.status == "inserted"]
    labels: list[str] = []
    for point in previous.versions.points():
        for label in point.labels:
            key = consolidation.key_of(point.path + (label,))
            current = now.get(key)
            if point.action == "sisip":
                back = current is None or current.deleted
            elif point.action == "ubah":
                old = before.get(key)
                back = old is not None and current is not None and not current.deleted and (
                    old.text == current.text if point.heading_only else _reads(old) == _reads(current))
            else:
                old = before.get(key)
                back = old is not None and _reads(old) in inserted_now
            if not back:
                return []
            labels.append(_named(key))
    return labels


def _named(key: consolidation.Key) -> str:
    """``("Pasal 2", "(2)", "c1.")`` -> ``Pasal 2 ayat (2) huruf c1``."""
    out = []
    for part in key:
        if part.startswith("("):
            out.append(f"ayat {part}")
        elif re.fullmatch(r"[a-z]+[0-9]*[.)]", part):
            out.append(f"huruf {part.rstrip('.)')}")
        elif re.fullmatch(r"[0-9]+[a-z]*[.)]", part):
            out.append(f"angka {part.rstrip('.)')}")
        else:
            out.append(part)
    return " ".join(out)


@rule(
    "L632", "Perubahan tidak bertolak dari naskah terakhir", Severity.WARNING,
    "Perubahan kedua (ketiga, dan seterusnya) mengubah naskah yang berlaku sesudah perubahan sebelumnya. "
    "rancang membandingkan naskah utuh perubahan ini dengan naskah terintegrasi sesudah perubahan yang "
    "ditetapkan sebelumnya; bila setiap ketentuan yang diubah, disisipkan, atau dihapus oleh perubahan "
    "sebelumnya kembali berbunyi seperti sebelum perubahan itu, naskah ini hampir pasti disalin dari versi lama "
    "dan diam-diam membatalkan perubahan sebelumnya. Mulailah dari naskah terintegrasi terbaru.",
    wrong=Example("regulasi-perubahan-kedua", _edited(days=30)),
    right=Example("regulasi-perubahan-kedua", _edited(days=30, announcement=True)),
)
def copied_from_an_older_version(context: LintContext) -> Iterator[Diagnostic]:
    for draft in context.drafts:
        regulation = draft.regulation
        if amendment.amended_regulation(regulation, context.data.regulations) is None:
            continue
        chain = consolidation.history_of(draft.record_id, context.data)
        if chain is None:
            continue
        labels = undone(chain, draft.record_id)
        if not labels:
            continue
        previous = chain.before(draft.record_id)
        yield diagnostic(
            "L632",
            f"naskah ini tampaknya disalin dari versi sebelum {previous.citation}: semua yang diubah peraturan itu "
            f"({', '.join(labels)}) kembali berbunyi seperti semula",
            locate(regulation, "amends"),
            suggestion=f"salin naskah terintegrasi terbaru (rancang draft regulations/{chain.base_id}.yaml "
                       f"--terintegrasi) atau berkas '{previous.record_id}', lalu sunting lagi; bila perubahan "
                       "itu memang hendak dibatalkan, abaikan saran ini")
