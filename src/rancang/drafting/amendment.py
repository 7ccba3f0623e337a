"""The Perubahan from a whole edited text: a regulation whose ``mengubah`` names another regulation file.

Two forms of an amending regulation live side by side:

* ``mengubah: <catalogue id>`` with a hand-written Pasal I (``perubahan``): built by the engine as it is
  (:meth:`rancang.drafting.engine._Builder.amending_article`), unchanged;
* ``mengubah: <regulation id>`` (a file in ``regulations/``) and NO ``perubahan``: the file holds the whole edited
  text, as legal staff write it (they copy the regulation and edit it). This module compares the two versions
  (:func:`rancang.drafting.versions.compare`, the new version rebuilt with its frozen labels) and writes the
  amending regulation:

  - the version it amends is the text in force after the amendments before it
    (:meth:`rancang.drafting.consolidation.History.before`: every whole-text amendment of the same regulation,
    enacted ones by enactment date, then drafts by id; a ``mengubah`` naming another whole-text amendment is
    followed back to the regulation), with its frozen labels and deleted elements kept as "Dihapus.": a second
    amendment inserts Pasal 12B after 12A and never deletes a deleted Pasal again;
  - title ``PERUBAHAN [KEDUA] ATAS <JENIS DAERAH> NOMOR n TAHUN t TENTANG ...``
    (:func:`rancang.language.amendment_words.amendment_title`), the ordinal from that order. Amendments through
    the catalogue (``diubah_dengan``) are not counted: keep it simple;
  - menimbang and mengingat of this file; the last konsiderans and "Menetapkan" name the amendment; the amended
    regulation is cited last in mengingat from its own nomor, tahun, tentang and Berita/Lembaran Daerah
    (:func:`rancang.language.citation.cite`), followed by "sebagaimana telah diubah dengan ..." when earlier
    amendments exist (:func:`rancang.language.amendment_words.amended_citation`);
  - Pasal I: the lead "Beberapa ketentuan dalam <citation and chain> diubah sebagai berikut:" and one numbered
    :class:`~rancang.drafting.tree.Change` per change point (its instruction, then the quoted elements with their
    frozen labels: ``Pasal 12A`` as a heading line, ``(1) ...``, ``a. ...``). With a single change point,
    Lampiran II's single form: the lead is the instruction naming the regulation ("Ketentuan ayat (2) Pasal 5
    dalam ... diubah sehingga berbunyi sebagai berikut:", :func:`rancang.language.amendment_words.
    single_instruction`) and the one Change has no label and no text, only the quoted lines (anchor
    ``pasal-1-perubahan-1`` still, for links);
  - Pasal II: "<Peraturan Wali Kota> ini mulai berlaku pada tanggal diundangkan." (or the date of
    ``ketentuan_penutup.mulai_berlaku``);
  - penetapan, pengundangan and signatures of this file, as any regulation.

  Left out: a Penjelasan and lampiran of the amending regulation (a Perda's Perubahan has a Penjelasan of its own;
  not written yet).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from rancang.diagnostics import Diagnostic, Severity
from rancang.drafting import consolidation, eids, engine, versions
from rancang.drafting.consolidation import amended_regulation
from rancang.drafting.engine import Drafted
from rancang.drafting.tree import Article, Change, Clause, Document, ListEntry, QuotedLine, Span
from rancang.language import amendment_words
from rancang.language.citation import cite
from rancang.language.regulation_words import kind_words
from rancang.locations import locate
from rancang.models import ProjectData
from rancang.models.base import PartialDate
from rancang.models.catalogue import LegalBasis, LegalKind, Publication
from rancang.models.project import Project
from rancang.models.regulation import Regulation, RegulationKind


def ordinal(record_id: str, data: ProjectData) -> int:
    """1 for the first amendment, 2 for the second (``PERUBAHAN KEDUA``): its place in the history of the
    regulation it amends (:func:`rancang.drafting.consolidation.history`: enacted ones by enactment date, then
    drafts by id)."""
    chain = consolidation.history_of(record_id, data)
    return chain.step(record_id).ordinal if chain is not None else 1


def _entry(record_id: str, old: Regulation, settings: Project, title: str | None = None) -> LegalBasis:
    """A regulation file as a catalogue entry, to be cited like any other (``title``: its title when not its
    ``tentang``, an amendment's "Perubahan atas ...")."""
    regional = old.kind is RegulationKind.REGIONAL
    gazette = None
    if regional and old.promulgation.regional_gazette_number:
        year = old.promulgation.regional_gazette_year or old.year
        gazette = Publication.model_construct(year=year, number=old.promulgation.regional_gazette_number)
    elif not regional and old.promulgation.gazette_number:
        year = old.promulgation.gazette_year or old.year
        gazette = Publication.model_construct(year=year, number=old.promulgation.gazette_number)
    return LegalBasis.model_construct(
        id=record_id, kind=LegalKind.PERDA if regional else LegalKind.PERKADA, number=old.number or None,
        year=old.year, title=title or old.title, issuer=settings.region_full_name, enacted=None, gazette=gazette,
        supplement=old.promulgation.supplement_number if regional else None, amended_by=[], confirmed=True)


def quoted_lines(element: versions.Element) -> list[QuotedLine]:
    """The quoted new text of an element, line by line with its frozen labels: a group's label and title and a
    Pasal's label are headings; ``(1) ...``, ``a. ...``; a deleted element reads ``<label> Dihapus.``."""
    if element.deleted:
        if element.level in versions.GROUP_LEVELS or element.level == "pasal":
            return [QuotedLine([Span(element.label)], True), QuotedLine([Span(versions.DELETED)])]
        return [QuotedLine([Span(f"{element.label} {versions.DELETED}")])]
    lines: list[QuotedLine] = []
    if element.level in versions.GROUP_LEVELS:
        lines += [QuotedLine([Span(element.label)], True), QuotedLine([Span(element.text)], True)]
    elif element.level == "pasal":
        lines.append(QuotedLine([Span(element.label)], True))
        if element.text:
            lines.append(QuotedLine([Span(element.text)]))
    else:
        lines.append(QuotedLine([Span(f"{element.label} {element.text}".rstrip())]))
    for child in element.children:
        lines.extend(quoted_lines(child))
    return lines


def _quoted(point: versions.ChangePoint) -> list[QuotedLine]:
    if point.action == "hapus":
        return []
    if point.heading_only:
        return [line for q in point.quoted for line in quoted_lines(replace(q, children=()))]
    if point.level not in versions.GROUP_LEVELS and point.level != "pasal" and point.article is not None:
        return quoted_lines(point.article)  # "... sehingga Pasal 18 berbunyi sebagai berikut:" quotes the Pasal
    return [line for q in point.quoted for line in quoted_lines(q)]


@dataclass
class Compared:
    """A whole-text amendment beside the version it amends: what the Perubahan, the comparison matrix, the
    tracked-changes document and the consolidated text are made from."""

    old: Regulation
    """The amended regulation file's model."""
    old_document: Document
    """The version in force before this amendment, with its (frozen) labels."""
    new_document: Document
    """This amendment's whole text built with its frozen labels (the unlabelled build when ``versions`` is None)."""
    versions: versions.Versions | None
    """The two compared; None when the change cannot be written (then ``problems`` holds R308)."""
    problems: list[Diagnostic]
    """The new version's build problems, and R308."""


def compared(record_id: str, data: ProjectData, chain: consolidation.History | None = None) -> Compared | None:
    """The amendment ``record_id`` compared with the version it amends (:meth:`History.before
    <rancang.drafting.consolidation.History.before>`: the text in force after the amendments before it, or the
    regulation itself); None when it is not a whole-text amendment (or the project has no settings). ``chain``:
    its history when the caller has it already (else it is built)."""
    regulation = data.regulations[record_id]
    if amended_regulation(regulation, data.regulations) is None or data.settings is None:
        return None
    if chain is None:
        chain = consolidation.history_of(record_id, data)
    if chain is None:
        return None
    step = chain.step(record_id)
    before = chain.before(record_id)
    return Compared(chain.steps[0].regulation, before.document, step.built or step.document, step.versions,
                    step.problems)


def build(record_id: str, data: ProjectData) -> Drafted | None:
    """The amending Document of a whole-text amendment, or None when ``record_id`` is not one."""
    regulation = data.regulations[record_id]
    chain = (consolidation.history_of(record_id, data)
             if amended_regulation(regulation, data.regulations) is not None else None)
    found = compared(record_id, data, chain) if chain is not None else None
    if found is None or chain is None:
        return None
    regulation = data.regulations[record_id]
    settings = data.settings
    catalogue = data.catalogue
    old = found.old
    problems = found.problems
    compared_ = found.versions
    if compared_ is None:
        return Drafted(found.new_document, problems)
    frame = found.new_document
    words = kind_words(settings, regulation.kind)
    old_words = kind_words(settings, old.kind)
    number = old.number if old.number is not None else engine.ELLIPSIS
    year = old.year if old.year is not None else engine.ELLIPSIS
    count = chain.step(record_id).ordinal
    title = amendment_words.amendment_title(old_words.full_name, "", number, year, old.title, count)
    running = amendment_words.amendment_title(old_words.full_name, "", number, year, old.title, count,
                                              capitals=False)
    entry = _entry(chain.base_id, old, settings)
    citation = cite(entry, catalogue, settings=settings)
    earlier = [
        cite(_entry(step.record_id, step.regulation, settings,
                    consolidation.amendment_title(step.regulation, settings, step.ordinal, old)),
             catalogue, settings=settings)
        for step in chain.amendments(chain.before(record_id).record_id) if step.ordinal]
    style = settings.documents.amendments
    chained = amendment_words.amended_citation(citation, earlier, last_comma=style.comma_last)
    considerations = list(frame.considerations)
    if considerations:
        last = considerations[-1]
        text = "".join(span.text for span in last.text)
        suffix = f"tentang {regulation.title};"
        if text.endswith(suffix):
            considerations[-1] = ListEntry(last.label, [Span(text[: -len(suffix)] + f"tentang {running};")])
    legal_bases = [*frame.legal_bases, ListEntry(None, [Span(chained + ";")])]
    legal_bases = [ListEntry(f"{i}." if len(legal_bases) > 1 else None, entry_.text)
                   for i, entry_ in enumerate(legal_bases, start=1)]
    points = compared_.points()
    if len(points) == 1:
        # Lampiran II's single form: the instruction names the regulation and has no number; the quoted text
        # follows as the one change (no label, no text of its own)
        (point,) = points
        lead = Clause(None, [Span(point.instruction(citation, earlier, comma=style.comma_before_verb,
                                                    last_comma=style.comma_last))], anchor="pasal-1")
        changes = [Change("", [], _quoted(point), "pasal-1-perubahan-1")]
    else:
        lead = Clause(None, [Span(amendment_words.pasal_i_lead(citation, amendments=earlier,
                                                               comma=style.comma_before_verb,
                                                               last_comma=style.comma_last))], anchor="pasal-1")
        changes = [Change(f"{index}.", [Span(point.instruction())], _quoted(point), f"pasal-1-perubahan-{index}")
                   for index, point in enumerate(points, start=1)]
    first = Article(1, "Pasal I", [lead], "pasal-1", changes=changes)
    commencement = regulation.closing.commencement
    when = (f"pada tanggal {engine._date_text(commencement)}" if isinstance(commencement, PartialDate)
            else "pada tanggal diundangkan")
    second = Article(2, "Pasal II", [Clause(None, [Span(f"{words.name} ini mulai berlaku {when}.")],
                                            anchor="pasal-2")], "pasal-2")
    heading = frame.title[:-1] if frame.title else []
    document = replace(
        frame, title=[*heading, title], considerations=considerations, legal_bases=legal_bases,
        enact_text=f"{words.name.upper()} TENTANG {title}.", body=[first, second], annexes=[], explanation=None)
    eids.assign(document)  # Pasal I and II and the new Menimbang and Mengingat entries
    return Drafted(document, problems, found.new_document)


def findings(record_id: str, data: ProjectData, drafts: Mapping[str, Drafted]) -> list[Diagnostic]:
    """Warnings about a whole-text amendment that do not stop it: the amended regulation is still a draft (R307);
    the edited text changes nothing (R309)."""
    regulation = data.regulations[record_id]
    old = amended_regulation(regulation, data.regulations)
    if old is None:
        return []
    out: list[Diagnostic] = []
    drafted = drafts.get(record_id)
    if drafted is not None and not drafted.problems and drafted.document.body \
            and not drafted.document.body[0].changes:
        out.append(Diagnostic("R309", f"naskah ini sama dengan '{regulation.amends}': tidak ada yang diubah",
                              locate(regulation, "amends"), Severity.WARNING,
                              suggestion="sunting batang tubuh berkas ini; Pasal I memuat setiap perbedaannya "
                                         "dengan peraturan yang diubah"))
    if old.is_enacted:
        return out
    return out + [Diagnostic("R307", f"mengubah rancangan yang belum ditetapkan: '{regulation.amends}' belum bernomor, "
                               "bertahun, dan bertanggal penetapan", locate(regulation, "amends"),
                       Severity.WARNING,
                       suggestion="perubahan tetap dibuat, tetapi nomor yang diubah belum tentu nomor yang "
                                  "ditetapkan; isi nomor, tahun, dan penetapan.tanggal peraturan yang diubah")]


def build_all(data: ProjectData) -> dict[str, Drafted]:
    """Every regulation of a loaded project built once (:func:`rancang.drafting.engine.build_all`), a whole-text
    amendment as its Perubahan."""
    drafts = engine.build_all(data)
    for record_id in drafts:
        built = build(record_id, data)
        if built is not None:
            drafts[record_id] = built
    return drafts
