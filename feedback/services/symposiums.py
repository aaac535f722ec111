"""Every write on a symposium view: recorded by the minutes-taker after the session, assigned to
a department, answered or adopted, referred to accountability review, published. Each service
checks the actor's role and the state rule, saves in one transaction and records an event."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.workdays import add_working_days

from ..models import (
    MAX_VIEW_REPLY_DAYS,
    Sector,
    SymposiumPage,
    SymposiumView,
    SymposiumViewEvent,
    ViewAction,
    ViewStatus,
    ViewTopic,
    beijing_date,
)
from ..permissions import view_policy
from .complaints import ActionRefused, _actor_name


def _record(view, action, *, actor, from_status, note="", department=None, **fields):
    return SymposiumViewEvent.objects.create(
        view=view,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=_actor_name(actor),
        from_status=from_status,
        to_status=view.status,
        note=note,
        department=department,
        **fields,
    )


def _lock(view, actor, action):
    """The view re-read under a row lock after checking the actor's role and the state rule.
    `actor` None is the system (demo content, imports)."""
    locked = SymposiumView.objects.select_for_update().get(pk=view.pk)
    if actor is not None and not view_policy.user_can_act(actor, locked, action):
        raise PermissionDenied(_("您没有权限对这条意见进行此操作。"))
    if not locked.can(action):
        raise ActionRefused(locked.refusal(action))
    return locked


def _require_recorder(actor):
    if actor is not None and not view_policy.is_recorder(actor):
        raise PermissionDenied(_("只有县效能督查人员可以录入和修改座谈会意见。"))


def _required_text(value, field, message):
    if not (value or "").strip():
        raise ValidationError({field: message})
    return value.strip()


def _validate_fields(*, text, sector, topic, reply_days):
    errors = {}
    if not (text or "").strip():
        errors["text"] = _("请填写意见建议的内容。")
    if sector not in Sector.values:
        errors["sector"] = _("请选择提出人界别。")
    if topic not in ViewTopic.values:
        errors["topic"] = _("请选择议题。")
    if not isinstance(reply_days, int) or not 1 <= reply_days <= MAX_VIEW_REPLY_DAYS:
        errors["reply_days"] = _("答复时限应在 1 至 %(n)d 个工作日之间。") % {
            "n": MAX_VIEW_REPLY_DAYS
        }
    if errors:
        raise ValidationError(errors)


def _assign(view, department, now):
    """Give the view to `department`; the reply deadline starts at the first assignment and
    is not restarted by a reassignment."""
    view.handling_department = department
    if view.assigned_at is None:
        view.assigned_at = now
        view.reply_deadline = add_working_days(beijing_date(now), view.reply_days)


def view_create(
    *,
    session,
    text,
    sector,
    topic,
    actor,
    raised_by="",
    concerned_departments=(),
    handling_department=None,
    reply_days=None,
    published=False,
    now=None,
):
    """Record one view raised at a session that has taken place; numbered within the session.
    Given a handling department it is assigned at once and its reply deadline starts."""
    now = now or timezone.now()
    _require_recorder(actor)
    reply_days = reply_days or SymposiumView._meta.get_field("reply_days").default
    _validate_fields(text=text, sector=sector, topic=topic, reply_days=reply_days)
    if session.date > beijing_date(now):
        raise ValidationError({"session": _("该座谈会尚未召开，不能录入意见。")})
    with transaction.atomic():
        # The session's row lock makes minutes-takers recording at once number one after the
        # other.
        SymposiumPage.objects.select_for_update(of=("self",)).filter(pk=session.pk).first()
        last = SymposiumView.objects.filter(session=session).aggregate(n=Max("number"))
        view = SymposiumView(
            session=session,
            number=(last["n"] or 0) + 1,
            text=text.strip(),
            sector=sector,
            topic=topic,
            raised_by=(raised_by or "").strip(),
            reply_days=reply_days,
            published=published,
            recorded_at=now,
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        if handling_department is not None:
            _assign(view, handling_department, now)
        view.save()
        view.concerned_departments.set(concerned_departments)
        _record(view, ViewAction.RECORD, actor=actor, from_status="", created_at=now)
        if handling_department is not None:
            _record(
                view,
                ViewAction.ASSIGN,
                actor=actor,
                from_status=view.status,
                department=handling_department,
                deadline=view.reply_deadline,
                created_at=now,
            )
        if published:
            _record(view, ViewAction.PUBLISH, actor=actor, from_status=view.status, created_at=now)
        return view


def view_update(
    *,
    view,
    actor,
    text,
    sector,
    topic,
    raised_by="",
    concerned_departments=(),
    reply_days=None,
    now=None,
):
    """Correct what was recorded of a view; the reply limit only while it is unassigned."""
    now = now or timezone.now()
    _require_recorder(actor)
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.EDIT)
        reply_days = reply_days or locked.reply_days
        _validate_fields(text=text, sector=sector, topic=topic, reply_days=reply_days)
        if reply_days != locked.reply_days and locked.assigned_at is not None:
            raise ValidationError(
                {"reply_days": _("意见已交办，答复时限不能再修改；如需延长请与承办部门协商。")}
            )
        locked.text, locked.sector, locked.topic = text.strip(), sector, topic
        locked.raised_by = (raised_by or "").strip()
        locked.reply_days = reply_days
        locked.save()
        locked.concerned_departments.set(concerned_departments)
        _record(locked, ViewAction.EDIT, actor=actor, from_status=locked.status, created_at=now)
        return locked


def view_assign(*, view, actor, department, reason="", now=None):
    """Give the view to a (different) handling department; a change needs a reason."""
    now = now or timezone.now()
    if department is None:
        raise ValidationError({"department": _("请选择承办部门。")})
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.ASSIGN)
        if locked.handling_department_id == department.pk:
            raise ValidationError({"department": _("新承办部门与当前承办部门相同。")})
        if locked.handling_department_id and not (reason or "").strip():
            raise ValidationError({"reason": _("改派给其他部门时，请说明理由。")})
        _assign(locked, department, now)
        locked.save()
        _record(
            locked,
            ViewAction.ASSIGN,
            actor=actor,
            from_status=locked.status,
            department=department,
            note=reason,
            deadline=locked.reply_deadline,
            created_at=now,
        )
        return locked


def view_start(*, view, actor, note="", now=None):
    """The handling department has taken the view up (办理中)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.START)
        before = locked.status
        locked.status = ViewStatus.IN_PROGRESS
        locked.save()
        _record(
            locked,
            ViewAction.START,
            actor=actor,
            from_status=before,
            note=note,
            department=locked.handling_department,
            created_at=now,
        )
        return locked


def _answer(locked, reply, now):
    locked.reply = reply
    if locked.replied_at is None:
        locked.replied_at = now
        locked.replied_late = (
            locked.reply_deadline is not None and beijing_date(now) > locked.reply_deadline
        )


def view_reply(*, view, actor, reply, now=None):
    """The handling department's answer; published views show it on the session page."""
    now = now or timezone.now()
    reply = _required_text(reply, "reply", _("请填写答复内容。"))
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.REPLY)
        before = locked.status
        _answer(locked, reply, now)
        locked.status = ViewStatus.REPLIED
        locked.save()
        _record(
            locked,
            ViewAction.REPLY,
            actor=actor,
            from_status=before,
            note=reply,
            department=locked.handling_department,
            created_at=now,
        )
        return locked


def view_adopt(*, view, actor, reply, now=None):
    """The view is adopted: the reply says what will be done. An answer given before stays
    the one that counted for the deadline."""
    now = now or timezone.now()
    reply = _required_text(reply, "reply", _("请写明采纳后的具体措施。"))
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.ADOPT)
        before = locked.status
        _answer(locked, reply, now)
        locked.status, locked.adopted_at = ViewStatus.ADOPTED, now
        locked.save()
        _record(
            locked,
            ViewAction.ADOPT,
            actor=actor,
            from_status=before,
            note=reply,
            department=locked.handling_department,
            created_at=now,
        )
        return locked


def view_refer(*, view, actor, reason, now=None):
    """Send the view to accountability review (county supervisors); a case opened by the
    accountability-review group decides it."""
    now = now or timezone.now()
    reason = _required_text(reason, "reason", _("请填写转问责审查的理由。"))
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.REFER)
        before = locked.status
        locked.status, locked.referred_at = ViewStatus.REFERRED, now
        locked.save()
        _record(
            locked, ViewAction.REFER, actor=actor, from_status=before, note=reason, created_at=now
        )
        return locked


def view_set_published(*, view, actor, published, now=None):
    """Show the view (de-identified), its status and answer on the session page, or stop."""
    now = now or timezone.now()
    action = ViewAction.PUBLISH if published else ViewAction.UNPUBLISH
    with transaction.atomic():
        locked = _lock(view, actor, action)
        locked.published = published
        locked.save()
        _record(locked, action, actor=actor, from_status=locked.status, created_at=now)
        return locked


def view_record_review_outcome(*, view, actor, outcome, now=None):
    """Log an accountability decision on a view it examined (called by `case_decide`)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(view, actor, ViewAction.REVIEW_DECIDED)
        _record(
            locked,
            ViewAction.REVIEW_DECIDED,
            actor=actor,
            from_status=locked.status,
            note=outcome,
            created_at=now,
        )
        return locked
