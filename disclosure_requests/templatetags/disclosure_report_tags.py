"""{% report_grid %}: one of the annual report's tables in the national layout, as HTML."""

from django import template
from django.utils.html import format_html, format_html_join

from .. import layout

register = template.Library()


def _cell(cell):
    tag = "th" if cell.header else "td"
    return format_html(
        '<{} rowspan="{}" colspan="{}">{}</{}>', tag, cell.rowspan, cell.colspan, cell.text, tag
    )


@register.simple_tag
def report_grid(name, source, caption=""):
    """The grid `layout.<name>(source)` as a table; every text is escaped."""
    grid = getattr(layout, name)(source)
    rows = format_html_join(
        "\n",
        "<tr>{}</tr>",
        ((format_html_join("", "{}", ((_cell(c),) for c in row)),) for row in grid),
    )
    return format_html(
        '<div class="table-scroll"><table class="report-table">'
        '<caption class="visually-hidden">{}</caption><tbody>{}</tbody></table></div>',
        caption,
        rows,
    )
