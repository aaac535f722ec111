"""Two-factor login (TOTP): enforcement for admin users, setup, verification, reset."""

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from oversight.services import two_factor_setup_issue

from .conftest import make_admin_user

pytestmark = pytest.mark.django_db

SETUP = "/admin/security/two-factor/setup/"
VERIFY = "/admin/security/two-factor/verify/"


@pytest.fixture
def require_2fa(settings):
    settings.PORTAL_REQUIRE_2FA = True


def code(device, offset=0):
    """The device's TOTP code for now (+offset steps), as the phone app shows it."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{value:06d}"


def confirmed_device(user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    # An earlier time step marked used, so the current code is accepted exactly once.
    device.last_t = int(time.time()) // device.step - 2
    device.save()
    return device


def test_staff_without_device_is_sent_to_setup_from_every_admin_url(client, superuser, require_2fa):
    client.force_login(superuser)
    for url in ("/admin/", "/admin/pages/", "/admin/reports/audit-log/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP + "?next=")


def test_staff_with_device_is_sent_to_verify(client, superuser, require_2fa):
    confirmed_device(superuser)
    client.force_login(superuser)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fpages%2F"


def test_verified_code_lets_the_user_in_and_wrong_code_does_not(client, superuser, require_2fa):
    device = confirmed_device(superuser)
    client.force_login(superuser)
    wrong = client.post(VERIFY, {"token": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "验证码不正确" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(VERIFY, {"token": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_verify_refuses_an_outside_next_url(client, superuser, require_2fa):
    device = confirmed_device(superuser)
    client.force_login(superuser)
    response = client.post(VERIFY, {"token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def open_setup_link(client, user):
    """What a first enrolment needs (tests/oversight/test_two_factor_enrolment.py)."""
    raw = two_factor_setup_issue(user=user)
    assert client.get(f"{SETUP}link/{raw}/")["Location"] == SETUP


def test_setup_shows_qr_and_secret_and_confirms_with_first_code(client, superuser, require_2fa):
    client.force_login(superuser)
    open_setup_link(client, superuser)
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "双因素认证" in html
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    # The same pending device on a reload: the QR code the user scanned stays valid.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=superuser).count() == 1

    response = client.post(SETUP, {"token": code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="oversight.two_factor.setup").exists()


def test_setup_rejects_a_wrong_code_in_chinese(client, superuser, require_2fa):
    client.force_login(superuser)
    open_setup_link(client, superuser)
    client.get(SETUP)
    response = client.post(SETUP, {"token": "12ab"})
    assert response.status_code == 200
    assert "6 位数字" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()


def test_setup_cannot_replace_a_device_without_verifying_it_first(client, superuser, require_2fa):
    confirmed_device(superuser)
    client.force_login(superuser)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


def test_logout_login_and_public_pages_stay_open(client, superuser, home, require_2fa):
    client.force_login(superuser)
    assert client.get("/").status_code == 200
    assert client.get("/admin/login/").status_code in (200, 302)
    assert client.post("/admin/logout/").status_code == 302


def test_non_admin_user_is_not_sent_to_two_factor(client, django_user_model, home, require_2fa):
    user = django_user_model.objects.create_user("citizen", password="x-password-123")
    client.force_login(user)
    response = client.get("/admin/")
    # Wagtail's own answer for a user without admin access: back to the login page.
    assert SETUP not in response.get("Location", "")
    assert client.get("/").status_code == 200


def test_enforcement_is_off_unless_required(client, superuser, settings):
    settings.PORTAL_REQUIRE_2FA = False
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def test_production_settings_require_two_factor(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "portal.example.gov.cn")
    # Not even an explicit "false" turns it off in production.
    monkeypatch.setenv("PORTAL_REQUIRE_2FA", "false")
    sys.modules.pop("portal.settings.production", None)
    production = importlib.import_module("portal.settings.production")
    try:
        assert production.PORTAL_REQUIRE_2FA is True
        assert "oversight.middleware.TwoFactorMiddleware" in production.MIDDLEWARE
        assert production.MIDDLEWARE.index(
            "django_otp.middleware.OTPMiddleware"
        ) > production.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
        assert production.AUTHENTICATION_BACKENDS == ["oversight.backends.LockoutBackend"]
    finally:
        sys.modules.pop("portal.settings.production", None)


def test_reset_command_removes_devices_so_the_next_login_sets_up_again(
    client, superuser, require_2fa
):
    confirmed_device(superuser)
    out = StringIO()
    call_command("reset_two_factor", "chief", stdout=out)
    assert "已删除" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert ModelLogEntry.objects.filter(action="oversight.two_factor.reset").exists()
    client.force_login(superuser)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_reset_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="不存在"):
        call_command("reset_two_factor", "nobody", stdout=StringIO())


def test_group_member_admin_is_also_enforced(client, require_2fa):
    user = make_admin_user("clerk", groups=["编辑"])
    client.force_login(user)
    assert client.get("/admin/")["Location"].startswith(SETUP)
