"""The staff roles: created once by migration and bootstrap_site, each with the permissions it
needs and no more."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.models import ReviewStageTask
from editorial.roles import (
    EDITOR_GROUP,
    REVIEWER_GROUP,
    SITE_ADMIN_GROUP,
    WORKFLOW_NAME,
    ensure_all,
)
from portal.models import HomePage

pytestmark = pytest.mark.django_db

ROLE_NAMES = [
    EDITOR_GROUP,
    REVIEWER_GROUP,
    SITE_ADMIN_GROUP,
    "部门投诉处理员",
    "效能督查",
    "问责审查",
]


def page_actions(group_name, page):
    return {
        perm.permission.codename.removesuffix("_page")
        for perm in GroupPagePermission.objects.filter(group__name=group_name, page=page)
    }


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.filter(name=WORKFLOW_NAME).count(),
        ReviewStageTask.objects.count(),
        WorkflowTask.objects.count(),
        WorkflowPage.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
    )


def test_migrations_create_each_role_once():
    for name in ROLE_NAMES:
        assert Group.objects.filter(name=name).count() == 1, name
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_page_permissions_on_the_home_page(roles, home):
    assert page_actions(EDITOR_GROUP, home) == {"add", "change"}
    assert page_actions(REVIEWER_GROUP, home) == {"change"}
    assert page_actions(SITE_ADMIN_GROUP, home) == {
        "add",
        "change",
        "publish",
        "bulk_delete",
        "lock",
        "unlock",
    }
    for name in ("部门投诉处理员", "效能督查", "问责审查"):
        assert page_actions(name, home) == set()


def test_model_permissions_of_each_role(roles, django_user_model):
    def codes(name):
        group = Group.objects.get(name=name)
        return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert codes(EDITOR_GROUP) == {"wagtailadmin.access_admin"}
    assert codes(REVIEWER_GROUP) == {"wagtailadmin.access_admin", "editorial.view_sensitiveword"}
    admin_codes = codes(SITE_ADMIN_GROUP)
    assert {"auth.change_user", "portal.change_staffprofile", "portal.change_department"} <= (
        admin_codes
    )
    assert not any(code.startswith("feedback.") for code in admin_codes)
    assert codes("部门投诉处理员") >= {"feedback.handle_complaint", "feedback.handle_symposiumview"}
    assert codes("问责审查") == {"wagtailadmin.access_admin", "feedback.review_accountability"}
    documents = {
        perm.permission.codename
        for perm in GroupCollectionPermission.objects.filter(group__name=EDITOR_GROUP)
    }
    assert {"add_document", "choose_document", "choose_image"} <= documents
    assert "delete_document" not in documents


def test_ensure_is_idempotent_and_repairs_a_deleted_role(roles):
    before = counts()
    ensure_all(apps)
    assert counts() == before
    Group.objects.filter(name="问责审查").delete()
    ensure_all(apps)
    group = Group.objects.get(name="问责审查")
    assert group.permissions.filter(codename="review_accountability").exists()
    assert counts() == before


def test_bootstrap_site_ensures_roles_and_workflow_and_stays_idempotent(monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "a-password-123")
    out = StringIO()
    call_command("bootstrap_site", stdout=out)
    assert "三审" in out.getvalue()
    home = HomePage.objects.get()
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
    assert page_actions(EDITOR_GROUP, home) == {"add", "change"}
    before = counts()
    call_command("bootstrap_site", stdout=StringIO())
    assert counts() == before
    assert [t.name for t in Workflow.objects.get(name=WORKFLOW_NAME).tasks] == [
        "初审",
        "复审",
        "终审",
    ]


def test_site_admins_maintain_the_word_list_and_reviewers_read_it():
    def codenames(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="editorial")
            .values_list("codename", flat=True)
        )

    assert {"add_sensitiveword", "change_sensitiveword", "delete_sensitiveword"} <= codenames(
        SITE_ADMIN_GROUP
    )
    assert codenames(REVIEWER_GROUP) == {"view_sensitiveword"}
    assert codenames(EDITOR_GROUP) == set()
