"""Every write a citizen or a handler triggers on a complaint. Each service validates, saves
inside one transaction, records an immutable event, and enqueues notifications to run after the
commit, so that a failing mail server never loses or rolls back a saved complaint."""

import contextlib
import contextvars
import logging
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.deidentify import deidentify
from portal.idempotency import create_once
from portal.models import PortalSettings
from portal.tracking import next_number
from portal.workdays import add_working_days

from .. import selectors, tasks
from ..codes import (
    QUERY_CODE_RE,
    hash_query_code,
    query_code_for_token,
    stored_token,
    tracking_number,
)
from ..models import (
    MAX_EXTENSION_WORKING_DAYS,
    Action,
    Complaint,
    ComplaintAttachment,
    ComplaintDailySequence,
    ComplaintEvent,
    Rating,
    Status,
    attachment_path,
    beijing_date,
)
from ..permissions import complaint_policy
from ..selectors import Submission

logger = logging.getLogger(__name__)

CITIZEN = gettext_lazy("投诉人")
SYSTEM = gettext_lazy("系统")


class ActionRefused(ValidationError):
    """The action is not allowed in the complaint's current state."""


# --- helpers ------------------------------------------------------------------------------


_notifications = contextvars.ContextVar("feedback_notifications", default=True)


@contextlib.contextmanager
def notifications_suppressed():
    """Inside this block no e-mail is queued: for loading demo content or importing complaints
    recorded elsewhere, where nobody should be told about old steps."""
    reset = _notifications.set(False)
    try:
        yield
    finally:
        _notifications.reset(reset)


def _after_commit(task, **kwargs):
    """Enqueue `task` once the transaction commits; an enqueue failure is logged, never
    raised, because the complaint is already saved."""
    if not _notifications.get():
        return

    def enqueue():
        task.enqueue(**kwargs)

    transaction.on_commit(enqueue, robust=True)


def _actor_name(user):
    if user is None:
        return str(SYSTEM)
    return user.get_full_name() or user.get_username()


def _record(complaint, action, *, actor, from_status, note="", department=None, **fields):
    return ComplaintEvent.objects.create(
        complaint=complaint,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=fields.pop("actor_name", None) or _actor_name(actor),
        from_status=from_status,
        to_status=complaint.status,
        note=note,
        department=department,
        **fields,
    )


def _lock(complaint, actor, action):
    """The complaint re-read under a row lock, after checking the actor's role and the state
    rule. Two handlers clicking at once therefore act one after the other. `actor` None is the
    citizen (rating, checked by the status page) or the system (commands, imports); the admin
    views always pass the signed-in user."""
    locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if actor is not None and not complaint_policy.user_can_act(actor, locked, action):
        raise PermissionDenied(_("您没有权限对这件投诉进行此操作。"))
    if not locked.can(action):
        raise ActionRefused(locked.refusal(action))
    return locked


def _next_number(day):
    """The next sequence number of `day` (see `portal.tracking`)."""
    return next_number(ComplaintDailySequence, day)


def _settings():
    return PortalSettings.load()


# --- the citizen --------------------------------------------------------------------------


def complaint_submit(
    *,
    category,
    subject,
    description,
    department=None,
    occurred_on=None,
    location="",
    attachments=(),
    is_anonymous=False,
    name="",
    phone="",
    email="",
    publish_consent=False,
    procedure=None,
    fee_item=None,
    token=None,
    query_code=None,
    query_code_hash=None,
    now=None,
):
    """Save a citizen's complaint once per form token; returns a Submission with the receipt.

    Normally the query code is derived from the form token. Complaints recorded elsewhere
    (the 12345 hotline, demo content) may bring the `query_code` already issued, and then its
    `query_code_hash` too when it was hashed once for many rows."""
    token = token or uuid.uuid4()
    now = now or timezone.now()
    code = query_code_for_token(token)
    if query_code is not None:
        if not QUERY_CODE_RE.match(query_code):
            raise ValueError("A query code is 8 characters of QUERY_CODE_ALPHABET.")
        code = query_code
    token_hash = stored_token(token)
    existing = selectors.submission_for_token(token)
    if existing is not None:
        return existing

    if is_anonymous:
        name = phone = email = ""
    # Slow work happens before the transaction, so the day's sequence row is locked briefly:
    # writing the attachment files.
    code_hash = query_code_hash if query_code is not None and query_code_hash else None
    code_hash = code_hash or hash_query_code(code)
    stored_files = []
    try:
        for upload in attachments:
            placeholder = ComplaintAttachment(kind=upload.kind)
            stored_files.append(
                (
                    upload,
                    default_storage.save(
                        attachment_path(placeholder, ""), ContentFile(upload.content)
                    ),
                )
            )

        def create():
            day = beijing_date(now)
            accept_deadline = add_working_days(day, _settings().complaint_accept_days)
            complaint = Complaint.objects.create(
                tracking_number=tracking_number(day, _next_number(day)),
                query_code_hash=code_hash,
                submission_token=token_hash,
                category=category,
                department=department,
                handling_department=department,
                subject=subject,
                description=description,
                occurred_on=occurred_on,
                location=location,
                is_anonymous=is_anonymous,
                name=name,
                phone=phone,
                email=email,
                publish_consent=publish_consent,
                status=Status.SUBMITTED,
                submitted_at=now,
                accept_deadline=accept_deadline,
                procedure=procedure,
                fee_item=fee_item,
            )
            for upload, stored_name in stored_files:
                attachment = ComplaintAttachment(
                    complaint=complaint,
                    kind=upload.kind,
                    size=len(upload.content),
                    original_name=upload.original_name,
                )
                attachment.file.name = stored_name
                attachment.save()
            _record(
                complaint,
                Action.SUBMIT,
                actor=None,
                actor_name=str(CITIZEN),
                from_status="",
                department=department,
                deadline=accept_deadline,
                created_at=now,
            )
            if department is not None:
                _after_commit(
                    tasks.notify_assignment, complaint_id=complaint.pk, department_id=department.pk
                )
            else:
                _after_commit(tasks.notify_supervisors, complaint_id=complaint.pk, reason="new")
            return complaint

        complaint, created = create_once(Complaint, token=token_hash, create=create)
    except BaseException:
        _delete_files(name for _, name in stored_files)
        raise
    if not created:  # lost a race with the same form sent twice: keep the winner's files only
        _delete_files(name for _, name in stored_files)
        return selectors.submission_for_token(token)
    return Submission(complaint=complaint, query_code=code, created=True)


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete the orphaned attachment %s", name)


def complaint_rate(*, complaint, rating, comment="", now=None):
    """The complainant rates the reply; 不满意 reopens the complaint once, then escalates it to
    the county supervisors."""
    now = now or timezone.now()
    if rating not in Rating.values:
        raise ValidationError({"rating": _("请选择满意、基本满意或不满意。")})
    with transaction.atomic():
        locked = _lock(complaint, None, Action.RATE)
        before = locked.status
        locked.rating, locked.rating_comment, locked.rated_at = rating, comment, now
        if rating != Rating.DISSATISFIED:
            locked.status, locked.closed_at = Status.CLOSED, now
        locked.save()
        _record(
            locked,
            Action.RATE,
            actor=None,
            actor_name=str(CITIZEN),
            from_status=before,
            note=comment,
            rating=rating,
            created_at=now,
        )
        if rating != Rating.DISSATISFIED:
            return locked
        if locked.may_reopen:
            locked.status, locked.reopened_at = Status.REOPENED, now
            locked.reply_deadline = add_working_days(
                beijing_date(now), _settings().complaint_reply_days
            )
            locked.reminded_deadline = None
            locked.save()
            _record(
                locked,
                Action.REOPEN,
                actor=None,
                from_status=before,
                department=locked.handling_department,
                deadline=locked.reply_deadline,
                created_at=now,
            )
            if locked.handling_department_id:
                _after_commit(
                    tasks.notify_assignment,
                    complaint_id=locked.pk,
                    department_id=locked.handling_department_id,
                )
        else:
            locked.status = Status.ESCALATED
            locked.save()
            _record(locked, Action.ESCALATE, actor=None, from_status=before, created_at=now)
            _after_commit(tasks.notify_supervisors, complaint_id=locked.pk, reason="escalated")
        return locked


# --- the handlers -------------------------------------------------------------------------


def complaint_accept(*, complaint, actor, department=None, note="", now=None):
    """Accept a complaint and give it to its handling department; the reply deadline starts."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.ACCEPT)
        department = department or locked.responsible_department
        if department is None:
            raise ValidationError({"department": _("请选择承办部门。")})
        day = beijing_date(now)
        before, previous = locked.status, locked.handling_department
        locked.status = Status.ACCEPTED
        locked.accepted_at = now
        locked.accepted_late = day > locked.accept_deadline
        locked.reply_deadline = add_working_days(day, _settings().complaint_reply_days)
        locked.handling_department = department
        locked.save()
        _record(
            locked,
            Action.ACCEPT,
            actor=actor,
            from_status=before,
            note=note,
            deadline=locked.reply_deadline,
            created_at=now,
        )
        _record(
            locked,
            Action.ASSIGN,
            actor=actor,
            from_status=locked.status,
            department=department,
            created_at=now,
        )
        if department != previous:
            _after_commit(
                tasks.notify_assignment, complaint_id=locked.pk, department_id=department.pk
            )
        return locked


def complaint_reject(*, complaint, actor, reason, now=None):
    """Refuse to accept a complaint, stating the reason to the complainant."""
    now = now or timezone.now()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写不予受理的理由。")})
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.REJECT)
        before = locked.status
        locked.status, locked.closed_at = Status.REJECTED, now
        locked.save()
        _record(locked, Action.REJECT, actor=actor, from_status=before, note=reason, created_at=now)
        if locked.email:
            _after_commit(tasks.notify_complainant, complaint_id=locked.pk)
        return locked


def complaint_assign(*, complaint, actor, department, reason="", now=None):
    """Give the complaint to a (different) handling department; its handlers are e-mailed."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.ASSIGN)
        if department is None:
            raise ValidationError({"department": _("请选择新承办部门。")})
        if locked.handling_department_id == department.pk:
            raise ValidationError({"department": _("新承办部门与当前承办部门相同。")})
        if locked.handling_department_id and not (reason or "").strip():
            raise ValidationError({"reason": _("改派给其他部门时，请说明理由。")})
        locked.handling_department = department
        # The reminder was for the previous department; the new one is reminded afresh.
        locked.reminded_deadline = None
        locked.save()
        _record(
            locked,
            Action.ASSIGN,
            actor=actor,
            from_status=locked.status,
            department=department,
            note=reason,
            created_at=now,
        )
        _after_commit(tasks.notify_assignment, complaint_id=locked.pk, department_id=department.pk)
        return locked


def complaint_extend(*, complaint, actor, days, reason, now=None):
    """Extend the reply deadline once, by at most MAX_EXTENSION_WORKING_DAYS, with a reason."""
    now = now or timezone.now()
    if not isinstance(days, int) or not 1 <= days <= MAX_EXTENSION_WORKING_DAYS:
        raise ValidationError(
            {"days": _("延长的工作日数应在 1 至 %(n)d 之间。") % {"n": MAX_EXTENSION_WORKING_DAYS}}
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写延期理由。")})
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.EXTEND)
        locked.reply_deadline = add_working_days(locked.reply_deadline, days)
        locked.extended_at = now
        locked.save()
        _record(
            locked,
            Action.EXTEND,
            actor=actor,
            from_status=locked.status,
            note=reason,
            deadline=locked.reply_deadline,
            created_at=now,
        )
        return locked


def complaint_reply(*, complaint, actor, reply, now=None):
    """The handling department's answer to the complainant."""
    now = now or timezone.now()
    if not (reply or "").strip():
        raise ValidationError({"reply": _("请填写答复内容。")})
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.REPLY)
        before = locked.status
        late = beijing_date(now) > locked.reply_deadline
        locked.status = Status.REPLIED
        locked.reply = reply
        locked.replied_at = now
        locked.reply_count += 1
        locked.replied_late = locked.replied_late or late
        locked.save()
        _record(
            locked,
            Action.REPLY,
            actor=actor,
            from_status=before,
            note=reply,
            department=locked.handling_department,
            created_at=now,
        )
        if locked.email:
            _after_commit(tasks.notify_complainant, complaint_id=locked.pk)
        return locked


def complaint_close(*, complaint, actor, note="", now=None):
    """Conclude a complaint: after the rating period (departments) or at any time (county
    supervisors, e.g. after a second 不满意)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.CLOSE)
        before = locked.status
        locked.status, locked.closed_at = Status.CLOSED, now
        locked.save()
        _record(locked, Action.CLOSE, actor=actor, from_status=before, note=note, created_at=now)
        return locked


def complaint_refer(*, complaint, actor, reason, now=None):
    """Send the complaint to accountability review (追责问责); the review records its outcome
    with `complaint_record_review_outcome`."""
    now = now or timezone.now()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写转入问责审查的理由。")})
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.REFER)
        before = locked.status
        locked.status, locked.referred_at = Status.REFERRED, now
        locked.save()
        _record(locked, Action.REFER, actor=actor, from_status=before, note=reason, created_at=now)
        return locked


def complaint_record_review_outcome(*, complaint, actor, outcome, now=None):
    """The accountability review decided: the outcome joins the complaint's timeline and the
    complaint is concluded."""
    now = now or timezone.now()
    if not (outcome or "").strip():
        raise ValidationError({"outcome": _("请填写问责审查结果。")})
    with transaction.atomic():
        locked = _lock(complaint, actor, Action.REVIEW_DECIDED)
        before = locked.status
        locked.status, locked.closed_at = Status.CLOSED, now
        locked.save()
        _record(
            locked,
            Action.REVIEW_DECIDED,
            actor=actor,
            from_status=before,
            note=outcome,
            created_at=now,
        )
        return locked


def complaint_set_publication(*, complaint, actor, withheld, reason, now=None):
    """Withhold a consented complaint from the public list (or publish it again), with a
    reason; county supervisors only."""
    now = now or timezone.now()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写理由。")})
    action = Action.WITHHOLD if withheld else Action.PUBLISH
    with transaction.atomic():
        locked = _lock(complaint, actor, action)
        locked.publication_withheld = withheld
        locked.save()
        _record(locked, action, actor=actor, from_status=locked.status, note=reason, created_at=now)
        return locked


# --- scheduled work -----------------------------------------------------------------------


def complaint_send_deadline_reminders(*, today=None):
    """Warn handling departments (or the supervisors, for unrouted complaints) one working day
    before an acceptance or reply deadline; each deadline is warned about once."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, 1)
    sent = 0
    candidates = Complaint.objects.due_within(today, horizon).order_by("pk")
    for complaint_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            complaint = Complaint.objects.select_for_update().get(pk=complaint_id)
            deadline = complaint.current_deadline
            if deadline is None or complaint.reminded_deadline == deadline:
                continue
            Complaint.objects.filter(pk=complaint.pk).update(reminded_deadline=deadline)
            _after_commit(tasks.notify_deadline, complaint_id=complaint.pk)
            sent += 1
    return sent


def complaint_purge_personal_data(*, closed_before, now=None):
    """Blank the personal data of complaints concluded before `closed_before` (retention):
    contact details, attachments and the names in every text; the rest stays for statistics."""
    now = now or timezone.now()
    purged = 0
    candidates = Complaint.objects.closed_before(closed_before).filter(
        personal_data_purged_at__isnull=True
    )
    for complaint_id in candidates.values_list("pk", flat=True).order_by("pk"):
        with transaction.atomic():
            complaint = Complaint.objects.select_for_update().get(pk=complaint_id)
            names = complaint.personal_names
            files = [attachment.file.name for attachment in complaint.attachments.all()]
            complaint.subject = complaint.public_subject
            complaint.description = complaint.public_description
            complaint.location = complaint.public_location
            complaint.reply = complaint.public_reply
            complaint.rating_comment = deidentify(complaint.rating_comment, names=names)
            complaint.name = complaint.phone = complaint.email = ""
            complaint.personal_data_purged_at = now
            complaint.save()
            complaint.events.all().redact(names)
            complaint.attachments.all().delete()
            _record(complaint, Action.PURGE, actor=None, from_status=complaint.status)
            transaction.on_commit(lambda files=files: _delete_files(files), robust=True)
            purged += 1
    return purged
