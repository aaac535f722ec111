"""Scheduled publishing through 三审: an approved page with a future go-live time goes live when
publish_scheduled runs after that time; its expiry time takes it offline again."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from disclosure.factories import PolicyDocumentPageFactory
from disclosure.models import PolicyDocumentPage

pytestmark = pytest.mark.django_db


def publish_scheduled():
    call_command("publish_scheduled", stdout=StringIO())


def approve_all_stages(page, *deciders):
    """Approve 初审, 复审 and 终审 in turn, as the given users."""
    for user in deciders:
        page = PolicyDocumentPage.objects.get(pk=page.pk)
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, user, "approve")


def move_schedule_into_the_past(page, **times):
    """What the clock does: the scheduled times stored on the page and its approved revision
    now lie in the past."""
    PolicyDocumentPage.objects.filter(pk=page.pk).update(**times)
    revision = Revision.page_revisions.filter(object_id=str(page.pk)).latest("created_at")
    for name, value in times.items():
        revision.content[name] = value.isoformat()
    if "go_live_at" in times and revision.approved_go_live_at:
        revision.approved_go_live_at = times["go_live_at"]
    revision.save(update_fields=["content", "approved_go_live_at"])


@pytest.fixture
def scheduled_draft(catalogue, dept_a, editor_a):
    """A new page of department A, never published, submitted by its editor to go live in an
    hour and to expire in a week."""
    page = PolicyDocumentPageFactory(
        parent=catalogue,
        issuing_department=dept_a,
        title="教育局关于寒假安排的通知",
        published=False,
        owner=editor_a,
    )
    now = timezone.now()
    page.go_live_at = now + datetime.timedelta(hours=1)
    page.expire_at = now + datetime.timedelta(days=7)
    page.save_revision(user=editor_a)
    page.get_workflow().start(page, editor_a)
    return page


def test_approved_page_goes_live_at_its_scheduled_time(
    scheduled_draft, reviewer_a, reviewer_a2, site_admin
):
    approve_all_stages(scheduled_draft, reviewer_a, reviewer_a2, site_admin)
    page = PolicyDocumentPage.objects.get(pk=scheduled_draft.pk)
    revision = page.latest_revision
    assert revision.approved_go_live_at == page.go_live_at  # scheduled, not yet live
    assert not page.live and page.index_number is None

    publish_scheduled()  # before the time: nothing happens
    assert not PolicyDocumentPage.objects.get(pk=page.pk).live

    past = timezone.now() - datetime.timedelta(minutes=1)
    move_schedule_into_the_past(page, go_live_at=past)
    publish_scheduled()
    page = PolicyDocumentPage.objects.get(pk=page.pk)
    assert page.live
    assert page.index_number.startswith("11330001-")  # stamped when it actually went live
    assert page.date_published == timezone.localdate()


def test_unapproved_page_never_goes_live_on_schedule(scheduled_draft, reviewer_a):
    approve_all_stages(scheduled_draft, reviewer_a)  # only 初审
    move_schedule_into_the_past(
        scheduled_draft, go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    publish_scheduled()
    assert not PolicyDocumentPage.objects.get(pk=scheduled_draft.pk).live


def test_expiry_time_takes_the_page_offline(scheduled_draft, reviewer_a, reviewer_a2, site_admin):
    approve_all_stages(scheduled_draft, reviewer_a, reviewer_a2, site_admin)
    move_schedule_into_the_past(
        scheduled_draft, go_live_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    publish_scheduled()
    page = PolicyDocumentPage.objects.get(pk=scheduled_draft.pk)
    assert page.live and page.expire_at > timezone.now()

    publish_scheduled()  # before expiry: stays live
    assert PolicyDocumentPage.objects.get(pk=page.pk).live

    move_schedule_into_the_past(page, expire_at=timezone.now() - datetime.timedelta(minutes=1))
    publish_scheduled()
    page = PolicyDocumentPage.objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert page.index_number  # the number stays with the page; it is never reused


def test_live_page_expires_on_schedule(page_a):
    PolicyDocumentPage.objects.filter(pk=page_a.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    publish_scheduled()
    page = PolicyDocumentPage.objects.get(pk=page_a.pk)
    assert not page.live and page.expired
