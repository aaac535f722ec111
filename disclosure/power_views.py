"""Downloads of the power and responsibility list: CSV, XLSX, JSON and an Atom feed of /powers/,
filtered as on the page."""

from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from portal.exports import atom_response, csv_response, json_response, xlsx_response
from portal.hosts import absolute_url

from .power_selectors import parse_power_filters, power_items, power_rows

EXPORT_LIMIT = 5000
FEED_LIMIT = 50

POWER_COLUMNS = [
    ("code", "权力编码"),
    ("title", "事项名称"),
    ("kind", "权力类型"),
    ("department", "实施主体"),
    ("unit", "实施机构"),
    ("legal_basis", "实施依据"),
    ("status", "事项状态"),
    ("supervision_phone", "监督电话"),
    ("index_number", "索引号"),
    ("date_published", "发布日期"),
    ("url", "链接"),
]


def power_list_export(request, page):
    """The filtered power list as ?format=csv, xlsx, json or atom."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "xlsx", "json", "atom"):
        raise Http404("不支持的格式")
    filters = parse_power_filters(request.GET)
    site = Site.find_for_request(request)
    items = power_items(site.root_page if site else page.get_parent(), filters)
    if fmt == "atom":
        rows = power_rows(items.order_by("-first_published_at", "-pk")[:FEED_LIMIT], request)
        return atom_response(
            title=page.title,
            link=page.get_full_url(request),
            description=page.summary or page.title,
            feed_url=absolute_url(request.get_full_path(), request),
            items=[
                {
                    "title": row["title"],
                    "link": row["url"],
                    "description": f"{row['kind']} · {row['department']} · {row['status']}",
                    "pubdate": row["first_published_at"],
                    "unique_id": row["url"],
                    "categories": [row["kind"], row["department"]],
                }
                for row in rows
            ],
        )
    rows = power_rows(items[:EXPORT_LIMIT], request)
    filename = f"权责清单-{timezone.localdate():%Y%m%d}"
    if fmt == "json":
        return json_response(
            filename,
            {
                "count": len(rows),
                "results": [{key: row[key] for key, _label in POWER_COLUMNS} for row in rows],
            },
        )
    headers = [label for _key, label in POWER_COLUMNS]
    table = [[row[key] for key, _label in POWER_COLUMNS] for row in rows]
    if fmt == "xlsx":
        return xlsx_response(filename, headers, table, sheet_title="权责清单")
    return csv_response(filename, headers, table)
