"""The statutory annual report on disclosure work (政府信息公开工作年度报告, 条例 art. 49–50) in
the national format (国办公开办函〔2021〕30号): the layout of its tables, the cross-checks a
report must pass before publication, and the page that holds one year's report."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.models import BasePage, Department

from .requests import REASONS_BY_OUTCOME, AppealKind, AppealResult, ApplicantType, Outcome

# Section 三's columns: 自然人, the five kinds of 法人或其他组织, 总计.
APPLICANT_COLUMNS = [t.value for t in ApplicantType]
COLUMN_LABELS = [str(t.label) for t in ApplicantType] + [str(_("总计"))]
TOTAL_COLUMN = len(APPLICANT_COLUMNS)
CHINESE_ORDINALS = "一二三四五六七"
RICH_FEATURES = ["bold", "ol", "ul", "link"]


def _outcome_rows():
    """(key, row label) of 三's outcome rows, in the national order."""
    rows = []
    for number, outcome in enumerate(Outcome, start=1):
        ordinal = f"（{CHINESE_ORDINALS[number - 1]}）"
        reasons = REASONS_BY_OUTCOME[outcome]
        if outcome == Outcome.PARTIAL:
            label = f"{ordinal}{outcome.label}（区分处理的，只计这一情形，不计其他情形）"
        else:
            label = f"{ordinal}{outcome.label}"
        if not reasons:
            rows.append((outcome.value, label, ""))
            continue
        for index, reason in enumerate(reasons, start=1):
            rows.append((f"{outcome.value}.{reason.value}", label, f"{index}.{reason.label}"))
    return rows


OUTCOME_ROWS = _outcome_rows()
OUTCOME_KEYS = [key for key, _group, _sub in OUTCOME_ROWS]
TABLE_ROW_KEYS = ["new", "carried_in", *OUTCOME_KEYS, "total", "carried_forward"]
ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_in": "二、上年结转政府信息公开申请数量",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
    **{
        key: f"三、本年度办理结果 {group}{(' ' + sub) if sub else ''}"
        for key, group, sub in OUTCOME_ROWS
    },
}

# Section 四: 行政复议, 行政诉讼 (未经复议直接起诉, 复议后起诉);
# each with 维持, 纠正, 其他, 尚未审结, 总计.
APPEAL_RESULTS = [r.value for r in AppealResult]
APPEAL_KINDS = [k.value for k in AppealKind]


def row_label(key):
    return ROW_LABELS.get(key, key)


def empty_table():
    return {key: [0] * (TOTAL_COLUMN + 1) for key in TABLE_ROW_KEYS}


def empty_appeals():
    return {kind: {result: 0 for result in [*APPEAL_RESULTS, "total"]} for kind in APPEAL_KINDS}


def table_errors(table):
    """Every cell of section 三 that does not add up, as Chinese messages naming the cell."""
    errors = []
    if set(table) != set(TABLE_ROW_KEYS):
        return [_("第三部分表格的行不完整，请重新生成草稿。")]
    for key in TABLE_ROW_KEYS:
        row = table[key]
        if len(row) != TOTAL_COLUMN + 1 or any(not isinstance(v, int) or v < 0 for v in row):
            errors.append(_("第三部分“%(row)s”一行的数值无效。") % {"row": row_label(key)})
            continue
        if sum(row[:TOTAL_COLUMN]) != row[TOTAL_COLUMN]:
            errors.append(
                _("第三部分“%(row)s”的“总计”列为 %(value)d，而各类申请人之和为 %(sum)d。")
                % {
                    "row": row_label(key),
                    "value": row[TOTAL_COLUMN],
                    "sum": sum(row[:TOTAL_COLUMN]),
                }
            )
    if errors:
        return errors
    for column, label in enumerate(COLUMN_LABELS):
        outcomes = sum(table[key][column] for key in OUTCOME_KEYS)
        total = table["total"][column]
        if outcomes != total:
            errors.append(
                _(
                    "第三部分“（七）总计”一行“%(column)s”列为 %(value)d，"
                    "而各项办理结果之和为 %(sum)d。"
                )
                % {"column": label, "value": total, "sum": outcomes}
            )
        received = table["new"][column] + table["carried_in"][column]
        handled = total + table["carried_forward"][column]
        if received != handled:
            errors.append(
                _(
                    "第三部分“%(column)s”列：本年新收 %(new)d + 上年结转 %(carried_in)d"
                    " = %(received)d，"
                    "而办理结果总计 %(total)d + 结转下年度 %(forward)d = %(handled)d，两者不相等。"
                )
                % {
                    "column": label,
                    "new": table["new"][column],
                    "carried_in": table["carried_in"][column],
                    "received": received,
                    "total": total,
                    "forward": table["carried_forward"][column],
                    "handled": handled,
                }
            )
    return errors


def appeal_errors(appeals):
    errors = []
    for kind in APPEAL_KINDS:
        counts = appeals.get(kind) or {}
        parts = sum(int(counts.get(result, 0)) for result in APPEAL_RESULTS)
        if parts != int(counts.get("total", 0)):
            errors.append(
                _("第四部分“%(kind)s”的“总计”为 %(value)d，而各项结果之和为 %(sum)d。")
                % {"kind": AppealKind(kind).label, "value": counts.get("total", 0), "sum": parts}
            )
    return errors


class AnnualReportIndexPage(RoutablePageMixin, BasePage):
    """`/annual-reports/`: every year's reports, the county's and each department's."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "link"])

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["disclosure_requests.AnnualReportPage"]
    template = "disclosure_requests/annual_report_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("政府信息公开工作年度报告栏目")
        verbose_name_plural = _("政府信息公开工作年度报告栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = AnnualReportPage.objects.child_of(self).live().select_related("department")
        years = {}
        for report in reports.order_by("-year", "department__name"):
            years.setdefault(report.year, []).append(report)
        context["years"] = sorted(years.items(), reverse=True)
        return context

    @path("")
    def index_view(self, request):
        return self.render(request)


class AnnualReportPage(RoutablePageMixin, BasePage):
    """One year's report of one department, or of the county government (no department)."""

    year = models.PositiveSmallIntegerField(_("年度"), validators=[MinValueValidator(2008)])
    department = models.ForeignKey(
        Department,
        verbose_name=_("报告机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("不选择时为县人民政府的年度报告（汇总各部门）。"),
    )
    overview = RichTextField(_("一、总体情况"), blank=True, features=RICH_FEATURES)
    rules_issued = models.PositiveIntegerField(_("规章 本年制发件数"), default=0)
    rules_repealed = models.PositiveIntegerField(_("规章 本年废止件数"), default=0)
    rules_in_force = models.PositiveIntegerField(_("规章 现行有效件数"), default=0)
    normative_issued = models.PositiveIntegerField(_("行政规范性文件 本年制发件数"), default=0)
    normative_repealed = models.PositiveIntegerField(_("行政规范性文件 本年废止件数"), default=0)
    normative_in_force = models.PositiveIntegerField(_("行政规范性文件 现行有效件数"), default=0)
    licensing_decisions = models.PositiveIntegerField(_("行政许可 本年处理决定数量"), default=0)
    penalty_decisions = models.PositiveIntegerField(_("行政处罚 本年处理决定数量"), default=0)
    coercion_decisions = models.PositiveIntegerField(_("行政强制 本年处理决定数量"), default=0)
    fee_amount = models.DecimalField(
        _("行政事业性收费 本年收费金额（万元）"),
        max_digits=12,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    # Section 三 and 四 as computed by `draft_annual_report` from the requests and appeals.
    requests_table = models.JSONField(
        _("三、收到和处理政府信息公开申请情况"), default=empty_table, editable=False
    )
    appeals_table = models.JSONField(
        _("四、政府信息公开行政复议、行政诉讼情况"), default=empty_appeals, editable=False
    )
    drafted_at = models.DateTimeField(_("草稿生成时间"), null=True, blank=True, editable=False)
    problems = RichTextField(_("五、存在的主要问题及改进情况"), blank=True, features=RICH_FEATURES)
    other_matters = RichTextField(_("六、其他需要报告的事项"), blank=True, features=RICH_FEATURES)

    parent_page_types = ["disclosure_requests.AnnualReportIndexPage"]
    subpage_types = []
    template = "disclosure_requests/annual_report_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("department")]),
        FieldPanel("overview"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=str(
                        _(
                            "草稿由 manage.py draft_annual_report 根据政策文件页面预填，"
                            "请核对后修改。"
                        )
                    )
                ),
                FieldRowPanel(
                    [
                        FieldPanel("rules_issued"),
                        FieldPanel("rules_repealed"),
                        FieldPanel("rules_in_force"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("normative_issued"),
                        FieldPanel("normative_repealed"),
                        FieldPanel("normative_in_force"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("licensing_decisions"),
                        FieldPanel("penalty_decisions"),
                        FieldPanel("coercion_decisions"),
                    ]
                ),
                FieldPanel("fee_amount"),
            ],
            heading=_("二、主动公开政府信息情况"),
        ),
        HelpPanel(
            content=str(_("第三、四部分由申请和复议诉讼记录自动计算，重新生成草稿即可更新。")),
            heading=_("三、四"),
        ),
        FieldPanel("problems"),
        FieldPanel("other_matters"),
    ]

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "department"], name="disclosure_requests_one_report_per_year"
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(department__isnull=True),
                name="disclosure_requests_one_county_report_per_year",
            ),
        ]

    def _use_pinyin_slug(self):
        # A report's address is fixed by what it reports on: /annual-reports/2025/ for the
        # county, /annual-reports/2025-<department code>/ for a department.
        if self.year:
            self.slug = self.report_slug(self.year, self.department)

    @staticmethod
    def report_slug(year, department):
        return str(year) if department is None else f"{year}-{department.code}"

    @property
    def issuer_name(self):
        return self.department.name if self.department_id else str(_("县人民政府"))

    def table_rows(self):
        """Section 三 as (group label, sub-row label, cells) in the national order."""
        table = self.requests_table
        rows = [("一、本年新收政府信息公开申请数量", "", table["new"])]
        rows.append(("二、上年结转政府信息公开申请数量", "", table["carried_in"]))
        for key, group, sub in OUTCOME_ROWS:
            rows.append((group, sub, table[key]))
        rows.append(("（七）总计", "", table["total"]))
        rows.append(("四、结转下年度继续办理", "", table["carried_forward"]))
        return rows

    def appeal_cells(self):
        return [
            self.appeals_table[kind][result]
            for kind in APPEAL_KINDS
            for result in [*APPEAL_RESULTS, "total"]
        ]

    def clean(self):
        super().clean()
        errors = [*table_errors(self.requests_table), *appeal_errors(self.appeals_table)]
        if errors:
            raise ValidationError(errors)
        duplicate = AnnualReportPage.objects.filter(year=self.year, department=self.department)
        if self.pk:
            duplicate = duplicate.exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError({"year": _("该机关本年度的年度报告已存在。")})

    @path("")
    def report_view(self, request):
        return self.render(request)

    @path("download/xlsx/", name="xlsx")
    def xlsx_view(self, request):
        from ..views import annual_report_xlsx

        return annual_report_xlsx(request, self)

    @path("download/pdf/", name="pdf")
    def pdf_view(self, request):
        from ..views import annual_report_pdf

        return annual_report_pdf(request, self)
