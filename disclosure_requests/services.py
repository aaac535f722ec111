"""Every write an applicant or a handler triggers on a disclosure request. Each service checks
the actor's scope and the state rule under a row lock, saves inside one transaction and
records an immutable event; the clock itself is computed by the model."""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.codes import QUERY_CODE_RE
from portal.idempotency import create_once
from portal.models import Department
from portal.tracking import next_number
from portal.workdays import add_working_days

from . import selectors, tasks
from .codes import hash_query_code, query_code_for_token, stored_token, tracking_number
from .models import (
    CORRECTION_PERIOD_WORKING_DAYS,
    FEE_PAYMENT_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    REASONS_BY_OUTCOME,
    REMINDER_WORKING_DAYS,
    THIRD_PARTY_WORKING_DAYS,
    Action,
    Appeal,
    AppealResult,
    AttachmentRole,
    Channel,
    DisclosureRequest,
    DisclosureRequestAttachment,
    DisclosureRequestDailySequence,
    DisclosureRequestEvent,
    Outcome,
    Reason,
    Status,
    attachment_path,
    beijing_date,
)
from .permissions import request_policy

APPLICANT = gettext_lazy("申请人")
SYSTEM = gettext_lazy("系统")
# Online requests: the office confirms receipt within this many working days.
RECEIPT_CONFIRMATION_WORKING_DAYS = 1


class ActionRefused(ValidationError):
    """The action is not allowed in the request's current state."""


@dataclass(frozen=True)
class Receipt:
    """What the applicant is shown after applying: the request, its query code (None when it
    can no longer be shown) and whether this submission created it."""

    request: DisclosureRequest
    query_code: str | None
    created: bool


def _actor_name(user):
    if user is None:
        return str(SYSTEM)
    return user.get_full_name() or user.get_username()


def _record(req, action, *, actor, from_status, note="", deadline=None, now=None, **fields):
    return DisclosureRequestEvent.objects.create(
        request=req,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=fields.pop("actor_name", None) or _actor_name(actor),
        department=fields.pop("department", None),
        from_status=from_status,
        to_status=req.status,
        note=note,
        deadline=deadline,
        created_at=now or timezone.now(),
    )


def _lock(req, actor, action, today):
    """The request re-read under a row lock after checking scope and the state rule; `actor`
    None is the system (the daily sweep, demo content)."""
    locked = DisclosureRequest.objects.select_for_update().get(pk=req.pk)
    if actor is not None and not request_policy.user_can_act(actor, locked):
        raise PermissionDenied(_("您没有权限办理这件政府信息公开申请。"))
    refusal = locked.refusal(action, today)
    if refusal:
        raise ActionRefused(refusal)
    return locked


def _required(value, field, message):
    if not (value or "").strip():
        raise ValidationError({field: message})


def _store(req, upload, role):
    attachment = DisclosureRequestAttachment(
        request=req,
        role=role,
        kind=upload.kind,
        size=len(upload.content),
        original_name=upload.original_name,
    )
    attachment.file.name = default_storage.save(
        attachment_path(attachment, ""), ContentFile(upload.content)
    )
    attachment.save()
    return attachment


# --- the applicant ----------------------------------------------------------------------------


def receipt_for_token(token):
    """The receipt of the request already sent with form token `token`, or None."""
    req = DisclosureRequest.objects.filter(submission_token=stored_token(token)).first()
    if req is None:
        return None
    code = query_code_for_token(token)
    fresh = timezone.now() - req.submitted_at < timezone.timedelta(minutes=30)
    return Receipt(request=req, query_code=code if fresh else None, created=False)


def request_submit(
    *,
    department,
    applicant_type,
    name,
    id_number,
    phone,
    description,
    form_wanted,
    delivery,
    contact_person="",
    email="",
    address="",
    document_number="",
    other_features="",
    attachments=(),
    channel=Channel.ONLINE,
    token=None,
    query_code=None,
    now=None,
):
    """Save a request once per form token and return its receipt. Requests handed in or
    posted (recorded by the office) are received on submission; online ones when the office
    confirms receipt (art. 31)."""
    token = token or uuid.uuid4()
    now = now or timezone.now()
    code = query_code or query_code_for_token(token)
    if not QUERY_CODE_RE.match(code):
        raise ValueError("A query code is 8 characters of QUERY_CODE_ALPHABET.")
    existing = receipt_for_token(token)
    if existing is not None:
        return existing
    token_hash = stored_token(token)

    def create():
        day = beijing_date(now)
        req = DisclosureRequest(
            tracking_number=tracking_number(day, next_number(DisclosureRequestDailySequence, day)),
            query_code_hash=hash_query_code(code),
            submission_token=token_hash,
            channel=channel,
            department=department,
            applicant_type=applicant_type,
            name=name,
            id_number=id_number,
            contact_person=contact_person,
            phone=phone,
            email=email,
            address=address,
            description=description,
            document_number=document_number,
            other_features=other_features,
            form_wanted=form_wanted,
            delivery=delivery,
            submitted_at=now,
        )
        if channel == Channel.ONLINE:
            req.status = Status.SUBMITTED
            req.receipt_deadline = add_working_days(day, RECEIPT_CONFIRMATION_WORKING_DAYS)
        else:
            req.status = Status.PROCESSING
            req.received_on = req.clock_started_on = day
            req.reply_deadline = req.compute_reply_deadline()
        req.save()
        for upload in attachments:
            _store(req, upload, AttachmentRole.APPLICANT)
        _record(
            req,
            Action.SUBMIT,
            actor=None,
            actor_name=str(APPLICANT),
            from_status="",
            department=department,
            deadline=req.current_deadline,
            now=now,
        )
        return req

    req, created = create_once(DisclosureRequest, token=token_hash, create=create)
    if not created:
        return receipt_for_token(token)
    return Receipt(request=req, query_code=code, created=True)


# --- the handlers -----------------------------------------------------------------------------


def request_confirm_receipt(*, request, actor, now=None):
    """The office confirms an online request arrived: it is received today (art. 31)."""
    now = now or timezone.now()
    day = beijing_date(now)
    with transaction.atomic():
        locked = _lock(request, actor, Action.RECEIVE, day)
        before = locked.status
        locked.status = Status.PROCESSING
        locked.received_on = locked.clock_started_on = day
        locked.reply_deadline = locked.compute_reply_deadline()
        locked.save()
        _record(
            locked,
            Action.RECEIVE,
            actor=actor,
            from_status=before,
            deadline=locked.reply_deadline,
            now=now,
        )
        return locked


def request_transfer(*, request, actor, department, reason, now=None):
    """Give the request to the office that holds the information, with the reason."""
    now = now or timezone.now()
    _required(reason, "reason", _("请填写转办理由。"))
    with transaction.atomic():
        locked = _lock(request, actor, Action.TRANSFER, beijing_date(now))
        if department is None or department.pk == locked.department_id:
            raise ValidationError({"department": _("请选择另一个办理机关。")})
        locked.department = department
        locked.reminded_deadline = None
        locked.save()
        _record(
            locked,
            Action.TRANSFER,
            actor=actor,
            from_status=locked.status,
            note=reason,
            department=department,
            now=now,
        )
        return locked


def request_ask_correction(*, request, actor, items, now=None):
    """Ask the applicant once, within 7 working days of receipt, to correct the request; the
    reply period will run anew from the day the correction arrives (art. 30)."""
    now = now or timezone.now()
    day = beijing_date(now)
    _required(items, "items", _("请逐项列明需要补正的事项。"))
    with transaction.atomic():
        locked = _lock(request, actor, Action.REQUEST_CORRECTION, day)
        before = locked.status
        locked.status = Status.CORRECTION
        locked.correction_requested_on = day
        locked.correction_items = items.strip()
        locked.correction_deadline = add_working_days(day, CORRECTION_PERIOD_WORKING_DAYS)
        locked.pause(day)
        locked.save()
        _record(
            locked,
            Action.REQUEST_CORRECTION,
            actor=actor,
            from_status=before,
            note=locked.correction_items,
            deadline=locked.correction_deadline,
            now=now,
        )
        return locked


def request_receive_correction(*, request, actor, note="", now=None):
    """The corrected request arrived: the 20 working days start again from today."""
    now = now or timezone.now()
    day = beijing_date(now)
    with transaction.atomic():
        locked = _lock(request, actor, Action.CORRECT, day)
        before = locked.status
        locked.corrected_on = locked.clock_started_on = day
        locked.paused_since = None
        locked.paused_working_days = 0
        locked.status = Status.PROCESSING
        locked.reply_deadline = locked.compute_reply_deadline()
        locked.save()
        _record(
            locked,
            Action.CORRECT,
            actor=actor,
            from_status=before,
            note=note,
            deadline=locked.reply_deadline,
            now=now,
        )
        return locked


def request_consult_third_party(*, request, actor, third_party, now=None):
    """Ask a third party's opinion (art. 32); the time it takes is not counted."""
    now = now or timezone.now()
    day = beijing_date(now)
    _required(third_party, "third_party", _("请填写征求意见的第三方。"))
    with transaction.atomic():
        locked = _lock(request, actor, Action.CONSULT, day)
        before = locked.status
        locked.status = Status.CONSULTING
        locked.third_party = third_party.strip()
        locked.third_party_deadline = add_working_days(day, THIRD_PARTY_WORKING_DAYS)
        locked.pause(day)
        locked.save()
        _record(
            locked,
            Action.CONSULT,
            actor=actor,
            from_status=before,
            note=locked.third_party,
            deadline=locked.third_party_deadline,
            now=now,
        )
        return locked


def request_third_party_answered(*, request, actor, note="", now=None):
    """The third party answered (or its 15 working days ran out): the clock runs again."""
    now = now or timezone.now()
    day = beijing_date(now)
    with transaction.atomic():
        locked = _lock(request, actor, Action.CONSULTED, day)
        before = locked.status
        locked.resume(day)
        locked.save()
        _record(
            locked,
            Action.CONSULTED,
            actor=actor,
            from_status=before,
            note=note,
            deadline=locked.reply_deadline,
            now=now,
        )
        return locked


def request_extend(*, request, actor, days, approved_by, reason, now=None):
    """Extend the reply period once by at most 20 working days, approved by the head of the
    office; the applicant is told (the note appears on the status page)."""
    now = now or timezone.now()
    if not isinstance(days, int) or not 1 <= days <= MAX_EXTENSION_WORKING_DAYS:
        raise ValidationError(
            {"days": _("延长的工作日数应在 1 至 %(n)d 之间。") % {"n": MAX_EXTENSION_WORKING_DAYS}}
        )
    _required(approved_by, "approved_by", _("延长答复期限须经机构负责人同意，请填写批准人。"))
    _required(reason, "reason", _("请填写延期理由，该理由将告知申请人。"))
    with transaction.atomic():
        locked = _lock(request, actor, Action.EXTEND, beijing_date(now))
        locked.extension_days = days
        locked.extension_approved_by = approved_by.strip()
        locked.reply_deadline = locked.compute_reply_deadline()
        locked.save()
        _record(
            locked,
            Action.EXTEND,
            actor=actor,
            from_status=locked.status,
            note=reason.strip(),
            deadline=locked.reply_deadline,
            now=now,
        )
        return locked


def request_fee_notice(*, request, actor, amount, note="", now=None):
    """Send the 信息处理费 notice; from now until payment is not counted."""
    now = now or timezone.now()
    day = beijing_date(now)
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("收费金额应大于 0 元。")})
    with transaction.atomic():
        locked = _lock(request, actor, Action.FEE_NOTICE, day)
        before = locked.status
        locked.status = Status.FEE
        locked.fee_amount = amount
        locked.fee_notified_on = day
        locked.fee_deadline = add_working_days(day, FEE_PAYMENT_WORKING_DAYS)
        locked.pause(day)
        locked.save()
        text = _("应缴信息处理费 %(amount)s 元，请于 %(day)s 前缴纳。") % {
            "amount": amount,
            "day": f"{locked.fee_deadline:%Y-%m-%d}",
        }
        _record(
            locked,
            Action.FEE_NOTICE,
            actor=actor,
            from_status=before,
            note=" ".join(filter(None, [text, note])),
            deadline=locked.fee_deadline,
            now=now,
        )
        return locked


def request_fee_paid(*, request, actor, now=None):
    """The applicant paid: the clock runs again."""
    now = now or timezone.now()
    day = beijing_date(now)
    with transaction.atomic():
        locked = _lock(request, actor, Action.FEE_PAID, day)
        before = locked.status
        locked.fee_paid_on = day
        locked.resume(day)
        locked.save()
        _record(
            locked,
            Action.FEE_PAID,
            actor=actor,
            from_status=before,
            deadline=locked.reply_deadline,
            now=now,
        )
        return locked


def request_reply(*, request, actor, outcome, reason="", text="", documents=(), now=None):
    """Answer the request with one of the statutory kinds (art. 36) and, where the report has
    sub-rows, its reason; the 告知书 is rendered from the kind."""
    now = now or timezone.now()
    day = beijing_date(now)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("请选择答复类型。")})
    allowed = REASONS_BY_OUTCOME[Outcome(outcome)]
    if allowed and reason not in allowed:
        raise ValidationError(
            {"reason": _("“%(kind)s”须选择具体理由。") % {"kind": Outcome(outcome).label}}
        )
    if not allowed:
        reason = ""
    if outcome == Outcome.OTHER and reason == Reason.OTHER:
        _required(text, "text", _("“其他处理”请说明具体情况。"))
    with transaction.atomic():
        locked = _lock(request, actor, Action.REPLY, day)
        before = locked.status
        if locked.status == Status.CORRECTION and reason != Reason.NOT_CORRECTED:
            raise ActionRefused(_("申请待补正时，只能按“逾期不补正”办结。"))
        if locked.status == Status.FEE and reason != Reason.NOT_PAID:
            raise ActionRefused(_("申请待缴费时，只能按“逾期未缴费”办结。"))
        if reason == Reason.NOT_CORRECTED and locked.status != Status.CORRECTION:
            raise ActionRefused(_("只有告知补正后逾期未补正的申请才能按“逾期不补正”办结。"))
        if reason == Reason.NOT_PAID and locked.status != Status.FEE:
            raise ActionRefused(_("只有发出收费通知后逾期未缴费的申请才能按“逾期未缴费”办结。"))
        deadline = locked.reply_deadline
        locked.replied_late = bool(deadline and day > deadline)
        locked.status = Status.CONCLUDED
        locked.outcome, locked.reason, locked.reply_text = outcome, reason, text.strip()
        locked.concluded_on = day
        locked.paused_since = None
        locked.reply_deadline = deadline
        locked.save()
        for upload in documents:
            _store(locked, upload, AttachmentRole.REPLY)
        label = Outcome(outcome).label + (f"（{Reason(reason).label}）" if reason else "")
        _record(
            locked,
            Action.REPLY,
            actor=actor,
            from_status=before,
            note=" ".join(filter(None, [str(label), locked.reply_text])),
            now=now,
        )
        return locked


def requests_sweep(*, today=None):
    """The daily run: close requests not corrected or not paid for in time (rows 六.1, 六.2),
    and record a reminder on those whose deadline is near. Returns (closed, reminded)."""
    today = today or timezone.localdate()
    now = timezone.now()
    closed = 0
    for req in DisclosureRequest.objects.filter(
        status=Status.CORRECTION, correction_deadline__lt=today
    ):
        request_reply(
            request=req,
            actor=None,
            outcome=Outcome.OTHER,
            reason=Reason.NOT_CORRECTED,
            text=str(_("申请人无正当理由逾期不补正，视为放弃申请。")),
            now=now,
        )
        closed += 1
    for req in DisclosureRequest.objects.filter(status=Status.FEE, fee_deadline__lt=today):
        request_reply(
            request=req,
            actor=None,
            outcome=Outcome.OTHER,
            reason=Reason.NOT_PAID,
            text=str(_("申请人逾期未缴纳信息处理费，不再处理该申请。")),
            now=now,
        )
        closed += 1
    horizon = add_working_days(today, REMINDER_WORKING_DAYS)
    reminded = 0
    for req in DisclosureRequest.objects.open().select_related("department"):
        deadline = req.current_deadline
        if deadline is None or deadline > horizon or req.reminded_deadline == deadline:
            continue
        with transaction.atomic():
            locked = DisclosureRequest.objects.select_for_update().get(pk=req.pk)
            locked.reminded_deadline = deadline
            locked.save(update_fields=["reminded_deadline"])
            _record(
                locked,
                Action.REMIND,
                actor=None,
                from_status=locked.status,
                note=_("%(label)s为 %(day)s，请及时办理。")
                % {"label": locked.current_deadline_label, "day": f"{deadline:%Y-%m-%d}"},
                deadline=deadline,
                now=now,
            )
            request_id = locked.pk
            transaction.on_commit(
                lambda request_id=request_id: tasks.notify_deadline.enqueue(request_id=request_id),
                robust=True,
            )
        reminded += 1
    return closed, reminded


def appeal_record(
    *, request, kind, filed_on, result=AppealResult.PENDING, decided_on=None, note=""
):
    """Record an administrative review or lawsuit against a reply."""
    if request.status != Status.CONCLUDED:
        raise ValidationError(_("只能对已答复的申请登记行政复议或行政诉讼。"))
    appeal = Appeal(
        request=request,
        kind=kind,
        filed_on=filed_on,
        result=result,
        decided_on=decided_on,
        note=note,
    )
    appeal.full_clean()
    appeal.save()
    return appeal


# --- the annual report ------------------------------------------------------------------------


def _report_title(year, department):
    issuer = department.name if department else _("县人民政府")
    return _("%(issuer)s%(year)d年政府信息公开工作年度报告") % {"issuer": issuer, "year": year}


def _other_matters_text(year, department):
    count, amount = selectors.fees_charged(year, department)
    if not count:
        return _("<p>本年度未收取信息处理费。</p>")
    return _(
        "<p>本年度共对 %(count)d 件政府信息公开申请收取信息处理费，合计 %(amount)s 元。</p>"
    ) % {
        "count": count,
        "amount": f"{amount:.2f}",
    }


def annual_report_draft(*, index_page, year, department=None, now=None):
    """Draft (never publish) one report from live data: a new page, or a new revision of the
    existing one with sections 三 and 四 recomputed. The county's tables are the sums of its
    departments'. Returns (page, created)."""
    from .models import AnnualReportPage

    now = now or timezone.now()
    if department is None:
        departments = list(Department.objects.order_by("code"))
        table = selectors.sum_tables(selectors.requests_table(year, d) for d in departments)
        appeals = selectors.sum_appeals(selectors.appeals_table(year, d) for d in departments)
    else:
        table = selectors.requests_table(year, department)
        appeals = selectors.appeals_table(year, department)
    existing = AnnualReportPage.objects.filter(year=year, department=department).first()
    with transaction.atomic():
        if existing is None:
            page = AnnualReportPage(
                title=str(_report_title(year, department)),
                slug=AnnualReportPage.report_slug(year, department),
                year=year,
                department=department,
                live=False,
                other_matters=str(_other_matters_text(year, department)),
                **selectors.proactive_figures(year, department),
            )
            page.requests_table, page.appeals_table, page.drafted_at = table, appeals, now
            index_page.add_child(instance=page)
            page.save_revision()
            return page, True
        page = existing.get_latest_revision_as_object()
        page.requests_table, page.appeals_table, page.drafted_at = table, appeals, now
        page.save_revision()
        return existing, False
