"""Downloads every app offers: CSV that Excel opens (UTF-8 with BOM), JSON, XLSX, Atom.

Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with a quote,
so text a citizen typed can never execute in an editor's spreadsheet."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import escape_uri_path

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def ascii_filename(filename):
    """An ASCII stand-in for `filename`, for clients that ignore RFC 5987's filename*: Chinese
    in toneless pinyin, anything else outside [A-Za-z0-9._-] as a hyphen
    (政府信息公开目录-20261206.csv → zhengfuxinxigongkaimulu-20261206.csv)."""
    from pypinyin import lazy_pinyin

    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    text = "".join(lazy_pinyin(stem))
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-.")[:100] or "export"
    extension = re.sub(r"[^A-Za-z0-9]", "", extension)
    return f"{text}.{extension}" if extension else text


def _attachment(response, filename):
    response["Content-Disposition"] = (
        f'attachment; filename="{ascii_filename(filename)}"; '
        f"filename*=UTF-8''{escape_uri_path(filename)}"
    )
    return response


def xlsx_cell(value):
    """A spreadsheet cell of the value's own type: numbers stay numbers and dates dates (Excel
    has no time zones: an aware datetime is written in local time); text goes through
    `safe_cell`."""
    if isinstance(value, bool) or value is None:
        return safe_cell(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    return safe_cell(value)


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
        sheet.append([xlsx_cell(cell) for cell in row])
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
