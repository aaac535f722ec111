"""Downloads every app offers: CSV that Excel opens (UTF-8 with BOM), JSON, XLSX, Atom.

Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with a quote,
so text a citizen typed can never execute in an editor's spreadsheet."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.encoding import escape_uri_path

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _attachment(response, filename):
    response["Content-Disposition"] = (
        f'attachment; filename="{filename.encode("ascii", "ignore").decode() or "export"}"; '
        f"filename*=UTF-8''{escape_uri_path(filename)}"
    )
    return response


def csv_response(filename, headers, rows):
    """`rows` are sequences in the order of `headers`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(header) for header in headers])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{filename}.csv")


def json_response(filename, payload, *, download=False):
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return _attachment(response, f"{filename}.json") if download else response


def xlsx_response(filename, headers, rows, *, sheet_title="Sheet1"):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([safe_cell(header) for header in headers])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _attachment(response, f"{filename}.xlsx")


def atom_response(*, title, link, description, items, feed_url, author=None):
    """An Atom feed (RFC 4287): a feed-level author (the site's publisher unless `author` is
    given) and an `updated` on every entry (its `updateddate`, else its `pubdate`). `items` are
    dicts with title, link, description, pubdate (datetime), unique_id and optionally
    updateddate and categories; `link` and `feed_url` are absolute."""
    from django.utils.feedgenerator import Atom1Feed

    from .models import PortalSettings

    if author is None:
        portal = PortalSettings.load()
        author = portal.host_organisation or f"{portal.county_name}{portal.site_name}"
    feed = Atom1Feed(
        title=title,
        link=link,
        description=description,
        subtitle=description,
        language="zh-hans",
        feed_url=feed_url,
        author_name=author,
    )
    for item in items:
        feed.add_item(**{**item, "updateddate": item.get("updateddate") or item["pubdate"]})
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
