"""Reading a generated DOCX back, in document order, for content assertions."""

from __future__ import annotations

import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def blocks(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every body paragraph; a table row becomes ("tabel", "cell | cell | ...")."""
    document = Document(io.BytesIO(data))
    out: list[tuple[str, str]] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            out.append((paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    if not cells or cell._tc is not cells[-1][0]:
                        cells.append((cell._tc, cell.text))
                out.append(("tabel", " | ".join(text for _tc, text in cells)))
    return out


def texts(data: bytes) -> list[str]:
    return [text for _style, text in blocks(data)]
