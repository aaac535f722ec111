"""Bulk import (import_catalogue): reading CSV in UTF-8/GBK with or without BOM and XLSX, every
kind of row error in Chinese with its row and column, all or nothing, idempotency, drafts in
the department's name, direct publication (audit-logged), and the links of imported powers."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from disclosure.catalogue_import import ImportRefused, import_apply, plan_import
from disclosure.factories import (
    DisclosureIndexPageFactory,
    PenaltyDiscretionPageFactory,
    PowerIndexPageFactory,
)
from disclosure.models import PowerItemPage, ServiceProcedurePage
from portal.factories import DepartmentFactory
from portal.models import Department

pytestmark = pytest.mark.django_db

DEPARTMENT_HEADER = "部门编码,部门全称,简称,上级部门编码,联系电话,排序"
DEPARTMENTS = (
    f"{DEPARTMENT_HEADER}\n"
    "11331003,示例县市场监督管理局,县市场监管局,,0571-86010003,10\n"
    "11331004,示例县市场监督管理局城关所,城关所,11331003,,20\n"
)

PROCEDURE_HEADER = (
    "事项编码,事项名称,部门编码,事项类型,设定依据,受理条件,申请材料,办理流程,"
    "法定办结时限,承诺办结时限,是否收费,办理地点,办理时间,咨询电话,监督投诉电话"
)


def procedure_row(code="XK-0001", title="食品经营许可（新办）", department="11331003", **over):
    cells = {
        "code": code,
        "title": title,
        "department": department,
        "type": "行政许可",
        "basis": "《中华人民共和国食品安全法》第三十五条",
        "conditions": "取得营业执照",
        "materials": '"申请书｜原件｜1\n营业执照｜复印件｜1"',
        "steps": '"受理｜综合窗口｜即办\n审查｜审批科｜3 个工作日"',
        "statutory": "20",
        "promised": "5",
        "charged": "否",
        "location": "政务服务中心一楼",
        "hours": "工作日 8:30-17:30",
        "phone": "0571-86010003",
        "supervision": "12345",
    }
    cells.update(over)
    return ",".join(cells.values())


def csv_bytes(text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def errors_of(plan):
    return [str(error) for error in plan.errors]


@pytest.fixture
def market(db):
    return DepartmentFactory(name="示例县市场监督管理局", code="11331003")


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def powers(home):
    return PowerIndexPageFactory(parent=home)


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("gbk", False), ("gb18030", False)]
)
def test_departments_from_csv_in_any_encoding_and_idempotent(encoding, bom):
    data = csv_bytes(DEPARTMENTS, encoding, bom)
    plan = import_apply(kind="departments", data=data, filename="部门.csv")
    assert (plan.created, plan.updated, plan.unchanged) == (2, 0, 0)
    branch = Department.objects.get(code="11331004")
    assert branch.parent.code == "11331003" and branch.sort_order == 20
    again = import_apply(kind="departments", data=data, filename="部门.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = data.replace("城关所,11331003".encode(encoding), "城关分局,11331003".encode(encoding))
    third = import_apply(kind="departments", data=changed, filename="部门.csv")
    assert third.updated == 1 and third.rows[1].changes == ["简称"]
    assert Department.objects.get(code="11331004").short_name == "城关分局"


def test_departments_from_xlsx():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for line in DEPARTMENTS.strip().splitlines():
        cells = line.split(",")
        sheet.append([int(c) if c.isdigit() and len(c) < 4 else c for c in cells])
    sheet.append([])  # blank rows are skipped
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = import_apply(kind="departments", data=buffer.getvalue(), filename="部门.xlsx")
    assert plan.created == 2
    assert Department.objects.get(code="11331004").sort_order == 20


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"a,b", "list.xls", "只支持 CSV（UTF-8 或 GBK 编码）和 Excel（.xlsx）文件"),
        (b"", "empty.csv", "文件是空的"),
        (b"\xff\xfe\x00\x00\xff", "bad.csv", "无法识别文件编码"),
        (b"PK\x03\x04broken", "bad.xlsx", "无法打开 Excel 文件"),
        (b"PK\x03\x04broken", "bad.csv", "请使用 .xlsx 扩展名"),
    ],
)
def test_file_errors(data, filename, message):
    plan = plan_import("departments", data, filename)
    assert not plan.ok and message in errors_of(plan)[0]


def test_header_errors():
    plan = plan_import("departments", csv_bytes("部门编码,部门编码,颜色\n1,2,3\n"), "d.csv")
    assert errors_of(plan) == [
        "第 1 行「部门编码」：列重复",
        "第 1 行「颜色」：不认识的列，请使用导入模板的表头",
        "第 1 行「部门全称」：缺少必填列",
    ]


def test_row_errors_name_row_and_column():
    text = (
        f"{DEPARTMENT_HEADER}\n"
        "11331003,示例县市场监督管理局,,,0571-86010003,10\n"
        "abc,示例县教育局,,,,\n"  # bad code pattern
        "11331005,,,,,\n"  # required cell empty
        "11331003,示例县文旅局,,,,\n"  # duplicate code in the file
        "11331006,示例县卫健局,,99999999,电话,十\n"  # unknown parent, bad phone, bad number
    )
    plan = plan_import("departments", csv_bytes(text), "d.csv")
    errors = errors_of(plan)
    assert "第 3 行「部门编码」：部门编码只能由 4 至 20 位数字或大写字母组成。" in errors
    assert "第 4 行「部门全称」：必填，不能为空" in errors
    assert "第 5 行「部门编码」：编码与第 2 行重复" in errors
    assert any(e.startswith("第 6 行「联系电话」：请填写有效的电话号码") for e in errors)
    assert "第 6 行「排序」：应为 0 至 100000 的整数" in errors
    assert len(plan.rows) == 1  # only the good row is planned


def test_cross_column_rules_of_departments(market):
    text = f"{DEPARTMENT_HEADER}\n99990001,示例县市场监督管理局,,99990001,,\n"
    errors = errors_of(plan_import("departments", csv_bytes(text), "d.csv"))
    assert "第 2 行「上级部门编码」：上级部门不能是本部门" in errors
    assert "第 2 行「部门全称」：部门全称已被编码为“11331003”的部门使用" in errors


def test_all_or_nothing():
    text = DEPARTMENTS + "bad,示例县教育局,,,,\n"
    with pytest.raises(ImportRefused) as refused:
        import_apply(kind="departments", data=csv_bytes(text), filename="d.csv")
    assert refused.value.plan.errors[0].row == 4
    assert not Department.objects.exists()


def test_procedures_import_as_drafts_in_the_department_name(catalogue, market, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.com", "x")
    data = csv_bytes(
        f"{PROCEDURE_HEADER}\n{procedure_row()}\n"
        f"{procedure_row('XK-0002', '食品经营许可（变更）')}\n"
    )
    plan = import_apply(kind="procedures", data=data, filename="p.csv", user=user)
    assert plan.created == 2
    page = ServiceProcedurePage.objects.get(item_code="XK-0001")
    assert not page.live and page.index_number is None
    assert page.issuing_department == market and page.get_parent().pk == catalogue.pk
    assert page.latest_revision.user == user
    assert [m.name for m in page.materials.all()] == ["申请书", "营业执照"]
    assert [(s.name, s.time_limit) for s in page.steps.all()] == [
        ("受理", "即办"),
        ("审查", "3 个工作日"),
    ]
    assert page.missing_elements() == []
    # The same file again changes nothing.
    revisions = page.revisions.count()
    again = import_apply(kind="procedures", data=data, filename="p.csv", user=user)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert page.revisions.count() == revisions
    # A changed row is a new draft revision.
    changed = data.replace("工作日 8:30-17:30".encode(), "工作日 9:00-17:00".encode(), 1)
    third = import_apply(kind="procedures", data=changed, filename="p.csv", user=user)
    assert third.updated == 1 and third.rows[0].changes == ["办理时间"]
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.get_latest_revision_as_object().office_hours == "工作日 9:00-17:00"


def test_procedure_row_rules(catalogue, market):
    rows = [
        procedure_row("A1", department="00000000"),
        procedure_row("A2", type="行政许可证"),
        procedure_row("A3", statutory="5", promised="10"),
        procedure_row("A4", materials='"申请书｜原稿｜1"'),
        procedure_row("A5", statutory="即办", promised="即办", charged="也许"),
    ]
    plan = plan_import("procedures", csv_bytes("\n".join([PROCEDURE_HEADER, *rows])), "p.csv")
    errors = errors_of(plan)
    assert "第 2 行「部门编码」：找不到编码为“00000000”的部门，请先导入部门" in errors
    assert any(e.startswith("第 3 行「事项类型」：应为以下之一：行政许可、") for e in errors)
    assert "第 4 行「承诺办结时限」：承诺时限不能长于法定时限" in errors
    assert any(e.startswith("第 5 行「申请材料」：材料“申请书”的形式应为") for e in errors)
    assert "第 6 行「是否收费」：应为“是”或“否”" in errors


def test_procedures_need_the_catalogue_page(home, market):
    plan = plan_import("procedures", csv_bytes(f"{PROCEDURE_HEADER}\n{procedure_row()}\n"), "p.csv")
    assert "请先在页面树中创建“政府信息公开目录”页面" in errors_of(plan)[0]


def test_publish_directly_is_audit_logged(catalogue, market, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.com", "x")
    data = csv_bytes(f"{PROCEDURE_HEADER}\n{procedure_row()}\n")
    import_apply(kind="procedures", data=data, filename="p.csv", user=user, publish=True)
    page = ServiceProcedurePage.objects.get(item_code="XK-0001")
    assert page.live and page.index_number.startswith("11331003-B-")
    entry = PageLogEntry.objects.get(page=page, action="disclosure.import_publish")
    assert entry.user == user and entry.data["row"] == 2


POWER_HEADER = (
    "权力编码,事项名称,权力类型,部门编码,实施依据,责任事项,追责情形,事项状态,"
    "调整记录,关联办事指南,关联裁量基准"
)


def power_row(
    code="XK-1", kind="行政许可", status="实施中", adjustments="", procedures="", standard=""
):
    return ",".join(
        [
            code,
            f"权力{code}",
            kind,
            "11331003",
            "《中华人民共和国行政许可法》第十二条",
            '"受理责任｜依法受理\n决定｜依法作出决定"',
            '"对符合条件的申请不予受理的｜《行政许可法》第七十二条"',
            status,
            adjustments,
            procedures,
            standard,
        ]
    )


def test_power_items_import_with_links_and_keep_trigger_ids(catalogue, powers, market):
    import_apply(
        kind="procedures",
        data=csv_bytes(f"{PROCEDURE_HEADER}\n{procedure_row()}\n"),
        filename="p.csv",
        publish=True,
    )
    standard = PenaltyDiscretionPageFactory(parent=catalogue, title="市场监管处罚裁量基准")
    rows = [
        power_row("XK-1", procedures="XK-0001"),
        power_row("CF-1", kind="行政处罚", standard=standard.title),
    ]
    data = csv_bytes("\n".join([POWER_HEADER, *rows]))
    plan = import_apply(kind="powers", data=data, filename="q.csv", publish=True)
    assert plan.created == 2
    licence = PowerItemPage.objects.get(code="XK-1")
    assert licence.live and licence.index_number.startswith("11331003-G-")
    assert [p.item_code for p in licence.procedures.all()] == ["XK-0001"]
    assert [r.stage for r in licence.responsibilities.all()] == ["acceptance", "decision"]
    assert PowerItemPage.objects.get(code="CF-1").penalty_standard_id == standard.pk
    trigger_id = licence.triggers.get().pk
    assert import_apply(kind="powers", data=data, filename="q.csv").unchanged == 2
    # An update keeps the trigger rows accountability cases name.
    changed = data.replace("依法作出决定".encode(), "依法作出书面决定".encode())
    assert import_apply(kind="powers", data=changed, filename="q.csv", publish=True).updated == 2
    assert PowerItemPage.objects.get(code="XK-1").triggers.get().pk == trigger_id


def test_power_row_rules(powers, market, catalogue):
    rows = [
        power_row("A1", status="已调整"),
        power_row("A2", procedures="NOPE"),
        power_row("A3", standard="不存在的基准"),
        power_row("A4", kind="行政处罚", standard="不存在的基准"),
        power_row("A5", status="已取消", adjustments='"取消｜2999-01-01｜示政发〔2026〕1号｜｜"'),
    ]
    errors = errors_of(plan_import("powers", csv_bytes("\n".join([POWER_HEADER, *rows])), "q.csv"))
    assert "第 2 行「调整记录」：已调整或已取消的事项须填写调整记录" in errors
    assert "第 3 行「关联办事指南」：找不到事项编码为“NOPE”的办事指南" in errors
    assert "第 4 行「关联裁量基准」：只有行政处罚事项才能关联处罚裁量基准" in errors
    assert "第 5 行「关联裁量基准」：找不到标题为“不存在的基准”的处罚裁量基准" in errors
    assert "第 6 行「调整记录」：日期不能晚于今天" in errors


def test_command_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "部门.csv"
    path.write_bytes(csv_bytes(DEPARTMENTS, bom=True))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_catalogue", "departments", str(path), "--dry-run", stdout=out, stderr=err)
    assert "新增 2" in out.getvalue() and "没有写入任何内容" in out.getvalue()
    assert not Department.objects.exists()
    call_command("import_catalogue", "departments", str(path), stdout=out, stderr=err)
    assert Department.objects.count() == 2


def test_command_refuses_a_file_with_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(DEPARTMENTS + "bad,示例县教育局,,,,\n"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="没有导入任何内容"):
        call_command("import_catalogue", "departments", str(path), stdout=io.StringIO(), stderr=err)
    assert "第 4 行「部门编码」" in err.getvalue()
    assert not Department.objects.exists()
