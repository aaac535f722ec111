"""Downloads of the disclosure pages: the catalogue and fee tables as CSV, JSON, XLSX and Atom."""

from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from portal.exports import atom_response, csv_response, json_response, xlsx_response

from .selectors import catalogue_items, catalogue_rows, filter_fee_items, parse_catalogue_filters

EXPORT_LIMIT = 5000
FEED_LIMIT = 50

CATALOGUE_COLUMNS = [
    ("index_number", "索引号"),
    ("title", "标题"),
    ("type", "类型"),
    ("department", "发布机构"),
    ("document_number", "文号"),
    ("date_written", "成文日期"),
    ("date_published", "发布日期"),
    ("topic", "主题分类"),
    ("validity", "有效性"),
    ("url", "链接"),
]

FEE_COLUMNS = [
    ("name", "收费项目名称"),
    ("charging_department", "收费单位"),
    ("standard", "收费标准"),
    ("legal_basis", "收费依据"),
    ("legal_basis_number", "依据文号"),
    ("approval_number", "批准文号"),
    ("valid_from", "执行起始日期"),
    ("valid_to", "执行截止日期"),
    ("exemptions", "减免政策"),
    ("notes", "备注"),
]


def catalogue_export(request, page):
    """The filtered catalogue as ?format=csv, json or atom."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "json", "atom"):
        raise Http404("不支持的格式")
    filters = parse_catalogue_filters(request.GET)
    site = Site.find_for_request(request)
    items = catalogue_items(site.root_page if site else page.get_parent(), filters)
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "atom":
        rows = catalogue_rows(items.order_by("-first_published_at", "-pk")[:FEED_LIMIT], request)
        return atom_response(
            title=f"{page.title}",
            link=page.get_full_url(request),
            description=page.summary or page.title,
            feed_url=request.build_absolute_uri(),
            items=[
                {
                    "title": row["title"],
                    "link": row["url"],
                    "description": f"{row['type']} · {row['department']} · {row['index_number']}",
                    "pubdate": row["first_published_at"],
                    "unique_id": row["url"],
                    "categories": [row["type"], row["topic"]],
                }
                for row in rows
            ],
        )
    rows = catalogue_rows(items[:EXPORT_LIMIT], request)
    if fmt == "json":
        return json_response(
            f"disclosure-{stamp}",
            {
                "count": len(rows),
                "results": [{key: row[key] for key, _label in CATALOGUE_COLUMNS} for row in rows],
            },
        )
    return csv_response(
        f"政府信息公开目录-{stamp}",
        [label for _key, label in CATALOGUE_COLUMNS],
        ([row[key] for key, _label in CATALOGUE_COLUMNS] for row in rows),
    )


def _fee_rows(items):
    for item in items:
        yield {
            "name": item.name,
            "charging_department": item.charging_department.name,
            "standard": item.standard_label,
            "legal_basis": item.legal_basis,
            "legal_basis_number": item.legal_basis_number,
            "approval_number": item.approval_number,
            "valid_from": item.valid_from,
            "valid_to": item.valid_to or "",
            "exemptions": item.exemptions,
            "notes": item.notes,
        }


def fee_schedule_export(request, page):
    """The fee table, filtered as on the page, as ?format=csv, json or xlsx."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "json", "xlsx"):
        raise Http404("不支持的格式")
    items, _filters = filter_fee_items(page, request.GET)
    rows = list(_fee_rows(items))
    filename = f"{page.title}-{timezone.localdate():%Y%m%d}"
    headers = [label for _key, label in FEE_COLUMNS]
    if fmt == "json":
        return json_response(filename, {"title": page.title, "count": len(rows), "items": rows})
    table = [[row[key] for key, _label in FEE_COLUMNS] for row in rows]
    if fmt == "xlsx":
        return xlsx_response(filename, headers, table, sheet_title="收费项目")
    return csv_response(filename, headers, table)
