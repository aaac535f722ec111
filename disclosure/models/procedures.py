"""办事指南: how to get one service done, with every element the national standard mandates."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.models import phone_validator
from portal.search.fields import ChineseSearchField

from .base import DisclosurePage


class ServiceItemType(models.TextChoices):
    LICENSING = "licensing", _("行政许可")
    CONFIRMATION = "confirmation", _("行政确认")
    BENEFIT = "benefit", _("行政给付")
    LEVY = "levy", _("行政征收")
    ADJUDICATION = "adjudication", _("行政裁决")
    PUBLIC_SERVICE = "public_service", _("公共服务")
    OTHER = "other", _("其他")


class ServiceProcedurePage(DisclosurePage):
    """办事指南 of one service item: conditions, materials, steps, limits, fees, contacts."""

    index_category = "B"

    item_type = models.CharField(
        _("事项类型"), max_length=20, choices=ServiceItemType.choices, blank=True
    )
    item_code = models.CharField(
        _("事项编码"), max_length=50, blank=True, help_text=_("政务服务事项目录中的编码，可不填。")
    )
    legal_basis = RichTextField(
        _("设定依据"),
        blank=True,
        features=["bold", "ol", "ul", "link"],
        help_text=_("列明法律、法规、规章的名称及具体条款。"),
    )
    acceptance_conditions = RichTextField(
        _("受理条件"), blank=True, features=["bold", "ol", "ul", "link"]
    )
    parallel_departments = ParentalManyToManyField(
        "portal.Department",
        verbose_name=_("并联审批部门"),
        blank=True,
        related_name="parallel_procedures",
        help_text=_("同时审查本事项的其他部门（并联审批）。"),
    )
    statutory_days = models.PositiveSmallIntegerField(
        _("法定办结时限（工作日）"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    statutory_immediate = models.BooleanField(_("法定时限为即办"), default=False)
    promised_days = models.PositiveSmallIntegerField(
        _("承诺办结时限（工作日）"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    promised_immediate = models.BooleanField(_("承诺即办"), default=False)
    fee_items = ParentalManyToManyField(
        "disclosure.FeeItem",
        verbose_name=_("收费项目"),
        blank=True,
        related_name="procedures",
    )
    free_of_charge = models.BooleanField(_("不收费"), default=False)
    location = models.CharField(_("办理地点"), max_length=200, blank=True)
    office_hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    online_url = models.CharField(
        _("网上办理地址"),
        max_length=300,
        blank=True,
        validators=[
            URLValidator(
                schemes=["http", "https"], message=_("请填写以 http:// 或 https:// 开头的网址。")
            )
        ],
    )
    visits_required = models.PositiveSmallIntegerField(
        _("到办事现场次数"), default=1, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    consultation_phone = models.CharField(
        _("咨询电话"), max_length=30, blank=True, validators=[phone_validator]
    )
    supervision_phone = models.CharField(
        _("监督投诉电话"), max_length=30, blank=True, validators=[phone_validator]
    )

    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = []
    template = "disclosure/service_procedure_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("item_type"), FieldPanel("item_code")]),
                FieldPanel("legal_basis"),
                FieldPanel("acceptance_conditions"),
            ],
            heading=_("事项信息"),
        ),
        InlinePanel("materials", heading=_("申请材料"), label=_("材料"), min_num=0),
        InlinePanel("steps", heading=_("办理流程"), label=_("环节")),
        FieldPanel("parallel_departments"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("statutory_days"), FieldPanel("statutory_immediate")]),
                FieldRowPanel([FieldPanel("promised_days"), FieldPanel("promised_immediate")]),
                FieldPanel("visits_required"),
            ],
            heading=_("办理时限"),
        ),
        MultiFieldPanel(
            [FieldPanel("free_of_charge"), FieldPanel("fee_items")],
            heading=_("收费"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldPanel("office_hours"),
                FieldPanel("online_url"),
                FieldRowPanel([FieldPanel("consultation_phone"), FieldPanel("supervision_phone")]),
            ],
            heading=_("办理地点与联系方式"),
        ),
        *DisclosurePage.metadata_panels,
    ]

    search_fields = [
        *DisclosurePage.search_fields,
        ChineseSearchField("legal_basis"),
        ChineseSearchField("acceptance_conditions"),
        ChineseSearchField("location"),
    ]

    api_fields = [
        *DisclosurePage.api_fields,
        APIField("item_type"),
        APIField("legal_basis"),
        APIField("acceptance_conditions"),
        APIField("materials"),
        APIField("steps"),
        APIField("statutory_limit_label"),
        APIField("promised_limit_label"),
        APIField("free_of_charge"),
        APIField("location"),
        APIField("office_hours"),
        APIField("online_url"),
        APIField("visits_required"),
        APIField("consultation_phone"),
        APIField("supervision_phone"),
    ]

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")

    @staticmethod
    def _limit_label(days, immediate):
        if immediate:
            return "即办"
        return f"{days} 个工作日" if days is not None else ""

    @property
    def statutory_limit_label(self):
        return self._limit_label(self.statutory_days, self.statutory_immediate)

    @property
    def promised_limit_label(self):
        return self._limit_label(self.promised_days, self.promised_immediate)

    @property
    def complaint_url(self):
        return f"/complaints/?procedure={self.pk}"

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.statutory_immediate and self.statutory_days:
            errors.setdefault("statutory_days", []).append(_("已选择即办时不要填写天数。"))
        if self.promised_immediate and self.promised_days:
            errors.setdefault("promised_days", []).append(_("已选择即办时不要填写天数。"))
        if (
            self.statutory_days is not None
            and self.promised_days is not None
            and self.promised_days > self.statutory_days
        ):
            errors.setdefault("promised_days", []).append(_("承诺时限不能长于法定时限。"))
        if self.statutory_immediate and self.promised_days:
            errors.setdefault("promised_days", []).append(_("法定即办的事项，承诺时限也应为即办。"))
        if errors:
            raise ValidationError(errors)

    def missing_elements(self, counts=None):
        """Every element the service guide standard requires, by its Chinese name. `counts`
        gives the number of rows of a child relation when they come from an unsaved form."""
        missing = super().missing_elements(counts)
        checks = [
            (self.item_type, _("事项类型")),
            (self.legal_basis, _("设定依据")),
            (self.acceptance_conditions, _("受理条件")),
            (self.related_count("materials", counts), _("申请材料")),
            (self.related_count("steps", counts), _("办理流程")),
            (self.statutory_immediate or self.statutory_days is not None, _("法定办结时限")),
            (self.promised_immediate or self.promised_days is not None, _("承诺办结时限")),
            (
                self.free_of_charge or self.related_count("fee_items", counts),
                _("收费标准（或勾选不收费）"),
            ),
            (self.location, _("办理地点")),
            (self.office_hours, _("办理时间")),
            (self.consultation_phone, _("咨询电话")),
            (self.supervision_phone, _("监督投诉电话")),
        ]
        return missing + [label for present, label in checks if not present]


class ApplicationMaterial(Orderable):
    """申请材料: one document the applicant brings."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("原件")
        COPY = "copy", _("复印件")
        BOTH = "both", _("原件和复印件")
        ELECTRONIC = "electronic", _("电子材料")

    page = ParentalKey(ServiceProcedurePage, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(
        _("材料形式"), max_length=12, choices=Form.choices, default=Form.ORIGINAL
    )
    copies = models.PositiveSmallIntegerField(
        _("份数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    required = models.BooleanField(_("必须提供"), default=True)
    template_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("空白表格或样表"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.CharField(_("备注"), max_length=300, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("template_document"),
        FieldPanel("notes"),
    ]
    api_fields = [APIField("name"), APIField("form"), APIField("copies"), APIField("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self):
        return self.name


class ProcedureStep(Orderable):
    """办理流程: one step, its responsible post and time limit."""

    page = ParentalKey(ServiceProcedurePage, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(
        _("环节名称"), max_length=50, help_text=_("例如：受理、审查、决定、送达")
    )
    responsible_post = models.CharField(_("办理岗位"), max_length=100, blank=True)
    time_limit = models.CharField(
        _("办理时限"), max_length=50, blank=True, help_text=_("例如：即办、2 个工作日")
    )
    description = models.TextField(_("环节说明"), blank=True, max_length=1000)

    panels = [
        FieldRowPanel(
            [FieldPanel("name"), FieldPanel("responsible_post"), FieldPanel("time_limit")]
        ),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("name"),
        APIField("responsible_post"),
        APIField("time_limit"),
        APIField("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")

    def __str__(self):
        return self.name
