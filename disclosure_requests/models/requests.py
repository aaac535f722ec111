"""依申请公开: a request for government information, its statutory clock in working days, every
step as an immutable event, its attachments and the appeals against its reply.

The clock follows the regulation (政府信息公开条例, 2019):
- art. 31: the request is received on the day it is handed in (in person), signed for (post), or,
  online, on the day the office confirms receipt;
- art. 33: the reply is due 20 working days after receipt; one extension of at most 20 working
  days with the head's approval, the applicant told;
- art. 30: a correction (补正) may be asked once, within 7 working days of receipt; the reply
  period then runs from the day the corrected request arrives; not corrected in time, the
  request counts as withdrawn (the report's row 六.1);
- art. 32/33: the time a third party takes (15 working days for them) is not counted;
- 国办函〔2020〕109号: from the fee notice until payment is not counted; not paid within 20
  working days, the request is no longer processed (row 六.2).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.events import EventLogQuerySet
from portal.models import Department
from portal.workdays import add_working_days, working_days_between

from ..codes import query_code_matches

REPLY_WORKING_DAYS = 20
MAX_EXTENSION_WORKING_DAYS = 20
CORRECTION_REQUEST_WINDOW = 7
# What the county's guide gives applicants to correct a request (a "reasonable period", art. 30).
CORRECTION_PERIOD_WORKING_DAYS = 15
THIRD_PARTY_WORKING_DAYS = 15
FEE_PAYMENT_WORKING_DAYS = 20
# Reminders go to the handling office this many working days before a deadline.
REMINDER_WORKING_DAYS = 3


class ApplicantType(models.TextChoices):
    """The report's applicant columns (国办公开办函〔2021〕30号, section 三)."""

    NATURAL_PERSON = "natural_person", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    NONPROFIT = "nonprofit", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER_ORGANISATION = "other_organisation", _("其他")


ORGANISATION_TYPES = [t for t in ApplicantType if t != ApplicantType.NATURAL_PERSON]


class Channel(models.TextChoices):
    ONLINE = "online", _("网上申请")
    IN_PERSON = "in_person", _("当面申请")
    POST = "post", _("信函申请")


class FormWanted(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")


class Delivery(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    ONLINE = "online", _("网上获取")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待确认收到")
    PROCESSING = "processing", _("办理中")
    CORRECTION = "correction", _("待补正")
    CONSULTING = "consulting", _("征求第三方意见")
    FEE = "fee", _("待缴费")
    CONCLUDED = "concluded", _("已办结")


# The clock stands still in these states (art. 30/33, 国办函〔2020〕109号).
PAUSED_STATUSES = (Status.CORRECTION, Status.CONSULTING, Status.FEE)
OPEN_STATUSES = (Status.SUBMITTED, Status.PROCESSING, *PAUSED_STATUSES)


class Outcome(models.TextChoices):
    """The report's rows (一)…(六) of 本年度办理结果."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    WITHHELD = "withheld", _("不予公开")
    UNAVAILABLE = "unavailable", _("无法提供")
    NOT_PROCESSED = "not_processed", _("不予处理")
    OTHER = "other", _("其他处理")


class Reason(models.TextChoices):
    """The report's sub-rows: why a request was refused, could not be met or not processed."""

    STATE_SECRET = "state_secret", _("属于国家秘密")
    LAW_FORBIDS = "law_forbids", _("其他法律行政法规禁止公开")
    SECURITY_STABILITY = "security_stability", _("危及“三安全一稳定”")
    THIRD_PARTY_RIGHTS = "third_party_rights", _("保护第三方合法权益")
    INTERNAL_AFFAIRS = "internal_affairs", _("属于三类内部事务信息")
    PROCESS_INFORMATION = "process_information", _("属于四类过程性信息")
    ENFORCEMENT_FILE = "enforcement_file", _("属于行政执法案卷")
    QUERY_MATTER = "query_matter", _("属于行政查询事项")
    NOT_HELD = "not_held", _("本机关不掌握相关政府信息")
    NEEDS_CREATING = "needs_creating", _("没有现成信息需要另行制作")
    STILL_UNCLEAR = "still_unclear", _("补正后申请内容仍不明确")
    PETITION = "petition", _("信访举报投诉类申请")
    REPEATED = "repeated", _("重复申请")
    PUBLICATION = "publication", _("要求提供公开出版物")
    MASS_REPEATED = "mass_repeated", _("无正当理由大量反复申请")
    CONFIRM_OBTAINED = "confirm_obtained", _("要求行政机关确认或重新出具已获取信息")
    NOT_CORRECTED = (
        "not_corrected",
        _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    NOT_PAID = (
        "not_paid",
        _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    )
    OTHER = "other", _("其他")


REASONS_BY_OUTCOME = {
    Outcome.DISCLOSED: [],
    Outcome.PARTIAL: [],
    Outcome.WITHHELD: [
        Reason.STATE_SECRET,
        Reason.LAW_FORBIDS,
        Reason.SECURITY_STABILITY,
        Reason.THIRD_PARTY_RIGHTS,
        Reason.INTERNAL_AFFAIRS,
        Reason.PROCESS_INFORMATION,
        Reason.ENFORCEMENT_FILE,
        Reason.QUERY_MATTER,
    ],
    Outcome.UNAVAILABLE: [Reason.NOT_HELD, Reason.NEEDS_CREATING, Reason.STILL_UNCLEAR],
    Outcome.NOT_PROCESSED: [
        Reason.PETITION,
        Reason.REPEATED,
        Reason.PUBLICATION,
        Reason.MASS_REPEATED,
        Reason.CONFIRM_OBTAINED,
    ],
    Outcome.OTHER: [Reason.NOT_CORRECTED, Reason.NOT_PAID, Reason.OTHER],
}


class Action(models.TextChoices):
    SUBMIT = "submit", _("提交申请")
    RECEIVE = "receive", _("确认收到")
    TRANSFER = "transfer", _("转办")
    REQUEST_CORRECTION = "request_correction", _("告知补正")
    CORRECT = "correct", _("收到补正")
    CONSULT = "consult", _("征求第三方意见")
    CONSULTED = "consulted", _("第三方意见返回")
    EXTEND = "extend", _("延长答复期限")
    FEE_NOTICE = "fee_notice", _("发出收费通知")
    FEE_PAID = "fee_paid", _("缴纳信息处理费")
    REPLY = "reply", _("答复")
    REMIND = "remind", _("到期提醒")


# Event notes the applicant sees on the status page; the rest are internal.
PUBLIC_NOTE_ACTIONS = {
    Action.REQUEST_CORRECTION,
    Action.EXTEND,
    Action.FEE_NOTICE,
    Action.REPLY,
}
INTERNAL_ACTIONS = {Action.REMIND}


def beijing_date(moment):
    return timezone.localtime(moment).date() if moment else None


class DisclosureRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def handled_by(self, department):
        return self.filter(department=department)

    def overdue_q(self, today=None):
        today = today or timezone.localdate()
        return (
            Q(status=Status.PROCESSING, reply_deadline__lt=today)
            | Q(status=Status.SUBMITTED, receipt_deadline__lt=today)
            | Q(status=Status.CORRECTION, correction_deadline__lt=today)
            | Q(status=Status.FEE, fee_deadline__lt=today)
        )

    def overdue(self, today=None):
        """Requests whose running deadline has passed with the step not done."""
        return self.filter(self.overdue_q(today))

    def received_by(self, day):
        return self.filter(received_on__isnull=False, received_on__lte=day)

    def open_at(self, day):
        """Received on or before `day` and not concluded by its end (Beijing time)."""
        return self.received_by(day).exclude(concluded_on__isnull=False, concluded_on__lte=day)


class DisclosureRequest(models.Model):
    """A request for government information (依申请公开), tracked from receipt to reply."""

    tracking_number = models.CharField(_("申请编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(_("查询码（哈希）"), max_length=128, editable=False)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    channel = models.CharField(
        _("申请方式"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )

    applicant_type = models.CharField(_("申请人类型"), max_length=30, choices=ApplicantType.choices)
    name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_number = models.CharField(_("身份证件号码或统一社会信用代码"), max_length=30)
    contact_person = models.CharField(_("联系人"), max_length=30, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)

    description = models.TextField(_("所需政府信息的名称或内容描述"))
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    other_features = models.CharField(_("其他特征描述"), max_length=300, blank=True)
    form_wanted = models.CharField(
        _("信息的指定提供载体形式"), max_length=20, choices=FormWanted.choices
    )
    delivery = models.CharField(_("获取信息的方式"), max_length=20, choices=Delivery.choices)

    department = models.ForeignKey(
        Department,
        verbose_name=_("办理机关"),
        on_delete=models.PROTECT,
        related_name="disclosure_requests",
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    # Online requests wait for the office to confirm receipt; the confirmation is due by then.
    receipt_deadline = models.DateField(_("确认收到期限"), null=True, blank=True)
    received_on = models.DateField(_("收到申请日期"), null=True, blank=True, db_index=True)
    # The day the 20 working days run from: receipt, or the corrected request's arrival.
    clock_started_on = models.DateField(_("答复期限起算日"), null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(_("不计入期限的工作日"), default=0)
    paused_since = models.DateField(_("暂停计时日期"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延长工作日数"), default=0)
    extension_approved_by = models.CharField(_("延期批准人"), max_length=50, blank=True)
    reply_deadline = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)

    correction_requested_on = models.DateField(_("告知补正日期"), null=True, blank=True)
    correction_items = models.TextField(_("需要补正的事项"), blank=True)
    correction_deadline = models.DateField(_("补正期限"), null=True, blank=True)
    corrected_on = models.DateField(_("收到补正日期"), null=True, blank=True)

    third_party = models.CharField(_("征求意见的第三方"), max_length=100, blank=True)
    third_party_deadline = models.DateField(_("第三方答复期限"), null=True, blank=True)

    fee_amount = models.DecimalField(
        _("信息处理费（元）"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    fee_notified_on = models.DateField(_("收费通知日期"), null=True, blank=True)
    fee_deadline = models.DateField(_("缴费期限"), null=True, blank=True)
    fee_paid_on = models.DateField(_("缴费日期"), null=True, blank=True)

    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices, blank=True)
    reason = models.CharField(_("具体情形"), max_length=30, choices=Reason.choices, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    concluded_on = models.DateField(_("办结日期"), null=True, blank=True, db_index=True)
    replied_late = models.BooleanField(_("超期答复"), default=False)
    reminded_deadline = models.DateField(null=True, blank=True, editable=False)

    objects = DisclosureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("依申请公开办理")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("handle_disclosurerequest", _("办理本机关的政府信息公开申请")),
            ("supervise_disclosurerequest", _("督查全县政府信息公开申请（全部可见）")),
        ]

    def __str__(self):
        return f"{self.tracking_number} {self.name}"

    # --- the clock -------------------------------------------------------------------------

    @property
    def is_paused(self):
        return self.status in PAUSED_STATUSES

    def compute_reply_deadline(self):
        """20 working days (plus the extension and the days not counted) after the clock
        started; None while it is not running."""
        if self.status != Status.PROCESSING or self.clock_started_on is None:
            return None
        total = REPLY_WORKING_DAYS + self.extension_days + self.paused_working_days
        return add_working_days(self.clock_started_on, total)

    def pause(self, day):
        self.paused_since = day
        self.reply_deadline = None

    def resume(self, day):
        """Add the working days of the pause to the days not counted, restart the clock."""
        if self.paused_since is not None:
            self.paused_working_days += max(working_days_between(self.paused_since, day), 0)
        self.paused_since = None
        self.status = Status.PROCESSING
        self.reply_deadline = self.compute_reply_deadline()

    @property
    def correction_window_ends(self):
        """The last working day on which a correction may be asked (art. 30: 7 working days)."""
        if self.received_on is None:
            return None
        return add_working_days(self.received_on, CORRECTION_REQUEST_WINDOW)

    @property
    def current_deadline(self):
        return {
            Status.SUBMITTED: self.receipt_deadline,
            Status.PROCESSING: self.reply_deadline,
            Status.CORRECTION: self.correction_deadline,
            Status.CONSULTING: self.third_party_deadline,
            Status.FEE: self.fee_deadline,
        }.get(self.status)

    @property
    def current_deadline_label(self):
        return {
            Status.SUBMITTED: _("确认收到期限"),
            Status.PROCESSING: _("答复期限"),
            Status.CORRECTION: _("补正期限"),
            Status.CONSULTING: _("第三方答复期限"),
            Status.FEE: _("缴费期限"),
        }.get(self.status, "")

    def is_overdue(self, today=None):
        deadline = self.current_deadline
        return (
            deadline is not None
            and self.status != Status.CONSULTING
            and (today or timezone.localdate()) > deadline
        )

    # --- rules -----------------------------------------------------------------------------

    def refusal(self, action, today=None):
        """Why `action` is refused now, in Chinese; empty when it is allowed."""
        today = today or timezone.localdate()
        state = {
            Action.RECEIVE: (Status.SUBMITTED,),
            Action.TRANSFER: (Status.SUBMITTED, Status.PROCESSING),
            Action.REQUEST_CORRECTION: (Status.PROCESSING,),
            Action.CORRECT: (Status.CORRECTION,),
            Action.CONSULT: (Status.PROCESSING,),
            Action.CONSULTED: (Status.CONSULTING,),
            Action.EXTEND: (Status.PROCESSING,),
            Action.FEE_NOTICE: (Status.PROCESSING,),
            Action.FEE_PAID: (Status.FEE,),
            Action.REPLY: (Status.PROCESSING, Status.CORRECTION, Status.FEE),
        }.get(action, ())
        if self.status not in state:
            return _("申请当前状态为“%(status)s”，不能进行“%(action)s”操作。") % {
                "status": self.get_status_display(),
                "action": Action(action).label,
            }
        if action == Action.REQUEST_CORRECTION:
            if self.correction_requested_on is not None:
                return _("补正只能告知一次，该申请已告知过补正。")
            if today > self.correction_window_ends:
                return _(
                    "告知补正须在收到申请之日起 7 个工作日内（截至 %(day)s）作出，现已超过。"
                ) % {"day": f"{self.correction_window_ends:%Y-%m-%d}"}
        if action == Action.EXTEND and self.extension_days:
            return _("答复期限只能延长一次，该申请已延长过。")
        if action == Action.FEE_NOTICE and self.fee_notified_on is not None:
            return _("该申请已发出过收费通知。")
        return ""

    # --- the applicant ---------------------------------------------------------------------

    def check_query_code(self, code):
        return query_code_matches(code, self.query_code_hash)

    @property
    def applicant_column(self):
        return self.applicant_type

    @cached_property
    def timeline(self):
        """The applicant's view of the events, oldest first."""
        return [event for event in self.events.all() if event.action not in INTERNAL_ACTIONS]

    def clean(self):
        if self.outcome:
            allowed = REASONS_BY_OUTCOME[Outcome(self.outcome)]
            if allowed and self.reason not in allowed:
                raise ValidationError(
                    {
                        "reason": _("“%(outcome)s”须选择一项具体情形。")
                        % {"outcome": self.get_outcome_display()}
                    }
                )
            if not allowed and self.reason:
                raise ValidationError(
                    {
                        "reason": _("“%(outcome)s”不需要选择具体情形。")
                        % {"outcome": self.get_outcome_display()}
                    }
                )


class DisclosureRequestEvent(models.Model):
    """One immutable step of a request's handling: who, when, what, from which state to which."""

    request = models.ForeignKey(
        DisclosureRequest, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("操作"), max_length=30, choices=Action.choices)
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
        verbose_name=_("涉及机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_status = models.CharField(_("原状态"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=Status.choices)
    note = models.TextField(_("说明"), blank=True)
    deadline = models.DateField(_("期限"), null=True, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    objects = EventLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("依申请公开办理记录")
        verbose_name_plural = _("依申请公开办理记录")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request.tracking_number} {self.get_action_display()}"

    @property
    def public_note(self):
        return self.note if self.action in PUBLIC_NOTE_ACTIONS else ""


def attachment_path(instance, filename):
    # Random names under private/: never guessable, never the applicant's own file name.
    extension = {"jpeg": "jpg", "png": "png", "pdf": "pdf"}[instance.kind]
    return (
        f"private/disclosure_requests/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"
    )


class AttachmentRole(models.TextChoices):
    APPLICANT = "applicant", _("申请人提交的材料")
    REPLY = "reply", _("答复附件")


class DisclosureRequestAttachment(models.Model):
    """A file with a request: the applicant's ID copy, or a document sent with the reply (which
    the applicant downloads with the query code)."""

    request = models.ForeignKey(
        DisclosureRequest,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    role = models.CharField(_("用途"), max_length=20, choices=AttachmentRole.choices)
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    kind = models.CharField(_("类型"), max_length=10)
    size = models.PositiveIntegerField(_("大小（字节）"))
    original_name = models.CharField(_("原文件名"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name or self.file.name

    @property
    def content_type(self):
        return {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}[self.kind]


class DisclosureRequestDailySequence(models.Model):
    """The last YS number issued on one Beijing date (see `portal.tracking`)."""

    day = models.DateField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("申请编号序列")
        verbose_name_plural = _("申请编号序列")

    def __str__(self):
        return f"{self.day:%Y-%m-%d}: {self.last_number}"


class AppealKind(models.TextChoices):
    """The report's section 四 columns."""

    REVIEW = "review", _("行政复议")
    DIRECT_SUIT = "direct_suit", _("行政诉讼（未经复议直接起诉）")
    SUIT_AFTER_REVIEW = "suit_after_review", _("行政诉讼（复议后起诉）")


class AppealResult(models.TextChoices):
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
    PENDING = "pending", _("尚未审结")


class Appeal(models.Model):
    """An administrative review or lawsuit against a reply, for section 四 of the report."""

    request = models.ForeignKey(
        DisclosureRequest, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="appeals"
    )
    kind = models.CharField(_("类型"), max_length=20, choices=AppealKind.choices)
    filed_on = models.DateField(_("提起日期"))
    result = models.CharField(
        _("结果"), max_length=20, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("行政复议和行政诉讼")
        verbose_name_plural = _("行政复议和行政诉讼")
        ordering = ["-filed_on", "-pk"]

    def __str__(self):
        return f"{self.request.tracking_number} {self.get_kind_display()}"

    def clean(self):
        if self.result == AppealResult.PENDING and self.decided_on:
            raise ValidationError({"decided_on": _("尚未审结的案件不应填写审结日期。")})
        if self.result != AppealResult.PENDING and not self.decided_on:
            raise ValidationError({"decided_on": _("已审结的案件须填写审结日期。")})
        if self.decided_on and self.decided_on < self.filed_on:
            raise ValidationError({"decided_on": _("审结日期不能早于提起日期。")})

    def result_on(self, day):
        """The result as it stood at the end of `day` (a later decision is still pending)."""
        if self.decided_on is None or self.decided_on > day:
            return AppealResult.PENDING
        return self.result
