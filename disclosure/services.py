"""Writes editors and operators trigger outside the page editor: importing the service centre's
figures, and repairing pages that went live without an index number."""

import csv
import io
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import Department

MAX_IMPORT_BYTES = 2 * 1024 * 1024
# Accepted column headings, as the service centre's spreadsheets spell them.
COLUMNS = {
    "department": ("部门编码", "部门名称", "部门"),
    "stationed_items": ("进驻事项数", "进驻事项"),
    "cases_handled": ("办件量", "办件数"),
    "cases_on_time": ("按时办结件数", "按时办结数", "按时办结"),
}


class ImportRefused(Exception):
    """The whole file was refused; `errors` lists every bad row as (line, reason)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class ImportResult:
    updated: list = field(default_factory=list)
    created: list = field(default_factory=list)


def _read_rows(uploaded_file):
    """Rows of a CSV (UTF-8, UTF-8 with BOM, or GBK as Excel saves it) or XLSX file, as lists of
    strings, each with its line number."""
    data = uploaded_file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused([(0, _("文件超过 2 MB，请分批导入。"))])
    name = (getattr(uploaded_file, "name", "") or "").lower()
    if data[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        try:
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            return [
                (number, ["" if cell is None else str(cell).strip() for cell in row])
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        except Exception as error:
            raise ImportRefused(
                [(0, _("无法读取 Excel 文件：请另存为 .xlsx 或 CSV 后重试。"))]
            ) from error
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused([(0, _("无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV。"))])
    reader = csv.reader(io.StringIO(text))
    return [(number, [cell.strip() for cell in row]) for number, row in enumerate(reader, start=1)]


def _column_positions(header):
    positions = {}
    for key, names in COLUMNS.items():
        for index, heading in enumerate(header):
            if heading.replace(" ", "") in names:
                positions[key] = index
                break
    return positions


def _parse(rows):
    """Validated figures per department; every problem is collected before refusing."""
    rows = [(number, row) for number, row in rows if any(row)]
    if not rows:
        raise ImportRefused([(0, _("文件是空的。"))])
    header_line, header = rows[0]
    positions = _column_positions(header)
    missing = [COLUMNS[key][0] for key in COLUMNS if key not in positions]
    if missing:
        raise ImportRefused(
            [
                (
                    header_line,
                    _("缺少列：%(columns)s。第一行应为表头。") % {"columns": "、".join(missing)},
                )
            ]
        )
    by_code = {d.code: d for d in Department.objects.all()}
    by_name = {}
    for department in by_code.values():
        by_name[department.name] = department
        if department.short_name:
            by_name[department.short_name] = department
    errors, figures, seen = [], {}, {}
    for number, row in rows[1:]:
        cells = {key: (row[index] if index < len(row) else "") for key, index in positions.items()}
        department = by_code.get(cells["department"]) or by_name.get(cells["department"])
        if department is None:
            errors.append((number, _("找不到部门「%(name)s」。") % {"name": cells["department"]}))
            continue
        if department.pk in seen:
            errors.append(
                (
                    number,
                    _("部门「%(name)s」与第 %(line)d 行重复。")
                    % {"name": department.name, "line": seen[department.pk]},
                )
            )
            continue
        seen[department.pk] = number
        values = {}
        for key in ("stationed_items", "cases_handled", "cases_on_time"):
            raw = cells[key].replace(",", "")
            try:
                value = int(float(raw)) if raw else 0
                if value < 0 or (raw and float(raw) != value):
                    raise ValueError
            except ValueError:
                errors.append(
                    (
                        number,
                        _("「%(column)s」应为非负整数，实际为「%(value)s」。")
                        % {"column": COLUMNS[key][0], "value": cells[key]},
                    )
                )
                break
            values[key] = value
        else:
            if values["cases_on_time"] > values["cases_handled"]:
                errors.append((number, _("按时办结件数大于办件量。")))
                continue
            figures[department] = values
    if errors:
        raise ImportRefused(errors)
    return figures


def bulletin_import_service_centre(*, page, uploaded_file, user):
    """Write the service centre's figures into a new draft revision of the bulletin: all rows or
    none. Existing department rows are updated, missing ones added; nothing is published."""
    figures = _parse(_read_rows(uploaded_file))
    from .models import BulletinRow

    with transaction.atomic():
        # Re-read under a lock: the caller's object may predate another editor's revision.
        page = type(page).objects.select_for_update().get(pk=page.pk)
        draft = page.get_latest_revision_as_object()
        rows = list(draft.rows.all())
        by_department = {row.department_id: row for row in rows}
        result = ImportResult()
        for department, values in figures.items():
            row = by_department.get(department.pk)
            if row is None:
                row = BulletinRow(department=department)
                rows.append(row)
                result.created.append(department.name)
            else:
                result.updated.append(department.name)
            for name, value in values.items():
                setattr(row, name, value)
        from .models import BulletinSettings, score_rows

        score_rows(rows, BulletinSettings.load())
        draft.rows = rows
        draft.save_revision(user=user, log_action=True)
    return result


@dataclass
class RepairedPage:
    pk: int
    title: str
    index_number: str
    date_published: object


def repair_index_numbers(apps=None):
    """Stamp every page that went live without an index number or publication date, numbered
    in first-publication order; returns the repaired pages.

    A page published from a saved draft once went live unstamped. Its date is the day it first
    went live (never today: that would be a backdating of its own kind, the other way round) and
    its number comes from the same sequence new publications use, so no number is ever reused.
    Pages unpublished since are repaired too, so republishing keeps their first date. `apps` is
    the historical app registry when the data migration calls this.
    """
    from .models.base import index_number_text, next_sequence_value

    apps = apps or global_apps
    page_model = apps.get_model("disclosure", "DisclosurePage")
    sequence_model = apps.get_model("disclosure", "IndexNumberSequence")
    department_model = apps.get_model("portal", "Department")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    repaired = []
    with transaction.atomic():
        pages = list(
            page_model.objects.select_for_update()
            .filter(first_published_at__isnull=False)
            .filter(Q(index_number__isnull=True) | Q(index_number="") | Q(date_published=None))
            .order_by("first_published_at", "pk")
            .values(
                "pk",
                "title",
                "index_number",
                "date_published",
                "first_published_at",
                "issuing_department_id",
                "content_type_id",
            )
        )
        codes = dict(department_model.objects.values_list("pk", "code"))
        content_types = {
            ct.pk: (ct.app_label, ct.model)
            for ct in content_type_model.objects.filter(
                pk__in={page["content_type_id"] for page in pages}
            )
        }
        for page in pages:
            date_published = page["date_published"] or timezone.localdate(
                page["first_published_at"]
            )
            index_number = page["index_number"]
            if not index_number:
                # The category letter is a class attribute of the page type, not a column.
                page_class = global_apps.get_model(*content_types[page["content_type_id"]])
                category = page_class.index_category
                sequence = next_sequence_value(
                    sequence_model,
                    department_id=page["issuing_department_id"],
                    category=category,
                    year=date_published.year,
                )
                index_number = index_number_text(
                    codes[page["issuing_department_id"]], category, date_published.year, sequence
                )
            page_model.objects.filter(pk=page["pk"]).update(
                index_number=index_number, date_published=date_published
            )
            repaired.append(RepairedPage(page["pk"], page["title"], index_number, date_published))
    return repaired
