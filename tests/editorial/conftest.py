"""Shared fixtures of the editorial tests: two departments, staff of each role per department,
and one published page of each department in the disclosure catalogue."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from editorial.roles import EDITOR_GROUP, REVIEWER_GROUP, SITE_ADMIN_GROUP, ensure_all
from portal.factories import DepartmentFactory
from portal.models import StaffProfile


def make_staff(username, *, groups=(), department=None, **extra):
    """An active staff user in the named groups, working for `department`."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.gov.cn", password="x", **extra
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    if department is not None:
        StaffProfile.objects.create(user=user, department=department)
    return user


def policy_form_data(page, **extra):
    """The edit form of a policy document page, as Wagtail's editor posts it."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "kind": page.kind,
            "body": rich_text(page.body),
            "issuing_department": page.issuing_department_id,
            "document_number": page.document_number,
            "date_written": page.date_written.isoformat() if page.date_written else "",
            "topic": page.topic,
            "keywords": page.keywords,
            "validity": page.validity,
            "superseded_by": "",
            "interpretation_of": "",
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def roles(home):
    """The roles, their page permissions on the home page and 三审, as bootstrap_site makes them."""
    return ensure_all(apps)


@pytest.fixture
def dept_a(db):
    return DepartmentFactory(name="示例县教育局", short_name="教育局", code="11330001")


@pytest.fixture
def dept_b(db):
    return DepartmentFactory(name="示例县卫生健康局", short_name="卫健局", code="11330002")


@pytest.fixture
def editor_a(roles, dept_a):
    return make_staff("editor_a", groups=[EDITOR_GROUP], department=dept_a)


@pytest.fixture
def editor_b(roles, dept_b):
    return make_staff("editor_b", groups=[EDITOR_GROUP], department=dept_b)


@pytest.fixture
def reviewer_a(roles, dept_a):
    return make_staff("reviewer_a", groups=[REVIEWER_GROUP], department=dept_a)


@pytest.fixture
def reviewer_a2(roles, dept_a):
    """A second reviewer of department A: 复审 must be someone other than the 初审 reviewer."""
    return make_staff("reviewer_a2", groups=[REVIEWER_GROUP], department=dept_a)


@pytest.fixture
def reviewer_b(roles, dept_b):
    return make_staff("reviewer_b", groups=[REVIEWER_GROUP], department=dept_b)


@pytest.fixture
def site_admin(roles):
    return make_staff("site_admin", groups=[SITE_ADMIN_GROUP])


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def page_a(roles, catalogue, dept_a):
    return PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=dept_a, title="教育局关于秋季招生的通知"
    )


@pytest.fixture
def page_b(roles, catalogue, dept_b):
    return PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=dept_b, title="卫健局关于预防接种的通知"
    )
