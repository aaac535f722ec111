"""Complaints (投诉): what a citizen submits, every step of its handling as an immutable event,
its working-day deadlines, and the public page where complaints are made and looked up."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.deidentify import deidentify
from portal.models import BasePage, Department
from portal.search.fields import ChineseSearchField
from portal.workdays import add_working_days

from ..codes import query_code_matches
from .events import EventLogQuerySet

# After a reply the complainant has this many working days to rate it; a department may close
# an unrated complaint only after that (county supervisors may close it at any time).
RATING_WINDOW_WORKING_DAYS = 10
# A reply deadline may be extended once by at most this many working days.
MAX_EXTENSION_WORKING_DAYS = 15


class Category(models.TextChoices):
    """The problems the county's efficiency drive targets (seed section 四)."""

    SERVICE_ATTITUDE = "service_attitude", _("门难进、脸难看、事难办")
    PROCEDURE_BURDEN = "procedure_burden", _("门槛多、手续繁、节奏慢")
    ARBITRARY_FEES = "arbitrary_fees", _("乱收费")
    ARBITRARY_FINES = "arbitrary_fines", _("乱罚款")
    ARBITRARY_LEVIES = "arbitrary_levies", _("乱摊派")
    SPONSORSHIP_DEMANDS = "sponsorship_demands", _("乱拉赞助")
    BRIBE_SEEKING = "bribe_seeking", _("吃拿卡要")
    POOR_EXECUTION = "poor_execution", _("政令不畅、执行不力")
    PAPERWORK_MEETINGS = "paperwork_meetings", _("文风会风")
    OTHER = "other", _("其他")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待受理")
    ACCEPTED = "accepted", _("办理中")
    REJECTED = "rejected", _("不予受理")
    REPLIED = "replied", _("已答复")
    REOPENED = "reopened", _("重新办理")
    ESCALATED = "escalated", _("县效能督查处理中")
    REFERRED = "referred", _("问责审查中")
    CLOSED = "closed", _("已办结")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY_SATISFIED = "basically_satisfied", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class Action(models.TextChoices):
    """What happened to a complaint: one event per step."""

    SUBMIT = "submit", _("提交投诉")
    ACCEPT = "accept", _("受理")
    REJECT = "reject", _("不予受理")
    ASSIGN = "assign", _("转办")
    EXTEND = "extend", _("延期办理")
    REPLY = "reply", _("答复")
    RATE = "rate", _("满意度评价")
    REOPEN = "reopen", _("重新办理")
    ESCALATE = "escalate", _("转县效能督查")
    CLOSE = "close", _("办结")
    REFER = "refer", _("转入问责审查")
    REVIEW_DECIDED = "review_decided", _("问责审查结果")
    WITHHOLD = "withhold", _("不予公开")
    PUBLISH = "publish", _("恢复公开")
    PURGE = "purge", _("清除个人信息")


# Statuses in which the handling department owes an answer, with a deadline running.
ACTIVE_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.REOPENED)
REPLY_PENDING_STATUSES = (Status.ACCEPTED, Status.REOPENED)

# The state rule: in which statuses each handler action may be taken.
ALLOWED_FROM = {
    Action.ACCEPT: {Status.SUBMITTED},
    Action.REJECT: {Status.SUBMITTED},
    Action.ASSIGN: {Status.SUBMITTED, Status.ACCEPTED, Status.REOPENED},
    Action.EXTEND: {Status.ACCEPTED, Status.REOPENED},
    Action.REPLY: {Status.ACCEPTED, Status.REOPENED},
    Action.RATE: {Status.REPLIED},
    Action.CLOSE: {Status.REPLIED, Status.ESCALATED},
    Action.REFER: {
        Status.ACCEPTED,
        Status.REPLIED,
        Status.REOPENED,
        Status.ESCALATED,
        Status.CLOSED,
    },
    Action.REVIEW_DECIDED: {Status.REFERRED},
    Action.WITHHOLD: set(Status.values),
    Action.PUBLISH: set(Status.values),
}

# Event notes the complainant sees on the status page; the rest are internal.
PUBLIC_NOTE_ACTIONS = {
    Action.REJECT,
    Action.EXTEND,
    Action.REPLY,
    Action.RATE,
    Action.REVIEW_DECIDED,
}
# Events that never appear in the complainant's timeline.
INTERNAL_ACTIONS = {Action.WITHHOLD, Action.PUBLISH, Action.PURGE}


def beijing_date(moment):
    return timezone.localtime(moment).date() if moment else None


class ComplaintQuerySet(models.QuerySet):
    def overdue_q(self, today=None):
        today = today or timezone.localdate()
        return Q(status=Status.SUBMITTED, accept_deadline__lt=today) | Q(
            status__in=REPLY_PENDING_STATUSES, reply_deadline__lt=today
        )

    def overdue(self, today=None):
        """Complaints whose current working-day deadline has passed without the step done."""
        return self.filter(self.overdue_q(today))

    def not_overdue(self, today=None):
        return self.exclude(self.overdue_q(today))

    def with_overdue_flag(self, today=None):
        return self.annotate(
            overdue_now=models.Case(
                models.When(self.overdue_q(today), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def handled_by(self, department):
        return self.filter(handling_department=department)

    def published(self):
        """Complaints the public may read (de-identified): consented, replied, not withheld."""
        return self.filter(
            publish_consent=True, publication_withheld=False, replied_at__isnull=False
        ).exclude(status=Status.REJECTED)

    def due_within_q(self, first_day, last_day):
        return Q(status=Status.SUBMITTED, accept_deadline__range=(first_day, last_day)) | Q(
            status__in=REPLY_PENDING_STATUSES, reply_deadline__range=(first_day, last_day)
        )

    def due_within(self, first_day, last_day):
        """Active complaints whose current deadline falls in [first_day, last_day]."""
        return self.filter(self.due_within_q(first_day, last_day))

    def closed_before(self, moment):
        return self.filter(closed_at__lt=moment)


class ComplaintFormPage(RoutablePageMixin, BasePage):
    """The public complaint page: the form, the status look-up and the published complaints."""

    intro = RichTextField(
        _("导语"),
        blank=True,
        features=["bold", "link", "ul"],
        help_text=_("表单上方的说明，例如投诉受理范围。"),
    )
    guidance = RichTextField(
        _("投诉须知"),
        blank=True,
        features=["bold", "link", "ol", "ul"],
        help_text=_("受理范围、不予受理的情形、个人信息保护说明等。"),
    )
    public_intro = RichTextField(
        _("投诉处理公开说明"),
        blank=True,
        features=["bold", "link"],
        help_text=_("“投诉处理公开”页面顶部的说明。"),
    )

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("guidance"),
        FieldPanel("public_intro"),
    ]
    search_fields = [*BasePage.search_fields, ChineseSearchField("intro")]

    class Meta:
        verbose_name = _("投诉页面")
        verbose_name_plural = _("投诉页面")

    @path("")
    def form_view(self, request):
        from ..views import complaint_form

        return complaint_form(request, self)

    @path("status/", name="status")
    def status_view(self, request):
        from ..views import complaint_status

        return complaint_status(request, self)

    @path("public/", name="public")
    def public_view(self, request):
        from ..views import complaint_public

        return complaint_public(request, self)

    @path("public/<int:pk>/", name="public_detail")
    def public_detail_view(self, request, pk):
        from ..views import complaint_public_detail

        return complaint_public_detail(request, self, pk)

    def status_url(self):
        return self.url + self.reverse_subpage("status").lstrip("/")

    def public_url(self):
        return self.url + self.reverse_subpage("public").lstrip("/")

    def home_items(self, limit, request=None):
        """The home page's 投诉与建议 section: the latest published replies (de-identified)."""
        from portal.selectors import HomeItem

        public_url = self.public_url()
        complaints = Complaint.objects.published().order_by("-replied_at", "-pk")[:limit]
        return [
            HomeItem(
                complaint.public_subject,
                f"{public_url}{complaint.pk}/",
                timezone.localtime(complaint.replied_at),
            )
            for complaint in complaints
        ]


class Complaint(models.Model):
    """A citizen's complaint about a department, tracked from submission to conclusion."""

    tracking_number = models.CharField(_("投诉编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(_("查询码（哈希）"), max_length=128, editable=False)
    # A hash of the form's one-time token: the same form sent twice is saved once.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    category = models.CharField(_("投诉类别"), max_length=30, choices=Category.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("被投诉部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_received",
    )
    handling_department = models.ForeignKey(
        Department,
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_handled",
    )
    procedure = models.ForeignKey(
        "disclosure.ServiceProcedurePage",
        verbose_name=_("涉及的办事事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    fee_item = models.ForeignKey(
        "disclosure.FeeItem",
        verbose_name=_("涉及的收费项目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    subject = models.CharField(_("投诉主题"), max_length=100)
    description = models.TextField(_("投诉内容"))
    occurred_on = models.DateField(_("发生日期"), null=True, blank=True)
    location = models.CharField(_("发生地点"), max_length=200, blank=True)

    is_anonymous = models.BooleanField(_("匿名投诉"), default=False)
    name = models.CharField(_("姓名"), max_length=30, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    publish_consent = models.BooleanField(_("同意公开（隐去个人信息）"), default=False)
    publication_withheld = models.BooleanField(_("不予公开"), default=False)

    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    accept_deadline = models.DateField(_("受理期限"))
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    accepted_late = models.BooleanField(_("超期受理"), default=False)
    reply_deadline = models.DateField(_("答复期限"), null=True, blank=True)
    extended_at = models.DateTimeField(_("延期时间"), null=True, blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    reply_count = models.PositiveSmallIntegerField(_("答复次数"), default=0)
    replied_late = models.BooleanField(_("超期答复"), default=False)
    rating = models.CharField(_("满意度"), max_length=20, choices=Rating.choices, blank=True)
    rating_comment = models.TextField(_("评价意见"), blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("重新办理时间"), null=True, blank=True)
    referred_at = models.DateTimeField(_("转入问责审查时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)
    # The deadline a reminder was last sent for, so a re-run of the command sends none twice.
    reminded_deadline = models.DateField(null=True, blank=True, editable=False)
    personal_data_purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("投诉")
        verbose_name_plural = _("投诉办理")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("handle_complaint", _("办理本部门承办的投诉（受理、转办、答复）")),
            ("supervise_complaint", _("督查全县投诉（全部可见，可转入问责审查）")),
        ]
        indexes = [
            models.Index(fields=["status", "accept_deadline"], name="feedback_status_accept_idx"),
            models.Index(fields=["status", "reply_deadline"], name="feedback_status_reply_idx"),
        ]

    def __str__(self):
        return f"{self.tracking_number} {self.subject}"

    # --- deadlines -----------------------------------------------------------------------

    @property
    def current_deadline(self):
        """The deadline running now: acceptance, then the reply; None once answered."""
        if self.status == Status.SUBMITTED:
            return self.accept_deadline
        if self.status in REPLY_PENDING_STATUSES:
            return self.reply_deadline
        return None

    @property
    def current_deadline_label(self):
        if self.status == Status.SUBMITTED:
            return _("受理期限")
        if self.status in REPLY_PENDING_STATUSES:
            return _("答复期限")
        return ""

    def is_overdue(self, today=None):
        deadline = self.current_deadline
        return deadline is not None and (today or timezone.localdate()) > deadline

    @property
    def overdue(self):
        return self.is_overdue()

    @property
    def rating_window_ends(self):
        """The last working day on which the complainant may rate the latest reply."""
        if not self.replied_at:
            return None
        return add_working_days(beijing_date(self.replied_at), RATING_WINDOW_WORKING_DAYS)

    def rating_window_open(self, today=None):
        ends = self.rating_window_ends
        return ends is not None and (today or timezone.localdate()) <= ends

    # --- state rules ---------------------------------------------------------------------

    def can(self, action):
        """Whether `action` may be taken in the complaint's current state."""
        if self.status not in ALLOWED_FROM.get(action, set()):
            return False
        if action == Action.EXTEND:
            return self.extended_at is None
        if action == Action.REFER:
            return self.referred_at is None
        if action == Action.WITHHOLD:
            return not self.publication_withheld
        if action == Action.PUBLISH:
            return self.publication_withheld
        return True

    def refusal(self, action):
        """Why `action` is refused now, in Chinese (empty when it is allowed)."""
        if self.can(action):
            return ""
        label = Action(action).label
        if action == Action.EXTEND and self.extended_at is not None:
            return _("该投诉已延期过一次，不能再次延期。")
        if action == Action.REFER and self.referred_at is not None:
            return _("该投诉已转入问责审查。")
        return _("投诉当前状态为“%(status)s”，不能进行“%(action)s”操作。") % {
            "status": self.get_status_display(),
            "action": label,
        }

    @property
    def may_reopen(self):
        """不满意 reopens the complaint once; after that it goes to the county supervisors."""
        return self.reopened_at is None

    # --- the complainant -----------------------------------------------------------------

    def check_query_code(self, code):
        return query_code_matches(code, self.query_code_hash)

    @property
    def has_contact(self):
        return bool(self.name or self.phone or self.email)

    @property
    def personal_names(self):
        return [self.name] if self.name else []

    # --- what the public may read --------------------------------------------------------

    @property
    def public_subject(self):
        return deidentify(self.subject, names=self.personal_names)

    @property
    def public_description(self):
        return deidentify(self.description, names=self.personal_names)

    @property
    def public_location(self):
        return deidentify(self.location, names=self.personal_names)

    @property
    def public_reply(self):
        return deidentify(self.reply, names=self.personal_names)

    @property
    def responsible_department(self):
        return self.handling_department or self.department

    @cached_property
    def timeline(self):
        """The complainant's view of the events, oldest first."""
        return [event for event in self.events.all() if event.is_public]


class ComplaintEventQuerySet(EventLogQuerySet):
    """Events are a log: rows are added, never changed or removed (retention masks personal
    data in their text through `redact`, which is the one exception)."""

    def redact(self, names):
        """Mask personal data in the notes of these events (the retention purge)."""
        count = 0
        for pk, note in self.values_list("pk", "note"):
            masked = deidentify(note, names=names)
            if masked != note:
                models.QuerySet.update(self.model.objects.filter(pk=pk), note=masked)
                count += 1
        return count


class ComplaintEvent(models.Model):
    """One immutable step of a complaint's handling: who, when, what, from which state to
    which."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("投诉"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text as well, so the log still says who acted after an account is removed.
    actor_name = models.CharField(_("操作人名称"), max_length=150)
    department = models.ForeignKey(
        Department,
        verbose_name=_("涉及部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_status = models.CharField(_("原状态"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=Status.choices)
    note = models.TextField(_("说明"), blank=True)
    rating = models.CharField(_("满意度"), max_length=20, choices=Rating.choices, blank=True)
    deadline = models.DateField(_("期限"), null=True, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    objects = ComplaintEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("投诉办理记录")
        verbose_name_plural = _("投诉办理记录")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.complaint.tracking_number} {self.get_action_display()}"

    @property
    def is_public(self):
        return self.action not in INTERNAL_ACTIONS

    @property
    def public_note(self):
        """The note as the complainant and the public may read it."""
        if self.action not in PUBLIC_NOTE_ACTIONS:
            return ""
        return deidentify(self.note, names=self.complaint.personal_names)


def attachment_path(instance, filename):
    # Random names under private/: never guessable, never the citizen's own file name.
    extension = {"jpeg": "jpg", "png": "png", "pdf": "pdf"}[instance.kind]
    return f"private/complaints/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class AttachmentKind(models.TextChoices):
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    PDF = "pdf", "PDF"


class ComplaintAttachment(models.Model):
    """A photo or PDF sent with a complaint, checked by content; images have no EXIF/GPS."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("投诉"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    original_name = models.CharField(_("原文件名"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("投诉附件")
        verbose_name_plural = _("投诉附件")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name or self.file.name

    @property
    def content_type(self):
        return {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}[self.kind]


class ComplaintDailySequence(models.Model):
    """The last tracking number issued on one Beijing date; its row lock serialises
    concurrent submissions so that no number is issued twice."""

    day = models.DateField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("投诉编号序列")
        verbose_name_plural = _("投诉编号序列")

    def __str__(self):
        return f"{self.day:%Y-%m-%d}: {self.last_number}"
