"""Symposiums (座谈会): half-yearly or yearly sessions where representatives of every sector give
their views on how accountability is enforced, and each view (意见建议) followed through to its
answer in public."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.deidentify import deidentify
from portal.models import BasePage, Department
from portal.search.fields import ChineseSearchField

from .events import EventLogQuerySet

# A view's department answers within this many working days of being given the view, unless
# the minutes-taker sets another limit for it.
DEFAULT_VIEW_REPLY_DAYS = 15
MAX_VIEW_REPLY_DAYS = 60
PERIOD_RE = re.compile(r"^(?:19|20)\d{2}年(?:上半年|下半年|度)$")


class Sector(models.TextChoices):
    """界别: whom a participant represents."""

    NPC_DEPUTY = "npc_deputy", _("人大代表")
    CPPCC_MEMBER = "cppcc_member", _("政协委员")
    ENTERPRISE = "enterprise", _("企业代表")
    RESIDENT = "resident", _("群众代表")
    MEDIA = "media", _("新闻媒体")
    EXPERT = "expert", _("专家学者")
    GRASSROOTS = "grassroots", _("基层干部")
    SUPERVISOR = "supervisor", _("特邀监督员")
    OTHER = "other", _("其他")


class ViewTopic(models.TextChoices):
    """What a view is about; the first three are the symposium's own subject (seed 三.3)."""

    ENFORCEMENT = "enforcement", _("责任追究执行情况")
    PROPORTIONALITY = "proportionality", _("问责尺度（畸轻畸重、有错未究）")
    RESPONSIBILITY = "responsibility", _("岗位责任体系")
    SERVICE = "service", _("窗口服务作风")
    APPROVAL = "approval", _("审批流程与办事效率")
    LAW_ENFORCEMENT = "law_enforcement", _("执法规范与自由裁量")
    CHARGES = "charges", _("收费与涉企负担")
    EXECUTION = "execution", _("政令执行与重大项目")
    PAPERWORK = "paperwork", _("文风会风")
    DISCLOSURE = "disclosure", _("政务公开")
    OTHER = "other", _("其他")


class ViewStatus(models.TextChoices):
    PENDING = "pending", _("待办理")
    IN_PROGRESS = "in_progress", _("办理中")
    REPLIED = "replied", _("已答复")
    ADOPTED = "adopted", _("已采纳")
    REFERRED = "referred", _("转问责审查")


class ViewAction(models.TextChoices):
    """What happened to a view: one event per step."""

    RECORD = "record", _("录入意见")
    EDIT = "edit", _("修改意见")
    ASSIGN = "assign", _("交办")
    START = "start", _("开始办理")
    REPLY = "reply", _("答复")
    ADOPT = "adopt", _("采纳")
    REFER = "refer", _("转问责审查")
    REVIEW_DECIDED = "review_decided", _("问责审查结果")
    PUBLISH = "publish", _("公开")
    UNPUBLISH = "unpublish", _("取消公开")


# Statuses in which the handling department still owes an answer.
VIEW_OPEN_STATUSES = (ViewStatus.PENDING, ViewStatus.IN_PROGRESS)
VIEW_ANSWERED_STATUSES = (ViewStatus.REPLIED, ViewStatus.ADOPTED)

# The state rule: in which statuses each action may be taken.
VIEW_ALLOWED_FROM = {
    ViewAction.EDIT: set(ViewStatus.values),
    ViewAction.ASSIGN: set(VIEW_OPEN_STATUSES),
    ViewAction.START: {ViewStatus.PENDING},
    ViewAction.REPLY: set(VIEW_OPEN_STATUSES),
    ViewAction.ADOPT: {*VIEW_OPEN_STATUSES, ViewStatus.REPLIED},
    ViewAction.REFER: {*VIEW_OPEN_STATUSES, *VIEW_ANSWERED_STATUSES},
    ViewAction.REVIEW_DECIDED: {ViewStatus.REFERRED},
    ViewAction.PUBLISH: set(ViewStatus.values),
    ViewAction.UNPUBLISH: set(ViewStatus.values),
}
# Actions that need a handling department first.
VIEW_NEEDS_DEPARTMENT = {ViewAction.START, ViewAction.REPLY, ViewAction.ADOPT}


class SymposiumIndexPage(BasePage):
    """座谈会 at /symposiums/: every session, newest first, with how its views were handled."""

    introduction = RichTextField(
        _("栏目说明"),
        blank=True,
        features=["bold", "link", "ul"],
        help_text=_("例如：座谈会制度的依据、召开频次、意见办理时限。"),
    )

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["feedback.SymposiumPage"]
    template = "feedback/symposium_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, ChineseSearchField("introduction")]

    class Meta:
        verbose_name = _("座谈会栏目")
        verbose_name_plural = _("座谈会栏目")

    def serve(self, request, *args, **kwargs):
        from ..views import revalidated

        return revalidated(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from ..selectors import symposium_sessions

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = symposium_sessions(self)
        return context


class SymposiumPage(BasePage):
    """One session: when and where, who attended by sector, the minutes, and every published
    view with its status and answer."""

    date = models.DateField(_("召开日期"))
    place = models.CharField(_("地点"), max_length=100)
    period = models.CharField(
        _("期别"),
        max_length=20,
        help_text=_("例如：2026年上半年、2026年下半年，一年一次的写“2026年度”。"),
    )
    theme = models.CharField(
        _("主题"),
        max_length=200,
        default="听取各界对责任追究执行情况的意见和建议",
    )
    host_department = models.ForeignKey(
        Department,
        verbose_name=_("主办部门"),
        on_delete=models.PROTECT,
        related_name="symposiums_hosted",
    )
    minutes = RichTextField(
        _("会议纪要"),
        blank=True,
        features=["h2", "h3", "bold", "ol", "ul", "link"],
        help_text=_("纪要中不写与会人员姓名，以界别和单位指代。"),
    )

    parent_page_types = ["feedback.SymposiumIndexPage"]
    subpage_types = []
    template = "feedback/symposium_page.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("period")]),
                FieldPanel("place"),
                FieldPanel("theme"),
                FieldPanel("host_department"),
            ],
            heading=_("会议信息"),
        ),
        InlinePanel(
            "roster",
            heading=_("参会人员（按界别）"),
            label=_("界别"),
            help_text=_("公开人数和单位；姓名只存档，不在网站上显示。"),
        ),
        FieldPanel("minutes"),
        HelpPanel(
            content=_(
                "会上提出的意见建议在后台“效能监督 → 座谈会意见”中逐条录入、交办和答复，"
                "勾选“公开”的意见会连同办理状态和答复显示在本页。"
            ),
            heading=_("意见建议"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        ChineseSearchField("theme"),
        ChineseSearchField("place"),
        ChineseSearchField("minutes"),
    ]
    api_fields = [
        APIField("date"),
        APIField("period"),
        APIField("place"),
        APIField("theme"),
        APIField("host_department_name"),
        APIField("roster"),
        APIField("minutes"),
    ]

    class Meta:
        verbose_name = _("座谈会")
        verbose_name_plural = _("座谈会")

    def clean(self):
        super().clean()
        errors = {}
        if self.period and not PERIOD_RE.match(self.period.strip()):
            errors["period"] = _("期别应写作“2026年上半年”“2026年下半年”或“2026年度”。")
        period_ok = self.period and PERIOD_RE.match(self.period.strip())
        # A session reviews a period that has begun: never one in a later year.
        if self.date and period_ok and int(self.period[:4]) > self.date.year:
            errors["period"] = _("期别的年份不能晚于召开日期的年份。")
        if errors:
            raise ValidationError(errors)

    @property
    def host_department_name(self):
        return self.host_department.name if self.host_department_id else ""

    @property
    def participant_total(self):
        return sum(entry.count for entry in self.roster.all())

    @property
    def has_taken_place(self):
        return self.date is not None and self.date <= timezone.localdate()

    def serve(self, request, *args, **kwargs):
        from ..views import revalidated

        return revalidated(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from ..selectors import symposium_session_context

        context = super().get_context(request, *args, **kwargs)
        context.update(symposium_session_context(self, request.GET))
        return context


class SymposiumRosterEntry(Orderable):
    """One sector at the session: how many came and from which organisations. The names are
    kept for the record and never published."""

    page = ParentalKey(SymposiumPage, on_delete=models.CASCADE, related_name="roster")
    sector = models.CharField(_("界别"), max_length=20, choices=Sector.choices)
    count = models.PositiveSmallIntegerField(
        _("人数"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    organisations = models.TextField(
        _("单位"),
        max_length=1000,
        blank=True,
        help_text=_("公开显示，例如：县人大常委会、示例县某某科技有限公司。不写个人姓名。"),
    )
    names = models.TextField(
        _("参会人员姓名（不公开）"),
        max_length=2000,
        blank=True,
        help_text=_("仅供存档和联系，不在网站、接口或导出中出现。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("sector"), FieldPanel("count")]),
        FieldPanel("organisations"),
        FieldPanel("names"),
    ]
    # The names are deliberately absent.
    api_fields = [APIField("sector_label"), APIField("count"), APIField("organisations")]

    class Meta(Orderable.Meta):
        verbose_name = _("参会界别")
        verbose_name_plural = _("参会界别")

    def __str__(self):
        return f"{self.get_sector_display()} {self.count}"

    @property
    def sector_label(self):
        return self.get_sector_display()

    @property
    def name_list(self):
        return [name for name in re.split(r"[\s,，、;；]+", self.names or "") if name]

    @property
    def public_organisations(self):
        return deidentify(self.organisations, names=self.name_list)


class SymposiumViewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def open(self):
        return self.filter(status__in=VIEW_OPEN_STATUSES)

    def overdue_q(self, today=None):
        today = today or timezone.localdate()
        return Q(status__in=VIEW_OPEN_STATUSES, reply_deadline__lt=today)

    def overdue(self, today=None):
        """Views still owed an answer after their reply deadline."""
        return self.filter(self.overdue_q(today))

    def not_overdue(self, today=None):
        return self.exclude(self.overdue_q(today))

    def handled_by(self, department):
        return self.filter(handling_department=department)

    def awaiting_review(self):
        """Views referred to accountability review: the ones a case may name as its source."""
        return self.filter(status=ViewStatus.REFERRED)

    def due_q(self, first_day, last_day, today=None):
        """Views whose reply fell due in [first_day, last_day]: the deadline lies in the range
        and has passed or been met (a view referred before any answer is the review's to
        answer, so it is not counted against the department)."""
        today = today or timezone.localdate()
        in_range = Q(reply_deadline__range=(first_day, last_day))
        settled = Q(replied_at__isnull=False) | Q(reply_deadline__lt=today)
        referred_unanswered = Q(status=ViewStatus.REFERRED, replied_at__isnull=True)
        return in_range & settled & ~referred_unanswered

    def on_time_q(self):
        return Q(replied_at__isnull=False, replied_late=False)

    def with_overdue_flag(self, today=None):
        return self.annotate(
            overdue_now=models.Case(
                models.When(self.overdue_q(today), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )

    def status_counts(self):
        counts = dict(self.values("status").annotate(n=Count("pk")).values_list("status", "n"))
        return {status: counts.get(status, 0) for status in ViewStatus.values}


class SymposiumView(models.Model):
    """One view or suggestion raised at a session, followed through to its answer."""

    session = models.ForeignKey(
        SymposiumPage,
        verbose_name=_("座谈会"),
        on_delete=models.PROTECT,
        related_name="symposium_views",
    )
    number = models.PositiveSmallIntegerField(_("序号"), editable=False)
    text = models.TextField(_("意见建议"), max_length=3000)
    sector = models.CharField(_("提出人界别"), max_length=20, choices=Sector.choices)
    raised_by = models.CharField(
        _("提出人姓名（不公开）"),
        max_length=30,
        blank=True,
        help_text=_("只供答复时联系，不在网站上显示；意见和答复中出现的该姓名公开时会被隐去。"),
    )
    topic = models.CharField(_("议题"), max_length=20, choices=ViewTopic.choices)
    concerned_departments = models.ManyToManyField(
        Department,
        verbose_name=_("涉及部门"),
        blank=True,
        related_name="symposium_views_concerning",
    )
    handling_department = models.ForeignKey(
        Department,
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="symposium_views_handled",
    )
    reply_days = models.PositiveSmallIntegerField(
        _("答复时限（工作日）"),
        default=DEFAULT_VIEW_REPLY_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_VIEW_REPLY_DAYS)],
        help_text=_("自交办之日起计算。"),
    )
    status = models.CharField(
        _("办理状态"),
        max_length=20,
        choices=ViewStatus.choices,
        default=ViewStatus.PENDING,
        db_index=True,
    )
    assigned_at = models.DateTimeField(_("交办时间"), null=True, blank=True)
    reply_deadline = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    reply = models.TextField(_("答复"), blank=True, max_length=5000)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    replied_late = models.BooleanField(_("超期答复"), default=False)
    adopted_at = models.DateTimeField(_("采纳时间"), null=True, blank=True)
    referred_at = models.DateTimeField(_("转问责审查时间"), null=True, blank=True)
    published = models.BooleanField(
        _("公开"),
        default=False,
        help_text=_("公开后，意见（隐去个人信息）、办理状态和答复显示在座谈会页面。"),
    )
    recorded_at = models.DateTimeField(_("录入时间"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SymposiumViewQuerySet.as_manager()

    class Meta:
        verbose_name = _("座谈会意见")
        verbose_name_plural = _("座谈会意见")
        ordering = ["session", "number"]
        default_permissions = ()
        permissions = [
            ("record_symposiumview", _("录入、交办和督办全县座谈会意见")),
            ("handle_symposiumview", _("办理本部门承办的座谈会意见（答复、采纳）")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"],
                name="feedback_view_number_per_session",
                violation_error_message=_("同一座谈会的意见序号不能重复。"),
            ),
            models.CheckConstraint(
                condition=Q(reply_days__gte=1) & Q(reply_days__lte=MAX_VIEW_REPLY_DAYS),
                name="feedback_view_reply_days_range",
                violation_error_message=_("答复时限应在 1 至 60 个工作日之间。"),
            ),
        ]

    def __str__(self):
        return f"{self.session.title} 第{self.number}条"

    # --- rules ---------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if not (self.text or "").strip():
            errors["text"] = _("请填写意见建议的内容。")
        if self.session_id and self.session.date and self.session.date > timezone.localdate():
            errors["session"] = _("该座谈会尚未召开，不能录入意见。")
        if errors:
            raise ValidationError(errors)

    def can(self, action):
        """Whether `action` may be taken in the view's current state."""
        if self.status not in VIEW_ALLOWED_FROM.get(action, set()):
            return False
        if action in VIEW_NEEDS_DEPARTMENT and self.handling_department_id is None:
            return False
        if action == ViewAction.PUBLISH:
            return not self.published
        if action == ViewAction.UNPUBLISH:
            return self.published
        return True

    def refusal(self, action):
        """Why `action` is refused now, in Chinese (empty when it is allowed)."""
        if self.can(action):
            return ""
        if (
            action in VIEW_NEEDS_DEPARTMENT
            and self.handling_department_id is None
            and self.status in VIEW_ALLOWED_FROM[action]
        ):
            return _("请先把这条意见交办给承办部门。")
        if action == ViewAction.PUBLISH and self.published:
            return _("这条意见已经公开。")
        if action == ViewAction.UNPUBLISH and not self.published:
            return _("这条意见尚未公开。")
        return _("意见当前状态为“%(status)s”，不能进行“%(action)s”操作。") % {
            "status": self.get_status_display(),
            "action": ViewAction(action).label,
        }

    # --- deadlines -----------------------------------------------------------------------

    def is_overdue(self, today=None):
        return (
            self.status in VIEW_OPEN_STATUSES
            and self.reply_deadline is not None
            and (today or timezone.localdate()) > self.reply_deadline
        )

    @property
    def overdue(self):
        return self.is_overdue()

    @property
    def is_answered(self):
        return self.replied_at is not None

    # --- what the public may read --------------------------------------------------------

    @property
    def personal_names(self):
        return [self.raised_by.strip()] if (self.raised_by or "").strip() else []

    @property
    def public_text(self):
        return deidentify(self.text, names=self.personal_names)

    @property
    def public_reply(self):
        return deidentify(self.reply, names=self.personal_names)

    @cached_property
    def accountability_cases(self):
        """The cases this source raised, oldest first (uses `review_links__case` when
        prefetched, as the lists do)."""
        cases = {link.case for link in self.review_links.all()}
        return sorted(cases, key=lambda case: (case.opened_on, case.pk))

    @property
    def public_status(self):
        """The status as the public reads it: “转入问责审查 → 通报批评” once decided."""
        from .accountability import review_label

        if self.status == ViewStatus.REFERRED:
            return review_label(self.accountability_cases)
        return self.get_status_display()


class SymposiumViewEventQuerySet(EventLogQuerySet):
    """Events are a log: rows are added, never changed or removed."""


class SymposiumViewEvent(models.Model):
    """One immutable step of a view's handling."""

    view = models.ForeignKey(
        SymposiumView, verbose_name=_("意见"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("操作"), max_length=20, choices=ViewAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("操作人名称"), max_length=150)
    from_status = models.CharField(
        _("原状态"), max_length=20, choices=ViewStatus.choices, blank=True
    )
    to_status = models.CharField(_("新状态"), max_length=20, choices=ViewStatus.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("涉及部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    deadline = models.DateField(_("期限"), null=True, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    objects = SymposiumViewEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("座谈会意见办理记录")
        verbose_name_plural = _("座谈会意见办理记录")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.view} {self.get_action_display()}"
