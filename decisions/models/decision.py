"""重大行政决策公示: one major decision from its public notice to its evaluation.

The lifecycle status is never typed by an editor: it is derived from the consultation period and
the dated records (collective decision, tracking updates, evaluation, termination), both in Python
(`MajorDecisionPage.status`) and in SQL (`MajorDecisionPageQuerySet.with_status`) for filtering.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager

from disclosure.models import DisclosurePage
from disclosure.models.base import DisclosurePageQuerySet
from portal.models import phone_validator
from portal.search.fields import ChineseSearchField

from ..forms import MajorDecisionPageForm

# 《重大行政决策程序暂行条例》第十四条: the period is normally at least 30 days.
MIN_CONSULTATION_PERIOD = datetime.timedelta(days=30)
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


def has_text(rich_text):
    """Whether a rich text has any words: the editor saves an empty paragraph as <p></p>."""
    return bool(strip_tags(rich_text or "").strip())


class DecisionStatus(models.TextChoices):
    """The lifecycle of a major decision, in order; 已终止 can end it at any stage."""

    UPCOMING = "upcoming", _("即将征求意见")
    OPEN = "open", _("征求意见中")
    CLOSED = "closed", _("意见征集结束")
    DECIDED = "decided", _("已决策")
    IMPLEMENTING = "implementing", _("实施中")
    EVALUATED = "evaluated", _("已评估")
    TERMINATED = "terminated", _("已终止")


LIFECYCLE = [
    DecisionStatus.UPCOMING,
    DecisionStatus.OPEN,
    DecisionStatus.CLOSED,
    DecisionStatus.DECIDED,
    DecisionStatus.IMPLEMENTING,
    DecisionStatus.EVALUATED,
]


class StepKind(models.TextChoices):
    """The statutory steps of a major decision."""

    HEARING = "hearing", _("听证")
    EXPERT_REVIEW = "expert_review", _("专家论证")
    RISK_ASSESSMENT = "risk_assessment", _("风险评估")
    LEGALITY_REVIEW = "legality_review", _("合法性审查")
    COLLECTIVE_DECISION = "collective_decision", _("集体讨论决定")


class DecisionOutcome(models.TextChoices):
    """What the collective decision meeting decided."""

    ADOPTED = "adopted", _("审议通过")
    AMENDED = "amended", _("修改后通过")
    DEFERRED = "deferred", _("暂缓决策")
    REJECTED = "rejected", _("不予通过")


ADOPTING_OUTCOMES = (DecisionOutcome.ADOPTED, DecisionOutcome.AMENDED)


class TrackingStatus(models.TextChoices):
    ON_TRACK = "on_track", _("按计划推进")
    BEHIND = "behind", _("进度滞后")
    COMPLETED = "completed", _("已完成")
    SUSPENDED = "suspended", _("暂缓实施")


class EvaluationRecommendation(models.TextChoices):
    CONTINUE = "continue", _("继续实施")
    AMEND = "amend", _("修改完善后实施")
    SUSPEND = "suspend", _("暂停实施")
    STOP = "stop", _("停止实施")


class MajorDecisionPageQuerySet(DisclosurePageQuerySet):
    def with_status(self, now=None):
        """Annotate `lifecycle_status`, computed in SQL exactly as `MajorDecisionPage.status`."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        decided = DecisionStep.objects.filter(
            page=OuterRef("pk"),
            kind=StepKind.COLLECTIVE_DECISION,
            outcome__in=ADOPTING_OUTCOMES,
            date__lte=today,
        )
        tracked = TrackingUpdate.objects.filter(page=OuterRef("pk"), date__lte=today)
        return self.annotate(_decided=Exists(decided), _tracked=Exists(tracked)).annotate(
            lifecycle_status=Case(
                When(terminated_on__lte=today, then=Value(DecisionStatus.TERMINATED.value)),
                When(
                    Q(_decided=True, evaluation_date__lte=today),
                    then=Value(DecisionStatus.EVALUATED.value),
                ),
                When(
                    Q(_decided=True) & (Q(_tracked=True) | Q(effective_date__lte=today)),
                    then=Value(DecisionStatus.IMPLEMENTING.value),
                ),
                When(_decided=True, then=Value(DecisionStatus.DECIDED.value)),
                When(closes_at__lte=now, then=Value(DecisionStatus.CLOSED.value)),
                When(opens_at__lte=now, closes_at__gt=now, then=Value(DecisionStatus.OPEN.value)),
                default=Value(DecisionStatus.UPCOMING.value),
                output_field=models.CharField(),
            )
        )

    def with_lifecycle_status(self, status, now=None):
        return self.with_status(now).filter(lifecycle_status=status)

    def open_for_comment(self, now=None):
        return self.with_lifecycle_status(DecisionStatus.OPEN, now)


MajorDecisionPageManager = PageManager.from_queryset(MajorDecisionPageQuerySet)


class MajorDecisionPage(DisclosurePage):
    """重大行政决策公示: the draft put to consultation, its statutory steps, the decision taken,
    its implementation and its evaluation, all on one disclosed page."""

    index_category = "F"

    draft_text = RichTextField(
        _("征求意见稿"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("公开征求意见的决策草案全文。征求意见开始后请勿修改，以便公众对照。"),
    )
    drafting_explanation = RichTextField(
        _("起草说明"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("起草背景、依据、主要内容和需要说明的问题。"),
    )
    opens_at = models.DateTimeField(
        _("征求意见开始时间"), null=True, blank=True, help_text=_("北京时间。")
    )
    closes_at = models.DateTimeField(
        _("征求意见截止时间"),
        null=True,
        blank=True,
        help_text=_("北京时间。到达该时刻即停止接收意见，例如 2026-07-01 00:00。"),
    )
    urgency_reason = models.TextField(
        _("紧急情况说明"),
        blank=True,
        max_length=1000,
        help_text=_("征求意见期限少于 30 日时必须填写，并在公示页面显示。"),
    )
    contact_email = models.EmailField(
        _("意见接收邮箱"),
        blank=True,
        help_text=_("每收到一条网上意见即发送提醒。留空时发送至发布机构的电子邮箱。"),
    )
    contact_phone = models.CharField(
        _("咨询电话"), max_length=30, blank=True, validators=[phone_validator]
    )
    other_channels = models.TextField(
        _("其他提交方式"),
        blank=True,
        max_length=1000,
        help_text=_("例如信函地址、传真，将显示在公示页面。"),
    )

    final_text = RichTextField(
        _("决策文本"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("集体讨论决定通过的最终文本；页面据此与征求意见稿生成修改对照。"),
    )
    final_document_number = models.CharField(
        _("决策文件文号"), max_length=60, blank=True, help_text=_("例如：示政发〔2026〕20号")
    )
    final_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("决策文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    effective_date = models.DateField(
        _("施行日期"), null=True, blank=True, help_text=_("决策自该日起施行，状态随之变为实施中。")
    )

    evaluation_date = models.DateField(_("评估完成日期"), null=True, blank=True)
    evaluation_body = models.CharField(
        _("评估单位"), max_length=200, blank=True, help_text=_("例如：县司法局委托示例大学")
    )
    evaluation_recommendation = models.CharField(
        _("评估建议"), max_length=10, choices=EvaluationRecommendation.choices, blank=True
    )
    evaluation_text = RichTextField(
        _("评估结论"), blank=True, features=["h3", "bold", "ol", "ul", "link", "document-link"]
    )
    evaluation_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("评估报告"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    terminated_on = models.DateField(_("终止日期"), null=True, blank=True)
    termination_reason = models.TextField(_("终止原因"), blank=True, max_length=2000)

    objects = MajorDecisionPageManager()

    is_creatable = True
    base_form_class = MajorDecisionPageForm
    parent_page_types = ["decisions.DecisionIndexPage"]
    subpage_types = []
    template = "decisions/major_decision_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        FieldPanel("draft_text"),
        FieldPanel("drafting_explanation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("urgency_reason"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("other_channels"),
            ],
            heading=_("征求意见"),
            help_text=_(
                "征求意见期限一般不少于 30 日；因情况紧急等原因需要缩短的，须填写紧急情况说明。"
                "网上意见只在开始时间至截止时间之间接收。"
            ),
        ),
        *DisclosurePage.metadata_panels,
    ]
    process_panels = [
        HelpPanel(
            content=_(
                "按时间逐项记录法定程序：听证（可提前公布参加方式）、专家论证、风险评估、"
                "合法性审查、集体讨论决定。集体讨论决定须在征求意见截止之后，"
                "结论为审议通过或修改后通过时，事项进入“已决策”。"
            )
        ),
        InlinePanel("steps", heading=_("法定程序"), label=_("程序记录")),
    ]
    outcome_panels = [
        MultiFieldPanel(
            [
                FieldPanel("final_text"),
                FieldRowPanel([FieldPanel("final_document_number"), FieldPanel("effective_date")]),
                FieldPanel("final_document"),
            ],
            heading=_("决策结果"),
        ),
        InlinePanel("tracking_updates", heading=_("跟踪督查"), label=_("进展")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("evaluation_date"), FieldPanel("evaluation_body")]),
                FieldPanel("evaluation_recommendation"),
                FieldPanel("evaluation_text"),
                FieldPanel("evaluation_document"),
            ],
            heading=_("决策后评估"),
        ),
        MultiFieldPanel(
            [FieldPanel("terminated_on"), FieldPanel("termination_reason")],
            heading=_("终止决策"),
            help_text=_("决策事项不再推进时填写终止日期和原因，页面将显示“已终止”。"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("公示与征求意见")),
            ObjectList(process_panels, heading=_("法定程序")),
            ObjectList(outcome_panels, heading=_("决策与实施")),
            ObjectList(Page.promote_panels, heading=_("推广")),
            ObjectList(Page.settings_panels, heading=_("设置")),
        ],
        base_form_class=MajorDecisionPageForm,
    )

    search_fields = [
        *DisclosurePage.search_fields,
        ChineseSearchField("draft_text"),
        ChineseSearchField("drafting_explanation"),
        ChineseSearchField("final_text"),
    ]

    api_fields = [
        *DisclosurePage.api_fields,
        APIField("status_value"),
        APIField("status_label"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("urgency_reason"),
        APIField("draft_text"),
        APIField("drafting_explanation"),
        APIField("steps"),
        APIField("final_text"),
        APIField("final_document_number"),
        APIField("effective_date"),
        APIField("tracking_updates"),
        APIField("evaluation_date"),
        APIField("evaluation_body"),
        APIField("evaluation_text"),
        APIField("terminated_on"),
        APIField("termination_reason"),
    ]

    class Meta:
        verbose_name = _("重大行政决策公示")
        verbose_name_plural = _("重大行政决策公示")

    # -- lifecycle -----------------------------------------------------------------------------

    def decision_step(self, now=None):
        """The latest collective decision that adopted the decision by `now`, or None."""
        today = timezone.localdate(now or timezone.now())
        adopted = [
            step
            for step in self.steps.all()
            if step.kind == StepKind.COLLECTIVE_DECISION
            and step.outcome in ADOPTING_OUTCOMES
            and step.date
            and step.date <= today
        ]
        return max(adopted, key=lambda step: step.date) if adopted else None

    def progress_status(self, now=None):
        """The stage reached, leaving termination aside."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        if self.decision_step(now) is not None:
            if self.evaluation_date and self.evaluation_date <= today:
                return DecisionStatus.EVALUATED
            if (self.effective_date and self.effective_date <= today) or any(
                update.date and update.date <= today for update in self.tracking_updates.all()
            ):
                return DecisionStatus.IMPLEMENTING
            return DecisionStatus.DECIDED
        if self.closes_at and self.closes_at <= now:
            return DecisionStatus.CLOSED
        if self.opens_at and self.closes_at and self.opens_at <= now:
            return DecisionStatus.OPEN
        return DecisionStatus.UPCOMING

    def status(self, now=None):
        """The lifecycle status at `now` (default: the current time)."""
        now = now or timezone.now()
        if self.terminated_on and self.terminated_on <= timezone.localdate(now):
            return DecisionStatus.TERMINATED
        return self.progress_status(now)

    @cached_property
    def current_status(self):
        return self.status()

    @property
    def status_value(self):
        return self.current_status.value

    @property
    def status_label(self):
        return str(self.current_status.label)

    def is_open_for_comment(self, now=None):
        return self.status(now) == DecisionStatus.OPEN

    def consultation_ended(self, now=None):
        """Whether the consultation is over: closed by the calendar, or the decision terminated."""
        now = now or timezone.now()
        if self.status(now) == DecisionStatus.TERMINATED:
            return True
        return bool(self.closes_at and self.closes_at <= now)

    def stage_dates(self, now=None):
        """The date each stage was reached (or will be), for the step indicator."""
        now = now or timezone.now()
        decision = self.decision_step(now)
        updates = sorted(update.date for update in self.tracking_updates.all() if update.date)
        implementing = [day for day in [self.effective_date, *updates[:1]] if day]
        return {
            # The notice may be published before or after the period opens: no date here.
            DecisionStatus.UPCOMING: None,
            DecisionStatus.OPEN: timezone.localtime(self.opens_at) if self.opens_at else None,
            DecisionStatus.CLOSED: timezone.localtime(self.closes_at) if self.closes_at else None,
            DecisionStatus.DECIDED: decision.date if decision else None,
            DecisionStatus.IMPLEMENTING: min(implementing) if implementing else None,
            DecisionStatus.EVALUATED: self.evaluation_date,
            DecisionStatus.TERMINATED: self.terminated_on,
        }

    def lifecycle_steps(self, now=None):
        """The step indicator: each stage with its state (done, current, todo) and date. A
        terminated decision shows the stages it reached, then 已终止 as the current one."""
        now = now or timezone.now()
        status = self.status(now)
        reached = self.progress_status(now)
        dates = self.stage_dates(now)
        reached_index = LIFECYCLE.index(reached)
        steps = []
        for index, stage in enumerate(LIFECYCLE):
            if status == DecisionStatus.TERMINATED:
                if index > reached_index:
                    break
                state = "done"
            elif index < reached_index:
                state = "done"
            elif index == reached_index:
                state = "current"
            else:
                state = "todo"
            steps.append({"value": stage.value, "label": stage.label, "state": state})
        if status == DecisionStatus.TERMINATED:
            steps.append(
                {
                    "value": DecisionStatus.TERMINATED.value,
                    "label": DecisionStatus.TERMINATED.label,
                    "state": "current",
                }
            )
        for step in steps:
            step["date"] = (
                dates.get(DecisionStatus(step["value"])) if step["state"] != "todo" else None
            )
        return steps

    # -- 修改对照 --------------------------------------------------------------------------------

    @cached_property
    def changes(self):
        """The final text against the consulted draft, once both exist."""
        from ..diff import compare

        if not (has_text(self.draft_text) and has_text(self.final_text)):
            return []
        return compare(self.draft_text, self.final_text)

    # -- consultation period -------------------------------------------------------------------

    @property
    def period_length(self):
        if self.opens_at and self.closes_at:
            return self.closes_at - self.opens_at
        return None

    @property
    def period_days(self):
        """The period in days, rounded down (a period of 29 days and 23 hours is 29)."""
        length = self.period_length
        return length.days if length is not None else None

    @property
    def is_short_period(self):
        length = self.period_length
        return length is not None and length < MIN_CONSULTATION_PERIOD

    @property
    def notification_email(self):
        """Where new-comment alerts go: the notice's own address, else the department's."""
        if self.contact_email:
            return self.contact_email
        return self.issuing_department.email if self.issuing_department_id else ""

    # -- rules ---------------------------------------------------------------------------------

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)

        def add(field, message):
            errors.setdefault(field, []).append(message)

        today = timezone.localdate()
        if bool(self.opens_at) != bool(self.closes_at):
            add(
                "closes_at" if self.opens_at else "opens_at",
                _("请同时填写征求意见开始时间和截止时间。"),
            )
        elif self.opens_at and self.closes_at:
            if self.closes_at <= self.opens_at:
                add("closes_at", _("征求意见截止时间须晚于开始时间。"))
            elif self.is_short_period and not self.urgency_reason.strip():
                add(
                    "urgency_reason",
                    _(
                        "征求意见期限不少于 30 日，当前只有 %(days)s 日。"
                        "因情况紧急等原因需要缩短的，请填写紧急情况说明。"
                    )
                    % {"days": self.period_days},
                )
        if bool(self.terminated_on) != bool(self.termination_reason.strip()):
            add(
                "termination_reason" if self.terminated_on else "terminated_on",
                _("终止决策须同时填写终止日期和终止原因。"),
            )
        if self.terminated_on and self.terminated_on > today:
            add("terminated_on", _("终止日期不能晚于今天。"))
        if self.evaluation_date and self.evaluation_date > today:
            add("evaluation_date", _("评估完成日期不能晚于今天。"))
        if self.evaluation_date and not has_text(self.evaluation_text):
            add("evaluation_text", _("填写评估完成日期时须填写评估结论。"))
        if has_text(self.evaluation_text) and not self.evaluation_date:
            add("evaluation_date", _("请填写评估完成日期。"))
        if errors:
            raise ValidationError(errors)

    def record_errors(self, steps, updates, now=None):
        """Rules across the page and its records (given as unsaved or saved rows). Returns
        (page_errors: {field: [message]}, row_errors: [(row, field, message)])."""
        now = now or timezone.now()
        page_errors, row_errors = {}, []
        adopting = [
            step
            for step in steps
            if step.kind == StepKind.COLLECTIVE_DECISION
            and step.outcome in ADOPTING_OUTCOMES
            and step.date
        ]
        decision_date = max((step.date for step in adopting), default=None)
        closing_day = timezone.localdate(self.closes_at) if self.closes_at else None
        for step in steps:
            if step.kind != StepKind.COLLECTIVE_DECISION or not step.date:
                continue
            # The decision comes after the consultation: never while comments are still taken.
            if closing_day is None or step.date < closing_day or self.closes_at > now:
                row_errors.append((step, "date", _("集体讨论决定须在征求意见截止之后进行。")))
        for update in updates:
            if decision_date is None:
                row_errors.append((update, "date", _("跟踪督查须在集体讨论决定通过之后填写。")))
            elif update.date and update.date < decision_date:
                row_errors.append((update, "date", _("进展日期不能早于决策日期。")))
        for field, label in (("effective_date", _("施行日期")), ("evaluation_date", _("评估"))):
            value = getattr(self, field)
            if not value:
                continue
            if decision_date is None:
                page_errors.setdefault(field, []).append(
                    _("%(label)s须在记录集体讨论决定（审议通过或修改后通过）之后填写。")
                    % {"label": label}
                )
            elif value < decision_date:
                page_errors.setdefault(field, []).append(
                    _("%(label)s不能早于决策日期 %(date)s。")
                    % {"label": label, "date": decision_date.isoformat()}
                )
        return page_errors, row_errors

    def missing_elements(self, counts=None):
        """A notice must carry the draft, its explanation and the period; a decision taken
        must carry its final text."""
        missing = super().missing_elements(counts)
        checks = [
            (self.summary, _("摘要")),
            (has_text(self.draft_text), _("征求意见稿")),
            (has_text(self.drafting_explanation), _("起草说明")),
            (self.opens_at and self.closes_at, _("征求意见起止时间")),
        ]
        # In the admin form (counts given) the form checks the final text against the rows
        # being saved; at publication the revision's own records decide.
        if counts is None and self.decision_step() is not None:
            checks.append((has_text(self.final_text), _("决策文本")))
        return missing + [label for present, label in checks if not present]

    # -- serving -------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        from .. import views

        return views.serve_decision(request, self, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import decision_context

        context = super().get_context(request, *args, **kwargs)
        context.update(decision_context(self, request, **kwargs))
        return context


class DecisionStep(Orderable):
    """One statutory step of a decision, dated, with its document: a hearing (with how to take
    part), an expert review, a risk assessment, a legality review or the collective decision."""

    page = ParentalKey(MajorDecisionPage, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("程序"), max_length=20, choices=StepKind.choices)
    date = models.DateField(
        _("日期"), help_text=_("已完成的程序填写完成日期；听证会可填写计划举行的日期。")
    )
    title = models.CharField(
        _("名称"),
        max_length=200,
        blank=True,
        help_text=_("例如：县政府第十五次常务会议、《……》专家论证会"),
    )
    location = models.CharField(_("地点"), max_length=200, blank=True)
    how_to_participate = models.TextField(
        _("参加方式"),
        blank=True,
        max_length=2000,
        help_text=_("听证会的报名条件、报名方式、截止时间和名额。"),
    )
    summary = models.TextField(_("情况与结论"), blank=True, max_length=3000)
    outcome = models.CharField(
        _("决定结论"),
        max_length=10,
        choices=DecisionOutcome.choices,
        blank=True,
        help_text=_("仅集体讨论决定填写。"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("相关文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("例如：听证报告、论证意见、风险评估报告、合法性审查意见书、会议纪要。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("outcome")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("location")]),
        FieldPanel("how_to_participate"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("title"),
        APIField("location"),
        APIField("how_to_participate"),
        APIField("summary"),
        APIField("outcome"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("法定程序记录")
        verbose_name_plural = _("法定程序记录")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date or ''}".strip()

    @property
    def is_planned(self):
        return bool(self.date and self.date > timezone.localdate())

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == StepKind.COLLECTIVE_DECISION and not self.outcome:
            errors["outcome"] = _("集体讨论决定须选择决定结论。")
        if self.kind != StepKind.COLLECTIVE_DECISION and self.outcome:
            errors["outcome"] = _("只有集体讨论决定需要填写决定结论。")
        if self.date and self.date > timezone.localdate():
            if self.kind != StepKind.HEARING:
                errors["date"] = _("只有听证会可以提前公布；其他程序请在完成后填写。")
            elif not self.how_to_participate.strip():
                errors["how_to_participate"] = _("提前公布的听证会须写明参加方式。")
        if errors:
            raise ValidationError(errors)


class TrackingUpdate(Orderable):
    """跟踪督查: one published progress update on carrying out the decision."""

    page = ParentalKey(MajorDecisionPage, on_delete=models.CASCADE, related_name="tracking_updates")
    date = models.DateField(_("日期"))
    responsible_unit = models.ForeignKey(
        "portal.Department",
        verbose_name=_("责任单位"),
        on_delete=models.PROTECT,
        related_name="decision_tracking_updates",
    )
    progress = models.PositiveSmallIntegerField(
        _("完成进度（%）"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    status = models.CharField(
        _("实施状态"),
        max_length=12,
        choices=TrackingStatus.choices,
        default=TrackingStatus.ON_TRACK,
    )
    text = models.TextField(_("进展情况"), max_length=3000)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("date"),
                FieldPanel("responsible_unit"),
                FieldPanel("progress"),
                FieldPanel("status"),
            ]
        ),
        FieldPanel("text"),
    ]
    api_fields = [
        APIField("date"),
        APIField("responsible_unit_name"),
        APIField("progress"),
        APIField("status"),
        APIField("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("跟踪督查进展")
        verbose_name_plural = _("跟踪督查进展")

    def __str__(self):
        return f"{self.date} {self.progress}%"

    @property
    def responsible_unit_name(self):
        return self.responsible_unit.name if self.responsible_unit_id else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("进展日期不能晚于今天。")
        if self.status == TrackingStatus.COMPLETED and self.progress != 100:
            errors["progress"] = _("状态为已完成时，完成进度应为 100%。")
        if errors:
            raise ValidationError(errors)
