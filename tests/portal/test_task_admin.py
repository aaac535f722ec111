"""设置 → 后台任务 and 定时任务记录: site administrators see every queued task and scheduled run,
a failed task with its error; nobody can add, edit or delete them; editors see nothing."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from portal import tasks
from portal.models import JobRun
from portal.permissions import SITE_ADMIN_GROUP
from tests.task_queue import database_task_queue

pytestmark = pytest.mark.django_db


@task()
def always_fails():
    raise ConnectionRefusedError("SMTP server unavailable for citizen@example.com")


@pytest.fixture
def site_admin(django_user_model):
    user = django_user_model.objects.create_user(
        "siteadmin", password="x", is_staff=True, email="a@example.gov.cn"
    )
    group, _ = Group.objects.get_or_create(name=SITE_ADMIN_GROUP)
    group.permissions.add(*group.permissions.model.objects.filter(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def failed_task(settings):
    settings.TASK_MAX_ATTEMPTS = 1
    with database_task_queue(settings):
        result = always_fails.enqueue()
        tasks.run_due_tasks()
        yield DBTaskResult.objects.get(pk=result.id)


def test_a_failed_task_is_listed_with_its_error(client, site_admin, failed_task):
    client.force_login(site_admin)
    response = client.get("/admin/background_tasks/?status=FAILED")
    assert response.status_code == 200
    html = response.content.decode()
    assert "always_fails" in html and "builtins.ConnectionRefusedError" in html
    assert "失败" in html
    detail = client.get(f"/admin/background_tasks/inspect/{failed_task.pk}/").content.decode()
    assert "SMTP server unavailable" in detail
    assert "citizen@example.com" not in detail


def test_tasks_and_runs_cannot_be_changed_from_the_admin(client, site_admin, failed_task):
    client.force_login(site_admin)
    for url in (
        "/admin/background_tasks/new/",
        f"/admin/background_tasks/edit/{failed_task.pk}/",
        f"/admin/background_tasks/delete/{failed_task.pk}/",
        "/admin/job_runs/new/",
    ):
        assert client.get(url).status_code == 404


def test_scheduled_runs_are_listed(client, site_admin):
    now = timezone.now()
    run = JobRun.objects.create(
        job="send_deadline_reminders",
        slot=now - datetime.timedelta(hours=1),
        started_at=now,
        finished_at=now,
        succeeded=False,
        output="CommandError: 日期格式应为 YYYY-MM-DD",
    )
    client.force_login(site_admin)
    html = client.get("/admin/job_runs/?job=send_deadline_reminders").content.decode()
    assert "send_deadline_reminders" in html
    detail = client.get(f"/admin/job_runs/inspect/{run.pk}/").content.decode()
    assert "日期格式应为" in detail


def test_editors_see_neither_list(client, editor, failed_task):
    client.force_login(editor)
    for url in ("/admin/background_tasks/", "/admin/job_runs/"):
        assert client.get(url).status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert "后台任务" not in menu
