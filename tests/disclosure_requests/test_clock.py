"""The statutory clock in working days: receipt, correction, third party, extension, fees,
and the 2027 holidays that no official calendar knows yet."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure_requests import services
from disclosure_requests.models import (
    Action,
    Channel,
    DisclosureRequest,
    DisclosureRequestEvent,
    Outcome,
    Reason,
    Status,
)
from tests.disclosure_requests.conftest import at

D = datetime.date
pytestmark = pytest.mark.django_db


MONDAY = D(2026, 3, 2)


def received(make_request, handler, day=MONDAY):
    req = make_request(day)
    return services.request_confirm_receipt(request=req, actor=handler, now=at(day))


def test_online_request_waits_for_confirmation_and_runs_20_working_days_from_it(
    make_request, housing_handler
):
    req = make_request(D(2026, 2, 27))
    assert req.status == Status.SUBMITTED
    assert req.tracking_number == "YS202602270001"
    assert req.reply_deadline is None and req.received_on is None
    req = services.request_confirm_receipt(
        request=req, actor=housing_handler, now=at(D(2026, 3, 2))
    )
    assert req.received_on == D(2026, 3, 2)
    assert req.reply_deadline == D(2026, 3, 30)


def test_request_handed_in_is_received_the_same_day(make_request):
    req = make_request(D(2026, 3, 2), channel=Channel.IN_PERSON)
    assert req.status == Status.PROCESSING
    assert req.received_on == D(2026, 3, 2)
    assert req.reply_deadline == D(2026, 3, 30)


def test_tracking_numbers_count_per_day(make_request):
    first, second = make_request(D(2026, 3, 2)), make_request(D(2026, 3, 2))
    other_day = make_request(D(2026, 3, 3))
    assert [first.tracking_number, second.tracking_number, other_day.tracking_number] == [
        "YS202603020001",
        "YS202603020002",
        "YS202603030001",
    ]


def test_deadline_over_new_year_2027_skips_1_january(make_request, housing_handler):
    req = received(make_request, housing_handler, D(2026, 12, 21))
    # 22–25, 28–31 December (8), 1 January off, 4–15 January (18), 18 and 19 January.
    assert req.reply_deadline == D(2027, 1, 19)


def test_deadline_over_spring_festival_2027_skips_the_four_holidays(make_request, housing_handler):
    req = received(make_request, housing_handler, D(2027, 1, 25))
    # 除夕 5 February (Friday) to 初三 8 February (Monday) are off.
    assert req.reply_deadline == D(2027, 2, 24)


def test_correction_restarts_the_period_from_the_corrected_request(make_request, housing_handler):
    req = received(make_request, housing_handler)
    req = services.request_ask_correction(
        request=req, actor=housing_handler, items="请写明项目名称和年度。", now=at(D(2026, 3, 10))
    )
    assert req.status == Status.CORRECTION
    assert req.reply_deadline is None
    assert req.correction_deadline == D(2026, 3, 31)
    req = services.request_receive_correction(
        request=req, actor=housing_handler, now=at(D(2026, 3, 20))
    )
    assert req.status == Status.PROCESSING
    assert req.clock_started_on == D(2026, 3, 20)
    # 4–6 April (清明) are off.
    assert req.reply_deadline == D(2026, 4, 20)


def test_correction_only_within_7_working_days_of_receipt(make_request, housing_handler):
    req = received(make_request, housing_handler)
    with pytest.raises(ValidationError, match="7 个工作日内（截至 2026-03-11）"):
        services.request_ask_correction(
            request=req, actor=housing_handler, items="请写明年度。", now=at(D(2026, 3, 12))
        )


def test_correction_is_asked_once(make_request, housing_handler):
    req = received(make_request, housing_handler)
    req = services.request_ask_correction(
        request=req, actor=housing_handler, items="请写明年度。", now=at(D(2026, 3, 3))
    )
    req = services.request_receive_correction(
        request=req, actor=housing_handler, now=at(D(2026, 3, 4))
    )
    with pytest.raises(ValidationError, match="补正只能告知一次"):
        services.request_ask_correction(
            request=req, actor=housing_handler, items="还缺材料。", now=at(D(2026, 3, 5))
        )


def test_correction_request_must_list_what_is_missing(make_request, housing_handler):
    req = received(make_request, housing_handler)
    with pytest.raises(ValidationError, match="逐项列明"):
        services.request_ask_correction(
            request=req, actor=housing_handler, items=" ", now=at(D(2026, 3, 3))
        )


def test_request_not_corrected_in_time_is_closed_as_withdrawn(make_request, housing_handler):
    req = received(make_request, housing_handler)
    services.request_ask_correction(
        request=req, actor=housing_handler, items="请写明年度。", now=at(D(2026, 3, 10))
    )
    assert services.requests_sweep(today=D(2026, 3, 31))[0] == 0
    closed, _reminded = services.requests_sweep(today=D(2026, 4, 1))
    req.refresh_from_db()
    assert closed == 1
    assert req.status == Status.CONCLUDED
    assert (req.outcome, req.reason) == (Outcome.OTHER, Reason.NOT_CORRECTED)


def test_third_party_time_is_not_counted(make_request, housing_handler):
    req = received(make_request, housing_handler)
    req = services.request_consult_third_party(
        request=req,
        actor=housing_handler,
        third_party="示例县某建设有限公司",
        now=at(D(2026, 3, 9)),
    )
    assert req.status == Status.CONSULTING
    assert req.third_party_deadline == D(2026, 3, 30)
    assert req.reply_deadline is None
    req = services.request_third_party_answered(
        request=req, actor=housing_handler, now=at(D(2026, 3, 20))
    )
    assert req.paused_working_days == 9
    # 30 March plus the 9 working days of the consultation, 6 April (清明) off.
    assert req.reply_deadline == D(2026, 4, 13)


def test_extension_once_by_at_most_20_working_days_with_approval(make_request, housing_handler):
    req = received(make_request, housing_handler)
    with pytest.raises(ValidationError, match="1 至 20"):
        services.request_extend(
            request=req, actor=housing_handler, days=21, approved_by="王局长", reason="材料多"
        )
    with pytest.raises(ValidationError, match="负责人同意"):
        services.request_extend(
            request=req, actor=housing_handler, days=20, approved_by="", reason="材料多"
        )
    req = services.request_extend(
        request=req,
        actor=housing_handler,
        days=20,
        approved_by="王局长",
        reason="涉及档案较多",
        now=at(D(2026, 3, 25)),
    )
    assert req.reply_deadline == D(2026, 4, 28)
    assert req.extension_approved_by == "王局长"
    with pytest.raises(ValidationError, match="只能延长一次"):
        services.request_extend(
            request=req, actor=housing_handler, days=5, approved_by="王局长", reason="再延"
        )
    event = req.events.get(action=Action.EXTEND)
    assert event.public_note == "涉及档案较多"


def test_fee_wait_is_not_counted_and_unpaid_fee_closes_the_request(make_request, housing_handler):
    req = received(make_request, housing_handler)
    req = services.request_fee_notice(
        request=req, actor=housing_handler, amount=Decimal("300.00"), now=at(D(2026, 3, 9))
    )
    assert req.status == Status.FEE and req.fee_deadline == D(2026, 4, 7)
    paid = services.request_fee_paid(request=req, actor=housing_handler, now=at(D(2026, 3, 16)))
    assert paid.paused_working_days == 5
    assert paid.reply_deadline == D(2026, 4, 7)

    unpaid = received(make_request, housing_handler)
    services.request_fee_notice(
        request=unpaid, actor=housing_handler, amount=Decimal("100.00"), now=at(D(2026, 3, 9))
    )
    services.requests_sweep(today=D(2026, 4, 8))
    unpaid.refresh_from_db()
    assert (unpaid.status, unpaid.reason) == (Status.CONCLUDED, Reason.NOT_PAID)


def test_overdue_requests_and_late_reply(make_request, housing_handler):
    req = received(make_request, housing_handler)
    assert not DisclosureRequest.objects.overdue(D(2026, 3, 30)).exists()
    assert list(DisclosureRequest.objects.overdue(D(2026, 3, 31))) == [req]
    req = services.request_reply(
        request=req,
        actor=housing_handler,
        outcome=Outcome.DISCLOSED,
        text="见附件。",
        now=at(D(2026, 3, 31)),
    )
    assert req.replied_late
    assert not DisclosureRequest.objects.overdue(D(2026, 3, 31)).exists()


def test_withheld_reply_needs_one_of_the_reports_reasons(make_request, housing_handler):
    req = received(make_request, housing_handler)
    with pytest.raises(ValidationError, match="须选择具体理由"):
        services.request_reply(request=req, actor=housing_handler, outcome=Outcome.WITHHELD)
    with pytest.raises(ValidationError, match="须选择具体理由"):
        services.request_reply(
            request=req, actor=housing_handler, outcome=Outcome.WITHHELD, reason=Reason.NOT_HELD
        )
    req = services.request_reply(
        request=req, actor=housing_handler, outcome=Outcome.WITHHELD, reason=Reason.STATE_SECRET
    )
    assert req.status == Status.CONCLUDED
    with pytest.raises(ValidationError, match="已办结"):
        services.request_reply(request=req, actor=housing_handler, outcome=Outcome.DISCLOSED)


def test_other_departments_handler_may_not_act(make_request, resources_handler, office):
    req = make_request()
    with pytest.raises(PermissionDenied):
        services.request_confirm_receipt(request=req, actor=resources_handler)
    assert services.request_confirm_receipt(request=req, actor=office).status == Status.PROCESSING


def test_transfer_moves_the_request_with_its_reason(
    make_request, housing_handler, resources, resources_handler
):
    req = received(make_request, housing_handler)
    with pytest.raises(ValidationError, match="转办理由"):
        services.request_transfer(
            request=req, actor=housing_handler, department=resources, reason=""
        )
    req = services.request_transfer(
        request=req,
        actor=housing_handler,
        department=resources,
        reason="该信息由自然资源局制作保存",
    )
    assert req.department == resources
    services.request_reply(request=req, actor=resources_handler, outcome=Outcome.DISCLOSED)


def test_reminder_recorded_once_before_the_deadline(make_request, housing_handler):
    received(make_request, housing_handler)
    assert services.requests_sweep(today=D(2026, 3, 24))[1] == 0
    assert services.requests_sweep(today=D(2026, 3, 25))[1] == 1
    assert services.requests_sweep(today=D(2026, 3, 26))[1] == 0
    assert DisclosureRequestEvent.objects.filter(action=Action.REMIND).count() == 1


def test_events_are_immutable(make_request):
    make_request()
    with pytest.raises(TypeError):
        DisclosureRequestEvent.objects.all().delete()
    with pytest.raises(TypeError):
        DisclosureRequestEvent.objects.update(note="x")


def test_reminder_mails_the_departments_handlers(
    make_request, housing_handler, django_capture_on_commit_callbacks, mailoutbox
):
    received(make_request, housing_handler)
    with django_capture_on_commit_callbacks(execute=True):
        services.requests_sweep(today=D(2026, 3, 25))
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["housing@example.gov.cn"]
    assert "答复期限即将到期" in message.subject
    assert "李四" not in message.body and "2026年03月30日" in message.body
