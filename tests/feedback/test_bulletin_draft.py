"""The monthly bulletin's draft compiled from live data: the figures against numbers worked out
by hand on a small fixture, the assessment weights, what is kept and that nothing is published,
the draft_bulletin command and the admin button."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.factories import BulletinIndexPageFactory, MonthlyBulletinPageFactory
from disclosure.models import BulletinNotice, BulletinRow, BulletinSettings, MonthlyBulletinPage
from feedback import services
from feedback.factories import (
    ComplaintFactory,
    SymposiumPageFactory,
    at,
    inspection_finding,
    symposium_view,
)
from feedback.models import Outcome, PostLevel, Rating
from feedback.selectors import bulletin_figures
from portal.factories import DepartmentFactory
from portal.workdays import add_working_days

pytestmark = pytest.mark.django_db

D = datetime.date
SEPTEMBER = D(2026, 9, 1)


@pytest.fixture
def housing(db):
    return DepartmentFactory(name="示例县住房和城乡建设局", code="11331005")


@pytest.fixture
def bulletins(home):
    page = BulletinIndexPageFactory(parent=home)
    page.save_revision().publish()
    return page


def complaint(department, day, hour=9, minute=0):
    return ComplaintFactory(department=department, now=at(day, hour, minute))


def answer(item, chief, *, reply_on, rating=None):
    item = services.complaint_accept(complaint=item, actor=chief, now=at(item.accept_deadline, 8))
    item = services.complaint_reply(
        complaint=item, actor=chief, reply="已核查并整改。", now=at(reply_on, 15)
    )
    if rating:
        item = services.complaint_rate(
            complaint=item, rating=rating, now=at(add_working_days(reply_on, 1), 9)
        )
    return item


@pytest.fixture
def month_data(site_limits, market, transport, housing, chief, review_user, symposiums):
    """September 2026 for three departments: A = market, B = transport, C = housing."""
    a, b, c = market, transport, housing
    # -- complaints: A 3 received, 2 answered (1 on time), 2 rated (1 satisfied) ------------
    first = complaint(a, D(2026, 9, 1))
    answer(first, chief, reply_on=D(2026, 9, 8), rating=Rating.SATISFIED)
    second = complaint(a, D(2026, 9, 1), 9, 30)
    late = add_working_days(add_working_days(first.accept_deadline, 15), 1)
    answer(second, chief, reply_on=late, rating=Rating.DISSATISFIED)
    complaint(a, D(2026, 9, 15))
    complaint(a, D(2026, 8, 31), 23, 30)  # August, Beijing time
    complaint(a, D(2026, 10, 1), 0, 5)  # October
    # B: 1 received, answered on time, basically satisfied. C: 1 received at the last minute.
    answer(
        complaint(b, D(2026, 9, 2)), chief, reply_on=D(2026, 9, 10), rating="basically_satisfied"
    )
    complaint(c, D(2026, 9, 30), 23, 30)
    ComplaintFactory(department=None, now=at(D(2026, 9, 5)))  # unrouted: in no row

    # -- symposium views due in September: A 2 (1 on time), B 2 (1 on time) ------------------
    session = SymposiumPageFactory(
        parent=symposiums, host_department=a, date=D(2026, 8, 20), period="2026年上半年"
    )
    given = at(D(2026, 8, 25), 10)

    def view(department, **extra):
        return symposium_view(session, actor=chief, handling_department=department, now=given)

    on_time = view(a)
    deadline = on_time.reply_deadline
    assert deadline.month == 9
    services.view_reply(view=on_time, actor=chief, reply="已答复。", now=at(deadline, 16))
    services.view_reply(
        view=view(a), actor=chief, reply="迟复。", now=at(add_working_days(deadline, 1), 9)
    )
    view(b)  # never answered: due, not on time
    services.view_refer(view=view(b), actor=chief, reason="转审。", now=at(D(2026, 8, 28)))
    early = view(b)
    services.view_adopt(view=early, actor=chief, reply="已采纳。", now=at(D(2026, 9, 1), 11))
    october = symposium_view(
        session, actor=chief, handling_department=a, now=at(D(2026, 9, 21), 10)
    )
    assert october.reply_deadline.month == 10

    # -- inspection findings: A 2, B 1 in September (and B 1 in August) ----------------------
    def finding(department, day, refer=False):
        item = inspection_finding(
            department,
            actor=chief,
            inspected_on=day,
            rectification_deadline=day + datetime.timedelta(days=10),
            now=at(day, 17),
        )
        if refer:
            item = services.finding_refer(
                finding=item, actor=chief, reason="转审。", now=at(day + datetime.timedelta(1))
            )
        return item

    a_finding = finding(a, D(2026, 9, 3), refer=True)
    finding(a, D(2026, 9, 17))
    finding(b, D(2026, 9, 10))
    b_finding = finding(b, D(2026, 8, 20), refer=True)

    # -- accountability: A opened 2 / decided 2 (one veto), B opened 1 / decided 1 ----------
    def case(department, opened, source, decided=None, outcome=None, **extra):
        item = services.case_open(
            actor=review_user,
            department=department,
            post_level=PostLevel.GENERAL,
            ground="bribe_seeking",
            allegation="审查事项。",
            findings=[source],
            opened_on=opened,
            person_name=extra.pop("person_name", ""),
        )
        if decided:
            services.case_decide(
                case=item,
                actor=review_user,
                outcome=outcome,
                findings="查明的事实。",
                decided_on=decided,
                now=at(decided, 16),
                **extra,
            )
        return item

    case(a, D(2026, 9, 5), a_finding, D(2026, 9, 20), Outcome.PUBLIC_CRITICISM)
    case(
        a,
        D(2026, 9, 10),
        a_finding,
        D(2026, 9, 25),
        Outcome.ADMONISHMENT,
        veto=True,
        veto_reason="王五在窗口吃拿卡要",
        person_name="王五",
    )
    case(b, D(2026, 8, 28), b_finding, D(2026, 9, 3), Outcome.REMINDER_TALK)
    case(b, D(2026, 9, 28), b_finding)
    case(c, D(2026, 10, 2), b_finding, D(2026, 10, 10), Outcome.NONE)
    return a, b, c


EXPECTED_A = {
    "complaints_received": 3,
    "complaints_concluded": 2,
    "complaints_on_time": 1,
    "ratings": 2,
    "ratings_satisfied": 1,
    "views_due": 2,
    "views_on_time": 1,
    "inspection_findings": 2,
    "cases_opened": 2,
    "cases_decided": 2,
    "outcomes": "通报批评 1 起、诫勉 1 起",
    "veto": True,
    "veto_reason": "王某在窗口吃拿卡要",
}
EXPECTED_B = {
    "complaints_received": 1,
    "complaints_concluded": 1,
    "complaints_on_time": 1,
    "ratings": 1,
    "ratings_satisfied": 1,
    "views_due": 2,
    "views_on_time": 1,
    "inspection_findings": 1,
    "cases_opened": 1,
    "cases_decided": 1,
    "outcomes": "提醒谈话 1 起",
    "veto": False,
    "veto_reason": "",
}
EXPECTED_C = {
    **dict.fromkeys(
        [
            "complaints_concluded",
            "complaints_on_time",
            "ratings",
            "ratings_satisfied",
            "views_due",
            "views_on_time",
            "inspection_findings",
            "cases_opened",
            "cases_decided",
        ],
        0,
    ),
    "complaints_received": 1,
    "outcomes": "",
    "veto": False,
    "veto_reason": "",
}


def test_figures_match_the_hand_computed_numbers(month_data):
    a, b, c = month_data
    figures = bulletin_figures(2026, 9, today=D(2026, 11, 26))
    assert set(figures) == {a.pk, b.pk, c.pk}
    assert figures[a.pk] == EXPECTED_A
    assert figures[b.pk] == EXPECTED_B
    assert figures[c.pk] == EXPECTED_C


def test_figures_are_aggregated_in_the_database(month_data, market):
    with CaptureQueriesContext(connection) as few:
        bulletin_figures(2026, 9)
    for day in range(2, 22):
        complaint(market, D(2026, 9, day % 28 + 1))
    with CaptureQueriesContext(connection) as many:
        bulletin_figures(2026, 9)
    assert len(many) == len(few) <= 10


def existing_bulletin(bulletins, a, c):
    """September's bulletin as the editors left it: the service centre's figures imported for
    A and C, the narrative written, one commendation; published."""
    page = MonthlyBulletinPageFactory(
        parent=bulletins,
        month=SEPTEMBER,
        rows=[],
        narrative="<p>编辑撰写的正文。</p>",
        published=False,
    )
    page.rows = [
        BulletinRow(department=a, stationed_items=10, cases_handled=100, cases_on_time=90),
        BulletinRow(department=c, stationed_items=5, cases_handled=50, cases_on_time=40),
    ]
    page.notices = [
        BulletinNotice(kind="commendation", department=c, subject="住建窗口", text="服务规范。")
    ]
    page.save_revision().publish()
    return MonthlyBulletinPage.objects.get(pk=page.pk)


def rows_by_department(page):
    return {row.department_id: row for row in page.rows.all()}


def test_draft_keeps_the_editors_work_scores_and_never_publishes(month_data, bulletins):
    a, b, c = month_data
    live = existing_bulletin(bulletins, a, c)
    result = services.bulletin_draft(year=2026, month=9)
    assert not result.created and result.departments == 3 and result.added == [b.name]
    page = MonthlyBulletinPage.objects.get(pk=live.pk)
    # Nothing went live: the public still sees the editors' version.
    assert page.live and page.has_unpublished_changes
    assert len(page.rows.all()) == 2 and all(
        row.complaints_received == 0 for row in page.rows.all()
    )
    draft = page.get_latest_revision_as_object()
    assert draft.narrative == "<p>编辑撰写的正文。</p>"
    assert [(n.kind, n.subject) for n in draft.notices.all()] == [("commendation", "住建窗口")]
    assert draft.compiled_at is not None
    rows = rows_by_department(draft)
    for row, expected in (
        (rows[a.pk], EXPECTED_A),
        (rows[b.pk], EXPECTED_B),
        (rows[c.pk], EXPECTED_C),
    ):
        assert {name: getattr(row, name) for name in expected} == expected
    # The service centre's figures stay.
    assert (rows[a.pk].cases_handled, rows[a.pk].cases_on_time) == (100, 90)
    assert (rows[c.pk].stationed_items, rows[c.pk].cases_on_time) == (5, 40)
    # Scores (default weights 30/25/25/20, 2 per finding, 5 per decided case), worked by hand:
    # A is vetoed; B = (100×25 + 100×25 + 50×20) / 70 − 2 − 5 = 78.71; C = 80.0 (on time 40/50).
    assert (rows[a.pk].score, rows[a.pk].rank) == (None, None)
    assert (rows[b.pk].score, rows[b.pk].rank) == (Decimal("78.71"), 2)
    assert (rows[c.pk].score, rows[c.pk].rank) == (Decimal("80.00"), 1)


def test_ranking_follows_the_weights_in_settings(month_data, bulletins):
    a, b, c = month_data
    existing_bulletin(bulletins, a, c)
    weights = BulletinSettings.load()
    weights.weight_complaints_on_time = weights.weight_satisfaction = 0
    weights.weight_views_on_time = 0
    weights.weight_on_time_rate = 100
    weights.save()
    page = services.bulletin_draft(year=2026, month=9).page
    rows = rows_by_department(
        MonthlyBulletinPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    )
    # Only the service centre's rate counts: B has none (base 100) − 7 = 93; C = 80.
    assert (rows[b.pk].score, rows[b.pk].rank) == (Decimal("93.00"), 1)
    assert (rows[c.pk].score, rows[c.pk].rank) == (Decimal("80.00"), 2)


def test_a_new_month_gets_a_draft_page_under_the_bulletins(month_data, bulletins):
    a, b, c = month_data
    result = services.bulletin_draft(year=2026, month=9)
    page = MonthlyBulletinPage.objects.get()
    assert result.created and page.pk == result.page.pk
    assert not page.live and page.get_parent().pk == bulletins.pk
    assert page.url_path.endswith("/bulletins/2026-09/")
    assert page.title == "2026年9月机关效能月通报"
    assert page.issuing_department is not None
    draft = page.get_latest_revision_as_object()
    assert [row.department_id for row in draft.rows.all()] == sorted(
        [a.pk, b.pk, c.pk], key=lambda pk: [a, b, c][[a.pk, b.pk, c.pk].index(pk)].sort_order
    )
    # Compiling again updates the same draft.
    again = services.bulletin_draft(year=2026, month=9)
    assert not again.created and MonthlyBulletinPage.objects.count() == 1


def test_draft_refuses_a_future_month_and_a_site_without_bulletins(home):
    with pytest.raises(services.BulletinDraftRefused) as refused:
        services.bulletin_draft(year=2026, month=9)
    assert "月通报" in refused.value.messages[0]
    with pytest.raises(services.BulletinDraftRefused) as refused:
        services.bulletin_draft(year=2099, month=1)
    assert "尚未开始的月份" in refused.value.messages[0]
    with pytest.raises(services.BulletinDraftRefused):
        services.bulletin_draft(year=2026, month=13)


@pytest.mark.parametrize("value", ["2026-09", "2026/9", "2026年9月", " 2026-9 "])
def test_month_spellings(value):
    assert services.parse_month(value) == (2026, 9)


@pytest.mark.parametrize("value", ["", "2026", "2026-13", "26-09", "九月", "2026-09-01"])
def test_bad_month_spellings(value):
    with pytest.raises(services.BulletinDraftRefused) as refused:
        services.parse_month(value)
    assert "YYYY-MM" in refused.value.messages[0]


# --- the command --------------------------------------------------------------------------


def test_command_drafts_the_month(month_data, bulletins):
    out = StringIO()
    call_command("draft_bulletin", "2026-09", stdout=out)
    assert "已新建《2026年9月机关效能月通报》草稿：3 个部门" in out.getvalue()
    out = StringIO()
    call_command("draft_bulletin", "2026-09", stdout=out)
    assert "已更新" in out.getvalue()
    assert MonthlyBulletinPage.objects.get().live is False


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("2026-13", "无法识别，请写作 YYYY-MM"),
        ("abc", "无法识别"),
        ("2099-01", "不能为尚未开始的月份编制通报"),
    ],
)
def test_command_refuses_bad_arguments_in_chinese(bulletins, argument, message):
    with pytest.raises(CommandError) as error:
        call_command("draft_bulletin", argument, stdout=StringIO())
    assert message in str(error.value)
    assert not MonthlyBulletinPage.objects.exists()


def test_command_defaults_to_last_month(bulletins, market):
    complaint(market, D(2026, 9, 3))
    out = StringIO()
    call_command("draft_bulletin", stdout=out)
    page = MonthlyBulletinPage.objects.get()
    from feedback.services.bulletins import previous_month

    year, month = previous_month()
    assert page.month == D(year, month, 1)


# --- the admin button ---------------------------------------------------------------------

DRAFT_URL = "/admin/bulletins/draft/"


def test_editors_draft_a_month_from_the_admin(admin_client, month_data, bulletins):
    index_page = admin_client.get(f"/admin/pages/{bulletins.pk}/edit/").content.decode()
    assert "从实时数据编制月通报草稿" in index_page and DRAFT_URL in index_page
    assert admin_client.get(DRAFT_URL).status_code == 200
    response = admin_client.post(DRAFT_URL, {"month": "2026-13"})
    assert response.status_code == 400 and "无法识别" in response.content.decode()
    response = admin_client.post(DRAFT_URL, {"month": "2026-09"})
    page = MonthlyBulletinPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    bulletin_page = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "按实时数据重新汇总" in bulletin_page and f"{DRAFT_URL}?month=2026-09" in bulletin_page


def test_staff_without_page_permissions_cannot_draft(client, chief, bulletins):
    client.force_login(chief)
    response = client.get(DRAFT_URL)
    assert response.status_code in (302, 403)
    response = client.post(DRAFT_URL, {"month": "2026-09"})
    assert response.status_code in (302, 403)
    assert not MonthlyBulletinPage.objects.exists()
