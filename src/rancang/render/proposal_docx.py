"""Render a KIPP proposal draft (:class:`rancang.present.proposal.ProposalView`) into ``proposal-kipp.docx``.

The template is the kunjungan kerja template with a few styles of its own
(:data:`rancang.render.template_names.PROPOSAL_STYLES`), and the body is written the same way
(:mod:`rancang.render.visit_docx`):

- the cover: the competition and year ("Judul Dokumen"), the group ("Subjudul Dokumen"), the innovation's name
  ("Judul Sampul"), its agency and region and that this is a draft ("Keterangan Sampul"), then a page break;
- per aspect: its heading ("Judul 1", ``5. Signifikansi``), the weight and word count ("Hitungan Kata";
  "Hitungan Kata Lewat", bold red, when over the limit), what the aspect asks ("Catatan"), then each part: a
  "Judul 3" title when the aspect has several parts, the profile's Markdown through
  :mod:`rancang.render.richtext_docx` or its facts one "Isi" paragraph each, and for a part the profile does not
  give, one "Isian Penulis" paragraph (yellow, with a bar) that says what to write;
- "Rekapitulasi Jumlah Kata": a table of every aspect's weight, words, limit and state;
- "Catatan": that this is a draft prepared by rancang from the knowledge base, and the sources of the aspects.

Jinja runs with ``autoescape=True`` and ``StrictUndefined`` (``&``, ``<`` of a profile reach the document as
written); numbers are written as text by the presentation layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rancang.present.proposal import PLACEHOLDER_LABEL, ProposalView
from rancang.render import docx_template
from rancang.render.docx_template import Properties
from rancang.render.regulation_docx import TemplateStyleError
from rancang.render.richtext_docx import ImageSource
from rancang.render.template_names import PROPOSAL_STYLES, PROPOSAL_TEMPLATE_VARIABLES
from rancang.render.visit_docx import PAPER_SIZES, _clean, _context_text, _paper, _text_width, _Writer
from rancang.visits.blocks import Bullets, Heading, Para, Rich, Table

__all__ = ["PageBreak", "Placeholder", "Styled", "TemplateStyleError", "blocks", "render"]

_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
TABLE_HEADERS = ("No.", "Aspek", "Bobot", "Kata", "Batas kata", "Keterangan")
TABLE_WIDTHS_CM = (1.1, 4.0, 1.6, 1.5, 3.0, 4.3)


@dataclass(frozen=True)
class Styled:
    """A paragraph in one of the proposal's own styles (a role of :data:`PROPOSAL_STYLES`)."""

    role: str
    text: str


@dataclass(frozen=True)
class Placeholder:
    """A part the author still has to write: the label in bold, then what to write."""

    text: str


@dataclass(frozen=True)
class PageBreak:
    pass


class _ProposalWriter(_Writer):
    def __init__(self, template, key, text_width, images: ImageSource | None = None):
        super().__init__(template, key, text_width, images)
        missing = sorted(set(PROPOSAL_STYLES.values()) - set(self.style_ids))
        if missing:
            raise TemplateStyleError(", ".join(missing))

    def block(self, block) -> bool:
        if isinstance(block, Styled):
            self.paragraph(PROPOSAL_STYLES[block.role], block.text)
        elif isinstance(block, Placeholder):
            self.out.append(self.placeholder(block.text))
        elif isinstance(block, PageBreak):
            self.out.append(_PAGE_BREAK)
        else:
            return super().block(block)
        return False

    def table(self, block: Table) -> bool:
        """A table whose rows are never split between two pages (a row of the closing table is one aspect)."""
        if not super().table(block):
            return False
        xml = self.out[-1].replace("<w:trPr><w:tblHeader/>", "<w:trPr><w:cantSplit/><w:tblHeader/>")
        self.out[-1] = re.sub(r"<w:tr>(?!<w:trPr>)", "<w:tr><w:trPr><w:cantSplit/></w:trPr>", xml)
        return True

    def placeholder(self, text: str) -> str:
        label = f"{PLACEHOLDER_LABEL}:"
        body = _clean(text)
        if body.startswith(label):
            body = body[len(label):]
        properties = docx_template.paragraph_properties(self.style_ids[PROPOSAL_STYLES["placeholder"]])
        return (f"<w:p>{properties}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
                f"{docx_template.text(label)}</w:t></w:r>"
                f"<w:r><w:t xml:space=\"preserve\">{docx_template.text(body)}</w:t></w:r></w:p>")


def blocks(view: ProposalView) -> list:
    """The body of the draft, cover to closing note."""
    out: list = [
        Styled("cover_title", view.innovation.name),
        *(Styled("cover_line", line) for line in (view.agency, view.region) if line),
        Styled("cover_line", f"{view.catalogue.competition} {view.catalogue.year}, {view.group.lower()}"),
        Styled("cover_line", "Draf disusun oleh rancang dari basis pengetahuan; bukan proposal final."),
        PageBreak(),
    ]
    for aspect in view.aspects:
        out.append(Heading(1, aspect.heading))
        out.append(Styled("count_over" if aspect.over else "count", aspect.count_line))
        out.append(Para(f"Yang ditanyakan: {aspect.aspect.question}", note=True))
        several = len(aspect.parts) > 1
        for part in aspect.parts:
            if several:
                out.append(Heading(3, part.title))
            if part.missing:
                out.append(Placeholder(part.placeholder(view.profile_path)))
                continue
            out.extend(Para(line) for line in part.lines)
            out.extend(Rich(tree) for tree in part.rich)
    out.append(Heading(1, "Rekapitulasi Jumlah Kata"))
    rows = [(str(a.number), a.aspect.title, a.weight, str(a.assessment.words), a.limit_text, a.assessment.status)
            for a in view.aspects]
    rows.append(("", "Jumlah", _total_weight(view), str(view.total_words), "", ""))
    out.append(Table(TABLE_HEADERS, tuple(rows), TABLE_WIDTHS_CM))
    out.append(Heading(1, "Catatan"))
    out.append(Para(view.note))
    if view.catalogue.note:
        out.append(Para(view.catalogue.note))
    out.append(Para("Sumber susunan aspek dan bobot:"))
    out.append(Bullets(view.sources))
    return out


def _total_weight(view: ProposalView) -> str:
    from rancang.assessment.kipp import percent

    return percent(view.catalogue.total_weight)


def render(view: ProposalView, template_path: Path, paper: str = "A4", images: ImageSource | None = None,
           properties: Properties | None = None) -> bytes:
    """The DOCX bytes of the draft (nothing is written to disk); raises :class:`TemplateStyleError` when the
    template lacks one of its styles."""
    paper = _paper(paper)
    template, key = docx_template.open_template(Path(template_path))
    context = {
        "judul": _context_text(view.title),
        "subjudul": _context_text(view.group),
        "kepala": _context_text(view.header),
    }
    if set(context) | {"isi"} != PROPOSAL_TEMPLATE_VARIABLES:  # pragma: no cover - a programming error
        raise AssertionError(sorted(context))
    writer = _ProposalWriter(template, key, _text_width(template, paper), images)
    for block in blocks(view):
        if writer.block(block):
            writer.paragraph("Normal")
    width, height = PAPER_SIZES[paper]

    def paper_size(rendered) -> None:
        for section in rendered.docx.sections:
            section.page_width = width
            section.page_height = height

    return docx_template.render(template, context, writer.xml(), paper_size, properties)

