"""E-mails: handlers on assignment, supervisors for unrouted and escalated complaints,
reminders one working day before a deadline, the complainant on news; plain text, no contact."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from feedback import services
from feedback.factories import ComplaintFactory, advance, at
from feedback.models import Complaint, Rating, Status

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_assignment_mails_the_new_departments_handlers(
    market, transport, market_handler, transport_handler, chief, on_commit
):
    complaint = advance(ComplaintFactory(department=market), Status.ACCEPTED, actor=market_handler)
    with on_commit():
        services.complaint_assign(
            complaint=complaint, actor=chief, department=transport, reason="属交通部门职责"
        )
    assert [m.to for m in mail.outbox] == [["transport@example.gov.cn"]]
    assert "新投诉待办理" in mail.outbox[0].subject


def test_unrouted_complaint_goes_to_the_supervisors(chief, on_commit):
    with on_commit():
        ComplaintFactory(department=None)
    assert [m.to for m in mail.outbox] == [["chief@example.gov.cn"]]
    assert "新投诉待转办" in mail.outbox[0].subject


def test_a_department_without_handlers_falls_back_to_the_supervisors(market, chief, on_commit):
    with on_commit():
        ComplaintFactory(department=market)
    assert [m.to for m in mail.outbox] == [["chief@example.gov.cn"]]


def test_inactive_handlers_and_other_departments_get_nothing(
    market, market_handler, transport_handler, on_commit
):
    colleague = type(market_handler).objects.get(pk=market_handler.pk)
    colleague.pk = None
    colleague.username, colleague.email, colleague.is_active = "old", "old@example.gov.cn", False
    colleague.save()
    with on_commit():
        ComplaintFactory(department=market)
    assert [m.to for m in mail.outbox] == [["market@example.gov.cn"]]


def test_reopened_and_escalated_complaints_are_announced(market, market_handler, chief, on_commit):
    complaint = advance(ComplaintFactory(department=market), Status.REPLIED, actor=market_handler)
    with on_commit():
        services.complaint_rate(complaint=complaint, rating=Rating.DISSATISFIED, comment="不满意")
    assert "投诉人不满意，请重新办理" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == ["market@example.gov.cn"]
    services.complaint_reply(complaint=complaint, actor=market_handler, reply="再次答复的内容。")
    with on_commit():
        services.complaint_rate(complaint=complaint, rating=Rating.DISSATISFIED, comment="仍不满")
    assert "请督查处理" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == ["chief@example.gov.cn"]


def test_the_complainant_hears_of_a_reply_without_its_content(
    market, market_handler, complaint_page, on_commit
):
    complaint = advance(
        ComplaintFactory(department=market, email="citizen@example.com"),
        Status.ACCEPTED,
        actor=market_handler,
    )
    with on_commit():
        services.complaint_reply(
            complaint=complaint, actor=market_handler, reply="答复中含有处理细节。"
        )
    message = mail.outbox[-1]
    assert message.to == ["citizen@example.com"]
    assert "答复中含有处理细节" not in message.body
    assert "/complaints/status/" in message.body


def test_notifications_can_be_suppressed_for_imports(market, market_handler, on_commit):
    with on_commit(), services.notifications_suppressed():
        ComplaintFactory(department=market)
    assert mail.outbox == []


# --- send_deadline_reminders ----------------------------------------------------------------


def test_reminder_one_working_day_before_the_acceptance_deadline(
    market, market_handler, on_commit, site_limits
):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 9, 30), 9))
    assert complaint.accept_deadline == D(2026, 10, 8)
    with on_commit():
        assert services.complaint_send_deadline_reminders(today=D(2026, 9, 29)) == 0
        # On 30 September the next working day is 8 October, the deadline.
        assert services.complaint_send_deadline_reminders(today=D(2026, 9, 30)) == 1
        assert services.complaint_send_deadline_reminders(today=D(2026, 10, 5)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["market@example.gov.cn"]
    assert "受理期限即将到期" in message.subject and "2026年10月8日" in message.body


def test_reminder_for_the_reply_deadline_after_acceptance(
    market, market_handler, on_commit, site_limits
):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 9, 30), 9))
    services.complaint_accept(complaint=complaint, actor=market_handler, now=at(D(2026, 9, 30), 10))
    with on_commit():
        assert services.complaint_send_deadline_reminders(today=D(2026, 10, 23)) == 0
        assert services.complaint_send_deadline_reminders(today=D(2026, 10, 26)) == 1
    assert "答复期限即将到期" in mail.outbox[-1].subject


def test_answered_complaints_get_no_reminder(market, market_handler, on_commit, site_limits):
    complaint = ComplaintFactory(department=market, now=at(D(2026, 9, 30), 9))
    services.complaint_reject(complaint=complaint, actor=market_handler, reason="不属于受理范围")
    with on_commit():
        assert services.complaint_send_deadline_reminders(today=D(2026, 9, 30)) == 0
    assert mail.outbox == []


def test_reminder_command(market, market_handler, site_limits, django_capture_on_commit_callbacks):
    ComplaintFactory(department=market, now=at(D(2026, 9, 30), 9))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--date", "2026-09-30", stdout=out)
    assert "已发送 1 条到期提醒" in out.getvalue()
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError, match="日期格式"):
        call_command("send_deadline_reminders", "--date", "30/09/2026")


def test_a_reminder_survives_a_failing_mail_server(
    market, market_handler, settings, site_limits, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.feedback.failing_mail.Backend"
    ComplaintFactory(department=market, now=at(D(2026, 9, 30), 9))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.complaint_send_deadline_reminders(today=D(2026, 9, 30)) == 1
    assert Complaint.objects.get().reminded_deadline == D(2026, 10, 8)
