"""The bulk import admin (设置 → 批量导入): only site administrators; upload, preview with every
error, confirm, background run with progress, report and template downloads."""

import io

import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from disclosure import import_admin
from disclosure.catalogue_import import plan_import
from disclosure.models import CatalogueImportRun, ImportStatus
from disclosure.tasks import PROGRESS_KEY
from portal.models import Department
from tests.editorial.conftest import editor_a  # noqa: F401  (fixture, found by name)

pytestmark = pytest.mark.django_db

INDEX = "/admin/catalogue-import/"
GOOD = (
    "\ufeff部门编码（必填）,部门全称（必填）,简称\n"
    "11331003,示例县市场监督管理局,县市场监管局\n"
    "11331010,示例县交通运输局,县交通局\n"
)
BAD = GOOD + "abc,示例县教育局,\n"


def upload(client, text, name="部门.csv", **extra):
    data = {"kind": "departments", "file": io.BytesIO(text.encode()), **extra}
    data["file"].name = name
    return client.post(INDEX, data)


def test_only_site_administrators(client, editor_a):  # noqa: F811
    client.force_login(editor_a)
    # Wagtail's admin turns the refusal into a redirect to the dashboard with its message.
    for url in (INDEX, f"{INDEX}templates/departments/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    upload(client, GOOD)
    assert not CatalogueImportRun.objects.exists()


def test_preview_then_confirm(client, site_admin):
    client.force_login(site_admin)
    page = client.get(INDEX).content.decode()
    assert "办事指南导入模板" in page and "权责事项导入模板" in page
    response = upload(client, GOOD)
    run = CatalogueImportRun.objects.get()
    assert response["Location"] == f"{INDEX}{run.pk}/"
    preview = client.get(response["Location"]).content.decode()
    assert "新增 2，更新 0，不变 0，错误 0" in preview and "确认导入" in preview
    assert not Department.objects.exists()  # nothing written before confirming
    response = client.post(f"{INDEX}{run.pk}/confirm/")
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE and Department.objects.count() == 2
    # Confirming twice writes nothing more.
    client.post(f"{INDEX}{run.pk}/confirm/")
    assert Department.objects.count() == 2
    report = client.get(f"{INDEX}{run.pk}/report/")
    rows = list(load_workbook(io.BytesIO(report.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "编码", "名称或列", "结果", "说明")
    assert rows[1][:4] == ("2", "11331003", "示例县市场监督管理局", "新增")
    # The same file again: everything unchanged.
    upload(client, GOOD)
    again = CatalogueImportRun.objects.first()
    assert (again.created_count, again.unchanged_count) == (0, 2)


def test_preview_lists_errors_and_cannot_be_confirmed(client, site_admin):
    client.force_login(site_admin)
    upload(client, BAD)
    run = CatalogueImportRun.objects.get()
    assert run.status == ImportStatus.REFUSED and run.error_count == 1
    html = client.get(f"{INDEX}{run.pk}/").content.decode()
    assert "第 4 行「部门编码」：部门编码只能由 4 至 20 位数字或大写字母组成。" in html
    assert "确认导入" not in html
    client.post(f"{INDEX}{run.pk}/confirm/")
    assert not Department.objects.exists()
    upload(client, "x", name="部门.pdf")
    html = client.get(f"{INDEX}{CatalogueImportRun.objects.first().pk}/").content.decode()
    assert "只支持 CSV（UTF-8 或 GBK 编码）和 Excel（.xlsx）文件" in html


def test_large_file_runs_as_a_task_with_progress(client, site_admin, monkeypatch):
    client.force_login(site_admin)
    monkeypatch.setattr(import_admin, "INLINE_ROWS", 1)
    enqueued = []
    task = import_admin.run_catalogue_import

    class QueuedTask:
        """The task as a worker would see it: enqueued now, run later."""

        def enqueue(self, run_id):
            enqueued.append(run_id)

    monkeypatch.setattr(import_admin, "run_catalogue_import", QueuedTask())
    upload(client, GOOD)
    run = CatalogueImportRun.objects.get()
    client.post(f"{INDEX}{run.pk}/confirm/")
    run.refresh_from_db()
    assert enqueued == [run.pk] and run.status == ImportStatus.QUEUED
    cache.set(PROGRESS_KEY.format(run.pk), 1)
    html = client.get(f"{INDEX}{run.pk}/").content.decode()
    assert "已写入 1 / 2 行" in html and 'http-equiv="refresh"' in html
    task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE and Department.objects.count() == 2
    assert 'http-equiv="refresh"' not in client.get(f"{INDEX}{run.pk}/").content.decode()


@pytest.mark.parametrize("kind", ["departments", "procedures", "powers"])
def test_templates_have_chinese_headers_an_example_and_notes(client, site_admin, kind):
    client.force_login(site_admin)
    response = client.get(f"{INDEX}templates/{kind}/")
    workbook = load_workbook(io.BytesIO(response.content))
    data, notes = workbook.worksheets
    header = [cell.value for cell in data[1]]
    assert any(value.endswith("（必填）") for value in header)
    assert data.max_row == 2  # the example row
    assert notes.title == "填写说明" and notes["A1"].value == "列名"
    assert client.get(f"{INDEX}templates/nothing/").status_code == 404


def test_department_template_example_imports():
    plan = plan_import("departments", import_admin.template_workbook("departments"), "t.xlsx")
    assert plan.ok and plan.created == 1
