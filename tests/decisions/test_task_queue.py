"""The department's e-mail about a new comment goes through the task queue after the commit."""

import pytest
from django.core import mail
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from decisions.models import PublicComment
from decisions.services import comment_submit
from portal import tasks
from tests.task_queue import database_task_queue

pytestmark = pytest.mark.django_db


def test_a_comment_is_saved_first_and_its_mail_is_queued_for_the_worker(
    notice, settings, django_capture_on_commit_callbacks
):
    with database_task_queue(settings):
        with django_capture_on_commit_callbacks(execute=True):
            comment, created = comment_submit(notice=notice, text="建议延长公示期，方便群众了解。")
        assert created and PublicComment.objects.filter(pk=comment.pk).exists()
        assert mail.outbox == []
        queued = DBTaskResult.objects.get(task_path="decisions.tasks.notify_new_comment")
        assert queued.args_kwargs["args"] == [comment.pk]
        tasks.run_due_tasks()
        queued.refresh_from_db()
        assert queued.status == TaskResultStatus.SUCCESSFUL
        assert len(mail.outbox) == 1
        assert comment.receipt_number in mail.outbox[0].subject
