import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Page

from portal.models import PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    PortalSettings.load()  # created on first use, which itself starts a new generation
    cache.clear()


def test_anonymous_page_is_cached_and_served_from_the_cache(client, home):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second and second["X-Frame-Options"] == "DENY"


def test_publish_unpublish_and_move_invalidate(client, home):
    section = home.add_child(instance=Page(title="公告", slug="notices", show_in_menus=True))
    client.get("/")
    page = section.add_child(instance=Page(title="旧标题", slug="n1", live=False))
    page.title = "新发布的通知"
    page.save_revision().publish()
    assert "新发布的通知" in client.get("/").content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert "新发布的通知" not in client.get("/").content.decode()
    page.save_revision().publish()
    other = home.add_child(instance=Page(title="其他", slug="other", show_in_menus=True))
    client.get("/")
    page.move(other, pos="last-child")
    html = client.get("/").content.decode()
    assert "/other/n1/" in html


def test_elderly_mode_has_its_own_cache_entry(client, home):
    client.get("/")
    client.cookies["portal_elderly"] = "1"
    assert 'class="elderly-mode' in client.get("/").content.decode()


def test_logged_in_users_and_no_store_pages_are_never_cached(client, home):
    user = get_user_model().objects.create_user("u", "u@example.gov.cn", "pw-123456789")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/")
    client.logout()
    assert "X-Page-Cache" not in client.get("/healthz")


def test_cache_failure_never_breaks_a_page(client, home, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("portal.pagecache.cache.get", broken)
    monkeypatch.setattr("portal.pagecache.cache.add", broken)
    assert client.get("/").status_code == 200


def assert_never_cached(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_pages_with_a_captcha_form_are_never_cached(client, home):
    from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
    from feedback.factories import ComplaintFormPageFactory

    complaints = ComplaintFormPageFactory(parent=home)
    complaints.save_revision().publish()
    complaints.refresh_from_db()
    notice = MajorDecisionPageFactory(parent=DecisionIndexPageFactory(parent=home))
    assert notice.is_open_for_comment()
    cache.clear()
    for url in (complaints.url, notice.url):
        assert_never_cached(client, url)
    # Each view of the form carries its own single-use captcha key.
    keys = {
        re.search(r"/captcha/image/(\w+)/", client.get(complaints.url).content.decode()).group(1)
        for _ in range(2)
    }
    assert len(keys) == 2


def test_complaint_status_and_receipts_are_never_cached(client, home):
    from feedback.factories import ComplaintFormPageFactory

    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    assert_never_cached(client, page.status_url())
    assert_never_cached(client, page.status_url() + "?no=TS202611260001")
    receipt = client.post(
        page.url,
        {
            "category": "service_attitude",
            "subject": "窗口人员态度生硬",
            "description": "在政务服务中心二楼窗口办理营业执照变更时，工作人员一直低头看手机。",
            "name": "张三",
            "phone": "13812345678",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
        },
    )
    from feedback.models import Complaint

    number = Complaint.objects.get().tracking_number
    assert receipt.status_code == 200 and number in receipt.content.decode()
    assert "X-Page-Cache" not in receipt
    assert "no-store" in receipt["Cache-Control"]
    # The next anonymous visitor of the form gets a fresh form, not someone's receipt.
    assert number not in client.get(page.url).content.decode()
