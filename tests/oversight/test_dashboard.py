"""网站自查: each row against data that triggers it and data that does not, the bounded number
of queries, the admin page and the home-page panel."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from decisions.factories import DecisionIndexPageFactory
from disclosure.factories import (
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import ProcedureStep, ServiceProcedurePage
from feedback.factories import (
    ComplaintFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    advance,
    handler,
    supervisor,
    symposium_view,
)
from feedback.models import Status
from feedback.permissions import SUPERVISOR_GROUP
from oversight.selectors import selfcheck_rows
from oversight.wagtail_hooks import PANEL_CACHE_KEY
from portal.factories import CalendarDayFactory, DepartmentFactory

from .conftest import make_admin_user

pytestmark = pytest.mark.django_db

URL = "/admin/selfcheck/"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def rows():
    return {row.key: row for row in selfcheck_rows()}


def set_published(page, moment):
    Page.objects.filter(pk=page.pk).update(last_published_at=moment)


@pytest.fixture
def market(db):
    return DepartmentFactory(name="示例县市场监督管理局", code="11331003")


@pytest.fixture
def catalogue(home):
    page = DisclosureIndexPageFactory(parent=home)
    page.save_revision().publish()
    return page


# -- home-page sections -----------------------------------------------------------------------


def test_home_section_without_news_for_two_weeks_is_flagged(catalogue, market):
    document = PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    set_published(catalogue, days_ago(30))
    set_published(document, days_ago(15))
    row = rows()["home_sections_stale"]
    assert row.count == 1 and row.severity == "danger"
    assert row.items[0]["label"] == catalogue.title
    assert row.items[0]["url"] == f"/admin/pages/{catalogue.pk}/edit/"


def test_home_section_updated_this_week_is_not(catalogue, market):
    document = PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    set_published(catalogue, days_ago(30))
    set_published(document, days_ago(3))
    row = rows()["home_sections_stale"]
    assert row.ok and row.count == 0 and row.severity == "ok"


def test_draft_sections_are_not_home_sections(home):
    DecisionIndexPageFactory(parent=home, live=False)
    assert rows()["home_sections_stale"].count == 0


# -- any section, six months; empty sections ---------------------------------------------------


def test_section_not_updated_for_six_months_is_flagged(catalogue, market):
    document = PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    set_published(catalogue, days_ago(400))
    set_published(document, days_ago(200))
    row = rows()["sections_stale"]
    assert [item["label"] for item in row.items] == [catalogue.title]


def test_section_updated_within_six_months_is_not(catalogue, market):
    document = PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    set_published(catalogue, days_ago(400))
    set_published(document, days_ago(100))
    assert rows()["sections_stale"].count == 0


def test_section_without_live_children_is_empty(catalogue, market):
    PolicyDocumentPageFactory(parent=catalogue, issuing_department=market, published=False)
    checks = rows()
    assert [item["label"] for item in checks["sections_empty"].items] == [catalogue.title]
    # An empty section is reported as empty, not as stale.
    assert checks["sections_stale"].count == 0


def test_section_with_a_live_child_is_not_empty(catalogue, market):
    PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    assert rows()["sections_empty"].count == 0


# -- complaints ---------------------------------------------------------------------------------


def test_complaint_past_its_deadline_is_flagged(market):
    late = ComplaintFactory(department=market, now=days_ago(20))
    ComplaintFactory(department=market)
    row = rows()["complaints_overdue"]
    assert row.count == 1
    assert row.items[0]["label"] == late.tracking_number
    assert row.items[0]["url"] == f"/admin/complaints/{late.pk}/"
    assert "张三" not in str(row.items)


def test_complaint_within_its_deadline_is_not(market):
    ComplaintFactory(department=market)
    assert rows()["complaints_overdue"].count == 0


def test_complaint_unanswered_near_three_months_is_flagged(market):
    old = ComplaintFactory(department=market, now=days_ago(80))
    advance(old, Status.ACCEPTED, actor=handler(market), moments=[days_ago(79)])
    row = rows()["complaints_three_months"]
    assert [item["label"] for item in row.items] == [old.tracking_number]


def test_answered_or_young_complaints_are_not_near_three_months(market):
    answered = ComplaintFactory(department=market, now=days_ago(85))
    advance(
        answered,
        Status.REPLIED,
        actor=handler(market),
        moments=[days_ago(84), days_ago(80)],
    )
    ComplaintFactory(department=market, now=days_ago(30))
    assert rows()["complaints_three_months"].count == 0


# -- symposium views ---------------------------------------------------------------------------


@pytest.fixture
def session(home, market):
    index = SymposiumIndexPageFactory(parent=home)
    index.save_revision().publish()
    page = SymposiumPageFactory(
        parent=index,
        host_department=market,
        date=timezone.localdate() - datetime.timedelta(days=120),
    )
    page.save_revision().publish()
    return page


def test_view_past_its_reply_deadline_is_flagged(session, market):
    late = symposium_view(session, actor=supervisor(), handling_department=market, now=days_ago(60))
    row = rows()["views_overdue"]
    assert row.count == 1 and row.items[0]["url"] == f"/admin/symposium-views/{late.pk}/"


def test_view_within_its_deadline_is_not(session, market):
    symposium_view(session, actor=supervisor(), handling_department=market, now=days_ago(2))
    assert rows()["views_overdue"].count == 0


def test_view_unanswered_near_three_months_is_flagged(session, market):
    old = symposium_view(session, actor=supervisor(), now=days_ago(100))
    row = rows()["views_three_months"]
    assert row.count == 1 and row.items[0]["url"].endswith(f"/{old.pk}/")


def test_young_view_is_not_near_three_months(session, market):
    symposium_view(session, actor=supervisor(), now=days_ago(20))
    assert rows()["views_three_months"].count == 0


# -- service procedures --------------------------------------------------------------------------


def test_procedure_missing_elements_is_flagged(catalogue, market):
    # Publication refuses an incomplete guide, so it became incomplete after going live (a
    # rule added later, a data fix in the database).
    incomplete = ServiceProcedurePageFactory(parent=catalogue, issuing_department=market)
    ServiceProcedurePage.objects.filter(pk=incomplete.pk).update(supervision_phone="")
    ProcedureStep.objects.filter(page=incomplete).delete()
    ServiceProcedurePageFactory(parent=catalogue, issuing_department=market)
    row = rows()["procedures_incomplete"]
    assert row.count == 1
    assert row.items[0]["label"] == incomplete.title
    assert "监督投诉电话" in row.items[0]["detail"] and "办理流程" in row.items[0]["detail"]


def test_complete_procedure_is_not(catalogue, market):
    ServiceProcedurePageFactory(parent=catalogue, issuing_department=market)
    assert rows()["procedures_incomplete"].count == 0


# -- dead links ----------------------------------------------------------------------------------


def test_link_to_a_deleted_page_is_flagged(catalogue, market):
    target = PolicyDocumentPageFactory(parent=catalogue, issuing_department=market)
    linking = PolicyDocumentPageFactory(
        parent=catalogue,
        issuing_department=market,
        body=f'<p>详见<a linktype="page" id="{target.pk}">原文件</a>。</p>',
    )
    assert rows()["broken_references"].count == 0
    target.delete()
    row = rows()["broken_references"]
    assert row.count == 1 and row.items[0]["label"] == linking.title


# -- working-day calendar ------------------------------------------------------------------------


def test_next_year_without_calendar_is_flagged(db, monkeypatch):
    from oversight import selectors

    monkeypatch.setattr(selectors, "unconfirmed_years", lambda today: [today.year + 1])
    row = rows()["calendar_missing"]
    assert row.count == 1 and row.severity == "warning"
    assert row.items[0]["url"] == "/admin/snippets/portal/calendarday/"


def test_next_year_with_overrides_is_not(db):
    next_year = timezone.localdate().year + 1
    CalendarDayFactory(date=datetime.date(next_year, 1, 1), is_working_day=False, note="元旦")
    CalendarDayFactory(date=datetime.date(timezone.localdate().year, 1, 1), is_working_day=False)
    assert rows()["calendar_missing"].count == 0


def test_next_year_missing_is_detected_from_live_data(db):
    next_year = timezone.localdate().year + 1
    CalendarDayFactory(date=datetime.date(timezone.localdate().year, 1, 1), is_working_day=False)
    row = rows()["calendar_missing"]
    # The packaged calendar knows years up to 2026 only.
    assert row.count == (0 if next_year <= 2026 else 1)


# -- bounded queries, the page and the panel ---------------------------------------------------


def test_queries_do_not_grow_with_the_data(
    catalogue, market, session, django_assert_max_num_queries
):
    for _ in range(12):
        ComplaintFactory(department=market, now=days_ago(85))
        symposium_view(session, actor=supervisor(), handling_department=market, now=days_ago(100))
        procedure = ServiceProcedurePageFactory(parent=catalogue, issuing_department=market)
        ServiceProcedurePage.objects.filter(pk=procedure.pk).update(location="")
    with django_assert_max_num_queries(45):
        checks = rows()
    assert checks["complaints_overdue"].count == 12
    assert len(checks["complaints_overdue"].items) == 10
    assert checks["views_three_months"].count == 12
    assert checks["procedures_incomplete"].count == 12


def test_selfcheck_page_lists_rows_with_links(client, superuser, catalogue, market):
    late = ComplaintFactory(department=market, now=days_ago(20))
    client.force_login(superuser)
    html = client.get(URL).content.decode()
    assert "网站自查" in html and "投诉超过办理期限未答复" in html
    assert f"/admin/complaints/{late.pk}/" in html
    assert "单项否决风险" in html


def test_selfcheck_is_for_oversight_groups(client, editor, home):
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    client.force_login(make_admin_user("supervisor-user", groups=[SUPERVISOR_GROUP]))
    assert client.get(URL).status_code == 200


def test_home_panel_shows_the_problems(client, superuser, editor, market, home):
    cache.delete(PANEL_CACHE_KEY)
    ComplaintFactory(department=market, now=days_ago(20))
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "oversight-selfcheck-heading" in html and "投诉超过办理期限未答复：1 项" in html
    # The sidebar menu links to every oversight page for an administrator.
    for url in (URL, "/admin/reports/audit-log/", "/admin/security/locked-accounts/"):
        assert url in html
    client.force_login(editor)
    editor_html = client.get("/admin/").content.decode()
    assert "oversight-selfcheck-heading" not in editor_html
    assert URL not in editor_html and "/admin/reports/audit-log/" not in editor_html
    # The summary is reused for a few minutes; the full page is always live.
    ComplaintFactory(department=market, now=days_ago(20))
    client.force_login(superuser)
    assert "投诉超过办理期限未答复：1 项" in client.get("/admin/").content.decode()
    live = {row.key: row for row in client.get(URL).context["rows"]}
    assert live["complaints_overdue"].count == 2
