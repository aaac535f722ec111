"""Every action through services.py: allowed and refused transitions, roles, deadlines on the
working-day calendar, immutable events."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError

from feedback import services
from feedback.factories import ComplaintFactory, advance, at
from feedback.models import Action, Complaint, ComplaintEvent, Rating, Status
from portal.factories import portal_settings

pytestmark = pytest.mark.django_db

S = Status
D = datetime.date


def in_status(status, *, department, handler, chief):
    complaint = ComplaintFactory(department=department)
    if status == S.REFERRED:
        complaint = advance(complaint, S.REPLIED, actor=handler)
        return services.complaint_refer(
            complaint=complaint, actor=chief, reason="转入问责审查核实。"
        )
    return advance(complaint, status, actor=handler)


# The expected state rule, written out by hand: which statuses allow each action.
EXPECTED = {
    "accept": {S.SUBMITTED},
    "reject": {S.SUBMITTED},
    "assign": {S.SUBMITTED, S.ACCEPTED, S.REOPENED},
    "extend": {S.ACCEPTED, S.REOPENED},
    "reply": {S.ACCEPTED, S.REOPENED},
    "rate": {S.REPLIED},
    "close": {S.REPLIED, S.ESCALATED},
    "refer": {S.ACCEPTED, S.REPLIED, S.REOPENED, S.ESCALATED, S.CLOSED},
    "review": {S.REFERRED},
}


def perform(action, complaint, *, chief, other_department):
    calls = {
        "accept": lambda: services.complaint_accept(complaint=complaint, actor=chief),
        "reject": lambda: services.complaint_reject(
            complaint=complaint, actor=chief, reason="不属于受理范围。"
        ),
        "assign": lambda: services.complaint_assign(
            complaint=complaint, actor=chief, department=other_department, reason="职责调整。"
        ),
        "extend": lambda: services.complaint_extend(
            complaint=complaint, actor=chief, days=5, reason="需要现场核查。"
        ),
        "reply": lambda: services.complaint_reply(
            complaint=complaint, actor=chief, reply="经核查，已整改完毕。"
        ),
        "rate": lambda: services.complaint_rate(complaint=complaint, rating=Rating.SATISFIED),
        "close": lambda: services.complaint_close(complaint=complaint, actor=chief),
        "refer": lambda: services.complaint_refer(
            complaint=complaint, actor=chief, reason="涉嫌吃拿卡要。"
        ),
        "review": lambda: services.complaint_record_review_outcome(
            complaint=complaint, actor=chief, outcome="通报批评"
        ),
    }
    return calls[action]()


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(EXPECTED))
def test_every_transition_is_allowed_or_refused(
    status, action, market, transport, market_handler, chief
):
    complaint = in_status(status, department=market, handler=market_handler, chief=chief)
    assert complaint.status == status
    events_before = complaint.events.count()
    if status in EXPECTED[action]:
        result = perform(action, complaint, chief=chief, other_department=transport)
        assert complaint.events.count() > events_before
        event = complaint.events.order_by("-pk").first()
        assert event.to_status == result.status
    else:
        with pytest.raises(services.ActionRefused) as refused:
            perform(action, complaint, chief=chief, other_department=transport)
        message = refused.value.messages[0]
        assert "不能进行" in message or message == "该投诉已转入问责审查。"
        assert Complaint.objects.get(pk=complaint.pk).status == status
        assert complaint.events.count() == events_before


def test_each_event_records_who_when_what_and_the_states(market, market_handler):
    complaint = ComplaintFactory(department=market)
    moment = at(D(2026, 11, 20), 9, 30)
    services.complaint_accept(complaint=complaint, actor=market_handler, now=moment)
    accept, assign = complaint.events.order_by("pk")[1:3]
    assert (accept.action, accept.from_status, accept.to_status) == (
        Action.ACCEPT,
        S.SUBMITTED,
        S.ACCEPTED,
    )
    assert accept.actor == market_handler and accept.actor_name == market_handler.username
    assert accept.created_at == moment
    assert (assign.action, assign.department) == (Action.ASSIGN, market)


def test_events_cannot_be_changed_or_deleted(market):
    complaint = ComplaintFactory(department=market)
    with pytest.raises(TypeError):
        ComplaintEvent.objects.filter(complaint=complaint).update(note="改写")
    with pytest.raises(TypeError):
        ComplaintEvent.objects.filter(complaint=complaint).delete()
    with pytest.raises(ProtectedError):
        complaint.delete()


def test_handlers_act_only_on_their_own_department(market, transport, market_handler):
    complaint = ComplaintFactory(department=transport)
    with pytest.raises(PermissionDenied):
        services.complaint_accept(complaint=complaint, actor=market_handler)
    assert Complaint.objects.get().status == S.SUBMITTED


def test_handlers_cannot_refer_or_withhold(market, market_handler):
    complaint = advance(ComplaintFactory(department=market), S.REPLIED, actor=market_handler)
    with pytest.raises(PermissionDenied):
        services.complaint_refer(complaint=complaint, actor=market_handler, reason="自己转问责")
    with pytest.raises(PermissionDenied):
        services.complaint_set_publication(
            complaint=complaint, actor=market_handler, withheld=True, reason="不想公开"
        )


def test_a_department_closes_only_after_the_rating_period(market, market_handler, chief):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 11, 2), 9))
    complaint = advance(
        complaint,
        S.REPLIED,
        actor=market_handler,
        moments=[at(D(2026, 11, 2), 10), at(timezone_today(), 0, 1)],
    )
    with pytest.raises(PermissionDenied):
        services.complaint_close(complaint=complaint, actor=market_handler)
    # Ten working days after an old reply, the department may close it.
    old = advance(
        ComplaintFactory(department=market, now=at(D(2026, 9, 1), 9)),
        S.REPLIED,
        actor=market_handler,
        moments=[at(D(2026, 9, 1), 10), at(D(2026, 9, 2), 10)],
    )
    assert services.complaint_close(complaint=old, actor=market_handler).status == S.CLOSED
    # County supervisors may close the recent one at any time.
    assert services.complaint_close(complaint=complaint, actor=chief).status == S.CLOSED


def timezone_today():
    from django.utils import timezone

    return timezone.localdate()


def test_extension_is_allowed_once_with_a_reason(market, market_handler):
    complaint = advance(ComplaintFactory(department=market), S.ACCEPTED, actor=market_handler)
    with pytest.raises(ValidationError):
        services.complaint_extend(complaint=complaint, actor=market_handler, days=5, reason=" ")
    with pytest.raises(ValidationError):
        services.complaint_extend(complaint=complaint, actor=market_handler, days=16, reason="久")
    services.complaint_extend(complaint=complaint, actor=market_handler, days=5, reason="需要核查")
    with pytest.raises(services.ActionRefused) as refused:
        services.complaint_extend(
            complaint=complaint, actor=market_handler, days=5, reason="再次延期"
        )
    assert (
        "只能延期一次" in refused.value.messages[0] or "已延期过一次" in refused.value.messages[0]
    )


def test_reassigning_needs_a_reason_and_a_different_department(
    market, transport, market_handler, transport_handler, chief
):
    complaint = advance(ComplaintFactory(department=market), S.ACCEPTED, actor=market_handler)
    with pytest.raises(ValidationError):
        services.complaint_assign(complaint=complaint, actor=chief, department=market, reason="x")
    with pytest.raises(ValidationError):
        services.complaint_assign(complaint=complaint, actor=chief, department=transport)
    services.complaint_assign(
        complaint=complaint, actor=market_handler, department=transport, reason="属交通部门职责"
    )
    complaint.refresh_from_db()
    assert complaint.handling_department == transport
    # Now it is the transport department's: the market handler can no longer act on it.
    with pytest.raises(PermissionDenied):
        services.complaint_reply(
            complaint=complaint, actor=market_handler, reply="答复内容十个字以上"
        )
    services.complaint_reply(
        complaint=complaint, actor=transport_handler, reply="已责令整改，答复如上。"
    )


def test_an_unrouted_complaint_is_accepted_into_a_department(transport, chief):
    complaint = ComplaintFactory(department=None)
    assert complaint.handling_department is None
    with pytest.raises(ValidationError):
        services.complaint_accept(complaint=complaint, actor=chief)
    services.complaint_accept(complaint=complaint, actor=chief, department=transport)
    assert Complaint.objects.get().handling_department == transport


def test_rejection_needs_a_reason_and_concludes(market, market_handler):
    complaint = ComplaintFactory(department=market)
    with pytest.raises(ValidationError):
        services.complaint_reject(complaint=complaint, actor=market_handler, reason="")
    complaint = services.complaint_reject(
        complaint=complaint, actor=market_handler, reason="已进入诉讼程序。"
    )
    assert complaint.status == S.REJECTED and complaint.closed_at is not None


def test_review_outcome_closes_a_referred_complaint(market, market_handler, chief):
    complaint = in_status(S.REFERRED, department=market, handler=market_handler, chief=chief)
    complaint = services.complaint_record_review_outcome(
        complaint=complaint, actor=chief, outcome="提醒谈话"
    )
    assert complaint.status == S.CLOSED
    event = complaint.events.order_by("-pk").first()
    assert event.action == Action.REVIEW_DECIDED and event.public_note == "提醒谈话"


# --- deadlines on the working-day calendar --------------------------------------------------


def test_deadlines_across_national_day_2026(market, market_handler, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 9, 30), 16))
    # 1 October to 7 October are off; the next working day is Thursday 8 October.
    assert complaint.accept_deadline == D(2026, 10, 8)
    assert not complaint.is_overdue(D(2026, 10, 8))
    assert complaint.is_overdue(D(2026, 10, 9))
    assert Complaint.objects.overdue(D(2026, 10, 9)).get() == complaint
    assert not Complaint.objects.overdue(D(2026, 10, 8)).exists()
    complaint = services.complaint_accept(
        complaint=complaint, actor=market_handler, now=at(D(2026, 9, 30), 17)
    )
    # 15 working days, counting the make-up working Saturday 10 October.
    assert complaint.reply_deadline == D(2026, 10, 27)
    assert not complaint.accepted_late


def test_deadlines_across_new_year_2027(market, market_handler, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 12, 31), 15))
    # 1 January 2027 (Friday) is a holiday, then the weekend.
    assert complaint.accept_deadline == D(2027, 1, 4)
    complaint = services.complaint_accept(
        complaint=complaint, actor=market_handler, now=at(D(2026, 12, 31), 16)
    )
    assert complaint.reply_deadline == D(2027, 1, 22)


def test_extension_across_spring_festival_2027(market, market_handler, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2027, 1, 8), 9))
    complaint = services.complaint_accept(
        complaint=complaint, actor=market_handler, now=at(D(2027, 1, 8), 10)
    )
    assert complaint.reply_deadline == D(2027, 1, 29)
    complaint = services.complaint_extend(
        complaint=complaint,
        actor=market_handler,
        days=5,
        reason="春节前后需要补充材料。",
        now=at(D(2027, 1, 20), 10),
    )
    # 除夕 5 February to 初三 8 February are computed holidays for 2027.
    assert complaint.reply_deadline == D(2027, 2, 9)


def test_late_acceptance_and_late_reply_are_recorded(market, market_handler, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 11, 2), 9))
    complaint = services.complaint_accept(
        complaint=complaint, actor=market_handler, now=at(D(2026, 11, 4), 9)
    )
    assert complaint.accepted_late
    assert complaint.reply_deadline == D(2026, 11, 25)
    complaint = services.complaint_reply(
        complaint=complaint,
        actor=market_handler,
        reply="迟到的答复内容。",
        now=at(D(2026, 11, 26), 9),
    )
    assert complaint.replied_late


def test_time_limits_come_from_site_settings(market):
    portal_settings(complaint_accept_days=3, complaint_reply_days=5)
    complaint = ComplaintFactory(department=market, now=at(D(2026, 11, 23), 9))  # Monday
    assert complaint.accept_deadline == D(2026, 11, 26)


def test_reopening_starts_a_new_reply_deadline(market, market_handler, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 11, 2), 9))
    complaint = advance(
        complaint,
        S.REOPENED,
        actor=market_handler,
        moments=[at(D(2026, 11, 2), 10), at(D(2026, 11, 5), 10), at(D(2026, 11, 6), 10)],
    )
    assert complaint.status == S.REOPENED
    assert complaint.reply_deadline == D(2026, 11, 27)
    assert complaint.reopened_at is not None
