"""Bulk import of the catalogue from the spreadsheets a county already keeps: departments, service
procedures and power items, from CSV (UTF-8 or GBK, with or without BOM) or XLSX.

One module for the whole pipeline, read → plan → apply, because every kind shares it:
`read_table` turns a file into rows, `plan_import` checks every cell and says per row whether it
creates, updates (matched by code) or leaves a record alone, without writing; `import_apply` (the
service) writes a plan that has no error in one transaction, so an import is all or nothing and a
second run of the same file finds every row unchanged. Pages are saved as draft revisions in their
department's name and go through the normal review, unless a site administrator publishes them
directly (logged as `disclosure.import_publish`); index numbers are stamped at publication.

openpyxl reads and writes the spreadsheets (already pinned, streaming read-only mode for large
files); tablib or django-import-export would add a dependency and their own error format, while
the row-and-column errors in Chinese and the page-revision writes are what this needs.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from portal.models import Department
from portal.slugs import pinyin_slug

MAX_ROWS = 20000
MAX_CELL = 5000
LIST_SEPARATORS = re.compile(r"[；;、,，\n]+")
PART_SEPARATOR = re.compile(r"\s*[|｜]\s*")


class ImportFileError(Exception):
    """The file as a whole cannot be read (type, encoding, headers)."""


class CellError(Exception):
    """One cell's value is not acceptable; the message is Chinese and names what is expected."""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        where = f"第 {self.row} 行" if self.row else "文件"
        column = f"「{self.column}」" if self.column else ""
        return f"{where}{column}：{self.message}"


@dataclass
class PlannedRow:
    row: int
    code: str
    label: str
    action: str  # "create", "update" or "unchanged"
    values: dict
    target: object = None
    changes: list = field(default_factory=list)


@dataclass
class ImportPlan:
    kind: str
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self):
        return self.count("create")

    @property
    def updated(self):
        return self.count("update")

    @property
    def unchanged(self):
        return self.count("unchanged")

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return _("共 %(total)s 行：新增 %(c)s，更新 %(u)s，不变 %(n)s，错误 %(e)s。") % {
            "total": len(self.rows) + len({e.row for e in self.errors if e.row}),
            "c": self.created,
            "u": self.updated,
            "n": self.unchanged,
            "e": len(self.errors),
        }

    def report_rows(self):
        """One line per row for the downloadable report: row, code, name, result, detail."""
        lines = [
            [row.row, row.code, row.label, ACTION_LABELS[row.action], "；".join(row.changes)]
            for row in self.rows
        ]
        lines += [[e.row, "", e.column, "错误", e.message] for e in self.errors]
        return sorted(lines, key=lambda line: (line[0] or 0, line[3] != "错误"))


ACTION_LABELS = {"create": "新增", "update": "更新", "unchanged": "不变"}


# -- reading files ----------------------------------------------------------------------------


def _decode_csv(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("无法识别文件编码，请将 CSV 另存为 UTF-8 或 GBK（ANSI）编码后重新上传。")
        ) from error


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data, filename):
    """(headers, [(row number, [cell texts])]) of the first sheet of an XLSX file or of a CSV
    file; blank rows are skipped, row numbers are the spreadsheet's (the header is row 1)."""
    name = (filename or "").lower()
    if data[:2] == b"PK" or name.endswith(".xlsx"):
        if not name.endswith(".xlsx"):
            raise ImportFileError(_("文件内容是 Excel 表格，请使用 .xlsx 扩展名。"))
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(
                _("无法打开 Excel 文件，请确认是 .xlsx 格式且未加密。")
            ) from error
        sheet = workbook.worksheets[0]
        rows = ([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True))
    elif name.endswith(".csv"):
        rows = csv.reader(io.StringIO(_decode_csv(data)))
        rows = ([cell.strip() for cell in row] for row in rows)
    else:
        raise ImportFileError(
            _("只支持 CSV（UTF-8 或 GBK 编码）和 Excel（.xlsx）文件，旧版 .xls 请另存为 .xlsx。")
        )
    try:
        headers = next(rows)
    except StopIteration:
        raise ImportFileError(_("文件是空的。")) from None
    table = []
    for number, cells in enumerate(rows, start=2):
        if any(cells):
            table.append((number, cells))
        if len(table) > MAX_ROWS:
            raise ImportFileError(_("一次最多导入 %(max)s 行，请拆分文件。") % {"max": MAX_ROWS})
    return [_clean_header(h) for h in headers], table


def _clean_header(header):
    text = str(header or "").strip().replace("（必填）", "").replace("(必填)", "").strip()
    return text.rstrip("*＊").strip()


# -- cell parsers -----------------------------------------------------------------------------


def text(max_length):
    def parse(value, context):
        if len(value) > max_length:
            raise CellError(_("不能超过 %(n)s 个字") % {"n": max_length})
        return value

    return parse


def multiline(max_length):
    def parse(value, context):
        value = "\n".join(line.strip() for line in value.splitlines() if line.strip())
        if len(value) > max_length:
            raise CellError(_("不能超过 %(n)s 个字") % {"n": max_length})
        return value

    return parse


def choice(choices):
    """A TextChoices column: its Chinese label (or stored value)."""

    def parse(value, context):
        for stored, label in choices.choices:
            if value in (str(label), stored):
                return stored
        raise CellError(
            _("应为以下之一：%(options)s")
            % {"options": "、".join(str(label) for label in choices.labels)}
        )

    return parse


def integer(low, high):
    def parse(value, context):
        if not re.fullmatch(r"\d+", value):
            raise CellError(_("应为 %(low)s 至 %(high)s 的整数") % {"low": low, "high": high})
        number = int(value)
        if not low <= number <= high:
            raise CellError(_("应为 %(low)s 至 %(high)s 的整数") % {"low": low, "high": high})
        return number

    return parse


def days_or_immediate(value, context):
    """A time limit in working days, or 即办."""
    if value == "即办":
        return "即办"
    return integer(0, 365)(value, context)


def yes_no(value, context):
    if value in ("是", "Y", "y", "1", "TRUE", "True", "true"):
        return True
    if value in ("否", "N", "n", "0", "FALSE", "False", "false"):
        return False
    raise CellError(_("应为“是”或“否”"))


def date(value, context):
    try:
        day = datetime.date.fromisoformat(value.replace("/", "-").replace(".", "-")[:10])
    except ValueError:
        raise CellError(_("日期格式应为 2026-03-01")) from None
    if day > timezone.localdate():
        raise CellError(_("日期不能晚于今天"))
    return day


def validated(model, name):
    """A column checked by the model field's own validators (length, pattern), as the admin
    form would check it."""
    model_field = model._meta.get_field(name)

    def parse(value, context):
        try:
            model_field.run_validators(value)
        except ValidationError as error:
            raise CellError("；".join(error.messages)) from None
        if model_field.max_length and len(value) > model_field.max_length:
            raise CellError(_("不能超过 %(n)s 个字") % {"n": model_field.max_length})
        return value

    return parse


def department(value, context):
    found = context["departments"].get(value)
    if found is None:
        raise CellError(_("找不到编码为“%(code)s”的部门，请先导入部门") % {"code": value})
    return found


def code_list(value, context):
    return sorted({code for code in LIST_SEPARATORS.split(value) if code.strip()})


def parts(value, count):
    """The '｜'-separated parts of one line, padded to `count`."""
    found = PART_SEPARATOR.split(value.strip())
    if len(found) > count:
        raise CellError(_("每行最多 %(n)s 项，用“｜”分隔") % {"n": count})
    return found + [""] * (count - len(found))


# -- kinds --------------------------------------------------------------------------------------


@dataclass
class Column:
    header: str
    key: str
    parse: object
    required: bool = False
    note: str = ""
    example: str = ""
    # The value of an optional column left empty (or absent from the file).
    default: object = ""


class ImportKind:
    """What one kind of row is: its columns, how existing records are found by code, compared
    and written. Subclasses fill in the model-specific parts."""

    name = ""
    label = ""
    code_key = "code"
    columns = []

    def header_map(self):
        return {column.header: column for column in self.columns}

    def context(self):
        return {"departments": {d.code: d for d in Department.objects.all()}}

    def existing(self, codes):
        raise NotImplementedError

    def current(self, obj):
        raise NotImplementedError

    def check(self, values, context):
        """Rules across columns: {key: message}."""
        return {}

    def normalise(self, values):
        """The row's values with every column's default filled in, so that comparing with the
        stored record is like with like."""
        for column in self.columns:
            values.setdefault(column.key, column.default)
        return values

    def describe(self, values):
        return values.get("title") or values.get("name") or ""

    def write(self, planned, *, user, publish, context):
        raise NotImplementedError


def _lines(value):
    return [line.strip() for line in value.splitlines() if line.strip()]


def _paragraphs(value):
    """Plain lines as the rich text an editor would write: one paragraph per line."""
    return "".join(f"<p>{escape(line)}</p>" for line in _lines(value))


def _unparagraphs(html):
    from html import unescape

    from django.utils.html import strip_tags

    html = re.sub(r"</p>\s*<p[^>]*>", "\n", html or "")
    plain = unescape(strip_tags(html))
    return "\n".join(line.strip() for line in plain.splitlines() if line.strip())


class DepartmentKind(ImportKind):
    name = "departments"
    label = _("部门")
    columns = [
        Column(
            "部门编码",
            "code",
            validated(Department, "code"),
            True,
            "4–20 位数字或大写字母，用于索引号",
            "11331003",
        ),
        Column("部门全称", "name", text(100), True, "", "示例县市场监督管理局"),
        Column("简称", "short_name", text(30), False, "", "县市场监管局"),
        Column("上级部门编码", "parent", text(20), False, "须是已有部门或本文件中的部门", ""),
        Column("负责人职务", "leader_title", text(50), False, "", "局长"),
        Column("办公地址", "address", text(200), False, "", "示例县人民路 8 号"),
        Column("联系电话", "phone", validated(Department, "phone"), False, "", "0571-86010003"),
        Column("办公时间", "office_hours", text(100), False, "", "工作日 8:30-12:00，14:30-17:30"),
        Column(
            "电子邮箱", "email", validated(Department, "email"), False, "", "scjg@example.gov.cn"
        ),
        Column("排序", "sort_order", integer(0, 100000), False, "数字小的排在前面", "100", 100),
    ]
    FIELDS = ["name", "short_name", "leader_title", "address", "phone", "office_hours", "email"]

    def existing(self, codes):
        return {
            d.code: d for d in Department.objects.filter(code__in=codes).select_related("parent")
        }

    def current(self, obj):
        values = {name: getattr(obj, name) for name in self.FIELDS}
        values["parent"] = obj.parent.code if obj.parent_id else ""
        values["sort_order"] = obj.sort_order
        return values

    def check(self, values, context):
        errors = {}
        parent = values.get("parent")
        if parent and parent not in context["departments"] and parent not in context["file_codes"]:
            errors["parent"] = _("找不到编码为“%(code)s”的上级部门") % {"code": parent}
        if parent and parent == values["code"]:
            errors["parent"] = _("上级部门不能是本部门")
        other = context["names"].get(values.get("name"))
        if other and other != values["code"]:
            errors["name"] = _("部门全称已被编码为“%(code)s”的部门使用") % {"code": other}
        return errors

    def context(self):
        context = super().context()
        context["names"] = {d.name: d.code for d in context["departments"].values()}
        return context

    def write(self, planned, *, user, publish, context):
        values = dict(planned.values)
        parent_code = values.pop("parent", "")
        obj = planned.target or Department(code=values["code"])
        for name in [*self.FIELDS, "sort_order"]:
            setattr(obj, name, values.get(name, "" if name != "sort_order" else 100))
        obj.parent = None
        obj.full_clean(exclude=["parent"])
        obj.save()
        context["departments"][obj.code] = obj
        context.setdefault("parents", []).append((obj, parent_code))
        return obj

    def finish(self, context):
        for obj, parent_code in context.get("parents", []):
            parent = context["departments"][parent_code] if parent_code else None
            if obj.parent_id != (parent.pk if parent else None):
                obj.parent = parent
                obj.save(update_fields=["parent"])


class PageKind(ImportKind):
    """Rows that become disclosure pages under one index page, matched by a code field."""

    model = None
    parent_model = None
    parent_missing = ""
    code_field = "code"
    # Plain fields copied from the row to the page, as they are.
    FIELDS = []

    def parent_page(self):
        parent = self.parent_model.objects.first()
        if parent is None:
            raise ImportFileError(self.parent_missing)
        return parent

    def existing(self, codes):
        from wagtail.models import Revision

        pages = list(self.model.objects.filter(**{f"{self.code_field}__in": codes}))
        revisions = Revision.objects.in_bulk(
            [page.latest_revision_id for page in pages if page.latest_revision_id]
        )
        found, duplicates = {}, set()
        for page in pages:
            code = getattr(page, self.code_field)
            if code in found:
                duplicates.add(code)
            revision = revisions.get(page.latest_revision_id)
            found[code] = page.with_content_json(revision.content) if revision else page
        for code in duplicates:
            found[code] = None
        return found

    def current(self, obj):
        values = {name: getattr(obj, name) for name in self.FIELDS}
        values["title"] = obj.title
        values["department"] = obj.issuing_department_id
        return values

    def normalise(self, values):
        values = super().normalise(values)
        values["department"] = values["department"].pk
        return values

    def new_page(self, values, parent):
        page = self.model(
            title=values["title"],
            slug=self.slug(values, parent),
            live=False,
            **{self.code_field: values[self.code_field]},
        )
        return page

    def slug(self, values, parent):
        code = re.sub(r"[^a-z0-9-]+", "-", values[self.code_field].lower()).strip("-")
        return f"{pinyin_slug(values['title'])[:60]}-{code}".strip("-")[:80] or code

    def fill(self, page, values, context):
        page.title = values["title"]
        page.draft_title = values["title"]
        page.issuing_department = context["departments_by_pk"][values["department"]]
        for name in self.FIELDS:
            setattr(page, name, values[name])

    def write(self, planned, *, user, publish, context):
        from wagtail.log_actions import log

        values = planned.values
        if planned.target is None:
            parent = context["parent"]
            page = self.new_page(values, parent)
            self.fill(page, values, context)
            page.owner = user
            parent.add_child(instance=page)
        else:
            page = planned.target
            self.fill(page, values, context)
        revision = page.save_revision(user=user, log_action=True, clean=False)
        if publish:
            revision.publish(user=user)
            log(
                instance=page,
                action="disclosure.import_publish",
                user=user,
                data={"kind": self.name, "code": values[self.code_field], "row": planned.row},
            )
        return page

    def context(self):
        context = super().context()
        context["parent"] = self.parent_page()
        context["departments_by_pk"] = {d.pk: d for d in context["departments"].values()}
        return context


def _procedure_model():
    from .models import ServiceProcedurePage

    return ServiceProcedurePage


class ProcedureKind(PageKind):
    name = "procedures"
    label = _("办事指南")
    code_key = "item_code"
    code_field = "item_code"
    parent_missing = _("请先在页面树中创建“政府信息公开目录”页面，办事指南导入到该目录下。")
    FIELDS = [
        "item_type",
        "summary",
        "location",
        "office_hours",
        "online_url",
        "consultation_phone",
        "supervision_phone",
        "visits_required",
    ]

    def __init__(self):
        from .models import ApplicationMaterial, DisclosureIndexPage, ServiceItemType

        self.model = _procedure_model()
        self.parent_model = DisclosureIndexPage
        self.material_model = ApplicationMaterial
        model = self.model
        self.columns = [
            Column(
                "事项编码",
                "item_code",
                text(50),
                True,
                "全县唯一，按编码匹配已有指南",
                "330100-XK-0001",
            ),
            Column("事项名称", "title", text(255), True, "", "食品经营许可（新办）"),
            Column("部门编码", "department", department, True, "实施部门的编码", "11331003"),
            Column("事项类型", "item_type", choice(ServiceItemType), True, "", "行政许可"),
            Column("摘要", "summary", text(500), False, "", ""),
            Column(
                "设定依据",
                "legal_basis",
                multiline(MAX_CELL),
                True,
                "每条一行",
                "《中华人民共和国食品安全法》第三十五条",
            ),
            Column(
                "受理条件",
                "acceptance_conditions",
                multiline(MAX_CELL),
                True,
                "每条一行",
                "申请人取得营业执照",
            ),
            Column(
                "申请材料",
                "materials",
                multiline(MAX_CELL),
                True,
                "每种材料一行：名称｜形式（原件/复印件/原件和复印件/电子材料）｜份数",
                "食品经营许可申请书｜原件｜1",
            ),
            Column(
                "办理流程",
                "steps",
                multiline(MAX_CELL),
                True,
                "每个环节一行：环节名称｜办理岗位｜办理时限",
                "受理｜综合受理窗口｜即办",
            ),
            Column(
                "法定办结时限", "statutory", days_or_immediate, True, "工作日数，或填“即办”", "20"
            ),
            Column(
                "承诺办结时限", "promised", days_or_immediate, True, "工作日数，或填“即办”", "5"
            ),
            Column(
                "是否收费",
                "charged",
                yes_no,
                False,
                "是/否，默认否；收费的请在收费目录中关联收费项目",
                "否",
                False,
            ),
            Column(
                "办理地点",
                "location",
                validated(model, "location"),
                True,
                "",
                "示例县政务服务中心一楼",
            ),
            Column(
                "办理时间",
                "office_hours",
                validated(model, "office_hours"),
                True,
                "",
                "工作日 8:30-17:30",
            ),
            Column(
                "网上办理地址",
                "online_url",
                validated(model, "online_url"),
                False,
                "http:// 或 https:// 开头",
                "",
            ),
            Column(
                "咨询电话",
                "consultation_phone",
                validated(model, "consultation_phone"),
                True,
                "",
                "0571-86010003",
            ),
            Column(
                "监督投诉电话",
                "supervision_phone",
                validated(model, "supervision_phone"),
                True,
                "",
                "12345",
            ),
            Column("到办事现场次数", "visits_required", integer(0, 10), False, "默认 1", "1", 1),
        ]

    def check(self, values, context):
        errors = {}
        try:
            values["materials"] = self.parse_materials(values.get("materials", ""))
        except CellError as error:
            errors["materials"] = str(error)
        try:
            values["steps"] = [tuple(parts(line, 3)) for line in _lines(values.get("steps", ""))]
        except CellError as error:
            errors["steps"] = str(error)
        for key in ("statutory", "promised"):
            if values.get(key) == "即办":
                values[key] = 0
                values[f"{key}_immediate"] = True
            else:
                values[f"{key}_immediate"] = False
        if (
            not errors
            and not values["promised_immediate"]
            and not values["statutory_immediate"]
            and values["promised"] > values["statutory"]
        ):
            errors["promised"] = _("承诺时限不能长于法定时限")
        return errors

    def parse_materials(self, value):
        forms = {str(label): stored for stored, label in self.material_model.Form.choices}
        materials = []
        for line in _lines(value):
            name, form, copies = parts(line, 3)
            if form and form not in forms:
                raise CellError(
                    _("材料“%(name)s”的形式应为：%(options)s")
                    % {"name": name, "options": "、".join(forms)}
                )
            if copies and not (copies.isdigit() and 1 <= int(copies) <= 20):
                raise CellError(_("材料“%(name)s”的份数应为 1 至 20") % {"name": name})
            if not name or len(name) > 200:
                raise CellError(_("材料名称不能为空，且不超过 200 个字"))
            materials.append((name, forms.get(form, "original"), int(copies or 1)))
        return materials

    def current(self, obj):
        values = super().current(obj)
        values["legal_basis"] = _unparagraphs(obj.legal_basis)
        values["acceptance_conditions"] = _unparagraphs(obj.acceptance_conditions)
        values["materials"] = [(m.name, m.form, m.copies) for m in obj.materials.all()]
        values["steps"] = [(s.name, s.responsible_post, s.time_limit) for s in obj.steps.all()]
        values["statutory"] = obj.statutory_days or 0
        values["statutory_immediate"] = obj.statutory_immediate
        values["promised"] = obj.promised_days or 0
        values["promised_immediate"] = obj.promised_immediate
        values["charged"] = not obj.free_of_charge
        return values

    def fill(self, page, values, context):
        from .models import ProcedureStep

        super().fill(page, values, context)
        page.legal_basis = _paragraphs(values["legal_basis"])
        page.acceptance_conditions = _paragraphs(values["acceptance_conditions"])
        page.statutory_days = None if values["statutory_immediate"] else values["statutory"]
        page.statutory_immediate = values["statutory_immediate"]
        page.promised_days = None if values["promised_immediate"] else values["promised"]
        page.promised_immediate = values["promised_immediate"]
        page.free_of_charge = not values["charged"]
        page.materials = [
            self.material_model(name=name, form=form, copies=copies)
            for name, form, copies in values["materials"]
        ]
        page.steps = [
            ProcedureStep(name=name, responsible_post=post, time_limit=limit)
            for name, post, limit in values["steps"]
        ]


class PowerItemKind(PageKind):
    name = "powers"
    label = _("权责事项")
    parent_missing = _("请先在页面树中创建“权责清单”页面，权责事项导入到该页面下。")
    FIELDS = ["kind", "exercising_unit", "legal_basis", "supervision_phone", "status"]

    def __init__(self):
        from .models import PowerIndexPage, PowerItemPage, PowerKind, PowerStatus

        self.model = PowerItemPage
        self.parent_model = PowerIndexPage
        model = self.model
        self.columns = [
            Column(
                "权力编码",
                "code",
                text(50),
                True,
                "全县唯一，按编码匹配已有事项",
                "XK-11331003-001",
            ),
            Column("事项名称", "title", text(255), True, "", "食品经营许可"),
            Column("权力类型", "kind", choice(PowerKind), True, "", "行政许可"),
            Column(
                "部门编码", "department", department, True, "实施主体（部门）的编码", "11331003"
            ),
            Column(
                "实施机构",
                "exercising_unit",
                validated(model, "exercising_unit"),
                False,
                "内设机构或下属单位",
                "行政审批科",
            ),
            Column(
                "实施依据",
                "legal_basis",
                multiline(3000),
                True,
                "法律法规名称及条款，每条一行",
                "《中华人民共和国食品安全法》第三十五条",
            ),
            Column(
                "责任事项",
                "responsibilities",
                multiline(MAX_CELL),
                True,
                "每条一行：责任环节｜责任内容；环节为受理责任、审查责任、决定责任、送达责任、执行责任、事后监管责任或其他",
                "受理责任｜公示申请条件，依法受理或不予受理",
            ),
            Column(
                "追责情形",
                "triggers",
                multiline(MAX_CELL),
                True,
                "每条一行：追责情形｜追责依据",
                "对符合法定条件的申请不予受理的｜《中华人民共和国行政许可法》第七十二条",
            ),
            Column(
                "监督电话",
                "supervision_phone",
                validated(model, "supervision_phone"),
                False,
                "",
                "12345",
            ),
            Column(
                "事项状态",
                "status",
                choice(PowerStatus),
                False,
                "实施中、已调整或已取消，默认实施中",
                "实施中",
                PowerStatus.IN_FORCE,
            ),
            Column(
                "调整记录",
                "adjustments",
                multiline(MAX_CELL),
                False,
                "每次调整一行：调整或取消｜调整日期｜依据文件｜调整前｜调整后",
                "",
            ),
            Column(
                "关联办事指南",
                "procedures",
                code_list,
                False,
                "办事指南的事项编码，多个用“；”分隔",
                "330100-XK-0001",
                [],
            ),
            Column(
                "关联裁量基准",
                "penalty_standard",
                text(255),
                False,
                "行政处罚事项：裁量基准页面的标题",
                "",
            ),
        ]

    def context(self):
        from .models import PenaltyDiscretionPage

        context = super().context()
        context["procedures"] = {
            code: pk
            for pk, code in _procedure_model()
            .objects.exclude(item_code="")
            .values_list("pk", "item_code")
        }
        context["standards"] = dict(PenaltyDiscretionPage.objects.values_list("title", "pk"))
        return context

    def check(self, values, context):
        from .models import PowerKind, PowerStatus, ResponsibilityStage

        errors = {}
        stages = {str(label): stored for stored, label in ResponsibilityStage.choices}
        stages.update(
            {
                str(label).removesuffix("责任"): stored
                for stored, label in ResponsibilityStage.choices
            }
        )
        duties = []
        for line in _lines(values.get("responsibilities", "")):
            stage, content = ([*PART_SEPARATOR.split(line, maxsplit=1), ""])[:2]
            if stage not in stages or not content:
                errors["responsibilities"] = _(
                    "“%(line)s”应写成“责任环节｜责任内容”，环节为受理责任、审查责任、决定责任、送达责任、执行责任、事后监管责任或其他"
                ) % {"line": line[:30]}
                break
            duties.append((stages[stage], content))
        values["responsibilities"] = duties
        triggers = []
        for line in _lines(values.get("triggers", "")):
            try:
                situation, basis = parts(line, 2)
            except CellError as error:
                errors["triggers"] = str(error)
                break
            if not situation or not basis:
                errors["triggers"] = _("“%(line)s”应写成“追责情形｜追责依据”") % {"line": line[:30]}
                break
            triggers.append((situation, basis[:300]))
        values["triggers"] = triggers
        adjustments = []
        for line in _lines(values.get("adjustments", "")):
            try:
                kind, day, document, before, after = parts(line, 5)
                kind = {"调整": PowerStatus.ADJUSTED, "取消": PowerStatus.CANCELLED}.get(kind)
                if kind is None or not document:
                    raise CellError(_("每行应写成“调整或取消｜调整日期｜依据文件｜调整前｜调整后”"))
                adjustments.append((kind, date(day, context), document, before, after))
            except CellError as error:
                errors["adjustments"] = str(error)
                break
        values["adjustments"] = adjustments
        if (
            values.get("status") != PowerStatus.IN_FORCE
            and not adjustments
            and "adjustments" not in errors
        ):
            errors["adjustments"] = _("已调整或已取消的事项须填写调整记录")
        missing = [code for code in values["procedures"] if code not in context["procedures"]]
        if missing:
            errors["procedures"] = _("找不到事项编码为“%(codes)s”的办事指南") % {
                "codes": "、".join(missing)
            }
        standard = values.get("penalty_standard")
        if standard:
            if values.get("kind") != PowerKind.PENALTY:
                errors["penalty_standard"] = _("只有行政处罚事项才能关联处罚裁量基准")
            elif standard not in context["standards"]:
                errors["penalty_standard"] = _("找不到标题为“%(title)s”的处罚裁量基准") % {
                    "title": standard
                }
        return errors

    def current(self, obj):
        values = super().current(obj)
        values["responsibilities"] = [(r.stage, r.content) for r in obj.responsibilities.all()]
        values["triggers"] = [(t.situation, t.basis) for t in obj.triggers.all()]
        values["adjustments"] = [
            (a.kind, a.date, a.document, a.before, a.after) for a in obj.adjustments.all()
        ]
        codes = dict(
            _procedure_model()
            .objects.filter(pk__in=obj.procedure_ids)
            .values_list("pk", "item_code")
        )
        values["procedures"] = sorted(codes[pk] for pk in obj.procedure_ids if pk in codes)
        standard = obj.penalty_standard if obj.penalty_standard_id else None
        values["penalty_standard"] = standard.title if standard else ""
        return values

    def fill(self, page, values, context):
        from .models import (
            AccountabilityTrigger,
            PenaltyDiscretionPage,
            PowerAdjustment,
            PowerResponsibility,
        )

        super().fill(page, values, context)
        page.responsibilities = [
            PowerResponsibility(stage=s, content=c) for s, c in values["responsibilities"]
        ]
        # Keep the rows (and ids) of triggers already listed: accountability cases name them.
        kept = {t.situation: t for t in page.triggers.all()} if page.pk else {}
        triggers = []
        for situation, basis in values["triggers"]:
            trigger = kept.get(situation) or AccountabilityTrigger(situation=situation)
            trigger.basis = basis
            triggers.append(trigger)
        page.triggers = triggers
        page.adjustments = [
            PowerAdjustment(kind=k, date=d, document=doc, before=b, after=a)
            for k, d, doc, b, a in values["adjustments"]
        ]
        procedures = _procedure_model().objects.filter(item_code__in=values["procedures"])
        page.procedures = list(procedures)
        standard = values["penalty_standard"]
        page.penalty_standard = (
            PenaltyDiscretionPage.objects.get(pk=context["standards"][standard])
            if standard
            else None
        )


KINDS = {"departments": DepartmentKind, "procedures": ProcedureKind, "powers": PowerItemKind}
KIND_LABELS = {"departments": _("部门"), "procedures": _("办事指南"), "powers": _("权责事项")}
# The same names as disclosure.models.ImportKindName (the run's choices).


def get_kind(name):
    try:
        return KINDS[name]()
    except KeyError:
        raise ImportFileError(
            _("不支持的导入类型“%(kind)s”，可选：%(kinds)s")
            % {"kind": name, "kinds": "、".join(KINDS)}
        ) from None


# -- planning ---------------------------------------------------------------------------------


def plan_import(kind_name, data, filename):
    """Read and check every row of the file; say what each would do. Writes nothing."""
    kind = get_kind(kind_name)
    plan = ImportPlan(kind=kind_name)
    try:
        headers, table = read_table(data, filename)
        context = kind.context()
    except ImportFileError as error:
        plan.errors.append(RowError(0, "", str(error)))
        return plan
    by_header = kind.header_map()
    positions = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        if header not in by_header:
            plan.errors.append(RowError(1, header, _("不认识的列，请使用导入模板的表头")))
        elif header in positions:
            plan.errors.append(RowError(1, header, _("列重复")))
        else:
            positions[header] = index
    for column in kind.columns:
        if column.required and column.header not in positions:
            plan.errors.append(RowError(1, column.header, _("缺少必填列")))
    if plan.errors:
        return plan
    code_header = next(c.header for c in kind.columns if c.key == kind.code_key)
    codes = [
        cells[positions[code_header]] if positions[code_header] < len(cells) else ""
        for _n, cells in table
    ]
    context["file_codes"] = set(codes)
    existing = kind.existing([code for code in codes if code])
    seen = {}
    for number, cells in table:
        values, row_errors = {}, []
        for column in kind.columns:
            index = positions.get(column.header)
            raw = cells[index] if index is not None and index < len(cells) else ""
            if not raw:
                if column.required:
                    row_errors.append(RowError(number, column.header, _("必填，不能为空")))
                continue
            try:
                values[column.key] = column.parse(raw, context)
            except CellError as error:
                row_errors.append(RowError(number, column.header, str(error)))
        code = values.get(kind.code_key, "")
        if code and code in seen:
            row_errors.append(
                RowError(number, code_header, _("编码与第 %(row)s 行重复") % {"row": seen[code]})
            )
        if code:
            seen.setdefault(code, number)
        if code and code in existing and existing[code] is None:
            row_errors.append(
                RowError(number, code_header, _("系统中已有多条相同编码的记录，请先在后台处理"))
            )
        if not row_errors:
            values = kind.normalise(values)
            headers_by_key = {c.key: c.header for c in kind.columns}
            for key, message in kind.check(values, context).items():
                row_errors.append(RowError(number, headers_by_key.get(key, key), str(message)))
        if row_errors:
            plan.errors.extend(row_errors)
            continue
        target = existing.get(code)
        planned = PlannedRow(
            row=number,
            code=code,
            label=kind.describe(values),
            action="create",
            values=values,
            target=target,
        )
        if target is not None:
            current = kind.current(target)
            changed = [
                c.header
                for c in kind.columns
                if c.key in current and current[c.key] != values.get(c.key)
            ]
            extra = [
                key
                for key in current
                if key not in headers_by_key and current[key] != values.get(key)
            ]
            if changed or extra:
                planned.action = "update"
                planned.changes = changed or [str(_("办结时限"))]
            else:
                planned.action = "unchanged"
        plan.rows.append(planned)
    return plan


# -- applying (the service) ---------------------------------------------------------------------


class ImportRefused(Exception):
    """The file has errors: nothing was written."""

    def __init__(self, plan):
        super().__init__(plan.summary())
        self.plan = plan


def import_apply(*, kind, data, filename, user=None, publish=False, progress=None):
    """Write the file's rows in one transaction: every row or none. Re-plans inside the
    transaction, so rows changed since the preview are compared afresh. Returns the plan."""
    with transaction.atomic():
        plan = plan_import(kind, data, filename)
        if not plan.ok:
            raise ImportRefused(plan)
        spec = get_kind(kind)
        context = spec.context()
        todo = [row for row in plan.rows if row.action != "unchanged"]
        for done, planned in enumerate(todo, start=1):
            try:
                spec.write(planned, user=user, publish=publish, context=context)
            except ValidationError as error:
                plan.errors.append(RowError(planned.row, "", "；".join(error.messages)))
                raise ImportRefused(plan) from error
            if progress is not None and (done % 100 == 0 or done == len(todo)):
                progress(done, len(todo))
        if hasattr(spec, "finish"):
            spec.finish(context)
    return plan
