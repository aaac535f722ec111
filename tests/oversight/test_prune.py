"""prune_audit_log: entries older than N days (N ≥ 180) go, open cases keep their whole trace,
--dry-run only counts, and a shorter period is refused in Chinese."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from feedback.factories import (
    ComplaintFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    advance,
    at,
    handler,
    supervisor,
    symposium_view,
)
from feedback.models import ComplaintEvent, Status, SymposiumViewEvent
from feedback.services import view_reply
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return at(timezone.localdate() - datetime.timedelta(days=days))


@pytest.fixture
def market(db):
    return DepartmentFactory(name="示例县市场监督管理局", code="11331003")


@pytest.fixture
def history(home, market, superuser):
    """Old and recent log entries, an old closed complaint, an old complaint still open, and a
    closed complaint whose last step was recent."""
    actor = handler(market)
    old_log = log(instance=market, action="wagtail.edit", user=superuser)
    ModelLogEntry.objects.filter(pk=old_log.pk).update(timestamp=days_ago(400))
    recent_log = log(instance=market, action="wagtail.edit", user=superuser)
    home.save_revision(user=superuser).publish(user=superuser)
    PageLogEntry.objects.update(timestamp=days_ago(300))

    def complaint(status, *, start, steps):
        moments = [days_ago(day) for day in steps]
        submitted = ComplaintFactory(department=market, now=days_ago(start))
        return advance(submitted, status, actor=actor, moments=moments)

    return {
        "recent_log": recent_log,
        "closed_old": complaint(Status.CLOSED, start=300, steps=(299, 290, 280)),
        "open_old": complaint(Status.ACCEPTED, start=300, steps=(299,)),
        "closed_recent": complaint(Status.CLOSED, start=300, steps=(299, 290, 10)),
    }


def run(*args):
    out = StringIO()
    call_command("prune_audit_log", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("days", ["0", "30", "179"])
def test_refuses_less_than_180_days(db, days):
    with pytest.raises(CommandError, match="至少保留 180 天"):
        run("--older-than-days", days)


def test_older_than_days_is_required(db):
    with pytest.raises(CommandError):
        run()


def test_dry_run_counts_and_deletes_nothing(history):
    before = (
        ModelLogEntry.objects.count(),
        PageLogEntry.objects.count(),
        ComplaintEvent.objects.count(),
    )
    output = run("--older-than-days", "180", "--dry-run")
    assert "将删除" in output and "未做任何修改" in output
    closed_old_events = ComplaintEvent.objects.filter(complaint=history["closed_old"]).count()
    assert closed_old_events >= 4
    assert f"投诉办理记录：将删除 {closed_old_events} 条" in output
    assert "其他对象操作记录：将删除 1 条" in output
    after = (
        ModelLogEntry.objects.count(),
        PageLogEntry.objects.count(),
        ComplaintEvent.objects.count(),
    )
    assert after == before


def test_prunes_old_entries_and_keeps_open_and_recent_traces(history):
    kept = {
        key: ComplaintEvent.objects.filter(complaint=history[key]).count()
        for key in ("open_old", "closed_recent")
    }
    output = run("--older-than-days", "180")
    assert "已删除" in output
    assert list(ModelLogEntry.objects.values_list("pk", flat=True)) == [history["recent_log"].pk]
    assert not PageLogEntry.objects.exists()
    assert not ComplaintEvent.objects.filter(complaint=history["closed_old"]).exists()
    # An open complaint and a complaint closed recently keep every event, however old.
    for key, count in kept.items():
        assert count >= 2
        assert ComplaintEvent.objects.filter(complaint=history[key]).count() == count


def test_a_longer_period_keeps_more(history):
    run("--older-than-days", "350")
    assert PageLogEntry.objects.exists()
    assert ModelLogEntry.objects.count() == 1
    assert ComplaintEvent.objects.filter(complaint=history["closed_old"]).exists()


def test_symposium_view_events_go_only_once_answered(home, market):
    index = SymposiumIndexPageFactory(parent=home)
    session = SymposiumPageFactory(
        parent=index, host_department=market, date=timezone.localdate() - datetime.timedelta(400)
    )
    chief = supervisor()
    answered = symposium_view(session, actor=chief, handling_department=market, now=days_ago(300))
    view_reply(view=answered, actor=handler(market), reply="已研究采纳。", now=days_ago(290))
    still_open = symposium_view(session, actor=chief, handling_department=market, now=days_ago(300))
    run("--older-than-days", "180")
    assert not SymposiumViewEvent.objects.filter(view=answered).exists()
    assert SymposiumViewEvent.objects.filter(view=still_open).exists()
