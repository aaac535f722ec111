"""Downloads of the disclosure pages: the catalogue and fee tables as CSV, JSON, XLSX and Atom."""

from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from portal.exports import atom_response, csv_response, json_response, xlsx_response
from portal.hosts import absolute_url

from .selectors import (
    bulletin_rows,
    catalogue_items,
    catalogue_rows,
    filter_fee_items,
    parse_catalogue_filters,
)

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
    ("amount", "金额（元）"),
    ("amount_max", "金额上限（元）"),
    ("unit", "计费单位"),
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
            feed_url=absolute_url(request.get_full_path(), request),
            items=[
                {
                    "title": row["title"],
                    "link": row["url"],
                    "description": f"{row['type']} · {row['department']} · {row['index_number']}",
                    "pubdate": row["first_published_at"],
                    "updateddate": row["last_published_at"],
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
            "amount": item.amount,
            "amount_max": item.amount_max,
            "unit": item.unit,
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


BULLETIN_COLUMNS = [
    ("rank", "排名"),
    ("department_name", "部门"),
    ("stationed_items", "进驻事项数"),
    ("cases_handled", "办件量"),
    ("on_time_rate", "按时办结率（%）"),
    ("complaints_received", "收到投诉"),
    ("complaints_concluded", "办结投诉"),
    ("complaints_on_time_rate", "投诉按时办结率（%）"),
    ("satisfaction_rate", "投诉满意率（%）"),
    ("views_on_time_rate", "座谈会意见按时答复率（%）"),
    ("inspection_findings", "明查暗访发现问题"),
    ("cases_opened", "问责立案"),
    ("cases_decided", "问责办结"),
    ("outcomes", "问责结果"),
    ("veto", "一票否决"),
    ("score", "考核得分"),
]


def bulletin_export(request, page):
    """The bulletin's figures as ?format=csv or json."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "json"):
        raise Http404("不支持的格式")
    rows = [
        {
            key: ("是" if getattr(row, key) else "否") if key == "veto" else getattr(row, key)
            for key, _label in BULLETIN_COLUMNS
        }
        for row in bulletin_rows(page)
    ]
    filename = f"月通报-{page.month:%Y-%m}"
    if fmt == "json":
        return json_response(
            filename, {"month": f"{page.month:%Y-%m}", "title": page.title, "rows": rows}
        )
    return csv_response(
        filename,
        [label for _key, label in BULLETIN_COLUMNS],
        ([row[key] for key, _label in BULLETIN_COLUMNS] for row in rows),
    )


def bulletin_import(request, page_id):
    """Admin: upload the service centre's CSV/XLSX into a draft of the bulletin."""
    from django import forms
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404, redirect
    from django.template.response import TemplateResponse
    from django.urls import reverse

    from .models import MonthlyBulletinPage
    from .services import ImportRefused, bulletin_import_service_centre

    page = get_object_or_404(MonthlyBulletinPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied

    class ImportForm(forms.Form):
        file = forms.FileField(
            label="数据文件",
            help_text="CSV 或 Excel（.xlsx）文件，第一行为表头：部门编码（或部门名称）、"
            "进驻事项数、办件量、按时办结件数。",
            error_messages={"required": "请选择要导入的文件。"},
        )

    errors = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = bulletin_import_service_centre(
                page=page, uploaded_file=form.cleaned_data["file"], user=request.user
            )
        except ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(
                request,
                f"已导入 {len(result.updated) + len(result.created)} 个部门的政务服务中心数据"
                f"（新增 {len(result.created)} 个），已保存为草稿，请核对后发布。",
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "disclosure/admin/bulletin_import.html",
        {"page": page, "form": form, "errors": errors},
    )
