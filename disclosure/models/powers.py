"""权责清单: the powers each department holds, the responsibilities and accountability that come
with them, and how each power is used (procedures) and enforced (penalty standards)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from portal.models import BasePage, phone_validator
from portal.search.fields import ChineseSearchField

from .base import DisclosurePage, DisclosurePageQuerySet
from .procedures import ServiceProcedurePage

CODE_MAX_LENGTH = 50


class PowerKind(models.TextChoices):
    """权力类型: the ten kinds of administrative power in a 权责清单."""

    LICENSING = "licensing", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COERCION = "coercion", _("行政强制")
    LEVY = "levy", _("行政征收")
    BENEFIT = "benefit", _("行政给付")
    INSPECTION = "inspection", _("行政检查")
    CONFIRMATION = "confirmation", _("行政确认")
    REWARD = "reward", _("行政奖励")
    ADJUDICATION = "adjudication", _("行政裁决")
    OTHER = "other", _("其他行政权力")


class PowerStatus(models.TextChoices):
    """Whether a power is exercised as listed, was adjusted, or was cancelled."""

    IN_FORCE = "in_force", _("实施中")
    ADJUSTED = "adjusted", _("已调整")
    CANCELLED = "cancelled", _("已取消")


class ResponsibilityStage(models.TextChoices):
    """责任事项: the stage of exercising a power that a responsibility attaches to."""

    ACCEPTANCE = "acceptance", _("受理责任")
    REVIEW = "review", _("审查责任")
    DECISION = "decision", _("决定责任")
    DELIVERY = "delivery", _("送达责任")
    EXECUTION = "execution", _("执行责任")
    SUPERVISION = "supervision", _("事后监管责任")
    OTHER = "other", _("其他法律法规规章规定应履行的责任")


class PowerItemQuerySet(DisclosurePageQuerySet):
    def exercised(self):
        """Powers still held: in force or adjusted, not cancelled."""
        return self.exclude(status=PowerStatus.CANCELLED)


PowerItemManager = PageManager.from_queryset(PowerItemQuerySet)


class PowerIndexPage(BasePage):
    """权责清单 at /powers/: every department's power items, filtered, exported and fed."""

    introduction = RichTextField(_("清单说明"), blank=True, features=["bold", "ol", "ul", "link"])

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["disclosure.PowerItemPage"]
    template = "disclosure/power_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("权责清单")
        verbose_name_plural = _("权责清单")

    def serve(self, request, *args, **kwargs):
        from ..power_views import power_list_export

        if request.GET.get("format"):
            return power_list_export(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..power_selectors import power_list_page

        context = super().get_context(request, *args, **kwargs)
        context.update(power_list_page(self, request))
        return context


class PowerItemPage(DisclosurePage):
    """One power of one department: its kind, legal basis, responsibilities, accountability
    triggers and adjustments, linked to the procedures and penalty standard that apply it."""

    index_category = "G"

    code = models.CharField(
        _("权力编码"),
        max_length=CODE_MAX_LENGTH,
        db_index=True,
        help_text=_("本县权责清单中的事项编码，全县唯一，批量导入时按编码匹配。"),
    )
    kind = models.CharField(_("权力类型"), max_length=20, choices=PowerKind.choices)
    exercising_unit = models.CharField(
        _("实施机构"),
        max_length=100,
        blank=True,
        help_text=_("具体承办的内设机构或下属单位，例如：行政审批科；留空表示发布机构本身。"),
    )
    legal_basis = models.TextField(
        _("实施依据"),
        max_length=3000,
        help_text=_("列明法律、法规、规章的名称及具体条款，每条一行。"),
    )
    supervision_phone = models.CharField(
        _("监督电话"), max_length=30, blank=True, validators=[phone_validator]
    )
    status = models.CharField(
        _("事项状态"),
        max_length=12,
        choices=PowerStatus.choices,
        default=PowerStatus.IN_FORCE,
        db_index=True,
    )
    procedures = ParentalManyToManyField(
        "disclosure.ServiceProcedurePage",
        verbose_name=_("办事指南"),
        blank=True,
        related_name="power_items",
        help_text=_("行政许可等依申请事项：办理本权力事项的办事指南。"),
    )
    penalty_standard = models.ForeignKey(
        "disclosure.PenaltyDiscretionPage",
        verbose_name=_("处罚裁量基准"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="power_items",
        help_text=_("行政处罚事项：适用的行政处罚裁量基准。"),
    )

    objects = PowerItemManager()

    parent_page_types = ["disclosure.PowerIndexPage"]
    subpage_types = []
    template = "disclosure/power_item_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("exercising_unit"), FieldPanel("supervision_phone")]),
                FieldPanel("legal_basis"),
                FieldPanel("status"),
            ],
            heading=_("权力事项"),
        ),
        InlinePanel("responsibilities", heading=_("责任事项"), label=_("责任事项")),
        InlinePanel("triggers", heading=_("追责情形"), label=_("追责情形")),
        MultiFieldPanel(
            [FieldPanel("procedures"), FieldPanel("penalty_standard")],
            heading=_("关联信息"),
        ),
        InlinePanel(
            "adjustments",
            heading=_("调整记录"),
            label=_("调整"),
            help_text=_("事项调整或取消时，记录日期、依据文件和调整前后的内容。"),
        ),
        *DisclosurePage.metadata_panels,
    ]
    search_fields = [
        *DisclosurePage.search_fields,
        ChineseSearchField("code"),
        ChineseSearchField("legal_basis"),
        ChineseSearchField("exercising_unit"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    api_fields = [
        *DisclosurePage.api_fields,
        APIField("code"),
        APIField("kind_label"),
        APIField("status_label"),
        APIField("exercising_unit"),
        APIField("legal_basis"),
        APIField("supervision_phone"),
        APIField("responsibilities"),
        APIField("triggers"),
        APIField("adjustments"),
        APIField("procedure_ids"),
        APIField("penalty_standard_id"),
    ]

    # Fields compared by the public change log, with their Chinese labels.
    CHANGE_LOG_FIELDS = {
        "title": _("事项名称"),
        "kind_label": _("权力类型"),
        "exercising_unit": _("实施机构"),
        "legal_basis": _("实施依据"),
        "status_label": _("事项状态"),
        "supervision_phone": _("监督电话"),
    }

    class Meta:
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责事项")

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def unit_name(self):
        return self.exercising_unit or self.issuing_department_name

    @property
    def procedure_ids(self):
        return [procedure.pk for procedure in self.procedures.all()]

    @property
    def legal_basis_lines(self):
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        errors = {}
        self.code = (self.code or "").strip()
        if self.code:
            duplicate = PowerItemPage.objects.filter(code=self.code).exclude(pk=self.pk).first()
            if duplicate is not None:
                errors["code"] = _("权力编码「%(code)s」已被事项「%(title)s」使用。") % {
                    "code": self.code,
                    "title": duplicate.title,
                }
        if self.penalty_standard_id and self.kind != PowerKind.PENALTY:
            errors["penalty_standard"] = _("只有行政处罚事项才能关联处罚裁量基准。")
        if errors:
            raise ValidationError(errors)

    def missing_elements(self, counts=None):
        missing = super().missing_elements(counts)
        if not (self.legal_basis or "").strip():
            missing.append(_("实施依据"))
        if not self.related_count("responsibilities", counts):
            missing.append(_("责任事项"))
        if not self.related_count("triggers", counts):
            missing.append(_("追责情形"))
        if self.status != PowerStatus.IN_FORCE and not self.related_count("adjustments", counts):
            missing.append(_("调整记录（已调整或已取消的事项须写明调整日期和依据文件）"))
        return missing

    def get_context(self, request, *args, **kwargs):
        from ..power_selectors import power_change_log

        context = super().get_context(request, *args, **kwargs)
        context["change_log"] = power_change_log(self)
        # By id: in a preview `procedures` holds unsaved choices (a FakeQuerySet, no .live()).
        context["live_procedures"] = list(
            ServiceProcedurePage.objects.filter(pk__in=self.procedure_ids)
            .live()
            .public()
            .order_by("title")
        )
        standard = self.penalty_standard
        context["live_penalty_standard"] = standard if standard and standard.live else None
        return context


class PowerResponsibility(Orderable):
    """One responsibility that comes with a power (受理、审查、决定、送达…)."""

    page = ParentalKey(PowerItemPage, on_delete=models.CASCADE, related_name="responsibilities")
    stage = models.CharField(_("责任环节"), max_length=20, choices=ResponsibilityStage.choices)
    content = models.TextField(_("责任内容"), max_length=2000)

    panels = [FieldPanel("stage"), FieldPanel("content")]
    api_fields = [APIField("stage_label"), APIField("content")]

    class Meta(Orderable.Meta):
        verbose_name = _("责任事项")
        verbose_name_plural = _("责任事项")

    def __str__(self):
        return str(self.get_stage_display())

    @property
    def stage_label(self):
        return self.get_stage_display()


class AccountabilityTrigger(Orderable):
    """追责情形: a failure in exercising a power for which the officials are held to account,
    with the rule that says so; accountability cases name the one they were decided under."""

    page = ParentalKey(PowerItemPage, on_delete=models.CASCADE, related_name="triggers")
    situation = models.TextField(_("追责情形"), max_length=1000)
    basis = models.CharField(
        _("追责依据"), max_length=300, help_text=_("例如：《中华人民共和国行政许可法》第七十四条")
    )

    panels = [FieldPanel("situation"), FieldPanel("basis")]
    api_fields = [APIField("id"), APIField("situation"), APIField("basis")]

    class Meta(Orderable.Meta):
        verbose_name = _("追责情形")
        verbose_name_plural = _("追责情形")

    def __str__(self):
        text = " ".join(self.situation.split())
        return text if len(text) <= 40 else f"{text[:40]}…"


class PowerAdjustment(Orderable):
    """One adjustment of a power: when, by which document, what it was before and after."""

    page = ParentalKey(PowerItemPage, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(
        _("调整类型"),
        max_length=12,
        choices=[(PowerStatus.ADJUSTED, _("调整")), (PowerStatus.CANCELLED, _("取消"))],
    )
    date = models.DateField(_("调整日期"))
    document = models.CharField(
        _("调整依据文件"), max_length=200, help_text=_("例如：示政发〔2026〕8号")
    )
    before = models.TextField(_("调整前"), max_length=2000, blank=True)
    after = models.TextField(_("调整后"), max_length=2000, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("document")]),
        FieldRowPanel([FieldPanel("before"), FieldPanel("after")]),
    ]
    api_fields = [
        APIField("kind_label"),
        APIField("date"),
        APIField("document"),
        APIField("before"),
        APIField("after"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("调整记录")
        verbose_name_plural = _("调整记录")

    def __str__(self):
        return f"{self.date} {self.document}"

    @property
    def kind_label(self):
        return self.get_kind_display()

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("调整日期不能晚于今天。")})
        if self.kind == PowerStatus.ADJUSTED and not ((self.before or "") + (self.after or "")):
            raise ValidationError({"after": _("调整事项须写明调整前或调整后的内容。")})
