"""Failed-login lockout (django-axes): five wrong passwords lock a username from one address for
an hour, the user reads why in Chinese, and a site administrator sees and lifts the lock."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback.permissions import SUPERVISOR_GROUP
from portal.permissions import SITE_ADMIN_GROUP

from .conftest import PASSWORD, make_admin_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKS = "/admin/security/locked-accounts/"


def attempt_login(client, username, password, ip="10.0.0.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def clerk(db):
    return make_admin_user("clerk")


def lock_out(client, username="clerk"):
    responses = [attempt_login(client, username, "wrong-password") for _ in range(5)]
    return responses


def test_four_wrong_passwords_do_not_lock(client, clerk):
    for _ in range(4):
        assert attempt_login(client, "clerk", "wrong-password").status_code == 200
    response = attempt_login(client, "clerk", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_five_wrong_passwords_lock_and_the_right_one_is_refused_in_chinese(client, clerk):
    responses = lock_out(client)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 429
    response = attempt_login(client, "clerk", PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert "登录已被暂时锁定" in html and "联系站点管理员" in html
    assert "_auth_user_id" not in client.session


def test_lock_is_per_username_and_address(client, clerk):
    lock_out(client)
    # The same user from another address, and another user from the same address, still log in.
    assert attempt_login(client, "clerk", PASSWORD, ip="10.0.0.8").status_code == 302
    client.logout()
    make_admin_user("other")
    assert attempt_login(client, "other", PASSWORD).status_code == 302


def test_lock_expires_after_the_cool_off(client, clerk):
    lock_out(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=61))
    assert attempt_login(client, "clerk", PASSWORD).status_code == 302


def test_site_administrator_sees_and_lifts_the_lock(client, clerk):
    lock_out(client)
    admin = make_admin_user("siteadmin", groups=[SITE_ADMIN_GROUP])
    admin_client = client.__class__()
    admin_client.force_login(admin)
    page = admin_client.get(LOCKS)
    html = page.content.decode()
    assert page.status_code == 200
    assert "clerk" in html and "10.0.0.7" in html and "解除锁定" in html

    attempt = AccessAttempt.objects.get(username="clerk")
    response = admin_client.post(LOCKS, {"attempt": attempt.pk})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="clerk").exists()
    entry = ModelLogEntry.objects.get(action="oversight.account.unlock")
    assert entry.data == {"username": "clerk", "ip_address": "10.0.0.7"}
    assert attempt_login(client, "clerk", PASSWORD).status_code == 302


def test_unlocked_list_is_empty_without_locks(client, superuser, clerk):
    attempt_login(client, "clerk", "wrong-password")
    client.force_login(superuser)
    html = client.get(LOCKS).content.decode()
    assert "当前没有被锁定的登录" in html


@pytest.mark.parametrize("groups", [(), (SUPERVISOR_GROUP,), ("编辑",)])
def test_lock_list_is_for_site_administrators_only(client, clerk, groups):
    lock_out(client)
    user = make_admin_user("viewer", groups=groups)
    client.force_login(user)
    assert client.get(LOCKS).status_code in (302, 403)
    attempt = AccessAttempt.objects.get(username="clerk")
    client.post(LOCKS, {"attempt": attempt.pk})
    assert AccessAttempt.objects.filter(username="clerk").exists()


def test_backend_is_an_axes_backend_that_also_loads_users(clerk):
    from axes.backends import AxesStandaloneBackend
    from django.contrib.auth import load_backend
    from django.test import Client

    backend = load_backend("oversight.backends.LockoutBackend")
    assert isinstance(backend, AxesStandaloneBackend)
    assert backend.get_user(clerk.pk) == clerk
    # Client.login() passes no request: only the password is checked, nothing is locked.
    client = Client()
    assert client.login(username="clerk", password=PASSWORD)
    assert not client.login(username="clerk", password="wrong-password")
    assert not AccessAttempt.objects.exists()
