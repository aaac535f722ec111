import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError
from wagtail.models import Page

from portal.context_processors import ELDERLY_COOKIE
from portal.factories import CalendarDayFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("portal.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_elderly_mode_switches_on_with_a_cookie_and_returns_to_the_page(client, home):
    response = client.get("/elderly-mode/", {"on": "1", "next": "/search/?q=医保"})
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=%E5%8C%BB%E4%BF%9D"
    assert response.cookies[ELDERLY_COOKIE].value == "1"
    html = client.get("/").content.decode()
    assert 'class="elderly-mode' in html
    assert "退出长者模式" in html


def test_elderly_mode_switches_off(client, home):
    client.cookies[ELDERLY_COOKIE] = "1"
    response = client.get("/elderly-mode/", {"on": "0", "next": "/"})
    assert response.cookies[ELDERLY_COOKIE].value == ""
    assert "elderly-mode" not in client.get("/").content.decode().split("<body")[1][:60]


def test_elderly_mode_never_redirects_off_site(client):
    response = client.get("/elderly-mode/", {"on": "1", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"


def test_elderly_link_on_every_page_points_back_to_it(client, home):
    html = client.get("/search/?q=abc").content.decode()
    assert "/elderly-mode/?on=1&amp;next=%2Fsearch%2F%3Fq%3Dabc" in html


def test_search_finds_a_live_page_and_keeps_the_query(client, home):
    home.add_child(instance=Page(title="Annual budget report", slug="budget"))
    response = client.get("/search/", {"q": "budget"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annual <mark>budget</mark> report" in html
    assert 'value="budget"' in html


@pytest.mark.parametrize(
    "query", ["", "   ", "x" * 1000, '"*NEAR OR -^', "<script>alert(1)</script>", "😀"]
)
def test_search_never_fails_on_odd_input_and_escapes_it(client, home, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_404_is_in_chinese(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_500_template_is_self_contained_chinese():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "服务暂时不可用" in html and 'lang="zh-Hans"' in html


def test_sitemap_lists_live_pages(client, home):
    home.add_child(instance=Page(title="Notice", slug="notice"))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/notice/" in response.content


@pytest.fixture
def admin_client_zh(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.gov.cn", "pw-123456789")
    client.force_login(user)
    return client


def test_admin_login_is_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html
    assert 'lang="zh-hans"' in html.lower()


def test_admin_home_warns_about_an_unconfirmed_calendar_year(admin_client_zh, home):
    with mock.patch("portal.workdays.timezone.localdate", return_value=datetime.date(2026, 11, 26)):
        html = admin_client_zh.get("/admin/").content.decode()
    assert "工作日历未确认" in html
    assert "2027 年" in html


def test_admin_home_has_no_warning_once_the_year_is_entered(admin_client_zh, home):
    CalendarDayFactory(date=datetime.date(2027, 1, 1), is_working_day=False, note="元旦")
    with mock.patch("portal.workdays.timezone.localdate", return_value=datetime.date(2026, 11, 26)):
        html = admin_client_zh.get("/admin/").content.decode()
    assert "工作日历未确认" not in html


def test_department_snippet_admin_lists_and_validates(admin_client_zh):
    response = admin_client_zh.get("/admin/snippets/portal/department/")
    assert response.status_code == 200
    response = admin_client_zh.post(
        "/admin/snippets/portal/department/add/",
        {"name": "示例县教育局", "code": "abc", "sort_order": 10, "phone": "", "email": ""},
    )
    assert response.status_code == 200
    assert "部门编码只能由 4 至 20 位数字或大写字母组成" in response.content.decode()
