"""Symposiums: the session rules, each view's handling through the services, and the session page
that shows every published view through to its answer, de-identified."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from feedback import services
from feedback.factories import (
    SymposiumPageFactory,
    at,
    handler,
    symposium_view,
)
from feedback.models import (
    Outcome,
    Sector,
    SymposiumView,
    SymposiumViewEvent,
    ViewAction,
    ViewStatus,
    ViewTopic,
)
from portal.workdays import add_working_days

pytestmark = pytest.mark.django_db

D = datetime.date


def recent(days):
    """A working day `days` working days before today, at 10:00 Beijing time."""
    return at(add_working_days(timezone.localdate(), -days), 10)


@pytest.fixture
def view(session, chief, market):
    return symposium_view(
        session,
        actor=chief,
        handling_department=market,
        text="建议窗口推诿问题问责后公开结果。",
        now=recent(20),
    )


# --- the session -------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["2026年上半年", "2026年下半年", "2025年度"])
def test_period_accepts_half_years_and_whole_years(symposiums, market, period):
    page = SymposiumPageFactory.build(
        host_department=market, period=period, date=D(2026, 7, 20), slug="s"
    )
    page.full_clean(exclude=["path", "depth", "content_type", "translation_key", "locale"])


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2026上半年", "期别应写作"),
        ("上半年", "期别应写作"),
        ("2027年上半年", "期别的年份不能晚于召开日期的年份"),
    ],
)
def test_period_refuses_other_spellings_and_later_years(symposiums, market, period, message):
    page = SymposiumPageFactory.build(
        host_department=market, period=period, date=D(2026, 7, 20), slug="s"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert message in str(error.value.message_dict["period"])


def test_views_are_numbered_per_session(session, symposiums, chief, market):
    other = SymposiumPageFactory(parent=symposiums, host_department=market, slug="other")
    first = symposium_view(session, actor=chief)
    second = symposium_view(session, actor=chief)
    elsewhere = symposium_view(other, actor=chief)
    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)
    assert str(second) == f"{session.title} 第2条"


def test_no_view_for_a_session_not_yet_held(symposiums, chief, market):
    future = SymposiumPageFactory(
        parent=symposiums,
        host_department=market,
        date=timezone.localdate() + datetime.timedelta(days=3),
        slug="future",
    )
    with pytest.raises(ValidationError) as error:
        symposium_view(future, actor=chief)
    assert "尚未召开" in str(error.value)


def test_view_fields_are_validated(session, chief):
    with pytest.raises(ValidationError) as error:
        symposium_view(session, actor=chief, text="  ", sector="x", topic="y", reply_days=99)
    assert set(error.value.message_dict) == {"text", "sector", "topic", "reply_days"}
    assert not SymposiumView.objects.exists()


def test_only_county_supervisors_record_views(session, market_handler, review_user):
    for user in (market_handler, review_user):
        with pytest.raises(PermissionDenied):
            symposium_view(session, actor=user)


# --- handling ----------------------------------------------------------------------------


def test_assignment_starts_the_working_day_deadline(session, chief, market, transport):
    moment = recent(10)
    view = symposium_view(session, actor=chief, reply_days=10, now=moment)
    assert view.status == ViewStatus.PENDING and view.reply_deadline is None
    view = services.view_assign(view=view, actor=chief, department=market, now=moment)
    assert view.reply_deadline == add_working_days(moment.date(), 10)
    with pytest.raises(ValidationError) as error:
        services.view_assign(view=view, actor=chief, department=market)
    assert "相同" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.view_assign(view=view, actor=chief, department=transport)
    assert "说明理由" in str(error.value)
    moved = services.view_assign(
        view=view, actor=chief, department=transport, reason="属交通部门职责", now=recent(2)
    )
    # A reassignment does not restart the deadline.
    assert moved.handling_department == transport
    assert moved.reply_deadline == view.reply_deadline


def test_reply_on_time_and_late(session, chief, market, market_handler):
    on_time = symposium_view(session, actor=chief, handling_department=market, now=recent(20))
    late = symposium_view(session, actor=chief, handling_department=market, now=recent(20))
    deadline = on_time.reply_deadline
    on_time = services.view_reply(
        view=on_time, actor=market_handler, reply="已整改并公开。", now=at(deadline, 17)
    )
    late = services.view_reply(
        view=late,
        actor=market_handler,
        reply="已整改。",
        now=at(add_working_days(deadline, 1), 9),
    )
    assert (on_time.status, on_time.replied_late) == (ViewStatus.REPLIED, False)
    assert (late.status, late.replied_late) == (ViewStatus.REPLIED, True)


def test_adoption_after_a_reply_keeps_the_first_answer_time(view, market_handler):
    replied = services.view_reply(view=view, actor=market_handler, reply="正在研究。")
    first = replied.replied_at
    adopted = services.view_adopt(
        view=replied, actor=market_handler, reply="已采纳：问责结果在网站公开。"
    )
    assert adopted.status == ViewStatus.ADOPTED
    assert adopted.replied_at == first and adopted.adopted_at is not None
    assert adopted.reply == "已采纳：问责结果在网站公开。"


def test_state_rules(view, chief, market_handler):
    assert view.can(ViewAction.START) and view.can(ViewAction.REPLY)
    started = services.view_start(view=view, actor=market_handler)
    assert started.status == ViewStatus.IN_PROGRESS
    with pytest.raises(services.ActionRefused) as refused:
        services.view_start(view=started, actor=market_handler)
    assert "不能进行“开始办理”操作" in str(refused.value)
    replied = services.view_reply(view=started, actor=market_handler, reply="已答复。")
    assert not replied.can(ViewAction.REPLY) and not replied.can(ViewAction.ASSIGN)
    assert replied.can(ViewAction.ADOPT) and replied.can(ViewAction.REFER)
    referred = services.view_refer(view=replied, actor=chief, reason="涉嫌推诿。")
    assert referred.status == ViewStatus.REFERRED
    for action in (ViewAction.REPLY, ViewAction.ADOPT, ViewAction.REFER, ViewAction.START):
        assert not referred.can(action)


def test_an_unassigned_view_cannot_be_answered(session, chief):
    view = symposium_view(session, actor=chief)
    assert view.refusal(ViewAction.REPLY) == "请先把这条意见交办给承办部门。"
    with pytest.raises(services.ActionRefused):
        services.view_reply(view=view, actor=chief, reply="答复")


def test_answers_and_referrals_need_text(view, chief, market_handler):
    with pytest.raises(ValidationError):
        services.view_reply(view=view, actor=market_handler, reply=" ")
    with pytest.raises(ValidationError):
        services.view_adopt(view=view, actor=market_handler, reply="")
    with pytest.raises(ValidationError):
        services.view_refer(view=view, actor=chief, reason="")


def test_department_handlers_answer_only_their_own_views(view, transport, chief):
    other = handler(transport)
    with pytest.raises(PermissionDenied):
        services.view_reply(view=view, actor=other, reply="不是我们的。")
    market_handler = handler(view.handling_department)
    # Handlers answer; assigning, referring and publishing are the supervisors'.
    with pytest.raises(PermissionDenied):
        services.view_assign(view=view, actor=market_handler, department=transport, reason="x")
    with pytest.raises(PermissionDenied):
        services.view_refer(view=view, actor=market_handler, reason="自查")
    with pytest.raises(PermissionDenied):
        services.view_set_published(view=view, actor=market_handler, published=False)
    services.view_reply(view=view, actor=market_handler, reply="已答复。")


def test_every_step_is_an_immutable_event(view, chief, market_handler):
    view = services.view_start(view=view, actor=market_handler)
    view = services.view_reply(view=view, actor=market_handler, reply="已答复。")
    services.view_set_published(view=view, actor=chief, published=False)
    actions = list(view.events.values_list("action", flat=True))
    assert actions == ["record", "assign", "publish", "start", "reply", "unpublish"]
    with pytest.raises(TypeError):
        SymposiumViewEvent.objects.filter(view=view).update(note="x")
    with pytest.raises(TypeError):
        SymposiumViewEvent.objects.filter(view=view).delete()


def test_overdue_views(session, chief, market, market_handler):
    old = symposium_view(session, actor=chief, handling_department=market, now=recent(30))
    fresh = symposium_view(session, actor=chief, handling_department=market, now=recent(1))
    answered = symposium_view(session, actor=chief, handling_department=market, now=recent(30))
    services.view_reply(view=answered, actor=market_handler, reply="已答复。")
    assert list(SymposiumView.objects.overdue()) == [old]
    assert old.is_overdue() and not fresh.is_overdue()


# --- the public session page --------------------------------------------------------------


def test_session_page_shows_published_views_de_identified(client, session, chief, market):
    session.roster.all().delete()
    session.roster.create(
        sector=Sector.ENTERPRISE,
        count=2,
        organisations="示例县宏达建设有限公司",
        names="陈志明 吴静",
    )
    session.save_revision().publish()
    shown = symposium_view(
        session,
        actor=chief,
        raised_by="陈志明",
        text="我是陈志明，电话13812345678，建议公开窗口推诿问题的问责结果。",
        topic=ViewTopic.ENFORCEMENT,
        handling_department=market,
    )
    services.view_reply(view=shown, actor=chief, reply="已采纳陈志明代表的建议。")
    symposium_view(session, actor=chief, text="这条意见不公开。", published=False)
    response = client.get(session.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache, max-age=0"
    html = response.content.decode()
    assert "建议公开窗口推诿问题的问责结果" in html
    assert "陈志明" not in html and "吴静" not in html and "13812345678" not in html
    assert "陈某某" in html and "138****5678" in html
    assert "已答复" in html and "已采纳陈某某代表的建议" in html
    assert "示例县宏达建设有限公司" in html
    assert "这条意见不公开" not in html
    assert 'id="view-1"' in html


def test_session_page_filters_views(client, session, chief, market):
    symposium_view(
        session, actor=chief, text="关于问责尺度的意见。", topic=ViewTopic.PROPORTIONALITY
    )
    symposium_view(session, actor=chief, text="关于窗口作风的意见。", topic=ViewTopic.SERVICE)
    html = client.get(session.url, {"topic": ViewTopic.SERVICE}).content.decode()
    assert "关于窗口作风的意见" in html and "关于问责尺度的意见" not in html
    # Unknown filter values are ignored, never an error.
    response = client.get(session.url, {"status": "nonsense", "sector": "<b>"})
    assert response.status_code == 200
    assert "关于问责尺度的意见" in response.content.decode()


def test_referred_view_shows_the_review_outcome_once_decided(
    client, session, chief, market, review_user
):
    view = symposium_view(session, actor=chief, handling_department=market)
    view = services.view_refer(view=view, actor=chief, reason="部门推诿。")
    assert "转入问责审查（审查中）" in client.get(session.url).content.decode()
    case = services.case_open(
        actor=review_user,
        department=market,
        post_level="general",
        ground="shirking",
        allegation="座谈会反映窗口推诿。",
        views=[view],
    )
    services.case_decide(
        case=case, actor=review_user, outcome=Outcome.PUBLIC_CRITICISM, findings="查实推诿。"
    )
    html = client.get(session.url).content.decode()
    assert "转入问责审查 → 通报批评" in html
    assert view.events.filter(action=ViewAction.REVIEW_DECIDED).exists()


def test_index_lists_live_sessions_with_answered_counts(client, symposiums, session, chief, market):
    view = symposium_view(session, actor=chief, handling_department=market)
    services.view_reply(view=view, actor=chief, reply="已答复。")
    symposium_view(session, actor=chief)
    draft = SymposiumPageFactory(
        parent=symposiums, host_department=market, slug="draft", live=False
    )
    html = client.get(symposiums.url).content.decode()
    assert session.title in html and draft.title not in html
    assert "公开意见建议 2 条，已答复 1 条" in html


def test_api_never_exposes_the_roster_names(client, session):
    session.roster.all().delete()
    session.roster.create(sector=Sector.MEDIA, count=1, organisations="县融媒体中心", names="许晨")
    session.save_revision().publish()
    response = client.get(f"/api/v2/pages/{session.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "县融媒体中心" in body and "许晨" not in body
