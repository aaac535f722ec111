"""Retention of decision comments: the monthly purge command blanks the commenter's name and
contact after PERSONAL_DATA_RETENTION_YEARS and masks personal data in the texts; the comment,
its outcome and the adoption report stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from decisions.factories import PublicCommentFactory
from decisions.models import ModerationStatus, PublicComment, ResponseOutcome

pytestmark = pytest.mark.django_db
COMMAND = "purge_complaint_personal_data"


def years_ago(years):
    return timezone.now() - datetime.timedelta(days=366 * years)


def old_comment(notice, years):
    return PublicCommentFactory(
        notice=notice,
        submitted_at=years_ago(years),
        name="王小明",
        contact="wang.xm(at)example.com",
        text="我是王小明，电话１３８－００１３－８０００。建议延长停车免费时间。",
        status=ModerationStatus.PUBLISHED,
        published_text="我是王某某。建议延长停车免费时间。",
        outcome=ResponseOutcome.ADOPTED,
        response_reason="王小明的建议已采纳。",
    )


def test_purge_blanks_name_and_contact_of_old_comments(notice):
    old = old_comment(notice, 4)
    recent = old_comment(notice, 1)
    out = StringIO()
    call_command(COMMAND, stdout=out)
    assert "已清除 1 条决策征求意见的个人信息" in out.getvalue()

    old.refresh_from_db()
    assert (old.name, old.contact) == ("", "")
    assert old.personal_data_purged_at is not None
    for text in (old.text, old.published_text, old.response_reason):
        assert "王小明" not in text and "１３８－００１３" not in text
    assert "138****8000" in old.text and "王某某" in old.response_reason
    # What the adoption report needs stays.
    assert old.status == ModerationStatus.PUBLISHED and old.outcome == ResponseOutcome.ADOPTED
    assert "建议延长停车免费时间" in old.published_text
    assert ModelLogEntry.objects.filter(
        object_id=str(old.pk), action="decisions.comment.purge"
    ).exists()
    recent.refresh_from_db()
    assert recent.name == "王小明" and recent.contact == "wang.xm(at)example.com"


def test_dry_run_refusal_and_the_setting_decide(notice, settings):
    old_comment(notice, 2)
    settings.PERSONAL_DATA_RETENTION_YEARS = 3
    out = StringIO()
    call_command(COMMAND, stdout=out)
    assert "已清除 0 条决策征求意见" in out.getvalue()
    with pytest.raises(CommandError, match="至少为 1 年"):
        call_command(COMMAND, "--years", "0")
    call_command(COMMAND, "--years", "1", "--dry-run", stdout=out)
    assert "有 1 条的个人信息将被清除" in out.getvalue()
    assert PublicComment.objects.get().name == "王小明"
    call_command(COMMAND, "--years", "1", stdout=out)
    call_command(COMMAND, "--years", "1", stdout=out)
    assert out.getvalue().count("已清除 1 条决策征求意见") == 1
    assert PublicComment.objects.get().name == ""
