"""PDF output with Chinese text: reportlab with the Adobe CID font STSong-Light, which every
PDF reader carries, so no font file is embedded or shipped (the glyphs come from the reader)."""

import io

from django.utils.html import escape
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
TITLE = ParagraphStyle("title", fontName=FONT, fontSize=16, leading=24, alignment=1)
HEADING = ParagraphStyle("heading", fontName=FONT, fontSize=12, leading=20, spaceBefore=8)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=18)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)


def paragraph(text, style=BODY):
    # Paragraph reads a little markup; what people typed is escaped so it stays text.
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def table(rows, *, spans=(), widths=None):
    """A grid of cells (text or numbers), with SPAN commands as ((col, row), (col, row))."""
    data = [[paragraph(str(cell), CELL) for cell in row] for row in rows]
    grid = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    commands += [("SPAN", start, end) for start, end in spans]
    grid.setStyle(TableStyle(commands))
    return grid


def render(title, blocks, *, wide=False):
    """PDF bytes: a centred title, then each block (a str is a paragraph, ("h", text) a
    heading, anything else a flowable such as `table(...)`)."""
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    document = SimpleDocTemplate(
        buffer,
        pagesize=size,
        title=title,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    story = [paragraph(title, TITLE), Spacer(1, 6 * mm)]
    for block in blocks:
        if isinstance(block, str):
            story.append(paragraph(block))
        elif isinstance(block, tuple) and block[0] == "h":
            story.append(paragraph(block[1], HEADING))
        else:
            story.append(block)
        story.append(Spacer(1, 2 * mm))
    document.build(story)
    return buffer.getvalue()
