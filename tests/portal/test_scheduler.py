"""The scheduler: slots per schedule, one run per slot even with two schedulers, failures
recorded and retried, every run kept, late jobs on the self-check, the default schedule."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from hypothesis import given
from hypothesis import strategies as st

from oversight.selectors import check_scheduled_jobs
from portal import scheduler
from portal.models import JobRun
from tests.task_queue import database_task_queue

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime.datetime(*args, tzinfo=BEIJING)


OK_JOB = {"name": "publish", "title": "定时发布", "command": ["publish_scheduled"]}
FAILING_JOB = {
    "name": "reminders",
    "title": "到期提醒",
    "command": ["send_deadline_reminders", "--date", "not-a-date"],
}


@pytest.fixture
def schedule(settings):
    def configure(*entries):
        settings.SCHEDULED_JOBS = list(entries)

    return configure


# -- slots ------------------------------------------------------------------------------------


def job(**entry):
    return scheduler.parse_job({"name": "x", "command": ["publish_scheduled"], **entry})


def test_minute_slot_is_the_start_of_the_minute():
    assert job(every="minute").slot(at(2026, 12, 7, 9, 30, 45)) == at(2026, 12, 7, 9, 30)


def test_daily_slot_is_today_after_the_time_and_yesterday_before_it():
    daily = job(daily="08:00")
    assert daily.slot(at(2026, 12, 7, 8, 0)) == at(2026, 12, 7, 8, 0)
    assert daily.slot(at(2026, 12, 7, 7, 59)) == at(2026, 12, 6, 8, 0)


def test_monthly_slot_goes_back_across_the_year():
    monthly = job(monthly=(2, "03:00"))
    assert monthly.slot(at(2027, 1, 1, 12, 0)) == at(2026, 12, 2, 3, 0)
    assert monthly.slot(at(2027, 1, 2, 3, 0)) == at(2027, 1, 2, 3, 0)


@given(
    moment=st.datetimes(
        min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2035, 12, 31)
    ),
    kind=st.sampled_from(
        [{"every": "minute"}, {"daily": "08:00"}, {"daily": "00:00"}, {"monthly": (28, "23:59")}]
    ),
)
def test_a_slot_is_never_later_than_now_and_is_its_own_slot(moment, kind):
    now = moment.replace(tzinfo=BEIJING)
    parsed = job(**kind)
    slot = parsed.slot(now)
    assert slot <= now
    assert parsed.slot(slot) == slot
    assert now - slot < datetime.timedelta(days=32)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "command": ["publish_scheduled"]}, "every='minute'"),
        ({"name": "x", "command": ["publish_scheduled"], "daily": "25:00"}, "no such time"),
        ({"name": "x", "command": ["publish_scheduled"], "daily": "8 点"}, "HH:MM"),
        ({"name": "x", "command": ["publish_scheduled"], "monthly": (31, "03:00")}, "1-28"),
        ({"name": "x", "daily": "08:00"}, "needs a name and a command"),
    ],
)
def test_a_malformed_entry_is_refused_with_the_reason(entry, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        scheduler.parse_job(entry)


def test_job_names_must_be_unique(schedule):
    schedule({**OK_JOB, "every": "minute"}, {**OK_JOB, "daily": "08:00"})
    with pytest.raises(ImproperlyConfigured, match="unique"):
        scheduler.jobs()


# -- running ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_due_job_runs_once_per_slot(schedule):
    schedule({**OK_JOB, "every": "minute"}, {**OK_JOB, "name": "daily", "daily": "08:00"})
    now = at(2026, 12, 7, 9, 0, 10)
    assert [run.job for run in scheduler.run_pending(now)] == ["publish", "daily"]
    # Again in the same minute, or by a second scheduler: nothing more.
    assert scheduler.run_pending(now + datetime.timedelta(seconds=30)) == []
    later = scheduler.run_pending(now + datetime.timedelta(minutes=1))
    assert [run.job for run in later] == ["publish"]
    assert JobRun.objects.filter(job="publish").count() == 2
    assert JobRun.objects.get(job="daily").slot == at(2026, 12, 7, 8, 0)
    assert all(run.succeeded for run in JobRun.objects.all())


@pytest.mark.django_db
def test_a_failing_job_is_recorded_retried_and_does_not_stop_the_others(schedule):
    schedule({**FAILING_JOB, "daily": "08:00"}, {**OK_JOB, "every": "minute"})
    now = at(2026, 12, 7, 9, 0)
    failed, ok = scheduler.run_pending(now)
    assert failed.succeeded is False and ok.succeeded is True
    assert "CommandError" in failed.output and "YYYY-MM-DD" in failed.output
    # Not retried at once; after RETRY_AFTER, in the same slot, at most RETRIES more times.
    assert [r.job for r in scheduler.run_pending(now + datetime.timedelta(minutes=1))] == [
        "publish"
    ]
    retried = [
        run
        for minutes in (11, 22, 33, 44)
        for run in scheduler.run_pending(now + datetime.timedelta(minutes=minutes))
        if run.job == "reminders"
    ]
    assert [run.attempts for run in retried] == [2, 3]
    assert JobRun.objects.filter(job="reminders").count() == 1


@pytest.mark.django_db
def test_a_run_that_died_running_is_taken_over_after_two_hours(schedule):
    schedule({**OK_JOB, "daily": "08:00"})
    now = at(2026, 12, 7, 9, 0)
    JobRun.objects.create(job="publish", slot=at(2026, 12, 7, 8, 0), started_at=now)
    assert scheduler.run_pending(now + datetime.timedelta(hours=1)) == []
    (run,) = scheduler.run_pending(now + datetime.timedelta(hours=2))
    assert run.succeeded and run.attempts == 2


@pytest.mark.django_db
def test_old_runs_are_pruned(schedule, settings):
    settings.JOB_RUN_KEEP_DAYS = 30
    now = at(2026, 12, 7, 9, 0)
    JobRun.objects.create(job="publish", slot=now - datetime.timedelta(days=31), started_at=now)
    JobRun.objects.create(job="publish", slot=now - datetime.timedelta(days=29), started_at=now)
    assert scheduler.prune_runs(now) == 1
    assert JobRun.objects.count() == 1


@pytest.mark.django_db
def test_personal_data_in_a_jobs_output_is_masked(schedule, monkeypatch):
    schedule({**OK_JOB, "every": "minute"})

    def noisy(*args, stdout, stderr):
        stdout.write("已提醒 13812345678 和 someone@example.com")

    monkeypatch.setattr(scheduler, "call_command", noisy)
    (run,) = scheduler.run_pending(at(2026, 12, 7, 9, 0))
    assert "13812345678" not in run.output and "someone@example.com" not in run.output


# -- late jobs on the self-check --------------------------------------------------------------


@pytest.mark.django_db
def test_self_check_warns_about_jobs_that_did_not_run_on_time(schedule):
    schedule({**OK_JOB, "every": "minute"}, {**FAILING_JOB, "daily": "08:00"})
    now = at(2026, 12, 7, 9, 0)
    row = check_scheduled_jobs(now)
    assert row.count == 2 and row.severity == "danger"
    assert "从未成功运行" in row.items[0]["detail"]
    scheduler.run_pending(now)
    row = check_scheduled_jobs(now + datetime.timedelta(minutes=2))
    assert [item["label"] for item in row.items] == ["到期提醒"]
    assert "最近一次运行失败" in row.items[0]["detail"]
    assert row.items[0]["url"] == "/admin/job_runs/?job=reminders"
    # Ten minutes without the scheduler: the minute job is late too.
    row = check_scheduled_jobs(now + datetime.timedelta(minutes=10))
    assert [item["label"] for item in row.items] == ["定时发布", "到期提醒"]
    assert "上次成功：2026-12-07 09:00" in row.items[0]["detail"]


@pytest.mark.django_db
def test_the_check_takes_two_queries_whatever_the_number_of_runs(
    schedule, django_assert_max_num_queries
):
    schedule({**OK_JOB, "every": "minute"}, {**OK_JOB, "name": "daily", "daily": "08:00"})
    now = at(2026, 12, 7, 9, 0)
    for minute in range(30):
        scheduler.run_pending(now + datetime.timedelta(minutes=minute))
    with django_assert_max_num_queries(2):
        scheduler.job_states(now + datetime.timedelta(minutes=30))


# -- the command and the default schedule -----------------------------------------------------


@pytest.mark.django_db
def test_run_scheduler_once_and_list(schedule, capsys):
    schedule({**OK_JOB, "every": "minute"})
    call_command("run_scheduler", "--list")
    assert "publish\t每分钟\tpublish_scheduled" in capsys.readouterr().out
    call_command("run_scheduler", "--once")
    assert "publish：成功" in capsys.readouterr().out
    assert JobRun.objects.get().succeeded


def test_every_default_job_names_an_existing_command():
    commands = get_commands()
    names = {job.name for job in scheduler.jobs()}
    assert {
        "publish_scheduled",
        "send_deadline_reminders",
        "purge_complaint_personal_data",
        "prune_audit_log",
        "draft_bulletin",
        "purge_revisions",
        "searchpromotions_garbage_collect",
    } <= names
    assert all(job.command[0] in commands for job in scheduler.jobs())


@pytest.mark.django_db
def test_the_default_schedule_runs_cleanly_on_an_empty_site(home, settings):
    with database_task_queue(settings):
        runs = scheduler.run_pending(at(2026, 12, 7, 9, 0))
    failed = {run.job: run.output for run in runs if not run.succeeded}
    # The bulletin draft needs a bulletin section; the rest must simply succeed.
    assert set(failed) <= {"draft_bulletin"}, failed
    assert len(runs) == len(scheduler.jobs())


@pytest.mark.django_db
def test_the_self_check_page_shows_the_row(client, django_user_model, home):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    html = client.get("/admin/selfcheck/").content.decode()
    assert "定时任务未按时运行" in html and "定时发布和到期下线" in html
    assert "/admin/job_runs/?job=publish_scheduled" in html
