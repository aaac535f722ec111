"""Run the database task queue inside a test: the test's own transaction stays open, so the
worker's per-task connection clean-up and its SQLite `BEGIN EXCLUSIVE` are left out (a worker
process runs in autocommit and does both)."""

import contextlib
from unittest import mock

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextlib.contextmanager
def database_task_queue(settings):
    settings.TASKS = DATABASE_TASKS
    with (
        mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        mock.patch(
            "django_tasks_db.utils.connection_requires_manual_exclusive_transaction",
            return_value=False,
        ),
    ):
        yield
