"""Links that leave the page use the Site record's public address, which bootstrap_site sets
from PORTAL_BASE_URL or WAGTAILADMIN_BASE_URL; never the request's Host or a hard-coded port."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from portal.hosts import absolute_url, parse_base_url, site_root_url

pytestmark = pytest.mark.django_db


def bootstrap():
    call_command("bootstrap_site", stdout=StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("PORTAL_BASE_URL", "PORTAL_SITE_HOSTNAME", "PORTAL_SITE_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "a-long-password-1")
    return monkeypatch


def test_bootstrap_takes_the_site_address_from_wagtailadmin_base_url(clean_env, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://gk.example.gov.cn"
    site = bootstrap()
    assert (site.hostname, site.port, site.root_url) == (
        "gk.example.gov.cn",
        443,
        "https://gk.example.gov.cn",
    )


def test_portal_base_url_wins_and_a_later_deploy_updates_the_site(clean_env, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.gov.cn"
    bootstrap()
    clean_env.setenv("PORTAL_BASE_URL", "http://gk.example.gov.cn:8080/")
    site = bootstrap()
    assert Site.objects.count() == 1
    assert site.root_url == "http://gk.example.gov.cn:8080"


def test_bootstrap_refuses_an_address_that_is_not_a_url(clean_env):
    clean_env.setenv("PORTAL_BASE_URL", "gk.example.gov.cn")
    with pytest.raises(CommandError, match="http:// 或 https://"):
        bootstrap()


@pytest.mark.parametrize("bad", ["", "ftp://x.cn", "https://", "http://x.cn:99999"])
def test_parse_base_url_rejects_non_urls(bad):
    with pytest.raises(ValueError, match="网站地址"):
        parse_base_url(bad)


@pytest.fixture
def public_site(home):
    Site.objects.filter(is_default_site=True).update(hostname="gk.example.gov.cn", port=443)
    catalogue = DisclosureIndexPageFactory(parent=home)
    return PolicyDocumentPageFactory(parent=catalogue, title="关于开展食品安全检查的通知")


def test_helpers_answer_the_site_record(public_site, rf):
    assert site_root_url() == "https://gk.example.gov.cn"
    request = rf.get("/", HTTP_HOST="localhost")
    assert absolute_url("/disclosure/", request) == "https://gk.example.gov.cn/disclosure/"


def test_sitemap_lists_public_addresses(client, public_site):
    body = client.get("/sitemap.xml", HTTP_HOST="localhost:8000").content.decode()
    assert "https://gk.example.gov.cn/disclosure/" in body
    assert "localhost" not in body and "127.0.0.1" not in body


def test_api_detail_and_html_urls_use_the_public_address(client, public_site):
    response = client.get(
        "/api/v2/pages/?type=disclosure.PolicyDocumentPage", HTTP_HOST="localhost:8000"
    )
    (item,) = response.json()["items"]
    assert item["meta"]["detail_url"].startswith("https://gk.example.gov.cn/api/v2/pages/")
    assert item["meta"]["html_url"].startswith("https://gk.example.gov.cn/disclosure/")
    detail = client.get(f"/api/v2/pages/{public_site.pk}/", HTTP_HOST="localhost:8000").json()
    assert detail["meta"]["html_url"] == public_site.full_url


def test_mail_links_use_the_public_address(public_site, settings):
    from types import SimpleNamespace

    from feedback.tasks import admin_url
    from oversight.two_factor import setup_link

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert admin_url(SimpleNamespace(pk=5)).startswith("https://gk.example.gov.cn/admin/")
    assert setup_link("token").startswith("https://gk.example.gov.cn/admin/")
