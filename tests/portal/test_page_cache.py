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
