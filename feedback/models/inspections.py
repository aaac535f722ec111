"""Open and unannounced inspections (明查暗访) of service and enforcement posts: what the county
supervisors found, the rectification required and whether it was done in time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.models import Department


class InspectionMode(models.TextChoices):
    OPEN = "open", _("明查")
    UNANNOUNCED = "unannounced", _("暗访")


class FindingCategory(models.TextChoices):
    """The phenomena inspections target (seed 四.1), plus work discipline."""

    SERVICE_ATTITUDE = "service_attitude", _("门难进、脸难看、事难办")
    PROCEDURE_BURDEN = "procedure_burden", _("门槛多、手续繁、节奏慢")
    ARBITRARY_CHARGES = "arbitrary_charges", _("乱收费、乱罚款、乱摊派、乱拉赞助、吃拿卡要")
    DISCIPLINE = "discipline", _("工作纪律（脱岗、迟到早退、上班办私事）")
    DISCLOSURE = "disclosure", _("公示公开不到位")
    OTHER = "other", _("其他")


class FindingStatus(models.TextChoices):
    RECTIFYING = "rectifying", _("整改中")
    RECTIFIED = "rectified", _("已整改")


class InspectionFindingQuerySet(models.QuerySet):
    def overdue_q(self, today=None):
        today = today or timezone.localdate()
        return Q(status=FindingStatus.RECTIFYING, rectification_deadline__lt=today)

    def overdue(self, today=None):
        """Findings whose rectification deadline passed without the rectification done."""
        return self.filter(self.overdue_q(today))

    def not_overdue(self, today=None):
        return self.exclude(self.overdue_q(today))

    def awaiting_review(self):
        """Findings referred to accountability review: the ones a case may name."""
        return self.filter(referred_at__isnull=False)

    def inspected_between(self, first_day, last_day):
        return self.filter(inspected_on__range=(first_day, last_day))

    def with_overdue_flag(self, today=None):
        return self.annotate(
            overdue_now=models.Case(
                models.When(self.overdue_q(today), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class InspectionFinding(models.Model):
    """One problem found at a window or post, with the rectification required of the
    department."""

    inspected_on = models.DateField(_("检查日期"), db_index=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("被检查部门"),
        on_delete=models.PROTECT,
        related_name="inspection_findings",
    )
    post = models.CharField(
        _("窗口或岗位"),
        max_length=100,
        help_text=_("例如：政务服务中心不动产登记窗口、城区执法中队。不写个人姓名。"),
    )
    mode = models.CharField(_("检查方式"), max_length=12, choices=InspectionMode.choices)
    category = models.CharField(_("问题类别"), max_length=20, choices=FindingCategory.choices)
    problem = models.TextField(_("发现的问题"), max_length=3000)
    rectification = models.TextField(_("整改要求"), max_length=2000)
    rectification_deadline = models.DateField(_("整改期限"))
    status = models.CharField(
        _("整改状态"),
        max_length=12,
        choices=FindingStatus.choices,
        default=FindingStatus.RECTIFYING,
        db_index=True,
    )
    rectified_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    rectification_report = models.TextField(_("整改情况"), blank=True, max_length=3000)
    referred_at = models.DateTimeField(_("转问责审查时间"), null=True, blank=True)
    referral_reason = models.TextField(_("转问责审查理由"), blank=True, max_length=1000)
    recorded_at = models.DateTimeField(_("录入时间"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InspectionFindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("明查暗访问题")
        verbose_name_plural = _("明查暗访")
        ordering = ["-inspected_on", "-pk"]
        default_permissions = ()
        permissions = [("record_inspection", _("录入和跟踪明查暗访发现的问题"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(rectification_deadline__gte=models.F("inspected_on")),
                name="feedback_finding_deadline_after_inspection",
                violation_error_message=_("整改期限不能早于检查日期。"),
            ),
            models.CheckConstraint(
                condition=Q(status="rectifying", rectified_on__isnull=True)
                | Q(status="rectified", rectified_on__isnull=False),
                name="feedback_finding_rectified_has_date",
                violation_error_message=_(
                    "已整改的问题须填写整改完成日期，整改中的问题不能有完成日期。"
                ),
            ),
        ]

    def __str__(self):
        return f"{self.inspected_on:%Y-%m-%d} {self.department} {self.post}"

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.inspected_on and self.inspected_on > today:
            errors["inspected_on"] = _("检查日期不能晚于今天。")
        if (
            self.inspected_on
            and self.rectification_deadline
            and self.rectification_deadline < self.inspected_on
        ):
            errors["rectification_deadline"] = _("整改期限不能早于检查日期。")
        if self.rectified_on:
            if self.rectified_on > today:
                errors["rectified_on"] = _("整改完成日期不能晚于今天。")
            elif self.inspected_on and self.rectified_on < self.inspected_on:
                errors["rectified_on"] = _("整改完成日期不能早于检查日期。")
        for name in ("post", "problem", "rectification"):
            if not (getattr(self, name) or "").strip():
                errors.setdefault(name, _("此项必填。"))
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, today=None):
        return (
            self.status == FindingStatus.RECTIFYING
            and (today or timezone.localdate()) > self.rectification_deadline
        )

    @property
    def overdue(self):
        return self.is_overdue()

    @property
    def rectified_late(self):
        return self.rectified_on is not None and self.rectified_on > self.rectification_deadline

    @cached_property
    def accountability_cases(self):
        """The cases this source raised, oldest first (uses `review_links__case` when
        prefetched, as the lists do)."""
        cases = {link.case for link in self.review_links.all()}
        return sorted(cases, key=lambda case: (case.opened_on, case.pk))

    @property
    def review_label(self):
        """“转入问责审查 → 诫勉” once a case that names this finding is decided."""
        from .accountability import review_label

        if self.referred_at is None:
            return ""
        return review_label(self.accountability_cases)
