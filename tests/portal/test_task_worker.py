"""The database task queue: enqueue after commit, retries with back-off, failures kept with
their (masked) error, the queue age /readyz reads, and the worker command."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal import tasks
from tests.task_queue import database_task_queue

pytestmark = pytest.mark.django_db

calls = []


@task()
def flaky(fail_times):
    """Fails its first `fail_times` calls, with an SMTP-like error that quotes an address."""
    calls.append(fail_times)
    if len(calls) <= fail_times:
        raise ConnectionRefusedError("550 mailbox citizen@example.com unavailable")
    return len(calls)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_DELAY_SECONDS = 60
    calls.clear()
    with database_task_queue(settings):
        yield


def make_due(result):
    DBTaskResult.objects.filter(pk=getattr(result, "pk", None) or result.id).update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_retry_delay_doubles_and_stops_at_an_hour(settings):
    settings.TASK_RETRY_DELAY_SECONDS = 60
    assert [tasks.retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert tasks.retry_delay(30) == datetime.timedelta(hours=1)


def test_enqueue_on_commit_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tasks.enqueue_on_commit(flaky, 0)
        assert not DBTaskResult.objects.exists()
    for callback in callbacks:
        callback()
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


def test_a_failed_task_is_retried_later_and_then_succeeds():
    result = flaky.enqueue(1)
    assert tasks.run_due_tasks() == 1
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert tasks.attempts(row) == 1
    wait = (row.run_after - timezone.now()).total_seconds()
    assert 55 < wait <= 60
    assert row.exception_class_path == "builtins.ConnectionRefusedError"
    # The error is kept for the admin, with the address masked.
    assert "ConnectionRefusedError" in row.traceback
    assert "citizen@example.com" not in row.traceback
    # Not due yet: the worker leaves it alone.
    assert tasks.run_due_tasks() == 0
    make_due(row)
    assert tasks.run_due_tasks() == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 2
    assert tasks.attempts(row) == 2


def test_a_task_that_keeps_failing_stays_failed_with_its_error():
    result = flaky.enqueue(10)
    for _ in range(3):
        make_due(result)
        assert tasks.run_due_tasks() == 1
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED
    assert tasks.attempts(row) == 3
    assert row.finished_at is not None
    assert "citizen@example.com" not in row.traceback
    make_due(result)
    assert tasks.run_due_tasks() == 0
    assert len(calls) == 3


def test_oldest_pending_age_counts_due_tasks_only():
    now = timezone.now()
    assert tasks.oldest_pending_age(now) == 0
    result = flaky.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=now - datetime.timedelta(minutes=10)
    )
    assert tasks.oldest_pending_age(now) == pytest.approx(600, abs=1)
    # A retry waiting for its back-off is not late; once due, it waits from its run_after.
    DBTaskResult.objects.filter(pk=result.id).update(run_after=now + datetime.timedelta(minutes=1))
    assert tasks.oldest_pending_age(now) == 0
    DBTaskResult.objects.filter(pk=result.id).update(run_after=now - datetime.timedelta(minutes=2))
    assert tasks.oldest_pending_age(now) == pytest.approx(120, abs=1)


def test_oldest_pending_age_is_none_without_a_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert tasks.oldest_pending_age() is None


def test_run_worker_batch_runs_what_is_due_and_exits():
    flaky.enqueue(0)
    flaky.enqueue(0)
    call_command("run_worker", "--batch", verbosity=0)
    assert (
        list(DBTaskResult.objects.values_list("status", flat=True))
        == [TaskResultStatus.SUCCESSFUL] * 2
    )


def test_run_worker_refuses_a_backend_that_is_not_a_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="不是数据库队列"):
        call_command("run_worker", "--batch")
