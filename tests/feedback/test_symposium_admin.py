"""座谈会意见 in the admin: the minutes-taker records views after the session, the departments see
and answer only their own, by URL."""

import pytest

from feedback.factories import handler, symposium_view
from feedback.models import SymposiumView, ViewStatus

pytestmark = pytest.mark.django_db

INDEX = "/admin/symposium-views/"
ADD = f"{INDEX}new/"


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def record_form(session, **overrides):
    data = {
        "session": session.pk if session else None,
        "text": "建议问责结果公开时注明线索来源。",
        "sector": "npc_deputy",
        "raised_by": "李国庆",
        "topic": "enforcement",
        "concerned_departments": [],
        "handling_department": "",
        "reply_days": 15,
        "published": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def market_view(session, chief, market):
    return symposium_view(session, actor=chief, handling_department=market, text="市场监管的意见")


@pytest.fixture
def transport_view(session, chief, transport):
    return symposium_view(
        session, actor=chief, handling_department=transport, text="交通运输的意见"
    )


def test_minutes_taker_records_a_view_after_the_session(client, chief, session, market):
    client.force_login(chief)
    form = client.get(ADD, {"session": session.pk}).content.decode()
    assert f'<option value="{session.pk}" selected>' in form
    response = client.post(
        ADD,
        record_form(session, concerned_departments=[market.pk], handling_department=market.pk),
    )
    view = SymposiumView.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{INDEX}{view.pk}/"
    assert view.number == 1 and view.recorded_by == chief and view.published
    assert view.reply_deadline is not None
    assert list(view.concerned_departments.all()) == [market]
    # A mistake comes back with the error and saves nothing.
    response = client.post(ADD, record_form(session, text="", sector="nobody"))
    assert response.status_code == 200
    assert SymposiumView.objects.count() == 1


def test_minutes_taker_corrects_a_view(client, chief, market_view):
    client.force_login(chief)
    response = client.post(
        f"{INDEX}edit/{market_view.pk}/",
        record_form(
            None,
            text="更正后的意见。",
            raised_by="王建华",
            handling_department=None,
            published=None,
        ),
    )
    assert response.status_code == 302
    market_view.refresh_from_db()
    assert market_view.text == "更正后的意见。" and market_view.raised_by == "王建华"
    assert market_view.published  # publication is its own action, not part of the form
    assert market_view.events.filter(action="edit").exists()


def test_handlers_see_and_answer_only_their_departments_views(
    client, market_view, transport_view, market
):
    market_handler = handler(market)
    client.force_login(market_handler)
    listing = client.get(INDEX).content.decode()
    assert "市场监管的意见" in listing and "交通运输的意见" not in listing
    assert client.get(f"{INDEX}{transport_view.pk}/").status_code == 404
    response = client.post(
        f"{INDEX}{transport_view.pk}/actions/reply/", {"reply-reply": "越权答复的内容。"}
    )
    assert response.status_code == 404
    # Recording, editing, assigning and publishing are the supervisors'.
    for url in (ADD, f"{INDEX}edit/{market_view.pk}/"):
        assert denied(client.get(url)), url
    assert denied(
        client.post(f"{INDEX}{market_view.pk}/actions/assign/", {"assign-department": market.pk})
    )
    assert denied(client.post(f"{INDEX}{market_view.pk}/actions/unpublish/", {}))
    page = client.get(f"{INDEX}{market_view.pk}/").content.decode()
    assert "答复</summary>" in page and "交办</summary>" not in page
    response = client.post(f"{INDEX}{market_view.pk}/actions/reply/", {"reply-reply": "短"})
    assert response.status_code == 400
    response = client.post(
        f"{INDEX}{market_view.pk}/actions/reply/",
        {"reply-reply": "已整改，问责结果将在网站公开。"},
    )
    assert response.status_code == 302
    market_view.refresh_from_db()
    transport_view.refresh_from_db()
    assert market_view.status == ViewStatus.REPLIED
    assert transport_view.status == ViewStatus.PENDING and transport_view.published


def test_reviewers_and_visitors_have_no_access(client, review_user, market_view):
    client.force_login(review_user)
    for url in (INDEX, ADD, f"{INDEX}{market_view.pk}/"):
        assert denied(client.get(url)), url
    client.logout()
    response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_supervisor_takes_a_view_through_its_workflow(client, chief, session, transport):
    view = symposium_view(session, actor=chief, published=False)
    client.force_login(chief)
    url = f"{INDEX}{view.pk}/actions/"
    assert client.post(f"{url}reply/", {"reply-reply": "没有承办部门的答复。"}).status_code == 409
    assert client.post(f"{url}assign/", {"assign-department": transport.pk}).status_code == 302
    assert client.post(f"{url}publish/", {}).status_code == 302
    assert client.post(f"{url}publish/", {}).status_code == 409
    assert client.post(f"{url}refer/", {"refer-reason": "部门长期推诿。"}).status_code == 302
    view.refresh_from_db()
    assert view.status == ViewStatus.REFERRED and view.published
    assert view.handling_department == transport
    page = client.get(f"{INDEX}{view.pk}/").content.decode()
    assert "转入问责审查（审查中）" in page
