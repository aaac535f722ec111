"""Another department's drafts stay private: a department's editors and reviewers find no draft
title, revision or author of another department's pages in any admin listing, chooser, search,
report, API answer or bulk confirmation; site administrators still see everything."""

import json

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from disclosure.factories import PolicyDocumentPageFactory
from tests.editorial.conftest import policy_form_data

pytestmark = pytest.mark.django_db

# Department B's unpublished page, and the unpublished new title of its live page.
UNPUBLISHED_TITLE = "卫健局乡镇卫生院合并方案草稿"
DRAFT_TITLE = "卫健局关于预防接种的通知（未发布修订稿）"
B_AUTHOR = "editor_b"
SECRETS = (UNPUBLISHED_TITLE, DRAFT_TITLE, B_AUTHOR)


@pytest.fixture
def b_drafts(client, catalogue, dept_b, editor_b, page_a, page_b, site_admin):
    """B's editor saves a new title on B's live page and sends a new page (an interpretation of
    A's page) to review; a site administrator locks the live page. Returns the unpublished page."""
    draft = PolicyDocumentPageFactory(
        parent=catalogue,
        issuing_department=dept_b,
        title=UNPUBLISHED_TITLE,
        owner=editor_b,
        interpretation_of=page_a,
        published=False,
    )
    client.force_login(editor_b)
    edit = reverse("wagtailadmin_pages:edit", args=[page_b.pk])
    assert client.post(edit, policy_form_data(page_b, title=DRAFT_TITLE)).status_code == 302
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = policy_form_data(draft, interpretation_of=page_a.pk, **{"action-submit": "1"})
    response = client.post(edit, data)
    assert response.status_code == 302
    client.force_login(site_admin)
    client.post(reverse("wagtailadmin_pages:lock", args=[page_b.pk]))
    client.logout()
    draft.refresh_from_db()
    page_b.refresh_from_db()
    assert page_b.live and page_b.has_unpublished_changes and page_b.locked
    assert draft.current_workflow_state is not None
    return draft


def text(response):
    """The response as text, JSON decoded so that escaped Chinese is compared as written."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def listing_urls(catalogue, home, page_a):
    """Every admin listing, search, chooser, report, API and dashboard view that lists pages."""
    search = {"q": "卫健局"}
    return [
        ("dashboard", reverse("wagtailadmin_home"), {}),
        ("explorer home", reverse("wagtailadmin_explore", args=[home.pk]), {}),
        ("explorer catalogue", reverse("wagtailadmin_explore", args=[catalogue.pk]), {}),
        (
            "explorer results",
            reverse("wagtailadmin_explore_results", args=[catalogue.pk]),
            {},
        ),
        (
            "explorer search",
            reverse("wagtailadmin_explore", args=[catalogue.pk]),
            {**search, "search_all": "1"},
        ),
        ("page search", reverse("wagtailadmin_pages:search"), search),
        ("page search results", reverse("wagtailadmin_pages:search_results"), search),
        ("api listing", "/admin/api/main/pages/", {"child_of": catalogue.pk}),
        ("api search", "/admin/api/main/pages/", {"search": "卫健局"}),
        ("chooser", reverse("wagtailadmin_choose_page_child", args=[catalogue.pk]), {}),
        ("chooser search", reverse("wagtailadmin_choose_page_search"), search),
        (
            "bulk publish of the listing",
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]),
            {"id": "all", "childOf": catalogue.pk},
        ),
        (
            "bulk delete of the listing",
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]),
            {"id": "all", "childOf": catalogue.pk},
        ),
        ("site history", reverse("wagtailadmin_reports:site_history"), {}),
        ("site history csv", reverse("wagtailadmin_reports:site_history"), {"export": "csv"}),
        ("workflow report", reverse("wagtailadmin_reports:workflow"), {}),
        ("workflow tasks report", reverse("wagtailadmin_reports:workflow_tasks"), {}),
        ("locked pages", reverse("wagtailadmin_reports:locked_pages"), {}),
        ("aging pages", reverse("wagtailadmin_reports:aging_pages"), {}),
        ("page types usage", reverse("wagtailadmin_reports:page_types_usage"), {}),
        ("usage of A's page", reverse("wagtailadmin_pages:usage", args=[page_a.pk]), {}),
    ]


def page_urls(draft, page_b):
    """Views that name one of B's pages: answered with 403, without the draft title."""
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return [
        ("explorer of the draft", reverse("wagtailadmin_explore", args=[draft.pk]), {}),
        ("explorer of the live page", reverse("wagtailadmin_explore", args=[page_b.pk]), {}),
        ("api detail", f"/admin/api/main/pages/{draft.pk}/", {}),
        ("api detail of the live page", f"/admin/api/main/pages/{page_b.pk}/", {}),
        ("bulk publish", bulk_publish, {"id": [draft.pk, page_b.pk]}),
        ("chooser below the draft", reverse("wagtailadmin_choose_page_child", args=[draft.pk]), {}),
        (
            "chooser chosen",
            reverse("wagtailadmin_choose_page_chosen_multiple"),
            {"id": [draft.pk, page_b.pk]},
        ),
        ("history", reverse("wagtailadmin_pages:history", args=[page_b.pk]), {}),
        ("edit", reverse("wagtailadmin_pages:edit", args=[draft.pk]), {}),
    ]


@pytest.fixture
def request_fixture(request):
    """Look a fixture up by name (the role under test is a parameter)."""
    return request.getfixturevalue


# Listings where department A's staff find their own page (the scope hides only B's).
OWN_PAGE_LISTINGS = {
    "explorer catalogue",
    "api listing",
    "chooser",
    "bulk publish of the listing",
}


@pytest.mark.parametrize("who", ["editor_a", "reviewer_a"])
def test_department_staff_find_no_draft_of_another_department(
    request_fixture, client, who, site_admin, page_a, b_drafts, page_b, catalogue, home
):
    """Each view, as a site administrator (who sees B's drafts: the view would show them) and
    then as department A's editor or reviewer (who finds no trace of them)."""
    staff = request_fixture(who)
    for name, url, params in listing_urls(catalogue, home, page_a):
        client.force_login(site_admin)
        response = client.get(url, params)
        assert response.status_code == 200, (name, response.status_code)
        assert [secret for secret in SECRETS if secret in text(response)], name
        client.force_login(staff)
        response = client.get(url, params)
        assert response.status_code < 500, (name, response.status_code)
        content = text(response)
        assert not [secret for secret in SECRETS if secret in content], name
        if name in OWN_PAGE_LISTINGS:
            assert page_a.title in content, name
    for name, url, params in page_urls(b_drafts, page_b):
        client.force_login(site_admin)
        assert client.get(url, params).status_code == 200, name
        client.force_login(staff)
        response = client.get(url, params)
        assert response.status_code in (403, 404), (name, response.status_code)
        content = text(response)
        assert not [secret for secret in SECRETS if secret in content], name


def test_chooser_offers_another_departments_page_only_as_published(
    client, editor_a, editor_b, page_b, catalogue
):
    """Editors may link to another department's published page; once it has an unpublished
    change (its draft title is what the chooser would show) it leaves the chooser."""
    browse = reverse("wagtailadmin_choose_page_child", args=[catalogue.pk])
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple")
    client.force_login(editor_a)
    assert page_b.title in text(client.get(browse))
    response = client.get(chosen, {"id": page_b.pk})
    assert response.status_code == 200 and page_b.title in text(response)
    client.force_login(editor_b)
    edit = reverse("wagtailadmin_pages:edit", args=[page_b.pk])
    assert client.post(edit, policy_form_data(page_b, title=DRAFT_TITLE)).status_code == 302
    client.force_login(editor_a)
    assert page_b.title not in text(client.get(browse))
    assert client.get(chosen, {"id": page_b.pk}).status_code == 403


def test_refusal_names_only_a_published_title(client, editor_a, b_drafts, page_b):
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_explore", args=[page_b.pk]))
    assert response.status_code == 403
    content = response.content.decode()
    assert page_b.title in content and DRAFT_TITLE not in content
    response = client.get(reverse("wagtailadmin_pages:edit", args=[b_drafts.pk]))
    assert response.status_code == 403
    content = response.content.decode()
    assert "尚未发布" in content and UNPUBLISHED_TITLE not in content


def test_page_types_report_is_for_site_admins(client, editor_a, site_admin, b_drafts):
    report = reverse("wagtailadmin_reports:page_types_usage")
    client.force_login(editor_a)
    assert report not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(site_admin)
    assert report in client.get(reverse("wagtailadmin_home")).content.decode()


@hypothesis_settings(max_examples=10)
@given(
    ids=st.lists(st.text(max_size=8) | st.integers(-5, 10**6).map(str), max_size=3),
    parent=st.none() | st.text(max_size=6),
)
def test_odd_page_ids_get_no_server_error_and_no_draft(client, editor_a, b_drafts, ids, parent):
    client.force_login(editor_a)
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple")
    for url, params in [
        (bulk, {"id": [*ids, "all"], **({"childOf": parent} if parent is not None else {})}),
        (bulk, {"id": ids}),
        (chosen, {"id": ids}),
    ]:
        response = client.get(url, params)
        assert response.status_code < 500, (url, params)
        content = text(response)
        assert not [secret for secret in SECRETS if secret in content]
