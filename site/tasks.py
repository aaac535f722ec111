"""The background-task queue: enqueue after commit, and the worker that retries with back-off.

Every notification is a django-tasks `@task`, enqueued with `enqueue_on_commit` once the
submission's own transaction has committed, so a mail server that is slow or down neither slows
nor fails the citizen's request. With the database backend (django-tasks-db, the default) the
task is a row that `manage.py run_worker` runs: a task that raises is tried again after a
growing delay, and after TASK_MAX_ATTEMPTS it stays failed with its error, listed in the admin
under 设置 → 后台任务."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks.utils import get_random_id
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from .logs import mask_personal_data

logger = logging.getLogger(__name__)

# The longest wait between two attempts, however many attempts came before.
MAX_RETRY_DELAY = datetime.timedelta(hours=1)


def enqueue_on_commit(task, *args, **kwargs):
    """Enqueue `task` once the current transaction commits (at once outside one). A failure to
    enqueue is logged and never raised: the submission that asked for it is already saved."""

    def enqueue():
        task.enqueue(*args, **kwargs)

    transaction.on_commit(enqueue, robust=True)


def retry_delay(attempt):
    """How long to wait after failed attempt number `attempt` (1, 2, …): doubling from
    TASK_RETRY_DELAY_SECONDS, at most an hour."""
    seconds = settings.TASK_RETRY_DELAY_SECONDS * 2 ** max(attempt - 1, 0)
    return min(datetime.timedelta(seconds=seconds), MAX_RETRY_DELAY)


def attempts(db_result):
    """How many times a queued task has been started (each start adds the worker's id)."""
    return len(db_result.worker_ids or [])


class RetryingWorker(Worker):
    """django-tasks-db's worker, plus retries: a failed attempt goes back in the queue after
    `retry_delay`, until TASK_MAX_ATTEMPTS attempts have failed. The stored traceback has
    personal data masked (an SMTP refusal quotes the address it refused)."""

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        if db_task_result.status != TaskResultStatus.FAILED:
            return
        db_task_result.traceback = mask_personal_data(db_task_result.traceback)
        attempt = attempts(db_task_result)
        if attempt < settings.TASK_MAX_ATTEMPTS:
            db_task_result.status = TaskResultStatus.READY
            db_task_result.run_after = timezone.now() + retry_delay(attempt)
            db_task_result.finished_at = None
            logger.warning(
                "Task id=%s path=%s failed (attempt %d of %d, %s); retrying after %s",
                db_task_result.id,
                db_task_result.task_path,
                attempt,
                settings.TASK_MAX_ATTEMPTS,
                db_task_result.exception_class_path,
                db_task_result.run_after.isoformat(),
            )
        db_task_result.save(update_fields=["status", "run_after", "finished_at", "traceback"])


def database_backend_names():
    """The aliases in TASKS whose backend is the database queue."""
    return [alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)]


def run_worker(
    *,
    backend_name=DEFAULT_TASK_BACKEND_ALIAS,
    batch=False,
    interval=1.0,
    max_tasks=None,
    queue_names=("*",),
    worker_id=None,
    startup_delay=True,
):
    """Build the retrying worker. `batch=True` runs every task that is due, then returns: the
    tests call it in-process instead of starting a worker process."""
    return RetryingWorker(
        queue_names=list(queue_names),
        interval=interval,
        batch=batch,
        backend_name=backend_name,
        startup_delay=startup_delay,
        max_tasks=max_tasks,
        worker_id=worker_id or get_random_id(),
    )


def run_due_tasks(*, backend_name=DEFAULT_TASK_BACKEND_ALIAS):
    """Run every queued task that is due now, in this process, and return how many ran."""
    worker = run_worker(backend_name=backend_name, batch=True, interval=0, startup_delay=False)
    worker.run()
    return worker._run_tasks


def oldest_pending_age(now=None):
    """Seconds the oldest due-but-not-started task has waited (0 when none waits), over every
    database queue; None when no database queue is configured."""
    names = database_backend_names()
    if not names:
        return None
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready().filter(backend_name__in=names)
    # A task without run_after waits from its enqueue; a retried or deferred one from the end
    # of its wait.
    waiting_since = [
        ready.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first(),
        ready.exclude(run_after=get_date_max())
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first(),
    ]
    ages = [(now - since).total_seconds() for since in waiting_since if since is not None]
    return max([0, *ages])
