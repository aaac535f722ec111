"""月通报: the monthly public report on each department's efficiency, with its assessment."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.models import BasePage

from ..forms import MonthlyBulletinPageForm
from .base import DisclosurePage

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


@register_setting(icon="order")
class BulletinSettings(BaseGenericSetting):
    """Weights of the monthly efficiency assessment; editors tune them without a deployment."""

    weight_on_time_rate = models.PositiveSmallIntegerField(
        _("按时办结率权重"), default=30, validators=[MaxValueValidator(100)]
    )
    weight_complaints_on_time = models.PositiveSmallIntegerField(
        _("投诉按时办结率权重"), default=25, validators=[MaxValueValidator(100)]
    )
    weight_satisfaction = models.PositiveSmallIntegerField(
        _("投诉满意率权重"), default=25, validators=[MaxValueValidator(100)]
    )
    weight_views_on_time = models.PositiveSmallIntegerField(
        _("座谈会意见按时答复率权重"), default=20, validators=[MaxValueValidator(100)]
    )
    deduction_per_finding = models.DecimalField(
        _("每条明查暗访问题扣分"), max_digits=5, decimal_places=2, default=Decimal("2")
    )
    deduction_per_case = models.DecimalField(
        _("每起问责案件扣分"), max_digits=5, decimal_places=2, default=Decimal("5")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("weight_on_time_rate"),
                FieldPanel("weight_complaints_on_time"),
                FieldPanel("weight_satisfaction"),
                FieldPanel("weight_views_on_time"),
            ],
            heading=_("得分权重（各项比率按百分制计，按权重加权平均）"),
        ),
        MultiFieldPanel(
            [FieldPanel("deduction_per_finding"), FieldPanel("deduction_per_case")],
            heading=_("扣分项"),
        ),
    ]

    class Meta:
        verbose_name = _("月通报考核权重")
        verbose_name_plural = _("月通报考核权重")

    def clean(self):
        super().clean()
        if not self.weights():
            raise ValidationError(_("至少一项权重须大于 0。"))

    def weights(self):
        """{figure name: weight} of the rates that count, as used by `score_rows`."""
        pairs = {
            "on_time_rate": self.weight_on_time_rate,
            "complaints_on_time_rate": self.weight_complaints_on_time,
            "satisfaction_rate": self.weight_satisfaction,
            "views_on_time_rate": self.weight_views_on_time,
        }
        return {name: weight for name, weight in pairs.items() if weight}


def _rate(numerator, denominator):
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def score_rows(rows, settings):
    """Score and rank bulletin rows in place: the weighted mean of the rates a row has (a rate
    with no cases does not count against the department), minus deductions; a one-vote veto
    gives no score or rank. Ties share a rank."""
    weights = settings.weights()
    for row in rows:
        if row.veto:
            row.score, row.rank = None, None
            continue
        total_weight = Decimal(0)
        weighted = Decimal(0)
        for name, weight in weights.items():
            value = getattr(row, name)
            if value is not None:
                weighted += Decimal(value) * weight
                total_weight += weight
        base = weighted / total_weight if total_weight else Decimal(100)
        deduction = settings.deduction_per_finding * (
            row.inspection_findings or 0
        ) + settings.deduction_per_case * (row.cases_decided or 0)
        row.score = max(Decimal(0), base - deduction).quantize(Decimal("0.01"), ROUND_HALF_UP)
    ranked = sorted((row for row in rows if row.score is not None), key=lambda r: -r.score)
    previous_score, previous_rank = None, 0
    for position, row in enumerate(ranked, start=1):
        row.rank = previous_rank if row.score == previous_score else position
        previous_score, previous_rank = row.score, row.rank
    return rows


class BulletinIndexPage(BasePage):
    """月通报 at /bulletins/: every monthly bulletin, newest first."""

    introduction = RichTextField(_("栏目说明"), blank=True, features=["bold", "link"])

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["disclosure.MonthlyBulletinPage"]
    template = "disclosure/bulletin_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("月通报栏目")
        verbose_name_plural = _("月通报栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bulletins"] = (
            MonthlyBulletinPage.objects.child_of(self).live().public().order_by("-month")
        )
        return context


class MonthlyBulletinPage(DisclosurePage):
    """One month's bulletin: per-department figures, assessment, narrative, commendations."""

    index_category = "E"
    base_form_class = MonthlyBulletinPageForm

    month = models.DateField(
        _("通报月份"), unique=True, help_text=_("该月任意一天；保存为当月 1 日。")
    )
    narrative = RichTextField(
        _("通报正文"), blank=True, features=["h2", "h3", "bold", "ol", "ul", "link"]
    )
    compiled_at = models.DateTimeField(_("数据汇总时间"), null=True, blank=True, editable=False)

    parent_page_types = ["disclosure.BulletinIndexPage"]
    subpage_types = []
    template = "disclosure/monthly_bulletin_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        FieldPanel("month"),
        FieldPanel("narrative"),
        InlinePanel("rows", heading=_("各部门数据"), label=_("部门")),
        InlinePanel("notices", heading=_("通报表扬与通报批评"), label=_("条目")),
        *DisclosurePage.metadata_panels,
    ]
    api_fields = [
        *DisclosurePage.api_fields,
        APIField("month"),
        APIField("narrative"),
        APIField("rows"),
        APIField("notices"),
    ]

    class Meta:
        verbose_name = _("月通报")
        verbose_name_plural = _("月通报")

    @staticmethod
    def slug_for(month):
        """The month is the slug, so the URL is /bulletins/yyyy-mm/."""
        return f"{month:%Y-%m}"

    @staticmethod
    def title_for(month):
        return f"{month.year}年{month.month}月机关效能月通报"

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.month:
            first = self.month.replace(day=1)
            if first > timezone.localdate().replace(day=1):
                errors.setdefault("month", []).append(_("不能为尚未开始的月份编制通报。"))
            duplicate = MonthlyBulletinPage.objects.filter(month=first).exclude(pk=self.pk)
            if duplicate.exists():
                errors.setdefault("month", []).append(_("该月份的通报已存在。"))
        if errors:
            raise ValidationError(errors)

    def missing_elements(self, counts=None):
        missing = super().missing_elements(counts)
        if not self.related_count("rows", counts):
            missing.append(_("各部门数据"))
        if not self.narrative:
            missing.append(_("通报正文"))
        return missing

    @property
    def month_label(self):
        return f"{self.month.year}年{self.month.month}月"

    def previous_bulletin(self):
        return (
            MonthlyBulletinPage.objects.live()
            .filter(month__lt=self.month)
            .order_by("-month")
            .first()
        )

    def serve(self, request, *args, **kwargs):
        from ..views import bulletin_export

        if request.GET.get("format"):
            return bulletin_export(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import bulletin_context

        context = super().get_context(request, *args, **kwargs)
        context.update(bulletin_context(self))
        return context


class BulletinRow(Orderable):
    """One department's figures for the month, and its assessment score and rank."""

    page = ParentalKey(MonthlyBulletinPage, on_delete=models.CASCADE, related_name="rows")
    department = models.ForeignKey(
        "portal.Department", verbose_name=_("部门"), on_delete=models.PROTECT, related_name="+"
    )
    # Service centre (imported from the centre's CSV/XLSX).
    stationed_items = models.PositiveIntegerField(_("进驻事项数"), default=0)
    cases_handled = models.PositiveIntegerField(_("办件量"), default=0)
    cases_on_time = models.PositiveIntegerField(_("按时办结件数"), default=0)
    # Complaints, symposium views, inspections, accountability (compiled from live data).
    complaints_received = models.PositiveIntegerField(_("收到投诉"), default=0)
    complaints_concluded = models.PositiveIntegerField(_("办结投诉"), default=0)
    complaints_on_time = models.PositiveIntegerField(_("按时办结投诉"), default=0)
    ratings = models.PositiveIntegerField(_("参评投诉"), default=0)
    ratings_satisfied = models.PositiveIntegerField(_("满意和基本满意"), default=0)
    views_due = models.PositiveIntegerField(_("应答复座谈会意见"), default=0)
    views_on_time = models.PositiveIntegerField(_("按时答复座谈会意见"), default=0)
    inspection_findings = models.PositiveIntegerField(_("明查暗访发现问题"), default=0)
    cases_opened = models.PositiveIntegerField(_("问责立案"), default=0)
    cases_decided = models.PositiveIntegerField(_("问责办结"), default=0)
    outcomes = models.CharField(_("问责结果"), max_length=300, blank=True)
    veto = models.BooleanField(_("一票否决"), default=False)
    veto_reason = models.CharField(_("否决原因"), max_length=300, blank=True)
    score = models.DecimalField(
        _("考核得分"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    rank = models.PositiveSmallIntegerField(_("排名"), null=True, blank=True)

    panels = [
        FieldPanel("department"),
        FieldRowPanel(
            [
                FieldPanel("stationed_items"),
                FieldPanel("cases_handled"),
                FieldPanel("cases_on_time"),
            ],
            heading=_("政务服务中心"),
        ),
        FieldRowPanel(
            [
                FieldPanel("complaints_received"),
                FieldPanel("complaints_concluded"),
                FieldPanel("complaints_on_time"),
                FieldPanel("ratings"),
                FieldPanel("ratings_satisfied"),
            ],
            heading=_("投诉"),
        ),
        FieldRowPanel(
            [
                FieldPanel("views_due"),
                FieldPanel("views_on_time"),
                FieldPanel("inspection_findings"),
                FieldPanel("cases_opened"),
                FieldPanel("cases_decided"),
            ],
            heading=_("座谈会、明查暗访、问责"),
        ),
        FieldPanel("outcomes"),
        FieldRowPanel([FieldPanel("veto"), FieldPanel("veto_reason")]),
        FieldRowPanel([FieldPanel("score"), FieldPanel("rank")], heading=_("考核结果")),
    ]
    api_fields = [
        APIField("department_name"),
        *(
            APIField(name)
            for name in (
                "stationed_items",
                "cases_handled",
                "on_time_rate",
                "complaints_received",
                "complaints_concluded",
                "complaints_on_time_rate",
                "satisfaction_rate",
                "views_on_time_rate",
                "inspection_findings",
                "cases_opened",
                "cases_decided",
                "outcomes",
                "veto",
                "veto_reason",
                "score",
                "rank",
            )
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("部门数据")
        verbose_name_plural = _("部门数据")

    def __str__(self):
        return str(self.department)

    @property
    def department_name(self):
        return self.department.name

    @property
    def on_time_rate(self):
        return _rate(self.cases_on_time, self.cases_handled)

    @property
    def complaints_on_time_rate(self):
        return _rate(self.complaints_on_time, self.complaints_concluded)

    @property
    def satisfaction_rate(self):
        return _rate(self.ratings_satisfied, self.ratings)

    @property
    def views_on_time_rate(self):
        return _rate(self.views_on_time, self.views_due)

    def clean(self):
        super().clean()
        errors = {}
        if self.cases_on_time > self.cases_handled:
            errors["cases_on_time"] = _("按时办结件数不能大于办件量。")
        if self.complaints_on_time > self.complaints_concluded:
            errors["complaints_on_time"] = _("按时办结投诉不能多于办结投诉。")
        if self.ratings_satisfied > self.ratings:
            errors["ratings_satisfied"] = _("满意数不能多于参评数。")
        if self.views_on_time > self.views_due:
            errors["views_on_time"] = _("按时答复数不能多于应答复数。")
        if self.veto and not self.veto_reason.strip():
            errors["veto_reason"] = _("一票否决须写明原因。")
        if errors:
            raise ValidationError(errors)


class BulletinNotice(Orderable):
    """A named commendation or criticism (通报表扬 / 通报批评) in the bulletin."""

    class Kind(models.TextChoices):
        COMMENDATION = "commendation", _("通报表扬")
        CRITICISM = "criticism", _("通报批评")

    page = ParentalKey(MonthlyBulletinPage, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    department = models.ForeignKey(
        "portal.Department", verbose_name=_("部门"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(
        _("对象"),
        max_length=100,
        help_text=_("窗口、科室或岗位，例如：不动产登记窗口。不写个人姓名。"),
    )
    text = models.TextField(_("事由"), max_length=1000)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("department")]),
        FieldPanel("subject"),
        FieldPanel("text"),
    ]
    api_fields = [APIField("kind"), APIField("subject"), APIField("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("通报条目")
        verbose_name_plural = _("通报条目")
