"""Charts drawn on the server as SVG: no script, no external asset, and always shown beside a
table with the same figures for screen readers (the SVG itself is role="img" with a title)."""

from django.utils.html import format_html, format_html_join

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 150
CHART_WIDTH = 520
VALUE_WIDTH = 70


def bar_chart(*, title, items, maximum=None, unit=""):
    """A horizontal bar chart of `items` [(label, value or None)]; None is drawn as "无数据"."""
    values = [value for _label, value in items if value is not None]
    top = maximum or (max(values) if values else 1) or 1
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    rows = []
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = 0 if value is None else max(1, round(float(value) / float(top) * plot))
        text = "无数据" if value is None else f"{value}{unit}"
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                str(label)[:10],
                LABEL_WIDTH,
                y,
                width,
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                y + BAR_HEIGHT * 0.7,
                text,
            )
        )
    body = format_html_join(
        "",
        '<text x="4" y="{}" class="chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="chart__bar"></rect>'
        '<text x="{}" y="{}" class="chart__value">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        "<title>{}</title>{}</svg>",
        title,
        CHART_WIDTH,
        height,
        title,
        body,
    )
