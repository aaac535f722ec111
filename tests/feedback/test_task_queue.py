"""Complaint notifications through the database task queue: with the mail server down the
citizen's submission succeeds at once and nothing is lost; the mail goes out once the server
is back, on the worker's retry."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from feedback.models import Complaint
from portal import tasks
from tests.feedback.conftest import form_data
from tests.task_queue import database_task_queue

pytestmark = pytest.mark.django_db

URL = "/complaints/"


@pytest.fixture
def queue(settings, complaint_page, market, market_handler):
    """The database queue, switched on once the fixtures' pages are published."""
    with database_task_queue(settings):
        yield


def test_submission_succeeds_with_the_mail_server_down_and_the_mail_follows_on_recovery(
    client, queue, market, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.feedback.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(department=str(market.pk)))
    # The request only queued the mail: no mail server was asked while the citizen waited.
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.tracking_number in response.content.decode()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "feedback.tasks.notify_assignment"
    assert queued.status == TaskResultStatus.READY

    # The worker's first attempt meets the dead server: kept for a retry, not lost.
    assert tasks.run_due_tasks() == 1
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.READY
    assert queued.run_after > timezone.now()
    assert mail.outbox == []

    # The server recovers; once the back-off has passed the worker sends the mail.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=queued.pk).update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert tasks.run_due_tasks() == 1
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox] == [["market@example.gov.cn"]]
    assert complaint.tracking_number in mail.outbox[0].subject
