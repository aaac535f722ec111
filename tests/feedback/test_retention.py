"""purge_complaint_personal_data: personal data of long-closed complaints is blanked; the rest
stays for statistics."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from feedback import selectors, services
from feedback.factories import ComplaintFactory, advance, at
from feedback.models import Action, Complaint, Rating, Status
from feedback.uploads import CleanUpload

pytestmark = pytest.mark.django_db
D = datetime.date


def old_closed_complaint(department, actor, *, years_ago):
    day = timezone.localdate().replace(year=timezone.localdate().year - years_ago, month=3, day=2)
    complaint = ComplaintFactory(
        department=department,
        name="王小明",
        phone="13812345678",
        email="wang@example.com",
        subject="王小明反映收费问题",
        description="我是王小明，电话13812345678，住在人民路128号。窗口多收了费用，请核查处理。",
        location="人民路128号",
        attachments=[
            CleanUpload(kind="pdf", content=b"%PDF-1.4\n%%EOF", original_name="王小明.pdf")
        ],
        now=at(day, 9),
    )
    moments = [at(day, 10), at(day, 15), at(day, 20)]
    complaint = advance(
        complaint, Status.REPLIED, actor=actor, reply="已向王小明退还多收费用。", moments=moments
    )
    return services.complaint_rate(
        complaint=complaint, rating=Rating.SATISFIED, comment="王小明表示感谢", now=moments[2]
    )


def test_purge_blanks_personal_data_of_long_closed_complaints(market, market_handler):
    old = old_closed_complaint(market, market_handler, years_ago=4)
    recent = old_closed_complaint(market, market_handler, years_ago=1)
    stored = old.attachments.get().file.name
    storage = old.attachments.get().file.storage
    assert storage.exists(stored)
    before = selectors.monthly_figures(old.submitted_at.year, 3)["total"]

    out = StringIO()
    call_command("purge_complaint_personal_data", stdout=out)
    assert "已清除 1 件投诉的个人信息" in out.getvalue()

    old.refresh_from_db()
    assert (old.name, old.phone, old.email) == ("", "", "")
    assert old.personal_data_purged_at is not None
    for text in (old.subject, old.description, old.location, old.reply, old.rating_comment):
        assert "王小明" not in text and "13812345678" not in text
    assert "王某某" in old.description and "138****5678" in old.description
    assert not old.attachments.exists()
    assert all("王小明" not in note for note in old.events.values_list("note", flat=True))
    assert old.events.filter(action=Action.PURGE).exists()
    # What statistics need stays.
    assert (old.category, old.department, old.status, old.rating) == (
        recent.category,
        market,
        Status.CLOSED,
        Rating.SATISFIED,
    )
    assert selectors.monthly_figures(old.submitted_at.year, 3)["total"] == before
    recent.refresh_from_db()
    assert recent.name == "王小明" and recent.attachments.exists()


def test_purge_removes_the_attachment_files(
    market, market_handler, django_capture_on_commit_callbacks
):
    old = old_closed_complaint(market, market_handler, years_ago=5)
    attachment = old.attachments.get()
    name, storage = attachment.file.name, attachment.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        assert services.complaint_purge_personal_data(closed_before=timezone.now()) == 1
    assert not storage.exists(name)


def test_purge_is_idempotent_and_respects_the_setting(market, market_handler, settings):
    old_closed_complaint(market, market_handler, years_ago=2)
    settings.PERSONAL_DATA_RETENTION_YEARS = 3
    out = StringIO()
    call_command("purge_complaint_personal_data", stdout=out)
    assert "已清除 0 件" in out.getvalue()
    call_command("purge_complaint_personal_data", "--years", "1", "--dry-run", stdout=out)
    assert "有 1 件的个人信息将被清除" in out.getvalue()
    assert Complaint.objects.get().name == "王小明"
    call_command("purge_complaint_personal_data", "--years", "1", stdout=out)
    call_command("purge_complaint_personal_data", "--years", "1", stdout=out)
    assert out.getvalue().count("已清除 1 件") == 1
    assert Complaint.objects.get().events.filter(action=Action.PURGE).count() == 1


def test_purge_never_touches_open_complaints(market, market_handler):
    complaint = ComplaintFactory(department=market, now=at(D(2019, 3, 4), 9))
    services.complaint_purge_personal_data(closed_before=timezone.now())
    complaint.refresh_from_db()
    assert complaint.name == "张三" and complaint.personal_data_purged_at is None


def test_purge_refuses_a_retention_under_one_year():
    with pytest.raises(CommandError, match="至少为 1 年"):
        call_command("purge_complaint_personal_data", "--years", "0")


def test_purge_masks_every_written_form_of_contact_data(market, market_handler):
    day = D(timezone.localdate().year - 4, 3, 2)
    complaint = ComplaintFactory(
        department=market,
        subject="请回电１３８－００１３－８０００",
        description=(
            "身份证330102 19900101 123X，老证330102900101123，座机(0571)86012345，"
            "手机一三八〇〇一三八〇〇〇，邮箱wang.xm(at)example.com。"
        ),
        now=at(day, 9),
    )
    moments = [at(day, 10), at(day, 15), at(day, 20)]
    complaint = advance(
        complaint,
        Status.REPLIED,
        actor=market_handler,
        reply="已致电0571 8601 2345说明。",
        moments=moments,
    )
    services.complaint_rate(
        complaint=complaint, rating=Rating.SATISFIED, comment="谢谢，138.0013.8000", now=moments[2]
    )
    call_command("purge_complaint_personal_data", stdout=StringIO())
    complaint.refresh_from_db()
    texts = (complaint.subject, complaint.description, complaint.reply, complaint.rating_comment)
    flat = "".join(texts)
    assert "138****8000" in complaint.subject and "wang.xm" not in flat
    for secret in ("１３８－００１３", "一三八〇〇", "19900101", "330102900101123", "86012345"):
        assert secret not in flat, secret
    assert "8601 2345" not in flat and "0013.8000" not in flat


def test_dry_run_also_counts_decision_comments(market, market_handler):
    from decisions.factories import PublicCommentFactory

    PublicCommentFactory(submitted_at=timezone.now() - datetime.timedelta(days=5 * 366))
    out = StringIO()
    call_command("purge_complaint_personal_data", "--dry-run", stdout=out)
    assert "有 1 条的个人信息将被清除" in out.getvalue()
