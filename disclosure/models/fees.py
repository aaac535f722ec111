"""收费目录: fee items and standards, with their legal basis, published as a table."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.formatting import amount

from .base import DisclosurePage


class StandardKind(models.TextChoices):
    FIXED = "fixed", _("固定金额")
    RANGE = "range", _("金额区间")
    FORMULA = "formula", _("计算方法")


class FeeItemQuerySet(models.QuerySet):
    def on_live_schedules(self):
        return self.filter(page__live=True)


class FeeSchedulePage(DisclosurePage):
    """收费目录: the fee items one department (or the county) charges, as a public table."""

    index_category = "C"

    introduction = RichTextField(_("说明"), blank=True, features=["bold", "ol", "ul", "link"])

    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = []
    template = "disclosure/fee_schedule_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        FieldPanel("introduction"),
        InlinePanel("items", heading=_("收费项目"), label=_("收费项目")),
        *DisclosurePage.metadata_panels,
    ]
    api_fields = [*DisclosurePage.api_fields, APIField("introduction"), APIField("items")]

    class Meta:
        verbose_name = _("收费目录")
        verbose_name_plural = _("收费目录")

    def missing_elements(self, counts=None):
        missing = super().missing_elements(counts)
        if not self.related_count("items", counts):
            missing.append(_("收费项目"))
        return missing

    def serve(self, request, *args, **kwargs):
        from ..views import fee_schedule_export

        if request.GET.get("format"):
            return fee_schedule_export(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import fee_change_log, filter_fee_items

        context = super().get_context(request, *args, **kwargs)
        context["items"], context["filters"] = filter_fee_items(self, request.GET)
        context["change_log"] = fee_change_log(self)
        return context


class FeeItem(Orderable):
    """One fee: what is charged, how much, by whom and on what legal basis."""

    page = ParentalKey(FeeSchedulePage, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("收费项目名称"), max_length=200)
    charging_department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("收费单位"),
        on_delete=models.PROTECT,
        related_name="fee_items",
    )
    standard_kind = models.CharField(
        _("标准类型"), max_length=10, choices=StandardKind.choices, default=StandardKind.FIXED
    )
    amount = models.DecimalField(
        _("金额（元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("固定金额，或区间的下限。"),
    )
    amount_max = models.DecimalField(
        _("金额上限（元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    unit = models.CharField(
        _("计费单位"), max_length=30, blank=True, help_text=_("例如：件、平方米、次")
    )
    formula = models.CharField(
        _("计算方法"), max_length=300, blank=True, help_text=_("标准类型为计算方法时填写。")
    )
    legal_basis = models.CharField(_("收费依据"), max_length=300)
    legal_basis_number = models.CharField(_("依据文号"), max_length=100, blank=True)
    approval_number = models.CharField(_("批准文号"), max_length=100, blank=True)
    valid_from = models.DateField(_("执行起始日期"))
    valid_to = models.DateField(_("执行截止日期"), null=True, blank=True)
    exemptions = models.CharField(_("减免政策"), max_length=500, blank=True)
    notes = models.CharField(_("备注"), max_length=300, blank=True)

    objects = FeeItemQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("charging_department")]),
        MultiFieldPanel(
            [
                FieldPanel("standard_kind"),
                FieldRowPanel([FieldPanel("amount"), FieldPanel("amount_max"), FieldPanel("unit")]),
                FieldPanel("formula"),
            ],
            heading=_("收费标准"),
        ),
        FieldRowPanel(
            [
                FieldPanel("legal_basis"),
                FieldPanel("legal_basis_number"),
                FieldPanel("approval_number"),
            ]
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("exemptions"),
        FieldPanel("notes"),
    ]
    api_fields = [
        APIField("name"),
        APIField("charging_department_name"),
        APIField("standard_label"),
        APIField("legal_basis"),
        APIField("legal_basis_number"),
        APIField("approval_number"),
        APIField("valid_from"),
        APIField("valid_to"),
        APIField("exemptions"),
        APIField("notes"),
    ]

    # Fields compared by the public change log, with their Chinese labels.
    CHANGE_LOG_FIELDS = {
        "name": _("收费项目名称"),
        "standard_label": _("收费标准"),
        "legal_basis": _("收费依据"),
        "legal_basis_number": _("依据文号"),
        "approval_number": _("批准文号"),
        "valid_from": _("执行起始日期"),
        "valid_to": _("执行截止日期"),
        "exemptions": _("减免政策"),
    }

    class Meta(Orderable.Meta):
        verbose_name = _("收费项目")
        verbose_name_plural = _("收费项目")

    def __str__(self):
        return self.name

    @property
    def charging_department_name(self):
        return self.charging_department.name if self.charging_department_id else ""

    @property
    def standard_label(self):
        unit = f"/{self.unit}" if self.unit else ""
        if self.standard_kind == StandardKind.FORMULA:
            return self.formula
        if self.standard_kind == StandardKind.RANGE and self.amount is not None:
            return f"{amount(self.amount)}–{amount(self.amount_max)} 元{unit}"
        if self.amount is not None:
            return f"{amount(self.amount)} 元{unit}"
        return ""

    def is_valid_on(self, day):
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("执行截止日期不能早于执行起始日期。")
        if self.standard_kind == StandardKind.FIXED and self.amount is None:
            errors["amount"] = _("固定金额的收费项目须填写金额。")
        if self.standard_kind == StandardKind.RANGE:
            if self.amount is None:
                errors["amount"] = _("金额区间须填写下限。")
            if self.amount_max is None:
                errors["amount_max"] = _("金额区间须填写上限。")
            elif self.amount is not None and self.amount_max < self.amount:
                errors["amount_max"] = _("金额上限不能低于下限。")
        if self.standard_kind == StandardKind.FORMULA and not self.formula.strip():
            errors["formula"] = _("标准类型为计算方法时须填写计算方法。")
        if errors:
            raise ValidationError(errors)
