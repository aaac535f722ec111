"""Accountability review (追责问责): cases raised by complaints, symposium views and inspection
findings, examined and decided by the accountability-review group, and the public list of
decided cases (de-identified)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.models import BasePage, Department
from portal.search.fields import ChineseSearchField


class PostLevel(models.TextChoices):
    """领导—中层—一般: the three levels of the responsibility system (seed 三.1)."""

    LEADERSHIP = "leadership", _("领导岗位")
    MIDDLE = "middle", _("中层岗位")
    GENERAL = "general", _("一般岗位")


class Ground(models.TextChoices):
    """问责情形: the kind of failure examined."""

    SHIRKING = "shirking", _("推诿扯皮")
    INACTION = "inaction", _("慢作为、不作为")
    MISCONDUCT = "misconduct", _("乱作为")
    ATTITUDE = "attitude", _("服务态度恶劣（门难进、脸难看、事难办）")
    DISCIPLINE = "discipline", _("违反工作纪律")
    BRIBE_SEEKING = "bribe_seeking", _("吃拿卡要")
    ARBITRARY_CHARGES = "arbitrary_charges", _("乱收费、乱罚款、乱摊派")
    POOR_EXECUTION = "poor_execution", _("决策部署落实不力（政令不畅、中梗阻）")
    FALSIFICATION = "falsification", _("弄虚作假")
    FORMALISM = "formalism", _("文山会海、形式主义")
    OTHER = "other", _("其他")


class Outcome(models.TextChoices):
    """问责方式, from no accountability to referral to the discipline inspectors."""

    NONE = "none", _("不予问责")
    REMINDER_TALK = "reminder_talk", _("提醒谈话")
    CRITICAL_EDUCATION = "critical_education", _("批评教育")
    SELF_EXAMINATION = "self_examination", _("责令检查")
    PUBLIC_CRITICISM = "public_criticism", _("通报批评")
    ADMONISHMENT = "admonishment", _("诫勉")
    ORGANISATIONAL_ADJUSTMENT = "organisational_adjustment", _("组织调整")
    DISCIPLINARY_REFERRAL = "disciplinary_referral", _("移送纪检监察")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("审查中")
    DECIDED = "decided", _("已作出决定")


class SourceKind(models.TextChoices):
    COMPLAINT = "complaint", _("群众投诉")
    VIEW = "view", _("座谈会意见")
    FINDING = "finding", _("明查暗访")


# The model name of each kind of source → the field of AccountabilityCaseSource naming it.
SOURCE_FIELDS = {
    "complaint": "complaint",
    "symposiumview": "view",
    "inspectionfinding": "finding",
}


def source_field(source):
    try:
        return SOURCE_FIELDS[source._meta.model_name]
    except (AttributeError, KeyError):
        raise TypeError(f"{source!r} cannot raise an accountability case.") from None


def review_label(cases):
    """The accountability state of a source, from the cases that name it: “转入问责审查 →
    通报批评” once they are decided."""
    decided = []
    for case in cases:
        if case.is_decided and case.get_outcome_display() not in decided:
            decided.append(case.get_outcome_display())
    if decided and all(case.is_decided for case in cases):
        return _("转入问责审查 → %(outcome)s") % {"outcome": "、".join(decided)}
    if decided:
        return _("转入问责审查 → %(outcome)s（另有案件审查中）") % {"outcome": "、".join(decided)}
    return _("转入问责审查（审查中）")


class AccountabilityCaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CaseStatus.OPEN)

    def decided(self):
        return self.filter(status=CaseStatus.DECIDED)

    def for_source(self, source):
        """The cases that name `source` (a complaint, symposium view or inspection finding)."""
        return self.filter(**{f"sources__{source_field(source)}": source}).distinct()

    def decided_in_year(self, year):
        return self.decided().filter(decided_on__year=year)

    def yearly_counts(self):
        """Decided cases per year of decision, newest first: total, vetoes and per outcome."""
        outcome_counts = {
            outcome: Count("pk", filter=Q(outcome=outcome)) for outcome in Outcome.values
        }
        rows = (
            self.decided()
            .annotate(year=ExtractYear("decided_on"))
            .values("year")
            .annotate(total=Count("pk"), vetoes=Count("pk", filter=Q(veto=True)), **outcome_counts)
            .order_by("-year")
        )
        return [
            {
                "year": row["year"],
                "total": row["total"],
                "vetoes": row["vetoes"],
                "outcomes": [row[outcome] for outcome in Outcome.values],
            }
            for row in rows
        ]


class AccountabilityCase(models.Model):
    """One accountability review: who and what was examined, on what ground, raised by which
    complaints, views and findings, and the outcome decided."""

    number = models.CharField(_("案件编号"), max_length=20, unique=True, editable=False)
    department = models.ForeignKey(
        Department,
        verbose_name=_("被审查部门"),
        on_delete=models.PROTECT,
        related_name="accountability_cases",
    )
    post_level = models.CharField(_("岗位层级"), max_length=12, choices=PostLevel.choices)
    person_name = models.CharField(
        _("当事人姓名（不公开）"),
        max_length=30,
        blank=True,
        help_text=_("对部门整体问责的可不填。姓名和职务任何时候都不在网站上公开。"),
    )
    person_post = models.CharField(_("当事人职务（不公开）"), max_length=60, blank=True)
    ground = models.CharField(_("问责情形"), max_length=20, choices=Ground.choices)
    allegation = models.TextField(
        _("审查事项"), max_length=3000, help_text=_("需要审查的问题，来自转入的线索。")
    )
    findings = models.TextField(
        _("审查认定的事实"), blank=True, max_length=5000, help_text=_("作出决定时必填。")
    )
    outcome = models.CharField(_("问责方式"), max_length=30, choices=Outcome.choices, blank=True)
    veto = models.BooleanField(
        _("一票否决"),
        default=False,
        help_text=_("因效能问题对工作造成严重影响的，当年评优评先、晋职晋级一票否决。"),
    )
    veto_reason = models.CharField(_("一票否决原因"), max_length=300, blank=True)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=CaseStatus.choices,
        default=CaseStatus.OPEN,
        db_index=True,
    )
    opened_on = models.DateField(_("立案日期"), db_index=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True, db_index=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("立案人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("决定人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The power (权责清单) whose exercise is examined and the 追责情形 the case is decided under,
    # so that the power's page lists who was held to account for it.
    power_item = models.ForeignKey(
        "disclosure.PowerItemPage",
        verbose_name=_("涉及的权责事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accountability_cases",
    )
    power_trigger = models.ForeignKey(
        "disclosure.AccountabilityTrigger",
        verbose_name=_("适用的追责情形"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accountability_cases",
        help_text=_("须是所选权责事项列明的追责情形。"),
    )

    objects = AccountabilityCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("问责审查案件")
        verbose_name_plural = _("问责审查")
        ordering = ["-opened_on", "-pk"]
        default_permissions = ()
        permissions = [("review_accountability", _("问责审查：立案、审查和作出决定"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", decided_on__isnull=True, outcome="")
                | (Q(status="decided", decided_on__isnull=False) & ~Q(outcome="")),
                name="feedback_case_decision_complete",
                violation_error_message=_(
                    "已作出决定的案件须有问责方式和决定日期，审查中的案件不能有。"
                ),
            ),
            models.CheckConstraint(
                condition=Q(veto=False) | ~Q(veto_reason=""),
                name="feedback_case_veto_reason",
                violation_error_message=_("一票否决须写明原因。"),
            ),
        ]

    def __str__(self):
        return f"问责审查 {self.number}"

    @property
    def is_decided(self):
        return self.status == CaseStatus.DECIDED

    def clean(self):
        """The rules of a case; a decision needs the outcome, the facts found and its date."""
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.opened_on and self.opened_on > today:
            errors["opened_on"] = _("立案日期不能晚于今天。")
        if not (self.allegation or "").strip():
            errors["allegation"] = _("请填写审查事项。")
        if self.veto and not (self.veto_reason or "").strip():
            errors["veto_reason"] = _("一票否决须写明原因。")
        if self.veto and self.outcome == Outcome.NONE:
            errors["veto"] = _("不予问责的案件不能一票否决。")
        if self.status == CaseStatus.DECIDED:
            if not self.outcome:
                errors["outcome"] = _("请选择问责方式。")
            if not (self.findings or "").strip():
                errors["findings"] = _("请填写审查认定的事实。")
            if not self.decided_on:
                errors["decided_on"] = _("请填写决定日期。")
            elif self.decided_on > today:
                errors["decided_on"] = _("决定日期不能晚于今天。")
            elif self.opened_on and self.decided_on < self.opened_on:
                errors["decided_on"] = _("决定日期不能早于立案日期。")
        if self.power_trigger_id:
            if not self.power_item_id:
                errors["power_trigger"] = _("选择追责情形前，请先选择涉及的权责事项。")
            elif self.power_trigger.page_id != self.power_item_id:
                errors["power_trigger"] = _("所选追责情形不属于所选的权责事项。")
        if errors:
            raise ValidationError(errors)

    # --- the sources ---------------------------------------------------------------------

    def source_objects(self):
        """The complaints, views and findings that raised the case, in the order added."""
        links = self.sources.select_related(
            "complaint", "view__session", "finding__department"
        ).order_by("pk")
        return [link.source for link in links]

    @property
    def public_sources(self):
        """What raised the case, as the public may read it: the kind of source and a
        de-identified reference, never a complainant or a person examined."""
        return [link.public_description() for link in self.sources.all()]


class AccountabilityCaseSource(models.Model):
    """One complaint, symposium view or inspection finding that raised a case; a source may
    raise several cases and a case have several sources."""

    case = models.ForeignKey(
        AccountabilityCase,
        verbose_name=_("案件"),
        on_delete=models.CASCADE,
        related_name="sources",
    )
    complaint = models.ForeignKey(
        "feedback.Complaint",
        verbose_name=_("投诉"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_links",
    )
    view = models.ForeignKey(
        "feedback.SymposiumView",
        verbose_name=_("座谈会意见"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_links",
    )
    finding = models.ForeignKey(
        "feedback.InspectionFinding",
        verbose_name=_("明查暗访问题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_links",
    )

    class Meta:
        verbose_name = _("问责线索来源")
        verbose_name_plural = _("问责线索来源")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(complaint__isnull=False, view__isnull=True, finding__isnull=True)
                | Q(complaint__isnull=True, view__isnull=False, finding__isnull=True)
                | Q(complaint__isnull=True, view__isnull=True, finding__isnull=False),
                name="feedback_case_source_exactly_one",
                violation_error_message=_(
                    "每条线索来源须且只能是一件投诉、一条座谈会意见或一个明查暗访问题。"
                ),
            ),
            models.UniqueConstraint(
                fields=["case", "complaint"],
                condition=Q(complaint__isnull=False),
                name="feedback_case_source_complaint_once",
                violation_error_message=_("同一投诉不能重复列为本案线索。"),
            ),
            models.UniqueConstraint(
                fields=["case", "view"],
                condition=Q(view__isnull=False),
                name="feedback_case_source_view_once",
                violation_error_message=_("同一座谈会意见不能重复列为本案线索。"),
            ),
            models.UniqueConstraint(
                fields=["case", "finding"],
                condition=Q(finding__isnull=False),
                name="feedback_case_source_finding_once",
                violation_error_message=_("同一明查暗访问题不能重复列为本案线索。"),
            ),
        ]

    def __str__(self):
        return f"{self.case} ← {self.source}"

    @property
    def kind(self):
        if self.complaint_id:
            return SourceKind.COMPLAINT
        if self.view_id:
            return SourceKind.VIEW
        return SourceKind.FINDING

    @property
    def source(self):
        return self.complaint or self.view or self.finding

    def public_description(self):
        """{"kind", "text", "url"}: a reference the public may read."""
        if self.complaint_id:
            complaint = self.complaint
            return {
                "kind": SourceKind.COMPLAINT.label,
                "text": complaint.get_category_display(),
                "url": "",
            }
        if self.view_id:
            view = self.view
            session = view.session
            url = ""
            if view.published and session.live:
                url = f"{session.url}#view-{view.number}"
            return {
                "kind": SourceKind.VIEW.label,
                "text": _("%(period)s座谈会第%(number)d条")
                % {
                    "period": session.period,
                    "number": view.number,
                },
                "url": url,
            }
        finding = self.finding
        return {
            "kind": SourceKind.FINDING.label,
            "text": f"{finding.post}（{finding.get_mode_display()}，"
            f"{finding.inspected_on.year}年{finding.inspected_on.month}月）",
            "url": "",
        }


class AccountabilityIndexPage(BasePage):
    """追责问责 at /accountability/: decided cases, de-identified, with yearly counts."""

    introduction = RichTextField(
        _("栏目说明"),
        blank=True,
        features=["bold", "link", "ul"],
        help_text=_("例如：问责的依据、情形和方式。公开的案件不含当事人姓名。"),
    )

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "feedback/accountability_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, ChineseSearchField("introduction")]

    class Meta:
        verbose_name = _("追责问责栏目")
        verbose_name_plural = _("追责问责栏目")

    def serve(self, request, *args, **kwargs):
        from ..views import accountability_export, revalidated

        if request.GET.get("format") == "csv":
            return accountability_export(request, self)
        return revalidated(super().serve(request, *args, **kwargs))

    def home_items(self, limit, request=None):
        """The home page's 追责问责 section: the latest decided cases, named by department,
        ground and outcome only (as in the public table)."""
        from portal.selectors import HomeItem

        cases = (
            AccountabilityCase.objects.decided()
            .select_related("department")
            .order_by("-decided_on", "-pk")[:limit]
        )
        return [
            HomeItem(
                f"{case.department.name}：{case.get_ground_display()}，{case.get_outcome_display()}",
                self.url,
                case.decided_on,
            )
            for case in cases
        ]

    def get_context(self, request, *args, **kwargs):
        from ..selectors import accountability_context

        context = super().get_context(request, *args, **kwargs)
        context.update(accountability_context(request.GET))
        return context
