"""The annual report as XLSX (one sheet, the national layout with merged cells) and PDF."""

import io

from django.utils.html import strip_tags
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from portal import pdf

from . import layout

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SECTIONS = (
    ("二、主动公开政府信息情况", "section_two"),
    ("三、收到和处理政府信息公开申请情况", "section_three"),
    ("四、政府信息公开行政复议、行政诉讼情况", "section_four"),
)


def _grids(report):
    return [
        (title, getattr(layout, name)(source))
        for (title, name), source in zip(
            SECTIONS, (report, report.requests_table, report.appeals_table), strict=True
        )
    ]


def _text(html):
    return " ".join(strip_tags(html or "").split())


def report_xlsx(report):
    book = Workbook()
    sheet = book.active
    sheet.title = str(report.year)
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    row = 3
    for heading, text in (("一、总体情况", report.overview),):
        sheet.cell(row=row, column=1, value=heading).font = Font(bold=True)
        sheet.cell(row=row + 1, column=1, value=_text(text))
        row += 3
    for title, grid in _grids(report):
        sheet.cell(row=row, column=1, value=title).font = Font(bold=True)
        row += 1
        for r, c, cell in layout.placed(grid):
            target = sheet.cell(row=row + r, column=c + 1)
            value = cell.text
            target.value = int(value) if value.isdigit() and not cell.header else value
            target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            target.border = BORDER
            if cell.header:
                target.font = Font(bold=True)
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row + r,
                    start_column=c + 1,
                    end_row=row + r + cell.rowspan - 1,
                    end_column=c + cell.colspan,
                )
        row += len(grid) + 2
    for heading, text in (
        ("五、存在的主要问题及改进情况", report.problems),
        ("六、其他需要报告的事项", report.other_matters),
    ):
        sheet.cell(row=row, column=1, value=heading).font = Font(bold=True)
        sheet.cell(row=row + 1, column=1, value=_text(text))
        row += 3
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf_table(grid):
    columns = layout.width(grid)
    rows = [[""] * columns for _ in grid]
    spans = []
    for r, c, cell in layout.placed(grid):
        rows[r][c] = cell.text
        if cell.rowspan > 1 or cell.colspan > 1:
            spans.append(((c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    return pdf.table(rows, spans=spans)


def report_pdf(report):
    blocks = [("h", "一、总体情况"), _text(report.overview) or "—"]
    for title, grid in _grids(report):
        blocks += [("h", title), _pdf_table(grid)]
    blocks += [
        ("h", "五、存在的主要问题及改进情况"),
        _text(report.problems) or "—",
        ("h", "六、其他需要报告的事项"),
        _text(report.other_matters) or "—",
    ]
    return pdf.render(report.title, blocks, wide=True)
