"""Writes of the decisions app: a citizen submits a comment, a handler moderates and answers it.

Each service validates through the model's rules, saves inside one transaction, records the
event in Wagtail's history log and, for a new comment, e-mails the department after commit.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.deidentify import deidentify
from portal.idempotency import create_once
from portal.tasks import enqueue_on_commit

from .forms import normalise_text
from .models import (
    DecisionStatus,
    MajorDecisionPage,
    ModerationStatus,
    PublicComment,
)


class CommentRefused(Exception):
    """A comment that cannot be accepted now (the period is not open); the message says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _when(value):
    return date_format(timezone.localtime(value), "Y年n月j日 H:i")


def refusal_message(notice, now):
    """Why `notice` takes no comments at `now`, in Chinese."""
    status = notice.status(now)
    if status == DecisionStatus.UPCOMING:
        if notice.opens_at:
            return _("征求意见尚未开始，将于 %(time)s（北京时间）开始接收意见。") % {
                "time": _when(notice.opens_at)
            }
        return _("本事项尚未确定征求意见时间。")
    if status == DecisionStatus.TERMINATED:
        return _("本决策事项已终止，不再接收意见。")
    if notice.closes_at:
        return _("征求意见已于 %(time)s（北京时间）截止，不再接收意见。您的意见未被保存。") % {
            "time": _when(notice.closes_at)
        }
    return _("本事项目前不接收意见。")


def comment_submit(*, notice, text, name="", contact="", sector="", token=None, now=None):
    """Save a citizen's comment on `notice` once per submission `token`; returns
    (comment, created). Raises CommentRefused outside the consultation period and
    ValidationError (field → messages) for bad input."""
    now = now or timezone.now()
    if token:
        existing = PublicComment.objects.filter(submission_token=token).first()
        if existing is not None:
            return existing, False
    # The period is checked against the live page as stored, never against a stale copy.
    current = MajorDecisionPage.objects.live().filter(pk=notice.pk).first()
    if current is None:
        raise CommentRefused(_("该决策公示不存在或已撤下，不能提交意见。"))
    if not current.is_open_for_comment(now):
        raise CommentRefused(refusal_message(current, now))
    comment = PublicComment(
        notice=current,
        text=normalise_text(text),
        name=" ".join((name or "").split()),
        contact=(contact or "").strip(),
        sector=sector or "",
        submission_token=token,
        submitted_at=now,
        receipt_number=PublicComment.new_receipt_number(now),
    )
    # Uniqueness is left to the database: a concurrent duplicate is resolved by create_once.
    comment.full_clean(validate_unique=False)

    def create():
        comment.save()
        log(instance=comment, action="decisions.comment.submit", user=None)
        return comment

    with transaction.atomic():
        saved, created = create_once(PublicComment, token=token, create=create)
        if created:
            from .tasks import notify_new_comment

            enqueue_on_commit(notify_new_comment, saved.pk)
    return saved, created


def comment_moderate(*, comment, status, reason="", published_text=None, user=None, now=None):
    """Publish a comment (with its de-identified text), refuse it with a reason, or set it back
    to pending."""
    now = now or timezone.now()
    with transaction.atomic():
        comment = PublicComment.objects.select_for_update().get(pk=comment.pk)
        comment.status = status
        if status == ModerationStatus.PUBLISHED:
            if published_text is not None and published_text.strip():
                source = published_text
            else:
                source = comment.published_text or comment.text
            # Whatever the moderator wrote is masked again: the name given in the form and any
            # phone number, ID number or address never reach the public page.
            comment.published_text = deidentify(normalise_text(source), names=[comment.name])
            comment.rejection_reason = ""
        elif status == ModerationStatus.REJECTED:
            comment.rejection_reason = (reason or "").strip()
            comment.published_text = ""
        else:
            comment.rejection_reason = ""
        comment.moderated_at = now
        comment.moderated_by = user
        comment.full_clean(validate_unique=False)
        comment.save()
        log(
            instance=comment,
            action="decisions.comment.moderate",
            user=user,
            data={"status": status, "reason": comment.rejection_reason},
        )
    return comment


def comment_respond(*, comment, outcome, reason, changed_passage="", user=None, now=None):
    """Answer a comment: 采纳 / 部分采纳 / 不采纳 / 不适用 with the reason, and for an adopted
    comment optionally the passage of the final text it changed."""
    now = now or timezone.now()
    with transaction.atomic():
        comment = PublicComment.objects.select_for_update().get(pk=comment.pk)
        comment.outcome = outcome or ""
        comment.response_reason = (reason or "").strip()
        # clean() refuses a passage for an outcome that changed nothing, and one not in the diff.
        comment.changed_passage = changed_passage or ""
        comment.responded_at = now
        comment.responded_by = user
        comment.full_clean(validate_unique=False)
        comment.save()
        log(
            instance=comment,
            action="decisions.comment.respond",
            user=user,
            data={"outcome": comment.outcome},
        )
    return comment


def comment_purge_personal_data(*, submitted_before, now=None):
    """Blank the name and contact of comments submitted before `submitted_before` (retention)
    and mask personal data in their texts; returns how many comments were purged. The
    comment, its outcome and reason stay: the adoption report is a public record."""
    now = now or timezone.now()
    purged = 0
    candidates = PublicComment.objects.due_for_purge(submitted_before)
    for comment_id in candidates.values_list("pk", flat=True).order_by("pk"):
        with transaction.atomic():
            comment = PublicComment.objects.select_for_update().get(pk=comment_id)
            names = [comment.name]
            comment.text = deidentify(comment.text, names=names)
            comment.published_text = deidentify(comment.published_text, names=names)
            comment.response_reason = deidentify(comment.response_reason, names=names)
            comment.changed_passage = deidentify(comment.changed_passage, names=names)
            comment.name = comment.contact = ""
            comment.personal_data_purged_at = now
            # No full_clean: the rules are for a citizen's or handler's input, and a purge
            # must not be stopped by a rule added after the comment was written.
            comment.save()
            log(instance=comment, action="decisions.comment.purge", user=None)
            purged += 1
    return purged
