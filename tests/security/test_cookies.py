"""Cookies in production: the session and CSRF cookies are __Host- prefixed, Secure, HttpOnly and
SameSite; the portal's own cookie (elderly mode) is Secure, HttpOnly and SameSite too."""

import pytest
from django.contrib.auth import get_user_model

from feedback.factories import ComplaintFormPageFactory
from feedback.services import complaint_submit
from portal.context_processors import ELDERLY_COOKIE

from .conftest import HTTPS

pytestmark = pytest.mark.django_db


def assert_locked_down(morsel, *, httponly=True):
    assert morsel["secure"] is True, morsel.OutputString()
    assert morsel["samesite"] in ("Lax", "Strict"), morsel.OutputString()
    assert morsel["httponly"] is httponly, morsel.OutputString()
    if morsel.key.startswith("__Host-"):
        # The prefix only holds with Path=/ and no Domain.
        assert morsel["path"] == "/" and not morsel["domain"], morsel.OutputString()


@pytest.fixture
def complaint_page(home):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_csrf_cookie_of_a_public_form_is_host_prefixed_secure_httponly(
    client, complaint_page, production
):
    response = client.get(complaint_page.url, **HTTPS)
    assert response.status_code == 200
    morsel = response.cookies["__Host-csrftoken"]
    assert_locked_down(morsel)
    assert "csrftoken" not in response.cookies


def test_session_cookie_after_a_status_lookup_is_host_prefixed_secure_httponly(
    client, complaint_page, production
):
    submission = complaint_submit(
        token=None,
        category="service_attitude",
        department=None,
        subject="窗口人员态度生硬",
        description="在政务服务中心二楼窗口办理营业执照变更时，工作人员一直低头看手机。",
        name="张三",
        phone="13812345678",
    )
    client.get(complaint_page.status_url(), **HTTPS)
    csrf = client.cookies["__Host-csrftoken"].value
    response = client.post(
        complaint_page.status_url(),
        {
            "tracking_number": submission.complaint.tracking_number,
            "query_code": submission.query_code,
            "csrfmiddlewaretoken": csrf,
        },
        **HTTPS,
    )
    assert response.status_code == 303, response.content.decode()[:500]
    morsel = response.cookies["__Host-sessionid"]
    assert_locked_down(morsel)


def test_admin_login_session_cookie_is_locked_down(client, production):
    get_user_model().objects.create_superuser("root", "root@example.gov.cn", "pw-123456789-x")
    client.get("/admin/login/", **HTTPS)
    response = client.post(
        "/admin/login/",
        {
            "username": "root",
            "password": "pw-123456789-x",
            "csrfmiddlewaretoken": client.cookies["__Host-csrftoken"].value,
        },
        **HTTPS,
    )
    assert response.status_code == 302
    assert_locked_down(response.cookies["__Host-sessionid"])


@pytest.mark.parametrize("on", ["1", "0"])
def test_elderly_mode_cookie_is_secure_httponly_and_same_site(client, home, production, on):
    response = client.get("/elderly-mode/", {"on": on, "next": "/"}, **HTTPS)
    assert response.status_code == 302
    morsel = response.cookies[ELDERLY_COOKIE]
    assert_locked_down(morsel)
    assert (morsel.value == "1") is (on == "1")
