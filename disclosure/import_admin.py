"""Admin views of the bulk import (设置 → 批量导入), for site administrators: upload a file and see
its preview, confirm it, follow a large import's progress, download the report and the XLSX
templates. The writes go through `disclosure.catalogue_import` and `disclosure.tasks`."""

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.views.decorators.http import require_POST

from portal.exports import safe_cell, xlsx_response
from portal.permissions import is_site_admin

from .catalogue_import import KIND_LABELS, get_kind, plan_import
from .models import CatalogueImportRun, ImportStatus
from .tasks import import_progress, run_catalogue_import

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Files with more rows to write than this run as a background task; smaller ones at once.
INLINE_ROWS = 500
PREVIEW_ROWS = 500


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="导入类型",
        choices=[(name, str(label)) for name, label in KIND_LABELS.items()],
        error_messages={"required": "请选择导入类型。"},
    )
    file = forms.FileField(
        label="文件",
        help_text="CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx），第一行为导入模板的表头。",
        error_messages={"required": "请选择要导入的文件。"},
    )
    publish = forms.BooleanField(
        label="直接发布",
        required=False,
        help_text="不勾选时导入的页面为草稿，由各部门提交审核后发布；勾选则直接发布，记入审计日志。",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("文件不能超过 20 MB，请拆分后导入。")
        return upload


def _require_site_admin(request):
    if not is_site_admin(request.user):
        raise PermissionDenied


def import_index(request):
    """The upload form, the templates and the recent runs; a valid upload is previewed."""
    _require_site_admin(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        plan = plan_import(form.cleaned_data["kind"], data, upload.name)
        run = CatalogueImportRun(
            kind=form.cleaned_data["kind"],
            filename=upload.name[:200],
            data=data,
            publish=form.cleaned_data["publish"],
            created_by=request.user,
            status=ImportStatus.PREVIEWED if plan.ok else ImportStatus.REFUSED,
        )
        run.record_plan(plan)
        run.save()
        return redirect(reverse("disclosure_import_run", args=[run.pk]))
    return TemplateResponse(
        request,
        "disclosure/admin/import_index.html",
        {
            "form": form,
            "kinds": list(KIND_LABELS.items()),
            "runs": CatalogueImportRun.objects.select_related("created_by")[:20],
        },
    )


def import_run(request, pk):
    """A run's preview or result: counts, every error, the rows, progress while it runs."""
    _require_site_admin(request)
    run = get_object_or_404(CatalogueImportRun, pk=pk)
    if run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        run.done_rows = import_progress(run)
    report = run.report
    return TemplateResponse(
        request,
        "disclosure/admin/import_run.html",
        {
            "run": run,
            "kind_label": KIND_LABELS.get(run.kind, run.kind),
            "errors": [line for line in report if line[3] == "错误"],
            "rows": [line for line in report if line[3] != "错误"][:PREVIEW_ROWS],
            "more_rows": max(0, len(report) - run.error_count - PREVIEW_ROWS),
            "in_progress": run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
            "can_confirm": run.status == ImportStatus.PREVIEWED and run.error_count == 0,
        },
    )


@require_POST
def import_confirm(request, pk):
    """Write a previewed run: at once when small, else as a background task."""
    _require_site_admin(request)
    with transaction.atomic():
        run = get_object_or_404(CatalogueImportRun.objects.select_for_update(), pk=pk)
        if run.status != ImportStatus.PREVIEWED or run.error_count:
            messages.error(request, "该文件不能导入：已导入过，或预览发现错误。")
            return redirect(reverse("disclosure_import_run", args=[run.pk]))
        run.status = ImportStatus.QUEUED
        run.save(update_fields=["status"])
    if run.to_write > INLINE_ROWS:
        run_catalogue_import.enqueue(run.pk)
        messages.success(request, "已开始在后台导入，本页显示进度。")
    else:
        run_catalogue_import.call(run.pk)
        run.refresh_from_db()
        if run.status == ImportStatus.DONE:
            messages.success(request, run.message)
        else:
            messages.error(request, run.message)
    return redirect(reverse("disclosure_import_run", args=[run.pk]))


def import_report(request, pk):
    """The run's per-row report as XLSX."""
    _require_site_admin(request)
    run = get_object_or_404(CatalogueImportRun, pk=pk)
    return xlsx_response(
        f"导入报告-{run.pk}-{run.filename.rsplit('.', 1)[0]}",
        ["行号", "编码", "名称或列", "结果", "说明"],
        run.report,
        sheet_title="导入报告",
    )


def template_workbook(kind_name, rows=None):
    """The XLSX template of a kind: the data sheet with Chinese headers (required ones marked)
    and an example row, or the given rows, and a notes sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    kind = get_kind(kind_name)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(KIND_LABELS[kind_name])
    sheet.append([f"{c.header}（必填）" if c.required else c.header for c in kind.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in rows if rows is not None else [[c.example for c in kind.columns]]:
        sheet.append([safe_cell(value) for value in row])
    for index, column in enumerate(kind.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            12, min(40, len(column.header) * 3)
        )
    notes = workbook.create_sheet("填写说明")
    notes.append(["列名", "是否必填", "填写说明", "示例"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in kind.columns:
        notes.append(
            [column.header, "必填" if column.required else "选填", column.note, column.example]
        )
    notes.append([])
    for line in (
        "第一个工作表为数据，第一行为表头，请勿修改表头；从第二行起每行一条，示例行可直接改写或删除。",
        "按编码匹配：编码已存在的更新，不存在的新增，内容相同的不变；同一文件导入两次不会重复。",
        "一行中多项内容（材料、流程、责任事项、追责情形、调整记录）请在单元格内换行（Alt+回车），"
        "各部分用“｜”分隔。",
        "任何一行有错误，整个文件都不会导入；请按预览中列出的行号和列名改正后重新上传。",
        "也可另存为 CSV（UTF-8 或 GBK 编码）后导入。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["C"].width = 70
    notes.column_dimensions["D"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_template(request, kind):
    """Download the XLSX template of a kind."""
    _require_site_admin(request)
    if kind not in KIND_LABELS:
        raise Http404("没有这种导入模板")
    response = HttpResponse(
        template_workbook(kind),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"导入模板-{KIND_LABELS[kind]}.xlsx"
    response["Content-Disposition"] = (
        f"attachment; filename=\"import-{kind}.xlsx\"; filename*=UTF-8''{escape_uri_path(filename)}"
    )
    return response
