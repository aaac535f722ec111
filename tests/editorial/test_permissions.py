"""Department-scoped editing, proved by URL: editors and reviewers act only on their own
department's pages; site administrators act everywhere."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from decisions.models import DecisionIndexPage
from disclosure.models import PolicyDocumentPage
from editorial.roles import EDITOR_GROUP
from portal.models import StaffProfile
from tests.editorial.conftest import make_staff, policy_form_data

pytestmark = pytest.mark.django_db


def page_urls(page, destination):
    """(name, method, url) of every admin URL that acts on one page."""
    revision = page.latest_revision
    pk = page.pk
    return [
        ("edit", "get", reverse("wagtailadmin_pages:edit", args=[pk])),
        ("unpublish", "get", reverse("wagtailadmin_pages:unpublish", args=[pk])),
        ("unpublish-post", "post", reverse("wagtailadmin_pages:unpublish", args=[pk])),
        ("move", "get", reverse("wagtailadmin_pages:move", args=[pk])),
        (
            "move-confirm",
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[pk, destination.pk]),
        ),
        ("delete", "get", reverse("wagtailadmin_pages:delete", args=[pk])),
        ("delete-post", "post", reverse("wagtailadmin_pages:delete", args=[pk])),
        ("copy", "get", reverse("wagtailadmin_pages:copy", args=[pk])),
        ("revisions", "get", reverse("wagtailadmin_pages:revisions_index", args=[pk])),
        (
            "revision-view",
            "get",
            reverse("wagtailadmin_pages:revisions_view", args=[pk, revision.pk]),
        ),
        (
            "revision-compare",
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[pk, "earliest", "latest"]),
        ),
        (
            "revision-revert",
            "get",
            reverse("wagtailadmin_pages:revisions_revert", args=[pk, revision.pk]),
        ),
        ("history", "get", reverse("wagtailadmin_pages:history", args=[pk])),
        ("preview-on-edit", "get", reverse("wagtailadmin_pages:preview_on_edit", args=[pk])),
        ("view-draft", "get", reverse("wagtailadmin_pages:view_draft", args=[pk])),
        ("workflow-history", "get", reverse("wagtailadmin_pages:workflow_history", args=[pk])),
        ("lock", "post", reverse("wagtailadmin_pages:lock", args=[pk])),
        ("unlock", "post", reverse("wagtailadmin_pages:unlock", args=[pk])),
        ("usage", "get", reverse("wagtailadmin_pages:usage", args=[pk])),
    ]


@pytest.fixture
def request_fixture(request):
    """Look a fixture up by name (the role under test is a parameter)."""
    return request.getfixturevalue


def request(client, method, url):
    return client.post(url, {}) if method == "post" else client.get(url)


@pytest.mark.parametrize("who", ["editor_a", "reviewer_a"])
def test_every_url_of_another_departments_page_is_forbidden(
    request_fixture, client, who, page_b, catalogue
):
    user = request_fixture(who)
    client.force_login(user)
    revisions_before = page_b.revisions.count()
    for name, method, url in page_urls(page_b, catalogue):
        response = request(client, method, url)
        assert response.status_code == 403, (name, response.status_code)
    page_b.refresh_from_db()
    assert page_b.live
    assert page_b.revisions.count() == revisions_before
    assert page_b.get_parent().pk == catalogue.pk


@pytest.mark.parametrize("who", ["editor_a", "reviewer_a"])
def test_edit_post_with_publish_on_another_departments_page_is_forbidden(
    request_fixture, client, who, page_b
):
    client.force_login(request_fixture(who))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page_b.pk]),
        policy_form_data(page_b, title="被改掉的标题", **{"action-publish": "publish"}),
    )
    assert response.status_code == 403
    page_b.refresh_from_db()
    assert page_b.title == "卫健局关于预防接种的通知"
    assert not page_b.has_unpublished_changes


@pytest.mark.parametrize("who", ["editor_b", "reviewer_b"])
def test_department_b_staff_are_forbidden_on_department_a_pages(
    request_fixture, client, who, page_a
):
    client.force_login(request_fixture(who))
    for name, method, url in page_urls(page_a, page_a.get_parent()):
        assert request(client, method, url).status_code == 403, name


def test_staff_without_a_department_are_forbidden_on_department_pages(client, roles, page_a):
    client.force_login(make_staff("nodept", groups=[EDITOR_GROUP]))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page_a.pk])).status_code == 403


READABLE_OWN_PAGE_URLS = {
    "edit",
    "copy",
    "revisions",
    "revision-view",
    "revision-compare",
    "revision-revert",
    "history",
    "preview-on-edit",
    "view-draft",
    "workflow-history",
    "usage",
}


@pytest.mark.parametrize("who", ["editor_a", "reviewer_a"])
def test_own_department_staff_reach_their_pages(request_fixture, client, who, page_a, catalogue):
    client.force_login(request_fixture(who))
    for name, _method, url in page_urls(page_a, catalogue):
        if name in READABLE_OWN_PAGE_URLS:
            # follow: the revisions index redirects to the history view
            response = client.get(url, follow=True)
            assert response.status_code == 200, (name, response.status_code)
            assert response.request["PATH_INFO"] != reverse("wagtailadmin_home"), name


def test_editor_saves_own_department_page_but_cannot_publish_it(client, editor_a, page_a):
    client.force_login(editor_a)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page_a.pk]),
        policy_form_data(
            page_a, title="教育局关于秋季招生的通知（修订）", **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    page_a.refresh_from_db()
    assert page_a.live
    assert page_a.title == "教育局关于秋季招生的通知"  # the live version is untouched
    assert page_a.has_unpublished_changes
    assert page_a.get_latest_revision_as_object().title == "教育局关于秋季招生的通知（修订）"
    assert page_a.latest_revision.user == editor_a


@pytest.mark.parametrize("name", ["unpublish-post", "delete-post"])
def test_editor_cannot_take_a_live_own_page_offline(client, editor_a, page_a, catalogue, name):
    """Unpublishing and deleting a live page need publish permission: site administrators."""
    client.force_login(editor_a)
    url = {n: u for n, _m, u in page_urls(page_a, catalogue)}[name]
    client.post(url, {})
    assert PolicyDocumentPage.objects.get(pk=page_a.pk).live


def test_site_admin_reaches_every_url_of_every_department(client, site_admin, page_a, page_b):
    client.force_login(site_admin)
    for page in (page_a, page_b):
        for name, method, url in page_urls(page, page.get_parent()):
            if method == "get":
                response = client.get(url, follow=True)
                assert response.status_code == 200, (page.title, name, response.status_code)
                assert response.request["PATH_INFO"] != reverse("wagtailadmin_home"), name


def test_site_admin_publishes_and_unpublishes_any_department(client, site_admin, page_b):
    client.force_login(site_admin)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page_b.pk]),
        policy_form_data(
            page_b, title="卫健局关于预防接种的通知（更新）", **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    page_b.refresh_from_db()
    assert page_b.live and page_b.title == "卫健局关于预防接种的通知（更新）"
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page_b.pk]), {})
    page_b.refresh_from_db()
    assert not page_b.live


def test_explorer_offers_no_actions_on_other_departments_pages(client, editor_a, page_a, page_b):
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_explore", args=[page_a.get_parent().pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page_a.pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[page_b.pk]) not in content


def test_tester_narrows_wagtail_permissions_to_the_department(editor_a, page_a, page_b, home):
    own, other = page_a.permissions_for_user(editor_a), page_b.permissions_for_user(editor_a)
    assert own.can_edit() and own.can_submit_for_moderation() and not own.can_publish()
    assert not other.can_edit()
    assert not other.can_copy() and not other.can_view_revisions()
    assert not other.can_submit_for_moderation() and not other.can_lock()
    assert other.out_of_department and not own.out_of_department
    # A plain Page instance gets the same answer as the specific page.
    assert not Page.objects.get(pk=page_b.pk).permissions_for_user(editor_a).can_edit()
    # Pages of no department: editors add pages below, but edit nothing.
    index = page_a.get_parent().specific
    assert index.permissions_for_user(editor_a).can_add_subpage()
    assert not index.permissions_for_user(editor_a).can_edit()
    assert not home.permissions_for_user(editor_a).can_edit()


def create_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def test_editor_creates_pages_only_for_own_department(client, editor_a, dept_a, dept_b, catalogue):
    client.force_login(editor_a)
    url = create_url(catalogue, PolicyDocumentPage)
    form = client.get(url).context["form"]
    assert list(form.fields["issuing_department"].queryset) == [dept_a]
    assert form.initial["issuing_department"] == dept_a.pk  # preselected: the only choice
    data = {
        "title": "教育局新通知",
        "slug": "jiaoyu-xin",
        "summary": "",
        "kind": "notice",
        "body": rich_text("<p>正文</p>"),
        "document_number": "",
        "date_written": "",
        "topic": "general",
        "keywords": "",
        "validity": "valid",
        "superseded_by": "",
        "interpretation_of": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, {**data, "issuing_department": dept_b.pk})
    assert response.status_code == 200
    assert "只能选择您所在的部门" in str(response.context["form"].errors)
    assert not PolicyDocumentPage.objects.filter(slug="jiaoyu-xin").exists()
    response = client.post(url, {**data, "issuing_department": dept_a.pk})
    assert response.status_code == 302
    created = PolicyDocumentPage.objects.get(slug="jiaoyu-xin")
    assert created.issuing_department == dept_a and not created.live
    assert created.owner == editor_a


def test_only_site_admins_create_pages_of_no_department(client, editor_a, site_admin, home):
    url = create_url(home, DecisionIndexPage)
    client.force_login(editor_a)
    response = client.get(url)
    assert response.status_code == 403
    assert "只有站点管理员" in response.content.decode()
    client.force_login(site_admin)
    assert client.get(url).status_code == 200


def test_site_admin_sets_a_users_department(client, site_admin, dept_b, roles):
    user = make_staff("newcomer", groups=[EDITOR_GROUP])
    client.force_login(site_admin)
    response = client.post(
        reverse("wagtailsnippets_portal_staffprofile:add"),
        {"user": user.pk, "department": dept_b.pk},
    )
    assert response.status_code == 302
    assert StaffProfile.objects.get(user=user).department == dept_b
