from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from portal.demo import DEPARTMENTS
from portal.models import Department, HomePage, PortalSettings

pytestmark = pytest.mark.django_db


def run(command, **env):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_bootstrap_creates_admin_home_and_site_and_removes_the_welcome_page(monkeypatch):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    assert Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    output = run("bootstrap_site")
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    home = HomePage.objects.get()
    assert home.live
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    password = output.split("密码：")[1].split("（")[0].strip()
    assert admin.check_password(password)


def test_bootstrap_is_idempotent_and_keeps_the_admin_password(monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "first-password-123")
    run("bootstrap_site")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "second-password-456")
    output = run("bootstrap_site")
    assert "已存在" in output
    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert get_user_model().objects.get(username="admin").check_password("first-password-123")


def test_load_demo_needs_bootstrap_first():
    with pytest.raises(CommandError, match="bootstrap_site"):
        run("load_demo")


def test_load_demo_is_idempotent():
    run("bootstrap_site")
    run("load_demo")
    first = Department.objects.count()
    run("load_demo")
    assert first == Department.objects.count() == len(DEPARTMENTS) >= 12
    settings = PortalSettings.load()
    assert settings.county_name == "示例县"
    assert settings.hotline == "12345"
    assert Department.objects.filter(code="11331003", name="示例县市场监督管理局").exists()
