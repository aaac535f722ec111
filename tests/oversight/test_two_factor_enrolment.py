"""First two-factor enrolment needs a single-use, expiring setup link (mailed to the account's
address or issued by a site administrator); enrolment makes backup codes, shown once, each of
which logs in once."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from oversight.models import TwoFactorSetupToken
from oversight.services import BACKUP_CODE_COUNT

from .conftest import PASSWORD, make_admin_user
from .test_two_factor import code, confirmed_device

pytestmark = pytest.mark.django_db

SETUP = "/admin/security/two-factor/setup/"
NEEDED = "/admin/security/two-factor/setup/needed/"
VERIFY = "/admin/security/two-factor/verify/"
BACKUP = "/admin/security/two-factor/backup-codes/"
LINK_RE = re.compile(r"/admin/security/two-factor/setup/link/([A-Za-z0-9_\-]+)/")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The mail limit counts in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def log_in(client, user):
    """Password login through Wagtail's own form, as a person does."""
    response = client.post("/admin/login/", {"username": user.get_username(), "password": PASSWORD})
    assert response.status_code == 302
    return response


def issued_link(username="chief"):
    out = StringIO()
    call_command("issue_two_factor_setup", username, stdout=out)
    return LINK_RE.search(out.getvalue()).group(0)


def enrol(client, link):
    """Open the link, scan, confirm: returns the backup-codes page."""
    assert client.get(link)["Location"] == SETUP
    client.get(SETUP)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SETUP, {"token": code(device)})
    assert response.status_code == 302 and response["Location"].startswith(BACKUP)
    return device, client.get(response["Location"])


def test_a_password_alone_cannot_enrol_a_device(client, superuser):
    log_in(client, superuser)
    assert client.get("/admin/")["Location"].startswith(SETUP)
    assert client.get(SETUP)["Location"] == NEEDED
    page = client.get(NEEDED)
    assert page.status_code == 200 and "设置链接" in page.content.decode()
    # Posting a code for a device made some other way is refused too.
    client.post(SETUP, {"token": "123456"})
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert client.get("/admin/pages/").status_code == 302


def test_the_mailed_link_enrols_once_and_stores_only_a_hash(client, superuser):
    log_in(client, superuser)
    response = client.post(NEEDED)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [superuser.email]
    link = LINK_RE.search(mail.outbox[0].body).group(0)
    raw = LINK_RE.search(mail.outbox[0].body).group(1)
    stored = TwoFactorSetupToken.objects.get(user=superuser)
    assert raw not in stored.token_digest and len(stored.token_digest) == 64

    device, _page = enrol(client, link)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    # Single use: the same link does nothing for a second enrolment.
    other = make_admin_user("second")
    TwoFactorSetupToken.objects.update(user=other)
    second = client.__class__()
    log_in(second, other)
    assert second.get(link)["Location"] == NEEDED
    assert "无效、已使用或已过期" in second.get(NEEDED).content.decode()


def test_mailing_links_to_oneself_is_limited(client, superuser):
    log_in(client, superuser)
    for _ in range(10):
        client.post(NEEDED)
    assert len(mail.outbox) == 3


def test_an_expired_or_someone_elses_link_is_refused(client, superuser):
    link = issued_link()
    other = make_admin_user("clerk")
    log_in(client, other)
    assert client.get(link)["Location"] == NEEDED
    assert client.get(SETUP)["Location"] == NEEDED

    TwoFactorSetupToken.objects.update(user=other, expires_at=timezone.now())
    assert client.get(link)["Location"] == NEEDED
    assert client.get(SETUP)["Location"] == NEEDED


def test_a_link_that_expires_after_opening_cannot_confirm(client, superuser):
    link = issued_link()
    log_in(client, superuser)
    client.get(link)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    TwoFactorSetupToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post(SETUP, {"token": code(device)})
    assert response.status_code == 302 and response["Location"] == NEEDED
    device.refresh_from_db()
    assert not device.confirmed


def test_a_site_administrator_issues_a_link_in_the_admin(client, superuser):
    clerk = make_admin_user("clerk")
    confirmed_device(superuser)
    client.force_login(superuser)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=superuser).persistent_id
    session.save()

    listing = client.get("/admin/users/")
    assert f"/admin/security/two-factor/issue/{clerk.pk}/" in listing.content.decode()
    page = client.post(f"/admin/security/two-factor/issue/{clerk.pk}/")
    assert page.status_code == 200
    link = LINK_RE.search(page.content.decode()).group(0)
    assert ModelLogEntry.objects.filter(action="oversight.two_factor.setup_link").exists()

    clerk_client = client.__class__()
    log_in(clerk_client, clerk)
    enrol(clerk_client, link)
    assert TOTPDevice.objects.filter(user=clerk, confirmed=True).exists()


def test_only_site_administrators_issue_links(client, superuser):
    clerk = make_admin_user("clerk")
    editor = make_admin_user("editor")
    confirmed_device(editor)
    client.force_login(editor)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=editor).persistent_id
    session.save()
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    response = client.post(f"/admin/security/two-factor/issue/{clerk.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert (
        f"/admin/security/two-factor/issue/{clerk.pk}/"
        not in client.get("/admin/users/").content.decode()
    )
    assert not TwoFactorSetupToken.objects.exists()


def test_backup_codes_are_shown_once_and_each_logs_in_once(client, superuser):
    log_in(client, superuser)
    _device, page = enrol(client, issued_link())
    html = page.content.decode()
    codes = StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True)
    assert len(codes) == BACKUP_CODE_COUNT
    assert all(backup in html for backup in codes)
    # Shown once: a reload shows none of them.
    again = client.get(BACKUP).content.decode()
    assert not any(backup in again for backup in codes)

    backup = codes[0]
    client.post("/admin/logout/")
    log_in(client, superuser)
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"token": backup.upper()})
    assert response.status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    assert not StaticToken.objects.filter(token=backup).exists()

    client.post("/admin/logout/")
    log_in(client, superuser)
    StaticDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    refused = client.post(VERIFY, {"token": backup})
    assert refused.status_code == 200 and "验证码不正确" in refused.content.decode()


def test_new_backup_codes_replace_the_old_ones(client, superuser):
    log_in(client, superuser)
    enrol(client, issued_link())
    old = set(StaticToken.objects.values_list("token", flat=True))
    client.post(BACKUP)
    page = client.get(BACKUP).content.decode()
    new = set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == BACKUP_CODE_COUNT and not old & new
    assert all(backup in page for backup in new)


def test_reset_removes_backup_codes_and_needs_a_new_link(client, superuser):
    log_in(client, superuser)
    enrol(client, issued_link())
    call_command("reset_two_factor", "chief", stdout=StringIO())
    assert not StaticDevice.objects.filter(user=superuser).exists()
    client.post("/admin/logout/")
    log_in(client, superuser)
    assert client.get(SETUP)["Location"] == NEEDED


def test_issue_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="不存在"):
        call_command("issue_two_factor_setup", "nobody", stdout=StringIO())
