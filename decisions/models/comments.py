"""Public comments on a draft decision: submitted by citizens, moderated and answered by the
department, summarised in the adoption report (意见采纳情况)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..forms import normalise_text, text_length_error

# Receipt numbers avoid characters that are easily confused when read out (0/O, 1/I/L).
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class Sector(models.TextChoices):
    """界别: whom the commenter represents (optional, published with the comment)."""

    DEPUTY = "deputy", _("人大代表")
    CPPCC = "cppcc", _("政协委员")
    ENTERPRISE = "enterprise", _("企业")
    ORGANISATION = "organisation", _("社会组织")
    EXPERT = "expert", _("专家学者")
    MEDIA = "media", _("媒体")
    PUBLIC = "public", _("群众")
    OTHER = "other", _("其他")


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已公开")
    REJECTED = "rejected", _("不予公开")


class ResponseOutcome(models.TextChoices):
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("不采纳")
    NOT_APPLICABLE = "not_applicable", _("不适用")


# Outcomes that changed the text, and may point at the passage they changed.
CHANGING_OUTCOMES = (ResponseOutcome.ADOPTED, ResponseOutcome.PARTLY)


class PublicCommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModerationStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)

    def unanswered(self):
        return self.filter(outcome="")

    def for_department(self, department):
        return self.filter(notice__issuing_department=department)

    def due_for_purge(self, submitted_before):
        """Comments submitted before `submitted_before` whose personal data is still kept."""
        return self.filter(submitted_at__lt=submitted_before, personal_data_purged_at__isnull=True)


class PublicComment(models.Model):
    """One citizen's comment on a notice. Name and contact are private: never shown on a page,
    a feed, an export or the API; the public sees the de-identified `published_text`."""

    notice = models.ForeignKey(
        "decisions.MajorDecisionPage",
        verbose_name=_("决策事项"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    receipt_number = models.CharField(_("回执编号"), max_length=20, unique=True, editable=False)
    # The form's one-time token: a double-clicked or repeated submission saves one comment.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("提交时间"), editable=False)
    text = models.TextField(_("意见内容"))
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    sector = models.CharField(_("界别"), max_length=20, choices=Sector.choices, blank=True)

    status = models.CharField(
        _("审核状态"),
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
    )
    rejection_reason = models.CharField(
        _("不予公开理由"),
        max_length=500,
        blank=True,
        help_text=_("例如：与本决策事项无关；含有违法或不文明内容；重复提交。"),
    )
    published_text = models.TextField(
        _("公开文本"),
        blank=True,
        help_text=_(
            "公开显示的意见文本。留空时系统根据原文自动去除姓名、电话、证件号、地址等个人信息；"
            "修改后保存时仍会再次去除个人信息。"
        ),
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    outcome = models.CharField(
        _("处理结果"), max_length=20, choices=ResponseOutcome.choices, blank=True
    )
    response_reason = models.TextField(
        _("答复理由"),
        max_length=2000,
        blank=True,
        help_text=_("说明采纳或不采纳的理由，将在意见采纳情况中公开。"),
    )
    changed_passage = models.TextField(
        _("对应的修改内容"),
        blank=True,
        help_text=_("采纳或部分采纳时，决策文本中据此修改的段落。"),
    )
    responded_at = models.DateTimeField(_("答复时间"), null=True, blank=True, editable=False)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # Set by the retention purge: name and contact blanked, personal data masked in the texts.
    personal_data_purged_at = models.DateTimeField(
        _("个人信息清除时间"), null=True, blank=True, editable=False
    )

    objects = PublicCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("征求意见管理")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["notice", "status"]),
            models.Index(fields=["notice", "outcome"]),
        ]

    def __str__(self):
        # Only the receipt: log entries and admin titles never carry the citizen's words.
        return self.receipt_number or _("未编号意见")

    @classmethod
    def new_receipt_number(cls, when):
        """YJ + the Beijing date + six characters: readable on the phone, not sequential."""
        from django.utils import timezone

        day = timezone.localdate(when).strftime("%Y%m%d")
        while True:
            suffix = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
            number = f"YJ{day}{suffix}"
            if not cls.objects.filter(receipt_number=number).exists():
                return number

    # -- labels for listings and exports (no personal data) ------------------------------------

    @property
    def notice_title(self):
        return self.notice.title if self.notice_id else ""

    @property
    def sector_label(self):
        return self.get_sector_display() if self.sector else ""

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def outcome_label(self):
        return self.get_outcome_display() if self.outcome else str(_("未答复"))

    @property
    def export_text(self):
        """The text for exports: the published text, else the original de-identified."""
        from portal.deidentify import deidentify

        return self.published_text or deidentify(self.text, names=[self.name])

    @property
    def is_answered(self):
        return bool(self.outcome)

    # -- rules ---------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}

        def add(field, message):
            errors.setdefault(field, []).append(message)

        self.text = normalise_text(self.text)
        length_error = text_length_error(self.text)
        if length_error:
            add("text", length_error)
        if self.status == ModerationStatus.REJECTED and not self.rejection_reason.strip():
            add("rejection_reason", _("不予公开须填写理由。"))
        if self.status == ModerationStatus.PUBLISHED and not self.published_text.strip():
            add("published_text", _("公开的意见须有公开文本。"))
        if self.outcome and not self.response_reason.strip():
            add("response_reason", _("答复须填写理由。"))
        if self.response_reason.strip() and not self.outcome:
            add("outcome", _("请选择处理结果：采纳、部分采纳、不采纳或不适用。"))
        if self.changed_passage:
            if self.outcome not in CHANGING_OUTCOMES:
                add("changed_passage", _("只有采纳或部分采纳的意见可以关联修改内容。"))
            elif self.notice_id and self.changed_passage not in {
                change.passage for change in self.notice.changes
            }:
                add("changed_passage", _("所选段落不在当前的修改对照中，请重新选择。"))
        if errors:
            raise ValidationError(errors)
